"""Tone toward each mention (analysis.sentiment.target), compare.tone(by=entity|voice), NewsMTSC scoring.

The sentences are ours, with invented names, written in the patterns of news
reporting: agent and patient, the speaker of a quote and its target,
negation, contrast, labels attached to a name.
"""

from __future__ import annotations

import dataclasses
import json
import math
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis import compare
from analysis.errors import LexiconError
from analysis.evaluation import sentiment as evaluation
from analysis.result import Analysis
from analysis.sentiment import load_target_rules, mention_tones, score_mentions

NEWSMTSC = Path(__file__).resolve().parents[2] / "shared" / "datasets" / "newsmtsc" / "train.jsonl"


def tones(text: str, *names: str) -> list[float]:
    """Tone toward the first occurrence of each name, rounded to 3 places."""
    spans = [(text.index(name), text.index(name) + len(name)) for name in names]
    return [round(value, 3) for value in mention_tones(text, spans)]


# --------------------------------------------------------------------------- golden sentences


def test_agent_and_patient_of_a_directed_verb():
    # praise and blame land on the object; the subject keeps a small share
    assert tones("Senator Hala Dorrin praised Mayor Iver Kast.", "Hala Dorrin", "Iver Kast") == [0.079, 0.24]
    assert tones("Senator Hala Dorrin condemned Mayor Iver Kast.", "Hala Dorrin", "Iver Kast") == [-0.091, -0.393]
    # the passive turns it around: the patient comes first, the agent after "by"
    assert tones("Mayor Iver Kast was condemned by Senator Hala Dorrin.", "Iver Kast", "Hala Dorrin") == [
        -0.393,
        -0.079,
    ]
    assert tones("Police arrested Iver Kast on Monday.", "Police", "Iver Kast") == [-0.051, -0.451]


def test_quoted_speaker_versus_quoted_target():
    # what Dorrin says is her stance (negative words: weight 0.1), about Kast (full weight)
    assert tones('"Iver Kast is a liar and a coward," Hala Dorrin said.', "Iver Kast", "Hala Dorrin") == [
        -0.635,
        -0.041,
    ]
    # reported speech: "said" makes Dorrin the speaker, Kast the one spoken of
    assert tones("Hala Dorrin said Iver Kast was a liar.", "Hala Dorrin", "Iver Kast") == [-0.039, -0.434]
    # "..., according to X" and "..., said X" name the speaker after the words
    assert tones("Iver Kast was a liar, according to Hala Dorrin.", "Hala Dorrin") == [-0.022]
    assert tones("Iver Kast was a liar, said Hala Dorrin.", "Hala Dorrin") == [-0.024]
    # praise and thanks portray their speaker a little more than attacks do (weight 0.3)
    assert tones('"The nurses were wonderful," Hala Dorrin said.', "Hala Dorrin") == [0.042]
    # a headline's "X: ..." makes X the speaker of the rest (without the colon X is the liar)
    assert tones("Hala Dorrin: Iver Kast is a liar", "Hala Dorrin", "Iver Kast") == [-0.02, -0.434]
    assert tones("Hala Dorrin is a liar", "Hala Dorrin") == [-0.434]
    # quoted words about a name outside the quote reach it fully; naming ("called") aims at the object
    assert tones('Hala Dorrin called Iver Kast "a disgrace" on Monday.', "Iver Kast", "Hala Dorrin") == [
        -0.45,
        -0.081,
    ]


def test_negation_flips_praise_and_denies_blame():
    assert tones("Iver Kast was successful.", "Iver Kast") == [0.3]
    assert tones("Iver Kast was not successful.", "Iver Kast") == [-0.399]
    assert tones("Iver Kast was guilty.", "Iver Kast") == [-0.375]
    assert tones("Iver Kast was not guilty.", "Iver Kast") == [0.0]


def test_contrast_weighs_the_mentions_own_side():
    assert tones("The hearing was chaotic, but Iver Kast was calm.", "Iver Kast") == [0.116]
    assert tones("Iver Kast was calm, but the hearing was chaotic.", "Iver Kast") == [0.032]


def test_contests_and_harm():
    # the winner gains what the loser loses
    assert tones("Rosa Lind defeated Tamar Esk in the runoff.", "Rosa Lind", "Tamar Esk") == [0.29, -0.451]
    # the doer of harm keeps its whole charge, the victim half
    assert tones("Jonas Pell killed two guards.", "Jonas Pell") == [-0.586]
    assert tones("Jonas Pell was killed on Friday.", "Jonas Pell") == [-0.319]
    # a place after "in" is the setting, not the doer
    assert tones("Varnok killed four people.", "Varnok") == [-0.586]
    assert tones("Shelling in Varnok killed four people.", "Varnok") == [-0.393]


def test_labels_and_reporting_verbs_with_a_charge():
    assert tones("Iver Kast spoke on Monday.", "Iver Kast") == [0.0]
    assert tones("Iver Kast, a convicted fraudster, spoke on Monday.", "Iver Kast") == [-0.672]
    assert tones("Iver Kast, the respected surgeon, spoke on Monday.", "Iver Kast") == [0.215]
    assert tones("Iver Kast admitted the payments.", "Iver Kast") == [-0.234]
    assert tones("Iver Kast described the payments.", "Iver Kast") == [0.0]


def test_a_relative_clause_after_the_name_is_its_label():
    # "X, who ..." describes X like an apposition; a later clause about X counts half
    assert tones("Iver Kast, who was convicted of fraud in 2016, spoke on Monday.", "Iver Kast") == [-0.656]
    assert tones("Iver Kast spoke on Monday, after he was convicted of fraud in 2016.", "Iver Kast") == [-0.313]


def test_opposing_a_wrong_is_not_doing_it():
    # "condemned the attack" is not bad news for the one who condemns; the victim of the attack keeps it
    assert tones("Mayor Ada Moor-Reyes condemned the attack on Tomas Reh.", "Ada Moor-Reyes", "Tomas Reh") == [
        0.044,
        -0.645,
    ]
    assert tones("Mayor Ada Moor-Reyes caused the attack.", "Ada Moor-Reyes") == [-0.403]
    assert tones("Ada Moor launched a campaign against corruption.", "Ada Moor") == [0.269]
    assert tones("Ada Moor launched a campaign of corruption.", "Ada Moor") == [-0.354]
    # "opposition" names a camp, it does not oppose what follows it
    assert tones("Opposition leaders fear that the reform Varnok has in mind would fail.", "Varnok") == [-0.664]
    # fighting FOR something is advocacy (tone.yml phrases), fighting someone is not
    assert tones("Ada Moor fought for the workers.", "Ada Moor") == [0.0]
    assert tones("Ada Moor fought the workers.", "Ada Moor") == [-0.155]


def test_words_read_as_news_reads_them():
    # a hyphen inside a name does not cut the clause: Lind-Varga is the subject of "defeated"
    assert tones("Rosa Lind-Varga defeated Tamar Esk.", "Rosa Lind-Varga", "Tamar Esk") == [0.29, -0.451]
    # "robes" is not "rob" + es; "fined" is not "fine" + d
    assert tones("Others wore robes.", "Others") == [0.0]
    assert tones("Ada Moor was fined.", "Ada Moor") == [-0.26]
    # all caps, exclamation marks and emoji stay finite and keep the sign
    assert tones("THE SENATOR ADA MOOR WAS ARRESTED!!! \U0001f621", "ADA MOOR") == [-0.427]


def test_a_name_with_a_rated_word_is_not_charged():
    # "Justice" and "Hope" are names here, not valences
    assert tones("Amara Justice met Dell Hope on Tuesday.", "Amara Justice", "Dell Hope") == [0.0, 0.0]


def test_score_mentions_maps_article_offsets_to_sentences():
    text = "Rennick Polder was arrested. Talia Brumm praised the nurses."
    sentences = [{"sentence_id": 0, "start": 0, "text": text[:28]}, {"sentence_id": 1, "start": 29, "text": text[29:]}]
    entities = [
        {"sentence_id": 1, "start": 29, "end": 40},
        {"sentence_id": 0, "start": 0, "end": 14},
        {"sentence_id": 7, "start": 99, "end": 101},
    ]
    out = score_mentions(sentences, entities)
    assert out[0] == mention_tones(text[29:], [(0, 11)])[0] and out[0] > 0
    assert out[1] == mention_tones(text[:28], [(0, 14)])[0] < 0
    assert math.isnan(out[2])


# --------------------------------------------------------------------------- bad input


def test_bad_input_is_finite():
    # how the cost grows with the mentions of one sentence: benchmarks/bench_hostile.py (mentions case)
    many = ", ".join(f"Name{k} Person{k}" for k in range(200)) + " were arrested."
    spans = [(many.index(f"Name{k} "), many.index(f"Name{k} ") + len(f"Name{k} Person{k}")) for k in range(200)]
    out = mention_tones(many, spans)
    assert len(out) == 200 and all(math.isfinite(v) and -1 <= v <= 1 for v in out)
    huge = ", ".join([many[:-15]] * 10) + " were arrested."
    spans10 = [(m, m + 5) for m in range(0, len(huge) - 20, len(huge) // 2000)][:2000]
    out10 = mention_tones(huge, spans10)
    assert len(out10) == len(spans10) and all(math.isfinite(v) for v in out10)
    nested = 'Kira Vell said \u201cIdris Om told me \u2018Bo Lund is "a disgrace"\u2019\u201d 😡🔥 TOTALLY AWFUL!!!'
    spans = [(nested.index(n), nested.index(n) + len(n)) for n in ("Kira Vell", "Idris Om", "Bo Lund")]
    out = mention_tones(nested, spans)
    assert all(math.isfinite(v) and -1 <= v <= 1 for v in out)
    assert out[2] < 0  # the disgrace is about Bo Lund
    assert mention_tones("", [(0, 0)]) == [0.0] and mention_tones("Anything.", []) == []
    assert mention_tones("Ola Ro", [(3, 99), (-5, 2)]) == [0.0, 0.0]


_PIECES = st.sampled_from(
    ["Ana Ruiz", "said", "\u201c", "\u201d", '"', "\u2018", "\u2019", "not", "but", "fight", "against", "killed",
     "praised", "was", "arrested", ",", ":", "-", "who", "a", "liar", "GREAT", "\U0001f621", "!!!", "?", "won't"]
)  # fmt: skip


@settings(max_examples=150, deadline=None)
@given(st.lists(_PIECES, max_size=40), st.lists(st.tuples(st.integers(-5, 300), st.integers(-5, 300)), max_size=12))
def test_any_words_and_spans_give_one_finite_tone_each(pieces, spans):
    text = " ".join(pieces)
    out = mention_tones(text, spans)
    assert len(out) == len(spans) and all(math.isfinite(v) and -1 <= v <= 1 for v in out)


def test_rules_are_validated_with_the_line(tmp_path):
    with pytest.raises(LexiconError, match=r"directed: 'praised' needs a number in -1 \.\. 1"):
        load_target_rules({"directed": {"praised": 3.0}})
    path = tmp_path / "rules.yml"
    path.write_text("directed:\n  praised: 0.3\n  hugged: lots\n", encoding="utf-8")
    with pytest.raises(LexiconError, match=r"rules.yml, line 3: directed: 'hugged'"):
        load_target_rules(path)
    with pytest.raises(LexiconError, match="unknown section"):
        load_target_rules({"verbs": {}})
    added = load_target_rules({"directed": {"hugged": 0.5}}).directed
    assert added["hugged"] == 0.5 and added["praised"] == load_target_rules().directed["praised"]
    assert load_target_rules({"inherit": False, "directed": {"hugged": 0.5}}).directed == {"hugged": 0.5}
    custom = {"words": {"hugged": 2.0}}
    assert mention_tones("Ana Ruiz hugged Tom.", [(0, 8)], rules=custom)[0] > 0
    path.write_text("reversers:\n  fight: -0.5\n  against: strongly\n", encoding="utf-8")
    with pytest.raises(LexiconError, match=r"rules.yml, line 3: reversers: 'against' needs a number in -1 \.\. 1"):
        load_target_rules(path)
    # without reversers "fight corruption" charges the fighter; with them it is mildly good
    text = "Ana Ruiz vowed to fight corruption."
    without = dataclasses.replace(load_target_rules(), reversers={})
    assert mention_tones(text, [(0, 8)], rules=without)[0] < 0 < mention_tones(text, [(0, 8)])[0]


# --------------------------------------------------------------------------- compare.tone by entity / voice


def _voices() -> Analysis:
    """Two outlets; entity tones given; claims mark which sentences are attributed."""
    texts = {"a1": "S0. S1. S2.", "a2": "T0. T1.", "a3": "U0."}
    articles = pd.DataFrame(
        {"article_id": ["a1", "a2", "a3"], "source": ["Alpha", "Beta", "Beta"], "event": ["e"] * 3, "title": ""}
    )
    sentences = pd.DataFrame(
        {
            "article_id": ["a1", "a1", "a1", "a2", "a2", "a3"],
            "sentence_id": [0, 1, 2, 0, 1, 0],
            "start": [0, 4, 8, 0, 4, 0],
            "end": [3, 7, 11, 3, 7, 3],
            "text": ["S0.", "S1.", "S2.", "T0.", "T1.", "U0."],
            "is_debris": [False, False, True, False, False, False],
            "tone": [0.4, -0.2, -0.9, 0.1, -0.5, 0.3],
        }
    )
    entities = pd.DataFrame(
        {
            "article_id": ["a1", "a1", "a1", "a2", "a2", "a3"],
            "sentence_id": [0, 1, 2, 0, 1, 0],
            "start": [0, 4, 8, 0, 4, 0],
            "end": [2, 6, 10, 2, 6, 2],
            "text": ["S0", "S1", "S2", "T0", "T1", "U0"],
            "canonical": ["Vell", "Vell", "Vell", "Vell", "Om", "Vell"],
            "label": ["PERSON"] * 6,
            "tone": [0.6, -0.2, -1.0, 0.2, -0.4, 0.5],
        }
    )
    claims = pd.DataFrame(
        {
            "article_id": ["a1", "a1", "a2", "a2"],
            "sentence_id": [0, 1, 0, 1],
            "speaker": ["Vell", "", "", ""],
            "quote": ["indirect", "none", "direct", "none"],
            "hedged": False,
        }
    )
    tables = {"articles": articles, "sentences": sentences, "entities": entities, "claims": claims}
    return Analysis({**tables, "numbers": pd.DataFrame()}, texts)


def test_tone_by_entity_exact():
    table = compare.tone(_voices(), by="entity")
    assert list(table.columns) == [
        "source", "canonical", "label", "n_articles", "n_mentions", "tone", "sd", "ci_low", "ci_high",
    ]  # fmt: skip
    rows = table[["source", "canonical", "n_articles", "n_mentions"]].values.tolist()
    assert rows == [["Beta", "Om", 1, 1], ["Alpha", "Vell", 1, 2], ["Beta", "Vell", 2, 2]]
    # Alpha/Vell: 0.6 and -0.2 (the debris mention's -1.0 is left out): mean 0.2, sd 0.565685,
    # t(1) = 12.706: the interval is wider than the scale and clipped
    assert table["tone"].round(6).tolist() == [-0.4, 0.2, 0.35]
    assert table.loc[1, "sd"] == pytest.approx(0.565685, abs=1e-6)
    assert (table.loc[1, "ci_low"], table.loc[1, "ci_high"]) == (-1.0, 1.0)
    # Beta/Vell: 0.2, 0.5: sd 0.212132, half width 12.706205 * 0.212132 / sqrt(2) = 1.905931 -> clipped
    assert math.isnan(table.loc[0, "ci_low"]) and table.loc[0, "label"] == "PERSON"


def test_tone_by_voice_exact():
    table = compare.tone(_voices(), by="voice")
    assert list(table.columns) == ["source", "voice", "n_articles", "n_sentences", "tone", "sd", "ci_low", "ci_high"]
    got = table[["source", "voice", "n_articles", "n_sentences"]].values.tolist()
    # Alpha: s0 attributed (a speaker), s1 own voice (claim without speaker), s2 debris
    # Beta: T0 attributed (a direct quote), T1 own voice, U0 own voice (no claim at all)
    assert got == [["Alpha", "own voice", 1, 1], ["Alpha", "attributed", 1, 1], ["Beta", "own voice", 2, 2],
                   ["Beta", "attributed", 1, 1]]  # fmt: skip
    assert table["tone"].round(6).tolist() == [-0.2, 0.4, -0.1, 0.1]
    with pytest.raises(ValueError, match="'voice'"):
        compare.tone(_voices(), by="speaker")


def test_tone_plots_for_entity_and_voice():
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from analysis import plots

    ax = plots.tone(_voices(), by="voice")
    assert [t.get_text() for t in ax.get_yticklabels()] == ["Alpha", "Beta"]
    assert sorted(t.get_text() for t in ax.get_legend().get_texts()) == ["attributed", "own voice"]
    ax = plots.tone(_voices(), by="entity")
    assert [t.get_text() for t in ax.get_yticklabels()] == ["Vell", "Om"]  # most mentions first
    plt.close("all")


# --------------------------------------------------------------------------- evaluation (NewsMTSC format)


def test_newsmtsc_reader_and_thresholds(tmp_path):
    lines = [
        {"primary_gid": "g1", "sentence_normalized": "Ria Tomm was arrested.",
         "targets": [{"from": 0, "to": 8, "mention": "Ria Tomm", "polarity": 2.0}]},
        {"primary_gid": "g2", "sentence_normalized": "Ria Tomm won an award.",
         "targets": [{"from": 0, "to": 8, "mention": "Ria Tomm", "polarity": 6.0}]},
        {"primary_gid": "g3", "sentence_normalized": "Ria Tomm spoke.",
         "targets": [{"from": 0, "to": 80, "mention": "Ria Tomm", "polarity": 4.0}]},
    ]  # fmt: skip
    path = tmp_path / "tiny.jsonl"
    path.write_text("\n".join(json.dumps(x) for x in lines) + "\nnot json\n", encoding="utf-8")
    items, bad = evaluation.read_targets(path)
    assert [i.labels for i in items] == [[-1], [1]] and [n for n, _ in bad] == [3, 4]
    truth = pd.Series([-1, 0, 1, 1])
    low, high, f1 = evaluation.fit_thresholds(truth, pd.Series([-0.5, 0.0, 0.3, 0.6]))
    assert f1 == 1.0 and -0.5 < low <= 0.0 <= high < 0.3


@pytest.mark.slow
@pytest.mark.skipif(not NEWSMTSC.is_file(), reason="NewsMTSC dev set not present (../shared/datasets)")
def test_mention_tone_beats_sentence_tone_on_newsmtsc():
    frame = evaluation.evaluate_targets(NEWSMTSC).set_index("score")
    assert frame.loc["mention_tone", "f1_test"] > frame.loc["sentence_tone", "f1_test"] + 0.04
