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
  or brackets), or opens with an interrogative complementiser or a question
  word followed by an auxiliary ("Whether ...", "Why did ...", "Is it ..."),
  which is how an embedded question reads once the cue "asked" is split off;
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

_TRAILING = " \t\n\"'”’»)]}…."
_AUX = (
    r"(?:is|are|was|were|am|do|does|did|has|have|had|can|could|will|would|shall|should|may|might|must|"
    r"isn't|aren't|wasn't|weren't|don't|doesn't|didn't|hasn't|haven't|won't|wouldn't|can't|couldn't|shouldn't)"
)
_LEAD = r"^[\s\"'“‘(\[—–-]*"
#: An embedded question raised, not answered ("whether ...", "if ... or not" after "asked").
_EMBEDDED = re.compile(_LEAD + r"whether\b", re.IGNORECASE)
#: A direct question without its question mark (cut off by the content span): wh-word + auxiliary, or auxiliary first.
_DIRECT = re.compile(
    _LEAD
    + r"(?:(?:why|how|what|who|whom|where|when|which)\s+"
    + _AUX
    + r"\s+\w+|"
    + _AUX
    + r"\s+(?:you|we|they|he|she|it|i|there)\s+\w+\b[^.!]*$)",
    re.IGNORECASE,
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
    stripped = text.rstrip(_TRAILING) if not text.rstrip(" \t\n\"'”’»)]}").endswith("?") else text
    if text.rstrip(" \t\n\"'”’»)]}").endswith("?") or _EMBEDDED.match(text) or _DIRECT.match(stripped):
        return "question"
    if _CONDITIONAL.match(text):
        return "conditional"
    if _HYPOTHETICAL.search(text):
        return "hypothetical"
    return "assertion"


def is_assertion(text: str) -> bool:
    """Whether ``text`` asserts its content (:func:`mood` is ``"assertion"``).

    >>> is_assertion("Police arrested 23."), is_assertion("Is the fund solvent?")
    (True, False)
    """
    return mood(text) == "assertion"
