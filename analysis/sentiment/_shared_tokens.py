"""One tokenisation of a sentence for the three sentiment scorers, cached per word.

VADER (:mod:`analysis.sentiment._vader`), Pattern (:mod:`analysis.sentiment._pattern`) and ``tone``
(:mod:`analysis.sentiment`) all start from the whitespace-delimited tokens of a
sentence. This module computes, once per distinct token, everything the three
need about it and keeps it in one cache, so a sentence costs one ``split``, one
dictionary lookup per token and a few C-level passes (``zip``, ``any``,
``itertools.compress``) before any scoring rule runs:

* VADER's word (punctuation stripped) in lower case, the ALL-CAPS flag,
  whether it ends a clause, and whether ``compound`` scores it;
* Pattern's pieces of the token (space-joined, original case) and whether any
  piece, lower-cased, can change ``polarity`` / ``subjectivity``.

The rules themselves stay in their modules; this one only shares the work.
A sentence whose emoji VADER would rewrite (so VADER's tokens differ from
Pattern's) gets ``None`` and is scored by the separate routes.

Nothing is loaded at import; :func:`get_tokenizer` builds the cache once.
"""

from __future__ import annotations

from functools import cache
from itertools import compress
from sys import intern
from typing import NamedTuple

_CACHE_LIMIT = 200_000


class Token(NamedTuple):
    """What the scorers need about one whitespace-delimited token (cached as a plain tuple)."""

    low: str  # VADER's word (leading/trailing punctuation stripped, kept when that leaves <= 2 chars), lower case
    caps: bool  # VADER's word isupper()
    clause_end: bool  # the token ends with , ; or :
    vader_hit: bool  # compound scores this word
    vader_context: bool  # a word VADER's rules look at around a scored word (negation, booster, idiom, ...)
    pieces: str  # Pattern's pieces of the token, space-joined, original case ("" for none)
    pattern_hit: bool  # a lower-cased piece is a Pattern word, negation, "!" or emoticon


#: What :meth:`SharedTokenizer.sentence` returns (a plain tuple, cheaper to build than a NamedTuple):
#: ``(lows, caps, clause_ends, vader_hits, vader_context, pattern_text, pattern_hit)`` where
#: ``lows``, ``caps``, ``clause_ends`` and ``vader_context`` hold one entry per token (as in
#: :class:`Token`), ``vader_hits`` lists the positions ``compound`` scores, ``pattern_text`` is
#: Pattern's pieces joined with spaces (before its cross-token rules) and ``pattern_hit`` tells
#: whether some piece can change Pattern's scores. VADER's scoring (``compound`` and ``tone``)
#: reads only the lower-case words, so the words as written are not kept.
Sentence = tuple[tuple[str, ...], tuple[bool, ...], tuple[bool, ...], list[int], tuple[bool, ...], str, bool]

_EMPTY: Sentence = ((), (), (), [], (), "", False)


class SharedTokenizer:
    """Per-token cache feeding VADER's, Pattern's and ``tone``'s rules."""

    def __init__(self) -> None:
        from analysis.sentiment._pattern import get_scorer as pattern_scorer
        from analysis.sentiment._vader import get_scorer as vader_scorer

        self.vader = vader_scorer()
        self.pattern = pattern_scorer()
        self._cache: dict[str, tuple] = {}  # token -> the fields of Token
        # the sets behind VaderScorer.is_hit / is_context and PatternScorer.is_hit, looked up
        # directly (no method call per token)
        self._vader_hits = frozenset(self.vader.lexicon.keys() - self.vader.boosters.keys())
        self._vader_context = self.vader.context_words
        self._pattern_hits = self.pattern.hit_words

    def clear(self) -> None:
        """Empty the per-token cache (benchmarks measure cold runs)."""
        self._cache.clear()

    def _token(self, t: str) -> tuple:
        """Return the :class:`Token` fields of one whitespace-delimited token (a plain tuple).

        Equal strings are shared (the lower case is the token itself when equal,
        other lower-case forms are interned), so a sentence touches fewer string
        objects: memory access is most of the cost on a large vocabulary.
        """
        if t.isalnum():  # the common case: nothing to strip or split, no "n't"
            low = t.lower()
            low = t if low == t else intern(low)
            return (
                low,
                t.isupper(),
                False,
                low in self._vader_hits,
                low in self._vader_context,
                t,
                low in self._pattern_hits,
            )
        word, low, caps, clause_end = self.vader.word_entry(t)
        low = word if low == word else intern(low)
        pieces = self.pattern.pieces_of(t)
        joined = " ".join(pieces)
        return (
            low,
            caps,
            clause_end,
            low in self._vader_hits,
            low in self._vader_context or "n't" in low,
            t if joined == t else joined,
            not self._pattern_hits.isdisjoint(map(str.lower, pieces)),
        )

    def sentence(self, text: str) -> Sentence | None:
        """Return the shared tokens of ``text``, or None when VADER would rewrite emoji in it."""
        if not text.isascii() and self.vader.demojize(text) is not text:
            return None
        parts = text.split()
        if not parts:
            return _EMPTY
        cache = self._cache
        try:
            entries = list(map(cache.__getitem__, parts))
        except KeyError:
            if len(cache) >= _CACHE_LIMIT:
                cache.clear()
            for t in set(parts).difference(cache):
                cache[t] = self._token(t)
            entries = list(map(cache.__getitem__, parts))
        lows, caps, clause_ends, vader_hit, vader_context, pieces, pattern_hit = zip(*entries, strict=True)
        return (
            lows,
            caps,
            clause_ends,
            list(compress(range(len(lows)), vader_hit)),
            vader_context,
            " ".join(filter(None, pieces)),
            any(pattern_hit),
        )


@cache
def get_tokenizer() -> SharedTokenizer:
    """Return the shared :class:`SharedTokenizer` (built on first use)."""
    return SharedTokenizer()
