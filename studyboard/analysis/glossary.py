"""The glossary of political terms (``data/lexicon/glossary.toml``): loading and looking up.

Each entry has the term, its pinyin, one-line explanations in Chinese and
English and the official English renderings with their sources, newest
first. Where no official rendering exists the entry says so (``note``) and
may give a descriptive gloss (``gloss_en``) that is marked as such.

Here: the entries (:func:`load`, :func:`by_term`), how often each occurs in
a text (:func:`occurrences`), the pinyin of an entry or of any term
(:func:`pinyin_of`, :func:`term_pinyin`: the file's own first, else
:func:`studyboard.nlp.pinyin.pinyin`), the glossary as a table of plain values
(:func:`table`), search by term, pinyin with or without tones, or any
rendering (:func:`search`) and all renderings of a term (:func:`renderings`).
The glossary in the UI language, its HTML and the marking of terms in a text
are in :mod:`studyboard.views.glossaryviews`.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pandas as pd

from studyboard import paths
from studyboard.analysis import occurrences as occurrences_module
from studyboard.nlp.pinyin import pinyin, toneless


#: A rendering's ``status`` in the file: read on a primary publisher's own page, or anything else.
PRIMARY, UNVERIFIED = "primary", "unverified"


@dataclass(frozen=True)
class Rendering:
    en: str
    source: str
    date: str
    url: str = ""
    verified: bool = True  # status "primary": read on a primary publisher's own page
    via: str = ""
    note: str = ""

    @property
    def status(self) -> str:
        return PRIMARY if self.verified else UNVERIFIED


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
                      r.get("status", UNVERIFIED) == PRIMARY, r.get("via", ""), r.get("note", ""))
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


# --- lookups, counts, the table, search ---------------------------------------------


def by_term_of(entries=None) -> dict[str, Entry]:
    """Entries by term: of ``entries`` when given, else of the glossary file."""
    return by_term() if entries is None else {entry.term: entry for entry in entries}


def pinyin_of(entry: Entry) -> str:
    """The entry's pinyin as the file gives it (words joined: zhōngbù dìqū juéqǐ), else pypinyin's."""
    return entry.pinyin or pinyin(entry.term)


def term_pinyin(term: str, entries=None) -> str:
    """The pinyin of any term: its glossary entry's (of ``entries`` when given,
    else of the glossary file) when it has one, else pypinyin's."""
    entry = by_term_of(entries).get(term)
    return pinyin_of(entry) if entry is not None else pinyin(term)


def has_unverified(entry: Entry) -> bool:
    """Whether any rendering of the entry is unverified (not read on a primary publisher's own page)."""
    return any(not r.verified for r in entry.renderings)


def in_document(entries, counts: dict[str, int], only: bool = True) -> list[Entry]:
    """The entries that occur in the document (``counts`` from :func:`occurrences`), or all."""
    return [entry for entry in entries if counts.get(entry.term, 0) or not only]


def counts(entries, texts, longer=()) -> dict[str, "occurrences_module.Occurrences"]:
    """Each term's occurrences in ``texts`` (:func:`studyboard.analysis.occurrences.count`:
    substrings count, 高质量发展 also inside 黄河流域生态保护和高质量发展), and how many are
    nested in a longer term: another glossary term or one of ``longer``."""
    texts = [str(t) for t in texts]
    entries = list(entries)
    pool = occurrences_module.longer_terms(None, entries, longer)
    return {entry.term: occurrences_module.count_in(texts, entry.term, pool) for entry in entries}


def occurrences(entries, texts, longer=()) -> dict[str, int]:
    """How often each term occurs in ``texts`` (the ``count`` of :func:`counts`)."""
    return {term: found.count for term, found in counts(entries, texts, longer).items()}


def nested_of(found: dict) -> dict[str, int]:
    """The nested occurrences of each term of :func:`counts`."""
    return {term: o.nested for term, o in found.items()}


def table(entries, counts: dict[str, int] | None = None, nested: dict[str, int] | None = None) -> pd.DataFrame:
    """The glossary as a table of plain values, one row per entry.

    Columns: ``term, pinyin``, ``english`` (the newest official rendering,
    "" when there is none), ``gloss`` (the descriptive gloss, "" if none),
    ``official`` (has an official rendering), ``source, date, verified`` (of the
    newest rendering; ``verified``: read on a primary publisher's own page),
    ``renderings`` (how many are cited), ``explain_zh,
    explain_en``, ``occurrences`` (in this document, when ``counts`` is given)
    and ``nested`` (of them inside a longer term, when ``nested`` is given).
    """
    rows = []
    for entry in entries:
        newest = entry.renderings[0] if entry.renderings else None
        rows.append((entry.term, pinyin_of(entry), newest.en if newest else "", entry.gloss_en, newest is not None,
                     newest.source if newest else "", newest.date if newest else "",
                     bool(newest.verified) if newest else False, len(entry.renderings),
                     entry.explain_zh, entry.explain_en,
                     (counts or {}).get(entry.term, 0) if counts is not None else None))
    frame = pd.DataFrame(rows, columns=["term", "pinyin", "english", "gloss", "official", "source", "date",
                                        "verified", "renderings", "explain_zh", "explain_en", "occurrences"])
    if counts is None:
        frame = frame.drop(columns="occurrences")
    elif nested is not None:
        frame["nested"] = [int(nested.get(term, 0)) for term in frame["term"]]
    return frame


def search(frame: pd.DataFrame, entries, query: str) -> pd.DataFrame:
    """The rows of a glossary table whose entry matches ``query``: in the term,
    the pinyin (:func:`pinyin_of`, with or without tones and spaces), any
    English rendering, the gloss, the explanations or the notes. Case does not matter."""
    query = (query or "").strip()
    if not query:
        return frame
    needle, plain = query.lower(), toneless(query)
    found = set()
    for entry in entries:
        sound = pinyin_of(entry)
        haystack = " ".join([entry.term, sound, entry.explain_zh, entry.explain_en, entry.gloss_en,
                             entry.note, *(r.en for r in entry.renderings)]).lower()
        if needle in haystack or (plain and plain in toneless(sound)):
            found.add(entry.term)
    return frame[frame["term"].isin(found)].reset_index(drop=True)


def renderings(entry: Entry) -> pd.DataFrame:
    """All cited renderings of a term, newest first: ``en, date, source, url``
    (the source's address, else the copy it was read in), ``verified, note``."""
    rows = [(r.en, r.date, r.source, r.url or r.via, r.verified, r.note) for r in entry.renderings]
    return pd.DataFrame(rows, columns=["en", "date", "source", "url", "verified", "note"])
