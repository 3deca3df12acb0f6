"""Numbers across outlets: values read as intervals from their qualifiers, and the rules that
say two figures are (not) one quantity. Figures are written as news writes them."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from analysis.compare.quantities import Figure, disagree, disagreeing_pairs, interval, same_quantity


def fig(text: str, value: float, *, q: str = "exact", unit: str = "people", source: str = "A", **kw) -> Figure:
    return Figure(source, text, value, unit=unit, qualifier=q, **kw)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (fig("more than 5,000 people", 5000, q="at least"), fig("5,200 people", 5200)),
        (fig("about 250 strikes", 250, q="approximate"), fig("up to 250 strikes", 250, q="at most")),
        (fig("nearly $6 billion", 6e9, q="approximate", unit="dollars"), fig("$5.7 billion", 5.7e9, unit="dollars")),
        (
            fig("more than $915 million", 915e6, q="at least", unit="dollars"),
            fig("$916 million", 916e6, unit="dollars"),
        ),
        (fig("more than $5 billion", 5e9, q="at least", unit="dollars"), fig("$5.7 billion", 5.7e9, unit="dollars")),
        (fig("nearly $1 billion", 1e9, q="approximate", unit="dollars"), fig("$916 million", 916e6, unit="dollars")),
        (fig("15-plus years", 15, q="at least", unit="years"), fig("18 years", 18, unit="years")),
        (fig("nearly two decades", 20, q="approximate", unit="years"), fig("18 years", 18, unit="years")),
        (fig("340,000 people", 340000), fig("341,500 people", 341500)),  # rounded to its last stated digit
        (fig("hundreds of thousands of people", 100000, q="at least"), fig("340,000 people", 340000)),
        (fig("billions of dollars", 1e9, q="at least", unit="dollars"), fig("$1.3 billion", 1.3e9, unit="dollars")),
        (fig("Twenty-nine people", 29), fig("29 people", 29)),
        (fig("between 200 and 350 passengers", 200, q="range", value_high=350), fig("300 passengers", 300)),
    ],
)
def test_figures_reconciled_by_their_qualifiers_do_not_disagree(a, b):
    assert not disagree(a, b) and not disagree(b, a)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (fig("$3.5 billion", 3.5e9, unit="dollars"), fig("$3.6 billion", 3.6e9, unit="dollars")),  # touching ends
        (
            fig("More than 340,000 people", 340000, q="at least"),
            fig("nearly half a million people", 5e5, q="approximate"),
        ),
        (fig("more than 5,000 people", 5000, q="at least"), fig("4,800 people", 4800)),  # below a floor
        (fig("up to 250 strikes", 250, q="at most"), fig("300 strikes", 300)),  # above a ceiling
        (fig("19 workers", 19), fig("At least 31 workers", 31, q="at least")),
        (fig("90,000 ballots", 90000), fig("86,000 ballots", 86000)),  # a round figure is not a ±5,000 band
        (fig("about 4,000 people", 4000, q="approximate"), fig("some 5,000 people", 5000, q="approximate")),
    ],
)
def test_figures_whose_intervals_do_not_meet_disagree(a, b):
    assert disagree(a, b) and disagree(b, a)


def test_interval_shapes():
    assert interval(fig("more than 5,000", 5000, q="at least")) == (5000, 5000 * 1.25 + 125)
    assert interval(fig("up to 250", 250, q="at most")) == (0, 250)
    assert interval(fig("about 250", 250, q="approximate")) == (225, 275)
    assert interval(fig("5.7 billion", 5.7e9)) == pytest.approx((5.65e9, 5.75e9))
    assert interval(fig("between 10 and 20", 10, q="range", value_high=20)) == (9.75, 20.25)


@given(st.floats(min_value=1, max_value=1e9), st.sampled_from(["exact", "approximate", "at least", "at most"]))
def test_a_qualified_figure_holds_its_value_and_agrees_with_it_stated_plainly(value, qualifier):
    # "about / more than / up to 5,000" all allow 5,000: never a disagreement with "5,000" itself
    value = float(round(value))
    text = f"{value:,.0f} people"
    qualified = fig(text, value, q=qualifier)
    lo, hi = interval(qualified)
    assert lo <= value <= hi
    assert not disagree(qualified, fig(text, value, source="B"))


# ----------------------------------------------------------------------------- same quantity


def ctx(*words: str) -> frozenset[str]:
    return frozenset(words)


@pytest.mark.parametrize(
    ("a", "b", "reason"),
    [
        # an age ("Karsen, 58,") is not a prison term ("12 years in prison")
        (fig("58", 58, unit="years", context=ctx("sentenc")), fig("12 years", 12, unit="years", context=ctx("sentenc")),
         "age is not duration"),
        # people killed are not years in prison
        (fig("23 people", 23, context=ctx("C:death")), fig("23 years", 23, unit="years", context=ctx("C:death")),
         "different units"),
        # a daily figure is not a total
        (fig("250 strikes daily", 250, unit="strikes", rate="daily", context=ctx("jet")),
         fig("900 strikes", 900, unit="strikes", context=ctx("jet")), "different rates"),
        # a one-year loss is not a decade's debt: nothing counted in common
        (fig("$916 million", 916e6, unit="dollars", context=ctx("loss")),
         fig("$1.2 billion", 1.2e9, unit="dollars", context=ctx("debt")), "nothing counted in common"),
        # a figure ten times another counts something else
        (fig("12 people", 12, context=ctx("attend")), fig("5,000 people", 5000, context=ctx("attend")), "times apart"),
        # a rise is not a fall
        (fig("2.4 percent", 2.4, unit="percent", context=ctx("C:increase", "index")),
         fig("3.1 percent", 3.1, unit="percent", context=ctx("C:decrease", "index")), "rise, the other a fall"),
    ],
)  # fmt: skip
def test_figures_of_different_quantities_are_never_compared(a, b, reason):
    same, why = same_quantity(a, fig(b.text, b.value, unit=b.unit, source="B", rate=b.rate, context=b.context))
    assert not same and reason in why
    assert (
        disagreeing_pairs([(1, a), (1, Figure("B", b.text, b.value, unit=b.unit, rate=b.rate, context=b.context))])
        == []
    )


def test_same_quantity_says_why():
    a = fig("At least 31 workers", 31, q="at least", context=ctx("C:death", "fire"))
    b = fig("19 workers", 19, source="B", context=ctx("C:death", "plant"))
    same, why = same_quantity(a, b)
    assert same and why == "both people (amount), both about: C:death"
    (pair,) = disagreeing_pairs([(7, a), (7, b)])
    assert pair["group"] == 7 and (pair["text_a"], pair["text_b"]) == ("At least 31 workers", "19 workers")
    assert pair["why"].endswith("[31, 39.2] and [18.5, 19.5] do not overlap")


def test_a_figure_is_compared_with_its_closest_counterpart_only():
    # "lost 1.2 percent, or 26 points, to 743" against "fell 3.5 percent, or 90 points": the
    # points fall is compared with the points fall, not with the index level
    a_fall = fig("26 points", 26, unit="points", context=ctx("lost", "index", "fall"))
    a_level = fig("743 points", 743, unit="points", context=ctx("index", "level"))
    b_fall = fig("90 points", 90, unit="points", source="B", context=ctx("lost", "index", "fall"))
    pairs = disagreeing_pairs([(1, a_fall), (1, a_level), (1, b_fall)])
    assert [(p["text_a"], p["text_b"]) for p in pairs] == [("26 points", "90 points")]


def test_a_source_repeating_a_figure_is_compared_once():
    a = fig("23 people", 23, context=ctx("C:death"))
    b = fig("31 people", 31, source="B", context=ctx("C:death"))
    assert len(disagreeing_pairs([(1, a), (1, a), (1, b)])) == 1


@pytest.mark.parametrize(
    ("a", "b", "reason"),
    [
        # a toll reported on the 3rd and one reported on the 9th: the later one is an update
        (fig("23 people", 23, context=ctx("C:death"), published=20_000.0),
         fig("31 people", 31, context=ctx("C:death"), published=20_006.0), "6 days apart"),
        # "fell 2.6 percent today" in two articles written on consecutive days: two different days
        (fig("2.6 percent", 2.6, unit="percent", context=ctx("index", "C:decrease"), published=20_000.0,
             sentence="The Varsk index fell 2.6 percent today."),
         fig("3.8 percent", 3.8, unit="percent", context=ctx("index", "C:decrease"), published=20_001.0,
             sentence="The Varsk index fell 3.8 percent by 16:08."), "different days"),
        # whose figure: the age of one executive is not the age of another
        (fig("49", 49, unit="years", context=ctx("leav"), actors=frozenset({"Edda Varn"})),
         fig("55", 55, unit="years", context=ctx("leav"), actors=frozenset({"Piet Osk"})), "different actors"),
    ],
)  # fmt: skip
def test_figures_of_different_times_or_holders_are_never_compared(a, b, reason):
    b = Figure("B", b.text, b.value, unit=b.unit, context=b.context, published=b.published, sentence=b.sentence,
               actors=b.actors)  # fmt: skip
    same, why = same_quantity(a, b)
    assert not same and reason in why
    assert disagreeing_pairs([(1, a), (1, b)]) == []


def test_figures_of_one_day_and_one_holder_are_still_compared():
    # the same day, or a day apart with no word that dates the figure by its writing, and the same holder
    a = fig("23 people", 23, context=ctx("C:death"), published=20_000.0, actors=frozenset({"Korsa"}))
    b = Figure("B", "31 people", 31, unit="people", context=ctx("C:death"), published=20_001.0,
               actors=frozenset({"Korsa", "Vessany"}))  # fmt: skip
    assert same_quantity(a, b)[0]
    assert len(disagreeing_pairs([(1, a), (1, b)])) == 1
    # a date unknown on one side never separates them
    assert same_quantity(a, Figure("B", "31 people", 31, unit="people", context=ctx("C:death")))[0]


def test_a_pair_carries_both_speakers():
    a = fig("23 people", 23, context=ctx("C:death"), speaker="Vessany Fire Service")
    b = fig("31 people", 31, source="B", context=ctx("C:death"))
    (pair,) = disagreeing_pairs([(1, a), (1, b)])
    assert (pair["speaker_a"], pair["speaker_b"]) == ("Vessany Fire Service", "")


def _reference_pairs(figures):
    """The disagreeing pairs as first written: every (figure, source) counterpart re-read for every pair."""
    from analysis.compare.quantities import disagree as dis
    from analysis.compare.quantities import same_quantity as sq

    by_group = {}
    for group, f in figures:
        key = (f.source, f.unit, f.value, f.value_high, f.qualifier, f.rate, f.context)
        by_group.setdefault(group, {}).setdefault(key, f)
    out = []
    for group, unique in by_group.items():
        items = sorted(unique.values(), key=lambda f: (f.source, f.key))
        same = {(i, j) for i in range(len(items)) for j in range(i + 1, len(items))
                if items[i].source != items[j].source and sq(items[i], items[j])[0]}  # fmt: skip

        def best(i, j, items=items, same=same):
            scores = [(len(items[i].context & items[k].context), k) for k in range(len(items))
                      if items[k].source == items[j].source and (min(i, k), max(i, k)) in same]  # fmt: skip
            top = max(s for s, _ in scores)
            return [k for s, k in scores if s == top] == [j]

        out += [(group, items[i].key, items[j].key) for i, j in sorted(same)
                if best(i, j) and best(j, i) and dis(items[i], items[j])]  # fmt: skip
    return out


_WORDS = st.frozensets(st.sampled_from(["C:death", "hurt", "fire", "vote", "index"]), max_size=3)


@given(
    st.lists(
        st.tuples(st.sampled_from("ABC"), st.sampled_from([10, 12, 19, 31, 40, 95]),
                  st.sampled_from(["people", "points"]), _WORDS, st.sampled_from([0, 1])),
        max_size=9,
    )
)  # fmt: skip
def test_disagreeing_pairs_equal_the_pair_by_pair_reading(rows):
    """Each figure's closest counterparts are read once per source: the same pairs as re-reading them per pair."""
    figures = [(g, fig(f"{v} {u}", v, unit=u, source=s, context=c, key=(s, i, v)))
               for i, (s, v, u, c, g) in enumerate(rows)]  # fmt: skip
    found = [(p["group"], p["key_a"], p["key_b"]) for p in disagreeing_pairs(figures)]
    assert sorted(found) == sorted(_reference_pairs(figures))
