"""Sentences, words and part-of-speech tags, with character offsets, offline.

Everything here works with no NLTK data and no network:

* sentences: NLTK's Punkt with the package's own parameters (a news
  abbreviation list, see :data:`ABBREVIATIONS`), run per paragraph so that a
  headline or a "Related Articles" line is never glued to the next sentence;
* words: NLTK's :class:`~nltk.tokenize.NLTKWordTokenizer` per sentence, its
  spans mapped back to the article text (also after its quote normalisation);
* tags: TextBlob's Pattern tagger (Penn Treebank tags) fed with our tokens.

Offsets are character offsets into the text exactly as given, end exclusive:
``doc.text[tok.start:tok.end] == tok.text`` always holds. Page debris is marked
on each :class:`Sentence` (see :mod:`analysis.text.debris`), never removed.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from typing import NamedTuple

from analysis.text.debris import classify_sentences

#: Abbreviations (lower case, without the final period) that do not end a sentence.
ABBREVIATIONS: frozenset[str] = frozenset(
    (
        # titles and honorifics
        "mr mrs ms messrs dr prof rev fr sr jr st hon amb sen rep gov pres supt insp det"
        # military and police ranks
        " gen lt col maj capt cpt sgt cpl pvt adm cmdr cdr brig cmdt"
        # months and days
        " jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun"
        # countries and bodies written with periods
        " u.s u.k u.n e.u u.s.a u.a.e d.c n.y l.a"
        # companies and places
        " inc corp co ltd llc plc bros dept univ assn ave blvd rd mt ft no nos vol"
        # Latin and measurement
        " e.g i.e vs approx est fig cf al a.m p.m"
        # single-letter initials
        " a b c d e f g h i j k l m n o p q r s t u v w x y z"
    ).split()
)

#: Words that start a new sentence even right after an abbreviation ("... in the U.S. The next day").
SENTENCE_STARTERS: frozenset[str] = frozenset(
    [
        "the",
        "he",
        "she",
        "it",
        "they",
        "we",
        "i",
        "but",
        "this",
        "that",
        "these",
        "those",
        "his",
        "her",
        "their",
        "its",
        "there",
        "however",
        "meanwhile",
        "officials",
        "after",
    ]
)

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'"})
_CLOSERS = "\"”’»)]'"
_HARD_WRAP = re.compile(r"[a-z,;\-]$")
_LOWER_START = re.compile(r"^\s*[a-z]")


class Token(NamedTuple):
    """One word or punctuation mark."""

    start: int
    end: int
    text: str
    sentence: int
    pos: str


class Sentence(NamedTuple):
    """One sentence: its span, its kind and the range of its tokens in ``Document.tokens``.

    ``kind`` is ``"headline"``, ``"body"`` or a debris kind (``"title_repeat"``,
    ``"caption"``, ``"related"``, ``"boilerplate"``).
    """

    index: int
    start: int
    end: int
    text: str
    kind: str
    first_token: int
    end_token: int

    @property
    def is_debris(self) -> bool:
        """True for page debris (repeated title, caption, related links, boilerplate)."""
        return self.kind not in ("headline", "body")


@dataclass(frozen=True, slots=True)
class Document:
    """An article's text with its sentences and tokens (see :func:`process`)."""

    text: str
    sentences: tuple[Sentence, ...]
    tokens: tuple[Token, ...]

    def sentence_tokens(self, index: int) -> tuple[Token, ...]:
        """Return the tokens of sentence ``index``."""
        sentence = self.sentences[index]
        return self.tokens[sentence.first_token : sentence.end_token]

    @property
    def n_words(self) -> int:
        """Number of word tokens (tokens with at least one letter or digit)."""
        return sum(map(is_word, (token.text for token in self.tokens)))

    def sentence_n_words(self, index: int) -> int:
        """Number of word tokens in sentence ``index``."""
        return sum(map(is_word, (token.text for token in self.sentence_tokens(index))))


_LETTER_OR_DIGIT = re.compile(r"[^\W_]")


def is_word(token: str) -> bool:
    """True for a token with at least one letter or digit (not punctuation or a symbol)."""
    return token.isalnum() or _LETTER_OR_DIGIT.search(token) is not None


@cache
def _punkt(fast: bool = True):
    """Punkt with the package's parameters.

    With ``fast`` (the default) its own patterns run on Python's ``re`` instead
    of NLTK 3.10's timed ``regex`` wrapper, as for the word tokenizer; the
    sentences are the same (checked in ``tests/test_text.py``).
    """
    from nltk.tokenize.punkt import PunktLanguageVars, PunktParameters, PunktSentenceTokenizer, PunktToken

    params = PunktParameters()
    params.abbrev_types = set(ABBREVIATIONS)
    params.sent_starters = set(SENTENCE_STARTERS)
    if not fast:
        return PunktSentenceTokenizer(params)

    class LanguageVars(PunktLanguageVars):
        re_boundary_realignment = _recompiled(PunktLanguageVars.re_boundary_realignment, 0)

        def __init__(self) -> None:
            super().__init__()
            # NLTK compiles these on first use and caches them on the instance: replace the cache.
            self._re_word_tokenizer = _recompiled(super()._word_tokenizer_re(), 0)
            self._re_period_context = _recompiled(super().period_context_re(), 0)

    class Token(PunktToken):
        _RE_ELLIPSIS = _recompiled(PunktToken._RE_ELLIPSIS, 0)
        _RE_NUMERIC = _recompiled(PunktToken._RE_NUMERIC, 0)
        _RE_INITIAL = _recompiled(PunktToken._RE_INITIAL, 0)
        _RE_ALPHA = _recompiled(PunktToken._RE_ALPHA, 0)

        @property
        def is_non_punct(self):
            return _NON_PUNCT.search(self.type)

    return PunktSentenceTokenizer(params, lang_vars=LanguageVars(), token_cls=Token)


_NON_PUNCT = re.compile(r"[^\W\d]")


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
            setattr(tokenizer, name, _recompiled(value, flags))
    return tokenizer


def _recompiled(value, flags: int):
    """Replace NLTK's timed patterns inside a rule list (or one rule tuple) by ``re`` patterns."""
    if hasattr(value, "pattern") and hasattr(value, "flags"):
        compiled = re.compile(value.pattern, value.flags | flags)
        needs = _RULE_NEEDS.get(value.pattern)
        return _Guarded(compiled, *needs) if needs else compiled
    if isinstance(value, list | tuple):
        return type(value)(_recompiled(item, flags) for item in value)
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


def paragraphs(text: str) -> Iterator[tuple[int, int]]:
    """Yield ``(start, end)`` of each paragraph: a non-empty line, or hard-wrapped lines joined.

    A line break ends a paragraph unless the line ends in a lower-case letter,
    comma, semicolon or hyphen and the next line starts in lower case (text
    wrapped at a fixed width).
    """
    pos = 0
    start = end = None
    for line in text.splitlines(keepends=True):
        line_start, pos = pos, pos + len(line)
        body = line.rstrip("\r\n")
        stripped = body.strip()
        if not stripped:
            if start is not None:
                yield start, end
                start = None
            continue
        first = line_start + (len(body) - len(body.lstrip()))
        last = line_start + len(body.rstrip())
        if start is not None and not (_HARD_WRAP.search(text[start:end]) and _LOWER_START.match(stripped)):
            yield start, end
            start = None
        if start is None:
            start = first
        end = last
    if start is not None:
        yield start, end


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Split ``text`` into sentences.

    Args:
        text: the article text.

    Returns:
        ``(start, end)`` character spans, in order, covering every non-space
        character of ``text`` exactly once.
    """
    punkt = _punkt()
    spans: list[tuple[int, int]] = []
    for p_start, p_end in paragraphs(text):
        chunk = text[p_start:p_end]
        for s_start, s_end in punkt.span_tokenize(chunk):
            spans.append((p_start + s_start, p_start + s_end))
    return _merge_continuations(text, spans)


def _merge_continuations(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Join a sentence that Punkt cut after a quoted question or exclamation.

    ``"Is it over?" he asked.`` is one sentence: when a piece ends with a
    closing quote and the next one starts in lower case, they are joined.
    """
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and text[start].islower() and text[merged[-1][1] - 1] in _CLOSERS:
            merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


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
    piece = text[start:end].translate(_APOSTROPHES)
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
    pieces = [text[a:b].replace("\n", " ").translate(_APOSTROPHES) for a, b in spans]
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


def _tag_one(token: str, first: bool) -> str:
    if first:
        value = _tagger().find_tags([token])[0][1]
        _FIRST_TAGS[token] = value
    else:
        value = _tagger().find_tags([".", token])[1][1]
        _LATER_TAGS[token] = value
    return value


def process(text: str, *, title: str | None = None) -> Document:
    """Split an article into sentences and tokens, tag them, and mark page debris.

    Args:
        text: the article text exactly as it will be indexed by offsets.
        title: the article's title when known (helps recognise a repeated headline).

    Returns:
        A :class:`Document`.
    """
    spans = sentence_spans(text)
    kinds = classify_sentences(text, spans, title=title)
    sentences: list[Sentence] = []
    tokens: list[Token] = []
    all_word_spans = sentence_word_spans(text, spans)
    for index, ((s_start, s_end), kind, wspans) in enumerate(zip(spans, kinds, all_word_spans, strict=True)):
        first = len(tokens)
        words = [text[a:b] for a, b in wspans]
        sentence_text = text[s_start:s_end]
        curly = "’" in sentence_text or "‘" in sentence_text
        tags = tag([w.translate(_APOSTROPHES) for w in words] if curly else words)
        tokens.extend([Token(a, b, word, index, pos) for (a, b), word, pos in zip(wspans, words, tags, strict=True)])
        sentences.append(Sentence(index, s_start, s_end, sentence_text, kind, first, len(tokens)))
    return Document(text, tuple(sentences), tuple(tokens))


@cache
def stopwords() -> frozenset[str]:
    """The package's English stopword list (lower case), kept in ``data/lexicons/stopwords.txt``."""
    from analysis.resources import lexicon_path

    lines = lexicon_path("stopwords.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(w.strip().lower() for w in lines if w.strip() and not w.startswith("#"))


_DATELINE = re.compile(
    r"[A-Z][A-Z.'-]{2,}(?:[ /-][A-Z][A-Z.'-]+)*"  # MOSCOW, MOSCOW/BEIRUT, NEW YORK
    r"(?:,[^()\n\-–—:]{1,40})?"  # , Kestria, March 12
    r"(?:\s*\([^()\n]{1,60}\))?"  # (Northwind Wire)
    r"\s*[-–—]+\s+"
)


def dateline_length(sentence: str) -> int:
    """Length of a news dateline opening ``sentence`` ("MOSCOW, Dec 7 (Wire) - "), else 0.

    The place must be written in capitals, so ordinary sentences never match.
    """
    match = _DATELINE.match(sentence)
    return match.end() if match else 0


def normalize(token: str) -> str:
    """The lower-case normal form of a token (curly quotes and apostrophes made straight)."""
    return token.lower().translate(_STRAIGHTEN)


_STRAIGHTEN = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "`": "'"})


def ngrams(tokens: Sequence[str], n: int) -> list[tuple[str, ...]]:
    """Return the ``n``-grams of a token sequence, in order."""
    if n < 1:
        raise ValueError(f"n must be at least 1, got {n}")
    return [tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1)]
