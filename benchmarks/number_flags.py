"""Print every number disagreement the package reports, to read each one: both sentences, both figures, why.

    .venv/bin/python benchmarks/number_flags.py PATH [--format folder|meantime] [--cache DIR] [--fresh]

``PATH`` is a corpus folder (any format :func:`analysis.load_corpus` reads; events from its front matter)
or, with ``--format meantime``, the MEANTIME folder (its topics as events, as
``python -m analysis evaluate alignment --format meantime`` reads it). The analysis is kept in
``--cache`` (the comparison reads only the tables; ``--fresh`` after a change to an earlier stage).
For each event, each pair of :func:`analysis.compare.number_disagreements` is printed with its
claim groups (two numbers when the figures come from two claim groups: the pass across groups),
the two sources, speakers, figures, sentences and the reason. The last line counts the pairs, and
those found across claim groups.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from analysis import Analysis, analyze, load_corpus
from analysis.compare import align


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("path", type=Path)
    parser.add_argument("--format", choices=["folder", "meantime"], default="folder")
    parser.add_argument("--cache", type=Path, default=None, help="folder to keep the analysis in")
    parser.add_argument("--fresh", action="store_true", help="analyse the articles again")
    parser.add_argument("--width", type=int, default=300, help="characters of each sentence printed")
    args = parser.parse_args()

    result = None
    if args.cache and not args.fresh and (args.cache / "articles.csv").exists():
        result = Analysis.load(args.cache)
    if result is None:
        if args.format == "meantime":
            from analysis.evaluation.alignment import read_meantime_events

            records, _, _ = read_meantime_events(args.path)
            corpus = load_corpus(records)
        else:
            corpus = load_corpus(args.path)
        result = analyze(corpus, jobs=1, progress=False)
        if args.cache:
            result.save(args.cache)
    total = across = 0
    for event in sorted(result.articles["event"].dropna().astype(str).unique()):
        pairs = align(result, event=event).disagreements
        for p in pairs.itertuples():
            total += 1
            cross = p.claim_group != p.claim_group_b
            across += cross
            groups = f"{p.claim_group}/{p.claim_group_b}" if cross else f"{p.claim_group}"
            print(f"[{total}] {event}  group {groups}  {p.unit}")
            print(f"    A {p.source_a} ({p.speaker_a or 'own voice'}): {p.text_a!r}  {p.sentence_a[: args.width]!r}")
            print(f"    B {p.source_b} ({p.speaker_b or 'own voice'}): {p.text_b!r}  {p.sentence_b[: args.width]!r}")
            print(f"    why: {p.why}")
    print(f"{total} disagreeing pairs, {across} across claim groups")


if __name__ == "__main__":
    main()
