"""End-to-end throughput of ``analysis.analyze`` (every stage), one worker against two.

Usage:
    python benchmarks/bench_pipeline.py [--copies 20]

The bundled corpus is repeated ``--copies`` times (each copy with its own id
and a distinct closing line, so nothing is rejected as a duplicate) and
analysed with ``jobs=1`` and then ``jobs=2`` in this process; the tables must
be identical. Reports words per second, the jobs=2/jobs=1 ratio, and the
peak resident memory after the ``jobs=1`` run.
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--copies", type=int, default=20)
    args = parser.parse_args()

    import analysis

    base = analysis.load_corpus(ROOT / "data" / "events").to_frame()
    frames = []
    for copy in range(args.copies):
        frame = base.copy()
        frame["article_id"] = frame["article_id"] + f"-copy{copy}"
        frame["text"] = frame["text"] + f"\n\nThis is copy {copy}.\n"
        frames.append(frame)
    corpus = analysis.load_corpus(pd.concat(frames, ignore_index=True).rename(columns={"article_id": "id"}))
    analysis.analyze_text("Warm-up: Putin said 100 sorties were flown.")  # load lexicons once

    start = time.perf_counter()
    one = analysis.analyze(corpus, jobs=1, progress=False)
    t_one = time.perf_counter() - start
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    start = time.perf_counter()
    two = analysis.analyze(corpus, jobs=2, progress=False)
    t_two = time.perf_counter() - start
    for name in ("articles", "sentences", "entities", "claims", "numbers"):
        pd.testing.assert_frame_equal(getattr(one, name), getattr(two, name))

    words = int(one.articles["n_words"].sum())
    print(f"{len(corpus)} articles, {words:,} words (non-debris), every stage")
    print(f"jobs=1: {t_one:.1f} s = {words / t_one:,.0f} words/s; peak RSS {peak_mb:,.0f} MB")
    print(f"jobs=2: {t_two:.1f} s = {words / t_two:,.0f} words/s; identical tables")
    print(f"speed-up jobs=2 / jobs=1: {t_one / t_two:.2f}")


if __name__ == "__main__":
    main()
