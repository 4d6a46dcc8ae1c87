"""Themes (主题): where the themes occur, who carries them, which go together,
and the theme lexicon with its editor.

View state in the URL: the shared doc/themes/mode/lang, and metric (hits or
density), para (the paragraph read sentence by sentence), level (the heading
level of the section × theme grid, in a text with sections), unit (sentences
or paragraphs for the co-occurrence matrix).
"""

import streamlit as st

from studyboard.analysis import reading, theme_scores
from studyboard.ui import app, themes_ui, url
from studyboard.views import charts, reader, themeviews

view = app.view()
lang = view.lang
saved = view.dataset
numbers = reading.paragraph_numbers(saved)

st.markdown(themeviews.CSS, unsafe_allow_html=True)
st.header(view.t("page.themes"))
st.caption(view.t("themes.intro"))
if st.session_state.pop("themes_saved_flash", False):
    st.success(view.t("themes.saved"))

charts_area = st.container()

# --- the lexicon and its editor (read first: the charts show an edit at once) ---------------
st.subheader(view.t("themes.lexicon"))
st.markdown(themeviews.summary_html(saved, lang), unsafe_allow_html=True)
st.markdown(f"**{view.t('themes.editor')}**")
st.caption(view.t("themes.editor_help"))
new_themes, changed = themes_ui.keyword_editor(view)

# --- the charts (of the edited lexicon while an edit is pending) ----------------------------
ds = themes_ui.charted_dataset(view, new_themes, changed)


def made(name: str, key, make):
    """A figure of this view, made once per dataset (the edited one while an edit is pending),
    language, theme filter and ``key`` and shared (app.cached)."""
    return app.cached(view, f"themes/{name}", (lang, view.themes, view.mode, key), make, ds=ds)


with charts_area:
    if ds.theme_hits.empty:
        st.info(view.t("themes.no_hits"))
        st.stop()
    para_param = url.integer("para", 1, len(numbers), numbers[0], key="themes_para")
    para_param.seed()
    if st.session_state["themes_para"] not in numbers:
        st.session_state["themes_para"] = numbers[0]
    metric = url.choice("metric", theme_scores.METRICS, "hits", key="themes_metric").bind(
        st.segmented_control, view.t("themes.metric"), list(theme_scores.METRICS), required=True,
        format_func=lambda m: view.t(f"themes.metric_{m}"))

    grid_col, sentence_col = st.columns(2, gap="large")
    with grid_col:
        para = st.session_state["themes_para"]
        # the numbers in the cells: for a short text only (a long one's thousands of them take the browser
        # seconds to lay out; its hover still gives them, bench/NOTES.md)
        fig = made("paragraphs", (metric, para), lambda: themeviews.paragraph_grid(
            ds, lang, metric=metric, themes=view.themes, dim_rows=reading.faint_paragraphs(ds, view.themes, view.mode),
            selected=(para, None), show_values=len(numbers) <= reading.PAGED_PARAGRAPHS))
        grid_gen = st.session_state.setdefault("themes_grid_gen", 0)
        event = st.plotly_chart(fig, config=charts.CONFIG, width="stretch", key=f"themes_grid_{grid_gen}",
                                on_select="rerun", selection_mode="points")
        picked = reading.pick(event, ds)
        if picked:
            st.session_state["themes_grid_gen"] = grid_gen + 1
            url.update_url(para=picked[0])
    with sentence_col:
        para_labels = reader.paragraph_labels(ds, lang, chars=18)
        st.selectbox(view.t("themes.para"), numbers, key="themes_para", format_func=para_labels.get,
                     help=view.t("themes.para_hint"), on_change=url.widget_changed)
        para = para_param.write(para_param.value())
        st.plotly_chart(made("sentences", (para, metric),
                             lambda: themeviews.sentence_grid(ds, para, lang, metric=metric, themes=view.themes)),
                        config=charts.CONFIG, width="stretch", key="themes_sentences")

    # --- section × theme: a text with sections --------------------------------------------
    levels = theme_scores.section_levels(ds)
    if levels:
        level_col, section_col = st.columns([1, 4], gap="large", vertical_alignment="top")
        with level_col:
            level = levels[0]
            if len(levels) == 1:
                url.to_url("level", None)  # nothing to choose
            else:
                examples = themeviews.level_examples(ds, lang)
                level = url.integer("level", levels[0], levels[-1], levels[0], key="themes_level").bind(
                    st.radio, view.t("themes.level"), levels,
                    format_func=lambda n: view.t("themes.level_option", n=n, example=examples[n]))
            st.caption(view.t("themes.section_caption"))
        with section_col:
            st.plotly_chart(made("sections", (level, metric), lambda: themeviews.section_grid(
                                ds, lang, level=level, metric=metric, themes=view.themes)),
                            config=charts.CONFIG, width="stretch", key="themes_sections")
    else:
        url.to_url("level", None)
        st.caption(view.t("themes.no_sections"))

    speaker_col, share_col = st.columns(2, gap="large")
    with speaker_col:
        st.plotly_chart(made("speakers", metric,
                             lambda: themeviews.speaker_grid(ds, lang, metric=metric, themes=view.themes)),
                        config=charts.CONFIG, width="stretch", key="themes_speakers")
    with share_col:
        st.plotly_chart(made("shares", None, lambda: themeviews.share_figure(ds, lang, themes=view.themes)),
                        config=charts.CONFIG, width="stretch", key="themes_shares")

    cooc_col, pairs_col = st.columns(2, gap="large")
    with pairs_col:
        unit = url.choice("unit", theme_scores.UNITS, "sentence", key="themes_unit").bind(
            st.segmented_control, view.t("themes.unit"), list(theme_scores.UNITS), required=True,
            format_func=lambda u: view.t(f"themes.unit_{u}"))
        pair = view.themes if len(view.themes) >= 2 else ()
        if len(view.themes) == 1:
            st.caption(view.t("themes.one_theme"))
        unit_name = view.t(f"themes.unit_{unit}")
        pairs = themeviews.pairs_table(ds, lang, unit, pair)
        st.caption(view.t("themes.cooc_note", unit=unit_name))
        if len(pairs):
            st.dataframe(pairs, hide_index=True, width="stretch")
        else:
            st.info(view.t("themes.no_pairs", unit=unit_name))
    with cooc_col:
        st.plotly_chart(made("cooccurrence", (unit, pair),
                             lambda: themeviews.cooccurrence_figure(ds, lang, unit=unit, themes=pair)),
                        config=charts.CONFIG, width="stretch", key="themes_cooc")
