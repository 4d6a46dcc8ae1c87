"""AppTest helpers: run the whole app (dashboard.py) and switch to a page."""

from __future__ import annotations

import json

import pytest
from streamlit.testing.v1 import AppTest

from support import ROOT


@pytest.fixture
def run_page():
    """run_page("reader", themes="ecology") -> an AppTest that opened that page
    with those URL parameters."""
    import streamlit as st

    st.cache_data.clear()
    st.cache_resource.clear()

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
