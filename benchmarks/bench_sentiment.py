"""Benchmark sentiment: agreement with people and throughput against the naive route.

Usage::

    .venv/bin/python benchmarks/bench_sentiment.py --data ../shared/datasets/vader_dev [--fit]

Agreement: Pearson r of ``tone``, ``compound`` and ``polarity`` with the human
mean on each rated file, on all items and on the fit / held-out halves
(:func:`analysis.evaluation.sentiment.is_fit_half`). ``--fit`` also prints the
grid over ``TONE_WEIGHT`` on the fit half (how the constant was chosen).

Throughput: sentences per second for all three scores together
(:func:`analysis.sentiment.score_sentences` with empty caches, i.e. every
sentence distinct and every word new; medians over ``--repeats`` runs, wall
clock and CPU time; run it on one core with ``taskset -c 0``) against the naive route run in the same
process: ``SentimentIntensityAnalyzer().polarity_scores`` plus
``PatternAnalyzer().analyze`` per sentence (which gives no ``tone`` at all).
Sentences: the bundled news corpus (``data/events``, split at sentence ends)
plus the rated texts when ``--data`` is given, de-duplicated.

Tone toward each mention (``--newsmtsc ../shared/datasets/newsmtsc/train.jsonl``):
mentions/s and sentences/s of :func:`analysis.sentiment.mention_tones` over
the file's sentences with their labelled target spans (per-word caches
emptied before every run), and sentences/s of all scores together (the four
sentence scores and the tone toward every mention); its agreement is measured by
``python -m analysis evaluate sentiment --format newsmtsc PATH``.
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from analysis import sentiment  # noqa: E402
from analysis.evaluation.sentiment import _files, is_fit_half, read_rated, score_file  # noqa: E402


def news_sentences(folder: Path) -> list[str]:
    """Rough sentences of the bundled corpus (front matter dropped, split after . ! ?)."""
    out = []
    for path in sorted(folder.rglob("*.md")):
        text = path.read_text(encoding="utf-8")
        if text.startswith("---"):
            text = text.split("---", 2)[-1]
        for block in text.split("\n\n"):
            out.extend(s.strip() for s in re.split(r"(?<=[.!?])\s+", block) if s.strip())
    return out


def clear_caches() -> None:
    from analysis.sentiment._pattern import get_scorer as pattern
    from analysis.sentiment._shared_tokens import get_tokenizer
    from analysis.sentiment._vader import get_scorer as vader

    vader()._cache.clear()
    pattern()._piece_cache.clear()
    get_tokenizer().clear()


def throughput(texts: list[str], repeats: int) -> None:
    """Print sentences/s of score_sentences (cold caches) and of the naive route, medians over runs.

    Wall-clock and CPU time (``time.process_time``) are both reported: on a
    shared machine the CPU figure is the steadier one. The ratio is taken per
    run (ours and naive measured back to back) and its median printed.
    """
    from textblob.en.sentiments import PatternAnalyzer
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    vader = SentimentIntensityAnalyzer()
    pattern = PatternAnalyzer()
    sentiment.score_sentences(["warm up: load the lexicons"])
    pattern.analyze("warm up")

    runs: dict[str, list[float]] = {"ours": [], "naive": [], "ours_cpu": [], "naive_cpu": []}
    for _ in range(repeats):
        clear_caches()
        wall, cpu = time.perf_counter(), time.process_time()
        sentiment.score_sentences(texts)
        runs["ours"].append(len(texts) / (time.perf_counter() - wall))
        runs["ours_cpu"].append(len(texts) / (time.process_time() - cpu))
        wall, cpu = time.perf_counter(), time.process_time()
        for text in texts:
            vader.polarity_scores(text)
            pattern.analyze(text)
        runs["naive"].append(len(texts) / (time.perf_counter() - wall))
        runs["naive_cpu"].append(len(texts) / (time.process_time() - cpu))
    med = {key: statistics.median(values) for key, values in runs.items()}
    ratio = statistics.median(o / n for o, n in zip(runs["ours"], runs["naive"], strict=True))
    ratio_cpu = statistics.median(o / n for o, n in zip(runs["ours_cpu"], runs["naive_cpu"], strict=True))
    words = sum(len(t.split()) for t in texts) / len(texts)
    print(f"\nthroughput on {len(texts)} distinct sentences ({words:.1f} words each), median of {repeats} runs")
    print("(score_sentences with empty caches before every run):")
    print(f"  {'':55s} {'wall':>10s} {'cpu':>10s}")
    for label, key in (
        ("score_sentences (tone+polarity+subjectivity+compound)", "ours"),
        ("naive VADER polarity_scores + TextBlob PatternAnalyzer", "naive"),
    ):
        print(f"  {label:55s} {med[key]:10,.0f} {med[key + '_cpu']:10,.0f}")
    print(f"  {'ratio (median of per-run ratios)':55s} {ratio:9.2f}x {ratio_cpu:9.2f}x")
    print(f"  best run: {max(runs['ours']):,.0f} /s wall, {max(runs['ours_cpu']):,.0f} /s cpu")


def mention_throughput(path: Path, repeats: int) -> None:
    """Print mentions/s and sentences/s of mention_tones on a NewsMTSC file (medians over runs)."""
    from analysis.evaluation.sentiment import read_targets
    from analysis.sentiment import target

    items, _bad = read_targets(path)
    n_mentions = sum(len(item.spans) for item in items)
    sentiment.mention_tones("Warm Up said so.", [(0, 7)])
    runs = []
    for _ in range(repeats):
        target._VALENCES.clear()
        cpu = time.process_time()
        for item in items:
            sentiment.mention_tones(item.text, item.spans)
        runs.append(time.process_time() - cpu)
    seconds = statistics.median(runs)
    print(f"\nmention_tones on {len(items)} sentences with {n_mentions} target mentions, median of {repeats} runs:")
    print(f"  {n_mentions / seconds:,.0f} mentions/s, {len(items) / seconds:,.0f} sentences/s (cpu)")
    texts = [item.text for item in items]
    together = []
    for _ in range(repeats):  # every score of a sentence: the four sentence scores and its mentions' tones
        clear_caches()
        target._VALENCES.clear()
        cpu = time.process_time()
        sentiment.score_sentences(texts)
        for item in items:
            sentiment.mention_tones(item.text, item.spans)
        together.append(time.process_time() - cpu)
    seconds = statistics.median(together)
    print(f"  all scores together (score_sentences + mention_tones): {len(items) / seconds:,.0f} sentences/s (cpu)")


def agreement(folder: Path, fit: bool) -> None:
    print(f"Pearson r with the human mean ({folder}); TONE_WEIGHT = {sentiment.TONE_WEIGHT}")
    print(f"{'file':40s} {'half':5s} {'n':>6s} {'tone':>7s} {'compound':>9s} {'polarity':>9s}")
    means: dict[str, list[float]] = {}
    for file in _files(folder):
        rated = read_rated(file)
        for half in ("all", "fit", "test"):
            row = score_file(rated, half=half)
            print(
                f"{file.name:40s} {half:5s} {row['n']:6d} {row['pearson_tone']:7.4f} "
                f"{row['pearson_compound']:9.4f} {row['pearson_polarity']:9.4f}"
            )
            means.setdefault(half, []).extend([row["pearson_tone"], row["pearson_compound"]])
    for half, values in means.items():
        tone, compound = values[0::2], values[1::2]
        print(f"mean over files, {half:4s}: tone {statistics.mean(tone):.4f}  compound {statistics.mean(compound):.4f}")
    if fit:
        fit_weight(folder)


def fit_weight(folder: Path) -> None:
    """Print mean Pearson r on the fit half for a grid of weights (how TONE_WEIGHT was chosen)."""
    import numpy as np

    from analysis.sentiment._pattern import get_scorer as pattern
    from analysis.sentiment._vader import get_scorer as vader

    lex = sentiment.load_tone_lexicon()
    parts = []
    for file in _files(folder):
        rated = read_rated(file)
        keep = [is_fit_half(i) for i in rated.ids]
        texts = [t for t, k in zip(rated.texts, keep, strict=True) if k]
        human = np.array([r for r, k in zip(rated.ratings, keep, strict=True) if k])
        lexical = np.array([sentiment._lexical_tone(t, vader().tokens(t), lex) for t in texts])
        polarity = np.array([pattern().score(t)[0] for t in texts])
        parts.append((file.name, human, lexical, polarity))
    print("\nfit half: mean Pearson r of W * lexical + (1 - W) * polarity")
    for weight in (1.0, 0.8, 0.7, 0.65, 0.6, 0.55, 0.5, 0.4):
        rs = [float(np.corrcoef(h, weight * lx + (1 - weight) * po)[0, 1]) for _, h, lx, po in parts]
        print(
            f"  W={weight:.2f}  "
            + "  ".join(f"{name[:10]} {r:.4f}" for (name, *_), r in zip(parts, rs, strict=True))
            + f"  mean {statistics.mean(rs):.4f}"
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument(
        "--data", type=Path, help="folder of VADER-format rated files (e.g. ../shared/datasets/vader_dev)"
    )
    parser.add_argument("--news", type=Path, default=ROOT / "data" / "events", help="folder of .md news articles")
    parser.add_argument("--fit", action="store_true", help="print the TONE_WEIGHT grid on the fit half")
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--newsmtsc", type=Path, help="NewsMTSC JSONL file: also time the tone toward each mention")
    args = parser.parse_args()
    if args.data:
        agreement(args.data, args.fit)
    texts = news_sentences(args.news)
    if args.data:
        for file in _files(args.data):
            texts.extend(read_rated(file).texts)
    texts = list(dict.fromkeys(texts))
    throughput(texts, args.repeats)
    if args.newsmtsc:
        mention_throughput(args.newsmtsc, args.repeats)
    return 0


if __name__ == "__main__":
    sys.exit(main())
