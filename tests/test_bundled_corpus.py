"""The bundled teaching corpus (``data/``) and its gold answer keys stay consistent.

Every test iterates over whatever is in ``data/events``, ``data/seed`` and
``data/gold``, so a new event is checked as soon as its files exist. Counts are
pinned: when you edit an article on purpose, update ``PINNED_EVENTS`` below.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
import pytest
import yaml

import analysis
from analysis.evaluation.gold import GoldError, find_occurrence, load_gold, load_gold_dir, read_article

DATA = Path(__file__).resolve().parent.parent / "data"
EVENT_ARTICLES = sorted((DATA / "events").glob("*/*.md"))
SEED_ARTICLES = sorted((DATA / "seed").glob("*.md"))
GOLD_FILES = sorted(p for p in (DATA / "gold").rglob("*.yml") if p.name != "_event.yml")
EVENT_FILES = sorted((DATA / "gold").glob("*/_event.yml"))
EVENT_DIRS = sorted(p for p in (DATA / "events").iterdir() if p.is_dir())

# event slug -> (articles, distinct outlets, words as sum of len(body.split()))
PINNED_EVENTS = {
    "kestria-factory-fire-2025": (4, 4, 1930),
    "syria-isis-defeat-2017": (5, 5, 1983),
    "valdoria-election-recount-2024": (4, 4, 1934),
}

# article id -> (entity mentions, claims, numbers) in its gold file
PINNED_GOLD = {
    "seed-78cff40671c96f4c": (40, 13, 4),
    "syria-2017-derzhava-daily": (41, 19, 4),  # one claim per quotation: a two-sentence quote is one entry
    "syria-2017-northwind-wire": (49, 15, 4),
    "syria-2017-westmark-broadcasting": (38, 15, 7),  # (same)
    "syria-2017-sham-horizon": (42, 16, 6),
    "syria-2017-qamishli-herald": (44, 19, 8),  # (same)
}

REQUIRED_FIELDS = ("id", "source", "event", "title", "published", "constructed")


def _rel(path: Path) -> str:
    return str(path.relative_to(DATA))


@pytest.fixture(scope="module")
def gold_set():
    return load_gold_dir(DATA / "gold")


# --- the resolver on tricky cases -------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "surface", "occurrence", "expected"),
    [
        ("ISIL, also called IS", "IS", 1, (18, 20)),  # not inside ISIL
        ("ISIS and IS and IS", "IS", 2, (16, 18)),
        ("the USA and the US", "US", 1, (16, 18)),  # not inside USA
        ("the US and the USA", "USA", 1, (15, 18)),
        ("backed by U.S. troops", "U.S.", 1, (10, 14)),
        ("The Kurdish-led forces", "Kurdish", 1, (4, 11)),  # a hyphen is a word boundary
        ("Russia's Defense Ministry", "Russia", 1, (0, 6)),  # so is an apostrophe
        ("Russian Federation, Russia", "Russia", 1, (20, 26)),  # not inside Russian
        ("IS2 and IS", "IS", 1, (8, 10)),  # digits are word characters
        ("this is IS", "IS", 1, (8, 10)),  # case-sensitive
        ("“IS”", "IS", 1, (1, 3)),  # curly quotes are boundaries
    ],
)
def test_find_occurrence_whole_word_case_sensitive(text, surface, occurrence, expected):
    assert find_occurrence(text, surface, occurrence) == expected
    start, end = expected
    assert text[start:end] == surface


def test_find_occurrence_missing_says_surface_occurrence_and_count():
    with pytest.raises(ValueError) as info:
        find_occurrence("ISIL is also called IS.", "IS", 2)
    assert str(info.value) == (
        "occurrence 2 of 'IS' not found: the text has 1 whole-word, case-sensitive match(es) of it; "
        "check the spelling and the occurrence number"
    )


@pytest.mark.parametrize(
    ("surface", "occurrence", "message"),
    [
        ("", 1, "cannot look up an empty surface form; give the words as written"),
        ("IS", 0, "occurrence of 'IS' must be 1 or more (counted from 1), got 0"),
        ("IS", -1, "occurrence of 'IS' must be 1 or more (counted from 1), got -1"),
    ],
)
def test_find_occurrence_rejects_empty_surface_and_bad_occurrence(surface, occurrence, message):
    with pytest.raises(ValueError) as info:
        find_occurrence("IS", surface, occurrence)
    assert str(info.value) == message


def _tmp_corpus(tmp_path: Path, gold_text: str) -> Path:
    article = tmp_path / "events" / "ev" / "outlet.md"
    article.parent.mkdir(parents=True)
    article.write_text(
        "---\nid: t-1\nsource: T\nevent: ev\ntitle: Russia acts\npublished: 2017-12-07\n---\n"
        "Russia acts\n\nRussia's Defense Ministry said IS was beaten.\n",
        encoding="utf-8",
    )
    gold = tmp_path / "gold" / "ev" / "outlet.yml"
    gold.parent.mkdir(parents=True)
    gold.write_text(gold_text, encoding="utf-8")
    return gold


def test_load_gold_error_names_file_entry_and_fix(tmp_path):
    gold = _tmp_corpus(
        tmp_path,
        "article_id: t-1\nentities:\n"
        '  - {text: "Russia", occurrence: 2, canonical: "Russia", label: GPE}\n'
        '  - {text: "Russia", occurrence: 3, canonical: "Russia", label: GPE}\n',
    )
    with pytest.raises(GoldError) as info:
        load_gold(gold)
    assert str(info.value) == (
        f"{gold}: entities[1]: occurrence 3 of 'Russia' not found: the text has 2 whole-word, "
        "case-sensitive match(es) of it; check the spelling and the occurrence number"
    )


def test_load_gold_error_for_ambiguous_claim_sentence(tmp_path):
    gold = _tmp_corpus(
        tmp_path,
        "article_id: t-1\nclaims:\n"
        '  - {sentence: "Russia", speaker: "", speaker_text: "", speaker_type: outlet, cue: "",'
        ' content: "", quote: none, hedged: false, boosted: false}\n',
    )
    with pytest.raises(GoldError, match=r"claims\[0\]: sentence 'Russia' occurs 2 time\(s\)"):
        load_gold(gold)


def test_load_gold_resolves_offsets_into_the_body(tmp_path):
    gold = _tmp_corpus(
        tmp_path,
        "article_id: t-1\nentities:\n"
        '  - {text: "Russia", occurrence: 2, canonical: "Russia", label: GPE}\n'
        "claims:\n"
        '  - {sentence: "Russia\'s Defense", speaker: "Russian Ministry of Defence",'
        ' speaker_text: "Russia\'s Defense Ministry", speaker_type: official body, cue: said,'
        ' content: "IS was beaten", quote: indirect, hedged: false, boosted: false}\n'
        "numbers: []\n",
    )
    article = load_gold(gold)
    assert article.text.startswith("Russia acts\n\n")
    assert article.entities[["start", "end", "text"]].values.tolist() == [[13, 19, "Russia"]]
    claim = article.claims.iloc[0]
    assert (claim.sentence_start, claim.speaker_start, claim.speaker_end) == (13, 13, 38)
    assert (claim.cue_start, claim.cue_end, claim.content_start, claim.content_end) == (39, 43, 44, 57)
    assert claim.claim_id == ""
    assert article.numbers.empty
    assert article.numbers.columns.tolist() == [
        "article_id",
        "start",
        "end",
        "text",
        "value",
        "value_high",
        "unit",
        "qualifier",
    ]


# --- the bundled articles ---------------------------------------------------------------------


@pytest.mark.parametrize("path", EVENT_ARTICLES + SEED_ARTICLES, ids=_rel)
def test_front_matter_has_required_fields(path):
    meta, body = read_article(path)
    missing = [field for field in REQUIRED_FIELDS if field not in meta]
    assert not missing, f"{_rel(path)}: add {missing} to the front matter"
    assert isinstance(meta["published"], dt.date)
    assert isinstance(meta["constructed"], bool)
    assert body.split("\n", 1)[0] == meta["title"], "the body starts with the headline (same text as title)"
    if path.parent.parent.name == "events":
        assert meta["event"] == path.parent.name
        assert meta["constructed"] is True
        assert meta.get("outlet_type"), f"{_rel(path)}: add outlet_type"
        assert 250 <= len(body.split()) <= 700
        assert body.split("\n")[1] == "", "a blank line follows the headline"
        assert not any(mark in body for mark in ("#", "*", "](")), "plain prose, no Markdown markup"


def test_article_ids_are_unique():
    ids = [read_article(path)[0]["id"] for path in EVENT_ARTICLES + SEED_ARTICLES]
    assert len(ids) == len(set(ids))


def test_every_event_is_pinned():
    assert sorted(PINNED_EVENTS) == [path.name for path in EVENT_DIRS]


@pytest.mark.parametrize("event_dir", EVENT_DIRS, ids=lambda p: p.name)
def test_event_article_outlet_and_word_counts_are_pinned(event_dir):
    metas_bodies = [read_article(path) for path in sorted(event_dir.glob("*.md"))]
    outlets = {meta["source"] for meta, _ in metas_bodies}
    words = sum(len(body.split()) for _, body in metas_bodies)
    assert (len(metas_bodies), len(outlets), words) == PINNED_EVENTS[event_dir.name]


def test_seed_body_is_the_seed_article_unchanged():
    seed = Path("/work/shared/seeds/000_78cff40671c96f4c.txt")
    meta, body = read_article(DATA / "seed" / "syria-isis-defeat-2017-seed.md")
    assert meta["id"] == "seed-78cff40671c96f4c"
    assert len(body.split()) == 373
    assert body.startswith("Russian Armed Forces Complete Mission to Destroy Daesh in Syria - Gen. Staff\n\n")
    assert body.endswith("\n\nRelated Articles")
    if seed.exists():  # the user's original, present in the development checkout only
        assert body == seed.read_text(encoding="utf-8")


@pytest.mark.parametrize("source", ["events", "seed"])
def test_corpus_loads_with_zero_rejects_and_same_text_as_gold(source, gold_set):
    corpus = analysis.load_corpus(DATA / source)
    assert corpus.rejects.empty, corpus.rejects.to_string()
    frame = corpus.to_frame()
    expected = EVENT_ARTICLES if source == "events" else SEED_ARTICLES
    assert len(frame) == len(expected)
    for row in frame.itertuples():
        if row.article_id in gold_set.articles:
            assert row.text == gold_set.articles[row.article_id].text, row.article_id


# --- the gold answer keys ---------------------------------------------------------------------


def test_every_article_has_exactly_one_gold_file(gold_set):
    ids = {read_article(path)[0]["id"] for path in EVENT_ARTICLES + SEED_ARTICLES}
    assert set(gold_set.articles) == ids
    assert len(GOLD_FILES) == len(ids)


@pytest.mark.parametrize("path", GOLD_FILES, ids=_rel)
def test_every_gold_surface_is_found_in_its_article(path):
    article = load_gold(path)  # raises GoldError naming the entry when a surface is missing
    text = article.text
    for row in article.entities.itertuples():
        assert text[row.start : row.end] == row.text
    for row in article.numbers.itertuples():
        assert text[row.start : row.end] == row.text
    for row in article.claims.itertuples():
        assert text[row.sentence_start : row.sentence_start + len(row.sentence)] == row.sentence
        for key, surface in (("speaker", row.speaker_text), ("cue", row.cue), ("content", row.content)):
            start, end = getattr(row, f"{key}_start"), getattr(row, f"{key}_end")
            if surface:
                assert text[start:end] == surface
                assert row.sentence_start <= start
            else:
                assert (start, end) == (-1, -1)
        if row.quote == "none":
            assert (row.speaker, row.speaker_text, row.cue, row.speaker_type) == ("", "", "", "outlet")


@pytest.mark.parametrize("path", GOLD_FILES, ids=_rel)
def test_gold_entities_are_in_text_order_without_overlaps(path):
    entities = load_gold(path).entities
    assert entities["start"].is_monotonic_increasing
    assert (entities["start"].iloc[1:].to_numpy() >= entities["end"].iloc[:-1].to_numpy()).all()


# --- no answer key in the defaults (issues 12 and 13) ------------------------------------------


def _default_lexicon_names() -> set[str]:
    """Every canonical name and alias of the lexicons that load for every text."""
    from analysis.entities.aliases import default_alias_paths, read_alias_file

    return {
        name
        for path in default_alias_paths()
        for alias, entry in read_alias_file(path)
        for name in (alias, entry.canonical)
    }


def test_no_default_lexicon_names_a_person_of_the_bundled_gold(gold_set):
    persons = gold_set.entities[gold_set.entities["label"] == "PERSON"]
    named = set(persons["canonical"]) | set(persons["text"])
    leaked = sorted(named & _default_lexicon_names())
    assert not leaked, (
        f"a default lexicon (data/lexicons/entities*.yml) names bundled persons {leaked}; "
        "move them to data/events/<event>/aliases.yml"
    )


def test_no_default_lexicon_is_an_event_lexicon():
    from analysis.entities.aliases import default_alias_paths

    assert [p.name for p in default_alias_paths()] == ["entities.yml"]
    fictional = {"Kestria", "Valdoria", "Tarnesk", "Korrath", "Vessany", "Orvanta", "Belmarro", "Derzhava"}
    leaked = sorted(n for n in _default_lexicon_names() if set(n.replace("-", " ").split()) & fictional)
    assert not leaked, leaked


def _fictional_names(gold_set) -> set[str]:
    """Canonical names of the fictional actors: those of the two invented events plus every event lexicon's."""
    from analysis.entities.aliases import read_alias_file

    events = {"kestria-factory-fire-2025", "valdoria-election-recount-2024"}
    ids = {read_article(path)[0]["id"] for path in EVENT_ARTICLES if path.parent.name in events}
    names = set(gold_set.entities.loc[gold_set.entities["article_id"].isin(ids), "canonical"])
    for path in sorted((DATA / "events").glob("*/aliases.yml")):
        names |= {entry.canonical for _, entry in read_alias_file(path)}
    return names


@pytest.mark.parametrize(
    "text",
    [
        "Wages fell.\n\nThe Labour Ministry said the inspections would resume next month.",
        "Wages fell.\n\nInspectors from the Ministry of Labour in Paris visited the plant on Monday.",
        "The vote was close.\n\nThe Constitutional Court ruled that the law was valid.",
        "Papers reacted.\n\nThe story first ran in the Observer on Sunday, the editor said.",
        "Crowds gathered.\n\nThousands attended the Lantern festival in the old town, police said.",
    ],
)
def test_plain_sentences_get_no_bundled_fictional_name(text, gold_set):
    entities = analysis.analyze_text(text).entities
    names = set(entities["canonical"]) | set(entities["text"])
    fictional = {name for name in _fictional_names(gold_set) if name not in ("Europe", "Paris")}
    assert not names & fictional, entities[["text", "canonical"]].to_string()


def test_the_event_lexicon_is_read_as_a_lexicon_not_an_article(tmp_path):
    event = tmp_path / "river-flood"
    event.mkdir()
    (event / "aliases.yml").write_text("entities:\n  - {canonical: Norland Water Board, aliases: [NWB]}\n")
    (event / "a.md").write_text("---\nevent: river-flood\nsource: A\n---\nRain fell.\n\nThe NWB said the river rose.\n")
    corpus = analysis.load_corpus(tmp_path)
    assert (len(corpus), len(corpus.rejects)) == (1, 0)
    plain = analysis.analyze(corpus, progress=False).entities
    lexicon = analysis.analyze(corpus, progress=False, event_aliases=tmp_path).entities
    assert list(plain["canonical"]) == ["NWB"]
    assert list(lexicon["canonical"]) == ["Norland Water Board"]
    other = analysis.analyze(corpus, progress=False, event_aliases={"another-event": event / "aliases.yml"})
    assert list(other.entities["canonical"]) == ["NWB"]  # an event lexicon applies to its event only


def test_pinned_gold_sizes(gold_set):
    sizes = {
        article_id: (len(a.entities), len(a.claims), len(a.numbers))
        for article_id, a in gold_set.articles.items()
        if article_id in PINNED_GOLD
    }
    assert sizes == PINNED_GOLD


def test_seed_gold_key_rows(gold_set):
    seed = gold_set.articles["seed-78cff40671c96f4c"]
    numbers = seed.numbers[["text", "value", "unit", "qualifier"]].values.tolist()
    assert numbers == [
        ["100 sorties", 100.0, "sorties", "exact"],
        ["up to 250 strikes daily", 250.0, "strikes", "at most"],
        ["around eight percent", 8.0, "percent", "approximate"],
        ["More than 340,000 people", 340000.0, "people", "at least"],
    ]
    speakers = seed.claims.loc[seed.claims.quote != "none", "speaker"].value_counts().to_dict()
    assert speakers == {
        "Sergei Rudskoi": 4,
        "Russian Ministry of Defence": 2,
        "Vladimir Putin": 2,
        "United States": 1,
    }
    # nothing is annotated inside the debris: the repeated title, the caption, "Related Articles"
    caption = seed.text.index("A handout picture")
    second_title = seed.text.index("Russian Armed Forces", 1)
    spans = pd.concat([seed.entities[["start"]], seed.numbers[["start"]]])["start"]
    assert not spans.between(second_title, seed.text.index("\n", second_title)).any()
    assert not spans.between(caption, seed.text.index("\n\n", caption)).any()


@pytest.mark.parametrize("path", EVENT_FILES, ids=_rel)
def test_event_file_agrees_with_the_article_gold(path, gold_set):
    event = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert event["event"] == path.parent.name
    ids = {read_article(p)[0]["id"] for p in (DATA / "events" / event["event"]).glob("*.md")}
    claims = gold_set.claims[gold_set.claims["article_id"].isin(ids)]
    shared = {item["claim_id"] for item in event["shared_claims"]}
    assert shared <= set(claims["claim_id"]), "every shared claim id is used in some gold file"
    for item in event.get("number_disagreements", []):
        assert item["claim_id"] in shared
        for article_id, value in item["values"].items():
            values = gold_set.numbers.loc[gold_set.numbers["article_id"] == article_id, "value"]
            assert float(value) in set(values), f"{article_id}: {value} is not a gold number"
    for item in event.get("label_differences", []):
        assert set(item["labels"]) <= ids
    ranking = event["own_voice_ranking"]
    assert sorted(ranking) == sorted(ids)
    share = claims.groupby("article_id")["quote"].apply(lambda q: (q == "none").mean())
    assert share[ranking].is_monotonic_decreasing, share[ranking].to_dict()
