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

Claims are matched by their *clauses* (:func:`_clause_pieces`): a long sentence
states several facts ("the Times wrote that Varn claimed a loss of $9 million,
which let him avoid taxes for 18 years"), and another outlet may state one of
them. Each content is compared whole and, when it has several clauses (cut at
semicolons, dashes, a sentence end inside a quote of several sentences, a comma
before a relative pronoun or a conjunction, and a relative clause the reporter
adds after a reported content), clause by clause; a clause pair counts from
:data:`CLAUSE_THRESHOLD`. A claim joins the group of each of its clauses matched
with another claim's, so a sentence stating two shared facts is in both groups,
each with the span (figures, actors) of its clauses there. A report nested in
another in one sentence ("The Times wrote that Varn had claimed ...") aligns with
its outer claim. A claim row whose content runs over several sentences (one row
for a quote of several sentences) is read whole, its entities and figures from
every sentence it covers, and each of its sentences (a quotation's by its quoted
words only, not the attribution between two halves; sentences of at least
:data:`CLAUSE_WORDS` words) is compared as a one-sentence claim is, then cut
into clauses placed in that sentence. After grouping, a unit also joins each
other group whose members it matches at :data:`CLAUSE_THRESHOLD` on average
(:func:`_second_homes`: a sentence stating two shared facts in one clause).

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
sentences and why the two figures were judged one quantity. Two figures whose
intervals meet ("more than $915 million" / "nearly $916 million") count as one
shared value; a figure in a larger unit is read in the smaller ("two decades" as
20 years, ``unit_scales``); a verb that denies the verb it governs ("avoided
paying", ``negators``) makes the claim deny. :func:`candidate_pairs` lists every
scored pair of clauses with the rule that refused it, for reading the misses.
"""

from __future__ import annotations

import heapq
import itertools
import re
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path
from typing import NamedTuple

import numpy as np
import pandas as pd

from analysis.compare.across_groups import attached_noun, heads, names, same_across
from analysis.compare.propositions import FUNCTION_WORDS, NOT_PREDICATE, base_form, modality, polarity
from analysis.compare.quantities import (
    CONTEXT_WINDOW,
    PAIR_COLUMNS,
    Figure,
    context_words,
    disagreeing_pairs,
    interval,
)
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


#: The sections of ``alignment.yml``, in the order of :class:`AlignmentLexicon`'s fields.
_SECTIONS = ("concepts", "unit_classes", "unit_scales", "negators", "light_words")
_SCALE_NAME = re.compile(r"\d+(?:\.\d+)?\s+\S.*")


@dataclass(frozen=True)
class AlignmentLexicon:
    """Synonym groups and unit classes used by :func:`claim_alignment`.

    Attributes:
        concepts: concept name -> its words (as listed).
        unit_classes: class name -> the units counted as that class.
        unit_scales: a multiple of a unit ("10 years") -> the units that are that multiple ("decade").
        negators: group name -> verbs that deny the verb they govern ("avoided paying").
        light_words: group name -> words too light to say what is asserted ("want", "know", "make").
    """

    concepts: Mapping[str, tuple[str, ...]]
    unit_classes: Mapping[str, tuple[str, ...]]
    unit_scales: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    negators: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    light_words: Mapping[str, tuple[str, ...]] = field(default_factory=dict)

    def concept_of_stem(self) -> dict[str, str]:
        """Map each listed word's stem to its concept feature (``C:name``)."""
        return {stem(w): "C:" + name for name, words in self.concepts.items() for w in words}

    def class_of_unit(self) -> dict[str, str]:
        """Map each listed unit (lower case) to its class name."""
        return {" ".join(u.lower().split()): name for name, units in self.unit_classes.items() for u in units}

    def scale_of_unit(self) -> dict[str, tuple[float, str]]:
        """Map each listed larger unit (lower case) to its multiple of the smaller: "decades" -> (10, "years")."""
        out = {}
        for name, units in self.unit_scales.items():
            factor, unit = name.split(None, 1)
            for u in units:
                out[" ".join(u.lower().split())] = (float(factor), unit)
        return out

    def light_stems(self) -> frozenset[str]:
        """The stems of the light words (each listed in its base form; "know" also covers "knew", "known")."""
        return frozenset(stem(base_form(w)) for words in self.light_words.values() for w in words)

    def negator_words(self) -> tuple[str, ...]:
        """The negating verbs, each as listed (one form: "avoid" also covers "avoided", "avoiding")."""
        return tuple(dict.fromkeys(w for words in self.negators.values() for w in words))


def load_lexicon(
    path: str | Path | Mapping | Sequence[str | Path | Mapping] | None = None,
) -> AlignmentLexicon:
    """Read the alignment lexicon: the packaged one, with your files added to it.

    The rule is every lexicon's (:mod:`analysis.resources`): a group you list
    again gains your words; ``inherit: false`` at the top makes your file the
    whole lexicon.

    Args:
        path: a YAML file (or mapping, or a list of them) shaped like
            ``data/lexicons/alignment.yml``: sections ``concepts``,
            ``unit_classes``, ``unit_scales``, ``negators`` and ``light_words``,
            each a mapping of a name to a list of words; None means the
            packaged one alone.

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
        if section not in _SECTIONS:
            raise layer.error((section,), f"{section}: unknown section; use one of {', '.join(_SECTIONS)}")
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
            if section == "unit_scales" and not _SCALE_NAME.fullmatch(str(name)):
                raise layer.error(
                    (section, str(name)),
                    f"unit_scales.{name}: name a multiple and a unit, e.g. '10 years: [decade, decades]'",
                )
            sections.setdefault(section, {})[str(name)] = [str(w).strip().lower() for w in words]
    return replace(layer, data=sections)


def _as_lexicon(doc: Mapping) -> AlignmentLexicon:
    return AlignmentLexicon(*({name: tuple(words) for name, words in (doc.get(section) or {}).items()}
                              for section in _SECTIONS))  # fmt: skip


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


def _scaled(nums: pd.DataFrame, lex: AlignmentLexicon) -> pd.DataFrame:
    """Figures in a larger unit restated in the smaller (:data:`unit_scales`): "two decades" -> 20 years."""
    scales = lex.scale_of_unit()
    if nums.empty or not scales:
        return nums
    unit = nums["unit"].astype(str).str.lower().str.split().str.join(" ")
    hit = unit.isin(list(scales)).to_numpy()
    if not hit.any():
        return nums
    nums = nums.copy()
    factor = unit[hit].map(lambda u: scales[u][0]).to_numpy(dtype="float64")
    nums.loc[hit, "value"] = pd.to_numeric(nums.loc[hit, "value"], errors="coerce").to_numpy() * factor
    if "value_high" in nums:
        nums.loc[hit, "value_high"] = pd.to_numeric(nums.loc[hit, "value_high"], errors="coerce").to_numpy() * factor
    nums.loc[hit, "unit"] = unit[hit].map(lambda u: scales[u][1]).to_numpy()
    return nums


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
        aligned by its sentences and clauses and counts once),
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
    are compared too: a reader wants both figures, each with its speaker. Figures of any two
    groups of the event are compared when what they count is the same thing (the noun or verb
    next to each, an organisation's name, the person whose age it is; blocked by unit class and
    counted thing, :mod:`analysis.compare.across_groups`): the two outlets' sentences may state
    different claims around one figure.

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


class _Prepared(NamedTuple):
    """What :func:`_align` computes before grouping: the claims, their clauses, the clauses' units and pairs."""

    scope: object
    lex: AlignmentLexicon
    claims: pd.DataFrame
    outer: np.ndarray
    proto_of: np.ndarray
    protos: pd.DataFrame
    pieces: pd.DataFrame
    unit_of: np.ndarray
    units: pd.DataFrame
    edges: pd.DataFrame


def _prepare(
    result: Analysis,
    event: str | None,
    sources: str | Sequence[str] | None,
    *,
    max_df: int | None = None,
    concepts: Mapping[str, Sequence[str]] | None = None,
    lexicon: str | Path | Sequence[str | Path] | None = None,
    weights: Mapping[str, float] | None = None,
) -> _Prepared | None:
    """The claims of the selection, their clauses with features and units, and the scored candidate pairs of
    units (None: no claims)."""
    kind_weights = dict(FEATURE_WEIGHTS)
    for kind, w in (weights or {}).items():
        if kind not in kind_weights:
            raise ValueError(f"unknown feature kind {kind!r}; use one of {', '.join(kind_weights)}")
        kind_weights[kind] = float(w)
    lex = _merge_lexicons(lexicon, concepts)
    scope = select(result, event, sources)
    claims = scope.claims.reset_index(drop=True)
    if claims.empty:
        return None
    claims = _quoted_spans(scope.result, _content_spans(scope.result, claims, scope.sentences))
    claims = _proposition_attributes(claims, scope.sentences, lex.negator_words())
    ents = _inside(claims, scope.entities, ["text", "canonical"])
    extra = [c for c in ("value_high", "qualifier") if c in scope.numbers]
    nums = _scaled(_inside(claims, scope.numbers, ["text", "value", "unit", *extra]), lex)
    # claims with the same content, entities and numbers are read once; a nested report goes with its outer claim
    proto_of, first = _prototypes(claims, ents, nums)
    outer = _nested_in(claims)
    proto_of, first = _fold_nested(outer, proto_of)
    protos = claims.iloc[first].reset_index(drop=True)
    # ... and each is cut into the clauses it states
    pieces = _clause_pieces(scope, protos, lex)
    p_ents = _inside(pieces, scope.entities, ["text", "canonical"])
    p_nums = _scaled(_inside(pieces, scope.numbers, ["text", "value", "unit", *extra]), lex)
    features = _features(pieces, p_ents, p_nums, lex)
    n = len(pieces)
    # clauses that differ in who says them, mood, polarity or modality are never merged as copies
    marker = pieces["speaker"].astype(str) + "|" + pieces["mood"] + "|" + pieces["polarity"] + "|" + pieces["modality"]
    # ... nor are fragments ("Think of that." / "I think so"): too few features to be one claim by their bag alone
    size = features[~features["feature"].str.startswith("M:")].groupby("claim").size()
    small = size.reindex(np.arange(n), fill_value=0).to_numpy() < MIN_FEATURES
    marker = marker.where(~small, marker + "|" + pd.Series(np.arange(n)).astype(str))
    markers = pd.DataFrame({"claim": np.arange(n), "feature": "#" + marker, "tf": 1})
    units, unit_of = _dedupe(pd.concat([features, markers], ignore_index=True), n)
    units = units[~units["feature"].str.startswith("#")]
    tfidf = _tfidf(units, kind_weights)
    figures = _figure_intervals(p_nums, unit_of, lex.class_of_unit())
    edges = _candidate_similarities(tfidf, pieces, unit_of, max_df, figures)
    if len(edges):
        # two clauses of one claim are never one claim
        home = pd.Series(pieces["proto"].to_numpy()).groupby(unit_of).first()
        edges = edges[edges["a"].map(home).to_numpy() != edges["b"].map(home).to_numpy()].reset_index(drop=True)
    return _Prepared(scope, lex, claims, outer, proto_of, protos, pieces, unit_of, units, edges)


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
    prep = _prepare(result, event, sources, max_df=max_df, concepts=concepts, lexicon=lexicon, weights=weights)
    if prep is None:
        return _empty(), _empty_pairs()
    scope, lex, pieces, unit_of, units = prep.scope, prep.lex, prep.pieces, prep.unit_of, prep.units
    edges = _clause_floor(_agreeing(prep.edges, pieces, unit_of, units), pieces, unit_of)
    n_units = int(unit_of.max()) + 1
    group_of_unit, sims = _average_linkage(n_units, edges, threshold)
    quantity_of_unit = _quantity_groups(group_of_unit, edges, threshold)
    claims = _memberships(prep, group_of_unit, _second_homes(group_of_unit, edges, threshold))
    claims["quantity_group"] = quantity_of_unit[claims["unit"].to_numpy()]
    pairs = _figure_pairs(claims, scope.numbers, scope.sentences, lex, entities=scope.entities,
                          published=_publication_days(scope.result, scope.articles["article_id"]))  # fmt: skip
    return _table(claims, scope.numbers, sims, edges, min_sources, lex.class_of_unit(), pairs)


def _agreeing(edges: pd.DataFrame, pieces: pd.DataFrame, unit_of: np.ndarray, units: pd.DataFrame) -> pd.DataFrame:
    """The candidate pairs :func:`_propositions_agree` keeps, less those of two claims opposed at their closest
    clauses.

    Where two cut claims meet is the pair of their clauses (at least one a part of a longer content)
    that shares the most: when that pair denies what the other affirms, or says what should be against
    what is, the two claims are not one ("Every trader pays the fees" / "No doubt, the ferry companies
    -- and frankly every trader -- should pay the fees"), however much their whole contents share.
    """
    if edges.empty:
        return edges
    explained = _explained_agreement(edges, pieces, unit_of, units)
    kept = explained[(explained["refused"] == "") & (explained["sim"] > 0)]
    return kept.drop(columns=["raw", "actors_apart", "refused"]).reset_index(drop=True)


def _explained_agreement(
    edges: pd.DataFrame, pieces: pd.DataFrame, unit_of: np.ndarray, units: pd.DataFrame
) -> pd.DataFrame:
    """Every candidate pair with the rule that refused it (:func:`_propositions_agree`), and
    ``"opposed clauses"`` for a pair of two claims opposed at their closest clauses (:func:`_agreeing`)."""
    explained = _propositions_agree(edges, pieces, unit_of, units, explain=True)
    home = pd.Series(pieces["proto"].to_numpy()).groupby(unit_of).first()
    part = pd.Series(~pieces["whole"].to_numpy()).groupby(unit_of).first()
    ha, hb = explained["a"].map(home).to_numpy(), explained["b"].map(home).to_numpy()
    cut = explained.assign(ha=ha, hb=hb)[explained["a"].map(part).to_numpy() | explained["b"].map(part).to_numpy()]
    closest = cut.sort_values("raw", ascending=False, kind="stable").drop_duplicates(["ha", "hb"])
    opposed = closest.loc[closest["refused"].isin(["polarity", "modality"]), ["ha", "hb"]]
    if len(opposed):
        pair = pd.MultiIndex.from_arrays([ha, hb])
        hit = pair.isin(pd.MultiIndex.from_frame(opposed)) & (explained["refused"] == "").to_numpy()
        explained["refused"] = np.where(hit, "opposed clauses", explained["refused"])
    return explained


def _clause_floor(edges: pd.DataFrame, pieces: pd.DataFrame, unit_of: np.ndarray) -> pd.DataFrame:
    """Drop the pairs where a part of a longer content scores under :data:`CLAUSE_THRESHOLD`."""
    if edges.empty:
        return edges
    part = pd.Series(~(pieces["whole"].to_numpy() | pieces["sentence_unit"].to_numpy())).groupby(unit_of).first()
    either = edges["a"].map(part).to_numpy() | edges["b"].map(part).to_numpy()
    return edges[~either | (edges["sim"].to_numpy() >= CLAUSE_THRESHOLD)].reset_index(drop=True)


def _second_homes(group_of_unit: np.ndarray, edges: pd.DataFrame, threshold: float) -> pd.DataFrame:
    """Units that also state the claim of another group: ``unit, group``.

    Grouping puts each unit in one group, but a sentence may state two shared facts in one clause
    ("leaked returns show he took a $9 million loss that he may have used to avoid taxes for 18
    years": the loss, and the years without tax). A unit joins each other group of two or more units
    with which its mean similarity (pairs never scored count 0) reaches :data:`CLAUSE_THRESHOLD` (or
    ``threshold`` when higher): a second group says that a part of the sentence states that claim, so
    it asks what a clause must score, more than grouping asks. The group itself is unchanged (no chain
    through the unit).
    """
    if edges.empty:
        return pd.DataFrame({"unit": pd.Series(dtype="int64"), "group": pd.Series(dtype="int64")})
    a, b = edges["a"].to_numpy(dtype="int64"), edges["b"].to_numpy(dtype="int64")
    sim = edges["sim"].to_numpy(dtype="float64")
    both = pd.DataFrame({"unit": np.concatenate([a, b]), "group": group_of_unit[np.concatenate([b, a])],
                         "sim": np.concatenate([sim, sim])})  # fmt: skip
    both = both[both["group"].to_numpy() != group_of_unit[both["unit"].to_numpy()]]
    size = pd.Series(group_of_unit).value_counts()
    mean = both.groupby(["unit", "group"])["sim"].sum().reset_index()
    mean["size"] = mean["group"].map(size).to_numpy()
    floor = max(CLAUSE_THRESHOLD, threshold)
    mean = mean[(mean["size"] >= 2) & (mean["sim"] >= floor * mean["size"])]
    return mean[["unit", "group"]].reset_index(drop=True)


def _memberships(prep: _Prepared, group_of_unit: np.ndarray, second: pd.DataFrame | None = None) -> pd.DataFrame:
    """The claim rows, one per claim group each belongs to, with the span of its clauses in that group.

    A claim is in the group of each of its clauses that is matched with another claim's (a sentence
    that states two shared facts is in both groups), and of each second group of its units
    (``second``, :func:`_second_homes`); a claim none of whose clauses is matched is in the group of
    its first clause. ``cs, ce, content`` (and ``sentence_id``) become those of the
    claim's clauses in the group, so its figures and actors there are the clauses' own; ``unit`` is
    the unit of its first clause in the group.
    """
    pieces, claims = prep.pieces, prep.claims
    p = pd.DataFrame({"proto": pieces["proto"].to_numpy(), "unit": prep.unit_of,
                      "group": group_of_unit[prep.unit_of], "cs": pieces["cs"].to_numpy(),
                      "ce": pieces["ce"].to_numpy(), "sid": pieces["sentence_id"].to_numpy(),
                      "content": pieces["content"].astype(str).to_numpy(),
                      "order": np.arange(len(pieces)), "part": ~pieces["whole"].to_numpy()})  # fmt: skip
    if second is not None and len(second):
        more = p.drop(columns="group").merge(second, on="unit")
        p = pd.concat([p, more[p.columns]], ignore_index=True)
    shared = p.groupby("group")["proto"].nunique()
    p["shared"] = p["group"].map(shared).to_numpy() > 1
    # in a group holding clauses of the claim and its whole content, the clauses say where it is stated
    has_part = p.groupby(["proto", "group"])["part"].transform("any")
    p = p[p["part"] | ~has_part]
    any_shared = p.groupby("proto")["shared"].transform("any")
    p = p[p["shared"] | (~any_shared & (p["order"] == p.groupby("proto")["order"].transform("min")))]
    per = p.groupby(["proto", "group"], sort=False).agg(
        unit=("unit", "first"), cs=("cs", "min"), ce=("ce", "max"), sid=("sid", "first"),
        content=("content", " … ".join), order=("order", "min"),
    ).reset_index().sort_values("order")  # fmt: skip
    # each claim row, through its outer claim (a nested report) to its prototype, gains the memberships
    base = prep.outer
    proto = prep.proto_of
    rows = pd.DataFrame({"claim": np.arange(len(claims)), "proto": proto})
    rows = rows.merge(per, on="proto", how="inner").sort_values(["claim", "order"], kind="stable")
    at, base_at = rows["claim"].to_numpy(), base[rows["claim"].to_numpy()]
    ref = prep.protos.iloc[rows["proto"].to_numpy()]
    shift = claims["cs"].to_numpy()[base_at] - ref["cs"].to_numpy()
    out = claims.iloc[at].reset_index(drop=True)
    out["cs"] = rows["cs"].to_numpy() + shift
    out["ce"] = rows["ce"].to_numpy() + shift
    out["sentence_id"] = (claims["sentence_id"].to_numpy()[base_at] + rows["sid"].to_numpy()
                          - ref["sentence_id"].to_numpy())  # fmt: skip
    out["content"] = rows["content"].to_numpy()
    out["group"] = rows["group"].to_numpy()
    out["unit"] = rows["unit"].to_numpy()
    return out


def candidate_pairs(
    result: Analysis,
    event: str | None = None,
    sources: str | Sequence[str] | None = None,
    **options,
) -> pd.DataFrame:
    """Every pair of claim clauses the aligner scored, with its similarity and the rule that refused it, if any.

    For reading why two claims were (not) matched: a pair missing from this table shared no
    feature rare enough to propose it (``max_df``).

    Args:
        result: an :class:`~analysis.Analysis`.
        event: the event whose claims are compared.
        sources: only these sources.
        **options: ``max_df``, ``concepts``, ``lexicon``, ``weights`` of :func:`claim_alignment`.

    Returns:
        One row per (clause a, clause b) of different units: ``article_a, sentence_a, content_a`` and
        the same for ``b`` (the clause, :func:`_clause_pieces`), ``sim`` (after the speaker and actor
        factors), ``sim_free`` (before the two-speakers factor), the shared feature counts, ``shared``
        (the features both have) and ``refused`` ("" when the pair may join, else the rule: ``mood``,
        ``no predicate word``, ``too few shared``, ``fragment``, ``noun phrase``, ``polarity``,
        ``modality``, ``clause below floor``).
    """
    options = {k: v for k, v in options.items() if k not in ("threshold", "min_sources")}
    prep = _prepare(result, event, sources, **options)
    if prep is None or prep.edges.empty:
        return pd.DataFrame()
    pieces, unit_of, units = prep.pieces, prep.unit_of, prep.units
    edges = _explained_agreement(prep.edges, pieces, unit_of, units)
    floor = _clause_floor(edges, pieces, unit_of)
    kept = pd.MultiIndex.from_frame(floor[["a", "b"]])
    low = ~pd.MultiIndex.from_frame(edges[["a", "b"]]).isin(kept)
    edges["refused"] = np.where((edges["refused"] == "") & low, "clause below floor", edges["refused"])
    bag = units.groupby("unit")["feature"].agg(frozenset)
    edges["shared"] = [", ".join(sorted(bag[a] & bag[b])) for a, b in zip(edges["a"], edges["b"], strict=True)]
    members = pd.DataFrame({"unit": unit_of, "piece": np.arange(len(pieces))})
    out = edges.merge(members.rename(columns={"unit": "a", "piece": "piece_a"}), on="a")
    out = out.merge(members.rename(columns={"unit": "b", "piece": "piece_b"}), on="b")
    for x in "ab":
        at = out[f"piece_{x}"].to_numpy()
        out[f"article_{x}"] = pieces["article_id"].astype(str).to_numpy()[at]
        out[f"sentence_{x}"] = pieces["sentence_id"].astype("int64").to_numpy()[at]
        out[f"content_{x}"] = pieces["content"].astype(str).to_numpy()[at]
    return out.reset_index(drop=True)


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


def _proposition_attributes(
    claims: pd.DataFrame, sentences: pd.DataFrame, negators: Sequence[str] = ()
) -> pd.DataFrame:
    """Add ``mood`` (of the content, or ``question`` when the whole sentence asks), ``polarity``, ``modality``."""
    from analysis.claims import mood

    text = sentences.set_index(["article_id", "sentence_id"])["text"]
    whole = text.reindex(pd.MultiIndex.from_frame(claims[["article_id", "sentence_id"]])).fillna("").astype(str)
    # each distinct text is read once (a large event repeats its wire copies many times)
    codes, uniques = pd.factorize(claims["content"].astype(str))
    texts = uniques.tolist()
    moods = np.array([mood(c) for c in texts], dtype=object)[codes]
    polar = np.array([polarity(c, negators) for c in texts], dtype=object)[codes]
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


@cache
def _is_noun(word: str) -> bool:
    """Whether a word, by the offline tagger, is a noun (the thing a figure is written with)."""
    from analysis.text import tag

    return tag([word.lower()])[0].startswith("NN")


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
    edges: pd.DataFrame, claims: pd.DataFrame, unit_of: np.ndarray, units: pd.DataFrame, *, explain: bool = False
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

    With ``explain``, every pair is kept with a ``refused`` column: the first rule that drops it ("" for none).
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
    refused = np.full(len(edges), "", dtype=object)

    def refuse(bad: np.ndarray, why: str) -> None:
        refused[(refused == "") & bad] = why

    refuse(~((ia["mood"].to_numpy() == "assertion") & (ib["mood"].to_numpy() == "assertion")), "mood")
    size = units[~units["feature"].str.startswith("M:")].groupby("unit").size()
    small = (size.reindex(a).fillna(0).to_numpy() < MIN_FEATURES) | (
        size.reindex(b).fillna(0).to_numpy() < MIN_FEATURES
    )
    refuse(small, "fragment")
    # a noun phrase with no figure ("implicit bias", "a disgrace") names a topic; it asserts nothing
    figure = set(units.loc[units["feature"].str.startswith("U:"), "unit"])
    states = info["has_verb"].to_numpy() | info.index.isin(list(figure))
    states = pd.Series(states, index=info.index)
    refuse(~(states.reindex(a).to_numpy() & states.reindex(b).to_numpy()), "noun phrase")
    shared = (
        edges["n_word"] + edges["n_entity"] + (edges["n_number"] + edges["n_unit"] + edges["n_value"]).clip(upper=1)
    )
    what = (edges["n_word"] >= 1) | (edges["n_value"] >= 1)
    refuse(~what.to_numpy(), "no predicate word")
    refuse(shared.to_numpy() < MIN_SHARED, "too few shared")
    # in a one-clause claim the negation and the modality are the predicate's: "did not pay" is not "paid"
    simple = ia["simple"].to_numpy() & ib["simple"].to_numpy()
    refuse(simple & (ia["polarity"].to_numpy() != ib["polarity"].to_numpy()), "polarity")
    refuse(simple & (ia["modality"].to_numpy() != ib["modality"].to_numpy()), "modality")
    sim = edges["sim"].to_numpy(dtype="float64").copy()
    ea, eb = ents.reindex(a).to_numpy(), ents.reindex(b).to_numpy()
    has_both = np.array([isinstance(x, frozenset) and isinstance(y, frozenset) for x, y in zip(ea, eb, strict=True)])
    actors_apart = has_both & (edges["n_entity"].to_numpy() == 0)
    sim = np.where(actors_apart, sim * ACTOR_FACTOR, sim)
    named = {"person", "official body"}
    sa, sb = ia["speaker"].astype(str).to_numpy(), ib["speaker"].astype(str).to_numpy()
    two_speakers = ia["speaker_type"].isin(named).to_numpy() & ib["speaker_type"].isin(named).to_numpy()
    two_speakers &= np.array([not _same_speaker(x, y) for x, y in zip(sa, sb, strict=True)], dtype=bool)
    free = sim.copy()  # before the two-speakers factor: one claim but for who says it
    sim = np.where(two_speakers, sim * SPEAKER_FACTOR, sim)
    out = edges.assign(sim=sim, two_speakers=two_speakers, sim_free=free)
    if explain:
        return out.assign(raw=edges["sim"].to_numpy(), actors_apart=actors_apart, refused=refused)
    out = out[refused == ""]
    return out[out["sim"] > 0].reset_index(drop=True)


# --------------------------------------------------------------------------- clauses

#: Where a content breaks into clauses that can each state a fact of their own: semicolons, colons,
#: dashes, a sentence end inside a quote of several sentences, and a comma before a relative pronoun,
#: a conjunction or a preposition of time or cause ("..., which forced her to leave", "..., but",
#: "..., following her collapse").
_PIECE_BREAK = re.compile(
    r"\s*[;:—–―]\s*|\s+-{1,2}\s+|(?<=[.!?])[\"'”’]*\s+(?=[\"“'‘]*[A-Z])"
    r"|,\s+(?=(?:which|who|whom|whose|but|while|although|though|whereas|following|after|before|because|since|"
    r"when|where|including|and then|and (?:he|she|they|it|we|I))\b)"
)
#: A relative clause after a content's end ("claimed a loss of $9 million, which could let him ..."): the
#: reporter's addition to the report, stated in the same sentence.
_TRAILING = re.compile(r"\s*,\s*(?=(?:which|who)\b)")
#: Fewest words a clause needs to be matched on its own.
CLAUSE_WORDS = 5
#: Least similarity of two clauses for their match to count: a clause has few words, so two clauses
#: sharing a word or two by chance score as high as two sentences stating one fact.
CLAUSE_THRESHOLD = 0.4


def _pieces(content: str, tail: str) -> list[tuple[int, int]]:
    """The clauses of a content (with a trailing relative clause ``tail``), as offsets into ``content + tail``.

    Empty when the content is one clause (the whole content is then compared already).
    """
    text = content + tail
    out, at = [], 0
    for m in _PIECE_BREAK.finditer(text):
        out.append((at, m.start()))
        at = m.end()
    out.append((at, len(text)))
    out = [(a, b) for a, b in out if len(_WORD.findall(text[a:b])) >= CLAUSE_WORDS]
    return out if len(out) >= 2 or (out and tail) else []


def _sentence_spans(
    cs: int, ce: int, starts: Sequence[int], quotes: Sequence[tuple[int, int]] | None
) -> list[tuple[int, int]]:
    """The sentences of a content running over several sentences (``starts``: the sentence starts inside it),
    as absolute spans.

    With ``quotes`` (the inner spans of the article's quotations, for a direct quotation) only the quoted
    words of each sentence count: the reporter's attribution between two halves of a quotation ('... hard to
    avoid," said a tax consultant. "Any time ...') is not the speaker's claim.
    """
    out = []
    for a, b in itertools.pairwise([cs, *starts, ce]):
        parts = [(a, b)]
        if quotes is not None:
            parts = [(max(a, qa), min(b, qb)) for qa, qb in quotes if qa < b and qb > a]
        out.extend((x, y) for x, y in parts if y > x)
    return out


def _clause_pieces(scope, protos: pd.DataFrame, lex: AlignmentLexicon) -> pd.DataFrame:
    """The clauses of each claim: the units claims are matched by.

    A long sentence states several facts: "the Times wrote that Varn claimed a loss of $9 million, which
    let him avoid taxes for 18 years" holds the loss and the years without tax, and another outlet may
    state only one of them; the sentence's bag of words dilutes either match, and the sentence can be
    in one group only. Each content with more than one clause (:data:`_PIECE_BREAK`; a relative clause
    that follows a reported content counts too, as the reporter's) is cut into its clauses of at least
    :data:`CLAUSE_WORDS` words; a one-clause content is one piece (``whole``). Each clause is described
    and gated as a claim is, with its own polarity, modality and verb, and the claim's mood when the
    claim does not assert (a clause of a question does not assert). A clause stays in its sentence: a
    content spanning several sentences (a quote of several sentences in one claim row) is cut at each
    sentence end, and each clause carries the sentence it starts in.

    Returns:
        The prototype claims' columns, one row per clause, with ``proto`` (the prototype's position),
        ``whole`` and the clause's ``cs, ce, content, sentence_id`` and attributes.
    """
    sentences = scope.sentences
    sent = sentences.set_index(["article_id", "sentence_id"])[["start", "text"]]
    where = sent.reindex(pd.MultiIndex.from_frame(protos[["article_id", "sentence_id"]]))
    s_start = where["start"].fillna(-1).astype("int64").to_numpy()
    s_text = where["text"].fillna("").astype(str).to_numpy()
    starts_of = {a: np.sort(g.to_numpy()) for a, g in sentences.groupby("article_id", sort=False)["start"]}
    quoted = protos["quoted"].to_numpy()
    rows = []
    columns = (protos["article_id"], protos["content"].astype(str), protos["cs"].astype("int64"),
               protos["ce"].astype("int64"))  # fmt: skip
    for i, (article, content, cs, ce, st, stext) in enumerate(zip(*columns, s_start, s_text, strict=True)):
        tail = ""
        if st >= 0 and 0 <= ce - st < len(stext):
            rest = stext[ce - st :]
            if _TRAILING.match(rest):
                tail = rest.rstrip(_CLOSING)
        # the whole content is compared too (a paraphrase may spread one fact over its clauses)
        rows.append((i, True, False, int(cs), int(ce), content))
        starts = starts_of.get(article)
        inner = [] if starts is None else starts[np.searchsorted(starts, cs, "right") : np.searchsorted(starts, ce)]
        inner = [int(x) for x in inner]
        if not inner:
            for a, b in _pieces(content, tail):
                rows.append((i, False, False, int(cs) + a, int(cs) + b, (content + tail)[a:b]))
            continue
        # a quotation of several sentences: the quoted words of each sentence are compared as a one-sentence
        # claim is, and cut into their clauses
        spans_ = _sentence_spans(int(cs), int(ce), inner, quoted[i])
        for k, (a, b) in enumerate(spans_):
            sentence = content[a - cs : b - cs]
            a += len(sentence) - len(sentence.lstrip())
            sentence = sentence.strip()
            b = a + len(sentence)
            end_tail = tail if k == len(spans_) - 1 and b == ce else ""
            if len(_WORD.findall(sentence)) >= CLAUSE_WORDS:
                rows.append((i, False, True, a, b, sentence))
            for x, y in _pieces(sentence, end_tail):
                rows.append((i, False, False, a + x, a + y, (sentence + end_tail)[x:y]))
    cut = pd.DataFrame(rows, columns=["proto", "whole", "sentence_unit", "cs", "ce", "content"])
    cut = cut.drop_duplicates(["proto", "cs", "ce"]).reset_index(drop=True)
    info = protos.iloc[cut["proto"].to_numpy()].reset_index(drop=True)
    pieces = pd.concat([info.drop(columns=["cs", "ce", "content"]), cut], axis=1)
    part = ~pieces["whole"].to_numpy()
    if not part.any():
        return pieces
    # each clause in the sentence it starts in
    starts = sentences[["article_id", "sentence_id", "start", "end"]]
    located = pieces.loc[part, ["article_id", "cs"]].assign(i=np.flatnonzero(part)).merge(starts, on="article_id")
    located = located[(located["cs"] >= located["start"]) & (located["cs"] < located["end"])]
    located = located.drop_duplicates("i").set_index("i")["sentence_id"]
    sid = pieces["sentence_id"].to_numpy().copy()
    hit = located.index.to_numpy()
    sid[hit] = located.to_numpy()
    pieces["sentence_id"] = sid
    pieces["se"] = np.where(part, -1, pieces["se"].to_numpy())
    if "ss" in pieces:
        pieces["ss"] = np.where(part, -1, pieces["ss"].to_numpy())
    # a clause's own attributes; a clause of a claim that does not assert does not assert either
    attrs = ["mood", "polarity", "modality", "simple", "has_verb"]
    own = _proposition_attributes(pieces.loc[part].drop(columns=attrs), sentences, lex.negator_words())
    own["mood"] = np.where(pieces.loc[part, "mood"].to_numpy() == "assertion", own["mood"].to_numpy(),
                           pieces.loc[part, "mood"].to_numpy())  # fmt: skip
    for c in attrs:
        pieces[c] = pieces[c].astype(object)
        pieces.loc[part, c] = own[c].to_numpy()
    pieces["simple"] = pieces["simple"].astype(bool)
    pieces["has_verb"] = pieces["has_verb"].astype(bool)
    return pieces


# --------------------------------------------------------------------------- features


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
    # the claim's sentence (a content may run past it either way: one row for a quote of several sentences)
    claims["ss"], claims["se"] = s0, s1
    return claims.drop(columns=["s0", "s1"])


def _quoted_spans(result: Analysis, claims: pd.DataFrame) -> pd.DataFrame:
    """Add ``quoted``: for a direct quotation, the spans of its content inside quotation marks (None for
    other claims and when the marks cover less than half of the content: marks the pairing misreads).

    A quotation split by its attribution ('"We will close the line," said Lina Osk, the harbour
    director. "Our crews are exhausted."') is one claims row whose content runs over the reporter's
    words between the two halves; each sentence of it is compared by its quoted words only
    (:func:`_sentence_spans`). The marks are paired by :func:`analysis.text.find_quotes` paragraph by
    paragraph, as the claims stage pairs them (a quote continued in a new paragraph reopens its mark).
    """
    from analysis.text import find_quotes, paragraphs

    quoted = [None] * len(claims)
    direct = np.flatnonzero((claims["quote"].astype(str) == "direct").to_numpy())
    quotes_of: dict[str, list[tuple[int, int]]] = {}
    articles = claims["article_id"].astype(str).to_numpy()
    cs_all, ce_all = claims["cs"].to_numpy(), claims["ce"].to_numpy()
    for i in direct:
        article, cs, ce = articles[i], int(cs_all[i]), int(ce_all[i])
        if article not in quotes_of:
            text = result.text(article)
            quotes_of[article] = [(q.inner_start, q.inner_end) for q in find_quotes(text, list(paragraphs(text)))]
        inside = [(max(cs, a), min(ce, b)) for a, b in quotes_of[article] if a < ce and b > cs]
        if sum(b - a for a, b in inside) * 2 >= ce - cs:
            quoted[i] = tuple(inside)
    return claims.assign(quoted=quoted)


def _inside(claims: pd.DataFrame, table: pd.DataFrame, columns: list[str]) -> pd.DataFrame:
    """Rows of ``table`` (entities or numbers) lying inside each claim's content span, with ``claim``."""
    keys = claims[["article_id", "sentence_id", "cs", "ce"]].assign(claim=np.arange(len(claims)))
    cols = ["article_id", "sentence_id", "start", "end", *columns]
    rows = keys.merge(table[cols], on=["article_id", "sentence_id"])
    rows = rows[(rows["start"] >= rows["cs"]) & (rows["end"] <= rows["ce"])]
    if "se" not in claims:
        return rows
    # a content running past its own sentence (one claim row for a quote of several sentences) holds the rows
    # of every sentence it covers, each with its own sentence
    runs_on = (claims["se"].to_numpy() >= 0) & (claims["ce"].to_numpy() > claims["se"].to_numpy())
    if "ss" in claims:
        runs_on |= (claims["ss"].to_numpy() >= 0) & (claims["cs"].to_numpy() < claims["ss"].to_numpy())
    if not runs_on.any():
        return rows
    more = keys[runs_on].merge(table[cols], on="article_id", suffixes=("_claim", ""))
    more = more[(more["sentence_id"] != more["sentence_id_claim"]) & (more["start"] >= more["cs"])
                & (more["end"] <= more["ce"])]  # fmt: skip
    return pd.concat([rows, more[rows.columns]], ignore_index=True)


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

    stop = stopwords() | NOT_PREDICATE | FUNCTION_WORDS
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
    # a light word ("want", "know", "make") says little of what is asserted: its object does
    light = lex.light_stems()
    words = words[~words["word"].map(lambda w: stem(base_form(w)) in light)]
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


def _nested_in(claims: pd.DataFrame) -> np.ndarray:
    """For each claim, the claim of its sentence whose content holds its own (itself when none).

    A report inside a report ("The Times wrote that Varn had claimed a loss of $9 million")
    gives two claim rows of one sentence, the inner content inside the outer: they state one
    thing, so they are aligned as one (the outer, whose words hold the inner's). Equal spans:
    the first row holds the others.
    """
    n = len(claims)
    outer = np.arange(n)
    if n < 2:
        return outer
    key = pd.DataFrame({"a": claims["article_id"].astype(str).to_numpy(), "s": claims["sentence_id"].to_numpy(),
                        "cs": claims["cs"].to_numpy(), "ce": claims["ce"].to_numpy(), "i": np.arange(n)})  # fmt: skip
    key = key[key.duplicated(["a", "s"], keep=False)]
    if key.empty:
        return outer
    pairs = key.merge(key, on=["a", "s"], suffixes=("", "_o"))
    wide, wide_o = pairs["ce"] - pairs["cs"], pairs["ce_o"] - pairs["cs_o"]
    holds = (pairs["cs_o"] <= pairs["cs"]) & (pairs["ce"] <= pairs["ce_o"]) & (pairs["i_o"] != pairs["i"])
    holds &= (wide_o > wide) | ((wide_o == wide) & (pairs["i_o"] < pairs["i"]))
    # the widest holder (the earliest among equals) holds no one's content but its own: it is an outer claim
    pairs = pairs[holds].assign(w=wide_o[holds]).sort_values(["i", "w", "i_o"], ascending=[True, False, True])
    best = pairs.drop_duplicates("i")
    outer[best["i"].to_numpy()] = best["i_o"].to_numpy()
    return outer


def _fold_nested(outer: np.ndarray, proto_of: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Prototypes with each nested claim (``outer``, :func:`_nested_in`) given its outer claim's; the first
    claim of each prototype is then an outer one (its content holds the features)."""
    n = len(outer)
    if (outer == np.arange(n)).all():
        first = pd.Series(np.arange(n)).groupby(proto_of).min().to_numpy()
        return proto_of, first
    codes, _ = pd.factorize(proto_of[outer])
    top = outer == np.arange(n)
    first = pd.Series(np.arange(n)[top]).groupby(codes[top]).min().to_numpy()
    return codes.astype("int64"), first


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
    if units.empty:  # every claim a fragment of light and closed-class words
        return pd.DataFrame({"unit": pd.Series(dtype="int64"), "feature": pd.Series(dtype="object"),
                             "w": pd.Series(dtype="float64"), "df": pd.Series(dtype="int64")})  # fmt: skip
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
    weights: pd.DataFrame,
    claims: pd.DataFrame,
    unit_of: np.ndarray,
    max_df: int | None,
    figures: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Cosine similarity of unit pairs that share at least one blocking feature (``a < b``).

    ``figures`` (``unit, u, feature, lo, hi, kind``: each figure's exact-value feature and interval) lets
    two figures that agree count as one value (:func:`_agreeing_figures`).
    """
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
    if figures is not None and not figures.empty:
        sims = _agreeing_figures(sims, weights, figures)
    # claims of one article are rarely the same claim twice: their similarity counts SAME_ARTICLE_WEIGHT times
    home = pd.Series(claims["article_id"].to_numpy()).groupby(unit_of).first()
    same = sims["unit_a"].map(home).to_numpy() == sims["unit_b"].map(home).to_numpy()
    sims["p"] = np.where(same, sims["p"] * SAME_ARTICLE_WEIGHT, sims["p"])
    sims = sims[sims["p"] > 0]
    return sims.rename(columns={"unit_a": "a", "unit_b": "b", "p": "sim"})


def _figure_intervals(nums: pd.DataFrame, unit_of_claim: np.ndarray, classes: Mapping[str, str]) -> pd.DataFrame:
    """Each figure of each unit: ``unit, u`` (unit class), ``feature`` (its ``V:`` feature), ``lo, hi`` (the
    values it allows, :func:`analysis.compare.quantities.interval`) and ``kind`` (age / duration / amount)."""
    if nums.empty:
        return pd.DataFrame(columns=["unit", "u", "feature", "lo", "hi", "kind"])
    u = _normalized_units(nums["unit"], classes)
    value = pd.to_numeric(nums["value"], errors="coerce").to_numpy(dtype="float64")
    high = (pd.to_numeric(nums["value_high"], errors="coerce").to_numpy(dtype="float64") if "value_high" in nums
            else np.full(len(nums), np.nan))  # fmt: skip
    qual = nums["qualifier"].astype(str).to_numpy() if "qualifier" in nums else np.full(len(nums), "exact")
    rows = []
    for unit, uc, text, v, hv, q in zip(unit_of_claim[nums["claim"].to_numpy()], u, nums["text"].astype(str), value,
                                        high, qual, strict=True):  # fmt: skip
        if not uc or not np.isfinite(v):
            continue
        fig = Figure(source="", text=text, value=float(v), value_high=float(hv), unit=uc, qualifier=q or "exact")
        lo, hi = interval(fig)
        rows.append((int(unit), uc, f"V:{uc}={v:g}", lo, hi, fig.kind))
    return pd.DataFrame(rows, columns=["unit", "u", "feature", "lo", "hi", "kind"]).drop_duplicates()


def _agreeing_figures(sims: pd.DataFrame, weights: pd.DataFrame, figures: pd.DataFrame) -> pd.DataFrame:
    """Two figures of one unit class whose intervals meet count as one shared value.

    Outlets round and qualify one figure differently ("more than $915 million", "nearly $916
    million", "$916 million", "nearly $1 billion"): each is its own exact-value feature, so the
    pair would share only the unit. When two claims share a unit class but no exact value of it,
    and a figure of each allows a common value (same kind: an age is not a duration), the pair
    gains the product of the two value features' weights (as if they were one feature) and one
    shared value.
    """
    cand = sims[sims["n_unit"] > 0]
    if cand.empty:
        return sims
    keys = zip(weights["unit"].to_numpy(), weights["feature"].to_numpy(), strict=True)
    w = dict(zip(keys, weights["w"].to_numpy(), strict=True))
    by_unit: dict[int, list] = defaultdict(list)
    for r in figures.itertuples(index=False):
        by_unit[int(r.unit)].append(r)
    gain = np.zeros(len(sims))
    position = {k: i for i, k in enumerate(sims.index)}
    for idx, a, b in zip(cand.index, cand["unit_a"].astype(int), cand["unit_b"].astype(int), strict=True):
        fa, fb = by_unit.get(a, ()), by_unit.get(b, ())
        exact = {(x.u, x.feature) for x in fa} & {(y.u, y.feature) for y in fb}
        shared_classes = {u for u, _ in exact}
        best = 0.0
        for x in fa:
            if x.u in shared_classes:
                continue
            for y in fb:
                if y.u == x.u and y.kind == x.kind and max(x.lo, y.lo) <= min(x.hi, y.hi):
                    best = max(best, w.get((a, x.feature), 0.0) * w.get((b, y.feature), 0.0))
        gain[position[idx]] = best
    sims = sims.copy()
    sims["p"] = sims["p"].to_numpy() + gain
    sims["n_value"] = sims["n_value"].to_numpy() + (gain > 0)
    return sims


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
    rows = _scaled(_inside(claims, numbers, ["text", "value", "unit", *cols]), lex)
    if rows.empty:
        return pd.DataFrame(columns=[*PAIR_COLUMNS, "group_b"])
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

    named = names(entities, sentences, rows)
    words = {"stem": stem_of, "stop": frozenset(stop), "concept_of": concept_of}
    counted: dict[tuple, tuple[frozenset[str], str]] = {}  # a figure in several claim groups is read once

    def what_it_counts(r, a: int, b: int) -> tuple[frozenset[str], str]:
        key = (str(r.article_id), int(r.sentence_id), a, b)
        if key not in counted:
            counted[key] = (
                heads(r.sentence, a, b, **words, counts=_names_a_thing, noun=_is_noun,
                      names=named.get((str(r.article_id), int(r.sentence_id)), ())),
                attached_noun(r.sentence, a, b, **words, noun=_is_noun),
            )  # fmt: skip
        return counted[key]

    figures = []
    for r in rows.itertuples(index=False):
        a, b = int(r.a), int(r.b)
        figure_heads, attached = what_it_counts(r, a, b)
        figures.append((r.group, Figure(
            source=r.source, text=str(r.text), value=float(r.value),
            value_high=float(r.value_high) if pd.notna(r.value_high) else np.nan,
            unit=r.u, qualifier=str(r.qualifier or "exact"), rate=str(r.rate or ""), sentence=r.sentence,
            context=read(r.sentence, int(r.a), int(r.b), CONTEXT_WINDOW),
            key=(str(r.article_id), int(r.sentence_id), int(r.start)),
            # the claim's words, less the figure's own ("percent" says the unit, not what is counted)
            claim_words=read(r.content, 0, 0, None) - read(str(r.text), 0, 0, None) if r.sole else frozenset(),
            actors=r.actors, published=float(r.published), speaker=r.speaker,
            heads=figure_heads, attached=attached,
        )))  # fmt: skip
    found = disagreeing_pairs(figures, across=same_across)
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
