"""The :class:`Analysis`: the tidy tables of one run, their texts, saving and loading."""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path

import pandas as pd

from analysis.schema import TABLES, conform

TABLE_NAMES = tuple(TABLES)
_FORMAT_VERSION = 1


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

        Args:
            directory: created if missing; existing table files are replaced.

        Returns:
            The directory.
        """
        directory = Path(directory)
        directory.mkdir(parents=True, exist_ok=True)
        parquet = _has_pyarrow()
        for name, table in self.tables.items():
            table.to_csv(directory / f"{name}.csv", index=False)
            if parquet:
                table.to_parquet(directory / f"{name}.parquet", index=False)
        with open(directory / "texts.jsonl", "w", encoding="utf-8") as handle:
            for article_id, text in self._texts.items():
                handle.write(json.dumps({"article_id": article_id, "text": text}, ensure_ascii=False) + "\n")
        (directory / "analysis.json").write_text(
            json.dumps({"format": _FORMAT_VERSION, "tables": list(TABLE_NAMES)}), encoding="utf-8"
        )
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
            with open(path, encoding="utf-8") as handle:
                for line in handle:
                    row = json.loads(line)
                    texts[row["article_id"]] = row["text"]
        return cls(tables, texts)


def _read_csv(name: str, path: Path) -> pd.DataFrame:
    spec = TABLES[name]
    text_columns = {c: "string" for c, d in spec.items() if d == "string"}
    return pd.read_csv(
        path,
        dtype=text_columns,
        keep_default_na=False,
        na_values={c: ["", "NaN", "nan"] for c, d in spec.items() if d == "float64"},
    )


def _has_pyarrow() -> bool:
    try:
        import pyarrow  # noqa: F401
    except ImportError:
        return False
    return True
