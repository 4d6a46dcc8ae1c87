"""The reader page (原文) in headless Chromium: the text beside its heatmap,
a click on a cell, the filters in the URL, both languages; a structured text's
headings and contents (their jumps, parts of a long text), screenshots."""

from __future__ import annotations

import re

import pytest

from browser_helpers import (SCREENSHOTS, errors_on, full_screenshot, has_chinese, main_text, open_page,
                             settle_after, wait_settled)
from genre_cases import TEXTS

pytestmark = pytest.mark.browser

ECOLOGY = [4, 5, 8, 12, 13]  # paragraphs with an ecology keyword, read off the text (9's 社会生态, 6's
# 黄河流域生态保护和高质量发展 and 10's 绿色农产品 are exclusions of themes.toml)


def shown(page) -> list[int]:
    """Paragraphs of the text that are neither dimmed nor hidden."""
    blocks = page.locator(".sb-para[id]:not(.sb-dim)")
    return [int(blocks.nth(i).get_attribute("data-paragraph")) for i in range(blocks.count())]


def cell(page, theme_index: int, paragraph: int):
    """The heatmap's bar for (paragraph, theme): one trace per theme, one bar per paragraph."""
    chart = page.locator('.st-key-reader_grid_box [data-testid="stPlotlyChart"]')
    return chart.locator("g.trace.bars").nth(theme_index).locator("g.point").nth(paragraph - 1)


def test_reader_loads_in_chinese_with_its_heatmap(page, server):
    open_page(page, server, "reader")
    assert errors_on(page) == []
    text = main_text(page)
    assert has_chinese(text) and "在更高起点上扎实推动中部地区崛起" in text
    assert page.locator('.st-key-reader_grid_box [data-testid="stPlotlyChart"] .main-svg').count() >= 1
    assert page.locator(".sb-para[id]").count() == 14
    # the glossary marks terms with a tooltip: pinyin, English, explanation
    term = page.locator(".sb-term", has_text="新质生产力").first
    assert term.get_attribute("title").startswith("新质生产力 · xīn zhì shēngchǎnlì\n英译：new quality productive forces")


def test_theme_filter_from_the_url_highlights_and_dims(page, server):
    open_page(page, server, "reader", themes="ecology")
    assert errors_on(page) == []
    assert shown(page) == ECOLOGY
    first = page.locator("#p8 .sb-sent").first
    assert first.get_attribute("data-themes") == "ecology"
    assert first.get_attribute("title") == "绿色发展：生态环境、绿色低碳、美丽中部"
    # the highlight is the theme's green, tinted (#B8E4D8)
    assert first.evaluate("e => getComputedStyle(e).backgroundColor") == "rgb(184, 228, 216)"
    assert page.locator("#p7 .sb-sent[data-themes]").count() == 0
    full_screenshot(page, "reader_zh_ecology")


def test_clicking_a_heatmap_cell_selects_the_paragraph(page, server):
    open_page(page, server, "reader")
    box = cell(page, 3, 8).bounding_box()  # ecology is the lexicon's fourth theme
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    page.mouse.move(x, y)
    page.wait_for_selector(".hoverlayer .hovertext")
    hover = page.locator(".hoverlayer").text_content()
    assert "第 8 段" in hover and "绿色发展" in hover and "关键词：生态环境" in hover
    settle_after(page, lambda: page.mouse.click(x, y))
    page.wait_for_url(re.compile(r".*para=8.*"))
    assert "themes=ecology" in page.url
    assert errors_on(page) == []
    assert "已选第 8 段" in page.locator(".sb-pinned-label").inner_text()
    selected = page.locator(".sb-para.sb-selected")
    assert selected.count() == 2  # the copy on top and the paragraph in the text
    assert "习近平指出，要协同推进生态环境保护" in selected.first.inner_text()
    assert page.locator("#p8.sb-selected .sb-sent[data-themes~=ecology]").count() == 4
    assert shown(page) == ECOLOGY
    # the pinned copy is at the top of the text column, above paragraph 1
    assert selected.first.bounding_box()["y"] < page.locator("#p1").bounding_box()["y"]
    full_screenshot(page, "reader_zh_selected")
    # the browser's back button returns to the view before the click
    settle_after(page, page.go_back)  # no reload: the app reruns with the older address
    page.wait_for_function("() => !location.search.includes('para=')")
    assert page.locator(".sb-pinned-label").count() == 0
    assert shown(page) == list(range(1, 15))


def test_search_and_speaker_from_the_url(page, server):
    open_page(page, server, "reader", search="粮食", speaker="习近平", hide="1")
    assert errors_on(page) == []
    assert shown(page) == [1, 10]  # 粮食 in 1, 10, 13; 13 is 丁薛祥's
    assert page.locator(".sb-hit").count() == 4
    assert "“粮食”：5 处（其中 1 处在更长的提法中），在 3 段中" in page.locator(".sb-status").inner_text()


def test_english_switch(page, server):
    open_page(page, server, "reader", themes="ecology,security")
    settle_after(page, lambda: page.get_by_role("radio", name="English").click())
    page.wait_for_url("**lang=en**")
    page.wait_for_selector("text=Search the text")
    assert errors_on(page) == []
    text = main_text(page)
    assert "Theme density by paragraph" in page.locator('[data-testid="stPlotlyChart"]').first.inner_text()
    assert "Paragraphs that match: 7 of 14" in text  # ecology or security: 1, 4, 5, 8, 10, 12, 13
    assert page.locator("#p13 .sb-speaker").inner_text() == "Ding Xuexiang"
    full_screenshot(page, "reader_en")


def test_narrow_screen_stacks_the_heatmap_under_the_text(page, server):
    page.set_viewport_size({"width": 600, "height": 1000})
    open_page(page, server, "reader")
    assert errors_on(page) == []
    grid = page.locator(".st-key-reader_grid_box").bounding_box()
    text = page.locator("#p1").bounding_box()
    assert grid["y"] > text["y"] + text["height"]


def test_the_speaker_survives_a_language_switch(page, server):
    open_page(page, server, "reader", speaker="丁薛祥")
    assert shown(page) == [13]
    settle_after(page, lambda: page.get_by_role("radio", name="English").click())
    page.wait_for_url("**lang=en**")
    page.wait_for_selector("text=Search the text")
    speaker = page.locator('[data-testid="stMain"] [data-testid="stSelectbox"]').first
    shown_value = speaker.locator("input, [data-baseweb=select]").first.evaluate("e => e.value || e.innerText")
    assert "Ding Xuexiang (5 sentences)" in shown_value
    assert "speaker=" in page.url and shown(page) == [13]


def test_the_jump_link_scrolls_to_the_paragraph(page, server):
    open_page(page, server, "reader", para="8", themes="ecology")
    assert page.locator("#p8").bounding_box()["y"] > 1080  # below the fold at first
    page.locator(".sb-pinned-label a").click()
    page.wait_for_function("() => { const r = document.querySelector('#p8').getBoundingClientRect();"
                           " return r.top >= 0 && r.top < 300; }")
    assert errors_on(page) == []


# --- a structured text (tests/texts): headings, the contents and their jumps, parts ------------------

#: The sizes the reader is looked at: a projector, a laptop, a phone.
SIZES = [(1920, 1080), (1280, 720), (390, 844)]


@pytest.fixture(scope="module")
def genre_ids():
    """Library ids of the speech, the report and the long report (added to the session's library,
    which the server reads)."""
    from studyboard import lexicon as lexicon_module
    from studyboard.dataset import catalog

    lex = lexicon_module.load()
    ids = {}
    for name in ("speech", "report", "long_report"):
        draft = catalog.prepare_text((TEXTS / f"{name}.txt").read_text(encoding="utf-8"), lex)
        entry = draft.duplicate_of or catalog.add(draft, draft.guess.meta())
        ids[name] = entry.id
    return ids


#: Whether an element has stopped moving (two frames at the same place) and is in the window.
_STILL = """element => new Promise(done => {
  const before = element.getBoundingClientRect().top;
  requestAnimationFrame(() => requestAnimationFrame(() => {
    const after = element.getBoundingClientRect().top;
    done(before === after && after >= 0 && after < window.innerHeight);
  }));
})"""


def click_still(page, link) -> None:
    """Click a link once it is in view and still: an expander opens with an animation and the page
    scrolls smoothly to the link; a click on a moving link only focuses it."""
    link.scroll_into_view_if_needed()
    page.wait_for_function(_STILL, arg=link.element_handle())
    link.click()


def top_of(page, selector: str) -> float:
    return page.evaluate(f"() => document.querySelector('{selector}').getBoundingClientRect().top")


def test_a_speech_shows_its_headings_and_the_contents_jump(page, server, genre_ids):
    open_page(page, server, "reader", doc=genre_ids["speech"])
    assert errors_on(page) == []
    headings = page.locator(".sb-h")
    assert headings.count() == 7
    assert headings.nth(2).inner_text() == "三、扎实抓好推动中部地区崛起的重点工作"
    assert headings.nth(3).inner_text() == "（一）以科技创新引领产业创新"
    # set larger than the text, the top level larger than the second
    size = "e => parseFloat(getComputedStyle(e).fontSize)"
    body = page.locator("#p9 .sb-text").evaluate(size)
    assert headings.nth(2).evaluate(size) > headings.nth(3).evaluate(size) > body
    assert headings.nth(2).is_visible()
    # the contents beside the text: 四、 is below the fold until its entry is clicked
    toc = page.locator(".st-key-reader_toc_side .sb-toc")
    assert toc.is_visible() and not page.locator(".st-key-reader_toc_top").is_visible()
    assert toc.locator("li").count() == 7
    assert top_of(page, "#s7") > 1080
    click_still(page, toc.locator('a[href="#s7"]'))
    page.wait_for_function("() => { const r = document.querySelector('#s7').getBoundingClientRect();"
                           " return r.top >= 0 && r.top < 300; }")
    assert "s7" in page.url and errors_on(page) == []
    # each entry carries the swatches of its themes with most hits: 四、 development, party, rural
    swatches = toc.locator('li[data-section="7"] .sb-swatch')
    assert [swatches.nth(i).get_attribute("data-theme") for i in range(swatches.count())] == [
        "development", "party", "rural"]


def test_a_run_in_heading_is_bold_and_its_entry_jumps(page, server, genre_ids):
    open_page(page, server, "reader", doc=genre_ids["report"])
    assert errors_on(page) == []
    run_in = page.locator("#p27 .sb-runin")  # （六）全面推进乡村振兴。 opens ¶27 (report.txt line 34)
    assert run_in.inner_text() == "（六）全面推进乡村振兴。"
    assert int(run_in.evaluate("e => getComputedStyle(e).fontWeight")) >= 700
    click_still(page, page.locator('.st-key-reader_toc_side a[href="#s19"]'))
    page.wait_for_function("() => { const r = document.querySelector('#s19').getBoundingClientRect();"
                           " return r.top >= 0 && r.top < 300; }")


def test_a_phone_has_the_contents_above_the_text(page, server, genre_ids):
    page.set_viewport_size({"width": 390, "height": 844})
    open_page(page, server, "reader", doc=genre_ids["speech"])
    assert errors_on(page) == []
    assert not page.locator(".st-key-reader_toc_side").is_visible()
    top = page.locator(".st-key-reader_toc_top")
    assert top.is_visible() and top.bounding_box()["y"] < page.locator("#p1").bounding_box()["y"]
    top.locator("summary").click()
    click_still(page, top.locator('a[href="#s6"]'))
    page.wait_for_function("() => { const r = document.querySelector('#s6').getBoundingClientRect();"
                           " return r.top >= 0 && r.top < 300; }")


def test_a_long_report_opens_another_part_from_its_contents(page, server, genre_ids):
    open_page(page, server, "reader", doc=genre_ids["long_report"], section="11")
    assert errors_on(page) == []
    assert page.locator(".sb-para[id]").count() == 18  # 三、: ¶31–48
    link = page.locator('.st-key-reader_toc_side li[data-section="35"] a')  # 六、, another part
    assert link.get_attribute("target") == "_self"
    click_still(page, link)
    page.wait_for_url(re.compile(r".*section=35.*"))
    wait_settled(page)
    assert errors_on(page) == []
    shown = page.locator(".sb-para[id]")
    assert shown.count() == 18 and shown.first.get_attribute("data-paragraph") == "80"  # 六、: ¶80–97
    assert page.locator("#s35").inner_text() == "六、推进高水平对外开放，加快建设内陆开放高地"


def test_screenshots_of_the_speech_and_the_report(page, server, genre_ids):
    """The reader of the speech and the report at each size, as the user first sees it (looked at by hand)."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for name in ("speech", "report"):
        for width, height in SIZES:
            page.set_viewport_size({"width": width, "height": height})
            open_page(page, server, "reader", doc=genre_ids[name])
            assert errors_on(page) == []
            page.screenshot(path=str(SCREENSHOTS / f"reader_{name}_{width}x{height}.png"))
