"""The keys step of a cluster run alone: plan, the keys tasks on a two-worker LocalCluster, and schedule.

Usage:
    python benchmarks/bench_keys.py CORPUS [--out DIR]

``CORPUS`` is a folder of JSON Lines shards such as ``bench_scale.py`` writes
(``corpus-10000``, ``corpus-100000``). The script runs what
:func:`analysis.cluster.run` runs before any group is analysed: the input is cut
into partitions (client), each partition is read, screened and cached by a keys
task (workers), and the client judges the repeats over the whole input and
cuts the events into groups (:func:`analysis.cluster.schedule`). It prints one
JSON line: the client's peak resident memory (this process: the client, and the
scheduler of the ``LocalCluster``), its peak just before the keys are gathered,
each worker's peak, the seconds of each step, and the groups, tasks and
repeats found. The group tasks are not run (``bench_scale.py`` runs the whole
run). The output folder's ``_input`` caches are removed at the end.
"""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--out", type=Path, default=Path("/tmp/bench-keys"))
    args = parser.parse_args()

    from analysis.cluster import gather_keys, local_client, plan, schedule

    out = args.out.resolve()
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    client = local_client(workers=2)
    try:
        client.run(lambda: None)  # workers up before the clock starts
        before = _peak_mb()
        start = time.perf_counter()
        partitions, _, _ = plan(args.corpus)
        planned = time.perf_counter()
        found = gather_keys(client, partitions, out, token="bench")
        gathered = time.perf_counter()
        at_gather = _peak_mb()
        groups, tasks, repeats = schedule(found)
        scheduled = time.perf_counter()
        workers = client.run(lambda: resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
        row = {
            "corpus": str(args.corpus),
            "partitions": len(partitions),
            "groups": len(groups),
            "tasks": len(tasks),
            "repeats": len(repeats),
            "client_peak_before_mb": round(before, 1),
            "client_peak_after_gather_mb": round(at_gather, 1),
            "client_peak_mb": round(_peak_mb(), 1),
            "worker_peak_mb": sorted(round(m, 1) for m in workers.values()),
            "plan_s": round(planned - start, 2),
            "keys_s": round(gathered - planned, 2),
            "schedule_s": round(scheduled - gathered, 2),
        }
    finally:
        cluster = client.cluster
        client.close()
        cluster.close()
        shutil.rmtree(out, ignore_errors=True)
    print(json.dumps(row), flush=True)


if __name__ == "__main__":
    main()
