"""Closed-class helpers on words: what counts as a word, normal forms, stopwords, datelines, n-grams."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

#: Curly apostrophes mapped to straight ones of the same length (offsets are kept).
APOSTROPHES = str.maketrans({"’": "'", "‘": "'"})

_LETTER_OR_DIGIT = re.compile(r"[^\W_]")


def is_word(token: str) -> bool:
    """True for a token with at least one letter or digit (not punctuation or a symbol)."""
    return token.isalnum() or _LETTER_OR_DIGIT.search(token) is not None


@cache
def stopwords() -> frozenset[str]:
    """The package's English stopword list (lower case), kept in ``data/lexicons/stopwords.txt``."""
    from analysis.resources import lexicon_path

    lines = lexicon_path("stopwords.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(w.strip().lower() for w in lines if w.strip() and not w.startswith("#"))


_DATELINE = re.compile(
    r"[A-Z][A-Z.'-]{2,}(?:[ /-][A-Z][A-Z.'-]+)*"  # MOSCOW, MOSCOW/BEIRUT, NEW YORK
    r"(?:,[^()\n\-–—:]{1,40})?"  # , Kestria, March 12
    r"(?:\s*\([^()\n]{1,60}\))?"  # (Northwind Wire)
    r"\s*[-–—]+\s+"
)


def dateline_length(sentence: str) -> int:
    """Length of a news dateline opening ``sentence`` ("MOSCOW, Dec 7 (Wire) - "), else 0.

    The place must be written in capitals, so ordinary sentences never match.
    """
    match = _DATELINE.match(sentence)
    return match.end() if match else 0


def normalize(token: str) -> str:
    """The lower-case normal form of a token (curly quotes and apostrophes made straight)."""
    return token.lower().translate(_STRAIGHTEN)


_STRAIGHTEN = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "`": "'"})


def ngrams(tokens: Sequence[str], n: int) -> list[tuple[str, ...]]:
    """Return the ``n``-grams of a token sequence, in order."""
    if n < 1:
        raise ValueError(f"n must be at least 1, got {n}")
    return [tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1)]
