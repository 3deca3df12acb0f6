"""Plots of the comparison tables: one function per table of :mod:`analysis.compare`.

Each function takes the table (or the :class:`~analysis.Analysis`, in which
case the table is computed with the same keyword filters), draws on ``ax``
(a new figure sized for a notebook when ``None``), and returns the Axes. They
never call ``plt.show()`` and change no global settings. Every source keeps
its colour across all plots (:func:`source_colors`), and long names are cut
with an ellipsis so labels do not overlap.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import pandas as pd

from analysis.result import Analysis

#: Width of a new figure in inches (fits a JupyterLab cell at 100 dpi).
FIG_WIDTH = 8.0
#: Longest label drawn before it is cut with an ellipsis.
MAX_LABEL = 38

_PALETTE = (
    "#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#e377c2", "#17becf", "#bcbd22", "#7f7f7f",
    "#393b79", "#637939", "#8c6d31", "#843c39", "#7b4173", "#3182bd", "#e6550d", "#31a354", "#756bb1", "#636363",
)  # fmt: skip

_VOICE_COLORS = {
    "own voice": "#444444",
    "person": "#6baed6",
    "official body": "#2171b5",
    "another outlet": "#fd8d3c",
    "document": "#74c476",
    "anonymous": "#bdd7e7",
}


def source_colors(sources: Iterable[str]) -> dict[str, str]:
    """A fixed colour per source: sorted names take the palette in order (so the same set
    of sources always gets the same colours, in every plot).

    Args:
        sources: source names (duplicates ignored).

    Returns:
        ``{source: hex colour}``.
    """
    names = sorted({str(s) for s in sources})
    return {name: _PALETTE[i % len(_PALETTE)] for i, name in enumerate(names)}


def truncate(text: str, limit: int = MAX_LABEL) -> str:
    """``text`` cut to ``limit`` characters with a trailing ellipsis when longer."""
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _axes(ax, rows: int, per_row: float = 0.28, min_height: float = 2.5):
    if ax is not None:
        return ax
    import matplotlib.pyplot as plt

    _, ax = plt.subplots(figsize=(FIG_WIDTH, max(min_height, 1.2 + per_row * rows)), layout="constrained")
    return ax


def _table(data, verb: str, **kwargs) -> pd.DataFrame:
    if isinstance(data, Analysis):
        from analysis import compare

        return getattr(compare, verb)(data, **kwargs)
    if not isinstance(data, pd.DataFrame):
        raise TypeError(f"expected an Analysis or the DataFrame of compare.{verb}(), got {type(data).__name__}")
    given = {name: value for name, value in kwargs.items() if value is not None}
    if given:
        raise ValueError(
            f"{', '.join(f'{k}=' for k in given)} filter(s) a computed table cannot apply: pass the Analysis "
            f"(plots.{verb}(result, {', '.join(f'{k}=...' for k in given)})) or filter in compare.{verb}() first"
        )
    return data


def _source_legend(ax, colors: dict[str, str], sources: Iterable[str], **kwargs) -> None:
    from matplotlib.patches import Patch

    handles = [Patch(color=colors[s], label=truncate(s, 28)) for s in sources]
    ax.legend(handles=handles, frameon=False, fontsize="small", **kwargs)


# --------------------------------------------------------------------------- coverage


def coverage(data, *, ax=None, top: int = 12, value: str = "per_1000_words", **filters):
    """Grouped horizontal bars: how often each source mentions the most-mentioned entities.

    Args:
        data: a :func:`analysis.compare.coverage` table or an Analysis.
        ax: Axes to draw on.
        top: how many entities (by total mentions).
        value: ``per_1000_words`` or ``mentions``.
        **filters: ``event=``, ``sources=`` when ``data`` is an Analysis.

    Returns:
        The Axes (one bar per source and entity).
    """
    table = _table(data, "coverage", **filters)
    totals = table.groupby("canonical")["mentions"].sum().sort_values(ascending=False, kind="stable")
    entities = list(totals.index[:top])
    sources = sorted(table["source"].unique())
    colors = source_colors(sources)
    ax = _axes(ax, len(entities) * max(1, len(sources)) * 0.35 + 2)
    wide = table.pivot_table(index="canonical", columns="source", values=value, aggfunc="sum", fill_value=0)
    wide = wide.reindex(index=entities, columns=sources, fill_value=0)
    height = 0.8 / max(1, len(sources))
    y = np.arange(len(entities))
    for i, source in enumerate(sources):
        ax.barh(y + i * height, wide[source].to_numpy(), height=height, color=colors[source], label=source)
    ax.set_yticks(y + height * (len(sources) - 1) / 2, [truncate(e) for e in entities])
    ax.invert_yaxis()
    unit = "mentions per 1,000 words" if value == "per_1000_words" else "mentions"
    ax.set_xlabel(f"{unit} (non-debris text)")
    ax.set_title(f"Who is mentioned: {unit}, top {len(entities)} entities")
    _source_legend(ax, colors, sources, loc="lower right")
    ax.grid(axis="x", alpha=0.3)
    return ax


# --------------------------------------------------------------------------- labels


def labels(data, entity: str | None = None, *, ax=None, top: int = 6, **filters):
    """Horizontal bars: the words each source uses for one entity (names solid, descriptors hatched).

    Args:
        data: a :func:`analysis.compare.labels` table, or an Analysis (then ``entity`` is required).
        entity: the canonical entity (for computing the table and the title).
        ax: Axes to draw on.
        top: most frequent terms shown per source.
        **filters: ``event=``, ``sources=`` when ``data`` is an Analysis.

    Returns:
        The Axes (one bar per source and term).
    """
    if isinstance(data, Analysis):
        if entity is None:
            raise ValueError("labels(result, entity): give the canonical entity whose labels to plot")
        table = _table(data, "labels", entity=entity, **filters)
    else:
        table = _table(data, "labels", **filters)
    table = table.sort_values(["source", "count", "term"], ascending=[True, False, True], kind="stable")
    table = table.groupby("source", sort=True).head(top)
    sources = sorted(table["source"].unique())
    colors = source_colors(sources)
    ax = _axes(ax, len(table) + len(sources))
    y, ticks, names, pos = [], [], [], 0
    for source in sources:
        rows = table[table["source"] == source]
        for row in rows.itertuples(index=False):
            ax.barh(pos, row.count, color=colors[source], hatch="//" if row.kind == "descriptor" else None,
                    edgecolor="white")  # fmt: skip
            ticks.append(pos)
            names.append(truncate(row.term, 28))
            y.append(pos)
            pos += 1
        pos += 0.6
    ax.set_yticks(ticks, names)
    ax.invert_yaxis()
    ax.set_xlabel("uses (count, non-debris sentences)")
    what = f" for {truncate(entity, 30)}" if entity else ""
    ax.set_title(f"Words each source uses{what} (solid: name, hatched: descriptor)")
    _source_legend(ax, colors, sources, loc="lower right")
    ax.grid(axis="x", alpha=0.3)
    return ax


# --------------------------------------------------------------------------- voice


def voice(data, *, ax=None, **filters):
    """Stacked horizontal bars per source: share of claims in own voice and by speaker type.

    Args:
        data: a :func:`analysis.compare.voice` table (``by="source"``) or an Analysis.
        ax: Axes to draw on.
        **filters: ``event=``, ``sources=`` when ``data`` is an Analysis.

    Returns:
        The Axes (one bar segment per source and category; y labels carry ``n`` claims).
    """
    table = _table(data, "voice", **filters)
    if "speaker" in table.columns:
        return _voice_speakers(table, ax)
    table = table.sort_values(["own_voice_share", "source"], ascending=[False, True], kind="stable")
    sources = list(table["source"])
    colors = source_colors(sources)
    ax = _axes(ax, len(sources) * 1.6 + 2)
    y = np.arange(len(sources))
    left = np.zeros(len(sources))
    own = table["own_voice_share"].fillna(0).to_numpy()
    # the speaker type "outlet" counts the source's own voice and the outlets it cites ("the Post reported")
    cited = np.clip(table["share_outlet"].fillna(0).to_numpy() - own, 0, None)
    segments = [("own voice", own), ("person", table["share_person"].fillna(0).to_numpy())]
    segments += [("official body", table["share_official_body"].fillna(0).to_numpy()), ("another outlet", cited)]
    segments += [(kind, table[f"share_{kind}"].fillna(0).to_numpy()) for kind in ("document", "anonymous")]
    for name, share in segments:
        ax.barh(y, share * 100, left=left, color=_VOICE_COLORS[name], label=name, height=0.6)
        left += share * 100
    names = [f"{truncate(s, 26)} (n={n})" for s, n in zip(sources, table["n_claims"], strict=True)]
    ax.set_yticks(y, names)
    for label, source in zip(ax.get_yticklabels(), sources, strict=True):
        label.set_color(colors[source])
    ax.invert_yaxis()
    ax.set_xlim(0, 100)
    ax.set_xlabel("share of the source's claims (%)")
    ax.set_title("Who speaks: own-voice vs attributed claims, by speaker type")
    ax.legend(frameon=False, fontsize="small", ncols=6, loc="upper center", bbox_to_anchor=(0.5, -0.18))
    return ax


def _voice_speakers(table: pd.DataFrame, ax, top: int = 15):
    table = table.sort_values("words", ascending=False, kind="stable").head(top)
    sources = sorted(table["source"].unique())
    colors = source_colors(sources)
    ax = _axes(ax, len(table))
    y = np.arange(len(table))
    ax.barh(y, table["words"], color=[colors[s] for s in table["source"]])
    ax.set_yticks(y, [f"{truncate(s, 30)} (n={n})" for s, n in zip(table["speaker"], table["n_claims"], strict=True)])
    ax.invert_yaxis()
    ax.set_xlabel("words of reported content (sum over the speaker's claims)")
    ax.set_title(f"Who is quoted: top {len(table)} speakers by words given")
    _source_legend(ax, colors, sources, loc="lower right")
    ax.grid(axis="x", alpha=0.3)
    return ax


# --------------------------------------------------------------------------- claim alignment


def claim_alignment(
    data, *, ax=None, top: int = 15, min_sources: int = 2, result=None, width: int | None = None, **filters
):
    """A claim-by-source grid: who reports each shared claim, in whose voice, and in which words.

    Filled square: the source states the claim in its own voice; open circle:
    attributed; half (diamond): both. A red ``≠`` marks a claim whose numbers
    disagree between sources (the same quantity, values that cannot both hold).
    When the sentences are at hand (``data`` is an Analysis, or ``result`` is
    given), each marker carries the start of the outlet's own sentence, so a
    reader can check every match (the full sentences: :func:`analysis.display.claim_evidence`).

    Args:
        data: a :func:`analysis.compare.claim_alignment` table or an Analysis.
        ax: Axes to draw on.
        top: how many claim groups (most sources first).
        min_sources: show claims reported by at least this many sources.
        result: the Analysis the table was computed from (for the sentences under each marker).
        width: characters of each sentence shown under its marker (None: what fits between the columns).
        **filters: ``event=``, ``sources=`` when ``data`` is an Analysis.

    Returns:
        The Axes (one marker per reported cell, one sentence snippet per marker with the sentences).
    """
    if result is None and isinstance(data, Analysis):
        result = data
    table = _table(data, "claim_alignment", **filters)
    sources = sorted(table["source"].unique())
    colors = source_colors(sources)
    shown = table[table["n_sources"] >= min_sources]
    groups = sorted(shown["claim_group"].unique())[:top]
    shown = shown[shown["claim_group"].isin(groups)]
    ax = _axes(ax, len(groups), per_row=0.34 if result is None else 0.55)
    row_of = {g: i for i, g in enumerate(groups)}
    col_of = {s: i for i, s in enumerate(sources)}
    if result is not None and not shown.empty:
        width = width or max(8, 80 // (len(sources) + 1))
        text = result.sentences.set_index(["article_id", "sentence_id"])["text"]
        for cell in shown.itertuples(index=False):
            first = cell.evidence[0] if len(cell.evidence) else None
            sentence = str(text.get(tuple(first), "")) if first is not None else ""
            ax.text(col_of[cell.source], row_of[cell.claim_group] + 0.3, truncate(sentence, width), fontsize=6,
                    ha="center", va="center", color="#444444", zorder=2)  # fmt: skip
    styles = {"own voice": ("s", True), "attributed": ("o", False), "mixed": ("D", True)}
    for kind, (marker, filled) in styles.items():
        cells = shown[shown["voice"] == kind]
        if cells.empty:
            continue
        c = [colors[s] for s in cells["source"]]
        ax.scatter(cells["source"].map(col_of), cells["claim_group"].map(row_of), s=110, marker=marker,
                   facecolors=c if filled else "none", edgecolors=c, linewidths=1.8, label=kind, zorder=3)  # fmt: skip
    reps = shown.drop_duplicates("claim_group").set_index("claim_group")
    flagged = [row_of[g] for g in groups if reps.loc[g, "number_disagreement"]]
    for r in flagged:
        ax.text(len(sources), r, "≠", color="#d62728", fontsize=15, va="center", ha="center", weight="bold")
    ax.set_xticks(range(len(sources) + 1), [truncate(s, 18) for s in sources] + ["numbers differ"], rotation=30,
                  ha="right")  # fmt: skip
    for label, source in zip(ax.get_xticklabels(), [*sources, ""], strict=True):
        label.set_color(colors.get(source, "#d62728"))
    ax.set_yticks(range(len(groups)), [f"{g}. {truncate(reps.loc[g, 'representative'], 40)}" for g in groups])
    ax.set_xlim(-0.6, len(sources) + 0.6)
    ax.set_ylim(len(groups) - 0.5, -0.5)
    ax.grid(alpha=0.25)
    ax.set_xlabel("■ own voice   ○ attributed   ◆ both   ≠ numbers differ")
    ax.set_title(f"Shared claims (≥{min_sources} sources), voice per source")
    return ax


# --------------------------------------------------------------------------- distinctive terms


def distinctive_terms(data, *, ax=None, top: int = 8, **filters):
    """Horizontal bars: each source's most distinctive words (z-score of the weighted log-odds).

    Args:
        data: a :func:`analysis.compare.distinctive_terms` table or an Analysis.
        ax: Axes to draw on.
        top: words per source (highest ``z``).
        **filters: ``event=``, ``sources=`` ... when ``data`` is an Analysis.

    Returns:
        The Axes (one bar per source and word; labels carry the count).
    """
    table = _table(data, "distinctive_terms", **filters)
    table = table.sort_values(["source", "z"], ascending=[True, False], kind="stable").groupby("source").head(top)
    sources = sorted(table["source"].unique())
    colors = source_colors(sources)
    ax = _axes(ax, len(table) + len(sources), per_row=0.24)
    ticks, names, pos = [], [], 0.0
    for source in sources:
        rows = table[table["source"] == source]
        ax.barh(np.arange(len(rows)) + pos, rows["z"], color=colors[source])
        ticks += list(np.arange(len(rows)) + pos)
        names += [f"{truncate(t, 22)} ({c})" for t, c in zip(rows["term"], rows["count"], strict=True)]
        pos += len(rows) + 0.8
    ax.set_yticks(ticks, names)
    ax.invert_yaxis()
    ax.axvline(1.96, color="#888888", lw=0.8, ls="--")
    ax.set_xlabel("z-score of log-odds vs the rest (dashed: 1.96); (n) = uses in the source")
    ax.set_title(f"Distinctive words per source (top {top}, informative Dirichlet prior)")
    _source_legend(ax, colors, sources, loc="lower right")
    ax.grid(axis="x", alpha=0.3)
    return ax


# --------------------------------------------------------------------------- tone


def tone(data, *, ax=None, top: int = 10, **filters):
    """Mean tone per source with its 95% interval (or per actor and source, or per voice and source).

    Args:
        data: a :func:`analysis.compare.tone` table (``by="source"``, ``"entity"`` or ``"voice"``) or an Analysis.
        ax: Axes to draw on.
        top: actors shown for a ``by="entity"`` table (most mentions).
        **filters: ``event=``, ``sources=``, ``by=`` when ``data`` is an Analysis.

    Returns:
        The Axes (one point with error bar per source, per actor and source, or per voice and source).
    """
    table = _table(data, "tone", **filters)
    if "canonical" in table.columns:
        return _tone_entities(table, ax, top)
    if "voice" in table.columns:
        return _tone_voice(table, ax)
    table = table.sort_values("source")
    sources = list(table["source"])
    colors = source_colors(sources)
    ax = _axes(ax, len(sources) * 1.2 + 1)
    y = np.arange(len(sources))
    err = np.vstack([(table["tone"] - table["ci_low"]).fillna(0), (table["ci_high"] - table["tone"]).fillna(0)])
    for i, source in enumerate(sources):
        ax.errorbar(table["tone"].iloc[i], y[i], xerr=err[:, i : i + 1], fmt="o", color=colors[source], capsize=4,
                    markersize=7)  # fmt: skip
    ax.set_yticks(y, [f"{truncate(s, 26)} (n={n})" for s, n in zip(sources, table["n_sentences"], strict=True)])
    for label, source in zip(ax.get_yticklabels(), sources, strict=True):
        label.set_color(colors[source])
    ax.invert_yaxis()
    ax.axvline(0, color="#888888", lw=0.8)
    ax.set_xlim(-1.05, 1.05)
    ax.set_xlabel("mean sentence tone (-1 negative … +1 positive), 95% interval; n = sentences")
    ax.set_title("Tone per source")
    ax.grid(axis="x", alpha=0.3)
    return ax


def _tone_voice(table: pd.DataFrame, ax):
    sources = sorted(table["source"].unique())
    ax = _axes(ax, len(sources) * 1.3 + 1.5)
    styles = {"own voice": ("o", "#1f77b4", -0.15), "attributed": ("s", "#d62728", 0.15)}
    for voice, (marker, color, shift) in styles.items():
        rows = table[table["voice"] == voice]
        y = rows["source"].map({s: i for i, s in enumerate(sources)}).to_numpy() + shift
        err = np.vstack([(rows["tone"] - rows["ci_low"]).fillna(0), (rows["ci_high"] - rows["tone"]).fillna(0)])
        ax.errorbar(rows["tone"], y, xerr=err, fmt=marker, color=color, capsize=3, markersize=6, label=voice)
        for x, yy, n in zip(rows["tone"], y, rows["n_sentences"], strict=True):
            ax.annotate(f"n={n}", (x, yy), xytext=(6, 3), textcoords="offset points", fontsize="x-small", color=color)
    ax.set_yticks(range(len(sources)), [truncate(s, 26) for s in sources])
    ax.set_ylim(len(sources) - 0.5, -0.5)
    ax.axvline(0, color="#888888", lw=0.8)
    ax.set_xlim(-1.05, 1.05)
    ax.set_xlabel("mean sentence tone (-1 … +1), 95% interval; n = sentences")
    ax.set_title("Tone in the outlet's own voice and in attributed speech")
    ax.legend(frameon=False, fontsize="small", loc="upper center", bbox_to_anchor=(0.5, -0.18), ncols=2)
    ax.grid(axis="x", alpha=0.3)
    return ax


def _tone_entities(table: pd.DataFrame, ax, top: int):
    count = "n_mentions" if "n_mentions" in table.columns else "n_sentences"
    sizes = table.groupby("canonical")[count].sum().sort_values(ascending=False, kind="stable")
    entities = list(sizes.index[:top])
    table = table[table["canonical"].isin(entities)]
    sources = sorted(table["source"].unique())
    colors = source_colors(sources)
    ax = _axes(ax, len(entities) * 1.5 + 1)
    row_of = {e: i for i, e in enumerate(entities)}
    step = 0.7 / max(1, len(sources))
    for j, source in enumerate(sources):
        rows = table[table["source"] == source]
        y = rows["canonical"].map(row_of).to_numpy() + (j - (len(sources) - 1) / 2) * step
        err = np.vstack([(rows["tone"] - rows["ci_low"]).fillna(0), (rows["ci_high"] - rows["tone"]).fillna(0)])
        ax.errorbar(rows["tone"], y, xerr=err, fmt="o", color=colors[source], capsize=3, markersize=5,
                    label=truncate(source, 28))  # fmt: skip
        for x, yy, n in zip(rows["tone"], y, rows[count], strict=True):  # a mean is never shown without its n
            ax.annotate(f"{n}", (x, yy), xytext=(4, 1), textcoords="offset points", fontsize="x-small",
                        color=colors[source], va="center")  # fmt: skip
    ax.set_yticks(range(len(entities)), [truncate(e) for e in entities])
    ax.set_ylim(len(entities) - 0.5, -0.5)
    ax.axvline(0, color="#888888", lw=0.8)
    ax.set_xlim(-1.05, 1.05)
    ax.set_xlabel("mean tone toward the actor's mentions (-1 … +1), 95% interval; n beside each point")
    ax.set_title(f"Tone toward actors, per source (top {len(entities)} by mentions)")
    # beside the axes, not under them: with two or three actors the axes are short and a legend
    # below would sit on the x label
    ax.legend(frameon=False, fontsize="small", loc="center left", bbox_to_anchor=(1.01, 0.5), title="source")
    ax.grid(axis="x", alpha=0.3)
    return ax
