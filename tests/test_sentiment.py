"""Sentiment: raw scores equal their packages, golden tone values, aggregation, lexicons, evaluation."""

from __future__ import annotations

import argparse
import math
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.errors import LexiconError
from analysis.evaluation import sentiment as evaluation
from analysis.sentiment import article_scores, load_tone_lexicon, score_sentence, score_sentences
from analysis.sentiment import score as sentiment_score
from analysis.sentiment._pattern import PatternScorer
from analysis.sentiment._vader import VaderScorer, get_scorer

DATA = Path(__file__).parent / "data"

NEWS = [
    "Syria has been completely liberated from Islamic State.",
    "Not a single settlement or district remains under the terrorist group's control.",
    "The talks were not a success.",
    "The offensive was extremely brutal.",
    "The offensive was brutal.",
    "More than 340,000 people have been killed since the conflict broke out.",
    "Jets staged up to 250 strikes daily.",
    "Both sides welcomed the agreement, but few agreed with its terms.",
    "The United States and the Free Syrian Army held peace talks.",
    "Residents said the situation was not bad, but aid was slow.",
    "The minister praised the rescue workers.",
    "Civilian casualties rose after the massacre.",
    "The army reported no casualties.",
    "The ceasefire is not holding.",
    "Not a single settlement remains under the terrorist group's control.",
    "The ceasefire in Idlib is not holding.",
    "Peace talks have not been progressing.",
    "No hostages remain in the hands of the militants.",
    "The government sharply criticised the attack.",
    "Leaders praised the agreement, but residents only agreed reluctantly.",
]

# tone, polarity, subjectivity, compound (measured with TONE_WEIGHT = 0.6 and the packaged tone.yml)
GOLDEN = [
    (0.3035, 0.1000, 0.4000, 0.0000),
    (0.2812, 0.0357, 0.2143, -0.6908),
    (-0.3351, -0.1500, 0.0000, -0.4585),
    (-0.8373, -0.8750, 1.0000, -0.8122),
    (-0.8278, -0.8750, 1.0000, -0.7964),
    (-0.4465, 0.1500, 0.2500, -0.8625),
    (-0.2167, 0.0000, 0.0000, -0.3612),
    (0.2544, -0.2000, 0.1000, 0.5187),  # "agreement" +0.5 in news (tone.yml)
    (0.3767, 0.4000, 0.8000, 0.8625),
    (0.1494, 0.0250, 0.5333, 0.2323),
    (0.4548, 0.0000, 0.0000, 0.7579),
    (-0.2665, 0.6000, 0.9500, 0.0000),
    (0.2501, 0.0000, 0.0000, -0.2960),
    (-0.3000, 0.0000, 0.0000, 0.0000),
    (0.2812, 0.0357, 0.2143, -0.6908),
    (-0.3000, 0.0000, 0.0000, 0.0000),
    (-0.3073, 0.0000, 0.0000, 0.5423),
    (0.3400, 0.0000, 0.0000, -0.2960),
    (-0.5029, -0.1250, 0.7500, -0.7096),
    (0.3160, 0.0000, 1.0000, 0.4854),
]

ODD = [
    "",
    "   ",
    "😁 great day 💔",
    "We were 17 deep last night &amp; the love was so strong.",
    "THE ARMY IS VERY BAD. Really GOOD news!!!",
    "Not bad at all :) but :( and <3 (!) ... what?? no way?!",
    "He said \u201cit isn't good\u201d and 'won't' help; U.S. troops left.\n\nNew paragraph: kind of good.",
    "good but good but bad but very good",
    "never so good, without doubt excellent, at least not the least bad",
]


@pytest.fixture(scope="module")
def vader_reference():
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return SentimentIntensityAnalyzer()


@pytest.fixture(scope="module")
def pattern_reference():
    from textblob.en.sentiments import PatternAnalyzer

    return PatternAnalyzer()


# -- the raw scores are the packages' own ---------------------------------------------------
@pytest.mark.parametrize("text", NEWS + ODD)
def test_compound_equals_vader(text, vader_reference):
    assert VaderScorer().compound(text) == vader_reference.polarity_scores(text)["compound"]


@pytest.mark.parametrize("text", NEWS + ODD)
def test_polarity_and_subjectivity_equal_textblob(text, pattern_reference):
    expected = pattern_reference.analyze(text)
    assert PatternScorer().score(text) == (expected.polarity, expected.subjectivity)


@settings(max_examples=150, deadline=None)
@given(
    words=st.lists(
        st.sampled_from(
            "good bad not very no but never so this least at kind of ! ?? :) : ) GREAT n't isn't "
            "killed liberated , . without doubt really slightly ( ) 😁 &amp; the a "
            "X D x -D 8 o _O < 3 (! !) love. :-".split(" ")
        ),
        max_size=14,
    )
)
def test_raw_scores_match_packages_on_generated_text(words, vader_reference, pattern_reference):
    # the pieces "X D", ": )", "( !" ... are emoticons and sarcasm marks split by a space, which
    # Pattern's tokenizer joins across tokens
    text = " ".join(words)
    compound = vader_reference.polarity_scores(text)["compound"]
    expected = pattern_reference.analyze(text)
    assert get_scorer().compound(text) == compound
    from analysis.sentiment._pattern import get_scorer as pattern_scorer

    assert pattern_scorer().score(text) == (expected.polarity, expected.subjectivity)
    row = score_sentences([text]).iloc[0]  # the shared-token path
    assert (row["compound"], row["polarity"], row["subjectivity"]) == (
        compound,
        expected.polarity,
        expected.subjectivity,
    )
    assert -1.0 <= row["tone"] <= 1.0


# -- golden news sentences ------------------------------------------------------------------
def test_golden_news_sentences():
    frame = score_sentences(NEWS)
    assert list(frame.columns) == ["tone", "polarity", "subjectivity", "compound"]
    assert isinstance(frame.index, pd.RangeIndex)
    expected = pd.DataFrame(GOLDEN, columns=frame.columns)
    pd.testing.assert_frame_equal(frame, expected, atol=1e-3, rtol=0)


def test_news_adjustments_change_tone_not_raw_scores():
    liberated, no_casualties = score_sentences([NEWS[0], NEWS[12]]).itertuples(index=False)
    assert liberated.compound == 0.0 and liberated.tone > 0.25  # "liberated" is missing from VADER
    assert no_casualties.compound < 0 < no_casualties.tone  # "no casualties" is good news


def test_news_negation_signs():
    frame = score_sentences(NEWS)
    tone = dict(zip(NEWS, frame["tone"], strict=True))
    compound = dict(zip(NEWS, frame["compound"], strict=True))
    # a denied negative state is good news; VADER reads "terrorist" and stays negative
    assert tone["Not a single settlement remains under the terrorist group's control."] > 0.2
    assert compound["Not a single settlement remains under the terrorist group's control."] < 0
    assert tone["No hostages remain in the hands of the militants."] > 0.2
    # a negated verb of continuation turns its positive subject negative; VADER sees no sentiment word
    assert tone["The ceasefire is not holding."] < -0.2 < 0.2 < score_sentence("The ceasefire is holding.")["tone"]
    assert compound["The ceasefire is not holding."] == 0.0
    assert tone["The ceasefire in Idlib is not holding."] < -0.2
    talks = "Peace talks have not been progressing."
    assert tone[talks] < -0.2 < 0.5 < compound[talks]


def test_negated_neutral_verb_alone_is_mildly_negative():
    tone = score_sentence("The power grid in Aleppo is not working.")["tone"]
    assert -0.25 < tone < -0.1
    assert score_sentence("The power grid in Aleppo is working.")["tone"] == 0.0


def test_news_negation_rules_stay_narrow():
    lex = load_tone_lexicon()
    tokens = get_scorer().tokens

    def scope(text):
        _w, lows, _c, ends = tokens(text)
        return sentiment_score._negation_scope(lows, ends, lex)

    # "no" + persistence verb: the negation covers the clause (0 no ... 8 militants)
    assert scope("No hostages remain in the hands of the militants")[0] == set(range(1, 9))
    # the same verb without a denying quantifier keeps the three-word window
    assert scope("The army did not remain in the city after the massacre")[0] == {4, 5, 6}
    # a comma ends the widened scope too
    assert scope("Not one soldier remains there, after the massacre")[0] == {1, 2, 3, 4}
    # the continuation verb takes its negated value and the subject (5 tokens back at most) flips
    negated, fixed = scope("The ceasefire is not holding")
    assert negated == {0, 1, 2, 4} and fixed == {4: lex.when_negated["holding"]}
    # "no" is a determiner here, and a verb two words on is not the negated one
    assert scope("A no holds barred debate")[1] == {}
    assert scope("I don't like working late")[1] == {}
    assert scope("The pumps have not been working")[1] == {5: lex.when_negated["working"]}


def test_news_negation_rules_come_from_the_lexicon():
    text = ["The ceasefire is not holding.", "Not a single settlement remains under the terrorist group's control."]
    default = score_sentences(text)["tone"]
    # VADER's lexicon with the same two words, without the news rules
    plain = score_sentences(text, lexicon={"inherit": False, "words": {"ceasefire": 1.4, "terrorist": -2.6}})["tone"]
    assert plain[0] > 0 > default[0]
    assert plain[1] < 0 < default[1]
    extended = score_sentence("The truce is not enduring.", lexicon={"when_negated": {"enduring": -1.2}})
    assert extended["tone"] < 0 < score_sentence("The truce is not enduring.")["tone"]


def test_intensifier_strengthens_and_negation_flips():
    plain, extreme = score_sentences(["The offensive was brutal.", "The offensive was extremely brutal."])["tone"]
    assert extreme < plain < -0.8
    success, not_success = score_sentences(["The talks were a success.", "The talks were not a success."])["tone"]
    assert success > 0.3 and not_success < -0.3


def test_negation_window_stops_at_a_comma():
    lex = load_tone_lexicon()
    vader = get_scorer()

    def lexical(text):
        return sentiment_score._lexical_tone(text, vader.tokens(text), lex)

    assert lexical("not good") < 0
    assert lexical("not a very good deal") < 0  # VADER's window is three words; the booster is not a word here
    assert lexical("not yet, good") > 0  # the comma closes the negation


def test_but_is_applied_by_position_not_by_value():
    # VADER scales each score found with list.index(), i.e. the first equal value:
    # "agreement" (2.2, before "but") halves to 1.1, then "agreed" (1.1, after "but")
    # finds that 1.1 first, so "agreement" is halved twice and "agreed" never boosted.
    assert VaderScorer._but_quirk([0.0, 2.2, 0.0, 1.1], 2) == [0.0, 0.55, 0.0, 1.1]
    text = "Both sides welcomed the agreement, but few agreed with its terms."
    lex = load_tone_lexicon()
    vader = get_scorer()
    words = lex.words
    total = 0.5 * words["welcomed"] + 0.5 * words["agreement"] + 1.5 * words["agreed"]
    if "few" in words:
        total += 1.5 * words["few"]
    expected = total / math.sqrt(total * total + 15)
    assert sentiment_score._lexical_tone(text, vader.tokens(text), lex) == pytest.approx(expected, abs=1e-12)


def test_deterministic_and_duplicates_scored_once():
    first = score_sentences(NEWS + NEWS[:3])
    second = score_sentences(list(reversed(NEWS)))
    pd.testing.assert_frame_equal(first.iloc[: len(NEWS)], second.iloc[::-1].reset_index(drop=True))
    pd.testing.assert_frame_equal(first.iloc[len(NEWS) :].reset_index(drop=True), first.iloc[:3])


# -- bad input ------------------------------------------------------------------------------
def test_bad_input_gives_finite_scores():
    long_text = " ".join(["The war was terrible but the peace is very good"] * 2000)
    texts = [*ODD, None, float("nan"), long_text, "&lt;b&gt;GOOD&lt;/b&gt; &#8220;news&#8221;"]
    frame = score_sentences(texts)  # growth on long text: benchmarks/bench_hostile.py (mentions, sentence)
    assert len(frame) == len(texts)
    assert frame.notna().all().all()
    assert ((frame[["tone", "polarity", "compound"]].abs() <= 1).all()).all()
    assert frame.loc[0].tolist() == [0.0, 0.0, 0.0, 0.0]
    assert frame.loc[len(ODD)].tolist() == [0.0, 0.0, 0.0, 0.0]  # None


def test_empty_input_has_the_columns():
    frame = score_sentences([])
    assert list(frame.columns) == ["tone", "polarity", "subjectivity", "compound"]
    assert len(frame) == 0 and (frame.dtypes == "float64").all()


# -- aggregation ----------------------------------------------------------------------------
def test_article_scores_average_non_debris_sentences():
    rows = pd.DataFrame(
        {
            "tone": [0.5, -0.1, 0.9, 0.0],
            "polarity": [0.2, 0.0, 1.0, 0.1],
            "subjectivity": [0.4, 0.0, 1.0, 0.2],
            "compound": [0.6, -0.2, 0.9, 0.0],
            "is_debris": [False, False, True, False],
        }
    )
    scores = article_scores(rows)
    assert scores == pytest.approx(
        {"tone": 0.4 / 3, "polarity": 0.1, "subjectivity": 0.2, "compound": 0.4 / 3, "n_scored": 3}
    )


def test_article_scores_of_nothing_are_nan():
    rows = pd.DataFrame(
        {"tone": [0.5], "polarity": [0.1], "subjectivity": [0.1], "compound": [0.2], "is_debris": [True]}
    )
    scores = article_scores(rows)
    assert scores["n_scored"] == 0
    assert all(math.isnan(scores[k]) for k in ("tone", "polarity", "subjectivity", "compound"))


def test_lexicon_file_without_inheritance(tmp_path):
    path = tmp_path / "tone.yml"
    path.write_text("version: 1\ninherit: false\nwords:\n  ceasefire: -2\n", encoding="utf-8")
    lex = load_tone_lexicon(path)
    assert lex.words["ceasefire"] == -2.0
    assert "casualties" not in lex.words  # the packaged adjustments were not inherited
    assert lex.words["good"] == get_scorer().lexicon["good"]
    assert score_sentences(["The ceasefire."], lexicon=path).loc[0, "tone"] < 0


def test_phrases_count_once_at_their_last_word():
    plain, phrase = score_sentences(["They are united.", "They met in the United States."])["tone"]
    assert plain > 0 and phrase == 0.0


def test_malformed_yaml_names_file_and_line(tmp_path):
    path = tmp_path / "bad.yml"
    path.write_text("words:\n  good: 1\n  bad: [unclosed\n", encoding="utf-8")
    with pytest.raises(LexiconError) as info:
        score_sentences(["x"], lexicon=path)
    assert info.value.path == str(path) and info.value.line is not None and info.value.line >= 3


@pytest.mark.parametrize(
    ("text", "line", "fragment"),
    [
        ("words:\n  good: 1\n  bad: lots\n", 3, "needs a number"),
        ("words:\n  good: 9\n", 2, "outside VADER's scale"),
        ("words:\n  good: 1\nfeelings:\n  x: 1\n", 3, "unknown section"),
        ("phrases:\n  single: 1\n", 2, "one word"),
        ("when_negated:\n  holding: nope\n", 2, "needs a number"),
        ("persistence: remains\n", 1, "must be a list"),
    ],
)
def test_invalid_lexicon_values_name_the_line(tmp_path, text, line, fragment):
    path = tmp_path / "bad.yml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(LexiconError, match=fragment) as info:
        load_tone_lexicon(path)
    assert info.value.line == line
    assert f"{path}, line {line}" in str(info.value)


def test_lexicon_errors_are_not_silent():
    with pytest.raises(LexiconError):
        load_tone_lexicon({"word": {"good": 1}})  # misspelled section
    with pytest.raises(FileNotFoundError):
        load_tone_lexicon("no-such-lexicon.yml")
    with pytest.raises(TypeError):
        load_tone_lexicon(42)


# -- evaluation -----------------------------------------------------------------------------
def test_evaluate_on_small_rated_file():
    frame = evaluation.evaluate(DATA / "sentiment_rated.tsv")
    assert list(frame.columns) == [*evaluation.RESULT_COLUMNS, "n_bad"]
    row = frame.iloc[0]
    assert row["file"] == "sentiment_rated.tsv"
    assert row["n"] == 10 and row["n_bad"] == 2
    assert frame.attrs["bad_lines"]["sentiment_rated.tsv"][0][0] == 11
    measured = row[["pearson_tone", "pearson_compound", "pearson_polarity", "f1_tone", "f1_compound", "f1_polarity"]]
    assert measured.astype(float).round(4).tolist() == [0.9808, 0.9753, 0.8013, 0.9153, 0.7852, 0.6032]


def test_evaluate_command_prints_the_table(capsys):
    parser = argparse.ArgumentParser()
    evaluation.add_arguments(parser)
    args = parser.parse_args(["--format", "vader", str(DATA / "sentiment_rated.tsv")])
    assert evaluation.main(args) == 0
    captured = capsys.readouterr()
    assert "pearson_tone" in captured.out and "sentiment_rated.tsv" in captured.out
    assert "line 11" in captured.err and "2 line(s) skipped" in captured.err


def test_macro_f1_and_fit_half_are_fixed():
    truth = pd.Series([-1, 0, 1, 1])
    assert evaluation.macro_f1(truth, pd.Series([-1, 0, 1, 0])) == pytest.approx((1 + 2 / 3 + 2 / 3) / 3)
    assert [evaluation.is_fit_half(str(i)) for i in range(6)] == [evaluation.is_fit_half(str(i)) for i in range(6)]
    assert 2 <= sum(evaluation.is_fit_half(str(i)) for i in range(10)) <= 8


# -- the fast paths against the packages: reference route, canary check, rated-set replay ------
def test_reference_method_equals_the_fast_path():
    texts = [*NEWS, *ODD, "GREAT news!!! 😀", "", None]
    fast = score_sentences(texts)
    reference = score_sentences(texts, method="reference")
    pd.testing.assert_frame_equal(fast, reference)
    with pytest.raises(ValueError, match="method must be 'fast' or 'reference'"):
        score_sentences(["x"], method="slow")


def test_canary_check_names_the_versions_on_a_mismatch(monkeypatch):
    from analysis.errors import FastPathMismatchError
    from analysis.sentiment import check

    assert check.mismatches() == []
    real = check._fast_scores
    monkeypatch.setattr(check, "_fast_scores", lambda text: (real(text)[0] + 0.001, *real(text)[1:]))
    check.check_fast_paths.cache_clear()
    try:
        with pytest.raises(FastPathMismatchError, match=r"fast compound differs .*\(vaderSentiment \S+, textblob"):
            check.check_fast_paths()
    finally:
        check.check_fast_paths.cache_clear()


VADER_DEV = Path(__file__).resolve().parents[2] / "shared" / "datasets" / "vader_dev"


@pytest.mark.slow
@pytest.mark.skipif(not VADER_DEV.is_dir(), reason="VADER rated sets not present (../shared/datasets/vader_dev)")
def test_fast_paths_replay_the_rated_sets_exactly():
    from analysis.sentiment.check import mismatches

    texts = []
    for path in sorted(VADER_DEV.glob("*.txt")):
        texts.extend(evaluation.read_rated(path).texts)
    assert len(texts) > 10_000
    assert mismatches(texts) == []
