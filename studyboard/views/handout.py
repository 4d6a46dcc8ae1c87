"""The study handout: one self-contained HTML file, and the same as Markdown.

Contents: the document card and key numbers, the outline (学习提纲) and the
other speakers' points, the notes on the document (talking points and
questions, by paragraph), a glossary of the document's key terms, a theme
summary, province counts and top terms.

The HTML has its style inline and fetches nothing, so it works offline and
prints. The theme summary, the provinces and the top terms carry the board's
own figures (the themes page's paragraph grid, the map, the term bars) as
interactive plotly: each figure's JSON sits, escaped, in a ``data-figure``
attribute of its ``<div>``, and the file's one ``<script>`` (plotly.js, then
a few lines that draw every such ``<div>``) comes last. Without scripts the
tables still give every number. ``board_charts=False`` leaves the figures
(and plotly.js, about 4.8 MB) out, with small HTML bars in the tables
instead. More figures can be added (``figures=[(title, fig)]``). The
Markdown handout is text only.

All document and note text is escaped (:func:`studyboard.views.markup.html` and
:func:`studyboard.views.markup.md`); plotly's JSON escapes ``<``, ``>`` and ``/``,
and the attribute is HTML-escaped on top.
"""

from __future__ import annotations

import json

import pandas as pd

from studyboard.views import charts, overview
from studyboard import i18n
from studyboard.analysis import keyterms, outline
from studyboard.dataset.tables import Dataset
from studyboard.lexicon import Lexicon
from studyboard.views.markup import html as esc
from studyboard.views.markup import md

TOP_TERMS = 20


# --- the tables ---------------------------------------------------------------------


def theme_summary(ds: Dataset) -> pd.DataFrame:
    """Per theme (lexicon order): keyword hits, paragraphs with hits, share of all hits,
    and the paragraphs where it is the main theme.

    Columns: ``theme``, ``name_zh``, ``name_en``, ``color``, ``hits``,
    ``paragraphs``, ``share``, ``main_paragraphs`` (tuple).
    """
    grid = ds.paragraph_themes
    hits = grid.groupby("theme")["hits"].sum()
    paragraphs = grid[grid["hits"] > 0].groupby("theme")["paragraph"].nunique()
    total = int(hits.sum())
    main = outline.dominant_themes(ds)
    out = ds.themes.sort_values("order")[["theme", "name_zh", "name_en", "color"]].reset_index(drop=True)
    out["hits"] = [int(hits.get(t, 0)) for t in out["theme"]]
    out["paragraphs"] = [int(paragraphs.get(t, 0)) for t in out["theme"]]
    out["share"] = [round(h / total, 4) if total else 0.0 for h in out["hits"]]
    out["main_paragraphs"] = [tuple(sorted(p for p, t in main.items() if t == theme)) for theme in out["theme"]]
    return out


def province_counts(ds: Dataset, lexicon: Lexicon) -> pd.DataFrame:
    """Per province of the gazetteer: direct mentions and mentions through a region (related).

    Columns: ``province`` (short name), ``name``, ``en``, ``direct``, ``related``.
    """
    m = ds.mentions
    rows = []
    for p in lexicon.provinces:
        mine = m[m["province"] == p.short] if len(m) else m
        direct = int(mine.loc[~mine["related"].astype(bool), "mention"].nunique()) if len(mine) else 0
        related = int(mine.loc[mine["related"].astype(bool), "mention"].nunique()) if len(mine) else 0
        rows.append((p.short, p.name, p.en, direct, related))
    return pd.DataFrame(rows, columns=["province", "name", "en", "direct", "related"])


def top_terms(ds: Dataset, lexicon: Lexicon, k: int = TOP_TERMS) -> pd.DataFrame:
    """The most frequent content words, generic policy verbs and people's names left out.

    Columns: ``term``, ``count``, ``paragraphs``.
    """
    names = {p.name for p in lexicon.people}
    terms = ds.terms[~ds.terms["term"].isin(lexicon.policy_verbs | names | set(lexicon.speech_verbs))]
    return terms.head(k)[["term", "count", "paragraphs"]].reset_index(drop=True)


def contents(ds: Dataset, lexicon: Lexicon, lang: str) -> dict:
    """Everything the handout shows, as plain values and DataFrames."""
    items = outline.extract(ds, lexicon)
    return {
        "card": overview.document_card(ds, lexicon, lang),
        "items": items,
        "points": outline.speaker_points(ds, lexicon, items),
        "glossary": keyterms.document_glossary(ds, keyterms.entries_for(lexicon)),
        "themes": theme_summary(ds),
        "provinces": province_counts(ds, lexicon),
        "terms": top_terms(ds, lexicon),
    }


def _item_label(ds: Dataset, item: dict, lang: str) -> str:
    if item["kind"] == "task":
        return i18n.t("study.task_short", lang, n=int(item["number"]))
    if item["kind"] == "speaker":
        name, _ = outline.person(ds, item["speaker"], lang)
        return name
    return i18n.t(f"study.{item['kind']}", lang)


def _paragraphs_text(numbers, lang: str) -> str:
    return "、".join(str(n) for n in numbers) if lang == "zh" else ", ".join(str(n) for n in numbers)


# --- HTML ----------------------------------------------------------------------------

_CSS = f"""
:root {{ --ink: {charts.INK}; --muted: #5F6B76; --rule: #D9DDE1; }}
* {{ box-sizing: border-box; }}
body {{ font-family: {charts.FONT_FAMILY}; color: var(--ink); max-width: 60rem; margin: 2rem auto;
        padding: 0 1.2rem; line-height: 1.65; font-size: 17px; }}
h1 {{ font-size: 2rem; margin: 0.2rem 0 0.4rem; line-height: 1.3; }}
h2 {{ font-size: 1.35rem; margin: 2.2rem 0 0.8rem; padding-bottom: 0.3rem; border-bottom: 2px solid var(--rule); }}
h3 {{ font-size: 1.1rem; margin: 1.2rem 0 0.4rem; }}
.kicker {{ font-size: 1.15rem; color: var(--muted); margin: 0; }}
.meta {{ color: var(--muted); margin: 0 0 1rem; }}
.numbers {{ display: flex; flex-wrap: wrap; gap: 0.6rem 1.6rem; margin: 0.8rem 0 0; padding: 0; list-style: none; }}
.numbers li {{ min-width: 6rem; }}
.numbers b {{ display: block; font-size: 1.6rem; }}
.numbers span {{ color: var(--muted); font-size: 0.9rem; }}
ol.outline {{ list-style: none; padding: 0; margin: 0; }}
ol.outline > li {{ border-left: 6px solid var(--c); padding: 0.35rem 0 0.35rem 0.9rem; margin: 0 0 0.8rem; }}
.label {{ display: inline-block; font-size: 0.85rem; color: var(--on, #FFFFFF); background: var(--c); border-radius: 3px;
          padding: 0 0.45rem; margin-right: 0.5rem; }}
.para {{ color: var(--muted); font-size: 0.85rem; margin-left: 0.4rem; white-space: nowrap; }}
.head {{ font-weight: 700; color: var(--t, inherit); }}
ul.points {{ margin: 0.3rem 0 0; padding-left: 1.3rem; }}
table {{ border-collapse: collapse; width: 100%; margin: 0.4rem 0 0.8rem; }}
th, td {{ text-align: left; vertical-align: top; padding: 0.35rem 0.6rem; border-bottom: 1px solid var(--rule); }}
th {{ font-size: 0.9rem; color: var(--muted); font-weight: 600; }}
th.num, td.num {{ text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }}
.bar {{ height: 0.8rem; border-radius: 2px; background: var(--c, #9AA5B1); min-width: 1px; }}
.swatch {{ display: inline-block; width: 0.9rem; height: 0.9rem; border-radius: 2px; background: var(--c);
           vertical-align: -0.1rem; margin-right: 0.4rem; }}
.pinyin {{ color: var(--muted); font-size: 0.9rem; }}
.note {{ color: var(--muted); font-size: 0.9rem; }}
.figure {{ width: 100%; margin: 0.4rem 0 0.2rem; }}
h3 .excerpt {{ font-weight: 400; color: var(--muted); font-size: 0.95rem; margin-left: 0.4rem; }}
ul.notes {{ margin: 0.2rem 0 0.8rem; padding-left: 1.3rem; }}
ul.notes li {{ margin-bottom: 0.35rem; }}
footer {{ margin-top: 2.5rem; color: var(--muted); font-size: 0.85rem; border-top: 1px solid var(--rule);
          padding-top: 0.6rem; }}
@media print {{ body {{ margin: 0; max-width: none; font-size: 12pt; }} h2 {{ break-after: avoid; }}
               li, tr, .figure {{ break-inside: avoid; }} }}
"""


def _colors(color: str) -> str:
    """The style of an outline entry: its theme colour, text on it, text in it."""
    return esc(f"--c:{color};--on:{charts.ink_on(color)};--t:{charts.readable(color)}")


def _bar(value: float, most: float, color: str = "") -> str:
    width = 0 if most <= 0 else round(100 * value / most, 1)
    style = f"width:{width}%" + (f";--c:{esc(color)}" if color else "")
    return f'<div class="bar" style="{style}"></div>'


def _outline_html(ds: Dataset, items: pd.DataFrame, points: pd.DataFrame, lang: str) -> list[str]:
    t = lambda key, **p: i18n.t(key, lang, **p)  # noqa: E731
    out = [f"<h2>{esc(t('study.outline'))}</h2>"]
    main = items[items["kind"] != "speaker"]
    if main.empty:
        out.append(f'<p class="note">{esc(t("study.no_outline"))}</p>')
    else:
        out.append('<ol class="outline">')
        for item in main.to_dict("records"):
            out.append(_item_html(ds, item, lang))
        out.append("</ol>")
    others = items[items["kind"] == "speaker"]
    if not others.empty:
        out.append(f"<h3>{esc(t('study.other_speakers'))}</h3>")
        out.append('<ol class="outline">')
        for item in others.to_dict("records"):
            name, role = outline.person(ds, item["speaker"], lang)
            mine = points[points["item"] == item["item"]]
            lis = "".join(f"<li>{esc(text)}</li>" for text in mine["text"])
            out.append(f'<li style="{_colors(item["color"])}"><span class="label">{esc(name)}</span>'
                       f'<span class="note">{esc(role)}</span>'
                       f'<span class="para">{esc(t("study.paragraph", n=int(item["paragraph"])))}</span>'
                       f'<ul class="points">{lis}</ul></li>')
        out.append("</ol>")
    return out


def _item_html(ds: Dataset, item: dict, lang: str) -> str:
    statement, head = item["statement"], item["heading"]
    at = statement.find(head) if head else -1
    if at >= 0:
        body = esc(statement[:at]) + f'<span class="head">{esc(head)}</span>' + esc(statement[at + len(head):])
    else:
        body = esc(statement)
    label = _item_label(ds, item, lang)
    para = i18n.t("study.paragraph", lang, n=int(item["paragraph"]))
    return (f'<li style="{_colors(item["color"])}"><span class="label">{esc(label)}</span>{body}'
            f'<span class="para">{esc(para)}</span></li>')


# --- figures ----------------------------------------------------------------------------

#: Draws every figure of the handout (runs after plotly.js, in the same <script>).
_RENDER = """
(function () {
  var boxes = document.querySelectorAll("div.figure[data-figure]");
  for (var i = 0; i < boxes.length; i++) {
    var spec = JSON.parse(boxes[i].getAttribute("data-figure"));
    Plotly.newPlot(boxes[i], spec.figure.data, spec.figure.layout, spec.config);
  }
})();
"""


def board_figures(ds: Dataset, lexicon: Lexicon, lang: str) -> dict:
    """The board's own figures for the handout's sections, as (figure, plotly config):
    ``themes`` (the themes page's paragraph grid of keyword hits, with numbers),
    ``provinces`` (the map of direct mentions) and ``terms`` (the term bars of the
    top terms, as counted for the table). A section without data has none."""
    from studyboard.analysis import provincemap

    out = {}
    if not ds.theme_hits.empty:
        out["themes"] = (overview.theme_figure(ds, lang, row_px=26, show_values=True, narrow=False), charts.CONFIG)
    drawn = overview.map_figure(ds, lexicon, lang, height=520, text_scale=1.0)
    if drawn is not None:
        out["provinces"] = (drawn, {**provincemap.CONFIG})
    bars = overview.term_figure(ds, lang, overview.content_filters(ds, lexicon), top=TOP_TERMS)
    if bars is not None:
        out["terms"] = (bars, charts.CONFIG)
    return out


def figure_html(fig, config: dict) -> str:
    """A ``<div>`` that the handout's script draws ``fig`` into (its JSON escaped in an attribute)."""
    import plotly.io as pio

    spec = '{"figure":' + pio.to_json(fig, validate=False) + ',"config":' + json.dumps(config) + "}"
    return f'<div class="figure" data-figure="{esc(spec)}"></div>'


def script_html() -> str:
    """The handout's one <script>: plotly.js, then the lines that draw the figures."""
    from plotly.offline import get_plotlyjs

    return f"<script>{get_plotlyjs()}\n{_RENDER}</script>"


# --- notes --------------------------------------------------------------------------


def _excerpt(text: str, width: int = 36) -> str:
    return text if len(text) <= width else text[:width] + "…"


def note_groups(ds: Dataset, notes: pd.DataFrame | None, lang: str) -> list[tuple[str, str, list[str]]]:
    """The notes by paragraph, the whole document first: (heading, the
    paragraph's opening words or '', the notes' texts oldest first)."""
    if notes is None or notes.empty:
        return []
    texts = dict(zip(ds.paragraphs["paragraph"].astype(int), ds.paragraphs["text"].astype(str)))
    groups = []
    for paragraph in sorted(set(int(p) for p in notes["paragraph"])):
        mine = [str(text) for p, text in zip(notes["paragraph"], notes["text"]) if int(p) == paragraph]
        if paragraph == 0:
            groups.append((i18n.t("handout.notes_whole", lang), "", mine))
        else:
            groups.append((i18n.t("handout.notes_paragraph", lang, n=paragraph), _excerpt(texts.get(paragraph, "")),
                           mine))
    return groups


def _notes_html(ds: Dataset, notes: pd.DataFrame | None, lang: str) -> list[str]:
    groups = note_groups(ds, notes, lang)
    if not groups:
        return []
    out = [f"<h2>{esc(i18n.t('handout.notes', lang))}</h2>",
           f'<p class="note">{esc(i18n.t("handout.notes_intro", lang))}</p>']
    for heading, excerpt, texts in groups:
        quote = f' <span class="excerpt">{esc(excerpt)}</span>' if excerpt else ""
        out.append(f"<h3>{esc(heading)}{quote}</h3>")
        items = "".join(f"<li>{esc(text).replace(chr(10), '<br>')}</li>" for text in texts)
        out.append(f'<ul class="notes">{items}</ul>')
    return out


# --- HTML ------------------------------------------------------------------------------


def html(ds: Dataset, lexicon: Lexicon, lang: str = "zh", figures=None, *, notes: pd.DataFrame | None = None,
         board_charts: bool = True) -> str:
    """The handout as one HTML document (UTF-8, inline style, nothing fetched).

    ``notes`` is :func:`studyboard.store.notes.frame` of the document (None: no notes
    section); ``board_charts`` embeds the board's figures (see the module's
    description); ``figures`` adds more, each as a section (title, figure).
    """
    t = lambda key, **p: i18n.t(key, lang, **p)  # noqa: E731
    c = contents(ds, lexicon, lang)
    drawn = board_figures(ds, lexicon, lang) if board_charts else {}
    bars = not drawn
    card = c["card"]
    title = card["headline"] or card["title"]
    out = ["<!DOCTYPE html>", f'<html lang="{"en" if lang == "en" else "zh-Hans"}">', "<head>",
           '<meta charset="utf-8">', '<meta name="viewport" content="width=device-width, initial-scale=1">',
           f"<title>{esc(t('handout.title'))} · {esc(title)}</title>", f"<style>{_CSS}</style>", "</head>",
           "<body>", "<header>"]
    if card["kicker"]:
        out.append(f'<p class="kicker">{esc(card["kicker"])}</p>')
    out.append(f"<h1>{esc(title)}</h1>")
    meta = " · ".join(part for part in (card["date"], card["place"], card["source"]) if part)
    if meta:
        out.append(f'<p class="meta">{esc(meta)}</p>')
    out.append('<ul class="numbers">')
    for key, value in card["numbers"]:
        out.append(f"<li><b>{int(value)}</b><span>{esc(t(key))}</span></li>")
    out.append("</ul></header>")

    out.extend(_outline_html(ds, c["items"], c["points"], lang))
    out.extend(_notes_html(ds, notes, lang))

    gl = c["glossary"]
    out.append(f"<h2>{esc(t('handout.glossary'))}</h2>")
    if gl.empty:
        out.append(f'<p class="note">{esc(t("handout.no_glossary"))}</p>')
    else:
        out.append(f"<table><thead><tr><th>{esc(t('handout.term'))}</th><th>{esc(t('handout.english'))}</th>"
                   f"<th>{esc(t('handout.explain'))}</th></tr></thead><tbody>")
        for r in gl.itertuples():
            english = esc(r.english) + ("" if r.official or not r.english else f' <span class="note">'
                                        f'({esc(t("handout.descriptive"))})</span>')
            source = f'<br><span class="note">{esc(r.source)}</span>' if r.source else ""
            explain = r.explain_en if lang == "en" else r.explain_zh
            out.append(f'<tr><td><b>{esc(r.term)}</b><br><span class="pinyin">{esc(r.pinyin)}</span></td>'
                       f"<td>{english}{source}</td><td>{esc(explain)}</td></tr>")
        out.append("</tbody></table>")

    th = c["themes"]
    name_col = "name_en" if lang == "en" else "name_zh"
    most = float(th["hits"].max()) if len(th) else 0.0
    out.append(f"<h2>{esc(t('handout.themes'))}</h2>")
    if "themes" in drawn:
        out.append(figure_html(*drawn["themes"]))
        out.append(f'<p class="note">{esc(t("handout.themes_figure_note"))}</p>')
    bar_head = '<th style="width:30%"></th>' if bars else ""
    out.append(f"<table><thead><tr><th>{esc(t('handout.theme'))}</th><th class='num'>{esc(t('handout.hits'))}</th>"
               f"<th class='num'>{esc(t('handout.paragraphs_with'))}</th><th>{esc(t('handout.main_in'))}</th>"
               f"{bar_head}</tr></thead><tbody>")
    for r in th.itertuples():
        bar = f"<td>{_bar(r.hits, most, r.color)}</td>" if bars else ""
        out.append(f'<tr><td><span class="swatch" style="--c:{esc(r.color)}"></span>{esc(getattr(r, name_col))}</td>'
                   f'<td class="num">{int(r.hits)}</td><td class="num">{int(r.paragraphs)}</td>'
                   f"<td>{esc(_paragraphs_text(r.main_paragraphs, lang))}</td>{bar}</tr>")
    out.append("</tbody></table>")

    pr = c["provinces"]
    most = float(pr["direct"].max()) if len(pr) else 0.0
    out.append(f"<h2>{esc(t('handout.provinces'))}</h2>")
    if "provinces" in drawn:
        out.append(figure_html(*drawn["provinces"]))
    out.append(f"<table><thead><tr><th>{esc(t('handout.province'))}</th><th class='num'>{esc(t('handout.direct'))}</th>"
               f"<th class='num'>{esc(t('handout.related'))}</th>{bar_head}</tr></thead><tbody>")
    for r in pr.itertuples():
        name = f"{r.name} ({r.en})" if lang == "en" and r.en else r.name
        bar = f"<td>{_bar(r.direct, most, '#C0392B')}</td>" if bars else ""
        out.append(f"<tr><td>{esc(name)}</td><td class=\"num\">{int(r.direct)}</td>"
                   f"<td class=\"num\">{int(r.related)}</td>{bar}</tr>")
    out.append("</tbody></table>")
    out.append(f'<p class="note">{esc(t("handout.provinces_note"))}</p>')

    tt = c["terms"]
    most = float(tt["count"].max()) if len(tt) else 0.0
    out.append(f"<h2>{esc(t('handout.terms'))}</h2>")
    if "terms" in drawn:
        out.append(figure_html(*drawn["terms"]))
    bar_head = '<th style="width:40%"></th>' if bars else ""
    out.append(f"<table><thead><tr><th>{esc(t('handout.term'))}</th><th class='num'>{esc(t('handout.count'))}</th>"
               f"<th class='num'>{esc(t('handout.paragraphs_with'))}</th>{bar_head}</tr></thead><tbody>")
    for r in tt.itertuples():
        bar = f"<td>{_bar(r.count, most)}</td>" if bars else ""
        out.append(f"<tr><td>{esc(r.term)}</td><td class=\"num\">{int(r.count)}</td>"
                   f"<td class=\"num\">{int(r.paragraphs)}</td>{bar}</tr>")
    out.append("</tbody></table>")
    out.append(f'<p class="note">{esc(t("handout.terms_note"))}</p>')

    for fig_title, fig in figures or ():
        out.append(f"<h2>{esc(fig_title)}</h2>")
        out.append(figure_html(fig, charts.CONFIG))

    out.append(f"<footer>{esc(t('handout.footer', doc=ds.doc_id))}</footer>")
    if drawn or figures:
        out.append(script_html())
    out.append("</body></html>")
    return "\n".join(out) + "\n"


# --- Markdown --------------------------------------------------------------------------


def _cell(text: object) -> str:
    return md(text).replace("\n", " ")


def markdown(ds: Dataset, lexicon: Lexicon, lang: str = "zh", *, notes: pd.DataFrame | None = None) -> str:
    """The handout as Markdown, text only (document and note text escaped; ``notes`` as for :func:`html`)."""
    t = lambda key, **p: i18n.t(key, lang, **p)  # noqa: E731
    c = contents(ds, lexicon, lang)
    card = c["card"]
    out = []
    if card["kicker"]:
        out.append(f"*{md(card['kicker'])}*\n")
    out.append(f"# {md(card['headline'] or card['title'])}\n")
    meta = " · ".join(part for part in (card["date"], card["place"], card["source"]) if part)
    if meta:
        out.append(f"{md(meta)}\n")
    out.append(" · ".join(f"{md(t(key))} **{int(value)}**" for key, value in card["numbers"]) + "\n")

    items, points = c["items"], c["points"]
    out.append(f"## {md(t('study.outline'))}\n")
    main = items[items["kind"] != "speaker"]
    if main.empty:
        out.append(f"{md(t('study.no_outline'))}\n")
    for number, item in enumerate(main.to_dict("records"), 1):
        statement, head = item["statement"], item["heading"]
        at = statement.find(head) if head else -1
        body = (md(statement[:at]) + f"**{md(head)}**" + md(statement[at + len(head):])) if at >= 0 else md(statement)
        para = t("study.paragraph", n=int(item["paragraph"]))
        out.append(f"{number}. **{md(_item_label(ds, item, lang))}** · {body} ({md(para)})")
    out.append("")
    others = items[items["kind"] == "speaker"]
    if not others.empty:
        out.append(f"### {md(t('study.other_speakers'))}\n")
        for item in others.to_dict("records"):
            name, role = outline.person(ds, item["speaker"], lang)
            para = t("study.paragraph", n=int(item["paragraph"]))
            out.append(f"**{md(name)}**" + (f" ({md(role)})" if role else "") + f" · {md(para)}\n")
            out.extend(f"- {md(text)}" for text in points.loc[points["item"] == item["item"], "text"])
            out.append("")

    groups = note_groups(ds, notes, lang)
    if groups:
        out.append(f"## {md(t('handout.notes'))}\n")
        out.append(f"{md(t('handout.notes_intro'))}\n")
        for heading, excerpt, texts in groups:
            out.append(f"### {md(heading)}" + (f" · {md(excerpt)}" if excerpt else "") + "\n")
            out.extend("- " + md(text).replace("\n", "\n  ") for text in texts)
            out.append("")

    gl = c["glossary"]
    out.append(f"## {md(t('handout.glossary'))}\n")
    if gl.empty:
        out.append(f"{md(t('handout.no_glossary'))}\n")
    else:
        out.append(f"| {md(t('handout.term'))} | {md(t('handout.pinyin'))} | {md(t('handout.english'))} | "
                   f"{md(t('handout.explain'))} |")
        out.append("| --- | --- | --- | --- |")
        for r in gl.itertuples():
            english = _cell(r.english) + ("" if r.official or not r.english else f" ({_cell(t('handout.descriptive'))})")
            explain = r.explain_en if lang == "en" else r.explain_zh
            out.append(f"| {_cell(r.term)} | {_cell(r.pinyin)} | {english} | {_cell(explain)} |")
        out.append("")

    name_col = "name_en" if lang == "en" else "name_zh"
    out.append(f"## {md(t('handout.themes'))}\n")
    out.append(f"| {md(t('handout.theme'))} | {md(t('handout.hits'))} | {md(t('handout.paragraphs_with'))} | "
               f"{md(t('handout.main_in'))} |")
    out.append("| --- | ---: | ---: | --- |")
    for r in c["themes"].itertuples():
        out.append(f"| {_cell(getattr(r, name_col))} | {int(r.hits)} | {int(r.paragraphs)} | "
                   f"{_cell(_paragraphs_text(r.main_paragraphs, lang))} |")
    out.append("")

    out.append(f"## {md(t('handout.provinces'))}\n")
    out.append(f"| {md(t('handout.province'))} | {md(t('handout.direct'))} | {md(t('handout.related'))} |")
    out.append("| --- | ---: | ---: |")
    for r in c["provinces"].itertuples():
        name = f"{r.name} ({r.en})" if lang == "en" and r.en else r.name
        out.append(f"| {_cell(name)} | {int(r.direct)} | {int(r.related)} |")
    out.append(f"\n{md(t('handout.provinces_note'))}\n")

    out.append(f"## {md(t('handout.terms'))}\n")
    out.append(f"| {md(t('handout.term'))} | {md(t('handout.count'))} | {md(t('handout.paragraphs_with'))} |")
    out.append("| --- | ---: | ---: |")
    for r in c["terms"].itertuples():
        out.append(f"| {_cell(r.term)} | {int(r.count)} | {int(r.paragraphs)} |")
    out.append(f"\n{md(t('handout.terms_note'))}\n")
    out.append(f"---\n\n{md(t('handout.footer', doc=ds.doc_id))}")
    return "\n".join(out) + "\n"


def maker(ds: Dataset, lexicon: Lexicon, lang: str, suffix: str):
    """A function without arguments that makes the handout ("html" or "md") when
    called, with the document's notes as they are then (none if the library
    cannot be read): for a download button that makes its file on the click."""
    def make() -> str:
        from studyboard.store import notes
        from studyboard.errors import InputError

        try:
            found = notes.frame(ds.doc_id)
        except InputError:
            found = None
        if suffix == "md":
            return markdown(ds, lexicon, lang, notes=found)
        return html(ds, lexicon, lang, notes=found)

    return make


def filename(ds: Dataset, suffix: str) -> str:
    """The download name: handout-<doc id>.<suffix>."""
    return f"handout-{ds.doc_id}.{suffix}"
