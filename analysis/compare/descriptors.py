"""Descriptive words news sources use for an actor: "terrorists", "regime", "the firm".

A *descriptor* is a common noun (or noun phrase) from a short list that either
stands next to a mention of the actor ("Daesh terrorist group", "the Assad
regime", "IS fighters") or stands in for it in an article that names it ("the
terrorists were routed"). The list is deliberately small and lives in the
editable lexicon ``data/lexicons/descriptors.yml``; pass your own words or file
to :func:`analysis.compare.labels` (``descriptors=[...]`` or
``descriptors="mine.yml"``, added to these) or replace it
(``replace_descriptors=True``).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable
from functools import cache
from pathlib import Path

import numpy as np
import pandas as pd

from analysis.resources import Layer, load_layers, merge_layers, read_layer
from analysis.schema import ENTITY_LABELS
from analysis.text import stopwords

#: How many words may stand between a mention and a descriptor attached to it ("IS [foreign] fighters").
ATTACH_WINDOW = 2


#: What this lexicon is called in messages.
KIND = "descriptor lexicon"


@cache
def default_descriptors() -> tuple[str, ...]:
    """The packaged descriptor list, read once from ``data/lexicons/descriptors.yml``."""
    return _words(merge_layers([_checked(layer) for layer in load_layers("descriptors.yml", kind=KIND)]))


def read_descriptors(path: str | Path) -> tuple[str, ...]:
    """Read a descriptor lexicon: ``descriptors:`` mapping group names to lists of words.

    Args:
        path: the YAML file.

    Returns:
        The words, lower case, in file order, without repeats.

    Raises:
        LexiconError: naming the file and line of a malformed entry.
        FileNotFoundError: when the file does not exist.
    """
    return _words(_checked(read_layer(path, kind=KIND)).data)


def _checked(layer: Layer) -> Layer:
    """The layer with its words in lower case; errors name its file and line.

    A group is a list of words (they may stand in for any actor) or a mapping with ``words`` and
    ``stand_in_for``, the entity labels its words may stand in for when no name is next to them.
    """
    groups = layer.data.get("descriptors")
    if set(layer.data) - {"descriptors"} or not isinstance(groups, dict):
        raise layer.error((), "expected a mapping `descriptors:` of group names to lists of words")
    out: dict[str, dict] = {}
    for group, body in groups.items():
        where: tuple = ("descriptors", str(group))
        labels = None
        if isinstance(body, dict):
            if set(body) - {"words", "stand_in_for"} or "words" not in body:
                raise layer.error(where, f"group {group!r} as a mapping takes `words:` and `stand_in_for:` only")
            labels = body.get("stand_in_for")
            if not isinstance(labels, list) or not labels or not set(labels) <= set(ENTITY_LABELS):
                raise layer.error(
                    (*where, "stand_in_for"),
                    f"`stand_in_for` of {group!r} must list entity labels from {', '.join(ENTITY_LABELS)}",
                )
            where, body = (*where, "words"), body["words"]
        if not isinstance(body, list):
            raise layer.error(where, f"group {group!r} must be a list of words (lines starting with '- ')")
        for i, item in enumerate(body):
            if not isinstance(item, str) or not item.strip():
                raise layer.error((*where, i), f"{item!r} is not a word or phrase; write it as text")
        out[str(group)] = {"words": [item.strip().lower() for item in body], "stand_in_for": labels}
    return dataclasses.replace(layer, data={"descriptors": out})


def _words(doc: dict) -> tuple[str, ...]:
    return tuple(dict.fromkeys(word for group in doc.get("descriptors", {}).values() for word in group["words"]))


@dataclasses.dataclass(frozen=True)
class Descriptors:
    """A descriptor lexicon as matched: its words, and what each restricted word may stand in for.

    Attributes:
        words: lower-case words and phrases, longest first.
        stand_in_for: word -> the entity labels it may stand in for ("nominee": PERSON; "company":
            ORG); a word not listed may stand in for any actor. A word next to a name describes that
            name whatever its label ("the Trump company").
    """

    words: list[str]
    stand_in_for: dict[str, frozenset[str]]


def _lexicon(doc: dict) -> Descriptors:
    restricted: dict[str, set[str]] = {}
    free: set[str] = set()
    for group in doc.get("descriptors", {}).values():
        for word in group["words"]:
            if group["stand_in_for"] is None:
                free.add(word)
            else:
                restricted.setdefault(word, set()).update(group["stand_in_for"])
    words = sorted(set(_words(doc)), key=lambda w: (-len(w), w))
    # a word listed in an unrestricted group too may stand in for anything
    return Descriptors(words, {w: frozenset(v) for w, v in restricted.items() if w not in free})


def descriptor_lexicon(extra: Iterable[str] | str | Path | None = None, *, replace: bool = False) -> Descriptors:
    """The descriptors to look for: the packaged lexicon plus ``extra`` (or only ``extra``).

    The rule is every lexicon's (:mod:`analysis.resources`): your words are
    added; ``replace=True`` (or ``inherit: false`` at the top of your file)
    makes them the whole list. Words given as a list may stand in for any actor.

    Args:
        extra: more words, or the path of a descriptor lexicon file (YAML, the
            schema of ``data/lexicons/descriptors.yml``).
        replace: use only ``extra``.

    Returns:
        The words (longest first) and what each may stand in for.

    Raises:
        LexiconError: naming the file and line of a malformed entry.
        FileNotFoundError: when the file does not exist.
    """
    if isinstance(extra, str | Path) and str(extra).endswith((".yml", ".yaml")):
        mine = read_layer(extra, kind=KIND)
    else:
        listed = [extra] if isinstance(extra, str) else list(extra or [])
        mine = Layer("<words>", {"descriptors": {"yours": [w for w in listed if w.strip()]}})
    if replace:
        mine = dataclasses.replace(mine, inherit=False)
    layers = [_checked(layer) for layer in load_layers("descriptors.yml", kind=KIND)] + [_checked(mine)]
    return _lexicon(merge_layers(layers))


def descriptor_list(extra: Iterable[str] | str | Path | None = None, *, replace: bool = False) -> list[str]:
    """The descriptor words of :func:`descriptor_lexicon` (same arguments), longest first."""
    return descriptor_lexicon(extra, replace=replace).words


@cache
def _pattern(words: tuple[str, ...]) -> re.Pattern:
    """One regex for whole-word matches of ``words``, built as a trie ("terrorist", "terrorist
    group" and "terrorists" share "terrorist"), so the engine tries each letter once instead of
    every word at every position."""
    trie: dict = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    return re.compile(r"(?<![\w-])" + _alternation(trie) + r"(?![\w-])", re.IGNORECASE)


def _alternation(node: dict) -> str:
    """The regex of a trie node: its branches, longest first, optional when a word may end here."""
    ends = "" in node
    branches = [re.escape(ch) + _alternation(child) for ch, child in sorted(node.items()) if ch]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if ends:
        return "(?:" + body + ")?" if len(branches) > 1 or len(body) > 1 else body + "?"
    return body


def find_descriptors(
    sentences: pd.DataFrame,
    entities: pd.DataFrame,
    target: str,
    words: list[str],
    text_of,
    *,
    window: int = ATTACH_WINDOW,
    stand_in_for: dict[str, frozenset[str]] | None = None,
) -> pd.DataFrame:
    """Descriptor uses in ``sentences`` that refer to ``target``.

    A match inside any entity mention is part of a name and skipped. A match
    within ``window`` words of a mention (nothing but words, spaces and hyphens
    between) is *attached* to the nearest such mention's entity: it counts for ``target``
    when attached to it and is skipped when attached only to another entity
    ("the Syrian government" describes Syria, not Islamic State); places
    (GPE, LOC) other than ``target`` are ignored for this ("a Belmarro sweatshop"
    is about the factory, not the town). An unattached
    match is a *stand-in* and counts for ``target`` (the sentences are those of
    articles naming it) when the word may stand for an actor of the target's
    label: "the nominee" may be a person, not a company; "the company" may be
    a company, not the person whose company it is ("Trump's company").

    Args:
        sentences: non-debris sentences with ``article_id, sentence_id, start, text, source``.
        entities: all entity rows of those sentences (``start, end, canonical``).
        target: the canonical entity.
        words: descriptor list (lower case).
        text_of: function from article_id to the article text.
        window: words allowed between a mention and an attached descriptor.
        stand_in_for: word -> the labels it may stand in for (:class:`Descriptors`); words
            not in it stand in for any actor. The target's label is its most common one.

    Returns:
        ``source, article_id, sentence_id, start, end, term, attached`` (one row per use).
    """
    columns = ["source", "article_id", "sentence_id", "start", "end", "term", "attached"]
    if not words or sentences.empty:
        return pd.DataFrame({c: [] for c in columns})
    pattern = _pattern(tuple(words))
    hit = sentences[sentences["text"].str.contains(pattern, regex=True)]
    rows = []
    for src, aid, sid, s_start, text in zip(
        hit["source"], hit["article_id"], hit["sentence_id"], hit["start"], hit["text"], strict=True
    ):
        for m in pattern.finditer(text):
            rows.append((src, aid, sid, s_start + m.start(), s_start + m.end(), m.group(0).lower()))
    found = pd.DataFrame(rows, columns=columns[:-1])
    if found.empty:
        return found.assign(attached=pd.Series(dtype="bool"))
    found["row"] = range(len(found))
    ents = entities[["article_id", "sentence_id", "start", "end", "canonical", "label"]].rename(
        columns={"start": "e_start", "end": "e_end"}
    )
    pairs = found.merge(ents, on=["article_id", "sentence_id"], how="inner")
    inside = (pairs["start"] < pairs["e_end"]) & (pairs["e_start"] < pairs["end"])
    gap_re = re.compile(r"^[\s\-]*(?:[^\W_]+[\s\-]+){0," + str(window) + r"}$")
    gaps = [
        text_of(a)[e:s] if e <= s else text_of(a)[en:es]
        for a, s, en, e, es in zip(
            pairs["article_id"], pairs["start"], pairs["end"], pairs["e_end"], pairs["e_start"], strict=True
        )
    ]
    near = pd.Series([bool(gap_re.match(g)) for g in gaps], index=pairs.index) & ~inside
    # a place name before a noun locates it ("a Belmarro sweatshop"), it is not what the noun names
    place = pairs["label"].isin(["GPE", "LOC"]) & (pairs["canonical"] != target)
    near &= ~place
    # a descriptor belongs to the nearest mention it is attached to
    attached = pairs[near].assign(gap=[len(g) for g, n in zip(gaps, near, strict=True) if n])
    # at equal distance the name after the word wins: "Republican nominee Kordell Vane" describes Vane
    attached = attached.assign(before=attached["e_start"] < attached["start"])
    attached = attached.sort_values(["row", "gap", "before"], kind="stable").drop_duplicates("row")
    inside_rows = set(pairs.loc[inside, "row"])
    to_target = set(attached.loc[attached["canonical"] == target, "row"])
    to_other = set(attached.loc[attached["canonical"] != target, "row"])
    stand_in = ~found["row"].isin(to_target) & ~found["row"].isin(to_other)
    if stand_in_for:
        stand_in &= found["row"].isin(_standing_for(found[stand_in], entities, target, stand_in_for, text_of))
    keep = ~found["row"].isin(inside_rows) & (found["row"].isin(to_target) | stand_in)
    found = found[keep].assign(attached=lambda f: f["row"].isin(to_target))
    return found[columns].reset_index(drop=True)


#: A description of one actor opens with a determiner or a possessive, then at most three words
#: ("the New York businessman", "the party's nominee", "a self-made billionaire"); "either
#: candidate", "many experts suspect" describe no one.
_DESCRIPTION_OPENS = re.compile(
    r"(?:\b(?:the|a|an|this|that|his|her|its|their|our|your|my)|[^\W_]['’]s)(?:[\s-]+[^\W_][\w.-]*){0,3}[\s-]+$",
    re.IGNORECASE,
)
#: ... and ends at the noun: what follows is punctuation, a function word or a verb-like word
#: ("the nominee has", "the billionaire said"), not another noun ("populist appeal").
_DESCRIPTION_ENDS = re.compile(r"^(?:\s*(?:[^\w\s]|$)|\s+(?P<next>[a-z][\w-]*))")


def _is_description(text: str, start: int, end: int) -> bool:
    if not _DESCRIPTION_OPENS.search(text[max(0, start - 60) : start]):
        return False
    tail = _DESCRIPTION_ENDS.match(text[end : end + 30])
    if tail is None:
        return False
    word = tail.group("next")
    return word is None or word in stopwords() or word == "said" or word.endswith(("s", "ed"))


def _standing_for(
    candidates: pd.DataFrame, entities: pd.DataFrame, target: str, stand_in_for: dict[str, frozenset[str]], text_of
) -> set[int]:
    """The ``row`` of each stand-in that refers to ``target``.

    A word free to stand in for any actor refers to every actor its article names (the heuristic
    :func:`find_descriptors` documents). A restricted word refers only to actors of the labels it
    may stand for ("the firm" is not the person who owns it). An organisation, a country or a
    people is the one actor of its kind an article keeps returning to ("the firm", "the regime"),
    so such a word counts for every one the article names. A person is described locally, as a
    definite description is in news ("Kordell Vane ... The billionaire said"): when the word is
    written as a description of someone (:data:`_DESCRIPTION_OPENS`), it refers to the nearest
    person named before it in its article, or the one named right after it ("the campaign
    chairman, Ned Ulric"), or, when the article names none before it, the first one after it.
    """
    labels = entities.loc[entities["canonical"] == target, "label"].astype(str)
    label = labels.mode().iloc[0] if len(labels) else ""
    allowed = candidates["term"].map(lambda term: label in stand_in_for.get(term, (label,))).astype(bool)
    free = ~candidates["term"].isin(stand_in_for.keys())
    if label != "PERSON":
        return set(candidates.loc[free | allowed, "row"])
    rows = set(candidates.loc[free, "row"])
    described = [
        _is_description(text_of(a), s, e)
        for a, s, e in zip(candidates["article_id"], candidates["start"], candidates["end"], strict=True)
    ]
    words = candidates[~free & allowed & pd.Series(described, index=candidates.index, dtype=bool)]
    persons = entities[entities["label"] == "PERSON"]
    if words.empty or persons.empty:
        return rows
    words = pd.DataFrame({
        "row": words["row"], "article_id": words["article_id"].astype(object),
        "start": words["start"].astype("int64"), "end": words["end"].astype("int64"),
    }).sort_values("start")  # fmt: skip
    persons = pd.DataFrame({
        "article_id": persons["article_id"].astype(object), "e_start": persons["start"].astype("int64"),
        "canonical": persons["canonical"].astype(object),
    }).sort_values("e_start")  # fmt: skip
    before, after = (
        pd.merge_asof(
            words,
            persons,
            left_on="start",
            right_on="e_start",
            by="article_id",
            direction=direction,
            allow_exact_matches=False,
        )
        for direction in ("backward", "forward")
    )
    # an apposition names whom it describes right after it
    apposed = (after["e_start"] - after["end"]).between(0, 3).to_numpy()
    referent = np.where(apposed | before["canonical"].isna().to_numpy(), after["canonical"], before["canonical"])
    rows |= set(words["row"].to_numpy()[referent == target])
    return rows
