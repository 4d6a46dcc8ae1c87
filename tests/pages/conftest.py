"""Fixtures of the AppTest tests (see pages_helpers.py)."""

from pages_helpers import lexicon_copy, run_page  # noqa: F401  (fixtures)
