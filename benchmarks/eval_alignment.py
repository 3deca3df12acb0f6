"""Pairwise precision / recall / F1 of claim_alignment against the gold ``claim_id`` of the bundled corpus.

Two claims of different articles form a gold pair when they carry the same
``claim_id``; a predicted pair when they fall in one claim group. Claims are
matched to gold by (article_id, sentence_id); a gold claim without a
``claim_id`` forms no gold pair, so grouping it with another claim is a false
positive.

    .venv/bin/python benchmarks/eval_alignment.py [--source gold|pipeline] [--thresholds 0.15 0.2]
    .venv/bin/python benchmarks/eval_alignment.py --loeo [--source gold|pipeline] [--tune-weights]

``--loeo`` (leave one event out): for each event, the threshold is the one
with the best mean F1 on the *other* events over the grid ``--grid``; the
table reports that held-out F1 per event, and the threshold that is best on
all events together (the library default should be that one). With
``--tune-weights`` the feature-kind weights (entity, magnitude, unit) are
chosen the same way, jointly with the threshold.
"""

from __future__ import annotations

import argparse
import itertools
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

GRID = [round(0.05 + 0.025 * i, 3) for i in range(15)]  # 0.05 .. 0.40


def score(result, gold_claims, event: str, threshold: float, **options) -> tuple[float, float, float]:
    """Pairwise P, R, F1 of one event's claim groups against the gold claim ids."""
    from analysis.compare.alignment import claim_alignment

    table = claim_alignment(result, event=event, threshold=threshold, **options)
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


def gold_keys(gold) -> dict[str, list[tuple[str, int, str]]]:
    """Per event: the gold claims as (article_id, sentence_id, claim_id)."""
    claims = gold.claims.merge(gold.articles[["article_id", "event"]])
    claims["claim_id"] = claims["claim_id"].fillna("").astype(str)
    return {
        str(event): list(zip(frame["article_id"], frame["sentence_id"], frame["claim_id"], strict=True))
        for event, frame in claims.groupby("event")
    }


def leave_one_event_out(
    result, keys: dict[str, list], grid: list[float], weight_grid: list[dict] | None = None
) -> list[dict]:
    """Held-out scores: each event scored at the settings (threshold, feature weights) best on the other events."""
    settings = [(t, i) for i in range(len(weight_grid or [{}])) for t in grid]
    weight_grid = weight_grid or [{}]
    table = {(e, t, i): score(result, k, e, t, weights=weight_grid[i]) for e, k in keys.items() for t, i in settings}

    def pick(events: list[str]) -> tuple[float, int]:
        # best mean F1; ties go to the default weights, then the threshold nearest 0.2
        return max(settings, key=lambda s: (round(sum(table[(e, *s)][2] for e in events), 9), -s[1], -abs(s[0] - 0.2)))

    rows = []
    for held in keys:
        t, i = pick([e for e in keys if e != held])
        p, r, f = table[(held, t, i)]
        ot, oi = pick([held])
        rows.append({"event": held, "threshold": t, "weights": weight_grid[i], "P": p, "R": r, "F1": f,
                     "best_threshold_in_hindsight": ot, "F1_in_hindsight": table[(held, ot, oi)][2]})  # fmt: skip
    t, i = pick(list(keys))
    rows.append({"event": "(all events)", "threshold": t, "weights": weight_grid[i], "P": float("nan"),
                 "R": float("nan"), "F1": sum(table[(e, t, i)][2] for e in keys) / len(keys),
                 "best_threshold_in_hindsight": t, "F1_in_hindsight": float("nan")})  # fmt: skip
    return rows


def weight_grid() -> list[dict]:
    """Feature-kind weights tried by ``--tune-weights`` (the library default first)."""
    from analysis.compare.alignment import FEATURE_WEIGHTS

    grid = [dict(FEATURE_WEIGHTS)]
    for entity, magnitude, unit in itertools.product([1.0, 1.5], [1.0, 1.5, 2.0], [0.5, 1.0]):
        w = {**FEATURE_WEIGHTS, "entity": entity, "magnitude": magnitude, "unit": unit}
        if w not in grid:
            grid.append(w)
    return grid


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", choices=["gold", "pipeline"], default="gold")
    parser.add_argument("--thresholds", type=float, nargs="+", default=[0.15, 0.2, 0.25])
    parser.add_argument("--loeo", action="store_true", help="leave-one-event-out threshold choice")
    parser.add_argument("--grid", type=float, nargs="+", default=GRID, help="thresholds tried by --loeo")
    parser.add_argument("--tune-weights", action="store_true", help="--loeo also chooses the feature-kind weights")
    args = parser.parse_args()
    from compare_fixtures import gold_analysis, pipeline_analysis

    gold = gold_analysis()
    result = gold if args.source == "gold" else pipeline_analysis()
    keys = gold_keys(gold)
    if args.loeo:
        print(f"leave-one-event-out, {args.source} tables (threshold chosen on the other events)")
        grid = weight_grid() if args.tune_weights else None
        for row in leave_one_event_out(result, keys, args.grid, grid):
            chosen = " ".join(f"{k[:3]}={v:g}" for k, v in row["weights"].items()) if args.tune_weights else ""
            print(f"{row['event']:32s} threshold {row['threshold']:.3f} {chosen}: P {row['P']:.2f} R {row['R']:.2f} "
                  f"F1 {row['F1']:.2f}   (hindsight: {row['best_threshold_in_hindsight']:.3f} -> "
                  f"{row['F1_in_hindsight']:.2f})")  # fmt: skip
        return 0
    for event, k in keys.items():
        for t in args.thresholds:
            p, r, f = score(result, k, event, t)
            print(f"{event:32s} threshold {t:.3f}: P {p:.2f} R {r:.2f} F1 {f:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
