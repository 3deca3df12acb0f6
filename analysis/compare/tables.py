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
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from analysis import schema
from analysis.compare.alignment import claim_alignment
from analysis.compare.descriptors import ATTACH_WINDOW, descriptor_lexicon, find_descriptors
from analysis.compare.scope import Scope, count_words, in_memory, is_stored_run, parts, select, spans
from analysis.compare.stats import interval_from_moments, moments
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
    got, names = parts(result, event, sources, _coverage_parts, _COVERAGE_KEYS, tables=["entities"])
    per_source = got["per_source"].set_index("source")[["n_articles", "n_words"]]
    per_source = per_source.reindex(names, fill_value=0)
    counted = got["counted"].set_index(["source", "canonical"])
    first = counted["first_sum"] / counted["first_n"].where(counted["first_n"] > 0)
    counted = counted[["mentions", "articles"]].assign(first_mention=first)
    label = _top_count(got["labels"], ["canonical"], "label")
    canon = sorted(set(got["counted"]["canonical"]))
    grid = pd.MultiIndex.from_product([names, canon], names=["source", "canonical"])
    out = pd.DataFrame(index=grid).join(counted).reset_index()
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


_COVERAGE_KEYS = {"per_source": ["source"], "counted": ["source", "canonical"], "labels": ["canonical", "label"]}


def _coverage_parts(scope: Scope) -> dict[str, pd.DataFrame]:
    """Coverage's sums: words and articles per source; mentions, articles and first-mention
    positions (sum and count) per source and actor; mentions per actor and label."""
    ents = scope.entities
    per_source = scope.articles.groupby("source").agg(n_articles=("article_id", "size"), n_words=("n_words", "sum"))
    counted = ents.groupby(["source", "canonical"]).agg(
        mentions=("canonical", "size"), articles=("article_id", "nunique")
    )
    first = _first_mentions(scope).groupby(["source", "canonical"])["position"].agg(["sum", "count"])
    counted = counted.join(first.rename(columns={"sum": "first_sum", "count": "first_n"}))
    counted["first_sum"] = counted["first_sum"].fillna(0.0).astype("float64")
    counted["first_n"] = counted["first_n"].fillna(0).astype("int64")
    labels = ents.groupby(["canonical", "label"]).size().rename("n").reset_index()
    return {"per_source": per_source.reset_index(), "counted": counted.reset_index(), "labels": labels}


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


def _top_count(counts: pd.DataFrame, keys: list[str], column: str) -> pd.Series:
    """The most frequent ``column`` value per key (ties: alphabetical), from counts (``keys``, ``column``, ``n``)."""
    if counts.empty:
        return pd.Series(dtype="string")
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
    if is_stored_run(result, event):  # a whole run on disk: ask Dask whether the name is there
        canonical = result.entities["canonical"]
        if not bool((canonical == entity).any().compute()):
            _unknown_entity(entity, canonical.unique().compute())
    else:
        result = in_memory(result, event)  # one event read from disk for a result opened with analysis.open
        if entity not in set(result.entities["canonical"].astype(str)):
            _unknown_entity(entity, result.entities["canonical"])
    lexicon = descriptor_lexicon(descriptors, replace=replace_descriptors)
    compute = _LabelParts(entity, tuple(lexicon.words), window, tuple(sorted(lexicon.stand_in_for.items())))
    got, _ = parts(result, event, sources, compute, _LABEL_KEYS)
    surface = got["surface"].assign(kind="surface", n_attached=0)
    described = got["described"].assign(kind="descriptor")
    out = pd.concat([surface, described], ignore_index=True)
    out["_kind"] = (out["kind"] != "surface").astype(int)
    out = out.sort_values(["source", "_kind", "count", "term"], ascending=[True, True, False, True], kind="stable")
    out = out[["source", "term", "kind", "count", "articles", "n_attached"]]
    return out.astype(
        {"source": "string", "term": "string", "kind": "string", "count": "int64", "articles": "int64",
         "n_attached": "int64"}
    ).reset_index(drop=True)  # fmt: skip


_LABEL_KEYS = {"surface": ["source", "term"], "described": ["source", "term"]}


def _unknown_entity(entity: str, names: Iterable) -> None:
    known = sorted({str(n) for n in names})
    close = difflib.get_close_matches(entity, known, n=5, cutoff=0.5)
    hint = f"; did you mean: {', '.join(close)}?" if close else ""
    raise ValueError(f"{entity!r} is not a canonical entity in this analysis{hint}")


@dataclass(frozen=True)
class _LabelParts:
    """Labels' counts: per source and surface form of the entity, mentions and articles; per source and
    descriptor, uses, articles and uses attached to a mention."""

    entity: str
    descriptors: tuple
    window: int
    stand_in_for: tuple = ()  # (word, labels it may stand in for) pairs, see descriptors.Descriptors

    def __call__(self, scope: Scope) -> dict[str, pd.DataFrame]:
        ents = scope.entities
        mine = ents[ents["canonical"] == self.entity]
        surface = (
            mine.groupby(["source", "text"])
            .agg(count=("text", "size"), articles=("article_id", "nunique"))
            .reset_index()
            .rename(columns={"text": "term"})
        )
        ids = set(mine["article_id"])
        found = find_descriptors(
            scope.sentences[scope.sentences["article_id"].isin(ids)],
            ents[ents["article_id"].isin(ids)],
            self.entity,
            list(self.descriptors),
            scope.result.text,
            window=self.window,
            stand_in_for=dict(self.stand_in_for),
        )
        described = (
            found.groupby(["source", "term"])
            .agg(count=("term", "size"), articles=("article_id", "nunique"), n_attached=("attached", "sum"))
            .reset_index()
        )
        return {"surface": surface, "described": described}


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
    row is *attributed*. Shares are over all claim rows of the source. A
    claim row is one claim: a quotation that runs over several sentences (four
    quoted sentences, or a quote split by its cue) is one row, so it counts once
    here, and its ``words`` are all the quotation's words.

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
    if by == "speaker":
        got, names = parts(result, event, sources, _VoiceBySpeaker(include_own_voice), _VOICE_SPEAKER_KEYS)
        return _voice_by_speaker(got)
    got, names = parts(result, event, sources, _voice_parts, _VOICE_KEYS)
    out = got["per_source"].set_index("source").reindex(pd.Index(names, name="source"))
    out["n_attributed"] = out["n_claims"] - out["n_own_voice"]
    types = got["types"].set_index(["source", "speaker_type"])["n"].unstack(fill_value=0)
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


_VOICE_COUNTS = ["n_articles", "n_claims", "n_own_voice", "n_direct", "n_indirect", "n_hedged", "n_boosted"]
_VOICE_KEYS = {"per_source": ["source"], "types": ["source", "speaker_type"]}
_VOICE_SPEAKER_KEYS = {
    "speakers": ["source", "speaker"],
    "types": ["source", "speaker", "speaker_type"],
    "totals": ["source"],
}


def _own_voice(claims: pd.DataFrame) -> pd.Series:
    """The claims the outlet states in its own voice: no quotation and no speaker."""
    return (claims["quote"] == "none") & (claims["speaker"] == "")


def _voice_parts(scope: Scope) -> dict[str, pd.DataFrame]:
    """Voice's counts per source (articles, claims, own voice, direct, indirect, hedged, boosted) and speaker type."""
    c = scope.claims
    counts = pd.DataFrame(
        {
            "source": c["source"],
            "n_claims": 1,
            "n_own_voice": _own_voice(c),
            "n_direct": c["quote"] == "direct",
            "n_indirect": c["quote"] == "indirect",
            "n_hedged": c["hedged"].astype(bool),
            "n_boosted": c["boosted"].astype(bool),
        }
    )
    per_source = counts.groupby("source").sum().astype("int64")
    per_source.insert(0, "n_articles", scope.articles.groupby("source").size())
    per_source = per_source.reindex(pd.Index(scope.sources, name="source")).fillna(0).astype("int64")
    types = c.groupby(["source", "speaker_type"]).size().rename("n").reset_index()
    return {"per_source": per_source[_VOICE_COUNTS].reset_index(), "types": types}


@dataclass(frozen=True)
class _VoiceBySpeaker:
    """Voice's counts per source and speaker (claims, direct, indirect, content words), per speaker type, and
    claims per source (own voice included, the denominator of ``share_of_source``)."""

    include_own_voice: bool

    def __call__(self, scope: Scope) -> dict[str, pd.DataFrame]:
        c = scope.claims.copy()
        own = _own_voice(c)
        c["speaker"] = c["speaker"].where(~own, OWN_VOICE)
        c.loc[own, "speaker_type"] = "outlet"
        c["words"] = count_words(spans(scope.result, c, "content_start", "content_end"))
        totals = c.groupby("source").size().rename("n_all").reset_index()
        if not self.include_own_voice:
            c = c[~own]
        c["direct"] = (c["quote"] == "direct").astype("int64")
        c["indirect"] = (c["quote"] == "indirect").astype("int64")
        speakers = (
            c.groupby(["source", "speaker"])
            .agg(n_claims=("speaker", "size"), n_direct=("direct", "sum"), n_indirect=("indirect", "sum"),
                 words=("words", "sum"))
            .reset_index()
        )  # fmt: skip
        types = c.groupby(["source", "speaker", "speaker_type"]).size().rename("n").reset_index()
        return {"speakers": speakers, "types": types, "totals": totals}


def _voice_by_speaker(got: dict[str, pd.DataFrame]) -> pd.DataFrame:
    out = got["speakers"].copy()
    kind = _top_count(got["types"], ["source", "speaker"], "speaker_type")
    out["speaker_type"] = [kind.get((s, p), "") for s, p in zip(out["source"], out["speaker"], strict=True)]
    out["words_per_claim"] = out["words"] / out["n_claims"]
    totals = got["totals"].set_index("source")["n_all"]
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
    keys = ["source", "canonical"] if by == "entity" else ["source", "voice"] if by == "voice" else ["source"]
    got, _ = parts(result, event, sources, _ToneParts(by), {"tone": keys, "labels": [*keys, "label"]})
    count = "n_mentions" if by == "entity" else "n_sentences"
    out = interval_from_moments(got["tone"], keys, "tone", count)
    out = out.join(got["tone"].set_index(keys)["n_articles"], on=keys)
    if by == "entity":
        label = _top_count(got["labels"], keys, "label").rename("label")
        out = out.join(label, on=keys) if len(label) else out.assign(label="")
        out["label"] = out["label"].fillna("")
        out = out[["source", "canonical", "label", "n_articles", "n_mentions", "tone", "sd", "ci_low", "ci_high"]]
        out = out.sort_values(["canonical", "source"], kind="stable")
        return out.astype(
            {"source": "string", "canonical": "string", "label": "string", "n_articles": "int64",
             "n_mentions": "int64"}
        ).reset_index(drop=True)  # fmt: skip
    out = out[[*keys, "n_articles", "n_sentences", "tone", "sd", "ci_low", "ci_high"]]
    out = out.sort_values(keys, ascending=[True, by != "voice"][: len(keys)], kind="stable")
    return out.astype({k: "string" for k in keys} | {"n_articles": "int64", "n_sentences": "int64"}).reset_index(
        drop=True
    )


@dataclass(frozen=True)
class _ToneParts:
    """Tone's sums (:func:`~analysis.compare.stats.moments`) and articles per source (and voice, or actor), and
    with ``by="entity"`` the mentions per source, actor and label."""

    by: str

    def __call__(self, scope: Scope) -> dict[str, pd.DataFrame]:
        sents = scope.sentences[["article_id", "sentence_id", "source", "tone"]].dropna(subset=["tone"])
        keys = ["source"]
        labels = pd.DataFrame(columns=["source", "label", "n"])
        if self.by == "entity":
            ents = scope.entities.assign(tone=_mention_tones(scope))
            kept = sents[["article_id", "sentence_id", "source"]]
            mentions = ents[["article_id", "sentence_id", "canonical", "label", "tone"]].dropna(subset=["tone"])
            sents = mentions.merge(kept, on=["article_id", "sentence_id"])
            keys = ["source", "canonical"]
            labels = sents.groupby([*keys, "label"]).size().rename("n").reset_index()
        elif self.by == "voice":
            c = scope.claims
            attributed = c.loc[(c["quote"] != "none") | (c["speaker"] != ""), ["article_id", "sentence_id"]]
            marked = attributed.drop_duplicates().assign(voice="attributed")
            sents = sents.merge(marked, on=["article_id", "sentence_id"], how="left")
            sents["voice"] = sents["voice"].fillna("own voice")
            keys = ["source", "voice"]
        out = moments(sents, keys, "tone")
        out = out.join(sents.groupby(keys)["article_id"].nunique().rename("n_articles"), on=keys)
        return {"tone": out, "labels": labels}


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
