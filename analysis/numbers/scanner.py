"""One written number -> its value: digits, number words, fractions, vague plurals, ranges in one token."""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

from analysis.numbers.lexicon import NumberLexicon, load_lexicon
from analysis.numbers.words import ABBREVIATED_SCALES, DENOMINATORS, SCALES, small_word
from analysis.text import normalize

__all__ = ["Core", "Scanner", "parse_float", "parse_number"]

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
        "magnitude",
    ]
)
_TIME_UNITS = frozenset(("year", "month", "week", "day", "hour", "minute", "second", "night"))
_HALF_OF_TIME = frozenset(("first", "second", "latter", "former", "other", "the", "next", "last"))

_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
#: Units written glued to the digits ("16GB", "5km"), kept as written in lower case.
_GLUED_UNITS = ("gb", "mb", "tb", "km", "kg", "mm", "cm", "mph", "kph", "ghz", "mhz", "kw", "mw", "gw", "lbs", "lb")
_DIGITS = re.compile(
    rf"({_NUM})(million|billion|trillion|bn|mn|mln|tn|m|b|k|%|pc|\+|{'|'.join(_GLUED_UNITS)})?", re.IGNORECASE
)
_RANGE_TOKEN = re.compile(rf"({_NUM})[-–—]({_NUM})")
_HYPHEN_TOKEN = re.compile(rf"({_NUM}|[a-z]+(?:-[a-z]+)??)-([a-z]+)(-old)?", re.IGNORECASE)
_LEADING_ZERO = re.compile(r"0\d")
#: The fraction of a mixed number written apart ("2 1/2 days").
_FRACTION_TOKEN = re.compile(r"([1-9])/([2-9])")
#: Vulgar fraction characters written on the digits ("2½").
_VULGAR = {"½": 0.5, "¼": 0.25, "¾": 0.75, "⅓": 1 / 3, "⅔": 2 / 3}
_VULGAR_TOKEN = re.compile(rf"(\d+)([{''.join(_VULGAR)}])")


def parse_float(text: str) -> float:
    """Parse digits with thousands separators; never returns inf (NaN instead)."""
    value = float(text.replace(",", ""))
    return value if math.isfinite(value) else math.nan


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
    scanner = Scanner(words, ["CD"] * len(words), False, load_lexicon())
    core = scanner.core(0)
    if core is None or core.end != len(words):
        return None
    return core.value


@dataclass
class Core:
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


class Scanner:
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
    def core(self, i: int) -> Core | None:
        w = self.low[i]
        if not w:
            return None
        first = w[0]
        if first.isdigit():
            return self._digits(i)
        if first in self.lex.currencies and w[1:2].isdigit():
            return self._glued_currency(i)  # "€50bn", "£1.5m": the tokenizer keeps these symbols on the digits
        if w in self.lex.vague:
            return self._vague(i)
        return self._words(i)

    def _scale_after(self, i: int) -> float | None:
        w = self.word(i)
        if w in SCALES:
            return SCALES[w]
        if w == "dozen":
            return 12.0
        if w in ABBREVIATED_SCALES and w != "b":
            return ABBREVIATED_SCALES[w]
        return None

    def _glued_currency(self, i: int) -> Core | None:
        """A currency symbol written on its digits ("£200", "€1.5bn")."""
        core = self._digits(i, self.low[i][1:])
        if core is None or core.kind != "digit" or core.unit:
            return None
        core.unit = self.lex.currencies[self.low[i][0]]
        core.plain_digits = False
        return core

    def _digits(self, i: int, w: str | None = None) -> Core | None:
        w = self.low[i] if w is None else w
        m = _DIGITS.fullmatch(w)
        if m is not None:
            number, suffix = m.group(1), (m.group(2) or "").lower()
            if _LEADING_ZERO.match(number) and "." not in number[:2]:
                return None  # ids such as "0100"
            value = parse_float(number)
            core = Core(i, i + 1, value, "digit")
            core.plain_digits = not suffix and number.isdigit()
            if suffix in ("%", "pc"):
                core.unit = "percent"
            elif suffix == "+":
                core.qualifier = "at least"
            elif suffix in _GLUED_UNITS:
                core.unit = suffix
            elif suffix in SCALES:
                core.value = value * SCALES[suffix]  # "$3million"
                core.scaled = True
            elif suffix:
                core.value = value * ABBREVIATED_SCALES[suffix]
                core.scaled = True
            else:
                scale = self._scale_after(i + 1)
                fraction = _FRACTION_TOKEN.fullmatch(self.word(i + 1)) if number.isdigit() else None
                if scale is None and fraction is not None and int(fraction.group(1)) < int(fraction.group(2)):
                    core.value = value + int(fraction.group(1)) / int(fraction.group(2))  # "2 1/2 days"
                    core.end = i + 2
                    core.plain_digits = False
                elif scale is not None:
                    core.value = value * scale
                    core.end = i + 2
                    core.scaled = True
                    core.plain_digits = False
                    if self.word(i + 2) in SCALES and SCALES[self.word(i + 2)] > scale:
                        core.value *= SCALES[self.word(i + 2)]  # "5 hundred thousand"
                        core.end = i + 3
            if not math.isfinite(core.value):
                core.value = math.nan
            return core
        m = _VULGAR_TOKEN.fullmatch(w)
        if m is not None:
            return Core(i, i + 1, int(m.group(1)) + _VULGAR[m.group(2)], "digit")  # "2½"
        m = _RANGE_TOKEN.fullmatch(w)
        if m is not None:
            a, b = m.group(1), m.group(2)
            if "," not in a + b and "." not in a + b:
                if len(a) == 3 and len(b) == 4:
                    return None  # phone-like 555-1234
                if len(a) == 4 and 1900 <= int(a) <= 2100:
                    return None  # a span of years, "2014-2017" or "2014-15"
            low, high = parse_float(a), parse_float(b)
            if not low < high:
                return None  # a score ("3-1") or a code
            core = Core(i, i + 1, low, "range", high=high, qualifier="range")
            scale = self._scale_after(i + 1)
            if scale is not None:
                core.value, core.high, core.end, core.scaled = low * scale, high * scale, i + 2, True
            return core
        return self._hyphenated(i)

    def _hyphenated(self, i: int) -> Core | None:
        """ "34-year-old", "10-year", "two-thirds", "five-day"."""
        w = self.low[i]
        m = _HYPHEN_TOKEN.fullmatch(w)
        if m is None:
            return None
        head, unit, old = m.group(1), m.group(2), m.group(3)
        if head[0].isdigit():
            if _DIGITS.fullmatch(head) is None:
                return None
            value = parse_float(head)
        else:
            small = small_word(head)
            if small is None:
                return None
            value = float(small)
        if unit in DENOMINATORS and not head[0].isdigit():
            return Core(i, i + 1, value / DENOMINATORS[unit], "fraction") if self._fraction_ok(i, i + 1) else None
        if unit not in _HYPHEN_UNITS:
            return None
        if old:
            return Core(i, i + 1, value, "age", unit=unit + "s")
        # "a 60-year history" counts years; "a 5-km stretch" keeps its abbreviation
        return Core(i, i + 1, value, "measure", unit=unit + "s" if unit in _TIME_UNITS else unit)

    def _fraction_ok(self, i: int, j: int) -> bool:
        """A fraction (tokens [i, j)) is followed by "of" or a determiner ("a third of", "half the city"),
        or measures a change ("up by a third", "cut by half")."""
        return self.word(j) == "of" or (0 <= j < self.n and self.tags[j] in ("DT", "PRP$")) or self.word(i - 1) == "by"

    def _vague(self, i: int) -> Core | None:
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
        core = Core(i, end, value, "vague", qualifier="at least")
        if self.word(end) == "of":
            core.end = end + 1
        return core

    def _words(self, i: int) -> Core | None:
        """Number words: "eight", "two dozen", "one hundred and fifty", "half a million", "a third"."""
        low = self.low
        w = low[i]
        if "-" in w and small_word(w) is None:
            return self._hyphenated(i)  # "two-thirds", "five-day", "two-year-old"
        nxt = self.word(i + 1)
        # fractions: "a third of", "one quarter of", "two thirds of", "half of", "half a million"
        if w == "half" and self.word(i - 1) in _HALF_OF_TIME:
            return None  # "the first half of 2017" is a period, not a quantity
        if w == "half":
            if nxt in ("a", "an") and self.word(i + 2) in SCALES:
                return Core(i, i + 3, 0.5 * SCALES[self.word(i + 2)], "word", scaled=True)
            if nxt in ("a", "an") and self.word(i + 2) == "dozen":
                return Core(i, i + 3, 6.0, "word", scaled=True)
            if nxt in ("a", "an") and i + 2 < self.n and self.tags[i + 2] == "NN":
                return Core(i, i + 2, 0.5, "word")  # "half a percentage point", "half an hour"
            return Core(i, i + 1, 0.5, "fraction") if self._fraction_ok(i, i + 1) else None
        if (w in ("a", "an", "one") or small_word(w) is not None) and nxt in DENOMINATORS and nxt != "half":
            numerator = 1 if w in ("a", "an") else small_word(w) or 0
            if not numerator:
                return None
            fraction = numerator / DENOMINATORS[nxt]
            if self.word(i + 2) == "of" and self.word(i + 3) in ("a", "an") and self.word(i + 4) in SCALES:
                # "a quarter of a million", "three quarters of a billion"
                return Core(i, i + 5, fraction * SCALES[self.word(i + 4)], "word", scaled=True)
            if self._fraction_ok(i, i + 2):
                return Core(i, i + 2, fraction, "fraction")
            return None
        total = 0.0
        current = 0.0
        pos = i
        seen = False
        last_scale = False
        couple = False
        while pos < self.n:
            w = low[pos]
            if w == "couple" and not seen and (self.word(pos + 1) == "dozen" or self.word(pos + 1) in SCALES):
                current, couple = 2.0, True  # "a couple dozen", "a couple hundred": about two
                pos += 1
                continue
            small = small_word(w)
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
            if w in ("a", "an") and not seen and (self.word(pos + 1) in SCALES or self.word(pos + 1) == "dozen"):
                current = 1.0
                pos += 1
                continue
            if w == "dozen" and (seen or current):
                current = (current or 1.0) * 12
                seen, last_scale = True, True
                pos += 1
                continue
            if w in SCALES and (seen or current):
                scale = SCALES[w]
                if scale == 100:
                    current = (current or 1.0) * 100
                else:
                    total += (current or 1.0) * scale
                    current = 0.0
                seen, last_scale = True, True
                pos += 1
                continue
            if w == "and" and seen and last_scale and small_word(self.word(pos + 1)) is not None:
                pos += 1
                last_scale = True
                continue
            break
        if not seen:
            return None
        core = Core(i, pos, total + current, "word", scaled=pos - i > 1)
        if couple:
            core.qualifier = "approximate"
        return core
