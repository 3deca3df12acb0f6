"""Gold annotations of the bundled corpus: read the YAML answer keys, resolve them to offsets.

A gold file (``data/gold/<event>/<outlet>.yml``) names every entity mention,
claim and number of one article by its surface form and occurrence (the n-th
whole-word, case-sensitive match in the article body). This module turns those
entries into character offsets into the body, so an evaluation can compare them
with what the pipeline found. The formats are described in ``data/README.md``.

Example:
    >>> from analysis.evaluation.gold import find_occurrence
    >>> find_occurrence("IS, ISIL and IS", "IS", 2)
    (13, 15)
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd
import yaml

from analysis.corpus import split_front_matter
from analysis.errors import GoldError
from analysis.resources import checkout_path
from analysis.schema import ENTITY_LABELS, SPEAKER_TYPES

__all__ = [
    "GoldArticle",
    "GoldError",
    "GoldSet",
    "find_occurrence",
    "load_gold",
    "load_gold_dir",
    "read_article",
]

#: How far after the start of a claim's identifying substring its speaker,
#: cue and content are looked for.
CLAIM_WINDOW = 600

QUOTE_KINDS = frozenset({"direct", "indirect", "none"})
QUALIFIERS = frozenset({"exact", "approximate", "at least", "at most", "range"})

ENTITY_COLUMNS = ["article_id", "start", "end", "text", "canonical", "label"]
CLAIM_COLUMNS = [
    "article_id",
    "sentence_start",
    "sentence",
    "speaker",
    "speaker_text",
    "speaker_start",
    "speaker_end",
    "speaker_type",
    "cue",
    "cue_start",
    "cue_end",
    "content",
    "content_start",
    "content_end",
    "quote",
    "hedged",
    "boosted",
    "claim_id",
]
NUMBER_COLUMNS = ["article_id", "start", "end", "text", "value", "value_high", "unit", "qualifier"]


@dataclass(frozen=True)
class GoldArticle:
    """The resolved gold of one article.

    Attributes:
        article_id: The article's ``id`` from its front matter.
        gold_path: The gold YAML file.
        article_path: The article file the gold annotates.
        text: The article body (after the front matter) that all offsets index.
        entities: One row per entity mention (see ``ENTITY_COLUMNS``).
        claims: One row per claim (see ``CLAIM_COLUMNS``).
        numbers: One row per number (see ``NUMBER_COLUMNS``).
    """

    article_id: str
    gold_path: Path
    article_path: Path
    text: str
    entities: pd.DataFrame = field(repr=False)
    claims: pd.DataFrame = field(repr=False)
    numbers: pd.DataFrame = field(repr=False)


@dataclass(frozen=True)
class GoldSet:
    """The gold of many articles, as three tables plus the event descriptions.

    Attributes:
        articles: Resolved gold per article id.
        entities: All entity rows, in file and text order.
        claims: All claim rows.
        numbers: All number rows.
        events: The contents of each ``_event.yml``, keyed by event slug.
    """

    articles: dict[str, GoldArticle]
    entities: pd.DataFrame = field(repr=False)
    claims: pd.DataFrame = field(repr=False)
    numbers: pd.DataFrame = field(repr=False)
    events: dict[str, dict[str, Any]] = field(repr=False)


def _is_word_char(char: str) -> bool:
    return char.isalnum()


def _word_matches(text: str, surface: str, start: int = 0, end: int | None = None) -> list[int]:
    """Start offsets of the whole-word, case-sensitive matches of ``surface``."""
    stop = len(text) if end is None else min(end, len(text))
    found = []
    position = text.find(surface, start, stop)
    while position != -1:
        after = position + len(surface)
        before_ok = position == 0 or not _is_word_char(text[position - 1])
        after_ok = after >= len(text) or not _is_word_char(text[after])
        if before_ok and after_ok:
            found.append(position)
        position = text.find(surface, position + 1, stop)
    return found


def find_occurrence(text: str, surface: str, occurrence: int) -> tuple[int, int]:
    """Return the span of the n-th whole-word, case-sensitive match of ``surface``.

    Whole-word means the character before and the character after the match
    are not letters or digits, so "IS" does not match inside "ISIL" and "US"
    does not match inside "USA".

    Args:
        text: The text to search (an article body).
        surface: The exact characters to find.
        occurrence: Which match to return, counting from 1.

    Returns:
        ``(start, end)`` character offsets into ``text``, end exclusive.

    Raises:
        ValueError: If ``surface`` is empty, ``occurrence`` is below 1, or the
            text holds fewer than ``occurrence`` matches; the message names the
            surface, the occurrence asked for and how many matches exist.
    """
    if not surface:
        raise ValueError("cannot look up an empty surface form; give the words as written")
    if occurrence < 1:
        raise ValueError(f"occurrence of {surface!r} must be 1 or more (counted from 1), got {occurrence}")
    matches = _word_matches(text, surface)
    if occurrence > len(matches):
        raise ValueError(
            f"occurrence {occurrence} of {surface!r} not found: the text has "
            f"{len(matches)} whole-word, case-sensitive match(es) of it; "
            "check the spelling and the occurrence number"
        )
    start = matches[occurrence - 1]
    return start, start + len(surface)


def read_article(path: str | Path) -> tuple[dict[str, Any], str]:
    """Read an article file into its front matter and its body.

    Args:
        path: A ``.md`` or ``.txt`` file that starts with ``---`` YAML front matter.

    Returns:
        The front matter as a dict and the body (everything after the closing ``---`` line).

    Raises:
        GoldError: If the file has no front matter or the front matter is not a YAML mapping.
    """
    path = Path(path)
    raw = path.read_text(encoding="utf-8")
    head, body, _ = split_front_matter(raw)
    if head is None:
        raise GoldError(f"{path}: no front matter; the file must start with a '---' line, YAML, and a '---' line")
    try:
        meta = yaml.safe_load(head)
    except yaml.YAMLError as exc:
        raise GoldError(f"{path}: front matter is not valid YAML: {exc}") from exc
    if not isinstance(meta, dict):
        raise GoldError(f"{path}: front matter must be a YAML mapping (key: value lines)")
    return meta, body


def _article_index(data_dir: Path) -> dict[str, Path]:
    """Map article ids to files under ``events/`` and ``seed/`` of a data folder."""
    index: dict[str, Path] = {}
    candidates = sorted((data_dir / "events").rglob("*.md")) + sorted((data_dir / "seed").glob("*.md"))
    for path in candidates:
        meta, _ = read_article(path)
        article_id = str(meta.get("id", ""))
        if article_id in index:
            raise GoldError(f"{path}: article id {article_id!r} is also used by {index[article_id]}; make ids unique")
        index[article_id] = path
    return index


def _data_dir_for(path: Path) -> Path:
    """The data folder a gold path belongs to: the parent of its nearest ``gold`` ancestor."""
    for parent in [path, *path.parents]:
        if parent.name == "gold":
            return parent.parent
    return checkout_path("data")


def _require(entry: Any, keys: tuple[str, ...], where: str) -> dict[str, Any]:
    if not isinstance(entry, dict):
        raise GoldError(f"{where}: expected a mapping with keys {', '.join(keys)}; got {entry!r}")
    missing = [key for key in keys if key not in entry]
    if missing:
        raise GoldError(f"{where}: missing key(s) {', '.join(missing)}; add them to the entry")
    return entry


def _locate(text: str, surface: str, occurrence: Any, where: str) -> tuple[int, int]:
    if not isinstance(occurrence, int) or isinstance(occurrence, bool):
        raise GoldError(f"{where}: occurrence must be a whole number counted from 1, got {occurrence!r}")
    try:
        return find_occurrence(text, str(surface), occurrence)
    except ValueError as exc:
        raise GoldError(f"{where}: {exc}") from None


def _entity_rows(gold: dict[str, Any], text: str, article_id: str, where: str) -> list[dict[str, Any]]:
    rows = []
    for i, entry in enumerate(gold.get("entities") or []):
        here = f"{where}: entities[{i}]"
        entry = _require(entry, ("text", "occurrence", "canonical", "label"), here)
        if entry["label"] not in ENTITY_LABELS:
            raise GoldError(f"{here}: label {entry['label']!r} is not one of {', '.join(sorted(ENTITY_LABELS))}")
        start, end = _locate(text, entry["text"], entry["occurrence"], here)
        rows.append(
            {
                "article_id": article_id,
                "start": start,
                "end": end,
                "text": text[start:end],
                "canonical": str(entry["canonical"]),
                "label": entry["label"],
            }
        )
    return rows


def _span_in_window(text: str, surface: str, start: int, nth: Any, where: str, key: str) -> tuple[int, int]:
    """Find ``surface`` within ``CLAIM_WINDOW`` characters from ``start``; (-1, -1) if empty."""
    if surface == "":
        return -1, -1
    matches = _word_matches(text, surface, start, start + CLAIM_WINDOW)
    if not isinstance(nth, int) or nth < 1 or nth > len(matches):
        raise GoldError(
            f"{where}: {key} {surface!r} (match {nth!r}) not found within {CLAIM_WINDOW} characters "
            f"after the sentence start; {len(matches)} match(es) there; copy the words exactly as written"
        )
    found = matches[nth - 1]
    return found, found + len(surface)


def _claim_rows(gold: dict[str, Any], text: str, article_id: str, where: str) -> list[dict[str, Any]]:
    rows = []
    keys = ("sentence", "speaker", "speaker_text", "speaker_type", "cue", "content", "quote", "hedged", "boosted")
    for i, entry in enumerate(gold.get("claims") or []):
        here = f"{where}: claims[{i}]"
        entry = _require(entry, keys, here)
        sentence = str(entry["sentence"])
        count = text.count(sentence) if sentence else 0
        if count != 1:
            raise GoldError(
                f"{here}: sentence {sentence!r} occurs {count} time(s) in the article; "
                "give a substring (the sentence start) that occurs exactly once"
            )
        if entry["quote"] not in QUOTE_KINDS:
            raise GoldError(f"{here}: quote {entry['quote']!r} is not one of {', '.join(sorted(QUOTE_KINDS))}")
        if entry["speaker_type"] not in SPEAKER_TYPES:
            raise GoldError(
                f"{here}: speaker_type {entry['speaker_type']!r} is not one of {', '.join(sorted(SPEAKER_TYPES))}"
            )
        for flag in ("hedged", "boosted"):
            if not isinstance(entry[flag], bool):
                raise GoldError(f"{here}: {flag} must be true or false, got {entry[flag]!r}")
        sentence_start = text.index(sentence)
        row: dict[str, Any] = {
            "article_id": article_id,
            "sentence_start": sentence_start,
            "sentence": sentence,
            "speaker": str(entry["speaker"] or ""),
            "speaker_type": entry["speaker_type"],
        }
        for key, surface_key in (("speaker", "speaker_text"), ("cue", "cue"), ("content", "content")):
            surface = str(entry[surface_key] or "")
            start, end = _span_in_window(
                text, surface, sentence_start, entry.get(f"{key}_occurrence", 1), here, surface_key
            )
            row[surface_key] = surface
            row[f"{key}_start"] = start
            row[f"{key}_end"] = end
        row["quote"] = entry["quote"]
        row["hedged"] = entry["hedged"]
        row["boosted"] = entry["boosted"]
        row["claim_id"] = str(entry.get("claim_id") or "")
        rows.append({column: row[column] for column in CLAIM_COLUMNS})
    return rows


def _number_rows(gold: dict[str, Any], text: str, article_id: str, where: str) -> list[dict[str, Any]]:
    rows = []
    for i, entry in enumerate(gold.get("numbers") or []):
        here = f"{where}: numbers[{i}]"
        entry = _require(entry, ("text", "occurrence", "value", "unit", "qualifier"), here)
        if entry["qualifier"] not in QUALIFIERS:
            raise GoldError(f"{here}: qualifier {entry['qualifier']!r} is not one of {', '.join(sorted(QUALIFIERS))}")
        values = [entry["value"], entry.get("value_high")]
        if any(v is not None and (isinstance(v, bool) or not isinstance(v, (int, float))) for v in values):
            raise GoldError(f"{here}: value and value_high must be plain numbers (340000, not '340,000')")
        if (entry["qualifier"] == "range") != (entry.get("value_high") is not None):
            raise GoldError(f"{here}: a 'range' needs value_high, and only a range may have one")
        start, end = _locate(text, entry["text"], entry["occurrence"], here)
        rows.append(
            {
                "article_id": article_id,
                "start": start,
                "end": end,
                "text": text[start:end],
                "value": float(entry["value"]),
                "value_high": float("nan") if entry.get("value_high") is None else float(entry["value_high"]),
                "unit": str(entry["unit"]),
                "qualifier": entry["qualifier"],
            }
        )
    return rows


def _frame(rows: list[dict[str, Any]], columns: list[str]) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=columns)
    for column in columns:
        if column.endswith(("start", "end")):
            frame[column] = frame[column].astype("int64")
        elif column in ("value", "value_high"):
            frame[column] = frame[column].astype("float64")
        elif column in ("hedged", "boosted"):
            frame[column] = frame[column].astype("bool")
    return frame


def _read_yaml(path: Path) -> Any:
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise GoldError(f"{path}: not valid YAML: {exc}") from exc


def _load_gold(path: Path, index: dict[str, Path]) -> GoldArticle:
    gold = _read_yaml(path)
    if not isinstance(gold, dict) or "article_id" not in gold:
        raise GoldError(f"{path}: a gold file is a mapping with article_id, entities, claims and numbers")
    article_id = str(gold["article_id"])
    if article_id not in index:
        raise GoldError(
            f"{path}: article_id {article_id!r} matches no article under events/ or seed/; "
            "use the id from the article's front matter"
        )
    article_path = index[article_id]
    _, text = read_article(article_path)
    where = str(path)
    return GoldArticle(
        article_id=article_id,
        gold_path=path,
        article_path=article_path,
        text=text,
        entities=_frame(_entity_rows(gold, text, article_id, where), ENTITY_COLUMNS),
        claims=_frame(_claim_rows(gold, text, article_id, where), CLAIM_COLUMNS),
        numbers=_frame(_number_rows(gold, text, article_id, where), NUMBER_COLUMNS),
    )


def load_gold(path: str | Path, *, data_dir: str | Path | None = None) -> GoldArticle:
    """Load one gold YAML file and resolve it against its article.

    Args:
        path: A gold file such as ``data/gold/<event>/<outlet>.yml``.
        data_dir: The data folder holding ``events/`` and ``seed/``; by default
            the parent of the ``gold`` folder that contains ``path``.

    Returns:
        The resolved gold with entity, claim and number tables.

    Raises:
        GoldError: If the file is malformed, its article is missing, or an entry
            cannot be found in the article; the message names the file, the
            entry (e.g. ``claims[3]``) and what to fix.
    """
    path = Path(path)
    root = Path(data_dir) if data_dir is not None else _data_dir_for(path.resolve())
    return _load_gold(path, _article_index(root))


def load_gold_dir(root: str | Path, *, data_dir: str | Path | None = None) -> GoldSet:
    """Load every gold file below a folder (``_event.yml`` files become ``events``).

    Args:
        root: A folder such as ``data/gold`` or ``data/gold/<event>``.
        data_dir: The data folder holding ``events/`` and ``seed/``; by default
            the parent of the ``gold`` folder that contains ``root``.

    Returns:
        A ``GoldSet`` whose tables concatenate all articles, in path order.

    Raises:
        GoldError: If any file is malformed or does not match its article, or
            if two gold files annotate the same article.
    """
    root = Path(root)
    data_root = Path(data_dir) if data_dir is not None else _data_dir_for(root.resolve())
    index = _article_index(data_root)
    articles: dict[str, GoldArticle] = {}
    events: dict[str, dict[str, Any]] = {}
    for path in sorted(root.rglob("*.yml")):
        if path.name == "_event.yml":
            event = _read_yaml(path)
            if not isinstance(event, dict) or "event" not in event:
                raise GoldError(f"{path}: an _event.yml is a mapping that starts with 'event: <slug>'")
            events[str(event["event"])] = event
            continue
        article = _load_gold(path, index)
        if article.article_id in articles:
            raise GoldError(
                f"{path}: article {article.article_id!r} is already annotated in "
                f"{articles[article.article_id].gold_path}; keep one gold file per article"
            )
        articles[article.article_id] = article

    def concat(name: str, columns: list[str]) -> pd.DataFrame:
        frames = [getattr(a, name) for a in articles.values() if len(getattr(a, name))]
        if not frames:
            return _frame([], columns)
        return pd.concat(frames, ignore_index=True)

    return GoldSet(
        articles=articles,
        entities=concat("entities", ENTITY_COLUMNS),
        claims=concat("claims", CLAIM_COLUMNS),
        numbers=concat("numbers", NUMBER_COLUMNS),
        events=events,
    )
