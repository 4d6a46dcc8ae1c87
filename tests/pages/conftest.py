"""Fixtures of the AppTest tests (see pages_helpers.py)."""

from pages_helpers import run_page  # noqa: F401  (a fixture)
