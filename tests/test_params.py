"""URL and text-field values (studyboard.ui.params): terms typed by a user or read from the URL.

The terms page reads its exclusion box with at most 200 words of any length;
the compare page its trend terms with at most 8 terms of at most 20
characters (their limits, passed by each page).
"""

from __future__ import annotations

from studyboard.ui import params

EXCLUSIONS = 200  # the terms page's exclusion box
TREND_TERMS, TREND_TERM_CHARS = 8, 20  # the compare page's trend


def test_terms_split_at_spaces_commas_and_chinese_separators():
    assert params.parse_terms(" 习近平, 座谈会、发展；发展  ", EXCLUSIONS) == ("习近平", "座谈会", "发展")
    assert params.parse_terms("甲，乙;丙；丁 戊\t己、庚,辛\n壬", EXCLUSIONS) == (
        "甲", "乙", "丙", "丁", "戊", "己", "庚", "辛", "壬")
    assert params.parse_terms("新质生产力, 高质量发展,,新质生产力", TREND_TERMS, TREND_TERM_CHARS) == (
        "新质生产力", "高质量发展")


def test_no_terms():
    for nothing in ("", None, " ,、；, ", "\n"):
        assert params.parse_terms(nothing, EXCLUSIONS) == ()


def test_duplicates_are_kept_once_in_first_order_and_take_no_place():
    assert params.parse_terms("乙,甲,乙,甲,丙", EXCLUSIONS) == ("乙", "甲", "丙")
    assert params.parse_terms("甲,甲,甲,乙", 2) == ("甲", "乙")


def test_too_long_terms_are_left_out_before_counting():
    assert params.parse_terms("长" * 21, TREND_TERMS, TREND_TERM_CHARS) == ()
    assert params.parse_terms("长" * 20, TREND_TERMS, TREND_TERM_CHARS) == ("长" * 20,)
    assert params.parse_terms("长" * 21 + ",甲,乙", 2, TREND_TERM_CHARS) == ("甲", "乙")
    assert params.parse_terms("长" * 300, EXCLUSIONS) == ("长" * 300,)  # the terms page sets no length


def test_at_most_so_many_terms():
    many = ",".join(f"词{i}" for i in range(20))
    assert params.parse_terms(many, TREND_TERMS, TREND_TERM_CHARS) == tuple(f"词{i}" for i in range(8))
    words = " ".join(f"词{i}" for i in range(250))
    assert len(params.parse_terms(words, EXCLUSIONS)) == 200
    assert params.parse_terms(words, EXCLUSIONS)[-1] == "词199"


def test_join_terms_is_the_inverse():
    words = params.parse_terms(" 习近平, 座谈会、发展；发展  ", EXCLUSIONS)
    assert params.join_terms(words) == "习近平,座谈会,发展"
    assert params.parse_terms(params.join_terms(words), EXCLUSIONS) == words
    assert params.join_terms(()) == ""
