"""Distinctive terms: weighted log-odds ratios with an informative Dirichlet prior.

Monroe, Colaresi & Quinn (2008), "Fightin' Words: Lexical Feature Selection and
Evaluation for Identifying the Content of Political Conflict", Political
Analysis 16(4), section 3.5: the log-odds ratio of a word between two groups,
shrunk towards a background distribution, divided by its approximate standard
error.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from analysis.compare.scope import WORD_PATTERN, Scope, check_sources, is_stored_run, parts, select
from analysis.result import Analysis

_POSSESSIVE = re.compile(r"['’]s\b")
_WORD = re.compile(WORD_PATTERN)

COLUMNS = ["source", "term", "count", "count_rest", "n", "n_rest", "prior", "log_odds", "se", "z"]


def term_counts(
    sentences: pd.DataFrame,
    *,
    group: str = "source",
    entities: pd.DataFrame | None = None,
    exclude_stopwords: bool = True,
) -> pd.DataFrame:
    """Count lower-cased word tokens per group.

    Args:
        sentences: rows with ``text`` and the ``group`` column.
        group: the column to count by.
        entities: when given, tokens that are part of an entity mention's
            surface form (``entities.text``, case-sensitive: "State" in
            "Islamic State", not "state") are left out.
        exclude_stopwords: leave out the package's stopwords
            (:func:`analysis.text.stopwords`).

    Returns:
        ``group, term, count`` with ``count > 0``, sorted by group and term.
        A term is a word of two letters or more (single letters are initials
        and the pieces of "p.m." or "U.S.", never a choice of words).
    """
    names = name_words(entities) if entities is not None and len(entities) else set()
    return finish_counts(raw_counts(sentences, group), names, group=group, exclude_stopwords=exclude_stopwords)


def raw_counts(sentences: pd.DataFrame, group: str = "source") -> pd.DataFrame:
    """``group, term, count`` of the word tokens of ``sentences`` as written (case kept), the first step of
    :func:`term_counts`; counts of two selections add up."""
    texts = sentences["text"].astype(str).str.replace(_POSSESSIVE, "", regex=True)
    tokens = pd.DataFrame({group: sentences[group].to_numpy(), "term": texts.str.findall(_WORD).to_numpy()})
    tokens = tokens.explode("term").dropna(subset=["term"])
    # a term has two letters or more: single letters are initials and the pieces of "p.m.", "U.S."
    tokens = tokens[tokens["term"].str.count(r"[^\W\d_]") >= 2]
    return tokens.groupby([group, "term"], sort=False).size().rename("count").reset_index()


def name_words(entities: pd.DataFrame) -> set[str]:
    """The words of the entity mentions' surface forms (``entities.text``, case kept)."""
    found = entities["text"].astype(str).str.replace(_POSSESSIVE, "", regex=True).str.findall(_WORD).explode()
    return set(found.dropna())


def finish_counts(
    raw: pd.DataFrame, names: set[str], *, group: str = "source", exclude_stopwords: bool = True
) -> pd.DataFrame:
    """:func:`term_counts` from :func:`raw_counts`: the words of ``names`` left out (case-sensitive), the
    rest lower-cased, stopwords left out, counts added up per group and term."""
    from analysis.text import stopwords

    if not len(raw):
        return pd.DataFrame({group: [], "term": [], "count": []}).astype(
            {group: "string", "term": "string", "count": "int64"}
        )
    terms = raw["term"].astype(object)
    raw = raw[~terms.isin(names)] if names else raw
    raw = raw.assign(term=raw["term"].astype(object).str.lower().str.replace("’", "'"))
    if exclude_stopwords:
        raw = raw[~raw["term"].isin(stopwords())]
    counts = raw.groupby([group, "term"], sort=True)["count"].sum().reset_index()
    return counts.astype({group: "string", "term": "string", "count": "int64"})


def word_counts(
    result: Analysis,
    event: str | None = None,
    sources: str | Sequence[str] | None = None,
    *,
    exclude_stopwords: bool = True,
    exclude_entities: bool = False,
) -> pd.DataFrame:
    """How often each source uses each word (non-debris sentences): the counts :func:`distinctive_terms` compares.

    On a whole cluster run opened with :func:`analysis.open` the words are
    counted event group by event group on the cluster and added up (a
    group-by), so no table is read whole into memory.

    Args:
        result: an :class:`~analysis.Analysis`, or a result opened with :func:`analysis.open`.
        event: only this event's articles.
        sources: only these sources.
        exclude_stopwords: leave out the package's stopword list.
        exclude_entities: leave out words that are part of named-entity mentions.

    Returns:
        ``source, term, count`` with ``count > 0``, sorted by source and term (see :func:`term_counts`).
    """
    counts, _ = _word_counts(result, event, sources, exclude_stopwords, exclude_entities)
    counts = counts.sort_values(["source", "term"], kind="stable")
    return counts.astype({"source": "string", "term": "string", "count": "int64"}).reset_index(drop=True)


def _word_counts(
    result, event: str | None, sources, exclude_stopwords: bool, exclude_entities: bool
) -> tuple[pd.DataFrame, list[str]]:
    if exclude_entities and is_stored_run(result, event):
        # one pass over the groups: each counts its words as written and lists the words of its
        # entity names; the words of every group's names are left out once all are known
        got, known = parts(result, event, sources, _RawCounts(), _RAW_KEYS, tables=["entities"])
        names = set(got["names"]["word"].astype(object)) if len(got["names"]) else set()
        return finish_counts(got["raw"], names, exclude_stopwords=exclude_stopwords), known
    compute = _TermCounts(exclude_stopwords, exclude_entities)
    tables = ["entities"] if exclude_entities else []
    got, known = parts(result, event, sources, compute, _COUNT_KEYS, tables=tables)
    return got["counts"], known


def log_odds(
    focal: pd.Series, comparison: pd.Series, background: pd.Series, prior_size: float | None = None
) -> pd.DataFrame:
    """Log-odds ratio of each term in ``focal`` versus ``comparison`` with an informative Dirichlet prior.

    With counts y (focal) and y' (comparison), totals n and n', and prior
    pseudo-counts ``a_w = a0 * background_w / sum(background)``::

        delta_w = log((y_w + a_w) / (n + a0 - y_w - a_w)) - log((y'_w + a_w) / (n' + a0 - y'_w - a_w))
        se_w    = sqrt(1 / (y_w + a_w) + 1 / (y'_w + a_w))
        z_w     = delta_w / se_w

    Args:
        focal: counts indexed by term.
        comparison: counts indexed by term.
        background: counts that define the prior, indexed by term; every term
            of ``focal`` and ``comparison`` must have a positive count here.
        prior_size: ``a0``, the total weight of the prior; ``None`` uses
            ``sum(background)`` (so ``a_w`` is the background count itself).

    Returns:
        A DataFrame indexed by term with ``count, count_rest, n, n_rest, prior, log_odds, se, z``.
    """
    terms = background.index
    y = focal.reindex(terms, fill_value=0).to_numpy(dtype="float64")
    y2 = comparison.reindex(terms, fill_value=0).to_numpy(dtype="float64")
    bg = background.to_numpy(dtype="float64")
    a0 = float(bg.sum()) if prior_size is None else float(prior_size)
    alpha = a0 * bg / bg.sum()
    n, n2 = y.sum(), y2.sum()
    with np.errstate(divide="ignore", invalid="ignore"):
        delta = np.log((y + alpha) / (n + a0 - y - alpha)) - np.log((y2 + alpha) / (n2 + a0 - y2 - alpha))
        se = np.sqrt(1.0 / (y + alpha) + 1.0 / (y2 + alpha))
    return pd.DataFrame(
        {
            "count": y.astype("int64"),
            "count_rest": y2.astype("int64"),
            "n": np.full(len(terms), int(n), dtype="int64"),
            "n_rest": np.full(len(terms), int(n2), dtype="int64"),
            "prior": alpha,
            "log_odds": delta,
            "se": se,
            "z": delta / se,
        },
        index=terms,
    )


def distinctive_terms(
    result: Analysis,
    event: str | None = None,
    sources: str | Sequence[str] | None = None,
    *,
    reference: Analysis | str | Sequence[str] | None = None,
    exclude_stopwords: bool = True,
    exclude_entities: bool = False,
    prior_size: float | None = None,
    min_count: int = 1,
) -> pd.DataFrame:
    """Words that set each source apart from the rest of the event (weighted log-odds).

    How to read it: for each source and word, ``log_odds`` compares the odds
    that a word of this source is this word with the same odds in the rest of
    the event (the other sources, or ``reference``). Both odds are first
    smoothed with an informative Dirichlet prior: pseudo-counts proportional to
    the word's frequency in the two groups together (Monroe, Colaresi & Quinn
    2008), so a word seen twice in one outlet and never elsewhere does not get
    an infinite score, and frequent words are estimated more confidently than
    rare ones. ``z`` divides the log-odds by its approximate standard error,
    which is what to rank by: ``z > 1.96`` means the source uses the word more
    than the rest beyond what chance variation in counts explains (at roughly
    the 5% level, per word, with no correction for testing many words);
    ``z < -1.96`` means it uses it less. A large ``log_odds`` with a small
    ``z`` is a rare word; a modest ``log_odds`` with a large ``z`` is a common
    word used consistently more. Always read ``count`` and ``count_rest``
    beside the score, and the sentences behind it (:func:`analysis.compare.evidence`
    with ``term=``): one long quote can make a word distinctive.

    Args:
        result: an :class:`~analysis.Analysis`.
        event: compare the sources of this event only.
        sources: report only these sources (the others still form "the rest").
        reference: what each source is compared with. ``None``: the other
            sources of the selection. An :class:`~analysis.Analysis`: all of its
            non-debris sentences (a fixed background, e.g. a year of coverage).
            A source name or list of names: those sources of the selection.
        exclude_stopwords: leave out the package's stopword list.
        exclude_entities: leave out words that are part of named-entity mentions.
        prior_size: total weight of the prior (``a0``); ``None`` uses the number
            of word tokens in the selection plus reference, i.e. each word's
            pseudo-count equals its count there.
        min_count: keep words seen at least this often in source plus comparison.

    Returns:
        One row per (source, term): ``source, term, count, count_rest, n,
        n_rest, prior, log_odds, se, z``, sorted by source and descending ``z``.

    Raises:
        ValueError: for an unknown event or source.
    """
    counts, known = _word_counts(result, event, None, exclude_stopwords, exclude_entities)
    shown = known if sources is None else check_sources(sources, known)
    table = counts.pivot_table(index="term", columns="source", values="count", aggfunc="sum", fill_value=0)
    fixed: pd.Series | None = None
    if isinstance(reference, Analysis):
        ref = _counts(select(reference), exclude_stopwords, exclude_entities)
        fixed = ref.groupby("term")["count"].sum()
    elif reference is not None:
        names = check_sources(reference, known)
        fixed = table[names].sum(axis=1)
        shown = [s for s in shown if s not in names]
    frames = []
    for source in shown:
        focal = table[source] if source in table.columns else pd.Series(0, index=table.index)
        rest = table.drop(columns=[source]).sum(axis=1) if fixed is None else fixed
        terms = focal.index.union(rest.index)
        focal, rest = focal.reindex(terms, fill_value=0), rest.reindex(terms, fill_value=0)
        keep = (focal + rest) >= max(min_count, 1)
        focal, rest = focal[keep], rest[keep]
        scored = log_odds(focal, rest, focal + rest, prior_size)
        scored.index.name = "term"
        frames.append(scored.reset_index().assign(source=source))
    if not frames:
        return pd.DataFrame({c: pd.Series(dtype="float64") for c in COLUMNS})
    out = pd.concat(frames, ignore_index=True)[COLUMNS]
    out = out.sort_values(["source", "z", "term"], ascending=[True, False, True], kind="stable")
    return out.astype({"source": "string", "term": "string"}).reset_index(drop=True)


def _counts(scope: Scope, exclude_stopwords: bool, exclude_entities: bool) -> pd.DataFrame:
    return term_counts(
        scope.sentences,
        entities=scope.entities if exclude_entities else None,
        exclude_stopwords=exclude_stopwords,
    )


_COUNT_KEYS = {"counts": ["source", "term"]}


@dataclass(frozen=True)
class _TermCounts:
    """Word counts per source of a scope (:func:`term_counts`), summed across groups for a run on disk."""

    exclude_stopwords: bool
    exclude_entities: bool

    def __call__(self, scope: Scope) -> dict[str, pd.DataFrame]:
        return {"counts": _counts(scope, self.exclude_stopwords, self.exclude_entities)}


_RAW_KEYS = {"raw": ["source", "term"], "names": ["word"]}


@dataclass(frozen=True)
class _RawCounts:
    """One group's word counts as written (:func:`raw_counts`) and the words of its entity names."""

    def __call__(self, scope: Scope) -> dict[str, pd.DataFrame]:
        words = sorted(name_words(scope.entities)) if len(scope.entities) else []
        names = pd.DataFrame({"word": pd.Series(words, dtype=object), "n": 1})
        return {"raw": raw_counts(scope.sentences), "names": names}
