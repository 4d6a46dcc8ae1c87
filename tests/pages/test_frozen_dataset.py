"""Pages share one dataset object (app.load_dataset is an st.cache_resource): no page may change it.

Every page runs on the seed and on the long report, with and without a theme filter and a chosen
paragraph, and every table of the dataset the run used must be the same, byte for byte, afterwards;
so must the shared outline (app.outline_items).
"""

from __future__ import annotations

import hashlib
import pickle

import pytest
from streamlit.testing.v1 import AppTest

from pages_helpers import no_exceptions
from studyboard.ui import app
from support import ROOT


def fingerprint(ds) -> dict[str, str]:
    """A hash of each table (values, index, columns and dtypes) and of the provenance."""
    out = {name: hashlib.sha256(pickle.dumps(frame, protocol=5)).hexdigest() for name, frame in ds.tables().items()}
    out["provenance"] = hashlib.sha256(repr(sorted(ds.provenance.items())).encode()).hexdigest()
    return out


def page_names() -> list[str]:
    from studyboard.ui.app import PAGES

    return [path.split("/")[-1][:-3] for path, _, _ in PAGES if (ROOT / path).exists()]


@pytest.fixture
def long_report(tmp_path, monkeypatch):
    from genre_cases import shipped_folder
    from studyboard import paths

    monkeypatch.setattr(paths, "TEXTS", shipped_folder(tmp_path / "texts", "long_report"))


def test_every_page_hands_back_the_dataset_unchanged(run_page, long_report):
    for doc in ("", "long_report"):
        for params in ({}, {"themes": "ecology", "para": "5", "hide": "1", "search": "发展"}):
            if doc:
                params = {**params, "doc": doc}
            first = run_page("overview", **params)
            no_exceptions(first)
            view = first.session_state["_view"]
            ds = view.dataset
            before = fingerprint(ds)
            outline = app.outline_items(view)  # shared too (overview, presenter)
            outline_before = hashlib.sha256(pickle.dumps(outline, protocol=5)).hexdigest()
            for name in page_names():
                at = run_page(name, **params)
                no_exceptions(at)
                used = at.session_state["_view"].dataset
                assert used.doc_id == ds.doc_id
                assert fingerprint(used) == before, (name, params)
                at.run()  # a rerun of the page, as after a click
                assert fingerprint(used) == before, (name, params, "rerun")
            assert app.outline_items(view) is outline
            assert hashlib.sha256(pickle.dumps(outline, protocol=5)).hexdigest() == outline_before


def test_reruns_and_sessions_get_the_same_dataset_object(run_page):
    """Not a copy per run (st.cache_data would unpickle one on every rerun)."""
    at = run_page("reader")
    ds = at.session_state["_view"].dataset
    at.run()
    assert at.session_state["_view"].dataset is ds
    second = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=120).run()
    assert second.session_state["_view"].dataset is ds
