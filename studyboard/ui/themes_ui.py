"""Streamlit glue for the theme lexicon's editor on the themes page.

    from studyboard.ui import themes_ui
    new_themes, changed = themes_ui.keyword_editor(view)

One row per keyword (:func:`studyboard.analysis.theme_lexicon.keyword_table`);
an edit is checked at once (:func:`~studyboard.analysis.theme_lexicon.themes_from_table`)
and written to ``themes.toml`` only when saved; meanwhile the page's charts
show the dataset scored with the edit (:func:`charted_dataset`). Two sessions
saving at once: each save replaces the whole file in one step
(:func:`studyboard.lexicon.save_themes`), the last one wins and every page
shows it; a session whose unsaved edit was overtaken by another session's
save is told that its edit was dropped.
"""

from __future__ import annotations

import hashlib

import streamlit as st

from studyboard.analysis import theme_lexicon
from studyboard.dataset import tables
from studyboard.errors import LexiconError
from studyboard.lexicon import Theme
from studyboard.ui import app
from studyboard.views import labels, markup


#: The lexicon key the editor was last drawn on, and the unsaved edit it held
#: then ((added, removed) keywords, or None): when another session saves the
#: lexicon meanwhile, the editor starts afresh on the new file and says that
#: the edit was dropped.
_BASE = "_themes_editor_base"
_PENDING = "_themes_editor_pending"


def editor_key(lexicon_key: str, generation: int = 0) -> str:
    """The key of the keyword editor: a new lexicon (saved here or elsewhere)
    or a discarded edit starts a fresh editor."""
    digest = hashlib.sha256(lexicon_key.encode()).hexdigest()[:12]
    return f"themes_editor_{digest}_{generation}"


def keyword_editor(view: app.View) -> tuple[tuple[Theme, ...] | None, bool]:
    """The keyword editor with its save and discard buttons, on the lexicon of
    ``view``'s dataset. Returns the edited themes (None for an edit that is
    refused, with the reason shown) and whether they differ from the lexicon's."""
    saved, lexicon = view.dataset, view.lexicon
    names = labels.theme_names(saved, view.lang)
    generation = st.session_state.setdefault("themes_editor_gen", 0)
    lexicon_now = app.lexicon_key()
    base, pending = st.session_state.get(_BASE), st.session_state.get(_PENDING)
    if base is not None and base != lexicon_now and pending is not None:
        # saved elsewhere meanwhile: the editor starts afresh on the new file, which drops this edit
        st.warning(view.t("themes.dropped", added=pending[0], removed=pending[1]))
    st.session_state[_BASE], st.session_state[_PENDING] = lexicon_now, None
    edited = st.data_editor(
        theme_lexicon.keyword_table(saved), key=editor_key(lexicon_now, generation),
        num_rows="dynamic", hide_index=True, width="stretch", height=420, disabled=["hits"],
        column_config={
            "theme": st.column_config.SelectboxColumn(view.t("themes.col_theme"), options=list(names),
                                                      format_func=lambda t: names.get(t, t), required=True),
            "keyword": st.column_config.TextColumn(view.t("themes.col_keyword"), required=True, max_chars=40),
            "hits": st.column_config.NumberColumn(view.t("themes.col_keyword_hits"), format="%d"),
        })
    try:
        new_themes, problem = theme_lexicon.themes_from_table(lexicon.themes, edited), None
    except LexiconError as exc:
        new_themes, problem = None, markup.error(exc, view.lang)
    changed = new_themes is not None and new_themes != lexicon.themes
    if problem:
        st.error(view.t("themes.refused", reason=problem))
        st.session_state[_PENDING] = (0, 0)
    elif changed:
        added, removed = theme_lexicon.changed_keywords(lexicon.themes, new_themes)
        st.warning(markup.t("themes.preview", view.lang, added=added, removed=removed))
        st.session_state[_PENDING] = (added, removed)
    save_col, discard_col, _ = st.columns([2, 2, 6])
    save = save_col.button(view.t("themes.save"), type="primary", disabled=not changed, key="themes_save")
    discard = discard_col.button(view.t("themes.discard"), disabled=not (changed or problem), key="themes_discard")
    if save and changed:
        try:
            app.save_themes(new_themes)
        except LexiconError as exc:
            st.error(view.t("themes.refused", reason=markup.error(exc, view.lang)))
        except OSError as exc:
            st.error(view.t("themes.save_failed", reason=markup.md(exc)))
        else:
            st.session_state["themes_saved_flash"] = True
            st.session_state[_PENDING] = None  # saved here: nothing dropped
            st.rerun()
    if discard:
        st.session_state["themes_editor_gen"] = generation + 1
        st.rerun()
    return new_themes, changed


def charted_dataset(view: app.View, new_themes: tuple[Theme, ...] | None, changed: bool) -> tables.Dataset:
    """The dataset the themes page charts: ``view``'s, scored anew with the
    edited themes while an edit is pending."""
    return tables.with_themes(view.dataset, new_themes) if changed else view.dataset
