"""What a sentence says about an unknown name: evidence for PERSON, ORG or a place.

The rule backend (:mod:`analysis.entities.rules`) finds a run of capitalised
words that no lexicon or gazetteer knows and asks this module what the words
around it say. Each function looks at the sentence's units (tokens, with
possessives and hyphenated suffixes split off) next to the run, in constant
time, and the cue words come from the editable ``data/lexicons/typing_cues.yml``.

Evidence, strongest first:

* organisation context: "an analyst at Voss Holt", "Kestrel's shares",
  "Kestrel shares fell", "the Kestrel" (a person takes no article);
* person context: a speech or cognition verb after the name ("Hasan Sas
  said", "Ronny Johnsen, 27, scored", "Sas later told"), "X, who ...", an age
  in apposition, a reporting verb before it ("said Hasan Sas,"), "the Sas
  administration", what only a person has ("Sas's widow", "Sas's death"),
  a pronoun that follows closely ("... her"), which makes even a one-word name a
  person when it is "he", "she" or "his" (an organisation is no "he": "Ossoff
  admitted that he ...") or a reflexive ("Sas found himself"); the speaker of a
  direct quote ("“We will win,” Sas said": news quotes people, organisations
  issue statements); a person greeted, thanked or
  signed ("Dear Nina", "Hi Vladi,", "Regards, Vangie McGilloway", "Good morning
  Debra") or spoken to at the start of a sentence ("Ginny, please see",
  "Bryan, you're in"): letters, e-mail and quotes address people (:func:`addressed`);
  "Peder and I", "me and Carri";
* place context: "in Tarnavo", "near Veliko", "the people of Tarnavo", "Tarnavo-based";
* name shape: a given name first, or a family name last after a word that is
  no ordinary English word (see :func:`analysis.entities.gazetteer.name_lists`),
  or shaped like one ("Pimenov", "Kaminski", "McGilloway": ``surname_endings``).

The rule backend adds what needs more than one sentence or one name: a name
listed with a person ("Steve, Rod and Elyse"), the name after a sign-off line
("Best regards," then "Vangie McGilloway"), a name typed a person once keeps
that type in the article, a headline takes the type the body gave the name,
and :func:`analysis.entities.event_labels` gives an actor one label across
the outlets of an event.

What goes wrong and how to check it: organisations that speak ("Kestrel said")
are persons by the verb alone only when the name also looks like a person's;
a "he" after a name may belong to someone the sentence does not name (the
pronoun is read only before any other capitalised word and not past a closing
quote, whose "he said" is the quote's speaker); a website quoted directly
("“...,” PolitiFact says") is kept an organisation only by its CamelCase;
a one-word name after "in" that is a person ("in Sas's view") is protected by
the possessive; "in Firefox" makes a place of a product; a greeting is read
only before a name ("Monday morning Kestrel said" is no greeting, "Good morning
Debra" is); look at the ``entities`` rows with ``compare.evidence`` to see the
sentence behind a type.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache
from typing import NamedTuple

#: Lower-case words that may stand between a name and its verb ("Sas also said", "Sas has told").
_BETWEEN_VERB = frozenset(
    "also later then has had have would will could should may might never once was is previously "
    "reportedly recently again still further earlier".split()
)
#: What may follow the head noun of an apposition ("Kestrel, the carmaker based in ...,").
_APPOSITION_END = frozenset(
    ", . ) ; : of in from based that which whose with owned founded known headquartered".split() + [""]
)
_AUDIENCES = frozenset("reporters journalists".split())
_FINITE = frozenset(("VB", "VBD", "VBP", "VBZ", "MD"))
_PARTY_TAG = re.compile(r"^[A-Z]-[A-Z][A-Za-z]{1,5}\.?$")


class Cues(NamedTuple):
    """The cue words of ``typing_cues.yml`` (all lower case)."""

    person_verbs: frozenset[str]
    shared_verbs: frozenset[str]
    person_followers: frozenset[str]
    person_possessions: frozenset[str]
    person_pronouns: frozenset[str]
    org_possessions: frozenset[str]
    org_followers: frozenset[str]
    org_nouns: frozenset[str]
    org_after_role: frozenset[str]
    place_before: frozenset[str]
    place_of: frozenset[str]
    place_nouns: frozenset[str]
    place_possessions: frozenset[str]
    place_suffixes: frozenset[str]
    party_letters: frozenset[str]
    greetings: frozenset[str]
    vocative_followers: frozenset[str]
    surname_endings: frozenset[str]
    person_nouns: frozenset[str]
    employer_roles: frozenset[str]
    programme_words: frozenset[str]
    place_verbs: frozenset[str]
    event_words: frozenset[str]
    event_openers: frozenset[str]
    document_words: frozenset[str]
    common_abbreviations: frozenset[str]
    review_words: frozenset[str]


@cache
def typing_cues() -> Cues:
    """Read ``data/lexicons/typing_cues.yml`` once.

    Returns:
        The cue lists as frozensets.

    Raises:
        LexiconError: when the file is not valid YAML, a list is missing or is not a list of words.
    """
    from analysis.resources import load_layers

    (layer,) = load_layers("typing_cues.yml", kind="typing cue lexicon")
    values = {}
    for name in Cues._fields:
        words = layer.data.get(name)
        if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
            raise layer.error((name,), f"'{name}' must be a list of words (add it if it is missing)")
        values[name] = frozenset(w.strip() if name == "party_letters" else w.strip().lower() for w in words)
    return Cues(**values)


def is_party_tag(text: str) -> bool:
    """True for a US party-state tag such as "R-Ky." or "D-Calif." (never a mention)."""
    return bool(_PARTY_TAG.match(text)) and text[0] in typing_cues().party_letters


def _word(units, k: int) -> str:
    return units[k].text.lower() if 0 <= k < len(units) else ""


def _is_age(units, k: int) -> bool:
    """``, 27,`` starting at unit ``k`` (the comma after the name)."""
    return _word(units, k) == "," and _word(units, k + 1).isdigit() and _word(units, k + 2) in (",", ")")


def verb_after(units, last: int) -> str:
    """The person verb after the run ending at unit ``last`` ("said", "scored"), or ``""``.

    Skips an age in apposition ("Johnsen, 27, scored"), an apposition that opens with an
    article ("Sas, a member of the board, said") and up to two auxiliaries or adverbs
    ("Sas has also said", "Sas quickly added").
    """
    cues = typing_cues()
    k = last + 1
    if _is_age(units, k):
        k += 3
    else:
        k = _after_apposition(units, k)
    for _ in range(3):
        word = _word(units, k)
        if word in cues.person_verbs:
            return word
        if word in _BETWEEN_VERB or (word.endswith("ly") and len(word) > 4):
            k += 1
            continue
        break
    return ""


#: Words that open an apposition after a name: "Sas, a member of the board, said".
_APPOSITION_OPENERS = frozenset("a an the".split())


def _after_apposition(units, k: int) -> int:
    """The unit after an apposition that starts at unit ``k`` (a comma, then an article) and ends
    at the next comma within twelve units with no finite verb or other stop in between; ``k`` when there is none."""
    if _word(units, k) != "," or _word(units, k + 1) not in _APPOSITION_OPENERS:
        return k
    for j in range(k + 2, min(k + 14, len(units))):
        word = units[j].text
        if word == ",":
            return j + 1
        if word in (".", ";", ":", "(", ")", '"', "“", "”", "—", "--") or units[j].pos in _FINITE:
            return k
    return k


def _possession(units, k: int) -> str:
    """The noun a possessive owns, from unit ``k``: past up to three adjectives or quotation marks."""
    for _ in range(4):
        word = _word(units, k)
        if k < len(units) and (units[k].pos.startswith("JJ") or word in ('"', "“", "”", "``", "''")):
            k += 1
            continue
        return word
    return ""


def _index_of(units, last: int, word: str) -> int:
    """Index of the first unit after ``last`` whose lower-case text is ``word`` (within four units)."""
    for k in range(last + 1, min(last + 5, len(units))):
        if units[k].text.lower() == word:
            return k
    return last


def person_context(units, first: int, last: int) -> str:
    """How strongly the words around units ``first..last`` say the run is a person.

    Returns:
        ``"strong"`` (a person-only verb, "X, who", an age, "said X,", a shared verb with
        "he" or "she" after it: "X admitted he", a reflexive: "X found himself", "X herself"),
        ``"speech"`` (a verb organisations use too: "said", "told"),
        ``"weak"`` (a personal pronoun within the next twelve words) or ``""``.
    """
    cues = typing_cues()
    verb = verb_after(units, last)
    if verb:
        if verb in ("told", "tells") and _word(units, _index_of(units, last, verb) + 1) in _AUDIENCES:
            return "strong"  # "Vastrova told reporters": organisations issue statements
        quoted = (
            _word(units, first - 1) in _CLOSING_QUOTES
            and _word(units, first - 2) in (",", "?", "!", "—", "--")
            and not _camel(units[first].text)  # "“...,” PolitiFact says": a website speaks too
        )
        if verb in cues.shared_verbs and not quoted and pronoun_after(units, last) not in _SELF_PRONOUNS:
            return "speech"
        return "strong"  # "Ossoff admitted that he ...": an organisation is no "he"
    after = _word(units, last + 1)
    if after in (",", "(") and _word(units, last + 2) == "who":
        return "strong"
    if after == "who" and last > first:
        return "strong"  # "Darin Fisher who joined me": a name of two words or more before "who"
    if _word(units, first - 1) in ("named", "called") and _word(units, first - 2) in cues.person_nouns:
        return "strong"  # "a guy named W.H.S. Koerner"
    if addressed(units, first, last):
        return "strong"  # "Dear Nina", "Regards, Vangie McGilloway", "Ginny, please see"
    if (after == "and" and _word(units, last + 2) in ("i", "me")) or (
        _word(units, first - 1) == "and" and _word(units, first - 2) == "me"
    ):
        return "strong"  # "Peder and I were", "me and Carri"
    if first == last and after in cues.person_followers:
        return "strong"  # "the Velkan administration"
    if after in ("'s", "’s") and _possession(units, last + 2) in cues.person_possessions:
        return "strong"  # "Drossum's widow", "Sas's death", "Drossum's “nasty” remarks"
    if _is_age(units, last + 1):
        return "strong"
    before = _word(units, first - 1)
    if before in ("said", "says", "added", "explained", "recalled", "wrote") and after in (",", "."):
        return "strong"
    pronoun = pronoun_after(units, last)
    participle = first == 0 and units[first].text.lower().endswith(("ing", "ed"))  # "Cloaking himself in ..."
    if pronoun in ("himself", "herself") and not participle:
        return "strong"  # "Sessions has found himself at the centre"
    return "weak" if pronoun else ""


def _camel(word: str) -> bool:
    """A capital inside a word, after its first syllable: "PolitiFact", "YouTube"; not "McCain", "LaPierre"."""
    return not word.startswith("Mac") and any(ch.isupper() for ch in word[3:])


#: Quotation marks that close a quote ("“We will win,” Drossum said": the speaker of a quote).
_CLOSING_QUOTES = frozenset(["”", "''", '"', "’", "'"])
#: Pronouns that, after a name and a shared speech verb, speak of the name itself ("X admitted he").
_SELF_PRONOUNS = frozenset("he she his himself herself".split())


def pronoun_after(
    units,
    last: int,
    stop: frozenset[str] = frozenset(),
    passes: Callable[[int], bool] | None = None,
    ends: Callable[[int], bool] | None = None,
    reach: int = 12,
) -> str:
    """The first personal pronoun within ``reach`` words (twelve unless told) after unit ``last``, before
    any capitalised word ("Dayton faced deep resistance from many quarters of the council over his plan"),
    and before any word of ``stop`` (lower case: "its" before "his" in "Apple reported a loss as its chief
    left his post").

    A capitalised word whose index ``passes`` answers True for does not end the search: a caller that knows
    the word names no person (a weekday, a known organisation) lets the pronoun past it ("Kelt announced
    on CNN that his team would appeal": CNN is no "he"); a lower-case word at whose index ``ends``
    answers True ends it, as a word of ``stop`` does."""
    cues = typing_cues()
    for k in range(last + 1, min(last + reach + 1, len(units))):
        unit = units[k]
        if unit.cap and passes is not None and passes(k):
            continue
        if unit.cap or unit.text in (";", ":") or unit.text.lower() in stop or (ends is not None and ends(k)):
            break
        if unit.text in ("”", "''") or (unit.text == '"' and _word(units, k - 1) in (",", ".", "!", "?")):
            break  # a quote's end: the "he" of "... is wrong,” he said" is its speaker
        if unit.text.lower() in cues.person_pronouns:
            return unit.text.lower()
    return ""


def addressed(units, first: int, last: int) -> bool:
    """True when the run is a person greeted, thanked or spoken to.

    "Dear Nina", "Hi Vladi,", "Thanks, Renee", "Regards, Vangie McGilloway", "Good morning
    Debra" (a greeting word before it, a comma between allowed); "Ginny, please see ...",
    "Bryan, you're in" (the name opens the sentence and a comma and a word that speaks to
    someone follow). Letters, e-mail and quoted speech address people, not organisations.
    """
    cues = typing_cues()
    k = first - 1
    if _word(units, k) == ",":
        k -= 1
    before = _word(units, k)
    if before in cues.greetings:
        if before in ("morning", "afternoon", "evening"):
            return _word(units, k - 1) == "good"  # "Good morning Debra"; not "Monday morning Kestrel said"
        return True
    return (
        (first == 0 or units[first - 1].text in ('"', "“", "``", "(", "-", "--"))
        and last - first < 3
        and _word(units, last + 1) == ","
        and _word(units, last + 2) in cues.vocative_followers
    )


def org_context(units, first: int, last: int, role_words: frozenset[str]) -> bool:
    """True when the words around the run say it is an organisation.

    "Kestrel's shares", "Kestrel shares", "an analyst at Voss Holt", "Kestrel, the
    carmaker,", "the Voss Holt".

    Args:
        units: the sentence's units.
        first: index of the run's first unit.
        last: index of the run's last unit.
        role_words: lower-case role nouns ("analyst", "spokesman").
    """
    cues = typing_cues()
    after = _word(units, last + 1)
    if after in ("'s", "’s") and _word(units, last + 2) in cues.org_possessions:
        return True
    if after in cues.org_followers:
        return True
    if after == ",":
        for k in range(last + 2, min(last + 10, len(units))):
            word = units[k].text.lower()
            if word in (",", ".", ")", ";", ":", "who", "whose", "which", "and") or units[k].pos in _FINITE:
                break  # an apposition has no finite verb: "X, is available on our website"
            if word in cues.org_nouns and _word(units, k + 1) in _APPOSITION_END:
                return True  # "Kestrel, the Tarnavo-based carmaker,"; not "the carmaker's chief", "the firm wanted"
            if word in role_words:
                break  # "Drossum, the carmaker's chief executive,"
            if word == "of" and units[k - 1].pos.startswith("NN"):
                break  # the head was the noun before "of": "Sas, a member of the board,"; not "one of the banks"
    before = _word(units, first - 1)
    following = units[last + 1] if last + 1 < len(units) else None
    modifier = (  # "the Kestrel factory": "the" goes with the noun
        following is not None
        and (following.text[:1] == "-" or (following.text[:1].islower() and following.pos.startswith("NN")))
    )
    if before == "the" and not units[first].text.isupper() and not modifier:
        return True
    if before in cues.org_after_role:
        role = _word(units, first - 2)
        if role in role_words and role not in _FAMILY and role not in _ABSTRACT_TITLES:
            return True
    return False


def place_context(units, first: int, last: int) -> bool:
    """True for "in Tarnavo", "near Veliko", "ruled Tarnavo", "the people of Tarnavo", "Tarnavo, a farming province,",
    "Tarnavo-based", "Tarnavo's parliament", "Tarnavo's Velsk province" (not "in Sas's view")."""
    cues = typing_cues()
    after = _word(units, last + 1)
    if after in cues.place_suffixes:
        return True
    if after in ("'s", "’s"):  # "Tarnavo's northern province", "Tarnavo's Velsk province"; not "Sas's view"
        for k in range(last + 2, min(last + 5, len(units))):
            word = units[k].text.lower()
            if word in cues.place_possessions:
                return True
            if not (units[k].text[:1].isupper() or units[k].pos.startswith("JJ")):
                break
        return False
    if after == ",":
        for k in range(last + 2, min(last + 6, len(units))):
            word = units[k].text.lower()
            if word in (",", ".", ")", ";", ":") or units[k].pos in _FINITE:
                break
            if word in cues.place_nouns and _word(units, k + 1) in _APPOSITION_END:
                return True  # "Tarnavo, a farming province,"
    before = _word(units, first - 1)
    if before in cues.place_verbs and first == last:
        return True  # "has ruled Tarnavo for 15 years"
    return before in cues.place_before or (before == "of" and _word(units, first - 2) in cues.place_of)


_FAMILY = frozenset("son daughter wife husband father mother brother sister widow".split())
#: Titles that are also abstract nouns: "justice for Terrence" asks for justice; no justice works for him.
_ABSTRACT_TITLES = frozenset({"justice"})
