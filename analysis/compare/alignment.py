"""Claim alignment: the same claim found across the sources of one event.

Each claim row is described by a bag of features taken from its *content* (the
reported span; the sentence after any dateline for the outlet's own voice), so
who said it and how it was attributed do not count:

* word stems (Porter), with synonyms of one idea merged into one concept
  feature (``C:death`` for "killed", "dead", "toll"; :data:`data/lexicons/alignment.yml`);
  words inside an entity mention are replaced by the entity, so aliases match;
* the canonical entities named inside the content (``E:Islamic State``);
* the numbers inside the content: their unit class (``U:people``), their
  order of magnitude in that unit (``M:people~3``, on two grids half a decade
  apart, so two values within a factor of about three always share one) and
  the exact value (``V:people=340000``). Outlets that disagree on a figure
  still say a figure of the same kind and size: that is strong evidence of the
  same claim even when the wording differs.

Features are weighted by TF-IDF (so a rare entity or number counts for more
than a common one) times a weight per feature kind (:data:`FEATURE_WEIGHTS`),
and claims are compared by cosine similarity. Claims with identical features
are merged first (wire copies), and only pairs sharing a feature that is not
too common are scored (an inverted index: blocking, so a 10,000-article event
does not compare every pair). Claims are then grouped by average-linkage
clustering: two groups merge while the mean similarity of all their claim
pairs is at least ``threshold`` (pairs never scored count as 0, so a group
does not drift by chaining). The default threshold was chosen by
leave-one-event-out evaluation on the bundled corpus
(``benchmarks/eval_alignment.py --loeo``).

A similarity is not enough: two claims are one claim only when they can state
one proposition (:func:`_propositions_agree`). Both must assert (questions,
conditionals and hypotheticals never match, :mod:`analysis.claims.mood`); they
must share a word of the predicate or an exact figure, and two content
features in all (a shared name or topic alone is not a claim); fragments with
fewer than two features never match, nor contents that are a noun phrase with no
verb and no figure ("implicit bias", "an unarmed man with his hands in the air":
they name a topic, they assert nothing); in one-clause claims negation and
obligation must agree (:mod:`analysis.compare.propositions`); two different
named speakers, or actors with none in common, lower the similarity. Figures
of one group are compared as quantities (:mod:`analysis.compare.quantities`),
and :func:`number_disagreements` reports each disagreeing pair with both
sentences and why the two figures were judged one quantity.
"""

from __future__ import annotations

import heapq
import re
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path
from typing import NamedTuple

import numpy as np
import pandas as pd

from analysis.compare.propositions import NOT_PREDICATE, base_form, modality, polarity
from analysis.compare.quantities import CONTEXT_WINDOW, PAIR_COLUMNS, Figure, context_words, disagreeing_pairs
from analysis.compare.scope import select, spans
from analysis.resources import Layer
from analysis.result import Analysis

#: Default similarity (cosine over weighted TF-IDF features) for two claim groups to merge.
THRESHOLD = 0.225

#: Fewest content features (words, synonym groups, entities, figures) two claims must share to be one claim.
MIN_SHARED = 2

#: A word used by more than this share of an event's claims is its topic ("debate", "tax"), not evidence
#: that two claims assert one thing: it still counts in the similarity, not as a shared predicate word.
TOPIC_SHARE = 1.0

#: Fewest content features (words, synonym groups, entities, exact figures) a claim needs to be matched at all:
#: a fragment ("Think of that.", "You pay your taxes.") states no checkable proposition of its own.
MIN_FEATURES = 2

#: A content of at most this many words with no clause break is one clause: its negation and modality
#: are the predicate's ("did not pay taxes").
SIMPLE_WORDS = 15
_CLAUSE_BREAK = re.compile(r"[,;:—–―]| - ")
#: What may close a content without breaking it: a quote's trailing comma ("makes me smart,''").
_CLOSING = " \t\n,;:.!'\"”’»)"


def _one_clause(content: str) -> bool:
    """Whether a content is one clause: at most :data:`SIMPLE_WORDS` words and no clause break inside it."""
    text = content.rstrip(_CLOSING)
    return len(text.split()) <= SIMPLE_WORDS and not _CLAUSE_BREAK.search(text)


#: Factor on the similarity of two claims that both name actors but share none.
ACTOR_FACTOR = 0.5

#: Factor on the similarity of two claims said by two different named speakers.
SPEAKER_FACTOR = 0.6

#: Factor on the similarity of two claims from the same article (a restatement, or two different claims).
SAME_ARTICLE_WEIGHT = 0.5

#: Weight of each feature kind before the claim vector is normalised: word stems,
#: concepts (synonym groups), entities, number unit classes, number magnitudes, exact values.
FEATURE_WEIGHTS: dict[str, float] = {"word": 1.0, "concept": 1.0, "entity": 1.0, "unit": 0.5, "magnitude": 1.5,
                                     "value": 1.0}  # fmt: skip

_PREFIX_KIND = {"C": "concept", "E": "entity", "U": "unit", "M": "magnitude", "V": "value"}
#: Which count of shared features a feature adds to (what is asserted / who / which figure).
_SHARED_KIND = {"C:": "n_word", "E:": "n_entity", "U:": "n_unit", "M:": "n_number", "V:": "n_value"}
_WORD = re.compile(r"[^\W\d_]{2,}")
_UNIT_ALIASES = {"%": "percent", "per cent": "percent", "pct": "percent"}
#: A count of a capitalised plural ending like a demonym ("New Yorkers", "Syrians", "Iraqis",
#: "Muscovites") counts people of a place.
_DEMONYM = re.compile(r"(?:[A-Z][a-z]+ )*[A-Z][a-z]+(?:ers|ans|ites|is)")


@dataclass(frozen=True)
class AlignmentLexicon:
    """Synonym groups and unit classes used by :func:`claim_alignment`.

    Attributes:
        concepts: concept name -> its words (as listed).
        unit_classes: class name -> the units counted as that class.
    """

    concepts: Mapping[str, tuple[str, ...]]
    unit_classes: Mapping[str, tuple[str, ...]]

    def concept_of_stem(self) -> dict[str, str]:
        """Map each listed word's stem to its concept feature (``C:name``)."""
        return {stem(w): "C:" + name for name, words in self.concepts.items() for w in words}

    def class_of_unit(self) -> dict[str, str]:
        """Map each listed unit (lower case) to its class name."""
        return {" ".join(u.lower().split()): name for name, units in self.unit_classes.items() for u in units}


def load_lexicon(
    path: str | Path | Mapping | Sequence[str | Path | Mapping] | None = None,
) -> AlignmentLexicon:
    """Read the alignment lexicon: the packaged one, with your files added to it.

    The rule is every lexicon's (:mod:`analysis.resources`): a group you list
    again gains your words; ``inherit: false`` at the top makes your file the
    whole lexicon.

    Args:
        path: a YAML file (or mapping, or a list of them) shaped like
            ``data/lexicons/alignment.yml``: sections ``concepts`` and
            ``unit_classes``, each a mapping of a name to a list of words; None
            means the packaged one alone.

    Returns:
        The :class:`AlignmentLexicon`.

    Raises:
        LexiconError: naming the file and line when the YAML or an entry is malformed.
        FileNotFoundError: when ``path`` does not exist.
    """
    from analysis.resources import load_layers, merge_layers

    if path is None:
        return _packaged_lexicon()
    layers = [_checked(layer) for layer in load_layers("alignment.yml", path, kind="alignment lexicon")]
    return _as_lexicon(merge_layers(layers))


@cache
def _packaged_lexicon() -> AlignmentLexicon:
    from analysis.resources import load_layers, merge_layers

    return _as_lexicon(
        merge_layers([_checked(layer) for layer in load_layers("alignment.yml", kind="alignment lexicon")])
    )


def _checked(layer: Layer) -> Layer:
    """The layer with each group's words in lower case; errors name its file and line."""
    sections: dict[str, dict[str, list[str]]] = {}
    for section, groups in layer.data.items():
        if section not in ("concepts", "unit_classes"):
            raise layer.error((section,), f"{section}: unknown section; use 'concepts' or 'unit_classes'")
        if groups is None:
            continue
        if not isinstance(groups, dict):
            raise layer.error((section,), f"{section}: must map a group name to a list of words (name: [a, b])")
        for name, words in groups.items():
            ok = isinstance(words, list) and all(isinstance(w, str | int | float) for w in words)
            if not ok or not words:
                raise layer.error(
                    (section, str(name)),
                    f"{section}.{name}: must be a non-empty list of words, e.g. {name}: [word, other word]",
                )
            sections.setdefault(section, {})[str(name)] = [str(w).strip().lower() for w in words]
    return replace(layer, data=sections)


def _as_lexicon(doc: Mapping) -> AlignmentLexicon:
    return AlignmentLexicon(
        {name: tuple(words) for name, words in (doc.get("concepts") or {}).items()},
        {name: tuple(words) for name, words in (doc.get("unit_classes") or {}).items()},
    )


def _merge_lexicons(
    lexicon: str | Path | Sequence[str | Path] | None, concepts: Mapping[str, Sequence[str]] | None
) -> AlignmentLexicon:
    """The packaged lexicon, then each extra file, then ``concepts`` (merged by :func:`load_lexicon`'s rule)."""
    sources: list = [] if lexicon is None else [lexicon] if isinstance(lexicon, str | Path) else list(lexicon)
    if concepts:
        sources.append({"concepts": {name: list(words) for name, words in concepts.items()}})
    return load_lexicon(sources or None)


COLUMNS = [
    "claim_group",
    "representative",
    "n_sources",
    "source",
    "n_claims",
    "voice",
    "speakers",
    "quote",
    "hedged",
    "boosted",
    "numbers",
    "number_disagreement",
    "disagreeing_units",
    "cohesion",
    "evidence",
]


@cache
def _porter():
    from nltk.stem.porter import PorterStemmer

    return PorterStemmer(mode=PorterStemmer.NLTK_EXTENSIONS)


@cache
def stem(word: str) -> str:
    """The Porter stem of a word (NLTK's implementation; code only, no data), lower case, possessive off.

    >>> stem("Liberated"), stem("liberation"), stem("strikes")
    ('liber', 'liber', 'strike')
    """
    word = word.lower().replace("’", "'")
    if word.endswith("'s"):
        word = word[:-2]
    return _porter().stem(word, to_lowercase=True)


def normalize_unit(unit: str, classes: Mapping[str, str] | None = None) -> str:
    """The unit as compared across sources: its class (:data:`unit_classes`), else lower case, plural ``s`` off.

    Args:
        unit: the unit as found ("workers", "%", "Hours", "New Yorkers": a demonym counts people).
        classes: unit -> class name; None means the packaged classes.

    Returns:
        The class name or the normalised unit ("people", "percent", "hour").
    """
    classes = load_lexicon().class_of_unit() if classes is None else classes
    u = " ".join(str(unit).lower().split())
    u = _UNIT_ALIASES.get(u, u)
    if u in classes:
        return classes[u]
    if _DEMONYM.fullmatch(str(unit).strip()) and "people" in classes.values():
        return "people"  # "29 New Yorkers", "340 Syrians": people of a place
    if len(u) > 3 and u.endswith("s") and not u.endswith("ss"):
        u = u[:-1]
    return classes.get(u, _UNIT_ALIASES.get(u, u))


def _normalized_units(units: pd.Series, classes: Mapping[str, str]) -> np.ndarray:
    """:func:`normalize_unit` of each unit, each distinct unit read once."""
    codes, uniques = pd.factorize(units.astype(str))
    return np.array([normalize_unit(u, classes) for u in uniques] + [""], dtype=object)[codes]


def claim_alignment(
    result: Analysis,
    event: str | None = None,
    sources: str | Sequence[str] | None = None,
    *,
    threshold: float = THRESHOLD,
    min_sources: int = 1,
    max_df: int | None = None,
    concepts: Mapping[str, Sequence[str]] | None = None,
    lexicon: str | Path | Sequence[str | Path] | None = None,
    weights: Mapping[str, float] | None = None,
) -> pd.DataFrame:
    """Match claims across sources and lay them out claim by source.

    Args:
        result: an :class:`~analysis.Analysis`.
        event: the event whose sources are compared (recommended: aligning
            claims of different events finds only coincidences).
        sources: only these sources.
        threshold: minimum mean cosine similarity for claims to be grouped
            (0-1; lower groups more loosely).
        min_sources: keep groups reported by at least this many sources.
        max_df: features shared by more distinct claims than this are not used
            to propose candidate pairs (they still count in the similarity of
            pairs proposed by rarer features). ``None``: ``max(50, 2%`` of the
            distinct claims``)``.
        concepts: extra word groups treated as one feature (added to the
            packaged groups, ``data/lexicons/alignment.yml``), e.g.
            ``{"protest": ["protest", "rally", "demonstration"]}``.
        lexicon: extra alignment lexicon file(s) shaped like
            ``data/lexicons/alignment.yml``, read after the packaged one (a group
            of the same name is extended, not replaced).
        weights: feature-kind weights replacing entries of :data:`FEATURE_WEIGHTS`
            (``word``, ``concept``, ``entity``, ``unit``, ``magnitude``, ``value``;
            0 switches a kind off).

    Returns:
        One row per (claim group, source that reports it): ``claim_group``
        (1 = reported by most sources), ``representative`` (the content of the
        group's most central claim, without dateline, first letter capitalised),
        ``n_sources``, ``source``, ``n_claims`` (claim rows
        of this source in the group; a quotation over several sentences, one claims row, is
        aligned by its sentences (:func:`sentence_pieces`) and counts once per sentence here),
        ``voice`` ("own voice", "attributed" or "mixed"), ``speakers`` (who the source attributes it to;
        ``(own voice)`` for none), ``quote`` (direct / indirect / none, joined),
        ``hedged``, ``boosted`` (any claim of the cell), ``numbers`` (the number
        expressions in the cell's sentences), ``number_disagreement`` (True on
        every row of a group where two sources give different values for the
        same unit class), ``disagreeing_units`` (those units with each source's
        values, e.g. ``people: A=340000; B=500000``), ``cohesion`` (mean
        similarity of the group's claim pairs; 1 for a single claim) and
        ``evidence`` (a tuple of ``(article_id, sentence_id)``, for
        :func:`analysis.compare.evidence`).

    Raises:
        ValueError: for an unknown event, source or feature kind.
        LexiconError: when an extra lexicon file is malformed.
    """
    return _align(result, event, sources, threshold=threshold, min_sources=min_sources, max_df=max_df,
                  concepts=concepts, lexicon=lexicon, weights=weights)[0]  # fmt: skip


def number_disagreements(
    result: Analysis,
    event: str | None = None,
    sources: str | Sequence[str] | None = None,
    **options,
) -> pd.DataFrame:
    """The figures two sources give for one quantity of one shared claim, when they cannot both be right.

    Claims are grouped as in :func:`claim_alignment` (``options`` are its
    keyword arguments); inside a group, two figures from different sources are
    compared when they are the same quantity and reported when their intervals
    do not overlap (:mod:`analysis.compare.quantities`). Two groups that are one
    claim but for who says it (two named speakers' figures for one death toll)
    are compared too: a reader wants both figures, each with its speaker.

    Args:
        result: an :class:`~analysis.Analysis`.
        event: the event whose sources are compared.
        sources: only these sources.
        **options: ``threshold``, ``min_sources``, ``concepts``, ``lexicon``... of :func:`claim_alignment`.

    Returns:
        One row per disagreeing pair: ``claim_group`` (as in :func:`claim_alignment`), ``unit``,
        ``source_a, text_a, value_a, sentence_a``, the same for ``b``, ``why`` (why the two
        figures were judged one quantity, and their intervals) and ``evidence`` (the two
        ``(article_id, sentence_id)``), ``speaker_a``/``speaker_b`` (who each outlet says gave the
        figure, "" for its own voice) and ``claim_group_b`` (the claim group of ``b``: another group
        when two speakers' claims give one quantity two figures, :func:`_quantity_groups`).
    """
    return _align(result, event, sources, **options)[1]


class Alignment(NamedTuple):
    """The two tables of one alignment: :func:`claim_alignment`'s and :func:`number_disagreements`'."""

    groups: pd.DataFrame
    disagreements: pd.DataFrame


def align(
    result: Analysis,
    event: str | None = None,
    sources: str | Sequence[str] | None = None,
    **options,
) -> Alignment:
    """Both :func:`claim_alignment` and :func:`number_disagreements` from one alignment.

    Each of the two verbs aligns the claims anew; a report that shows both tables calls this
    once instead (``options`` are :func:`claim_alignment`'s keyword arguments).

    Returns:
        ``Alignment(groups, disagreements)``, the two verbs' tables.
    """
    return Alignment(*_align(result, event, sources, **options))


def _align(
    result: Analysis,
    event: str | None,
    sources: str | Sequence[str] | None,
    *,
    threshold: float = THRESHOLD,
    min_sources: int = 1,
    max_df: int | None = None,
    concepts: Mapping[str, Sequence[str]] | None = None,
    lexicon: str | Path | Sequence[str | Path] | None = None,
    weights: Mapping[str, float] | None = None,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The alignment table and the disagreeing figure pairs (with ``claim_group``)."""
    kind_weights = dict(FEATURE_WEIGHTS)
    for kind, w in (weights or {}).items():
        if kind not in kind_weights:
            raise ValueError(f"unknown feature kind {kind!r}; use one of {', '.join(kind_weights)}")
        kind_weights[kind] = float(w)
    lex = _merge_lexicons(lexicon, concepts)
    scope = select(result, event, sources)
    claims = scope.claims.reset_index(drop=True)
    if claims.empty:
        return _empty(), _empty_pairs()
    claims = sentence_pieces(claims, scope.sentences)
    claims = _content_spans(scope.result, claims, scope.sentences)
    claims = _proposition_attributes(claims, scope.sentences)
    ents = _inside(claims, scope.entities, ["text", "canonical"])
    nums = _inside(
        claims, scope.numbers, ["text", "value", "unit", *(["value_high"] if "value_high" in scope.numbers else [])]
    )
    # claims with the same content, entities and numbers have the same features: extract them once
    proto_of, first = _prototypes(claims, ents, nums)
    renumber = pd.Series(np.arange(len(first)), index=first)
    features = _features(
        claims.iloc[first].reset_index(drop=True),
        _renumbered(ents, renumber),
        _renumbered(nums, renumber),
        lex,
    )
    protos = claims.iloc[first].reset_index(drop=True)
    # claims that differ in who says them, mood, polarity or modality are never merged as copies
    marker = protos["speaker"].astype(str) + "|" + protos["mood"] + "|" + protos["polarity"] + "|" + protos["modality"]
    # ... nor are fragments ("Think of that." / "I think so"): too few features to be one claim by their bag alone
    size = features[~features["feature"].str.startswith("M:")].groupby("claim").size()
    small = size.reindex(np.arange(len(first)), fill_value=0).to_numpy() < MIN_FEATURES
    marker = marker.where(~small, marker + "|" + pd.Series(np.arange(len(first))).astype(str))
    markers = pd.DataFrame({"claim": np.arange(len(first)), "feature": "#" + marker, "tf": 1})
    units, unit_of_proto = _dedupe(pd.concat([features, markers], ignore_index=True), len(first))
    units = units[~units["feature"].str.startswith("#")]
    unit_of = unit_of_proto[proto_of]
    tfidf = _tfidf(units, kind_weights)
    edges = _candidate_similarities(tfidf, claims, unit_of, max_df)
    edges = _propositions_agree(edges, claims, unit_of, units)
    group_of_unit, sims = _average_linkage(len(set(unit_of)), edges, threshold)
    claims["group"] = group_of_unit[unit_of]
    claims["unit"] = unit_of
    claims["quantity_group"] = _quantity_groups(group_of_unit, edges, threshold)[unit_of]
    pairs = _figure_pairs(claims, scope.numbers, scope.sentences, lex, entities=scope.entities,
                          published=_publication_days(scope.result, scope.articles["article_id"]))  # fmt: skip
    return _table(claims, scope.numbers, sims, edges, min_sources, lex.class_of_unit(), pairs)


def _quantity_groups(group_of_unit: np.ndarray, edges: pd.DataFrame, threshold: float) -> np.ndarray:
    """Claim groups joined when two of their claims are one claim but for who says it.

    Two named speakers giving one proposition ("the group holds eight percent of the province,
    the General Staff says" / "holds between three and five percent, an analyst estimated") are two
    claim groups (:data:`SPEAKER_FACTOR`), but their figures measure one quantity: a reader wants
    both sources' figures side by side, each with its speaker. Two groups are joined when a pair of
    their claims reaches ``threshold`` before the two-speakers factor.

    Returns:
        Each unit's quantity group (the smallest claim-group id of its joined set).
    """
    parent = {int(g): int(g) for g in np.unique(group_of_unit)}

    def root(g: int) -> int:
        while parent[g] != g:
            parent[g] = parent[parent[g]]
            g = parent[g]
        return g

    if not edges.empty and "two_speakers" in edges:
        split = edges[edges["two_speakers"] & (edges["sim_free"] >= threshold)]
        for a, b in zip(split["a"].astype(int), split["b"].astype(int), strict=True):
            ra, rb = root(int(group_of_unit[a])), root(int(group_of_unit[b]))
            if ra != rb:
                parent[max(ra, rb)] = min(ra, rb)
    return np.array([root(int(g)) for g in group_of_unit], dtype="int64")


def alignment_matrix(table: pd.DataFrame, value: str = "speakers") -> pd.DataFrame:
    """The claim-by-source matrix of a :func:`claim_alignment` table.

    Args:
        table: the alignment table.
        value: the cell column to show (``speakers``, ``voice``, ``numbers``, ``n_claims``...).

    Returns:
        One row per claim group (index ``claim_group, representative``), one
        column per source; empty cells where a source does not report the claim.
    """
    wide = table.pivot_table(
        index=["claim_group", "representative"], columns="source", values=value, aggfunc="first", observed=True
    )
    wide.columns.name = None
    return wide


# --------------------------------------------------------------------------- propositions


def _proposition_attributes(claims: pd.DataFrame, sentences: pd.DataFrame) -> pd.DataFrame:
    """Add ``mood`` (of the content, or ``question`` when the whole sentence asks), ``polarity``, ``modality``."""
    from analysis.claims import mood

    text = sentences.set_index(["article_id", "sentence_id"])["text"]
    whole = text.reindex(pd.MultiIndex.from_frame(claims[["article_id", "sentence_id"]])).fillna("").astype(str)
    # each distinct text is read once (a large event repeats its wire copies many times)
    codes, uniques = pd.factorize(claims["content"].astype(str))
    texts = uniques.tolist()
    moods = np.array([mood(c) for c in texts], dtype=object)[codes]
    polar = np.array([polarity(c) for c in texts], dtype=object)[codes]
    modal = np.array([modality(c) for c in texts], dtype=object)[codes]
    simple = np.array([_one_clause(c) for c in texts], dtype=bool)
    verb = np.array([_has_verb(c) for c in texts], dtype=bool)
    wcodes, wuniques = pd.factorize(whole)
    asks = np.array([t.rstrip(" \"'”’»)]}").endswith("?") for t in wuniques.tolist()], dtype=bool)[wcodes]
    claims = claims.copy()
    claims["mood"] = np.where(asks, "question", moods)
    claims["polarity"] = polar
    claims["modality"] = modal
    claims["simple"] = simple[codes]
    claims["has_verb"] = verb[codes]
    return claims


_TAG_WORD = re.compile(r"[^\W_]+(?:['’][a-z]+)?")


@cache
def _names_a_thing(word: str) -> bool:
    """Whether a word, by the offline tagger, is a noun or a verb (what a figure counts), not a modifier."""
    from analysis.text import tag

    return not tag([word.lower()])[0].startswith(("JJ", "RB"))


def _has_verb(text: str) -> bool:
    """Whether a content has a verb that can carry a clause (or a modal), by the offline tagger.

    A noun phrase alone ("implicit bias", "an unarmed man with his hands in the air") names
    something; it asserts nothing.
    """
    from analysis.text import tag

    tokens = _TAG_WORD.findall(text)
    return any(t in _FINITE for t in tag(tokens))


#: Tags of a verb that can carry a clause: a gerund alone ("policing", "killing") is read as a noun. The
#: tagger reads each word alone, so a past tense is often a participle ("reached", "seized"): both count.
_FINITE = frozenset({"VB", "VBD", "VBN", "VBP", "VBZ", "MD"})


@cache
def _same_speaker(a: str, b: str) -> bool:
    """Whether two speakers' names are one source: equal, or the words of one inside the other's
    ("Video" / "Video of the incident", "Shelby" / "Betty Shelby"), as a second mention shortens a name."""
    if a == b:
        return True
    wa, wb = set(_WORD.findall(a.lower())), set(_WORD.findall(b.lower()))
    return bool(wa and wb) and (wa <= wb or wb <= wa)


def _propositions_agree(
    edges: pd.DataFrame, claims: pd.DataFrame, unit_of: np.ndarray, units: pd.DataFrame
) -> pd.DataFrame:
    """Keep the candidate pairs that can state one proposition, and weigh who says it and about whom.

    A pair is dropped when either claim does not assert (a question, a
    conditional, a hypothetical: :func:`analysis.claims.mood`), when one denies
    what the other affirms or one says what should be and the other what is
    (:mod:`analysis.compare.propositions`), or when the two share fewer than
    :data:`MIN_SHARED` content features with at least one word of the
    predicate (a shared name or figure alone is a topic, not a claim). Its
    similarity is multiplied by :data:`ACTOR_FACTOR` when both name actors
    and none is shared, and by :data:`SPEAKER_FACTOR` when two different named
    speakers say it.
    """
    if edges.empty:
        return edges
    first = pd.Series(np.arange(len(claims))).groupby(unit_of).first()
    info = claims.iloc[first.to_numpy()][["mood", "polarity", "modality", "simple", "speaker", "speaker_type",
                                          "has_verb"]]  # fmt: skip
    info = info.set_axis(first.index)
    ents = units[units["feature"].str.startswith("E:")].groupby("unit")["feature"].agg(frozenset)
    a, b = edges["a"].to_numpy(), edges["b"].to_numpy()
    ia, ib = info.reindex(a), info.reindex(b)
    keep = (ia["mood"].to_numpy() == "assertion") & (ib["mood"].to_numpy() == "assertion")
    shared = (
        edges["n_word"] + edges["n_entity"] + (edges["n_number"] + edges["n_unit"] + edges["n_value"]).clip(upper=1)
    )
    what = (edges["n_word"] >= 1) | (edges["n_value"] >= 1)
    keep &= what.to_numpy() & (shared.to_numpy() >= MIN_SHARED)
    size = units[~units["feature"].str.startswith("M:")].groupby("unit").size()
    keep &= (size.reindex(a).fillna(0).to_numpy() >= MIN_FEATURES) & (
        size.reindex(b).fillna(0).to_numpy() >= MIN_FEATURES
    )
    # a noun phrase with no figure ("implicit bias", "a disgrace") names a topic; it asserts nothing
    figure = set(units.loc[units["feature"].str.startswith("U:"), "unit"])
    states = info["has_verb"].to_numpy() | info.index.isin(list(figure))
    states = pd.Series(states, index=info.index)
    keep &= states.reindex(a).to_numpy() & states.reindex(b).to_numpy()
    sim = edges["sim"].to_numpy(dtype="float64").copy()
    ea, eb = ents.reindex(a).to_numpy(), ents.reindex(b).to_numpy()
    has_both = np.array([isinstance(x, frozenset) and isinstance(y, frozenset) for x, y in zip(ea, eb, strict=True)])
    sim = np.where(has_both & (edges["n_entity"].to_numpy() == 0), sim * ACTOR_FACTOR, sim)
    named = {"person", "official body"}
    sa, sb = ia["speaker"].astype(str).to_numpy(), ib["speaker"].astype(str).to_numpy()
    two_speakers = ia["speaker_type"].isin(named).to_numpy() & ib["speaker_type"].isin(named).to_numpy()
    two_speakers &= np.array([not _same_speaker(x, y) for x, y in zip(sa, sb, strict=True)], dtype=bool)
    free = sim.copy()  # before the two-speakers factor: one claim but for who says it
    sim = np.where(two_speakers, sim * SPEAKER_FACTOR, sim)
    # in a one-clause claim the negation and the modality are the predicate's: "did not pay" is not "paid"
    simple = ia["simple"].to_numpy() & ib["simple"].to_numpy()
    keep &= ~(simple & (ia["polarity"].to_numpy() != ib["polarity"].to_numpy()))
    keep &= ~(simple & (ia["modality"].to_numpy() != ib["modality"].to_numpy()))
    out = edges.assign(sim=sim, two_speakers=two_speakers, sim_free=free)[keep]
    return out[out["sim"] > 0].reset_index(drop=True)


# --------------------------------------------------------------------------- features


#: Characters stripped from the edges of a quotation's piece (quote marks, punctuation, spaces).
_PIECE_EDGES = " \t\r\n,.;:\"“”‘’'«»"


def sentence_pieces(claims: pd.DataFrame, sentences: pd.DataFrame) -> pd.DataFrame:
    """The alignment units: a claims row whose content runs over several sentences (a quotation, one
    row in the claims table) becomes one row per sentence it covers, its cue and speaker words left
    out ('"We will win," she said. "Nobody doubts it."' gives "We will win" and "Nobody doubts it"),
    so a long quotation is matched by any of its sentences, as a quote of one sentence is.

    Args:
        claims: claims rows (``article_id``, ``sentence_id``, ``content_start``, ``content_end``,
            ``speaker_start``, ``speaker_end``, ``cue_start``, ``cue_end``).
        sentences: the sentences of those articles (``article_id``, ``sentence_id``, ``start``, ``end``).

    Returns:
        The rows, a quotation's replaced by its pieces (``sentence_id`` and the content span of each
        piece; every other column the row's), in the same order.
    """
    bounds = sentences[["article_id", "sentence_id", "end"]].rename(columns={"end": "_s1"})
    ends = claims[["article_id", "sentence_id"]].merge(bounds, how="left", on=["article_id", "sentence_id"])["_s1"]
    long = (claims["content_end"].to_numpy() > ends.fillna(np.inf).to_numpy()) & (claims["content_start"] >= 0)
    if not long.any():
        return claims
    by_article = {
        a: (g["start"].to_numpy(), g["end"].to_numpy(), g["sentence_id"].to_numpy(), g["text"].tolist())
        for a, g in sentences[sentences["article_id"].isin(claims.loc[long, "article_id"])]
        .sort_values(["article_id", "start"])
        .groupby("article_id")
    }
    rows = []
    for i, row in enumerate(claims.to_dict("records")):
        if not long[i]:
            rows.append(row)
            continue
        starts, sentence_ends, ids, sentence_texts = by_article[row["article_id"]]
        cs, ce = int(row["content_start"]), int(row["content_end"])
        cut = [(int(row[f"{k}_start"]), int(row[f"{k}_end"])) for k in ("speaker", "cue")]
        cut = [(a, b) for a, b in cut if cs < a and b < ce]  # the attribution inside its quotation (-1: none)
        gaps = [(min(a for a, _ in cut), max(b for _, b in cut))] if cut else []
        for k in range(max(int(np.searchsorted(starts, cs, side="right")) - 1, 0), len(starts)):
            if starts[k] >= ce:
                break
            s0 = int(starts[k])
            for a, b in _without(max(cs, s0), min(ce, int(sentence_ends[k])), gaps):
                words = sentence_texts[k][a - s0 : b - s0]
                lead = len(words) - len(words.lstrip(_PIECE_EDGES))
                kept = len(words.rstrip(_PIECE_EDGES))
                if kept > lead:
                    rows.append({**row, "sentence_id": int(ids[k]), "content_start": a + lead, "content_end": a + kept})
    return pd.DataFrame(rows, columns=claims.columns).astype(claims.dtypes.to_dict())


def _without(start: int, end: int, gaps: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The parts of ``start..end`` outside ``gaps``."""
    parts, at = [], start
    for a, b in gaps:
        if a < end and b > at:
            if a > at:
                parts.append((at, a))
            at = max(at, b)
    if at < end:
        parts.append((at, end))
    return parts


def _content_spans(result: Analysis, claims: pd.DataFrame, sentences: pd.DataFrame) -> pd.DataFrame:
    """Add ``cs, ce`` (the content span, the sentence when missing, dateline skipped) and ``content``."""
    from analysis.text import dateline_length

    bounds = sentences[["article_id", "sentence_id", "start", "end"]].rename(columns={"start": "s0", "end": "s1"})
    claims = claims.merge(bounds, on=["article_id", "sentence_id"], how="left")
    cs = claims["content_start"].astype("int64")
    ce = claims["content_end"].astype("int64")
    missing = (cs < 0) | (ce < 0)
    text = spans(result, claims, "content_start", "content_end")
    skip = np.fromiter((dateline_length(t) for t in text), dtype="int64", count=len(text))
    claims["content"] = [t[k:] for t, k in zip(text, skip, strict=True)]
    s0 = claims["s0"].fillna(-1).astype("int64")
    s1 = claims["s1"].fillna(-1).astype("int64")
    claims["cs"] = np.where(missing, s0, cs) + skip
    claims["ce"] = np.where(missing, s1, ce)
    return claims.drop(columns=["s0", "s1"])


def _inside(claims: pd.DataFrame, table: pd.DataFrame, columns: list[str]) -> pd.DataFrame:
    """Rows of ``table`` (entities or numbers) lying inside each claim's content span, with ``claim``."""
    keys = claims[["article_id", "sentence_id", "cs", "ce"]].assign(claim=np.arange(len(claims)))
    rows = keys.merge(table[["article_id", "sentence_id", "start", "end", *columns]], on=["article_id", "sentence_id"])
    return rows[(rows["start"] >= rows["cs"]) & (rows["end"] <= rows["ce"])]


def _magnitudes(values: pd.Series) -> tuple[pd.Series, pd.Series]:
    """Two order-of-magnitude bins of each value, on grids half a decade apart ("z" for zero or missing)."""
    v = pd.to_numeric(values, errors="coerce").abs().to_numpy(dtype="float64")
    with np.errstate(divide="ignore", invalid="ignore"):
        lg = np.log10(np.where(v > 0, v, np.nan))

    def bins(x: np.ndarray) -> pd.Series:
        return pd.Series([f"{int(b)}" if np.isfinite(b) else "z" for b in x], index=values.index, dtype="object")

    return bins(np.floor(lg)), bins(np.floor(lg + 0.5))


def _features(claims: pd.DataFrame, ents: pd.DataFrame, nums: pd.DataFrame, lex: AlignmentLexicon) -> pd.DataFrame:
    """Long table ``claim, feature, tf`` for every claim row (row position = claim id).

    ``ents`` and ``nums`` are the entity and number rows inside each claim's content (:func:`_inside`).
    """
    from analysis.text import stopwords

    stop = stopwords() | NOT_PREDICATE
    codes, uniques = pd.factorize(claims["content"].astype(str))
    tokens = np.array([_tokens(t) for t in uniques.tolist()] + [[]], dtype=object)[codes]
    words = pd.DataFrame({"claim": np.arange(len(claims)), "word": tokens}).explode("word").dropna(subset=["word"])
    # a capitalised word inside a sentence is a name the entity stage missed ("Real Clear Politics"):
    # it says who, not what is asserted, so it becomes a name feature, never a predicate word
    words["name"] = words["word"].str.startswith("~")
    words["word"] = words["word"].str.lstrip("~")
    # words of an entity mention are represented by the entity (aliases then match)
    # ... and the words of a number expression by the number ("58 percent" is U:percent, not the word "percent")
    named = pd.concat([ents[["claim", "text"]], nums[["claim", "text"]]], ignore_index=True)
    in_names = pd.DataFrame({"claim": named["claim"].to_numpy(), "word": named["text"].str.lower().str.findall(_WORD)})
    in_names = in_names.explode("word").dropna(subset=["word"]).drop_duplicates()
    words = words.merge(in_names.assign(_n=True), on=["claim", "word"], how="left")
    words = words[words["_n"].isna() & ~words["word"].isin(stop)]
    concept_of = lex.concept_of_stem()
    stems = {w: concept_of.get(stem(base_form(w)), stem(base_form(w))) for w in words["word"].unique()}
    words["feature"] = words["word"].map(stems).where(~words["name"], "E:~" + words["word"])
    words = words[words["feature"].str.len() >= 2]
    ents = ents.assign(feature="E:" + ents["canonical"].astype(str))
    classes = lex.class_of_unit()
    nums = nums.assign(u=_normalized_units(nums["unit"], classes))
    parts = [words[["claim", "feature"]], ents[["claim", "feature"]]]
    if not nums.empty:
        parts.append(nums.assign(feature="U:" + nums["u"])[["claim", "feature"]])
        parts.append(
            nums.assign(feature="V:" + nums["u"] + "=" + nums["value"].map("{:g}".format))[["claim", "feature"]]
        )
        ends = [nums["value"]] + ([nums["value_high"]] if "value_high" in nums else [])
        for end in ends:
            low, high = _magnitudes(end)
            ok = pd.to_numeric(end, errors="coerce").notna()
            for grid, bins in (("a", low), ("b", high)):
                feat = "M:" + nums["u"] + "~" + grid + bins
                parts.append(pd.DataFrame({"claim": nums["claim"][ok], "feature": feat[ok]}))
    long = pd.concat(parts, ignore_index=True)
    # a range's two ends in one bin count once
    magnitude = long["feature"].str.startswith("M:")
    long = pd.concat([long[~magnitude], long[magnitude].drop_duplicates()], ignore_index=True)
    return long.groupby(["claim", "feature"]).size().rename("tf").reset_index()


_OPENERS = frozenset(".!?:;\"“‘'([—–-")


def _tokens(text: str) -> list[str]:
    """The words of a content, lower case; a capitalised word not opening a sentence or a quote is marked ``~``."""
    out = []
    for m in _WORD.finditer(text):
        w = m.group()
        before = text[: m.start()].rstrip()
        opens = not before or before[-1] in _OPENERS
        out.append(("~" if w[0].isupper() and not opens else "") + w.lower())
    return out


def _hash_rows(keys: pd.Series, claim: np.ndarray, n_claims: int, seed: int) -> np.ndarray:
    """Order-free 64-bit hash of each claim's multiset of ``keys`` (0 for none): sum of random words per key."""
    codes, uniques = pd.factorize(keys, sort=True)
    words = np.random.default_rng(seed).integers(1, 2**63, size=max(len(uniques), 1), dtype=np.uint64)
    out = np.zeros(n_claims, dtype=np.uint64)
    np.add.at(out, claim, words[codes])  # wraps modulo 2**64
    return out


def _prototypes(claims: pd.DataFrame, ents: pd.DataFrame, nums: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """Each claim's prototype (same content text, entities and numbers) and the first claim of each prototype."""
    n = len(claims)
    content, _ = pd.factorize(claims["content"] + "\x1f" + claims["speaker"].astype(str) + "\x1f"
                              + claims["mood"].astype(str), sort=False)  # fmt: skip
    ent_key = ents["canonical"].astype(str) + "\x1f" + ents["text"].astype(str)
    num_key = nums["unit"].astype(str) + "\x1f" + nums["value"].map("{:g}".format).astype(str)
    if "value_high" in nums:
        num_key = num_key + "\x1f" + nums["value_high"].map("{:g}".format).astype(str)
    key = pd.DataFrame(
        {
            "content": content,
            "ents": _hash_rows(ent_key, ents["claim"].to_numpy(), n, 1),
            "nums": _hash_rows(num_key, nums["claim"].to_numpy(), n, 2),
        }
    )
    proto_of = key.groupby(["content", "ents", "nums"], sort=False).ngroup().to_numpy()
    first = pd.Series(np.arange(n)).groupby(proto_of).min().to_numpy()
    return proto_of, first


def _renumbered(rows: pd.DataFrame, renumber: pd.Series) -> pd.DataFrame:
    """Rows of prototype claims only, with ``claim`` renumbered to the prototype's position."""
    rows = rows[rows["claim"].isin(renumber.index)]
    return rows.assign(claim=rows["claim"].map(renumber).to_numpy())


def _dedupe(features: pd.DataFrame, n_claims: int) -> tuple[pd.DataFrame, np.ndarray]:
    """Merge claims with identical feature bags into units; return ``unit, feature, tf`` and each claim's unit."""
    bag = features["feature"] + "\x1f" + features["tf"].astype(str)
    sig = pd.DataFrame(
        {
            "a": _hash_rows(bag, features["claim"].to_numpy(), n_claims, 3),
            "b": _hash_rows(bag, features["claim"].to_numpy(), n_claims, 4),
        }
    )
    unit_of = sig.groupby(["a", "b"], sort=False).ngroup().to_numpy().astype("int64")
    first = pd.Series(np.arange(n_claims)).groupby(unit_of).min()
    units = features[features["claim"].isin(first.to_numpy())].copy()
    units["unit"] = unit_of[units["claim"].to_numpy()]
    return units[["unit", "feature", "tf"]], unit_of


def _tfidf(units: pd.DataFrame, kind_weights: Mapping[str, float]) -> pd.DataFrame:
    """TF-IDF weight of each (unit, feature) times its kind's weight; each unit's vector normalised."""
    n = units["unit"].nunique()
    df = units.groupby("feature")["unit"].nunique()
    w = units.assign(df=units["feature"].map(df))
    prefix = w["feature"].str.slice(0, 2)
    kind = prefix.map({p + ":": k for p, k in _PREFIX_KIND.items()}).fillna("word")
    w["w"] = (1 + np.log(w["tf"])) * np.log(1 + n / w["df"]) * kind.map(kind_weights).astype("float64")
    w = w[w["w"] > 0]
    norm = np.sqrt((w["w"] ** 2).groupby(w["unit"]).transform("sum"))
    w["w"] = w["w"] / norm.where(norm > 0, 1)
    return w[["unit", "feature", "w", "df"]]


def _candidate_similarities(
    weights: pd.DataFrame, claims: pd.DataFrame, unit_of: np.ndarray, max_df: int | None
) -> pd.DataFrame:
    """Cosine similarity of unit pairs that share at least one blocking feature (``a < b``)."""
    n_units = weights["unit"].nunique()
    cap = max(50, int(0.02 * n_units)) if max_df is None else max_df
    block = weights[(weights["df"] > 1) & (weights["df"] <= cap)]
    pairs = block[["unit", "feature"]].merge(block[["unit", "feature"]], on="feature", suffixes=("_a", "_b"))
    pairs = pairs.loc[pairs["unit_a"] < pairs["unit_b"], ["unit_a", "unit_b"]].drop_duplicates()
    if pairs.empty:
        return pd.DataFrame(
            {"a": [], "b": [], "sim": [], "n_word": [], "n_entity": [], "n_number": [], "n_unit": [], "n_value": []}
        )
    # full dot product over all shared features of the candidate pairs
    wa = weights[["unit", "feature", "w"]]
    cand_features = pairs.merge(wa.rename(columns={"unit": "unit_a", "w": "w_a"}), on="unit_a")
    cand_features = cand_features.merge(
        wa.rename(columns={"unit": "unit_b", "w": "w_b"}), on=["unit_b", "feature"], how="inner"
    )
    cand_features["p"] = cand_features["w_a"] * cand_features["w_b"]
    kind = cand_features["feature"].str.slice(0, 2).map(_SHARED_KIND).fillna("n_word")
    # a word most claims of the event use (its topic: "debate", "tax") is not evidence of one proposition
    common = max(3, TOPIC_SHARE * n_units)
    df_of = weights.groupby("feature")["df"].first()
    kind = kind.where(~((kind == "n_word") & (cand_features["feature"].map(df_of) > common)), "n_topic")
    for k in ("n_word", "n_entity", "n_number", "n_unit", "n_value"):
        cand_features[k] = (kind == k).astype("int64")
    sims = (
        cand_features.groupby(["unit_a", "unit_b"])[["p", "n_word", "n_entity", "n_number", "n_unit", "n_value"]]
        .sum()
        .reset_index()
    )
    # claims of one article are rarely the same claim twice: their similarity counts SAME_ARTICLE_WEIGHT times
    home = pd.Series(claims["article_id"].to_numpy()).groupby(unit_of).first()
    same = sims["unit_a"].map(home).to_numpy() == sims["unit_b"].map(home).to_numpy()
    sims["p"] = np.where(same, sims["p"] * SAME_ARTICLE_WEIGHT, sims["p"])
    sims = sims[sims["p"] > 0]
    return sims.rename(columns={"unit_a": "a", "unit_b": "b", "p": "sim"})


def _average_linkage(n: int, edges: pd.DataFrame, threshold: float) -> tuple[np.ndarray, dict[int, float]]:
    """Group ``n`` units by average linkage over sparse similarities; return each unit's group and cohesion."""
    parent = list(range(n))
    size = [1] * n
    sums: dict[int, dict[int, float]] = defaultdict(dict)
    internal = [0.0] * n
    heap: list[tuple[float, int, int]] = []
    for a, b, s in zip(edges["a"].astype(int), edges["b"].astype(int), edges["sim"].astype(float), strict=True):
        sums[a][b] = s
        sums[b][a] = s
        if s >= threshold:
            heap.append((-s, a, b))
    heapq.heapify(heap)
    alive = [True] * n
    while heap:
        neg, a, b = heapq.heappop(heap)
        if not (alive[a] and alive[b]):
            continue
        current = sums[a].get(b, 0.0) / (size[a] * size[b])
        if current < threshold:
            continue
        if abs(current + neg) > 1e-12:
            heapq.heappush(heap, (-current, a, b))
            continue
        if size[a] < size[b]:
            a, b = b, a
        internal[a] += internal[b] + sums[a][b]
        alive[b] = False
        parent[b] = a
        size[a] += size[b]
        for k, s in sums.pop(b).items():
            if k == a:
                continue
            del sums[k][b]
            total = sums[a].get(k, 0.0) + s
            sums[a][k] = total
            sums[k][a] = total
            avg = total / (size[a] * size[k])
            if avg >= threshold:
                heapq.heappush(heap, (-avg, min(a, k), max(a, k)))
        sums[a].pop(b, None)
    root = np.arange(n)
    for i in range(n):
        r = i
        while parent[r] != r:
            r = parent[r]
        root[i] = r
    cohesion = {r: (internal[r] / (size[r] * (size[r] - 1) / 2) if size[r] > 1 else 1.0) for r in range(n) if alive[r]}
    return root, cohesion


# --------------------------------------------------------------------------- table


def _table(
    claims: pd.DataFrame,
    numbers: pd.DataFrame,
    cohesion: dict[int, float],
    edges: pd.DataFrame,
    min_sources: int,
    classes: Mapping[str, str],
    pairs: pd.DataFrame,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    claims = claims.copy()
    claims["own"] = (claims["quote"] == "none") & (claims["speaker"] == "")
    claims["who"] = claims["speaker"].where(~claims["own"], "(own voice)").astype(str)
    claims["order"] = np.arange(len(claims))
    n_sources = claims.groupby("group")["source"].nunique()
    keep = n_sources[n_sources >= min_sources].index
    claims = claims[claims["group"].isin(keep)]
    if claims.empty:
        return _empty(), _empty_pairs()
    first = claims.groupby("group")["order"].min()
    ranking = pd.DataFrame({"n": n_sources.reindex(first.index), "first": first})
    ranking = ranking.sort_values(["n", "first"], ascending=[False, True])
    number_of = {g: i + 1 for i, g in enumerate(ranking.index)}
    rep = _representatives(claims, edges)
    # numbers in the sentences of each cell
    keys = claims[["group", "source", "article_id", "sentence_id"]].drop_duplicates()
    nums = keys.merge(numbers[["article_id", "sentence_id", "start", "text", "value", "unit"]],
                      on=["article_id", "sentence_id"])  # fmt: skip
    nums = nums.drop_duplicates(["group", "source", "article_id", "start"]).sort_values(["article_id", "start"])
    nums["u"] = _normalized_units(nums["unit"], classes)
    if len(pairs):
        pairs = pairs[pairs["group"].isin(keep) & pairs["group_b"].isin(keep)]
    disagree = _disagreements(pairs)
    num_text = nums.groupby(["group", "source"])["text"].agg("; ".join)
    g = claims.groupby(["group", "source"], sort=False)
    cells = g.agg(
        n_claims=("order", "size"),
        n_own=("own", "sum"),
        hedged=("hedged", "any"),
        boosted=("boosted", "any"),
        first=("order", "min"),
    )
    cells["speakers"] = g["who"].agg(lambda s: "; ".join(dict.fromkeys(s)))
    cells["quote"] = g["quote"].agg(lambda s: "; ".join(dict.fromkeys(s.astype(str))))
    cells["evidence"] = g[["article_id", "sentence_id"]].apply(
        lambda f: tuple(dict.fromkeys(zip(f["article_id"].astype(str), f["sentence_id"].astype(int), strict=True)))
    )
    cells = cells.reset_index()
    cells["voice"] = np.select(
        [cells["n_own"] == cells["n_claims"], cells["n_own"] == 0], ["own voice", "attributed"], "mixed"
    )
    cells["numbers"] = [num_text.get((a, b), "") for a, b in zip(cells["group"], cells["source"], strict=True)]
    cells["claim_group"] = cells["group"].map(number_of)
    cells["representative"] = cells["group"].map(rep)
    cells["n_sources"] = cells["group"].map(n_sources)
    cells["disagreeing_units"] = cells["group"].map(disagree).astype("object").fillna("")
    cells["number_disagreement"] = cells["disagreeing_units"] != ""
    cells["cohesion"] = cells["group"].map(lambda grp: cohesion.get(int(grp), 1.0))
    cells = cells.sort_values(["claim_group", "source"]).reset_index(drop=True)
    out = cells[COLUMNS]
    pairs = pairs.assign(claim_group=pairs["group"].map(number_of), claim_group_b=pairs["group_b"].map(number_of))
    pairs = pairs.sort_values(["claim_group", "source_a"])
    pairs = pairs[["claim_group", *PAIR_COLUMNS[1:], "claim_group_b"]].reset_index(drop=True)
    return out.astype(
        {"claim_group": "int64", "representative": "string", "n_sources": "int64", "source": "string",
         "n_claims": "int64", "voice": "string", "speakers": "string", "quote": "string", "hedged": "bool",
         "boosted": "bool", "numbers": "string", "number_disagreement": "bool", "disagreeing_units": "string",
         "cohesion": "float64"}
    ), pairs  # fmt: skip


def _representatives(claims: pd.DataFrame, edges: pd.DataFrame) -> pd.Series:
    """The content of each group's most central claim (the medoid), dateline-free, first letter capitalised.

    A claim's centrality is the summed similarity to every other claim of its
    group (an identical copy counts 1); the earliest claim wins ties.
    """
    per_unit = claims.groupby("unit").agg(n=("order", "size"), first=("order", "min"), group=("group", "first"))
    score = (per_unit["n"] - 1).astype("float64")
    if not edges.empty:
        e = edges[edges["a"].isin(per_unit.index) & edges["b"].isin(per_unit.index)]
        ga = per_unit["group"].reindex(e["a"]).to_numpy()
        gb = per_unit["group"].reindex(e["b"]).to_numpy()
        e = e[ga == gb]
        na = per_unit["n"].reindex(e["a"]).to_numpy()
        nb = per_unit["n"].reindex(e["b"]).to_numpy()
        gain = pd.concat([pd.Series(e["sim"].to_numpy() * nb, index=e["a"].to_numpy()),
                          pd.Series(e["sim"].to_numpy() * na, index=e["b"].to_numpy())])  # fmt: skip
        score = score.add(gain.groupby(level=0).sum(), fill_value=0.0)
    per_unit = per_unit.assign(score=score.reindex(per_unit.index).fillna(0.0))
    best = per_unit.sort_values(["group", "score", "first"], ascending=[True, False, True]).drop_duplicates("group")
    text = claims.set_index("order")["content"].astype(str).str.strip()
    reps = best["first"].map(text)
    reps = reps.str.slice(0, 1).str.upper() + reps.str.slice(1)
    return pd.Series(reps.to_numpy(), index=best["group"].to_numpy())


def _disagreements(pairs: pd.DataFrame) -> pd.Series:
    """Per group: the units on which two sources disagree (:func:`_figure_pairs`), with each source's values.

    A pair between two speakers' claims (two claim groups, :func:`_quantity_groups`) is shown on both
    groups, each value followed by its speaker: ``percent: A=8 (General Staff); B=3 (an analyst)``.
    """
    if pairs.empty:
        return pd.Series(dtype="string")
    cross = pairs["group"].to_numpy() != pairs["group_b"].to_numpy()
    sides = []
    for group in ("group", "group_b"):
        for x in "ab":
            side = pairs[[group, "unit", f"source_{x}", f"value_{x}"]]
            side = side.set_axis(["group", "u", "source", "value"], axis=1)
            said = pairs[f"speaker_{x}"].astype(str).replace("", "own voice")
            value = side["value"].map("{:g}".format)
            sides.append(side.assign(value=value.where(~cross, value + " (" + said + ")")))
    sides = pd.concat(sides, ignore_index=True).drop_duplicates()
    sides = sides.sort_values(["group", "u", "source"], kind="stable")
    vals = sides.groupby(["group", "u", "source"])["value"].agg(lambda v: "/".join(dict.fromkeys(v)))
    vals = vals.reset_index()
    vals["s"] = vals["source"].astype(str) + "=" + vals["value"]
    by_unit = vals.groupby(["group", "u"])["s"].agg("; ".join).reset_index()
    by_unit["s"] = by_unit["u"] + ": " + by_unit["s"]
    return by_unit.groupby("group")["s"].agg(" | ".join)


def _publication_days(result: Analysis, article_ids: pd.Series) -> dict[str, float]:
    """Each of these articles' publication day (days since 1970-01-01), where the date is known."""
    arts = result.articles
    if "published" not in arts:
        return {}
    arts = arts[arts["article_id"].isin(set(article_ids))]
    when = pd.Series(pd.to_datetime(pd.Series(arts["published"]).to_numpy(), errors="coerce", utc=True))
    ok = when.notna().to_numpy()
    days = (when[ok] - pd.Timestamp("1970-01-01", tz="UTC")).dt.days.astype("float64").to_numpy()
    ids = pd.Series(arts["article_id"]).astype(str).to_numpy()[ok]
    return dict(zip(ids, days, strict=True))


def _lookup(keys: pd.Series, values: Mapping[str, float]) -> np.ndarray:
    """``values[key]`` for each key (NaN when missing), looking each distinct key up once."""
    codes, uniques = pd.factorize(keys.astype(str))
    found = np.array([values.get(k, np.nan) for k in uniques] + [np.nan], dtype="float64")
    return found[codes]


#: Entity labels that can hold a figure (whose toll, whose price, whose age); a group by origin
#: ("Syrians") names who is counted, not whose figure it is.
_HOLDER_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC"})


def _claim_actors(claims: pd.DataFrame, entities: pd.DataFrame | None, which: np.ndarray) -> dict[int, frozenset[str]]:
    """Canonical names of the actors the content of each claim in ``which`` names, its own speaker left out."""
    if entities is None or entities.empty or claims.empty or not len(which):
        return {}
    ents = entities[entities["label"].astype(str).isin(_HOLDER_LABELS)]
    which = np.unique(which)
    rows = _inside(claims.iloc[which], ents, ["canonical"])
    claim = which[rows["claim"].to_numpy()]  # back to positions in ``claims``
    names = rows["canonical"].astype(str).to_numpy()
    speaker = claims["speaker"].astype(str).to_numpy()
    out: dict[int, set[str]] = defaultdict(set)
    for c, name in zip(claim, names, strict=True):
        if name != speaker[c]:
            out[int(c)].add(name)
    return {c: frozenset(v) for c, v in out.items()}


def _figure_pairs(
    claims: pd.DataFrame,
    numbers: pd.DataFrame,
    sentences: pd.DataFrame,
    lex: AlignmentLexicon,
    *,
    entities: pd.DataFrame | None = None,
    published: Mapping[str, float] | None = None,
) -> pd.DataFrame:
    """The disagreeing figure pairs of every claim group (:func:`analysis.compare.quantities.disagreeing_pairs`).

    The figures are the numbers inside each claim's content (``cs``, ``ce``) that assert (mood); what
    each counts is read from the words around it in its sentence, whose figure it is from the actors
    the content names (``entities``), and when from the article's publication day (``published``).
    """
    from analysis.text import stopwords

    cols = [c for c in ("value_high", "qualifier", "rate") if c in numbers]
    claims = claims[claims["mood"] == "assertion"].reset_index(drop=True)
    rows = _inside(claims, numbers, ["text", "value", "unit", *cols])
    if rows.empty:
        return pd.DataFrame(columns=[*PAIR_COLUMNS, "group_b"])
    if "quantity_group" not in claims:
        claims = claims.assign(quantity_group=claims["group"])
    info = claims[["quantity_group", "source"]].rename(columns={"quantity_group": "group"})
    at = rows["claim"].to_numpy()
    rows = rows.assign(
        group=info["group"].to_numpy()[at],
        claim_group=claims["group"].to_numpy()[at],
        source=info["source"].astype(str).to_numpy()[at],
        speaker=claims["speaker"].astype(str).to_numpy()[at],
        published=_lookup(rows["article_id"], published or {}),
    )
    rows = rows.drop_duplicates(["group", "source", "article_id", "start"])
    sent = sentences.set_index(["article_id", "sentence_id"])[["start", "text"]]
    where = sent.reindex(pd.MultiIndex.from_frame(rows[["article_id", "sentence_id"]]))
    classes = lex.class_of_unit()
    concept_of = lex.concept_of_stem()
    stop = stopwords() | NOT_PREDICATE

    def stem_of(w: str) -> str:
        return stem(base_form(w))

    rows = rows.assign(u=_normalized_units(rows["unit"], classes))
    rows = rows.assign(
        sole=rows.groupby(["claim", "u"])["start"].transform("size").eq(1).to_numpy(),
        sentence=where["text"].fillna("").astype(str).to_numpy(),
        a=(rows["start"] - where["start"].fillna(0).astype("int64").to_numpy()).to_numpy(),
        b=(rows["end"] - where["start"].fillna(0).astype("int64").to_numpy()).to_numpy(),
        content=claims["content"].astype(str).to_numpy()[rows["claim"].to_numpy()],
    )
    for c, default in (("value_high", np.nan), ("qualifier", "exact"), ("rate", "")):
        if c not in rows:
            rows[c] = default
    # a figure repeated word for word (wire copies) is read once
    same = ["group", "claim_group", "source", "sentence", "a", "b", "text", "value", "value_high", "u", "qualifier",
            "rate", "sole", "content", "published", "speaker"]  # fmt: skip
    rows = rows.drop_duplicates(same)
    of_claim = _claim_actors(claims, entities, rows["claim"].to_numpy())
    rows = rows.assign(actors=[of_claim.get(int(c), frozenset()) for c in rows["claim"]])
    contexts: dict[tuple, frozenset[str]] = {}

    def read(text: str, a: int, b: int, window: int | None) -> frozenset[str]:
        key = (text, a, b, window)
        if key not in contexts:
            contexts[key] = context_words(
                text, a, b, stem=stem_of, stop=stop, concept_of=concept_of, window=window, counts=_names_a_thing
            )
        return contexts[key]

    figures = []
    for r in rows.itertuples(index=False):
        figures.append((r.group, Figure(
            source=r.source, text=str(r.text), value=float(r.value),
            value_high=float(r.value_high) if pd.notna(r.value_high) else np.nan,
            unit=r.u, qualifier=str(r.qualifier or "exact"), rate=str(r.rate or ""), sentence=r.sentence,
            context=read(r.sentence, int(r.a), int(r.b), CONTEXT_WINDOW),
            key=(str(r.article_id), int(r.sentence_id), int(r.start)),
            # the claim's words, less the figure's own ("percent" says the unit, not what is counted)
            claim_words=read(r.content, 0, 0, None) - read(str(r.text), 0, 0, None) if r.sole else frozenset(),
            actors=r.actors, published=float(r.published), speaker=r.speaker,
        )))  # fmt: skip
    found = disagreeing_pairs(figures)
    if not found:
        return pd.DataFrame(columns=[*PAIR_COLUMNS, "group_b"])
    # each figure's own claim group: the two sides differ when two speakers' claims give the figures
    where = zip(rows["article_id"].astype(str), rows["sentence_id"].astype(int), rows["start"].astype(int), strict=True)
    group_of = dict(zip(where, rows["claim_group"], strict=True))
    out = pd.DataFrame(found)
    out["group"] = [group_of[k] for k in out["key_a"]]
    out["group_b"] = [group_of[k] for k in out["key_b"]]
    return out[[*PAIR_COLUMNS, "group_b"]]


def _empty_pairs() -> pd.DataFrame:
    return pd.DataFrame({c: pd.Series(dtype="object") for c in ["claim_group", *PAIR_COLUMNS[1:], "claim_group_b"]})


def _empty() -> pd.DataFrame:
    return pd.DataFrame({c: pd.Series(dtype="object") for c in COLUMNS})
