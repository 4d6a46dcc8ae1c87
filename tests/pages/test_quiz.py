"""The quiz (应知应会): the same set for the same session code, answers checked against the text."""

from __future__ import annotations

import re

import pytest

from pages_helpers import no_exceptions
from support import SEED_PATH

BLANK = "＿＿＿＿"
TEXT = re.sub(r"\s+", "", SEED_PATH.read_text(encoding="utf-8"))


def questions(at) -> list[tuple[str, object]]:
    """(prompt, radio) for each question on the page, in order."""
    prompts = [re.sub(r"<[^>]+>", "", m.value) for m in at.markdown if BLANK in m.value]
    radios = [r for r in at.radio if r.key and r.key.startswith("quiz_round_")]
    assert len(prompts) == len(radios)
    return list(zip(prompts, radios))


def fitting(prompt: str, options) -> list[str]:
    """The choices that fill the blank with the words of the report."""
    return [o for o in options if prompt.replace(BLANK, o) in TEXT]


def score(at) -> str:
    return next(m.value for m in at.metric if m.label in ("你的得分", "Your score"))


def test_right_answers_are_praised_and_counted(run_page):
    at = run_page("quiz")
    no_exceptions(at)
    asked = questions(at)
    assert len(asked) == 5  # the default size
    assert score(at) == "0 / 5"
    for number, (prompt, radio) in enumerate(asked):
        right = fitting(prompt, radio.options)
        assert len(right) == 1, (prompt, radio.options)  # exactly one choice is the text's word
        at.radio(key=radio.key).set_value(right[0]).run()
        assert len(at.success) == number + 1
    no_exceptions(at)
    assert score(at) == "5 / 5" and not at.warning


def test_a_wrong_answer_names_the_right_one_and_shows_the_sentence(run_page):
    at = run_page("quiz", code="小组1", n="3", lang="en")
    no_exceptions(at)
    prompt, radio = questions(at)[0]
    right = fitting(prompt, radio.options)[0]
    wrong = next(o for o in radio.options if o != right)
    at.radio(key=radio.key).set_value(wrong).run()
    assert any(f"the text says '{right}'" in w.value for w in at.warning)
    sentence = prompt.replace(BLANK, right)
    assert any(sentence in m.value.replace("\\", "").replace("**", "") and f"**{right}**" in m.value
               for m in at.markdown)
    assert score(at) == "0 / 3"


def test_the_first_answer_is_final(run_page):
    at = run_page("quiz", code="小组1", n="3")
    no_exceptions(at)
    prompt, radio = questions(at)[0]
    right = fitting(prompt, radio.options)[0]
    wrong = next(o for o in radio.options if o != right)
    at.radio(key=radio.key).set_value(wrong).run()
    no_exceptions(at)
    assert at.radio(key=radio.key).disabled  # the choices are locked once answered
    assert any(f"正确答案是“{right}”" in w.value for w in at.warning)
    # the right answer the warning named cannot be chosen now (a browser cannot change a disabled radio) ...
    from streamlit.testing.v1.errors import AppTestError

    with pytest.raises(AppTestError, match="disabled"):
        at.radio(key=radio.key).set_value(right)
    # ... and a change that reaches the session anyway (a click sent before the page locked) changes nothing
    at.session_state[radio.key] = right
    at.run()
    no_exceptions(at)
    assert score(at) == "0 / 3" and not at.success
    assert at.radio(key=radio.key).value == wrong
    assert any(f"正确答案是“{right}”" in w.value for w in at.warning)
    # another question is still open, and its first answer counts
    prompt, radio = questions(at)[1]
    assert not at.radio(key=radio.key).disabled
    at.radio(key=radio.key).set_value(fitting(prompt, radio.options)[0]).run()
    assert score(at) == "1 / 3"
    # starting again is a new round: every question open, nothing counted
    at.button(key="quiz_reset").click().run()
    assert score(at) == "0 / 3" and not any(r.disabled for _, r in questions(at))


def test_the_session_code_fixes_the_set(run_page):
    first = [p for p, _ in questions(run_page("quiz", code="小组1", n="6"))]
    again = [p for p, _ in questions(run_page("quiz", code="小组1", n="6"))]
    other = [p for p, _ in questions(run_page("quiz", code="小组2", n="6"))]
    assert first == again and len(first) == 6
    assert first != other


def test_code_and_size_are_written_to_the_url(run_page):
    at = run_page("quiz")
    at.text_input(key="code").input("study-1").run()
    at.number_input(key="n").set_value(4).run()
    assert at.query_params["code"] == "study-1" and at.query_params["n"] == "4"
    assert len(questions(at)) == 4


def test_start_again_clears_the_answers(run_page):
    at = run_page("quiz", n="2")
    prompt, radio = questions(at)[0]
    at.radio(key=radio.key).set_value(fitting(prompt, radio.options)[0]).run()
    assert score(at) == "1 / 2"
    at.button(key="quiz_reset").click().run()
    assert score(at) == "0 / 2" and all(r.value is None for _, r in questions(at))


def test_invalid_code_in_the_url(run_page):
    at = run_page("quiz", code="<script>alert(1)</script>")
    no_exceptions(at)
    assert any("场次代码只能用" in w.value for w in at.warning)
    assert "code" not in at.query_params


def test_too_many_questions_asked_for(run_page):
    at = run_page("quiz", n="500")
    no_exceptions(at)
    most = at.number_input(key="n").value
    assert 20 <= most < 500 and len(questions(at)) == most


def test_theme_filter(run_page):
    at = run_page("quiz", themes="ecology", n="50")
    no_exceptions(at)
    prompts = [p for p, _ in questions(at)]
    # 要协同推进生态环境保护和绿色低碳发展，加快建设＿＿＿＿。 (the ecology task) is among them
    assert any(p.startswith("要协同推进生态环境保护和绿色低碳发展") for p in prompts)
    assert not any(p.startswith("要以科技创新引领产业创新") for p in prompts)  # no ecology word there


def test_too_few_terms_for_distractors(run_page, lexicon_copy):
    # a lexicon without formulations: nothing to blank out, no choices of the same kind
    (lexicon_copy / "userdict.txt").write_text("# no formulations\n", encoding="utf-8")
    at = run_page("quiz", lang="en")
    no_exceptions(at)
    assert any("gives no questions" in i.value for i in at.info)
    assert not at.radio


# --- documents with headings ------------------------------------------------------------------------

import pytest  # noqa: E402

from study_docs import add_genre, genre_text  # noqa: E402


@pytest.fixture
def library(tmp_path, monkeypatch, lexicon):
    monkeypatch.setenv("STUDYBOARD_LIBRARY", str(tmp_path / "lib"))
    return lambda name: add_genre(name, lexicon)


@pytest.mark.parametrize("name", ["speech", "report"])
def test_quiz_of_a_document_with_headings(run_page, library, name):
    text = re.sub(r"\s+", "", genre_text(name))
    at = run_page("quiz", doc=library(name), n="50")
    no_exceptions(at)
    asked = questions(at)
    assert len(asked) >= 8
    places = []
    for number, (prompt, radio) in enumerate(asked):
        right = [o for o in radio.options if re.sub(r"\s+", "", prompt.replace(BLANK, o)) in text]
        assert len(right) == 1, (prompt, radio.options)
        places.append(text.index(re.sub(r"\s+", "", prompt.replace(BLANK, right[0]))))
        at.radio(key=radio.key).set_value(right[0]).run()
    no_exceptions(at)
    assert score(at) == f"{len(asked)} / {len(asked)}" and not at.warning
    # the questions follow the text: each one's words stand later in it than the one before
    assert places == sorted(places)


def test_speech_quiz_asks_its_first_heading(run_page, library):
    at = run_page("quiz", doc=library("speech"), n="50")
    prompt, radio = questions(at)[0]
    assert prompt == f"一、深刻认识推动{BLANK}的重大意义"
    at.radio(key=radio.key).set_value(next(o for o in radio.options if o != "中部地区崛起")).run()
    assert any("原文中的标题（第2段起）" in m.value for m in at.markdown)
    assert any("中部地区崛起" in w.value for w in at.warning)
