"""The compare page's figures and change cards (studyboard.views.comparisonviews), on small
hand-made documents whose counts are read off the text (see tests/test_comparison.py)."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from library_cases import HOSTILE, KEY_A, KEY_B
from studyboard.analysis import comparison
from studyboard.dataset import tables as dataset
from studyboard.ingest.document import Document
from studyboard.views import comparisonviews


@pytest.fixture(scope="module")
def pair(lexicon):
    """(A, B): see library_cases for their words."""
    return (dataset.build(Document("a", KEY_A, date="2019-05-21"), lexicon),
            dataset.build(Document("b", KEY_B, date="2024-03-20"), lexicon))


def build(lexicon, text, doc_id="x"):
    return dataset.build(Document(doc_id, text), lexicon)


# --- change cards ------------------------------------------------------------------------


def test_sentences_and_highlight(lexicon):
    ds = build(lexicon, HOSTILE, "h")
    found = comparison.sentences_with(ds, "新质生产力")
    assert found[["paragraph", "sentence"]].values.tolist() == [[1, 1]]
    html = comparisonviews.highlight_html(found.iloc[0]["text"], "新质生产力")
    assert html == "正文第一段&lt;img src=x onerror=alert(1)&gt;，写着<mark>新质生产力</mark>。"


def test_change_cards_escape_everything(lexicon):
    ds = build(lexicon, HOSTILE, "h")
    items = pd.DataFrame({"phrase": ["<b>粗体</b>", "新质生产力"], "count": [1, 1]})
    html = comparisonviews.change_cards_html(items, ds, "phrase", "次", lambda p: f"./reader?doc=h&para={p}&x=<y>")
    assert "<img" not in html and "<b>粗体" not in html and "<script" not in html
    assert "&lt;b&gt;粗体&lt;/b&gt;" in html
    assert 'href="./reader?doc=h&amp;para=2&amp;x=&lt;y&gt;"' in html
    assert "<mark>新质生产力</mark>" in html


def test_labels():
    # the first 16 characters: 关于 新时代 推动 中部地区 高质量发展
    assert comparisonviews.doc_label("关于新时代推动中部地区高质量发展的意见", "2024-03-20") == \
        "2024-03-20 关于新时代推动中部地区高质量发展…"
    assert comparisonviews.doc_label("短标题", "") == "短标题"


def test_doc_colors_latest_in_red():
    palette = comparisonviews.PALETTE
    assert comparisonviews.doc_colors(["a", "b", "c"]) == {"a": palette[2], "b": palette[1], "c": palette[0]}


# --- figures --------------------------------------------------------------------------------


def test_keyness_figure_puts_the_earlier_document_left(pair):
    table = comparison.keyness(*pair)
    fig = comparisonviews.keyness_figure(table, "<i>甲</i>", "乙", "区别词", "log ratio")
    left, right = fig.data
    assert list(left.y) == ["新质生产力"] and list(left.x) == [pytest.approx(math.log2(1 / 6))]
    assert list(right.y) == ["新发展格局"] and list(right.x) == [pytest.approx(math.log2(10))]
    assert left.name == "&lt;i&gt;甲&lt;/i&gt;"


def test_trend_figure_has_a_line_per_term():
    trend = pd.DataFrame({"doc_id": ["a", "b", "a", "b"], "title": ["<b>前</b>", "后", "<b>前</b>", "后"],
                          "date": ["2019-05-21", "2024-03-20"] * 2, "term": ["甲", "甲", "乙", "乙"],
                          "count": [1, 2, 0, 1], "chars": [10, 10, 10, 10], "per_10k": [1000.0, 2000.0, 0.0, 1000.0]})
    fig = comparisonviews.trend_figure(trend, "趋势", "每万字")
    assert [trace.name for trace in fig.data] == ["甲", "乙"]
    assert list(fig.data[0].y) == [1000.0, 2000.0]
    assert fig.data[0].customdata[0][0] == "&lt;b&gt;前&lt;/b&gt;"


def test_trend_axis_in_the_ui_language_without_time_of_day():
    one = pd.DataFrame({"doc_id": ["a"], "title": ["甲"], "date": ["2024-03-20"], "term": ["中部地区"],
                        "count": [14], "nested": [8], "chars": [2589], "per_10k": [54.075]})
    fig = comparisonviews.trend_figure(one, None, "每万字", "zh")
    axis = fig.layout.xaxis
    # one document: one tick, its date in Chinese, no time; the range a month either side
    assert list(axis.ticktext) == ["2024年3月20日"] and axis.tickmode == "array"
    assert [pd.Timestamp(v) for v in axis.tickvals] == [pd.Timestamp("2024-03-20")]
    low, high = (pd.Timestamp(v) for v in axis.range)
    assert (pd.Timestamp("2024-03-20") - low).days == 30 and (high - pd.Timestamp("2024-03-20")).days == 30
    assert fig.data[0].customdata[0][1] == "出现 14 次，其中 8 次在更长的提法中"
    assert fig.data[0].customdata[0][2] == "2024年3月20日"
    en = comparisonviews.trend_figure(one, None, "per 10k", "en")
    assert list(en.layout.xaxis.ticktext) == ["20 Mar 2024"]
    assert en.data[0].customdata[0][1] == "14 occurrences, 8 inside a longer formulation"


def test_trend_axis_with_many_dates_has_month_or_year_ticks():
    months = [f"2023-{m:02d}-15" for m in range(1, 13)]  # twelve documents in 2023
    assert comparisonviews.date_ticks(pd.to_datetime(months), "zh")[1][:3] == ["2023年1月", "2023年2月", "2023年3月"]
    assert comparisonviews.date_ticks(pd.to_datetime(months), "en")[1][0] == "Jan 2023"
    years = [f"{y}-06-01" for y in range(2010, 2025)]  # fifteen years: yearly ticks, at most about a dozen
    ticks, texts, _ = comparisonviews.date_ticks(pd.to_datetime(years), "zh")
    assert texts[0] == "2010年" and len(texts) <= 13 and all(t.endswith("年") for t in texts)
    assert comparisonviews.date_ticks([], "zh") == ([], [], [])


def test_theme_and_province_figures(pair, lexicon):
    a, b = pair
    labels = {"a": "甲", "b": "乙"}
    fig = comparisonviews.theme_figure(comparison.theme_profile([a, b]), labels, {"innovation": "科技创新"},
                               {"innovation": "#0072B2"}, None, "每千字")
    assert [t.name for t in fig.data] == ["甲", "乙"]
    assert fig.data[1].marker.color == comparisonviews.PALETTE[0]  # the later document in red
    assert fig.data[0].y[0] == '<span style="color:#0072B2">■</span> 科技创新'
    fig = comparisonviews.province_figure(comparison.province_profile([a, b], lexicon), labels, lexicon, "en", None,
                                           "mentions")
    assert list(fig.data[0].x) == ["Shanxi", "Anhui", "Jiangxi", "Henan", "Hubei", "Hunan"]
