"""Tests for analysis.resources.yaml_lines (key paths to 1-based lines)."""

from __future__ import annotations

import pytest

from analysis.errors import LexiconError
from analysis.resources import read_yaml, yaml_lines


def test_yaml_lines_maps_every_key_path_to_its_line(tmp_path):
    path = tmp_path / "lex.yml"
    path.write_text(
        "# a comment\n"
        "words:\n"
        "  killed: -3.0\n"
        "  'quoted': 1\n"
        "entities:\n"
        "  - {canonical: A, label: ORG}\n"
        "  -\n"
        "    canonical: B\n"
        "    aliases: [x,\n"
        "      y]\n"
        "7: seven\n"
    )
    assert yaml_lines(path) == {
        (): 2,
        ("words",): 2,
        ("words", "killed"): 3,
        ("words", "quoted"): 4,
        ("entities",): 5,
        ("entities", 0): 6,
        ("entities", 0, "canonical"): 6,
        ("entities", 0, "label"): 6,
        ("entities", 1): 8,
        ("entities", 1, "canonical"): 8,
        ("entities", 1, "aliases"): 9,
        ("entities", 1, "aliases", 0): 9,
        ("entities", 1, "aliases", 1): 10,
        ("7",): 11,
    }


def test_yaml_lines_repeated_key_keeps_the_last_like_safe_load(tmp_path):
    path = tmp_path / "dup.yml"
    path.write_text("a:\n  b: 1\na:\n  b: 2\n")
    assert read_yaml(path) == {"a": {"b": 2}}
    assert yaml_lines(path) == {(): 1, ("a",): 3, ("a", "b"): 4}


def test_yaml_lines_survives_a_recursive_alias(tmp_path):
    path = tmp_path / "loop.yml"
    path.write_text("top: &x\n  - *x\n")
    # The item *is* the anchored list, so it reports where that list starts; no endless walk.
    assert yaml_lines(path) == {(): 1, ("top",): 1, ("top", 0): 1}


def test_yaml_lines_of_an_empty_document_is_empty(tmp_path):
    path = tmp_path / "empty.yml"
    path.write_text("# nothing here\n")
    assert yaml_lines(path) == {}


def test_yaml_lines_raises_the_same_error_as_read_yaml(tmp_path):
    path = tmp_path / "bad.yml"
    path.write_text("entities:\n  - {canonical: A, label: ORG\n")
    with pytest.raises(LexiconError) as expected:
        read_yaml(path)
    with pytest.raises(LexiconError) as info:
        yaml_lines(path)
    assert str(info.value) == str(expected.value)
    assert info.value.line == 3
    assert str(path) in str(info.value)


def test_checkout_paths_say_to_run_from_a_checkout(monkeypatch, tmp_path):
    from analysis import resources
    from analysis.errors import MissingResourceError

    assert resources.checkout_path("data", "events").is_dir()
    monkeypatch.setattr(resources, "CHECKOUT", tmp_path)
    with pytest.raises(MissingResourceError, match=r"data/events comes with a checkout of the project"):
        resources.checkout_path("data", "events")
