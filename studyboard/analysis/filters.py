"""The one theme and speaker filter of every page.

The theme filter's unit is the **paragraph**, on every page. A paragraph
passes when it has hits of any (``mode="any"``) or of all (``mode="all"``)
of the chosen themes; no themes chosen means no filter. Pages that count
sentences (map, terms, quiz, …) count the sentences of the passing
paragraphs that carry at least one chosen theme: so with two themes in
all-of mode a paragraph that develops both passes even when no single
sentence names both, and every page shows the same paragraphs (the reader,
the overview and the presenter view the paragraphs themselves, the others
their theme sentences). In any-of mode this is simply the sentences with a
hit of a chosen theme. :func:`scope` gives both numbers for the sidebar's
caption. The speaker filter keeps the sentences one person speaks, or with
:data:`NARRATION` those nobody speaks (the reporter's).
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import pandas as pd

from studyboard.dataset.tables import Dataset

THEME_MODES = ("any", "all")
#: The speaker filter's value for sentences nobody speaks (in the URL: ``speaker=-``).
NARRATION = "-"


def passes(found: Iterable[str], themes: Iterable[str], mode: str = "any") -> bool:
    """Whether a unit with hits of the themes ``found`` passes the filter (no themes: it does)."""
    themes = set(themes)
    if not themes:
        return True
    found = set(found)
    return themes <= found if mode == "all" else bool(found & themes)


def _units(hits: pd.DataFrame, unit: str, themes: tuple[str, ...], mode: str) -> set[int]:
    """Units of a (unit, theme) hits table that pass the filter."""
    tagged = hits.loc[hits["theme"].isin(themes), [unit, "theme"]].drop_duplicates()
    per_unit = tagged[unit].value_counts()
    need = len(set(themes)) if mode == "all" else 1
    return {int(u) for u, n in per_unit.items() if n >= need}


def theme_sentences(ds: Dataset, themes: Iterable[str] = (), mode: str = "any") -> set[int] | None:
    """Sentence numbers that pass the theme filter; None when no theme is chosen.

    The sentences with a hit of a chosen theme, in the paragraphs that pass
    (:func:`theme_paragraphs`): in all-of mode a sentence need not carry every
    theme itself, its paragraph must.
    """
    themes = tuple(themes)
    if not themes:
        return None
    carrying = _units(ds.sentence_themes, "sentence", themes, "any")
    if mode != "all":
        return carrying
    paragraphs = theme_paragraphs(ds, themes, mode) or set()
    paragraph_of = dict(zip(ds.sentences["sentence"], ds.sentences["paragraph"]))
    return {s for s in carrying if int(paragraph_of.get(s, 0)) in paragraphs}


def theme_paragraphs(ds: Dataset, themes: Iterable[str] = (), mode: str = "any") -> set[int] | None:
    """Paragraph numbers that pass the theme filter; None when no theme is chosen."""
    themes = tuple(themes)
    if not themes:
        return None
    carried = ds.paragraph_themes[ds.paragraph_themes["hits"] > 0]
    return _units(carried, "paragraph", themes, mode)


def scope(ds: Dataset, themes: Iterable[str] = (), mode: str = "any") -> dict[str, int] | None:
    """What the theme filter keeps, for the sidebar's caption: ``paragraphs``
    (the unit) and ``sentences`` (the theme sentences in them); None when no
    theme is chosen."""
    paragraphs = theme_paragraphs(ds, themes, mode)
    if paragraphs is None:
        return None
    return {"paragraphs": len(paragraphs), "sentences": len(theme_sentences(ds, themes, mode) or ())}


def speaker_mask(speakers: pd.Series, speaker: str | None) -> np.ndarray:
    """Which sentences (their ``speaker`` column) the speaker filter keeps (None or "": all)."""
    if not speaker:
        return np.ones(len(speakers), dtype=bool)
    if speaker == NARRATION:
        return speakers.isna().to_numpy() | (speakers == "").to_numpy()
    return (speakers == speaker).fillna(False).to_numpy(dtype=bool)


def sentence_mask(ds: Dataset, themes: Iterable[str] = (), mode: str = "any", speaker: str | None = None) -> np.ndarray:
    """Which rows of ``ds.sentences`` pass both filters."""
    keep = speaker_mask(ds.sentences["speaker"], speaker)
    chosen = theme_sentences(ds, themes, mode)
    if chosen is not None:
        keep = keep & ds.sentences["sentence"].isin(chosen).to_numpy()  # not &=: pandas may hand out read-only arrays
    return keep
