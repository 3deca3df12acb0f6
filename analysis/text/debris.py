"""Recognise page debris that scraped articles carry, without removing it.

Scraped news text often holds more than the story: the headline printed twice,
a photo caption, a trailing "Related Articles" list, share buttons. Counting
those as sentences would double entities and invent claims, but deleting them
would shift every character offset. So each sentence gets a *kind* and the
later stages skip the debris kinds:

``headline``      the first line, when it reads as a title (or equals ``title``)
``body``          ordinary text
``title_repeat``  a later line that repeats the headline
``caption``       a photo caption ("A handout picture taken on ... shows ...")
``related``       a "Related Articles" / "Read more" line and every line after it
``boilerplate``   share / subscribe / copyright lines, and separator lines with no word ("___", "* * *")
"""

from __future__ import annotations

import re
from collections.abc import Sequence

DEBRIS_KINDS: frozenset[str] = frozenset({"title_repeat", "caption", "related", "boilerplate"})

_RELATED = re.compile(
    r"^(related( articles?| stories| news| coverage| content)?|read more|read also|more on this( story)?"
    r"|see also|you may also like|recommended( for you)?|more from [\w .'-]+|also read|most read)\s*[:.]?\s*$",
    re.IGNORECASE,
)
_CAPTION = re.compile(
    r"^(?:(?:a|an|the|this)\s+)?(?:handout\s+|file\s+|undated\s+|archive\s+|screen\s*grab\s+)*"
    r"(?:photo(?:graph)?|picture|image|video\s+grab|still)s?\b[^.]{0,200}?\b"
    r"(?:taken|shows?|showing|released|provided|obtained|distributed|made available)\b"
    r"|^(?:photo|picture|image|caption|file\s+photo|pictured)\s*[:|–—-]"
    r"|\((?:photo|picture|image)s?\s*[:/]",
    re.IGNORECASE,
)
_BOILERPLATE = re.compile(
    r"^(share (this|on)|follow us|all rights reserved|subscribe\b|sign up\b|click here|"
    r"copyright\b|©|advertisement$|comments?\s*\(\d+\)|print this|email this)",
    re.IGNORECASE,
)
_TERMINAL = re.compile(r"[.!?][\"'”’)\]]*$")
#: A line with no letter or digit: a separator between the parts of a live report ("___", "* * *").
_NO_WORDS = re.compile(r"^[\W_]+$")


def _norm(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", text.lower()).split())


def _whole_lines(text: str, spans: Sequence[tuple[int, int]]) -> list[bool]:
    """For each sentence: does it fill its line alone (nothing else on the line)?"""
    result = []
    for start, end in spans:
        line_start = text.rfind("\n", 0, start) + 1
        line_end = text.find("\n", end)
        line_end = len(text) if line_end == -1 else line_end
        result.append(not text[line_start:start].strip() and not text[end:line_end].strip())
    return result


def classify_sentences(text: str, spans: Sequence[tuple[int, int]], *, title: str | None = None) -> list[str]:
    """Give each sentence span a kind: ``headline``, ``body`` or a debris kind.

    Args:
        text: the article text.
        spans: sentence ``(start, end)`` spans in order.
        title: the article's title when known.

    Returns:
        One kind per span (see the module docstring).
    """
    kinds = ["body"] * len(spans)
    if not spans:
        return kinds
    alone = _whole_lines(text, spans)
    sentences = [text[a:b] for a, b in spans]
    headline = _norm(title) if title else None
    first = sentences[0]
    if alone[0] and ((headline and _norm(first) == headline) or (not _TERMINAL.search(first) and len(first) < 200)):
        kinds[0] = "headline"
        headline = headline or _norm(first)
    in_related = False
    for i in range(1 if kinds[0] == "headline" else 0, len(spans)):
        sentence = sentences[i].strip()
        if in_related:
            kinds[i] = "related"
        elif alone[i] and _RELATED.match(sentence):
            kinds[i] = "related"
            in_related = True
        elif alone[i] and headline and _norm(sentence) == headline:
            kinds[i] = "title_repeat"
        elif _CAPTION.search(sentence):
            kinds[i] = "caption"
        elif alone[i] and (_BOILERPLATE.match(sentence) or _NO_WORDS.match(sentence)):
            kinds[i] = "boilerplate"
    _spread_captions(text, spans, kinds)
    return kinds


def _spread_captions(text: str, spans: Sequence[tuple[int, int]], kinds: list[str]) -> None:
    """A caption fills its paragraph: "Photo: ... on Thursday. (Observer)" is caption throughout."""
    paragraph = [0] * len(spans)
    for i in range(1, len(spans)):
        paragraph[i] = paragraph[i - 1] + ("\n" in text[spans[i - 1][1] : spans[i][0]])
    captioned = {paragraph[i] for i, kind in enumerate(kinds) if kind == "caption"}
    for i, kind in enumerate(kinds):
        if kind == "body" and paragraph[i] in captioned:
            kinds[i] = "caption"
