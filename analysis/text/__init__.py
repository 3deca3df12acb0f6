"""The text of an article: sentences, words with character offsets, tags, debris and quotes.

Cleaning marks page debris per sentence; it never rewrites the text, so every
offset indexes the article exactly as given.
"""

from analysis.text.debris import classify_sentences
from analysis.text.document import Document, Sentence, Token, process
from analysis.text.quotes import Quote, find_quotes
from analysis.text.sentences import paragraphs, sentence_spans
from analysis.text.tokens import sentence_word_spans, tag, word_spans
from analysis.text.words import APOSTROPHES, dateline_length, is_word, ngrams, normalize, stopwords

__all__ = [
    "APOSTROPHES",
    "Document",
    "Quote",
    "Sentence",
    "Token",
    "classify_sentences",
    "dateline_length",
    "find_quotes",
    "is_word",
    "ngrams",
    "normalize",
    "paragraphs",
    "process",
    "sentence_spans",
    "sentence_word_spans",
    "stopwords",
    "tag",
    "word_spans",
]
