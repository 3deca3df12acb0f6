"""Loading articles: files, folders, tables and records become validated :class:`Article` records.

Every record read ends up an article or a reject (with where, why and the fix).
"""

from analysis.corpus.load import (
    Article,
    Corpus,
    identities,
    judge_repeats,
    load_corpus,
    read_records,
    screen,
    validate,
)
from analysis.corpus.readers import Record, Reject, Skip, files_to_read, read_file, split_front_matter

__all__ = [
    "Article",
    "Corpus",
    "Record",
    "Reject",
    "Skip",
    "files_to_read",
    "identities",
    "judge_repeats",
    "load_corpus",
    "read_file",
    "read_records",
    "screen",
    "split_front_matter",
    "validate",
]
