"""The claim-alignment scorer (``evaluate alignment``), its gold readers and the committed dev gold."""

from __future__ import annotations

from pathlib import Path

import pytest

from analysis.cli import main
from analysis.errors import GoldError
from analysis.evaluation.alignment import (
    GOLD_DIR,
    GoldSpan,
    NumberPair,
    PredictedSentence,
    Scores,
    check_spans,
    evaluate_polnear,
    format_scores,
    read_claims,
    read_numbers,
    read_stories,
    score_alignment,
)

POLNEAR = Path(__file__).resolve().parents[2] / "shared" / "datasets" / "polnear_dev"
POLNEAR = POLNEAR if POLNEAR.is_dir() else Path("/work/shared/datasets/polnear_dev")

SOURCES = {"a": "Daily Ledger", "b": "Valley Post", "c": "Harbor Times"}
# claim x is stated by all three outlets, claim y by two
GOLD = [
    GoldSpan("s", "x", "a", 0, 10),
    GoldSpan("s", "x", "b", 0, 10),
    GoldSpan("s", "x", "c", 0, 10),
    GoldSpan("s", "y", "a", 20, 30),
    GoldSpan("s", "y", "b", 20, 30),
]


def _pred(group: str, *sentences: tuple[str, int, int]) -> list[PredictedSentence]:
    return [PredictedSentence(doc, SOURCES[doc], start, end, group) for doc, start, end in sentences]


PREDICTED = [
    *_pred("g1", ("a", 0, 10), ("b", 0, 10)),  # right: x in two outlets
    *_pred("g2", ("a", 20, 30), ("c", 0, 10)),  # wrong: y with x
    *_pred("g3", ("b", 20, 30), ("b", 40, 50)),  # one outlet only: no cross-outlet pair
    *_pred("g4", ("a", 40, 50), ("c", 40, 50)),  # wrong: two sentences that state no shared claim
]
NUMBERS = [
    NumberPair("s", "n1", "disagree", ("a", 2, 5), ("b", 3, 6)),  # both sides in g1
    NumberPair("s", "n2", "disagree", ("b", 22, 25), ("c", 42, 45)),  # never in one group
    NumberPair("s", "n3", "agree", ("a", 22, 25), ("c", 2, 5)),  # a near-miss, both sides in g2
]


def test_pairs_purity_and_unlinked_claims_on_a_hand_built_case():
    s = score_alignment(PREDICTED, GOLD, SOURCES)
    assert (s.pairs_predicted, s.pairs_correct) == (3, 1)
    assert (s.gold_pairs, s.gold_pairs_found) == (4, 1)  # x: a-b, a-c, b-c; y: a-b
    assert s.precision == pytest.approx(1 / 3) and s.recall == pytest.approx(1 / 4)
    assert s.f1 == pytest.approx(2 / 7)
    assert (s.groups_multi, s.groups_pure, s.purity) == (3, 1, pytest.approx(1 / 3))
    assert s.error_kinds == {"pure": 1, "mixed claims": 1, "unlabelled": 1}
    assert (s.gold_claims, s.claims_unlinked) == (2, 1)


def test_number_disagreements_precision_recall_and_near_miss_flags():
    s = score_alignment(PREDICTED, GOLD, SOURCES, flagged=["g1", "g2", "not-a-group"], numbers=NUMBERS)
    assert (s.flagged, s.flagged_correct) == (2, 1)
    assert (s.disagreements, s.disagreements_found) == (2, 1)
    assert s.flagged_negatives == 1
    text = format_scores(s, "demo")
    assert "number disagreements  P 0.500  R 0.500" in text
    assert "1 flags on labelled near-misses" in text


def test_no_gold_disagreement_prints_not_available_rather_than_zero():
    s = score_alignment(PREDICTED, GOLD, SOURCES, flagged=["g4"])
    assert (s.flagged, s.flagged_correct, s.disagreements) == (1, 0, 0)
    assert "P 0.000  R n/a" in format_scores(s, "demo")


def test_a_sentence_barely_touching_a_gold_span_does_not_state_it():
    # 2 shared characters of a 22-character sentence and a 10-character span: no match
    touching = _pred("g", ("a", 8, 30), ("b", 0, 10))
    s = score_alignment(touching, GOLD[:3], SOURCES)
    assert (s.pairs_predicted, s.pairs_correct) == (1, 0)
    # a predicted sentence that merges two gold sentences still states both
    merged = _pred("g", ("a", 0, 30), ("b", 20, 30))
    s = score_alignment(merged, GOLD, SOURCES)
    assert (s.pairs_correct, s.gold_pairs_found) == (1, 1)


def test_pairs_of_one_outlet_are_never_counted():
    one_source = {"a": "Daily Ledger", "b": "Daily Ledger", "c": "Harbor Times"}
    s = score_alignment(_pred("g1", ("a", 0, 10), ("b", 0, 10)), GOLD, one_source)
    assert (s.pairs_predicted, s.groups_multi) == (0, 0)
    assert s.gold_pairs == 2  # x: a-c and b-c; y is stated by one outlet only and is not a shared claim
    assert s.gold_claims == 1


def test_scope_drops_sentences_outside_the_annotated_part():
    s = score_alignment(PREDICTED, GOLD, SOURCES, scope=[("a", 0, 30), ("b", 0, 30), ("c", 0, 10)])
    assert s.pairs_predicted == 2  # g4's sentences lie outside the scope


def test_scores_add_up_story_by_story():
    one = score_alignment(PREDICTED, GOLD, SOURCES)
    total = one.add(one)
    assert (total.pairs_predicted, total.gold_pairs, total.groups_pure) == (6, 8, 2)
    assert total.error_kinds["unlabelled"] == 2
    assert total.precision == one.precision
    assert Scores().f1 == 0.0 and Scores().purity == 0.0


# --------------------------------------------------------------------------- gold readers

CLAIMS_HEADER = "story\tclaim\tfile\tstart\tend\tvoice\trole\tproposition\n"
NUMBERS_HEADER = (
    "story\tpair\tlabel\tfile_a\tstart_a\tend_a\tvalue_a\tfile_b\tstart_b\tend_b\tvalue_b\tunit\tcounted\treason\n"
)


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_claims_reader_reads_rows_and_skips_comments(tmp_path):
    path = _write(tmp_path, "claims.tsv", "# a comment\n" + CLAIMS_HEADER + "st\tc1\tx.txt\t3\t9\town\tmain\tsaid\n")
    assert read_claims(path) == [GoldSpan("st", "c1", "x.txt", 3, 9, "own", "main")]


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("st\tc1\tx.txt\t3\t9\tquoted\tmain\t", "voice='quoted'; use one of own, attributed"),
        ("st\tc1\tx.txt\t3x\t9\town\tmain\t", "start='3x' is not a character offset"),
        ("st\tc1\tx.txt\t9\t3\town\tmain\t", "end=3 is not after start=9"),
        ("st\tc1\tx.txt\t3\t9\town\taside\t", "role='aside'"),
        ("st\t\tx.txt\t3\t9\town\tmain\t", "empty story or claim id"),
    ],
)
def test_claims_reader_names_file_and_line(tmp_path, row, message):
    path = _write(tmp_path, "claims.tsv", "# comment\n\n" + CLAIMS_HEADER + "st\tc0\tx.txt\t0\t2\town\tmain\t\n" + row)
    with pytest.raises(GoldError) as err:
        read_claims(path)
    assert f"{path}:5: " in str(err.value)
    assert message in str(err.value)


def test_claims_reader_wants_the_header(tmp_path):
    path = _write(tmp_path, "claims.tsv", "story\tclaim\tfile\tstart\tend\n")
    with pytest.raises(GoldError, match=r"claims.tsv:1: header lacks column\(s\) voice, role, proposition"):
        read_claims(path)
    with pytest.raises(GoldError, match="no header line"):
        read_claims(_write(tmp_path, "empty.tsv", "# only a comment\n"))


def test_numbers_reader_checks_label_and_values(tmp_path):
    good = "st\tn1\tagree\ta.txt\t1\t4\t29\tb.txt\t5\t7\t29\tpeople\tinjured\tsame count\n"
    path = _write(tmp_path, "numbers.tsv", NUMBERS_HEADER + good)
    (pair,) = read_numbers(path)
    assert pair.a == ("a.txt", 1, 4) and pair.value_b == 29.0 and pair.label == "agree"
    bad_label = good.replace("agree", "maybe")
    with pytest.raises(GoldError, match=r"numbers.tsv:2: label='maybe'; use one of disagree, agree"):
        read_numbers(_write(tmp_path, "numbers.tsv", NUMBERS_HEADER + bad_label))
    bad_value = good.replace("\t29\tpeople", "\tmany\tpeople")
    with pytest.raises(GoldError, match=r"numbers.tsv:2: value_a / value_b must be plain numbers"):
        read_numbers(_write(tmp_path, "numbers.tsv", NUMBERS_HEADER + bad_value))


def test_stories_reader_errors(tmp_path):
    ok = _write(tmp_path, "stories.yml", "stories:\n  - id: one\n    files: [a.txt, b.txt]\n")
    assert read_stories(ok)[0].files == ("a.txt", "b.txt")
    with pytest.raises(GoldError, match="story #1 needs an 'id' and a 'files' list"):
        read_stories(_write(tmp_path, "s.yml", "stories:\n  - id: one\n"))
    with pytest.raises(GoldError, match="'one' is used twice"):
        read_stories(_write(tmp_path, "s.yml", "stories:\n  - {id: one, files: []}\n  - {id: one, files: []}\n"))
    with pytest.raises(GoldError, match=r"s.yml:\d+: not valid YAML"):
        read_stories(_write(tmp_path, "s.yml", "stories:\n  - id: [one\n"))
    with pytest.raises(GoldError, match="top-level 'stories:' list"):
        read_stories(_write(tmp_path, "s.yml", "- one\n"))


def test_check_spans_reports_spans_outside_or_untrimmed():
    texts = {"a.txt": "Mayor Ilse Varga said the bridge will reopen. "}
    spans = [GoldSpan("s", "c", "a.txt", 0, 45), GoldSpan("s", "c", "a.txt", 0, 46), GoldSpan("s", "c", "a.txt", 0, 99)]
    spans.append(GoldSpan("s", "c", "b.txt", 0, 3))
    problems = check_spans(spans, texts)
    assert len(problems) == 3
    assert "starts or ends with white space" in problems[0]
    assert "ends past the text (46)" in problems[1]
    assert "no article b.txt" in problems[2]


# --------------------------------------------------------------------------- command line and end to end


def test_cli_names_a_missing_article(tmp_path, capsys):
    assert main(["evaluate", "alignment", "--format", "polnear-dev", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ") and "not found; pass the PolNeAR dev folder" in err


ARTICLES = {
    "ledger_2031-05-02_bridge.txt": (
        "Varga reopens the Orlen bridge.\n\n"
        "Mayor Ilse Varga said on Monday that the Orlen bridge will reopen in June. "
        "Repairs cost 4.2 million euros, the council said. "
        "Traffic has used a ferry since the flood."
    ),
    "post_2031-05-03_bridge.txt": (
        "Orlen bridge to reopen.\n\n"
        "The Orlen bridge will reopen in June, Mayor Ilse Varga said Monday. "
        "The council put the cost of the repairs at 4.5 million euros. "
        "Local shops welcomed the news."
    ),
}


def test_evaluate_polnear_on_invented_articles(tmp_path):
    text = tmp_path / "data" / "text"
    text.mkdir(parents=True)
    for name, body in ARTICLES.items():
        (text / name).write_text(body, encoding="utf-8")
    a, b = ARTICLES
    ta, tb = ARTICLES[a], ARTICLES[b]

    def sentence(body: str, start_words: str, end_words: str) -> str:
        start = body.index(start_words)
        return f"{start}\t{body.index(end_words, start) + len(end_words)}"

    gold = tmp_path / "gold"
    gold.mkdir()
    _write(gold, "stories.yml", f"stories:\n  - id: orlen-bridge\n    files: [{a}, {b}]\n")
    reopen_a = sentence(ta, "Mayor Ilse", "in June.")
    reopen_b = sentence(tb, "The Orlen", "said Monday.")
    rows = [f"orlen-bridge\tr1\t{a}\t{reopen_a}\tattributed\tmain\tthe bridge reopens in June"]
    rows.append(f"orlen-bridge\tr1\t{b}\t{reopen_b}\tattributed\tembedded\t")
    _write(gold, "claims.tsv", CLAIMS_HEADER + "\n".join(rows) + "\n")
    cost_a, cost_b = ta.index("4.2 million euros"), tb.index("4.5 million euros")
    number = f"orlen-bridge\tn1\tdisagree\t{a}\t{cost_a}\t{cost_a + 17}\t4200000\t{b}\t{cost_b}\t{cost_b + 17}\t4500000"
    _write(gold, "numbers.tsv", NUMBERS_HEADER + number + "\teuros\trepair cost\tone repair bill\n")

    total, per_story, _ = evaluate_polnear(tmp_path / "data", gold)
    assert (total.gold_pairs, total.gold_claims, total.disagreements) == (1, 1, 1)
    assert per_story["orlen-bridge"].gold_pairs == 1
    for figure in (total.precision, total.recall, total.f1, total.purity):
        assert 0.0 <= figure <= 1.0
    assert total.pairs_correct <= total.pairs_predicted
    # with main assertions only, the embedded instance no longer counts: nothing is shared
    main_only, _, _ = evaluate_polnear(tmp_path / "data", gold, main_only=True)
    assert (main_only.gold_pairs, main_only.gold_claims) == (0, 0)

    _write(gold, "claims.tsv", CLAIMS_HEADER + f"orlen-bridge\tr1\t{a}\t0\t9999\town\tmain\t\n")
    with pytest.raises(GoldError, match="ends past the text"):
        evaluate_polnear(tmp_path / "data", gold)


# --------------------------------------------------------------------------- the committed dev gold


@pytest.mark.skipif(not POLNEAR.is_dir(), reason="PolNeAR dev is not available (../shared/datasets/polnear_dev)")
def test_every_committed_gold_span_falls_inside_its_file():
    stories = read_stories(GOLD_DIR / "stories.yml")
    files = [f for s in stories for f in s.files]
    assert len(files) == len(set(files)), "an article belongs to one story only"
    texts = {f: (POLNEAR / "text" / f).read_text(encoding="utf-8") for f in files}
    story_of = {f: s.id for s in stories for f in s.files}
    claims = read_claims(GOLD_DIR / "claims.tsv")
    assert check_spans(claims, texts) == []
    assert all(story_of[c.doc] == c.story for c in claims)
    outlets: dict[tuple[str, str], set[str]] = {}
    for c in claims:
        outlets.setdefault((c.story, c.claim), set()).add(c.doc.split("_", 1)[0])
    assert all(len(o) >= 2 for o in outlets.values()), "a shared claim is stated by two outlets or more"
    for pair in read_numbers(GOLD_DIR / "numbers.tsv"):
        for doc, start, end in (pair.a, pair.b):
            assert story_of[doc] == pair.story and end <= len(texts[doc])
            figure = texts[doc][start:end]
            assert figure and figure == figure.strip(), f"{pair.pair}: {doc} [{start}, {end}) is not a trimmed span"
        assert pair.a[0].split("_", 1)[0] != pair.b[0].split("_", 1)[0], "a number pair spans two outlets"


def test_cli_help_lists_the_alignment_options(capsys):
    with pytest.raises(SystemExit) as done:
        main(["evaluate", "alignment", "--help"])
    assert done.value.code == 0
    out = capsys.readouterr().out
    for option in ("--format", "polnear-dev", "meantime", "--gold", "--groups", "--main-only"):
        assert option in out


def test_meantime_date_line_becomes_the_publication_date():
    from analysis.evaluation.alignment import _dateline

    assert _dateline("March 01, 2008") == "2008-03-01"
    assert _dateline("April 5, 2006") == "2006-04-05"
    assert _dateline("Airbus wins the tanker deal") is None
