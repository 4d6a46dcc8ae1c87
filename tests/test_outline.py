"""The study outline: opening judgement, tasks, closing point, other speakers.

Expected values are read from the seed text (joined up): paragraphs 5 to 10
each open with 习近平强调/指出，要……; paragraph 1 has the opening judgement
(他强调，中部地区是我国重要……基地), paragraph 11 opens with 习近平最后强调，;
Li Qiang speaks in paragraph 12, Ding Xuexiang in paragraph 13.
"""

from __future__ import annotations

import pytest

from study_docs import HOSTILE, PLAIN
from studyboard.dataset import tables as dataset
from studyboard.analysis import outline
from studyboard.errors import LexiconError

TASK_OPENINGS = [
    "以科技创新引领产业创新",
    "加强与其他重大发展战略的衔接",
    "统筹推进深层次改革和高水平开放",
    "协同推进生态环境保护和绿色低碳发展",
    "坚持城乡融合发展",
    "坚持高质量发展和高水平安全相互促进",
]


@pytest.fixture(scope="module")
def items(seed, lexicon):
    return outline.extract(seed, lexicon)


def test_seed_outline_has_the_six_tasks_in_order(items):
    tasks = items[items["kind"] == "task"]
    assert tasks["heading"].tolist() == TASK_OPENINGS
    assert tasks["number"].tolist() == [1, 2, 3, 4, 5, 6]
    assert tasks["paragraph"].tolist() == [5, 6, 7, 8, 9, 10]
    # sentences counted by hand: paragraph 1 has 3, 2 and 3 one each, 4 three; 5 has 5, 6 six, 7 five, 8 four, 9 nine
    assert tasks["sentence"].tolist() == [9, 14, 20, 25, 29, 38]
    assert (tasks["speaker"] == "习近平").all()
    assert tasks["statement"].iloc[0] == "要以科技创新引领产业创新，积极培育和发展新质生产力。"
    assert tasks["text"].iloc[0] == "习近平强调，要以科技创新引领产业创新，积极培育和发展新质生产力。"


def test_order_opening_tasks_closing_then_speakers(items):
    assert items["kind"].tolist() == ["opening"] + ["task"] * 6 + ["closing", "speaker", "speaker"]
    assert items["item"].tolist() == list(range(1, 11))


def test_opening_judgement(items):
    opening = items.iloc[0]
    assert opening["paragraph"] == 1 and opening["sentence"] == 2
    assert opening["statement"].startswith("中部地区是我国重要粮食生产基地、能源原材料基地")
    assert opening["statement"].endswith("在全国具有举足轻重的地位。")
    assert opening["speaker"] == "习近平"  # 他强调 refers back to 习近平 in the sentence before


def test_closing_point(items):
    closing = items[items["kind"] == "closing"].iloc[0]
    assert closing["paragraph"] == 11
    assert closing["heading"] == "中央区域协调发展领导小组要加强统筹协调和督促指导"


def test_other_speakers_and_their_points(seed, lexicon, items):
    speakers = items[items["kind"] == "speaker"]
    assert speakers["speaker"].tolist() == ["李强", "丁薛祥"]
    assert speakers["paragraph"].tolist() == [12, 13]
    points = outline.speaker_points(seed, lexicon, items)
    ding = points[points["speaker"] == "丁薛祥"]["text"].tolist()
    assert len(ding) == 5
    assert ding[0].startswith("要深入学习贯彻党的二十大精神")  # the cue 丁薛祥在讲话中表示， is cut off
    assert ding[1] == "加强科技创新和产业创新深度融合，因地制宜加快发展新质生产力。"
    assert len(points[points["speaker"] == "李强"]) == 3


def test_items_carry_the_theme_of_their_paragraph(items):
    # themes.toml: the first six themes follow the six tasks; paragraph 11 is about implementation
    assert items[items["kind"] == "task"]["theme"].tolist() == [
        "innovation", "regional", "reform", "ecology", "rural", "security"]
    assert items[items["kind"] == "closing"]["theme"].iloc[0] == "party"
    assert items["color"].iloc[1] == "#0072B2"  # innovation's colour in themes.toml


def test_theme_filter(seed, items):
    # both food/energy security and innovation words: paragraph 1 (粮食生产基地, 能源 / 高技术产业)
    # and paragraph 13 (粮食、能源资源安全 / 科技创新)
    both = outline.filter_items(items, seed, ("innovation", "security"), "all")
    assert both["paragraph"].tolist() == [1, 13]
    assert len(outline.filter_items(items, seed, (), "any")) == 10
    either = outline.filter_items(items, seed, ("innovation", "security"), "any")
    assert {5, 10} <= set(either["paragraph"])


def test_rules_come_from_data(seed, lexicon):
    # no thesis marker: no tasks
    rules = outline.Rules(thesis_markers=(), opening_markers=("是我国",), closing_markers=("最后",))
    kinds = outline.extract(seed, lexicon, rules)["kind"].tolist()
    assert "task" not in kinds and kinds[:2] == ["opening", "closing"]
    # another main speaker: Li Qiang's cue sentence 李强在讲话中表示，要认真学习领会…… is his task
    rules = outline.Rules(thesis_markers=("要",), main_speaker="李强")
    items = outline.extract(seed, lexicon, rules)
    assert items[items["kind"] == "task"]["sentence"].tolist() == [44]
    assert "习近平" in set(items[items["kind"] == "speaker"]["speaker"])


def test_shipped_rules_file(lexicon, tmp_path):
    rules = outline.load_rules()
    assert rules.thesis_markers == ("要",) and "最后" in rules.closing_markers
    # a lexicon folder without the file falls back to the shipped one
    assert outline.load_rules(tmp_path) == rules
    (tmp_path / "outline.toml").write_text('thesis_markers = 3\n', encoding="utf-8")
    with pytest.raises(LexiconError):
        outline.load_rules(tmp_path)
    (tmp_path / "outline.toml").write_text('thesis_markers = [\n', encoding="utf-8")
    with pytest.raises(LexiconError):
        outline.load_rules(tmp_path)


def test_heading():
    assert outline.heading("要以科技创新引领产业创新，积极培育。", ("要",)) == "以科技创新引领产业创新"
    assert outline.heading("坚持“两个毫不动摇”，支持国有企业。", ("要",)) == "坚持“两个毫不动摇”"
    assert outline.heading("要。", ("要",)) == "要"


def test_a_text_without_speakers_has_no_outline(lexicon):
    ds = dataset.build(PLAIN, lexicon)
    items = outline.extract(ds, lexicon)
    assert items.empty and list(items.columns) == outline.COLUMNS
    assert outline.speaker_points(ds, lexicon, items).empty


def test_markup_in_the_text_stays_text(lexicon):
    ds = dataset.build(HOSTILE, lexicon)
    items = outline.extract(ds, lexicon)
    assert items["kind"].tolist() == ["opening", "task", "task", "speaker"]
    assert items["heading"].iloc[1] == "以科技创新<script>alert(1)</script>引领产业创新"


def test_rules_problem_and_its_message(lexicon, tmp_path):
    import dataclasses

    assert outline.rules_problem(lexicon) is None
    (tmp_path / "outline.toml").write_text("closing_markers = [1]\n", encoding="utf-8")
    broken = dataclasses.replace(lexicon, directory=tmp_path)
    assert outline.rules_problem(broken).message("zh").startswith("outline.toml 不是有效的 TOML")


def test_statement_parts():
    assert outline.statement_parts("要以科技创新引领产业创新，积极培育。", "以科技创新引领产业创新") == (
        "要", "以科技创新引领产业创新", "，积极培育。")
    assert outline.statement_parts("坚持城乡融合发展。", "") == ("坚持城乡融合发展。", "", "")
    assert outline.statement_parts("坚持城乡融合发展。", "别的") == ("坚持城乡融合发展。", "", "")
