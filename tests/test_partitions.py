"""What a cluster run relies on, checked without Dask: the map and the reduce of the pipeline,
validation in pieces, Parquet shards as input, and the message when Dask is missing."""

from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd
import pytest

import analysis
from analysis.cluster import plan
from analysis.corpus import Record, judge_repeats, screen, validate
from analysis.pipeline import analyze_articles, resolve_events

ROOT = Path(__file__).resolve().parent.parent


#: Two events; in event "e" one outlet names the minister in full, the other by title and surname.
QUELL = [
    {
        "id": "a",
        "source": "One",
        "event": "e",
        "text": "Defence Minister Mara J. Quell said on Monday that the army had taken the port of Dervin. "
        "Quell added that 40 soldiers were hurt.",
    },
    {
        "id": "b",
        "source": "Two",
        "event": "e",
        "text": "Minister Quell told reporters in Dervin that the strikes would continue. "
        "Officials in the United States said 12 people died.",
    },
    {
        "id": "c",
        "source": "Two",
        "event": "f",
        "text": "Minister Quell told reporters in Dervin that the strikes would continue. "
        "Officials in America said 13 people died.",
    },
]


def test_the_map_then_the_reduce_per_event_is_analyze():
    whole = analysis.analyze(QUELL)
    mapped = analyze_articles(QUELL)
    # the map keeps each article's own name; the reduce gives one name per actor within an event only
    names = mapped.entities.set_index(["article_id", "text"])["canonical"]
    assert names[("b", "Quell")] == names[("c", "Quell")] == "Quell"
    resolved = whole.entities.set_index(["article_id", "text"])["canonical"]
    assert resolved[("b", "Quell")] == "Mara J. Quell" and resolved[("c", "Quell")] == "Quell"
    event_of = dict(zip(mapped.articles["article_id"], mapped.articles["event"], strict=True))
    rows = {}
    for name in ("entities", "claims"):
        frame = mapped.tables[name]
        rows[name] = frame.astype(object).where(frame.notna(), None).to_dict(orient="records")
    for event in sorted(set(event_of.values())):  # one event at a time, as the cluster's reduce does
        resolve_events({n: [r for r in rows[n] if event_of[r["article_id"]] == event] for n in rows}, event_of)
    assert [r["canonical"] for r in rows["entities"]] == whole.entities["canonical"].tolist()
    assert [r["speaker"] or "" for r in rows["claims"]] == whole.claims["speaker"].fillna("").tolist()
    assert "Mara J. Quell" in set(whole.claims.loc[whole.claims["article_id"] == "b", "speaker"])
    assert dict(mapped.texts) == dict(whole.texts)


def _records():
    body = "Port officials said on Tuesday that the crane had been repaired."
    return [
        Record("r0", {"id": "a", "text": body}),
        Record("r1", {"id": "b", "text": "Dock workers said the strike was over."}),
        Record("r2", {"id": "a", "text": "A different story with the same id."}),  # duplicate id of r0
        Record("r3", {"id": "c", "text": body}),  # the text of r0
        Record("r4", {"id": "d", "text": "  "}),  # empty
        Record("r5", {"id": "c", "text": "A ferry said it would sail."}),  # r3 was rejected: c is free
        Record("r6", {"id": "e", "text": "A ferry said it would sail."}),  # the text of r5
    ]


@pytest.mark.parametrize(
    "pieces", [(0, 1, 0, 1, 0, 1, 0), (1, 1, 0, 0, 1, 0, 0), (0, 0, 0, 0, 0, 0, 0), (1, 0, 0, 1, 1, 1, 0)]
)
def test_repeats_judged_in_input_order_then_pieces_out_of_order_give_what_validating_whole_gives(pieces):
    """A cluster task holds the records of its events, not a run of the input: the repeats are judged over
    the whole input in order first, and each piece is then validated alone."""
    records = _records()
    whole, _, _ = validate(records)
    kept, rejects = screen(records)
    assert [r.where for r in rejects] == ["r4"]  # the empty text; repeats are not judged by screen
    assert [position for position, *_ in kept] == [0, 1, 2, 3, 5, 6]
    judged = judge_repeats([identity for _, _, identity, _ in kept])
    rejects += [verdict for verdict in judged if verdict is not None]
    articles = []
    for piece in (1, 0):  # the later piece first: order between pieces does not matter
        accepted = [r for (p, r, _, _), v in zip(kept, judged, strict=True) if v is None and pieces[p] == piece]
        corpus, _, _ = validate(accepted)
        assert not len(corpus.rejects)
        articles += [a.article_id for a in corpus]
    assert sorted(articles) == [a.article_id for a in whole] == ["a", "b", "c"]
    got = sorted((r.where, r.reason, r.fix) for r in rejects)
    assert got == sorted(whole.rejects.itertuples(index=False, name=None))
    assert whole.rejects["where"].tolist() == ["r2", "r3", "r4", "r6"]


def test_parquet_shards_are_read_like_jsonl(tmp_path):
    pytest.importorskip("pyarrow")
    rows = [
        {"id": "p1", "source": "One", "text": "The mayor said the bridge would reopen.", "published": "2024-03-01"},
        {"id": "p2", "source": None, "text": "Engineers said the repairs cost 3 million dollars."},
        {"id": "p3", "source": "Two", "text": None},
    ]
    pd.DataFrame(rows).to_parquet(tmp_path / "shard.parquet", index=False)
    corpus = analysis.load_corpus(tmp_path / "shard.parquet")
    assert [a.article_id for a in corpus] == ["p1", "p2"]
    assert corpus["p2"].source == ""  # a null is a missing field
    assert str(corpus["p1"].published.date()) == "2024-03-01"
    assert corpus.rejects.to_dict(orient="records") == [
        {
            "where": f"{tmp_path / 'shard.parquet'}, row 2",
            "reason": "no 'text' field",
            "fix": "add the article text under 'text'",
        }
    ]
    pd.DataFrame({"body": ["x"]}).to_parquet(tmp_path / "other.parquet", index=False)
    assert analysis.load_corpus(tmp_path / "other.parquet").rejects["reason"].tolist() == [
        "no 'text' column (columns: body)"
    ]
    # in a folder, each shard is one partition of a cluster run
    assert [p.files for p in plan(tmp_path)[0]] == [
        (str(tmp_path / "other.parquet"),),
        (str(tmp_path / "shard.parquet"),),
    ]


def test_asking_for_dask_without_it_gives_the_install_command(monkeypatch, tmp_path, capsys):
    from analysis.cli import main

    (tmp_path / "a.md").write_text("Officials said the port reopened.\n", encoding="utf-8")
    monkeypatch.setitem(sys.modules, "distributed", None)  # as if not installed
    assert main(["analyze", str(tmp_path / "a.md"), "--out", str(tmp_path / "out"), "--dask", "local"]) == 2
    assert "pip install 'news-analysis[dask]'" in capsys.readouterr().err
    with pytest.raises(analysis.MissingResourceError, match=r"pip install 'news-analysis\[dask\]'"):
        analysis.analyze(tmp_path / "a.md", client=object(), out=tmp_path / "out")
    with pytest.raises(ValueError, match=r"needs both client= .* and out="):
        analysis.analyze(tmp_path / "a.md", out=tmp_path / "out")


def test_the_core_does_not_import_dask():
    import subprocess

    code = "import sys, analysis; analysis.analyze_text('Officials said it.'); print('dask' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert done.stdout.strip() == "False"
