"""Driving the running board in headless Chromium.

The waits follow Streamlit's own state: the app root's connection and
script-state attributes, no running-status icon, and an SVG in every plotly
chart. Nothing here sleeps for a fixed time.
"""

from __future__ import annotations

import re
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlencode, urlsplit

from support import ROOT

SCREENSHOTS = ROOT / "artifacts" / "screenshots"
LOCAL_HOSTS = {"127.0.0.1", "localhost"}
LOCAL_SCHEMES = {"data", "blob", "about"}
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
    "--disable-component-update", "--disable-default-apps", "--disable-extensions", "--disable-sync",
    "--no-first-run", "--hide-scrollbars", "--disable-quic",
]

_SETTLED = """() => {
  const app = document.querySelector('[data-testid="stApp"]');
  if (!app) return false;
  if (app.getAttribute('data-test-connection-state') !== 'CONNECTED') return false;
  if (app.getAttribute('data-test-script-state') !== 'notRunning') return false;
  if (document.querySelector('[data-testid="stStatusWidgetRunningIcon"]')) return false;
  if (document.querySelector('[data-testid="stSkeleton"]')) return false;
  // a run that reruns at once (a page opened before the app's navigation is known) leaves the
  // main area empty for a moment between the runs: every page shows something
  const main = document.querySelector('[data-testid="stMain"]');
  if (!main || !main.innerText.trim()) return false;
  for (const chart of document.querySelectorAll('[data-testid="stPlotlyChart"]')) {
    if (!chart.querySelector('.main-svg')) return false;
  }
  return true;
}"""


def is_local(url: str) -> bool:
    parts = urlsplit(url)
    if parts.scheme in LOCAL_SCHEMES:
        return True
    return parts.hostname in LOCAL_HOSTS


def wait_settled(page, timeout: float = 60_000) -> None:
    """Wait until Streamlit has finished the current run and drawn every chart."""
    page.wait_for_selector('[data-testid="stAppViewContainer"]', timeout=timeout)
    # a rerun may start a moment after an interaction: see it start or settle
    page.wait_for_function(_SETTLED, timeout=timeout)
    page.evaluate("document.fonts.ready.then(() => true)")
    page.wait_for_function(_SETTLED, timeout=timeout)


def open_page(page, base: str, path: str = "", **params) -> None:
    """Load /path?params and wait for the app to settle."""
    query = urlencode(params)
    page.goto(f"{base}/{path}" + (f"?{query}" if query else ""), wait_until="domcontentloaded")
    wait_settled(page)


#: Installs a watcher that notes when the app's script starts running.
WATCH_RUN = """() => {
  window.__sbRan = false;
  const app = document.querySelector('[data-testid="stApp"]');
  if (window.__sbObserver) window.__sbObserver.disconnect();
  // records keep the old value, so a run that started and ended between two
  // callbacks is still seen
  window.__sbObserver = new MutationObserver((records) => {
    for (const r of records) {
      if (r.type === 'childList' || r.type === 'characterData') { window.__sbRan = true; continue; }
      if (r.attributeName !== 'data-test-script-state') continue;
      if (r.oldValue === 'running' || app.getAttribute('data-test-script-state') === 'running') window.__sbRan = true;
    }
  });
  window.__sbObserver.observe(app, {attributes: true, attributeOldValue: true});
  // a run too short to be shown running (a part of a page rerun alone, its view made before) still
  // changes what the page shows
  const main = document.querySelector('[data-testid="stMain"]');
  if (main) window.__sbObserver.observe(main, {childList: true, subtree: true, characterData: true});
}"""
RAN = "() => window.__sbRan === true"


def settle_after(page, action, timeout: float = 60_000) -> None:
    """Run an interaction that causes a rerun, and wait until that rerun has finished."""
    page.evaluate(WATCH_RUN)
    action()
    page.wait_for_function(RAN, timeout=timeout)
    wait_settled(page, timeout)


_SIDEBAR_OPEN = """() => {
  const bar = document.querySelector('[data-testid="stSidebar"]');
  // expanded, and slid in: its box starts at the window's left edge
  return !!bar && bar.getAttribute('data-collapsed') === 'false' && bar.getBoundingClientRect().left >= 0;
}"""


def open_sidebar(page, timeout: float = 10_000) -> None:
    """Expand the sidebar if it is collapsed (the presenter view starts so) and wait until it is in place."""
    expand = page.locator('[data-testid="stExpandSidebarButton"]')
    if expand.is_visible():
        expand.click()
    page.wait_for_function(_SIDEBAR_OPEN, timeout=timeout)


def errors_on(page) -> list[str]:
    """Texts of exception boxes and error alerts on the page."""
    boxes = page.locator('[data-testid="stException"], [data-testid="stAlertContentError"]')
    return [boxes.nth(i).inner_text() for i in range(boxes.count())]


def main_text(page) -> str:
    return page.locator('[data-testid="stMain"]').inner_text()


def has_chinese(text: str) -> bool:
    return bool(re.search(r"[\u4e00-\u9fff]", text))


def full_screenshot(page, name: str) -> Path:
    """A screenshot of the whole main area (Streamlit scrolls inside it)."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    size = page.viewport_size
    height = page.evaluate("""() => {
      const main = document.querySelector('[data-testid="stMain"]') || document.body;
      return Math.max(main.scrollHeight, window.innerHeight);
    }""")
    path = SCREENSHOTS / f"{name}.png"
    try:
        page.set_viewport_size({"width": size["width"], "height": min(int(height), 12000)})
        wait_settled(page)
        page.screenshot(path=str(path), full_page=True)
    finally:
        page.set_viewport_size(size)
    return path


def plot_count(page) -> int:
    return page.locator('[data-testid="stPlotlyChart"] .main-svg').count()


#: Projector, laptop and phone: the screen sizes of the screenshots.
SIZES = {"1920": (1920, 1080), "1280": (1280, 720), "phone": (390, 844)}


@contextmanager
def guarded_page(browser, width: int = 1920, height: int = 1080, **options):
    """A page in a context of its own; fails the test if it asked anything of another host.
    ``options`` go to the context (a phone: is_mobile=True, has_touch=True)."""
    context = browser.new_context(viewport={"width": width, "height": height}, locale="zh-CN", **options)
    foreign: list[str] = []

    def guard(route):
        if is_local(route.request.url):
            route.continue_()
        else:
            foreign.append(route.request.url)
            route.abort()

    context.route("**/*", guard)
    page = context.new_page()
    page.on("websocket", lambda ws: None if is_local(ws.url) else foreign.append(ws.url))
    page.set_default_timeout(60_000)
    try:
        yield page
    finally:
        context.close()
    assert not foreign, f"requests left the machine: {foreign}"


def add_note(page, text: str, save=None) -> None:
    """Write ``text`` in the page's "add a note" popover and save it; ``save(click)`` does the
    click on the save button (by default: then wait until the page has settled)."""
    page.get_by_role("button", name="添加笔记").click()
    box = page.locator("textarea:visible")
    box.fill(text)
    settle_after(page, lambda: box.press("Control+Enter"))  # commits the text area's value (a rerun)
    if page.locator("textarea:visible").count() == 0:  # the rerun closed the popover: open it again
        page.get_by_role("button", name="添加笔记").click()
    click = page.locator("button:visible", has_text="保存笔记").click
    (save or (lambda action: settle_after(page, action)))(click)
