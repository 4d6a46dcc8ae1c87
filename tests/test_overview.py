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
    assert [r["label"] for r in records["main"]] == ["Opening judgement"] + [f"Task {n}" for n in range(1, 7)] + [
        "Closing point"]
    task1 = records["main"][1]
    assert (task1["before"], task1["head"], task1["after"]) == ("要", "以科技创新引领产业创新", "，积极培育和发展新质生产力。")
    assert task1["where"] == "paragraph 5" and task1["href"] == "" and task1["points"] is None
    li, ding = records["others"]
    assert li["label"] == "Li Qiang" and li["role"].endswith("Premier") and len(li["points"]) == 3
    assert ding["paragraph"] == 13 and len(ding["points"]) == 5 and records["others_heading"] == "Other speakers' points"
    linked = overview.outline_records(seed, items, points, "zh", link)["main"][1]
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
ECOLOGY = [4, 5, 6, 8, 10, 12, 13]


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
