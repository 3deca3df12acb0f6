"""Claim alignment: the same claim found across the sources of one event.

Each claim row is described by a bag of features: the stems of its content
words (the reported span, or the sentence for the outlet's own voice), the
canonical entities named in its sentence (``E:Islamic State``), and the units
and values of the numbers there (``U:people``, ``V:people=340000``). Features
are weighted by TF-IDF and claims compared by cosine similarity; claims with
identical features are merged first (wire copies), and only pairs sharing a
feature that is not too common are scored (an inverted index: blocking, so a
10,000-article event does not compare every pair). Claims are then grouped by
average-linkage clustering: two groups merge while the mean similarity of all
their claim pairs is at least ``threshold`` (pairs never scored count as 0,
so a group does not drift by chaining).
"""

from __future__ import annotations

import heapq
import re
from collections import defaultdict
from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd

from analysis.result import Analysis
from analysis.scope import WORD_PATTERN, select, spans

#: Default similarity (cosine over TF-IDF features) for two claim groups to merge.
THRESHOLD = 0.2

#: Factor on the similarity of two claims from the same article (a restatement, or two different claims).
SAME_ARTICLE_WEIGHT = 0.5

_WORD = re.compile(WORD_PATTERN)
_SUFFIXES = ("ations", "ation", "ings", "ing", "ions", "ion", "ies", "ied", "ed", "es", "s")
_REPLACE = {"ations": "at", "ation": "at", "ies": "y", "ied": "y"}
_UNIT_ALIASES = {"%": "percent", "per cent": "percent", "pct": "percent", "person": "people", "persons": "people"}

#: Words news reports use interchangeably for one idea; each group becomes one feature
#: (``C:death``) so "23 killed" and "31 dead" can align. Extend with ``concepts=`` in
#: :func:`claim_alignment` (a mapping of concept name to words).
CONCEPTS: dict[str, tuple[str, ...]] = {
    "death": ("killed", "kill", "killing", "dead", "died", "die", "death", "deaths", "toll", "lives", "bodies",
              "perished", "fatalities"),
    "injury": ("injured", "injuries", "wounded", "hurt", "hospital", "hospitalised", "hospitalized", "treated"),
    "fire": ("fire", "blaze", "inferno", "flames", "burned", "burning"),
    "arrest": ("arrested", "arrest", "arrests", "detained", "questioned", "custody", "held"),
    "protest": ("protest", "protests", "protesters", "demonstrators", "rioters", "crowd", "marched", "rally"),
    "worker": ("workers", "employees", "staff", "workforce"),
    "exit": ("exit", "exits", "door", "doors", "escape"),
    "liberate": ("liberated", "liberation", "freed", "cleared", "defeated", "defeat", "routed", "routing"),
    "strike": ("strikes", "airstrikes", "bombing", "bombed", "raids", "sorties"),
    "fighter": ("fighters", "militants", "terrorists", "jihadists", "mercenaries", "insurgents"),
    "vote": ("votes", "vote", "ballots", "ballot", "voting"),
    "recount": ("recount", "recounting", "retally"),
    "fraud": ("fraud", "rigged", "rigging", "irregularities", "manipulation"),
    "percent": ("percent", "per cent", "%"),
}  # fmt: skip

#: Units counted as the same when numbers are compared (all are counts of people).
UNIT_CLASSES: dict[str, tuple[str, ...]] = {
    "people": ("people", "person", "persons", "individuals", "workers", "employees", "victims", "staff",
               "protesters", "demonstrators", "rioters", "citizens", "marchers"),
    "ballots": ("ballots", "ballot", "votes", "vote"),
}  # fmt: skip

COLUMNS = [
    "claim_group",
    "representative",
    "n_sources",
    "source",
    "n_claims",
    "voice",
    "speakers",
    "quote",
    "hedged",
    "boosted",
    "numbers",
    "number_disagreement",
    "disagreeing_units",
    "cohesion",
    "evidence",
]


def stem(word: str) -> str:
    """A crude, deterministic stem: lower case, one common suffix off, at most 6 letters.

    >>> stem("Liberated"), stem("liberation"), stem("strikes")
    ('libera', 'libera', 'strike')
    """
    word = word.lower().replace("’", "'")
    if word.endswith("'s"):
        word = word[:-2]
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            if suffix == "es" and not word[:-2].endswith(("s", "x", "z", "ch", "sh")):
                suffix = "s"
            word = word[: -len(suffix)] + _REPLACE.get(suffix, "")
            break
    return word[:6]


def normalize_unit(unit: str) -> str:
    """The unit as compared across sources: lower case, ``%`` as percent, plural ``s`` off."""
    u = " ".join(str(unit).lower().split())
    for name, members in UNIT_CLASSES.items():
        if u in members:
            return name
    u = _UNIT_ALIASES.get(u, u)
    if len(u) > 3 and u.endswith("s") and not u.endswith("ss"):
        u = u[:-1]
    return _UNIT_ALIASES.get(u, u)


def claim_alignment(
    result: Analysis,
    event: str | None = None,
    sources: str | Sequence[str] | None = None,
    *,
    threshold: float = THRESHOLD,
    min_sources: int = 1,
    max_df: int | None = None,
    concepts: Mapping[str, Sequence[str]] | None = None,
) -> pd.DataFrame:
    """Match claims across sources and lay them out claim by source.

    Args:
        result: an :class:`~analysis.Analysis`.
        event: the event whose sources are compared (recommended: aligning
            claims of different events finds only coincidences).
        sources: only these sources.
        threshold: minimum mean cosine similarity for claims to be grouped
            (0-1; lower groups more loosely).
        min_sources: keep groups reported by at least this many sources.
        max_df: features shared by more distinct claims than this are not used
            to propose candidate pairs (they still count in the similarity of
            pairs proposed by rarer features). ``None``: ``max(50, 2%`` of the
            distinct claims``)``.
        concepts: extra word groups treated as one feature (added to :data:`CONCEPTS`),
            e.g. ``{"protest": ["protest", "rally", "demonstration"]}``.

    Returns:
        One row per (claim group, source that reports it): ``claim_group``
        (1 = reported by most sources), ``representative`` (the group's most
        central claim text), ``n_sources``, ``source``, ``n_claims`` (claim rows
        of this source in the group), ``voice`` ("own voice", "attributed" or
        "mixed"), ``speakers`` (who the source attributes it to;
        ``(own voice)`` for none), ``quote`` (direct / indirect / none, joined),
        ``hedged``, ``boosted`` (any claim of the cell), ``numbers`` (the number
        expressions in the cell's sentences), ``number_disagreement`` (True on
        every row of a group where two sources give different values for the
        same unit), ``disagreeing_units`` (those units with each source's
        values, e.g. ``people: A=340000; B=500000``), ``cohesion`` (mean
        similarity of the group's claim pairs; 1 for a single claim) and
        ``evidence`` (a tuple of ``(article_id, sentence_id)``, for
        :func:`analysis.compare.evidence`).
    """
    scope = select(result, event, sources)
    claims = scope.claims.reset_index(drop=True)
    if claims.empty:
        return _empty()
    claims["content"] = spans(result, claims, "content_start", "content_end")
    features = _features(claims, scope.entities, scope.numbers, concepts)
    units, unit_of = _dedupe(features, len(claims))
    weights = _tfidf(units)
    edges = _candidate_similarities(weights, claims, unit_of, max_df)
    group_of_unit, sims = _average_linkage(len(set(unit_of)), edges, threshold)
    claims["group"] = group_of_unit[unit_of]
    claims["unit"] = unit_of
    return _table(claims, scope.numbers, sims, min_sources)


def alignment_matrix(table: pd.DataFrame, value: str = "speakers") -> pd.DataFrame:
    """The claim-by-source matrix of a :func:`claim_alignment` table.

    Args:
        table: the alignment table.
        value: the cell column to show (``speakers``, ``voice``, ``numbers``, ``n_claims``...).

    Returns:
        One row per claim group (index ``claim_group, representative``), one
        column per source; empty cells where a source does not report the claim.
    """
    wide = table.pivot_table(
        index=["claim_group", "representative"], columns="source", values=value, aggfunc="first", observed=True
    )
    wide.columns.name = None
    return wide


# --------------------------------------------------------------------------- features


def _features(
    claims: pd.DataFrame, entities: pd.DataFrame, numbers: pd.DataFrame, concepts: Mapping[str, Sequence[str]] | None
) -> pd.DataFrame:
    """Long table ``claim, feature, tf`` for every claim row (row position = claim id)."""
    from analysis.text import stopwords

    stop = stopwords()
    words = pd.DataFrame({"claim": np.arange(len(claims)), "word": claims["content"].str.findall(_WORD)})
    words = words.explode("word").dropna(subset=["word"])
    words = words[words["word"].str.contains(r"[^\W\d_]", regex=True)]
    words = words[~words["word"].str.lower().isin(stop)]
    concept_of = {stem(w): "C:" + name for name, ws in {**CONCEPTS, **(concepts or {})}.items() for w in ws}
    stems = {w: concept_of.get(stem(w), stem(w)) for w in words["word"].unique()}
    words["feature"] = words["word"].map(stems)
    words = words[words["feature"].str.len() >= 2]
    keys = claims[["article_id", "sentence_id"]].assign(claim=np.arange(len(claims)))
    ents = keys.merge(entities[["article_id", "sentence_id", "canonical"]], on=["article_id", "sentence_id"])
    ents["feature"] = "E:" + ents["canonical"].astype(str)
    nums = keys.merge(numbers[["article_id", "sentence_id", "value", "unit"]], on=["article_id", "sentence_id"])
    nums["u"] = nums["unit"].astype(str).map(normalize_unit)
    value_rows = nums.assign(feature="V:" + nums["u"] + "=" + nums["value"].map("{:g}".format))
    unit_rows = nums.assign(feature="U:" + nums["u"])
    long = pd.concat(
        [words[["claim", "feature"]], ents[["claim", "feature"]], unit_rows[["claim", "feature"]],
         value_rows[["claim", "feature"]]],
        ignore_index=True,
    )  # fmt: skip
    return long.groupby(["claim", "feature"]).size().rename("tf").reset_index()


def _dedupe(features: pd.DataFrame, n_claims: int) -> tuple[pd.DataFrame, np.ndarray]:
    """Merge claims with identical feature bags into units; return ``unit, feature, tf`` and each claim's unit."""
    sig = (
        (features["feature"] + "\x1f" + features["tf"].astype(str)).groupby(features["claim"]).agg("\x1e".join)
    ).reindex(range(n_claims), fill_value="")
    codes, _ = pd.factorize(sig, sort=False)
    unit_of = np.asarray(codes, dtype="int64")
    first = pd.Series(np.arange(n_claims)).groupby(unit_of).min()
    units = features[features["claim"].isin(first.to_numpy())].copy()
    units["unit"] = unit_of[units["claim"].to_numpy()]
    return units[["unit", "feature", "tf"]], unit_of


def _tfidf(units: pd.DataFrame) -> pd.DataFrame:
    n = units["unit"].nunique()
    df = units.groupby("feature")["unit"].nunique()
    w = units.assign(df=units["feature"].map(df))
    w["w"] = (1 + np.log(w["tf"])) * np.log(1 + n / w["df"])
    norm = np.sqrt((w["w"] ** 2).groupby(w["unit"]).transform("sum"))
    w["w"] = w["w"] / norm.where(norm > 0, 1)
    return w[["unit", "feature", "w", "df"]]


def _candidate_similarities(
    weights: pd.DataFrame, claims: pd.DataFrame, unit_of: np.ndarray, max_df: int | None
) -> pd.DataFrame:
    """Cosine similarity of unit pairs that share at least one blocking feature (``a < b``)."""
    n_units = weights["unit"].nunique()
    cap = max(50, int(0.02 * n_units)) if max_df is None else max_df
    block = weights[(weights["df"] > 1) & (weights["df"] <= cap)]
    pairs = block[["unit", "feature"]].merge(block[["unit", "feature"]], on="feature", suffixes=("_a", "_b"))
    pairs = pairs.loc[pairs["unit_a"] < pairs["unit_b"], ["unit_a", "unit_b"]].drop_duplicates()
    if pairs.empty:
        return pd.DataFrame({"a": [], "b": [], "sim": []})
    # full dot product over all shared features of the candidate pairs
    wa = weights[["unit", "feature", "w"]]
    cand_features = pairs.merge(wa.rename(columns={"unit": "unit_a", "w": "w_a"}), on="unit_a")
    cand_features = cand_features.merge(
        wa.rename(columns={"unit": "unit_b", "w": "w_b"}), on=["unit_b", "feature"], how="inner"
    )
    cand_features["p"] = cand_features["w_a"] * cand_features["w_b"]
    sims = cand_features.groupby(["unit_a", "unit_b"])["p"].sum().reset_index()
    # claims of one article are rarely the same claim twice: their similarity counts SAME_ARTICLE_WEIGHT times
    home = pd.Series(claims["article_id"].to_numpy()).groupby(unit_of).first()
    same = sims["unit_a"].map(home).to_numpy() == sims["unit_b"].map(home).to_numpy()
    sims["p"] = np.where(same, sims["p"] * SAME_ARTICLE_WEIGHT, sims["p"])
    sims = sims[sims["p"] > 0]
    return sims.rename(columns={"unit_a": "a", "unit_b": "b", "p": "sim"})


def _average_linkage(n: int, edges: pd.DataFrame, threshold: float) -> tuple[np.ndarray, dict[int, float]]:
    """Group ``n`` units by average linkage over sparse similarities; return each unit's group and cohesion."""
    parent = list(range(n))
    size = [1] * n
    sums: dict[int, dict[int, float]] = defaultdict(dict)
    internal = [0.0] * n
    heap: list[tuple[float, int, int]] = []
    for a, b, s in zip(edges["a"].astype(int), edges["b"].astype(int), edges["sim"].astype(float), strict=True):
        sums[a][b] = s
        sums[b][a] = s
        if s >= threshold:
            heap.append((-s, a, b))
    heapq.heapify(heap)
    alive = [True] * n
    while heap:
        neg, a, b = heapq.heappop(heap)
        if not (alive[a] and alive[b]):
            continue
        current = sums[a].get(b, 0.0) / (size[a] * size[b])
        if current < threshold:
            continue
        if abs(current + neg) > 1e-12:
            heapq.heappush(heap, (-current, a, b))
            continue
        if size[a] < size[b]:
            a, b = b, a
        internal[a] += internal[b] + sums[a][b]
        alive[b] = False
        parent[b] = a
        size[a] += size[b]
        for k, s in sums.pop(b).items():
            if k == a:
                continue
            del sums[k][b]
            total = sums[a].get(k, 0.0) + s
            sums[a][k] = total
            sums[k][a] = total
            avg = total / (size[a] * size[k])
            if avg >= threshold:
                heapq.heappush(heap, (-avg, min(a, k), max(a, k)))
        sums[a].pop(b, None)
    root = np.arange(n)
    for i in range(n):
        r = i
        while parent[r] != r:
            r = parent[r]
        root[i] = r
    cohesion = {r: (internal[r] / (size[r] * (size[r] - 1) / 2) if size[r] > 1 else 1.0) for r in range(n) if alive[r]}
    return root, cohesion


# --------------------------------------------------------------------------- table


def _table(claims: pd.DataFrame, numbers: pd.DataFrame, cohesion: dict[int, float], min_sources: int) -> pd.DataFrame:
    claims = claims.copy()
    claims["own"] = (claims["quote"] == "none") & (claims["speaker"] == "")
    claims["who"] = claims["speaker"].where(~claims["own"], "(own voice)").astype(str)
    claims["order"] = np.arange(len(claims))
    n_sources = claims.groupby("group")["source"].nunique()
    keep = n_sources[n_sources >= min_sources].index
    claims = claims[claims["group"].isin(keep)]
    if claims.empty:
        return _empty()
    first = claims.groupby("group")["order"].min()
    ranking = pd.DataFrame({"n": n_sources.reindex(first.index), "first": first})
    ranking = ranking.sort_values(["n", "first"], ascending=[False, True])
    number_of = {g: i + 1 for i, g in enumerate(ranking.index)}
    rep = _representatives(claims)
    # numbers in the sentences of each cell
    keys = claims[["group", "source", "article_id", "sentence_id"]].drop_duplicates()
    nums = keys.merge(numbers[["article_id", "sentence_id", "start", "text", "value", "unit"]],
                      on=["article_id", "sentence_id"])  # fmt: skip
    nums = nums.drop_duplicates(["group", "source", "article_id", "start"]).sort_values(["article_id", "start"])
    nums["u"] = nums["unit"].astype(str).map(normalize_unit)
    disagree = _disagreements(nums)
    num_text = nums.groupby(["group", "source"])["text"].agg("; ".join)
    g = claims.groupby(["group", "source"], sort=False)
    cells = g.agg(
        n_claims=("order", "size"),
        n_own=("own", "sum"),
        hedged=("hedged", "any"),
        boosted=("boosted", "any"),
        first=("order", "min"),
    )
    cells["speakers"] = g["who"].agg(lambda s: "; ".join(dict.fromkeys(s)))
    cells["quote"] = g["quote"].agg(lambda s: "; ".join(dict.fromkeys(s.astype(str))))
    cells["evidence"] = g[["article_id", "sentence_id"]].apply(
        lambda f: tuple(dict.fromkeys(zip(f["article_id"].astype(str), f["sentence_id"].astype(int), strict=True)))
    )
    cells = cells.reset_index()
    cells["voice"] = np.select(
        [cells["n_own"] == cells["n_claims"], cells["n_own"] == 0], ["own voice", "attributed"], "mixed"
    )
    cells["numbers"] = [num_text.get((a, b), "") for a, b in zip(cells["group"], cells["source"], strict=True)]
    cells["claim_group"] = cells["group"].map(number_of)
    cells["representative"] = cells["group"].map(rep)
    cells["n_sources"] = cells["group"].map(n_sources)
    cells["disagreeing_units"] = cells["group"].map(disagree).astype("object").fillna("")
    cells["number_disagreement"] = cells["disagreeing_units"] != ""
    cells["cohesion"] = cells["group"].map(lambda grp: cohesion.get(int(grp), 1.0))
    cells = cells.sort_values(["claim_group", "source"]).reset_index(drop=True)
    out = cells[COLUMNS]
    return out.astype(
        {"claim_group": "int64", "representative": "string", "n_sources": "int64", "source": "string",
         "n_claims": "int64", "voice": "string", "speakers": "string", "quote": "string", "hedged": "bool",
         "boosted": "bool", "numbers": "string", "number_disagreement": "bool", "disagreeing_units": "string",
         "cohesion": "float64"}
    )  # fmt: skip


def _representatives(claims: pd.DataFrame) -> pd.Series:
    """The content text of each group's most typical claim: the most frequent stemmed bag, earliest on ties."""
    counts = claims.groupby(["group", "unit"]).agg(n=("order", "size"), first=("order", "min")).reset_index()
    best = counts.sort_values(["group", "n", "first"], ascending=[True, False, True]).drop_duplicates("group")
    text = claims.set_index("order")["content"]
    return pd.Series(best["first"].map(text).to_numpy(), index=best["group"].to_numpy()).str.strip()


def _disagreements(nums: pd.DataFrame) -> pd.Series:
    """Per group: the units for which two sources give different values, with each source's values."""
    if nums.empty:
        return pd.Series(dtype="string")
    per = nums.groupby(["group", "u"]).agg(n_src=("source", "nunique"), n_val=("value", "nunique")).reset_index()
    bad = per[(per["n_src"] >= 2) & (per["n_val"] >= 2)]
    if bad.empty:
        return pd.Series(dtype="string")
    sel = nums.merge(bad[["group", "u"]], on=["group", "u"])
    vals = sel.groupby(["group", "u", "source"])["value"].agg(lambda v: "/".join(f"{x:g}" for x in dict.fromkeys(v)))
    vals = vals.reset_index()
    vals["s"] = vals["source"].astype(str) + "=" + vals["value"]
    by_unit = vals.groupby(["group", "u"])["s"].agg("; ".join).reset_index()
    by_unit["s"] = by_unit["u"] + ": " + by_unit["s"]
    return by_unit.groupby("group")["s"].agg(" | ".join)


def _empty() -> pd.DataFrame:
    return pd.DataFrame({c: pd.Series(dtype="object") for c in COLUMNS})
