"""Typing names from evidence (analysis.entities.evidence and the rule backend).

Every sentence here is written for the test, in the patterns real news uses,
around invented names that no lexicon or name list knows ("Velkan Drossum"),
so only the evidence under test can type them. ``test_invented_names_are_unknown``
guards that assumption.
"""

from __future__ import annotations

import pytest

from analysis.entities import EntityRecognizer
from analysis.entities.evidence import is_party_tag, typing_cues
from analysis.entities.gazetteer import name_lists, places
from analysis.text import process

#: Invented words: in no name list and no gazetteer.
UNKNOWN = ("Velkan", "Drossum", "Ronsk", "Vardel", "Brellik", "Orvaine", "Thask", "Tarnavo", "Quorvel", "Ostrand")


@pytest.fixture(scope="module")
def recognizer() -> EntityRecognizer:
    return EntityRecognizer()


def _labels(recognizer: EntityRecognizer, text: str) -> list[tuple[str, str]]:
    doc = process(text)
    rows = recognizer.find(doc)
    for row in rows:
        assert doc.text[row["start"] : row["end"]] == row["text"]
    return [(r["text"], r["label"]) for r in rows]


def test_invented_names_are_unknown():
    given, _common, family = name_lists()
    table = places()
    for word in UNKNOWN:
        assert word not in given and word not in family and word not in table, word


# -- person evidence -------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Velkan Drossum said the bridge had been unsafe for years.", "Velkan Drossum"),  # speech verb
        ("Velkan Drossum has also told the council it must act.", "Velkan Drossum"),  # auxiliary, adverb
        ("Ronsk Vardel, 27, scored twice in the second half.", "Ronsk Vardel"),  # age, then a verb
        ("Brellik Thask recalled the night of the fire.", "Brellik Thask"),  # a person-only verb
        ("Orvaine Thask, who runs the bakery, was not hurt.", "Orvaine Thask"),  # "X, who"
        ("The plan will fail, said Velkan Drossum, pointing at the map.", "Velkan Drossum"),  # inverted
        ("Velkan Drossum, a spokesman for the port, declined to comment.", "Velkan Drossum"),  # apposition
        ("The port hired analyst Velkan Drossum last year.", "Velkan Drossum"),  # role noun before
        ("Velkan Drossum left the hearing before her lawyer arrived.", "Velkan Drossum"),  # pronoun after
        ("Velkan Drossum, a 27-year-old from the coast, was arrested.", "Velkan Drossum"),  # age in apposition
    ],
)
def test_person_from_context(recognizer, text, name):
    assert (name, "PERSON") in _labels(recognizer, text)


def test_a_pronoun_opening_the_next_sentence(recognizer):
    assert _labels(recognizer, "Velkan Drossum arrived in the city on Monday. He met the mayor.") == [
        ("Velkan Drossum", "PERSON")
    ]
    assert _labels(recognizer, "Velkan Drossum opened a plant on Monday. It employs 300 people.") == [
        ("Velkan Drossum", "ORG")
    ]


def test_one_word_name_with_a_person_only_verb(recognizer):
    assert _labels(recognizer, "Officials were cautious, but Brellik laughed at the idea.") == [("Brellik", "PERSON")]


def test_one_word_name_said_alone_stays_an_organisation(recognizer):
    # organisations say things too: "said" alone does not make an unknown word a person
    assert _labels(recognizer, "Quorvel said the factory would reopen.") == [("Quorvel", "ORG")]


def test_person_from_name_shape(recognizer):
    # a given name first (Hasan), a family name last (Nguyen), particles and apostrophes
    rows = _labels(
        recognizer,
        "Hasan Quorvel met Velkan Nguyen, Anke van der Meer, Omar al-Haddad and Sean O'Drossum at the port.",
    )
    assert rows == [
        ("Hasan Quorvel", "PERSON"),
        ("Velkan Nguyen", "PERSON"),
        ("Anke van der Meer", "PERSON"),
        ("Omar al-Haddad", "PERSON"),
        ("Sean O'Drossum", "PERSON"),
    ]


def test_a_given_name_alone_is_a_person(recognizer):
    assert _labels(recognizer, "The meeting is moved to Friday, so Larry will call you.") == [("Larry", "PERSON")]


# -- organisation and place evidence ---------------------------------------------------------
def test_company_named_like_a_person_with_a_cue_word(recognizer):
    assert _labels(recognizer, "Hasan Quorvel Inc. reported a loss on Tuesday.") == [("Hasan Quorvel Inc.", "ORG")]
    assert _labels(recognizer, "Drossum Brothers said sales fell.") == [("Drossum Brothers", "ORG")]


@pytest.mark.parametrize(
    "text",
    [
        "An analyst at Velkan Drossum said prices would rise.",  # where a role noun works
        "Velkan Drossum's shares fell 4 percent on Monday.",  # what a company owns
        "Velkan Drossum shares fell 4 percent on Monday.",  # a word only companies take
    ],
)
def test_organisation_context_beats_person_shape(recognizer, text):
    assert ("Velkan Drossum", "ORG") in _labels(recognizer, text)


def test_city_after_in_and_based(recognizer):
    assert _labels(recognizer, "The fire started in Tarnavo on Monday.") == [("Tarnavo", "GPE")]
    assert ("Tarnavo", "GPE") in _labels(recognizer, "A Tarnavo-based bakery closed.")


def test_place_nouns_before_of(recognizer):
    rows = _labels(recognizer, "The people of Tarnavo voted early, and the outskirts of Vardel stayed calm.")
    assert rows == [("Tarnavo", "GPE"), ("Vardel", "GPE")]


def test_a_place_noun_in_apposition(recognizer):
    assert _labels(recognizer, "Ostrand, a farming province, voted early.") == [("Ostrand", "GPE")]


def test_a_name_after_in_with_a_possessive_is_not_a_place(recognizer):
    assert ("Tarnavo", "GPE") not in _labels(recognizer, "In Tarnavo's view, the deal was fair.")


def test_gazetteer_town_does_not_beat_person_context(recognizer):
    # Henderson is a US city; here it is a person, and a capital that speaks is its government
    assert _labels(recognizer, "Henderson said he would appeal the ruling.") == [("Henderson", "PERSON")]
    assert _labels(recognizer, "The court sits in Henderson.") == [("Henderson", "GPE")]
    assert _labels(recognizer, "Washington said it would respond.")[0][1] == "GPE"


# -- consistency -----------------------------------------------------------------------------
def test_strong_evidence_types_the_other_mentions(recognizer):
    text = (
        "Velkan Drossum said the bridge was unsafe. Two inspectors from the county agreed with Drossum on most points. "
        "Brellik recalled the night of the fire. Ostrand hired Brellik in 2019."
    )
    rows = _labels(recognizer, text)
    assert ("Drossum", "PERSON") in rows
    assert rows.count(("Brellik", "PERSON")) == 2
    assert ("Ostrand", "ORG") in rows  # no evidence about Ostrand: the default stays
    text = "His rival, Orvaine Drossum of the opposition, lost. Drossum told reporters it was stolen."
    rows = _labels(recognizer, text)
    assert rows == [("Orvaine Drossum", "PERSON"), ("Drossum", "PERSON")]
    assert _labels(recognizer, "Quorvel told the court it would appeal.") == [("Quorvel", "ORG")]


# -- negatives ---------------------------------------------------------------------------------
def test_party_state_tags_and_party_adjectives_are_not_mentions(recognizer):
    rows = _labels(recognizer, "Sen. Velkan Drossum (R-Ky.) and Democratic lawmakers objected to the bill.")
    assert rows == [("Velkan Drossum", "PERSON")]
    assert is_party_tag("D-Calif.") and is_party_tag("R-Ky.") and not is_party_tag("Al-Jazeera")


def test_cue_lexicon_loads_as_lower_case_sets():
    cues = typing_cues()
    assert "said" in cues.person_verbs and "said" in cues.shared_verbs
    assert "laughed" in cues.person_verbs and "laughed" not in cues.shared_verbs
    assert all(w == w.lower() for w in cues.org_possessions)


# -- bad input ---------------------------------------------------------------------------------
def test_all_caps_headlines_and_non_latin_names_do_not_crash(recognizer):
    text = "\n\n".join(
        [
            "VELKAN DROSSUM SAYS BRIDGE UNSAFE",
            "O'NEILL AND AL-HADDAD TO MEET IN TARNAVO",
            "Владимир Дроссум и Ли Хуа встретились",
            "محمد الحداد قال",
        ]
    )
    rows = _labels(recognizer, text)
    assert len(rows) <= 12


def _name_list(n: int) -> list[str]:
    first = ["Velkan", "Ronsk", "Brellik", "Orvaine", "Hasan", "Anke"]
    heads = ["Dross", "Vard", "Thask", "Quorv", "Ostr", "Brenn", "Kalv", "Murr", "Tesk", "Yarn"]
    tails = ["um", "elin", "ova", "ander", "isk", "ott", "aro", "enby", "ulle", "ask"]
    return [f"{first[k % 6]} {heads[(k // 6) % 10]}{tails[(k // 60) % 10]}" for k in range(n)]


def test_a_long_name_list_finds_the_people_the_tables_know(recognizer):
    # how the cost grows with the list is measured by benchmarks/bench_hostile.py (the names case)
    names = _name_list(10_000)
    rows = recognizer.find(process(", ".join(names) + "."))
    # the names opening with a given name the tables know (Hasan, Anke: a third of them) are people;
    # the invented ones, with no evidence in a bare list, are not guessed at
    assert {r["label"] for r in rows} == {"PERSON"}
    assert {r["text"] for r in rows} <= set(names)
    assert len(rows) >= 3_300


def test_initials_are_not_an_acronym(recognizer):
    assert _labels(recognizer, "The board named Velkan R. Drossum chairman on Tuesday.") == [
        ("Velkan R. Drossum", "PERSON")
    ]


def test_a_name_before_administration_is_the_person(recognizer):
    assert _labels(recognizer, "Critics of the Drossum administration called the plan reckless.") == [
        ("Drossum", "PERSON")
    ]
    rows = _labels(recognizer, "Velkan Drossum said he had won. The Drossum Administration then cut the budget.")
    assert rows == [("Velkan Drossum", "PERSON"), ("Drossum", "PERSON")]


def test_the_before_a_name_and_its_noun_is_no_organisation_cue(recognizer):
    assert ("Tarnavo", "ORG") in _labels(recognizer, "Workers at the Tarnavo were evacuated on Monday.")
    rows = _labels(recognizer, "Hasan Drossum's lawyers said the Drossum case was weak.")
    assert rows == [("Hasan Drossum", "PERSON"), ("Drossum", "PERSON")]


def test_a_short_sentence_of_names_is_not_a_headline(recognizer):
    assert _labels(recognizer, "Velkan Drossum spoke on Monday.") == [("Velkan Drossum", "PERSON")]


def test_an_ordinary_word_capitalised_once_is_no_organisation(recognizer):
    assert _labels(recognizer, "We ordered a Meal deal and a Pledge card at the counter.") == []
    rows = _labels(recognizer, "Ostrand sells bread. The town likes Ostrand and its Pledge. Pledge grew fast.")
    assert ("Ostrand", "ORG") in rows and ("Pledge", "ORG") in rows  # written with a capital twice: a name


def test_provinces_from_the_gazetteer(recognizer):
    rows = _labels(recognizer, "Floods hit Kerala and Queensland this week.")
    assert rows == [("Kerala", "GPE"), ("Queensland", "GPE")]


def test_what_only_a_person_has(recognizer):
    assert _labels(recognizer, "Mourners gathered after Drossum's death was announced.") == [("Drossum", "PERSON")]


def test_particles_open_a_person_name(recognizer):
    rows = _labels(recognizer, '"The port is closed," al-Drossum said. Supporters of bin Vardel marched on Friday.')
    assert rows == [("al-Drossum", "PERSON"), ("bin Vardel", "PERSON")]


def test_names_in_a_title_case_list_and_an_all_caps_headline(recognizer):
    rows = _labels(recognizer, "Team 1: Coach: Sarah Drossum  Kristen Vardel, Samuel Thask")
    assert rows == [("Sarah Drossum", "PERSON"), ("Kristen Vardel", "PERSON"), ("Samuel Thask", "PERSON")]
    assert _labels(recognizer, "HASAN DROSSUM WINS GOLD AGAIN") == [("HASAN DROSSUM", "PERSON")]


def test_ordinary_words_capitalised_once_are_no_organisation_but_a_repeated_one_is(recognizer):
    assert _labels(recognizer, "We ordered the Family Meal at the counter near the door.") == []
    rows = _labels(recognizer, "Orchard Computer cut prices. Orchard shares rose after the Orchard Computer news.")
    assert ("Orchard Computer", "ORG") in rows


def test_a_job_title_alone_is_no_person(recognizer):
    rows = _labels(recognizer, "The former Chief Operating Officer, Velkan Drossum, took over the firm in May.")
    assert rows == [("Velkan Drossum", "PERSON")]


def test_results_table_in_title_case_with_unknown_names(recognizer):
    text = "Results:\n\n1. Velkan Drossum (U.S.) 3:34.12\n2. Brellik Thask (South Africa) 3:34.50\n"
    rows = _labels(recognizer, text)
    assert rows == [("Velkan Drossum", "PERSON"), ("U.S.", "GPE"), ("Brellik Thask", "PERSON"), ("South Africa", "GPE")]


def test_results_table_and_party_tag_in_brackets(recognizer):
    text = (
        "Results:\n\n1. Velkan Drossum (Norway) 3:34.12\n2. Brellik Thask (Kenya) 3:34.50\n\n"
        "Velkan Ostrand (R-Ky.) objected."
    )
    rows = _labels(recognizer, text)
    assert ("Velkan Drossum", "PERSON") in rows and ("Brellik Thask", "PERSON") in rows
    assert ("Velkan Ostrand", "PERSON") in rows and ("Norway", "GPE") in rows


def test_a_family_name_that_is_an_ordinary_word_is_kept_when_capitalised_once(recognizer):
    # found (its type is left to other evidence: none here)
    rows = _labels(recognizer, "Critics say Bush was wrong about the cost of the war.")
    assert [text for text, _ in rows] == ["Bush"]
    assert _labels(recognizer, "We ordered a Meal deal at the counter near the door.") == []


def test_facilities_are_locations(recognizer):
    rows = _labels(recognizer, "Fans left Drossum Stadium and walked to Vardel Station after the match.")
    assert rows == [("Drossum Stadium", "LOC"), ("Vardel Station", "LOC")]


def test_an_organisation_noun_in_apposition_beats_a_person_shape(recognizer):
    assert _labels(recognizer, "Hasan Quorvel, the Tarnavo-based carmaker, said sales fell.") == [
        ("Hasan Quorvel", "ORG"),
        ("Tarnavo", "GPE"),
    ]
    # a possessive or a main clause is no apposition
    assert _labels(recognizer, "Hasan Quorvel, the carmaker's chief executive, said sales fell.") == [
        ("Hasan Quorvel", "PERSON")
    ]
    rows = _labels(recognizer, "According to its vice president Hasan Quorvel, the firm wanted to cut costs.")
    assert rows == [("Hasan Quorvel", "PERSON")]


@pytest.mark.parametrize("surname", ["Quell", "Stone", "Drossum"])
def test_a_family_name_opening_a_later_sentence_is_the_person(recognizer, surname):
    # "Quell" and "Stone" are also English words: at a sentence start they were dropped as ordinary words
    text = f"Mara {surname}, a lawyer for the families, spoke on Monday. {surname} said the port had been warned."
    rows = [(t, label) for t, label in _labels(recognizer, text)]
    assert rows == [(f"Mara {surname}", "PERSON"), (surname, "PERSON")]
    # without the full name earlier, the ordinary word at a sentence start stays a word
    assert _labels(recognizer, "Quell the unrest, the mayor said.") == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "She joined the Garment Workers’ Union in May, and later she left it to work for a bakery.",
            "Garment Workers’ Union",
        ),
        (
            "She joined the Garment Workers' Union in May, and later she left it to work for a bakery.",
            "Garment Workers' Union",
        ),
        ("He sits on the board of the Dock Workers Union, which called the strike on Monday.", "Dock Workers Union"),
    ],
)
def test_an_organisation_named_with_ordinary_words_and_a_cue(recognizer, text, name):
    # ordinary words capitalised once are no name ("the Family Meal"), unless an organisation word ends them
    assert (name, "ORG") in _labels(recognizer, "Wages fell across the region this year, officials said.\n\n" + text)


def test_a_possessive_proper_name_is_not_glued_to_the_next_name(recognizer):
    labels = _labels(recognizer, "Prices fell in Paris on Monday, and Paris' Velkan Index closed lower.")
    assert all("'" not in text for text, _ in labels), labels


def test_the_rule_finder_keeps_no_document_state():
    from analysis.entities.aliases import load_aliases
    from analysis.entities.rules import RuleMentionFinder

    finder = RuleMentionFinder(load_aliases())
    shared = set(vars(finder))
    first = finder.mentions(process("Mara Quell, a lawyer, spoke on Monday. Quell said the port had been warned."))
    assert [m.label for m in first] == ["PERSON", "PERSON"]
    assert set(vars(finder)) == shared  # the document's state lived on its own pass
    # a later document does not see the earlier one's family names
    assert finder.mentions(process("Officials met on Monday.\n\nQuell the unrest, the mayor said.")) == []


# -- session 4: people greeted, spoken to, coordinated with "I"; family-name shapes -------------
@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Dear Orvaine, the report is attached.", "Orvaine"),  # a greeting before the name
        ("Hi Velkan, the figures are in the file.", "Velkan"),
        ("The shipment left on Monday. Regards, Velkan Drossum", "Velkan Drossum"),  # a sign-off
        ("Good morning Brellik - the meeting moved to noon.", "Brellik"),
        ("Brellik, please send the figures before Friday.", "Brellik"),  # spoken to
        ('"Thask, you were right about the bridge," the mayor wrote.', "Thask"),
        ("Ronsk and I were at the port when the fire started.", "Ronsk"),  # "X and I"
    ],
)
def test_a_person_addressed_or_beside_i(recognizer, text, name):
    assert (name, "PERSON") in _labels(recognizer, text)


def test_a_greeting_is_no_part_of_the_name(recognizer):
    labels = _labels(recognizer, "Dear Velkan Drossum, your order has shipped.")
    assert labels == [("Velkan Drossum", "PERSON")]


def test_monday_morning_is_no_greeting(recognizer):
    """ "morning" greets only after "good": a company named after a weekday morning stays as it was."""
    assert ("Vardel", "PERSON") not in _labels(recognizer, "On Monday morning Vardel cut its forecast.")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Quorvel Drossov opened the bakery in 2009.", "Quorvel Drossov"),  # a family-name ending
        ("Quorvel McDrossum opened the bakery in 2009.", "Quorvel McDrossum"),  # Mc + capital
        ("Quorvel Nowak opened the bakery in 2009.", "Quorvel Nowak"),  # a family name of the tables
        ("Quorvel Johnson opened the bakery in 2009.", "Quorvel Johnson"),  # also a given name, no town
    ],
)
def test_an_unknown_word_before_a_family_name_is_a_person(recognizer, text, name):
    assert (name, "PERSON") in _labels(recognizer, text)


def test_an_unknown_word_before_a_town_is_no_person_by_shape(recognizer):
    """ "Lockheed Martin": a family name that is also a town after an unknown word makes a business name."""
    assert ("Quorvel Martin", "PERSON") not in _labels(recognizer, "Quorvel Martin opened the bakery in 2009.")


def test_a_one_word_family_name_with_a_pronoun_after_it(recognizer):
    labels = _labels(recognizer, "Critics asked whether Nowak had read his own report.")
    assert ("Nowak", "PERSON") in labels
    # an invented word: "his" makes it a person too (no organisation is a "he"), an object
    # pronoun does not ("Vardel had paid her": a company pays people)
    assert ("Vardel", "PERSON") in _labels(recognizer, "Critics asked whether Vardel had read his own report.")
    assert ("Vardel", "PERSON") not in _labels(recognizer, "Critics asked whether Vardel had paid her on time.")


def test_given_names_that_are_towns_in_a_title_case_list(recognizer):
    text = "The teams were announced on Monday.\n\nAlternates: Bryan Drossov, Heather Johnson, Martin Vardelski"
    labels = _labels(recognizer, text)
    for name in ("Bryan Drossov", "Heather Johnson", "Martin Vardelski"):
        assert (name, "PERSON") in labels, labels


def test_a_name_joined_to_a_given_name_by_and(recognizer):
    assert ("Vardel", "PERSON") in _labels(recognizer, "Vardel and Larry were very thorough with the forms.")
    # a given name that modifies a noun is no person beside it ("German airline")
    assert ("Vardel", "PERSON") not in _labels(recognizer, "Most will be staff of Vardel and German airline Quorvel.")


def test_a_given_name_of_a_person_named_in_full_is_that_person(recognizer):
    text = "Regards, Quorvel Drossov\n\nQuorvel will call the port on Monday."
    assert _labels(recognizer, text) == [("Quorvel Drossov", "PERSON"), ("Quorvel", "PERSON")]


def test_unknown_family_name_after_a_given_name_in_a_list(recognizer):
    labels = _labels(recognizer, "The teams were set.\n\nAlternates: Heather Vardel, Usman Quorvel, Gerard Thask")
    assert ("Usman Quorvel", "PERSON") in labels and ("Gerard Thask", "PERSON") in labels, labels


def test_kinship_titles(recognizer):
    assert ("Vardel", "PERSON") in _labels(recognizer, "Any news on Aunt Vardel since the storm?")


def test_shouted_words_are_no_organisation(recognizer):
    labels = _labels(recognizer, "We came back twice and the cake was VERYYYY good. She is the STAR of the show.")
    assert labels == []
    assert ("QVRL", "ORG") in _labels(recognizer, "The contract was signed by QVRL on Monday.")  # an acronym


def test_lower_case_given_names_of_a_writer_who_writes_i(recognizer):
    text = "i think debra and i are going to stay in town. the weather is fine."
    assert ("debra", "PERSON") in _labels(recognizer, text)
    # a writer who capitalises "I" writes names with capitals: a lower-case word is no name
    assert _labels(recognizer, "I think debra and I are going to stay in town.") == []
    # two words of a place are no given name ("san francisco")
    assert ("francisco", "PERSON") not in _labels(recognizer, "i am from mexico and i go to san francisco.")


def test_a_name_signed_on_a_title_case_line(recognizer):
    labels = _labels(recognizer, "The forms are attached. Kindest Regards, Vardel Quorvel Thask Marketing Services")
    assert ("Vardel Quorvel Thask", "PERSON") in labels


def test_the_name_after_a_sign_off_line(recognizer):
    text = "The forms are attached.\n\nBest regards,\n\nOrvaine Thask\n\nThe next shipment leaves on Friday."
    assert ("Orvaine Thask", "PERSON") in _labels(recognizer, text)
    text = "The forms are attached.\n\nSincerely,\n\nOrvaine"
    assert ("Orvaine", "PERSON") in _labels(recognizer, text)


def test_a_name_spoken_to_before_a_question(recognizer):
    assert ("Thask", "PERSON") in _labels(recognizer, "Thask, what you say makes sense.")


def test_names_listed_with_a_person_are_persons(recognizer):
    labels = _labels(recognizer, "Mara Quorvel, Thask and Brellik signed the letter on Monday.")
    assert ("Thask", "PERSON") in labels and ("Brellik", "PERSON") in labels, labels
    # a comma alone may be an apposition: no list, no person
    labels = _labels(recognizer, "The audit was done by Mara Quorvel, QVRL Holdings Director.")
    assert ("QVRL Holdings Director", "PERSON") not in labels


def test_a_family_name_before_administration_is_the_person(recognizer):
    assert ("Nowak", "PERSON") in _labels(recognizer, "The Nowak Administration wants to move the offices.")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The party nominated Orla Brin, a member of the Vantrees clan, as its running mate.", "Vantrees"),
        ("The Kennedy family gathered in the chapel on Sunday.", "Kennedy"),  # a town's name too
        ("Critics of the Halvorsen dynasty marched through the capital.", "Halvorsen"),
    ],
)
def test_a_name_before_family_clan_or_dynasty_is_a_family_name(recognizer, text, name):
    assert (name, "PERSON") in _labels(recognizer, text)


@pytest.mark.parametrize(
    "text",
    [
        "Quorvin Tesh, a member of the board, said the vote was close.",
        "Quorvin Tesh, a longtime member, told reporters the vote was close.",
    ],
)
def test_a_speaker_after_an_apposition_is_a_person(recognizer, text):
    """The verb after "X, a member of the board," is X's; the board is the apposition's object, not its head."""
    assert _labels(recognizer, text) == [("Quorvin Tesh", "PERSON")]


@pytest.mark.parametrize(
    "text",
    [
        "Kestrel, a subsidiary of Voss Holdings, said sales fell.",
        "Kestrel, one of the largest carmakers in the region, said sales fell.",
        "Kestrel, the carmaker, said sales fell.",
    ],
)
def test_an_organisation_in_apposition_stays_an_organisation(recognizer, text):
    assert ("Kestrel", "ORG") in _labels(recognizer, text)


def test_a_name_joined_to_a_full_name(recognizer):
    labels = _labels(recognizer, "The committee is suing Orvaine Thask and Donald Nowak over the contract.")
    assert ("Orvaine Thask", "PERSON") in labels, labels


def test_a_given_name_that_is_a_word_opening_a_sentence_and_spoken_to(recognizer):
    assert ("Bill", "PERSON") in _labels(recognizer, "Bill, sorry for not sending the file earlier.")


# -- headlines fall back to the evidence of the article's body -----------------------------------
def test_an_all_caps_headline_takes_the_person_of_the_body(recognizer):
    text = "DROSSUM WINS APPEAL\n\nVelkan Drossum won his appeal on Monday, his lawyer said."
    rows = recognizer.find(process(text))
    assert [(r["text"], r["canonical"], r["label"]) for r in rows] == [
        ("DROSSUM", "Velkan Drossum", "PERSON"),
        ("Velkan Drossum", "Velkan Drossum", "PERSON"),
    ]


def test_a_title_case_headline_takes_the_family_name_of_the_body(recognizer):
    text = "Drossum Wins Appeal Against Port Ban\n\nVelkan Drossum won his appeal on Monday, his lawyer said."
    rows = recognizer.find(process(text))
    assert (rows[0]["text"], rows[0]["canonical"], rows[0]["label"]) == ("Drossum", "Velkan Drossum", "PERSON")


def test_an_ing_verb_opening_a_headline_before_a_determiner_is_no_name(recognizer):
    text = "Baiting the moderators.\n\nSlamming his rivals, Velkan Drossum said the panel was unfair."
    assert _labels(recognizer, text) == [("Velkan Drossum", "PERSON")]
    # a company whose name ends in -ing keeps its name before a verb
    assert _labels(recognizer, "Boeing said it would cut jobs.") == [("Boeing", "ORG")]


def test_an_organisation_name_goes_on_after_its_head_and_for_a_or_of_the(recognizer):
    text = (
        "The Committee for a Balanced Harbor Budget reported that the plan would cost more. "
        "An order of the Federal Service for the Grain Markets, which regulates traders, came first. "
        "She voted for a Green candidate."
    )
    assert _labels(recognizer, text) == [
        ("Committee for a Balanced Harbor Budget", "ORG"),
        ("Federal Service for the Grain Markets", "ORG"),
    ]


def test_and_inside_an_organisations_name(recognizer):
    text = (
        "He filed with the Harbor and Ferry Commission. The Department of Roads and Public Works said so. "
        "The Centers for Grain Control and Storage warned. Mr. Velkan Drossum and Justice Department lawyers met. "
        "The Ministry of Defence and Foreign Office agreed."
    )
    assert _labels(recognizer, text) == [
        ("Harbor and Ferry Commission", "ORG"),
        ("Department of Roads and Public Works", "ORG"),
        ("Centers for Grain Control and Storage", "ORG"),
        ("Velkan Drossum", "PERSON"),
        ("Justice Department", "ORG"),
        ("Ministry of Defence", "ORG"),
        ("Foreign Office", "ORG"),
    ]


def test_a_body_named_for_a_person_is_an_organisation_and_the_titled_surname_is_the_person(recognizer):
    text = "Mr. Quell is a fine defense lawyer. To hire him, contact Law Offices of Mara Quell"
    assert _labels(recognizer, text) == [("Quell", "PERSON"), ("Law Offices of Mara Quell", "ORG")]


def test_papers_and_groups_named_with_ordinary_words(recognizer):
    text = (
        "The Daily Courant reported the story. Citizens for Fair Harbors said the plan was unfair. "
        "The Nevada Republic endorsed the mayor. Officials in Washington, D.C., declined to comment."
    )
    rows = recognizer.find(process(text))
    assert [(r["text"], r["canonical"], r["label"]) for r in rows] == [
        ("Daily Courant", "Daily Courant", "ORG"),
        ("Citizens for Fair Harbors", "Citizens for Fair Harbors", "ORG"),
        ("Nevada Republic", "Nevada Republic", "ORG"),  # a newspaper, not Nevada
        ("Washington", "Washington", "GPE"),
        ("D.C.", "Washington", "GPE"),  # the capital (entities.yml), not the acronym of "Daily Courant"
    ]
    # a plural before "for" and a lower-case word is no name
    assert _labels(recognizer, "Republicans for years have said so.") == [("Republicans", "NORP")]


def test_a_state_abbreviation_in_brackets_after_a_lawmaker_is_a_place(recognizer):
    text = "The bill was backed by Sen. Mara Quell (Fla.) and Rep. Tomas Brandt (Calif.) on Monday."
    assert _labels(recognizer, text) == [
        ("Mara Quell", "PERSON"),
        ("Fla.", "GPE"),
        ("Tomas Brandt", "PERSON"),
        ("Calif.", "GPE"),
    ]


def test_a_name_before_a_role_noun_and_a_person_is_the_employer(recognizer):
    text = "She won the backing of Velmar Gulls player Jaylen Marsh. Tarnavo Kelt spokesman Ed Lusk agreed."
    assert _labels(recognizer, text) == [
        ("Velmar Gulls", "ORG"),
        ("Jaylen Marsh", "PERSON"),
        ("Tarnavo Kelt", "ORG"),
        ("Ed Lusk", "PERSON"),
    ]


def test_an_article_of_headlines_only_has_no_evidence_and_does_not_crash(recognizer):
    lines = ["VELKAN DROSSUM WINS APPEAL", "Port Ban Lifted For Tarnavo Docker", "O'NEILL AL-HADDAD VAN DER MEER"]
    text = "\n\n".join(lines * 50)
    rows = recognizer.find(process(text))
    # no evidence anywhere: no guessed organisations, and no name made of particles alone ("VAN DER")
    assert [r for r in rows if r["label"] == "ORG" or r["text"].lower() in ("van der", "van", "der")] == []


def test_a_town_that_is_a_given_name_joined_to_a_given_name(recognizer):
    assert ("Mercedes", "PERSON") in _labels(recognizer, "Mercedes and Dan are very thorough with the forms.")
    assert _labels(recognizer, "Prices in Houston and Dallas rose.") == [("Houston", "GPE"), ("Dallas", "GPE")]


def test_an_acronym_after_a_place_it_does_not_spell_is_not_the_place(recognizer):
    """ "the Housing Authority of Ostrava (HAO)": the parentheses follow the city, the acronym is the authority's."""
    doc = process("The Port Authority of Ostrava (PAO) said on Monday that PAO would appeal.")
    rows = {(r["text"], r["canonical"], r["label"]) for r in recognizer.find(doc)}
    assert ("PAO", "Ostrava", "GPE") not in rows and ("PAO", "PAO", "ORG") in rows, rows
    doc = process("Ships left New Caledonia (NC) on Monday. NC officials said the fleet returned.")
    rows = {(r["text"], r["canonical"]) for r in recognizer.find(doc)}
    assert ("NC", "New Caledonia") in rows, rows  # a place the acronym spells


def test_us_state_codes_after_a_town_or_state_of(recognizer):
    text = "Please write to the office in Baltimore, MD 21202. I moved to Chillicothe, OH last year."
    labels = _labels(recognizer, text)
    assert ("MD", "GPE") in labels and ("OH", "GPE") in labels, labels
    assert ("NY", "GPE") in _labels(recognizer, "She holds a licence in the state of NY but lives elsewhere.")
    # elsewhere a two-letter word is a word or a company abbreviation, not a state
    assert ("OR", "GPE") not in _labels(recognizer, "Pay by card OR cash at the Tarnavo desk.")


def test_a_side_before_bank_is_a_place_not_a_lender(recognizer):
    labels = _labels(recognizer, "Having visited the West Bank and Tarnavo, I can say the policy is new.")
    assert ("West Bank", "LOC") in labels, labels
    assert ("Central Bank", "ORG") in _labels(recognizer, "Central Bank officials disagreed on Monday.")


def test_a_person_noun_before_named_and_who_without_a_comma(recognizer):
    labels = _labels(recognizer, "It is a scene by a guy named Velkan Drossum that hangs in the hall.")
    assert ("Velkan Drossum", "PERSON") in labels
    assert ("Orvaine Thask", "PERSON") in _labels(recognizer, "The award went to Orvaine Thask who joined in May.")
    # a company named so stays what its context says
    assert ("Velkan Drossum", "PERSON") not in _labels(recognizer, "It is a firm named Velkan Drossum in the port.")


def test_an_honorific_makes_a_person_even_in_a_line_of_many_names(recognizer):
    # so many names make the sentence read as title case, where unknown words are not typed
    names = ["Tarin Tarisk", "Velrin Tarilis", "Morrin Tarinov", "Isrin Tariard", "Anrin Tarimir", "Kerrin Tariain"]
    text = "Police said " + ", ".join(f"Mr. {name}" for name in names) + " were arrested."
    assert _labels(recognizer, text) == [(name, "PERSON") for name in names]
    # in a headline the name stops at the first ordinary word
    assert ("Vorla Quint", "PERSON") in _labels(recognizer, "Sen. Vorla Quint Blocks Harbour Bill\n\nThe council met.")


def test_an_ordinary_word_between_a_title_and_a_given_name_belongs_to_the_title(recognizer):
    text = "Former Miss Universe Alicia Varnedo said she would vote."
    assert _labels(recognizer, text) == [("Alicia Varnedo", "PERSON")]


def test_a_month_after_a_given_name_is_a_family_name(recognizer):
    assert _labels(recognizer, "Brian May said the tour was over.") == [("Brian May", "PERSON")]
    assert _labels(recognizer, "Anna Kowal arrived in May.") == [("Anna Kowal", "PERSON")]


def test_a_title_word_after_an_honorific_is_a_family_name_and_an_office_is_no_name(recognizer):
    assert _labels(recognizer, "Mr. King said the vote was rigged.") == [("King", "PERSON")]
    assert _labels(recognizer, "Mr. President, will you pledge to stay?") == []


def test_groups_named_by_origin_are_norp(recognizer):
    text = "African-American voters and Hispanic leaders met the Catholic bishops."
    assert _labels(recognizer, text) == [("African-American", "NORP"), ("Hispanic", "NORP"), ("Catholic", "NORP")]


def test_a_first_name_that_is_also_a_word_before_an_unknown_family_name_is_a_person(recognizer):
    # "Rush" is an English word and a given name; "Vandergelt" no table knows
    assert _labels(recognizer, "Rush Vandergelt said the moderators were biased.") == [("Rush Vandergelt", "PERSON")]
    assert _labels(recognizer, "Burger Palace said sales rose.") != [("Burger Palace", "PERSON")]


def test_a_name_that_owns_a_province_or_a_parliament_is_a_place(recognizer):
    text = "A recount in Velmarra's Tarsk province began, and Velmarra's parliament met."
    assert ("Velmarra", "GPE") in _labels(recognizer, text)
    assert _labels(recognizer, "Idris Vantol's view was clear, he said.") == [("Idris Vantol", "PERSON")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an acronym before a title is the organisation the title belongs to; the name after it a person
        (
            "Interim VDA Chairwoman Velkan Drossum said on Sunday that the count would go on.",
            [("VDA", "ORG"), ("Velkan Drossum", "PERSON")],
        ),
        (
            "The blast hit the depot at 8 p.m., according to TPD Commissioner Orvaine Thask.",
            [("TPD", "ORG"), ("Orvaine Thask", "PERSON")],
        ),
        # ordinary words before a title belong to the title ("Press Secretary", "Majority Leader")
        (
            "On Tuesday, White House Press Secretary Quorvel Ostrand said the tour would end in Ronsk.",
            [("White House", "ORG"), ("Quorvel Ostrand", "PERSON"), ("Ronsk", "GPE")],
        ),
    ],
)
def test_organisation_title_name(recognizer, text, expected):
    assert [pair for pair in _labels(recognizer, text) if pair[1] != "GPE" or pair in expected] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # wire datelines as their own line, place then date
        ("TARNAVO 1996-08-30\n\nOfficials said the talks would resume.", [("TARNAVO", "GPE")]),
        # AP's state abbreviations after a town, in a dateline or a sentence
        (
            "VARDEL-ON-SEA, N.C. (AP) - Officials said the talks would resume.",
            [("VARDEL-ON-SEA", "GPE"), ("N.C.", "GPE"), ("AP", "ORG")],
        ),
        ("The plant in Vardel, Calif., closed on Monday.", [("Vardel", "GPE"), ("Calif.", "GPE")]),
        # a results line: names followed by figures are teams, even a town's name
        ("Ostrand United 2 Vardel 1", [("Ostrand United", "ORG"), ("Vardel", "ORG")]),
        ("Brellik Rovers 4 2 1 1 5 3 7", [("Brellik Rovers", "ORG")]),
        # ... but a national side keeps its country, and athletes listed with a bracket are people
        ("Norway 2 Chile 1", [("Norway", "GPE"), ("Chile", "GPE")]),
        (
            "Velkan Drossum ( Norway ) beat Orvaine Thask ( Chile ) 6-4 6-3",
            [("Velkan Drossum", "PERSON"), ("Norway", "GPE"), ("Orvaine Thask", "PERSON"), ("Chile", "GPE")],
        ),
    ],
)
def test_wire_datelines_and_results_tables(recognizer, text, expected):
    assert _labels(recognizer, text) == expected


def test_prose_with_scores_is_not_a_results_line(recognizer):
    labels = _labels(recognizer, "Vardel won 3-1 and 2-0 in Chile on Sunday, said Velkan Drossum.")
    assert ("Chile", "GPE") in labels and ("Velkan Drossum", "PERSON") in labels


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a short sentence of capitalised names and a verb in lower case is prose, not a headline
        ("Prime Minister Velkan Drossum spoke.", [("Velkan Drossum", "PERSON")]),
        ("Interior Minister Ronsk Vardel Thask resigned.", [("Ronsk Vardel Thask", "PERSON")]),
        # a headline in title case capitalises its verbs: only known names count there
        ("Chancellor Velkan Drossum Resigns After Vote", []),
    ],
)
def test_a_lower_case_verb_makes_a_title_case_sentence_prose(recognizer, text, expected):
    assert _labels(recognizer, text) == expected


def test_a_dotted_abbreviation_whose_last_dot_ends_the_sentence_is_still_the_country(recognizer):
    text = "Velkan Drossum pledged to keep them out of the U.S.\n\nRonsk Vardel moved to the U.K.\n\nShe spoke."
    labels = _labels(recognizer, text)
    assert ("U.S", "GPE") in labels and ("U.K", "GPE") in labels


@pytest.mark.parametrize(
    "text",
    [
        "As one analyst put it, ''Did Drossum lower his taxes?''",  # two apostrophes as a quote mark
        "The flyer asked, 'Does Velkan Drossum know?'",
    ],
)
def test_an_auxiliary_opening_a_question_is_no_part_of_a_name(recognizer, text):
    names = [name for name, _ in _labels(recognizer, text)]
    assert names and not any(name.split()[0] in ("Did", "Does") for name in names)


def test_a_given_name_and_a_family_name_that_are_both_towns_are_one_person(recognizer):
    # "Alicia" and "Preston" are towns in the gazetteer and names in the name tables
    text = "Officials said Alicia Preston left the hearing early."
    assert _labels(recognizer, text) == [("Alicia Preston", "PERSON")]


@pytest.mark.parametrize(
    "text",
    ["Velkan Drossum thanked the former Miss Universe who backed her.", "Orvaine Thask was crowned Miss World."],
)
def test_a_pageant_title_after_miss_is_no_persons_name(recognizer, text):
    assert not any(name in ("Universe", "World") for name, _ in _labels(recognizer, text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the title of a book, a show, a song between quotation marks is no organisation
        ("Her memoir, “Vardel Nights,” sold well, Velkan Drossum said.", [("Velkan Drossum", "PERSON")]),
        ('He appeared on "Meet the Thask" on Sunday.', []),
        ('It was the first "Brellik" phone.', []),  # scare quotes
        # a name the article writes outside the quotes too is a name in quotes
        (
            'Tarnavo Motors was sold. He described a "New Tarnavo" to investors.',
            [("Tarnavo Motors", "ORG"), ("New Tarnavo", "ORG")],
        ),
    ],
)
def test_a_title_case_phrase_in_quotation_marks_is_a_title_not_an_organisation(recognizer, text, expected):
    assert _labels(recognizer, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Tarnavo CEO Velkan Drossum unveiled the phone.", [("Tarnavo", "ORG"), ("Velkan Drossum", "PERSON")]),
        ("Quorvel spokesman Ronsk Vardel declined.", [("Quorvel", "ORG"), ("Ronsk Vardel", "PERSON")]),
        # a portfolio or an ordinary word before the role is no employer
        ("Defense Minister Velkan Drossum declined.", [("Velkan Drossum", "PERSON")]),
        ("Company CEO Velkan Drossum declined.", [("Velkan Drossum", "PERSON")]),
    ],
)
def test_the_organisation_before_a_corporate_role_and_a_name(recognizer, text, expected):
    assert _labels(recognizer, text) == expected


@pytest.mark.parametrize(
    "text", ["Brellik has ruled Tarnavo for 15 years.", "Troops invaded Tarnavo in May.", "Rebels occupied Tarnavo."]
)
def test_the_object_of_a_verb_of_territory_is_a_place(recognizer, text):
    assert ("Tarnavo", "GPE") in _labels(recognizer, text)


def test_one_outlets_territory_verb_outweighs_two_bare_guesses_at_event_level():
    from analysis.entities import event_labels, event_names

    rows = []
    for article, text in [
        ("a", "Tarnavo recount keeps Brellik ahead"),
        ("b", "The vote showed the transparency of Tarnavo's electoral system, Brellik said."),
        ("c", "Brellik has ruled Tarnavo for 15 years."),
        ("d", "Velkan Drossum said Tarnavo's Ronsk province was calm."),
    ]:
        rows += [{**row, "article_id": article} for row in EntityRecognizer().find(process(text))]
    voted = event_labels(rows, event_names(rows))
    labels = {(r["article_id"], r["text"]): label for r, label in zip(rows, voted, strict=True)}
    assert labels[("a", "Tarnavo")] == "GPE" and labels[("b", "Tarnavo")] == "GPE"


def test_a_countrys_or_a_states_adjective_is_a_group_not_an_organisation(recognizer):
    text = "Two Estonian sailors, a Texan rancher and three Chileans were rescued, Velkan Drossum said."
    labels = _labels(recognizer, text)
    assert labels[:3] == [("Estonian", "NORP"), ("Texan", "NORP"), ("Chileans", "NORP")]
    assert ("Brian Thask", "PERSON") in _labels(recognizer, "Brian Thask said the boat sank.")  # a name, not a form


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("She did not meet the Commission on Tarnavo Debates threshold.", "Commission on Tarnavo Debates"),
        ("He leads the Center for Vardel Progress, a think tank.", "Center for Vardel Progress"),
    ],
)
def test_an_organisation_head_continues_with_on_or_for(recognizer, text, name):
    assert _labels(recognizer, text) == [(name, "ORG")]


def test_a_day_after_on_is_no_part_of_the_name(recognizer):
    assert _labels(recognizer, "The Tarnavo Commission on Monday ruled.") == [("Tarnavo Commission", "ORG")]


def test_a_transcripts_speaker_label_is_a_person(recognizer):
    text = (
        "Mike Drossum and Laura Vardel debated.\n\n"
        '"DROSSUM: We will build the bridge.\n\n'
        '"VARDEL: Well, I disagree.\n\n'
        "CLARIFICATION: An earlier version misstated the date."
    )
    labels = _labels(recognizer, text)
    assert ("DROSSUM", "PERSON") in labels and ("VARDEL", "PERSON") in labels
    assert not any(name == "CLARIFICATION" for name, _ in labels)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("In the weeks since Labor Day, Laura Drossum held rallies.", [("Laura Drossum", "PERSON")]),
        ('They joined "Laura Drossum Election Day," a day of rallies.', [("Laura Drossum", "PERSON")]),
    ],
)
def test_a_named_day_is_no_name(recognizer, text, expected):
    assert _labels(recognizer, text) == expected


def test_a_media_or_campaign_role_before_a_name_makes_a_person(recognizer):
    # "Rush" is a word and "Limbaugh"-like family names are in no table: the role says who it is
    text = "According to talk radio host Rush Vandergelt, the move reeks of fear.\n\nVandergelt told his audience so."
    assert _labels(recognizer, text) == [("Rush Vandergelt", "PERSON"), ("Vandergelt", "PERSON")]


def test_events_and_prizes_are_no_actors_but_the_country_they_are_named_after_is(recognizer):
    text = "After the Vardel War and the Drossum Prize, the Norway War began and Ronsk Rovers won the Ostrand Cup."
    assert _labels(recognizer, text) == [("Norway", "GPE"), ("Ronsk Rovers", "ORG")]


def test_a_rarer_given_name_alone_is_a_person_unless_it_is_written_as_a_thing(recognizer):
    given, common_given, family = name_lists()
    assert "Tammi" in given and "Tammi" not in common_given and "Tammi" not in family  # the tables' long tail

    def label(text: str, title: str | None = None) -> str:
        doc = process(text, title=title)
        return next((r["label"] for r in recognizer.find(doc) if r["text"] == "Tammi"), "")

    # written as people's names are: after a preposition, opening a line with a comma, in a list
    assert label("I got a tip from Tammi about the new schedule.") == "PERSON"
    assert label("Tammi, the draft is attached for your review.") == "PERSON"
    # written as a thing's name: a model or a noun after it, a determiner, a place, a title, a hyphen
    assert label("The new Tammi software failed again on Monday.") != "PERSON"
    assert label("He drove my Tammi to the garage.") != "PERSON"
    assert label("She studies at Tammi this year.") != "PERSON"
    assert label("Tammi Mayor Velkan Drossum said the roads were closed.") != "PERSON"
    assert label("Shares of Wal-Tammi fell sharply on Monday.") != "PERSON"
    assert label("Ronsk said neo-Tammi groups marched.") != "PERSON"
    # a headline opens with a company's short name: no person without more evidence
    text = "Tammi falls 40 points on jobs data\n\nStocks fell on Friday."
    assert label(text, title="Tammi falls 40 points on jobs data") != "PERSON"


def test_a_lone_unknown_name_that_speaks_of_himself_or_herself_is_a_person(recognizer):
    # a shared speech verb alone leaves an unknown one-word name an organisation ...
    assert ("Drossum", "ORG") in _labels(recognizer, "Drossum said the plant would close in May.")
    # ... but one followed by "he" / "she" speaks of a person: an organisation is no "he"
    assert ("Drossum", "PERSON") in _labels(recognizer, "Drossum said he would close the plant in May.")
    assert ("Drossum", "PERSON") in _labels(recognizer, "Later Drossum admitted that she had known.")
    # a reflexive pronoun after the name, before any other name, is the person's own
    assert ("Drossum", "PERSON") in _labels(recognizer, "Drossum has found himself at the centre of the row.")
    assert ("Drossum", "PERSON") in _labels(recognizer, "Drossum himself voted against the plan.")
    # a pronoun after another name is that name's
    assert ("Drossum", "PERSON") not in _labels(recognizer, "Drossum said Velkan Ostrand had resigned and he left.")


def test_the_one_word_speaker_of_a_direct_quote_is_a_person(recognizer):
    # news attributes a direct quote to a person: "“...,” Drossum said"; a statement without
    # quotation marks may be an organisation's
    assert ("Drossum", "PERSON") in _labels(recognizer, "“We will not give up,” Drossum said on Monday.")
    assert ("Drossum", "PERSON") in _labels(recognizer, '"This is not the end," Drossum added.')
    assert ("VoteWatch", "ORG") in _labels(recognizer, "“We checked every claim,” VoteWatch says.")  # a website
    assert ("Drossum", "ORG") in _labels(recognizer, "Drossum said on Monday that it would not give up.")


def test_a_lone_unknown_name_followed_by_he_or_she_is_a_person_where_written_as_one(recognizer):
    # "he" / "she" / "his" after a one-word name, before any other name: an organisation is no "he"
    assert ("Drossum", "PERSON") in _labels(recognizer, "Drossum drove away, but she came back an hour later.")
    assert ("Drossum", "PERSON") in _labels(recognizer, "Voters cheered when Drossum finished his speech.")
    # the speaker of a quote is not the name inside it
    assert ("Drossum", "PERSON") not in _labels(recognizer, "“Drossum is finished,” he said on Monday.")
    # a platform, a name before a noun, a name joined by a hyphen are no person
    assert ("Drossum", "PERSON") not in _labels(recognizer, "He wrote on Drossum that he was leaving.")
    assert ("Drossum", "PERSON") not in _labels(recognizer, "He signed the Drossum deal before his trip.")
    assert ("VoteHub", "PERSON") not in _labels(recognizer, "VoteHub said he was wrong.")


def test_what_only_a_person_owns_makes_a_person_past_an_adjective(recognizer):
    assert ("Drossum", "PERSON") in _labels(recognizer, "Critics seized on Drossum's remarks on Tuesday.")
    assert ("Drossum", "PERSON") in _labels(recognizer, "Critics seized on Drossum's “nasty” remarks on Tuesday.")
    assert ("Drossum", "PERSON") in _labels(recognizer, "Senators delayed Drossum's confirmation vote.")
    assert ("Drossum", "PERSON") not in _labels(recognizer, "Critics seized on Drossum's quarterly results.")


def test_a_document_is_no_actor_but_the_company_it_belongs_to_is(recognizer):
    assert _labels(recognizer, "Lawmakers passed the Velkan Farm Support Act on Monday.") == []
    assert _labels(recognizer, "Please review the Master Agreement before Friday.") == []
    labels = _labels(recognizer, "Please send a copy of the Drossum Holdings Guaranty to my office.")
    assert labels == [("Drossum Holdings", "ORG")]
    # a country a treaty is named after is still named
    assert ("Norway", "GPE") in _labels(recognizer, "Both sides signed the Norway Accord in May.")


def test_a_towns_name_followed_by_he_or_she_is_a_person_where_written_as_one(recognizer):
    # "Clinton" and "Obama" are towns in the gazetteer; a one-word town that "she" follows is a person
    assert ("Clinton", "PERSON") in _labels(recognizer, "Clinton defended her stance on Tuesday.")
    assert ("Clinton", "PERSON") in _labels(recognizer, "Critics said Clinton had changed his plan.")
    # a place it stays: moved to, listed with a place, or before a noun
    assert ("Clinton", "PERSON") not in _labels(recognizer, "He drove to Clinton and sold his boat.")
    assert ("Clinton", "PERSON") not in _labels(recognizer, "Officials of Iowa and Clinton met before he left.")
    assert ("Clinton", "PERSON") not in _labels(recognizer, "He joined the Clinton police after his army service.")


def test_a_sentence_initial_ordinary_word_with_person_evidence_is_a_name(recognizer):
    # "Cotton" and "Hunter" open the sentence and are English words; what follows says a person
    assert ("Cotton", "PERSON") in _labels(recognizer, "Cotton said he had not heard the phrase.")
    assert ("Hunter", "PERSON") in _labels(recognizer, "Hunter testified that he had never met her.")
    # without it, or as a verb before a subject pronoun, the word is no name
    assert ("Cotton", "PERSON") not in _labels(recognizer, "Cotton prices rose sharply on Monday.")
    assert ("Hope", "PERSON") not in _labels(recognizer, "Hope she stops laying eggs because she is tired.")


def test_a_generation_after_a_family_name_makes_a_person_and_a_numbered_war_no_actor(recognizer):
    text = '"We lost this one," Marta Osterby II, a columnist for the Ledger, said. Dara Corbin Jr. agreed.'
    found = _labels(recognizer, text)
    assert ("Marta Osterby II", "PERSON") in found and ("Dara Corbin Jr.", "PERSON") in found, found
    assert _labels(recognizer, "He fought in World War II and later in Korea.") == [("Korea", "GPE")]


def test_a_word_a_middle_initial_and_a_capitalised_word_are_one_name_even_when_the_word_is_a_town(recognizer):
    # "Vann" is an alternate name of a French town in the gazetteer; before "R. Newkirk" it opens a name
    assert _labels(recognizer, "Later, Vann R. Newkirk wrote the piece.") == [("Vann R. Newkirk", "PERSON")]
    assert _labels(recognizer, "The talks moved from Geneva to Paris.") == [("Geneva", "GPE"), ("Paris", "GPE")]


def test_a_given_name_written_with_a_capital_inside_opens_a_person(recognizer):
    assert _labels(recognizer, "She met LaToya Kell and DeMarcus Ruel on Monday.") == [
        ("LaToya Kell", "PERSON"),
        ("DeMarcus Ruel", "PERSON"),
    ]
    assert _labels(recognizer, "The LaSalle Bank building was sold.") == [("LaSalle Bank", "ORG")]


def test_a_given_name_with_a_capital_inside_alone_is_the_person_of_the_article():
    import analysis

    text = "She welcomed the endorsement of basketball star LaToya Kell. She said “LaToya will always be the queen.”"
    rows = analysis.analyze_text(text).entities
    assert list(zip(rows["text"], rows["label"], rows["canonical"], strict=True)) == [
        ("LaToya Kell", "PERSON", "LaToya Kell"),
        ("LaToya", "PERSON", "LaToya Kell"),
    ]


def test_a_team_before_a_sport_and_star_is_the_employer(recognizer):
    text = "She welcomed the endorsement of Dayton Comets basketball star Jaylen Marsh."
    assert _labels(recognizer, text) == [("Dayton Comets", "ORG"), ("Jaylen Marsh", "PERSON")]


def test_a_numbered_street_is_an_address_not_an_actor(recognizer):
    text = "The blast went off in front of 131 West 23rd Street, near Fifth Avenue, at 8 p.m."
    assert _labels(recognizer, text) == []


def test_justice_for_a_name_asks_for_justice_it_is_not_an_employer(recognizer):
    assert _labels(recognizer, "Marchers said they want justice for Terrence.") == [("Terrence", "PERSON")]
    assert ("Kestrel", "ORG") in _labels(recognizer, "Ed Lusk, spokesman for Kestrel, declined to comment.")


def test_a_his_or_her_a_clause_later_makes_a_town_named_surname_a_person(recognizer):
    # the pronoun is eleven words after the name: news sentences put a long object between them
    text = "Harbour officials said Dayton faced deep resistance from many quarters of the council over his plan."
    assert ("Dayton", "PERSON") in _labels(recognizer, text)
    assert ("Dayton", "GPE") in _labels(recognizer, "The council met in Dayton on Monday to vote on his plan.")


def test_a_state_in_an_older_house_style_after_a_lawmaker_is_a_place(recognizer):
    text = "He beat Sen. Tom Karsh (Tex.) and Sen. Ada Velcani (Fla.) in the primary."
    assert _labels(recognizer, text) == [
        ("Tom Karsh", "PERSON"),
        ("Tex.", "GPE"),
        ("Ada Velcani", "PERSON"),
        ("Fla.", "GPE"),
    ]


def test_a_nationality_between_capitalised_words_and_a_plural_is_a_groups_name(recognizer):
    text = "He spoke at a Retired American Warriors dinner and met Syrian refugees in Dayton."
    assert _labels(recognizer, text) == [("Retired American Warriors", "ORG"), ("Syrian", "NORP"), ("Dayton", "GPE")]


def test_a_common_nouns_abbreviation_is_no_organisation(recognizer):
    text = "Police found PCP in his SUV, and veterans with PTSD asked the VA and the CEO of Kestrel for help."
    assert _labels(recognizer, text) == [("VA", "ORG"), ("Kestrel", "ORG")]


def test_an_adjective_made_from_a_name_is_no_name(recognizer):
    assert _labels(recognizer, "Their Orwellian fantasy goes on, and it is a Kafkaesque process.") == []
    assert _labels(recognizer, "Christian leaders met Ian in Dayton.") == [
        ("Christian", "NORP"),
        ("Ian", "PERSON"),
        ("Dayton", "GPE"),
    ]


def test_the_singular_subject_of_a_he_is_a_person_even_when_its_name_is_a_word(recognizer):
    assert _labels(recognizer, "Brown said the plan would fail, and he left the hall.") == [("Brown", "PERSON")]
    assert _labels(recognizer, "Later, Trump accepted the offer to stay while on his first trip.") == [
        ("Trump", "PERSON")
    ]
    # a plural subject, an organisation after "at", a thing's "its" first: no person
    assert _labels(recognizer, "Cops have arrested the plant manager and his deputy.") == []
    assert ("Kestrel", "PERSON") not in _labels(recognizer, "The job at Kestrel was his first since May.")
    assert _labels(recognizer, "Gold rose on Monday as traders sold their bonds.") == []


def test_a_time_phrase_between_a_subject_and_its_verb_keeps_the_subject_a_person(recognizer):
    # news sets the day between a name and its verb: "X on Wednesday announced", "X Monday signed"
    assert _labels(recognizer, "Drossum on Wednesday announced his team would appeal.") == [("Drossum", "PERSON")]
    assert _labels(recognizer, "Drossum Monday announced his team would appeal.") == [("Drossum", "PERSON")]


def test_a_known_organisation_before_the_he_does_not_hide_the_subject(recognizer):
    # "on CNN": an organisation is no "he", so the "his" still speaks of the subject
    labels = _labels(recognizer, "Drossum announced on CNN that his team would appeal.")
    assert ("Drossum", "PERSON") in labels


def test_a_persons_noun_before_the_his_owns_it(recognizer):
    # the "his" is the chief executive's, not the company's
    text = "Kestrel on Monday reported a loss, and the chief executive blamed his predecessor."
    assert ("Kestrel", "PERSON") not in _labels(recognizer, text)
    text = "Kestrel announced on CNN that the chief executive would leave his post."
    assert ("Kestrel", "PERSON") not in _labels(recognizer, text)


def test_a_country_or_a_group_before_the_he_does_not_hide_the_subject(recognizer):
    # a country, a nationality or a party's people is no "he": the pronoun still speaks of the subject
    text = "Drossum campaigned on promises of cleaning up French politics, and says he will resign."
    assert ("Drossum", "PERSON") in _labels(recognizer, text)
    text = "Drossum is widely admired by Democrats and Republicans alike, although he was never elected."
    assert ("Drossum", "PERSON") in _labels(recognizer, text)
    # a town's name that is also a family name, as the subject of a clause
    text = "Perry mused that perhaps the United States was not ready for his plan."
    assert ("Perry", "PERSON") in _labels(recognizer, text)


def test_a_town_between_places_stays_a_place_when_a_he_follows(recognizer):
    text = "She said he travelled between Perry and China for his job."
    assert ("Perry", "PERSON") not in _labels(recognizer, text)


def test_a_person_noun_said_of_the_subject_does_not_own_the_his(recognizer):
    # "a woman" is the subject herself; "the chief executive blamed" is someone else
    text = "Drossum is an accomplished woman in her own right."
    assert ("Drossum", "PERSON") in _labels(recognizer, text)


def test_the_owner_in_a_possessive_that_a_later_he_refers_to_is_a_person(recognizer):
    text = "Critics attacked Drossum's record as governor, saying he raised taxes."
    assert _labels(recognizer, text) == [("Drossum", "PERSON")]
    text = "Despite Drossum's stern warning to North Korea, his options appeared limited."
    assert ("Drossum", "PERSON") in _labels(recognizer, text)
    # a time's possessive, and an organisation whose "its" comes first, stay no person
    assert _labels(recognizer, "Tonight's debate, his first in seven years, will be his first big hurdle.") == []
    text = "Kestrel's board cut its forecast, and the founder said he would sell."
    assert ("Kestrel", "PERSON") not in _labels(recognizer, text)


def test_an_adverb_between_a_subject_and_its_verb_keeps_the_subject_a_person(recognizer):
    # "Brown" is an ordinary word too: only the clause's verb and the "his" make it a name
    text = "In a town hall on Tuesday, Brown again blamed his party for the outcome."
    assert _labels(recognizer, text) == [("Brown", "PERSON")]


def test_a_family_name_with_a_capital_inside_can_be_the_subject_of_a_he(recognizer):
    assert _labels(recognizer, "McAllister slammed the plan, and his aides walked out.") == [("McAllister", "PERSON")]
    assert _labels(recognizer, "VoteHub reported a loss, and he left.") == []


def test_a_shop_named_in_the_possessive_owns_nothing(recognizer):
    text = "Police said they chased him from the Walgreen's for two miles, finally ramming his car."
    assert ("Walgreen", "PERSON") not in _labels(recognizer, text)


def test_the_he_of_a_long_clause_still_refers_to_its_subject(recognizer):
    # news sentences run long: the "he" comes fourteen words after the subject
    text = "Brown is looking for credit, and deservedly so, if not entirely for the reasons he would like."
    assert _labels(recognizer, text) == [("Brown", "PERSON")]


# -- false organisations in web and chat-like text (session 8, org) ----------------------------
@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Erm ya, how do I watch it?", "Erm"),
        ("Heh, that was fun.", "Heh"),
        ("Yum.", "Yum"),
        ("P.S. I will call you tomorrow.", "P.S"),
        ("Soooo good, said Dara Lenk.", "Soooo"),
        ("Brilll. We went with Tarnavo Holdings.", "Brilll"),
        ("The shop opens on Fri, Sat and Tue.", "Fri"),
        ("The shop opens on Fri, Sat and Tue.", "Tue"),
        ("Give it three days barring Sundays and holidays.", "Sundays"),
        ("FYI the Drossum Group sent an RFP.", "FYI"),
        ("FYI the Drossum Group sent an RFP.", "RFP"),
    ],
)
def test_interjections_stretched_words_and_weekday_shorthand_are_no_names(recognizer, text, word):
    labels = _labels(recognizer, text)
    assert all(found != word for found, _label in labels), labels


def test_real_names_beside_chat_words_keep_their_type(recognizer):
    labels = _labels(recognizer, "FYI the Drossum Group sent the papers, said Dara Lenk.")
    assert ("Drossum Group", "ORG") in labels and ("Dara Lenk", "PERSON") in labels


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Cloaking himself in the flag, Dara Lenk spoke for an hour.", "Cloaking"),
        ("Outsourcing these jobs would save the city money.", "Outsourcing"),
        ("Authorised by the council to act, the police moved in.", "Authorised"),
    ],
)
def test_a_verb_form_opening_a_clause_is_no_name(recognizer, text, word):
    labels = _labels(recognizer, text)
    assert all(found != word for found, _label in labels), labels


def test_a_name_opening_a_sentence_before_by_or_a_pronoun_stays_a_name(recognizer):
    assert ("Ahmed", "PERSON") in _labels(recognizer, "Ahmed by the door said no.")
    assert ("Boeing", "ORG") in _labels(recognizer, "Boeing said the plane was safe.")


@pytest.mark.parametrize(
    "text",
    [
        "In the wake of Hurricane Velka, housing in Tarnavo is scarce.",
        "Typhoon Orvaine hit the coast on Monday, the Kestria Red Cross said.",
    ],
)
def test_a_storm_is_no_actor(recognizer, text):
    labels = _labels(recognizer, text)
    assert all("Velka" not in found and "Orvaine" not in found for found, _label in labels), labels


def test_the_labels_of_a_letters_fields_are_no_names(recognizer):
    text = (
        "Dara Lenk, Kestria Supply, 14 Harbor Road, Tarnavo, Phone 555-0100 Fax 555-0101 Email dara@example.com\n\n"
        "I am lacking Fax and bank account numbers."
    )
    labels = _labels(recognizer, text)
    assert ("Dara Lenk", "PERSON") in labels
    assert all(found not in ("Phone", "Fax", "Email") for found, _label in labels), labels
    text = "Send the form by Fax today.\n\nI found the tax number, but I am lacking Fax and bank account numbers."
    assert _labels(recognizer, text) == []


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Laura and I are Methodists.", "Methodists"),
        ("The cleric said the Velkanists had left no choice.", "Velkanists"),
    ],
)
def test_followers_named_with_ists_are_a_group_not_an_organisation(recognizer, text, word):
    assert (word, "NORP") in _labels(recognizer, text)


def test_an_organisation_with_ists_inside_its_name_stays_one(recognizer):
    assert ("Tarnavo Economists Club", "ORG") in _labels(recognizer, "The Tarnavo Economists Club met on Monday.")


def test_a_title_in_single_quotes_quoted_again_is_still_a_title(recognizer):
    text = (
        "The portrait by Dara Lenk is called 'A Debt to Pay.' The painting is named for the hymn "
        "'A Debt to Pay.' He also wrote a memoir called \"A Debt to Pay\"."
    )
    labels = _labels(recognizer, text)
    assert ("Dara Lenk", "PERSON") in labels
    assert all(found not in ("Debt", "Pay") for found, _label in labels), labels


def test_a_name_quoted_once_and_written_plain_stays_a_name(recognizer):
    labels = _labels(recognizer, "Fans of the 'Kestria' brand say Kestria is back. Kestria said sales rose.")
    assert labels.count(("Kestria", "ORG")) == 3
    labels = _labels(recognizer, "The Velkans' lawyer met the chief of the Tarnavos' Kestria Bank.")
    assert ("Kestria Bank", "ORG") in labels


@pytest.mark.parametrize(
    "text",
    ["Poor Service\n\nAfter we let them go, the filters were dirty.", "Great School!\n\nThe teachers are kind."],
)
def test_a_reviews_heading_is_no_organisation(recognizer, text):
    assert _labels(recognizer, text) == []


def test_a_heading_that_names_an_organisation_stays_one(recognizer):
    labels = _labels(recognizer, "Kestria Rail Service\n\nThe Kestria Rail Service cut trains on Monday.")
    assert labels.count(("Kestria Rail Service", "ORG")) == 2


def test_an_event_or_a_document_written_alone_after_the_is_no_actor(recognizer):
    text = (
        "A contest of cartoons on the Holocaust opened in Tarnavo. If one doubts the Holocaust he is fined, "
        "said Dara Lenk, who wrote about the Holocaust."
    )
    labels = _labels(recognizer, text)
    assert ("Dara Lenk", "PERSON") in labels and ("Tarnavo", "GPE") in labels
    assert all(found != "Holocaust" for found, _label in labels), labels


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Works of art taken by the Nazis are still missing.", "Nazis"),
        ("The Neocons in the Kestria ministry had other plans.", "Neocons"),
        ("Westerners believe in it, Dara Lenk said.", "Westerners"),
    ],
)
def test_political_and_cultural_groups_are_norp_not_organisations(recognizer, text, word):
    assert (word, "NORP") in _labels(recognizer, text)


@pytest.mark.parametrize(
    ("text", "name", "label"),
    [
        # a company's shares are no person's possession, even with a "he" after them
        ("Kestrel's shares plunged on news that he would step down, analysts said.", "Kestrel", "ORG"),
        # a storm word opens a storm's name only when written as a name ("Typhoon Orvaine")
        ("Before the typhoon Drossum ordered the villages cleared.", "Drossum", None),
        # an occupation ending in -ists is no creed
        ("Dentists and Therapists marched through Velsk on Monday.", "Therapists", "absent"),
    ],
)
def test_review_cases_of_possessives_storms_and_ists(recognizer, text, name, label):
    labels = dict(_labels(recognizer, text))
    if label == "absent":
        assert labels.get(name) != "NORP", labels
    elif label is None:
        assert name in labels, labels
    else:
        assert labels.get(name) == label, labels
