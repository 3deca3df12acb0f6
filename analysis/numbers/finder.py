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
"nearly", "$100,000 or more"), proportions ("one in five Americans" -> 0.2),
rates ("250 strikes daily", "610 kestars a month") and ages ("a 34-year-old"
-> 34 years). Years, dates (also "Sept. 16-19"), times of day, ordinals,
numbers inside names ("Resolution 2254", "FTSE 100", "the 737 Max", "the final
717 jet"), house numbers ("10 Downing Street"), scores, votes and ratios ("voted
19 to 15", "a 3 to 1 margin") and phone numbers or ids are not quantities.

The scan is one left-to-right pass over the tokens with bounded look-ahead and
look-behind, so its cost is linear in the length of the text. The word lists
(qualifiers before and after the number, rate words, currency symbols, unit
spellings, vague plurals such as "hundreds", words that start a name, street
words, nouns a year modifies, invariant plurals) are the YAML lexicon
``numbers.yml`` in :func:`analysis.resources.lexicon_dir`; pass ``lexicon=`` to
use an edited copy.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from pathlib import Path
from typing import NamedTuple

from analysis.numbers.lexicon import NumberLexicon, load_lexicon
from analysis.numbers.scanner import Core, Scanner, parse_float
from analysis.numbers.words import MONTHS, SMALL_INDEX, TIME_AFTER, WEEKDAYS, YEAR_BEFORE
from analysis.text import Document, Token, normalize, tag

__all__ = ["find_numbers"]

QUALIFIERS = ("exact", "approximate", "at least", "at most", "range")

_NOUN_TAGS = frozenset(("NN", "NNS", "NNPS"))
_SKIP_TAGS = frozenset(("JJ", "JJR", "JJS", "VBN", "NNP", "CD"))
_SKIP_WORDS = frozenset(("more", "other", "additional", "new", "further", "extra", "-"))
_MAX_UNIT_WINDOW = 6
_AUXILIARIES = frozenset(("were", "was", "are", "is", "have", "has", "had", "been", "being", "be", "reportedly"))
_RELATIVE = frozenset(("whom", "them", "which", "those", "that", "who"))
#: Units a number does not pass on to the number after "to" or "at" ("5 percent to 120", "in five years at 8,579.19").
_NOT_CARRIED_TO = frozenset(
    ("", "percent", "percentage points", "years", "months", "weeks", "days", "hours", "minutes", "seconds")
)
#: The rest of a phone number after its area code ("555-0100").
_PHONE_REST = re.compile(r"\d{3}-\d{4}")
#: Dashes that close an age written between a name and a dash ("Crutcher, 40 ― a father").
_DASH_CHARS = frozenset("-–—―‒‑")
#: An ordinal suffix written as its own token ("the 15,599 th plane").
_ORDINAL_SUFFIXES = frozenset(("th", "st", "nd", "rd"))
#: Words joining a day to the next day of a date range ("Sept. 19 to 22").
_DATE_JOINERS = frozenset(("to", "-", "–", "—", "through", "and", "until", "till"))
#: Words that make the time noun after them an adverbial, not the counted noun ("rose 15,000 last week").
_TIME_DEICTIC = frozenset(("last", "next", "this", "past", "previous", "coming", "same"))
_OPENING_MARKS = frozenset(("``", "“", '"', "‘", "'"))
_CLOSING_MARKS = frozenset(("''", "”", '"', "’", "'"))
#: Marks written for inches after a size: 'a 13.3" screen', "15'' or 17'' displays".
_INCH_MARKS = frozenset(("''", '"', "″", "”"))
#: Verbs that move a market index by points ("the Dow fell 344.65").
_MOVES = frozenset("rose fell gained lost dropped climbed declined added jumped slipped tumbled plunged".split())
_INDEX_WORDS = frozenset("index indexes indices average dow nasdaq".split())
#: Nouns naming a level on a scale, not a thing counted ("the 5000 mark").
_LEVEL_NOUNS = frozenset(("mark", "level", "barrier", "threshold", "milestone"))
#: Singular time nouns that make a measure with a number before another noun ("a four day rally").
_TIME_SINGULAR = frozenset(("year", "month", "week", "day", "hour", "minute", "second"))
#: Measure abbreviations and words written after a number in the singular ("9 mm", "5 km").
_MEASURE_WORDS = frozenset(
    ("km", "kg", "mm", "cm", "m", "ft", "lb", "oz", "mph", "kph", "mile", "inch", "ton", "tonne", "metre", "meter")
)


class _Match(NamedTuple):
    """A quantity found in a sentence: tokens [first, last) and what was read."""

    first: int
    last: int
    core: Core
    unit: str
    qualifier: str
    rate: str


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
        self.scan = Scanner(self.low, tags, self.headline_case, lex)
        self.n = len(tokens)
        self.window = lex.longest

    def word(self, i: int) -> str:
        return self.low[i] if 0 <= i < self.n else ""

    def raw(self, i: int) -> str:
        """Token ``i`` as written (quote marks not normalised), "" outside the sentence."""
        return self.tokens[i].text if 0 <= i < self.n else ""

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
            if not (c.isdigit() or w in SMALL_INDEX or w in vague or c in currencies or "-" in w):
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
        -> the previous number's unit; "two dozen detained" -> "people"; in a sentence
        that counts index points, an index level ("closed at 5,210.17") -> "points".
        """
        has_points = any(m.unit == "points" for m in found)
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
            joins = nxt in ("and", "or", ",") or (nxt == "to" and self.word(match.first - 1) == "from")
            if not unit and joins and n + 1 < len(found):
                # "killed 102 and 21 people", "27 and 29 years old", "cut from 20 to 10 percent"
                following = found[n + 1]
                if following.first == j + 1 and following.core.kind in ("digit", "word") and following.unit:
                    unit = following.unit
            if not unit and nxt == "of" and not (match.core.kind == "word" and match.core.value == 1):
                unit = self.plural_after_of(j + 1)  # "all 51 of Indonesia's air carriers", "five of the jurors"
            if not unit and n > 0 and self.word(match.first - 1) in ("to", "at") and match.core.kind == "digit":
                previous = found[n - 1]
                if previous.last == match.first - 1 and previous.unit not in _NOT_CARRIED_TO:
                    unit = previous.unit  # "fell 232.90 points to 6038.30"
            if not unit and has_points and match.core.kind in ("digit", "word") and self.is_index_level(match.core):
                unit = "points"  # "fell 89.68 points, bringing it to a level of 7,465.95", "the four thousand mark"
            if not unit and self.word(match.first - 1) in _MOVES and match.core.kind == "digit":
                unit = self.counted_subject(match.first - 1)  # "the number of people claiming ... rose 15,000"
                if not unit and "." in self.low[match.core.start] and _INDEX_WORDS & set(self.low):
                    unit = "points"  # "the Dow Jones Industrial Average, a stock market index, fell 344.65"
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
            if not unit and match.core.kind in ("digit", "word") and match.core.value >= 1:
                verb = self.word(match.first - 1)
                if verb in self.lex.people_after and verb.endswith("ed") and verb != "held":
                    unit = "people"  # "police arrested 23", "the blast killed 12"
            if unit:
                found[n] = match._replace(unit=unit)
        return found

    def counted_subject(self, verb: int) -> str:
        """The plural noun after "the number of" before ``verb`` ("the number of people ... rose"), or ""."""
        for k in range(verb - 2, max(verb - 12, 0), -1):
            if self.low[k] == "of" and self.low[k - 1] == "number" and self.tags[k + 1] in ("NNS", "JJ"):
                unit, end, _ = self.noun_after(k + 1)
                return unit if unit and self.tags[end - 1] == "NNS" else ""
        return ""

    def is_index_level(self, core: Core) -> bool:
        """A market index level: a number with decimals or of four digits and more ("6038.30", "the 5000 mark")."""
        text = self.low[core.start]
        return "." in text or core.value >= 1000

    def plural_after_of(self, k: int) -> str:
        """The plural noun after "of" and a determiner or possessive ("of the jurors", "of Indonesia's carriers")."""
        stop = min(self.n, k + 4)
        while k < stop and (
            self.tags[k] in ("DT", "PRP$", "POS") or (self.tags[k] in ("NNP", "NNPS") and self.word(k + 1) == "'s")
        ):
            k += 1
        if k == stop or self.tags[k - 1] not in ("DT", "PRP$", "POS"):
            return ""  # "eight of 10", "two of them": no determiner, no noun phrase
        unit, end, _ = self.noun_after(k)
        return unit if unit and self.tags[end - 1] in ("NNS", "NNPS") else ""

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
            if start > floor and self.is_currency_prefix(start - 1):
                start -= 1  # "US$ 40 billion", "CA$ 4 billion", "AU$52.5 million"
        core = self.scan.core(i)
        if core is None:
            return None
        if not currency and self.not_a_quantity(core):
            return None
        if not currency and self.is_label(core):
            return None
        end = core.end
        qualifier = core.qualifier
        # proportions: "one in five Americans", "1 in 4 voters", "one of every nine"
        if core.kind in ("digit", "word") and not core.unit and not currency:
            proportion = self.proportion_after(core)
            if proportion is not None:
                core, end = proportion, proportion.end
        # ranges: "10 to 20", "10 - 20", "between 10 and 20", "two or three", "from £20 to £25", "5% to 10%"
        if core.kind in ("digit", "word") and (
            not core.unit or core.unit == "percent" or core.unit in self.lex.currencies.values()
        ):
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
        if not unit and core.kind in ("digit", "range") and self.is_age(core):
            unit = "years"
        if not rate:
            r = self.rate_after(end)
            if r is not None:
                rate, end = r
        if qualifier == "exact":
            after = self.qualifier_after(end)
            if after is not None:
                qualifier, end = after  # "$100,000 or more"
        return _Match(start, end, core, unit, qualifier, rate)

    def is_currency_prefix(self, k: int) -> bool:
        """A country code written on a "$" ("US$", "CA$", "AU$"), which the tokenizer splits off."""
        raw = self.tokens[k].text
        if self.low[k] == "us":
            return True  # "US $199" is written with a space too
        return raw.isalpha() and raw.isupper() and len(raw) <= 3 and self.tokens[k].end == self.tokens[k + 1].start

    def not_a_quantity(self, core: Core) -> bool:
        """Years, dates, times, numbers in names, ids, ordinals, scores and ratios."""
        if core.kind == "range":
            if core.end == core.start + 1 and core.high <= 31 and self.is_month(core.start - 1):
                return True  # "Sept. 16-19"
            return core.end == core.start + 1 and self.is_label_noun(core.end)  # "a 2-3 loss" is a score
        if core.kind != "digit":
            return False
        i = core.start
        prev = self.word(i - 1)
        nxt = self.word(core.end)
        raw_prev = self.tokens[i - 1].text if i > 0 else ""
        if nxt in TIME_AFTER or nxt in _ORDINAL_SUFFIXES:
            return True
        if core.plain_digits:
            text = self.low[i]
            value = core.value
            if len(text) >= 9:
                return True  # an id or a phone number written without separators
            if prev.isdigit() or nxt.isdigit():
                return True  # bare digit groups side by side: "020 7946 0958"
            if len(text) == 3 and prev == "(" and nxt == ")" and _PHONE_REST.fullmatch(self.word(core.end + 1)):
                return True  # the area code of "(202) 555-0100"
            if len(text) <= 2 and 1 <= value <= 31:
                if prev in MONTHS and raw_prev[:1].isupper():
                    return True  # "June 18", "Dec 7"
                if nxt in MONTHS and self.tokens[core.end].text[:1].isupper():
                    return True  # "7 December"
                if prev in _DATE_JOINERS and self.is_day(i - 2):
                    return True  # "Sept. 19 to 22"
            if self.is_address(core):
                return True  # "1600 Pennsylvania Avenue", "10 Downing Street"
            if len(text) == 4 and 1000 <= value <= 2100:  # news writes counts of 1,000 and more with a comma
                if prev in YEAR_BEFORE or prev in MONTHS or prev in WEEKDAYS:
                    return True
                if nxt in ("'s", "s") or nxt[:1] in ("'", "’"):
                    return True
                if nxt in self.lex.year_nouns:
                    return True  # "below 2005 levels"
                nxt_tag = self.tags[core.end] if core.end < self.n else ""
                if nxt_tag not in ("NNS", "NNPS") and nxt not in self.lex.vague:
                    return True
            if self.is_ratio(i):
                return True
        return i > 0 and self.is_name_word(i - 1)

    def is_address(self, core: Core) -> bool:
        """A house number: capitalised words then a street word follow ("10 Downing Street")."""
        k = core.end
        stop = min(self.n, k + 4)
        while k < stop and self.tokens[k].text[:1].isupper():
            if k > core.end and self.low[k] in self.lex.street_words:
                return True
            k += 1
        return False

    def plain_value(self, k: int) -> float | None:
        """The value of token ``k`` when it is a plain whole number ("19", "4"), else None."""
        w = self.word(k)
        return float(w) if w.isdigit() and len(w) <= 6 else None

    def is_month(self, k: int) -> bool:
        """A capitalised month name at token ``k`` ("Sept.", "June")."""
        return 0 <= k < self.n and self.low[k] in MONTHS and self.tokens[k].text[:1].isupper()

    def is_day(self, k: int) -> bool:
        """A day of a date at token ``k``: a number up to 31 after a month ("Sept. 19")."""
        value = self.plain_value(k)
        return value is not None and 1 <= value <= 31 and self.is_month(k - 1)

    def is_ratio(self, i: int) -> bool:
        """A score, vote or ratio: "voted 19 to 15", "a 3 to 1 margin" (the second number smaller, no "from")."""
        value = self.plain_value(i)
        if value is None or self.is_year_like(value) or (self.word(i + 1),) in self.lex.units:
            return False
        if self.word(i + 1) in ("to", "-", "–", "—") and self.word(i - 1) != "from":
            after = self.plain_value(i + 2)
            if after is not None and after < value and (self.word(i + 3),) not in self.lex.units:
                return True
        if self.word(i - 1) in ("to", "-", "–", "—") and self.word(i - 3) != "from":
            before = self.plain_value(i - 2)
            if before is not None and before > value and not self.is_year_like(before):
                return True
        return False

    @staticmethod
    def is_year_like(value: float) -> bool:
        """A whole number that may be a year ("by 2030 to 32 percent" is no 2030-to-32 score)."""
        return 1900 <= value <= 2100

    def is_label(self, core: Core) -> bool:
        """A plain number before a singular common noun labels it ("the final 717 jet", "the FTSE 100 index").

        A count above one takes a plural noun; nouns with the same singular and plural
        ("12 aircraft"), time and measure words ("a 20 year low", "9 mm") and levels ("the 5000 mark")
        do not make a label.
        """
        if core.kind != "digit" or not core.plain_digits or core.value <= 1:
            return False
        if self.is_label_noun(core.end):
            return True
        k = core.end + 1 if self.raw(core.end) in _OPENING_MARKS else core.end
        if core.value >= 100 and self.is_model_name(k):
            return True  # "the 787 Dreamliner", 'the 787 "Dreamliner"'
        return self.is_quoted_title(core)

    def is_quoted_title(self, core: Core) -> bool:
        """A number in a quoted title after a capitalised "The", nothing counted after it ("'The 411.'")."""
        i = core.start
        if i < 2 or self.raw(i - 1) != "The" or self.raw(i - 2) not in _OPENING_MARKS:
            return False
        k = core.end + (1 if self.word(core.end) in (".", ",", "!", "?") else 0)
        return self.raw(k) in _CLOSING_MARKS

    def is_model_name(self, k: int) -> bool:
        """A capitalised singular name ending the noun phrase after a number: "the 737 Max", "the 787 Dreamliner"."""
        if k >= self.n or self.headline_case or self.tags[k] != "NNP" or not self.tokens[k].text[:1].isupper():
            return False
        w = self.low[k]
        if w in MONTHS or w in WEEKDAYS or w in self.lex.currencies:
            return False
        return k + 1 >= self.n or self.tags[k + 1] not in ("NN", "NNS", "NNP", "NNPS", "CD", "POS")

    def is_label_noun(self, k: int) -> bool:
        """Token ``k`` is a singular common noun that ends its noun phrase and counts nothing ("jet", "loss")."""
        if k >= self.n or self.tags[k] != "NN" or self.headline_case:
            return False
        raw, w = self.tokens[k].text, self.low[k]
        if not raw.isalpha() or not raw.islower():
            return False
        if w in self.lex.invariant_plurals or w in _TIME_SINGULAR or w in _LEVEL_NOUNS or w in _MEASURE_WORDS:
            return False
        if k + 1 < self.n and (
            self.tags[k + 1] in ("NN", "NNS", "NNP", "NNPS", "JJ", "CC", "POS", "VBG") or "-" in self.low[k + 1]
        ):
            return False  # the noun phrase goes on: "140 textile and chemical plants", "640 polling stations"
        return (w,) not in self.lex.units and (w,) not in self.lex.rates and w not in self.lex.people_after

    def is_age(self, core: Core) -> bool:
        """ "aged 34", or "Anna Smith, 27, said" (a whole number after a name, between commas)."""
        i = core.start
        before = self.word(i - 2) if self.word(i - 1) == "between" else self.word(i - 1)
        if before in ("aged", "ages", "age"):
            return True  # "aged 34", "ages 55 to 65", "aged between 18 and 24"
        if before == "turned" and core.plain_digits and 1 <= core.value <= 120:
            return True  # "who turned 80 on Friday"
        if not core.plain_digits or not 1 <= core.value <= 120 or core.end != i + 1:
            return False
        closing = self.word(i + 1)
        if self.word(i - 1) != "," or not (closing in (",", ")", ";") or (closing and set(closing) <= _DASH_CHARS)):
            return False
        return i >= 2 and self.tokens[i - 2].text[:1].isupper() and self.tags[i - 2] in ("NNP", "NNPS")

    def is_name_word(self, k: int) -> bool:
        """Is token ``k`` a capitalised word that makes the next number part of a name?"""
        w = self.low[k]
        raw = self.tokens[k].text
        if not any(c.isupper() for c in raw[:2]):
            return False  # "iPhone 4" and "eBay" count as capitalised
        if w in self.lex.name_words:
            return True
        if self.headline_case:
            return False
        if len(raw) == 1 and raw.isupper() and self.word(k - 1) == "&":
            return True  # "S&P 500", split by the tokenizer into "S", "&", "P"
        letters = raw.replace("&", "").replace(".", "")
        if len(letters) >= 2 and letters.isalpha() and raw.isupper() and w not in self.lex.currencies:
            return True  # an acronym names the number's series: "FTSE 100", "S&P 500"
        if self.tags[k] not in ("NNP", "NNPS"):
            return False
        if w in MONTHS or w in WEEKDAYS or w in SMALL_INDEX or w in self.lex.vague:
            return False
        return not any(w in phrase for phrase in self.lex.qualifiers)

    def proportion_after(self, core: Core) -> Core | None:
        """ "one in five Americans" -> 0.2 Americans: a whole number, "in" / "in every" / "out of" /
        "of every", and a larger whole number up to 1,000 (not a duration: "2 in 10 minutes")."""
        value = core.value
        if not value.is_integer() or value < 1:
            return None
        j = core.end
        joiner = (self.word(j), self.word(j + 1))
        if joiner in (("in", "every"), ("out", "of"), ("of", "every")):
            k = j + 2
        elif joiner[0] == "in":
            k = j + 1
        else:
            return None
        if k >= self.n:
            return None
        whole = self.scan.core(k)
        if whole is None or whole.kind not in ("digit", "word") or whole.unit or not whole.value.is_integer():
            return None
        if not value < whole.value <= 1000 or self.word(whole.end).rstrip("s") in _TIME_SINGULAR:
            return None
        return Core(core.start, whole.end, value / whole.value, "proportion")

    def range_after(self, core: Core, start: int, floor: int) -> tuple[Core, int, int] | None:
        j = core.end
        unit_length = 0
        if not core.unit:
            for length in (2, 1):
                if tuple(self.low[j : j + length]) in self.lex.units:
                    unit_length = length  # "between 10% and 20%": the unit is written after both ends
                    break
        j += unit_length
        joiner = self.word(j)
        if joiner not in ("-", "–", "—", "to", "and", "or"):
            return None
        before = self.word(start - 1) if start - 1 >= floor else ""
        if joiner == "and" and before != "between":
            return None
        k = j + 1
        if self.word(k) in self.lex.currencies:
            k += 1  # "between $30,000 and $60,000"
        if k >= self.n:
            return None
        high = self.scan.core(k)
        if high is None or high.kind not in ("digit", "word") or (high.unit and high.unit != core.unit):
            return None
        if unit_length and tuple(self.low[high.end : high.end + unit_length]) != tuple(self.low[core.end : j]):
            return None  # "10% to 20 people" joins nothing
        if high.kind == "digit" and self.not_a_quantity(high) and core.plain_digits and high.plain_digits:
            return None  # "between 2010 and 2015" are years
        low_value, high_value = core.value, high.value
        if high.scaled and not core.scaled:
            # "1.5 to 2 million": the multiplier applies to both ends
            scale = (
                high.value / parse_float(self.low[high.start])
                if high.kind == "digit" and self.low[high.start][:1].isdigit()
                else 1.0
            )
            if math.isfinite(scale) and scale > 1 and low_value < high_value / scale:
                low_value *= scale
        if not low_value < high_value:
            return None
        merged = Core(core.start, high.end, low_value, "range", high=high_value, qualifier="range", unit=core.unit)
        if before in ("between", "from"):
            start -= 1
        return merged, start, high.end

    def qualifier_before(self, start: int, floor: int) -> tuple[str, int] | None:
        for length in range(min(self.window, start - floor), 0, -1):
            phrase = tuple(self.low[start - length : start])
            if phrase in self.lex.qualifiers:
                return self.lex.qualifiers[phrase], start - length
        return None

    def qualifier_after(self, j: int) -> tuple[str, int] | None:
        for length in range(min(self.window, self.n - j), 0, -1):
            phrase = tuple(self.low[j : j + length])
            if phrase in self.lex.qualifiers_after:
                nxt = self.word(j + length)
                if nxt == "than" or nxt[:1].isdigit() or nxt in self.lex.currencies:
                    return None  # "678 points or more than 7.3%": the bound belongs to the next number
                return self.lex.qualifiers_after[phrase], j + length
        return None

    def unit_after(self, core: Core, j: int) -> tuple[str, int, str]:
        """The counted noun after the number: returns (unit, end token, rate found before the noun)."""
        low = self.low
        for length in range(min(self.window, self.n - j), 0, -1):
            phrase = tuple(low[j : j + length])
            if phrase in self.lex.units:
                return self.lex.units[phrase], j + length, ""
        if core.kind == "fraction":
            return "", j, ""
        if self.word(j) == "+" and core.kind == "digit":
            j += 1  # "290+ seats": at least, and the noun follows the plus
        if self.is_inch_mark(core, j):
            return "inches", j + 1, ""
        if core.kind != "vague" and self.word(j) == "of":
            return "", j, ""  # "eight of them"
        w = self.word(j)
        if w in _TIME_SINGULAR and core.value != 1 and self.tags[j] == "NN" and core.kind in ("digit", "word"):
            return w + "s", j + 1, ""  # "a four day rally", "a 20 year low": a measure in days, years
        return self.noun_after(j)

    def is_inch_mark(self, core: Core, j: int) -> bool:
        """A size in inches: a double mark right after a small number, no quotation open before it, and the
        noun phrase or a second size after it ('a 13.3" screen', "15'' or 17'' displays")."""
        if core.kind != "digit" or core.value >= 100 or self.raw(j) not in _INCH_MARKS:
            return False
        if j != core.end or self.tokens[j].start - self.tokens[j - 1].end > 1:
            return False
        before = [t.text for t in self.tokens[: core.start]]
        opened = sum(w in ("``", "“") for w in before) - sum(w in ("''", "”") for w in before)
        if opened > 0 or before.count('"') % 2 == 1:
            return False  # the mark closes a quotation
        nxt = self.word(j + 1)
        if nxt in ("or", "and", "to"):
            return True  # "15'' or 17'' displays"
        return j + 1 < self.n and self.tags[j + 1] in ("NN", "NNS", "JJ") and nxt.isalpha()

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
            if head_start >= 0 and t == "NN" and tags[k - 1] == "NNS":
                break  # "two police officers shot": a plural noun ends the counted noun
            is_noun = (
                t in _NOUN_TAGS
                or (t == "VBZ" and k == j)
                or (t == "VBG" and k + 1 < self.n and tags[k + 1] in _NOUN_TAGS)
                or (  # "18 fact-checkers working": a hyphenated plural the tagger calls an adjective
                    "-" in w
                    and w.endswith("s")
                    and not w.endswith("ss")
                    and (k + 1 >= self.n or tags[k + 1] not in _NOUN_TAGS)
                )
            ) and any(c.isalpha() for c in w)
            if head_start < 0 and w in _TIME_DEICTIC and k + 1 < self.n and self.low[k + 1] in _TIME_SINGULAR:
                break  # "rose 15,000 last week": a time adverbial, not the counted noun
            if is_noun and head_start < 0 and w in _LEVEL_NOUNS:
                break  # "the 5000 mark" names a level, not a thing counted
            if is_noun and head_start < 0 and self.is_acronym(k):
                k += 1  # "ISIS members", "SDF fighters": a name, not the counted noun
                continue
            if is_noun and (w,) not in self.lex.rates and w not in MONTHS and w not in WEEKDAYS:
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
