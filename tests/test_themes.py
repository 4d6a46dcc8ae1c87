"""Theme matching and the validated, atomic save of the theme lexicon."""

from __future__ import annotations

import shutil
import tomllib
from dataclasses import replace

import pytest

from studyboard import lexicon as lexicon_module
from studyboard.errors import LexiconError
from studyboard.lexicon import parse_themes
from studyboard.nlp.themes import ThemeMatcher, density, save_themes


def test_longest_keyword_wins_within_a_theme(lexicon):
    themes, keywords, starts, ends = ThemeMatcher(lexicon.themes).hits("加强生态环境保护和生态建设")
    ecology = [(k, s) for t, k, s in zip(themes, keywords, starts) if t == "ecology"]
    assert ecology == [("生态环境", 2), ("生态", 9)]


def test_density_is_hits_per_hundred_characters():
    assert density(3, 150) == 2.0
    assert density(0, 0) == 0.0


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
