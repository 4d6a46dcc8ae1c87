"""The quiz in Chromium: answering, feedback, the score."""

from __future__ import annotations

import pytest

from browser_helpers import errors_on, full_screenshot, has_chinese, main_text, open_page, settle_after

pytestmark = pytest.mark.browser


def test_answer_a_question(page, server):
    open_page(page, server, "quiz", code="小组1", n="3")
    assert errors_on(page) == []
    assert has_chinese(main_text(page))
    first = page.locator('[data-testid="stRadio"]').first
    options = first.get_by_role("radio")
    assert options.count() == 4
    settle_after(page, lambda: first.locator("label", has=page.get_by_role("radio")).first.click())
    feedback = page.locator('[data-testid="stAlert"]').first.inner_text()
    assert "答对了" in feedback or "正确答案是" in feedback
    assert "code=%E5%B0%8F%E7%BB%841" in page.url or "code=小组1" in page.url
    # the first answer is final: the question's choices are locked, the others' still open
    assert all(options.nth(i).is_disabled() for i in range(4))
    assert not page.locator('[data-testid="stRadio"]').nth(1).get_by_role("radio").first.is_disabled()
    full_screenshot(page, "quiz")


def test_english_and_theme_filter(page, server):
    open_page(page, server, "quiz", lang="en", themes="ecology", n="2")
    assert errors_on(page) == []
    text = main_text(page)
    assert "Session code" in text and "Question 2" in text and "Question 3" not in text
    assert "Your score" in text
    full_screenshot(page, "quiz_en")
