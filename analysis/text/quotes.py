"""Quotation marks paired into quoted spans, one linear pass per paragraph.

Straight (``"``) and curly (``“ ”``, ``« »``) double quotes are paired within a
paragraph, and so are two straight apostrophes written for one double quote
(``''like this''``, the style of some newspaper archives). What real pages do is handled without an exception:

* a quote left open at the end of a paragraph runs to the paragraph's end
  (news style for a quote continued in the next paragraph, which then opens
  with a quote mark again: both paragraphs belong to one *chain*);
* a closing mark with nothing open (an orphan) is ignored;
* an opening curly mark while a quote is open closes the open one there.

Single curly quotes (``‘ ’``, British style) are paired too, outside double
quotes; a double quote inside them is part of the single-quoted span. The
closing mark ``’`` is also the apostrophe, so it closes only where it cannot
be one: not inside a word ("Russia’s") and not as a plural possessive before a
lower-case word ("the workers’ union"). A ``‘`` left open counts only when it
opens its paragraph (a quote continued from the paragraph before); elsewhere it
is more likely a mis-typed apostrophe ("‘90s"). Straight single quotes are never
paired: they are apostrophes far more often.

Example:
    >>> [(q.start, q.end) for q in find_quotes('He said "yes" twice.')]
    [(8, 13)]
    >>> [(q.start, q.end) for q in find_quotes("‘The workers’ pay is late,’ she said.")]
    [(0, 27)]
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import NamedTuple

_MARKS = re.compile("''|[\"“”«»]")
_TWO_APOSTROPHES = "''"
_SINGLE_MARKS = re.compile("[‘’]")
_OPENERS = "“«"
_CLOSERS = "”»"


class Quote(NamedTuple):
    """One quoted span.

    ``start`` is the opening mark's offset; ``end`` is just after the closing
    mark, or the paragraph end when the quote is left open. ``inner_start`` /
    ``inner_end`` bound the words inside the marks. ``chain`` is shared by the
    pieces of a quote that runs over several paragraphs.
    """

    start: int
    end: int
    inner_start: int
    inner_end: int
    closed: bool
    chain: int


def _width(text: str, i: int) -> int:
    """Characters of the quote mark at ``i``: 2 for two apostrophes standing for one double quote."""
    return 2 if text.startswith(_TWO_APOSTROPHES, i) else 1


def _looks_closing(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    j = i + _width(text, i)
    after = text[j] if j < len(text) else " "
    return not before.isspace() and (after.isspace() or not after.isalnum())


def _looks_opening(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    j = i + _width(text, i)
    after = text[j] if j < len(text) else " "
    return (before.isspace() or before in "([{—–-:") and not after.isspace()


def find_quotes(text: str, paragraphs: Iterable[tuple[int, int]] | None = None) -> list[Quote]:
    """Pair the quotation marks of ``text`` (double quotes, and single curly quotes outside them).

    Args:
        text: the article text.
        paragraphs: ``(start, end)`` of each paragraph; quotes never cross a
            paragraph boundary (default: the whole text is one paragraph).

    Returns:
        The quoted spans in text order; they do not overlap.
    """
    if paragraphs is None:
        paragraphs = [(0, len(text))]
    quotes: list[Quote] = []
    chain = -1
    previous_open_ended = False
    for p_start, p_end in paragraphs:
        doubles = _double_spans(text, p_start, p_end)
        spans = _with_single_spans(text, p_start, p_end, doubles)
        for k, (start, end, closed) in enumerate(spans):
            continues = k == 0 and previous_open_ended and not text[p_start:start].strip()
            if not continues:
                chain += 1
            inner_start = start + _width(text, start)
            inner_end = end - _width(text, end - 2 if text.startswith(_TWO_APOSTROPHES, end - 2) else end - 1)
            quotes.append(Quote(start, end, inner_start, inner_end if closed else end, closed, chain))
        previous_open_ended = bool(spans) and not spans[-1][2] and spans[-1][1] == p_end
    return quotes


def _double_spans(text: str, p_start: int, p_end: int) -> list[tuple[int, int, bool]]:
    """``(start, end, closed)`` of the double-quoted spans of one paragraph."""
    spans: list[tuple[int, int, bool]] = []
    open_at = -1
    for match in _MARKS.finditer(text, p_start, p_end):
        i = match.start()
        mark = match.group()
        straight = mark in ('"', _TWO_APOSTROPHES)
        if open_at < 0:
            if mark in _CLOSERS or (straight and _looks_closing(text, i) and not _looks_opening(text, i)):
                continue  # orphan closing mark
            open_at = i
            continue
        if mark in _OPENERS:  # a new quote opens before the old one closed
            spans.append((open_at, i, False))
            open_at = i
            continue
        spans.append((open_at, match.end(), True))
        open_at = -1
    if open_at >= 0:
        spans.append((open_at, p_end, False))
    return spans


def _with_single_spans(
    text: str, p_start: int, p_end: int, doubles: list[tuple[int, int, bool]]
) -> list[tuple[int, int, bool]]:
    """The paragraph's spans with its single-quoted ones added; double spans they overlap are dropped."""
    if text.find("‘", p_start, p_end) < 0:
        return doubles
    singles: list[tuple[int, int, bool]] = []
    open_at = -1
    d = 0  # the next double span that could contain a mark
    for match in _SINGLE_MARKS.finditer(text, p_start, p_end):
        i = match.start()
        while d < len(doubles) and doubles[d][1] <= i:
            d += 1
        if open_at < 0 and d < len(doubles) and doubles[d][0] <= i:
            continue  # a nested quote inside double quotes
        if text[i] == "‘":
            if open_at < 0 and _looks_opening(text, i):
                open_at = i
        elif open_at >= 0 and i > open_at + 1 and _closes_single(text, i):
            singles.append((open_at, i + 1, True))
            open_at = -1
    if open_at >= 0 and not text[p_start:open_at].strip():
        singles.append((open_at, p_end, False))  # continued in the next paragraph
    if not singles:
        return doubles
    kept = []
    j = 0  # both lists are in text order and do not overlap within themselves: one sweep
    for span in doubles:
        while j < len(singles) and singles[j][1] <= span[0]:
            j += 1
        if j == len(singles) or span[1] <= singles[j][0]:
            kept.append(span)
    return sorted(kept + singles)


def _closes_single(text: str, i: int) -> bool:
    """True when the ``’`` at ``i`` can close a quote: not inside a word, not a plural possessive."""
    if not _looks_closing(text, i):
        return False
    before = text[i - 1]
    rest = text[i + 1 : i + 3]
    possessive = before in "sS" and rest[:1] == " " and rest[1:2].islower()
    return not possessive
