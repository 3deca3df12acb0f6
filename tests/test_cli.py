"""The command line: ``python -m analysis analyze | report | evaluate``.

Help is complete, results are written and summarised, and every mistake a user
can make on the command line ends with a non-zero status and one line saying
what to fix, never a traceback.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from analysis.cli import build_parser, main

ROOT = Path(__file__).resolve().parent.parent
EVENTS = ROOT / "data" / "events"
TABLES = ("articles", "sentences", "entities", "claims", "numbers")


def _subparsers(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    found = {}
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                found[name] = sub
                found.update({f"{name} {k}": v for k, v in _subparsers(sub).items()})
    return found


def _one_line_error(capsys) -> str:
    err = capsys.readouterr().err
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1, f"expected one line on stderr, got:\n{err}"
    assert "Traceback" not in err
    assert lines[0].startswith("error: ")
    return lines[0]


# --------------------------------------------------------------------------- help


def test_every_subcommand_is_documented():
    # The options of `evaluate <kind>` come from the evaluation modules and are checked there.
    commands = _subparsers(build_parser())
    assert {"analyze", "report", "evaluate", "evaluate numbers", "evaluate alignment"} <= set(commands)
    for name in ("analyze", "report", "evaluate"):
        parser = commands[name]
        assert parser.description, f"'{name}' has no description"
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction | argparse._HelpAction):
                continue
            assert action.help, f"'{name}': option {action.option_strings or action.dest} has no help text"


@pytest.mark.parametrize("command", [[], ["analyze"], ["report"], ["evaluate"]])
def test_help_exits_zero_and_lists_the_options(command, capsys):
    with pytest.raises(SystemExit) as done:
        main([*command, "--help"])
    assert done.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith("usage: python -m analysis")
    expected = {
        (): ["analyze", "report", "evaluate"],
        ("analyze",): ["--out", "--jobs", "--event", "--sources", "--entity-method", "--aliases", "--no-progress"],
        ("report",): ["--event", "--sources", "--out", "--notebook", "--timeout", "--no-progress", "index.html"],
        ("evaluate",): ["entities", "claims", "numbers", "sentiment", "alignment"],
    }[tuple(command)]
    for word in expected:
        assert word in out


def test_help_through_the_module_entry_point():
    done = subprocess.run(
        [sys.executable, "-m", "analysis", "report", "--help"], capture_output=True, text=True, timeout=60, cwd=ROOT
    )
    assert done.returncode == 0
    assert "--event" in done.stdout and done.stderr == ""


# --------------------------------------------------------------------------- analyze


def test_analyze_writes_every_table_and_prints_a_summary(tmp_path, capsys):
    out = tmp_path / "tables"
    assert main(["analyze", str(EVENTS), "--out", str(out), "--event", "syria-isis-defeat-2017"]) == 0
    printed = capsys.readouterr().out
    articles = pd.read_csv(out / "articles.csv")
    assert len(articles) == 5 and set(articles["event"]) == {"syria-isis-defeat-2017"}
    for name in TABLES:
        assert (out / f"{name}.csv").is_file()
        assert (out / f"{name}.parquet").is_file()  # pyarrow is a dev dependency
    assert (out / "rejects.csv").is_file()
    first = printed.splitlines()[0]
    assert first.startswith("5 articles, ")
    for name in ("sentences", "entity mentions", "claims", "numbers", "0 rejected"):
        assert name in first
    assert str(out) in first


def test_analyze_with_two_jobs_gives_the_same_tables(tmp_path, capsys):
    one, two = tmp_path / "one", tmp_path / "two"
    args = [str(EVENTS), "--event", "kestria-factory-fire-2025", "--no-progress"]
    assert main(["analyze", *args, "--out", str(one)]) == 0
    assert main(["analyze", *args, "--out", str(two), "--jobs", "2"]) == 0
    capsys.readouterr()
    for name in TABLES:
        pd.testing.assert_frame_equal(pd.read_csv(one / f"{name}.csv"), pd.read_csv(two / f"{name}.csv"))


def test_analyze_reads_the_lexicons_it_is_given(tmp_path, capsys):
    event = tmp_path / "corpus" / "quarry-vote"
    event.mkdir(parents=True)
    (event / "a.md").write_text(
        "---\nsource: Ledger\nevent: quarry-vote\ntitle: Quarry vote\n---\n"
        "The Brennock Quarry Board met on Monday. BRQ chair Idris Fallow harrumphed that the vote was a farce.\n",
        encoding="utf-8",
    )
    # "BRQ" does not spell the board's initials, so only the event's alias file can link it
    (event / "aliases.yml").write_text("entities:\n  - canonical: Brennock Quarry Board\n    aliases: [BRQ]\n")
    (tmp_path / "claims.yml").write_text("cues:\n  - harrumphed\n", encoding="utf-8")
    (tmp_path / "tone.yml").write_text("words:\n  farce: 3.5\n", encoding="utf-8")
    plain, given = tmp_path / "plain", tmp_path / "given"
    assert main(["analyze", str(tmp_path / "corpus"), "--out", str(plain), "--no-progress"]) == 0
    lexicons = ["--claim-lexicon", str(tmp_path / "claims.yml"), "--tone-lexicon", str(tmp_path / "tone.yml")]
    args = ["analyze", str(tmp_path / "corpus"), "--out", str(given), "--no-progress", *lexicons]
    assert main([*args, "--event-aliases", str(tmp_path / "corpus")]) == 0
    capsys.readouterr()
    entities = {name: pd.read_csv(folder / "entities.csv") for name, folder in (("plain", plain), ("given", given))}
    assert set(entities["plain"].query("text == 'BRQ'")["canonical"]) == {"BRQ"}
    assert set(entities["given"].query("text == 'BRQ'")["canonical"]) == {"Brennock Quarry Board"}
    assert "harrumphed" not in set(pd.read_csv(plain / "claims.csv")["cue"].dropna())
    assert "harrumphed" in set(pd.read_csv(given / "claims.csv")["cue"].dropna())
    last_tone = [pd.read_csv(folder / "sentences.csv")["tone"].iloc[-1] for folder in (plain, given)]
    assert last_tone[1] > last_tone[0]


def test_analyze_lists_rejected_records(tmp_path, capsys):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "good.md").write_text("---\nsource: A\n---\nRussia said the war was over.\n", encoding="utf-8")
    (corpus / "empty.md").write_text("---\nsource: B\n---\n\n", encoding="utf-8")
    assert main(["analyze", str(corpus), "--out", str(tmp_path / "out")]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0].startswith("1 articles, ")
    assert "1 rejected" in out
    assert "rejected" in out.splitlines()[1] and "empty.md" in out.splitlines()[1]
    assert len(pd.read_csv(tmp_path / "out" / "rejects.csv")) == 1


# --------------------------------------------------------------------------- mistakes


def test_a_missing_path_is_one_line(tmp_path, capsys):
    assert main(["analyze", str(tmp_path / "nowhere"), "--out", str(tmp_path / "out")]) == 2
    line = _one_line_error(capsys)
    assert "nowhere" in line and "no such file or folder" in line


def test_an_empty_selection_is_one_line(tmp_path, capsys):
    assert main(["analyze", str(EVENTS), "--event", "no-such-event", "--out", str(tmp_path / "o")]) == 2
    assert "no articles to analyse" in _one_line_error(capsys)


def test_out_that_is_a_file_is_one_line(tmp_path, capsys):
    target = tmp_path / "taken"
    target.write_text("x", encoding="utf-8")
    corpus = tmp_path / "c.jsonl"
    corpus.write_text('{"text": "Russia said the war was over.", "source": "A"}\n', encoding="utf-8")
    assert main(["analyze", str(corpus), "--out", str(target)]) == 2
    assert "taken" in _one_line_error(capsys)


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (["analyze", "data/events", "--out", "x", "--jobs", "many"], "'many' is not a whole number"),
        (["analyze", "data/events", "--out", "x", "--jobs", "-2"], "negative"),
        (["analyze", "data/events"], "--out"),
        (["analyze", "data/events", "--out", "x", "--entity-method", "magic"], "invalid choice"),
        (["analyse", "data/events"], "invalid choice"),
        (["report", "data/events", "--out", "x", "--bogus"], "unrecognized arguments: --bogus"),
        ([], "COMMAND"),
    ],
)
def test_bad_arguments_are_one_line(argv, words, capsys):
    with pytest.raises(SystemExit) as done:
        main(argv)
    assert done.value.code == 2
    line = _one_line_error(capsys)
    assert words in line
    assert "--help" in line


def test_report_unknown_event_is_one_line(tmp_path, capsys):
    assert main(["report", str(EVENTS), "--event", "atlantis", "--out", str(tmp_path / "r.html")]) == 2
    line = _one_line_error(capsys)
    assert "no event 'atlantis'" in line and "syria-isis-defeat-2017" in line


def test_report_unknown_source_is_one_line(tmp_path, capsys):
    argv = ["report", str(EVENTS), "--event", "syria-isis-defeat-2017", "--sources", "Pravda", "--out", "r.html"]
    assert main(argv) == 2
    line = _one_line_error(capsys)
    assert "no source 'Pravda'" in line and "Sham Horizon" in line


def test_report_without_event_needs_a_folder(tmp_path, capsys):
    assert main(["report", str(EVENTS), "--out", str(tmp_path / "all.html")]) == 2
    assert "give a folder" in _one_line_error(capsys)


def test_report_missing_path_is_one_line(tmp_path, capsys):
    assert main(["report", str(tmp_path / "nowhere"), "--out", str(tmp_path / "r")]) == 2
    assert "no such file or folder" in _one_line_error(capsys)


def test_a_real_process_prints_no_traceback(tmp_path):
    done = subprocess.run(
        [sys.executable, "-m", "analysis", "analyze", str(tmp_path / "nowhere"), "--out", str(tmp_path / "o")],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=ROOT,
    )
    assert done.returncode == 2
    assert done.stdout == ""
    assert len(done.stderr.strip().splitlines()) == 1 and "Traceback" not in done.stderr
