"""Words and tags: NLTK's word tokenizer with spans into the article text, Pattern's POS tags.

Both run offline: NLTK's Treebank rules recompiled on ``re`` (same tokens,
faster), and TextBlob's Pattern tagger memoised per token.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from analysis.text.words import APOSTROPHES


@cache
def _word_tokenizer(flags: int = 0):
    """NLTK's Treebank-style word tokenizer, its own rules run on Python's ``re`` engine.

    NLTK 3.10 routes every pattern through ``nltk.redos`` (the third-party
    ``regex`` engine under a wall-clock timeout), which makes this tokenizer
    about three times slower. Its rules are fixed patterns of NLTK's own, not
    caller-supplied ones, so we recompile the same patterns with ``re``; the
    tokens are identical (``tests/test_text.py`` checks that on generated text).
    """
    from nltk.tokenize import NLTKWordTokenizer

    tokenizer = NLTKWordTokenizer()
    for name in dir(NLTKWordTokenizer):
        value = getattr(NLTKWordTokenizer, name)
        if name.isupper() and isinstance(value, list | tuple):
            setattr(tokenizer, name, recompiled(value, flags))
    return tokenizer


def recompiled(value, flags: int):
    """Replace NLTK's timed patterns inside a rule list (or one rule tuple) by ``re`` patterns."""
    if hasattr(value, "pattern") and hasattr(value, "flags"):
        compiled = re.compile(value.pattern, value.flags | flags)
        needs = _RULE_NEEDS.get(value.pattern)
        return _Guarded(compiled, *needs) if needs else compiled
    if isinstance(value, list | tuple):
        return type(value)(recompiled(item, flags) for item in value)
    return value


class _Guarded:
    """A tokenizer rule that skips the text when none of the strings it needs occurs in it.

    A substitution whose pattern cannot match leaves the text as it is, so
    skipping it changes nothing; it only saves a pass over the text.
    """

    __slots__ = ("_lower", "_needs", "_pattern", "flags", "pattern")

    def __init__(self, compiled: re.Pattern, needs: tuple[str, ...], lower: bool) -> None:
        self._pattern, self._needs, self._lower = compiled, needs, lower
        self.pattern, self.flags = compiled.pattern, compiled.flags

    def sub(self, replacement, text: str) -> str:
        haystack = text.lower() if self._lower else text
        if any(needle in haystack for needle in self._needs):
            return self._pattern.sub(replacement, text)
        return text


# For each rule of NLTK's word tokenizer (by its pattern): strings one of which a match must contain,
# and whether to look for them in lower case. Rules not listed always run.
_RULE_NEEDS: dict[str, tuple[tuple[str, ...], bool]] = {
    "([«“‘„]|[`]+)": (("«", "“", "‘", "„", "`"), False),
    r"^\"": (('"',), False),
    r"(``)": (("``",), False),
    r"([ \(\[{<])(\"|\'{2})": (('"', "''"), False),
    r"(?i)(?<!\w)(\')(?!(?:re|ve|ll|m|t|s|d|n)\b)(?=\w)": (("'",), False),
    r"([:,])([^\d])": ((":", ","), False),
    r"([:,])$": ((":", ","), False),
    r"\.{2,}": (("..",), False),
    r"[;@#$%&]": ((";", "@", "#", "$", "%", "&"), False),
    r"[\u2012-\u2015]": (("\u2012", "\u2013", "\u2014", "\u2015"), False),
    r"[?!]": (("?", "!"), False),
    r"([^'])' ": (("' ",), False),
    r"[*]": (("*",), False),
    r"[\]\[\(\)\{\}\<\>]": (tuple("[](){}<>"), False),
    r"--": (("--",), False),
    "([»”’])": (("»", "”", "’"), False),
    r"''": (("''",), False),
    r'"': (('"',), False),
    r"([^' ])('[sS]|'[mM]|'[dD]|') ": (("'",), False),
    r"([^' ])('ll|'LL|'re|'RE|'ve|'VE|n't|N'T) ": (("'",), False),
    r"(?i)\b(can)(?#X)(not)\b": (("cannot",), True),
    r"(?i)\b(d)(?#X)('ye)\b": (("d'ye",), True),
    r"(?i)\b(gim)(?#X)(me)\b": (("gimme",), True),
    r"(?i)\b(gon)(?#X)(na)\b": (("gonna",), True),
    r"(?i)\b(got)(?#X)(ta)\b": (("gotta",), True),
    r"(?i)\b(lem)(?#X)(me)\b": (("lemme",), True),
    r"(?i)\b(more)(?#X)('n)\b": (("more'n",), True),
    r"(?i)\b(wan)(?#X)(na)(?=\s)": (("wanna",), True),
    r"(?i) ('t)(?#X)(is)\b": (("'tis",), True),
    r"(?i) ('t)(?#X)(was)\b": (("'twas",), True),
}


@cache
def _tagger():
    from textblob.en import parser

    return parser


def word_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Tokenize ``text[start:end]`` into words with NLTK's tokenizer.

    Args:
        text: the whole article text.
        start: where the piece to tokenize begins.
        end: where it ends (exclusive); defaults to the end of ``text``.

    Returns:
        ``(start, end)`` spans into ``text``.
    """
    # Curly apostrophes become straight ones of the same length, so "It’s" splits
    # like "It's" and the spans still index the original text.
    piece = text[start:end].translate(APOSTROPHES)
    try:
        return [(start + a, start + b) for a, b in _word_tokenizer().span_tokenize(piece)]
    except ValueError:
        # The tokenizer's own alignment fails on a few rare quote sequences;
        # fall back to aligning its tokens ourselves.
        return [(start + a, start + b) for a, b in _align(piece, _word_tokenizer().tokenize(piece))]


def sentence_word_spans(text: str, spans: Sequence[tuple[int, int]]) -> list[list[tuple[int, int]]]:
    """Tokenize many sentences at once: the same tokens as :func:`word_spans` on each, faster.

    The sentences are joined with newlines and tokenized in one call with the
    tokenizer's rules in multi-line mode, so the rules anchored at the start or
    end of a sentence (an opening quote, the final period) apply at every line.
    No rule removes white space, so no token crosses a sentence; each span is
    then mapped back to its sentence. ``tests/test_text.py`` checks that the
    tokens equal NLTK's, sentence by sentence.
    """
    if not spans:
        return []
    pieces = [text[a:b].replace("\n", " ").translate(APOSTROPHES) for a, b in spans]
    joined = "\n".join(pieces)
    starts, pos = [], 0
    for piece in pieces:
        starts.append(pos)
        pos += len(piece) + 1
    result: list[list[tuple[int, int]]] = [[] for _ in spans]
    try:
        token_spans = list(_word_tokenizer(re.M).span_tokenize(joined))
    except ValueError:
        return [word_spans(text, a, b) for a, b in spans]
    offsets = [span[0] - start for span, start in zip(spans, starts, strict=True)]
    bounds = [*starts[1:], len(joined) + 1]
    index, bound, offset, bucket = 0, bounds[0], offsets[0], result[0]
    for a, b in token_spans:
        while a >= bound:
            index += 1
            bound, offset, bucket = bounds[index], offsets[index], result[index]
        bucket.append((a + offset, b + offset))
    return result


def _align(text: str, tokens: Sequence[str]) -> list[tuple[int, int]]:
    spans = []
    pos = 0
    for token in tokens:
        candidates = [token]
        if token in ("``", "''"):
            candidates = ['"', "``", "''", "“", "”"]
        for candidate in candidates:
            found = text.find(candidate, pos)
            if found != -1:
                spans.append((found, found + len(candidate)))
                pos = found + len(candidate)
                break
    return spans


def tag(tokens: Sequence[str]) -> list[str]:
    """Part-of-speech tags (Penn Treebank) for a sentence's tokens, by TextBlob's Pattern tagger.

    Pattern, as TextBlob calls it, tags each token from its lexicon or, for an
    unknown word, from its shape and suffix; only the first position differs
    (it also tries the lower-case form). A token's tag therefore depends on the
    token and on whether it is first, so tags are memoised per (token, first):
    the same tags as calling the tagger on the whole sentence, without its
    per-call overhead (``tests/test_text.py`` checks the equality).
    """
    if not tokens:
        return []
    first = _FIRST_TAGS.get(tokens[0]) or _tag_one(tokens[0], True)
    rest = [_LATER_TAGS.get(t) or _tag_one(t, False) for t in tokens[1:]]
    return [first, *rest]


_FIRST_TAGS: dict[str, str] = {}
_LATER_TAGS: dict[str, str] = {}
#: Tokens each memo holds at most; a full memo is emptied (and refills with the tokens in use). A large
#: corpus keeps meeting new tokens (names, figures), so an unbounded memo grew with the corpus: ~130 bytes
#: a token, 73,000 tokens after 7,000 generated articles in one process (benchmarks/RESULTS.md, issue 16,
#: session 8). The sentiment wing's token caches are bounded the same way.
TAG_MEMO_LIMIT = 100_000


def _tag_one(token: str, first: bool) -> str:
    memo = _FIRST_TAGS if first else _LATER_TAGS
    if len(memo) >= TAG_MEMO_LIMIT:
        memo.clear()
    value = _tagger().find_tags([token])[0][1] if first else _tagger().find_tags([".", token])[1][1]
    memo[token] = value
    return value
