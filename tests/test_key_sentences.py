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
    task4 = key_sentences.slide(seed, lexicon, items, 5)  # slide 5: the opening, then task 4
    assert task4["item"]["heading"] == "协同推进生态环境保护和绿色低碳发展" and task4["tasks"] == 6
    # paragraph 8 runs from sentence 25 (the task) to 28
    assert task4["sentences"] and {s for s, _ in task4["sentences"]} <= {26, 27, 28}
    assert len(task4["terms"]) == key_sentences.KEY_TERMS
    assert key_sentences.slide(seed, lexicon, items, 99)["number"] == 10
