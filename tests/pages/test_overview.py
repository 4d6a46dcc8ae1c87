"""The entry page and the shared controls."""

from __future__ import annotations

from pages_helpers import no_exceptions


def test_overview_shows_the_document(run_page):
    at = run_page()
    no_exceptions(at)
    assert at.title[0].value == "在更高起点上扎实推动中部地区崛起"
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["段落"] == "14"


def test_english_switch(run_page):
    at = run_page(lang="en")
    no_exceptions(at)
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Paragraphs"] == "14"
    assert at.sidebar.selectbox[0].label == "Document"


def test_theme_filter_from_the_url(run_page):
    at = run_page(themes="ecology,party")
    no_exceptions(at)
    assert at.sidebar.multiselect[0].value == ["ecology", "party"]
    assert at.query_params["themes"] == "ecology,party"


def test_unknown_document_falls_back_with_a_message(run_page):
    at = run_page(doc="../../etc/passwd")
    assert not at.exception
    assert any("找不到文档" in w.value for w in at.warning)
    assert at.sidebar.selectbox[0].value == "000_97e3ae1a0b7fde01"
    assert at.title[0].value == "在更高起点上扎实推动中部地区崛起"


def test_invalid_theme_in_the_url_is_ignored(run_page):
    at = run_page(themes="ecology,<script>,nope")
    no_exceptions(at)
    assert at.sidebar.multiselect[0].value == ["ecology"]
