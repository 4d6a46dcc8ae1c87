"""Where things live on disk. One place decides every path.

Environment variables move the writable folders (tests and the benchmark use
them): ``STUDYBOARD_CACHE`` for the dataset cache, ``STUDYBOARD_LIBRARY`` for
documents added by users, ``STUDYBOARD_LEXICON`` for the lexicon folder that
the board reads and its theme editor writes.
"""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
TEXTS = DATA / "texts"
LEXICON = DATA / "lexicon"  # the shipped lexicon; see lexicon_dir()
GEO = DATA / "geo"
I18N = DATA / "i18n"


def cache_dir() -> Path:
    """Folder for derived files (parsed datasets, jieba's prefix cache)."""
    return Path(os.environ.get("STUDYBOARD_CACHE") or ROOT / ".cache")


def lexicon_dir() -> Path:
    """The lexicon folder in use (``data/lexicon`` unless STUDYBOARD_LEXICON is set)."""
    return Path(os.environ.get("STUDYBOARD_LEXICON") or LEXICON)


def library_dir() -> Path:
    """Folder for documents that users add (git ignores it)."""
    return Path(os.environ.get("STUDYBOARD_LIBRARY") or ROOT / "library")
