"""One normal form for every input (studyboard.ingest.normalise, data/unicode/normalise.toml).

The expectations are the characters themselves, written out by hand: a
radical code point and the ordinary ideograph it stands for, a control
character and the text without it.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata

import pytest

from studyboard.ingest import intake
from studyboard.ingest.normalise import TABLE, normalise
from support import SEED_PATH

#: CJK radicals (supplement) and the ideographs they stand for, as the issue lists them.
RADICALS = {"⻓": "长", "⻔": "门", "⻋": "车", "⻅": "见", "⻉": "贝", "⻛": "风", "⻜": "飞", "⻢": "马",
            "⻥": "鱼", "⻘": "青", "⻝": "食"}


@pytest.mark.parametrize("radical, ideograph", RADICALS.items())
def test_radical_supplement_characters_become_the_ordinary_ideographs(radical, ideograph):
    assert unicodedata.name(radical).startswith("CJK RADICAL ")
    assert unicodedata.normalize("NFKC", radical) == radical  # NFKC alone leaves them
    assert normalise(radical) == ideograph


def test_words_printed_with_radicals_read_as_words():
    # ⻓ U+2ED3, ⽣ U+2F63, ⼒ U+2F12, ⽉ U+2F49, ⽇ U+2F47: what Chromium's PDFs hold
    assert normalise("\u2ed3沙") == "长沙"
    assert normalise("新质\u2f63产\u2f12") == "新质生产力"
    assert normalise("2024年5\u2f498\u2f47") == "2024年5月8日"
    # U+2F3E KANGXI RADICAL DOOR: NFKC gives the traditional 戶; the board reads 户
    assert normalise("门\u2f3e网站") == "门户网站"
    # U+3B35, an Extension A ideograph Chromium prints for 胶
    assert normalise("\u3b35水") == "胶水"


def _table() -> dict:
    return tomllib.loads(TABLE.read_text(encoding="utf-8"))


def test_every_radical_of_the_table_is_checked_by_its_unicode_name():
    text = TABLE.read_text(encoding="utf-8")
    rows = re.findall(r'^"(.)" = "(.)"  # U\+([0-9A-F]{4}) (CJK RADICAL [A-Z -]+?) -> U\+([0-9A-F]{4,5})', text, re.M)
    radicals = _table()["radicals"]
    assert len(rows) == len(radicals)
    for char, target, code, name, target_code in rows:
        assert ord(char) == int(code, 16) and unicodedata.name(char) == name
        assert 0x2E80 <= ord(char) <= 0x2EF3
        assert ord(target) == int(target_code, 16)
        assert unicodedata.name(target).startswith("CJK UNIFIED IDEOGRAPH-"), (char, target)
        assert radicals[char] == target


def test_the_whole_radicals_supplement_block_is_decided():
    """Every assigned character of U+2E80-U+2EF3 is mapped, mapped by NFKC, or
    listed as a component form without an ordinary ideograph."""
    text = TABLE.read_text(encoding="utf-8")
    mapped = set(_table()["radicals"])
    left = set(re.findall(r'^# "(.)" U\+[0-9A-F]{4} CJK RADICAL [A-Z -]+: no ordinary ideograph', text, re.M))
    by_nfkc = {ch for ch in map(chr, range(0x2E80, 0x2EF4)) if unicodedata.normalize("NFKC", ch) != ch}
    assert by_nfkc == {"⺟", "⻳"}  # MOTHER -> 母, C-SIMPLIFIED TURTLE -> 龟
    for code in range(0x2E80, 0x2EF4):
        ch = chr(code)
        if unicodedata.category(ch) == "Cn":  # U+2E9A is unassigned
            assert code == 0x2E9A
            continue
        assert (ch in mapped) + (ch in left) + (ch in by_nfkc and ch not in mapped) == 1, hex(code)


def test_kangxi_radicals_and_compatibility_ideographs_become_unified_ideographs():
    for code in range(0x2F00, 0x2FD6):  # Kangxi radicals
        assert unicodedata.name(normalise(chr(code))).startswith("CJK UNIFIED IDEOGRAPH-"), hex(code)
    # twelve characters of U+FA0E-U+FA29 are unified ideographs themselves and stay
    unified = {0xFA0E, 0xFA0F, 0xFA11, 0xFA13, 0xFA14, 0xFA1F, 0xFA21, 0xFA23, 0xFA24, 0xFA27, 0xFA28, 0xFA29}
    for code in [*range(0xF900, 0xFADA), *range(0x2F800, 0x2FA1E)]:
        ch = chr(code)
        if unicodedata.category(ch) == "Cn":
            continue
        out = normalise(ch)
        if code in unified:
            assert out == ch
        else:
            assert len(out) == 1 and not (0xF900 <= ord(out) <= 0xFAFF or 0x2F800 <= ord(out) <= 0x2FA1F), hex(code)
    assert normalise("\uf9b5") == "例"  # CJK COMPATIBILITY IDEOGRAPH-F9B5 -> U+4F8B
    assert normalise("\U0002F800") == "丽"  # CJK COMPATIBILITY IDEOGRAPH-2F800 -> U+4E3D


@pytest.mark.parametrize("dirty, clean", [
    ("长\u200b沙", "长沙"),  # zero-width space
    ("长\u200c\u200d沙", "长沙"),  # zero-width non-joiner, joiner
    ("长\u200e\u200f沙", "长沙"),  # left-to-right and right-to-left marks
    ("长\u202e沙\u202c", "长沙"),  # right-to-left override ... pop directional formatting
    ("长\u202a\u202b\u202d沙", "长沙"),  # embeddings, left-to-right override
    ("长\u2060\u2061\u2062\u2063\u2064沙", "长沙"),  # word joiner, invisible operators
    ("长\u2066\u2067\u2068\u2069沙", "长沙"),  # bidi isolates
    ("长\ufeff沙", "长沙"),  # a byte-order mark inside the text
    ("\ufeff长沙", "长沙"),  # and at its start
    ("长\u00ad沙", "长沙"),  # soft hyphen
    ("长\x00沙", "长沙"),  # NUL
    ("长\x07\x1b\x7f沙", "长沙"),  # BEL, ESC, DEL
    ("长\x85沙", "长\n沙"),  # NEL is a line end
    ("一行\r\n二行\r三行", "一行\n二行\n三行"),
    ("第一段。\n\t第二段。", "第一段。\n\t第二段。"),  # newline and tab stay
])
def test_invisible_and_control_characters_are_removed(dirty, clean):
    assert normalise(dirty) == clean


def test_full_width_letters_and_digits_become_ascii():
    assert normalise("２０２４年ＧＤＰ增长５．２％") == "2024年GDP增长5．2％"
    assert normalise("ａｂｃＸＹＺ０９") == "abcXYZ09"


def test_the_chinese_punctuation_the_board_reads_stays_full_width():
    kept = "，。：；（）“”！？、《》……——　"
    assert normalise(kept) == kept
    sentence = "（一）加快建设现代化产业体系。要坚持：稳中求进；以进促稳！对吗？"
    assert normalise(sentence) == sentence
    # NFKC alone would have turned the brackets, colon, semicolon, marks and comma into ASCII
    assert unicodedata.normalize("NFKC", "（）：；！？，") == "():;!?,"


def test_circled_numbers_and_units_stay():
    assert normalise("①2024年 面积100㎡") == "①2024年 面积100㎡"


def test_the_normal_form_is_stable():
    seed = SEED_PATH.read_text(encoding="utf-8")
    once = normalise(seed)
    assert normalise(once) == once
    mixed = "新华社武汉5\u2f498\u2f47电（记者张明）\u2ed3沙\u200b２０２４\ufeff"
    assert normalise(normalise(mixed)) == normalise(mixed) == "新华社武汉5月8日电（记者张明）长沙2024"


def test_the_seed_document_is_already_in_normal_form_but_for_its_line_ends():
    seed = SEED_PATH.read_text(encoding="utf-8")
    assert normalise(seed) == seed.replace("\r\n", "\n").lstrip("\ufeff")


# --- the normalised text is the document -------------------------------------------------

PLAIN = ("湖北推动新质生产力加快发展\n"
         "新华社武汉5月8日电（记者张明）记者从湖北省发展改革委获悉，长沙、武汉等地新质生产力加快发展。\n")
#: The same text as a PDF would give it: ⽣ ⼒ (Kangxi) and ⻓ (supplement), ⽉ ⽇, and a zero-width space.
RADICAL = ("湖北推动新质\u2f63产\u2f12加快发展\n"
           "新华社武汉5\u2f498\u2f47电（记者张明）记者从湖北省发展改⾰委获悉，\u2ed3沙、武\u200b汉等地新质\u2f63产\u2f12加快发展。\n")


def test_a_text_that_differs_only_by_radicals_is_a_duplicate():
    assert RADICAL != PLAIN
    plain, radical = intake.prepare_text(PLAIN), intake.prepare_text(RADICAL)
    assert radical.text == plain.text == PLAIN
    assert radical.sha256 == plain.sha256


def test_a_file_in_another_encoding_is_a_duplicate():
    utf8 = intake.prepare(PLAIN.encode("utf-8"), "a.txt")
    gb = intake.prepare(PLAIN.encode("gb18030"), "b.txt")
    assert gb.encoding == "gb18030" and utf8.encoding == "utf-8"
    assert gb.sha256 == utf8.sha256
    assert intake.prepare(RADICAL.encode("utf-16-le"), "c.txt").sha256 == utf8.sha256
