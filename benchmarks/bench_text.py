"""Throughput and memory of loading + sentences + words + tags, against a naive baseline.

Usage:
    python benchmarks/bench_text.py [--words 1000000] [--data ../shared/datasets/meantime_en]

The corpus is built from the bundled articles (or from MEANTIME's documents when
``--data`` is given), repeated with a distinct closing line per copy until it
holds ``--words`` words, and written as .md files to a temporary folder, so
loading is measured too. Both runs happen in this process, one after the other:
ours first (its peak resident memory is read right after), then the baseline,
which is NLTK's Punkt with default parameters + ``word_tokenize(preserve_line=True)``
+ TextBlob's ``PatternTagger`` called the plain way (TextBlob's own ``.sentences``
needs NLTK data, so it cannot run offline).
"""

from __future__ import annotations

import argparse
import csv
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def bundled_texts() -> list[str]:
    from analysis import load_corpus

    return [a.text for a in load_corpus(ROOT / "data" / "events")]


def meantime_texts(folder: Path) -> list[str]:
    docs: dict[str, dict[int, list[str]]] = {}
    with open(folder / "conll.csv", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            docs.setdefault(row["topic/subtopic_name"], {}).setdefault(int(row["sent_id"]), []).append(row["token"])
    return ["\n\n".join(" ".join(tokens) for _, tokens in sorted(sents.items())) for sents in docs.values()]


def build_corpus(texts: list[str], words: int, folder: Path) -> int:
    total = copy = 0
    while total < words:
        for i, text in enumerate(texts):
            body = f"{text}\n\nThis is copy {copy} of article {i}.\n"
            (folder / f"{copy:05d}-{i:03d}.md").write_text(f"---\nid: c{copy}-{i}\n---\n{body}", encoding="utf-8")
            total += len(body.split())
        copy += 1
    return total


def ours(folder: Path) -> int:
    from analysis import load_corpus
    from analysis.text import process

    n = 0
    for article in load_corpus(folder):
        n += process(article.text).n_words
    return n


def baseline(folder: Path) -> int:
    from nltk.tokenize import word_tokenize
    from nltk.tokenize.punkt import PunktSentenceTokenizer
    from textblob.en.taggers import PatternTagger

    punkt, tagger, n = PunktSentenceTokenizer(), PatternTagger(), 0
    for path in sorted(folder.glob("*.md")):
        text = path.read_text(encoding="utf-8").split("---\n", 2)[2]
        for sentence in punkt.tokenize(text):
            tokens = word_tokenize(sentence, preserve_line=True)
            tagger.tag(" ".join(tokens), tokenize=False)
            n += sum(1 for t in tokens if any(c.isalnum() for c in t))
    return n


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--words", type=int, default=1_000_000)
    parser.add_argument("--data", type=Path, help="MEANTIME folder (default: the bundled corpus)")
    args = parser.parse_args()
    texts = meantime_texts(args.data) if args.data else bundled_texts()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        total = build_corpus(texts, args.words, folder)
        start = time.perf_counter()
        n_ours = ours(folder)
        t_ours = time.perf_counter() - start
        peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        start = time.perf_counter()
        n_base = baseline(folder)
        t_base = time.perf_counter() - start
    print(f"corpus: {total:,} whitespace words from {'MEANTIME' if args.data else 'the bundled corpus'}")
    print(f"ours:     {n_ours:,} words in {t_ours:.1f} s = {n_ours / t_ours:,.0f} words/s; peak RSS {peak_mb:,.0f} MB")
    print(f"baseline: {n_base:,} words in {t_base:.1f} s = {n_base / t_base:,.0f} words/s")
    print(f"speed ratio ours/baseline: {(n_ours / t_ours) / (n_base / t_base):.2f}")


if __name__ == "__main__":
    main()
