"""Escaping for Markdown files: what Markdown would read as syntax, and nothing else."""

from __future__ import annotations

import pytest

from studyboard.views.markdown_text import escape


@pytest.mark.parametrize("text", [
    "2024-03-20", "high-quality", "1.5亿", "1+1=2", "C# 语言", "a < b", "a > b", "AT&T", "新质生产力!", "(注)",
    "snake_case_name", "2 * 3", "a\\b", "习近平强调，要以科技创新引领产业创新。", "第一.", "www.gov.cn",
])
def test_text_without_markup_stays_as_it_is(text):
    assert escape(text) == text


@pytest.mark.parametrize("text, expected", [
    # the start of a line: headings, quotes, lists, rules, underlines, fences
    ("# 标题", "\\# 标题"),
    ("###", "\\###"),
    ("> 引用", "\\> 引用"),
    ("- 列表", "\\- 列表"),
    ("+ 加", "\\+ 加"),
    ("* 星", "\\* 星"),
    ("-", "\\-"),
    ("1. 第一", "1\\. 第一"),
    ("2024. 年", "2024\\. 年"),
    ("3) 三", "3\\) 三"),
    ("---", "\\---"),
    ("- - -", "\\- - -"),
    ("===", "\\==="),
    ("~~~", "\\~\\~\\~"),
    ("第 #", "第 \\#"),
    # anywhere: code, links, tables, math, tags, entities
    ("`代码`", "\\`代码\\`"),
    ("[链接](http://x)", "\\[链接\\](http://x)"),
    ("a|b", "a\\|b"),
    ("价格$5", "价格\\$5"),
    ("<script>alert(1)</script>", "\\<script>alert(1)\\</script>"),
    ("<!-- x -->", "\\<!-- x -->"),
    ("&amp; & AT&T &#20013;", "\\&amp; & AT&T \\&#20013;"),
    ("a\\*", "a\\\\\\*"),
    ("行末\\", "行末\\\\"),
    # emphasis: runs that can open or close, and any at the value's two ends
    ("推进*乡村*振兴", "推进\\*乡村\\*振兴"),
    ("*强调*", "\\*强调\\*"),
    ("**粗体**", "\\*\\*粗体\\*\\*"),
    ("a _b_ c", "a \\_b\\_ c"),
    ("_强调_", "\\_强调\\_"),
    ("~~删除~~", "\\~\\~删除\\~\\~"),
    ("约~10", "约\\~10"),
    # lines
    ("第一行\n第二行", "第一行  \n第二行"),
    ("第一行\r\n- 第二行", "第一行  \n\\- 第二行"),
    ("    缩进", "缩进"),
    ("a\n    # b", "a  \n\\# b"),
])
def test_markup_is_escaped_where_it_would_act(text, expected):
    assert escape(text) == expected


def test_a_hostile_note():
    note = "第一行<img src=x onerror=alert(1)>\n第二行 **粗体** [链接](http://x)"
    assert escape(note) == "第一行\\<img src=x onerror=alert(1)>  \n第二行 \\*\\*粗体\\*\\* \\[链接\\](http://x)"


def test_none_and_numbers():
    assert escape(None) == "" and escape(14) == "14"


def test_a_markdown_renderer_shows_the_text_as_it_was():
    """Rendered by a CommonMark renderer with GitHub's tables and strikethrough (markdown-it-py, which
    Streamlit's rich brings), any mix of markup characters reads as the text, on a line's start, inside
    one, in bold and in a list item."""
    import html
    import random
    import re

    markdown_it = pytest.importorskip("markdown_it")
    renderer = markdown_it.MarkdownIt("gfm-like").disable("linkify")

    def shown(source: str) -> str:
        rendered = re.sub(r"<br\s*/?>\n?", "\n", renderer.render(source))
        return html.unescape(re.sub(r"<[^>]+>", "", rendered)).strip()

    pieces = list("*_~`[]()|$<>&#-+=.!\\a1 中，\n") + ["&amp;", "<b>", "1. ", "- ", "# ", "**", "~~", "```"]
    rng = random.Random(11)
    for _ in range(1500):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 10)))
        text = "\n".join(line.strip(" \t") for line in text.split("\n")).strip()
        if not text or "\n\n" in text:
            continue
        for frame in ("{}", "x {} y", "**{}**", "- {}"):
            assert shown(frame.format(escape(text))) == shown(frame.format("XYZ")).replace("XYZ", text), (frame, text)
