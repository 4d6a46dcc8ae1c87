"""The study handout: one self-contained HTML file, and Markdown."""

from __future__ import annotations

import re

import plotly.graph_objects as go
import pytest

from study_docs import HOSTILE, IMG, PLAIN, SCRIPT, check_html as check
from studyboard import dataset, handout

TASK_OPENINGS = ["以科技创新引领产业创新", "加强与其他重大发展战略的衔接", "统筹推进深层次改革和高水平开放",
                 "协同推进生态环境保护和绿色低碳发展", "坚持城乡融合发展", "坚持高质量发展和高水平安全相互促进"]


@pytest.fixture(scope="module")
def page(seed, lexicon):
    return handout.html(seed, lexicon, "zh")


def test_html_is_valid_and_self_contained(page):
    checker = check(page)
    tags = {tag for tag, _ in checker.tags}
    assert not tags & {"script", "link", "img", "iframe"}  # nothing to fetch, nothing to run
    assert not re.search(r"(?:src|href)\s*=", page)
    assert 'charset="utf-8"' in page and '<html lang="zh-Hans">' in page


def test_html_has_the_card_and_the_outline_in_order(page):
    assert "<h1>在更高起点上扎实推动中部地区崛起</h1>" in page
    assert "习近平主持召开新时代推动中部地区崛起座谈会强调" in page and "2024-03-20 · 湖南省长沙市 · 新华社" in page
    positions = [page.index(f'<span class="head">{heading}</span>') for heading in TASK_OPENINGS]
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


def test_everything_from_the_text_is_escaped(lexicon):
    ds = dataset.build(HOSTILE, lexicon)
    page = handout.html(ds, lexicon, "en")
    checker = check(page)
    assert not {tag for tag, _ in checker.tags} & {"script", "img"}
    assert SCRIPT not in page and IMG not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page and "&lt;img src=x onerror=alert(1)&gt;" in page
    text = handout.markdown(ds, lexicon, "en")
    assert SCRIPT not in text and IMG not in text and "\\<script\\>" in text


def test_a_text_without_outline(lexicon):
    ds = dataset.build(PLAIN, lexicon)
    page = handout.html(ds, lexicon, "zh")
    check(page)
    assert "这篇文档里没有找到提纲" in page
    assert "没有找到提纲" in handout.markdown(ds, lexicon, "zh")


def test_markdown(seed, lexicon):
    text = handout.markdown(seed, lexicon, "zh")
    assert text.startswith("*习近平主持召开新时代推动中部地区崛起座谈会强调*\n\n# 在更高起点上扎实推动中部地区崛起\n")
    assert "## 学习提纲" in text
    assert "2. **任务1** · 要**以科技创新引领产业创新**，积极培育和发展新质生产力。 (第5段)" in text
    assert "| 新质生产力 | xīn zhì shēngchǎnlì | new quality productive forces |" in text
    english = handout.markdown(seed, lexicon, "en")
    assert "## Study outline" in english and "**Li Qiang**" in english


def test_figures_are_embedded_with_plotly_js(seed, lexicon):
    fig = go.Figure(go.Bar(x=[1, 2], y=["科技创新", "区域协调"], orientation="h"))
    page = handout.html(seed, lexicon, "zh", figures=[("主题", fig), ("再一张", fig)])
    assert page.count("<script") >= 2
    assert not re.search(r"<script[^>]+src=", page)  # plotly.js is in the file, not fetched
    assert page.count("* plotly.js v") == 1  # the bundle once, for both figures
    assert "科技创新" in page


def test_file_names(seed):
    assert handout.filename(seed, "html") == "handout-000_97e3ae1a0b7fde01.html"
