"""Shared fixtures. Every test session writes its caches to a temporary folder."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))
# The suites' helpers (pages_helpers, browser_helpers): test files are imported
# by path (--import-mode=importlib), so that tests/test_reader.py,
# tests/pages/test_reader.py and tests/browser/test_reader.py can coexist.
for _suite in ("pages", "browser"):
    sys.path.insert(0, str(Path(__file__).resolve().parent / _suite))

from support import ROOT, SEED_ID, SEED_PATH  # noqa: E402,F401

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
    from studyboard import documents

    return documents.from_file(SEED_PATH)


@pytest.fixture(scope="session")
def seed(seed_doc, lexicon):
    """The seed's dataset, built once for the session (not from the disk cache)."""
    from studyboard import dataset

    return dataset.build(seed_doc, lexicon)
