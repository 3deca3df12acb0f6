"""Compare how sources describe the same event: tidy tables, one verb each.

Every function takes an :class:`~analysis.Analysis` and the keyword filters
``event=`` and ``sources=``, counts only sentences that are not page debris,
and returns a tidy DataFrame whose every mean stands beside the count behind
it. Each has a plot twin in :mod:`analysis.plots`, and :func:`evidence` returns
the sentences behind any cell.

>>> from analysis import compare                                   # doctest: +SKIP
>>> compare.voice(result, event="syria-isis-defeat-2017")           # doctest: +SKIP
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Sequence
from pathlib import Path

import numpy as np
import pandas as pd

from analysis import schema
from analysis.compare.alignment import claim_alignment
from analysis.compare.descriptors import ATTACH_WINDOW, descriptor_lexicon, find_descriptors
from analysis.compare.scope import Scope, count_words, select, spans
from analysis.compare.stats import mean_interval
from analysis.result import Analysis

__all__ = ["EVIDENCE_COLUMNS", "OWN_VOICE", "SPEAKER_TYPES", "coverage", "evidence", "labels", "tone", "voice"]

#: Shown as the speaker of claims the outlet states in its own voice.
OWN_VOICE = "(own voice)"
#: The speaker types of the claims table, in display order.
SPEAKER_TYPES = schema.SPEAKER_TYPES

Sources = str | Sequence[str] | None


# --------------------------------------------------------------------------- coverage


def coverage(result: Analysis, event: str | None = None, sources: Sources = None) -> pd.DataFrame:
    """Which entities each source mentions, how often, and how early.

    Args:
        result: an :class:`~analysis.Analysis`.
        event: only this event's articles.
        sources: only these sources.

    Returns:
        One row per (source, canonical entity), for every entity any selected
        source mentions (zero rows included, so absences show):
        ``source, canonical, label, mentions, articles, n_articles, n_words,
        per_1000_words, first_mention``. ``articles`` is how many of the
        source's ``n_articles`` mention the entity; ``per_1000_words`` is
        ``mentions / n_words * 1000`` over the source's non-debris words;
        ``first_mention`` is the mean, over the articles that mention it, of the
        share of the article's (non-debris) text before the first mention
        (0 = the story opens with it, NaN = never mentioned). Sorted by total
        mentions (descending), canonical name, then source.
    """
    scope = select(result, event, sources)
    ents = scope.entities
    per_source = scope.articles.groupby("source").agg(n_articles=("article_id", "size"), n_words=("n_words", "sum"))
    per_source = per_source.reindex(scope.sources, fill_value=0)
    counted = ents.groupby(["source", "canonical"]).agg(
        mentions=("canonical", "size"), articles=("article_id", "nunique")
    )
    first = _first_mentions(scope).groupby(["source", "canonical"])["position"].mean().rename("first_mention")
    label = _top_value(ents, ["canonical"], "label")
    canon = sorted(set(ents["canonical"]))
    grid = pd.MultiIndex.from_product([scope.sources, canon], names=["source", "canonical"])
    out = pd.DataFrame(index=grid).join(counted).join(first).reset_index()
    out[["mentions", "articles"]] = out[["mentions", "articles"]].fillna(0).astype("int64")
    out = out.join(per_source, on="source")
    out["label"] = out["canonical"].map(label).astype("string")
    with np.errstate(divide="ignore", invalid="ignore"):
        out["per_1000_words"] = np.where(out["n_words"] > 0, out["mentions"] / out["n_words"] * 1000, np.nan)
    total = out.groupby("canonical")["mentions"].transform("sum")
    out = out.assign(_total=total).sort_values(
        ["_total", "canonical", "source"], ascending=[False, True, True], kind="stable"
    )
    columns = [
        "source",
        "canonical",
        "label",
        "mentions",
        "articles",
        "n_articles",
        "n_words",
        "per_1000_words",
        "first_mention",
    ]
    out = out[columns].astype({"source": "string", "canonical": "string", "n_articles": "int64", "n_words": "int64"})
    return out.reset_index(drop=True)


def _first_mentions(scope: Scope) -> pd.DataFrame:
    """Per (article, canonical): the share of non-debris characters before the first mention."""
    sents = scope.sentences[["article_id", "sentence_id", "start", "end"]].copy()
    sents["length"] = sents["end"] - sents["start"]
    sents["before"] = sents.groupby("article_id")["length"].cumsum() - sents["length"]
    total = sents.groupby("article_id")["length"].sum().rename("total")
    first = scope.entities.loc[
        scope.entities.groupby(["article_id", "canonical"])["start"].idxmin(),
        ["article_id", "sentence_id", "canonical", "source", "start"],
    ]
    first = first.merge(
        sents[["article_id", "sentence_id", "start", "before"]].rename(columns={"start": "s_start"}),
        on=["article_id", "sentence_id"],
    ).join(total, on="article_id")
    first["position"] = (first["before"] + first["start"] - first["s_start"]) / first["total"]
    return first[["article_id", "source", "canonical", "position"]]


def _top_value(frame: pd.DataFrame, keys: list[str], column: str) -> pd.Series:
    """The most frequent ``column`` value per key (ties: alphabetical)."""
    if frame.empty:
        return pd.Series(dtype="string")
    counts = frame.groupby([*keys, column]).size().rename("n").reset_index()
    counts = counts.sort_values([*keys, "n", column], ascending=[True] * len(keys) + [False, True])
    top = counts.drop_duplicates(keys)
    return top.set_index(keys[0] if len(keys) == 1 else keys)[column]


# --------------------------------------------------------------------------- labels


def labels(
    result: Analysis,
    entity: str,
    event: str | None = None,
    sources: Sources = None,
    *,
    descriptors: Iterable[str] | str | Path | None = None,
    replace_descriptors: bool = False,
    window: int = ATTACH_WINDOW,
) -> pd.DataFrame:
    """The words each source uses for one actor: its names and the common nouns around it.

    Two kinds of term are counted, per source:

    * ``surface``: how the entity is written where it is named
      (``entities.text`` of rows whose ``canonical`` is ``entity``: "Daesh",
      "IS", "Islamic State");
    * ``descriptor``: words from a short list
      (:func:`~analysis.compare.descriptors.default_descriptors`, from ``data/lexicons/descriptors.yml``: "terrorists",
      "militants", "regime", "the firm", ...) that either stand next to a
      mention of the entity ("IS fighters", "the Assad regime";
      ``n_attached`` counts those) or stand in for it in an article that names
      it ("the terrorists were routed"). A descriptor next to a *different*
      entity ("the Syrian government") is not counted. Stand-ins are a
      heuristic: read them with :func:`evidence` (``term=``).

    Args:
        result: an :class:`~analysis.Analysis`.
        entity: a canonical entity name (``entities.canonical``).
        event: only this event's articles.
        sources: only these sources.
        descriptors: extra descriptor words or phrases, or a descriptor lexicon
            file (YAML, the schema of ``data/lexicons/descriptors.yml``), added to the list.
        replace_descriptors: use only ``descriptors``, not the packaged list.
        window: words allowed between a mention and an attached descriptor.

    Returns:
        ``source, term, kind, count, articles, n_attached``, sorted by source,
        kind (surface first), descending count, term.

    Raises:
        ValueError: when ``entity`` is not a canonical name in the analysis
            (the message suggests close names).
    """
    scope = select(result, event, sources)
    result = scope.result  # read from disk for a result opened with analysis.open
    known = set(result.entities["canonical"].astype(str))
    if entity not in known:
        close = difflib.get_close_matches(entity, sorted(known), n=5, cutoff=0.5)
        hint = f"; did you mean: {', '.join(close)}?" if close else ""
        raise ValueError(f"{entity!r} is not a canonical entity in this analysis{hint}")
    ents = scope.entities
    mine = ents[ents["canonical"] == entity]
    surface = (
        mine.groupby(["source", "text"])
        .agg(count=("text", "size"), articles=("article_id", "nunique"))
        .reset_index()
        .rename(columns={"text": "term"})
        .assign(kind="surface", n_attached=0)
    )
    sents = scope.sentences[scope.sentences["article_id"].isin(set(mine["article_id"]))]
    lexicon = descriptor_lexicon(descriptors, replace=replace_descriptors)
    found = find_descriptors(
        sents,
        ents[ents["article_id"].isin(set(mine["article_id"]))],
        entity,
        lexicon.words,
        result.text,
        window=window,
        stand_in_for=lexicon.stand_in_for,
    )
    described = (
        found.groupby(["source", "term"])
        .agg(count=("term", "size"), articles=("article_id", "nunique"), n_attached=("attached", "sum"))
        .reset_index()
        .assign(kind="descriptor")
    )
    out = pd.concat([surface, described], ignore_index=True)
    out["_kind"] = (out["kind"] != "surface").astype(int)
    out = out.sort_values(["source", "_kind", "count", "term"], ascending=[True, True, False, True], kind="stable")
    out = out[["source", "term", "kind", "count", "articles", "n_attached"]]
    return out.astype(
        {"source": "string", "term": "string", "kind": "string", "count": "int64", "articles": "int64",
         "n_attached": "int64"}
    ).reset_index(drop=True)  # fmt: skip


# --------------------------------------------------------------------------- voice


def voice(
    result: Analysis,
    event: str | None = None,
    sources: Sources = None,
    *,
    by: str = "source",
    include_own_voice: bool = False,
) -> pd.DataFrame:
    """Who speaks in each source: own voice versus attributed claims, and who is quoted.

    A claim row is in the outlet's *own voice* when it has no speaker and no
    quotation (``quote == "none"`` and ``speaker == ""``); every other claim
    row is *attributed*. Shares are over all claim rows of the source.

    Args:
        result: an :class:`~analysis.Analysis`.
        event: only this event's articles.
        sources: only these sources.
        by: ``"source"`` (one row per source) or ``"speaker"`` (one row per
            source and speaker).
        include_own_voice: with ``by="speaker"``, also list the outlet's own
            voice as the speaker :data:`OWN_VOICE`.

    Returns:
        ``by="source"``: ``source, n_articles, n_claims, n_own_voice,
        own_voice_share, n_attributed, attributed_share, n_direct, n_indirect,
        n_hedged, n_boosted``, then ``n_<type>`` and ``share_<type>`` for each
        speaker type (person, official_body, anonymous, outlet), sorted by
        descending ``own_voice_share``.

        ``by="speaker"``: ``source, speaker, speaker_type, n_claims, n_direct,
        n_indirect, words, words_per_claim, share_of_source``: how often each
        speaker is quoted and how many words of content (the reported span)
        they are given; sorted by source and descending ``words``.

    Raises:
        ValueError: for an unknown ``by``.
    """
    if by not in ("source", "speaker"):
        raise ValueError(f"by must be 'source' or 'speaker', got {by!r}")
    scope = select(result, event, sources)
    c = scope.claims.copy()
    c["own"] = (c["quote"] == "none") & (c["speaker"] == "")
    if by == "speaker":
        return _voice_by_speaker(scope, c, include_own_voice)
    n_articles = scope.articles.groupby("source").size()
    g = c.groupby("source")
    out = pd.DataFrame(index=pd.Index(scope.sources, name="source"))
    out["n_articles"] = n_articles
    out["n_claims"] = g.size()
    out["n_own_voice"] = g["own"].sum()
    out["n_attributed"] = out["n_claims"] - out["n_own_voice"]
    out["n_direct"] = g["quote"].apply(lambda q: (q == "direct").sum())
    out["n_indirect"] = g["quote"].apply(lambda q: (q == "indirect").sum())
    out["n_hedged"] = g["hedged"].sum()
    out["n_boosted"] = g["boosted"].sum()
    types = c.groupby(["source", "speaker_type"]).size().unstack(fill_value=0)
    for kind in SPEAKER_TYPES:
        out[f"n_{kind.replace(' ', '_')}"] = types[kind] if kind in types.columns else 0
    out = out.fillna(0).astype("int64")
    n = out["n_claims"].where(out["n_claims"] > 0)
    out["own_voice_share"] = out["n_own_voice"] / n
    out["attributed_share"] = out["n_attributed"] / n
    for kind in SPEAKER_TYPES:
        key = kind.replace(" ", "_")
        out[f"share_{key}"] = out[f"n_{key}"] / n
    order = [
        "n_articles", "n_claims", "n_own_voice", "own_voice_share", "n_attributed", "attributed_share",
        "n_direct", "n_indirect", "n_hedged", "n_boosted",
    ]  # fmt: skip
    for kind in SPEAKER_TYPES:
        key = kind.replace(" ", "_")
        order += [f"n_{key}", f"share_{key}"]
    out = out[order].reset_index()
    out = out.sort_values(["own_voice_share", "source"], ascending=[False, True], kind="stable", na_position="last")
    return out.astype({"source": "string"}).reset_index(drop=True)


def _voice_by_speaker(scope: Scope, c: pd.DataFrame, include_own_voice: bool) -> pd.DataFrame:
    c = c.copy()
    c["speaker"] = c["speaker"].where(~c["own"], OWN_VOICE)
    c.loc[c["own"], "speaker_type"] = "outlet"
    c["words"] = count_words(spans(scope.result, c, "content_start", "content_end"))
    totals = c.groupby("source").size()
    if not include_own_voice:
        c = c[~c["own"]]
    c["direct"] = c["quote"] == "direct"
    c["indirect"] = c["quote"] == "indirect"
    out = (
        c.groupby(["source", "speaker"])
        .agg(n_claims=("speaker", "size"), n_direct=("direct", "sum"), n_indirect=("indirect", "sum"),
             words=("words", "sum"))
        .reset_index()
    )  # fmt: skip
    kind = _top_value(c, ["source", "speaker"], "speaker_type")
    out["speaker_type"] = [kind.get((s, p), "") for s, p in zip(out["source"], out["speaker"], strict=True)]
    out["words_per_claim"] = out["words"] / out["n_claims"]
    out["share_of_source"] = out["n_claims"] / out["source"].map(totals)
    out = out[
        ["source", "speaker", "speaker_type", "n_claims", "n_direct", "n_indirect", "words", "words_per_claim",
         "share_of_source"]
    ]  # fmt: skip
    out = out.sort_values(["source", "words", "n_claims", "speaker"], ascending=[True, False, False, True])
    return out.astype(
        {"source": "string", "speaker": "string", "speaker_type": "string", "n_claims": "int64",
         "n_direct": "int64", "n_indirect": "int64", "words": "int64"}
    ).reset_index(drop=True)  # fmt: skip


# --------------------------------------------------------------------------- tone


def tone(result: Analysis, event: str | None = None, sources: Sources = None, *, by: str = "source") -> pd.DataFrame:
    """Mean tone per source, per source and actor, or per source and voice, with a 95% interval.

    Three readings of the same scores (see :mod:`analysis.sentiment`):

    * ``by="source"``: the unit is the sentence (non-debris), its ``tone``:
      how charged each outlet's wording is.
    * ``by="entity"``: the unit is the entity mention (non-debris), its
      ``entities.tone``: the tone of its sentence *toward that mention*
      (:mod:`analysis.sentiment.target`), so "X condemned Y's attack" counts
      against Y, not X. How each outlet portrays each actor.
    * ``by="voice"``: the unit is the sentence again, split into the outlet's
      own voice and attributed speech: a sentence is ``attributed`` when it
      holds a claim with a speaker or a quotation, else ``own voice`` (the
      claims table's rule: ``quote == "none"`` and an empty ``speaker`` is own
      voice; sentences without a claim are the outlet's narration). Does the
      outlet's charge come from its sources or from itself?

    Intervals are Student-t intervals that treat units as independent (they
    are not quite: sentences of one article share a writer, so the interval
    is optimistic; compare it with ``n_articles``).

    Args:
        result: an :class:`~analysis.Analysis`.
        event: only this event's articles.
        sources: only these sources.
        by: ``"source"``, ``"entity"`` or ``"voice"``.

    Returns:
        ``by="source"``: ``source, n_articles, n_sentences, tone, sd, ci_low, ci_high``.
        ``by="entity"``: ``source, canonical, label, n_articles, n_mentions, tone, sd, ci_low,
        ci_high``, sorted by canonical and source.
        ``by="voice"``: ``source, voice, n_articles, n_sentences, tone, sd, ci_low, ci_high``,
        ``voice`` being ``"own voice"`` or ``"attributed"``, sorted by source and voice.
        ``ci_low``/``ci_high`` are NaN with fewer than two units and are
        clipped to the score's range [-1, 1].

    Raises:
        ValueError: for an unknown ``by``.
    """
    if by not in ("source", "entity", "voice"):
        raise ValueError(f"by must be 'source', 'entity' or 'voice', got {by!r}")
    scope = select(result, event, sources)
    sents = scope.sentences[["article_id", "sentence_id", "source", "tone"]].dropna(subset=["tone"])
    if by == "entity":
        return _tone_by_entity(scope, sents)
    keys = ["source"]
    if by == "voice":
        c = scope.claims
        attributed = c.loc[(c["quote"] != "none") | (c["speaker"] != ""), ["article_id", "sentence_id"]]
        marked = attributed.drop_duplicates().assign(voice="attributed")
        sents = sents.merge(marked, on=["article_id", "sentence_id"], how="left")
        sents["voice"] = sents["voice"].fillna("own voice")
        keys = ["source", "voice"]
    out = mean_interval(sents, keys, "tone", "n_sentences")
    arts = sents.groupby(keys)["article_id"].nunique().rename("n_articles")
    out = out.join(arts, on=keys)
    out = out[[*keys, "n_articles", "n_sentences", "tone", "sd", "ci_low", "ci_high"]]
    out = out.sort_values(keys, ascending=[True, by != "voice"][: len(keys)], kind="stable")
    return out.astype({k: "string" for k in keys} | {"n_articles": "int64", "n_sentences": "int64"}).reset_index(
        drop=True
    )


def _mention_tones(scope: Scope) -> pd.Series:
    """``entities.tone`` of the scope, computed from the sentences where a table has none (an older result)."""
    ents = scope.entities
    if "tone" in ents.columns and ents["tone"].notna().any():
        return pd.to_numeric(ents["tone"], errors="coerce")
    from analysis.sentiment import score_mentions

    tones = pd.Series(np.nan, index=ents.index, dtype="float64")
    sents = scope.sentences
    for article_id, rows in ents.groupby("article_id", sort=False):
        sentence_rows = sents.loc[sents["article_id"] == article_id, ["sentence_id", "start", "text"]]
        mentions = rows[["sentence_id", "start", "end"]].to_dict("records")
        tones.loc[rows.index] = score_mentions(sentence_rows.to_dict("records"), mentions)
    return tones


def _tone_by_entity(scope: Scope, sents: pd.DataFrame) -> pd.DataFrame:
    ents = scope.entities.assign(tone=_mention_tones(scope))
    kept = sents[["article_id", "sentence_id", "source"]]
    mentions = ents[["article_id", "sentence_id", "canonical", "label", "tone"]].dropna(subset=["tone"])
    merged = mentions.merge(kept, on=["article_id", "sentence_id"])
    keys = ["source", "canonical"]
    out = mean_interval(merged, keys, "tone", "n_mentions")
    arts = merged.groupby(keys)["article_id"].nunique().rename("n_articles")
    out = out.join(arts, on=keys)
    label = _top_value(merged, keys, "label")
    out["label"] = [label.get((s, e), "") for s, e in zip(out["source"], out["canonical"], strict=True)]
    out = out[["source", "canonical", "label", "n_articles", "n_mentions", "tone", "sd", "ci_low", "ci_high"]]
    out = out.sort_values(["canonical", "source"], kind="stable")
    return out.astype(
        {"source": "string", "canonical": "string", "label": "string", "n_articles": "int64", "n_mentions": "int64"}
    ).reset_index(drop=True)


# --------------------------------------------------------------------------- evidence

EVIDENCE_COLUMNS = ["source", "article_id", "sentence_id", "left", "match", "right", "start", "end", "sentence"]


def evidence(
    result: Analysis,
    *,
    article_id: str | None = None,
    source: str | None = None,
    entity: str | None = None,
    term: str | None = None,
    claim_group: int | None = None,
    sentence_ids: Iterable | None = None,
    event: str | None = None,
    alignment: pd.DataFrame | None = None,
    width: int = 60,
) -> pd.DataFrame:
    """The sentences behind a cell of any comparison table, keyword-in-context style.

    Give one or more selectors; they are combined (AND):

    * ``entity``: sentences mentioning this canonical entity (match = the mention);
    * ``term``: sentences containing this word or phrase, any case, whole
      words (match = the word; a :func:`labels` or :func:`distinctive_terms` term);
    * ``claim_group``: the claims of one group of :func:`claim_alignment`
      (pass its table as ``alignment``, or it is recomputed for ``event``);
    * ``sentence_ids``: ``(article_id, sentence_id)`` pairs (e.g. a
      ``claim_alignment`` ``evidence`` cell), or plain ids with ``article_id``;
    * ``article_id``, ``source``, ``event``: restrict to these.

    Args:
        result: an :class:`~analysis.Analysis`.
        article_id: only this article.
        source: only this source.
        entity: a canonical entity name.
        term: a word or phrase.
        claim_group: a ``claim_group`` number of a claim alignment table.
        sentence_ids: sentence keys to show.
        event: only this event.
        alignment: the claim alignment table ``claim_group`` refers to.
        width: characters of context on each side of the match (within the sentence).

    Returns:
        ``source, article_id, sentence_id, left, match, right, start, end,
        sentence`` (one row per match; ``start``/``end`` index the article
        text), in text order. Debris sentences are never returned.

    Raises:
        ValueError: when no selector is given.
    """
    if all(v is None for v in (article_id, source, entity, term, claim_group, sentence_ids)):
        raise ValueError("give at least one of article_id, source, entity, term, claim_group, sentence_ids")
    scope = select(result, event, None if source is None else [source])
    sents = scope.sentences
    if article_id is not None:
        sents = sents[sents["article_id"] == article_id]
    keys: set | None = None
    if claim_group is not None:
        table = alignment if alignment is not None else claim_alignment(result, event=event)
        cells = table.loc[table["claim_group"] == claim_group, "evidence"]
        keys = {tuple(k) for cell in cells for k in cell}
    if sentence_ids is not None:
        wanted = {tuple(k) if isinstance(k, tuple | list) else (article_id, int(k)) for k in sentence_ids}
        keys = wanted if keys is None else keys & wanted
    if keys is not None:
        pairs = list(zip(sents["article_id"], sents["sentence_id"], strict=True))
        sents = sents[[p in keys for p in pairs]]
    matches = sents[["source", "article_id", "sentence_id", "start", "end", "text"]].rename(
        columns={"start": "s_start", "end": "s_end"}
    )
    matches = matches.assign(start=matches["s_start"], end=matches["s_end"])
    if entity is not None:
        ents = scope.entities[scope.entities["canonical"] == entity][["article_id", "sentence_id", "start", "end"]]
        matches = matches.drop(columns=["start", "end"]).merge(ents, on=["article_id", "sentence_id"])
    if term is not None:
        pattern = re.compile(r"(?<![\w-])" + re.escape(term).replace(r"\ ", r"\s+") + r"(?![\w-])", re.IGNORECASE)
        rows = []
        for row in matches.drop_duplicates(["article_id", "sentence_id"]).itertuples(index=False):
            for m in pattern.finditer(row.text):
                rows.append({**row._asdict(), "start": row.s_start + m.start(), "end": row.s_start + m.end()})
        matches = pd.DataFrame(rows, columns=matches.columns)
    out = []
    for row in matches.itertuples(index=False):
        a, b = row.start - row.s_start, row.end - row.s_start
        left, right = row.text[:a], row.text[b:]
        left = left if len(left) <= width else "…" + left[-width:]
        right = right if len(right) <= width else right[:width] + "…"
        out.append((row.source, row.article_id, row.sentence_id, left, row.text[a:b], right, row.start, row.end,
                    row.text))  # fmt: skip
    frame = pd.DataFrame(out, columns=EVIDENCE_COLUMNS)
    if frame.empty:
        return frame.astype({"sentence_id": "int64", "start": "int64", "end": "int64"})
    order = {a: i for i, a in enumerate(scope.articles["article_id"])}
    frame = frame.assign(_o=frame["article_id"].map(order)).sort_values(["_o", "start"], kind="stable")
    return frame.drop(columns="_o").reset_index(drop=True)
