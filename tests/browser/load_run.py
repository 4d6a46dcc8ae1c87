"""Concurrent browser sessions against one server, for tests/browser/test_load.py
(10 sessions) and bench/load.py (10 and 30 sessions, figures recorded).

Each session opens a different page with a different document and a theme
filter from the URL, then makes a fixed number of interactions (switch to
English, "all of" the themes, back to Chinese and "any of"), each a rerun
over the session's connection, and times each one from the click until the
server has answered and the page has settled. Every request is checked: a
host other than 127.0.0.1 is recorded and blocked. The server's resident
memory is sampled all the while (:class:`Memory`).
"""

from __future__ import annotations

import asyncio
import statistics
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from playwright.async_api import TimeoutError as PlaywrightTimeout

from browser_helpers import CHROMIUM, CHROMIUM_ARGS, SCREENSHOTS, _SETTLED, _SIDEBAR_OPEN, is_local

CLICKS = ("English", "All of", "中文", "任一")

STATE = """() => { const a = document.querySelector('[data-testid="stApp"]');
  const charts = [...document.querySelectorAll('[data-testid="stPlotlyChart"]')];
  const main = document.querySelector('[data-testid="stMain"]');
  return {connection: a && a.getAttribute('data-test-connection-state'),
          script: a && a.getAttribute('data-test-script-state'), ran: window.__sbRan,
          running: !!document.querySelector('[data-testid="stStatusWidgetRunningIcon"]'),
          skeleton: !!document.querySelector('[data-testid="stSkeleton"]'),
          charts: charts.length, drawn: charts.filter(c => c.querySelector('.main-svg')).length,
          main: main ? main.innerText.trim().length : -1, url: location.search}; }"""


def rss_kib(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    raise RuntimeError("no VmRSS")


def connections(pid: int, port: int) -> int:
    """Established TCP connections of process ``pid`` on its port ``port`` (browser sessions)."""
    from server_sockets import sockets

    return sum(1 for s in sockets(pid) if s.state == "established" and s.local[1] == port)


def wait_until(condition, timeout: float, step: float = 0.2) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(step)
    return False


def settled_memory(pid: int, timeout: float = 30.0) -> int:
    """The server's RSS once it has stopped changing (three samples 0.5 s apart
    within 1%), or the last sample after ``timeout``."""
    samples = [rss_kib(pid)]

    def steady() -> bool:
        samples.append(rss_kib(pid))
        last = samples[-3:]
        return len(last) == 3 and max(last) - min(last) <= 0.01 * max(last)

    wait_until(steady, timeout, 0.5)
    return samples[-1]


class Memory:
    """Samples a process's RSS every 0.25 s in a thread: the peak while it runs."""

    def __init__(self, pid: int) -> None:
        self.pid, self.peak, self._stop = pid, 0, threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                self.peak = max(self.peak, rss_kib(self.pid))
            except (OSError, RuntimeError):
                pass
            self._stop.wait(0.25)

    def __enter__(self) -> "Memory":
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join(5)


def page_paths() -> list[str]:
    from studyboard.ui.app import PAGES
    from support import ROOT

    return ["" if f.endswith("overview.py") else Path(f).stem for f, _, _ in PAGES if (ROOT / f).exists()]


def document_ids() -> list[str]:
    from studyboard.ui import app

    return [entry.id for entry in app.catalog()]


class Frames:
    """Counts the messages the server sends to a page over its websocket.

    Many tabs on two cores: the browser may take a whole run's messages in one
    go, and then the app root's script-state attribute never shows "running"
    (the run watcher of the other browser tests would wait for ever). A run
    is seen here as messages from the server after the click, then a quiet
    moment.
    """

    QUIET = 0.5  # seconds without a message
    TIMEOUT = 300.0

    def __init__(self, page) -> None:
        self.count = 0
        self.last = time.monotonic()
        page.on("websocket", lambda ws: ws.on("framereceived", self._frame))

    def _frame(self, _payload) -> None:
        self.count += 1
        self.last = time.monotonic()

    async def answered(self, seen: int) -> None:
        deadline = time.monotonic() + self.TIMEOUT
        while self.count == seen or time.monotonic() - self.last < self.QUIET:
            if time.monotonic() > deadline:
                raise PlaywrightTimeout(f"no answer from the server in {self.TIMEOUT:.0f} s")
            await asyncio.sleep(0.05)


async def settle(page) -> None:
    await page.wait_for_selector('[data-testid="stAppViewContainer"]')
    await page.wait_for_function(_SETTLED)


async def errors(page) -> list[str]:
    boxes = page.locator('[data-testid="stException"], [data-testid="stAlertContentError"]')
    return [await boxes.nth(i).inner_text() for i in range(await boxes.count())]


@dataclass
class Outcome:
    problems: list[str] = field(default_factory=list)
    foreign: list[str] = field(default_factory=list)
    opened: list[float] = field(default_factory=list)  # seconds until each session's first page settled
    clicks: list[float] = field(default_factory=list)  # seconds per interaction

    def figures(self) -> dict:
        def quantile(values, q):
            return statistics.quantiles(values, n=10)[int(q * 10) - 1] if len(values) >= 2 else (values or [0])[0]

        return {"sessions opened": len(self.opened), "interactions": len(self.clicks),
                "open median s": statistics.median(self.opened) if self.opened else 0,
                "open p90 s": quantile(self.opened, 0.9),
                "click median s": statistics.median(self.clicks) if self.clicks else 0,
                "click p90 s": quantile(self.clicks, 0.9), "click max s": max(self.clicks or [0]),
                "errors": len(self.problems), "foreign requests": len(self.foreign)}


async def session(browser, base: str, path: str, doc: str, theme: str, rounds: int, out: Outcome) -> None:
    context = await browser.new_context(viewport={"width": 1280, "height": 900})

    async def guard(route):
        if is_local(route.request.url):
            await route.continue_()
        else:
            out.foreign.append(route.request.url)
            await route.abort()

    await context.route("**/*", guard)
    page = await context.new_page()
    page.set_default_timeout(Frames.TIMEOUT * 1000)
    frames = Frames(page)
    try:
        start = time.monotonic()
        try:
            await page.goto(f"{base}/{path}?doc={doc}&themes={theme}", wait_until="domcontentloaded")
            await settle(page)
        except PlaywrightTimeout as exc:
            out.problems.append(f"/{path} {doc} opening: {str(exc).splitlines()[0]}")
            return
        out.opened.append(time.monotonic() - start)
        out.problems.extend(f"/{path} {doc}: {e}" for e in await errors(page))
        expand = page.locator('[data-testid="stExpandSidebarButton"]')
        if await expand.is_visible():  # the presenter view starts with the sidebar collapsed
            await expand.click()
            await page.wait_for_function(_SIDEBAR_OPEN)  # slid in
        for _ in range(rounds):
            for name in CLICKS:
                seen = frames.count
                radio = page.get_by_role("radio", name=name, exact=True)
                try:
                    start = time.monotonic()
                    await radio.click()
                    await frames.answered(seen)
                    await settle(page)
                    out.clicks.append(time.monotonic() - start)
                except PlaywrightTimeout as exc:
                    state = await page.evaluate(STATE)
                    out.problems.append(f"/{path} {doc} at {name}: {str(exc).splitlines()[0]} {state}")
                    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
                    await page.screenshot(path=str(SCREENSHOTS / f"load_{path or 'overview'}_stuck.png"))
                    return
                out.problems.extend(f"/{path} {doc} after {name}: {e}" for e in await errors(page))
                if await radio.get_attribute("aria-checked") != "true":
                    out.problems.append(f"/{path} {doc}: {name} not chosen after the click")
    finally:
        await context.close()


async def run_sessions(base: str, themes: list[str], sessions: int, rounds: int) -> Outcome:
    """``sessions`` sessions at once, each on page i and document i (cycling), ``rounds`` × 4 clicks."""
    from playwright.async_api import async_playwright

    paths, docs = page_paths(), document_ids()
    out = Outcome()
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        await asyncio.gather(*[
            session(browser, base, paths[i % len(paths)], docs[i % len(docs)], themes[i % len(themes)], rounds, out)
            for i in range(sessions)
        ])
        await browser.close()
    return out
