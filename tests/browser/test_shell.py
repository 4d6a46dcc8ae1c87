"""The shell every page shares: loads clean, Chinese by default, English on
switch, state in the URL, nothing fetched from outside."""

from __future__ import annotations

import pytest

from browser_helpers import errors_on, full_screenshot, has_chinese, main_text, open_page

pytestmark = pytest.mark.browser


def test_overview_loads_in_chinese(page, server):
    open_page(page, server)
    assert errors_on(page) == []
    text = main_text(page)
    assert "在更高起点上扎实推动中部地区崛起" in text and has_chinese(text)
    assert "doc=000_97e3ae1a0b7fde01" in page.url
    full_screenshot(page, "overview")


def test_english_switch_and_url(page, server):
    open_page(page, server)
    page.get_by_role("radio", name="English").click()
    page.wait_for_url("**lang=en**")
    page.wait_for_selector("text=Paragraphs")
    assert errors_on(page) == []


def test_theme_filter_from_the_url(page, server):
    open_page(page, server, themes="ecology,party", lang="en")
    sidebar = page.locator('[data-testid="stSidebar"]').inner_text()
    assert "Green development" in sidebar and "Party & implementation" in sidebar
