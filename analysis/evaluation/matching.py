"""One-to-one pairing of predictions with gold items, shared by the evaluations."""

from __future__ import annotations

from collections.abc import Iterable


def pair_best_first(candidates: Iterable[tuple[float, int, int]]) -> list[tuple[int, int]]:
    """Pair predicted and gold items one-to-one, the best-scoring candidate pair first.

    Args:
        candidates: ``(score, predicted index, gold index)`` for every pair that may
            match; ties are broken by the lower predicted, then gold, index.

    Returns:
        ``(predicted index, gold index)`` pairs, sorted; each index appears at most once.
    """
    used_p: set[int] = set()
    used_g: set[int] = set()
    pairs = []
    for _, p, g in sorted(candidates, key=lambda c: (-c[0], c[1], c[2])):
        if p not in used_p and g not in used_g:
            used_p.add(p)
            used_g.add(g)
            pairs.append((p, g))
    return sorted(pairs)
