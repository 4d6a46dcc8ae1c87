"""The data of the theme grids, shares and co-occurrence, against counts
read off the seed by hand."""

from __future__ import annotations

import pytest

from studyboard.analysis import theme_scores

# Ecology hits by paragraph, counted in the text: 4 绿色低碳; 5 绿色(化); 6 生态保护;
# 8 sixteen (生态环境 ×2, 绿色低碳 ×3, 美丽中部, 污染防治, 大江大河, 湖泊, 污水, 资源节约,
# 循环利用, 生态保护补偿, 生态产品, 产业生态化, 生态产业化); 10 绿色(农产品);
# 12 绿色低碳; 13 生态环境, 绿色(底色). 23 in all. (9's 社会生态, the social
# climate, is an exclusion of the theme in themes.toml: no hit.)
ECOLOGY_HITS = {4: 1, 5: 1, 6: 1, 8: 16, 10: 1, 12: 1, 13: 2}
# Food & energy security: 1 粮食, 能源, 原材料; 8 能源; 10 nineteen; 13 粮食, 能源, 资源安全,
# 高水平安全. 27 in all.
SECURITY_HITS = {1: 3, 8: 1, 10: 19, 13: 4}


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
    assert list(security["hits"]) == [0, 0, 1, 0]  # 能源 in 推进产业、能源、交通运输结构…
    ecology = cells[cells["theme"] == "ecology"]
    assert int(ecology["hits"].sum()) == 16


def test_speaker_cells(seed):
    cells = theme_scores.speaker_cells(seed, ["ecology"]).set_index("row")
    assert list(cells.index) == ["习近平", "李强", "丁薛祥", "-"]  # narration last, as the speaker filter's "-"
    assert cells.loc["丁薛祥", "hits"] == 2 and cells.loc["李强", "hits"] == 1 and cells.loc["-", "hits"] == 0
    assert cells.loc["习近平", "hits"] == 23 - 2 - 1
    # 丁薛祥 speaks the whole of paragraph 13
    length = len(seed.paragraphs.set_index("paragraph").loc[13, "text"])
    assert cells.loc["丁薛祥", "density"] == pytest.approx(100 * 2 / length, abs=0.001)
    assert cells.loc["丁薛祥", "keywords"] == "生态环境、绿色"


def test_theme_shares_over_the_themes_shown(seed):
    shares = theme_scores.theme_shares(seed, ["ecology", "security"]).set_index("theme")
    assert list(shares.index) == ["security", "ecology"]  # most hits first
    assert shares.loc["security", "hits"] == 27 and shares.loc["ecology", "hits"] == 23
    assert shares.loc["ecology", "share"] == pytest.approx(46.0)  # 23 / 50
    assert shares.loc["ecology", "paragraphs"] == 7 and shares.loc["security", "paragraphs"] == 4


def test_cooccurrence_by_sentence_and_paragraph(seed):
    by_sentence = theme_scores.cooccurrence(seed, "sentence", ["ecology", "security"])
    # sentences with both: 推进产业、能源…绿色低碳转型 (8) and 高质量推进粮食…绿色农产品 (10)
    assert by_sentence.loc["ecology", "security"] == by_sentence.loc["security", "ecology"] == 2
    by_paragraph = theme_scores.cooccurrence(seed, "paragraph", ["ecology", "security"])
    assert by_paragraph.loc["ecology", "security"] == 3  # paragraphs 8, 10, 13
    assert by_paragraph.loc["ecology", "ecology"] == 7 and by_paragraph.loc["security", "security"] == 4
    with pytest.raises(ValueError):
        theme_scores.cooccurrence(seed, "word")


def test_top_pairs_leave_out_pairs_that_never_meet(seed):
    pairs = theme_scores.top_pairs(seed, "paragraph", ["ecology", "security", "party"])
    # ecology–party: 12, 13; ecology–security: 8, 10, 13; security–party: 1, 13
    assert [tuple(r) for r in pairs.itertuples(index=False)] == [
        ("ecology", "security", 3), ("ecology", "party", 2), ("security", "party", 2)]
