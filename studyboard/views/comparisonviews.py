"""The compare page's figures and change cards, in the UI language.

From the tables of :mod:`studyboard.analysis.comparison`: a colour and a
short label per document (:func:`doc_colors`, :func:`doc_label`), the change
cards of new and dropped terms (:func:`change_cards_html`, template
``change_cards.html``, with their style from :func:`cards_style`), and the
figures: themes, provinces, keyness and the trend.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from studyboard.analysis.comparison import distinguishing, sentences_with
from studyboard.dataset.tables import Dataset
from studyboard.lexicon import Lexicon
from studyboard import i18n
from studyboard.views import charts, markup
from studyboard.views.labels import province_name
from studyboard.views.templates import render

#: Colours of documents and of trend lines, told apart on a projector and by
#: readers with colour-vision deficiency (Okabe & Ito), the board's red first.
PALETTE = ["#C0392B", "#0072B2", "#009E73", "#E69F00", "#56B4E9", "#CC79A7", "#D55E00", "#000000"]


def doc_label(title: str, date: str, width: int = 16) -> str:
    """A short label of a document for legends: date and the start of the title."""
    title = title if len(title) <= width else title[:width] + "…"
    return f"{date} {title}".strip()


# --- new and dropped: change cards ----------------------------------------------------


def _split(text: str, term: str) -> list[str]:
    return text.split(term) if term else [text]


def highlight_html(text: str, term: str) -> str:
    """HTML of ``text`` with every occurrence of ``term`` in <mark>."""
    return render("term_marked.html", parts=_split(text, term), term=term)


def change_cards_html(items: pd.DataFrame, ds: Dataset, column: str, count_label: str,
                      link: Callable[[int], str] | None = None, color: str = PALETTE[0]) -> str:
    """For each term (``items[column]``), its count and the first sentence of
    ``ds`` that holds it, the term marked; ``link(paragraph)`` gives the reader
    link of the sentence's paragraph; ``color`` marks the cards as the
    document's (the charts' colour of that document)."""
    cards = []
    for row in items.to_dict("records"):
        term = row[column]
        found = sentences_with(ds, term, limit=1)
        first = found.iloc[0] if len(found) else None
        cards.append({
            "term": term, "count": int(row["count"]) if "count" in items.columns else None,
            "parts": _split(str(first["text"]), term) if first is not None else None,
            "paragraph": int(first["paragraph"]) if first is not None else None,
            "href": link(int(first["paragraph"])) if first is not None and link else "",
        })
    return render("change_cards.html", cards=cards, count_label=count_label, color=color)


def cards_style() -> str:
    """The ``<style>`` of :func:`change_cards_html` (large type for a projector), once per page."""
    return render("change_cards_style.html")


# --- figures -----------------------------------------------------------------------


def doc_colors(doc_ids: Iterable[str]) -> dict[str, str]:
    """A colour per document in date order: the latest in the board's red, the one
    before it in blue, and so on backwards."""
    ids = list(dict.fromkeys(doc_ids))
    return {doc_id: PALETTE[(len(ids) - 1 - i) % len(PALETTE)] for i, doc_id in enumerate(ids)}


def _legend_top() -> dict:
    return dict(orientation="h", yanchor="bottom", y=1.02, xanchor="left", x=0)


def theme_figure(profile: pd.DataFrame, labels: dict[str, str], theme_names: dict[str, str],
                 theme_colors: dict[str, str], title: str, axis_title: str) -> go.Figure:
    """Grouped horizontal bars: a row per theme (its colour in a square before
    its name), a bar per document, hits per 1,000 characters."""
    themes = list(dict.fromkeys(profile["theme"]))
    ticks = [f'<span style="color:{theme_colors.get(t, charts.INK)}">■</span> {markup.html(theme_names.get(t, t))}'
             for t in themes]
    traces = []
    colors = doc_colors(profile["doc_id"])
    for doc_id, color in colors.items():
        part = profile[profile["doc_id"] == doc_id].set_index("theme").reindex(themes)
        traces.append(go.Bar(y=ticks, x=part["per_1000"], orientation="h",
                             name=markup.html(labels.get(doc_id, doc_id)), marker_color=color,
                             customdata=part["hits"],
                             hovertemplate="%{x:.1f} · %{customdata}<extra>%{fullData.name}</extra>"))
    layout = dict(barmode="group", legend=_legend_top(), bargap=0.25, yaxis=dict(autorange="reversed"),
                  xaxis=dict(title=dict(text=axis_title)))
    return charts.style(go.Figure(data=traces, layout=layout), title,
                        height=max(320, 90 + 26 * len(themes) * max(1, profile["doc_id"].nunique())))


def province_figure(counts: pd.DataFrame, labels: dict[str, str], lexicon: Lexicon, lang: str, title: str,
                    axis_title: str) -> go.Figure:
    """Grouped bars of :func:`studyboard.analysis.comparison.province_profile`:
    a group per province (named in ``lang``), a bar per document, mentions."""
    traces = []
    colors = doc_colors(counts["doc_id"])
    for doc_id, color in colors.items():
        part = counts[counts["doc_id"] == doc_id]
        traces.append(go.Bar(x=[province_name(lexicon, a, lang) for a in part["adcode"]], y=part["count"],
                             name=markup.html(labels.get(doc_id, doc_id)),
                             marker_color=color, customdata=part["per_10k"], text=part["count"],
                             textposition="outside",
                             hovertemplate="%{y} · %{customdata:.1f}/10k<extra>%{fullData.name}</extra>"))
    top = int(counts["count"].max()) if len(counts) else 0
    layout = dict(barmode="group", legend=_legend_top(), bargap=0.3,
                  yaxis=dict(title=dict(text=axis_title), rangemode="tozero", dtick=max(1, math.ceil(top / 6)),
                             range=[0, max(1, top) * 1.15]))
    return charts.style(go.Figure(data=traces, layout=layout), title, height=420)


def keyness_figure(table: pd.DataFrame, label_a: str, label_b: str, title: str, axis_title: str,
                   top: int = 12, colors: tuple[str, str] = (PALETTE[1], PALETTE[0])) -> go.Figure:
    """Diverging bars of the log ratio (b over a): terms of the earlier document
    (a) to the left, of the later (b) to the right; significant terms only."""
    left = distinguishing(table, "a", top)
    right = distinguishing(table, "b", top)
    traces = []
    for part, name, color in ((left, label_a, colors[0]), (right, label_b, colors[1])):
        part = part.iloc[::-1]
        traces.append(go.Bar(y=[markup.html(t) for t in part["term"]], x=part["log_ratio"], orientation="h",
                             name=markup.html(name), marker_color=color, showlegend=True,
                             customdata=np.stack([part["a"], part["b"], part["ll"]], axis=1) if len(part) else None,
                             hovertemplate="%{y}: %{customdata[0]} / %{customdata[1]} · G² %{customdata[2]:.1f}"
                                           "<extra>%{fullData.name}</extra>"))
    rows = len(left) + len(right)
    reach = max([1.0, *left["log_ratio"].abs(), *right["log_ratio"].abs()]) * 1.1
    layout = dict(legend=_legend_top(), bargap=0.25,
                  xaxis=dict(title=dict(text=axis_title), zeroline=True, zerolinecolor=charts.INK, zerolinewidth=1,
                             range=[-reach, reach]))
    return charts.style(go.Figure(data=traces, layout=layout), title, height=max(220, 110 + 32 * rows))


MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
#: Up to this many distinct dates, every document's date is a tick; beyond, months or years.
DAY_TICKS = 8


def date_label(day: pd.Timestamp, lang: str, unit: str = "day") -> str:
    """A date in the UI language, no time of day: 2024年3月20日 / 20 Mar 2024 (``unit`` day),
    2024年3月 / Mar 2024 (month), 2024年 / 2024 (year)."""
    if lang == "en":
        return {"day": f"{day.day} {MONTHS_EN[day.month - 1]} {day.year}",
                "month": f"{MONTHS_EN[day.month - 1]} {day.year}"}.get(unit, str(day.year))
    return {"day": f"{day.year}年{day.month}月{day.day}日", "month": f"{day.year}年{day.month}月"}.get(unit, f"{day.year}年")


def date_ticks(dates, lang: str) -> tuple[list[pd.Timestamp], list[str], list[pd.Timestamp]]:
    """Tick positions and labels of a date axis in the UI language, and its range.

    Up to :data:`DAY_TICKS` distinct dates: a tick at each (the documents'
    dates); more: the first of each month, or of each year when they span
    more than three years (at most about a dozen ticks). The range leaves room
    either side; a single date sits in the middle of two months.
    """
    days = sorted({pd.Timestamp(d).normalize() for d in dates if not pd.isna(d)})
    if not days:
        return [], [], []
    first, last = days[0], days[-1]
    pad = max(pd.Timedelta(days=30), (last - first) * 0.12)  # room for the outer labels
    span = [first - pad, last + pad]
    if len(days) <= DAY_TICKS:
        return days, [date_label(d, lang) for d in days], span
    if (last - first).days > 3 * 366:
        years = list(range(first.year, last.year + 2))
        step = max(1, math.ceil(len(years) / 12))
        ticks = [pd.Timestamp(year=y, month=1, day=1) for y in years[::step]]
        unit = "year"
    else:
        months = pd.date_range(first.replace(day=1), last.replace(day=1), freq="MS")
        step = max(1, math.ceil(len(months) / 12))
        ticks = list(months[::step])
        unit = "month"
    return ticks, [date_label(d, lang, unit) for d in ticks], span


def trend_figure(trend: pd.DataFrame, title: str, axis_title: str, lang: str = "zh") -> go.Figure:
    """A line per term: occurrences per 10,000 characters in each dated document, by date.

    The date axis is labelled in ``lang`` without a time of day
    (:func:`date_ticks`); the hover names the document, its date, the rate
    and the occurrences (with the nested ones when the table has them)."""
    traces = []
    all_dates = pd.to_datetime(trend["date"], errors="coerce", format="mixed")
    for i, term in enumerate(dict.fromkeys(trend["term"])):
        part = trend[trend["term"] == term]
        dates = all_dates[part.index]
        nested = part["nested"] if "nested" in part.columns else pd.Series(0, index=part.index)
        counts = [i18n.t("counts.trend_hover", lang, count=int(c), nested=int(n)) for c, n in zip(part["count"], nested)]
        labels = [date_label(d, lang) if not pd.isna(d) else "" for d in dates]
        traces.append(go.Scatter(x=dates, y=part["per_10k"], mode="lines+markers", name=markup.html(term),
                                 line=dict(color=PALETTE[i % len(PALETTE)], width=3), marker=dict(size=9),
                                 customdata=np.stack([part["title"].map(markup.html), counts, labels], axis=1),
                                 hovertemplate="%{customdata[0]}<br>%{customdata[2]}: %{y:.1f}<br>%{customdata[1]}"
                                               "<extra>%{fullData.name}</extra>"))
    ticks, texts, span = date_ticks(all_dates, lang)
    layout = dict(legend=_legend_top(), hovermode="closest",
                  xaxis=dict(type="date", tickmode="array", tickvals=ticks, ticktext=texts, range=span),
                  yaxis=dict(title=dict(text=axis_title), rangemode="tozero"))
    return charts.style(go.Figure(data=traces, layout=layout), title, height=440)
