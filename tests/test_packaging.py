"""Packaging stays consistent: pyproject, environment.yml, Makefile, CI and README agree."""

from __future__ import annotations

import re
import tomllib

import yaml


def _name(requirement: str) -> str:
    return re.split(r"[<>=!~\[ ;]", requirement, maxsplit=1)[0].strip().lower().replace("_", "-")


def test_every_core_dependency_is_in_environment_yml(root):
    project = tomllib.loads((root / "pyproject.toml").read_text())["project"]
    env = yaml.safe_load((root / "environment.yml").read_text())
    conda = {_name(d) for d in env["dependencies"] if isinstance(d, str)}
    missing = {_name(d) for d in project["dependencies"]} - conda
    assert not missing, f"add to environment.yml: {sorted(missing)}"
    assert "conda-forge" in env["channels"]
    pip_section = next(d["pip"] for d in env["dependencies"] if isinstance(d, dict))
    assert any(line.startswith("-e .") for line in pip_section), "environment.yml must pip-install the package"


def test_ci_runs_the_readme_test_command(root):
    readme = (root / "README.md").read_text()
    first_screen = readme.split("---", 1)[0]
    assert re.findall(r"^make (\w+)", first_screen, flags=re.M) == ["report", "test"]
    assert "make test" in (root / ".ci" / "run").read_text()
    makefile = (root / "Makefile").read_text()
    for target in ("report", "test", "lab"):
        assert re.search(rf"^{target}:", makefile, flags=re.M), f"Makefile lacks '{target}'"


def test_import_has_no_side_effects():
    import subprocess
    import sys

    code = (
        "import sys, analysis; "
        "heavy = ('matplotlib.pyplot', 'vaderSentiment.vaderSentiment', 'textblob.en');"
        "heavy = [m for m in heavy if m in sys.modules];"
        "print(heavy)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
