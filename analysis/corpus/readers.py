"""Read raw records from files: front matter, CSV rows, JSON lines.

A reader turns one input (a file, a DataFrame) into a stream of
:class:`Record` (fields read, with where they came from) and :class:`Reject`
(something that could not be read, with the reason and the fix). Nothing is
dropped on the way: every record the input holds comes out as one or the other
(a CSV whose header has no ``text`` column gives one reject per row; a row with
an unterminated quote is one reject and the rows after it are still read).
Folders are walked by :mod:`analysis.corpus.walk`, bytes decoded by
:mod:`analysis.corpus.decoding`; validation of the fields happens in
:mod:`analysis.corpus.load`.
"""

from __future__ import annotations

import csv
import io
import json
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from analysis.corpus.decoding import Undecodable, decode
from analysis.corpus.walk import special_file, walk

#: File endings read as one article each (plain text, optional YAML front matter).
TEXT_SUFFIXES = frozenset({".md", ".txt", ".markdown"})
#: File endings read as tables of articles.
TABLE_SUFFIXES = frozenset({".csv", ".jsonl", ".ndjson", ".parquet"})
#: Delimiters tried, in order, on a CSV header that has no ``text`` column when split at commas.
DELIMITERS = (",", ";", "\t", "|")

_BASE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _FrontMatterLoader(_BASE_LOADER):  # type: ignore[misc, valid-type]
    """The safe YAML loader (in C when PyYAML has libyaml) that keeps dates as text.

    ``published: 2017-02-30`` or ``published: 0001-01-01`` then reach the
    loader's own date check (a warning on that article) instead of failing the
    YAML parse or pandas.
    """


_FrontMatterLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in _BASE_LOADER.yaml_implicit_resolvers.items()
}


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


@dataclass
class Skip:
    """A file or folder deliberately not read (hidden, a note about the folder, our own output)."""

    where: str
    reason: str
    fix: str


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


def read_bytes(path: Path) -> bytes | Reject:
    """The bytes of a regular file, or a reject saying why it cannot be read (never opens a FIFO or device)."""
    where = str(path)
    special = special_file(path)
    if special is not None:
        return Reject(where, special.reason, special.fix)
    try:
        return path.read_bytes()
    except OSError as exc:
        return Reject(where, f"cannot be read ({exc.strerror})", "check the file's permissions")


def read_text(path: Path, *, table: bool = False) -> tuple[str, list[str]] | Reject:
    """The decoded text of a file and its warnings, or a reject (unreadable, binary, unknown encoding).

    ``table``: the file holds many records (see :func:`analysis.corpus.decoding.decode`).
    """
    data = read_bytes(path)
    if isinstance(data, Reject):
        return data
    try:
        return decode(data, table=table)
    except Undecodable as exc:
        return Reject(str(path), exc.reason, exc.fix)


def read_front_matter(head: str, where: str) -> dict | Reject:
    """Parse YAML front matter into a dict, or a reject naming the line.

    YAML anchors and aliases are refused: an article's metadata never needs
    them, and nested aliases ("billion laughs") expand beyond any memory.
    """
    try:
        for event in yaml.parse(head, Loader=_FrontMatterLoader):
            if isinstance(event, yaml.AliasEvent):
                return Reject(
                    f"{where}, line {event.start_mark.line + 2}",
                    f"front matter uses YAML anchors and aliases (*{event.anchor}); they are not read",
                    "write each value out in full instead of '&name' and '*name'",
                )
        meta = yaml.load(head, Loader=_FrontMatterLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f", line {mark.line + 2}" if mark is not None else ""
        return Reject(
            f"{where}{line}",
            f"front matter is not valid YAML ({getattr(exc, 'problem', exc)})",
            "fix the YAML between the two '---' lines (quote values that contain ':')",
        )
    except (RecursionError, ValueError, TypeError) as exc:
        return Reject(
            f"{where}, line 2",
            f"front matter could not be read ({type(exc).__name__}: {str(exc)[:80]})",
            "write one plain 'field: value' per line between the '---' lines",
        )
    if meta is not None and not isinstance(meta, dict):
        return Reject(
            f"{where}, line 2",
            "front matter is not a mapping of field: value",
            "write one 'field: value' per line between the '---' lines",
        )
    return meta or {}


def read_text_file(path: Path) -> Iterator[Record | Reject]:
    """One article from a ``.md``/``.txt`` file with optional YAML front matter."""
    where = str(path)
    decoded = read_text(path)
    if isinstance(decoded, Reject):
        yield decoded
        return
    text, warnings = decoded
    head, body, _ = split_front_matter(text)
    fields: dict = {}
    if head is not None:
        meta = read_front_matter(head, where)
        if isinstance(meta, Reject):
            yield meta
            return
        fields.update(meta)
    if "text" in fields:
        warnings.append("front matter field 'text' ignored: the article text is the body")
        fields.pop("text")
    fields["text"] = body
    yield Record(where, fields, warnings)


def read_csv_file(path: Path) -> Iterator[Record | Reject]:
    """Articles from a CSV file with a header row (one article per row).

    The delimiter is the first of :data:`DELIMITERS` that makes the header
    hold a ``text`` column. Without one, every row is rejected on its own line.
    """
    where = str(path)
    decoded = read_text(path, table=True)
    if isinstance(decoded, Reject):
        yield decoded
        return
    text, warnings = decoded
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
    lines = io.StringIO(text, newline="").readlines()
    if not lines:
        return
    header, delimiter = _header(lines[0])
    if header is None:
        yield Reject(f"{where}, line 1", "header row is not valid CSV", "fix the header row")
        return
    if "text" not in header:
        missing = Reject(
            where,
            f"no 'text' column (columns: {', '.join(header)})",
            "name the column holding the article text 'text' (delimiters tried: comma, semicolon, tab, |)",
        )
        for line, _row in _csv_rows(lines, delimiter, len(header)):
            yield Reject(f"{where}, line {line}", missing.reason, missing.fix)
        return
    for line, row in _csv_rows(lines, delimiter, len(header)):
        if isinstance(row, Reject):
            yield Reject(f"{where}, line {line}", row.reason, row.fix)
        else:
            yield Record(f"{where}, line {line}", dict(zip(header, row, strict=True)), list(warnings))


def _header(first: str) -> tuple[list[str] | None, str]:
    chosen: list[str] | None = None
    for delimiter in DELIMITERS:
        try:
            row = next(csv.reader([first], delimiter=delimiter))
        except (csv.Error, StopIteration):
            continue
        names = [h.strip().lstrip("\ufeff") for h in row]
        if "text" in names:
            return names, delimiter
        if chosen is None:
            chosen = names
    return chosen, ","


def _csv_rows(lines: list[str], delimiter: str, width: int) -> Iterator[tuple[int, list[str] | Reject]]:
    """``(line, row or reject)`` for each data row after the header; blank rows are passed over.

    A quote left open until the end of the file is one reject (for the row it
    opens on), and reading starts again on the next line, so the rows it would
    have swallowed are still read.
    """
    first = 1
    while first < len(lines):
        reader = csv.reader(iter(lines[first:]), delimiter=delimiter, strict=True)
        line = 0
        while True:
            start = first + line + 1
            try:
                row = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:
                if reader.line_num + first >= len(lines) and "end of data" in str(exc):
                    yield (
                        start,
                        Reject(
                            "",
                            f"unterminated quote: the quoted field opened on this line never closes (csv: {exc})",
                            'close the quote (and double any quote inside a quoted field: "")',
                        ),
                    )
                    first = start  # read on from the line after the one that opened the quote
                    break
                yield start, Reject("", f"malformed CSV ({exc})", "close the quoted field")
                line = reader.line_num
                continue
            line = reader.line_num
            if not row or all(not cell.strip() for cell in row):
                continue
            if len(row) != width:
                yield (
                    start,
                    Reject(
                        "",
                        f"{len(row)} fields where the header has {width}",
                        "quote fields that contain commas, or add the missing fields",
                    ),
                )
                continue
            yield start, row


def read_jsonl_file(path: Path) -> Iterator[Record | Reject]:
    """Articles from a JSON Lines file (one JSON object per line).

    Lines end at ``\\n`` only (a ``\\r`` before it is dropped): U+2028, U+2029 and
    U+0085 are valid inside JSON strings written with ``ensure_ascii=False``.
    """
    where = str(path)
    decoded = read_text(path, table=True)
    if isinstance(decoded, Reject):
        yield decoded
        return
    text, warnings = decoded
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            value = json.loads(line.removesuffix("\r"))
        except json.JSONDecodeError as exc:
            yield Reject(
                f"{where}, line {number}",
                f"not valid JSON ({exc.msg} at column {exc.colno})",
                "write one complete JSON object per line",
            )
            continue
        except RecursionError:
            yield Reject(
                f"{where}, line {number}",
                "JSON nested too deeply to read (thousands of brackets)",
                "flatten the record: an article is one object of fields",
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


def read_parquet_file(path: Path) -> Iterator[Record | Reject]:
    """Articles from a Parquet file (one article per row; a ``text`` column), e.g. one shard of a large corpus.

    Row groups are read one at a time, so a large shard is never held whole.
    Missing values (nulls) are left out of a record, as for a DataFrame.
    Needs pyarrow (the ``parquet`` extra); without it every such file is one
    reject whose fix is the install command.
    """
    where = str(path)
    special = special_file(path)
    if special is not None:
        yield Reject(where, special.reason, special.fix)
        return
    try:
        import pyarrow.parquet as pq
    except ImportError:
        yield Reject(where, "reading .parquet files needs pyarrow", "pip install 'news-analysis[parquet]'")
        return
    try:
        handle = pq.ParquetFile(path)
    except (OSError, ValueError) as exc:
        yield Reject(where, f"not a readable Parquet file ({exc})", "write the file again, or convert it to .jsonl")
        return
    names = handle.schema_arrow.names
    if "text" not in names:
        reason = f"no 'text' column (columns: {', '.join(names)})"
        for row in range(handle.metadata.num_rows):
            yield Reject(f"{where}, row {row}", reason, "name the column holding the article text 'text'")
        return
    row = 0
    for group in range(handle.num_row_groups):
        for fields in handle.read_row_group(group).to_pylist():
            yield Record(f"{where}, row {row}", {k: v for k, v in fields.items() if v is not None})
            row += 1


def read_path(path: Path) -> Iterator[Record | Reject | Skip]:
    """Records from a file or, recursively and in sorted order, from a folder (see :mod:`analysis.corpus.walk`)."""
    for item in files_to_read(path):
        if isinstance(item, Path):
            yield from read_file(item)
        else:
            yield item


def files_to_read(path: Path) -> Iterator[Path | Reject | Skip]:
    """The files :func:`read_path` reads, in order, with the skips and rejects of the folder walk among them.

    A cluster run (:mod:`analysis.cluster`) cuts this list into partitions, so
    that its workers read exactly the files the loader would.
    """
    if not path.is_dir():
        yield path
        return
    for entry in walk(path):
        if entry.skipped:
            yield Skip(str(entry.path), entry.reason, entry.fix)
        elif entry.reason:
            yield Reject(str(entry.path), entry.reason, entry.fix)
        elif entry.path.suffix.lower() in TEXT_SUFFIXES | TABLE_SUFFIXES:
            yield entry.path
        else:
            yield Reject(
                str(entry.path),
                f"unsupported file type '{entry.path.suffix or entry.path.name}'",
                "convert it to .txt, .md, .csv, .jsonl or .parquet, or move it out of the folder",
            )


def read_file(path: Path) -> Iterator[Record | Reject]:
    """Records from one file, by its ending."""
    suffix = path.suffix.lower()
    if suffix in TEXT_SUFFIXES:
        yield from read_text_file(path)
    elif suffix == ".csv":
        yield from read_csv_file(path)
    elif suffix in (".jsonl", ".ndjson"):
        yield from read_jsonl_file(path)
    elif suffix == ".parquet":
        yield from read_parquet_file(path)
    else:
        yield Reject(
            str(path),
            f"unsupported file type '{suffix or path.name}'",
            "give a folder, or a .txt, .md, .csv, .jsonl or .parquet file",
        )
