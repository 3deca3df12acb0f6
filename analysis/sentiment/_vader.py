"""A fast re-statement of vaderSentiment's ``compound`` score.

``SentimentIntensityAnalyzer.polarity_scores`` rebuilds lower-cased word lists
several times for every lexicon word it meets. This module applies the same
rules (lexicon, boosters, negation window, "no", ALL-CAPS emphasis, special
idioms, "least", the contrastive "but" including its position quirk,
punctuation emphasis and normalisation) once per sentence, with a cache of the
per-token work. The lexicon, emoji table, booster list, negations and constants
are read from the installed ``vaderSentiment`` package, never copied.
``tests/test_sentiment.py`` checks that ``compound`` equals
``polarity_scores(text)["compound"]``.

What is read and what is re-stated: the lexicon, the emoji table,
``BOOSTER_DICT``, ``NEGATE``, ``SPECIAL_CASES``, ``N_SCALAR``, ``C_INCR`` and
``normalize`` (with its alpha 15) come from ``vaderSentiment.vaderSentiment``
at run time. The numbers written in the rules here are copied from
vaderSentiment 3.3.2's ``SentimentIntensityAnalyzer`` (MIT licence): the
booster damping 0.95 / 0.9 for a booster two / three words back, 1.25 for
"never so / this" and "without doubt", 0.5 / 1.5 before / after "but",
0.292 per "!" (at most four), 0.18 per "?" (from two, 0.96 above three), the
three-word windows of negation and boosters, and the "least" rule. A newer
vaderSentiment that changes any of them is caught at first use: see
:func:`analysis.sentiment.check.check_fast_paths`.

The tokens are also exposed (:meth:`VaderScorer.tokens`) because
:mod:`analysis.sentiment` computes its own ``tone`` on the same words.

Nothing is loaded at import; :func:`get_scorer` builds the scorer once.
"""

from __future__ import annotations

import heapq
import string
from collections.abc import Sequence
from functools import cache

_CACHE_LIMIT = 200_000


class VaderScorer:
    """VADER's compound score, computed with the package's own resources."""

    def __init__(self) -> None:
        from vaderSentiment import vaderSentiment as vs

        analyzer = vs.SentimentIntensityAnalyzer()
        self.lexicon: dict[str, float] = dict(analyzer.lexicon)
        self.emojis: dict[str, str] = dict(analyzer.emojis)
        self.boosters: dict[str, float] = dict(vs.BOOSTER_DICT)
        self.negations = frozenset(vs.NEGATE)
        self.special_cases: dict[str, float] = dict(vs.SPECIAL_CASES)
        self.n_scalar = vs.N_SCALAR
        self.c_incr = vs.C_INCR
        self._normalize = vs.normalize
        self._punctuation = string.punctuation
        self._cache: dict[str, tuple[str, str, bool, bool]] = {}
        self._emoji_chars = frozenset(k for k in self.emojis if len(k) == 1)
        # one word of every multi-word idiom or booster: where none of them is near a
        # word, no idiom can apply to it (a fast exit from _idioms)
        self._idiom_words = frozenset(
            max(key.split(), key=lambda w: (len(w), w)) for key in (*self.special_cases, *self.boosters) if " " in key
        )
        #: Words that change a neighbour's score (negations, boosters, idiom words): the shared tokenizer reads it.
        self.context_words = (
            self.negations
            | {k for k in self.boosters if " " not in k}
            | {"no", "never", "so", "this", "least", "without", "kind"}
            | self._idiom_words
        )

    # -- tokens -----------------------------------------------------------------------------
    def _demojize(self, text: str) -> str:
        emojis = self.emojis
        if not any(ch in emojis for ch in text):
            return text
        out: list[str] = []
        prev_space = True
        for ch in text:
            description = emojis.get(ch)
            if description is not None:
                if not prev_space:
                    out.append(" ")
                out.append(description)
                prev_space = False
            else:
                out.append(ch)
                prev_space = ch == " "
        return "".join(out).strip()

    def tokens(self, text: str) -> tuple[tuple[str, ...], tuple[str, ...], tuple[bool, ...], tuple[bool, ...]]:
        """Return VADER's words for ``text``: as written, lower-cased, ALL-CAPS flags,
        and whether the original token ended a clause (``,`` ``;`` ``:``).

        Emoji become their descriptions; leading and trailing punctuation is
        stripped from words that keep more than two characters (so ``:)`` stays).
        """
        parts = self.demojize(text).split()
        cache = self._cache
        entries = list(map(cache.get, parts))
        if None in entries:
            if len(cache) >= _CACHE_LIMIT:
                cache.clear()
            for k, entry in enumerate(entries):
                if entry is None:
                    t = parts[k]
                    entries[k] = cache[t] = self.word_entry(t)
        if not entries:
            return (), (), (), ()
        words, lows, caps, clause = zip(*entries, strict=True)
        return words, lows, caps, clause

    def word_entry(self, t: str) -> tuple[str, str, bool, bool]:
        """Return ``(word, lower-cased, ALL-CAPS, ends a clause)`` for one whitespace-delimited token."""
        stripped = t if t.isalnum() else t.strip(self._punctuation)
        if len(stripped) <= 2:
            stripped = t
        return stripped, stripped.lower(), stripped.isupper(), t.endswith((",", ";", ":"))

    def is_context(self, low: str) -> bool:
        """True when the rules around a scored word look at this word.

        Negations (and any "n't" form), boosters, "no", "never", "so", "this",
        "least", "without", "kind" and the words of multi-word idioms. A scored
        word with none of these among the three words before it and the two after
        it (nor itself one) has its lexicon valence, changed only by ALL-CAPS.
        """
        return low in self.context_words or "n't" in low

    def is_hit(self, low: str) -> bool:
        """True when ``compound`` scores the lower-cased word (in the lexicon, not a booster)."""
        return low in self.lexicon and low not in self.boosters

    def demojize(self, text: str) -> str:
        """Return ``text`` with emoji replaced by their descriptions (``text`` itself when it has none)."""
        if text.isascii() or self._emoji_chars.isdisjoint(text):
            return text
        return self._demojize(text)

    # -- compound ---------------------------------------------------------------------------
    def _negated(self, low: str) -> bool:
        return low in self.negations or "n't" in low

    def _valence(self, i: int, lows: list[str], caps: list[bool], cap_diff: bool) -> float:
        lex = self.lexicon
        boosters = self.boosters
        n_scalar = self.n_scalar
        c_incr = self.c_incr
        n = len(lows)
        low = lows[i]
        valence = lex[low]
        if low == "no" and i != n - 1 and lows[i + 1] in lex:
            valence = 0.0
        if (
            (i > 0 and lows[i - 1] == "no")
            or (i > 1 and lows[i - 2] == "no")
            or (i > 2 and lows[i - 3] == "no" and lows[i - 1] in ("or", "nor"))
        ):
            valence = lex[low] * n_scalar
        if cap_diff and caps[i]:
            valence = valence + c_incr if valence > 0 else valence - c_incr
        for start_i in range(3):
            if i <= start_i:
                break
            j = i - start_i - 1
            prev = lows[j]
            if prev in lex:
                continue
            s = 0.0
            b = boosters.get(prev)
            if b is not None:
                s = -b if valence < 0 else b
                if cap_diff and caps[j]:
                    s = s + c_incr if valence > 0 else s - c_incr
                if start_i == 1:
                    s = s * 0.95
                elif start_i == 2:
                    s = s * 0.9
            valence = valence + s
            if start_i == 0:
                if self._negated(prev):
                    valence = valence * n_scalar
            elif start_i == 1:
                if prev == "never" and lows[i - 1] in ("so", "this"):
                    valence = valence * 1.25
                elif prev == "without" and lows[i - 1] == "doubt":
                    pass
                elif self._negated(prev):
                    valence = valence * n_scalar
            else:
                if (prev == "never" and lows[i - 2] in ("so", "this")) or lows[i - 1] in ("so", "this"):
                    valence = valence * 1.25
                elif prev == "without" and (lows[i - 2] == "doubt" or lows[i - 1] == "doubt"):
                    pass
                elif self._negated(prev):
                    valence = valence * n_scalar
                if not self._idiom_words.isdisjoint(lows[i - 3 : i + 3]):
                    valence = self._idioms(valence, lows, i)
        if i > 1 and lows[i - 1] not in lex and lows[i - 1] == "least":
            if lows[i - 2] != "at" and lows[i - 2] != "very":
                valence = valence * n_scalar
        elif i > 0 and lows[i - 1] not in lex and lows[i - 1] == "least":
            valence = valence * n_scalar
        return valence

    def _idioms(self, valence: float, lows: list[str], i: int) -> float:
        special = self.special_cases
        w3, w2, w1, w0 = lows[i - 3], lows[i - 2], lows[i - 1], lows[i]
        three_two_one = f"{w3} {w2} {w1}"
        three_two = f"{w3} {w2}"
        two_one = f"{w2} {w1}"
        for seq in (f"{w1} {w0}", f"{w2} {w1} {w0}", two_one, three_two_one, three_two):
            if seq in special:
                valence = special[seq]
                break
        n = len(lows)
        if n - 1 > i:
            seq = f"{w0} {lows[i + 1]}"
            if seq in special:
                valence = special[seq]
        if n - 1 > i + 1:
            seq = f"{w0} {lows[i + 1]} {lows[i + 2]}"
            if seq in special:
                valence = special[seq]
        for seq in (three_two_one, three_two, two_one):
            if seq in self.boosters:
                valence = valence + self.boosters[seq]
        return valence

    @staticmethod
    def _but_quirk(sentiments: list[float], but_index: int) -> list[float]:
        """VADER's "but" rule, quirk included, in O(n log n).

        vaderSentiment visits each score in order and scales the FIRST score
        equal to it (``list.index``), so with repeated values it can scale one
        word twice and another not at all. This keeps, for every value, a heap
        of the positions holding it, which gives the same result without
        rescanning the list. Zeros are skipped: scaling a zero changes nothing.
        ``compound`` keeps the quirk to stay VADER's; ``tone`` scales by position.
        """
        sentiments = list(sentiments)
        where: dict[float, list[int]] = {}
        for k, value in enumerate(sentiments):
            if value != 0:
                where.setdefault(value, []).append(k)  # ascending: already a heap
        for k in range(len(sentiments)):
            value = sentiments[k]
            if value == 0:
                continue
            heap = where[value]
            si = heap[0]
            if si == but_index:
                continue
            heapq.heappop(heap)
            if not heap:
                del where[value]
            new = value * 0.5 if si < but_index else value * 1.5
            sentiments[si] = new
            if new != 0:
                heapq.heappush(where.setdefault(new, []), si)
        return sentiments

    def punctuation_emphasis(self, text: str) -> float:
        """Return VADER's emphasis for ``!`` (up to four) and repeated ``?``."""
        ep = min(text.count("!"), 4) * 0.292
        qm_count = text.count("?")
        qm = 0.0
        if qm_count > 1:
            qm = qm_count * 0.18 if qm_count <= 3 else 0.96
        return ep + qm

    def compound(
        self,
        text: str,
        tokens: tuple[Sequence[str], Sequence[str], Sequence[bool], Sequence[bool]] | None = None,
        hits: list[int] | None = None,
        context: Sequence[bool] | None = None,
        emphasis: float | None = None,
    ) -> float:
        """Return ``polarity_scores(text)["compound"]`` of vaderSentiment.

        Args:
            text: one sentence.
            tokens: the result of :meth:`tokens` for ``text`` when already computed (only the
                lower-case words, ALL-CAPS flags and clause ends are read).
            hits: the positions of the words :meth:`is_hit` accepts, when already known.
            context: per token, :meth:`is_context`, when already known; a scored word
                with no context word near it then skips the rules that cannot apply.
            emphasis: :meth:`punctuation_emphasis` of ``text``, when already known.

        Returns:
            The compound score in [-1, 1], rounded to four decimals as VADER does.
        """
        _words, lows, caps, _clause = tokens if tokens is not None else self.tokens(text)
        if not lows:
            return 0.0
        lex = self.lexicon
        boosters = self.boosters
        if hits is None:
            hits = [i for i, low in enumerate(lows) if low in lex and low not in boosters]
        if not hits:
            return 0.0
        n_caps = sum(caps)
        cap_diff = 0 < len(lows) - n_caps < len(lows)
        values: dict[int, float] = {}
        c_incr = self.c_incr
        for i in hits:
            if context is not None and not any(context[i - 3 if i > 3 else 0 : i + 3]):
                value = lex[lows[i]]
                if cap_diff and caps[i]:
                    value = value + c_incr if value > 0 else value - c_incr
                values[i] = value
                continue
            if lows[i] == "kind" and i < len(lows) - 1 and lows[i + 1] == "of":
                continue
            values[i] = self._valence(i, lows, caps, cap_diff)
        if "but" in lows:
            sentiments = [0.0] * len(lows)
            for i, v in values.items():
                sentiments[i] = v
            sentiments = self._but_quirk(sentiments, lows.index("but"))
            total = float(sum(sentiments))
        else:
            total = float(sum(values.values()))
        if emphasis is None:
            emphasis = self.punctuation_emphasis(text)
        return round(self.finish(total, emphasis), 4)

    def finish(self, total: float, emphasis: float) -> float:
        """VADER's last step: push a non-zero sum away from 0 by the punctuation emphasis, then
        squash it into [-1, 1] with VADER's normalisation (unrounded)."""
        if total > 0:
            total += emphasis
        elif total < 0:
            total -= emphasis
        return self._normalize(total)


@cache
def get_scorer() -> VaderScorer:
    """Return the shared :class:`VaderScorer` (built on first use)."""
    return VaderScorer()
