"""Library (文库): every document, adding one (upload or paste), editing and
deleting it, and the notes of the current document."""

import streamlit as st

from studyboard.ui import app, library_ui, notes_ui, url
from studyboard.views import library as library_view
from studyboard.views import markup

view = app.view()
st.title(view.t("library.title"))
library_ui.show_flash()

# --- the listing ---------------------------------------------------------------
trouble = library_ui.problem()
if trouble is not None:
    st.error(markup.error(trouble, view.lang))
listing = library_ui.listing()
limit = library_ui.size_limit()
st.caption(view.t("library.summary", n=len(listing), folder=markup.md(library_ui.folder()), limit=limit))
query = url.text("q", key="lib_q", clean=str.strip).bind(
    st.text_input, view.t("library.filter"), placeholder=view.t("library.filter_placeholder"))
table = library_view.display_listing(library_ui.filter_listing(listing, query), view.lang,
                                     lambda doc_id: app.link(view, "overview", doc=doc_id))
if len(table):
    st.dataframe(
        table, hide_index=True, height=app.frame_height(table, header=40, most=560), key="lib_table",
        column_config={
            "title": st.column_config.TextColumn(view.t("library.col_title"), width="large"),
            "date": st.column_config.TextColumn(view.t("library.col_date")),
            "place": st.column_config.TextColumn(view.t("library.col_place")),
            "source": st.column_config.TextColumn(view.t("library.col_source")),
            "origin": st.column_config.TextColumn(view.t("library.col_origin")),
            "kind": st.column_config.TextColumn(view.t("library.col_kind")),
            "chars": st.column_config.NumberColumn(view.t("library.col_chars"), format="%d"),
            "paragraphs": st.column_config.NumberColumn(view.t("library.col_paragraphs"), format="%d"),
            "notes": st.column_config.NumberColumn(view.t("library.col_notes"), format="%d"),
            "open": st.column_config.LinkColumn(view.t("library.col_open"), display_text=view.t("library.open")),
            "id": st.column_config.TextColumn(view.t("library.col_id")),
        },
    )
else:
    st.info(view.t("library.no_match"))

missing = library_ui.missing(listing)
if len(missing):
    st.warning(view.t("library.missing", n=len(missing)))
    for row in missing.itertuples():
        st.button(f"{view.t('library.delete')}: {markup.md(row.title or row.id)}", key=f"lib_missing_{row.id}",
                  on_click=library_ui.delete, args=(row.id, row.title or row.id, view.lang))

# --- adding a document --------------------------------------------------------------
st.subheader(view.t("library.add"))
upload_tab, paste_tab = st.tabs([view.t("library.tab_upload"), view.t("library.tab_paste")])
with upload_tab:
    st.markdown(library_ui.UPLOAD_CSS, unsafe_allow_html=True)
    upload = st.file_uploader(view.t("library.upload_label", limit=limit), key=library_ui.upload_key())
    st.caption(view.t("library.upload_help", limit=limit, **library_ui.text_limits()))
with paste_tab:
    st.text_area(view.t("library.paste_label"), key=library_ui.PASTE_KEY, height=220)
    st.button(view.t("library.paste_read"), key="lib_paste_read", on_click=library_ui.take_paste,
              args=(view.lexicon,))

current = library_ui.take_upload(upload, view.lexicon)
if current is not None and current.error is not None:
    st.error(markup.error(current.error, view.lang))
elif current is not None:
    draft = current.draft
    with st.container(border=True):
        st.markdown(f"**{view.t('library.preview')}**")
        if draft.kicker:
            st.markdown(markup.md(draft.kicker))
        if draft.headline:
            st.markdown(f"### {markup.md(draft.headline)}")
        st.markdown(markup.md(draft.first_paragraph))
        st.caption(view.t("library.read_as", kind=view.t(f"library.kind_{draft.kind}"), encoding=draft.encoding,
                          paragraphs=draft.paragraphs, chars=f"{draft.chars:,}"))
    for notice in draft.warnings:
        st.warning(markup.t(notice.key, view.lang, **notice.params))
    if draft.duplicate_of is not None:
        st.error(markup.t("library.duplicate_found", view.lang, title=draft.duplicate_of.title or draft.duplicate_of.id))
        st.page_link(app.page_path("library"), label=view.t("library.open"), icon=":material/open_in_new:",
                     query_params={**app.shared_params(view), "doc": draft.duplicate_of.id})
    else:
        library_ui.prefill_new(draft)
        with st.form("lib_add_form"):
            st.markdown(f"**{view.t('library.form')}**")
            st.caption(view.t("library.prefilled"))
            library_ui.meta_fields(view, library_ui.NEW_FIELDS)
            if draft.guess.year_guessed:
                st.info(view.t("library.year_guessed", year=draft.guess.date[:4]))
            st.form_submit_button(view.t("library.add_button"), type="primary", on_click=library_ui.add_pending,
                                  args=(view.lang,))

# --- the current document -------------------------------------------------------------
st.subheader(view.t("library.this_document"))
entry = next((e for e in app.catalog() if e.id == view.doc_id), None)  # None: deleted a moment ago
doc = view.dataset.document
st.markdown(f"### {markup.md(doc['title'])}")
st.caption(markup.md(" · ".join(part for part in (doc["date"], doc["place"], doc["source"]) if part)))
st.caption(markup.md(view.t("library.details", filename=doc["filename"], kind=library_view.format_label(doc["kind"], view.lang),
                            encoding=doc["encoding"], paragraphs=int(doc["paragraphs"]), chars=f"{int(doc['chars']):,}")))
if entry is not None and entry.origin != "library":
    st.info(view.t("library.shipped_note", file=entry.path.name))
elif entry is not None:
    library_ui.prefill_edit(entry)
    with st.form("lib_edit_form"):
        st.markdown(f"**{view.t('library.edit')}**")
        library_ui.meta_fields(view, library_ui.EDIT_FIELDS)
        st.form_submit_button(view.t("library.save"), type="primary", on_click=library_ui.save_edit,
                              args=(entry.id, view.lang))
    title = entry.title or entry.id
    if library_ui.confirming(entry.id):
        note_count = notes_ui.total(notes_ui.notes_of(view))
        st.warning(markup.t("library.delete_confirm", view.lang, title=title, notes=note_count))
        yes, no, _ = st.columns([1, 1, 4])
        yes.button(view.t("library.delete_yes"), key="lib_delete_yes", type="primary", on_click=library_ui.delete,
                   args=(entry.id, title, view.lang))
        no.button(view.t("library.cancel"), key="lib_delete_no", on_click=library_ui.cancel_delete)
    else:
        st.button(view.t("library.delete"), key="lib_delete", icon=":material/delete:",
                  on_click=library_ui.ask_delete, args=(entry.id,))

# --- notes ------------------------------------------------------------------------------
st.subheader(view.t("library.notes"))
st.caption(view.t("library.notes_intro"))
labels = notes_ui.paragraph_labels(view.dataset.paragraphs, view.t("library.whole_document"))
para = url.integer("para", 0, max(labels), 0, key="lib_para")
para.seed()
if st.session_state["lib_para"] not in labels:
    st.session_state["lib_para"] = 0
st.selectbox(view.t("library.notes_paragraph"), list(labels), key="lib_para", format_func=labels.get,
             on_change=url.widget_changed)
paragraph = para.write(para.value())
if paragraph:
    st.markdown(f"> {markup.md(notes_ui.paragraph_text(view.dataset.paragraphs, paragraph))}")
if trouble is None:  # notes live in the library database
    by_paragraph = notes_ui.notes_of(view)
    notes_ui.paragraph_notes(view, paragraph, by_paragraph.get(paragraph, []), key="lib_notes")
    total = notes_ui.total(by_paragraph)
    with st.expander(view.t("library.all_notes", n=total), expanded=False):
        if not total:
            st.caption(view.t("library.no_notes"))
        for number, items in by_paragraph.items():
            st.markdown(f"**{markup.md(labels.get(number, f'¶{number}'))}**")
            notes_ui.paragraph_notes(view, number, items, editable=False, key="lib_notes_all")
