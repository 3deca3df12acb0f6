"""The notebooks: committed clean, free of logic, executed top to bottom, and served by JupyterLab.

Each notebook runs in a fresh kernel of this interpreter (``analysis.report.execute_notebook``,
the same machinery as the report), with the notebook's folder as working directory, exactly
as JupyterLab would run it. No network: ``NLTK_DATA`` points at an empty folder (conftest) and
the kernel inherits it.
"""

from __future__ import annotations

import json
import os
import secrets
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"
ALL = sorted(NOTEBOOKS.rglob("*.ipynb"))
WORKSHOP = sorted((NOTEBOOKS / "workshop").glob("*.ipynb"))
EXERCISES = [p for p in WORKSHOP if p.name[:2] not in ("00", "99")]

#: Seconds any one cell may take (the bundled corpus analyses in a few seconds).
CELL_TIMEOUT = 60


def _ids(paths):
    return [str(p.relative_to(NOTEBOOKS)) for p in paths]


def _code(nb):
    return [c for c in nb.cells if c.cell_type == "code"]


def _text_outputs(cell) -> str:
    parts = []
    for output in cell.get("outputs", []):
        if output.output_type == "stream":
            parts.append(output.text)
        elif output.output_type in ("execute_result", "display_data"):
            parts.append(output.get("data", {}).get("text/plain", ""))
    return "".join(parts)


def _execute(path: Path):
    from analysis.report import execute_notebook

    nb = nbformat.read(path, as_version=4)
    execute_notebook(nb, cwd=path.parent, timeout=CELL_TIMEOUT, progress=False, name=path.name)
    return nb


def test_the_expected_notebooks_exist():
    names = set(_ids(ALL))
    assert {"01_quickstart.ipynb", "02_compare_sources.ipynb", "workshop/99_solutions.ipynb"} <= names
    assert len(EXERCISES) >= 5


@pytest.mark.parametrize("path", ALL, ids=_ids(ALL))
def test_committed_without_outputs(path):
    nb = nbformat.read(path, as_version=4)
    nbformat.validate(nb)
    for index, cell in enumerate(_code(nb)):
        assert cell.outputs == [], f"{path.name}: code cell {index} has outputs; strip them before committing"
        assert cell.execution_count is None, f"{path.name}: code cell {index} has an execution count"
    assert nb.metadata.kernelspec.name == "python3"


@pytest.mark.parametrize("path", ALL, ids=_ids(ALL))
def test_cells_hold_calls_not_logic(path):
    nb = nbformat.read(path, as_version=4)
    for index, cell in enumerate(_code(nb)):
        lines = [line for line in cell.source.splitlines() if line.strip() and not line.lstrip().startswith("#")]
        where = f"{path.name}, code cell {index}"
        assert not any(line.lstrip().startswith(("def ", "class ", "for ", "while ", "!", "%pip")) for line in lines), (
            f"{where}: functions, loops and shell commands belong in the library, not in a notebook"
        )
        assert "http://" not in cell.source and "https://" not in cell.source, f"{where}: no network in notebooks"
        assert len(lines) <= 8, f"{where}: {len(lines)} lines; move the logic into a library function"


def test_compare_notebook_has_a_parameters_cell_first():
    nb = nbformat.read(NOTEBOOKS / "02_compare_sources.ipynb", as_version=4)
    first = _code(nb)[0]
    assert first.metadata.get("tags") == ["parameters"]
    names = {line.split("=")[0].strip() for line in first.source.splitlines() if "=" in line and line[0] != "#"}
    assert names == {"corpus", "event", "sources", "event_lexicons", "saved"}


@pytest.mark.parametrize("path", [*EXERCISES, WORKSHOP[0]], ids=_ids([*EXERCISES, WORKSHOP[0]]))
def test_workshop_notebooks_explain_before_any_code(path):
    nb = nbformat.read(path, as_version=4)
    first_code = next(i for i, c in enumerate(nb.cells) if c.cell_type == "code")
    prose = "\n".join(c.source for c in nb.cells[:first_code]).lower()
    assert "what is measured" in prose or "what can be measured" in prose
    assert "mislead" in prose


@pytest.mark.parametrize("path", EXERCISES, ids=_ids(EXERCISES))
def test_every_exercise_calls_a_check(path):
    nb = nbformat.read(path, as_version=4)
    exercises = [c for c in nb.cells if c.cell_type == "markdown" and c.source.startswith("### Exercise")]
    checks = [c for c in _code(nb) if "workshop.check_" in c.source]
    assert exercises and len(checks) == len(exercises)
    assert all(c.source.startswith("answer = ...") for c in checks)


# --------------------------------------------------------------------------- execution


@pytest.mark.parametrize("path", ALL, ids=_ids(ALL))
def test_notebook_executes_top_to_bottom(path):
    start = time.perf_counter()
    nb = _execute(path)
    seconds = time.perf_counter() - start
    print(f"{path.relative_to(NOTEBOOKS)} executed in {seconds:.1f} s")
    outputs = "".join(_text_outputs(c) for c in _code(nb))
    assert "Traceback" not in outputs
    if path in EXERCISES:
        # the placeholders are unanswered, so every check says so (and nothing crashes)
        checks = [c for c in _code(nb) if "workshop.check_" in c.source]
        assert all(_text_outputs(c).startswith("Not answered yet.") for c in checks)
    if path.name == "99_solutions.ipynb":
        checks = [c for c in _code(nb) if "workshop.check_" in c.source]
        verdicts = [_text_outputs(c) for c in checks]
        assert len(checks) >= 12
        wrong = [v for v in verdicts if not v.startswith("Right.")]
        assert not wrong, f"solutions that the checks reject: {wrong}"


# --------------------------------------------------------------------------- JupyterLab


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _get_json(url: str):
    with urllib.request.urlopen(url, timeout=5) as response:  # loopback only
        return json.loads(response.read().decode("utf-8"))


def test_jupyterlab_serves_the_notebooks(tmp_path):
    port, token = _free_port(), secrets.token_hex(16)
    command = [
        sys.executable,
        "-m",
        "jupyterlab",
        "--no-browser",
        f"--port={port}",
        "--ServerApp.port_retries=0",
        f"--ServerApp.token={token}",
        "--ServerApp.ip=127.0.0.1",
        f"--ServerApp.root_dir={NOTEBOOKS}",
        "--LabApp.news_url=",
        "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
    ]
    if hasattr(os, "getuid") and os.getuid() == 0:
        command.append("--allow-root")
    env = dict(os.environ)
    env.update(
        JUPYTER_CONFIG_DIR=str(tmp_path / "config"),
        JUPYTER_RUNTIME_DIR=str(tmp_path / "runtime"),
        JUPYTER_DATA_DIR=str(tmp_path / "data"),
    )
    log = open(tmp_path / "lab.log", "wb")  # noqa: SIM115 (closed below, after the process)
    server = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, env=env, cwd=tmp_path)
    base = f"http://127.0.0.1:{port}/api/contents"
    try:
        deadline = time.monotonic() + 90
        listing = None
        while time.monotonic() < deadline:
            if server.poll() is not None:
                break
            try:
                listing = _get_json(f"{base}?token={token}")
                break
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                time.sleep(0.5)
        assert listing is not None, "JupyterLab did not answer:\n" + (tmp_path / "lab.log").read_text(errors="replace")
        names = {item["name"] for item in listing["content"]}
        assert {"01_quickstart.ipynb", "02_compare_sources.ipynb", "workshop"} <= names
        workshop = {item["name"] for item in _get_json(f"{base}/workshop?token={token}")["content"]}
        assert {p.name for p in WORKSHOP} <= workshop
        notebook = _get_json(f"{base}/02_compare_sources.ipynb?token={token}")
        assert notebook["type"] == "notebook" and notebook["content"]["cells"]
        with pytest.raises(urllib.error.HTTPError) as refused:  # the token is required
            _get_json(base)
        assert refused.value.code == 403
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait(timeout=10)
        log.close()
