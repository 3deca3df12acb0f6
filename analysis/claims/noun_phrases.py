"""The noun phrases of one sentence that name a speaker: before its cue, after it, an appositive.

A speaker is the noun phrase right before a cue ("the senior officer said"), after it
(""Y," said the mayor"), or the name set off by an appositive's commas ("Dana Holt,
a senior officer, said"); :func:`set_speaker` records its character span and head word.
"""

from __future__ import annotations

from collections.abc import Sequence

from analysis.claims.model import Attribution
from analysis.claims.speakers import PRONOUNS
from analysis.claims.view import SentenceView
from analysis.claims.words import CONNECT, NOT_NP, NOUN_TAGS, NP_TAGS, QUOTE_MARKS

# a speaker's head noun comes before these: "the complaint to the board on ethics", "a spokesman for X"
_HEAD_ENDS = CONNECT - {"and"}
#: Adjectives that follow the noun of a speaker phrase with their preposition: "people close to the
#: mayor", "officials familiar with the talks", "lawmakers loyal to the speaker".
_POSTNOMINAL = frozenset("close familiar loyal allied opposed sympathetic friendly".split())
_OBJECT_PRONOUNS = frozenset("him her them us me".split())
#: Prepositions after a participle that describes a source: "research conducted by X", "polls taken
#: over the past two weeks", "a memo sent to staff".
_PARTICIPLE_LINKS = frozenset("by over in from at on for during to with among since".split())


def np_left(v: SentenceView, i: int, heads: frozenset[str]) -> tuple[int, int] | None:
    """The noun phrase ending at token ``i`` as ``(first, end)`` tokens, or None."""
    words, tags = v.words, v.tags
    if i < 0 or v.quote_of[i] >= 0:
        return None
    if is_pronoun(v, i) or is_object_pronoun(v, i):
        # "those close to him", "a spokeswoman for her": the pronoun ends a longer phrase
        if i > 1 and words[i - 1] in _HEAD_ENDS:
            longer = np_left(v, i - 2, heads)
            if longer is not None and (tags[longer[1] - 1] in NOUN_TAGS or words[longer[1] - 1] in _POSTNOMINAL):
                return longer[0], i + 1
        return (i, i + 1) if is_pronoun(v, i) else None
    if tags[i] == "PRP" and not v.toks[i].text.isupper():
        return None
    if words[i] in _POSTNOMINAL and i > 0 and words[i - 1] in ("those", "people", "sources", "officials"):
        return i - 1, i + 1  # reached from "close to him": "those close"
    noun_slot = i > 0 and tags[i - 1] in ("DT", "CD", "PRP$") and words[i][:1].isalpha()  # "one slide says"
    named = tags[i] in NOUN_TAGS or v.toks[i].text[:1].isupper() or words[i] in heads
    if not named and not noun_slot:
        return None
    k = i
    count = 0
    while k >= 0 and count < 14:
        w, t = words[k], tags[k]
        if v.quote_of[k] >= 0:
            break
        if w in NOT_NP:
            if w == "those" and k < i and words[k + 1] in _POSTNOMINAL:
                k -= 1  # "those close to the campaign"
                count += 1
            break
        ok = t in NP_TAGS or w in CONNECT or w == "'s" or ("-" in w and t[:2] in ("VB", "JJ", "NN"))
        # "a leaked memo", '..." retired judge Ona Pell said': a participle opening a noun phrase
        opens = (
            k == 0
            or tags[k - 1] in ("DT", "PRP$")
            or words[k - 1] in QUOTE_MARKS
            or words[k - 1] == ","
            or (tags[k - 1] == "RB" and words[k - 1].endswith("ly"))  # "newly filed reports"
        )
        between = k < i and opens and tags[k + 1] in NOUN_TAGS
        ok = ok or (t in ("VBN", "VBG") and between)
        # "research conducted by the institute", "polls taken in May", "a study being released on Tuesday by ...":
        # a participle after its noun
        being = k > 1 and words[k - 1] == "being" and tags[k - 2] in NOUN_TAGS
        after_noun = k > 0 and (tags[k - 1] in NOUN_TAGS or being)
        ok = ok or (t == "VBN" and k < i and after_noun and words[k + 1] in _PARTICIPLE_LINKS)
        ok = ok or (w == "being" and k < i and k > 0 and tags[k - 1] in NOUN_TAGS and tags[k + 1] == "VBN")
        # "of newly filed reports": an adverb on the participle or adjective that follows
        ok = ok or (t == "RB" and w.endswith("ly") and k + 1 < i and tags[k + 1] in ("VBN", "JJ"))
        # "people close to the mayor": an adjective after the noun, with its preposition
        ok = ok or (w in _POSTNOMINAL and k < i and words[k + 1] in CONNECT | {"with"})
        # "familiar with the talks", "polls taken over the past two weeks": a preposition that
        # belongs to the adjective or participle before it
        linking = (w == "with" and k > 0 and words[k - 1] in _POSTNOMINAL) or (
            w in _PARTICIPLE_LINKS
            and k > 1
            and tags[k - 1] == "VBN"
            and (tags[k - 2] in NOUN_TAGS or (words[k - 2] == "being" and k > 2 and tags[k - 3] in NOUN_TAGS))
        )
        ok = ok or linking
        if not ok:
            break
        if k < i and tags[k + 1] in ("DT", "PRP$") and w not in CONNECT and t != "VBN" and not linking:
            break  # "Moscow | the ministry"
        k -= 1
        count += 1
    first = k + 1
    while first <= i and (words[first] in CONNECT or tags[first] == "POS"):
        first += 1
    if first > i:
        return None
    return first, i + 1


def np_right(v: SentenceView, j: int, *, stop_at_that: bool = False) -> tuple[int, int] | None:
    """The noun phrase starting at token ``j``, or None."""
    words, tags, n = v.words, v.tags, len(v.words)
    if j >= n or v.quote_of[j] >= 0:
        return None
    if is_pronoun(v, j) or is_object_pronoun(v, j):  # "told them", "told reporters"
        return j, j + 1
    k = j
    last_noun = -1
    while k < n and k - j < 14:
        w, t = words[k], tags[k]
        if v.quote_of[k] >= 0 or w in NOT_NP:
            break
        if t in ("DT", "PRP$") and k > j and tags[k - 1] in NOUN_TAGS:
            break  # a determiner right after a noun starts the next phrase: "told reporters | the city had"
        ok = t in NP_TAGS or w in CONNECT or w == "'s" or ("-" in w and t[:2] in ("VB", "JJ", "NN"))
        if not ok:
            break
        if t in NOUN_TAGS:
            last_noun = k
        k += 1
    if last_noun < 0:
        return None
    return j, last_noun + 1


def appositive(v: SentenceView, comma: int, heads: frozenset[str]) -> tuple[int, int] | None:
    """``NAME, a senior officer ..., said``: the NAME before the appositive's opening comma."""
    words = v.words
    k = comma - 1
    limit = max(-1, comma - 40)  # "Dr. Ann Holt, who as a navy captain was ..., said"
    while k > limit and words[k] != ",":
        if v.quote_of[k] >= 0 or words[k] in (".", ";", "!", "?"):
            return None
        k -= 1
    if k <= limit or words[k] != ",":
        return None
    inner = (k + 1, comma)
    if inner[0] >= inner[1]:
        return None
    relative = any(w in ("who", "which", "whose", "whom") for w in words[inner[0] : inner[1]]) or any(
        words[j] == "that" and v.tags[j - 1] in NOUN_TAGS for j in range(inner[0] + 1, inner[1])
    )  # "the agency that oversees the program": a relative clause on the appositive's noun
    if not relative and v.finite_between(*inner):
        return None
    before = k - 1
    if before > 0 and words[before] == ")" and v.quote_of[before] < 0:
        # "Rep. Dana Holt (D-Ore.), a member of the panel, said": the party and state before the comma
        opening = next((j for j in range(before - 1, max(before - 9, -1), -1) if words[j] == "("), -1)
        if opening > 0 and not v.finite_between(opening, before):
            before = opening - 1
    np = np_left(v, before, heads)
    if np is None or v.tags[np[1] - 1] not in NOUN_TAGS:
        return None
    tags = v.tags
    if (
        tags[np[1] - 1] in ("NN", "NNS")
        and all(tags[j] in ("NNP", "NNPS") or words[j] == "." for j in range(*inner))
        and v.toks[inner[0]].text[:1].isupper()
    ):
        # "The interior minister, Clara Voss, said": the name between the commas is the speaker
        v.appositives[inner] = " ".join(words[np[0] : np[1]])
        return inner
    v.appositives[np] = " ".join(words[inner[0] : inner[1]])
    return np


def set_speaker(v: SentenceView, a: Attribution, first: int, end: int, text: str) -> None:
    toks, words = v.toks, v.words
    a.speaker_start, a.speaker_end = toks[first].start, toks[end - 1].end
    a.speaker_text = text[a.speaker_start : a.speaker_end]
    head = head_of(words, first, end, v.tags)
    a.head = words[head]
    a.indefinite = words[first] in ("a", "an") or (
        words[head].endswith("s") and words[first] not in ("the",) and v.tags[head] in ("NNS", "NNPS")
    )
    a.appositive = v.appositives.get((first, end), "")
    a.head_start = toks[head].start
    a.head_end = toks[head].end


def is_pronoun(v: SentenceView, i: int) -> bool:
    """A personal pronoun written as one ("he", "She"), not the name "US"."""
    text = v.toks[i].text
    return v.words[i] in PRONOUNS and (text == "I" or not text.isupper() or len(text) == 1)


def is_object_pronoun(v: SentenceView, i: int) -> bool:
    """An object pronoun ("him", "them"), not the name "US"."""
    if v.words[i] not in _OBJECT_PRONOUNS or (v.toks[i].text.isupper() and len(v.toks[i].text) > 1):
        return False
    # "told her aides": a possessive before its noun
    return not (i + 1 < len(v.words) and v.tags[i + 1] in ("NN", "NNS", "NNP", "NNPS", "JJ", "CD"))


def head_of(words: Sequence[str], first: int, end: int, tags: Sequence[str] | None = None) -> int:
    """The head of the noun phrase ``first..end``: the last word before its first preposition
    ("spokesman" in "a spokesman for X", "study" in "a 2014 study by professor Levitt"), before a
    participle that describes it ("research" in "research conducted by X") or before an adjective
    that follows it ("people" in "people close to the mayor")."""
    for k in range(first + 1, end):
        participle = tags is not None and tags[k] == "VBN" and tags[k - 1] in NOUN_TAGS
        if words[k] in _HEAD_ENDS or participle or words[k] in _POSTNOMINAL:
            return k - 1
    return end - 1
