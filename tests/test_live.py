"""The live session's storage: codes, the presenter's secret, messages, the quiz, idle end, restarts."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import textwrap

import pytest
from support import ROOT

from studyboard.errors import InputError
from studyboard.store import db, live


@pytest.fixture(autouse=True)
def library(tmp_path, monkeypatch):
    monkeypatch.setenv("STUDYBOARD_LIBRARY", str(tmp_path / "lib"))
    return tmp_path / "lib"


class Clock:
    def __init__(self, start: float = 1_800_000_000.0) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock(monkeypatch):
    c = Clock()
    monkeypatch.setattr(live, "clock", c)
    return c


QUESTION = live.Question("12", "要积极培育和发展＿＿＿＿。", ("新质生产力", "统一大市场", "生态文明", "营商环境"), 0,
                         "要积极培育和发展新质生产力。", 5)


def test_codes_are_random_from_a_large_alphabet_and_not_in_sequence():
    codes = [live.start("doc")[0] for _ in range(40)]
    assert len(set(codes)) == 40
    assert all(len(code) == 10 and set(code) <= set("abcdefghjkmnpqrstuvwxyz23456789") for code in codes)
    # 31 letters to the power 10: far too many to try one after the other
    assert len(live.ALPHABET) ** live.CODE_LENGTH > 10 ** 14
    # two codes made one after the other share no long common start (they are not counted up)
    assert sum(a[:5] == b[:5] for a, b in zip(codes, codes[1:])) == 0
    assert not live.valid_code("ABCDEFGHJK") and not live.valid_code("abc") and not live.valid_code("0000000000")


def test_the_secret_is_checked_and_only_its_hash_is_stored(library):
    code, secret = live.start("doc", slide=2)
    assert live.get(code).slide == 2
    assert live.is_presenter(code, secret)
    assert not live.is_presenter(code, secret[:-1] + ("A" if secret[-1] != "A" else "B"))
    assert not live.is_presenter(code, "") and not live.is_presenter(code, None)
    with pytest.raises(InputError) as caught:
        live.move(code, "not the secret", 5)
    assert caught.value.key == "live_not_presenter"
    assert live.get(code).slide == 2  # nothing moved
    live.move(code, secret, 5)
    assert live.get(code).slide == 5
    raw = (library / "library.sqlite3").read_bytes()
    assert secret.encode() not in raw


def test_messages_are_limited_in_length_and_rate(clock):
    code, _ = live.start("doc")
    me, other = live.new_token(), live.new_token()
    first = live.send(code, me, 3, "  <b>x</b>  ", name="")
    assert (first.slide, first.text, first.name) == (3, "<b>x</b>", "")
    with pytest.raises(InputError) as caught:
        live.send(code, me, 3, "再问一句")  # at once: within 10 s
    assert caught.value.key == "live_too_soon" and caught.value.params["seconds"] == 10
    clock.now += 9
    with pytest.raises(InputError):
        live.send(code, me, 3, "再问一句")
    live.send(code, other, 4, "另一个人", name="小王")  # the other participant is not held up
    clock.now += 1
    live.send(code, me, 3, "再问一句")
    with pytest.raises(InputError) as caught:
        live.send(code, other, 4, "长" * 281)
    assert caught.value.key == "live_message_too_long"
    with pytest.raises(InputError) as caught:
        live.send(code, other, 4, "   ")
    assert caught.value.key == "live_message_empty"
    assert [(m.text, m.name) for m in live.messages(code)] == [("<b>x</b>", ""), ("另一个人", "小王"), ("再问一句", "")]


def test_twenty_messages_per_participant(clock):
    code, _ = live.start("doc")
    me = live.new_token()
    for n in range(20):
        live.send(code, me, 1, f"第{n + 1}条")
        clock.now += 10
    with pytest.raises(InputError) as caught:
        live.send(code, me, 1, "第21条")
    assert caught.value.key == "live_too_many"
    assert len(live.messages(code)) == 20


def test_marking_answered_and_showing_one_message():
    code, secret = live.start("doc")
    a = live.send(code, live.new_token(), 1, "甲")
    b = live.send(code, live.new_token(), 1, "乙")
    live.mark_answered(code, secret, a.id)
    live.show(code, secret, a.id)
    live.show(code, secret, b.id)  # one at a time
    assert [(m.text, m.answered, m.shown) for m in live.messages(code)] == [("甲", True, False), ("乙", False, True)]
    assert live.shown_message(code).text == "乙"
    live.show(code, secret, None)
    assert live.shown_message(code) is None
    with pytest.raises(InputError):
        live.mark_answered(code, "wrong", b.id)


def test_first_answer_is_final_and_counts_follow():
    code, secret = live.start("doc")
    one, two, three = (live.new_token() for _ in range(3))
    with pytest.raises(InputError) as caught:
        live.answer(code, one, "12", 0)  # no question open yet
    assert caught.value.key == "live_question_closed"
    live.open_question(code, secret, QUESTION)
    assert live.current_question(code).answer == "新质生产力"
    assert live.answer(code, one, "12", 0) == 0
    assert live.answer(code, one, "12", 2) == 0  # the second answer does not count
    live.answer(code, two, "12", 0)
    live.answer(code, three, "12", 1)
    assert live.counts(code, "12") == [2, 1, 0, 0]
    assert live.my_answer(code, one, "12") == 0 and live.my_answer(code, live.new_token(), "12") is None
    live.reveal(code, secret)
    assert live.get(code).revealed
    with pytest.raises(InputError):
        live.answer(code, live.new_token(), "12", 3)  # revealed: answers are closed
    csv_text = live.counts_csv(code, ("question", "prompt", "choice", "answer", "count"))
    assert csv_text.splitlines() == ["question,prompt,choice,answer,count",
                                     "1,要积极培育和发展＿＿＿＿。,新质生产力,1,2", "1,要积极培育和发展＿＿＿＿。,统一大市场,0,1",
                                     "1,要积极培育和发展＿＿＿＿。,生态文明,0,0", "1,要积极培育和发展＿＿＿＿。,营商环境,0,0"]


def test_ending_deletes_what_participants_wrote_and_refuses_changes(library):
    code, secret = live.start("doc")
    token = live.new_token()
    live.send(code, token, 1, "私下的问题")
    live.open_question(code, secret, QUESTION)
    live.answer(code, token, "12", 1)
    live.end(code, secret)
    session = live.get(code)
    assert not session.open and session.question == ""
    assert live.messages(code) == [] and live.questions(code) == [] and live.counts(code, "12") == []
    with sqlite3.connect(library / "library.sqlite3") as con:
        assert con.execute("SELECT COUNT(*) FROM live_messages").fetchone()[0] == 0
        assert con.execute("SELECT COUNT(*) FROM live_answers").fetchone()[0] == 0
    for change in (lambda: live.move(code, secret, 2), lambda: live.open_question(code, secret, QUESTION),
                   lambda: live.reveal(code, secret)):
        with pytest.raises(InputError) as caught:
            change()
        assert caught.value.key == "live_ended"
    with pytest.raises(InputError) as caught:
        live.send(code, live.new_token(), 1, "还能发吗")
    assert caught.value.key == "live_ended"


def test_a_session_ends_after_two_idle_hours(clock):
    code, secret = live.start("doc")
    live.send(code, live.new_token(), 1, "问题")
    clock.now += 2 * 3600 - 60
    live.touch(code, secret)  # the presenter's view is still open
    clock.now += 2 * 3600 - 60
    assert live.get(code).open and len(live.messages(code)) == 1
    clock.now += 61
    assert not live.get(code).open
    assert live.messages(code) == []
    with pytest.raises(InputError):
        live.move(code, secret, 3)


def test_participant_activity_does_not_keep_a_session_alive(clock):
    code, _ = live.start("doc")
    token = live.new_token()
    clock.now += 3600
    live.send(code, token, 1, "一小时后")
    clock.now += 3601
    assert not live.get(code).open


def test_state_survives_a_restart(library):
    """Another process (a restarted server) reads the session from the database."""
    code, secret = live.start("doc", slide=1)
    live.move(code, secret, 4)
    live.send(code, live.new_token(), 4, "重启前的问题")
    live.open_question(code, secret, QUESTION)
    script = textwrap.dedent(f"""
        from studyboard.store import live
        s = live.get({code!r})
        print(s.slide, s.question, live.is_presenter({code!r}, {secret!r}), [m.text for m in live.messages({code!r})])
        live.move({code!r}, {secret!r}, 6)
    """)
    out = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=True,
                         env=dict(os.environ, STUDYBOARD_LIBRARY=str(library)))
    assert out.stdout.strip() == "4 12 True ['重启前的问题']"
    assert live.get(code).slide == 6


def test_live_tables_sit_beside_the_library_tables():
    live.start("doc")
    with db.connect() as con:
        names = {row[0] for row in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert {"documents", "notes", "live_sessions", "live_messages", "live_questions", "live_answers"} <= names


def test_room_is_what_a_phone_shows_of_the_session(clock):
    code, secret = live.start("doc", slide=3, themes=("ecology",), mode="all")
    assert live.room(live.get(code)) == (True, 3, ("ecology",), "all", "", False)
    live.send(code, live.new_token(), 3, "一个问题")  # the room's messages are not on a phone
    live.touch(code, secret)
    assert live.room(live.get(code)) == (True, 3, ("ecology",), "all", "", False)
    live.open_question(code, secret, QUESTION)
    live.reveal(code, secret)
    assert live.room(live.get(code)) == (True, 3, ("ecology",), "all", "12", True)
    live.end(code, secret)
    assert live.room(live.get(code)) == (False, 3, ("ecology",), "all", "", False)
    assert live.room(None) == (False,)


def test_activity_changes_exactly_with_what_the_panel_shows(clock):
    code, secret = live.start("doc", slide=1)
    empty = live.activity(code)
    assert empty == {"queue": (True, 0, None, 0.0, None), "shown": (None,), "quiz": (True, "", False, 0)}
    live.move(code, secret, 2)
    assert live.activity(code) == empty  # the slide is the presenter's own: not in the activity
    first = live.send(code, live.new_token(), 2, "甲")
    second = live.send(code, live.new_token(), 2, "乙")
    assert live.activity(code)["queue"] == (True, 2, second.id, 0.0, None)
    live.mark_answered(code, secret, first.id)
    live.show(code, secret, second.id)
    assert live.activity(code)["queue"] == (True, 2, second.id, float(first.id), second.id)
    assert live.activity(code)["shown"] == (second.id,)
    live.open_question(code, secret, QUESTION)
    tokens = [live.new_token() for _ in range(2)]
    live.answer(code, tokens[0], "12", 1)
    live.answer(code, tokens[0], "12", 2)  # not counted again: the first answer is final
    live.answer(code, tokens[1], "12", 0)
    assert live.activity(code)["quiz"] == (True, "12", False, 2)
    live.reveal(code, secret)
    assert live.activity(code)["quiz"] == (True, "12", True, 2)
    assert live.activity("not a code") == {"queue": (), "shown": (), "quiz": ()}
