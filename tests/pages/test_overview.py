"""The entry page and the shared controls."""

from __future__ import annotations

from pages_helpers import no_exceptions
from support import SEED_ID


def test_overview_shows_the_document(run_page):
    at = run_page()
    no_exceptions(at)
    assert at.title[0].value == "在更高起点上扎实推动中部地区崛起"
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["段落"] == "14"


def test_english_switch(run_page):
    at = run_page(lang="en")
    no_exceptions(at)
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Paragraphs"] == "14"
    assert at.sidebar.selectbox[0].label == "Document"


def test_theme_filter_from_the_url(run_page):
    at = run_page(themes="ecology,party")
    no_exceptions(at)
    assert at.sidebar.multiselect[0].value == ["ecology", "party"]
    assert at.query_params["themes"] == "ecology,party"


def test_unknown_document_falls_back_with_a_message(run_page):
    at = run_page(doc="../../etc/passwd")
    assert not at.exception
    assert any("找不到文档" in w.value for w in at.warning)
    assert at.sidebar.selectbox[0].value == "000_97e3ae1a0b7fde01"
    assert at.title[0].value == "在更高起点上扎实推动中部地区崛起"


def test_invalid_theme_in_the_url_is_ignored(run_page):
    at = run_page(themes="ecology,<script>,nope")
    no_exceptions(at)
    assert at.sidebar.multiselect[0].value == ["ecology"]


TASK_OPENINGS = ["以科技创新引领产业创新", "加强与其他重大发展战略的衔接", "统筹推进深层次改革和高水平开放",
                 "协同推进生态环境保护和绿色低碳发展", "坚持城乡融合发展", "坚持高质量发展和高水平安全相互促进"]


def outline_markup(at) -> str:
    found = [m.value for m in at.markdown if 'class="sb-outline"' in m.value]
    assert len(found) == 1
    return found[0]


def test_outline_has_the_six_tasks_in_order_and_the_closing_point(run_page):
    at = run_page()
    no_exceptions(at)
    assert any(h.value == "学习提纲" for h in at.header)
    html = outline_markup(at)
    positions = [html.index(f"<strong>{opening}</strong>") for opening in TASK_OPENINGS]
    assert positions == sorted(positions)
    assert html.index("中部地区是我国重要粮食生产基地") < positions[0]
    closing = html.index("<strong>中央区域协调发展领导小组要加强统筹协调和督促指导</strong>")
    assert closing > positions[-1]
    # then the other speakers: Li Qiang (paragraph 12) and Ding Xuexiang (paragraph 13)
    assert closing < html.index("李强") < html.index("丁薛祥") < html.index("持之以恒抓好生态环境保护")
    # labels and links to the paragraphs in the reader
    assert ">任务1<" in html and ">任务6<" in html and ">最后强调<" in html
    assert 'href="./reader?doc=000_97e3ae1a0b7fde01&amp;para=5"' in html
    assert 'href="./reader?doc=000_97e3ae1a0b7fde01&amp;para=10"' in html


def test_outline_in_english_with_the_theme_filter(run_page):
    at = run_page(lang="en", themes="innovation,security", mode="all")
    no_exceptions(at)
    html = outline_markup(at)
    # both themes: paragraph 1 (粮食生产基地, 能源 / 高技术产业) and paragraph 13 (粮食、能源 / 科技创新)
    assert "Opening judgement" in html and "Ding Xuexiang" in html
    assert "Task 1" not in html and "Li Qiang" not in html
    assert "lang=en" in html and "themes=innovation%2Csecurity" in html
    assert any("3 of 15 items" in c.value for c in at.caption)


def test_handout_downloads(run_page, monkeypatch, tmp_path):
    """The files the two download buttons make when clicked: the HTML handout (valid, with the outline, the
    charts and the notes) and Markdown (text only, with the notes). Notes added after the page was drawn
    are in the files: they are made on the click."""
    from streamlit.runtime.media_file_manager import MediaFileManager

    from study_docs import IMG, SCRIPT, check_html, figures_of
    from studyboard.store import notes

    monkeypatch.setenv("STUDYBOARD_LIBRARY", str(tmp_path / "lib"))
    makers = {}
    original = MediaFileManager.add_deferred

    def record(self, data_callable, mimetype, coordinates, file_name=None, **kwargs):
        makers[file_name] = (data_callable, mimetype)
        return original(self, data_callable, mimetype, coordinates, file_name=file_name, **kwargs)

    monkeypatch.setattr(MediaFileManager, "add_deferred", record)
    at = run_page()
    no_exceptions(at)
    labels = [b.proto.label for b in at.get("download_button")]
    assert labels == ["下载 HTML", "下载 Markdown"]
    assert all(b.proto.deferred_file_id for b in at.get("download_button"))  # nothing made before the click
    notes.add(SEED_ID, 5, f"讨论：什么是新质生产力？{SCRIPT}")
    notes.add(SEED_ID, 0, IMG)
    make, mime = makers["handout-000_97e3ae1a0b7fde01.html"]
    page = make()
    assert mime == "text/html"
    check_html(page, scripts=1)
    for opening in TASK_OPENINGS:
        assert f'<strong>{opening}</strong>' in page
    assert len(figures_of(page)) == 3
    assert "<li>讨论：什么是新质生产力？&lt;script&gt;alert(1)&lt;/script&gt;</li>" in page
    assert "<li>&lt;img src=x onerror=alert(1)&gt;</li>" in page and IMG not in page
    make, mime = makers["handout-000_97e3ae1a0b7fde01.md"]
    markdown = make()
    assert mime == "text/markdown"
    assert "## 学习提纲" in markdown and "**以科技创新引领产业创新**" in markdown
    assert "- 讨论：什么是新质生产力？\\<script>alert(1)\\</script>" in markdown
    assert "<script" not in markdown.replace("\\<script", "")


def test_links_to_the_presenter_view_and_the_quiz(run_page):
    at = run_page(lang="en")
    links = {link.proto.label: link.proto.page for link in at.get("page_link")}
    assert "Start presenting" in links and "Take the quiz" in links


def test_previews_of_the_themes_map_and_terms(run_page):
    from urllib.parse import parse_qs

    from pages_helpers import plotly_specs, plotly_values

    at = run_page()
    no_exceptions(at)
    grid, drawn, bars = plotly_specs(at)
    assert len(grid["data"]) == 8 and all(len(plotly_values(t["customdata"])) == 14 for t in grid["data"])
    values = {}
    for trace in drawn["data"]:
        if trace["type"] == "choropleth" and trace.get("name") != "cities":
            values.update(zip(trace["locations"], plotly_values(trace["z"])))
    # 湖南 3 (湖南省 and 长沙市 in ¶1, 湖南省委书记 in ¶3), the other five provinces 1 each
    assert values == {"430000": 3, "140000": 1, "340000": 1, "360000": 1, "410000": 1, "420000": 1}
    terms = [term for trace in bars["data"] for term in trace["y"]]
    assert "中部地区" in terms and "发展" in terms and "推动" not in terms
    # not widgets: nothing to select
    assert all(not chart.proto.selection_mode for chart in at.get("plotly_chart"))
    links = {link.proto.label: link.proto for link in at.get("page_link")}
    assert links["详见主题页"].page == "themes" and links["详见省份页"].page == "map"
    query = parse_qs(links["详见词频页"].query_string)
    assert query["doc"] == ["000_97e3ae1a0b7fde01"] and query["tier"] == ["policy"]
    assert "习近平" in query["exclude"][0].split(",")


def test_previews_follow_the_theme_filter_and_language(run_page):
    from urllib.parse import parse_qs

    from pages_helpers import plotly_specs

    at = run_page(lang="en", themes="ecology")
    no_exceptions(at)
    grid, drawn, bars = plotly_specs(at)
    assert [t["name"] for t in grid["data"]] == ["Green development"]
    assert any(c.value == "Theme filter: the charts count the selected themes only." for c in at.caption)
    links = {link.proto.label: link.proto for link in at.get("page_link")}
    assert parse_qs(links["Open Themes"].query_string) == {"doc": ["000_97e3ae1a0b7fde01"], "themes": ["ecology"],
                                                          "lang": ["en"]}


def test_previews_are_made_once(run_page, monkeypatch):
    """The overview is the first page: its figures are built once and kept (about half a second)."""
    from studyboard.views import overview

    made = []
    original = overview.previews
    monkeypatch.setattr(overview, "previews", lambda *args, **kwargs: made.append(args[2:5]) or original(*args, **kwargs))
    at = run_page()
    at.run()
    at.run()
    no_exceptions(at)
    assert len(at.get("plotly_chart")) == 3 and made == [("zh", (), "any")]


# --- documents with headings: the title block and the heading tree --------------------------------

import pytest  # noqa: E402

from study_docs import REPORT_HEADINGS, SPEECH_HEADINGS, add_genre  # noqa: E402


@pytest.fixture
def library(tmp_path, monkeypatch, lexicon):
    monkeypatch.setenv("STUDYBOARD_LIBRARY", str(tmp_path / "lib"))
    return lambda name: add_genre(name, lexicon)


def tree_markup(at) -> str:
    found = [m.value for m in at.markdown if 'class="sb-outline sb-tree"' in m.value]
    assert len(found) == 1
    return found[0]


def heading_markup(heading: str) -> str:
    """How the outline writes a heading: its number (一、 （一） 1.) apart from its title."""
    import re

    numbering, title = re.match(r"^(（[一二三四五六七八九十]+）|[一二三四五六七八九十]+、|\d+\.)(.*)$", heading).groups()
    return f'<span class="sb-number">{numbering}</span>{title}</span>'


def test_speech_overview(run_page, library):
    doc = library("speech")
    at = run_page(doc=doc)
    no_exceptions(at)
    assert at.title[0].value == "在全省推动中部地区崛起工作推进会上的讲话"
    block = next(m.value for m in at.markdown if 'class="sb-title-block"' in m.value)
    assert ">（2025年6月12日）</p>" in block and ">王某某</p>" in block and ">同志们：</p>" in block
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["标题"] == "7" and metrics["段落"] == "19"
    html = tree_markup(at)
    positions = [html.index(heading_markup(h)) for h in SPEECH_HEADINGS]
    assert positions == sorted(positions) and html.count('<li class="sb-node') == 7
    assert "<strong>站在全局高度认识这项工作</strong>" in html
    assert f'href="./reader?doc={doc}&amp;para=2"' in html
    assert any("按原文的标题层次列出" in c.value for c in at.caption)
    assert not [m for m in at.markdown if '<ol class="sb-outline">' in m.value]  # no report outline


def test_report_overview_in_english(run_page, library):
    at = run_page(doc=library("report"), lang="en")
    no_exceptions(at)
    assert at.title[0].value == "政府工作报告"
    block = next(m.value for m in at.markdown if 'class="sb-title-block"' in m.value)
    assert "——2025年1月15日在某省第十四届人民代表大会第三次会议上" in block and ">省长 王某某</p>" in block
    assert ">各位代表：</p>" in block
    assert {m.label: m.value for m in at.metric}["Headings"] == "26"
    html = tree_markup(at)
    positions = [html.index(heading_markup(h)) for h in REPORT_HEADINGS]
    assert positions == sorted(positions)
    assert "paragraphs 2–12" in html or "¶ 2–12 →" in html
    links = {link.proto.label: link.proto.page for link in at.get("page_link")}
    assert "Start presenting" in links and "Take the quiz" in links
