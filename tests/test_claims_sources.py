"""Who said it: speaker spans for every attribution, sources that are not people, cues beyond speech.

Every sentence here is written for the tests, in the patterns of wire and newspaper
copy, about invented people and places.
"""

from __future__ import annotations

import pytest

from analysis.claims import ClaimFinder
from analysis.text import process


@pytest.fixture(scope="module")
def finder() -> ClaimFinder:
    return ClaimFinder()


def rows_of(finder: ClaimFinder, text: str, entities: list[dict] | None = None) -> list[dict]:
    doc = process(text)
    return [
        dict(r, speaker_words=_span(doc.text, r), content=_content(doc.text, r))
        for r in finder.find(doc, entities or [])
    ]


def _span(text: str, r: dict) -> str:
    return text[r["speaker_start"] : r["speaker_end"]] if r["speaker_start"] >= 0 else ""


def _content(text: str, r: dict) -> str:
    return text[r["content_start"] : r["content_end"]]


def person(text: str, name: str, canonical: str | None = None, *, nth: int = 0) -> dict:
    start = -1
    for _ in range(nth + 1):
        start = text.index(name, start + 1)
    return {"start": start, "end": start + len(name), "text": name, "canonical": canonical or name, "label": "PERSON"}


CONTINUED = (
    'Halvard Onsrud, the harbour master, spoke after the vote. "We were never asked. '
    'Nobody from the council came down to the docks," Onsrud said. "They will regret it."\n\n'
    '"The fishermen have been here for two hundred years."\n\n'
    "He said the port would appeal, adding that the ruling ignored the tide tables."
)


def test_every_attributed_claim_with_a_named_source_has_a_speaker_span(finder):
    ents = [person(CONTINUED, "Halvard Onsrud"), person(CONTINUED, "Onsrud", "Halvard Onsrud", nth=1)]
    rows = [r for r in rows_of(finder, CONTINUED, ents) if r["quote"] != "none"]
    assert len(rows) >= 5
    for r in rows:
        assert r["speaker"] == "Halvard Onsrud", r["content"]
        assert r["speaker_start"] >= 0 and r["speaker_words"] == r["speaker_text"], r["content"]
    by_content = {r["content"]: r["speaker_words"] for r in rows}
    # the quote's first sentence and the bare quote in the next paragraph point at the attribution they continue
    assert by_content["We were never asked"] == "Onsrud"
    assert by_content["The fishermen have been here for two hundred years"] == "Onsrud"
    assert by_content["the ruling ignored the tide tables"] == "He"


def test_a_report_in_the_passive_names_no_source(finder):
    rows = rows_of(finder, "It was reported that the ferry to Kallvik had been cancelled for the winter.")
    assert [(r["speaker"], r["speaker_start"], r["quote"]) for r in rows] == [("", -1, "indirect")]
