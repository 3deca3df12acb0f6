"""Quotations beyond one cue: a quote's sentences without a cue of their own, a quote signed
after a dash, a quoted sentence split by its cue.

These passes run over the whole article after every sentence has been read
(:class:`analysis.claims.attribution.AttributionFinder`): a continued quote's rows take
their speaker later, from the attribution they continue
(:class:`analysis.claims.speakers.SpeakerResolver`).
"""

from __future__ import annotations

from bisect import bisect_right

from analysis.claims.model import Attribution
from analysis.claims.noun_phrases import set_speaker
from analysis.claims.spans import DASHES, trim_span
from analysis.claims.view import FINITE, SentenceView, tok_at
from analysis.claims.words import CLAUSE_JOINERS, SUBJECT_TAGS, SUBORDINATORS
from analysis.text import Document
from analysis.text.quotes import Quote


def quote_only(
    doc: Document, views: dict[int, SentenceView], quotes: list[Quote], found: list[Attribution]
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
        c_start, c_end = trim_span(text, max(q.inner_start, v.sentence.start), min(q.inner_end, v.sentence.end))
        inner_words = sum(1 for w in v.words if w[:1].isalnum())
        question = v.sentence.text.rstrip(" \"”»'’").endswith("?") or text[c_start:c_end].endswith("?")
        if c_end <= c_start or inner_words < 3 or question:
            continue
        out.append(Attribution(index, "", -1, -1, c_start, c_end, "direct", kind="chain", chain=q.chain))
    return out


def dash_bylines(
    doc: Document, views: dict[int, SentenceView], quotes: list[Quote], found: list[Attribution]
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
            if words[d] not in DASHES or v.quote_of[d] >= 0:
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
            c_start, c_end = trim_span(text, max(q.inner_start, holder.start), min(q.inner_end, holder.end))
            if c_end <= c_start:
                continue
            cue = v.toks[d]
            a = Attribution(holder.index, cue.text, cue.start, cue.end, c_start, c_end, "direct", chain=q.chain)
            set_speaker(v, a, d + 1, last, text)
            out.append(a)
            taken.add((holder.index, q.chain))
            break
    return out


def join_split_quotes(found: list[Attribution], views: dict[int, SentenceView]) -> list[Attribution]:
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


def _fragment_halves(v: SentenceView, first: Attribution, second: Attribution) -> bool:
    """Whether one half of a split quote is no clause of its own: the first has no finite verb or
    opens with a subordinator ("My hope", "If costs rise"), or the second opens with its verb ("is
    that ...") or with no capital and no conjunction ("what does he think of you?")."""
    f0, f1 = tok_at(v, first.content_start), tok_at(v, first.content_end)
    s0 = tok_at(v, second.content_start)
    if s0 >= len(v.words) or f0 >= f1:
        return False
    tags = v.tags
    clause = v.finite_tag_between(f0, f1) or any(
        tags[k] in ("VBN", "VB") and tags[k - 1] in SUBJECT_TAGS for k in range(f0 + 1, f1)
    )  # "They counted": the tagger's past participle after its subject
    if not clause or v.words[f0] in SUBORDINATORS:
        return True
    lead, tag = v.words[s0], v.tags[s0]
    if tag in FINITE:
        return True
    return v.toks[s0].text[:1].islower() and lead not in CLAUSE_JOINERS and tag not in ("PRP", "DT", "NNP", "NNS", "NN")
