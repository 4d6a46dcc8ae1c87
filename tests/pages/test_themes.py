"""The themes page (主题) in AppTest: its charts, URL state, and the lexicon
editor working on a temporary copy of the lexicon (never data/lexicon)."""

from __future__ import annotations

import shutil

import pytest

from pages_helpers import plotly_values, no_exceptions, plotly_specs
from studyboard import lexicon as lexicon_module, paths
from studyboard.analysis import theme_lexicon
from studyboard.ui import themes_ui


def figure(at, title_start: str) -> dict:
    return next(s for s in plotly_specs(at) if s["layout"]["title"]["text"].startswith(title_start))


def cell(spec: dict, paragraph: int, theme: str) -> str:
    """The number written in a grid cell (paragraph, theme); "" for none."""
    columns = [trace["customdata"][0][1] for trace in spec["data"]]
    for note in spec["layout"].get("annotations", []):
        if note["y"] == paragraph - 1 and note["x"] == columns.index(theme) + 0.5:  # y: the row's position
            return note["text"]
    return ""


def test_default_document_draws_every_chart(run_page):
    at = run_page("themes")
    no_exceptions(at)
    titles = [s["layout"]["title"]["text"] for s in plotly_specs(at)]
    assert titles == ["段落 × 主题：命中次数", "第 1 段逐句主题命中", "讲话人 × 主题：命中次数",
                      "各主题在全文命中中的占比", "主题共现：同时出现在一句中的次数"]
    grid = figure(at, "段落 × 主题")
    assert cell(grid, 8, "ecology") == "16" and cell(grid, 10, "security") == "19"
    assert cell(grid, 1, "ecology") == ""  # no hit: an empty cell


def test_theme_filter_and_switches_from_the_url(run_page):
    at = run_page("themes", themes="ecology,security", metric="density", para="10", unit="paragraph", lang="en")
    no_exceptions(at)
    grid = figure(at, "Paragraph × theme")
    assert grid["layout"]["title"]["text"] == "Paragraph × theme: hits per 100 characters"
    assert [t["customdata"][0][1] for t in grid["data"]] == ["ecology", "security"]
    sentences = figure(at, "Paragraph 10")
    assert len(sentences["data"][0]["y"]) == 3  # paragraph 10 has three sentences
    cooc = figure(at, "Themes that occur together")
    assert cooc["layout"]["title"]["text"].endswith("number of paragraphs with both")
    # ecology and security: paragraph 13 only (8's 能源 and 10's 绿色农产品 are exclusions of themes.toml)
    assert plotly_values(cooc["data"][1]["z"])[0][1] == 1
    share = figure(at, "Each theme's share")
    assert share["data"][0]["y"] == ["Food &amp; energy security", "Green development"]
    assert at.selectbox(key="themes_para").value == 10
    assert at.query_params["metric"] == "density" and at.query_params["unit"] == "paragraph"


def test_clicking_the_grid_picks_the_paragraph(run_page):
    at = run_page("themes")
    at.session_state["themes_grid_0"] = {"selection": {"points": [{"customdata": [9, "rural"]}],
                                                      "point_indices": [8], "box": [], "lasso": []}}
    at.run()
    no_exceptions(at)
    assert at.selectbox(key="themes_para").value == 9
    assert figure(at, "第 9 段")["layout"]["title"]["text"] == "第 9 段逐句主题命中"
    assert at.query_params["para"] == "9"


@pytest.fixture
def lexicon_copy(tmp_path, monkeypatch):
    folder = tmp_path / "lexicon"
    shutil.copytree(paths.LEXICON, folder)
    monkeypatch.setenv("STUDYBOARD_LEXICON", str(folder))
    return folder


def editor_key(folder) -> str:
    return themes_ui.editor_key(lexicon_module.key_of(folder))


def test_a_lexicon_edit_changes_the_heatmap_and_saves(run_page, lexicon_copy):
    before = (lexicon_copy / "themes.toml").read_bytes()
    at = run_page("themes", themes="ecology")
    # none: 生态保护 stands in 黄河流域生态保护和高质量发展, a regional strategy's name
    assert cell(figure(at, "段落 × 主题"), 6, "ecology") == ""
    # add 长江 to ecology: paragraph 6 gains 长江经济带 and 长江中游城市群 (2 hits)
    at.session_state[editor_key(lexicon_copy)] = {
        "edited_rows": {}, "added_rows": [{"theme": "ecology", "keyword": "长江"}], "deleted_rows": []}
    at.run()
    assert not at.exception and not at.error
    assert cell(figure(at, "段落 × 主题"), 6, "ecology") == "2"
    assert any("新增 1 个、删除 0 个关键词" in w.value for w in at.warning)
    assert (lexicon_copy / "themes.toml").read_bytes() == before  # nothing saved yet
    at.button(key="themes_save").click().run()
    no_exceptions(at)
    assert any("词表已保存" in s.value for s in at.success)
    saved = lexicon_module.load(lexicon_copy)
    assert saved.theme("ecology").keywords[-1] == "长江"
    assert (lexicon_copy / "themes.toml").read_text(encoding="utf-8").startswith("# Themes of the reports")
    # the saved lexicon is the board's now: the rebuilt dataset carries the edit, with no pending edit
    assert cell(figure(at, "段落 × 主题"), 6, "ecology") == "2"
    assert not at.warning
    assert not any(p.name.startswith(".themes-") for p in lexicon_copy.iterdir())


def test_removing_a_keyword(run_page, lexicon_copy):
    at = run_page("themes", themes="ecology")
    table = theme_lexicon.keyword_table(at.session_state["_view"].dataset)
    row = int(table.index[(table["theme"] == "ecology") & (table["keyword"] == "绿色低碳")][0])
    at.session_state[editor_key(lexicon_copy)] = {"edited_rows": {}, "added_rows": [], "deleted_rows": [row]}
    at.run()
    # 绿色低碳 gone: paragraph 8 keeps 16 − 3 hits… but 绿色 and 低碳 are keywords too and now
    # match inside 绿色低碳 (each of the three gives 绿色 + 低碳): 16 − 3 + 6 = 19
    assert cell(figure(at, "段落 × 主题"), 8, "ecology") == "19"
    assert any("新增 0 个、删除 1 个关键词" in w.value for w in at.warning)


def test_a_broken_edit_is_refused_and_the_file_kept(run_page, lexicon_copy):
    before = (lexicon_copy / "themes.toml").read_bytes()
    at = run_page("themes", lang="en")
    table = theme_lexicon.keyword_table(at.session_state["_view"].dataset)
    row = int(table.index[table["keyword"] == "湖泊"][0])
    at.session_state[editor_key(lexicon_copy)] = {
        "edited_rows": {row: {"keyword": "大 湖"}}, "added_rows": [], "deleted_rows": []}
    at.run()
    assert not at.exception
    (error,) = at.error
    assert error.value == ("This edit cannot be saved; the lexicon file is left as it was: Theme 'ecology' has an "
                           "invalid keyword '大 湖' (empty or containing white space).")
    assert at.button(key="themes_save").disabled  # nothing to save: the edit is refused
    assert (lexicon_copy / "themes.toml").read_bytes() == before
    assert cell(figure(at, "Paragraph × theme"), 8, "ecology") == "16"  # the charts keep the saved lexicon


def test_emptying_a_theme_is_refused(run_page, lexicon_copy):
    at = run_page("themes")
    table = theme_lexicon.keyword_table(at.session_state["_view"].dataset)
    rows = [int(i) for i in table.index[table["theme"] == "security"]]
    at.session_state[editor_key(lexicon_copy)] = {"edited_rows": {}, "added_rows": [], "deleted_rows": rows}
    at.run()
    assert any("主题“security”没有关键词" in e.value for e in at.error)
    assert at.button(key="themes_save").disabled


def test_a_document_without_theme_hits(run_page, tmp_path, monkeypatch):
    folder = tmp_path / "texts"
    folder.mkdir()
    (folder / "bare.txt").write_text("今天天气很好。我们去公园散步。\n", encoding="utf-8")
    monkeypatch.setattr(paths, "TEXTS", folder)
    at = run_page("themes", para="5", metric="nonsense")
    no_exceptions(at)
    assert plotly_specs(at) == []
    assert any("本文没有任何主题关键词命中" in i.value for i in at.info)


# --- section × theme: the test texts (tests/texts) --------------------------------------------------


@pytest.fixture
def genres(tmp_path, monkeypatch):
    from genre_cases import shipped_folder

    monkeypatch.setattr(paths, "TEXTS", shipped_folder(tmp_path / "texts", "speech", "report"))


def test_the_speech_has_a_row_per_section(run_page, genres):
    at = run_page("themes", doc="speech")
    no_exceptions(at)
    grid = figure(at, "章节 × 主题")
    assert grid["layout"]["title"]["text"] == "章节 × 主题：命中次数"
    rows = [row for row, _ in grid["data"][0]["customdata"]]
    assert rows == [1, 2, 3, 7]  # the four sections 一、 … 四、
    assert grid["data"][0]["y"][3] == "四、切实加强推动中部<br>地区崛起的组织保障"
    # 四、: party 7, development 8 (counted by hand in tests/test_theme_scores.py); written in row 4 (y 3)
    columns = [trace["customdata"][0][1] for trace in grid["data"]]
    written = {(note["x"], note["text"]) for note in grid["layout"]["annotations"] if note["y"] == 3}
    assert (columns.index("party") + 0.5, "7") in written and (columns.index("development") + 0.5, "8") in written
    assert at.radio(key="themes_level").options == ["第 1 级：一、", "第 2 级：（一）"]
    # the paragraph grid names the sections
    assert figure(at, "段落 × 主题")["data"][0]["y"][8] == "三（一）¶9"


def test_the_report_by_subsection_from_the_url(run_page, genres):
    at = run_page("themes", doc="report", level="2", metric="density", lang="en")
    no_exceptions(at)
    grid = figure(at, "Section × theme")
    assert grid["layout"]["title"]["text"] == "Section × theme: hits per 100 characters"
    assert len(grid["data"][0]["y"]) == 7 + 9 + 3  # the subsections （一）… of 一、, 三、 and 四、
    assert at.radio(key="themes_level").value == 2
    at.radio(key="themes_level").set_value(3).run()
    grid = figure(at, "Section × theme")
    assert [row for row, _ in grid["data"][0]["customdata"]] == [13, 14, 15]  # 1. 2. 3. under 三、（二）
    assert at.query_params["level"] == "3"


def test_the_shipped_report_has_no_section_grid(run_page):
    at = run_page("themes", level="2")
    no_exceptions(at)
    assert not [s for s in plotly_specs(at) if s["layout"]["title"]["text"].startswith("章节")]
    assert any(c.value == "本文没有标题，因此没有章节 × 主题图。" for c in at.caption)
    assert "level" not in at.query_params


def test_a_long_text_has_no_numbers_in_its_paragraph_grid(run_page, tmp_path, monkeypatch):
    """The long report's 241 paragraphs × 8 themes would be thousands of numbers for the browser to lay out:
    its paragraph grid leaves them to the hover (the seed's 14 rows keep theirs)."""
    from genre_cases import shipped_folder
    from studyboard import paths

    monkeypatch.setattr(paths, "TEXTS", shipped_folder(tmp_path / "texts", "long_report"))
    long = figure(run_page("themes", doc="long_report"), "段落 × 主题")
    assert len(long["data"][0]["customdata"]) == 241
    assert long["layout"].get("annotations", []) == []
    assert "命中" in long["data"][0]["hovertext"][0]
    seed = figure(run_page("themes"), "段落 × 主题")
    assert len(seed["layout"]["annotations"]) > 0
