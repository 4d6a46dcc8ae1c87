"""AppTest helpers: run the whole app (dashboard.py) and switch to a page."""

from __future__ import annotations

import json

import pytest
from streamlit.testing.v1 import AppTest

from support import ROOT


class _NavigationApp:
    """Tell AppTest that the app uses st.navigation (dashboard.py), as a running
    server knows after its first page view. AppTest forgets it before every
    run; with a ``pages/`` folder it would then run a page's file alone, without
    dashboard.py, and lose button clicks to the rerun that corrects it."""

    @staticmethod
    def patch(monkeypatch) -> None:
        from streamlit.runtime.pages_manager import PagesManager
        from streamlit.testing.v1 import app_test

        class NavigationPages(PagesManager):
            def __init__(self, *args, **kwargs):
                super().__init__(*args, **kwargs)
                PagesManager.uses_pages_directory = False

        monkeypatch.setattr(app_test, "PagesManager", NavigationPages)


@pytest.fixture
def run_page(monkeypatch):
    """run_page("reader", themes="ecology") -> an AppTest that opened that page
    with those URL parameters."""
    import streamlit as st

    st.cache_data.clear()
    st.cache_resource.clear()
    _NavigationApp.patch(monkeypatch)

    def run(page: str | None = None, **params: str) -> AppTest:
        at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=120)
        for name, value in params.items():
            at.query_params[name] = value
        if page and page != "overview":
            # open the page itself, as a link to it does (its own URL parameters
            # seed its widgets on the first run)
            at.switch_page(f"pages/{page}.py")
        at.run()
        return at

    return run


def no_exceptions(at: AppTest) -> None:
    assert not at.exception, [e.value for e in at.exception]
    assert not at.error, [e.value for e in at.error]


def plotly_specs(at: AppTest) -> list[dict]:
    """The figures on the page, as plotly JSON."""
    return [json.loads(chart.proto.spec) for chart in at.get("plotly_chart")]


def array(value) -> list:
    """A data array of a figure's JSON as a (nested) list: plotly writes numeric
    arrays as {"dtype", "bdata" (base64), "shape"}; plain lists pass through."""
    if not isinstance(value, dict) or "bdata" not in value:
        return value
    import base64

    import numpy as np

    data = np.frombuffer(base64.b64decode(value["bdata"]), dtype=np.dtype(value["dtype"]))
    shape = [int(n) for n in str(value.get("shape", len(data))).split(",")]
    return data.reshape(shape).tolist()
