"""Comparison tables: exact values on a hand-made three-article analysis, a hand-computed
log-odds example, and the differences the bundled corpus was written to have."""

from __future__ import annotations

import math
import re

import numpy as np
import pandas as pd
import pytest
from compare_fixtures import gold_analysis, pipeline_analysis, pipeline_available

from analysis import compare
from analysis.compare.alignment import alignment_matrix, normalize_unit, stem
from analysis.compare.logodds import log_odds
from analysis.result import Analysis

# --------------------------------------------------------------------------- tiny analysis
#
# A1 (Alpha): "The RA took Kelm. Officials said 40 people died."
#              s0 [0,17)  s1 [18,48)
# A2 (Beta):  "Photo: smoke over Kelm.\n\nThe Rebel Army militants took Kelm. 10 people died."
#              s0 [0,23) caption (debris)  s1 [25,60)  s2 [61,76)
# A3 (Beta):  "Kelm fell."  s0 [0,10)

T1 = "The RA took Kelm. Officials said 40 people died."
T2 = "Photo: smoke over Kelm.\n\nThe Rebel Army militants took Kelm. 10 people died."
T3 = "Kelm fell."


def _tiny() -> Analysis:
    articles = pd.DataFrame(
        {
            "article_id": ["a1", "a2", "a3"],
            "source": ["Alpha", "Beta", "Beta"],
            "event": ["e1", "e1", "e1"],
            "title": ["", "", ""],
            "published": [pd.Timestamp("2020-01-01")] * 3,
        }
    )
    sentences = pd.DataFrame(
        {
            "article_id": ["a1", "a1", "a2", "a2", "a2", "a3"],
            "sentence_id": [0, 1, 0, 1, 2, 0],
            "start": [0, 18, 0, 25, 61, 0],
            "end": [17, 48, 23, 60, 76, 10],
            "text": [T1[0:17], T1[18:48], T2[0:23], T2[25:60], T2[61:76], T3],
            "kind": ["body", "body", "caption", "body", "body", "body"],
            "is_debris": [False, False, True, False, False, False],
            "n_words": [4, 5, 4, 6, 3, 2],
            "tone": [0.2, -0.4, -0.9, 0.1, 0.3, -0.1],
            "is_claim": [True, True, False, True, True, True],
        }
    )
    entities = pd.DataFrame(
        {
            "article_id": ["a1", "a1", "a2", "a2", "a2", "a3"],
            "sentence_id": [0, 0, 0, 1, 1, 0],
            "start": [4, 12, 18, 29, 55, 0],
            "end": [6, 16, 22, 39, 59, 4],
            "text": ["RA", "Kelm", "Kelm", "Rebel Army", "Kelm", "Kelm"],
            "canonical": ["Rebel Army", "Kelm", "Kelm", "Rebel Army", "Kelm", "Kelm"],
            "label": ["ORG", "GPE", "GPE", "ORG", "GPE", "GPE"],
        }
    )
    claims = pd.DataFrame(
        {
            "article_id": ["a1", "a1", "a2", "a2", "a3"],
            "sentence_id": [0, 1, 1, 2, 0],
            "text": [T1[0:17], T1[18:48], T2[25:60], T2[61:76], T3],
            "speaker": ["", "officials", "", "", ""],
            "speaker_type": ["outlet", "anonymous", "outlet", "outlet", "outlet"],
            "cue": ["", "said", "", "", ""],
            "content_start": [0, 33, 25, 61, 0],
            "content_end": [16, 47, 59, 75, 9],
            "quote": ["none", "indirect", "none", "none", "none"],
            "hedged": [False, False, False, False, True],
        }
    )
    numbers = pd.DataFrame(
        {
            "article_id": ["a1", "a2"],
            "sentence_id": [1, 2],
            "start": [33, 61],
            "end": [42, 70],
            "text": ["40 people", "10 people"],
            "value": [40.0, 10.0],
            "unit": ["people", "people"],
            "qualifier": ["exact", "exact"],
        }
    )
    tables = {"articles": articles, "sentences": sentences, "entities": entities, "claims": claims, "numbers": numbers}
    return Analysis(tables, {"a1": T1, "a2": T2, "a3": T3})


@pytest.fixture(scope="module")
def tiny() -> Analysis:
    return _tiny()


def test_tiny_texts_match_offsets(tiny):
    for row in tiny.entities.itertuples():
        assert tiny.text(row.article_id)[row.start : row.end] == row.text
    for row in tiny.sentences.itertuples():
        assert tiny.text(row.article_id)[row.start : row.end] == row.text


def test_coverage_exact(tiny):
    table = compare.coverage(tiny, event="e1")
    assert list(table.columns) == [
        "source", "canonical", "label", "mentions", "articles", "n_articles", "n_words", "per_1000_words",
        "first_mention",
    ]  # fmt: skip
    # Kelm: 3 non-debris mentions (the caption's is debris), Rebel Army: 2 -> Kelm first
    assert table[["source", "canonical", "mentions", "articles", "n_articles", "n_words"]].values.tolist() == [
        ["Alpha", "Kelm", 1, 1, 1, 9],
        ["Beta", "Kelm", 2, 2, 2, 11],
        ["Alpha", "Rebel Army", 1, 1, 1, 9],
        ["Beta", "Rebel Army", 1, 1, 2, 11],
    ]
    # per 1,000 words: 1/9*1000, 2/11*1000, 1/9*1000, 1/11*1000
    assert table["per_1000_words"].tolist() == pytest.approx([1000 / 9, 2000 / 11, 1000 / 9, 1000 / 11])
    # non-debris characters: a1 17 + 30 = 47; a2 35 + 15 = 50 (caption left out); a3 10.
    # Kelm: a1 at 12 -> 12/47; a2 at 55, 30 chars into s1 -> 30/50 = 0.6; a3 at 0 -> 0; Beta mean 0.3.
    # Rebel Army: a1 "RA" at 4 -> 4/47; a2 at 29, 4 chars into s1 -> 4/50 = 0.08.
    assert table["first_mention"].tolist() == pytest.approx([12 / 47, 0.3, 4 / 47, 0.08])


def test_coverage_includes_absences():
    t = _tiny()
    tables = t.tables
    tables["entities"] = tables["entities"][tables["entities"]["text"] != "RA"]
    table = compare.coverage(Analysis(tables, {"a1": T1, "a2": T2, "a3": T3}))
    row = table[(table["source"] == "Alpha") & (table["canonical"] == "Rebel Army")].iloc[0]
    assert row["mentions"] == 0 and row["per_1000_words"] == 0 and math.isnan(row["first_mention"])


def test_unknown_event_and_source_raise(tiny):
    with pytest.raises(ValueError, match="events: e1"):
        compare.coverage(tiny, event="nope")
    with pytest.raises(ValueError, match="sources: Alpha, Beta"):
        compare.voice(tiny, sources=["Gamma"])


def test_voice_by_source_exact(tiny):
    table = compare.voice(tiny)
    assert table["source"].tolist() == ["Beta", "Alpha"]  # most own voice first
    columns = ["n_claims", "n_own_voice", "n_attributed", "n_indirect", "n_hedged", "n_anonymous"]
    assert table[columns].values.tolist() == [
        [3, 3, 0, 0, 1, 0],
        [2, 1, 1, 1, 0, 1],
    ]  # fmt: skip
    assert table["own_voice_share"].tolist() == [1.0, 0.5]
    assert table["share_anonymous"].tolist() == [0.0, 0.5]


def test_voice_by_speaker_counts_content_words(tiny):
    table = compare.voice(tiny, by="speaker")
    # "40 people died" = 3 words given to "officials"
    assert table[["source", "speaker", "speaker_type", "n_claims", "n_indirect", "words"]].values.tolist() == [
        ["Alpha", "officials", "anonymous", 1, 1, 3]
    ]
    with_own = compare.voice(tiny, by="speaker", include_own_voice=True)
    assert set(with_own["speaker"]) == {"officials", compare.OWN_VOICE}
    with pytest.raises(ValueError, match="by must be"):
        compare.voice(tiny, by="article")


def test_tone_by_source_exact(tiny):
    table = compare.tone(tiny)
    beta = table[table["source"] == "Beta"].iloc[0]
    # Beta non-debris tones 0.1, 0.3, -0.1 (the caption's -0.9 is debris): mean 0.1, sd 0.2,
    # t(0.975, df=2) = 4.302653 -> half width 4.302653 * 0.2 / sqrt(3) = 0.496828
    assert (beta["n_articles"], beta["n_sentences"]) == (2, 3)
    assert beta["tone"] == pytest.approx(0.1)
    assert beta["sd"] == pytest.approx(0.2)
    assert (beta["ci_low"], beta["ci_high"]) == pytest.approx((0.1 - 0.496828, 0.1 + 0.496828), abs=1e-6)
    alpha = table[table["source"] == "Alpha"].iloc[0]
    # two sentences 0.2, -0.4: the t(1) interval is wider than the scale and is clipped to [-1, 1]
    assert alpha["tone"] == pytest.approx(-0.1) and (alpha["ci_low"], alpha["ci_high"]) == (-1.0, 1.0)


def test_tone_by_entity_scores_each_mention(tiny):
    from analysis.sentiment import mention_tones

    table = compare.tone(tiny, by="entity")
    kelm_beta = table[(table["source"] == "Beta") & (table["canonical"] == "Kelm")].iloc[0]
    # the caption's mention is debris: two mentions in two articles
    assert (kelm_beta["n_mentions"], kelm_beta["n_articles"]) == (2, 2)
    # a hand-built table has no entities.tone: it is computed from the sentences
    alpha_kelm = table[(table["source"] == "Alpha") & (table["canonical"] == "Kelm")]["tone"].iloc[0]
    assert alpha_kelm == pytest.approx(mention_tones(T1[0:17], [(12, 16)])[0])


def test_t_critical_close_to_exact():
    exact = {1: 12.7062, 2: 4.3027, 5: 2.5706, 10: 2.2281, 30: 2.0423, 1000: 1.9623}
    for df, value in exact.items():
        assert float(compare.t_critical(df)) == pytest.approx(value, abs=3e-3)


def test_labels_surface_and_descriptors(tiny):
    table = compare.labels(tiny, "Rebel Army")
    assert table[["source", "term", "kind", "count", "n_attached"]].values.tolist() == [
        ["Alpha", "RA", "surface", 1, 0],
        ["Beta", "Rebel Army", "surface", 1, 0],
        ["Beta", "militants", "descriptor", 1, 1],
    ]
    extended = compare.labels(tiny, "Rebel Army", descriptors=["Officials"], replace_descriptors=True)
    assert extended[extended["kind"] == "descriptor"][["source", "term", "n_attached"]].values.tolist() == [
        ["Alpha", "officials", 0]
    ]
    with pytest.raises(ValueError, match="did you mean: Rebel Army"):
        compare.labels(tiny, "Rebel Armies")


def test_descriptor_next_to_another_entity_is_not_counted(tiny):
    # "militants" stands next to "Rebel Army", so it is not a stand-in for Kelm
    table = compare.labels(tiny, "Kelm")
    assert "militants" not in set(table["term"])


def test_claim_alignment_exact(tiny):
    table = compare.claim_alignment(tiny, event="e1")
    groups = table.groupby("claim_group")["source"].apply(list).to_dict()
    # "took Kelm" (a1 s0, a2 s1) and "people died" (a1 s1, a2 s2) are each reported by both
    # sources; "Kelm fell" (a3) shares only the entity Kelm, too little at the default threshold.
    assert groups == {1: ["Alpha", "Beta"], 2: ["Alpha", "Beta"], 3: ["Beta"]}
    assert table[table["claim_group"] == 1]["n_claims"].tolist() == [1, 1]
    assert table[table["claim_group"] == 3]["representative"].tolist() == ["Kelm fell"]
    died = table[table["claim_group"] == 2]
    assert died["representative"].iloc[0] == "40 people died"
    assert died["voice"].tolist() == ["attributed", "own voice"]
    assert died["speakers"].tolist() == ["officials", compare.OWN_VOICE]
    assert died["numbers"].tolist() == ["40 people", "10 people"]
    assert died["number_disagreement"].tolist() == [True, True]
    assert died["disagreeing_units"].iloc[0] == "people: Alpha=40; Beta=10"
    assert died["evidence"].tolist() == [(("a1", 1),), (("a2", 2),)]
    took = table[table["claim_group"] == 1]
    assert not took["number_disagreement"].any()
    assert took["representative"].iloc[0] == "The RA took Kelm"
    # even a loose threshold does not let "Kelm fell" join "took Kelm": a shared name alone is a topic
    loose = compare.claim_alignment(tiny, event="e1", threshold=0.05)
    assert loose.groupby("claim_group")["source"].apply(list).to_dict() == groups
    matrix = alignment_matrix(table, "voice")
    assert matrix.shape == (3, 2) and matrix.loc[1].iloc[0].tolist() == ["own voice", "own voice"]


def test_claim_alignment_min_sources_and_threshold(tiny):
    assert compare.claim_alignment(tiny, min_sources=2)["claim_group"].nunique() == 2
    # at a threshold above any similarity nothing groups: one group per claim
    assert compare.claim_alignment(tiny, threshold=1.01)["claim_group"].nunique() == 5


def test_stem_and_units():
    assert [stem(w) for w in ("Liberated", "liberation", "strikes", "Russia's", "killing")] == [
        "liber",
        "liber",
        "strike",
        "russia",
        "kill",
    ]
    assert [normalize_unit(u) for u in ("%", "Percent", "workers", "people", "hours", "sorties")] == [
        "percent",
        "percent",
        "people",
        "people",
        "hour",
        "sortie",
    ]


def test_evidence_kwic(tiny):
    rows = compare.evidence(tiny, entity="Kelm", width=10)
    # three mentions; the caption's is debris and never shown
    assert rows[["article_id", "sentence_id", "left", "match", "right"]].values.tolist() == [
        ["a1", 0, "…e RA took ", "Kelm", "."],
        ["a2", 1, "…ants took ", "Kelm", "."],
        ["a3", 0, "", "Kelm", " fell."],
    ]
    term = compare.evidence(tiny, term="people died", source="Beta")
    assert term[["article_id", "match", "start", "end"]].values.tolist() == [["a2", "people died", 64, 75]]
    cell = compare.claim_alignment(tiny)
    keys = cell[cell["claim_group"] == 2]["evidence"].tolist()
    by_keys = compare.evidence(tiny, sentence_ids=[k for cell_keys in keys for k in cell_keys])
    assert by_keys["sentence"].tolist() == ["Officials said 40 people died.", "10 people died."]
    by_group = compare.evidence(tiny, claim_group=2, alignment=cell)
    assert by_group["sentence"].tolist() == by_keys["sentence"].tolist()
    with pytest.raises(ValueError, match="give at least one"):
        compare.evidence(tiny)


# --------------------------------------------------------------------------- log-odds


def test_log_odds_worked_example():
    # focal counts a=3, b=1 (n=4); comparison a=1, b=3 (n'=4); background = sum: a=4, b=4.
    # prior_size None -> a0 = 8 and alpha_w = 8 * 4/8 = 4 for both words.
    # delta_a = log((3+4)/(4+8-3-4)) - log((1+4)/(4+8-1-4)) = log(7/5) - log(5/7) = 2*log(1.4) = 0.6729445
    # se_a = sqrt(1/(3+4) + 1/(1+4)) = sqrt(0.1428571 + 0.2) = 0.5855400
    # z_a = 0.6729445 / 0.5855400 = 1.1492717; b is the mirror image: -1.1492717
    focal = pd.Series({"a": 3, "b": 1})
    comparison = pd.Series({"a": 1, "b": 3})
    out = log_odds(focal, comparison, focal + comparison)
    assert out.loc["a", "prior"] == 4.0
    assert out.loc["a", "log_odds"] == pytest.approx(2 * math.log(1.4))
    assert out.loc["a", "se"] == pytest.approx(math.sqrt(1 / 7 + 1 / 5))
    assert out.loc["a", "z"] == pytest.approx(1.1492717, abs=1e-6)
    assert out.loc["b", "z"] == pytest.approx(-1.1492717, abs=1e-6)
    # a weaker prior (a0 = 2 -> alpha = 1): delta_a = log(4/(4+2-3-1)) - log(2/(4+2-1-1)) = log(2) - log(0.5)
    weak = log_odds(focal, comparison, focal + comparison, prior_size=2)
    assert weak.loc["a", "log_odds"] == pytest.approx(math.log(2) - math.log(0.5))
    assert weak.loc["a", "se"] == pytest.approx(math.sqrt(1 / 4 + 1 / 2))


def test_distinctive_terms_on_tiny(tiny):
    table = compare.distinctive_terms(tiny)
    alpha = table[table["source"] == "Alpha"].set_index("term")
    # Alpha's words (stopwords out): ra, took, kelm, officials, said, people, died (digits dropped)
    assert alpha.loc["officials", ["count", "count_rest"]].tolist() == [1, 0]
    assert alpha.loc["kelm", ["count", "count_rest"]].tolist() == [1, 2]
    assert alpha.loc["militants", ["count", "count_rest"]].tolist() == [0, 1]
    assert alpha["n"].iloc[0] == 7 and alpha["n_rest"].iloc[0] == 9
    assert alpha.loc["officials", "z"] > 0 > alpha.loc["militants", "z"]
    no_names = compare.distinctive_terms(tiny, exclude_entities=True)
    assert not {"kelm", "ra", "rebel", "army"} & set(no_names["term"])
    ref = compare.distinctive_terms(tiny, reference="Beta")
    assert set(ref["source"]) == {"Alpha"}


def test_single_letters_are_not_terms():
    from analysis.compare.logodds import term_counts

    sentences = pd.DataFrame(
        {"source": ["A", "A"], "text": ["At 3 p.m. the U.S. envoy left.", "Gen. J. Marlow spoke at 9 a.m. sharp."]}
    )
    terms = set(term_counts(sentences)["term"])
    assert not {"p", "m", "a", "u", "s", "j"} & terms
    assert {"envoy", "left", "marlow", "spoke", "sharp"} <= terms


# --------------------------------------------------------------------------- bundled corpus

SYRIA = "syria-isis-defeat-2017"
KESTRIA = "kestria-factory-fire-2025"
VALDORIA = "valdoria-election-recount-2024"


def _corpus_params():
    params = [pytest.param("gold", id="gold-tables")]
    params.append(
        pytest.param(
            "pipeline",
            id="pipeline",
            marks=pytest.mark.skipif(not pipeline_available(), reason="pipeline stages not all installed yet"),
        )
    )
    return params


@pytest.fixture(scope="session", params=_corpus_params())
def corpus(request) -> Analysis:
    """The bundled corpus, analysed once per session (gold tables, and the pipeline when it runs)."""
    return gold_analysis() if request.param == "gold" else pipeline_analysis()


@pytest.fixture(scope="session")
def events():
    from compare_fixtures import GOLD

    from analysis.evaluation.gold import load_gold_dir

    return load_gold_dir(GOLD).events


def _ids_to_sources(result: Analysis) -> dict[str, str]:
    return dict(zip(result.articles["article_id"], result.articles["source"], strict=True))


@pytest.mark.parametrize("event", [SYRIA, KESTRIA])
def test_corpus_own_voice_leader_as_designed(corpus, events, event):
    ranking = events[event]["own_voice_ranking"]
    table = compare.voice(corpus, event=event)
    assert table["source"].iloc[0] == _ids_to_sources(corpus)[ranking[0]]


def test_corpus_syria_own_voice_ranking_exact_on_gold(events):
    sources = _ids_to_sources(gold_analysis())
    table = compare.voice(gold_analysis(), event=SYRIA)
    assert table["source"].tolist() == [sources[a] for a in events[SYRIA]["own_voice_ranking"]]


def _disagreement_cases():
    from compare_fixtures import GOLD

    from analysis.evaluation.gold import load_gold_dir

    cases = []
    for event, gold in sorted(load_gold_dir(GOLD).events.items()):
        for item in gold.get("number_disagreements", []):
            marks = []
            if (event, item["claim_id"]) in KNOWN_MISSES:
                marks = [pytest.mark.xfail(reason=KNOWN_MISSES[(event, item["claim_id"])], strict=True)]
            cases.append(pytest.param(event, item["claim_id"], item["values"], id=f"{event}-{item['claim_id']}",
                                      marks=marks))  # fmt: skip
    return cases


#: Designed disagreements claim_alignment does not flag, and why. Since issue 18 a group holds one
#: proposition and figures are compared as intervals. Two speakers' figures for one quantity are
#: compared across their two claim groups and shown with both speakers (ballots-recounted: the
#: commission's "nearly 90,000" against the Tarnesk board's 91,640), so the misses left are these.
KNOWN_MISSES: dict[tuple[str, str], str] = {
    ("syria-isis-defeat-2017", "remaining-share"): "the analyst's 'three and five percent of the province' and the "
    "General Staff's 8% are one quantity across claim groups (the group 'holds' both), but the Qamishli Herald gives "
    "the 8% too, so each 8% meets an agreeing counterpart; the dispute is between speakers inside one outlet",
    ("valdoria-election-recount-2024", "discrepancies"): "874 (a net change), 3,412 (wrongly assigned) and 9,000 "
    "(set aside) count different things in three different claims",
    ("valdoria-election-recount-2024", "protest-size"): "the crowds are in different places (the capital, Orvanta, "
    "Marenka Square): different claims",
    ("valdoria-election-recount-2024", "turnout"): "every outlet giving the observers' 61% also gives the official "
    "68.2%, so each figure meets an agreeing counterpart; the dispute is between speakers inside one outlet",
}


@pytest.mark.parametrize(("event", "claim_id", "values"), _disagreement_cases())
def test_corpus_number_disagreements_found(corpus, event, claim_id, values):
    table = compare.claim_alignment(corpus, event=event)
    sources = _ids_to_sources(corpus)
    values = {sources[a]: v for a, v in values.items()}
    # some flagged group shows at least two of the sources with their different designed values
    hits = []
    for _, group in table[table["number_disagreement"]].groupby("claim_group"):
        text = group["disagreeing_units"].iloc[0]
        present = {s for s, v in values.items() if re.search(rf"{re.escape(s)}=([\d.e+/]*/)?{v:g}(/|;|$| )", text)}
        hits.append(len({values[s] for s in present}))
    assert max(hits, default=0) >= 2, f"{claim_id}: no flagged claim group shows {values}"


def test_corpus_syria_labels_differ_as_written(corpus):
    table = compare.labels(corpus, "Islamic State", event=SYRIA)
    terms = {s: set(g["term"].str.lower()) for s, g in table.groupby("source")}
    assert {"terrorists"} <= terms["Derzhava Daily"]
    assert "militants" in terms["Northwind Wire"] and "terrorists" not in terms["Northwind Wire"]
    assert "jihadists" in terms["Westmark Broadcasting"]
    assert "mercenaries" in terms["Qamishli Herald"] and "isis" in terms["Qamishli Herald"]
    assert "daesh" in terms["Sham Horizon"] and "islamic state" not in terms["Sham Horizon"]


def test_corpus_kestria_labels_differ_as_written(corpus):
    table = compare.labels(corpus, "Korrath Textile and Dye Company", event=KESTRIA)
    terms = {s: set(g["term"].str.lower()) for s, g in table.groupby("source")}
    assert {"sweatshop", "firm"} <= terms["Belmarro Evening Herald"]
    assert "company" in terms["Tideline Wire"] and "sweatshop" not in terms["Tideline Wire"]


def test_corpus_distinctive_terms_show_labels(corpus):
    table = compare.distinctive_terms(corpus, event=SYRIA)
    top = {s: list(g["term"].head(10)) for s, g in table.groupby("source")}
    assert "terrorists" in top["Derzhava Daily"]
    assert "regime" in top["Sham Horizon"]


def test_corpus_tables_count_only_non_debris(corpus):
    cov = compare.coverage(corpus, event=SYRIA)
    # "Related Articles" and captions are debris: their words are not in n_words
    words = corpus.sentences.merge(corpus.articles[["article_id", "event"]])
    words = words[(words["event"] == SYRIA) & ~words["is_debris"]]["n_words"].sum()
    assert cov.drop_duplicates("source")["n_words"].sum() == words
    tone = compare.tone(corpus, event=SYRIA)
    assert (tone["n_sentences"] > 0).all() and tone["ci_low"].le(tone["tone"]).all()
    assert np.isfinite(tone["tone"]).all()
