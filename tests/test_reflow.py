"""Reflow: the seed's title block and 14 paragraphs, and the same paragraphs
from the same report laid out in other ways."""

from __future__ import annotations

import re

import pytest

from support import SEED_PATH
from studyboard.ingest import sources
from studyboard.ingest.reflow import display_width, reflow
from variants import hard_wrapped, one_per_line

KICKER = "习近平主持召开新时代推动中部地区崛起座谈会强调"
HEADLINE = "在更高起点上扎实推动中部地区崛起"
# The opening words of the 14 body paragraphs, read off the seed by hand.
OPENINGS = [
    "中共中央总书记、",
    "中共中央政治局常委、",
    "座谈会上，",
    "听取大家发言后，",
    "习近平强调，要以科技创新",
    "习近平指出，要加强与",
    "习近平强调，要统筹推进",
    "习近平指出，要协同推进",
    "习近平强调，要坚持城乡",
    "习近平指出，要坚持高质量",
    "习近平最后强调，",
    "李强在讲话中表示，",
    "丁薛祥在讲话中表示，",
    "李干杰、何立峰",
]
# Their last words, also read by hand (the 4th ends on a nearly full line).
ENDINGS = [
    "谱写中部地区崛起新篇章。",
    "丁薛祥出席座谈会。",
    "提出意见建议。",
    "要切实研究解决。",
    "让传统产业焕发新的生机活力。",
    "更好辐射带动周边地区发展。",
    "进一步优化民营企业发展环境。",
    "推进产业生态化和生态产业化。",
    "营造积极健康的社会生态。",
    "注重传统能源与新能源多能互补、深度融合。",
    "激励干部大胆开拓、担当作为。",
    "提升中部地区整体实力和竞争力。",
    "厚植高质量发展的绿色底色。",
    "有关企业负责同志参加座谈会。",
]


@pytest.fixture(scope="module")
def raw():
    return SEED_PATH.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def seed_structure(raw):
    return reflow(raw)


def test_title_block(seed_structure):
    assert seed_structure.kicker == KICKER
    assert seed_structure.headline == HEADLINE
    assert seed_structure.subtitle == ""


def test_fourteen_paragraphs_with_their_openings_and_endings(seed_structure):
    paragraphs = seed_structure.paragraphs
    assert len(paragraphs) == 14
    for number, (text, opening, ending) in enumerate(zip(paragraphs, OPENINGS, ENDINGS), 1):
        assert text.startswith(opening), (number, text[:20])
        assert text.endswith(ending), (number, text[-20:])


def test_seed_is_hard_wrapped_at_28_characters(seed_structure):
    assert seed_structure.wrapped
    assert seed_structure.width == 56  # 28 full-width characters


def test_no_stray_spaces_and_words_joined_across_lines(seed_structure):
    first = seed_structure.paragraphs[0]
    assert "习近平3月20日下午在湖南省长沙市" in first
    assert "推动高质量发展的合力" in first  # 高质量发 / 展 was cut across lines
    for text in seed_structure.paragraphs:
        assert not re.search(r"\s", text)
    assert "长江中游城市群" in seed_structure.paragraphs[5]  # cut by a page break


def test_no_character_lost_or_duplicated(raw, seed_structure):
    before = re.sub(r"\s", "", raw)
    after = seed_structure.kicker + seed_structure.headline + "".join(seed_structure.paragraphs)
    assert after == before


def test_display_width():
    assert display_width("中部地区") == 8
    assert display_width("3 月 20") == 7
    assert display_width("“一带一路”，") == 14


# --- the same report in other layouts ---------------------------------------

@pytest.mark.parametrize("width", list(range(8, 64, 3)) + [10, 20, 26, 30, 34, 40])
@pytest.mark.parametrize("blank_between", [True, False])
def test_rewrapped_at_other_widths(seed_structure, width, blank_between):
    text = hard_wrapped([KICKER, HEADLINE], list(seed_structure.paragraphs), width, blank_between)
    again = reflow(text)
    assert again.kicker == KICKER and again.headline == HEADLINE
    assert list(again.paragraphs) == list(seed_structure.paragraphs)


@pytest.mark.parametrize("indent", ["", "\u3000\u3000", "  "])
@pytest.mark.parametrize("blank_between", [True, False])
def test_one_paragraph_per_line(seed_structure, indent, blank_between):
    text = one_per_line([KICKER, HEADLINE], list(seed_structure.paragraphs), indent, blank_between)
    again = reflow(text)
    assert not again.wrapped
    assert again.kicker == KICKER and again.headline == HEADLINE
    assert list(again.paragraphs) == list(seed_structure.paragraphs)


def test_crlf_line_ends(raw, seed_structure):
    again = reflow(raw.replace("\n", "\r\n"))
    assert again == seed_structure


@pytest.mark.parametrize("encoding, prefix", [
    ("gb18030", b""),
    ("gbk", b""),
    ("utf-8", b"\xef\xbb\xbf"),
    ("utf-16-le", b"\xff\xfe"),
    ("utf-16-be", b"\xfe\xff"),
    ("utf-16-le", b""),
    ("utf-16-be", b""),
])
def test_encodings_give_the_same_paragraphs(raw, seed_structure, encoding, prefix):
    data = prefix + raw.replace("\n", "\r\n").encode(encoding)
    decoded = sources.read_bytes(data, "seed.txt")
    assert reflow(decoded.text).paragraphs == seed_structure.paragraphs


def test_text_without_title_lines():
    text = "第一段，说了一件事。\n第二段，又说了一件事。\n"
    structure = reflow(text)
    assert structure.headline == ""
    assert structure.paragraphs == ("第一段，说了一件事。", "第二段，又说了一件事。")


def test_one_long_line_without_punctuation():
    text = "中部地区" * 5000
    structure = reflow(text)
    assert structure.paragraphs == (text,)


def test_page_numbers_are_dropped_from_wrapped_text(seed_structure):
    lines = hard_wrapped([KICKER, HEADLINE], list(seed_structure.paragraphs), 28, False).split("\n")
    with_numbers = lines[:20] + ["- 1 -"] + lines[20:40] + ["2"] + lines[40:]
    again = reflow("\n".join(with_numbers))
    assert list(again.paragraphs) == list(seed_structure.paragraphs)


# --- a body line that runs on is not a title (issue 13) -----------------------------------
# The news report of tests/browser/test_pdf_radicals.py as Chromium's PDF of it
# wraps (a page 27.5 em wide): the dateline paragraph's first line ends in the
# middle of 获悉 and has no punctuation. Widths in columns, counted by hand:
# 新华社武汉5月8日电（记者张明）记者从湖北省发展改革委获 = 26 Chinese characters
# and marks (52) + 2 digits = 54; the lines after it are 54 too.
WRAPPED_NEWS = (
    "湖北推动新质生产力加快发展\n"
    "新华社武汉5月8日电（记者张明）记者从湖北省发展改革委获\n"
    "悉，今年一季度，湖北全省高技术制造业增加值同比增长百分\n"
    "之十二，新质生产力培育取得积极进展。\n"
    "据介绍，湖北将与长沙、南昌等地加强协作，共同建设长江中\n"
    "游城市群。长沙的门户网站显示，长江沿线车企正在加快转\n"
    "型，青年科技人员表示要把握机遇。\n"
)
FIRST_PARAGRAPH = ("新华社武汉5月8日电（记者张明）记者从湖北省发展改革委获悉，今年一季度，"
                   "湖北全省高技术制造业增加值同比增长百分之十二，新质生产力培育取得积极进展。")


def test_a_dateline_line_that_runs_on_is_not_the_headline():
    structure = reflow(WRAPPED_NEWS)
    assert (structure.kicker, structure.headline) == ("", "湖北推动新质生产力加快发展")
    assert structure.paragraphs[0] == FIRST_PARAGRAPH
    assert len(structure.paragraphs) == 2


def test_without_a_headline_the_first_body_line_stays_in_the_body():
    structure = reflow(WRAPPED_NEWS.split("\n", 1)[1])
    assert (structure.kicker, structure.headline, structure.subtitle) == ("", "", "")
    assert structure.paragraphs[0] == FIRST_PARAGRAPH


def test_a_full_line_without_a_dateline_that_runs_on_is_body_text():
    # no agency and no punctuation in the first line (28 characters, 56 columns),
    # the next line full (30 characters, 60 columns): a first line that lost its indent
    text = ("湖北推动新质生产力加快发展\n"
            "据湖北省统计局最新发布的数据显示今年一季度全省高技术制造\n"
            "业增加值同比增长百分之十二，新质生产力培育取得积极进展，长江\n"
            "沿线车企正在加快转型。\n"
            "要坚持稳中求进，风险防范和安全生产两手抓，马上行动，见到实\n"
            "效。\n")
    structure = reflow(text)
    assert structure.headline == "湖北推动新质生产力加快发展"
    assert structure.paragraphs[0].startswith("据湖北省统计局最新发布的数据显示今年一季度全省高技术制造业增加值")


def test_a_full_width_kicker_above_the_headline_stays_a_title():
    # the kicker is exactly as wide as the body lines (22 characters, 44 columns);
    # the headline after it is short and has no punctuation: both are titles
    text = ("省委常委会召开会议研究部署下一阶段的重点工作\n"
            "扎实推动高质量发展\n"
            "会议指出，今年以来全省上下认真贯彻落实党中央\n"
            "决策部署，经济运行总体平稳、稳中有进，发展质\n"
            "量持续提升。会议强调，要坚持稳中求进工作总基\n"
            "调，统筹发展和安全。\n")
    structure = reflow(text)
    assert (structure.kicker, structure.headline) == ("省委常委会召开会议研究部署下一阶段的重点工作", "扎实推动高质量发展")
    assert structure.paragraphs == ("会议指出，今年以来全省上下认真贯彻落实党中央决策部署，经济运行总体平稳、稳中有进，"
                                    "发展质量持续提升。会议强调，要坚持稳中求进工作总基调，统筹发展和安全。",)
