"""Streamlit glue for notes: show and edit the notes of one paragraph.

    from studyboard.ui import notes_ui
    notes_ui.paragraph_notes(view, 5)                   # reader: notes of ¶5, editable
    notes_ui.paragraph_notes(view, 5, editable=False)   # presenter view: read only

For a page that shows many paragraphs, fetch all notes once and pass each
paragraph's list::

    by_para = notes_ui.notes_of(view)
    for p in paragraphs:
        notes_ui.paragraph_notes(view, p, by_para.get(p, []))

Note texts are the user's own; they are shown through ``markup.md`` (as
text, never as HTML). Storage and concurrency: :mod:`studyboard.store.notes`.
"""

from __future__ import annotations

import streamlit as st

from studyboard.ui import app
from studyboard.views import markup
from studyboard.store import notes
from studyboard.errors import InputError
from studyboard.store.notes import Note

_FLASH = "_notes_flash"


paragraph_labels = notes.paragraph_labels
paragraph_text = notes.paragraph_text
total = notes.total


def notes_of(view: app.View) -> dict[int, list[Note]]:
    """The current document's notes by paragraph (one query); none, with an
    error shown, if the library database cannot be read."""
    try:
        return notes.by_paragraph(view.doc_id)
    except InputError as exc:
        st.error(markup.error(exc, view.lang))
        return {}


def _flash(where: str, kind: str, text: str) -> None:
    st.session_state.setdefault(_FLASH, {})[where] = (kind, text)


def _add(doc_id: str, paragraph: int, key: str, lang: str, where: str) -> None:
    from studyboard.i18n import t

    try:
        notes.add(doc_id, paragraph, st.session_state.get(key, ""))
    except InputError as exc:
        _flash(where, "error", markup.error(exc, lang))  # the text stays in the box
        return
    st.session_state[key] = ""
    _flash(where, "success", t("notes.added", lang))


def _edit(note: Note, key: str, lang: str, where: str) -> None:
    from studyboard.i18n import t

    try:
        saved = notes.edit(note, st.session_state.get(key, ""))
    except InputError as exc:
        _flash(where, "error", markup.error(exc, lang))
        return
    st.session_state.pop(key, None)
    _flash(where, *(("warning", t("notes.conflict", lang)) if saved.conflict else ("success", t("notes.saved", lang))))


def _delete(note: Note, lang: str, where: str) -> None:
    from studyboard.i18n import t

    try:
        deleted = notes.delete(note)
    except InputError as exc:
        _flash(where, "error", markup.error(exc, lang))
        return
    if deleted:
        _flash(where, "success", t("notes.deleted", lang))
    else:
        _flash(where, "warning", t("notes.changed_meanwhile", lang))


def paragraph_notes(view: app.View, paragraph: int, items: list[Note] | None = None, *,
                    editable: bool = True, key: str = "notes") -> None:
    """The notes of one paragraph (0: the whole document); with ``editable``,
    buttons to add, edit and delete. ``items`` are the paragraph's notes if
    already fetched (see :func:`notes_of`); ``key`` tells apart several
    helpers for the same paragraph on one page."""
    if items is None:
        items = notes_of(view).get(paragraph, [])
    where = f"{key}:{view.doc_id}:{paragraph}"
    base = f"{key}_{view.doc_id}_{paragraph}"
    message = st.session_state.get(_FLASH, {}).pop(where, None)
    if message:
        getattr(st, message[0])(message[1])
    for note in items:
        with st.container(border=True):
            st.markdown(markup.md(note.text))
            when = view.t("notes.when", updated=notes.local_time(note.updated, st.context.timezone))
            with st.container(horizontal=True, vertical_alignment="center"):
                if editable:
                    with st.popover(view.t("notes.edit"), icon=":material/edit:", type="tertiary"):
                        edit_key = f"{base}_edit_{note.id}_{note.version}"
                        st.session_state.setdefault(edit_key, note.text)
                        st.text_area(view.t("notes.text"), key=edit_key, height=160, max_chars=notes.MAX_CHARS)
                        st.button(view.t("notes.save"), key=f"{edit_key}_save", type="primary",
                                  on_click=_edit, args=(note, edit_key, view.lang, where))
                    with st.popover(view.t("notes.delete"), icon=":material/delete:", type="tertiary"):
                        st.caption(view.t("notes.delete_confirm"))
                        st.button(view.t("notes.delete_yes"), key=f"{base}_del_{note.id}_{note.version}",
                                  on_click=_delete, args=(note, view.lang, where))
                st.caption(when)
    if editable:
        with st.popover(view.t("notes.add"), icon=":material/add_comment:"):
            add_key = f"{base}_new"
            st.text_area(view.t("notes.text"), key=add_key, height=160, max_chars=notes.MAX_CHARS,
                         placeholder=view.t("notes.placeholder"))
            st.button(view.t("notes.save"), key=f"{add_key}_save", type="primary",
                      on_click=_add, args=(view.doc_id, paragraph, add_key, view.lang, where))
