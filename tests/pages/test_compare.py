"""The compare page, with the seed and hand-made documents in a fresh library."""

from __future__ import annotations

import json

import pytest

from library_cases import HOSTILE, KEY_A, KEY_B, add
from pages_helpers import no_exceptions, plotly_specs, plotly_values as values
from studyboard import lexicon as lexicon_module


@pytest.fixture(autouse=True)
def folders(tmp_path, monkeypatch):
    monkeypatch.setenv("STUDYBOARD_LIBRARY", str(tmp_path / "lib"))
    return tmp_path


@pytest.fixture(scope="module")
def lex():
    return lexicon_module.load()


@pytest.fixture
def pair(lex):
    """Two hand-made documents: A (2019) before B (2022); the seed (2024) is last."""
    return add(lex, KEY_A, date="2019-05-21"), add(lex, KEY_B, date="2022-01-01")


def test_one_document_asks_for_more(run_page):
    at = run_page("compare")
    no_exceptions(at)
    assert at.info[0].value == "目前只有一篇文档。请先在文库页添加文档。"
    # the trend still works over the one document, with the seed's most frequent formulations:
    # in its body (title lines left out) 中部地区 14 times, 中部地区崛起 8, 高质量发展 6, 产业创新 and 绿色低碳 5
    assert at.multiselect(key="cmp_trend").value == ["中部地区", "中部地区崛起", "高质量发展"]


def test_pair_from_the_url(run_page, pair):
    a, b = pair
    at = run_page("compare", docs=f"{a.id},{b.id}", trend="新发展格局,新质生产力")
    no_exceptions(at)
    assert at.multiselect(key="cmp_docs").value == [a.id, b.id]
    assert (at.selectbox(key="cmp_earlier").value, at.selectbox(key="cmp_later").value) == (a.id, b.id)
    headers = [h.value for h in at.header]
    assert headers == ["提法的变化", "词组的变化", "主题分布", "省份提及", "区别词", "共同高频词", "全部文档中的趋势"]
    cards = [m.value for m in at.markdown if m.proto.allow_html and 'class="sb-change"' in m.value]
    assert "新发展格局" in cards[0] and "<mark>新发展格局</mark>" in cards[0]  # new in B, 5 times
    assert "出现 5" in cards[0]  # an occurrence count, and said so
    # keyness tables: 新质生产力 more in A, 新发展格局 more in B (values worked out in test_comparison)
    more_a, more_b = at.dataframe[0].value, at.dataframe[1].value
    assert list(more_a["term"]) == ["新质生产力"] and list(more_b["term"]) == ["新发展格局"]
    assert at.dataframe[2].value.values.tolist()[:2] == [["中国式现代化", 2, 2], ["高质量发展", 2, 2]]


def test_charts(run_page, pair):
    a, b = pair
    at = run_page("compare", docs=f"{a.id},{b.id}", trend="新发展格局")
    specs = plotly_specs(at)
    themes, provinces, keyness, trend = specs
    assert [t["name"] for t in themes["data"]] == ["2019-05-21 测试文档甲", "2022-01-01 测试文档乙"]
    assert [t["name"] for t in keyness["data"]] == ["2019-05-21 测试文档甲", "2022-01-01 测试文档乙"]
    # the trend covers every dated document by date: A (0), B (5 in 62 characters), the seed
    # (2 in its 2,602 characters: 更好融入和支撑新发展格局, 支撑构建新发展格局)
    line = trend["data"][0]
    assert line["name"] == "新发展格局"
    assert values(line["y"]) == [0.0, pytest.approx(round(5 / 62 * 10000, 3)), pytest.approx(round(2 / 2602 * 10000, 3))]
    assert trend["layout"]["height"] == 440 and themes["layout"]["template"]["layout"]["font"]["size"] == 16
    # a rerun takes the trend from the cache (no progress bar to replay) and draws the same
    at.run()
    no_exceptions(at)
    assert values(plotly_specs(at)[3]["data"][0]["y"]) == values(line["y"])


def test_theme_filter_limits_the_profile(run_page, pair):
    a, b = pair
    at = run_page("compare", docs=f"{a.id},{b.id}", themes="regional")
    themes = plotly_specs(at)[0]
    assert all(len(values(trace["y"])) == 1 for trace in themes["data"])
    assert values(themes["data"][1]["x"]) == [pytest.approx(round(1000 * 5 / 62, 3))]


def test_same_document_twice(run_page, pair):
    a, b = pair
    at = run_page("compare", docs=f"{a.id},{b.id}", earlier=b.id, later=b.id)
    assert not at.exception
    assert at.warning[0].value == "请选择两篇不同的文档。"
    assert "提法的变化" not in [h.value for h in at.header]


def test_bad_url_values_are_ignored(run_page, pair):
    a, b = pair
    at = run_page("compare", docs="../../etc/passwd,<script>", earlier="../x", trend="," + "长" * 30)
    no_exceptions(at)
    assert at.multiselect(key="cmp_docs").value == []
    assert at.info[0].value == "请至少选择两篇文档。"


def test_hostile_titles_are_text(run_page, pair, lex):
    a, _ = pair
    hostile = add(lex, HOSTILE, date="2023-01-01")
    at = run_page("compare", docs=f"{a.id},{hostile.id}")
    no_exceptions(at)
    for element in at.markdown:
        if element.proto.allow_html:
            assert "<script" not in element.value and "<img" not in element.value and "<b>" not in element.value
    for spec in plotly_specs(at):
        assert "<script" not in json.dumps(spec, ensure_ascii=False)
    # widgets show the title as plain text
    assert "2023-01-01 <script>alert(1)</script>测试标…" in at.multiselect(key="cmp_docs").options  # 28 characters


def test_english(run_page, pair):
    a, b = pair
    at = run_page("compare", docs=f"{a.id},{b.id}", lang="en")
    no_exceptions(at)
    assert at.title[0].value == "Compare"
    assert [h.value for h in at.header][0] == "Formulations: new and dropped"
    assert "2024-03-20 在更高起点上扎实推动中部地区崛起" in at.multiselect(key="cmp_docs").options


def test_the_pair_swapped_in_one_session(run_page, pair):
    # what the page keeps for a pair is named by both documents in their order: swapping them in the
    # same session swaps what is new and what is dropped, and the keyness sides. A's three formulations
    # are all in B, and B has 新发展格局 (5) that A lacks: A -> B has it new; B -> A has it dropped.
    a, b = pair

    def formulation_sides(at):
        """The formulation cards under "new in" and under "dropped from" (the first two such headings)."""
        sides, side = {"new": [], "dropped": []}, None
        for m in at.markdown:
            if m.value.startswith("#### "):
                if side == "dropped":
                    break
                side = "new" if m.value.startswith("#### 新写入") else "dropped"
            elif side and m.proto.allow_html and 'class="sb-change"' in m.value:
                sides[side].append(m.value)
        return sides

    at = run_page("compare", docs=f"{a.id},{b.id}", trend="新发展格局")
    sides = formulation_sides(at)
    assert len(sides["new"]) == 1 and "<mark>新发展格局</mark>" in sides["new"][0] and not sides["dropped"]
    at.selectbox(key="cmp_earlier").set_value(b.id)
    at.selectbox(key="cmp_later").set_value(a.id)
    at.run()
    no_exceptions(at)
    sides = formulation_sides(at)
    assert not sides["new"] and len(sides["dropped"]) == 1 and "<mark>新发展格局</mark>" in sides["dropped"][0]
    more_b, more_a = at.dataframe[0].value, at.dataframe[1].value
    assert list(more_a["term"]) == ["新质生产力"] and list(more_b["term"]) == ["新发展格局"]
