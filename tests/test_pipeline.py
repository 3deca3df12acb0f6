"""The pipeline: contract tables, offsets into the given text, jobs, save/load round trip."""

from __future__ import annotations

import pandas as pd
import pandas.testing as pdt
import pytest

import analysis
from analysis import compare
from analysis.schema import TABLES


@pytest.fixture(scope="module")
def events_result(root):
    events = root / "data" / "events"
    return analysis.analyze(events, jobs=1, progress=False, event_aliases=events)


def test_tables_have_the_contract_columns(events_result):
    for name, columns in TABLES.items():
        table = getattr(events_result, name)
        assert list(table.columns[: len(columns)]) == list(columns), name
        assert len(table) > 0, name


def test_offsets_index_the_text_exactly(events_result):
    for name in ("sentences", "entities", "numbers"):
        table = getattr(events_result, name)
        for row in table.itertuples():
            assert events_result.text(row.article_id)[row.start : row.end] == row.text, (name, row)
    for row in events_result.claims.itertuples():
        text = events_result.text(row.article_id)
        if row.speaker_start >= 0:
            assert text[row.speaker_start : row.speaker_end] == row.speaker_text
        if row.cue_start >= 0:
            assert text[row.cue_start : row.cue_end] == row.cue
        assert text[row.content_start : row.content_end] == row.text  # the claim's own words, not its sentence


def test_article_counts_agree_with_the_tables(events_result):
    articles = events_result.articles.set_index("article_id")
    body = events_result.sentences[~events_result.sentences["is_debris"]]
    assert (body.groupby("article_id").size() == articles["n_sentences"]).all()
    assert (events_result.entities.groupby("article_id").size() == articles["n_entities"]).all()
    claims = events_result.claims.groupby("article_id").size()
    assert (claims.reindex(articles.index, fill_value=0) == articles["n_claims"]).all()
    # one unit for both counts, the claims table's rows, as compare.voice counts them
    attributed = events_result.claims[events_result.claims["quote"] != "none"].groupby("article_id").size()
    assert (attributed.reindex(articles.index, fill_value=0) == articles["n_attributed"]).all()
    assert (articles["n_attributed"] <= articles["n_claims"]).all()
    voice = compare.voice(events_result)
    assert voice["n_claims"].sum() == articles["n_claims"].sum()
    assert articles["tone"].between(-1, 1).all()


def test_debris_is_not_analysed(events_result):
    debris = events_result.sentences[events_result.sentences["is_debris"]][["article_id", "sentence_id"]]
    for name in ("entities", "numbers", "claims"):
        merged = getattr(events_result, name).merge(debris, on=["article_id", "sentence_id"])
        assert merged.empty, name


def test_workers_give_identical_tables(root, events_result):
    events = root / "data" / "events"
    parallel = analysis.analyze(events, jobs=2, progress=False, event_aliases=events)
    for name in TABLES:
        pdt.assert_frame_equal(getattr(parallel, name), getattr(events_result, name))


def test_save_and_load_round_trip_exactly(tmp_path, events_result):
    events_result.save(tmp_path / "out")
    for name in TABLES:
        assert (tmp_path / "out" / f"{name}.csv").exists()
    loaded = analysis.Analysis.load(tmp_path / "out")
    for name in TABLES:
        pdt.assert_frame_equal(getattr(loaded, name), getattr(events_result, name))
    article_id = events_result.articles["article_id"].iloc[0]
    assert loaded.text(article_id) == events_result.text(article_id)


def test_csv_round_trip_without_parquet(tmp_path, events_result, monkeypatch):
    import analysis.result as result_module

    monkeypatch.setattr(result_module, "_has_pyarrow", lambda: False)
    events_result.save(tmp_path / "csv")
    loaded = analysis.Analysis.load(tmp_path / "csv")
    for name in TABLES:
        pdt.assert_frame_equal(getattr(loaded, name), getattr(events_result, name))


def test_analyze_text_offsets_index_the_string_itself(seed_text):
    result = analysis.analyze_text(seed_text)
    (article_id,) = result.articles["article_id"]
    assert result.text(article_id) == seed_text
    for row in result.entities.itertuples():
        assert seed_text[row.start : row.end] == row.text
    kinds = result.sentences.set_index("sentence_id")["kind"]
    assert kinds.iloc[0] == "headline" and kinds.iloc[1] == "title_repeat" and kinds.iloc[-1] == "related"


def test_empty_result_has_typed_columns():
    from analysis.schema import empty

    frame = empty("claims")
    assert list(frame.columns) == list(TABLES["claims"])
    assert str(frame["hedged"].dtype) == "bool" and str(frame["speaker_start"].dtype) == "int64"


def test_configuration_is_never_silently_ignored(tmp_path):
    with pytest.raises(analysis.MissingResourceError, match=r"(?i)spacy"):
        analysis.analyze_text("Putin spoke.", entity_method="spacy", entity_model="no_such_model_xx")
    with pytest.raises(FileNotFoundError):
        analysis.analyze_text("Putin spoke.", aliases=tmp_path / "missing.yml")


def test_progress_bar_is_shown_when_asked(capsys, root):
    corpus = analysis.load_corpus(root / "data" / "seed")
    analysis.analyze(corpus, progress=True)
    assert "analysing" in capsys.readouterr().err


def test_frame_input():
    frame = pd.DataFrame({"text": ["Putin said the war was over.", "Officials denied it."], "source": ["A", "B"]})
    result = analysis.analyze(frame)
    assert result.articles["source"].tolist() == ["A", "B"]
