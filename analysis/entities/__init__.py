"""Named entities: mentions, their types, and one canonical name per actor.

Backends find the mentions (``rules`` offline, or a spaCy / NLTK model a user
installed); aliases, gazetteers and in-article linking give each mention its
canonical name.
"""

from analysis.entities.aliases import AliasLexicon, load_aliases
from analysis.entities.recognizer import METHODS, EntityRecognizer, count_entities

__all__ = ["METHODS", "AliasLexicon", "EntityRecognizer", "count_entities", "load_aliases"]
