"""Score :func:`analysis.numbers.find_numbers` against gold numbers.

A predicted number is matched to a gold number of the same article when their
character spans overlap (any overlap; each gold and each predicted row is
used at most once, largest overlap first). On the matched pairs the command
reports how often the value, the unit and both are right; spans give
precision, recall and F1.

Command line (through :mod:`analysis.cli`)::

    python -m analysis evaluate numbers --format gold PATH [--errors]

``PATH`` is a gold folder such as ``data/gold`` or ``data/gold/<event>`` (see
``data/README.md`` for the format). ``--errors`` also lists every missed,
spurious and wrong number, so an annotator or developer sees why.
"""

from __future__ import annotations

import argparse
import math
import sys
from pathlib import Path
from typing import Any

import pandas as pd

from analysis.evaluation.matching import pair_best_first

__all__ = ["add_arguments", "main", "match_numbers", "predict_numbers", "score_numbers"]

_FORMATS = ("gold",)

#: Relative tolerance when comparing values (1/3 written as 0.333 still matches).
VALUE_TOLERANCE = 1e-3


def _same_value(a: Any, b: Any) -> bool:
    a, b = float(a), float(b)
    if math.isnan(a) or math.isnan(b):
        return math.isnan(a) and math.isnan(b)
    return math.isclose(a, b, rel_tol=VALUE_TOLERANCE, abs_tol=1e-9)


def _same_unit(a: Any, b: Any) -> bool:
    return " ".join(str(a).lower().split()) == " ".join(str(b).lower().split())


def match_numbers(predicted: pd.DataFrame, gold: pd.DataFrame) -> list[tuple[int, int]]:
    """Pair predicted and gold rows whose spans overlap, one-to-one, largest overlap first.

    Args:
        predicted: rows with ``article_id``, ``start``, ``end``.
        gold: rows with ``article_id``, ``start``, ``end``.

    Returns:
        ``(predicted position, gold position)`` pairs (positions are ``iloc`` indexes).
    """
    candidates: list[tuple[int, int, int]] = []
    gold_by_article: dict[str, list[tuple[int, int, int]]] = {}
    for g, (article, start, end) in enumerate(zip(gold["article_id"], gold["start"], gold["end"], strict=True)):
        gold_by_article.setdefault(str(article), []).append((g, int(start), int(end)))
    for p, (article, start, end) in enumerate(
        zip(predicted["article_id"], predicted["start"], predicted["end"], strict=True)
    ):
        for g, g_start, g_end in gold_by_article.get(str(article), ()):
            overlap = min(int(end), g_end) - max(int(start), g_start)
            if overlap > 0:
                candidates.append((overlap, p, g))
    return pair_best_first(candidates)


def score_numbers(predicted: pd.DataFrame, gold: pd.DataFrame) -> dict[str, float | int]:
    """Compare predicted numbers with gold numbers.

    Args:
        predicted: the ``numbers`` table (``article_id``, ``start``, ``end``, ``value``,
            ``unit``; ``value_high`` and ``qualifier`` are scored when present).
        gold: gold numbers with the same columns (``GoldSet.numbers``).

    Returns:
        ``n_predicted``, ``n_gold``, ``n_matched``; span ``precision``, ``recall``, ``f1``
        (any overlap); on matched pairs ``value_accuracy``, ``unit_accuracy``,
        ``value_unit_accuracy`` (value and unit both right), ``qualifier_accuracy``;
        and ``value_unit_recall``: gold numbers found with the right value and unit,
        over all gold numbers. Ratios with an empty denominator are NaN.
    """
    pairs = match_numbers(predicted, gold)
    n_pred, n_gold, n_match = len(predicted), len(gold), len(pairs)
    value_ok = unit_ok = both_ok = qualifier_ok = 0
    has_high = "value_high" in predicted.columns and "value_high" in gold.columns
    has_qualifier = "qualifier" in predicted.columns and "qualifier" in gold.columns
    for p, g in pairs:
        prow, grow = predicted.iloc[p], gold.iloc[g]
        v = _same_value(prow["value"], grow["value"])
        if has_high:
            v = v and _same_value(prow["value_high"], grow["value_high"])
        u = _same_unit(prow["unit"], grow["unit"])
        value_ok += v
        unit_ok += u
        both_ok += v and u
        if has_qualifier:
            qualifier_ok += prow["qualifier"] == grow["qualifier"]

    def ratio(a: float, b: float) -> float:
        return a / b if b else math.nan

    precision, recall = ratio(n_match, n_pred), ratio(n_match, n_gold)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall > 0 else math.nan
    return {
        "n_predicted": n_pred,
        "n_gold": n_gold,
        "n_matched": n_match,
        "precision": precision,
        "recall": recall,
        "f1": f1,
        "value_accuracy": ratio(value_ok, n_match),
        "unit_accuracy": ratio(unit_ok, n_match),
        "value_unit_accuracy": ratio(both_ok, n_match),
        "qualifier_accuracy": ratio(qualifier_ok, n_match) if has_qualifier else math.nan,
        "value_unit_recall": ratio(both_ok, n_gold),
    }


def predict_numbers(gold_set: Any) -> pd.DataFrame:
    """Run :func:`analysis.numbers.find_numbers` on every article of a gold set.

    Args:
        gold_set: a :class:`analysis.evaluation.gold.GoldSet`.

    Returns:
        The predicted ``numbers`` table (with ``article_id``) over the same article texts.
    """
    from analysis.evaluation.gold import read_article
    from analysis.numbers import find_numbers
    from analysis.text import process

    rows = []
    for article_id, article in gold_set.articles.items():
        meta, _ = read_article(article.article_path)
        title = meta.get("title")
        doc = process(article.text, title=str(title) if title else None)
        for row in find_numbers(doc):
            rows.append({"article_id": article_id, **row})
    columns = ["article_id", "sentence_id", "start", "end", "text", "value", "value_high", "unit", "qualifier", "rate"]
    return pd.DataFrame(rows, columns=columns)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the ``evaluate numbers`` options to ``parser``."""
    parser.add_argument("--format", choices=_FORMATS, default="gold", help="annotation format (default: gold)")
    parser.add_argument("path", type=Path, help="gold folder, e.g. data/gold or data/gold/<event>")
    parser.add_argument("--errors", action="store_true", help="also list missed, spurious and wrong numbers")


def _errors(predicted: pd.DataFrame, gold: pd.DataFrame) -> list[str]:
    pairs = match_numbers(predicted, gold)
    lines = []
    matched_p = {p for p, _ in pairs}
    matched_g = {g for _, g in pairs}
    for p, g in pairs:
        prow, grow = predicted.iloc[p], gold.iloc[g]
        ok = _same_value(prow["value"], grow["value"]) and _same_value(prow["value_high"], grow["value_high"])
        if not (ok and _same_unit(prow["unit"], grow["unit"])):
            lines.append(
                f"wrong    {grow['article_id']}: {prow['text']!r} -> {prow['value']:g} {prow['unit']!r}; "
                f"gold {grow['text']!r} {grow['value']:g} {grow['unit']!r}"
            )
    for g in range(len(gold)):
        if g not in matched_g:
            row = gold.iloc[g]
            lines.append(f"missed   {row['article_id']}: {row['text']!r} {row['value']:g} {row['unit']!r}")
    for p in range(len(predicted)):
        if p not in matched_p:
            row = predicted.iloc[p]
            lines.append(f"spurious {row['article_id']}: {row['text']!r} {row['value']:g} {row['unit']!r}")
    return lines


def main(args: argparse.Namespace) -> int:
    """Run ``python -m analysis evaluate numbers``; prints the scores, returns the exit status."""
    from analysis.evaluation.gold import load_gold_dir

    gold_set = load_gold_dir(args.path)
    predicted = predict_numbers(gold_set)
    scores = score_numbers(predicted, gold_set.numbers)
    print(f"numbers: {len(gold_set.articles)} articles from {args.path}")
    for key, value in scores.items():
        print(f"  {key:<20} {value:.3f}" if isinstance(value, float) else f"  {key:<20} {value}")
    if getattr(args, "errors", False):
        for line in _errors(predicted, gold_set.numbers):
            print("  " + line)
    sys.stdout.flush()
    return 0
