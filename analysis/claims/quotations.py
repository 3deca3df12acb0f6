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
from analysis.claims.view import SentenceView
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


def join_split_quotes(found: list[Attribution]) -> list[Attribution]:
    """One row for a quoted sentence split by its cue: '"My hope," he said, "is that the talks go on."',
    '"We counted," she said, "and they lied."'. The writer interrupts one quotation to say who speaks;
    the content runs from the first half's start to the second's end, the cue inside it, as
    attribution corpora mark it (a quotation split across sentences is joined by
    :func:`join_quotations`)."""
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
        ):
            last.content_end = a.content_end
            last.split_chain = a.chain  # a quote after the cue may run on into the next paragraph
            continue
        out.append(a)
    return out


def join_quotations(found: list[Attribution], para_of: dict[int, int]) -> list[Attribution]:
    """One row per quotation: the sentences of a quote that have no cue of their own join the row of
    the attribution they continue (its speaker resolved already, :class:`SpeakerResolver`).

    A quotation is what one speaker is quoted as saying in one stretch:

    * the sentences inside one pair of quote marks (``She said: "A. B. C."``, ``"A. B," she said.``);
    * a quote continued in a new paragraph that opens with a quote mark again while the paragraph
      before left its quote open (news style: one chain of quote marks);
    * a quote interrupted by its cue across sentences, the next sentence opening a new quote in the
      same paragraph (``"We will win," she said. "Nobody doubts it."``): the writer interrupts one
      statement to say who makes it, as attribution corpora mark it. A new paragraph whose quote
      follows a closed one is a new quotation of the same speaker (its own row).

    The joined row's content runs from the first sentence's words to the last's, the cue inside it
    when the cue interrupts; its ``sentence`` is the first sentence the quotation and its cue touch
    (the cue's when the cue leads, the quote's first when the cue follows). A continued quote whose
    speaker comes from an indirect report ("Holt said the plan failed. 'It was a disaster.'") keeps
    its own row.
    """
    group: dict[int, Attribution] = {}  # id of an attribution -> the row of its quotation

    def continues(a: Attribution) -> bool:
        src = a.source
        if a.kind != "chain" or src is None or a.quote != "direct" or src.quote != "direct":
            return False
        same = a.chain >= 0 and a.chain in (src.chain, src.split_chain)
        return same or para_of.get(a.sentence, -1) == para_of.get(src.sentence, -2)

    def joined(a: Attribution) -> Attribution:
        path, seen, x = [], set(), a  # a walk, not a recursion: a quote may run over thousands of sentences
        while id(x) not in group and id(x) not in seen and continues(x):
            seen.add(id(x))
            path.append(x)
            x = x.source  # type: ignore[assignment]
        root = group.get(id(x), x)
        for y in [*path, x]:
            group[id(y)] = root
        return root

    out: list[Attribution] = []
    for a in found:
        root = joined(a)
        if root is a:
            out.append(a)
            continue
        root.content_start = min(root.content_start, a.content_start)
        root.content_end = max(root.content_end, a.content_end)
        root.sentence = min(root.sentence, a.sentence)
    out.sort(key=lambda a: (a.sentence, a.content_start, a.order))
    return out
