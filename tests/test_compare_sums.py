"""Adding up a compare verb's partial tables group by group (``analysis.compare.scope._Sums``).

A whole cluster run is compared group by group; the pieces must add up to what
one group-by over all of them gives, while the client holds the running sums
and a bounded number of waiting rows, never every piece.
"""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.compare.scope import _rows, _Sums

KEYS = {"counts": ["source", "term"], "totals": ["source"]}


def piece(source: str, terms: list[str], n: int = 1) -> dict[str, pd.DataFrame]:
    counts = pd.DataFrame({"source": source, "term": terms, "count": n, "weight": 0.5 * n})
    totals = pd.DataFrame({"source": [source], "count": [n * len(terms)]})
    return {"counts": counts, "totals": totals}


def at_once(pieces: list[dict[str, pd.DataFrame]]) -> dict[str, pd.DataFrame]:
    return {
        name: pd.concat([p[name] for p in pieces], ignore_index=True).groupby(by, sort=True).sum().reset_index()
        for name, by in KEYS.items()
    }


@pytest.mark.parametrize("shared", [True, False], ids=["pieces share their keys", "pieces of their own"])
def test_pieces_added_in_batches_equal_one_group_by_and_hold_few_rows(shared, monkeypatch):
    monkeypatch.setattr(_Sums, "BATCH_ROWS", 8)
    words = ["ceasefire", "convoy", "port", "talks"]
    pieces = [
        piece("Derzhava Daily" if k % 2 else "Port Courier", words if shared else [f"{w}{k}" for w in words], k)
        for k in range(1, 21)
    ]
    sums = _Sums(KEYS)
    held = []
    for p in pieces:
        sums.add(p)
        held.append(_rows([sums.sums or {}]) + _rows(sums.waiting))
    got = sums.total()
    for name, frame in at_once(pieces).items():
        pd.testing.assert_frame_equal(got[name], frame, obj=name)
    rows = [_rows([p]) for p in pieces]
    if shared:  # the sums stay one piece's size: the client never holds more than a batch and the sums
        assert max(held) <= 8 + 5 + 5 + 5 and sum(rows) == 100
    else:  # every key is new: the sums grow, and the waiting rows never outgrow them
        assert all(h <= 2 * max(8, done) + 5 for h, done in zip(held, _running(rows), strict=True))


def _running(rows: list[int]) -> list[int]:
    total, out = 0, []
    for n in rows:
        out.append(total)
        total += n
    return out


def test_a_group_without_the_sources_adds_nothing_and_no_piece_gives_empty_tables():
    sums = _Sums(KEYS)
    sums.add(None)
    got = sums.total()
    assert list(got["counts"].columns) == ["source", "term"] and got["counts"].empty
    sums.add(piece("Port Courier", []))
    got = sums.total()
    assert list(got["counts"].columns) == ["source", "term", "count", "weight"] and got["counts"].empty
    assert got["totals"]["count"].tolist() == [0]
