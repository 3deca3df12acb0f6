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

import pandas as pd

from analysis.resources import Layer, load_layers, merge_layers, read_layer

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
    """The layer with its words in lower case; errors name its file and line."""
    groups = layer.data.get("descriptors")
    if set(layer.data) - {"descriptors"} or not isinstance(groups, dict):
        raise layer.error((), "expected a mapping `descriptors:` of group names to lists of words")
    out: dict[str, list[str]] = {}
    for group, items in groups.items():
        if not isinstance(items, list):
            raise layer.error(
                ("descriptors", str(group)), f"group {group!r} must be a list of words (lines starting with '- ')"
            )
        for i, item in enumerate(items):
            if not isinstance(item, str) or not item.strip():
                raise layer.error(("descriptors", str(group), i), f"{item!r} is not a word or phrase; write it as text")
        out[str(group)] = [item.strip().lower() for item in items]
    return dataclasses.replace(layer, data={"descriptors": out})


def _words(doc: dict) -> tuple[str, ...]:
    return tuple(dict.fromkeys(word for words in doc.get("descriptors", {}).values() for word in words))


def descriptor_list(extra: Iterable[str] | str | Path | None = None, *, replace: bool = False) -> list[str]:
    """The descriptors to look for: the packaged list plus ``extra`` (or only ``extra``).

    The rule is every lexicon's (:mod:`analysis.resources`): your words are
    added; ``replace=True`` (or ``inherit: false`` at the top of your file)
    makes them the whole list.

    Args:
        extra: more words, or the path of a descriptor lexicon file (YAML, the
            schema of ``data/lexicons/descriptors.yml``).
        replace: use only ``extra``.

    Returns:
        Lower-case words and phrases, longest first.

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
    return sorted(set(_words(merge_layers(layers))), key=lambda w: (-len(w), w))


def find_descriptors(
    sentences: pd.DataFrame,
    entities: pd.DataFrame,
    target: str,
    words: list[str],
    text_of,
    *,
    window: int = ATTACH_WINDOW,
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
    articles naming it).

    Args:
        sentences: non-debris sentences with ``article_id, sentence_id, start, text, source``.
        entities: all entity rows of those sentences (``start, end, canonical``).
        target: the canonical entity.
        words: descriptor list (lower case).
        text_of: function from article_id to the article text.
        window: words allowed between a mention and an attached descriptor.

    Returns:
        ``source, article_id, sentence_id, start, end, term, attached`` (one row per use).
    """
    columns = ["source", "article_id", "sentence_id", "start", "end", "term", "attached"]
    if not words or sentences.empty:
        return pd.DataFrame({c: [] for c in columns})
    pattern = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(w) for w in words) + r")(?![\w-])", re.IGNORECASE)
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
    attached = attached.sort_values(["row", "gap"], kind="stable").drop_duplicates("row")
    inside_rows = set(pairs.loc[inside, "row"])
    to_target = set(attached.loc[attached["canonical"] == target, "row"])
    to_other = set(attached.loc[attached["canonical"] != target, "row"])
    keep = ~found["row"].isin(inside_rows) & (found["row"].isin(to_target) | ~found["row"].isin(to_other))
    found = found[keep].assign(attached=lambda f: f["row"].isin(to_target))
    return found[columns].reset_index(drop=True)
