"""The overview page's content: the document card, key numbers, the outline,
and small previews of the themes, map and terms pages.

The previews are the pages' own figures (:func:`studyboard.views.themeviews.paragraph_grid`,
:func:`studyboard.views.placeviews.map_figure`, :func:`studyboard.views.termviews.bar_chart`)
with the pages' default settings and the shared theme filter, made compact and
still (no selection, no mode bar). The handout embeds the same figures.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go

from studyboard.views import charts, geo, placeviews, termviews
from studyboard.analysis import outline, places, reading, terms, theme_scores
from studyboard.dataset.tables import Dataset
from studyboard.i18n import t
from studyboard.lexicon import Lexicon
from studyboard.views.markup import html

#: How many terms the terms preview shows.
PREVIEW_TERMS = 10
#: Row height of the themes preview (px): 14 paragraphs in about 300 px.
PREVIEW_ROW_PX = 22
PREVIEW_MAP_HEIGHT = 440
MAP_TEXT_SCALE = 0.82  # of the map page's type sizes


def document_card(ds: Dataset, lexicon: Lexicon, lang: str) -> dict:
    """Title lines, metadata and the key numbers of a document."""
    doc = ds.document
    direct = ds.mentions[~ds.mentions["related"]] if len(ds.mentions) else ds.mentions
    speakers = ds.sentences["speaker"].dropna().nunique()
    return {
        "kicker": doc["kicker"],
        "headline": doc["headline"],
        "title": doc["title"],
        "date": doc["date"],
        "place": doc["place"],
        "source": doc["source"],
        "numbers": [
            ("overview.paragraphs", int(doc["paragraphs"])),
            ("overview.sentences", int(doc["sentences"])),
            ("overview.chars", int(doc["chars"])),
            ("overview.words", int(doc["tokens"])),
            ("overview.speakers", int(speakers)),
            ("overview.provinces", int(direct["province"].replace("", None).dropna().nunique()) if len(direct) else 0),
        ],
    }


# --- the outline ------------------------------------------------------------------


def _statement_html(item: dict) -> str:
    statement, head = item["statement"], item["heading"]
    at = statement.find(head) if head else -1
    if at < 0:
        return html(statement)
    return html(statement[:at]) + f'<strong>{html(head)}</strong>' + html(statement[at + len(head):])


def _label(ds: Dataset, item: dict, lang: str) -> str:
    if item["kind"] == "task":
        return t("study.task_short", lang, n=int(item["number"]))
    return t(f"study.{item['kind']}", lang)


def outline_html(ds: Dataset, items: pd.DataFrame, points: pd.DataFrame, lang: str, link) -> str:
    """The outline as HTML: the main speaker's items as a list, then the other speakers' points.

    Each item has its theme colour, a label (总体判断, 任务1 …), its statement
    with the heading stressed, and a link to its paragraph (``link(paragraph)``
    gives the address). All text is escaped.
    """
    parts = [_STYLE]
    main = items[items["kind"] != "speaker"]
    if not main.empty:
        parts.append('<ol class="sb-outline">')
        for item in main.to_dict("records"):
            parts.append(_row(_label(ds, item, lang), "", _statement_html(item), item, lang, link))
        parts.append("</ol>")
    others = items[items["kind"] == "speaker"]
    if not others.empty:
        parts.append(f'<div class="sb-outline-sub">{html(t("study.other_speakers", lang))}</div>')
        parts.append('<ol class="sb-outline">')
        for item in others.to_dict("records"):
            name, role = outline.person(ds, item["speaker"], lang)
            mine = points[points["item"] == item["item"]]["text"]
            body = "".join(f"<li>{html(text)}</li>" for text in mine)
            parts.append(_row(name, role, f'<ul class="sb-points-list">{body}</ul>', item, lang, link))
        parts.append("</ol>")
    return "".join(parts)


def _row(label: str, role: str, body: str, item: dict, lang: str, link) -> str:
    n = int(item["paragraph"])
    href = html(link(n))
    role_html = f'<span class="sb-role">{html(role)}</span>' if role else ""
    color = item["color"]
    style = f"--sb-c: {color}; --sb-on: {charts.ink_on(color)}; --sb-t: {charts.readable(color)}"
    return (f'<li style="{html(style)}"><div class="sb-item-head">'
            f'<span class="sb-label">{html(label)}</span>{role_html}'
            f'<a class="sb-para" href="{href}" target="_self" title="{html(t("overview.to_reader_title", lang, n=n))}">'
            f'{html(t("overview.to_reader", lang, n=n))}</a></div>'
            f'<div class="sb-item-body">{body}</div></li>')


_STYLE = """<style>
.sb-outline { list-style: none; padding: 0; margin: 0 0 1rem 0; }
.sb-outline > li { border-left: 6px solid var(--sb-c); padding: 0.45rem 0 0.5rem 1rem; margin: 0 0 0.9rem 0; }
.sb-item-head { display: flex; align-items: baseline; gap: 0.6rem; margin-bottom: 0.15rem; }
.sb-label { background: var(--sb-c); color: var(--sb-on); border-radius: 4px; padding: 0.05rem 0.55rem;
            font-size: 0.95rem; font-weight: 600; white-space: nowrap; }
.sb-role { color: #5F6B76; font-size: 0.95rem; }
.sb-para { margin-left: auto; font-size: 0.95rem; white-space: nowrap; text-decoration: none; }
.sb-item-body { font-size: 1.22rem; line-height: 1.65; }
.sb-item-body strong { color: var(--sb-t); }
.sb-outline-sub { font-size: 1.1rem; font-weight: 600; margin: 1.2rem 0 0.6rem 0; color: #5F6B76; }
.sb-points-list { margin: 0.2rem 0 0 0; padding-left: 1.2rem; font-size: 1.1rem; }
.sb-points-list li { margin-bottom: 0.2rem; }
</style>"""


# --- the figures of other pages, compact ------------------------------------------------


def still(fig: go.Figure) -> go.Figure:
    """A figure that shows and hovers but selects nothing: a click neither
    selects nor dims, nothing drags (in place; returns it)."""
    fig.update_layout(clickmode="none", dragmode=False)
    return fig


def theme_figure(ds: Dataset, lang: str, themes=(), mode: str = "any", *, row_px: int = PREVIEW_ROW_PX,
                 show_values: bool = False, narrow: bool = True) -> go.Figure:
    """The themes page's paragraph grid (keyword hits) as that page draws it for
    the theme filter: the chosen themes' columns only, the paragraphs without
    them faint.

    ``narrow`` sets the grid for columns of 30 to 60 px: column heads in
    smaller type, Chinese names two characters a line, Latin names upright
    (read bottom to top) in at most two lines; no axis title (the rows are
    numbered paragraphs).
    """
    from studyboard.views import themeviews

    dim = reading.faint_paragraphs(ds, themes, mode)
    fig = themeviews.paragraph_grid(ds, lang, metric="hits", themes=themes, dim_rows=dim, show_values=show_values,
                                    title="", row_px=row_px)
    if narrow:
        names = charts.theme_names(ds, lang)
        heads = [names[theme] for theme in theme_scores.theme_ids(ds, themes)]
        top = narrow_heads(fig, heads)
        fig.update_layout(height=top + 20 + row_px * len(ds.paragraphs), margin=dict(t=top, r=6, l=6))
        fig.update_yaxes(title=None, tickfont=dict(size=HEAD_SIZE))
    return still(fig)


HEAD_SIZE = 12  # px: column heads of a narrow grid


def narrow_heads(fig: go.Figure, heads: list[str]) -> int:
    """Column heads that fit narrow columns (see :func:`theme_figure`); returns the top margin they need."""
    from studyboard.views.themeviews import wrap_label

    latin = any(any("a" <= ch.lower() <= "z" for ch in head) for head in heads)
    if latin:
        text = [wrap_label(head, 8) for head in heads]  # up to 16 characters a line
        longest = max((len(line) for head in heads for line in wrap_label(head, 8).split("<br>")), default=1)
        fig.update_xaxes(ticktext=text, tickangle=-90, tickfont=dict(size=HEAD_SIZE))
        return int(14 + 0.62 * HEAD_SIZE * longest)
    text = ["<br>".join(html(head[i:i + 2]) for i in range(0, len(head), 2)) for head in heads]
    lines = max((label.count("<br>") + 1 for label in text), default=1)
    fig.update_xaxes(ticktext=text, tickangle=0, tickfont=dict(size=HEAD_SIZE))
    return 14 + int(1.3 * HEAD_SIZE * lines)


def map_figure(ds: Dataset, lexicon: Lexicon, lang: str, themes=(), mode: str = "any", *,
               height: int = PREVIEW_MAP_HEIGHT, text_scale: float = MAP_TEXT_SCALE) -> go.Figure | None:
    """The map page's choropleth of direct mentions (all kinds) in the theme
    filter's sentences, with the named cities and the meeting place; no legend
    or colour bar (every province carries its count). Its text in smaller
    type (``text_scale``); below the map page's size (``text_scale`` < 1) the
    cities' names are left to their hover, as they would cover the provinces'.
    None without geometry."""
    shapes = geo.province_shapes(lexicon)
    if not shapes:
        return None
    counts, _ = placeviews.map_counts(ds, lexicon, themes=themes, mode=mode, lang=lang)
    cities = placeviews.map_cities(ds, lexicon, themes=themes, mode=mode, lang=lang)
    fig = placeviews.map_figure(counts, shapes, lang=lang, cities=cities, meeting=places.meeting_place(ds, lexicon),
                                height=height, city_outlines=geo.city_shapes(lexicon))
    fig.update_traces(showscale=False, selector=dict(type="choropleth"))
    fig.update_layout(showlegend=False, margin=dict(l=0, r=0, t=10, b=10))
    for trace in fig.data:
        if trace.type == "scattergeo" and trace.textfont.size:
            trace.textfont.size = round(trace.textfont.size * text_scale)
        if trace.type == "scattergeo" and trace.mode == "markers+text" and text_scale < 1:
            trace.mode = "markers"  # the cities and the meeting place
    return still(fig)


def content_filters(ds: Dataset, lexicon: Lexicon, themes=(), mode: str = "any") -> terms.Filters:
    """The terms page's filters for the words that carry content: generic policy
    verbs dropped (its switch), and the people's names and speech verbs that
    occur in the text excluded (its exclusion box), as the handout's top terms."""
    framing = set(terms.framing_words(lexicon))
    present = tuple(dict.fromkeys(term for term in ds.terms["term"] if term in framing))
    return terms.Filters(tier="policy", themes=tuple(themes), mode=mode, exclude=present)


def terms_params(f: terms.Filters) -> dict[str, str]:
    """The terms page's URL parameters for the filters of :func:`content_filters`."""
    params = {"tier": f.tier} if f.tier != "function" else {}
    if f.exclude:
        params["exclude"] = ",".join(f.exclude)  # as the terms page writes its exclusions
    return params


def term_figure(ds: Dataset, lang: str, f: terms.Filters, *, top: int = PREVIEW_TERMS,
                entries=None) -> go.Figure | None:
    """The terms page's bars of the ``top`` terms under the filters ``f``, without
    the title; None when no term is counted."""
    table = terms.term_table(ds, f, entries)
    if table.empty:
        return None
    fig = termviews.bar_chart(table, top, lang)
    fig.update_layout(title=None, margin=dict(t=40))
    fig.update_yaxes(tickfont=dict(color=charts.INK))  # the terms in the board's ink, not the theme's grey
    return still(fig)


@dataclass
class Preview:
    """One preview on the overview: the page it stands for, its title and figure."""

    page: str  # "themes", "map", "terms": the page it links to
    title: str
    figure: go.Figure | None  # None: nothing to show (``empty`` says why)
    config: dict  # for st.plotly_chart
    empty: str
    note: str = ""  # a caption under the figure
    params: dict | None = None  # URL parameters of the link beyond the shared view state


def previews(ds: Dataset, lexicon: Lexicon, lang: str, themes=(), mode: str = "any", entries=None) -> list[Preview]:
    """The three previews (themes, map, terms) for the shared view state."""
    themes = tuple(themes)
    still_config = {**charts.CONFIG, "displayModeBar": False}
    grid = theme_figure(ds, lang, themes, mode) if not ds.theme_hits.empty else None
    words = content_filters(ds, lexicon, themes, mode)
    return [
        Preview("themes", t("overview.preview_themes", lang), grid, still_config, t("themes.no_hits", lang)),
        Preview("map", t("overview.preview_map", lang), map_figure(ds, lexicon, lang, themes, mode),
                {**placeviews.CONFIG, "displayModeBar": False}, t("map.no_geometry", lang)),
        Preview("terms", t("overview.preview_terms", lang, n=PREVIEW_TERMS), term_figure(ds, lang, words, entries=entries),
                still_config, t("terms.no_terms", lang), t("overview.preview_terms_note", lang), terms_params(words)),
    ]
