"""The descriptor lexicon: an editable YAML file, read with line-numbered errors."""

from __future__ import annotations

import pytest

from analysis.compare.descriptors import default_descriptors, descriptor_list, read_descriptors
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
