"""Tests of analysis.numbers: golden extractions, not-a-quantity cases, bad input, properties."""

from __future__ import annotations

import math
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analysis.errors import LexiconError
from analysis.evaluation.numbers import match_numbers, score_numbers
from analysis.numbers import find_numbers, load_lexicon, parse_number
from analysis.text import process

NAN = math.nan
SEED = Path(__file__).resolve().parents[1] / "data" / "seed" / "syria-isis-defeat-2017-seed.md"


def extract(text: str) -> list[tuple]:
    """(text, value, value_high, unit, qualifier, rate) of every number found in ``text``."""
    return [
        (r["text"], r["value"], r["value_high"], r["unit"], r["qualifier"], r["rate"])
        for r in find_numbers(process(text))
    ]


def same(found: list[tuple], expected: list[tuple]) -> bool:
    if len(found) != len(expected):
        return False
    for f, e in zip(found, expected, strict=True):
        for a, b in zip(f, e, strict=True):
            if isinstance(b, float) and math.isnan(b):
                if not (isinstance(a, float) and math.isnan(a)):
                    return False
            elif a != b:
                return False
    return True


# fmt: off
GOLDEN = [
    # digits, separators, decimals, multipliers, currency
    ("Jets made 100 sorties.", [("100 sorties", 100.0, NAN, "sorties", "exact", "")]),
    ("More than 340,000 people have been killed.",
     [("More than 340,000 people", 340000.0, NAN, "people", "at least", "")]),
    ("The plan costs 1.5 million dollars.", [("1.5 million dollars", 1.5e6, NAN, "dollars", "exact", "")]),
    ("Donors pledged $40 billion.", [("$40 billion", 4e10, NAN, "dollars", "exact", "")]),
    ("The fund lost $5 million last year.", [("$5 million", 5e6, NAN, "dollars", "exact", "")]),
    ("Prices rose 3.2% in May.", [("3.2%", 3.2, NAN, "percent", "exact", "")]),
    ("Shares fell 8.4 percent on Wednesday.", [("8.4 percent", 8.4, NAN, "percent", "exact", "")]),
    ("Turnout was 61 per cent.", [("61 per cent", 61.0, NAN, "percent", "exact", "")]),
    ("The deal is worth US$2.5bn.", [("US$2.5bn", 2.5e9, NAN, "dollars", "exact", "")]),
    ("The stock closed at 41.20 kestars.", [("41.20 kestars", 41.2, NAN, "kestars", "exact", "")]),
    ("Exports reached 1.9 billion kestars.", [("1.9 billion kestars", 1.9e9, NAN, "kestars", "exact", "")]),
    ("The share fell by about 1.1 percentage points.",
     [("about 1.1 percentage points", 1.1, NAN, "percentage points", "approximate", "")]),
    # words
    ("It holds around eight percent of Deir Ezzor Province.",
     [("around eight percent", 8.0, NAN, "percent", "approximate", "")]),
    ("Two dozen fighters surrendered.", [("Two dozen fighters", 24.0, NAN, "fighters", "exact", "")]),
    ("Hundreds of families fled.", [("Hundreds of families", 100.0, NAN, "families", "at least", "")]),
    ("Tens of thousands of citizens marched.",
     [("Tens of thousands of citizens", 10000.0, NAN, "citizens", "at least", "")]),
    ("The war has killed hundreds of thousands of people.",
     [("hundreds of thousands of people", 100000.0, NAN, "people", "at least", "")]),
    ("Dozens of firefighters arrived.", [("Dozens of firefighters", 12.0, NAN, "firefighters", "at least", "")]),
    ("Forty people were treated.", [("Forty people", 40.0, NAN, "people", "exact", "")]),
    ("Twenty-five soldiers were hurt.", [("Twenty-five soldiers", 25.0, NAN, "soldiers", "exact", "")]),
    ("One hundred and fifty homes burned.",
     [("One hundred and fifty homes", 150.0, NAN, "homes", "exact", "")]),
    ("The group controls a third of the city.", [("a third", 1 / 3, NAN, "", "exact", "")]),
    ("Rebels hold two-thirds of the province.", [("two-thirds", 2 / 3, NAN, "", "exact", "")]),
    ("Half the residents left.", [("Half", 0.5, NAN, "", "exact", "")]),
    ("Nearly half a million people fled.",
     [("Nearly half a million people", 500000.0, NAN, "people", "approximate", "")]),
    ("A dozen trucks crossed.", [("A dozen trucks", 12.0, NAN, "trucks", "exact", "")]),
    ("They waited two and a half hours.", [("two and a half hours", 2.5, NAN, "hours", "exact", "")]),
    # bounds and ranges
    ("Jets staged up to 250 strikes daily.", [("up to 250 strikes daily", 250.0, NAN, "strikes", "at most", "daily")]),
    ("Nearly 300 workers were packed inside.", [("Nearly 300 workers", 300.0, NAN, "workers", "approximate", "")]),
    ("At least 23 people were killed.", [("At least 23 people", 23.0, NAN, "people", "at least", "")]),
    ("Fewer than 50 voters came.", [("Fewer than 50 voters", 50.0, NAN, "voters", "at most", "")]),
    ("Some 70 victims were rushed to hospital.", [("Some 70 victims", 70.0, NAN, "victims", "approximate", "")]),
    ("Over 2,000 troops arrived.", [("Over 2,000 troops", 2000.0, NAN, "troops", "at least", "")]),
    ("Between 10 and 20 soldiers died.",
     [("Between 10 and 20 soldiers", 10.0, 20.0, "soldiers", "range", "")]),
    ("They moved in groups of 10 to 15 men.", [("10 to 15 men", 10.0, 15.0, "men", "range", "")]),
    ("Officials put it at between three and five percent.",
     [("between three and five percent", 3.0, 5.0, "percent", "range", "")]),
    ("Some 10-20 people gathered.", [("10-20 people", 10.0, 20.0, "people", "range", "")]),
    ("The project needs 1.5 to 2 million dollars.",
     [("1.5 to 2 million dollars", 1.5e6, 2e6, "dollars", "range", "")]),
    ("Two or three shells landed.", [("Two or three shells", 2.0, 3.0, "shells", "range", "")]),
    ("More than 300+ people", [("300+ people", 300.0, NAN, "people", "at least", "")]),
    # rates
    ("Workers earn 610 kestars a month.", [("610 kestars a month", 610.0, NAN, "kestars", "exact", "monthly")]),
    ("Planes flew 40 sorties per day.", [("40 sorties per day", 40.0, NAN, "sorties", "exact", "daily")]),
    ("It staged 250 daily strikes.", [("250 daily strikes", 250.0, NAN, "strikes", "exact", "daily")]),
    ("Nearly 500 refugees arrive every week.",
     [("Nearly 500 refugees", 500.0, NAN, "refugees", "approximate", "")]),
    ("A five-day truce and a two-year-old girl.",
     [("five-day", 5.0, NAN, "days", "exact", ""), ("two-year-old", 2.0, NAN, "years", "exact", "")]),
    # ages and durations
    ("A 34-year-old nurse was hurt.", [("34-year-old", 34.0, NAN, "years", "exact", "")]),
    ("Anna Varga, 27, said she ran.", [("27", 27.0, NAN, "years", "exact", "")]),
    ("The firm has a 60-year history.", [("60-year", 60.0, NAN, "years", "exact", "")]),
    ("The fire burned for nearly seven hours.", [("nearly seven hours", 7.0, NAN, "hours", "approximate", "")]),
    # units from the sentence
    ("More than 50 people were injured, 34 of whom were treated.",
     [("More than 50 people", 50.0, NAN, "people", "at least", ""), ("34", 34.0, NAN, "people", "exact", "")]),
    ("The recount covered 112 of the 640 polling stations.",
     [("112", 112.0, NAN, "polling stations", "exact", ""),
      ("640 polling stations", 640.0, NAN, "polling stations", "exact", "")]),
    ("Police detained two dozen outside.", [("two dozen", 24.0, NAN, "people", "exact", "")]),
    ("Police arrested 12, and 40 were injured.",
     [("12", 12.0, NAN, "people", "exact", ""), ("40", 40.0, NAN, "people", "exact", "")]),
    ("Casualties rose to 1.2m, a rise of 5pc.",
     [("1.2m", 1.2e6, NAN, "", "exact", ""), ("5pc", 5.0, NAN, "percent", "exact", "")]),
    ("Police said two dozen detained were freed.", [("two dozen", 24.0, NAN, "people", "exact", "")]),
    ("The airline bought twenty new Airbus A320 jets.",
     [("twenty new Airbus A320 jets", 20.0, NAN, "jets", "exact", "")]),
    ("Some 5,000 IS fighters remain.", [("Some 5,000 IS fighters", 5000.0, NAN, "fighters", "approximate", "")]),
    ("Inspections of all 140 textile and chemical plants began.",
     [("140 textile and chemical plants", 140.0, NAN, "plants", "exact", "")]),
    # capitals
    ("MORE THAN 340,000 PEOPLE HAVE BEEN KILLED",
     [("MORE THAN 340,000 PEOPLE", 340000.0, NAN, "people", "at least", "")]),
    ("Nearly 30 Workers Die In Belmarro Factory Fire",
     [("Nearly 30 Workers", 30.0, NAN, "workers", "approximate", "")]),
]

NOT_QUANTITIES = [
    "A handout picture taken on June 18, 2016 shows the minister.",
    "The mission in 2015 began at the request of Damascus.",
    "The conflict broke out in March 2011 with protests.",
    "Since 2011, the economy has shrunk.",
    "It was 2017's worst attack.",
    "MOSCOW, Dec 7 (Reuters) - The ministry spoke.",
    "On 7 December the ministry spoke.",
    "The meeting starts at 10:30 and ends at 5 p.m. on Friday.",
    "It was the second time; the 3rd attempt failed on the 21st.",
    "Resolution 2254 calls for talks on Route 4.",
    "A Boeing 747 and Flight 17 were mentioned.",
    "Call 555-1234 or 202-555-0100 for the id 0100.",
    "Russian Su-24 and F-16 jets flew.",
    "The years 2014-2017 were hard.",
    "The team won 3-1.",
    "He was one of the largest donors.",
    "The 1990s were quiet.",
    "Between 2010 and 2015 nothing changed.",
    "In the first half of 2017 the second half of the plan began.",
    "The vote passed 52-48 at No. 10.",
]
# fmt: on


@pytest.mark.parametrize(("sentence", "expected"), GOLDEN, ids=[g[0][:40] for g in GOLDEN])
def test_golden(sentence: str, expected: list[tuple]) -> None:
    found = extract(sentence)
    assert same(found, expected), found


def test_golden_has_forty_phrases() -> None:
    assert sum(len(e) for _, e in GOLDEN) >= 40


@pytest.mark.parametrize("sentence", NOT_QUANTITIES)
def test_not_a_quantity(sentence: str) -> None:
    assert extract(sentence) == []


def test_year_like_number_before_a_plural_noun_is_a_count() -> None:
    assert same(extract("Officials sent 2000 troops."), [("2000 troops", 2000.0, NAN, "troops", "exact", "")])


def seed_doc():
    text = SEED.read_text(encoding="utf-8")
    body = text.split("\n---\n", 1)[1]
    title = "Russian Armed Forces Complete Mission to Destroy Daesh in Syria - Gen. Staff"
    return process(body, title=title)


@pytest.mark.skipif(not SEED.exists(), reason="seed article not in this checkout")
def test_seed_article_in_full() -> None:
    doc = seed_doc()
    rows = find_numbers(doc)
    got = [(r["text"], r["value"], r["unit"], r["qualifier"], r["rate"]) for r in rows]
    assert got == [
        ("100 sorties", 100.0, "sorties", "exact", ""),
        ("up to 250 strikes daily", 250.0, "strikes", "at most", "daily"),
        ("around eight percent", 8.0, "percent", "approximate", ""),
        ("More than 340,000 people", 340000.0, "people", "at least", ""),
    ]
    for r in rows:
        assert doc.text[r["start"] : r["end"]] == r["text"]
        assert doc.sentences[r["sentence_id"]].kind == "body"
    texts = " ".join(r["text"] for r in rows)
    for absent in ("2015", "2011", "2016", "18"):
        assert absent not in texts


def test_debris_is_skipped_and_headline_counts() -> None:
    text = "Nearly 30 workers die in fire\n\nNearly 30 workers die in fire\n\nThe fire killed 12 people.\n"
    doc = process(text, title="Nearly 30 workers die in fire")
    rows = find_numbers(doc)
    assert [(r["sentence_id"], r["text"]) for r in rows] == [(0, "Nearly 30 workers"), (2, "12 people")]


def test_row_keys_and_types() -> None:
    row = find_numbers(process("Between 10 and 20 soldiers died."))[0]
    assert list(row) == ["sentence_id", "start", "end", "text", "value", "value_high", "unit", "qualifier", "rate"]
    assert (row["start"], row["end"], row["value"], row["value_high"]) == (0, 26, 10.0, 20.0)


# -- bad input ---------------------------------------------------------------


def test_pathological_inputs_finish_with_bounded_output() -> None:
    long_sentence = " ".join(["the", "300", "people", "and", "more", "than"] * 1700)  # ~10,000 words, no period
    doc = process(long_sentence)
    rows = find_numbers(doc)
    assert len(rows) == 1700
    assert all(r["text"] in ("300 people", "more than 300 people") for r in rows)
    assert extract("1,2,3 and 10e9999") == []
    huge = "1" + ",000" * 200 + " people"
    (row,) = extract(huge)
    assert math.isnan(row[1]) and row[3] == "people"
    digits = extract(" ".join(["7"] * 3000))
    assert len(digits) <= 3000
    assert extract('"He said "300 people" fled ""') == [("300 people", 300.0, NAN, "people", "exact", "")]


def test_values_are_never_infinite() -> None:
    for text in ("10e9999 people", "9" * 400 + " million people", "$" + "9" * 400 + " billion"):
        for row in find_numbers(process(text)):
            assert not math.isinf(row["value"]) and not math.isinf(row["value_high"])


WORDS = st.sampled_from(
    [
        "300",
        "1,200",
        "2015",
        "people",
        "up",
        "to",
        "more",
        "than",
        "between",
        "and",
        "eight",
        "percent",
        "%",
        "$",
        "5",
        "million",
        "daily",
        "a",
        "day",
        "hundreds",
        "of",
        "half",
        "third",
        "the",
        "June",
        "18",
        ",",
        ".",
        '"',
        "10-20",
        "1,2,3",
        "10e9999",
        "Resolution",
        "two",
        "dozen",
        "-",
        "34-year-old",
        "strikes",
        "nearly",
        "PEOPLE",
        "per",
        "cent",
        "whom",
        "killed",
    ]
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(WORDS, min_size=1, max_size=40))
def test_spans_are_exact_inside_sentences_and_disjoint(words: list[str]) -> None:
    doc = process(" ".join(words))
    rows = find_numbers(doc)
    previous_end = -1
    for row in rows:
        sentence = doc.sentences[row["sentence_id"]]
        assert sentence.start <= row["start"] < row["end"] <= sentence.end
        assert doc.text[row["start"] : row["end"]] == row["text"]
        assert row["start"] >= previous_end
        previous_end = row["end"]
        assert row["qualifier"] in ("exact", "approximate", "at least", "at most", "range")
        assert not math.isinf(row["value"]) and not math.isinf(row["value_high"])
        assert (row["qualifier"] == "range") == (not math.isnan(row["value_high"]))


# -- parse_number, lexicon -----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [("340,000", 340000.0), ("1.5 million", 1.5e6), ("two dozen", 24.0), ("twenty-five", 25.0), ("Route", None)],
)
def test_parse_number(text: str, value: float | None) -> None:
    assert parse_number(text) == value


def test_bad_lexicon_names_file_and_line(tmp_path: Path) -> None:
    bad = tmp_path / "numbers.yml"
    bad.write_text("qualifiers:\n  at least: [more than]\nunits:\n  '%': percent\nvague:\n  hundreds: many\n")
    with pytest.raises(LexiconError) as info:
        load_lexicon(str(bad))
    assert info.value.line == 5 and "hundreds" in str(info.value)


def test_edited_lexicon_is_used(tmp_path: Path) -> None:
    edited = tmp_path / "numbers.yml"
    edited.write_text("qualifiers:\n  approximate: [give or take]\nunits:\n  '%': percent\n")
    rows = find_numbers(process("They counted give or take 300 people."), lexicon=edited)
    assert [(r["text"], r["qualifier"]) for r in rows] == [("give or take 300 people", "approximate")]


# -- scoring -------------------------------------------------------------------


def test_score_numbers_counts_overlaps_values_and_units() -> None:
    gold = pd.DataFrame(
        {
            "article_id": ["a", "a", "b"],
            "start": [0, 20, 0],
            "end": [10, 30, 5],
            "value": [100.0, 8.0, 3.0],
            "value_high": [NAN, NAN, NAN],
            "unit": ["sorties", "percent", "days"],
            "qualifier": ["exact", "approximate", "exact"],
        }
    )
    predicted = pd.DataFrame(
        {
            "article_id": ["a", "a", "a"],
            "start": [4, 22, 40],
            "end": [14, 26, 44],
            "value": [100.0, 8.0, 1.0],
            "value_high": [NAN, NAN, NAN],
            "unit": ["Sorties", "", "x"],
            "qualifier": ["exact", "exact", "exact"],
        }
    )
    assert match_numbers(predicted, gold) == [(0, 0), (1, 1)]
    scores = score_numbers(predicted, gold)
    assert (scores["n_predicted"], scores["n_gold"], scores["n_matched"]) == (3, 3, 2)
    assert scores["precision"] == pytest.approx(2 / 3) and scores["recall"] == pytest.approx(2 / 3)
    assert (scores["value_accuracy"], scores["unit_accuracy"], scores["value_unit_accuracy"]) == (1.0, 0.5, 0.5)
    assert scores["qualifier_accuracy"] == 0.5
    assert scores["value_unit_recall"] == pytest.approx(1 / 3)


# -- numbers as real news writes them (issue 14) ------------------------------------------
# fmt: off
NEWS_NOT_QUANTITIES = [
    # scores, votes, rulings and ratios
    "The council voted 7 to 2 to approve the Marlow plan.",
    "Critics outnumbered supporters by a 4 to 1 margin.",
    "The court split 5-4 on the Tarvish appeal.",
    # dates written as ranges
    "The Ostrava poll was conducted Sept. 12-15 in Delmont.",
    "Hearings ran from March 3 to 9 in Delmont.",
    # ordinals written apart from their suffix
    "It was the 1,204 th ferry built at the Kessling yard.",
    # a year before the noun it dates
    "Emissions must fall below 2005 levels by 2030.",
    # numbers inside names: series after an acronym or a mixed-case brand, labels of a singular noun
    "The FTSE 100 rose and the iPhone 4 sold out.",
    "The final 737 jet left the Renton plant.",
    "Since the 9/11 attacks, Section 230 has been debated.",
    "The S&P 500 and the Varn 30 index were flat.",
    "It was a 2-3 loss for the Kemper Tigers.",
    # house numbers and years before 1900 (news writes counts of 1,000 and more with a comma)
    "Tull lives at 1600 Varn Avenue and works at 10 Osk Street.",
    "The 1619 Project was founded in 1492 by Tull.",
    "Varn's 1967 borders and Tull's 2016 campaign were debated.",
    "The new 737 Skyliner was grounded.",
    # phone numbers
    "Call the Osk hotline at (202) 555-0100 or 1-800-273-8255.",
    "Call the Osk desk on 020 7946 0958.",
    # times
    "Polls in Varrow close at 8 p.m. and results come at 10:45.",
    # a model named in quotes, a number in a quoted title
    "Tolan Air flew the 450 “Skylark” for the first time.",
    "She sang in a clip from ‘The 311.’",
]
NEWS_GOLDEN = [
    # approximate and vague quantities
    ("A third of the Velmar council backed the plan.", [("A third", 1 / 3, NAN, "", "exact", "")]),
    ("About two dozen protesters gathered.",
     [("About two dozen protesters", 24.0, NAN, "protesters", "approximate", "")]),
    ("Tens of thousands of Dravian workers struck.",
     [("Tens of thousands of Dravian workers", 10000.0, NAN, "workers", "at least", "")]),
    ("Nearly half of the Orvel voters stayed home.", [("Nearly half", 0.5, NAN, "", "approximate", "")]),
    ("A couple dozen bankers left Pellam Bank.",
     [("couple dozen bankers", 24.0, NAN, "bankers", "approximate", "")]),
    ("The Corvin fund raised a quarter of a million dollars.",
     [("a quarter of a million dollars", 250000.0, NAN, "dollars", "exact", "")]),
    ("Growth slowed by more than half a percentage point.",
     [("more than half a percentage point", 0.5, NAN, "percentage points", "at least", "")]),
    ("Sales at Brenlow were up by a third from last year.", [("a third", 1 / 3, NAN, "", "exact", "")]),
    ("Donors gave Tamsin Oule $3million.", [("$3million", 3e6, NAN, "dollars", "exact", "")]),
    ("The Zentra phone holds 16GB of music.", [("16GB", 16.0, NAN, "gb", "exact", "")]),
    # proportions
    ("One in five Americans owns a Varl phone.", [("One in five Americans", 0.2, NAN, "Americans", "exact", "")]),
    ("About 1 in 4 voters in Sarnia backed Tull.",
     [("About 1 in 4 voters", 0.25, NAN, "voters", "approximate", "")]),
    ("About one of every nine voters is Latino.",
     [("About one of every nine voters", 1 / 9, NAN, "voters", "approximate", "")]),
    ("Pell scored 2 in 10 minutes.",
     [("2", 2.0, NAN, "", "exact", ""), ("10 minutes", 10.0, NAN, "minutes", "exact", "")]),
    # currency symbols the tokenizer keeps on the digits
    ("Sales at Varn reached €50bn and £1.5m.",
     [("€50bn", 5e10, NAN, "euros", "exact", ""), ("£1.5m", 1.5e6, NAN, "pounds", "exact", "")]),
    ("Fares rose from £20 to £25 a week.", [("from £20 to £25 a week", 20.0, 25.0, "pounds", "range", "weekly")]),
    ("A 5.8-magnitude quake hit Varn.", [("5.8-magnitude", 5.8, NAN, "magnitude", "exact", "")]),
    ("About 400 Varn Marines landed.", [("About 400 Varn Marines", 400.0, NAN, "Marines", "approximate", "")]),
    ("Police said 1500 people marched.", [("1500 people", 1500.0, NAN, "people", "exact", "")]),
    ("Varn may get as much as CA$4 billion.", [("as much as CA$4 billion", 4e9, NAN, "dollars", "at most", "")]),
    # mixed numbers, and counts of people after a verb
    ("The Osk jury deliberated for 2 1/2 days.", [("2 1/2 days", 2.5, NAN, "days", "exact", "")]),
    ("The Varn flight took 2½ hours.", [("2½ hours", 2.5, NAN, "hours", "exact", "")]),
    ("Tull, who turned 80 on Friday, spoke.", [("80", 80.0, NAN, "years", "exact", "")]),
    ("The Varn blast killed 12 and injured 40.",
     [("12", 12.0, NAN, "people", "exact", ""), ("40", 40.0, NAN, "people", "exact", "")]),
    # qualifiers written after the number
    ("Households making $100,000 or more left.", [("$100,000 or more", 1e5, NAN, "dollars", "at least", "")]),
    ("Donors who gave $200 or less were few.", [("$200 or less", 200.0, NAN, "dollars", "at most", "")]),
    ("The Brixel index lost 678 points or more than 7.3% today.",
     [("678 points", 678.0, NAN, "points", "exact", ""), ("more than 7.3%", 7.3, NAN, "percent", "at least", "")]),
    # ranges
    ("Tellers made between $30,000 and $60,000 a year.",
     [("between $30,000 and $60,000 a year", 30000.0, 60000.0, "dollars", "range", "yearly")]),
    ("Tariffs at Varn were between 10% and 20%.",
     [("between 10% and 20%", 10.0, 20.0, "percent", "range", "")]),
    ("Tariffs ranged from 5 percent to 25 percent.",
     [("from 5 percent to 25 percent", 5.0, 25.0, "percent", "range", "")]),
    ("Support for Tull was 46% to 44%.",
     [("46%", 46.0, NAN, "percent", "exact", ""), ("44%", 44.0, NAN, "percent", "exact", "")]),
    ("Voters ages 18 to 24 stayed home.", [("18 to 24", 18.0, 24.0, "years", "range", "")]),
    # the counted noun
    ("The crashes killed 102 and 21 people.",
     [("102", 102.0, NAN, "people", "exact", ""), ("21 people", 21.0, NAN, "people", "exact", "")]),
    ("All 51 of Tamaria's airlines were banned.", [("51", 51.0, NAN, "airlines", "exact", "")]),
    ("The Brixel index fell 232.90 points to 6038.30.",
     [("232.90 points", 232.9, NAN, "points", "exact", ""), ("6038.30", 6038.3, NAN, "points", "exact", "")]),
    ("The Brixel index lost 48.3 points to close below the 5,000 mark at 4,956.60.",
     [("48.3 points", 48.3, NAN, "points", "exact", ""), ("5,000", 5000.0, NAN, "points", "exact", ""),
      ("4,956.60", 4956.6, NAN, "points", "exact", "")]),
    ("Jobs at Marrow fell to the lowest in five years at 1,250.",
     [("five years", 5.0, NAN, "years", "exact", ""), ("1,250", 1250.0, NAN, "", "exact", "")]),
    ("Dorrin Kale, 40 ― a teacher ― was shot.", [("40", 40.0, NAN, "years", "exact", "")]),
    ("Markets ended a four day rally.", [("four day", 4.0, NAN, "days", "exact", "")]),
    ("Jobless claims rose 15,000 last week.", [("15,000", 15000.0, NAN, "", "exact", "")]),
    ("Two Velmar police officers shot by a gunman survived.",
     [("Two Velmar police officers", 2.0, NAN, "police officers", "exact", "")]),
    ("The site will have 18 fact-checkers working tonight.",
     [("18 fact-checkers", 18.0, NAN, "fact-checkers", "exact", "")]),
    ("Aer Tolan bought 12 aircraft.", [("12 aircraft", 12.0, NAN, "aircraft", "exact", "")]),
    # a count is still a count beside the new rules
    ("The plan cut jobs from 20 to 10 percent of the staff.",
     [("20", 20.0, NAN, "percent", "exact", ""), ("10 percent", 10.0, NAN, "percent", "exact", "")]),
    # sizes in inches, index moves, what "the number of" counts, a magnitude
    ('The Corvo laptop has a 13.3" screen.', [('13.3"', 13.3, NAN, "inches", "exact", "")]),
    ("The tablet comes with 10'' or 12'' displays.",
     [("10''", 10.0, NAN, "inches", "exact", ""), ("12''", 12.0, NAN, "inches", "exact", "")]),
    ('"We need 15" more days, she said.', [("15", 15.0, NAN, "", "exact", "")]),
    ("The Brixel index, the main gauge of Tamarian shares, fell 84.27 on Friday.",
     [("84.27", 84.27, NAN, "points", "exact", "")]),
    ("The number of people seeking jobless aid rose 12,000 last week.",
     [("12,000", 12000.0, NAN, "people", "exact", "")]),
    ("The Brixel index closed below the four thousand mark, at 3,912.40 points.",
     [("four thousand", 4000.0, NAN, "points", "exact", ""), ("3,912.40 points", 3912.4, NAN, "points", "exact", "")]),
    ("A 7.1 magnitude earthquake struck Varn.", [("7.1 magnitude", 7.1, NAN, "magnitude", "exact", "")]),
]
# fmt: on


@pytest.mark.parametrize("sentence", NEWS_NOT_QUANTITIES)
def test_news_non_quantities(sentence: str) -> None:
    assert extract(sentence) == []


@pytest.mark.parametrize(("sentence", "expected"), NEWS_GOLDEN, ids=[g[0][:40] for g in NEWS_GOLDEN])
def test_news_quantities(sentence: str, expected: list[tuple]) -> None:
    found = extract(sentence)
    assert same(found, expected), found


# -- the annotated-file evaluation -------------------------------------------------------
DATASETS = Path(__file__).resolve().parents[2] / "shared" / "datasets"
HEADER = "file\tstart\tend\twords\tvalue\tvalue_high\tunit\tqualifier\tkind\n"


def test_read_annotated_names_file_and_line(tmp_path: Path) -> None:
    from analysis.evaluation.gold import GoldError
    from analysis.evaluation.numbers import read_annotated

    good = tmp_path / "good.tsv"
    good.write_text("# a comment\n" + HEADER + "a.txt\t4\t6\t12\t12\t\tjets\texact\tquantity\n", encoding="utf-8")
    table = read_annotated(good)
    assert table[["start", "end", "value", "unit", "kind"]].values.tolist() == [[4, 6, 12.0, "jets", "quantity"]]
    assert math.isnan(table["value_high"].iloc[0])
    bad = tmp_path / "bad.tsv"
    bad.write_text(HEADER + "a.txt\t4\t6\t2016\t\t\t\t\tyears\n", encoding="utf-8")
    with pytest.raises(GoldError, match=r"bad\.tsv:2: kind 'years'"):
        read_annotated(bad)
    bad.write_text("file\tstart\n", encoding="utf-8")
    with pytest.raises(GoldError, match=r"bad\.tsv:1: the header"):
        read_annotated(bad)
    with pytest.raises(FileNotFoundError, match="--annotations"):
        read_annotated(tmp_path / "missing.tsv")


def test_score_annotated_counts_values_units_flags_and_skips() -> None:
    from analysis.evaluation.numbers import score_annotated

    gold = pd.DataFrame(
        [
            ("a", 0, 3, "six", 6.0, NAN, "jets", "exact", "quantity"),
            ("a", 8, 16, "330-300E", NAN, NAN, "", "", "name"),
            ("a", 20, 24, "2016", NAN, NAN, "", "", "year"),
            ("a", 30, 33, "one", NAN, NAN, "", "", "skip"),
            ("a", 40, 42, "40", 40.0, NAN, "years", "exact", "quantity"),
        ],
        columns=["file", "start", "end", "words", "value", "value_high", "unit", "qualifier", "kind"],
    )
    predicted = pd.DataFrame(
        [
            ("a", 0, 26, "six new A330-300E jets", 6.0, NAN, "new jets", "exact"),  # right value, same head noun
            ("a", 20, 24, "2016", 2016.0, NAN, "", "exact"),  # a year reported as a quantity
            ("a", 30, 40, "one thing", 1.0, NAN, "thing", "exact"),  # on a skipped word: ignored
        ],
        columns=["article_id", "start", "end", "text", "value", "value_high", "unit", "qualifier"],
    )
    scores = score_annotated(predicted, gold)
    assert scores["n_quantities"] == 2 and scores["n_non_quantities"] == 2 and scores["n_predicted"] == 2
    assert scores["value_precision"] == 0.5 and scores["value_recall"] == 0.5
    assert scores["unit_recall"] == 0.5 and scores["value_unit_recall"] == 0.5
    assert scores["non_quantities_flagged"] == 1 and scores["flagged_year"] == 1 and scores["flagged_name"] == 0


def test_meantime_texts_rebuilds_sentences(tmp_path: Path) -> None:
    from analysis.evaluation.numbers import meantime_texts

    rows = ["#begin document (c/1); part 000", "c/1\t0\t0\tJets\t-", "c/1\t0\t1\tcost\t-", "c/1\t0\t2\t$\t-"]
    rows += ["c/1\t0\t3\t40\t-", "c/1\t0\t4\tbillion\t-", "c/1\t0\t5\t.\t-", ""]
    rows += ["c/1\t1\t0\tIt\t-", "c/1\t1\t1\trose\t-", "c/1\t1\t2\t3.2\t-", "c/1\t1\t3\t%\t-"]
    (tmp_path / "meantime.conll").write_text("\n".join(rows) + "\n", encoding="utf-8")
    assert meantime_texts(tmp_path) == {"c/1": "Jets cost $40 billion.\n\nIt rose 3.2%"}


@pytest.mark.slow
@pytest.mark.skipif(not (DATASETS / "polnear_dev").is_dir(), reason="needs ../shared/datasets")
def test_annotated_dev_figures_hold() -> None:
    from analysis.evaluation.numbers import (
        annotated_texts,
        default_annotations,
        predict_annotated,
        read_annotated,
        score_annotated,
    )

    annotated = read_annotated(default_annotations())
    texts = annotated_texts(DATASETS, annotated["file"].tolist())
    for row in annotated.itertuples():
        assert texts[row.file][row.start : row.end] == row.words, (row.file, row.start)
    scores = score_annotated(predict_annotated(texts, annotated), annotated)
    assert scores["value_f1"] >= 0.97 and scores["unit_recall"] >= 0.95
    assert scores["non_quantities_flagged"] == 0
