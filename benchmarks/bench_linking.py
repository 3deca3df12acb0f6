"""Alias linking on an article with thousands of distinct names (issue 17, item 19).

Usage:
    .venv/bin/python benchmarks/bench_linking.py [--sizes 2000 4000 8000] [--old FILE]

Builds one article whose sentences each name a different invented organisation
("the Varn Ostel Council said ..."), then a short form of it ("Varn said ..."),
and times :func:`analysis.entities.linking.link_mentions` alone on mentions built
directly (no mention finding). ``--old FILE`` times a previous version of
``linking.py`` (e.g. ``git show 3a9f9ca:analysis/entities/linking.py > old.py``)
on the same mentions, in the same process.
"""

from __future__ import annotations

import argparse
import bisect
import importlib.util
import itertools
import time

from analysis.entities.aliases import AliasLexicon
from analysis.entities.linking import link_mentions
from analysis.entities.rules import Mention
from analysis.text import process

_SYLLABLES = ["var", "nos", "tel", "mir", "dak", "lun", "zor", "pel", "kat", "rin", "bo", "sev", "ul", "ham"]


def invented_names(n: int) -> list[tuple[str, str]]:
    """``n`` distinct (first word, second word) pairs of invented capitalised words."""
    words = ["".join(p).capitalize() for p in itertools.product(_SYLLABLES, repeat=2)]
    pairs = itertools.product(words, words)
    return [next(pairs) for _ in range(n)]


def article(n: int) -> tuple[str, list[tuple[int, int, str]]]:
    """The text and its (start, end, label) name spans: a full name, then its first word."""
    parts: list[str] = []
    spans: list[tuple[int, int, str]] = []
    pos = 0
    for first, second in invented_names(n):
        full = f"{first} {second} Council"
        sentence = f"The {full} met. {first} said no. "
        spans.append((pos + 4, pos + 4 + len(full), "ORG"))
        short = pos + len(f"The {full} met. ")
        spans.append((short, short + len(first), "ORG"))
        parts.append(sentence)
        pos += len(sentence)
    return "".join(parts), spans


def time_linking(link, doc, spans) -> float:
    """Seconds ``link`` takes on the mentions of ``spans``."""
    starts = [s.start for s in doc.sentences]
    index = [s.index for s in doc.sentences]
    mentions = [Mention(index[bisect.bisect_right(starts, s) - 1], s, e, lab, "", "", "guess") for s, e, lab in spans]
    t0 = time.perf_counter()
    link(doc, mentions, AliasLexicon())
    return time.perf_counter() - t0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[2000, 4000, 8000])
    parser.add_argument("--old", default=None, help="a previous linking.py to time on the same mentions")
    args = parser.parse_args()
    old = None
    if args.old:
        spec = importlib.util.spec_from_file_location("old_linking", args.old)
        old = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(old)  # type: ignore[union-attr]
    warm_text, warm_spans = article(10)
    time_linking(link_mentions, process(warm_text), warm_spans)  # loads the gazetteers once
    for n in args.sizes:
        text, spans = article(n)
        doc = process(text)
        new_s = time_linking(link_mentions, doc, spans)
        line = f"{n:6d} names: link_mentions {new_s:7.2f} s"
        if old is not None:
            line += f"   old {time_linking(old.link_mentions, doc, spans):7.2f} s"
        print(line, flush=True)


if __name__ == "__main__":
    main()
