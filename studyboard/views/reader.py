"""The reader page's HTML: the document's heading, each paragraph with its
themes, search hits and glossary terms marked, the legend, the status line
and the method panel's table.

:func:`paragraph_html` renders one paragraph (its number, its speaker and its
sentences, from :func:`studyboard.analysis.reading.marked_paragraph`), so
that a page can put other blocks (notes) under each paragraph. Sentences that
carry a selected theme get that theme's colour, the matched keywords a band
in it and a tooltip naming them; glossary terms a dotted underline whose
tooltip gives pinyin, the newest official English rendering and the
explanation; search hits a yellow mark. The templates
(``templates/reader_*.html``) escape every piece of document text.
"""

from __future__ import annotations

import pandas as pd

from studyboard import i18n
from studyboard.analysis import reading
from studyboard.analysis.glossary import Entry
from studyboard.analysis.reading import Filter, Mark, MarkedSentence
from studyboard.dataset.tables import Dataset
from studyboard.views import charts, labels
from studyboard.views.templates import render

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
</style>
"""


# --- labels and lines -------------------------------------------------------------------


def paragraph_label(ds: Dataset, paragraph: int, lang: str, chars: int = 14) -> str:
    """'8 · 习近平指出，要协同推进生态环境…' for a paragraph picker."""
    row = ds.paragraphs[ds.paragraphs["paragraph"] == paragraph]
    if not len(row):
        return str(paragraph)
    text = str(row["text"].iloc[0])
    return f"{paragraph} · {text[:chars]}…" if len(text) > chars else f"{paragraph} · {text}"


def summary(ds: Dataset, flt: Filter, matches, lang: str) -> list[str]:
    """Lines that say what the filter found (plain text: :func:`status_html` escapes them)."""
    lines = []
    total = len(ds.paragraphs)
    if flt.search:
        hits = reading.search_hits(ds, flt.search)
        if len(hits):
            lines.append(i18n.t("reader.search_found", lang, query=flt.search, hits=len(hits),
                                paragraphs=hits["paragraph"].nunique()))
        else:
            lines.append(i18n.t("reader.search_none", lang, query=flt.search))
    if flt.active:
        lines.append(i18n.t("reader.matches", lang, n=len(matches), total=total))
    return lines


def term_tooltip(entry: Entry, lang: str) -> str:
    """A glossary term's tooltip: term and pinyin, English, explanation in the UI language."""
    lines = [f"{entry.term} · {entry.pinyin}" if entry.pinyin else entry.term]
    if entry.renderings:
        lines.append(i18n.t("reader.term_official", lang, en=entry.renderings[0].en))
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
        if mark.kind == "term" and mark.word in glossary:
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
    are marked. ``anchor`` gives the block ``id="p<n>"`` (leave it off for a
    second copy of the paragraph).
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
                  speaker=labels.person_name(ds, marked.speaker, lang), parts=parts)


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


def heading_html(ds: Dataset) -> str:
    """Kicker, headline, subtitle and the date · place · source line."""
    doc = ds.document
    return render("reader_heading.html", kicker=doc.get("kicker") or "",
                  headline=doc.get("headline") or doc.get("title") or doc.get("doc_id") or "",
                  subtitle=doc.get("subtitle") or "",
                  meta=" · ".join(str(doc[k]) for k in ("date", "place", "source") if doc.get(k)))


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
        rows.append((i18n.t(_PROVENANCE_ITEMS[item], lang, **({"file": file} if item == "lexicon" else {})), value))
    return pd.DataFrame(rows, columns=[i18n.t("reader.prov_item", lang), i18n.t("reader.prov_value", lang)])
