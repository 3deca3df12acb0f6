"""Analyses of the bundled corpus for the comparison tests and benchmarks.

``gold_analysis()`` builds an :class:`~analysis.Analysis` whose entities,
claims and numbers are the corpus gold (sentences, debris and tone come from
:mod:`analysis.text` and :mod:`analysis.sentiment`). It tests the comparison
logic independently of the extractors; ``pipeline_analysis()`` runs
:func:`analysis.analyze` when every stage is installed.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import numpy as np
import pandas as pd

from analysis.result import Analysis

ROOT = Path(__file__).resolve().parent.parent
EVENTS = ROOT / "data" / "events"
GOLD = ROOT / "data" / "gold"


def _sentence_ids(starts: np.ndarray, offsets: pd.Series) -> np.ndarray:
    return np.searchsorted(starts, offsets.to_numpy(dtype="int64"), side="right") - 1


@cache
def gold_analysis() -> Analysis:
    """The three bundled events with gold entities, claims and numbers (built once)."""
    from analysis.corpus import load_corpus
    from analysis.evaluation.gold import load_gold_dir
    from analysis.sentiment import score_sentences
    from analysis.text import process

    corpus = load_corpus(EVENTS)
    gold = load_gold_dir(GOLD)
    sentences, entities, claims, numbers, articles, texts = [], [], [], [], [], {}
    for article in corpus:
        doc = process(article.text, title=article.title)
        texts[article.article_id] = article.text
        frame = pd.DataFrame(
            {
                "article_id": article.article_id,
                "sentence_id": [s.index for s in doc.sentences],
                "start": [s.start for s in doc.sentences],
                "end": [s.end for s in doc.sentences],
                "text": [s.text for s in doc.sentences],
                "kind": [s.kind for s in doc.sentences],
                "is_debris": [s.is_debris for s in doc.sentences],
                "n_words": [
                    sum(1 for t in doc.sentence_tokens(s.index) if any(c.isalnum() for c in t.text))
                    for s in doc.sentences
                ],
            }
        )
        scores = score_sentences(frame["text"].tolist())
        frame = pd.concat([frame, scores.reset_index(drop=True)], axis=1)
        starts = frame["start"].to_numpy()
        ga = gold.articles[article.article_id]
        ent = ga.entities.assign(sentence_id=_sentence_ids(starts, ga.entities["start"]), title="")
        cla = ga.claims.assign(sentence_id=_sentence_ids(starts, ga.claims["sentence_start"]))
        cla["text"] = frame["text"].to_numpy()[cla["sentence_id"].to_numpy()]
        num = ga.numbers.assign(sentence_id=_sentence_ids(starts, ga.numbers["start"]), rate="")
        frame["is_claim"] = frame["sentence_id"].isin(cla["sentence_id"])
        kept = frame[~frame["is_debris"]]
        sentences.append(frame)
        entities.append(ent)
        claims.append(cla)
        numbers.append(num)
        articles.append(
            {
                "article_id": article.article_id,
                "source": article.source,
                "event": article.event,
                "title": article.title,
                "published": article.published,
                "n_sentences": len(kept),
                "n_words": int(kept["n_words"].sum()),
                "n_entities": len(ent),
                "n_claims": len(cla),
                "n_attributed": int((cla["quote"] != "none").sum()),
                "tone": float(kept["tone"].mean()),
            }
        )
    tables = {
        "articles": pd.DataFrame(articles),
        "sentences": pd.concat(sentences, ignore_index=True),
        "entities": pd.concat(entities, ignore_index=True),
        "claims": pd.concat(claims, ignore_index=True),
        "numbers": pd.concat(numbers, ignore_index=True),
    }
    return Analysis(tables, texts)


def pipeline_available() -> bool:
    """True when every stage module the pipeline imports is present."""
    import importlib.util

    return all(importlib.util.find_spec(f"analysis.{m}") for m in ("entities", "claims", "numbers", "sentiment"))


@cache
def pipeline_analysis() -> Analysis:
    """The three bundled events analysed by :func:`analysis.analyze` (built once)."""
    import analysis

    return analysis.analyze(EVENTS, jobs=1, progress=False, event_aliases=EVENTS)


def replicate(result: Analysis, copies: int, *, event: str | None = None) -> Analysis:
    """A larger analysis: every article of ``result`` repeated ``copies`` times with new ids.

    Args:
        result: the analysis to copy.
        copies: how many times each article appears.
        event: when given, every copy is put in this one event.

    Returns:
        An :class:`Analysis` with ``copies * len(result.articles)`` articles.
    """
    tables = {}
    ids = result.articles["article_id"].astype(str).to_numpy()
    for name, table in result.tables.items():
        reps = []
        for k in range(copies):
            t = table.copy()
            t["article_id"] = t["article_id"].astype(str) + f"~{k}"
            reps.append(t)
        tables[name] = pd.concat(reps, ignore_index=True)
    if event is not None:
        tables["articles"]["event"] = event
    texts = {f"{a}~{k}": result.text(a) for k in range(copies) for a in ids}
    return Analysis(tables, texts)
