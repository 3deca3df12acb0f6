"""Read raw records from files: decoding, front matter, CSV rows, JSON lines.

A reader turns one input (a file, a DataFrame) into a stream of
:class:`Record` (fields read, with where they came from) and :class:`Reject`
(something that could not be read, with the reason and the fix). Nothing is
dropped on the way: every record the input holds comes out as one or the other.
Validation of the fields themselves happens in :mod:`analysis.corpus`.
"""

from __future__ import annotations

import codecs
import csv
import io
import json
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import yaml

# The safe loader (no arbitrary objects), in C when PyYAML was built with libyaml.
_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

#: File endings read as one article each (plain text, optional YAML front matter).
TEXT_SUFFIXES = frozenset({".md", ".txt", ".markdown"})
#: File endings read as tables of articles.
TABLE_SUFFIXES = frozenset({".csv", ".jsonl", ".ndjson"})
#: Files in a folder that describe the folder rather than hold an article.
SKIPPED_NAMES = ("readme", "license", "licence", "changelog")
#: An event's own alias lexicon beside its articles: an input of the entity stage
#: (``analysis.entities.event_lexicons``), neither an article nor a reject.
EVENT_LEXICON_NAMES = frozenset({"aliases.yml", "aliases.yaml"})


@dataclass
class Record:
    """Fields of one article as read, before validation."""

    where: str
    fields: dict
    warnings: list[str] = field(default_factory=list)


@dataclass
class Reject:
    """An input record that could not be read."""

    where: str
    reason: str
    fix: str


def decode(data: bytes, where: str) -> tuple[str | None, list[str], Reject | None]:
    """Decode file bytes: UTF-8 (with or without BOM), UTF-16 with BOM, else cp1252 with a warning.

    Returns:
        ``(text, warnings, reject)``; ``text`` is None when the bytes are not text.
    """
    if data.startswith(codecs.BOM_UTF8):
        return _strict(data[len(codecs.BOM_UTF8) :], "utf-8", where)
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _strict(data, "utf-16", where)
    if b"\x00" in data[:4096]:
        return (
            None,
            [],
            Reject(
                where,
                "binary file (contains NUL bytes), not text",
                "remove it from the folder, or export it as UTF-8 text",
            ),
        )
    try:
        return data.decode("utf-8"), [], None
    except UnicodeDecodeError as exc:
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            return (
                None,
                [],
                Reject(
                    where,
                    f"not UTF-8 (byte {exc.start}) and not Windows-1252 either",
                    "re-save the file as UTF-8",
                ),
            )
        return (
            text,
            [
                f"not valid UTF-8 (first bad byte at {exc.start}); decoded as Windows-1252 — "
                "check accented letters and re-save the file as UTF-8"
            ],
            None,
        )


def _strict(data: bytes, encoding: str, where: str):
    try:
        return data.decode(encoding), [], None
    except UnicodeDecodeError as exc:
        return (
            None,
            [],
            Reject(
                where,
                f"starts with a {encoding} byte-order mark but byte {exc.start} is invalid",
                "re-save the file as UTF-8",
            ),
        )


def split_front_matter(text: str) -> tuple[str | None, str, int]:
    """Split ``---``-delimited YAML front matter from the body.

    Returns:
        ``(front_matter or None, body, body_line)`` where ``body_line`` is the
        1-based line of the file on which the body starts.
    """
    if not (text.startswith("---\n") or text.startswith("---\r\n")):
        return None, text, 1
    first_break = text.index("\n") + 1
    pos = first_break
    while True:
        end = text.find("\n", pos)
        line = text[pos:] if end == -1 else text[pos:end]
        if line.rstrip("\r") in ("---", "..."):
            body_start = len(text) if end == -1 else end + 1
            head = text[first_break:pos]
            return head, text[body_start:], text.count("\n", 0, body_start) + 1
        if end == -1:
            return None, text, 1  # no closing line: not front matter, keep it as text
        pos = end + 1


def read_text_file(path: Path) -> Iterator[Record | Reject]:
    """One article from a ``.md``/``.txt`` file with optional YAML front matter."""
    where = str(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        yield Reject(where, f"cannot be read ({exc.strerror})", "check the file's permissions")
        return
    text, warnings, reject = decode(data, where)
    if reject:
        yield reject
        return
    head, body, _ = split_front_matter(text)
    fields: dict = {}
    if head is not None:
        try:
            meta = yaml.load(head, Loader=_SAFE_LOADER)
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            line = f", line {mark.line + 2}" if mark is not None else ""
            yield Reject(
                f"{where}{line}",
                f"front matter is not valid YAML ({getattr(exc, 'problem', exc)})",
                "fix the YAML between the two '---' lines (quote values that contain ':')",
            )
            return
        if meta is not None and not isinstance(meta, dict):
            yield Reject(
                f"{where}, line 2",
                "front matter is not a mapping of field: value",
                "write one 'field: value' per line between the '---' lines",
            )
            return
        fields.update(meta or {})
    if "text" in fields:
        warnings.append("front matter field 'text' ignored: the article text is the body")
        fields.pop("text")
    fields["text"] = body
    yield Record(where, fields, warnings)


def read_csv_file(path: Path) -> Iterator[Record | Reject]:
    """Articles from a CSV file with a header row (one article per row)."""
    where = str(path)
    text, warnings, reject = decode(path.read_bytes(), where)
    if reject:
        yield reject
        return
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader)
    except StopIteration:
        return
    except csv.Error as exc:
        yield Reject(f"{where}, line 1", f"header row is not valid CSV ({exc})", "fix the header row")
        return
    header = [h.strip().lstrip("\ufeff") for h in header]
    if "text" not in header:
        yield Reject(
            f"{where}, line 1",
            f"no 'text' column (columns: {', '.join(header)})",
            "name the column holding the article text 'text'",
        )
        return
    line = reader.line_num
    while True:
        start = line + 1
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            yield Reject(f"{where}, line {start}", f"malformed CSV ({exc})", "close the quoted field")
            line = reader.line_num
            continue
        line = reader.line_num
        if not row or all(not cell.strip() for cell in row):
            continue
        if len(row) != len(header):
            yield Reject(
                f"{where}, line {start}",
                f"{len(row)} fields where the header has {len(header)}",
                "quote fields that contain commas, or add the missing fields",
            )
            continue
        yield Record(f"{where}, line {start}", dict(zip(header, row, strict=True)), list(warnings))


def read_jsonl_file(path: Path) -> Iterator[Record | Reject]:
    """Articles from a JSON Lines file (one JSON object per line)."""
    where = str(path)
    text, warnings, reject = decode(path.read_bytes(), where)
    if reject:
        yield reject
        return
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            value = json.loads(line)
        except json.JSONDecodeError as exc:
            yield Reject(
                f"{where}, line {number}",
                f"not valid JSON ({exc.msg} at column {exc.colno})",
                "write one complete JSON object per line",
            )
            continue
        if not isinstance(value, dict):
            yield Reject(
                f"{where}, line {number}",
                f"a JSON {type(value).__name__}, not an object",
                'write each article as {"text": ..., "source": ...}',
            )
            continue
        yield Record(f"{where}, line {number}", value, list(warnings))


def read_path(path: Path) -> Iterator[Record | Reject]:
    """Records from a file or, recursively and in sorted order, from a folder."""
    if path.is_dir():
        for child in sorted(path.rglob("*")):
            if child.is_dir() or any(part.startswith(".") for part in child.relative_to(path).parts):
                continue
            if child.stem.lower().startswith(SKIPPED_NAMES) or child.name.lower() in EVENT_LEXICON_NAMES:
                continue
            if child.suffix.lower() in TEXT_SUFFIXES | TABLE_SUFFIXES:
                yield from read_path(child)
            else:
                yield Reject(
                    str(child),
                    f"unsupported file type '{child.suffix or child.name}'",
                    "convert it to .txt, .md, .csv or .jsonl, or move it out of the folder",
                )
        return
    suffix = path.suffix.lower()
    if suffix in TEXT_SUFFIXES:
        yield from read_text_file(path)
    elif suffix == ".csv":
        yield from read_csv_file(path)
    elif suffix in (".jsonl", ".ndjson"):
        yield from read_jsonl_file(path)
    else:
        yield Reject(
            str(path),
            f"unsupported file type '{suffix or path.name}'",
            "give a folder, or a .txt, .md, .csv or .jsonl file",
        )
