"""Scale: a two-worker Dask ``LocalCluster`` against ``jobs=2`` on the same generated corpora.

Usage:
    python benchmarks/bench_scale.py [--sizes 1000 10000 100000] [--workdir /tmp/bench-scale]

Corpora of N generated articles are written as sharded JSON Lines files (250
articles a shard, so a shard is one Dask partition) and analysed twice in the
same run, each engine in a fresh child process so that peak memory is its own:

- ``jobs=2``: ``analysis.analyze(folder, jobs=2)`` (one process holds every table);
- ``dask``: ``analysis.analyze(folder, client=LocalCluster(2 workers), out=DIR)``.

Articles are made from the bundled corpus and the seed article (the seed is
read from ``--seeds``, never copied into the project): each generated article
takes one of them, shuffles its body sentences, swaps its capitalised names
for invented ones (Faker, seeded) and its numbers for others, and gets one of
200 outlets and one of N/50 events, so no two articles are the same text.

Reports words/s, the ratio of the cluster to ``jobs=2``, peak resident memory
of the client (the process that called ``analyze``) and of each worker, the
median time of one event group's task (its analysis and the per-event reduce;
the input is read once per partition by the keys tasks) and what the group tasks read, and,
for the largest size, the client memory of the ``compare`` tables read from
the Parquet output: one event in memory, then the whole run group by group on
a two-worker cluster (``--compare-only`` runs this step alone on an earlier
output). The extrapolation to a million articles uses the measured
per-partition cost (see ``extrapolate``).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SHARD = 250
_SENTENCE_END = re.compile(r"(?<=[.!?\"”’])\s+(?=[A-Z“\"])")
_NAME = re.compile(r"\b[A-Z][a-z]{2,}(?: [A-Z][a-z]{2,})?\b")
_NUMBER = re.compile(r"\b\d[\d,]*\b")


def _bases(seeds: Path | None) -> list[str]:
    import analysis

    texts = [a.text for a in analysis.load_corpus(ROOT / "data" / "events")]
    if seeds is not None and seeds.is_dir():
        texts += [a.text for a in analysis.load_corpus(seeds)]
    return texts


def generate(n: int, folder: Path, seeds: Path | None, seed: int = 0) -> int:
    """Write ``n`` varied articles as ``shard-XXXXX.jsonl`` files of :data:`SHARD` articles; returns n."""
    from faker import Faker

    fake = Faker("en_US")
    Faker.seed(seed)
    rng = random.Random(seed)
    names = [fake.name() for _ in range(2000)] + [fake.city() for _ in range(500)]
    outlets = [
        f"{fake.city()} {rng.choice(['Herald', 'Times', 'Post', 'Wire', 'Daily', 'Broadcast'])}" for _ in range(200)
    ]
    bases = _bases(seeds)
    folder.mkdir(parents=True, exist_ok=True)
    n_events = max(1, n // 50)
    handle = None
    for i in range(n):
        if i % SHARD == 0:
            if handle:
                handle.close()
            handle = open(folder / f"shard-{i // SHARD:05d}.jsonl", "w", encoding="utf-8")  # noqa: SIM115
        text = bases[rng.randrange(len(bases))]
        lines = text.split("\n\n")
        sentences = [s for block in lines[1:] for s in _SENTENCE_END.split(block) if s.strip()]
        rng.shuffle(sentences)
        swap = {}

        def name(match, swap=swap):
            return swap.setdefault(match.group(), rng.choice(names))

        body = " ".join(sentences)
        body = _NAME.sub(lambda m: name(m) if rng.random() < 0.5 else m.group(), body)
        body = _NUMBER.sub(lambda m: str(rng.randint(2, 400_000)), body)
        record = {
            "id": f"gen-{i:07d}",
            "source": outlets[rng.randrange(len(outlets))],
            "event": f"event-{rng.randrange(n_events):05d}",
            "title": lines[0][:120],
            "text": f"{lines[0]}\n\n{body}\n",
        }
        handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    if handle:
        handle.close()
    return n


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _cpu(who: int) -> float:
    usage = resource.getrusage(who)
    return usage.ru_utime + usage.ru_stime


def run_jobs(folder: Path) -> dict:
    import analysis

    cpu = _cpu(resource.RUSAGE_SELF) + _cpu(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    result = analysis.analyze(folder, jobs=2, progress=False)
    seconds = time.perf_counter() - start
    return {
        "seconds": seconds,
        "cpu_seconds": _cpu(resource.RUSAGE_SELF) + _cpu(resource.RUSAGE_CHILDREN) - cpu,
        "words": int(result.articles["n_words"].sum()),
        "articles": len(result.articles),
        "client_peak_mb": _peak_mb(),
        "worker_peak_mb": [resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024],
    }


def run_dask(folder: Path, out: Path) -> dict:
    from distributed import get_task_stream

    import analysis
    from analysis.cluster import local_client

    client = local_client(workers=2)
    try:
        client.run(lambda: None)  # workers up before the clock starts
        cpu = sum(client.run(_cpu, resource.RUSAGE_SELF).values()) + _cpu(resource.RUSAGE_SELF)
        start = time.perf_counter()
        with get_task_stream(client) as stream:
            stored = analysis.analyze(folder, client=client, out=out, overwrite=True, progress=False)
        seconds = time.perf_counter() - start
        cpu = sum(client.run(_cpu, resource.RUSAGE_SELF).values()) + _cpu(resource.RUSAGE_SELF) - cpu
        tasks = {"analyze": [], "keys": []}  # task names: keys-<run>-<partition>, analyze-<run>-<group>
        for task in stream.data:
            kind = task["key"].split("-")[0] if isinstance(task["key"], str) else str(task["key"][0]).split("-")[0]
            for part in task["startstops"]:
                if part["action"] == "compute" and kind in tasks:
                    tasks[kind].append(part["stop"] - part["start"])
        workers = client.run(lambda: resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
        words = int(stored.articles["n_words"].sum().compute())
    finally:
        cluster = client.cluster
        client.close()
        cluster.close()

    def median(values):
        values = sorted(values)
        return values[len(values) // 2] if values else float("nan")

    return {
        "seconds": seconds,
        "cpu_seconds": cpu,
        "words": words,
        "articles": stored.meta["n_articles"],
        "partitions": stored.meta["n_partitions"],
        "events": len(stored.events),
        "groups": len(stored.groups),
        "cache_reads": stored.meta.get("cache_reads", [0, 0]),
        "table_files": sum(1 for _ in out.glob("*/part-*.parquet")),
        "client_peak_mb": _peak_mb(),
        "worker_peak_mb": sorted(workers.values()),
        # an event group's task: its analysis and its events' reduce (there is no separate reduce task)
        "group_task_median_s": median(tasks["analyze"]),
        "group_task_total_s": sum(tasks["analyze"]),
        "group_task_max_s": max(tasks["analyze"], default=float("nan")),
        # share of the two workers' time spent running a task (the rest: waiting for the client or scheduler)
        "busy": sum(sum(v) for v in tasks.values()) / (2 * seconds),
        "keys_task_total_s": sum(tasks["keys"]),
    }


def run_compare(out: Path) -> dict:
    """The compare tables from the Parquet output: one event in memory, then the whole run group by group
    on a two-worker LocalCluster (this process is the client; its peak is what the user's notebook holds)."""
    import analysis
    from analysis import compare
    from analysis.cluster import local_client

    stored = analysis.open(out)
    event = stored.events[len(stored.events) // 2]
    start = time.perf_counter()
    for verb in (compare.coverage, compare.voice, compare.tone, compare.claim_alignment, compare.distinctive_terms):
        verb(stored, event=event)
    one_event = time.perf_counter() - start
    one_event_peak = _peak_mb()
    client = local_client(workers=2)
    try:
        client.run(lambda: None)
        start = time.perf_counter()
        # coverage's contract is the full source x actor grid with zeros: at 10,000 articles 200 x 21,404
        # rows (1.5 GB in the client); beyond that it is asked for 20 sources, as a user of a large run would
        sources = None if stored.meta["n_articles"] <= 10_000 else sorted(stored.articles["source"].unique())[:20]
        rows = {
            "coverage" if sources is None else "coverage of 20 sources": len(compare.coverage(stored, sources=sources)),
            "voice": len(compare.voice(stored)),
            "voice by speaker": len(compare.voice(stored, by="speaker")),
            "tone": len(compare.tone(stored)),
            "tone by entity": len(compare.tone(stored, by="entity")),
            "word_counts": len(compare.word_counts(stored)),
        }
        per_source = stored.articles.groupby("source")["n_words"].sum().compute()
        whole = time.perf_counter() - start
        workers = client.run(lambda: resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
    finally:
        cluster = client.cluster
        client.close()
        cluster.close()
    return {
        "one_event_seconds": one_event,
        "one_event_client_peak_mb": one_event_peak,
        "whole_run_seconds": whole,
        "client_peak_mb": _peak_mb(),
        "worker_peak_mb": sorted(workers.values()),
        "rows": rows,
        "n_sources": len(per_source),
    }


def _child(*args: str) -> dict:
    load = os.getloadavg()[0]
    done = subprocess.run(
        [sys.executable, __file__, "--child", *args], capture_output=True, text=True, check=False, cwd=ROOT
    )
    if done.returncode:
        raise SystemExit(f"child {args} failed:\n{done.stderr[-3000:]}")
    return {**json.loads(done.stdout.strip().splitlines()[-1]), "load": (load, os.getloadavg()[0])}


def extrapolate(rows: list[dict], articles: int = 1_000_000) -> list[str]:
    """A million articles on 10 and 50 machines, from the largest measured run's cost per article.

    The group tasks hold the analysis and the per-event reduce; the keys tasks read the input."""
    dask = [r for r in rows if r["engine"] == "dask"][-1]
    per_article = dask["group_task_total_s"] / dask["articles"]
    per_partition = per_article * SHARD
    keys_per_article = dask["keys_task_total_s"] / dask["articles"]
    core_seconds = articles * (per_article + keys_per_article)
    lines = [
        f"measured on {dask['articles']} articles: {per_partition:.2f} s per {SHARD} articles "
        f"(analysis and per-event reduce, in the group tasks), + {keys_per_article * 1000:.2f} ms/article keys",
        f"{articles:,} articles = {articles // SHARD:,} partitions = {core_seconds / 3600:.1f} core-hours",
    ]
    # task times are wall times: on a loaded machine a task waits for a core most of its time, so the
    # CPU seconds of the client and workers (everything the run did) give the load-free estimate
    cpu_seconds = articles * dask["cpu_seconds"] / dask["articles"]
    lines.append(
        f"from CPU seconds instead ({dask['cpu_seconds']:.0f} s for {dask['articles']} articles, every process of "
        f"the run): {cpu_seconds / 3600:.1f} core-hours"
    )
    for machines in (10, 50):
        for cores in (8,):
            hours = core_seconds / (machines * cores) / 3600
            lines.append(
                f"{machines} machines x {cores} workers (one per core, as fast as these): {hours * 60:.0f} min "
                f"from task times, {cpu_seconds / (machines * cores) / 60:.0f} min from CPU seconds "
                f"(+ scheduler and file-system overhead, not measured here)"
            )
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/bench-scale"))
    parser.add_argument("--seeds", type=Path, default=ROOT.parent / "shared" / "seeds")
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    parser.add_argument("--compare-only", action="store_true", help="only the compare step, on an earlier run's output")
    parser.add_argument(
        "--jobs-up-to",
        type=int,
        default=None,
        help="run jobs=2 only on corpora of at most this many articles (it holds every table in one process); "
        "larger ones are compared with the largest jobs=2 run of this invocation",
    )
    args = parser.parse_args()
    if args.child:
        kind, *paths = args.child
        result = {"jobs": lambda: run_jobs(Path(paths[0])), "dask": lambda: run_dask(Path(paths[0]), Path(paths[1]))}
        result["compare"] = lambda: run_compare(Path(paths[0]))
        print(json.dumps(result[kind]()))
        return
    rows = []
    jobs: dict = {}
    for n in [] if args.compare_only else args.sizes:
        folder = args.workdir / f"corpus-{n}"
        if not folder.is_dir():
            generate(n, folder, args.seeds)
        if args.jobs_up_to is None or n <= args.jobs_up_to:
            jobs = {"engine": "jobs=2", "n": n, **_child("jobs", str(folder))}
            rows.append(jobs)
        dask = {"engine": "dask", "n": n, **_child("dask", str(folder), str(args.workdir / f"out-{n}"))}
        rows.append(dask)
        for row in (jobs, dask) if jobs.get("n") == n else (dask,):
            print(
                f"{n:>7} {row['engine']:>6}: {row['words'] / row['seconds']:>8,.0f} words/s "
                f"({row['articles']} articles, {row['seconds']:.1f} s); client peak {row['client_peak_mb']:.0f} MB, "
                f"worker peak {', '.join(f'{m:.0f}' for m in row['worker_peak_mb'])} MB; "
                f"load average {row['load'][0]:.1f} -> {row['load'][1]:.1f}",
                flush=True,
            )
        print(
            f"{n:>7}  event-group tasks (analysis and per-event reduce): median {dask['group_task_median_s']:.2f} s, "
            f"longest {dask['group_task_max_s']:.2f} s, {dask['group_task_total_s']:.1f} s in all "
            f"({dask['partitions']} partitions, {dask['events']} events in {dask['groups']} groups); keys tasks "
            f"{dask['keys_task_total_s']:.1f} s; the group "
            f"tasks opened {dask['cache_reads'][0]:,} cache files and read {dask['cache_reads'][1]:,} blocks; "
            f"{dask['table_files']:,} table files written; workers busy {dask['busy']:.0%} of the time; "
            f"dask CPU {dask['cpu_seconds']:.0f} s",
            flush=True,
        )
        if not jobs:
            continue
        if jobs["n"] != n:
            print(f"{n:>7}  (jobs=2 not run at this size: the ratio below is against jobs=2 at {jobs['n']:,} articles)")
        ratio = (dask["words"] / dask["seconds"]) / (jobs["words"] / jobs["seconds"])
        cpu_ratio = (dask["words"] / dask["cpu_seconds"]) / (jobs["words"] / jobs["cpu_seconds"])
        print(
            f"{n:>7}  ratio dask/jobs=2 words/s: {ratio:.2f} (words per CPU second: {cpu_ratio:.2f}; CPU "
            f"{jobs['cpu_seconds']:.0f} s and {dask['cpu_seconds']:.0f} s)",
            flush=True,
        )
    largest = args.sizes[-1]
    compared = _child("compare", str(args.workdir / f"out-{largest}"))
    print(
        f"compare from the Parquet output of the {largest}-article run: one event (coverage, voice, tone, "
        f"claim_alignment, distinctive_terms) {compared['one_event_seconds']:.1f} s, client peak "
        f"{compared['one_event_client_peak_mb']:.0f} MB; the whole run group by group on 2 workers "
        f"({', '.join(f'{k} {v:,} rows' for k, v in compared['rows'].items())}; words per source): "
        f"{compared['whole_run_seconds']:.1f} s, client peak {compared['client_peak_mb']:.0f} MB, worker peak "
        f"{', '.join(f'{m:.0f}' for m in compared['worker_peak_mb'])} MB",
        flush=True,
    )
    if rows:
        for line in extrapolate(rows):
            print(line)
        (args.workdir / "results.json").write_text(json.dumps(rows, indent=1))


if __name__ == "__main__":
    main()
