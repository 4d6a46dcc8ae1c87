"""Comparing documents, on small hand-made documents whose counts are read off the text."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from library_cases import HOSTILE, KEY_A, KEY_B
from studyboard.analysis import comparison
from studyboard.dataset import tables as dataset
from studyboard.ingest.document import Document, Entry


@pytest.fixture(scope="module")
def pair(lexicon):
    """(A, B): see library_cases for their words."""
    return (dataset.build(Document("a", KEY_A, date="2019-05-21"), lexicon),
            dataset.build(Document("b", KEY_B, date="2024-03-20"), lexicon))


def build(lexicon, text, doc_id="x"):
    return dataset.build(Document(doc_id, text), lexicon)


# --- keyness -------------------------------------------------------------------------


def test_hand_made_documents_have_ten_words_each(pair):
    a, b = pair
    assert int(a.document["tokens"]) == 10 and int(b.document["tokens"]) == 10


def test_keyness_top_terms_in_both_directions(pair):
    a, b = pair
    table = comparison.keyness(a, b)
    # Both documents have 10 words, so each expected count is half the pair's total.
    # 新发展格局: a = 0, b = 5, E = 2.5 each: G² = 2 · 5 · ln(5 / 2.5) = 10 ln 2
    # 新质生产力: a = 6, b = 1, E = 3.5 each: G² = 2 (6 ln(6 / 3.5) + 1 ln(1 / 3.5))
    # 高质量发展 and 中国式现代化: 2 and 2, G² = 0
    top_b = comparison.distinguishing(table, "b")
    top_a = comparison.distinguishing(table, "a")
    assert list(top_b["term"]) == ["新发展格局"]
    assert list(top_a["term"]) == ["新质生产力"]
    row_b, row_a = top_b.iloc[0], top_a.iloc[0]
    assert (row_b["a"], row_b["b"]) == (0, 5)
    assert row_b["ll"] == pytest.approx(10 * math.log(2))  # 6.931: p < 0.01
    assert row_b["log_ratio"] == pytest.approx(math.log2(5 / 0.5))  # zero count taken as 0.5: 3.32
    assert row_b["stars"] == "**"
    assert row_a["ll"] == pytest.approx(2 * (6 * math.log(6 / 3.5) + math.log(1 / 3.5)))  # 3.962: p < 0.05
    assert row_a["log_ratio"] == pytest.approx(math.log2(1 / 6))  # -2.58: more in A
    assert row_a["stars"] == "*"
    even = table.set_index("term").loc[["高质量发展", "中国式现代化"]]
    assert list(even["ll"]) == [0.0, 0.0]


def test_keyness_counts_tokens_not_occurrences(lexicon):
    # own texts: A says 中部地区崛起 twice (one token each, and 推动 twice); B says 中部地区 twice
    # (and 发展 twice). Four word tokens each. As tokens, 中部地区 is a = 0, b = 2 although A's text
    # holds the string twice: E = 1 each, G² = 2 · 2 ln(2 / 1) = 4 ln 2; log ratio log2((2/4) / (0.5/4)) = 2
    a = build(lexicon, "甲\n\n　　推动中部地区崛起。推动中部地区崛起。\n", "tok-a")
    b = build(lexicon, "乙\n\n　　中部地区发展。中部地区发展。\n", "tok-b")
    assert int(a.document["tokens"]) == 4 and int(b.document["tokens"]) == 4
    table = comparison.keyness(a, b, min_count=1).set_index("term")
    assert (table.loc["中部地区", "a"], table.loc["中部地区", "b"]) == (0, 2)
    assert table.loc["中部地区", "ll"] == pytest.approx(4 * math.log(2))
    assert table.loc["中部地区", "log_ratio"] == pytest.approx(2.0)
    assert (table.loc["中部地区崛起", "a"], table.loc["中部地区崛起", "b"]) == (2, 0)


def test_formulation_changes_say_how_many_are_nested(lexicon):
    # the same texts: A says 中部地区 twice, both inside 中部地区崛起; B twice, on its own
    a = build(lexicon, "甲\n\n　　推动中部地区崛起。推动中部地区崛起。\n", "tok-a")
    b = build(lexicon, "乙\n\n　　中部地区发展。中部地区发展。\n", "tok-b")
    changes = comparison.formulation_changes(a, b).set_index("term")
    assert list(changes.loc["中部地区", ["earlier", "earlier_nested", "later", "later_nested", "status"]]) == \
        [2, 2, 2, 0, "kept"]
    assert list(changes.loc["中部地区崛起", ["earlier", "later", "status"]]) == [2, 0, "dropped"]


def test_keyness_with_corpora_of_different_sizes():
    # a: 20 of 1,000 words; b: 10 of 2,000. E_a = 1000 · 30 / 3000 = 10, E_b = 20.
    # G² = 2 (20 ln(20/10) + 10 ln(10/20)) = 2 · 10 ln 2 = 13.863; log ratio = log2(0.005 / 0.02) = -2
    table = comparison.keyness_counts(pd.Series({"词": 20}), pd.Series({"词": 10}), 1000, 2000)
    row = table.iloc[0]
    assert row["ll"] == pytest.approx(20 * math.log(2))
    assert row["log_ratio"] == pytest.approx(-2.0)
    assert (row["favours"], row["stars"]) == ("a", "***")  # 10.83 <= 13.86 < 15.13: p < 0.001


def test_keyness_leaves_out_rare_terms():
    table = comparison.keyness_counts(pd.Series({"一次": 1, "两次": 2}), pd.Series(dtype="int64"), 100, 100)
    assert list(table["term"]) == ["两次"]


def test_shared_terms(pair):
    a, b = pair
    shared = comparison.shared_terms(*pair)
    # by the smaller count: 中国式现代化 and 高质量发展 2 and 2 (equal sums, term order), 新质生产力 6 and 1
    assert shared.values.tolist() == [["中国式现代化", 2, 2], ["高质量发展", 2, 2], ["新质生产力", 6, 1]]


# --- new and dropped -----------------------------------------------------------------------


def test_formulation_changes(pair):
    changes = comparison.formulation_changes(*pair)
    new, dropped = comparison.split_changes(changes)
    assert new[["term", "earlier", "later", "count"]].values.tolist() == [["新发展格局", 0, 5, 5]]
    assert dropped.empty
    kept = changes[changes["status"] == "kept"]
    assert kept[["term", "earlier", "later"]].values.tolist() == [
        ["新质生产力", 6, 1], ["中国式现代化", 2, 2], ["高质量发展", 2, 2]]
    assert comparison.kept_count(changes) == 3


def test_dropped_formulations_are_the_reverse(pair):
    a, b = pair
    new, dropped = comparison.split_changes(comparison.formulation_changes(b, a))
    assert new.empty
    assert dropped[["term", "count"]].values.tolist() == [["新发展格局", 5]]


def test_new_phrases_are_maximal(lexicon):
    # 新质生产力 / 高质量发展 / 中国式现代化 run together twice: the three-word phrase, and
    # every shorter part, occur twice; only the longest is kept. The earlier text has 新发展格局 twice.
    earlier = build(lexicon, "测试丙\n新发展格局，新发展格局。", "c")
    later = build(lexicon, "测试丁\n新质生产力高质量发展中国式现代化，新质生产力高质量发展中国式现代化。", "d")
    assert comparison.ngrams(later).to_dict() == {
        "新质生产力": 2, "高质量发展": 2, "中国式现代化": 2, "新质生产力高质量发展": 2, "高质量发展中国式现代化": 2,
        "新质生产力高质量发展中国式现代化": 2}
    new, dropped = comparison.phrase_changes(earlier, later)
    assert new.values.tolist() == [["新质生产力高质量发展中国式现代化", 2]]
    assert dropped.values.tolist() == [["新发展格局", 2]]


def test_phrases_in_the_other_text_or_in_the_lexicon_are_not_new(lexicon):
    # 新质生产力高质量发展 occurs twice in the later text; its words stand in the earlier one,
    # the pair does not. 中国式现代化 occurs once only.
    earlier = build(lexicon, "测试戊\n新质生产力，新质生产力。高质量发展。", "e")
    later = build(lexicon, "测试己\n新质生产力高质量发展，新质生产力高质量发展，中国式现代化。", "f")
    new, dropped = comparison.phrase_changes(earlier, later, lexicon)
    assert new.values.tolist() == [["新质生产力高质量发展", 2]]
    # the earlier text's 新质生产力 (twice) is in the later text
    assert dropped.empty


def test_sentences_with_a_term(lexicon):
    ds = build(lexicon, HOSTILE, "h")
    found = comparison.sentences_with(ds, "新质生产力")
    assert found[["paragraph", "sentence"]].values.tolist() == [[1, 1]]
    assert found.iloc[0]["text"] == "正文第一段<img src=x onerror=alert(1)>，写着新质生产力。"


# --- side by side ---------------------------------------------------------------------------


def test_theme_profile(pair):
    a, b = pair
    profile = comparison.theme_profile([a, b]).set_index(["doc_id", "theme"])
    # A: 62 characters of body (6 × 新质生产力 30, 2 × 高质量发展 10, 2 × 中国式现代化 12, 10 marks);
    # innovation: 新质生产力 6; development: 高质量发展 2 + 中国式现代化 2
    assert profile.loc[("a", "innovation"), "hits"] == 6
    assert profile.loc[("a", "innovation"), "per_1000"] == pytest.approx(round(1000 * 6 / 62, 3))
    assert profile.loc[("a", "development"), "hits"] == 4
    assert profile.loc[("a", "regional"), "hits"] == 0
    # B: 新发展格局 5 is regional; 1 + 2 + 2 + 5 words, 5 + 10 + 12 + 25 characters + 10 marks = 62
    assert profile.loc[("b", "regional"), "hits"] == 5
    assert profile.loc[("b", "regional"), "per_1000"] == pytest.approx(round(1000 * 5 / 62, 3))
    only = comparison.theme_profile([a], themes=["ecology"])
    assert only[["theme", "hits"]].values.tolist() == [["ecology", 0]]


def test_province_profile(lexicon):
    ds = build(lexicon, "测试\n湖南省长沙市，湖北省武汉市，湖北省。", "p")
    counts = comparison.province_profile([ds], lexicon).set_index("short")
    # 湖南省 + 长沙市 count for 湖南; 湖北省 twice + 武汉市 for 湖北; 18 characters
    assert counts.loc["湖南", "count"] == 2 and counts.loc["湖北", "count"] == 3
    assert counts.loc["河南", "count"] == 0
    assert counts.loc["湖北", "per_10k"] == pytest.approx(round(10000 * 3 / 18, 2))
    assert list(counts.index) == ["山西", "安徽", "江西", "河南", "湖北", "湖南"]


# --- trend ---------------------------------------------------------------------------------


def test_trend_by_date_per_ten_thousand_characters(tmp_path):
    bodies = {
        "late": "中部地区崛起。\n中部地区。",  # 中部地区 twice in 12 characters (the line break does not count)
        "early": "新质生产力。",  # 6 characters, 中部地区 0
        "undated": "中部地区。",
    }
    entries = [Entry("late", tmp_path, title="后", date="2024-03-20"), Entry("undated", tmp_path, title="无"),
               Entry("early", tmp_path, title="前", date="2019-05-21")]
    calls = []
    trend, skipped = comparison.term_trend(entries, ["中部地区", " 中部地区 "], lambda e: bodies[e.id],
                                        progress=lambda done, total: calls.append((done, total)))
    assert trend[["doc_id", "term", "count", "chars"]].values.tolist() == [
        ["early", "中部地区", 0, 6], ["late", "中部地区", 2, 12]]
    assert trend["per_10k"].tolist() == [0.0, pytest.approx(round(2 / 12 * 10000, 3))]
    assert skipped == ["undated"]
    assert calls[0] == (0, 3) and calls[-1] == (3, 3)


def test_trend_skips_unreadable_documents(tmp_path):
    from studyboard.errors import InputError

    def body_of(entry):
        raise InputError("not_found", name="x")

    trend, skipped = comparison.term_trend([Entry("gone", tmp_path, date="2024")], ["词"], body_of)
    assert trend.empty and skipped == ["gone"]


def test_default_selection_and_order(tmp_path):
    entries = [Entry("c", tmp_path, date=""), Entry("b", tmp_path, date="2024-03-20"),
               Entry("a", tmp_path, date="2019-05-21")]
    ids = [e.id for e in comparison.by_date(entries)]
    assert ids == ["a", "b", "c"]
    assert comparison.default_selection(ids, "b") == ["a", "b"]
    assert comparison.default_selection(ids, "a") == ["a", "b"]
    assert comparison.default_selection(["a"], "a") == ["a"]


def test_frame_digest_names_columns_and_values():
    import pandas as pd

    frame = pd.DataFrame({"term": ["新质生产力", "高质量发展"], "count": [2, 3]})
    same = pd.DataFrame({"term": ["新质生产力", "高质量发展"], "count": [2, 3]}, index=[5, 6])
    assert comparison.frame_digest(frame) == comparison.frame_digest(same)  # the index is not content
    assert comparison.frame_digest(frame) != comparison.frame_digest(frame.assign(count=[2, 4]))
    assert comparison.frame_digest(frame) != comparison.frame_digest(frame.rename(columns={"count": "n"}))
