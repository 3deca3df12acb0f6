"""Who said what: reporting cues, their speakers and their content, per sentence.

This module finds attributions; :mod:`analysis.claims` turns them into claim
rows. Patterns recognised (``X`` a speaker, ``Y`` the content):

* direct quotes: ``"Y," X said.``, ``"Y1," X said, "Y2."``, ``X said: "Y."``,
  ``"Y," said X.``, a quote running over several sentences or paragraphs (each
  sentence goes to the speaker named where the quote begins or ends), and a
  bare quote right after an attributed sentence (same speaker);
* a quote signed after a dash: ``"Y." ― X``;
* indirect speech: ``X said (that) Y``, ``Y, X added``, ``Y, said X``,
  ``Y1, X said, Y2``, ``according to X, Y`` / ``Y, according to X``, ``X told
  reporters Y``, ``X said Y, adding that Z``, passive ``it was reported that Y``
  (speaker "", anonymous);
* beyond speech (word lists in ``claims.yml``): belief and knowledge (``X
  believes / knew / fears Y``), documents that show or find (``the audit found
  Y``, ``a leaked memo shows Y``), intentions with their infinitive (``X wants
  to Y``), demands and descriptions with a noun-phrase content (``X called for
  Y``, ``X urged Y``), nominal cues after a possessor (``her view that Y``,
  ``the mayor's claim that Y``);
* not attributions: questions (``asked whether Y``, ``knows what Y``), denied
  speech (``did not say``), passives whose subject is no source (``are expected
  to``), a relative clause on an object (``found 3,412 that had been ...``);
* speakers: a name (the entity rows' canonical name; co-speakers joined, "A and
  B"), a pronoun (see :class:`~analysis.claims.speakers.SpeakerResolver`), a
  description ("the senior officer", "the ministry", "a spokesman for X",
  "officials", "a leaked memo") resolved to an entity where the article makes it
  clear and otherwise kept, with its speaker type. Every attribution whose source
  the text names has a speaker span; a continued quote points at the source
  words of the attribution it continues.

Everything is a bounded walk over the part-of-speech tagged tokens: time is
linear in the length of the text, whatever the punctuation.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence

from analysis.claims.headlines import headline_attribution
from analysis.claims.lexicon import ClaimLexicon, PhraseMatcher, norm
from analysis.claims.model import Attribution
from analysis.claims.objects import object_end, relative_end
from analysis.claims.spans import DASHES as _DASHES
from analysis.claims.spans import at_least_two_words as _at_least_two_words
from analysis.claims.spans import content_span as _content_span
from analysis.claims.spans import drop_appositive as _drop_appositive
from analysis.claims.spans import drop_dateline as _drop_dateline
from analysis.claims.spans import drop_outlet_clause as _drop_outlet_clause
from analysis.claims.spans import nested as _nested
from analysis.claims.spans import outside as _outside
from analysis.claims.spans import trim_end as _trim_end
from analysis.claims.spans import trim_span as _trim_span
from analysis.claims.speakers import PRONOUNS as _PRONOUNS
from analysis.claims.speakers import SpeakerResolver, SpeakerWords
from analysis.claims.view import FINITE as _FINITE
from analysis.claims.view import SentenceView as _Sent
from analysis.claims.view import tok_at as _tok_at
from analysis.text import Document, Sentence, paragraphs
from analysis.text.quotes import Quote, find_quotes

_NP_TAGS = frozenset("DT JJ JJR JJS NN NNS NNP NNPS POS PRP$ CD".split())
_NOUN_TAGS = frozenset("NN NNS NNP NNPS".split())
_MODIFIER_TAGS = frozenset("DT PRP$ POS JJ".split())
_VBN_SUBJECTS = frozenset("NN NNS NNP NNPS PRP CD".split())
_SUBJECT_TAGS = frozenset("NN NNS NNP NNPS PRP".split())
_CONNECT = frozenset("of for at from in and by to on".split())
# a speaker's head noun comes before these: "the complaint to the board on ethics", "a spokesman for X"
_HEAD_ENDS = _CONNECT - {"and"}
_NOT_NP = frozenset("that which who whom whose this these those there here what".split())
_SKIP_BEFORE_CUE = frozenset(
    "also later previously earlier repeatedly reportedly separately then again once recently "
    "has have had would will could may might did does do 've 'd not n't never is was were are "
    "already further publicly privately just long still often always".split()
)
_TIME_WORDS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday week month year day weekend "
    "morning evening night today yesterday".split()
)
_WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
_PARTS_OF_DAY = frozenset("morning afternoon evening night".split())
#: How far after a cue (in tokens) the verb of a reported clause may come: "says the program, run by
#: the department, has brought ...".
_CLAUSE_REACH = 22
_TIME_LEAD = frozenset("on last this earlier late early".split())
_SUBORDINATORS = frozenset("after before since until when while once because if although though whether unless".split())
_BE = frozenset("was is were are been be 's".split())
_PROGRESSIVE_BE = frozenset("is are was were am been 's 're".split())
_ADDRESSEE_CUES = frozenset("told tells telling warned warns warning reminded reminds assured assures".split())
_PARTICIPLE_SUFFIX = "ing"
_SENTENCE_END = frozenset(". ! ? ; ,".split())
_QUOTE_MARKS = frozenset("\" “ ” « » `` ''".split())
_SINGLE_QUOTES = frozenset("‘’")
_SCARE_QUOTE_WORDS = 3  # a quote this short, with the clause going on after it, is a quoted phrase
_SPEECH_NEGATIONS = frozenset("not never".split())  # and every "n't" form
_DECLINING = frozenset("declined declines decline declining refused refuses refuse refusing".split())
#: Words after a short quote that end the reported words ("he said 'no' and left").
_CLAUSE_JOINERS = frozenset("and but or nor before after then while as when because so".split())
#: Words that make the clause after them a question or a condition, not a claim ("whether she knew").
_QUESTION_LEADS = frozenset("whether if".split())
_CLAUSE_LINKS = frozenset("and or but , that which who ; :".split())
#: Cues that also name things ("a group called Tidewatch"): they report only after a definite speaker.
_NAMING_CUES = frozenset("called calls".split())
_WH_WORDS = frozenset("what how why who when where which".split())
#: Words whose "'s" is "is" or "has": "he's", "it's", "there's", "that's".
_CONTRACTING = frozenset("he she it there that what who where here".split())
#: Wh-words whose clause a speaker reports rather than asks about: "explained how", "said why".
_MANNER = frozenset("how why".split())
#: Cues that ask: a wh-clause after them is a question.
_ASKING = frozenset("asked asks ask asking wondered wonders questioned questions question".split())
#: Adjectives that follow the noun of a speaker phrase with their preposition: "people close to the
#: mayor", "officials familiar with the talks", "lawmakers loyal to the speaker".
_POSTNOMINAL = frozenset("close familiar loyal allied opposed sympathetic friendly".split())
_OBJECT_PRONOUNS = frozenset("him her them us me".split())
#: Prepositions after a participle that describes a source: "research conducted by X", "polls taken
#: over the past two weeks", "a memo sent to staff".
_PARTICIPLE_LINKS = frozenset("by over in from at on for during to with among since".split())
#: Possessive pronouns before a nominal cue ("her view that") and the pronoun that names the same person.
_POSSESSIVES = {"his": "he", "her": "she", "their": "they", "its": "it", "my": "i", "our": "we"}


class AttributionFinder:
    """Find attributions in a :class:`~analysis.text.Document` (see module docstring).

    Args:
        lexicon: the merged claims lexicon.
    """

    def __init__(self, lexicon: ClaimLexicon) -> None:
        self.lexicon = lexicon
        self._intentions = lexicon.words("intentions")
        self._object_cues = lexicon.words("object_cues")
        self._nominal_cues = lexicon.words("nominal_cues")
        self._documents = lexicon.words("documents")
        self._cues = PhraseMatcher(
            lexicon.phrases("cues") + lexicon.phrases("intentions") + lexicon.phrases("object_cues")
        )
        self._anonymous = lexicon.words("anonymous")
        self._bodies = lexicon.words("official_bodies")
        self._roles = lexicon.words("person_roles")
        self._speaks_for = lexicon.words("speaks_for")
        self._plain_cues = lexicon.words("cues")
        self._page_labels = lexicon.words("page_labels")
        self._outlets = lexicon.words("outlets")
        self._heads = self._anonymous | self._bodies | self._roles | self._outlets | self._documents
        self._speaker_words = SpeakerWords(
            anonymous=self._anonymous,
            bodies=self._bodies,
            roles=self._roles,
            described=lexicon.words("described_roles"),
            speaks_for=self._speaks_for,
            outlets=self._outlets,
            documents=self._documents,
        )

    # ------------------------------------------------------------------ setup
    def find(self, doc: Document, entities: Sequence[dict]) -> list[Attribution]:
        """Return the attributions of ``doc``, in text order, speakers resolved.

        Args:
            doc: the processed article.
            entities: the entity rows of this article (keys start, end, canonical, label, title).

        Returns:
            One :class:`Attribution` per (sentence, speaker, content).
        """
        text = doc.text
        paras = list(paragraphs(text))
        quotes = find_quotes(text, paras)
        para_of = _paragraph_index(doc.sentences, paras)
        ents = sorted((e for e in entities if e.get("start", -1) >= 0), key=lambda e: (int(e["start"]), -int(e["end"])))
        ent_starts = [int(e["start"]) for e in ents]
        quote_starts = [q.start for q in quotes]
        found: list[Attribution] = []
        views: dict[int, _Sent] = {}
        for sentence in doc.sentences:
            if sentence.kind != "body":
                continue
            view = self._view(doc, sentence, quotes, quote_starts)
            views[sentence.index] = view
            found.extend(self._sentence(view, quotes, text))
        found.extend(self._headline(doc, views, quotes, quote_starts, ents, found))
        found.extend(self._dash_bylines(doc, views, quotes, found))
        found.extend(self._quote_only(doc, views, quotes, found))
        for a in found:
            _drop_dateline(doc.sentences[a.sentence], a, text)
        found.sort(key=lambda a: (a.sentence, a.content_start, a.order))
        found = _join_split_quotes(found, views)
        SpeakerResolver(self._speaker_words, doc, ents, ent_starts, para_of, found).run()
        for a in found:
            if a.relative_end > a.speaker_end >= 0:  # "Holt, who": the name and the pronoun that speaks
                a.speaker_end = a.relative_end
                a.speaker_text = text[a.speaker_start : a.speaker_end]
        return found

    def _headline(
        self,
        doc: Document,
        views: dict[int, _Sent],
        quotes: list[Quote],
        quote_starts: list[int],
        ents: list[dict],
        found: list[Attribution],
    ) -> list[Attribution]:
        """The headline's attribution ("Holt: ...", "Holt Says ...", :mod:`analysis.claims.headlines`):
        the sentence marked as the headline, or a first line standing alone that the body rules left."""
        if not doc.sentences:
            return []
        first = doc.sentences[0]
        line_end = doc.text.find("\n", first.start)
        alone = first.kind == "headline" or (
            first.kind == "body"
            and not doc.text[: first.start].strip()
            and not doc.text[first.end : line_end if line_end >= 0 else len(doc.text)].strip()
        )
        if not alone or any(a.sentence == first.index for a in found):
            return []
        v = views.get(first.index) or self._view(doc, first, quotes, quote_starts)
        spans = [
            (int(e["start"]), int(e["end"]), str(e.get("label", "")))
            for e in ents
            if first.start <= int(e["start"]) and int(e["end"]) <= first.end
        ]
        a = headline_attribution(v, spans, self._documents, doc.text)
        return [a] if a is not None else []

    def _view(self, doc: Document, sentence: Sentence, quotes: list[Quote], quote_starts: list[int]) -> _Sent:
        toks = doc.sentence_tokens(sentence.index)
        words = [norm(t.text) for t in toks]
        # the tagger calls "US" a pronoun; names in capitals are proper nouns here
        tags = ["NNP" if t.pos == "PRP" and len(t.text) > 1 and t.text.isupper() else t.pos for t in toks]
        for i in range(1, len(words)):
            if words[i] in ("'s", "’s") and words[i - 1] in _CONTRACTING:
                tags[i] = "VBZ"  # "he's not being audited": "is" or "has", never a possessive after a pronoun
        quote_of = [-1] * len(toks)
        qi = max(bisect_right(quote_starts, sentence.start) - 1, 0)
        for i, tok in enumerate(toks):
            while qi < len(quotes) and quotes[qi].end <= tok.start:
                qi += 1
            if qi < len(quotes) and quotes[qi].start <= tok.start < quotes[qi].end:
                quote_of[i] = qi
                if tok.text in _SINGLE_QUOTES:  # a paired single quote reads as the double quote it stands for
                    q = quotes[qi]
                    if tok.start == q.start:
                        words[i], tags[i] = "“", '"'
                    elif q.closed and tok.start == q.end - 1:
                        words[i], tags[i] = "”", '"'  # not the possessive the tagger takes it for
        prefix = [0]
        for i, tag in enumerate(tags):
            finite = quote_of[i] < 0 and (
                (tag in _FINITE and not _noun_slot(tags, i))
                # a past or plain form right after its subject: "the plant passed", "the two raised", "jobs depend"
                or (tag in ("VBN", "VB") and i > 0 and tags[i - 1] in _VBN_SUBJECTS and words[i - 1] != "'s")
                # a plain present form after an adverb or a relative pronoun that follows its subject:
                # "the job sometimes erase", "the demands that come with it"
                or (
                    tag == "VB"
                    and i > 1
                    and (tags[i - 1] == "RB" or words[i - 1] in ("that", "who", "which"))
                    and tags[i - 2] in _SUBJECT_TAGS
                )
            )
            prefix.append(prefix[-1] + (1 if finite else 0))
        return _Sent(sentence, toks, words, tags, quote_of, prefix)

    # --------------------------------------------------------- one sentence
    def _sentence(self, v: _Sent, quotes: list[Quote], text: str) -> list[Attribution]:
        words, n = v.words, len(v.words)
        cues: list[tuple[int, int]] = []
        i = 0
        while i < n:
            m = self._cues.match_at(words, i) if v.quote_of[i] < 0 else 0
            if m and not _denied_speech(words, i):
                cues.append((i, i + m))
                i += m
            else:
                i += 1
        results: list[Attribution] = self._nominal(v, text) + self._transcript(v, quotes, text)
        # each accepted cue: (left boundary token, attribution list)
        accepted: list[tuple[int, int, list[Attribution]]] = []
        for c0, c1 in cues:
            got = self._cue(v, c0, c1, quotes, text, results)
            if got:
                left = min(
                    [c0]
                    + [
                        _tok_at(v, a.speaker_start)
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
                        a.content_end = _trim_end(text, a.content_start, v.toks[left - 1].start)
                        break
        # "Y (with its own reporting verb), X announced": the outer attribution only
        outer = [a for a in results if a.content_start < a.cue_start and a.speaker_start > a.content_end]
        if outer:
            results = _outside(results, outer)
        return [a for a in results if a.content_end > a.content_start]

    def _cue(
        self, v: _Sent, c0: int, c1: int, quotes: list[Quote], text: str, earlier: list[Attribution]
    ) -> list[Attribution]:
        words, tags = v.words, v.tags
        cue_words = words[c0:c1]
        phrase = " ".join(cue_words)
        toks = v.toks
        n = len(words)
        if phrase == "according to":
            return self._according(v, c0, c1, text)
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
        if c0 > 0 and tags[c0 - 1] in _MODIFIER_TAGS and tags[c0] not in _FINITE and words[c0 - 1] != "that":
            return []  # "the reported attack", "its claims"
        if phrase in self._intentions and c1 + 2 < n and words[c1] == "not" and words[c1 + 1] == "to":
            intention = True  # "vowed not to repeat the mistake"
        else:
            intention = c1 < n and words[c1] == "to" and phrase in self._intentions  # "wants to close the mine"
        if (
            not intention
            and phrase in self._intentions
            and c1 < n
            and tags[c1] in ("NNP", "NNPS", "PRP", "DT", "NNS")
            and not any(a.content_start <= toks[c0].start < a.content_end for a in earlier)  # not inside a report
        ):
            # "voters expect Holt to win", "she wants the council to act": an object and its infinitive
            obj = self._np_right(v, c1)
            intention = obj is not None and obj[1] + 1 < n and words[obj[1]] == "to" and tags[obj[1] + 1] == "VB"
        if intention and not (c1 + 1 < n and words[c1 + 1][:1].isalnum()):
            return []  # "Varga wants to." says nothing
        if c1 < n and words[c1] == "to" and phrase not in _ADDRESSEE_CUES and not intention:
            return []  # "is said to have", "claimed to be"
        clause_follows = c1 < n and words[c1] == "that" and tags[c0] in _FINITE | {"VBN"}  # "expected that"
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
                c_start, c_end = _content_span(v, j + 1, n, text)
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
        conjoined = bool(earlier) and c0 > 0 and words[c0 - 1] in ("and", "but") and tags[c0] in _FINITE
        if participle or conjoined:
            start = self._forward_start(v, c0, c1)
            if start is None:
                return []
            c_start, c_end = _content_span(v, start, n, text)
            if c_end <= c_start:
                return []
            a = Attribution(
                v.sentence.index, quote="indirect", content_start=c_start, content_end=c_end, kind="inherit", **cue
            )
            if earlier:
                _copy_speaker(earlier[-1], a)
            else:
                sub = self._np_left(v, _first_clause_head(v))
                if sub is None:
                    return []
                self._set_speaker(v, a, *sub, text)
            self._directify(v, a, quotes, text)
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
            elif words[k] in _TIME_WORDS and k >= 1 and words[k - 1] in _TIME_LEAD:
                k -= 2
                skipped += 2
            else:
                break
        if k >= 1 and tags[k] == "VBN" and tags[k - 1] in _NOUN_TAGS and words[k - 1] in self._documents:
            k -= 1  # "a GAO report released last year found": the participle describes the document
        if k >= 0 and words[k] == ")" and v.quote_of[k] < 0:
            # "Rep. Dana Holt (D-Ore.) said": skip the party and state, or any short aside in brackets
            opening = next((j for j in range(k - 1, max(k - 9, -1), -1) if words[j] == "("), -1)
            if opening > 0 and not v.finite_between(opening, k):
                k = opening - 1
        relative = -1
        if k >= 0 and words[k] in _NOT_NP:
            if not self._relative_speaker(v, k):
                return []  # "the claim that said ...", "this says": no speaker
            relative = k  # "Holt, who said Y": the person before the relative pronoun speaks
        if phrase in self._object_cues and phrase not in self._plain_cues and c1 < n and words[c1] in (",", "by", "as"):
            return []  # "the senator, criticized by ..."
        np = None
        if relative >= 0:
            np = self._np_left(v, relative - 2)
        elif k >= 0 and words[k] == "," and v.quote_of[k] < 0:
            np = self._appositive(v, k)
        elif k >= 0:
            np = self._np_left(v, k)
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
                or tags[a1 - 1] not in _NOUN_TAGS | {"PRP"}
                or c1 >= n
                or words[c1] in ("a", "an")
                or words[c1] in _QUOTE_MARKS
            ):
                return []  # "a group called Tidewatch", "called a strike", 'called "unprecedented"': naming
            if a0 > 0 and words[a0 - 1] in _QUESTION_LEADS:
                return []  # "asked whether the mayor knew ...": a question, not a claim
            main_end = -1
            if a0 > 0 and words[a0 - 1] in _SUBORDINATORS:
                # "..., days after the USA announced ...": an attribution inside a clause that
                # hangs off the outlet's own statement; the main clause ends at the comma
                sub = a0 - 1
                comma = next((j for j in range(sub - 1, max(sub - 5, -1), -1) if words[j] == ","), sub)
                main_end = toks[comma].start if comma > 0 else -1
            # content after the cue
            object_only = phrase in self._object_cues and phrase not in self._plain_cues
            start = c1 if intention else self._object_start(v, c1) if object_only else self._forward_start(v, c0, c1)
            if object_only and start is not None and words[start] == "that" and start + 1 < n:
                start += 1  # "urged that the council resign"
            # a reporting verb inside another report takes no noun phrase: "said its sample suggested a turnout"
            at = toks[c0].start
            inside = phrase in self._plain_cues and any(a.content_start <= at < a.content_end for a in earlier)
            document = words[a1 - 1] in self._documents or words[_head_of(words, a0, a1, tags)] in self._documents
            if start is None and (phrase in self._object_cues or document) and not inside:
                start = self._object_start(v, c1)  # "urged a recount", "the poll shows Ames ahead"
                object_only = start is not None  # a noun-phrase content: it ends as an object does
            after_that = start is not None and start > 0 and words[start - 1] == "that"  # "worried that if ..."
            if (
                start is not None
                and start < n
                and not after_that
                and (words[start] in _QUESTION_LEADS or words[start] in _WH_WORDS)
                and not (words[start] in _MANNER and phrase not in _ASKING and v.finite_between(start + 1, n))
            ):
                # "questioned whether the dam was safe": a question, not a claim; "told the host how
                # surprised he was", "explained why the plant closed" report the how and the why
                return []
            if start is not None and not object_only and start == c1 and words[c0] in _ADDRESSEE_CUES:
                np_after = self._np_right(v, start, stop_at_that=True)
                k = np_after[1] if np_after is not None else -1
                # "warned state officials to boost security": an addressee and an order end as an object does
                object_only = 0 < k < n - 1 and words[k] == "to" and tags[k + 1] == "VB"
            if start is not None:
                stop = v.next_semicolon(start)  # "estimates that Y; the Center puts it at Z": Y ends at ";"
                if object_only or intention:  # "blasted the plan | when ...", "wants to run | , saying ..."
                    stop = object_end(words, tags, v.quote_of, start, stop)
                if relative >= 0:  # "Holt, who said Y, left": the relative clause ends before the main verb
                    stop = relative_end(words, tags, v.quote_of, start, stop)
                main_start = -1
                if 0 < a0 <= 2 and words[a0 - 1] in _SUBORDINATORS:
                    clause = self._main_clause_start(v, start, stop)
                    if clause < stop:  # the outlet's own main clause follows the comma
                        main_start, stop = v.toks[clause + 1].start, clause
                c_start, c_end = _content_span(v, start, stop, text)
                if c_end > c_start:
                    a = Attribution(v.sentence.index, quote="indirect", content_start=c_start, content_end=c_end, **cue)
                    self._set_speaker(v, a, a0, a1, text)
                    self._directify(v, a, quotes, text)
                    if a.quote == "indirect":
                        a.content_end = self._drop_second_verb(v, a.content_start, a.content_end, text)
                        a.content_end = _drop_appositive(v, a.content_start, a.content_end, text)
                        a.content_end = _drop_outlet_clause(v, a.content_start, a.content_end, text)
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
            if a0 > 0 and (words[a0 - 1] == "," or words[a0 - 1] in _QUOTE_MARKS):
                a = self._trailing(v, a0, cue, text, quotes, earlier)
                if a is None and not out and words[a0 - 1] == ",":
                    a = self._interrupted(v, a0, c1, cue, text, earlier)  # "The fund, he said, will run dry"
                if a is not None and (a.quote == "direct" or not out):
                    self._set_speaker(v, a, a0, a1, text)
                    if a.quote == "indirect" and not out:
                        self._continue_after_cue(v, a, c1, text)
                    out.insert(0, a)
            return out
        # the cue opens the sentence: 'Said Holt: "Y."', "Added the mayor, 'Y.'"
        if c0 == 0 and phrase in self._plain_cues and phrase.endswith(("ed", "id", "ld")):
            right = self._np_right(v, c1)
            if right is not None and right[1] + 1 < n and words[right[1]] in (":", ","):
                c_start, c_end = _content_span(v, right[1] + 1, n, text)
                if c_end > c_start:
                    a = Attribution(v.sentence.index, quote="indirect", content_start=c_start, content_end=c_end, **cue)
                    self._set_speaker(v, a, right[0], right[1], text)
                    self._directify(v, a, quotes, text)
                    return [a]
        # speaker after the cue: "\"Y,\" said X."
        if k >= 0 and (words[k] == "," or words[k] in _QUOTE_MARKS) and phrase in self._plain_cues:
            right = self._np_right(v, c1)
            if right is not None:
                a = self._trailing(v, c0, cue, text, quotes, earlier)
                if a is not None:
                    self._set_speaker(v, a, right[0], right[1], text)
                    return [a]
        return []

    def _main_clause_start(self, v: _Sent, start: int, stop: int) -> int:
        """ "While aides have suggested Y, Holt is determined to ...": a report inside a clause that
        opens the sentence ends at the comma before the main clause (a subject and its verb)."""
        words, tags = v.words, v.tags
        for j in range(stop - 2, start + 1, -1):
            if words[j] != "," or v.quote_of[j] >= 0:
                continue
            k = j + 1
            while k < min(stop, j + 9) and (tags[k] in _NP_TAGS or words[k] in _CONNECT) and words[k] != ",":
                k += 1
            if k > j + 1 and k < stop and v.finite_between(k, k + 1) and tags[k - 1] in _SUBJECT_TAGS:
                return j
            break  # only the last comma can open the main clause
        return stop

    def _verb_after_subject(self, v: _Sent, c0: int, c1: int) -> bool:
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
            and tags[c0 - 1] in _NOUN_TAGS
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

    def _relative_speaker(self, v: _Sent, k: int) -> bool:
        """True when the relative pronoun at ``k`` opens a clause on a named or described speaker
        set off by a comma: "Dana Holt, who chairs the panel, said" is not this, "the panel's chair,
        Dana Holt, who said Y" is. "which" and "that" clauses hang on things and are left alone."""
        words, tags = v.words, v.tags
        if words[k] != "who" or k < 2 or words[k - 1] != "," or v.quote_of[k - 1] >= 0:
            return False
        np = self._np_left(v, k - 2)
        return np is not None and tags[np[1] - 1] in _NOUN_TAGS

    def _drop_second_verb(self, v: _Sent, start: int, end: int, text: str) -> int:
        """End a content before "and warned ...", "but added ...": a second reporting verb of the
        same speaker starts a new report."""
        words, tags = v.words, v.tags
        first, last = _tok_at(v, start), min(_tok_at(v, end), len(words))
        for j in range(first + 2, last - 1):
            second = words[j] in ("and", "but") and v.quote_of[j] < 0 and tags[j + 1] in ("VBD", "VBZ")
            if second and self._cues.match_at(words, j + 1):
                return _trim_end(text, start, v.toks[j].start)
        return end

    def _object_start(self, v: _Sent, c1: int) -> int | None:
        """Where a noun-phrase content starts after a cue ("called for | a recount"), or None."""
        words, n = v.words, len(v.words)
        j = _skip_adverbials(v, c1)
        if j >= n or words[j] in _SENTENCE_END or (v.quote_of[j] >= 0 and words[j] not in _QUOTE_MARKS):
            return None
        if words[j] == "as" or words[j] in _WH_WORDS:
            return None  # "what the board described as ...", "know what a count looks like"
        counted = 0  # two words before the clause ends (bounded: stop at the second)
        for w in words[j:]:
            if w in (".", ";", "!", "?"):
                break
            counted += w[:1].isalnum()
            if counted >= 2:
                return j
        return None

    def _interrupted(
        self, v: _Sent, a0: int, c1: int, cue: dict, text: str, earlier: list[Attribution]
    ) -> Attribution | None:
        """ "The fund, he said, will run dry": a clause whose subject comes before the speaker and
        whose verb after the cue; the content runs from the subject to the end of the clause."""
        toks, words, n = v.toks, v.words, len(v.words)
        region_start = v.region_start(earlier)
        first = bisect_left(v.token_starts(), region_start)
        j = _skip_adverbials(v, c1)
        if first >= a0 - 1 or j + 2 >= n or words[j] != "," or v.quote_of[j + 1] >= 0:
            return None
        if any(v.quote_of[k] >= 0 for k in range(first, a0)) or v.finite_between(first, a0):
            return None
        end = j + 1
        while end < n and words[end] not in (".", ";", "!", "?") and v.quote_of[end] < 0:
            end += 1
        if not v.finite_between(j + 1, min(end, j + 6)):
            return None
        c_start, c_end = _trim_span(text, toks[first].start, toks[end - 1].end)
        c_end = _drop_outlet_clause(v, c_start, c_end, text)
        if c_end <= c_start:
            return None
        return Attribution(v.sentence.index, quote="indirect", content_start=c_start, content_end=c_end, **cue)

    def _continue_after_cue(self, v: _Sent, a: Attribution, c1: int, text: str) -> None:
        """ "Y1, he said, Y2": an indirect content split by its cue runs on to the end of the clause."""
        words, n = v.words, len(v.words)
        j = _skip_adverbials(v, c1)
        if j + 2 >= n or words[j] != "," or v.quote_of[j + 1] >= 0:
            return
        end = j + 1
        while end < n and words[end] not in (".", ";", "!", "?") and v.quote_of[end] < 0:
            end += 1
        if v.finite_between(j + 1, min(end, j + 7)):  # a clause goes on, not "..., with jets making ..."
            a.content_end = _trim_end(text, a.content_start, v.toks[end - 1].end)
            a.content_end = _drop_outlet_clause(v, v.toks[j + 1].start, a.content_end, text)

    def _transcript(self, v: _Sent, quotes: list[Quote], text: str) -> list[Attribution]:
        """A transcript line: 'PENCE: Well, the question really is ...' (a name in capitals, a colon)."""
        words, toks, n = v.words, v.toks, len(v.words)
        i = 1 if n and words[0] in _QUOTE_MARKS else 0
        j = i
        while j < min(n, i + 3) and toks[j].text.isalpha() and toks[j].text.isupper() and len(toks[j].text) > 1:
            j += 1
        if j == i or j + 3 >= n or words[j] != ":" or (v.quote_of[j] >= 0 and i == 0):
            return []
        if " ".join(words[i:j]) in self._page_labels:
            return []  # "UPDATE: ...", "NOTE: ..."
        if not ((i == 0 and v.sentence.start == 0) or text[: toks[i].start].rstrip(' "“').endswith("\n")):
            return []  # the name must open its paragraph
        c_start, c_end = _content_span(v, j + 1, n, text)
        if sum(1 for w in words[j + 1 :] if w[:1].isalnum()) < 3 or c_end <= c_start:
            return []
        # no quote chain: a transcript's quote marks often never close; the next lines carry over
        a = Attribution(v.sentence.index, ":", toks[j].start, toks[j].end, c_start, c_end, "direct")
        self._set_speaker(v, a, i, j, text)
        return [a]

    def _nominal(self, v: _Sent, text: str) -> list[Attribution]:
        """Nominal cues after a possessor: "her view that Y", "the mayor's claim that Y"."""
        words, tags, toks, n = v.words, v.tags, v.toks, len(v.words)
        out = []
        for i in range(1, n - 2):
            if words[i] not in self._nominal_cues or words[i + 1] != "that" or v.quote_of[i] >= 0:
                continue
            if tags[i + 2].startswith("VB") or tags[i + 2] == "MD":
                continue  # "the claim that was rejected": a relative clause
            p = i - 1
            while p > 0 and tags[p].startswith("JJ"):
                p -= 1  # "her long-held view that"
            if words[p] in _POSSESSIVES and tags[p] == "PRP$":
                first, end = p, p + 1
            elif tags[p] == "POS" and p > 0:
                np = self._np_left(v, p - 1)
                if np is None or tags[np[1] - 1] not in _NOUN_TAGS:
                    continue
                first, end = np
            else:
                continue
            if first > 0 and words[first - 1] in _QUESTION_LEADS:
                continue
            stop = n
            if not v.finite_between(0, first):  # "The mayor's claim that Y drew laughter": Y ends at "drew"
                verbs = [k for k in range(i + 2, n) if tags[k] in _FINITE and v.quote_of[k] < 0]
                outer = next((k for k in verbs[1:] if words[k - 1] not in _CLAUSE_LINKS), None)
                stop = outer if outer is not None else n
            c_start, c_end = _content_span(v, i + 2, stop, text)
            if c_end <= c_start or not v.finite_between(i + 2, min(stop, i + 11)):
                continue
            a = Attribution(
                v.sentence.index,
                text[toks[i].start : toks[i].end],
                toks[i].start,
                toks[i].end,
                c_start,
                c_end,
                "indirect",
            )
            self._set_speaker(v, a, first, end, text)
            a.head = _POSSESSIVES.get(words[first], a.head) if end - first == 1 else a.head
            out.append(a)
        return out

    def _according(self, v: _Sent, c0: int, c1: int, text: str) -> list[Attribution]:
        words, toks, n = v.words, v.toks, len(v.words)
        right = self._np_right(v, c1)
        if right is None:
            return []
        r0, r1 = right
        cue = dict(cue=text[toks[c0].start : toks[c1 - 1].end], cue_start=toks[c0].start, cue_end=toks[c1 - 1].end)
        before_words = sum(1 for w in words[:c0] if w[:1].isalnum())
        if before_words >= 3:
            end = c0 - 1 if c0 > 0 and words[c0 - 1] == "," else c0
            c_start, c_end = (
                toks[0].start,
                _trim_end(text, toks[0].start, toks[end - 1].end if end > 0 else toks[0].start),
            )
        elif r1 < n and words[r1] == ",":
            c_start, c_end = _content_span(v, r1 + 1, n, text)
        else:
            return []
        if c_end <= c_start:
            return []
        a = Attribution(v.sentence.index, quote="indirect", content_start=c_start, content_end=c_end, **cue)
        self._set_speaker(v, a, r0, r1, text)
        return [a]

    def _trailing(
        self, v: _Sent, before: int, cue: dict, text: str, quotes: list[Quote], earlier: list[Attribution]
    ) -> Attribution | None:
        """Content before token ``before`` (the speaker or the cue), back to the sentence start."""
        toks, words = v.toks, v.words
        floor = v.region_start(earlier)
        comma = toks[before - 1].start if before > 0 and words[before - 1] == "," else -1
        at = next((k for k in range(len(earlier) - 1, max(len(earlier) - 4, -1), -1) if _nested(earlier[k], comma)), -1)
        if comma >= 0 and at >= 0:
            # "The union is demanding X, he said": the forward report running through this comma sits
            # inside this one's content, which starts after the attribution before that report
            prev = earlier[at - 1] if at > 0 else None
            floor = max(prev.content_end, prev.speaker_end, prev.cue_end) if prev is not None else toks[0].start
        first = bisect_left(v.token_starts(), floor)
        # a quote ending just before: direct content
        j = before - 1
        while j >= first and words[j] in (",", ".", "!", "?", ";", ":"):
            j -= 1
        if j >= first and v.quote_of[j] >= 0:
            q = quotes[v.quote_of[j]]
            q_start = max(q.inner_start, toks[first].start)
            starts_clean = q.start < toks[first].start or not text[toks[first].start : q.start].strip(" ,;:")
            if starts_clean:
                c_start, c_end = _trim_span(text, q_start, min(q.inner_end, toks[j].end))
                if c_end > c_start:
                    return Attribution(
                        v.sentence.index, quote="direct", content_start=c_start, content_end=c_end, chain=q.chain, **cue
                    )
        if j < first:
            return None
        two_words = _at_least_two_words(words, first, j + 1)
        # 'Holt "is the only candidate with a plan," Ames said': the verb may sit inside the quote
        has_verb = v.finite_between(first, j + 1) or v.finite_tag_between(first, j + 1)
        if not two_words or not has_verb:
            return None
        c_start, c_end = _trim_span(text, toks[first].start, toks[j].end)
        if c_end <= c_start:
            return None
        return Attribution(v.sentence.index, quote="indirect", content_start=c_start, content_end=c_end, **cue)

    def _forward_start(self, v: _Sent, c0: int, c1: int) -> int | None:
        """Token where the content after a cue starts, or None when nothing is reported there."""
        words, tags, n = v.words, v.tags, len(v.words)
        j = c1
        if words[c0] in _ADDRESSEE_CUES and j < n:  # "told reporters (that)"
            np = self._np_right(v, j, stop_at_that=True)
            if np is not None and np[1] < n and tags[np[1]] in _FINITE:
                np = None  # "warned it would": the noun phrase is the clause's subject, not an addressee
            if np is not None:
                k = np[1] + (1 if np[1] < n and words[np[1]] in ("not", "never") else 0)
                if k + 1 < n and words[k] == "to" and tags[k + 1] == "VB":
                    return j  # "told his aides to find a way": the order, addressee and all
                j = np[1]
        j = _skip_adverbials(v, j)
        limit = min(n, j + 14)
        k = j
        while k < limit:
            w = words[k]
            if w == "that" and v.quote_of[k] < 0:
                if k > j and k + 1 < n and (tags[k + 1].startswith("VB") or tags[k + 1] == "MD"):
                    break  # "found 3,412 that had been misallocated": a relative clause on the object
                return k + 1 if k + 1 < n else None
            if w == ":" or (w in _QUOTE_MARKS and v.quote_of[k] >= 0):
                if w != ":" and _is_scare_quote(v, k):
                    break  # "said the 'reform' would hurt": the quote is inside the reported clause
                return k + 1 if w == ":" else k
            if w == "," and k + 1 < n and words[k + 1] in _QUOTE_MARKS:
                return k + 1
            if tags[k].startswith("VB") or tags[k] == "MD" or w in (".", ";", "!", "?"):
                break
            k += 1
        if j >= n or words[j] in _SENTENCE_END:
            return None
        # no "that": a clause must start here (a finite verb within a few words)
        if v.finite_between(j, min(n, j + _CLAUSE_REACH)):
            first_verb = next(k for k in range(j, min(n, j + _CLAUSE_REACH)) if v.finite_between(k, k + 1))
            if first_verb > j and words[first_verb - 1] == "that":
                # "found 3,412 that had been misallocated": the object's relative clause, unless the
                # clause's own verb follows it ("said the demands that come with the job erase ...")
                main = next(
                    (
                        k
                        for k in range(first_verb + 2, min(n, first_verb + _CLAUSE_REACH))
                        if v.quote_of[k] < 0
                        and tags[k] in ("VBD", "VBZ", "VBP", "VB")
                        and words[k - 1] != "to"
                        and tags[k - 1] in ("NN", "NNS", "NNP", "RB")
                    ),
                    -1,
                )
                if main < 0 or words[main - 1] in _CLAUSE_LINKS or v.finite_between(first_verb + 1, main):
                    return None
            return j
        return None

    # ------------------------------------------------------- noun phrases
    def _np_left(self, v: _Sent, i: int) -> tuple[int, int] | None:
        """The noun phrase ending at token ``i`` as ``(first, end)`` tokens, or None."""
        words, tags = v.words, v.tags
        if i < 0 or v.quote_of[i] >= 0:
            return None
        if _is_pronoun(v, i) or _is_object_pronoun(v, i):
            # "those close to him", "a spokeswoman for her": the pronoun ends a longer phrase
            if i > 1 and words[i - 1] in _HEAD_ENDS:
                longer = self._np_left(v, i - 2)
                if longer is not None and (tags[longer[1] - 1] in _NOUN_TAGS or words[longer[1] - 1] in _POSTNOMINAL):
                    return longer[0], i + 1
            return (i, i + 1) if _is_pronoun(v, i) else None
        if tags[i] == "PRP" and not v.toks[i].text.isupper():
            return None
        if words[i] in _POSTNOMINAL and i > 0 and words[i - 1] in ("those", "people", "sources", "officials"):
            return i - 1, i + 1  # reached from "close to him": "those close"
        noun_slot = i > 0 and tags[i - 1] in ("DT", "CD", "PRP$") and words[i][:1].isalpha()  # "one slide says"
        named = tags[i] in _NOUN_TAGS or v.toks[i].text[:1].isupper() or words[i] in self._heads
        if not named and not noun_slot:
            return None
        k = i
        count = 0
        while k >= 0 and count < 14:
            w, t = words[k], tags[k]
            if v.quote_of[k] >= 0:
                break
            if w in _NOT_NP:
                if w == "those" and k < i and words[k + 1] in _POSTNOMINAL:
                    k -= 1  # "those close to the campaign"
                    count += 1
                break
            ok = t in _NP_TAGS or w in _CONNECT or w == "'s" or ("-" in w and t[:2] in ("VB", "JJ", "NN"))
            # "a leaked memo", '..." retired judge Ona Pell said': a participle opening a noun phrase
            opens = (
                k == 0
                or tags[k - 1] in ("DT", "PRP$")
                or words[k - 1] in _QUOTE_MARKS
                or words[k - 1] == ","
                or (tags[k - 1] == "RB" and words[k - 1].endswith("ly"))  # "newly filed reports"
            )
            between = k < i and opens and tags[k + 1] in _NOUN_TAGS
            ok = ok or (t in ("VBN", "VBG") and between)
            # "research conducted by the institute", "polls taken in May": a participle after its noun
            ok = ok or (
                t == "VBN" and k < i and k > 0 and tags[k - 1] in _NOUN_TAGS and words[k + 1] in _PARTICIPLE_LINKS
            )
            # "of newly filed reports": an adverb on the participle or adjective that follows
            ok = ok or (t == "RB" and w.endswith("ly") and k + 1 < i and tags[k + 1] in ("VBN", "JJ"))
            # "people close to the mayor": an adjective after the noun, with its preposition
            ok = ok or (w in _POSTNOMINAL and k < i and words[k + 1] in _CONNECT | {"with"})
            # "familiar with the talks", "polls taken over the past two weeks": a preposition that
            # belongs to the adjective or participle before it
            linking = (w == "with" and k > 0 and words[k - 1] in _POSTNOMINAL) or (
                w in _PARTICIPLE_LINKS and k > 1 and tags[k - 1] == "VBN" and tags[k - 2] in _NOUN_TAGS
            )
            ok = ok or linking
            if not ok:
                break
            if k < i and tags[k + 1] in ("DT", "PRP$") and w not in _CONNECT and t != "VBN" and not linking:
                break  # "Moscow | the ministry"
            k -= 1
            count += 1
        first = k + 1
        while first <= i and (words[first] in _CONNECT or tags[first] == "POS"):
            first += 1
        if first > i:
            return None
        return first, i + 1

    def _np_right(self, v: _Sent, j: int, *, stop_at_that: bool = False) -> tuple[int, int] | None:
        """The noun phrase starting at token ``j``, or None."""
        words, tags, n = v.words, v.tags, len(v.words)
        if j >= n or v.quote_of[j] >= 0:
            return None
        if _is_pronoun(v, j) or _is_object_pronoun(v, j):  # "told them", "told reporters"
            return j, j + 1
        k = j
        last_noun = -1
        while k < n and k - j < 14:
            w, t = words[k], tags[k]
            if v.quote_of[k] >= 0 or w in _NOT_NP:
                break
            if t in ("DT", "PRP$") and k > j and tags[k - 1] in _NOUN_TAGS:
                break  # a determiner right after a noun starts the next phrase: "told reporters | the city had"
            ok = t in _NP_TAGS or w in _CONNECT or w == "'s" or ("-" in w and t[:2] in ("VB", "JJ", "NN"))
            if not ok:
                break
            if t in _NOUN_TAGS:
                last_noun = k
            k += 1
        if last_noun < 0:
            return None
        return j, last_noun + 1

    def _appositive(self, v: _Sent, comma: int) -> tuple[int, int] | None:
        """``NAME, a senior officer ..., said``: the NAME before the appositive's opening comma."""
        words = v.words
        k = comma - 1
        limit = max(-1, comma - 40)  # "Dr. Ann Holt, who as a navy captain was ..., said"
        while k > limit and words[k] != ",":
            if v.quote_of[k] >= 0 or words[k] in (".", ";", "!", "?"):
                return None
            k -= 1
        if k <= limit or words[k] != ",":
            return None
        inner = (k + 1, comma)
        if inner[0] >= inner[1]:
            return None
        relative = any(w in ("who", "which", "whose", "whom") for w in words[inner[0] : inner[1]]) or any(
            words[j] == "that" and v.tags[j - 1] in _NOUN_TAGS for j in range(inner[0] + 1, inner[1])
        )  # "the agency that oversees the program": a relative clause on the appositive's noun
        if not relative and v.finite_between(*inner):
            return None
        np = self._np_left(v, k - 1)
        if np is None or v.tags[np[1] - 1] not in _NOUN_TAGS:
            return None
        tags = v.tags
        if (
            tags[np[1] - 1] in ("NN", "NNS")
            and all(tags[j] in ("NNP", "NNPS") or words[j] == "." for j in range(*inner))
            and v.toks[inner[0]].text[:1].isupper()
        ):
            # "The interior minister, Clara Voss, said": the name between the commas is the speaker
            v.appositives[inner] = " ".join(words[np[0] : np[1]])
            return inner
        v.appositives[np] = " ".join(words[inner[0] : inner[1]])
        return np

    # ------------------------------------------------------------ helpers
    def _set_speaker(self, v: _Sent, a: Attribution, first: int, end: int, text: str) -> None:
        toks, words = v.toks, v.words
        a.speaker_start, a.speaker_end = toks[first].start, toks[end - 1].end
        a.speaker_text = text[a.speaker_start : a.speaker_end]
        head = _head_of(words, first, end, v.tags)
        a.head = words[head]
        a.indefinite = words[first] in ("a", "an") or (
            words[head].endswith("s") and words[first] not in ("the",) and v.tags[head] in ("NNS", "NNPS")
        )
        a.appositive = v.appositives.get((first, end), "")
        a.head_start = toks[head].start
        a.head_end = toks[head].end

    def _directify(self, v: _Sent, a: Attribution, quotes: list[Quote], text: str) -> None:
        """Forward content that starts with a quote mark is a direct quote: keep the words inside."""
        i = _tok_at(v, a.content_start)
        if i < len(v.words) and v.quote_of[i] >= 0 and v.words[i] in _QUOTE_MARKS and not _is_scare_quote(v, i):
            q = quotes[v.quote_of[i]]
            if q.start == v.toks[i].start:
                end = min(q.inner_end, v.sentence.end)
                c_start, c_end = _trim_span(text, q.inner_start, end)
                if c_end > c_start:
                    a.content_start, a.content_end, a.quote, a.chain = c_start, c_end, "direct", q.chain

    def _dash_bylines(
        self, doc: Document, views: dict[int, _Sent], quotes: list[Quote], found: list[Attribution]
    ) -> list[Attribution]:
        """Quotes signed after a dash: '"The debate changed my mind." ― Rosa Quint' (readers' voices,
        epigraphs). The quote goes to the name after the dash; an earlier sentence of the same quote
        follows it as a continued quote."""
        text = doc.text
        taken = {(a.sentence, a.chain) for a in found if a.chain >= 0}
        quote_ends = [q.end for q in quotes]
        out = []
        for v in views.values():
            words, n = v.words, len(v.words)
            for d in range(n - 1):
                if words[d] not in _DASHES or v.quote_of[d] >= 0:
                    continue
                last = n - 1 if words[n - 1] == "." else n
                tail = range(d + 1, last)
                if not 1 <= len(tail) <= 6 or any(
                    not (v.toks[k].text[:1].isupper() or words[k] in (",", ".")) for k in tail
                ):
                    continue
                qi = bisect_right(quote_ends, v.toks[d].start) - 1
                if qi < 0 or not quotes[qi].closed or text[quotes[qi].end : v.toks[d].start].strip():
                    continue
                q = quotes[qi]
                inner_end = q.inner_end - 1
                holder = next((s for s in doc.sentences if s.start <= inner_end < s.end), None)
                if holder is None or holder.index not in views or (holder.index, q.chain) in taken:
                    continue
                c_start, c_end = _trim_span(text, max(q.inner_start, holder.start), min(q.inner_end, holder.end))
                if c_end <= c_start:
                    continue
                cue = v.toks[d]
                a = Attribution(holder.index, cue.text, cue.start, cue.end, c_start, c_end, "direct", chain=q.chain)
                self._set_speaker(v, a, d + 1, last, text)
                out.append(a)
                taken.add((holder.index, q.chain))
                break
        return out

    def _quote_only(
        self, doc: Document, views: dict[int, _Sent], quotes: list[Quote], found: list[Attribution]
    ) -> list[Attribution]:
        """Rows for quoted sentences without a cue of their own (chain or carried over, resolved later)."""
        covered = {(a.sentence, a.chain) for a in found if a.chain >= 0}
        with_rows = {a.sentence for a in found}
        out = []
        text = doc.text
        for index, v in views.items():
            if index in with_rows or not v.words:
                continue
            # the sentence must open inside a quote (a quote starting it, or continuing from before)
            qi = v.quote_of[0]
            if qi < 0:
                continue
            q = quotes[qi]
            if (index, q.chain) in covered:
                continue
            c_start, c_end = _trim_span(text, max(q.inner_start, v.sentence.start), min(q.inner_end, v.sentence.end))
            inner_words = sum(1 for w in v.words if w[:1].isalnum())
            question = v.sentence.text.rstrip(" \"”»'’").endswith("?") or text[c_start:c_end].endswith("?")
            if c_end <= c_start or inner_words < 3 or question:
                continue
            out.append(Attribution(index, "", -1, -1, c_start, c_end, "direct", kind="chain", chain=q.chain))
        return out


# ------------------------------------------------------------------ utils
def _paragraph_index(sentences: Sequence[Sentence], paras: list[tuple[int, int]]) -> dict[int, int]:
    out = {}
    starts = [p[0] for p in paras]
    for s in sentences:
        out[s.index] = max(bisect_right(starts, s.start) - 1, 0)
    return out


_ADVERBS_AFTER_CUE = frozenset(
    "today yesterday earlier later again also repeatedly previously recently publicly privately "
    "separately then now once".split()
)
_STATEMENT_NOUNS = frozenset(
    "statement interview briefing speech post message report letter conference call email tweet "
    "release broadcast address".split()
)
_POSSESSIVE_LEAD = frozenset("a an the its his her their".split())


def _noun_slot(tags: Sequence[str], i: int) -> bool:
    """True when a word tagged as a verb sits where a noun goes: after a determiner or possessive
    ("the claims", "its reports"), or after an adjective that follows one ("the new claims")."""
    if i == 0:
        return False
    if tags[i - 1] in ("DT", "PRP$", "POS"):
        return True
    return tags[i - 1] == "JJ" and i > 1 and tags[i - 2] in ("DT", "PRP$", "POS")


def _skip_adverbials(v: _Sent, j: int) -> int:
    """Skip "on Wednesday", "last week", "in a statement", "earlier" right after a cue."""
    words, n = v.words, len(v.words)
    for _ in range(4):
        if j >= n:
            break
        if words[j] in _ADVERBS_AFTER_CUE:
            j += 1
        elif words[j] in _WEEKDAYS and not (j + 1 < n and words[j + 1] in ("'s", "’s")):
            j += 2 if j + 1 < n and words[j + 1] in _PARTS_OF_DAY else 1  # "said Friday (afternoon)"
        elif j + 1 < n and words[j] in _TIME_LEAD and words[j + 1] in _TIME_WORDS:
            j += 2
        elif words[j] in ("in", "during", "at", "on") and j + 1 < n and words[j + 1] in _POSSESSIVE_LEAD:
            stop = next((k for k in range(j + 2, min(n, j + 6)) if words[k] in _STATEMENT_NOUNS), -1)
            if stop < 0:
                break
            j = stop + 1
        else:
            break
    return j


def _is_pronoun(v: _Sent, i: int) -> bool:
    """A personal pronoun written as one ("he", "She"), not the name "US"."""
    text = v.toks[i].text
    return v.words[i] in _PRONOUNS and (text == "I" or not text.isupper() or len(text) == 1)


def _is_object_pronoun(v: _Sent, i: int) -> bool:
    """An object pronoun ("him", "them"), not the name "US"."""
    if v.words[i] not in _OBJECT_PRONOUNS or (v.toks[i].text.isupper() and len(v.toks[i].text) > 1):
        return False
    # "told her aides": a possessive before its noun
    return not (i + 1 < len(v.words) and v.tags[i + 1] in ("NN", "NNS", "NNP", "NNPS", "JJ", "CD"))


def _denied_speech(words: Sequence[str], i: int) -> bool:
    """True when the cue at ``i`` is negated or declined: "did not say", "wouldn't say", "declined to say"."""
    if i > 0 and (words[i - 1] in _SPEECH_NEGATIONS or words[i - 1].endswith("n't")):
        return True
    return i > 1 and words[i - 1] == "to" and words[i - 2] in _DECLINING


def _is_scare_quote(v: _Sent, k: int) -> bool:
    """True when the quote opening at token ``k`` holds at most three words and the reported
    clause goes on right after it, its verb still to come ("said the 'reform' would hurt"): a
    phrase quoted inside a reported clause, not the quoted statement itself."""
    qi = v.quote_of[k]
    n = len(v.words)
    m = k + 1
    inner = 0
    while m < n and v.quote_of[m] == qi:
        inner += v.words[m][:1].isalnum()
        m += 1
    if inner > _SCARE_QUOTE_WORDS or m >= n or not v.words[m][:1].isalnum() or v.words[m] in _CLAUSE_JOINERS:
        return False
    return v.finite_between(m, min(n, m + 6))  # the clause's verb comes after the quote


def _first_clause_head(v: _Sent) -> int:
    """Index of the last noun of the sentence's first noun phrase (its subject, usually)."""
    k = 0
    n = len(v.words)
    while k < n and v.tags[k] in _NP_TAGS | {"NNP"} and k < 14:
        k += 1
    return k - 1


def _passive_be(v: _Sent, c0: int) -> bool:
    """True when a form of "be" stands right before the cue at ``c0`` (adverbs between): "was
    announced", "is observed", "were also posted"; not "'s", which is as often "has" or a possessive."""
    k = c0 - 1
    while k >= 0 and v.tags[k] == "RB" and v.words[k] not in _SPEECH_NEGATIONS:
        k -= 1
    return k >= 0 and v.words[k] in _PROGRESSIVE_BE and v.words[k] not in ("'s", "’s")


def _progressive(v: _Sent, c0: int) -> bool:
    """True when the cue at ``c0`` is a progressive verb: "is saying", "was also telling", "are now warning"."""
    k = c0 - 1
    while k >= 0 and v.tags[k] == "RB" and v.words[k] not in _SPEECH_NEGATIONS:
        k -= 1
    return k >= 0 and v.words[k] in _PROGRESSIVE_BE


def _head_of(words: Sequence[str], first: int, end: int, tags: Sequence[str] | None = None) -> int:
    """The head of the noun phrase ``first..end``: the last word before its first preposition
    ("spokesman" in "a spokesman for X", "study" in "a 2014 study by professor Levitt"), before a
    participle that describes it ("research" in "research conducted by X") or before an adjective
    that follows it ("people" in "people close to the mayor")."""
    for k in range(first + 1, end):
        participle = tags is not None and tags[k] == "VBN" and tags[k - 1] in _NOUN_TAGS
        if words[k] in _HEAD_ENDS or participle or words[k] in _POSTNOMINAL:
            return k - 1
    return end - 1


def _join_split_quotes(found: list[Attribution], views: dict[int, _Sent]) -> list[Attribution]:
    """One row for a quoted sentence split by its cue when a half says nothing alone: '"My hope," he
    said, "is that the talks go on."', '"If costs rise," she said, "we will close."'. The content runs
    from the first half's start to the second's end, the cue inside it, as attribution corpora mark
    it. Two clauses ('"We counted," he said, "and they lied."') and quotes in separate sentences keep
    a row each."""
    out: list[Attribution] = []
    for a in found:
        last = out[-1] if out else None
        if (
            last is not None
            and a.sentence == last.sentence
            and a.quote == last.quote == "direct"
            and a.cue_start >= 0
            and a.cue_start == last.cue_start
            and (a.speaker_start, a.speaker_end) == (last.speaker_start, last.speaker_end)
            and last.content_end <= a.cue_start < a.content_start
            and a.sentence in views
            and _fragment_halves(views[a.sentence], last, a)
        ):
            last.content_end = a.content_end
            continue
        out.append(a)
    return out


def _fragment_halves(v: _Sent, first: Attribution, second: Attribution) -> bool:
    """Whether one half of a split quote is no clause of its own: the first has no finite verb or
    opens with a subordinator ("My hope", "If costs rise"), or the second opens with its verb ("is
    that ...") or with no capital and no conjunction ("what does he think of you?")."""
    f0, f1 = _tok_at(v, first.content_start), _tok_at(v, first.content_end)
    s0 = _tok_at(v, second.content_start)
    if s0 >= len(v.words) or f0 >= f1:
        return False
    tags = v.tags
    clause = v.finite_tag_between(f0, f1) or any(
        tags[k] in ("VBN", "VB") and tags[k - 1] in _SUBJECT_TAGS for k in range(f0 + 1, f1)
    )  # "They counted": the tagger's past participle after its subject
    if not clause or v.words[f0] in _SUBORDINATORS:
        return True
    lead, tag = v.words[s0], v.tags[s0]
    if tag in _FINITE:
        return True
    return (
        v.toks[s0].text[:1].islower() and lead not in _CLAUSE_JOINERS and tag not in ("PRP", "DT", "NNP", "NNS", "NN")
    )


def _copy_speaker(src: Attribution, dst: Attribution) -> None:
    dst.speaker_start, dst.speaker_end = -1, -1
    dst.speaker_text = ""
    dst.head = src.head
    dst.source = src
    dst.kind = "inherit"
