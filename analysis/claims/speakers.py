"""Who the speaker of each attribution is: names, pronouns, descriptions, carried-over quotes.

Given the attributions of one article (spans found by
:mod:`analysis.claims.attribution`) and its entity rows, :class:`SpeakerResolver`
sets each attribution's ``speaker`` (a canonical name, or a description such as
"officials") and ``speaker_type``, in text order, using the word sets of the
claims lexicon (:class:`SpeakerWords`).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass

from analysis.claims.lexicon import norm
from analysis.claims.model import GPE, NORP, ORG, PERSON, T_ANON, T_BODY, T_DOC, T_OUTLET, T_PERSON, Attribution
from analysis.claims.view import FINITE
from analysis.entities import sex_clash
from analysis.text import Document

__all__ = ["PRONOUNS", "SpeakerResolver", "SpeakerWords"]

#: Personal pronouns that can be a speaker.
PRONOUNS = {"he": "he", "she": "she", "they": "they", "it": "it", "we": "we", "i": "i"}
_DETERMINERS = frozenset("a an the".split())
#: How many speakers and persons back a he/she looks for gender evidence (bounded: linear time on
#: a sentence of thousands of "she said").
_NEARBY = 40
_ASKING = frozenset("asked asks asking wondered questioned".split())
_MALE_PRONOUNS = frozenset("he his him himself".split())
_FEMALE_PRONOUNS = frozenset("she her hers herself".split())
#: Titles and role nouns that tell a person's gender, for he/she speakers (lower case, no period).
_FEMALE_ROLES = frozenset(
    """ms mrs miss madam mme dame lady queen princess duchess baroness countess sister mother wife daughter widow
    grandmother aunt niece actress spokeswoman chairwoman congresswoman businesswoman""".split()
)
_MALE_ROLES = frozenset(
    """mr sir lord king prince duke baron count brother father husband son widower grandfather uncle nephew
    spokesman chairman congressman businessman""".split()
)


#: Up to five words right before a name, on its line and in its clause, that start there
#: ("Democratic presidential nominee ", "former secretary of state "; not "... Voss said. Opposition ").
_ROLE_BEFORE = re.compile(r"(?<![\w.,;:'’\"“”])[^\S\n]*((?:\b[A-Za-z][a-z-]*[^\S\n]+){1,5})$")


#: Words after which an appositive no longer names the role ("an engineer at the site").
_APPOSITION_STOPS = frozenset("to for of at in with on from who which that and".split())


def _role_of(appositive: str) -> list[str]:
    """The words of an appositive (normal form) that name the role, up to its preposition or clause."""
    words = appositive.split()
    cut = next((k for k, w in enumerate(words) if k and w in _APPOSITION_STOPS), len(words))
    return words[:cut]


#: Words of a role that name the same thing ("the GOP nominee" is the Republican nominee).
_SAME_ROLE = {"gop": "republican", "tory": "conservative", "dem": "democratic", "democrat": "democratic"}
#: A title's abbreviation is its role ("Gov. Chris Christie" ... "the governor added").
_SAME_ROLE |= {
    f"{short}{dot}": role
    for short, role in (
        ("gov", "governor"), ("sen", "senator"), ("rep", "representative"), ("gen", "general"),
        ("lt", "lieutenant"), ("col", "colonel"), ("capt", "captain"), ("sgt", "sergeant"), ("adm", "admiral"),
        ("amb", "ambassador"), ("sec", "secretary"), ("pres", "president"), ("atty", "attorney"),
        ("supt", "superintendent"), ("cmdr", "commander"),
    )
    for dot in ("", ".")
}  # fmt: skip


@dataclass(frozen=True)
class SpeakerWords:
    """The claims lexicon's speaker word sets (lower case), see ``claims.yml``."""

    anonymous: frozenset[str]
    bodies: frozenset[str]
    roles: frozenset[str]
    speaks_for: frozenset[str]
    outlets: frozenset[str]
    documents: frozenset[str] = frozenset()
    described: frozenset[str] = frozenset()  # role nouns written before a name ("presidential nominee X")


class SpeakerResolver:
    """Give every attribution its speaker name and type, in text order.

    Args:
        words: the speaker word sets of the claims lexicon.
        doc: the processed article.
        ents: its entity rows, sorted by start.
        ent_starts: the start offsets of ``ents``.
        para_of: the paragraph index of each sentence.
        found: the article's attributions, in text order; resolved in place by :meth:`run`.
    """

    def __init__(
        self,
        words: SpeakerWords,
        doc: Document,
        ents: list[dict],
        ent_starts: list[int],
        para_of: dict[int, int],
        found: list[Attribution],
    ) -> None:
        self.f = words
        self.doc = doc
        self.ents = ents
        self.ent_starts = ent_starts
        self.para_of = para_of
        self.found = found
        body = [s.index for s in doc.sentences if s.kind == "body"]
        self.body = body
        self.body_rank = {index: rank for rank, index in enumerate(body)}
        self._sent_starts = [s.start for s in doc.sentences]
        self._token_starts = [t.start for t in doc.tokens]
        # per pronoun: (the history list read, how much of it, the persons in it who may be that pronoun, their names)
        self._people_cache: dict[str, tuple[list[Attribution] | None, int, list[Attribution], set[str]]] = {}
        self._debris = {s.index for s in doc.sentences if s.is_debris}
        self.by_sentence: dict[int, list[Attribution]] = {}
        for a in found:
            self.by_sentence.setdefault(a.sentence, []).append(a)
        self.roles: dict[str, set[str]] = {}
        text = doc.text
        for e in ents:
            if e.get("label") != PERSON:
                continue
            if e.get("title"):
                self.roles.setdefault(str(e["canonical"]), set()).update(norm(str(e["title"])).split())
            # "Democratic presidential nominee Maria Lenz", "former secretary of state Maria Lenz": the
            # words written before the name name her role too ("the Democratic nominee said" is her)
            party = text[max(0, int(e["start"]) - 20) : int(e["start"])].split()[-1:]
            party = [_SAME_ROLE.get(w.lower(), w.lower()) for w in party if w[:1].isupper()]
            if party and party[0] in _PARTIES:  # "Republican Tom Varga", "Democrat Ana Lenz"
                self.roles.setdefault(str(e["canonical"]), set()).add(party[0])
            role = self._role_before(int(e["start"]))
            if role:
                self.roles.setdefault(str(e["canonical"]), set()).update(role)
            # "Maria Lenz, an engineer at the site, ...": the appositive names her role, up to its
            # preposition ("a senior adviser to the Lenz campaign" is an adviser, not a campaign)
            end = int(e["end"])
            if text.startswith((", a ", ", an ", ", the "), end):
                stop = text.find(",", end + 2, end + 80)
                if stop > 0:
                    self.roles.setdefault(str(e["canonical"]), set()).update(_role_of(norm(text[end + 2 : stop])))
        self.pronouns = self._pronoun_evidence()

    def _role_before(self, start: int) -> list[str]:
        """The role written right before a name: nouns and adjectives ending in a role noun.

        "Democratic presidential nominee Maria Lenz" -> democratic, presidential, nominee;
        "former secretary of state Maria Lenz" -> former, secretary, of, state; nothing
        before "said Maria Lenz" or "the campaign and Maria Lenz".
        """
        found = _ROLE_BEFORE.search(self.doc.text, max(0, start - 60), start)
        if not found:
            return []
        tokens = self.doc.tokens
        k = bisect_left(self._token_starts, start) - 1
        words: list[str] = []
        while k >= 0 and tokens[k].start >= found.start(1) and len(words) < 5:
            tok = tokens[k]
            if not (tok.pos.startswith(("JJ", "NN")) or (tok.text == "of" and words)):
                break
            words.append(tok.text.lower())
            k -= 1
        words.reverse()
        while words and words[0] == "of":
            words = words[1:]
        return words if words and (words[-1] in self.f.roles or words[-1] in self.f.described) else []

    def run(self) -> None:
        history: list[Attribution] = []  # resolved, in order
        chain_speaker: dict[int, Attribution] = {}
        for a in self.found:
            if a.kind == "passive":
                a.speaker, a.speaker_type = "", T_ANON
            elif a.kind == "inherit" and a.source is not None:
                src = a.source  # the sentence's earlier attribution, resolved already
                _take_speaker(src, a)
            elif a.kind == "chain":
                src = chain_speaker.get(a.chain) or self._chain_ahead(a) or self._carry(a, history)
                if src is not None:
                    _take_speaker(src, a)
                    a.cue = ""
                    a.source = src  # the quotation it continues (analysis.claims.quotations.join_quotations)
                    if a.chain >= 0:  # one pair of quote marks, one speaker: past an ellipsis "..." too
                        chain_speaker.setdefault(a.chain, a)
                else:
                    a.speaker, a.speaker_type = "", T_ANON
            else:
                self._resolve(a, history)
            for chain in (a.chain, a.split_chain):  # a quote split by its cue: the chains of both halves
                if chain >= 0 and a.kind != "chain" and chain not in chain_speaker:
                    chain_speaker[chain] = a
            history.append(a)

    # chains and carried-over quotes
    def _chain_ahead(self, a: Attribution) -> Attribution | None:
        for b in self.found:
            if b.chain == a.chain and b.kind != "chain" and b.sentence > a.sentence:
                if not b.speaker_type:
                    self._resolve(b, [x for x in self.found if x.sentence < b.sentence and x.speaker_type])
                return b
        return None

    def _carry(self, a: Attribution, history: list[Attribution]) -> Attribution | None:
        rank = self.body_rank.get(a.sentence, -1)
        # a quoted question between them is no claim and has no row: '"Y," he said. "What works?
        # Z."' carries his name over the question to Z
        while rank > 0 and self._unattributed_question(self.body[rank - 1]):
            rank -= 1
        for b in reversed(history):
            if (
                self.body_rank.get(b.sentence, -9) == rank - 1
                and b.kind != "passive"
                and b.speaker_type
                and self.para_of.get(a.sentence, -1) - self.para_of.get(b.sentence, -5) <= 1
            ):
                return b
            if self.body_rank.get(b.sentence, -9) < rank - 1:
                break
        return None

    def _unattributed_question(self, index: int) -> bool:
        """True for a sentence with no attribution that ends in a question mark (inside quotes too)."""
        return index not in self.by_sentence and self.doc.sentences[index].text.rstrip(" \"”’'»").endswith("?")

    # speakers
    def _entities_in(self, start: int, end: int) -> list[dict]:
        i = bisect_left(self.ent_starts, start)
        out = []
        while i < len(self.ents) and self.ent_starts[i] < end:
            if int(self.ents[i]["end"]) <= end:
                out.append(self.ents[i])
            i += 1
        return out

    def _resolve(self, a: Attribution, history: list[Attribution]) -> None:
        if a.speaker_type:
            return
        head = a.head
        ents = self._entities_in(a.speaker_start, a.speaker_end)
        hs, he = a.head_start, a.head_end
        head_ent = next((e for e in ents if int(e["start"]) <= hs and he <= int(e["end"])), None)
        if head_ent is None and head in self.f.speaks_for:
            after = [e for e in ents if int(e["start"]) >= he and e.get("label") in (ORG, GPE)]
            if after:  # "a spokeswoman for the Ministry of Health in Vessa": the ministry, not the place
                head_ent = next((e for e in after if e.get("label") == ORG), after[0])
        if head_ent is not None:
            if int(head_ent["start"]) <= hs:  # the head is a name: the span is the name(s), no title
                first = min(int(e["start"]) for e in ents if int(e["start"]) <= int(head_ent["start"]))
                a.speaker_start, a.speaker_end = first, int(head_ent["end"])
                a.speaker_text = self.doc.text[first : a.speaker_end]
            self._from_entity(a, head_ent)
            before = [e for e in ents if int(e["end"]) <= int(head_ent["end"])]
            together = _co_speakers(self.doc.text, before, str(head_ent.get("label", PERSON)))
            if len(together) > 1:  # "Barr and Rosenstein said", "Vessa and Orlen said": kept together
                a.speaker = " and ".join(together)
            return
        if head in PRONOUNS and a.speaker_end - a.speaker_start <= 5:  # "he" ... "their"
            self._resolve_pronoun(a, history)
            return
        tag_proper = self._head_is_proper(a)
        if tag_proper and not ents:
            name = _strip_det(a.speaker_text)
            words = set(norm(name).split())
            # a surname the entity rows missed: an earlier person whose name ends with it
            last = norm(name).split()[-1] if name else ""
            for e in reversed(self._mentions_before(a)):
                if e.get("label") == PERSON and norm(str(e["canonical"])).split()[-1:] == [last]:
                    a.speaker, a.speaker_type = str(e["canonical"]), T_PERSON
                    return
            a.speaker = name
            a.speaker_type = T_BODY if words & self.f.bodies else T_PERSON
            return
        self._resolve_description(a, history)

    def _head_is_proper(self, a: Attribution) -> bool:
        hs = a.head_start  # the speaker may sign after the quote's sentence: look in the whole document
        k = bisect_left(self._token_starts, hs)
        if k < len(self._token_starts) and self._token_starts[k] == hs:
            t = self.doc.tokens[k]
            return t.pos in ("NNP", "NNPS") and t.text[:1].isupper()
        return False

    def _from_entity(self, a: Attribution, e: dict) -> None:
        a.speaker = str(e["canonical"])
        label = e.get("label")
        words = set(norm(str(e.get("text", ""))).split()) | set(norm(a.speaker).split())
        if label == PERSON:
            a.speaker_type = T_PERSON
            if a.appositive:
                self.roles.setdefault(a.speaker, set()).update(_role_of(a.appositive))
        elif label == NORP:
            a.speaker_type = T_ANON
        elif words & self.f.outlets:
            a.speaker_type = T_OUTLET
        else:
            a.speaker_type = T_BODY

    def _type_of(self, a: Attribution) -> str:
        head = a.head
        phrase = norm(a.speaker_text)
        if head in self.f.outlets or any(o in phrase for o in self.f.outlets if " " in o):
            return T_OUTLET
        if head in self.f.anonymous and (a.indefinite or head.endswith("s")):
            return T_ANON
        if head in self.f.documents:
            return T_DOC
        if head in self.f.speaks_for or head in self.f.bodies:
            return T_BODY
        if head in self.f.roles:
            return T_PERSON
        return T_ANON

    def _resolve_description(self, a: Attribution, history: list[Attribution]) -> None:
        a.speaker = _strip_det(a.speaker_text)
        a.speaker_type = self._type_of(a)
        definite = norm(a.speaker_text).startswith("the ")
        if not definite:
            return
        head = a.head
        before = self._mentions_before(a)
        if a.speaker_type == T_BODY:
            for e in reversed(before):
                if e.get("label") == ORG:
                    names = set(norm(str(e.get("text", ""))).split()) | set(norm(str(e["canonical"])).split())
                    if head in names:
                        self._from_entity(a, e)
                        return
            return
        if a.speaker_type in (T_PERSON, T_ANON):
            persons = [e for e in before if e.get("label") == PERSON]
            # the person whose roles share the head and most of the description's other words
            # ("the Democratic nominee" is the Democratic one of two nominees), nearest first
            described = {_SAME_ROLE.get(w, w) for w in norm(a.speaker_text).split()} - {"the"}
            # a party or a country in the description must be the person's ("the Democratic
            # nominee" is not the Republican one)
            proper = {_SAME_ROLE.get(w.lower(), w.lower()) for w in a.speaker_text.split()[1:] if w[:1].isupper()}
            best, best_score = None, 0
            for e in reversed(persons):
                roles = {_SAME_ROLE.get(w, w) for w in self.roles.get(str(e["canonical"]), ())}
                named = roles | set(norm(str(e["canonical"])).split())  # "the Lenz campaign" names Lenz
                if head in roles and proper <= named and len(described & named) > best_score:
                    best, best_score = e, len(described & named)
            if best is not None:
                a.speaker, a.speaker_type = str(best["canonical"]), T_PERSON
                return
            for b in reversed(history):
                if b.head == head and b.speaker and b.speaker_type in (T_ANON, T_PERSON) and b is not a:
                    a.speaker, a.speaker_type = b.speaker, b.speaker_type
                    return
            rank = self.body_rank.get(a.sentence, -1)
            if head in self.f.described and rank > 0:
                # "Clinton says ... . The Democratic presidential nominee says ...": a description of
                # a role no one holds in this article is the person the sentence before is about,
                # when no party or country in it is another one's
                subject = self._subject_person(self.body[rank - 1], "")
                if subject is not None and not _party_clash(proper, self.roles.get(subject, set())):
                    a.speaker, a.speaker_type = subject, T_PERSON
                    return
                # "the Democratic nominee" and the one person named with "Democrat" before her name
                party = proper & _PARTIES
                members = {str(e["canonical"]) for e in persons if party & self.roles.get(str(e["canonical"]), set())}
                if party and len(members) == 1:
                    a.speaker, a.speaker_type = members.pop(), T_PERSON
                    return
            if not persons and head in self.f.roles:
                ahead = self._named_person_next(a)
                if ahead is not None:
                    a.speaker, a.speaker_type = ahead, T_PERSON

    def _mentions_before(self, a: Attribution) -> list[dict]:
        i = bisect_left(self.ent_starts, a.speaker_start)
        sent_of = self._sentence_of
        return [e for e in self.ents[:i] if sent_of(int(e["start"])) not in self._debris]

    def _persons_before(self, a: Attribution, pronoun: str) -> Iterator[dict]:
        """The PERSON entities before the speaker outside debris that ``pronoun`` may name, nearest first."""
        debris = self._debris
        for k in range(bisect_left(self.ent_starts, a.speaker_start) - 1, -1, -1):
            e = self.ents[k]
            if e.get("label") != PERSON or self._sentence_of(int(e["start"])) in debris:
                continue
            if self._may_be(str(e["canonical"]), pronoun):
                yield e

    def _asks(self, entity: dict) -> bool:
        """True when the person is named as the one asking ("Keller asked whether ...", "asked
        Tom Keller of the Ledger"): the answer that follows is someone else's."""
        text = self.doc.text
        start, end = int(entity["start"]), int(entity["end"])
        after = norm(text[end : end + 30]).split()
        before = norm(text[max(0, start - 12) : start]).split()
        return bool(after and after[0] in _ASKING) or bool(before and before[-1] in _ASKING)

    def _rank_of(self, entity: dict) -> int:
        """The body rank of the sentence holding ``entity`` (-9 outside the body)."""
        return self.body_rank.get(self._sentence_of(int(entity["start"])), -9)

    def _sentence_of(self, offset: int) -> int:
        return max(bisect_right(self._sent_starts, offset) - 1, 0)

    def _people_so_far(self, history: list[Attribution], pron: str) -> tuple[list[Attribution], set[str]]:
        """The named persons who have spoken so far and may be ``pron``, and their names.

        ``history`` only grows while an article is resolved, so the list is
        extended with what was added since the last call instead of rebuilt
        (linear, not quadratic, in an article with thousands of attributions).
        """
        held, seen, people, said = self._people_cache.get(pron, (None, 0, [], set()))
        if held is not history or seen > len(history):
            seen, people, said = 0, [], set()
        for b in history[seen:]:
            if b.speaker_type == T_PERSON and b.speaker not in ("", "he", "she") and self._may_be(b.speaker, pron):
                people.append(b)
                said.add(b.speaker)
        self._people_cache[pron] = (history, len(history), people, said)
        return people, said

    def _subject_person(self, index: int, pronoun: str) -> str | None:
        """The person named before the first finite verb of sentence ``index`` (its subject), when
        ``pronoun`` (if given) may name them: the only person named before that verb, or the one
        right before it ("Giving a speech in Toledo, Clinton says")."""
        sentence = self.doc.sentences[index]
        verb = next((t.start for t in self.doc.sentence_tokens(index) if t.pos in FINITE), sentence.end)
        lo, hi = bisect_left(self.ent_starts, sentence.start), bisect_left(self.ent_starts, verb)
        persons = [e for e in self.ents[lo:hi] if e.get("label") == PERSON]
        between = self.doc.text[int(persons[-1]["end"]) : verb].split() if persons else []
        adjacent = persons and len(between) <= 1 and not set(",;:") & set("".join(between))
        name = str(persons[-1]["canonical"]) if len(persons) == 1 or adjacent else ""
        if name and not self._asks(persons[-1]) and (not pronoun or self._may_be(name, pronoun)):
            return name
        return None

    def _named_person_next(self, a: Attribution) -> str | None:
        """The named PERSON speaking in the next body sentence, if any."""
        rank = self.body_rank.get(a.sentence, -1)
        following = self.body[rank + 1] if 0 <= rank + 1 < len(self.body) else None
        for b in self.by_sentence.get(following, ()):
            if b.speaker_start >= 0:
                ents = self._entities_in(b.speaker_start, b.speaker_end)
                persons = [e for e in ents if e.get("label") == PERSON]
                if persons and b.head not in PRONOUNS:
                    return str(persons[-1]["canonical"])
        return None

    def _pronoun_evidence(self) -> dict[str, list[int]]:
        """Count, for each person, the he/his/him and she/her/hers words that follow the person's
        name in sentences naming no other person, outside direct quotes: the article's own
        pronouns for that person ("Varga said her office ..."); a pronoun that is itself a
        speaker ("..., she said") is left out, as it may name someone else."""
        counts: dict[str, list[int]] = {}
        quoted = [(a.content_start, a.content_end) for a in self.found if a.quote == "direct"]
        quoted.sort()
        speakers = {a.speaker_start for a in self.found}  # "..., she said": may name someone else
        qi = 0
        for sentence in self.doc.sentences:
            if sentence.kind != "body":
                continue
            i = bisect_left(self.ent_starts, sentence.start)
            people: dict[str, int] = {}
            while i < len(self.ents) and self.ent_starts[i] < sentence.end:
                e = self.ents[i]
                if e.get("label") == PERSON:
                    people.setdefault(str(e["canonical"]), int(e["end"]))
                i += 1
            if len(people) != 1:
                continue
            ((name, after),) = people.items()
            tally = counts.setdefault(name, [0, 0])
            for t in self.doc.sentence_tokens(sentence.index):
                while qi < len(quoted) and quoted[qi][1] <= t.start:
                    qi += 1
                if t.start < after or t.start in speakers or (qi < len(quoted) and quoted[qi][0] <= t.start):
                    continue
                w = norm(t.text)
                if w in _MALE_PRONOUNS:
                    tally[0] += 1
                elif w in _FEMALE_PRONOUNS:
                    tally[1] += 1
        return counts

    def _may_be(self, canonical: str, pronoun: str) -> bool:
        """False when the person's titles or roles in the article ("Ms", "Mr", "spokeswoman") name
        the other gender than ``pronoun`` (he / she), or, with no such word, when the article's own
        pronouns for the person do (at least twice, and twice as often as ``pronoun``'s)."""
        by_role = self._role_gender(canonical, pronoun)
        if by_role:
            return by_role > 0
        mine, theirs = self._pronoun_counts(canonical, pronoun)
        return not (theirs >= 2 and theirs > 2 * mine)

    def _role_gender(self, canonical: str, pronoun: str) -> int:
        """+1 when the person's titles or roles name ``pronoun``'s gender, -1 the other, 0 neither; with no
        such word, the given name when it is listed for one sex only ("Donald Trump" is a "he")."""
        words = {w.rstrip(".") for w in self.roles.get(canonical, ())}
        own, other = (_FEMALE_ROLES, _MALE_ROLES) if pronoun == "she" else (_MALE_ROLES, _FEMALE_ROLES)
        by_role = 1 if not words.isdisjoint(own) else -1 if not words.isdisjoint(other) else 0
        if by_role or pronoun not in ("he", "she"):
            return by_role
        return -1 if sex_clash(pronoun, canonical) else 1 if sex_clash(_OTHER[pronoun], canonical) else 0

    def _pronoun_counts(self, canonical: str, pronoun: str) -> tuple[int, int]:
        """How often the article's pronouns for the person are ``pronoun`` and the other one."""
        he, she = self.pronouns.get(canonical, (0, 0))
        return (she, he) if pronoun == "she" else (he, she)

    def _resolve_pronoun(self, a: Attribution, history: list[Attribution]) -> None:
        """Resolve he/she (and they/it) speakers.

        he/she, among the people whose titles or roles do not name the other gender
        (:meth:`_may_be`): (1) the person speaking in the previous body sentence; else (2) the
        last person named in the previous body sentence (a speaker just
        introduced); else (3) a named person speaking in the next body sentence
        who has spoken before (the quote sits in that speaker's block); else (4)
        the last person to speak; else (5) the last person mentioned; else the
        pronoun is kept.
        they/it: the last official body or anonymous speaker of the previous
        two sentences, else the last organisation mentioned, else kept.
        """
        pron = a.head
        rank = self.body_rank.get(a.sentence, -1)
        if pron in ("he", "she"):
            by_subject = self._resolve_person_pronoun(a, history, pron, rank)
            if a.speaker and a.speaker != a.speaker_text and not by_subject and self._evidence(a.speaker, pron) == 0:
                # the choice has no title, role or pronoun of either gender: a person of the last two
                # sentences whose article says "she" / "Ms." (for "she") is the likelier one
                known = self._evidenced_nearby(a, history, pron, rank)
                if known is not None:
                    a.speaker = known
            return
        self._resolve_other_pronoun(a, history, pron, rank)

    def _evidence(self, canonical: str, pronoun: str) -> int:
        """+1 when the article's titles, roles or pronouns for the person name ``pronoun``'s gender,
        -1 when they name the other, 0 when they name none."""
        by_role = self._role_gender(canonical, pronoun)
        if by_role:
            return by_role
        mine, theirs = self._pronoun_counts(canonical, pronoun)
        return 1 if mine > theirs else -1 if theirs > mine else 0

    def _evidenced_nearby(self, a: Attribution, history: list[Attribution], pron: str, rank: int) -> str | None:
        """The nearest person named or speaking in this or the two body sentences before whom the
        article marks as ``pron``'s gender, or None."""
        for k, b in enumerate(reversed(history)):
            if k >= _NEARBY or self.body_rank.get(b.sentence, -9) < rank - 2:
                break
            if b.speaker_type == T_PERSON and b.speaker and self._evidence(b.speaker, pron) > 0:
                return b.speaker
        for k, e in enumerate(self._persons_before(a, pron)):
            if k >= _NEARBY or self._rank_of(e) < rank - 2:
                break
            if self._evidence(str(e["canonical"]), pron) > 0 and not self._asks(e):
                return str(e["canonical"])
        return None

    def _resolve_person_pronoun(self, a: Attribution, history: list[Attribution], pron: str, rank: int) -> bool:
        """he / she: the steps of :meth:`_resolve_pronoun`, (1) to (5).

        Returns:
            True when the speaker is the subject of the sentence before ("Trump has also commented on
            Crutcher's death. On Wednesday, he told ..."): the sentence's own structure, which a
            person merely named near it ("his death") does not outweigh.
        """
        people, said = self._people_so_far(history, pron)
        if people and self.body_rank.get(people[-1].sentence, -9) >= rank - 1:
            a.speaker, a.speaker_type = people[-1].speaker, T_PERSON
            return False
        persons = self._persons_before(a, pron)  # nearest first
        last = next(persons, None)
        introduced = last
        while introduced is not None and (self._rank_of(introduced) > rank - 1 or self._asks(introduced)):
            introduced = next(persons, None)  # the reporter who asked is not the one who answers
        if introduced is not None and self._rank_of(introduced) == rank - 1:
            # "Opposition leader Tomas Brandt disagreed. 'It is a cover-up,' he said."; the subject of
            # that sentence before a person it names later ("Brandt commented on the death of Ed Lusk.")
            subject = self._subject_person(self.body[rank - 1], pron)
            a.speaker, a.speaker_type = subject or str(introduced["canonical"]), T_PERSON
            return subject is not None
        ahead = self._named_person_next(a)
        if ahead is not None and ahead in said:
            a.speaker, a.speaker_type = ahead, T_PERSON
        elif people:
            a.speaker, a.speaker_type = people[-1].speaker, T_PERSON
        elif last is not None:
            a.speaker, a.speaker_type = str(last["canonical"]), T_PERSON
        else:
            a.speaker, a.speaker_type = a.speaker_text, T_PERSON
        return False

    def _resolve_other_pronoun(self, a: Attribution, history: list[Attribution], pron: str, rank: int) -> None:
        """they / it (and a pronoun no rule reads): the steps of :meth:`_resolve_pronoun`."""
        if pron in ("they", "it"):
            for b in reversed(history):
                if self.body_rank.get(b.sentence, -9) < rank - 2:
                    break
                if b.speaker and b.speaker_type in (T_BODY, T_ANON, T_OUTLET):
                    a.speaker, a.speaker_type = b.speaker, b.speaker_type
                    return
            orgs = [e for e in self._mentions_before(a) if e.get("label") == ORG]
            if orgs:
                self._from_entity(a, orgs[-1])
                return
        a.speaker, a.speaker_type = a.speaker_text, T_ANON if pron == "they" else T_PERSON


#: The pronoun of the other sex.
_OTHER = {"he": "she", "she": "he"}


#: Party words: a description naming one of them is not a person whose roles name another.
_PARTIES = frozenset("democratic republican conservative labour liberal libertarian independent green".split())


def _party_clash(described: set[str], roles: set[str]) -> bool:
    """True when the description names a party (or a proper word) the person's roles contradict."""
    roles = {_SAME_ROLE.get(w, w) for w in roles}
    said = described & _PARTIES
    held = roles & _PARTIES
    return bool(said and held and not said & held)


def _strip_det(phrase: str) -> str:
    words = phrase.split()
    if words and norm(words[0]) in _DETERMINERS:
        words = words[1:]
    return " ".join(words)


def _take_speaker(src: Attribution, dst: Attribution) -> None:
    """Give ``dst`` (a continued quote, a second verb) the speaker of ``src`` and its source words."""
    dst.speaker, dst.speaker_type = src.speaker, src.speaker_type
    dst.speaker_start, dst.speaker_end, dst.speaker_text = src.speaker_start, src.speaker_end, src.speaker_text


def _co_speakers(text: str, ents: list[dict], label: str = PERSON) -> list[str]:
    """The canonical names of the actors of one kind (``label``, the head's) a speaker phrase joins
    with "and" or commas, in order ("Barr and Rosenstein", "Lund, Ekberg and Sand", two countries);
    one name when the phrase names one."""
    people = [e for e in ents if e.get("label") == label]
    names: list[str] = []
    for k, e in enumerate(people):
        if k and norm(text[int(people[k - 1]["end"]) : int(e["start"])]).strip(" ,") not in ("and", ""):
            names = []
        if str(e["canonical"]) not in names:
            names.append(str(e["canonical"]))
    return names


def retype_speaker(kind: str | None, label: str | None) -> str | None:
    """A speaker's type once the event has voted on its entity's label (the per-event reduce).

    Only the two kinds an entity's label decides change: a speaker the article read as
    an organisation becomes a person when the event's label is PERSON ("Clinton" typed a
    town in one article), and the reverse for ORG and GPE. Outlets, documents and
    descriptions keep their kind.

    Example:
        >>> retype_speaker("official body", "PERSON"), retype_speaker("outlet", "PERSON")
        ('person', 'outlet')
    """
    if label == PERSON and kind == T_BODY:
        return T_PERSON
    if label in (ORG, GPE) and kind == T_PERSON:
        return T_BODY
    return kind
