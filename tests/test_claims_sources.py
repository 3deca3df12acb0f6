"""Who said it: speaker spans for every attribution, sources that are not people, cues beyond speech.

Every sentence here is written for the tests, in the patterns of wire and newspaper
copy, about invented people and places.
"""

from __future__ import annotations

import pytest

import analysis
from analysis.claims import ClaimFinder
from analysis.text import process


@pytest.fixture(scope="module")
def finder() -> ClaimFinder:
    return ClaimFinder()


def rows_of(finder: ClaimFinder, text: str, entities: list[dict] | None = None) -> list[dict]:
    doc = process(text)
    return [
        dict(r, speaker_words=_span(doc.text, r), content=_content(doc.text, r))
        for r in finder.find(doc, entities or [])
    ]


def _span(text: str, r: dict) -> str:
    return text[r["speaker_start"] : r["speaker_end"]] if r["speaker_start"] >= 0 else ""


def _content(text: str, r: dict) -> str:
    return text[r["content_start"] : r["content_end"]]


def person(text: str, name: str, canonical: str | None = None, *, nth: int = 0) -> dict:
    start = -1
    for _ in range(nth + 1):
        start = text.index(name, start + 1)
    return {"start": start, "end": start + len(name), "text": name, "canonical": canonical or name, "label": "PERSON"}


CONTINUED = (
    'Halvard Onsrud, the harbour master, spoke after the vote. "We were never asked. '
    'Nobody from the council came down to the docks," Onsrud said. "They will regret it."\n\n'
    '"The fishermen have been here for two hundred years."\n\n'
    "He said the port would appeal, adding that the ruling ignored the tide tables."
)


def test_every_attributed_claim_with_a_named_source_has_a_speaker_span(finder):
    ents = [person(CONTINUED, "Halvard Onsrud"), person(CONTINUED, "Onsrud", "Halvard Onsrud", nth=1)]
    rows = [r for r in rows_of(finder, CONTINUED, ents) if r["quote"] != "none"]
    assert len(rows) == 4
    for r in rows:
        assert r["speaker"] == "Halvard Onsrud", r["content"]
        assert r["speaker_start"] >= 0 and r["speaker_words"] == r["speaker_text"], r["content"]
    by_content = {r["content"]: r["speaker_words"] for r in rows}
    # the quote over three sentences is one row; the bare quote in the next paragraph points at the
    # attribution it continues
    assert by_content['We were never asked. Nobody from the council came down to the docks," Onsrud said. '
                      '"They will regret it'] == "Onsrud"  # fmt: skip
    assert by_content["The fishermen have been here for two hundred years"] == "Onsrud"
    assert by_content["the ruling ignored the tide tables"] == "He"


def test_a_report_in_the_passive_names_no_source(finder):
    rows = rows_of(finder, "It was reported that the ferry to Kallvik had been cancelled for the winter.")
    assert [(r["speaker"], r["speaker_start"], r["quote"]) for r in rows] == [("", -1, "indirect")]


def attributed(finder: ClaimFinder, text: str, entities: list[dict] | None = None) -> list[tuple]:
    return [
        (r["speaker"], r["speaker_type"], r["speaker_words"], r["cue"], r["content"])
        for r in rows_of(finder, text, entities)
        if r["quote"] != "none"
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "A leaked memo shows that the council knew about the cracks in March.",
            ("leaked memo", "document", "A leaked memo", "shows", "the council knew about the cracks in March"),
        ),
        (
            "The audit found the agency had lost track of 300 trucks.",
            ("audit", "document", "The audit", "found", "the agency had lost track of 300 trucks"),
        ),
        (
            "The new poll shows Brisco ahead by six points in Tallow County.",
            ("new poll", "document", "The new poll", "shows", "Brisco ahead by six points in Tallow County"),
        ),
        (
            "The Ledger editorial argued that the levy was unfair to farmers.",
            ("Ledger editorial", "document", "The Ledger editorial", "argued", "the levy was unfair to farmers"),
        ),
    ],
)
def test_documents_are_sources(finder, text, expected):
    assert attributed(finder, text) == [expected]


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        ("Varga believes the Kessel bridge is safe.", "believes", "the Kessel bridge is safe"),
        ("Varga knew that the Kessel bridge was unsafe.", "knew", "the Kessel bridge was unsafe"),
        (
            "Varga fears the Kessel bridge will not survive the floods.",
            "fears",
            "the Kessel bridge will not survive the floods",
        ),
        ("Varga wants to close the Kessel bridge by June.", "wants", "to close the Kessel bridge by June"),
        ("Varga called for an inquiry into the Kessel bridge.", "called for", "an inquiry into the Kessel bridge"),
        ("Varga urged drivers to avoid the Kessel bridge.", "urged", "drivers to avoid the Kessel bridge"),
    ],
)
def test_belief_intention_and_demand_cues(finder, text, cue, content):
    ents = [person(text, "Varga", "Ilse Varga")]
    assert attributed(finder, text, ents) == [("Ilse Varga", "person", "Varga", cue, content)]


def test_nominal_cue_after_a_possessor_resolves_the_pronoun(finder):
    text = "Ms. Ilse Varga spoke on Tuesday. She repeated her view that the bridge is safe."
    ents = [dict(person(text, "Ilse Varga"), title="Ms.")]
    assert attributed(finder, text, ents) == [("Ilse Varga", "person", "her", "view", "the bridge is safe")]
    text = "The mayor's claim that the bridge is safe drew laughter."
    assert attributed(finder, text) == [("mayor", "person", "The mayor", "claim", "the bridge is safe")]


@pytest.mark.parametrize(
    "text",
    [
        "Reporters asked whether Varga knew the bridge was unsafe.",
        "Councillors questioned whether the bridge was safe.",
        "Nobody knows what the repairs will cost.",
        "Thousands of commuters are expected to use the new bridge.",
        "The figure, described as a record, drew praise from the council.",
    ],
)
def test_questions_and_passives_are_not_attributions(finder, text):
    assert attributed(finder, text) == []


def test_a_clause_split_by_its_cue_keeps_both_halves(finder):
    text = "The repair fund, Ostrander said, will run dry by March."
    assert attributed(finder, text) == [
        ("Ostrander", "person", "Ostrander", "said", "The repair fund, Ostrander said, will run dry by March")
    ]
    text = "The repair was cheap, she said, but the bridge would need a new deck within a year."
    assert [a[4] for a in attributed(finder, text)] == [
        "The repair was cheap, she said, but the bridge would need a new deck within a year"
    ]


def test_a_clause_split_by_its_cue_runs_through_the_phrase_it_quotes(finder):
    text = "Dock workers, Ostrander said, can ''outlast any owner'' and ''sink any plan they dislike.''"
    assert [a[4] for a in attributed(finder, text)] == [
        "Dock workers, Ostrander said, can ''outlast any owner'' and ''sink any plan they dislike.''"
    ]


def test_a_clause_after_an_inserted_cue_may_have_a_long_subject(finder):
    text = "Too often, Ostrander said, the argument over the future of the harbour is settled by the loudest voice."
    assert [a[4] for a in attributed(finder, text)] == [
        "Too often, Ostrander said, the argument over the future of the harbour is settled by the loudest voice"
    ]


@pytest.mark.parametrize(
    ("text", "speaker_words"),
    [
        # party and state in brackets, then an appositive
        ("Rep. Dana Holt (D-N.Y.), a member of the harbour panel, said the levy would fail in the spring.",
         "Rep. Dana Holt"),
        ("Sen. Ivo Marsh (R-Utah), who chairs the harbour panel, said the levy would fail in the spring.",
         "Sen. Ivo Marsh"),
        # an aside between dashes
        ("Ingrid Sol -- co-author of a book on the harbour strikes -- said the levy would fail in the spring.",
         "Ingrid Sol"),
    ],
)  # fmt: skip
def test_a_speaker_described_in_brackets_and_an_aside_before_the_cue(finder, text, speaker_words):
    assert [(a[2], a[4]) for a in attributed(finder, text)] == [(speaker_words, "the levy would fail in the spring")]


@pytest.mark.parametrize(
    ("text", "speaker_words", "content"),
    [
        ("Mayor Ines Corvo, who in 2014 said the levy was unlawful, has since changed her mind.",
         "Mayor Ines Corvo, who", "the levy was unlawful"),
        ("Ostrander in 2019 wrote that the pier was unsafe.", "Ostrander", "the pier was unsafe"),
    ],
)  # fmt: skip
def test_a_year_between_the_speaker_and_the_cue(finder, text, speaker_words, content):
    assert [(a[2], a[4]) for a in attributed(finder, text)] == [(speaker_words, content)]


def test_co_speakers_stay_together(finder):
    text = "Kessler and Ostrander said the plan would cost jobs."
    ents = [person(text, "Kessler", "Anna Kessler"), person(text, "Ostrander", "Piet Ostrander")]
    assert attributed(finder, text, ents) == [
        ("Anna Kessler and Piet Ostrander", "person", "Kessler and Ostrander", "said", "the plan would cost jobs")
    ]


def test_co_speakers_of_one_kind_stay_together_whatever_their_label(finder):
    # the entity stage may type two officials as organisations; the phrase still names both
    text = "Kessler and Ostrander said the plan would cost jobs."
    ents = [
        {**person(text, "Kessler", "Anna Kessler"), "label": "ORG"},
        {**person(text, "Ostrander", "Piet Ostrander"), "label": "ORG"},
    ]
    assert [a[0] for a in attributed(finder, text, ents)] == ["Anna Kessler and Piet Ostrander"]
    mixed = [person(text, "Kessler", "Anna Kessler"), {**person(text, "Ostrander", "Piet Ostrander"), "label": "ORG"}]
    assert [a[0] for a in attributed(finder, text, mixed)] == ["Piet Ostrander"]  # the head's kind only


def test_bad_input_gives_spans_inside_the_text(finder):
    # how the cost grows: benchmarks/bench_hostile.py (the sentence, quotes and cues cases)
    unit = (
        'The memo shows. Varga wants to. Her view that. "Unclosed, she said, whether the report found "what" they knew '
    )
    small, large = unit * 100, unit * 800
    for text in (small, large, '"' + "word " * 10_000, "THE REPORT FOUND THE DAM HELD, OFFICIALS SAID. " * 200):
        rows = ClaimFinder().find(process(text), [])
        for r in rows:
            assert 0 <= r["content_start"] <= r["content_end"] <= len(text)


def test_cues_with_no_content_give_no_attribution(finder):
    assert attributed(finder, "The memo shows. Varga wants to. Her view that. The poll found.") == []


def test_quotes_signed_after_a_dash_go_to_the_name():
    text = (
        "Readers wrote in after the debate.\n\n"
        "“The tunnel plan scares me. Nobody asked the valley.” ― Rosa Quint\n"
        "“Maybe we can build a tunnel around the council.” — Ivo Brandt."
    )
    rows = attributed(ClaimFinder(), text)
    assert rows == [
        ("Rosa Quint", "person", "Rosa Quint", "―", "The tunnel plan scares me. Nobody asked the valley"),
        ("Ivo Brandt", "person", "Ivo Brandt", "—", "Maybe we can build a tunnel around the council"),
    ]


def test_party_and_state_in_brackets_and_a_letter_that_reads(finder):
    text = '"We cannot close the valley road," Rep. Dana Holt (D-Ore.) said. "The farms need it," the letter reads.'
    assert [(a[2], a[3], a[4]) for a in attributed(finder, text)] == [
        ("Rep. Dana Holt", "said", "We cannot close the valley road"),
        ("the letter", "reads", "The farms need it"),
    ]


def test_merge_relations_joins_the_rows_of_one_quote():
    import pandas as pd

    from analysis.evaluation.claims import merge_relations

    text = '"We were never asked. Nobody came," Onsrud said. "They will regret it."\n\n"The tide turned."'
    doc = process(text)
    ents = [person(text, "Onsrud", "Halvard Onsrud")]
    frame = pd.DataFrame(ClaimFinder().find(doc, ents)).assign(document="d")
    merged = merge_relations(frame, {"d": text})
    spans = [text[a:b] for a, b in zip(merged["content_start"], merged["content_end"], strict=True)]
    # one relation within the paragraph (the cue inside, as relation-level annotation has it); next paragraph apart
    assert spans == ['We were never asked. Nobody came," Onsrud said. "They will regret it', "The tide turned"]


def test_pronoun_gender_from_the_articles_own_pronouns():
    text = (
        "Councillor Edda Brunvoll presented her budget on Monday. Brunvoll said her office had cut "
        "its own costs first and that she would not touch the schools.\n\n"
        "Tarik Lenner, the opposition leader, called the plan reckless. Lenner said his party would "
        "fight it with his allies.\n\n"
        '"We kept every promise," she said.'
    )
    ents = [
        person(text, "Edda Brunvoll"),
        person(text, "Brunvoll", "Edda Brunvoll", nth=1),
        person(text, "Tarik Lenner"),
        person(text, "Lenner", "Tarik Lenner", nth=1),
    ]
    rows = [r for r in rows_of(ClaimFinder(), text, ents) if r["quote"] == "direct"]
    # no title says who is who; the article's own pronouns do ("his ... his" for Lenner, the last one named)
    assert [(r["speaker"], r["speaker_words"]) for r in rows] == [("Edda Brunvoll", "she")]


@pytest.mark.parametrize(
    ("text", "names", "expected"),
    [
        # the last speaker has no gender evidence; the person the article calls "her" does
        (
            "Mara Quill met Tobias Renk on Monday. Quill said her office would review the deal.\n\n"
            "Renk praised the plan. She said the bridge would be finished by May.",
            [
                ("Mara Quill", "Mara Quill", 0),
                ("Tobias Renk", "Tobias Renk", 0),
                ("Quill", "Mara Quill", 1),
                ("Renk", "Tobias Renk", 1),
            ],
            ("Mara Quill", "She"),
        ),
        # a role in an appositive ("the agency's spokeswoman")
        (
            "Mara Quill, the agency's spokeswoman, met Tobias Renk on Monday. Renk praised the plan. "
            "She said the bridge would be finished by May.",
            [("Mara Quill", "Mara Quill", 0), ("Tobias Renk", "Tobias Renk", 0), ("Renk", "Tobias Renk", 1)],
            ("Mara Quill", "She"),
        ),
        # "his" for one man, the woman named last has none: "he" is the man
        (
            "Tobias Renk met Mara Quill on Monday. Renk praised the plan in his speech. Quill listened. "
            "He said the bridge would be finished by May.",
            [
                ("Tobias Renk", "Tobias Renk", 0),
                ("Mara Quill", "Mara Quill", 0),
                ("Renk", "Tobias Renk", 1),
                ("Quill", "Mara Quill", 1),
            ],
            ("Tobias Renk", "He"),
        ),
        # no evidence for anyone: the person just introduced, as before
        (
            'Ana Holt chairs the board. Opposition leader Tomas Brandt disagreed. "It is a cover-up," he said.',
            [("Ana Holt", "Ana Holt", 0), ("Tomas Brandt", "Tomas Brandt", 0)],
            ("Tomas Brandt", "he"),
        ),
    ],
)
def test_he_or_she_goes_to_the_nearby_person_the_article_marks_so(text, names, expected):
    ents = [person(text, name, canonical, nth=nth) for name, canonical, nth in names]
    rows = [r for r in rows_of(ClaimFinder(), text, ents) if r["speaker_words"].lower() in ("he", "she")]
    assert [(r["speaker"], r["speaker_words"]) for r in rows] == [expected]


def test_the_person_quoted_not_the_reporter_who_asked():
    text = (
        "Mayor Ilse Varga faced the press on Monday.\n\n"
        '"Do you regret the bridge?" asked Tom Keller of the Ledger. "I regret nothing," Varga said.\n\n'
        'Keller asked whether the bridge was safe. "It is perfectly safe," she replied.'
    )
    ents = [
        person(text, "Ilse Varga"),
        person(text, "Tom Keller"),
        person(text, "Varga", "Ilse Varga", nth=1),
        person(text, "Keller", "Tom Keller", nth=1),
    ]
    rows = [r for r in rows_of(ClaimFinder(), text, ents) if r["quote"] != "none"]
    assert [(r["speaker"], r["content"]) for r in rows] == [
        ("Ilse Varga", "I regret nothing"),
        ("Ilse Varga", "It is perfectly safe"),
    ]


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "Varga said she expects the bridge to reopen in May, which would end a two-year closure.",
            "she expects the bridge to reopen in May",
        ),
        ("Varga has said 20 people want the seat, but she refuses to discuss names.", "20 people want the seat"),
        (
            "The latest test, the ministry said, was its biggest yet, although it may take days to confirm.",
            "The latest test, the ministry said, was its biggest yet",
        ),
        (
            "KALLVIK ― The levy is an insult to farmers, rural lawmakers said Friday.",
            "The levy is an insult to farmers",
        ),
    ],
)
def test_the_outlets_own_additions_stay_out_of_the_content(finder, text, content):
    assert [a[4] for a in attributed(finder, text)] == [content]


@pytest.mark.parametrize(
    ("text", "speaker_words", "content"),
    [
        ("Brisco has long said that he grew up in Tallow County.", "Brisco", "he grew up in Tallow County"),
        (
            'Varga "is the only candidate with a plan for the valley," retired judge Ona Pell said.',
            "retired judge Ona Pell",
            'Varga "is the only candidate with a plan for the valley,"',
        ),
        (
            "Dr. Ona Pell, who as a navy captain was the fleet's physician and later retired from the service "
            "as a rear admiral, said the wound had been treated.",
            "Dr. Ona Pell",
            "the wound had been treated",
        ),
        (
            "The ministry said the test was its largest yet and warned Kestria to stay out of the strait.",
            "The ministry",
            "the test was its largest yet",
        ),
    ],
)
def test_adverbs_quoted_verbs_long_appositives_and_second_verbs(finder, text, speaker_words, content):
    # the first attribution; a second verb may report on its own ("and warned Kestria to stay out")
    assert [(a[2], a[4]) for a in attributed(finder, text)][:1] == [(speaker_words, content)]


def test_a_second_verb_with_an_order_reports_on_its_own(finder):
    text = "The ministry said the test was its largest yet and warned Kestria to stay out of the strait."
    assert [(a[3], a[4]) for a in attributed(finder, text)] == [
        ("said", "the test was its largest yet"),
        ("warned", "Kestria to stay out of the strait"),
    ]


def test_transcript_lines_name_their_speaker(finder):
    text = (
        "Part of the interview follows.\n\n"
        '"HOLM: Let us start with the levy. Why would Brisco back it?\n\n'
        '"ARDAL: Well, the question really is why the council wanted it. It was a stunt.\n\n'
        "UPDATE: The council met again on Friday with 40 members."
    )
    assert [(a[0], a[3], a[4]) for a in attributed(finder, text)] == [
        ("HOLM", ":", "Let us start with the levy"),
        ("ARDAL", ":", "Well, the question really is why the council wanted it. It was a stunt"),
    ]


def test_a_noun_after_a_number_and_a_late_verb(finder):
    text = "Six thousand jobs in Tallow County depend on the mill, one slide says."
    assert [(a[2], a[4]) for a in attributed(finder, text)] == [
        ("one slide", "Six thousand jobs in Tallow County depend on the mill")
    ]
    text = "Varga says the council's flurry of late-night letters to the former mayor of Kallvik was unwise."
    assert [a[4] for a in attributed(finder, text)] == [
        "the council's flurry of late-night letters to the former mayor of Kallvik was unwise"
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Varga called the levy a disgrace.", [("Varga", "called", "the levy a disgrace")]),
        ("A group called Tidewatch formed in May.", []),
        ("The union has called a strike for Monday.", []),
        ('Brisco called the turnout "historic" on Monday.', [("Brisco", "called", 'the turnout "historic" on Monday')]),
        ('It was a result Brisco called "historic".', []),
    ],
)
def test_called_reports_only_when_it_does_not_name(finder, text, expected):
    assert [(a[2], a[3], a[4]) for a in attributed(finder, text)] == expected


def test_an_order_told_to_someone_is_attributed(finder):
    text = "Varga told her aides never to speak of the bridge. Varga told reporters the bridge was safe."
    assert [(a[3], a[4]) for a in attributed(finder, text)] == [
        ("told", "her aides never to speak of the bridge"),
        ("told", "the bridge was safe"),
    ]


def test_a_role_written_before_a_name_resolves_a_later_description():
    # "Democratic nominee Mara Quist" gives her the role; "the Democratic nominee" is then her, and
    # "the GOP nominee" the Republican one (GOP = Republican), not the nearest nominee
    text = (
        "Republican presidential nominee Kordell Vane met voters in Ohio on Monday. "
        "Democratic nominee Mara Quist spoke in Iowa. "
        "The GOP nominee said the plan would cut taxes. "
        "The Democratic nominee said the plan was a fraud."
    )
    claims = analysis.analyze_text(text).claims
    said = claims[claims["cue"] == "said"]
    assert said["speaker"].tolist() == ["Kordell Vane", "Mara Quist"]
    assert [text[s:e] for s, e in zip(said["speaker_start"], said["speaker_end"], strict=True)] == [
        "The GOP nominee",
        "The Democratic nominee",
    ]


def test_he_in_the_next_sentence_is_the_subject_not_a_person_named_after_the_verb():
    text = (
        "Mayor Tom Varga has also commented on the death of Ed Lusk. "
        "On Wednesday, he told a crowd in Belmont that he was troubled by the shooting."
    )
    claims = analysis.analyze_text(text).claims
    assert claims[claims.quote != "none"].speaker.tolist() == ["Tom Varga"]
    # with no person before the verb, the person just named is still the one
    text = "Police arrested Ed Lusk on Monday after a chase. He said he was innocent."
    claims = analysis.analyze_text(text).claims
    assert claims[claims.quote != "none"].speaker.tolist() == ["Ed Lusk"]


def test_a_report_after_an_intention_the_tagger_read_as_a_noun_is_the_outer_attribution():
    text = "The council plans to publish the records soon, a spokesman announced on Monday."
    claims = analysis.analyze_text(text).claims
    assert claims[["speaker", "cue", "text"]].values.tolist() == [
        ["spokesman", "announced", "The council plans to publish the records soon"]
    ]


def test_a_quoted_title_after_on_or_a_possessive_is_no_content():
    text = "Flynn said on Radio Nine’s “Dawn and Friends” that the generals were angry."
    claims = analysis.analyze_text(text).claims
    assert claims[["speaker", "quote", "text"]].values.tolist() == [["Flynn", "indirect", "the generals were angry"]]
    text = "“There is a disconnect,” Flynn said on Radio Nine’s “Dawn and Friends.”"
    claims = analysis.analyze_text(text).claims
    assert claims[["speaker", "quote", "text"]].values.tolist() == [["Flynn", "direct", "There is a disconnect"]]
    # a quoted statement in capitals after the verb is still what was said
    claims = analysis.analyze_text("He said “We Will Win” and left.").claims
    assert claims[["speaker", "quote", "text"]].values.tolist() == [["He", "direct", "We Will Win"]]


def test_a_role_description_goes_to_the_subject_before_it_or_the_one_person_of_that_party():
    text = (
        "Giving a speech in Belmont, Lenz says the city is a model. "
        "The Democratic presidential nominee says they both share the belief that schools matter."
    )
    claims = analysis.analyze_text(text).claims
    assert claims[["speaker", "text"]].values.tolist() == [
        ["Lenz", "the city is a model"],
        ["Lenz", "they both share the belief that schools matter"],
    ]
    # the subject before is a Republican: "the Democratic nominee" is the one Democrat named
    text = (
        "The race is between Republican Tom Varga and Democrat Ana Lenz. Varga spoke in Ohio. "
        "The Democratic nominee says he is wrong."
    )
    claims = analysis.analyze_text(text).claims
    assert claims[claims.cue == "says"].speaker.tolist() == ["Ana Lenz"]


def test_a_subject_pronoun_after_the_cue_opens_the_reported_clause():
    claims = analysis.analyze_text("She says they both share the belief that every child counts.").claims
    expected = [["She", "they both share the belief that every child counts"]]
    assert claims[["speaker", "text"]].values.tolist() == expected


def test_the_role_a_titles_abbreviation_names_resolves_a_description():
    import analysis

    text = (
        "Ohio Gov. Ed Velcani described the harbour plan as a disgrace on Monday.\n\n"
        '"It is a disgrace," he said.\n\n'
        "The governor added that the council knew nothing."
    )
    claims = analysis.analyze_text(text).claims
    assert claims[claims.cue == "added"].speaker.tolist() == ["Ed Velcani"]


def test_a_senator_or_a_first_lady_described_is_the_subject_of_the_sentence_before():
    import analysis

    text = (
        "Ada Velcani, the former harbour chief, stressed her support for the dredging plan on Monday. "
        'The former first lady and U.S. senator said it was "a mistake" to sell the port.'
    )
    claims = analysis.analyze_text(text).claims
    assert claims[claims.text.str.contains("mistake")].speaker.tolist() == ["Ada Velcani"]
