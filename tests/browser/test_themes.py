"""The themes page (主题) in headless Chromium: every chart drawn, a click on
the paragraph grid, the theme filter in the URL, both languages."""

from __future__ import annotations

import re

import pytest

from browser_helpers import errors_on, full_screenshot, has_chinese, main_text, open_page, settle_after

pytestmark = pytest.mark.browser


def charts(page):
    return page.locator('[data-testid="stPlotlyChart"]')


def test_themes_page_loads_in_chinese(page, server):
    open_page(page, server, "themes")
    assert errors_on(page) == []
    assert has_chinese(main_text(page))
    assert charts(page).count() == 5
    for i in range(5):
        assert charts(page).nth(i).locator(".main-svg").count() >= 1
    titles = [charts(page).nth(i).locator(".gtitle").text_content() for i in range(5)]
    assert titles[0] == "段落 × 主题：命中次数" and titles[4] == "主题共现：同时出现在一句中的次数"
    # the keyword editor and the table of themes with their colours
    assert page.locator('[data-testid="stDataFrame"]').count() >= 1
    assert page.locator("table.sb-themes .sb-swatch").count() == 8
    full_screenshot(page, "themes_zh")


def test_clicking_the_grid_picks_the_paragraph(page, server):
    open_page(page, server, "themes")
    grid = charts(page).first
    # rural is the fifth theme; paragraph 9 carries it 26 times
    box = grid.locator("g.trace.bars").nth(4).locator("g.point").nth(8).bounding_box()
    settle_after(page, lambda: page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2))
    page.wait_for_url(re.compile(r".*para=9.*"))
    assert errors_on(page) == []
    assert charts(page).nth(1).locator(".gtitle").text_content() == "第 9 段逐句主题命中"


def test_theme_filter_from_the_url_and_english(page, server):
    open_page(page, server, "themes", themes="ecology,security", metric="density")
    assert errors_on(page) == []
    assert charts(page).first.locator("g.trace.bars").count() == 2  # one column per selected theme
    settle_after(page, lambda: page.get_by_role("radio", name="English").click())
    page.wait_for_url("**lang=en**")
    page.wait_for_selector("text=Theme lexicon")
    assert errors_on(page) == []
    assert charts(page).first.locator(".gtitle").text_content() == "Paragraph × theme: hits per 100 characters"
    heads = charts(page).first.locator("g.xtick text tspan").all_text_contents()
    assert heads == ["Green", "development", "Food &", "energy", "security"]
    full_screenshot(page, "themes_en")
