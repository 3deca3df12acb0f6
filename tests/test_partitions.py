"""What a cluster run relies on, checked without Dask: the map and the reduce of the pipeline,
validation in pieces, Parquet shards as input, and the message when Dask is missing."""

from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd
import pytest

import analysis
from analysis.cluster import plan
from analysis.corpus import Record, validate
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


def _records(events=None):
    body = "Port officials said on Tuesday that the crane had been repaired."
    records = [
        ("a", body),
        ("b", "Dock workers said the strike was over."),
        ("a", "A different story with the same id."),  # duplicate id of r0: its text is not taken
        ("c", body),  # the text of r0: its id is not taken
        ("d", "  "),  # empty
        ("c", "A ferry said it would sail."),  # r3 was rejected: c is free
        ("e", "A ferry said it would sail."),  # the text of r5
        ("f", "A different story with the same id."),  # the text of r2, which was rejected: free
    ]
    events = events or [0] * len(records)
    return [
        Record(f"r{i}", {"id": article_id, "text": text, "event": f"e{events[i]}"})
        for i, (article_id, text) in enumerate(records)
    ]


def _on_partitions(records, cuts, out):
    """The keys step and the client's judgement of a cluster run (no Dask): the records cut into
    partitions at ``cuts``, each screened alone, then :func:`schedule` over all of them. Returns the
    articles each group's task reads, in its order, and the repeats' rejects."""
    from analysis.cluster import Partition, analyze_group, partition_keys, schedule
    from analysis.stored import REJECT_COLUMNS, part_name

    bounds = [0, *cuts, len(records)]
    partitions = [Partition(i, records=tuple(records[bounds[i] : bounds[i + 1]])) for i in range(len(bounds) - 1)]
    found = [partition_keys(p, str(out)) for p in partitions]
    rejects = [
        tuple(row)
        for p in partitions
        for row in pd.read_parquet(out / "rejects" / part_name(p.index))[REJECT_COLUMNS].itertuples(index=False)
    ]
    groups, tasks, repeats = schedule(found, articles_per_group=1)
    read = []
    for task in tasks:
        analyze_group(str(out), task, {})
        read.append(pd.read_parquet(out / "articles" / part_name(task.group))["article_id"].tolist())
    return groups, read, rejects, [(r.where, r.reason, r.fix) for _, _, r in repeats]


@pytest.mark.parametrize(
    ("events", "cuts"),
    [
        ((0, 1, 0, 1, 0, 1, 0, 1), (1, 4)),
        ((1, 1, 0, 0, 1, 0, 0, 1), (3,)),
        ((0, 0, 0, 0, 0, 0, 0, 0), (1, 2, 3, 4, 5, 6, 7)),
        ((1, 0, 0, 1, 1, 1, 0, 0), ()),
    ],
)
def test_partitions_screened_alone_then_judged_on_the_client_give_what_validating_whole_gives(events, cuts, tmp_path):
    """A cluster run: each partition is screened alone (no partition sees the ids or texts of another),
    the client judges the repeats of the whole input, and each group's task reads the articles of its
    events, which are not runs of the input. The articles and rejects are the loader's, messages included."""
    records = _records(events)
    whole, _, _ = validate(records)
    assert [a.article_id for a in whole] == ["a", "b", "c", "f"]
    assert whole.rejects["where"].tolist() == ["r2", "r3", "r4", "r6"]
    groups, read, rejects, repeats = _on_partitions(records, cuts, tmp_path)
    assert rejects == [("r4", "empty text", "add the article text, or remove the record")]
    assert repeats == list(whole.rejects.drop(index=2).itertuples(index=False, name=None))  # in input order
    event_of = {a.article_id: a.event for a in whole}
    assert [sorted({event_of[i] for i in ids}) for ids in read] == groups  # a group reads its events alone
    for ids in read:  # in input order within each group
        assert ids == [a.article_id for a in whole if a.article_id in ids]
    assert sorted(i for ids in read for i in ids) == sorted(a.article_id for a in whole)


def test_the_client_judges_repeats_exactly_as_the_loader_on_random_inputs(tmp_path):
    """Few ids and few texts, so that records repeat an id, a text, both, or an id or a text of a record
    that was itself rejected (which does not count: a record rejected for its text does not take its id,
    and one rejected for its id does not take its text). Judging only which ids or texts occur twice
    (``duplicated()``) gets these wrong; the client's judgement must not."""
    import random

    rng = random.Random(7)
    differs_from_naive = 0
    for trial in range(40):
        n = rng.randrange(2, 16)
        records = [
            Record(f"r{i}", {"id": f"i{rng.randrange(5)}", "text": f"Text number {rng.randrange(5)}.", "event": "e"})
            for i in range(n)
        ]
        whole, _, _ = validate(records)
        cuts = sorted(rng.sample(range(1, n), rng.randrange(0, n - 1))) if n > 1 else []
        _, read, _, repeats = _on_partitions(records, cuts, tmp_path / str(trial))
        assert repeats == list(whole.rejects.itertuples(index=False, name=None)), trial
        assert [i for ids in read for i in ids] == [a.article_id for a in whole], trial
        frame = pd.DataFrame([r.fields for r in records])
        naive = frame["id"].duplicated() | frame["text"].duplicated()
        differs_from_naive += naive.tolist() != [r.where in set(whole.rejects["where"]) for r in records]
    assert differs_from_naive >= 5  # the inputs do hold the cases a naive judgement misses


def test_a_shared_hash_of_different_ids_or_texts_changes_no_verdict(tmp_path, monkeypatch):
    """Hashes only say which records to look at: with every hash equal, every record is judged from its
    full identity, and the verdicts are the same."""
    import analysis.cluster as cluster

    records = _records((0, 1, 0, 1, 0, 1, 0, 1))
    honest = _on_partitions(records, (2, 5), tmp_path / "honest")
    monkeypatch.setattr(cluster, "_hash64", lambda text: 0)
    found = cluster.partition_keys(cluster.Partition(0, records=tuple(records)), str(tmp_path / "x"))
    assert set(found["ids"].tolist()) == set(found["texts"].tolist()) == {0}
    assert _on_partitions(records, (2, 5), tmp_path / "colliding") == honest


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
