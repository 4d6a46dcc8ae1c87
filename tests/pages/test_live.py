"""The live session in AppTest: the presenter panel on the presenter view and the participants' page."""

from __future__ import annotations

import re

import pytest
from pages_helpers import no_exceptions

from studyboard.store import live

SEED = "000_97e3ae1a0b7fde01"


@pytest.fixture(autouse=True)
def library(tmp_path, monkeypatch):
    monkeypatch.setenv("STUDYBOARD_LIBRARY", str(tmp_path / "lib"))


def markups(at) -> list[str]:
    return [m.value for m in at.markdown]


def slide_markup(at) -> str:
    found = [m for m in markups(at) if '<section class="sb-slide sb-phone"' in m]
    assert len(found) == 1
    return found[0]


def shown(at) -> int:
    """The number of the slide the participant sees (its box's data-slide)."""
    return int(re.search(r'<div class="sb-live-slide" data-slide="(\d+)">', slide_markup(at))[1])


def where(at) -> str:
    return next(m for m in markups(at) if 'class="sb-live-where' in m)


def test_starting_a_session_puts_code_and_key_in_the_presenters_address(run_page):
    at = run_page("study", slide="3")
    no_exceptions(at)
    at.button(key="live_start").click().run()
    no_exceptions(at)
    code, secret = at.query_params["live"], at.query_params["key"]
    assert live.valid_code(code) and live.is_presenter(code, secret)
    assert live.get(code).slide == 3 and live.get(code).doc_id == SEED
    at.button(key="next").click().run()
    assert live.get(code).slide == 4  # the presenter's slide change is written to the session
    # the QR codes carry the participants' link, without the key
    codes = [c.value for c in at.code]
    assert any(c.endswith(f"/live?s={code}") for c in codes)
    assert not any(secret in c for c in codes)
    assert any(f"现场互动进行中 · 代码 {code}" in m for m in markups(at))


def test_a_wrong_key_moves_nothing(run_page):
    code, _ = live.start(SEED, slide=2)
    at = run_page("study", slide="6", live=code, key="not-the-key")
    assert not at.exception
    assert "这个链接不能主持这场现场互动（缺少或不符的主持人密钥）。" in [w.value for w in at.warning]
    assert not any(c.value.endswith(f"/live?s={code}") for c in at.code)  # no participants' link offered
    assert live.get(code).slide == 2


def test_the_queue_shows_messages_as_text_and_marks_them(run_page):
    code, secret = live.start(SEED, slide=1)
    token = live.new_token()
    message = live.send(code, token, 1, "<b>x</b> 什么是*新质*生产力？", name="小王")
    at = run_page("study", slide="1", live=code, key=secret)
    no_exceptions(at)
    texts = markups(at)
    # Markdown and HTML characters escaped: shown as typed
    assert r"\<b\>x\</b\> 什么是\*新质\*生产力？" in texts
    assert any(c.value == "第 1 页 · 小王" for c in at.caption)
    at.button(key=f"live_show_{message.id}").click().run()
    assert live.shown_message(code).id == message.id
    at.button(key=f"live_answered_{message.id}").click().run()
    assert live.messages(code)[0].answered


def test_the_room_quiz_counts_and_reveals(run_page):
    code, secret = live.start(SEED, slide=5)
    at = run_page("study", slide="5", live=code, key=secret)
    no_exceptions(at)
    picked = at.selectbox(key="live_pick_5")
    # slide 5 is the first task, paragraph 5: its questions come first, marked
    assert picked.format_func(picked.value).startswith("★ ")
    chosen = picked.value
    at.button(key="live_open").click().run()
    question = live.current_question(code)
    assert question is not None and question.key == chosen and question.paragraph == 5
    tokens = [live.new_token() for _ in range(3)]
    live.answer(code, tokens[0], question.key, 0)
    live.answer(code, tokens[1], question.key, 0)
    live.answer(code, tokens[2], question.key, 1)
    at.run()
    counts = next(m for m in markups(at) if 'class="sb-live-counts"' in m)
    assert [int(n) for n in re.findall(r'data-count="(\d+)"', counts)] == [2, 1, 0, 0]
    assert "已作答：3 人" in counts
    at.button(key="live_reveal").click().run()
    assert live.get(code).revealed
    assert any(s.value == f"正确答案：{question.answer}" for s in at.success)
    at.button(key="live_end").click().run()
    assert not live.get(code).open and "live" not in at.query_params and "key" not in at.query_params


def test_participant_follows_pages_privately_and_goes_back(run_page):
    code, secret = live.start(SEED, slide=6)
    at = run_page("live", s=code, doc=SEED)
    no_exceptions(at)
    assert shown(at) == 6 and ">6 / 15<" in where(at) and "跟随主持人" in where(at)
    # slide 6: the second task (paragraph 6)
    assert '<strong class="sb-head">加强与其他重大发展战略的衔接</strong>' in slide_markup(at)
    assert live.TOKEN.match(at.query_params["me"])
    at.button(key="live_next").click().run()
    assert shown(at) == 7 and "自己浏览中" in where(at)
    assert at.button(key="live_back").label == "回到主持人这一页（第 6 页）"
    assert live.get(code).slide == 6  # paging privately moves nobody else
    live.move(code, secret, 10)
    at.run()
    assert shown(at) == 7  # still private
    at.button(key="live_back").click().run()
    assert shown(at) == 10 and "任务6" in slide_markup(at)  # the main speaker's sixth task


def test_participant_sends_a_question_on_the_slide_they_see(run_page):
    code, _ = live.start(SEED, slide=5)
    at = run_page("live", s=code, doc=SEED)
    at.text_area(key="live_text").input("<b>x</b>")
    at.button(key="FormSubmitter:live_form-发送").click().run()
    no_exceptions(at)
    assert [(m.slide, m.text, m.name) for m in live.messages(code)] == [(5, "<b>x</b>", "")]
    assert any(s.value == "已发送给主持人。" for s in at.success)
    assert at.text_area(key="live_text").value == ""
    at.text_area(key="live_text").input("第二个问题")
    at.button(key="FormSubmitter:live_form-发送").click().run()
    assert any("发送太频繁" in w.value for w in at.warning)
    assert len(live.messages(code)) == 1


def test_participant_answers_once_and_sees_the_answer_after_the_reveal(run_page):
    code, secret = live.start(SEED, slide=1)
    question = live.Question("9", "要积极培育和发展＿＿＿＿。", ("甲", "乙", "丙", "丁"), 2, "要积极培育和发展丙。", 5)
    live.open_question(code, secret, question)
    at = run_page("live", s=code, doc=SEED, lang="en")
    no_exceptions(at)
    assert [at.button(key=f"live_choice_9_{i}").label for i in range(4)] == ["A. 甲", "B. 乙", "C. 丙", "D. 丁"]
    at.button(key="live_choice_9_1").click().run()
    assert live.counts(code, "9") == [0, 1, 0, 0]
    assert not [b for b in at.button if b.key and b.key.startswith("live_choice_")]  # no second answer
    assert r"Your answer: B\. 乙" in markups(at)  # escaped Markdown
    live.reveal(code, secret)
    at.run()
    assert any(i.value == "The answer: 丙" for i in at.info)


def test_an_unknown_or_ended_session(run_page):
    at = run_page("live", s="abcdefghjk")
    no_exceptions(at)
    assert [w.value for w in at.warning] == ["没有找到这场现场互动。请重新扫描主持人的二维码。"]
    code, secret = live.start(SEED)
    live.end(code, secret)
    at = run_page("live", s=code, lang="en")
    assert [i.value for i in at.info] == ["This live session has ended."]


def test_the_participants_link_opens_the_sessions_document(run_page, lexicon):
    """The QR link names only the session; the page switches to the session's document."""
    from study_docs import SPEECH_HEADINGS, add_genre

    doc = add_genre("speech", lexicon)
    code, _ = live.start(doc, slide=1)
    at = run_page("live", s=code)
    no_exceptions(at)
    assert at.query_params["doc"] == doc
    # the speech's first slide is its first heading
    assert SPEECH_HEADINGS[0].split("、", 1)[1] in slide_markup(at)


def timer_run(at, monkeypatch, key: str):
    """Run only the timed fragment ``key`` (as its timer does in the browser: a fragment run, not
    the page). AppTest runs whole pages; while this run starts, the runner's requests name that
    fragment alone, so the tree holds only what the fragment's run sent (a page run it asks for with
    st.rerun is a page run as usual)."""
    from streamlit.testing.v1 import local_script_runner

    ids = at._fragment_storage.resolve_target(key)
    plain = local_script_runner.RerunData

    def fragment_run(**kwargs):
        return plain(**kwargs, fragment_id_queue=list(ids), is_fragment_scoped_rerun=True, is_auto_rerun=True)

    with monkeypatch.context() as patch:
        patch.setattr(local_script_runner, "RerunData", fragment_run)
        return at.run()


def test_the_participants_timer_sends_nothing_while_the_room_stays(run_page, monkeypatch):
    code, secret = live.start(SEED, slide=4)
    at = run_page("live", s=code, doc=SEED)
    no_exceptions(at)
    assert shown(at) == 4
    live.send(code, live.new_token(), 4, "别人的问题")  # the room's messages are not on a phone: no change
    timer_run(at, monkeypatch, "live_watch_room")
    no_exceptions(at)
    assert markups(at) == [] and not at.button  # the timer's run drew nothing: no slide, no buttons re-sent
    live.move(code, secret, 5)
    timer_run(at, monkeypatch, "live_watch_room")
    no_exceptions(at)
    assert shown(at) == 5 and ">5 / 15<" in where(at)  # the room moved: the page ran again and drew slide 5


def test_the_participants_timer_redraws_for_the_quiz_and_the_end(run_page, monkeypatch):
    code, secret = live.start(SEED, slide=2)
    at = run_page("live", s=code, doc=SEED)
    question = live.Question("3", "问题？", ("甲", "乙", "丙", "丁"), 0, "甲。", 2)
    live.open_question(code, secret, question)
    timer_run(at, monkeypatch, "live_watch_room")
    assert [at.button(key=f"live_choice_3_{i}").label for i in range(4)] == ["A. 甲", "B. 乙", "C. 丙", "D. 丁"]
    live.reveal(code, secret)
    timer_run(at, monkeypatch, "live_watch_room")
    assert any(i.value == "正确答案：甲" for i in at.info)  # not answered: the answer as information
    timer_run(at, monkeypatch, "live_watch_room")
    assert markups(at) == [] and not at.info
    live.end(code, secret)
    timer_run(at, monkeypatch, "live_watch_room")
    assert [i.value for i in at.info] == ["这场现场互动已经结束。"]


def test_the_presenters_timer_redraws_only_for_the_rooms_changes(run_page, monkeypatch):
    code, secret = live.start(SEED, slide=5)
    at = run_page("study", slide="5", live=code, key=secret)
    no_exceptions(at)
    timer_run(at, monkeypatch, "live_watch_panel")
    no_exceptions(at)
    assert markups(at) == [] and not at.button  # nothing changed: nothing redrawn
    token = live.new_token()
    live.send(code, token, 5, "第五页的问题")
    timer_run(at, monkeypatch, "live_watch_panel")
    no_exceptions(at)
    assert "第五页的问题" in markups(at)  # a new message: the queue shows it
    question = live.Question("7", "问题？", ("甲", "乙", "丙", "丁"), 1, "乙。", 5)
    live.open_question(code, secret, question)
    timer_run(at, monkeypatch, "live_watch_panel")
    counts = next(m for m in markups(at) if 'class="sb-live-counts"' in m)
    assert [int(n) for n in re.findall(r'data-count="(\d+)"', counts)] == [0, 0, 0, 0]
    timer_run(at, monkeypatch, "live_watch_panel")
    assert markups(at) == []
    live.answer(code, token, "7", 3)
    timer_run(at, monkeypatch, "live_watch_panel")
    counts = next(m for m in markups(at) if 'class="sb-live-counts"' in m)
    assert [int(n) for n in re.findall(r'data-count="(\d+)"', counts)] == [0, 0, 0, 1]
