"""Bundled gold entity scores WITHOUT the bundled events' own lexicons (no answer key).

Usage:
    .venv/bin/python benchmarks/eval_entities_no_key.py [data/gold]

Loads only ``data/lexicons/entities.yml`` (the general lexicon), so every
person, place and organisation of the teaching events must be found and typed
from evidence. Same table as ``python -m analysis evaluate entities --format gold``.
"""

from __future__ import annotations

import sys
from pathlib import Path


def main() -> None:
    import analysis.entities.aliases as aliases
    from analysis.entities import EntityRecognizer
    from analysis.evaluation.entities import evaluate, read_gold, report
    from analysis.resources import lexicon_path

    aliases.default_alias_paths = lambda: [lexicon_path("entities.yml")]
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("data/gold")
    result = evaluate(read_gold(path), EntityRecognizer())
    print(f"entities: format=gold, general lexicon only, path={path}")
    print(report(result, ["PERSON", "ORG", "GPE", "LOC", "NORP"]))


if __name__ == "__main__":
    main()
