"""Claim alignment on how news writes one fact twice: clauses, nested reports, quotes over several
sentences, figures written differently and verbs that deny (sentences written for these tests)."""

from __future__ import annotations

import pandas as pd
import pytest

import analysis.compare.alignment as alignment
from analysis.compare import claim_alignment, number_disagreements
from analysis.compare.alignment import candidate_pairs
from analysis.compare.propositions import polarity
from analysis.result import Analysis

ENT_COLS = ["article_id", "sentence_id", "start", "end", "text", "canonical", "label"]
NUM_COLS = ["article_id", "sentence_id", "start", "end", "text", "value", "value_high", "unit", "qualifier"]


def _build(articles: list[dict]) -> Analysis:
    """Articles of one or more sentences. Each: id, source, sentences (list of str, joined by one space),
    claims [(content, speaker)] (content: a substring of the text, possibly spanning sentences; speaker ""
    for the outlet's own voice), numbers [(surface, value, unit, qualifier)], entities [(surface, canonical)]."""
    arts, sents, ents, claims, nums, texts = [], [], [], [], [], {}
    for art in articles:
        a = art["id"]
        text = " ".join(art["sentences"])
        texts[a] = text
        arts.append({"article_id": a, "source": art["source"], "event": "e", "title": "", "published": pd.NaT})
        bounds, at = [], 0
        for i, s in enumerate(art["sentences"]):
            bounds.append((at, at + len(s)))
            sents.append({"article_id": a, "sentence_id": i, "start": at, "end": at + len(s), "text": s,
                          "kind": "body", "is_debris": False, "n_words": len(s.split()), "tone": 0.0,
                          "is_claim": True})  # fmt: skip
            at += len(s) + 1

        def sentence_of(pos: int, bounds: list = bounds) -> int:
            return next(i for i, (s, e) in enumerate(bounds) if s <= pos < e)

        for content, speaker in art.get("claims", [(art["sentences"][0], "")]):
            cs = text.index(content)
            claims.append({"article_id": a, "sentence_id": sentence_of(cs), "text": text, "speaker": speaker,
                           "speaker_type": "person" if speaker else "outlet", "cue": "said" if speaker else "",
                           "content_start": cs, "content_end": cs + len(content),
                           "quote": "indirect" if speaker else "none", "hedged": False, "boosted": False})  # fmt: skip
        for surface, canonical in art.get("entities", []):
            s = text.index(surface)
            ents.append({"article_id": a, "sentence_id": sentence_of(s), "start": s, "end": s + len(surface),
                         "text": surface, "canonical": canonical, "label": "PERSON"})  # fmt: skip
        for surface, value, unit, qualifier in art.get("numbers", []):
            s = text.index(surface)
            nums.append({"article_id": a, "sentence_id": sentence_of(s), "start": s, "end": s + len(surface),
                         "text": surface, "value": float(value), "value_high": float("nan"), "unit": unit,
                         "qualifier": qualifier})  # fmt: skip
    tables = {
        "articles": pd.DataFrame(arts),
        "sentences": pd.DataFrame(sents),
        "entities": pd.DataFrame(ents, columns=ENT_COLS),
        "claims": pd.DataFrame(claims),
        "numbers": pd.DataFrame(nums, columns=NUM_COLS),
    }
    return Analysis(tables, texts)


def _groups_of(table: pd.DataFrame) -> dict[str, set[int]]:
    """Each article's claim groups (multi-article groups only)."""
    multi = table[table["n_sources"] >= 2]
    out: dict[str, set[int]] = {}
    for group, evidence in zip(multi["claim_group"], multi["evidence"], strict=True):
        for article, _ in evidence:
            out.setdefault(article, set()).add(int(group))
    return out


VARN = [("Varn", "Osric Varn")]

LOSS = "Varn claimed a loss of $9 million in 1995"
YEARS = "which could have let him avoid paying income taxes for 18 years"


def test_a_sentence_stating_two_shared_facts_joins_both_groups():
    both = {
        "id": "a",
        "source": "A",
        "sentences": [f"The Courier wrote that {LOSS}, {YEARS}."],
        "claims": [(LOSS, "Courier")],
        "entities": VARN,
        "numbers": [("$9 million", 9e6, "dollars", "exact"), ("18 years", 18, "years", "exact")],
    }
    loss = {
        "id": "b",
        "source": "B",
        "sentences": ["Filings show Varn claimed a loss of $9 million in 1995."],
        "entities": VARN,
        "numbers": [("$9 million", 9e6, "dollars", "exact")],
    }
    years = {"id": "c", "source": "C",
             "sentences": ["The loss may have let Varn avoid paying income taxes for 18 years, analysts say."],
             "claims": [("The loss may have let Varn avoid paying income taxes for 18 years", "")],
             "entities": VARN, "numbers": [("18 years", 18, "years", "exact")]}  # fmt: skip
    groups = _groups_of(claim_alignment(_build([both, loss, years])))
    assert len(groups["a"]) == 2  # the loss and the years without tax
    assert groups["b"] != groups["c"] and groups["b"] | groups["c"] == groups["a"]


def test_without_clauses_the_two_facts_share_one_group_or_none(monkeypatch):
    """The rule above can fail: read whole, the sentence is in one group at most."""
    monkeypatch.setattr(alignment, "_pieces", lambda content, tail: [])
    test = test_a_sentence_stating_two_shared_facts_joins_both_groups
    with pytest.raises((AssertionError, KeyError)):
        test()


def test_a_clause_matched_below_the_clause_floor_does_not_join():
    """A clause shares a word or two with many sentences: alone it must score CLAUSE_THRESHOLD."""
    long = {"id": "a", "source": "A",
            "sentences": ["The harbour board met on Monday, while ferry crews in Lessport voted to strike over pay."],
            "entities": [("Lessport", "Lessport")]}  # fmt: skip
    other = {"id": "b", "source": "B", "sentences": ["Bus crews voted to strike over the new rota."]}
    assert not _groups_of(claim_alignment(_build([long, other])))


def test_a_nested_report_aligns_with_its_outer_claim():
    nested = {"id": "a", "source": "A", "sentences": ["The Courier wrote that Varn had claimed a loss of $9 million."],
              "claims": [("Varn had claimed a loss of $9 million", "Courier"), ("a loss of $9 million", "Osric Varn")],
              "entities": VARN, "numbers": [("$9 million", 9e6, "dollars", "exact")]}  # fmt: skip
    same = {"id": "b", "source": "B", "sentences": ["Varn claimed a loss of $9 million, filings show."],
            "claims": [("Varn claimed a loss of $9 million", "filings")], "entities": VARN,
            "numbers": [("$9 million", 9e6, "dollars", "exact")]}  # fmt: skip
    table = claim_alignment(_build([nested, same]))
    multi = table[table["n_sources"] == 2]
    assert multi["claim_group"].nunique() == 1
    assert set(multi.loc[multi["source"] == "A", "speakers"].iloc[0].split("; ")) == {"Courier", "Osric Varn"}
    assert alignment._nested_in(
        pd.DataFrame({"article_id": ["a", "a", "a"], "sentence_id": [0, 0, 1], "cs": [5, 20, 5], "ce": [40, 38, 40]})
    ).tolist() == [0, 0, 2]


def test_a_quote_of_several_sentences_in_one_claim_row_aligns_by_its_sentences():
    quote = ("Fares will double by spring. The ferry board approved the plan on Monday, with 7 votes to 2. "
             "We regret it.")  # fmt: skip
    a = {"id": "a", "source": "A",
         "sentences": ["Lina Osk spoke to reporters.", "Fares will double by spring.",
                       "The ferry board approved the plan on Monday, with 7 votes to 2.", "We regret it."],
         "claims": [(quote, "Lina Osk")], "numbers": [("7 votes", 7, "votes", "exact")]}  # fmt: skip
    b = {
        "id": "b",
        "source": "B",
        "sentences": ["The ferry board approved the fare plan with 7 votes."],
        "numbers": [("7 votes", 7, "votes", "exact")],
    }
    table = claim_alignment(_build([a, b]))
    multi = table[table["n_sources"] == 2]
    assert len(multi) == 2
    evidence = multi.loc[multi["source"] == "A", "evidence"].iloc[0]
    assert evidence == (("a", 2),)  # the sentence of the quote that states it, not the quote's first
    # the figure of the quote's third sentence is read as the quote's
    rows = alignment._inside(
        pd.DataFrame({"article_id": ["a"], "sentence_id": [1], "cs": [29], "ce": [29 + len(quote)], "se": [57]}),
        _build([a]).numbers, ["text"],
    )  # fmt: skip
    assert rows[["sentence_id", "text"]].values.tolist() == [[2, "7 votes"]]
    # ... also when the row names the quote's last sentence (where its cue is)
    rows = alignment._inside(
        pd.DataFrame({"article_id": ["a"], "sentence_id": [3], "cs": [29], "ce": [29 + len(quote)], "ss": [122],
                      "se": [135]}),
        _build([a]).numbers, ["text"],
    )  # fmt: skip
    assert rows[["sentence_id", "text"]].values.tolist() == [[2, "7 votes"]]


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (("more than $915 million", 915e6, "at least"), ("$916 million", 916e6, "exact")),
        (("nearly $1 billion", 1e9, "approximate"), ("$916 million", 916e6, "exact")),
    ],
)
def test_figures_that_agree_count_as_one_value(a, b, monkeypatch):
    def rows():
        return [
            {"id": "a", "source": "A", "sentences": [f"Varn's company reported a loss of {a[0]} for the year."],
             "entities": VARN, "numbers": [(a[0], a[1], "dollars", a[2])]},
            {"id": "b", "source": "B", "sentences": [f"Filings put the loss at {b[0]}, Varn's records show."],
             "claims": [(f"Filings put the loss at {b[0]}", "")], "entities": VARN,
             "numbers": [(b[0], b[1], "dollars", b[2])]},
        ]  # fmt: skip

    pairs = candidate_pairs(_build(rows()))
    assert (pairs["n_value"] == 1).all()
    assert _groups_of(claim_alignment(_build(rows())))
    # a figure the other's interval cannot hold is not one value
    far = rows()
    far[1]["sentences"] = ["Filings put the loss at $415 million, Varn's records show."]
    far[1]["claims"] = [("Filings put the loss at $415 million", "")]
    far[1]["numbers"] = [("$415 million", 415e6, "dollars", "exact")]
    assert (candidate_pairs(_build(far))["n_value"] == 0).all()
    monkeypatch.setattr(alignment, "_agreeing_figures", lambda sims, weights, figures: sims)
    assert (candidate_pairs(_build(rows()))["n_value"] == 0).all()


def _tax_years(first: tuple, second: tuple) -> pd.DataFrame:
    return number_disagreements(_build([
        {"id": "a", "source": "A", "sentences": [f"Varn paid no income tax for {first[0]}."], "entities": VARN,
         "numbers": [first]},
        {"id": "b", "source": "B", "sentences": [f"Varn paid no income tax for {second[0]}."], "entities": VARN,
         "numbers": [second]},
    ]))  # fmt: skip


def test_decades_are_compared_as_years():
    assert _tax_years(("nearly two decades", 2, "decades", "approximate"), ("18 years", 18, "years", "exact")).empty
    found = _tax_years(("two decades", 2, "decades", "exact"), ("35 years", 35, "years", "exact"))
    assert found[["value_a", "value_b"]].values.tolist() == [[20.0, 35.0]]
    assert found["unit"].iloc[0] == "year"


def test_decades_without_the_scale_are_another_unit(monkeypatch):
    monkeypatch.setattr(alignment.AlignmentLexicon, "scale_of_unit", lambda self: {})
    assert _tax_years(("two decades", 2, "decades", "exact"), ("35 years", 35, "years", "exact")).empty


@pytest.mark.parametrize(
    "text",
    ["Varn avoided paying his harbour fees.", "Varn refused to pay his harbour fees.",
     "Varn failed to pay his harbour fees."],
)  # fmt: skip
def test_a_verb_that_denies_the_next_verb_makes_the_claim_deny(text):
    denied = {"id": "a", "source": "A", "sentences": [text], "entities": VARN}
    paid = {"id": "b", "source": "B", "sentences": ["Varn paid his harbour fees."], "entities": VARN}
    unpaid = {"id": "c", "source": "C", "sentences": ["Varn did not pay his harbour fees."], "entities": VARN}
    assert not _groups_of(claim_alignment(_build([denied, paid])))
    assert _groups_of(claim_alignment(_build([denied, unpaid])))


def test_negators_come_from_the_lexicon_and_need_a_verb_after_them():
    assert polarity("Varn avoided the press after the vote.", ["avoid"]) == "positive"
    assert polarity("Varn avoided answering the press.", ["avoid"]) == "negative"
    assert polarity("Varn avoided answering the press.") == "positive"  # no lexicon given
    assert "avoid" in alignment.load_lexicon().negator_words()


def test_the_clause_that_matches_carries_the_modality():
    """'You pay your fees' is not 'traders ... should pay their fees', however long the second sentence."""
    plain = {"id": "a", "source": "A", "sentences": ["Every trader in Lessport pays the harbour fees."]}
    should = {"id": "b", "source": "B",
              "sentences": ["No doubt, the ferry companies -- and frankly every trader in Lessport -- should pay "
                            "the harbour fees."]}  # fmt: skip
    assert not _groups_of(claim_alignment(_build([plain, should])))


def test_lexicon_scales_must_name_a_multiple(tmp_path):
    from analysis.errors import LexiconError

    bad = tmp_path / "mine.yml"
    bad.write_text("unit_scales:\n  years: [decade]\n", encoding="utf-8")
    with pytest.raises(LexiconError, match=r"mine\.yml, line 2.*10 years"):
        alignment.load_lexicon(bad)
    good = tmp_path / "good.yml"
    good.write_text("unit_scales:\n  7 days: [week, weeks]\n", encoding="utf-8")
    assert alignment.load_lexicon(good).scale_of_unit()["weeks"] == (7.0, "days")


def test_a_light_verb_is_not_what_two_claims_share():
    """'want' says nothing of what is asserted: the words after it do."""
    a = {"id": "a", "source": "A", "sentences": ["Harbour residents want answers about the ferry contract."]}
    b = {"id": "b", "source": "B", "sentences": ["Dock workers want a new ferry contract by spring."]}
    pairs = candidate_pairs(_build([a, b]))
    assert "want" not in set(", ".join(pairs["shared"]).split(", "))
    light = alignment.load_lexicon().light_stems()
    assert {alignment.stem(alignment.base_form(w)) for w in ("want", "knew", "thought")} <= light
    assert not _groups_of(claim_alignment(_build([a, b])))
