"""The reader's HTML (paragraphs with their marks, title block, headings,
contents, status line), its lines and labels, checked against the seed and
the test texts of tests/texts read by hand (paragraph numbers as the reader
shows them). Its filters are in tests/test_reading.py."""

from __future__ import annotations

from dataclasses import replace

import os
import re

import pytest

from studyboard import paths
from studyboard.analysis import outline, reading
from studyboard.dataset import tables as dataset
from studyboard.ingest import document
from studyboard.ui import params
from studyboard.views import labels, reader

@pytest.fixture(scope="module")
def xss(lexicon):
    text = ("标题<script>alert(1)</script>\n\n"
            "习近平强调，要推动<img src=x onerror=alert(1)>绿色低碳发展。这是第二句<b>粗体</b>&amp;。\n\n"
            "第二段没有主题。\n")
    return dataset.build(document.Document(id="xss", text=text), lexicon)


def test_summary_says_what_the_filter_found(seed):
    # 粮食 five times (¶1 粮食生产基地, ¶10 ×3, ¶13); ¶10's 粮食生产功能区 is a formulation (userdict.txt)
    assert reader.summary(seed, reading.Filter(search="粮食"), [1, 10, 13], "zh") == [
        "“粮食”：5 处（其中 1 处在更长的提法中），在 3 段中", "符合筛选的段落：3 / 14"]
    assert reader.summary(seed, reading.Filter(search="不存在的词"), [], "en")[0] == \
        "'不存在的词' does not occur in the text."


def test_paragraph_html_highlights_sentences_in_the_theme_colour(seed):
    html = reader.paragraph_html(seed, 8, "zh", flt=reading.Filter(themes=("ecology",)))
    assert 'id="p8"' in html
    # all four sentences of paragraph 8 carry ecology, each tinted with its green
    sentences = re.findall(r'<span class="sb-sent" data-sentence="\d+" data-themes="ecology" '
                           r'style="background-color: (#[0-9A-F]{6})"', html)
    assert len(sentences) == 4 and set(sentences) == {"#B8E4D8"}
    # the first sentence's tooltip names its keywords: 生态环境, 绿色低碳, 美丽中部
    assert 'title="绿色发展：生态环境、绿色低碳、美丽中部"' in html
    assert html.count("inset 0 -0.26em 0 #009E73") == 16  # one band per ecology hit in the paragraph
    # paragraph 7 has no ecology keyword: no highlighted sentence
    assert "data-themes" not in reader.paragraph_html(seed, 7, "zh", flt=reading.Filter(themes=("ecology",)))


def test_a_sentence_with_two_themes_names_both(seed):
    # paragraph 13, third sentence (大力提升粮食、能源资源安全保障能力，实现高质量发展和高水平安全良性互动):
    # 粮食, 能源, 资源安全, 高水平安全 (security, 4 hits) and 高质量发展 (development, 1 hit): it takes
    # the colour of security
    html = reader.paragraph_html(seed, 13, "en", flt=reading.Filter(themes=("security", "development")))
    number = int(seed.sentences.loc[seed.sentences["text"].str.startswith("大力提升粮食"), "sentence"].iloc[0])
    attrs = re.search(rf'<span class="sb-sent" data-sentence="{number}"([^>]*)>', html).group(1)
    assert 'data-themes="security development"' in attrs
    assert "background-color: #EBDDBB" in attrs  # #B8860B at 28 %: 255 - (255 - c) * 0.28
    tip = re.search(r'title="([^"]*)"', attrs).group(1).split("&#10;")
    assert tip == ["Food &amp; energy security: 粮食、能源、资源安全、高水平安全", "High-quality development: 高质量发展"]


def test_glossary_terms_are_marked(seed):
    terms = reading.load_glossary()  # where they are found: tests/test_reading.py
    html = reader.paragraph_html(seed, 6, "en", glossary=terms)
    tip = re.search(r'<span class="sb-term" title="([^"]*)">新发展格局</span>', html)
    lines = tip.group(1).split("&#10;")
    assert lines[0] == "新发展格局 · xīn fāzhǎn géjú"
    # the newest rendering (Belt and Road News Network, 2025-12-31) is not from a primary publisher: marked
    assert lines[1] == "English: new development paradigm (unverified)"
    assert lines[2] == terms["新发展格局"].explain_en


def test_search_hits_are_marked(seed):
    html = reader.paragraph_html(seed, 10, "zh", flt=reading.Filter(search="粮食"))
    assert html.count('class="sb-hit"') == 3


def test_document_text_is_escaped(xss):
    heading = reader.title_block_html(xss, "zh")
    assert "<script>" not in heading and "&lt;script&gt;alert(1)&lt;/script&gt;" in heading
    html = reader.paragraph_html(xss, 1, "zh", flt=reading.Filter(themes=("ecology",), search="<img"))
    assert "<img" not in html and "<b>" not in html
    assert "&lt;img</span> src=x onerror=alert(1)&gt;" in html  # the search mark wraps the escaped text
    assert "&lt;b&gt;粗体&lt;/b&gt;&amp;amp;" in html
    assert reader.status_html(["<script>"]) == '<div class="sb-status">&lt;script&gt;</div>'


def test_url_values_are_checked(seed):
    # the parsers the reader page gives ?para=, ?speaker= and ?hide=
    para = params.parse_int(1, len(reading.paragraph_numbers(seed)))
    assert para("8") == 8
    assert para("15") is None and para("0") is None
    with pytest.raises(ValueError):
        para("eight")
    speaker = params.parse_choice(reading.speakers(seed))
    assert speaker("李强") == "李强"
    assert speaker("<script>") is None
    assert params.parse_flag("1") is True and params.parse_flag("0") is False and params.parse_flag("yes") is None


def test_speaker_names_follow_the_language(seed):
    assert labels.person_name(seed, "丁薛祥", "en") == "Ding Xuexiang"
    assert labels.person_name(seed, "丁薛祥", "zh") == "丁薛祥"
    assert labels.person_name(seed, None, "en") == ""
    # the paragraph block names its speaker in the UI language
    assert '<span class="sb-speaker">Ding Xuexiang</span>' in reader.paragraph_html(seed, 13, "en")
    assert '<span class="sb-speaker">丁薛祥</span>' in reader.paragraph_html(seed, 13, "zh")


def test_provenance_table_lists_the_hashes(seed):
    table = reader.provenance_table(seed, "en")
    values = dict(zip(table["Item"], table["Value"]))
    assert values["Tokenizer"] == f"jieba {seed.provenance['tokenizer_version']}"
    assert values["Stopword tier"] == "function words only"
    assert values["Lexicon themes.toml (SHA-256)"] == seed.provenance["lexicon"]["themes.toml"]
    assert values["Dataset (SHA-256)"] == seed.provenance["dataset_sha256"]
    assert len(table) == 3 + 12 + 5  # tokenizer, mode, tier; twelve lexicon files; input, dataset, key, version, software


def test_provenance_names_the_tokenizer_mode_in_the_ui_language(seed):
    zh = dict(zip(*reader.provenance_table(seed, "zh").to_numpy().T))
    assert zh["分词模式"] == "精确模式，启用 HMM（识别未登录词）；独立的 jieba 分词器，加入了词表中的词语"
    assert "precise" not in zh["分词模式"]
    en = dict(zip(*reader.provenance_table(seed, "en").to_numpy().T))
    assert en["Tokenizer mode"].startswith("precise mode, HMM on")
    # a mode the board does not know is shown as recorded
    odd = replace(seed, provenance={**seed.provenance, "tokenizer_mode": "some other mode"})
    assert dict(zip(*reader.provenance_table(odd, "zh").to_numpy().T))["分词模式"] == "some other mode"


# --- the title block, headings and contents of the test texts (tests/texts) ---------------------


@pytest.fixture
def genre(lexicon):
    from genre_cases import dataset

    return lambda name: dataset(name, lexicon)


def test_the_shipped_report_keeps_its_kicker_and_headline(seed):
    assert reader.title_block_html(seed, "zh") == (
        '<div class="sb-head"><div class="sb-kicker">习近平主持召开新时代推动中部地区崛起座谈会强调</div>'
        '<div class="sb-headline">在更高起点上扎实推动中部地区崛起</div>'
        '<div class="sb-meta">2024-03-20 · 湖南省长沙市 · 新华社</div></div>')
    assert reader.salutation_html(seed) == "" and reader.toc_html(seed, "zh") == ""


def test_the_title_block_of_a_speech_a_report_and_an_article(genre):
    speech = reader.title_block_html(genre("speech"), "zh")
    assert ('<div class="sb-headline">在全省推动中部地区崛起工作推进会上的讲话</div>'
            '<div class="sb-dateline">（2025年6月12日）</div><div class="sb-byline">王某某</div>') in speech
    assert "sb-meta" not in speech  # the date line gives the date; no place or source
    assert reader.salutation_html(genre("speech")) == '<div class="sb-salutation">同志们：</div>'
    report = reader.title_block_html(genre("report"), "en")
    assert ('<div class="sb-headline">政府工作报告</div>'
            '<div class="sb-subtitle">——2025年1月15日在某省第十四届人民代表大会第三次会议上</div>'
            '<div class="sb-byline">省长 王某某</div><div class="sb-meta">2025-01-15</div>') in report
    assert reader.salutation_html(genre("report")) == '<div class="sb-salutation">各位代表：</div>'
    article = reader.title_block_html(genre("article"), "en")
    assert '<div class="sb-credit">Source: 《求是》2025年第8期</div><div class="sb-credit">Author: 李某某</div>' in article
    assert '<div class="sb-note"><span class="sb-note-label">Editor&#39;s note</span>中部地区是我国经济版图中' in article
    assert "sb-kicker" not in article and reader.salutation_html(genre("article")) == ""


def test_heading_numbers_as_the_text_writes_them():
    # one rule for the reader, the grids and the outline (outline.toml [heading_numbers]), in any UI language
    cases = [("section", "三"), ("subsection", "一"), ("item", "1"), ("subitem", "2"), ("chapter", "一"),
             ("division", "二"), ("part", "一"), ("article", "第十条"), ("unnumbered", "")]
    assert [reader.number_label(kind, number) for kind, number in cases] == [
        "三、", "（一）", "1.", "（2）", "第一章\u3000", "第二节\u3000", "第一部分\u3000", "第十条\u3000", ""]
    rules = outline.load_rules()
    assert [rules.numbering(kind, number) for kind, number in cases] == [
        reader.number_label(kind, number) for kind, number in cases]


def test_heading_lines_and_run_in_headings(genre):
    speech = genre("speech")
    assert reader.section_heading_html(speech, 3, "zh") == (
        '<div class="sb-h sb-h1" id="s3" data-section="3"><span class="sb-h-num">三、</span>'
        '扎实抓好推动中部地区崛起的重点工作</div>')
    assert reader.section_heading_html(speech, 4, "en") == (
        '<div class="sb-h sb-h2" id="s4" data-section="4"><span class="sb-h-num">（一）</span>'
        '以科技创新引领产业创新</div>')
    # report ¶3 opens with （一）着力扩大有效需求。: in bold, with the anchor of its section (2)
    html = reader.paragraph_html(genre("report"), 3, "zh")
    assert '<div class="sb-text"><span class="sb-anchor" id="s2" data-section="2"></span>' in html
    assert '<span class="sb-runin">（一）着力扩大有效需求。</span></span><span class="sb-sent"' in html
    assert 'id="s2"' not in reader.paragraph_html(genre("report"), 3, "zh", anchor=False)  # the pinned copy
    article = reader.paragraph_html(genre("decision"), 3, "zh")
    assert '<span class="sb-runin sb-runin-number">第三条</span>促进中部地区崛起工作' in article


def test_row_labels_name_the_section(genre):
    report = genre("report")
    # ¶21 opens 1.加快建设先进制造业集群 (section 13) under 三、（二）; ¶1 stands before any heading
    assert reader.path_label(report, 13, "zh") == "三（二）1."
    assert reader.row_label(report, 21, 13, "zh") == "三（二）1.¶21"
    assert reader.row_label(report, 1, 0, "zh") == "¶1"
    speech = genre("speech")
    assert reader.row_label(speech, 9, 4, "en") == "三（一）¶9"
    # an article is named by its number alone: 第十条 (¶10) under 第二章 第一节
    decision = genre("decision")
    assert reader.row_label(decision, 10, 13, "zh") == "第十条¶10"
    assert reader.path_label(decision, 9, "zh") == "第二章第一节"
    assert reader.section_name(speech, 7, "zh") == "四、切实加强推动中部地区崛起的组织保障"
    assert reader.section_name(speech, 0, "en") == "Opening"


def toc_entries(html: str) -> list[tuple[str, str, str, str]]:
    """(level class, href, number, title) of each entry of the contents."""
    return re.findall(r'<li class="sb-toc-l(\d)[^"]*" data-section="\d+"><a href="([^"]*)"[^>]*>'
                      r'(?:<span class="sb-toc-num">([^<]*)</span>)?([^<]*)</a>', html)


def test_the_contents_of_the_speech(genre):
    html = reader.toc_html(genre("speech"), "zh")
    assert toc_entries(html) == [
        ("1", "#s1", "一、", "深刻认识推动中部地区崛起的重大意义"),
        ("1", "#s2", "二、", "准确把握推动中部地区崛起的目标要求"),
        ("1", "#s3", "三、", "扎实抓好推动中部地区崛起的重点工作"),
        ("2", "#s4", "（一）", "以科技创新引领产业创新"),
        ("2", "#s5", "（二）", "主动融入全国统一大市场"),
        ("2", "#s6", "（三）", "筑牢长江经济带绿色发展底色"),
        ("1", "#s7", "四、", "切实加强推动中部地区崛起的组织保障"),
    ]
    # 四、: the swatches of its three themes with most hits (see tests/test_theme_scores.py), most first
    four = html[html.index('data-section="7"'):]
    assert re.findall(r'data-theme="(\w+)" style="background:(#\w+)" title="([^"]*)"', four) == [
        ("development", "#6A3D9A", "高质量发展：8 次"), ("party", "#C0392B", "党的领导与落实：7 次"),
        ("rural", "#8C564B", "城乡融合：1 次")]
    english = reader.toc_html(genre("report"), "en")
    fourth = english[english.index('data-section="5"'):]
    assert re.findall(r'title="([^"]*)"></span>', fourth)[:2] == ["Green development: 4 hits", "Regional strategy: 1 hit"]


def test_the_contents_of_a_long_text_read_by_parts(genre):
    long = genre("long_report")
    parts = reading.parts(long)
    shown = parts[3]  # 三、 (section 11): ¶31–48, with （一）…（五） and the items 1.–3. of （一）
    html = reader.toc_html(long, "zh", shown=shown, part_href=lambda s: f"./reader?section={s}")
    entries = toc_entries(html)
    assert entries[0] == ("1", "./reader?section=0", "", "开篇")
    assert entries[1] == ("1", "./reader?section=1", "一、", "过去五年的工作和基本经验")
    assert entries[3] == ("1", "#s11", "三、", "加快构建现代化产业体系，夯实高质量发展的实体经济根基")
    assert [e[2] for e in entries[4:12]] == ["（一）", "1.", "2.", "3.", "（二）", "（三）", "（四）", "（五）"]
    assert entries[12][:3] == ("1", "./reader?section=20", "四、")
    assert len(entries) == 1 + 14 + 8  # the opening, every top-level section, the sections of 三、
    assert html.count('target="_self"') == 1 + 13  # another part's URL opens in this tab
    assert '<li class="sb-toc-l1 sb-toc-current" data-section="11">' in html


def test_the_text_column_as_blocks_and_runs(seed):
    """The seed with ecology and hiding on: the paragraphs with an ecology keyword (4, 5, 8, 12, 13, read off the
    text; 6, 9 and 10 only through exclusions of themes.toml) and one line for each run of the others, in reading
    order; the selected one marked."""
    flt = reading.Filter(themes=("ecology",))
    matches = reading.matching_paragraphs(seed, flt)
    blocks = reader.text_html(seed, "zh", flt, matches, True, 1, 14, 8, {})
    assert [number for number, _ in blocks] == [None, 4, 5, None, 8, None, 12, 13, None]
    hidden = [re.sub(r"<[^>]+>", "", html) for number, html in blocks if number is None]
    assert hidden == ["第 1–3 段已隐藏", "第 6–7 段已隐藏", "第 9–11 段已隐藏", "第 14 段已隐藏"]
    assert 'class="sb-para sb-selected" id="p8"' in dict(blocks)[8]
    # a run of them is one element, one block a line (no block holds a line break)
    run = reader.run_html([html for _, html in blocks])
    assert run.split("\n")[1:-1] == [html for _, html in blocks]
    assert run.startswith('<div class="sb-run">\n') and run.endswith("\n</div>")
    # without hiding every paragraph is there, the others dimmed
    shown = reader.text_html(seed, "zh", flt, matches, False, 1, 14, 0, {})
    assert [number for number, _ in shown] == list(range(1, 15))
    assert [n for n, html in shown if 'class="sb-para sb-dim' in html] == [1, 2, 3, 6, 7, 9, 10, 11, 14]


def test_an_edited_numbering_rule_reaches_the_reader(genre, tmp_path, monkeypatch):
    # the reader reads the heading numbers from the lexicon folder in use, again after an edit
    import shutil

    folder = tmp_path / "lexicon"
    shutil.copytree(paths.LEXICON, folder)
    monkeypatch.setenv("STUDYBOARD_LEXICON", str(folder))
    assert reader.number_label("section", "三") == "三、"
    rules = folder / "outline.toml"
    text = rules.read_text(encoding="utf-8").replace('section = "{number}、"', 'section = "{number}．"')
    rules.write_text(text, encoding="utf-8")
    os.utime(rules, ns=(rules.stat().st_atime_ns, rules.stat().st_mtime_ns + 1_000_000))
    assert reader.number_label("section", "三") == "三．"
    assert reader.section_name(genre("speech"), 7, "zh") == "四．切实加强推动中部地区崛起的组织保障"
    rules.write_text("heading_numbers = 3\n", encoding="utf-8")  # broken: the numbers fall back, nothing fails
    os.utime(rules, ns=(rules.stat().st_atime_ns, rules.stat().st_mtime_ns + 2_000_000))
    assert reader.number_label("section", "三") == "三 "
