"""The presenter view (学习): one slide per outline item, navigation through the URL."""

from __future__ import annotations

import re

from pages_helpers import no_exceptions, plotly_specs


def slide_markup(at) -> str:
    found = [m.value for m in at.markdown if m.value.startswith('<section class="sb-slide sb-projector"')]
    assert len(found) == 1
    return found[0]


def counter(at) -> str:
    return next(m.value for m in at.markdown if 'class="sb-counter"' in m.value)


def test_slide_from_the_url(run_page):
    at = run_page("study", slide="6")
    no_exceptions(at)
    html = slide_markup(at)
    # slides 1-4 are the opening judgement, the general requirement, the stock-taking and the challenges;
    # slide 6: the second task, 要加强与其他重大发展战略的衔接，更好融入和支撑新发展格局 (paragraph 6)
    assert '<strong class="sb-head">加强与其他重大发展战略的衔接</strong>' in html
    # one counter: the kicker names the task, the counter says where the slide stands
    assert '<div class="sb-kicker" lang="zh">任务2 · 区域协调 · 第6段</div>' in html and "/ 6" not in html
    assert ">6 / 15<" in counter(at)
    assert at.get("progress")[0].proto.value == 40
    bar = plotly_specs(at)[0]
    assert bar["data"][0]["marker"]["color"] == "#E69F00"  # regional strategy, paragraph 6's main theme
    assert any("./reader?doc=000_97e3ae1a0b7fde01&para=6" in m.value for m in at.markdown)


def test_next_previous_and_jump_write_the_url(run_page):
    at = run_page("study", slide="6")
    no_exceptions(at)
    at.button(key="next").click().run()
    assert at.query_params["slide"] == "7"
    assert '<strong class="sb-head">统筹推进深层次改革和高水平开放</strong>' in slide_markup(at)
    at.button(key="prev").click().run()
    at.button(key="prev").click().run()
    assert at.query_params["slide"] == "5"
    at.selectbox(key="slide").set_value(11).run()
    assert at.query_params["slide"] == "11"
    assert "最后强调" in slide_markup(at)
    at.button(key="prev").click().run()
    assert "任务6 · " in slide_markup(at)


def test_first_and_last_slides_disable_their_buttons(run_page):
    at = run_page("study")
    assert "slide" not in at.query_params  # slide 1 is the default
    assert at.button(key="prev").disabled and not at.button(key="next").disabled
    assert "总体判断" in slide_markup(at)
    at = run_page("study", slide="15")
    assert at.button(key="next").disabled
    assert "丁薛祥" in slide_markup(at)


def test_slide_out_of_range_or_not_a_number(run_page):
    at = run_page("study", slide="16")
    no_exceptions(at)
    assert any("没有第 16 页（共 15 页）" in w.value for w in at.warning)
    assert at.query_params["slide"] == "15"
    at = run_page("study", slide="abc", lang="en")
    no_exceptions(at)
    assert any("'abc'" in w.value and "not valid" in w.value for w in at.warning)
    assert "slide" not in at.query_params and "Opening judgement" in slide_markup(at)


def test_size_and_dark_mode_live_in_the_url(run_page):
    at = run_page("study", slide="2", size="xl", dark="1")
    no_exceptions(at)
    assert at.button_group(key="size").value == "xl"
    styles = [m.value for m in at.markdown if m.value.startswith("<style>")]
    assert any("--sb-scale: 1.45" in s and "#111418" in s for s in styles)
    at.toggle(key="dark").set_value(False).run()
    assert "dark" not in at.query_params and at.query_params["size"] == "xl"


def test_english_and_the_theme_filter(run_page):
    at = run_page("study", lang="en", themes="innovation,security", mode="all")
    no_exceptions(at)
    # three items have paragraphs with both themes: the opening judgement and the general requirement (1)
    # and Ding Xuexiang (13)
    assert ">1 / 3<" in counter(at)
    assert "Opening judgement" in slide_markup(at)
    # the jump list: each slide's label and its statement, shortened
    assert at.selectbox(key="slide").options == [
        "1. Opening judgement · 中部地区是我国重要粮食生产基地、能源原材…",
        "2. General requirement · 一以贯之抓好党中央推动中部地区崛起一系列…",
        "3. Ding Xuexiang · 推动中部地区崛起不断取得新成效"]
    at.button(key="next").click().run()
    assert "General requirement" in slide_markup(at)
    at.button(key="next").click().run()
    assert "Ding Xuexiang" in slide_markup(at) and "Vice Premier" in slide_markup(at)


def test_english_shows_the_key_terms_english_on_the_slide(run_page):
    at = run_page("study", slide="15", lang="en")
    no_exceptions(at)
    html = slide_markup(at)
    # Ding Xuexiang's paragraph: glossary terms with their English under them, the others with pinyin
    assert '<span class="sb-term">新质生产力</span><span class="sb-en" lang="en">new quality productive forces</span>' in html
    assert '<span class="sb-term">高质量发展</span><span class="sb-en" lang="en">high-quality development</span>' in html
    assert '<span class="sb-term">科技创新</span><span class="sb-en sb-pinyin" lang="zh-Latn-pinyin">kē jì chuàng xīn</span>' in html
    assert "sb-en" not in slide_markup(run_page("study", slide="15"))  # Chinese: the terms alone


def test_one_counter_and_a_jump_list_of_statements(run_page):
    at = run_page("study", slide="5")
    no_exceptions(at)
    assert ">5 / 15<" in counter(at)
    assert "任务1 · 科技创新 · 第5段" in slide_markup(at) and "1 / 6" not in slide_markup(at)
    options = at.selectbox(key="slide").options
    assert len(options) == 15
    assert options[4] == "5. 任务1 · 以科技创新引领产业创新"
    assert options[8] == "9. 任务5 · 坚持城乡融合发展"
    assert options[10] == "11. 最后强调 · 中央区域协调发展领导小组要加强统筹协调和…"  # 20 characters
    assert options[13] == "14. 李强 · 把中部地区放到整个国家版图中、放到支撑构…"


def test_theme_filter_that_leaves_nothing(run_page):
    at = run_page("study", themes="innovation,rural,party,security,ecology,reform,regional,development",
                 mode="all")
    no_exceptions(at)
    assert any("没有提纲条目的段落含所选主题" in i.value for i in at.info)


def test_qr_code_of_the_view(run_page):
    at = run_page("study", slide="5")
    svg = [m.value for m in at.markdown if 'class="sb-qr"' in m.value]
    assert len(svg) == 1 and "<svg" in svg[0] and "<path" in svg[0]
    address = at.get("code")[0].proto.code_text
    assert "slide=5" in address and "doc=000_97e3ae1a0b7fde01" in address


def test_a_document_without_thesis_sentences(run_page, lexicon_copy):
    # without speech verbs no sentence is reported speech: no outline, no slides
    speakers = lexicon_copy / "speakers.toml"
    text = speakers.read_text(encoding="utf-8")
    speakers.write_text(re.sub(r"(?m)^speech_verbs = .*$", "speech_verbs = []", text), encoding="utf-8")
    at = run_page("study", slide="3")
    no_exceptions(at)
    assert any("没有可演示的内容" in i.value for i in at.info)
    at = run_page()
    no_exceptions(at)
    assert any("这篇文档里没有找到提纲" in i.value for i in at.info)
    assert len(at.get("download_button")) == 2  # the handout is still there


def test_broken_outline_rules_give_a_message(run_page, lexicon_copy):
    (lexicon_copy / "outline.toml").write_text("thesis_markers = [\n", encoding="utf-8")
    for page in ("study", "quiz", "overview"):
        at = run_page(page, lang="en")
        assert not at.exception
        assert any("outline.toml is not valid TOML" in e.value for e in at.error), page


def test_the_slides_paragraph_notes_as_talking_points(run_page, tmp_path, monkeypatch):
    from studyboard.views import markup
    from studyboard.store import notes

    monkeypatch.setenv("STUDYBOARD_LIBRARY", str(tmp_path / "lib"))
    notes.add("000_97e3ae1a0b7fde01", 6, "提问：新发展格局指什么？<b>粗体</b>")
    at = run_page("study", slide="6")  # slide 6 is paragraph 6
    no_exceptions(at)
    assert any("讲解要点（第6段的笔记）" in m.value for m in at.markdown)
    assert markup.md("提问：新发展格局指什么？<b>粗体</b>") in [m.value for m in at.markdown]
    assert not at.text_area  # read only (no box to write or edit): notes are written in the reader
    at = run_page("study", slide="7")  # paragraph 7 has none
    no_exceptions(at)
    assert any("第7段还没有笔记" in c.value for c in at.caption)


# --- documents with headings: one slide per section and subsection ---------------------------------

import pytest  # noqa: E402

from study_docs import REPORT_HEADINGS, SPEECH_HEADINGS, add_genre  # noqa: E402


@pytest.fixture
def library(tmp_path, monkeypatch, lexicon):
    monkeypatch.setenv("STUDYBOARD_LIBRARY", str(tmp_path / "lib"))
    return lambda name: add_genre(name, lexicon)


def test_speech_slides_are_its_headings(run_page, library):
    doc = library("speech")
    at = run_page("study", doc=doc)
    no_exceptions(at)
    assert ">1 / 7<" in counter(at) and "sb-counter-path" in counter(at) and ">一<" in counter(at)
    assert at.selectbox(key="slide").options == [f"{n}. {h}" for n, h in enumerate(SPEECH_HEADINGS, 1)]
    html = slide_markup(at)
    assert '一、<strong class="sb-head">深刻认识推动中部地区崛起的重大意义</strong>' in html and "第2–5段" in html
    assert "我们要站在" in html  # a key statement of 一、 (paragraph 2)
    for number, heading in enumerate(SPEECH_HEADINGS[1:], 2):
        at.button(key="next").click().run()
        assert at.query_params["slide"] == str(number)
        numbering, title = (heading[:3], heading[3:]) if heading.startswith("（") else (heading[:2], heading[2:])
        assert f'{numbering}<strong class="sb-head">{title}</strong>' in slide_markup(at), number
    assert at.button(key="next").disabled
    no_exceptions(at)


def test_a_subsection_slide_from_the_url(run_page, library):
    at = run_page("study", doc=library("speech"), slide="4", lang="en")
    no_exceptions(at)
    html = slide_markup(at)
    assert '（一）<strong class="sb-head">以科技创新引领产业创新</strong>' in html
    assert "三、扎实抓好推动中部地区崛起的重点工作" in html and "paragraphs 9–11" in html
    assert ">三（一）<" in counter(at)
    assert any("Read this part in the reader" in m.value and "from paragraph 9" in m.value and "para=9" in m.value
               for m in at.markdown)
    assert any(c.value == "Themes of this part" for c in at.caption)


def test_report_slides(run_page, library):
    at = run_page("study", doc=library("report"), slide="13")
    no_exceptions(at)
    assert ">13 / 26<" in counter(at) and ">三（二）1.<" in counter(at)
    assert at.selectbox(key="slide").options == [f"{n}. {h}" for n, h in enumerate(REPORT_HEADINGS, 1)]
    assert '1.<strong class="sb-head">加快建设先进制造业集群</strong>' in slide_markup(at)
    at = run_page("study", doc=library("report"), themes="ecology")
    no_exceptions(at)
    assert any("个标题中所辖段落含所选主题的" in c.value for c in at.caption)
