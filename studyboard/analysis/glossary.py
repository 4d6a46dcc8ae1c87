"""The glossary of political terms (``data/lexicon/glossary.toml``).

Each entry has the term, its pinyin, one-line explanations in Chinese and
English and the official English renderings with their sources, newest
first. Where no official rendering exists the entry says so (``note``) and
may give a descriptive gloss (``gloss_en``) that is marked as such.

The view functions below make what the pages show: the glossary as a table
in the UI language (:func:`table`, :func:`table_html`), search by term,
pinyin with or without tones, or any rendering (:func:`search`), all
renderings of a term (:func:`renderings_html`), and glossary terms
underlined in a piece of text with their pinyin and English as a tooltip
(:func:`mark`). Every text that reaches HTML is escaped.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pandas as pd

from studyboard import paths
from studyboard.views.markup import html as html_escape



@dataclass(frozen=True)
class Rendering:
    en: str
    source: str
    date: str
    url: str = ""
    verified: bool = True
    via: str = ""
    note: str = ""


@dataclass(frozen=True)
class Entry:
    term: str
    pinyin: str
    explain_zh: str
    explain_en: str
    renderings: tuple[Rendering, ...]
    gloss_en: str = ""
    note: str = ""

    @property
    def english(self) -> str:
        """The newest official rendering, else the descriptive gloss, else ''."""
        if self.renderings:
            return self.renderings[0].en
        return self.gloss_en

    def explain(self, lang: str) -> str:
        return self.explain_en if lang == "en" else self.explain_zh


def _read(path: Path) -> tuple[Entry, ...]:
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    entries = []
    for item in data.get("term", []):
        renderings = tuple(
            Rendering(r["en"], r.get("source", ""), str(r.get("date", "")), r.get("url", ""),
                      bool(r.get("verified", True)), r.get("via", ""), r.get("note", ""))
            for r in item.get("rendering", [])
        )
        entries.append(Entry(item["term"], item.get("pinyin", ""), item.get("explain_zh", ""),
                             item.get("explain_en", ""), renderings, item.get("gloss_en", ""),
                             item.get("note", "")))
    return tuple(entries)


@lru_cache(maxsize=4)
def _cached(path: str, mtime_ns: int) -> tuple[Entry, ...]:
    return _read(Path(path))


def load(path: Path | None = None) -> tuple[Entry, ...]:
    """All glossary entries (re-read when the file changes)."""
    path = Path(path or paths.lexicon_dir() / "glossary.toml")
    return _cached(str(path), path.stat().st_mtime_ns)


def by_term(path: Path | None = None) -> dict[str, Entry]:
    return {entry.term: entry for entry in load(path)}


# --- views: the glossary table, search, marking terms in text ---------------------


def by_term_of(entries=None) -> dict[str, Entry]:
    """Entries by term: of ``entries`` when given, else of the glossary file."""
    return by_term() if entries is None else {entry.term: entry for entry in entries}


def pinyin_of(entry: Entry) -> str:
    """The entry's pinyin; where the file gives none, pypinyin's (when installed)."""
    if entry.pinyin:
        return entry.pinyin
    try:
        from pypinyin import lazy_pinyin, Style
    except ImportError:
        return ""
    return " ".join(lazy_pinyin(entry.term, style=Style.TONE))


def hover_text(entry: Entry, lang: str) -> str:
    """One line for tooltips: pinyin and the newest official English (or the
    descriptive gloss, marked as such). Plain text: escape it for HTML."""
    from studyboard import i18n

    parts = [pinyin_of(entry)]
    if entry.renderings:
        parts.append(entry.renderings[0].en)
    elif entry.gloss_en:
        parts.append(i18n.t("glossary.gloss_marked", lang, gloss=entry.gloss_en))
    else:
        parts.append(i18n.t("glossary.no_rendering", lang))
    return " · ".join(p for p in parts if p)


def english_line(entry: Entry, lang: str) -> str:
    """The newest official rendering with its source and date, or the honest
    statement that there is none (with the descriptive gloss). Plain text."""
    from studyboard import i18n

    if entry.renderings:
        newest = entry.renderings[0]
        return f"{newest.en} ({newest.source}, {newest.date})"
    if entry.gloss_en:
        return i18n.t("glossary.no_rendering_gloss", lang, gloss=entry.gloss_en)
    return i18n.t("glossary.no_rendering", lang)


def has_unverified(entry: Entry) -> bool:
    """Whether any rendering of the entry was recorded from a secondary mention."""
    return any(not r.verified for r in entry.renderings)


def in_document(entries, counts: dict[str, int], only: bool = True) -> list[Entry]:
    """The entries that occur in the document (``counts`` from :func:`occurrences`), or all."""
    return [entry for entry in entries if counts.get(entry.term, 0) or not only]


def occurrences(entries, texts) -> dict[str, int]:
    """How often each term occurs in ``texts`` (substrings: 高质量发展 also counts
    inside 黄河流域生态保护和高质量发展)."""
    texts = [str(t) for t in texts]
    return {entry.term: sum(text.count(entry.term) for text in texts) for entry in entries}


def _toneless(text: str) -> str:
    """Lower case without tone marks, spaces or hyphens (xīn zhì -> xinzhi)."""
    plain = unicodedata.normalize("NFD", text.lower())
    plain = "".join(ch for ch in plain if not unicodedata.combining(ch))
    return plain.replace("ü", "v").replace(" ", "").replace("-", "").replace("'", "")


def table(entries, lang: str, counts: dict[str, int] | None = None) -> pd.DataFrame:
    """The glossary as a table in the UI language.

    Columns: ``term, pinyin, english`` (newest official rendering, or the
    honest statement that there is none, with the descriptive gloss),
    ``official`` (has an official rendering), ``source, date`` (of the newest
    rendering), ``renderings`` (how many are cited), ``explain`` (in ``lang``),
    ``occurrences`` (in this document, when ``counts`` is given).
    """
    from studyboard import i18n

    rows = []
    for entry in entries:
        if entry.renderings:
            newest = entry.renderings[0]
            english, source, date = newest.en, newest.source, newest.date
        else:
            english = (i18n.t("glossary.no_rendering_gloss", lang, gloss=entry.gloss_en) if entry.gloss_en
                       else i18n.t("glossary.no_rendering", lang))
            source, date = "", ""
        rows.append((entry.term, pinyin_of(entry), english, bool(entry.renderings), source, date,
                     len(entry.renderings), entry.explain(lang),
                     (counts or {}).get(entry.term, 0) if counts is not None else None))
    frame = pd.DataFrame(rows, columns=["term", "pinyin", "english", "official", "source", "date", "renderings",
                                        "explain", "occurrences"])
    if counts is None:
        frame = frame.drop(columns="occurrences")
    return frame


def search(frame: pd.DataFrame, entries, query: str) -> pd.DataFrame:
    """The rows of a glossary table whose entry matches ``query``: in the term,
    the pinyin (with or without tones and spaces), any English rendering, the
    gloss, the explanations or the notes. Case does not matter."""
    query = (query or "").strip()
    if not query:
        return frame
    needle, plain = query.lower(), _toneless(query)
    found = set()
    for entry in entries:
        haystack = " ".join([entry.term, entry.pinyin, entry.explain_zh, entry.explain_en, entry.gloss_en,
                             entry.note, *(r.en for r in entry.renderings)]).lower()
        if needle in haystack or (plain and plain in _toneless(entry.pinyin)):
            found.add(entry.term)
    return frame[frame["term"].isin(found)].reset_index(drop=True)


def renderings(entry: Entry) -> pd.DataFrame:
    """All cited renderings of a term, newest first: ``en, date, source, url``
    (the source's address, else the copy it was read in), ``verified, note``."""
    rows = [(r.en, r.date, r.source, r.url or r.via, r.verified, r.note) for r in entry.renderings]
    return pd.DataFrame(rows, columns=["en", "date", "source", "url", "verified", "note"])


def mark(text: str, entries, lang: str) -> str:
    """``text`` as escaped HTML with the glossary terms in it underlined and
    given their pinyin and English as a tooltip (longest term first, no
    overlaps)."""
    index = by_term_of(entries)
    if not text:
        return ""
    if not index:
        return html_escape(text)
    pattern = _pattern(tuple(sorted(index, key=len, reverse=True)))
    out, pos = [], 0
    for match in pattern.finditer(text):
        out.append(html_escape(text[pos:match.start()]))
        entry = index[match.group()]
        out.append(f"<abbr class='sb-gloss' title='{html_escape(hover_text(entry, lang))}' "
                   f"style='text-decoration:underline dotted;text-underline-offset:3px;cursor:help'>"
                   f"{html_escape(match.group())}</abbr>")
        pos = match.end()
    out.append(html_escape(text[pos:]))
    return "".join(out)


@lru_cache(maxsize=8)
def _pattern(terms: tuple[str, ...]) -> re.Pattern:
    return re.compile("|".join(map(re.escape, terms)))


_TABLE_STYLE = ("width:100%;border-collapse:collapse;font-size:17px;line-height:1.5")
_CELL = "padding:6px 10px;border-bottom:1px solid #E5E5E5;vertical-align:top;text-align:left"
_SMALL = "font-size:14px;color:#555555"


def _link(url: str, text: str) -> str:
    """An escaped link to an outside page (http and https only; opened in a new tab)."""
    if not url.startswith(("https://", "http://")):
        return html_escape(text)
    return f"<a href='{html_escape(url)}' target='_blank' rel='noopener noreferrer'>{html_escape(text)}</a>"


def table_html(frame: pd.DataFrame, lang: str) -> str:
    """A glossary table (from :func:`table`) as HTML whose long texts wrap:
    term and pinyin, English with its source and date (or the statement that
    there is no official rendering, in italics), the explanation, and the
    count in this document when the table has one. All text is escaped."""
    from studyboard import i18n

    counted = "occurrences" in frame.columns
    heads = [i18n.t("glossary.col_term", lang), i18n.t("glossary.col_english", lang),
             i18n.t("glossary.col_explain", lang)] + ([i18n.t("glossary.col_occurrences", lang)] if counted else [])
    head = "".join(f"<th style='{_CELL};font-weight:700'>{html_escape(h)}</th>" for h in heads)
    rows = []
    for row in frame.itertuples(index=False):
        term = (f"<td style='{_CELL};white-space:nowrap'><b style='font-size:19px'>{html_escape(row.term)}</b>"
                f"<br><span style='{_SMALL}'>{html_escape(row.pinyin)}</span></td>")
        if row.official:
            source = i18n.t("glossary.card_source", lang, source=row.source, date=row.date)
            english = (f"<td style='{_CELL}'>{html_escape(row.english)}<br>"
                       f"<span style='{_SMALL}'>{html_escape(source)}</span></td>")
        else:
            english = f"<td style='{_CELL}'><i style='color:#8A4B00'>{html_escape(row.english)}</i></td>"
        cells = [term, english, f"<td style='{_CELL}'>{html_escape(row.explain)}</td>"]
        if counted:
            cells.append(f"<td style='{_CELL};text-align:right'>{int(row.occurrences)}</td>")
        rows.append(f"<tr>{''.join(cells)}</tr>")
    return (f"<table class='sb-glossary' style='{_TABLE_STYLE}'><thead><tr>{head}</tr></thead>"
            f"<tbody>{''.join(rows)}</tbody></table>")


def renderings_html(entry: Entry, lang: str) -> str:
    """Every cited rendering of a term, newest first, as escaped HTML: the
    English, date, source (linked), whether it was read in the source, notes."""
    from studyboard import i18n

    heads = [i18n.t(k, lang) for k in ("glossary.col_en", "glossary.col_date", "glossary.col_source",
                                       "glossary.col_verified", "glossary.col_note")]
    head = "".join(f"<th style='{_CELL};font-weight:700'>{html_escape(h)}</th>" for h in heads)
    rows = []
    for r in entry.renderings:
        checked = i18n.t("glossary.yes" if r.verified else "glossary.no", lang)
        via = (f" <span style='{_SMALL}'>{html_escape(i18n.t('glossary.via', lang))}</span>"
               if r.via and not r.url else "")
        rows.append(
            f"<tr><td style='{_CELL}'><b>{html_escape(r.en)}</b></td>"
            f"<td style='{_CELL};white-space:nowrap'>{html_escape(r.date)}</td>"
            f"<td style='{_CELL}'>{_link(r.url or r.via, r.source)}{via}</td>"
            f"<td style='{_CELL}'>{html_escape(checked)}</td>"
            f"<td style='{_CELL};{_SMALL}'>{html_escape(r.note)}</td></tr>"
        )
    return (f"<table class='sb-renderings' style='{_TABLE_STYLE}'><thead><tr>{head}</tr></thead>"
            f"<tbody>{''.join(rows)}</tbody></table>")
