"""Nothing leaves the computer: the board started as the README's run command
starts it listens on 127.0.0.1 only and opens no connection to another host,
and a browser walking through every page requests nothing off 127.0.0.1.

The server runs the command of ``python3 tasks.py run`` (tasks.run_command,
with the test's Python instead of the checkout's .venv) with a
``sitecustomize`` (tests/netwatch) that logs every name looked up and every
address connected or sent to outside the loopback range; its sockets are read
from /proc while the pages are walked. Every request of the browser goes
through a route that records it.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

import pytest

import tasks
from browser_helpers import errors_on, open_page
from server_sockets import sockets
from support import ROOT
from test_every_page import PATHS

pytestmark = pytest.mark.browser

if not Path("/proc/self/net/tcp").exists():
    pytest.skip("reading a process's sockets needs Linux's /proc", allow_module_level=True)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def watched_server(tmp_path):
    """The board as `python3 tasks.py run --server.port PORT` starts it, watched; yields
    (process, base URL, network log)."""
    port = _free_port()
    log = tmp_path / "netwatch.log"
    env = dict(os.environ, NETWATCH_LOG=str(log),
               PYTHONPATH=os.pathsep.join([str(ROOT / "tests" / "netwatch"), os.environ.get("PYTHONPATH", "")]))
    command = tasks.run_command(["--server.port", str(port)], python=sys.executable)
    assert command[-4:-2] == ["--server.address", "127.0.0.1"] or "127.0.0.1" in command
    output = open(tmp_path / "server.log", "wb")
    process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=output, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    deadline = time.time() + 60
    while True:
        assert process.poll() is None, (tmp_path / "server.log").read_text()
        try:
            with urllib.request.urlopen(f"{base}/_stcore/health", timeout=2) as answer:
                if answer.status == 200:
                    break
        except OSError:
            assert time.time() < deadline, "the server did not answer its health check in 60 s"
            time.sleep(0.2)
    yield process, base, log
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
    output.close()


def test_the_run_command_binds_this_computer_only():
    assert tasks.run_command([], python="py")[-2:] == ["--server.address", "127.0.0.1"]
    phones = tasks.run_command(["--server.address", "0.0.0.0"], python="py")
    assert phones[phones.index("--server.address") + 1] == "0.0.0.0"  # still overridable, as the README says
    assert "--browser.serverAddress" in phones  # so that Streamlit asks no outside host for its address
    assert tasks.run_command(["--server.address=10.1.2.3"], python="py")[-1] == "--server.address=10.1.2.3"


def test_no_connection_leaves_the_computer_during_a_walk_through_every_page(browser, watched_server):
    process, base, log = watched_server
    seen, stop = [], threading.Event()

    def poll():
        while not stop.is_set():
            try:
                seen.extend(sockets(process.pid))
            except OSError:
                pass
            stop.wait(0.2)

    watcher = threading.Thread(target=poll, daemon=True)
    watcher.start()
    requests: list[str] = []
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN")

    def record(route):
        requests.append(route.request.url)
        if route.request.url.startswith(base) or route.request.url.startswith(("data:", "blob:")):
            route.continue_()
        else:
            route.abort()

    context.route("**/*", record)
    page = context.new_page()
    page.set_default_timeout(90_000)
    sockets_seen: list[str] = []
    page.on("websocket", lambda ws: sockets_seen.append(ws.url))
    try:
        for path in PATHS:
            open_page(page, base, path)
            assert errors_on(page) == [], path
    finally:
        context.close()
        stop.set()
        watcher.join(5)

    foreign = [url for url in requests + sockets_seen
               if not url.startswith((base, "data:", "blob:", base.replace("http", "ws")))]
    assert requests and not foreign, foreign
    listening = {s.local for s in seen if s.state == "listen"}
    assert listening and all(s.local_is_loopback for s in seen if s.state == "listen"), listening
    outside = {(s.kind, s.remote) for s in seen if s.remote_is_outside}
    assert not outside, outside
    attempts = log.read_text(encoding="utf-8") if log.exists() else ""
    assert attempts == "", attempts
