"""Shared chart styling."""

from __future__ import annotations

import plotly.graph_objects as go

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


def test_the_board_template_is_plotlys_default():
    assert go.Figure().layout.template.layout.font.family == charts.FONT_FAMILY
    assert go.Figure().layout.template.layout.xaxis.gridcolor == charts.GRID
