"""The figures and tables of the reader and themes pages.

Theme grids (paragraph × theme, sentence × theme, speaker × theme) are drawn
as rows of rectangles, one bar per cell, in the theme's own colour: the
darker the cell, the more hits. Bars rather than ``go.Heatmap`` because
Streamlit's selection events do not fire on heatmap traces; every cell
carries ``customdata = [row id, theme id]`` so a click can be read back
(:func:`studyboard.views.reader.pick`).

The data behind each figure is a plain function returning a DataFrame
(``paragraph_cells``, ``theme_shares``, ``cooccurrence`` ...), tested on its
own. The theme lexicon is shown as a keyword table with per-keyword hit
counts; :func:`themes_from_table` turns an edited copy of that table back
into themes for :func:`studyboard.lexicon.save_themes`.
"""

from __future__ import annotations

import hashlib

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from studyboard.views import charts
from studyboard import i18n
from studyboard.dataset.tables import Dataset
from studyboard.errors import LexiconError
from studyboard.lexicon import Theme, parse_themes
from studyboard.views.markup import html as esc

METRICS = ("hits", "density")
UNITS = ("sentence", "paragraph")
EMPTY = "#F2F2F2"  # a cell without hits
FRAME = "#222222"
DIM = 0.35  # opacity of cells outside the filter
NARRATION = ""  # speaker key of sentences nobody speaks


class EditError(LexiconError):
    """An edited keyword table that cannot become a theme lexicon (messages
    are the ``themes.*`` strings)."""

    def message(self, lang: str = "zh") -> str:
        return i18n.t(f"themes.{self.key}", lang, **self.params)


# --- helpers -------------------------------------------------------------------


def theme_ids(ds: Dataset, selected=()) -> list[str]:
    """The selected themes in lexicon order, or all themes when none is selected."""
    order = list(ds.themes.sort_values("order")["theme"])
    chosen = [t for t in order if t in set(selected)]
    return chosen or order


def one_of(options):
    """A parser for a URL value that must be one of ``options`` (else None: ignored)."""
    allowed = tuple(options)
    return lambda text: text if text in allowed else None


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
    return "<br>".join(esc(line) for line in lines)


def _join_keywords(keywords: str, per_line: int = 5) -> str:
    words = [w for w in str(keywords).split("、") if w]
    lines = ["、".join(words[i:i + per_line]) for i in range(0, len(words), per_line)]
    return "<br>".join(esc(line) for line in lines)


def _wrap_text(text: str, width: int = 22, most: int = 6) -> str:
    lines = [text[i:i + width] for i in range(0, len(text), width)]
    if len(lines) > most:
        lines = lines[:most]
        lines[-1] += "…"
    return "<br>".join(esc(line) for line in lines)


def value_text(value: float, metric: str) -> str:
    """A cell's number as shown: hits as a whole number, density with one decimal."""
    if not value:
        return ""
    return f"{int(value)}" if metric == "hits" else f"{value:.1f}"


def speaker_name(ds: Dataset, name: str | None, lang: str) -> str:
    """A speaker's name in the UI language (romanised from the people table in English)."""
    if not isinstance(name, str) or name == NARRATION:
        return i18n.t("themes.narration", lang)
    if lang == "en" and len(ds.people):
        match = ds.people.loc[ds.people["name"] == name, "name_en"]
        if len(match) and str(match.iloc[0]):
            return str(match.iloc[0])
    return name


# --- the data of the grids ---------------------------------------------------------


def paragraph_cells(ds: Dataset, themes=()) -> pd.DataFrame:
    """One row per paragraph and theme: ``row`` (paragraph number), ``theme``,
    ``hits``, ``density`` (hits per 100 characters), ``keywords``."""
    ids = theme_ids(ds, themes)
    cells = ds.paragraph_themes[ds.paragraph_themes["theme"].isin(ids)]
    return cells.rename(columns={"paragraph": "row"})[["row", "theme", "hits", "density", "keywords"]] \
        .reset_index(drop=True)


def sentence_cells(ds: Dataset, paragraph: int, themes=()) -> pd.DataFrame:
    """One row per sentence of ``paragraph`` and theme (zeros included);
    ``row`` is the sentence's number in the document."""
    ids = theme_ids(ds, themes)
    sentences = ds.sentences[ds.sentences["paragraph"] == paragraph]
    grid = pd.MultiIndex.from_product([list(sentences["sentence"]), ids], names=["row", "theme"]) \
        .to_frame(index=False)
    scored = ds.sentence_themes.rename(columns={"sentence": "row"})[["row", "theme", "hits", "density", "keywords"]]
    out = grid.merge(scored, on=["row", "theme"], how="left")
    out["hits"] = out["hits"].fillna(0).astype("int64")
    out["density"] = out["density"].fillna(0.0).astype("float64")
    out["keywords"] = out["keywords"].fillna("").astype(str)
    return out


def speaker_cells(ds: Dataset, themes=()) -> pd.DataFrame:
    """One row per speaker and theme: hits in the speaker's sentences and hits
    per 100 of their characters. ``row`` is the speaker's name, ``""`` for
    narration; speakers in order of their first sentence, narration last."""
    ids = theme_ids(ds, themes)
    sentences = ds.sentences.assign(row=ds.sentences["speaker"].fillna(NARRATION).astype(str))
    order = list(dict.fromkeys(sentences["row"]))
    if NARRATION in order:
        order.remove(NARRATION)
        order.append(NARRATION)
    chars: dict[str, int] = {}
    for speaker, length in zip(sentences["row"], sentences["chars"]):
        chars[speaker] = chars.get(speaker, 0) + int(length)
    speaker_of = dict(zip(sentences["sentence"], sentences["row"]))
    scored = ds.sentence_themes[ds.sentence_themes["theme"].isin(ids)]
    hits: dict[tuple[str, str], int] = {}
    words: dict[tuple[str, str], dict[str, None]] = {}
    for sentence, theme, count, keywords in zip(scored["sentence"], scored["theme"], scored["hits"],
                                                scored["keywords"]):
        key = (speaker_of[sentence], theme)
        hits[key] = hits.get(key, 0) + int(count)
        words.setdefault(key, {}).update(dict.fromkeys(w for w in str(keywords).split("、") if w))
    rows = [(speaker, theme, hits.get((speaker, theme), 0),
             round(100.0 * hits.get((speaker, theme), 0) / max(int(chars[speaker]), 1), 3),
             "、".join(words.get((speaker, theme), {})))
            for speaker in order for theme in ids]
    return pd.DataFrame(rows, columns=["row", "theme", "hits", "density", "keywords"])


def theme_shares(ds: Dataset, themes=()) -> pd.DataFrame:
    """Each theme's hits in the whole text, its share of all hits (percent,
    over the themes shown) and the number of paragraphs it occurs in; most
    hits first."""
    ids = theme_ids(ds, themes)
    grid = ds.paragraph_themes[ds.paragraph_themes["theme"].isin(ids)]
    hits = grid.pivot_table(index="theme", values="hits", aggfunc="sum")["hits"].reindex(ids, fill_value=0)
    paragraphs = (grid.assign(carried=grid["hits"] > 0)
                  .pivot_table(index="theme", values="carried", aggfunc="sum")["carried"]
                  .reindex(ids, fill_value=0))
    total = int(hits.sum())
    out = pd.DataFrame({
        "theme": ids,
        "hits": [int(hits[t]) for t in ids],
        "share": [round(100.0 * int(hits[t]) / total, 1) if total else 0.0 for t in ids],
        "paragraphs": [int(paragraphs[t]) for t in ids],
    })
    order = {t: i for i, t in enumerate(ids)}
    return out.sort_values(["hits", "theme"], ascending=[False, True],
                           key=lambda c: c.map(order) if c.name == "theme" else c, ignore_index=True)


def cooccurrence(ds: Dataset, unit: str = "sentence", themes=()) -> pd.DataFrame:
    """Theme × theme: how many sentences (or paragraphs) carry both themes;
    the diagonal counts the units that carry the theme at all."""
    if unit not in UNITS:
        raise ValueError(f"unknown unit {unit!r}")
    ids = theme_ids(ds, themes)
    table = ds.sentence_themes if unit == "sentence" else ds.paragraph_themes[ds.paragraph_themes["hits"] > 0]
    present = pd.crosstab(table[unit], table["theme"]).reindex(columns=ids, fill_value=0).clip(upper=1)
    matrix = present.T.to_numpy() @ present.to_numpy() if len(present) else np.zeros((len(ids), len(ids)))
    return pd.DataFrame(matrix.astype("int64"), index=pd.Index(ids, name="theme"), columns=ids)


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
                row_px: int = 36) -> go.Figure:
    """A grid of cells (rows × themes) coloured by ``metric``, one bar per cell.

    ``cells`` has ``row, theme, hits, density, keywords``; ``rows`` gives the
    rows top to bottom, ``row_labels`` their tick labels and ``row_names``
    their names in the hover text (``row_notes`` adds a line, such as the
    sentence). ``selected = (row, theme)`` frames that cell and its row;
    ``dim_rows`` and ``dim_themes`` are drawn faint. Every bar carries
    ``customdata = [row, theme]``. Theme names head the columns, broken into
    lines; long Latin names over more than four columns are set at an angle.
    """
    if metric not in METRICS:
        raise ValueError(f"unknown metric {metric!r}")
    themes = [t for t in theme_ids(ds) if t in set(cells["theme"])]
    colors = charts.theme_colors(ds)
    names = charts.theme_names(ds, lang)
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
            lines = [f"<b>{esc(row_names.get(row, row))}</b> · {esc(names[theme])}"]
            if row_notes and row_notes.get(row):
                lines.append(_wrap_text(row_notes[row]))
            lines.append(i18n.t("themes.hover_counts", lang, hits=int(hits), density=f"{density:.2f}"))
            if keywords:
                lines.append(i18n.t("themes.hover_keywords", lang) + _join_keywords(keywords))
            hover.append("<br>".join(lines))
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
    shapes = []
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
                   ticktext=_column_labels(heads), tickangle=_column_angle(heads)),
        yaxis=_ink(type="category", categoryorder="array", categoryarray=[row_labels.get(r, str(r)) for r in rows],
                   autorange="reversed", showgrid=False, fixedrange=True, title=dict(text=y_title)),
    )
    if title:  # at the top of the figure, above the column heads
        layout["title"] = dict(y=1, yref="container", yanchor="top", pad=dict(t=14))
    return charts.style(go.Figure(data=traces, layout=layout), title, top + 20 + row_px * max(len(rows), 1))


def paragraph_grid(ds: Dataset, lang: str, *, metric: str = "density", themes=(), selected=None,
                   dim_rows=(), dim_themes=(), show_values: bool = False, title: str | None = None,
                   row_px: int | None = None) -> go.Figure:
    """Paragraph × theme: the paragraphs top to bottom in reading order
    (``row_px``: height of a row, by default roomy for a short text)."""
    cells = paragraph_cells(ds, themes)
    rows = list(ds.paragraphs["paragraph"])
    names = {p: i18n.t("themes.paragraph_n", lang, n=p) for p in rows}
    notes = dict(zip(ds.paragraphs["paragraph"], ds.paragraphs["text"].str.slice(0, 44)))
    return grid_figure(cells, ds, lang, metric=metric, rows=rows, row_labels={p: str(p) for p in rows},
                       row_names=names, row_notes=notes,
                       title=title if title is not None else i18n.t(f"themes.grid_title_{metric}", lang),
                       y_title=i18n.t("themes.axis_paragraph", lang), selected=selected, dim_rows=dim_rows,
                       dim_themes=dim_themes, show_values=show_values,
                       row_px=row_px or _row_px(len(rows)))


def sentence_grid(ds: Dataset, paragraph: int, lang: str, *, metric: str = "hits", themes=()) -> go.Figure:
    """Sentence × theme for one paragraph; rows labelled with the sentence's start."""
    cells = sentence_cells(ds, paragraph, themes)
    sentences = ds.sentences[ds.sentences["paragraph"] == paragraph]
    rows = list(sentences["sentence"])
    labels = {s: f"{i} {esc(text[:8])}…" if len(text) > 8 else f"{i} {esc(text)}"
              for s, i, text in zip(sentences["sentence"], sentences["index"], sentences["text"])}
    names = {s: i18n.t("themes.sentence_n", lang, n=i) for s, i in zip(sentences["sentence"], sentences["index"])}
    notes = dict(zip(sentences["sentence"], sentences["text"]))
    return grid_figure(cells, ds, lang, metric=metric, rows=rows, row_labels=labels, row_names=names,
                       row_notes=notes, title=i18n.t("themes.sentence_title", lang, n=paragraph),
                       y_title=i18n.t("themes.axis_sentence", lang), show_values=True, row_px=44)


def speaker_grid(ds: Dataset, lang: str, *, metric: str = "hits", themes=()) -> go.Figure:
    """Speaker × theme (narration is a row of its own)."""
    cells = speaker_cells(ds, themes)
    rows = list(dict.fromkeys(cells["row"]))
    labels = {r: esc(speaker_name(ds, r, lang)) for r in rows}
    return grid_figure(cells, ds, lang, metric=metric, rows=rows, row_labels=labels,
                       row_names={r: speaker_name(ds, r, lang) for r in rows},
                       title=i18n.t(f"themes.speaker_title_{metric}", lang),
                       y_title=i18n.t("themes.axis_speaker", lang), show_values=True, row_px=48)


def _angled(labels: list[str]) -> bool:
    return len(labels) > 4 and any(any("a" <= ch.lower() <= "z" for ch in label) and len(label) > 10
                                   for label in labels)


def _column_labels(labels: list[str]) -> list[str]:
    """Column headings: broken into lines (four Chinese characters, or words),
    or left whole when they are set at an angle."""
    return [esc(label) for label in labels] if _angled(labels) else [wrap_label(label, 4) for label in labels]


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


def _row_px(rows: int) -> int:
    """Row height of a paragraph grid: roomy for a short text, at least 14 px."""
    return int(max(14, min(36, 620 // max(rows, 1))))


def share_figure(ds: Dataset, lang: str, themes=()) -> go.Figure:
    """Share of each theme in all hits: horizontal bars in the themes' colours, most first."""
    shares = theme_shares(ds, themes)
    colors = charts.theme_colors(ds)
    names = charts.theme_names(ds, lang)
    labels = [esc(names[t]) for t in shares["theme"]]
    top = float(shares["share"].max()) if len(shares) else 0.0
    bar = go.Bar(
        orientation="h",
        x=shares["share"],
        y=labels,
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
    return charts.style(go.Figure(data=[bar], layout=layout), i18n.t("themes.share_title", lang),
                        110 + 46 * len(shares))


def top_pairs(ds: Dataset, unit: str = "sentence", themes=(), n: int = 5) -> pd.DataFrame:
    """The pairs of themes that occur together most often: ``a``, ``b``,
    ``count`` (units with both), most first; pairs that never meet are left out."""
    matrix = cooccurrence(ds, unit, themes)
    ids = list(matrix.index)
    rows = [(a, b, int(matrix.loc[a, b])) for i, a in enumerate(ids) for b in ids[i + 1:] if matrix.loc[a, b] > 0]
    order = {t: i for i, t in enumerate(ids)}
    rows.sort(key=lambda r: (-r[2], order[r[0]], order[r[1]]))
    return pd.DataFrame(rows[:n], columns=["a", "b", "count"])


def pairs_table(ds: Dataset, lang: str, unit: str = "sentence", themes=(), n: int = 5) -> pd.DataFrame:
    """:func:`top_pairs` with theme names and column headings in the UI language."""
    pairs = top_pairs(ds, unit, themes, n)
    names = charts.theme_names(ds, lang)
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
    names = charts.theme_names(ds, lang)
    ids = list(matrix.index)
    y_labels = [f'<span style="color:{colors[t]}">■</span> {esc(names[t])}' for t in ids]
    x_labels = _column_labels([names[t] for t in ids])
    values = matrix.to_numpy()
    pairs = values.astype(float)
    np.fill_diagonal(pairs, np.nan)
    unit_name = i18n.t(f"themes.unit_{unit}", lang)
    hover = [[i18n.t("themes.cooc_hover", lang, a=esc(names[a]), b=esc(names[b]), n=int(values[i, j]),
                     unit=unit_name) if i != j else
              i18n.t("themes.cooc_self", lang, a=esc(names[a]), n=int(values[i, j]), unit=unit_name)
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
    return charts.style(go.Figure(data=[diagonal, others], layout=layout),
                        i18n.t("themes.cooc_title", lang, unit=unit_name), 190 + 56 * len(ids))


def _ink(**axis) -> dict:
    """An axis's settings with its tick labels and title in the board's ink (not
    the lighter grey of Streamlit's chart theme), for a projector."""
    title = axis.pop("title", None) or {}
    return {**axis, "tickfont": dict(color=charts.INK), "title": {**title, "font": dict(color=charts.INK)}}


# --- the lexicon as a table ---------------------------------------------------------


def keyword_table(ds: Dataset) -> pd.DataFrame:
    """One row per theme keyword, in lexicon order: ``theme``, ``keyword``,
    ``hits`` (matches of that keyword in the text, as the reader counts them:
    longest keyword first, no overlaps within a theme)."""
    counts = ds.theme_hits.groupby(["theme", "keyword"]).size() if len(ds.theme_hits) else pd.Series(dtype="int64")
    rows = []
    for theme in ds.themes.sort_values("order").itertuples():
        for keyword in str(theme.keywords).split():
            rows.append((theme.theme, keyword, int(counts.get((theme.theme, keyword), 0))))
    return pd.DataFrame(rows, columns=["theme", "keyword", "hits"])


def theme_summary(ds: Dataset, lang: str) -> pd.DataFrame:
    """One row per theme: ``color``, ``name``, ``description``, ``keywords``
    (how many), ``hits``, ``paragraphs`` (how many carry it), ``top`` (its
    most frequent keywords with their counts)."""
    table = keyword_table(ds)
    shares = theme_shares(ds).set_index("theme")
    rows = []
    for theme in ds.themes.sort_values("order").itertuples():
        mine = table[table["theme"] == theme.theme].sort_values("hits", ascending=False, kind="stable")
        top = "、".join(f"{k} {h}" for k, h in zip(mine["keyword"], mine["hits"]) if h)
        rows.append((theme.color, theme.name_en if lang == "en" else theme.name_zh,
                     theme.desc_en if lang == "en" else theme.desc_zh, len(mine),
                     int(shares.loc[theme.theme, "hits"]), int(shares.loc[theme.theme, "paragraphs"]), top))
    return pd.DataFrame(rows, columns=["color", "name", "description", "keywords", "hits", "paragraphs", "top"])


def themes_from_table(themes: tuple[Theme, ...], table: pd.DataFrame) -> tuple[Theme, ...]:
    """The themes with the keywords of an edited keyword table.

    ``table`` has the columns ``theme`` and ``keyword`` (other columns are
    ignored): each row gives one keyword of one theme, in order. Blank rows
    (a row added but not filled in) are left out and surrounding white space
    is trimmed. Names, descriptions and colours are kept. Raises LexiconError
    (with a message in both languages) for a keyword of an unknown theme, a
    keyword with white space inside, or a theme left without keywords.
    """
    known = {t.id for t in themes}
    keywords: dict[str, list[str]] = {t.id: [] for t in themes}
    for theme, keyword in zip(table["theme"], table["keyword"]):
        theme = "" if theme is None or (isinstance(theme, float) and np.isnan(theme)) else str(theme).strip()
        keyword = "" if keyword is None or (isinstance(keyword, float) and np.isnan(keyword)) else str(keyword).strip()
        if not keyword:
            continue
        if theme not in known:
            raise EditError("edit_no_theme", keyword=keyword)
        keywords[theme].append(keyword)
    data = {"theme": [{"id": t.id, "name_zh": t.name_zh, "name_en": t.name_en, "desc_zh": t.desc_zh,
                       "desc_en": t.desc_en, "color": t.color, "keywords": keywords[t.id],
                       "exclude": list(t.exclude)} for t in themes]}
    return parse_themes(data)


def changed_keywords(before: tuple[Theme, ...], after: tuple[Theme, ...]) -> tuple[int, int]:
    """How many keywords an edit adds and removes."""
    old = {(t.id, k) for t in before for k in t.keywords}
    new = {(t.id, k) for t in after for k in t.keywords}
    return len(new - old), len(old - new)


def editor_key(lexicon_key: str, generation: int = 0) -> str:
    """The key of the keyword editor: a new lexicon (saved here or elsewhere)
    or a discarded edit starts a fresh editor."""
    digest = hashlib.sha256(lexicon_key.encode()).hexdigest()[:12]
    return f"themes_editor_{digest}_{generation}"


def summary_html(ds: Dataset, lang: str) -> str:
    """The themes as an HTML table: colour swatch, name, description, number
    of keywords, hits, paragraphs, and the keywords found with their counts."""
    table = theme_summary(ds, lang)
    heads = ["col_color", "col_name", "col_desc", "col_keywords", "col_hits", "col_paragraphs", "col_top"]
    head = "".join(f"<th>{esc(i18n.t('themes.' + h, lang))}</th>" for h in heads)
    rows = []
    for row in table.itertuples():
        rows.append(
            f'<tr><td><span class="sb-swatch" style="background:{esc(row.color)}"></span> '
            f'<code>{esc(row.color)}</code></td><td><b>{esc(row.name)}</b></td><td>{esc(row.description)}</td>'
            f'<td class="sb-n">{row.keywords}</td><td class="sb-n">{row.hits}</td><td class="sb-n">{row.paragraphs}</td>'
            f'<td>{esc(row.top)}</td></tr>')
    return f'<table class="sb-themes"><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>'


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
