"""The themes page's keyword editor: its key (the editor itself runs in tests/pages/test_themes.py)."""

from __future__ import annotations

from studyboard.ui import themes_ui


def test_editor_key_changes_with_the_lexicon():
    assert themes_ui.editor_key("a") != themes_ui.editor_key("b")
    assert themes_ui.editor_key("a", 1) != themes_ui.editor_key("a", 0)
    assert themes_ui.editor_key("a").startswith("themes_editor_")
