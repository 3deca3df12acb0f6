"""The rows a comparison looks at: one event's (or some sources') articles, debris left out.

Every table in :mod:`analysis.compare` starts from :func:`select`, so they all
agree on what counts: the articles of the chosen event and sources, and only
the sentences that are not page debris (``sentences.is_debris``), with every
entity, claim and number row tagged with its article's ``source``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

import numpy as np
import pandas as pd

from analysis.result import Analysis

#: Shown instead of an empty ``source``.
UNKNOWN_SOURCE = "(unknown source)"

_WORD = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*")


@dataclass(frozen=True)
class Scope:
    """The selected part of an analysis.

    Attributes:
        result: the analysis it was taken from (for texts).
        articles: ``article_id, source, event, n_words, n_chars`` of the selected articles.
        sentences: the non-debris sentences of those articles, with ``source``.
        entities: entity rows in those sentences, with ``source``.
        claims: claim rows in those sentences, with ``source``.
        numbers: number rows in those sentences, with ``source``.
        sources: the selected source names, sorted.
    """

    result: Analysis
    articles: pd.DataFrame
    sentences: pd.DataFrame
    entities: pd.DataFrame
    claims: pd.DataFrame
    numbers: pd.DataFrame
    sources: list[str]


def select(result: Analysis, event: str | None = None, sources: str | Iterable[str] | None = None) -> Scope:
    """Pick the articles of one event and/or some sources, and their non-debris rows.

    Args:
        result: an :class:`~analysis.Analysis`, or a result on disk opened with
            :func:`analysis.open` (then only ``event``'s rows are read from disk;
            with ``event=None``, every table of the run is read into memory).
        event: keep only articles whose ``event`` equals this (``None``: all).
        sources: keep only these sources (a name or a list; ``None``: all).

    Returns:
        A :class:`Scope`.

    Raises:
        ValueError: when the event or a source is not in the analysis (the
            message lists the names that are).
    """
    result = in_memory(result, event)
    articles = result.articles[["article_id", "source", "event"]].copy()
    articles["source"] = articles["source"].astype(str).replace("", UNKNOWN_SOURCE)
    if event is not None:
        known = sorted(set(articles["event"].astype(str)))
        if event not in known:
            raise ValueError(f"event {event!r} is not in this analysis; events: {', '.join(known) or '(none)'}")
        articles = articles[articles["event"] == event]
    if sources is not None:
        wanted = check_sources(sources, set(articles["source"]))
        articles = articles[articles["source"].isin(wanted)]
    ids = articles["article_id"]
    sentences = result.sentences
    sentences = sentences[sentences["article_id"].isin(ids) & ~sentences["is_debris"]]
    source_of = dict(zip(articles["article_id"], articles["source"], strict=True))
    sentences = sentences.assign(source=sentences["article_id"].map(source_of))
    words = sentences.groupby("article_id", sort=False)["n_words"].sum()
    articles = articles.assign(
        n_words=articles["article_id"].map(words).fillna(0).astype("int64"),
        n_chars=[_text_length(result, a) for a in articles["article_id"]],
    ).reset_index(drop=True)
    keys = _keys(sentences)

    def kept(table: pd.DataFrame) -> pd.DataFrame:
        table = table[table["article_id"].isin(ids)]
        table = table[_keys(table).isin(keys)]
        return table.assign(source=table["article_id"].map(source_of)).reset_index(drop=True)

    return Scope(
        result=result,
        articles=articles,
        sentences=sentences.reset_index(drop=True),
        entities=kept(result.entities),
        claims=kept(result.claims),
        numbers=kept(result.numbers),
        sources=sorted(set(articles["source"])),
    )


def check_sources(sources: str | Iterable[str], known: Iterable[str]) -> list[str]:
    """``sources`` as a list, after checking that each is one of ``known``.

    Raises:
        ValueError: naming the missing sources and listing the known ones.
    """
    wanted = [sources] if isinstance(sources, str) else list(sources)
    known = sorted(set(known))
    missing = [s for s in wanted if s not in known]
    if missing:
        raise ValueError(f"source(s) {', '.join(map(repr, missing))} not in the selection; sources: {', '.join(known)}")
    return wanted


def is_stored_run(result, event: str | None = None) -> bool:
    """True when ``result`` is a whole cluster run on disk (``analysis.open(DIR)``) and no event is chosen:
    then a compare table is computed group by group (:func:`parts`), never with every table in memory."""
    from analysis.stored import StoredAnalysis

    return event is None and isinstance(result, StoredAnalysis)


def parts(
    result,
    event: str | None,
    sources: str | Iterable[str] | None,
    compute: Callable[[Scope], Mapping[str, pd.DataFrame]],
    keys: Mapping[str, list[str]],
    *,
    tables: Iterable[str] | None = None,
) -> tuple[dict[str, pd.DataFrame], list[str]]:
    """The partial tables of a compare verb over a selection, and the selected sources.

    ``compute`` turns a :class:`Scope` into tables of counts and sums, one
    column set ``keys[name]`` identifying each row, every other column a sum
    (a count, a total, a sum of squares) that adds up across articles. In
    memory it runs once on ``select(result, event, sources)``. On a whole
    cluster run on disk (:func:`is_stored_run`), it runs on each event group
    as a Dask task (:meth:`analysis.stored.StoredAnalysis.iter_groups`; every
    group holds whole articles and events, so no article is split), and the
    pieces are added up as they arrive, with a pandas group-by over ``keys``
    on the client (:class:`_Sums`), which then holds the running sums and a
    few pieces, never every group's tables at once. Either way the verb
    finishes the same tables the same way, so both give the same result (up
    to the order in which floating-point sums are added).

    ``tables``: on a run on disk, the tables ``compute`` looks at besides those :func:`select`
    always needs (``articles``, ``sentences``, ``texts``); only these are read from each
    group's files (``None``: every table).

    Raises:
        ValueError: for an unknown event or source (the message lists the known ones).
    """
    if not is_stored_run(result, event):
        scope = select(result, event, sources)
        return {name: frame.reset_index(drop=True) for name, frame in compute(scope).items()}, scope.sources
    if tables is not None:
        tables = ("articles", "sentences", "texts", *tables)
    sums = _Sums(keys)
    known: set[str] = set()
    for got, found in result.iter_groups(_GroupParts(sources, compute), tables=tables):
        known.update(found)
        sums.add(got)
    wanted = sorted(known) if sources is None else check_sources(sources, sorted(known))
    return sums.total(), sorted(wanted)


class _Sums:
    """Partial tables of counts and sums added up piece by piece, in the order the pieces come.

    Pieces wait until they hold as many rows as the running sums (and at least
    :attr:`BATCH_ROWS`), then are added in one group-by: the client holds the
    sums and at most about as many rows again, and the work stays linear in
    the rows of all pieces whether the groups share keys (words, sources) or
    not (actors of different events).
    """

    #: Rows of pieces that wait before an addition, at the least.
    BATCH_ROWS = 250_000

    def __init__(self, keys: Mapping[str, list[str]]) -> None:
        self.keys = keys
        self.sums: dict[str, pd.DataFrame] | None = None
        self.waiting: list[dict[str, pd.DataFrame]] = []
        self.empty: dict[str, pd.DataFrame] = {}  # each table's columns, from the first piece

    def add(self, piece: Mapping[str, pd.DataFrame] | None) -> None:
        """Take one group's tables (``None``: the group has none of the selected sources)."""
        if piece is None:
            return
        for name in self.keys:
            if name not in self.empty:  # a copy: an empty slice would keep the whole first piece alive
                self.empty[name] = piece[name].iloc[:0].copy()
        self.waiting.append({name: piece[name] for name in self.keys if len(piece[name])})
        if _rows(self.waiting) >= max(self.BATCH_ROWS, _rows([self.sums or {}])):
            self._add_waiting()

    def total(self) -> dict[str, pd.DataFrame]:
        """The sums of every piece taken, one row per key."""
        self._add_waiting()
        sums = self.sums or {}
        return {
            name: sums[name] if name in sums else self.empty.get(name, pd.DataFrame(columns=by))
            for name, by in self.keys.items()
        }

    def _add_waiting(self) -> None:
        if not self.waiting:
            return
        pieces = [self.sums or {}, *self.waiting]
        self.sums = {}
        for name, by in self.keys.items():
            frames = [piece[name] for piece in pieces if name in piece]
            if frames:
                frame = frames[0] if len(frames) == 1 else pd.concat(frames, ignore_index=True)
                self.sums[name] = frame.groupby(by, sort=True, dropna=False).sum(numeric_only=False).reset_index()
        self.waiting = []


def _rows(pieces: Iterable[Mapping[str, pd.DataFrame]]) -> int:
    return sum(len(frame) for piece in pieces for frame in piece.values())


@dataclass(frozen=True)
class _GroupParts:
    """The task run on each event group: its partial tables (None when it has none of the sources) and its sources."""

    sources: str | Iterable[str] | None
    compute: Callable[[Scope], Mapping[str, pd.DataFrame]]

    def __call__(self, group: Analysis) -> tuple[dict[str, pd.DataFrame] | None, list[str]]:
        found = sorted(set(group.articles["source"].astype(str).replace("", UNKNOWN_SOURCE)))
        if self.sources is None:
            return dict(self.compute(select(group))), found
        wanted = [self.sources] if isinstance(self.sources, str) else list(self.sources)
        here = [s for s in wanted if s in found]
        return (dict(self.compute(select(group, None, here))) if here else None), found


def in_memory(result, event: str | None = None) -> Analysis:
    """``result`` itself, or, for a result on disk (:class:`analysis.stored.StoredAnalysis`), the rows of
    ``event`` (all rows when ``None``) read into an :class:`~analysis.Analysis`.

    Raises:
        ValueError: when the event is not in a result on disk (the message lists those that are).
    """
    if isinstance(result, Analysis):
        return result
    from analysis.stored import StoredAnalysis

    if isinstance(result, StoredAnalysis):
        return result.load(event)
    raise TypeError(f"expected an Analysis (or analysis.open(DIR)), not a {type(result).__name__}")


def _text_length(result: Analysis, article_id: str) -> int:
    try:
        return len(result.text(article_id))
    except KeyError:
        return 0


def _keys(table: pd.DataFrame) -> pd.MultiIndex:
    return pd.MultiIndex.from_arrays([table["article_id"].astype(str), table["sentence_id"].astype("int64")])


def spans(result: Analysis, table: pd.DataFrame, start: str, end: str, fallback: str = "text") -> list[str]:
    """The text of each row's ``[start, end)`` span; ``fallback`` column where the span is missing (-1)."""
    out = []
    for aid, a, b, alt in zip(table["article_id"], table[start], table[end], table[fallback], strict=True):
        out.append(result.text(aid)[a:b] if 0 <= a < b else alt)
    return out


def count_words(texts: Iterable[str]) -> np.ndarray:
    """Number of words (runs of letters/digits, inner apostrophes and hyphens kept) in each text."""
    return np.fromiter((len(_WORD.findall(t)) for t in texts), dtype="int64")


WORD_PATTERN = _WORD.pattern
