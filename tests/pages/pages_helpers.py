"""AppTest helpers: run the whole app (dashboard.py) and switch to a page."""

from __future__ import annotations

import json
import re

import pytest
from streamlit.testing.v1 import AppTest

from support import ROOT


@pytest.fixture
def run_page():
    """run_page("reader", themes="ecology") -> an AppTest that ran that page.

    Every run goes through dashboard.py, as in the browser.
    """
    import streamlit as st

    st.cache_data.clear()
    st.cache_resource.clear()

    def run(page: str | None = None, **params: str) -> AppTest:
        at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=120)
        for name, value in params.items():
            at.query_params[name] = value
        if page and page != "overview":
            at.switch_page(f"app_pages/{page}.py")  # the first run opens the page, as a link to it does
        return at.run()

    return run


def no_exceptions(at: AppTest) -> None:
    assert not at.exception, [e.value for e in at.exception]
    assert not at.error, [e.value for e in at.error]


def plotly_specs(at: AppTest) -> list[dict]:
    """The figures on the page, as plotly JSON."""
    return [json.loads(chart.proto.spec) for chart in at.get("plotly_chart")]


@pytest.fixture
def lexicon_copy(tmp_path, monkeypatch):
    """A copy of data/lexicon that the board reads (STUDYBOARD_LEXICON); edit its files in a test."""
    import shutil

    folder = tmp_path / "lexicon"
    shutil.copytree(ROOT / "data" / "lexicon", folder)
    monkeypatch.setenv("STUDYBOARD_LEXICON", str(folder))
    return folder


def plotly_values(value) -> list:
    """A data array of a figure's JSON as a (nested) list: plotly writes numeric
    arrays as {"dtype", "bdata" (base64), "shape"}; plain lists pass through."""
    if not isinstance(value, dict) or "bdata" not in value:
        return list(value)
    import base64

    import numpy as np

    data = np.frombuffer(base64.b64decode(value["bdata"]), dtype=np.dtype(value["dtype"]))
    shape = [int(n) for n in str(value.get("shape", len(data))).split(",")]
    return data.reshape(shape).tolist()


def blocks_of(elements) -> list[str]:
    """The HTML blocks of Markdown elements, in order: the reader draws a run of its text's blocks (paragraphs,
    headings, hidden lines) as one element, one block a line (views.reader.run_html)."""
    return [block for element in elements
            for block in (element.value.split("\n") if element.value.startswith('<div class="sb-run">')
                          else [element.value])]


def paragraphs(at) -> dict[int, str]:
    """The paragraph blocks of the text column (not the pinned copy): number -> HTML."""
    out = {}
    for block in blocks_of(at.markdown):
        match = re.match(r'<div class="sb-para[^"]*" id="p(\d+)"', block)
        if match:
            out[int(match.group(1))] = block
    return out
