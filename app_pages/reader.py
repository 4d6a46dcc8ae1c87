"""Reader (原文): the text beside its theme heatmap, filtered by theme, speaker and search.

View state in the URL: the shared doc/themes/mode/lang, and para (selected
paragraph), search, speaker, hide (hide the paragraphs that do not match) and
section (the part shown of a long text with sections).
A text with sections shows its headings, and its contents beside the text
(above it on a narrow screen); a long one is read one top-level part at a time.
On a phone the heatmap comes above the text (views/reader.CSS) and one tap selects a cell
(views/reader.touch_html).
Notes (studyboard.ui.notes_ui): the selected paragraph's are open to read and
write; a paragraph that has notes gets a small toggle under it.
"""

import streamlit as st

from studyboard.analysis import reading, theme_scores
from studyboard.ui import app, notes_ui, url
from studyboard.views import charts, labels, reader, themeviews

view = app.view()
ds = view.dataset
lang = view.lang
numbers = reading.paragraph_numbers(ds)
people = reading.speakers(ds)

st.markdown(reader.CSS, unsafe_allow_html=True)
st.markdown(reader.title_block_html(ds, lang), unsafe_allow_html=True)
if not numbers:
    st.info(view.t("reader.no_paragraphs"))
    st.stop()

# --- controls (bound to the URL) ---------------------------------------------------
speaker_key = url.lang_key("reader_speaker", lang)  # its labels are names in the UI language
speaker_param = url.choice("speaker", people, "", key=speaker_key)
para_param = url.integer("para", 1, len(numbers), 0, key="reader_para")
speaker_param.seed()
para_param.seed()
if st.session_state[speaker_key] not in ["", *people]:
    st.session_state[speaker_key] = ""
if st.session_state["reader_para"] not in [0, *numbers]:
    st.session_state["reader_para"] = 0

search_col, speaker_col, para_col, hide_col = st.columns([3, 2, 3, 2], vertical_alignment="bottom")
with search_col:
    search = url.text("search", key="reader_search", clean=reading.clean_search).bind(
        st.text_input, view.t("reader.search"), placeholder=view.t("reader.search_placeholder"),
        max_chars=reading.SEARCH_MAX)
with speaker_col:
    if people:
        counts = reading.sentence_counts(ds)
        st.selectbox(view.t("reader.speaker"), ["", *people], key=speaker_key,
                     format_func=lambda name: view.t("reader.speaker_option",
                                                     name=labels.person_name(ds, name, lang), n=counts[name])
                     if name else view.t("reader.speaker_all"), on_change=url.widget_changed)
    else:
        st.caption(view.t("reader.no_speakers"))
speaker = speaker_param.write(speaker_param.value())
para_labels = {0: view.t("reader.para_none"), **reader.paragraph_labels(ds, lang)}
with para_col:
    st.selectbox(view.t("reader.para"), [0, *numbers], key="reader_para", format_func=para_labels.get, on_change=url.widget_changed)
para = para_param.write(para_param.value())
with hide_col:
    hide = url.flag("hide", key="reader_hide").bind(st.toggle, view.t("reader.hide"), help=view.t("reader.hide_help"))

flt = reading.Filter(view.themes, view.mode, speaker, search)
matches = reading.matching_paragraphs(ds, flt)

# --- the part shown: the whole text, or one top-level part of a long text with sections --------
parts = reading.parts(ds)
part = reading.Part(0, 1, len(numbers))
part_key = url.lang_key("reader_section", lang)  # the opening's label is in the UI language
if reading.paged(ds):
    part_ids = [p.section for p in parts]
    part_param = url.integer("section", 0, max(part_ids), part_ids[0], key=part_key)
    part_param.seed()
    if para and para != st.session_state.get("_reader_para_seen"):  # a newly selected paragraph: show its part
        st.session_state[part_key] = reading.part_of(parts, para)
    st.session_state["_reader_para_seen"] = para
    if st.session_state[part_key] not in part_ids:
        st.session_state[part_key] = part_ids[0]
    part = next(p for p in parts if p.section == part_param.value())
else:
    url.to_url("section", None)  # the text is shown whole
    part_param = None
    part_ids = []


def part_href(section: int) -> str:
    """The URL of the reader showing the part of ``section``, with this run's filters."""
    return app.link(view, "reader", section=section, search=search or None, speaker=speaker or None,
                    hide="1" if hide else None)


legend = reader.legend_html(ds, view.themes, lang)
if legend:
    st.markdown(legend, unsafe_allow_html=True)
status = reader.summary(ds, flt, matches, lang)
if status:
    st.markdown(reader.status_html(status), unsafe_allow_html=True)
hints = ([] if flt.active else [view.t("reader.no_filter_hint")]) + ([] if para else [view.t("reader.notes_hint")])
if hints:
    st.caption(" ".join(hints))


def grid_clicked(chart_key: str) -> None:
    """A click on a heatmap cell, before the run it causes: its paragraph and theme go straight to the
    paragraph picker and the sidebar's theme filter (then to the URL), so one run shows them; the next
    run draws a fresh chart (no stale selection)."""
    picked = reading.pick(st.session_state.get(chart_key), ds)
    if picked:
        chosen = reading.pick_params(picked, view.themes, ds)
        st.session_state["reader_para"] = picked[0]
        st.session_state["themes"] = chosen["themes"].split(",")
        st.query_params.update(chosen)  # both at once: one entry in the browser's history
        st.session_state["reader_grid_gen"] = st.session_state.get("reader_grid_gen", 0) + 1
        url.widget_changed()  # the click wins over the address it arrives with


toc = app.cached(view, "reader/toc", (lang, view.themes, part if part_param else None, search, speaker, hide,
                                      app.shared_params(view)),
                 lambda: reader.toc_html(ds, lang, themes=view.themes, shown=part if part_param else None,
                                         part_href=part_href))
text_col, grid_col = st.columns([3, 2], gap="large")

# --- the contents and the heatmap (drawn first: a click reruns before the text is drawn) ----------
with grid_col:
    with st.container(key="reader_grid_box"):
        if toc:
            with st.container(key="reader_toc_side"):
                st.markdown(toc, unsafe_allow_html=True)
        if ds.theme_hits.empty:
            st.info(view.t("reader.no_theme_hits"))
        else:
            generation = st.session_state.setdefault("reader_grid_gen", 0)
            focus = view.themes[0] if len(view.themes) == 1 else None
            shown_rows = (part.first, part.last) if part_param else None
            fig = app.cached(view, "reader/grid", (lang, para, focus, view.themes, shown_rows),
                             lambda: themeviews.paragraph_grid(
                                 ds, lang, metric="density", selected=(para, focus) if para else None,
                                 dim_themes=[t for t in theme_scores.theme_ids(ds)
                                             if view.themes and t not in view.themes],
                                 title=view.t("reader.grid_title"),
                                 paragraphs=range(part.first, part.last + 1) if part_param else None,
                                 narrow=True))
            event = st.plotly_chart(fig, config=charts.CONFIG, width="stretch", key=f"reader_grid_{generation}",
                                    on_select=lambda: grid_clicked(f"reader_grid_{generation}"),
                                    selection_mode="points")
            picked = reading.pick(event, ds)  # a selection that came without its callback (AppTest sets it)
            if picked:
                st.session_state["reader_grid_gen"] = generation + 1  # a fresh chart: no stale selection
                url.update_url(**reading.pick_params(picked, view.themes, ds))  # adds the theme to the filter
            st.caption(view.t("reader.grid_caption"))
            st.html(reader.touch_html(), unsafe_allow_javascript=True, width="content")  # one tap selects a cell


def show_part(section: int) -> None:
    st.session_state[part_key] = section
    url.widget_changed()


# --- the text, with the notes: the selected paragraph's open to read and write, the others' behind a
# small toggle under their paragraph (only where there are notes) ------------------------------------
terms = reading.load_glossary()
by_paragraph = notes_ui.notes_of(view)
with text_col:
    if toc:
        with st.container(key="reader_toc_top"):
            with st.expander(view.t("reader.toc"), icon=":material/toc:"):
                st.markdown(toc, unsafe_allow_html=True)
    if part_param:
        part_names = app.cached(view, "reader/parts", lang, lambda: reader.section_names(ds, part_ids, lang))
        st.selectbox(view.t("reader.part"), part_ids, key=part_key, format_func=part_names.get, on_change=url.widget_changed)
        part_param.write(part.section)
        st.caption(view.t("reader.part_caption", first=part.first, last=part.last, total=len(numbers)))
    if para:
        st.markdown(reader.pinned_html(para, lang), unsafe_allow_html=True)
        st.markdown(reader.paragraph_html(ds, para, lang, flt=flt, glossary=terms, selected=True, anchor=False),
                    unsafe_allow_html=True)
        with st.container(key="reader_pinned_notes"):
            notes_ui.paragraph_notes(view, para, by_paragraph.get(para, []), key="reader_pin_notes")
        st.divider()
    if flt.active and not matches:
        st.info(view.t("reader.no_match"))
    # the blocks of this view of the text are made once and shared (document, language, filters, part)
    blocks = app.cached(view, "reader/text", (lang, flt, hide, part.first, part.last, para, app.glossary_stamp()),
                        lambda: reader.text_html(ds, lang, flt, matches, hide, part.first, part.last, para, terms))
    # one element per run of blocks up to a paragraph with notes (its toggle follows it): fewer, larger
    # elements are drawn sooner (bench/NOTES.md)
    run: list[str] = []
    for first, html in blocks:
        run.append(html)
        if first is None or not by_paragraph.get(first):
            continue
        st.markdown(reader.run_html(run), unsafe_allow_html=True)
        run = []
        with st.expander(view.t("reader.notes_count", n=len(by_paragraph[first])), type="compact",
                         icon=":material/sticky_note_2:", key=f"reader_notes_{first}"):
            notes_ui.paragraph_notes(view, first, by_paragraph[first], key="reader_notes")
    if run:
        st.markdown(reader.run_html(run), unsafe_allow_html=True)
    if part_param:
        index = part_ids.index(part.section)
        back, ahead = st.columns(2)
        if index > 0:
            back.button(view.t("reader.part_prev", label=part_names[part_ids[index - 1]]),
                        key="reader_part_prev", icon=":material/arrow_upward:", on_click=show_part,
                        args=(part_ids[index - 1],))
        if index + 1 < len(part_ids):
            ahead.button(view.t("reader.part_next", label=part_names[part_ids[index + 1]]),
                         key="reader_part_next", icon=":material/arrow_downward:", on_click=show_part,
                         args=(part_ids[index + 1],))

with st.expander(view.t("reader.method")):
    st.caption(view.t("reader.method_caption"))
    st.dataframe(reader.provenance_table(ds, lang), hide_index=True, width="stretch")
