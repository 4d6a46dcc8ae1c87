"""The study handout: one self-contained HTML file, and Markdown."""

from __future__ import annotations

import re

import pandas as pd
import plotly.graph_objects as go
import pytest

from study_docs import HOSTILE, IMG, PLAIN, SCRIPT, check_html as check, figures_of
from studyboard.dataset import tables as dataset
from studyboard.views import handout

from pages_helpers import plotly_values

TASK_OPENINGS = ["以科技创新引领产业创新", "加强与其他重大发展战略的衔接", "统筹推进深层次改革和高水平开放",
                 "协同推进生态环境保护和绿色低碳发展", "坚持城乡融合发展", "坚持高质量发展和高水平安全相互促进"]


@pytest.fixture(scope="module")
def page(seed, lexicon):
    return handout.html(seed, lexicon, "zh")


def test_html_is_valid_and_self_contained(page):
    from plotly.offline import get_plotlyjs

    checker = check(page, scripts=1)
    tags = {tag for tag, _ in checker.tags}
    assert not tags & {"link", "img", "iframe", "object", "embed"}  # nothing to fetch
    markup, script = page.split("<script>")
    script, rest = script.split("</script>")
    assert not re.search(r"(?:src|href)\s*=", markup + rest)
    # the one script: plotly.js, written once, then the lines that draw the figures; last in the body
    assert script.startswith(get_plotlyjs()) and script.count("* plotly.js v") == 1
    assert script[len(get_plotlyjs()):].strip().startswith("(function () {")
    assert rest.strip() == "</body></html>"
    # the map fetches no base map: plotly.js gets an empty topology in a data: URL
    maps = [f for f in figures_of(page) if f["figure"]["data"][0]["type"] == "choropleth"]
    assert len(maps) == 1 and maps[0]["config"]["topojsonURL"].startswith("data:application/json,")
    assert 'charset="utf-8"' in page and '<html lang="zh-Hans">' in page


def test_html_size(page, seed, lexicon):
    """About 4.8 MB of plotly.js and a quarter of a megabyte for the rest; without the charts, small."""
    assert 4_500_000 < len(page.encode("utf-8")) < 5_500_000
    light = handout.html(seed, lexicon, "zh", board_charts=False)
    assert len(light.encode("utf-8")) < 100_000
    checker = check(light)  # no script at all
    assert not {tag for tag, _ in checker.tags} & {"script", "link", "img", "iframe"}
    assert '<div class="bar"' in light and '<div class="figure"' not in light


def test_board_figures_in_their_sections(page):
    figures = figures_of(page)
    assert len(figures) == 3
    grid, drawn, bars = (f["figure"] for f in figures)
    # sections in order: theme summary, provinces, top terms; each figure above its table
    positions = [page.index(f"<h2>{heading}</h2>") for heading in ("主题概要", "提及的省份", "高频词")]
    boxes = [m.start() for m in re.finditer('<div class="figure"', page)]
    assert positions[0] < boxes[0] < positions[1] < boxes[1] < positions[2] < boxes[2]
    # the themes page's grid: one bar trace per theme (lexicon order), one bar per paragraph; hits written
    # in the cells. Paragraph 3 (the roll call) has none: its 改革 is part of 国家发展改革委 and its
    # 推动中部地区崛起汇报工作 a report on the task, both exclusions; paragraphs 2 and 14 (who attended)
    # none either; paragraph 1 has five development hits (column 8).
    assert len(grid["data"]) == 8 and all(len(plotly_values(t["customdata"])) == 14 for t in grid["data"])
    numbers = [(a["y"], a["x"], a["text"]) for a in grid["layout"]["annotations"]]
    assert (0, 7.5, "5") in numbers  # row 1: column 8
    assert not [n for n in numbers if n[0] in (1, 2, 13)]
    # the map: 湖南 3 (湖南省, 长沙市, 湖南省委书记), the five others 1 each (their Party Secretary)
    values = {}
    for trace in drawn["data"]:
        if trace["type"] == "choropleth" and trace.get("name") != "cities":
            values.update(zip(trace["locations"], plotly_values(trace["z"])))
    assert values == {"140000": 1, "340000": 1, "360000": 1, "410000": 1, "420000": 1, "430000": 3}
    # the term bars: the top terms of the table; 中部地区崛起 8 times (see above), 中部地区 on its own 6 times
    # (¶1 中部地区是…, ¶4 中部地区发展…, ¶6 强化中部地区…, ¶12 把中部地区…, 中部地区要…, 提升中部地区…);
    # no policy verb, no name, no speech verb
    counted = {}
    for trace in bars["data"]:
        counted.update(zip(trace["y"], plotly_values(trace["x"])))
    assert "发展" in counted and counted["中部地区崛起"] == 8 and counted["中部地区"] == 6
    assert not {"推动", "加强", "习近平", "强调"} & set(counted) and len(counted) == 20
    # still figures: a click selects nothing
    assert {f["layout"]["clickmode"] for f in (grid, drawn, bars)} == {"none"}


def test_html_has_the_card_and_the_outline_in_order(page):
    assert "<h1>在更高起点上扎实推动中部地区崛起</h1>" in page
    assert "习近平主持召开新时代推动中部地区崛起座谈会强调" in page and "2024-03-20 · 湖南省长沙市 · 新华社" in page
    positions = [page.index(f'<strong>{heading}</strong>') for heading in TASK_OPENINGS]
    assert positions == sorted(positions)
    assert page.index("中部地区是我国重要粮食生产基地") < positions[0]
    assert positions[-1] < page.index("中央区域协调发展领导小组要加强统筹协调和督促指导")
    assert page.index("其他讲话要点") < page.index("持之以恒抓好生态环境保护，厚植高质量发展的绿色底色。")


def test_html_glossary_themes_provinces_terms(page):
    assert "new quality productive forces" in page and "xīn zhì shēngchǎnlì" in page
    for heading in ("关键词释义", "主题概要", "提及的省份", "高频词"):
        assert f"<h2>{heading}</h2>" in page


def test_province_counts(seed, lexicon):
    counts = handout.province_counts(seed, lexicon).set_index("province")
    # 湖南省 and 长沙市 in the first sentence, 湖南省委书记 in paragraph 3; the other five only by their Party Secretary
    assert counts.loc["湖南", "direct"] == 3
    assert counts.loc[["山西", "安徽", "江西", "河南", "湖北"], "direct"].tolist() == [1, 1, 1, 1, 1]
    # through regions (places.toml members): 长三角, 长江经济带 and 中原城市群 for Anhui; 黄河流域 and 中原城市群 for Shanxi
    assert counts.loc["安徽", "related"] == 3 and counts.loc["山西", "related"] == 2


def test_theme_summary(seed):
    summary = handout.theme_summary(seed).set_index("theme")
    main = summary["main_paragraphs"]
    assert 5 in main["innovation"] and 8 in main["ecology"] and 10 in main["security"] and 11 in main["party"]
    assert summary["share"].sum() == pytest.approx(1, abs=1e-3)


def test_top_terms_leave_out_policy_verbs_and_names(seed, lexicon):
    terms = handout.top_terms(seed, lexicon).set_index("term")
    assert not {"加强", "推动", "推进", "习近平"} & set(terms.index)
    # 中部地区崛起: sentences 1, 3 (twice), 5, 7, 8, 41 and 47
    assert terms.loc["中部地区崛起", "count"] == 8


HOSTILE_NOTES = pd.DataFrame([(0, f"全文笔记{SCRIPT}", "", ""), (2, f"第一行{IMG}\n第二行 **粗体** [链接](http://x)", "", "")],
                             columns=["paragraph", "text", "created", "updated"])


def test_everything_from_the_text_is_escaped(lexicon):
    ds = dataset.build(HOSTILE, lexicon)
    page = handout.html(ds, lexicon, "en", notes=HOSTILE_NOTES)
    checker = check(page, scripts=1)  # plotly.js: the document adds no script
    assert not {tag for tag, _ in checker.tags} & {"img", "iframe"}
    assert SCRIPT not in page and IMG not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page and "&lt;img src=x onerror=alert(1)&gt;" in page
    # in the figures too: the paragraph grid's hover carries the text, escaped for plotly's text
    hovers = " ".join(h for f in figures_of(page) for t in f["figure"]["data"] for h in t.get("hovertext") or ())
    assert "&lt;img src=x" in hovers and "<img" not in hovers  # (wrapped into lines)
    text = handout.markdown(ds, lexicon, "en", notes=HOSTILE_NOTES)
    # Markdown: every < is escaped (\\<script>), nothing else of the tags needs it
    assert SCRIPT not in text and not re.search(r"(?<!\\)<", text) and "\\<script>" in text
    assert "- 全文笔记\\<script>alert(1)\\</script>" in text
    assert "- 第一行\\<img src=x onerror=alert(1)>  \n  第二行 \\*\\*粗体\\*\\* \\[链接\\](http://x)" in text


def test_a_text_without_outline(lexicon):
    ds = dataset.build(PLAIN, lexicon)
    page = handout.html(ds, lexicon, "zh")
    check(page, scripts=1)
    assert "这篇文档里没有找到提纲" in page
    assert "没有找到提纲" in handout.markdown(ds, lexicon, "zh")


def test_markdown(seed, lexicon):
    text = handout.markdown(seed, lexicon, "zh")
    assert text.startswith("*习近平主持召开新时代推动中部地区崛起座谈会强调*\n\n# 在更高起点上扎实推动中部地区崛起\n")
    assert "## 学习提纲" in text
    assert "5. **任务1** · 要**以科技创新引领产业创新**，积极培育和发展新质生产力。 (第5段)" in text
    assert "3. **成效回顾** · 上一次推动中部地区崛起座谈会召开5年来，" in text
    assert "| 新质生产力 | xīn zhì shēngchǎnlì | new quality productive forces |" in text
    english = handout.markdown(seed, lexicon, "en")
    assert "## Study outline" in english and "**Li Qiang**" in english


def test_figures_are_embedded_with_plotly_js(seed, lexicon):
    fig = go.Figure(go.Bar(x=[1, 2], y=["科技创新", "区域协调"], orientation="h"))
    for charts in (True, False):
        page = handout.html(seed, lexicon, "zh", figures=[("主题", fig), ("再一张", fig)], board_charts=charts)
        check(page, scripts=1)  # plotly.js is in the file, not fetched
        assert page.count("* plotly.js v") == 1  # the bundle once, for all figures
        added = figures_of(page)[-2:]
        assert [f["figure"]["data"][0]["y"] for f in added] == [["科技创新", "区域协调"]] * 2
        assert page.index("<h2>主题</h2>") < page.index("<h2>再一张</h2>") < page.index("<script>")


NOTES = pd.DataFrame([(5, "讨论：什么是新质生产力？\n它和传统产业是什么关系？", "2024-03-21T08:00:00+00:00", ""),
                      (0, "先读第1段和第11段。", "2024-03-21T07:00:00+00:00", ""),
                      (5, "举一个本省的例子。", "2024-03-21T09:00:00+00:00", "")],
                     columns=["paragraph", "text", "created", "updated"])


def test_notes_in_the_html(seed, lexicon):
    page = handout.html(seed, lexicon, "zh", notes=NOTES, board_charts=False)
    check(page)
    notes = page[page.index("<h2>笔记</h2>"):page.index("<h2>关键词释义</h2>")]
    # after the outline, before the glossary; the whole document first, then by paragraph, in order
    assert page.index("<h2>学习提纲</h2>") < page.index("<h2>笔记</h2>")
    assert notes.index("<h3>全文</h3>") < notes.index("<h3>第5段")
    assert '<span class="excerpt">习近平强调，要以科技创新引领产业创新，积极培育和发展新质生产力。立足实体…</span>' in notes
    assert "<li>讨论：什么是新质生产力？<br>它和传统产业是什么关系？</li><li>举一个本省的例子。</li>" in notes
    assert "<li>先读第1段和第11段。</li>" in notes
    # no notes, no section
    assert "<h2>笔记</h2>" not in handout.html(seed, lexicon, "zh", notes=NOTES.iloc[0:0], board_charts=False)


def test_notes_in_the_markdown(seed, lexicon):
    text = handout.markdown(seed, lexicon, "en", notes=NOTES)
    part = text[text.index("## Notes"):text.index("## Glossary")]
    assert "### The whole document\n\n- 先读第1段和第11段。\n" in part
    assert ("### Paragraph 5 · 习近平强调，要以科技创新引领产业创新，积极培育和发展新质生产力。立足实体…\n\n"
            "- 讨论：什么是新质生产力？  \n  它和传统产业是什么关系？\n- 举一个本省的例子。\n") in part
    assert "## Notes" not in handout.markdown(seed, lexicon, "en")


def test_file_names(seed):
    assert handout.filename(seed, "html") == "handout-000_97e3ae1a0b7fde01.html"


# --- documents with headings: the handout's title block and heading tree ----------------------------

from study_docs import SPEECH_HEADINGS, genre  # noqa: E402


@pytest.fixture(scope="module")
def speech(lexicon):
    return genre("speech", lexicon)


def test_speech_handout_html(speech, lexicon):
    page = handout.html(speech, lexicon, "zh", board_charts=False)
    check(page)
    assert "<h1>在全省推动中部地区崛起工作推进会上的讲话</h1>" in page
    block = page[page.index('<div class="sb-title-block"'):page.index("</div>", page.index('<div class="sb-title-block"'))]
    assert ">（2025年6月12日）</p>" in block and ">王某某</p>" in block and ">同志们：</p>" in block
    # the outline is the heading tree, in the text's order, with the key statements under each heading
    outline_part = page[page.index("<h2>学习提纲</h2>"):page.index("<h2>关键词释义</h2>")]
    assert "这篇文档里没有找到提纲" not in outline_part
    titles = [outline_part.index(f"{h[:3] if h.startswith('（') else h[:2]}</span>{h[3:] if h.startswith('（') else h[2:]}")
              for h in SPEECH_HEADINGS]
    assert titles == sorted(titles)
    assert outline_part.index("深刻认识推动中部地区崛起的重大意义") < outline_part.index(
        "<strong>站在全局高度认识这项工作</strong>") < outline_part.index("准确把握推动中部地区崛起的目标要求")
    assert '<p class="meta">' not in page  # the date line gives the date; no place or source


def test_speech_handout_markdown(speech, lexicon):
    text = handout.markdown(speech, lexicon, "zh")
    assert text.startswith("# 在全省推动中部地区崛起工作推进会上的讲话\n\n（2025年6月12日）\n\n王某某\n\n同志们：\n\n")
    part = text[text.index("## 学习提纲"):text.index("## 关键词释义")]
    assert "- **一、深刻认识推动中部地区崛起的重大意义** (第2–5段)\n" in part
    assert ("  - 我们要**站在全局高度认识这项工作**，切实把思想和行动统一到党中央决策部署上来，"
            "以更强的责任感和紧迫感抓好各项任务落实。 (第2段)\n") in part
    # （一） is a list item inside 三、's, its statements one level deeper
    three = part.index("- **三、扎实抓好推动中部地区崛起的重点工作** (第9–15段)\n")
    assert part.index("  - **（一）以科技创新引领产业创新** (第9–11段)\n") > three
    assert "    - 发展新质生产力，要**从本地实际出发**" in part


def test_article_handout_markdown_has_the_editor_note(lexicon):
    text = handout.markdown(genre("article", lexicon), lexicon, "en")
    # the label in bold, the space after it outside (Markdown ends bold only after a non-space)
    assert "**Author:** 李某某\n" in text and "**Source:** 《求是》2025年第8期\n" in text
    assert "> **Editor's note:** 中部地区是我国经济版图中承东启西、连南接北的重要板块。" in text
    assert "**作者：**李某某\n" in handout.markdown(genre("article", lexicon), lexicon, "zh")
    assert "- **以科技创新引领产业创新** (paragraphs 3–6)\n" in text
