"""Where the themes occur: the data of the theme grids, shares and co-occurrence.

Each function returns a DataFrame keyed by ids (paragraph, sentence and
section numbers, speaker names as written, theme ids); the views
(:mod:`studyboard.views.themeviews`) draw and name them. A cell counts a
theme's keyword ``hits`` in a unit and their ``density`` (hits per 100
characters); the unit's ``keywords`` are the matched ones, joined by 、.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from studyboard.analysis import filters
from studyboard.dataset.tables import Dataset

#: What a grid cell measures: keyword hits, or hits per 100 characters.
METRICS = ("hits", "density")
#: What the co-occurrence matrix counts: sentences or paragraphs with both themes.
UNITS = ("sentence", "paragraph")


def theme_ids(ds: Dataset, selected=()) -> list[str]:
    """The selected themes in lexicon order, or all themes when none is selected."""
    order = list(ds.themes.sort_values("order")["theme"])
    chosen = [t for t in order if t in set(selected)]
    return chosen or order


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


def section_cells(ds: Dataset, themes=(), level: int | None = None) -> pd.DataFrame:
    """One row per section (those of ``level``, or every section) and theme:
    ``row`` (the section's number in the sections table), ``theme``, ``hits``
    in the section's paragraphs (those of the sections under it included),
    ``density`` (hits per 100 of its characters) and ``keywords``; sections in
    document order. Empty for a document without sections."""
    columns = ["row", "theme", "hits", "density", "keywords"]
    ids = theme_ids(ds, themes)
    sections = ds.sections if level is None else ds.sections[ds.sections["level"] == level]
    if sections.empty:
        return pd.DataFrame(columns=columns)
    count = len(ds.paragraphs)
    grid = ds.paragraph_themes[ds.paragraph_themes["theme"].isin(ids)]
    hits = (grid.pivot_table(index="paragraph", columns="theme", values="hits", aggfunc="sum")
            .reindex(index=range(1, count + 1), columns=ids, fill_value=0).fillna(0).to_numpy(dtype=np.int64))
    running = np.vstack([np.zeros((1, len(ids)), dtype=np.int64), np.cumsum(hits, axis=0)])
    found: dict[tuple[int, str], list[str]] = {}
    for paragraph, theme, keywords in zip(grid["paragraph"], grid["theme"], grid["keywords"]):
        if keywords:
            found[(int(paragraph), theme)] = str(keywords).split("、")
    rows = []
    for section, first, last, chars in zip(sections["section"], sections["first_paragraph"],
                                           sections["last_paragraph"], sections["chars"]):
        first, last = int(first), int(last)
        counts = running[last] - running[first - 1] if last >= first else np.zeros(len(ids), dtype=np.int64)
        for column, theme in enumerate(ids):
            words = dict.fromkeys(w for p in range(first, last + 1) for w in found.get((p, theme), ()) if w)
            rows.append((int(section), theme, int(counts[column]),
                         round(100.0 * int(counts[column]) / max(int(chars), 1), 3), "、".join(words)))
    return pd.DataFrame(rows, columns=columns)


def section_top_themes(ds: Dataset, themes=(), most: int = 3) -> dict[int, list[tuple[str, int]]]:
    """Section -> its ``most`` themes with the most hits, as (theme, hits), most
    first (ties in lexicon order); themes without a hit are left out."""
    cells = section_cells(ds, themes)
    order = {t: i for i, t in enumerate(theme_ids(ds, themes))}
    out: dict[int, list[tuple[str, int]]] = {int(s): [] for s in ds.sections["section"]}
    carried = cells[cells["hits"] > 0]
    ranked = sorted(zip(carried["row"], carried["theme"], carried["hits"]), key=lambda c: (c[0], -c[2], order[c[1]]))
    for section, theme, count in ranked:
        if len(out[int(section)]) < most:
            out[int(section)].append((str(theme), int(count)))
    return out


def section_levels(ds: Dataset) -> list[int]:
    """The heading levels the document has, outermost first ([] without sections)."""
    return sorted(int(level) for level in ds.sections["level"].unique())


def speaker_cells(ds: Dataset, themes=()) -> pd.DataFrame:
    """One row per speaker and theme: hits in the speaker's sentences and hits
    per 100 of their characters. ``row`` is the speaker's name, or
    :data:`studyboard.analysis.filters.NARRATION` for the sentences nobody
    speaks; speakers in order of their first sentence, narration last."""
    ids = theme_ids(ds, themes)
    narration = filters.speaker_mask(ds.sentences["speaker"], filters.NARRATION)
    sentences = ds.sentences.assign(row=ds.sentences["speaker"].where(~narration, filters.NARRATION).astype(str))
    order = list(dict.fromkeys(sentences["row"]))
    if filters.NARRATION in order:
        order.remove(filters.NARRATION)
        order.append(filters.NARRATION)
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


def top_pairs(ds: Dataset, unit: str = "sentence", themes=(), n: int = 5) -> pd.DataFrame:
    """The pairs of themes that occur together most often: ``a``, ``b``,
    ``count`` (units with both), most first; pairs that never meet are left out."""
    matrix = cooccurrence(ds, unit, themes)
    ids = list(matrix.index)
    rows = [(a, b, int(matrix.loc[a, b])) for i, a in enumerate(ids) for b in ids[i + 1:] if matrix.loc[a, b] > 0]
    order = {t: i for i, t in enumerate(ids)}
    rows.sort(key=lambda r: (-r[2], order[r[0]], order[r[1]]))
    return pd.DataFrame(rows[:n], columns=["a", "b", "count"])
