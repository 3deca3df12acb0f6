"""Measure ``tone``, VADER's ``compound`` and TextBlob's ``polarity`` against people.

The input is the format of the VADER rated sets (Hutto & Gilbert, 2014): one
item per line, tab-separated ``id``, mean human rating in [-4, 4], text. For
each file the command reports Pearson r of each score against the human mean,
and the macro F1 of three classes (negative / neutral / positive) with the
thresholds +/-0.05 applied to the score and to the human mean divided by 4.

Command line (through :mod:`analysis.cli`)::

    python -m analysis evaluate sentiment --format vader PATH [--half fit|test|all]
    python -m analysis evaluate sentiment --format newsmtsc PATH

With ``--format newsmtsc`` (NewsMTSC, Hamborg & Donnay 2021: JSONL, one news
sentence per line with ``sentence_normalized`` and ``targets``, each target a
character span labelled 2 negative / 4 neutral / 6 positive toward it) the
command scores the tone toward each target mention
(:func:`analysis.sentiment.mention_tones`, the ``entities.tone`` column)
beside the sentence ``tone`` and VADER's ``compound`` of the same sentence as
baselines. Each score gets two thresholds (negative below ``low``, positive
above ``high``) chosen on a fixed half of the sentences (see
:func:`is_fit_half`, by the sentence's ``primary_gid``) to maximise macro-F1,
and is reported on the other half; see :func:`evaluate_targets`. The same
run measures each score on whole sentences: Pearson r between the score and
the mean of the sentence's target labels (NewsMTSC's coders reading a news
sentence about the persons in it), per half; this is the dev figure for the
sentence ``tone`` on news.

``PATH`` is a file or a folder (every ``*.txt`` / ``*.tsv`` file in it).
Lines that do not parse (too few fields, a rating that is not a number in
[-4, 4]) are counted in ``n_bad`` and reported, never fatal.
"""

from __future__ import annotations

import argparse
import hashlib
import math
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

__all__ = [
    "RESULT_COLUMNS",
    "TARGET_COLUMNS",
    "RatedSet",
    "TargetItem",
    "add_arguments",
    "evaluate",
    "evaluate_targets",
    "is_fit_half",
    "main",
    "read_rated",
    "read_targets",
]

#: Columns of :func:`evaluate`.
RESULT_COLUMNS = [
    "file",
    "n",
    "pearson_tone",
    "pearson_compound",
    "pearson_polarity",
    "f1_tone",
    "f1_compound",
    "f1_polarity",
]

#: Class threshold on scores in [-1, 1] (and on the human mean / 4).
THRESHOLD = 0.05

_FORMATS = ("vader", "newsmtsc")
#: NewsMTSC polarity codes -> classes.
_NEWSMTSC_CLASSES = {2.0: -1, 4.0: 0, 6.0: 1}
#: Columns of :func:`evaluate_targets`.
TARGET_COLUMNS = ["score", "n_fit", "n_test", "low", "high", "f1_fit", "f1_test", "pearson_fit", "pearson_test"]


@dataclass
class RatedSet:
    """Items of one rated file.

    Attributes:
        path: the file.
        ids, ratings, texts: the parsed items, in file order.
        bad_lines: 1-based numbers of lines that did not parse, with the reason.
    """

    path: Path
    ids: list[str] = field(default_factory=list)
    ratings: list[float] = field(default_factory=list)
    texts: list[str] = field(default_factory=list)
    bad_lines: list[tuple[int, str]] = field(default_factory=list)


def is_fit_half(item_id: str) -> bool:
    """Return True for items in the fixed half used to fit ``tone``'s weight.

    The split hashes the id (SHA-1, even last bit), so it is the same on
    every machine and independent of file order.

    Args:
        item_id: the item's id as written in the file.
    """
    return hashlib.sha1(item_id.encode("utf-8")).digest()[-1] % 2 == 0


def read_rated(path: str | Path, *, format: str = "vader") -> RatedSet:
    """Read one rated file (``id <TAB> mean rating <TAB> text``).

    Args:
        path: the file (UTF-8; undecodable bytes are replaced).
        format: only ``"vader"`` is known.

    Returns:
        The parsed :class:`RatedSet`; bad lines are listed, not raised.

    Raises:
        ValueError: unknown ``format``.
    """
    if format != "vader":
        raise ValueError(f"unknown format {format!r} for rated sentences; use vader (newsmtsc: read_targets)")
    path = Path(path)
    rated = RatedSet(path)
    with path.open(encoding="utf-8", errors="replace", newline="") as handle:
        for number, line in enumerate(handle, start=1):
            line = line.rstrip("\r\n")
            if not line.strip():
                continue
            parts = line.split("\t")
            if len(parts) < 3:
                rated.bad_lines.append((number, "expected 3 tab-separated fields: id, rating, text"))
                continue
            try:
                rating = float(parts[1])
            except ValueError:
                rated.bad_lines.append((number, f"rating {parts[1]!r} is not a number"))
                continue
            if not math.isfinite(rating) or abs(rating) > 4:
                rated.bad_lines.append((number, f"rating {rating} is outside -4 .. 4"))
                continue
            rated.ids.append(parts[0])
            rated.ratings.append(rating)
            rated.texts.append("\t".join(parts[2:]))
    return rated


def _classes(values: pd.Series) -> pd.Series:
    return pd.Series(
        [1 if v > THRESHOLD else -1 if v < -THRESHOLD else 0 for v in values], index=values.index, dtype="int64"
    )


def macro_f1(truth: pd.Series, predicted: pd.Series) -> float:
    """Macro-averaged F1 over the classes -1, 0, 1 (a class absent from both counts as 0).

    Args:
        truth: true classes.
        predicted: predicted classes, aligned with ``truth``.
    """
    scores = []
    for label in (-1, 0, 1):
        tp = int(((truth == label) & (predicted == label)).sum())
        fp = int(((truth != label) & (predicted == label)).sum())
        fn = int(((truth == label) & (predicted != label)).sum())
        denominator = 2 * tp + fp + fn
        scores.append(2 * tp / denominator if denominator else 0.0)
    return sum(scores) / 3


def _pearson(a: pd.Series, b: pd.Series) -> float:
    if len(a) < 2 or a.std() == 0 or b.std() == 0:
        return math.nan
    return float(a.corr(b))


def score_file(rated: RatedSet, *, half: str = "all", lexicon=None) -> dict[str, object]:
    """Score one parsed file and return its row of :func:`evaluate` (plus ``n_bad``).

    Args:
        rated: the parsed file.
        half: ``"all"``, ``"fit"`` or ``"test"`` (see :func:`is_fit_half`).
        lexicon: passed to :func:`analysis.sentiment.score_sentences`.
    """
    from analysis.sentiment import score_sentences

    if half not in ("all", "fit", "test"):
        raise ValueError(f"half must be all, fit or test, not {half!r}")
    keep = [half == "all" or is_fit_half(i) == (half == "fit") for i in rated.ids]
    texts = [t for t, k in zip(rated.texts, keep, strict=True) if k]
    human = pd.Series([r for r, k in zip(rated.ratings, keep, strict=True) if k], dtype="float64")
    scores = score_sentences(texts, lexicon=lexicon)
    truth = _classes(human / 4.0)
    row: dict[str, object] = {"file": rated.path.name, "n": len(texts)}
    for column in ("tone", "compound", "polarity"):
        row[f"pearson_{column}"] = _pearson(scores[column], human)
    for column in ("tone", "compound", "polarity"):
        row[f"f1_{column}"] = macro_f1(truth, _classes(scores[column])) if len(texts) else math.nan
    row["n_bad"] = len(rated.bad_lines)
    return row


def _files(path: Path) -> list[Path]:
    if path.is_dir():
        return sorted(p for p in path.iterdir() if p.is_file() and p.suffix.lower() in (".txt", ".tsv"))
    return [path]


def evaluate(path: str | Path, *, format: str = "vader", half: str = "all", lexicon=None) -> pd.DataFrame:
    """Correlate the scores with human ratings, one row per file.

    Args:
        path: a rated file, or a folder of them (``*.txt``, ``*.tsv``).
        format: the file format; only ``"vader"``.
        half: ``"all"`` items, or the ``"fit"`` / ``"test"`` half.
        lexicon: tone adjustments, as for :func:`analysis.sentiment.score_sentences`.

    Returns:
        Columns ``file, n, pearson_tone, pearson_compound, pearson_polarity,
        f1_tone, f1_compound, f1_polarity, n_bad``; the frame's ``attrs["bad_lines"]``
        maps each file name to its ``(line, reason)`` list.

    Raises:
        FileNotFoundError: ``path`` does not exist.
        ValueError: unknown ``format`` or ``half``.
    """
    path = Path(path)
    if not path.exists():
        raise FileNotFoundError(f"{path} not found; give a rated file or a folder of them")
    rows = []
    bad: dict[str, list[tuple[int, str]]] = {}
    for file in _files(path):
        rated = read_rated(file, format=format)
        rows.append(score_file(rated, half=half, lexicon=lexicon))
        bad[file.name] = rated.bad_lines
    frame = pd.DataFrame(rows, columns=[*RESULT_COLUMNS, "n_bad"])
    frame.attrs["bad_lines"] = bad
    return frame


# -- tone toward a target (NewsMTSC) -------------------------------------------------------------
@dataclass
class TargetItem:
    """One sentence of a target-sentiment file with its labelled mentions.

    Attributes:
        sentence_id: the sentence's id (decides its half, see :func:`is_fit_half`).
        text: the sentence.
        spans: ``(start, end)`` character offsets of each labelled target.
        labels: -1, 0 or 1 per target (negative, neutral, positive toward it).
    """

    sentence_id: str
    text: str
    spans: list[tuple[int, int]]
    labels: list[int]


def read_targets(path: str | Path) -> tuple[list[TargetItem], list[tuple[int, str]]]:
    """Read a NewsMTSC JSONL file (``sentence_normalized``, ``targets`` with ``from``, ``to``, ``polarity``).

    Args:
        path: the file (UTF-8).

    Returns:
        ``(items, bad_lines)``: the parsed sentences, and the 1-based lines that
        did not parse with the reason (never fatal). A target whose span falls
        outside its sentence or whose polarity is not 2, 4 or 6 is a bad line.
    """
    import json

    items: list[TargetItem] = []
    bad: list[tuple[int, str]] = []
    with Path(path).open(encoding="utf-8", errors="replace") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
                text = record["sentence_normalized"]
                targets = record["targets"]
                spans, labels = [], []
                for target in targets:
                    start, end = int(target["from"]), int(target["to"])
                    if not 0 <= start < end <= len(text):
                        raise ValueError(f"target span {start}-{end} is outside the sentence")
                    label = _NEWSMTSC_CLASSES.get(float(target["polarity"]))
                    if label is None:
                        raise ValueError(f"polarity {target['polarity']!r} is not 2.0, 4.0 or 6.0")
                    spans.append((start, end))
                    labels.append(label)
            except (ValueError, KeyError, TypeError) as exc:
                bad.append((number, f"{type(exc).__name__}: {exc}"))
                continue
            sentence_id = str(record.get("primary_gid") or number)
            items.append(TargetItem(sentence_id, text, spans, labels))
    return items, bad


def _classify(values: pd.Series, low: float, high: float) -> pd.Series:
    return pd.Series(np.where(values > high, 1, np.where(values < low, -1, 0)), index=values.index, dtype="int64")


def fit_thresholds(truth: pd.Series, scores: pd.Series) -> tuple[float, float, float]:
    """Choose ``low <= high`` on a grid of score quantiles to maximise macro-F1.

    Args:
        truth: classes -1, 0, 1.
        scores: the scores, aligned with ``truth``.

    Returns:
        ``(low, high, macro-F1 at them)``.
    """
    grid = sorted(set(np.round(np.quantile(scores, np.linspace(0.02, 0.98, 49)), 4)) | {0.0})
    best = (0.0, 0.0, -1.0)
    for i, low in enumerate(grid):
        for high in grid[i:]:
            f1 = macro_f1(truth, _classify(scores, low, high))
            if f1 > best[2]:
                best = (float(low), float(high), f1)
    return best


def target_scores(items: Sequence[TargetItem], *, lexicon=None, rules=None) -> pd.DataFrame:
    """Score every labelled target: its mention tone and the sentence baselines.

    Args:
        items: from :func:`read_targets`.
        lexicon: tone lexicon, as for :func:`analysis.sentiment.score_sentences`.
        rules: target rules, as for :func:`analysis.sentiment.mention_tones`.

    Returns:
        One row per target: ``sentence_id, fit, label, mention_tone,
        sentence_tone, compound``.
    """
    from analysis.sentiment import mention_tones, score_sentences

    sentence = score_sentences([item.text for item in items], lexicon=lexicon)
    rows = []
    for item, tone, compound in zip(items, sentence["tone"], sentence["compound"], strict=True):
        tones = mention_tones(item.text, item.spans, lexicon=lexicon, rules=rules)
        fit = is_fit_half(item.sentence_id)
        for label, mention in zip(item.labels, tones, strict=True):
            rows.append((item.sentence_id, fit, label, mention, tone, compound))
    return pd.DataFrame(rows, columns=["sentence_id", "fit", "label", "mention_tone", "sentence_tone", "compound"])


def evaluate_targets(path: str | Path, *, lexicon=None, rules=None) -> pd.DataFrame:
    """Macro-F1 toward each target mention: mention tone beside the sentence baselines.

    Thresholds are fitted on the fit half (:func:`is_fit_half` of the sentence
    id, so the mentions of one sentence stay together) and reported on both.

    Args:
        path: a NewsMTSC JSONL file.
        lexicon: tone lexicon, as for :func:`analysis.sentiment.score_sentences`.
        rules: target rules, as for :func:`analysis.sentiment.mention_tones`.

    Returns:
        Columns ``score, n_fit, n_test, low, high, f1_fit, f1_test,
        pearson_fit, pearson_test``, one row for each of ``mention_tone``
        (``entities.tone``), ``sentence_tone`` and ``compound``.
        ``pearson_*`` measure the sentence as a whole: Pearson r, over the
        sentences of each half, between the score (the mean over the
        sentence's targets for ``mention_tone``) and the mean of the
        sentence's target labels (-1, 0, 1), the people's reading of the
        sentence as news about the persons in it. ``attrs["bad_lines"]``
        lists the lines skipped.

    Raises:
        FileNotFoundError: ``path`` does not exist.
    """
    path = Path(path)
    if not path.is_file():
        raise FileNotFoundError(f"{path} not found; give a NewsMTSC JSONL file (e.g. train.jsonl)")
    items, bad = read_targets(path)
    scores = target_scores(items, lexicon=lexicon, rules=rules)
    fit, test = scores[scores["fit"]], scores[~scores["fit"]]
    columns = ["mention_tone", "sentence_tone", "compound"]
    sentences = scores.groupby("sentence_id", sort=False).agg(
        fit=("fit", "first"), label=("label", "mean"), **{c: (c, "mean") for c in columns}
    )
    rows = []
    for column in columns:
        if len(fit) and len(test):
            low, high, f1_fit = fit_thresholds(fit["label"], fit[column])
            f1_test = macro_f1(test["label"], _classify(test[column], low, high))
        else:
            low = high = f1_fit = f1_test = math.nan
        r_fit, r_test = (
            _pearson(half[column], half["label"])
            for half in (sentences[sentences["fit"]], sentences[~sentences["fit"]])
        )
        rows.append((column, len(fit), len(test), low, high, f1_fit, f1_test, r_fit, r_test))
    frame = pd.DataFrame(rows, columns=TARGET_COLUMNS)
    frame.attrs["bad_lines"] = {path.name: bad}
    return frame


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add this command's arguments to ``parser`` (``evaluate sentiment``)."""
    parser.add_argument(
        "path", type=Path, help="rated file or folder (id <TAB> mean rating <TAB> text), or a NewsMTSC JSONL file"
    )
    parser.add_argument(
        "--format",
        default="vader",
        choices=_FORMATS,
        help="input format: vader (rated sentences) or newsmtsc (tone toward target mentions); default vader",
    )
    parser.add_argument(
        "--half",
        default="all",
        choices=("all", "fit", "test"),
        help="all items, or the half used to fit tone's weight (fit) or the held-out half (test)",
    )
    parser.add_argument("--lexicon", type=Path, default=None, help="tone lexicon YAML applied on top of the default")


def main(args: argparse.Namespace) -> int:
    """Print the evaluation table; return the exit status (0, or 1 when nothing was scored)."""
    if getattr(args, "format", "vader") == "newsmtsc":
        frame = evaluate_targets(args.path, lexicon=getattr(args, "lexicon", None))
    else:
        frame = evaluate(
            args.path,
            format=getattr(args, "format", "vader"),
            half=getattr(args, "half", "all"),
            lexicon=getattr(args, "lexicon", None),
        )
    with pd.option_context("display.width", 200, "display.max_columns", 20):
        print(frame.to_string(index=False, float_format=lambda v: f"{v:.3f}"))
    for name, lines in frame.attrs["bad_lines"].items():
        if lines:
            print(f"{name}: {len(lines)} line(s) skipped", file=sys.stderr)
            for number, reason in lines[:10]:
                print(f"  line {number}: {reason}", file=sys.stderr)
    if "pearson_tone" in frame.columns and len(frame) > 1:
        mean = frame[["pearson_tone", "pearson_compound", "pearson_polarity"]].mean()
        print(
            "mean pearson: tone {:.3f}  compound {:.3f}  polarity {:.3f}".format(
                mean["pearson_tone"], mean["pearson_compound"], mean["pearson_polarity"]
            )
        )
    n = frame["n"] if "n" in frame.columns else frame["n_fit"] + frame["n_test"]
    return 0 if int(n.sum()) > 0 else 1
