"""A headline that attributes: "Holt: Bridge Will Reopen in May", "Holt Says Bridge Will Reopen",
"Bridge Will Reopen, Holt Says".

Headlines are written in title case and without articles, so the tagger cannot read them and the
body rules (:mod:`analysis.claims.cues`) leave them alone. Headline writers attribute in
three fixed shapes, read here from word shapes and the article's entity mentions:

* ``X: Y`` -- the source, a colon, what it says. ``X`` must be a name the entity stage found
  (a person, organisation, place or group) or a document word ("Poll: ...", "Report: ..."):
  "Stealth Over Health: ...", "The Latest: ..." and "DEATH TRAP: ..." are labels, not sources;
* ``X Says Y`` -- a reporting verb right after a named source;
* ``Y, X Says`` -- the same, signed at the end;
* ``Y - X`` -- signed after a dash, as wire services title a statement ("... - Gen. Staff"), ``X``
  a name the entity stage found.

``Y`` needs three words. A quoted ``Y`` is a direct quote. The headline restates the article's
lead attribution, so the row also appears beside the body's own: users who count voices per
article can drop rows whose sentence ``kind`` is ``"headline"``.
"""

from __future__ import annotations

from collections.abc import Sequence

from analysis.claims.model import Attribution
from analysis.claims.spans import trim_span
from analysis.claims.view import SentenceView

__all__ = ["headline_attribution"]

_LABELS = frozenset("PERSON ORG GPE NORP".split())
_DASHES = frozenset("- ― — –".split())
#: Tokens in the longest line read as a headline.
_LONGEST = 40
#: Opening quote marks and the marks that close them.
_PAIRS = {'"': '"', "“": "”", "'": "'’", "‘": "’", "«": "»"}
#: Reporting verbs a headline uses (its present or past forms).
_HEADLINE_CUES = frozenset(
    """says say said tells told warns warned claims claimed insists insisted vows vowed admits admitted
    denies denied reports reported urges urged predicts predicted argues argued concedes conceded
    charges charged declares declared announces announced confirms confirmed""".split()
)


def headline_attribution(
    v: SentenceView, entity_spans: Sequence[tuple[int, int, str]], documents: frozenset[str], text: str
) -> Attribution | None:
    """Read one headline's attribution, or None.

    Args:
        v: the headline's token view.
        entity_spans: ``(start, end, label)`` of the entity mentions in the headline.
        documents: document words of the claims lexicon ("poll", "report").
        text: the article's text.

    Returns:
        An attribution (speaker span set, speaker not resolved yet), or None when the headline
        does not attribute in one of the three shapes.
    """
    words, n = v.words, len(v.words)
    if n > _LONGEST:
        return None  # no headline: a first line of page text
    end = n
    while end > 0 and words[end - 1] in (".", "!"):
        end -= 1
    if end < 3 or words[end - 1] == "?":
        return None
    outside = [v.quote_of[i] < 0 for i in range(n)]
    # X: Y
    colon = next((i for i in range(1, min(end, 7)) if words[i] == ":" and outside[i]), -1)
    if colon > 0 and _source(v, 0, colon, entity_spans, documents):
        return _make(v, text, (0, colon), (colon, colon + 1), (colon + 1, end))
    # Y - X ("... - Photos", "... - Video" are page labels: only a name signs after a dash)
    dash = next((i for i in range(end - 1, 2, -1) if words[i] in _DASHES and outside[i]), -1)
    if dash > 0 and dash + 1 < end and _source(v, dash + 1, end, entity_spans, frozenset(), whole=True):
        return _make(v, text, (dash + 1, end), (dash, dash + 1), (0, dash))
    # X Says Y  /  Y, X Says
    for c in range(1, end):
        if words[c] not in _HEADLINE_CUES or not outside[c]:
            continue
        first = _source_ending(v, c, entity_spans, documents)
        if first is None:
            continue
        if c == end - 1 and first > 1 and words[first - 1] == ",":
            return _make(v, text, (first, c), (c, c + 1), (0, first - 1))
        if first == 0:
            start = c + 1 + (c + 1 < end and words[c + 1] == "that")
            return _make(v, text, (0, c), (c, c + 1), (start, end))
        return None
    return None


def _source(
    v: SentenceView, a: int, b: int, entity_spans: Sequence, documents: frozenset[str], *, whole: bool = False
) -> bool:
    """Whether tokens ``a..b`` name a source: an entity mention ending where they end and starting
    at their first token (after a title at most), or a document word; ``whole``: the mention is all
    of them."""
    if all(v.toks[k].text.isupper() for k in range(a, b) if v.toks[k].text.isalpha()):
        return False  # "DEATH TRAP: ...", "UPDATE: ...": a label shouted in capitals
    if b - a == 1 and v.words[a] in documents:
        return True
    # the name opens the phrase, after a title at most ("Sen. Holt: ..."), not "Stealth Over Holt: ..."
    first_ok = {v.toks[a].start}
    if b - a > 1 and v.toks[a].text.endswith(".") and not whole:
        first_ok.add(v.toks[a + 1].start)
    last_end = v.toks[b - 1].end
    return any(e == last_end and s in first_ok and label in _LABELS for s, e, label in entity_spans)


def _source_ending(v: SentenceView, c: int, entity_spans: Sequence, documents: frozenset[str]) -> int | None:
    """First token of a named source that ends right before token ``c``, or None."""
    end_char = v.toks[c - 1].end
    if v.words[c - 1] in documents:
        return c - 1
    for s, e, label in entity_spans:
        if e == end_char and label in _LABELS:
            k = c - 1
            while k > 0 and v.toks[k - 1].start >= s:
                k -= 1
            return k
    return None


def _make(
    v: SentenceView, text: str, speaker: tuple[int, int], cue: tuple[int, int], content: tuple[int, int]
) -> Attribution | None:
    toks, words = v.toks, v.words
    c0, c1 = content
    if sum(1 for w in words[c0:c1] if w[:1].isalnum()) < 3:
        return None
    start, end = trim_span(text, toks[c0].start, toks[c1 - 1].end)
    quote = "indirect"
    pair = _PAIRS.get(text[start : start + 1])
    if pair and end - start > 2 and text[end - 1] in pair and not any(q in text[start + 1 : end - 1] for q in pair):
        start, end = trim_span(text, start + 1, end - 1)  # 'Holt: "The Bridge Will Reopen"'
        quote = "direct"
    if end <= start:
        return None
    a = Attribution(
        v.sentence.index,
        text[toks[cue[0]].start : toks[cue[1] - 1].end],
        toks[cue[0]].start,
        toks[cue[1] - 1].end,
        start,
        end,
        quote,
    )
    s0, s1 = speaker
    a.speaker_start, a.speaker_end = toks[s0].start, toks[s1 - 1].end
    a.speaker_text = text[a.speaker_start : a.speaker_end]
    a.head = words[s1 - 1]
    a.head_start, a.head_end = toks[s1 - 1].start, toks[s1 - 1].end
    return a
