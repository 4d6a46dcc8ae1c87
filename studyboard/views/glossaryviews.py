"""The glossary in the UI language: its lines of text, its HTML tables, terms marked in text.

From :mod:`studyboard.analysis.glossary`: :func:`rendering_text` (a
rendering's English, marked when it is unverified, in the UI language),
:func:`english_line` and :func:`hover_text` (an entry's English, or the
statement that there is no official rendering), :func:`in_language` (the glossary table with its
English and explanation in the UI language), :func:`table_html` and
:func:`renderings_html` (templates ``glossary_table.html`` and
``glossary_renderings.html``) and :func:`mark` (glossary terms underlined in
a text, with their pinyin and English as a tooltip; ``glossary_marked.html``).
"""

from __future__ import annotations

import re
from functools import lru_cache

import pandas as pd

from studyboard import i18n
from studyboard.analysis.glossary import Entry, Rendering, by_term_of, pinyin_of
from studyboard.views.templates import render


def rendering_text(rendering: Rendering, lang: str) -> str:
    """A rendering's English, with a mark in the UI language when it is unverified (not read on a
    primary publisher's own page): "modern industrial system（未核实）". Plain text."""
    if rendering.verified:
        return rendering.en
    return i18n.t("glossary.unverified_mark", lang, en=rendering.en)


def hover_text(entry: Entry, lang: str) -> str:
    """One line for tooltips: pinyin and the newest official English (marked when
    unverified; or the descriptive gloss, marked as such). Plain text: escape it for HTML."""
    parts = [pinyin_of(entry)]
    if entry.renderings:
        parts.append(rendering_text(entry.renderings[0], lang))
    elif entry.gloss_en:
        parts.append(i18n.t("glossary.gloss_marked", lang, gloss=entry.gloss_en))
    else:
        parts.append(i18n.t("glossary.no_rendering", lang))
    return " · ".join(p for p in parts if p)


def english_line(entry: Entry, lang: str) -> str:
    """The newest official rendering with its source and date, or the honest
    statement that there is none (with the descriptive gloss). Plain text."""
    if entry.renderings:
        newest = entry.renderings[0]
        return f"{rendering_text(newest, lang)} ({newest.source}, {newest.date})"
    if entry.gloss_en:
        return i18n.t("glossary.no_rendering_gloss", lang, gloss=entry.gloss_en)
    return i18n.t("glossary.no_rendering", lang)


def in_language(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    """A table of :func:`studyboard.analysis.glossary.table` in the UI language.

    Columns: ``term, pinyin, english`` (newest official rendering, marked when
    unverified, or the honest statement that there is none, with the descriptive gloss),
    ``official, source, date, renderings``, ``explain`` (in ``lang``) and
    ``occurrences`` (and ``nested``) when the table has them.
    """
    verified = frame["verified"] if "verified" in frame.columns else [True] * len(frame)
    english = [(en if checked else i18n.t("glossary.unverified_mark", lang, en=en)) if official else
               i18n.t("glossary.no_rendering_gloss", lang, gloss=gloss) if gloss else i18n.t("glossary.no_rendering", lang)
               for en, gloss, official, checked in zip(frame["english"], frame["gloss"], frame["official"], verified)]
    out = frame.assign(english=english, explain=frame["explain_en" if lang == "en" else "explain_zh"])
    columns = ["term", "pinyin", "english", "official", "source", "date", "renderings", "explain"]
    return out[columns + [c for c in ("occurrences", "nested") if c in frame.columns]]


def table_html(frame: pd.DataFrame, lang: str) -> str:
    """A glossary table (from :func:`in_language`) as HTML whose long texts wrap:
    term and pinyin, English with its source and date (or the statement that
    there is no official rendering, in italics), the explanation, and the
    occurrences in this document when the table has them (with how many are
    inside a longer term, when it has ``nested``)."""
    counted = "occurrences" in frame.columns
    nested = frame["nested"].tolist() if "nested" in frame.columns else [0] * len(frame)
    heads = [i18n.t("glossary.col_term", lang), i18n.t("glossary.col_english", lang),
             i18n.t("glossary.col_explain", lang)] + ([i18n.t("glossary.col_occurrences", lang)] if counted else [])
    rows = [{"term": row.term, "pinyin": row.pinyin, "english": row.english, "official": bool(row.official),
             "source": i18n.t("glossary.card_source", lang, source=row.source, date=row.date) if row.official else "",
             "explain": row.explain, "occurrences": int(row.occurrences) if counted else None,
             "nested_note": i18n.t("counts.nested_note", lang, n=int(inside)) if counted and inside else ""}
            for row, inside in zip(frame.itertuples(index=False), nested)]
    return render("glossary_table.html", heads=heads, rows=rows, counted=counted)


def web_address(url: str) -> str:
    """``url`` when it is a web page's address (http or https), else "" (no link)."""
    return url if url.startswith(("https://", "http://")) else ""


def renderings_html(entry: Entry, lang: str) -> str:
    """Every cited rendering of a term, newest first, as HTML: the English,
    date, source (linked to web pages only, opened in a new tab), whether it
    was read in the source, notes."""
    heads = [i18n.t(k, lang) for k in ("glossary.col_en", "glossary.col_date", "glossary.col_source",
                                       "glossary.col_verified", "glossary.col_note")]
    rows = [{"en": r.en, "date": r.date, "source": r.source, "url": web_address(r.url or r.via),
             "via": i18n.t("glossary.via", lang) if r.via and not r.url else "",
             "checked": i18n.t("glossary.yes" if r.verified else "glossary.no", lang), "note": r.note,
             "unverified": not r.verified}
            for r in entry.renderings]
    return render("glossary_renderings.html", heads=heads, rows=rows)


@lru_cache(maxsize=8)
def _pattern(terms: tuple[str, ...]) -> re.Pattern:
    return re.compile("|".join(map(re.escape, terms)))


def mark(text: str, entries, lang: str) -> str:
    """``text`` as HTML with the glossary terms in it underlined and given
    their pinyin and English as a tooltip (longest term first, no overlaps)."""
    index = by_term_of(entries)
    if not text:
        return ""
    pieces, pos = [], 0
    if index:
        for match in _pattern(tuple(sorted(index, key=len, reverse=True))).finditer(text):
            pieces.append({"text": text[pos:match.start()], "title": ""})
            pieces.append({"text": match.group(), "title": hover_text(index[match.group()], lang)})
            pos = match.end()
    pieces.append({"text": text[pos:], "title": ""})
    return render("glossary_marked.html", pieces=pieces)
