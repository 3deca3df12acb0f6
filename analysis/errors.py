"""Exceptions raised by the package. Each message says what went wrong and how to fix it."""

from __future__ import annotations

from pathlib import Path


class AnalysisError(Exception):
    """Base class of every error this package raises on purpose."""


class LexiconError(AnalysisError, ValueError):
    """A lexicon file (YAML) is malformed.

    Args:
        path: the lexicon file.
        line: 1-based line number of the problem, or None when unknown.
        problem: what is wrong and how to fix it.
    """

    def __init__(self, path: str | Path, line: int | None, problem: str) -> None:
        self.path = str(path)
        self.line = line
        self.problem = problem
        where = f"{self.path}, line {line}" if line else self.path
        super().__init__(f"{where}: {problem}")


class CorpusError(AnalysisError, ValueError):
    """The corpus could not be loaded (raised with ``strict=True`` or for an unusable path)."""


class MissingResourceError(AnalysisError, LookupError):
    """An optional resource (a spaCy model, NLTK data) is not installed.

    The message ends with the command that installs it.
    """


class SchemaError(AnalysisError, ValueError):
    """A table built by the pipeline lacks a contract column (see :mod:`analysis.schema`): a bug to report."""


class GoldError(AnalysisError, ValueError):
    """A gold annotation file is malformed or does not match its article (the message names the entry)."""


class ReportError(AnalysisError):
    """The report could not be rendered; the message names the cell or input to fix."""


class FastPathMismatchError(AnalysisError, RuntimeError):
    """The package's fast re-statement of VADER or TextBlob disagrees with the installed package.

    The message names the installed versions and the sentence that differs; the
    fix is to install the versions the fast paths were checked against, or to
    score with ``method="reference"`` until the package is updated.
    """
