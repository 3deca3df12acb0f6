"""Claims on the bundled corpus written in British style: every double quote made a single curly one.

The bundled articles quote with double marks (straight and curly). British outlets
quote with single curly marks (‘…’), which share their closing mark with the
apostrophe. This script copies ``data/`` to a temporary folder, rewrites each
article body so that the double quotes of every paragraph alternate ‘ and ’
(an odd last one stays an opening mark, as for a quote continued in the next
paragraph), maps the gold strings that contain a quote mark to the rewritten
text at the same offsets (the rewrite keeps every offset), and scores the claims
stage on both copies with the ``evaluate claims --format gold`` scoring.

    .venv/bin/python benchmarks/eval_british_quotes.py
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from analysis.evaluation.claims import evaluate_gold  # noqa: E402

_DOUBLES = '"“”'
_FIGURES = ("n_predicted", "n_gold", "f1", "speaker_accuracy", "cue_accuracy", "quote_accuracy", "claim_f1")


def split_front_matter(text: str) -> tuple[str, str]:
    """``(front matter with its fences, body)``; the front matter is empty when there is none."""
    if text.startswith("---"):
        end = text.index("\n---\n", 3) + len("\n---\n")
        return text[:end], text[end:]
    return "", text


def british(body: str) -> str:
    """The body with the double quotes of each paragraph alternating ‘ and ’ (same length)."""
    paragraphs = []
    for paragraph in body.split("\n\n"):
        chars = list(paragraph)
        marks = [i for i, ch in enumerate(chars) if ch in _DOUBLES]
        for k, i in enumerate(marks):
            chars[i] = "‘" if k % 2 == 0 else "’"
        paragraphs.append("".join(chars))
    return "\n\n".join(paragraphs)


def rewrite(data: Path) -> int:
    """Rewrite the articles and gold under ``data`` in place; return the number of marks changed."""
    changed = 0
    originals: dict[Path, tuple[str, str]] = {}
    for path in sorted([*data.joinpath("events").rglob("*.md"), *data.joinpath("seed").glob("*.md")]):
        head, body = split_front_matter(path.read_text(encoding="utf-8"))
        new = british(body)
        changed += sum(a != b for a, b in zip(body, new, strict=True))
        originals[path] = (body, new)
        path.write_text(head + new, encoding="utf-8")
    for gold in sorted(data.joinpath("gold").rglob("*.yml")):
        if gold.name.startswith("_"):
            continue
        article = data / "events" / gold.relative_to(data / "gold").with_suffix(".md")
        if article not in originals:
            article = next(iter(sorted(data.joinpath("seed").glob("*.md"))))
        body, new = originals[article]

        def fix(value: object, body: str = body, new: str = new) -> object:
            if isinstance(value, str) and any(mark in value for mark in _DOUBLES):
                at = body.find(value)
                return new[at : at + len(value)] if at >= 0 else value
            if isinstance(value, dict):
                return {key: fix(item) for key, item in value.items()}
            if isinstance(value, list):
                return [fix(item) for item in value]
            return value

        doc = fix(yaml.safe_load(gold.read_text(encoding="utf-8")))
        gold.write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return changed


def main() -> int:
    rows = {"double quotes (as bundled)": evaluate_gold(ROOT / "data" / "gold")[0]}
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "data"
        shutil.copytree(ROOT / "data", data)
        changed = rewrite(data)
        rows[f"single curly quotes ({changed} marks)"] = evaluate_gold(data / "gold")[0]
    print(f"{'corpus':34s}" + "".join(f"{name:>17s}" for name in _FIGURES))
    for label, figures in rows.items():
        cells = (f"{figures[name]:17d}" if name.startswith("n_") else f"{figures[name]:17.3f}" for name in _FIGURES)
        print(f"{label:34s}" + "".join(cells))
    return 0


if __name__ == "__main__":
    sys.exit(main())
