"""The document model: an article's sentences and tokens with character offsets, offline.

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

from dataclasses import dataclass
from typing import NamedTuple

from analysis.text.debris import classify_sentences
from analysis.text.sentences import sentence_spans
from analysis.text.tokens import sentence_word_spans, tag
from analysis.text.words import APOSTROPHES, is_word


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
        tags = tag([w.translate(APOSTROPHES) for w in words] if curly else words)
        tokens.extend([Token(a, b, word, index, pos) for (a, b), word, pos in zip(wspans, words, tags, strict=True)])
        sentences.append(Sentence(index, s_start, s_end, sentence_text, kind, first, len(tokens)))
    return Document(text, tuple(sentences), tuple(tokens))
