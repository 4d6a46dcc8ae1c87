"""Names of meetings, strategies and bodies, and generic words, are no theme hits.

Every expected list below is read off the shipped document by hand: the
keywords of ``data/lexicon/themes.toml`` found in the sentence, longest first
within a theme, minus those inside one of the theme's ``exclude`` phrases.
"""

from __future__ import annotations

import pytest

from studyboard.nlp.themes import ThemeMatcher


def _sentence(seed, start: str) -> int:
    rows = seed.sentences[seed.sentences["text"].str.contains(start, regex=False)]
    assert len(rows) == 1, start
    return int(rows["sentence"].iloc[0])


def _keywords(seed, start: str) -> dict[str, list[str]]:
    """Theme -> keywords hit in the one sentence containing ``start``, in text order."""
    hits = seed.theme_hits[seed.theme_hits["sentence"] == _sentence(seed, start)].sort_values("start")
    out: dict[str, list[str]] = {}
    for theme, keyword in zip(hits["theme"], hits["keyword"]):
        out.setdefault(theme, []).append(keyword)
    return out


def test_the_symposium_named_in_the_lede_is_no_hit(seed):
    # ¶1 s1: 主持召开新时代推动中部地区崛起座谈会并发表重要讲话 (a meeting's name; nothing else of a theme)
    assert _keywords(seed, "主持召开新时代推动中部地区崛起座谈会") == {}


def test_the_previous_symposium_is_no_hit_but_the_rise_that_follows_is(seed):
    # ¶4 s2: 上一次推动中部地区崛起座谈会 (a name) … 创新发展动能 … 更高起点
    found = _keywords(seed, "上一次推动中部地区崛起座谈会")
    assert found["development"] == ["发展动能", "更高起点"]
    # ¶4 s3: 推动中部地区崛起仍面临不少困难和挑战: the task itself, one hit
    assert _keywords(seed, "推动中部地区崛起仍面临")["development"] == ["中部地区崛起"]
    development = seed.paragraph_themes.set_index(["paragraph", "theme"])["hits"]
    assert development[(4, "development")] == 3
    assert development[(1, "development")] == 5  # 中部地区崛起 ×2, 高质量发展, 中国式现代化, 新篇章


def test_the_roll_call_lights_up_no_theme(seed):
    # ¶3: 国家发展改革委主任… 先后发言，就推动中部地区崛起汇报工作情况
    assert _keywords(seed, "就推动中部地区崛起汇报工作") == {}
    assert int(seed.paragraph_themes.loc[seed.paragraph_themes["paragraph"] == 3, "hits"].sum()) == 0


def test_the_yellow_river_strategy_is_regional_only(seed):
    found = _keywords(seed, "黄河流域生态保护和高质量发展")
    assert found == {"regional": ["京津冀", "长三角", "粤港澳大湾区", "深度对接", "长江经济带", "黄河流域"]}


def test_the_leading_group_is_a_name(seed):
    found = _keywords(seed, "中央区域协调发展领导小组")
    assert found == {"party": ["统筹协调", "督促指导", "支持力度", "政策举措"], "development": ["中部地区崛起"]}


def test_energy_in_the_structure_of_a_green_transition_is_not_supply_security(seed):
    found = _keywords(seed, "推进产业、能源、交通运输结构绿色低碳转型")
    assert found == {"ecology": ["绿色低碳", "绿色低碳", "资源节约", "循环利用"]}
    # the other 能源 of ¶10 still count: 粮食能源资源安全保障, 化石能源, 新型能源体系, 能源, 新能源
    security = _keywords(seed, "增强煤炭等化石能源兜底保障能力")["security"]
    assert security == ["煤炭", "稀土", "资源开发", "煤炭", "化石能源", "兜底保障", "新型能源体系", "能源", "新能源"]


def test_factor_market_reform_is_one_hit(seed):
    found = _keywords(seed, "深化要素市场化改革")
    assert found == {"reform": ["要素市场化改革", "市场经济", "地方保护", "全国统一大市场"]}


def test_the_text_says_science_and_technology_breakthroughs(seed):
    found = _keywords(seed, "加强重大科技攻关")
    assert found == {"innovation": ["科技创新", "产业创新", "科技攻关", "产业创新", "技术支撑"]}


def test_green_farm_produce_is_food_security_not_ecology(seed):
    found = _keywords(seed, "打造一批绿色农产品")
    assert found == {"security": ["粮食", "农产品", "农产品", "农产品", "粮食", "农产品"]}


def test_bare_linking_words_are_no_regional_hits(seed):
    # 衔接 after 重大发展战略: only the strategy and the paradigm count
    assert _keywords(seed, "其他重大发展战略的衔接") == {"regional": ["重大发展战略", "新发展格局"]}
    # 主动对接新亚欧大陆桥: opening up, no regional hit
    found = _keywords(seed, "主动对接新亚欧大陆桥")
    assert "regional" not in found
    assert found["reform"] == ["制度型开放", "一带一路", "新亚欧大陆桥", "西部陆海新通道", "自由贸易试验区",
                               "对外开放", "双循环"]
    assert _keywords(seed, "主动对接其他区域发展战略")["regional"] == ["区域发展战略", "东部地区", "西部地区", "辐射带动"]


def test_competitiveness_alone_is_no_development_hit(seed):
    assert _keywords(seed, "更具竞争力的内陆开放高地") == {"reform": ["深层次改革", "高水平开放", "内陆开放高地"]}
    assert _keywords(seed, "整体实力和竞争力")["development"] == ["整体实力"]


@pytest.mark.parametrize("text, expected", [
    # own sentences: a meeting's name, then the task itself
    ("会议听取了推动中部地区崛起座谈会的筹备情况，要求以高质量发展推动中部地区崛起。",
     [("development", "高质量发展"), ("development", "中部地区崛起")]),
    ("区域协调发展领导小组办公室印发通知，推进区域协调发展。",
     [("regional", "区域协调")]),
    ("优化能源结构，保障能源供应。", [("security", "能源")]),
])
def test_own_sentences(lexicon, text, expected):
    themes, keywords, starts, _ = ThemeMatcher(lexicon.themes).hits(text)
    assert [(t, k) for _, t, k in sorted(zip(starts, themes, keywords))] == expected
