"""Hostile input to the loader (issue 17): one bad record never takes down a run, nothing is lost silently.

Each test reproduces one failure found by a hostile-input run; the articles are
invented, written the way news is written.
"""

from __future__ import annotations

import codecs
import json
import os
import sys

import pandas as pd
import pytest

from analysis import CorpusError, analyze, analyze_text, load_corpus

STORY = "Harbour pilots in Velmora walked out on Tuesday, the union said."
OTHER = "Councillor Anouk Treversby said the ferry timetable would change."


def write(path, content, mode="w"):
    path.parent.mkdir(parents=True, exist_ok=True)
    if mode == "wb":
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8", newline="")
    return path


def md(text: str, **meta: str) -> str:
    head = "".join(f"{k}: {v}\n" for k, v in meta.items())
    return f"---\n{head}---\n{text}\n"


def reasons(corpus) -> dict[str, str]:
    return {r.where.split("/")[-1]: r.reason for r in corpus.rejects.itertuples()}


# --------------------------------------------------------------- 1. lone surrogates


def test_a_lone_surrogate_is_a_reject_not_a_crash():
    corpus = load_corpus([{"text": "Dock strike \udcb5 ends."}, {"text": STORY}, {"text": "x", "source": "\udcff"}])
    assert len(corpus) == 1
    assert list(corpus.rejects["where"]) == ["record 0", "record 2"]
    assert "lone surrogate U+DCB5 at character 12" in corpus.rejects["reason"][0]
    with pytest.raises(CorpusError, match="lone surrogate"):
        analyze_text("\udcb5")


# --------------------------------------------------------------- 2, 3. dates


def test_aware_and_naive_dates_mix_and_aware_ones_become_utc():
    corpus = load_corpus(
        [{"text": STORY, "published": "2017-12-07T10:00+03:00"}, {"text": OTHER, "published": "2017-12-07"}]
    )
    assert [a.published for a in corpus] == [pd.Timestamp("2017-12-07 07:00"), pd.Timestamp("2017-12-07")]
    result = analyze(corpus)
    assert list(result.articles["published"]) == [pd.Timestamp("2017-12-07 07:00"), pd.Timestamp("2017-12-07")]


@pytest.mark.parametrize("value", ["0001-01-01", "1677-01-01", "9999-12-31"])
def test_dates_pandas_cannot_hold_are_warned_and_left_empty(tmp_path, value):
    corpus = load_corpus(write(tmp_path / "a.md", md(STORY, published=value)))
    (article,) = corpus.articles
    assert article.published is None
    assert "outside the dates pandas can hold" in article.warnings[0]
    assert analyze(corpus).articles["published"].isna().all()


def test_an_impossible_unquoted_yaml_date_fails_only_its_article(tmp_path):
    write(tmp_path / "a.md", md(STORY, published="2017-02-30"))
    write(tmp_path / "b.md", md(OTHER, published="2017-02-28"))
    corpus = load_corpus(tmp_path)
    first, second = corpus.articles
    assert first.published is None and "2017-02-30" in first.warnings[0]
    assert second.published == pd.Timestamp("2017-02-28")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2017-12-07", "2017-12-07"),
        ("2017-12-07 10:00:00", "2017-12-07 10:00"),
        ("2017-12-07 10:00:00 +03:00", "2017-12-07 07:00"),
    ],
)
def test_unquoted_yaml_dates_and_datetimes_still_parse(tmp_path, value, expected):
    corpus = load_corpus(write(tmp_path / "a.md", md(STORY, published=value)))
    assert corpus.articles[0].published == pd.Timestamp(expected)
    assert corpus.articles[0].warnings == ()


# --------------------------------------------------------------- 4, 5. nesting and YAML aliases


def test_deeply_nested_json_is_one_reject(tmp_path):
    deep = '{"x": ' * 5000 + "1" + "}" * 5000
    lines = ["[" * 100_000 + "]" * 100_000, f'{{"text": "{OTHER}", "meta": {deep}}}', json.dumps({"text": STORY})]
    corpus = load_corpus(write(tmp_path / "a.jsonl", "\n".join(lines) + "\n"))
    assert len(corpus) == 1 and len(corpus.rejects) == 2
    assert all("nested too deeply" in r for r in corpus.rejects["reason"])


def test_yaml_aliases_in_front_matter_are_refused(tmp_path):
    laughs = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 9)}]\n" for i in range(8)
    )
    path = write(tmp_path / "laughs.md", f"---\n{laughs}title: *i\n---\n{STORY}\n")
    corpus = load_corpus(path)
    assert len(corpus) == 0
    (reason,) = corpus.rejects["reason"]
    assert "anchors and aliases" in reason
    assert corpus.rejects["where"][0].endswith("laughs.md, line 3")


# --------------------------------------------------------------- 6, 7. unreadable and special files


@pytest.mark.skipif(sys.platform == "win32" or os.geteuid() == 0, reason="needs POSIX permissions, not root")
@pytest.mark.parametrize("name", ["a.csv", "a.jsonl", "a.md"])
def test_an_unreadable_file_is_one_reject(tmp_path, name):
    path = write(tmp_path / name, "text\nx\n")
    write(tmp_path / "ok.md", STORY)
    path.chmod(0)
    try:
        corpus = load_corpus(tmp_path)
    finally:
        path.chmod(0o600)
    assert len(corpus) == 1
    assert reasons(corpus)[name].startswith("cannot be read (Permission denied)")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_a_fifo_and_a_device_are_rejected_without_reading(tmp_path):
    os.mkfifo(tmp_path / "x.md")
    (tmp_path / "zero.txt").symlink_to("/dev/zero")
    write(tmp_path / "ok.md", STORY)
    corpus = load_corpus(tmp_path)
    assert len(corpus) == 1
    found = reasons(corpus)
    assert found["x.md"].startswith("not a regular file (a FIFO)")
    assert "links to /dev/zero, outside" in found["zero.txt"]
    with pytest.raises(CorpusError, match="not a regular file"):
        load_corpus(tmp_path / "x.md", strict=True)


# --------------------------------------------------------------- 8. JSONL line breaks


@pytest.mark.parametrize("char", ["\u2028", "\u2029", "\x85", "\x0b", "\x0c", "\x1c", "\r"])
def test_jsonl_lines_break_only_at_newline(tmp_path, char):
    rows = [{"text": f"Pilots{char}walked out."}, {"text": f"Ferries{char}stopped."}]
    text = "\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n"
    corpus = load_corpus(write(tmp_path / "a.jsonl", text))
    assert [a.text for a in corpus] == [r["text"] for r in rows]
    assert corpus.rejects.empty


def test_jsonl_with_crlf_line_ends(tmp_path):
    text = "\r\n".join(json.dumps({"text": t}) for t in (STORY, OTHER)) + "\r\n"
    corpus = load_corpus(write(tmp_path / "a.jsonl", text))
    assert [a.text for a in corpus] == [STORY, OTHER]


# --------------------------------------------------------------- 9, 10. CSV rows


def test_an_unterminated_quote_rejects_its_row_and_keeps_the_rows_after(tmp_path):
    text = f'id,text\nr1,"{STORY}\nr2,{OTHER}\nr3,Ferries stopped.\n'
    corpus = load_corpus(write(tmp_path / "a.csv", text))
    assert [a.article_id for a in corpus] == ["r2", "r3"]
    assert reasons(corpus)["a.csv, line 2"].startswith("unterminated quote")
    with pytest.raises(CorpusError, match="unterminated quote"):
        load_corpus(tmp_path / "a.csv", strict=True)


def test_a_nul_in_a_csv_rejects_its_row_only(tmp_path):
    text = f'id,text\nr1,Pil\x00ots.\nr2,{OTHER}\nr3,"{STORY}"\n'
    corpus = load_corpus(write(tmp_path / "a.csv", text))
    assert [a.article_id for a in corpus] == ["r2", "r3"]
    assert "NUL" in reasons(corpus)["a.csv, line 2"]


def test_a_csv_without_text_column_rejects_every_row(tmp_path):
    text = 'id,body\nr1,"One,\ntwo."\nr2,Three.\n\nr3,Four.\n'
    corpus = load_corpus(write(tmp_path / "a.csv", text))
    assert len(corpus) == 0
    assert list(reasons(corpus)) == ["a.csv, line 2", "a.csv, line 4", "a.csv, line 6"]
    assert all("no 'text' column" in r for r in corpus.rejects["reason"])


@pytest.mark.parametrize("sep", [";", "\t", "|"])
def test_the_delimiter_is_detected_from_the_header(tmp_path, sep):
    text = f"id{sep}source{sep}text\nr1{sep}Wire{sep}{STORY}\nr2{sep}Daily{sep}{OTHER}\n"
    corpus = load_corpus(write(tmp_path / "a.csv", text))
    assert [(a.article_id, a.source, a.text) for a in corpus] == [("r1", "Wire", STORY), ("r2", "Daily", OTHER)]


# --------------------------------------------------------------- 11, 12. skipped files and links


def test_folder_notes_are_listed_as_skipped_and_articles_named_like_them_are_read(tmp_path):
    write(tmp_path / "license-fee-protest.md", STORY)
    write(tmp_path / "changelog-of-war.md", OTHER)
    write(tmp_path / "README.md", "These are our articles.")
    write(tmp_path / ".draft.md", "A hidden draft.")
    write(tmp_path / ".git" / "config.txt", "[core]")
    corpus = load_corpus(tmp_path)
    assert sorted(a.where.split("/")[-1] for a in corpus) == ["changelog-of-war.md", "license-fee-protest.md"]
    skipped = {r.where.split("/")[-1]: r.reason for r in corpus.skipped.itertuples()}
    assert sorted(skipped) == [".draft.md", ".git", "README.md"]
    assert skipped["README.md"].startswith("a note about the folder")
    assert skipped[".git"].startswith("hidden")
    assert corpus.rejects.empty


@pytest.mark.skipif(sys.platform == "win32" or os.geteuid() == 0, reason="needs POSIX permissions, not root")
def test_an_unreadable_subfolder_is_a_reject(tmp_path):
    write(tmp_path / "ok.md", STORY)
    locked = tmp_path / "locked"
    write(locked / "b.md", OTHER)
    locked.chmod(0)
    try:
        corpus = load_corpus(tmp_path)
    finally:
        locked.chmod(0o700)
    assert len(corpus) == 1
    assert reasons(corpus)["locked"].startswith("folder cannot be read (Permission denied)")


def test_links_out_of_the_folder_are_not_followed(tmp_path):
    outside = write(tmp_path / "outside" / "secret.txt", "Not part of the corpus at all, says nobody.")
    corpus_dir = tmp_path / "corpus"
    write(corpus_dir / "ok.md", STORY)
    (corpus_dir / "x.txt").symlink_to(outside)
    (corpus_dir / "inside.md").symlink_to(corpus_dir / "ok.md")
    corpus = load_corpus(corpus_dir)
    assert [a.text for a in corpus] == [STORY]
    found = reasons(corpus)
    assert "outside" in found["x.txt"] and "not followed" in found["x.txt"]
    assert found["ok.md"].startswith("duplicate id")  # the link inside the folder is read (sorted first)


# --------------------------------------------------------------- 13. encodings


def test_utf32_with_bom_is_decoded(tmp_path):
    for encoding in ("utf-32", "utf-32-le", "utf-32-be"):
        bom = {"utf-32": b"", "utf-32-le": codecs.BOM_UTF32_LE, "utf-32-be": codecs.BOM_UTF32_BE}[encoding]
        corpus = load_corpus(write(tmp_path / f"{encoding}.txt", bom + "Café in Zürich.".encode(encoding), mode="wb"))
        assert [a.text for a in corpus] == ["Café in Zürich."], encoding
        assert corpus.articles[0].warnings == ()


@pytest.mark.parametrize(
    "data",
    [
        "北京市政府周二表示，渡轮将停运三天。".encode("gb18030"),
        "Мэр Вельморы заявил, что паромы остановятся.".encode("cp1251"),
        "渡し船は火曜日に止まった。".encode("shift_jis"),
    ],
)
def test_text_in_an_unknown_encoding_is_rejected_not_garbled(tmp_path, data):
    corpus = load_corpus(write(tmp_path / "x.txt", data, mode="wb"))
    assert len(corpus) == 0
    (reason,) = corpus.rejects["reason"]
    assert reason.startswith("not UTF-8")
    assert "re-save" in corpus.rejects["fix"][0]


def test_western_text_in_windows_1252_still_loads_with_a_warning(tmp_path):
    text = "Größe matters, said the café’s owner, Zoë Brînză – “naïvely”."
    corpus = load_corpus(write(tmp_path / "x.txt", text.encode("cp1252", errors="replace"), mode="wb"))
    (article,) = corpus.articles
    assert "Windows-1252" in article.warnings[0]


@pytest.mark.parametrize("name", ["a.csv", "a.jsonl", "a.md"])
def test_a_file_that_fails_to_read_is_one_reject_even_as_root(tmp_path, monkeypatch, name):
    path = write(tmp_path / name, "text\nx\n")
    write(tmp_path / "ok.md", STORY)
    real = type(path).read_bytes

    def read_bytes(self):
        if self.name == name:
            raise PermissionError(13, "Permission denied", str(self))
        return real(self)

    monkeypatch.setattr(type(path), "read_bytes", read_bytes)
    corpus = load_corpus(tmp_path)
    assert len(corpus) == 1
    assert reasons(corpus)[name].startswith("cannot be read (Permission denied)")


def test_a_folder_that_fails_to_list_is_one_reject_even_as_root(tmp_path, monkeypatch):
    write(tmp_path / "ok.md", STORY)
    write(tmp_path / "locked" / "b.md", OTHER)
    real = os.scandir

    def scandir(path):
        if str(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    corpus = load_corpus(tmp_path)
    assert len(corpus) == 1
    assert reasons(corpus)["locked"].startswith("folder cannot be read (Permission denied)")


def test_an_entry_that_fails_to_stat_is_one_reject(tmp_path, monkeypatch):
    write(tmp_path / "ok.md", STORY)
    write(tmp_path / "sub" / "b.md", OTHER)
    real = type(tmp_path).is_dir

    def is_dir(self):
        if self.name == "sub":
            raise PermissionError(13, "Permission denied", str(self))
        return real(self)

    monkeypatch.setattr(type(tmp_path), "is_dir", is_dir)
    corpus = load_corpus(tmp_path)
    assert [a.text for a in corpus] == [STORY]
    assert reasons(corpus)["sub"].startswith("cannot be read (Permission denied)")
