"""Shared chart styling."""

from __future__ import annotations

import plotly.graph_objects as go

from studyboard import charts


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
    assert "Noto Sans CJK SC" in fig.layout.font.family
    assert fig.layout.font.size >= 16 and fig.layout.title.font.size >= 20
    assert fig.layout.height == 500


def test_contrast_ratio():
    # WCAG: black on white is 21:1, a colour on itself 1:1; #767676 on white is the known 4.54:1
    assert round(charts.contrast("#000000", "#FFFFFF"), 1) == 21.0
    assert charts.contrast("#E69F00", "#E69F00") == 1.0
    assert round(charts.contrast("#767676", "#FFFFFF"), 2) == 4.54


def test_readable_theme_colours_for_text():
    # the Okabe-Ito orange is too light for text on white (about 2.2:1): it is darkened
    dark_orange = charts.readable("#E69F00", "#FFFFFF")
    assert dark_orange != "#E69F00" and charts.contrast(dark_orange, "#FFFFFF") >= 4.5
    # the blue already reads (5.2:1) and stays as it is
    assert charts.readable("#0072B2", "#FFFFFF") == "#0072B2"
    # on a dark background colours are lightened instead
    light_brown = charts.readable("#8C564B", "#111418")
    assert charts.contrast(light_brown, "#111418") >= 4.5 and charts.contrast(light_brown, "#FFFFFF") < 21


def test_ink_on_a_colour():
    assert charts.ink_on("#0072B2") == "#FFFFFF"  # white on the dark blue
    assert charts.ink_on("#E69F00") == charts.INK  # dark ink on the orange
