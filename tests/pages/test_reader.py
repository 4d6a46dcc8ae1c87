"""The reader page (原文) in AppTest: filters, URL state, the heatmap click,
escaping and documents that lack what the page shows."""

from __future__ import annotations

import re

import pytest

from pages_helpers import blocks_of, no_exceptions, paragraphs, plotly_specs
from support import SEED_PATH

# Paragraphs with an ecology keyword, read off the text (see tests/test_reader.py).
ECOLOGY = [4, 5, 8, 12, 13]  # not 9 (社会生态), 6 (黄河流域生态保护和高质量发展) nor 10 (绿色农产品): exclusions in themes.toml


def highlighted(at) -> list[int]:
    return sorted(n for n, html in paragraphs(at).items() if "data-themes=" in html)


def dimmed(at) -> list[int]:
    return sorted(n for n, html in paragraphs(at).items() if 'class="sb-para sb-dim' in html)


def test_default_document_reads_clean(run_page):
    at = run_page("reader")
    no_exceptions(at)
    assert sorted(paragraphs(at)) == list(range(1, 15))
    heading = next(m.value for m in at.markdown if 'class="sb-head"' in m.value)
    assert "习近平主持召开新时代推动中部地区崛起座谈会强调" in heading
    assert "在更高起点上扎实推动中部地区崛起" in heading
    assert highlighted(at) == [] and dimmed(at) == []
    (grid,) = plotly_specs(at)
    assert len(grid["data"]) == 8  # one column of cells per theme
    assert all(trace["type"] == "bar" for trace in grid["data"])
    assert grid["data"][0]["y"] == [str(n) for n in range(1, 15)]  # the paragraphs, in reading order
    assert grid["layout"]["title"]["text"] == "各段主题密度"
    # the method panel: tokenizer and hashes
    table = at.dataframe[0].value
    assert table.iloc[0, 1].startswith("jieba ")
    assert any(item.startswith("词表 themes.toml") for item in table.iloc[:, 0])


def test_theme_filter_highlights_the_ecology_paragraphs(run_page):
    at = run_page("reader", themes="ecology")
    no_exceptions(at)
    assert highlighted(at) == ECOLOGY
    assert dimmed(at) == [1, 2, 3, 6, 7, 9, 10, 11, 14]
    eighth = paragraphs(at)[8]
    assert "习近平指出，要协同推进" in eighth and "#B8E4D8" in eighth  # the ecology green, tinted
    status = next(m.value for m in at.markdown if 'class="sb-status"' in m.value)
    assert "5 / 14" in status  # ECOLOGY


def test_all_of_two_themes_and_hiding(run_page):
    at = run_page("reader", themes="ecology,party", mode="all", hide="1")
    no_exceptions(at)
    assert sorted(paragraphs(at)) == [12, 13]  # only these carry both
    hidden = [b for b in blocks_of(at.markdown) if 'class="sb-hidden"' in b]
    assert hidden[0].endswith("第 1–11 段已隐藏</div>")
    assert at.toggle(key="reader_hide").value is True


def test_query_parameters_restore_the_view(run_page):
    at = run_page("reader", themes="security", para="10", search="粮食", speaker="习近平", hide="1", lang="en")
    no_exceptions(at)
    assert at.text_input(key="reader_search").value == "粮食"
    assert at.selectbox(key="reader_speaker__en").value == "习近平"
    assert at.selectbox(key="reader_para").value == 10
    assert at.toggle(key="reader_hide").value is True
    # security and 习近平 and 粮食: paragraphs 1 and 10 (13 is 丁薛祥's)
    assert sorted(paragraphs(at)) == [1, 10]
    status = next(m.value for m in at.markdown if 'class="sb-status"' in m.value)
    # the quotes as the template escapes them
    # 1 of them in 粮食生产功能区, a formulation of userdict.txt
    assert "&#39;粮食&#39;: 5 hits (1 inside a longer formulation) in 3 paragraphs" in status and "Paragraphs that match: 2 of 14" in status
    pinned = next(m.value for m in at.markdown if 'class="sb-pinned-label"' in m.value)
    assert "Selected: paragraph 10" in pinned and 'href="#p10"' in pinned
    assert 'class="sb-para sb-selected" data-paragraph="10"' in " ".join(m.value for m in at.markdown)
    assert at.query_params["para"] == "10" and at.query_params["search"] == "粮食"
    assert at.query_params["speaker"] == "习近平" and at.query_params["hide"] == "1"


def test_unknown_url_values_are_ignored(run_page):
    at = run_page("reader", para="99", speaker="<script>", hide="maybe", search="<img src=x onerror=alert(1)>")
    no_exceptions(at)
    assert at.selectbox(key="reader_para").value == 0
    assert at.selectbox(key="reader_speaker__zh").value == ""
    assert at.toggle(key="reader_hide").value is False
    html = " ".join(m.value for m in at.markdown)
    assert "<img" not in html and "&lt;img src=x onerror=alert(1)&gt;" in html  # the search, as text
    assert "para" not in at.query_params and "speaker" not in at.query_params


def test_typing_a_search_counts_and_marks_it(run_page):
    at = run_page("reader")
    at.text_input(key="reader_search").input("粮食").run()
    no_exceptions(at)
    status = next(m.value for m in at.markdown if 'class="sb-status"' in m.value)
    assert "“粮食”：5 处（其中 1 处在更长的提法中），在 3 段中"  # 1 in 粮食生产功能区 in status
    assert sum(html.count('class="sb-hit"') for html in paragraphs(at).values()) == 5
    assert dimmed(at) == [2, 3, 4, 5, 6, 7, 8, 9, 11, 12, 14]
    assert at.query_params["search"] == "粮食"


def test_speaker_filter(run_page):
    at = run_page("reader")
    at.selectbox(key="reader_speaker__zh").select("丁薛祥").run()
    no_exceptions(at)
    assert [n for n in paragraphs(at) if n not in dimmed(at)] == [13]
    assert at.query_params["speaker"] == "丁薛祥"


def click_cell(at, paragraph: int, theme: str) -> None:
    """The heatmap's selection as Streamlit hands it to the page after a click on one cell (set before run)."""
    at.session_state["reader_grid_0"] = {"selection": {
        "points": [{"curve_number": 3, "point_number": 7, "point_index": 7, "x": 4, "y": str(paragraph),
                    "customdata": [paragraph, theme]}], "point_indices": [7], "box": [], "lasso": []}}


def test_clicking_a_heatmap_cell_selects_paragraph_and_theme(run_page):
    at = run_page("reader")
    click_cell(at, 8, "ecology")
    at.run()
    no_exceptions(at)
    assert at.selectbox(key="reader_para").value == 8
    assert at.sidebar.multiselect[0].value == ["ecology"]
    assert at.query_params["para"] == "8" and at.query_params["themes"] == "ecology"
    pinned = [b for b in blocks_of(at.markdown) if 'class="sb-para sb-selected"' in b]
    assert len(pinned) == 2  # the copy at the top and the paragraph in the text
    assert all("习近平指出，要协同推进" in html and "data-themes=" in html for html in pinned)
    assert highlighted(at) == ECOLOGY
    (grid,) = plotly_specs(at)
    assert len(grid["layout"]["shapes"]) == 2  # the selected row and cell are framed


@pytest.fixture
def texts(tmp_path, monkeypatch):
    """A document folder with a hostile document and a bare one instead of data/texts."""
    from studyboard import paths

    folder = tmp_path / "texts"
    folder.mkdir()
    (folder / "a_xss.txt").write_text(
        "标题<script>alert(1)</script>\n\n"
        "习近平强调，要推动<img src=x onerror=alert(1)>绿色低碳发展。这是第二句<b>粗体</b>。\n\n"
        "第二段<script>alert(2)</script>没有主题。\n", encoding="utf-8")
    (folder / "b_bare.txt").write_text("今天天气很好。我们去公园散步。\n", encoding="utf-8")
    (folder / "c_seed.txt").write_bytes(SEED_PATH.read_bytes())
    monkeypatch.setattr(paths, "TEXTS", folder)
    return folder


def test_document_text_is_escaped(run_page, texts):
    at = run_page("reader", doc="a_xss", themes="ecology")
    no_exceptions(at)
    html = " ".join(m.value for m in at.markdown)
    assert "<script>" not in html and "<img" not in html and "<b>" not in html
    assert "标题&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    assert highlighted(at) == [1]


def test_a_document_without_speakers_or_theme_hits(run_page, texts):
    at = run_page("reader", doc="b_bare", themes="ecology", speaker="习近平", para="2")
    no_exceptions(at)
    assert sorted(paragraphs(at)) == [1]
    assert plotly_specs(at) == []
    assert any("本文没有任何主题关键词命中" in i.value for i in at.info)
    assert any("没有段落符合当前筛选" in i.value for i in at.info)
    assert any("本文没有标出讲话人" in c.value for c in at.caption)
    assert at.selectbox(key="reader_para").value == 0  # there is no paragraph 2


# --- notes ----------------------------------------------------------------------------------

SCRIPT, IMG = "<script>alert(1)</script>", "<img src=x onerror=alert(1)>"


@pytest.fixture
def library(tmp_path, monkeypatch):
    monkeypatch.setenv("STUDYBOARD_LIBRARY", str(tmp_path / "lib"))
    return tmp_path / "lib"


def test_notes_show_under_their_paragraph_behind_a_toggle(run_page, library):
    from studyboard.views import markup
    from studyboard.store import notes

    doc = SEED_PATH.stem
    notes.add(doc, 5, f"讨论：什么是新质生产力？{SCRIPT}")
    notes.add(doc, 5, f"举一个本省的例子。{IMG}")
    notes.add(doc, 12, "李强讲话的三个要点")
    at = run_page("reader")
    no_exceptions(at)
    # one small toggle under each paragraph with notes, none under the others; closed
    assert [(e.label, e.proto.expanded) for e in at.expander if e.label.startswith("笔记")] == [
        ("笔记（2）", False), ("笔记（1）", False)]
    texts = [m.value for m in at.markdown]
    assert markup.md(f"讨论：什么是新质生产力？{SCRIPT}") in texts and markup.md("李强讲话的三个要点") in texts
    assert not [t for t in texts if SCRIPT in t or IMG in t]  # as text, never as HTML
    # the toggle follows its paragraph: ¶5's notes come after ¶5's block and before ¶6's
    order = blocks_of(at.main.get("markdown"))
    p5 = next(i for i, t in enumerate(order) if 'id="p5"' in t)
    p6 = next(i for i, t in enumerate(order) if 'id="p6"' in t)
    assert p5 < order.index(markup.md(f"讨论：什么是新质生产力？{SCRIPT}")) < p6
    assert any("即可为它写笔记" in c.value for c in at.caption)  # how to add one


def test_a_note_added_on_the_selected_paragraph(run_page, library):
    from studyboard.views import markup
    from studyboard.store import notes

    doc = SEED_PATH.stem
    at = run_page("reader", para="7")
    no_exceptions(at)
    assert not [e for e in at.expander if e.label.startswith("笔记")]  # no notes yet
    box = f"reader_pin_notes_{doc}_7_new"
    at.text_area(key=box).set_value("对比：“两个毫不动摇”在二十大报告中的表述")
    at.button(key=f"{box}_save").click().run()
    no_exceptions(at)
    assert [n.text for n in notes.for_paragraph(doc, 7)] == ["对比：“两个毫不动摇”在二十大报告中的表述"]
    assert at.success[0].value == "笔记已添加。"
    # under the selected paragraph (open) and under ¶7 in the text (behind its toggle)
    shown = [m.value for m in at.markdown].count(markup.md("对比：“两个毫不动摇”在二十大报告中的表述"))
    assert shown == 2
    assert [e.label for e in at.expander if e.label.startswith("笔记")] == ["笔记（1）"]
    assert not any("即可为它写笔记" in c.value for c in at.caption)  # a paragraph is selected


def test_notes_in_english(run_page, library):
    from studyboard.store import notes

    notes.add(SEED_PATH.stem, 3, "Who spoke for which province?")
    at = run_page("reader", lang="en")
    no_exceptions(at)
    assert [e.label for e in at.expander if e.label.startswith("Notes")] == ["Notes (1)"]
    assert any("to write a note on it" in c.value for c in at.caption)


# --- structured texts (tests/texts): title block, headings, contents, parts --------------------------


@pytest.fixture
def genres(tmp_path, monkeypatch):
    """The seed and the speech, the report and the long report of tests/texts as shipped documents."""
    from genre_cases import shipped_folder
    from studyboard import paths

    monkeypatch.setattr(paths, "TEXTS", shipped_folder(tmp_path / "texts", "speech", "report", "long_report"))


def main_html(at) -> list[str]:
    """The HTML blocks of the main area, in page order."""
    return blocks_of(at.main.get("markdown"))


def toc_entries(html: str) -> list[tuple[str, str]]:
    """(href, number and title) of each entry of the contents."""
    return [(href, re.sub(r"<[^>]+>", "", text)) for href, text in
            re.findall(r'<li class="sb-toc-l\d[^"]*" data-section="\d+"><a href="([^"]*)"[^>]*>(.*?)</a>', html)]


def test_a_speech_reads_with_its_title_block_headings_and_contents(run_page, genres):
    at = run_page("reader", doc="speech")
    no_exceptions(at)
    blocks = main_html(at)
    head = next(b for b in blocks if b.startswith('<div class="sb-head">'))
    assert '<div class="sb-headline">在全省推动中部地区崛起工作推进会上的讲话</div>' in head
    assert '<div class="sb-dateline">（2025年6月12日）</div><div class="sb-byline">王某某</div>' in head
    assert sorted(paragraphs(at)) == list(range(1, 20))  # 19 body paragraphs: no title line or heading among them
    # the contents, in order (once beside the text, once above it for a narrow screen)
    tocs = [b for b in blocks if b.startswith('<nav class="sb-toc">')]
    assert len(tocs) == 2 and tocs[0] == tocs[1]
    assert toc_entries(tocs[0]) == [
        ("#s1", "一、深刻认识推动中部地区崛起的重大意义"), ("#s2", "二、准确把握推动中部地区崛起的目标要求"),
        ("#s3", "三、扎实抓好推动中部地区崛起的重点工作"), ("#s4", "（一）以科技创新引领产业创新"),
        ("#s5", "（二）主动融入全国统一大市场"), ("#s6", "（三）筑牢长江经济带绿色发展底色"),
        ("#s7", "四、切实加强推动中部地区崛起的组织保障")]
    # the salutation opens the body; 三、 and （一） stand between ¶8 and ¶9
    order = [re.match(r'<div class="sb-(?:para|h)[^"]*" id="([ps]\d+)"', b).group(1)
             if re.match(r'<div class="sb-(?:para|h)[^"]*" id="', b) else b
             for b in blocks if b.startswith(('<div class="sb-para', '<div class="sb-h ', '<div class="sb-salutation"'))]
    assert order[:3] == ['<div class="sb-salutation">同志们：</div>', "p1", "s1"]
    assert order[order.index("p8") + 1:order.index("p8") + 4] == ["s3", "s4", "p9"]
    three = next(b for b in blocks if 'id="s3"' in b)
    assert three == ('<div class="sb-h sb-h1" id="s3" data-section="3"><span class="sb-h-num">三、</span>'
                     '扎实抓好推动中部地区崛起的重点工作</div>')
    assert sum('class="sb-h ' in b for b in blocks) == 7
    # the byline speaks the whole speech: 58 sentences, ended by the 49 。！？ and 9 ； of the 19 body lines;
    # the heatmap's rows name their section
    assert at.selectbox(key="reader_speaker__zh").options == ["全部", "王某某（58 句）"]
    (grid,) = plotly_specs(at)
    assert grid["data"][0]["y"][8] == "三（一）¶9"
    assert "reader_section__zh" not in at.session_state  # a short text is shown whole


def test_a_report_bolds_its_run_in_headings(run_page, genres):
    at = run_page("reader", doc="report", lang="en")
    no_exceptions(at)
    third = paragraphs(at)[3]
    assert '<span class="sb-anchor" id="s2" data-section="2"></span>' in third
    assert '<span class="sb-runin">（一）着力扩大有效需求。</span>' in third
    head = next(b for b in main_html(at) if b.startswith('<div class="sb-head">'))
    assert '<div class="sb-subtitle">——2025年1月15日在某省第十四届人民代表大会第三次会议上</div>' in head
    assert '<div class="sb-byline">省长 王某某</div>' in head
    toc = next(b for b in main_html(at) if b.startswith('<nav class="sb-toc">'))
    assert len(toc_entries(toc)) == 26  # 4 sections, 7 + 9 + 3 subsections, 3 items
    assert any(b == '<div class="sb-salutation">各位代表：</div>' for b in main_html(at))


def test_a_long_report_is_read_one_part_at_a_time(run_page, genres):
    at = run_page("reader", doc="long_report")
    no_exceptions(at)
    # the opening first: ¶1–2, before 一、
    assert at.selectbox(key="reader_section__zh").value == 0
    assert sorted(paragraphs(at)) == [1, 2]
    (grid,) = plotly_specs(at)
    assert grid["data"][0]["y"] == ["¶1", "¶2"]
    # 三、 (section 11) holds ¶31–48 (long_report.txt lines 37–55)
    at.selectbox(key="reader_section__zh").select(11).run()
    no_exceptions(at)
    assert sorted(paragraphs(at)) == list(range(31, 49))
    assert at.query_params["section"] == "11"
    assert any(b.startswith('<div class="sb-h sb-h1" id="s11"') for b in main_html(at))
    # the next part's button; and a selected paragraph brings its part
    at.button(key="reader_part_next").click().run()
    assert sorted(paragraphs(at)) == list(range(49, 66)) and at.query_params["section"] == "20"
    at = run_page("reader", doc="long_report", para="90")
    no_exceptions(at)
    assert at.selectbox(key="reader_section__zh").value == 35 and sorted(paragraphs(at)) == list(range(80, 98))
    toc = next(b for b in main_html(at) if b.startswith('<nav class="sb-toc">'))
    entries = toc_entries(toc)
    assert entries[0][1] == "开篇" and "section=0" in entries[0][0]
    assert ("#s35", "六、推进高水平对外开放，加快建设内陆开放高地") in entries
    assert len(entries) == 1 + 14 + 5  # the opening, the 14 sections, the five subsections of 六、
    # in English, from the URL
    at = run_page("reader", doc="long_report", section="35", lang="en")
    part = at.selectbox(key="reader_section__en")
    assert part.value == 35 and part.options[0] == "Opening" and len(part.options) == 15
    assert any("paragraphs 80–97 of 241" in c.value for c in at.caption)


def test_the_shipped_report_has_no_contents(run_page):
    at = run_page("reader", section="3")
    no_exceptions(at)
    assert not [b for b in main_html(at) if b.startswith(('<nav class="sb-toc"', '<div class="sb-h ', '<div class="sb-salutation"'))]
    assert "reader_section__zh" not in at.session_state and "section" not in at.query_params


def test_a_heatmap_click_keeps_the_theme_filter_and_adds_its_theme(run_page):
    at = run_page("reader", themes="party")
    click_cell(at, 8, "ecology")
    at.run()
    no_exceptions(at)
    assert at.selectbox(key="reader_para").value == 8
    assert at.sidebar.multiselect[0].value == ["ecology", "party"]  # party stays, ecology is added
    assert at.query_params["themes"] == "ecology,party"
