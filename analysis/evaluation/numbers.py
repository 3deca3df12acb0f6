"""Score :func:`analysis.numbers.find_numbers` against gold numbers.

A predicted number is matched to a gold number of the same article when their
character spans overlap (any overlap; each gold and each predicted row is
used at most once, largest overlap first). On the matched pairs the command
reports how often the value, the unit and both are right; spans give
precision, recall and F1.

Command line (through :mod:`analysis.cli`)::

    python -m analysis evaluate numbers --format gold PATH [--errors]
    python -m analysis evaluate numbers --format annotated DATASETS [--annotations FILE] [--errors]

With ``--format gold``, ``PATH`` is a gold folder such as ``data/gold`` or
``data/gold/<event>`` (see ``data/README.md`` for the format). With
``--format annotated``, ``DATASETS`` is the folder holding ``polnear_dev`` and
``meantime_en`` and ``--annotations`` a hand-annotated file of numbers in real
news (default: ``benchmarks/numbers_dev.tsv`` of the checkout; its header says
how it was made); the scores are value F1, unit recall and the non-quantities
(years, dates, names, scores, ...) reported as quantities. ``--errors`` also
lists every missed, spurious and wrong number, so an annotator or developer
sees why.
"""

from __future__ import annotations

import argparse
import math
import sys
from pathlib import Path
from typing import Any

import pandas as pd

from analysis.evaluation.matching import pair_best_first
from analysis.resources import checkout_path

__all__ = [
    "add_arguments",
    "annotated_texts",
    "main",
    "match_numbers",
    "meantime_texts",
    "predict_annotated",
    "predict_numbers",
    "read_annotated",
    "score_annotated",
    "score_numbers",
]

_FORMATS = ("gold", "annotated")

#: Relative tolerance when comparing values (1/3 written as 0.333 still matches).
VALUE_TOLERANCE = 1e-3


def _same_value(a: Any, b: Any) -> bool:
    a, b = float(a), float(b)
    if math.isnan(a) or math.isnan(b):
        return math.isnan(a) and math.isnan(b)
    return math.isclose(a, b, rel_tol=VALUE_TOLERANCE, abs_tol=1e-9)


def _same_unit(a: Any, b: Any) -> bool:
    return " ".join(str(a).lower().split()) == " ".join(str(b).lower().split())


def _same_head(predicted: Any, gold: Any) -> bool:
    """The same counted noun: equal units, or the same last word ("local elected officials" / "officials")."""
    p, g = str(predicted).lower().split(), str(gold).lower().split()
    return p == g or (bool(p) and bool(g) and p[-1] == g[-1])


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


_NO_SPACE_BEFORE = frozenset(
    {",", ".", ";", ":", ")", "]", "'s", "'", "n't", "%", "?", "!", "'re", "'ve", "'ll", "'d", "'m"}
)


def _detokenize(tokens: list[str]) -> str:
    """Join one sentence's tokens into readable text ("$40 billion", "3.2%", "Boeing's")."""
    out: list[str] = []
    previous = ""
    for tok in tokens:
        if out and tok not in _NO_SPACE_BEFORE and previous not in ("(", "[", "$"):
            out.append(" ")
        out.append(tok)
        previous = tok
    return "".join(out)


def meantime_texts(folder: str | Path) -> dict[str, str]:
    """Rebuild MEANTIME article texts from ``meantime.conll``: sentences detokenized, joined by blank lines.

    The offsets of the annotated numbers file index these texts (key: ``meantime_en/<doc id>``).

    Args:
        folder: the ``meantime_en`` folder.

    Returns:
        Document id (``corpus_airbus/100911``) -> text, in file order.

    Raises:
        FileNotFoundError: when ``folder/meantime.conll`` is missing.
    """
    sentences: dict[str, dict[int, list[str]]] = {}
    with open(Path(folder) / "meantime.conll", encoding="utf-8") as fh:
        for line in fh:
            parts = line.rstrip("\n").split("\t")
            if line.startswith("#") or len(parts) < 4:
                continue
            sentences.setdefault(parts[0], {}).setdefault(int(parts[1]), []).append(parts[3])
    return {key: "\n\n".join(_detokenize(sents[i]) for i in sorted(sents)) for key, sents in sentences.items()}


#: The columns of an annotated numbers file, in order.
ANNOTATED_COLUMNS = ("file", "start", "end", "words", "value", "value_high", "unit", "qualifier", "kind")
#: ``kind`` values of an annotated file: a quantity, a non-quantity of a named kind, or a word to ignore.
NON_QUANTITY_KINDS = ("year", "date", "time", "name", "ordinal", "score", "phone")
_KINDS = ("quantity", *NON_QUANTITY_KINDS, "skip")
_QUALIFIERS = ("exact", "approximate", "at least", "at most", "range")


def default_annotations() -> Path:
    """``benchmarks/numbers_dev.tsv`` of the source checkout this package runs from."""
    return checkout_path("benchmarks", "numbers_dev.tsv")


def read_annotated(path: str | Path) -> pd.DataFrame:
    """Read a hand-annotated numbers file (the format of ``benchmarks/numbers_dev.tsv``).

    Args:
        path: a tab-separated file; lines starting with ``#`` are comments, the first other line
            is the header ``file start end words value value_high unit qualifier kind``.

    Returns:
        One row per annotated number with those columns (``start``/``end`` int, ``value`` and
        ``value_high`` float, NaN where empty).

    Raises:
        GoldError: naming the file and line of a malformed row.
        FileNotFoundError: when ``path`` does not exist (run from a checkout, or pass ``--annotations``).
    """
    from analysis.evaluation.gold import GoldError

    path = Path(path)
    if not path.is_file():
        raise FileNotFoundError(
            f"{path}: no annotated numbers file; run this from a checkout of the project or pass --annotations FILE"
        )
    rows: list[dict[str, Any]] = []
    header_seen = False
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        if not header_seen:
            if tuple(fields) != ANNOTATED_COLUMNS:
                raise GoldError(f"{path}:{number}: the header must be the columns {', '.join(ANNOTATED_COLUMNS)}")
            header_seen = True
            continue
        if len(fields) != len(ANNOTATED_COLUMNS):
            raise GoldError(f"{path}:{number}: {len(fields)} fields, expected {len(ANNOTATED_COLUMNS)} (tab-separated)")
        row: dict[str, Any] = dict(zip(ANNOTATED_COLUMNS, fields, strict=True))
        try:
            row["start"], row["end"] = int(row["start"]), int(row["end"])
            row["value"] = float(row["value"]) if row["value"] else math.nan
            row["value_high"] = float(row["value_high"]) if row["value_high"] else math.nan
        except ValueError as err:
            raise GoldError(f"{path}:{number}: start and end must be integers, value numbers ({err})") from None
        if row["kind"] not in _KINDS:
            raise GoldError(f"{path}:{number}: kind {row['kind']!r} is not one of {', '.join(_KINDS)}")
        if row["kind"] == "quantity" and (math.isnan(row["value"]) or row["qualifier"] not in _QUALIFIERS):
            raise GoldError(f"{path}:{number}: a quantity needs a value and a qualifier ({', '.join(_QUALIFIERS)})")
        rows.append(row)
    return pd.DataFrame(rows, columns=list(ANNOTATED_COLUMNS))


def annotated_texts(datasets: str | Path, files: list[str]) -> dict[str, str]:
    """The texts an annotated file points into, read from the datasets folder.

    Args:
        datasets: the folder holding ``polnear_dev`` and ``meantime_en``.
        files: dataset-relative names (``polnear_dev/text/<name>.txt``, ``meantime_en/<doc id>``).

    Returns:
        Name -> text.

    Raises:
        FileNotFoundError: naming the missing file or MEANTIME document.
    """
    datasets = Path(datasets)
    texts: dict[str, str] = {}
    meantime: dict[str, str] | None = None
    for name in dict.fromkeys(files):
        if name.startswith("meantime_en/"):
            if meantime is None:
                meantime = meantime_texts(datasets / "meantime_en")
            key = name.removeprefix("meantime_en/")
            if key not in meantime:
                raise FileNotFoundError(f"{datasets / 'meantime_en'}: no document {key!r} in meantime.conll")
            texts[name] = meantime[key]
        else:
            texts[name] = (datasets / name).read_text(encoding="utf-8")
    return texts


def predict_annotated(texts: dict[str, str], annotated: pd.DataFrame) -> pd.DataFrame:
    """Find numbers in the annotated sentences only (every number of a chosen sentence is annotated).

    Args:
        texts: name -> text (:func:`annotated_texts`).
        annotated: :func:`read_annotated` rows.

    Returns:
        The ``numbers`` rows (with ``article_id`` = file name) of sentences holding an annotation.
    """
    from analysis.numbers import find_numbers
    from analysis.text import process

    rows = []
    for name, text in texts.items():
        doc = process(text)
        starts = annotated.loc[annotated["file"] == name, "start"].tolist()
        chosen = {s.index for s in doc.sentences if any(s.start <= a < s.end for a in starts)}
        for row in find_numbers(doc):
            if row["sentence_id"] in chosen:
                rows.append({"article_id": name, **row})
    columns = ["article_id", "sentence_id", "start", "end", "text", "value", "value_high", "unit", "qualifier", "rate"]
    return pd.DataFrame(rows, columns=columns)


def _pair_annotated(predicted: pd.DataFrame, gold: pd.DataFrame) -> list[tuple[int, int]]:
    """Pair overlapping rows one-to-one; a pair that agrees on the value goes first, then the larger overlap.

    "six new A330-300E aircraft" overlaps both the annotated "six" and the model name "330-300E":
    the value 6 says which of the two the prediction is about.
    """
    candidates: list[tuple[float, int, int]] = []
    by_article: dict[str, list[int]] = {}
    for g, article in enumerate(gold["article_id"]):
        by_article.setdefault(str(article), []).append(g)
    for p in range(len(predicted)):
        prow = predicted.iloc[p]
        for g in by_article.get(str(prow["article_id"]), ()):
            grow = gold.iloc[g]
            overlap = min(int(prow["end"]), int(grow["end"])) - max(int(prow["start"]), int(grow["start"]))
            if overlap > 0:
                bonus = 1e6 if _same_value(prow["value"], grow["value"]) else 0.0
                candidates.append((overlap + bonus, p, g))
    return pair_best_first(candidates)


def score_annotated(predicted: pd.DataFrame, annotated: pd.DataFrame) -> dict[str, Any]:
    """Score predicted numbers against a hand-annotated file.

    A prediction is paired with an annotation it overlaps (one-to-one; same value first, then the
    largest overlap). A value is right
    when value and high end match (relative tolerance 1e-3); a unit when the counted noun's last
    word matches. Predictions paired with a ``skip`` annotation count neither way.

    Args:
        predicted: :func:`predict_annotated` rows.
        annotated: :func:`read_annotated` rows.

    Returns:
        ``n_quantities``, ``n_non_quantities``, ``n_predicted`` (skips left out); ``value_precision``,
        ``value_recall``, ``value_f1``; ``unit_recall`` (quantities found with the right unit),
        ``value_unit_recall`` (both right), ``qualifier_accuracy`` (on found quantities);
        ``non_quantities_flagged`` (non-quantities reported as quantities) and
        ``flagged_<kind>`` per kind; ``spurious`` (predictions overlapping no annotation).
    """
    gold = annotated.rename(columns={"file": "article_id"}).reset_index(drop=True)
    pairs = _pair_annotated(predicted, gold)
    kinds = gold["kind"].tolist()
    value_ok = unit_ok = both_ok = qualifier_ok = found = 0
    flagged: dict[str, int] = dict.fromkeys(NON_QUANTITY_KINDS, 0)
    skipped = 0
    for p, g in pairs:
        prow, grow = predicted.iloc[p], gold.iloc[g]
        if kinds[g] == "skip":
            skipped += 1
            continue
        if kinds[g] != "quantity":
            flagged[kinds[g]] += 1
            continue
        found += 1
        v = _same_value(prow["value"], grow["value"]) and _same_value(prow["value_high"], grow["value_high"])
        u = _same_head(prow["unit"], grow["unit"])
        value_ok += v
        unit_ok += u
        both_ok += v and u
        qualifier_ok += prow["qualifier"] == grow["qualifier"]
    n_quantities = kinds.count("quantity")
    n_predicted = len(predicted) - skipped

    def ratio(a: float, b: float) -> float:
        return a / b if b else math.nan

    precision, recall = ratio(value_ok, n_predicted), ratio(value_ok, n_quantities)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall > 0 else math.nan
    scores: dict[str, Any] = {
        "n_quantities": n_quantities,
        "n_non_quantities": sum(kinds.count(k) for k in NON_QUANTITY_KINDS),
        "n_predicted": n_predicted,
        "value_precision": precision,
        "value_recall": recall,
        "value_f1": f1,
        "unit_recall": ratio(unit_ok, n_quantities),
        "value_unit_recall": ratio(both_ok, n_quantities),
        "qualifier_accuracy": ratio(qualifier_ok, found),
        "non_quantities_flagged": sum(flagged.values()),
    }
    scores.update({f"flagged_{kind}": count for kind, count in flagged.items()})
    scores["spurious"] = len(predicted) - len(pairs)
    return scores


def _annotated_errors(predicted: pd.DataFrame, annotated: pd.DataFrame) -> list[str]:
    gold = annotated.rename(columns={"file": "article_id"}).reset_index(drop=True)
    pairs = _pair_annotated(predicted, gold)
    lines = []
    matched_p = {p for p, _ in pairs}
    matched_g = {g for _, g in pairs}
    for p, g in pairs:
        prow, grow = predicted.iloc[p], gold.iloc[g]
        where = f"{grow['article_id']}:{grow['start']}"
        if grow["kind"] == "skip":
            continue
        if grow["kind"] != "quantity":
            lines.append(f"flagged  {where}: {prow['text']!r} -> {prow['value']:g} {prow['unit']!r}; a {grow['kind']}")
            continue
        ok = _same_value(prow["value"], grow["value"]) and _same_value(prow["value_high"], grow["value_high"])
        if not (ok and _same_head(prow["unit"], grow["unit"])):
            lines.append(
                f"wrong    {where}: {prow['text']!r} -> {prow['value']:g}-{prow['value_high']:g} {prow['unit']!r}; "
                f"gold {grow['words']!r} {grow['value']:g}-{grow['value_high']:g} {grow['unit']!r}"
            )
    for g in range(len(gold)):
        if g not in matched_g and gold.iloc[g]["kind"] == "quantity":
            row = gold.iloc[g]
            lines.append(
                f"missed   {row['article_id']}:{row['start']}: {row['words']!r} {row['value']:g} {row['unit']!r}"
            )
    for p in range(len(predicted)):
        if p not in matched_p:
            row = predicted.iloc[p]
            lines.append(
                f"spurious {row['article_id']}:{row['start']}: {row['text']!r} {row['value']:g} {row['unit']!r}"
            )
    return lines


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the ``evaluate numbers`` options to ``parser``."""
    parser.add_argument("--format", choices=_FORMATS, default="gold", help="annotation format (default: gold)")
    parser.add_argument(
        "path", type=Path, help="gold folder (data/gold), or with --format annotated the datasets folder"
    )
    parser.add_argument(
        "--annotations",
        type=Path,
        default=None,
        help="with --format annotated: the annotated numbers file (default: benchmarks/numbers_dev.tsv)",
    )
    parser.add_argument("--errors", action="store_true", help="also list missed, spurious and wrong numbers")


def _print_scores(title: str, scores: dict[str, Any]) -> None:
    print(title)
    for key, value in scores.items():
        print(f"  {key:<22} {value:.3f}" if isinstance(value, float) else f"  {key:<22} {value}")


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

    if getattr(args, "format", "gold") == "annotated":
        file = args.annotations if getattr(args, "annotations", None) is not None else default_annotations()
        annotated = read_annotated(file)
        texts = annotated_texts(args.path, annotated["file"].tolist())
        predicted = predict_annotated(texts, annotated)
        _print_scores(
            f"numbers: {len(annotated)} annotations in {len(texts)} texts from {file}",
            score_annotated(predicted, annotated),
        )
        if getattr(args, "errors", False):
            for line in _annotated_errors(predicted, annotated):
                print("  " + line)
        sys.stdout.flush()
        return 0
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
