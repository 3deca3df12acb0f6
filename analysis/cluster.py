"""The same analysis on a Dask cluster, with tables larger than memory.

``analysis.analyze(path, client=client, out=DIR)`` (or ``python -m analysis
analyze PATH --out DIR --dask ADDRESS|local``) runs the pipeline as Dask tasks;
Dask's scheduler, workers, retries, progress bar and dashboard are used as
they are. The run has three steps:

1. **Plan** (client): the input becomes partitions: files of a folder or glob
   in sorted order, grouped (``.md``/``.txt``: :data:`FILES_PER_PARTITION`
   files a partition; each ``.csv``/``.jsonl``/``.parquet`` shard is one), or an
   in-memory corpus cut into chunks. Files the folder walk skips are written
   to ``skipped`` at once; those it rejects (unsupported, unreadable) travel in
   the partition of the file after them, so that every reject keeps its place
   in the input (``StoredAnalysis.rejects`` is in the loader's order).
2. **Keys** (workers): each partition is read once, with exactly the
   loader's rules; its rejects are written, and the records that would be
   articles are validated and kept in a cache file, one block per event
   (``_input/``), their identities (id, where, text digest) in another. Each
   returns a 64-bit hash of the id and of the text of each of those records
   (16 bytes a record) and its blocks. The client finds the few records
   whose id or text hash is not unique in the whole input, reads their
   identities back and replays the duplicate checks over them in input order
   (:func:`analysis.corpus.judge_repeats`: the first occurrence wins, with the
   loader's messages; a record unique in both is an article and changes no
   other verdict), writes the repeats' rejects, then cuts the events into
   *groups* of whole events, about :data:`ARTICLES_PER_GROUP` articles each,
   in the order the events first appear (:func:`schedule`).
3. **Map and reduce** (workers, one task per event group): the task reads its
   events' blocks from the caches of the partitions that hold them (file
   names and offsets travel in the task, never the texts), analyses them by
   the per-article stages (built once per worker process, lexicons loaded
   once), runs the steps that need a whole event (one canonical name per
   actor across its articles, exactly as the in-memory pipeline does) and
   writes one file per table for the group (see :mod:`analysis.stored`); only
   row counts travel back. Files have fixed names and are written atomically,
   so a task retried after a worker died overwrites instead of duplicating.

   Cost: every record is read and parsed once (keys), written once to the
   cache and read back once (its group's task); a group's task opens the cache
   of each partition holding its events (a seek per event), so the opens are
   partitions x groups when every event is spread over every partition, each a
   small read, while the bytes read stay linear in the corpus. Session 6's
   layout (a map per partition, a reduce per group reading one Parquet piece per
   partition, group and table) read partitions x groups x 6 files.

The output folder's marker (``analysis.json``) records the run's input and
options. Running the same command again resumes an unfinished run (finished
event groups are kept) and refuses to mix two runs: another input or other
options in the same folder need ``overwrite=True``.
"""

from __future__ import annotations

import glob
import hashlib
import json
import shutil
import uuid
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

import pandas as pd

from analysis.errors import AnalysisError, MissingResourceError

#: Text files (.md, .txt) read together as one partition.
FILES_PER_PARTITION = 64
#: Records of an in-memory corpus (DataFrame, list of dicts) in one partition.
RECORDS_PER_PARTITION = 256
#: Articles of the events put in one event group (one task, one file per table); an event
#: larger than this is a group of its own.
ARTICLES_PER_GROUP = 1000
#: A run of fewer than ``ARTICLES_PER_GROUP * MIN_GROUPS`` articles gets smaller groups, so that it
#: still runs as several tasks in parallel (the cut depends on the input alone, never on the
#: cluster, so a resumed run on another cluster finds the same groups).
MIN_GROUPS = 8
#: How a run's unfinished work is kept (part of the run's fingerprint: an unfinished run of another
#: engine, such as session 6's map per partition and reduce per group, is refused, never resumed).
ENGINE = "tasks per event group"
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
    """A piece of the input that one task reads (step 2).

    Attributes:
        index: its position in corpus order (names its output files).
        files: the files it reads, in order.
        records: read records instead of files (an in-memory input: ``Record`` / ``Reject``).
        articles: articles of an already loaded :class:`~analysis.Corpus` (validated on the client).
        walk: ``(k, reject)`` for each file the folder walk rejected (unsupported, unreadable)
            just before file ``k`` of ``files`` (``k == len(files)``: after the last), so that
            the partition's rejects come in the order the loader gives them.
    """

    index: int
    files: tuple[str, ...] = ()
    records: tuple = field(default=(), repr=False)
    articles: tuple = field(default=(), repr=False)
    walk: tuple = ()

    def read(self) -> list:
        """The loader's records of this partition (articles to validate, rejects), in order."""
        from analysis.corpus import read_file

        if self.records:
            return list(self.records)
        before: dict[int, list] = {}
        for k, reject in self.walk:
            before.setdefault(k, []).append(reject)
        records = []
        for k, name in enumerate(self.files):
            records += before.get(k, [])
            records += read_file(Path(name))
        return records + before.get(len(self.files), [])


def plan(source, *, files_per_partition: int = FILES_PER_PARTITION) -> tuple[list[Partition], list, list]:
    """Cut the input into partitions, in corpus order.

    Args:
        source: a folder, a file, a glob pattern (``"shards/*.parquet"``), a
            DataFrame with a ``text`` column, a list of dicts, or a loaded :class:`~analysis.Corpus`.
        files_per_partition: ``.md``/``.txt`` files grouped into one partition
            (each ``.csv``/``.jsonl``/``.parquet`` shard is a partition of its own).

    Returns:
        ``(partitions, rejects, skipped)``: the rejects of a loaded corpus (the folder
        walk's rejects travel in the partitions, :attr:`Partition.walk`, to keep their
        place in the input order) and the files the walk passed over on purpose.

    Raises:
        ClusterError: when the path or pattern matches nothing.
    """
    from analysis.corpus import Corpus, Reject, Skip, files_to_read, read_records

    if isinstance(source, Corpus):
        rejects = [Reject(*row) for row in source.rejects.itertuples(index=False)]
        skipped = [Skip(*row) for row in source.skipped.itertuples(index=False)]
        return _chunks(list(source), "articles"), rejects, skipped
    if isinstance(source, pd.DataFrame) or (isinstance(source, Iterable) and not isinstance(source, str | Path)):
        return _chunks(list(read_records(source)), "records"), [], []
    text = str(source)
    path = Path(text).expanduser()
    skipped: list = []
    items: list = []  # files to read and the walk's rejects, in the walk's order
    if path.exists():
        for item in files_to_read(path):
            if isinstance(item, Skip):
                skipped.append(item)
            else:
                items.append(item)
    else:
        items = [Path(p) for p in sorted(glob.glob(text, recursive=True)) if Path(p).is_file()]
        if not items:
            raise ClusterError(f"{text}: no such file or folder, and no file matches it as a pattern")
    return _cut_files(items, files_per_partition), [], skipped


def _cut_files(items: Sequence, files_per_partition: int) -> list[Partition]:
    """Files (and the walk's rejects between them) as partitions: a table shard alone, text files together.

    A walk reject goes to the partition of the file after it (after the last file: the last partition).
    """
    from analysis.corpus.readers import TABLE_SUFFIXES

    partitions: list[Partition] = []
    batch: list[str] = []
    walk: list[tuple] = []  # (file index in the batch, reject)
    waiting: list = []  # rejects before the next file

    def close() -> None:
        partitions.append(Partition(len(partitions), tuple(batch), walk=tuple(walk)))
        batch.clear()
        walk.clear()

    for item in items:
        if not isinstance(item, Path):
            waiting.append(item)
            continue
        if item.suffix.lower() in TABLE_SUFFIXES:
            if batch:
                close()
            partitions.append(Partition(len(partitions), (str(item),), walk=tuple((0, r) for r in waiting)))
        else:
            walk.extend((len(batch), r) for r in waiting)
            batch.append(str(item))
            if len(batch) >= files_per_partition:
                close()
        waiting = []
    if batch:
        close()
    if waiting and partitions:
        last = partitions[-1]
        partitions[-1] = replace(last, walk=(*last.walk, *((len(last.files), r) for r in waiting)))
    elif waiting:
        partitions.append(Partition(0, walk=tuple((0, r) for r in waiting)))
    return partitions


def _chunks(items: list, kind: str) -> list[Partition]:
    return [
        Partition(i, **{kind: tuple(items[start : start + RECORDS_PER_PARTITION])})
        for i, start in enumerate(range(0, len(items), RECORDS_PER_PARTITION))
    ]


# --------------------------------------------------------------------------- tasks (run on workers)


def partition_keys(partition: Partition, out: str) -> dict:
    """Step 2 on a worker: read one input partition once, keep its articles by event, judge all but repeats.

    Writes the partition's rejects other than repeats (``rejects/part-P.parquet``), its
    records that would be articles, already validated, to ``_input/part-P.pkl``, one block
    per event (pickled ``(position, article)`` pairs), so that the task of an event group
    reads its events' blocks alone instead of reading, parsing and validating the partition
    again, and their identities (``(position, article_id, where, text digest, description,
    event)``, see :func:`analysis.corpus.screen`) to ``_input/keys-P.pkl``, which the client
    reads only when one of them shares its id or text with another record of the input.
    Fixed file names, written atomically: a retried task rewrites the same files.

    Returns:
        What the client needs to judge repeats and cut groups, 16 bytes a record: ``ids`` and
        ``texts``, 64-bit hashes of each record's article id and text digest, in the order of the
        records (equal ids or texts have equal hashes; a rare equal hash of two different ones only
        makes the client read both identities); ``identities``, the file of the identities (empty
        when there are none: a loaded corpus, validated and judged on the client, or no
        article); the blocks of the cache file, a few bytes each too: ``events``, their events'
        names as one UTF-8 string, ending at ``ends``, and ``spans``, ``(offset, length, articles)``
        of each (see :func:`event_blocks`); ``n_rejects``.
    """
    import numpy as np

    from analysis.corpus import screen
    from analysis.stored import part_name, write_rejects

    target = Path(out)
    if partition.articles:  # a loaded corpus was validated whole on the client
        kept = [(position, article, None) for position, article in enumerate(partition.articles)]
        rejects: list = []
    else:
        kept, rejects = screen(partition.read())
        write_rejects(target / "rejects" / part_name(partition.index), partition.index, rejects)
    by_event: dict[str, list] = {}
    for position, article, _ in kept:
        by_event.setdefault(article.event, []).append((position, article))
    blocks = _write_blocks(target / "_input" / cache_name(partition.index), by_event)
    identities = [(position, *identity, article.event) for position, article, identity in kept if identity]
    path = target / "_input" / keys_name(partition.index)
    if identities:
        _write_pickle(path, identities)
    names = [event.encode("utf-8", "surrogatepass") for event in blocks]
    return {
        "ids": np.array([_hash64(i[1]) for i in identities], dtype=np.uint64),
        "texts": np.array([_hash64(i[3]) for i in identities], dtype=np.uint64),
        "identities": str(path) if identities else "",
        "events": b"".join(names),
        "ends": np.cumsum([len(name) for name in names], dtype=np.int64),
        "spans": np.array(list(blocks.values()), dtype=np.int64).reshape(-1, 3),
        "n_rejects": len(rejects),
    }


def event_blocks(keys: Mapping) -> dict[str, tuple[int, int, int]]:
    """The blocks of a partition's cache that :func:`partition_keys` returned: event -> ``(offset, length, articles)``.

    >>> import numpy as np
    >>> event_blocks({"events": b"flooddrought", "ends": np.array([5, 12]), "spans": np.array([[0, 9, 2], [9, 4, 1]])})
    {'flood': (0, 9, 2), 'drought': (9, 4, 1)}
    """
    return dict(zip(_event_names(keys), map(tuple, keys["spans"].tolist()), strict=True))


def _event_names(keys: Mapping) -> list[str]:
    data, ends = keys["events"], keys["ends"].tolist()
    return [data[start:end].decode("utf-8", "surrogatepass") for start, end in zip([0, *ends], ends, strict=False)]


def _hash64(text: str) -> int:
    """A 64-bit hash of ``text`` (BLAKE2b of its UTF-8), the same on every machine and process."""
    data = text.encode("utf-8", "surrogatepass")
    return int.from_bytes(hashlib.blake2b(data, digest_size=8).digest(), "little")


def keys_name(index: int) -> str:
    """The file of input partition ``index``'s identities (``keys-00007.pkl``)."""
    return f"keys-{index:05d}.pkl"


def _write_pickle(path: Path, value: object) -> None:
    import os
    import pickle

    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    temporary.write_bytes(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
    os.replace(temporary, path)


def cache_name(index: int) -> str:
    """The file of input partition ``index``'s records, by event (``part-00007.pkl``)."""
    return f"part-{index:05d}.pkl"


def _write_blocks(path: Path, by_event: Mapping[str, list]) -> dict[str, tuple[int, int, int]]:
    import os
    import pickle

    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    blocks = {}
    offset = 0
    with temporary.open("wb") as handle:
        for event, items in by_event.items():
            data = pickle.dumps(items, protocol=pickle.HIGHEST_PROTOCOL)
            handle.write(data)
            blocks[event] = (offset, len(data), len(items))
            offset += len(data)
    os.replace(temporary, path)
    return blocks


def _read_blocks(path: Path, spans: Sequence[tuple[int, int]]) -> list:
    import pickle

    items = []
    with path.open("rb") as handle:
        for offset, length in spans:
            handle.seek(offset)
            items.extend(pickle.loads(handle.read(length)))
    return items


def cut_groups(events: Sequence, sizes: Sequence[int], articles_per_group: int | None = None) -> list[list]:
    """Cut events, in the order given, into groups of whole events, about ``articles_per_group`` articles each.

    ``sizes``: each event's articles. ``None``: :data:`ARTICLES_PER_GROUP`, or fewer when that makes less
    than :data:`MIN_GROUPS` groups. :func:`schedule` gives the events in the order they first appear
    (partition by partition, by name within one), so the groups, and the files of every table, follow the input.

    >>> cut_groups(["a", "b", "c"], [2, 2, 2], articles_per_group=3)
    [['a'], ['b'], ['c']]
    >>> cut_groups(["a", "b", "c"], [1, 2, 2], articles_per_group=4)
    [['a', 'b'], ['c']]
    """
    if articles_per_group is None:
        articles_per_group = min(ARTICLES_PER_GROUP, -(-sum(sizes) // MIN_GROUPS))
    articles_per_group = max(1, articles_per_group)
    groups: list[list] = []
    size = 0
    for event, n in zip(events, sizes, strict=True):
        if not groups or (size and size + n > articles_per_group):
            groups.append([])
            size = 0
        groups[-1].append(event)
        size += n
    return groups


@dataclass(frozen=True, eq=False)
class GroupTask:
    """What the task of one event group reads: its events' blocks in the partitions' caches.

    Attributes:
        group: the group's number (names its files).
        blocks: ``(partition, offset, length)`` of each block to read, an array (24 bytes a
            block, however many events and partitions), by partition in input order, a
            partition's blocks in the order of the group's events.
        repeats: partition -> the positions in its blocks that the duplicate checks rejected
            (repeats of earlier records; written as rejects by the client).
    """

    group: int
    blocks: object = field(repr=False)
    repeats: Mapping[int, frozenset[int]] = field(default_factory=dict)

    @property
    def reads(self) -> tuple[tuple[int, tuple[tuple[int, int], ...], frozenset[int]], ...]:
        """``(partition, spans, repeats)`` for each input partition holding the group's records, in input order."""
        spans: dict[int, list[tuple[int, int]]] = {}
        for partition, offset, length in self.blocks.tolist():
            spans.setdefault(partition, []).append((offset, length))
        return tuple((p, tuple(s), self.repeats.get(p, frozenset())) for p, s in spans.items())


def schedule(found: Sequence[Mapping], articles_per_group: int | None = None) -> tuple[list, list[GroupTask], list]:
    """Step 2 on the client: judge repeats in input order, cut the events into groups, name each group's reads.

    Only the records that share an id hash or a text hash with another record of the input can
    be repeats or be repeated: their full identities are read back (from the partitions'
    ``keys`` files) and judged in input order by :func:`analysis.corpus.judge_repeats`. Every
    other record is the first and only occurrence of its id and of its text, so it is an
    article and changes no other record's verdict; the verdicts are those of judging the
    whole input, at a cost of a few bytes a record.

    Args:
        found: :func:`partition_keys` of every partition, in input order.
        articles_per_group: see :func:`cut_groups`.

    Returns:
        ``(groups, tasks, repeats)``: the events of each group, the task of each group,
        and ``(partition, position, reject)`` of each record that repeats an earlier id or
        text, in input order (the first occurrence in input order wins, with
        :func:`analysis.corpus.load_corpus`'s messages).
    """
    import pickle

    import numpy as np

    from analysis.corpus import judge_repeats

    def shared(name: str) -> np.ndarray:  # the records whose hash another has too (sorted: ~17 bytes a record)
        hashes = np.concatenate([np.empty(0, np.uint64), *(f[name] for f in found)])
        order = np.argsort(hashes, kind="stable")
        ranked = hashes[order]
        same = ranked[1:] == ranked[:-1]
        marks = np.zeros(len(hashes), bool)
        marks[1:] |= same
        marks[:-1] |= same
        found_twice = np.empty(len(hashes), bool)
        found_twice[order] = marks
        return found_twice

    suspect = shared("ids") | shared("texts")
    suspects: list[tuple[int, tuple]] = []  # (partition, identity) in input order
    start = 0
    for index, f in enumerate(found):
        marked = np.flatnonzero(suspect[start : start + len(f["ids"])])
        start += len(f["ids"])
        if len(marked):
            identities = pickle.loads(Path(f["identities"]).read_bytes())
            suspects += [(index, identities[k]) for k in marked]
    del suspect
    repeats = []
    dropped: list[dict[str, list[int]]] = [{} for _ in found]
    for (index, identity), verdict in zip(
        suspects, judge_repeats([identity[1:5] for _, identity in suspects]), strict=True
    ):
        if verdict is not None:
            repeats.append((index, identity[0], verdict))
            dropped[index].setdefault(identity[5], []).append(identity[0])
    del suspects
    # every block of every partition, as arrays: partition, event (a number), offset, length, articles left
    codes: dict[str, int] = {}
    partition_of, event_of, spans = [], [], []
    for index, f in enumerate(found):
        names = _event_names(f)
        here = f["spans"]
        if dropped[index]:
            here = here.copy()
            for k, name in enumerate(names):
                here[k, 2] -= len(dropped[index].get(name, ()))
                if not here[k, 2]:  # a block of repeats alone is not read: no positions to leave out of it
                    dropped[index].pop(name, None)
        event_of.append(np.array([codes.setdefault(name, len(codes)) for name in names], dtype=np.int64))
        partition_of.append(np.full(len(names), index, dtype=np.int64))
        spans.append(here)
    names = list(codes)
    del codes
    part = np.concatenate([np.empty(0, np.int64), *partition_of])
    code = np.concatenate([np.empty(0, np.int64), *event_of])
    block = np.concatenate([np.empty((0, 3), np.int64), *spans])
    del partition_of, event_of, spans
    held = block[:, 2] > 0  # a block whose records were all repeats is not read
    part, code, block = part[held], code[held], block[held]
    by_name = np.empty(len(names), np.int64)
    by_name[sorted(range(len(names)), key=names.__getitem__)] = np.arange(len(names))
    # events in the order they first appear, partition by partition, by name within one
    order = np.lexsort((by_name[code], part))
    present, first = np.unique(code[order], return_index=True)
    appearance = present[np.argsort(first, kind="stable")]
    totals = np.bincount(code, weights=block[:, 2], minlength=len(names)).astype(np.int64)
    cut = cut_groups(appearance.tolist(), totals[appearance].tolist(), articles_per_group)
    groups = [[names[c] for c in events] for events in cut]
    group_of = np.full(len(names), -1, np.int64)
    rank = np.zeros(len(names), np.int64)  # the event's place in its group
    for g, events in enumerate(cut):
        group_of[events] = g
        rank[events] = np.arange(len(events))
    # each group's blocks: by partition in input order, a partition's events in the group's order
    order = np.lexsort((rank[code], part, group_of[code]))
    reads = np.column_stack([part, block[:, :2]])[order]
    bounds = np.searchsorted(group_of[code][order], np.arange(len(groups) + 1))
    repeats_of: list[dict[int, set[int]]] = [{} for _ in groups]
    code_of = {name: c for c, name in enumerate(names)} if any(dropped) else {}
    for index, gone in enumerate(dropped):
        for name, positions in gone.items():
            g = group_of[code_of[name]]
            if g >= 0:
                repeats_of[g].setdefault(index, set()).update(positions)
    tasks = [
        GroupTask(g, reads[bounds[g] : bounds[g + 1]], {p: frozenset(s) for p, s in repeats_of[g].items()})
        for g in range(len(groups))
    ]
    return groups, tasks, repeats


def analyze_group(out: str, task: GroupTask, options: Mapping) -> dict:
    """Step 3 on a worker: analyse the articles of one event group and write its files.

    Reads the group's records from the caches of the partitions that hold them
    (:func:`partition_keys`), in input order, runs the per-article stages and the
    per-event reduce (one canonical name and one label per actor across each
    event's articles, :func:`analysis.pipeline.resolve_events`: the group holds whole
    events) and writes one file per table, ``<table>/part-G.parquet``, rows sorted by
    event. Fixed file names, written atomically: a retried task overwrites.

    Returns:
        ``group``, row counts by table, the events with their article counts, and each table's columns.
    """
    from analysis.corpus import Corpus
    from analysis.pipeline import analyze_articles
    from analysis.stored import write_group

    target = Path(out)
    items = []
    for index, spans, repeats in task.reads:
        block = _read_blocks(target / "_input" / cache_name(index), spans)
        items += [(index, position, article) for position, article in block if position not in repeats]
    items.sort(key=lambda found: found[:2])  # input order
    corpus = Corpus([article for *_, article in items])  # validated by the keys step, repeats left out
    del items
    result = analyze_articles(corpus, jobs=1, progress=False, reuse_stages=True, resolve=True, **options)
    events = {a.article_id: a.event for a in corpus}
    counts = write_group(target, task.group, result, events)
    columns = {name: list(table.columns) for name, table in result.tables.items()}
    summary = {
        "group": task.group,
        "counts": counts,
        "events": _count(events.values()),
        "columns": columns,
        "reads": [len(task.reads), sum(len(spans) for _, spans, _ in task.reads)],  # cache files, blocks
    }
    (target / "_done").mkdir(exist_ok=True)
    (target / "_done" / str(task.group)).write_text(json.dumps(summary), encoding="utf-8")
    return summary


def _count(values: Iterable[str]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for value in values:
        counts[value] = counts.get(value, 0) + 1
    return counts


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
        articles_per_group: articles of the events of one event group (one map task, one file per
            table); ``None``: :data:`ARTICLES_PER_GROUP`, fewer for a run of less than
            :data:`MIN_GROUPS` times that (see :func:`cut_groups`).
        **options: as for :func:`analysis.pipeline.analyze_articles` (``entity_method``, ``aliases``, ...).

    Returns:
        The result, opened lazily (:class:`analysis.stored.StoredAnalysis`).

    Raises:
        ClusterError: when ``out`` holds something else, or the run failed.
    """
    require_dask()
    from distributed import progress as dask_progress

    from analysis.stored import (
        LAYOUT,
        REJECT_COLUMNS,
        StoredAnalysis,
        read_marker,
        write_frame,
        write_marker,
        write_rejects,
    )

    out = Path(out).resolve()
    partitions, known_rejects, known_skipped = plan(source, files_per_partition=files_per_partition)
    fingerprint = _fingerprint(partitions, {**options, "articles per group": articles_per_group})
    resume = _prepare(out, fingerprint, overwrite)
    write_marker(out, {"layout": LAYOUT, "complete": False, "run": fingerprint, "n_partitions": len(partitions)})
    # a loaded corpus's own rejects (a folder's are read with its partitions): before every other reject
    write_rejects(out / "rejects" / "walk.parquet", -1, list(enumerate(known_rejects)))
    rows = pd.DataFrame([(r.where, r.reason, r.fix) for r in known_skipped], columns=REJECT_COLUMNS)
    write_frame(out / "skipped" / "walk.parquet", rows.astype("string"))
    show = len(partitions) > 2 if progress is None else progress
    if show:
        print(f"reading {len(partitions)} partitions on {client}; dashboard: {client.dashboard_link}", flush=True)
    token = uuid.uuid4().hex[:8]  # a rerun never picks up a finished task of an earlier run from the scheduler
    # Partitions travel inside the tasks (not scattered): when a worker dies, the scheduler can
    # rerun its tasks elsewhere, which it cannot do for data that lived only on that worker.
    found = gather_keys(client, partitions, out, token=token, progress=show)
    groups, tasks, repeats = schedule(found, articles_per_group)
    # what the end of the run needs of the keys, so that they are not held through it
    n_rejects = sum(f["n_rejects"] for f in found) + len(repeats) + len(known_rejects)
    n_partitions = len(partitions)
    write_rejects(out / "rejects" / "repeats.parquet", [p for p, _, _ in repeats], [r[1:] for r in repeats])
    del found, repeats, partitions
    write_marker(
        out,
        {
            "layout": LAYOUT,
            "complete": False,
            "run": fingerprint,
            "n_partitions": n_partitions,
            "n_groups": len(groups),
        },
    )
    todo = [task for task in tasks if task.group not in resume]
    if show:
        print(f"analysing {len(groups)} event groups (one task each):", flush=True)
    try:
        futures = client.map(
            analyze_group,
            [str(out)] * len(todo),
            todo,
            [dict(options)] * len(todo),
            key=[f"analyze-{token}-{task.group}" for task in todo],
            retries=RETRIES,
        )
        if show and futures:
            dask_progress(futures)
        summaries = [*client.gather(futures), *(_done_summary(out, g) for g in sorted(resume))]
    finally:  # the cached records: a failed run leaves no copy of the corpus (a rerun reads the input again)
        shutil.rmtree(out / "_input", ignore_errors=True)
    events = sorted({e for s in summaries for e in s["events"]})
    shutil.rmtree(out / "_done", ignore_errors=True)
    columns: dict[str, list[str]] = {}
    for summary in sorted(summaries, key=lambda s: s["group"]):  # every column any group has, in first-seen order
        for name, names in summary.get("columns", {}).items():
            known = columns.setdefault(name, [])
            known += [c for c in names if c not in known]
    n_articles = sum(s["counts"]["articles"] for s in summaries)
    present = set(events)
    write_marker(
        out,
        {
            "layout": LAYOUT,
            "complete": True,
            "run": fingerprint,
            "n_partitions": n_partitions,
            "n_groups": len(groups),
            "n_articles": n_articles,
            "n_rejects": n_rejects,
            "n_skipped": len(known_skipped),
            "events": events,
            # the events of file part-G of every table
            "groups": [[e for e in group if e in present] for group in groups],
            "columns": columns,
            # what the group tasks read: cache files opened (one per partition holding a group's events)
            # and blocks (one per partition and event)
            "cache_reads": [sum(s.get("reads", [0, 0])[i] for s in summaries) for i in (0, 1)],
        },
    )
    return StoredAnalysis(out, read_marker(out) or {})


def gather_keys(client, partitions: Sequence[Partition], out: Path, *, token: str, progress: bool = False) -> list:
    """Step 2's tasks: :func:`partition_keys` of every partition on the cluster, their results in input order.

    Results are taken one at a time as they arrive (not gathered all at once, which holds every
    result's message and its copy together in the client), and released on the workers at the end.
    """
    from distributed import as_completed
    from distributed import progress as dask_progress

    futures = client.map(
        partition_keys,
        partitions,
        [str(out)] * len(partitions),
        key=[f"keys-{token}-{p.index}" for p in partitions],
        retries=RETRIES,
    )
    if progress and futures:
        dask_progress(futures)
    place = {future.key: k for k, future in enumerate(futures)}
    found: list = [None] * len(futures)
    for future, result in as_completed(futures, with_results=True):
        found[place[future.key]] = result
    del futures  # released, so the workers drop their copies
    return found


def _fingerprint(partitions: Sequence[Partition], options: Mapping) -> str:
    """A digest of the input (file names, sizes and times, or the records), the options and :data:`ENGINE`."""
    digest = hashlib.sha1(repr((ENGINE, sorted((k, repr(v)) for k, v in options.items()))).encode())
    for p in partitions:
        for name in p.files:
            stat = Path(name).stat()
            digest.update(f"{name}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode("utf-8", "surrogatepass"))
        for item in (*p.records, *p.articles, *p.walk):
            digest.update(repr(item).encode("utf-8", "surrogatepass"))
    return digest.hexdigest()[:16]


def _prepare(out: Path, fingerprint: str, overwrite: bool) -> set[int]:
    """Check ``out`` and return the event groups an earlier, unfinished run of the same input finished."""
    from analysis.stored import LAYOUT, is_partitioned, read_marker

    if out.exists() and not out.is_dir():
        raise ClusterError(f"{out} is a file; --out must be a folder")
    if not out.exists() or not any(out.iterdir()):
        return set()
    meta = read_marker(out)
    if overwrite:
        if meta is None:
            # a folder that is not ours: remove only what a run writes into it
            for name in ("_map", "_input", "_done", *_OUTPUT_FOLDERS):
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
    """The summary an earlier, interrupted run's task left for event group ``index``."""
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
            :data:`WORKER_CONFIG`). Only this cluster's workers are configured, those added later
            with ``client.cluster.scale()`` included; Dask's global configuration is left as it was.
    """
    require_dask()
    import os

    import dask
    from distributed import Client, LocalCluster

    # Each nanny hands its worker process the Dask configuration in force, with its own ``config``
    # laid over it key by key at the top level (so ours is the whole configuration, merged deeply
    # here); passed in the cluster's worker options, it reaches workers added later by
    # ``cluster.scale()`` too.
    cluster = LocalCluster(
        n_workers=workers or os.cpu_count() or 1,
        threads_per_worker=1,
        processes=True,
        host="127.0.0.1",
        dashboard_address="127.0.0.1:0",
        config={} if profile else dask.config.merge(dask.config.config, _nested(WORKER_CONFIG)),
    )
    return Client(cluster)


def _nested(dotted: Mapping[str, object]) -> dict:
    """``{"a.b.c": v}`` as ``{"a": {"b": {"c": v}}}``, the form a nanny's ``config`` takes.

    >>> _nested({"distributed.worker.profile.enabled": False})
    {'distributed': {'worker': {'profile': {'enabled': False}}}}
    """
    nested: dict = {}
    for key, value in dotted.items():
        *parents, last = key.split(".")
        level = nested
        for name in parents:
            level = level.setdefault(name, {})
        level[last] = value
    return nested
