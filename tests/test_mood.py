"""Claims are assertions: the mood of a sentence or a claim's content (questions, conditionals,
hypotheticals), and the claim finder's hook. Sentences are written in news patterns."""

from __future__ import annotations

import pytest

from analysis.claims import ClaimFinder, mood
from analysis.text import process


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Senate voted 97-1 to pass the bill.", "assertion"),
        ("Police arrested 23.", "assertion"),  # a single short sentence stays an assertion
        ("What is clear is that Holm lost the vote.", "assertion"),  # a pseudo-cleft, not a question
        ("The loss could have spared him taxes for 18 years.", "assertion"),  # a reported possibility
        ("Is the pension fund solvent?", "question"),
        ("“How many times do we have to see this?”", "question"),  # mark inside the closing quote
        ("whether Vantel's pay gap is below 5 percent", "question"),  # embedded, after "asked"
        ("Did the mayor know about the audit", "question"),  # the content span cut the mark off
        ("If the candidate is Dana Holm, the answer is no.", "conditional"),
        ("Unless funding arrives, the clinic will close in May.", "conditional"),
        ("Should the vote fail, the bill dies.", "conditional"),
        ("Had he known, he would have resigned.", "conditional"),
        ("Turnout would have doubled without the storm.", "hypothetical"),
        ("Imagine the port without its cranes.", "hypothetical"),
    ],
)
def test_mood(text, expected):
    assert mood(text) == expected


def test_the_finder_keeps_assertions_and_drops_questions():
    doc = process(
        "Vantel closes plant\n\nVantel closed its Korsa plant on Monday. Whether Vantel will close more plants is "
        "an open question. Will Vantel close more plants? Police arrested 23 people."
    )
    rows = ClaimFinder().find(doc, [])
    claimed = [doc.text[r["content_start"] : r["content_end"]] for r in rows]
    # the embedded question has no question mark; a single short sentence stays a claim
    assert claimed == ["Vantel closed its Korsa plant on Monday", "Police arrested 23 people"]
