"""The theme lexicon as tables: keyword hits, an edited table back into themes."""

from __future__ import annotations

import pandas as pd
import pytest

from studyboard.analysis import theme_lexicon, theme_scores
from studyboard.dataset import tables as dataset
from studyboard.errors import LexiconError

def test_keyword_table_counts_each_keyword(seed):
    table = theme_lexicon.keyword_table(seed)
    counts = {(t, k): n for t, k, n in table.itertuples(index=False)}
    assert counts[("ecology", "绿色低碳")] == 5  # paragraphs 4, 8 (three times), 12
    assert counts[("ecology", "生态")] == 0  # the others are inside longer keywords, 社会生态 is excluded
    assert counts[("security", "粮食")] == 5
    assert list(table["theme"].unique()) == list(seed.themes["theme"])  # lexicon order
    # 21: ¶6's 生态保护 (in 黄河流域生态保护和高质量发展) and ¶10's 绿色 (绿色农产品) are exclusions
    assert int(table.loc[table["theme"] == "ecology", "hits"].sum()) == 21


def test_themes_from_an_edited_table(seed, lexicon):
    table = theme_lexicon.keyword_table(seed)
    added = pd.concat([table, pd.DataFrame([{"theme": "ecology", "keyword": " 长江 ", "hits": None},
                                            {"theme": None, "keyword": None, "hits": None}])],
                      ignore_index=True)
    themes = theme_lexicon.themes_from_table(lexicon.themes, added)
    assert themes[3].id == "ecology" and themes[3].keywords[-1] == "长江"
    assert themes[3].color == lexicon.themes[3].color and themes[0] == lexicon.themes[0]
    assert theme_lexicon.changed_keywords(lexicon.themes, themes) == (1, 0)
    removed = table[table["keyword"] != "湖泊"]
    assert "湖泊" not in theme_lexicon.themes_from_table(lexicon.themes, removed)[3].keywords
    # the edited lexicon rescored: paragraph 6 (no ecology hit before) gains 长江经济带 and 长江中游城市群
    again = dataset.with_themes(seed, themes)
    cells = theme_scores.paragraph_cells(again, ["ecology"]).set_index("row")
    assert cells.loc[6, "hits"] == 2


@pytest.mark.parametrize("change, key", [
    (lambda t: t.assign(keyword=t["keyword"].where(t["keyword"] != "湖泊", "大 湖")), "keyword"),
    (lambda t: t[t["theme"] != "security"], "no_keywords"),
    (lambda t: pd.concat([t, pd.DataFrame([{"theme": None, "keyword": "长江"}])]), "edit_no_theme"),
])
def test_broken_edits_are_refused(seed, lexicon, change, key):
    with pytest.raises(LexiconError) as caught:
        theme_lexicon.themes_from_table(lexicon.themes, change(theme_lexicon.keyword_table(seed)))
    assert caught.value.key == key
    assert caught.value.message("zh") and caught.value.message("en")
