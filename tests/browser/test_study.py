"""The presenter view in Chromium: the slide, navigation, dark mode, QR code, a fresh server's deep link."""

from __future__ import annotations

import pytest

from browser_helpers import (SCREENSHOTS, errors_on, full_screenshot, has_chinese, main_text, open_page, plot_count,
                             settle_after)

pytestmark = pytest.mark.browser


def slide_text(page) -> str:
    return page.locator("section.sb-slide").inner_text()


def test_presenter_shows_the_slide_with_a_collapsed_sidebar(page, server):
    open_page(page, server, "study", slide="5")  # after the four items of paragraphs 1 and 4
    assert errors_on(page) == []
    text = slide_text(page)
    assert text.startswith("任务1 · 科技创新 · 第5段") and "要以科技创新引领产业创新，积极培育和发展新质生产力。" in text
    assert has_chinese(main_text(page)) and "5 / 15" in main_text(page)
    assert plot_count(page) >= 1  # the theme bar is drawn
    assert page.locator('[data-testid="stExpandSidebarButton"]').is_visible()  # sidebar collapsed
    # the thesis is set large enough for the back of a room
    size = page.evaluate("parseFloat(getComputedStyle(document.querySelector('.sb-thesis')).fontSize)")
    assert size >= 48
    full_screenshot(page, "study")


def test_english_switch_in_the_sidebar(page, server):
    open_page(page, server, "study", slide="6")
    page.locator('[data-testid="stExpandSidebarButton"]').click()  # no rerun: the browser alone
    settle_after(page, lambda: page.get_by_role("radio", name="English").click())
    page.wait_for_url("**lang=en**")
    assert slide_text(page).startswith("Task 2 · ") and "slide=6" in page.url
    assert errors_on(page) == []


def test_dark_mode_in_english(page, server):
    open_page(page, server, "study", slide="10", lang="en", dark="1", size="l")
    assert errors_on(page) == []
    background = page.evaluate("getComputedStyle(document.querySelector('[data-testid=stApp]')).backgroundColor")
    assert background == "rgb(17, 20, 24)"
    assert slide_text(page).startswith("Task 6 · ")
    # the key terms' English on the slide itself: the glossary's rendering, or the pinyin
    chips = page.locator(".sb-chip .sb-en")
    assert chips.count() == 6 and chips.nth(0).is_visible()
    full_screenshot(page, "study_dark_en")


def test_next_button_and_arrow_key(page, server):
    open_page(page, server, "study", slide="5")
    settle_after(page, lambda: page.get_by_role("button", name="下一页").click())
    page.wait_for_url("**slide=6**")
    assert "加强与其他重大发展战略的衔接" in slide_text(page)
    settle_after(page, lambda: page.keyboard.press("ArrowRight"))
    page.wait_for_url("**slide=7**")
    assert "统筹推进深层次改革和高水平开放" in slide_text(page)
    settle_after(page, lambda: page.keyboard.press("ArrowLeft"))
    page.wait_for_url("**slide=6**")


def sidebar_deltas(frames) -> int:
    """How many of the server's messages ``frames`` draw into the sidebar (delta paths starting with 1)."""
    from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

    count = 0
    for payload in frames:
        message = ForwardMsg()
        message.ParseFromString(payload if isinstance(payload, bytes) else payload.encode())
        if message.WhichOneof("type") == "delta" and list(message.metadata.delta_path)[:1] == [1]:
            count += 1
    return count


def test_a_step_reruns_the_slide_area_alone(page, server):
    """A step sends the slide area only, nothing into the sidebar; the counter and the URL follow it,
    and a language switch in the sidebar afterwards (a run of the whole app) keeps the slide."""
    frames = []
    page.on("websocket", lambda ws: ws.on("framereceived", lambda payload: frames.append(payload)))
    open_page(page, server, "study", slide="5")
    assert sidebar_deltas(frames) > 0  # the first run draws the sidebar
    frames.clear()
    settle_after(page, lambda: page.get_by_role("button", name="下一页").click())
    page.wait_for_url("**slide=6**")
    assert "6 / 15" in main_text(page) and "加强与其他重大发展战略的衔接" in slide_text(page)
    assert frames and sidebar_deltas(frames) == 0
    page.locator('[data-testid="stExpandSidebarButton"]').click()
    settle_after(page, lambda: page.get_by_role("radio", name="English").click())
    page.wait_for_url("**lang=en**")
    assert slide_text(page).startswith("Task 2 · ") and "slide=6" in page.url and "6 / 15" in main_text(page)
    assert errors_on(page) == []


def test_theme_filter_from_the_url(page, server):
    open_page(page, server, "study", themes="innovation,security", mode="all")
    assert "1 / 3" in main_text(page) and slide_text(page).startswith("总体判断")
    assert errors_on(page) == []


def test_qr_code(page, server):
    open_page(page, server, "study", slide="5")
    page.get_by_role("button", name="二维码").click()  # a popover: no rerun
    qr = page.locator(".sb-qr svg")
    qr.wait_for()
    box = qr.bounding_box()
    assert box["width"] >= 200 and abs(box["width"] - box["height"]) < 2
    assert "slide=5" in page.locator('[data-testid="stCode"]').inner_text()
    assert "只在本机有效" in page.locator('[data-testid="stPopoverBody"]').inner_text()
    page.screenshot(path=str(SCREENSHOTS / "study_qr.png"))


def test_a_fresh_server_opens_a_slide_from_its_address(page, fresh_server):
    """Resuming from a bookmark right after starting the board: the first request is /study?slide=6."""
    open_page(page, fresh_server, "study", slide="6")
    page.locator("section.sb-slide").wait_for()
    assert "加强与其他重大发展战略的衔接" in slide_text(page)


# --- documents with headings: one slide per heading, at three screen sizes ---------------------------

from browser_helpers import wait_settled  # noqa: E402
from browser_helpers import SIZES  # noqa: E402
from study_docs import SPEECH_HEADINGS  # noqa: E402

def test_speech_slides_follow_its_headings(page, server, genres):
    open_page(page, server, "study", doc=genres["speech"])
    assert errors_on(page) == []
    assert slide_text(page).startswith("第2–5段") or "第2–5段" in slide_text(page)
    for number, heading in enumerate(SPEECH_HEADINGS, 1):
        assert heading in page.locator(".sb-thesis").inner_text().replace("\n", ""), number
        assert f"{number} / 7" in page.locator(".sb-counter").inner_text()
        if number < 7:
            settle_after(page, lambda: page.get_by_role("button", name="下一页").click())
            page.wait_for_url(f"**slide={number + 1}**")
    assert errors_on(page) == []


@pytest.mark.parametrize("name, slide", [("speech", "4"), ("report", "13")])
def test_heading_slides_at_every_size(page, server, genres, name, slide):
    open_page(page, server, "study", doc=genres[name], slide=slide)
    assert errors_on(page) == []
    assert plot_count(page) >= 1  # the part's theme bar
    for size, (width, height) in SIZES.items():
        page.set_viewport_size({"width": width, "height": height})
        wait_settled(page)
        right = page.evaluate("() => document.querySelector('section.sb-slide').getBoundingClientRect().right")
        assert right <= width + 1, (size, right)
        if size != "phone":  # a projector's or a laptop's screen: the whole slide on it
            page.wait_for_function("() => !!window.__sbPresent && window.__sbPresent.fitted()")
            assert page.evaluate(_OVERFLOW) == [], size
        full_screenshot(page, f"study_{name}_{size}")


# --- the slide fits the screen: every slide, every type size, a projector's and a laptop's screen ------

#: Screens a slide must fit (a phone scrolls instead): 1280×720 is a common projector resolution.
FIT_SCREENS = {"1280": (1280, 720), "1920": (1920, 1080)}

_OVERFLOW = """() => {
  // the boxes of the slide and of everything in it, against the window (the page scrolled to its start)
  const slide = document.querySelector('section.sb-slide');
  const out = [];
  for (const el of [slide, ...slide.querySelectorAll('*')]) {
    const box = el.getBoundingClientRect();
    if (box.width === 0 && box.height === 0) continue;
    if (box.bottom > innerHeight + 0.5 || box.right > innerWidth + 0.5 || box.left < -0.5 || box.top < -0.5)
      out.push(`${el.tagName}.${el.className} ${Math.round(box.left)},${Math.round(box.top)}–${Math.round(box.right)},${Math.round(box.bottom)}`);
  }
  return out;
}"""
FITTED = "() => !!window.__sbPresent && window.__sbPresent.fitted()"


def wait_fitted(page) -> None:
    wait_settled(page)
    page.wait_for_function(FITTED)


def test_every_slide_fits_the_screen_at_every_size(page, server):
    """The seed's fifteen slides at the four type sizes on 1280×720 and 1920×1080: nothing on the slide runs
    past the window; screenshots of each in artifacts/screenshots/study_fit/."""
    folder = SCREENSHOTS / "study_fit"
    folder.mkdir(parents=True, exist_ok=True)
    fits: dict[tuple, float] = {}
    for size in ("s", "m", "l", "xl"):  # a rerun for each slide at each size; the screens need none
        page.set_viewport_size({"width": 1280, "height": 720})
        open_page(page, server, "study", slide="1", size=size)
        for number in range(1, 16):
            if number > 1:
                settle_after(page, lambda: page.keyboard.press("ArrowRight"))
                page.wait_for_url(f"**slide={number}**")
            for screen, (width, height) in FIT_SCREENS.items():
                page.set_viewport_size({"width": width, "height": height})
                wait_fitted(page)
                assert page.evaluate(_OVERFLOW) == [], (size, number, screen)
                fits[size, number, screen] = float(page.evaluate(
                    "document.querySelector('section.sb-slide').dataset.sbFitted"))
                page.screenshot(path=str(folder / f"slide{number:02d}_{size}_{screen}.png"))
    assert errors_on(page) == []
    # the type size is a preference: larger sizes set larger type until the screen is full
    thesis = {}
    for size in ("s", "xl"):
        open_page(page, server, "study", slide="5", size=size)
        wait_fitted(page)
        thesis[size] = page.evaluate("parseFloat(getComputedStyle(document.querySelector('.sb-thesis')).fontSize)")
    assert thesis["xl"] > thesis["s"]
    # the short slides are not shrunk at the smallest size on the larger screen
    assert fits["s", 5, "1920"] == 1.0


def test_full_screen_key_hides_the_toolbar(page, server):
    open_page(page, server, "study", slide="5", size="xl")
    page.set_viewport_size({"width": 1280, "height": 720})
    wait_fitted(page)
    toolbar = page.locator(".st-key-study_toolbar")
    assert toolbar.evaluate("el => getComputedStyle(el).opacity") == "1"
    page.mouse.click(640, 700)  # the page has the focus, the pointer is away from the top edge
    page.keyboard.press("f")
    page.wait_for_function("() => !!document.fullscreenElement")
    page.wait_for_function("() => getComputedStyle(document.querySelector('.st-key-study_toolbar')).opacity === '0'")
    wait_fitted(page)
    assert page.evaluate(_OVERFLOW) == []
    page.mouse.move(640, 10)  # the top edge: the toolbar shows again
    page.wait_for_function("() => getComputedStyle(document.querySelector('.st-key-study_toolbar')).opacity === '1'")
    page.keyboard.press("f")
    page.wait_for_function("() => !document.fullscreenElement")


def test_phone_layout(page, server):
    """The presenter view on a phone (390×844): two short rows of controls, the slide in reading sizes
    (the page scrolls); the reader's heatmap heads apart."""
    page.set_viewport_size({"width": 390, "height": 844})
    open_page(page, server, "study", slide="5", size="xl")
    page.wait_for_function(FITTED)
    toolbar = page.locator(".st-key-study_toolbar").bounding_box()
    assert toolbar["y"] + toolbar["height"] < 844 / 3  # it filled the first screen
    assert page.locator(".st-key-next").bounding_box()["y"] < toolbar["y"] + 60  # beside the counter
    thesis = page.evaluate("""() => { const t = document.querySelector('.sb-thesis');
      return [t.clientWidth, parseFloat(getComputedStyle(t).fontSize)]; }""")
    assert thesis[0] / thesis[1] >= 8, thesis  # characters a line (4 or 5 before)
    right = page.evaluate("() => document.querySelector('section.sb-slide').getBoundingClientRect().right")
    assert right <= 390
    full_screenshot(page, "study_phone_xl")
    open_page(page, server, "study", slide="14", lang="en")
    full_screenshot(page, "study_phone_en")
    open_page(page, server, "reader")
    # the column heads' lines (a head of one line is its text element): none runs into another on its row
    lines = page.evaluate("""() => [...document.querySelectorAll('[data-testid=stPlotlyChart] .xtick text')]
      .flatMap(t => t.querySelectorAll('tspan.line').length ? [...t.querySelectorAll('tspan.line')] : [t])
      .map(e => e.getBoundingClientRect()).map(b => [b.left, b.right, b.top, b.bottom])""")
    assert len(lines) >= 8
    for i, (left, right, top, bottom) in enumerate(lines):
        for left2, right2, top2, bottom2 in lines[i + 1:]:
            if top < bottom2 - 1 and top2 < bottom - 1:  # the same row
                assert right <= left2 + 0.5 or right2 <= left + 0.5, (left, right, left2, right2)
    full_screenshot(page, "reader_phone")
