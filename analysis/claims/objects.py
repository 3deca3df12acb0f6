"""Where a noun-phrase content ends: the object of "called for", "blasted", "wants to".

A cue whose content is its object ("the senator blasted the plan", "she urged voters
to stay home", "he wants to close the mine") reports the object and what hangs on it,
not the adverbial clauses the outlet adds after it. News writes those additions in a
few fixed ways, and the object ends before each:

* a subordinate clause: "... the plan *when* he spoke in Dayton", "... *after* the vote";
* a participle after a comma: "... to sign up voters*, focusing on* students";
* a second verb of the same subject: "... the ruling *and called* it a disgrace";
* the setting of the report or an aside: "... more school funding *in a statement* on Thursday",
  "... *during* the debate", "... *in* early-morning tweets", "... *—* a metaphor for ...".

The object keeps at least its first word, nothing
inside a quotation is read, and no more than 60 tokens are read (the cost of a
sentence stays linear in its length, however many cues it holds).
"""

from __future__ import annotations

from collections.abc import Sequence

from analysis.claims.view import FINITE

__all__ = ["object_end", "relative_end"]

_SUBORDINATORS = frozenset("when after before because while since until although though whereas unless once".split())
_SETTING_LEADS = frozenset("in at on".split())
_SETTING_NOUNS = frozenset(
    "statement statements interview interviews briefing speech speeches post posts message messages "
    "conference call email tweet tweets release broadcast address appearance remarks rally hearing "
    "op-ed ad ads video videos letter stop debate visit event".split()
)
_ASIDES = frozenset(("—", "―", "–", "--"))
_DETERMINERS = frozenset("a an the his her their its".split())
_SECOND_VERB = frozenset("VBD VBZ".split())
_OBJECT_STARTS = frozenset("DT PRP PRP$ NNP NNPS".split())
_MIN_WORDS = 1
_REACH = 60  # tokens read after the content's start: an object or relative clause ends within them


def object_end(words: Sequence[str], tags: Sequence[str], quote_of: Sequence[int], first: int, last: int) -> int:
    """The token where an object content that runs from ``first`` to ``last`` (exclusive) ends.

    Args:
        words: the sentence's words, lower case.
        tags: their part-of-speech tags.
        quote_of: per token, the quotation it lies in (-1 outside).
        first: the content's first token.
        last: the token after the content's last one.

    Returns:
        A token index in ``(first, last]``: the content is ``first`` up to it.
    """
    seen = 0
    for j in range(first, min(last, len(words), first + _REACH)):
        if quote_of[j] >= 0:
            continue
        if seen >= _MIN_WORDS:
            w = words[j]
            if w in _SUBORDINATORS:
                return j - 1 if words[j - 1] == "," else j
            if w == "," and j + 1 < last and quote_of[j + 1] < 0 and tags[j + 1] == "VBG":
                return j
            if w in ("and", "but") and j + 1 < last and quote_of[j + 1] < 0 and _second_verb(tags, j + 1, last):
                return j - 1 if words[j - 1] == "," else j
            if w == "during" or w in _ASIDES:
                return j  # "... during the debate", "... — a metaphor for ...": the outlet's setting or aside
            if w in _SETTING_LEADS and j + 1 < last:
                k = j + 1 + (words[j + 1] in _DETERMINERS)
                while k < min(last, j + 5) and words[k] not in _SETTING_NOUNS and tags[k][:2] in ("JJ", "NN"):
                    k += 1
                if k < last and words[k] in _SETTING_NOUNS:
                    return j  # "... in a statement", "... in early-morning tweets"
        seen += words[j][:1].isalnum()
    return last


def relative_end(words: Sequence[str], tags: Sequence[str], quote_of: Sequence[int], first: int, last: int) -> int:
    """Where the content of a relative-clause report ends: "Holt, who said the dam was safe, *resigned*".

    The clause closes at a comma followed by a finite verb (the main clause's), outside quotes.

    Args:
        words: the sentence's words, lower case.
        tags: their part-of-speech tags.
        quote_of: per token, the quotation it lies in (-1 outside).
        first: the content's first token.
        last: the token after the content's last one.

    Returns:
        A token index in ``(first, last]``.
    """
    for j in range(first + 1, min(last, len(words), first + _REACH) - 1):
        if words[j] == "," and quote_of[j] < 0 and quote_of[j + 1] < 0 and tags[j + 1] in FINITE:
            return j
    return last


def _second_verb(tags: Sequence[str], k: int, last: int) -> bool:
    """A past or present verb at ``k``; one the tagger calls a participle counts when an object
    follows it ("and attacked the board"), not when it modifies a noun ("and related costs")."""
    if tags[k] in _SECOND_VERB:
        return True
    return tags[k] == "VBN" and k + 1 < last and tags[k + 1] in _OBJECT_STARTS
