"""Compare how news sources describe the same events.

>>> import analysis
>>> corpus = analysis.load_corpus("data/events")      # doctest: +SKIP
>>> result = analysis.analyze(corpus)                 # doctest: +SKIP
>>> result.entities.head()                            # doctest: +SKIP

On a Dask cluster the tables go to disk, and are read back lazily::

>>> from distributed import Client                    # doctest: +SKIP
>>> analysis.analyze("shards/*.parquet", client=Client("tcp://host:8786"), out="run")  # doctest: +SKIP
>>> result = analysis.open("run")                     # doctest: +SKIP

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
    "open",
    "plots",
]


def open(directory, event: str | None = None):
    """Open a result on disk: the ``--out`` folder of a cluster run, or a folder written by ``Analysis.save``.

    Args:
        directory: the folder.
        event: read only this event's rows, into memory.

    Returns:
        For a cluster run, a :class:`analysis.stored.StoredAnalysis` whose
        tables are Dask DataFrames read lazily (``.load(event)`` reads one event
        into memory); with ``event``, or for a saved folder, an :class:`Analysis`.
        Every ``compare`` verb accepts either.

    Raises:
        StoredError: when the folder holds no analysis, or a run that has not finished.
    """
    from analysis.stored import open_analysis

    return open_analysis(directory, event=event)


def __getattr__(name: str):
    # `analysis.compare` and `analysis.plots` import pandas/matplotlib machinery only when used.
    if name in ("compare", "plots"):
        import importlib

        return importlib.import_module(f"analysis.{name}")
    raise AttributeError(f"module 'analysis' has no attribute {name!r}")
