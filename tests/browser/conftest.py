"""The running board in headless Chromium, for the browser suite.

One Streamlit server per test session on 127.0.0.1 and a free port (and a
server of its own for a test that asks for fresh_server); one browser; a
fresh context per test with a 1920×1080 viewport. Every request
the browser makes is checked: any host other than 127.0.0.1 fails the test
(and the request is blocked). Where Chromium or Playwright is missing the
suite is skipped with the reason.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from study_docs import add_genre
from browser_helpers import CHROMIUM, CHROMIUM_ARGS, guarded_page
from support import ROOT


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(env_extra: dict | None = None, script: Path | None = None):
    """Start `streamlit run` on a free port; returns (process, base URL)."""
    port = _free_port()
    env = dict(os.environ, **(env_extra or {}))
    command = [sys.executable, "-m", "streamlit", "run", str(script or ROOT / "dashboard.py"),
               "--server.address", "127.0.0.1", "--server.port", str(port), "--server.headless", "true",
               "--server.fileWatcherType", "none", "--browser.gatherUsageStats", "false"]
    log = Path(os.environ["STUDYBOARD_CACHE"]).parent / f"server-{port}.log"
    with open(log, "wb") as output:
        process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=output, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    deadline = time.time() + 60
    while time.time() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"streamlit exited with {process.returncode}; see {log}")
        try:
            with urllib.request.urlopen(f"{base}/_stcore/health", timeout=2) as answer:
                if answer.status == 200:
                    return process, base
        except OSError:
            time.sleep(0.3)
    process.kill()
    raise RuntimeError("streamlit did not answer its health check within 60 s")


def stop_server(process: subprocess.Popen) -> None:
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.skip(f"browser tests need Debian's chromium at {CHROMIUM} (python3 tasks.py test installs it as root)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.skip("browser tests need the playwright package (requirements-dev.txt)")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def served(browser):
    """The session's server: (process, base URL)."""
    process, base = start_server()
    yield process, base
    stop_server(process)


@pytest.fixture(scope="session")
def server(served):
    """The base URL of the session's server (http://127.0.0.1:PORT)."""
    return served[1]


@pytest.fixture
def fresh_server(browser):
    """A server of its own for one test: a fresh process in which nothing has run yet."""
    process, base = start_server()
    yield base
    stop_server(process)


@pytest.fixture
def page(browser, server):
    """A fresh page for the session's server."""
    with guarded_page(browser) as page:
        yield page


@pytest.fixture
def fresh_page(browser):
    """A fresh page that does not start the session's server (for tests on fresh_server alone)."""
    with guarded_page(browser) as page:
        yield page


@pytest.fixture(scope="module")
def genres():
    """The speech and the report in the session's library, taken out again afterwards."""
    from studyboard import lexicon as lexicon_module
    from studyboard.store import library

    lex = lexicon_module.load()
    before = {entry.id for entry in library.entries()}
    added = {name: add_genre(name, lex) for name in ("speech", "report")}
    yield added
    for doc in added.values():
        if doc not in before:
            library.delete(doc)
