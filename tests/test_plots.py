"""Plot twins of the comparison tables: Axes back, the expected bars and labels, PNGs render.

The Agg backend is set for the whole suite in conftest.py (MPLBACKEND).
"""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd
import pytest
from compare_fixtures import gold_analysis
from test_compare import _tiny

from analysis import compare, plots

SYRIA = "syria-isis-defeat-2017"


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


@pytest.fixture(scope="module")
def tiny():
    return _tiny()


def test_source_colors_are_deterministic_and_order_free():
    a = plots.source_colors(["Beta", "Alpha", "Beta"])
    b = plots.source_colors(["Alpha", "Beta"])
    assert a == b and len(set(a.values())) == 2
    assert list(a) == ["Alpha", "Beta"]


def test_truncate_adds_ellipsis():
    assert plots.truncate("Syrian Observatory for Human Rights", 12) == "Syrian Obse…"
    assert plots.truncate("Short", 12) == "Short"


def test_coverage_bars(tiny):
    ax = plots.coverage(compare.coverage(tiny))
    assert len(ax.patches) == 4  # 2 sources x 2 entities
    assert [t.get_text() for t in ax.get_yticklabels()] == ["Kelm", "Rebel Army"]
    assert "per 1,000 words" in ax.get_xlabel()


def test_labels_bars(tiny):
    ax = plots.labels(tiny, "Rebel Army")
    assert len(ax.patches) == 3
    assert [t.get_text() for t in ax.get_yticklabels()] == ["RA", "Rebel Army", "militants"]
    with pytest.raises(ValueError, match="give the canonical entity"):
        plots.labels(tiny)


def test_voice_segments_and_counts(tiny):
    ax = plots.voice(tiny)
    assert len(ax.patches) == 12  # 6 categories x 2 sources
    # every claim is in one segment: each bar ends at 100 % (documents and cited outlets included)
    ends = {}
    for patch in ax.patches:
        y = round(patch.get_y(), 3)
        ends[y] = max(ends.get(y, 0.0), patch.get_x() + patch.get_width())
    assert sorted(ends.values()) == pytest.approx([100.0, 100.0])
    assert [t.get_text() for t in ax.get_yticklabels()] == ["Beta (n=3)", "Alpha (n=2)"]
    ax = plots.voice(compare.voice(tiny, by="speaker"))
    assert len(ax.patches) == 1


def test_claim_alignment_markers(tiny):
    ax = plots.claim_alignment(tiny)
    markers = sum(len(c.get_offsets()) for c in ax.collections)
    assert markers == 4  # two shared claims x two sources
    assert [t.get_text() for t in ax.get_xticklabels()] == ["Alpha", "Beta", "numbers differ"]
    assert sum(t.get_text() == "≠" for t in ax.texts) == 1


def test_distinctive_terms_bars(tiny):
    ax = plots.distinctive_terms(tiny, top=3)
    assert len(ax.patches) == 6


def test_tone_points(tiny):
    ax = plots.tone(tiny)
    assert len(ax.get_yticklabels()) == 2 and ax.get_xlim() == (-1.05, 1.05)
    ax = plots.tone(compare.tone(tiny, by="entity"))
    assert [t.get_text() for t in ax.get_yticklabels()] == ["Kelm", "Rebel Army"]


def test_plots_draw_on_given_axes(tiny):
    _, ax = plt.subplots()
    assert plots.coverage(tiny, ax=ax) is ax


def test_wrong_input_type_raises():
    with pytest.raises(TypeError, match="expected an Analysis"):
        plots.coverage([1, 2, 3])


def test_corpus_plots_render_to_png(tmp_path):
    result = gold_analysis()
    drawn = {
        "coverage": plots.coverage(result, event=SYRIA),
        "labels": plots.labels(result, "Islamic State", event=SYRIA),
        "voice": plots.voice(result, event=SYRIA),
        "speakers": plots.voice(compare.voice(result, event=SYRIA, by="speaker")),
        "alignment": plots.claim_alignment(result, event=SYRIA),
        "terms": plots.distinctive_terms(result, event=SYRIA),
        "tone": plots.tone(result, event=SYRIA),
        "tone_entity": plots.tone(result, event=SYRIA, by="entity"),
    }
    for name, ax in drawn.items():
        path = tmp_path / f"{name}.png"
        ax.figure.savefig(path, dpi=80)
        assert path.stat().st_size > 5000, name
        assert ax.get_title() and ax.get_xlabel(), name
        width, _ = ax.figure.get_size_inches()
        assert width <= plots.FIG_WIDTH


@pytest.mark.parametrize("verb", ["coverage", "voice", "claim_alignment", "distinctive_terms", "tone", "labels"])
def test_filters_with_a_ready_table_raise_instead_of_being_ignored(verb):
    table = pd.DataFrame({"source": ["a"]})
    with pytest.raises(ValueError, match=r"event= filter\(s\) a computed table cannot apply"):
        getattr(plots, verb)(table, event="some-event")


def test_voice_bars_count_documents_and_cited_outlets(tiny):
    table = compare.voice(tiny)
    shares = {"own_voice_share": 0.25, "share_person": 0.25, "share_official_body": 0.0, "share_outlet": 0.5}
    shares |= {"share_document": 0.25, "share_anonymous": 0.0}  # "outlet": own voice and one cited outlet
    for column, value in shares.items():
        table[column] = value
    ax = plots.voice(table)
    widths = {}
    for patch, label in zip(ax.patches, [c.get_label() for c in ax.containers for _ in c], strict=True):
        widths.setdefault(label, set()).add(round(patch.get_width(), 6))
    assert widths == {
        "own voice": {25.0},
        "person": {25.0},
        "official body": {0.0},
        "another outlet": {25.0},
        "document": {25.0},
        "anonymous": {0.0},
    }
