"""The province map's views (studyboard.views.placeviews, studyboard.views.geo): names in
the UI language, captions, geometry, figures, selection, the sentences list, the table.

Expected values come from reading the seed report: the hand-read mentions of
every sentence (direct counts 山西 1, 安徽 1, 江西 1, 河南 1, 湖北 1, 湖南 3; related
counts 山西 2, 安徽 3, 江西 2, 河南 2, 湖北 2, 湖南 2; which sentences hold which theme
hits; the meeting place 湖南省长沙市) are written out once, in the docstring of
tests/test_place_counts.py, which tests the counts themselves; this file tests
how the views show them.
"""

from __future__ import annotations

import json

import pandas as pd
import pytest

from studyboard.analysis import places
from studyboard.dataset import tables as dataset
from studyboard.ingest import document
from studyboard.views import charts, downloads, geo
from studyboard.views import placeviews as pv

SHANXI, ANHUI, JIANGXI, HENAN, HUBEI, HUNAN = "140000", "340000", "360000", "410000", "420000", "430000"
DIRECT = {SHANXI: 1, ANHUI: 1, JIANGXI: 1, HENAN: 1, HUBEI: 1, HUNAN: 3}
RELATED = {SHANXI: 2, ANHUI: 3, JIANGXI: 2, HENAN: 2, HUBEI: 2, HUNAN: 2}
CHANGSHA, WUHAN, HEFEI = "430100", "420100", "340100"

OFFICIALS = ("座谈会上，国家发展改革委主任郑栅洁、山西省委书记唐登杰、安徽省委书记韩俊、江西省委书记尹弘、河南省委书记"
             "楼阳生、湖北省委书记王蒙徽、湖南省委书记沈晓明先后发言，就推动中部地区崛起汇报工作情况、提出意见建议。")


def build(lexicon, text: str, place: str = "", doc_id: str = "handmade"):
    return dataset.build(document.Document(id=doc_id, text=text, place=place), lexicon)


@pytest.fixture(scope="module")
def cities_only(lexicon):
    # 武汉和长沙都在推进改革。 (12 characters) 合肥的创新成果很多。 (10 characters)
    return build(lexicon, "城市座谈会\n\n　　武汉和长沙都在推进改革。\n\n　　合肥的创新成果很多。\n", place="湖北省武汉市")


@pytest.fixture(scope="module")
def no_province(lexicon):
    return build(lexicon, "学习座谈会\n\n　　我们要认真学习，深入领会。\n\n　　北京和上海的代表发了言。\n", place="北京")


@pytest.fixture(scope="module")
def hostile(lexicon):
    return build(lexicon, "长沙会议\n\n　　长沙的代表说：<script>alert(1)</script>。\n\n"
                          "　　湖南的<img src=x onerror=alert(1)>也很好。\n")


def counts_of(frame: pd.DataFrame, column: str = "count") -> dict[str, float]:
    return dict(zip(frame["adcode"], frame[column]))


# --- geometry against the gazetteer ---------------------------------------------


def test_geojson_holds_the_gazetteers_six_provinces(lexicon):
    shapes = geo.province_shapes(lexicon)
    assert sorted(shapes) == sorted(p.adcode for p in lexicon.provinces)
    assert len(shapes) == 6
    for p in lexicon.provinces:
        feature = shapes[p.adcode]
        assert feature["properties"]["name"] == p.name
        assert feature["properties"]["short"] == p.short
        geom = feature["geometry"]
        assert geom["type"] in ("Polygon", "MultiPolygon")
        assert geo.polygons(geom)
        for polygon in geo.polygons(geom):
            for ring in polygon:
                assert len(ring) >= 4 and ring[0] == ring[-1]
                assert abs(geo.ring_area(ring)) > 0
        # a province covers more than a square degree (安徽, the smallest, about 14)
        assert sum(abs(geo.ring_area(poly[0])) for poly in geo.polygons(geom)) > 10


def test_rings_are_wound_for_drawing_without_touching_the_source(lexicon):
    source = geo.geometry("province")
    before = json.dumps(source)
    drawn = geo.for_drawing(source)
    assert json.dumps(source) == before
    for feature in drawn["features"]:
        for polygon in geo.polygons(feature["geometry"]):
            assert geo.ring_area(polygon[0]) < 0  # exterior clockwise
            assert all(geo.ring_area(hole) > 0 for hole in polygon[1:])
    # the shipped file follows RFC 7946 (counter-clockwise exteriors)
    assert all(geo.ring_area(geo.polygons(f["geometry"])[0][0]) > 0 for f in source["features"])


def _inside(x, y, geom) -> bool:
    result = False
    for polygon in geo.polygons(geom):
        for ring in polygon:
            for (x0, y0), (x1, y1) in zip(ring, ring[1:]):
                if (y0 > y) != (y1 > y) and x < x0 + (y - y0) * (x1 - x0) / (y1 - y0):
                    result = not result
    return result


def test_label_points_fall_inside_their_province(lexicon):
    for adcode, feature in geo.province_shapes(lexicon).items():
        x, y = geo.label_point(feature["geometry"])
        assert _inside(x, y, feature["geometry"]), adcode


def test_label_point_of_a_bent_shape_is_inside():
    # a "C" whose centroid lies in the gap
    ring = [[0, 0], [3, 0], [3, 1], [1, 1], [1, 2], [3, 2], [3, 3], [0, 3], [0, 0]]
    geom = {"type": "Polygon", "coordinates": [ring]}
    x, y = geo.label_point(geom)
    assert _inside(x, y, geom)


# --- the counts named in the UI language --------------------------------------------


def test_direct_counts_on_the_seed_named(seed, lexicon):
    counts, parts = pv.map_counts(seed, lexicon)
    assert list(counts["adcode"]) == [p.adcode for p in lexicon.provinces]
    assert counts_of(counts) == DIRECT
    assert list(counts["name"]) == ["山西", "安徽", "江西", "河南", "湖北", "湖南"]
    hunan = counts.set_index("adcode").loc[HUNAN]
    assert hunan["breakdown"] == "省名 1 · 城市 1 · 官员职务 1"
    assert (hunan["first_paragraph"], hunan["first_sentence"]) == (1, 1)
    shanxi = counts.set_index("adcode").loc[SHANXI]
    assert shanxi["breakdown"] == "官员职务 1" and shanxi["first_paragraph"] == 3
    assert shanxi["first_text"] == OFFICIALS
    hunan_parts = parts[parts["adcode"] == HUNAN]
    assert list(hunan_parts["label"]) == ["省名", "城市", "官员职务"]


def test_related_layer_named_in_english(seed, lexicon):
    related, _ = pv.map_counts(seed, lexicon, layer="related", lang="en")
    assert counts_of(related) == RELATED
    anhui = related.set_index("adcode").loc[ANHUI]
    assert anhui["name"] == "Anhui"
    for name in ("Yangtze River Delta", "Yangtze River Economic Belt", "Central Plains urban agglomeration"):
        assert name in anhui["breakdown"]


def test_a_document_with_cities_only(cities_only, lexicon):
    counts, _ = pv.map_counts(cities_only, lexicon)
    assert counts_of(counts) == {SHANXI: 0, ANHUI: 1, JIANGXI: 0, HENAN: 0, HUBEI: 1, HUNAN: 1}
    assert set(counts.loc[counts["count"] > 0, "breakdown"]) == {"城市 1"}
    cities = pv.map_cities(cities_only, lexicon)
    assert list(cities["short"]) == ["武汉", "长沙", "合肥"]
    assert list(cities["province_name"]) == ["湖北", "湖南", "安徽"]
    assert pv.empty_message(counts, "direct") == ""
    assert pv.empty_message(pv.map_counts(cities_only, lexicon, layer="related")[0], "related") != ""


def test_a_document_that_names_no_province(no_province, lexicon):
    counts, parts = pv.map_counts(no_province, lexicon)
    assert counts_of(counts) == {a: 0 for a in DIRECT}
    assert parts.empty and pv.map_cities(no_province, lexicon).empty
    assert pv.meeting_note(no_province, lexicon, "zh") == "会议地点：北京（不在地图范围内）"
    assert pv.empty_message(counts, "direct", lang="en").startswith("The text names none of the provinces")
    assert pv.empty_message(counts, "direct", ("reform",), "zh") == "在所选主题的句子中，没有直接提及地图上的省份。"
    assert pv.mention_table(no_province, lexicon).empty
    fig = pv.map_figure(counts, geo.province_shapes(lexicon))
    choropleths = [t for t in fig.data if t.type == "choropleth"]
    assert len(choropleths) == 1 and sorted(choropleths[0].locations) == sorted(DIRECT)
    assert choropleths[0].colorscale[0][1] == pv.ZERO_FILL and not choropleths[0].showscale
    bars = pv.bar_figure(counts, parts)
    assert [t for t in bars.data if t.type == "bar"] == []
    assert list(bars.data[-1].text) == ["\u20020"] * 6


def test_meeting_notes(lexicon, seed):
    assert pv.meeting_note(seed, lexicon, "zh") == "★ 会议地点：湖南省长沙市"
    assert pv.meeting_note(build(lexicon, "座谈会\n\n　　会议召开。\n"), lexicon) == ""


# --- figures ---------------------------------------------------------------------


def _choropleth_values(fig) -> dict[str, float]:
    out = {}
    for trace in fig.data:
        if trace.type == "choropleth":
            out.update(zip(trace.locations, trace.z))
    return out


def test_map_figure_on_the_seed(seed, lexicon):
    counts = pv.map_counts(seed, lexicon)[0]
    fig = pv.map_figure(counts, geo.province_shapes(lexicon), cities=pv.map_cities(seed, lexicon),
                        meeting=places.meeting_place(seed, lexicon), selected=HUNAN, title="直接提及次数")
    assert _choropleth_values(fig) == DIRECT
    assert fig.layout.geo.fitbounds == "locations"
    assert not any(fig.layout.geo[f"show{layer}"] for layer in
                   ("land", "countries", "coastlines", "ocean", "lakes", "rivers", "subunits"))
    positive = next(t for t in fig.data if t.type == "choropleth")
    assert positive.zmin == 0 and positive.zmax == 3
    assert positive.colorbar.title.text == "直接提及（次）"
    assert positive.colorscale[0][1] != pv.ZERO_FILL
    widths = dict(zip(positive.locations, positive.marker.line.width))
    assert widths[HUNAN] > widths[SHANXI]
    labels = "".join(t for trace in fig.data if trace.name == "labels" for t in trace.text)
    for short in ("山西", "安徽", "江西", "河南", "湖北", "湖南"):
        assert short in labels
    star = next(t for t in fig.data if t.type == "scattergeo" and t.marker.symbol == "star")
    assert list(star.text) == ["长沙"] and list(star.customdata) == [HUNAN]
    # 长沙 is the meeting place: no second marker for it
    assert not [t for t in fig.data if t.name == "被提及的城市"]
    # the hover of 湖南 names its kinds and the first sentence, escaped and wrapped
    hover = dict(zip(positive.locations, positive.hovertext))[HUNAN]
    assert "直接提及：3（省名 1 · 城市 1 · 官员职务 1）" in hover and "首次提及（第 1 段）" in hover
    assert "会议地点：湖南省长沙市" in hover


def test_city_names_in_english(seed, lexicon, cities_only):
    cities = pv.map_cities(cities_only, lexicon, lang="en")
    assert list(cities["label"]) == ["Wuhan", "Changsha", "Hefei"]
    assert list(pv.map_cities(cities_only, lexicon)["label"]) == ["武汉", "长沙", "合肥"]
    fig = pv.map_figure(pv.map_counts(cities_only, lexicon, lang="en")[0], geo.province_shapes(lexicon),
                        lang="en", cities=cities, meeting=places.meeting_place(cities_only, lexicon))
    markers = next(t for t in fig.data if t.name == "City named")
    assert list(markers.text) == ["Changsha", "Hefei"]  # Wuhan is the meeting place: the star
    assert markers.hovertext[0].startswith("<b>Changsha 长沙市</b> · Hunan")
    star = next(t for t in fig.data if t.type == "scattergeo" and t.marker.symbol == "star")
    assert list(star.text) == ["Wuhan"] and star.hovertext[0].startswith("<b>Wuhan 武汉市</b> · Hubei")
    # the seed: the meeting place 长沙 without a marker of its own
    fig = pv.map_figure(pv.map_counts(seed, lexicon, lang="en")[0], geo.province_shapes(lexicon), lang="en",
                        cities=pv.map_cities(seed, lexicon, lang="en"), meeting=places.meeting_place(seed, lexicon))
    star = next(t for t in fig.data if t.type == "scattergeo" and t.marker.symbol == "star")
    assert list(star.text) == ["Changsha"]


def test_city_outlines(seed, lexicon, cities_only):
    outlines = geo.city_shapes(lexicon)
    assert outlines[CHANGSHA]["properties"]["name"] == "长沙市"
    assert {f["properties"]["province"] for f in outlines.values()} == set(DIRECT)
    # the seed: only the meeting place's city, in gold
    fig = pv.map_figure(pv.map_counts(seed, lexicon)[0], geo.province_shapes(lexicon),
                        cities=pv.map_cities(seed, lexicon), meeting=places.meeting_place(seed, lexicon),
                        city_outlines=outlines)
    trace = next(t for t in fig.data if t.name == "cities")
    assert list(trace.locations) == [CHANGSHA] and list(trace.customdata) == [HUNAN]
    assert list(trace.marker.line.color) == [pv.MEETING_OUTLINE]
    # cities only: 武汉 (the meeting place) in gold, 长沙 and 合肥 in grey
    fig = pv.map_figure(pv.map_counts(cities_only, lexicon)[0], geo.province_shapes(lexicon),
                        cities=pv.map_cities(cities_only, lexicon),
                        meeting=places.meeting_place(cities_only, lexicon), city_outlines=outlines)
    trace = next(t for t in fig.data if t.name == "cities")
    assert dict(zip(trace.locations, trace.marker.line.color)) == {
        WUHAN: pv.MEETING_OUTLINE, CHANGSHA: pv.CITY_OUTLINE, HEFEI: pv.CITY_OUTLINE}
    assert trace.hoverinfo == "skip"  # clicks and hovers reach the province below


def test_map_figure_in_english_and_related(seed, lexicon):
    counts = pv.map_counts(seed, lexicon, layer="related", lang="en")[0]
    fig = pv.map_figure(counts, geo.province_shapes(lexicon), layer="related", measure="count", lang="en")
    assert _choropleth_values(fig) == RELATED
    positive = next(t for t in fig.data if t.type == "choropleth")
    assert positive.colorscale[-1][1] == pv.RELATED_SCALE[-1]
    assert positive.colorbar.title.text == "Related mentions"
    labels = " ".join(t for trace in fig.data if trace.name == "labels" for t in trace.text)
    assert "Anhui" in labels and "Hunan" in labels


def test_map_rates_and_zero_provinces(seed, lexicon):
    counts = pv.map_counts(seed, lexicon, kinds=("province",))[0]
    fig = pv.map_figure(counts, geo.province_shapes(lexicon), measure="rate")
    zero = next(t for t in fig.data if t.type == "choropleth" and t.colorscale[0][1] == pv.ZERO_FILL)
    assert sorted(zero.locations) == sorted(a for a in DIRECT if a != HUNAN)
    assert [t.name for t in fig.data if t.type == "scattergeo" and t.marker.symbol == "square"] == ["未提及（0）"]
    labels = [t for trace in fig.data if trace.name == "labels" for t in trace.text]
    assert any(t.endswith("<br>0.00") for t in labels)


def test_the_map_fetches_nothing():
    assert pv.CONFIG["topojsonURL"].startswith("data:application/json,")
    assert json.loads(pv.CONFIG["topojsonURL"].split(",", 1)[1].split("#")[0])["type"] == "Topology"
    assert pv.CONFIG["displaylogo"] is False and pv.CONFIG["scrollZoom"] is False
    assert charts.CONFIG.get("topojsonURL") is None  # the shared config is untouched


def test_bar_figure(seed, lexicon):
    counts = pv.map_counts(seed, lexicon)[0]
    fig = pv.bar_figure(counts, pv.map_counts(seed, lexicon)[1], selected=HUNAN, title="同一数据的条形图")
    bars = [t for t in fig.data if t.type == "bar"]
    assert [t.name for t in bars] == ["省名", "城市", "官员职务"]
    assert fig.layout.barmode == "stack"
    # 湖南 on top (largest), then the others in gazetteer order
    assert list(fig.layout.yaxis.categoryarray)[::-1] == ["湖南", "山西", "安徽", "江西", "河南", "湖北"]
    totals = [sum(t.x[i] for t in bars) for i in range(6)]
    assert totals == [3, 1, 1, 1, 1, 1]
    assert "<b>湖南</b>" in fig.layout.yaxis.ticktext
    assert list(bars[0].customdata) == [HUNAN, SHANXI, ANHUI, JIANGXI, HENAN, HUBEI]
    assert fig.layout.xaxis.title.text == "直接提及（次）"
    assert fig.layout.template.layout.font.size >= 16  # the board's template


# --- selection -------------------------------------------------------------------


def test_selected_province_from_a_chart_event():
    valid = list(DIRECT)
    assert pv.selected_province({"selection": {"points": [{"location": HENAN}]}}, valid) == HENAN
    assert pv.selected_province({"selection": {"points": [{"customdata": HUNAN}]}}, valid) == HUNAN
    assert pv.selected_province({"selection": {"points": [{"customdata": [ANHUI]}]}}, valid) == ANHUI
    assert pv.selected_province({"selection": {"points": [{"location": "110000"}, {"location": HUBEI}]}},
                                valid) == HUBEI
    for nothing in (None, {}, {"selection": {}}, {"selection": {"points": []}}, "x",
                    {"selection": {"points": [{"lon": 113, "lat": 28}]}}):
        assert pv.selected_province(nothing, valid) is None


def test_track_selection():
    valid = list(DIRECT)
    click = {"selection": {"points": [{"location": HENAN}]}}
    assert pv.track_selection(click, None, valid) == (HENAN, HENAN)  # a new click chooses
    assert pv.track_selection(click, HENAN, valid) == (HENAN, None)  # seen before: nothing new
    assert pv.track_selection({"selection": {"points": []}}, HENAN, valid) == (None, None)  # cleared or redrawn
    assert pv.track_selection(None, None, valid) == (None, None)


# --- sentences and the table -------------------------------------------------------


def test_sentences_that_mention_hunan(seed, lexicon):
    found = places.sentence_mentions(seed, HUNAN)
    assert pv.sentences_heading(found, HUNAN, lexicon, "zh") == "湖南：3 处提及，2 个句子"
    assert pv.sentences_heading(found, HUNAN, lexicon, "en") == "Hunan: 3 mentions in 2 sentences"
    html = pv.mentions_html(found, lambda p: f"./reader?doc=x&para={p}", "direct", "zh")
    assert '<mark class="sb-map-direct" title="省名">湖南省</mark><mark class="sb-map-direct" title="城市">长沙市</mark>' \
        in html
    assert '<mark class="sb-map-direct" title="官员职务">湖南省委书记</mark>沈晓明' in html
    assert 'href="./reader?doc=x&amp;para=1"' in html and 'href="./reader?doc=x&amp;para=3"' in html
    assert "第 1 段" in html


def test_hostile_text_is_escaped(hostile, lexicon):
    found = places.sentence_mentions(hostile, HUNAN)
    assert len(found) == 2
    html = pv.mentions_html(found, lambda p: f"./reader?para={p}", "direct", "en")
    assert "<script" not in html and "<img" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    assert "<mark" in html  # the page's own markup is still there
    counts = pv.map_counts(hostile, lexicon)[0]
    fig = pv.map_figure(counts, geo.province_shapes(lexicon))
    hover = " ".join(h for t in fig.data if t.type == "choropleth" for h in t.hovertext)
    assert "<script" not in hover and "<img" not in hover and "&lt;script&gt;" in hover
    link = pv.mentions_html(found, lambda p: '"><script>x</script>', "direct", "zh")
    assert "<script>x" not in link and "&#34;&gt;&lt;script&gt;" in link


def test_mention_table_and_csv(seed, lexicon):
    table = pv.mention_table(seed, lexicon)
    assert list(table.columns) == ["省份", "类型", "原文", "段", "句", "上下文"]
    assert len(table) == 8
    assert table.iloc[0].tolist()[:5] == ["湖南", "省名", "湖南省", 1, 1]
    assert table.iloc[1].tolist()[:5] == ["湖南", "城市", "长沙市", 1, 1]
    assert table.iloc[2].tolist() == ["山西", "官员职务", "山西省委书记", 3, 1, OFFICIALS]
    related = pv.mention_table(seed, lexicon, layer="related", lang="en")
    assert list(related.columns) == ["Province", "Kind", "As written", "Paragraph", "Sentence", "Context"]
    rows = {r["As written"]: r for r in related.to_dict("records")}
    assert list(rows) == ["京津冀", "长三角", "粤港澳大湾区", "长江经济带", "黄河流域", "长江中游城市群", "中原城市群"]
    assert rows["京津冀"]["Province"] == "—"
    assert rows["长江经济带"]["Province"] == "Anhui, Jiangxi, Hubei, Hunan"
    assert (rows["长江中游城市群"]["Paragraph"], rows["长江中游城市群"]["Sentence"]) == (6, 6)
    assert pv.table_height(table) == "content"
    assert pv.table_height(pd.concat([table] * 2)) == 560
    data = downloads.csv_bytes(table)
    assert data.startswith(b"\xef\xbb\xbf")
    assert data.decode("utf-8-sig").splitlines()[0] == "省份,类型,原文,段,句,上下文"
    assert "湖南省委书记" in data.decode("utf-8-sig")


def test_scope_text(seed, lexicon, cities_only):
    assert pv.scope_text(cities_only, lexicon) == "范围：全文，共 22 字。每千字 = 提及次数 ÷ 字数 × 1000。"
    text = pv.scope_text(cities_only, lexicon, ("reform",), "any", "en")
    assert text == ("Scope: sentences of the themes Reform & opening (1), 12 characters. "
                    "Per 1,000 characters = mentions ÷ characters × 1,000.")
    assert pv.scope_text(cities_only, lexicon, ("reform", "rural"), "all", "zh").startswith(
        "范围：同时含主题“改革开放、城乡融合”的段落中带这些主题的句子（0 句），共 0 字。")
    assert pv.chart_title("direct", "count", lexicon, ("reform",), "any", "zh") == "直接提及次数 · 主题：改革开放"


def test_ui_strings_of_the_map():
    import re

    from studyboard import i18n

    keys = [k for k in i18n.strings("zh") if k.startswith("map.")]
    assert len(keys) > 40
    for key in keys:
        zh, en = i18n.strings("zh")[key], i18n.strings("en")[key]
        assert zh.strip() and en.strip(), key
        assert re.search(r"[\u4e00-\u9fff\u3000-\u303f\uff00-\uffef]", zh), key  # Chinese text or punctuation
        assert not re.search(r"[\u4e00-\u9fff]", en), key
    # the keys built from parts all exist
    for layer in places.LAYERS:
        i18n.t(f"map.layer.{layer}", "en")
        i18n.t(f"map.empty_{layer}", "en")
        i18n.t(f"map.empty_{layer}_scope", "en")
        for column in ("count", "rate"):
            i18n.t(f"map.title.{layer}.{column}", "en")
            i18n.t(f"map.axis.{layer}.{column}", "en")
    for kind in places.DIRECT_KINDS + ("region",):
        i18n.t(f"map.kind.{kind}", "en")
        i18n.t(f"map.kind_one.{kind}", "en")
    for measure in pv.MEASURES:
        i18n.t(f"map.values.{measure}", "en")
    for column in pv.TABLE_COLUMNS:
        i18n.t(f"map.col.{column}", "en")
