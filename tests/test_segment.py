"""Sentences and speakers."""

from __future__ import annotations

from studyboard.ingest.segment import SpeakerFinder, paragraph_speaker, split_sentences


def texts(paragraph):
    return [s.text for s in split_sentences(paragraph)]


def test_split_on_full_stops_question_marks_and_semicolons():
    assert texts("要加强合作。要扩大开放！能做到吗？一是创新；二是改革") == [
        "要加强合作。", "要扩大开放！", "能做到吗？", "一是创新；", "二是改革"]


def test_closing_quotes_stay_with_their_sentence():
    assert texts("他说：“要坚持下去。”大家都同意。") == ["他说：“要坚持下去。”", "大家都同意。"]


def test_quotes_inside_a_sentence_do_not_split_it():
    assert texts("坚持“两个毫不动摇”，支持国有企业做强做优做大。") == [
        "坚持“两个毫不动摇”，支持国有企业做强做优做大。"]


def test_offsets_point_into_the_paragraph():
    paragraph = "第一句。 第二句！第三句"
    for s in split_sentences(paragraph):
        assert paragraph[s.start:s.end] == s.text
    assert [s.start for s in split_sentences(paragraph)] == [0, 5, 9]


def test_speech_cues(lexicon):
    finder = SpeakerFinder(lexicon)
    assert finder.speakers(["听取大家发言后，习近平发表了重要讲话。", "他指出，要切实研究解决。", "要抓好落实。"]) == [
        None, "习近平", "习近平"]
    assert finder.speakers(["李强在讲话中表示，要认真学习领会。"]) == ["李强"]
    assert finder.speakers(["习近平最后强调，要加强统筹。"]) == ["习近平"]
    # a name without a speech verb is narration
    assert finder.speakers(["李干杰、何立峰出席座谈会。"]) == [None]
    # a name inside another speaker's speech does not take it over
    assert finder.speakers(["丁薛祥在讲话中表示，要深入学习贯彻习近平总书记重要讲话精神。"]) == ["丁薛祥"]


def test_pronoun_without_a_named_person_is_narration(lexicon):
    assert SpeakerFinder(lexicon).speakers(["他强调，要加强合作。"]) == [None]


def test_paragraph_speaker_is_the_main_one():
    assert paragraph_speaker([None, "习近平", "习近平"]) == "习近平"
    assert paragraph_speaker([None, None]) is None


def test_cue_parts(lexicon):
    finder = SpeakerFinder(lexicon)
    cue = finder.cue("习近平最后强调，中央有关部门要加大支持力度。")
    assert (cue.group("ref"), cue.group("gap"), cue.group("verb")) == ("习近平", "最后", "强调")
    assert "习近平最后强调，中央有关部门要加大支持力度。"[cue.end():] == "中央有关部门要加大支持力度。"
    assert finder.cue("李干杰、何立峰出席座谈会。") is None
