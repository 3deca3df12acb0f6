"""Optional statistical backends for entity mentions: spaCy and NLTK's ``ne_chunk``.

Both only find mentions and their types; :mod:`analysis.entities.linking` then merges
aliases exactly as for the offline rules. Neither downloads anything: when the
library or its data is missing, :class:`~analysis.errors.MissingResourceError`
says which command installs it.
"""

from __future__ import annotations

from analysis.entities.rules import Mention
from analysis.errors import MissingResourceError

#: Backend labels -> the package's labels (others are dropped).
LABELS = {
    "PERSON": "PERSON",
    "PER": "PERSON",
    "ORG": "ORG",
    "ORGANIZATION": "ORG",
    "GPE": "GPE",
    "GSP": "GPE",
    "LOC": "LOC",
    "LOCATION": "LOC",
    "FAC": "LOC",
    "FACILITY": "LOC",
    "NORP": "NORP",
}


def _sentence_of(doc, start: int) -> int:
    import bisect

    index = bisect.bisect_right(doc.sentences, start, key=lambda s: s.start) - 1
    return max(index, 0)


def _clip(doc, start: int, end: int) -> tuple[int, int, int]:
    """Clip a span to the sentence it starts in (a mention never crosses a sentence)."""
    index = _sentence_of(doc, start)
    return index, start, min(end, doc.sentences[index].end)


class SpacyMentionFinder:
    """Mentions from a spaCy pipeline the user installed.

    Args:
        model: the pipeline's package name, e.g. ``"en_core_web_sm"``.

    Raises:
        MissingResourceError: when spaCy or the model is not installed.
    """

    def __init__(self, model: str) -> None:
        try:
            import spacy
        except ImportError as exc:
            raise MissingResourceError(
                "spaCy is not installed. Install it with: python -m pip install spacy && "
                f"python -m spacy download {model}"
            ) from exc
        try:
            self.nlp = spacy.load(model, disable=["lemmatizer"])
        except OSError as exc:
            raise MissingResourceError(
                f"The spaCy pipeline {model!r} is not installed. Install it with: python -m spacy download {model}"
            ) from exc
        self.model = model

    def mentions(self, doc) -> list[Mention]:
        """Candidate mentions of a document (entities of debris sentences are dropped by the linker)."""
        out = []
        for ent in self.nlp(doc.text).ents:
            label = LABELS.get(ent.label_)
            if label is None:
                continue
            index, start, end = _clip(doc, ent.start_char, ent.end_char)
            out.append(Mention(index, start, end, label, "", "", "model"))
        return out


_NLTK_DATA = ("chunkers/maxent_ne_chunker_tab", "corpora/words")


class NltkMentionFinder:
    """Mentions from NLTK's ``ne_chunk`` over the document's own tokens and Penn tags.

    Raises:
        MissingResourceError: when the NLTK data (``maxent_ne_chunker_tab``,
            ``words``) is not installed; nothing is ever downloaded.
    """

    def __init__(self) -> None:
        import nltk

        missing = []
        for resource in _NLTK_DATA:
            try:
                nltk.data.find(resource)
            except LookupError:
                missing.append(resource.split("/")[1])
        if missing:
            raise MissingResourceError(
                f"NLTK data {', '.join(missing)} is not installed. Install it with: "
                f"python -m nltk.downloader {' '.join(missing)}"
            )
        from nltk.chunk import ne_chunk

        self._ne_chunk = ne_chunk

    def mentions(self, doc) -> list[Mention]:
        """Candidate mentions of a document, sentence by sentence (debris skipped)."""
        from nltk.tree import Tree

        out = []
        for sentence in doc.sentences:
            if sentence.is_debris:
                continue
            tokens = doc.sentence_tokens(sentence.index)
            if not tokens:
                continue
            tree = self._ne_chunk([(t.text, t.pos) for t in tokens])
            position = 0
            for node in tree:
                if isinstance(node, Tree):
                    size = len(node.leaves())
                    label = LABELS.get(node.label())
                    if label is not None:
                        first, last = tokens[position], tokens[position + size - 1]
                        out.append(Mention(sentence.index, first.start, last.end, label, "", "", "model"))
                    position += size
                else:
                    position += 1
        return out
