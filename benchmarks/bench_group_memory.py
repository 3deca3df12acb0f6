"""Memory of one worker process analysing event group after event group (what a cluster worker does).

Usage:
    python benchmarks/bench_group_memory.py CORPUS [--groups 14]

``CORPUS`` is a folder of JSON Lines shards of 250 articles such as ``bench_scale.py``
writes. Each group is four shards (1,000 articles, the size of a cluster run's event
group), analysed in this one process as a group task does (stages reused, per-event
reduce); after each, the process's resident memory and its peak are printed with
the sizes of the per-token memos that live for the whole process (the tag memos of
``analysis.text.tokens`` and the sentiment wing's shared-token cache): whatever
grows from group to group here grows with the corpus on a worker.
"""

from __future__ import annotations

import argparse
import gc
import json
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def _rss_mb() -> float:
    with open("/proc/self/statm") as handle:
        return int(handle.read().split()[1]) * resource.getpagesize() / 2**20


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--groups", type=int, default=14)
    args = parser.parse_args()

    from analysis.corpus import Corpus, load_corpus
    from analysis.pipeline import analyze_articles
    from analysis.sentiment import _shared_tokens
    from analysis.text import tokens

    shards = sorted(args.corpus.glob("shard-*.jsonl"))
    for g in range(args.groups):
        corpus = Corpus([a for shard in shards[4 * g : 4 * g + 4] for a in load_corpus(shard)])
        start = time.perf_counter()
        analyze_articles(corpus, jobs=1, progress=False, reuse_stages=True, resolve=True)
        seconds = time.perf_counter() - start
        del corpus
        gc.collect()
        row = {
            "group": g,
            "seconds": round(seconds, 1),
            "rss_mb": round(_rss_mb(), 1),
            "peak_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
            "tag_memo_tokens": len(tokens._LATER_TAGS) + len(tokens._FIRST_TAGS),
            "sentiment_token_cache": len(_shared_tokens.get_tokenizer()._cache),
        }
        print(json.dumps(row), flush=True)


if __name__ == "__main__":
    main()
