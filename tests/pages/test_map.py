"""The map page (省份) in AppTest: counts on the seed, URL state, selection,
theme filter, language, and hand-made documents (no province, cities only,
hostile markup).

Hand-checked numbers (see tests/test_place_counts.py for where they come
from): direct mentions 山西 1, 安徽 1, 江西 1, 河南 1, 湖北 1, 湖南 3 (湖南省 and
长沙市 in ¶1, 湖南省委书记 in ¶3); related layer 山西 2, 安徽 3, 江西 2, 河南 2,
湖北 2, 湖南 2; the meeting place is 长沙 (湖南省长沙市).
"""

from __future__ import annotations

import pytest

from pages_helpers import no_exceptions, plotly_specs

SHANXI, ANHUI, JIANGXI, HENAN, HUBEI, HUNAN = "140000", "340000", "360000", "410000", "420000", "430000"
DIRECT = {SHANXI: 1, ANHUI: 1, JIANGXI: 1, HENAN: 1, HUBEI: 1, HUNAN: 3}
RELATED = {SHANXI: 2, ANHUI: 3, JIANGXI: 2, HENAN: 2, HUBEI: 2, HUNAN: 2}


def map_spec(at) -> dict:
    """The map's figure: the one with choropleth traces."""
    specs = [s for s in plotly_specs(at) if any(t["type"] == "choropleth" for t in s["data"])]
    assert len(specs) == 1
    return specs[0]


def bar_spec(at) -> dict:
    specs = [s for s in plotly_specs(at) if any(t["type"] == "bar" for t in s["data"])
             or s["layout"].get("barmode") == "stack"]
    assert len(specs) == 1
    return specs[0]


def provinces(spec) -> list[dict]:
    """The choropleth traces of the provinces (not the outlines of cities)."""
    return [t for t in spec["data"] if t["type"] == "choropleth" and t.get("name") != "cities"]


def values(spec) -> dict[str, float]:
    out = {}
    for trace in provinces(spec):
        out.update(zip(trace["locations"], trace["z"]))
    return out


def labels(spec) -> str:
    return " ".join(t for trace in spec["data"] if trace.get("name") == "labels" for t in trace["text"])


def html_blocks(at) -> str:
    return "\n".join(m.value for m in at.markdown if "sb-map-list" in m.value)


def test_seed_counts_and_the_chosen_province(run_page):
    at = run_page("map", province="430000")
    no_exceptions(at)
    assert at.header[0].value == "省份提及地图"
    spec = map_spec(at)
    assert values(spec) == DIRECT
    assert spec["layout"]["title"]["text"] == "直接提及次数"
    for short in ("山西", "安徽", "江西", "河南", "湖北", "湖南"):
        assert short in labels(spec)
    star = [t for t in spec["data"] if t["type"] == "scattergeo" and t.get("marker", {}).get("symbol") == "star"]
    assert len(star) == 1 and star[0]["text"] == ["长沙"]
    assert any("会议地点：湖南省长沙市" in c.value for c in at.caption)
    # the chosen province: outlined on the map, its sentences listed with links to the reader
    assert at.session_state["map_province"] == HUNAN
    assert any(m.value == "**湖南：3 处提及，2 个句子**" for m in at.markdown)
    html = html_blocks(at)
    assert "para=1" in html and "para=3" in html and "./reader?" in html
    assert ">湖南省</mark>" in html and ">长沙市</mark>" in html and ">湖南省委书记</mark>" in html
    assert at.query_params["province"] == HUNAN
    # the bars show the same numbers
    bars = [t for t in bar_spec(at)["data"] if t["type"] == "bar"]
    assert [t["name"] for t in bars] == ["省名", "城市", "官员职务"]
    assert bars[0]["y"][0] == "湖南" and sum(t["x"][0] for t in bars) == 3
    # the table of mentions and its download
    table = at.dataframe[0].value
    assert len(table) == 8 and list(table.columns) == ["省份", "类型", "原文", "段", "句", "上下文"]
    assert at.get("download_button")


def test_province_by_name_in_the_url(run_page):
    at = run_page("map", province="河南")
    no_exceptions(at)
    assert at.session_state["map_province"] == HENAN
    assert any(m.value == "**河南：1 处提及，1 个句子**" for m in at.markdown)
    assert "para=3" in html_blocks(at)


def test_a_click_on_the_map_chooses_a_province(run_page):
    at = run_page("map")
    no_exceptions(at)
    assert at.session_state["map_province"] is None
    assert not html_blocks(at)
    at.session_state["map_chart"] = {"selection": {"points": [{"location": HENAN, "z": 1}]}}
    at.run()
    no_exceptions(at)
    assert at.session_state["map_province"] == HENAN
    assert at.query_params["province"] == HENAN
    assert any(m.value == "**河南：1 处提及，1 个句子**" for m in at.markdown)
    # the map outlines the chosen province
    spec = map_spec(at)
    trace = next(t for t in provinces(spec) if HENAN in t["locations"])
    widths = dict(zip(trace["locations"], trace["marker"]["line"]["width"]))
    assert widths[HENAN] > widths[SHANXI]


def test_a_click_on_a_bar_or_city_chooses_its_province(run_page):
    at = run_page("map")
    at.session_state["map_bars"] = {"selection": {"points": [{"customdata": ANHUI, "x": 1, "y": "安徽"}]}}
    at.run()
    no_exceptions(at)
    assert at.session_state["map_province"] == ANHUI
    assert any(m.value == "**安徽：1 处提及，1 个句子**" for m in at.markdown)


def test_english(run_page):
    at = run_page("map", lang="en", province="430000")
    no_exceptions(at)
    assert at.header[0].value == "Where the text names the provinces"
    spec = map_spec(at)
    assert values(spec) == DIRECT
    assert spec["layout"]["title"]["text"] == "Direct mentions"
    for name in ("Shanxi", "Anhui", "Jiangxi", "Henan", "Hubei", "Hunan"):
        assert name in labels(spec)
    assert any(m.value == "**Hunan: 3 mentions in 2 sentences**" for m in at.markdown)
    star = [t for t in spec["data"] if t.get("marker", {}).get("symbol") == "star"]
    assert star[0]["text"] == ["Changsha"]  # the meeting place's city in English (cities.csv, en)
    assert "Para. 1" in html_blocks(at)
    assert list(at.dataframe[0].value.columns) == ["Province", "Kind", "As written", "Paragraph", "Sentence",
                                                   "Context"]


def test_related_layer_from_the_url(run_page):
    at = run_page("map", layer="related", province="340000")
    no_exceptions(at)
    spec = map_spec(at)
    assert values(spec) == RELATED
    assert "不计入直接提及" in spec["layout"]["title"]["text"]
    positive = provinces(spec)[0]
    assert positive["colorbar"]["title"]["text"] == "区域关联（次）"
    assert any(m.value == "**安徽：3 处提及，2 个句子**" for m in at.markdown)
    assert ">长三角</mark>" in html_blocks(at)
    table = at.dataframe[0].value
    assert len(table) == 7 and set(table["类型"]) == {"区域组合"}


def test_kinds_and_measure_from_the_url(run_page):
    at = run_page("map", kinds="province", measure="rate")
    no_exceptions(at)
    spec = map_spec(at)
    counted = values(spec)
    # only 湖南省 is a province name: 湖南 counts, the other five are zero (grey)
    assert counted[HUNAN] > 0 and all(counted[a] == 0 for a in DIRECT if a != HUNAN)
    zero = next(t for t in provinces(spec) if SHANXI in t["locations"])
    assert len(zero["locations"]) == 5
    assert at.session_state["map_kinds"] == ["province"]
    assert at.session_state["map_measure"] == "rate"
    assert spec["layout"]["title"]["text"] == "直接提及（每千字）"
    # one mention per 1,000 characters of the body, as the caption states
    assert any("每千字 = 提及次数 ÷ 字数 × 1000" in c.value for c in at.caption)


def test_theme_filter_applies(run_page):
    # the two sentences with direct mentions hold 中部地区崛起 only inside names and phrases that
    # themes.toml excludes (新时代推动中部地区崛起座谈会, 就推动中部地区崛起汇报工作): under the
    # development theme no direct mention is left, and the page says so
    at = run_page("map", themes="development")
    no_exceptions(at)
    assert values(map_spec(at)) == {a: 0 for a in DIRECT}
    assert any(i.value == "在所选主题的句子中，没有直接提及地图上的省份。" for i in at.info)
    assert map_spec(at)["layout"]["title"]["text"] == "直接提及次数 · 主题：高质量发展"
    # 改革 stands in the officials' sentence only inside 发展改革委, which the
    # reform theme excludes: no direct mention is left
    at = run_page("map", themes="reform")
    assert not at.exception and not at.error
    assert values(map_spec(at)) == {a: 0 for a in DIRECT}
    # no sentence of the regional theme names a province directly: an honest empty state
    at = run_page("map", themes="regional")
    assert not at.exception and not at.error
    assert any(i.value == "在所选主题的句子中，没有直接提及地图上的省份。" for i in at.info)
    assert values(map_spec(at)) == {a: 0 for a in DIRECT}
    # ... while the groupings are all in regional sentences
    at = run_page("map", themes="regional", layer="related")
    no_exceptions(at)
    assert values(map_spec(at)) == RELATED


def test_no_kinds_chosen_gives_a_message(run_page):
    at = run_page("map")
    at.session_state["map_kinds"] = []
    at.run()
    assert not at.exception
    assert any(w.value == "请至少选择一种提及类型。" for w in at.warning)
    assert values(map_spec(at)) == {a: 0 for a in DIRECT}


def test_invalid_url_values_are_ignored(run_page):
    at = run_page("map", province="<script>", layer="nope", kinds="bogus", measure="x")
    no_exceptions(at)
    assert at.session_state["map_province"] is None
    assert at.session_state["map_layer"] == "direct"
    assert at.session_state["map_kinds"] == ["province", "city", "official"]
    assert values(map_spec(at)) == DIRECT


# --- hand-made documents -----------------------------------------------------------


@pytest.fixture
def texts(tmp_path, monkeypatch):
    """A data/texts folder of hand-made documents in place of the shipped one."""
    from studyboard import paths

    folder = tmp_path / "texts"
    folder.mkdir()
    docs = {
        "nomention": ("学习座谈会\n\n　　我们要认真学习，深入领会。\n\n　　北京和上海的代表发了言。\n", "北京"),
        "cities": ("城市座谈会\n\n　　武汉和长沙都在推进改革。\n\n　　合肥的创新成果很多。\n", "湖北省武汉市"),
        "hostile": ("长沙会议\n\n　　长沙的代表说：<script>alert(1)</script>。\n\n"
                    "　　湖南的<img src=x onerror=alert(1)>也很好。\n", ""),
    }
    for doc_id, (text, place) in docs.items():
        (folder / f"{doc_id}.txt").write_text(text, encoding="utf-8")
        (folder / f"{doc_id}.toml").write_text(f'title = "{doc_id}"\nplace = "{place}"\n', encoding="utf-8")
    monkeypatch.setattr(paths, "TEXTS", folder)
    return folder


def test_a_document_that_names_no_province(run_page, texts):
    at = run_page("map", doc="nomention")
    assert not at.exception and not at.error
    assert at.sidebar.selectbox[0].value == "nomention"
    assert any(i.value == "本文没有直接提及地图上的省份（省名、城市或官员职务）。" for i in at.info)
    spec = map_spec(at)
    assert values(spec) == {a: 0 for a in DIRECT}
    assert all(not t.get("showscale", True) for t in provinces(spec))
    assert any("会议地点：北京（不在地图范围内）" in c.value for c in at.caption)
    assert any(c.value == "当前范围内没有提及。" for c in at.caption)
    assert not at.dataframe
    at = run_page("map", doc="nomention", lang="en", layer="related")
    assert not at.exception and not at.error
    assert any(i.value == "The text names no regional grouping that includes a province on the map." for i in at.info)


def test_a_document_with_cities_only(run_page, texts):
    at = run_page("map", doc="cities", province="420000")
    no_exceptions(at)
    spec = map_spec(at)
    assert values(spec) == {SHANXI: 0, ANHUI: 1, JIANGXI: 0, HENAN: 0, HUBEI: 1, HUNAN: 1}
    markers = next(t for t in spec["data"] if t.get("name") == "被提及的城市")
    assert markers["text"] == ["长沙", "合肥"]  # 武汉 is the meeting place, marked by the star
    star = next(t for t in spec["data"] if t["type"] == "scattergeo" and t.get("marker", {}).get("symbol") == "star")
    assert star["text"] == ["武汉"]
    # the three cities' prefectures are outlined (合肥 340100, 武汉 420100, 长沙 430100)
    outlines = next(t for t in spec["data"] if t.get("name") == "cities")
    assert sorted(outlines["locations"]) == ["340100", "420100", "430100"]
    assert any(m.value == "**湖北：1 处提及，1 个句子**" for m in at.markdown)
    assert ">武汉</mark>" in html_blocks(at)
    assert any("共 22 字" in c.value for c in at.caption)


def test_hostile_text_is_shown_as_text(run_page, texts):
    at = run_page("map", doc="hostile", province="430000")
    no_exceptions(at)
    html = html_blocks(at)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html and "&lt;img src=x onerror=alert(1)&gt;" in html
    assert "<script" not in html and "<img" not in html
    hover = " ".join(h for t in provinces(map_spec(at)) for h in t["hovertext"])
    assert "<script" not in hover and "&lt;script&gt;" in hover
    assert values(map_spec(at)) == {**{a: 0 for a in DIRECT}, HUNAN: 2}


def test_the_page_is_layout_only():
    import re

    from support import ROOT

    source = (ROOT / "app_pages" / "map.py").read_text(encoding="utf-8")
    assert not re.search(r"\.groupby\(|\bre\.|^import re|jieba", source, re.M)
