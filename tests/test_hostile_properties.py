"""Properties under hostile strings (issue 17): nothing lost on loading, exact round trips on saving.

Generated records hold the characters that broke the loader and the outputs:
line and paragraph separators (U+2028, U+2029, U+0085), lone CRs, tabs, quotes,
delimiters, formula starters (``= + - @``), a byte-order mark, NULs, astral
characters. The default run tries a few hundred cases; ``pytest -m slow`` runs
the long version.
"""

from __future__ import annotations

import csv
import json

import pandas as pd
import pandas.testing as pdt
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import analysis
import analysis.result as result_module
from analysis import load_corpus

HOSTILE = "\r\n\u2028\u2029\x85\x0b\x0c\x1c\t\x00\ufeff\"',;|=+-@#:{}[]\\ é中😀"
TEXTS = st.text(alphabet=st.sampled_from(HOSTILE) | st.characters(codec="utf-8"), min_size=0, max_size=40)
RECORDS = st.lists(st.tuples(TEXTS, TEXTS), min_size=1, max_size=8)
_FIXTURES = [HealthCheck.function_scoped_fixture]
FAST = settings(max_examples=150, deadline=None, suppress_health_check=_FIXTURES)
FAST_TABLES = settings(max_examples=40, deadline=None, suppress_health_check=_FIXTURES)  # 0.25 s each
SLOW = settings(max_examples=3000, deadline=None, suppress_health_check=_FIXTURES)


def _write_md(folder, records):
    for i, (text, _) in enumerate(records):
        (folder / f"r{i}.md").write_bytes(f"---\nid: r{i}\n---\n{text}".encode())


def _write_csv(folder, records):
    with open(folder / "records.csv", "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["id", "source", "text"])
        writer.writerows([f"r{i}", source, text] for i, (text, source) in enumerate(records))


def _write_jsonl(folder, records):
    rows = ({"id": f"r{i}", "source": source, "text": text} for i, (text, source) in enumerate(records))
    lines = [json.dumps(row, ensure_ascii=False) for row in rows]
    (folder / "records.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8", newline="")


WRITERS = {"md": _write_md, "csv": _write_csv, "jsonl": _write_jsonl}


def _nothing_lost(tmp_path_factory, kind, records):
    folder = tmp_path_factory.mktemp(kind)
    WRITERS[kind](folder, records)
    corpus = load_corpus(folder)
    assert len(corpus) + len(corpus.rejects) == len(records), corpus.rejects.to_dict("records")
    assert corpus.skipped.empty
    for article in corpus:
        text, source = records[int(article.article_id[1:])]
        assert article.text == text
        if kind != "md":
            assert article.source == source.strip()
    assert all(corpus.rejects["reason"].str.len() > 0) and all(corpus.rejects["fix"].str.len() > 0)


@pytest.mark.parametrize("kind", sorted(WRITERS))
@FAST
@given(records=RECORDS)
def test_every_record_written_is_loaded_exactly_or_rejected(tmp_path_factory, kind, records):
    _nothing_lost(tmp_path_factory, kind, records)


@pytest.mark.slow
@pytest.mark.parametrize("kind", sorted(WRITERS))
@SLOW
@given(records=RECORDS)
def test_every_record_written_is_loaded_exactly_or_rejected_long(tmp_path_factory, kind, records):
    _nothing_lost(tmp_path_factory, kind, records)


# --------------------------------------------------------------- Analysis round trips

STORABLE = st.text(
    alphabet=st.sampled_from(HOSTILE.replace("\x00", "")) | st.characters(codec="utf-8", exclude_characters="\x00"),
    max_size=30,
)


@st.composite
def analyses(draw) -> analysis.Analysis:
    ids = draw(st.lists(STORABLE, min_size=1, max_size=3, unique=True))
    s = lambda: draw(STORABLE)  # noqa: E731 - a short name keeps the rows readable
    tables = {
        "articles": pd.DataFrame(
            [
                {"article_id": a, "source": s(), "event": s(), "title": s(), "url": s(), "warnings": s()}
                | {"published": draw(st.sampled_from([pd.NaT, pd.Timestamp("2017-12-07 10:00")]))}
                for a in ids
            ]
        ),
        "sentences": pd.DataFrame([{"article_id": a, "sentence_id": 0, "text": s(), "kind": s()} for a in ids]),
        "entities": pd.DataFrame([{"article_id": a, "text": s(), "canonical": s(), "label": s()} for a in ids]),
        "claims": pd.DataFrame([{"article_id": a, "text": s(), "speaker": s(), "cue": s()} for a in ids]),
        "numbers": pd.DataFrame([{"article_id": a, "text": s(), "unit": s(), "value": 1.5} for a in ids]),
    }
    return analysis.Analysis(tables, {a: s() for a in ids})


def _round_trip(tmp_path_factory, monkeypatch, result, parquet):
    monkeypatch.setattr(result_module, "_has_pyarrow", lambda: parquet)
    folder = tmp_path_factory.mktemp("saved")
    result.save(folder)
    assert (folder / "articles.parquet").exists() is parquet
    loaded = analysis.Analysis.load(folder)
    for name, table in result.tables.items():
        pdt.assert_frame_equal(getattr(loaded, name), table)
    for article_id in result.articles["article_id"]:
        assert loaded.text(article_id) == result.text(article_id)


@pytest.mark.parametrize("parquet", [False, True])
@FAST_TABLES
@given(result=analyses())
def test_csv_and_parquet_round_trips_are_exact(tmp_path_factory, monkeypatch, parquet, result):
    _round_trip(tmp_path_factory, monkeypatch, result, parquet)


@pytest.mark.slow
@pytest.mark.parametrize("parquet", [False, True])
@SLOW
@given(result=analyses())
def test_csv_and_parquet_round_trips_are_exact_long(tmp_path_factory, monkeypatch, parquet, result):
    _round_trip(tmp_path_factory, monkeypatch, result, parquet)
