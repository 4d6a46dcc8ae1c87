"""The presenter view's content: slides, slide numbers, theme bar, QR code."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest

from study_docs import HOSTILE, IMG, SCRIPT
from studyboard.dataset import tables as dataset
from studyboard.analysis import outline
from studyboard.ui import params
from studyboard.views import slides


@pytest.fixture(scope="module")
def items(seed, lexicon):
    return outline.extract(seed, lexicon)


#: The presenter page's parser of ?slide= (studyboard.ui.params).
parse_slide = params.parse_digits(1, slides.MAX_SLIDE)


def test_slide_numbers_from_the_url():
    assert parse_slide("3") == 3
    assert parse_slide(" 10 ") == 10
    assert parse_slide("３") == 3  # full-width digits, as a Chinese input method types them
    for bad in ("0", "-1", "abc", "", "2.5", "9999999", "²", "<script>", "+3", "1_0"):
        assert parse_slide(bad) is None, bad
    assert slides.url_problem("12", parse_slide("12"), 10) == ("study.slide_out_of_range", {"value": 12, "total": 10})
    assert slides.url_problem("x", parse_slide("x"), 10)[0] == "study.bad_slide"
    assert slides.url_problem("3", 3, 10) is None and slides.url_problem(None, None, 10) is None


def test_size_and_dark_from_the_url():
    parse_size = params.parse_choice(slides.SIZES)  # the page's ?size=
    assert parse_size("xl") == "xl" and parse_size("huge") is None
    assert params.parse_flag("1") is True and params.parse_flag("0") is False and params.parse_flag("yes") is None
    assert params.flag_text(True) == "1" and params.flag_text(False) == "0"
    assert slides.counter_html("3 / 10") == '<div class="sb-counter">3 / 10</div>'


def test_one_slide_per_outline_item(seed, lexicon, items):
    first = slides.build(seed, lexicon, items, 1, "zh")
    # slides 1-4: opening judgement, general requirement, stock-taking, challenges; 5-10 the tasks;
    # 11-13 the closing point and its two requirements; 14-15 the other speakers
    assert first.total == 15 and first.label == "总体判断"
    assert slides.build(seed, lexicon, items, 3, "zh").label == "成效回顾"
    task = slides.build(seed, lexicon, items, 5, "en")
    assert task.label == "Task 1" and task.item["heading"] == "以科技创新引领产业创新"
    li = slides.build(seed, lexicon, items, 14, "en")
    assert li.label == "Li Qiang" and li.role.endswith("Premier")
    # out of range: the last slide
    assert slides.build(seed, lexicon, items, 99, "zh").number == 15


def test_filtered_slides_keep_task_numbers(seed, lexicon, items):
    shown = outline.filter_items(items, seed, ("ecology",), "all")
    labels = slides.labels(seed, shown, items, "zh")
    # 要协同推进生态环境保护和绿色低碳发展 is task 4 of 6 (slide 8 of all): among fewer slides it keeps its number
    found = [label for label in labels.values() if label.endswith(" 任务4 · 协同推进生态环境保护和绿色低碳发展")]
    assert len(found) == 1 and not found[0].startswith("8. ")


def test_slide_html_stresses_the_heading(seed, lexicon, items):
    slide = slides.build(seed, lexicon, items, 5, "zh")  # task 1
    text = slides.slide_html(seed, slide, "zh")
    assert '<strong class="sb-head">以科技创新引领产业创新</strong>' in text
    assert "第5段" in text and "科技创新" in text
    assert "--sb-accent: #0072B2" in text


def test_gloss_from_the_glossary():
    from studyboard.views.labels import term_gloss

    text = term_gloss("新质生产力", "en")
    assert text.startswith("xīn zhì shēngchǎnlì · new quality productive forces\n")
    assert "Heilongjiang" in text
    assert "黑龙江" in term_gloss("新质生产力", "zh")
    assert term_gloss("天气", "zh") == ""


def test_term_chips_show_the_gloss_on_hover():
    html = slides.term_chips(["新质生产力", "天气"], "en")
    assert 'title="xīn zhì shēngchǎnlì · new quality productive forces' in html
    assert '<span class="sb-chip">天气</span>' in slides.term_chips(["新质生产力", "天气"], "zh")


def test_term_chips_show_the_english_on_the_slide_in_english():
    html = slides.term_chips(["新质生产力", "天气"], "en")
    # the glossary's rendering under the term; for a term it does not hold, the pinyin, set apart
    assert ('<span class="sb-term">新质生产力</span><span class="sb-en" lang="en">new quality productive forces</span>'
            in html)
    assert ('<span class="sb-term">天气</span><span class="sb-en sb-pinyin" lang="zh-Latn-pinyin">tiān qì</span>'
            in html)
    zh = slides.term_chips(["新质生产力"], "zh")
    assert "sb-en" not in zh and "new quality" not in zh.split('title="')[0]


def test_jump_list_labels_shorten_the_statement():
    assert slides.shorten("要以科技创新引领产业创新，积极培育和发展新质生产力。", 12) == "要以科技创新引领产业创新…"
    assert slides.shorten("坚持城乡融合发展。") == "坚持城乡融合发展"
    # a cut right after a comma does not end in one
    assert slides.shorten("一二三四五，六七八九十", 6) == "一二三四五…"


def test_slide_layouts(seed, lexicon, items):
    slide = slides.build(seed, lexicon, items, 5, "zh")  # task 1
    assert slides.slide_html(seed, slide, "zh").startswith('<section class="sb-slide sb-projector"')
    phone = slides.slide_html(seed, slide, "zh", layout="phone")
    assert phone.startswith('<section class="sb-slide sb-phone"') and "以科技创新引领产业创新" in phone
    with pytest.raises(ValueError):
        slides.slide_html(seed, slide, "zh", layout="poster")
    style = slides.css(False, 1.0)
    assert ".sb-slide.sb-phone {" in style and "@media (max-width: 640px)" in style


def test_everything_from_the_text_is_escaped(lexicon):
    ds = dataset.build(HOSTILE, lexicon)
    items = outline.extract(ds, lexicon)
    for number in range(1, len(items) + 1):
        text = slides.slide_html(ds, slides.build(ds, lexicon, items, number, "zh"), "zh")
        assert SCRIPT not in text and IMG not in text and "<img" not in text and "<script" not in text
    task = slides.slide_html(ds, slides.build(ds, lexicon, items, 2, "zh"), "zh")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in task
    assert slides.highlight('a<b>"中部地区"', ["中部地区"]) == 'a&lt;b&gt;&#34;<mark class="sb-k">中部地区</mark>&#34;'


def test_theme_bar(seed):
    fig = slides.theme_bar(seed, 5, "en")
    names = [trace.name for trace in fig.data]
    # paragraph 5: the innovation keywords, and 绿色化 (推动制造业高端化、智能化、绿色化发展) for ecology
    assert names == ["Innovation", "Green development"]
    assert [trace.marker.color for trace in fig.data] == ["#0072B2", "#009E73"]
    assert fig.data[0].x[0] > fig.data[1].x[0] == 1
    assert fig.layout.barmode == "stack"
    assert fig.data[0].textfont.color == "#FFFFFF"  # white on the dark blue
    regional = slides.theme_bar(seed, 6, "zh").data[0]
    assert regional.name == "区域协调" and regional.textfont.color == "#222222"  # dark ink on the orange
    dark = slides.theme_bar(seed, 5, "zh", dark=True)
    assert dark.layout.paper_bgcolor == "rgba(0,0,0,0)" and dark.data[0].name == "科技创新"


def test_css_for_dark_and_size():
    bright, dark = slides.css(False, 1.0), slides.css(True, 1.45)
    assert slides.DARK_BG in dark and slides.DARK_BG not in bright
    assert "--sb-scale: 1.45" in dark
    assert slides.size_scale("xl") == 1.45 and slides.size_scale("nope") == 1.0


def test_share_url_and_local_addresses():
    url = slides.share_url("http://192.168.1.20:8501/study", {"doc": "000_x", "slide": "3", "lang": ""})
    assert url == "http://192.168.1.20:8501/study?doc=000_x&slide=3"
    assert not slides.is_local(url)
    for local in ("http://localhost:8501/study", "http://127.0.0.1:8641/", "http://[::1]:8501/"):
        assert slides.is_local(local)


def test_qr_code_is_an_svg_of_the_address():
    svg = slides.qr_svg("http://192.168.1.20:8501/study?doc=000_97e3ae1a0b7fde01&slide=3")
    root = ET.fromstring(svg)
    assert root.tag.endswith("svg") and root.get("width") == "100%"
    # version 4 (33 modules and a border of 2 on each side) holds a 66-character address at level M
    assert root.get("viewBox") == "0 0 37 37"
    assert len(re.findall(r"M\d+,\d+H", svg)) > 200  # dark modules drawn as paths
    assert svg == slides.qr_svg("http://192.168.1.20:8501/study?doc=000_97e3ae1a0b7fde01&slide=3")


# --- a document with headings: one slide per heading --------------------------------------

from study_docs import REPORT_HEADINGS, SPEECH_HEADINGS, genre  # noqa: E402


@pytest.fixture(scope="module")
def speech(lexicon):
    ds = genre("speech", lexicon)
    items = outline.extract(ds, lexicon)
    return ds, items, outline.slide_rows(items)


def test_one_slide_per_section_and_subsection_in_order(speech, lexicon):
    ds, items, rows = speech
    built = [slides.build(ds, lexicon, rows, n, "zh", items) for n in range(1, 8)]
    assert [s.item["statement"] for s in built] == SPEECH_HEADINGS and {s.total for s in built} == {7}
    # the jump list: the headings
    assert list(slides.labels(ds, rows, items, "zh").values()) == [f"{n}. {h}" for n, h in enumerate(SPEECH_HEADINGS, 1)]
    # a subsection's slide names its section; a section's names none
    assert built[3].label == "三、扎实抓好推动中部地区崛起的重点工作" and built[0].label == ""
    assert slides.heading_path(built[3].item, items) == ("三（一）", "三、扎实抓好推动中部地区崛起的重点工作")
    assert slides.heading_path(built[6].item, items) == ("四", "")


def test_heading_slide_html(speech, lexicon):
    ds, items, rows = speech
    html = slides.slide_html(ds, slides.build(ds, lexicon, rows, 1, "zh", items), "zh")
    # the statement is the heading: its number, then its title stressed
    assert '<div class="sb-thesis">一、<strong class="sb-head">深刻认识推动中部地区崛起的重大意义</strong></div>' in html
    assert "第2–5段" in html  # the paragraphs it covers
    assert html.count("<li>") == 3 and "高度认识这项工作" in html  # 全局 is marked as a key term
    sub = slides.slide_html(ds, slides.build(ds, lexicon, rows, 4, "en", items), "en")
    assert "三、扎实抓好推动中部地区崛起的重点工作 · " in sub and "paragraphs 9–11" in sub
    assert '（一）<strong class="sb-head">以科技创新引领产业创新</strong>' in sub
    assert slides.counter_html("4 / 7", "三（一）") == (
        '<div class="sb-counter">4 / 7<div class="sb-counter-path" lang="zh-Hans">三（一）</div></div>')


def test_report_slides_and_their_numbers(lexicon):
    ds = genre("report", lexicon)
    items = outline.extract(ds, lexicon)
    rows = outline.slide_rows(items)
    assert rows["statement"].tolist() == REPORT_HEADINGS
    item = slides.build(ds, lexicon, rows, 13, "zh", items)  # 1.加快建设先进制造业集群
    assert item.label == "（二）加快建设现代化产业体系"
    assert slides.heading_path(item.item, items)[0] == "三（二）1."


def test_decision_slides_list_the_articles(lexicon):
    ds = genre("decision", lexicon)
    items = outline.extract(ds, lexicon)
    rows = outline.slide_rows(items)
    assert len(rows) == 7  # five chapters and the two divisions of 第二章
    general = slides.build(ds, lexicon, rows, 1, "zh", items)
    assert general.item["statement"] == "第一章　总则"
    assert [text for _, text in general.sentences][:2] == ["第一条　为了深入实施促进中部地区崛起战略",
                                                          "第二条　本省行政区域内促进中部地区崛起的规划编制、产业发展、科技创新、开放合作、生态保护以及相关保障活动"]
    assert len(general.sentences) == 6
    assert [text for _, text in slides.build(ds, lexicon, rows, 2, "zh", items).sentences] == ["第一节　产业发展",
                                                                                              "第二节　科技创新"]
    assert general.terms  # no one speaks in a regulation: every sentence gives key terms


def test_theme_bar_of_a_heading_adds_up_its_paragraphs(speech):
    ds = speech[0]
    whole = slides.theme_bar(ds, range(9, 12), "zh")
    parts = [slides.theme_bar(ds, p, "zh") for p in (9, 10, 11)]
    summed = {}
    for fig in parts:
        for trace in fig.data:
            summed[trace.name] = summed.get(trace.name, 0) + trace.x[0]
    assert {trace.name: trace.x[0] for trace in whole.data} == summed
    assert slides.theme_bar(ds, 9, "zh").data[0].x == parts[0].data[0].x
