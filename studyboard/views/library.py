"""The library page's table as shown: origins and formats in words, a link per document."""

from __future__ import annotations

import pandas as pd

from studyboard.i18n import t
from studyboard.ingest.document import FORMATS


def display_listing(frame: pd.DataFrame, lang: str, link_of=None) -> pd.DataFrame:
    """The listing (:func:`studyboard.dataset.catalog.listing`) as shown: origin and
    format in words, a link per document (``link_of(doc_id)``), columns named
    by i18n keys ``library.col_*``."""
    shown = pd.DataFrame({
        "title": frame["title"].where(frame["title"] != "", frame["id"]),
        "date": frame["date"],
        "place": frame["place"],
        "source": frame["source"],
        "origin": [t(f"library.origin_{o}", lang) for o in frame["origin"]],
        "kind": [format_label(k, lang) for k in frame["kind"]],
        "chars": frame["chars"],
        "paragraphs": frame["paragraphs"],
        "notes": frame["notes"],
        "open": [link_of(i) if link_of and o != "missing" else None for i, o in zip(frame["id"], frame["origin"])],
        "id": frame["id"],
    })
    return shown.reset_index(drop=True)


def format_label(kind: str, lang: str) -> str:
    """A document format in words (text, Word, PDF, pasted)."""
    return t(f"library.kind_{kind}", lang) if kind in FORMATS else str(kind)
