"""The same analysis on a Dask cluster, with tables larger than memory.

``analysis.analyze(path, client=client, out=DIR)`` (or ``python -m analysis
analyze PATH --out DIR --dask ADDRESS|local``) runs the pipeline as Dask tasks;
Dask's scheduler, workers, retries, progress bar and dashboard are used as
they are. The run has four steps:

1. **Plan** (client): the input becomes partitions: files of a folder or glob
   in sorted order, grouped (``.md``/``.txt``: :data:`FILES_PER_PARTITION`
   files a partition; each ``.csv``/``.jsonl``/``.parquet`` shard is one), or an
   in-memory corpus cut into chunks. Files the folder walk skips or rejects are
   written to ``rejects`` / ``skipped`` at once.
2. **Keys** (workers): each partition is read with exactly the loader's
   rules and returns the id and text digest of every record that would be an
   article (:func:`analysis.corpus.identities`) and its articles per event;
   the client replays the duplicate checks in corpus order and hands each
   partition the ids and texts that earlier partitions accepted, so each
   partition validated alone (:func:`analysis.corpus.validate`) gets exactly
   the articles and rejects of :func:`analysis.load_corpus` on the whole input
   (same messages). The client also cuts the events into *groups* of whole
   events, about :data:`ARTICLES_PER_GROUP` articles each, in the order the
   events first appear in the input (so an input already sorted by event or
   by date keeps an event's rows in few partitions).
3. **Map** (workers): each partition is analysed by the per-article stages
   (built once per worker process, lexicons loaded once) and written to
   Parquet by the worker itself, one piece per table and event group (see
   :mod:`analysis.stored`); only row counts travel back. Pieces have fixed
   file names and are written atomically, so a task retried after a worker
   died overwrites instead of duplicating.
4. **Reduce** (workers, one task per event group): reads the group's pieces,
   runs the steps that need a whole event (one canonical name per actor across
   its articles, exactly as the in-memory pipeline does, each event from its
   own rows) and writes one file per table for the group. It reads only the
   map's pieces, so running it again gives the same files.

The output folder's marker (``analysis.json``) records the run's input and
options. Running the same command again resumes an unfinished run (finished
partitions are kept) and refuses to mix two runs: another input or other
options in the same folder need ``overwrite=True``.
"""

from __future__ import annotations

import glob
import hashlib
import json
import shutil
import uuid
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from analysis.errors import AnalysisError, MissingResourceError

#: Text files (.md, .txt) read together as one partition.
FILES_PER_PARTITION = 64
#: Records of an in-memory corpus (DataFrame, list of dicts) in one partition.
RECORDS_PER_PARTITION = 256
#: Articles of the events put in one event group (one reduce task, one file per table); an event
#: larger than this is a group of its own.
ARTICLES_PER_GROUP = 1000
#: A run of fewer than ``ARTICLES_PER_GROUP * MIN_GROUPS`` articles gets smaller groups, so that its
#: reduce still runs as several tasks in parallel (the cut depends on the input alone, never on the
#: cluster, so a resumed run on another cluster finds the same groups).
MIN_GROUPS = 8
#: Times Dask retries a partition whose task raised (a worker that dies is handled by Dask itself).
RETRIES = 2


class ClusterError(AnalysisError, RuntimeError):
    """A cluster run cannot start or could not finish; the message says what to do."""


def require_dask() -> None:
    """Raise :class:`~analysis.errors.MissingResourceError` with the install command when Dask is absent."""
    try:
        import dask  # noqa: F401
        import distributed  # noqa: F401
    except ImportError as exc:
        raise MissingResourceError(
            "running on a Dask cluster needs dask[distributed], an optional extra; install it with: "
            "pip install 'news-analysis[dask]' (or pip install 'dask[distributed]')"
        ) from exc


@dataclass(frozen=True)
class Partition:
    """A piece of the input that one task loads and analyses.

    Attributes:
        index: its position in corpus order (names its output files).
        files: the files it reads, in order.
        records: read records instead of files (an in-memory input: ``Record`` / ``Reject``).
        articles: articles of an already loaded :class:`~analysis.Corpus` (validated on the client).
    """

    index: int
    files: tuple[str, ...] = ()
    records: tuple = field(default=(), repr=False)
    articles: tuple = field(default=(), repr=False)

    def read(self) -> list:
        """The loader's records of this partition (articles to validate, rejects), in order."""
        from analysis.corpus import read_file

        if self.records:
            return list(self.records)
        return [record for name in self.files for record in read_file(Path(name))]

    def corpus(self, seen_ids: Mapping[str, str] | None = None, seen_texts: Mapping[str, str] | None = None):
        """The partition's :class:`~analysis.Corpus`, validated by the loader's rules.

        Args:
            seen_ids, seen_texts: ids and text digests that earlier partitions accepted
                (see :func:`analysis.corpus.validate`); their repeats here become rejects.
        """
        from analysis.corpus import Corpus, validate

        if self.articles:
            return Corpus(self.articles)
        corpus, _, _ = validate(self.read(), seen_ids=seen_ids, seen_texts=seen_texts)
        return corpus


def plan(source, *, files_per_partition: int = FILES_PER_PARTITION) -> tuple[list[Partition], list, list]:
    """Cut the input into partitions, in corpus order.

    Args:
        source: a folder, a file, a glob pattern (``"shards/*.parquet"``), a
            DataFrame with a ``text`` column, a list of dicts, or a loaded :class:`~analysis.Corpus`.
        files_per_partition: ``.md``/``.txt`` files grouped into one partition
            (each ``.csv``/``.jsonl``/``.parquet`` shard is a partition of its own).

    Returns:
        ``(partitions, rejects, skipped)``: the rejects and skips that are known
        before reading (from the folder walk, or those of a loaded corpus).

    Raises:
        ClusterError: when the path or pattern matches nothing.
    """
    from analysis.corpus import Corpus, Reject, Skip, files_to_read, read_records
    from analysis.corpus.readers import TABLE_SUFFIXES

    if isinstance(source, Corpus):
        rejects = [Reject(*row) for row in source.rejects.itertuples(index=False)]
        skipped = [Skip(*row) for row in source.skipped.itertuples(index=False)]
        return _chunks(list(source), "articles"), rejects, skipped
    if isinstance(source, pd.DataFrame) or (isinstance(source, Iterable) and not isinstance(source, str | Path)):
        return _chunks(list(read_records(source)), "records"), [], []
    text = str(source)
    path = Path(text).expanduser()
    rejects: list = []
    skipped: list = []
    files: list[Path] = []
    if path.exists():
        for item in files_to_read(path):
            if isinstance(item, Path):
                files.append(item)
            elif isinstance(item, Skip):
                skipped.append(item)
            else:
                rejects.append(item)
    else:
        files = [Path(p) for p in sorted(glob.glob(text, recursive=True)) if Path(p).is_file()]
        if not files:
            raise ClusterError(f"{text}: no such file or folder, and no file matches it as a pattern")
    partitions: list[Partition] = []
    batch: list[str] = []
    for file in files:
        if file.suffix.lower() in TABLE_SUFFIXES:
            if batch:
                partitions.append(Partition(len(partitions), tuple(batch)))
                batch = []
            partitions.append(Partition(len(partitions), (str(file),)))
        else:
            batch.append(str(file))
            if len(batch) >= files_per_partition:
                partitions.append(Partition(len(partitions), tuple(batch)))
                batch = []
    if batch:
        partitions.append(Partition(len(partitions), tuple(batch)))
    return partitions, rejects, skipped


def _chunks(items: list, kind: str) -> list[Partition]:
    return [
        Partition(i, **{kind: tuple(items[start : start + RECORDS_PER_PARTITION])})
        for i, start in enumerate(range(0, len(items), RECORDS_PER_PARTITION))
    ]


# --------------------------------------------------------------------------- tasks (run on workers)


def partition_keys(partition: Partition) -> dict:
    """Step 2 on a worker: what the duplicate checks look at, and the partition's events.

    Returns:
        ``keys``: ``(article_id, where, text digest, description)`` of each
        record that would be an article (:func:`analysis.corpus.identities`);
        ``events``: event -> articles, counted as if the partition were the
        whole input (a repeat of an earlier partition's article is counted here
        and rejected in the map; the groups only need every event that can occur).
    """
    from analysis.corpus import identities, validate

    if partition.articles:  # a loaded corpus was validated whole on the client
        return {"keys": [], "events": _count(a.event for a in partition.articles)}
    records = partition.read()
    corpus, _, _ = validate(records)
    return {"keys": identities(records), "events": _count(a.event for a in corpus)}


def plan_groups(event_counts: Sequence[Mapping[str, int]], articles_per_group: int | None = None) -> list[list[str]]:
    """Cut the events into groups of whole events, about ``articles_per_group`` articles each.

    ``None``: :data:`ARTICLES_PER_GROUP`, or fewer when that makes less than :data:`MIN_GROUPS` groups.

    Events are taken in the order they first appear (partition by partition,
    by name within one), so when the input is sorted by event or date a group's
    events live in few partitions and its reduce reads few pieces.

    >>> plan_groups([{"b": 2, "a": 1}, {"c": 2, "a": 1}], articles_per_group=3)
    [['a'], ['b'], ['c']]
    >>> plan_groups([{"b": 2, "a": 1}, {"c": 2}], articles_per_group=4)
    [['a', 'b'], ['c']]
    """
    totals: dict[str, int] = {}
    for counts in event_counts:
        for event in sorted(counts):
            totals[event] = totals.get(event, 0) + counts[event]
    if articles_per_group is None:
        articles_per_group = min(ARTICLES_PER_GROUP, -(-sum(totals.values()) // MIN_GROUPS))
    articles_per_group = max(1, articles_per_group)
    groups: list[list[str]] = []
    size = 0
    for event, n in totals.items():  # dicts keep first-appearance order
        if not groups or (size and size + n > articles_per_group):
            groups.append([])
            size = 0
        groups[-1].append(event)
        size += n
    return groups


def analyze_partition(
    partition: Partition,
    out: str,
    options: Mapping,
    earlier_ids: Mapping[str, str],
    earlier_texts: Mapping[str, str],
    group_of: Mapping[str, int],
) -> dict:
    """Step 3 on a worker: load, analyse and write one partition.

    Args:
        partition: the partition.
        out: the output folder.
        options: keyword options of :func:`analysis.pipeline.analyze_articles`.
        earlier_ids, earlier_texts: first occurrences, in earlier partitions,
            of ids and texts this partition repeats (they become rejects).
        group_of: event -> event group, for the events of this partition.

    Returns:
        ``index``, row counts by table, the events with their article counts, and each table's columns.
    """
    from analysis.pipeline import analyze_articles
    from analysis.stored import REJECT_COLUMNS, part_name, write_frame, write_pieces

    corpus = partition.corpus(earlier_ids, earlier_texts)
    result = analyze_articles(corpus, jobs=1, progress=False, reuse_stages=True, **options)
    events = {a.article_id: a.event for a in corpus}
    target = Path(out)
    counts = write_pieces(target / "_map", partition.index, result, events, group_of)
    write_frame(target / "rejects" / part_name(partition.index), corpus.rejects[REJECT_COLUMNS].astype("string"))
    counts["rejects"] = len(corpus.rejects)
    columns = {name: list(table.columns) for name, table in result.tables.items()}
    summary = {"index": partition.index, "counts": counts, "events": _count(events.values()), "columns": columns}
    (target / "_done").mkdir(exist_ok=True)
    (target / "_done" / str(partition.index)).write_text(json.dumps(summary), encoding="utf-8")
    return summary


def _count(values: Iterable[str]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for value in values:
        counts[value] = counts.get(value, 0) + 1
    return counts


def reduce_group(out: str, group: int) -> int:
    """Step 4 on a worker: one canonical name and one label per actor across each event of a group.

    Reads the map's pieces of event group ``group``, resolves its entity and
    claim rows with :func:`analysis.pipeline.resolve_events` (the in-memory
    pipeline's own reduce; each event from its own rows) and writes one file
    per table (``<table>/part-G.parquet``, rows sorted by event). It reads only
    the map's pieces, so running it again gives the same files.

    Returns:
        The number of entity rows resolved.
    """
    from analysis.pipeline import resolve_events
    from analysis.stored import STORED_TABLES, group_dir, part_name, read_pieces, write_frame

    folder = Path(out)
    frames = {name: read_pieces(folder / "_map" / name / group_dir(group)) for name in STORED_TABLES}
    rows = {table: _records(frames[table]) for table in ("entities", "claims")}
    resolve_events(rows, {r["article_id"]: r["event"] for table in rows.values() for r in table})
    for table in ("entities", "claims"):
        frame = frames[table]
        if frame is None:
            continue
        resolved = pd.DataFrame(rows[table], columns=frame.columns)
        for column in ("canonical", "label", "speaker", "speaker_type"):  # the reduce's names, labels and types
            if column in resolved.columns:
                frame[column] = resolved[column].astype(frame[column].dtype)
    for name, frame in frames.items():
        if frame is not None:  # sorted by event, each event's rows in corpus order
            write_frame(folder / name / part_name(group), frame.sort_values("event", kind="stable"))
    return len(rows["entities"])


def _records(frame: pd.DataFrame | None) -> list[dict]:
    """The rows as dicts of Python values, missing values as None (the map's rows before they were written).

    Column by column: the same values as ``frame.astype(object).where(frame.notna(), None)
    .to_dict(orient="records")``, in a fraction of its time on a group's tens of thousands of rows.
    """
    if frame is None:
        return []
    names = [str(c) for c in frame.columns]
    columns = [frame[c].astype(object).where(frame[c].notna(), None).tolist() for c in frame.columns]
    return [dict(zip(names, values, strict=True)) for values in zip(*columns, strict=True)]


# --------------------------------------------------------------------------- the run (client)


def run(
    source,
    *,
    client,
    out: str | Path,
    overwrite: bool = False,
    progress: bool | None = None,
    files_per_partition: int = FILES_PER_PARTITION,
    articles_per_group: int | None = None,
    **options,
):
    """Analyse ``source`` on the cluster behind ``client`` and write the tables to ``out``.

    Args:
        source: a folder, file, glob pattern, DataFrame, list of dicts or loaded
            corpus (see :func:`plan`). Workers read the files themselves: on
            more than one machine, the paths must be readable from each (a
            shared file system).
        client: a ``distributed.Client``.
        out: the output folder (created; see :mod:`analysis.stored` for its layout).
        overwrite: replace a folder that holds another run's (or anything else's) files.
        progress: show Dask's progress bar (``None``: when there are more than 2 partitions).
        files_per_partition: ``.md``/``.txt`` files a partition.
        articles_per_group: articles of the events of one event group (one reduce task, one file per
            table); ``None``: :data:`ARTICLES_PER_GROUP`, fewer for a run of less than
            :data:`MIN_GROUPS` times that (see :func:`plan_groups`).
        **options: as for :func:`analysis.pipeline.analyze_articles` (``entity_method``, ``aliases``, ...).

    Returns:
        The result, opened lazily (:class:`analysis.stored.StoredAnalysis`).

    Raises:
        ClusterError: when ``out`` holds something else, or the run failed.
    """
    require_dask()
    from distributed import progress as dask_progress

    from analysis.stored import LAYOUT, REJECT_COLUMNS, StoredAnalysis, read_marker, write_frame, write_marker

    out = Path(out).resolve()
    partitions, known_rejects, known_skipped = plan(source, files_per_partition=files_per_partition)
    fingerprint = _fingerprint(partitions, {**options, "articles per group": articles_per_group})
    resume = _prepare(out, fingerprint, overwrite)
    write_marker(out, {"layout": LAYOUT, "complete": False, "run": fingerprint, "n_partitions": len(partitions)})
    for name, found in (("rejects", known_rejects), ("skipped", known_skipped)):
        rows = pd.DataFrame([(r.where, r.reason, r.fix) for r in found], columns=REJECT_COLUMNS)
        write_frame(out / name / "walk.parquet", rows.astype("string"))
    show = len(partitions) > 2 if progress is None else progress
    if show:
        print(f"analysing {len(partitions)} partitions on {client}; dashboard: {client.dashboard_link}", flush=True)
    token = uuid.uuid4().hex[:8]  # a rerun never picks up a finished task of an earlier run from the scheduler
    # Partitions travel inside the tasks (not scattered): when a worker dies, the scheduler can
    # rerun its tasks elsewhere, which it cannot do for data that lived only on that worker.
    found = client.gather(
        client.map(partition_keys, partitions, key=[f"keys-{token}-{p.index}" for p in partitions], retries=RETRIES)
    )
    earlier = _earlier_occurrences([f["keys"] for f in found])
    groups = plan_groups([f["events"] for f in found], articles_per_group)
    group_of = {event: g for g, events in enumerate(groups) for event in events}
    todo = [p for p in partitions if p.index not in resume]
    futures = client.map(
        analyze_partition,
        todo,
        [str(out)] * len(todo),
        [dict(options)] * len(todo),
        [earlier[p.index][0] for p in todo],  # client.map maps over positional lists only
        [earlier[p.index][1] for p in todo],
        [{e: group_of[e] for e in found[p.index]["events"]} for p in todo],
        key=[f"analyze-{token}-{p.index}" for p in todo],
        retries=RETRIES,
    )
    if show and futures:
        dask_progress(futures)
    summaries = [*client.gather(futures), *(_done_summary(out, i) for i in sorted(resume))]
    events = sorted({e for s in summaries for e in s["events"]})
    reduced = client.map(
        reduce_group,
        [str(out)] * len(groups),
        range(len(groups)),
        key=[f"reduce-{token}-{g}" for g in range(len(groups))],
        retries=RETRIES,
    )
    if show and reduced:
        print("one name per actor across each event's articles:", flush=True)
        dask_progress(reduced)
    client.gather(reduced)
    shutil.rmtree(out / "_map", ignore_errors=True)
    shutil.rmtree(out / "_done", ignore_errors=True)
    columns: dict[str, list[str]] = {}
    for summary in summaries:  # every column any partition has (extra fields of some records), in first-seen order
        for name, names in summary.get("columns", {}).items():
            known = columns.setdefault(name, [])
            known += [c for c in names if c not in known]
    n_articles = sum(s["counts"]["articles"] for s in summaries)
    n_rejects = sum(s["counts"]["rejects"] for s in summaries) + len(known_rejects)
    present = set(events)
    write_marker(
        out,
        {
            "layout": LAYOUT,
            "complete": True,
            "run": fingerprint,
            "n_partitions": len(partitions),
            "n_articles": n_articles,
            "n_rejects": n_rejects,
            "n_skipped": len(known_skipped),
            "events": events,
            # the events of file part-G of every table (an event whose articles were all
            # rejected as repeats is left out; its group's number stays)
            "groups": [[e for e in group if e in present] for group in groups],
            "columns": columns,
        },
    )
    return StoredAnalysis(out, read_marker(out) or {})


def _earlier_occurrences(keys: Sequence[list[tuple[str, str, str, str]]]) -> list[tuple[dict, dict]]:
    """For each partition, the ids and text digests it repeats from earlier partitions, with their first place.

    Replays :func:`analysis.corpus.validate`'s duplicate checks over the whole
    input in order, so each partition, validated with these, gets exactly the
    articles and rejects that loading the whole input at once gives.
    """
    first_ids: dict[str, str] = {}
    first_texts: dict[str, str] = {}
    earlier = []
    for found in keys:
        earlier.append(
            (
                {k: first_ids[k] for k, _, _, _ in found if k in first_ids},
                {d: first_texts[d] for _, _, d, _ in found if d in first_texts},
            )
        )
        for article_id, where, digest, description in found:
            if article_id in first_ids or digest in first_texts:
                continue  # rejected as a duplicate: it registers nothing
            first_ids[article_id] = where
            first_texts[digest] = description
    return earlier


def _fingerprint(partitions: Sequence[Partition], options: Mapping) -> str:
    """A digest of the input (file names, sizes and times, or the records) and the options."""
    digest = hashlib.sha1(repr(sorted((k, repr(v)) for k, v in options.items())).encode())
    for p in partitions:
        for name in p.files:
            stat = Path(name).stat()
            digest.update(f"{name}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode("utf-8", "surrogatepass"))
        for item in (*p.records, *p.articles):
            digest.update(repr(item).encode("utf-8", "surrogatepass"))
    return digest.hexdigest()[:16]


def _prepare(out: Path, fingerprint: str, overwrite: bool) -> set[int]:
    """Check ``out`` and return the partitions an earlier, unfinished run of the same input finished."""
    from analysis.stored import LAYOUT, is_partitioned, read_marker

    if out.exists() and not out.is_dir():
        raise ClusterError(f"{out} is a file; --out must be a folder")
    if not out.exists() or not any(out.iterdir()):
        return set()
    meta = read_marker(out)
    if overwrite:
        if meta is None:
            # a folder that is not ours: remove only what a run writes into it
            for name in ("_map", "_done", *_OUTPUT_FOLDERS):
                shutil.rmtree(out / name, ignore_errors=True)
        else:
            shutil.rmtree(out)
        return set()
    if meta is None:
        raise ClusterError(
            f"{out} is not empty and holds no analysis of ours; choose an empty or new --out folder "
            "(or pass --overwrite to write into it anyway)"
        )
    if not is_partitioned(meta):
        raise ClusterError(
            f"{out} holds an analysis saved by a run on one machine; choose another --out folder, "
            "or pass --overwrite to replace it"
        )
    if meta.get("layout") != LAYOUT:
        raise ClusterError(
            f"{out} holds a run written by an older version of the package (layout {meta.get('layout')}); "
            "choose another --out folder, or pass --overwrite to replace it"
        )
    if meta.get("run") != fingerprint:
        raise ClusterError(
            f"{out} holds the output of another run (other input or options); choose another --out folder, "
            "or pass --overwrite to replace it"
        )
    if meta.get("complete"):
        raise ClusterError(
            f"{out} already holds this run, finished; open it with analysis.open({str(out)!r}) "
            "(or pass --overwrite to run it again)"
        )
    done = out / "_done"
    return {int(p.name) for p in done.iterdir() if p.name.isdigit()} if done.is_dir() else set()


_OUTPUT_FOLDERS = ("rejects", "skipped", "texts", "articles", "sentences", "entities", "claims", "numbers")


def _done_summary(out: Path, index: int) -> dict:
    """The summary an earlier, interrupted run's map task left for partition ``index``."""
    return json.loads((out / "_done" / str(index)).read_text(encoding="utf-8"))


#: Dask configuration of the workers that :func:`local_client` starts (and that the README
#: suggests for a cluster of your own). Dask's statistical profiler samples each running task's call
#: stack every 10 ms and keeps the last 1,000 one-second summaries of it per worker: for this package's
#: deep call trees that history held most of a worker's Python objects and added 40-90 MB to its
#: peak at 10,000 articles, more on longer runs (benchmarks/RESULTS.md, issue 16, session 6). Without it the dashboard's
#: "Profile" page is empty; everything else (progress, task stream, memory) works.
WORKER_CONFIG = {"distributed.worker.profile.enabled": False}


def local_client(workers: int | None = None, *, profile: bool = False):
    """Start a ``LocalCluster`` on this machine (loopback only) and return its client.

    Args:
        workers: worker processes (default: one per core), one thread each.
        profile: keep Dask's statistical profiler on in the workers (off by default: see
            :data:`WORKER_CONFIG`). Only this cluster's workers are configured; Dask's global
            configuration is left as it was.
    """
    require_dask()
    import os

    import dask
    from distributed import Client, LocalCluster

    # the nannies hand the configuration in force when they start to their worker processes
    with dask.config.set({} if profile else WORKER_CONFIG):
        cluster = LocalCluster(
            n_workers=workers or os.cpu_count() or 1,
            threads_per_worker=1,
            processes=True,
            host="127.0.0.1",
            dashboard_address="127.0.0.1:0",
        )
    return Client(cluster)
