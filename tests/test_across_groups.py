"""Figures of one quantity wherever the aligner put their claims: what a figure counts (its head, the
noun it is written with, whose age it is), the rules that say two figures are or are not one quantity,
the pairs found across claim groups with their reason, and the blocking that keeps it linear.
Every sentence is written for the test (invented names, real news patterns)."""

from __future__ import annotations

import pytest

import analysis
import analysis.compare.across_groups as across_groups
from analysis.compare import number_disagreements
from analysis.compare.across_groups import MAX_BLOCK, attached_noun, heads, same_across
from analysis.compare.alignment import _is_noun, _names_a_thing, load_lexicon, stem
from analysis.compare.propositions import NOT_PREDICATE, base_form
from analysis.compare.quantities import Figure, disagreeing_pairs, same_quantity
from analysis.evaluation.alignment import NumberPair, PredictedSentence, format_scores, score_alignment
from analysis.text import stopwords

WORDS = {
    "stem": lambda w: stem(base_form(w)),
    "stop": stopwords() | NOT_PREDICATE,
    "concept_of": load_lexicon().concept_of_stem(),
}


def heads_of(sentence: str, figure: str, names=()) -> frozenset[str]:
    a = sentence.index(figure)
    return heads(sentence, a, a + len(figure), **WORDS, counts=_names_a_thing, names=names, noun=_is_noun)


def noun_of(sentence: str, figure: str) -> str:
    a = sentence.index(figure)
    return attached_noun(sentence, a, a + len(figure), **WORDS, noun=_is_noun)


# ---------------------------------------------------------------- what a figure counts


@pytest.mark.parametrize(
    ("sentence", "figure", "expected"),
    [
        ("Varn claimed a loss of $9 million in 2019.", "$9 million", {"loss"}),
        ("At least 29 people were injured in the blast on Saturday.", "At least 29 people", {"C:injury"}),
        ("Police detained 14 rioters near the square.", "14 rioters", {"C:arrest"}),
        # a number word is another figure, not what this one counts
        ("The plan would cost nearly $55 billion over six years.", "nearly $55 billion", {"cost"}),
        ("Varn lost $9 million three times.", "$9 million", {"lose"}),  # a name opening the sentence is no head
        # a verb on the left reads on to its noun; the preposition right before the figure is the figure's
        ("The death toll rose to 31 on Monday.", "31", {"C:death", "C:increase"}),
        # an adjunct opens another phrase: the officials are not what the percentage counts
        ("Korvel's share fell to 50.5 percent from 50.6 percent after officials re-examined the ballots.",
         "50.6 percent", frozenset()),
    ],
)  # fmt: skip
def test_the_head_is_the_nearest_noun_or_verb_in_the_clause(sentence, figure, expected):
    assert heads_of(sentence, figure) == frozenset(expected)


def test_an_organisation_next_to_a_figure_is_what_it_counts():
    s = "Lawmakers approved $3.6 billion for the Harbor Relief Fund after a night of debate."
    fund = (s.index("Harbor"), s.index("Harbor") + len("Harbor Relief Fund"), "Harbor Relief Fund", "ORG")
    assert "E:Harbor Relief Fund" in heads_of(s, "$3.6 billion", [fund])
    far = "The Harbor Relief Fund, which the governor set up in the spring after the floods, received $3.6 billion."
    fund = (4, 22, "Harbor Relief Fund", "ORG")
    assert "E:Harbor Relief Fund" not in heads_of(far, "$3.6 billion", [fund])


@pytest.mark.parametrize(
    ("sentence", "figure", "whose"),
    [
        ("Dana Holm, 41, was shot near the bridge.", "41", True),
        ("Holm, aged 41, had no record.", "41", True),
        ("Holm, a 41-year-old bus driver, had no record.", "41-year-old", True),
        ("Holm met 41 voters in the hall.", "41 voters", False),
    ],
)
def test_a_person_right_next_to_a_figure_is_whose_age_it_may_be(sentence, figure, whose):
    name = "Dana Holm" if sentence.startswith("Dana") else "Holm"
    person = (0, len(name), "Dana Holm", "PERSON")
    assert ("P:Dana Holm" in heads_of(sentence, figure, [person])) is whose


@pytest.mark.parametrize(
    ("sentence", "figure", "noun"),
    [
        ("Carro won 48 percent of the vote.", "48 percent", "C:vote"),
        ("Turnout was 45 percent of voters.", "45 percent", "voter"),
        ("The firm reported a $3.5 billion loss.", "$3.5 billion", "loss"),
        ("The firm reported a loss of $3.5 billion.", "$3.5 billion", "loss"),
        ("Turnout was 61 percent, observers said.", "61 percent", "turnout"),
        ("The fund will receive $3.5 billion from the state.", "$3.5 billion", ""),
        # the tagger reads "fine" alone as an adjective; a word of a synonym group names a thing
        ("The bank agreed to pay a $3.6 billion fine.", "$3.6 billion", "C:penalty"),
    ],
)
def test_the_noun_a_figure_is_written_with(sentence, figure, noun):
    assert noun_of(sentence, figure) == noun


def test_figures_written_with_different_nouns_are_not_one_quantity():
    """A percentage of something else: "48 percent of the vote" is not "45 percent of voters"."""
    ctx = frozenset({"round"})
    a = Figure("A", "48 percent", 48, unit="percent", context=ctx, attached="C:vote")
    b = Figure("B", "45 percent", 45, unit="percent", context=ctx, attached="voter")
    ok, why = same_quantity(a, b)
    assert not ok and why == "written with different nouns (C:vote / voter)"
    assert same_quantity(a, Figure("B", "45 percent", 45, unit="percent", context=ctx, attached="C:vote"))[0]


# ---------------------------------------------------------------- one quantity across claim groups


def money(source, text, value, heads_, *, sentence="", context=(), actors=(), key=None) -> Figure:
    return Figure(source, text, value, unit="dollar", heads=frozenset(heads_), sentence=sentence,
                  context=frozenset(context), actors=frozenset(actors), key=key or (source, 0, int(value)))  # fmt: skip


def test_a_fund_named_next_to_both_figures_makes_them_one_quantity_across_groups():
    a = money("A", "$3.5 billion", 3.5e9, {"E:Harbor Relief Fund", "receiv"}, context={"receiv", "state"})
    b = money("B", "$3.6 billion", 3.6e9, {"E:Harbor Relief Fund", "approv"}, context={"approv", "debat"})
    assert disagreeing_pairs([(1, a), (2, b)]) == []  # two claim groups: never compared before
    (pair,) = disagreeing_pairs([(1, a), (2, b)], across=same_across)
    assert (pair["group"], pair["group_b"]) == (1, 2)
    assert pair["why"].startswith("across claim groups, both dollar (amount), counted thing: Harbor Relief Fund;")
    assert pair["why"].endswith("do not overlap")


def test_a_common_word_head_needs_more_in_common():
    """Two marches of one day share "march"; it is one quantity only with another shared word, an actor or a year."""
    a = money("A", "5,000", 5000, {"march"}, context={"march", "dam"})
    b = money("B", "3,000", 3000, {"march"}, context={"march", "mayor"})
    assert same_across([a, b], [1, 2]) == {}
    with_actor = [money("A", "5,000", 5000, {"march"}, context={"march"}, actors={"Ostrava Union"}),
                  money("B", "3,000", 3000, {"march"}, context={"march"}, actors={"Ostrava Union"})]  # fmt: skip
    assert "actors: Ostrava Union" in same_across(with_actor, [1, 2])[(0, 1)]
    marched = {"march"}
    with_year = [money("A", "5,000", 5000, marched, context=marched, sentence="They marched in 2019."),
                 money("B", "3,000", 3000, marched, context=marched, sentence="In 2019, they marched.")]  # fmt: skip
    assert same_across(with_year, [1, 2])[(0, 1)].endswith("year: 2019")
    # two heads in common ("the group holds 8 percent" / "the group holds 3 to 5 percent") are two things
    held = [money("A", "8 percent", 8, {"group", "hold"}), money("B", "5 percent", 5, {"group", "hold"})]
    assert same_across(held, [1, 2])[(0, 1)].endswith("counted thing: group, hold")


def test_different_heads_are_never_compared():
    """A loss is not a debt: figures whose heads do not meet are not even in one block."""
    a = money("A", "$3.5 billion", 3.5e9, {"loss"}, context={"loss", "debt"}, actors={"Varn Group"})
    b = money("B", "$3.6 billion", 3.6e9, {"debt"}, context={"loss", "debt"}, actors={"Varn Group"})
    assert same_across([a, b], [1, 2]) == {}


def age(source, text, value, heads_, **kw) -> Figure:
    return Figure(source, text, value, unit="years", heads=frozenset(heads_), key=(source, 0, value), **kw)


def test_an_age_is_one_persons():
    holm_a = age("A", "41", 41, {"P:Dana Holm", "shoot"})
    holm_b = age("B", "44", 44, {"P:Dana Holm", "driver"})
    (pair,) = disagreeing_pairs([(1, holm_a), (2, holm_b)], across=same_across)
    assert "counted thing: Dana Holm" in pair["why"]
    # two people's ages, with words and a head in common: still not one quantity
    shot = frozenset({"shoot", "bridg"})
    holm_shot = age("A", "41", 41, {"P:Dana Holm", "shoot"}, context=shot)
    ostrow = age("B", "44", 44, {"P:Marek Ostrow", "shoot"}, context=shot)
    assert disagreeing_pairs([(1, holm_shot), (2, ostrow)], across=same_across) == []
    # an age is never a prison term, even of the same person
    term = Figure("B", "12 years", 12, unit="years", heads=frozenset({"P:Dana Holm"}), key=("B", 0, 12))
    assert same_across([holm_a, term], [1, 2]) == {}


def test_an_agreeing_figure_in_the_claims_own_group_settles_it():
    """A figure meets the other outlet's figure in its own claim group first; a figure of another group is
    compared only when its own group has none."""
    fund = {"E:Harbor Relief Fund"}
    a = money("A", "$3.5 billion", 3.5e9, fund, context={"receiv"}, key=("A", 0, 1))
    same_group = money("B", "$3.5 billion", 3.5e9, fund, context={"approv"}, key=("B", 0, 1))
    # the other group's figure shares more words with it, but the own group's comes first
    other_group = money("B", "$3.6 billion", 3.6e9, fund, context={"receiv"}, key=("B", 1, 1))
    assert disagreeing_pairs([(1, a), (1, same_group), (2, other_group)], across=same_across) == []
    assert len(disagreeing_pairs([(1, a), (2, other_group)], across=same_across)) == 1


def test_figures_are_compared_only_inside_their_blocks(monkeypatch):
    """Blocked by (unit, kind, rate, head): figures with no head in common are never judged, and a head
    shared by more than MAX_BLOCK figures (a topic) is skipped; never every pair of an event."""
    judged = []
    real = across_groups._judge
    monkeypatch.setattr(across_groups, "_judge", lambda a, b, **kw: judged.append(1) or real(a, b, **kw))
    items = [money("AB"[i % 2], f"${i} million", i * 1e6, {f"head{i}"}) for i in range(1, MAX_BLOCK // 2)]
    assert same_across(items, list(range(len(items)))) == {} and judged == []
    crowd = [money("AB"[i % 2], f"${i} million", i * 1e6, {"paid"}) for i in range(1, MAX_BLOCK + 2)]
    assert same_across(crowd, list(range(len(crowd)))) == {} and judged == []
    few = crowd[:4]
    same_across(few, list(range(4)))
    assert len(judged) == 4  # the pairs of two sources in a block of four
    # many articles of two outlets repeating one toll each: a value a source writes again is read once
    judged.clear()
    tolls = [money("AB"[i % 2], "toll", (12, 14)[i % 2] * 1e6, {"C:death"}, context={"C:death", "mine"},
                   key=("AB"[i % 2], i, 0)) for i in range(MAX_BLOCK + 50)]  # fmt: skip
    assert list(same_across(tolls, list(range(len(tolls))))) == [(0, 1)] and len(judged) == 1


# ---------------------------------------------------------------- end to end


@pytest.fixture(scope="module")
def written_events():
    texts = {
        "fund": ("The Harbor Relief Fund will receive $3.5 billion from the state, Governor Alma Reyes said.",
                 "Lawmakers in Dunmore approved $3.6 billion for the Harbor Relief Fund after a long night of debate."),
        "age": ("Police said Dana Holm, 41, was shot twice near the Kelvin bridge on Friday night.",
                "Holm, 44, a bus driver and father of three, had no criminal record, his lawyer said."),
        "others": ("Dana Holm, 41, was shot twice near the Kelvin bridge on Friday night, police said.",
                   "Marek Ostrow, 44, was arrested at the scene, police said."),
        "share": ("Mayor Ines Carro won 48 percent of the vote in the first round on Sunday.",
                  "Turnout in Sunday's first round was 45 percent of voters, the electoral board said."),
        "rank": ("The Harbor Relief Fund ranked third among state funds in 2019, on June 14.",
                 "The Harbor Relief Fund ranked fifth among state funds in 2018, on June 12."),
    }  # fmt: skip
    outlets = ["Ardmore Post", "Bellway Times"]
    records = [{"article_id": f"{event}-{i}", "source": outlets[i], "event": event, "published": "2026-03-02",
                "text": text}
               for event, pair in texts.items() for i, text in enumerate(pair)]  # fmt: skip
    return analysis.analyze(analysis.load_corpus(records), progress=False)


def test_the_same_fund_in_two_outlets_disagrees_with_its_reason(written_events):
    (pair,) = number_disagreements(written_events, event="fund").itertuples()
    assert (pair.text_a, pair.text_b) == ("$3.5 billion", "$3.6 billion")
    assert "counted thing: Harbor Relief Fund" in pair.why
    assert pair.sentence_a.startswith("The Harbor Relief Fund") and pair.sentence_b.startswith("Lawmakers")


def test_one_persons_age_in_two_claim_groups_disagrees(written_events):
    (pair,) = number_disagreements(written_events, event="age").itertuples()
    assert pair.claim_group != pair.claim_group_b  # the pass across claim groups found it
    assert (pair.text_a, pair.text_b) == ("41", "44")
    assert pair.why.startswith("across claim groups, both year (age), counted thing: Dana Holm;")


def test_two_peoples_ages_a_share_of_something_else_and_a_rank_are_not_flagged(written_events):
    assert number_disagreements(written_events, event="others").empty
    assert number_disagreements(written_events, event="share").empty
    # a rank, a year and a date are no figures: two outlets' ranks of one fund are never compared
    assert number_disagreements(written_events, event="rank").empty


# ---------------------------------------------------------------- the evaluator


def test_the_scorer_counts_a_flag_across_two_groups():
    sources = {"a": "Daily Ledger", "b": "Valley Post"}
    predicted = [
        PredictedSentence("a", "Daily Ledger", 0, 10, "g1"),
        PredictedSentence("b", "Valley Post", 0, 10, "g2"),
    ]
    numbers = [NumberPair("s", "n1", "disagree", ("a", 2, 5), ("b", 3, 6)),
               NumberPair("s", "n2", "agree", ("a", 12, 15), ("b", 13, 16))]  # fmt: skip
    flags = [("e#1/2", ("b", 0, 10), ("a", 0, 10)), ("e#3", ("a", 10, 20), ("b", 10, 20))]
    s = score_alignment(predicted, [], sources, flag_pairs=flags, numbers=numbers)
    assert (s.flagged, s.flagged_correct, s.disagreements_found, s.flagged_negatives) == (2, 1, 1, 1)
    assert "P 0.500  R 1.000  (1 of 2 flags correct" in format_scores(s, "demo")
    # the groups alone hold neither side of the gold pair together: scored by groups it is missed
    g = score_alignment(predicted, [], sources, flagged=["g1", "g2"], numbers=numbers)
    assert g.disagreements_found == 0
