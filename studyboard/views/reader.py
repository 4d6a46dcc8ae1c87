"""The reader page's HTML: the document's title block, its headings and
contents, each paragraph with its themes, search hits and glossary terms
marked, the legend, the status line and the method panel's table.

:func:`paragraph_html` renders one paragraph (its number, its speaker and its
sentences, from :func:`studyboard.analysis.reading.marked_paragraph`), so
that a page can put other blocks (notes) under each paragraph. Sentences that
carry a selected theme get that theme's colour, the matched keywords a band
in it and a tooltip naming them; glossary terms a dotted underline whose
tooltip gives pinyin, the newest official English rendering and the
explanation; search hits a yellow mark; a run-in heading is set in bold.
Heading lines (:func:`section_heading_html`) carry their number as the text
writes it (:func:`number_label`); the contents (:func:`toc_html`) link to
them. The templates (``templates/reader_*.html``) escape every piece of
document text.
"""

from __future__ import annotations

import pandas as pd

from studyboard import i18n
from studyboard.analysis import outline, reading, theme_scores
from studyboard.analysis.glossary import Entry
from studyboard.analysis.reading import Filter, Mark, MarkedSentence, Part
from studyboard.dataset.tables import Dataset
from studyboard.views import charts, labels
from studyboard.views.templates import render

#: Kinds of heading numbered straight through a text: their number alone names them (第十条).
NUMBERED_THROUGH = ("article",)
TOC_TITLE_CHARS = 16  # of an untitled section's text in the contents (第一条 为了深入实施…)
SENTENCE_SHARE = 0.28  # how strongly a highlighted sentence takes its theme's colour
BAND = 0.26  # em: height of the keyword band in the theme's colour

#: The reader's styles (one <style> block per page run).
CSS = """
<style>
.sb-head { margin: 0 0 .6rem 0; }
.sb-kicker { font-size: 1.2rem; color: #555; margin: 0 0 .15rem 0; }
.sb-headline { font-size: 2.2rem; font-weight: 700; line-height: 1.35; margin: 0 0 .25rem 0; color: #1A1A1A; }
.sb-subtitle { font-size: 1.25rem; color: #444; margin: 0 0 .25rem 0; }
.sb-meta { font-size: 1rem; color: #666; }
.sb-run { display: flex; flex-direction: column; gap: 1rem; }  /* as Streamlit spaces its elements */
.sb-para { display: flex; gap: .8rem; padding: .5rem .7rem .5rem .3rem; margin: 0 0 .3rem 0;
  border-radius: 6px; border-left: 5px solid transparent; scroll-margin-top: 5rem; }
.sb-side { flex: 0 0 4.2rem; text-align: center; padding-top: .35rem; }
.sb-num { display: inline-block; min-width: 2.3rem; padding: .05rem .4rem; border-radius: 1rem;
  background: #ECECEC; color: #222; font-weight: 700; font-size: 1rem; font-variant-numeric: tabular-nums; }
.sb-speaker { display: block; font-size: .95rem; color: #555; margin-top: .35rem; line-height: 1.25; }
.sb-text { font-size: 1.32rem; line-height: 2.05; color: #1A1A1A; }
.sb-dim { opacity: .33; }
.sb-selected { border-left-color: #222; background: #FBFBF7; box-shadow: 0 0 0 1px #D8D8D8; }
.sb-sent { border-radius: 3px; padding: .14em 0; -webkit-box-decoration-break: clone; box-decoration-break: clone; }
.sb-kw { font-weight: 600; }
.sb-term { text-decoration: underline dotted #444; text-decoration-thickness: 2px; text-underline-offset: .34em;
  cursor: help; }
.sb-hit { background: #FFE14D; outline: 2px solid #9A7B00; border-radius: 2px; }
.sb-hidden { color: #6A6A6A; font-size: 1rem; margin: 0 0 .3rem 5.3rem; }
.sb-legend { display: flex; flex-wrap: wrap; gap: .4rem .9rem; align-items: center; font-size: 1.05rem;
  margin: .1rem 0 .5rem 0; }
.sb-chip { display: inline-flex; align-items: center; gap: .35rem; }
.sb-swatch { display: inline-block; width: 1.05rem; height: 1.05rem; border-radius: 3px; }
.sb-status { font-size: 1.1rem; font-weight: 600; color: #333; margin: .1rem 0 .4rem 0; }
.sb-pinned-label { font-size: 1rem; color: #444; margin: .2rem 0 .2rem .3rem; }
[class*="st-key-reader_notes_"] { margin: -.2rem 0 .4rem 0; padding-left: 5.3rem; box-sizing: border-box; }
.st-key-reader_pinned_notes [data-testid="stMarkdownContainer"] p,
[class*="st-key-reader_notes_"] [data-testid="stExpanderDetails"] [data-testid="stMarkdownContainer"] p {
  font-size: 1.15rem; line-height: 1.7; }
div[data-testid="stLayoutWrapper"]:has(> .st-key-reader_grid_box) { position: sticky; top: 4rem; z-index: 2;
  align-self: flex-start; max-height: calc(100vh - 5rem); overflow-y: auto; }
.sb-dateline, .sb-byline { font-size: 1.2rem; color: #333; margin: 0 0 .2rem 0; }
.sb-credit { font-size: 1.05rem; color: #555; margin: 0 0 .1rem 0; }
.sb-note { border: 1px solid #D9D2BC; background: #FAF7EE; border-radius: 6px; padding: .6rem .9rem;
  margin: .7rem 0 .3rem 0; font-size: 1.15rem; line-height: 1.9; color: #2A2A2A; }
.sb-note-label { font-weight: 700; margin-right: .6rem; }
.sb-salutation { font-size: 1.32rem; color: #1A1A1A; margin: .9rem 0 0 5.3rem; }
.sb-h { font-weight: 700; color: #1A1A1A; line-height: 1.45; margin: 1.1rem 0 .45rem 5.3rem; scroll-margin-top: 5rem; }
.sb-h1 { font-size: 1.6rem; } .sb-h2 { font-size: 1.4rem; } .sb-h3 { font-size: 1.25rem; }
.sb-h4 { font-size: 1.15rem; font-weight: 600; }
.sb-runin { font-weight: 700; } .sb-runin-number { margin-right: .5em; }
.sb-anchor { scroll-margin-top: 5rem; }
.sb-toc { font-size: 1.05rem; line-height: 1.45; padding-bottom: 1rem; }  /* the Markdown box takes 1rem back */
.sb-toc-title { font-weight: 700; font-size: 1.1rem; margin: 0 0 .3rem 0; }
.sb-toc ol { list-style: none; padding: 0; margin: 0; }
.sb-toc li { display: flex; align-items: baseline; gap: .5rem; padding: .12rem 0; margin: 0; }
.sb-toc-l2 { padding-left: 1.2rem !important; } .sb-toc-l3 { padding-left: 3.2rem !important; }
.sb-toc-l4 { padding-left: 4.4rem !important; font-size: .95rem; }
.sb-toc a { display: flex; color: #1A1A1A; text-decoration: none; } .sb-toc a:hover { text-decoration: underline; }
.sb-toc-l1 > a { font-weight: 600; }
.sb-toc-current { background: #F3F1EA; border-radius: 4px; }
.sb-toc-num { flex: 0 0 auto; margin-right: .1rem; }  /* a long title wraps under itself */
.sb-toc-themes { display: inline-flex; gap: 3px; margin-left: auto; flex: 0 0 auto; }
.sb-toc-themes .sb-swatch { width: .75rem; height: .75rem; border-radius: 2px; }
.st-key-reader_toc_side { max-height: 38vh; overflow-y: auto; padding-right: .3rem; }
div[data-testid="stLayoutWrapper"]:has(> .st-key-reader_toc_side) { flex-shrink: 0; }
@media (max-width: 640px) {
  .st-key-reader_toc_side { display: none; }
  .sb-h, .sb-salutation { margin-left: 0; }
}
@media (min-width: 641px) { .st-key-reader_toc_top { display: none; } }
/* a phone: the heatmap above the text (a tapped cell's paragraph is pinned just under it), not sticky */
@media (max-width: 480px) {
  div[data-testid="stColumn"]:has(.st-key-reader_grid_box) { order: -1; }
  div[data-testid="stLayoutWrapper"]:has(> .st-key-reader_grid_box) { position: static; max-height: none;
    overflow: visible; }
}
</style>
"""


def touch_html() -> str:
    """The script that lets one tap select a heatmap cell on a touch screen (``reader_touch.js``), for
    ``st.html`` with its JavaScript allowed. The same for every page; it holds no text."""
    return render("reader_touch.html")


# --- labels and lines -------------------------------------------------------------------


def _label(paragraph: int, text: str, chars: int) -> str:
    return f"{paragraph} · {text[:chars]}…" if len(text) > chars else f"{paragraph} · {text}"


def paragraph_label(ds: Dataset, paragraph: int, lang: str, chars: int = 14) -> str:
    """'8 · 习近平指出，要协同推进生态环境…' for a paragraph picker."""
    row = ds.paragraphs[ds.paragraphs["paragraph"] == paragraph]
    if not len(row):
        return str(paragraph)
    return _label(paragraph, str(row["text"].iloc[0]), chars)


def paragraph_labels(ds: Dataset, lang: str, chars: int = 14) -> dict[int, str]:
    """:func:`paragraph_label` of every paragraph at once (a picker's labels: one pass over the
    table instead of one lookup per option, which costs a tenth of a second for a long text)."""
    return {int(n): _label(int(n), str(text), chars)
            for n, text in zip(ds.paragraphs["paragraph"], ds.paragraphs["text"])}


def summary(ds: Dataset, flt: Filter, matches, lang: str) -> list[str]:
    """Lines that say what the filter found (plain text: :func:`status_html` escapes them)."""
    lines = []
    total = len(ds.paragraphs)
    if flt.search:
        found = reading.search_counts(ds, flt.search)
        if found["hits"]:
            lines.append(i18n.t("counts.search_found_nested" if found["nested"] else "reader.search_found", lang,
                                query=flt.search, **found))
        else:
            lines.append(i18n.t("reader.search_none", lang, query=flt.search))
    if flt.active:
        lines.append(i18n.t("reader.matches", lang, n=len(matches), total=total))
    return lines


def term_tooltip(entry: Entry, lang: str) -> str:
    """A glossary term's tooltip: term and pinyin, English, explanation in the UI language."""
    lines = [f"{entry.term} · {entry.pinyin}" if entry.pinyin else entry.term]
    if entry.renderings:
        from studyboard.views.glossaryviews import rendering_text

        lines.append(i18n.t("reader.term_official", lang, en=rendering_text(entry.renderings[0], lang)))
    elif entry.gloss_en:
        lines.append(i18n.t("reader.term_gloss", lang, en=entry.gloss_en))
    else:
        lines.append(i18n.t("reader.term_none", lang))
    explanation = entry.explain(lang)
    if explanation:
        lines.append(explanation)
    return "\n".join(lines)


# --- HTML --------------------------------------------------------------------------------


def _lines(*tips: str) -> list[str]:
    """A tooltip's lines (the template joins them with &#10;)."""
    return "\n".join(tips).split("\n") if tips else []


def _piece(text: str, marks: tuple[Mark, ...], colors, names, glossary, lang) -> dict:
    """A piece of text for the template: its classes, its keyword bands and its tooltip."""
    classes, shadows, tips = [], [], []
    keywords = [(m.theme, m.word) for m in marks if m.kind == "keyword"]
    for depth, theme in enumerate(dict.fromkeys(theme for theme, _ in keywords), 1):
        shadows.append(f"inset 0 -{BAND * depth:.2f}em 0 {colors.get(theme, '#777777')}")
    if keywords:
        classes.append("sb-kw")
        for theme, keyword in dict.fromkeys(keywords):
            tips.append(i18n.t("reader.keyword_tip", lang, theme=names.get(theme, theme), keyword=keyword))
    for mark in marks:
        if mark.kind == "heading":
            classes[:0] = ["sb-runin", "sb-runin-number"] if mark.word else ["sb-runin"]
        elif mark.kind == "term" and mark.word in glossary:
            classes.append("sb-term")
            tips.insert(0, term_tooltip(glossary[mark.word], lang))
        elif mark.kind == "hit":
            classes.append("sb-hit")
    return {"text": text, "classes": " ".join(dict.fromkeys(classes)),
            "style": f"box-shadow: {', '.join(shadows)}" if shadows else "", "title": _lines(*tips)}


def _sentence(sentence: MarkedSentence, colors, names, glossary, lang) -> dict:
    lead = sentence.themes[0][0] if sentence.themes else ""
    return {
        "sentence": sentence.sentence,
        "pieces": [_piece(p.text, p.marks, colors, names, glossary, lang) for p in sentence.pieces],
        "themes": " ".join(theme for theme, _ in sentence.themes),
        "background": charts.tint(colors[lead], SENTENCE_SHARE) if lead else "",
        "title": _lines(*(i18n.t("reader.sentence_tip", lang, theme=names[t], keywords=k)
                          for t, k in sentence.themes)),
    }


def paragraph_html(ds: Dataset, paragraph: int, lang: str, *, flt: Filter = Filter(),
                   glossary: dict[str, Entry] | None = None, dim: bool = False, selected: bool = False,
                   anchor: bool = True) -> str:
    """One paragraph as HTML: number, speaker, sentences with their marks.

    Sentences that carry a theme of ``flt.themes`` take the colour of the one
    with most hits in them and a tooltip listing the matched keywords; each
    keyword gets a band in its theme's colour; glossary terms and search hits
    are marked; a run-in heading is bold. ``anchor`` gives the block
    ``id="p<n>"`` and its run-in heading the anchor of its section (leave it
    off for a second copy of the paragraph).
    """
    glossary = glossary or {}
    marked = reading.marked_paragraph(ds, paragraph, flt, glossary)
    if marked is None:
        return ""
    colors = charts.theme_colors(ds)
    names = labels.theme_names(ds, lang)
    parts = [part if isinstance(part, str) else _sentence(part, colors, names, glossary, lang)
             for part in marked.parts]
    classes = "sb-para" + (" sb-dim" if dim else "") + (" sb-selected" if selected else "")
    return render("reader_paragraph.html", classes=classes, anchor=anchor, number=marked.paragraph,
                  speaker=labels.person_name(ds, marked.speaker, lang), parts=parts, sections=marked.sections)


def text_html(ds: Dataset, lang: str, flt: Filter, matches, hide: bool, first: int, last: int, para: int,
              glossary: dict[str, Entry]) -> list[tuple[int | None, str]]:
    """The text column's blocks for paragraphs ``first`` to ``last`` (see
    :func:`studyboard.analysis.reading.layout`): the salutation when the text
    starts there, heading lines, the lines standing for hidden paragraphs and
    the paragraphs (dimmed when they do not match, ``para`` marked selected),
    in order, as ``(paragraph or None, HTML)``."""
    blocks: list[tuple[int | None, str]] = []
    salutation = salutation_html(ds)
    if salutation and first == 1:
        blocks.append((None, salutation))
    for kind, number, last_or_dim in reading.layout(ds, matches, flt, hide, first, last):
        if kind == "heading":
            blocks.append((None, section_heading_html(ds, number, lang)))
        elif kind == "hidden":
            blocks.append((None, hidden_html(number, last_or_dim, lang)))
        else:
            blocks.append((number, paragraph_html(ds, number, lang, flt=flt, glossary=glossary, dim=last_or_dim,
                                                  selected=number == para)))
    return blocks


def run_html(blocks: list[str]) -> str:
    """A run of the text's blocks as one element: one block a line (a block holds no line break), spaced
    as separate elements would be (``.sb-run``)."""
    return '<div class="sb-run">\n' + "\n".join(blocks) + "\n</div>"


def status_html(lines) -> str:
    """What the filter found, as one line of HTML."""
    return render("reader_status.html", lines=list(lines))


def pinned_html(paragraph: int, lang: str) -> str:
    """The label over the selected paragraph's copy, with a link to its place in the text."""
    return render("reader_pinned.html", number=int(paragraph), label=i18n.t("reader.pinned", lang, n=int(paragraph)),
                  jump=i18n.t("reader.pinned_jump", lang))


def hidden_html(first: int, last: int, lang: str) -> str:
    """The line that stands for a run of hidden paragraphs."""
    key = "reader.hidden_one" if first == last else "reader.hidden_run"
    return render("reader_hidden.html", text=i18n.t(key, lang, first=first, last=last))


def title_block_html(ds: Dataset, lang: str) -> str:
    """The title block above the body: kicker, headline, subtitle, date line,
    byline, source and author lines, the date · place · source line and the
    editor's note (each only when the text has it)."""
    doc = ds.document
    block = dict(zip(ds.title_block["part"], ds.title_block["text"]))
    credits = [i18n.t(f"reader.{part}_line", lang, text=block[part]) for part in ("source", "author") if block.get(part)]
    shown = {"date": "date_line", "source": "source"}  # not repeated when the title block shows it
    meta = [str(doc[k]) for k in ("date", "place", "source") if doc.get(k) and not block.get(shown.get(k, ""))]
    return render("reader_title_block.html", kicker=doc.get("kicker") or "",
                  headline=doc.get("headline") or doc.get("title") or doc.get("doc_id") or "",
                  subtitle=doc.get("subtitle") or "", date_line=block.get("date_line", ""),
                  byline=block.get("speaker", ""), credits=credits, meta=" · ".join(meta),
                  note=block.get("editor_note", ""), note_label=i18n.t("reader.editor_note", lang))


def salutation_html(ds: Dataset) -> str:
    """The salutation that opens the body (同志们：), "" for a text without one."""
    block = dict(zip(ds.title_block["part"], ds.title_block["text"]))
    return render("reader_salutation.html", salutation=block["salutation"]) if block.get("salutation") else ""


# --- sections -----------------------------------------------------------------------------


def number_label(kind: str, number: str) -> str:
    """A heading's number as the text writes it, in any UI language: 一、 （一） 1. 第一章　 第一条　
    ("" when unnumbered; the rule: ``[heading_numbers]`` of ``outline.toml``)."""
    return outline.number_label(kind, number)


def section_rows(ds: Dataset) -> dict[int, tuple]:
    """Section -> its row of the sections table (a named tuple), for labelling many rows at once."""
    return {int(r.section): r for r in ds.sections.itertuples(index=False)}


def path_label(ds: Dataset, section: int, lang: str, rows: dict | None = None) -> str:
    """Where a section stands, by the numbers from the outermost heading in:
    三（一）, 三（二）1.; a section numbered straight through the text by its
    own number (第十条); "" for section 0."""
    rows = rows if rows is not None else section_rows(ds)
    path = reading.section_path(ds, section, {s: int(row.parent) for s, row in rows.items()})
    if not path:
        return ""
    if rows[path[-1]].kind in NUMBERED_THROUGH:
        path = path[-1:]
    return "".join(i18n.t(f"reader.path_{rows[s].kind}", lang, number=rows[s].number)
                   if i18n.has(f"reader.path_{rows[s].kind}") else str(rows[s].number) for s in path)


def row_label(ds: Dataset, paragraph: int, section: int, lang: str, rows: dict | None = None) -> str:
    """A paragraph's label in a grid of a text with sections: 三（一）¶9."""
    return i18n.t("reader.row_label", lang, path=path_label(ds, section, lang, rows), n=paragraph)


def _number_and_title(ds: Dataset, row, lang: str) -> tuple[str, str]:
    """A section's number as written and its title; an untitled section (an
    article) has the start of its text for a title."""
    number = number_label(str(row.kind), str(row.number))
    title = str(row.title)
    if title:
        return number, title
    first = ds.paragraphs[ds.paragraphs["paragraph"] == int(row.first_paragraph)]
    text = str(first["text"].iloc[0]) if len(first) else ""
    rest = text[reading.run_in_end(text, str(row.number), ""):].lstrip("\u3000 ")
    gap = "" if number[-1:].isspace() else " "  # the rule may write the space after the number itself
    return number + gap, rest[:TOC_TITLE_CHARS] + "…" if len(rest) > TOC_TITLE_CHARS else rest


def section_name(ds: Dataset, section: int, lang: str) -> str:
    """A section's number as written and its title (一、深刻认识…); "开篇" (the opening) for section 0."""
    rows = ds.sections[ds.sections["section"] == section]
    if rows.empty:
        return i18n.t("reader.part_opening", lang)
    return "".join(_number_and_title(ds, next(rows.itertuples(index=False)), lang)).strip()


def section_names(ds: Dataset, sections, lang: str) -> dict[int, str]:
    """:func:`section_name` of each of ``sections``, for a picker's labels."""
    return {int(section): section_name(ds, int(section), lang) for section in sections}


def section_place(ds: Dataset, section: int, lang: str, rows: dict | None = None) -> str:
    """A section by where it stands and its title: 一、深刻认识… at the top level,
    三（一）以科技创新… below it (第十条 为了… for an article); "开篇" for section 0."""
    rows = rows if rows is not None else section_rows(ds)
    if section not in rows or int(rows[section].parent) == 0:
        return section_name(ds, section, lang)
    row = rows[section]
    title = _number_and_title(ds, row, lang)[1]
    return path_label(ds, section, lang, rows) + ("" if row.title else " ") + title


def section_heading_html(ds: Dataset, section: int, lang: str) -> str:
    """A heading line: its number as written and its title, sized by its level, with its anchor."""
    row = reading.section_row(ds, section)
    if row is None:
        return ""
    return render("reader_section_heading.html", level=min(int(row["level"]), 4), section=int(section),
                  number=number_label(str(row["kind"]), str(row["number"])), title=str(row["title"]))


def toc_html(ds: Dataset, lang: str, *, themes=(), shown: Part | None = None, part_href=None) -> str:
    """The contents: every section (when ``shown`` is None), or every part and
    the sections of the part ``shown`` (a long text read one part at a time),
    indented by level, each with swatches of its themes with most hits
    (``themes``: those of the filter, or all). Entries of the text on the
    page link to their anchor (#s<n>); those of another part to
    ``part_href(section of the part)``, the URL that opens it. "" without sections."""
    if ds.sections.empty:
        return ""
    colors = charts.theme_colors(ds)
    names = labels.theme_names(ds, lang)
    top = theme_scores.section_top_themes(ds, themes)
    entries = []
    if shown is not None and reading.parts(ds)[0].section == 0:
        here = shown.section == 0
        entries.append({"section": 0, "level": 1, "number": "", "title": i18n.t("reader.part_opening", lang),
                        "href": "#p1" if here else part_href(0), "other": not here, "current": here,
                        "swatches": []})
    for row in ds.sections.itertuples(index=False):
        section, top_level = int(row.section), int(row.parent) == 0
        inside = shown is None or (shown.section != 0 and shown.first <= int(row.first_paragraph) <= shown.last)
        if not inside and not top_level:
            continue
        number, title = _number_and_title(ds, row, lang)
        entries.append({
            "section": section, "level": min(int(row.level), 4), "number": number, "title": title,
            "href": f"#s{section}" if inside else part_href(section), "other": not inside,
            "current": shown is not None and inside and top_level,
            "swatches": [{"theme": t, "color": colors.get(t, "#777777"),
                          "tip": i18n.t("reader.toc_swatch", lang, theme=names.get(t, t), n=n)}
                         for t, n in top.get(section, [])],
        })
    return render("reader_toc.html", title=i18n.t("reader.toc", lang), entries=entries,
                  other_tip=i18n.t("reader.toc_other_part", lang))


def legend_html(ds: Dataset, themes, lang: str) -> str:
    """The colours of the highlighted themes, as chips ("" for none)."""
    colors = charts.theme_colors(ds)
    names = labels.theme_names(ds, lang)
    chips = [{"color": colors[t], "name": names[t]} for t in themes if t in colors]
    if not chips:
        return ""
    return render("reader_legend.html", label=i18n.t("reader.legend", lang), chips=chips)


# --- the method panel ----------------------------------------------------------------------


#: The UI string of each item of :func:`studyboard.analysis.reading.provenance`.
_PROVENANCE_ITEMS = {
    "tokenizer": "reader.prov_tokenizer", "mode": "reader.prov_mode", "tier": "reader.prov_tier",
    "lexicon": "reader.prov_lexicon", "input": "reader.prov_input", "dataset": "reader.prov_dataset",
    "cache": "reader.prov_cache", "version": "reader.prov_version", "software": "reader.prov_software",
}
#: The stopword tiers by their code.
_TIERS = {"function": "reader.tier_function", "policy": "reader.tier_policy"}


def provenance_table(ds: Dataset, lang: str) -> pd.DataFrame:
    """:func:`studyboard.analysis.reading.provenance` with its items (and the
    stopword tier) named in the UI language, as columns ``Item`` and ``Value``."""
    rows = []
    for item, file, value in reading.provenance(ds).itertuples(index=False):
        if item == "tier" and value in _TIERS:
            value = i18n.t(_TIERS[value], lang)
        elif item == "mode" and value in reading.TOKENIZER_MODES.values():
            value = i18n.t(f"counts.mode_{value}", lang)
        rows.append((i18n.t(_PROVENANCE_ITEMS[item], lang, **({"file": file} if item == "lexicon" else {})), value))
    return pd.DataFrame(rows, columns=[i18n.t("reader.prov_item", lang), i18n.t("reader.prov_value", lang)])
