"""Compare (对比): formulations and phrases new or dropped between two documents,
themes and provinces side by side, distinguishing and shared terms, and the
trend of chosen terms across every document by date."""

import streamlit as st

from studyboard.ui import app, library_ui, params, url
from studyboard.views import charts, markup
from studyboard.views import comparisonviews as cv
from studyboard.analysis import comparison, glossary, occurrences

CARDS = 8  # change cards shown before the rest go into a table
TREND_TERMS, TREND_TERM_CHARS = 8, 20  # at most 8 terms in the trend, each at most 20 characters

view = app.view()
st.title(view.t("comparison.title"))
st.caption(view.t("comparison.intro"))

entries = comparison.by_date(app.catalog())
ids = [e.id for e in entries]
labels = {e.id: cv.doc_label(e.title or e.id, e.date, width=28) for e in entries}
short = {e.id: cv.doc_label(e.title or e.id, e.date) for e in entries}
default = comparison.default_selection(ids, view.doc_id)

# --- which documents ---------------------------------------------------------------
chosen = url.choices("docs", ids, default, key="cmp_docs").bind(
    st.multiselect, view.t("comparison.documents"), ids, format_func=labels.get, max_selections=6)

if len(ids) < 2:
    st.info(view.t("comparison.only_one"))
    st.page_link(app.page_path("library"), label=view.t("page.library"), icon=":material/library_books:",
                 query_params=app.shared_params(view))
elif len(chosen) < 2:
    st.info(view.t("comparison.need_two"))
else:
    data = library_ui.datasets_for(chosen)
    present = [i for i in chosen if i in data]
    pair = (url.choice("earlier", present, present[-2], key="cmp_earlier"),
            url.choice("later", present, present[-1], key="cmp_later"))
    for param in pair:
        param.seed()
        if st.session_state[param.key] not in present:  # a document no longer chosen
            st.session_state[param.key] = param.default
    left, right = st.columns(2)
    left.selectbox(view.t("comparison.earlier"), present, key=pair[0].key, format_func=labels.get, on_change=url.widget_changed)
    right.selectbox(view.t("comparison.later"), present, key=pair[1].key, format_func=labels.get, on_change=url.widget_changed)
    earlier_id, later_id = (param.write(param.value()) for param in pair)
    earlier, later = data[earlier_id], data[later_id]
    st.markdown(cv.cards_style(), unsafe_allow_html=True)
    # what is worked out for a pair (or the set) of documents is made once and shared (app.cached): the
    # datasets' own keys name it, with the labels, language and filters its figures show
    later_key = app.dataset_key(later)
    shown_keys = tuple((i, app.dataset_key(data[i])) for i in present)
    names = tuple(short[i] for i in present)

    def for_pair(name, key, make):
        return app.cached(view, f"compare/{name}", (earlier_id, later_id, later_key, key), make, ds=earlier)

    colors = cv.doc_colors(present)  # as in the charts below

    def cards(items, ds, column, doc_id, label):
        """Change cards for the first items (``label``: what their count counts), the rest in a table below."""
        if not len(items):
            st.caption(view.t("comparison.none"))
            return
        shown, rest = items.head(CARDS), items.iloc[CARDS:]
        st.markdown(cv.change_cards_html(shown, ds, column, label,
                                         lambda paragraph: app.link(view, "reader", doc=doc_id, para=paragraph),
                                         colors[doc_id]),
                    unsafe_allow_html=True)
        if len(rest):
            with st.expander(view.t("comparison.more_cards", n=len(rest))):
                st.dataframe(rest, column_order=[column, "count"], hide_index=True,
                             height=app.frame_height(rest, most=400), key=f"cmp_rest_{column}_{doc_id}",
                             column_config={column: st.column_config.TextColumn(view.t("comparison.col_term")),
                                            "count": st.column_config.NumberColumn(label)})

    if earlier_id == later_id:
        st.warning(view.t("comparison.same_pair"))
    else:
        def new_and_dropped(new, dropped, column, label):
            """What the later document has new (left) and what it dropped (right)."""
            left, right = st.columns(2, gap="large")
            with left:
                st.markdown(f"#### {markup.md(view.t('comparison.new_in', doc=short[later_id]))}")
                cards(new, later, column, later_id, label)
            with right:
                st.markdown(f"#### {markup.md(view.t('comparison.dropped_from', doc=short[earlier_id]))}")
                cards(dropped, earlier, column, earlier_id, label)

        # formulations
        st.header(view.t("comparison.formulations"))
        st.caption(view.t("comparison.formulations_help") + " " + view.t("counts.occurrence_note"))
        changes = for_pair("formulations", app.glossary_stamp(),
                           lambda: comparison.formulation_changes(earlier, later, glossary.load()))
        new_and_dropped(*comparison.split_changes(changes), "term", view.t("counts.occurrences"))
        st.caption(view.t("comparison.kept", n=comparison.kept_count(changes)))

        # phrases
        st.header(view.t("comparison.phrases"))
        st.caption(view.t("comparison.phrases_help") + " " + view.t("counts.token_note"))
        new_and_dropped(*for_pair("phrases", None, lambda: comparison.phrase_changes(earlier, later, view.lexicon)),
                        "phrase", view.t("counts.tokens"))

    # side by side, every chosen document
    datasets = [data[i] for i in present]
    st.header(view.t("comparison.themes"))
    themes_figure = app.cached(view, "compare/themes", (shown_keys, names, view.themes, view.lang), lambda: cv.theme_figure(
        comparison.theme_profile(datasets, view.themes or None), short, charts.theme_names(view.dataset, view.lang),
        charts.theme_colors(view.dataset), None, view.t("comparison.themes_axis")))
    st.plotly_chart(themes_figure, config=charts.CONFIG, width="stretch", key="cmp_themes")
    st.header(view.t("comparison.provinces"))
    provinces_figure = app.cached(view, "compare/provinces", (shown_keys, names, view.lang), lambda: cv.province_figure(
        comparison.province_profile(datasets, view.lexicon), short, view.lexicon, view.lang, None,
        view.t("comparison.provinces_axis")))
    st.plotly_chart(provinces_figure, config=charts.CONFIG, width="stretch", key="cmp_provinces")

    if earlier_id != later_id:
        # keyness
        st.header(view.t("comparison.keyness"))
        st.caption(view.t("comparison.keyness_help") + " " + view.t("counts.token_note"))
        table = for_pair("keyness", None, lambda: comparison.keyness(earlier, later))
        favour_a, favour_b = comparison.distinguishing(table, "a"), comparison.distinguishing(table, "b")
        if len(favour_a) or len(favour_b):
            pair_names = (short[earlier_id], short[later_id], colors[earlier_id], colors[later_id])
            st.plotly_chart(for_pair("keyness_figure", (pair_names, view.lang), lambda: cv.keyness_figure(
                                table, short[earlier_id], short[later_id], None, view.t("comparison.keyness_axis"),
                                colors=(colors[earlier_id], colors[later_id]))),
                            config=charts.CONFIG, width="stretch", key="cmp_keyness")
        else:
            st.info(view.t("comparison.keyness_none"))
        columns = {
            "term": st.column_config.TextColumn(view.t("comparison.col_term")),
            "a": st.column_config.NumberColumn(view.t("comparison.col_earlier"), format="%d"),
            "b": st.column_config.NumberColumn(view.t("comparison.col_later"), format="%d"),
            "ll": st.column_config.NumberColumn(view.t("comparison.col_ll"), format="%.2f"),
            "log_ratio": st.column_config.NumberColumn(view.t("comparison.col_lr"), format="%+.2f"),
            "stars": st.column_config.TextColumn(view.t("comparison.col_sig")),
        }
        order = ["term", "a", "b", "ll", "log_ratio", "stars"]
        left, right = st.columns(2, gap="large")
        for column, part, doc_id in ((left, favour_a, earlier_id), (right, favour_b, later_id)):
            with column:
                st.markdown(f"**{markup.md(view.t('comparison.more_in', doc=short[doc_id]))}**")
                if len(part):
                    st.dataframe(part, column_order=order, column_config=columns, hide_index=True,
                                 height=app.frame_height(part, most=420), key=f"cmp_key_{doc_id}")
                else:
                    st.caption(view.t("comparison.none"))

        # shared
        st.header(view.t("comparison.shared"))
        shared = for_pair("shared", 20, lambda: comparison.shared_terms(earlier, later, top=20))
        left, _ = st.columns(2, gap="large")
        left.dataframe(shared, hide_index=True, key="cmp_shared", column_order=["term", "a", "b"],
                       column_config=columns, height=app.frame_height(shared, most=740))

# --- trend across every document ------------------------------------------------------
st.header(view.t("comparison.trend"))
st.caption(view.t("comparison.trend_help") + " " + view.t("counts.occurrence_note"))
trend_default = comparison.default_trend_terms(view.dataset)
trend_param = url.Param("trend", "cmp_trend", trend_default,
                        lambda v: list(params.parse_terms(v, TREND_TERMS, TREND_TERM_CHARS)), params.join_terms)
trend_param.seed()
options = comparison.trend_options(view.lexicon, st.session_state[trend_param.key])
st.multiselect(view.t("comparison.trend_terms"), options, key=trend_param.key, accept_new_options=True,
               max_selections=TREND_TERMS, placeholder=view.t("comparison.trend_placeholder"), on_change=url.widget_changed)
terms = trend_param.write(trend_param.value())
if not terms:
    st.info(view.t("comparison.trend_pick"))
else:
    trend, skipped = library_ui.trend(terms, view.t("comparison.trend_reading"),
                                      occurrences.longer_terms(view.lexicon, glossary.load()))
    if len(trend):
        content = comparison.frame_digest(trend)  # the figure is made once per trend table and language
        st.plotly_chart(app.cached(view, "compare/trend", (content, view.lang),
                                   lambda: cv.trend_figure(trend, None, view.t("comparison.trend_axis"), view.lang)),
                        config=charts.CONFIG, width="stretch", key="cmp_trend_chart")
    else:
        st.info(view.t("comparison.trend_none"))
    if skipped:
        st.caption(view.t("comparison.trend_skipped", n=len(skipped)))
