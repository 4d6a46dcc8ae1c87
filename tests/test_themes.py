"""Theme matching and the validated, atomic save of the theme lexicon."""

from __future__ import annotations

import shutil
import tomllib
from dataclasses import replace

import pytest

from studyboard import lexicon as lexicon_module
from studyboard.errors import LexiconError
from studyboard.lexicon import parse_themes
from studyboard.lexicon import save_themes
from studyboard.nlp.themes import ThemeMatcher


def test_longest_keyword_wins_within_a_theme(lexicon):
    themes, keywords, starts, ends = ThemeMatcher(lexicon.themes).hits("加强生态环境保护和生态建设")
    ecology = [(k, s) for t, k, s in zip(themes, keywords, starts) if t == "ecology"]
    assert ecology == [("生态环境", 2), ("生态", 9)]


@pytest.fixture
def themes_file(tmp_path):
    folder = tmp_path / "lexicon"
    shutil.copytree(lexicon_module.paths.LEXICON, folder)
    return folder / "themes.toml"


def test_save_round_trip_keeps_the_header(themes_file, lexicon):
    header = themes_file.read_text(encoding="utf-8").split("[[theme]]")[0]
    edited = list(lexicon.themes)
    edited[3] = replace(edited[3], keywords=edited[3].keywords + ("碳达峰",))
    save_themes(tuple(edited), themes_file)
    text = themes_file.read_text(encoding="utf-8")
    assert text.startswith(header.rstrip())
    again = parse_themes(tomllib.loads(text))
    assert again[3].keywords[-1] == "碳达峰"
    assert [t.id for t in again] == [t.id for t in lexicon.themes]


@pytest.mark.parametrize("change, key", [
    (lambda t: replace(t, color="green"), "color"),
    (lambda t: replace(t, keywords=()), "no_keywords"),
    (lambda t: replace(t, keywords=("两个 词",)), "keyword"),
    (lambda t: replace(t, id="Bad Id"), "theme_id"),
    (lambda t: replace(t, name_zh=""), "name"),
])
def test_broken_edit_is_refused_and_the_old_file_kept(themes_file, lexicon, change, key):
    before = themes_file.read_bytes()
    edited = list(lexicon.themes)
    edited[0] = change(edited[0])
    with pytest.raises(LexiconError) as caught:
        save_themes(tuple(edited), themes_file)
    assert caught.value.key == key
    assert caught.value.message("zh") and caught.value.message("en")
    assert themes_file.read_bytes() == before
    assert [p.name for p in themes_file.parent.iterdir() if p.name.startswith(".themes-")] == []


def test_duplicate_theme_ids_are_refused(themes_file, lexicon):
    with pytest.raises(LexiconError) as caught:
        save_themes(lexicon.themes + (lexicon.themes[0],), themes_file)
    assert caught.value.key == "duplicate_theme"


def test_quotes_and_backslashes_survive(themes_file, lexicon):
    edited = list(lexicon.themes)
    edited[0] = replace(edited[0], desc_en='Say "innovation" \\ twice')
    save_themes(tuple(edited), themes_file)
    again = parse_themes(tomllib.loads(themes_file.read_text(encoding="utf-8")))
    assert again[0].desc_en == 'Say "innovation" \\ twice'


def test_save_keeps_comments_and_unchanged_themes_as_written(themes_file, lexicon):
    # a comment of the user's own inside a theme, and one between two themes
    text = themes_file.read_text(encoding="utf-8")
    text = text.replace('id = "regional"\n', 'id = "regional"\n# 区域：与其他战略衔接\n', 1)
    text = text.replace("\n[[theme]]\nid = \"reform\"", "\n# 以下为改革开放\n[[theme]]\nid = \"reform\"", 1)
    themes_file.write_text(text, encoding="utf-8")
    edited = list(lexicon.themes)
    edited[0] = replace(edited[0], keywords=edited[0].keywords + ("关键核心技术",))
    save_themes(tuple(edited), themes_file)
    saved = themes_file.read_text(encoding="utf-8")
    assert "# 区域：与其他战略衔接" in saved and "# 以下为改革开放" in saved
    # the second theme was not edited: its block is unchanged, line for line
    block = lambda t: t.split('id = "regional"')[1].split("[[theme]]")[0]
    assert block(saved) == block(text)
    again = parse_themes(tomllib.loads(saved))
    assert again[0].keywords[-1] == "关键核心技术" and again[1:] == lexicon.themes[1:]


def test_save_with_a_theme_removed_keeps_the_header(themes_file, lexicon):
    header = themes_file.read_text(encoding="utf-8").split("[[theme]]")[0]
    save_themes(lexicon.themes[:-1], themes_file)
    text = themes_file.read_text(encoding="utf-8")
    assert text.startswith(header.rstrip())
    assert [t.id for t in parse_themes(tomllib.loads(text))] == [t.id for t in lexicon.themes[:-1]]
