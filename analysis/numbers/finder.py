"""Quantities in news text: value, unit, qualifier and rate, with character spans.

:func:`find_numbers` reads a :class:`~analysis.text.Document` sentence by
sentence (the headline included, page debris skipped) and returns one row per
quantity::

    >>> from analysis.text import process
    >>> doc = process("Jets staged up to 250 strikes daily.")
    >>> row = find_numbers(doc)[0]
    >>> row["text"], row["value"], row["unit"], row["qualifier"], row["rate"]
    ('up to 250 strikes daily', 250.0, 'strikes', 'at most', 'daily')

What counts as a quantity follows the corpus annotation guideline: digits with
separators and decimals ("340,000", "1.5 million", "$40 billion", "3.2%"),
number words ("eight percent", "two dozen", "hundreds of", "a third"),
ranges and bounds ("between 10 and 20", "10-20", "up to 250", "more than",
"nearly"), rates ("250 strikes daily", "610 kestars a month") and ages
("a 34-year-old" -> 34 years). Years, dates, times of day, ordinals, numbers
inside names ("Resolution 2254") and phone numbers or ids are not quantities.

The scan is one left-to-right pass over the tokens with bounded look-ahead and
look-behind, so its cost is linear in the length of the text. The word lists
(qualifiers, rate words, currency symbols, unit spellings, vague plurals such
as "hundreds", words that start a name) are the YAML lexicon
``numbers.yml`` in :func:`analysis.resources.lexicon_dir`; pass ``lexicon=`` to
use an edited copy.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, NamedTuple

from analysis.text import Document, Token, normalize, tag

__all__ = ["NumberLexicon", "find_numbers", "load_lexicon", "parse_number"]

QUALIFIERS = ("exact", "approximate", "at least", "at most", "range")

_SMALL: dict[str, int] = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
_SCALES: dict[str, float] = {
    "hundred": 100.0,
    "thousand": 1e3,
    "million": 1e6,
    "billion": 1e9,
    "trillion": 1e12,
}
#: Abbreviated multipliers written as their own token ("$40 bn") or glued to the digits ("1.5bn").
_ABBREVIATED_SCALES: dict[str, float] = {
    "k": 1e3,
    "m": 1e6,
    "mn": 1e6,
    "mln": 1e6,
    "bn": 1e9,
    "b": 1e9,
    "tn": 1e12,
}
_DENOMINATORS: dict[str, int] = {
    "half": 2,
    "halves": 2,
    "third": 3,
    "thirds": 3,
    "quarter": 4,
    "quarters": 4,
    "fifth": 5,
    "fifths": 5,
    "tenth": 10,
    "tenths": 10,
}
_MONTHS = frozenset(
    [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "jan",
        "jan.",
        "feb",
        "feb.",
        "mar",
        "mar.",
        "apr",
        "apr.",
        "jun",
        "jun.",
        "jul",
        "jul.",
        "aug",
        "aug.",
        "sep",
        "sep.",
        "sept",
        "sept.",
        "oct",
        "oct.",
        "nov",
        "nov.",
        "dec",
        "dec.",
    ]
)
_WEEKDAYS = frozenset(
    [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "mon",
        "tue",
        "tues",
        "wed",
        "thu",
        "thurs",
        "fri",
        "sat",
        "sun",
    ]
)
#: Words just before a 4-digit number that make it a year ("in 2015", "since 2011").
_YEAR_BEFORE = frozenset(
    [
        "in",
        "since",
        "by",
        "until",
        "till",
        "before",
        "after",
        "during",
        "from",
        "of",
        "to",
        "through",
        "throughout",
        "year",
        "early",
        "late",
        "mid",
        "spring",
        "summer",
        "autumn",
        "fall",
        "winter",
        "the",
        "this",
        "that",
        "last",
        "next",
        "circa",
        "around",
        "between",
        "and",
        "or",
        "-",
        "–",
        "—",
        "(",
        ",",
    ]
)
_TIME_AFTER = frozenset(["a.m.", "p.m.", "a.m", "p.m", "am", "pm", "o'clock", "gmt", "utc", "hrs", "h"])
_NOUN_TAGS = frozenset(("NN", "NNS", "NNPS"))
_SKIP_TAGS = frozenset(("JJ", "JJR", "JJS", "VBN", "NNP", "CD"))
_SKIP_WORDS = frozenset(("more", "other", "additional", "new", "further", "extra", "-"))
#: Measure words that may follow a number with a hyphen ("a 10-year war", "a 5-km stretch").
_HYPHEN_UNITS = frozenset(
    [
        "year",
        "month",
        "week",
        "day",
        "hour",
        "minute",
        "second",
        "night",
        "km",
        "kilometre",
        "kilometer",
        "mile",
        "metre",
        "meter",
        "foot",
        "feet",
        "storey",
        "story",
        "member",
        "man",
        "person",
        "seat",
        "point",
        "percent",
        "kg",
        "ton",
        "tonne",
        "mm",
        "inch",
        "mile-long",
        "strong",
    ]
)
_TIME_UNITS = frozenset(("year", "month", "week", "day", "hour", "minute", "second", "night"))
_MAX_UNIT_WINDOW = 6
_HALF_OF_TIME = frozenset(("first", "second", "latter", "former", "other", "the", "next", "last"))
_AUXILIARIES = frozenset(("were", "was", "are", "is", "have", "has", "had", "been", "being", "be", "reportedly"))
_RELATIVE = frozenset(("whom", "them", "which", "those", "that", "who"))

_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_DIGITS = re.compile(rf"({_NUM})(bn|mn|mln|tn|m|b|k|%|pc|\+)?", re.IGNORECASE)
_RANGE_TOKEN = re.compile(rf"({_NUM})[-–—]({_NUM})")
_HYPHEN_TOKEN = re.compile(rf"({_NUM}|[a-z]+(?:-[a-z]+)??)-([a-z]+)(-old)?", re.IGNORECASE)
_LEADING_ZERO = re.compile(r"0\d")


@dataclass(frozen=True)
class NumberLexicon:
    """The word lists that drive :func:`find_numbers` (see ``data/lexicons/numbers.yml``).

    Attributes:
        qualifiers: lower-case token tuple -> qualifier ("more", "than") -> "at least".
        rates: lower-case token tuple -> rate name ("a", "day") -> "daily".
        currencies: symbol written before a number -> unit ("$" -> "dollars").
        units: token tuple written right after a number -> unit ("%",) -> "percent".
        vague: plural number word -> its base value ("hundreds" -> 100).
        name_words: words that make a following number part of a name ("resolution").
        people_after: words after a bare number that make it a count of people ("two dozen detained").
        symbols: finds a digit or a currency symbol.
        words: every number word (a sentence with none of these, no digit and no symbol is skipped).
        longest: the longest phrase (in tokens) of any list, the bound of every look-around.
    """

    qualifiers: dict[tuple[str, ...], str]
    rates: dict[tuple[str, ...], str]
    currencies: dict[str, str]
    units: dict[tuple[str, ...], str]
    vague: dict[str, float]
    name_words: frozenset[str]
    people_after: frozenset[str]
    symbols: re.Pattern[str]
    words: frozenset[str]
    longest: int

    def may_hold_number(self, text: str) -> bool:
        """False when ``text`` has no digit, currency symbol or number word (nothing to find)."""
        return self.symbols.search(text) is not None or not self.words.isdisjoint(_LETTERS.findall(text.lower()))


def _phrase(text: str) -> tuple[str, ...]:
    """Split a lexicon phrase into the tokens NLTK makes of it ("approx." stays one token)."""
    return tuple(normalize(text).split())


@cache
def load_lexicon(path: str | Path | None = None) -> NumberLexicon:
    """Read the numbers lexicon (cached per path).

    Args:
        path: a YAML file shaped like ``data/lexicons/numbers.yml``; None means the packaged one.

    Returns:
        The compiled :class:`NumberLexicon`.

    Raises:
        LexiconError: naming the file and line when the YAML or an entry is malformed.
        FileNotFoundError: when ``path`` does not exist.
    """
    from analysis.errors import LexiconError
    from analysis.resources import lexicon_path, read_yaml, yaml_lines

    path = Path(path) if path is not None else lexicon_path("numbers.yml")
    data = read_yaml(path)
    lines = yaml_lines(path)

    def fail(key: str, problem: str) -> LexiconError:
        return LexiconError(path, lines.get((key,)), f"{key}: {problem}")

    if not isinstance(data, dict):
        raise LexiconError(path, 1, "the numbers lexicon is a mapping with qualifiers, rates, currencies, units, ...")
    known = {"qualifiers", "rates", "currencies", "units", "vague", "name_words", "people_after"}
    for key in data:
        if key not in known:
            raise fail(str(key), f"unknown section; use one of {', '.join(sorted(known))}")

    def mapping(key: str) -> dict[str, Any]:
        value = data.get(key) or {}
        if not isinstance(value, dict):
            raise fail(key, "must be a mapping (name: value lines)")
        return value

    qualifiers: dict[tuple[str, ...], str] = {}
    for qualifier, phrases in mapping("qualifiers").items():
        if qualifier not in ("approximate", "at least", "at most"):
            raise fail("qualifiers", f"{qualifier!r} is not approximate, at least or at most")
        if not isinstance(phrases, list) or not all(isinstance(p, str) and p.strip() for p in phrases):
            raise fail("qualifiers", f"{qualifier}: give a list of phrases")
        for p in phrases:
            qualifiers[_phrase(p)] = qualifier
    rates: dict[tuple[str, ...], str] = {}
    for rate, phrases in mapping("rates").items():
        if not isinstance(phrases, list) or not all(isinstance(p, str) and p.strip() for p in phrases):
            raise fail("rates", f"{rate}: give a list of phrases")
        for p in phrases:
            rates[_phrase(p)] = str(rate)
    currencies = {normalize(str(k)): str(v) for k, v in mapping("currencies").items()}
    units = {_phrase(str(k)): str(v) for k, v in mapping("units").items()}
    vague: dict[str, float] = {}
    for word, value in mapping("vague").items():
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise fail("vague", f"{word}: the value must be a plain number (100, not 'a hundred')")
        vague[normalize(str(word))] = float(value)
    names = data.get("name_words") or []
    if not isinstance(names, list):
        raise fail("name_words", "must be a list of words")
    people = data.get("people_after") or []
    if not isinstance(people, list):
        raise fail("people_after", "must be a list of words")
    if not qualifiers or not units:
        raise LexiconError(path, None, "qualifiers and units must not be empty")
    return NumberLexicon(
        qualifiers=qualifiers,
        rates=rates,
        currencies=currencies,
        units=units,
        vague=vague,
        name_words=frozenset(normalize(str(w)) for w in names),
        people_after=frozenset(normalize(str(w)) for w in people),
        symbols=_symbols(currencies),
        words=frozenset(_SMALL) | frozenset(_SCALES) | frozenset(_DENOMINATORS) | {"dozen"} | frozenset(vague),
        longest=max(len(k) for table in (qualifiers, rates, units) for k in table),
    )


def _symbols(currencies: dict[str, str]) -> re.Pattern[str]:
    """A pattern that finds a digit or a currency symbol."""
    symbols = "".join(re.escape(c) for c in sorted({k[0] for k in currencies if not k[0].isalnum()}))
    return re.compile(rf"[0-9{symbols}]")


_LETTERS = re.compile(r"[a-z]+")


def _float(text: str) -> float:
    """Parse digits with thousands separators; never returns inf (NaN instead)."""
    value = float(text.replace(",", ""))
    return value if math.isfinite(value) else math.nan


def _small_word(word: str) -> int | None:
    """The value of "eight", "twenty-five" or "forty-one"; None for anything else."""
    if word in _SMALL:
        return _SMALL[word]
    if "-" in word:
        tens, _, ones = word.partition("-")
        if tens in _SMALL and ones in _SMALL and _SMALL[tens] >= 20 and _SMALL[tens] % 10 == 0 and _SMALL[ones] < 10:
            return _SMALL[tens] + _SMALL[ones]
    return None


def parse_number(text: str) -> float | None:
    """Parse one written number: digits ("340,000", "1.5"), or words ("two dozen", "twenty-five").

    Args:
        text: the number as written, without qualifier or unit.

    Returns:
        Its value, NaN when it is too large to represent, or None when ``text`` is not a number.

    Example:
        >>> parse_number("1.5 million"), parse_number("two dozen"), parse_number("Route")
        (1500000.0, 24.0, None)
    """
    words = normalize(text).split()
    if not words:
        return None
    scanner = _Scanner(words, ["CD"] * len(words), False, load_lexicon())
    core = scanner.core(0)
    if core is None or core.end != len(words):
        return None
    return core.value


@dataclass
class _Core:
    """A number without its context: tokens [start, end) of the sentence."""

    start: int
    end: int
    value: float
    kind: str  # digit | word | vague | fraction | age | measure | range
    high: float = math.nan
    unit: str = ""
    plain_digits: bool = False  # a bare integer token such as "2015" (may be a year)
    qualifier: str = ""
    scaled: bool = False


class _Match(NamedTuple):
    """A quantity found in a sentence: tokens [first, last) and what was read."""

    first: int
    last: int
    core: _Core
    unit: str
    qualifier: str
    rate: str


class _Scanner:
    """Number parsing over one sentence's lower-cased tokens and tags."""

    def __init__(self, low: Sequence[str], tags: Sequence[str], headline_case: bool, lex: NumberLexicon) -> None:
        self.low = low
        self.tags = tags
        self.n = len(low)
        self.headline_case = headline_case
        self.lex = lex

    def word(self, i: int) -> str:
        return self.low[i] if 0 <= i < self.n else ""

    # -- the number itself -------------------------------------------------
    def core(self, i: int) -> _Core | None:
        w = self.low[i]
        if not w:
            return None
        first = w[0]
        if first.isdigit():
            return self._digits(i)
        if w in self.lex.vague:
            return self._vague(i)
        return self._words(i)

    def _scale_after(self, i: int) -> float | None:
        w = self.word(i)
        if w in _SCALES:
            return _SCALES[w]
        if w == "dozen":
            return 12.0
        if w in _ABBREVIATED_SCALES and w != "b":
            return _ABBREVIATED_SCALES[w]
        return None

    def _digits(self, i: int) -> _Core | None:
        w = self.low[i]
        m = _DIGITS.fullmatch(w)
        if m is not None:
            number, suffix = m.group(1), (m.group(2) or "").lower()
            if _LEADING_ZERO.match(number) and "." not in number[:2]:
                return None  # ids such as "0100"
            value = _float(number)
            core = _Core(i, i + 1, value, "digit")
            core.plain_digits = not suffix and number.isdigit()
            if suffix in ("%", "pc"):
                core.unit = "percent"
            elif suffix == "+":
                core.qualifier = "at least"
            elif suffix:
                core.value = value * _ABBREVIATED_SCALES[suffix]
                core.scaled = True
            else:
                scale = self._scale_after(i + 1)
                if scale is not None:
                    core.value = value * scale
                    core.end = i + 2
                    core.scaled = True
                    core.plain_digits = False
                    if self.word(i + 2) in _SCALES and _SCALES[self.word(i + 2)] > scale:
                        core.value *= _SCALES[self.word(i + 2)]  # "5 hundred thousand"
                        core.end = i + 3
            if not math.isfinite(core.value):
                core.value = math.nan
            return core
        m = _RANGE_TOKEN.fullmatch(w)
        if m is not None:
            a, b = m.group(1), m.group(2)
            if "," not in a + b and "." not in a + b:
                if len(a) == 3 and len(b) == 4:
                    return None  # phone-like 555-1234
                if len(a) == 4 and 1900 <= int(a) <= 2100:
                    return None  # a span of years, "2014-2017" or "2014-15"
            low, high = _float(a), _float(b)
            if not low < high:
                return None  # a score ("3-1") or a code
            core = _Core(i, i + 1, low, "range", high=high, qualifier="range")
            scale = self._scale_after(i + 1)
            if scale is not None:
                core.value, core.high, core.end, core.scaled = low * scale, high * scale, i + 2, True
            return core
        return self._hyphenated(i)

    def _hyphenated(self, i: int) -> _Core | None:
        """ "34-year-old", "10-year", "two-thirds", "five-day"."""
        w = self.low[i]
        m = _HYPHEN_TOKEN.fullmatch(w)
        if m is None:
            return None
        head, unit, old = m.group(1), m.group(2), m.group(3)
        if head[0].isdigit():
            if _DIGITS.fullmatch(head) is None:
                return None
            value = _float(head)
        else:
            small = _small_word(head)
            if small is None:
                return None
            value = float(small)
        if unit in _DENOMINATORS and not head[0].isdigit():
            return _Core(i, i + 1, value / _DENOMINATORS[unit], "fraction") if self._fraction_ok(i + 1) else None
        if unit not in _HYPHEN_UNITS:
            return None
        if old:
            return _Core(i, i + 1, value, "age", unit=unit + "s")
        # "a 60-year history" counts years; "a 5-km stretch" keeps its abbreviation
        return _Core(i, i + 1, value, "measure", unit=unit + "s" if unit in _TIME_UNITS else unit)

    def _fraction_ok(self, j: int) -> bool:
        """A fraction must be followed by "of" or a determiner ("a third of", "half the city")."""
        return self.word(j) == "of" or (0 <= j < self.n and self.tags[j] in ("DT", "PRP$"))

    def _vague(self, i: int) -> _Core | None:
        """ "hundreds", "thousands of", "tens of thousands of", "hundreds of thousands of"."""
        w = self.low[i]
        value = self.lex.vague[w]
        end = i + 1
        if (
            self.word(end) == "of"
            and self.word(end + 1) in self.lex.vague
            and self.lex.vague[self.word(end + 1)] > value
        ):
            value *= self.lex.vague[self.word(end + 1)]
            end += 2
        elif w in ("tens", "scores"):
            return None  # "tens" alone is not a count; "scores" alone is usually results
        core = _Core(i, end, value, "vague", qualifier="at least")
        if self.word(end) == "of":
            core.end = end + 1
        return core

    def _words(self, i: int) -> _Core | None:
        """Number words: "eight", "two dozen", "one hundred and fifty", "half a million", "a third"."""
        low = self.low
        w = low[i]
        if "-" in w and _small_word(w) is None:
            return self._hyphenated(i)  # "two-thirds", "five-day", "two-year-old"
        nxt = self.word(i + 1)
        # fractions: "a third of", "one quarter of", "two thirds of", "half of", "half a million"
        if w == "half" and self.word(i - 1) in _HALF_OF_TIME:
            return None  # "the first half of 2017" is a period, not a quantity
        if w == "half":
            if nxt in ("a", "an") and self.word(i + 2) in _SCALES:
                return _Core(i, i + 3, 0.5 * _SCALES[self.word(i + 2)], "word", scaled=True)
            return _Core(i, i + 1, 0.5, "fraction") if self._fraction_ok(i + 1) else None
        if (w in ("a", "an", "one") or _small_word(w) is not None) and nxt in _DENOMINATORS and nxt != "half":
            numerator = 1 if w in ("a", "an") else _small_word(w) or 0
            if self._fraction_ok(i + 2) and numerator:
                return _Core(i, i + 2, numerator / _DENOMINATORS[nxt], "fraction")
            return None
        total = 0.0
        current = 0.0
        pos = i
        seen = False
        last_scale = False
        while pos < self.n:
            w = low[pos]
            small = _small_word(w)
            if small is not None:
                if seen and not last_scale:
                    break
                current += small
                seen, last_scale = True, False
                pos += 1
                if low[pos : pos + 3] == ["and", "a", "half"] if pos + 3 <= self.n else False:
                    current += 0.5
                    pos += 3
                continue
            if w in ("a", "an") and not seen and (self.word(pos + 1) in _SCALES or self.word(pos + 1) == "dozen"):
                current = 1.0
                pos += 1
                continue
            if w == "dozen" and (seen or current):
                current = (current or 1.0) * 12
                seen, last_scale = True, True
                pos += 1
                continue
            if w in _SCALES and (seen or current):
                scale = _SCALES[w]
                if scale == 100:
                    current = (current or 1.0) * 100
                else:
                    total += (current or 1.0) * scale
                    current = 0.0
                seen, last_scale = True, True
                pos += 1
                continue
            if w == "and" and seen and last_scale and _small_word(self.word(pos + 1)) is not None:
                pos += 1
                last_scale = True
                continue
            break
        if not seen:
            return None
        return _Core(i, pos, total + current, "word", scaled=pos - i > 1)


def _headline_case(tokens: Sequence[Token]) -> bool:
    """True when a sentence is in title case or all capitals (its tags and capitals are not informative)."""
    words = [t.text for t in tokens if len(t.text) > 3 and t.text[0].isalpha()]
    if len(words) < 3:
        return False
    upper = sum(1 for w in words if w[0].isupper())
    return upper >= 0.8 * len(words)


class _SentenceNumbers:
    """Find the numbers of one sentence."""

    def __init__(self, text: str, tokens: Sequence[Token], lex: NumberLexicon) -> None:
        self.text = text
        self.tokens = tokens
        self.lex = lex
        self.low = [normalize(t.text) for t in tokens]
        self.headline_case = _headline_case(tokens)
        # Tags of a title-case or all-caps sentence are mostly NNP; tag its lower-cased words instead.
        tags = tag(self.low) if self.headline_case else [t.pos for t in tokens]
        self.tags = tags
        self.scan = _Scanner(self.low, tags, self.headline_case, lex)
        self.n = len(tokens)
        self.window = lex.longest

    def word(self, i: int) -> str:
        return self.low[i] if 0 <= i < self.n else ""

    def run(self) -> list[_Match]:
        found = []
        floor = 0
        i = 0
        low = self.low
        vague = self.lex.vague
        currencies = self.lex.currencies
        while i < self.n:
            w = low[i]
            c = w[:1]
            if not (c.isdigit() or w in _SMALL_INDEX or w in vague or w in currencies or "-" in w):
                i += 1
                continue
            match = self.match(i, floor)
            if match is None:
                i += 1
                continue
            found.append(match)
            floor = match.last
            i = match.last
        return self.infer_units(found)

    def infer_units(self, found: list[_Match]) -> list[_Match]:
        """Give a number without a noun the unit the sentence implies.

        "112 of the 640 polling stations" -> "polling stations" (from the next number);
        "50 people were injured, 34 of whom" and "91,640 ballots and found 3,412 that"
        -> the previous number's unit; "two dozen detained" -> "people".
        """
        for n, match in enumerate(found):
            if match.unit or match.core.kind not in ("digit", "word", "range"):
                continue
            j = match.last
            nxt = self.word(j)
            unit = ""
            if nxt == "of" and n + 1 < len(found):
                gap = found[n + 1].first - (j + 1)
                if gap == 0 or (gap == 1 and self.tags[j + 1] in ("DT", "PRP$")):
                    unit = found[n + 1].unit
            if not unit and n > 0 and (nxt in _RELATIVE or (nxt == "of" and self.word(j + 1) in _RELATIVE)):
                previous = found[n - 1].unit
                if previous and previous not in ("percent", "percentage points") and found[n - 1].core.kind != "age":
                    unit = previous
            if not unit:
                k = j
                while self.word(k) in _AUXILIARIES and k < j + 3:
                    k += 1  # "40 were injured", "12 have been killed"
                if self.word(k) in self.lex.people_after:
                    unit = "people"
            if unit:
                found[n] = match._replace(unit=unit)
        return found

    # -- one candidate -----------------------------------------------------
    def match(self, i: int, floor: int) -> _Match | None:
        low = self.low
        start = i
        currency = ""
        if low[i] in self.lex.currencies:
            currency = self.lex.currencies[low[i]]
            i += 1
            if i >= self.n or not low[i][:1].isdigit():
                return None
            if start > floor and low[start - 1] == "us":
                start -= 1
        core = self.scan.core(i)
        if core is None:
            return None
        if not currency and self.not_a_quantity(core):
            return None
        end = core.end
        qualifier = core.qualifier
        # ranges: "10 to 20", "10 - 20", "between 10 and 20", "two or three"
        if core.kind in ("digit", "word") and not core.unit:
            joined = self.range_after(core, start, floor)
            if joined is not None:
                core, start, end = joined
                qualifier = "range"
        if not qualifier or (qualifier == "at least" and core.kind == "vague"):
            q = self.qualifier_before(start, floor)
            if q is not None:
                qualifier, start = q
        if not qualifier:
            qualifier = "exact"
        # the unit
        unit = core.unit or currency
        rate = ""
        j = end
        if not unit:
            unit, j, rate = self.unit_after(core, end)
            end = max(end, j)
        if unit == "" and core.kind == "word" and core.value == 1 and core.end - core.start == 1:
            return None  # "one" without a counted noun is a pronoun ("one of the largest")
        if not unit and core.kind == "digit" and self.is_age(core):
            unit = "years"
        if not rate:
            r = self.rate_after(end)
            if r is not None:
                rate, end = r
        return _Match(start, end, core, unit, qualifier, rate)

    def not_a_quantity(self, core: _Core) -> bool:
        """Years, dates, times, numbers in names, ids."""
        if core.kind != "digit":
            return False
        i = core.start
        prev = self.word(i - 1)
        nxt = self.word(core.end)
        raw_prev = self.tokens[i - 1].text if i > 0 else ""
        if nxt in _TIME_AFTER:
            return True
        if core.plain_digits:
            text = self.low[i]
            value = core.value
            if len(text) >= 9:
                return True  # an id or a phone number written without separators
            if len(text) <= 2 and 1 <= value <= 31:
                if prev in _MONTHS and raw_prev[:1].isupper():
                    return True  # "June 18", "Dec 7"
                if nxt in _MONTHS and self.tokens[core.end].text[:1].isupper():
                    return True  # "7 December"
            if len(text) == 4 and 1900 <= value <= 2100:
                if prev in _YEAR_BEFORE or prev in _MONTHS or prev in _WEEKDAYS:
                    return True
                if nxt in ("'s", "s") or nxt[:1] in ("'", "’"):
                    return True
                nxt_tag = self.tags[core.end] if core.end < self.n else ""
                if nxt_tag not in ("NNS", "NNPS") and nxt not in self.lex.vague:
                    return True
        return i > 0 and self.is_name_word(i - 1)

    def is_age(self, core: _Core) -> bool:
        """ "aged 34", or "Anna Smith, 27, said" (a whole number after a name, between commas)."""
        i = core.start
        if self.word(i - 1) == "aged":
            return True
        if not core.plain_digits or not 1 <= core.value <= 120 or core.end != i + 1:
            return False
        if self.word(i - 1) != "," or self.word(i + 1) not in (",", ")", ";", "--", "-", "–", "—"):
            return False
        return i >= 2 and self.tokens[i - 2].text[:1].isupper() and self.tags[i - 2] in ("NNP", "NNPS")

    def is_name_word(self, k: int) -> bool:
        """Is token ``k`` a capitalised word that makes the next number part of a name?"""
        w = self.low[k]
        raw = self.tokens[k].text
        if not raw[:1].isupper():
            return False
        if w in self.lex.name_words:
            return True
        if self.headline_case:
            return False
        if self.tags[k] not in ("NNP", "NNPS"):
            return False
        if w in _MONTHS or w in _WEEKDAYS or w in _SMALL_INDEX or w in self.lex.vague:
            return False
        return not any(w in phrase for phrase in self.lex.qualifiers)

    def range_after(self, core: _Core, start: int, floor: int) -> tuple[_Core, int, int] | None:
        j = core.end
        joiner = self.word(j)
        if joiner not in ("-", "–", "—", "to", "and", "or"):
            return None
        before = self.word(start - 1) if start - 1 >= floor else ""
        if joiner == "and" and before != "between":
            return None
        if j + 1 >= self.n:
            return None
        high = self.scan.core(j + 1)
        if high is None or high.kind not in ("digit", "word") or high.unit:
            return None
        if high.kind == "digit" and self.not_a_quantity(high) and core.plain_digits and high.plain_digits:
            return None  # "between 2010 and 2015" are years
        low_value, high_value = core.value, high.value
        if high.scaled and not core.scaled:
            # "1.5 to 2 million": the multiplier applies to both ends
            scale = (
                high.value / _float(self.low[high.start])
                if high.kind == "digit" and self.low[high.start][:1].isdigit()
                else 1.0
            )
            if math.isfinite(scale) and scale > 1 and low_value < high_value / scale:
                low_value *= scale
        if not low_value < high_value:
            return None
        merged = _Core(core.start, high.end, low_value, "range", high=high_value, qualifier="range")
        if before in ("between", "from"):
            start -= 1
        return merged, start, high.end

    def qualifier_before(self, start: int, floor: int) -> tuple[str, int] | None:
        for length in range(min(self.window, start - floor), 0, -1):
            phrase = tuple(self.low[start - length : start])
            if phrase in self.lex.qualifiers:
                return self.lex.qualifiers[phrase], start - length
        return None

    def unit_after(self, core: _Core, j: int) -> tuple[str, int, str]:
        """The counted noun after the number: returns (unit, end token, rate found before the noun)."""
        low = self.low
        for length in range(min(self.window, self.n - j), 0, -1):
            phrase = tuple(low[j : j + length])
            if phrase in self.lex.units:
                return self.lex.units[phrase], j + length, ""
        if core.kind == "fraction":
            return "", j, ""
        if core.kind != "vague" and self.word(j) == "of":
            return "", j, ""  # "eight of them"
        return self.noun_after(j)

    def noun_after(self, j: int) -> tuple[str, int, str]:
        """The noun compound after ``j``, adjectives and proper names before it skipped.

        "7 police officers" -> "police officers"; "5,000 IS fighters" -> "fighters";
        "140 textile and chemical plants" -> "plants".
        """
        tags = self.tags
        head_start = -1
        head_end = -1
        rate = ""
        k = j
        stop = min(self.n, j + _MAX_UNIT_WINDOW)
        while k < stop:
            w = self.low[k]
            t = tags[k]
            if (w,) in self.lex.rates and head_start < 0 and t in ("JJ", "RB"):
                rate = self.lex.rates[(w,)]  # "250 daily strikes"
                k += 1
                continue
            is_noun = (
                t in _NOUN_TAGS
                or (t == "VBZ" and k == j)
                or (t == "VBG" and k + 1 < self.n and tags[k + 1] in _NOUN_TAGS)
            )
            if is_noun and head_start < 0 and self.is_acronym(k):
                k += 1  # "ISIS members", "SDF fighters": a name, not the counted noun
                continue
            if is_noun and (w,) not in self.lex.rates and w not in _MONTHS and w not in _WEEKDAYS:
                if head_start < 0:
                    head_start = k
                head_end = k + 1
                k += 1
                continue
            if head_start >= 0:
                break
            if t in _SKIP_TAGS or w in _SKIP_WORDS:
                if t == "CD":
                    break
                k += 1
                continue
            break
        if head_start < 0:
            return "", j, ""
        if tags[head_end - 1] == "NN" and self.word(head_end) in ("and", "or"):
            # "140 textile and chemical plants": the counted noun comes after the coordination
            for k in range(head_end + 1, min(self.n, head_end + 4)):
                if tags[k] == "NNS":
                    head_start, head_end = k, k + 1
                    break
                if tags[k] not in ("JJ", "NN", "VBG"):
                    break
        unit = self.text[self.tokens[head_start].start : self.tokens[head_end - 1].end]
        if self.headline_case or tags[head_end - 1] != "NNPS":
            unit = unit.lower()
        return unit, head_end, rate

    def is_acronym(self, k: int) -> bool:
        """An all-capitals word ("ISIS", "SDF") outside an all-capitals sentence, or a code name ("A320")."""
        raw = self.tokens[k].text
        if any(c.isdigit() for c in raw):
            return True  # a model or code name: "A320 jets", "Su-34 bombers"
        return not self.headline_case and len(raw) >= 2 and raw.isupper() and raw.isalpha()

    def rate_after(self, j: int) -> tuple[str, int] | None:
        for length in range(min(self.window, self.n - j), 0, -1):
            phrase = tuple(self.low[j : j + length])
            if phrase in self.lex.rates:
                return self.lex.rates[phrase], j + length
        return None


_SMALL_INDEX = (
    frozenset(_SMALL)
    | {"a", "an", "half"}
    | {
        f"{t}-{o}"
        for t in ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
        for o in _SMALL
        if _SMALL[o] < 10
    }
)


def find_numbers(doc: Document, *, lexicon: str | Path | None = None) -> list[dict]:
    """Find every quantity in the headline and body sentences of a document.

    Args:
        doc: a processed article (:func:`analysis.text.process`).
        lexicon: a numbers lexicon YAML to use instead of the packaged ``numbers.yml``.

    Returns:
        One dict per quantity, in text order, with keys ``sentence_id``, ``start``,
        ``end``, ``text`` (``doc.text[start:end]``; qualifier, number, counted noun
        and rate word as written), ``value`` (float; the low end of a range; NaN
        when too large to represent, never inf), ``value_high`` (float, NaN unless
        a range), ``unit`` (the counted noun, "percent", "dollars", "years" for
        ages; "" if none), ``qualifier`` (exact | approximate | at least | at most
        | range) and ``rate`` ("daily", "weekly", ...; "" if none).

    Raises:
        LexiconError: when the lexicon file is malformed.
    """
    lex = load_lexicon(str(lexicon) if lexicon is not None else None)
    rows: list[dict] = []
    text = doc.text
    for sentence in doc.sentences:
        if sentence.is_debris or sentence.end_token <= sentence.first_token:
            continue
        if not lex.may_hold_number(sentence.text):
            continue  # no digit, number word or currency symbol: nothing to find
        tokens = doc.tokens[sentence.first_token : sentence.end_token]
        finder = _SentenceNumbers(text, tokens, lex)
        for match in finder.run():
            start = tokens[match.first].start
            end = tokens[match.last - 1].end
            value = match.core.value if math.isfinite(match.core.value) else math.nan
            high = match.core.high if math.isfinite(match.core.high) else math.nan
            rows.append(
                {
                    "sentence_id": sentence.index,
                    "start": start,
                    "end": end,
                    "text": text[start:end],
                    "value": float(value),
                    "value_high": float(high),
                    "unit": match.unit,
                    "qualifier": match.qualifier,
                    "rate": match.rate,
                }
            )
    return rows
