"""The descriptor lexicon: an editable YAML file, read with line-numbered errors."""

from __future__ import annotations

import pytest

import analysis
from analysis import compare
from analysis.compare.descriptors import default_descriptors, descriptor_lexicon, descriptor_list, read_descriptors
from analysis.errors import LexiconError


def test_packaged_list_reads_from_the_yaml_lexicon():
    words = default_descriptors()
    assert {"terrorists", "regime", "sweatshop owner", "firm"} <= set(words)
    assert all(w == w.lower().strip() for w in words)


def test_a_user_file_adds_to_the_list_or_replaces_it(tmp_path):
    path = tmp_path / "mine.yml"
    path.write_text("descriptors:\n  protest words:\n    - Rioters\n    - demonstrators\n", encoding="utf-8")
    added = descriptor_list(path)
    assert {"rioters", "demonstrators", "regime"} <= set(added)
    assert descriptor_list(path, replace=True) == ["demonstrators", "rioters"]
    # longest first, so "terrorist group" is tried before "group"
    assert descriptor_list(["group", "terrorist group"], replace=True) == ["terrorist group", "group"]


@pytest.mark.parametrize(
    ("body", "line", "message"),
    [
        ("words:\n  - a\n", 1, "expected a mapping `descriptors:`"),
        ("descriptors:\n  people: rioters\n", 2, "must be a list of words"),
        ("descriptors:\n  people:\n    - rioters\n    - 12\n", 4, "is not a word or phrase"),
    ],
)
def test_malformed_files_name_the_line(tmp_path, body, line, message):
    path = tmp_path / "bad.yml"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(LexiconError, match=message) as info:
        read_descriptors(path)
    assert info.value.line == line


def test_bad_stand_in_labels_name_the_line(tmp_path):
    path = tmp_path / "bad.yml"
    path.write_text("descriptors:\n  people:\n    stand_in_for: [HUMAN]\n    words: [envoy]\n", encoding="utf-8")
    with pytest.raises(LexiconError, match="must list entity labels") as info:
        read_descriptors(path)
    assert info.value.line == 3


STORY = (
    "Republican nominee Kordell Vane met voters in Ohio on Monday. "
    "Mara Quist, the Democratic nominee, spoke in Iowa. "
    "Vane's company lost money in 1995, records show. "
    "Many experts suspect the losses were large. "
    "The billionaire said the records were stolen. "
    "The campaign chairman, Ned Ulric, said the party would wait."
)


@pytest.fixture(scope="module")
def story():
    return analysis.analyze_text(STORY, source="Alpha")


def _descriptors(result, who):
    table = compare.labels(result, who)
    rows = table[table["kind"] == "descriptor"]
    return {term: attached for term, attached in zip(rows["term"], rows["n_attached"], strict=True)}


def test_a_description_goes_to_the_one_person_it_describes(story):
    # "nominee" before his name is Vane's, not the adjective "Republican"'s; "the billionaire"
    # refers back to the last person named ("Vane's company"), not to Quist; "the campaign
    # chairman, Ned Ulric" is Ulric's by apposition, not the last-named Vane's
    assert _descriptors(story, "Kordell Vane") == {"nominee": 1, "billionaire": 0}
    assert _descriptors(story, "Mara Quist") == {"nominee": 0}
    assert _descriptors(story, "Ned Ulric") == {"chairman": 0}


def test_words_for_a_company_or_a_verb_are_not_a_persons_label(story):
    # "Vane's company" is his company, not a word for him; "experts suspect" is a verb
    terms = set(compare.labels(story, "Kordell Vane")["term"])
    assert not terms & {"company", "suspect"}


def test_restricted_words_from_the_lexicon():
    lexicon = descriptor_lexicon()
    assert lexicon.stand_in_for["nominee"] == {"PERSON"}
    assert "PERSON" not in lexicon.stand_in_for["company"]
    # a word you pass as a plain list stands in for anyone, even one our file restricts
    assert "nominee" not in descriptor_lexicon(["nominee"]).stand_in_for
    assert "officials" in descriptor_lexicon(["officials"]).words


def test_the_matcher_finds_whole_words_longest_first():
    from analysis.compare.descriptors import _pattern

    pattern = _pattern(("terrorist", "terrorists", "terrorist group", "group", "front-runner"))
    text = "The terrorist group, terrorists, a Group; anti-terrorist fighters and the front-runner's groups"
    assert [m.group() for m in pattern.finditer(text)] == ["terrorist group", "terrorists", "Group", "front-runner"]
