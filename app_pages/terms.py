"""Terms (词频): term counts, slides, keywords and collocations, speakers
compared, and the glossary. Layout only: the content comes from
studyboard.analysis.terms and studyboard.analysis.glossary, drawn by
studyboard.views.termviews and studyboard.views.glossaryviews."""

import streamlit as st

from studyboard.ui import app, params
from studyboard.views import charts, downloads, glossaryviews, markup, termviews
from studyboard.analysis import glossary, terms
from studyboard.lexicon import STOPWORD_TIERS

ROW, HEAD = 36, 42  # row and header heights of the tables, in pixels
#: The page's views, and the shapes of the slide figure.
SECTIONS = ("counts", "slides", "keywords", "speakers", "glossary")
SHAPES = ("treemap", "cloud")
#: Limits of the page's number settings: (smallest, default, largest).
TOP_RANGE = (5, 20, 60)
MIN_LEN_RANGE = (1, 2, 8)
WINDOW_RANGE = (1, 2, 5)
SPEAKER_TOP = 10
MAX_EXCLUSIONS = 200  # words in the exclusion box

view = app.view()
ds, lang, t = view.dataset, view.lang, view.t
entries = glossary.load()

st.title(t("terms.title"))

app.from_url("terms_section", "counts", app.parse_choice(SECTIONS), param="section")
section = st.segmented_control(t("terms.section"), SECTIONS, key="terms_section", required=True,
                               format_func=lambda s: t(f"terms.section_{s}"), label_visibility="collapsed")
app.to_url("section", section, "counts")


def glossary_section() -> None:
    st.caption(t("glossary.intro"))
    kept = terms.sentence_texts(ds, terms.Filters(themes=view.themes, mode=view.mode))
    counts = glossary.occurrences(entries, kept)
    search_col, only_col, pick_col = st.columns([2, 1, 2], vertical_alignment="bottom")
    app.from_url("glossary_query", "", str, param="q")
    with search_col:
        query = st.text_input(t("glossary.search"), key="glossary_query", max_chars=60,
                              placeholder=t("glossary.search_placeholder"))
    app.to_url("q", query.strip(), "")
    app.from_url("glossary_only", True, lambda v: {"1": True, "0": False}.get(v), param="only")
    with only_col:
        only = st.toggle(t("glossary.only_document"), key="glossary_only")
    app.to_url("only", "1" if only else "0", "1")
    shown = glossary.in_document(entries, counts, only)
    frame = glossaryviews.in_language(glossary.search(glossary.table(shown, counts), shown, query), lang)
    names = list(frame["term"])
    app.from_url("glossary_entry", None, app.parse_choice(names), param="entry")
    if st.session_state.get("glossary_entry") not in names:
        st.session_state["glossary_entry"] = None
    with pick_col:
        chosen = st.selectbox(t("glossary.details"), names, key="glossary_entry",
                              placeholder=t("glossary.details_placeholder"))
    app.to_url("entry", chosen)
    if chosen:
        entry = glossary.by_term_of(entries)[chosen]
        st.subheader(t("glossary.renderings_heading", term=markup.md(chosen)))
        st.markdown(f"**{markup.md(entry.term)}** · {markup.md(glossary.pinyin_of(entry))} — "
                    f"{markup.md(entry.explain(lang))}")
        if entry.renderings:
            st.markdown(glossaryviews.renderings_html(entry, lang), unsafe_allow_html=True)
            if glossary.has_unverified(entry):
                st.caption(t("glossary.unverified"))
        else:
            st.warning(glossaryviews.english_line(entry, lang))
        if entry.note:
            st.caption(t("glossary.note", note=markup.md(entry.note)))
        st.divider()
    caption = t("glossary.count", shown=len(frame), total=len(entries))
    if view.themes:
        caption += " " + t("glossary.counted_in_themes")
    st.caption(caption)
    if frame.empty:
        st.info(t("glossary.none_found", query=query) if query.strip() else t("glossary.none_in_document"))
        return
    st.markdown(glossaryviews.table_html(frame, lang), unsafe_allow_html=True)


if section == "glossary":
    glossary_section()
    st.stop()

# --- the shared filters of the other views -----------------------------------------
lo, default_top, hi = TOP_RANGE
len_lo, default_len, len_hi = MIN_LEN_RANGE
speaker_choices = terms.speaker_options(ds)
row = [*st.columns([2.2, 1.4, 3.4], vertical_alignment="bottom"),
       *st.columns([1, 1.6, 2.2, 2.2], vertical_alignment="bottom")]

app.from_url("terms_drop_policy", False, lambda v: True if v == "policy" else None, param="tier")
with row[0]:
    drop_policy = st.toggle(t("terms.drop_policy", examples=t("terms.sep").join(terms.policy_examples(ds))),
                            key="terms_drop_policy", help=t("terms.drop_policy_help"))
tier = STOPWORD_TIERS[1] if drop_policy else STOPWORD_TIERS[0]
app.to_url("tier", tier, STOPWORD_TIERS[0])

app.from_url("terms_pos", "all", app.parse_choice(terms.POS_GROUPS), param="pos")
with row[1]:
    pos = st.segmented_control(t("terms.pos"), terms.POS_GROUPS, key="terms_pos", required=True,
                               format_func=lambda g: t(f"terms.pos_{g}"), help=t("terms.pos_help"))
app.to_url("pos", pos, "all")

app.from_url("terms_speaker", terms.EVERYONE, app.parse_choice(speaker_choices), param="speaker")
if st.session_state.get("terms_speaker") not in speaker_choices:
    st.session_state["terms_speaker"] = terms.EVERYONE
with row[2]:
    speaker = st.segmented_control(t("terms.speaker"), speaker_choices, key="terms_speaker", required=True,
                                   format_func=lambda s: termviews.speaker_label(ds, s, lang))
app.to_url("speaker", speaker, terms.EVERYONE)

app.from_url("terms_min_len", default_len, app.parse_int(len_lo, len_hi), param="minlen")
with row[3]:
    min_len = st.number_input(t("terms.min_len"), len_lo, len_hi, step=1, key="terms_min_len")
app.to_url("minlen", min_len, default_len)

app.from_url("terms_top", default_top, app.parse_int(lo, hi), param="top")
with row[4]:
    top = st.slider(t("terms.top"), lo, hi, step=1, key="terms_top")
app.to_url("top", top, default_top)

app.from_url("terms_exclude", "", lambda v: params.join_terms(params.parse_terms(v, MAX_EXCLUSIONS)), param="exclude")
with row[5]:
    typed = st.text_input(t("terms.exclude"), key="terms_exclude", max_chars=400,
                          placeholder=t("terms.exclude_placeholder"))
exclude = params.parse_terms(typed, MAX_EXCLUSIONS)
app.to_url("exclude", params.join_terms(exclude), "")

f = terms.Filters(tier=tier, themes=view.themes, mode=view.mode, speaker=speaker, pos=pos,
                  min_len=int(min_len), exclude=exclude)
table = terms.term_table(ds, f, entries)
numbers = terms.summary(ds, f, table)
caption = t("terms.caption", **numbers)
if view.themes:
    names = t("terms.sep").join(view.theme_name(i) for i in view.themes)
    caption += " " + t("terms.caption_themes", themes=names, mode=t(f"app.mode_{view.mode}"))
st.caption(caption)

if numbers["sentences"] == 0:
    st.info(t("terms.no_sentences"))
    st.stop()


def counts_section() -> None:
    clicked = None
    app.from_url("terms_term", None, lambda v: v if terms.is_term(ds, v) else None, param="term")
    if table.empty:
        st.info(t("terms.no_terms"))
    else:
        chart_col, table_col = st.columns([3, 2])
        with chart_col:
            opened = st.session_state.get("terms_term")
            event = st.plotly_chart(termviews.bar_chart(table, top, lang, opened), config=charts.CONFIG, width="stretch",
                                    key="terms_bar", on_select="rerun", selection_mode="points")
            st.caption(t("terms.click_hint"))
        clicked, signature = termviews.clicked_term(event, st.session_state.get("terms_bar_handled"))
        st.session_state["terms_bar_handled"] = signature
        with table_col:
            st.dataframe(
                table, hide_index=True, width="stretch", height=app.frame_height(table.head(top + 2), most=720),
                column_order=["rank", "term", "count", "paragraphs", "english"],
                column_config={
                    "rank": st.column_config.NumberColumn(t("terms.col_rank"), width="small"),
                    "term": t("terms.col_term"),
                    "count": st.column_config.NumberColumn(t("terms.col_count"), width="small"),
                    "paragraphs": st.column_config.NumberColumn(t("terms.col_paragraphs")),
                    "english": st.column_config.TextColumn(t("terms.col_english"), width="large"),
                },
            )
            st.download_button(t("terms.download_counts"), downloads.csv_bytes(table),
                               file_name=f"terms_{view.doc_id}.csv", mime="text/csv", icon=":material/download:")
    open_term_section(clicked)


def open_term_section(clicked: str | None) -> None:
    if clicked:  # a click on a bar is newer than the address
        st.session_state["terms_term"] = clicked
    current = st.session_state.get("terms_term")
    options = terms.open_options(table, ds, current)
    if current not in options:
        st.session_state["terms_term"] = None
    pick_col, compare_col = st.columns([1, 2])
    with pick_col:
        term = st.selectbox(t("terms.open"), options, key="terms_term", placeholder=t("terms.open_placeholder"))
    app.to_url("term", term)
    compare_options = [o for o in options if o != term]
    app.from_url("terms_compare", [], app.parse_list(compare_options), param="compare")
    st.session_state["terms_compare"] = [c for c in st.session_state["terms_compare"] if c in compare_options]
    with compare_col:
        compare = st.multiselect(t("terms.compare"), compare_options, key="terms_compare", max_selections=5,
                                 disabled=not term, placeholder=t("terms.compare_placeholder"))
    app.to_url("compare", compare, [], app.join_list)
    if not term:
        return

    st.header(t("terms.open_title", term=markup.md(term)), divider="gray")
    entry = glossary.by_term_of(entries).get(term)
    if entry:
        st.markdown(f"**{markup.md(t('glossary.in_glossary'))}** · {markup.md(glossary.pinyin_of(entry))} · "
                    f"*{markup.md(glossaryviews.english_line(entry, lang))}*  \n{markup.md(entry.explain(lang))}")
    rows = terms.kwic(ds, term, f)
    if rows.empty:
        st.info(t("terms.no_hits", term=term))
        return
    st.markdown(markup.md(t("terms.open_counts", **terms.hit_counts(rows))))
    if not terms.is_counted(table, term):
        st.caption(t("terms.not_counted"))

    st.subheader(t("terms.kwic_heading"))
    st.markdown(termviews.kwic_html(rows, lambda p: app.link(view, "reader", para=p, search=term), lang, entries),
                unsafe_allow_html=True)
    st.caption(t("terms.kwic_note"))
    st.download_button(t("terms.download_kwic"), downloads.csv_bytes(rows),
                       file_name=f"kwic_{view.doc_id}.csv", mime="text/csv", icon=":material/download:")

    st.subheader(t("terms.dispersion_heading"))
    st.plotly_chart(termviews.dispersion_figure(ds, [term, *compare], f, lang), config=charts.CONFIG, width="stretch",
                    key="terms_dispersion")

    st.subheader(t("terms.neighbours_heading"))
    w_lo, w_default, w_hi = WINDOW_RANGE
    app.from_url("terms_window", w_default, app.parse_int(w_lo, w_hi), param="window")
    window = st.slider(t("terms.window"), w_lo, w_hi, step=1, key="terms_window", width=360)
    app.to_url("window", window, w_default)
    near = terms.neighbours(ds, term, f, window)
    if near.empty:
        st.info(t("terms.no_neighbours"))
    else:
        st.dataframe(near, hide_index=True, width=760, row_height=ROW, height=app.frame_height(near, ROW, HEAD, 440),
                     column_config={
                         "neighbour": t("terms.col_neighbour"),
                         "left": st.column_config.NumberColumn(t("terms.col_left"), width="small"),
                         "right": st.column_config.NumberColumn(t("terms.col_right"), width="small"),
                         "together": st.column_config.NumberColumn(t("terms.col_together"), width="small"),
                         "count": st.column_config.NumberColumn(t("terms.col_total"), width="small"),
                         "share": st.column_config.ProgressColumn(t("terms.col_share"), min_value=0.0,
                                                                  max_value=1.0, format="percent"),
                     })
        st.caption(t("terms.neighbours_note", window=window, term=term))


def slides_section() -> None:
    if table.empty:
        st.info(t("terms.no_terms"))
        return
    app.from_url("terms_shape", "treemap", app.parse_choice(SHAPES), param="shape")
    shape = st.segmented_control(t("terms.shape"), SHAPES, key="terms_shape", required=True,
                                 format_func=lambda s: t(f"terms.shape_{s}"))
    app.to_url("shape", shape, "treemap")
    if shape == "cloud":
        st.plotly_chart(termviews.word_cloud(table, top, lang), config=charts.CONFIG, width="stretch", key="terms_cloud")
    else:
        st.plotly_chart(termviews.treemap(table, top, lang), config=charts.CONFIG, width="stretch", key="terms_treemap")


@st.cache_data(show_spinner=False, max_entries=32)
def keyword_table(text: str, lexicon_key: str, tier: str, pos: str, min_len: int, exclude: tuple, top: int,
                  _lexicon):
    """Keywords of one text under one set of filters (computed once, on demand)."""
    return terms.keywords(text, _lexicon, terms.Filters(tier=tier, pos=pos, min_len=min_len, exclude=exclude), top)


def keywords_section() -> None:
    st.subheader(t("terms.keywords_heading"))
    with st.spinner(t("terms.keywords_wait")):
        found = keyword_table(terms.selected_text(ds, f), view.lexicon.key, f.tier, f.pos, f.min_len, f.exclude,
                              top, view.lexicon)
    if found.empty:
        st.info(t("terms.no_keywords"))
    else:
        st.dataframe(found, hide_index=True, width=1100, row_height=ROW,
                     height=app.frame_height(found, ROW, HEAD, HEAD + ROW * TOP_RANGE[2]),
                     column_config={
                         "rank": st.column_config.NumberColumn("#", width="small"),
                         "tfidf": t("terms.col_tfidf"),
                         "tfidf_weight": st.column_config.NumberColumn(t("terms.col_weight"), format="%.3f"),
                         "textrank": t("terms.col_textrank"),
                         "textrank_weight": st.column_config.NumberColumn(t("terms.col_weight"), format="%.3f"),
                     })
        st.caption(t("terms.keywords_both", words=t("terms.sep").join(terms.keyword_overlap(found)) or "—"))
    st.caption(t("terms.keywords_note"))

    st.subheader(t("terms.ngrams_heading"))
    app.from_url("terms_ngram", 2, app.parse_int(2, 4), param="n")
    n = st.segmented_control(t("terms.ngram_n"), [2, 3, 4], key="terms_ngram", required=True)
    app.to_url("n", n, 2)
    grams = terms.ngrams(ds, f, n)
    if grams.empty:
        st.info(t("terms.no_ngrams", n=n))
    else:
        st.dataframe(grams, hide_index=True, width=760, row_height=ROW, height=app.frame_height(grams, ROW, HEAD, 580),
                     column_config={"ngram": t("terms.col_ngram"),
                                    "count": st.column_config.NumberColumn(t("terms.col_count"), width="small"),
                                    "paragraphs": st.column_config.NumberColumn(t("terms.col_paragraphs"),
                                                                                width="small")})
    st.caption(t("terms.ngrams_note"))


def speakers_section() -> None:
    people = terms.speakers(ds)
    if not people:
        st.info(t("terms.no_speaker"))
        return
    if len(people) == 1:
        st.info(t("terms.one_speaker", name=termviews.speaker_label(ds, people[0], lang)))
        return
    frame = terms.speaker_terms(ds, terms.without_framing(f, view.lexicon), SPEAKER_TOP, entries)
    if frame.empty:
        st.info(t("terms.no_terms"))
        return
    st.plotly_chart(termviews.speaker_chart(frame, ds, lang), config=charts.CONFIG, width="stretch",
                    key="terms_speakers")
    st.caption(t("terms.speakers_note", n=SPEAKER_TOP))


{"counts": counts_section, "slides": slides_section, "keywords": keywords_section,
 "speakers": speakers_section}[section]()
