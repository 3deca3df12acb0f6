"""Compare how news sources describe the same events.

>>> import analysis
>>> corpus = analysis.load_corpus("data/events")      # doctest: +SKIP
>>> result = analysis.analyze(corpus)                 # doctest: +SKIP
>>> result.entities.head()                            # doctest: +SKIP

Importing the package loads no model, downloads nothing and changes no
settings; resources load on first use.
"""

from analysis.corpus import Article, Corpus, load_corpus
from analysis.errors import AnalysisError, CorpusError, LexiconError, MissingResourceError
from analysis.pipeline import analyze, analyze_text
from analysis.result import Analysis

__version__ = "0.1.0"

__all__ = [
    "Analysis",
    "AnalysisError",
    "Article",
    "Corpus",
    "CorpusError",
    "LexiconError",
    "MissingResourceError",
    "analyze",
    "analyze_text",
    "compare",
    "load_corpus",
    "plots",
]


def __getattr__(name: str):
    # `analysis.compare` and `analysis.plots` import pandas/matplotlib machinery only when used.
    if name in ("compare", "plots"):
        import importlib

        return importlib.import_module(f"analysis.{name}")
    raise AttributeError(f"module 'analysis' has no attribute {name!r}")
