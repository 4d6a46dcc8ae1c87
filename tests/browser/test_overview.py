"""The overview's outline and handout in Chromium."""

from __future__ import annotations

import re

import pytest

from browser_helpers import errors_on, full_screenshot, has_chinese, main_text, open_page, settle_after

pytestmark = pytest.mark.browser


def outline_text(page) -> str:
    return page.locator("ol.sb-outline").first.inner_text()


def test_outline_in_chinese(page, server):
    open_page(page, server)
    assert errors_on(page) == []
    text = outline_text(page)
    assert has_chinese(text)
    assert text.index("以科技创新引领产业创新") < text.index("坚持高质量发展和高水平安全相互促进")
    # the label of a task is readable on its colour and the link goes to the paragraph in the reader
    link = page.locator("a.sb-para").nth(1)
    assert link.inner_text() == "第5段 →"
    assert re.search(r"/reader\?doc=000_97e3ae1a0b7fde01&para=5$", link.evaluate("a => a.href"))
    full_screenshot(page, "overview_outline")


def test_outline_in_english_with_a_theme_filter(page, server):
    open_page(page, server, lang="en", themes="ecology")
    assert errors_on(page) == []
    text = main_text(page)
    assert "Study outline" in text and "Task 4" in text
    assert "Theme filter:" in text
    full_screenshot(page, "overview_outline_en")


def test_english_switch(page, server):
    open_page(page, server)
    settle_after(page, lambda: page.get_by_role("radio", name="English").click())
    page.wait_for_url("**lang=en**")
    assert "Opening judgement" in outline_text(page)


def test_handout_download_works_offline(page, server, tmp_path):
    open_page(page, server)
    with page.expect_download() as info:
        page.get_by_role("button", name="下载 HTML").click()
    download = info.value
    assert download.suggested_filename == "handout-000_97e3ae1a0b7fde01.html"
    path = tmp_path / download.suggested_filename
    download.save_as(path)
    # show the file in the browser: the page guard fails the test on any request off this machine
    page.set_content(path.read_text(encoding="utf-8"), wait_until="load")
    assert page.locator("h1").inner_text() == "在更高起点上扎实推动中部地区崛起"
    assert page.locator("ol.outline").first.locator(":scope > li").count() == 8  # opening, six tasks, closing
    assert page.locator("ol.outline > li").count() == 10  # and the two other speakers
    assert page.evaluate("document.fonts.ready.then(() => document.styleSheets.length)") == 1
