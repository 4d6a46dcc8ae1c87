"""Terms (词频): term counts, slides, keywords and collocations, speakers
compared, and the glossary. Layout only: the content comes from
studyboard.analysis.terms and studyboard.analysis.glossary, drawn by
studyboard.views.termviews and studyboard.views.glossaryviews."""

import streamlit as st

from studyboard.ui import app, params, url
from studyboard.views import charts, downloads, glossaryviews, markup, termviews
from studyboard.analysis import glossary, occurrences, terms

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
# The page reruns alone on its own widgets and chart clicks (app.part): the sidebar and the navigation
# are not run or sent again (bench/NOTES.md).


@app.part
def terms_page() -> None:
    ds, lang, t = view.dataset, view.lang, view.t
    entries = glossary.load()

    st.title(t("terms.title"))

    section = url.choice("section", SECTIONS, "counts", key="terms_section").bind(
        st.segmented_control, t("terms.section"), SECTIONS, required=True, format_func=lambda s: t(f"terms.section_{s}"),
        label_visibility="collapsed")

    def glossary_section() -> None:
        st.caption(t("glossary.intro"))
        kept = terms.sentence_texts(ds, terms.Filters(themes=view.themes, mode=view.mode))
        found = glossary.counts(entries, kept, occurrences.for_dataset(ds))
        counts = {term: o.count for term, o in found.items()}
        search_col, only_col, pick_col = st.columns([2, 1, 2], vertical_alignment="bottom")
        query = url.text("q", key="glossary_query", clean=str.strip).bind(
            search_col.text_input, t("glossary.search"), max_chars=60, placeholder=t("glossary.search_placeholder"))
        only = url.flag("only", True, key="glossary_only").bind(only_col.toggle, t("glossary.only_document"))
        shown = glossary.in_document(entries, counts, only)
        frame = glossaryviews.in_language(glossary.search(glossary.table(shown, counts, glossary.nested_of(found)), shown, query), lang)
        names = list(frame["term"])
        entry_param = url.choice("entry", names, None, key="glossary_entry")
        entry_param.seed()
        if st.session_state.get(entry_param.key) not in names:
            st.session_state[entry_param.key] = None
        pick_col.selectbox(t("glossary.details"), names, key=entry_param.key, placeholder=t("glossary.details_placeholder"),
                       on_change=url.widget_changed)
        chosen = entry_param.write(entry_param.value())
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
        caption = t("glossary.count", shown=len(frame), total=len(entries)) + " " + t("counts.glossary_note")
        if view.themes:
            caption += " " + t("glossary.counted_in_themes")
        st.caption(caption)
        if frame.empty:
            st.info(t("glossary.none_found", query=markup.md(query[:60])) if query else t("glossary.none_in_document"))
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

    # the switch drops the policy tier's stopwords too: ?tier=policy (any other tier in the URL is ignored)
    function_tier, policy_tier = terms.STOPWORD_TIERS
    drop_policy = url.Param("tier", "terms_drop_policy", False, lambda v: True if v == policy_tier else None,
                            lambda on: policy_tier if on else function_tier).bind(
        row[0].toggle, t("terms.drop_policy", examples=t("terms.sep").join(terms.policy_examples(ds))),
        help=t("terms.drop_policy_help"))
    tier = policy_tier if drop_policy else function_tier

    pos = url.choice("pos", terms.POS_GROUPS, "all", key="terms_pos").bind(
        row[1].segmented_control, t("terms.pos"), terms.POS_GROUPS, required=True,
        format_func=lambda g: t(f"terms.pos_{g}"), help=t("terms.pos_help"))

    speaker_param = url.choice("speaker", speaker_choices, terms.EVERYONE, key="terms_speaker")
    speaker_param.seed()
    if st.session_state.get(speaker_param.key) not in speaker_choices:
        st.session_state[speaker_param.key] = terms.EVERYONE
    row[2].segmented_control(t("terms.speaker"), speaker_choices, key=speaker_param.key, required=True,
                             format_func=lambda s: termviews.speaker_label(ds, s, lang), on_change=url.widget_changed)
    speaker = speaker_param.write(speaker_param.value())

    min_len = url.integer("minlen", len_lo, len_hi, default_len, key="terms_min_len").bind(
        row[3].number_input, t("terms.min_len"), len_lo, len_hi, step=1)
    top = url.integer("top", lo, hi, default_top, key="terms_top").bind(row[4].slider, t("terms.top"), lo, hi, step=1)
    # the words as typed stay in the box; the URL has them once each, comma-separated
    excluded = url.text("exclude", key="terms_exclude",
                        clean=lambda v: params.join_terms(params.parse_terms(v, MAX_EXCLUSIONS))).bind(
        row[5].text_input, t("terms.exclude"), max_chars=400, placeholder=t("terms.exclude_placeholder"))
    exclude = params.parse_terms(excluded, MAX_EXCLUSIONS)

    f = terms.Filters(tier=tier, themes=view.themes, mode=view.mode, speaker=speaker, pos=pos,
                      min_len=int(min_len), exclude=exclude)

    def made(name: str, key, make):
        """A table, figure or block of this page made once per dataset, lexicon, glossary, filters and ``key``
        and shared (app.cached): a click that changes one part does not recompute the others."""
        return app.cached(view, f"terms/{name}", (f, app.glossary_stamp(), key), make)

    def counted():
        counts = terms.term_table(ds, f, entries)
        return counts, terms.summary(ds, f, counts)

    table, numbers = made("table", None, counted)
    caption = t("terms.caption", **numbers)
    if view.themes:
        names = t("terms.sep").join(view.theme_name(i) for i in view.themes)
        caption += " " + t("terms.caption_themes", themes=names, mode=t(f"app.mode_{view.mode}"))
    st.caption(caption)

    if numbers["sentences"] == 0:
        st.info(t("terms.no_sentences"))
        st.stop()

    #: The open term; the bar chart's click may change it between seeding and drawing.
    term_param = url.text("term", None, key="terms_term", clean=lambda v: v if terms.is_term(ds, v) else None)

    def counts_section() -> None:
        clicked = None
        term_param.seed()
        if table.empty:
            st.info(t("terms.no_terms"))
        else:
            chart_col, table_col = st.columns([3, 2])
            with chart_col:
                opened = st.session_state.get("terms_term")
                bars = made("bars", (top, lang, opened), lambda: termviews.bar_chart(table, top, lang, opened))
                event = st.plotly_chart(bars, config=charts.CONFIG, width="stretch",
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
                st.download_button(t("terms.download_counts"), made("counts_csv", None, lambda: downloads.csv_bytes(table)),
                                   file_name=f"terms_{view.doc_id}.csv", mime="text/csv", icon=":material/download:")
        open_term_section(clicked)

    def open_term_section(clicked: str | None) -> None:
        if clicked:  # a click on a bar is newer than the address
            st.session_state[term_param.key] = clicked
        current = st.session_state.get(term_param.key)
        options = terms.open_options(table, ds, current)
        if current not in options:
            st.session_state[term_param.key] = None
        pick_col, compare_col = st.columns([1, 2])
        pick_col.selectbox(t("terms.open"), options, key=term_param.key, placeholder=t("terms.open_placeholder"),
                       on_change=url.widget_changed)
        term = term_param.write(term_param.value())
        compare_options = [o for o in options if o != term]
        compare_param = url.choices("compare", compare_options, key="terms_compare")
        compare_param.seed()
        st.session_state[compare_param.key] = [c for c in st.session_state[compare_param.key] if c in compare_options]
        compare = compare_col.multiselect(t("terms.compare"), compare_options, key=compare_param.key, max_selections=5,
                                          disabled=not term, placeholder=t("terms.compare_placeholder"), on_change=url.widget_changed)
        compare_param.write(compare)  # in the order they were picked
        if not term:
            return

        st.header(t("terms.open_title", term=markup.md(term)), divider="gray")
        entry = glossary.by_term_of(entries).get(term)
        if entry:
            st.markdown(f"**{markup.md(t('glossary.in_glossary'))}** · {markup.md(glossary.pinyin_of(entry))} · "
                        f"*{markup.md(glossaryviews.english_line(entry, lang))}*  \n{markup.md(entry.explain(lang))}")
        else:
            st.caption(t("terms.pinyin", pinyin=markup.md(glossary.term_pinyin(term, entries))))
        rows = made("kwic", term, lambda: terms.kwic(ds, term, f))
        if rows.empty:
            st.info(t("terms.no_hits", term=markup.md(term)))
            return
        st.markdown(markup.md(t("terms.open_counts", **made("occurrences", term, lambda: terms.term_occurrences(
            ds, term, f, occurrences.for_dataset(ds, entries))))))
        if not terms.is_counted(table, term):
            st.caption(t("terms.not_counted"))

        st.subheader(t("terms.kwic_heading"))
        st.markdown(made("kwic_html", (term, lang, app.shared_params(view)), lambda: termviews.kwic_html(
            rows, lambda p: app.link(view, "reader", para=p, search=term), lang, entries)), unsafe_allow_html=True)
        st.caption(t("terms.kwic_note"))
        st.download_button(t("terms.download_kwic"), made("kwic_csv", term, lambda: downloads.csv_bytes(rows)),
                           file_name=f"kwic_{view.doc_id}.csv", mime="text/csv", icon=":material/download:")

        st.subheader(t("terms.dispersion_heading"))
        st.plotly_chart(made("dispersion", (term, tuple(compare), lang),
                             lambda: termviews.dispersion_figure(ds, [term, *compare], f, lang)),
                        config=charts.CONFIG, width="stretch", key="terms_dispersion")

        st.subheader(t("terms.neighbours_heading"))
        w_lo, w_default, w_hi = WINDOW_RANGE
        window = url.integer("window", w_lo, w_hi, w_default, key="terms_window").bind(
            st.slider, t("terms.window"), w_lo, w_hi, step=1, width=360)
        near = made("neighbours", (term, window), lambda: terms.neighbours(ds, term, f, window))
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
            st.caption(t("terms.neighbours_note", window=window, term=markup.md(term)))

    def slides_section() -> None:
        if table.empty:
            st.info(t("terms.no_terms"))
            return
        shape = url.choice("shape", SHAPES, "treemap", key="terms_shape").bind(
            st.segmented_control, t("terms.shape"), SHAPES, required=True, format_func=lambda s: t(f"terms.shape_{s}"))
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
            st.caption(t("terms.keywords_both", words=markup.md(t("terms.sep").join(terms.keyword_overlap(found))) or "—"))
        st.caption(t("terms.keywords_note"))

        st.subheader(t("terms.ngrams_heading"))
        n = url.integer("n", 2, 4, 2, key="terms_ngram").bind(st.segmented_control, t("terms.ngram_n"), [2, 3, 4],
                                                              required=True)
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


terms_page()
