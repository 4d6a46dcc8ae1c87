"""The overview page's content: the document card (with the text's title block),
key numbers, the outline, and small previews of the themes, map and terms pages.

The previews are the pages' own figures (:func:`studyboard.views.themeviews.paragraph_grid`,
:func:`studyboard.views.placeviews.map_figure`, :func:`studyboard.views.termviews.bar_chart`)
with the pages' default settings and the shared theme filter, made compact and
still (no selection, no mode bar). The handout embeds the same figures, and
its outline is the same records (:func:`outline_records`) drawn by the same
template (``outline.html``).
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go

from studyboard.analysis import outline, places, reading, terms, theme_scores
from studyboard.dataset.tables import Dataset
from studyboard.i18n import t
from studyboard.ingest.dates import find_date
from studyboard.lexicon import Lexicon
from studyboard.views import charts, geo, placeviews, termviews
from studyboard.views.labels import person, theme_names
from studyboard.views.templates import render

#: How many terms the terms preview shows.
PREVIEW_TERMS = 10
#: Row height of the themes preview (px): 14 paragraphs in about 300 px.
PREVIEW_ROW_PX = 22
PREVIEW_MAP_HEIGHT = 440
MAP_TEXT_SCALE = 0.82  # of the map page's type sizes


def title_lines(ds: Dataset, lang: str) -> list[dict]:
    """The text's title block under its title, in the order it is written: subtitle, date line,
    byline, author, source, salutation and editor's note, where the text has them. Each line is a
    record: ``part`` (the title block's part), ``label`` (作者 / Source …, '' when the line speaks for
    itself) and ``text`` as written (the date line in its parentheses, the salutation with its colon)."""
    parts = dict(zip(ds.title_block["part"], ds.title_block["text"]))
    lines = []
    for part in ("subtitle", "date_line", "speaker", "author", "source", "salutation", "editor_note"):
        text = str(parts.get(part, "") or "")
        if not text:
            continue
        label = t(f"overview.title_block_{part}", lang) if part in ("author", "source", "editor_note") else ""
        if part == "date_line":
            text = f"（{text}）"
        elif part == "salutation":
            text = f"{text}："
        lines.append({"part": part, "label": label, "text": text})
    return lines


def document_card(ds: Dataset, lexicon: Lexicon, lang: str) -> dict:
    """Title lines, the title block (:func:`title_lines`), metadata (also as one ``meta`` line:
    date · place · source) and the key numbers of a document (i18n key, value; a document with
    headings also counts them)."""
    doc = ds.document
    direct = ds.mentions[~ds.mentions["related"]] if len(ds.mentions) else ds.mentions
    speakers = ds.sentences["speaker"].dropna().nunique()
    numbers = [
        ("overview.paragraphs", int(doc["paragraphs"])),
        ("overview.sentences", int(doc["sentences"])),
        ("overview.chars", int(doc["chars"])),
        ("overview.words", int(doc["tokens"])),
        ("overview.speakers", int(speakers)),
        ("overview.provinces", int(direct["province"].replace("", None).dropna().nunique()) if len(direct) else 0),
    ]
    headings = int((ds.sections["kind"] != "article").sum()) if len(ds.sections) else 0
    if headings:
        numbers.insert(1, ("overview.headings", headings))
    lines = title_lines(ds, lang)
    # the date and the source once: a date line or source line of the title block stands for the same value
    dated = any(line["part"] in ("date_line", "subtitle") and find_date(line["text"]) == doc["date"] for line in lines)
    sourced = any(line["part"] == "source" and line["text"] == doc["source"] for line in lines)
    return {
        "kicker": doc["kicker"],
        "headline": doc["headline"],
        "title": doc["title"],
        "date": doc["date"],
        "place": doc["place"],
        "source": doc["source"],
        "meta": " · ".join(part for part in ("" if dated else doc["date"], doc["place"], "" if sourced else doc["source"]) if part),
        "title_block": lines,
        "numbers": numbers,
    }


def title_block_html(card: dict) -> str:
    """The card's title block lines as HTML (``title_block.html``), '' when the text has none."""
    return render("title_block.html", lines=card["title_block"], style=True) if card["title_block"] else ""


# --- the outline ------------------------------------------------------------------


def outline_records(ds: Dataset, items: pd.DataFrame, points: pd.DataFrame, lang: str, link=None) -> dict:
    """The outline in the UI language, as plain records for ``outline.html`` (the overview
    and the handout) and the handout's Markdown.

    A report's outline: ``main``, the main speaker's items, each with its ``label``
    (总体判断, 任务1 …) and its statement cut around the heading (``before``, ``head``,
    ``after``); ``others``: the other speakers, ``label`` their name, ``role``, and their
    ``points``; ``others_heading``. A structured document's outline: ``tree``, one record
    per heading in document order with its ``level``, ``numbering`` (一、), ``title`` and
    ``points`` (its key statements, cut as above, and its articles: number and first
    clause). Every record has its ``paragraph``, ``where`` (第5段; a heading: 第2–5段),
    its theme colour with the text colours on it and in it (``color``, ``on_color``,
    ``text_color``), and with ``link(paragraph)`` (an address) a link to the reader
    (``href``, ``link_text``, ``link_title``).
    """

    def record(item: dict, label: str, role: str = "", **body) -> dict:
        n, color = int(item["paragraph"]), item["color"]
        last = int(item.get("last_paragraph", n))
        out = {"label": label, "role": role, "paragraph": n, "where": t("study.paragraph", lang, n=n),
               "color": color, "on_color": charts.ink_on(color), "text_color": charts.readable(color),
               "points": None, "href": "", **body}
        if last > n:
            out["where"] = t("study.paragraphs", lang, first=n, last=last)
        if link is not None:
            text = (t("overview.to_reader_range", lang, first=n, last=last) if last > n
                    else t("overview.to_reader", lang, n=n))
            out.update(href=link(n), link_text=text, link_title=t("overview.to_reader_title", lang, n=n))
        return out

    structured = items["kind"].isin(outline.STRUCTURE_KINDS)
    tree: list[dict] = []
    for item in items[structured].to_dict("records"):
        before, head, after = outline.statement_parts(item["statement"], item["heading"])
        if item["kind"] == "heading":
            tree.append(record(item, "", kind="heading", level=int(item["level"]), numbering=item["numbering"],
                               title=item["heading"], points=[]))
        elif item["kind"] == "article" and (not tree or int(item["parent"]) == 0):
            # an article under no heading stands on its own: its number and first clause
            tree.append(record(item, "", kind="article", level=max(int(item["level"]), 1),
                               numbering=item["numbering"], title=item["heading"], points=[]))
        else:
            after = "" if item["kind"] == "article" else after  # an article: its number and first clause
            tree[-1]["points"].append(record(item, "", kind=item["kind"], before=before, head=head, after=after))
    main = []
    for item in items[~structured & (items["kind"] != "speaker")].to_dict("records"):
        before, head, after = outline.statement_parts(item["statement"], item["heading"])
        label = (t("study.task_short", lang, n=int(item["number"])) if item["kind"] == "task"
                 else t(f"study.{item['kind']}", lang))
        main.append(record(item, label, before=before, head=head, after=after))
    others = []
    for item in items[items["kind"] == "speaker"].to_dict("records"):
        name, role = person(ds, item["speaker"], lang)
        others.append(record(item, name, role, points=points.loc[points["item"] == item["item"], "text"].tolist()))
    return {"main": main, "others": others, "others_heading": t("study.other_speakers", lang), "tree": tree}


def outline_html(ds: Dataset, items: pd.DataFrame, points: pd.DataFrame, lang: str, link) -> str:
    """The outline as HTML with its style: the main speaker's items as a list, then the other
    speakers' points; or the heading tree with the key statements under each heading (see
    :func:`outline_records`; ``link(paragraph)`` gives the reader's address)."""
    return render("outline.html", outline=outline_records(ds, items, points, lang, link), style=True)


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
        names = theme_names(ds, lang)
        heads = [names[theme] for theme in theme_scores.theme_ids(ds, themes)]
        top = narrow_heads(fig, heads)
        fig.update_layout(height=top + 20 + row_px * len(ds.paragraphs), margin=dict(t=top, r=6, l=6))
        fig.update_yaxes(title=None, tickfont=dict(size=HEAD_SIZE))
    return still(fig)


HEAD_SIZE = 12  # px: the row labels of a narrow grid, as its column heads (themeviews.NARROW_HEAD_SIZE)


def narrow_heads(fig: go.Figure, heads: list[str]) -> int:
    """Column heads that fit narrow columns (see :func:`theme_figure`, and
    :func:`studyboard.views.themeviews.narrow_heads`); returns the top margin they need."""
    from studyboard.views.themeviews import narrow_heads as heads_for

    text, angle, top = heads_for(heads)
    fig.update_xaxes(ticktext=text, tickangle=angle, tickfont=dict(size=HEAD_SIZE))
    return top


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
