"""Headlines that attribute: "X: Y", "X Says Y", "Y, X Says" (analysis.claims.headlines).

Sentences written for these tests (invented names in the shapes headline writers use).
"""

from __future__ import annotations

import pytest

from analysis.claims import ClaimFinder
from analysis.text import process


@pytest.fixture(scope="module")
def finder() -> ClaimFinder:
    return ClaimFinder()


def _name(text: str, name: str, label: str = "PERSON") -> dict:
    start = text.index(name)
    return {"start": start, "end": start + len(name), "text": name, "canonical": name, "label": label}


def headline_rows(finder: ClaimFinder, headline: str, body: str, names: list[str]) -> list[tuple]:
    text = f"{headline}\n\n{body}"
    doc = process(text)
    rows = finder.find(doc, [_name(text, n) for n in names])
    return [
        (r["speaker"], text[r["speaker_start"] : r["speaker_end"]], r["cue"], r["text"], r["quote"])
        for r in rows
        if r["sentence_id"] == 0
    ]


BODY = "Mayor Dana Holt said on Monday that the bridge would reopen in May."


@pytest.mark.parametrize(
    ("headline", "expected"),
    [
        ("Holt: Bridge Will Reopen in May", [("Holt", "Holt", ":", "Bridge Will Reopen in May", "indirect")]),
        ("Holt: 'The Bridge Will Reopen in May'", [("Holt", "Holt", ":", "The Bridge Will Reopen in May", "direct")]),
        ("Holt Says Bridge Will Reopen in May", [("Holt", "Holt", "Says", "Bridge Will Reopen in May", "indirect")]),
        ("Bridge Will Reopen in May, Holt Says", [("Holt", "Holt", "Says", "Bridge Will Reopen in May", "indirect")]),
        (
            "Poll: Holt Leads Race for Mayor by Nine",
            [("Poll", "Poll", ":", "Holt Leads Race for Mayor by Nine", "indirect")],
        ),
        # signed after a dash, as wire services title a statement
        ("Bridge Will Reopen in May - Holt", [("Holt", "Holt", "-", "Bridge Will Reopen in May", "indirect")]),
    ],
)
def test_a_headline_that_attributes_is_a_claim(finder, headline, expected):
    rows = headline_rows(finder, headline, BODY, ["Holt"])
    assert rows == expected  # the resolved speaker too, not only its words


@pytest.mark.parametrize(
    "headline",
    [
        "Stealth Over Holt: Bridge Was Never Safe",  # a label before the colon, not a source
        "The Latest: Holt urges drivers to take the ferry",
        "BRIDGE SHUT: Holt orders repairs after cracks found",  # capitals: a label
        "Holt Opens New Bridge in May",  # no reporting verb
        "Holt: Why Now?",  # a question, and too short
        "Holt Opens New Bridge - Photos",  # a page label after the dash, not a name
    ],
)
def test_a_headline_that_does_not_attribute_is_no_claim(finder, headline):
    assert headline_rows(finder, headline, BODY, ["Holt"]) == []


def test_the_seed_articles_headline_is_signed_by_the_general_staff():
    # the user's example: "... in Syria - Gen. Staff"; the debris (the title printed again) stays out
    from pathlib import Path

    from analysis import analyze_text

    seed = Path(__file__).resolve().parents[1] / "data" / "seed" / "syria-isis-defeat-2017-seed.md"
    result = analyze_text(seed.read_text(encoding="utf-8").split("---", 2)[2].lstrip("\n"))
    kinds = result.sentences.set_index("sentence_id")["kind"]
    claims = result.claims.assign(kind=result.claims["sentence_id"].map(kinds))
    headline = claims[claims["kind"] == "headline"]
    assert headline[["speaker", "cue", "text"]].values.tolist() == [
        ["Russian General Staff", "-", "Russian Armed Forces Complete Mission to Destroy Daesh in Syria"]
    ]
    assert set(claims["kind"]) == {"headline", "body"}
