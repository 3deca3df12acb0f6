"""Claims: which sentences assert something checkable, who asserts it, how sure it sounds.

A body sentence is a claim when it carries an attribution (someone said or
reported something, see :mod:`analysis.claims.attribution`), a number, a named actor
with a finite verb, or a booster ("Syria has been completely liberated").
Questions and page debris never are; the headline only when it attributes
("Holt: ...", "Holt Says ...", :mod:`analysis.claims.headlines`). Every claim row also says
whether the sentence is hedged ("reportedly", "it is believed") or boosted
("completely", "unprecedented", "not a single"); the word lists are
``data/lexicons/claims.yml``, which users extend with their own file.

Example:
    >>> from analysis.text import process
    >>> doc = process("Putin said the war was over. Is it over?")
    >>> rows = ClaimFinder().find(doc, [])
    >>> [(r["speaker"], r["cue"], doc.text[r["content_start"]:r["content_end"]]) for r in rows]
    [('Putin', 'said', 'the war was over')]
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from pathlib import Path

from analysis.claims.attribution import AttributionFinder
from analysis.claims.lexicon import PhraseMatcher, load_claim_lexicon, norm
from analysis.claims.model import Attribution
from analysis.claims.mood import mood
from analysis.schema import TABLES
from analysis.text import Document, Sentence, dateline_length

__all__ = ["CLAIM_COLUMNS", "ClaimFinder", "claim_sentences"]

#: The keys of every row :meth:`ClaimFinder.find` returns, in order: the claims table's contract
#: columns (:mod:`analysis.schema`) but ``article_id``, which the pipeline adds.
CLAIM_COLUMNS: tuple[str, ...] = tuple(c for c in TABLES["claims"] if c != "article_id")

_FINITE = frozenset("VBD VBZ VBP MD VBN".split())


class ClaimFinder:
    """Find the claim sentences of a document and their attributions.

    Build once, call :meth:`find` per document.

    Args:
        lexicon: an optional YAML file whose cues, hedges, boosters and speaker
            words are ADDED to the packaged ``claims.yml`` (same sections).

    Raises:
        LexiconError: when a lexicon file is malformed (file and line in the message).
    """

    def __init__(self, *, lexicon: str | Path | None = None) -> None:
        self.lexicon = load_claim_lexicon(lexicon)
        self._attributions = AttributionFinder(self.lexicon)
        self._hedges: PhraseMatcher = self.lexicon.matcher("hedges")
        self._boosters: PhraseMatcher = self.lexicon.matcher("boosters")

    def find(self, doc: Document, entities: Sequence[dict], numbers: Sequence[dict] | None = None) -> list[dict]:
        """Return one row per attribution (a quotation over several sentences is one), plus one own-voice
        row per unattributed claim sentence.

        Args:
            doc: a processed article (:func:`analysis.text.process`).
            entities: the entity rows of this article (``EntityRecognizer.find``);
                an empty list works, with proper nouns standing in for names.
            numbers: the number rows of this article (:func:`analysis.numbers.find_numbers`),
                which decide what counts as a quantity (a year or a model number does not);
                found here when not given.

        Returns:
            Rows (dicts with the keys of :data:`CLAIM_COLUMNS`) in text order.
            Missing spans are -1; ``speaker`` is "" for the outlet's own voice.
        """
        attributions = self._attributions.find(doc, entities)
        by_sentence: dict[int, list[Attribution]] = {}
        for a in attributions:
            by_sentence.setdefault(a.sentence, []).append(a)
        entity_starts = sorted(int(e["start"]) for e in entities if int(e.get("start", -1)) >= 0)
        if numbers is None:
            from analysis.numbers import find_numbers

            numbers = find_numbers(doc)
        with_numbers = {int(n["sentence_id"]) for n in numbers}
        covered = claim_sentences(doc, attributions) - set(by_sentence)  # later sentences of a quotation
        rows: list[dict] = []
        ei = 0
        for sentence in doc.sentences:
            while ei < len(entity_starts) and entity_starts[ei] < sentence.start:
                ei += 1
            found = by_sentence.get(sentence.index)
            if found and mood(sentence.text) == "question":
                # "But has he called for changing the rules that benefit him?": the outlet asks, no one is
                # reported as asserting; a direct quote inside it is still the speaker's words
                found = [a for a in found if a.quote == "direct"] or None
            if found:
                found = [a for a in found if not _thing_inside(doc.text, a, found)] or None
            if sentence.index in covered:
                continue  # its words are in the row of the quotation that runs over it
            if sentence.kind != "body" and not (sentence.kind == "headline" and found):
                continue  # a headline is a claim only when it attributes (analysis.claims.headlines)
            tokens = doc.sentence_tokens(sentence.index)
            words = [norm(t.text) for t in tokens]
            has_entity = ei < len(entity_starts) and entity_starts[ei] < sentence.end
            has_number = sentence.index in with_numbers
            if not found and not self.is_claim(sentence, tokens, words, has_entity=has_entity, has_number=has_number):
                continue
            hedged = bool(self._hedges.find(words))
            boosted = bool(self._boosters.find(words))
            if found:
                main_ends = [a.main_end for a in found]
                if all(m > sentence.start for m in main_ends):
                    # every attribution sits in a clause hanging off the outlet's own statement
                    rows.append(_own_voice(sentence, hedged, boosted, end=min(main_ends)))
                for a in found:
                    if a.content_end > sentence.end:  # a quotation over several sentences: hedged in any
                        a_hedged, a_boosted = self._marked(doc, sentence.index, a.content_end)
                        rows.append(_row(doc.text, sentence, a, hedged or a_hedged, boosted or a_boosted))
                    else:
                        rows.append(_row(doc.text, sentence, a, hedged, boosted))
                starts = [a.main_start for a in found if a.main_start >= 0]
                if starts:  # "Although the mayor said Y, | engineers closed it": the outlet's main clause
                    rows.append(_own_voice(sentence, hedged, boosted, start=max(starts)))
            else:
                rows.append(_own_voice(sentence, hedged, boosted))
        return rows

    def _marked(self, doc: Document, first: int, end: int) -> tuple[bool, bool]:
        """Whether a sentence after ``first`` that starts before ``end`` is hedged, and boosted."""
        hedged = boosted = False
        for k in range(first + 1, len(doc.sentences)):
            sentence = doc.sentences[k]
            if sentence.start >= end:
                break
            words = [norm(t.text) for t in doc.sentence_tokens(sentence.index)]
            hedged = hedged or bool(self._hedges.find(words))
            boosted = boosted or bool(self._boosters.find(words))
        return hedged, boosted

    def is_claim(
        self, sentence: Sentence, tokens: Sequence, words: Sequence[str], *, has_entity: bool, has_number: bool
    ) -> bool:
        """Whether an unattributed body sentence asserts something checkable.

        Args:
            sentence: the sentence.
            tokens: its tokens (with POS tags).
            words: its tokens normalised (lower case, straight quotes).
            has_entity: whether an entity mention lies in the sentence.
            has_number: whether the numbers stage found a quantity in it.

        Returns:
            True for a statement with a finite verb and a named actor, a number
            or a booster; False for questions (:func:`analysis.claims.mood.mood`),
            fragments and scene-setting. Conditionals and hypotheticals stay
            claims here; claim alignment leaves them unmatched.
        """
        if sentence.kind != "body":
            return False
        if mood(sentence.text) == "question":  # asks, does not assert (analysis.claims.mood)
            return False
        n_words = sum(1 for w in words if w[:1].isalnum())
        if n_words < 4 or not any(t.pos in _FINITE for t in tokens):
            return False
        if has_entity or has_number:
            return True
        for i, t in enumerate(tokens):
            if i > 0 and t.pos in ("NNP", "NNPS") and t.text[:1].isupper() and not t.text.isupper():
                return True
        return bool(self._boosters.find(list(words)))


def _thing_inside(text: str, a: Attribution, found: Sequence[Attribution]) -> bool:
    """True for a report whose source is "it", "this" or "that" inside another report's content: "saying it
    shows he'd be awake" is what the speaker says, not a second source."""
    if a.speaker_start < 0 or text[a.speaker_start : a.speaker_end].lower() not in ("it", "this", "that"):
        return False
    return any(b is not a and b.content_start <= a.cue_start < b.content_end for b in found)


def claim_sentences(doc: Document, rows: Sequence[dict] | Sequence[Attribution]) -> set[int]:
    """The sentences that claims rows (or attributions) hold: each row's own sentence and every sentence
    its content runs over (a quotation of several sentences is one row, see
    :func:`analysis.claims.quotations.join_quotations`).

    Args:
        doc: the processed article.
        rows: claims rows (``sentence_id``, ``content_start``, ``content_end``) or attributions.

    Returns:
        The sentence indexes, for ``sentences.is_claim``.
    """
    starts = [s.start for s in doc.sentences]
    out: set[int] = set()
    for row in rows:
        if isinstance(row, Attribution):
            index, start, end = row.sentence, row.content_start, row.content_end
        else:
            index, start, end = int(row["sentence_id"]), int(row["content_start"]), int(row["content_end"])
        out.add(index)
        if start >= 0 and end > doc.sentences[index].end:
            out.update(range(max(bisect_right(starts, start) - 1, index), bisect_left(starts, end)))
    return out


def _row(text: str, sentence: Sentence, a: Attribution, hedged: bool, boosted: bool) -> dict:
    return {
        "sentence_id": sentence.index,
        "text": text[a.content_start : a.content_end],
        "speaker": a.speaker,
        "speaker_type": a.speaker_type or ("outlet" if not a.speaker else "anonymous"),
        "speaker_text": a.speaker_text,
        "speaker_start": a.speaker_start,
        "speaker_end": a.speaker_end,
        "cue": a.cue if a.cue_start >= 0 else "",
        "cue_start": a.cue_start,
        "cue_end": a.cue_end,
        "content_start": a.content_start,
        "content_end": a.content_end,
        "quote": a.quote,
        "hedged": hedged,
        "boosted": boosted,
    }


def _own_voice(sentence: Sentence, hedged: bool, boosted: bool, *, end: int = -1, start: int = -1) -> dict:
    text = sentence.text if end < 0 else sentence.text[: end - sentence.start]
    end = len(text.rstrip(' .,;:!"”'))
    if start >= 0:  # the main clause after a report that opens the sentence
        start -= sentence.start
    else:
        start = len(sentence.text) - len(sentence.text.lstrip())
        start += dateline_length(sentence.text[start:])  # "MOSCOW, Dec 7 (Wire) - " is not the claim
    return {
        "sentence_id": sentence.index,
        "text": sentence.text[start : max(end, start)],  # the claim's own words; the sentence is in `sentences`
        "speaker": "",
        "speaker_type": "outlet",
        "speaker_text": "",
        "speaker_start": -1,
        "speaker_end": -1,
        "cue": "",
        "cue_start": -1,
        "cue_end": -1,
        "content_start": sentence.start + start,
        "content_end": sentence.start + max(end, start),
        "quote": "none",
        "hedged": hedged,
        "boosted": boosted,
    }
