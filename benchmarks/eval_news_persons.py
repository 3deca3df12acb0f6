"""Person typing on single news sentences: NewsMTSC targets that the coders tie to "he" or "she".

Usage:
    .venv/bin/python benchmarks/eval_news_persons.py /work/shared/datasets/newsmtsc/train.jsonl [--show 30]

NewsMTSC (Hamborg & Donnay, EACL 2021) gives news sentences with target mentions and, for
some targets, the coders' further mentions of the same target in the sentence. A target
whose further mentions include a personal pronoun of a person ("he", "his", "she", "her",
...) is a person by the coders' own reading, independent of any name list. The script
runs the entity stage on each sentence alone (no article context: the hardest case, as in
UNER PUD) and counts, for every such target mention written as a name (capitalised, not a
pronoun), the label of the entity row that overlaps it. It prints the share typed PERSON
(person recall on news sentences, untyped misses included) and the most frequent
mentions given another label.

The data is read through the path argument; nothing from it is stored in the project.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

_PERSON_PRONOUNS = frozenset("he him his himself she her hers herself".split())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", type=Path, help="NewsMTSC train.jsonl (or any split of the same format)")
    parser.add_argument("--show", type=int, default=30, help="mentions listed that are not typed PERSON")
    args = parser.parse_args()

    from analysis.entities import EntityRecognizer
    from analysis.text import process

    recognizer = EntityRecognizer()
    labels: Counter[str] = Counter()
    missed: Counter[tuple[str, str]] = Counter()
    with open(args.path, encoding="utf-8") as fh:
        for line in fh:
            record = json.loads(line)
            sentence = record["sentence_normalized"]
            targets = []
            for target in record["targets"]:
                further = {m["mention"].lower() for m in target.get("further_mentions", ())}
                mention = target["mention"]
                if further & _PERSON_PRONOUNS and mention[:1].isupper() and mention.lower() not in _PERSON_PRONOUNS:
                    targets.append(target)
            if not targets:
                continue
            rows = recognizer.find(process(sentence))
            for target in targets:
                start, end = target["from"], target["to"]
                hit = next((r for r in rows if r["start"] < end and start < r["end"]), None)
                label = hit["label"] if hit else "-"
                labels[label] += 1
                if label != "PERSON":
                    missed[target["mention"], label] += 1
    total = sum(labels.values())
    print(f"NewsMTSC person targets written as a name: {total} mentions, path={args.path}")
    print(f"  typed PERSON: {labels['PERSON']}/{total} = {labels['PERSON'] / max(total, 1):.3f}")
    print("  other labels: " + ", ".join(f"{k} {v}" for k, v in labels.most_common() if k != "PERSON"))
    for (mention, label), count in missed.most_common(args.show):
        print(f"  {count:3d}  {mention!r:30s} {label}")


if __name__ == "__main__":
    main()
