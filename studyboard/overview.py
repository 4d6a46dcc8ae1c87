"""The overview page's content: the document card and key numbers."""

from __future__ import annotations

from .dataset import Dataset
from .lexicon import Lexicon


def document_card(ds: Dataset, lexicon: Lexicon, lang: str) -> dict:
    """Title lines, metadata and the key numbers of a document."""
    doc = ds.document
    direct = ds.mentions[~ds.mentions["related"]] if len(ds.mentions) else ds.mentions
    speakers = ds.sentences["speaker"].dropna().nunique()
    return {
        "kicker": doc["kicker"],
        "headline": doc["headline"],
        "title": doc["title"],
        "date": doc["date"],
        "place": doc["place"],
        "source": doc["source"],
        "numbers": [
            ("overview.paragraphs", int(doc["paragraphs"])),
            ("overview.sentences", int(doc["sentences"])),
            ("overview.chars", int(doc["chars"])),
            ("overview.words", int(doc["tokens"])),
            ("overview.speakers", int(speakers)),
            ("overview.provinces", int(direct["province"].replace("", None).dropna().nunique()) if len(direct) else 0),
        ],
    }
