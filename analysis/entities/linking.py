"""Alias merging: one canonical name for every mention of the same actor in an article.

Whatever backend found the mentions, :func:`link_mentions` decides their
canonical names in this order:

1. the alias lexicon ("Daesh" -> "Islamic State"), including a possessive
   context ("Russia's Defense Ministry" -> "Russian Ministry of Defence"); an
   entry without a label (an event's own lexicon) gives the name only, the
   type stays what the text's evidence says;
2. definitions in the text: "Islamic State (IS)", "the Syrian Democratic Forces
   (SDF)", "ISIL is an alternative abbreviation for the militant group" (linked
   to the organisation the article names most before it), "X, also known as Y";
3. a capital city used for its government ("Moscow's ally", "Washington said")
   -> its country;
4. within the article: a surname to the full name ("Putin", "Mr Rudskoi"), an
   acronym to the name whose initials it spells ("USAF"), a shortened name to
   the full one ("Northrop" -> "Northrop Grumman", "the Defense Ministry" ->
   "Russia's Defense Ministry"), but never a word the article writes as a place
   ("in Belmarro") to an organisation named after it, a word to the end of a
   name the lexicon knows whole ("the House" is not the "White House"), or a
   word to a title before a person ("Senate", "Senate Majority Leader Dana
   Whitlow"); the longer names are indexed by initials and by first and last
   words (:class:`LongerNames`), so this stays near linear in the number of names;
   a programme named after its host ("The Steve Harvey Morning Show") makes the
   host's surname or given name alone ("she told Harvey") that person, not a
   town or the show; a surname never goes to a full name of the other sex: an
   honorific or a title of one sex ("Mr.", "King", "first lady"), or for a titled
   surname the "he" / "she" read after it ("President Obama ... he" is not
   "Michelle Obama"), rules a full name out, and when two full names share the
   surname an unmarked one goes to the sex the article's honorifics give it;
5. otherwise the name as written (a place's gazetteer name); a one-word name
   only guessed to be an organisation that the article writes "in X" is a place.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter

from analysis.entities.aliases import AliasLexicon
from analysis.entities.gazetteer import AP_STATE_ABBREVIATIONS, capitals, places, sex_clash, sex_of, us_state_codes
from analysis.entities.rules import TITLE_MODIFIERS, TITLES, Mention
from analysis.text import APOSTROPHES, dateline_length

_LOCATIVE = frozenset("in at to from near outside inside into around across toward towards via through".split())
_DEFINITION = re.compile(
    r"^\W*(?P<acr>[A-Z][A-Za-z.]{1,9}) (?:is|was|stands for)(?: also)? (?:an?|the)? ?"
    r"(?:(?:alternative|alternate|other|another|common|commonly used|short|shorter|usual|english|arabic)\s+)*"
    r"(?:abbreviation|acronym|name|term)\b",
    re.IGNORECASE,
)
# "called" names only after a comma or "also": "Velkan Drossum called Ronsk Vardel" is a phone call
_AKA = re.compile(
    r"(?:,? (?:also |better |otherwise |formerly )?(?:known as|a\.k\.a\.|aka)"
    r"|, (?:also |now |sometimes |formerly )?called| (?:also|now|sometimes|formerly) called) $"
)
_PARTICLE = re.compile(r"^(?:al|el|ad|as|ash|at|az|ez|ed|bin|ibn)-", re.IGNORECASE)
_SPACES = re.compile(r"\s+")


def _norm(text: str) -> str:
    return _SPACES.sub(" ", text).strip()


def strip_mention(text: str, start: int, end: int, *, titles: bool = True) -> tuple[int, int, str]:
    """Trim a span to the bare name: no leading "the", no possessive 's, no title.

    Args:
        text: the document text.
        start: span start.
        end: span end (exclusive).
        titles: also strip a leading title ("President", "Defense Minister"); for persons.

    Returns:
        ``(start, end, title)``; ``start == end`` when nothing is left.
    """
    span = text[start:end]
    lowered = span.lower()
    if lowered.startswith("the "):
        start += 4
    for suffix in ("'s", "’s", "'", "’"):
        if text[start:end].endswith(suffix) and end - len(suffix) > start:
            end -= len(suffix)
            break
    while end > start and not text[end - 1].isalnum() and text[end - 1] not in ".)":
        end -= 1
    while start < end and not (text[start].isalnum() or text[start] in "'’"):
        start += 1
    if not titles:
        return start, end, ""
    words = text[start:end].split(" ")
    t = 0
    core = False
    while t < len(words) - 1:
        word = words[t].lower().rstrip(".")
        if word in TITLES:
            core = True
        elif word not in TITLE_MODIFIERS:
            break
        t += 1
    if core and t:
        title = " ".join(words[:t])
        start += len(title) + 1
        while start < end and text[start] == " ":
            start += 1
        return start, end, title
    return start, end, ""


def link_mentions(doc, mentions: list[Mention], lexicon: AliasLexicon) -> list[dict]:
    """Give every mention its canonical name and return the entity rows.

    Args:
        doc: the :class:`~analysis.text.Document` the mentions come from.
        mentions: candidate mentions in text order (any backend).
        lexicon: the alias lexicon.

    Returns:
        Rows with ``sentence_id``, ``start``, ``end``, ``text``, ``canonical``,
        ``label``, ``title``, in text order, without duplicates or overlaps.
    """
    text = doc.text
    upper_sentences = _upper_sentences(doc)
    items = _clean(doc, mentions, lexicon, upper_sentences)
    if items and lexicon.names:
        items = _bound_by_names(doc, items, lexicon)
    if not items:
        return []
    doc_alias = _definitions(doc, items)
    gazetteer = places()
    capital_of = capitals()

    # 1-3: lexicon, definitions, capitals; what is left is decided by linking below
    for item in items:
        surface = item["text"]
        entry = None
        if item["how"] != "dateline" and item["how"] != "lexicon":
            entry = _lexicon_entry(lexicon, surface, item["sentence_id"] in upper_sentences)
            before = text[max(0, item["start"] - 40) : item["start"]]
            possessive = re.search(r"([A-Z][\w.]*(?: [A-Z][\w.]*)*) ?['’]s $", before)
            if possessive:
                owner = f"{possessive.group(1)} 's {surface}"
                entry = lexicon.exact.get(owner) or entry
            if entry is not None:
                item["canonical"], item["label"] = entry.canonical, entry.label
            elif lexicon.names:
                renamed = lexicon.rename(surface)
                if renamed is not None:  # an untyped alias (an event lexicon): the name, not the type
                    item["canonical"] = renamed
                    item["how"] = "alias" if item["how"] in ("guess", "model") else item["how"]
        if surface in doc_alias and (item["how"] in ("guess", "model", "cue") or not item["canonical"]):
            item["canonical"], item["label"] = doc_alias[surface]
        if item["label"] == "GPE" and surface in capital_of and _governs(doc, item):
            country = capital_of[surface]
            hit = lexicon.exact.get(country)
            item["canonical"] = hit.canonical if hit else country
            item["how"] = "capital"
        if not item["canonical"] and item["how"] == "model":
            place = gazetteer.get(surface)
            if place is not None:
                item["canonical"] = place.canonical

    # 4: linking inside the article
    titled = [item for item in items if item["how"] == "title" and item["label"] == "PERSON"]
    every_person: dict[str, list[str]] = {}  # surname -> every full name with it, in text order
    longer: list[dict] = []
    hosts: dict[str, str] = {}
    for item in items:
        words = item["text"].split()
        if item["label"] == "PERSON" and len(words) >= 2:
            canonical = item["canonical"] or item["text"]
            surname = words[-1].translate(APOSTROPHES)
            for key in {surname, _PARTICLE.sub("", surname)}:
                if canonical not in every_person.setdefault(key, []):
                    every_person[key].append(canonical)
        host = _host(words) if item["label"] != "PERSON" else None
        if host is not None:
            for key in host.split():
                hosts.setdefault(key, host)
        if len(words) >= 2 and item["label"] in ("ORG", "GPE", "LOC"):
            longer.append(item)
    shortened = LongerNames(longer)
    placed = _placed(text, items)
    same_surface = {i["text"]: i for i in items if i["canonical"] and i["how"] not in ("guess", "title", "model")}
    # the sex the article's honorifics give each surname ("Mr. Obama" twelve times): whom an
    # unmarked "President Obama" or "Obama" means when two full names share the surname
    surname_sex: dict[str, Counter[str]] = {}
    for item in items:
        sex = sex_of(item["title"]) if item["title"] and " " not in item["text"] else ""
        if sex:
            surname_sex.setdefault(item["text"].translate(APOSTROPHES), Counter())[sex] += 1

    def fitting(surface: str, evidence: str) -> list[str]:
        fits = _unclashing(every_person[surface], evidence)
        counts = surname_sex.get(surface)
        if len(fits) > 1 and counts and not sex_of(evidence) and len(counts) == 1:
            marked = _unclashing(fits, "Mr." if "male" in counts else "Mrs.")
            fits = marked or fits
        return fits

    for item in items:
        surface = item["text"].translate(APOSTROPHES)
        if item["how"] == "place" and surface in every_person and " " not in surface:
            place = gazetteer.get(surface)
            if place is not None and place.kind == "city":  # "Henderson said" after "Fritz Henderson"
                fits = fitting(surface, item["title"])
                item["canonical"], item["label"], item["how"] = (fits or [surface])[0], "PERSON", "guess"
                continue
        if " " not in surface and surface in hosts and surface not in every_person:
            place = gazetteer.get(surface) if item["how"] == "place" else None
            if item["how"] in ("guess", "title", "model") or (place is not None and place.kind == "city"):
                # "told Harvey" after "The Steve Harvey Morning Show": the host, not a town or the show
                item["canonical"], item["label"], item["how"] = hosts[surface], "PERSON", "guess"
                continue
        if item["canonical"] and item["how"] not in ("guess", "title", "model"):
            continue
        earlier = same_surface.get(item["text"])
        if (
            earlier is not None
            and earlier["label"] == item["label"]
            and not (item["label"] == "PERSON" and sex_clash(item["title"], earlier["canonical"]))
        ):
            item["canonical"] = earlier["canonical"]
            continue
        surface = item["text"]
        words = surface.split()
        surname = surface.translate(APOSTROPHES)
        if len(words) == 1 and surname in every_person and item["how"] in ("guess", "title", "model"):
            # "Mr. Obama" is not the "Michelle Obama" of the article: the first full name whose
            # given name does not clash with the honorific, the title's sex or, for a titled surname
            # ("President Obama ... he said"), the pronoun that follows; none, and the surname stays
            # as written
            evidence = item["title"]
            if evidence and item["how"] == "title" and not sex_of(evidence):
                evidence = f"{evidence} {_pronoun_after(doc, item, items)}"
            fits = fitting(surname, evidence)
            if fits:
                item["canonical"], item["label"] = fits[0], "PERSON"
            else:
                item["label"] = "PERSON"
            continue

        if item["canonical"]:
            continue
        if item["label"] != "PERSON" or len(words) == 1:
            target = shortened.find(surface, words, item)
            if target is not None and surface in placed and not surface.isupper() and target["label"] == "ORG":
                target = None  # "in Belmarro": a place, not short for "Belmarro General Hospital"
            if target is not None and len(words) == 1 and not _may_shorten(surface, target):
                target = None
            if target is not None and item["label"] == "GPE" and _is_state_code(surface):
                target = None  # "Washington, D.C." is no acronym of "Daily Caller"
            if target is not None and item["title"] and target["label"] == "ORG":
                target = None  # "Mr. Villega" is a person, not short for "Law Offices of Armando Villega"
            if target is not None:
                item["canonical"] = target["canonical"] or target["text"]
                item["label"] = target["label"]
                continue
    for item in items:
        if not item["canonical"]:
            item["canonical"] = item["text"]
    # an untyped alias takes the type its actor has from evidence elsewhere in the article
    evidenced = {i["canonical"]: i["label"] for i in items if i["how"] not in ("alias", "guess", "model")}
    for item in items:
        if item["how"] == "alias" and item["canonical"] in evidenced:
            item["label"] = evidenced[item["canonical"]]
    # 5: place context outweighs a guess: a one-word name guessed ORG that the article writes
    # "in X" and never links to anything else is a place ("die in Belmarro", "a Belmarro sweatshop")
    for item in items:
        if (
            item["how"] == "guess"
            and item["label"] == "ORG"
            and item["text"] in placed
            and item["canonical"] == item["text"]
            and all(i["label"] == "ORG" and i["how"] == "guess" for i in items if i["text"] == item["text"])
        ):
            item["label"] = "GPE"
    # 6: a title ("Ms Voss") outweighs a guess: a guessed organisation it links to is a person
    titled_names = {item["canonical"] for item in titled}
    for item in items:
        if item["canonical"] in titled_names and item["how"] in ("guess", "title") and item["label"] == "ORG":
            item["label"] = "PERSON"
    return [
        {
            "sentence_id": item["sentence_id"],
            "start": item["start"],
            "end": item["end"],
            "text": item["text"],
            "canonical": item["canonical"],
            "label": item["label"],
            "title": item["title"],
        }
        for item in items
    ]


def _host(words: list[str]) -> str | None:
    """The host of a programme named after a person: ``"The Laura Ingraham Show"`` -> ``"Laura Ingraham"``.

    The name must open with a given name (``given_names.txt`` or the name tables) followed by one
    capitalised surname, and end in a programme word (``programme_words`` in ``typing_cues.yml``);
    what stands between is the slot or format ("Morning", "Radio"). A programme is named after
    its host, so the surname or the given name alone elsewhere in the article is that person.
    """
    if len(words) < 3:
        return None
    from analysis.entities.evidence import typing_cues
    from analysis.entities.gazetteer import name_lists

    programmes = typing_cues().programme_words
    if words[-1].lower() not in programmes:
        return None
    if words[0].lower() == "the":
        words = words[1:]
    if len(words) < 3 or words[0] not in name_lists()[0]:
        return None
    if not words[1][:1].isupper() or words[1].lower() in programmes:
        return None
    return f"{words[0]} {words[1]}"


_PRONOUNS = frozenset("he him his she her hers".split())


def _pronoun_after(doc, item: dict, items: list[dict]) -> str:
    """The first "he" / "she" (or "his", "her") read after a person's mention, or ``""``.

    Read in the rest of its sentence, else at the start of the next one ("President Vell signed
    the bill. He said ..."), and only when no other person is named in between: a pronoun after
    another name is that name's.
    """
    tokens = doc.tokens
    others = [i["start"] for i in items if i["label"] == "PERSON" and i["start"] > item["end"]]
    stop = min(others, default=len(doc.text))
    sentence = next((s for s in doc.sentences if s.index == item["sentence_id"]), None)
    if sentence is None:
        return ""
    for k in range(sentence.first_token, min(sentence.end_token + 1, len(tokens))):
        token = tokens[k]
        if token.start < item["end"]:
            continue
        if token.start >= stop:
            return ""
        if k == sentence.end_token and token.text not in ("He", "She"):
            return ""  # the next sentence speaks of this person only when it opens with the pronoun
        if token.text.lower() in _PRONOUNS:
            return token.text.lower()
    return ""


def _unclashing(names: list[str], title: str) -> list[str]:
    """The full names, in order, whose given name does not clash with the honorific ("Mr." and "Michelle")."""
    return [name for name in names if not sex_clash(title, name)]


def _lexicon_entry(lexicon: AliasLexicon, surface: str, upper: bool):
    entry = lexicon.exact.get(surface.replace("’", "'"))
    if entry is None and upper:
        entry = lexicon.upper.get(surface.upper())
    return entry


def _upper_sentences(doc) -> set[int]:
    out = set()
    for sentence in doc.sentences:
        letters = [ch for ch in sentence.text if ch.isalpha()]
        if len(letters) >= 8 and sum(ch.isupper() for ch in letters) >= 0.8 * len(letters):
            out.add(sentence.index)
    return out


def _clean(doc, mentions: list[Mention], lexicon: AliasLexicon, upper_sentences: set[int]) -> list[dict]:
    """Strip titles/"the"/'s, drop empty, debris and overlapping mentions; keep text order."""
    text = doc.text
    items: list[dict] = []
    last_end = -1
    debris = {s.index for s in doc.sentences if s.is_debris}
    for m in sorted(mentions, key=lambda m: (m.start, -(m.end - m.start))):
        if m.sentence in debris:
            continue
        start, end, title = strip_mention(text, m.start, m.end, titles=m.label == "PERSON")
        title = m.title or title
        if end <= start or start < last_end:
            continue
        surface = text[start:end]
        if "\n" in surface:  # a mention never crosses a paragraph
            surface = surface.split("\n", 1)[0].rstrip()
            end = start + len(surface)
        if not any(ch.isalpha() for ch in surface):
            continue
        if (
            m.sentence in upper_sentences
            and surface.isupper()
            and lexicon.exact.get(surface) is not None
            and len(surface) <= 4
        ):
            continue  # "IS" in shouting text is a verb
        items.append(
            {
                "sentence_id": m.sentence,
                "start": start,
                "end": end,
                "text": surface,
                "canonical": m.canonical,
                "label": m.label,
                "title": title,
                "how": m.how,
            }
        )
        last_end = end
    return items


def _bound_by_names(doc, items: list[dict], lexicon: AliasLexicon) -> list[dict]:
    """Widen mentions to a name of the lexicon's untyped entries they are part of.

    "the United Garment and Dye Workers' Union" may be found as two mentions
    ("United Garment", "Dye Workers"); when an event lexicon names the whole
    ("United Garment and Dye Workers' Union"), the mentions inside it become one.
    A name that covers no mention is not added: the lexicon renames, it does not find.
    """
    pattern = lexicon.names_pattern()
    if pattern is None:
        return items
    text = doc.text
    starts = [item["start"] for item in items]
    out = list(items)
    replaced: dict[int, dict] = {}
    for match in pattern.finditer(text):
        first = bisect.bisect_left(starts, match.start())
        if first > 0 and items[first - 1]["end"] > match.start():
            first -= 1
        inside = []
        k = first
        while k < len(items) and items[k]["start"] < match.end():
            inside.append(k)
            k += 1
        if not inside or any(items[j]["start"] < match.start() or items[j]["end"] > match.end() for j in inside):
            continue  # a mention reaching out of the name: leave it
        if len(inside) == 1 and items[inside[0]]["end"] - items[inside[0]]["start"] == match.end() - match.start():
            continue
        head = items[inside[0]]
        labels = [items[j]["label"] for j in inside]
        merged = {
            **head,
            "end": match.end(),
            "text": text[match.start() : match.end()],
            "start": match.start(),
            "canonical": "",
            "label": max(set(labels), key=labels.count),
        }
        replaced[inside[0]] = merged
        for j in inside[1:]:
            replaced[j] = {}
    if not replaced:
        return out
    return [replaced.get(k, item) for k, item in enumerate(out) if replaced.get(k, item)]


def _definitions(doc, items: list[dict]) -> dict[str, tuple[str, str]]:
    """Aliases the article defines itself: "Name (ACR)", "ACR is an abbreviation for ...", "X, also known as Y"."""
    text = doc.text
    aliases: dict[str, tuple[str, str]] = {}
    counts: dict[tuple[str, str], int] = {}
    sentence_start = {s.index: s.start for s in doc.sentences}
    dateline_end = {s.index: s.start + dateline_length(s.text) for s in doc.sentences}
    for k, item in enumerate(items):
        resolved = (item["canonical"] or item["text"], item["label"])
        if k > 0 and item["start"] >= dateline_end[item["sentence_id"]]:  # "HALDEN (AW) —": an agency code
            prev = items[k - 1]
            between = text[prev["end"] : item["start"]]
            after = text[item["end"] : item["end"] + 1]
            place_mismatch = (  # "Housing Authority of New Orleans (HANO)": the acronym is not the city's
                prev["label"] in ("GPE", "LOC") and initials(prev["text"].split()) != item["text"].replace(".", "")
            )
            if (
                between in (" (", "(")
                and after == ")"
                and _is_acronym_of(item["text"], prev["text"])
                and not place_mismatch
            ) or (_AKA.search(between) and "\n" not in between):
                aliases.setdefault(item["text"], (prev["canonical"] or prev["text"], prev["label"]))
        head = text[sentence_start[item["sentence_id"]] : item["start"]]
        if not head.strip(" \"'“‘") and item["text"].isupper():
            tail = text[item["start"] : item["start"] + 80]
            if _DEFINITION.match(tail) and counts:
                orgs = [(pos, key) for key, (_, pos) in counts.items() if key[1] == "ORG"]
                if orgs:  # the organisation named most recently before the definition
                    aliases.setdefault(item["text"], max(orgs)[1])
        key = resolved
        n, _ = counts.get(key, (0, 0))
        counts[key] = (n + 1, k)
    return aliases


def _is_acronym_of(short: str, name: str) -> bool:
    """True for a short form in parentheses after a name ("IS" after "Islamic State")."""
    if len(short) > 8 or " " in short or not short[:1].isupper():
        return False
    letters = [ch for ch in short if ch.isalpha()]
    return bool(letters) and sum(ch.isupper() for ch in letters) >= len(letters) - 1 and len(name) > len(short)


def _is_state_code(surface: str) -> bool:
    """A US state's postal code or AP abbreviation ("NY", "D.C.", "Fla.")."""
    return surface in AP_STATE_ABBREVIATIONS or surface.replace(".", "") in us_state_codes()


def initials(words: list[str]) -> str:
    """The initials a name's acronym would spell: ``["Islamic", "State"]`` -> ``"IS"`` (skips "of", "the", ...)."""
    out = []
    for word in words:
        if word.lower() in ("of", "the", "and", "for", "&", "de", "on"):
            continue
        for part in re.split(r"[-\s]", word):
            if part[:1].isalpha():
                out.append(part[0].upper())
    return "".join(out)


def _may_shorten(word: str, target: dict) -> bool:
    """Whether one word may stand for a longer name of the article.

    Not the last word of a name the alias lexicon knows whole ("the House" is not
    the "White House": the lexicon lists the aliases its names have), and not
    the first word of a title before a person ("Senate" is not "Senate Majority
    Leader Dana Whitlow").
    """
    from analysis.entities.events import titled_person

    other = target["text"].split()
    if target["how"] == "lexicon" and other[0] != word:
        return False
    return titled_person(target["text"], strict=True) is None


_IN_PLACE = frozenset("in near outside inside across around".split())


def _placed(text: str, items: list[dict]) -> set[str]:
    """One-word names the article writes after "in", "near", ... or "the town of" at least once: places,
    whatever their type."""
    from analysis.entities.evidence import typing_cues

    place_of = typing_cues().place_of
    out = set()
    for item in items:
        if " " not in item["text"] and not item["text"].isupper():  # "a stake in GM" is no place
            before = text[max(0, item["start"] - 20) : item["start"]].split()
            after = text[item["end"] : item["end"] + 2]
            if not before or after[:2] in ("'s", "’s"):
                continue
            last = before[-1].lower()
            if last in _IN_PLACE or (last == "of" and len(before) > 1 and before[-2].lower() in place_of):
                out.add(item["text"])  # "in Belmarro", "the eastern town of Belmarro"
    return out


class LongerNames:
    """The ORG/GPE/LOC names of two words or more of an article, indexed by initials, first and last words.

    :meth:`find` answers "which longer name does this mention shorten?" by looking
    up the mention's words, instead of comparing it with every longer name: an
    article with thousands of distinct names stays near linear.

    Args:
        longer: the items (mention dicts with ``text`` and ``label``), in text order.
    """

    def __init__(self, longer: list[dict]) -> None:
        self.comparisons = 0  # candidates examined, for tests of the complexity
        self._by_initials: dict[str, list[int]] = {}
        self._by_edge: dict[tuple[str, ...], list[int]] = {}
        self._items = longer
        self._words = [item["text"].split() for item in longer]
        for k, words in enumerate(self._words):
            self._by_initials.setdefault(initials(words), []).append(k)
            for n in range(1, len(words)):
                self._by_edge.setdefault(("<", *words[:n]), []).append(k)
                self._by_edge.setdefault((">", *words[-n:]), []).append(k)

    def find(self, surface: str, words: list[str], item: dict) -> dict | None:
        """The first longer name (in text order) that ``surface`` shortens: prefix, suffix or acronym.

        Args:
            surface: the mention as written.
            words: its words.
            item: the mention itself (never its own answer).

        Returns:
            The longer name's item, or None.
        """
        acronym = surface.replace(".", "")
        n = len(words)
        if acronym.isupper() and 2 <= len(acronym) <= 6:
            candidates = self._by_initials.get(acronym, [])
        else:
            candidates = sorted(set(self._by_edge.get(("<", *words), [])) | set(self._by_edge.get((">", *words), [])))
        for k in candidates:
            self.comparisons += 1
            other, other_words = self._items[k], self._words[k]
            if other is item or len(other_words) <= n:
                continue
            if n == 1 and other_words[-1] == words[0] and other["label"] == "GPE":
                continue  # "York" alone is not short for "New York"
            return other
        return None


def _governs(doc, item: dict) -> bool:
    """True when a capital city stands for its government: "Moscow's ally", "Moscow said"."""
    text = doc.text
    after = text[item["end"] : item["end"] + 30]
    before = text[max(0, item["start"] - 20) : item["start"]].split()
    if before and before[-1].lower() in _LOCATIVE:
        return False
    if re.match(r"['’]s [a-z]", after):
        return True
    tokens = doc.tokens
    index = bisect.bisect_left(tokens, item["end"], key=lambda tok: tok.start)
    if index < len(tokens):
        pos = tokens[index].pos
        return (pos.startswith("VB") or pos == "MD") and pos not in ("VBN", "VBG")
    return False
