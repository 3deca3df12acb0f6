"""Figures of one quantity across claim groups: the same counted thing, however the claims were grouped.

The aligner groups claims by what they assert; two outlets may give one figure inside claims it
keeps apart ("The Harbor Relief Fund will receive $3.5 billion, the governor said" / "lawmakers
approved $3.6 billion for the Harbor Relief Fund on Tuesday, after a night of debate"). Inside one
event, two such figures are compared when the words say they measure the same thing, and only then:

* everything :func:`analysis.compare.quantities.same_quantity` asks (one unit class, one kind: an
  age is not a duration; one rate; one time; one holder; values within ten times; not a rise
  against a fall; words in common around the figures);
* **the same counted thing** (:func:`heads`): the nearest noun or verb on each side of the figure
  inside its clause ("a *loss* of $916 million", "29 people were *injured*", "*raised* $3.5
  billion"), and an organisation named next to it (a fund's or a company's name), must meet, by
  stem or synonym group;
* **no other counted noun**: when both figures are followed by the noun they count ("a $3.5
  billion *loss*" / "a $3.6 billion *debt*") or by "of" and a noun ("48 percent *of the vote*" /
  "45 percent *of voters*"), those nouns must meet: a percentage of something else is another
  quantity;
* **more in common than the head**: a common word shared as the head ("marched", "paid") happens
  by chance in one event, so the sentences must share two things in all: another head or counted
  word, an actor, or the year they name; a named organisation or person as the head is specific
  enough alone.

Figures are blocked by (unit class, kind, rate, head): only figures sharing a block are compared,
so an event's figures are never read pair by pair (in a block of more than :data:`MAX_BLOCK`
figures, a value one source writes again is read once; a head still shared by more figures than
that says nothing about which quantity, and its block is skipped).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from functools import lru_cache

import pandas as pd

from analysis.compare.quantities import Figure, same_quantity, time_anchors

__all__ = ["HEAD_REACH", "MAX_BLOCK", "attached_noun", "heads", "names", "same_across"]

#: Words read on each side of a figure for its head (stopwords included in the count).
HEAD_REACH = 3
#: A block (unit class, kind, rate, head) with more figures than this is skipped: its head is a topic.
MAX_BLOCK = 200

_WORD = re.compile(r"\w+(?:['’][a-z]+)?")
_CLAUSE = re.compile(r"[,;:()—–]| - |\b(?:and|but|while|which|who|whereas)\b")
#: Prepositions that open an adjunct: a head is read up to them, not past them ("50.6 percent *after*
#: officials re-examined": the officials are not what the percentage counts). "of" is crossed ("a loss
#: of", "percent of the vote"). Closed-class English.
_ADJUNCT = frozenset({"after", "before", "since", "until", "from", "to", "in", "on", "at", "by", "with", "across",
                      "during", "than", "for", "over", "under", "per", "amid", "because", "when", "as", "near",
                      "into", "through", "around", "against", "behind", "beyond", "within", "without", "along",
                      "toward", "towards", "among", "outside", "inside", "off", "onto", "via"})  # fmt: skip
#: Words that link a figure to the noun it measures on its left: "a loss of $9 million", "turnout was 61%".
_LINK_LEFT = frozenset({"of", "at", "was", "were", "is", "are", "totaled", "totalled", "reached", "to"})


@lru_cache(maxsize=1)
def _number_words() -> frozenset[str]:
    """The words of a number expression (number words, units, currencies), from the numbers lexicon."""
    from analysis.numbers import load_lexicon

    lex = load_lexicon()
    units = {w for key in lex.units for w in key} | {w for u in lex.units.values() for w in u.split()}
    return frozenset(lex.words) | frozenset(units) | frozenset(lex.currencies.values())


def _numeric(word: str) -> bool:
    """Whether a (lower-case) word belongs to a number expression: a digit, a number word, a unit."""
    return any(c.isdigit() for c in word) or word in _number_words()


@lru_cache(maxsize=1)
def _number_stems() -> frozenset[str]:
    """:func:`_number_words` as the aligner stems them (they say how much, never what is counted)."""
    from analysis.compare.alignment import stem

    return frozenset(stem(w) for w in _number_words()) | _number_words()


def _opener(sentence: str) -> str:
    """The sentence's first word: capitalised because it opens the sentence, not because it is a name."""
    m = _WORD.search(sentence)
    return m.group() if m else ""


def _clause_left(sentence: str, start: int) -> str:
    text = sentence[:start]
    cut = [m.end() for m in _CLAUSE.finditer(text)]
    return text[cut[-1] :] if cut else text


def _clause_right(sentence: str, end: int) -> str:
    text = sentence[end:]
    m = _CLAUSE.search(text)
    return text[: m.start()] if m else text


def heads(
    sentence: str,
    start: int,
    end: int,
    *,
    stem: Callable[[str], str],
    stop: Iterable[str],
    concept_of: dict[str, str],
    counts: Callable[[str], bool],
    names: Sequence[tuple[int, int, str, str]] = (),
    noun: Callable[[str], bool] | None = None,
) -> frozenset[str]:
    """What a figure counts: the nearest noun or verb on each side inside its clause, and names next to it.

    Args:
        sentence: the sentence text.
        start, end: the figure's span in the sentence (its unit noun included).
        stem: word -> stem.
        stop: closed-class words, skipped (they still count towards :data:`HEAD_REACH`).
        concept_of: stem -> synonym group ("injured" and "wounded" are one head).
        counts: whether a word is a noun or a verb (not a modifier).
        noun: whether a word is a noun; when given, a verb on the figure's left is read on to the
            noun before it ("the death toll rose to 31": rose, toll).
        names: ``(start, end, canonical, label)`` of the organisations and persons the sentence names
            (:func:`names`): an organisation within the reach of the figure is a head (``E:`` + its
            name: a fund, a company); a person right before or after it is whose age it may be
            (``P:`` + the name: "Crutcher, 40,").

    Returns:
        Stems or synonym groups; names as ``E:name`` / ``P:name``. Capitalised words are names, never
        word heads (the noun a figure is written with, :func:`attached_noun`, is one too).

    >>> sorted(heads("Varn claimed a loss of $916 million in 1995.", 22, 34, stem=str.lower, stop={"a", "of", "in"},
    ...              concept_of={}, counts=lambda w: True))
    ['loss']
    """
    stop = stop if isinstance(stop, (set, frozenset)) else set(stop)
    left = _WORD.findall(_clause_left(sentence, start))[-HEAD_REACH:]
    right = _WORD.findall(_clause_right(sentence, end))[:HEAD_REACH]
    out = set()
    for side, words in (("left", list(reversed(left))), ("right", right)):
        for at, w in enumerate(words):
            low = w.lower()
            if _numeric(low) or (low in _ADJUNCT and low != "of" and not (side == "left" and at == 0)):
                # another figure, or an adjunct: what follows is not what this figure counts (the
                # preposition right before a figure is its own: "rose *to* 31", "a loss *of* $9 million")
                break
            if low in stop or w[:1].isupper() or len(w) < 3:
                continue
            s = stem(w)
            if s not in concept_of and not counts(w):
                continue  # a modifier; a word of a synonym group always names something ("a $9 million fine")
            out.add(concept_of.get(s, s))
            if side == "right" or noun is None or noun(w):
                break  # on the left a verb goes on to its noun: "the death *toll rose* to 31"
    left_edge = start - len(_clause_left(sentence, start))
    right_edge = end + len(_clause_right(sentence, end))
    for a, b, name, label in names:
        if a < end and b > start:
            continue
        gap = _WORD.findall(sentence[b:start] if b <= start else sentence[end:a])
        if label == "PERSON":
            # whose age: "Crutcher, 40," / "Crutcher, aged 40" / "a 40-year-old Crutcher" (across the comma)
            if len(gap) <= 1 and (not gap or gap[0].lower() in ("aged", "age", "a", "an")):
                out.add(f"P:{name}")
        elif left_edge <= a and b <= right_edge and len(gap) <= HEAD_REACH:
            out.add(f"E:{name}")
    return frozenset(out)


def attached_noun(
    sentence: str,
    start: int,
    end: int,
    *,
    stem: Callable[[str], str],
    stop: Iterable[str],
    concept_of: dict[str, str],
    noun: Callable[[str], bool],
) -> str:
    """The noun a figure is written with, when it is: right after it ("a $3.5 billion *loss*"), after "of" on
    its right ("48 percent *of the vote*"), or before "of" / a copula on its left ("a *loss* of $916 million",
    "*turnout* was 61 percent"); "" when none (a stem or synonym group).

    >>> attached_noun("It was 48 percent of the vote.", 7, 17, stem=str.lower, stop={"of", "the"},
    ...               concept_of={}, noun=lambda w: True)
    'vote'
    """
    stop = stop if isinstance(stop, (set, frozenset)) else set(stop)
    opener = _opener(sentence)
    right = _WORD.findall(_clause_right(sentence, end))
    left = _WORD.findall(_clause_left(sentence, start))

    def norm(w: str) -> str:
        s = stem(w)
        return concept_of.get(s, s)

    def fits(w: str) -> bool:
        low = w.lower()
        if low in stop or _numeric(low) or (w[:1].isupper() and w != opener):
            return False
        return stem(w) in concept_of or noun(w)

    if right and right[0].lower() == "of":
        rest = [w for w in right[1:3] if w.lower() not in stop]
        if rest and fits(rest[0]):
            return norm(rest[0])
    elif right and fits(right[0]):
        return norm(right[0])
    if len(left) >= 2 and left[-1].lower() in _LINK_LEFT and fits(left[-2]):
        return norm(left[-2])
    return ""


def same_across(items: Sequence[Figure], groups: Sequence[object]) -> dict[tuple[int, int], str]:
    """The pairs of figures of two sources judged one quantity by what they count (the rules of the module).

    Args:
        items: the figures (each with ``heads``, ``attached`` and ``context`` read).
        groups: each figure's claim group: a pair of two groups says so in its reason. A pair of one
            group is returned too (its claims say the same thing, and the name next to both figures
            says what they count, where the words around them may share nothing: "receive $3.5
            billion" / "approved $3.6 billion for the Harbor Relief Fund").

    Returns:
        ``(i, j) -> why`` with ``i < j``: the reason names the shared head and what else the two share.
    """
    blocks: dict[tuple, list[int]] = {}
    for i, f in enumerate(items):
        for h in _counted(f):
            blocks.setdefault((f.unit, f.kind, f.rate, h), []).append(i)
    out: dict[tuple[int, int], str] = {}
    seen: set[tuple[int, int]] = set()
    for block in blocks.values():
        if len(block) > MAX_BLOCK:
            # a figure its source writes again (many articles of one outlet) is one counterpart
            firsts: dict[tuple, int] = {}
            for i in block:
                f = items[i]
                firsts.setdefault((f.source, f.value, f.value_high, f.qualifier), i)
            block = sorted(firsts.values())
        if len(block) < 2 or len(block) > MAX_BLOCK:
            continue
        for x, i in enumerate(block):
            a = items[i]
            for j in block[x + 1 :]:
                b = items[j]
                if a.source == b.source or (i, j) in seen:
                    continue
                seen.add((i, j))
                why = _judge(a, b, across=groups[i] != groups[j])
                if why:
                    out[(i, j)] = why
    return out


def _counted(f: Figure) -> frozenset[str]:
    """A figure's heads and the noun it is written with ("Turnout was 61 percent": turnout)."""
    return f.heads | {f.attached} if f.attached else f.heads


def _judge(a: Figure, b: Figure, *, across: bool = True) -> str:
    """Why two figures are one quantity by what they count ("" when they are not); ``across``: of two groups."""
    shared = _counted(a) & _counted(b)
    if a.kind == "age" or b.kind == "age":
        # an age is one person's: the same person named next to both figures, nothing else
        shared = {h for h in shared if h.startswith("P:")}
        if not shared:
            return ""
    else:
        shared = {h for h in shared if not h.startswith("P:")}
    named = sorted(h[2:] for h in shared if h[:2] in ("E:", "P:"))
    words = sorted(h for h in shared if h[:2] not in ("E:", "P:"))
    if not named and not words:
        return ""
    also = sorted((a.context & b.context) - shared - _number_stems())
    actors = sorted((a.actors & b.actors) - set(named))
    years = sorted(time_anchors(a.sentence)["year"] & time_anchors(b.sentence)["year"])
    if not named and len(words) + len(also) + len(actors) + len(years) < 2:
        return ""  # one common word in common happens by chance in an event
    # the counted thing is what the figures have in common, as the in-group rules read it
    ok, _ = same_quantity(replace(a, context=a.context | shared), replace(b, context=b.context | shared))
    if not ok:
        return ""
    said = [f"counted thing: {', '.join(named + words)}"]
    if a.attached and a.attached == b.attached and a.attached not in shared:
        said.append(f"both of: {a.attached}")
    if also:
        said.append(f"also: {', '.join(also[:4])}")
    if actors:
        said.append(f"actors: {', '.join(actors[:3])}")
    if years:
        said.append(f"year: {', '.join(years)}")
    where = "across claim groups, " if across else ""
    return f"{where}both {a.unit} ({a.kind}), " + "; ".join(said)


def names(entities, sentences, where: pd.DataFrame) -> dict[tuple[str, int], tuple[tuple[int, int, str, str], ...]]:
    """The organisations and persons each sentence of ``where`` (``article_id``, ``sentence_id``: the
    sentences holding figures) names, for :func:`heads`: ``(article_id, sentence_id) -> ((start, end,
    canonical, label), ...)``, offsets in the sentence."""
    if entities is None or entities.empty or where.empty:
        return {}
    keys = ["article_id", "sentence_id"]
    ents = entities[entities["label"].astype(str).isin(("ORG", "PERSON"))]
    ents = ents.merge(where[keys].drop_duplicates(), on=keys)
    ents = ents.merge(sentences[[*keys, "start"]].rename(columns={"start": "at"}), on=keys)
    if ents.empty:
        return {}
    at = ents["at"].to_numpy()
    rows = zip(
        ents["article_id"].astype(str),
        ents["sentence_id"].astype(int),
        ents["start"].to_numpy() - at,
        ents["end"].to_numpy() - at,
        ents["canonical"].astype(str),
        ents["label"].astype(str),
        strict=True,
    )
    out: dict[tuple[str, int], list[tuple[int, int, str, str]]] = {}
    for aid, sid, a, b, name, label in rows:
        out.setdefault((aid, sid), []).append((int(a), int(b), name, label))
    return {k: tuple(v) for k, v in out.items()}
