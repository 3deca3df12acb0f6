"""Numeric claims: written numbers to values, with their units, qualifiers and ranges."""

from analysis.numbers.finder import NumberLexicon, find_numbers, load_lexicon, parse_number

__all__ = ["NumberLexicon", "find_numbers", "load_lexicon", "parse_number"]
