"""Read the attribution errors on PolNeAR dev by kind (a reading aid, not a score).

Runs the pipeline on every PolNeAR article (or reads a cached run), pairs the claims
rows one per row with the gold contents (overlap over union >= 0.5, as
``evaluate claims --format polnear`` does for its ``*_rows`` figures), and sorts:

* missed gold contents: ``boundary`` (a predicted attribution overlaps, < 0.5),
  ``own-voice`` (the sentence is an own-voice claim row), ``headline`` (the first
  line), ``nothing`` (no claims row at all); each with the gold cue's words, counted;
* spurious predicted attributions: ``boundary`` or ``no gold`` (no gold content overlaps),
  counted by predicted cue.

Usage::

    .venv/bin/python benchmarks/claims_errors.py ../shared/datasets/polnear_dev [--cache /tmp/pred.pkl]
        [--kind nothing] [--cue said] [--show 40] [--unquoted]

Nothing from the dataset is written into the project: the output goes to the terminal.
"""

from __future__ import annotations

import argparse
import collections
import pickle
import sys
from pathlib import Path

import pandas as pd

from analysis import analyze_text
from analysis.evaluation.claims import match_spans, read_polnear


def _predict(docs) -> pd.DataFrame:
    frames = []
    for doc in docs:
        claims = analyze_text(doc.text).claims.copy()
        claims["document"] = doc.name
        frames.append(claims)
    return pd.concat(frames, ignore_index=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", help="a PolNeAR split folder (text/, attributions/)")
    parser.add_argument("--cache", help="pickle of the predicted claims: read when it exists, written otherwise")
    parser.add_argument("--kind", help="show only this kind of error (boundary, own-voice, headline, nothing, no-gold)")
    parser.add_argument("--cue", help="show only errors whose (gold or predicted) cue contains this text")
    parser.add_argument("--unquoted", action="store_true", help="missed: only gold contents that are not quotes")
    parser.add_argument("--show", type=int, default=30, help="example lines to print per kind")
    args = parser.parse_args(argv)

    docs = read_polnear(args.path)
    texts = {d.name: d.text for d in docs}
    if args.cache and Path(args.cache).exists():
        pred = pickle.loads(Path(args.cache).read_bytes())
    else:
        pred = _predict(docs)
        if args.cache:
            Path(args.cache).write_bytes(pickle.dumps(pred))
    gold = pd.concat([d.attributions for d in docs], ignore_index=True)
    own = pred[pred["quote"] == "none"]
    attr = pred[pred["quote"] != "none"].reset_index(drop=True)
    p_spans = list(zip(attr["document"], attr["content_start"], attr["content_end"], strict=True))
    g_spans = list(zip(gold["document"], gold["content_start"], gold["content_end"], strict=True))
    pairs = match_spans(p_spans, g_spans)
    any_pairs = match_spans(p_spans, g_spans, threshold=0.0)
    matched_p, matched_g = {i for i, _ in pairs}, {j for _, j in pairs}
    touched_p = {i for i, _ in any_pairs}
    touched_g = {j for _, j in any_pairs}
    own_spans: dict[str, list[tuple[int, int]]] = collections.defaultdict(list)
    for doc, s, e in zip(own["document"], own["content_start"], own["content_end"], strict=True):
        own_spans[doc].append((int(s), int(e)))
    first_line = {name: text.find("\n") if "\n" in text else len(text) for name, text in texts.items()}

    def snippet(doc: str, s: int, e: int, n: int = 140) -> str:
        return " ".join(texts[doc][s:e].split())[:n]

    misses: dict[str, list[str]] = collections.defaultdict(list)
    miss_cues: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    for j, (doc, s, e) in enumerate(g_spans):
        if j in matched_g:
            continue
        g = gold.iloc[j]
        if args.unquoted and g["quote"] == "direct":
            continue
        if s < first_line[doc]:
            kind = "headline"
        elif j in touched_g:
            kind = "boundary"
        elif any(os < e and s < oe for os, oe in own_spans[doc]):
            kind = "own-voice"
        else:
            kind = "nothing"
        cue = " ".join(str(g["cue"]).lower().split())
        if args.cue and args.cue not in cue:
            continue
        miss_cues[kind][cue] += 1
        misses[kind].append(
            f"{doc[:28]} [{g['quote'][:3]}] src={g['speaker_text']!r} cue={cue!r} :: {snippet(doc, s, e)}"
        )
    spurious: dict[str, list[str]] = collections.defaultdict(list)
    spur_cues: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    for i, (doc, s, e) in enumerate(p_spans):
        if i in matched_p:
            continue
        p = attr.iloc[i]
        kind = "boundary-p" if i in touched_p else "no-gold"
        cue = " ".join(str(p["cue"]).lower().split())
        if args.cue and args.cue not in cue:
            continue
        spur_cues[kind][cue] += 1
        spurious[kind].append(f"{doc[:28]} [{p['quote'][:3]}] spk={p['speaker']!r} cue={cue!r} :: {snippet(doc, s, e)}")
    out = sys.stdout
    out.write(f"gold {len(g_spans)}  predicted {len(p_spans)}  matched {len(pairs)}\n")
    for label, groups, cues in (("MISSED", misses, miss_cues), ("SPURIOUS", spurious, spur_cues)):
        for kind in sorted(groups, key=lambda k: -len(groups[k])):
            if args.kind and args.kind != kind:
                continue
            out.write(f"\n== {label} {kind}: {len(groups[kind])}\n")
            out.write("   cues: " + ", ".join(f"{c or '-'} {n}" for c, n in cues[kind].most_common(40)) + "\n")
            for line in groups[kind][: args.show]:
                out.write(f"   {line}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
