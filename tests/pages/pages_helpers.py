"""AppTest helpers: run the whole app (dashboard.py) and switch to a page."""

from __future__ import annotations

import json

import pytest
from streamlit.testing.v1 import AppTest

from support import ROOT


@pytest.fixture
def run_page():
    """run_page("reader", themes="ecology") -> an AppTest that ran that page."""
    import streamlit as st

    st.cache_data.clear()
    st.cache_resource.clear()

    def run(page: str | None = None, **params: str) -> AppTest:
        at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=120)
        for name, value in params.items():
            at.query_params[name] = value
        at.run()
        if page and page != "overview":
            at.switch_page(f"pages/{page}.py").run()
        return at

    return run


def no_exceptions(at: AppTest) -> None:
    assert not at.exception, [e.value for e in at.exception]
    assert not at.error, [e.value for e in at.error]


def plotly_specs(at: AppTest) -> list[dict]:
    """The figures on the page, as plotly JSON."""
    return [json.loads(chart.proto.spec) for chart in at.get("plotly_chart")]


def plotly_values(value) -> list:
    """A data array of a plotly JSON spec as a list (plotly encodes numeric
    arrays as {"dtype": ..., "bdata": base64})."""
    if isinstance(value, dict) and "bdata" in value:
        import base64

        import numpy as np

        array = np.frombuffer(base64.b64decode(value["bdata"]), dtype=np.dtype(value["dtype"]))
        if "shape" in value:
            array = array.reshape([int(n) for n in str(value["shape"]).split(",")])
        return array.tolist()
    return list(value)
