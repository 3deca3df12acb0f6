"""Hostile input to the outputs (issue 17, items 14-16): exact round trips, safe spreadsheets, no clobbering."""

from __future__ import annotations

import pandas as pd
import pandas.testing as pdt
import pytest

import analysis
import analysis.result as result_module
from analysis.cli import main

TABLES = ("articles", "sentences", "entities", "claims", "numbers")


def _result(text: str, source: str = "Harbour Gazette"):
    return analysis.analyze(analysis.load_corpus([{"text": text, "source": source, "title": "=1+1"}]))


@pytest.mark.parametrize("parquet", [False, True])
def test_a_lone_cr_survives_the_csv_round_trip(tmp_path, monkeypatch, parquet):
    if not parquet:
        monkeypatch.setattr(result_module, "_has_pyarrow", lambda: False)
    result = _result("Pilots in Velmora struck.\r\nThe port\rclosed on Tuesday, officials said.\nFerries stopped.")
    assert any("\r" in t for t in result.sentences["text"])
    result.save(tmp_path / "out")
    loaded = analysis.Analysis.load(tmp_path / "out")
    for name in TABLES:
        pdt.assert_frame_equal(getattr(loaded, name), getattr(result, name))


def test_the_csv_tables_read_back_exactly_even_without_parquet_files(tmp_path):
    result = _result("Pilots in Velmora struck.\rThe port closed, officials said.")
    result.save(tmp_path / "out")
    for name in TABLES:
        (tmp_path / "out" / f"{name}.parquet").unlink(missing_ok=True)
    loaded = analysis.Analysis.load(tmp_path / "out")
    for name in TABLES:
        pdt.assert_frame_equal(getattr(loaded, name), getattr(result, name))


def test_cells_a_spreadsheet_would_run_are_neutralised_in_csv_only(tmp_path):
    text = '"=HYPERLINK(""http://x"")" was the slogan, said @velmora_port. -5 degrees. +1 more.'
    result = _result(text, source="=cmd|' /C calc'!A0")
    result.save(tmp_path / "out")
    raw = pd.read_csv(tmp_path / "out" / "articles.csv", dtype=str, keep_default_na=False)
    assert raw.loc[0, "source"] == "'=cmd|' /C calc'!A0"
    assert raw.loc[0, "title"] == "'=1+1"
    for name in TABLES:
        frame = pd.read_csv(tmp_path / "out" / f"{name}.csv", dtype=str, keep_default_na=False)
        for column in frame.columns:
            if str(getattr(result, name)[column].dtype) in ("string", "object"):
                assert not frame[column].str.match(r"[=+\-@\t\r]").any(), (name, column)
    assert result.articles.loc[0, "source"] == "=cmd|' /C calc'!A0"  # in memory: exact
    back = pd.read_parquet(tmp_path / "out" / "articles.parquet")
    assert back.loc[0, "source"] == "=cmd|' /C calc'!A0"  # Parquet: exact
    loaded = analysis.Analysis.load(tmp_path / "out")
    assert loaded.articles.loc[0, "source"] == "=cmd|' /C calc'!A0"


def test_neutralising_is_reversible_for_every_value():
    for value in ["=1", "'=1", "''", "'", "", "a'", "-", "@x", "\tx", "\rx", "plain"]:
        written = result_module.neutralise(value)
        assert written[:1] not in ("=", "+", "-", "@", "\t", "\r")
        assert result_module.restore(written) == value


# --------------------------------------------------------------- 16. output folders


def _corpus(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for i, place in enumerate(["Velmora", "Ostrakan", "Pellith"]):
        (corpus / f"{i}.md").write_text(
            f"---\nsource: Gazette {i}\n---\nPilots in {place} struck on Tuesday, the union said.\n", encoding="utf-8"
        )
    return corpus


def test_a_users_folder_is_never_overwritten_without_overwrite(tmp_path, capsys):
    corpus = _corpus(tmp_path)
    out = tmp_path / "mine"
    out.mkdir()
    (out / "articles.csv").write_text("my own spreadsheet\n", encoding="utf-8")
    assert main(["analyze", str(corpus), "--out", str(out), "--no-progress"]) == 2
    err = capsys.readouterr().err
    assert "not empty" in err and "--overwrite" in err
    assert (out / "articles.csv").read_text(encoding="utf-8") == "my own spreadsheet\n"
    assert main(["analyze", str(corpus), "--out", str(out), "--no-progress", "--overwrite"]) == 0
    assert len(pd.read_csv(out / "articles.csv")) == 3


def test_a_previous_output_is_replaced_and_never_read_as_input(tmp_path, capsys):
    corpus = _corpus(tmp_path)
    out = corpus / "results"  # inside the corpus folder
    assert main(["analyze", str(corpus), "--out", str(out), "--no-progress"]) == 0
    assert main(["analyze", str(corpus), "--out", str(out), "--no-progress"]) == 0
    printed = capsys.readouterr().out.splitlines()
    assert printed[-1].startswith("3 articles, ") or any(line.startswith("3 articles, ") for line in printed)
    assert "0 rejected" in [line for line in printed if line.startswith("3 articles")][-1]
    assert len(pd.read_csv(out / "rejects.csv")) == 0
    skipped = analysis.load_corpus(corpus).skipped
    assert list(skipped["where"]) == [str(out)]
    assert "output folder" in skipped["reason"][0]


# --------------------------------------------------------------- 18. claims rows hold the claim, not the sentence


def test_claims_text_is_the_claims_own_content():
    text = (
        "The ferry operator will cut sailings to Ostrakan by half from March, "
        "harbour master Teodor Valcu told the Velmora Gazette on Monday. "
        "Fares rose by 12 percent last year."
    )
    result = analysis.analyze_text(text)
    assert len(result.claims) == 2
    for row in result.claims.itertuples():
        assert row.text == text[row.content_start : row.content_end]
    first = result.claims.iloc[0]
    assert first["text"] == "The ferry operator will cut sailings to Ostrakan by half from March"
    assert result.claims.iloc[1]["text"] == "Fares rose by 12 percent last year"


def test_a_long_sentence_is_stored_once_not_once_per_claim():
    sentence = "; ".join(f'"Ferries will stop at pier {i}," he said' for i in range(200)) + "."
    result = analysis.analyze_text(sentence)
    assert len(result.sentences) == 1 and len(result.claims) == 200
    assert result.claims["text"].str.len().sum() <= len(sentence)
