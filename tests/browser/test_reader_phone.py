"""The reader on a phone (390×844, a touch screen) and on a 1280×720 laptop, in headless Chromium.

On a phone the heatmap comes above the text (Streamlit stacks the columns; the reader's style puts
the heatmap's first) and one tap on a cell selects its paragraph; on a laptop the heatmap stays
beside the text. Every wait is on a condition.
"""

from __future__ import annotations

import re

import pytest
from browser_helpers import errors_on, full_screenshot, guarded_page, open_page, settle_after

pytestmark = pytest.mark.browser


def cell(page, theme_index: int, paragraph: int):
    """The heatmap's bar for (paragraph, theme): one trace per theme, one bar per paragraph."""
    chart = page.locator('.st-key-reader_grid_box [data-testid="stPlotlyChart"]')
    return chart.locator("g.trace.bars").nth(theme_index).locator("g.point").nth(paragraph - 1)


def test_on_a_phone_the_heatmap_is_above_the_text_and_one_tap_selects_a_cell(browser, server):
    with guarded_page(browser, 390, 844, is_mobile=True, has_touch=True) as page:
        open_page(page, server, "reader")
        assert errors_on(page) == []
        grid = page.locator(".st-key-reader_grid_box").bounding_box()
        first = page.locator("#p1").bounding_box()
        assert grid["y"] + grid["height"] <= first["y"]  # the whole heatmap before the first paragraph
        full_screenshot(page, "reader_phone")
        target = cell(page, 3, 8)  # ecology (the lexicon's fourth theme) in paragraph 8
        target.scroll_into_view_if_needed()
        box = target.bounding_box()
        settle_after(page, lambda: page.touchscreen.tap(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2))
        page.wait_for_url(re.compile(r".*para=8.*"))  # one tap
        assert "themes=ecology" in page.url
        assert errors_on(page) == []
        label = page.locator(".sb-pinned-label")
        assert "已选第 8 段" in label.inner_text()
        # the tapped paragraph is pinned under the heatmap, above the text
        grid = page.locator(".st-key-reader_grid_box").bounding_box()
        assert grid["y"] + grid["height"] <= label.bounding_box()["y"] < page.locator("#p1").bounding_box()["y"]
        assert "习近平指出，要协同推进生态环境保护" in page.locator(".sb-para.sb-selected").first.inner_text()
        full_screenshot(page, "reader_phone_selected")


def test_on_a_laptop_the_heatmap_stays_beside_the_text(browser, server):
    with guarded_page(browser, 1280, 720) as page:
        open_page(page, server, "reader")
        assert errors_on(page) == []
        grid = page.locator(".st-key-reader_grid_box").bounding_box()
        first = page.locator("#p1").bounding_box()
        assert grid["x"] >= first["x"] + first["width"]  # to the right of the text
        assert abs(grid["y"] - first["y"]) < 200  # and level with its start
        full_screenshot(page, "reader_1280")
