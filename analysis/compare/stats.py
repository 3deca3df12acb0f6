"""Small statistics for the compare tables: Student-t critical values and mean intervals."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

__all__ = ["interval_from_moments", "mean_interval", "moments", "t_critical"]


def t_critical(df: np.ndarray | float, confidence: float = 0.95) -> np.ndarray:
    """Two-sided Student-t critical value (Cornish-Fisher expansion; within 0.003 of exact for df >= 2).

    Args:
        df: degrees of freedom (array or number, > 0).
        confidence: the interval's coverage.

    Returns:
        The critical values, same shape as ``df``.
    """
    from statistics import NormalDist

    z = NormalDist().inv_cdf(0.5 + confidence / 2)
    v = np.asarray(df, dtype="float64")
    with np.errstate(divide="ignore", invalid="ignore"):
        t = (
            z
            + (z**3 + z) / (4 * v)
            + (5 * z**5 + 16 * z**3 + 3 * z) / (96 * v**2)
            + (3 * z**7 + 19 * z**5 + 17 * z**3 - 15 * z) / (384 * v**3)
            + (79 * z**9 + 776 * z**7 + 1482 * z**5 - 1920 * z**3 - 945 * z) / (92160 * v**4)
        )
    exact = {1: 12.706204736, 2: 4.30265273, 3: 3.182446305, 4: 2.776445105}
    if math.isclose(confidence, 0.95):
        for k, value in exact.items():
            t = np.where(v == k, value, t)
    return t


def mean_interval(frame: pd.DataFrame, keys: list[str], value: str, count_name: str) -> pd.DataFrame:
    """Mean of ``value`` per group with its count, standard deviation and 95% t interval (clipped to [-1, 1]).

    Args:
        frame: one row per observation.
        keys: the grouping columns.
        value: the column averaged.
        count_name: the name given to the group size column.

    Returns:
        One row per group: ``keys``, ``count_name``, ``value``, ``sd``, ``ci_low``, ``ci_high``
        (the interval is NaN for a group of one).
    """
    g = frame.groupby(keys)[value]
    out = g.agg(["size", "mean", "std"]).rename(columns={"size": count_name, "mean": value, "std": "sd"})
    return _interval(out, value, count_name).reset_index()


def _interval(out: pd.DataFrame, value: str, count_name: str) -> pd.DataFrame:
    half = t_critical(out[count_name] - 1) * out["sd"] / np.sqrt(out[count_name])
    half = half.where(out[count_name] > 1)
    out["ci_low"] = (out[value] - half).clip(lower=-1.0)
    out["ci_high"] = (out[value] + half).clip(upper=1.0)
    return out


def moments(frame: pd.DataFrame, keys: list[str], value: str) -> pd.DataFrame:
    """Sums from which :func:`interval_from_moments` gives :func:`mean_interval`'s table, and that add up across
    pieces of the rows (so a mean and its interval can be computed piece by piece, e.g. on a Dask cluster).

    Returns:
        One row per group: ``keys``, ``n``, ``sum`` (of ``value``), ``m2`` (sum of squared deviations
        from the group's mean) and ``sq`` (``sum**2 / n``); all but the keys add up across pieces
        (pooled ``m2`` is ``sum(m2) + sum(sq) - sum(sum)**2 / sum(n)``).
    """
    g = frame.groupby(keys)[value]
    out = g.agg(["size", "sum", "var"]).rename(columns={"size": "n"})
    out["m2"] = (out.pop("var") * (out["n"] - 1)).fillna(0.0)
    out["sq"] = out["sum"] ** 2 / out["n"]
    return out.reset_index()


def interval_from_moments(frame: pd.DataFrame, keys: list[str], value: str, count_name: str) -> pd.DataFrame:
    """:func:`mean_interval`'s table from the (added up) sums of :func:`moments`."""
    out = frame.set_index(keys)
    n = out["n"].astype("int64")
    m2 = (out["m2"] + out["sq"] - out["sum"] ** 2 / n).clip(lower=0.0)
    table = pd.DataFrame({count_name: n, value: out["sum"] / n}, index=out.index)
    table["sd"] = np.sqrt(m2 / (n - 1)).where(n > 1)
    return _interval(table, value, count_name).reset_index()
