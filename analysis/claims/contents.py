"""Where the content of a reporting cue lies in its sentence, in tokens.

After the cue (``X said (that) Y``, ``X told reporters Y``, ``X urged a recount``),
before it (``Y, X said``, ``"Y," X said``), around it (``The fund, he said, will run
dry``, ``Y1, he said, Y2``); a content that opens with a quote mark is a direct quote.
:mod:`analysis.claims.spans` turns the tokens into character spans.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence

from analysis.claims.lexicon import PhraseMatcher
from analysis.claims.model import Attribution
from analysis.claims.noun_phrases import np_right
from analysis.claims.spans import at_least_two_words, drop_outlet_clause, nested, trim_end, trim_span
from analysis.claims.view import FINITE, SentenceView, tok_at
from analysis.claims.words import (
    ADDRESSEE_CUES,
    BE_HAVE,
    CIRCUMSTANCE,
    CLAUSE_JOINERS,
    CLAUSE_LINKS,
    CONNECT,
    NP_TAGS,
    QUOTE_MARKS,
    SUBJECT_TAGS,
    TIME_LEAD,
    TIME_WORDS,
    WH_WORDS,
)
from analysis.text.quotes import Quote

_WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
_PARTS_OF_DAY = frozenset("morning afternoon evening night".split())
#: How far after a cue (in tokens) the verb of a reported clause may come: "says the program, run by
#: the department, has brought ...".
_CLAUSE_REACH = 22
_SENTENCE_END = frozenset(". ! ? ; ,".split())
#: How far after the comma that closes an inserted cue ("Too often, Mr. Clarke said, | the debate over
#: the future of coal is ...") the clause's verb may come: a subject of several words.
_SUBJECT_REACH = 10
_SCARE_QUOTE_WORDS = 3  # a quote this short, with the clause going on after it, is a quoted phrase


#: Pronouns that can only be a subject: right after a cue they open the reported clause.
_SUBJECT_PRONOUNS = frozenset("i he she we they".split())


def forward_start(v: SentenceView, c0: int, c1: int) -> int | None:
    """Token where the content after a cue starts, or None when nothing is reported there."""
    words, tags, n = v.words, v.tags, len(v.words)
    j = c1
    if words[c0] in ADDRESSEE_CUES and j < n:  # "told reporters (that)"
        np = np_right(v, j, stop_at_that=True)
        if np is not None and np[1] < n and tags[np[1]] in FINITE:
            np = None  # "warned it would": the noun phrase is the clause's subject, not an addressee
        if np is not None:
            k = np[1] + (1 if np[1] < n and words[np[1]] in ("not", "never") else 0)
            if k + 1 < n and words[k] == "to" and tags[k + 1] == "VB":
                return j  # "told his aides to find a way": the order, addressee and all
            j = np[1]
    j = skip_adverbials(v, j)
    if j + 2 < n and words[j] in _SUBJECT_PRONOUNS and v.quote_of[j] < 0 and words[j + 1] not in ("that", ","):
        return j  # "says they both share the belief that ...": the clause starts at its subject
    limit = min(n, j + 14)
    k = j
    while k < limit:
        w = words[k]
        if w == "that" and v.quote_of[k] < 0:
            if k > j and k + 1 < n and (tags[k + 1].startswith("VB") or tags[k + 1] == "MD"):
                break  # "found 3,412 that had been misallocated": a relative clause on the object
            if k == j and k + 1 < n and (tags[k + 1] == "MD" or words[k + 1] in BE_HAVE):
                return k  # "He said that would permit ...", "believe that is likely": "that" is the subject
            return k + 1 if k + 1 < n else None
        if w == ":" or (w in QUOTE_MARKS and v.quote_of[k] >= 0):
            if w != ":" and is_title_quote(v, k):
                # 'said on Fox News’s “Fox and Friends” that ...': a show's or a book's name, not what was said
                qi = v.quote_of[k]
                while k < n and v.quote_of[k] == qi:
                    k += 1
                continue
            if w != ":" and is_scare_quote(v, k):
                break  # "said the 'reform' would hurt": the quote is inside the reported clause
            return k + 1 if w == ":" else k
        if w == "," and k + 1 < n and words[k + 1] in QUOTE_MARKS:
            return k + 1
        if tags[k].startswith("VB") or tags[k] == "MD" or w in (".", ";", "!", "?"):
            break
        k += 1
    if j >= n or words[j] in _SENTENCE_END or words[j] in CIRCUMSTANCE:
        return None  # "told a dispatcher before police arrived": when, not what
    # no "that": a clause must start here (a finite verb within a few words)
    if v.finite_between(j, min(n, j + _CLAUSE_REACH)):
        first_verb = next(k for k in range(j, min(n, j + _CLAUSE_REACH)) if v.finite_between(k, k + 1))
        if (
            tags[j] == "IN"
            and words[j] not in ("that", "if", "whether")
            and any(words[k] == "," and v.quote_of[k] < 0 for k in range(j, first_verb))
        ):
            return None  # "said at the gala in Dayton, where she also spoke": a setting, then another clause
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
            if main < 0 or words[main - 1] in CLAUSE_LINKS or v.finite_between(first_verb + 1, main):
                return None
        return j
    return None


def block_after_colon(v: SentenceView, text: str) -> tuple[int, int] | None:
    """ "The governor added:" closing its paragraph: the next paragraph is what was said, a block quote
    set apart by the page (with or without quote marks). Returns its character span without the marks,
    or None when no paragraph follows."""
    end = v.sentence.end
    rest = text[end:]
    gap = len(rest) - len(rest.lstrip())
    if gap == len(rest) or "\n" not in rest[:gap]:
        return None
    start = end + gap
    stop = text.find("\n", start)
    start, stop = trim_span(text, start, len(text) if stop < 0 else stop)
    return (start, stop) if stop > start else None


def object_start(v: SentenceView, c1: int) -> int | None:
    """Where a noun-phrase content starts after a cue ("called for | a recount"), or None."""
    words, n = v.words, len(v.words)
    j = skip_adverbials(v, c1)
    if j >= n or words[j] in _SENTENCE_END or (v.quote_of[j] >= 0 and words[j] not in QUOTE_MARKS):
        return None
    if words[j] == "as" or words[j] in WH_WORDS:
        return None  # "what the board described as ...", "know what a count looks like"
    if v.tags[j] == "IN" and words[j] not in ("that", "if"):
        return None  # "worried about a lack of passion", "learned of a meeting": a topic, not what was said
    counted = 0  # two words before the clause ends (bounded: stop at the second)
    for w in words[j:]:
        if w in (".", ";", "!", "?"):
            break
        counted += w[:1].isalnum()
        if counted >= 2:
            return j
    return None


def trailing(
    v: SentenceView, before: int, cue: dict, text: str, quotes: list[Quote], earlier: list[Attribution]
) -> Attribution | None:
    """Content before token ``before`` (the speaker or the cue), back to the sentence start."""
    toks, words = v.toks, v.words
    floor = v.region_start(earlier)
    comma = toks[before - 1].start if before > 0 and words[before - 1] == "," else -1
    at = next((k for k in range(len(earlier) - 1, max(len(earlier) - 4, -1), -1) if nested(earlier[k], comma)), -1)
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
            c_start, c_end = trim_span(text, q_start, min(q.inner_end, toks[j].end))
            if c_end > c_start:
                return Attribution(
                    v.sentence.index, quote="direct", content_start=c_start, content_end=c_end, chain=q.chain, **cue
                )
    if j < first:
        return None
    two_words = at_least_two_words(words, first, j + 1)
    # 'Holt "is the only candidate with a plan," Ames said': the verb may sit inside the quote
    has_verb = v.finite_between(first, j + 1) or v.finite_tag_between(first, j + 1)
    if not has_verb:  # "The council plans to hire, a spokesman said": a cue read as a verb is one
        has_verb = any(toks[first].start <= a.cue_start < toks[j].end for a in earlier[-4:])
    if not two_words or not has_verb:
        return None
    c_start, c_end = trim_span(text, toks[first].start, toks[j].end)
    if c_end <= c_start:
        return None
    return Attribution(v.sentence.index, quote="indirect", content_start=c_start, content_end=c_end, **cue)


def interrupted(
    v: SentenceView, a0: int, c1: int, cue: dict, text: str, earlier: list[Attribution]
) -> Attribution | None:
    """ "The fund, he said, will run dry": a clause whose subject comes before the speaker and
    whose verb after the cue; the content runs from the subject to the end of the clause."""
    toks, words, n = v.toks, v.words, len(v.words)
    region_start = v.region_start(earlier)
    first = bisect_left(v.token_starts(), region_start)
    j = skip_adverbials(v, c1)
    if first >= a0 - 1 or j + 2 >= n or words[j] != "," or v.quote_of[j + 1] >= 0:
        return None
    if any(v.quote_of[k] >= 0 for k in range(first, a0)) or v.finite_between(first, a0):
        return None
    end = clause_end(v, j + 1)
    if not v.finite_between(j + 1, min(end, j + _SUBJECT_REACH)):
        return None
    c_start, c_end = trim_span(text, toks[first].start, toks[end - 1].end)
    c_end = drop_outlet_clause(v, c_start, c_end, text)
    if c_end <= c_start:
        return None
    return Attribution(v.sentence.index, quote="indirect", content_start=c_start, content_end=c_end, **cue)


def clause_end(v: SentenceView, j: int) -> int:
    """The token after the clause that runs from ``j``: the sentence's end, a semicolon, or a stop outside
    quotes. A reported clause may quote a phrase on its way ("African-Americans, he said, can 'rock like
    Jimi'"): the content runs on through it."""
    words, n = v.words, len(v.words)
    while j < n and (words[j] not in (".", ";", "!", "?") or v.quote_of[j] >= 0):
        j += 1
    return j


def continue_after_cue(v: SentenceView, a: Attribution, c1: int, text: str) -> None:
    """ "Y1, he said, Y2": an indirect content split by its cue runs on to the end of the clause."""
    words, n = v.words, len(v.words)
    j = skip_adverbials(v, c1)
    if j + 2 >= n or words[j] != "," or v.quote_of[j + 1] >= 0 or words[j + 1] in CIRCUMSTANCE:
        return  # "Y, lawmakers said Friday, as they left": the clause after the comma is the outlet's
    end = clause_end(v, j + 1)
    if v.finite_between(j + 1, min(end, j + _SUBJECT_REACH)):  # a clause goes on, not "..., with jets making ..."
        a.content_end = trim_end(text, a.content_start, v.toks[end - 1].end)
        a.content_end = drop_outlet_clause(v, v.toks[j + 1].start, a.content_end, text)


def denied_clause(words: Sequence[str], i: int) -> bool:
    """True when "not that" opens the clause whose subject (up to four words) comes just before word ``i``."""
    for k in range(i - 1, max(i - 6, 0), -1):
        if words[k] == "that":
            return words[k - 1] == "not"
        if words[k] in (",", ";", ":", ".", "and", "but", "or"):
            return False
    return False


def drop_second_verb(v: SentenceView, start: int, end: int, text: str, cues: PhraseMatcher) -> int:
    """End a content before "and warned ...", "but added ...": a second reporting verb of the
    same speaker starts a new report; and before ", not that he is calling for ...": a report
    denied after the content ("calls for a review, not that he is calling for a resignation")."""
    words, tags = v.words, v.tags
    first, last = tok_at(v, start), min(tok_at(v, end), len(words))
    for j in range(first + 2, last - 1):
        second = words[j] in ("and", "but") and v.quote_of[j] < 0 and tags[j + 1] in ("VBD", "VBZ")
        if second and cues.match_at(words, j + 1):
            return trim_end(text, start, v.toks[j].start)
        denied = words[j] == "," and words[j + 1] == "not" and v.quote_of[j] < 0
        if denied and any(cues.match_at(words, k) and denied_clause(words, k) for k in range(j + 3, min(j + 8, last))):
            return trim_end(text, start, v.toks[j].start)
    return end


def main_clause_start(v: SentenceView, start: int, stop: int) -> int:
    """ "While aides have suggested Y, Holt is determined to ...": a report inside a clause that
    opens the sentence ends at the comma before the main clause (a subject and its verb)."""
    words, tags = v.words, v.tags
    for j in range(stop - 2, start + 1, -1):
        if words[j] != "," or v.quote_of[j] >= 0:
            continue
        k = j + 1
        while k < min(stop, j + 9) and (tags[k] in NP_TAGS or words[k] in CONNECT) and words[k] != ",":
            k += 1
        if k > j + 1 and k < stop and v.finite_between(k, k + 1) and tags[k - 1] in SUBJECT_TAGS:
            return j
        break  # only the last comma can open the main clause
    return stop


def resume_after_speaker(v: SentenceView, a: Attribution, end: int, quotes: list[Quote], text: str) -> None:
    """'"The door was chained," said Ona Pell, 27, "and we were trapped."': a direct quote whose cue
    and speaker interrupt it; the quote that opens after the speaker's phrase (and an appositive
    set off by commas) is the same quotation, so the content runs on to its end."""
    words, n = v.words, len(v.words)
    j = end
    while j < min(n, end + 12) and v.quote_of[j] < 0 and words[j] not in (".", ";", "!", "?"):
        if words[j] == "," and j + 1 < n and words[j + 1] in QUOTE_MARKS and v.quote_of[j + 1] >= 0:
            if v.finite_between(end, j):
                return  # '"Y," said X, who leads the union, "Z"': a clause of its own between
            q = quotes[v.quote_of[j + 1]]
            if q.start != v.toks[j + 1].start:
                return
            c_end = trim_span(text, q.inner_start, min(q.inner_end, v.sentence.end))[1]
            if c_end > a.content_end:
                a.content_end, a.split_chain = c_end, q.chain
            return
        j += 1


def directify(v: SentenceView, a: Attribution, quotes: list[Quote], text: str) -> None:
    """Forward content that starts with a quote mark is a direct quote: keep the words inside."""
    i = tok_at(v, a.content_start)
    if i < len(v.words) and v.quote_of[i] >= 0 and v.words[i] in QUOTE_MARKS and not is_scare_quote(v, i):
        q = quotes[v.quote_of[i]]
        if q.start == v.toks[i].start:
            end = min(q.inner_end, v.sentence.end)
            c_start, c_end = trim_span(text, q.inner_start, end)
            if c_end > c_start:
                a.content_start, a.content_end, a.quote, a.chain = c_start, c_end, "direct", q.chain


_ADVERBS_AFTER_CUE = frozenset(
    "today yesterday earlier later again also repeatedly previously recently publicly privately "
    "separately then now once".split()
)
_STATEMENT_NOUNS = frozenset(
    "statement interview briefing speech post message report letter conference call email tweet "
    "release broadcast address".split()
)
_POSSESSIVE_LEAD = frozenset("a an the its his her their".split())


def skip_adverbials(v: SentenceView, j: int) -> int:
    """Skip "on Wednesday", "last week", "in a statement", "earlier" right after a cue."""
    words, n = v.words, len(v.words)
    for _ in range(4):
        if j >= n:
            break
        if words[j] in _ADVERBS_AFTER_CUE:
            j += 1
        elif words[j] in _WEEKDAYS and not (j + 1 < n and words[j + 1] in ("'s", "’s")):
            j += 2 if j + 1 < n and words[j + 1] in _PARTS_OF_DAY else 1  # "said Friday (afternoon)"
        elif j + 1 < n and words[j] in TIME_LEAD and words[j + 1] in TIME_WORDS:
            j += 3 if j + 2 < n and words[j + 1] in _WEEKDAYS and words[j + 2] in _PARTS_OF_DAY else 2
        elif words[j] in ("in", "during", "at", "on") and j + 1 < n and words[j + 1] in _POSSESSIVE_LEAD:
            stop = next((k for k in range(j + 2, min(n, j + 6)) if words[k] in _STATEMENT_NOUNS), -1)
            if stop < 0:
                break
            j = stop + 1
        else:
            break
    return j


#: Small words a title keeps in lower case ("Fox and Friends", "The Art of the Deal").
_TITLE_SMALL_WORDS = frozenset("a an and the of in on at to for or with from by".split())


def is_title_quote(v: SentenceView, k: int) -> bool:
    """True when the quote opening at token ``k`` is a title: after a preposition or a possessive,
    two to eight words, each capitalised or a small word, with no finite verb ('on Fox News’s “Fox
    and Friends”', 'in “The Art of the Deal”')."""
    if k == 0 or not (v.words[k - 1] in ("'s", "’s") or v.tags[k - 1] == "IN"):
        return False  # a title is named on, in or by something: 'on Fox News’s “Fox and Friends”'
    qi = v.quote_of[k]
    m = k + 1
    inner = []
    while m < len(v.words) and v.quote_of[m] == qi and len(inner) <= 8:
        if v.words[m][:1].isalnum():
            inner.append(m)
        m += 1
    if not 2 <= len(inner) <= 8 or v.finite_between(inner[0], inner[-1] + 1):
        return False
    return (
        all(v.toks[i].text[:1].isupper() or v.words[i] in _TITLE_SMALL_WORDS for i in inner)
        and v.toks[inner[0]].text[:1].isupper()
    )


def is_scare_quote(v: SentenceView, k: int) -> bool:
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
    if inner > _SCARE_QUOTE_WORDS or m >= n or not v.words[m][:1].isalnum():
        return False
    if (
        v.words[m] in ("and", "or")
        and m + 1 < n
        and v.tags[m + 1] in ("DT", "PRP$", "JJ", "CD", "NN", "NNS", "NNP", "NNPS")
        and not v.finite_between(k, m)
    ):
        # 'said "budget reforms" and the collection of taxes would pay': a quoted noun phrase, one
        # of two subjects of the reported clause, whose verb comes after the second
        return v.finite_between(m + 1, min(n, m + 10))
    if v.words[m] in CLAUSE_JOINERS:
        return False
    return v.finite_between(m, min(n, m + 6))  # the clause's verb comes after the quote
