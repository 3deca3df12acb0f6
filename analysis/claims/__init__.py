"""Claims and who makes them: attribution cues, speakers, contents, quote kinds and hedges."""

from analysis.claims.attribution import AttributionFinder
from analysis.claims.finder import CLAIM_COLUMNS, ClaimFinder, claim_sentences
from analysis.claims.lexicon import ClaimLexicon, load_claim_lexicon
from analysis.claims.model import Attribution
from analysis.claims.mood import MOODS, is_assertion, mood
from analysis.claims.speakers import SpeakerResolver, SpeakerWords, retype_speaker

__all__ = [
    "CLAIM_COLUMNS",
    "MOODS",
    "Attribution",
    "AttributionFinder",
    "ClaimFinder",
    "ClaimLexicon",
    "SpeakerResolver",
    "SpeakerWords",
    "claim_sentences",
    "is_assertion",
    "load_claim_lexicon",
    "mood",
    "retype_speaker",
]
