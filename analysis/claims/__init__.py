"""Claims and who makes them: attribution cues, speakers, contents, quote kinds and hedges."""

from analysis.claims.attribution import Attribution, AttributionFinder
from analysis.claims.finder import CLAIM_COLUMNS, ClaimFinder
from analysis.claims.lexicon import ClaimLexicon, load_claim_lexicon

__all__ = ["CLAIM_COLUMNS", "Attribution", "AttributionFinder", "ClaimFinder", "ClaimLexicon", "load_claim_lexicon"]
