"""Rule-based mention finding: runs of capitalised words, typed by lexicon, gazetteer and cue words.

Used by :class:`analysis.entities.EntityRecognizer` with ``method="rules"``.
Works sentence by sentence on the tokens and Penn tags of a
:class:`~analysis.text.Document`, offline, in one pass over the tokens.

Three kinds of sentences are told apart so that capitals do not flood the results:

* normal text: a capitalised word is evidence of a name, except at the start of
  a sentence or quote, where it must also look like a proper noun;
* title case (headlines, whose verbs are capitalised too: a verb in lower case
  makes "Prime Minister Theresa May spoke." prose): only names known from the lexicon, the gazetteer or
  the article's own body are taken (a person's family name alone too: "Drossum
  Wins Appeal" after "Velkan Drossum won"), and persons shaped like one (a given
  name and a family name, a name after "Regards,");
* all caps: the same, matched case-insensitively, never for short acronyms
  (so "IS" the verb is not Islamic State); a shouted English word ("WOW", "the
  STAR of") is no name.

A writer who types the pronoun "i" in lower case types names in lower case too:
in such a text a common given name in lower case ("shanna and i") is a person.

Unknown names are typed by their shape and context (:mod:`analysis.entities.evidence`
lists the evidence): a run opening with a given name (``given_names.txt``, Faker's
tables; a rarer given name of the tables alone too, unless it is written as a thing's
name: "Mac software", "my Lexus", "Wal-Mart", "at Emory", a headline's first word) or next
to a role noun ("analyst Paul Nesbit", "Louis Gallois, the Airbus
chief executive") is a PERSON, other runs without evidence are ORG;
a town name after an unknown word belongs to the name ("Fritz Henderson",
"Air Canada"). Products, models, indices and currencies are dropped ("Airbus
A380", "Boeing 787", "787 Dreamliner", "iTunes Music Store", "Nikkei 225", "US$").

How news writes names around them, read by the rules:

* an organisation before a corporate role and a name is a mention of its own
  ("Apple CEO Steve Jobs", "Kremlin spokesman X"; ``employer_roles`` in
  ``typing_cues.yml``), a portfolio is not ("Defense Minister X");
* a title-case phrase filling a pair of quotation marks is a title (a book, a show,
  a song) or scare quotes, not an organisation, unless a word of it is written as
  a name outside the quotes too ("a “New GM”");
* a country's or a state's adjective ("Lithuanian", "Texan") is NORP, from the
  gazetteer's names by English's regular endings;
* "Miss" before an ordinary word is a pageant's title ("Miss Universe"); an
  auxiliary opening a question is no part of a name ("Did Trump ..."); a given
  name and a family name that are both towns make a person ("Alicia Machado");
* a transcript's speaker label ("WALLACE: ...") is a person when the article
  gives someone that surname or the name tables list it; an organisation's name
  continues after "Commission"/"Committee"/"Council" with "on" and after
  "Center" with "for" ("the Commission on Presidential Debates"), after a head
  and "for a"/"for the" ("the Committee for a Responsible Federal Budget"), over
  an "and" that joins its parts ("the Securities and Exchange Commission", "the
  Department of Health and Human Services"; not "the Ministry of Defence and
  Foreign Office"), and a plural before "for"/"against" names a group ("Citizens
  for Tax Justice"); a body named for a person is an organisation ("Law Offices
  of X"), and so is a name before a role noun and a person ("Boston Celtics
  player X", a team or an employer);
* "Daily" opening two words is a paper ("the Daily Caller"), and so is a place and
  "Republic" ("the Arizona Republic"); an AP state abbreviation in brackets after
  a lawmaker is a place ("Sen. X (Fla.)"); an "-ing" verb before a determiner
  opening a line is no name ("Baiting the moderators.").
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Callable, Sequence
from functools import cache
from typing import NamedTuple

from analysis.entities.aliases import AliasEntry, AliasLexicon
from analysis.entities.evidence import (
    addressed,
    is_party_tag,
    org_context,
    person_context,
    place_context,
    pronoun_after,
    typing_cues,
)
from analysis.entities.gazetteer import (
    AP_STATE_ABBREVIATIONS,
    any_person_name,
    capitals,
    demonyms,
    given_names,
    is_common_form,
    is_common_word,
    is_town,
    name_lists,
    places,
    us_state_codes,
)

#: Last words that make a name an organisation.
ORG_CUES = frozenset(
    """ministry ministries forces force party council army navy university commission observatory agency
    bank company corporation corp corp. inc inc. ltd ltd. llc plc group association committee court parliament
    assembly front brigade brigades movement organization organisation union institute fund office department
    service services police guard guards airlines airways motors news times post network coalition alliance
    authority board senate congress administration holdings bureau foundation hospital school college academy
    center centre command staff militia regiment division battalion cabinet government federation club society
    trust exchange reserve systems industries technologies communications media press telegraph herald journal
    tribune gazette wire broadcasting television radio daily courier observer initiative forum secretariat
    directorate church mission unit units battalions squad agencies council aircraft aerospace airline motor
    petroleum oil steel records pictures studios entertainment software insurance securities investments partners
    associates enterprises ventures logistics chemicals pharmaceuticals electronics laboratories labs capital
    conference corps air co co. cos brothers bros bros. fc afc united""".split()
)
#: First words that make a name an organisation when followed by "of" ("Ministry of Defence").
ORG_HEADS = frozenset(
    "ministry bank university department office council court institute commission league center centre".split()
)
#: Organisation heads that a name continues after with "on" ("Commission on Presidential Debates").
_ON_HEADS = frozenset("commission committee subcommittee council conference panel".split())
#: Words that open an organisation's name continued by "of", "on" or "for" ("Committee on Foreign Relations").
_PREP_ORG_HEADS = ORG_HEADS | _ON_HEADS
#: Words that make a name a location (rivers, regions, features).
LOC_CUES = frozenset(
    """river mountains mount mt. sea ocean valley desert gulf lake island islands peninsula strait bay heights
    plain plains basin coast canal street square airport base bridge highway road dam crossing field fields
    region district corridor channel hills hill forest park falls range factory plant hall stadium arena station
    museum hotel palace tower temple mosque cathedral zoo mall harbour harbor pier prison""".split()
)
LOC_HEADS = frozenset("mount lake gulf river sea bay".split())
#: Words that make a name a place with a government.
GPE_CUES = frozenset(
    "province governorate county city oblast prefecture municipality republic kingdom emirate territory canton".split()
)
#: The last words of an administrative division's name: such a name is a place wherever it is cut
#: from the words around it (not "republic", "kingdom", "city": "the Arizona Republic", "Kansas City Chiefs").
_DIVISION_CUES = frozenset("province governorate county oblast prefecture municipality canton".split())
#: Words an organisation's name may go on after with "for a"/"for the" ("Committee for a ...").
_ORG_HEADS_AND_CUES = ORG_CUES | ORG_HEADS
#: Place words after a place's name that make another place ("Orange County", "Quebec City").
_OWN_PLACE_CUES = frozenset("city county".split())
#: Core person titles (lower case, without the final period).
TITLES = frozenset(
    """president vice-president president-elect premier chancellor minister secretary secretary-general mr mrs ms
    miss dr prof professor gen general lt lieutenant col colonel maj major capt captain sgt sergeant cpl corporal
    adm admiral cmdr commander brig brigadier sen senator rep representative congressman congresswoman gov
    governor mayor king queen prince princess sheikh emir sultan pope ayatollah imam cardinal bishop archbishop
    rabbi rev reverend sir dame lord lady judge justice ambassador envoy spokesman spokeswoman spokesperson
    chairman chairwoman ceo director chief commissioner administrator superintendent sheriff treasurer
    comptroller prosecutor marshal colonel-general lieutenant-general major-general lt-gen
    maj-gen lt.-gen mp leader prophet doctor coach aunt uncle drs attorney""".split()
)
#: Title words that are also common family names ("Mr. King", "Dr. Judge"; not "Mr. President").
_TITLE_SURNAMES = frozenset("King Major Judge Bishop Marshal Prince Cardinal Chancellor Dean Knight Sheikh".split())
#: The date of a wire dateline written as numbers ("1996-08-22", "22/08/1996").
_DATELINE_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$|^\d{1,2}/\d{1,2}/\d{2,4}$")
#: Words that are part of a title, not of whom it belongs to ("Interim DNC Chairwoman", "Senate Majority Leader").
_TITLE_PARTS = frozenset("interim majority minority press campaign communications policy co deputy".split())
#: Titles that stand before a person's name only, never alone as a role ("the minister" can; "the Mr." cannot).
HONORIFICS = frozenset("mr mrs ms miss dr prof sen rep gov rev sir dame drs messrs mx".split())
#: Lower-case role nouns that make the next name, or a name they stand in apposition to, a person
#: ("analyst Paul Nesbit", "Louis Gallois, the Airbus chief executive, said").
ROLE_WORDS = TITLES | frozenset(
    """executive spokesman spokeswoman spokesperson analyst economist officer manager founder co-founder lawyer
    attorney researcher reporter correspondent author writer actor actress singer player coach striker leader
    official negotiator adviser advisor aide candidate lawmaker legislator activist owner investor boss editor
    journalist historian scientist engineer pilot son daughter wife husband father mother brother sister widow
    chief head councillor councilor councilman councilwoman alderman campaigner organiser organizer protester
    resident witness survivor farmer teacher doctor nurse student host anchor commentator columnist pundit
    comedian presenter broadcaster strategist pollster consultant donor nominee challenger incumbent
    businessman businesswoman billionaire entrepreneur rapper musician producer filmmaker novelist poet
    physician surgeon psychologist psychiatrist scholar star athlete quarterback pitcher golfer boxer swimmer
    sprinter champion""".split()
)
#: Words that may stand inside a title run ("Defense Minister", "Secretary of State").
TITLE_MODIFIERS = frozenset(
    """prime vice deputy foreign defense defence interior finance economy health acting former executive senior
    special attorney first field state of the general security national assistant under permanent supreme
    military chief trade energy justice culture education""".split()
)
MONTHS_DAYS = frozenset(
    """january february march april may june july august september october november december jan feb mar apr
    jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday saturday sunday""".split()
)
#: Months that are also family names: after a given name they end a person's name, not a date.
_MONTH_SURNAMES = frozenset({"May", "June", "August", "April"})
#: Capitalised words that are not names on their own: abbreviations, currency codes, units, time zones, holidays.
NOT_NAMES = frozenset(
    """i a am pm tv ok oh god internet web bn mn ad bc no. no nos. vs. etc. usd eur gbp jpy cny rmb aud cad chf inr
    rub ghz mhz gb mb kb tb mph kph km kg lb utc gmt est edt cst cdt pst pdt cet cest bst christmas easter
    thanksgiving ramadan hanukkah diwali""".split()
)
#: Interjections and chat shorthand that open a sentence capitalised ("Erm ya", "Heh, yep", "Plz contact", "P.S. I am")
#: and weekday abbreviations and plurals ("on Fri, Sat", "barring Sundays"): never a name.
_NOT_NAMES_CHAT = frozenset(
    """erm um umm uh hmm hmmm heh hah haha hehe lol lmao omg yum yay ugh oops plz pls thx yep nope ps p.s p.s.
    tue tues thu thur thurs fri mondays tuesdays wednesdays thursdays fridays saturdays sundays""".split()
)
#: Labels of a letter's or a form's fields, capitalised alone ("Fax 410-555-0100", "<< File: memo.doc >>").
_FORM_LABELS = frozenset("fax file tel phone e-mail email mobile cell attachment attachments subject cc bcc".split())
#: Words that name a part of a place ("Northern" Syria, "North" American); not a name on their own.
REGION_WORDS = frozenset(
    """north south east west northern southern eastern western central northeast northwest southeast southwest
    north-east north-west south-east south-west northeastern northwestern southeastern southwestern greater upper
    lower inner outer sub-saharan mainland""".split()
)
#: Last words of a financial index or similar non-entity ("Dow Jones Industrial Average", "Nasdaq Composite").
NOT_ENTITY_LAST = frozenset("index average composite".split())
#: Small words allowed inside a name ("Bank of America", "Staffan de Mistura").
CONNECTORS = frozenset("of for de du da del della der van von la le bin ibn al el & y".split())
#: Lower-case prefixes of names ("al-Assad", "ez-Zor").
NAME_PARTICLES = ("al-", "el-", "ad-", "as-", "ash-", "at-", "az-", "ez-", "ed-", "bin-", "ibn-", "d'", "de-")
#: Prefixes of adjectives built on a name ("pro-Russian", "anti-Assad").
ADJ_PREFIXES = frozenset("pro anti non ex post pre mid neo then trans pan".split())
_OPENERS = frozenset(['"', "“", "``", "'", "‘", ":", "-", "--", "—", "–", "(", "["])
#: Auxiliaries that open a question and never a name ("Will" and "May" are given names too).
_QUESTION_AUXILIARIES = frozenset("did does do is was were are has have had would could should can shall".split())
_QUOTE_MARKS = frozenset(['"', "“", "”", "``", "''"])
_CLOSING_QUOTES = frozenset(["”", "''"])
#: Single quotation marks, which hold a title too ("the hymn called 'A Charge to Keep'").
_SINGLE_QUOTES = frozenset(["'", "‘", "’"])
_TITLE_QUOTES = _QUOTE_MARKS | _SINGLE_QUOTES
_FUNCTION = frozenset("of the a an in on at to for and or by with from as vs via into over after".split())
_MAX_CHUNK = 8
#: Two-word particles inside a person's name ("van der", "de la").
_PARTICLE_PAIRS = frozenset(
    (a, b) for a in ("van", "von", "de", "del", "da", "di") for b in ("der", "den", "de", "la", "las", "los", "le")
)
#: Lower-case words inside a person's name ("Anke van der Meer", "Osama bin Laden"); not "of", "for", "&".
_NAME_PARTICLES = frozenset("de du da del della der den van von la le bin ibn al el y".split())
#: Last words of an organisation named after a person of the article ("Trump Administration").
_PERSON_ORG_TAILS = frozenset("administration presidency".split())
#: A side before "Bank" names a river bank or a region, not a lender ("the West Bank", "the Left Bank").
_BANK_SIDES = frozenset("west east north south left right".split())
#: Words that may stand beside a greeting on a sign-off line ("Best regards,", "Many thanks,").
_GREETING_MODIFIERS = frozenset("best kind kindest warm warmest many all my yours truly good with".split())
#: Last words of a company's name, whose documents news names after it ("the Drossum Holdings Guaranty").
_COMPANY_ENDINGS = frozenset("corporation corp corp. inc inc. company co co. holdings ltd ltd. llc plc group".split())
#: Subject pronouns: a word right before one is a verb ("Hope she stops"), not a name.
_SUBJECTS = frozenset("i you he she we they it".split())
#: Prepositions of movement, before a place ("drove to Sarasota").
_TOWARDS = frozenset("to from into toward towards across around through via".split())
#: Words before a thing's name, not a person's ("my Lexus", "the Saturn", "this Venza").
_DETERMINERS = frozenset("the a an my our your his her their its this that these those every".split())
_INITIALS = re.compile(r"^(?:[A-Z]\.)+$")
_CAMEL_NAME = re.compile(r"^(?:La|Le|De|Da|Di|Du|Ja|Ke|Ta|Sha)[A-Z][a-z]{2,}$")
_GENERATIONS = frozenset("Jr Jr. Sr Sr. II III IV".split())  # "Vann R. Newkirk II": after a family name
#: Words after which a name opens a clause as its subject ("..., Trump fired him", "that Pence made his ...").
_CLAUSE_OPENERS = _OPENERS | frozenset(
    """, ; ( and but or so that as when while because if whether since after before although though once until
    unless where what why how said says""".split()
)
_REFLEXIVES = frozenset("myself yourself himself herself itself ourselves yourselves themselves".split())
_THING_PRONOUNS = frozenset("it its itself they their them themselves".split())
_TIME_WORDS = frozenset("today tonight tomorrow yesterday".split())
_WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
#: "last week", "this month", "earlier this year": a time between a subject and its verb
_TIME_DEICTICS = frozenset("last this next".split())
_TIME_SPANS = frozenset("week month year weekend".split())


@cache
def _owner_nouns() -> frozenset[str]:
    """Role and person nouns ("the chief executive", "the mayor", "a woman")."""
    return ROLE_WORDS | typing_cues().person_nouns


def _inner_capital(text: str) -> bool:
    """True for a capital inside a word that a family name does not explain: "VoteHub", "HuffPost";
    not "McCain", "MacArthur", "DeVos", "LaPierre" (a family name's prefix)."""
    if not any(ch.isupper() for ch in text[1:]):
        return False
    if text.startswith(("Mc", "Mac")) and any(ch.isupper() for ch in text[2:4]):
        return any(ch.isupper() for ch in text[4:])
    return not (is_camel_name(text) or re.match(r"^(?:Van|Von|Di|De|La|Le)[A-Z][a-z]+$", text))


def _after_when(units: Sequence[Unit], k: int) -> int:
    """Index of the first unit from ``k`` past a time phrase news sets between a subject and its verb:
    "Kelt on Wednesday announced", "Kelt Monday signed", "Kelt last month convicted", "Kelt earlier this
    week said". Returns ``k`` when no such phrase starts there."""

    def word(i: int) -> str:
        return units[i].text.lower() if i < len(units) else ""

    if word(k) == "on" and word(k + 1) in _WEEKDAYS:
        return k + 2
    if word(k) in _WEEKDAYS:
        return k + 1
    if k < len(units) and units[k].pos == "RB" and word(k) not in ("not", "n't", "never") and k + 1 < len(units):
        return k + 1  # "Kelt again blamed", "Kelt also said", "Kelt reportedly told"
    start = k + 1 if word(k) in ("earlier", "later") else k
    if word(start) in _TIME_DEICTICS and word(start + 1) in _TIME_SPANS:
        return start + 2
    return k


_NAME_ADJECTIVE_ENDINGS = ("ian", "ean", "esque")
_ORDINALS = frozenset("first second third fourth fifth sixth seventh eighth ninth tenth".split())
_STREET_HEADS = frozenset("street avenue road boulevard lane drive place square st st. ave ave. blvd rd".split())
_APOSTROPHE_NAME = re.compile(r"^(?:O|D|L)['’][A-Z][a-z]+$")


def _is_gerund(word: str) -> bool:
    """True for an "-ing" form of an ordinary verb ("Baiting", "Slamming", "Taking"); "Boeing" is not one.

    Before a determiner (:data:`_DETERMINERS`) it opens a headline as a verb ("Baiting the moderators.").
    """
    lowered = word.lower()
    if len(lowered) < 6 or not lowered.endswith("ing"):
        return False
    return _verb_stem_is_common(lowered[:-3])


def _is_participle(word: str) -> bool:
    """True for an "-ed" form of an ordinary verb ("Authorised", "Backed"); "Ahmed" is not one."""
    lowered = word.lower()
    if len(lowered) < 6 or not lowered.endswith("ed"):
        return False
    return _verb_stem_is_common(lowered[:-2])


#: Verb prefixes whose verb the word list may lack ("outsource" of "source", "re-elect" of "elect").
_VERB_PREFIXES = ("out", "over", "under", "re")


def _verb_stem_is_common(stem: str) -> bool:
    """True when ``stem`` (a word without its "-ing" or "-ed") is an ordinary verb: "cloak", "authoris(e)"."""
    candidates = {stem, stem + "e", stem[:-1] if len(stem) > 2 and stem[-1] == stem[-2] else stem}
    candidates |= {c[:-3] + "ize" for c in candidates if c.endswith("ise")}  # British spelling: "authorise"
    candidates |= {c[len(p) :] for c in candidates for p in _VERB_PREFIXES if c.startswith(p) and len(c) > len(p) + 3}
    return any(is_common_word(c) for c in candidates)


class Mention(NamedTuple):
    """A candidate mention before linking.

    ``how`` says where the type came from: "lexicon", "place", "cue", "title",
    "dateline", "guess" (weak: a name by shape only) or "model" (spaCy/NLTK).
    """

    sentence: int
    start: int
    end: int
    label: str
    canonical: str
    title: str
    how: str


#: An abbreviation written with dots whose last dot the sentence took ("U.S", "U.K").
_DOTTED = re.compile(r"^(?:[A-Z]\.)+[A-Z]$")


class Unit(NamedTuple):
    """A word as the chunker sees it: a token, or part of one (``Kurdish`` of ``Kurdish-led``)."""

    start: int
    end: int
    text: str
    pos: str
    cap: bool


@cache
def _pattern_lexicon() -> dict:
    from textblob.en import lexicon

    return lexicon


def looks_proper(text: str) -> bool:
    """True when a capitalised word that starts a sentence is probably a name.

    The Pattern lexicon knows "Apple" as a proper noun and "Mentioning" or
    "Last" as ordinary words; unknown capitalised words count as names.
    """
    tag = _pattern_lexicon().get(text)
    if tag is not None:
        return tag.startswith("NNP")
    return not is_common_word(text)


def is_number(text: str) -> bool:
    """True for a count or model number ("787", "225", "1,000"), not a year from 1900 to 2099."""
    digits = text.replace(",", "")
    if not digits.isdigit():
        return False
    return not (len(digits) == 4 and digits[:2] in ("19", "20"))


#: Words after a name and a number that make the number the name's share of a vote or a poll.
_SHARE_WORDS = frozenset("percent % pct percentage points point votes seats delegates".split())


def is_code(text: str) -> bool:
    """True for a model or product code: a capitalised word with digits ("A380", "VC-10", "A400M", "787s")."""
    return any(ch.isdigit() for ch in text) and any(ch.isalpha() for ch in text) and not text[0].islower()


def is_camel_product(text: str) -> bool:
    """True for a lower-case-initial camel-case word such as "iPhone", "iTunes" or "eReader"."""
    return len(text) > 2 and text[0].islower() and any(ch.isupper() for ch in text[1:3]) and text.isalpha()


def is_adjective(word: str) -> bool:
    """True for a word the tagger's lexicon lists as an adjective first ("Crooked", "Little"; not "Camp")."""
    return _pattern_lexicon().get(word.lower(), "").startswith("JJ")


def is_camel_name(text: str) -> bool:
    """True for a name written with a capital inside after a short prefix: "LaToya", "DeMarcus", "LeBron"."""
    return bool(_CAMEL_NAME.match(text))


def is_cap(text: str) -> bool:
    """True for a word that can be part of a name: capitalised, or a particle name like "al-Assad"."""
    if not text:
        return False
    first = text[0]
    if first.isupper():
        return any(ch.isalpha() for ch in text)
    if (first.islower() and "-" in text) or "'" in text:
        lowered = text.lower()
        for particle in NAME_PARTICLES:
            if lowered.startswith(particle) and len(text) > len(particle) and text[len(particle)].isupper():
                return True
    return False


def sentence_units(tokens) -> list[Unit]:
    """The sentence's words with possessives and hyphenated adjectives split off.

    ``Russia’s`` -> ``Russia`` + ``’s``; ``Kurdish-led`` -> ``Kurdish`` + ``-led``;
    ``pro-Russian`` -> ``pro-`` + ``Russian``; ``al-Assad`` stays whole; the
    apostrophe of a plural possessive between capitalised words ("Workers' Union")
    continues the run of the name.
    """
    units: list[Unit] = []
    append = units.append
    last = len(tokens) - 1
    for k, tok in enumerate(tokens):
        text = tok.text
        if (
            text in ("'", "’")
            and 0 < k < last
            and units
            and units[-1].cap
            and units[-1].text.endswith("s")
            and tokens[k + 1].text[:1].isupper()
            and tokens[k + 1].start == tok.end + 1
            and is_common_form(units[-1].text)  # "Workers", "Veterans"; not "Paris' CAC 40", "Beatles' Apple"
        ):
            # a plural possessive inside a name: "Garment Workers' Union" stays one run
            append(Unit(tok.start, tok.end, text, "POS", True))
            continue
        if len(text) > 2 and text[0].isupper() and (text.endswith("’s") or text.endswith("'s")):
            cut = tok.end - 2
            append(Unit(tok.start, cut, text[:-2], tok.pos, True))
            append(Unit(cut, tok.end, text[-2:], "POS", False))
            continue
        if "-" in text and len(text) > 3:
            head, _, tail = text.partition("-")
            if head and tail:
                if (head[0].isupper() and tail[0].islower() and not head.isupper()) or (
                    head.isupper() and len(head) <= 4 and tail[0].islower()
                ):
                    cut = tok.start + len(head)
                    append(Unit(tok.start, cut, head, tok.pos, True))
                    append(Unit(cut, tok.end, text[len(head) :], tok.pos, False))
                    continue
                if head.lower() in ADJ_PREFIXES and tail[0].isupper():
                    cut = tok.start + len(head) + 1
                    append(Unit(tok.start, cut, text[: len(head) + 1], tok.pos, False))
                    append(Unit(cut, tok.end, tail, tok.pos, True))
                    continue
        cap = text[:1].isupper() or (("-" in text or "'" in text) and is_cap(text))  # is_cap, fast path first
        append(Unit(tok.start, tok.end, text, tok.pos, cap))
    return units


def sentence_mode(units: list[Unit]) -> str:
    """``"upper"`` (all caps), ``"title"`` (title case) or ``"normal"``."""
    letters = caps = upper = content = 0
    for unit in units:
        text = unit.text
        if not text[0].isalpha():
            continue
        if text[1:2].isalpha() or sum(ch.isalpha() for ch in text) >= 2:  # the first test is the fast path
            letters += 1
            if text.isupper():
                upper += 1
        if text.lower() not in _FUNCTION:
            content += 1
            if text[0].isupper():
                caps += 1
    if letters >= 3 and upper >= 0.6 * letters:
        return "upper"
    if (
        content >= 4
        and caps >= 0.75 * content
        and content - caps <= content // 5
        and not any(u.text[:1].islower() and u.pos.startswith("VB") and u.text not in _FUNCTION for u in units)
    ):
        # "Donald Trump spoke on Monday" is no headline: a short one has every word capitalised;
        # and a headline in title case capitalises its verbs ("Minister Resigns"), so a verb in
        # lower case makes a sentence of names ("Prime Minister Theresa May spoke.") prose
        return "title"
    return "normal"


_FIGURE = re.compile(r"^\d+(?:[.,:/-]\d+)*$")


def _results_line(units: list[Unit]) -> bool:
    """True for a line of names and figures only: a sports result or a standings row.

    "Arsenal 2 Chelsea 1", "Newcastle 4 3 0 1 9 4 9", "Petr Korda ( Czech Republic ) beat ...":
    two figures or more, a capitalised name followed by a figure, and no lower-case word but
    "beat" and "v" (how wire services write results). Prose, dates ("March 01 , 2008"), times
    ("08:28 AM") and contact lines ("Phone ( 713 ) 853-3242") do not look like this.
    """
    figures = 0
    name_then_figure = False
    previous = None
    for unit in units:
        text = unit.text
        if _FIGURE.match(text):
            figures += 1
            if previous is not None and previous.text == "(":
                return False  # "( 713 )": a phone number, not a score
            if previous is not None and previous.cap and previous.text[:1].isalpha():
                name_then_figure = True
        elif text[:1].isalpha():
            if (not unit.cap and text not in _RESULT_WORDS) or text.lower() in MONTHS_DAYS or text in _CLOCK:
                return False
        elif text == ":":
            return False
        previous = unit
    return figures >= 2 and name_then_figure


#: Clock words: a figure beside them is a time, not a score ("08:28 AM", "9 p.m. EDT").
_CLOCK = frozenset("AM PM A.M. P.M. GMT UTC EDT EST CDT CST PDT PST BST CET CEST".split())
#: Lower-case words a results line may hold ("Pete Sampras ( U.S. ) beat Adrian Voinea ( Romania ) 6-2 6-2").
_RESULT_WORDS = frozenset({"beat", "v", "vs", "bt", "drew", "lost", "to"})


#: Articles a name may hold after its "of"/"for": "the Bank of the West", "the Center for a New Economy"
#: (after "for", only an organisation's head: not "the Range for the A380").
_ARTICLES_IN_NAMES = {"of": ("the",), "for": ("the", "a", "an")}


#: Last words that make the words after "and" a body of its own ("and Foreign Office").
_STANDALONE_HEADS = frozenset("office ministry department agency bureau council committee party government".split())


def _head_word(text: str) -> bool:
    """True for a word that a name may continue after with "of"/"for" ("Ministry of", "Gulf of",
    "Centers for")."""
    word = text.lower().rstrip(".")
    return _org_head(word) or any(word in h for h in (ORG_HEADS, LOC_HEADS, GPE_CUES, TITLES))


def _is_group_name(run: Sequence[Unit]) -> bool:
    """A group named for its cause: a plural, then "for"/"against", then a capitalised word
    ("Citizens for Tax Justice", "Mothers Against Drunk Driving", "Veterans for Peace")."""
    return (
        len(run) >= 3
        and run[0].cap
        and run[0].text.endswith("s")
        and not run[0].text.endswith("ss")
        and run[1].text.lower() in ("for", "against")
        and run[2].cap
        and run[2].text.lower() not in MONTHS_DAYS
    )


def _org_head(text: str) -> bool:
    """True for an organisation's last word, or its plural ("Commission", "Centers", "Institutes")."""
    word = text.lower().rstrip(".")
    return word in ORG_CUES or (word.endswith("s") and word[:-1] in ORG_CUES)


def _is_role_word(text: str) -> bool:
    """A lower-case role noun ("minister", "spokesman") or an upper-case role abbreviation ("CEO")."""
    lowered = text.lower().rstrip(".")
    return lowered in ROLE_WORDS and (text[:1].islower() or (text.isupper() and len(text) > 2))


def _title_word(text: str) -> str:
    return text.lower().rstrip(".")


class RuleMentionFinder:
    """Finds candidate mentions with the rules described in the module docstring.

    Built once per process: it holds what every document shares (the alias
    lexicon, the gazetteer, the name lists). Each call to :meth:`mentions` runs
    a :class:`_DocumentPass` that keeps one document's state (which words are
    capitalised inside sentences, the current sentence's units, ...) and is
    dropped afterwards, so no document's state leaks into the next.

    Args:
        lexicon: the alias lexicon (names with canonical forms and labels).
    """

    def __init__(self, lexicon: AliasLexicon) -> None:
        self.lexicon = lexicon
        self.places = places()
        self.demonyms = demonyms()
        self.given, self.common_given, self.family = name_lists()
        self.own_given = given_names()
        self.any_name = any_person_name()
        stop = _stopwords()
        self.lower_given = frozenset(
            name.lower()
            for name in self.common_given
            if len(name) >= 3
            and name.isalpha()
            and not is_common_word(name)
            and name.lower() not in stop
            and name.lower() not in MONTHS_DAYS
            and self.places.get(name) is None
        )

    def mentions(self, doc) -> list[Mention]:
        """Candidate mentions of a document, in text order (debris sentences skipped)."""
        return _DocumentPass(self).mentions(doc)


class _DocumentPass:
    """One document's pass of the rules: the finder's shared resources plus this document's state."""

    def __init__(self, finder: RuleMentionFinder) -> None:
        self.lexicon = finder.lexicon
        self.places = finder.places
        self.demonyms = finder.demonyms
        self.given, self.common_given, self.family = finder.given, finder.common_given, finder.family
        self.own_given = finder.own_given
        self.any_name = finder.any_name
        self.greetings = typing_cues().greetings
        self.lower_given = finder.lower_given
        self._lower_writer = False
        self._after_greeting = False
        self.surname_endings = typing_cues().surname_endings
        self._mid_caps: set[str] = set()
        self._mid_caps_alone: set[str] = set()
        self._surnames: set[str] = set()
        self._cap_counts: Counter[str] | None = None
        self._tokens: list = []
        self._next_word = ""  # the first word of the next sentence
        self._headline = False  # the current sentence is the article's headline
        self._text = ""
        self._units: list[Unit] = []
        self._position: dict[int, int] | None = None

    # -- lookups -------------------------------------------------------------
    def _known(self, key: str) -> tuple[str, str, str] | None:
        """(label, canonical, how) of a name known to the lexicon or the gazetteer."""
        entry = self.lexicon.exact.get(key)
        if entry is None and key[-2:-1] == "." and _DOTTED.match(key):
            # "from entering the U.S." at a sentence's end: the tokenizer gives the last dot to the
            # sentence, the name arrives as "U.S" ("U.K", "D.C")
            entry = self.lexicon.exact.get(key + ".")
        if entry is not None:
            return entry.label, entry.canonical, "lexicon"
        place = self.places.get(key)
        if place is not None:
            return place.label, place.canonical, "place"
        if key in self.demonyms or (key.endswith("s") and key[:-1] in self.demonyms):
            return "NORP", key, "lexicon"  # "Lithuanian", "Chileans", "Texan": a place's adjective
        return None

    def _known_upper(self, key: str) -> tuple[str, str, str] | None:
        entry: AliasEntry | None = self.lexicon.upper.get(key)
        if entry is not None:
            return entry.label, entry.canonical, "lexicon"
        if sum(ch.isalpha() for ch in key) >= 4:
            place = self.places.get(key.title())
            if place is not None and place.kind != "city":
                return place.label, place.canonical, "place"
        return None

    def _longest_known(self, units: list[Unit], i: int, end: int) -> tuple[int, tuple[str, str, str]] | None:
        """The longest known name starting at unit ``i`` and ending by ``end``."""
        lex = self.lexicon
        longest = min(end - i, max(lex.max_words + 2, 4))  # + room for a split-off apostrophe
        for k in range(i + 1, i + longest):
            if units[k].text in ("'s", "’s"):  # "Russia's Defense Ministry" is two mentions
                longest = k - i
                break
        for length in range(longest, 0, -1):
            if not units[i + length - 1].cap:
                continue  # "Khabur river": the name is "Khabur"
            # "Workers’ Union" arrives as "Workers", "’", "Union": glue the apostrophe back
            key = " ".join(u.text for u in units[i : i + length]).replace("’", "'").replace(" '", "'")
            hit = self._known(key)
            if hit is not None:
                return length, hit
        return None

    # -- the pass ------------------------------------------------------------
    def mentions(self, doc) -> list[Mention]:
        """Candidate mentions of ``doc``, in text order (debris sentences skipped)."""
        found: list[Mention] = []
        deferred = []
        text = doc.text
        # words written with a capital inside sentences: evidence for the same word at a sentence start
        tokens = doc.tokens
        self._mid_caps = {
            tokens[k].text
            for k in range(1, len(tokens))
            if tokens[k].text[:1].isupper()
            and tokens[k - 1].text[:1].isalnum()
            and tokens[k - 1].sentence == tokens[k].sentence
        }
        self._cap_counts = None  # counted on first need (see _capitalised_count)
        self._text = text
        self._tokens = tokens
        self._mid_caps_alone = {
            tokens[k].text
            for k in range(1, len(tokens) - 1)
            if tokens[k].text in self._mid_caps
            and tokens[k - 1].text[:1].islower()
            and not tokens[k + 1].text[:1].isupper()
            and tokens[k - 1].sentence == tokens[k].sentence
        }
        # the last word of "Given Family" inside a sentence: "Quell" opening a later sentence is that person
        self._surnames = {
            tokens[k].text
            for k in range(1, len(tokens))
            if tokens[k].text in self._mid_caps
            and tokens[k - 1].text in self.given
            and tokens[k - 1].sentence == tokens[k].sentence
            and (k + 1 == len(tokens) or not tokens[k + 1].text[:1].isupper())
        }
        # a writer who types "i" for "I" types names in lower case too ("shanna and i are staying")
        self._lower_writer = any(tok.text == "i" for tok in tokens)
        greeting_line = False  # the sentence before is a sign-off: "Regards," / "Sincerely," / "Thanks,"
        for sentence in doc.sentences:
            if sentence.is_debris:
                continue
            units = sentence_units(doc.tokens[sentence.first_token : sentence.end_token])
            if not units:
                continue
            mode = sentence_mode(units)
            self._after_greeting = greeting_line
            self._headline = sentence.kind == "headline"
            greeting_line = self._is_greeting_line(units)
            self._units = units
            self._position = None
            following = sentence.end_token
            self._next_word = tokens[following].text if following < len(tokens) else ""
            starts_paragraph = sentence.start == 0 or text[sentence.start - 1] == "\n"
            if _results_line(units):
                found.extend(self._results(sentence.index, units))
            elif mode == "normal":
                found.extend(self._normal(sentence.index, units, starts_paragraph))
            else:
                deferred.append((sentence.index, units, mode, starts_paragraph, self._after_greeting))
        if deferred:
            known = {}
            for m in found:
                key = " ".join(text[m.start : m.end].split())
                if m.label == "PERSON" and not m.canonical:
                    m = m._replace(canonical=key)  # "VELKAN DROSSUM" in capitals is the person of the body
                known.setdefault(key, m)
            for m in found:  # "DROSSUM WINS APPEAL" over "Velkan Drossum won ...": the family name alone
                words = text[m.start : m.end].split()
                if m.label == "PERSON" and len(words) >= 2 and len(words[-1]) >= 4 and not is_common_word(words[-1]):
                    known.setdefault(words[-1], m._replace(canonical=m.canonical or " ".join(words)))
            for index, units, mode, starts_paragraph, after_greeting in deferred:
                self._after_greeting = after_greeting
                found.extend(self._restricted(index, units, mode, known, starts_paragraph))
            found.sort(key=lambda m: m.start)
        # particles alone ("VAN DER" of a shouted "VAN DER MEER") name no one
        found = [m for m in found if not set(text[m.start : m.end].lower().split()) <= CONNECTORS]
        return _consistent(found, text, self.given, self.family)

    # -- sports results and standings ---------------------------------------
    def _results(self, index: int, units: list[Unit]) -> list[Mention]:
        """Names on a results or standings line ("Arsenal 2 Chelsea 1", "Aston Villa 4 2 1 1 5 3 7").

        A name followed by figures there is a team: an organisation, even when a town has its
        name ("Chelsea", "Leeds"), except a country (a national side keeps its country) and a
        person (a known person, a given name and a family name, or a name followed by a
        bracket, as athletes are listed: "Petr Korda ( Czech Republic ) 6-4").
        """
        out: list[Mention] = []
        n = len(units)
        i = 0
        while i < n:
            if not (units[i].cap and units[i].text[:1].isalpha()) or units[i].text.lower() in MONTHS_DAYS:
                i += 1
                continue
            j = i + 1
            while j < n and (
                (units[j].cap and units[j].text[:1].isalpha())
                or (units[j].text.lower() in CONNECTORS and j + 1 < n and units[j + 1].cap)
            ):
                j += 1
            run = units[i:j]
            key = " ".join(u.text for u in run)
            hit = self._known(key)
            if (j < n and units[j].text == "(") or (i and units[i - 1].text == "("):
                out.extend(self._resolve(index, run))
            elif hit is not None and (hit[0] == "PERSON" or self._country_word(key) or hit[0] == "NORP"):
                out.append(Mention(index, run[0].start, run[-1].end, hit[0], hit[1], "", hit[2]))
            elif (
                len(run) >= 2
                and run[0].text in self.given
                and hit is None
                and (run[-1].text in self.family or not is_common_word(run[-1].text))
            ):  # "Nick Faldo 67 70 66"; not "Aston Villa 4 2 1 1"
                out.append(Mention(index, run[0].start, run[-1].end, "PERSON", "", "", "guess"))
            else:
                out.append(Mention(index, run[0].start, run[-1].end, "ORG", "", "", "cue"))
            i = j
        return out

    # -- normal sentences ----------------------------------------------------
    def _normal(self, index: int, units: list[Unit], starts_paragraph: bool) -> list[Mention]:
        out: list[Mention] = []
        n = len(units)
        i = 0
        if starts_paragraph:
            i = self._dateline(index, units, out)
        initial = True  # the next word starts the sentence or a quote
        lex_first = self.lexicon.first_words
        while i < n:
            unit = units[i]
            if not unit.cap and unit.text not in lex_first:
                if (
                    self._lower_writer
                    and unit.text in self.lower_given
                    and (i == 0 or self.places.get(f"{units[i - 1].text} {unit.text}".title()) is None)
                ):
                    out.append(self._lower_name(index, units, i))  # not "san francisco"
                if unit.text in _OPENERS:
                    initial = True
                elif unit.text[0].isalnum():
                    initial = False
                i += 1
                continue
            # grow a chunk: capitalised words, connectors between them, lexicon names as blocks
            j = i
            while j < n:
                hit = self._longest_known(units, j, n) if units[j].text in lex_first else None
                if hit is not None and (hit[0] > 1 or units[j].cap):
                    j += hit[0]
                    continue
                u = units[j]
                if u.cap:
                    j += 1
                    continue
                if (
                    j > i
                    and j + 2 < n
                    and u.text == "on"
                    and units[j - 1].text.lower() in _ON_HEADS
                    and units[j + 1].cap
                    and units[j + 1].text.lower() not in MONTHS_DAYS
                ):
                    j += 1  # "the Commission on Presidential Debates", "the Council on Foreign Relations"
                    continue
                if j == i + 1 and j + 1 < n and _is_group_name(units[i : j + 2]):
                    j += 1  # "Citizens for Tax Justice", "Mothers Against Drunk Driving": a group's name
                    continue
                if u.text == "and" and j > i and self._and_in_name(units, i, j):
                    j += 1  # "the Securities and Exchange Commission", "the Department of Health and Human Services"
                    continue
                if (
                    j > i
                    and j + 1 < n
                    and u.text.lower() in CONNECTORS
                    and (u.text.lower() not in ("of", "for") or _head_word(units[j - 1].text))
                    and (
                        units[j + 1].cap
                        or (
                            units[j + 1].text in _ARTICLES_IN_NAMES.get(u.text, ())
                            and (u.text == "of" or units[j - 1].text.lower() in _ORG_HEADS_AND_CUES)
                            and j + 2 < n
                            and units[j + 2].cap
                        )
                    )
                ):
                    j += 1 if units[j + 1].cap else 2  # "Bank of the West", "Committee for a Free Press"
                    continue
                if (
                    j > i
                    and j + 2 < n
                    and (u.text, units[j + 1].text) in _PARTICLE_PAIRS
                    and units[j + 2].cap
                    and not units[j + 2].text.isupper()
                ):
                    j += 2  # "Anke van der Meer", "Rosa de la Fuente"
                    continue
                break
            if j == i:  # a lexicon first word that did not match
                initial = False
                i += 1
                continue
            chunk = units[i:j]
            if initial:
                chunk = self._trim_initial(chunk)
            if len(chunk) > 1 and chunk[0].text.lower() in _QUESTION_AUXILIARIES and chunk[0].pos[:2] in ("VB", "MD"):
                chunk = chunk[1:]  # "''Did Trump lower his taxes?''": an auxiliary opening a question
            while len(chunk) > 1 and chunk[0].text.lower() in self.greetings:
                chunk = chunk[1:]  # "Dear Nina", "Good Morning Debra": the greeting is no part of the name
            if chunk:
                chunk = self._drop_products(units, i, j, chunk)
            out.extend(self._resolve(index, chunk))
            initial = False
            i = j
        return out

    def _is_greeting_line(self, units: list[Unit]) -> bool:
        """True for a sentence that only greets or signs off ("Regards,", "Best regards,", "Thanks,");
        the name that opens the next sentence is the person who signs or is greeted."""
        if len(units) > 4 or units[-1].text not in (",", ":", "-"):
            return False
        words = [u.text.lower() for u in units if u.text[:1].isalpha()]
        return (
            bool(words)
            and any(w in self.greetings for w in words)
            and all(w in self.greetings or w in _GREETING_MODIFIERS for w in words)
        )

    def _lower_name(self, index: int, units: list[Unit], i: int) -> Mention:
        """A common given name written in lower case by a writer who writes "i" ("shanna", "jill allen").

        Only in a document that writes the pronoun "i" in lower case; a lower-case family name
        of the tables right after it belongs to the name.
        """
        end = units[i].end
        if i + 1 < len(units):
            after = units[i + 1].text
            if after.isalpha() and after.islower() and after.title() in self.family and not is_common_word(after):
                end = units[i + 1].end
        return Mention(index, units[i].start, end, "PERSON", "", "", "guess")

    def _dateline(self, index: int, units: list[Unit], out: list[Mention]) -> int:
        """``MOSCOW, Dec 7 (Reuters) -``: capitals at a paragraph start followed by a comma are a place."""
        k = 0
        while k < len(units) and units[k].text.isupper() and units[k].text.replace("/", "").replace("-", "").isalpha():
            k += 1
        if k == 0 or k > 4 or k >= len(units):
            return 0
        # "BONN 1996-08-22", "LONDON Aug 30": a wire dateline that is a line of its own, place then date
        dated = _DATELINE_DATE.match(units[k].text) is not None or (
            units[k].text.lower() in MONTHS_DAYS and all(u.text[:1].isdigit() or u.text in ",." for u in units[k + 1 :])
        )
        if units[k].text not in (",", "(", "-", "--", "—", "–") and not dated:
            return 0
        if k == 1 and len(units[0].text) <= 4 and self.lexicon.exact.get(units[0].text):
            return 0  # "US, Russia agree ..." starts with an acronym, not a dateline
        first, last = units[0], units[k - 1]
        text = " ".join(u.text for u in units[:k])
        offset = first.start
        for name in text.split("/"):  # "MOSCOW/BEIRUT"
            hit = self._known_upper(name)
            canonical = hit[1] if hit else name.title()
            out.append(Mention(index, offset, offset + len(name), "GPE", canonical, "", "dateline"))
            offset += len(name) + 1
        del last
        return k

    def _drop_products(self, units: list[Unit], i: int, j: int, chunk: list[Unit]) -> list[Unit]:
        """Remove what names a product, a model, an index or a currency rather than an entity.

        * a chunk holding a model code ("Airbus A380", "Vickers VC-10");
        * a chunk written against "$" ("US$ 2 billion", "AU$");
        * a chunk followed by a number ("Boeing 787", "Nikkei 225", "Chapter 11"), unless it is a
          known place; "Air France Flight 447" keeps "Air France";
        * a chunk after a number, a model code or a camel-case product ("787 Dreamliner",
          "iTunes Music Store"), unless it starts with a known name or a title or ends with a cue word.
        """
        n = len(units)
        if any(is_code(u.text) for u in chunk):
            return []
        after = units[j] if j < n else None
        if after is not None and after.start == chunk[-1].end and after.text == "$":
            return []
        if after is not None and is_number(after.text):
            if len(chunk) == 1 and chunk[0] is units[i] and self._state_code(units, i):
                return chunk  # "Baltimore, MD 21202": a state before its ZIP code
            if j + 1 < n and units[j + 1].text.lower() in _SHARE_WORDS:
                return chunk  # a results line: "Jill Stein 3 percent", "Quell 41%": a share, not a model number
            key = " ".join(u.text for u in chunk).replace("’", "'")
            hit = self._known(key)
            if hit is not None and hit[0] in ("GPE", "LOC", "NORP"):
                return chunk
            if len(chunk) > 1 and chunk[-1].text.lower() in ORG_CUES:
                return chunk  # a results line: "Kestrel United 0 Tarnavo FC 3"
            if len(chunk) > 1 and is_common_word(chunk[-1].text):
                chunk = chunk[:-1]
                while chunk and chunk[-1].text.lower() in CONNECTORS:
                    chunk = chunk[:-1]
                return chunk
            return []
        before = units[i - 1] if i > 0 and chunk[0] is units[i] else None
        if before is not None and (is_number(before.text) or is_code(before.text) or is_camel_product(before.text)):
            last = chunk[-1].text.lower()
            if (
                self._longest_known(chunk, 0, len(chunk)) is not None
                or _title_word(chunk[0].text) in TITLES
                or last in ORG_CUES
                or last in LOC_CUES
                or last in GPE_CUES
            ):
                return chunk
            return []
        return chunk

    @staticmethod
    def _and_in_name(units: list[Unit], i: int, j: int) -> bool:
        """Whether the "and" at ``j`` joins two parts of one organisation's name begun at ``i``.

        Either the name so far has a head and its "of"/"for" ("Department of Health and Human
        Services", "Centers for Disease Control and Prevention"), or it is ordinary words and the
        capitalised words after "and" end in an organisation's last word ("Securities and Exchange
        Commission", "Food and Drug Administration"); "Obama and Justice Department" is two names.
        """
        n = len(units)
        k = j + 1
        while k < n and units[k].cap and k - j <= 3:
            k += 1
        if k == j + 1 or k - j > 3 or (k < n and (units[k].cap or units[k].text.lower() in CONNECTORS)):
            return False  # nothing capitalised after "and", or a longer run that is a name of its own
        head = any(_head_word(units[m].text) and units[m + 1].text.lower() in ("of", "for") for m in range(i, j - 1))
        if head:  # not two bodies: "the Ministry of Defence and Foreign Office"
            return units[k - 1].text.lower() not in _STANDALONE_HEADS
        ordinary = all(units[m].cap and is_common_word(units[m].text) for m in range(i, j))
        before = {units[m].text for m in range(i, j)}
        repeated = any(units[m].text in before for m in range(j + 1, k))  # "Apple and Apple Corps"
        return ordinary and not repeated and j - i <= 2 and units[k - 1].text.lower() in ORG_CUES

    def _trim_initial(self, chunk: list[Unit]) -> list[Unit]:
        """Drop a sentence-initial word that is an ordinary word capitalised by position."""
        first = chunk[0]
        text = first.text
        if (text.isupper() and len(text) >= 2) or text[:1].islower():
            return chunk  # an acronym, or a name with a particle ("al-Sadr"): not capitalised by position
        if self._known(text) is not None or _title_word(text) in TITLES:
            return chunk
        if text in self._mid_caps and (text in self._mid_caps_alone or not is_common_word(text)):
            return chunk  # written with a capital inside sentences too (alone, for an ordinary word)
        if len(chunk) > 1 and self._longest_known(chunk, 0, len(chunk)) is not None:
            return chunk
        if len(chunk) == 1 and text in self._surnames:
            return chunk  # "Quell said" after "Mara Quell": the person's family name, not the verb
        if len(chunk) == 1 and text in self.common_given:
            where = self._indices(chunk)
            if where is not None and (
                addressed(self._units, *where) or person_context(self._units, *where) == "strong"
            ):
                return chunk  # "John, sorry for the delay", "Bill recalled": a given name, not the word
        where = self._indices(chunk) if len(chunk) == 1 else None
        after = self._units[where[1] + 1].text.lower() if where and where[1] + 1 < len(self._units) else ""
        if len(chunk) == 1 and _is_gerund(text) and (after in _DETERMINERS or after in _REFLEXIVES):
            return []  # "Baiting the moderators.", "Cloaking himself in ...": a verb opening a clause, not a name
        if len(chunk) == 1 and _is_participle(text) and after == "by":
            return []  # "Authorised by the council, ...": a participle opening a clause, not a name
        if (
            where is not None
            and first.pos == "NNP"
            and text.lower() not in _stopwords()
            and looks_proper(text)
            and not text.lower().endswith(("ing", "ed"))
            and after not in _SUBJECTS
        ):
            context = person_context(self._units, *where)
            own = context == "weak" and not is_common_form(text) and self._own_pronoun(where[1])
            if context == "strong" or own:
                return chunk  # "Trump accepted the offer on his first trip": a family name, not the word
        if where is not None and text.lower() not in _stopwords() and self._he_refers_to(*where):
            return chunk  # the subject of a verb that a later "he" or "his" refers to: a name, not the word
        ordinary = text.lower() in _stopwords() or not looks_proper(text)
        if ordinary or (len(chunk) == 1 and (not first.pos.startswith("NNP") or is_common_form(text))):
            rest = chunk[1:]
            while rest and rest[0].text.lower() in CONNECTORS:
                rest = rest[1:]
            return rest
        return chunk

    def _resolve(self, index: int, chunk: list[Unit]) -> list[Mention]:
        """Type one chunk: a known name, a titled person, a cue-typed name, or pieces."""
        while chunk and (chunk[-1].text.lower() in CONNECTORS or chunk[-1].text.lower() in MONTHS_DAYS):
            if len(chunk) >= 2 and chunk[-2].text in self.given and chunk[-1].text in _MONTH_SURNAMES:
                break  # "Theresa May", "Brian May": a month after a given name is a family name
            chunk = chunk[:-1]
        while chunk and chunk[0].text.lower() in MONTHS_DAYS:
            chunk = chunk[1:]
        if len(chunk) >= 2 and chunk[-1].text == "Day" and is_common_word(chunk[-2].text):
            chunk = chunk[:-2]  # "since Labor Day", "Barack Obama Election Day": a day, not a name
        if not chunk:
            return []
        n = len(chunk)
        key = " ".join(u.text for u in chunk).replace("’", "'")
        hit = self._known(key)
        if hit is not None:
            if n == 1 and self._city_as_person(chunk[0], hit):
                return [Mention(index, chunk[0].start, chunk[0].end, "PERSON", "", "", "guess")]
            return [Mention(index, chunk[0].start, chunk[-1].end, hit[0], hit[1], "", hit[2])]
        if n > _MAX_CHUNK:
            return self._segment(index, chunk, guesses=False)
        last = chunk[-1].text.lower()
        if n > 1 and chunk[0].text.lower() in typing_cues().event_openers and self._known(key) is None:
            return []  # "Hurricane Katrina", "Typhoon Velka": a storm, an event, no actor
        if n > 2 and chunk[-1].text in _GENERATIONS and chunk[-2].text.lower() in _not_actor_words():
            return []  # "World War II": a war, numbered
        if n > 1 and last in _not_actor_words() and self._known(chunk[-1].text) is None:
            # "the Gulf War", "the Nobel Prize": an event or a prize, no actor; a country it is
            # named after is still named ("the Iraq War")
            head = " ".join(u.text for u in chunk[:-1])
            hit = self._known(head)
            if hit is not None and hit[0] == "GPE" and self._country_word(head):
                return [Mention(index, chunk[0].start, chunk[-2].end, hit[0], hit[1], "", hit[2])]
            if n > 2 and chunk[-2].text.lower() in _COMPANY_ENDINGS and last in typing_cues().document_words:
                return self._resolve(index, chunk[:-1])  # "the Huber Corporation Guaranty": the company's
            return []
        first = chunk[0].text.lower()
        # a title run followed by a name: a person ("Labour Minister Ilse Marrovan")
        lead = next((k for k in range(min(n - 1, 3)) if _title_word(chunk[k].text) in TITLES), None)
        if lead is not None and any(
            self._known(u.text) is not None or (_title_word(u.text) not in TITLE_MODIFIERS and u.text.isupper())
            for u in chunk[:lead]
        ):
            lead = None  # "Russian President ...", "UN Secretary-General ...": segmented below
        if lead is not None and last not in ORG_CUES:
            t = lead
            while t < n and (_title_word(chunk[t].text) in TITLES or _title_word(chunk[t].text) in TITLE_MODIFIERS):
                t += 1
            # "Mr. King", "Dr. Judge": after an honorific, a title word that ends the run and is a family
            # name is that family name ("Mr. President" is a form of address, not a name)
            honorific = _title_word(chunk[lead].text) in HONORIFICS
            titled_surname = t == n and t - lead >= 2 and honorific and chunk[-1].text in _TITLE_SURNAMES
            if titled_surname:
                t = n - 1
            elif t == n and honorific:
                return []  # "Mr. President": a form of address, no name
            if t < n:
                while t > lead + 1 and chunk[t - 1].text.lower() in ("of", "the"):
                    t -= 1  # "Prime Minister of Singapore": the place is not the person
                while (
                    n - t > 2
                    and is_common_word(chunk[t].text)
                    and chunk[t].text not in self.any_name
                    and chunk[t + 1].text in self.given
                ):
                    t += 1  # "Miss Universe Alicia Machado": an ordinary word before a given name ends the title
                rest = chunk[t:]
                if (
                    t - lead == 1
                    and _title_word(chunk[lead].text) == "miss"
                    and all(is_common_word(u.text) and u.text not in self.any_name for u in rest)
                ):
                    return []  # "the former Miss Universe", "Miss World": a pageant's title, no one's name
                if rest[0].text.lower() in CONNECTORS or rest[0].text.lower() == "the":
                    return self._segment(index, [u for u in rest if u.text.lower() not in ("of", "the")], guesses=True)
                if _title_word(rest[-1].text) in ROLE_WORDS and not titled_surname:
                    return []  # "Chief Operating Officer": a job title, no name
                title = " ".join(u.text for u in chunk[:t])
                rest_key = " ".join(u.text for u in rest)
                hit = self._known(rest_key)
                employer = self._employer(index, chunk, lead)
                if hit is not None and hit[0] == "PERSON":
                    return [*employer, Mention(index, rest[0].start, rest[-1].end, "PERSON", hit[1], title, hit[2])]
                if hit is not None and self._surname_after_title(chunk[t - 1].text, rest):
                    return [*employer, Mention(index, rest[0].start, rest[-1].end, "PERSON", "", title, "title")]
                if hit is None and all(is_cap(u.text) or u.text.lower() in CONNECTORS for u in rest):
                    return [*employer, Mention(index, rest[0].start, rest[-1].end, "PERSON", "", title, "title")]
        if n > 1 and last in ORG_CUES and first in typing_cues().review_words:
            where = self._indices(chunk)
            if where is not None and self._review_heading(chunk, where):
                return []  # "Poor Service", "Great School!": a review's heading, not a service or a school
        if n > 1 or last in GPE_CUES:
            label = None
            if n == 2 and last == "bank" and first in _BANK_SIDES:
                return [Mention(index, chunk[0].start, chunk[-1].end, "LOC", "", "", "cue")]  # "the West Bank"
            if last in ORG_CUES or (first in _PREP_ORG_HEADS and n > 2 and chunk[1].text in ("of", "on", "for")):
                label = "ORG"
            elif last in LOC_CUES or (first in LOC_HEADS and n > 1):
                label = "LOC"
            elif last in GPE_CUES and n > 1:
                base = self._known(" ".join(u.text for u in chunk[:-1]))
                place = base is not None and base[0] in ("GPE", "LOC")
                if place and last == "republic":  # "the Arizona Republic": a newspaper, not Arizona
                    return [Mention(index, chunk[0].start, chunk[-1].end, "ORG", "", "", "cue")]
                # "Guangdong Province" is Guangdong; "Orange County" and "Quebec City" are places of their own
                canonical = base[1] if place and last not in _OWN_PLACE_CUES else ""
                return [Mention(index, chunk[0].start, chunk[-1].end, "GPE", canonical, "", "cue")]
            if label is not None:
                return [Mention(index, chunk[0].start, chunk[-1].end, label, "", "", "cue")]
        return self._segment(index, chunk, guesses=True)

    def _employer(self, index: int, chunk: list[Unit], lead: int) -> list[Mention]:
        """The organisation named before a corporate role and a person: "Apple CEO Steve Jobs".

        News writes a company's or an office's name before its officer's role and name
        ("Kremlin spokesman Dmitry Peskov", "Fed Chairman Ben Bernanke"). Only before
        the roles of ``employer_roles`` in ``typing_cues.yml`` (not "Defense Minister", "Labor Secretary":
        portfolios) and only for capitalised words that are no title, title modifier or
        country word, and not an ordinary word the article writes with a capital nowhere
        else ("Company CEO").
        """
        if lead == 0 or _title_word(chunk[lead].text) not in typing_cues().employer_roles:
            return []
        words = chunk[:lead]
        for u in words:
            lowered = _title_word(u.text)
            if lowered in TITLES or lowered in TITLE_MODIFIERS or lowered in CONNECTORS or self._country_word(u.text):
                return []
            if not u.cap or (is_common_word(u.text) and self._capitalised_count(u.text) < 2):
                return []
        return [Mention(index, words[0].start, words[-1].end, "ORG", "", "", "cue")]

    def _segment(self, index: int, chunk: list[Unit], *, guesses: bool) -> list[Mention]:
        """Split a chunk into known names and the unknown runs between them."""
        out: list[Mention] = []
        n = len(chunk)
        j = 0
        run_start = None
        title = ""
        while j < n:
            hit = self._longest_known(chunk, j, n)
            word = _title_word(chunk[j].text)
            if hit is None and word in TITLES and j + 1 < n:
                t = j
                while t < n and (_title_word(chunk[t].text) in TITLES or _title_word(chunk[t].text) in TITLE_MODIFIERS):
                    t += 1
                named = t < n and all(is_cap(u.text) for u in chunk[t:]) and not _is_role_word(chunk[-1].text)
                if run_start is not None and named and guesses:
                    # "FBI Director James Comey", "NYPD Commissioner Ada Lenz": the body before the
                    # title is an organisation of its own, the name after it a person
                    out.extend(self._guess(index, self._title_owner(chunk[run_start:j]), ""))
                    run_start = None
                if run_start is None and t < n:
                    title = " ".join(u.text for u in chunk[j:t])
                    j = t
                    continue
            if (
                hit is not None
                and run_start is None
                and hit[1][2] == "place"
                and chunk[j].text in self.given
                and j + hit[0] < n
                and chunk[j + hit[0]].cap
                and (self._longest_known(chunk, j + hit[0], n) is None or self._town_surname(chunk, j + hit[0], n))
            ):
                hit = None  # "Martin Luther King": a given name that is also a town opens a name
            if (
                hit is not None
                and run_start is None
                and hit[0] == 1
                and hit[1][0] != "PERSON"
                and j + 2 < n
                and _INITIALS.match(chunk[j + 1].text)
                and len(chunk[j + 1].text) == 2
                and chunk[j + 2].cap
                and not chunk[j + 2].text.isupper()
            ):
                hit = None  # "Vann R. Newkirk": a word, a middle initial and a capitalised word are one name
            if (
                hit is not None
                and run_start is not None
                and hit[0] == 1
                and hit[1][0] == "NORP"
                and j + 2 == n
                and chunk[j + 1].text[1:].islower()
                and chunk[j + 1].text.endswith("s")
                and not chunk[j + 1].text.endswith("ss")
                and is_common_word(chunk[j + 1].text)
                and guesses
            ):
                # "Retired American Warriors", "Concerned American Parents": a group's name around a nationality
                out.append(Mention(index, chunk[run_start].start, chunk[-1].end, "ORG", "", "", "cue"))
                return out
            if hit is not None and run_start is not None and self._absorbs(chunk[run_start:j], hit[1]):
                j += hit[0]  # "Fritz Henderson", "Air Canada": the place is part of a name
                continue
            if hit is None:
                if run_start is None:
                    run_start = j
                j += 1
                continue
            if run_start is not None and guesses:
                out.extend(self._guess(index, chunk[run_start:j], title))
                title = ""
            run_start = None
            length, (label, canonical, how) = hit
            if length == 1 and self._city_as_person(chunk[j], hit[1]):
                label, canonical, how = "PERSON", "", "guess"
            if label != "PERSON" and title:
                title = ""
            out.append(Mention(index, chunk[j].start, chunk[j + length - 1].end, label, canonical, title, how))
            title = ""
            j += length
        if run_start is not None and guesses:
            out.extend(self._guess(index, chunk[run_start:], title))
        return out

    def _title_owner(self, body: list[Unit]) -> list[Unit]:
        """The words before a title that name whom the title belongs to, or none.

        "FBI Director", "Tarnel Bank Chairwoman", "Interim DNC Chairwoman": an acronym, a word no
        dictionary has, or an organisation cue word names an organisation. "Press Secretary",
        "Campaign Manager", "Senate Majority Leader": ordinary words belong to the title.
        """
        while body and (_title_word(body[-1].text) in TITLE_MODIFIERS or body[-1].text.lower() in _TITLE_PARTS):
            body = body[:-1]
        while body and body[0].text.lower() in _TITLE_PARTS:
            body = body[1:]
        owns = any(
            (u.text.isupper() and len(u.text) > 1) or not is_common_word(u.text) or self._known(u.text) is not None
            for u in body
        )
        return body if owns or (body and body[-1].text.lower() in ORG_CUES) else []

    def _town_surname(self, chunk: list[Unit], j: int, n: int) -> bool:
        """True when the last word of the chunk, at ``j``, is a family name that is also a town.

        After a given name that is a town too ("Alicia Machado", "Paris Hilton"), two towns
        side by side are a person's given and family name: news writes "Machado, Alicia" for
        places, not two town names in a row.
        """
        if j != n - 1 or chunk[j].text not in self.family:
            return False
        return is_town(chunk[j].text)

    def _absorbs(self, run: list[Unit], hit: tuple[str, str, str]) -> bool:
        """True when an unknown capitalised word before a known place makes one name with it.

        A city or state after an unknown word is a surname or part of a business name
        ("Fritz Henderson", "Barack Obama", "Lockheed Martin"); a country after one is a
        business name ("Air Canada", "Garuda Indonesia"), unless the word is a region word
        ("Northern Iraq").
        """
        last = run[-1].text
        if hit[2] != "place" or not is_cap(last) or last.lower() in CONNECTORS:
            return False
        lowered = last.lower()
        if lowered in REGION_WORDS or lowered in NOT_NAMES or lowered in MONTHS_DAYS or _title_word(last) in TITLES:
            return False
        return not (last.isupper() and len(last) > 1 and len(run) == 1 and self._known(last) is not None)

    def _city_as_person(self, unit: Unit, hit: tuple[str, str, str]) -> bool:
        """True when a one-word town name is used as a person's name: "Obama said", "Rubio, who ...".

        Only a town that is not a capital (a capital that "said" is its government,
        see :mod:`analysis.entities.linking`), and only with a person verb, "X, who",
        an age or a role noun next to it.
        """
        if hit[2] != "place" or unit.text.isupper():
            return False
        place = self.places.get(unit.text)
        if place is None or place.kind != "city" or unit.text in capitals():
            return False
        where = self._indices([unit])
        if where is None:
            return False
        context = person_context(self._units, *where)
        return (
            context in ("strong", "speech")
            or (context == "weak" and self._own_pronoun(where[1]) and self._written_as_person(where[0]))
            or (  # "Perry mused that the United States was not ready for his ...": a country is no "he"
                self._he_refers_to(*where) and self._written_as_person(where[0])
            )
            or self._role_context([unit])
            or (unit.text in self.given and self._beside_given(self._units, *where))  # "Mercedes and Dan are"
        )

    def _written_as_person(self, k: int) -> bool:
        """True when the town's name at unit ``k`` stands where a person's would: not as a place
        ("to Sarasota", "Canada and Ontario") and not as a thing's name (see :meth:`_given_alone`)."""
        units = self._units
        before = units[k - 1].text.lower() if k > 0 else ""
        if before in _TOWARDS or place_context(units, k, k):
            return False
        if before in ("and", ",") and k > 1 and self._known(units[k - 2].text) is not None:
            return False  # "the governments of Canada and Ontario"
        return self._given_alone(units, k)

    def _he_refers_to(self, first: int, last: int) -> bool:
        """True when a later "he" or "his" refers to units ``first..last``: as a clause's subject
        (:meth:`_subject_of_he`) or as the owner in a possessive (:meth:`_possessor_of_he`)."""
        return self._subject_of_he(first, last) or self._possessor_of_he(first, last)

    def _possessor_of_he(self, first: int, last: int) -> bool:
        """True when units ``first..last`` own the noun after them and the first pronoun after is a
        person's: "critics attacked Kelt's record as governor, saying he raised taxes", "Kelt's
        warning to North Korea left his options limited"; not when a role or person noun comes
        first ("Kestrel's chief executive said his ..."), nor "its" ("Kestrel's board cut its ...")."""
        units = self._units
        if last + 2 >= len(units) or units[last + 1].text not in ("'s", "’s") or units[first].text.isupper():
            return False
        if not units[first].cap or _inner_capital(units[last].text):
            return False
        if units[last].text.lower() in MONTHS_DAYS or units[last].text.lower() in _TIME_WORDS:
            return False  # "Tonight's debate, his first in years": a time's, not a person's
        owned = units[last + 2]
        if owned.text.lower() in typing_cues().org_possessions:
            return False  # "Kestrel's shares plunged on news that he would step down": a company's shares
        if (first > 0 and units[first - 1].text.lower() in ("the", "a", "an")) or (
            owned.pos in ("IN", "DT", "TO", "CC") or (not owned.text[:1].isalnum() and owned.text not in _QUOTE_MARKS)
        ):
            return False  # "chased him from the McDonald's for two miles": a shop, no owner of a noun
        return self._own_pronoun(last + 1, stop=_THING_PRONOUNS | _owner_nouns(), passes=self._names_no_person)

    def _subject_of_he(self, first: int, last: int) -> bool:
        """True when units ``first..last`` are the subject of a finite verb and the first pronoun after
        them is a person's ("Trump accepted the offer on his first trip"); not when "it", "its", "they" or
        "their" comes first ("Apple reported a loss as its chief left his post")."""
        units = self._units
        if last + 2 >= len(units) or units[first].text.isupper():
            return False
        if units[first].pos != "NNP" or _inner_capital(units[last].text):
            return False  # "Humility is ...", "Courts rejected ...": a word capitalised by its place; "VoteHub"
        if first > 0 and units[first - 1].text.lower() not in _CLAUSE_OPENERS:
            return False  # "the job at Zumiez was her first", "laws Congress has written": not a clause's subject
        k = _after_when(units, last + 1)  # "Kelt on Wednesday announced ...", "Kelt last month signed ..."
        if k + 1 >= len(units):
            return False
        verb = units[k]
        # a person takes a singular verb ("Cops have arrested the manager and his deputy" is no one's name);
        # the tagger often reads a past tense right after a name as a participle ("Trump accepted the offer")
        participle = verb.pos == "VBN" and units[k + 1].pos in ("DT", "PRP$", "PRP")
        if verb.pos not in ("VBD", "VBZ", "MD") and not participle:
            return False
        # a person's noun before the pronoun owns it ("Kestrel reported a loss, and the chief executive
        # blamed his predecessor"): the "his" is the executive's, not the subject's
        # a clause's subject is its sentence's topic: its "he" may come late ("Kelt is looking for credit,
        # and deservedly so, if not entirely for the reasons he would like"), so the search reaches further
        return self._own_pronoun(last, stop=_THING_PRONOUNS, passes=self._names_no_person, ends=self._owner, reach=20)

    def _owner(self, k: int) -> bool:
        """True when unit ``k`` is a role or person noun that is a verb's subject: a "his" after it is its
        own ("Kestrel reported a loss, and the chief executive blamed his predecessor"); not a noun that
        is said of the subject ("Kelt ran as a law and order candidate, but his ...")."""
        units = self._units
        if units[k].text.lower() not in _owner_nouns() or k + 1 >= len(units):
            return False
        return units[k + 1].pos in ("VBD", "VBZ", "VBP", "MD")

    def _names_no_person(self, k: int) -> bool:
        """True for a capitalised word at unit ``k`` that cannot be the "he" or "she" after a subject: a
        weekday or month ("on Wednesday"; not "May", a family name too), or a word of a known name that
        is an organisation, a group ("on CNN", "Americans") or a country or state ("the United States");
        not of a town, which is often a family name too ("Clinton", "Perry")."""
        units = self._units
        word = units[k].text
        if word.lower() in MONTHS_DAYS and word not in _MONTH_SURNAMES:
            return True
        for i in range(max(0, k - 3), k + 1):
            if not units[i].cap:
                continue
            found = self._longest_known(units, i, len(units))
            if found is None or i + found[0] <= k:
                continue
            label, canonical, _how = found[1]
            if label in ("GPE", "LOC"):
                place = self.places.get(canonical)
                return place is None or place.kind != "city"
            return label in ("ORG", "NORP")  # "the FBI", "Americans"
        return False

    def _own_pronoun(
        self,
        last: int,
        stop: frozenset[str] = frozenset(),
        passes: Callable[[int], bool] | None = None,
        ends: Callable[[int], bool] | None = None,
        reach: int = 12,
    ) -> bool:
        """True when "he", "she", "his" or a possessive "her" follows unit ``last`` before any other name
        ("Clinton falls short in her second bid"): no place and no organisation is a "he" or a "she".
        A word of ``stop`` (or one ``ends`` accepts) before the pronoun answers False, a word ``passes``
        accepts is read past (see :func:`pronoun_after`)."""
        pronoun = pronoun_after(self._units, last, stop, passes, ends, reach)
        if pronoun in ("he", "she", "his"):
            return True
        if pronoun != "her":
            return False
        k = next((k for k in range(last + 1, len(self._units)) if self._units[k].text.lower() == "her"), None)
        return k is not None and k + 1 < len(self._units) and self._units[k + 1].pos.startswith(("NN", "JJ"))

    def _surname_after_title(self, title_word: str, rest: list[Unit]) -> bool:
        """True when the one word after a title is a town's name used as a surname ("Mr Howard",
        "President Jackson"); not after an all-caps abbreviation ("DR Congo") nor for a country."""
        if len(rest) != 1 or title_word.isupper():
            return False
        place = self.places.get(rest[0].text)
        return place is not None and place.kind == "city"

    def _role_context(self, run: list[Unit]) -> bool:
        """True when a role noun stands just before the run or in an apposition after it.

        "analyst Paul Nesbit"; "Louis Gallois, the Airbus chief executive, said"; "Smith, 45, said".
        """
        units = self._units
        if self._position is None:
            self._position = {u.start: k for k, u in enumerate(units)}
        k = self._position.get(run[0].start)
        if k is None:
            return False
        if k > 0:
            before = units[k - 1].text
            if before[:1].islower() and before.lower().rstrip(".") in ROLE_WORDS:
                return True
            if before == "," and k > 1 and _title_word(units[k - 2].text) in ROLE_WORDS:
                return True  # "the interior minister, Clara Voss,"; "Ryanair CEO, Michael O'Leary"
        k = self._position.get(run[-1].start, -2) + 1
        if k <= 0 or k >= len(units) or units[k].text != ",":
            return False
        for m in range(k + 1, min(k + 9, len(units))):
            text = units[m].text
            if text in (",", ".", ")", ";", ":") or text.lower() in ("whose", "which", "where", "that", "and"):
                return m == k + 2 and units[k + 1].text.isdigit() and text == ","  # an age: "Smith, 45,"
            if text.lower().rstrip(".") in ROLE_WORDS or text.endswith("-year-old"):
                return True  # "Drossum, a 27-year-old from Tarnavo,"
        return False

    def _person_like(self, run: list[Unit]) -> bool:
        """True when a run of capitalised words opens like a person's name: a given name or an initial."""
        first = run[0].text
        if first in self.given or first.split("-")[0] in self.given:
            return True
        if len(first) == 2 and first[1] == "." and first[0].isupper():
            return True  # "J. Smith"
        return any(len(u.text) == 2 and u.text[1] == "." and u.text[0].isupper() for u in run[1:-1])

    def _guess(self, index: int, run: list[Unit], title: str) -> list[Mention]:
        while run and run[0].text.lower() in CONNECTORS:
            run = run[1:]
        while run and run[-1].text.lower() in CONNECTORS:
            run = run[:-1]
        while len(run) > 1 and _is_role_word(run[-1].text) and run[-1].text.isupper():
            run = run[:-1]  # "Kestrel CEO": the company, not its chief
        if not run:
            return []
        start, end = run[0].start, run[-1].end
        if title:
            return [Mention(index, start, end, "PERSON", "", title, "title")]
        last = run[-1].text.lower()
        if (
            last in NOT_ENTITY_LAST
            or last in typing_cues().document_words
            or (len(run) > 1 and last in typing_cues().event_words)
        ):
            return []  # "Dow Jones Industrial Average", "Nasdaq Composite"
        label = self._type_unknown(run)
        if label is None or (label == "ORG" and self._quoted_title(run)):
            return []
        where = self._indices(run)
        if label == "PERSON" and where is not None and where[0] > 0:
            before = self._units[where[0] - 1]
            if before.text in ("bin", "ibn", "van", "von") and before.end < start:
                start = before.start  # "bin Laden", "van Gogh"
        canonical = run[0].text.title() if label == "PERSON" and len(run) == 1 and run[0].text.isupper() else ""
        return [Mention(index, start, end, label, canonical, "", "guess")]

    def _speaker_label(self, units: list[Unit], k: int) -> bool:
        """True for a transcript's speaker label: a surname in capitals opening a line, then a colon.

        Transcripts that outlets print ("WALLACE: Let's start ...", "PENCE: Well, ...") name each
        speaker by the surname in capitals: a surname the article gives a person elsewhere, or a
        name of the name tables that is no ordinary word; a heading ("CLARIFICATION:", "UPDATE:")
        or a known acronym ("NATO:") is not a speaker.
        """
        text = units[k].text
        if not text.isupper() or len(text) < 3 or k + 1 >= len(units) or units[k + 1].text != ":":
            return False
        if any(u.text[:1].isalnum() for u in units[:k]):
            return False  # not the first word of the line (a quote mark may stand before it)
        name = text.title()
        if self._known_upper(text) is not None:
            return False
        # a surname the article gives a person ("Mike Pence" ... "PENCE:"), else a name of the tables
        # that is no ordinary word ("CLARIFICATION:", "UPDATE:", "WATCH:" are headings)
        return name in self._surnames or (name in self.any_name and not is_common_word(name))

    def _quoted_title(self, run: list[Unit]) -> bool:
        """True when the run lies inside quotation marks that hold only a title-case phrase.

        News puts the titles of books, films, shows and songs in quotation marks
        ("her memoir, “Hard Choices,”", "on “Meet the Press”", "A Charge to Keep"), and a
        word in scare quotes ("the first “Official” phone") is no name either; a name of
        an organisation is not written between quotes. Only a guess is dropped: a name
        the lexicon or a cue word types stays.
        """
        units = self._units
        where = self._indices(run)
        if where is None or run[0].text in self.given:
            return False  # "The Steve Harvey Morning Show": named after a person, who is an actor
        first, last = where
        left = first - 1
        while left >= 0 and first - left <= 8 and units[left].text not in _TITLE_QUOTES:
            left -= 1
        right = last + 1
        while right < len(units) and right - last <= 8 and units[right].text not in _TITLE_QUOTES:
            right += 1
        if left < 0 or right >= len(units) or units[left].text not in _TITLE_QUOTES:
            return False
        if units[right].text not in _TITLE_QUOTES or units[left].text in _CLOSING_QUOTES | {"’"}:
            return False
        if (units[left].text in _SINGLE_QUOTES) != (units[right].text in _SINGLE_QUOTES):
            return False  # a single quote and a double one hold no title between them
        inside = [u.text for u in units[left + 1 : right] if u.text[:1].isalpha()]
        if not inside or not all(w[:1].isupper() or w.lower() in _FUNCTION for w in inside):
            return False
        # a word of the run the article writes as a name outside the quotes too ("the “Apple” brand",
        # "a “New GM”") makes a name in quotes, not a title
        # the same title quoted again ("a memoir called “A Charge to Keep”" twice) is still a title
        words = [u for u in units[left + 1 : right] if u.text[:1].isalpha()]
        phrase = self._text[words[0].start : words[-1].end]
        times = max(1, len(re.findall(r"[\"“'‘`]\s*" + re.escape(phrase), self._text)))
        count = self._capitalised_count
        return not any(
            count(u.text) > times * sum(w == u.text for w in inside) for u in run if u.text.lower() not in _FUNCTION
        )

    def _review_heading(self, run: list[Unit], where: tuple[int, int]) -> bool:
        """True when the run is a whole sentence of a word of praise or blame and ordinary words.

        Reviews and forum posts open with a heading in title case ("Poor Service", "Great
        School!"); an organisation's name is not a sentence alone opening with such a word
        (``typing_cues.yml`` ``review_words``), and a name a table knows stays.
        """
        units = self._units
        if where[0] != 0 or any(u.text[:1].isalnum() for u in units[where[1] + 1 :]):
            return False
        if run[0].text.lower() not in typing_cues().review_words:
            return False
        key = " ".join(u.text for u in run)
        return self._known(key) is None and all(is_common_form(u.text) for u in run[1:])

    def _indices(self, run: list[Unit]) -> tuple[int, int] | None:
        """Indices of a run's first and last unit in the current sentence's units."""
        if self._position is None:
            self._position = {u.start: k for k, u in enumerate(self._units)}
        first = self._position.get(run[0].start)
        last = self._position.get(run[-1].start)
        if first is None or last is None:
            return None
        return first, last

    def _type_unknown(self, run: list[Unit]) -> str | None:
        """PERSON, ORG or GPE for a run no lexicon knows, from its context and shape; None when not a name.

        Organisation context wins over everything ("an analyst at Voss Holt said"),
        then person context (role nouns, person verbs, "X, who", an age), then place
        context ("in Tarnavo"), then the name's shape (a given name first, a family
        name last); what is left is an organisation.
        """
        units = self._units
        where = self._indices(run)
        single = len(run) == 1
        text = run[0].text
        particle = (  # "bin Laden", "van Gogh": a particle opens a person's name
            where is not None and where[0] > 0 and units[where[0] - 1].text in _NAME_PARTICLES - {"de", "la", "y"}
        )
        if single and where is not None and where[0] > 0 and text.lower() in _STREET_HEADS:
            before = units[where[0] - 1].text.lower()
            if before[:1].isdigit() or before in _ORDINALS:
                return None  # "131 West 23rd Street", "Fifth Avenue": an address, not an actor
        if single and where is not None and self._state_code(units, where[0]):
            return "GPE"  # "Baltimore, MD", "Chillicothe, OH", "the state of NY"
        if single and where is not None and self._speaker_label(units, where[0]):
            return "PERSON"  # "WALLACE: Let's start with ...": a transcript's speaker
        if single:
            lowered = text.lower()
            letters = sum(ch.isalpha() for ch in text)
            if (
                letters < 2
                or lowered in NOT_NAMES
                or lowered in _NOT_NAMES_CHAT
                or lowered in _FORM_LABELS
                or _STRETCHED.search(text)  # "Soooo tasty!", "Brilll.": a word stretched for emphasis
                or lowered in typing_cues().common_abbreviations  # "SUV", "PTSD": a thing, no actor
                or lowered in REGION_WORDS
                or lowered in _stopwords()
                or _title_word(text) in TITLES
                or is_party_tag(text)
            ):
                return None
            opener = units[where[0] - 1] if where is not None and where[0] > 0 else None
            if opener is not None and opener.cap and opener.text.lower() in typing_cues().event_openers:
                return None  # "Typhoon Orvaine hit": the storm's name after a sentence-opening "Typhoon"
            if (
                lowered in _not_actor_words()
                and where is not None
                and where[0] > 0
                and units[where[0] - 1].text.lower() == "the"
                and self._known(text) is None
            ):
                return None  # "the Holocaust", "the Constitution": an event or a document, written alone
            if (
                lowered.endswith("ists")
                and len(lowered) > 6
                and text[1:].islower()
                and self._known(text) is None
                and not is_common_word(text)  # "Therapists", "Economists": an occupation, not a creed
            ):
                return "NORP"  # "the Zionists", "are Methodists": followers of a creed or a man, a group, not a body
            if where is not None and not particle and self._he_refers_to(*where):
                return "PERSON"  # "Brown said the plan would fail, and he left": a subject that is a "he"
            if not particle and text not in self.given and is_adjective(text):
                return None  # "Democratic lawmakers", "Private buses": an adjective, not a name
            following = units[where[1] + 1].text if where is not None and where[1] + 1 < len(units) else ""
            if lowered.endswith(_NAME_ADJECTIVE_ENDINGS) and text not in self.any_name and following[:1].islower():
                return None  # "Their Orwellian fantasy", "a Kafkaesque process": an adjective made from a name
        if not single and where is not None and self._review_heading(run, where):
            return None  # "Poor Service", "Great School!": a review's heading, no organisation
        count = self._capitalised_count
        if (
            not single
            and run[-1].text.lower() not in ORG_CUES  # "Garment Workers Union": ordinary words, but a union
            and not _is_group_name(run)
            and not (run[0].text in ("Daily", "Weekly") and len(run) == 2)  # "the Daily Caller": a paper
            and not any(  # "Federal Service for the Financial Markets": a head before its "of"/"for"
                _org_head(a.text) and b.text.lower() in CONNECTORS for a, b in itertools.pairwise(run)
            )
            and all(u.text.lower() in CONNECTORS or (is_common_form(u.text) and count(u.text) < 2) for u in run)
        ):
            return None  # "the Family Meal": ordinary words, none capitalised anywhere else in the article
        if not single and run[-1].text.lower() in _DIVISION_CUES:
            return "GPE"  # "the Kent County Republican headquarters": the county, a place, cut from "Republican"
        if where is not None and org_context(units, where[0], where[1], ROLE_WORDS):
            return "ORG"
        if where is not None and self._employer_before_role(units, where[1]):
            return "ORG"  # "Boston Celtics player Jaylen Marsh", "Tarnavo Kelt spokesman Ed Lusk"
        if single and text.isupper() and len(text) >= 3 and _shouted(text):
            return None  # a shouted word in running text: "WOW!", "the STAR of the family", "VERYYYY"
        if (
            not single
            and run[-1].text in _GENERATIONS
            and run[-2].text[:1].isupper()
            and not is_common_word(run[-2].text)
            and self._known(run[-2].text) is None
        ):
            return "PERSON"  # "Marta Osterby II", "Dara Corbin Jr.": a generation after a family name
        if any(u.text.isupper() and len(u.text) > 1 and not _INITIALS.match(u.text) for u in run):
            return "ORG"  # an acronym: "NATO"; not the initials of "Marlene D. Hilliard"
        if not single and (
            _is_group_name(run)
            or any(_org_head(a.text) and b.text.lower() in ("of", "for") for a, b in itertools.pairwise(run[:-1]))
        ):
            return "ORG"  # "Law Offices of Armando Villega", "Friends of the Earth": a body named for someone
        person = person_context(units, where[0], where[1]) if where is not None else ""
        if particle or (where is not None and self._nationality_after(where[1])):
            person = "strong"
        elif not person and where is not None and where[0] == 0 and self._after_greeting:
            person = "strong"  # "Regards,\n\nVangie McGilloway": the person who signs
        elif not person and where is not None and where[0] == 0 and self._next_word in ("He", "She"):
            person = "weak"  # "Velkan Drossum arrived on Monday. He said ..."
        role = self._role_context(run)
        shape = self._name_shape(run)
        if single:
            both = text in self.given and text in self.family  # "Ford", "Morgan", "Douglas": companies too
            if role or person == "strong" or (person == "speech" and shape and not both):
                return "PERSON"
            if person == "weak" and text in self.any_name and not self._country_word(text) and not text.isupper():
                return "PERSON"  # "whether Bush has any thoughts about his memoirs": a name table and a pronoun
            if where is not None and place_context(units, where[0], where[1]):
                return "GPE"
            if (
                person == "weak"
                and where is not None
                and not is_common_form(text)
                and self._known(text) is None
                and not any(ch.isupper() for ch in text[1:])  # "HuffPost told", "MyFoxHouston"
                and not (where[0] == 0 and text.lower().endswith(("ing", "ed")))  # "Sedated in his bed, he"
                and pronoun_after(units, where[1]) in ("he", "she", "his")
                and self._given_alone(units, where[0])
            ):
                return "PERSON"  # "Deaton drove away, but she ...": an organisation is no "he" or "she"
            if _APOSTROPHE_NAME.match(text):
                return "PERSON"  # "O'Keefe"
            if shape == "given" and text in self.common_given and (text in self.own_given or not both):
                return "PERSON"  # "Larry", "Pauline"; not "Ford" (given and family name, and a company)
            if shape == "given" and not both and where is not None and self._given_alone(units, where[0]):
                return "PERSON"  # "a tip from Carri", "Tammi, attached is": a rarer given name, written as one
            if where is not None and self._beside_given(units, where[0], where[1]):
                return "PERSON"  # "Mercedes and Dan are", "Malach and Larry"
            if is_common_form(text) and self._capitalised_count(text) < 2 and not person and text not in self.any_name:
                return None  # "a Meal deal", "a Reel": an ordinary word capitalised once is no name; "Bush" is
            return "ORG"
        if len(run) <= 4 and all(u.text[0].isupper() or is_cap(u.text) or u.text.lower() in CONNECTORS for u in run):
            if role or person == "strong" or shape or (self._person_like(run) and not self._has_country(run)):
                return "PERSON"
            if where is not None and run[-1].text.lower() not in ORG_CUES and self._beside_given(units, *where):
                return "PERSON"  # "suing Condoleeza Rice and Donald Rumsfeld"
            plain = not any(is_common_word(u.text) or self._country_word(u.text) for u in run)
            if person in ("speech", "weak") and plain:
                return "PERSON"  # "Tarnavo Kelt said"; not "Ford Australia said", "Burger King said"
            if (
                person in ("speech", "weak")
                and len(run) == 2
                and run[0].text in self.any_name
                and run[1].text[1:].islower()
                and not is_common_word(run[1].text)
                and run[1].text not in self.any_name
                and self._known(run[1].text) is None
            ):
                return "PERSON"  # "Rush Limbaugh said": a first name that is also a word, then a word no table knows
        if where is not None and place_context(units, where[0], where[1]):
            return "GPE"
        return "ORG"  # "Northrop Grumman", "Apple Computer"

    def _given_alone(self, units: list[Unit], k: int) -> bool:
        """True when a given name of the name tables stands alone as people's names do.

        The tables' rarer given names (listed by fewer than ``MIN_GIVEN_LOCALES`` locales:
        "Carri", "Tammi", but also "Mac", "Dow", "Mart") name a person when the word is written
        as a name is: not in a headline (where a company's short name opens it: "Dow falls"),
        not joined by a hyphen to another name ("Wal-Mart"), not before a lower-case noun or a
        model ("Mac software", "Lexus IS 300") or a title ("Dallas Mayor"), not after a determiner
        ("my Lexus", "the Saturn") or a preposition of place ("at Emory").
        """
        if self._headline:
            return False
        before = units[k - 1].text if k > 0 else ""
        after = units[k + 1] if k + 1 < len(units) else None
        if before in ("-", "–") or (after is not None and after.text in ("-", "–")):
            return False
        if units[k].start > 0 and self._text[units[k].start - 1] in "-–":
            return False  # "a neo-Nazi", "anti-Trump"
        if before.lower() in _DETERMINERS or before.lower() in ("at", "in", "on", "near", "outside", "via"):
            return False  # "studies at Emory", "wrote on Reddit"
        return (
            after is None
            or not (
                _title_word(after.text) in TITLES  # "Dallas Mayor Mike Rawlings": a town's mayor
                or (after.text[:1].islower() and after.pos.startswith("NN"))
                or after.text[:1].isdigit()
                or (after.text.isupper() and len(after.text) > 1)
            )
        )

    def _beside_given(self, units: list[Unit], first: int, last: int) -> bool:
        """True when the run is joined by "and" to a common given name alone: "Mercedes and Dan are"."""

        def given_alone(k: int) -> bool:
            if not 0 <= k < len(units):
                return False
            text = units[k].text
            if text not in self.common_given or is_common_word(text) or (k > 0 and units[k - 1].cap):
                return False
            after = units[k + 1] if k + 1 < len(units) else None  # a verb or a stop: "Dan are", "Dan."
            return after is None or not after.text[:1].isalnum() or after.pos.startswith(("VB", "MD"))

        def full_name(k: int) -> bool:  # "and Donald Rumsfeld": a common given name and a family name
            if k + 1 >= len(units) or (k + 2 < len(units) and units[k + 2].cap):
                return False
            given, family = units[k].text, units[k + 1].text
            return (
                given in self.common_given
                and given not in self.family
                and not is_common_word(given)
                and (family in self.family or self._surname_form(family))
                and family.lower() not in ORG_CUES
            )

        if last + 2 < len(units) and units[last + 1].text == "and" and (given_alone(last + 2) or full_name(last + 2)):
            return True
        return first >= 2 and units[first - 1].text == "and" and given_alone(first - 2)

    def _state_code(self, units: list[Unit], k: int) -> bool:
        """True for a US state's postal code written after a town and a comma ("Baltimore, MD") or after
        "state of" ("the state of NY"); elsewhere "IN", "OR" and "ME" are words and "CO" a company."""
        text = units[k].text.rstrip(".")
        if units[k].text in AP_STATE_ABBREVIATIONS or (units[k].text + "." in AP_STATE_ABBREVIATIONS):
            # "Raleigh, N.C.", "Fresno, Calif.": AP's abbreviations follow a town, or stand in brackets
            # after a lawmaker's name ("Sen. Marco Rubio (Fla.)")
            bracketed = k >= 1 and units[k - 1].text == "(" and k + 1 < len(units) and units[k + 1].text == ")"
            return bracketed or (k >= 2 and units[k - 1].text == "," and units[k - 2].cap)
        if len(text) != 2 or not text.isupper() or text not in us_state_codes():
            return False
        if k >= 2 and units[k - 1].text == "," and units[k - 2].cap and not units[k - 2].text.isupper():
            return self.places.get(units[k - 2].text) is not None or units[k - 2].text not in self.any_name
        return k >= 2 and units[k - 1].text.lower() == "of" and units[k - 2].text.lower() == "state"

    def _has_country(self, run: list[Unit]) -> bool:
        return any(self._country_word(u.text) for u in run)

    def _country_word(self, word: str) -> bool:
        """True for a country, US state or continent name ("Australia", "Texas")."""
        place = self.places.get(word)
        return place is not None and place.kind != "city"

    def _nationality_after(self, last: int) -> bool:
        """True for a party-state tag or a country in brackets after a name: "(R-Ky.)", "(Norway)".

        Results tables and US political copy write it after a person's name only.
        """
        return self._nationality_in(self._units, last)

    def _nationality_in(self, units: list[Unit], last: int) -> bool:
        """:meth:`_nationality_after` on any list of units ("(South Africa)", "(U.S.)" too)."""
        if last + 2 >= len(units) or units[last + 1].text != "(":
            return False
        if is_party_tag(units[last + 2].text):
            return True
        for end in range(last + 3, min(last + 6, len(units))):
            if units[end].text == ")":
                key = " ".join(u.text for u in units[last + 2 : end])
                known = self._known(key)
                return known is not None and known[0] == "GPE" and (known[2] == "lexicon" or self._country_word(key))
        return False

    def _capitalised_count(self, word: str) -> int:
        """How often ``word`` is written with a capital in the current document."""
        if self._cap_counts is None:
            self._cap_counts = Counter(tok.text for tok in self._tokens if tok.text[:1].isupper())
        return self._cap_counts[word]

    @staticmethod
    def _employer_before_role(units: list[Unit], last: int) -> bool:
        """True when one to three lower-case words ending in a role noun, then a capitalised name,
        follow unit ``last``: the run is the person's employer, team or party."""
        for k in range(last + 1, min(last + 4, len(units) - 1)):
            word = units[k].text
            if not word[:1].islower():
                return False
            if word in ROLE_WORDS and units[k + 1].cap and units[k + 1].text[:1].isalpha():
                return True
        return False

    def _name_shape(self, run: list[Unit]) -> str:
        """``"given"`` when a run opens with a given name, ``"family"`` when it looks like one
        ending in a family name (or with a particle: "van der", "al-", "O'"), else ``""``."""
        words = [u.text for u in run if u.text.lower() not in CONNECTORS]
        if not words:
            return ""
        if any(self._country_word(word) for word in words):
            return ""  # "Ford Australia", "Garuda Indonesia": a business named after a country
        first = words[0]
        if first in self.given or first.split("-")[0] in self.given:
            return "given"
        if len(words) > 1 and is_camel_name(first) and not is_common_word(words[-1]) and self._known(first) is None:
            return "given"  # "LaToya Kell", "DeMarcus Ruel": a given name written with a capital inside
        if len(run) == 1:
            particle = first[:3].lower() in ("al-", "el-") and len(first) > 4
            return "family" if first in self.family or particle else ""
        last = words[-1]
        bare = last.split("-", 1)[1] if last[:3].lower() in ("al-", "el-") and "-" in last else last
        if any(u.text in _NAME_PARTICLES for u in run[1:-1]) or bare != last or _APOSTROPHE_NAME.match(last):
            return "family"  # "Jan van der Berg", "Omar al-Haddad", "Sean O'Neill"
        if (
            len(words) <= 3
            and not is_common_word(first)
            and first not in self.family
            and self._known(first) is None
            and first[1:].islower()
            and (
                (bare in self.family and (bare not in self.given or self.places.get(bare) is None))
                or self._surname_form(bare)
            )
        ):
            return "family"  # "Sungjoo Lee", "Vladi Pimenov", "Vangie McGilloway"; not "Lockheed Martin" (a town)
        return ""

    def _surname_form(self, word: str) -> bool:
        """True for a word shaped like a family name: "McGilloway", "MacAlister", or a family-name
        ending of ``typing_cues.yml`` ("Pimenov", "Kaminski", "Popescu") on a word that is no English word."""
        if len(word) < 5 or not word[0].isupper() or is_common_form(word):
            return False
        if word[:2] == "Mc" and word[2].isupper() and word[3:].islower():
            return True
        if word[:3] == "Mac" and word[3].isupper() and word[4:].islower():
            return True
        if not word[1:].islower():
            return False
        endings = self.surname_endings
        return any(word.endswith(e) for e in endings if len(word) > len(e) + 2)

    # -- title-case and all-caps sentences -------------------------------------
    def _restricted_person(self, units: list[Unit], i: int, upper: bool) -> int:
        """Length of a person's name at unit ``i`` of a headline or a list line, else 0.

        In title case or capitals every word looks like a name, so only a common given
        name followed by a word that is no ordinary word (or is a family name) counts:
        "Kristen Quinn, Samuel Pak" in a list of participants, "HASAN SAS WINS GOLD".
        A middle initial may stand between ("Marlene D. Hilliard").
        """

        def word(k: int) -> str:
            if k >= len(units) or not units[k].cap:
                return ""
            text = units[k].text
            return text.title() if upper and text.isupper() else text

        first = word(i)
        if not first:
            return 0
        k = i + 1
        if _INITIALS.match(word(k)) and word(k + 1):
            k += 1
        last = word(k)
        if (
            first in self.given
            and last
            and (last in self.family or self._surname_form(last))
            and not is_common_form(last)
            and not self._country_word(last)
        ):
            return k - i + 1  # "Heather Johnson": a given name and a family name
        if (
            first in self.given
            and not is_common_word(first)
            and last.isalpha()
            and last[1:].islower()
            and last not in self.any_name
            and not is_common_form(last)
            and self._known(last) is None
        ):
            return k - i + 1  # "Usman Shaukat": a given name and a word no table or dictionary knows
        if first not in self.common_given or is_common_word(first):
            # a results table: "Velkan Drossum (Norway) 3:34.12"
            for length in (2, 3):
                if all(word(k) for k in range(i, i + length)) and self._nationality_in(units, i + length - 1):
                    return length
            return 0
        k = i + 1
        if _INITIALS.match(word(k)) and word(k + 1):
            k += 1
        last = word(k)
        if not last or not last.isalpha() or _title_word(last) in TITLES or self._country_word(last):
            return 0
        if is_common_form(last) and last not in self.family:
            return 0
        return k - i + 1

    def _after_honorific(self, units: list[Unit], i: int) -> int:
        """Length of the name after an honorific at unit ``i`` of a title-case line, else 0.

        "Mr.", "Mrs.", "Dr.", "Sen." and the like stand before a person's name only, so
        in a list of many names ("Mr. Tarin Tarisk, Mr. Velrin Tarilis, ...": a line that
        reads as title case) the one to three capitalised words after one are a person,
        up to the first ordinary word ("Mr. Smith Goes To Washington": "Smith").
        """
        if _title_word(units[i].text) not in HONORIFICS:
            return 0
        k = i + 1
        while k < len(units) and k - i <= 3 and units[k].cap and units[k].text[:1].isalpha():
            if is_common_word(units[k].text) and units[k].text not in self.any_name:
                break
            k += 1
        return k - i - 1

    def _signed(self, units: list[Unit], i: int) -> int:
        """Length of a name greeted or signed at unit ``i`` of a title-case line ("Sincerely, Traci Warner").

        Up to three capitalised words that are no ordinary words, after a greeting word of
        ``typing_cues.yml`` (a comma between allowed).
        """
        if not (addressed(units, i, i) or (i == 0 and self._after_greeting)) or units[i].text.isupper():
            return 0
        k = i
        while k < len(units) and k - i < 3 and units[k].cap and units[k].text.isalpha():
            word = units[k].text
            if is_common_word(word) or word.lower() in ORG_CUES or self._known(word) is not None:
                break
            k += 1
        return k - i

    def _restricted(self, index, units, mode, known, starts_paragraph) -> list[Mention]:
        out: list[Mention] = []
        n = len(units)
        i = 0
        if starts_paragraph and mode == "upper":
            pass
        elif starts_paragraph:
            i = self._dateline(index, units, out)
        upper = mode == "upper"
        known_upper = {k.upper(): m for k, m in known.items()} if upper else None
        while i < n:
            if not units[i].cap:
                i += 1
                continue
            best = None
            for length in range(min(n - i, max(self.lexicon.max_words + 2, 6)), 0, -1):
                # "Workers’ Union" arrives as "Workers", "’", "Union": glue the apostrophe back
                key = " ".join(u.text for u in units[i : i + length]).replace("’", "'").replace(" '", "'")
                if upper:
                    hit = self._known_upper(key)
                    if hit is None and key in known_upper and len(key) >= 4:
                        m = known_upper[key]
                        hit = (m.label, m.canonical, m.how)
                else:
                    hit = self._known(key)
                    if hit is None and key in known:
                        m = known[key]
                        hit = (m.label, m.canonical, m.how)
                if hit is not None:
                    best = (length, hit)
                    break
            if best is None:
                titled = self._after_honorific(units, i)
                if titled:
                    name = units[i + 1 : i + 1 + titled]
                    out.append(Mention(index, name[0].start, name[-1].end, "PERSON", "", units[i].text, "title"))
                    i += 1 + titled
                    continue
                length = self._restricted_person(units, i, upper) or self._signed(units, i)
                if length:
                    out.append(Mention(index, units[i].start, units[i + length - 1].end, "PERSON", "", "", "guess"))
                i += length or 1
                continue
            length, (label, canonical, how) = best
            if length == 1 and how == "place":
                person = self._restricted_person(units, i, upper)
                if person > 1:  # "Bryan Hull, Mary John": a given name that is also a town opens a name
                    out.append(Mention(index, units[i].start, units[i + person - 1].end, "PERSON", "", "", "guess"))
                    i += person
                    continue
            out.append(Mention(index, units[i].start, units[i + length - 1].end, label, canonical, "", how))
            i += length
        return out


def _consistent(found: list[Mention], text: str, given: frozenset[str], family: frozenset[str]) -> list[Mention]:
    """A name typed PERSON once keeps that type for its other guessed mentions in the article.

    "Hasan Sas said ... Sas's plan": every guessed ORG mention whose words are a
    person's full name, or the family name of a person named with two or more words,
    or a one-word name typed PERSON elsewhere, or a full name whose last word was typed
    PERSON alone ("Ilena Vastrova ... Vastrova told reporters"), becomes a PERSON; "the Sas
    Administration" becomes the person "Sas" (the government is not a new actor). Names typed by a
    lexicon, a cue word or the gazetteer are left as they are (the linker turns a town
    that is a person's family name into that person).
    """
    persons: set[str] = set()
    singles: set[str] = set()
    for m in found:
        if m.label == "PERSON":
            words = text[m.start : m.end].split()
            persons.add(" ".join(words))
            if len(words) >= 2:
                persons.add(words[-1])
                if len(words) == 2 and words[0][1:].islower() and (words[0] in given or not is_common_word(words[0])):
                    persons.add(words[0])  # "Vangie McGilloway ... Vangie": the given name alone is the person
            elif m.how == "guess":
                singles.add(words[0])
    out = []
    for m in found:
        if m.label != "ORG" or m.how not in ("guess", "cue"):
            out.append(m)
            continue
        surface = " ".join(text[m.start : m.end].split())
        if m.how == "guess" and (surface in persons or (" " in surface and surface.rsplit(" ", 1)[1] in singles)):
            m = m._replace(label="PERSON")  # "Ilena Vastrova ... Vastrova told reporters"
        elif m.label == "ORG" and m.how == "cue":
            head, _, last = surface.rpartition(" ")
            if last.lower() in _PERSON_ORG_TAILS and (
                head in persons or (head in family and not is_common_word(head) and " " not in head)
            ):  # "Trump Administration" after "Donald Trump"; "the Davis Administration": a family name
                m = m._replace(end=m.start + len(head), label="PERSON", canonical="", how="guess")
        out.append(m)
    return _listed(out, text)


#: What stands between two names of one list: "Rumsfeld, Wolfowitz and Feith".
_LIST_GLUE = frozenset((", ", " and ", ", and "))


def _listed(found: list[Mention], text: str) -> list[Mention]:
    """Names listed together in a sentence share a person's type: "Steve, Rod and Elyse", "Chuck and Gretchen".

    A list is two or more names joined by commas and a final "and" (a comma alone may be
    an apposition: "James Perry, GNOFHAC Executive Director"). A guessed organisation in
    it (no cue word, no lexicon, no acronym) becomes a person when another name of the
    list is a person: a list of names in news is a list of one kind of thing.
    """
    out = list(found)
    k = 0
    while k < len(out):
        j = k
        has_and = False
        while j + 1 < len(out) and out[j + 1].sentence == out[k].sentence:
            gap = text[out[j].end : out[j + 1].start]
            if gap not in _LIST_GLUE:
                break
            has_and = has_and or gap != ", "
            j += 1
        members = range(k, j + 1)
        if has_and and any(out[m].label == "PERSON" for m in members):
            for m in members:
                mention = out[m]
                acronym = text[mention.start : mention.end].isupper()
                if mention.label == "ORG" and mention.how == "guess" and not acronym:
                    out[m] = mention._replace(label="PERSON")
        k = j + 1
    return out


_REPEATED_LETTER = re.compile(r"([A-Z])\1\1")
#: A small letter written three times: a word stretched for emphasis ("Soooo"), never in a name.
_STRETCHED = re.compile(r"([a-z])\1\1")


def _shouted(word: str) -> bool:
    """True for an all-caps word that is an English word or a word stretched for emphasis ("VERYYYY")."""
    lowered = word.lower()
    return is_common_word(lowered) or lowered in _stopwords() or bool(_REPEATED_LETTER.search(word))


@cache
def _not_actor_words() -> frozenset[str]:
    """Last words of the names of events, prizes and documents (``typing_cues.yml``): no actor."""
    cues = typing_cues()
    return cues.event_words | cues.document_words


@cache
def _stopwords() -> frozenset[str]:
    from analysis.text import stopwords

    return stopwords()
