"""Throughput of the entity stage (EntityRecognizer.find on processed documents).

Usage:
    .venv/bin/python benchmarks/bench_entities.py [--meantime PATH] [--spacy-model NAME]

Documents are processed (sentences, tokens, tags) before timing; only ``find``
is timed, after one warm-up pass that loads lexicons and gazetteers. The
baseline, timed in the same process, is a naive chunker that collects runs of
capitalised tokens. With ``--spacy-model`` (run from a Python that has spaCy,
e.g. a separate venv whose path also sees this checkout) the spaCy backend is
timed too, on the same documents, and the ratio printed.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def naive_chunks(doc) -> list[tuple[int, int]]:
    """Baseline: runs of capitalised tokens."""
    out = []
    start = None
    end = 0
    for tok in doc.tokens:
        if tok.text[:1].isupper():
            if start is None:
                start = tok.start
            end = tok.end
        elif start is not None:
            out.append((start, end))
            start = None
    if start is not None:
        out.append((start, end))
    return out


def load_texts(meantime: Path | None) -> list[tuple[str, str | None]]:
    from analysis.evaluation.gold import read_article

    texts = []
    for path in sorted((ROOT / "data").glob("*/**/*.md")):
        if "gold" in path.parts:
            continue
        front, body = read_article(path)
        texts.append((body, front.get("title")))
    if meantime is not None:
        from analysis.evaluation.entities import read_meantime

        texts += [(d.text, d.title) for d in read_meantime(meantime)]
    return texts


def rate(function, docs, words: int, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        for doc in docs:
            function(doc)
        best = min(best, time.perf_counter() - t0)
    return words / best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--meantime", type=Path, help="also time on MEANTIME texts (folder)")
    parser.add_argument("--spacy-model", help="also time the spaCy backend with this pipeline")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    from analysis.entities import EntityRecognizer
    from analysis.text import process

    docs = [process(text, title=title) for text, title in load_texts(args.meantime)]
    words = sum(d.n_words for d in docs)
    recognizer = EntityRecognizer()
    t0 = time.perf_counter()
    recognizer.find(docs[0])
    print(f"first call (loads lexicons and gazetteers): {time.perf_counter() - t0:.2f} s")
    rules = rate(recognizer.find, docs, words, args.repeat)
    naive = rate(naive_chunks, docs, words, args.repeat)
    print(f"{len(docs)} documents, {words} words")
    print(f"rules entity stage: {rules:12,.0f} words/s")
    print(f"naive capitalised-run baseline: {naive:12,.0f} words/s  (rules / baseline = {rules / naive:.2f})")
    if args.spacy_model:
        spacy = EntityRecognizer("spacy", model=args.spacy_model)
        spacy.find(docs[0])
        speed = rate(spacy.find, docs, words, 1)
        print(f"spaCy {args.spacy_model}: {speed:12,.0f} words/s  (rules / spaCy = {rules / speed:.1f}x)")


if __name__ == "__main__":
    main()
