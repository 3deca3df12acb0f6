"""One sentence as the attribution finder reads it: tokens, words, tags, quotes, finite verbs.

:func:`sentence_view` reads a sentence; :class:`SentenceView` holds the per-sentence lists
the cue, speaker and content rules walk over, and the running counts (finite verbs, quote
marks, finite tags) that let each question about a stretch of the sentence be answered in
constant time.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field

from analysis.claims.lexicon import norm
from analysis.claims.model import Attribution
from analysis.claims.words import SUBJECT_TAGS
from analysis.text import Document, Sentence
from analysis.text.quotes import Quote

__all__ = ["FINITE", "SentenceView", "sentence_view", "tok_at"]

#: Part-of-speech tags of finite verbs.
FINITE = frozenset("VBD VBZ VBP MD".split())
_VBN_SUBJECTS = frozenset("NN NNS NNP NNPS PRP CD".split())
_SINGLE_QUOTES = frozenset("‘’")
#: Words whose "'s" is "is" or "has": "he's", "it's", "there's", "that's".
_CONTRACTING = frozenset("he she it there that what who where here".split())


@dataclass
class SentenceView:
    """Token views of one sentence."""

    sentence: Sentence
    toks: Sequence
    words: list[str]
    tags: list[str]
    quote_of: list[int]  # index into doc quotes, -1 outside
    finite_prefix: list[int]
    appositives: dict = field(default_factory=dict)
    _starts: list[int] | None = None
    _marks: list[int] | None = None
    _tag_prefix: list[int] | None = None
    _floor: tuple[list | None, int, int] = (None, 0, 0)  # (the attribution list, how many read, the floor so far)
    _semicolons: list[int] | None = None

    def next_semicolon(self, j: int) -> int:
        """Index of the first semicolon outside quotes at or after token ``j`` (the sentence's length
        when there is none), from a table built once per sentence."""
        if self._semicolons is None:
            n = len(self.words)
            table = [n] * (n + 1)
            for k in range(n - 1, -1, -1):
                table[k] = k if self.words[k] == ";" and self.quote_of[k] < 0 else table[k + 1]
            self._semicolons = table
        return self._semicolons[min(max(j, 0), len(self.words))]

    def finite_between(self, a: int, b: int) -> bool:
        return b > a and self.finite_prefix[b] - self.finite_prefix[a] > 0

    def opening_marks(self, text: str, start: int, stop: int) -> int:
        """How many '"' and '“' marks ``text[start:stop]`` holds, from a running count built once per sentence."""
        base = self.sentence.start
        if not (base <= start <= stop <= self.sentence.end):
            return text.count('"', start, stop) + text.count("“", start, stop)
        if self._marks is None:
            running, marks = 0, [0]
            for ch in text[base : self.sentence.end]:
                running += ch == '"' or ch == "“"
                marks.append(running)
            self._marks = marks
        return self._marks[stop - base] - self._marks[start - base]

    def finite_tag_between(self, a: int, b: int) -> bool:
        """Whether a token in ``a..b`` is tagged finite, quoted or not (a running count built once)."""
        if self._tag_prefix is None:
            running, prefix = 0, [0]
            for t in self.tags:
                running += t in FINITE
                prefix.append(running)
            self._tag_prefix = prefix
        return b > a and self._tag_prefix[b] - self._tag_prefix[a] > 0

    def token_starts(self) -> list[int]:
        """The tokens' start offsets, built once per sentence (for bisecting)."""
        if self._starts is None:
            self._starts = [t.start for t in self.toks]
        return self._starts

    def region_start(self, earlier: list[Attribution]) -> int:
        """Where a content before a cue may start: after everything the sentence's earlier attributions hold.

        ``earlier`` only grows while a sentence is read, so the floor is kept and
        only the attributions added since the last call are read (linear in a
        sentence with thousands of claims, not quadratic).
        """
        held, seen, floor = self._floor
        if held is not earlier or seen > len(earlier):
            seen, floor = 0, self.toks[0].start
        for a in earlier[seen:]:
            floor = max(floor, a.content_end, a.speaker_end, a.cue_end)
        self._floor = (earlier, len(earlier), floor)
        return floor


def tok_at(v: SentenceView, offset: int) -> int:
    lo, hi = 0, len(v.toks)
    while lo < hi:
        mid = (lo + hi) // 2
        if v.toks[mid].start < offset:
            lo = mid + 1
        else:
            hi = mid
    return lo


def sentence_view(doc: Document, sentence: Sentence, quotes: list[Quote], quote_starts: list[int]) -> SentenceView:
    """Read one sentence of ``doc``: its words, tags (names in capitals and "he's" set right), which
    quote each token lies in (a paired single quote read as the double quote it stands for) and the
    running count of finite verbs outside quotes."""
    toks = doc.sentence_tokens(sentence.index)
    words = [norm(t.text) for t in toks]
    # the tagger calls "US" a pronoun; names in capitals are proper nouns here
    tags = ["NNP" if t.pos == "PRP" and len(t.text) > 1 and t.text.isupper() else t.pos for t in toks]
    for i in range(1, len(words)):
        if words[i] in ("'s", "’s") and words[i - 1] in _CONTRACTING:
            tags[i] = "VBZ"  # "he's not being audited": "is" or "has", never a possessive after a pronoun
    quote_of = [-1] * len(toks)
    qi = max(bisect_right(quote_starts, sentence.start) - 1, 0)
    for i, tok in enumerate(toks):
        while qi < len(quotes) and quotes[qi].end <= tok.start:
            qi += 1
        if qi < len(quotes) and quotes[qi].start <= tok.start < quotes[qi].end:
            quote_of[i] = qi
            if tok.text in _SINGLE_QUOTES:  # a paired single quote reads as the double quote it stands for
                q = quotes[qi]
                if tok.start == q.start:
                    words[i], tags[i] = "“", '"'
                elif q.closed and tok.start == q.end - 1:
                    words[i], tags[i] = "”", '"'  # not the possessive the tagger takes it for
    prefix = [0]
    for i, tag in enumerate(tags):
        finite = quote_of[i] < 0 and (
            (tag in FINITE and not _noun_slot(tags, i))
            # a past or plain form right after its subject: "the plant passed", "the two raised", "jobs depend"
            or (tag in ("VBN", "VB") and i > 0 and tags[i - 1] in _VBN_SUBJECTS and words[i - 1] != "'s")
            # a plain present form after an adverb or a relative pronoun that follows its subject:
            # "the job sometimes erase", "the demands that come with it"
            or (
                tag == "VB"
                and i > 1
                and (tags[i - 1] == "RB" or words[i - 1] in ("that", "who", "which"))
                and tags[i - 2] in SUBJECT_TAGS
            )
        )
        prefix.append(prefix[-1] + (1 if finite else 0))
    return SentenceView(sentence, toks, words, tags, quote_of, prefix)


def _noun_slot(tags: Sequence[str], i: int) -> bool:
    """True when a word tagged as a verb sits where a noun goes: after a determiner or possessive
    ("the claims", "its reports"), or after an adjective that follows one ("the new claims")."""
    if i == 0:
        return False
    if tags[i - 1] in ("DT", "PRP$", "POS"):
        return True
    return tags[i - 1] == "JJ" and i > 1 and tags[i - 2] in ("DT", "PRP$", "POS")
