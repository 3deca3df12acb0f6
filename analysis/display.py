"""Display helpers for notebooks and reports: compact views of the comparison tables, always escaped.

Everything that reaches a notebook or a report as HTML goes through
:func:`html_table` (or :func:`kwic`, which uses it), which escapes every cell:
an article that contains ``<script>`` or markup shows it as text, it never runs.
The other functions only reshape :mod:`analysis.compare` tables for reading;
they compute nothing new.

>>> from analysis import compare, display                       # doctest: +SKIP
>>> display.kwic(compare.evidence(result, entity="Islamic State"))  # doctest: +SKIP
"""

from __future__ import annotations

import html
import math
from collections.abc import Sequence

import pandas as pd

from analysis.result import Analysis

#: Columns of :func:`overview`.
OVERVIEW_COLUMNS = ["source", "title", "published", "n_words", "n_sentences", "n_claims", "n_attributed", "tone"]


class HTML(str):
    """A string of (already escaped) HTML that Jupyter displays as HTML."""

    def _repr_html_(self) -> str:
        return str(self)


def _cell(value: object, digits: int) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        if math.isnan(value):
            return ""
        return f"{value:,.{digits}f}"
    if isinstance(value, pd.Timestamp):
        return value.strftime("%Y-%m-%d %H:%M") if (value.hour or value.minute) else value.strftime("%Y-%m-%d")
    if isinstance(value, tuple | list):
        if all(isinstance(v, tuple | list) and len(v) == 2 for v in value):  # (article_id, sentence_id) keys
            return "; ".join(f"{a} #{b}" for a, b in value)
        return "; ".join(_cell(v, digits) for v in value)
    try:
        if pd.isna(value):
            return ""
    except (TypeError, ValueError):
        pass
    return str(value)


def html_table(
    frame: pd.DataFrame,
    *,
    caption: str | None = None,
    max_rows: int | None = 30,
    digits: int = 2,
    marks: Sequence[str] = (),
    css_class: str = "analysis-table",
) -> HTML:
    """Render a DataFrame as an HTML table with every cell escaped.

    Args:
        frame: the table (its index is not shown; reset it first if it matters).
        caption: a caption above the table (escaped).
        max_rows: show at most this many rows and say how many were left out
            (``None``: all).
        digits: decimals for floats.
        marks: columns whose cells are highlighted (``<mark>``), e.g. a KWIC match.
        css_class: the table's class attribute.

    Returns:
        An :class:`HTML` string.
    """
    shown = frame if max_rows is None else frame.head(max_rows)
    head = "".join(f'<th style="text-align:left">{html.escape(str(c))}</th>' for c in shown.columns)
    body = []
    for row in shown.itertuples(index=False):
        cells = []
        for column, value in zip(shown.columns, row, strict=True):
            text = html.escape(_cell(value, digits))
            numeric = isinstance(value, int | float) and not isinstance(value, bool)
            style = ' style="text-align:right"' if numeric else ' style="text-align:left"'
            cells.append(f"<td{style}>{f'<mark>{text}</mark>' if column in marks else text}</td>")
        body.append("<tr>" + "".join(cells) + "</tr>")
    parts = [f'<table class="{html.escape(css_class)}">']
    if caption:
        parts.append(f"<caption>{html.escape(caption)}</caption>")
    parts += [f"<thead><tr>{head}</tr></thead>", "<tbody>", *body, "</tbody>", "</table>"]
    if max_rows is not None and len(frame) > max_rows:
        parts.append(f"<p><em>{len(frame) - max_rows} more rows not shown ({len(frame)} in all).</em></p>")
    return HTML("\n".join(parts))


def kwic(evidence: pd.DataFrame, *, max_rows: int | None = 20) -> HTML:
    """Show :func:`analysis.compare.evidence` rows as a keyword-in-context table.

    Args:
        evidence: the evidence table (``source, article_id, sentence_id, left, match, right, ...``).
        max_rows: rows to show.

    Returns:
        An :class:`HTML` table: source, sentence, left context, the match (highlighted), right context.
    """
    columns = ["source", "article_id", "sentence_id", "left", "match", "right"]
    if evidence.empty:
        return HTML("<p><em>No sentences.</em></p>")
    return html_table(evidence[columns], max_rows=max_rows, marks=("match",), css_class="analysis-kwic")


def overview(result: Analysis, event: str | None = None, sources: str | Sequence[str] | None = None) -> pd.DataFrame:
    """The articles compared: one row each, the counts every later table rests on.

    Args:
        result: an :class:`~analysis.Analysis`.
        event: only this event.
        sources: only these sources.

    Returns:
        ``source, title, published, n_words, n_sentences, n_claims, n_attributed, tone``.
    """
    articles = result.articles
    if event is not None:
        articles = articles[articles["event"] == event]
    if sources is not None:
        articles = articles[articles["source"].isin([sources] if isinstance(sources, str) else list(sources))]
    return articles[OVERVIEW_COLUMNS].sort_values(["source", "published"], kind="stable").reset_index(drop=True)


def coverage_matrix(coverage: pd.DataFrame, *, top: int = 12) -> pd.DataFrame:
    """Reshape :func:`analysis.compare.coverage` to entity x source cells reading "rate (mentions)".

    Args:
        coverage: the coverage table.
        top: the entities with the most mentions in all sources together.

    Returns:
        One row per entity (``canonical``, ``label``), one column per source;
        each cell is the mentions per 1,000 words with the raw count in brackets,
        e.g. ``"12.7 (5)"``; ``"-"`` where the source never names the entity.
    """
    totals = coverage.groupby("canonical", sort=False)["mentions"].sum()
    keep = list(totals.sort_values(ascending=False, kind="stable").index[:top])
    rows = coverage[coverage["canonical"].isin(keep)]
    cells = rows.assign(
        cell=[f"{r:.1f} ({m})" if m else "-" for r, m in zip(rows["per_1000_words"], rows["mentions"], strict=True)]
    )
    wide = cells.pivot(index="canonical", columns="source", values="cell")
    labels = rows.drop_duplicates("canonical").set_index("canonical")["label"]
    wide.insert(0, "label", labels)
    wide = wide.loc[keep].reset_index()
    wide.columns.name = None
    return wide


def lead_entities(coverage: pd.DataFrame, n: int = 2, *, labels: Sequence[str] = ("ORG", "PERSON", "GPE")) -> list[str]:
    """The entities named by the most sources (then most often): the actors worth a labels table.

    Args:
        coverage: the coverage table.
        n: how many names to return.
        labels: entity labels to consider (NORP demonyms rarely carry labels).

    Returns:
        Canonical names, most covered first.
    """
    named = coverage[(coverage["mentions"] > 0) & coverage["label"].isin(list(labels))]
    ranked = named.groupby("canonical").agg(n_sources=("source", "nunique"), mentions=("mentions", "sum"))
    ranked = ranked.sort_values(["n_sources", "mentions"], ascending=False, kind="stable")
    return [str(name) for name in ranked.index[:n]]


def disagreements(alignment: pd.DataFrame) -> pd.DataFrame:
    """The rows of :func:`analysis.compare.claim_alignment` whose sources give different numbers.

    Args:
        alignment: the claim alignment table.

    Returns:
        ``claim_group, representative, source, speakers, numbers, disagreeing_units, evidence``.
    """
    columns = ["claim_group", "representative", "source", "speakers", "numbers", "disagreeing_units", "evidence"]
    rows = alignment[alignment["number_disagreement"].astype(bool)]
    return rows[columns].reset_index(drop=True)


def claim_matrix(alignment: pd.DataFrame, *, min_sources: int = 2, top: int = 15) -> pd.DataFrame:
    """Reshape a claim alignment to claim x source cells saying who each source attributes the claim to.

    Args:
        alignment: the claim alignment table.
        min_sources: only claims reported by at least this many sources.
        top: the first claim groups (``claim_group`` is ordered by how many sources report it).

    Returns:
        One row per claim group (``claim_group``, ``claim``, ``n_sources``), one
        column per source; each cell is the speaker(s) (``(own voice)`` when the
        outlet states it), followed by ``[hedged]``/``[boosted]`` when so, or
        ``""`` when the source does not report the claim.
    """
    rows = alignment[alignment["n_sources"] >= min_sources]
    groups = list(dict.fromkeys(rows["claim_group"]))[:top]
    rows = rows[rows["claim_group"].isin(groups)]
    flags = [
        " [hedged]" * bool(h) + " [boosted]" * bool(b) for h, b in zip(rows["hedged"], rows["boosted"], strict=True)
    ]
    cells = rows.assign(cell=[f"{s}{f}" for s, f in zip(rows["speakers"], flags, strict=True)])
    wide = cells.pivot(index="claim_group", columns="source", values="cell").fillna("")
    info = rows.drop_duplicates("claim_group").set_index("claim_group")[["representative", "n_sources"]]
    wide = info.rename(columns={"representative": "claim"}).join(wide).loc[groups].reset_index()
    wide.columns.name = None
    return wide


def claim_evidence(result: Analysis, alignment: pd.DataFrame, *, min_sources: int = 2, top: int = 15) -> pd.DataFrame:
    """The sentences behind each shared claim, from every outlet that reports it, so each match can be checked.

    Args:
        result: the analysis the alignment was computed from.
        alignment: the claim alignment table (:func:`analysis.compare.claim_alignment`).
        min_sources: only claims reported by at least this many sources.
        top: the first claim groups (as in :func:`claim_matrix`).

    Returns:
        One row per (claim group, source, sentence): ``claim_group``, ``claim`` (the group's
        representative), ``source``, ``speakers`` (who the outlet attributes this sentence's claim to,
        ``(own voice)`` for none; the cell's speakers when the sentence has no claim row) and
        ``sentence``, in group order then source order.
    """
    columns = ["claim_group", "claim", "source", "speakers", "sentence"]
    rows = alignment[alignment["n_sources"] >= min_sources]
    groups = list(dict.fromkeys(rows["claim_group"]))[:top]
    rows = rows[rows["claim_group"].isin(groups)]
    if rows.empty:
        return pd.DataFrame(columns=columns)
    text = result.sentences.set_index(["article_id", "sentence_id"])["text"]
    claims = result.claims
    who = claims["speaker"].astype(str).where(claims["speaker"].astype(str) != "", "(own voice)")
    said = who.groupby([claims["article_id"].astype(str), claims["sentence_id"].astype(int)]).agg(
        lambda s: "; ".join(dict.fromkeys(s))
    )
    out = []
    for r in rows.itertuples(index=False):
        for article_id, sentence_id in r.evidence:
            sentence = " ".join(str(text.get((article_id, sentence_id), "")).split())
            speakers = said.get((str(article_id), int(sentence_id)), r.speakers)
            out.append((r.claim_group, r.representative, r.source, speakers, sentence))
    return pd.DataFrame(out, columns=columns).drop_duplicates().reset_index(drop=True)


def number_pairs(pairs: pd.DataFrame) -> pd.DataFrame:
    """A :func:`analysis.compare.number_disagreements` table as read in a report: both figures, both sentences, why.

    Returns:
        ``claim_group, unit, source_a, figure_a, sentence_a, source_b, figure_b, sentence_b, why``;
        each figure is followed by who gave it ("340,000 (Orla Casualty Monitor)") when the two
        figures come from two claim groups (two speakers' claims, or two claims about one counted
        thing; ``claim_group`` then reads "3 / 5").
    """
    columns = ["claim_group", "unit", "source_a", "figure_a", "sentence_a", "source_b", "figure_b", "sentence_b", "why"]
    if pairs.empty:
        return pd.DataFrame(columns=columns)
    out = pairs.rename(columns={"text_a": "figure_a", "text_b": "figure_b"})
    if "claim_group_b" in out:
        cross = out["claim_group"].to_numpy() != out["claim_group_b"].to_numpy()
        for x in "ab":
            said = out[f"speaker_{x}"].astype(str).replace("", "own voice")
            out[f"figure_{x}"] = out[f"figure_{x}"].where(~cross, out[f"figure_{x}"] + " (" + said + ")")
        groups = out["claim_group"].astype(str)
        out["claim_group"] = groups.where(~cross, groups + " / " + out["claim_group_b"].astype(str))
    return out[columns].reset_index(drop=True)


def top_terms(terms: pd.DataFrame, n: int = 8, *, min_count: int = 2) -> pd.DataFrame:
    """The ``n`` most distinctive terms of each source from :func:`analysis.compare.distinctive_terms`.

    Args:
        terms: the distinctive terms table.
        n: terms per source.
        min_count: ignore terms the source uses fewer times than this.

    Returns:
        ``source, term, count, count_rest, log_odds, z``, by source then descending ``z``.
    """
    kept = terms[terms["count"] >= min_count].sort_values(["source", "z"], ascending=[True, False], kind="stable")
    return kept.groupby("source", sort=False).head(n)[["source", "term", "count", "count_rest", "log_odds", "z"]]


def disagreement_evidence(result: Analysis, alignment: pd.DataFrame) -> pd.DataFrame:
    """The sentences behind every claim group whose numbers disagree (see :func:`disagreements`).

    Args:
        result: the analysis the alignment was computed from.
        alignment: the claim alignment table.

    Returns:
        :func:`analysis.compare.evidence` rows with a leading ``claim_group`` column (empty when
        no numbers disagree).
    """
    from analysis import compare

    groups = list(dict.fromkeys(disagreements(alignment)["claim_group"]))
    frames = [
        compare.evidence(result, claim_group=g, alignment=alignment).assign(claim_group=g)[
            ["claim_group", *compare.EVIDENCE_COLUMNS]
        ]
        for g in groups
    ]
    if not frames:
        return pd.DataFrame(columns=["claim_group", *compare.EVIDENCE_COLUMNS])
    return pd.concat(frames, ignore_index=True)


def headline(result: Analysis, event: str | None = None) -> HTML:
    """One escaped line naming what a comparison covers: the event, its outlets and the counts.

    Args:
        result: the analysis being compared.
        event: the event's name (``None``: all articles).

    Returns:
        An :class:`HTML` paragraph.
    """
    articles = result.articles
    sources = sorted(articles["source"].unique())
    parts = [
        f"<strong>{html.escape(event or 'All articles')}</strong>: {len(articles)} articles from "
        f"{len(sources)} outlets ({html.escape(', '.join(sources))});",
        f"{int(articles['n_sentences'].sum())} sentences, {len(result.entities)} entity mentions,",
        f"{len(result.claims)} claims, {len(result.numbers)} numbers.",
    ]
    return HTML(f"<p>{' '.join(parts)}</p>")
