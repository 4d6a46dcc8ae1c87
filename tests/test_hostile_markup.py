"""Markup in a theme keyword saved through the lexicon editor (AppTest, the real editor's rows).

A keyword is text: saved into themes.toml as typed, it must never render as Markdown (an image
the browser would fetch, a colour, a formula) nor as HTML on the pages that show keywords (the
themes page's table, messages and charts; the reader's highlighted text and legend).
"""

from __future__ import annotations

import re

import pytest

from pages_helpers import lexicon_copy, no_exceptions, run_page  # noqa: F401  (fixtures)
from studyboard import lexicon as lexicon_module
from studyboard.ui import themes_ui
from test_markdown_injection import _ESCAPED, _LIVE, bodies

MD_KEYWORD = "![](//evil.example):red[词]$$x$$"  # 30 characters, no white space: a valid keyword
HTML_KEYWORD = "<script>alert(1)</script>"
#: A text of my own in which both keywords stand, so that the pages mark them as hits.
TEXT = ("测试文档：带标记的关键词\n\n"
        f"这一段写着{MD_KEYWORD}，推动生态保护。\n\n"
        f"第二段写着{HTML_KEYWORD}，坚持绿色发展。\n")


#: An HTML block of CommonMark's kind 6 (it starts with one of these tags and ends at a blank
#: line): its content is passed through as HTML, never read as Markdown.
_HTML_BLOCK = re.compile(r"\s*<(?:div|table|nav|p|ul|ol|section|h[1-6]|details|style)[\s>]", re.IGNORECASE)


def assert_inert(at) -> None:
    """No live Markdown in any element, except inside the HTML blocks of the board's templates
    (autoescaped), whose text Markdown never reads."""
    for body in bodies(at):
        if _HTML_BLOCK.match(body) and "\n\n" not in body.strip():
            continue
        assert not _LIVE.search(_ESCAPED.sub("", body)), body


@pytest.fixture(autouse=True)
def folders(tmp_path, monkeypatch):
    monkeypatch.setenv("STUDYBOARD_LIBRARY", str(tmp_path / "lib"))


def test_markup_in_a_saved_keyword_is_shown_as_text(run_page, lexicon_copy):
    from library_cases import add

    entry = add(lexicon_module.load(lexicon_copy), TEXT)
    at = run_page("themes", themes="ecology", doc=entry.id)
    at.session_state[themes_ui.editor_key(lexicon_module.key_of(lexicon_copy))] = {
        "edited_rows": {}, "deleted_rows": [],
        "added_rows": [{"theme": "ecology", "keyword": MD_KEYWORD}, {"theme": "ecology", "keyword": HTML_KEYWORD}]}
    at.run()
    no_exceptions(at)
    assert any("新增 2 个、删除 0 个关键词" in w.value for w in at.warning)
    assert_inert(at)
    at.button(key="themes_save").click().run()
    no_exceptions(at)
    assert any("词表已保存" in s.value for s in at.success)
    saved = lexicon_module.load(lexicon_copy)
    assert saved.theme("ecology").keywords[-2:] == (MD_KEYWORD, HTML_KEYWORD)  # stored as typed
    assert_inert(at)
    # (the text has no outline item: with a theme filter, the overview and the study page failed on it)
    for page in ("themes", "reader", "overview", "study"):
        at = run_page(page, themes="ecology", doc=entry.id)
        no_exceptions(at)
        assert_inert(at)
        html = [element.value for element in at.get("markdown") if element.proto.allow_html]
        assert not any(HTML_KEYWORD in value for value in html), page
    # the themes page lists both among ecology's hits (each stands once in the text), as text in its table
    at = run_page("themes", themes="ecology", doc=entry.id)
    html = "\n".join(element.value for element in at.get("markdown") if element.proto.allow_html)
    assert f"{MD_KEYWORD} 1、&lt;script&gt;alert(1)&lt;/script&gt; 1</td>" in html
    at = run_page("reader", themes="ecology", doc=entry.id)  # the reader shows the text as text
    html = "\n".join(element.value for element in at.get("markdown") if element.proto.allow_html)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


#: A second text of my own, for the place and source.
PLACE_TEXT = "测试文档：地点与来源\n\n这一段写着中部地区崛起，推动生态保护。\n"
PLACE = "![p](http://evil.example/p.png):red[地]"
SOURCE = "<script>alert(2)</script>$$s$$<img src=x onerror=alert(3)>"


def test_markup_in_a_documents_place_and_source_is_shown_as_text(run_page):
    from library_cases import add

    entry = add(lexicon_module.load(), PLACE_TEXT, place=PLACE, source=SOURCE, date="2023-02-01")
    for page in ("overview", "reader", "library", "study", "compare"):
        at = run_page(page, doc=entry.id)
        no_exceptions(at)
        assert_inert(at)
        for element in at.get("markdown"):
            if element.proto.allow_html:
                assert "<script>alert(2)" not in element.value and "<img src=x" not in element.value, page
    # the overview's title block names both, as text
    at = run_page("overview", doc=entry.id)
    shown = "\n".join(element.value for element in at.get("markdown")) + "\n".join(c.value for c in at.caption)
    assert "&lt;script&gt;alert(2)&lt;/script&gt;" in shown or r"\<script\>alert\(2\)\</script\>" in shown
