"""The same checks on every page of the navigation, so that no page escapes them.

For each page: it loads in Chinese with no exception box or error alert,
its charts are drawn (an SVG in every plotly chart, and at least one chart
on the pages that show figures), the English switch turns the sidebar and
the page into English, and a theme filter given in the URL is applied (the
sidebar shows it) and kept in the address. Page-specific effects of the
filter are tested in each page's own browser test.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from browser_helpers import errors_on, has_chinese, main_text, open_page, open_sidebar, settle_after
from studyboard.ui.app import PAGES
from support import ROOT

pytestmark = pytest.mark.browser

PATHS = ["" if file.endswith("overview.py") else Path(file).stem for file, _, _ in PAGES if (ROOT / file).exists()]
#: Pages whose main content is a chart (the others show text and tables).
WITH_CHARTS = {"", "reader", "themes", "map", "terms", "study"}


def drawn_charts(page) -> tuple[int, int]:
    """(charts on the page, charts with an SVG drawn in them)."""
    return tuple(page.evaluate("""() => {
      const charts = [...document.querySelectorAll('[data-testid="stPlotlyChart"]')];
      return [charts.length, charts.filter(c => c.querySelector('.main-svg')).length];
    }"""))


def sidebar_text(page) -> str:
    return page.locator('[data-testid="stSidebar"]').inner_text()


@pytest.mark.parametrize("path", PATHS)
def test_page_in_chinese_then_english_with_a_theme_filter(page, server, path):
    open_page(page, server, path, themes="ecology")
    assert errors_on(page) == []
    assert has_chinese(main_text(page))
    charts, drawn = drawn_charts(page)
    assert drawn == charts  # every chart drawn
    if path in WITH_CHARTS:
        assert charts >= 1
    assert "绿色发展" in sidebar_text(page) and "themes=ecology" in page.url

    open_sidebar(page)  # the presenter view starts with the sidebar collapsed
    settle_after(page, lambda: page.get_by_role("radio", name="English").click())
    assert errors_on(page) == []
    sidebar = sidebar_text(page)
    assert "Document" in sidebar and "Green development" in sidebar
    assert "lang=en" in page.url and "themes=ecology" in page.url
    charts, drawn = drawn_charts(page)
    assert drawn == charts
