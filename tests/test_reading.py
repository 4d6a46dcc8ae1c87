"""The reader's filters, search, speakers, marked pieces, sections and heatmap
click, checked against the seed and the test texts of tests/texts read by hand
(paragraph numbers as the reader shows them)."""

from __future__ import annotations

import pytest

from studyboard.analysis import reading
from studyboard.analysis.reading import Mark, MarkedSentence
from genre_cases import dataset

# Paragraphs with an ecology keyword, read off the text: 4 绿色低碳转型, 5 绿色化,
# 6 黄河流域生态保护, 8 (the ecology paragraph), 9 社会生态, 10 绿色农产品,
# 12 绿色低碳发展, 13 生态环境保护 / 绿色底色.
ECOLOGY = [4, 5, 8, 12, 13]  # not 9 (社会生态), 6 (黄河流域生态保护和高质量发展) nor 10 (绿色农产品): exclusions in themes.toml
# Party keywords: 1 党中央/政策举措/贯彻落实, 9 党组织, 11 (the call to implement),
# 12 贯彻落实/重要讲话精神, 13 二十大精神/重要讲话精神.
PARTY = [1, 9, 11, 12, 13]


def test_theme_filter_any_and_all(seed):
    assert reading.theme_paragraphs(seed, ["ecology"]) == ECOLOGY
    assert reading.theme_paragraphs(seed, ["ecology", "party"], "any") == sorted(set(ECOLOGY) | set(PARTY))
    assert reading.theme_paragraphs(seed, ["ecology", "party"], "all") == [12, 13]
    # a filter fades the other paragraphs; no filter fades none
    assert reading.faint_paragraphs(seed, ["ecology"]) == {1, 2, 3, 6, 7, 9, 10, 11, 14}
    assert reading.faint_paragraphs(seed, ["ecology", "party"], "all") == set(range(1, 15)) - {12, 13}
    assert reading.faint_paragraphs(seed, []) == set()
    # the paragraph that begins 习近平指出，要协同推进生态环境保护 is the ecology paragraph
    eighth = seed.paragraphs.set_index("paragraph").loc[8, "text"]
    assert eighth.startswith("习近平指出，要协同推进生态环境保护") and 8 in ECOLOGY


def test_speaker_and_search_narrow_the_matches(seed):
    # 丁薛祥 speaks only in paragraph 13, 李强 only in 12
    assert reading.speakers(seed) == ["习近平", "李强", "丁薛祥"]
    assert reading.matching_paragraphs(seed, reading.Filter(speaker="丁薛祥")) == [13]
    assert reading.matching_paragraphs(seed, reading.Filter(themes=("ecology",), speaker="李强")) == [12]
    # 粮食: once in 1 (重要粮食生产基地), three times in 10, once in 13 (提升粮食、能源资源)
    hits = reading.search_hits(seed, "粮食")
    assert len(hits) == 5 and list(hits["paragraph"]) == [1, 10, 10, 10, 13]
    # of those only 13 has an ecology keyword (绿色底色); 10's 绿色农产品 is an exclusion
    assert reading.matching_paragraphs(seed, reading.Filter(themes=("ecology",), search="粮食")) == [13]


def test_search_is_literal_and_trimmed(seed):
    assert reading.clean_search("  粮食\n ") == "粮食"
    assert len(reading.clean_search("长" * 100)) == reading.SEARCH_MAX
    assert reading.search_hits(seed, ".*").empty  # no regular expressions
    assert reading.search_hits(seed, "   ").empty


def test_layout_dims_or_hides_the_others(seed):
    flt = reading.Filter(themes=("ecology",))
    dimmed = reading.layout(seed, ECOLOGY, flt, hide=False)
    assert [n for kind, n, dim in dimmed if dim] == [1, 2, 3, 6, 7, 9, 10, 11, 14]
    hidden = reading.layout(seed, ECOLOGY, flt, hide=True)
    assert hidden == [("hidden", 1, 3), ("paragraph", 4, False), ("paragraph", 5, False),
                      ("hidden", 6, 7), ("paragraph", 8, False), ("hidden", 9, 11),
                      ("paragraph", 12, False), ("paragraph", 13, False), ("hidden", 14, 14)]
    # no filter: nothing dimmed or hidden, whatever the toggle says
    assert all(kind == "paragraph" and not dim for kind, _, dim in reading.layout(seed, [], reading.Filter(), True))


def test_glossary_terms_are_found_longest_first(seed):
    terms = reading.load_glossary()
    sixth = seed.paragraphs.set_index("paragraph").loc[6, "text"]
    found = [term for _, _, term in reading.glossary_spans(sixth, terms)]
    assert found == ["新发展格局", "京津冀", "长三角", "粤港澳大湾区", "长江经济带",
                     "黄河流域生态保护和高质量发展", "长江中游城市群", "中原城市群"]


def test_a_marked_paragraph_cuts_its_sentences_at_every_mark(seed):
    marked = reading.marked_paragraph(seed, 10, reading.Filter(themes=("ecology", "security"), search="粮食"))
    sentences = [part for part in marked.parts if isinstance(part, MarkedSentence)]
    assert marked.paragraph == 10 and marked.speaker == "习近平" and len(sentences) == 3
    # the second sentence (高质量推进粮食生产功能区…): security with 粮食, 农产品 (6 hits); its
    # 绿色农产品 is an exclusion of ecology (farm produce, not the environment): no ecology
    second = sentences[1]
    assert "".join(piece.text for piece in second.pieces).startswith("高质量推进粮食")
    assert second.themes == (("security", "粮食、农产品"),)
    # its first 粮食 is both a security keyword and a search hit: one piece with both marks
    grain = next(piece for piece in second.pieces if piece.text == "粮食")
    assert grain.marks == (Mark("keyword", "security", "粮食"), Mark("hit"))
    # the pieces give back the paragraph's text
    text = seed.paragraphs.set_index("paragraph").loc[10, "text"]
    assert "".join(part if isinstance(part, str) else "".join(p.text for p in part.pieces)
                   for part in marked.parts) == text
    assert reading.marked_paragraph(seed, 99) is None


def test_pick_reads_the_cell_back(seed):
    event = {"selection": {"points": [{"curve_number": 3, "point_index": 7, "x": 4, "y": "8",
                                       "customdata": [8, "ecology"]}], "point_indices": [7], "box": [], "lasso": []}}
    assert reading.pick(event, seed) == (8, "ecology")
    assert reading.pick_params((8, "ecology")) == {"para": "8", "themes": "ecology"}
    # a click keeps the sidebar's themes and adds its own, in lexicon order (ecology before party)
    assert reading.pick_params((8, "ecology"), ("party",), seed) == {"para": "8", "themes": "ecology,party"}
    assert reading.pick_params((8, "ecology"), ("ecology", "party"), seed) == {"para": "8", "themes": "ecology,party"}
    for bad in (None, {}, {"selection": {"points": []}}, {"selection": {"points": [{"customdata": [99, "ecology"]}]}},
                {"selection": {"points": [{"customdata": [8, "nope"]}]}},
                {"selection": {"points": [{"customdata": ["x", "ecology"]}]}}):
        assert reading.pick(bad, seed) is None


def test_speakers_sentence_counts(seed):
    assert reading.sentence_counts(seed)["丁薛祥"] == 5  # all five sentences of paragraph 13


def test_provenance_lists_the_hashes_by_code(seed):
    table = reading.provenance(seed)
    values = {(item, file): value for item, file, value in table.itertuples(index=False)}
    assert values[("tokenizer", "")] == f"jieba {seed.provenance['tokenizer_version']}"
    assert values[("tier", "")] == "function"
    assert values[("lexicon", "themes.toml")] == seed.provenance["lexicon"]["themes.toml"]
    assert values[("dataset", "")] == seed.provenance["dataset_sha256"]
    assert len(table) == 3 + 12 + 5  # tokenizer, mode, tier; twelve lexicon files; input, dataset, key, version, software


# --- sections: the test texts of tests/texts (structure written by hand in *.expected.toml) ---------


@pytest.fixture
def genre(lexicon):
    """genre("speech") -> the dataset of tests/texts/speech.txt."""
    return lambda name: dataset(name, lexicon)


# speech.txt, line by line: 1 title, 2 date line, 3 byline, 4 同志们：, 5 ¶1, 6 一、, 7–10 ¶2–5, 11 二、,
# 12–14 ¶6–8, 15 三、, 16 （一）, 17–19 ¶9–11, 20 （二）, 21–22 ¶12–13, 23 （三）, 24–25 ¶14–15, 26 四、,
# 27–30 ¶16–19. Sections in order: 1 一, 2 二, 3 三, 4 （一）, 5 （二）, 6 （三）, 7 四.


def test_heading_lines_stand_before_the_paragraph_they_open(genre):
    speech = genre("speech")
    assert reading.heading_lines(speech) == {2: [1], 6: [2], 9: [3, 4], 12: [5], 14: [6], 16: [7]}
    assert reading.run_in_sections(speech) == {}
    # report.txt: 一、 is a heading line before ¶2; （一）着力扩大有效需求。 opens ¶3 (line 8)
    report = genre("report")
    assert reading.heading_lines(report)[2] == [1]
    assert reading.run_in_sections(report)[3] == [2]
    assert reading.heading_lines(genre("plain")) == {}


def test_layout_puts_the_headings_in_their_place(genre):
    speech = genre("speech")
    items = reading.layout(speech, [], reading.Filter(), hide=False)
    assert items[:3] == [("paragraph", 1, False), ("heading", 1, 1), ("paragraph", 2, False)]
    at_nine = items.index(("paragraph", 9, False))
    assert items[at_nine - 3:at_nine] == [("paragraph", 8, False), ("heading", 3, 1), ("heading", 4, 2)]
    assert [i for i in items if i[0] == "heading"] == [("heading", s, level) for s, level in
                                                      [(1, 1), (2, 1), (3, 1), (4, 2), (5, 2), (6, 2), (7, 1)]]
    # one part of the text: ¶9–15, the paragraphs of 三、
    part = reading.layout(speech, [], reading.Filter(), False, 9, 15)
    assert part[:3] == [("heading", 3, 1), ("heading", 4, 2), ("paragraph", 9, False)]
    assert [i[1] for i in part if i[0] == "paragraph"] == list(range(9, 16))


def test_hidden_paragraphs_keep_their_run_in_heading(genre):
    # 集成电路 occurs once in report.txt, in ¶4 (（二）加快发展新质生产力。…): hiding the others keeps the
    # heading lines and the run-in headings of the hidden paragraphs, each before its paragraph's line
    report = genre("report")
    flt = reading.Filter(search="集成电路")
    matches = reading.matching_paragraphs(report, flt)
    assert matches == [4]
    assert reading.layout(report, matches, flt, hide=True)[:8] == [
        ("hidden", 1, 1), ("heading", 1, 1), ("hidden", 2, 2), ("heading", 2, 2), ("hidden", 3, 3),
        ("paragraph", 4, False), ("heading", 4, 2), ("hidden", 5, 5)]


def test_a_run_in_heading_ends_after_its_sentence():
    assert reading.run_in_end("（一）着力扩大有效需求。实施重大项目攻坚行动", "一", "着力扩大有效需求") == 12
    assert reading.run_in_end("1.加快建设先进制造业集群。聚焦新能源汽车", "1", "加快建设先进制造业集群") == 14
    assert reading.run_in_end("第三条促进中部地区崛起工作应当", "第三条", "") == 3  # an article: its number
    assert reading.run_in_end("另一段文字", "一", "着力扩大有效需求") == 0


def test_a_marked_paragraph_carries_its_run_in_heading(genre):
    report = genre("report")
    marked = reading.marked_paragraph(report, 3)
    assert marked.sections == (2,)
    first = next(part for part in marked.parts if isinstance(part, MarkedSentence))
    assert [(p.text, p.marks) for p in first.pieces] == [("（一）着力扩大有效需求。", (Mark("heading"),))]
    # decision.txt ¶3 opens with the article 第三条: only the number is the heading
    decision = genre("decision")
    piece = next(part for part in reading.marked_paragraph(decision, 3).parts
                 if isinstance(part, MarkedSentence)).pieces[0]
    assert (piece.text, piece.marks) == ("第三条", (Mark("heading", word="第三条"),))
    assert reading.marked_paragraph(genre("speech"), 9).sections == ()  # opened by heading lines, not run-in


def test_sections_paths_and_groups(genre):
    report = genre("report")
    # 1. 加快建设先进制造业集群 (section 13) stands under （二） (12) under 三、 (10)
    assert reading.section_path(report, 13) == [10, 12, 13]
    assert reading.section_path(report, 0) == []
    speech = genre("speech")
    # grouped by top-level section; inside 三、 alone, by its subsections
    assert reading.groups(speech, range(1, 20)) == [0, 1, 1, 1, 1, 2, 2, 2, 3, 3, 3, 3, 3, 3, 3, 7, 7, 7, 7]
    assert reading.groups(speech, range(9, 16)) == [4, 4, 4, 5, 5, 6, 6]
    assert reading.groups(genre("plain"), range(1, 7)) == [0] * 6


def test_a_long_text_is_read_one_part_at_a_time(genre):
    # long_report.txt: ¶1–2 before 一、 (lines 5–6); 三、 at line 37 opens ¶31, 四、 at line 56 ¶49;
    # 六、 (line 89) covers ¶80–97; 241 paragraphs
    long = genre("long_report")
    assert reading.paged(long) and not reading.paged(genre("speech")) and not reading.paged(genre("plain"))
    parts = reading.parts(long)
    assert len(parts) == 15  # the opening and 一、 … 十四、
    assert parts[0] == reading.Part(0, 1, 2)
    assert parts[3] == reading.Part(11, 31, 48)
    assert parts[6] == reading.Part(35, 80, 97)
    assert parts[-1].last == 241
    assert reading.part_of(parts, 90) == 35 and reading.part_of(parts, 1) == 0
    assert reading.parts(genre("speech"))[:2] == [reading.Part(0, 1, 1), reading.Part(1, 2, 5)]
    assert reading.parts(genre("plain")) == [reading.Part(0, 1, 6)]
