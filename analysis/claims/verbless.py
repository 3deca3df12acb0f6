"""Attributions without a reporting verb: ``according to X``, a nominal cue after its possessor
(``her view that Y``, ``the mayor's claim that Y``), a transcript line (``HOLT: Y``)."""

from __future__ import annotations

from analysis.claims.model import Attribution
from analysis.claims.noun_phrases import np_left, np_right, set_speaker
from analysis.claims.spans import content_span, trim_end
from analysis.claims.view import FINITE, SentenceView
from analysis.claims.words import CLAUSE_LINKS, NOUN_TAGS, QUESTION_LEADS, QUOTE_MARKS

#: Possessive pronouns before a nominal cue ("her view that") and the pronoun that names the same person.
_POSSESSIVES = {"his": "he", "her": "she", "their": "they", "its": "it", "my": "i", "our": "we"}


def according(v: SentenceView, c0: int, c1: int, text: str) -> list[Attribution]:
    words, toks, n = v.words, v.toks, len(v.words)
    right = np_right(v, c1)
    if right is None:
        return []
    r0, r1 = right
    cue = dict(cue=text[toks[c0].start : toks[c1 - 1].end], cue_start=toks[c0].start, cue_end=toks[c1 - 1].end)
    before_words = sum(1 for w in words[:c0] if w[:1].isalnum())
    if before_words >= 3:
        end = c0 - 1 if c0 > 0 and words[c0 - 1] == "," else c0
        c_start, c_end = (
            toks[0].start,
            trim_end(text, toks[0].start, toks[end - 1].end if end > 0 else toks[0].start),
        )
    elif r1 < n and words[r1] == ",":
        c_start, c_end = content_span(v, r1 + 1, n, text)
    else:
        return []
    if c_end <= c_start:
        return []
    a = Attribution(v.sentence.index, quote="indirect", content_start=c_start, content_end=c_end, **cue)
    set_speaker(v, a, r0, r1, text)
    return [a]


def nominal(v: SentenceView, text: str, nominal_cues: frozenset[str], heads: frozenset[str]) -> list[Attribution]:
    """Nominal cues after a possessor: "her view that Y", "the mayor's claim that Y"."""
    words, tags, toks, n = v.words, v.tags, v.toks, len(v.words)
    out = []
    for i in range(1, n - 2):
        if words[i] not in nominal_cues or words[i + 1] != "that" or v.quote_of[i] >= 0:
            continue
        if tags[i + 2].startswith("VB") or tags[i + 2] == "MD":
            continue  # "the claim that was rejected": a relative clause
        p = i - 1
        while p > 0 and tags[p].startswith("JJ"):
            p -= 1  # "her long-held view that"
        if words[p] in _POSSESSIVES and tags[p] == "PRP$":
            first, end = p, p + 1
        elif tags[p] == "POS" and p > 0:
            np = np_left(v, p - 1, heads)
            if np is None or tags[np[1] - 1] not in NOUN_TAGS:
                continue
            first, end = np
        else:
            continue
        if first > 0 and words[first - 1] in QUESTION_LEADS:
            continue
        stop = n
        if not v.finite_between(0, first):  # "The mayor's claim that Y drew laughter": Y ends at "drew"
            verbs = [k for k in range(i + 2, n) if tags[k] in FINITE and v.quote_of[k] < 0]
            outer = next((k for k in verbs[1:] if words[k - 1] not in CLAUSE_LINKS), None)
            stop = outer if outer is not None else n
        c_start, c_end = content_span(v, i + 2, stop, text)
        if c_end <= c_start or not v.finite_between(i + 2, min(stop, i + 11)):
            continue
        a = Attribution(
            v.sentence.index,
            text[toks[i].start : toks[i].end],
            toks[i].start,
            toks[i].end,
            c_start,
            c_end,
            "indirect",
        )
        set_speaker(v, a, first, end, text)
        a.head = _POSSESSIVES.get(words[first], a.head) if end - first == 1 else a.head
        out.append(a)
    return out


def transcript(v: SentenceView, text: str, page_labels: frozenset[str]) -> list[Attribution]:
    """A transcript line: 'PENCE: Well, the question really is ...' (a name in capitals, a colon)."""
    words, toks, n = v.words, v.toks, len(v.words)
    i = 1 if n and words[0] in QUOTE_MARKS else 0
    j = i
    while j < min(n, i + 3) and toks[j].text.isalpha() and toks[j].text.isupper() and len(toks[j].text) > 1:
        j += 1
    if j == i or j + 3 >= n or words[j] != ":" or (v.quote_of[j] >= 0 and i == 0):
        return []
    if " ".join(words[i:j]) in page_labels:
        return []  # "UPDATE: ...", "NOTE: ..."
    if not ((i == 0 and v.sentence.start == 0) or text[: toks[i].start].rstrip(' "“').endswith("\n")):
        return []  # the name must open its paragraph
    c_start, c_end = content_span(v, j + 1, n, text)
    if sum(1 for w in words[j + 1 :] if w[:1].isalnum()) < 3 or c_end <= c_start:
        return []
    # no quote chain: a transcript's quote marks often never close; the next lines carry over
    a = Attribution(v.sentence.index, ":", toks[j].start, toks[j].end, c_start, c_end, "direct")
    set_speaker(v, a, i, j, text)
    return [a]
