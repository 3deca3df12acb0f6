"""Sentiment: per-sentence scores (tone, TextBlob polarity and subjectivity, VADER compound),
tone toward each entity mention, and article aggregates."""

from analysis.sentiment.score import (
    SENTENCE_COLUMNS,
    TONE_WEIGHT,
    ToneLexicon,
    article_scores,
    load_tone_lexicon,
    score_sentence,
    score_sentences,
)
from analysis.sentiment.target import TargetRules, load_target_rules, mention_tones, score_mentions

__all__ = [
    "SENTENCE_COLUMNS",
    "TONE_WEIGHT",
    "TargetRules",
    "ToneLexicon",
    "article_scores",
    "load_target_rules",
    "load_tone_lexicon",
    "mention_tones",
    "score_mentions",
    "score_sentence",
    "score_sentences",
]
