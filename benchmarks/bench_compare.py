"""Time the full set of comparison tables on one large event.

The bundled corpus is analysed once (pipeline when it runs, else the gold tables)
and replicated with new article ids into a single event of N articles. Every
table of :mod:`analysis.compare` is computed once; the figure is compared with
a naive baseline in the same process: a per-row Python loop that only counts
entity mentions per source (the simplest comparison table), so the ratio says
how many naive passes the whole vectorised set costs.

    .venv/bin/python benchmarks/bench_compare.py --articles 50 10000
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))


def full_set(result, event: str) -> dict[str, float]:
    from analysis import compare

    timings = {}
    calls = {
        "coverage": lambda: compare.coverage(result, event=event),
        "labels": lambda: compare.labels(result, "Islamic State", event=event),
        "voice": lambda: compare.voice(result, event=event),
        "voice_by_speaker": lambda: compare.voice(result, event=event, by="speaker"),
        "claim_alignment": lambda: compare.claim_alignment(result, event=event),
        "distinctive_terms": lambda: compare.distinctive_terms(result, event=event),
        "tone": lambda: compare.tone(result, event=event),
        "tone_by_entity": lambda: compare.tone(result, event=event, by="entity"),
        "evidence": lambda: compare.evidence(result, entity="Islamic State", event=event),
    }
    for name, call in calls.items():
        start = time.perf_counter()
        call()
        timings[name] = time.perf_counter() - start
    return timings


def naive_baseline(result, event: str) -> float:
    """Per-row loop: mentions per (source, canonical) in non-debris sentences of the event."""
    start = time.perf_counter()
    arts = result.articles
    source = {a: s for a, s, e in zip(arts["article_id"], arts["source"], arts["event"], strict=True) if e == event}
    debris = {
        (a, s)
        for a, s, d in zip(result.sentences["article_id"], result.sentences["sentence_id"],
                           result.sentences["is_debris"], strict=True)
        if d
    }  # fmt: skip
    counts: Counter = Counter()
    for row in result.entities.itertuples(index=False):
        if row.article_id in source and (row.article_id, row.sentence_id) not in debris:
            counts[(source[row.article_id], row.canonical)] += 1
    return time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, nargs="+", default=[50, 10000])
    parser.add_argument("--source", choices=["auto", "gold", "pipeline"], default="auto")
    args = parser.parse_args(argv)
    from compare_fixtures import gold_analysis, pipeline_analysis, pipeline_available, replicate

    use_pipeline = args.source == "pipeline" or (args.source == "auto" and pipeline_available())
    base = pipeline_analysis() if use_pipeline else gold_analysis()
    event = "syria-isis-defeat-2017"
    base = base.subset(base.articles.loc[base.articles["event"] == event, "article_id"])
    per = len(base.articles)
    print(f"tables from: {'pipeline' if use_pipeline else 'gold'}; {per} articles per copy")
    for n in args.articles:
        copies = max(1, round(n / per))
        big = replicate(base, copies, event=event)
        timings = full_set(big, event)
        total = sum(timings.values())
        naive = naive_baseline(big, event)
        detail = ", ".join(f"{k} {v:.2f}" for k, v in timings.items())
        print(
            f"{len(big.articles)} articles, {len(big.sentences)} sentences, {len(big.claims)} claims: "
            f"full set {total:.2f} s ({total / naive:.1f}x the naive mention-count loop, {naive:.2f} s)\n  {detail}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
