"""The columns of each result table: the public contract, in one place.

Tables may carry more columns than these; these are guaranteed, in this order,
with these dtypes (pandas names). :func:`conform` is used when tables are built
and when they are loaded from disk, so a saved analysis reads back exactly.
"""

from __future__ import annotations

import pandas as pd

from analysis.errors import SchemaError

#: The entity types of the ``label`` column, the one list every stage and evaluation uses.
ENTITY_LABELS: tuple[str, ...] = ("PERSON", "ORG", "GPE", "LOC", "NORP")

#: The kinds of source in the claims table's ``speaker_type`` column, in display order.
SPEAKER_TYPES: tuple[str, ...] = ("person", "official body", "document", "anonymous", "outlet")

TABLES: dict[str, dict[str, str]] = {
    "articles": {
        "article_id": "string",
        "source": "string",
        "event": "string",
        "title": "string",
        "published": "datetime64[ns]",
        "n_sentences": "int64",
        "n_words": "int64",
        "n_entities": "int64",
        "n_claims": "int64",
        "n_attributed": "int64",
        "tone": "float64",
        "polarity": "float64",
        "subjectivity": "float64",
        "compound": "float64",
        "url": "string",
        "n_debris": "int64",
        "warnings": "string",
    },
    "sentences": {
        "article_id": "string",
        "sentence_id": "int64",
        "start": "int64",
        "end": "int64",
        "text": "string",
        "kind": "string",
        "is_debris": "bool",
        "n_words": "int64",
        "tone": "float64",
        "polarity": "float64",
        "subjectivity": "float64",
        "compound": "float64",
        "is_claim": "bool",
    },
    "entities": {
        "article_id": "string",
        "sentence_id": "int64",
        "start": "int64",
        "end": "int64",
        "text": "string",
        "canonical": "string",
        "label": "string",
        "title": "string",
        "tone": "float64",
    },
    "claims": {
        "article_id": "string",
        "sentence_id": "int64",
        "text": "string",
        "speaker": "string",
        "speaker_type": "string",
        "speaker_text": "string",
        "speaker_start": "int64",
        "speaker_end": "int64",
        "cue": "string",
        "cue_start": "int64",
        "cue_end": "int64",
        "content_start": "int64",
        "content_end": "int64",
        "quote": "string",
        "hedged": "bool",
        "boosted": "bool",
    },
    "numbers": {
        "article_id": "string",
        "sentence_id": "int64",
        "start": "int64",
        "end": "int64",
        "text": "string",
        "value": "float64",
        "value_high": "float64",
        "unit": "string",
        "qualifier": "string",
        "rate": "string",
    },
}

_FILL = {"string": "", "int64": -1, "float64": float("nan"), "bool": False}


def empty(table: str) -> pd.DataFrame:
    """An empty DataFrame with the table's contract columns and dtypes."""
    return conform(table, pd.DataFrame())


def conform(table: str, frame: pd.DataFrame, *, strict: bool = False) -> pd.DataFrame:
    """Put the contract columns first, in order, with their dtypes; keep any extra columns after.

    Args:
        table: the table's name (a key of :data:`TABLES`).
        frame: its rows.
        strict: for tables the pipeline built: a contract column missing from a
            table that has rows raises instead of being filled. Hand-built and
            loaded tables (``strict=False``) get missing columns filled with an
            empty string, -1, NaN or False.

    Raises:
        SchemaError: with ``strict``, naming the table and the missing columns.
    """
    spec = TABLES[table]
    if strict and len(frame):
        missing = [column for column in spec if column not in frame.columns]
        if missing:
            raise SchemaError(
                f"the pipeline built the {table!r} table without the contract column(s) {', '.join(missing)}; "
                "this is a bug in the stage that makes the table: please report it"
            )
    frame = frame.copy()
    for column, dtype in spec.items():
        if column not in frame.columns:
            frame[column] = pd.Series([_FILL.get(dtype)] * len(frame), index=frame.index, dtype="object")
        if dtype.startswith("datetime"):
            frame[column] = pd.to_datetime(frame[column]).astype(dtype)
        elif dtype == "string":
            frame[column] = frame[column].fillna("").astype(str).astype("string")
        elif dtype == "bool":
            frame[column] = frame[column].map(_as_bool).astype("bool")
        else:
            frame[column] = frame[column].astype(dtype)
    extra = [c for c in frame.columns if c not in spec]
    return frame[[*spec, *extra]].reset_index(drop=True)


def _as_bool(value: object) -> bool:
    if isinstance(value, str):
        return value.strip().lower() in ("true", "1", "yes")
    return bool(value) if value is not None and value == value else False
