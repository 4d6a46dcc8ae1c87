"""Which requests serve.py's middleware (studyboard.ui.url.NestedPaths) sends on, and where.

A browser asking for a page at a path with a slash in it (/a/b) is sent to the one-part
path /a%2Fb; everything Streamlit serves itself, and every request that does not ask for
HTML, is left alone (the browser test tests/browser/test_hostile_urls.py opens the pages).
"""

from __future__ import annotations

import asyncio

import pytest

from studyboard.ui.url import NestedPaths

HTML = b"text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"  # Chromium's, for a page


def scope(raw: bytes, query: bytes = b"", accept: bytes = HTML, method: str = "GET", **more) -> dict:
    return {"type": "http", "method": method, "path": raw.decode("latin-1"), "raw_path": raw,
            "query_string": query, "headers": [(b"accept", accept)] if accept else [], **more}


@pytest.mark.parametrize("raw, query, target", [
    (b"/a/b", b"", "/a%2Fb"),
    (b"/a/b", b"lang=en&doc=x", "/a%2Fb?lang=en&doc=x"),
    (b"/reader/x/y/", b"", "/reader%2Fx%2Fy"),  # the trailing slash dropped
    (b"/a/%E4%B8%AD", b"", "/a%2F%E4%B8%AD"),  # escapes kept as they came
    (b"/a/..%2f..%2fetc", b"", "/a%2F..%2f..%2fetc"),  # still one part: the page router finds no page
    (b"/static2/x", b"", "/static2%2Fx"),  # not Streamlit's static/
    (b"/a/\xe4\xb8\xad", b"q=\xe4\xb8\xad x", "/a%2F%E4%B8%AD?q=%E4%B8%AD%20x"),  # raw bytes, as a client may send
])
def test_a_page_at_a_nested_path_is_sent_to_one_part(raw, query, target):
    assert NestedPaths.target(scope(raw, query)) == target
    assert NestedPaths.target(scope(raw, query, method="HEAD")) == target


@pytest.mark.parametrize("raw", [
    b"/", b"/reader", b"/nosuchpage", b"/a%2Fb",  # one part: the navigation handles it
    b"/static/js/index.js", b"/_stcore/health", b"/_stcore/stream", b"/media/abc.png",
    b"/component/x/index.html", b"/app/static/x.png", b"/auth/login",
    b"/a%2Fb/_stcore/health", b"/reader/_stcore/host-config",  # the front end looking for its base path
])
def test_what_streamlit_serves_is_left_alone(raw):
    assert NestedPaths.target(scope(raw)) is None


@pytest.mark.parametrize("changes", [
    {"accept": b"*/*"}, {"accept": b""}, {"method": "POST"}, {"method": "PUT"},
    {"root_path": "/board"},  # mounted under a base path: left to Streamlit
])
def test_requests_that_are_not_for_a_page_are_left_alone(changes):
    assert NestedPaths.target(scope(b"/a/b", **changes)) is None


def test_the_answer_is_a_redirect_and_other_requests_pass_through():
    passed, sent = [], []

    async def app(scope, receive, send):
        passed.append(scope["path"])

    async def send(message):
        sent.append(message)

    async def run():
        middleware = NestedPaths(app)
        await middleware(scope(b"/a/b", b"x=1"), None, send)
        await middleware(scope(b"/reader"), None, send)
        await middleware({"type": "websocket", "path": "/a/b", "raw_path": b"/a/b"}, None, send)

    asyncio.run(run())
    assert passed == ["/reader", "/a/b"]
    assert sent[0]["status"] == 303 and (b"location", b"/a%2Fb?x=1") in sent[0]["headers"]
    assert sent[1] == {"type": "http.response.body", "body": b""}
