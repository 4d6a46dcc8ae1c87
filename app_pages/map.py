"""Provinces (省份): where the report names the six central provinces.

A choropleth of direct mentions (or of the related layer of regional
groupings), the same counts as bars, the sentences that mention a chosen
province, and a table of every mention with its CSV. Layer, kinds, measure
and the chosen province live in the URL (?layer=…&kinds=…&measure=…&province=…).
"""

import streamlit as st

from studyboard.ui import app, params, url
from studyboard.views import charts, downloads, geo, labels, markup
from studyboard.views import placeviews as pv
from studyboard.analysis import places

MAP_KEY = "map_chart"
BAR_KEY = "map_bars"

view = app.view()
# The page reruns alone on its own widgets and chart clicks (app.part): the sidebar and the navigation
# are not run or sent again (bench/NOTES.md).


@app.part
def map_page() -> None:
    ds, lex, lang = view.dataset, view.lexicon, view.lang
    adcodes = [p.adcode for p in lex.provinces]

    # --- view state: the URL first, then a click on the map or the bars -----------
    layer_param = url.choice("layer", places.LAYERS, "direct", key="map_layer")
    # no kind or none that is valid in the URL: the address is ignored (an empty choice is not written)
    kinds_param = url.Param("kinds", "map_kinds", list(places.DIRECT_KINDS),
                            lambda v: params.parse_list(places.DIRECT_KINDS)(v) or None, params.join_list)
    measure_param = url.choice("measure", pv.MEASURES, "count", key="map_measure")
    province_param = url.Param("province", "map_province", None, lambda v: places.parse_province(v, lex))
    province_param.seed()
    if st.session_state["map_province"] not in adcodes:
        st.session_state["map_province"] = None
    for chart_key in (MAP_KEY, BAR_KEY):
        seen, chosen = pv.track_selection(st.session_state.get(chart_key), st.session_state.get(f"_seen_{chart_key}"),
                                          adcodes)
        st.session_state[f"_seen_{chart_key}"] = seen
        if chosen:
            st.session_state["map_province"] = chosen

    st.header(view.t("map.heading"))
    st.caption(view.t("map.intro"))

    c_layer, c_kinds, c_measure = st.columns([3, 4, 3])
    layer = layer_param.bind(c_layer.segmented_control, view.t("map.layer"), list(places.LAYERS), required=True,
                             format_func=lambda v: view.t(f"map.layer.{v}"))
    kinds_param.seed()
    c_kinds.pills(view.t("map.kinds"), list(places.DIRECT_KINDS), selection_mode="multi", key=kinds_param.key,
                  format_func=lambda v: view.t(f"map.kind.{v}"), disabled=layer == "related", on_change=url.widget_changed)
    kinds = tuple(k for k in places.DIRECT_KINDS if k in (st.session_state.get(kinds_param.key) or []))
    kinds_param.write(list(kinds))
    measure = measure_param.bind(c_measure.segmented_control, view.t("map.values"), list(pv.MEASURES), required=True,
                                 format_func=lambda v: view.t(f"map.values.{v}"))
    selected = st.session_state["map_province"] or None

    st.caption(markup.md(pv.scope_text(ds, lex, view.themes, view.mode, lang)))

    scope = dict(layer=layer, kinds=kinds, themes=view.themes, mode=view.mode)

    def made(name: str, key, make):
        """A table or figure of this view made once per dataset, lexicon, language, layer, kinds, theme
        filter and ``key`` and shared (app.cached): switching back to a view costs no recomputing."""
        return app.cached(view, f"map/{name}", (lang, layer, kinds, view.themes, view.mode, key), make)

    counts, parts = made("counts", None, lambda: pv.map_counts(ds, lex, **scope, lang=lang))
    title = pv.chart_title(layer, measure, lex, view.themes, view.mode, lang)
    shapes = geo.province_shapes(lex)

    if layer == "direct" and not kinds:
        st.warning(view.t("map.no_kinds"))
    elif message := pv.empty_message(counts, layer, view.themes, lang):
        st.info(message)

    left, right = st.columns([11, 9], gap="large")
    with left:
        if shapes:
            def map_figure():
                meeting = places.meeting_place(ds, lex)
                cities = (pv.map_cities(ds, lex, kinds=kinds, themes=view.themes, mode=view.mode, lang=lang)
                          if layer == "direct" else None)
                return pv.map_figure(counts, shapes, layer=layer, measure=measure, lang=lang, cities=cities,
                                     meeting=meeting, selected=selected, title=title, city_outlines=geo.city_shapes(lex))

            fig = made("map", (measure, selected), map_figure)
            st.plotly_chart(fig, config=pv.CONFIG, width="stretch", key=MAP_KEY, on_select="rerun",
                            selection_mode="points")
        else:
            st.info(view.t("map.no_geometry"))
        note = pv.meeting_note(ds, lex, lang)
        st.caption(markup.md(note) + ("  \n" if note else "") + markup.md(view.t("map.source")))

    with right:
        bars = made("bars", (measure, selected), lambda: pv.bar_figure(counts, parts, layer=layer, measure=measure,
                                                                        lang=lang, selected=selected,
                                                                        title=view.t("map.bars")))
        st.plotly_chart(bars, config=charts.CONFIG, width="stretch", key=BAR_KEY, on_select="rerun",
                        selection_mode="points")
        st.pills(view.t("map.province"), adcodes, key="map_province",
                 format_func=lambda a: labels.province_name(lex, a, lang), on_change=url.widget_changed)
        province_param.write(province_param.value())
        if selected:
            found = places.sentence_mentions(ds, selected, layer, kinds, view.themes, view.mode)
            st.markdown(f"**{pv.sentences_heading(found, selected, lex, lang)}**")
            if not found.empty:
                st.markdown(pv.mentions_html(found, lambda para: app.link(view, "reader", para=para), layer, lang),
                            unsafe_allow_html=True)
        else:
            st.caption(view.t("map.choose_hint"))

    st.subheader(view.t("map.table"))
    table = made("table", None, lambda: pv.mention_table(ds, lex, **scope, lang=lang))
    if table.empty:
        st.caption(view.t("map.table_empty"))
    else:
        st.dataframe(table, hide_index=True, width="stretch", height=pv.table_height(table),
                     column_config={view.t("map.col.context"): st.column_config.TextColumn(width="large")})
        st.download_button(view.t("map.download"), downloads.csv_bytes(table), file_name=f"{view.doc_id}_{layer}_mentions.csv",
                           mime="text/csv", key="map_download", icon=":material/download:")


map_page()
