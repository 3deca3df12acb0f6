"""Who said what: reporting cues, their speakers and their content, per sentence.

This module finds attributions; :mod:`analysis.claims` turns them into claim
rows. Patterns recognised (``X`` a speaker, ``Y`` the content):

* direct quotes: ``"Y," X said.``, ``"Y1," X said, "Y2."``, ``X said: "Y."``,
  ``"Y," said X.``, a quote running over several sentences or paragraphs (one
  row, the speaker named where the quote begins or ends), and a bare quote right
  after an attributed sentence (same speaker; one quotation with it in the same
  paragraph, :func:`~analysis.claims.quotations.join_quotations`);
* a quote signed after a dash: ``"Y." ― X``;
* indirect speech: ``X said (that) Y``, ``Y, X added``, ``Y, said X``,
  ``Y1, X said, Y2``, ``according to X, Y`` / ``Y, according to X``, ``X told
  reporters Y``, ``X said Y, adding that Z``, passive ``it was reported that Y``
  (speaker "", anonymous);
* beyond speech (word lists in ``claims.yml``): belief and knowledge (``X
  believes / knew / fears Y``), documents that show or find (``the audit found
  Y``, ``a leaked memo shows Y``), intentions with their infinitive (``X wants
  to Y``), demands and descriptions with a noun-phrase content (``X called for
  Y``, ``X urged Y``), nominal cues after a possessor (``her view that Y``,
  ``the mayor's claim that Y``);
* verbs that report only before a colon (``X continued: "Y"``, ``X went on:
  "Y"``; ``colon_cues`` in ``claims.yml``); a quoted title after a preposition or
  a possessive is no content (``said on Fox News's "Fox and Friends" that Y``);
* not attributions: questions (``asked whether Y``, ``knows what Y``), denied
  speech (``did not say``), passives whose subject is no source (``are expected
  to``), a relative clause on an object (``found 3,412 that had been ...``);
* speakers: a name (the entity rows' canonical name; co-speakers joined, "A and
  B"), a pronoun (see :class:`~analysis.claims.speakers.SpeakerResolver`: he/she
  after a sentence about someone is its subject, the person right before its verb), a
  description ("the senior officer", "the ministry", "a spokesman for X",
  "officials", "a leaked memo") resolved to an entity where the article makes it
  clear and otherwise kept, with its speaker type. Every attribution whose source
  the text names has a speaker span; a continued quote points at the source
  words of the attribution it continues.

Everything is a bounded walk over the part-of-speech tagged tokens: time is
linear in the length of the text, whatever the punctuation.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence

from analysis.claims.cues import CueReader
from analysis.claims.headlines import headline_attribution
from analysis.claims.lexicon import ClaimLexicon
from analysis.claims.model import Attribution
from analysis.claims.quotations import dash_bylines, join_quotations, join_split_quotes, quote_only
from analysis.claims.spans import drop_dateline
from analysis.claims.speakers import SpeakerResolver, SpeakerWords
from analysis.claims.view import SentenceView, sentence_view
from analysis.text import Document, Sentence, paragraphs
from analysis.text.quotes import Quote, find_quotes


class AttributionFinder:
    """Find attributions in a :class:`~analysis.text.Document` (see module docstring).

    Args:
        lexicon: the merged claims lexicon.
    """

    def __init__(self, lexicon: ClaimLexicon) -> None:
        self.lexicon = lexicon
        self._documents = lexicon.words("documents")
        self._reader = CueReader(lexicon)
        self._speaker_words = SpeakerWords(
            anonymous=lexicon.words("anonymous"),
            bodies=lexicon.words("official_bodies"),
            roles=lexicon.words("person_roles"),
            described=lexicon.words("described_roles"),
            speaks_for=lexicon.words("speaks_for"),
            outlets=lexicon.words("outlets"),
            documents=self._documents,
        )

    def find(self, doc: Document, entities: Sequence[dict]) -> list[Attribution]:
        """Return the attributions of ``doc``, in text order, speakers resolved.

        Args:
            doc: the processed article.
            entities: the entity rows of this article (keys start, end, canonical, label, title).

        Returns:
            One :class:`Attribution` per (sentence, speaker, content).
        """
        text = doc.text
        paras = list(paragraphs(text))
        quotes = find_quotes(text, paras)
        para_of = _paragraph_index(doc.sentences, paras)
        ents = sorted((e for e in entities if e.get("start", -1) >= 0), key=lambda e: (int(e["start"]), -int(e["end"])))
        ent_starts = [int(e["start"]) for e in ents]
        quote_starts = [q.start for q in quotes]
        found: list[Attribution] = []
        views: dict[int, SentenceView] = {}
        for sentence in doc.sentences:
            if sentence.kind != "body":
                continue
            view = sentence_view(doc, sentence, quotes, quote_starts)
            views[sentence.index] = view
            found.extend(self._reader.sentence(view, quotes, text))
        found.extend(self._headline(doc, views, quotes, quote_starts, ents, found))
        found.extend(dash_bylines(doc, views, quotes, found))
        found.extend(quote_only(doc, views, quotes, found))
        blocks = [(a.content_start, a.content_end) for a in found if a.kind == "block"]
        if blocks:  # a block quote's sentences are the speaker's words, not reports of their own
            found = [a for a in found if a.kind == "block" or not _inside_any(doc.sentences[a.sentence], blocks)]
        for a in found:
            drop_dateline(doc.sentences[a.sentence], a, text)
        found.sort(key=lambda a: (a.sentence, a.content_start, a.order))
        found = join_split_quotes(found)
        SpeakerResolver(self._speaker_words, doc, ents, ent_starts, para_of, found).run()
        for a in found:
            if a.relative_end > a.speaker_end >= 0:  # "Holt, who": the name and the pronoun that speaks
                a.speaker_end = a.relative_end
                a.speaker_text = text[a.speaker_start : a.speaker_end]
        return join_quotations(found, para_of)

    def _headline(
        self,
        doc: Document,
        views: dict[int, SentenceView],
        quotes: list[Quote],
        quote_starts: list[int],
        ents: list[dict],
        found: list[Attribution],
    ) -> list[Attribution]:
        """The headline's attribution ("Holt: ...", "Holt Says ...", :mod:`analysis.claims.headlines`):
        the sentence marked as the headline, or a first line standing alone that the body rules left."""
        if not doc.sentences:
            return []
        first = doc.sentences[0]
        line_end = doc.text.find("\n", first.start)
        alone = first.kind == "headline" or (
            first.kind == "body"
            and not doc.text[: first.start].strip()
            and not doc.text[first.end : line_end if line_end >= 0 else len(doc.text)].strip()
        )
        if not alone or any(a.sentence == first.index for a in found):
            return []
        v = views.get(first.index) or sentence_view(doc, first, quotes, quote_starts)
        spans = [
            (int(e["start"]), int(e["end"]), str(e.get("label", "")))
            for e in ents
            if first.start <= int(e["start"]) and int(e["end"]) <= first.end
        ]
        a = headline_attribution(v, spans, self._documents, doc.text)
        return [a] if a is not None else []


# ------------------------------------------------------------------ utils
def _inside_any(sentence: Sentence, spans: list[tuple[int, int]]) -> bool:
    return any(start <= sentence.start and sentence.end <= end + 1 for start, end in spans)


def _paragraph_index(sentences: Sequence[Sentence], paras: list[tuple[int, int]]) -> dict[int, int]:
    out = {}
    starts = [p[0] for p in paras]
    for s in sentences:
        out[s.index] = max(bisect_right(starts, s.start) - 1, 0)
    return out
