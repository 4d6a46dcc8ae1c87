"""The data of the theme grids, shares, co-occurrence and sections, against
counts read off the seed and the test texts (tests/texts) by hand."""

from __future__ import annotations

import pytest

from studyboard.analysis import theme_scores

# Ecology hits by paragraph, counted in the text: 4 绿色低碳; 5 绿色(化);
# 8 sixteen (生态环境 ×2, 绿色低碳 ×3, 美丽中部, 污染防治, 大江大河, 湖泊, 污水, 资源节约,
# 循环利用, 生态保护补偿, 生态产品, 产业生态化, 生态产业化);
# 12 绿色低碳; 13 生态环境, 绿色(底色). 21 in all. Exclusions of the theme in
# themes.toml, no hit: 9's 社会生态 (the social climate), 6's 生态保护 inside
# 黄河流域生态保护和高质量发展 (a regional strategy's name), 10's 绿色 of 绿色农产品.
ECOLOGY_HITS = {4: 1, 5: 1, 8: 16, 12: 1, 13: 2}
# Food & energy security: 1 粮食, 能源, 原材料; 10 nineteen; 13 粮食, 能源, 资源安全,
# 高水平安全. 26 in all (8's 能源 in 产业、能源、交通运输结构 is an exclusion: a green transition).
SECURITY_HITS = {1: 3, 10: 19, 13: 4}


def test_paragraph_cells_count_hits_and_density(seed):
    cells = theme_scores.paragraph_cells(seed, ["ecology"])
    assert list(cells["theme"].unique()) == ["ecology"]
    hits = dict(zip(cells["row"], cells["hits"]))
    assert {p: n for p, n in hits.items() if n} == ECOLOGY_HITS
    eighth = cells[cells["row"] == 8].iloc[0]
    length = len(seed.paragraphs.set_index("paragraph").loc[8, "text"])
    assert eighth["density"] == pytest.approx(100 * 16 / length, abs=0.001)


def test_sentence_cells_include_zeros(seed):
    cells = theme_scores.sentence_cells(seed, 8, ["ecology", "security"])
    assert len(cells) == 4 * 2  # four sentences, two themes
    security = cells[cells["theme"] == "security"]
    # 能源 in 推进产业、能源、交通运输结构… is an exclusion of the theme (a green transition): no hit
    assert list(security["hits"]) == [0, 0, 0, 0]
    ecology = cells[cells["theme"] == "ecology"]
    assert int(ecology["hits"].sum()) == 16


def test_speaker_cells(seed):
    cells = theme_scores.speaker_cells(seed, ["ecology"]).set_index("row")
    assert list(cells.index) == ["习近平", "李强", "丁薛祥", "-"]  # narration last, as the speaker filter's "-"
    assert cells.loc["丁薛祥", "hits"] == 2 and cells.loc["李强", "hits"] == 1 and cells.loc["-", "hits"] == 0
    assert cells.loc["习近平", "hits"] == 21 - 2 - 1
    # 丁薛祥 speaks the whole of paragraph 13
    length = len(seed.paragraphs.set_index("paragraph").loc[13, "text"])
    assert cells.loc["丁薛祥", "density"] == pytest.approx(100 * 2 / length, abs=0.001)
    assert cells.loc["丁薛祥", "keywords"] == "生态环境、绿色"


def test_theme_shares_over_the_themes_shown(seed):
    shares = theme_scores.theme_shares(seed, ["ecology", "security"]).set_index("theme")
    assert list(shares.index) == ["security", "ecology"]  # most hits first
    assert shares.loc["security", "hits"] == 26 and shares.loc["ecology", "hits"] == 21
    assert shares.loc["ecology", "share"] == pytest.approx(44.7)  # 21 / 47
    assert shares.loc["ecology", "paragraphs"] == 5 and shares.loc["security", "paragraphs"] == 3


def test_cooccurrence_by_sentence_and_paragraph(seed):
    by_sentence = theme_scores.cooccurrence(seed, "sentence", ["ecology", "security"])
    # no sentence has both: 8's 能源 (产业、能源、交通运输结构) and 10's 绿色 (绿色农产品) are
    # exclusions. Ecology and innovation meet in two: ¶4 创新发展动能…绿色低碳转型 and ¶5
    # 推动制造业高端化、智能化、绿色化发展
    assert by_sentence.loc["ecology", "security"] == by_sentence.loc["security", "ecology"] == 0
    assert theme_scores.cooccurrence(seed, "sentence", ["ecology", "innovation"]).loc["ecology", "innovation"] == 2
    by_paragraph = theme_scores.cooccurrence(seed, "paragraph", ["ecology", "security"])
    assert by_paragraph.loc["ecology", "security"] == 1  # paragraph 13
    assert by_paragraph.loc["ecology", "ecology"] == 5 and by_paragraph.loc["security", "security"] == 3
    with pytest.raises(ValueError):
        theme_scores.cooccurrence(seed, "word")


def test_top_pairs_leave_out_pairs_that_never_meet(seed):
    pairs = theme_scores.top_pairs(seed, "paragraph", ["ecology", "security", "party"])
    # ecology–party: 12, 13; security–party: 1, 13; ecology–security: 13
    assert [tuple(r) for r in pairs.itertuples(index=False)] == [
        ("ecology", "party", 2), ("security", "party", 2), ("ecology", "security", 1)]


# --- sections: the test texts (tests/texts) -----------------------------------------------------
#
# speech.txt 四、切实加强推动中部地区崛起的组织保障 covers ¶16–19 (lines 27–30), counted by hand:
#   party: ¶16 党委, 主体责任; ¶17 干部 ×3 (激励干部, 锻炼干部, 的干部), 担当作为; ¶19 党中央 → 7
#   development: ¶16 中部地区崛起; ¶17 中部地区崛起, 高质量发展; ¶18 中部地区崛起;
#                ¶19 中部地区崛起 ×2, 中国式现代化, 新篇章 → 8
#   rural: ¶18 枫桥经验 → 1; no other theme has a keyword there.
# report.txt （四）筑牢生态安全屏障。 is ¶6 alone (line 11): ecology 生态(安全屏障), 生态环境,
#   生态(修复), 生态保护补偿 → 4; regional 长江经济带 → 1; nothing else.

SPEECH_FOUR = {"party": 7, "development": 8, "rural": 1}


@pytest.fixture
def genre(lexicon):
    from genre_cases import dataset

    return lambda name: dataset(name, lexicon)


def test_section_cells_count_each_section_with_what_stands_under_it(genre):
    speech = genre("speech")
    cells = theme_scores.section_cells(speech, level=1)
    assert list(dict.fromkeys(cells["row"])) == [1, 2, 3, 7]  # 一、二、三、四、
    four = cells[cells["row"] == 7].set_index("theme")
    assert {t: int(n) for t, n in four["hits"].items() if n} == SPEECH_FOUR
    chars = int(speech.paragraphs.set_index("paragraph").loc[16:19, "chars"].sum())
    assert four.loc["development", "density"] == pytest.approx(100 * 8 / chars, abs=0.001)
    assert four.loc["development", "keywords"] == "中部地区崛起、高质量发展、中国式现代化、新篇章"
    # 三、 holds its three subsections: its hits are theirs summed (¶9–15), level 2 has just them
    three = cells[cells["row"] == 3].set_index("theme")["hits"]
    subsections = theme_scores.section_cells(speech, level=2)
    assert list(dict.fromkeys(subsections["row"])) == [4, 5, 6]
    assert subsections.groupby("theme")["hits"].sum().to_dict() == three.to_dict()
    report = genre("report")
    fourth = theme_scores.section_cells(report, ["ecology", "regional", "security"], level=2)
    fourth = fourth[fourth["row"] == 5].set_index("theme")["hits"]
    assert dict(fourth) == {"regional": 1, "ecology": 4, "security": 0}
    assert theme_scores.section_cells(genre("plain")).empty


def test_the_themes_with_most_hits_in_each_section(genre):
    top = theme_scores.section_top_themes(genre("speech"))
    assert top[7] == [("development", 8), ("party", 7), ("rural", 1)]
    assert theme_scores.section_top_themes(genre("report"))[5] == [("ecology", 4), ("regional", 1)]
    assert theme_scores.section_top_themes(genre("speech"), ["rural", "ecology"])[7] == [("rural", 1)]


def test_section_levels(genre, seed):
    assert theme_scores.section_levels(genre("speech")) == [1, 2]
    assert theme_scores.section_levels(genre("report")) == [1, 2, 3]
    assert theme_scores.section_levels(seed) == []
