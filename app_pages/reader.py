"""Reader (原文): the text beside its theme heatmap, filtered by theme, speaker and search.

View state in the URL: the shared doc/themes/mode/lang, and para (selected
paragraph), search, speaker, hide (hide the paragraphs that do not match).
Notes (studyboard.ui.notes_ui): the selected paragraph's are open to read and
write; a paragraph that has notes gets a small toggle under it.
"""

import streamlit as st

from studyboard.analysis import reading, theme_scores
from studyboard.ui import app, notes_ui, params
from studyboard.views import charts, labels, reader, themeviews

view = app.view()
ds = view.dataset
lang = view.lang
numbers = reading.paragraph_numbers(ds)
people = reading.speakers(ds)

st.markdown(reader.CSS, unsafe_allow_html=True)
st.markdown(reader.heading_html(ds), unsafe_allow_html=True)
if not numbers:
    st.info(view.t("reader.no_paragraphs"))
    st.stop()

# --- controls (bound to the URL) ---------------------------------------------------
app.from_url("reader_search", "", reading.clean_search, param="search")
speaker_key = app.lang_key("reader_speaker", lang)  # its labels are names in the UI language
app.from_url(speaker_key, "", params.parse_choice(people), param="speaker")
app.from_url("reader_para", 0, params.parse_int(1, len(numbers)), param="para")
app.from_url("reader_hide", False, params.parse_flag, param="hide")
if st.session_state[speaker_key] not in ["", *people]:
    st.session_state[speaker_key] = ""
if st.session_state["reader_para"] not in [0, *numbers]:
    st.session_state["reader_para"] = 0

search_col, speaker_col, para_col, hide_col = st.columns([3, 2, 3, 2], vertical_alignment="bottom")
with search_col:
    st.text_input(view.t("reader.search"), key="reader_search", placeholder=view.t("reader.search_placeholder"),
                  max_chars=reading.SEARCH_MAX)
with speaker_col:
    if people:
        counts = reading.sentence_counts(ds)
        st.selectbox(view.t("reader.speaker"), ["", *people], key=speaker_key,
                     format_func=lambda name: view.t("reader.speaker_option",
                                                     name=labels.person_name(ds, name, lang), n=counts[name])
                     if name else view.t("reader.speaker_all"))
    else:
        st.caption(view.t("reader.no_speakers"))
with para_col:
    st.selectbox(view.t("reader.para"), [0, *numbers], key="reader_para",
                 format_func=lambda n: reader.paragraph_label(ds, n, lang) if n else view.t("reader.para_none"))
with hide_col:
    st.toggle(view.t("reader.hide"), key="reader_hide", help=view.t("reader.hide_help"))

search = reading.clean_search(st.session_state["reader_search"])
speaker = st.session_state[speaker_key]
para = st.session_state["reader_para"]
hide = bool(st.session_state["reader_hide"])
app.to_url("search", search, "")
app.to_url("speaker", speaker, "")
app.to_url("para", para, 0)
app.to_url("hide", hide, False, params.flag_text)

flt = reading.Filter(view.themes, view.mode, speaker, search)
matches = reading.matching_paragraphs(ds, flt)
legend = reader.legend_html(ds, view.themes, lang)
if legend:
    st.markdown(legend, unsafe_allow_html=True)
status = reader.summary(ds, flt, matches, lang)
if status:
    st.markdown(reader.status_html(status), unsafe_allow_html=True)
hints = ([] if flt.active else [view.t("reader.no_filter_hint")]) + ([] if para else [view.t("reader.notes_hint")])
if hints:
    st.caption(" ".join(hints))

text_col, grid_col = st.columns([3, 2], gap="large")

# --- the heatmap (drawn first: a click reruns before the text is drawn) -------------------
with grid_col:
    with st.container(key="reader_grid_box"):
        if ds.theme_hits.empty:
            st.info(view.t("reader.no_theme_hits"))
        else:
            generation = st.session_state.setdefault("reader_grid_gen", 0)
            focus = view.themes[0] if len(view.themes) == 1 else None
            fig = themeviews.paragraph_grid(
                ds, lang, metric="density", selected=(para, focus) if para else None,
                dim_themes=[t for t in theme_scores.theme_ids(ds) if view.themes and t not in view.themes],
                title=view.t("reader.grid_title"))
            event = st.plotly_chart(fig, config=charts.CONFIG, width="stretch", key=f"reader_grid_{generation}",
                                    on_select="rerun", selection_mode="points")
            picked = reading.pick(event, ds)
            if picked:
                st.session_state["reader_grid_gen"] = generation + 1  # a fresh chart: no stale selection
                app.update_url(**reading.pick_params(picked))
            st.caption(view.t("reader.grid_caption"))

# --- the text, with the notes: the selected paragraph's open to read and write, the others' behind a
# small toggle under their paragraph (only where there are notes) ------------------------------------
terms = reading.load_glossary()
by_paragraph = notes_ui.notes_of(view)
with text_col:
    if para:
        st.markdown(reader.pinned_html(para, lang), unsafe_allow_html=True)
        st.markdown(reader.paragraph_html(ds, para, lang, flt=flt, glossary=terms, selected=True, anchor=False),
                    unsafe_allow_html=True)
        with st.container(key="reader_pinned_notes"):
            notes_ui.paragraph_notes(view, para, by_paragraph.get(para, []), key="reader_pin_notes")
        st.divider()
    if flt.active and not matches:
        st.info(view.t("reader.no_match"))
    for kind, first, last_or_dim in reading.layout(ds, matches, flt, hide):
        if kind == "hidden":
            st.markdown(reader.hidden_html(first, last_or_dim, lang), unsafe_allow_html=True)
            continue
        st.markdown(reader.paragraph_html(ds, first, lang, flt=flt, glossary=terms, dim=last_or_dim,
                                          selected=first == para), unsafe_allow_html=True)
        if by_paragraph.get(first):
            with st.expander(view.t("reader.notes_count", n=len(by_paragraph[first])), type="compact",
                             icon=":material/sticky_note_2:", key=f"reader_notes_{first}"):
                notes_ui.paragraph_notes(view, first, by_paragraph[first], key="reader_notes")

with st.expander(view.t("reader.method")):
    st.caption(view.t("reader.method_caption"))
    st.dataframe(reader.provenance_table(ds, lang), hide_index=True, width="stretch")
