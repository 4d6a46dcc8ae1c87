"""Markdown injection: user and URL text in messages is shown as text.

Streamlit renders Markdown in st.markdown, st.info, st.warning, st.error,
st.success, st.caption and button labels; an image there makes the browser
fetch it, ``:red[…]`` colours text and ``$$…$$`` typesets. Every value below
comes from the address bar, a search box or a document's title; each message
must carry it escaped (written out by hand here) and no live syntax.
"""

from __future__ import annotations

import re

import pytest

from library_cases import REPORT
from pages_helpers import no_exceptions
from studyboard.store import library

IMAGE = "![x](http://evil.example/md.png)"
IMAGE_MD = r"\!\[x\]\(http://evil\.example/md\.png\)"
SLIDE = "![](//evil.example)"
SLIDE_MD = r"\!\[\]\(//evil\.example\)"
TITLE = "![t](http://evil.example/t.png) :red[红] $$x$$"
TITLE_MD = r"\!\[t\]\(http://evil\.example/t\.png\) \:red\[红\] \$\$x\$\$"
SEARCH = ":red[警告] $$E=mc^2$$ ![](//evil.example/q.png)"
SEARCH_MD = r"\:red\[警告\] \$\$E=mc^2\$\$ \!\[\]\(//evil\.example/q\.png\)"

#: Markdown that would render: an image, a link anywhere but the board's own
#: pages (./reader?…), a colour directive, a formula.
_LIVE = re.compile(r"!\[|\]\((?!\./)|:[a-z]+\[|\$\$")
_ESCAPED = re.compile(r"\\.")


def bodies(at) -> list[str]:
    """The Markdown body of every element that renders Markdown."""
    found = []
    for kind in ("markdown", "caption", "info", "warning", "error", "success", "toast", "title", "header",
                 "subheader"):
        found += [element.value for element in at.get(kind)]
    found += [button.proto.label for button in at.get("button")]
    return found


def assert_inert(at) -> None:
    for body in bodies(at):
        assert not _LIVE.search(_ESCAPED.sub("", body)), body


@pytest.fixture(autouse=True)
def folders(tmp_path, monkeypatch):
    monkeypatch.setenv("STUDYBOARD_LIBRARY", str(tmp_path / "lib"))
    return tmp_path


def test_unknown_doc_in_the_url_is_quoted_as_text(run_page):
    at = run_page(None, doc=IMAGE)
    no_exceptions(at)
    assert f"找不到文档“{IMAGE_MD}”，已打开默认文档。" in [w.value for w in at.warning]
    assert_inert(at)


def test_bad_slide_number_is_quoted_as_text(run_page):
    at = run_page("study", slide=SLIDE)
    assert not at.exception
    assert any(w.value.startswith(f"网址里的页码“{SLIDE_MD}”无效，已显示第 1 页") for w in at.warning)
    assert_inert(at)


def test_glossary_search_is_quoted_as_text(run_page):
    at = run_page("terms", section="glossary", q=SEARCH)
    no_exceptions(at)
    assert f"没有符合“{SEARCH_MD}”的词条。" in [i.value for i in at.info]
    assert_inert(at)


def test_term_from_the_url_is_quoted_as_text(run_page):
    at = run_page("terms", term=SEARCH)
    assert not at.exception
    assert_inert(at)


def paste(at, text):
    at.text_area(key="lib_paste").set_value(text)
    at.button(key="lib_paste_read").click().run()
    return at


def test_title_in_added_saved_duplicate_and_delete_messages(run_page):
    at = paste(run_page("library"), REPORT)
    at.text_input(key="lib_new_title").set_value(TITLE)
    at.button(key="FormSubmitter:lib_add_form-加入文库").click().run()
    no_exceptions(at)
    assert at.success[0].value == f"已加入文库并完成解析：“{TITLE_MD}”，2 段，2 句。"
    [entry] = library.entries()
    assert entry.title == TITLE  # stored as typed
    assert_inert(at)

    at = run_page("library", doc=entry.id)
    at.text_input(key="lib_edit_date").set_value("2024-05-08")
    at.button(key="FormSubmitter:lib_edit_form-保存").click().run()
    no_exceptions(at)
    assert at.success[0].value == f"已保存“{TITLE_MD}”的元数据。"
    assert_inert(at)

    paste(at, REPORT)  # the same text again
    assert f"这篇文本已在文库中：“{TITLE_MD}”。不会重复添加。" in [e.value for e in at.error]
    assert_inert(at)

    at.button(key="lib_delete").click().run()
    assert at.warning[0].value == f"确定删除“{TITLE_MD}”吗？文本和 0 条笔记将一并删除，无法恢复。"
    assert_inert(at)
    at.button(key="lib_delete_yes").click().run()
    assert not at.exception
    assert at.success[0].value == f"已删除“{TITLE_MD}”及其 0 条笔记。"
    assert_inert(at)
    assert library.entries() == []


def test_a_missing_text_names_its_document_as_text(run_page):
    at = paste(run_page("library"), REPORT)
    at.text_input(key="lib_new_title").set_value(TITLE)
    at.button(key="FormSubmitter:lib_add_form-加入文库").click().run()
    [entry] = library.entries()
    entry.path.unlink()  # the text file is gone: the listing offers to delete the row
    at = run_page("library")
    assert f"删除文档: {TITLE_MD}" in [b.proto.label for b in at.get("button")]
    assert_inert(at)
