"""Overview (概览): the document card, key numbers, the study outline and the handout."""

import streamlit as st

from studyboard import app, handout, markup, outline, overview

view = app.view()
ds = view.dataset
card = overview.document_card(ds, view.lexicon, view.lang)

if card["kicker"]:
    st.markdown(f"#### {markup.md(card['kicker'])}")
st.title(markup.md(card["headline"] or card["title"]))
st.caption(markup.md(" · ".join(part for part in (card["date"], card["place"], card["source"]) if part)))

columns = st.columns(len(card["numbers"]))
for column, (label_key, value) in zip(columns, card["numbers"]):
    column.metric(view.t(label_key), value)

# --- the study outline -----------------------------------------------------------
if rules_error := outline.rules_error(view.lexicon, view.lang):
    st.error(rules_error)
    st.stop()
all_items = outline.extract(ds, view.lexicon)
items = outline.filter_items(all_items, ds, view.themes, view.mode)
points = outline.speaker_points(ds, view.lexicon, items)

st.header(view.t("study.outline"), anchor="outline")
if all_items.empty:
    st.info(view.t("study.no_outline"))
else:
    st.caption(view.t("overview.outline_intro"))
    if view.themes:
        st.caption(view.t("overview.outline_filtered", shown=len(items), total=len(all_items)))
    if items.empty:
        st.info(view.t("overview.outline_none_filtered"))
    else:
        st.markdown(overview.outline_html(ds, items, points, view.lang,
                                          lambda paragraph: app.link(view, "reader", para=paragraph)),
                    unsafe_allow_html=True)
    left, right, _ = st.columns([1, 1, 3])
    left.page_link(app.page_path("study"), label=view.t("overview.present"), icon=":material/co_present:",
                   query_params=app.shared_params(view))
    right.page_link(app.page_path("quiz"), label=view.t("overview.quiz"), icon=":material/quiz:",
                    query_params=app.shared_params(view))

# --- the handout (made when a button is clicked) -------------------------------------
st.header(view.t("overview.handout"), anchor="handout")
st.caption(view.t("overview.handout_intro"))
left, right, _ = st.columns([1, 1, 3])
left.download_button(view.t("overview.download_html"), handout.maker(ds, view.lexicon, view.lang, "html"),
                     file_name=handout.filename(ds, "html"), mime="text/html", icon=":material/download:",
                     key="handout_html", on_click="ignore")
right.download_button(view.t("overview.download_md"), handout.maker(ds, view.lexicon, view.lang, "md"),
                      file_name=handout.filename(ds, "md"), mime="text/markdown", icon=":material/download:",
                      key="handout_md", on_click="ignore")
