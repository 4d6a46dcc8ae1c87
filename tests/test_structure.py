"""Title block and headings of every genre, against the hand-made expected
structure of the test texts (tests/texts/*.expected.toml; conventions at the
top of each file)."""

from __future__ import annotations

import tomllib

import pytest

from studyboard.ingest import structure
from studyboard.ingest.reflow import reflow
from support import ROOT, SEED_PATH

TEXTS = ROOT / "tests" / "texts"
GENRES = ("speech", "report", "article", "decision", "plain", "long_report")


@pytest.fixture(scope="module")
def markers():
    return structure.markers(ROOT / "data" / "lexicon")


def expected(name: str) -> dict:
    return tomllib.loads((TEXTS / f"{name}.expected.toml").read_text(encoding="utf-8"))


def parsed(name: str, markers) -> structure.Structure:
    return structure.read((TEXTS / f"{name}.txt").read_text(encoding="utf-8"), markers)


@pytest.mark.parametrize("name", GENRES)
def test_title_block_as_written(name, markers):
    truth, got = expected(name), parsed(name, markers)
    assert (got.title, got.subtitle.lstrip("—－"), got.date) == (truth["title"], truth["subtitle"], truth["date"])
    assert (got.speaker, got.speaker_role, got.salutation) == (truth["speaker"], truth["speaker_role"],
                                                                truth["salutation"])
    assert (got.source, got.author, got.editor_note) == (truth["source"], truth["author"], truth["editor_note"])


@pytest.mark.parametrize("name", GENRES)
def test_body_paragraphs_leave_out_the_title_block_and_heading_lines(name, markers):
    truth, got = expected(name), parsed(name, markers)
    assert len(got.paragraphs) == truth["body_paragraphs"]
    # the body drops white space next to Chinese (第二十六条　本条例 reads 第二十六条本条例)
    assert got.paragraphs[-1].startswith(truth["closing_starts"].replace("\u3000", ""))


@pytest.mark.parametrize("name", GENRES)
def test_every_heading_with_its_level_number_and_title(name, markers):
    truth, got = expected(name), parsed(name, markers)
    headings = [dict(level=h.level, number=h.number, kind=h.kind, title=h.title, run_in=h.run_in)
                for h in got.headings]
    assert headings == truth.get("headings", [])


def test_a_heading_opens_the_paragraph_it_stands_before(markers):
    got = parsed("speech", markers)
    first = got.headings[0]  # 一、深刻认识推动中部地区崛起的重大意义 stands before the second body paragraph
    assert (first.run_in, first.paragraph) == (False, 2)
    assert got.paragraphs[1].startswith("中部地区居于全国腹地")
    report = parsed("report", markers)
    run_in = report.headings[1]  # （一）着力扩大有效需求。 opens its own paragraph
    assert run_in.run_in and report.paragraphs[run_in.paragraph - 1].startswith("（一）着力扩大有效需求。实施重大项目")
    assert report.headings[run_in.parent].number == "一"


def test_the_hard_wrapped_report_has_the_structure_of_the_report(markers):
    wrapped = structure.read((TEXTS / "report_wrapped.txt").read_text(encoding="utf-8"), markers)
    plain = parsed("report", markers)
    assert wrapped.wrapped and not plain.wrapped
    assert wrapped.paragraphs == plain.paragraphs
    assert wrapped.headings == plain.headings
    assert (wrapped.title, wrapped.speaker, wrapped.salutation) == ("政府工作报告", "王某某", "各位代表")


def test_list_items_and_references_inside_sentences_are_no_headings(markers):
    decision = parsed("decision", markers)
    article16 = next(p for p in decision.paragraphs if p.startswith("第十六条"))
    assert "（一）落实全国统一的市场准入负面清单制度；（二）" in article16
    assert [h.number for h in decision.headings if h.kind == "article"][15] == "第十六条"
    assert not any(h.kind == "subsection" for h in decision.headings)
    speech = parsed("speech", markers)
    assert not any(h.title.startswith("年来") for h in speech.headings)  # 一年来，…
    assert sum(1 for h in speech.headings if h.kind == "section") == 4


def test_the_shipped_report_is_read_as_before(markers):
    text = SEED_PATH.read_text(encoding="utf-8")
    got, before = structure.read(text, markers), reflow(text)
    assert (got.kicker, got.headline, got.subtitle) == (before.kicker, before.headline, before.subtitle)
    assert got.paragraphs == before.paragraphs and len(got.paragraphs) == 14
    assert got.headings == () and (got.date, got.speaker, got.salutation) == ("", "", "")


def test_without_markers_nothing_is_found():
    text = (TEXTS / "speech.txt").read_text(encoding="utf-8")
    got = structure.read(text, None)
    assert got.headings == () and got.salutation == ""


def test_a_dateline_on_a_line_of_its_own_is_body_text_not_a_title(markers):
    """The dateline pattern is data (structure.toml [title_block] dateline)."""
    text = ("湖北推动新质生产力加快发展\n"
            "新华社武汉5月8日电\n"
            "记者从湖北省发展改革委获悉，今年一季度湖北新质生产力培育取得积极进展。\n")
    assert markers.dateline.match("新华社武汉5月8日电（记者张明）")
    plain = reflow(text)  # without the markers the dateline looks like a headline under a kicker
    assert (plain.kicker, plain.headline) == ("湖北推动新质生产力加快发展", "新华社武汉5月8日电")
    got = structure.read(text, markers)
    assert (got.kicker, got.headline) == ("", "湖北推动新质生产力加快发展")
    assert got.paragraphs == ("新华社武汉5月8日电", "记者从湖北省发展改革委获悉，今年一季度湖北新质生产力培育取得积极进展。")
    assert got.headings == ()
