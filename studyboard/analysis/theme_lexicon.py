"""The theme lexicon as tables: its keywords with their hits in the text, its
themes with their counts, and an edited keyword table turned back into
themes (for :func:`studyboard.lexicon.save_themes`).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from studyboard.analysis.theme_scores import theme_shares
from studyboard.dataset.tables import Dataset
from studyboard.errors import LexiconError
from studyboard.lexicon import Theme, parse_themes


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


def theme_summary(ds: Dataset) -> pd.DataFrame:
    """One row per theme, in lexicon order: ``theme`` (its id), ``color``,
    ``keywords`` (how many), ``hits``, ``paragraphs`` (how many carry it),
    ``top`` (its keywords found, most frequent first, with their counts)."""
    table = keyword_table(ds)
    shares = theme_shares(ds).set_index("theme")
    rows = []
    for theme in ds.themes.sort_values("order").itertuples():
        mine = table[table["theme"] == theme.theme].sort_values("hits", ascending=False, kind="stable")
        top = "、".join(f"{k} {h}" for k, h in zip(mine["keyword"], mine["hits"]) if h)
        rows.append((theme.theme, theme.color, len(mine), int(shares.loc[theme.theme, "hits"]),
                     int(shares.loc[theme.theme, "paragraphs"]), top))
    return pd.DataFrame(rows, columns=["theme", "color", "keywords", "hits", "paragraphs", "top"])


def _cell(value) -> str:
    """A table cell as trimmed text ("" for an empty cell)."""
    return "" if value is None or (isinstance(value, float) and np.isnan(value)) else str(value).strip()


def themes_from_table(themes: tuple[Theme, ...], table: pd.DataFrame) -> tuple[Theme, ...]:
    """The themes with the keywords of an edited keyword table.

    ``table`` has the columns ``theme`` and ``keyword`` (other columns are
    ignored): each row gives one keyword of one theme, in order. Blank rows
    (a row added but not filled in) are left out and surrounding white space
    is trimmed. Names, descriptions and colours are kept. Raises LexiconError
    (its message in both languages) for a keyword of an unknown theme
    (``edit_no_theme``), a keyword with white space inside, or a theme left
    without keywords.
    """
    known = {t.id for t in themes}
    keywords: dict[str, list[str]] = {t.id: [] for t in themes}
    for theme, keyword in zip(table["theme"], table["keyword"]):
        theme, keyword = _cell(theme), _cell(keyword)
        if not keyword:
            continue
        if theme not in known:
            raise LexiconError("edit_no_theme", keyword=keyword)
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
