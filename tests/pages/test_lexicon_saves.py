"""Two sessions and the theme lexicon: saves at once never leave themes.toml
half-written, the last valid save wins and every session shows it, and a
session whose unsaved edit is overtaken by another session's save is told so."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
import tomllib
from dataclasses import replace

from pages_helpers import no_exceptions
from studyboard import lexicon as lexicon_module
from studyboard.analysis import theme_lexicon
from studyboard.ui import themes_ui
from support import ROOT


def editor_key(folder) -> str:
    return themes_ui.editor_key(lexicon_module.key_of(folder))


def with_keyword(folder, theme_id: str, word: str):
    """The folder's themes with ``word`` added to ``theme_id``."""
    themes = lexicon_module.load(folder).themes
    return tuple(replace(t, keywords=(*t.keywords, word)) if t.id == theme_id else t for t in themes)


def test_an_edit_overtaken_by_another_sessions_save_is_dropped_with_a_message(run_page, lexicon_copy):
    at = run_page("themes")
    at.session_state[editor_key(lexicon_copy)] = {
        "edited_rows": {}, "added_rows": [{"theme": "ecology", "keyword": "长江"}], "deleted_rows": []}
    at.run()
    assert any("新增 1 个、删除 0 个关键词" in w.value for w in at.warning)  # pending here
    # meanwhile another session saves its own edit
    lexicon_module.save_themes(with_keyword(lexicon_copy, "party", "党建引领"), lexicon_copy / "themes.toml")
    at.run()
    assert not at.exception
    assert ("另一场会话刚刚保存了词表：本页未保存的修改（新增 1 个、删除 0 个关键词）已放弃，编辑器显示的是新保存的词表。"
            "如仍需要，请重新修改。") in [w.value for w in at.warning]
    table = theme_lexicon.keyword_table(at.session_state["_view"].dataset)
    party = set(table.loc[table["theme"] == "party", "keyword"])
    ecology = set(table.loc[table["theme"] == "ecology", "keyword"])
    assert "党建引领" in party and "长江" not in ecology  # the other session's save is what every page shows
    assert at.button(key="themes_save").disabled  # nothing pending any more
    at.run()
    assert not any("另一场会话" in w.value for w in at.warning)  # said once


def test_own_save_says_nothing_was_dropped(run_page, lexicon_copy):
    at = run_page("themes")
    at.session_state[editor_key(lexicon_copy)] = {
        "edited_rows": {}, "added_rows": [{"theme": "ecology", "keyword": "长江"}], "deleted_rows": []}
    at.run()
    at.button(key="themes_save").click().run()
    no_exceptions(at)
    assert not any("另一场会话" in w.value for w in at.warning)


SAVER = textwrap.dedent("""
    import sys
    from dataclasses import replace
    from pathlib import Path
    from studyboard import lexicon
    folder, word, count, pristine = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3]), Path(sys.argv[4])
    themes = lexicon.load(pristine).themes  # the themes as they were before either saver began
    mine = tuple(replace(t, keywords=(*t.keywords, word)) if t.id == "ecology" else t for t in themes)
    for i in range(count):
        lexicon.save_themes(mine, folder / "themes.toml")
    print("done", flush=True)
""")


def test_saves_at_once_never_leave_a_half_written_file(lexicon_copy):
    path = lexicon_copy / "themes.toml"
    original_last = lexicon_module.load(lexicon_copy).theme("ecology").keywords[-1]
    pristine = shutil.copytree(lexicon_copy, lexicon_copy.parent / "pristine")  # what both savers start from
    savers = [subprocess.Popen([sys.executable, "-c", SAVER, str(lexicon_copy), word, "40", str(pristine)], cwd=ROOT,
                               env=dict(os.environ), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
              for word in ("甲词", "乙词")]
    seen = set()
    while any(p.poll() is None for p in savers):  # read the file while both write it
        ecology = [t for t in tomllib.loads(path.read_text(encoding="utf-8"))["theme"] if t["id"] == "ecology"][0]
        seen.add(ecology["keywords"][-1])
    for process in savers:
        out, err = process.communicate(timeout=120)
        assert process.returncode == 0 and out.strip() == "done", err
    final = lexicon_module.load(lexicon_copy).theme("ecology").keywords
    assert final[-1] in ("甲词", "乙词") and "甲词" not in final[:-1] and "乙词" not in final[:-1]
    assert seen and seen <= {original_last, "甲词", "乙词"}  # every read parsed: a whole file each time
    assert not [p.name for p in lexicon_copy.iterdir() if p.name.startswith(".themes-")]
    # then one save after the other: the last one wins
    lexicon_module.save_themes(with_keyword(lexicon_copy, "ecology", "丙词"), path)
    assert lexicon_module.load(lexicon_copy).theme("ecology").keywords[-1] == "丙词"
