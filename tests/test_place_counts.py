"""Place mentions counted (studyboard.analysis.places): per province, kind, grouping, city, sentence.

Expected values come from reading the seed report (joined up):

* ¶1, sentence 1: "……习近平3月20日下午在湖南省长沙市主持召开……座谈会……" names 湖南省 (a
  province name) and 长沙市 (a city of 湖南).
* ¶3, sentence 1 (the 5th of the text): "座谈会上，……山西省委书记唐登杰、安徽省委书记韩俊、
  江西省委书记尹弘、河南省委书记楼阳生、湖北省委书记王蒙徽、湖南省委书记沈晓明先后发言……"
  names each of the six provinces once through its Party secretary.
* No other sentence names a province, a city of the six or such a title, so
  the direct counts are 山西 1, 安徽 1, 江西 1, 河南 1, 湖北 1, 湖南 3
  (湖南省 + 长沙市 + 湖南省委书记).
* ¶6 names the regional groupings: sentence 2 of ¶6 "加强与京津冀、长三角、粤港澳大湾区深度对接，
  加强与长江经济带发展、黄河流域生态保护和高质量发展的融合联动。" and sentence 6 of ¶6
  "大力促进长江中游城市群和中原城市群发展……". With the members given in
  data/lexicon/places.toml (长三角: 安徽 among the six; 长江经济带: 安徽 江西 湖北 湖南;
  黄河流域: 山西 河南; 长江中游城市群: 湖北 湖南 江西; 中原城市群: 河南 山西 安徽; 京津冀 and
  粤港澳大湾区: none of the six) the related layer counts 山西 2, 安徽 3, 江西 2,
  河南 2, 湖北 2, 湖南 2.
* Themes (keywords in data/lexicon/themes.toml): neither sentence that names a
  province holds a theme hit. The officials' sentence has 改革 only inside
  发展改革委 (an exclusion of "reform") and 中部地区崛起 only inside
  推动中部地区崛起汇报工作 (a report on the task, an exclusion of
  "development"); the Changsha sentence has 中部地区崛起 only inside the
  symposium's name (推动中部地区崛起座谈会, an exclusion). Both grouping
  sentences hold "regional" keywords; the first one's 高质量发展 is inside the
  name of a regional strategy (黄河流域生态保护和高质量发展, an exclusion of
  "development"), so neither holds a "development" hit.
* The meeting place (metadata) is 湖南省长沙市.
"""

from __future__ import annotations

import pandas as pd
import pytest

from studyboard.analysis import filters, places
from studyboard.dataset import tables as dataset
from studyboard.ingest import document

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


def counts_of(frame: pd.DataFrame, column: str = "count") -> dict[str, float]:
    return dict(zip(frame["adcode"], frame[column]))


# --- counts on the seed ------------------------------------------------------------


def test_direct_counts_on_the_seed(seed, lexicon):
    counts = places.province_counts(seed, lexicon)
    assert list(counts["adcode"]) == [p.adcode for p in lexicon.provinces]
    assert list(counts["short"]) == ["山西", "安徽", "江西", "河南", "湖北", "湖南"]
    assert counts_of(counts) == DIRECT
    hunan = counts.set_index("adcode").loc[HUNAN]
    assert (hunan["first_paragraph"], hunan["first_sentence"]) == (1, 1)
    assert "在湖南省长沙市主持召开" in hunan["first_text"]
    shanxi = counts.set_index("adcode").loc[SHANXI]
    assert shanxi["first_paragraph"] == 3
    assert shanxi["first_text"] == OFFICIALS


def test_counts_carry_no_ui_language(seed, lexicon):
    assert list(places.province_counts(seed, lexicon).columns) == [
        "adcode", "short", "count", "rate", "first_paragraph", "first_sentence", "first_text"]
    assert list(places.part_counts(seed, lexicon).columns) == ["adcode", "part", "order", "count", "rate"]


def test_counts_by_kind(seed, lexicon):
    parts = places.part_counts(seed, lexicon)
    hunan = parts[parts["adcode"] == HUNAN]
    assert dict(zip(hunan["part"], hunan["count"])) == {"province": 1, "city": 1, "official": 1}
    assert set(parts.loc[parts["adcode"] != HUNAN, "part"]) == {"official"}
    only = {kind: counts_of(places.province_counts(seed, lexicon, kinds=(kind,))) for kind in places.DIRECT_KINDS}
    assert only["province"] == {**{a: 0 for a in DIRECT}, HUNAN: 1}
    assert only["city"] == {**{a: 0 for a in DIRECT}, HUNAN: 1}
    assert only["official"] == {a: 1 for a in DIRECT}
    assert counts_of(places.province_counts(seed, lexicon, kinds=())) == {a: 0 for a in DIRECT}


def test_related_layer_is_never_mixed_into_direct_counts(seed, lexicon):
    related = places.province_counts(seed, lexicon, layer="related")
    assert counts_of(related) == RELATED
    parts = places.part_counts(seed, lexicon, layer="related")
    anhui = parts[parts["adcode"] == ANHUI]
    assert list(anhui["part"]) == ["长三角", "长江经济带", "中原城市群"]
    # direct counts are the same whichever kinds of the related layer exist
    assert counts_of(places.province_counts(seed, lexicon)) == DIRECT
    assert set(places.scoped_mentions(seed, "direct")["kind"]) == {"province", "city", "official"}
    assert set(places.scoped_mentions(seed, "related")["kind"]) == {"region"}


def test_both_layers_side_by_side(seed, lexicon):
    counts = places.counts_by_layer(seed, lexicon).set_index("short")
    # 湖南省 and 长沙市 in the first sentence, 湖南省委书记 in paragraph 3; the other five only by their Party Secretary
    assert counts.loc["湖南", "direct"] == 3
    assert counts.loc[["山西", "安徽", "江西", "河南", "湖北"], "direct"].tolist() == [1, 1, 1, 1, 1]
    # through regions: 长三角, 长江经济带 and 中原城市群 for Anhui; 黄河流域 and 中原城市群 for Shanxi
    assert counts.loc["安徽", "related"] == 3 and counts.loc["山西", "related"] == 2
    assert list(counts["adcode"]) == [SHANXI, ANHUI, JIANGXI, HENAN, HUBEI, HUNAN]


def test_grouping_parts_in_order_of_mention(seed, lexicon):
    parts = places.part_counts(seed, lexicon, layer="related")
    order = parts.sort_values("order").drop_duplicates("part")["part"].tolist()
    assert order == ["长三角", "长江经济带", "黄河流域", "长江中游城市群", "中原城市群"]


def test_theme_filter(seed, lexicon, cities_only):
    # the two sentences that name provinces hold no theme hit (see above): under any theme
    # filter no direct mention is counted
    none = {a: 0 for a in DIRECT}
    for themes, mode in ((("reform",), "any"), (("development",), "any"), (("regional",), "any"),
                         (("development", "reform"), "all"), (("development", "reform"), "any")):
        assert counts_of(places.province_counts(seed, lexicon, themes=themes, mode=mode)) == none, themes
    # 武汉和长沙都在推进改革。 is a reform sentence (改革); 合肥的创新成果很多。 has no theme keyword
    assert counts_of(places.province_counts(cities_only, lexicon, themes=("reform",))) == {**none, HUBEI: 1, HUNAN: 1}
    # the related layer under a theme filter
    assert counts_of(places.province_counts(seed, lexicon, layer="related", themes=("regional",))) == RELATED
    assert counts_of(places.province_counts(seed, lexicon, layer="related", themes=("development",))) == none


def test_scope_is_the_shared_filter_by_sentence(seed):
    assert filters.theme_sentences(seed) is None
    reform = filters.theme_sentences(seed, ("reform",))
    officials = int(seed.sentences.loc[seed.sentences["text"] == OFFICIALS, "sentence"].iloc[0])
    assert officials not in reform and 1 not in reform  # 发展改革委 is no reform hit
    assert officials not in filters.theme_sentences(seed, ("development",))  # 推动中部地区崛起汇报工作 neither
    # all of two themes: the theme sentences of the paragraphs that carry both (the unit is the paragraph)
    both = filters.theme_sentences(seed, ("development", "reform"), "all")
    assert both <= filters.theme_sentences(seed, ("development", "reform"), "any")
    paragraph_of = dict(zip(seed.sentences["sentence"], seed.sentences["paragraph"]))
    assert {paragraph_of[s] for s in both} == filters.theme_paragraphs(seed, ("development", "reform"), "all")


def test_rates_per_thousand_characters(cities_only, lexicon, seed):
    # 22 characters in scope, one mention each of 湖北 (武汉), 湖南 (长沙), 安徽 (合肥)
    assert places.scope_chars(cities_only) == 22
    rates = counts_of(places.province_counts(cities_only, lexicon), "rate")
    assert rates[HUBEI] == pytest.approx(1000 / 22, abs=1e-3)
    assert rates[HUNAN] == rates[ANHUI] == rates[HUBEI]
    assert rates[SHANXI] == 0
    # 改革 is a reform keyword: only the first sentence (12 characters) is in scope
    assert places.scope_chars(cities_only, ("reform",)) == 12
    rates = counts_of(places.province_counts(cities_only, lexicon, themes=("reform",)), "rate")
    assert rates[HUBEI] == pytest.approx(1000 / 12, abs=1e-3) and rates[ANHUI] == 0
    # on the seed 湖南 is named three times as often as 山西
    seed_rates = counts_of(places.province_counts(seed, lexicon), "rate")
    assert seed_rates[HUNAN] == pytest.approx(3 * seed_rates[SHANXI], abs=2e-3)


def test_counts_of_a_short_text(lexicon):
    ds = build(lexicon, "测试\n湖南省长沙市，湖北省武汉市，湖北省。", "p")
    counts = places.province_counts(ds, lexicon).set_index("short")
    # 湖南省 + 长沙市 count for 湖南; 湖北省 twice + 武汉市 for 湖北; 18 characters
    assert counts.loc["湖南", "count"] == 2 and counts.loc["湖北", "count"] == 3
    assert counts.loc["河南", "count"] == 0
    assert counts.loc["湖北", "rate"] == pytest.approx(round(1000 * 3 / 18, 3))
    assert list(counts.index) == ["山西", "安徽", "江西", "河南", "湖北", "湖南"]


# --- hand-made documents: cities only, no province --------------------------------


def test_a_document_with_cities_only(cities_only, lexicon):
    counts = places.province_counts(cities_only, lexicon)
    assert counts_of(counts) == {SHANXI: 0, ANHUI: 1, JIANGXI: 0, HENAN: 0, HUBEI: 1, HUNAN: 1}
    parts = places.part_counts(cities_only, lexicon)
    assert dict(zip(parts["adcode"], parts["part"])) == {ANHUI: "city", HUBEI: "city", HUNAN: "city"}
    assert set(parts["count"]) == {1}
    cities = places.city_counts(cities_only, lexicon)
    assert list(cities["short"]) == ["武汉", "长沙", "合肥"]
    assert list(cities["en"]) == ["Wuhan", "Changsha", "Hefei"]
    assert list(cities["province"]) == [HUBEI, HUNAN, ANHUI]
    where = {c.adcode: (c.lon, c.lat) for c in lexicon.cities}
    assert list(zip(cities["lon"], cities["lat"])) == [where[WUHAN], where[CHANGSHA], where[HEFEI]]
    meeting = places.meeting_place(cities_only, lexicon)
    assert (meeting["kind"], meeting["adcode"], meeting["name"], meeting["province"]) == ("city", WUHAN, "武汉", HUBEI)
    assert int(places.province_counts(cities_only, lexicon, layer="related")["count"].sum()) == 0


def test_a_document_that_names_no_province(no_province, lexicon):
    counts = places.province_counts(no_province, lexicon)
    assert counts_of(counts) == {a: 0 for a in DIRECT}
    assert places.part_counts(no_province, lexicon).empty
    assert places.city_counts(no_province, lexicon).empty
    assert places.meeting_place(no_province, lexicon) is None
    assert places.mention_rows(no_province).empty
    assert places.sentence_mentions(no_province, HUNAN).empty


def test_meeting_place_variants(lexicon, seed):
    meeting = places.meeting_place(seed, lexicon)
    changsha = next(c for c in lexicon.cities if c.adcode == CHANGSHA)
    assert meeting == {"text": "湖南省长沙市", "kind": "city", "adcode": CHANGSHA, "name": "长沙", "en": "Changsha",
                       "province": HUNAN, "lon": changsha.lon, "lat": changsha.lat}
    province_only = build(lexicon, "座谈会\n\n　　会议在这里召开。\n", place="湖南省")
    assert places.meeting_place(province_only, lexicon)["kind"] == "province"
    assert places.meeting_place(province_only, lexicon)["adcode"] == HUNAN
    assert places.meeting_place(build(lexicon, "座谈会\n\n　　会议召开。\n"), lexicon) is None


def test_parse_province(lexicon):
    for text in ("430000", "湖南", "湖南省", " 湖南 "):
        assert places.parse_province(text, lexicon) == HUNAN
    for text in ("", "xyz", "<script>", "4300"):
        assert places.parse_province(text, lexicon) is None


# --- sentences and mentions ----------------------------------------------------------


def test_sentences_that_mention_hunan(seed):
    found = places.sentence_mentions(seed, HUNAN)
    assert list(found["paragraph"]) == [1, 3]
    assert [[s[2] for s in spans] for spans in found["spans"]] == [["湖南省", "长沙市"], ["湖南省委书记"]]
    assert [[s[3] for s in spans] for spans in found["spans"]] == [["province", "city"], ["official"]]
    for text, spans in zip(found["text"], found["spans"]):
        for start, end, surface, _kind in spans:
            assert text[start:end] == surface


def test_sentences_of_the_related_layer(seed):
    found = places.sentence_mentions(seed, ANHUI, "related")
    assert list(found["paragraph"]) == [6, 6]
    assert [[s[2] for s in spans] for spans in found["spans"]] == [["长三角", "长江经济带"], ["中原城市群"]]
    # 高质量发展 of the first is inside 黄河流域生态保护和高质量发展 (a regional strategy): no development sentence
    assert places.sentence_mentions(seed, ANHUI, "related", themes=("development",)).empty
    assert places.sentence_mentions(seed, ANHUI, "related", themes=("regional",))["spans"].tolist() == \
        found["spans"].tolist()


def test_mention_rows(seed):
    rows = places.mention_rows(seed)
    assert list(rows.columns) == ["adcodes", "kind", "surface", "paragraph", "sentence", "context"]
    assert len(rows) == 8
    assert rows.iloc[0].tolist()[:5] == [(HUNAN,), "province", "湖南省", 1, 1]
    assert rows.iloc[1].tolist()[:5] == [(HUNAN,), "city", "长沙市", 1, 1]
    assert rows.iloc[2].tolist() == [(SHANXI,), "official", "山西省委书记", 3, 1, OFFICIALS]
    related = {r["surface"]: r for r in places.mention_rows(seed, "related").to_dict("records")}
    assert list(related) == ["京津冀", "长三角", "粤港澳大湾区", "长江经济带", "黄河流域", "长江中游城市群", "中原城市群"]
    assert related["京津冀"]["adcodes"] == ()
    assert related["长江经济带"]["adcodes"] == (ANHUI, JIANGXI, HUBEI, HUNAN)
    assert (related["长江中游城市群"]["paragraph"], related["长江中游城市群"]["sentence"]) == (6, 6)
    assert set(places.mention_rows(seed, "related")["kind"]) == {"region"}
