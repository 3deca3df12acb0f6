"""One claims row per quotation: a quote over several sentences, continued in a new paragraph, or
interrupted by its cue is one claim (sentences written for these tests, invented names)."""

from __future__ import annotations

import pandas as pd
import pytest

import analysis
from analysis import compare


def quoted(text: str) -> list[tuple[int, str, str, str]]:
    """(sentence_id, speaker, cue, content) of the attributed rows of ``text``."""
    result = analysis.analyze_text(text)
    rows = result.claims[result.claims["quote"] != "none"]
    return [(r.sentence_id, r.speaker, r.cue, text[r.content_start : r.content_end]) for r in rows.itertuples()]


def test_a_quote_of_three_sentences_with_its_cue_after_the_first_is_one_row():
    text = (
        "The river crested overnight in Harrowgate.\n\n"
        '"The levee held," Mayor Ines Corvo said. "The pumps ran all night. Nobody on Dock Street lost a home."'
    )
    result = analysis.analyze_text(text)
    rows = result.claims[result.claims["quote"] != "none"]
    assert [(r.sentence_id, r.speaker, r.cue, text[r.content_start : r.content_end]) for r in rows.itertuples()] == [
        (
            1,
            "Ines Corvo",
            "said",
            'The levee held," Mayor Ines Corvo said. "The pumps ran all night. Nobody on Dock Street lost a home',
        )
    ]
    # the sentence that holds the cue gives the row its sentence; every sentence of the quote is a claim sentence
    assert len(result.sentences) == 4
    assert result.sentences["is_claim"].tolist()[1:] == [True, True, True]
    assert result.articles["n_claims"].iloc[0] == 1  # the quotation, counted once


def test_a_quote_whose_cue_follows_takes_its_first_sentence():
    text = '"The levee held. The pumps ran all night. Nobody lost a home," Mayor Ines Corvo said on Friday.'
    assert quoted(text) == [
        (0, "Ines Corvo", "said", "The levee held. The pumps ran all night. Nobody lost a home"),
    ]


def test_a_quote_continued_in_a_new_paragraph_is_one_row_pointing_at_its_speaker():
    text = (
        'Ines Corvo, the mayor, spoke at the town hall. "The levee held. The pumps ran all night.\n\n'
        '"Nobody on Dock Street lost a home, and nobody will," she said.'
    )
    result = analysis.analyze_text(text)
    rows = result.claims[result.claims["quote"] == "direct"]
    assert len(rows) == 1
    row = rows.iloc[0]
    assert text[row["content_start"] : row["content_end"]] == (
        'The levee held. The pumps ran all night.\n\n"Nobody on Dock Street lost a home, and nobody will'
    )
    assert (row["speaker"], text[row["speaker_start"] : row["speaker_end"]]) == ("Ines Corvo", "she")
    assert row["sentence_id"] == 1  # the quote's first sentence: its cue follows


def test_a_quote_split_by_its_cue_across_sentences_is_one_quotation():
    # the writer interrupts one statement to say who makes it: one quotation, the cue inside its span
    text = "“We will win,” she said. “Nobody doubts it.”"
    assert [q[2:] for q in quoted(text)] == [("said", "We will win,” she said. “Nobody doubts it")]
    # within one sentence too, whether or not each half is a clause
    text = '"The ferry is late," said Tomas Ekvall, 52, "and the council knows why."'
    assert quoted(text) == [
        (0, "Tomas Ekvall", "said", 'The ferry is late," said Tomas Ekvall, 52, "and the council knows why'),
    ]


def test_a_new_paragraph_after_a_closed_quote_is_a_new_quotation_of_the_same_speaker():
    text = '"We will win," Corvo said.\n\n"Nobody doubts it, not even the council."'
    got = quoted(text)
    assert [(g[1], g[3]) for g in got] == [
        ("Corvo", "We will win"),
        ("Corvo", "Nobody doubts it, not even the council"),
    ]


def test_a_quote_after_an_indirect_report_keeps_its_own_row():
    text = 'Corvo said the levee had held through the night. "It was the pumps that saved Dock Street."'
    got = quoted(text)
    assert [g[3] for g in got] == ["the levee had held through the night", "It was the pumps that saved Dock Street"]


def test_a_hedge_anywhere_in_the_quotation_hedges_its_row():
    text = '"The levee held," Corvo said. "The water will reportedly fall by Monday."'
    claims = analysis.analyze_text(text).claims
    assert claims["hedged"].tolist() == [True]


def test_voice_counts_a_quotation_of_four_sentences_once():
    text = (
        'Ines Corvo spoke on Friday. "The levee held. The pumps ran all night. '
        'Nobody lost a home," she said. "We were lucky this time."\n\n'
        "The council said the repairs would cost 2 million kroner."
    )
    corpus = analysis.load_corpus(pd.DataFrame([{"text": text, "source": "Harrow Post", "title": "Flood"}]))
    result = analysis.analyze(corpus, progress=False)
    table = compare.voice(result, by="speaker")
    corvo = table[table["speaker"] == "Ines Corvo"].iloc[0]
    assert (corvo["n_claims"], corvo["n_direct"]) == (1, 1)
    assert corvo["words"] == 19  # every word of the quotation, and "she said" between its halves
    by_source = compare.voice(result).iloc[0]
    assert by_source["n_direct"] == 1


@pytest.mark.parametrize("marks", [("“", "”"), ('"', '"')])
def test_a_quote_split_by_cue_and_speaker_after_it_runs_to_the_second_half(marks):
    o, c = marks
    text = f"{o}The door was chained,{c} said Ona Pell, 27, {o}and we were banging on it for an hour.{c}"
    assert [q[3] for q in quoted(text)] == [
        f"The door was chained,{c} said Ona Pell, 27, {o}and we were banging on it for an hour"
    ]


def test_a_quoted_question_inside_a_quotation_does_not_cut_it_from_its_speaker():
    text = (
        "Sen. Tom Varga said he did not believe it.\n\n"
        "“It is not what worked. Those are distractions,” he said. “What works? Most people are upset "
        "with the country. They are not happy at all.”"
    )
    claims = analysis.analyze_text(text).claims
    quoted = claims[claims.quote == "direct"]
    assert quoted.speaker.tolist() == ["Tom Varga"]
    assert quoted.text.iloc[0].endswith("They are not happy at all")


def test_an_ellipsis_between_a_quotes_sentences_does_not_cut_it_from_its_speaker():
    text = (
        "“This is a sad day,” said Ada Velcani, head of the harbour caucus. “The mayor is a fraud. He had no "
        "proof of it. ... He would not have done that to anyone else.”"
    )
    rows = quoted(text)
    assert len(rows) == 1, rows
    assert rows[0][1] == "Ada Velcani" and rows[0][3].endswith("He would not have done that to anyone else")


def test_a_paragraph_set_apart_after_a_colon_cue_is_the_speakers_block_quote():
    text = (
        "Gov. Ed Velcani blasted the harbour plan on Monday.\n\n"
        "The governor added:\n\n"
        "It is typical of the council. It knows nothing, but the talk never stops.\n\n"
        "Voters were not convinced."
    )
    rows = quoted(text)
    block = [r for r in rows if r[2] == "added"]
    assert len(block) == 1 and block[0][3] == "It is typical of the council. It knows nothing, but the talk never stops"
    assert not [r for r in rows if r[2] == "knows"]  # a verb inside the block quote reports nothing of its own
