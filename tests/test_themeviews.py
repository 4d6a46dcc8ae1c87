"""The theme grids, shares, co-occurrence and the lexicon table, against
counts read off the seed by hand."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from studyboard.dataset import tables as dataset
from studyboard.views import themeviews
from studyboard.errors import LexiconError
from studyboard.ingest import document

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
    cells = themeviews.paragraph_cells(seed, ["ecology"])
    assert list(cells["theme"].unique()) == ["ecology"]
    hits = dict(zip(cells["row"], cells["hits"]))
    assert {p: n for p, n in hits.items() if n} == ECOLOGY_HITS
    eighth = cells[cells["row"] == 8].iloc[0]
    length = len(seed.paragraphs.set_index("paragraph").loc[8, "text"])
    assert eighth["density"] == pytest.approx(100 * 16 / length, abs=0.001)


def test_sentence_cells_include_zeros(seed):
    cells = themeviews.sentence_cells(seed, 8, ["ecology", "security"])
    assert len(cells) == 4 * 2  # four sentences, two themes
    security = cells[cells["theme"] == "security"]
    assert list(security["hits"]) == [0, 0, 1, 0]  # 能源 in 推进产业、能源、交通运输结构…
    ecology = cells[cells["theme"] == "ecology"]
    assert int(ecology["hits"].sum()) == 16


def test_speaker_cells(seed):
    cells = themeviews.speaker_cells(seed, ["ecology"]).set_index("row")
    assert list(cells.index) == ["习近平", "李强", "丁薛祥", ""]  # narration last
    assert cells.loc["丁薛祥", "hits"] == 2 and cells.loc["李强", "hits"] == 1 and cells.loc["", "hits"] == 0
    assert cells.loc["习近平", "hits"] == 23 - 2 - 1
    # 丁薛祥 speaks the whole of paragraph 13
    length = len(seed.paragraphs.set_index("paragraph").loc[13, "text"])
    assert cells.loc["丁薛祥", "density"] == pytest.approx(100 * 2 / length, abs=0.001)
    assert cells.loc["丁薛祥", "keywords"] == "生态环境、绿色"


def test_theme_shares_over_the_themes_shown(seed):
    shares = themeviews.theme_shares(seed, ["ecology", "security"]).set_index("theme")
    assert list(shares.index) == ["security", "ecology"]  # most hits first
    assert shares.loc["security", "hits"] == 27 and shares.loc["ecology", "hits"] == 23
    assert shares.loc["ecology", "share"] == pytest.approx(46.0)  # 23 / 50
    assert shares.loc["ecology", "paragraphs"] == 7 and shares.loc["security", "paragraphs"] == 4


def test_cooccurrence_by_sentence_and_paragraph(seed):
    by_sentence = themeviews.cooccurrence(seed, "sentence", ["ecology", "security"])
    # sentences with both: 推进产业、能源…绿色低碳转型 (8) and 高质量推进粮食…绿色农产品 (10)
    assert by_sentence.loc["ecology", "security"] == by_sentence.loc["security", "ecology"] == 2
    by_paragraph = themeviews.cooccurrence(seed, "paragraph", ["ecology", "security"])
    assert by_paragraph.loc["ecology", "security"] == 3  # paragraphs 8, 10, 13
    assert by_paragraph.loc["ecology", "ecology"] == 7 and by_paragraph.loc["security", "security"] == 4
    with pytest.raises(ValueError):
        themeviews.cooccurrence(seed, "word")


def test_top_pairs_leave_out_pairs_that_never_meet(seed):
    pairs = themeviews.top_pairs(seed, "paragraph", ["ecology", "security", "party"])
    # ecology–party: 12, 13; ecology–security: 8, 10, 13; security–party: 1, 13
    assert [tuple(r) for r in pairs.itertuples(index=False)] == [
        ("ecology", "security", 3), ("ecology", "party", 2), ("security", "party", 2)]


def test_paragraph_grid_cells_carry_their_paragraph_and_theme(seed):
    fig = themeviews.paragraph_grid(seed, "en", metric="hits", themes=["ecology"], selected=(8, "ecology"),
                                    show_values=True)
    (trace,) = fig.data
    assert trace.type == "bar"  # clickable: Streamlit's selections do not fire on heatmaps
    assert [list(c) for c in trace.customdata][7] == [8, "ecology"]
    assert list(trace.y)[:3] == ["1", "2", "3"] and fig.layout.yaxis.autorange == "reversed"
    assert trace.marker.color[7] == "#009E73"  # the most hits: the theme's own colour
    assert trace.marker.color[0] == themeviews.EMPTY  # paragraph 1: none
    numbers = {(a.y, a.text) for a in fig.layout.annotations}  # y: the row's position, 0 for paragraph 1
    assert (7, "16") in numbers and (12, "2") in numbers and len(numbers) == 7  # one per paragraph with hits
    assert "16 hits" in trace.hovertext[7] and "Keywords: 生态环境" in trace.hovertext[7]
    assert fig.layout.title.text == "Paragraph × theme: hits"
    assert fig.layout.yaxis.title.text == "Paragraph"
    assert len(fig.layout.shapes) == 2  # the selected row and cell


def test_grid_colour_follows_density(seed):
    fig = themeviews.paragraph_grid(seed, "zh", metric="density", themes=["ecology", "security"])
    colors = {t.customdata[0][1]: t for t in fig.data}
    # densest: paragraph 10 for security (19 hits in a paragraph of under 200 characters), the colour itself
    assert colors["security"].marker.color[9] == "#B8860B"
    assert fig.layout.title.text == "段落 × 主题：每百字命中"


def test_dimmed_rows_and_themes(seed):
    fig = themeviews.paragraph_grid(seed, "zh", dim_rows={1, 2}, dim_themes={"party"})
    party = next(t for t in fig.data if t.customdata[0][1] == "party")
    ecology = next(t for t in fig.data if t.customdata[0][1] == "ecology")
    assert set(party.marker.opacity) == {themeviews.DIM}
    assert list(ecology.marker.opacity[:3]) == [themeviews.DIM, themeviews.DIM, 1.0]


def test_share_and_cooccurrence_figures_speak_the_ui_language(seed):
    share = themeviews.share_figure(seed, "en", ["ecology", "security"])
    assert share.layout.title.text == "Each theme's share of all keyword hits"
    assert list(share.data[0].y) == ["Food &amp; energy security", "Green development"]
    assert list(share.data[0].marker.color) == ["#B8860B", "#009E73"]
    cooc = themeviews.cooccurrence_figure(seed, "zh", "paragraph", ["ecology", "security"])
    assert cooc.layout.title.text == "主题共现：同时出现在一段中的次数"
    pairs = cooc.data[1]
    assert pairs.z[0][1] == 3 and math.isnan(pairs.z[0][0])  # the diagonal is drawn apart
    assert list(cooc.data[0].text[0]) == [7, 0]  # ecology in seven paragraphs


def test_wrap_label():
    assert themeviews.wrap_label("党的领导与落实", 4) == "党的领导<br>与落实"
    assert themeviews.wrap_label("粮食能源安全", 4) == "粮食能源<br>安全"
    assert themeviews.wrap_label("城乡融合发展", 5) == "城乡融合发展"  # no orphan character
    assert themeviews.wrap_label("Food & energy security", 4) == "Food &amp;<br>energy<br>security"
    assert themeviews.wrap_label("Urban–rural", 4) == "Urban–rural"


def test_keyword_table_counts_each_keyword(seed):
    table = themeviews.keyword_table(seed)
    counts = {(t, k): n for t, k, n in table.itertuples(index=False)}
    assert counts[("ecology", "绿色低碳")] == 5  # paragraphs 4, 8 (three times), 12
    assert counts[("ecology", "生态")] == 0  # the others are inside longer keywords, 社会生态 is excluded
    assert counts[("security", "粮食")] == 5
    assert list(table["theme"].unique()) == list(seed.themes["theme"])  # lexicon order
    assert int(table.loc[table["theme"] == "ecology", "hits"].sum()) == 23


def test_themes_from_an_edited_table(seed, lexicon):
    table = themeviews.keyword_table(seed)
    added = pd.concat([table, pd.DataFrame([{"theme": "ecology", "keyword": " 长江 ", "hits": None},
                                            {"theme": None, "keyword": None, "hits": None}])],
                      ignore_index=True)
    themes = themeviews.themes_from_table(lexicon.themes, added)
    assert themes[3].id == "ecology" and themes[3].keywords[-1] == "长江"
    assert themes[3].color == lexicon.themes[3].color and themes[0] == lexicon.themes[0]
    assert themeviews.changed_keywords(lexicon.themes, themes) == (1, 0)
    removed = table[table["keyword"] != "湖泊"]
    assert "湖泊" not in themeviews.themes_from_table(lexicon.themes, removed)[3].keywords
    # the edited lexicon rescored: paragraph 6 gains 长江经济带 and 长江中游城市群
    again = dataset.with_themes(seed, themes)
    cells = themeviews.paragraph_cells(again, ["ecology"]).set_index("row")
    assert cells.loc[6, "hits"] == 3


@pytest.mark.parametrize("change, key", [
    (lambda t: t.assign(keyword=t["keyword"].where(t["keyword"] != "湖泊", "大 湖")), "keyword"),
    (lambda t: t[t["theme"] != "security"], "no_keywords"),
    (lambda t: pd.concat([t, pd.DataFrame([{"theme": None, "keyword": "长江"}])]), "edit_no_theme"),
])
def test_broken_edits_are_refused(seed, lexicon, change, key):
    with pytest.raises(LexiconError) as caught:
        themeviews.themes_from_table(lexicon.themes, change(themeviews.keyword_table(seed)))
    assert caught.value.key == key
    assert caught.value.message("zh") and caught.value.message("en")


def test_summary_html_escapes_and_shows_colours(seed, lexicon):
    html = themeviews.summary_html(seed, "en")
    assert "background:#009E73" in html and "<b>Green development</b>" in html
    assert "绿色低碳 5" in html
    doc = document.Document(id="x", text="发展<script>alert(1)</script>绿色。")
    html = themeviews.summary_html(dataset.build(doc, lexicon), "zh")
    assert "<script>" not in html


def test_editor_key_changes_with_the_lexicon():
    assert themeviews.editor_key("a") != themeviews.editor_key("b")
    assert themeviews.editor_key("a", 1) != themeviews.editor_key("a", 0)
    assert themeviews.editor_key("a").startswith("themes_editor_")


def test_long_english_column_names_are_angled(seed):
    english = themeviews.paragraph_grid(seed, "en")
    assert english.layout.xaxis.tickangle == -45
    assert "Food &amp; energy security" in english.layout.xaxis.ticktext
    chinese = themeviews.paragraph_grid(seed, "zh")
    assert chinese.layout.xaxis.tickangle == 0
    assert "党的领导<br>与落实" in chinese.layout.xaxis.ticktext
    few = themeviews.paragraph_grid(seed, "en", themes=["ecology", "security"])
    assert few.layout.xaxis.tickangle == 0 and "Food &amp;<br>energy<br>security" in few.layout.xaxis.ticktext
