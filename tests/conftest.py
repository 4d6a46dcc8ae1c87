"""Shared fixtures. Every test session writes its caches to a temporary folder."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

# pyproject.toml puts the checkout, tests/, tests/pages and tests/browser on the path
from support import ROOT, SEED_ID, SEED_PATH  # noqa: F401

# Caches and the user library go to a fresh folder, never into the checkout.
_SESSION_DIR = Path(tempfile.mkdtemp(prefix="studyboard-tests-"))
os.environ["STUDYBOARD_CACHE"] = str(_SESSION_DIR / "cache")
os.environ["STUDYBOARD_LIBRARY"] = str(_SESSION_DIR / "library")



@pytest.fixture(scope="session")
def lexicon():
    from studyboard import lexicon as lex

    return lex.load()


@pytest.fixture(scope="session")
def seed_doc():
    from studyboard.ingest import document

    return document.from_file(SEED_PATH)


@pytest.fixture(scope="session")
def seed(seed_doc, lexicon):
    """The seed's dataset, built once for the session (not from the disk cache)."""
    from studyboard.dataset import tables as dataset

    return dataset.build(seed_doc, lexicon)
