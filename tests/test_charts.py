"""Shared chart styling."""

from __future__ import annotations

import importlib

import plotly.graph_objects as go
import plotly.io as pio

from studyboard.views import charts


def test_tint_mixes_with_white():
    assert charts.tint("#009E73", 0) == "#FFFFFF"
    assert charts.tint("#009E73", 1) == "#009E73"
    assert charts.tint("#000000", 0.5) == "#808080"


def test_theme_colours_come_from_the_lexicon(seed):
    colors = charts.theme_colors(seed)
    assert colors["ecology"] == "#009E73" and colors["party"] == "#C0392B"
    assert charts.theme_names(seed, "en")["ecology"] == "Green development"
    assert charts.theme_names(seed, "zh")["ecology"] == "绿色发展"


def test_style_sets_fonts_and_sizes():
    fig = charts.style(go.Figure(go.Bar(x=[1], y=["发展"])), title="词频", height=500)
    board = fig.layout.template.layout
    assert "Noto Sans CJK SC" in board.font.family
    assert board.font.size >= 16 and fig.layout.title.font.size >= 20 and board.xaxis.title.font.size >= 16
    assert fig.layout.height == 500


def test_figure_is_made_with_the_board_template():
    fig = charts.figure([go.Bar(x=[1], y=["发展"])], dict(margin=dict(t=90)), title="词频", height=400)
    board = fig.layout.template.layout
    assert board.font.family == charts.FONT_FAMILY and board.xaxis.gridcolor == charts.GRID
    assert not fig.layout.template.data.bar  # plotly_white's per-trace defaults are left out
    assert fig.layout.title.text == "词频" and fig.layout.height == 400
    assert fig.layout.margin.t == 90 and fig.layout.margin.l == 10  # its own margin kept, the board's for the rest


def test_style_replaces_a_default_template():
    fig = charts.style(go.Figure(go.Bar(x=[1]), layout=dict(template="plotly")))
    assert fig.layout.template.layout.font.family == charts.FONT_FAMILY
    assert not fig.layout.template.data.bar  # plotly's per-trace defaults are gone with its template


def test_importing_charts_leaves_plotlys_default_template_alone(monkeypatch):
    monkeypatch.setattr(pio.templates, "default", "plotly")
    importlib.reload(charts)  # runs the module as an import does
    assert pio.templates.default == "plotly"
    assert "studyboard" not in pio.templates
