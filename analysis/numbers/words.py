"""Number words and scales: the closed-class English that spells numbers and dates.

"eight", "twenty-five", "hundred", "bn", "third", month and weekday names, and
the words before a four-digit number that make it a year.
"""

from __future__ import annotations

__all__ = [
    "ABBREVIATED_SCALES",
    "DENOMINATORS",
    "MONTHS",
    "SCALES",
    "SMALL",
    "SMALL_INDEX",
    "TIME_AFTER",
    "WEEKDAYS",
    "YEAR_BEFORE",
    "small_word",
]

SMALL: dict[str, int] = {
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
SCALES: dict[str, float] = {
    "hundred": 100.0,
    "thousand": 1e3,
    "million": 1e6,
    "billion": 1e9,
    "trillion": 1e12,
}
#: Abbreviated multipliers written as their own token ("$40 bn") or glued to the digits ("1.5bn").
ABBREVIATED_SCALES: dict[str, float] = {
    "k": 1e3,
    "m": 1e6,
    "mn": 1e6,
    "mln": 1e6,
    "bn": 1e9,
    "b": 1e9,
    "tn": 1e12,
}
DENOMINATORS: dict[str, int] = {
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
MONTHS = frozenset(
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
WEEKDAYS = frozenset(
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
YEAR_BEFORE = frozenset(
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
        "'s",  # "Israel's 1967 borders", "Tull's 2016 campaign"
        "’s",
    ]
)
TIME_AFTER = frozenset(["a.m.", "p.m.", "a.m", "p.m", "am", "pm", "o'clock", "gmt", "utc", "hrs", "h"])


def small_word(word: str) -> int | None:
    """The value of "eight", "twenty-five" or "forty-one"; None for anything else."""
    if word in SMALL:
        return SMALL[word]
    if "-" in word:
        tens, _, ones = word.partition("-")
        if tens in SMALL and ones in SMALL and SMALL[tens] >= 20 and SMALL[tens] % 10 == 0 and SMALL[ones] < 10:
            return SMALL[tens] + SMALL[ones]
    return None


SMALL_INDEX = (
    frozenset(SMALL)
    | {"a", "an", "half", "couple"}
    | {
        f"{t}-{o}"
        for t in ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
        for o in SMALL
        if SMALL[o] < 10
    }
)
