"""The terms page in headless Chromium: loads clean with its chart drawn,
Chinese by default, English on switch, a theme filter from the URL, a click
on a bar opens the term, and the other views draw. Screenshots go to
artifacts/screenshots/terms*.png."""

from __future__ import annotations

import re

import pytest

from browser_helpers import errors_on, full_screenshot, has_chinese, main_text, open_page, plot_count, settle_after

pytestmark = pytest.mark.browser

TITLE_ZH, TITLE_EN = "词频与术语", "Terms and glossary"


def open_terms(page, server, **params) -> None:
    open_page(page, server, "terms", **params)
    page.wait_for_selector(f"h1:has-text('{TITLE_EN if params.get('lang') == 'en' else TITLE_ZH}')")


def svg_texts(page, selector: str) -> list[str]:
    """Texts of SVG elements of the charts (inner_text does not apply to SVG)."""
    return page.evaluate("s => [...document.querySelectorAll(s)].map(t => t.textContent)",
                         f'[data-testid="stPlotlyChart"] {selector}')


def tick_font_sizes(page) -> list[float]:
    return page.evaluate("""() => [...document.querySelectorAll('[data-testid="stPlotlyChart"] .ytick text')]
        .map(t => parseFloat(getComputedStyle(t).fontSize))""")


def test_terms_page_loads_in_chinese(page, server):
    open_terms(page, server)
    assert errors_on(page) == []
    assert plot_count(page) >= 1
    text = main_text(page)
    assert has_chinese(text) and "统计 52/52 句" in text
    ticks = svg_texts(page, ".ytick text")
    assert "中部地区" in ticks and "发展" in ticks and len(ticks) == 20
    assert min(tick_font_sizes(page)) >= 16  # readable on a projector
    full_screenshot(page, "terms")


def test_english_switch(page, server):
    open_terms(page, server)
    settle_after(page, lambda: page.get_by_role("radio", name="English").click())
    page.wait_for_selector(f"h1:has-text('{TITLE_EN}')")
    assert "lang=en" in page.url
    assert svg_texts(page, ".gtitle")[0] == "Top 20 terms"
    assert svg_texts(page, ".xtitle")[0] == "Occurrences"
    assert errors_on(page) == []
    full_screenshot(page, "terms_en")


def test_theme_filter_from_the_url(page, server):
    open_terms(page, server, themes="ecology", term="高质量发展")
    assert errors_on(page) == []
    sidebar = page.locator('[data-testid="stSidebar"]').inner_text()
    assert "绿色发展" in sidebar
    rows = page.locator("table.sb-kwic tbody tr")
    # the ecology sentence of ¶13 (¶6's 高质量发展 stands in 黄河流域生态保护和高质量发展, a strategy's
    # name whose 生态保护 is no ecology hit)
    assert rows.count() == 1
    assert rows.nth(0).locator("a").inner_text() == "¶13"
    assert plot_count(page) >= 2  # bar chart and dispersion plot
    full_screenshot(page, "terms_theme")


def test_clicking_a_bar_opens_the_term(page, server):
    open_terms(page, server)
    label = page.locator('[data-testid="stPlotlyChart"] .ytick text', has_text=re.compile("^高质量发展$")).first
    label.scroll_into_view_if_needed()  # its bar is the 18th of 20: below the fold of a 1080-pixel window
    area = page.locator('[data-testid="stPlotlyChart"] .nsewdrag').first.bounding_box()
    box = label.bounding_box()
    settle_after(page, lambda: page.mouse.click(area["x"] + 20, box["y"] + box["height"] / 2))
    page.wait_for_selector("table.sb-kwic")
    assert "term=" in page.url
    assert page.locator("table.sb-kwic tbody tr").count() == 6
    link = page.locator("table.sb-kwic tbody tr a").first.get_attribute("href")
    assert link.startswith("./reader?") and "para=1" in link
    assert errors_on(page) == []
    full_screenshot(page, "terms_term")


@pytest.mark.parametrize("name, params", [
    ("terms_cloud", {"section": "slides", "shape": "cloud", "top": "40"}),
    ("terms_treemap", {"section": "slides"}),
    ("terms_speakers", {"section": "speakers", "lang": "en"}),
    ("terms_keywords", {"section": "keywords"}),
])
def test_other_views_draw(page, server, name, params):
    open_terms(page, server, **params)
    assert errors_on(page) == []
    if params["section"] != "keywords":
        assert plot_count(page) >= 1
    assert has_chinese(main_text(page))
    full_screenshot(page, name)


def test_glossary(page, server):
    open_terms(page, server, section="glossary", entry="新质生产力", lang="en")
    assert errors_on(page) == []
    assert page.locator("table.sb-glossary tbody tr").count() >= 30
    renderings = page.locator("table.sb-renderings").inner_text()
    assert "new productivity boosters" in renderings and "new quality productive forces" in renderings
    full_screenshot(page, "terms_glossary")


def test_pinyin_of_a_term_outside_the_glossary(page, server):
    open_terms(page, server, term="座谈会")
    page.wait_for_selector("table.sb-kwic")
    assert errors_on(page) == []
    assert "拼音（自动标注，不在术语表中）：zuò tán huì" in main_text(page)
