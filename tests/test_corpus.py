"""Loading: every input format, every kind of bad record, nothing lost."""

from __future__ import annotations

import codecs
import json

import pandas as pd
import pytest

from analysis import CorpusError, load_corpus

GOOD = (
    "---\nid: a1\nsource: Wire\ntitle: Talks resume\npublished: 2024-03-01\nevent: talks\n---\n"
    "Talks resumed on Friday.\n"
)


def write(path, content, mode="w"):
    path.parent.mkdir(parents=True, exist_ok=True)
    if mode == "wb":
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def test_front_matter_file_fields_and_exact_body(tmp_path):
    corpus = load_corpus(write(tmp_path / "a.md", GOOD))
    (article,) = corpus.articles
    assert (article.article_id, article.source, article.title, article.event) == (
        "a1",
        "Wire",
        "Talks resume",
        "talks",
    )
    assert article.published == pd.Timestamp("2024-03-01")
    assert article.text == "Talks resumed on Friday.\n"
    frame = corpus.to_frame()
    assert list(frame.columns[:7]) == [
        "article_id",
        "source",
        "event",
        "title",
        "published",
        "url",
        "language",
    ]
    assert str(frame["published"].dtype).startswith("datetime64")


def test_folder_with_every_kind_of_bad_record(tmp_path):
    write(tmp_path / "0_good.md", GOOD)  # read first: folders are read in sorted order
    write(tmp_path / "empty.txt", "   \n")
    write(tmp_path / "binary.txt", b"\x89PNG\x00\x00\x01", mode="wb")
    write(tmp_path / "bad_yaml.md", "---\nsource: [unclosed\n---\nBody text here.\n")
    write(tmp_path / "dup_id.md", GOOD.replace("Talks resumed", "Talks stalled"))
    write(tmp_path / "dup_text.md", GOOD.replace("id: a1", "id: a2"))
    write(
        tmp_path / "bad_date.md",
        GOOD.replace("id: a1", "id: a3").replace("2024-03-01", "yesterday").replace("Talks resumed", "Talks ended"),
    )
    write(tmp_path / "table.csv", 'id,source,text\nc1,Daily,"A row, with a comma."\nc2,Daily\nc3,Daily,""\n')
    write(
        tmp_path / "lines.jsonl",
        '{"id": "j1", "text": "A JSON article."}\n{not json}\n[1, 2]\n\n{"id": "j2"}\n',
    )
    write(tmp_path / "notes.pdf", b"%PDF-1.4", mode="wb")
    write(tmp_path / "README.md", "This folder holds test articles.")
    write(tmp_path / "stopwords.txt", "# function words\n" + "\n".join("a an the of in on at to by for".split()))
    corpus = load_corpus(tmp_path)

    assert sorted(a.article_id for a in corpus) == ["a1", "a3", "c1", "j1"]
    reasons = {r.where.split("/")[-1]: r.reason for r in corpus.rejects.itertuples()}
    assert reasons["empty.txt"] == "empty text"
    assert reasons["binary.txt"].startswith("binary file")
    assert reasons["bad_yaml.md, line 3"].startswith("front matter is not valid YAML")
    assert reasons["dup_id.md"].startswith("duplicate id 'a1'")
    assert reasons["dup_text.md"].startswith("exact duplicate of the text of 'a1'")
    assert reasons["table.csv, line 3"] == "2 fields where the header has 3"
    assert reasons["table.csv, line 4"] == "empty text"
    assert reasons["lines.jsonl, line 2"].startswith("not valid JSON")
    assert reasons["lines.jsonl, line 3"] == "a JSON list, not an object"
    assert reasons["lines.jsonl, line 5"] == "no 'text' field"
    assert reasons["notes.pdf"] == "unsupported file type '.pdf'"
    assert reasons["stopwords.txt"] == "a word list (one word per line), not an article"
    assert all(corpus.rejects["fix"].str.len() > 10)
    # nothing lost: 16 records in the folder (README is documentation, not a record)
    assert corpus.n_read == len(corpus) + len(corpus.rejects) == 16
    bad_date = corpus["a3"]
    assert bad_date.published is None
    assert "not an ISO date" in bad_date.warnings[0]


def test_a_short_poem_like_article_is_not_a_word_list(tmp_path):
    write(tmp_path / "verse.txt", "Rain\nfell\non\nthe\nvalley\nall\nnight.")  # seven lines: below the threshold
    write(
        tmp_path / "story.txt", "\n".join(["Flood"] * 3 + ["The river rose two metres overnight, officials said."] * 8)
    )
    corpus = load_corpus(tmp_path)
    assert len(corpus) == 2 and corpus.rejects.empty


def test_strict_lists_every_reject(tmp_path):
    write(tmp_path / "good.md", GOOD)
    write(tmp_path / "empty.txt", "")
    write(tmp_path / "lines.jsonl", "{oops\n")
    with pytest.raises(CorpusError) as info:
        load_corpus(tmp_path, strict=True)
    message = str(info.value)
    assert message.startswith("2 record(s) rejected")
    assert "empty.txt: empty text" in message and "lines.jsonl, line 1" in message


@pytest.mark.parametrize(
    ("data", "warned"),
    [
        (codecs.BOM_UTF8 + "Café in Zürich.".encode(), False),
        ("Café in Zürich.".encode("utf-16"), False),
        ("Café in Zürich.".encode(), False),
        ("Café in Zürich.".encode("cp1252"), True),
    ],
)
def test_encodings(tmp_path, data, warned):
    corpus = load_corpus(write(tmp_path / "x.txt", data, mode="wb"))
    (article,) = corpus.articles
    assert article.text == "Café in Zürich."
    assert bool(article.warnings) is warned
    if warned:
        assert "Windows-1252" in article.warnings[0]


def test_ids_are_stable_and_derived_from_content(tmp_path):
    rows = [{"text": "Same text.", "source": "The Daily", "title": "T", "published": "2024-01-02"}]
    first = load_corpus(rows).articles[0].article_id
    assert first == load_corpus(rows).articles[0].article_id
    assert first.startswith("the-daily-") and len(first) == len("the-daily-") + 12
    other = load_corpus([{**rows[0], "text": "Other text."}]).articles[0].article_id
    assert other != first


def test_dataframe_and_extra_columns():
    frame = pd.DataFrame({"text": ["One.", "Two.", None], "source": ["A", "B", "C"], "section": ["x", "y", "z"]})
    corpus = load_corpus(frame)
    assert len(corpus) == 2 and corpus.rejects["where"].tolist() == ["DataFrame row 2"]
    assert corpus.to_frame()["section"].tolist() == ["x", "y"]
    with pytest.raises(CorpusError, match="no 'text' column"):
        load_corpus(pd.DataFrame({"body": ["x"]}))


def test_unusable_paths_raise_clear_errors(tmp_path):
    with pytest.raises(CorpusError, match="no such file or folder"):
        load_corpus(tmp_path / "missing")
    with pytest.raises(CorpusError, match="local files only"):
        load_corpus("https://example.org/news.csv")


def test_jsonl_and_csv_where_names_lines(tmp_path):
    path = write(tmp_path / "a.jsonl", "\n".join(json.dumps({"id": f"n{i}", "text": f"Text {i}."}) for i in range(3)))
    assert [a.where.split("/")[-1] for a in load_corpus(path)] == [
        "a.jsonl, line 1",
        "a.jsonl, line 2",
        "a.jsonl, line 3",
    ]
    path = write(tmp_path / "b.csv", 'text,source\n"Multi\nline text.",X\nSecond.,Y\n')
    assert [a.where.split("/")[-1] for a in load_corpus(path)] == ["b.csv, line 2", "b.csv, line 4"]


def test_bundled_seed_loads_with_exact_text(root):
    corpus = load_corpus(root / "data" / "seed")
    (seed,) = corpus.articles
    assert seed.event == "syria-isis-defeat-2017"
    assert seed.text.startswith("Russian Armed Forces Complete Mission to Destroy Daesh in Syria - Gen. Staff\n")
    assert seed.text.rstrip().endswith("Related Articles")
