"""Two themes in all-of mode give the same scope on every page: the paragraphs
that carry both, and their sentences with either theme.

Ecology and party: ¶12 and ¶13 carry both; their sentences with either theme
are ¶12 s1 (贯彻落实…重要讲话精神), ¶12 s3 (绿色低碳), ¶13 s1 (二十大精神…重要讲话精神)
and ¶13 s5 (生态环境保护…绿色底色): 4 of the text's 52 sentences (tests/test_filters.py).
"""

from __future__ import annotations

import re

import pytest

from pages_helpers import no_exceptions, paragraphs

PAGES = ("overview", "reader", "study", "map", "terms", "quiz", "themes", "compare")
CAPTION = "2 段含全部所选主题（其中 4 句带所选主题）"
SCOPE_STARTS = ("李强在讲话中表示，要认真学习领会", "要着力锻长板补短板", "丁薛祥在讲话中表示", "持之以恒抓好生态环境保护")


@pytest.mark.parametrize("page", PAGES)
def test_the_sidebar_names_the_unit_on_every_page(run_page, page):
    at = run_page(page, themes="ecology,party", mode="all")
    no_exceptions(at)
    assert CAPTION in [c.value for c in at.sidebar.caption]


def test_the_pages_show_that_scope(run_page, seed):
    at = run_page("reader", themes="ecology,party", mode="all")
    lit = [n for n, html in paragraphs(at).items() if 'class="sb-para sb-dim' not in html]  # not faded
    assert sorted(lit) == [12, 13]

    at = run_page("study", themes="ecology,party", mode="all")
    assert any(c.value.startswith("主题筛选：2 页") for c in at.main.caption)

    at = run_page("terms", themes="ecology,party", mode="all")
    assert any(c.value.startswith("统计 4/52 句中的词语") for c in at.main.caption)

    at = run_page("map", themes="ecology,party", mode="all")
    assert any("（4 句）" in c.value for c in at.main.caption)

    at = run_page("quiz", themes="ecology,party", mode="all")
    prompts = [m.value for m in at.main.markdown if 'class="sb-quiz-prompt"' in m.value]
    assert prompts
    scope = [str(t) for t in seed.sentences["text"] if str(t).startswith(SCOPE_STARTS)]
    assert len(scope) == 4
    for prompt in prompts:
        before = re.sub(r"<[^>]+>", "", prompt.split('<span class="sb-blank">')[0])
        assert any(before in sentence for sentence in scope), before
