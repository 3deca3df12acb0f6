"""Where a content starts and ends: trimming, datelines, the outlet's own additions, nesting.

The attribution finder decides which tokens report what; these helpers turn that into
character spans a reader would underline: no edge punctuation or unmatched quote
mark, no dateline, no gloss the outlet adds after a comma (", which ...", ", a
terrorist organization banned in ..."), and one attribution when another sits inside it.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence

from analysis.claims.model import Attribution
from analysis.claims.view import FINITE, SentenceView, tok_at
from analysis.text import Sentence, dateline_length

__all__ = [
    "at_least_two_words",
    "capital_dateline",
    "content_span",
    "drop_appositive",
    "drop_dateline",
    "drop_outlet_clause",
    "nested",
    "outside",
    "trim_end",
    "trim_span",
]

_TRIM_CHARS = " \t\r\n,.;:"
_OUTLET_CLAUSE_LEADS = frozenset("which although though whereas while but".split())
#: Dashes that close a capitalised dateline or open a byline ("BEIRUT — ...").
DASHES = frozenset("― — –".split())


def drop_dateline(sentence: Sentence, a: Attribution, text: str) -> None:
    """Start a content that opens with the sentence's dateline ("HALDEN (AW) — ") after it."""
    if not sentence.start <= a.content_start < sentence.start + 3:
        return
    skip = dateline_length(sentence.text) or capital_dateline(sentence.text)
    if skip and a.content_start < sentence.start + skip < a.content_end:
        a.content_start = trim_span(text, sentence.start + skip, a.content_end)[0]


def capital_dateline(sentence: str) -> int:
    """Length of a dateline of capitals and a dash at the start ("WASHINGTON ― "), else 0."""
    k = 0
    while k < len(sentence) and k < 40 and (sentence[k].isupper() or sentence[k] in " ,.'"):
        k += 1
    rest = sentence[k:]
    letters = "".join(c for c in sentence[:k] if c.isalpha())
    if len(letters) < 3 or rest[:1] not in DASHES:
        return 0
    return k + 1 + len(rest[1:]) - len(rest[1:].lstrip())


def drop_outlet_clause(v: SentenceView, start: int, end: int, text: str) -> int:
    """End an indirect content before a clause the outlet adds after a comma: ", although it may
    take days", ", but he refuses ...", ", which forced her ..." (the reporter's gloss, not the
    reported words)."""
    first, last = tok_at(v, start), tok_at(v, end)
    words = v.words
    for j in range(first + 3, min(last, len(words)) - 1):
        if words[j] == "," and v.quote_of[j] < 0 and words[j + 1] in _OUTLET_CLAUSE_LEADS:
            return trim_end(text, start, v.toks[j].start)
    return end


def trim_span(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in _TRIM_CHARS:
        start += 1
    while end > start and text[end - 1] in _TRIM_CHARS:
        end -= 1
    return start, end


def outside(results: list[Attribution], outer: list[Attribution]) -> list[Attribution]:
    """``results`` without the attributions that sit inside an outer one's content (the outer ones kept).

    An attribution is inside when some outer content starts at or before its cue
    and ends at or after its content; outer contents are sorted by start with a
    running maximum of their ends, so each test is one bisection.
    """
    keep = {id(o) for o in outer}
    ordered = sorted(outer, key=lambda o: o.content_start)
    starts = [o.content_start for o in ordered]
    reach, furthest = [], -1
    for o in ordered:
        furthest = max(furthest, o.content_end)
        reach.append(furthest)
    kept = []
    for a in results:
        k = bisect_right(starts, a.cue_start)
        if id(a) in keep or not (k and reach[k - 1] >= a.content_end):
            kept.append(a)
    return kept


def trim_end(text: str, start: int, end: int) -> int:
    return trim_span(text, start, end)[1]


def content_span(v: SentenceView, first: int, end: int, text: str) -> tuple[int, int]:
    """Character span of tokens ``first..end`` trimmed of edge punctuation and unmatched quote marks."""
    toks = v.toks
    if first >= end:
        return 0, 0
    start, stop = trim_span(text, toks[first].start, toks[end - 1].end)
    # drop a closing quote mark at the end whose opening mark lies before the content
    while stop > start and text[stop - 1] in '"”»' and v.opening_marks(text, start, stop) % 2 == 1:
        stop = trim_span(text, start, stop - 1)[1]
    return start, stop


def drop_appositive(v: SentenceView, start: int, end: int, text: str) -> int:
    """End the content before a trailing ", a terrorist organization banned in ..." gloss on a name."""
    first, last = tok_at(v, start), tok_at(v, end)
    words, tags = v.words, v.tags
    for j in range(last - 1, max(first, last - 16), -1):
        if words[j] == "," and v.quote_of[j] < 0:
            if (
                j + 1 < last
                and words[j + 1] in ("a", "an")
                and j > first
                and (tags[j - 1] in ("NNP", "NNPS") or words[j - 1] == ")")
                and not any(t in FINITE for t in tags[j + 1 : last])
            ):
                return trim_end(text, start, v.toks[j].start)
            break
    return end


def at_least_two_words(words: Sequence[str], first: int, end: int) -> bool:
    """Whether ``words[first:end]`` holds two words (stops at the second: bounded)."""
    seen = 0
    for k in range(first, end):
        seen += words[k][:1].isalnum()
        if seen >= 2:
            return True
    return False


def nested(a: Attribution, comma: int) -> bool:
    """A forward indirect report ("X is demanding Y") whose content runs to the comma before a later
    speaker ("..., he said") or past it: a report inside the later one's content."""
    return a.quote == "indirect" and a.cue_end <= a.content_start < comma and a.content_end >= comma - 1
