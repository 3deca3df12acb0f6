"""Benchmark the claims stage against a plain baseline on the same texts.

Accuracy: content-span F1 (overlap over union >= 0.5) and speaker accuracy of
:class:`analysis.claims.ClaimFinder` and of a baseline (a sentence with a
reporting verb is an attribution; its speaker is the proper noun nearest the
verb; its content is the whole sentence), on the bundled gold corpus or a
folder of brat files.

Speed: words per second of the claims + numbers stage (``ClaimFinder.find`` +
``find_numbers``) on already processed documents, one core, against the
baseline's speed in the same process (the ratio is what to compare across
machines).

Usage:
    .venv/bin/python benchmarks/bench_claims.py [--gold data/gold | --brat DIR] [--repeat 5]
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import pandas as pd

from analysis.claims import ClaimFinder
from analysis.evaluation.claims import read_brat, score_attributions
from analysis.numbers import find_numbers
from analysis.text import Document, process

_BASELINE_CUES = frozenset(
    "said says say told added reported claimed denied warned insisted emphasized stressed announced according".split()
)


def baseline_find(doc: Document, entities: list[dict]) -> list[dict]:
    """The baseline: a reporting verb makes the sentence an attribution; speaker = nearest proper noun."""
    rows = []
    for s in doc.sentences:
        if s.kind != "body":
            continue
        toks = doc.sentence_tokens(s.index)
        cues = [i for i, t in enumerate(toks) if t.text.lower() in _BASELINE_CUES]
        if not cues:
            continue
        cue = cues[0]
        proper = [i for i, t in enumerate(toks) if t.pos in ("NNP", "NNPS")]
        speaker = ""
        if proper:
            near = min(proper, key=lambda i: abs(i - cue))
            tok = toks[near]
            ent = next((e for e in entities if e["start"] <= tok.start < e["end"]), None)
            speaker = ent["canonical"] if ent else tok.text
        text = s.text.rstrip(" .")
        rows.append(
            {
                "sentence_id": s.index,
                "text": s.text,
                "speaker": speaker,
                "cue": toks[cue].text,
                "content_start": s.start,
                "content_end": s.start + len(text),
                "quote": "direct" if any(q in s.text for q in '"“”') else "indirect",
            }
        )
    return rows


def _load(args: argparse.Namespace) -> tuple[list[tuple[str, str, str | None]], pd.DataFrame]:
    """(document name, text, title) and the gold attributions."""
    if args.brat:
        docs = read_brat(args.brat)
        return [(d.name, d.text, None) for d in docs], pd.concat([d.attributions for d in docs], ignore_index=True)
    from analysis.evaluation.gold import load_gold_dir, read_article

    gold = load_gold_dir(args.gold)
    items = []
    for article_id, art in gold.articles.items():
        meta, _ = read_article(art.article_path)
        items.append((article_id, art.text, meta.get("title")))
    return items, gold.claims.rename(columns={"article_id": "document"})


def _frame(rows: list[dict], name: str) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=["sentence_id", "speaker", "cue", "content_start", "content_end", "quote"])
    frame["document"] = name
    return frame


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--gold", type=Path, default=Path("data/gold"), help="gold folder (default data/gold)")
    parser.add_argument("--brat", type=Path, help="score on a folder of brat .txt/.ann pairs instead")
    parser.add_argument("--repeat", type=int, default=5, help="passes over the documents for timing (default 5)")
    args = parser.parse_args()

    from analysis.entities import EntityRecognizer

    items, gold = _load(args)
    recognizer = EntityRecognizer()
    finder = ClaimFinder()
    docs = []
    for name, text, title in items:
        doc = process(text, title=title)
        docs.append((name, doc, recognizer.find(doc)))
    ours = pd.concat([_frame(finder.find(d, e), n) for n, d, e in docs], ignore_index=True)
    base = pd.concat([_frame(baseline_find(d, e), n) for n, d, e in docs], ignore_index=True)
    s_ours, s_base = score_attributions(ours, gold), score_attributions(base, gold)
    words = sum(d.n_words for _, d, _ in docs)

    def rate(fn) -> float:
        fn()  # warm-up (lexicons load once)
        start = time.perf_counter()
        for _ in range(args.repeat):
            fn()
        return words * args.repeat / (time.perf_counter() - start)

    ours_rate = rate(lambda: [(finder.find(d, e), find_numbers(d)) for _, d, e in docs])
    base_rate = rate(lambda: [baseline_find(d, e) for _, d, e in docs])
    print(f"documents {len(docs)}, words {words}, gold attributions {s_ours['n_gold']}")
    print(f"{'':10} {'P':>6} {'R':>6} {'F1':>6} {'F1any':>6} {'speaker':>8} {'words/s':>10}")
    for label, s, r in (("ClaimFinder", s_ours, ours_rate), ("baseline", s_base, base_rate)):
        print(
            f"{label:10} {s['precision']:6.3f} {s['recall']:6.3f} {s['f1']:6.3f} {s['f1_any']:6.3f} "
            f"{s['speaker_accuracy']:8.3f} {r:10,.0f}"
        )
    print(f"F1 gain over baseline: {s_ours['f1'] - s_base['f1']:+.3f}")
    print(f"claims+numbers words/s: {ours_rate:,.0f} (ratio to baseline {ours_rate / base_rate:.2f})")


if __name__ == "__main__":
    main()
