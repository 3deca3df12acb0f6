"""The rendered report: parameters injected, notebook executed, HTML with the sections, escaped, viewable.

The comparison notebook is executed once for the syria event (module fixture) and
the HTML is checked for every section and table; a hostile corpus checks that
article text is escaped; a tiny template notebook checks the machinery (failing
cells, one report per event, the index) without re-running the full analysis.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

from analysis.cli import main
from analysis.report import INJECTED_TAG, ReportError, inject_parameters, render_all, render_report, report_files

ROOT = Path(__file__).resolve().parent.parent
EVENTS = ROOT / "data" / "events"
SYRIA = "syria-isis-defeat-2017"


def _tiny_notebook(path: Path, body: str = "print(f'EVENT={event} SOURCES={sources}')") -> Path:
    nb = new_notebook(
        cells=[
            new_markdown_cell("# Tiny"),
            new_code_cell("corpus = None\nevent = None\nsources = None", metadata={"tags": ["parameters"]}),
            new_code_cell("x = 1"),
            new_code_cell(body),
        ],
        metadata={"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}},
    )
    nbformat.write(nb, path)
    return path


def _visible_text(page: str) -> str:
    body = page.split("<body", 1)[1]
    body = re.sub(r"<style.*?</style>", " ", body, flags=re.S)
    return re.sub(r"<[^>]+>", " ", body)


# --------------------------------------------------------------------------- parameters


def test_parameters_are_injected_after_the_parameters_cell():
    nb = new_notebook(
        cells=[
            new_markdown_cell("x"),
            new_code_cell("event = None", metadata={"tags": ["parameters"]}),
            new_code_cell("print(event)"),
        ]
    )
    out = inject_parameters(nb, {"corpus": "/data", "event": "e'1", "sources": ["A", "B"]})
    assert len(nb.cells) == 3  # the original is untouched
    injected = out.cells[2]
    assert injected.metadata["tags"] == [INJECTED_TAG]
    assert injected.source.splitlines()[1:] == ["corpus = '/data'", 'event = "e\'1"', "sources = ['A', 'B']"]
    assert out.cells[3].source == "print(event)"
    again = inject_parameters(out, {"event": "other"})  # replaces, never stacks
    assert [INJECTED_TAG in c.metadata.get("tags", []) for c in again.cells].count(True) == 1
    assert again.cells[2].source.endswith("event = 'other'")
    nbformat.validate(again)


def test_a_notebook_without_parameters_cell_is_refused():
    with pytest.raises(ReportError, match="no code cell tagged 'parameters'"):
        inject_parameters(new_notebook(cells=[new_code_cell("x = 1")]), {"event": "e"})


# --------------------------------------------------------------------------- execution machinery


def test_a_failing_cell_is_named_in_one_line(tmp_path):
    notebook = _tiny_notebook(tmp_path / "bad.ipynb", body="y = 2\n1 / 0")
    with pytest.raises(ReportError) as failed:
        render_report(EVENTS, tmp_path / "r.html", event=SYRIA, notebook=notebook, progress=False)
    message = str(failed.value)
    assert "\n" not in message
    assert "cell 3" in message  # the index in the notebook file, not counting the injected cell
    assert "'y = 2'" in message
    assert "ZeroDivisionError" in message
    assert not (tmp_path / "r.html").exists()


def test_every_event_gets_a_report_and_the_index_links_them(tmp_path, capsys):
    notebook = _tiny_notebook(tmp_path / "tiny.ipynb")
    out = tmp_path / "reports"
    assert main(["report", str(EVENTS), "--out", str(out), "--notebook", str(notebook), "--no-progress"]) == 0
    assert "index.html" in capsys.readouterr().out
    events = sorted(p.name for p in EVENTS.iterdir() if p.is_dir())
    assert sorted(p.name for p in out.glob("*.html")) == sorted([*(f"{e}.html" for e in events), "index.html"])
    page = (out / "kestria-factory-fire-2025.html").read_text(encoding="utf-8")
    assert "EVENT=kestria-factory-fire-2025 SOURCES=None" in page
    assert "print(f" not in page  # code hidden
    index = (out / "index.html").read_text(encoding="utf-8")
    for event in events:
        assert f'<a href="{event}.html">{event}</a>' in index
    row = re.search(r"<tr><td><a href=\"syria-isis-defeat-2017.html\">.*?</tr>", index).group(0)
    assert "5: Derzhava Daily, Northwind Wire, Qamishli Herald, Sham Horizon, Westmark Broadcasting" in row
    assert row.endswith('<td class="n">5</td></tr>')


def test_report_file_names_are_unique_and_never_the_index():
    files = report_files(["a/b", "a b", "index", "Index", "Harbour Strike", "harbour strike", "", "ünïcode"])
    assert len(set(f.lower() for f in files.values())) == len(files)
    assert "index.html" not in {f.lower() for f in files.values()}
    assert files["a b"] == "a-b.html" and files["a/b"].startswith("a-b-") and files["a/b"].endswith(".html")
    assert files["index"].startswith("index-") and files["Harbour Strike"] == "Harbour-Strike.html"
    assert files == report_files(["a/b", "a b", "index", "Index", "Harbour Strike", "harbour strike", "", "ünïcode"])


def test_events_whose_names_collide_get_their_own_files(tmp_path, capsys):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for i, event in enumerate(["a/b", "a b", "index"]):
        (corpus / f"{i}.md").write_text(
            f'---\nsource: Gazette\nevent: "{event}"\n---\nPilots in Velmora struck, story {i}.\n', encoding="utf-8"
        )
    notebook = _tiny_notebook(tmp_path / "tiny.ipynb")
    out = tmp_path / "reports"
    assert main(["report", str(corpus), "--out", str(out), "--notebook", str(notebook), "--no-progress"]) == 0
    printed = capsys.readouterr().out
    pages = sorted(p.name for p in out.glob("*.html"))
    assert len(pages) == 4 and "index.html" in pages
    index = (out / "index.html").read_text(encoding="utf-8")
    for event, name in report_files(["a/b", "a b", "index"]).items():
        assert f"EVENT={event} " in (out / name).read_text(encoding="utf-8")
        assert f'<a href="{name}">{event}</a>' in index
        assert f"{event}: {out / name}" in printed


def test_sources_restrict_every_report(tmp_path):
    notebook = _tiny_notebook(tmp_path / "tiny.ipynb")
    index = render_all(EVENTS, tmp_path / "out", sources=["Sham Horizon"], notebook=notebook, progress=False)
    assert sorted(p.name for p in index.parent.glob("*.html")) == ["index.html", f"{SYRIA}.html"]
    assert "SOURCES=['Sham Horizon']" in (index.parent / f"{SYRIA}.html").read_text(encoding="utf-8")


# --------------------------------------------------------------------------- the real report


@pytest.fixture(scope="module")
def syria(tmp_path_factory) -> tuple[Path, str]:
    path = tmp_path_factory.mktemp("report") / "syria.html"
    rendered = render_report(EVENTS, path, event=SYRIA, progress=False)
    assert rendered.n_articles == 5 and len(rendered.sources) == 5
    return path, path.read_text(encoding="utf-8")


def test_report_has_every_section(syria):
    _, page = syria
    headings = re.findall(r"<h2[^>]*>(.*?)<a", page)
    expected = [
        "The articles",
        "Coverage: who is named, how often, and who leads",
        "Labels: the words for the same actor",
        "Voice: own voice versus attributed, and who is quoted",
        "Claim alignment: who reports what, and which numbers disagree",
        "Distinctive terms",
        "Tone",
        "Evidence: the sentences behind the numbers",
        "How this can mislead",
    ]
    assert [h.strip() for h in headings] == expected
    assert "<h3" in page and "Numbers that disagree" in page


def test_report_tables_hold_the_comparison(syria):
    _, page = syria
    captions = re.findall(r"<caption>(.*?)</caption>", page)
    assert captions == [
        "Mentions per 1,000 words (mentions)",
        "Words for Islamic State",
        "Claims per source (shares are of n_claims)",
        "Speakers per source",
        "Shared claims (reported by 2+ outlets)",
        "The sentences behind each shared claim",
        "Numbers that disagree",
        "Most distinctive words per source",
        "Mean sentence tone per source",
        "Mean sentence tone: own voice and attributed",
    ]
    text = _visible_text(page)
    for outlet in ("Derzhava Daily", "Northwind Wire", "Qamishli Herald", "Sham Horizon", "Westmark Broadcasting"):
        assert outlet in text
    # labels as written: the state outlet's "terrorists", the Kurdish outlet's "mercenaries"
    assert re.search(r"Derzhava Daily</td><td[^>]*>terrorists</td>", page)
    assert re.search(r"Qamishli Herald</td><td[^>]*>mercenaries</td>", page)
    # the disagreeing death tolls: both figures, both sentences, why one quantity; then highlighted in context
    assert "nearly half a million people" in page and "More than 340,000 people" in page
    assert "both people (amount), both about: C:death" in page and "do not overlap" in page
    assert "<mark>The Levant Casualty Monitor" in page
    assert "n_sentences" in page and "ci_low" in page  # tone with its count and interval
    assert len(re.findall(r'<table class="analysis-(?:table|kwic)">', page)) >= 12


def test_report_hides_code_and_loads_nothing_from_the_network(syria):
    _, page = syria
    assert "import analysis" not in page and "compare.coverage(" not in page
    assert '<div class="highlight' not in page and 'class="jp-InputPrompt' not in page  # no code, no In [ ]
    assert "<script src=" not in page and "cdnjs" not in page
    assert len(re.findall(r'src="data:image/png;base64,', page)) == 8  # every plot is embedded


def test_article_markup_is_shown_as_text_never_run(tmp_path):
    corpus = tmp_path / "corpus"
    (corpus / "hostile").mkdir(parents=True)
    text = (
        "Vladimir Putin said on Monday that the <b>bold</b> plan had worked. "
        'Russia\'s Defense Ministry said that <script>alert(1)</script> "was nothing", and that 40 soldiers had died. '
        "Vladimir Putin added that Russia would stay."
    )
    other = (
        "Vladimir Putin said the plan had failed, and Russia's Defense Ministry reported that 90 soldiers had died. "
        "Critics said Vladimir Putin was wrong."
    )
    for source, body in (("Alpha <i>Times</i>", text), ("Beta Post", other)):
        name = source.split()[0].lower()
        (corpus / "hostile" / f"{name}.md").write_text(
            f'---\nsource: "{source}"\nevent: hostile\ntitle: "Putin <b>bold</b> claim"\n---\n{body}\n',
            encoding="utf-8",
        )
    out = tmp_path / "hostile.html"
    render_report(corpus, out, event="hostile", progress=False)
    page = out.read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&lt;b&gt;bold&lt;/b&gt;" in page
    assert "Alpha &lt;i&gt;Times&lt;/i&gt;" in page
    assert "<script>alert" not in page
    assert "<b>bold</b>" not in page and "<i>Times</i>" not in page


def _chromium() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.mark.skipif(_chromium() is None, reason="Chromium is not installed (apt-get install chromium); .ci/run does it")
def test_report_renders_in_headless_chromium(syria, tmp_path):
    import matplotlib.image as mpimg

    path, _ = syria
    png = tmp_path / "report.png"
    command = [
        _chromium(),
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        f"--user-data-dir={tmp_path / 'profile'}",
        f"--screenshot={png}",
        "--window-size=1280,2400",
        path.resolve().as_uri(),
    ]
    subprocess.run(command, capture_output=True, timeout=120, check=False)
    assert png.is_file(), "Chromium wrote no screenshot"
    pixels = mpimg.imread(png)[:, :, :3]
    assert pixels.shape[:2] == (2400, 1280)
    ink = (pixels < 0.9).any(axis=2).mean()  # share of pixels that are not (near) white
    assert 0.02 < ink < 0.6, f"the page looks blank or broken ({ink:.1%} of pixels inked)"
    colours = len({tuple(p) for p in (pixels[::8, ::8] * 255).astype(int).reshape(-1, 3)})
    assert colours > 50  # text, tables and the coloured bars of the first plot


@pytest.mark.slow
def test_make_report_renders_every_bundled_event(tmp_path):
    index = render_all(EVENTS, tmp_path, progress=False)
    for event in sorted(p.name for p in EVENTS.iterdir() if p.is_dir()):
        page = (tmp_path / f"{event}.html").read_text(encoding="utf-8")
        assert "Numbers that disagree" in page and "Distinctive terms" in page
    assert index.read_text(encoding="utf-8").count("<tr><td><a href=") == 3
