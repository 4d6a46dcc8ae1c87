"""The theme grids (paragraphs, sentences, speakers, sections), share and
co-occurrence figures and the lexicon's HTML table, in the UI language,
against counts read off the seed and the test texts by hand (the data behind
them: tests/test_theme_scores.py)."""

from __future__ import annotations

import math

import pytest

from studyboard.dataset import tables as dataset
from studyboard.ingest import document
from studyboard.views import themeviews


def test_paragraph_grid_cells_carry_their_paragraph_and_theme(seed):
    fig = themeviews.paragraph_grid(seed, "en", metric="hits", themes=["ecology"], selected=(8, "ecology"),
                                    show_values=True)
    (trace,) = fig.data
    assert trace.type == "bar"  # clickable: Streamlit's selections do not fire on heatmaps
    assert [list(c) for c in trace.customdata][7] == [8, "ecology"]
    assert list(trace.y)[:3] == ["1", "2", "3"] and fig.layout.yaxis.autorange == "reversed"
    assert trace.marker.color[7] == "#009E73"  # the most hits: the theme's own colour
    assert trace.marker.color[0] == themeviews.EMPTY  # paragraph 1: none
    numbers = {(a.y, a.text) for a in fig.layout.annotations}  # y: the row's position, 0 for paragraph 1
    assert (7, "16") in numbers and (12, "2") in numbers and len(numbers) == 5  # one per paragraph with hits
    assert "16 hits" in trace.hovertext[7] and "Keywords: 生态环境" in trace.hovertext[7]
    assert fig.layout.title.text == "Paragraph × theme: hits"
    assert fig.layout.yaxis.title.text == "Paragraph"
    assert len(fig.layout.shapes) == 2  # the selected row and cell


def test_grid_colour_follows_density(seed):
    fig = themeviews.paragraph_grid(seed, "zh", metric="density", themes=["ecology", "security"])
    colors = {t.customdata[0][1]: t for t in fig.data}
    # densest: paragraph 10 for security (19 hits in a paragraph of under 200 characters), the colour itself
    assert colors["security"].marker.color[9] == "#B8860B"
    assert fig.layout.title.text == "段落 × 主题：每百字命中"


def test_dimmed_rows_and_themes(seed):
    fig = themeviews.paragraph_grid(seed, "zh", dim_rows={1, 2}, dim_themes={"party"})
    party = next(t for t in fig.data if t.customdata[0][1] == "party")
    ecology = next(t for t in fig.data if t.customdata[0][1] == "ecology")
    assert set(party.marker.opacity) == {themeviews.DIM}
    assert list(ecology.marker.opacity[:3]) == [themeviews.DIM, themeviews.DIM, 1.0]


def test_share_and_cooccurrence_figures_speak_the_ui_language(seed):
    share = themeviews.share_figure(seed, "en", ["ecology", "security"])
    assert share.layout.title.text == "Each theme's share of all keyword hits"
    assert list(share.data[0].y) == ["Food &amp; energy security", "Green development"]
    assert list(share.data[0].marker.color) == ["#B8860B", "#009E73"]
    cooc = themeviews.cooccurrence_figure(seed, "zh", "paragraph", ["ecology", "security"])
    assert cooc.layout.title.text == "主题共现：同时出现在一段中的次数"
    pairs = cooc.data[1]
    assert pairs.z[0][1] == 1 and math.isnan(pairs.z[0][0])  # the diagonal is drawn apart; both: ¶13
    assert list(cooc.data[0].text[0]) == [5, 0]  # ecology in five paragraphs (4, 5, 8, 12, 13)


def test_wrap_label():
    assert themeviews.wrap_label("党的领导与落实", 4) == "党的领导<br>与落实"
    assert themeviews.wrap_label("粮食能源安全", 4) == "粮食能源<br>安全"
    assert themeviews.wrap_label("城乡融合发展", 5) == "城乡融合发展"  # no orphan character
    assert themeviews.wrap_label("Food & energy security", 4) == "Food &amp;<br>energy<br>security"
    assert themeviews.wrap_label("Urban–rural", 4) == "Urban–rural"


def test_summary_html_escapes_and_shows_colours(seed, lexicon):
    html = themeviews.summary_html(seed, "en")
    assert "background:#009E73" in html and "<b>Green development</b>" in html
    assert "绿色低碳 5" in html
    doc = document.Document(id="x", text="发展<script>alert(1)</script>绿色。")
    html = themeviews.summary_html(dataset.build(doc, lexicon), "zh")
    assert "<script>" not in html


def test_long_english_column_names_are_angled(seed):
    english = themeviews.paragraph_grid(seed, "en")
    assert english.layout.xaxis.tickangle == -45
    assert "Food &amp; energy security" in english.layout.xaxis.ticktext
    chinese = themeviews.paragraph_grid(seed, "zh")
    assert chinese.layout.xaxis.tickangle == 0
    assert "党的领导<br>与落实" in chinese.layout.xaxis.ticktext
    few = themeviews.paragraph_grid(seed, "en", themes=["ecology", "security"])
    assert few.layout.xaxis.tickangle == 0 and "Food &amp;<br>energy<br>security" in few.layout.xaxis.ticktext


def test_speaker_grid_names_the_speakers_and_narration(seed):
    fig = themeviews.speaker_grid(seed, "en", themes=["ecology"])
    (trace,) = fig.data
    assert list(trace.y) == ["Xi Jinping", "Li Qiang", "Ding Xuexiang", "Narration (no speaker)"]
    assert [list(c) for c in trace.customdata][3] == ["-", "ecology"]  # the speaker filter's narration
    chinese = themeviews.speaker_grid(seed, "zh", themes=["ecology"])
    assert list(chinese.data[0].y)[2:] == ["丁薛祥", "叙述（无讲话人）"]


# --- sections: the test texts (tests/texts) -----------------------------------------------------


@pytest.fixture
def genre(lexicon):
    from genre_cases import dataset

    return lambda name: dataset(name, lexicon)


def test_paragraph_rows_are_labelled_and_parted_by_section(genre):
    fig = themeviews.paragraph_grid(genre("speech"), "zh", metric="hits")
    # speech.txt: ¶1 before 一、; 一、 ¶2–5; 二、 ¶6–8; 三、（一） ¶9–11, （二） ¶12–13, （三） ¶14–15; 四、 ¶16–19
    assert list(fig.data[0].y) == (["¶1"] + [f"一¶{n}" for n in range(2, 6)] + [f"二¶{n}" for n in range(6, 9)]
                                   + [f"三（一）¶{n}" for n in (9, 10, 11)] + ["三（二）¶12", "三（二）¶13"]
                                   + ["三（三）¶14", "三（三）¶15"] + [f"四¶{n}" for n in range(16, 20)])
    assert [list(c) for c in fig.data[0].customdata][8] == [9, "innovation"]  # a click still names ¶9
    # a line between the top-level sections: above rows 2, 6, 9 and 16 (positions 1, 5, 8, 15)
    lines = [s for s in fig.layout.shapes if s.type == "line"]
    assert [line.y0 for line in lines] == [0.5, 4.5, 7.5, 14.5]
    assert "第 9 段 · 三（一）以科技创新引领产业创新" in fig.data[0].hovertext[8]
    # one part (三、, ¶9–15): parted by its subsections
    part = themeviews.paragraph_grid(genre("speech"), "zh", paragraphs=range(9, 16))
    assert list(part.data[0].y)[0] == "三（一）¶9" and len(part.data[0].y) == 7
    assert [s.y0 for s in part.layout.shapes if s.type == "line"] == [2.5, 4.5]


def test_the_seed_grid_has_no_section_lines(seed):
    fig = themeviews.paragraph_grid(seed, "zh")
    assert list(fig.data[0].y) == [str(n) for n in range(1, 15)] and not fig.layout.shapes


def test_section_grid(genre):
    speech = genre("speech")
    fig = themeviews.section_grid(speech, "zh", level=1, metric="hits", themes=["party", "development"])
    assert [list(c) for c in fig.data[0].customdata] == [[1, "party"], [2, "party"], [3, "party"], [7, "party"]]
    # each heading is 19 characters: two lines of 10 and 9
    assert list(fig.data[0].y) == ["一、深刻认识推动中部<br>地区崛起的重大意义", "二、准确把握推动中部<br>地区崛起的目标要求",
                                   "三、扎实抓好推动中部<br>地区崛起的重点工作", "四、切实加强推动中部<br>地区崛起的组织保障"]
    # 四、: party 7, development 8 (counted in tests/test_theme_scores.py)
    assert {(a.y, a.text) for a in fig.layout.annotations if a.y == 3} == {(3, "7"), (3, "8")}
    assert fig.layout.title.text == "章节 × 主题：命中次数"
    # level 2 of the report: the subsections, named with the number of their section, parted by it
    report = themeviews.section_grid(genre("report"), "en", level=2, metric="density")
    assert len(report.data[0].y) == 7 + 9 + 3
    assert list(report.data[0].y)[7].startswith("三（一）大力提振消费")
    assert [s.y0 for s in report.layout.shapes if s.type == "line"] == [6.5, 15.5]
    assert report.layout.title.text == "Section × theme: hits per 100 characters"


def test_level_examples(genre):
    assert themeviews.level_examples(genre("speech"), "zh") == {1: "一、", 2: "（一）"}
    assert themeviews.level_examples(genre("report"), "zh") == {1: "一、", 2: "（一）", 3: "1."}
    # decision.txt: 第一章, then 第一条 under it and 第一节 under 第二章, then 第七条 under 第一节
    assert themeviews.level_examples(genre("decision"), "zh") == {1: "第一章", 2: "第一条 / 第一节", 3: "第七条"}


def test_narrow_column_heads(seed):
    """The reader's grid sits in a narrow column (35 px a column at 1280 px, less on a phone): the
    heads in lines of two characters, at most three, in small type."""
    chinese = themeviews.paragraph_grid(seed, "zh", narrow=True)
    assert list(chinese.layout.xaxis.ticktext) == ["科技<br>创新", "区域<br>协调", "改革<br>开放", "绿色<br>发展",
                                                   "城乡<br>融合", "粮食<br>能源<br>安全", "党的<br>领导<br>与落实",
                                                   "高质量<br>发展"]
    assert chinese.layout.xaxis.tickangle == 0 and chinese.layout.xaxis.tickfont.size == 12
    # three lines of 12 px type under a title: more room on top than the plain grid's two lines
    assert chinese.layout.margin.t == 64 + 14 + int(1.3 * 12 * 3)
    english = themeviews.paragraph_grid(seed, "en", narrow=True)
    assert english.layout.xaxis.tickangle == -90  # upright, read bottom to top
    # one line each (24 characters at most): two lines would not fit a column under 30 px
    assert "Food &amp; energy security" in english.layout.xaxis.ticktext
    assert "High-quality development" in english.layout.xaxis.ticktext
    assert themeviews.paragraph_grid(seed, "zh").layout.xaxis.ticktext[6] == "党的领导<br>与落实"  # unchanged
