"""Workshop check functions: right answers pass, wrong ones fail with a reason, blanks say so.

The gold-based checks are pinned to the answer key in ``data/gold``; the
package-based ones are checked against the comparison tables computed here
independently, so a check can never disagree with what the notebook shows.
"""

from __future__ import annotations

import pytest

from analysis import compare, workshop
from analysis.workshop import Check

SYRIA = workshop.EVENT


@pytest.fixture(scope="module")
def result():
    return workshop.bundled_analysis()


ALL_CHECKS = [name for name in dir(workshop) if name.startswith("check_")]


def test_there_is_a_check_for_every_exercise():
    assert len(ALL_CHECKS) == 14


@pytest.mark.parametrize("name", ALL_CHECKS)
def test_the_placeholder_is_not_answered_yet(name):
    check = getattr(workshop, name)(...)
    assert check.correct is None and not check
    assert repr(check).startswith("Not answered yet. Replace the ...")


def test_check_prints_its_verdict_and_reason():
    right, wrong = Check(True, "because."), Check(False, "look again.")
    assert (repr(right), str(wrong)) == ("Right. because.", "Not quite. look again.")
    assert bool(right) and not bool(wrong)


# --------------------------------------------------------------------------- answers from the gold


def test_own_voice_leader_is_the_annotated_one(result):
    check = workshop.check_own_voice_leader("derzhava daily", result=result)  # case is forgiven
    assert check.correct and check.expected == "Derzhava Daily"
    assert "of its claims" in check.message
    wrong = workshop.check_own_voice_leader("Sham Horizon", result=result)
    assert wrong.correct is False and "another outlet states more" in wrong.message
    unknown = workshop.check_own_voice_leader("BBC", result=result)
    assert unknown.correct is False and "Choose one of: Derzhava Daily, Northwind Wire" in unknown.message


def test_speaker_accepts_canonical_or_written_name(result):
    for answer in ("Russian Ministry of Defence", "Russia's Defense Ministry", "russia’s defense ministry"):
        check = workshop.check_speaker(answer, result=result)
        assert check.correct, answer
        assert check.expected == "Russian Ministry of Defence"
    wrong = workshop.check_speaker("Syria", result=result)
    assert wrong.correct is False and "subject of the reporting verb ('said')" in wrong.message


def test_label_source_is_judged_against_the_answer_key(result):
    check = workshop.check_label_source("Qamishli Herald", result=result)
    assert check.correct and check.expected == ["Qamishli Herald"]
    labels = compare.labels(result, "Islamic State", event=SYRIA)
    package = set(labels.loc[labels["term"] == "mercenaries", "source"])
    if "Derzhava Daily" in package:  # the package also counts "foreign mercenaries" there
        wrong = workshop.check_label_source("Derzhava Daily", result=result)
        assert wrong.correct is False and "annotators do not list it" in wrong.message
    never = workshop.check_label_source("Westmark Broadcasting", result=result)
    assert never.correct is False and "never uses 'mercenaries'" in never.message


def test_death_toll_is_the_figure_the_outlet_leads_with(result):
    assert workshop.check_death_toll(500000, result=result).correct
    assert workshop.check_death_toll("500,000", result=result).correct
    elsewhere = workshop.check_death_toll(340000, result=result)
    assert elsewhere.correct is False and "given elsewhere" in elsewhere.message
    assert workshop.check_death_toll("lots", result=result).correct is False
    assert workshop.check_death_toll(7, result=result).expected == 500000


def test_lowest_share_of_territory(result):
    assert workshop.check_lowest_share("Qamishli Herald", result=result).correct
    higher = workshop.check_lowest_share("Northwind Wire", result=result)
    assert higher.correct is False and "gives 8 percent" in higher.message
    silent = workshop.check_lowest_share("Derzhava Daily", result=result)
    assert silent.correct is False and "no share" in silent.message


# --------------------------------------------------------------------------- answers from the package


def test_canonical_name_of_an_alias():
    assert workshop.check_canonical("Islamic State").correct
    assert workshop.check_canonical(" islamic state ").correct
    alias = workshop.check_canonical("Daesh")
    assert alias.correct is False and "one of the ways the article writes the group" in alias.message
    assert workshop.check_canonical("Al-Qaeda").correct is False


def test_number_value_qualifier_and_rate():
    check = workshop.check_number((250, "at most", "daily"))
    assert check.correct and check.expected == {"value": 250.0, "qualifier": "at most", "rate": "daily"}
    assert workshop.check_number({"value": "250", "qualifier": "At most", "rate": "daily"}).correct
    wrong = workshop.check_number((250, "exact", ""))
    assert wrong.correct is False
    assert "qualifier" in wrong.message and "rate" in wrong.message and "value" not in wrong.message.split(";")[0]
    assert workshop.check_number(250).correct is False


def test_coverage_rate_matches_the_coverage_table(result):
    table = compare.coverage(result, event=SYRIA)
    row = table[(table["source"] == "Derzhava Daily") & (table["canonical"] == "Islamic State")].iloc[0]
    assert workshop.check_coverage_rate(round(row["per_1000_words"], 1), result=result).correct
    raw = workshop.check_coverage_rate(int(row["mentions"]) if row["mentions"] > 0.2 else 99, result=result)
    assert raw.correct is False
    assert workshop.check_coverage_rate(row["per_1000_words"] + 1, result=result).correct is False


def test_hedged_count_matches_the_voice_table(result):
    n = int(compare.voice(result, event=SYRIA).set_index("source").loc["Sham Horizon", "n_hedged"])
    check = workshop.check_hedged_count(n, result=result)
    assert check.correct and check.expected == n and "the annotators mark" in check.message
    assert workshop.check_hedged_count(n + 1, result=result).correct is False
    assert workshop.check_hedged_count(2.5, result=result).correct is False


def test_tone_checks_match_the_tone_table(result):
    tone = compare.tone(result, event=SYRIA).set_index("source")
    lowest = tone["tone"].idxmin()
    assert workshop.check_most_negative(lowest, result=result).correct
    highest = tone["tone"].idxmax()
    assert workshop.check_most_negative(highest, result=result).correct is False
    n = int(tone.loc["Derzhava Daily", "n_sentences"])
    assert workshop.check_tone_n(n, result=result).correct
    assert workshop.check_tone_n(1, result=result).correct is False
    a, b = tone.loc["Derzhava Daily"], tone.loc["Westmark Broadcasting"]
    overlap = bool(a["ci_low"] <= b["ci_high"] and b["ci_low"] <= a["ci_high"])
    assert workshop.check_intervals_overlap(overlap, result=result).correct
    assert workshop.check_intervals_overlap(not overlap, result=result).correct is False
    assert workshop.check_intervals_overlap("yes", result=result).correct is False


def test_distinctive_term_checks_match_the_log_odds_table(result):
    terms = compare.distinctive_terms(result, event=SYRIA)
    sham = terms[(terms["source"] == "Sham Horizon") & (terms["count"] >= 2)].sort_values("z", ascending=False)
    top, last = sham.iloc[0], sham.iloc[-1]
    assert workshop.check_top_term(top["term"].upper(), result=result).correct
    assert workshop.check_top_term(last["term"], result=result).correct == bool(top["z"] - last["z"] <= 0.01)
    assert "not among" in workshop.check_top_term("zebra", result=result).message
    z = terms.query("source == 'Sham Horizon' and term == 'regime'")["z"].iloc[0]
    assert workshop.check_significant(bool(z > 1.96), result=result).correct
    assert workshop.check_significant(not z > 1.96, result=result).correct is False
