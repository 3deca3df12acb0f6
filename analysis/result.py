"""The :class:`Analysis`: the tidy tables of one run, their texts, saving and loading.

CSV files are written for people who open them in a spreadsheet, and read back
exactly:

- every field that holds a line break (CR or LF) is quoted, with CRLF between
  rows (RFC 4180), so a lone CR inside a sentence never splits a row;
- a text cell that a spreadsheet would run as a formula (it starts with ``=``,
  ``+``, ``-``, ``@``, a tab or a CR) is written with a leading apostrophe
  (``'=1+1``), the standard defence against CSV injection; a cell that already
  starts with an apostrophe gets one more, so :meth:`Analysis.load` removes
  exactly one and gets the text back. Parquet files, ``texts.jsonl`` and the
  tables in memory always hold the exact text.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from types import MappingProxyType

import pandas as pd

from analysis.corpus.walk import OUTPUT_MARKER, WRITTEN_BY
from analysis.schema import TABLES, conform

TABLE_NAMES = tuple(TABLES)
_FORMAT_VERSION = 1
#: First characters that make a spreadsheet treat a cell as a formula (and the escape itself).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "'")
#: The file that marks a folder as written by :meth:`Analysis.save` (never read as input by the loader).
MARKER = OUTPUT_MARKER


class Analysis:
    """The result of :func:`analysis.analyze`: five long tables keyed by ``article_id``.

    Attributes:
        articles, sentences, entities, claims, numbers: pandas DataFrames whose
            columns are listed in :mod:`analysis.schema`.
    """

    def __init__(self, tables: Mapping[str, pd.DataFrame], texts: Mapping[str, str], *, strict: bool = False) -> None:
        """Hold the tables (put in contract order and dtypes) and the texts their offsets index.

        Args:
            tables: the five tables by name.
            texts: article id -> the text its rows' offsets index.
            strict: raise when a table with rows lacks a contract column (the
                pipeline's own tables); otherwise missing columns are filled.

        Raises:
            ValueError: when a table is missing.
            SchemaError: with ``strict``, when a contract column is missing.
        """
        missing = set(TABLE_NAMES) - set(tables)
        if missing:
            raise ValueError(f"missing tables: {', '.join(sorted(missing))}")
        for name in TABLE_NAMES:
            setattr(self, name, conform(name, tables[name], strict=strict))
        self._texts = dict(texts)

    articles: pd.DataFrame
    sentences: pd.DataFrame
    entities: pd.DataFrame
    claims: pd.DataFrame
    numbers: pd.DataFrame

    def __repr__(self) -> str:
        counts = ", ".join(f"{len(getattr(self, n))} {n}" for n in TABLE_NAMES)
        return f"<Analysis: {counts}>"

    @property
    def tables(self) -> dict[str, pd.DataFrame]:
        """The five tables by name."""
        return {name: getattr(self, name) for name in TABLE_NAMES}

    @property
    def texts(self) -> Mapping[str, str]:
        """Every article's text by id, read-only: what the offsets index (in article order)."""
        return MappingProxyType(self._texts)

    def text(self, article_id: str) -> str:
        """The text that the offsets of ``article_id``'s rows index."""
        try:
            return self._texts[article_id]
        except KeyError:
            raise KeyError(f"no article with id {article_id!r} in this analysis") from None

    def subset(self, article_ids) -> Analysis:
        """A new Analysis with only the given articles (order of ``self.articles`` kept)."""
        keep = set(article_ids)
        tables = {n: t[t["article_id"].isin(keep)] for n, t in self.tables.items()}
        return Analysis(tables, {k: v for k, v in self._texts.items() if k in keep})

    def save(self, directory: str | Path) -> Path:
        """Write every table as CSV (and Parquet when pyarrow is installed) plus the texts.

        The marker file ``analysis.json`` is written first, so that even a
        half-written folder is recognised as ours and never loaded as a corpus.
        CSV cells are quoted and neutralised for spreadsheets (see the module notes).

        Args:
            directory: created if missing; existing table files are replaced.

        Returns:
            The directory.
        """
        directory = Path(directory)
        directory.mkdir(parents=True, exist_ok=True)
        (directory / MARKER).write_text(
            json.dumps({"format": _FORMAT_VERSION, "tables": list(TABLE_NAMES), "written_by": WRITTEN_BY}),
            encoding="utf-8",
        )
        parquet = _has_pyarrow()
        for name, table in self.tables.items():
            write_csv(table, directory / f"{name}.csv")
            if parquet:
                table.to_parquet(directory / f"{name}.parquet", index=False)
        with open(directory / "texts.jsonl", "w", encoding="utf-8", newline="\n") as handle:
            for article_id, text in self._texts.items():
                handle.write(json.dumps({"article_id": article_id, "text": text}, ensure_ascii=False) + "\n")
        return directory

    @classmethod
    def load(cls, directory: str | Path) -> Analysis:
        """Read an analysis written by :meth:`save` (Parquet when present and readable, else CSV).

        Raises:
            FileNotFoundError: naming the missing file.
        """
        directory = Path(directory)
        tables = {}
        for name in TABLE_NAMES:
            parquet, csv = directory / f"{name}.parquet", directory / f"{name}.csv"
            if parquet.exists() and _has_pyarrow():
                tables[name] = pd.read_parquet(parquet)
            elif csv.exists():
                tables[name] = _read_csv(name, csv)
            else:
                raise FileNotFoundError(f"{csv}: missing; is {directory} a folder written by Analysis.save()?")
        texts = {}
        path = directory / "texts.jsonl"
        if path.exists():
            for line in path.read_text(encoding="utf-8").split("\n"):
                if line.strip():
                    row = json.loads(line)
                    texts[row["article_id"]] = row["text"]
        return cls(tables, texts)


def neutralise(value: str) -> str:
    """The text as written to a CSV cell: a leading apostrophe when it starts like a formula (or an apostrophe)."""
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def restore(value: str) -> str:
    """The inverse of :func:`neutralise`: one leading apostrophe removed."""
    return value[1:] if value.startswith("'") else value


def write_csv(table: pd.DataFrame, path: Path) -> None:
    """Write a table as CSV that spreadsheets open safely and :meth:`Analysis.load` reads back exactly.

    Args:
        table: any DataFrame; its text columns are neutralised (see :func:`neutralise`).
        path: the file to write.
    """
    table = table.copy()
    for column in table.columns:
        if table[column].dtype == object or str(table[column].dtype) == "string":
            table[column] = table[column].map(lambda v: neutralise(v) if isinstance(v, str) else v)
    table.to_csv(path, index=False, lineterminator="\r\n")


def _read_csv(name: str, path: Path) -> pd.DataFrame:
    spec = TABLES[name]
    text_columns = {c: "string" for c, d in spec.items() if d == "string"}
    frame = pd.read_csv(
        path,
        dtype=text_columns,
        keep_default_na=False,
        na_values={c: ["", "NaN", "nan"] for c, d in spec.items() if d == "float64"},
    )
    for column in frame.columns:
        if frame[column].dtype == object or str(frame[column].dtype) == "string":
            frame[column] = frame[column].map(lambda v: restore(v) if isinstance(v, str) else v)
    return frame


def _has_pyarrow() -> bool:
    try:
        import pyarrow  # noqa: F401
    except ImportError:
        return False
    return True
