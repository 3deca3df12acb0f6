"""Reporting cues in one sentence, each with its speaker and content.

A cue is a reporting phrase of the claims lexicon (``said``, ``told``, ``believes``,
``wants to``, ``called for``) outside quotes. :class:`CueReader` decides, per cue, whether it
reports (not a noun, a naming "called", a passive, a question, denied speech), finds its
speaker (:mod:`analysis.claims.noun_phrases`) and its content
(:mod:`analysis.claims.contents`), and reads the verbless shapes
(:mod:`analysis.claims.verbless`) of the sentence beside them.
"""

from __future__ import annotations

from collections.abc import Sequence

from analysis.claims.contents import (
    block_after_colon,
    continue_after_cue,
    denied_clause,
    directify,
    drop_second_verb,
    forward_start,
    interrupted,
    main_clause_start,
    object_start,
    resume_after_speaker,
    trailing,
)
from analysis.claims.lexicon import ClaimLexicon, PhraseMatcher
from analysis.claims.model import Attribution
from analysis.claims.noun_phrases import appositive, head_of, np_left, np_right, set_speaker
from analysis.claims.objects import object_end, relative_end
from analysis.claims.spans import content_span, drop_appositive, drop_outlet_clause, outside, trim_end
from analysis.claims.verbless import according, nominal, transcript
from analysis.claims.view import FINITE, SentenceView, tok_at
from analysis.claims.words import (
    ADDRESSEE_CUES,
    NOT_NP,
    NOUN_TAGS,
    NP_TAGS,
    QUESTION_LEADS,
    QUOTE_MARKS,
    SUBORDINATORS,
    TIME_LEAD,
    TIME_WORDS,
    WH_WORDS,
)
from analysis.text.quotes import Quote

_MODIFIER_TAGS = frozenset("DT PRP$ POS JJ".split())
#: Dashes that set off an aside ("Kall -- co-editor of a book on the debates -- said").
_ASIDE_DASHES = frozenset("-- — –".split())
_SKIP_BEFORE_CUE = frozenset(
    "also later previously earlier repeatedly reportedly separately then again once recently "
    "has have had would will could may might did does do 've 'd not n't never is was were are "
    "already further publicly privately just long still often always".split()
)
_BE = frozenset("was is were are been be 's".split())
_PROGRESSIVE_BE = frozenset("is are was were am been 's 're".split())
_PARTICIPLE_SUFFIX = "ing"
_SPEECH_NEGATIONS = frozenset("not never".split())  # and every "n't" form
_DECLINING = frozenset("declined declines decline declining refused refuses refuse refusing".split())
#: Cues that also name things ("a group called Tidewatch"): they report only after a definite speaker.
_NAMING_CUES = frozenset("called calls".split())
#: Wh-words whose clause a speaker reports rather than asks about: "explained how", "said why".
_MANNER = frozenset("how why".split())
#: Cues that ask: a wh-clause after them is a question.
_ASKING = frozenset("asked asks ask asking wondered wonders questioned questions question".split())


class CueReader:
    """Read the reporting cues of one sentence at a time (see module docstring).

    Args:
        lexicon: the merged claims lexicon.
    """

    def __init__(self, lexicon: ClaimLexicon) -> None:
        self._intentions = lexicon.words("intentions")
        self._object_cues = lexicon.words("object_cues")
        self._nominal_cues = lexicon.words("nominal_cues")
        self._documents = lexicon.words("documents")
        self._cues = PhraseMatcher(
            lexicon.phrases("cues") + lexicon.phrases("intentions") + lexicon.phrases("object_cues")
        )
        self._plain_cues = lexicon.words("cues")
        self._colon_cues = lexicon.matcher("colon_cues")
        self._page_labels = lexicon.words("page_labels")
        self._heads = (
            lexicon.words("anonymous")
            | lexicon.words("official_bodies")
            | lexicon.words("person_roles")
            | lexicon.words("outlets")
            | self._documents
        )

    def sentence(self, v: SentenceView, quotes: list[Quote], text: str) -> list[Attribution]:
        """The attributions of one body sentence, speakers not yet resolved (their spans are)."""
        words, n = v.words, len(v.words)
        cues: list[tuple[int, int]] = []
        i = 0
        while i < n:
            m = self._cues.match_at(words, i) if v.quote_of[i] < 0 else 0
            if not m and v.quote_of[i] < 0:  # "Limbaugh continued: “...”"
                m = self._colon_cues.match_at(words, i)
                m = m if m and i + m < n and words[i + m] == ":" else 0
            if m and not _denied_speech(words, i):
                cues.append((i, i + m))
                i += m
            else:
                i += 1
        results: list[Attribution] = nominal(v, text, self._nominal_cues, self._heads) + transcript(
            v, text, self._page_labels
        )
        # each accepted cue: (left boundary token, attribution list)
        accepted: list[tuple[int, int, list[Attribution]]] = []
        for c0, c1 in cues:
            got = self._cue(v, c0, c1, quotes, text, results)
            if got:
                left = min(
                    [c0]
                    + [
                        tok_at(v, a.speaker_start)
                        for a in got
                        if a.speaker_start >= 0 and a.speaker_start < v.toks[c0].start
                    ]
                )
                accepted.append((left, c0, got))
                results.extend(got)
        # a forward content stops where a later, comma-separated attribution begins
        for k, (_, _, got) in enumerate(accepted):
            for a in got:
                if a.quote != "indirect" or a.content_start < a.cue_end:
                    continue
                for left, _, _later in accepted[k + 1 :]:
                    stop = v.toks[left].start
                    if stop >= a.content_end:
                        break  # later attributions start further on (their cues come in order)
                    if (
                        a.content_start < stop < a.content_end
                        and left > 0
                        and words[left - 1] in (",", "and", "but", ";")
                    ):
                        a.content_end = trim_end(text, a.content_start, v.toks[left - 1].start)
                        break
        # "Y (with its own reporting verb), X announced": the outer attribution only
        outer = [a for a in results if a.content_start < a.cue_start and a.speaker_start > a.content_end]
        if outer:
            results = outside(results, outer)
        return [a for a in results if a.content_end > a.content_start]

    def _cue(
        self, v: SentenceView, c0: int, c1: int, quotes: list[Quote], text: str, earlier: list[Attribution]
    ) -> list[Attribution]:
        words, tags = v.words, v.tags
        cue_words = words[c0:c1]
        phrase = " ".join(cue_words)
        toks = v.toks
        n = len(words)
        if phrase == "according to":
            return according(v, c0, c1, text)
        if c1 - c0 == 1 and tags[c0].startswith("JJ") and not phrase.endswith("ed"):
            return []
        if c0 > 0 and v.toks[c0].text[:1].isupper() and not v.toks[c0].text.isupper():
            return []  # "the United States", "Reports Say" in a title-cased line
        if (
            c1 - c0 == 1
            and tags[c0].startswith("NN")
            and not (c0 > 0 and tags[c0 - 1] in ("NNP", "NNPS", "PRP"))
            and not _progressive(v, c0)  # "is warning that": the tagger's noun is a verb after "is"
            and not self._verb_after_subject(v, c0, c1)
        ):
            return []  # "the claims", "the United States", "opposition claims"
        if c0 > 0 and tags[c0 - 1] in _MODIFIER_TAGS and tags[c0] not in FINITE and words[c0 - 1] != "that":
            return []  # "the reported attack", "its claims"
        if c1 - c0 == 1 and cue_words[0].endswith("s") and c1 < n and tags[c1] in FINITE and words[c1] != "that":
            return []  # "Health worries have dogged her", "The claims were false": a noun, the subject's head
        at = toks[c0].start
        held: bool | None = None  # whether an earlier report's content holds this cue: read once, when asked
        if phrase in self._intentions and c1 + 2 < n and words[c1] == "not" and words[c1 + 1] == "to":
            intention = True  # "vowed not to repeat the mistake"
        else:
            intention = c1 < n and words[c1] == "to" and phrase in self._intentions  # "wants to close the mine"
        if (
            not intention
            and phrase in self._intentions
            and c1 < n
            and tags[c1] in ("NNP", "NNPS", "PRP", "DT", "NNS")
            and not (held := _held_by_report(earlier, at))  # not inside a report
        ):
            # "voters expect Holt to win", "she wants the council to act": an object and its infinitive
            obj = np_right(v, c1)
            intention = obj is not None and obj[1] + 1 < n and words[obj[1]] == "to" and tags[obj[1] + 1] == "VB"
        if intention and not (c1 + 1 < n and words[c1 + 1][:1].isalnum()):
            return []  # "Varga wants to." says nothing
        if c1 < n and words[c1] == "to" and phrase not in ADDRESSEE_CUES and not intention:
            return []  # "is said to have", "claimed to be"
        clause_follows = c1 < n and words[c1] == "that" and tags[c0] in FINITE | {"VBN"}  # "expected that"
        if phrase in self._intentions and phrase not in self._plain_cues and not intention and not clause_follows:
            return []  # "the plan", "he wanted more": intention verbs report with "to" or "that"
        aux = c0 - 1 if c0 > 0 and words[c0 - 1] in ("has", "have", "had") else c0  # "has said"
        if aux == c0 and cue_words[0].endswith(_PARTICIPLE_SUFFIX) and c0 > 0 and words[c0 - 1] in _PROGRESSIVE_BE:
            aux = c0 - 1  # "is saying"
        cue = dict(cue=text[toks[aux].start : toks[c1 - 1].end], cue_start=toks[aux].start, cue_end=toks[c1 - 1].end)
        # passive "it was reported that Y"
        k = c0 - 1
        while k >= 0 and words[k] in _SKIP_BEFORE_CUE and words[k] not in _BE:
            k -= 1
        if (k >= 1 and words[k] in _BE and words[k - 1] == "it") or (
            k >= 2 and words[k] == "been" and words[k - 2] == "it"
        ):
            j = c1
            while j < min(n, c1 + 3) and words[j] != "that":
                j += 1
            if j < n and words[j] == "that":
                aux = k - 2 if words[k] == "been" and words[k - 1] in ("has", "had", "have") else k - 1  # from "it"
                c_start, c_end = content_span(v, j + 1, n, text)
                if c_end <= c_start:
                    return []
                return [
                    Attribution(
                        v.sentence.index,
                        text[toks[aux].start : toks[c1 - 1].end],
                        toks[aux].start,
                        toks[c1 - 1].end,
                        c_start,
                        c_end,
                        "indirect",
                        kind="passive",
                    )
                ]
            return []
        # participle after a comma ("..., adding that Y") or a second verb ("..., and claimed
        # that Y") takes the speaker of the sentence's earlier attribution
        participle = cue_words[0].endswith(_PARTICIPLE_SUFFIX) and c0 > 0 and words[c0 - 1] in (",", "and")
        # "Ruiz was quoted as saying Y": the subject of the passive "quoted" speaks
        participle = participle or (c0 > 1 and words[c0 - 1] == "as" and words[c0 - 2] == "quoted")
        conjoined = c0 > 0 and words[c0 - 1] in ("and", "but") and v.quote_of[c0 - 1] < 0
        # "The mayor toured the port and said Y": with no report before, the second verb's subject is the sentence's
        conjoined = conjoined and (
            (bool(earlier) and tags[c0] in FINITE) or (tags[c0] in FINITE | {"VBN"} and _subject_acts_before(v, c0 - 1))
        )
        if participle or conjoined:
            start = forward_start(v, c0, c1)
            if start is None:
                return []
            c_start, c_end = content_span(v, start, n, text)
            if c_end <= c_start:
                return []
            a = Attribution(
                v.sentence.index, quote="indirect", content_start=c_start, content_end=c_end, kind="inherit", **cue
            )
            if earlier:
                _copy_speaker(earlier[-1], a)
            else:
                sub = np_left(v, _subject_head(v), self._heads)
                if sub is None:
                    return []
                set_speaker(v, a, *sub, text)
            directify(v, a, quotes, text)
            return [a]
        if cue_words[0].endswith(_PARTICIPLE_SUFFIX) and not _progressive(v, c0):
            return []  # "a statement saying", not "the ministry is saying"
        # speaker to the left (skipping "also", "on Wednesday", auxiliaries)
        k = c0 - 1
        skipped = 0
        while k >= 0 and skipped < 5:
            if (
                words[k] in _SKIP_BEFORE_CUE
                or (tags[k] == "RB" and words[k] not in _SPEECH_NEGATIONS)
                or (words[k] in ("'s", "'re") and tags[k] != "POS")  # "he's claiming", "they're saying"
            ):
                k -= 1
                skipped += 1
            elif words[k] in TIME_WORDS and k >= 1 and words[k - 1] in TIME_LEAD:
                k -= 2
                skipped += 2
            elif _is_year(v, k) and k >= 1 and words[k - 1] in ("in", "since"):
                k -= 2  # "who in 2010 said", "Holt in 2014 wrote"
                skipped += 2
            else:
                break
        if k >= 1 and tags[k] == "VBN" and tags[k - 1] in NOUN_TAGS and words[k - 1] in self._documents:
            k -= 1  # "a GAO report released last year found": the participle describes the document
        if k >= 0 and words[k] == ")" and v.quote_of[k] < 0:
            # "Rep. Dana Holt (D-Ore.) said": skip the party and state, or any short aside in brackets
            opening = next((j for j in range(k - 1, max(k - 9, -1), -1) if words[j] == "("), -1)
            if opening > 0 and not v.finite_between(opening, k):
                k = opening - 1
        elif k >= 0 and words[k] in _ASIDE_DASHES and v.quote_of[k] < 0:
            # "Kall -- co-editor of a book on the debates -- said": an aside between dashes describes the speaker
            opening = next((j for j in range(k - 1, max(k - 30, -1), -1) if words[j] in _ASIDE_DASHES), -1)
            if opening > 0 and not v.finite_between(opening, k) and v.quote_of[opening] < 0:
                k = opening - 1
        relative = -1
        if k >= 0 and words[k] in NOT_NP:
            if not self._relative_speaker(v, k):
                return []  # "the claim that said ...", "this says": no speaker
            relative = k  # "Holt, who said Y": the person before the relative pronoun speaks
        if phrase in self._object_cues and phrase not in self._plain_cues and c1 < n and words[c1] in (",", "by", "as"):
            return []  # "the senator, criticized by ..."
        np = None
        if relative >= 0:
            np = np_left(v, relative - 2, self._heads)
        elif k >= 0 and words[k] == "," and v.quote_of[k] < 0:
            np = appositive(v, k, self._heads)
        elif k >= 0:
            np = np_left(v, k, self._heads)
        out: list[Attribution] = []
        if np is not None:
            a0, a1 = np
            if (
                (phrase not in self._plain_cues and any(w in _BE for w in words[a1:c0]))
                # a reporting verb right after "was" / "were" (adverbs between), no clause after it
                or (_passive_be(v, c0) and not (c1 < n and words[c1] == "that"))
            ) and not (cue_words[0].endswith(_PARTICIPLE_SUFFIX) and _progressive(v, c0)):
                # "are expected to return", "was described as", "a curfew was announced from
                # midnight": passive, the subject is what was reported, not its source ("she was
                # worried that ...", a state with its clause, stays hers)
                return []
            if phrase in _NAMING_CUES and (
                words[a0] in ("a", "an")
                or tags[a1 - 1] not in NOUN_TAGS | {"PRP"}
                or c1 >= n
                or words[c1] in ("a", "an")
                or words[c1] in QUOTE_MARKS
                or (a0 > 0 and words[a0 - 1] == "what")  # 'what he called Machado's "sex tape"'
                or _names_with_quote(v, c1)  # 'called the pageant winner "Miss Piggy"'
            ):
                return []  # "a group called Tidewatch", "called a strike", 'called "unprecedented"': naming
            if a0 > 0 and words[a0 - 1] in QUESTION_LEADS:
                return []  # "asked whether the mayor knew ...": a question, not a claim
            main_end = -1
            if a0 > 0 and words[a0 - 1] in SUBORDINATORS:
                # "..., days after the USA announced ...": an attribution inside a clause that
                # hangs off the outlet's own statement; the main clause ends at the comma
                sub = a0 - 1
                comma = next((j for j in range(sub - 1, max(sub - 5, -1), -1) if words[j] == ","), sub)
                main_end = toks[comma].start if comma > 0 else -1
            # content after the cue
            object_only = phrase in self._object_cues and phrase not in self._plain_cues
            start = c1 if intention else object_start(v, c1) if object_only else forward_start(v, c0, c1)
            if object_only and start is not None and words[start] == "that" and start + 1 < n:
                start += 1  # "urged that the council resign"
            # a reporting verb inside another report takes no noun phrase: "said its sample suggested a turnout"
            inside = phrase in self._plain_cues and (held if held is not None else _held_by_report(earlier, at))
            document = words[a1 - 1] in self._documents or words[head_of(words, a0, a1, tags)] in self._documents
            if start is None and (phrase in self._object_cues or document) and not inside:
                start = object_start(v, c1)  # "urged a recount", "the poll shows Ames ahead"
                object_only = start is not None  # a noun-phrase content: it ends as an object does
            after_that = start is not None and start > 0 and words[start - 1] == "that"  # "worried that if ..."
            if (
                start is not None
                and start < n
                and not after_that
                and (words[start] in QUESTION_LEADS or words[start] in WH_WORDS)
                and not (words[start] in _MANNER and phrase not in _ASKING and v.finite_between(start + 1, n))
            ):
                # "questioned whether the dam was safe": a question, not a claim; "told the host how
                # surprised he was", "explained why the plant closed" report the how and the why
                return []
            if start is not None and not object_only and start == c1 and words[c0] in ADDRESSEE_CUES:
                np_after = np_right(v, start, stop_at_that=True)
                k = np_after[1] if np_after is not None else -1
                # "warned state officials to boost security": an addressee and an order end as an object does
                object_only = 0 < k < n - 1 and words[k] == "to" and tags[k + 1] == "VB"
            if start is not None and start >= n and words[n - 1] == ":" and not out:
                block = block_after_colon(v, text)  # "The governor added:" and a paragraph set apart
                if block is not None:
                    a = Attribution(
                        v.sentence.index,
                        quote="direct",
                        content_start=block[0],
                        content_end=block[1],
                        kind="block",
                        **cue,
                    )
                    set_speaker(v, a, a0, a1, text)
                    return [a]
            if start is not None:
                stop = v.next_semicolon(start)  # "estimates that Y; the Center puts it at Z": Y ends at ";"
                if object_only or intention:  # "blasted the plan | when ...", "wants to run | , saying ..."
                    stop = object_end(words, tags, v.quote_of, start, stop)
                if relative >= 0:  # "Holt, who said Y, left": the relative clause ends before the main verb
                    stop = relative_end(words, tags, v.quote_of, start, stop)
                main_start = -1
                if 0 < a0 <= 2 and words[a0 - 1] in SUBORDINATORS:
                    clause = main_clause_start(v, start, stop)
                    if clause < stop:  # the outlet's own main clause follows the comma
                        main_start, stop = v.toks[clause + 1].start, clause
                c_start, c_end = content_span(v, start, stop, text)
                if c_end > c_start:
                    a = Attribution(v.sentence.index, quote="indirect", content_start=c_start, content_end=c_end, **cue)
                    set_speaker(v, a, a0, a1, text)
                    directify(v, a, quotes, text)
                    if a.quote == "indirect":
                        a.content_end = drop_second_verb(v, a.content_start, a.content_end, text, self._cues)
                        a.content_end = drop_appositive(v, a.content_start, a.content_end, text)
                        a.content_end = drop_outlet_clause(v, a.content_start, a.content_end, text)
                    a.main_end = main_end
                    a.main_start = main_start
                    if relative >= 0:
                        a.relative_end = toks[relative].end
                        if a0 > 0:  # "It was drafted by Holt, who said Y": the outlet's clause ends at the comma
                            a.main_end = toks[relative - 1].start
                    out.append(a)
            if relative >= 0:
                return out
            # content before the speaker: "Y, X said" / "\"Y,\" X said"
            if a0 > 0 and (words[a0 - 1] == "," or words[a0 - 1] in QUOTE_MARKS):
                a = trailing(v, a0, cue, text, quotes, earlier)
                if a is None and not out and words[a0 - 1] == ",":
                    a = interrupted(v, a0, c1, cue, text, earlier)  # "The fund, he said, will run dry"
                if a is not None and (a.quote == "direct" or not out):
                    set_speaker(v, a, a0, a1, text)
                    if a.quote == "indirect" and not out:
                        continue_after_cue(v, a, c1, text)
                    out.insert(0, a)
            return out
        # the cue opens the sentence: 'Said Holt: "Y."', "Added the mayor, 'Y.'"
        if c0 == 0 and phrase in self._plain_cues and phrase.endswith(("ed", "id", "ld")):
            right = np_right(v, c1)
            if right is not None and right[1] + 1 < n and words[right[1]] in (":", ","):
                c_start, c_end = content_span(v, right[1] + 1, n, text)
                if c_end > c_start:
                    a = Attribution(v.sentence.index, quote="indirect", content_start=c_start, content_end=c_end, **cue)
                    set_speaker(v, a, right[0], right[1], text)
                    directify(v, a, quotes, text)
                    return [a]
        # speaker after the cue: "\"Y,\" said X."
        if k >= 0 and (words[k] == "," or words[k] in QUOTE_MARKS) and phrase in self._plain_cues:
            right = np_right(v, c1)
            if right is not None:
                a = trailing(v, c0, cue, text, quotes, earlier)
                if a is not None:
                    set_speaker(v, a, right[0], right[1], text)
                    if a.quote == "direct":
                        resume_after_speaker(v, a, right[1], quotes, text)
                    return [a]
        return []

    def _verb_after_subject(self, v: SentenceView, c0: int, c1: int) -> bool:
        """A reporting verb the tagger calls a noun, right after its subject: "polls show a close race",
        "a document on the website states that"; an intention verb before "to" and a verb: "the campaign
        plans to hire", not "the plans to build" (a determiner before it)."""
        words, tags = v.words, v.tags
        n = len(words)
        if (
            c1 - c0 == 1
            and words[c0] in self._plain_cues
            and words[c0] not in self._nominal_cues
            and words[c0] not in self._documents
            and c0 > 0
            and tags[c0 - 1] in NOUN_TAGS
            and c1 < n
            and (tags[c1] in ("PRP", "DT", "NNP", "NNPS", "CD", "PRP$") or words[c1] == "that")
            and v.quote_of[c1] < 0
        ):
            return True  # "polls show a close race", "his tax returns show he lost": a verb after its subject
        return (
            words[c0] in self._intentions
            and c0 > 1
            and tags[c0 - 1] == "NN"
            and tags[c0 - 2] in ("DT", "NNP")
            and c1 + 1 < len(words)
            and words[c1] == "to"
            and tags[c1 + 1] == "VB"
        )

    def _relative_speaker(self, v: SentenceView, k: int) -> bool:
        """True when the relative pronoun at ``k`` opens a clause on a named or described speaker
        set off by a comma: "Dana Holt, who chairs the panel, said" is not this, "the panel's chair,
        Dana Holt, who said Y" is. "which" and "that" clauses hang on things and are left alone."""
        words, tags = v.words, v.tags
        if words[k] != "who" or k < 2 or words[k - 1] != "," or v.quote_of[k - 1] >= 0:
            return False
        np = np_left(v, k - 2, self._heads)
        return np is not None and tags[np[1] - 1] in NOUN_TAGS


# ------------------------------------------------------------------ utils
def _names_with_quote(v: SentenceView, c1: int) -> bool:
    """True when a short noun phrase and then a quoted name follow a naming verb: 'called the
    pageant winner “Miss Piggy”' gives a nickname, not a report ('called the plan “a disaster”'
    judges the plan, and stays a claim)."""
    words, n = v.words, len(v.words)
    for k in range(c1, min(c1 + 6, n)):
        if words[k] in QUOTE_MARKS and v.quote_of[k] >= 0:
            inner = [
                m for m in range(k + 1, min(k + 6, n)) if v.quote_of[m] == v.quote_of[k] and words[m][:1].isalnum()
            ]
            return k > c1 and bool(inner) and all(v.toks[m].text[:1].isupper() for m in inner)
        if v.tags[k] in FINITE or words[k] in ("that", ",", ".", ";", ":"):
            return False
    return False


def _denied_speech(words: Sequence[str], i: int) -> bool:
    """True when the cue at ``i`` is negated or declined: "did not say", "wouldn't say", "declined to say",
    or denied as a whole: "not that he is calling for ...", "It is not that Quell said ..."."""
    if i > 0 and (words[i - 1] in _SPEECH_NEGATIONS or words[i - 1].endswith("n't")):
        return True
    if i > 1 and words[i - 1] == "to" and words[i - 2] in _DECLINING:
        return True
    return denied_clause(words, i)


def _subject_head(v: SentenceView) -> int:
    """The last word of the sentence's subject: its first noun phrase, or a personal pronoun opening it."""
    if v.words and v.tags[0] == "PRP" and v.words[0] in _SUBJECT_PRONOUNS:
        return 0
    return _first_clause_head(v)


#: Personal pronouns that open a sentence as its subject ("He toured the port and said ...").
_SUBJECT_PRONOUNS = frozenset("he she they we i".split())


def _subject_acts_before(v: SentenceView, k: int) -> bool:
    """True when the sentence opens with its subject and that subject's finite verb comes before word ``k``
    ("The mayor toured the port | and said"), with no clause of another subject between ("The mayor
    left, and ..." or "..., but officials ..." are not)."""
    head = _subject_head(v)
    # the tagger reads a past tense after a subject as often as a participle ("The engineers checked")
    verb = next((j for j in range(head + 1, k) if v.tags[j] in FINITE or v.tags[j] == "VBN"), -1) if head >= 0 else -1
    if verb < 0 or any(v.words[j] in (",", "(", "—", "--") for j in range(head + 1, verb)):
        return False  # no verb of its own, or an aside between subject and verb ("The report, which ..., found")
    for j in range(verb + 1, k):
        if v.words[j] in (";", ":") or v.quote_of[j] >= 0 or v.tags[j] in FINITE:
            return False  # another clause between: "The mayor thinks the bridge is safe and said"
        if v.words[j] == "," and v.words[j + 1] in ("and", "but", "or", "while", "as"):
            return False  # "The mayor left early, but officials toured the site and said": their subject
    return v.words[k - 1] != ","


def _first_clause_head(v: SentenceView) -> int:
    """Index of the last noun of the sentence's first noun phrase (its subject, usually)."""
    k = 0
    n = len(v.words)
    while k < n and v.tags[k] in NP_TAGS and k < 14:
        k += 1
    return k - 1


def _passive_be(v: SentenceView, c0: int) -> bool:
    """True when a form of "be" stands right before the cue at ``c0`` (adverbs between): "was
    announced", "is observed", "were also posted"; not "'s", which is as often "has" or a possessive."""
    k = c0 - 1
    while k >= 0 and v.tags[k] == "RB" and v.words[k] not in _SPEECH_NEGATIONS:
        k -= 1
    return k >= 0 and v.words[k] in _PROGRESSIVE_BE and v.words[k] not in ("'s", "’s")


def _progressive(v: SentenceView, c0: int) -> bool:
    """True when the cue at ``c0`` is a progressive verb: "is saying", "was also telling", "are now warning"."""
    k = c0 - 1
    while k >= 0 and v.tags[k] == "RB" and v.words[k] not in _SPEECH_NEGATIONS:
        k -= 1
    return k >= 0 and v.words[k] in _PROGRESSIVE_BE


def _is_year(v: SentenceView, k: int) -> bool:
    """A year written as four digits ("2010"), read as a time, not as a number of things."""
    w = v.words[k]
    return v.tags[k] == "CD" and len(w) == 4 and w.isdigit() and w[:2] in ("19", "20")


def _held_by_report(earlier: Sequence[Attribution], at: int) -> bool:
    """Whether the content of one of the sentence's earlier attributions holds the offset ``at``."""
    return any(a.content_start <= at < a.content_end for a in earlier)


def _copy_speaker(src: Attribution, dst: Attribution) -> None:
    dst.speaker_start, dst.speaker_end = -1, -1
    dst.speaker_text = ""
    dst.head = src.head
    dst.source = src
    dst.kind = "inherit"
