"""A large analysis kept on disk: one Parquet dataset per table, in files that hold whole events.

A cluster run (:mod:`analysis.cluster`) writes its tables here instead of
holding them in memory::

    out/analysis.json                 the marker: who wrote it, the run, its events and their groups
    out/<table>/part-00003.parquet    every row of the events of group 3 (sorted by event)
    out/texts/part-00003.parquet      article_id, text (what the offsets index) of those events
    out/rejects/part-00007.parquet    where, reason, fix of every record of input partition 7 the loader rejects
    out/rejects/repeats.parquet       the records that repeat an earlier one (judged over the whole input)
                                      (rejects files also hold each row's partition and position in it:
                                      :attr:`StoredAnalysis.rejects` gives them in input order)
    out/skipped/walk.parquet          files passed over on purpose (hidden files, notes)

``<table>`` is one of ``articles, sentences, entities, claims, numbers``. The
events of a run are cut into *groups* of whole events (about
:data:`analysis.cluster.ARTICLES_PER_GROUP` articles each; the marker's
``groups`` lists each group's events), and file ``part-G`` of every table holds
the rows of group G's events and nothing else, with an ``event`` column. So one
event's rows are read alone (one file per table, filtered on ``event``), and the
files of all tables line up: file G of ``sentences`` and file G of ``entities``
describe the same articles, which is what lets the ``compare`` verbs run on the
whole run group by group (:meth:`StoredAnalysis.map_groups`).
:func:`open_analysis` (``analysis.open``) reads such a folder lazily: Dask
DataFrames for the whole run, or a pandas :class:`~analysis.Analysis` for one
event, which every ``compare`` verb and the report accept.

While a run is going, ``out/_input/part-P.pkl`` holds input partition P's
articles by event, ``out/_input/keys-P.pkl`` their identities (id, where, text
digest) and ``out/_done/G`` the summary of each finished group (see
:mod:`analysis.cluster`); both are removed when the run finishes.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path

import pandas as pd

from analysis.corpus.walk import OUTPUT_MARKER, WRITTEN_BY
from analysis.errors import AnalysisError
from analysis.result import TABLE_NAMES, Analysis
from analysis.schema import TABLES, conform

#: The marker file every output folder of this package holds (the loader never reads such a folder as input).
MARKER = OUTPUT_MARKER
#: The layout version of a partitioned output folder (older ones are not read any more: run them
#: again; ``partitioned-1``: session 4's files per partition and event; ``partitioned-2``: rejects
#: files without their place in the input).
LAYOUT = "partitioned-3"
REJECT_COLUMNS = ["where", "reason", "fix"]
#: The tables a run writes, in the order they are written.
STORED_TABLES = (*TABLE_NAMES, "texts")


class StoredError(AnalysisError, ValueError):
    """A folder is not a (complete) partitioned analysis, or an event is not in it."""


def is_partitioned(meta: Mapping | None) -> bool:
    """True for the marker of a cluster run's folder (any layout version)."""
    return meta is not None and str(meta.get("layout", "")).startswith("partitioned-")


def part_name(index: int) -> str:
    """The file name of partition or group ``index`` (``part-00007.parquet``)."""
    return f"part-{index:05d}.parquet"


def write_group(folder: Path, group: int, result: Analysis, events: Mapping[str, str]) -> dict[str, int]:
    """Write one event group's tables and texts (``<table>/part-G.parquet``, rows sorted by event, with an
    ``event`` column); safe to repeat (fixed file names). A table without rows gets no file.

    Args:
        folder: the output folder.
        group: the group's number (names its files).
        result: the group's analysis (every article of each of its events).
        events: article id -> event.

    Returns:
        Row counts by table.
    """
    counts: dict[str, int] = {}
    texts = pd.DataFrame({"article_id": list(result.texts), "text": list(result.texts.values())})
    for name, table in {**result.tables, "texts": texts}.items():
        counts[name] = len(table)
        if len(table):  # each event's rows in input order
            table = table.assign(event=table["article_id"].map(events).astype("string"))
            write_frame(folder / name / part_name(group), table.sort_values("event", kind="stable"))
    return counts


def write_rejects(path: Path, partition: int | Sequence[int], rejects: Sequence[tuple]) -> None:
    """Write rejects with their place in the input: ``where, reason, fix, partition, position``.

    Args:
        path: the file.
        partition: the input partition of every reject, or of each.
        rejects: ``(position, reject)`` pairs (``position`` counts the partition's records).
    """
    partitions = [partition] * len(rejects) if isinstance(partition, int) else list(partition)
    rows = pd.DataFrame([(r.where, r.reason, r.fix) for _, r in rejects], columns=REJECT_COLUMNS).astype("string")
    rows["partition"] = pd.Series(partitions, dtype="int64")
    rows["position"] = pd.Series([position for position, _ in rejects], dtype="int64")
    write_frame(path, rows)


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
        groups: the events of each group (file ``part-G`` of every table holds group G's rows).
    """

    def __init__(self, directory: Path, meta: Mapping) -> None:
        self.directory = directory
        self.meta = dict(meta)
        self.events = sorted(meta.get("events", []))
        self.groups: list[list[str]] = [list(g) for g in meta.get("groups", [])]
        self._group_of = {event: g for g, events in enumerate(self.groups) for event in events}
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

    def _files(self, table: str, groups: Iterable[int] | None = None) -> list[Path]:
        if groups is None:
            return sorted((self.directory / table).glob("part-*.parquet"))
        paths = (self.directory / table / part_name(g) for g in sorted(set(groups)))
        return [p for p in paths if p.exists()]

    def _check(self, event: str) -> None:
        if event not in self._group_of:
            known = ", ".join(self.events[:20]) + (" ..." if len(self.events) > 20 else "")
            raise StoredError(f"event {event!r} is not in {self.directory}; events: {known or '(none)'}")

    def table(self, name: str):
        """One table of the whole run as a lazy Dask DataFrame, one Dask partition per event group (needs ``dask``).

        Args:
            name: ``articles``, ``sentences``, ``entities``, ``claims``, ``numbers``, ``texts`` or ``rejects``
                (the files as written: with each reject's ``partition`` and ``position``, not yet in input
                order; :attr:`rejects` sorts them).
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
        # one Dask partition per file, read by pandas
        columns = self.meta.get("columns", {}).get(name)
        if columns is None:
            return dd.from_map(pd.read_parquet, [str(f) for f in files], label=f"read-{name}")
        if "event" not in columns:
            columns = [*columns, "event"]
        return dd.from_map(_read_columns, [str(f) for f in files], wanted=columns, label=f"read-{name}")

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
        """Every record of the run that was not analysed, with where, reason and fix, in input order
        (the order :func:`analysis.load_corpus` gives them)."""
        files = sorted((self.directory / "rejects").glob("*.parquet"))
        frames = [pd.read_parquet(f) for f in files]
        if not frames:
            return pd.DataFrame(columns=REJECT_COLUMNS)
        rows = pd.concat(frames, ignore_index=True)
        rows = rows.sort_values(["partition", "position"], kind="stable", ignore_index=True)
        return rows[REJECT_COLUMNS]

    def load(self, event: str | None = None, *, tables: Iterable[str] | None = None) -> Analysis:
        """Read one event (or, with ``None``, the whole run) into memory as an :class:`~analysis.Analysis`.

        One event is read from one file per table (its group's), keeping only its rows.

        Args:
            event: the event (``None``: every event).
            tables: read only these tables (names of :data:`STORED_TABLES`); the others are
                empty (with their columns). ``None``: all.

        Raises:
            StoredError: when the event is not in the run (the message lists those that are).
        """
        if event is None:
            loaded = self.load_group(None, tables=tables)
        else:
            self._check(event)
            loaded = self.load_group(self._group_of[event], event=event, tables=tables)
        self._recent = loaded.texts
        return loaded

    def load_group(
        self, group: int | None, *, event: str | None = None, tables: Iterable[str] | None = None
    ) -> Analysis:
        """Read event group ``group`` (``None``: every group) into memory, or only ``event`` of it.

        ``tables``: read only these (the others are empty, with their columns); ``None``: all.
        """
        groups = None if group is None else [group]
        filters = None if event is None else [("event", "==", event)]
        wanted = set(STORED_TABLES if tables is None else tables)
        unknown = wanted - set(STORED_TABLES)
        if unknown:
            raise StoredError(f"no table(s) {', '.join(sorted(unknown))}; tables: {', '.join(STORED_TABLES)}")
        loaded = {}
        for name in STORED_TABLES:
            if name not in wanted:
                loaded[name] = conform(name, pd.DataFrame()) if name in TABLES else pd.DataFrame()
                continue
            frames = [pd.read_parquet(f, filters=filters) for f in self._files(name, groups)]
            frames = [f for f in frames if len(f)] or frames[:1]
            frame = pd.concat(frames, ignore_index=True) if frames else pd.DataFrame()
            if name != "articles" and "event" in frame.columns:
                frame = frame.drop(columns="event")
            loaded[name] = frame
        texts = loaded.pop("texts")
        if texts.empty:
            texts = pd.DataFrame(columns=["article_id", "text"])
        return Analysis(loaded, dict(zip(texts["article_id"], texts["text"], strict=True)))

    def map_groups(
        self,
        function: Callable[[Analysis], object],
        *,
        events: Iterable[str] | None = None,
        tables: Iterable[str] | None = None,
    ) -> list:
        """Run ``function`` on each event group read into memory, as Dask tasks; returns their results in order.

        Every result is held at once: to combine many large results, iterate
        :meth:`iter_groups` instead (what the ``compare`` verbs do).

        Args:
            function: takes an :class:`~analysis.Analysis` of one group.
            events: only the groups holding these events (``None``: all).
            tables: read only these tables of each group (see :meth:`load_group`; ``None``: all).
        """
        return list(self.iter_groups(function, events=events, tables=tables))

    def iter_groups(
        self,
        function: Callable[[Analysis], object],
        *,
        events: Iterable[str] | None = None,
        tables: Iterable[str] | None = None,
    ) -> Iterator:
        """Run ``function`` on each event group read into memory, as Dask tasks; yield the results in group order.

        Every group holds whole events, so a ``compare`` table of the whole run
        is the combination of its tables per group (see
        :func:`analysis.compare.scope.parts`), added up as they come. With a
        ``distributed`` client, every group is a task on the cluster, a
        finished result waits on its worker until its turn, and the client
        holds the result being yielded, no other; otherwise (Dask's local
        scheduler) the groups are computed a few at a time, one per core, and
        the client holds that batch's results.

        Args:
            function: takes an :class:`~analysis.Analysis` of one group.
            events: only the groups holding these events (``None``: all).
            tables: read only these tables of each group (see :meth:`load_group`; ``None``: all).
        """
        from analysis.cluster import require_dask

        require_dask()
        if events is None:  # a group whose articles were all rejected (repeats of earlier ones) holds no files
            groups = [g for g, held in enumerate(self.groups) if held]
        else:
            groups = sorted({self._group_of[e] for e in events})
        wanted = None if tables is None else tuple(tables)
        client = _current_client()
        if client is None:
            yield from _computed_in_turn(self.directory, groups, function, wanted)
            return
        futures = [client.submit(_on_group, self.directory, g, function, wanted, pure=False) for g in groups]
        try:
            for position, future in enumerate(futures):
                yield future.result()
                futures[position] = None  # released: its result leaves the worker
                future.release()
        finally:  # a caller that stops early (or fails) cancels the groups not yet read
            client.cancel([future for future in futures if future is not None])


def _current_client():
    """The ``distributed`` client in force (as ``dask.compute`` would use it), or None."""
    try:
        from distributed import default_client
    except ImportError:
        return None
    try:
        return default_client()
    except ValueError:
        return None


def _computed_in_turn(directory: Path, groups: list[int], function, tables: tuple | None) -> Iterator:
    """The groups' results with Dask's local scheduler, as many groups at a time as there are cores."""
    import dask

    step = max(1, os.cpu_count() or 1)
    for start in range(0, len(groups), step):
        batch = [dask.delayed(_on_group)(directory, g, function, tables) for g in groups[start : start + step]]
        yield from dask.compute(*batch)


def _on_group(directory: Path, group: int, function: Callable[[Analysis], object], tables: tuple | None = None):
    # load_group reads files by the group's number alone: the task carries no copy of the marker
    return function(StoredAnalysis(directory, {}).load_group(group, tables=tables))


def _read_columns(path: str, wanted: list[str]) -> pd.DataFrame:
    """One file of a table with the run's columns (a column some other partition has is added, empty).

    (The parameter is not called ``columns``: Dask's ``from_map`` takes a function with a
    ``columns`` parameter for one that projects columns itself, and then asks for ``meta``.)
    """
    return pd.read_parquet(path).reindex(columns=wanted)


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
    if not is_partitioned(meta):
        return Analysis.load(directory)
    if meta.get("layout") != LAYOUT:
        raise StoredError(
            f"{directory}: written by an older version of the package (layout {meta.get('layout')}); "
            "run the analysis again into a new --out folder (or with --overwrite)"
        )
    if not meta.get("complete"):
        done = directory / "_done"
        n_done = sum(1 for _ in done.iterdir()) if done.is_dir() else 0
        raise StoredError(
            f"{directory}: the run that writes this folder has not finished ({n_done} of "
            f"{meta.get('n_groups', '?')} event groups analysed); run the same command again to resume it"
        )
    stored = StoredAnalysis(directory, meta)
    return stored if event is None else stored.load(event)
