"""The overview's content: the document card and the outline as HTML."""

from __future__ import annotations

import pytest

from study_docs import HOSTILE, IMG, SCRIPT
from studyboard.dataset import tables as dataset
from studyboard.analysis import outline
from studyboard.views import overview


def link(paragraph: int) -> str:
    return f"./reader?doc=x&para={paragraph}"


@pytest.fixture(scope="module")
def seed_outline(seed, lexicon):
    items = outline.extract(seed, lexicon)
    return items, outline.speaker_points(seed, lexicon, items)


def test_card_numbers(seed, lexicon):
    card = overview.document_card(seed, lexicon, "zh")
    numbers = dict(card["numbers"])
    assert numbers["overview.paragraphs"] == 14 and numbers["overview.provinces"] == 6
    assert numbers["overview.speakers"] == 3  # 习近平, 李强 and 丁薛祥 speak


def test_outline_html(seed, seed_outline):
    items, points = seed_outline
    html = overview.outline_html(seed, items, points, "zh", link)
    assert html.count('<ol class="sb-outline">') == 2  # the main speaker's items, the other speakers
    assert '<span class="sb-label">任务3</span>' in html
    assert "<strong>统筹推进深层次改革和高水平开放</strong>" in html
    assert 'href="./reader?doc=x&amp;para=7"' in html
    # the label of task 2 (orange) is set in dark ink, its heading in a darker orange that reads on white
    assert "--sb-c: #E69F00; --sb-on: #222222; --sb-t: #966700" in html


def test_outline_html_in_english(seed, seed_outline):
    items, points = seed_outline
    html = overview.outline_html(seed, items, points, "en", link)
    assert "Opening judgement" in html and "Closing point" in html and "Ding Xuexiang" in html
    assert "Read paragraph 13 in the reader" in html


def test_outline_records_for_the_overview_and_the_handout(seed, seed_outline):
    items, points = seed_outline
    records = overview.outline_records(seed, items, points, "en")  # no link: the handout's
    assert [r["label"] for r in records["main"]] == [
        "Opening judgement", "General requirement", "Progress so far", "Challenges"] + [
        f"Task {n}" for n in range(1, 7)] + ["Closing point", "Requirement", "Requirement"]
    review = records["main"][2]
    assert review["head"] == "中部地区发展站到了更高起点上" and review["after"] == "。" and review["where"] == "paragraph 4"
    task1 = records["main"][4]
    assert (task1["before"], task1["head"], task1["after"]) == ("要", "以科技创新引领产业创新", "，积极培育和发展新质生产力。")
    assert task1["where"] == "paragraph 5" and task1["href"] == "" and task1["points"] is None
    li, ding = records["others"]
    assert li["label"] == "Li Qiang" and li["role"].endswith("Premier") and len(li["points"]) == 3
    assert ding["paragraph"] == 13 and len(ding["points"]) == 5 and records["others_heading"] == "Other speakers' points"
    linked = overview.outline_records(seed, items, points, "zh", link)["main"][4]
    assert linked["href"] == "./reader?doc=x&para=5" and linked["link_text"] == "第5段 →"


def test_outline_html_escapes_the_text(lexicon):
    ds = dataset.build(HOSTILE, lexicon)
    items = outline.extract(ds, lexicon)
    html = overview.outline_html(ds, items, outline.speaker_points(ds, lexicon, items), "zh", link)
    assert SCRIPT not in html and IMG not in html and "<script" not in html and "<img" not in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html


# --- previews of the themes, map and terms pages -------------------------------------------

from pages_helpers import plotly_values  # noqa: E402

HUNAN, OTHERS = "430000", ("140000", "340000", "360000", "410000", "420000")
# paragraphs with an ecology keyword, read off the text; not 9, whose only one is 社会生态 (excluded)
ECOLOGY = [4, 5, 8, 12, 13]  # 6 and 10: their 生态保护 and 绿色 are in exclusions of themes.toml


def map_values(fig) -> dict:
    values = {}
    for trace in fig.data:
        if trace.type == "choropleth" and trace.name != "cities":
            values.update(zip(trace.locations, plotly_values(trace.z)))
    return values


def bar_values(fig) -> dict:
    counted = {}
    for trace in fig.data:
        counted.update(zip(trace.y, plotly_values(trace.x)))
    return counted


def test_previews_of_the_seed(seed, lexicon):
    previews = overview.previews(seed, lexicon, "zh")
    assert [p.page for p in previews] == ["themes", "map", "terms"]
    assert [p.title for p in previews] == ["各段的主题（关键词次数）", "提及的省份（直接提及次数）", "高频词（前 10 个）"]
    grid, drawn, bars = (p.figure for p in previews)
    # the themes page's grid: eight themes, fourteen paragraphs, every cell carrying its paragraph and theme
    assert len(grid.data) == 8 and all(len(t.customdata) == 14 for t in grid.data)
    assert [list(c) for c in grid.data[3].customdata[:2]] == [[1, "ecology"], [2, "ecology"]]
    # the map: 湖南 3 (湖南省 and 长沙市 in ¶1, 湖南省委书记 in ¶3), the other five 1 each (their Party Secretary)
    assert map_values(drawn) == {HUNAN: 3, **{code: 1 for code in OTHERS}}
    # the terms: content words; 中部地区 6 times on its own, 发展 among them; no policy verb, name or speech verb
    counted = bar_values(bars)
    assert len(counted) == 10 and counted["中部地区"] == 6 and "发展" in counted
    assert not {"推动", "加强", "推进", "习近平", "强调", "指出"} & set(counted)
    # and the terms page opens with the same filters
    params = previews[2].params
    assert params["tier"] == "policy" and {"习近平", "强调", "指出", "李强", "丁薛祥"} <= set(params["exclude"].split(","))
    # still: no selection, no mode bar
    assert all(p.figure.layout.clickmode == "none" and p.config["displayModeBar"] is False for p in previews)
    assert previews[1].config["topojsonURL"].startswith("data:")  # the map fetches no base map


def test_previews_follow_the_theme_filter(seed, lexicon):
    grid, drawn, bars = (p.figure for p in overview.previews(seed, lexicon, "zh", ("ecology",)))
    # the themes page with the filter: the chosen theme's column, the paragraphs without it faint
    assert [t.name for t in grid.data] == ["绿色发展"]
    opacity = dict(zip((c[0] for c in grid.data[0].customdata), grid.data[0].marker.opacity))
    assert [p for p, o in opacity.items() if o == 1.0] == ECOLOGY
    # no sentence with an ecology keyword names a province directly (those are in ¶1's first sentence and ¶3)
    assert map_values(drawn) == {HUNAN: 0, **{code: 0 for code in OTHERS}}
    # 绿色低碳 is an ecology keyword: all its five occurrences count
    assert bar_values(bars)["绿色低碳"] == 5


def test_previews_in_english(seed, lexicon):
    previews = overview.previews(seed, lexicon, "en")
    assert [p.title for p in previews] == ["Themes by paragraph (keyword hits)", "Provinces named (direct mentions)",
                                           "Top 10 terms"]
    grid = previews[0].figure
    assert grid.layout.xaxis.tickangle == -90 and "High-quality<br>development" in grid.layout.xaxis.ticktext
    # the cities' names are left to the hover on a map this small
    assert {t.mode for t in previews[1].figure.data if t.type == "scattergeo" and t.name != "labels"} <= {"markers"}
    labels = " ".join(t for trace in previews[1].figure.data if trace.name == "labels" for t in trace.text)
    assert "Hunan" in labels and "湖南" not in labels


def test_previews_of_a_text_without_themes_or_terms(lexicon):
    ds = dataset.build(HOSTILE, lexicon)
    previews = overview.previews(ds, lexicon, "zh", ("security",))
    assert previews[0].figure is not None  # the text has theme hits, only not of this theme
    assert previews[2].figure is None and previews[2].empty  # no sentence of the theme: no terms


# --- documents with headings: the title block and the heading tree --------------------------------

from study_docs import SPEECH_HEADINGS, genre  # noqa: E402


@pytest.fixture(scope="module")
def speech(lexicon):
    return genre("speech", lexicon)


def test_the_seed_card_has_no_title_block(seed, lexicon):
    card = overview.document_card(seed, lexicon, "zh")
    assert card["title_block"] == [] and overview.title_block_html(card) == ""
    assert [key for key, _ in card["numbers"]] == ["overview.paragraphs", "overview.sentences", "overview.chars",
                                                   "overview.words", "overview.speakers", "overview.provinces"]
    assert card["meta"] == "2024-03-20 · 湖南省长沙市 · 新华社"


def test_speech_card(speech, lexicon):
    card = overview.document_card(speech, lexicon, "zh")
    assert card["headline"] == "在全省推动中部地区崛起工作推进会上的讲话"
    assert [(line["part"], line["text"]) for line in card["title_block"]] == [
        ("date_line", "（2025年6月12日）"), ("speaker", "王某某"), ("salutation", "同志们：")]
    assert card["meta"] == ""  # the date line gives the date; no place or source
    assert dict(card["numbers"])["overview.headings"] == 7 and dict(card["numbers"])["overview.paragraphs"] == 19


def test_report_and_article_cards(lexicon):
    card = overview.document_card(genre("report", lexicon), lexicon, "zh")
    assert [(line["part"], line["text"]) for line in card["title_block"]] == [
        ("subtitle", "——2025年1月15日在某省第十四届人民代表大会第三次会议上"), ("speaker", "省长 王某某"),
        ("salutation", "各位代表：")]
    assert dict(card["numbers"])["overview.headings"] == 26
    article = overview.document_card(genre("article", lexicon), lexicon, "en")
    lines = {line["part"]: line for line in article["title_block"]}
    assert (lines["author"]["label"], lines["author"]["text"]) == ("Author: ", "李某某")
    assert lines["source"]["text"] == "《求是》2025年第8期" and lines["editor_note"]["text"].startswith("中部地区是我国经济版图")
    html = overview.title_block_html(article)
    assert '<p class="sb-tb sb-tb-author"><span class="sb-tb-label">Author: </span>李某某</p>' in html
    assert html.index("sb-tb-author") < html.index("sb-tb-source") < html.index("sb-tb-editor_note")


def test_speech_outline_tree(speech, lexicon):
    items = outline.extract(speech, lexicon)
    records = overview.outline_records(speech, items, outline.speaker_points(speech, lexicon, items), "zh", link)
    assert records["main"] == [] and records["others"] == []
    tree = records["tree"]
    assert [f"{h['numbering']}{h['title']}" for h in tree] == SPEECH_HEADINGS
    assert [h["level"] for h in tree] == [1, 1, 1, 2, 2, 2, 1]
    first = tree[0]
    assert first["where"] == "第2–5段" and first["href"] == "./reader?doc=x&para=2" and first["link_text"] == "第2–5段 →"
    stand = next(p for p in first["points"] if p["paragraph"] == 2)
    assert (stand["before"], stand["head"]) == ("我们要", "站在全局高度认识这项工作")
    assert stand["after"].startswith("，切实把思想和行动统一到党中央决策部署上来") and stand["link_text"] == "第2段 →"
    assert tree[2]["points"] == []  # 三、: no paragraph of its own
    html = overview.outline_html(speech, items, outline.speaker_points(speech, lexicon, items), "zh", link)
    assert html.count('<ol class="sb-outline sb-tree">') == 1 and html.count('<li class="sb-node') == 7
    assert '<span class="sb-heading"><span class="sb-number">一、</span>深刻认识推动中部地区崛起的重大意义</span>' in html
    assert 'href="./reader?doc=x&amp;para=9"' in html and "sb-level-2" in html
    positions = [html.index(heading[heading.index("、") + 1 if "、" in heading else 3:]) for heading in SPEECH_HEADINGS]
    assert positions == sorted(positions)
    english = overview.outline_records(speech, items, outline.speaker_points(speech, lexicon, items), "en")
    assert english["tree"][0]["where"] == "paragraphs 2–5" and english["tree"][0]["href"] == ""


def test_decision_tree_lists_articles_under_chapters(lexicon):
    ds = genre("decision", lexicon)
    items = outline.extract(ds, lexicon)
    tree = overview.outline_records(ds, items, outline.speaker_points(ds, lexicon, items), "zh")["tree"]
    assert [f"{h['numbering']}{h['title']}" for h in tree][:3] == ["第一章　总则", "第二章　产业发展与科技创新", "第一节　产业发展"]
    article = tree[0]["points"][0]
    # an article: its number and first clause
    assert (article["kind"], article["before"], article["head"], article["after"]) == (
        "article", "第一条　", "为了深入实施促进中部地区崛起战略", "")
    assert len(tree[0]["points"]) == 6 and tree[1]["points"] == []


def test_title_block_and_tree_escape_the_text(lexicon):
    from studyboard.ingest.document import Document

    text = f"标题{SCRIPT}\n王某某\n同志们：\n一、第一部分{IMG}\n要坚持{SCRIPT}高质量发展，推动新质生产力加快发展。\n"
    ds = dataset.build(Document(id="hostile-tree", text=text), lexicon)
    card = overview.document_card(ds, lexicon, "zh")
    items = outline.extract(ds, lexicon)
    html = overview.title_block_html(card) + overview.outline_html(ds, items, items.head(0), "zh", link)
    assert SCRIPT not in html and IMG not in html and "<img" not in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
