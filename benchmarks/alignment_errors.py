"""Read the alignment errors on the PolNeAR dev gold: every missed gold pair and every false pair.

    .venv/bin/python benchmarks/alignment_errors.py /work/shared/datasets/polnear_dev [--show missed|false|all]
        [--cache DIR] [--fresh]

The articles are analysed once and the analysis kept in ``--cache`` (the aligner reads only the
tables, so a change to ``analysis/compare`` is measured without analysing again; ``--fresh`` after
a change to an earlier stage). For each gold pair the aligner did not link, it prints the two gold
sentences, the claim rows found in each (content, speaker, mood) and the best-scored candidate
pair between them (:func:`analysis.compare.alignment.candidate_pairs`: similarity before and after
the speaker and actor factors, the shared features and the rule that refused it: ``not a
candidate`` when they share no feature, ``no claim`` when a sentence has no claim row). For each
false pair (two sentences of one predicted group that state no common gold claim) it prints the two
sentences and the pair's similarity and shared features. The figures printed first are the same as
``python -m analysis evaluate alignment --format polnear-dev``.
"""

from __future__ import annotations

import argparse
from collections import defaultdict
from itertools import combinations
from pathlib import Path

import pandas as pd

from analysis import Analysis
from analysis.compare.alignment import THRESHOLD, candidate_pairs
from analysis.evaluation.alignment import GOLD_DIR, evaluate_polnear, format_scores


def _overlaps(s: int, e: int, a: int, b: int) -> bool:
    inter = min(e, b) - max(s, a)
    return inter > 0 and inter * 2 >= min(e - s, b - a)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("path", type=Path)
    parser.add_argument("--show", choices=["missed", "false", "all", "none"], default="all")
    parser.add_argument("--cache", type=Path, default=Path("/tmp/alignment_dev_analysis"))
    parser.add_argument("--fresh", action="store_true", help="analyse the articles again")
    parser.add_argument("--width", type=int, default=220, help="characters of each sentence printed")
    args = parser.parse_args()

    cached = None if args.fresh or not (args.cache / "articles.csv").exists() else Analysis.load(args.cache)
    total, _, (result, predicted, gold) = evaluate_polnear(args.path, GOLD_DIR, result=cached)
    if cached is None:
        result.save(args.cache)
    print(format_scores(total, "alignment: polnear-dev"))
    sentences = result.sentences
    sent_of: dict[str, list[tuple[int, int, int]]] = defaultdict(list)
    for r in sentences.itertuples():
        sent_of[str(r.article_id)].append((int(r.start), int(r.end), int(r.sentence_id)))
    source_of = dict(zip(result.articles["article_id"].astype(str), result.articles["source"].astype(str), strict=True))
    event_of = dict(zip(result.articles["article_id"].astype(str), result.articles["event"].astype(str), strict=True))
    text_of = {(str(r.article_id), int(r.sentence_id)): str(r.text).replace("\n", " ") for r in sentences.itertuples()}
    claims = result.claims
    group_of: dict[tuple[str, int], set[str]] = defaultdict(set)
    for p in predicted:
        for s, e, sid in sent_of[p.doc]:
            if (s, e) == (p.start, p.end):
                group_of[(p.doc, sid)].add(p.group)
    pairs_by_event = {ev: candidate_pairs(result, event=ev) for ev in sorted(set(event_of.values()))}

    def gold_sentences(g) -> list[tuple[str, int]]:
        return [(g.doc, sid) for s, e, sid in sent_of[g.doc] if _overlaps(s, e, g.start, g.end)]

    def claim_lines(key: tuple[str, int]) -> list[str]:
        rows = claims[(claims["article_id"].astype(str) == key[0]) & (claims["sentence_id"] == key[1])]
        text = result.text(key[0])
        return [f"      claim: speaker={r.speaker or '-'!s} quote={r.quote} content="
                f"{text[r.content_start:r.content_end][: args.width]!r}" for r in rows.itertuples()]  # fmt: skip

    def best(ev: str, x: tuple[str, int], y: tuple[str, int]) -> pd.Series | None:
        cp = pairs_by_event[ev]
        if cp.empty:
            return None
        fwd = (
            (cp["article_a"] == x[0])
            & (cp["sentence_a"] == x[1])
            & (cp["article_b"] == y[0])
            & (cp["sentence_b"] == y[1])
        )
        bwd = (
            (cp["article_a"] == y[0])
            & (cp["sentence_a"] == y[1])
            & (cp["article_b"] == x[0])
            & (cp["sentence_b"] == x[1])
        )
        rows = cp[fwd | bwd]
        if rows.empty:
            return None
        return rows.sort_values(["refused", "sim"], ascending=[True, False]).iloc[0]

    def pair_line(ev: str, x: tuple[str, int], y: tuple[str, int]) -> str:
        row = best(ev, x, y)
        has = [
            bool(((claims["article_id"].astype(str) == k[0]) & (claims["sentence_id"] == k[1])).any()) for k in (x, y)
        ]
        if not all(has):
            return "    -> no claim row in " + " and ".join(n for n, h in zip("xy", has, strict=True) if not h)
        if row is None:
            return "    -> not a candidate (no shared feature)"
        gate = row["refused"] or ("below threshold" if row["sim"] < THRESHOLD else "passes (lost in grouping)")
        return (
            f"    -> {gate}: sim {row['sim']:.3f} (raw {row['raw']:.3f};"
            f" two speakers {row['two_speakers']}, actors apart {row['actors_apart']}) shared: {row['shared']}"
        )

    if args.show in ("missed", "all"):
        print("\n==== missed gold pairs")
        by_claim = defaultdict(list)
        for g in gold:
            by_claim[(g.story, g.claim)].append(g)
        for (story, claim), spans in by_claim.items():
            for ga, gb in combinations(spans, 2):
                if source_of[ga.doc] == source_of[gb.doc]:
                    continue
                xs, ys = gold_sentences(ga), gold_sentences(gb)
                linked = any(group_of[x] & group_of[y] for x in xs for y in ys)
                if linked:
                    continue
                print(f"\n[{story}/{claim}] {source_of[ga.doc]} x {source_of[gb.doc]}")
                for key in (*xs, *ys):
                    print(f"  {source_of[key[0]]:12s} s{key[1]}: {text_of[key][: args.width]}")
                    print("\n".join(claim_lines(key)))
                for x in xs:
                    for y in ys:
                        print(pair_line(story, x, y))

    if args.show in ("false", "all"):
        print("\n==== false pairs (one predicted group, no common gold claim)")
        gold_of: dict[tuple[str, int], set[str]] = defaultdict(set)
        for g in gold:
            for key in gold_sentences(g):
                gold_of[key].add(g.claim)
        members = defaultdict(set)
        for key, groups in group_of.items():
            for grp in groups:
                members[grp].add(key)
        for grp, keys in sorted(members.items()):
            for x, y in combinations(sorted(keys), 2):
                if source_of[x[0]] == source_of[y[0]] or gold_of[x] & gold_of[y]:
                    continue
                print(f"\n[{grp}] gold {sorted(gold_of[x]) or '-'} x {sorted(gold_of[y]) or '-'}")
                for key in (x, y):
                    print(f"  {source_of[key[0]]:12s} s{key[1]}: {text_of[key][: args.width]}")
                print(pair_line(event_of[x[0]], x, y))


if __name__ == "__main__":
    main()
