"""One name per actor across outlets, measured on real multi-outlet coverage (issue 13).

Usage:
    .venv/bin/python benchmarks/eval_actor_names.py /work/shared/datasets/polnear_dev [--splits]

Each story of ``benchmarks/alignment_dev/stories.yml`` (PolNeAR dev stories told
by two or more US outlets) is analysed as ONE event, as ``analyze`` does it:
every article through the entity stage (``EntityRecognizer.find``), then the
event's reduce (``event_names``, ``event_labels``). The script then asks, for
every person and every country that two or more outlets of a story mention,
whether all those mentions carry the same ``canonical`` (what every per-source
table groups by).

The grouping key comes from the words the outlets wrote, never from the
package's canonical names (it would otherwise judge itself):

- **Persons**: the surname, i.e. the last word of a mention ("Trump" in
  "President Donald J. Trump", "Mr. Trump", "Trump's"), for every surname that
  ends a name of two or more words labelled PERSON in the story. When the
  story names two people with that surname ("Hillary Clinton", "Bill
  Clinton"), the key is the given name and the surname, and the mentions that
  carry no given name ("Clinton", "Mrs. Clinton") are counted as ambiguous and
  not scored: the reader cannot tell from the words alone whom they name.
- **Countries**: the ISO 3166 alpha-2 code of pycountry for the mention's text
  (official, common and short names, alpha-2/alpha-3 codes) plus the short
  table :data:`NEWS_FORMS` of the forms US news writes that pycountry lacks
  ("U.S.", "America", "Britain"). Demonyms ("American") are not countries.

A key is **named alike** when every mention of it in the story carries one
canonical name; its share over all keys seen in two or more outlets is the
headline figure. The **main actor** of a story is the key with the most
mentions; the issue's target is that it is named alike in >= 85% of stories.
``--splits`` lists each split key with the canonical names each outlet gave.
"""

from __future__ import annotations

import argparse
import re
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
STORIES = ROOT / "benchmarks" / "alignment_dev" / "stories.yml"

#: Country forms of US news that pycountry does not list, by ISO alpha-2 code.
NEWS_FORMS = {
    "U.S.": "US",
    "U.S": "US",
    "U.S.A.": "US",
    "America": "US",
    "United States": "US",
    "Britain": "GB",
    "Great Britain": "GB",
    "U.K.": "GB",
    "UK": "GB",
    "Russia": "RU",
    "Iran": "IR",
    "Syria": "SY",
    "South Korea": "KR",
    "North Korea": "KP",
}

_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")


def country_code(text: str) -> str | None:
    """ISO alpha-2 code of a country written as ``text``, or None."""
    import pycountry

    text = _POSSESSIVE.sub("", text.strip())
    if text.lower().startswith("the "):
        text = text[4:]
    if text in NEWS_FORMS:
        return NEWS_FORMS[text]
    if len(text) < 2 or not text[0].isupper():
        return None
    try:
        country = pycountry.countries.lookup(text)
    except LookupError:
        return None
    return country.alpha_2


def _words(text: str) -> list[str]:
    return _POSSESSIVE.sub("", text.strip()).split()


def _given_and_rest(text: str) -> list[str]:
    """The words of a person's name from the given name on: titles, roles, epithets, initials dropped."""
    from analysis.entities.gazetteer import given_names, is_common_word
    from analysis.entities.rules import ROLE_WORDS, TITLE_MODIFIERS, TITLES

    titles = TITLES | ROLE_WORDS | TITLE_MODIFIERS
    words = [w for w in _words(text) if not re.fullmatch(r"[A-Z]\.?", w)]
    while len(words) > 1 and (
        words[0].lower().rstrip(".") in titles
        or not words[0][:1].isupper()
        or (is_common_word(words[0]) and words[0] not in given_names())  # "Rival", "Crooked"
    ):
        words = words[1:]
    return words


def load_stories(path: Path) -> list[tuple[str, list[tuple[str, str, str]]]]:
    """(story id, [(article id, outlet, text)]) for every story of ``stories.yml``."""
    import yaml

    text_dir = path / "text" if (path / "text").is_dir() else path
    data = yaml.safe_load(STORIES.read_text(encoding="utf-8"))
    stories = []
    for entry in data["stories"]:
        articles = []
        for name in entry["files"]:
            file = text_dir / name
            if not file.is_file():
                raise SystemExit(f"{file}: article of story {entry['id']} not found; pass the PolNeAR dev folder")
            articles.append((Path(name).stem, name.split("_", 1)[0], file.read_text(encoding="utf-8")))
        stories.append((str(entry["id"]), articles))
    return stories


def analyse_story(recognizer, articles: list[tuple[str, str, str]]) -> list[dict]:
    """The story's entity rows with event-level ``canonical`` and ``label`` (the pipeline's reduce)."""
    from analysis.entities import event_labels, event_names
    from analysis.text import process

    rows = []
    for article_id, outlet, text in articles:
        doc = process(text, title=text.split("\n", 1)[0][:200])
        for row in recognizer.find(doc):
            rows.append({**row, "article_id": article_id, "source": outlet})
    names = event_names(rows)
    labels = event_labels(rows, names)
    for row, name, label in zip(rows, names, labels, strict=True):
        row["article_canonical"] = row["canonical"]
        row["canonical"], row["label"] = name, label
    return rows


def keys_of(rows: list[dict]) -> tuple[dict[int, str], list[int]]:
    """Row index -> actor key (see the module docstring), and the indices of ambiguous person mentions."""
    full_given: dict[str, set[str]] = defaultdict(set)
    for row in rows:
        words = _given_and_rest(row["text"])
        if row["label"] == "PERSON" and len(words) >= 2 and words[-1][:1].isupper():
            full_given[words[-1]].add(words[0])
    keys: dict[int, str] = {}
    ambiguous: list[int] = []
    for i, row in enumerate(rows):
        if row["label"] == "NORP":
            continue
        code = country_code(row["text"])
        if code is not None:
            keys[i] = f"country:{code}"
            continue
        words = _words(row["text"])
        if not words or words[-1] not in full_given or len(words) > 4:
            continue
        surname = words[-1]
        if len(full_given[surname]) <= 1:
            keys[i] = f"person:{surname}"
            continue
        given = _given_and_rest(row["text"])
        if len(given) >= 2 and given[0] in full_given[surname]:
            keys[i] = f"person:{given[0]} {surname}"
        else:
            ambiguous.append(i)
    return keys, ambiguous


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("path", type=Path, help="the PolNeAR dev folder (holding text/)")
    parser.add_argument("--splits", action="store_true", help="list every split key with each outlet's names")
    args = parser.parse_args()

    from analysis.entities import EntityRecognizer

    recognizer = EntityRecognizer()
    totals = Counter()
    splits = []
    main_rows = []
    unscored: dict[tuple[str, str], Counter] = defaultdict(Counter)
    for story, articles in load_stories(args.path):
        rows = analyse_story(recognizer, articles)
        keys, ambiguous = keys_of(rows)
        by_key: dict[str, list[dict]] = defaultdict(list)
        for i, key in keys.items():
            by_key[key].append(rows[i])
        totals["ambiguous"] += len(ambiguous)
        for i in ambiguous:  # whom a bare shared surname was given to, for reading
            unscored[(story, _words(rows[i]["text"])[-1])][rows[i]["canonical"]] += 1
        shared = {k: v for k, v in by_key.items() if len({r["source"] for r in v}) >= 2}
        for key, members in shared.items():
            kind = key.split(":", 1)[0]
            alike = len({r["canonical"] for r in members}) == 1
            totals[f"{kind} alike in articles"] += len({r["article_canonical"] for r in members}) == 1
            totals[f"{kind} keys"] += 1
            totals[f"{kind} alike"] += alike
            majority = Counter(r["canonical"] for r in members).most_common(1)[0][0]
            totals[f"{kind} mentions"] += len(members)
            totals[f"{kind} mentions alike"] += sum(r["canonical"] == majority for r in members)
            if not alike:
                per_outlet = defaultdict(Counter)
                for r in members:
                    per_outlet[r["source"]][f"{r['canonical']} <- {r['text']} ({r['label']})"] += 1
                splits.append((story, key, per_outlet))
        if shared:
            top = max(shared, key=lambda k: (len(shared[k]), k))
            alike = len({r["canonical"] for r in shared[top]}) == 1
            names = sorted({r["canonical"] for r in shared[top]})
            main_rows.append((story, top, len({r["source"] for r in shared[top]}), alike, names))

    print(f"actor names across outlets: {len(main_rows)} stories, path={args.path}")
    for kind in ("person", "country"):
        k, a = totals[f"{kind} keys"], totals[f"{kind} alike"]
        m, ma = totals[f"{kind} mentions"], totals[f"{kind} mentions alike"]
        label = "persons" if kind == "person" else "countries"
        print(f"  {label:9} in 2+ outlets named alike: {a}/{k} = {a / max(k, 1):.3f};"
              f" mentions under the key's main name: {ma}/{m} = {ma / max(m, 1):.3f}")  # fmt: skip
    k = totals["person keys"] + totals["country keys"]
    a = totals["person alike"] + totals["country alike"]
    b = totals["person alike in articles"] + totals["country alike in articles"]
    print(f"  all       in 2+ outlets named alike: {a}/{k} = {a / max(k, 1):.3f}"
          f" (article-level names, before the event's reduce: {b}/{k} = {b / max(k, 1):.3f})")  # fmt: skip
    print(f"  person mentions not scored (surname shared by two people, no given name): {totals['ambiguous']}")
    n_alike = sum(r[3] for r in main_rows)
    print(f"  main actor of the story named alike in every outlet: {n_alike}/{len(main_rows)}"
          f" = {n_alike / max(len(main_rows), 1):.3f}")  # fmt: skip
    for story, key, outlets, alike, names in main_rows:
        print(f"    {story:28} {key:24} {outlets} outlets  {'alike' if alike else 'SPLIT: ' + ' | '.join(names)}")
    if args.splits:
        print("\nshared surnames without a given name, by the name they were given (not scored):")
        for (story, surname), names in sorted(unscored.items()):
            print(f"  {story} {surname}: " + "; ".join(f"{n} x{c}" for n, c in names.most_common()))
        print(f"\nsplits ({len(splits)}):")
        for story, key, per_outlet in splits:
            print(f"  {story} {key}")
            for outlet, names in sorted(per_outlet.items()):
                print(f"    {outlet:14} " + "; ".join(f"{n} x{c}" for n, c in names.most_common()))


if __name__ == "__main__":
    main()
