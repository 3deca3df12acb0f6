"""Every lexicon a user may pass follows one rule: added to ours, ``inherit: false`` replaces, errors name the line.

One case per loader: a user file adds an entry (and the packaged entries stay),
the same file with ``inherit: false`` holds only the user's entry, and a
malformed entry on line 3 of the user's file is reported at line 3 of that file.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pytest

from analysis.claims import load_claim_lexicon
from analysis.compare.alignment import load_lexicon as load_alignment_lexicon
from analysis.compare.descriptors import descriptor_list
from analysis.entities.aliases import load_aliases
from analysis.errors import LexiconError
from analysis.numbers import load_lexicon as load_number_lexicon
from analysis.resources import Layer, load_layers, merge_layers, read_layer
from analysis.sentiment import load_tone_lexicon
from analysis.sentiment.target import load_target_rules


@dataclass(frozen=True)
class Case:
    """One loader: a user file adding ``added``, how to see an entry, a packaged entry that must stay."""

    name: str
    load: Callable
    user: str  # YAML adding one entry
    has: Callable[[object, str], bool]
    added: str
    packaged: str
    bad: str  # YAML whose line 3 is malformed


CASES = [
    Case(
        "claims",
        load_claim_lexicon,
        "cues:\n  - harrumphed\n",
        lambda lex, w: w in lex.phrases("cues"),
        "harrumphed",
        "said",
        "cues:\n  - harrumphed\n  - 12\n",
    ),
    Case(
        "numbers",
        load_number_lexicon,
        "qualifiers:\n  approximate: [give or take]\nunits:\n  furlongs: furlongs\n",
        lambda lex, w: (w,) in lex.units,
        "furlongs",
        "%",
        "units:\n  furlongs: furlongs\nvague:\n  oodles: many\n",
    ),
    Case(
        "tone",
        load_tone_lexicon,
        "words:\n  flibbery: -2.0\n",
        lambda lex, w: w in lex.words,
        "flibbery",
        "casualties",
        "words:\n  flibbery: -2.0\n  grumbly: 9.0\n",
    ),
    Case(
        "target tone rules",
        load_target_rules,
        "directed:\n  hugged: 0.5\n",
        lambda rules, w: w in rules.directed,
        "hugged",
        "praised",
        "directed:\n  hugged: 0.5\n  pinched: lots\n",
    ),
    Case(
        "alignment",
        load_alignment_lexicon,
        "concepts:\n  squabble: [squabble, spat]\n",
        lambda lex, w: w in lex.concepts,
        "squabble",
        "death",
        "concepts:\n  squabble: [squabble, spat]\n  empty: []\n",
    ),
    Case(
        "descriptors",
        descriptor_list,
        "descriptors:\n  mine: [firebrands]\n",
        lambda words, w: w in words,
        "firebrands",
        "regime",
        "descriptors:\n  mine:\n    - 7\n",
    ),
    Case(
        "aliases",
        load_aliases,
        "entities:\n  - canonical: Zorvan Pell\n    aliases: [Z. Pell]\n",
        lambda lex, w: lex.rename(w) is not None or lex.lookup(w) is not None,
        "Z. Pell",
        "ISIL",
        "entities:\n  - canonical: Zorvan Pell\n  - just a name\n",
    ),
]


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_a_user_file_is_added_to_the_packaged_lexicon(case: Case, tmp_path) -> None:
    path = tmp_path / "mine.yml"
    path.write_text(case.user, encoding="utf-8")
    default, mine = case.load(), case.load(path)
    assert not case.has(default, case.added)
    assert case.has(mine, case.added) and case.has(mine, case.packaged)


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_inherit_false_makes_the_user_file_the_whole_lexicon(case: Case, tmp_path) -> None:
    path = tmp_path / "only.yml"
    path.write_text("inherit: false\n" + case.user, encoding="utf-8")
    only = case.load(path)
    assert case.has(only, case.added)
    if case.name != "tone":  # tone keeps VADER's word list beneath (not a file of ours)
        assert not case.has(only, case.packaged)


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_an_error_names_the_user_file_and_line(case: Case, tmp_path) -> None:
    path = tmp_path / "bad.yml"
    path.write_text(case.bad, encoding="utf-8")
    with pytest.raises(LexiconError) as info:
        case.load(path)
    assert info.value.path == str(path) and info.value.line == 3


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_a_missing_user_file_says_so(case: Case, tmp_path) -> None:
    with pytest.raises(FileNotFoundError, match=r"does not exist|not found"):
        case.load(tmp_path / "absent.yml")


def test_merge_rule_lists_extend_mappings_merge_values_are_replaced() -> None:
    ours = Layer("ours", {"cues": ["said"], "units": {"%": "percent", "pct": "pc"}, "weight": 1})
    yours = Layer("yours", {"cues": ["said", "quipped"], "units": {"pct": "percent"}, "weight": 2})
    assert merge_layers([ours, yours]) == {
        "cues": ["said", "quipped"],
        "units": {"%": "percent", "pct": "percent"},
        "weight": 2,
    }
    assert merge_layers([ours, Layer("yours", {"cues": ["quipped"]}, inherit=False)]) == {"cues": ["quipped"]}


def test_merged_documents_do_not_share_the_cached_packaged_lists() -> None:
    merged = merge_layers(load_layers("claims.yml"))
    merged["cues"].append("zzz-not-a-cue")
    assert "zzz-not-a-cue" not in merge_layers(load_layers("claims.yml"))["cues"]


def test_inherit_must_be_true_or_false(tmp_path) -> None:
    path = tmp_path / "x.yml"
    path.write_text("cues: [said]\ninherit: sometimes\n", encoding="utf-8")
    with pytest.raises(LexiconError) as info:
        read_layer(path)
    assert info.value.line == 2 and "true or false" in str(info.value)


def test_a_document_that_is_not_a_mapping_is_refused(tmp_path) -> None:
    path = tmp_path / "x.yml"
    path.write_text("- said\n- told\n", encoding="utf-8")
    with pytest.raises(LexiconError, match="is a mapping"):
        read_layer(path, kind="claims lexicon")
    assert read_layer(path, list_key="entities").data == {"entities": ["said", "told"]}
