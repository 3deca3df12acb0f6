"""Throughput of find_numbers (and of the claims + numbers stage), against a naive regex baseline.

Usage:
    python benchmarks/bench_numbers.py [--words 300000] [--repeat 3]

The bundled articles (``data/events`` and ``data/seed``) are processed once
(sentences, tokens, tags: not timed), then the document list is repeated until
it holds ``--words`` words. Timed, one after the other in this process, best of
``--repeat`` runs on one core:

* ``numbers``: :func:`analysis.numbers.find_numbers` on every document;
* ``baseline``: a naive extractor, one regular expression per non-debris
  sentence (digits with separators and the word after them as the unit);
* ``claims+numbers``: ``ClaimFinder.find`` + ``find_numbers`` (entities are
  found beforehand, untimed), when ``analysis.claims`` is importable.

Then linearity on a pathological input: one sentence of 10,000 and of 40,000
words with no punctuation; the ratio of times should be close to 4.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

_NAIVE = re.compile(r"(\d[\d,]*(?:\.\d+)?)\s*([A-Za-z%]+)?")


def documents() -> list:
    from analysis import load_corpus
    from analysis.text import process

    docs = []
    for folder in (ROOT / "data" / "events", ROOT / "data" / "seed"):
        for article in load_corpus(folder):
            docs.append(process(article.text, title=article.title or None))
    return docs


def naive_numbers(doc) -> list[dict]:
    rows = []
    for sentence in doc.sentences:
        if sentence.is_debris:
            continue
        for m in _NAIVE.finditer(sentence.text):
            try:
                value = float(m.group(1).replace(",", ""))
            except ValueError:
                continue
            rows.append(
                {
                    "sentence_id": sentence.index,
                    "start": sentence.start + m.start(),
                    "end": sentence.start + m.end(),
                    "value": value,
                    "unit": (m.group(2) or "").lower(),
                }
            )
    return rows


def gold_scores(find_numbers: Callable) -> None:
    """Score ours and the baseline on the bundled gold (data/gold), when it loads."""
    import pandas as pd

    from analysis.evaluation.gold import load_gold_dir, read_article
    from analysis.evaluation.numbers import score_numbers
    from analysis.text import process

    gold = load_gold_dir(ROOT / "data" / "gold")
    rows: dict[str, list[dict]] = {"numbers": [], "baseline": []}
    for article_id, article in gold.articles.items():
        meta, _ = read_article(article.article_path)
        doc = process(article.text, title=meta.get("title") or None)
        for name, extract in (("numbers", find_numbers), ("baseline", naive_numbers)):
            for row in extract(doc):
                rows[name].append({"value_high": float("nan"), "qualifier": "exact", **row, "article_id": article_id})
    for name, found in rows.items():
        s = score_numbers(pd.DataFrame(found), gold.numbers)
        print(
            f"gold ({s['n_gold']} numbers) {name:<8}: span F1 {s['f1']:.3f}, value+unit accuracy "
            f"{s['value_unit_accuracy']:.3f} on matched, {s['value_unit_recall']:.3f} of all gold numbers"
        )


def best_of(repeat: int, run: Callable[[], object]) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--words", type=int, default=300_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    from analysis.numbers import find_numbers
    from analysis.text import process

    base = documents()
    base_words = sum(d.n_words for d in base)
    copies = max(1, -(-args.words // base_words))
    docs = base * copies
    words = base_words * copies
    find_numbers(base[0])  # load the lexicon outside the timing

    t_ours = best_of(args.repeat, lambda: [find_numbers(d) for d in docs])
    t_naive = best_of(args.repeat, lambda: [naive_numbers(d) for d in docs])
    n_ours = sum(len(find_numbers(d)) for d in base)
    n_naive = sum(len(naive_numbers(d)) for d in base)
    print(f"corpus: {len(base)} articles x {copies} copies = {words:,} words")
    print(f"numbers  : {t_ours:.3f} s  {words / t_ours:,.0f} words/s  ({n_ours} numbers per corpus copy)")
    print(f"baseline : {t_naive:.3f} s  {words / t_naive:,.0f} words/s  ({n_naive} matches per corpus copy)")
    print(f"time ratio numbers/baseline: {t_ours / t_naive:.2f}")

    try:
        from analysis.claims import ClaimFinder
        from analysis.entities import EntityRecognizer

        finder, recognizer = ClaimFinder(), EntityRecognizer()
        entities = [recognizer.find(d) for d in base] * copies
    except Exception as exc:  # the entities or claims stage is not complete in this checkout
        print(f"claims+numbers: not measured ({type(exc).__name__}: {exc})")
    else:

        def stage() -> None:
            for d, ents in zip(docs, entities, strict=True):
                finder.find(d, ents)
                find_numbers(d)

        stage()
        t_stage = best_of(args.repeat, stage)
        print(f"claims+numbers: {t_stage:.3f} s  {words / t_stage:,.0f} words/s")

    gold_scores(find_numbers)

    sizes = (10_000, 40_000)
    timings = []
    for size in sizes:
        pattern = ["about", "300", "people", "and", "1,2,3", "of", "10e9999", "the", "Resolution", "2254"]
        doc = process(" ".join(pattern[i % len(pattern)] for i in range(size)))
        timings.append(best_of(args.repeat, lambda doc=doc: find_numbers(doc)))
    print(
        f"pathological one-sentence input: {sizes[0]:,} words {timings[0] * 1000:.1f} ms, "
        f"{sizes[1]:,} words {timings[1] * 1000:.1f} ms (ratio {timings[1] / timings[0]:.2f}; linear = 4)"
    )


if __name__ == "__main__":
    main()
