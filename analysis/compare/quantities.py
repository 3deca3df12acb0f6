"""Numbers across outlets: when two figures are one quantity, and when they disagree.

Two sources disagree on a number only when both figures measure the same
quantity and their values cannot both be true. This module decides both from the
numbers table (value, value_high, unit, qualifier, rate) and the words around
each figure, following how news writes numbers:

* **Same quantity** (:func:`same_quantity`): the same unit class (people,
  dollars, percent, years...; ``data/lexicons/alignment.yml`` ``unit_classes``),
  the same kind of measure (an age is not a duration: "Crutcher, 40," against
  "40 years in prison"), the same rate (a daily figure is not a total), the same noun
  when both are written with one ("48 percent *of the vote*" is not "45 percent *of
  voters*"; a "$3.5 billion *loss*" is not a "$3.6 billion *debt*"), values
  within a factor of :data:`MAX_RATIO` (a figure ten times another counts
  something else: a one-year loss against a decade's debt), and a shared word
  for what is counted in the few words around each figure ("wounded" /
  "injured" through the synonym groups; "loss" is not "debt"; a shared modifier is not a counted
  thing: "national turnout" is not "the national vote", and the unit itself says nothing). A figure is as of the day its
  article was written: figures from articles published more than :data:`SAME_TIME_DAYS` apart are
  not compared (a later toll is an update), nor figures a day apart that a sentence dates by its
  writing ("fell 2.6% today", "as of 16:08"); and a figure is someone's: when both claims name
  actors and share none ("Varn, 49," / "Osk, aged 55"), the figures are two holders' figures.
* **Values as intervals** (:func:`interval`): a figure stands for every value
  its qualifier and its precision allow. "more than 5,000" is [5,000, 6,375]
  (a floor a reporter rounds down to: at most :data:`AT_LEAST_HEADROOM` above it),
  "hundreds of thousands" is 100,000-1,000,000, "up to 250" is [0, 250],
  "about 250" is 250 ± 10%, "nearly $6 billion" is [$5.4 billion, $6 billion] (just below),
  a range is its two ends, and an exact figure is rounded to its last stated digit ("$5.7 billion" is 5.65-5.75
  billion; "340,000" is 335,000-345,000, never wider than ±2.5%).
* **Across claim groups** (:func:`disagreeing_pairs` with ``across=``,
  :mod:`analysis.compare.across_groups`): figures of two groups are compared when what
  they count is the same (the noun or verb next to each, a fund's name, whose age), a
  figure's counterpart in its own group first.
* **Disagreement** (:func:`disagree`): two same-quantity figures whose
  intervals do not overlap. "$3.5 billion" and "$3.6 billion" disagree;
  "more than $915 million" and "$916 million" do not.

The qualifier words that mean *just below* ("nearly", "almost") are
closed-class English and live here.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache

__all__ = [
    "APPROXIMATE_SPREAD",
    "MAX_RATIO",
    "PAIR_COLUMNS",
    "SAME_TIME_DAYS",
    "Figure",
    "context_words",
    "disagree",
    "disagreeing_pairs",
    "interval",
    "same_quantity",
    "time_anchors",
]

#: Relative spread of an approximate figure ("about 250" is 225-275).
APPROXIMATE_SPREAD = 0.10
#: How far above a floor a figure may lie: "more than 340,000" is 340,000-435,000 (a count of 500,000
#: would have been written "nearly half a million"); "15-plus years" holds 18.
AT_LEAST_HEADROOM = 0.25
#: Relative width below a "nearly" figure ("nearly $6 billion" is 5.4-6 billion).
BELOW_SPREAD = 0.10
#: Largest rounding of an exact figure, relative to its value (a round "90,000" is 87,750-92,250).
MAX_ROUNDING = 0.025
#: Two figures further apart than this factor are not compared (they count different things).
MAX_RATIO = 10.0
#: Words around a figure read for what it counts (each side).
CONTEXT_WINDOW = 5
#: Figures from articles published more than this many days apart are as of different times: a toll,
#: a price or an index level moves, so a later figure is an update, not a disagreement.
SAME_TIME_DAYS = 2

#: Synonym groups (``data/lexicons/alignment.yml``) naming opposite directions: a rise is not a fall.
_OPPOSITES = (("C:increase", "C:decrease"),)

_BELOW = re.compile(r"^\W*(?:nearly|almost|close to|just under|just shy of|not quite|shy of)\b", re.IGNORECASE)
_LITERAL = re.compile(r"\d[\d,]*(?:\.\d+)?")
_SCALES = {"thousand": 1e3, "million": 1e6, "mln": 1e6, "m": 1e6, "billion": 1e9, "bn": 1e9, "b": 1e9,
           "trillion": 1e12, "tn": 1e12}  # fmt: skip
_VAGUE = re.compile(r"\b(?:dozens|hundreds|thousands|millions|billions|tens of)\b", re.IGNORECASE)
_AGE = re.compile(r"year-old|years?\s+old|\baged?\b|\bages\b", re.IGNORECASE)
_DURATION_WORDS = re.compile(r"\b(?:years?|decades?|months?|weeks?|days?|hours?)\b", re.IGNORECASE)
_TOKEN = re.compile(r"[^\W\d_]+(?:['’][a-z]+)?")


@dataclass(frozen=True)
class Figure:
    """One number expression, as the comparison reads it.

    Attributes:
        source: the outlet.
        text: the expression as written ("more than $915 million").
        value: its value (the low end of a range).
        value_high: the high end of a range (NaN otherwise).
        unit: the unit as compared (its class, :func:`analysis.compare.alignment.normalize_unit`).
        qualifier: exact / approximate / at least / at most / range.
        rate: "" for a total, else "daily", "yearly"...
        context: stems of the words around the figure that say what it counts.
        sentence: the sentence the figure is in.
        key: where it is: (article_id, sentence_id, start).
        claim_words: stems of the whole claim's words, set only when this is the claim's one figure
            of its unit (then the claim says what it counts, however far the words are).
        actors: canonical names of the actors the claim's content names (its speaker left out):
            whose figure it is ("Varn, 49," / "Osk, aged 55").
        published: the article's publication day (days since 1970-01-01; NaN when unknown).
        speaker: who the source attributes the figure to ("" for the outlet's own voice).
        heads: what the figure counts, read next to it (:func:`analysis.compare.across_groups.heads`):
            compared only when figures of two claim groups are compared.
        attached: the noun the figure is written with ("a $9 million *loss*", "48 percent *of the
            vote*"; :func:`analysis.compare.across_groups.attached_noun`), "" when none.
    """

    source: str
    text: str
    value: float
    value_high: float = math.nan
    unit: str = ""
    qualifier: str = "exact"
    rate: str = ""
    context: frozenset[str] = frozenset()
    sentence: str = ""
    key: tuple = ()
    claim_words: frozenset[str] = frozenset()
    actors: frozenset[str] = frozenset()
    published: float = math.nan
    speaker: str = ""
    heads: frozenset[str] = frozenset()
    attached: str = ""

    @cached_property
    def kind(self) -> str:
        """``age``, ``duration`` (a time span), or ``amount`` (anything else)."""
        if self.unit in ("years", "year"):
            if _AGE.search(self.text) or not _DURATION_WORDS.search(self.text):
                return "age"
            return "duration"
        if self.unit in ("months", "weeks", "days", "hours", "minutes", "decades"):
            return "duration"
        return "amount"


def _half_step(text: str, value: float) -> float:
    """Half the last stated digit of a figure ("5.7 billion" -> 0.05 billion), at most :data:`MAX_ROUNDING`."""
    found = _LITERAL.search(text)
    if value == 0 or not math.isfinite(value):
        return 0.0
    if found is None:  # written in words ("Twenty-nine", "two decades"): the last word is the unit
        literal = f"{abs(value):.0f}" if float(abs(value)).is_integer() else f"{abs(value)}"
        scale = 1.0
    else:
        literal = found.group().replace(",", "")
        after = text[found.end() :].strip().lower()
        word = re.match(r"[a-z]+", after)
        scale = _SCALES.get(word.group(), 1.0) if word else 1.0
    if "." in literal:
        step = 10.0 ** -len(literal.split(".", 1)[1]) * scale
    else:
        digits = literal.lstrip("0") or "0"
        zeros = len(digits) - len(digits.rstrip("0")) if digits != "0" else 0
        step = 10.0**zeros * scale
    return min(step / 2, MAX_ROUNDING * abs(value))


def interval(figure: Figure) -> tuple[float, float]:
    """The values a figure allows, from its qualifier and its precision.

    >>> interval(Figure("A", "more than 5,000", 5000.0, qualifier="at least"))
    (5000.0, 6375.0)
    >>> interval(Figure("A", "up to 250", 250.0, qualifier="at most"))
    (0.0, 250.0)
    >>> [round(x / 1e9, 2) for x in interval(Figure("A", "$5.7 billion", 5.7e9))]
    [5.65, 5.75]
    >>> [round(x / 1e9, 2) for x in interval(Figure("A", "nearly $6 billion", 6e9, qualifier="approximate"))]
    [5.4, 6.0]
    """
    v = float(figure.value)
    hs = _half_step(figure.text, v)
    if _VAGUE.search(figure.text) and not _LITERAL.search(figure.text):
        return v, v * 10  # "hundreds of thousands": from the unit named up to ten of it
    if figure.qualifier == "at least":
        return v, v * (1 + AT_LEAST_HEADROOM) + hs
    if figure.qualifier == "at most":
        return min(0.0, v), v
    if figure.qualifier == "range" and math.isfinite(figure.value_high):
        hi = float(figure.value_high)
        return min(v, hi) - hs, max(v, hi) + hs
    if _BELOW.match(figure.text):
        return v * (1 - BELOW_SPREAD) if v >= 0 else v * (1 + BELOW_SPREAD), v
    if figure.qualifier == "approximate":
        spread = max(abs(v) * APPROXIMATE_SPREAD, hs)
        return v - spread, v + spread
    return v - hs, v + hs


_TIME_PATTERNS = {
    "year": re.compile(r"\b(?:19|20)\d{2}\b"),
    "clock": re.compile(r"\b\d{1,2}:\d{2}\b"),
    "day": re.compile(r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", re.IGNORECASE),
    "quarter": re.compile(r"\b(?:first|second|third|fourth)\s+quarter\b", re.IGNORECASE),
}


#: Words that date a figure by the day it was written ("fell 2% today", "as of 16:08"): two such
#: figures from articles published on different days are as of different days.
_DEICTIC = re.compile(
    r"\b(?:today|tonight|yesterday|this (?:morning|afternoon|evening)|so far|as of|\d{1,2}:\d{2})\b", re.IGNORECASE
)


def _time_anchors(a: str, b: str) -> dict[str, tuple[frozenset[str], frozenset[str]]]:
    """The years, clock times, weekdays and quarters each sentence names (lower case)."""
    ta, tb = _anchors(a), _anchors(b)
    return {k: (ta[k], tb[k]) for k in _TIME_PATTERNS}


def time_anchors(sentence: str) -> dict[str, frozenset[str]]:
    """The years, clock times, weekdays and quarters one sentence names (lower case), by kind.

    >>> time_anchors("Sales fell in 2015, on Monday.")["year"]
    frozenset({'2015'})
    """
    return _anchors(sentence)


@lru_cache(maxsize=4096)
def _anchors(sentence: str) -> dict[str, frozenset[str]]:
    """The years, clock times, weekdays and quarters one sentence names (lower case), read once per sentence."""
    return {k: frozenset(m.lower() for m in p.findall(sentence)) for k, p in _TIME_PATTERNS.items()}


@lru_cache(maxsize=4096)
def _dated_by_writing(sentence: str) -> bool:
    """Whether a sentence dates its figures by the day of writing (:data:`_DEICTIC`)."""
    return _DEICTIC.search(sentence) is not None


def _ratio(a: Figure, b: Figure) -> float:
    x, y = abs(float(a.value)), abs(float(b.value))
    if x == 0 or y == 0:
        return math.inf if x != y else 1.0
    return max(x, y) / min(x, y)


def same_quantity(a: Figure, b: Figure) -> tuple[bool, str]:
    """Whether two figures measure one quantity, and why (or why not).

    Args:
        a, b: the two figures (their ``unit`` already normalised to a class).

    Returns:
        ``(True, reason)`` naming the shared unit, kind and counted words, or
        ``(False, reason)`` naming the first rule that separates them.
    """
    if not a.unit or a.unit != b.unit:
        return False, f"different units ({a.unit or 'none'} / {b.unit or 'none'})"
    if a.kind != b.kind:
        return False, f"{a.kind} is not {b.kind}"
    if a.rate != b.rate:
        return False, f"different rates ({a.rate or 'total'} / {b.rate or 'total'})"
    days = abs(a.published - b.published)
    if days > SAME_TIME_DAYS:  # NaN (a date unknown) compares False
        return False, f"reported {days:.0f} days apart (figures as of different times)"
    if days >= 1 and (_dated_by_writing(a.sentence) or _dated_by_writing(b.sentence)):
        word = _DEICTIC.search(f"{a.sentence} {b.sentence}").group()
        return False, f"reported on different days, each dated by its day of writing ('{word}')"
    if a.actors and b.actors and not a.actors & b.actors:
        return False, f"about different actors ({', '.join(sorted(a.actors)[:2])} / {', '.join(sorted(b.actors)[:2])})"
    for kind, (ta, tb) in _time_anchors(a.sentence, b.sentence).items():
        if ta and tb and not ta & tb:
            return False, f"different times ({kind}: {', '.join(sorted(ta))} / {', '.join(sorted(tb))})"
    if _ratio(a, b) > MAX_RATIO:
        return False, f"values more than {MAX_RATIO:g} times apart"
    if a.attached and b.attached and a.attached != b.attached:
        return False, f"written with different nouns ({a.attached} / {b.attached})"
    for up, down in _OPPOSITES:
        if (up in a.context and down in b.context and down not in a.context and up not in b.context) or (
            down in a.context and up in b.context and up not in a.context and down not in b.context
        ):
            return False, "one figure is a rise, the other a fall"
    shared = a.context & b.context
    if shared:
        return True, f"both {a.unit} ({a.kind}), both about: {', '.join(sorted(shared)[:4])}"
    shared = a.claim_words & b.claim_words
    if shared:
        return (
            True,
            f"both {a.unit} ({a.kind}), the one such figure of two claims about: {', '.join(sorted(shared)[:4])}",
        )
    return False, "nothing counted in common in the words around the figures"


def disagree(a: Figure, b: Figure) -> bool:
    """Whether the intervals of two figures (:func:`interval`) cannot both hold.

    >>> disagree(Figure("A", "$3.5 billion", 3.5e9), Figure("B", "$3.6 billion", 3.6e9))
    True
    >>> disagree(Figure("A", "more than $915 million", 915e6, qualifier="at least"), Figure("B", "$916 million", 916e6))
    False
    """
    lo_a, hi_a = interval(a)
    lo_b, hi_b = interval(b)
    if (lo_a, hi_a) == (lo_b, hi_b):
        return False
    eps = 1e-12 * max(abs(a.value), abs(b.value), 1.0)  # float noise only: touching ends disagree
    return max(lo_a, lo_b) >= min(hi_a, hi_b) - eps


def context_words(
    sentence: str,
    start: int,
    end: int,
    *,
    stem,
    stop: Iterable[str],
    concept_of: Mapping[str, str],
    window: int | None = CONTEXT_WINDOW,
    counts: Callable[[str], bool] | None = None,
) -> frozenset[str]:
    """Stems (or synonym groups) of the common words around a figure: what it counts.

    Args:
        sentence: the sentence text.
        start, end: the figure's span in the sentence (its unit noun included).
        stem: the stemmer (word -> stem).
        stop: closed-class words to skip.
        concept_of: stem -> synonym group feature.
        window: words read on each side; None reads the whole text (less the figure's own words).
        counts: when given, ``counts(word)`` says whether a word can name what is counted (a noun
            or a verb, not an adjective: "national" turnout and the "national" vote are not one
            quantity); a word of a synonym group always can ("dead", "injured").

    Returns:
        Up to :data:`CONTEXT_WINDOW` words either side of the figure (its own words, the unit
        noun among them, are compared as the unit), names (capitalised words) and stopwords left out.
    """
    stop = set(stop)

    def words(text: str) -> list[str]:
        return [w for w in _TOKEN.findall(text) if w.lower() not in stop and not w[:1].isupper() and len(w) > 2]

    before, after = words(sentence[:start]), words(sentence[end:])
    if window is not None:
        before, after = before[-window:] if window else [], after[:window]
    out = set()
    for w in before + after:
        s = stem(w)
        if s in concept_of:
            out.add(concept_of[s])
        elif counts is None or counts(w):
            out.add(s)
    return frozenset(out)


#: Columns of :func:`disagreeing_pairs` (and of :func:`analysis.compare.number_disagreements`).
PAIR_COLUMNS = ["group", "unit", "source_a", "text_a", "value_a", "sentence_a",
                "source_b", "text_b", "value_b", "sentence_b", "why", "evidence", "speaker_a", "speaker_b"]  # fmt: skip


def disagreeing_pairs(
    figures: Iterable[tuple[object, Figure]],
    *,
    across: Callable[[Sequence[Figure], Sequence[object]], Mapping[tuple[int, int], str]] | None = None,
) -> list[dict]:
    """The pairs of figures from two sources that are one quantity and disagree.

    Args:
        figures: ``(group, figure)`` for every figure in the sentences of each claim group.
        across: when given, also the pairs judged one quantity by what they count, in one group or
            two: ``across(figures, groups) -> {(i, j): why}`` (:func:`analysis.compare.across_groups.same_across`).
            A figure is compared only with its closest counterparts in each other source, a figure of its
            own group first: an agreeing counterpart in the claim's own group settles it.

    Returns:
        One dict per disagreeing pair (keys :data:`PAIR_COLUMNS`, with ``speaker_a``/``speaker_b``
        who gave each figure, plus ``key_a``/``key_b`` where each figure is), the two figures in source order;
        a figure repeated by one source (the same value, qualifier and counted words) is compared once.
    """
    by_group: dict[object, dict[tuple, Figure]] = {}
    for group, f in figures:
        key = (f.source, f.unit, f.value, f.value_high, f.qualifier, f.rate, f.context)
        by_group.setdefault(group, {}).setdefault(key, f)
    items: list[Figure] = []
    group_of: list[object] = []
    same: dict[tuple[int, int], str] = {}
    for group, unique in by_group.items():
        first = len(items)
        items.extend(sorted(unique.values(), key=lambda f: (f.source, f.key)))
        group_of.extend([group] * (len(items) - first))
        for i in range(first, len(items)):
            a = items[i]
            for j in range(i + 1, len(items)):
                b = items[j]
                if a.source != b.source:
                    ok, why = same_quantity(a, b)
                    if ok:
                        same[(i, j)] = why
    if across is not None:
        for (i, j), why in across(items, group_of).items():
            if items[i].source != items[j].source:
                same.setdefault((min(i, j), max(i, j)), why)
    closest = _Closest(items, same, group_of)
    out = []
    for (i, j), why in same.items():
        a, b = items[i], items[j]
        if (a.source, a.key) > (b.source, b.key):
            a, b, i, j = b, a, j, i
        # when a sentence gives several figures of one unit, a figure is compared only with its closest
        # counterpart in the other source ("lost 1.2%, or 26 points, to 743"), never with all of them
        if closest.of(i, b.source) != [j] or closest.of(j, a.source) != [i] or not disagree(a, b):
            continue
        la, ha = interval(a)
        lb, hb = interval(b)
        out.append(
            {
                "group": group_of[i],
                "unit": a.unit,
                "source_a": a.source,
                "text_a": a.text,
                "value_a": a.value,
                "sentence_a": a.sentence,
                "source_b": b.source,
                "text_b": b.text,
                "value_b": b.value,
                "sentence_b": b.sentence,
                "why": f"{why}; {_show(la, ha)} and {_show(lb, hb)} do not overlap",
                "evidence": (a.key[:2], b.key[:2]),
                "speaker_a": a.speaker,
                "speaker_b": b.speaker,
                "key_a": a.key,
                "key_b": b.key,
                "group_b": group_of[j],
            }
        )
    return out


class _Closest:
    """For a figure and a source, the figures of that source judged one quantity with it that share the
    most counted words with it; each (figure, source) is read once (a group's pairs are not re-read
    for every pair)."""

    def __init__(self, items: list[Figure], same: Mapping[tuple[int, int], str], groups: Sequence[object]) -> None:
        self.items = items
        self.groups = groups
        self.partners: dict[int, list[int]] = {}
        for i, j in same:
            self.partners.setdefault(i, []).append(j)
            self.partners.setdefault(j, []).append(i)
        self.best: dict[tuple[int, str], list[int]] = {}

    def of(self, i: int, source: str) -> list[int]:
        """The closest counterparts of figure ``i`` in ``source`` (more than one when tied)."""
        if (i, source) not in self.best:
            items, groups = self.items, self.groups
            scores = [(groups[k] == groups[i], len(items[i].context & items[k].context), k)
                      for k in self.partners[i] if items[k].source == source]  # fmt: skip
            top = max(sc[:2] for sc in scores)
            best = [sc[2] for sc in scores if sc[:2] == top]
            if not top[0]:
                # across groups, one value that source wrote again in another claim is one counterpart
                tied: dict[tuple, int] = {}
                for k in best:
                    tied.setdefault((items[k].value, items[k].value_high, items[k].qualifier), k)
                best = sorted(tied.values())
            self.best[(i, source)] = best
        return self.best[(i, source)]


def _show(lo: float, hi: float) -> str:
    def num(x: float) -> str:
        if math.isinf(x):
            return "∞"
        return f"{x:,.0f}" if abs(x) >= 100 else f"{x:.3g}"

    return f"[{num(lo)}, {num(hi)}]"
