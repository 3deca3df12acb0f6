"""Cost under hostile input: time and peak memory as inputs grow (issue 17).

Usage:
    python benchmarks/bench_hostile.py [--scale 1.0] [--cases sentence quotes names corpus]

Six cases, each at three sizes (the largest is the issue's size at ``--scale 1``):

- ``sentence``: one sentence of 25,000 / 50,000 / 100,000 words: quoted
  claims joined by semicolons, one attribution every 14 words (so one
  sentence holds thousands of claims: the case that made ``claims.csv`` repeat
  the sentence per claim);
- ``quotes``: one paragraph with 40,000 / 80,000 / 160,000 quotation marks;
- ``names``: an article naming 2,000 / 4,000 / 8,000 distinct invented people
  (alias linking; the linking fix itself is issue 17 item 19, owned elsewhere);
- ``cues``: one sentence of 500 / 1,000 / 2,000 clauses full of cues the
  claims stage reads past the verb ("X, who said the plan failed and blasted
  the board when it met, ..."): relative clauses, object cues, trailing contents;
- ``mentions``: one sentence naming 500 / 1,000 / 2,000 invented people
  ("A, B, C, ... were arrested"): the tone toward every mention, and the
  sentence tone's contrast rule, on one very long sentence;
- ``corpus``: 250,000 / 500,000 / 1,000,000 words of ordinary news (the bundled
  articles repeated, each copy with its own id and closing line), written as a
  JSON Lines file, loaded, analysed with ``jobs=1`` and saved.

Each size runs in a fresh process (``analyze`` plus ``Analysis.save`` into a
temporary folder), which reports its wall time and its peak resident memory.
The growth exponent is the slope of log(cost) against log(size) over the three
sizes: 1 is linear, 2 quadratic. Memory exponents use the peak above the
process's resident memory after imports and a warm-up. The 1M-word corpus must
stay under 500 MB peak.
"""

from __future__ import annotations

import argparse
import json
import math
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SIZES = {
    "sentence": (25_000, 50_000, 100_000),
    "quotes": (40_000, 80_000, 160_000),
    "names": (2_000, 4_000, 8_000),
    "cues": (500, 1_000, 2_000),
    "mentions": (500, 1_000, 2_000),
    "corpus": (250_000, 500_000, 1_000_000),
}
UNITS = {
    "sentence": "words",
    "quotes": "quote marks",
    "names": "names",
    "cues": "clauses",
    "mentions": "names",
    "corpus": "words",
}
_FIRST = ["Ta", "Vel", "Mor", "Is", "An", "Ker", "Lu", "Do", "Ra", "Sen", "Ol", "Pe", "Bri", "Ca", "Ez", "Ni"]
_MID = ["ri", "go", "ma", "ten", "sa", "lo", "vi", "dra", "ne", "ku", "sha", "ber"]
_LAST = ["sk", "ra", "nov", "dal", "mir", "ten", "vo", "lis", "bek", "ard", "ous", "ain"]


def long_sentence(words: int) -> str:
    """One sentence of about ``words`` words: quoted claims joined by semicolons, one attribution each 14 words."""
    clause = '"The harbour board in Velmora will close pier {i} by March," a union official said'
    parts, count, i = [], 0, 0
    while count < words:
        parts.append(clause.format(i=i))
        count += 14
        i += 1
    return "; ".join(parts) + "."


def quote_paragraph(quotes: int) -> str:
    """One paragraph with ``quotes`` quotation marks: short quoted fragments, some attributed."""
    pieces = []
    for i in range(quotes // 2):
        pieces.append(f'"pier {i}" he said' if i % 10 == 0 else f'"pier {i}"')
    return "The notice listed " + " ".join(pieces) + "."


def invented_name(i: int) -> str:
    """A distinct invented two-part name for every ``i`` (no dictionary words)."""
    first = _FIRST[i % 16] + _MID[(i // 16) % 12] + "n"
    last = _FIRST[(i // 192) % 16] + _MID[(i // 3072) % 12] + _LAST[(i * 7) % 12]
    return f"{first} {last}{i // 36864 or ''}"


def many_names(names: int) -> str:
    """An article naming ``names`` distinct people, one short sentence each."""
    return "\n".join(f"Councillor {invented_name(i)} visited the harbour on Tuesday." for i in range(names))


def cue_sentence(clauses: int) -> str:
    """One sentence of ``clauses`` clauses, each with a relative clause, an object cue and a trailing content."""
    units = [
        "Holt, who said the plan failed and blasted the board when it met, ",
        "Varga blasted the board and praised the crews in a statement, ",
        "polls show a close race, ",
    ]
    return "".join(units[i % 3] for i in range(clauses)) + "."


def one_sentence_of_names(names: int) -> str:
    """One sentence naming ``names`` distinct people, arrested but praised: every mention gets a tone."""
    listed = ", ".join(f"Mr. {invented_name(i)} of the dock union" for i in range(names))
    return f"Police said {listed} were arrested, but the mayor praised them."


def corpus_file(words: int, folder: Path) -> Path:
    """A JSON Lines corpus of about ``words`` words of ordinary news (the bundled articles, repeated)."""
    import analysis

    base = analysis.load_corpus(ROOT / "data" / "events").to_frame()
    per_copy = sum(len(t.split()) for t in base["text"])
    path = folder / "corpus.jsonl"
    with open(path, "w", encoding="utf-8") as handle:
        for copy in range(math.ceil(words / per_copy)):
            for row in base.itertuples():
                record = {
                    "id": f"{row.article_id}-copy{copy}",
                    "source": row.source,
                    "event": f"{row.event}-{copy % 50}",
                    "title": row.title,
                    "text": f"{row.text}\n\nThis is copy {copy}.\n",
                }
                handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path


def run_case(case: str, size: int) -> dict:
    """Analyse and save one input in this process; the figures as a dict."""
    import analysis

    analysis.analyze_text("Warm-up: the mayor said 100 ferries were cancelled.")
    base_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        if case == "corpus":
            source = corpus_file(size, folder)
        else:
            makers = {
                "sentence": long_sentence,
                "quotes": quote_paragraph,
                "names": many_names,
                "cues": cue_sentence,
                "mentions": one_sentence_of_names,
            }
            text = makers[case](size)
            source = [{"text": text, "source": "Bench"}]
        start = time.perf_counter()
        result = analysis.analyze(source, jobs=1, progress=False)
        seconds = time.perf_counter() - start
        out = result.save(folder / "out")
        saved = time.perf_counter() - start
        csv_mb = sum(p.stat().st_size for p in out.glob("*.csv")) / 1e6
        claims_mb = (out / "claims.csv").stat().st_size / 1e6
    return {
        "case": case,
        "size": size,
        "seconds": round(seconds, 2),
        "seconds_with_save": round(saved, 2),
        "base_mb": round(base_mb, 1),
        "peak_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "words": int(result.articles["n_words"].sum()),
        "rows": {name: len(table) for name, table in result.tables.items()},
        "csv_mb": round(csv_mb, 2),
        "claims_csv_mb": round(claims_mb, 2),
    }


def exponent(sizes: list[float], costs: list[float]) -> float:
    """Least-squares slope of log(cost) on log(size)."""
    xs = [math.log(s) for s in sizes]
    ys = [math.log(max(c, 1e-6)) for c in costs]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / sum((x - mx) ** 2 for x in xs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scale", type=float, default=1.0, help="multiply every size (e.g. 0.1 for a quick run)")
    parser.add_argument("--cases", nargs="+", default=list(SIZES), choices=list(SIZES))
    parser.add_argument("--one", nargs=2, metavar=("CASE", "SIZE"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(run_case(args.one[0], int(args.one[1]))))
        return
    print(f"{'case':9} {'size':>10} {'time s':>8} {'+save s':>8} {'peak MB':>8} {'base MB':>8} {'CSV MB':>7}  rows")
    for case in args.cases:
        runs = []
        for size in (max(1, int(s * args.scale)) for s in SIZES[case]):
            done = subprocess.run(
                [sys.executable, __file__, "--one", case, str(size)], capture_output=True, text=True, check=False
            )
            if done.returncode:
                print(f"{case} {size}: failed\n{done.stderr[-2000:]}")
                break
            run = json.loads(done.stdout.strip().splitlines()[-1])
            runs.append(run)
            rows = ", ".join(f"{k} {v:,}" for k, v in run["rows"].items() if k != "articles")
            print(
                f"{case:9} {size:>10,} {run['seconds']:>8.1f} {run['seconds_with_save']:>8.1f} "
                f"{run['peak_mb']:>8.0f} {run['base_mb']:>8.0f} {run['csv_mb']:>7.1f}  {rows}"
            )
        if len(runs) == 3:
            sizes = [r["size"] for r in runs]
            t = exponent(sizes, [r["seconds_with_save"] for r in runs])
            m = exponent(sizes, [max(r["peak_mb"] - r["base_mb"], 1.0) for r in runs])
            print(f"{case:9} growth exponent ({UNITS[case]}): time {t:.2f}, peak memory above base {m:.2f}")
        if case == "corpus" and runs and runs[-1]["size"] >= 1_000_000:
            verdict = "OK" if runs[-1]["peak_mb"] < 500 else "OVER"
            print(f"corpus    1M words, jobs=1: peak {runs[-1]['peak_mb']:.0f} MB (target < 500 MB: {verdict})")


if __name__ == "__main__":
    main()
