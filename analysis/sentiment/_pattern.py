"""A fast re-statement of TextBlob's ``PatternAnalyzer`` (polarity, subjectivity).

TextBlob's analyzer spends most of its time in Pattern's general-purpose
tokenizer (a dozen regular-expression passes per sentence). Only the sequence
of lower-cased tokens matters to the score, so this module produces the same
tokens with plain string operations and then runs the same assessment rules
over TextBlob's own lexicon, abbreviation list and emoticon table (read from the
installed ``textblob`` package, never copied). ``tests/test_sentiment.py``
checks that the results equal ``PatternAnalyzer().analyze`` exactly.

What is read and what is re-stated: the word lexicon (polarity,
subjectivity, intensity, the ``RB`` readings that make a word a modifier),
the negations, ``_text.replacements``, ``PUNCTUATION``, ``ABBREVIATIONS`` and
the emoticon table come from the installed ``textblob`` package at run time.
The numbers written in the rules here are copied from ``textblob._text``
(``Sentiment.assessments`` and ``Sentiment.__call__`` of textblob 0.20.1,
MIT licence, from Pattern, BSD): a negated word counts -0.5 times its
polarity, a "!" after a word multiplies its polarity by 1.25, "(!)" adds a
subjectivity of 1, emoticons are at most five characters, a modifier
("very") multiplies the next word and then is dropped, and the averages are
plain means. A textblob that changes any of them is caught at first use:
see :func:`analysis.sentiment.check.check_fast_paths`.

Nothing is loaded at import; :func:`get_scorer` builds the scorer once.
"""

from __future__ import annotations

import re
from functools import cache
from itertools import chain, compress

_QUOTES = ("\u201c", "\u201d", "\u2018", "\u2019", "'", '"')
_EOS = "END-OF-SENTENCE"
_CACHE_LIMIT = 200_000


def _join_emoticon(match: re.Match) -> str:
    return match.group(1).replace(" ", "") + match.group(2)


class PatternScorer:
    """Polarity and subjectivity with the rules of Pattern's ``Sentiment.__call__``."""

    def __init__(self) -> None:
        from textblob import _text
        from textblob.en import sentiment

        sentiment.load()
        self._words: dict[str, tuple[float, float, float]] = {}
        self._modifiers: set[str] = set()
        for word, by_pos in dict.items(sentiment):
            p, s, i = by_pos[None]
            self._words[word] = (p, s, i)
            if "RB" in by_pos:
                self._modifiers.add(word)
        self._negations = frozenset(sentiment.negations)
        self._replace = list(_text.replacements.items())
        self._replace_keys = frozenset(_text.replacements)
        self._punct = tuple(_text.PUNCTUATION.replace(".", ""))
        self._punct_all = self._punct + (".",)
        self._punctuation_string = _text.PUNCTUATION
        self._abbreviations = frozenset(_text.ABBREVIATIONS)
        self._abbr_res = (_text.RE_ABBR1, _text.RE_ABBR2, _text.RE_ABBR3)
        self._re_sarcasm = _text.RE_SARCASM
        self._re_emoticons = _text.RE_EMOTICONS
        self._mood = _text.MOOD
        self._emoticons: dict[str, float] = {}
        for (_kind, polarity), faces in _text.EMOTICONS.items():
            for face in faces:
                self._emoticons.setdefault(face.lower(), polarity)
        # emoticons Pattern would look up: not alphabetic, at most 5 characters,
        # and not a substring of its punctuation string
        self._faces = {
            face: p
            for face, p in self._emoticons.items()
            if not face.isalpha() and len(face) <= 5 and face not in self._punctuation_string
        }
        self._special = frozenset(self._negations | {"!", "(!)"} | set(self._faces))
        self._piece_cache: dict[str, list[str]] = {}
        #: Tokens that carry a score or change one (the shared tokenizer reads it).
        self.hit_words = frozenset(self._words) | self._special
        # known words that are neither modifiers nor negations: a sentence whose visited
        # tokens are all such words scores the plain mean of their values
        self._plain_words = frozenset(self._words.keys() - self._modifiers - self._negations - self._special)

    @property
    def polarities(self) -> dict[str, float]:
        """Pattern's polarity of each lexicon word that is not also an intensifier, in [-1, 1]."""
        return {word: p for word, (p, _s, _i) in self._words.items() if word not in self._modifiers}

    # -- tokens -----------------------------------------------------------------------------
    def _split_token(self, t: str, out: list[str]) -> None:
        punct = self._punct
        replace = self._replace_keys
        tail: list[str] = []
        while t.startswith(punct) and t not in replace:
            out.append(t[0])
            t = t[1:]
        while t.endswith(self._punct_all) and t not in replace:
            if t.endswith(punct):
                tail.append(t[-1])
                t = t[:-1]
            if t.endswith("..."):
                tail.append("...")
                t = t[:-3].rstrip(".")
            if t.endswith("."):
                if t in self._abbreviations or any(r.match(t) for r in self._abbr_res):
                    break
                tail.append(t[-1])
                t = t[:-1]
        if t != "":
            out.append(t)
        out.extend(reversed(tail))

    def _pieces(self, t: str) -> list[str]:
        """Split one whitespace-delimited token the way Pattern's tokenizer does."""
        if t.isalnum():  # no quote, apostrophe or punctuation: nothing to replace or split
            return [t]
        body, last = t[:-1], t[-1]
        if body.isalnum():  # a word and one mark, e.g. "said," (what _split_token does, directly)
            if last == ".":
                if t in self._abbreviations or any(r.match(t) for r in self._abbr_res):
                    return [t]
                return [body, last]
            if last in self._punct and last not in _QUOTES:
                return [body, last]
        for a, b in self._replace:
            if a in t:
                t = t.replace(a, b)
        for q in _QUOTES:
            if q in t:
                t = t.replace(q, f" {q} ")
        out: list[str] = []
        for part in t.split():
            if part.isalnum():
                out.append(part)
            else:
                self._split_token(part, out)
        return out

    def tokens(self, text: str) -> list[str]:
        """Return the lower-cased tokens Pattern's tokenizer would give ``text``.

        Every replacement and split in Pattern's tokenizer acts inside one
        whitespace-delimited token, so the pieces of each token are cached; the
        two patterns that can span tokens (sarcasm ``( ! )`` and emoticons such
        as ``: )``) run on the joined string as Pattern runs them.
        """
        parts = text.split()
        cache = self._piece_cache
        pieces = list(map(cache.get, parts))
        if None in pieces:
            if len(cache) >= _CACHE_LIMIT:
                cache.clear()
            for k, piece in enumerate(pieces):
                if piece is None:
                    t = parts[k]
                    pieces[k] = cache[t] = () if t == _EOS else tuple(self._pieces(t))
        return self.join_pieces(" ".join(chain.from_iterable(pieces))).lower().split()

    def join_pieces(self, joined: str) -> str:
        """Apply Pattern's two cross-token rules to space-joined pieces.

        Sarcasm ``( ! )`` becomes ``(!)`` and a spaced emoticon such as ``: )``
        becomes ``:)``, as Pattern's tokenizer does. Case is kept (Pattern lower-cases
        afterwards).
        """
        if "!" in joined:
            joined = self._re_sarcasm.sub("(!)", joined)
        return self._re_emoticons.sub(_join_emoticon, joined)

    def pieces_of(self, t: str) -> list[str]:
        """Return the pieces of one whitespace-delimited token (not lower-cased, not cached)."""
        return [] if t == _EOS else self._pieces(t)

    def is_hit(self, low: str) -> bool:
        """True when the lower-cased token can change the score (a word, negation, "!", emoticon)."""
        return low in self.hit_words

    # -- scores -----------------------------------------------------------------------------
    def score(self, text: str) -> tuple[float, float]:
        """Return ``(polarity, subjectivity)`` as ``PatternAnalyzer().analyze(text)`` does.

        Pattern walks every token; here only the tokens that can change the
        result are visited (known words, negations, "!", "(!)", emoticons) plus
        the words right after them while a modifier or negation is pending,
        which is where Pattern's state can change.
        """
        return self.score_tokens(self.tokens(text))

    def score_pieces(self, joined: str, maybe_hit: bool) -> tuple[float, float]:
        """Score space-joined pieces (before the cross-token rules) as :meth:`score` does.

        Args:
            joined: the pieces of every token, joined with single spaces.
            maybe_hit: whether some lower-cased piece :meth:`is_hit`. When not, and
                the cross-token rules change nothing, the scores are 0 without a walk.
        """
        rejoined = self.join_pieces(joined)
        if not maybe_hit and rejoined == joined:
            return 0.0, 0.0
        return self.score_tokens(rejoined.lower().split())

    def score_tokens(self, toks: list[str]) -> tuple[float, float]:
        """Return ``(polarity, subjectivity)`` of lower-cased Pattern tokens (see :meth:`score`)."""
        words = self._words
        found = list(compress(toks, map(self.hit_words.__contains__, toks)))
        if not found:
            return 0.0, 0.0
        if self._plain_words.issuperset(found):
            # no modifier, negation, "!" or emoticon: Pattern appends (p, s) for every
            # visited word and never changes its state, so the result is the plain mean
            sp = ss = 0.0
            for w in found:
                p, s, _i = words[w]
                sp += p
                ss += s
            return sp / float(len(found)), ss / float(len(found))
        hits = list(compress(range(len(toks)), map(self.hit_words.__contains__, toks)))
        negations = self._negations
        a: list[list] = []  # [p, s, i, n]
        m = None
        n = None
        nxt = 0
        hits.append(len(toks))
        for h in hits:
            if m is not None or n is not None:
                # plain unknown words between two visited tokens
                for w in toks[nxt:h]:
                    if n and len(w.strip("'")) > 1:
                        n = None
                    if n is not None and m is not None and m.endswith("ly"):
                        a[-1][3] = -1
                        n = None
                    elif m and len(w) > 2:
                        m = None
                    if m is None and n is None:
                        break
            if h == len(toks):
                break
            nxt = h + 1
            w = toks[h]
            known = words.get(w)
            if known is not None:
                p, s, i = known
                if m is None:
                    a.append([p, s, i, 1])
                else:
                    last = a[-1]
                    last[0] = max(-1.0, min(p * last[2], 1.0))
                    last[1] = max(-1.0, min(s * last[2], 1.0))
                    last[2] = i
                if n is not None:
                    last = a[-1]
                    last[2] = 1.0 / last[2]
                    last[3] = -1
                m = w if w in self._modifiers else None
                n = w if w in negations else None
            else:
                if w in negations:
                    n = w
                elif n and len(w.strip("'")) > 1:
                    n = None
                if n is not None and m is not None and m.endswith("ly"):
                    a[-1][3] = -1
                    n = None
                elif m and len(w) > 2:
                    m = None
                if w == "!" and a:
                    a[-1][0] = max(-1.0, min(a[-1][0] * 1.25, 1.0))
                elif w == "(!)":
                    a.append([0.0, 1.0, 1.0, 1])
                else:
                    face = self._faces.get(w)
                    if face is not None:
                        a.append([face, 1.0, 1.0, 1])
        if not a:
            return 0.0, 0.0
        sp = 0
        ss = 0
        for p, s, _i, neg in a:
            sp += p * -0.5 if neg < 0 else p
            ss += s
        return sp / float(len(a)), ss / float(len(a))


@cache
def get_scorer() -> PatternScorer:
    """Return the shared :class:`PatternScorer` (built on first use)."""
    return PatternScorer()
