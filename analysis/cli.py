"""The command line: ``python -m analysis analyze | report | evaluate``.

Every failure exits non-zero with a one-line message naming what to fix.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

#: ``evaluate`` kinds and the module that implements each.
EVALUATORS = {
    "entities": "analysis.evaluation.entities",
    "claims": "analysis.evaluation.claims",
    "numbers": "analysis.evaluation.numbers",
    "sentiment": "analysis.evaluation.sentiment",
    "alignment": "analysis.evaluation.alignment",
}


class _Parser(argparse.ArgumentParser):
    """An argument parser whose errors are one line (what is wrong, and where to look)."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"error: {message} (see: {self.prog} --help)\n")


def _jobs(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"{value} is negative; use 0 for one worker per CPU")
    return value


def build_parser() -> argparse.ArgumentParser:
    """The argument parser (also used to document the commands)."""
    from analysis.report import add_arguments as report_arguments

    parser = _Parser(
        prog="python -m analysis",
        description="Compare how news sources describe the same events.",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    analyze = commands.add_parser(
        "analyze",
        help="analyse a corpus and write its tables",
        description="Analyse a corpus and write articles/sentences/entities/claims/numbers tables "
        "(CSV, plus Parquet when pyarrow is installed) and a rejects.csv of records that could not be read.",
    )
    analyze.add_argument("path", type=Path, help="folder of .md/.txt files, or a .csv / .jsonl file")
    analyze.add_argument(
        "--out",
        type=Path,
        required=True,
        help="output folder (created if missing); a folder that is not empty must be an earlier output "
        "(it holds analysis.json) unless --overwrite is given. Never read as input by later runs",
    )
    analyze.add_argument(
        "--overwrite",
        action="store_true",
        help="write into a non-empty --out folder that is not an earlier output (its files of the same names "
        "are replaced)",
    )
    analyze.add_argument(
        "--jobs",
        type=_jobs,
        default=None,
        help="worker processes (default 1; 0 = one per CPU); results are identical. With --dask local: "
        "the local cluster's workers (default one per CPU)",
    )
    analyze.add_argument(
        "--dask",
        metavar="ADDRESS|local",
        help="run on a Dask cluster: a scheduler address (tcp://host:8786), or 'local' to start one on this "
        "machine. Tables are written as Parquet datasets partitioned by event; open them with "
        "analysis.open(OUT). Needs the dask extra: pip install 'news-analysis[dask]'",
    )
    analyze.add_argument("--event", help="only articles of this event")
    analyze.add_argument("--sources", nargs="+", metavar="SOURCE", help="only these sources")
    analyze.add_argument(
        "--entity-method",
        default="rules",
        choices=["rules", "spacy", "nltk"],
        help="entity recogniser: offline rules (default), or an installed spaCy model / NLTK data",
    )
    analyze.add_argument("--entity-model", help="spaCy pipeline name for --entity-method spacy (e.g. en_core_web_sm)")
    analyze.add_argument("--aliases", type=Path, nargs="+", help="extra alias lexicon YAML file(s)")
    analyze.add_argument(
        "--event-aliases",
        type=Path,
        metavar="FOLDER",
        help="a corpus folder whose <event>/aliases.yml files each apply to their own event (e.g. data/events)",
    )
    analyze.add_argument("--claim-lexicon", type=Path, help="a claims lexicon YAML added to the packaged one")
    analyze.add_argument("--tone-lexicon", type=Path, help="a tone lexicon YAML added to the packaged one")
    analyze.add_argument("--no-progress", action="store_true", help="never show a progress bar")

    report = commands.add_parser(
        "report",
        help="render the source-comparison report as HTML",
        description="Execute notebooks/02_compare_sources.ipynb with these parameters and render HTML "
        "with code cells hidden: coverage, labels, voice, claim alignment, distinctive terms, tone and the "
        "evidence sentences. Without --event, one report per event of the corpus and an index.html.",
    )
    report_arguments(report)

    evaluate = commands.add_parser(
        "evaluate",
        help="score the package against annotated data",
        description="Score a stage against annotated data and print the figures.",
    )
    kinds = evaluate.add_subparsers(dest="kind", required=True, metavar="KIND")
    for kind, module in EVALUATORS.items():
        sub = kinds.add_parser(kind, help=f"evaluate {kind}")
        sub.set_defaults(evaluator=module)
        try:
            importlib.import_module(module).add_arguments(sub)
        except ModuleNotFoundError as exc:
            if exc.name != module:
                raise
            sub.set_defaults(unavailable=f"'evaluate {kind}' is not available in this version")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    args = build_parser().parse_args(argv)
    try:
        if args.command == "analyze":
            return _analyze(args)
        if args.command == "report":
            from analysis.report import main as report_main

            return report_main(args)
        if getattr(args, "unavailable", None):
            return _fail(args.unavailable)
        return importlib.import_module(args.evaluator).main(args)
    except FileNotFoundError as exc:
        return _fail(str(exc))
    except OSError as exc:  # e.g. --out names a file where a folder is needed, or a read-only folder
        return _fail(f"{exc.filename or ''}: {exc.strerror or exc}".lstrip(": "))
    except Exception as exc:  # one line for the user; the traceback helps nobody here
        from analysis.errors import AnalysisError

        if isinstance(exc, AnalysisError):
            return _fail(str(exc).splitlines()[0])
        raise


def _fail(message: str) -> int:
    print(f"error: {message}", file=sys.stderr)
    return 2


def _analyze(args: argparse.Namespace) -> int:
    from analysis import analyze, load_corpus
    from analysis.result import write_csv

    if args.dask:
        return _analyze_on_dask(args)
    refused = _refuse_out(args.out, overwrite=args.overwrite)
    if refused:
        return _fail(refused)
    corpus = load_corpus(args.path)
    if args.event or args.sources:
        corpus = corpus.filter(event=args.event, sources=args.sources)
    if not len(corpus):
        return _fail(f"{args.path}: no articles to analyse ({len(corpus.rejects)} rejected)")
    result = analyze(
        corpus,
        jobs=1 if args.jobs is None else args.jobs,
        progress=False if args.no_progress else None,
        entity_method=args.entity_method,
        entity_model=args.entity_model,
        aliases=args.aliases,
        event_aliases=args.event_aliases,
        claim_lexicon=args.claim_lexicon,
        tone_lexicon=args.tone_lexicon,
    )
    out = result.save(args.out)
    write_csv(corpus.rejects, out / "rejects.csv")
    write_csv(corpus.skipped, out / "skipped.csv")
    print(
        f"{len(result.articles)} articles, {len(result.sentences)} sentences, "
        f"{len(result.entities)} entity mentions, {len(result.claims)} claims, "
        f"{len(result.numbers)} numbers; {len(corpus.rejects)} rejected, {len(corpus.skipped)} skipped -> {out}"
    )
    for row in corpus.rejects.itertuples():
        print(f"  rejected {row.where}: {row.reason} (fix: {row.fix})")
    for row in corpus.skipped.itertuples():
        print(f"  skipped {row.where}: {row.reason}")
    return 0


def _analyze_on_dask(args: argparse.Namespace) -> int:
    from analysis.cluster import local_client, require_dask, run

    if args.event or args.sources:
        return _fail(
            "--event and --sources are not used with --dask: analyse the whole input, then read one event "
            "with analysis.open(OUT, event=...)"
        )
    require_dask()
    if args.dask == "local":
        client = local_client(workers=args.jobs or None)
    else:
        from distributed import Client

        try:
            client = Client(args.dask, timeout="20s")
        except OSError as exc:
            return _fail(
                f"--dask {args.dask}: no Dask scheduler answers there ({exc}); start one with `dask scheduler` "
                "and pass the address it prints, or use --dask local"
            )
    print(f"Dask dashboard: {client.dashboard_link}", flush=True)
    try:
        stored = run(
            args.path,
            client=client,
            out=args.out,
            overwrite=args.overwrite,
            progress=not args.no_progress,
            entity_method=args.entity_method,
            entity_model=args.entity_model,
            aliases=None if args.aliases is None else tuple(str(p.resolve()) for p in args.aliases),
            event_aliases=None if args.event_aliases is None else str(args.event_aliases.resolve()),
            claim_lexicon=None if args.claim_lexicon is None else str(args.claim_lexicon.resolve()),
            tone_lexicon=None if args.tone_lexicon is None else str(args.tone_lexicon.resolve()),
        )
    finally:
        cluster = client.cluster if args.dask == "local" else None
        client.close()
        if cluster is not None:
            cluster.close()
    meta = stored.meta
    print(
        f"{meta['n_articles']} articles in {len(meta['events'])} events, {meta['n_rejects']} rejected, "
        f"{meta['n_skipped']} skipped -> {stored.directory} (open it with analysis.open({str(stored.directory)!r}))"
    )
    for row in stored.rejects.itertuples():
        print(f"  rejected {row.where}: {row.reason} (fix: {row.fix})")
    return 0


def _refuse_out(out: Path, *, overwrite: bool) -> str | None:
    """Why ``out`` may not be written (a user's non-empty folder, a cluster run's folder), or None when it may."""
    from analysis.corpus.walk import is_output_folder
    from analysis.stored import is_partitioned, read_marker

    meta = read_marker(out) if out.is_dir() else None
    if is_partitioned(meta):
        if overwrite:
            import shutil

            shutil.rmtree(out)  # ours (it holds our marker): a cluster run's Parquet datasets, never mixed with CSVs
            return None
        return (
            f"--out {out}: the folder holds a Dask run's output (Parquet partitioned by event); choose another "
            "folder, or pass --overwrite to replace it"
        )
    if overwrite or not out.is_dir() or is_output_folder(out):
        return None
    try:
        empty = next(out.iterdir(), None) is None
    except OSError:
        return None  # the write reports the real problem
    if empty:
        return None
    return (
        f"--out {out}: the folder is not empty and is not an earlier output of `analyze` (no analysis.json); "
        "choose a new or empty folder, or pass --overwrite to write into it anyway"
    )
