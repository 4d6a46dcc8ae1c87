"""The board on a server that no other test has touched.

Streamlit treats a folder named pages/ as its legacy multipage folder until a
session has run st.navigation: on a fresh server the first session's first
click was lost (the language switch did nothing; a second click worked). The
pages live in app_pages/ for that reason; these tests start a server of
their own, so that no earlier test has warmed it.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from browser_helpers import errors_on, has_chinese, main_text, open_page, wait_settled

pytestmark = pytest.mark.browser

#: How long a click may take to show; the lost click did nothing for 6 s and more.
ANSWER_MS = 15_000


def sidebar(page):
    return page.locator('[data-testid="stSidebar"]')


def test_the_first_click_on_a_fresh_server_switches_the_language(fresh_page, fresh_server):
    page = fresh_page
    open_page(page, fresh_server)
    assert errors_on(page) == []
    expect(sidebar(page)).to_contain_text("文档")
    assert has_chinese(main_text(page))

    # the session's first click: 中文 → English
    page.get_by_role("radio", name="English").click()
    expect(page.get_by_role("radio", name="English")).to_be_checked(timeout=ANSWER_MS)
    expect(sidebar(page)).to_contain_text("Document", timeout=ANSWER_MS)
    expect(page.locator('[data-testid="stMain"]')).to_contain_text("Paragraphs", timeout=ANSWER_MS)
    page.wait_for_url("**lang=en**", timeout=ANSWER_MS)
    wait_settled(page)
    assert errors_on(page) == []
    assert "Overview" in sidebar(page).inner_text()  # the navigation is in English too


def test_a_page_address_is_the_first_request_of_a_fresh_server(fresh_page, fresh_server):
    """A bookmark of the map opened right after the board starts: that page, with the shared sidebar."""
    page = fresh_page
    open_page(page, fresh_server, "map", province="430000")
    assert errors_on(page) == []
    assert page.url.startswith(f"{fresh_server}/map?") and "province=430000" in page.url
    assert "湖南：3 处提及，2 个句子" in main_text(page)
    # the map drawn: the six provinces and Changsha (430100), where the meeting was held
    # ("在湖南省长沙市主持召开"); the map page's own test checks the shapes
    assert page.locator('.st-key-map_chart [data-testid="stPlotlyChart"]').count() == 1
    shapes = page.eval_on_selector_all(".st-key-map_chart path.choroplethlocation",
                                       "paths => paths.map(p => String(p.__data__.loc)).sort()")
    assert shapes == ["140000", "340000", "360000", "410000", "420000", "430000", "430100"]
    bar = sidebar(page).inner_text()
    assert "文档" in bar and "主题筛选" in bar  # the shared controls
    nav = page.locator('[data-testid="stSidebarNav"] a')
    assert nav.count() == 9
    current = page.locator('[data-testid="stSidebarNav"] a[aria-current="page"]')
    assert current.count() == 1 and current.inner_text().strip().endswith("省份")
