"""The study handout: one self-contained HTML file, and the same as Markdown.

Contents: the document card and key numbers, the outline (学习提纲) and the
other speakers' points, a glossary of the document's key terms, a theme
summary, province counts and top terms. The HTML has its style inline and
fetches nothing, so it works offline and prints; its small bar charts are
plain HTML. Figures can be added (``figures=[(title, fig)]``): they are
embedded as interactive plotly with plotly.js written into the file once.
All document text is escaped (:func:`studyboard.markup.html` and
:func:`studyboard.markup.md`).
"""

from __future__ import annotations

import pandas as pd

from . import charts, i18n, keyterms, outline, overview
from .dataset import Dataset
from .lexicon import Lexicon
from .markup import html as esc
from .markup import md

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
footer {{ margin-top: 2.5rem; color: var(--muted); font-size: 0.85rem; border-top: 1px solid var(--rule);
          padding-top: 0.6rem; }}
@media print {{ body {{ margin: 0; max-width: none; font-size: 12pt; }} h2 {{ break-after: avoid; }}
               li, tr {{ break-inside: avoid; }} }}
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


def html(ds: Dataset, lexicon: Lexicon, lang: str = "zh", figures=None) -> str:
    """The handout as one HTML document (UTF-8, inline style, nothing fetched)."""
    t = lambda key, **p: i18n.t(key, lang, **p)  # noqa: E731
    c = contents(ds, lexicon, lang)
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
    out.append(f"<table><thead><tr><th>{esc(t('handout.theme'))}</th><th class='num'>{esc(t('handout.hits'))}</th>"
               f"<th class='num'>{esc(t('handout.paragraphs_with'))}</th><th>{esc(t('handout.main_in'))}</th>"
               f'<th style="width:30%"></th></tr></thead><tbody>')
    for r in th.itertuples():
        out.append(f'<tr><td><span class="swatch" style="--c:{esc(r.color)}"></span>{esc(getattr(r, name_col))}</td>'
                   f'<td class="num">{int(r.hits)}</td><td class="num">{int(r.paragraphs)}</td>'
                   f"<td>{esc(_paragraphs_text(r.main_paragraphs, lang))}</td>"
                   f"<td>{_bar(r.hits, most, r.color)}</td></tr>")
    out.append("</tbody></table>")

    pr = c["provinces"]
    most = float(pr["direct"].max()) if len(pr) else 0.0
    out.append(f"<h2>{esc(t('handout.provinces'))}</h2>")
    out.append(f"<table><thead><tr><th>{esc(t('handout.province'))}</th><th class='num'>{esc(t('handout.direct'))}</th>"
               f"<th class='num'>{esc(t('handout.related'))}</th><th style=\"width:30%\"></th></tr></thead><tbody>")
    for r in pr.itertuples():
        name = f"{r.name} ({r.en})" if lang == "en" and r.en else r.name
        out.append(f"<tr><td>{esc(name)}</td><td class=\"num\">{int(r.direct)}</td>"
                   f"<td class=\"num\">{int(r.related)}</td><td>{_bar(r.direct, most, '#C0392B')}</td></tr>")
    out.append("</tbody></table>")
    out.append(f'<p class="note">{esc(t("handout.provinces_note"))}</p>')

    tt = c["terms"]
    most = float(tt["count"].max()) if len(tt) else 0.0
    out.append(f"<h2>{esc(t('handout.terms'))}</h2>")
    out.append(f"<table><thead><tr><th>{esc(t('handout.term'))}</th><th class='num'>{esc(t('handout.count'))}</th>"
               f"<th class='num'>{esc(t('handout.paragraphs_with'))}</th><th style=\"width:40%\"></th></tr></thead><tbody>")
    for r in tt.itertuples():
        out.append(f"<tr><td>{esc(r.term)}</td><td class=\"num\">{int(r.count)}</td>"
                   f"<td class=\"num\">{int(r.paragraphs)}</td><td>{_bar(r.count, most)}</td></tr>")
    out.append("</tbody></table>")
    out.append(f'<p class="note">{esc(t("handout.terms_note"))}</p>')

    first = True
    for fig_title, fig in figures or ():
        out.append(f"<h2>{esc(fig_title)}</h2>")
        out.append(fig.to_html(full_html=False, include_plotlyjs=first, config=charts.CONFIG))
        first = False

    out.append(f"<footer>{esc(t('handout.footer', doc=ds.doc_id))}</footer>")
    out.append("</body></html>")
    return "\n".join(out) + "\n"


# --- Markdown --------------------------------------------------------------------------


def _cell(text: object) -> str:
    return md(text).replace("\n", " ")


def markdown(ds: Dataset, lexicon: Lexicon, lang: str = "zh") -> str:
    """The handout as Markdown (document text escaped)."""
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


def filename(ds: Dataset, suffix: str) -> str:
    """The download name: handout-<doc id>.<suffix>."""
    return f"handout-{ds.doc_id}.{suffix}"
