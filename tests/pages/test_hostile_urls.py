"""Hostile addresses: path-like, percent-encoded and absolute document ids, a
100 KB value in every free-text parameter, repeated parameters. Each gives a
message or is ignored, the default view opens, and no file outside the
board's folders is opened (every open() of the run is recorded)."""

from __future__ import annotations

import builtins
import io
import os

import pytest

from pages_helpers import no_exceptions
from support import ROOT, SEED_ID

SEED_TITLE = "### 在更高起点上扎实推动中部地区崛起"
#: A 100 KB value. (Streamlit ignores a whole query string over 524,288
#: characters, and the server refuses a request head over about 128 KiB with
#: a plain 400: RELIABILITY.md.)
BIG = "x" * 100_000


@pytest.fixture(autouse=True)
def folders(tmp_path, monkeypatch):
    monkeypatch.setenv("STUDYBOARD_LIBRARY", str(tmp_path / "lib"))
    return tmp_path


@pytest.fixture
def opened(monkeypatch):
    """Every path the run opens (builtins.open, io.open, os.open)."""
    seen: list[str] = []

    def watch(real):
        def wrapped(file, *args, **kwargs):
            if isinstance(file, (str, bytes, os.PathLike)):
                seen.append(os.fsdecode(file))
            return real(file, *args, **kwargs)
        return wrapped

    monkeypatch.setattr(builtins, "open", watch(builtins.open))
    monkeypatch.setattr(io, "open", watch(io.open))
    monkeypatch.setattr(os, "open", watch(os.open))
    return seen


@pytest.mark.parametrize("doc", [
    "../../etc/passwd", "..%2F..%2Fetc%2Fpasswd", "%2e%2e/%2e%2e/etc/passwd", "/etc/passwd",
    "file:///etc/passwd", "C:\\Windows\\win.ini", "..\\..\\etc\\passwd", "data/texts/000_97e3ae1a0b7fde01.txt",
    "u_../../../etc/passwd", "000_97e3ae1a0b7fde01/../../../etc/passwd", "\x00/etc/passwd",
])
def test_path_like_document_ids_open_the_default_document(run_page, opened, folders, doc):
    at = run_page(None, doc=doc)
    no_exceptions(at)
    assert any(w.value.startswith("找不到文档“") for w in at.warning)
    at.switch_page("app_pages/library.py").run()
    no_exceptions(at)
    assert SEED_TITLE in [m.value for m in at.markdown]
    outside = [p for p in opened if "passwd" in p or "win.ini" in p]
    assert outside == []
    assert not (folders / "lib").exists()  # nothing written either


def test_a_100_kb_document_id_is_cut_short_in_the_message(run_page):
    at = run_page(None, doc=BIG)
    no_exceptions(at)
    [warning] = [w.value for w in at.warning if w.value.startswith("找不到文档“")]
    assert warning == f"找不到文档“{'x' * 80}”，已打开默认文档。"


@pytest.mark.parametrize("page, params", [
    ("reader", {"search": BIG, "para": BIG, "speaker": BIG}),
    ("terms", {"term": BIG, "exclude": BIG, "top": BIG, "minlen": BIG}),
    ("terms", {"section": "glossary", "q": BIG, "entry": BIG}),
    ("themes", {"para": BIG, "metric": BIG, "mode": BIG, "lang": BIG}),
    ("map", {"province": BIG, "kinds": BIG, "layer": BIG}),
    ("quiz", {"code": BIG, "n": BIG}),
    ("study", {"slide": BIG, "size": BIG}),
    ("compare", {"docs": BIG, "trend": BIG, "earlier": BIG, "later": BIG}),
    ("library", {"q": BIG, "para": BIG}),
])
def test_a_100_kb_value_in_every_parameter(run_page, page, params):
    at = run_page(page, themes=BIG, **params)
    assert not at.exception, [e.value for e in at.exception]
    assert len(at.title) + len(at.header) + len(at.subheader) + len(at.markdown) >= 1  # the page drew itself
    assert all(len(element.value) < 2_000 for kind in ("warning", "error", "info") for element in at.get(kind))


def test_repeated_parameters(run_page):
    at = run_page(None)
    at.query_params["themes"] = ["ecology", "party"]
    at.query_params["doc"] = [SEED_ID, "../../etc/passwd"]
    at.run()
    assert not at.exception
    assert at.multiselect(key="themes").value == ["ecology", "party"]  # repeated: both taken
    assert any(w.value.startswith("找不到文档“") for w in at.warning)  # two ids name no document
    assert at.selectbox(key="doc").value == SEED_ID
