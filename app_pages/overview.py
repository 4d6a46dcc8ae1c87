"""Overview (概览): the document card (title block, key numbers), the study
outline beside previews of the themes, map and terms pages, and the handout."""

import streamlit as st

from studyboard.ui import app
from studyboard.views import handout, markup, overview
from studyboard.analysis import outline

view = app.view()
ds = view.dataset
card = overview.document_card(ds, view.lexicon, view.lang)

if card["kicker"]:
    st.markdown(f"#### {markup.md(card['kicker'])}")
st.title(markup.md(card["headline"] or card["title"]))
if card["title_block"]:
    st.markdown(overview.title_block_html(card), unsafe_allow_html=True)
st.caption(markup.md(card["meta"]))

columns = st.columns(len(card["numbers"]))
for column, (label_key, value) in zip(columns, card["numbers"]):
    column.metric(view.t(label_key), value)

outline_col, preview_col = st.columns([4, 3], gap="large")

# --- the study outline -----------------------------------------------------------
with outline_col:
    st.header(view.t("study.outline"), anchor="outline")
    if rules_problem := outline.rules_problem(view.lexicon):
        st.error(rules_problem.message(view.lang))
    else:
        all_items = app.outline_items(view)
        items = outline.filter_items(all_items, ds, view.themes, view.mode)
        points = outline.speaker_points(ds, view.lexicon, items)
        if all_items.empty:
            st.info(view.t("study.no_outline"))
        else:
            structured = outline.is_structured(ds)
            st.caption(view.t("overview.outline_intro_structured" if structured else "overview.outline_intro"))
            if view.themes:
                st.caption(view.t("overview.outline_filtered", shown=len(items), total=len(all_items)))
            if items.empty:
                st.info(view.t("overview.outline_none_filtered"))
            else:
                st.markdown(overview.outline_html(ds, items, points, view.lang,
                                                  lambda paragraph: app.link(view, "reader", para=paragraph)),
                            unsafe_allow_html=True)
            with st.container(horizontal=True, gap="medium"):
                st.page_link(app.page_path("study"), label=view.t("overview.present"), icon=":material/co_present:",
                             query_params=app.shared_params(view))
                st.page_link(app.page_path("quiz"), label=view.t("overview.quiz"), icon=":material/quiz:",
                             query_params=app.shared_params(view))

# --- previews of the themes, map and terms pages (cached figures) ------------------
with preview_col:
    st.header(view.t("overview.previews"), anchor="previews")
    if view.themes:
        st.caption(view.t("overview.previews_filtered"))
    for preview in app.overview_previews(view):
        with st.container(border=True, key=f"overview_preview_{preview.page}"):
            st.markdown(f"**{markup.md(preview.title)}**")
            if preview.figure is None:
                st.caption(preview.empty)
            else:
                st.plotly_chart(preview.figure, config=preview.config, width="stretch",
                                key=f"overview_{preview.page}")
            if preview.note:
                st.caption(preview.note)
            st.page_link(app.page_path(preview.page), icon=":material/arrow_forward:",
                         label=view.t("overview.open_page", page=view.t(f"page.{preview.page}")),
                         query_params={**app.shared_params(view), **(preview.params or {})})

# --- the handout (made when a button is clicked) -------------------------------------
st.header(view.t("overview.handout"), anchor="handout")
st.caption(view.t("overview.handout_intro"))
with st.container(horizontal=True, gap="medium"):
    st.download_button(view.t("overview.download_html"), handout.maker(ds, view.lexicon, view.lang, "html"),
                       file_name=handout.filename(ds, "html"), mime="text/html", icon=":material/download:",
                       key="handout_html", on_click="ignore")
    st.download_button(view.t("overview.download_md"), handout.maker(ds, view.lexicon, view.lang, "md"),
                       file_name=handout.filename(ds, "md"), mime="text/markdown", icon=":material/download:",
                       key="handout_md", on_click="ignore")
