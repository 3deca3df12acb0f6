"""Pairwise precision / recall / F1 of claim_alignment against the gold ``claim_id`` of the bundled corpus.

Two claims of different articles form a gold pair when they carry the same
``claim_id``; a predicted pair when they fall in one claim group. Claims are
matched to gold by (article_id, sentence_id).

    .venv/bin/python benchmarks/eval_alignment.py [--source gold|pipeline]
"""

from __future__ import annotations

import argparse
import itertools
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))


def score(result, gold_claims, event: str, threshold: float) -> tuple[float, float, float]:
    from analysis.alignment import claim_alignment

    table = claim_alignment(result, event=event, threshold=threshold)
    group = {}
    for g, keys in zip(table["claim_group"], table["evidence"], strict=True):
        for key in keys:
            group.setdefault(key, g)
    rows = [(group.get((a, s)), c, a) for a, s, c in gold_claims]
    tp = fp = fn = 0
    for x, y in itertools.combinations(rows, 2):
        if x[2] == y[2]:
            continue
        same_group = x[0] is not None and x[0] == y[0]
        same_claim = bool(x[1]) and x[1] == y[1]
        tp += same_group and same_claim
        fp += same_group and not same_claim
        fn += same_claim and not same_group
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--source", choices=["gold", "pipeline"], default="gold")
    parser.add_argument("--thresholds", type=float, nargs="+", default=[0.15, 0.2, 0.25])
    args = parser.parse_args()
    from compare_fixtures import gold_analysis, pipeline_analysis

    gold = gold_analysis()
    result = gold if args.source == "gold" else pipeline_analysis()
    claims = gold.claims.merge(gold.articles[["article_id", "event"]])
    for event, frame in claims.groupby("event"):
        keys = list(zip(frame["article_id"], frame["sentence_id"], frame["claim_id"], strict=True))
        for t in args.thresholds:
            p, r, f = score(result, keys, event, t)
            print(f"{event:32s} threshold {t:.2f}: P {p:.2f} R {r:.2f} F1 {f:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
