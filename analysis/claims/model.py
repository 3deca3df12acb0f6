"""The attribution record: one speaker, cue and content found in one sentence.

:mod:`analysis.claims.cues` and :mod:`analysis.claims.quotations` fill its spans,
:mod:`analysis.claims.speakers` its ``speaker`` and ``speaker_type``; :mod:`analysis.claims.finder`
turns it into a claim row.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["GPE", "LOC", "NORP", "ORG", "PERSON", "T_ANON", "T_BODY", "T_DOC", "T_OUTLET", "T_PERSON", "Attribution"]

#: Entity labels the speaker resolver reads.
PERSON, ORG, GPE, LOC, NORP = "PERSON", "ORG", "GPE", "LOC", "NORP"
#: Speaker types of a claim row.
T_PERSON, T_BODY, T_ANON, T_OUTLET, T_DOC = "person", "official body", "anonymous", "outlet", "document"


@dataclass
class Attribution:
    """One attribution found in one sentence (character spans, -1 when absent)."""

    sentence: int
    cue: str
    cue_start: int
    cue_end: int
    content_start: int
    content_end: int
    quote: str  # "direct" | "indirect"
    speaker_start: int = -1
    speaker_end: int = -1
    speaker_text: str = ""
    kind: str = "np"  # np | passive | inherit | chain | carry | block
    chain: int = -1
    split_chain: int = -1  # the chain of the quote after the cue, when a quote split by its cue is one row
    head: str = ""  # lower-case head noun of the speaker phrase
    indefinite: bool = False
    speaker: str = ""
    speaker_type: str = ""
    order: int = 0
    main_end: int = -1  # where the outlet's own main clause ends, when the attribution hangs off it
    main_start: int = -1  # where the outlet's own main clause starts, after a report that opens the sentence
    appositive: str = ""  # the words of an appositive on the speaker ("a senior officer")
    head_start: int = -1  # character span of the speaker phrase's head word
    head_end: int = -1
    relative_end: int = -1  # end of the relative pronoun ("Holt, who said") that joins the speaker to the cue
    source: Attribution | None = None  # the attribution whose speaker an "inherit" or "chain" one takes
