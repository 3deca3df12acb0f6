"""The numbers lexicon (``data/lexicons/numbers.yml``): qualifiers, rates, currencies, units, ..."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from analysis.errors import LexiconError
from analysis.numbers.words import DENOMINATORS, SCALES, SMALL
from analysis.resources import Layer
from analysis.text import normalize

__all__ = ["NumberLexicon", "load_lexicon"]


@dataclass(frozen=True)
class NumberLexicon:
    """The word lists that drive :func:`find_numbers` (see ``data/lexicons/numbers.yml``).

    Attributes:
        qualifiers: lower-case token tuple -> qualifier ("more", "than") -> "at least".
        qualifiers_after: the same for phrases written after the number and its noun ("or more").
        rates: lower-case token tuple -> rate name ("a", "day") -> "daily".
        currencies: symbol written before a number -> unit ("$" -> "dollars").
        units: token tuple written right after a number -> unit ("%",) -> "percent".
        vague: plural number word -> its base value ("hundreds" -> 100).
        name_words: words that make a following number part of a name ("resolution").
        people_after: words after a bare number that make it a count of people ("two dozen detained").
        street_words: words ending a street name after a house number ("10 Downing Street").
        year_nouns: plural nouns a year may modify ("2005 levels", "1990 prices"): the number stays a year.
        invariant_plurals: nouns whose plural is the singular ("12 aircraft", "400 staff"), so a number
            before them is still a count (a plain number before another singular noun is a label: "the 717 jet").
        symbols: finds a digit or a currency symbol.
        words: every number word (a sentence with none of these, no digit and no symbol is skipped).
        longest: the longest phrase (in tokens) of any list, the bound of every look-around.
    """

    qualifiers: dict[tuple[str, ...], str]
    qualifiers_after: dict[tuple[str, ...], str]
    rates: dict[tuple[str, ...], str]
    currencies: dict[str, str]
    units: dict[tuple[str, ...], str]
    vague: dict[str, float]
    name_words: frozenset[str]
    people_after: frozenset[str]
    year_nouns: frozenset[str]
    street_words: frozenset[str]
    invariant_plurals: frozenset[str]
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
    """Read the numbers lexicon: the packaged one, with your file added to it (cached per path).

    The rule is every lexicon's (:mod:`analysis.resources`): your entries are
    added to each section (a unit or a currency you list again takes your
    value); ``inherit: false`` at the top makes your file the whole lexicon.

    Args:
        path: a YAML file shaped like ``data/lexicons/numbers.yml`` (any of its
            sections); None means the packaged one alone.

    Returns:
        The compiled :class:`NumberLexicon`.

    Raises:
        LexiconError: naming the file and line when the YAML or an entry is
            malformed, or when the result has no qualifiers or no units.
        FileNotFoundError: when ``path`` does not exist.
    """
    from analysis.resources import load_layers, merge_layers

    layers = load_layers("numbers.yml", path, kind="numbers lexicon")
    for layer in layers:
        _compile(layer)  # each file checked on its own, so an error names its line
    return _compile(Layer(layers[-1].where, merge_layers(layers)), whole=True)


def _compile(layer: Layer, *, whole: bool = False) -> NumberLexicon | None:
    """Check one layer's sections and build the lexicon (``whole``: it must be complete)."""
    data = layer.data

    def fail(key: str, problem: str) -> LexiconError:
        return layer.error((key,), f"{key}: {problem}")

    known = {
        "qualifiers",
        "qualifiers_after",
        "rates",
        "currencies",
        "units",
        "vague",
        "name_words",
        "people_after",
        "year_nouns",
        "invariant_plurals",
        "street_words",
    }
    for key in data:
        if key not in known:
            raise fail(str(key), f"unknown section; use one of {', '.join(sorted(known))}")

    def mapping(key: str) -> dict[str, Any]:
        value = data.get(key) or {}
        if not isinstance(value, dict):
            raise fail(key, "must be a mapping (name: value lines)")
        return value

    def qualifier_phrases(key: str) -> dict[tuple[str, ...], str]:
        table: dict[tuple[str, ...], str] = {}
        for qualifier, phrases in mapping(key).items():
            if qualifier not in ("approximate", "at least", "at most"):
                raise fail(key, f"{qualifier!r} is not approximate, at least or at most")
            if not isinstance(phrases, list) or not all(isinstance(p, str) and p.strip() for p in phrases):
                raise fail(key, f"{qualifier}: give a list of phrases")
            for p in phrases:
                table[_phrase(p)] = qualifier
        return table

    qualifiers = qualifier_phrases("qualifiers")
    qualifiers_after = qualifier_phrases("qualifiers_after")
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
    word_lists: dict[str, frozenset[str]] = {}
    for key in ("year_nouns", "invariant_plurals", "street_words"):
        words = data.get(key) or []
        if not isinstance(words, list):
            raise fail(key, "must be a list of words")
        word_lists[key] = frozenset(normalize(str(w)) for w in words)
    if not whole:
        return None
    if not qualifiers or not units:
        raise layer.error((), "qualifiers and units must not be empty; list at least one of each")
    return NumberLexicon(
        qualifiers=qualifiers,
        qualifiers_after=qualifiers_after,
        rates=rates,
        currencies=currencies,
        units=units,
        vague=vague,
        name_words=frozenset(normalize(str(w)) for w in names),
        people_after=frozenset(normalize(str(w)) for w in people),
        year_nouns=word_lists["year_nouns"],
        street_words=word_lists["street_words"],
        invariant_plurals=word_lists["invariant_plurals"],
        symbols=_symbols(currencies),
        words=frozenset(SMALL) | frozenset(SCALES) | frozenset(DENOMINATORS) | {"dozen"} | frozenset(vague),
        longest=max(len(k) for table in (qualifiers, qualifiers_after, rates, units) for k in table),
    )


def _symbols(currencies: dict[str, str]) -> re.Pattern[str]:
    """A pattern that finds a digit or a currency symbol."""
    symbols = "".join(re.escape(c) for c in sorted({k[0] for k in currencies if not k[0].isalnum()}))
    return re.compile(rf"[0-9{symbols}]")


_LETTERS = re.compile(r"[a-z]+")
