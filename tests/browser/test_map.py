"""The map page in headless Chromium: the six provinces really drawn (SVG
paths of a sane size, filled), labelled in Chinese, English on switch, the
theme filter from the URL, a click that chooses a province, a first visit on
a fresh server, and nothing fetched from outside (the page fixture fails the
test on any foreign request).

Shapes are checked in the browser because AppTest renders nothing: a map
whose base layer could not be fetched draws no province paths at all, and
GeoJSON rings wound the wrong way for d3 draw each province as the whole
frame; both fail here.
"""

from __future__ import annotations

from urllib.parse import urlencode

import pytest

from browser_helpers import errors_on, full_screenshot, has_chinese, main_text, settle_after, wait_settled

pytestmark = pytest.mark.browser

PROVINCES = {"140000": ("山西", "Shanxi"), "340000": ("安徽", "Anhui"), "360000": ("江西", "Jiangxi"),
             "410000": ("河南", "Henan"), "420000": ("湖北", "Hubei"), "430000": ("湖南", "Hunan")}
ZERO_FILL = "rgb(217, 217, 217)"  # placeviews.ZERO_FILL, #D9D9D9

_SHAPES = """() => {
  const chart = document.querySelector('.st-key-map_chart');
  if (!chart) return null;
  const svg = chart.querySelector('.main-svg');
  const frame = svg.getBoundingClientRect();
  return {
    frame: {w: frame.width, h: frame.height},
    shapes: Array.from(chart.querySelectorAll('path.choroplethlocation')).map(p => {
      const b = p.getBoundingClientRect();
      return {loc: p.__data__ ? String(p.__data__.loc) : null, w: b.width, h: b.height,
              x: b.x, y: b.y, fill: getComputedStyle(p).fill};
    }),
    texts: Array.from(chart.querySelectorAll('text')).map(t => t.textContent),
  };
}"""


def open_map(page, base: str, **params) -> dict:
    """Open the map page and wait until its chart is drawn; returns what it drew.

    The first visit of a server parses the seed and goes through
    dashboard.py twice (see app.view()); on a busy machine that takes longer
    than open_page's wait, so this waits for the chart itself.
    """
    query = urlencode(params)
    page.goto(f"{base}/map" + (f"?{query}" if query else ""), wait_until="domcontentloaded")
    page.wait_for_selector(".st-key-map_chart .main-svg", timeout=180_000)
    wait_settled(page)
    return page.evaluate(_SHAPES)


def assert_six_provinces(drawn: dict) -> dict[str, dict]:
    """Six province shapes, each of a sane size inside the frame and filled."""
    provinces = [s for s in drawn["shapes"] if s["loc"] in PROVINCES]
    shapes = {s["loc"]: s for s in provinces}
    assert len(provinces) == 6, f"{len(provinces)} province shapes drawn"
    assert set(shapes) == set(PROVINCES)
    for code, shape in shapes.items():
        # a province is a fraction of the frame: neither missing nor the whole frame
        assert 30 < shape["w"] < 0.6 * drawn["frame"]["w"], (code, shape)
        assert 30 < shape["h"] < 0.6 * drawn["frame"]["h"], (code, shape)
        assert shape["fill"] not in ("none", "rgba(0, 0, 0, 0)", "rgb(255, 255, 255)"), (code, shape)
    return shapes


def test_map_draws_the_six_provinces_in_chinese(page, server):
    drawn = open_map(page, server, province="430000")
    assert errors_on(page) == []
    shapes = assert_six_provinces(drawn)
    # 湖南 (3 mentions) is darker than 山西 (1 mention): different fills
    assert shapes["430000"]["fill"] != shapes["140000"]["fill"]
    labels = " ".join(drawn["texts"])
    for zh, _en in PROVINCES.values():
        assert zh in labels
    assert "湖南3" in drawn["texts"] and "山西1" in drawn["texts"] and "长沙" in drawn["texts"]
    # the meeting place's city (长沙市, 430100) is outlined, inside 湖南
    changsha = [s for s in drawn["shapes"] if s["loc"] == "430100"]
    assert len(changsha) == 1 and changsha[0]["fill"] in ("none", "rgba(0, 0, 0, 0)")
    hunan = shapes["430000"]
    assert hunan["x"] <= changsha[0]["x"] and changsha[0]["x"] + changsha[0]["w"] <= hunan["x"] + hunan["w"] + 1
    text = main_text(page)
    assert has_chinese(text) and "湖南：3 处提及，2 个句子" in text
    links = page.locator(".sb-map-list a")
    assert links.count() == 2
    assert "reader?" in links.first.get_attribute("href") and "para=1" in links.first.get_attribute("href")
    full_screenshot(page, "map")


def test_english_switch(page, server):
    open_map(page, server, province="430000")
    settle_after(page, lambda: page.get_by_role("radio", name="English").click())
    page.wait_for_url("**lang=en**")
    page.wait_for_selector("text=Where the text names the provinces")
    wait_settled(page)
    drawn = page.evaluate(_SHAPES)
    assert_six_provinces(drawn)
    for _zh, en in PROVINCES.values():
        assert any(t.startswith(en) for t in drawn["texts"]), en
    assert "Direct mentions" in drawn["texts"]
    assert "Changsha" in drawn["texts"] and "长沙" not in drawn["texts"]  # the meeting place, in English
    assert "Hunan: 3 mentions in 2 sentences" in main_text(page)
    assert errors_on(page) == []
    full_screenshot(page, "map_en")


def test_related_layer_in_english(page, server):
    drawn = open_map(page, server, layer="related", lang="en", province="340000")
    assert_six_provinces(drawn)
    assert "Anhui3" in drawn["texts"] and "Hunan2" in drawn["texts"]
    assert "Anhui: 3 mentions in 2 sentences" in main_text(page)
    full_screenshot(page, "map_related_en")


def test_theme_filter_from_the_url(page, server):
    # no sentence of the regional theme names a province directly
    drawn = open_map(page, server, themes="regional")
    assert errors_on(page) == []
    shapes = assert_six_provinces(drawn)
    assert {s["fill"] for s in shapes.values()} == {ZERO_FILL}
    assert "湖南0" in drawn["texts"]
    assert "在所选主题的句子中，没有直接提及地图上的省份。" in main_text(page)
    full_screenshot(page, "map_theme")
    # the groupings are all in regional sentences: the related layer keeps its counts
    drawn = open_map(page, server, themes="regional", layer="related")
    assert "安徽3" in drawn["texts"] and "山西2" in drawn["texts"]


def test_a_click_chooses_a_province(page, server):
    drawn = open_map(page, server)
    assert "点击地图上的省份" in main_text(page)
    henan = {s["loc"]: s for s in drawn["shapes"]}["410000"]
    # away from the label in the middle
    settle_after(page, lambda: page.mouse.click(henan["x"] + henan["w"] * 0.3, henan["y"] + henan["h"] * 0.75))
    page.wait_for_url("**province=410000**")
    page.wait_for_selector("text=河南：1 处提及，1 个句子")
    wait_settled(page)
    link = page.locator(".sb-map-list a")
    assert link.count() == 1 and "para=3" in link.first.get_attribute("href")
    assert errors_on(page) == []
    # the chosen province is outlined on the redrawn map
    assert_six_provinces(page.evaluate(_SHAPES))


def test_first_visit_of_a_fresh_server_is_the_map(page, fresh_server):
    drawn = open_map(page, fresh_server, province="430000")
    assert_six_provinces(drawn)
    assert "湖南：3 处提及，2 个句子" in main_text(page)
    assert "province=430000" in page.url
