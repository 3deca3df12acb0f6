"""Render the source-comparison notebook as an HTML report.

The report *is* ``notebooks/02_compare_sources.ipynb``: its first code cell is
tagged ``parameters`` (``corpus``, ``event``, ``sources``). :func:`render_report`
copies the notebook, adds a cell tagged ``injected-parameters`` right after that
cell (as papermill does), executes it top to bottom in a kernel running this
interpreter, and exports HTML with the code hidden. :func:`render_all` does this
for every event of a corpus and writes an ``index.html`` linking the reports.

>>> render_report("data/events", "syria.html", event="syria-isis-defeat-2017")  # doctest: +SKIP

Heavy imports (nbclient, nbconvert) happen inside the functions: importing this
module starts nothing.
"""

from __future__ import annotations

import argparse
import copy
import hashlib
import html
import os
import re
import subprocess
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from analysis.errors import ReportError
from analysis.resources import CHECKOUT, checkout_path

#: The notebook executed for each report (in a source checkout).
NOTEBOOK = CHECKOUT / "notebooks" / "02_compare_sources.ipynb"

#: Seconds one cell may run before the report fails.
CELL_TIMEOUT = 600

#: Tags of the template's parameters cell and of the cell this module adds.
PARAMETERS_TAG = "parameters"
INJECTED_TAG = "injected-parameters"

# The lab template without the scripts it loads from CDNs: a report opens offline.
_TEMPLATE = """{%- extends 'lab/index.html.j2' -%}
{%- block html_head_js -%}{%- endblock html_head_js -%}
{%- block html_head_js_mathjax -%}{%- endblock html_head_js_mathjax -%}
{%- block html_head_js_mermaidjs -%}{%- endblock html_head_js_mermaidjs -%}
{%- block extra_css -%}
<style type="text/css">
  body { max-width: 1100px; margin: 0 auto; }
  .jp-RenderedHTMLCommon table { font-size: 12px; }
  .jp-RenderedHTMLCommon td, .jp-RenderedHTMLCommon th { max-width: 40em; }
  mark { background: #fde68a; padding: 0 1px; }
</style>
{%- endblock extra_css -%}
"""


@dataclass(frozen=True)
class Rendered:
    """One rendered report.

    Attributes:
        event: the event compared ("" for a corpus without events).
        path: the HTML file written.
        sources: the outlets in the report, sorted.
        n_articles: how many articles the report compares.
    """

    event: str
    path: Path
    sources: tuple[str, ...]
    n_articles: int


def find_notebook(notebook: str | Path | None = None) -> Path:
    """Return the report template notebook.

    Args:
        notebook: a notebook path; ``None`` means :data:`NOTEBOOK`.

    Returns:
        The path, which exists.

    Raises:
        ReportError: when the notebook is missing (e.g. an installed wheel without the checkout).
    """
    path = Path(notebook) if notebook is not None else checkout_path("notebooks", NOTEBOOK.name)
    if not path.is_file():
        raise ReportError(
            f"{path}: report notebook not found; run the report from a checkout of the project "
            "(the notebooks/ folder) or pass the notebook's path"
        )
    return path


def inject_parameters(nb: Any, parameters: Mapping[str, object]) -> Any:
    """Return a copy of ``nb`` with a cell assigning ``parameters`` after its ``parameters`` cell.

    The new cell is tagged ``injected-parameters``; an injected cell already in
    the notebook is replaced. Values are written with ``repr``, so they must be
    plain Python literals (str, int, float, bool, None, lists and dicts of those).

    Args:
        nb: an ``nbformat`` notebook node.
        parameters: name -> value.

    Returns:
        The new notebook node (``nb`` is not changed).

    Raises:
        ReportError: when no code cell is tagged ``parameters``.
    """
    import nbformat

    nb = copy.deepcopy(nb)
    nb.cells = [c for c in nb.cells if INJECTED_TAG not in _tags(c)]
    tagged = [i for i, c in enumerate(nb.cells) if c.cell_type == "code" and PARAMETERS_TAG in _tags(c)]
    if not tagged:
        raise ReportError(f"no code cell tagged {PARAMETERS_TAG!r} in the notebook; tag the cell holding the defaults")
    lines = ["# Parameters of this run (injected by analysis.report)"]
    lines += [f"{name} = {value!r}" for name, value in parameters.items()]
    injected = nbformat.v4.new_code_cell("\n".join(lines), metadata={"tags": [INJECTED_TAG]})
    taken = {c.get("id") for c in nb.cells}
    injected["id"] = next(f"{INJECTED_TAG}-{n}" for n in range(len(taken) + 1) if f"{INJECTED_TAG}-{n}" not in taken)
    nb.cells.insert(tagged[0] + 1, injected)
    return nb


def _tags(cell: Any) -> list[str]:
    return list(cell.get("metadata", {}).get("tags", []))


def _kernel_manager():
    """A kernel manager whose ``python3`` kernel is this interpreter (whatever kernels the user installed)."""
    from jupyter_client.kernelspec import KernelSpec, KernelSpecManager
    from jupyter_client.manager import KernelManager

    class _ThisInterpreter(KernelSpecManager):
        def get_kernel_spec(self, kernel_name: str) -> KernelSpec:
            return KernelSpec(
                argv=[sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
                display_name=f"Python {sys.version_info.major} ({sys.executable})",
                language="python",
                resource_dir="",
                metadata={"debugger": False},
            )

    manager = KernelManager(kernel_name="python3")  # TCP on 127.0.0.1 (the default ip): loopback only
    manager.kernel_spec_manager = _ThisInterpreter()
    return manager


def _kernel_env() -> dict[str, str]:
    env = dict(os.environ)
    # Figures must come back as inline images, whatever backend the caller uses (tests set Agg).
    env["MPLBACKEND"] = "module://matplotlib_inline.backend_inline"
    env.setdefault("PYDEVD_DISABLE_FILE_VALIDATION", "1")
    return env


def _first_line(source: str) -> str:
    for line in source.splitlines():
        if line.strip():
            return line.strip()[:80]
    return "(empty cell)"


def execute_notebook(
    nb: Any,
    *,
    cwd: str | Path,
    timeout: int = CELL_TIMEOUT,
    progress: bool | None = None,
    name: str = "notebook",
) -> Any:
    """Execute every code cell of ``nb`` in order, in place, in a kernel running this interpreter.

    Args:
        nb: an ``nbformat`` notebook node (changed in place: outputs are filled in).
        cwd: the folder the kernel starts in (relative paths in cells resolve from it).
        timeout: seconds one cell may run.
        progress: show a progress bar over the cells (``None``: when stderr is a terminal).
        name: what to call the notebook in messages.

    Returns:
        ``nb``.

    Raises:
        ReportError: when a cell fails, naming the cell's index and first line and the error.
    """
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError
    from tqdm.auto import tqdm

    client = NotebookClient(
        nb,
        km=_kernel_manager(),
        timeout=timeout,
        allow_errors=False,
        resources={"metadata": {"path": str(cwd)}},
    )
    code_cells = [i for i, c in enumerate(nb.cells) if c.cell_type == "code"]
    show = sys.stderr.isatty() if progress is None else progress
    bar = tqdm(total=len(code_cells), desc=f"rendering {name}", unit="cell", disable=not show, leave=False)
    injected = next((i for i, c in enumerate(nb.cells) if INJECTED_TAG in _tags(c)), None)
    try:
        # The kernel's own log (a warning about unencrypted loopback TCP) is not the reader's business;
        # what a cell prints or raises still arrives through the kernel's messages.
        with client.setup_kernel(env=_kernel_env(), stderr=subprocess.DEVNULL):
            for index in code_cells:
                cell = nb.cells[index]
                try:
                    client.execute_cell(cell, index)
                except (CellExecutionError, CellTimeoutError, DeadKernelError) as exc:
                    where = _cell_name(index, injected)
                    problem = (
                        f"{exc.ename}: {exc.evalue}"
                        if isinstance(exc, CellExecutionError)
                        else f"{type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}"
                    )
                    raise ReportError(
                        f"{name}: {where} ({_first_line(cell.source)!r}) failed: {problem}".replace("\n", " ")
                    ) from None
                bar.update(1)
    finally:
        bar.close()
    return nb


def _cell_name(index: int, injected: int | None) -> str:
    if injected is None or index < injected:
        return f"cell {index}"
    if index == injected:
        return "the injected parameters cell"
    return f"cell {index - 1}"  # its index in the notebook file, which has no injected cell


def to_html(nb: Any, *, title: str) -> str:
    """Export an executed notebook as one self-contained HTML page with the code hidden.

    Markdown and outputs are kept; code, prompts and stderr streams (warnings,
    progress bars) are left out. No script is loaded from the network.

    Args:
        nb: an executed notebook node.
        title: the page title.

    Returns:
        The HTML text.
    """
    from jinja2 import DictLoader
    from nbconvert import HTMLExporter

    nb = copy.deepcopy(nb)
    nb.metadata["title"] = title
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.outputs = [o for o in cell.outputs if not (o.output_type == "stream" and o.name == "stderr")]
    exporter = HTMLExporter(
        extra_loaders=[DictLoader({"analysis_report.html.j2": _TEMPLATE})],
        template_file="analysis_report.html.j2",
        exclude_input=True,
        exclude_input_prompt=True,
        exclude_output_prompt=True,
    )
    body, _ = exporter.from_notebook_node(nb)
    return body


def _slug(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9._-]+", "-", text).strip("-.") or "all-articles"


def report_files(events: Sequence[str]) -> dict[str, str]:
    """The HTML file name of each event's report: unique, never ``index.html``, the same on every run.

    An event's name becomes a file name by keeping letters, digits, ``.``,
    ``_`` and ``-``; when two events would share a name (``a/b`` and ``a b``, or
    ``Strike`` and ``strike`` on a case-insensitive disk), or an event is called
    ``index``, the later one in sorted order gets a short hash of its full name.

    Args:
        events: event names ("" for the articles without one).

    Returns:
        ``{event: "file.html"}``.
    """
    taken = {"index"}
    files = {}
    for event in sorted(set(events)):
        base = name = _slug(event)
        if name.lower() in taken:
            name = f"{base}-{hashlib.sha1(event.encode('utf-8')).hexdigest()[:8]}"
        counter = 2
        while name.lower() in taken:
            name = f"{base}-{counter}"
            counter += 1
        taken.add(name.lower())
        files[event] = f"{name}.html"
    return files


def render_report(
    corpus: str | Path,
    out: str | Path,
    *,
    event: str | None = None,
    sources: Sequence[str] | None = None,
    notebook: str | Path | None = None,
    progress: bool | None = None,
    timeout: int = CELL_TIMEOUT,
) -> Rendered:
    """Execute the comparison notebook for one event and write it as HTML.

    Args:
        corpus: the corpus path (folder or file) the notebook loads and analyses, or a folder of
            tables already computed (``analyze --out``; a Dask run's folder needs ``event``), which
            the notebook reads with ``analysis.open(folder, event=event)``.
        out: the HTML file to write (its folder is created).
        event: the event to compare; ``None`` compares every article.
        sources: only these outlets (``None``: all of the event's).
        notebook: the template notebook (default :data:`NOTEBOOK`).
        progress: progress bar over the cells (``None``: when stderr is a terminal).
        timeout: seconds one cell may run.

    Returns:
        A :class:`Rendered` record.

    Raises:
        ReportError: a missing corpus, event or source, or a failing cell.
    """
    import nbformat

    from analysis.corpus import load_corpus

    corpus_path = Path(corpus).expanduser().resolve()
    if is_saved_result(corpus_path):
        frame = _select(_saved_articles(corpus_path, event), corpus_path, event, sources)
        parameters = {"corpus": None, "event": event, "sources": list(sources) if sources else None}
        parameters |= {"event_lexicons": None, "saved": str(corpus_path)}
    else:
        frame = _select(load_corpus(corpus_path).to_frame(), corpus_path, event, sources)
        parameters = {
            "corpus": str(corpus_path),
            "event": event,
            "sources": list(sources) if sources else None,
            # an event folder's aliases.yml is that event's lexicon (analysis.entities.event_lexicons)
            "event_lexicons": str(corpus_path) if corpus_path.is_dir() else None,
        }
    template = find_notebook(notebook)
    nb = nbformat.read(template, as_version=4)
    nb = inject_parameters(nb, parameters)
    execute_notebook(nb, cwd=template.parent, timeout=timeout, progress=progress, name=event or template.name)
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(to_html(nb, title=f"{event or 'All articles'}: how the sources differ"), encoding="utf-8")
    return Rendered(event or "", out, tuple(sorted(frame["source"].unique())), len(frame))


def is_saved_result(path: Path) -> bool:
    """True for a folder of tables already computed (``analyze --out``, on one machine or a Dask cluster)."""
    from analysis.stored import read_marker

    return path.is_dir() and read_marker(path) is not None


def _saved_articles(path: Path, event: str | None):
    """The articles table of ``event`` in a saved result (one event's rows alone from a Dask run's folder)."""
    from analysis.stored import StoredAnalysis, StoredError, is_partitioned, open_analysis, read_marker

    if event is None:
        if is_partitioned(read_marker(path)):
            raise ReportError(
                f"{path} holds a Dask run's tables; name the event to report with --event "
                "(analysis.open(DIR).events lists them)"
            )
        return open_analysis(path).articles
    try:
        opened = open_analysis(path)
        if isinstance(opened, StoredAnalysis):  # a Dask run's folder: only the event's articles are read
            opened = opened.load(event, tables=["articles"])
    except StoredError as exc:
        raise ReportError(str(exc)) from exc
    articles = opened.articles
    if event not in set(articles["event"]):
        events = sorted(e for e in articles["event"].unique() if e)
        raise ReportError(f"no event {event!r} in {path}; events: {', '.join(events) or '(none)'}")
    return articles


def _select(frame, corpus_path: Path, event: str | None, sources: Sequence[str] | None):
    if not len(frame):
        raise ReportError(f"{corpus_path}: no articles could be read; run `python -m analysis analyze` to see why")
    if event is not None:
        events = sorted(e for e in frame["event"].unique() if e)
        if event not in set(frame["event"]):
            raise ReportError(f"no event {event!r} in {corpus_path}; events: {', '.join(events) or '(none)'}")
        frame = frame[frame["event"] == event]
    if sources:
        known = set(frame["source"])
        missing = [s for s in sources if s not in known]
        if missing:
            raise ReportError(
                f"no source {', '.join(map(repr, missing))} in {event or corpus_path}; "
                f"sources: {', '.join(sorted(known))}"
            )
        frame = frame[frame["source"].isin(list(sources))]
    return frame


def render_all(
    corpus: str | Path,
    out_dir: str | Path,
    *,
    sources: Sequence[str] | None = None,
    notebook: str | Path | None = None,
    progress: bool | None = None,
    timeout: int = CELL_TIMEOUT,
) -> Path:
    """Render one report per event of ``corpus`` into ``out_dir`` and an ``index.html`` linking them.

    Args:
        corpus: the corpus path.
        out_dir: the folder to write (created if missing).
        sources: only these outlets, in every event that has them.
        notebook: the template notebook.
        progress: progress bars (``None``: when stderr is a terminal).
        timeout: seconds one cell may run.

    Returns:
        The path of ``index.html``.

    Raises:
        ReportError: when the corpus is empty or a report fails (reports already
            written are kept).
    """
    rendered = render_each(corpus, out_dir, sources=sources, notebook=notebook, progress=progress, timeout=timeout)
    return write_index(rendered, Path(out_dir) / "index.html", corpus=Path(corpus).expanduser().resolve())


def render_each(
    corpus: str | Path,
    out_dir: str | Path,
    *,
    sources: Sequence[str] | None = None,
    notebook: str | Path | None = None,
    progress: bool | None = None,
    timeout: int = CELL_TIMEOUT,
) -> list[Rendered]:
    """Render one report per event of ``corpus`` into ``out_dir`` (file names from :func:`report_files`).

    Args and Raises: as :func:`render_all`.

    Returns:
        One :class:`Rendered` per report, in event order.
    """
    from analysis.corpus import load_corpus

    corpus_path = Path(corpus).expanduser().resolve()
    frame = load_corpus(corpus_path).to_frame()
    if not len(frame):
        raise ReportError(f"{corpus_path}: no articles could be read; run `python -m analysis analyze` to see why")
    events = sorted(e for e in frame["event"].unique() if e)
    files = report_files(events or [""])
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    rendered = []
    for event in events or [None]:
        present = frame if event is None else frame[frame["event"] == event]
        wanted = [s for s in sources if s in set(present["source"])] if sources else None
        if sources and not wanted:
            continue
        rendered.append(
            render_report(
                corpus_path,
                out_dir / files[event or ""],
                event=event,
                sources=wanted,
                notebook=notebook,
                progress=progress,
                timeout=timeout,
            )
        )
    if not rendered:
        raise ReportError(f"none of the sources {', '.join(sources or [])} appear in {corpus_path}")
    return rendered


def write_index(reports: Sequence[Rendered], path: str | Path, *, corpus: Path | None = None) -> Path:
    """Write an HTML page listing each report with its outlets and article count.

    Args:
        reports: the rendered reports.
        path: the index file to write.
        corpus: the corpus path, named in the page.

    Returns:
        ``path``.
    """
    path = Path(path)
    rows = []
    for report in reports:
        href = html.escape(os.path.relpath(report.path, path.parent).replace(os.sep, "/"))
        rows.append(
            "<tr>"
            f'<td><a href="{href}">{html.escape(report.event or "all articles")}</a></td>'
            f"<td>{len(report.sources)}: {html.escape(', '.join(report.sources))}</td>"
            f'<td class="n">{report.n_articles}</td>'
            "</tr>"
        )
    where = f"<p>Corpus: <code>{html.escape(str(corpus))}</code></p>" if corpus else ""
    page = f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Source comparison reports</title>
<style>
  body {{ font-family: system-ui, sans-serif; max-width: 960px; margin: 2em auto; color: #222; }}
  table {{ border-collapse: collapse; width: 100%; }}
  th, td {{ text-align: left; padding: 6px 10px; border-bottom: 1px solid #ddd; vertical-align: top; }}
  td.n {{ text-align: right; }}
</style>
</head>
<body>
<h1>Source comparison reports</h1>
<p>One report per event: how each outlet covered the same story (who is named, which words
describe them, who is quoted, which numbers disagree, which terms stand out, and the tone),
with the sentences behind every figure.</p>
{where}
<table>
<thead><tr><th>Event</th><th>Outlets</th><th>Articles</th></tr></thead>
<tbody>
{chr(10).join(rows)}
</tbody>
</table>
</body>
</html>
"""
    path.write_text(page, encoding="utf-8")
    return path


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the ``report`` subcommand's options (``path``, ``--event``, ``--sources``, ``--out``, ...)."""
    parser.add_argument(
        "path",
        type=Path,
        help="corpus folder or file (.md/.txt folder, .csv, .jsonl), or the --out folder of `analyze` "
        "(one machine or --dask; a Dask run's folder needs --event): its tables are read, not recomputed",
    )
    parser.add_argument("--event", help="the event to compare (default: every event, one report each, plus an index)")
    parser.add_argument("--sources", nargs="+", metavar="SOURCE", help="only these sources (outlet names)")
    parser.add_argument(
        "--out",
        type=Path,
        required=True,
        help="with --event: the .html file to write; without: the folder for one report per event and index.html",
    )
    parser.add_argument("--notebook", type=Path, help="template notebook (default: notebooks/02_compare_sources.ipynb)")
    parser.add_argument("--timeout", type=int, default=CELL_TIMEOUT, help="seconds one cell may run (default 600)")
    parser.add_argument("--no-progress", action="store_true", help="never show a progress bar")


def main(args: argparse.Namespace) -> int:
    """Run ``python -m analysis report``; returns the exit status.

    Raises:
        ReportError: with a one-line message (the CLI prints it).
    """
    progress = False if getattr(args, "no_progress", False) else None
    notebook = getattr(args, "notebook", None)
    timeout = getattr(args, "timeout", CELL_TIMEOUT)
    if not Path(args.path).exists():
        raise ReportError(f"{args.path}: no such file or folder. Check the path (cwd is {Path.cwd()}).")
    if args.event is not None:
        out = Path(args.out)
        if out.is_dir() or out.suffix.lower() not in (".html", ".htm"):
            out = out / f"{_slug(args.event)}.html"
        rendered = render_report(
            args.path,
            out,
            event=args.event,
            sources=args.sources,
            notebook=notebook,
            progress=progress,
            timeout=timeout,
        )
        print(f"{rendered.event}: {rendered.n_articles} articles from {len(rendered.sources)} sources -> {out}")
        return 0
    if is_saved_result(Path(args.path).expanduser().resolve()):
        raise ReportError(
            f"{args.path} holds tables already computed; name the event to report with --event "
            "(one report per event is made from a corpus folder)"
        )
    if Path(args.out).suffix.lower() in (".html", ".htm"):
        raise ReportError(
            f"--out {args.out}: without --event the report writes one file per event; give a folder, "
            "or name the event with --event"
        )
    rendered = render_each(
        args.path, args.out, sources=args.sources, notebook=notebook, progress=progress, timeout=timeout
    )
    index = write_index(rendered, Path(args.out) / "index.html", corpus=Path(args.path).expanduser().resolve())
    for report in rendered:
        print(f"{report.event or 'all articles'}: {report.path}")
    print(f"reports written; open {index}")
    return 0
