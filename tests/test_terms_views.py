"""The terms page's figures and HTML (studyboard/views/termviews.py): bars, treemap,
word cloud, KWIC table, dispersion, speakers side by side, clicks.

The expected numbers come from reading the seed report (see
tests/test_terms.py): 高质量发展 6 times, in ¶1, ¶6, ¶10 and three times in
¶13; 新质生产力 in ¶5 and ¶13; 中部地区崛起 8 and 推动 15 times; 发展 the most
frequent term; 高水平安全 twice, right after 高质量发展和 (¶10, ¶13).
"""

from __future__ import annotations

import numpy as np
import pytest

from studyboard.analysis import filters, glossary, terms
from studyboard.analysis.terms import Filters
from studyboard.dataset import tables as dataset
from studyboard.ingest import document
from studyboard.views import downloads, termviews


def table(seed, **filters):
    return terms.term_table(seed, Filters(**filters), ())


def count(frame, term):
    found = frame.loc[frame["term"] == term, "count"]
    return int(found.iloc[0]) if len(found) else 0


# --- downloads ------------------------------------------------------------------------


def test_csv_has_a_byte_order_mark(seed):
    data = downloads.csv_bytes(table(seed).head(3))
    assert data.startswith(b"\xef\xbb\xbf") and "发展".encode() in data


# --- KWIC and dispersion ------------------------------------------------------------


def test_kwic_html_links_to_the_reader_and_marks_glossary_terms(seed):
    rows = terms.kwic(seed, "高质量发展", Filters())
    html = termviews.kwic_html(rows, lambda p: f"./reader?doc=x&para={p}", "zh", glossary.load())
    assert html.count("<tr>") == 7  # header and six rows
    assert "href='./reader?doc=x&amp;para=10'" in html
    # 高水平安全 in two right contexts: its one rendering, from no primary publisher, marked as unverified
    assert html.count("<abbr") >= 2 and "high-level security（未核实）" in html


def test_dispersion_puts_each_hit_in_its_paragraph(seed):
    fig = termviews.dispersion_figure(seed, ["高质量发展", "新质生产力"], Filters(), "zh")
    paragraphs = seed.paragraphs
    starts, ends = paragraphs["offset"].to_numpy(), (paragraphs["offset"] + paragraphs["chars"]).to_numpy()

    def where(xs):
        return [int(paragraphs["paragraph"].iloc[np.flatnonzero((starts <= x) & (x < ends))[0]]) for x in xs]

    assert where(fig.data[0].x) == [1, 6, 10, 13, 13, 13]
    assert where(fig.data[1].x) == [5, 13]
    assert list(fig.layout.xaxis.ticktext) == [str(p) for p in range(1, 15)]
    assert fig.layout.xaxis.title.text == "段落"


# --- speakers -------------------------------------------------------------------------------


def test_speaker_labels(seed):
    assert termviews.speaker_label(seed, "丁薛祥", "en") == "Ding Xuexiang"
    assert termviews.speaker_label(seed, "丁薛祥", "zh") == "丁薛祥"
    assert termviews.speaker_label(seed, terms.EVERYONE, "en") == termviews.speaker_label(seed, None, "en") == "Everyone"
    assert termviews.speaker_label(seed, filters.NARRATION, "zh") == "报道叙述（无讲话人）"


def test_speaker_chart_has_a_panel_per_speaker(seed):
    frame = terms.speaker_terms(seed, Filters(), 5, ())
    fig = termviews.speaker_chart(frame, seed, "en")
    titles = [a.text for a in fig.layout.annotations]
    assert titles == ["Xi Jinping", "Li Qiang", "Ding Xuexiang"]
    assert fig.layout.title.text == "Each speaker's top terms"


# --- figures and clicks ------------------------------------------------------------------------


def test_bar_chart(seed):
    fig = termviews.bar_chart(terms.term_table(seed, Filters(), glossary.load()), 20, "en")
    assert fig.layout.title.text == "Top 20 terms"
    names = {trace.name: list(trace.y) for trace in fig.data}
    assert "中部地区崛起" in names["Glossary term"] and "推动" in names["Policy verb"]
    assert list(fig.layout.yaxis.categoryarray)[-1] == "发展"  # the most frequent on top
    assert sum(len(trace.y) for trace in fig.data) == 20
    assert fig.layout.template.layout.font.size >= 16 and fig.layout.yaxis.tickfont.size >= 16
    assert fig.layout.xaxis.title.text == "Occurrences"
    outlined = termviews.bar_chart(table(seed), 20, "zh", opened="高质量发展")
    widths = {y: w for trace in outlined.data for y, w in zip(trace.y, trace.marker.line.width)}
    assert widths["高质量发展"] == 3 and widths["发展"] == 0


def test_treemap_and_word_cloud(seed):
    frame = table(seed)
    tree = termviews.treemap(frame, 10, "zh")
    assert list(tree.data[0].labels) == list(frame["term"].head(10))
    cloud = termviews.word_cloud(frame, 30, "zh")
    assert set(cloud.data[0].text) <= set(frame["term"].head(30))
    assert len(cloud.data[0].text) >= 25


def test_cloud_layout_places_words_without_overlap(seed):
    frame = table(seed).head(40)
    layout = termviews.cloud_layout(frame["term"], frame["count"], 1200, 600, min_size=22, max_size=110)
    assert len(layout) == 40
    boxes = layout.assign(x0=layout.x - layout.w / 2, x1=layout.x + layout.w / 2,
                          y0=layout.y - layout.h / 2, y1=layout.y + layout.h / 2)
    assert (boxes.x0 >= 0).all() and (boxes.x1 <= 1200).all() and (boxes.y0 >= 0).all() and (boxes.y1 <= 600).all()
    rows = list(boxes.itertuples())
    for i, a in enumerate(rows):
        for b in rows[i + 1:]:
            assert a.x1 <= b.x0 or b.x1 <= a.x0 or a.y1 <= b.y0 or b.y1 <= a.y0, (a.term, b.term)
    sizes = dict(zip(layout.term, layout["size"]))
    assert sizes["发展"] == 110 and sizes["发展"] > sizes["高质量发展"] > sizes[layout.term.iloc[-1]]


def test_cloud_layout_leaves_out_what_does_not_fit():
    layout = termviews.cloud_layout(["中部地区崛起", "高质量发展", "新质生产力"], [8, 6, 2], 300, 120, max_size=60)
    # 中部地区崛起 at 60 px is 6 × 60 + 6 px wide: wider than 300. 高质量发展 (count 6: 18 + 42·√(4/6)
    # ≈ 52 px, 267 × 71 px) sits in the middle; 新质生产力 (18 px, 29 px high) finds no 29 px strip left.
    assert list(layout["term"]) == ["高质量发展"]
    assert termviews.cloud_layout([], [], 300, 120).empty


def test_clicked_term():
    event = {"selection": {"points": [{"x": 6, "y": "高质量发展", "customdata": ["高质量发展", "…"]}]}}
    term, signature = termviews.clicked_term(event, None)
    assert term == "高质量发展"
    assert termviews.clicked_term(event, signature) == (None, signature)  # the same selection, already handled
    assert termviews.clicked_term({"selection": {"points": [{"y": "发展"}]}}, signature)[0] == "发展"
    assert termviews.clicked_term({"selection": {"points": []}}, signature) == (None, None)
    assert termviews.clicked_term(None, None) == (None, None)


# --- another document ------------------------------------------------------------------------------


HOSTILE = (
    "测试报告标题\n\n"
    "李强强调，要推动高质量发展<script>alert(1)</script>，加快发展新质生产力。\n\n"
    "会议指出，<img src=x onerror=alert(1)>高质量发展是首要任务。\n"
)


@pytest.fixture(scope="module")
def hostile(lexicon):
    doc = document.Document(id="hostile", text=HOSTILE, filename="hostile.txt")
    return dataset.build(doc, lexicon)


def test_hostile_text_is_escaped_everywhere(hostile):
    rows = terms.kwic(hostile, "高质量发展", Filters(), width=60)
    assert len(rows) == 2
    html = termviews.kwic_html(rows, lambda p: f"./reader?para={p}", "en", glossary.load())
    assert "<script" not in html and "<img" not in html
    assert "&lt;script&gt;" in html and "&lt;img src=x onerror=alert(1)&gt;" in html
    fig = termviews.bar_chart(terms.term_table(hostile, Filters(min_len=1), ()), 30, "zh")
    hovers = " ".join(str(c[1]) for trace in fig.data for c in trace.customdata)
    assert "<script" not in hovers and "<img" not in hovers


def test_dispersion_of_a_long_text_numbers_every_seventh_paragraph(lexicon):
    """long_report.txt has 241 paragraphs: more than the axis's 40 numbers, so every ⌈241/40⌉ = 7th is
    numbered (1, 8, 15, … 239: 35 numbers); the bands still alternate over all 241."""
    from genre_cases import dataset as genre_dataset

    long = genre_dataset("long_report", lexicon)
    fig = termviews.dispersion_figure(long, ["发展"], Filters(), "zh")
    assert list(fig.layout.xaxis.ticktext) == [str(p) for p in range(1, 242, 7)]
    assert len(fig.layout.xaxis.ticktext) == 35
    assert len(fig.layout.shapes) == 121  # paragraphs 1, 3, … 241 shaded
