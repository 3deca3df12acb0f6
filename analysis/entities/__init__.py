"""Named entities: mentions, their types, and one canonical name per actor.

Backends find the mentions (``rules`` offline, or a spaCy / NLTK model a user
installed); aliases, gazetteers and in-article linking give each mention its
canonical name, :func:`event_names` one name per actor across the articles
of an event and :func:`event_labels` one label per actor.
"""

from analysis.entities.aliases import AliasLexicon, event_lexicons, load_aliases
from analysis.entities.events import event_labels, event_names
from analysis.entities.gazetteer import sex_clash
from analysis.entities.recognizer import METHODS, EntityRecognizer, count_entities

__all__ = [
    "METHODS",
    "AliasLexicon",
    "EntityRecognizer",
    "count_entities",
    "event_labels",
    "event_lexicons",
    "event_names",
    "load_aliases",
    "sex_clash",
]
