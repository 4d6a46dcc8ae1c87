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
    # paragraph 1: opening judgement (sentence 2), general requirement (3); paragraph 4: stock-taking (7) and
    # challenges (8); paragraphs 5-10: six tasks; paragraph 11: closing point (41) and two requirements (42, 43)
    assert items["kind"].tolist() == (["opening", "general", "review", "challenge"] + ["task"] * 6
                                      + ["closing", "requirement", "requirement", "speaker", "speaker"])
    assert items["item"].tolist() == list(range(1, 16))
    assert items["sentence"].tolist() == [2, 3, 7, 8, 9, 14, 20, 25, 29, 38, 41, 42, 43, 44, 47]


def test_general_requirement_of_the_lede(items):
    general = items[items["kind"] == "general"].iloc[0]
    assert general["paragraph"] == 1 and general["speaker"] == "习近平"
    assert general["statement"].startswith("要一以贯之抓好党中央推动中部地区崛起一系列政策举措的贯彻落实")
    assert general["statement"].endswith("在中国式现代化建设中奋力谱写中部地区崛起新篇章。")
    assert general["heading"] == "一以贯之抓好党中央推动中部地区崛起一系列政策举措的贯彻落实"


def test_stock_taking_is_the_source_of_the_headline(items):
    # paragraph 4: 他指出，上一次……召开5年来，……中部地区发展站到了更高起点上。同时要看到，……仍面临不少困难和挑战
    review = items[items["kind"] == "review"].iloc[0]
    assert review["paragraph"] == 4 and review["sentence"] == 7 and review["speaker"] == "习近平"
    assert review["statement"].startswith("上一次推动中部地区崛起座谈会召开5年来，中部区域经济总体平稳")
    assert review["heading"] == "中部地区发展站到了更高起点上"  # the headline's 更高起点, not the clause of 5年来
    challenge = items[items["kind"] == "challenge"].iloc[0]
    assert challenge["sentence"] == 8
    assert challenge["statement"] == "同时要看到，推动中部地区崛起仍面临不少困难和挑战，要切实研究解决。"
    assert challenge["heading"] == "推动中部地区崛起仍面临不少困难和挑战"


def test_closing_requirements(items):
    reqs = items[items["kind"] == "requirement"]
    assert reqs["paragraph"].tolist() == [11, 11]
    assert reqs["heading"].tolist() == ["地方党委和政府要扛起主体责任", "巩固拓展主题教育成果"]
    assert "干部队伍" in reqs["statement"].iloc[1] and "建立健全考核激励制度" in reqs["statement"].iloc[1]


def test_other_speakers_are_headed_by_their_points_not_boilerplate(items):
    speakers = items[items["kind"] == "speaker"]
    # 李强: 要认真学习领会、深入贯彻落实……重要讲话精神 is boilerplate; the next clause is his point
    assert speakers["heading"].iloc[0] == "把中部地区放到整个国家版图中、放到支撑构建新发展格局中来定位思考"
    # 丁薛祥: 要深入学习贯彻……精神 and 紧扣高质量发展要求 are boilerplate
    assert speakers["heading"].iloc[1] == "推动中部地区崛起不断取得新成效"
    for statement, head in zip(speakers["statement"], speakers["heading"]):
        assert head in statement


def test_marker_patterns():
    assert outline.find_marker("不断取得新成效。", ("取得…成效",)).group() == "取得新成效"
    assert outline.find_marker("取得进展，成效明显。", ("取得…成效",)) is None  # two clauses
    assert outline.marker_heading("5年来，发展站到了更高起点上。", ("站到…起点", "年来")) == "发展站到了更高起点上"
    assert outline.marker_heading("5年来，发展平稳。", ("站到…起点", "年来")) == "5年来"
    rules = outline.Rules(thesis_markers=("要",), boilerplate=("讲话精神",))
    assert outline.substantive_heading("要学习讲话精神。", rules) == "学习讲话精神"  # all boilerplate: first clause
    assert outline.substantive_heading("要学习讲话精神，要抓好落实。", rules) == "抓好落实"


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
    assert items[items["kind"] == "task"]["color"].iloc[0] == "#0072B2"  # innovation's colour in themes.toml


def test_theme_filter(seed, items):
    # both food/energy security and innovation words: paragraph 1 (粮食生产基地, 能源 / 高技术产业)
    # and paragraph 13 (粮食、能源资源安全 / 科技创新)
    both = outline.filter_items(items, seed, ("innovation", "security"), "all")
    # paragraph 1 holds two items: the opening judgement and the general requirement
    assert both["paragraph"].tolist() == [1, 1, 13]
    assert both["kind"].tolist() == ["opening", "general", "speaker"]
    assert len(outline.filter_items(items, seed, (), "any")) == 15
    either = outline.filter_items(items, seed, ("innovation", "security"), "any")
    assert {5, 10} <= set(either["paragraph"])


def test_rules_come_from_data(seed, lexicon):
    # no thesis marker: no tasks
    rules = outline.Rules(thesis_markers=(), opening_markers=("是我国",), closing_markers=("最后",))
    kinds = outline.extract(seed, lexicon, rules)["kind"].tolist()
    assert "task" not in kinds and kinds[:2] == ["opening", "closing"]
    # no review or challenge markers: paragraph 4 gives no item; no boilerplate: 李强's first clause heads his item
    rules = outline.Rules(thesis_markers=("要",), opening_markers=("是我国",), closing_markers=("最后",))
    items = outline.extract(seed, lexicon, rules)
    assert 4 not in set(items["paragraph"])
    assert items[items["kind"] == "speaker"]["heading"].iloc[0] == "认真学习领会、深入贯彻落实习近平总书记重要讲话精神"
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


# --- documents with headings (tests/texts; the structure is read by hand in *.expected.toml) ----------

from study_docs import REPORT_HEADINGS, SPEECH_HEADINGS, genre  # noqa: E402


@pytest.fixture(scope="module")
def speech(lexicon):
    ds = genre("speech", lexicon)
    return ds, outline.extract(ds, lexicon)


@pytest.fixture(scope="module")
def report(lexicon):
    ds = genre("report", lexicon)
    return ds, outline.extract(ds, lexicon)


def test_the_seed_has_no_headings(seed, items):
    assert not outline.is_structured(seed)
    assert set(items["kind"]) <= set(outline.REPORT_KINDS)
    assert (items[["section", "level", "parent"]] == 0).all().all() and (items["numbering"] == "").all()
    assert items["last_paragraph"].tolist() == items["paragraph"].tolist()


def test_speech_outline_is_its_heading_tree(speech):
    ds, items = speech
    assert outline.is_structured(ds)
    headings = items[items["kind"] == "heading"]
    assert headings["statement"].tolist() == SPEECH_HEADINGS
    assert headings["level"].tolist() == [1, 1, 1, 2, 2, 2, 1]
    assert headings["heading"].iloc[0] == "深刻认识推动中部地区崛起的重大意义"
    assert headings["numbering"].tolist() == ["一、", "二、", "三、", "（一）", "（二）", "（三）", "四、"]
    # body paragraphs, counted by hand: 1 opens (这次会议…); 一、 2–5, 二、 6–8, 三、 9–15 with （一） 9–11,
    # （二） 12–13, （三） 14–15; 四、 16–19 (the closing 同志们，…… included)
    assert list(zip(headings["paragraph"], headings["last_paragraph"])) == [
        (2, 5), (6, 8), (9, 15), (9, 11), (12, 13), (14, 15), (16, 19)]
    # the subsections stand under 三、 (section 3); heading lines have no sentence of their own
    assert headings["parent"].tolist() == [0, 0, 0, 3, 3, 3, 0] and (headings["sentence"] == 0).all()
    assert items.iloc[0]["kind"] == "heading"  # the outline starts with 一、


def test_speech_key_statements(speech):
    ds, items = speech
    keys = items[items["kind"] == "key"]
    first = keys[keys["section"] == 1]
    # paragraphs 2–5 hold four sentences with 要 (sentences 6, 14, 15 and 20; 首要任务 in paragraph 3 sets no
    # task): the three that say most are kept, in text order
    assert len(first) == 3 and set(first["sentence"]) <= {6, 14, 15, 20} and first["sentence"].is_monotonic_increasing
    stand = first[first["sentence"] == 6].iloc[0]
    assert stand["statement"] == "我们要站在全局高度认识这项工作，切实把思想和行动统一到党中央决策部署上来，以更强的责任感和紧迫感抓好各项任务落实。"
    assert stand["heading"] == "站在全局高度认识这项工作" and stand["paragraph"] == 2 and stand["level"] == 2
    assert 3 not in set(keys["paragraph"])  # 一年来，…: no task set there
    # 三、 has no paragraph of its own (all stand under （一）…（三））; its subsections' statements are theirs
    assert 3 not in set(keys["section"])
    sub = keys[keys["section"] == 4]
    assert len(sub) == 3 and set(sub["paragraph"]) <= {9, 10, 11} and (sub["level"] == 3).all()
    assert all(text.startswith("要") or "，要" in text for text in sub["statement"])
    # at most three per heading, each right after its heading, and the whole outline in text order
    assert keys.groupby("section").size().max() == 3
    positions = [(int(p), int(s)) for p, s in zip(items["paragraph"], items["sentence"])]
    assert positions == sorted(positions)


def test_report_outline(report):
    ds, items = report
    headings = items[items["kind"] == "heading"]
    # 一、 with （一）…（七）, 二、, 三、 with （一）…（九） and 1.–3. under （二）, 四、 with （一）…（三）
    assert len(headings) == 4 + 7 + 9 + 3 + 3 == 26
    assert headings["statement"].tolist() == REPORT_HEADINGS
    items_12 = headings[headings["level"] == 3]
    assert items_12["statement"].tolist() == ["1.加快建设先进制造业集群", "2.培育壮大战略性新兴产业和未来产业",
                                              "3.推动传统产业转型升级"]
    # a run-in heading is its paragraph's first sentence: the heading keeps it, no key statement repeats it
    run_in = headings[headings["sentence"] > 0]
    assert len(run_in) == 7 + 9 + 3 + 3
    assert run_in["text"].iloc[0] == "（一）着力扩大有效需求。"
    keys = items[items["kind"] == "key"]
    assert not set(keys["sentence"]) & set(run_in["sentence"])
    # 三、's own paragraph 18: 今年政府工作任务繁重，要突出重点、把握关键，集中力量抓好以下九个方面工作。
    own = keys[keys["section"] == headings.loc[headings["statement"] == "三、2025年重点工作", "section"].iloc[0]]
    assert own["statement"].tolist() == ["今年政府工作任务繁重，要突出重点、把握关键，集中力量抓好以下九个方面工作。"]
    assert own["heading"].iloc[0] == "突出重点、把握关键"
    # 二、's paragraphs 13–17 have exactly three sentences that set a task: all three are kept
    second = keys[keys["section"] == headings.loc[headings["numbering"] == "二、", "section"].iloc[0]]
    assert second["heading"].tolist() == ["坚持以习近平新时代中国特色社会主义思想为指导", "把握好以下几点",
                                          "放在推动中部地区崛起的大局中谋划推进"]
    assert second["statement"].iloc[2] == "做好今年的工作，必须放在推动中部地区崛起的大局中谋划推进。"


def test_decision_chapters_and_articles(lexicon):
    ds = genre("decision", lexicon)
    items = outline.extract(ds, lexicon)
    assert set(items["kind"]) == {"heading", "article"}  # no article is a heading with key statements
    headings = items[items["kind"] == "heading"]
    assert headings["statement"].tolist() == ["第一章　总则", "第二章　产业发展与科技创新", "第一节　产业发展", "第二节　科技创新",
                                              "第三章　开放合作", "第四章　生态保护与保障措施", "第五章　附则"]
    articles = items[items["kind"] == "article"]
    assert articles["numbering"].tolist()[:2] == ["第一条　", "第二条　"] and len(articles) == 26
    first = articles.iloc[0]
    assert first["heading"] == "为了深入实施促进中部地区崛起战略" and first["statement"].startswith("第一条　为了深入实施")
    # articles stand under their chapter, or under their division in 第二章
    assert articles["parent"].tolist()[:7] == [1] * 6 + [9]


def test_theme_filter_keeps_the_headings_of_what_it_keeps(speech):
    ds, items = speech
    shown = outline.filter_items(items, ds, ("ecology",), "any")
    assert 0 < len(shown) < len(items)
    kept = set(shown.loc[shown["kind"] == "heading", "section"])
    for row in shown.itertuples():
        if row.kind == "key":
            assert row.section in kept
        if row.kind == "heading" and row.parent:
            assert row.parent in kept
    # （三）筑牢长江经济带绿色发展底色 is kept: its paragraphs name 重点湖泊, 让绿色成为…, 生态保护补偿 (ecology keywords)
    assert "（三）筑牢长江经济带绿色发展底色" in set(shown["statement"])


def test_requirement_markers():
    rules = outline.load_rules()
    assert rules.requirement_markers == ("要", "必须", "应当", "务必") and rules.key_statements == 3
    assert outline.requirement("要素市场化配置还有堵点，", rules) is None  # 要素 is a word
    assert outline.requirement("这是首要任务。", rules) is None
    assert outline.requirement("主要负责同志要亲自抓、带头干。", rules) == (6, 7)  # not the 要 of 主要
    assert outline.requirement("必须坚持党的全面领导。", rules) == (0, 2)
    text = "做好今后一个时期的工作，要坚持稳中求进工作总基调，完整准确。"
    assert outline.requirement_heading(text, outline.requirement(text, rules)) == "坚持稳中求进工作总基调"
    assert outline.requirement_heading("我们就是要。", (4, 5)) == "我们就是要"
    assert rules.numbering("subsection", "一") == "（一）" and rules.numbering("article", "第三条") == "第三条　"
    assert rules.numbering("nothing", "7") == "7 "


def test_key_statements_per_heading_from_the_rules(speech, lexicon):
    import dataclasses

    ds, _ = speech
    rules = dataclasses.replace(outline.load_rules(), key_statements=1)
    keys = outline.extract(ds, lexicon, rules)
    assert keys[keys["kind"] == "key"].groupby("section").size().max() == 1
    none = dataclasses.replace(outline.load_rules(), requirement_markers=())
    assert set(outline.extract(ds, lexicon, none)["kind"]) == {"heading"}


def test_slide_rows(speech, items):
    ds, structured = speech
    assert outline.slide_rows(structured)["statement"].tolist() == SPEECH_HEADINGS
    assert len(outline.slide_rows(items)) == 15  # a report: every item
    under_three = outline.children(structured, 3)
    assert under_three["statement"].tolist() == SPEECH_HEADINGS[3:6]


def test_broken_structure_rules(tmp_path):
    (tmp_path / "outline.toml").write_text("key_statements = -1\n", encoding="utf-8")
    with pytest.raises(LexiconError):
        outline.load_rules(tmp_path)
    (tmp_path / "outline.toml").write_text('[heading_numbers]\nsection = 1\n', encoding="utf-8")
    with pytest.raises(LexiconError):
        outline.load_rules(tmp_path)


# --- the report rules on a report of another meeting (a text written for this test) -------------------

from studyboard.ingest.document import Document  # noqa: E402

ANOTHER_MEETING = Document(id="another_meeting", title="扎实推进全年目标任务", text="\n".join([
    "国务院召开常务会议",
    "扎实推进全年目标任务",
    "　　李强主持召开国务院常务会议并讲话。他指出，一年来，各地区各部门攻坚克难，经济运行取得明显成效。"
    "同时也要看到，外部环境仍然面临较多不确定性。要坚定信心，扎实做好下半年各项工作。",
    "　　李强强调，要着力扩大国内需求，推动消费持续恢复。加快推进重大项目建设。",
    "　　李强指出，要深化重点领域改革，激发经营主体活力。",
    "　　李强最后强调，各地区各部门要压实责任，确保各项政策落地见效。必须坚持底线思维，守住安全底线。",
    "　　丁薛祥在讲话中表示，要认真学习贯彻全会精神，把稳增长放在更加突出的位置。",
]) + "\n")


def test_the_report_rules_on_another_meeting(lexicon):
    ds = dataset.build(ANOTHER_MEETING, lexicon)
    items = outline.extract(ds, lexicon)
    # sentences by hand: paragraph 1 has 4 (1-4), 2 has 2 (5-6), 3 one (7), 4 two (8-9), 5 one (10)
    assert list(zip(items["kind"], items["sentence"])) == [
        ("review", 2), ("challenge", 3), ("general", 4), ("task", 5), ("task", 7), ("closing", 8),
        ("requirement", 9), ("speaker", 10)]
    heads = dict(zip(items["sentence"], items["heading"]))
    assert heads[2] == "经济运行取得明显成效"  # 取得…成效 across 明显, the clause of the marker
    assert heads[3] == "外部环境仍然面临较多不确定性"
    assert heads[4] == "坚定信心" and heads[5] == "着力扩大国内需求" and heads[7] == "深化重点领域改革"
    assert heads[8] == "各地区各部门要压实责任"
    assert heads[9] == "必须坚持底线思维"
    assert heads[10] == "把稳增长放在更加突出的位置"  # 要认真学习贯彻全会精神 is boilerplate
    assert (items[items["kind"] != "speaker"]["speaker"] == "李强").all()


@pytest.mark.parametrize("name", ["speech", "report", "article", "decision", "long_report"])
def test_documents_with_headings_keep_their_heading_tree(name, lexicon):
    # the report rules (stock-taking, requirements, boilerplate) are for texts without headings
    ds = genre(name, lexicon)
    items = outline.extract(ds, lexicon)
    assert len(items) and set(items["kind"]) <= set(outline.STRUCTURE_KINDS)
