"""The province map page's figures and text, in the UI language.

From the counts of :mod:`studyboard.analysis.places`:

* :func:`map_counts` and :func:`map_cities`: the counts with names, the
  breakdown by kind or grouping and city labels in the UI language;
* :func:`map_figure` and :func:`bar_figure`: the choropleth and the bars;
* :func:`selected_province` and :func:`track_selection`: a click on the map
  or the bars turned into a province;
* :func:`scope_text`, :func:`chart_title`, :func:`meeting_note`,
  :func:`empty_message`, :func:`sentences_heading`: captions and titles;
* :func:`mentions_html`: the sentences that mention a province, the mentions
  highlighted (template ``map_mentions.html``);
* :func:`mention_table`: every mention, with headers in the UI language.

The map is a plotly ``geo`` subplot drawn in SVG from ``data/geo``
(:mod:`studyboard.views.geo`): the province names and counts are SVG text in
the board's own font (MapLibre map traces would need a glyph server for
Latin text and hide labels that collide). plotly.js loads a base-map
topology for ``geo`` subplots even with every base layer switched off;
:data:`CONFIG` hands it an empty topology in a ``data:`` URL, so nothing is
fetched from anywhere.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

import pandas as pd
import plotly.graph_objects as go

from studyboard import i18n
from studyboard.analysis import filters, places
from studyboard.dataset.tables import Dataset
from studyboard.lexicon import Lexicon
from studyboard.views import charts, geo, markup
from studyboard.views.labels import province_name
from studyboard.views.templates import render

#: What the map and the bars show: mentions, or mentions per 1,000 characters.
MEASURES = ("count", "rate")

#: An empty TopoJSON topology, handed to plotly.js in place of its CDN's
#: world map (``topojsonURL`` gets "<name>.json" appended: after the "#" it
#: is a fragment, which a data: URL ignores).
_EMPTY_TOPOLOGY = 'data:application/json,{"type":"Topology","objects":{},"arcs":[]}#'

#: For st.plotly_chart(config=CONFIG) of the map: the board's chart config,
#: no base map from the network, no zooming by the mouse wheel (the page
#: scrolls over the map).
CONFIG = {**charts.CONFIG, "topojsonURL": _EMPTY_TOPOLOGY, "scrollZoom": False}

# Colours that mean something: red for direct mentions, blue for the related
# layer (both sequential, light to dark); a neutral grey for a province with
# no mention, which differs from the white of the land that is not counted.
# The scales start at a visible tint (at 0), so that even the smallest count
# stands out from the grey of "none" and the white around the map.
DIRECT_SCALE = charts.SEQUENTIAL[1:]
RELATED_SCALE = ["#C6DBEF", "#6BAED6", "#3182BD", "#08519C"]
ZERO_FILL = "#D9D9D9"
BORDER = "#5A5A5A"
SELECTED_BORDER = "#111111"
MENTION_KIND_COLORS = {"province": "#99000D", "city": "#EF3B2C", "official": "#FC9272"}
# Regional groupings are categories: cool colours (never the reds of direct
# mentions) that can be told apart.
RELATED_COLORS = ["#08519C", "#6BAED6", "#238B45", "#A1D99B", "#6A51A3", "#BCBDDC", "#41B6C4", "#225EA8"]
CITY_COLOR = "#333333"
INK_STRONG = "#1A1A1A"
MEETING_COLOR = "#F2B705"
MARK_COLORS = {"direct": "#FCBBA1", "related": "#C6DBEF"}
HOVER_WRAP = 24  # characters per line of a sentence in a hover box
#: A halo around map text (CSS text-shadow), so that it reads on any fill.
HALO_LIGHT = ("1px 1px 0 #FFFFFF, -1px -1px 0 #FFFFFF, 1px -1px 0 #FFFFFF, -1px 1px 0 #FFFFFF, "
              "0 0 3px #FFFFFF, 0 0 3px #FFFFFF")
HALO_DARK = "0 0 3px #000000, 0 0 2px #000000"
CITY_OUTLINE = "#333333"
MEETING_OUTLINE = "#E0A800"


# --- the counts, named ------------------------------------------------------------


def part_label(part: str, layer: str, lexicon: Lexicon, lang: str) -> str:
    """A kind of mention (direct layer) or a grouping (related layer) in the UI language."""
    if layer == "related":
        names = {r.name: (r.en or r.name) if lang == "en" else r.name for r in lexicon.regions}
        return names.get(part, part)
    return i18n.t(f"map.kind.{part}", lang)


def map_counts(ds: Dataset, lexicon: Lexicon, *, layer: str = "direct", kinds: Iterable[str] = places.DIRECT_KINDS,
               themes: Iterable[str] = (), mode: str = "any", lang: str = "zh") -> tuple[pd.DataFrame, pd.DataFrame]:
    """(counts, parts) of :func:`places.province_counts` and :func:`places.part_counts`, named.

    ``counts`` gains name (the province in the UI language) and breakdown
    (the count by kind or grouping, as text); ``parts`` gains label (the
    kind or grouping in the UI language).
    """
    scope = dict(layer=layer, kinds=tuple(kinds), themes=tuple(themes), mode=mode)
    parts = places.part_counts(ds, lexicon, **scope)
    parts = parts.assign(label=[part_label(p, layer, lexicon, lang) for p in parts["part"]])
    counts = places.province_counts(ds, lexicon, **scope)
    breakdown = {a: " · ".join(f"{label} {n}" for label, n in zip(group["label"], group["count"]))
                 for a, group in parts.groupby("adcode", sort=False)}
    counts = counts.assign(name=[province_name(lexicon, a, lang) for a in counts["adcode"]],
                           breakdown=[breakdown.get(a, "") for a in counts["adcode"]])
    return counts, parts


def map_cities(ds: Dataset, lexicon: Lexicon, *, kinds: Iterable[str] = places.DIRECT_KINDS,
               themes: Iterable[str] = (), mode: str = "any", lang: str = "zh") -> pd.DataFrame:
    """:func:`places.city_counts` with label (the short name in the UI language:
    Changsha in English) and province_name (its province in the UI language)."""
    cities = places.city_counts(ds, lexicon, kinds=kinds, themes=themes, mode=mode)
    return cities.assign(
        label=[(en or short) if lang == "en" else short for short, en in zip(cities["short"], cities["en"])],
        province_name=[province_name(lexicon, a, lang) for a in cities["province"]])


# --- captions ----------------------------------------------------------------------


def _theme_names(lexicon: Lexicon, themes: Iterable[str], lang: str) -> str:
    return (", " if lang == "en" else "、").join(lexicon.theme(t).name(lang) for t in themes)


def _scope_note(lexicon: Lexicon, themes: Iterable[str], mode: str, lang: str) -> str:
    themes = tuple(themes)
    if not themes:
        return ""
    key = "map.scope_all" if mode == "all" and len(themes) > 1 else "map.scope_themes"
    return i18n.t(key, lang, themes=_theme_names(lexicon, themes, lang))


def scope_text(ds: Dataset, lexicon: Lexicon, themes: Iterable[str] = (), mode: str = "any",
               lang: str = "zh") -> str:
    """What the counts are taken from, for a caption: the body or the sentences
    of the chosen themes, with its characters (the denominator of the rates)."""
    themes = tuple(themes)
    chosen = filters.theme_sentences(ds, themes, mode)
    if chosen is None:
        scope = i18n.t("map.scope_body", lang)
    else:
        key = "map.scope_sentences_all" if mode == "all" and len(themes) > 1 else "map.scope_sentences"
        scope = i18n.t(key, lang, n=len(chosen), themes=_theme_names(lexicon, themes, lang))
    return i18n.t("map.scope_caption", lang, scope=scope, chars=f"{places.scope_chars(ds, themes, mode):,}")


def meeting_note(ds: Dataset, lexicon: Lexicon, lang: str = "zh") -> str:
    """A caption on the meeting place ("" when the document gives none)."""
    text = str(ds.document.get("place") or "").strip()
    if not text:
        return ""
    if places.meeting_place(ds, lexicon) is None:
        return i18n.t("map.meeting_elsewhere", lang, place=text)
    return i18n.t("map.meeting_caption", lang, place=text)


def empty_message(counts: pd.DataFrame, layer: str, themes: Iterable[str] = (), lang: str = "zh") -> str:
    """The message for a layer with nothing to show ("" when something is counted)."""
    if int(counts["count"].sum()) > 0:
        return ""
    key = f"map.empty_{layer}" + ("_scope" if tuple(themes) else "")
    return i18n.t(key, lang)


def value_column(measure: str) -> str:
    return "rate" if measure == "rate" else "count"


def format_value(value: float, measure: str) -> str:
    return f"{value:.2f}" if measure == "rate" else str(int(value))


def chart_title(layer: str, measure: str, lexicon: Lexicon, themes: Iterable[str] = (),
                mode: str = "any", lang: str = "zh") -> str:
    """The title of the map and the bars: layer and measure, and the theme scope."""
    title = i18n.t(f"map.title.{layer}.{value_column(measure)}", lang)
    note = _scope_note(lexicon, themes, mode, lang)
    return f"{title} · {note}" if note else title


# --- the figures ------------------------------------------------------------------


def _wrap(text: str, width: int = HOVER_WRAP) -> str:
    """Escaped text for a plotly hover box, broken into lines of ``width`` characters."""
    return "<br>".join(markup.html(text[i:i + width]) for i in range(0, len(text), width)) or ""


def _hover(row, layer: str, measure: str, lang: str, meeting: dict | None) -> str:
    lines = [f"<b>{markup.html(row['name'])}</b>"
             + (f" {markup.html(row['short'])}" if lang == "en" and row["short"] != row["name"] else "")]
    key = "map.hover_count_parts" if row["breakdown"] else "map.hover_count"
    lines.append(i18n.t(key, lang, layer=i18n.t(f"map.layer.{layer}", lang), n=int(row["count"]),
                        parts=markup.html(row["breakdown"])))
    if measure == "rate":
        lines.append(i18n.t("map.hover_rate", lang, rate=f"{row['rate']:.2f}"))
    if meeting and meeting["province"] == row["adcode"]:
        lines.append(i18n.t("map.meeting_here", lang, place=markup.html(meeting["text"])))
    if row["first_text"]:
        lines.append(i18n.t("map.hover_first", lang, para=row["first_paragraph"]))
        lines.append(_wrap(row["first_text"]))
    else:
        lines.append(i18n.t("map.hover_none", lang))
    return "<br>".join(lines)


def _scale(layer: str) -> list[list]:
    colors = RELATED_SCALE if layer == "related" else DIRECT_SCALE
    return [[i / (len(colors) - 1), c] for i, c in enumerate(colors)]


def _is_dark(value: float, top: float) -> bool:
    """Whether a province's fill is dark enough to need white text."""
    return top > 0 and value / top > 0.6


def map_figure(counts: pd.DataFrame, shapes: dict[str, dict], *, layer: str = "direct",
               measure: str = "count", lang: str = "zh", cities: pd.DataFrame | None = None,
               meeting: dict | None = None, selected: str | None = None, title: str | None = None,
               height: int = 820, city_outlines: dict[str, dict] | None = None) -> go.Figure:
    """The choropleth of the provinces with names, counts, city markers and the meeting place.

    ``counts`` is the first of :func:`map_counts`; ``shapes`` is
    :func:`geo.province_shapes`; ``cities`` is :func:`map_cities`;
    ``meeting`` is :func:`places.meeting_place`; ``city_outlines``
    (:func:`geo.city_shapes`) outlines the named cities and, in gold, the
    meeting place's city.
    Provinces with a count are coloured on a sequential scale (red: direct,
    blue: related), those with none are grey; land that is not counted stays
    white. Every province carries its name and value; a click on a province
    (or on a city) selects it: the point has ``location`` (or ``customdata``)
    set to the province's adcode.
    """
    column = value_column(measure)
    counts = counts[counts["adcode"].isin(list(shapes))].reset_index(drop=True)
    drawn = geo.for_drawing(geo.collection([shapes[a] for a in counts["adcode"]]))
    feature_of = {f["properties"]["adcode"]: f for f in drawn["features"]}
    top = float(counts[column].max()) if len(counts) else 0.0
    traces = []
    hover = [_hover(row, layer, measure, lang, meeting) for _, row in counts.iterrows()]
    counts = counts.assign(hover=hover)
    positive = counts[counts["count"] > 0]
    zero = counts[counts["count"] == 0]

    def line_widths(frame):
        return [3.5 if a == selected else 1.0 for a in frame["adcode"]]

    def line_colors(frame):
        return [SELECTED_BORDER if a == selected else BORDER for a in frame["adcode"]]

    # the chosen province gets a heavy outline; the colours of the others stay
    # as they are (dimming them would make small counts look like none)
    common = dict(featureidkey="properties.adcode", hovertemplate="%{hovertext}<extra></extra>")
    if len(zero):
        traces.append(go.Choropleth(
            geojson=geo.collection([feature_of[a] for a in zero["adcode"]]), locations=list(zero["adcode"]),
            z=[0] * len(zero), zmin=0, zmax=1, colorscale=[[0, ZERO_FILL], [1, ZERO_FILL]], showscale=False,
            hovertext=list(zero["hover"]), name=i18n.t("map.legend_zero", lang), showlegend=False,
            marker=dict(line=dict(width=line_widths(zero), color=line_colors(zero))), **common))
    if len(positive):
        fmt = ".2f" if measure == "rate" else "d"
        traces.append(go.Choropleth(
            geojson=geo.collection([feature_of[a] for a in positive["adcode"]]),
            locations=list(positive["adcode"]), z=list(positive[column]), zmin=0, zmax=top,
            colorscale=_scale(layer), hovertext=list(positive["hover"]),
            name=i18n.t(f"map.layer.{layer}", lang), showlegend=False,
            marker=dict(line=dict(width=line_widths(positive), color=line_colors(positive))),
            colorbar=dict(title=dict(text=i18n.t(f"map.axis.{layer}.{column}", lang), side="top"),
                          tickformat=fmt, dtick=1 if measure == "count" and top <= 10 else None,
                          orientation="h", thickness=16, len=0.6, x=0.5, xanchor="center",
                          y=-0.01, yanchor="top", outlinewidth=0),
            **common))
    # grey key for "no mention" (a choropleth has no legend entry of its own)
    if len(zero):
        traces.append(go.Scattergeo(lon=[None], lat=[None], mode="markers", name=i18n.t("map.legend_zero", lang),
                                    marker=dict(symbol="square", size=18, color=ZERO_FILL,
                                                line=dict(color=BORDER, width=1)),
                                    hoverinfo="skip", showlegend=True))
    # the outlines of the named cities and of the meeting place's city
    outlined = [] if cities is None else list(cities["adcode"])
    if meeting and meeting["kind"] == "city" and meeting["adcode"] not in outlined:
        outlined.append(meeting["adcode"])
    outlined = [a for a in outlined if city_outlines and a in city_outlines]
    if outlined:
        is_meeting = [bool(meeting) and a == meeting["adcode"] for a in outlined]
        province_of = {a: city_outlines[a]["properties"].get("province", "") for a in outlined}
        traces.append(go.Choropleth(
            geojson=geo.for_drawing(geo.collection([city_outlines[a] for a in outlined])),
            featureidkey="properties.adcode", locations=outlined, z=[0] * len(outlined),
            colorscale=[[0, "rgba(0,0,0,0)"], [1, "rgba(0,0,0,0)"]], showscale=False,
            marker=dict(line=dict(width=[3.0 if m else 1.6 for m in is_meeting],
                                  color=[MEETING_OUTLINE if m else CITY_OUTLINE for m in is_meeting])),
            customdata=[province_of[a] for a in outlined], hoverinfo="skip", showlegend=False,
            name="cities"))
    # cities that are named, and the meeting place
    if cities is not None and len(cities):
        shown = cities
        if meeting and meeting["kind"] == "city":
            shown = cities[cities["adcode"] != meeting["adcode"]]
        if len(shown):
            traces.append(go.Scattergeo(
                lon=list(shown["lon"]), lat=list(shown["lat"]), mode="markers+text",
                text=[markup.html(label) for label in shown["label"]], textposition="top center",
                textfont=dict(size=16, color=CITY_COLOR, shadow=HALO_LIGHT),
                marker=dict(size=11, color=CITY_COLOR, line=dict(color="#FFFFFF", width=1.5)),
                customdata=list(shown["province"]),
                hovertext=[_city_hover(r, lang) for _, r in shown.iterrows()],
                hovertemplate="%{hovertext}<extra></extra>",
                name=i18n.t("map.legend_city", lang), showlegend=True))
    if meeting and meeting["kind"] == "city":
        named = cities[cities["adcode"] == meeting["adcode"]] if cities is not None and len(cities) else None
        hover = (_city_hover(named.iloc[0], lang) if named is not None and len(named)
                 else f"<b>{markup.html(_meeting_label(meeting, lang))}</b>")
        hover += "<br>" + i18n.t("map.meeting_here", lang, place=markup.html(meeting["text"]))
        traces.append(go.Scattergeo(
            lon=[meeting["lon"]], lat=[meeting["lat"]], mode="markers+text",
            text=[markup.html(_meeting_label(meeting, lang))], textposition="top center",
            textfont=dict(size=17, color=INK_STRONG, weight="bold", shadow=HALO_LIGHT),
            marker=dict(symbol="star", size=26, color=MEETING_COLOR, line=dict(color="#7A5C00", width=1.5)),
            customdata=[meeting["province"]], hovertext=[hover], hovertemplate="%{hovertext}<extra></extra>",
            name=i18n.t("map.legend_meeting", lang), showlegend=True))
    # province names and values, on top of everything: dark text with a light
    # halo on light fills, white text with a dark halo on dark ones
    points = [geo.label_point(feature_of[a]["geometry"]) for a in counts["adcode"]]
    dark = [_is_dark(v, top) for v in counts[column]]
    for on_dark in (False, True):
        rows = [i for i, d in enumerate(dark) if d == on_dark]
        if not rows:
            continue
        traces.append(go.Scattergeo(
            lon=[points[i][0] for i in rows], lat=[points[i][1] for i in rows], mode="text",
            text=[f"<b>{markup.html(counts['name'][i])}</b><br>{format_value(counts[column][i], measure)}"
                  for i in rows],
            textfont=dict(size=18, color="#FFFFFF" if on_dark else INK_STRONG,
                          shadow=HALO_DARK if on_dark else HALO_LIGHT),
            hoverinfo="skip", showlegend=False, name="labels"))
    layout = dict(
        geo=dict(visible=False, fitbounds="locations", projection=dict(type="mercator"), bgcolor="#FFFFFF",
                 showland=False, showcountries=False, showcoastlines=False, showocean=False,
                 showlakes=False, showrivers=False, showsubunits=False, showframe=False),
        legend=dict(orientation="h", x=0.5, xanchor="center", y=-0.13, yanchor="top"),
        margin=dict(l=10, r=10, b=100), clickmode="event+select", dragmode=False,
    )
    return charts.style(go.Figure(data=traces, layout=layout), title, height)


def _meeting_label(meeting: dict, lang: str) -> str:
    return (meeting.get("en") or meeting["name"]) if lang == "en" else meeting["name"]


def _city_hover(row, lang: str) -> str:
    name = f"{row['label']} {row['name']}" if lang == "en" and row["label"] != row["short"] else row["name"]
    lines = [f"<b>{markup.html(name)}</b> · {markup.html(row['province_name'])}",
             i18n.t("map.hover_city_count", lang, n=int(row["count"]))]
    if row["first_text"]:
        lines.append(i18n.t("map.hover_first", lang, para=int(row["first_paragraph"])))
        lines.append(_wrap(str(row["first_text"])))
    return "<br>".join(lines)


def bar_figure(counts: pd.DataFrame, parts: pd.DataFrame, *, layer: str = "direct", measure: str = "count",
               lang: str = "zh", selected: str | None = None, title: str | None = None,
               height: int | None = None) -> go.Figure:
    """The same counts as bars, one per province, stacked by kind (or grouping).

    ``counts`` and ``parts`` are :func:`map_counts`. The largest value on
    top; the value is written at the end of each bar (0 for a province with
    none); the chosen province is outlined and its name set in bold. A click
    on a bar selects its province (``customdata`` is the adcode).
    """
    column = value_column(measure)
    order = counts.assign(_pos=range(len(counts))).sort_values([column, "_pos"], ascending=[False, True])
    names = list(order["name"])
    traces = []
    palette = RELATED_COLORS if layer == "related" else None
    found = parts.sort_values("order", kind="stable").drop_duplicates("part")
    for part, label, index in zip(found["part"], found["label"], found["order"]):
        rows = parts[parts["part"] == part].set_index("adcode")
        values = [float(rows[column].get(a, 0)) for a in order["adcode"]]
        color = palette[index % len(palette)] if palette else MENTION_KIND_COLORS.get(part, DIRECT_SCALE[2])
        traces.append(go.Bar(
            y=names, x=values, orientation="h", name=label, customdata=list(order["adcode"]),
            marker=dict(color=color, line=dict(width=[2.5 if a == selected else 0 for a in order["adcode"]],
                                               color=SELECTED_BORDER)),
            hovertemplate=f"%{{y}} · {markup.html(label)}: %{{x{':.2f' if measure == 'rate' else ''}}}<extra></extra>"))
    top = float(order[column].max()) if len(order) else 0.0
    traces.append(go.Scatter(
        y=names, x=list(order[column]), mode="text", text=["\u2002" + format_value(v, measure) for v in order[column]],
        textposition="middle right", textfont=dict(size=17), hoverinfo="skip", showlegend=False,
        cliponaxis=False))
    # the chosen province's name in bold
    ticks = [f"<b>{markup.html(n)}</b>" if a == selected else markup.html(n)
             for n, a in zip(names, order["adcode"])]
    layout = dict(
        barmode="stack", bargap=0.3, clickmode="event+select", dragmode=False,
        legend=dict(orientation="h", traceorder="normal", x=0, xanchor="left", y=-0.3, yanchor="top"),
        yaxis=dict(categoryorder="array", categoryarray=names[::-1], tickmode="array", tickvals=names,
                   ticktext=ticks, tickfont=dict(size=17), fixedrange=True),
        xaxis=dict(title=dict(text=i18n.t(f"map.axis.{layer}.{column}", lang)),
                   range=[0, (top or 1) * 1.18], tickformat=".2f" if measure == "rate" else "d",
                   dtick=1 if measure == "count" and top <= 10 else None, fixedrange=True),
    )
    return charts.style(go.Figure(data=traces, layout=layout), title,
                        height or 170 + 48 * max(len(order), 1) + 26 * len(found))


# --- selection --------------------------------------------------------------------


def selected_province(event, valid: Iterable[str]) -> str | None:
    """The province a chart selection points at, or None.

    ``event`` is what st.plotly_chart returns (or keeps in st.session_state)
    with on_select="rerun": a dict with ``selection.points``; a point names a
    province by ``location`` (the choropleth) or ``customdata`` (city
    markers, bars). The first point naming a province of ``valid`` wins.
    """
    valid = set(valid)
    try:
        points = event["selection"]["points"]
    except (KeyError, TypeError, IndexError):
        return None
    for point in points or ():
        if not isinstance(point, dict):
            continue
        for key in ("location", "customdata"):
            value = point.get(key)
            if isinstance(value, (list, tuple)):
                value = value[0] if value else None
            if value is not None and str(value) in valid:
                return str(value)
    return None


def track_selection(event, seen: str | None, valid: Iterable[str]) -> tuple[str | None, str | None]:
    """What a chart's selection means now: (what it points at, the province to choose or None).

    A province is chosen only when the selection changed since ``seen`` (what
    it pointed at in the previous run) and points at one. A chart that is
    drawn anew (its figure changed) starts with an empty selection; that
    keeps the province chosen before, as does clearing the selection.
    """
    now = selected_province(event, valid)
    return now, (now if now is not None and now != seen else None)


# --- sentences, highlighted ------------------------------------------------------


def sentences_heading(frame: pd.DataFrame, adcode: str, lexicon: Lexicon, lang: str = "zh") -> str:
    """"湖南：3 处提及，2 个句子" for the list of :func:`places.sentence_mentions` (escaped for Markdown)."""
    name = province_name(lexicon, adcode, lang)
    if frame.empty:
        return markup.md(i18n.t("map.sentences_none", lang, province=name))
    n = sum(len(spans) for spans in frame["spans"])
    return markup.md(i18n.t("map.sentences_heading", lang, province=name, n=n, s=len(frame)))


def _pieces(text: str, spans, lang: str) -> list[dict]:
    """A sentence cut at its mentions: text pieces, each mention with the name of its kind."""
    out, pos = [], 0
    for start, end, _surface, kind in sorted(spans):
        if start < pos or end > len(text):
            continue
        out.append({"text": text[pos:start], "kind": ""})
        out.append({"text": text[start:end], "kind": i18n.t(f"map.kind_one.{kind}", lang)})
        pos = end
    out.append({"text": text[pos:], "kind": ""})
    return out


def mentions_html(frame: pd.DataFrame, link_for: Callable[[int], str], layer: str = "direct",
                  lang: str = "zh") -> str:
    """The sentences of :func:`places.sentence_mentions` as a list: paragraph
    number (a link to the reader at that paragraph, from ``link_for(paragraph)``)
    and the sentence with its mentions in ``<mark>``."""
    items = [{"href": link_for(int(row.paragraph)), "label": i18n.t("map.para", lang, n=int(row.paragraph)),
              "pieces": _pieces(row.text, row.spans, lang)} for row in frame.itertuples()]
    return render("map_mentions.html", items=items, layer=layer,
                  mark=MARK_COLORS.get(layer, MARK_COLORS["direct"]))


# --- the table --------------------------------------------------------------------

TABLE_COLUMNS = ("province", "kind", "surface", "paragraph", "sentence", "context")


def mention_table(ds: Dataset, lexicon: Lexicon, layer: str = "direct", kinds: Iterable[str] = places.DIRECT_KINDS,
                  themes: Iterable[str] = (), mode: str = "any", lang: str = "zh") -> pd.DataFrame:
    """:func:`places.mention_rows` with headers and names in the UI language.

    Columns: province(s) (a grouping lists its member provinces among the
    gazetteer's, "—" when it has none), kind, the words as written, paragraph,
    sentence (its number in the paragraph), context (the whole sentence).
    """
    rows = places.mention_rows(ds, layer, kinds, themes, mode)
    joiner = ", " if lang == "en" else "、"
    table = pd.DataFrame({
        "province": [joiner.join(province_name(lexicon, a, lang) for a in codes) or "—" for codes in rows["adcodes"]],
        "kind": [i18n.t(f"map.kind_one.{k}", lang) for k in rows["kind"]],
        "surface": rows["surface"], "paragraph": rows["paragraph"], "sentence": rows["sentence"],
        "context": rows["context"],
    }, columns=list(TABLE_COLUMNS))
    return table.rename(columns={c: i18n.t(f"map.col.{c}", lang) for c in TABLE_COLUMNS})


def table_height(frame: pd.DataFrame, most_rows: int = 15) -> int | str:
    """The table's height for st.dataframe: all rows up to ``most_rows``, then a scrolling 560 px."""
    return "content" if len(frame) <= most_rows else 560
