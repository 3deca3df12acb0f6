"""Loading articles: files, folders, tables and records become validated :class:`Article` records.

Every record read ends up an article or a reject (with where, why and the fix).
"""

from analysis.corpus.load import Article, Corpus, load_corpus
from analysis.corpus.readers import Record, Reject, Skip, split_front_matter

__all__ = ["Article", "Corpus", "Record", "Reject", "Skip", "load_corpus", "split_front_matter"]
