"""Claims and attribution: golden tables, one test per pattern, properties, bad input, lexicons, evaluation."""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import analysis
from analysis.claims import CLAIM_COLUMNS, ClaimFinder
from analysis.errors import LexiconError
from analysis.text import process
from analysis.text.quotes import find_quotes

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "data" / "seed" / "syria-isis-defeat-2017-seed.md"


@pytest.fixture(scope="module")
def finder() -> ClaimFinder:
    return ClaimFinder()


def entity_rows(doc, names: dict[str, tuple[str, str]]) -> list[dict]:
    """Hand-built entity rows: every whole-word match of each surface form (longest first)."""
    taken: list[tuple[int, int]] = []
    rows = []
    for surface in sorted(names, key=len, reverse=True):
        canonical, label = names[surface]
        for m in re.finditer(rf"(?<!\w){re.escape(surface)}(?!\w)", doc.text):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            taken.append((m.start(), m.end()))
            sentence = next(s.index for s in doc.sentences if s.start <= m.start() < s.end)
            rows.append(
                {
                    "sentence_id": sentence,
                    "start": m.start(),
                    "end": m.end(),
                    "text": surface,
                    "canonical": canonical,
                    "label": label,
                    "title": "",
                }
            )
    return sorted(rows, key=lambda r: r["start"])


def table(doc, rows) -> list[tuple]:
    return [
        (
            r["sentence_id"],
            r["speaker"],
            r["speaker_type"],
            r["cue"],
            doc.text[r["content_start"] : r["content_end"]],
            r["quote"],
            r["hedged"],
            r["boosted"],
        )
        for r in rows
    ]


def attributions(finder: ClaimFinder, text: str, names: dict | None = None) -> list[tuple[str, str, str, str]]:
    doc = process(text)
    rows = finder.find(doc, entity_rows(doc, names or {}))
    return [(r["speaker"], r["cue"], doc.text[r["content_start"] : r["content_end"]], r["quote"]) for r in rows]


# --------------------------------------------------------------- the seed
SEED_NAMES = {
    "Russia": ("Russia", "GPE"),
    "Russian Federation": ("Russia", "GPE"),
    "Defense Ministry": ("Russian Ministry of Defence", "ORG"),
    "Russian Defense Ministry": ("Russian Ministry of Defence", "ORG"),
    "Islamic State": ("Islamic State", "ORG"),
    "IS": ("Islamic State", "ORG"),
    "ISIL": ("Islamic State", "ORG"),
    "Daesh": ("Islamic State", "ORG"),
    "Syria": ("Syria", "GPE"),
    "Rudskoi": ("Sergei Rudskoi", "PERSON"),
    "Putin": ("Vladimir Putin", "PERSON"),
    "Vladimir Putin": ("Vladimir Putin", "PERSON"),
    "Sergei Shoigu": ("Sergei Shoigu", "PERSON"),
    "Bashar al-Assad": ("Bashar al-Assad", "PERSON"),
    "Assad": ("Bashar al-Assad", "PERSON"),
    "Damascus": ("Damascus", "GPE"),
    "Moscow": ("Russia", "GPE"),
    "Syrian Democratic Forces": ("Syrian Democratic Forces", "ORG"),
    "US": ("United States", "GPE"),
    "USA": ("United States", "GPE"),
    "Euphrates": ("Euphrates", "LOC"),
    "Deir Ezzor": ("Deir Ezzor", "GPE"),
    "Abu Kamal": ("Abu Kamal", "GPE"),
    "Iraq": ("Iraq", "GPE"),
}

SEED_TABLE = [
    (2, "Russian Ministry of Defence", "official body", "reported",
     "Syria has been completely liberated from Islamic State (IS)", "indirect", False, True),
    (3, "Russian Ministry of Defence", "official body", "",
     "The territory of Syria has been completely liberated from this terrorist group", "direct", False, True),
    (4, "Sergei Rudskoi", "person", "emphasized",
     "to date, not a single settlement or district remains under the terrorist group's control in the country",
     "indirect", False, True),
    (5, "Sergei Rudskoi", "person", "added",
     'There has been an "unprecedented" involvement by Russia\'s airforce in recent days', "indirect", False, True),
    (6, "", "outlet", "", "ISIL is an alternative abbreviation for the militant group", "none", False, False),
    (7, "Vladimir Putin", "person", "said",
     'on the whole, the Syrian and Russian operation in the area has ended with a complete "routing of the terrorists"',
     "indirect", False, True),
    (9, "", "outlet", "",
     "Russia's military mission in Syria's civil war in 2015 began at the official request of Damascus, and turned "
     "the tide of the conflict against rebel groups fighting to oust Moscow's ally, the government of Syria led by "
     "President Bashar al-Assad", "none", False, False),
    (10, "", "outlet", "",
     "The Kurdish-led Syrian Democratic Forces on Sunday thanked both the US and Russian Federation for their "
     "military support", "none", False, False),
    (10, "United States", "official body", "announced", "it would stop arming the group", "indirect", False, False),
    (11, "Sergei Rudskoi", "person", "said",
     "Its biggest presence is on the eastern side of the Euphrates, where it still holds around eight percent of "
     "Deir Ezzor Province", "direct", False, False),
    (12, "Sergei Rudskoi", "person", "said",
     "On Wednesday, Syrian forces supported by Russian Federation air power had swept through the remaining Islamic "
     "State territory in the Deir Ezzor region, seizing Abu Kamal and other cities on the west bank of the Euphrates "
     "near the Iraq border", "indirect", False, False),
    (13, "Vladimir Putin", "person", "said",
     'efforts to end the war were entering a "new stage" as the focus shifts from military intervention to political '
     "reform", "indirect", False, False),
    (14, "", "outlet", "",
     "More than 340,000 people have been killed since the conflict broke out in March 2011 with protests against "
     "Assad's rule that sparked a brutal crackdown", "none", False, False),
]  # fmt: skip


@pytest.fixture(scope="module")
def seed_doc():
    raw = SEED.read_text(encoding="utf-8")
    body = raw.split("---\n", 2)[2]
    return process(body, title="Russian Armed Forces Complete Mission to Destroy Daesh in Syria - Gen. Staff")


def test_seed_article_golden_table(finder, seed_doc):
    rows = finder.find(seed_doc, entity_rows(seed_doc, SEED_NAMES))
    assert table(seed_doc, rows) == SEED_TABLE


def test_seed_speaker_and_cue_spans(finder, seed_doc):
    rows = finder.find(seed_doc, entity_rows(seed_doc, SEED_NAMES))
    spans = [
        (seed_doc.text[r["speaker_start"] : r["speaker_end"]] if r["speaker_start"] >= 0 else "", r["speaker_text"])
        for r in rows
        if r["quote"] != "none"
    ]
    assert spans == [
        ("Russia's Defense Ministry", "Russia's Defense Ministry"),
        ("Russia's Defense Ministry", "Russia's Defense Ministry"),  # "..., adding that": the same source words
        ("The senior officer", "The senior officer"),
        ("Rudskoi", "Rudskoi"),
        ("Putin", "Putin"),
        ("USA", "USA"),
        ("he", "he"),
        ("Rudskoi", "Rudskoi"),
        ("Vladimir Putin", "Vladimir Putin"),
    ]
    for r in rows:
        if r["cue_start"] >= 0:
            assert seed_doc.text[r["cue_start"] : r["cue_end"]] == r["cue"]
        assert set(r) == set(CLAIM_COLUMNS)


def test_headline_and_debris_are_never_claims(finder, seed_doc):
    rows = finder.find(seed_doc, entity_rows(seed_doc, SEED_NAMES))
    kinds = {seed_doc.sentences[r["sentence_id"]].kind for r in rows}
    assert kinds == {"body"}
    assert 0 not in {r["sentence_id"] for r in rows}  # the headline
    assert 8 not in {r["sentence_id"] for r in rows}  # the photo caption


# ------------------------------------------------------ one per pattern
PERSONS = {
    "Maria Lenz": ("Maria Lenz", "PERSON"),
    "Lenz": ("Maria Lenz", "PERSON"),
    "Tom Ardent": ("Tom Ardent", "PERSON"),
    "Ardent": ("Tom Ardent", "PERSON"),
    "Ministry of Health": ("Ministry of Health", "ORG"),
    "Red Crescent": ("Red Crescent", "ORG"),
    "Ruritania": ("Ruritania", "GPE"),
}

PATTERNS = [
    # direct quotes
    ('"The bridge is closed," Lenz said.', [("Maria Lenz", "said", "The bridge is closed", "direct")]),
    ("“The bridge is closed,” Lenz said.", [("Maria Lenz", "said", "The bridge is closed", "direct")]),
    ('"The bridge is closed," said Maria Lenz.', [("Maria Lenz", "said", "The bridge is closed", "direct")]),
    (
        '"The bridge is closed," Lenz said, "and it will stay closed."',
        # one quotation interrupted by its cue: one row, the cue inside the content
        [("Maria Lenz", "said", 'The bridge is closed," Lenz said, "and it will stay closed', "direct")],
    ),
    ('Lenz said: "The bridge is closed."', [("Maria Lenz", "said", "The bridge is closed", "direct")]),
    (
        'Maria Lenz spoke first. "The bridge is closed," she said.',
        [("", "", "Maria Lenz spoke first", "none"), ("Maria Lenz", "said", "The bridge is closed", "direct")],
    ),
    # indirect speech
    ("Lenz said that the bridge was closed.", [("Maria Lenz", "said", "the bridge was closed", "indirect")]),
    ("Lenz said the bridge was closed.", [("Maria Lenz", "said", "the bridge was closed", "indirect")]),
    ("The bridge was closed, Lenz added.", [("Maria Lenz", "added", "The bridge was closed", "indirect")]),
    ("The bridge was closed, said Lenz.", [("Maria Lenz", "said", "The bridge was closed", "indirect")]),
    (
        "According to the Red Crescent, 40 people were injured.",
        [("Red Crescent", "According to", "40 people were injured", "indirect")],
    ),
    (
        "Forty people were injured, according to the Red Crescent.",
        [("Red Crescent", "according to", "Forty people were injured", "indirect")],
    ),
    ("Lenz emphasized that no one was hurt.", [("Maria Lenz", "emphasized", "no one was hurt", "indirect")]),
    ("Lenz reported that 12 houses burned.", [("Maria Lenz", "reported", "12 houses burned", "indirect")]),
    ("Ardent claimed that the vote was rigged.", [("Tom Ardent", "claimed", "the vote was rigged", "indirect")]),
    ("Ardent denied that he had fled.", [("Tom Ardent", "denied", "he had fled", "indirect")]),
    ("Ardent warned that prices would rise.", [("Tom Ardent", "warned", "prices would rise", "indirect")]),
    ("Ardent insisted that the count was fair.", [("Tom Ardent", "insisted", "the count was fair", "indirect")]),
    ("Lenz told reporters that the dam held.", [("Maria Lenz", "told", "the dam held", "indirect")]),
    ("Lenz said on Monday that the dam held.", [("Maria Lenz", "said", "the dam held", "indirect")]),
    ("Lenz has said the dam held.", [("Maria Lenz", "has said", "the dam held", "indirect")]),
    (
        "It was reported that 30 soldiers had deserted.",
        [("", "It was reported", "30 soldiers had deserted", "anonymous")],
    ),
    (
        "Lenz said the dam held, adding that no one was hurt.",
        [("Maria Lenz", "said", "the dam held", "indirect"), ("Maria Lenz", "adding", "no one was hurt", "indirect")],
    ),
    # speakers: appositives, pronouns, descriptions
    (
        "Maria Lenz, a senior engineer at the site, said the dam held.",
        [("Maria Lenz", "said", "the dam held", "indirect")],
    ),
    (
        "Tom Ardent, who lost his seat in May, said the count was unfair.",
        [("Tom Ardent", "said", "the count was unfair", "indirect")],
    ),
    (
        "Maria Lenz visited the dam on Monday. She said it was safe.",
        [("", "", "Maria Lenz visited the dam on Monday", "none"), ("Maria Lenz", "said", "it was safe", "indirect")],
    ),
    ("Officials said 20 people were missing.", [("Officials", "said", "20 people were missing", "anonymous")]),
    (
        "The Ministry of Health opened a clinic in Ruritania. The ministry said 300 patients came.",
        [
            ("", "", "The Ministry of Health opened a clinic in Ruritania", "none"),
            ("Ministry of Health", "said", "300 patients came", "indirect"),
        ],
    ),
    (
        "A spokesman for the Red Crescent said 40 people were injured.",
        [("Red Crescent", "said", "40 people were injured", "indirect")],
    ),
    (
        "Residents said the shelling lasted all night.",
        [("Residents", "said", "the shelling lasted all night", "anonymous")],
    ),
    (
        "Maria Lenz, an engineer, inspected the dam. The engineer said it held.",
        [("", "", "Maria Lenz, an engineer, inspected the dam", "none"), ("Maria Lenz", "said", "it held", "indirect")],
    ),
    # own voice, questions, background attributions
    ("Ruritania closed its border on Monday.", [("", "", "Ruritania closed its border on Monday", "none")]),
    ("Will Ruritania close its border?", []),
    ("It was a cold morning.", []),
    (
        "Ruritania closed its border, days after Lenz warned it would.",
        [("", "", "Ruritania closed its border", "none"), ("Maria Lenz", "warned", "it would", "indirect")],
    ),
]


@pytest.mark.parametrize(("text", "expected"), PATTERNS, ids=[p[0][:40] for p in PATTERNS])
def test_attribution_patterns(finder, text, expected):
    got = attributions(finder, text, PERSONS)
    # the fourth field is the quote kind, except "anonymous" which checks the speaker type instead
    doc = process(text)
    rows = finder.find(doc, entity_rows(doc, PERSONS))
    normal = []
    for (speaker, cue, content, quote), row in zip(got, rows, strict=True):
        kind = "anonymous" if row["speaker_type"] == "anonymous" and row["quote"] == "indirect" else quote
        normal.append((speaker, cue, content, kind))
    assert normal == expected


def test_quote_running_over_three_sentences_is_one_claim_of_the_speaker_named_at_its_end(finder):
    text = '"We came at night. The guards had gone. Nobody stopped us," Ardent said.'
    got = attributions(finder, text, PERSONS)
    assert got == [("Tom Ardent", "said", "We came at night. The guards had gone. Nobody stopped us", "direct")]


def test_quote_running_over_sentences_is_one_claim_of_the_speaker_named_where_it_begins(finder):
    text = 'Lenz said: "The dam held. The village is safe. We will reopen the road."'
    got = attributions(finder, text, PERSONS)
    assert got == [("Maria Lenz", "said", "The dam held. The village is safe. We will reopen the road", "direct")]


def test_quote_continued_in_the_next_paragraph(finder):
    text = '"The dam held. The village is safe.\n\n"We will reopen the road on Friday," Lenz said.'
    got = attributions(finder, text, PERSONS)
    assert got == [
        (
            "Maria Lenz",
            "said",
            'The dam held. The village is safe.\n\n"We will reopen the road on Friday',
            "direct",
        )
    ]


def test_pronoun_goes_to_the_most_recent_speaking_person(finder):
    text = "Lenz said the dam held. Ardent said the count was unfair. He said 30 votes were lost."
    got = attributions(finder, text, PERSONS)
    assert [g[0] for g in got] == ["Maria Lenz", "Tom Ardent", "Tom Ardent"]


def test_pronoun_goes_to_a_person_just_introduced_before_an_earlier_speaker(finder):
    text = "Lenz said the dam held. Ardent was not convinced. He said the road was closed."
    got = attributions(finder, text, PERSONS)
    assert got == [
        ("Maria Lenz", "said", "the dam held", "indirect"),
        ("", "", "Ardent was not convinced", "none"),
        ("Tom Ardent", "said", "the road was closed", "indirect"),
    ]


@pytest.mark.parametrize(("pronoun", "speaker"), [("She", "Lenz"), ("He", "Ardent")])
def test_pronoun_skips_a_person_whose_title_names_the_other_gender(pronoun, speaker):
    import analysis

    text = (
        "Officials met in the town hall of the capital on Monday to discuss the flood. Ms Lenz said the dam held. "
        f"Mr Ardent said the count was unfair. {pronoun} said the road was open."
    )
    claims = analysis.analyze_text(text).claims
    assert list(claims["speaker"]) == ["", "Lenz", "Ardent", speaker]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a short quoted phrase inside the reported clause is part of it (indirect)
        ("Critics said the “reform” would hurt the poor.", ("the “reform” would hurt the poor", "indirect")),
        ("Critics said ‘reform’ would hurt the poor.", ("‘reform’ would hurt the poor", "indirect")),
        ("Officials said the so-called “peace plan” was dead.", ("the so-called “peace plan” was dead", "indirect")),
        # the quoted words are the statement: direct
        ("He said “no” and left the room at once.", ("no", "direct")),
        ("He said ‘we will win’ on Monday.", ("we will win", "direct")),
        ("Critics said “the reform will hurt the poor.”", ("the reform will hurt the poor", "direct")),
    ],
)
def test_scare_quotes_inside_a_reported_clause(finder, text, expected):
    got = attributions(finder, text)
    assert [(g[1], g[2], g[3]) for g in got] == [("said", *expected)]


@pytest.mark.parametrize(
    "text",
    [
        "Lenz did not say when the army would arrive.",
        "Ardent didn't say how many people had left.",
        "The ministry declined to say how many soldiers were sent.",
        "It is not that Lenz said the dam would fail.",
    ],
)
def test_denied_speech_is_no_attribution(finder, text):
    assert all(g[1] == "" for g in attributions(finder, text, PERSONS))


def test_a_report_by_it_inside_another_report_is_that_speakers_words(finder):
    """ "saying it shows ...": "it" (the tweets) is no second source; one row, the whole clause its content."""
    text = "The Kestrel Party is pleased. Lenz defended her tweets, saying it shows she would be awake at 3 a.m."
    got = [(g[0], g[1], g[2]) for g in attributions(finder, text, PERSONS) if g[1] in ("saying", "shows")]
    assert got == [("Maria Lenz", "saying", "it shows she would be awake at 3 a.m")]


@pytest.mark.parametrize(
    ("text", "speaker", "cue", "content"),
    [
        ("Lenz arrived at the dam on Monday and said the spillway would hold.", "Maria Lenz", "said",
         "the spillway would hold"),
        ("The engineers of the board checked the logs and found that the gauges had failed.", "engineers", "found",
         "the gauges had failed"),
    ],
)  # fmt: skip
def test_a_second_verb_of_the_sentence_subject_reports_for_it(finder, text, speaker, cue, content):
    """ "X did this and said Y": the subject of the sentence is the source, with no report before."""
    got = [(g[0], g[1], g[2]) for g in attributions(finder, text, PERSONS) if g[1]]
    assert got == [(speaker, cue, content)]


@pytest.mark.parametrize(
    ("text", "first"),
    [
        ("The port reopened on Monday, and officials said it was safe.", "port"),
        ("The mayor left early, but officials toured the site and said the bridge was safe.", "mayor"),
        ("Voters approved the levy, and the governor signed it and said it would help.", "Voters"),
    ],
)
def test_a_second_verb_after_another_clause_is_not_the_first_subjects(text, first):
    got = [g[0] for g in attributions(ClaimFinder(), text, PERSONS) if g[1]]
    assert first not in got


@pytest.mark.parametrize(
    "text",
    [
        "A survey being published on Monday by a team of economists shows that rents rose again.",
        "The survey conducted in March by a team of economists for the council shows that rents rose again.",
    ],
)
def test_a_document_described_by_a_participle_phrase_is_the_source(finder, text):
    """The speaker phrase runs from the document through its participle phrase, "being" too (as in
    tests/test_claims_cues.py: "Research conducted by the Hallam Institute found")."""
    got = [(g[0], g[1]) for g in attributions(finder, text, PERSONS) if g[1]]
    assert got == [(text[2 if text.startswith("A ") else 4 : text.index(" shows")], "shows")]


def test_a_report_denied_after_the_content_ends_it_and_gives_no_row(finder):
    """A correction's "Lenz is calling for a review, not that she is calling for ...": one report, up to the comma."""
    text = "The story now says that Lenz is calling for a review, not that she is calling for the mayor to resign."
    got = [g for g in attributions(finder, text, PERSONS) if g[1] == "is calling for"]
    assert [g[2] for g in got] == ["a review"]


def test_dateline_and_addressee_stay_out_of_the_content(finder):
    text = (
        "HALDEN, Kestria (AW) — Floodwaters forced 12,000 people from their homes, officials said.\n\n"
        "Lenz told reporters the city had spent $2.5 million on barriers."
    )
    got = attributions(finder, text, PERSONS)
    assert [(g[0], g[1], g[2]) for g in got] == [
        ("officials", "said", "Floodwaters forced 12,000 people from their homes"),
        ("Maria Lenz", "told", "the city had spent $2.5 million on barriers"),
    ]


def test_british_article_end_to_end():
    import analysis

    text = (
        "The interior minister, Clara Voss, defended the recount on Tuesday. "
        "‘We have nothing to hide,’ she told reporters.\n\n"
        "‘The observers saw every ballot,’ Ms Voss said.\n\n"
        "Opposition leader Tomas Brandt disagreed. ‘This is a cover-up’, he said. ‘Nobody believes it.’"
    )
    result = analysis.analyze_text(text)
    quoted = result.claims[result.claims["quote"] == "direct"]
    got = [(r.speaker, r.cue, text[r.content_start : r.content_end]) for r in quoted.itertuples()]
    assert got == [
        ("Clara Voss", "told", "We have nothing to hide"),
        ("Clara Voss", "said", "The observers saw every ballot"),
        ("Tomas Brandt", "said", "This is a cover-up’, he said. ‘Nobody believes it"),  # one quotation
    ]
    assert set(result.entities["label"]) == {"PERSON"}


def test_hedges_and_boosters(finder):
    doc = process(
        "Ruritania reportedly closed its border. Ruritania has completely closed its border. "
        "It is believed that Ruritania closed 30 crossings. Not a single crossing in Ruritania is open."
    )
    rows = finder.find(doc, entity_rows(doc, PERSONS))
    assert [(r["hedged"], r["boosted"]) for r in rows] == [(True, False), (False, True), (True, False), (False, True)]


# ------------------------------------------------------------- bad input
def test_ten_thousand_word_sentence_without_punctuation_finishes(finder):
    words = " ".join("said" if i % 50 == 0 else f"word{i % 9}" for i in range(10_000))
    doc = process(words)
    rows = finder.find(doc, [])
    assert len(doc.sentences) == 1
    assert all(0 <= r["content_start"] <= r["content_end"] <= len(words) for r in rows)


def test_a_paragraph_of_forty_thousand_quotes_is_paired_in_one_sweep():
    text = " ".join(["‘a b’ “c d”"] * 20_000)  # single and double quotes side by side, one paragraph
    quotes = find_quotes(text)
    assert len(quotes) == 40_000 and all(q.closed for q in quotes)
    assert [text[q.start] for q in quotes[:4]] == ["‘", "“", "‘", "“"]


def test_unbalanced_and_nested_quotes_do_not_raise(finder):
    text = (
        'He said "the bridge is closed. Lenz said "it is "really" closed" and left.\n\n'
        '"Nobody came," Ardent said. ” Stray mark. “Open “twice.'
    )
    doc = process(text)
    rows = finder.find(doc, entity_rows(doc, PERSONS))
    assert ("Tom Ardent", "said", "Nobody came", "direct") in [
        (r["speaker"], r["cue"], text[r["content_start"] : r["content_end"]], r["quote"]) for r in rows
    ]


def test_quotes_in_a_headline_and_all_caps_text(finder):
    text = '"WE WON," LENZ SAYS\n\nMARIA LENZ SAID THE DAM HELD. THE VILLAGE IS SAFE, OFFICIALS SAID.'
    doc = process(text, title='"WE WON," LENZ SAYS')
    rows = finder.find(doc, [])
    assert {r["sentence_id"] for r in rows} <= {s.index for s in doc.sentences if s.kind == "body"}
    assert [text[r["content_start"] : r["content_end"]] for r in rows] == ["THE DAM HELD", "THE VILLAGE IS SAFE"]


def test_find_quotes_pairs_marks_and_leaves_orphans():
    text = 'a "b" c ” d “e f'
    assert [(q.start, q.end, q.closed) for q in find_quotes(text)] == [(2, 5, True), (12, 16, False)]


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        ("‘The dam held,’ she said.", [(0, 15, True)]),
        # apostrophes inside a word and a plural possessive before a lower-case word do not close
        ("‘Lenz’s workers’ pay is late,’ she said.", [(0, 30, True)]),
        # a double quote inside single quotes belongs to the single-quoted span
        ("‘He told me “never again”,’ she said.", [(0, 27, True)]),
        # single quotes inside double quotes are part of the double-quoted span
        ("“He called it ‘a farce’,” she said.", [(0, 25, True)]),
        # a ‘ that cannot be closed is an apostrophe typed the wrong way, unless it opens the paragraph
        ("Prices of the ‘90s were lower.", []),
        ("‘The dam held.\n\n‘The road is open,’ Lenz said.", [(0, 14, False), (16, 35, True)]),
        ("Straight 'single' quotes are left alone.", []),
    ],
)
def test_find_quotes_pairs_single_curly_quotes(text, spans):
    paras = [(0, 14), (16, len(text))] if "\n\n" in text else None
    quotes = find_quotes(text, paras)
    assert [(q.start, q.end, q.closed) for q in quotes] == spans
    if len(quotes) == 2:
        assert quotes[0].chain == quotes[1].chain  # the quote continued in the next paragraph


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(['"', "“", "”", "‘", "’", "«", "»", "a", "s", "b", " ", ",", "\n\n"]), max_size=30))
def test_quotes_are_ordered_and_never_overlap_or_cross_paragraphs(chars):
    text = "".join(chars)
    paras, start = [], 0
    for part in text.split("\n\n"):
        paras.append((start, start + len(part)))
        start += len(part) + 2
    quotes = find_quotes(text, paras)
    for q in quotes:
        assert any(p0 <= q.start < q.end <= p1 for p0, p1 in paras), q
        assert q.start < q.inner_start <= q.inner_end <= q.end
    for first, second in itertools.pairwise(quotes):
        assert first.end <= second.start


def test_british_single_quotes_give_the_same_claims_as_double_quotes(finder):
    british = (
        "‘We will reopen the road,’ Lenz said. ‘The dam held’, she added.\n\n"
        "Ardent said the workers’ union was consulted. ‘It was not,’ said a union official."
    )
    american = british.replace("‘", "“").replace(",’", ",”").replace("d’,", "d”,")
    assert american.count("“") == american.count("”") == 3
    got = attributions(finder, british, PERSONS)
    assert got == attributions(finder, american, PERSONS)
    assert got == [
        ("Maria Lenz", "said", "We will reopen the road", "direct"),
        ("Maria Lenz", "added", "The dam held", "direct"),
        ("Tom Ardent", "said", "the workers’ union was consulted", "indirect"),
        ("union official", "said", "It was not", "direct"),
    ]


# ------------------------------------------------------------ properties
_WORDS = st.sampled_from(
    ["Lenz", "said", "that", "the", "dam", "held", '"', "“", "”", ",", ".", "according", "to", "officials",
     "he", "added", "It", "was", "reported", "?", "Ardent", "told", "reporters", "30", "people", "died", "\n\n",
     "‘", "’", "workers’", "Lenz’s"]
)  # fmt: skip


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_WORDS, min_size=1, max_size=40))
def test_spans_lie_in_their_sentence_and_do_not_overlap(words):
    text = " ".join(words)
    doc = process(text)
    rows = ClaimFinder().find(doc, entity_rows(doc, PERSONS))
    for r in rows:
        s = doc.sentences[r["sentence_id"]]
        assert r["text"] == text[r["content_start"] : r["content_end"]]  # the claim, not the sentence
        spans = []
        for key in ("speaker", "cue", "content"):
            start, end = r[f"{key}_start"], r[f"{key}_end"]
            if start == -1:
                assert end == -1
                continue
            if key == "speaker" and not r["cue"]:
                # a continued quote points at the source words of the attribution it continues
                assert 0 <= start < end <= len(text) and text[start:end] == r["speaker_text"], r
                continue
            if r["quote"] == "direct":
                # one row per quotation: it runs over the sentences it covers, from its row's sentence,
                # and a cue may split it ('"Y1," she said, "Y2."'), so only the text bounds it
                lowest = s.start if key == "content" else 0
                assert lowest <= start < end <= len(text), (key, r)
                continue
            assert s.start <= start < end <= s.end, (key, r)
            spans.append((start, end))
        spans.sort()
        for (_, first_end), (second_start, _) in itertools.pairwise(spans):
            assert first_end <= second_start, r


# -------------------------------------------------------------- lexicons
def test_user_lexicon_is_added_to_the_defaults(tmp_path):
    path = tmp_path / "mine.yml"
    path.write_text("cues:\n  - grumbled\nhedges:\n  - rumour has it\n", encoding="utf-8")
    mine = ClaimFinder(lexicon=path)
    assert attributions(mine, "Lenz grumbled that the dam leaked.", PERSONS) == [
        ("Maria Lenz", "grumbled", "the dam leaked", "indirect")
    ]
    assert attributions(mine, "Lenz said that the dam leaked.", PERSONS)[0][1] == "said"  # defaults kept
    assert attributions(ClaimFinder(), "Lenz grumbled that the dam leaked.", PERSONS)[0][3] == "none"


@pytest.mark.parametrize(
    ("content", "line", "words"),
    [
        ("cues:\n  - said\ncuez:\n  - told\n", 3, "unknown section 'cuez'"),
        ("cues:\n  - said\n  - [x, y]\n", 3, "words or phrases"),
        ("hedges: reportedly\n", 1, "must be a list"),
        ("cues:\n  - said\n   bad: [\n", None, "not valid YAML"),
    ],
)
def test_malformed_lexicon_names_file_and_line(tmp_path, content, line, words):
    path = tmp_path / "bad.yml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(LexiconError) as info:
        ClaimFinder(lexicon=path)
    assert str(path) in str(info.value)
    assert words in str(info.value)
    if line is not None:
        assert info.value.line == line
        assert f"line {line}" in str(info.value)


# ------------------------------------------------------------ evaluation
def test_brat_fixture_is_read_and_scored():
    from analysis.evaluation.claims import evaluate_brat, read_brat

    docs = read_brat(ROOT / "tests" / "data" / "brat")
    gold = docs[0].attributions
    assert list(zip(gold["speaker_text"], gold["cue"], gold["quote"], strict=True)) == [
        ("The mayor", "said", "indirect"),
        ("she", "added", "direct"),
        ("local officials", "according to", "indirect"),
    ]
    figures, errors = evaluate_brat(ROOT / "tests" / "data" / "brat")
    assert (figures["n_gold"], figures["n_matched"], figures["speaker_accuracy"]) == (3, 3, 1.0)
    assert errors == []


def test_score_attributions_counts_overlap_and_speakers():
    import pandas as pd

    from analysis.evaluation.claims import same_speaker, score_attributions

    cols = ["document", "content_start", "content_end", "speaker", "cue", "quote"]
    gold = pd.DataFrame(
        [("d", 0, 10, "Maria Lenz", "said", "direct"), ("d", 20, 30, "officials", "said", "indirect")], columns=cols
    )
    pred = pd.DataFrame(
        [
            ("d", 0, 9, "maria lenz", "said", "direct"),
            ("d", 25, 40, "Officials", "told", "indirect"),
            ("d", 50, 60, "", "", "none"),
        ],
        columns=cols,
    )
    got = score_attributions(pred, gold)
    assert (got["n_predicted"], got["n_gold"], got["n_matched"]) == (2, 2, 1)
    assert (got["precision_any"], got["recall_any"]) == (1.0, 1.0)
    assert got["speaker_accuracy"] == 1.0
    assert same_speaker("a European diplomat in Beirut", "a European diplomat")
    assert not same_speaker("Vladimir Putin", "Sergei Rudskoi")
    assert not same_speaker("", "officials")


def test_pairs_are_one_to_one_best_first():
    from analysis.evaluation.matching import pair_best_first

    # prediction 0 overlaps both gold items; the better pair wins and gold 0 goes to prediction 1
    assert pair_best_first([(0.9, 0, 0), (0.6, 0, 1), (0.7, 1, 0)]) == [(0, 0)]
    assert pair_best_first([(0.9, 0, 1), (0.6, 0, 0), (0.7, 1, 0)]) == [(0, 1), (1, 0)]
    assert pair_best_first([(0.5, 1, 0), (0.5, 0, 0)]) == [(0, 0)]  # ties: lower prediction index


@pytest.mark.parametrize(
    ("sentence", "speaker", "cue", "content"),
    [
        (
            "The port authority is saying that the cranes were never inspected.",
            "port authority",
            "is saying",
            "the cranes were never inspected",
        ),
        (
            "Velkan Drossum was telling reporters that the port had been warned.",
            "Velkan Drossum",
            "was telling",
            "the port had been warned",
        ),
    ],
)
def test_a_progressive_cue_reports_speech(sentence, speaker, cue, content):
    from analysis import analyze_text

    claims = analyze_text("Officials met on Monday.\n\n" + sentence).claims
    row = claims[claims["cue"] != ""].iloc[0]
    assert (row["speaker"], row["cue"], row["text"]) == (speaker, cue, content)
    # a participle after a noun is no cue of its own: "a statement saying ..." is not "the statement is saying"
    plain = analyze_text("Officials met on Monday.\n\nThe crowd kept saying the port had been warned.").claims
    assert (plain["cue"] == "").all()


def test_a_quoted_noun_phrase_that_is_one_of_two_subjects_is_inside_the_reported_clause():
    text = 'He backed new spending, though he said "harbor fees" and the sale of old ferries would pay for it.'
    claims = analysis.analyze_text(text).claims
    said = claims[claims.cue == "said"]
    assert said[["quote", "text"]].values.tolist() == [
        ["indirect", '"harbor fees" and the sale of old ferries would pay for it']
    ]
    # a quote and then a verb of the speaker's own: the quote is what was said
    claims = analysis.analyze_text('He said "no way" and walked out.').claims
    assert claims[["quote", "text"]].values.tolist() == [["direct", "no way"]]


def test_a_quote_after_a_quoted_question_keeps_the_speaker_named_with_the_question():
    text = (
        "“How many times must we see this in our town?” Varga said. "
        "“In Belmont, an unarmed man with his hands up. This is just unbearable.”"
    )
    claims = analysis.analyze_text(text).claims
    # one quotation, split by its cue (one row), all hers
    assert claims[["speaker", "quote"]].values.tolist() == [["Varga", "direct"]]
    assert claims.text.iloc[0].endswith("This is just unbearable")
