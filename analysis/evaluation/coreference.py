"""Cross-document scores of canonical names: do the mentions of one actor get one name across articles?

The gold groups mentions into chains (MEANTIME's coreference chains, the bundled
gold's canonical names). Only chains found in two or more articles count, since
those are the ones that cross-document resolution can merge or split. Each gold
mention of such a chain is matched to a predicted mention (by the entity
evaluation) and clustered by the predicted canonical name; a gold mention the
system did not find is a cluster of its own. B-cubed precision, recall and F1
(Bagga & Baldwin 1998) compare the two clusterings mention by mention:

* precision of a mention: the share of its predicted cluster that is in its gold chain;
* recall of a mention: the share of its gold chain that is in its predicted cluster.

Predicted clusters are keyed by ``(event, canonical name)``: two events never
share an actor by accident of spelling.

Example:
    >>> [round(x, 3) for x in bcubed(["a", "a", "b"], ["x", "x", "x"])]
    [0.556, 1.0, 0.714]
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Hashable, Sequence
from dataclasses import dataclass

__all__ = ["ChainMention", "bcubed", "cross_document"]


@dataclass(frozen=True)
class ChainMention:
    """One gold mention of a chain, with what the system made of it.

    Attributes:
        doc: the article it is in.
        event: the article's event ("" when the corpus has none).
        chain: the gold chain (actor) it belongs to.
        predicted: the predicted canonical name, or None when the mention was not found.
    """

    doc: str
    event: str
    chain: str
    predicted: str | None


def bcubed(gold: Sequence[Hashable], predicted: Sequence[Hashable]) -> tuple[float, float, float]:
    """B-cubed precision, recall and F1 of a predicted clustering against a gold one.

    Args:
        gold: the gold cluster of each item.
        predicted: the predicted cluster of each item (same length and order).

    Returns:
        ``(precision, recall, f1)``; all 0.0 for no items.

    Raises:
        ValueError: when the two sequences differ in length.
    """
    if len(gold) != len(predicted):
        raise ValueError(f"gold has {len(gold)} items and predicted {len(predicted)}; give one cluster per item")
    if not gold:
        return 0.0, 0.0, 0.0
    pairs = Counter(zip(gold, predicted, strict=True))
    gold_size = Counter(gold)
    pred_size = Counter(predicted)
    precision = sum(n * n / pred_size[p] for (_, p), n in pairs.items()) / len(gold)
    recall = sum(n * n / gold_size[g] for (g, _), n in pairs.items()) / len(gold)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def cross_document(mentions: Sequence[ChainMention], *, min_docs: int = 2) -> dict[str, float | int]:
    """B-cubed of predicted canonical names over the gold chains that span ``min_docs`` articles or more.

    Args:
        mentions: every gold mention that belongs to a chain.
        min_docs: the fewest articles a chain must appear in to be scored.

    Returns:
        ``precision``, ``recall``, ``f1``, ``chains`` (chains scored), ``mentions`` (mentions scored)
        and ``found`` (of them, mentions the system found).
    """
    docs: dict[str, set[str]] = defaultdict(set)
    for m in mentions:
        docs[m.chain].add(m.doc)
    kept = [m for m in mentions if len(docs[m.chain]) >= min_docs]
    gold = [m.chain for m in kept]
    predicted: list[Hashable] = [
        (m.event, m.predicted) if m.predicted is not None else ("missed", k) for k, m in enumerate(kept)
    ]
    precision, recall, f1 = bcubed(gold, predicted)
    return {
        "precision": precision,
        "recall": recall,
        "f1": f1,
        "chains": len(set(gold)),
        "mentions": len(kept),
        "found": sum(m.predicted is not None for m in kept),
    }
