"""The same analysis on a Dask cluster: a two-worker LocalCluster on loopback, started once for this file.

Each check compares the cluster's output with the in-memory pipeline on the
same input (tables sorted by their key columns), so a partition lost, written
twice or resolved differently fails the test. Skipped when dask is absent
(``pip install -e '.[dask]'``; ``make test`` installs it).
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pandas as pd
import pytest

import analysis
from analysis import compare

pytest.importorskip("distributed")

from analysis.cluster import (
    ClusterError,
    analyze_group,
    cache_name,
    event_blocks,
    keys_name,
    partition_keys,
    plan,
    run,
    schedule,
)
from analysis.schema import TABLES
from analysis.stored import LAYOUT, MARKER, StoredAnalysis, StoredError, part_name, read_marker, write_marker

ROOT = Path(__file__).resolve().parent.parent
EVENTS = ROOT / "data" / "events"
KEYS = {
    "articles": ["article_id"],
    "sentences": ["article_id", "sentence_id"],
    "entities": ["article_id", "start", "end"],
    "claims": ["article_id", "sentence_id", "content_start", "cue_start", "quote"],
    "numbers": ["article_id", "start", "end"],
}
TABLE_FOLDERS = ["articles", "sentences", "entities", "claims", "numbers", "texts"]
BODY = "Mara Quell said on Monday that 40 people were hurt in the blast at the port of Dervin."


@pytest.fixture(scope="module")
def client():
    from analysis.cluster import local_client

    client = local_client(workers=2)
    yield client
    cluster = client.cluster
    client.close()
    cluster.close()


@pytest.fixture(scope="module")
def in_memory():
    return analysis.analyze(EVENTS, progress=False, event_aliases=EVENTS)


@pytest.fixture(scope="module")
def bundled_run(client, tmp_path_factory):
    """The bundled corpus on the cluster, two files a partition (so events are split across partitions), and
    events of at most 9 articles a group (two events in one group, one alone)."""
    out = tmp_path_factory.mktemp("bundled") / "run"
    stored = run(
        EVENTS,
        client=client,
        out=out,
        event_aliases=EVENTS,
        files_per_partition=2,
        articles_per_group=9,
        progress=False,
    )
    return out, stored


def _sorted(name: str, frame: pd.DataFrame, columns) -> pd.DataFrame:
    frame = frame[list(columns)]
    return frame.sort_values(KEYS[name], kind="stable").reset_index(drop=True)


def assert_same_tables(expected: analysis.Analysis, got: analysis.Analysis) -> None:
    for name in KEYS:
        want = getattr(expected, name)
        have = getattr(got, name)
        assert len(have) == len(want), name
        pd.testing.assert_frame_equal(_sorted(name, have, want.columns), _sorted(name, want, want.columns), obj=name)
    assert dict(got.texts) == dict(expected.texts)


def test_bundled_corpus_on_the_cluster_equals_one_process(bundled_run, in_memory):
    _, stored = bundled_run
    assert isinstance(stored, StoredAnalysis)
    assert len(plan(EVENTS, files_per_partition=2)[0]) == 7  # really split: every event spans partitions
    assert stored.groups == [
        ["kestria-factory-fire-2025", "syria-isis-defeat-2017"],
        ["valdoria-election-recount-2024"],
    ]
    assert_same_tables(in_memory, stored.load())
    # the reduce gave one name per actor across partitions: the canonical names are the in-memory ones
    assert set(stored.load().entities["canonical"]) == set(in_memory.entities["canonical"])


def test_the_tables_are_read_lazily_and_one_event_alone(bundled_run, in_memory):
    out, _ = bundled_run
    opened = analysis.open(out)
    assert isinstance(opened, StoredAnalysis)
    import dask.dataframe as dd

    assert isinstance(opened.entities, dd.DataFrame)
    assert int(opened.articles.shape[0].compute()) == len(in_memory.articles)
    per_source = opened.entities.groupby("canonical")["article_id"].count().compute().sort_index()
    want = in_memory.entities.groupby("canonical")["article_id"].count().sort_index()
    assert per_source.astype("int64").tolist() == want.astype("int64").tolist()
    event = "kestria-factory-fire-2025"
    one = analysis.open(out, event=event)
    assert isinstance(one, analysis.Analysis)
    assert set(one.articles["event"]) == {event}
    # file part-G of every table holds group G's events, and nothing else: one event is read from one file
    for name in ("articles", "sentences", "entities", "claims", "numbers", "texts"):
        assert sorted(p.name for p in (out / name).iterdir()) == [part_name(0), part_name(1)], name
        assert set(pd.read_parquet(out / name / part_name(1))["event"]) == {"valdoria-election-recount-2024"}
    assert_same_tables(in_memory.subset(one.articles["article_id"]), one)
    # only the tables asked for are read; the others are empty, with their columns
    some = opened.load(event, tables=["articles", "entities"])
    pd.testing.assert_frame_equal(some.articles, one.articles)
    pd.testing.assert_frame_equal(some.entities, one.entities)
    assert len(one.claims) and not len(some.claims) and list(some.claims.columns) == list(TABLES["claims"])
    assert not some.texts and len(one.texts) == len(one.articles)
    with pytest.raises(StoredError, match=r"no table\(s\) claim; tables: articles, sentences"):
        opened.load(event, tables=["claim"])
    with pytest.raises(StoredError, match=r"'no-such-event' is not in .*events: kestria-factory-fire-2025"):
        analysis.open(out, event="no-such-event")


def _frames_equal(have, want, what):
    if isinstance(want, pd.DataFrame):
        pd.testing.assert_frame_equal(have.reset_index(drop=True), want.reset_index(drop=True), obj=what)
    else:
        assert have == want, what


def test_every_compare_verb_on_an_opened_result_equals_in_memory(bundled_run, in_memory):
    out, _ = bundled_run
    event = "syria-isis-defeat-2017"
    ids = set(in_memory.articles.loc[in_memory.articles["event"] == event, "article_id"])
    entity = in_memory.entities[in_memory.entities["article_id"].isin(ids)]["canonical"].value_counts().index[0]
    for opened in (analysis.open(out), analysis.open(out, event=event)):
        calls = {
            "coverage": lambda r: compare.coverage(r, event=event),
            "labels": lambda r, entity=entity: compare.labels(r, entity, event=event),
            "voice": lambda r: compare.voice(r, event=event),
            "tone": lambda r: compare.tone(r, event=event),
            "claim_alignment": lambda r: compare.claim_alignment(r, event=event),
            "number_disagreements": lambda r: compare.number_disagreements(r, event=event),
            "align": lambda r: compare.align(r, event=event).disagreements,
            "distinctive_terms": lambda r: compare.distinctive_terms(r, event=event),
            "word_counts": lambda r: compare.word_counts(r, event=event),
            "evidence": lambda r, entity=entity: compare.evidence(r, entity=entity, event=event),
        }
        assert set(calls) | {"alignment_matrix", "default_descriptors", "mean_interval", "t_critical"} >= {
            name for name in compare.__all__ if name.islower()
        }
        for verb, call in calls.items():
            _frames_equal(call(opened), call(in_memory), verb)


def test_compare_tables_of_a_whole_run_are_computed_group_by_group_and_equal_in_memory(
    bundled_run, in_memory, monkeypatch
):
    out, _ = bundled_run
    opened = analysis.open(out)
    assert len(opened.groups) == 2

    def whole(self, event=None):
        raise AssertionError(f"a compare verb read {'the whole run' if event is None else event} into memory")

    monkeypatch.setattr(StoredAnalysis, "load", whole)
    runs = []
    iter_groups = StoredAnalysis.iter_groups

    def counted(self, function, **kwargs):
        runs.append(kwargs.get("tables"))
        return iter_groups(self, function, **kwargs)

    monkeypatch.setattr(StoredAnalysis, "iter_groups", counted)
    entity = in_memory.entities["canonical"].value_counts().index[0]
    two = sorted(set(in_memory.articles["source"]))[:2]
    calls = {
        "coverage": lambda r: compare.coverage(r),
        "coverage of two sources": lambda r: compare.coverage(r, sources=two),
        "voice": lambda r: compare.voice(r),
        "voice by speaker": lambda r: compare.voice(r, by="speaker"),
        "voice by speaker, own voice too": lambda r: compare.voice(
            r, sources=two, by="speaker", include_own_voice=True
        ),
        "tone": lambda r: compare.tone(r),
        "tone by entity": lambda r: compare.tone(r, by="entity"),
        "tone by voice": lambda r: compare.tone(r, sources=two, by="voice"),
        "labels": lambda r: compare.labels(r, entity),
        "labels of two sources": lambda r: compare.labels(r, entity, sources=two),
        "word_counts": lambda r: compare.word_counts(r),
        "word_counts without entity names": lambda r: compare.word_counts(r, sources=two, exclude_entities=True),
        "distinctive_terms": lambda r: compare.distinctive_terms(r, sources=two),
    }
    read = {}
    for verb, call in calls.items():
        runs.clear()
        have, want = call(opened), call(in_memory)
        assert len(want), verb
        pd.testing.assert_frame_equal(have, want, check_exact=False, rtol=1e-9, obj=verb)
        assert len(runs) == 1, verb  # one pass over the groups (word counts without entity names too)
        read[verb] = runs[0]
    # the verbs that look at entities alone read no claims and no numbers
    for verb in ("coverage", "word_counts without entity names"):
        assert set(read[verb]) == {"articles", "sentences", "texts", "entities"}, verb
    assert set(read["word_counts"]) == {"articles", "sentences", "texts"}
    with pytest.raises(ValueError, match=r"source\(s\) 'Nobody' not in the selection; sources: "):
        compare.voice(opened, sources=["Nobody"])
    with pytest.raises(ValueError, match=r"'Nobdy' is not a canonical entity"):
        compare.labels(opened, "Nobdy")


def _articles_of(group):
    return sorted(group.articles["article_id"])


def test_the_groups_come_in_order_and_none_waits_on_the_cluster_once_read(bundled_run, client, monkeypatch):
    """``iter_groups`` yields group 0, then 1, ...; a result read is released from its worker, and a
    caller that stops early cancels the groups it did not read (nothing is left behind on the cluster)."""
    import analysis.stored

    out, _ = bundled_run
    opened = analysis.open(out)
    want = [_articles_of(opened.load_group(g)) for g in range(len(opened.groups))]
    before = set(client.futures)
    assert list(opened.iter_groups(_articles_of, tables=["articles"])) == want
    assert set(client.futures) == before
    first = opened.iter_groups(_articles_of, tables=["articles"])
    assert next(first) == want[0]
    first.close()
    assert set(client.futures) == before
    # the path without a distributed client: groups computed a batch at a time with dask.compute, in order
    # (here dask.compute still finds this module's client; the batching and the order are what is checked)
    monkeypatch.setattr(analysis.stored, "_current_client", lambda: None)
    monkeypatch.setattr(analysis.stored.os, "cpu_count", lambda: 1)
    assert list(opened.iter_groups(_articles_of, tables=["articles"])) == want


def test_the_report_reads_one_event_of_a_cluster_run(bundled_run, tmp_path, capsys, monkeypatch):
    """``report DIR --event E`` on a cluster run's folder: the notebook reads E with analysis.open(DIR, event=E).

    The template is the comparison notebook's own parameters and loading cells, then one
    table (the full notebook is rendered by tests/test_report.py; here it would only add time).
    """
    import nbformat
    from nbformat.v4 import new_code_cell

    from analysis.cli import main
    from analysis.report import NOTEBOOK

    out, _ = bundled_run
    nb = nbformat.read(NOTEBOOK, as_version=4)
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert "parameters" in code[0].metadata["tags"] and "analysis.open(saved, event=event)" in code[1].source
    nb.cells = [*code[:2], new_code_cell("print('ARTICLES', len(result.articles))\ncompare.voice(result, event=event)")]
    tables_read = []
    load_group = StoredAnalysis.load_group

    def recorded(self, group, **kwargs):
        tables_read.append(kwargs.get("tables"))
        return load_group(self, group, **kwargs)

    monkeypatch.setattr(StoredAnalysis, "load_group", recorded)
    template = tmp_path / "template.ipynb"
    nbformat.write(nb, template)
    page = tmp_path / "syria.html"
    # the folder holds tables only, no articles to analyse
    command = ["report", str(out), "--event", "syria-isis-defeat-2017", "--out", str(page), "--no-progress"]
    assert main([*command, "--notebook", str(template)]) == 0
    assert "syria-isis-defeat-2017: 5 articles from 5 sources" in capsys.readouterr().out
    html = page.read_text(encoding="utf-8")
    assert "ARTICLES 5" in html and "Derzhava Daily" in html and "n_own_voice" in html
    assert tables_read == [["articles"]]  # the report itself reads the event's articles, not its other tables
    assert main(["report", str(out), "--out", str(tmp_path / "all")]) == 2
    assert "name the event to report with --event" in capsys.readouterr().err
    assert main(["report", str(out), "--event", "no-such-event", "--out", str(page)]) == 2
    assert "'no-such-event' is not in" in capsys.readouterr().err


def test_the_local_cluster_runs_its_workers_without_the_profiler_and_leaves_dask_config_alone(client):
    import dask

    def profiling():
        return dask.config.get("distributed.worker.profile.enabled")

    assert set(client.run(profiling).values()) == {False}
    assert profiling() is True  # this process's (the user's) Dask configuration is untouched


def test_workers_added_later_run_without_the_profiler_too(client):
    import dask

    def profiling():
        return dask.config.get("distributed.worker.profile.enabled")

    client.cluster.scale(3)
    try:
        client.wait_for_workers(3, timeout=60)
        answers = client.run(profiling)
        assert len(answers) == 3 and set(answers.values()) == {False}
    finally:
        client.cluster.scale(2)
        deadline = time.monotonic() + 30
        while len(client.scheduler_info()["workers"]) > 2 and time.monotonic() < deadline:
            time.sleep(0.1)


def _spread(folder: Path, n_shards: int, events: int = 3, per_shard: int = 3) -> None:
    """JSON Lines shards in which every shard holds an article of every event (as a folder sorted by outlet)."""
    folder.mkdir()
    places = ["Dervin", "Kallo", "Omsby", "Tarrow", "Velm"]
    for shard in range(n_shards):
        lines = []
        for i in range(per_shard):
            event = f"event-{(shard + i) % events}"
            where = places[(shard * per_shard + i) % len(places)]
            text = f"Mara Quell said {shard * 10 + i} crates reached {where} on Monday, officials in {where} said."
            lines.append(json.dumps({"id": f"s{shard}-{i}", "source": f"S{shard}", "event": event, "text": text}))
        (folder / f"shard-{shard:02d}.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_each_event_group_is_read_from_one_block_per_shard_and_written_once(client, tmp_path):
    """Events spread over every shard: each record is cached once and read once, by its group's task;
    no file is written per shard and group (the pieces of session 6), and the output equals one process."""
    _spread(tmp_path / "in", n_shards=6)
    partitions, _, _ = plan(tmp_path / "in")
    assert len(partitions) == 6
    found = [partition_keys(p, str(tmp_path / "by-hand")) for p in partitions]
    # per shard, one cache file (its articles by event) and one file of their identities
    cached = sorted(p.name for p in (tmp_path / "by-hand" / "_input").iterdir())
    assert cached == sorted([*map(cache_name, range(6)), *map(keys_name, range(6))])
    assert all(len(event_blocks(f)) == 3 for f in found)  # a shard holds three events
    groups, tasks, repeats = schedule(found, articles_per_group=6)
    assert groups == [["event-0"], ["event-1"], ["event-2"]] and not repeats
    for task in tasks:  # one block (one event) from each shard, and the articles of nothing else
        assert [index for index, _, _ in task.reads] == list(range(6))
        assert all(len(spans) == 1 for _, spans, _ in task.reads)
    stored = run(tmp_path / "in", client=client, out=tmp_path / "out", articles_per_group=6, progress=False)
    assert stored.meta["n_groups"] == 3 and stored.groups == groups
    assert_same_tables(analysis.analyze(tmp_path / "in", progress=False), stored.load())
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == sorted(
        [MARKER, *TABLE_FOLDERS, "rejects", "skipped"]
    )
    for name in TABLE_FOLDERS:  # one file per group and table, however many shards hold the group
        assert sorted(p.name for p in (tmp_path / "out" / name).iterdir()) == [part_name(g) for g in range(3)]


def test_the_reads_of_a_group_do_not_grow_with_the_partitions_its_events_are_not_in(tmp_path):
    """Twice the shards, each event in two neighbouring shards only: a group's task opens the two shards
    holding its event, however many shards the input has, and reads its event's block from each; what
    all tasks read together is the corpus once."""
    for n_shards in (4, 8):
        folder = tmp_path / f"in-{n_shards}"
        _spread(folder, n_shards=n_shards, events=n_shards, per_shard=2)  # shard s: events s and s + 1
        partitions, _, _ = plan(folder)
        found = [partition_keys(p, str(tmp_path / f"out-{n_shards}")) for p in partitions]
        groups, tasks, _ = schedule(found, articles_per_group=1)
        assert len(tasks) == n_shards and all(len(events) == 1 for events in groups)
        read = 0
        for events, task in zip(groups, tasks, strict=True):
            k = int(events[0].split("-")[1])
            assert [index for index, _, _ in task.reads] == sorted({(k - 1) % n_shards, k}), events
            for index, spans, _ in task.reads:
                assert spans == (tuple(event_blocks(found[index])[events[0]][:2]),)
                read += event_blocks(found[index])[events[0]][2]
        assert read == 2 * n_shards  # every record read once, by one task


def test_the_reduce_gives_one_name_per_actor_across_partitions(client, tmp_path):
    from test_partitions import QUELL

    corpus = tmp_path / "in"
    corpus.mkdir()
    for record in QUELL:  # one file, one partition each
        fields = "".join(f"{k}: {v}\n" for k, v in record.items() if k != "text")
        (corpus / f"{record['id']}.md").write_text(f"---\n{fields}---\n{record['text']}\n", encoding="utf-8")
    stored = run(corpus, client=client, out=tmp_path / "out", files_per_partition=1, progress=False)
    assert stored.meta["n_partitions"] == 3
    names = stored.load().entities.set_index(["article_id", "text"])["canonical"]
    assert names[("b", "Quell")] == "Mara J. Quell" and names[("c", "Quell")] == "Quell"
    assert_same_tables(analysis.analyze(corpus), stored.load())


def test_rejects_and_duplicates_across_partitions_match_the_loader(client, tmp_path):
    corpus = tmp_path / "in"
    corpus.mkdir()
    front = "---\nsource: One\nevent: e\n---\n"
    (corpus / "a.md").write_text(f"{front}{BODY}\n", encoding="utf-8")
    (corpus / "b.md").write_text("", encoding="utf-8")  # empty: a reject
    (corpus / "c.md").write_text(f"{front}{BODY}\n", encoding="utf-8")  # the text of a.md again
    (corpus / "d.md").write_text("---\nid: x\nsource: Two\nevent: e\n---\nOfficials said the port reopened.\n")
    (corpus / "e.jsonl").write_text(
        json.dumps({"id": "x", "text": "The mayor said the port would reopen on Friday."})  # id of d.md again
        + "\n"
        + "not json\n"
        + json.dumps({"id": "y", "source": "Three", "event": "e", "text": "Dock workers said the fire was out."})
        + "\n",
        encoding="utf-8",
    )
    (corpus / "notes.pdf").write_bytes(b"%PDF")  # unsupported: rejected by the walk
    (corpus / "b2.docx").write_bytes(b"PK")  # the same, between two files of one partition
    (corpus / "README.md").write_text("about this folder", encoding="utf-8")  # skipped
    local = analysis.load_corpus(corpus)
    want = local.rejects.astype("string")
    assert want["where"].str.contains("b2.docx").tolist() == [False, True, False, False, False, False]
    for per_partition in (1, 2):
        out = tmp_path / f"out-{per_partition}"
        stored = run(corpus, client=client, out=out, files_per_partition=per_partition, progress=False)
        assert stored.meta["n_articles"] == len(local) == 3
        assert set(stored.load().articles["article_id"]) == {a.article_id for a in local}
        # every reject, the walk's and the repeats (judged on the client) among them, in the loader's order
        pd.testing.assert_frame_equal(stored.rejects, want)
    rejects = stored.rejects
    assert stored.meta["n_rejects"] == len(rejects) == 6
    assert stored.meta["n_articles"] + stored.meta["n_rejects"] == local.n_read
    assert stored.meta["n_skipped"] == len(local.skipped) == 1


def test_sharded_parquet_and_in_memory_inputs(client, tmp_path):
    pytest.importorskip("pyarrow")
    shards = tmp_path / "shards"
    shards.mkdir()
    rows = [
        {"id": f"a{i}", "source": "One" if i % 2 else "Two", "event": "e", "text": f"{BODY} Shift {i} ended."}
        for i in range(6)
    ]
    pd.DataFrame(rows[:3]).to_parquet(shards / "part-0.parquet", index=False)
    pd.DataFrame(rows[3:] + [{"id": "a0", "text": "Another text."}]).to_parquet(shards / "part-1.parquet", index=False)
    local = analysis.load_corpus(shards)
    assert len(local) == 6 and "duplicate id 'a0'" in local.rejects["reason"].iloc[0]
    want = analysis.analyze(local, progress=False)
    stored = analysis.analyze(str(shards / "*.parquet"), client=client, out=tmp_path / "out", progress=False)
    assert stored.meta["n_partitions"] == 2
    assert_same_tables(want, stored.load())
    assert stored.rejects["reason"].tolist() == local.rejects["reason"].tolist()
    from_frame = analysis.analyze(pd.DataFrame(rows), client=client, out=tmp_path / "frame", progress=False)
    assert_same_tables(analysis.analyze(pd.DataFrame(rows), progress=False), from_frame.load())
    from_corpus = analysis.analyze(local, client=client, out=tmp_path / "corpus", progress=False)
    assert_same_tables(want, from_corpus.load())
    assert from_corpus.rejects["reason"].tolist() == local.rejects["reason"].tolist()


def test_a_rerun_into_the_same_folder_refuses_or_resumes(client, tmp_path):
    corpus = tmp_path / "in"
    corpus.mkdir()
    for i, who in enumerate(["Officials", "The mayor", "Dock workers"]):
        (corpus / f"{i}.md").write_text(f"---\nsource: S{i}\nevent: e{i}\n---\n{who} said the port reopened.\n")
    out = tmp_path / "out"
    options = {"files_per_partition": 1, "progress": False}
    first = run(corpus, client=client, out=out, **options)
    with pytest.raises(ClusterError, match="already holds this run, finished"):
        run(corpus, client=client, out=out, **options)
    (corpus / "3.md").write_text("---\nsource: S3\nevent: e3\n---\nThe port reopened, the mayor said.\n")
    with pytest.raises(ClusterError, match="holds the output of another run"):
        run(corpus, client=client, out=out, **options)
    assert run(corpus, client=client, out=out, overwrite=True, **options).meta["n_articles"] == 4
    # An unfinished run: event group 0 analysed (by hand, here), the rest not. Running again
    # resumes it: group 0 is kept as it is (its title marked to show it), the others are analysed.
    fresh = tmp_path / "resumed"
    partitions, _, _ = plan(corpus, files_per_partition=1)
    from analysis.cluster import _fingerprint

    fingerprint = _fingerprint(partitions, {"articles per group": None})
    write_marker(fresh, {"layout": LAYOUT, "complete": False, "run": fingerprint, "n_groups": 4})
    _, tasks, _ = schedule([partition_keys(p, str(fresh)) for p in partitions])
    assert len(tasks) == 4  # one event a group (a run of 4 articles gets groups of 1 article)
    analyze_group(str(fresh), tasks[0], {})
    with pytest.raises(StoredError, match=r"has not finished \(1 of 4 event groups analysed\)"):
        analysis.open(fresh)
    part = fresh / "articles" / part_name(0)
    table = pd.read_parquet(part)
    table.assign(title="kept from the first run").to_parquet(part, index=False)
    resumed = run(corpus, client=client, out=fresh, **options).load()
    assert len(resumed.articles) == 4
    kept = resumed.articles.set_index("article_id").loc[table["article_id"], "title"]
    assert kept.tolist() == ["kept from the first run"]
    assert not [p.name for p in fresh.iterdir() if p.name.startswith("_")]  # the caches and summaries are gone
    assert first.meta["n_articles"] == 3
    other = tmp_path / "mine"
    other.mkdir()
    (other / "notes.txt").write_text("my own file", encoding="utf-8")
    with pytest.raises(ClusterError, match="holds no analysis of ours"):
        run(corpus, client=client, out=other, **options)
    assert read_marker(other) is None


def test_a_worker_killed_mid_run_loses_and_duplicates_nothing(client, in_memory, tmp_path):
    out = tmp_path / "run"
    done: dict = {}

    def go():
        done["result"] = run(
            EVENTS,
            client=client,
            out=out,
            event_aliases=EVENTS,
            files_per_partition=1,
            articles_per_group=1,  # one event a task: three tasks
            progress=False,
        )

    thread = threading.Thread(target=go)
    thread.start()
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not (out / "_done").is_dir():
        time.sleep(0.02)
    assert not read_marker(out)["complete"]  # killed mid-run: one event group done, the others not
    pids = client.run(os.getpid)
    # SIGKILL one worker process mid-run: its nanny starts a new one, and Dask reruns the tasks it held
    os.kill(pids[sorted(pids)[0]], signal.SIGKILL)
    thread.join(timeout=120)
    assert "result" in done, "the run did not finish after a worker died"
    assert pids[sorted(pids)[0]] not in client.run(os.getpid).values()  # it really died
    assert_same_tables(in_memory, done["result"].load())


def test_cli_dask_local_end_to_end(tmp_path):
    corpus = tmp_path / "in"
    corpus.mkdir()
    (corpus / "a.md").write_text(f"---\nsource: One\nevent: e\n---\n{BODY}\n", encoding="utf-8")
    (corpus / "b.md").write_text("", encoding="utf-8")
    out = tmp_path / "out"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    command = [sys.executable, "-m", "analysis", "analyze", str(corpus), "--out", str(out), "--dask", "local"]
    done = subprocess.run([*command, "--jobs", "1"], capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "dashboard" in done.stdout.lower()
    assert "1 articles in 1 events, 1 rejected" in done.stdout
    assert len(analysis.open(out, event="e").articles) == 1
    # the one-machine command refuses to write its CSVs among a cluster run's Parquet files
    mixed = subprocess.run(command[:-2], capture_output=True, text=True, env=env, timeout=120)
    assert mixed.returncode == 2 and "holds a Dask run's output" in mixed.stderr
