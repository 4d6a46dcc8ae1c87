"""The figures and tables of the reader and themes pages, in the UI language.

Theme grids (paragraph × theme, sentence × theme, speaker × theme) are drawn
as rows of rectangles, one bar per cell, in the theme's own colour: the
darker the cell, the more hits. Bars rather than ``go.Heatmap`` because
Streamlit's selection events do not fire on heatmap traces; every cell
carries ``customdata = [row id, theme id]`` so a click can be read back
(:func:`studyboard.analysis.reading.pick`).

The data behind each figure comes from :mod:`studyboard.analysis.theme_scores`
(``paragraph_cells``, ``theme_shares``, ``cooccurrence`` ...) and the theme
lexicon's tables from :mod:`studyboard.analysis.theme_lexicon`; this module
names and draws them. Plotly text (labels, hover) is escaped by the templates
``templates/themes_*.html`` and ``plotly_lines.html``.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from studyboard import i18n
from studyboard.analysis import filters, reading
from studyboard.analysis.theme_lexicon import theme_summary
from studyboard.analysis.theme_scores import (METRICS, cooccurrence, paragraph_cells, section_cells,
                                              sentence_cells, speaker_cells, theme_ids, theme_shares, top_pairs)
from studyboard.dataset.tables import Dataset
from studyboard.views import charts, labels, reader
from studyboard.views.templates import render

EMPTY = "#F2F2F2"  # a cell without hits
FRAME = "#222222"
SEPARATOR = "#666666"  # the line between two sections of a grid
DIM = 0.35  # opacity of cells outside the filter


# --- helpers -------------------------------------------------------------------


def wrap_label(text: str, width: int) -> str:
    """A label broken into lines for a narrow column: words for Latin text,
    ``width`` characters for Chinese (plotly's ``<br>``; the text is escaped)."""
    text = str(text)
    if not text:
        return ""
    if any("a" <= ch.lower() <= "z" for ch in text):
        lines, line = [], ""
        for word in text.split():
            if line and len(line) + 1 + len(word) > width * 2:
                lines.append(line)
                line = word
            else:
                line = f"{line} {word}".strip()
        lines.append(line)
    else:
        lines = [text[i:i + width] for i in range(0, len(text), width)]
        if len(lines) > 1 and len(lines[-1]) == 1:  # no orphan character
            orphan = lines.pop()
            lines[-1] += orphan
    return plotly_text(*lines)


def plotly_text(*lines: str) -> str:
    """Lines of plain text as plotly text: each escaped, joined by ``<br>``."""
    return render("plotly_lines.html", lines=lines)


def _keyword_lines(keywords: str, per_line: int = 5) -> list[str]:
    words = [w for w in str(keywords).split("、") if w]
    return ["、".join(words[i:i + per_line]) for i in range(0, len(words), per_line)]


def _text_lines(text: str, width: int = 22, most: int = 6) -> list[str]:
    lines = [text[i:i + width] for i in range(0, len(text), width)]
    if len(lines) > most:
        lines = lines[:most]
        lines[-1] += "…"
    return lines


def value_text(value: float, metric: str) -> str:
    """A cell's number as shown: hits as a whole number, density with one decimal."""
    if not value:
        return ""
    return f"{int(value)}" if metric == "hits" else f"{value:.1f}"


def speaker_name(ds: Dataset, name: str | None, lang: str) -> str:
    """A speaker row's name in the UI language: the person's
    (:func:`studyboard.views.labels.person_name`), or narration's for
    :data:`studyboard.analysis.filters.NARRATION` (and for no one)."""
    if not isinstance(name, str) or not name or name == filters.NARRATION:
        return i18n.t("themes.narration", lang)
    return labels.person_name(ds, name, lang)


# --- figures -------------------------------------------------------------------------


def _cell_colors(cells: pd.DataFrame, colors: dict[str, str], metric: str) -> list[str]:
    values = cells[metric].astype(float)
    top = float(values.max()) if len(values) else 0.0
    return [charts.tint(colors.get(t, "#777777"), 0.18 + 0.82 * v / top) if v > 0 and top > 0 else EMPTY
            for t, v in zip(cells["theme"], values)]


def _ink_on(fill: str) -> str:
    red, green, blue = (int(fill[i:i + 2], 16) for i in (1, 3, 5))
    return "#FFFFFF" if (0.299 * red + 0.587 * green + 0.114 * blue) < 150 else charts.INK


def grid_figure(cells: pd.DataFrame, ds: Dataset, lang: str, *, metric: str, rows: list, row_labels: dict,
                row_names: dict, title: str, y_title: str, row_notes: dict | None = None,
                selected: tuple | None = None, dim_rows=(), dim_themes=(), show_values: bool = False,
                row_px: int = 36, row_groups: list | None = None, narrow: bool = False) -> go.Figure:
    """A grid of cells (rows × themes) coloured by ``metric``, one bar per cell.

    ``cells`` has ``row, theme, hits, density, keywords``; ``rows`` gives the
    rows top to bottom, ``row_labels`` their tick labels and ``row_names``
    their names in the hover text (``row_notes`` adds a line, such as the
    sentence). ``selected = (row, theme)`` frames that cell and its row;
    ``dim_rows`` and ``dim_themes`` are drawn faint; ``row_groups`` (a key
    per row of ``rows``, such as its section) draws a line where the key
    changes. Every bar carries ``customdata = [row, theme]``. Theme names head the columns, broken into
    lines; long Latin names over more than four columns are set at an angle. ``narrow``: heads that fit
    columns of 30 px and more (:func:`narrow_heads`) and no axis title, for a grid in a narrow column or on
    a phone.
    """
    if metric not in METRICS:
        raise ValueError(f"unknown metric {metric!r}")
    themes = [t for t in theme_ids(ds) if t in set(cells["theme"])]
    colors = charts.theme_colors(ds)
    names = labels.theme_names(ds, lang)
    position = {row: i for i, row in enumerate(rows)}
    cells = cells[cells["row"].isin(position)]
    fills = _cell_colors(cells, colors, metric)
    values = cells[metric]
    by_theme: dict[str, list[tuple]] = {theme: [] for theme in themes}
    for row, theme, hits, density, keywords, value, fill in zip(
            cells["row"], cells["theme"], cells["hits"], cells["density"], cells["keywords"], values, fills):
        if theme in by_theme:
            by_theme[theme].append((position[row], row, hits, density, keywords, value, fill))
    dim_rows, dim_themes = set(dim_rows), set(dim_themes)
    traces = []
    notes = []  # the numbers: annotations, not bar text (plotly's selection styling breaks on per-bar text colours)
    for column, theme in enumerate(themes):
        mine = sorted(by_theme[theme], key=lambda cell: cell[0])
        hover, fill, opacity = [], [], []
        for pos, row, hits, density, keywords, value, cell_fill in mine:
            note = row_notes.get(row) if row_notes else None
            hover.append(render("themes_cell_hover.html", row=row_names.get(row, row), theme=names[theme],
                                note=_text_lines(note) if note else [],
                                counts=i18n.t("themes.hover_counts", lang, hits=int(hits), density=f"{density:.2f}"),
                                keywords_label=i18n.t("themes.hover_keywords", lang),
                                keywords=_keyword_lines(keywords) if keywords else []))
            fill.append(cell_fill)
            opacity.append(DIM if (row in dim_rows or theme in dim_themes) else 1.0)
            number = value_text(value, metric) if show_values else ""
            if number:
                # y by position: plotly reads a number-like category ("8") as a position
                notes.append(dict(x=column + 0.5, y=pos, xref="x", yref="y",
                                  text=number, showarrow=False, opacity=opacity[-1],
                                  font=dict(color=_ink_on(cell_fill), size=charts.BASE_SIZE)))
        traces.append(go.Bar(
            orientation="h",
            y=[row_labels.get(cell[1], str(cell[1])) for cell in mine],
            x=[0.94] * len(mine),
            base=[column + 0.03] * len(mine),
            width=0.9,
            marker=dict(color=fill, opacity=opacity, line=dict(width=0)),
            hovertext=hover,
            hovertemplate="%{hovertext}<extra></extra>",
            customdata=[[cell[1], theme] for cell in mine],
            name=names[theme],
            showlegend=False,
        ))
    heads = [names[t] for t in themes]
    top, right = _head_room(heads, bool(title))
    head_text, head_angle, head_font = _column_labels(heads), _column_angle(heads), {}
    if narrow:
        head_text, head_angle, head_px = narrow_heads(heads, latin_width=12)  # one line: columns under 30 px
        top, right, head_font = (64 if title else 12) + head_px, 10, dict(tickfont=dict(size=NARROW_HEAD_SIZE))
    shapes = [dict(type="line", xref="x", yref="y", x0=0, x1=max(len(themes), 1), y0=i - 0.5, y1=i - 0.5,
                   line=dict(color=SEPARATOR, width=2))
              for i in range(1, len(row_groups or ())) if row_groups[i] != row_groups[i - 1]]
    if selected is not None and selected[0] in position:
        y = position[selected[0]]
        shapes.append(dict(type="rect", xref="x", yref="y", x0=0, x1=len(themes), y0=y - 0.5, y1=y + 0.5,
                           line=dict(color=FRAME, width=2), fillcolor="rgba(0,0,0,0)"))
        if selected[1] in themes:
            x = themes.index(selected[1])
            shapes.append(dict(type="rect", xref="x", yref="y", x0=x, x1=x + 1, y0=y - 0.5, y1=y + 0.5,
                               line=dict(color=FRAME, width=4), fillcolor="rgba(0,0,0,0)"))
    layout = dict(
        barmode="overlay", bargap=0, dragmode=False, clickmode="event+select", margin=dict(t=top, r=right),
        annotations=notes, shapes=shapes,
        xaxis=_ink(range=[0, max(len(themes), 1)], side="top", showgrid=False, zeroline=False, fixedrange=True,
                   tickmode="array", tickvals=[i + 0.5 for i in range(len(themes))],
                   ticktext=head_text, tickangle=head_angle, **head_font),
        yaxis=_ink(type="category", categoryorder="array", categoryarray=[row_labels.get(r, str(r)) for r in rows],
                   autorange="reversed", showgrid=False, fixedrange=True,
                   title=dict(text="" if narrow else y_title)),  # narrow: no room; the rows are numbered
    )
    if title:  # at the top of the figure, above the column heads
        layout["title"] = dict(y=1, yref="container", yanchor="top", pad=dict(t=14))
    return charts.figure(traces, layout, title, top + 20 + row_px * max(len(rows), 1))


def paragraph_grid(ds: Dataset, lang: str, *, metric: str = "density", themes=(), selected=None,
                   dim_rows=(), dim_themes=(), show_values: bool = False, title: str | None = None,
                   row_px: int | None = None, paragraphs=None, narrow: bool = False) -> go.Figure:
    """Paragraph × theme: the paragraphs (all, or ``paragraphs``) top to bottom
    in reading order (``row_px``: height of a row, by default roomy for a
    short text). In a text with sections a row is labelled with its section
    (三（一）¶9) and a line parts the sections. ``narrow``: column heads for narrow columns (the
    reader's side column, a phone)."""
    cells = paragraph_cells(ds, themes)
    rows = list(ds.paragraphs["paragraph"]) if paragraphs is None else [int(p) for p in paragraphs]
    notes = dict(zip(ds.paragraphs["paragraph"], ds.paragraphs["text"].str.slice(0, 44)))
    groups = None
    if reading.has_sections(ds):
        inner = reading.paragraph_sections(ds)
        rows_of = reader.section_rows(ds)
        ticks = {p: plotly_text(reader.row_label(ds, p, inner.get(p, 0), lang, rows_of)) for p in rows}
        names = {p: i18n.t("themes.paragraph_in_section", lang, n=p,
                           section=_cut(reader.section_place(ds, inner[p], lang, rows_of), 18))
                 if inner.get(p) else i18n.t("themes.paragraph_n", lang, n=p) for p in rows}
        groups = reading.groups(ds, rows)
    else:
        ticks = {p: str(p) for p in rows}
        names = {p: i18n.t("themes.paragraph_n", lang, n=p) for p in rows}
    return grid_figure(cells, ds, lang, metric=metric, rows=rows, row_labels=ticks,
                       row_names=names, row_notes=notes,
                       title=title if title is not None else i18n.t(f"themes.grid_title_{metric}", lang),
                       y_title=i18n.t("themes.axis_paragraph", lang), selected=selected, dim_rows=dim_rows,
                       dim_themes=dim_themes, show_values=show_values,
                       row_px=row_px or _row_px(len(rows)), row_groups=groups, narrow=narrow)


def section_grid(ds: Dataset, lang: str, *, level: int = 1, metric: str = "hits", themes=()) -> go.Figure:
    """Section × theme for the sections of heading ``level``: hits (or hits
    per 100 characters) in each section with the sections under it. Rows are
    labelled with the heading's number and title (一、深刻认识…), below the top
    level with the numbers of the headings above it (三（一）以科技创新…), and a
    line parts the top-level sections."""
    cells = section_cells(ds, themes, level)
    rows = list(dict.fromkeys(int(r) for r in cells["row"]))
    rows_of = reader.section_rows(ds)
    names = {r: reader.section_place(ds, r, lang, rows_of) for r in rows}
    groups = [(reading.section_path(ds, r) or [r])[0] for r in rows] if level > 1 else None
    ticks = {r: wrap_label(_cut(names[r], 20), 10) for r in rows}
    return grid_figure(cells, ds, lang, metric=metric, rows=rows, row_labels=ticks, row_names=names,
                       title=i18n.t(f"themes.section_title_{metric}", lang),
                       y_title=i18n.t("themes.axis_section", lang), show_values=True, row_px=54, row_groups=groups)


def level_examples(ds: Dataset, lang: str) -> dict[int, str]:
    """Heading level -> how its numbers are written, from the first heading of
    each kind at that level (1: 一、, 2: （一）; 2: 第一条 / 第一节 in a regulation)."""
    out: dict[int, list[str]] = {}
    seen = set()
    for row in ds.sections.itertuples(index=False):
        if (row.level, row.kind) not in seen:
            seen.add((row.level, row.kind))
            label = reader.number_label(str(row.kind), str(row.number)).strip()
            out.setdefault(int(row.level), []).append(label or reader.section_name(ds, int(row.section), lang)[:6])
    return {level: " / ".join(found) for level, found in out.items()}


def _cut(text: str, chars: int) -> str:
    return text if len(text) <= chars else text[:chars] + "…"


def sentence_grid(ds: Dataset, paragraph: int, lang: str, *, metric: str = "hits", themes=()) -> go.Figure:
    """Sentence × theme for one paragraph; rows labelled with the sentence's start."""
    cells = sentence_cells(ds, paragraph, themes)
    sentences = ds.sentences[ds.sentences["paragraph"] == paragraph]
    rows = list(sentences["sentence"])
    ticks = {s: plotly_text(f"{i} {text[:8]}…" if len(text) > 8 else f"{i} {text}")
             for s, i, text in zip(sentences["sentence"], sentences["index"], sentences["text"])}
    names = {s: i18n.t("themes.sentence_n", lang, n=i) for s, i in zip(sentences["sentence"], sentences["index"])}
    notes = dict(zip(sentences["sentence"], sentences["text"]))
    return grid_figure(cells, ds, lang, metric=metric, rows=rows, row_labels=ticks, row_names=names,
                       row_notes=notes, title=i18n.t("themes.sentence_title", lang, n=paragraph),
                       y_title=i18n.t("themes.axis_sentence", lang), show_values=True, row_px=44)


def speaker_grid(ds: Dataset, lang: str, *, metric: str = "hits", themes=()) -> go.Figure:
    """Speaker × theme (narration is a row of its own)."""
    cells = speaker_cells(ds, themes)
    rows = list(dict.fromkeys(cells["row"]))
    ticks = {r: plotly_text(speaker_name(ds, r, lang)) for r in rows}
    return grid_figure(cells, ds, lang, metric=metric, rows=rows, row_labels=ticks,
                       row_names={r: speaker_name(ds, r, lang) for r in rows},
                       title=i18n.t(f"themes.speaker_title_{metric}", lang),
                       y_title=i18n.t("themes.axis_speaker", lang), show_values=True, row_px=48)


def _angled(labels: list[str]) -> bool:
    return len(labels) > 4 and any(any("a" <= ch.lower() <= "z" for ch in label) and len(label) > 10
                                   for label in labels)


def _column_labels(labels: list[str]) -> list[str]:
    """Column headings: broken into lines (four Chinese characters, or words),
    or left whole when they are set at an angle."""
    return [plotly_text(label) for label in labels] if _angled(labels) else [wrap_label(label, 4) for label in labels]


def _column_angle(labels: list[str]) -> int:
    return -45 if _angled(labels) else 0


def _head_room(labels: list[str], titled: bool) -> tuple[int, int]:
    """Top and right margins (px) that fit the title and the column heads:
    up to three lines, or names set at 45° (about 8.6 px a Latin character at
    16 px), the last of which reaches out to the right."""
    title = 64 if titled else 12
    if not _angled(labels):
        lines = max((wrap_label(label, 4).count("<br>") + 1 for label in labels), default=1)
        return title + 22 * lines + 12, 10
    reach = [0.71 * 8.6 * len(label) for label in labels]
    return title + int(max(reach)) + 24, int(reach[-1]) + 12


NARROW_HEAD_SIZE = 12  # px: column heads of a narrow grid


def narrow_heads(heads: list[str], latin_width: int = 8) -> tuple[list[str], int, int]:
    """Column heads that fit columns 30 px wide: (tick texts, tick angle, height in px they need).
    Chinese names two characters a line (an odd one's last line three: 党的/领导/与落实, a
    five-character name 高质量/发展), in small type; Latin names upright, read bottom to top, in lines
    of up to ``2 × latin_width`` characters (a line of 12 px type is about 15 px wide)."""
    latin = any(any("a" <= ch.lower() <= "z" for ch in head) for head in heads)
    if latin:
        text = [wrap_label(head, latin_width) for head in heads]
        longest = max((len(line) for label in text for line in label.split("<br>")), default=1)
        return text, -90, int(14 + 0.62 * NARROW_HEAD_SIZE * longest)
    text = [plotly_text(*_pairs(head)) for head in heads]
    lines = max((label.count("<br>") + 1 for label in text), default=1)
    return text, 0, 14 + int(1.3 * NARROW_HEAD_SIZE * lines)


def _pairs(name: str) -> list[str]:
    """A Chinese name in lines of two characters; an odd name's three-character line where it reads
    best: first for five characters (高质量/发展), last otherwise (党的/领导/与落实)."""
    if len(name) <= 3:
        return [name]
    if len(name) == 5:
        return [name[:3], name[3:]]
    lines = [name[i:i + 2] for i in range(0, len(name), 2)]
    if len(lines[-1]) == 1:
        lines[-2:] = [lines[-2] + lines[-1]]
    return lines


def _row_px(rows: int) -> int:
    """Row height of a paragraph grid: roomy for a short text, at least 14 px."""
    return int(max(14, min(36, 620 // max(rows, 1))))


def share_figure(ds: Dataset, lang: str, themes=()) -> go.Figure:
    """Share of each theme in all hits: horizontal bars in the themes' colours, most first."""
    shares = theme_shares(ds, themes)
    colors = charts.theme_colors(ds)
    names = labels.theme_names(ds, lang)
    top = float(shares["share"].max()) if len(shares) else 0.0
    bar = go.Bar(
        orientation="h",
        x=shares["share"],
        y=[plotly_text(names[t]) for t in shares["theme"]],
        marker=dict(color=[colors[t] for t in shares["theme"]]),
        text=[i18n.t("themes.share_label", lang, share=s, hits=h) for s, h in zip(shares["share"], shares["hits"])],
        textposition="outside",
        cliponaxis=False,
        customdata=list(zip(shares["hits"], shares["paragraphs"])),
        hovertemplate=i18n.t("themes.share_hover", lang) + "<extra></extra>",
    )
    layout = dict(
        xaxis=_ink(title=dict(text=i18n.t("themes.axis_share", lang)), range=[0, max(top * 1.3, 1)], ticksuffix="%"),
        yaxis=_ink(autorange="reversed"),
    )
    return charts.figure([bar], layout, i18n.t("themes.share_title", lang), 110 + 46 * len(shares))


def pairs_table(ds: Dataset, lang: str, unit: str = "sentence", themes=(), n: int = 5) -> pd.DataFrame:
    """:func:`top_pairs` with theme names and column headings in the UI language."""
    pairs = top_pairs(ds, unit, themes, n)
    names = labels.theme_names(ds, lang)
    unit_name = i18n.t(f"themes.unit_{unit}", lang)
    return pd.DataFrame({
        i18n.t("themes.col_pair_a", lang): [names[t] for t in pairs["a"]],
        i18n.t("themes.col_pair_b", lang): [names[t] for t in pairs["b"]],
        i18n.t("themes.col_pair_n", lang, unit=unit_name): list(pairs["count"]),
    })


def cooccurrence_figure(ds: Dataset, lang: str, unit: str = "sentence", themes=()) -> go.Figure:
    """The co-occurrence matrix as a heatmap. The colour scale covers pairs of
    different themes; the diagonal (units with the theme at all) is written
    in grey cells so that it does not drown the pairs. Theme names carry a
    square in the theme's colour."""
    matrix = cooccurrence(ds, unit, themes)
    colors = charts.theme_colors(ds)
    names = labels.theme_names(ds, lang)
    ids = list(matrix.index)
    y_labels = [render("themes_swatch_label.html", color=colors[t], label=names[t]) for t in ids]
    x_labels = _column_labels([names[t] for t in ids])
    values = matrix.to_numpy()
    pairs = values.astype(float)
    np.fill_diagonal(pairs, np.nan)
    unit_name = i18n.t(f"themes.unit_{unit}", lang)
    hover = [[plotly_text(i18n.t("themes.cooc_hover", lang, a=names[a], b=names[b], n=int(values[i, j]),
                                 unit=unit_name) if i != j else
                          i18n.t("themes.cooc_self", lang, a=names[a], n=int(values[i, j]), unit=unit_name))
              for j, b in enumerate(ids)] for i, a in enumerate(ids)]
    top = np.nanmax(pairs) if len(ids) > 1 and np.isfinite(pairs).any() else 1
    diagonal = go.Heatmap(  # grey
        z=np.where(np.eye(len(ids), dtype=bool), 0.0, np.nan), x=x_labels, y=y_labels,
        colorscale=[[0, "#E4E4E4"], [1, "#E4E4E4"]], showscale=False, xgap=2, ygap=2,
        text=np.where(np.eye(len(ids), dtype=bool), values, 0), texttemplate="(%{text})",
        textfont=dict(size=charts.BASE_SIZE, color="#555555"),
        hovertext=hover, hovertemplate="%{hovertext}<extra></extra>",
    )
    others = go.Heatmap(
        z=pairs, x=x_labels, y=y_labels, text=values, texttemplate="%{text}",
        textfont=dict(size=charts.BASE_SIZE), zmin=0, zmax=max(float(top), 1.0),
        colorscale=[[i / (len(charts.SEQUENTIAL) - 1), c] for i, c in enumerate(charts.SEQUENTIAL)],
        hovertext=hover, hovertemplate="%{hovertext}<extra></extra>", xgap=2, ygap=2,
        colorbar=dict(title=dict(text=i18n.t("themes.cooc_colorbar", lang, unit=unit_name), side="top"),
                      thickness=16, dtick=max(1, int(np.ceil(max(float(top), 1.0) / 5)))),
    )
    layout = dict(
        xaxis=_ink(side="bottom", tickangle=_column_angle([names[t] for t in ids]), showgrid=False),
        yaxis=_ink(autorange="reversed", showgrid=False),
    )
    return charts.figure([diagonal, others], layout, i18n.t("themes.cooc_title", lang, unit=unit_name),
                         190 + 56 * len(ids))


def _ink(**axis) -> dict:
    """An axis's settings with its tick labels and title in the board's ink (not
    the lighter grey of Streamlit's chart theme), for a projector."""
    title = axis.pop("title", None) or {}
    return {**axis, "tickfont": {**axis.get("tickfont", {}), "color": charts.INK},
            "title": {**title, "font": dict(color=charts.INK)}}


# --- the lexicon as a table ---------------------------------------------------------


def summary_html(ds: Dataset, lang: str) -> str:
    """The themes as an HTML table: colour swatch, name, description, number
    of keywords, hits, paragraphs, and the keywords found with their counts
    (:func:`studyboard.analysis.theme_lexicon.theme_summary`, named in the UI language)."""
    table = theme_summary(ds)
    names = labels.theme_names(ds, lang)
    descriptions = dict(zip(ds.themes["theme"], ds.themes["desc_en" if lang == "en" else "desc_zh"]))
    heads = [i18n.t(key, lang) for key in ("themes.col_color", "themes.col_name", "themes.col_desc",
                                           "themes.col_keywords", "themes.col_hits", "themes.col_paragraphs",
                                           "themes.col_top")]
    rows = [{"color": row.color, "name": names[row.theme], "description": descriptions[row.theme],
             "keywords": row.keywords, "hits": row.hits, "paragraphs": row.paragraphs, "top": row.top}
            for row in table.itertuples()]
    return render("themes_summary.html", heads=heads, rows=rows)


#: Styles of the themes page's table (with the reader's swatch).
CSS = """
<style>
.sb-themes { border-collapse: collapse; width: 100%; font-size: 1.02rem; margin: .3rem 0 1rem 0; }
.sb-themes th { text-align: left; border-bottom: 2px solid #999; padding: .35rem .5rem; white-space: nowrap; }
.sb-themes td { border-bottom: 1px solid #E2E2E2; padding: .35rem .5rem; vertical-align: top; }
.sb-themes td:nth-child(2) { white-space: nowrap; }
.sb-themes td.sb-n { text-align: right; font-variant-numeric: tabular-nums; }
.sb-swatch { display: inline-block; width: 1.05rem; height: 1.05rem; border-radius: 3px; vertical-align: -0.15rem; }
</style>
"""
