"""Check at first use that the fast scorers agree with the installed vaderSentiment and TextBlob.

:mod:`analysis.sentiment._vader` and :mod:`analysis.sentiment._pattern`
re-state the two packages' rules over the packages' own lexicons (4-5x
faster). Their resources are read at run time, but the rules and a few
numbers are written out (each module's docstring lists them). A new release of
either package that changes a rule would silently change ``compound``,
``polarity`` or ``subjectivity``, so before the first score
:func:`check_fast_paths` scores a few canary sentences both ways and raises
:class:`~analysis.errors.FastPathMismatchError`, naming the versions, on any
difference. :func:`reference_scores` is the slow route through the packages
themselves (``score_sentences(..., method="reference")``) for auditing.
"""

from __future__ import annotations

from functools import cache

from analysis.errors import FastPathMismatchError

__all__ = ["CANARIES", "check_fast_paths", "reference_scores"]

#: Sentences that exercise every rule of the two scorers (ours, written for this check).
CANARIES = (
    "The new bridge is good.",
    "The new bridge is not good, but the old one was VERY bad!!",
    "Was the ferry extremely late?? It was kind of slow :(",
    "The council was never so proud, without doubt a great day :)",
    "Not the least bit helpful, the report is at least not awful.",
    "The mayor's plan isn't terrible; it is only slightly disappointing.",
    "WOW, the harbour festival was absolutely wonderful (!)",
    "Residents said the water was not clean and the smell was sort of horrible.",
    "It's no good at all, nor is it any better than before 😡",
)


def _versions() -> str:
    from importlib.metadata import PackageNotFoundError, version

    out = []
    for name in ("vaderSentiment", "textblob"):
        try:
            out.append(f"{name} {version(name)}")
        except PackageNotFoundError:
            out.append(f"{name} (version unknown)")
    return ", ".join(out)


@cache
def _reference():
    from textblob.en.sentiments import PatternAnalyzer
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return SentimentIntensityAnalyzer(), PatternAnalyzer()


def reference_scores(text: str) -> tuple[float, float, float]:
    """``(compound, polarity, subjectivity)`` of ``text`` from the packages themselves (slow)."""
    vader, pattern = _reference()
    polarity, subjectivity = pattern.analyze(text)
    return float(vader.polarity_scores(text)["compound"]), float(polarity), float(subjectivity)


def _fast_scores(text: str) -> tuple[float, float, float]:
    from analysis.sentiment._pattern import get_scorer as pattern_scorer
    from analysis.sentiment._vader import get_scorer as vader_scorer

    polarity, subjectivity = pattern_scorer().score(text)
    return float(vader_scorer().compound(text)), float(polarity), float(subjectivity)


def mismatches(texts=CANARIES) -> list[tuple[str, str, float, float]]:
    """Return ``(sentence, score, fast, reference)`` for every score that differs (empty when all agree)."""
    out = []
    for text in texts:
        fast, reference = _fast_scores(text), reference_scores(text)
        for name, a, b in zip(("compound", "polarity", "subjectivity"), fast, reference, strict=True):
            if a != b:
                out.append((text, name, a, b))
    return out


@cache
def check_fast_paths() -> None:
    """Score :data:`CANARIES` both ways once per process; raise on any difference.

    Raises:
        FastPathMismatchError: naming the installed versions, the sentence and the two values.
    """
    found = mismatches()
    if found:
        text, name, fast, reference = found[0]
        raise FastPathMismatchError(
            f"the fast {name} differs from the installed package ({_versions()}): {fast!r} instead of "
            f"{reference!r} for {text!r} ({len(found)} difference(s) on {len(CANARIES)} canary sentences). "
            "The fast paths were checked against vaderSentiment 3.3.2 and textblob 0.20.1: install those "
            '(pip install "vaderSentiment==3.3.2" "textblob==0.20.1"), or score with method="reference" and '
            "report the new version to the project."
        )
