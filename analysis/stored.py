"""A large analysis kept on disk: one Parquet dataset per table, partitioned by event.

A cluster run (:mod:`analysis.cluster`) writes its tables here instead of
holding them in memory::

    out/analysis.json                    the marker: who wrote it, the run, which parts are done
    out/<table>/<event dir>/part-00007.parquet   rows of partition 7 that belong to one event
    out/texts/<event dir>/part-00007.parquet     article_id, text (what the offsets index)
    out/rejects/part-00007.parquet       where, reason, fix of every record not analysed
    out/skipped/part-00000.parquet       files passed over on purpose (hidden files, notes)

``<table>`` is one of ``articles, sentences, entities, claims, numbers``; every
file carries an ``event`` column, and ``<event dir>`` is a file-system-safe
name derived from it (:func:`event_dir`), so one event's rows are read alone.
:func:`open_analysis` (``analysis.open``) reads such a folder lazily: Dask
DataFrames for the whole run, or a pandas :class:`~analysis.Analysis` for one
event, which every ``compare`` verb and the report accept.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections.abc import Iterable, Mapping
from pathlib import Path

import pandas as pd

from analysis.corpus.walk import OUTPUT_MARKER, WRITTEN_BY
from analysis.errors import AnalysisError
from analysis.result import TABLE_NAMES, Analysis
from analysis.schema import TABLES, conform

#: The marker file every output folder of this package holds (the loader never reads such a folder as input).
MARKER = OUTPUT_MARKER
#: The layout version of a partitioned output folder.
LAYOUT = "partitioned-1"
REJECT_COLUMNS = ["where", "reason", "fix"]


class StoredError(AnalysisError, ValueError):
    """A folder is not a (complete) partitioned analysis, or an event is not in it."""


def event_dir(event: str) -> str:
    """The folder name of one event's rows: readable, file-system safe, unique per event.

    >>> event_dir("syria-isis-defeat-2017")
    'event=syria-isis-defeat-2017-d43213ab'
    >>> event_dir("")
    'event=-da39a3ee'
    """
    slug = re.sub(r"[^A-Za-z0-9._-]+", "-", event).strip("-.")[:60]
    digest = hashlib.sha1(event.encode("utf-8", "surrogatepass")).hexdigest()[:8]
    return f"event={slug}-{digest}"


def part_name(index: int) -> str:
    """The file name of partition ``index`` (``part-00007.parquet``)."""
    return f"part-{index:05d}.parquet"


def write_partition(
    out: Path, index: int, result: Analysis, rejects: pd.DataFrame, events: Mapping[str, str]
) -> dict[str, int]:
    """Write one partition's tables, texts and rejects; safe to repeat (a retry overwrites the same files).

    Args:
        out: the output folder.
        index: the partition number (names its files).
        result: the partition's analysis.
        rejects: ``where, reason, fix`` of the partition's records that were not analysed.
        events: article id -> event, for the tables that have no ``event`` column.

    Returns:
        Row counts by table (and ``rejects``).
    """
    counts: dict[str, int] = {}
    texts = pd.DataFrame({"article_id": list(result.texts), "text": list(result.texts.values())})
    tables = {**result.tables, "texts": texts}
    for name, table in tables.items():
        table = table.assign(event=table["article_id"].map(events).fillna("").astype("string"))
        for event, rows in table.groupby("event", sort=True):
            write_frame(out / name / event_dir(str(event)) / part_name(index), rows)
        counts[name] = len(table)
    write_frame(out / "rejects" / part_name(index), rejects[REJECT_COLUMNS].astype("string"))
    counts["rejects"] = len(rejects)
    return counts


def write_frame(path: Path, frame: pd.DataFrame) -> None:
    """Write atomically: a reader (or a retried task) never sees half a file."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    table = pa.Table.from_pandas(frame.reset_index(drop=True), preserve_index=False)
    # one text type in every file (pandas writes "string" or "large_string" depending on the
    # column's dtype; an all-empty column is "null"), so that Dask reads the files as one dataset
    fields = [
        field.with_type(pa.large_string())
        if pa.types.is_string(field.type) or pa.types.is_large_string(field.type) or pa.types.is_null(field.type)
        else field
        for field in table.schema
    ]
    pq.write_table(table.cast(pa.schema(fields, metadata=table.schema.metadata)), temporary)
    os.replace(temporary, path)


def read_marker(directory: Path) -> dict | None:
    """The marker of an output folder, or None when there is none (or it is not ours)."""
    path = directory / MARKER
    try:
        meta = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return meta if isinstance(meta, dict) and meta.get("written_by") == WRITTEN_BY else None


def write_marker(directory: Path, meta: Mapping) -> None:
    """Write the marker atomically."""
    directory.mkdir(parents=True, exist_ok=True)
    temporary = directory / f".{MARKER}.tmp"
    temporary.write_text(json.dumps({"written_by": WRITTEN_BY, **meta}, indent=1), encoding="utf-8")
    os.replace(temporary, directory / MARKER)


class StoredAnalysis:
    """A partitioned analysis on disk, read lazily (see :func:`open_analysis`).

    Attributes:
        directory: the output folder.
        events: the events it holds, sorted.
    """

    def __init__(self, directory: Path, meta: Mapping) -> None:
        self.directory = directory
        self.meta = dict(meta)
        self.events = sorted(meta.get("events", []))
        self._recent: Mapping[str, str] = {}  # the texts of the last event loaded (compare looks them up)

    def text(self, article_id: str) -> str:
        """The text that the offsets of ``article_id``'s rows index.

        Texts of the event last read with :meth:`load` are at hand; any other is
        looked up in the ``texts`` files.

        Raises:
            KeyError: when no article has this id.
        """
        if article_id in self._recent:
            return self._recent[article_id]
        import pyarrow.dataset as ds

        files = [str(f) for f in self._files("texts")]
        found = ds.dataset(files, format="parquet").to_table(filter=ds.field("article_id") == article_id)
        if not found.num_rows:
            raise KeyError(f"no article with id {article_id!r} in this analysis")
        return found.column("text")[0].as_py()

    def __repr__(self) -> str:
        return (
            f"<StoredAnalysis {self.directory}: {len(self.events)} events, {self.meta.get('n_articles', '?')} articles>"
        )

    def _files(self, table: str, events: Iterable[str] | None = None) -> list[Path]:
        if events is None:
            return sorted((self.directory / table).glob("event=*/part-*.parquet"))
        return sorted(p for e in events for p in (self.directory / table / event_dir(e)).glob("part-*.parquet"))

    def table(self, name: str):
        """One table of the whole run as a lazy Dask DataFrame (needs ``dask``).

        Args:
            name: ``articles``, ``sentences``, ``entities``, ``claims``, ``numbers``, ``texts`` or ``rejects``.
        """
        from analysis.cluster import require_dask

        require_dask()
        import dask.dataframe as dd

        files = (
            self._files(name)
            if name not in ("rejects", "skipped")
            else sorted((self.directory / name).glob("*.parquet"))
        )
        if not files:
            return dd.from_pandas(conform(name, pd.DataFrame()) if name in TABLES else pd.DataFrame(), npartitions=1)
        # one Dask partition per file, read by pandas (the folders' "event=..." names are not
        # taken as a Hive partition key: every file carries its own event column)
        columns = self.meta.get("columns", {}).get(name)
        if columns is None:
            return dd.from_map(pd.read_parquet, [str(f) for f in files], label=f"read-{name}")
        if "event" not in columns:
            columns = [*columns, "event"]
        return dd.from_map(_read_columns, [str(f) for f in files], names=columns, label=f"read-{name}")

    @property
    def articles(self):
        """The articles table, lazily (Dask)."""
        return self.table("articles")

    @property
    def sentences(self):
        """The sentences table, lazily (Dask)."""
        return self.table("sentences")

    @property
    def entities(self):
        """The entities table, lazily (Dask)."""
        return self.table("entities")

    @property
    def claims(self):
        """The claims table, lazily (Dask)."""
        return self.table("claims")

    @property
    def numbers(self):
        """The numbers table, lazily (Dask)."""
        return self.table("numbers")

    @property
    def rejects(self) -> pd.DataFrame:
        """Every record of the run that was not analysed, with where, reason and fix."""
        files = sorted((self.directory / "rejects").glob("*.parquet"))
        frames = [pd.read_parquet(f) for f in files]
        return pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(columns=REJECT_COLUMNS)

    def load(self, event: str | None = None) -> Analysis:
        """Read one event (or, with ``None``, the whole run) into memory as an :class:`~analysis.Analysis`.

        Raises:
            StoredError: when the event is not in the run (the message lists those that are).
        """
        if event is not None and event not in self.events:
            known = ", ".join(self.events[:20]) + (" ..." if len(self.events) > 20 else "")
            raise StoredError(f"event {event!r} is not in {self.directory}; events: {known or '(none)'}")
        events = None if event is None else [event]
        tables = {}
        for name in TABLE_NAMES:
            frames = [pd.read_parquet(f) for f in self._files(name, events)]
            frame = pd.concat(frames, ignore_index=True) if frames else pd.DataFrame()
            if name != "articles" and "event" in frame.columns:
                frame = frame.drop(columns="event")
            tables[name] = frame
        texts_frames = [pd.read_parquet(f) for f in self._files("texts", events)]
        texts = (
            pd.concat(texts_frames, ignore_index=True) if texts_frames else pd.DataFrame(columns=["article_id", "text"])
        )
        loaded = Analysis(tables, dict(zip(texts["article_id"], texts["text"], strict=True)))
        self._recent = loaded.texts
        return loaded


def _read_columns(path: str, names: list[str]) -> pd.DataFrame:
    """One file of a table with the run's columns (a column some other partition has is added, empty)."""
    return pd.read_parquet(path).reindex(columns=names)


def open_analysis(directory: str | Path, event: str | None = None) -> StoredAnalysis | Analysis:
    """Open a result on disk: a cluster run's partitioned folder, or a folder written by ``Analysis.save``.

    Args:
        directory: the output folder.
        event: read only this event, into memory (a pandas :class:`~analysis.Analysis`).

    Returns:
        A :class:`StoredAnalysis` (lazy; ``.load(event)`` reads one event) or,
        with ``event`` or for a folder written by ``Analysis.save``, an
        :class:`~analysis.Analysis`.

    Raises:
        StoredError: when the folder holds no analysis, or an unfinished run.
    """
    directory = Path(directory)
    meta = read_marker(directory)
    if meta is None:
        if (directory / "articles.csv").exists() or (directory / "articles.parquet").exists():
            return Analysis.load(directory)
        raise StoredError(f"{directory}: no analysis here (no {MARKER}); pass the --out folder of a run")
    if meta.get("layout") != LAYOUT:
        return Analysis.load(directory)
    if not meta.get("complete"):
        done = directory / "_done"
        n_done = sum(1 for _ in done.iterdir()) if done.is_dir() else 0
        raise StoredError(
            f"{directory}: the run that writes this folder has not finished ({n_done} of "
            f"{meta.get('n_partitions', '?')} partitions analysed); run the same command again to resume it"
        )
    stored = StoredAnalysis(directory, meta)
    return stored if event is None else stored.load(event)
