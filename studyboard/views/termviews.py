"""The terms page's figures and HTML, in the UI language.

From the tables of :mod:`studyboard.analysis.terms`: the top terms as bars
(:func:`bar_chart`), a treemap and a word cloud for slides (:func:`treemap`,
:func:`word_cloud`, placed by :func:`cloud_layout`), the KWIC table
(:func:`kwic_html`, template ``terms_kwic.html``), the dispersion plot
(:func:`dispersion_figure`), each speaker's top terms side by side
(:func:`speaker_chart`), and a click on a bar turned into its term
(:func:`clicked_term`).
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from studyboard import i18n
from studyboard.analysis import filters, terms as term_analysis
from studyboard.analysis.terms import TERM_KINDS, Filters
from studyboard.dataset.tables import Dataset
from studyboard.views import charts, glossaryviews, markup
from studyboard.views.labels import person_name
from studyboard.views.templates import render, safe

#: Colours of the kinds of term: glossary terms stand out, the generic policy
#: verbs recede, other words are plain blue.
TERM_KIND_COLORS = {"glossary": "#CB181D", "word": "#2C6FAC", "policy": "#767676"}
SHARED_COLORS = {"shared": "#2C6FAC", "own": "#E08214"}
TERM_COLOR = "#CB181D"  # the open term in KWIC and dispersion


def _t(key: str, lang: str, **params) -> str:
    return i18n.t(key, lang, **params)


def speaker_label(ds: Dataset, speaker: str | None, lang: str) -> str:
    """A speaker filter value in the UI language: everyone, the narration, or
    the speaker's name (romanised in English)."""
    if not speaker:
        return _t("terms.speaker_all", lang)
    if speaker == filters.NARRATION:
        return _t("terms.speaker_narration", lang)
    return person_name(ds, speaker, lang)


# --- term counts as figures -----------------------------------------------------------


def _hover_rows(frame: pd.DataFrame, lang: str) -> list[str]:
    """Hover text per term: its counts, and pinyin and English for glossary terms."""
    rows = []
    for row in frame.itertuples(index=False):
        lines = [f"<b>{markup.html(row.term)}</b>",
                 _t("terms.hover_count", lang, count=row.count, paragraphs=row.paragraphs)]
        if row.kind == "glossary":
            lines.append(markup.html(row.pinyin))
            lines.append(markup.html(row.english))
        elif row.kind == "policy":
            lines.append(_t("terms.kind_policy", lang))
        rows.append("<br>".join(lines))
    return rows


def bar_chart(table: pd.DataFrame, top: int, lang: str, opened: str | None = None) -> go.Figure:
    """The top terms as horizontal bars, the most frequent on top; one trace
    per kind of term (its colour and legend entry). Each bar's customdata[0]
    is its term (what a click selects); the ``opened`` term's bar is outlined."""
    frame = table.head(top)
    order = list(frame["term"])[::-1]
    traces = []
    for kind in TERM_KINDS:
        part = frame[frame["kind"] == kind]
        if part.empty:
            continue
        traces.append(go.Bar(
            x=part["count"], y=part["term"], orientation="h", name=_t(f"terms.kind_{kind}", lang),
            marker=dict(color=TERM_KIND_COLORS[kind], line=dict(color=charts.INK, width=[3 if t == opened else 0
                                                                                   for t in part["term"]])),
            text=part["count"], textposition="outside", cliponaxis=False,
            customdata=np.stack([part["term"], _hover_rows(part, lang)], axis=1),
            hovertemplate="%{customdata[1]}<extra></extra>",
        ))
    layout = dict(
        barmode="overlay", bargap=0.25, clickmode="event+select",
        legend=dict(orientation="h", yanchor="bottom", y=1.0, x=0, xanchor="left"),
        xaxis=dict(title=dict(text=_t("terms.axis_count", lang)), rangemode="tozero"),
        yaxis=dict(categoryorder="array", categoryarray=order, tickfont=dict(size=18)),
    )
    height = max(320, 34 * len(frame) + 140)
    return charts.style(go.Figure(data=traces, layout=layout), _t("terms.bar_title", lang, n=len(frame)), height)


def kinds_legend(kinds, lang: str) -> str:
    """A one-line colour key of the kinds of term (for figures without a legend)."""
    return "   ".join(f"<span style='color:{TERM_KIND_COLORS[k]}'>■</span> {_t(f'terms.kind_{k}', lang)}"
                       for k in TERM_KINDS if k in set(kinds))


def treemap(table: pd.DataFrame, top: int, lang: str) -> go.Figure:
    """The top terms as a treemap (area by count), for slides."""
    frame = table.head(top)
    tree = go.Treemap(
        labels=frame["term"], parents=[""] * len(frame), values=frame["count"],
        marker=dict(colors=[TERM_KIND_COLORS[k] for k in frame["kind"]], line=dict(color="#FFFFFF", width=2)),
        texttemplate="<b>%{label}</b><br>%{value}", textfont=dict(size=30, color="#FFFFFF"),
        customdata=_hover_rows(frame, lang), hovertemplate="%{customdata}<extra></extra>",
        tiling=dict(pad=2), sort=True, pathbar=dict(visible=False),
    )
    layout = dict(uniformtext=dict(minsize=16, mode="hide"), margin=dict(t=90),
                  title=dict(subtitle=dict(text=kinds_legend(frame["kind"], lang), font=dict(size=16))))
    return charts.style(go.Figure(data=[tree], layout=layout), _t("terms.treemap_title", lang, n=len(frame)), 680)


def _text_width(text: str, size: float) -> float:
    """Estimated pixel width of a label: full-width characters one em, others 0.6 em."""
    return size * sum(1.0 if ord(ch) > 0x2E80 else 0.6 for ch in text)


def cloud_layout(terms, counts, width: int = 960, height: int = 540,
                 min_size: float = 18, max_size: float = 84) -> pd.DataFrame:
    """Positions for a word cloud: each word on an Archimedean spiral from the
    centre, largest first, at the first place where its box overlaps no other
    box and stays inside ``width`` × ``height`` pixels. Words that find no
    place are left out. Columns: ``term, count, size, x, y, w, h`` (x, y the
    box centre, y upwards)."""
    terms, counts = list(terms), [int(c) for c in counts]
    columns = ["term", "count", "size", "x", "y", "w", "h"]
    if not terms:
        return pd.DataFrame(columns=columns)
    low, high = min(counts), max(counts)
    spread = (high - low) or 1
    angles = np.arange(0, 240 * np.pi, 0.05)
    radius = 1.6 * angles
    ratio = width / height
    cand_x = width / 2 + radius * np.cos(angles) * ratio
    cand_y = height / 2 + radius * np.sin(angles)
    placed: list[tuple] = []
    boxes = np.empty((0, 4))  # x0, y0, x1, y1
    gap = 3.0
    for term, count in sorted(zip(terms, counts), key=lambda pair: -pair[1]):
        size = min_size + (max_size - min_size) * np.sqrt((count - low) / spread)
        w, h = _text_width(term, size) + 2 * gap, size * 1.25 + 2 * gap
        inside = (cand_x - w / 2 >= 0) & (cand_x + w / 2 <= width) & (cand_y - h / 2 >= 0) & (cand_y + h / 2 <= height)
        free = inside.copy()
        if len(boxes):
            clash = ((cand_x[:, None] - w / 2 < boxes[None, :, 2]) & (cand_x[:, None] + w / 2 > boxes[None, :, 0])
                     & (cand_y[:, None] - h / 2 < boxes[None, :, 3]) & (cand_y[:, None] + h / 2 > boxes[None, :, 1]))
            free &= ~clash.any(axis=1)
        spots = np.flatnonzero(free)
        if not len(spots):
            continue
        x, y = cand_x[spots[0]], cand_y[spots[0]]
        boxes = np.vstack([boxes, [x - w / 2, y - h / 2, x + w / 2, y + h / 2]])
        placed.append((term, count, round(float(size), 1), float(x), float(y), w, h))
    return pd.DataFrame(placed, columns=columns)


def word_cloud(table: pd.DataFrame, top: int, lang: str, width: int = 1200, height: int = 600) -> go.Figure:
    """The top terms as a word cloud drawn with plotly text (no image library):
    font size by count, colour by kind of term."""
    frame = table.head(top)
    layout = cloud_layout(frame["term"], frame["count"], width, height, min_size=22, max_size=110)
    info = frame.set_index("term").loc[layout["term"]].reset_index() if len(layout) else frame.head(0)
    words = go.Scatter(
        x=layout["x"], y=layout["y"], mode="text", text=layout["term"],
        textfont=dict(size=list(layout["size"]), color=[TERM_KIND_COLORS[k] for k in info["kind"]]),
        customdata=_hover_rows(info, lang), hovertemplate="%{customdata}<extra></extra>",
    )
    figure_layout = dict(
        margin=dict(t=90), showlegend=False,
        title=dict(subtitle=dict(text=kinds_legend(info["kind"], lang), font=dict(size=16))),
        xaxis=dict(visible=False, range=[0, width], fixedrange=True),
        yaxis=dict(visible=False, range=[0, height], fixedrange=True, scaleanchor="x", scaleratio=1),
    )
    return charts.style(go.Figure(data=[words], layout=figure_layout), _t("terms.cloud_title", lang, n=len(layout)),
                        height + 100)


# --- opening a term: KWIC and dispersion -----------------------------------------------


def kwic_html(rows: pd.DataFrame, href, lang: str, entries=None) -> str:
    """The KWIC rows of :func:`studyboard.analysis.terms.kwic` as an HTML
    table: left context right-aligned, the term in the middle, right context
    left-aligned, and a link to the paragraph in the reader (``href(paragraph)``
    gives its URL). Glossary terms in the contexts are underlined with their
    pinyin and English as a tooltip (:func:`glossaryviews.mark`)."""
    lines = [{"paragraph": int(row.paragraph), "href": href(int(row.paragraph)),
              "title": _t("terms.kwic_open", lang, paragraph=row.paragraph),
              "left": safe(glossaryviews.mark(row.left, entries, lang)), "term": row.term,
              "right": safe(glossaryviews.mark(row.right, entries, lang))}
             for row in rows.itertuples(index=False)]
    heads = {key: _t(f"terms.kwic_{key}", lang) for key in ("para", "left", "term", "right")}
    return render("terms_kwic.html", heads=heads, lines=lines, term_color=TERM_COLOR)


#: The most paragraph numbers the dispersion figure writes along its axis.
DISPERSION_LABELS = 40


def dispersion_figure(ds: Dataset, terms, f: Filters, lang: str) -> go.Figure:
    """Where in the text each term occurs (:func:`studyboard.analysis.terms.dispersion`):
    one row per term, a tick per hit at its character position in the body;
    paragraphs as alternating bands, numbered along the axis."""
    terms = list(dict.fromkeys(terms))
    hits_of = term_analysis.dispersion(ds, terms, f)
    spans = term_analysis.paragraph_spans(ds)
    end = int(spans["stop"].iloc[-1]) if len(spans) else 0
    traces = []
    for n, term in enumerate(terms):
        hits = hits_of[hits_of["term"] == term]
        hover = [_t("terms.dispersion_hover", lang, term=markup.html(term), paragraph=p, sentence=s) +
                 (f"<br>{markup.html(speaker_label(ds, who, lang))}" if isinstance(who, str) else "")
                 for p, s, who in zip(hits["paragraph"], hits["sentence"], hits["speaker"])]
        traces.append(go.Scatter(
            x=hits["position"].to_numpy() if len(hits) else [], y=[term] * len(hits), mode="markers", name=term,
            showlegend=False,
            marker=dict(symbol="line-ns", size=34, line=dict(width=3, color=TERM_COLOR if n == 0 else "#2C6FAC")),
            customdata=hover, hovertemplate="%{customdata}<extra></extra>",
        ))
    shapes, ticks, labels = [], [], []
    # at most DISPERSION_LABELS paragraph numbers along the axis (every one up to that, then every n-th):
    # the browser lays out each label, and a long text's hundreds of them took it seconds
    step = max(1, -(-len(spans) // DISPERSION_LABELS))
    for k, (paragraph, start, stop) in enumerate(zip(spans["paragraph"], spans["start"], spans["stop"])):
        if k % 2 == 0:
            shapes.append(dict(type="rect", xref="x", yref="paper", x0=start, x1=stop, y0=0, y1=1,
                               fillcolor="#F0F0F0", line=dict(width=0), layer="below"))
        if k % step == 0:
            ticks.append((start + stop) / 2)
            labels.append(str(paragraph))
    layout = dict(
        shapes=shapes, hovermode="closest",
        xaxis=dict(range=[0, end], tickvals=ticks, ticktext=labels, showgrid=False, zeroline=False,
                   title=dict(text=_t("terms.axis_paragraph", lang)), fixedrange=True),
        yaxis=dict(categoryorder="array", categoryarray=terms[::-1], tickfont=dict(size=18), fixedrange=True),
    )
    title = _t("terms.dispersion_title", lang, term=terms[0] if len(terms) == 1 else "、".join(terms))
    return charts.style(go.Figure(data=traces, layout=layout), title, 160 + 60 * max(len(terms), 1))


# --- speakers compared -------------------------------------------------------------------


def speaker_chart(frame: pd.DataFrame, ds: Dataset, lang: str) -> go.Figure:
    """Each speaker's top terms as bars side by side; orange for words no other
    speaker uses, blue for words shared with another speaker."""
    names = list(dict.fromkeys(frame["speaker"]))
    layout = dict(barmode="overlay", legend=dict(orientation="h", yanchor="top", y=-0.16, x=0, xanchor="left"),
                  margin=dict(t=90, b=70))
    layout.update(_side_by_side(max(len(names), 1), 0.09, [speaker_label(ds, s, lang) for s in names],
                                font=dict(size=19)))
    traces = []
    shown = set()
    for col, speaker in enumerate(names, 1):
        part = frame[frame["speaker"] == speaker]
        axis = "" if col == 1 else str(col)
        for key in ("shared", "own"):
            sub = part[part["shared"] == (key == "shared")]
            if sub.empty:
                continue
            hover = [_t("terms.speaker_hover", lang, term=markup.html(r.term), count=r.count, rate=r.per_1000)
                     for r in sub.itertuples(index=False)]
            traces.append(go.Bar(x=sub["count"], y=sub["term"], orientation="h", xaxis=f"x{axis}", yaxis=f"y{axis}",
                                 name=_t(f"terms.speaker_{key}", lang), legendgroup=key, showlegend=key not in shown,
                                 marker_color=SHARED_COLORS[key], text=sub["count"], textposition="outside",
                                 cliponaxis=False, customdata=hover, hovertemplate="%{customdata}<extra></extra>"))
            shown.add(key)
        layout[f"yaxis{axis}"].update(categoryorder="array", categoryarray=list(part["term"])[::-1],
                                      tickfont=dict(size=18))
        layout[f"xaxis{axis}"].update(rangemode="tozero", title=dict(text=_t("terms.axis_count", lang)))
    rows = frame.groupby("speaker")["rank"].max().max() if len(frame) else 1
    return charts.style(go.Figure(data=traces, layout=layout), _t("terms.speakers_title", lang),
                        max(400, 34 * int(rows) + 220))


def _side_by_side(cols: int, spacing: float, titles: list[str], font: dict) -> dict:
    """The axes and panel titles of ``cols`` panels side by side, laid out as
    ``plotly.subplots.make_subplots(rows=1, cols=cols, horizontal_spacing=spacing,
    subplot_titles=titles)`` lays them out (``xaxis``/``yaxis``, ``xaxis2``/``yaxis2`` ...;
    the traces of panel n go on ``x{n}``/``y{n}``), titles in ``font``."""
    width = (1.0 - spacing * (cols - 1)) / cols
    layout: dict = {"annotations": []}
    for col in range(cols):
        start = sum([width] * col) + col * spacing
        end = start + width
        axis = "" if col == 0 else str(col + 1)
        layout[f"xaxis{axis}"] = dict(domain=[max(0.0, start), min(1.0, end)], anchor=f"y{axis}")
        layout[f"yaxis{axis}"] = dict(domain=[0.0, 1.0], anchor=f"x{axis}")
        if col < len(titles) and titles[col]:
            layout["annotations"].append(dict(
                y=1.0, xref="paper", x=(start + end) / 2.0, yref="paper", text=titles[col], showarrow=False,
                font=font, xanchor="center", yanchor="bottom"))
    return layout


# --- clicks -----------------------------------------------------------------------------------


def selection_points(event) -> list[dict]:
    """The selected points of a plotly chart's event (or its session state)."""
    if not event:
        return []
    try:
        selection = event["selection"]
        points = selection["points"]
    except (KeyError, TypeError):
        return []
    return [dict(p) for p in points or [] if isinstance(p, dict) or hasattr(p, "keys")]


def term_of_point(point: dict) -> str | None:
    """The term a clicked bar stands for (its customdata[0], else its y)."""
    custom = point.get("customdata")
    if isinstance(custom, (list, tuple)) and custom and isinstance(custom[0], str) and custom[0]:
        return custom[0]
    if isinstance(custom, str) and custom:
        return custom
    value = point.get("y")
    return value if isinstance(value, str) and value else None


def clicked_term(event, last: str | None) -> tuple[str | None, str | None]:
    """(term, signature) of a new click, or (None, signature) when the selection
    is empty or the same one already handled (``last``): a selection stays in
    the chart's state over reruns and must not override a later choice."""
    points = selection_points(event)
    terms = [t for t in (term_of_point(p) for p in points) if t]
    signature = "\x1f".join(terms) or None
    if not terms or signature == last:
        return None, signature
    return terms[0], signature
