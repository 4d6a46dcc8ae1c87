"""Hostile addresses in a real browser: an unknown page, a path-like document
id percent-encoded, a markdown image in the address (nothing fetched: the
page fixture fails on any request off 127.0.0.1), a 100 KB parameter.

Below the server's limit on a request's head (about 128 KiB, uvicorn's: a
longer address gets its plain 400 page, see RELIABILITY.md) every address
gives the board with a message or the default view. An unknown path with a
slash in it (/a/b) gets Streamlit's page, which loads its scripts relative
to the address and stays blank when the board is served from dashboard.py
alone (the server only ever answers it with its own index.html); served
through serve.py, as `tasks.py run` does, it is sent to /a%2Fb, which opens
the overview and says that there is no such page.
"""

from __future__ import annotations

import urllib.error
import urllib.request

import pytest

from browser_helpers import errors_on, main_text, open_page, wait_settled
from support import ROOT
from tests.browser.conftest import start_server, stop_server

pytestmark = pytest.mark.browser

SEED_HEADLINE = "在更高起点上扎实推动中部地区崛起"


def test_an_unknown_page_says_so_and_shows_the_overview(page, server):
    open_page(page, server, "nosuchpage")
    text = main_text(page)
    assert "没有“nosuchpage”这个页面，已打开概览。" in text
    assert SEED_HEADLINE in text and errors_on(page) == []


def test_a_percent_encoded_path_and_an_image_in_the_address(page, server):
    page.goto(f"{server}/reader?doc=%2e%2e%2f%2e%2e%2fetc%2fpasswd&search=%21%5Bx%5D%28http%3A%2F%2Fevil.example%2Fa.png%29",
              wait_until="domcontentloaded")
    wait_settled(page)
    text = main_text(page)
    assert "找不到文档“../../etc/passwd”，已打开默认文档。" in text and SEED_HEADLINE in text
    assert page.locator('[data-testid="stMain"] img[src*="evil"]').count() == 0


@pytest.mark.parametrize("path, params", [
    ("reader", {"search": "<img src=x onerror=alert(1)>", "speaker": "<script>alert(2)</script>"}),
    ("terms", {"term": "<svg onload=alert(3)>", "section": "glossary", "q": "javascript:alert(4)"}),
    ("", {"doc": "<script>alert(5)</script>:red[x]$$y$$"}),
    ("study", {"slide": "<img src=x onerror=alert(6)>"}),
    ("compare", {"trend": "<b onmouseover=alert(7)>新质生产力</b>"}),
    ("quiz", {"code": "<script>alert(8)</script>"}),
])
def test_script_in_the_address_never_runs(page, server, path, params):
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    open_page(page, server, path, **params)
    page.mouse.move(600, 400)
    assert dialogs == [] and errors_on(page) == []
    assert page.locator('[data-testid="stMain"] script:not([data-sb-own]), [data-testid="stMain"] [onerror], '
                        '[data-testid="stMain"] [onload], [data-testid="stMain"] [onmouseover]').count() == 0
    # the scripts allowed are the board's own fixed files (the presenter view's, the reader's heatmap
    # touch), word for word (no address text in them)
    for own in page.locator('[data-testid="stMain"] script[data-sb-own]').all():
        name = own.get_attribute("data-sb-own")
        assert name in ("slide_present.js", "reader_touch.js")
        shipped = (ROOT / "studyboard" / "views" / "templates" / name).read_text(encoding="utf-8")
        assert own.text_content().strip() == shipped.strip()


def test_a_100_kb_parameter(page, server):
    open_page(page, server, "", doc="x" * 100_000)
    text = main_text(page)
    assert f"找不到文档“{'x' * 80}”，已打开默认文档。" in text and SEED_HEADLINE in text
    assert errors_on(page) == []


def fetch(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=30) as answer:
            return answer.status, answer.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as refused:
        return refused.code, refused.read().decode("utf-8", "replace")


def test_a_nested_unknown_path_is_only_ever_the_apps_own_page(server):
    status, body = fetch(f"{server}/a/b")
    assert status == 200 and "<title>Streamlit</title>" in body  # the front end's index.html, nothing else
    for path in ("/a/..%2f..%2fetc%2fpasswd", "/static/..%2f..%2f..%2fetc%2fpasswd", "/%2e%2e/%2e%2e/etc/passwd",
                 "/app/static/../../etc/passwd"):
        status, body = fetch(server + path)
        assert "root:" not in body and status in (200, 400, 404), (path, status)


@pytest.fixture(scope="module")
def board(browser):
    """The board as `tasks.py run` serves it (serve.py: st.App with the nested-path middleware)."""
    process, base = start_server(script=ROOT / "serve.py")
    yield base
    stop_server(process)


@pytest.mark.parametrize("path, shown", [
    ("a/b", "a/b"),
    ("reader/x/y?doc=000_97e3ae1a0b7fde01", "reader/x/y"),  # a page's name first, then more; a query kept
    ("a/%E4%B8%AD%E6%96%87/", "a/中文"),  # percent-encoded text and a trailing slash
])
def test_a_nested_unknown_path_says_so_and_shows_the_overview(fresh_page, board, path, shown):
    fresh_page.goto(f"{board}/{path}", wait_until="domcontentloaded")
    wait_settled(fresh_page)
    text = main_text(fresh_page)
    assert f"没有“{shown}”这个页面，已打开概览。" in text
    assert SEED_HEADLINE in text and errors_on(fresh_page) == []


def test_serve_py_answers_what_streamlit_serves_as_before(board):
    """The middleware sends on a browser's request for a page only: the front end's own fetches, the
    assets and every traversal get Streamlit's answers."""
    status, body = fetch(f"{board}/_stcore/health")
    assert (status, body) == (200, "ok")
    status, _ = fetch(f"{board}/a%2Fb/_stcore/health")  # the front end looking for its base path
    assert status == 404
    status, body = fetch(f"{board}/a/b")  # not asking for HTML: no redirect
    assert status == 200 and "<title>Streamlit</title>" in body
    for path in ("/a/..%2f..%2fetc%2fpasswd", "/static/..%2f..%2f..%2fetc%2fpasswd", "/%2e%2e/%2e%2e/etc/passwd",
                 "/app/static/../../etc/passwd", "/a/b/../../../etc/passwd"):
        request = urllib.request.Request(board + path, headers={"Accept": "text/html"})
        try:
            with urllib.request.urlopen(request, timeout=30) as answer:
                status, body = answer.status, answer.read().decode("utf-8", "replace")
        except urllib.error.HTTPError as refused:
            status, body = refused.code, refused.read().decode("utf-8", "replace")
        assert "root:" not in body and status in (200, 400, 404), (path, status)
