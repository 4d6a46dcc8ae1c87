"""The overview's outline and handout in Chromium."""

from __future__ import annotations

import re

import pytest

from browser_helpers import (SCREENSHOTS, errors_on, full_screenshot, has_chinese, main_text, open_page,
                             settle_after, wait_settled)

pytestmark = pytest.mark.browser


def outline_text(page) -> str:
    return page.locator("ol.sb-outline").first.inner_text()


def test_outline_in_chinese(page, server):
    open_page(page, server)
    assert errors_on(page) == []
    text = outline_text(page)
    assert has_chinese(text)
    assert text.index("以科技创新引领产业创新") < text.index("坚持高质量发展和高水平安全相互促进")
    # the stock-taking of paragraph 4 comes before the tasks, with the headline's 更高起点
    assert text.index("中部地区发展站到了更高起点上") < text.index("以科技创新引领产业创新")
    # the label of a task is readable on its colour and the link goes to the paragraph in the reader
    # (the fifth item: opening judgement, general requirement, stock-taking, challenges, then task 1)
    link = page.locator("a.sb-para").nth(4)
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
    from studyboard.store import notes

    open_page(page, server)
    note = notes.add("000_97e3ae1a0b7fde01", 5, "讨论：什么是新质生产力？<script>alert(1)</script>")  # after drawing
    try:
        with page.expect_download() as info:
            page.get_by_role("button", name="下载 HTML").click()
        download = info.value
    finally:
        notes.delete(note)
    assert download.suggested_filename == "handout-000_97e3ae1a0b7fde01.html"
    path = tmp_path / download.suggested_filename
    download.save_as(path)
    # show the file in the browser: the page guard fails the test on any request off this machine
    problems = []
    page.on("pageerror", lambda error: problems.append(str(error)))
    page.set_content(path.read_text(encoding="utf-8"), wait_until="load")
    assert page.locator("h1").inner_text() == "在更高起点上扎实推动中部地区崛起"
    # opening, general requirement, stock-taking, challenges, six tasks, closing and its two requirements
    assert page.locator("ol.sb-outline").first.locator(":scope > li").count() == 13
    assert page.locator("ol.sb-outline > li").count() == 15  # and the two other speakers
    # every style sheet inline: the handout's own and those plotly.js adds for its charts
    sheets = page.evaluate("document.fonts.ready.then(() => [...document.styleSheets].map(s => s.href))")
    assert sheets and all(href is None for href in sheets)
    # the note, as text
    assert "讨论：什么是新质生产力？<script>alert(1)</script>" in page.locator("ul.notes li").all_inner_texts()
    # the three charts drawn by the embedded plotly.js, the map with its six provinces and no base map fetched
    page.wait_for_function("() => document.querySelectorAll('div.figure .main-svg').length >= 3")
    assert page.locator("div.figure").count() == 3
    assert page.locator("div.figure path.choroplethlocation").count() >= 6
    labels = page.locator("div.figure .scattergeo text").all_text_contents()
    assert "湖南" in " ".join(labels)
    assert problems == []
    page.set_viewport_size({"width": 1280, "height": 900})
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "handout_html.png"), full_page=True)


def preview(page, name: str):
    return page.locator(f".st-key-overview_preview_{name}")


def test_previews_render_and_open_their_pages(page, server):
    open_page(page, server)
    assert errors_on(page) == []
    for name in ("themes", "map", "terms"):
        assert preview(page, name).locator('[data-testid="stPlotlyChart"] .main-svg').count() >= 1, name
    # the theme grid: eight columns of fourteen cells; the map: six provinces, 湖南 3
    assert preview(page, "themes").locator("g.trace.bars").count() == 8
    assert preview(page, "map").locator("path.choroplethlocation").count() >= 6
    texts = preview(page, "map").locator(".scattergeo text").all_text_contents()
    assert any(t.replace("\n", "").startswith("湖南") and t.endswith("3") for t in texts), texts
    assert "中部地区" in preview(page, "terms").locator(".ytick").all_text_contents()
    # on a projector the outline and the theme grid share the first screen
    box = preview(page, "themes").bounding_box()
    assert box["y"] + box["height"] < 1080 and box["x"] > page.locator("ol.sb-outline").first.bounding_box()["x"]
    full_screenshot(page, "overview_previews")
    # the map preview's link opens the map page with the view state
    settle_after(page, lambda: preview(page, "map").get_by_role("link", name="详见省份页").click())
    page.wait_for_url(re.compile(r".*/map\?doc=000_97e3ae1a0b7fde01$"))
    assert "省份提及地图" in main_text(page) and errors_on(page) == []


def test_previews_with_a_theme_filter_in_english(page, server):
    open_page(page, server, lang="en", themes="ecology")
    assert errors_on(page) == []
    assert "Theme filter: the charts count the selected themes only." in main_text(page)
    assert preview(page, "themes").locator("g.trace.bars").count() == 1  # the ecology column
    full_screenshot(page, "overview_previews_en")
    # the terms link: the same filters on the terms page (policy verbs dropped, names excluded)
    settle_after(page, lambda: preview(page, "terms").get_by_role("link", name="Open Terms").click())
    page.wait_for_url(re.compile(r".*/terms\?.*tier=policy.*"))
    assert "themes=ecology" in page.url and "lang=en" in page.url and "exclude=" in page.url
    assert errors_on(page) == []
    assert page.get_by_role("switch").first.is_checked()  # the terms page's policy-verb switch


# --- documents with headings: the title block and the heading tree, at three screen sizes ------------

from browser_helpers import SIZES  # noqa: E402
from study_docs import SPEECH_HEADINGS  # noqa: E402

@pytest.mark.parametrize("name", ["speech", "report"])
def test_heading_tree_at_every_size(page, server, genres, name):
    open_page(page, server, doc=genres[name])
    assert errors_on(page) == []
    tree = page.locator("ol.sb-tree")
    assert tree.count() == 1
    text = tree.inner_text()
    if name == "speech":
        positions = [text.index(h) for h in SPEECH_HEADINGS]
        assert positions == sorted(positions) and tree.locator(":scope > li").count() == 7
        assert "站在全局高度认识这项工作" in text
        assert "同志们：" in page.locator(".sb-title-block").inner_text()
    else:
        assert tree.locator(":scope > li").count() == 26
        assert "省长 王某某" in page.locator(".sb-title-block").inner_text()
    # a heading's link opens its first paragraph in the reader
    link = tree.locator("a.sb-para").first
    assert link.inner_text() in ("第2–5段 →", "第2–12段 →")
    for size, (width, height) in SIZES.items():
        page.set_viewport_size({"width": width, "height": height})
        wait_settled(page)
        # nothing of the outline is cut off at the right edge
        right = page.evaluate("() => Math.max(...[...document.querySelectorAll('ol.sb-tree li')]"
                              ".map(li => li.getBoundingClientRect().right))")
        assert right <= width + 1, (size, right)
        full_screenshot(page, f"overview_{name}_{size}")
