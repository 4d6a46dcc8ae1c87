"""The live session's HTML: the participants' link, the counts, the message on the projector (escaped)."""

from __future__ import annotations

from studyboard.views import liveviews


def test_participant_link_sits_beside_the_presenter_page_and_carries_only_the_code():
    assert liveviews.participant_url("http://192.168.1.5:8501/study", "abcdefghjk") == \
        "http://192.168.1.5:8501/live?s=abcdefghjk"
    assert liveviews.participant_url("http://host/board/study", "abcdefghjk", "en") == \
        "http://host/board/live?s=abcdefghjk&lang=en"


def test_counts_as_bars_with_the_answer_marked_after_the_reveal():
    html = liveviews.counts_html(["甲", "<i>乙</i>", "丙", "丁"], [2, 1, 0, 0], "已作答：3 人", correct=None)
    assert html.count('class="sb-live-count"') == 4 and "sb-live-correct" not in html
    assert 'data-option="1" data-count="1"' in html and "B. &lt;i&gt;乙&lt;/i&gt;" in html
    assert 'style="width: 100%"' in html and 'style="width: 50%"' in html  # 2 is the longest bar; 1 half of it
    revealed = liveviews.counts_html(["甲", "乙", "丙", "丁"], [2, 1, 0, 0], "", correct=2)
    assert '<li class="sb-live-count sb-live-correct" data-option="2" data-count="0">' in revealed


def test_no_answers_yet_draws_empty_bars():
    html = liveviews.counts_html(["甲", "乙"], [0, 0], "0")
    assert html.count('style="width: 0%"') == 2


def test_a_message_on_the_projector_is_text():
    html = liveviews.shown_html("<script>alert(1)</script>", "<b>王</b>", "现场提问（第 3 页）")
    assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "— &lt;b&gt;王&lt;/b&gt;" in html
    assert "sb-live-shown-name" not in liveviews.shown_html("问题", "", "x")


def test_the_slide_box_carries_its_number():
    assert liveviews.slide_html(7, '<section class="sb-slide">…</section>') == \
        '<div class="sb-live-slide" data-slide="7"><section class="sb-slide">…</section></div>'
