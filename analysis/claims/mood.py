"""Mood: whether a sentence (or a claim's content) asserts something, or asks, supposes or imagines it.

A claim is an assertion. News also prints questions ("Is the fund solvent?"),
embedded questions that only raise a matter ("whether the pay gap is below 5
percent"), conditionals ("If the candidate is Trump, the answer is no") and
hypotheticals ("He would have won had turnout held"). Such a sentence does not
assert its content, so two outlets printing it do not share a claim, and a
figure inside it is not a figure anyone reported.

:func:`mood` reads the surface only (no parse), with rules that follow how news
is written:

* ``question``: the sentence ends with a question mark (before closing quotes
  or brackets), opens with "whether" (an embedded question, as it reads once
  the cue "asked" is split off), or opens with an auxiliary ("Did the mayor
  know", "Is it over": a question whose mark was cut off);
* ``conditional``: it opens with a conditional clause ("If ...", "Unless ...",
  "Should the vote fail, ...", "Were he to ...");
* ``hypothetical``: a counterfactual verb group ("would have won", "would not
  have been"), or a supposition ("imagine", "suppose", "what if"). "Could
  have" and "might have" stay assertions: news uses them for a reported
  possibility ("the loss could have spared him taxes for 18 years");
* ``assertion`` otherwise. A short sentence is still an assertion
  ("Police arrested 23.").

The words are closed-class English (complementisers, auxiliaries, modals), so
they live here and not in a lexicon.

Example:
    >>> mood("The Senate voted 97-1 to pass the bill.")
    'assertion'
    >>> mood("whether Vantel's pay gap is below 5 percent")
    'question'
    >>> mood("If the candidate is Dana Holm, the answer is no.")
    'conditional'
    >>> mood("Turnout would have doubled without the storm.")
    'hypothetical'
"""

from __future__ import annotations

import re

__all__ = ["MOODS", "is_assertion", "mood"]

#: The moods :func:`mood` returns.
MOODS = ("assertion", "question", "conditional", "hypothetical")

_CLOSERS = " \t\n\"'”’»)]}"
_AUX = (
    r"(?:is|are|was|am|do|does|did|has|have|can|could|would|"
    r"isn't|aren't|wasn't|weren't|don't|doesn't|didn't|hasn't|haven't|won't|wouldn't|can't|couldn't|shouldn't)"
)
#: Auxiliaries that also start declaratives as a name or a month ("Will Holm said", "May was wet"):
#: a question only before a subject pronoun.
_WEAK_AUX = r"(?:will|may|might|must|shall)"
_LEAD = r"^[\s\"'“‘(\[—–-]*"
#: An embedded question raised, not answered ("whether ...", as left once the cue "asked" is split off).
_EMBEDDED = re.compile(_LEAD + r"whether\b", re.IGNORECASE)
#: A direct question whose question mark the content span cut off: a sentence opening with an
#: auxiliary ("Did the mayor know", "Is it over"). Wh-words are left out: "What is clear is that ..." asserts.
_DIRECT = re.compile(
    _LEAD + r"(?:" + _AUX + r"\s+\w+|" + _WEAK_AUX + r"\s+(?:you|we|they|he|she|it|i|there)\b)[^.!]*$", re.IGNORECASE
)
_CONDITIONAL = re.compile(
    _LEAD + r"(?:if|unless|provided(?: that)?|assuming(?: that)?|in case|even if|only if)\b"
    r"|" + _LEAD + r"(?:should|were|had)\s+(?:the|a|an|he|she|it|they|we|you|i|this|that|[A-Z]\w+)\b[^,]{0,80},",
    re.IGNORECASE,
)
_HYPOTHETICAL = re.compile(
    r"\bwould(?:\s+not|n't)?\s+have\s+(?:been\s+)?\w+(?:ed|en|wn|ne|de|t)\b"
    r"|\b(?:imagine|suppose|supposing|what if|let's say|hypothetically)\b",
    re.IGNORECASE,
)


def mood(text: str) -> str:
    """The mood of a sentence or a claim's content: one of :data:`MOODS`.

    Args:
        text: a sentence, or the content span of a claim (the words said).

    Returns:
        ``"question"``, ``"conditional"``, ``"hypothetical"`` or ``"assertion"``.
    """
    if text.rstrip(_CLOSERS).endswith("?") or _EMBEDDED.match(text):
        return "question"
    if _CONDITIONAL.match(text):
        return "conditional"
    if _DIRECT.match(text.rstrip(_CLOSERS)):
        return "question"
    if _HYPOTHETICAL.search(text):
        return "hypothetical"
    return "assertion"


def is_assertion(text: str) -> bool:
    """Whether ``text`` asserts its content (:func:`mood` is ``"assertion"``).

    >>> is_assertion("Police arrested 23."), is_assertion("Is the fund solvent?")
    (True, False)
    """
    return mood(text) == "assertion"
