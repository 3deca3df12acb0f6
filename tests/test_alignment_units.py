"""What the aligner compares, on how news writes one fact: the sentences of a quotation, the quoted words
only, closed-class words, and a sentence that states two shared facts in one clause (sentences written
for these tests)."""

from __future__ import annotations

import itertools

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st
from test_alignment_clauses import VARN, _build, _groups_of

import analysis.compare.alignment as alignment
from analysis.compare import claim_alignment
from analysis.compare.propositions import FUNCTION_WORDS

FERRY = [("Brennick", "Brennick")]
SPEECH = [
    "We will close the Brennick ferry line before the winter storms.",
    "Our crews are exhausted after a long summer of double shifts.",
    "The harbour board has no money left for new boats or for engine repairs.",
    "Passengers deserve better than rusting decks and cancelled crossings.",
]


def _speech_and_report() -> list[dict]:
    """A quotation of four sentences (one claims row) and another outlet's one-sentence report of its first."""
    quote = {"id": "a", "source": "A", "entities": FERRY,
             "sentences": ["Lina Osk spoke on Monday.", "“" + SPEECH[0], *SPEECH[1:-1], SPEECH[-1] + "”"],
             "claims": [(" ".join(SPEECH), "Lina Osk")]}  # fmt: skip
    report = {"id": "b", "source": "B", "entities": FERRY,
              "sentences": ["The Brennick ferry line will shut before the storms, a spokesman said."],
              "claims": [("The Brennick ferry line will shut before the storms", "a spokesman")]}  # fmt: skip
    return [quote, report]


def test_a_sentence_of_a_quotation_meets_a_one_sentence_report():
    """Each sentence of a quotation of several sentences is compared as a one-sentence claim is (from
    THRESHOLD, not from the clause floor), and the quotation is in the group by that sentence."""
    table = claim_alignment(_build(_speech_and_report()))
    multi = table[table["n_sources"] == 2]
    assert multi["claim_group"].nunique() == 1
    assert multi.loc[multi["source"] == "A", "evidence"].iloc[0] == (("a", 1),)


def test_without_sentence_units_the_quotation_is_matched_whole_only(monkeypatch):
    """The rule above can fail: read whole, the four sentences dilute the one the report states."""
    monkeypatch.setattr(alignment, "_sentence_spans", lambda cs, ce, starts, quoted: [])
    assert not _groups_of(claim_alignment(_build(_speech_and_report())))


def _pieces(articles: list[dict], direct: bool = True) -> list[str]:
    analysis = _build(articles)
    if direct:
        analysis.claims["quote"] = "direct"
    prep = alignment._prepare(analysis, None, None)
    return prep.pieces.loc[~prep.pieces["whole"], "content"].astype(str).tolist()


def test_a_quotation_sentence_is_its_quoted_words_and_a_short_one_is_not_compared_alone():
    first = "“We will close the Brennick ferry line before the winter storms,” said Lina Osk, the harbour director."
    second = "“You work hard.”"
    third = "“Our crews are exhausted after a long summer of double shifts.”"
    content = first[1:] + " " + second + " " + third[:-1]
    quote = {"id": "a", "source": "A", "sentences": [first, second, third], "claims": [(content, "Lina Osk")]}
    pieces = _pieces([quote])
    assert "We will close the Brennick ferry line before the winter storms," in pieces
    assert not any("Lina Osk" in p for p in pieces)  # the reporter's attribution is not the speaker's claim
    assert not any("work hard" in p for p in pieces)  # under CLAUSE_WORDS words: rhetoric, not a claim
    # an indirect report over two sentences has no quotation marks to follow: each sentence is read whole
    assert any("said Lina Osk" in p for p in _pieces([quote], direct=False))


def test_closed_class_words_are_not_what_two_claims_share(monkeypatch):
    a = {"id": "a", "source": "A", "sentences": ["Perhaps the ferry has been late ever since."]}
    b = {"id": "b", "source": "B", "sentences": ["Perhaps the museum has been quiet ever since."]}
    assert {"since", "perhaps", "ever"} <= FUNCTION_WORDS
    assert not _groups_of(claim_alignment(_build([a, b])))
    monkeypatch.setattr(alignment, "FUNCTION_WORDS", frozenset())
    assert _groups_of(claim_alignment(_build([a, b])))  # without the rule they would be one claim


D9 = ("$9 million", 9e6, "dollars", "exact")
Y18 = ("18 years", 18, "years", "exact")
BOTH = "Filings show Varn took a $9 million loss that let him avoid paying income taxes for 18 years."
TAXES = ["Varn may have paid no income taxes for 18 years.",
         "For 18 years, Varn may have paid no federal income taxes, the records suggest."]  # fmt: skip


def _one_sentence(i: str, text: str, numbers: list) -> dict:
    return {"id": i, "source": i.upper(), "sentences": [text], "entities": VARN, "numbers": numbers}


@pytest.mark.parametrize(
    ("loss", "joins"),
    [
        (["Varn took a $9 million loss on his hotels.", "Varn took a $9 million loss in the casino business."], True),
        # one close restatement and one loose one: a mean under the clause floor, though over THRESHOLD
        (["Varn took a $9 million loss on his hotels.",
          "The casino business of Varn ended the quarter with a $9 million loss on hotels, his bankers said."],
         False),
    ],
)  # fmt: skip
def test_a_sentence_stating_two_facts_in_one_clause_joins_both_groups(loss, joins, monkeypatch):
    """No comma cuts 'a loss that let him avoid taxes': the sentence joins the second group when its mean
    similarity with that group's members reaches CLAUSE_THRESHOLD."""
    articles = [_one_sentence("a", BOTH, [D9, Y18]), _one_sentence("b", loss[0], [D9]),
                _one_sentence("c", loss[1], [D9]), _one_sentence("d", TAXES[0], [Y18]),
                _one_sentence("e", TAXES[1], [Y18])]  # fmt: skip
    groups = _groups_of(claim_alignment(_build(articles)))
    assert groups["b"] == groups["c"] and groups["d"] == groups["e"] and groups["b"] != groups["d"]
    assert groups["a"] == (groups["b"] | groups["d"] if joins else groups["d"])
    # without second groups the sentence is in one group only
    monkeypatch.setattr(
        alignment, "_second_homes", lambda g, e, t: e.iloc[0:0][["a", "b"]].set_axis(["unit", "group"], axis=1)
    )
    assert len(_groups_of(claim_alignment(_build(articles)))["a"]) == 1


@given(
    cuts=st.lists(st.integers(1, 199), max_size=8, unique=True),
    quotes=st.lists(st.tuples(st.integers(0, 199), st.integers(1, 60)), max_size=4),
)
def test_sentence_spans_lie_in_one_sentence_inside_the_content_and_the_quotes(cuts, quotes):
    cs, ce = 0, 200
    starts = sorted(cuts)
    marks = [(a, min(a + w, 200)) for a, w in quotes]
    for quoted in (None, marks):
        spans = alignment._sentence_spans(cs, ce, starts, quoted)
        bounds = [cs, *starts, ce]
        for a, b in spans:
            assert cs <= a < b <= ce
            assert any(x <= a and b <= y for x, y in itertools.pairwise(bounds))
            if quoted is not None:
                assert any(x <= a and b <= y for x, y in quoted)
        if quoted is None:
            assert spans == [(x, y) for x, y in itertools.pairwise(bounds) if y > x]


def test_a_second_group_is_never_looser_than_the_grouping_threshold():
    edges = pd.DataFrame({"a": [0, 0], "b": [2, 3], "sim": [0.45, 0.45]})
    groups = np.array([0, 0, 2, 2])  # unit 0 (with 1) matches both members of group 2
    assert alignment._second_homes(groups, edges, 0.225).values.tolist() == [[0, 2]]
    assert alignment._second_homes(groups, edges, 0.5).empty


def test_a_quote_continued_in_a_new_paragraph_keeps_both_paragraphs_quoted_words():
    """The quote marks are paired paragraph by paragraph, as the claims stage pairs them."""
    import analysis

    text = (
        "Ada Velcani, the harbour director, spoke on Monday.\n\n"
        '"We will close the ferry line by March.\n\n'
        '"Our crews are tired, and the boats are old," she added.'
    )
    result = analysis.analyze_text(text)
    claims = result.claims.assign(cs=result.claims["content_start"], ce=result.claims["content_end"])
    quoted = alignment._quoted_spans(result, claims)["quoted"]
    spans = [span for row in quoted if row for span in row]
    words = " ".join(text[a:b] for a, b in spans)
    assert "We will close the ferry line" in words and "Our crews are tired" in words, spans
