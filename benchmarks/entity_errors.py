"""Error analysis of the entity stage on MEANTIME English: false positives and negatives by category.

Usage:
    .venv/bin/python benchmarks/entity_errors.py /work/shared/datasets/meantime_en [--method rules] [--show 40]
    .venv/bin/python benchmarks/entity_errors.py --format uner /work/shared/datasets/uner_en_ewt_dev

Scoring is the one of ``python -m analysis evaluate entities --format meantime``
(head match, PER/ORG/LOC, first six sentences), or of ``--format uner`` (spans
overlap: UNER has no heads). Each error gets one category:

False positives (a prediction that matched no gold mention):
    wrong type      the prediction holds a scored gold mention's head, but with another type
    duplicate       a gold head the prediction holds was already matched by another prediction
    boundary        overlaps a scored gold mention of its type without holding its head
    other: T/POS    holds the head of an annotated mention that is not scored (PRO, FIN, a nominal ORG ...)
    unannotated     nothing annotated there

False negatives (a gold mention no prediction matched):
    wrong type      a prediction holds its head with another type
    boundary        a prediction of its type overlaps it without holding its head
    missed          no prediction overlaps it

The data is read through the path argument; nothing from it is stored in the project.
"""

from __future__ import annotations

import argparse
from collections import Counter, defaultdict
from pathlib import Path


def _holds(pred: dict, gold) -> bool:
    """The prediction holds the gold head (MEANTIME) or overlaps the gold span (UNER: no heads)."""
    if gold.head is None:
        return _overlaps(pred, gold.start, gold.end)
    return pred["start"] <= gold.head[0] and gold.head[1] <= pred["end"]


def _overlaps(pred: dict, start: int, end: int) -> bool:
    return pred["start"] < end and start < pred["end"]


def classify(docs, recognizer) -> tuple[list[tuple], list[tuple]]:
    """False positives and negatives as ``(category, text, label, gold label, context)`` tuples."""
    from analysis.evaluation.entities import _TO_PER_ORG_LOC, Scores, _match
    from analysis.text import process

    fps, fns = [], []
    for d in docs:
        rows = recognizer.find(process(d.text, title=d.title))
        preds = []
        for row in rows:
            label = _TO_PER_ORG_LOC.get(row["label"])
            if label is None or (d.limit is not None and row["start"] >= d.limit):
                continue
            preds.append({**row, "type": label})
        matched = _match(d.gold, preds, True, Scores())
        used = {id(p) for p in matched.values()}

        def context(start: int, end: int, text: str = d.text) -> str:
            return " ".join(f"{text[max(0, start - 40) : start]}[{text[start:end]}]{text[end : end + 40]}".split())

        for p in preds:
            if id(p) in used:
                continue
            held = [g for g in d.gold if _holds(p, g)]
            if any(g.label != p["type"] for g in held):
                g = next(g for g in held if g.label != p["type"])
                category, gold_label = "wrong type", g.label
            elif held:
                category, gold_label = "duplicate", held[0].label
            elif any(g.label == p["type"] and _overlaps(p, g.start, g.end) for g in d.gold):
                category, gold_label = "boundary", p["type"]
            else:
                other = next((o for o in d.others if _holds(p, o)), None)
                category = f"other: {other.label}" if other else "unannotated"
                gold_label = other.label if other else ""
            fps.append((category, p["text"], p["type"], gold_label, context(p["start"], p["end"])))
        for gi, g in enumerate(d.gold):
            if gi in matched:
                continue
            wrong = next((p for p in preds if _holds(p, g)), None)
            if wrong is not None:
                category, label = "wrong type", wrong["type"]
            elif any(p["type"] == g.label and _overlaps(p, g.start, g.end) for p in preds):
                category, label = "boundary", g.label
            else:
                category, label = "missed", ""
            fns.append((category, d.text[g.start : g.end], label, g.label, context(g.start, g.end)))
    return fps, fns


def show(title: str, errors: list[tuple], limit: int) -> None:
    """Print the errors of one kind: counts per category, then the most frequent surfaces with a context."""
    print(f"\n=== {title}: {len(errors)}")
    by_category: dict[str, list[tuple]] = defaultdict(list)
    for error in errors:
        by_category[error[0]].append(error)
    for category, items in sorted(by_category.items(), key=lambda kv: -len(kv[1])):
        print(f"\n--- {category}: {len(items)}")
        surfaces = Counter((e[1], e[2], e[3]) for e in items)
        contexts = {(e[1], e[2], e[3]): e[4] for e in items}
        for (text, label, gold_label), count in surfaces.most_common(limit):
            where = contexts[text, label, gold_label]
            print(f"{count:3d}  {text!r:32s} pred={label or '-':4s} gold={gold_label or '-':10s} {where}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", type=Path, help="MEANTIME English folder, or a UNER .iob2 file or folder")
    parser.add_argument("--format", dest="data_format", choices=["meantime", "uner"], default="meantime")
    parser.add_argument("--method", default="rules")
    parser.add_argument("--model", default=None)
    parser.add_argument("--show", type=int, default=40, help="surfaces listed per category")
    args = parser.parse_args()

    from analysis.entities import EntityRecognizer
    from analysis.evaluation.entities import read_meantime, read_uner

    recognizer = EntityRecognizer(args.method, model=args.model)
    docs = read_uner(args.path) if args.data_format == "uner" else read_meantime(args.path)
    fps, fns = classify(docs, recognizer)
    show("false positives", fps, args.show)
    show("false negatives", fns, args.show)


if __name__ == "__main__":
    main()
