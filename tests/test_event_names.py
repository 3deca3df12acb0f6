"""One name per actor across the articles of an event (analysis.entities.events, the pipeline's reduce).

Every name here is invented; the sentences follow how news is written (a full
name first, then the surname; a title before a name; an acronym defined once).
"""

from __future__ import annotations

import itertools

import pandas as pd
import pytest

import analysis
from analysis.entities import event_names
from analysis.entities.events import country_name
from analysis.entities.linking import LongerNames


def _row(article: str, text: str, label: str, canonical: str | None = None, title: str = "") -> dict:
    return {"article_id": article, "text": text, "canonical": canonical or text, "label": label, "title": title}


def _names(rows: list[dict]) -> list[tuple[str, str, str]]:
    return [(r["article_id"], r["text"], name) for r, name in zip(rows, event_names(rows), strict=True)]


# --- the rules on entity rows ------------------------------------------------------------------


def test_titles_and_middle_initials_do_not_split_a_person():
    rows = [
        _row("a", "Senator Alma K. Dorne", "PERSON"),
        _row("b", "Alma Dorne", "PERSON"),
        _row("c", "Alma Dorne", "ORG"),  # the same name mistyped in a third outlet
    ]
    assert event_names(rows) == ["Alma Dorne", "Alma Dorne", "Alma Dorne"]


def test_a_longer_name_ending_in_a_person_is_that_person_and_an_institution_is_not():
    rows = [
        _row("a", "Senate Majority Leader Dana Whitlow", "ORG"),
        _row("b", "Dana Whitlow", "PERSON"),
        _row("b", "Senate", "ORG"),
        _row("c", "White House", "ORG"),
        _row("c", "House", "ORG"),
    ]
    assert event_names(rows) == ["Dana Whitlow", "Dana Whitlow", "Senate", "White House", "House"]


def test_two_people_sharing_a_surname_stay_apart_and_a_bare_surname_goes_to_the_one_named_more():
    rows = [
        _row("a", "Orrin Tavell", "PERSON"),
        _row("a", "Lise Tavell", "PERSON"),
        _row("b", "Orrin Tavell", "PERSON"),
        _row("c", "Tavell", "PERSON"),
    ]
    assert event_names(rows) == ["Orrin Tavell", "Lise Tavell", "Orrin Tavell", "Orrin Tavell"]


def test_a_bare_surname_follows_its_title_then_its_article_and_stays_put_on_a_tie():
    titled = [
        _row("a", "Orrin Tavell", "PERSON", title="Governor"),
        _row("b", "Lise Tavell", "PERSON"),
        _row("c", "Tavell", "PERSON", title="Governor"),
    ]
    assert event_names(titled)[-1] == "Orrin Tavell"
    in_article = [
        _row("a", "Orrin Tavell", "PERSON"),
        _row("b", "Lise Tavell", "PERSON"),
        _row("b", "Tavell", "PERSON"),
    ]
    assert event_names(in_article)[-1] == "Lise Tavell"
    tie = [_row("a", "Orrin Tavell", "PERSON"), _row("b", "Lise Tavell", "PERSON"), _row("c", "Tavell", "PERSON")]
    assert event_names(tie)[-1] == "Tavell"


def test_countries_are_one_actor_under_the_gazetteer_name():
    rows = [
        _row("a", "U.S.", "GPE"),
        _row("b", "USA", "GPE"),
        _row("c", "America", "GPE"),
        _row("d", "United States of America", "GPE"),
        _row("a", "Britain", "GPE"),
        _row("b", "UK", "GPE"),
        _row("c", "Russian Federation", "GPE"),
        _row("d", "Russia", "GPE"),
    ]
    assert event_names(rows) == ["United States"] * 4 + ["United Kingdom"] * 2 + ["Russia"] * 2
    assert country_name("DEU") == "Germany"
    assert country_name("DEU", "ORG") is None  # a three-letter code counts only as a place
    assert country_name("Georgia Pacific") is None


def test_an_acronym_defined_in_one_article_applies_to_the_others():
    rows = [
        _row("a", "Norland Dockworkers Union", "ORG"),
        _row("a", "NDU", "ORG", canonical="Norland Dockworkers Union"),
        _row("b", "NDU", "ORG"),
        _row("c", "Kessel Port Authority", "ORG"),
        _row("d", "KPA", "ORG"),  # its initials, never defined: still one organisation of this event
    ]
    assert [name for *_, name in _names(rows)] == [
        "Norland Dockworkers Union",
        "Norland Dockworkers Union",
        "Norland Dockworkers Union",
        "Kessel Port Authority",
        "Kessel Port Authority",
    ]


def test_a_capital_standing_for_its_government_in_one_article_is_still_a_city_in_another():
    rows = [_row("a", "Washington", "GPE", canonical="United States"), _row("b", "Washington", "GPE")]
    assert event_names(rows) == ["United States", "Washington"]


def test_legal_suffixes_do_not_split_a_company_and_a_shared_first_word_does_not_merge():
    rows = [
        _row("a", "Varnel Inc.", "ORG"),
        _row("b", "Varnel", "ORG"),
        _row("b", "Varnel", "ORG"),
        _row("c", "Ostrava Harbour Board", "ORG"),
        _row("d", "Ostrava", "ORG"),  # a place's name starts many organisations' names
    ]
    assert event_names(rows) == ["Varnel", "Varnel", "Varnel", "Ostrava Harbour Board", "Ostrava"]


def test_no_rows_and_rows_in_any_order():
    assert event_names([]) == []
    rows = [_row("b", "Tavell", "PERSON"), _row("a", "Orrin Tavell", "PERSON")]
    assert event_names(rows) == ["Orrin Tavell", "Orrin Tavell"]
    assert event_names(rows[::-1]) == ["Orrin Tavell", "Orrin Tavell"]


# --- the pipeline: three outlets, one event --------------------------------------------------

THREE_OUTLETS = [
    {
        "source": "Harbour Times",
        "event": "port-strike",
        "title": "Port strike spreads",
        "text": "Port strike spreads\n\nPresident Halvor J. Brenning said on Monday that the strike would end soon. "
        "Brenning told reporters that the Norland Dockworkers Union (NDU) had agreed to talks. "
        "His daughter Mira Brenning said the family backed the deal. The U.S. embassy said it was watching.",
    },
    {
        "source": "Coastal Post",
        "event": "port-strike",
        "title": "Dockers defy president",
        "text": "Dockers defy president\n\nHalvor Brenning said the strike was illegal. "
        "The NDU rejected the claim on Tuesday. Officials in America said trade would suffer.",
    },
    {
        "source": "Evening Ledger",
        "event": "port-strike",
        "title": "Talks resume",
        "text": "Talks resume\n\nPresident Brenning said talks would resume on Friday. "
        "The United States said it welcomed the talks.",
    },
    {
        "source": "Evening Ledger",
        "event": "ferry-fares",
        "title": "Fares rise",
        "text": "Fares rise\n\nPresident Brenning said fares would rise in May.",
    },
]


@pytest.fixture(scope="module")
def three_outlets():
    return analysis.analyze(pd.DataFrame(THREE_OUTLETS), progress=False)


def _by_source(result, kind: str = "PERSON") -> set[tuple[str, str, str, str]]:
    table = result.entities.merge(result.articles[["article_id", "source", "event"]], on="article_id")
    return {(r.event, r.source, r.text, r.canonical) for r in table.itertuples()}


def test_three_outlets_name_each_actor_alike(three_outlets):
    rows = _by_source(three_outlets)
    expected = {
        ("port-strike", "Harbour Times", "Halvor J. Brenning", "Halvor Brenning"),
        ("port-strike", "Harbour Times", "Brenning", "Halvor Brenning"),
        ("port-strike", "Harbour Times", "Mira Brenning", "Mira Brenning"),
        ("port-strike", "Coastal Post", "Halvor Brenning", "Halvor Brenning"),
        ("port-strike", "Evening Ledger", "Brenning", "Halvor Brenning"),
        ("port-strike", "Harbour Times", "NDU", "Norland Dockworkers Union"),
        ("port-strike", "Coastal Post", "NDU", "Norland Dockworkers Union"),
        ("port-strike", "Harbour Times", "U.S.", "United States"),
        ("port-strike", "Coastal Post", "America", "United States"),
        ("port-strike", "Evening Ledger", "United States", "United States"),
        ("ferry-fares", "Evening Ledger", "Brenning", "Brenning"),  # another event: resolved on its own
    }
    assert expected <= rows, sorted(rows - expected)


def test_claim_speakers_carry_the_event_level_name(three_outlets):
    claims = three_outlets.claims.merge(three_outlets.articles[["article_id", "source", "event"]], on="article_id")
    strike = claims[claims["event"] == "port-strike"]
    speakers = set(zip(strike["source"], strike["speaker"], strict=True))
    assert {
        ("Harbour Times", "Halvor Brenning"),
        ("Harbour Times", "Mira Brenning"),
        ("Coastal Post", "Halvor Brenning"),
        ("Evening Ledger", "Halvor Brenning"),
    } <= speakers
    entity_names = set(three_outlets.entities["canonical"])
    person_speakers = {s for s in strike["speaker"] if "Brenning" in s}
    assert person_speakers <= entity_names


def test_workers_resolve_names_exactly_as_one_process(three_outlets):
    parallel = analysis.analyze(pd.DataFrame(THREE_OUTLETS), jobs=2, progress=False)
    pd.testing.assert_frame_equal(parallel.entities, three_outlets.entities)
    pd.testing.assert_frame_equal(parallel.claims, three_outlets.claims)


# --- issue 17, item 19: linking stays near linear in the number of names ----------------------


def test_shortened_names_are_found_by_index_not_by_comparing_every_pair():
    syllables = ["var", "nos", "tel", "mir", "dak", "lun", "zor", "pel"]
    words = ["".join(p).capitalize() for p in itertools.product(syllables, repeat=2)]  # 64 invented words
    pairs = list(itertools.product(words, words))[:4000]
    longer = [{"text": f"{a} {b} Council", "label": "ORG"} for a, b in pairs]
    index = LongerNames(longer)
    found = 0
    for _, b in pairs[::40]:
        short = {"text": f"{b} Council", "label": "ORG"}
        target = index.find(short["text"], short["text"].split(), short)
        found += target is not None and target["text"].endswith(f"{b} Council")
    assert found == 100
    # a suffix shared by 4000/64 names: the first candidate answers, so each query looks at one
    assert index.comparisons == 100
    acronym = {"text": "VVC", "label": "ORG"}
    assert index.find("VVC", ["VVC"], acronym)["text"] == "Varvar Varvar Council"
    assert index.find("Zorzor", ["Zorzor"], {"text": "Zorzor"})["text"].startswith("Zorzor ")
    assert index.find("Nobody", ["Nobody"], {"text": "Nobody"}) is None
    assert index.comparisons <= 100 + 2 + 1  # far below 4000 comparisons per query


# --- the cross-document score (analysis.evaluation.coreference) --------------------------------


def test_bcubed_and_cross_document_scores():
    from analysis.evaluation.coreference import ChainMention, bcubed, cross_document

    assert bcubed(["a", "a", "b", "b"], ["x", "x", "y", "y"]) == (1.0, 1.0, 1.0)
    p, r, f = bcubed(["a", "a", "b", "b"], ["x", "y", "z", "w"])
    assert (p, r) == (1.0, 0.5) and round(f, 3) == 0.667
    with pytest.raises(ValueError, match="one cluster per item"):
        bcubed(["a"], [])
    mentions = [
        ChainMention("d1", "e", "orrin", "Orrin Tavell"),
        ChainMention("d2", "e", "orrin", "Tavell"),  # split across articles
        ChainMention("d2", "e", "orrin", None),  # not found: a cluster of its own
        ChainMention("d1", "e", "lise", "Lise Tavell"),  # in one article only: not scored
    ]
    score = cross_document(mentions)
    assert (score["chains"], score["mentions"], score["found"]) == (1, 3, 2)
    assert (score["precision"], round(score["recall"], 3)) == (1.0, 0.333)


def test_a_title_before_a_given_name_never_belongs_to_the_person():
    rows = [
        _row("a", "Special Counsel Robert Tamsin", "ORG"),  # typed ORG by the rules: the name still loses its title
        _row("b", "Robert Tamsin", "PERSON"),
        _row("c", "Saint Mary Hospital", "ORG"),  # a given name inside an organisation's name
        _row("c", "Robert Francis Tamsin", "PERSON"),  # two given names: a full name, not a title
    ]
    assert event_names(rows) == ["Robert Tamsin", "Robert Tamsin", "Saint Mary Hospital", "Robert Francis Tamsin"]
    assert event_names([_row("a", "Special Counsel Robert Tamsin", "ORG")]) == ["Robert Tamsin"]


# --- one label per actor across the event (rule 6) -----------------------------------------------


def test_one_label_per_actor_by_the_strongest_evidence_of_each_article():
    from analysis.entities import event_labels

    rows = [
        _row("a", "Velkan Drossum", "PERSON"),  # "Velkan Drossum said": person evidence
        _row("b", "Drossum", "ORG"),  # two outlets say nothing: the fallback label
        _row("c", "Drossum", "ORG"),
        _row("c", "Drossum", "ORG"),  # repeating a guess in one article adds no vote
    ]
    assert event_labels(rows) == ["PERSON"] * 4
    # an organisation's cue word outweighs a bare person label
    rows = [_row("a", "Tarnel Holdings", "ORG"), _row("b", "Tarnel Holdings", "PERSON")]
    assert event_labels(rows) == ["ORG", "ORG"]
    # a title outweighs a cue word
    rows = [_row("a", "Orla Brenning", "PERSON", title="Ms"), _row("b", "Orla Brenning", "ORG")]
    assert event_labels(rows) == ["PERSON", "PERSON"]


def test_a_tie_keeps_the_labels_and_norp_rows_never_change():
    from analysis.entities import event_labels

    rows = [_row("a", "Belmarro", "GPE"), _row("b", "Belmarro", "PERSON")]
    assert event_labels(rows) == ["GPE", "PERSON"]
    rows = [_row("a", "Norlandic", "NORP", canonical="Norland"), _row("b", "Norland", "GPE")]
    assert event_labels(rows) == ["NORP", "GPE"]
    assert event_labels([]) == []


LABEL_OUTLETS = [
    {
        "source": "Harbour Times",
        "event": "dock-fire",
        "title": "Fire at the docks",
        "text": "Fire at the docks\n\nVelkan Drossum said the fire started in a storage shed on Monday. "
        "Drossum told reporters the night shift had left early.",
    },
    {
        "source": "Coastal Post",
        "event": "dock-fire",
        "title": "Docks burn",
        "text": "Docks burn\n\nA storage shed burned on Monday. Velkan Drossum blamed the wiring.",
    },
    {
        "source": "Evening Ledger",
        "event": "dock-fire",
        "title": "Shed fire",
        "text": "Shed fire\n\nThe fire was first reported by Velkan Drossum.",
    },
]


def test_three_outlets_give_an_actor_one_label():
    result = analysis.analyze(pd.DataFrame(LABEL_OUTLETS), progress=False)
    table = result.entities.merge(result.articles[["article_id", "source"]], on="article_id")
    drossum = table[table["canonical"] == "Velkan Drossum"]
    assert set(drossum["source"]) == {"Harbour Times", "Coastal Post", "Evening Ledger"}
    assert set(drossum["label"]) == {"PERSON"}, drossum[["source", "text", "label"]]


def test_a_towns_name_that_is_a_persons_surname_in_the_event_is_that_person():
    import pandas as pd

    import analysis

    records = [
        {"id": "a1", "source": "Ledger", "event": "e", "title": "t", "text": "Mara Holt said the plan would fail."},
        {
            "id": "a2",
            "source": "Courier",
            "event": "e",
            "title": "t",
            "text": "The transcript of the debate shows that Holt talked about the budget.",
        },
        {"id": "b1", "source": "Ledger", "event": "f", "title": "t", "text": "Floods closed roads in Holt, Michigan."},
    ]
    result = analysis.analyze(pd.DataFrame(records))
    rows = result.entities.set_index(["article_id", "text"])
    assert rows.loc[("a2", "Holt"), ["canonical", "label"]].tolist() == ["Mara Holt", "PERSON"]
    assert rows.loc[("b1", "Holt"), "label"] == "GPE"  # no person of that name in its event: the town
    spoken = result.claims.query("article_id == 'a2' and speaker == 'Mara Holt'")
    assert spoken["speaker_type"].tolist() == ["person"]  # the speaker's type follows the event's label


def test_a_given_name_alone_goes_to_the_one_person_of_the_event_who_has_it():
    from analysis.entities import event_names

    rows = [
        {"article_id": "a", "text": "Sarah Olsvik", "canonical": "Sarah Olsvik", "label": "PERSON"},
        {"article_id": "b", "text": "Sarah", "canonical": "Sarah", "label": "PERSON"},
        {"article_id": "b", "text": "Donald", "canonical": "Donald", "label": "PERSON"},
        {"article_id": "a", "text": "Donald Vask", "canonical": "Donald Vask", "label": "PERSON"},
        {"article_id": "c", "text": "Donald Orrin", "canonical": "Donald Orrin", "label": "PERSON"},
    ]
    # "Donald" could be either of two people: it stays as written
    assert event_names(rows) == ["Sarah Olsvik", "Sarah Olsvik", "Donald", "Donald Vask", "Donald Orrin"]


def test_a_less_common_given_name_alone_and_a_curly_apostrophe_do_not_split_a_person():
    rows = [
        _row("a", "Lester Tamsin", "PERSON"),
        _row("b", "Lester", "PERSON"),  # a given name few name tables list: still a given name
        _row("a", "Moira O’Dell", "PERSON"),
        _row("b", "O'Dell", "PERSON"),  # one outlet types a curly apostrophe, the other a straight one
    ]
    assert event_names(rows) == ["Lester Tamsin", "Lester Tamsin", "Moira O’Dell", "Moira O’Dell"]


def test_inside_one_article_a_straight_apostrophe_surname_is_the_curly_full_name():
    result = analysis.analyze_text(
        "Police Commissioner Moira O’Dell said the blast was loud. O'Dell said officers found a second device."
    )
    assert result.entities[["text", "canonical", "label"]].values.tolist() == [
        ["Moira O’Dell", "Moira O’Dell", "PERSON"],
        ["O'Dell", "Moira O’Dell", "PERSON"],
    ]


def test_an_adjective_before_a_given_name_is_a_nickname_of_the_one_person_with_it():
    import analysis

    def names(text: str) -> dict[str, tuple[str, str]]:
        rows = analysis.analyze_text(text).entities
        return {r.text: (r.label, r.canonical) for r in rows.itertuples()}

    found = names("Ada Velcani spoke on Monday. Later, Tom Karsh called her Crooked Ada in a post.")
    assert found["Crooked Ada"] == ("PERSON", "Ada Velcani")
    # a place named with a given name is no nickname: "Camp" is no adjective
    found = names("David Cameron flew in on Monday. The talks were held at Camp David.")
    assert found["David Cameron"][1] == "David Cameron" and found["Camp David"][1] == "Camp David"


def test_the_district_of_columbia_is_no_outlets_initials():
    """ "D.C." with its stops is Washington wherever it stands, not the initials of "The Daily Caller"
    named by another outlet of the event."""
    articles = pd.DataFrame(
        {
            "id": ["a", "b"],
            "source": ["Harbor Ledger", "Tideline Wire"],
            "event": ["bar-complaint", "bar-complaint"],
            "text": [
                "The story was told by The Daily Caller, which found a 1995 article about the case.",
                "The complaint is based on D.C. conduct standards that bar lawyers from the case.",
            ],
        }
    )
    entities = analysis.analyze(analysis.load_corpus(articles)).entities
    found = {(r.text, r.canonical, r.label) for r in entities.itertuples()}
    assert ("D.C.", "Washington", "GPE") in found and ("Daily Caller", "Daily Caller", "ORG") in found
