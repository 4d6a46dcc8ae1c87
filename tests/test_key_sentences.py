"""Key sentences: what an outline item's slide shows besides its statement, and the slides as records."""

from __future__ import annotations

import pytest

from studyboard.analysis import key_sentences, outline


@pytest.fixture(scope="module")
def items(seed, lexicon):
    return outline.extract(seed, lexicon)


def test_key_sentences(seed, lexicon, items):
    opening = items.iloc[0].to_dict()
    # paragraph 1: sentence 1 is narration (…主持召开…座谈会并发表重要讲话), sentence 2 the opening itself
    key = key_sentences.key_sentences(seed, lexicon, opening)
    assert key["sentence"].tolist() == [3]
    assert key["text"].iloc[0].startswith("要一以贯之抓好党中央推动中部地区崛起")
    task5 = items[items["heading"] == "坚持城乡融合发展"].iloc[0].to_dict()
    key = key_sentences.key_sentences(seed, lexicon, task5)
    assert len(key) == 3 and key["sentence"].is_monotonic_increasing
    assert set(key["sentence"]) <= set(range(30, 38))  # paragraph 9 runs from sentence 29 to 37
    ding = items[items["speaker"] == "丁薛祥"].iloc[0].to_dict()
    key = key_sentences.key_sentences(seed, lexicon, ding)
    assert not key["text"].str.contains("丁薛祥在讲话中表示").any()


def test_slide_numbers_are_kept_in_range():
    assert key_sentences.clamp(12, 10) == 10 and key_sentences.clamp(0, 10) == 1


def test_slides_as_records(seed, lexicon, items):
    shown = outline.filter_items(items, seed, ("ecology",), "all")
    records = key_sentences.slide_list(shown, items)
    assert [r["number"] for r in records] == list(range(1, len(shown) + 1))
    assert {r["total"] for r in records} == {len(shown)} and {r["tasks"] for r in records} == {6}
    task4 = key_sentences.slide(seed, lexicon, items, 8)  # slide 8: four items of paragraphs 1 and 4, then task 4
    assert task4["item"]["heading"] == "协同推进生态环境保护和绿色低碳发展" and task4["tasks"] == 6
    # paragraph 8 runs from sentence 25 (the task) to 28
    assert task4["sentences"] and {s for s, _ in task4["sentences"]} <= {26, 27, 28}
    assert len(task4["terms"]) == key_sentences.KEY_TERMS
    assert key_sentences.slide(seed, lexicon, items, 99)["number"] == 15


# --- a document with headings: one slide per heading --------------------------------------

from study_docs import SPEECH_HEADINGS, genre  # noqa: E402


@pytest.fixture(scope="module")
def speech(lexicon):
    ds = genre("speech", lexicon)
    return ds, outline.extract(ds, lexicon)


def test_a_heading_slide_shows_its_key_statements(speech, lexicon):
    ds, items = speech
    rows = outline.slide_rows(items)
    first = key_sentences.slide(ds, lexicon, rows, 1, items)
    assert first["total"] == 7 and first["item"]["statement"] == SPEECH_HEADINGS[0]
    # the key statements of 一、 (paragraphs 2–5), sentence 6 among them
    numbers = [s for s, _ in first["sentences"]]
    assert len(numbers) == 3 and 6 in numbers and set(numbers) <= {6, 14, 15, 20}
    assert dict(first["sentences"])[6].startswith("我们要站在全局高度认识这项工作")
    assert len(first["terms"]) == key_sentences.KEY_TERMS


def test_a_heading_without_paragraphs_of_its_own_lists_its_subheadings(speech, lexicon):
    ds, items = speech
    three = key_sentences.slide(ds, lexicon, outline.slide_rows(items), 3, items)
    assert three["item"]["statement"] == "三、扎实抓好推动中部地区崛起的重点工作"
    assert three["sentences"] == tuple((0, heading) for heading in SPEECH_HEADINGS[3:6])


def test_a_heading_without_key_statements_shows_its_heaviest_sentences(lexicon):
    ds = genre("report", lexicon)
    items = outline.extract(ds, lexicon)
    rows = outline.slide_rows(items)
    # （一）着力扩大有效需求 (paragraph 3) sets no task (实施…, 开展…): its sentences say what was done
    slide = key_sentences.slide(ds, lexicon, rows, 2, items)
    assert slide["item"]["statement"] == "（一）着力扩大有效需求"
    paragraph3 = ds.sentences.loc[ds.sentences["paragraph"] == 3, "sentence"].tolist()
    numbers = [s for s, _ in slide["sentences"]]
    assert len(numbers) == 3 and set(numbers) <= set(paragraph3[1:])  # not the heading's own sentence
    assert numbers == sorted(numbers)
