"""A bounded load test: ten browser sessions at once against one server.

Each session opens a different page with a different document and a theme
filter from the URL, then makes a fixed number of interactions in the page
(switch to English, "all of" the themes, back to Chinese and "any of"), each
a rerun over the session's connection. None may show an error. The server's
resident memory, measured after every page has been opened once (caches
filled) and again after the ten sessions have closed, may grow by at most
20%. Only 127.0.0.1 is contacted.
"""

from __future__ import annotations

import asyncio
import gc
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from playwright.async_api import TimeoutError as PlaywrightTimeout

from browser_helpers import CHROMIUM, CHROMIUM_ARGS, SCREENSHOTS, _SETTLED, is_local

pytestmark = pytest.mark.browser

SESSIONS = 10
ROUNDS = 2  # each round: four clicks


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


def page_paths() -> list[str]:
    from studyboard.ui.app import PAGES
    from support import ROOT

    return ["" if f.endswith("overview.py") else Path(f).stem for f, _, _ in PAGES if (ROOT / f).exists()]


def document_ids() -> list[str]:
    from studyboard.ui import app

    return [entry.id for entry in app.catalog()]


class Frames:
    """Counts the messages the server sends to a page over its websocket.

    Ten tabs on two cores: the browser may take a whole run's messages in one
    go, and then the app root's script-state attribute never shows "running"
    (the run watcher of the other browser tests would wait for ever). A run
    is seen here as messages from the server after the click, then a quiet
    moment.
    """

    QUIET = 0.5  # seconds without a message
    TIMEOUT = 120.0

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


async def session(browser, base: str, path: str, doc: str, theme: str, foreign: list[str]) -> list[str]:
    context = await browser.new_context(viewport={"width": 1280, "height": 900})

    async def guard(route):
        if is_local(route.request.url):
            await route.continue_()
        else:
            foreign.append(route.request.url)
            await route.abort()

    await context.route("**/*", guard)
    page = await context.new_page()
    page.set_default_timeout(120_000)
    frames = Frames(page)
    problems: list[str] = []
    try:
        await page.goto(f"{base}/{path}?doc={doc}&themes={theme}", wait_until="domcontentloaded")
        await settle(page)
        problems += [f"/{path} {doc}: {e}" for e in await errors(page)]
        expand = page.locator('[data-testid="stExpandSidebarButton"]')
        if await expand.is_visible():  # the presenter view starts with the sidebar collapsed
            await expand.click()
            await page.wait_for_timeout(500)  # the sidebar slides in
        for _ in range(ROUNDS):
            for name in ("English", "All of", "中文", "任一"):
                seen = frames.count
                radio = page.get_by_role("radio", name=name, exact=True)
                try:
                    await radio.click()
                    await frames.answered(seen)
                    await settle(page)
                except PlaywrightTimeout as exc:
                    state = await page.evaluate(STATE)
                    problems.append(f"/{path} {doc} at {name}: {str(exc).splitlines()[0]} {state}")
                    await page.screenshot(path=str(SCREENSHOTS / f"load_{path or 'overview'}_stuck.png"))
                    return problems
                problems += [f"/{path} {doc} after {name}: {e}" for e in await errors(page)]
                if await radio.get_attribute("aria-checked") != "true":
                    problems.append(f"/{path} {doc}: {name} not chosen after the click")
    finally:
        await context.close()
    return problems


async def run_sessions(base: str, themes: list[str]) -> tuple[list[str], list[str]]:
    from playwright.async_api import async_playwright

    paths, docs = page_paths(), document_ids()
    foreign: list[str] = []
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        results = await asyncio.gather(*[
            session(browser, base, paths[i % len(paths)], docs[i % len(docs)], themes[i % len(themes)], foreign)
            for i in range(SESSIONS)
        ])
        await browser.close()
    return [p for r in results for p in r], foreign


def test_ten_sessions_at_once(served, page, lexicon):
    process, base = served
    # warm up: every page once, so that caches hold what they will hold
    from browser_helpers import open_page

    for path in page_paths():
        open_page(page, base, path)
    gc.collect()
    time.sleep(2)
    before = rss_kib(process.pid)
    # the sync Playwright of the warm-up owns this thread's event loop: run the
    # ten sessions on an event loop of their own, in another thread
    with ThreadPoolExecutor(1) as pool:
        problems, foreign = pool.submit(asyncio.run, run_sessions(base, [t.id for t in lexicon.themes])).result()
    assert problems == [], "\n".join(problems)
    assert foreign == []
    time.sleep(5)  # let the server close the sessions
    after = rss_kib(process.pid)
    print(f"server RSS: {before / 1024:.0f} MiB before, {after / 1024:.0f} MiB after ten sessions")
    assert after <= before * 1.2, f"server memory grew from {before} KiB to {after} KiB"
