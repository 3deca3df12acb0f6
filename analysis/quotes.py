"""Quotation marks paired into quoted spans, one linear pass per paragraph.

Straight (``"``) and curly (``“ ”``, ``« »``) double quotes are paired within a
paragraph. What real pages do is handled without an exception:

* a quote left open at the end of a paragraph runs to the paragraph's end
  (news style for a quote continued in the next paragraph, which then opens
  with a quote mark again: both paragraphs belong to one *chain*);
* a closing mark with nothing open (an orphan) is ignored;
* an opening curly mark while a quote is open closes the open one there.

Single quotes are not paired: they are apostrophes far more often.

Example:
    >>> [(q.start, q.end) for q in find_quotes('He said "yes" twice.')]
    [(8, 13)]
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import NamedTuple

_MARKS = re.compile('["“”«»]')
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


def _looks_closing(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return not before.isspace() and (after.isspace() or not after.isalnum())


def _looks_opening(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return (before.isspace() or before in "([{—–-:") and not after.isspace()


def find_quotes(text: str, paragraphs: Iterable[tuple[int, int]] | None = None) -> list[Quote]:
    """Pair the double quotation marks of ``text``.

    Args:
        text: the article text.
        paragraphs: ``(start, end)`` of each paragraph; quotes never cross a
            paragraph boundary (default: the whole text is one paragraph).

    Returns:
        The quoted spans in text order.
    """
    if paragraphs is None:
        paragraphs = [(0, len(text))]
    quotes: list[Quote] = []
    chain = -1
    previous_open_ended = False
    for p_start, p_end in paragraphs:
        open_at = -1
        first_in_paragraph = True
        for match in _MARKS.finditer(text, p_start, p_end):
            i = match.start()
            mark = text[i]
            if open_at < 0:
                if mark in _CLOSERS or (mark == '"' and _looks_closing(text, i) and not _looks_opening(text, i)):
                    continue  # orphan closing mark
                continues = first_in_paragraph and previous_open_ended and not text[p_start:i].strip()
                if not continues:
                    chain += 1
                open_at = i
                first_in_paragraph = False
                continue
            if mark in _OPENERS:  # a new quote opens before the old one closed
                quotes.append(Quote(open_at, i, open_at + 1, i, False, chain))
                chain += 1
                open_at = i
                continue
            quotes.append(Quote(open_at, i + 1, open_at + 1, i, True, chain))
            open_at = -1
        previous_open_ended = open_at >= 0
        if open_at >= 0:
            quotes.append(Quote(open_at, p_end, open_at + 1, p_end, False, chain))
    return quotes
