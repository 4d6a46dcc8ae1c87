"""How often the text says X (studyboard.analysis.occurrences) against counts read by hand.

The shipped document (its 14 paragraphs, read by hand) says 中部地区 14 times:
¶1 ×4 (新时代推动中部地区崛起座谈会, 中部地区是, 推动中部地区崛起一系列, 谱写中部地区崛起新篇章),
¶3 ×1 (就推动中部地区崛起汇报), ¶4 ×3 (上一次推动中部地区崛起座谈会, 中部地区发展站到,
推动中部地区崛起仍面临), ¶6 ×1 (强化中部地区的), ¶11 ×1 (新时代推动中部地区崛起的政策举措),
¶12 ×3 (把中部地区放到, 中部地区要主动, 提升中部地区整体实力), ¶13 ×1 (推动中部地区崛起不断).
Eight of them stand inside 中部地区崛起 (¶1 ×3, ¶3, ¶4 ×2, ¶11, ¶13), a formulation of
userdict.txt and a glossary term; the other six are the tokens of 中部地区.
"""

from __future__ import annotations

from types import SimpleNamespace

import pandas as pd
import pytest

from studyboard.analysis import comparison, glossary, occurrences, reading, terms


def test_own_text_nested_and_alone():
    text = "我们讲中部地区，也讲中部地区崛起；中部地区崛起要靠中部地区的人。"
    found = occurrences.count(text, "中部地区", ["中部地区崛起", "美丽中部"])
    assert (found.count, found.nested, found.alone) == (4, 2, 2)
    assert found.spans == ((3, 7), (10, 14), (17, 21), (25, 29))
    # a longer term that does not contain the phrase nests nothing; a phrase is not nested in itself
    assert occurrences.count(text, "中部地区", ["中部地区", "美丽中部"]).nested == 0
    # the longer term itself: 2, none nested
    assert occurrences.count(text, "中部地区崛起", ["中部地区崛起"]).count == 2


def test_occurrences_do_not_overlap_and_may_ignore_case():
    assert occurrences.count("做大做大做大", "做大做大").count == 1  # as str.count
    assert occurrences.count("AI和ai都是Ai", "AI", ignore_case=True).count == 3
    assert occurrences.count("AI和ai都是Ai", "AI").count == 1
    assert occurrences.count("任何文字", "").count == 0


def test_nested_needs_the_longer_term_to_cover_the_occurrence():
    # 高质量 inside 高质量发展 (covers) but not inside 发展高质量 (another term that contains it elsewhere)
    text = "推动高质量发展，追求高质量。"
    assert occurrences.count(text, "高质量", ["高质量发展", "经济高质量"]).nested == 1


def test_the_seed_says_central_region_fourteen_times(seed, lexicon):
    longer = occurrences.longer_terms(lexicon, glossary.by_term())
    assert "中部地区崛起" in longer
    body = occurrences.body(seed)
    found = occurrences.count(body, "中部地区", longer)
    assert (found.count, found.nested, found.alone) == (14, 8, 6)
    # the token count of the word lists is the six that stand alone
    assert int(seed.terms.set_index("term").loc["中部地区", "count"]) == 6
    # the same with the dataset's own formulations
    assert occurrences.count(body, "中部地区", occurrences.for_dataset(seed)).nested == 8
    rise = occurrences.count(body, "中部地区崛起", longer)
    assert (rise.count, rise.nested) == (8, 0)


def test_the_formulations_table_says_how_many_are_nested(seed):
    table = occurrences.formulations(seed).set_index("term")
    assert (table.loc["中部地区", "occurrences"], table.loc["中部地区", "nested"], table.loc["中部地区", "tokens"]) == \
        (14, 8, 6)
    # 高质量发展: ¶1, ¶6 (黄河流域生态保护和高质量发展), ¶13 ×4 = 6, none inside a formulation
    assert (table.loc["高质量发展", "occurrences"], table.loc["高质量发展", "nested"]) == (6, 0)


def test_an_opened_term_and_a_search_count_occurrences(seed):
    longer = occurrences.for_dataset(seed, glossary.by_term())
    opened = terms.term_occurrences(seed, "中部地区", terms.Filters(), longer)
    assert opened == {"count": 14, "nested": 8, "paragraphs": 7, "tokens": 6}  # ¶1, 3, 4, 6, 11, 12, 13
    # under the speaker filter 李强 (¶12, all his): three, none nested, three tokens
    assert terms.term_occurrences(seed, "中部地区", terms.Filters(speaker="李强"), longer) == \
        {"count": 3, "nested": 0, "paragraphs": 1, "tokens": 3}
    assert reading.search_counts(seed, "中部地区") == {"hits": 14, "nested": 8, "paragraphs": 7}
    assert reading.search_counts(seed, "  ") == {"hits": 0, "nested": 0, "paragraphs": 0}


def test_the_glossary_counts_occurrences(seed):
    entries = glossary.load()
    texts = list(seed.paragraphs["text"])
    found = glossary.counts(entries, texts, occurrences.for_dataset(seed))
    assert (found["中部地区崛起"].count, found["中部地区崛起"].nested) == (8, 0)
    # 美丽中部 once (¶8 加快建设美丽中部)
    assert found["美丽中部"].count == 1
    frame = glossary.table([e for e in entries if e.term == "中部地区崛起"], glossary.occurrences(entries, texts),
                           glossary.nested_of(found))
    assert list(frame[["occurrences", "nested"]].iloc[0]) == [8, 0]


def test_the_trend_counts_occurrences_with_the_nested_ones():
    # two dated documents of my own; characters counted without line breaks
    bodies = {"a": "中部地区崛起，中部地区发展。",  # 14 characters: 中部地区 twice, once nested
              "b": "东部地区。\n西部地区。"}  # 10 characters: none
    entries = [SimpleNamespace(id="b", date="2024-05-01", title="乙"), SimpleNamespace(id="a", date="2023-01-02", title="甲"),
               SimpleNamespace(id="c", date="", title="丙")]
    frame, skipped = comparison.term_trend(entries, ["中部地区"], lambda e: bodies[e.id], longer=["中部地区崛起"])
    assert skipped == ["c"]
    assert list(frame["doc_id"]) == ["a", "b"]  # by date
    assert list(frame["count"]) == [2, 0] and list(frame["nested"]) == [1, 0]
    assert list(frame["chars"]) == [14, 10]
    assert frame["per_10k"].iloc[0] == pytest.approx(10000 * 2 / 14, abs=0.001)
