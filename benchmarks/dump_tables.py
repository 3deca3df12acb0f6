"""Write the tables of one analysis, sorted, so two checkouts can be compared byte for byte.

Used to show that a refactoring changed no output: run it in each checkout
(the ``analysis`` imported is the one of the current folder) and ``cmp`` the files::

    .venv/bin/python benchmarks/dump_tables.py data/events --out /tmp/after
    cd ../old && PYTHONPATH=. ../main/.venv/bin/python benchmarks/dump_tables.py data/events --out /tmp/before
    for t in articles sentences entities claims numbers; do cmp /tmp/before/$t.csv /tmp/after/$t.csv; done
"""

from __future__ import annotations

import argparse
from pathlib import Path

import analysis


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", help="a corpus analysis.load_corpus accepts (default: the bundled events)")
    parser.add_argument("--out", type=Path, required=True, help="folder for <table>.csv")
    args = parser.parse_args()
    result = analysis.analyze(args.path, progress=False)
    args.out.mkdir(parents=True, exist_ok=True)
    for name, table in result.tables.items():
        table = table.sort_values(list(table.columns[:4]), kind="stable").reset_index(drop=True)
        table.to_csv(args.out / f"{name}.csv", index=False)
    print(f"{analysis.__file__}: {result!r} -> {args.out}")


if __name__ == "__main__":
    main()
