"""Compare sources on the same event: each verb takes an :class:`~analysis.Analysis` and
returns a tidy DataFrame; :mod:`analysis.plots` has a plot twin for each.

>>> from analysis import compare
>>> compare.voice(result, event="syria-isis-defeat-2017")   # doctest: +SKIP
"""

from analysis.compare.alignment import Alignment, align, alignment_matrix, claim_alignment, number_disagreements
from analysis.compare.descriptors import default_descriptors
from analysis.compare.logodds import distinctive_terms, word_counts
from analysis.compare.stats import mean_interval, t_critical
from analysis.compare.tables import EVIDENCE_COLUMNS, OWN_VOICE, SPEAKER_TYPES, coverage, evidence, labels, tone, voice

__all__ = [
    "EVIDENCE_COLUMNS",
    "OWN_VOICE",
    "SPEAKER_TYPES",
    "Alignment",
    "align",
    "alignment_matrix",
    "claim_alignment",
    "coverage",
    "default_descriptors",
    "distinctive_terms",
    "evidence",
    "labels",
    "mean_interval",
    "number_disagreements",
    "t_critical",
    "tone",
    "voice",
    "word_counts",
]
