"""Check functions for the workshop notebooks (``notebooks/workshop/``).

Each ``check_*`` function takes a learner's answer, works out the right answer
from the package (run on the bundled corpus) or from the corpus gold (the
annotators' answer key in ``data/gold``), and returns a :class:`Check` that
says whether the answer is right and why. Nothing is hard-coded: if a lexicon
or the corpus changes, the checks follow.

>>> from analysis import workshop                       # doctest: +SKIP
>>> workshop.check_own_voice_leader("Derzhava Daily")   # doctest: +SKIP
Right. Derzhava Daily states 37% of its claims ...

An answer left as ``...`` (the placeholder in the exercise cells) gives a
"not answered yet" check, so the notebooks run top to bottom before anyone
has typed anything.

The steps every check takes before judging (a blank answer, a True/False
answer of the wrong type, the default analysis) live in one decorator,
``_exercise``; the body of each ``check_*`` function says only what its
exercise compares.

The analysis of the bundled corpus is computed once per process, on first use.
"""

from __future__ import annotations

import inspect
import math
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import cache, wraps
from typing import Any, ParamSpec

import pandas as pd

from analysis import compare
from analysis.resources import checkout_path
from analysis.result import Analysis

#: The event every exercise is about.
EVENT = "syria-isis-defeat-2017"
#: The user's example article (in the checkout's ``data/seed/``), used by the entity and number exercises.
SEED_FILE = "syria-isis-defeat-2017-seed.md"


@dataclass(frozen=True)
class Check:
    """The verdict on one answer.

    Attributes:
        correct: True (right), False (wrong) or None (not answered yet).
        message: why, in a sentence or three, with where to look next.
        expected: the answer the check compared with (for instructors and tests;
            it is not printed).
    """

    correct: bool | None
    message: str
    expected: Any = None

    def __bool__(self) -> bool:
        return self.correct is True

    def __repr__(self) -> str:
        head = {True: "Right.", False: "Not quite.", None: "Not answered yet."}[self.correct]
        return f"{head} {self.message}"

    __str__ = __repr__


def _unanswered(answer: object) -> bool:
    return answer is ... or answer is None or (isinstance(answer, str) and not answer.strip())


_NOT_ANSWERED = "Replace the ... in the cell with your answer and run it again."


def _norm(text: object) -> str:
    """Lower case, straight apostrophes, no leading 'the', single spaces."""
    text = str(text).replace("’", "'").strip().lower()
    text = re.sub(r"\s+", " ", text)
    return re.sub(r"^the ", "", text)


def _number(answer: object) -> float | None:
    if isinstance(answer, bool):
        return None
    if isinstance(answer, int | float):
        return float(answer)
    if isinstance(answer, str):
        try:
            return float(answer.replace(",", "").replace("_", "").strip())
        except ValueError:
            return None
    return None


# --------------------------------------------------------------------------- data


@cache
def bundled_analysis() -> Analysis:
    """The package's analysis of the bundled corpus (``data/events``), computed once."""
    from analysis.pipeline import analyze

    events = checkout_path("data", "events")
    return analyze(events, progress=False, event_aliases=events)


@cache
def seed_analysis() -> Analysis:
    """The package's analysis of the seed article, computed once."""
    from analysis.pipeline import analyze

    return analyze(
        checkout_path("data", "seed", SEED_FILE), progress=False, event_aliases=checkout_path("data", "events")
    )


@cache
def event_gold(event: str = EVENT) -> dict[str, Any]:
    """The event-level gold (``data/gold/<event>/_event.yml``) as a dict."""
    from analysis.resources import read_yaml

    return read_yaml(checkout_path("data", "gold", event, "_event.yml"))


@cache
def _gold_set():
    from analysis.evaluation.gold import load_gold_dir

    return load_gold_dir(checkout_path("data", "gold"))


def _source_names(result: Analysis) -> dict[str, str]:
    return dict(zip(result.articles["article_id"], result.articles["source"], strict=True))


def _sources(result: Analysis, event: str) -> list[str]:
    return sorted(result.articles.loc[result.articles["event"] == event, "source"].unique())


def _match_source(answer: object, result: Analysis, event: str) -> str | None:
    """The outlet an answer names (case and 'the' ignored), or None."""
    wanted = _norm(answer)
    for source in _sources(result, event):
        if _norm(source) == wanted:
            return source
    return None


def _not_a_source(answer: object, result: Analysis, event: str) -> Check:
    names = ", ".join(_sources(result, event))
    return Check(False, f"{answer!r} is not one of the outlets of this event. Choose one of: {names}.")


def _in_sentence(result: Analysis, phrase: str) -> pd.Series:
    """Per claims row: whether its sentence (``claims.text`` holds only the claim) contains ``phrase``."""
    sentences = result.sentences[["article_id", "sentence_id", "text"]].rename(columns={"text": "sentence"})
    joined = result.claims[["article_id", "sentence_id"]].merge(sentences, on=["article_id", "sentence_id"], how="left")
    found = joined["sentence"].fillna("").str.contains(phrase, regex=False)
    return pd.Series(found.to_numpy(dtype=bool), index=result.claims.index)


def _article_ids(result: Analysis, source: str) -> set[str]:
    return {aid for aid, name in _source_names(result).items() if name == source}


# --------------------------------------------------------------------------- what every check does first

_P = ParamSpec("_P")


def _exercise(
    *, against: Callable[[], Analysis] = bundled_analysis, true_or_false: bool = False
) -> Callable[[Callable[_P, Check]], Callable[_P, Check]]:
    """Give a ``check_*`` function the steps every exercise takes before judging.

    1. A blank answer (``...``, None, an empty string) is "not answered yet".
    2. With ``true_or_false``, an answer that is not True or False is wrong, and the check says so.
    3. ``result=None`` (the default) becomes ``against()``, so the function body always has an analysis.

    The decorated function keeps its name, signature and docstring.

    Args:
        against: the analysis to check against when the caller gives none.
        true_or_false: whether the answer must be True or False.

    Returns:
        The decorator.
    """

    def decorate(check: Callable[_P, Check]) -> Callable[_P, Check]:
        signature = inspect.signature(check)

        @wraps(check)
        def run(*args: _P.args, **kwargs: _P.kwargs) -> Check:
            call = signature.bind(*args, **kwargs)
            answer = call.arguments["answer"]
            if _unanswered(answer):
                return Check(None, _NOT_ANSWERED)
            if true_or_false and not isinstance(answer, bool):
                return Check(False, f"Answer True or False, not {answer!r}.")
            if call.arguments.get("result") is None:
                call.arguments["result"] = against()
            return check(*call.args, **call.kwargs)

        return run

    return decorate


# --------------------------------------------------------------------------- 1. entities and labels


@_exercise(against=seed_analysis)
def check_canonical(answer: object, *, surface: str = "ISIL", result: Analysis | None = None) -> Check:
    """Exercise 1.1: under which canonical name does the package file ``surface`` in the seed article?

    Args:
        answer: the learner's canonical name.
        surface: the name as written in the article.
        result: the analysis to check against (default: the seed article's).

    Returns:
        A :class:`Check`: right if ``answer`` is that canonical name (case and a leading 'the' ignored).
    """
    rows = result.entities[result.entities["text"] == surface]
    if rows.empty:
        return Check(False, f"The package found no mention written {surface!r}; check the spelling.", None)
    expected = str(rows["canonical"].mode().iloc[0])
    aliases = sorted(set(result.entities.loc[result.entities["canonical"] == expected, "text"]))
    if _norm(answer) == _norm(expected):
        return Check(
            True,
            f"{surface!r} is filed under {expected!r}, together with {', '.join(map(repr, aliases))}: "
            "counting the canonical name counts the actor, whatever the outlet calls it.",
            expected,
        )
    if str(answer) in aliases:
        return Check(
            False,
            f"{answer!r} is one of the ways the article writes the group, not the one name all of them "
            "are filed under. Look at the 'canonical' column of result.entities.",
            expected,
        )
    return Check(
        False,
        f"The package does not file {surface!r} under {answer!r}. Filter result.entities on "
        f"text == {surface!r} and read the 'canonical' column.",
        expected,
    )


def _gold_label_sources(entity: str, label: str, event: str) -> list[str]:
    word = re.compile(rf"\b{re.escape(label.lower())}\b")
    for item in event_gold(event).get("label_differences", []):
        if item["canonical"] == entity:
            return [aid for aid, labels in item["labels"].items() if any(word.search(x.lower()) for x in labels)]
    return []


@_exercise()
def check_label_source(
    answer: object,
    *,
    label: str = "mercenaries",
    entity: str = "Islamic State",
    event: str = EVENT,
    result: Analysis | None = None,
) -> Check:
    """Exercise 1.2: which outlet calls ``entity`` by ``label``? Judged against the annotators' label list.

    Args:
        answer: an outlet name.
        label: the word asked about.
        entity: the canonical entity.
        event: the event.
        result: the analysis (default: the bundled corpus).

    Returns:
        A :class:`Check`; the message also says where the package's count differs from the annotators'.
    """
    source = _match_source(answer, result, event)
    if source is None:
        return _not_a_source(answer, result, event)
    names = _source_names(result)
    gold = sorted(names.get(a, a) for a in _gold_label_sources(entity, label, event))
    table = compare.labels(result, entity, event=event)
    found = sorted(set(table.loc[table["term"].str.lower() == label.lower(), "source"]))
    extra = [s for s in found if s not in gold]
    note = ""
    if extra:
        note = (
            f" The package also counts {label!r} near {entity} in {', '.join(extra)}, where the annotators did not "
            f"list it: read compare.evidence(result, term={label!r}, event={event!r}) and decide who is right."
        )
    if source in gold:
        listed = ", ".join(gold)
        return Check(True, f"{source} calls {entity} {label!r}; the annotators list it for {listed}.{note}", gold)
    if source in found:
        return Check(
            False,
            f"The package counts {label!r} in {source}, but the annotators do not list it as a label for {entity} "
            f"there: read the sentence (compare.evidence with term={label!r}) and see who the word describes.",
            gold,
        )
    return Check(
        False,
        f"{source} never uses {label!r} for {entity}. Look at compare.labels(result, {entity!r}, event={event!r}).",
        gold,
    )


@_exercise()
def check_coverage_rate(
    answer: object,
    *,
    entity: str = "Islamic State",
    source: str = "Derzhava Daily",
    event: str = EVENT,
    tolerance: float = 0.1,
    result: Analysis | None = None,
) -> Check:
    """Exercise 1.3: how many times per 1,000 words does ``source`` name ``entity``?

    Args:
        answer: a number (mentions per 1,000 words).
        entity: the canonical entity.
        source: the outlet.
        event: the event.
        tolerance: allowed absolute difference (rounding).
        result: the analysis (default: the bundled corpus).

    Returns:
        A :class:`Check`: right within ``tolerance`` of ``per_1000_words`` in ``compare.coverage``.
    """
    table = compare.coverage(result, event=event)
    row = table[(table["canonical"] == entity) & (table["source"] == source)].iloc[0]
    expected = float(row["per_1000_words"])
    value = _number(answer)
    if value is None:
        return Check(False, f"Give a number (mentions per 1,000 words), not {answer!r}.", expected)
    if abs(value - expected) <= tolerance:
        return Check(
            True,
            f"{source} names {entity} {int(row['mentions'])} time(s) in {int(row['n_words'])} words "
            f"= {expected:.1f} per 1,000. A low rate does not mean the outlet ignores the group: it may call it "
            "something that is not a name (see its labels).",
            expected,
        )
    if abs(value - float(row["mentions"])) < 1e-9:
        return Check(False, "That is the raw count of mentions; divide by the outlet's words and multiply by 1,000.")
    return Check(
        False,
        f"Not what the coverage table gives for {source} and {entity}: read the 'per_1000_words' column "
        "(mentions / n_words * 1000).",
        expected,
    )


# --------------------------------------------------------------------------- 2. attribution and voice


@_exercise()
def check_own_voice_leader(answer: object, *, event: str = EVENT, result: Analysis | None = None) -> Check:
    """Exercise 2.1: which outlet states the largest share of its claims in its own voice?

    Right means: the outlet the annotators rank first.

    Args:
        answer: an outlet name.
        event: the event.
        result: the analysis (default: the bundled corpus).

    Returns:
        A :class:`Check`; the message also says whether the package's own-voice shares agree.
    """
    source = _match_source(answer, result, event)
    if source is None:
        return _not_a_source(answer, result, event)
    names = _source_names(result)
    gold = names.get(event_gold(event)["own_voice_ranking"][0])
    table = compare.voice(result, event=event).set_index("source")
    package = str(table["own_voice_share"].idxmax())
    share = table.loc[source, "own_voice_share"]
    counts = f"{int(table.loc[source, 'n_own_voice'])} of {int(table.loc[source, 'n_claims'])}"
    agree = (
        "The package's shares agree."
        if package == gold
        else f"The package's shares put {package} first: extraction errors move small shares."
    )
    if source == gold:
        return Check(
            True,
            f"{source} states {share:.0%} of its claims ({counts}) with no source named: the contested claims "
            f"read as facts. {agree}",
            gold,
        )
    return Check(
        False,
        f"{source} states {share:.0%} of its claims ({counts}) in its own voice; another outlet states more. "
        "Sort compare.voice(...) by own_voice_share and read n_claims beside it.",
        gold,
    )


def _gold_claim(event: str, source: str, phrase: str, result: Analysis) -> pd.Series | None:
    ids = _article_ids(result, source)
    claims = _gold_set().claims
    rows = claims[claims["article_id"].isin(ids) & claims["content"].str.contains(phrase, regex=False)]
    return None if rows.empty else rows.iloc[0]


@_exercise()
def check_speaker(
    answer: object,
    *,
    source: str = "Northwind Wire",
    phrase: str = "completely liberated",
    event: str = EVENT,
    result: Analysis | None = None,
) -> Check:
    """Exercise 2.2: in ``source``, who says the claim containing ``phrase``? Judged against the gold.

    Both the canonical speaker ("Russian Ministry of Defence") and the words the
    outlet uses ("Russia's Defense Ministry") are accepted.

    Args:
        answer: the speaker.
        source: the outlet.
        phrase: words of the claim's content.
        event: the event.
        result: the analysis (default: the bundled corpus).

    Returns:
        A :class:`Check`; the message says what the package found.
    """
    gold = _gold_claim(event, source, phrase, result)
    if gold is None:
        return Check(False, f"No annotated claim of {source} contains {phrase!r}; check the phrase.")
    accepted = {_norm(gold["speaker"]), _norm(gold["speaker_text"])} - {""}
    ids = _article_ids(result, source)
    found = result.claims[result.claims["article_id"].isin(ids) & _in_sentence(result, phrase)]
    package = ", ".join(sorted(set(found["speaker"]) - {""})) or "no speaker (own voice)"
    if _norm(answer) in accepted:
        return Check(
            True,
            f"The annotators give {gold['speaker']!r} (written {gold['speaker_text']!r}, cue {gold['cue']!r}); "
            f"the package finds: {package}. The outlet reports the claim; it does not make it.",
            gold["speaker"],
        )
    return Check(
        False,
        f"Read the sentence again: who is the subject of the reporting verb ({gold['cue']!r})? "
        "A speaker is who makes the claim, not who the claim is about.",
        gold["speaker"],
    )


@_exercise()
def check_hedged_count(
    answer: object, *, source: str = "Sham Horizon", event: str = EVENT, result: Analysis | None = None
) -> Check:
    """Exercise 2.3: how many of ``source``'s claims does the package mark as hedged?

    Args:
        answer: a whole number of claims.
        source: the outlet.
        event: the event.
        result: the analysis (default: the bundled corpus).

    Returns:
        A :class:`Check`; the message gives the annotators' count for comparison.
    """
    table = compare.voice(result, event=event).set_index("source")
    expected = int(table.loc[source, "n_hedged"])
    ids = _article_ids(result, source)
    claims = _gold_set().claims
    gold = int(claims.loc[claims["article_id"].isin(ids), "hedged"].astype(bool).sum())
    value = _number(answer)
    if value is None or value != int(value):
        return Check(False, f"Give a whole number of claims, not {answer!r}.", expected)
    if int(value) == expected:
        return Check(
            True,
            f"The package marks {expected} of {source}'s {int(table.loc[source, 'n_claims'])} claims as hedged; "
            f"the annotators mark {gold}. A hedge ('claimed', 'reportedly') signals distance from the speaker.",
            expected,
        )
    return Check(False, f"Read n_hedged in the row of {source} of compare.voice(...).", expected)


# --------------------------------------------------------------------------- 3. numbers


@_exercise(against=seed_analysis)
def check_number(answer: object, *, phrase: str = "up to 250 strikes daily", result: Analysis | None = None) -> Check:
    """Exercise 3.1: what value, qualifier and rate does the package give to ``phrase`` in the seed article?

    Args:
        answer: ``(value, qualifier, rate)`` or a dict with those keys.
        phrase: the number expression as written.
        result: the analysis (default: the seed article's).

    Returns:
        A :class:`Check` naming every part that differs.
    """
    rows = result.numbers[[t in phrase or phrase in t for t in result.numbers["text"]]]
    if rows.empty:
        return Check(False, f"The package found no number in {phrase!r}.")
    row = rows.iloc[0]
    expected = {"value": float(row["value"]), "qualifier": str(row["qualifier"]), "rate": str(row["rate"])}
    if isinstance(answer, Mapping):
        given = {k: answer.get(k) for k in expected}
    elif isinstance(answer, tuple | list) and len(answer) == 3:
        given = dict(zip(expected, answer, strict=True))
    else:
        return Check(False, "Answer with a tuple (value, qualifier, rate), e.g. (10, 'exact', '').", expected)
    wrong = []
    if _number(given["value"]) is None or not math.isclose(_number(given["value"]), expected["value"]):
        wrong.append("the value is the number itself, as a plain number")
    if _norm(given["qualifier"] or "") != _norm(expected["qualifier"]):
        wrong.append("the qualifier says whether the number is exact, approximate, a floor or a ceiling")
    if _norm(given["rate"] or "") != _norm(expected["rate"]):
        wrong.append("the rate is how often ('' if the number is a total)")
    if not wrong:
        return Check(
            True,
            f"{row['text']!r} is {expected['value']:g} {row['unit']}, qualifier {expected['qualifier']!r}, rate "
            f"{expected['rate']!r}: a ceiling per day, not a count. Comparing it with a total would mislead.",
            expected,
        )
    return Check(False, "; ".join(wrong) + ". Look at result.numbers.", expected)


def _gold_disagreement(claim_id: str, event: str, result: Analysis) -> dict[str, float]:
    """The annotated values of one number disagreement, by outlet name."""
    names = _source_names(result)
    for item in event_gold(event).get("number_disagreements", []):
        if item["claim_id"] == claim_id:
            return {names.get(aid, aid): float(v) for aid, v in item["values"].items()}
    raise KeyError(f"no number disagreement {claim_id!r} in the gold of {event}")


@_exercise()
def check_death_toll(
    answer: object, *, source: str = "Sham Horizon", event: str = EVENT, result: Analysis | None = None
) -> Check:
    """Exercise 3.2: which death toll does ``source`` lead with? Judged against the gold.

    Args:
        answer: a number.
        source: the outlet.
        event: the event.
        result: the analysis (default: the bundled corpus).

    Returns:
        A :class:`Check`: right if ``answer`` is the figure the annotators record for ``source``.
    """
    values = _gold_disagreement("death-toll", event, result)
    expected = values[source]
    value = _number(answer)
    others = ", ".join(f"{s}: {v:,.0f}" for s, v in sorted(values.items()) if s != source)
    if value is None:
        return Check(False, f"Give the number as digits (e.g. 1500000), not {answer!r}.", expected)
    if math.isclose(value, expected):
        return Check(
            True,
            f"{source} leads with {expected:,.0f}; the others give {others}. Same war, same week: the figure "
            "depends on whose count the outlet chooses to lead with.",
            expected,
        )
    if value in values.values():
        return Check(
            False,
            f"{value:,.0f} is a figure given elsewhere (or cited lower down); which figure does {source} put first?",
            expected,
        )
    return Check(False, f"Find the sentence with 'killed' in {source}'s article and read the number there.", expected)


@_exercise()
def check_lowest_share(answer: object, *, event: str = EVENT, result: Analysis | None = None) -> Check:
    """Exercise 3.3: which outlet gives the lowest share of Deir Ezzor still held by the group?

    Args:
        answer: an outlet name.
        event: the event.
        result: the analysis (default: the bundled corpus).

    Returns:
        A :class:`Check`: right if ``answer`` is the outlet with the lowest annotated share.
    """
    source = _match_source(answer, result, event)
    if source is None:
        return _not_a_source(answer, result, event)
    values = _gold_disagreement("remaining-share", event, result)
    expected = min(values, key=values.get)
    if source == expected:
        return Check(
            True,
            f"{source} gives {values[source]:g} percent against {max(values.values()):g} elsewhere. Ask whose "
            "figure each outlet repeats: a number's source matters as much as its size.",
            expected,
        )
    if source in values:
        return Check(False, f"{source} gives {values[source]:g} percent; someone gives less.", expected)
    return Check(False, f"{source} gives no share of Deir Ezzor at all.", expected)


# --------------------------------------------------------------------------- 4. tone


def _tone(result: Analysis, event: str) -> pd.DataFrame:
    return compare.tone(result, event=event).set_index("source")


@_exercise()
def check_most_negative(answer: object, *, event: str = EVENT, result: Analysis | None = None) -> Check:
    """Exercise 4.1: which outlet's sentences have the most negative mean tone (package score)?

    Args:
        answer: an outlet name.
        event: the event.
        result: the analysis (default: the bundled corpus).

    Returns:
        A :class:`Check`: right if ``answer`` has the lowest mean ``tone`` in ``compare.tone``.
    """
    source = _match_source(answer, result, event)
    if source is None:
        return _not_a_source(answer, result, event)
    table = _tone(result, event)
    expected = str(table["tone"].idxmin())
    row = table.loc[source]
    summary = f"{source}: mean tone {row['tone']:+.3f} over {int(row['n_sentences'])} sentences"
    if source == expected:
        return Check(
            True,
            f"{summary}. Negative words about war ('terrorists', 'killed') lower the score whatever the "
            "outlet's stance: tone measures vocabulary, not sympathy.",
            expected,
        )
    return Check(False, f"{summary}; another outlet is lower. Sort compare.tone(...) by 'tone'.", expected)


@_exercise()
def check_tone_n(
    answer: object, *, source: str = "Derzhava Daily", event: str = EVENT, result: Analysis | None = None
) -> Check:
    """Exercise 4.2: how many sentences is ``source``'s mean tone based on?

    Args:
        answer: a whole number of sentences.
        source: the outlet.
        event: the event.
        result: the analysis (default: the bundled corpus).

    Returns:
        A :class:`Check`: right if ``answer`` is ``n_sentences`` in ``compare.tone`` (not ``n_articles``).
    """
    row = _tone(result, event).loc[source]
    expected = int(row["n_sentences"])
    if _number(answer) == expected:
        return Check(
            True,
            f"{expected} sentences from {int(row['n_articles'])} article(s). A mean of a few dozen sentences "
            "moves a lot if one sentence changes: always read n beside a mean.",
            expected,
        )
    return Check(False, "Read the 'n_sentences' column (not n_articles) of compare.tone(...).", expected)


@_exercise(true_or_false=True)
def check_intervals_overlap(
    answer: object,
    *,
    first: str = "Derzhava Daily",
    second: str = "Westmark Broadcasting",
    event: str = EVENT,
    result: Analysis | None = None,
) -> Check:
    """Exercise 4.3: do the 95% intervals of two outlets' mean tone overlap? (True/False)

    Args:
        answer: True or False.
        first: an outlet.
        second: another outlet.
        event: the event.
        result: the analysis (default: the bundled corpus).

    Returns:
        A :class:`Check`: right if ``answer`` says whether the ``ci_low``-``ci_high`` ranges overlap.
    """
    table = _tone(result, event)
    a, b = table.loc[first], table.loc[second]
    expected = bool(a["ci_low"] <= b["ci_high"] and b["ci_low"] <= a["ci_high"])
    ranges = f"{first} [{a['ci_low']:+.2f}, {a['ci_high']:+.2f}], {second} [{b['ci_low']:+.2f}, {b['ci_high']:+.2f}]"
    if answer == expected:
        why = (
            "they overlap, so these sentences do not show that one outlet is more negative than the other "
            "(and the intervals are optimistic: sentences of one article are not independent)."
            if expected
            else "they do not overlap, a difference larger than sentence-to-sentence noise (within these articles)."
        )
        return Check(True, f"{ranges}: {why}", expected)
    return Check(False, f"Compare ci_low and ci_high of the two rows of compare.tone(...): {ranges}.", expected)


# --------------------------------------------------------------------------- 5. distinctive terms


def _terms(result: Analysis, event: str, source: str, min_count: int) -> pd.DataFrame:
    table = compare.distinctive_terms(result, event=event)
    table = table[(table["source"] == source) & (table["count"] >= min_count)]
    return table.sort_values("z", ascending=False, kind="stable")


@_exercise()
def check_top_term(
    answer: object,
    *,
    source: str = "Sham Horizon",
    event: str = EVENT,
    min_count: int = 2,
    result: Analysis | None = None,
) -> Check:
    """Exercise 5.1: which word (used at least ``min_count`` times) has the highest z-score for ``source``?

    Words whose z is within 0.01 of the top are accepted too (a tie, in practice).

    Args:
        answer: a word.
        source: the outlet.
        event: the event.
        min_count: the fewest uses a word must have.
        result: the analysis (default: the bundled corpus).

    Returns:
        A :class:`Check`: right if ``answer`` is the top word or tied with it.
    """
    table = _terms(result, event, source, min_count)
    top = table.iloc[0]
    tied = set(table.loc[table["z"] >= top["z"] - 0.01, "term"])
    word = _norm(answer)
    if word in tied:
        row = table[table["term"] == word].iloc[0]
        return Check(
            True,
            f"{word!r}: {int(row['count'])} uses in {source} against {int(row['count_rest'])} in the other outlets, "
            f"z = {row['z']:.2f}. Read the sentences behind it (compare.evidence with term={word!r}) before "
            "deciding whether it is a choice of words or just a topic only this outlet covered.",
            top["term"],
        )
    if word in set(table["term"]):
        row = table[table["term"] == word].iloc[0]
        return Check(False, f"{word!r} has z = {row['z']:.2f}; a word scores higher. Sort by 'z'.", top["term"])
    return Check(
        False,
        f"{word!r} is not among {source}'s words used {min_count}+ times (words are lower-cased; stopwords removed).",
        top["term"],
    )


@_exercise(true_or_false=True)
def check_significant(
    answer: object,
    *,
    term: str = "regime",
    source: str = "Sham Horizon",
    event: str = EVENT,
    result: Analysis | None = None,
) -> Check:
    """Exercise 5.2: is ``term``'s z-score for ``source`` beyond 1.96 (the usual 5% line)? (True/False)

    Args:
        answer: True or False.
        term: the word.
        source: the outlet.
        event: the event.
        result: the analysis (default: the bundled corpus).

    Returns:
        A :class:`Check`: right if ``answer`` says whether ``abs(z) > 1.96``.
    """
    table = _terms(result, event, source, 1)
    row = table[table["term"] == term].iloc[0]
    expected = bool(abs(row["z"]) > 1.96)
    if answer == expected:
        why = (
            "With one short article per outlet even a word used only by this outlet rarely passes the line: "
            "the ranking is a lead to read, not a test result."
            if not expected
            else "Still one word among hundreds tested: expect about 5% of words past the line by chance."
        )
        return Check(True, f"z = {row['z']:.2f}. {why}", expected)
    return Check(False, f"z = {row['z']:.2f}; compare it with 1.96.", expected)
