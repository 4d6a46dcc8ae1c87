"""Names in the UI language: people, their roles, themes and provinces.

One place decides how a name reads: in English a person's romanised name
and role from the dataset's ``people`` table, a theme's or province's
English name from the lexicon; in Chinese the names as written.
"""

from __future__ import annotations

from studyboard.dataset.tables import Dataset
from studyboard.lexicon import Lexicon


def person(ds: Dataset, name: str | None, lang: str) -> tuple[str, str]:
    """A person's name and role in ``lang`` (the name as written when the people table has no row)."""
    if not isinstance(name, str) or not name:
        return "", ""
    rows = ds.people[ds.people["name"] == name] if len(ds.people) else ds.people
    if rows.empty:
        return name, ""
    row = rows.iloc[0]
    if lang == "en":
        return (str(row["name_en"] or "") or name), str(row["role_en"] or "")
    return name, str(row["role_zh"] or "")


def person_name(ds: Dataset, name: str | None, lang: str) -> str:
    """A person's name in ``lang`` ("" for no one)."""
    return person(ds, name, lang)[0]


def theme_names(ds: Dataset, lang: str) -> dict[str, str]:
    """Theme id -> its name in ``lang``."""
    column = "name_en" if lang == "en" else "name_zh"
    return dict(zip(ds.themes["theme"], ds.themes[column]))


def province_name(lexicon: Lexicon, adcode: str, lang: str) -> str:
    """A province's name in ``lang``: its short Chinese name, or its English name
    (the adcode itself when the gazetteer has no such province)."""
    try:
        p = lexicon.province(adcode)
    except KeyError:
        return adcode
    return (p.en or p.short) if lang == "en" else p.short


def term_gloss(term: str, lang: str, entries: dict | None = None) -> str:
    """A glossary term's hover text in ``lang``: pinyin, English rendering and the explanation
    ('' for a term the glossary (``entries``, by term; the shipped one when None) does not hold)."""
    from studyboard.analysis import glossary

    entries = glossary.by_term() if entries is None else entries
    entry = entries.get(term)
    if entry is None:
        return ""
    from studyboard.views.glossaryviews import rendering_text

    english = rendering_text(entry.renderings[0], lang) if entry.renderings else entry.english
    head = " · ".join(part for part in (entry.pinyin, english) if part)
    explain = entry.explain(lang)
    return f"{head}\n{explain}" if head and explain else head or explain
