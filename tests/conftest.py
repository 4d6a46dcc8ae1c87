"""Shared fixtures. Every test session writes its caches to a temporary folder.

The folder is ``studyboard`` inside pytest's base temporary folder, so it
follows pytest's rules: one per xdist worker (``pytest-N/popen-gwK``), and
removed with the rest when the run passes (``tmp_path_retention_policy =
"failed"`` in pyproject.toml); after a failure the newest three runs are kept
for reading (the browser tests' server logs are there too).
"""

from __future__ import annotations

import os

import pytest

# pyproject.toml puts the checkout, tests/, tests/pages and tests/browser on the path
from support import ROOT, SEED_ID, SEED_PATH  # noqa: F401

BROWSER_TESTS = ROOT / "tests" / "browser"


@pytest.hookimpl(trylast=True)  # after pytest's tmpdir plugin has made its factory
def pytest_configure(config):
    """Caches and the user library go to the session's folder, never into the checkout."""
    session_dir = config._tmp_path_factory.getbasetemp() / "studyboard"
    session_dir.mkdir(exist_ok=True)
    os.environ["STUDYBOARD_CACHE"] = str(session_dir / "cache")
    os.environ["STUDYBOARD_LIBRARY"] = str(session_dir / "library")


def pytest_collection_modifyitems(items):
    """Every test under tests/browser is a browser test (`-m "not browser"` leaves them out)."""
    for item in items:
        if item.path.is_relative_to(BROWSER_TESTS):
            item.add_marker(pytest.mark.browser)


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
