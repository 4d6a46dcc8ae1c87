"""A click that reaches the server before the browser has applied the previous run's
address arrives with that older address: the click must win, and the previous run's
change must stay (the lost language switch under load, RELIABILITY.md)."""

from __future__ import annotations

from pages_helpers import no_exceptions

SEED = "000_97e3ae1a0b7fde01"


def test_a_widget_change_with_a_stale_address_keeps_the_view(run_page):
    at = run_page("overview", doc=SEED)
    no_exceptions(at)
    at.sidebar.segmented_control(key="mode").set_value("all").run()  # this run writes mode=all to the address
    assert at.query_params["mode"] == "all"
    # the browser has not applied mode=all yet: the next click comes with the older address
    del at.query_params["mode"]
    at.sidebar.segmented_control(key="lang").set_value("en").run()
    no_exceptions(at)
    assert at.session_state["lang"] == "en"
    assert at.session_state["mode"] == "all"


def test_an_address_from_outside_still_wins(run_page):
    at = run_page("overview", doc=SEED)
    at.sidebar.segmented_control(key="mode").set_value("all").run()
    at.query_params["lang"] = "en"  # an edited address (or Back), with no widget involved
    del at.query_params["mode"]
    at.run()
    assert at.session_state["lang"] == "en"
    assert at.session_state["mode"] == "any"
