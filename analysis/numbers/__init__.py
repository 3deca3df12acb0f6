"""Numeric claims: written numbers to values, with their units, qualifiers and ranges."""

from analysis.numbers.finder import find_numbers
from analysis.numbers.lexicon import NumberLexicon, load_lexicon
from analysis.numbers.scanner import parse_number

__all__ = ["NumberLexicon", "find_numbers", "load_lexicon", "parse_number"]
