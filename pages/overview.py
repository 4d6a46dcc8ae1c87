"""Overview (概览): the document card and its key numbers."""

import streamlit as st

from studyboard import app, markup, overview

view = app.view()
card = overview.document_card(view.dataset, view.lexicon, view.lang)

if card["kicker"]:
    st.markdown(f"#### {markup.md(card['kicker'])}")
st.title(markup.md(card["headline"] or card["title"]))
st.caption(markup.md(" · ".join(part for part in (card["date"], card["place"], card["source"]) if part)))

columns = st.columns(len(card["numbers"]))
for column, (label_key, value) in zip(columns, card["numbers"]):
    column.metric(view.t(label_key), value)
