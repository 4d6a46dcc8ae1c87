"""A bounded load test of the live session: one presenter and 30 participants on one server.

    .venv/bin/python bench/live_load.py [--participants 30] [--changes 18] [--idle 15] [--write]

Starts its own Streamlit server on 127.0.0.1 (library and caches in a
temporary folder), starts a live session on the seed through the store,
opens the presenter's page with the session's key and the participants'
pages, each in a browser context of its own (one Chromium; every page its
own Streamlit session), and lets the presenter step through the slides
(forward to the last, then back) with the "next"/"previous" buttons.

Every participant's page records, with a MutationObserver, the moment its
slide box (``.sb-live-slide[data-slide]``) first shows each new number. The
latency of a change for a participant is that moment minus the moment the
presenter clicked (both on this machine's clock). Between two changes the
presenter waits until every participant has the new slide (at most 15 s),
then a random 0–1 s, so that changes do not fall in step with the
participants' one-second timer. The bench also reads the session's row
every 20 ms, to split the latency into the presenter's rerun (click to
session written) and the following (session written to slide on the
phone). The server's resident memory (the
``streamlit`` process) is sampled every half second; its CPU time is read
at the start and the end.

Phones join :data:`JOIN_AT_ONCE` at a time, each waited for until its slide
is there (no fixed pauses); the presenter's page must then answer (settle)
before the first change. Two idle windows of ``--idle`` seconds in which nothing changes, one with
the presenter's page alone (before the phones join) and one with every
phone (before the changes), measure what a phone that only follows costs:
the websocket frames (and bytes) the server sends each phone per second,
and the server's CPU seconds per second (the difference of the two windows,
per phone).

Prints the figures as a Markdown table; ``--write`` also puts it in
bench/RESULTS.md's live section, as the block for this number of
participants (a block of another number is kept). Exit status 1 if the
95th percentile is over 2 s or a participant missed a change.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "tests" / "browser"))

from browser_helpers import _SETTLED, CHROMIUM, CHROMIUM_ARGS, is_local

SEED = "000_97e3ae1a0b7fde01"
TARGET_P95 = 2.0
FOLLOW_LIMIT = 15.0
#: Phones that load at the same time while joining (joining is not measured).
JOIN_AT_ONCE = 3
RESULTS = ROOT / "bench" / "RESULTS.md"
SECTION = "## Live session: phones following the presenter (bench/live_load.py)"

WATCH = """() => {
  window.__sbSeen = [];
  let last = null;
  const look = () => {
    const box = document.querySelector('.sb-live-slide');
    const now = box ? box.getAttribute('data-slide') : null;
    if (now !== null && now !== last) { last = now; window.__sbSeen.push([Number(now), Date.now()]); }
  };
  look();
  new MutationObserver(look).observe(document.body, {subtree: true, childList: true, attributes: true,
                                                     attributeFilter: ['data-slide']});
}"""


def start_server(env: dict) -> tuple[subprocess.Popen, str, Path]:
    """The board's server as the browser tests start it (tests/browser/conftest.py), on ``env``'s
    library and cache (already in os.environ); (process, base URL, its log)."""
    from conftest import start_server as start

    process, base = start({})
    return process, base, Path(env["STUDYBOARD_CACHE"]).parent / f"server-{base.rsplit(':', 1)[1]}.log"


def rss_mib(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def browser_cpu_seconds(server: int) -> float:
    """CPU seconds of this bench's descendants other than the server (Chromium and Playwright's driver):
    the phones' and the presenter's pages, which on a real room run on their own devices."""
    parents, times = {}, {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        pid = int(stat.parent.name)
        parents[pid] = int(fields[1])
        times[pid] = (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def ours(pid: int) -> bool:
        while pid > 1:
            if pid == server:
                return False
            if pid == os.getpid():
                return True
            pid = parents.get(pid, 1)
        return False

    return sum(t for pid, t in times.items() if pid != os.getpid() and ours(pid))


class MemorySampler(threading.Thread):
    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.pid, self.samples, self.stop = pid, [], threading.Event()

    def run(self) -> None:
        while not self.stop.is_set():
            try:
                self.samples.append(rss_mib(self.pid))
            except OSError:
                return
            self.stop.wait(0.5)


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    rank = max(0, min(len(ordered) - 1, int(round(q * len(ordered) + 0.5)) - 1))
    return ordered[rank]


async def guarded(browser, width: int, height: int):
    context = await browser.new_context(viewport={"width": width, "height": height}, locale="zh-CN")

    async def guard(route):
        if is_local(route.request.url):
            await route.continue_()
        else:
            await route.abort()

    await context.route("**/*", guard)
    page = await context.new_page()
    page.set_default_timeout(120_000)
    frames: list[tuple[float, int]] = []  # (monotonic time, size) of each websocket message from the server
    page.on("websocket", lambda ws: ws.on("framereceived",
                                          lambda payload: frames.append((time.monotonic(), len(payload)))))
    page.sb_frames = frames
    return context, page


async def settled(page) -> None:
    await page.wait_for_selector('[data-testid="stAppViewContainer"]')
    await page.wait_for_function(_SETTLED)


async def run(args) -> int:
    from playwright.async_api import async_playwright

    work = Path(tempfile.mkdtemp(prefix="live-load-"))
    env = dict(os.environ, STUDYBOARD_LIBRARY=str(work / "library"), STUDYBOARD_CACHE=str(work / "cache"))
    os.environ.update(STUDYBOARD_LIBRARY=env["STUDYBOARD_LIBRARY"], STUDYBOARD_CACHE=env["STUDYBOARD_CACHE"])
    from studyboard.store import live

    load_before = os.getloadavg()[0]
    process, base, log = start_server(env)
    sampler = MemorySampler(process.pid)
    sampler.start()
    figures: dict[str, object] = {}
    try:
        async with async_playwright() as playwright:
            browser = await playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
            code, secret = live.start(SEED, 1)
            _, presenter = await guarded(browser, 1920, 1080)
            await presenter.goto(f"{base}/study?doc={SEED}&slide=1&live={code}&key={secret}",
                                 wait_until="domcontentloaded")
            await settled(presenter)
            await presenter.wait_for_selector(".st-key-live_panel")
            figures["memory, presenter only"] = rss_mib(process.pid)
            if args.idle > 0:  # the presenter's page alone: what the phones' figures are compared with
                cpu_alone, alone_start = cpu_seconds(process.pid), time.monotonic()
                browser_alone = browser_cpu_seconds(process.pid)
                await asyncio.sleep(args.idle)
                alone = time.monotonic() - alone_start
                figures["server CPU seconds per second, presenter alone"] = \
                    (cpu_seconds(process.pid) - cpu_alone) / alone
                figures["browser CPU seconds per second, presenter alone"] = \
                    (browser_cpu_seconds(process.pid) - browser_alone) / alone
            started = time.monotonic()
            phones = []
            for _ in range(args.participants):
                _, phone = await guarded(browser, 390, 844)
                phones.append(phone)

            gate = asyncio.Semaphore(JOIN_AT_ONCE)  # joining is not measured: a few pages load at a time

            reloaded = []

            async def join(phone):
                async with gate:
                    for attempt in range(3):  # a page that shows nothing after two minutes is loaded again
                        try:
                            await phone.goto(f"{base}/live?s={code}&doc={SEED}", wait_until="domcontentloaded",
                                             timeout=120_000)
                            await phone.wait_for_selector('.sb-live-slide[data-slide="1"]', state="attached",
                                                          timeout=120_000)
                            break
                        except Exception:
                            if attempt == 2:
                                raise
                            reloaded.append(1)
                await phone.evaluate(WATCH)

            await asyncio.gather(*(join(phone) for phone in phones))
            figures["participants joined in"] = time.monotonic() - started
            figures["pages loaded again while joining"] = len(reloaded)
            figures["memory, all joined"] = rss_mib(process.pid)
            for page in [presenter, *phones]:  # every page has finished its runs before anything is measured
                await settled(page)
            counter = await phones[0].locator(".sb-live-where").inner_text()  # "1 / 10" and the state
            total = int(counter.split("/")[1].split()[0])
            if args.idle > 0:  # nothing changes: what following costs
                marks = [len(p.sb_frames) for p in phones]
                cpu_idle, idle_start = cpu_seconds(process.pid), time.monotonic()
                browser_idle = browser_cpu_seconds(process.pid)
                await asyncio.sleep(args.idle)
                idle = time.monotonic() - idle_start
                figures["idle window"] = idle
                figures["server CPU seconds per second, presenter and idle phones"] = (cpu_seconds(process.pid) - cpu_idle) / idle
                figures["browser CPU seconds per second, presenter and idle phones"] = \
                    (browser_cpu_seconds(process.pid) - browser_idle) / idle
                sent = [p.sb_frames[m:] for p, m in zip(phones, marks)]
                figures["frames per second per idle phone"] = statistics.mean(len(f) / idle for f in sent)
                figures["KiB per second per idle phone"] = statistics.mean(sum(n for _, n in f) / 1024 / idle
                                                                           for f in sent)
                if "server CPU seconds per second, presenter alone" in figures:
                    figures["server CPU seconds per second per idle phone"] = (
                        figures["server CPU seconds per second, presenter and idle phones"]
                        - figures["server CPU seconds per second, presenter alone"]) / len(phones)
            cpu_start, wall_start = cpu_seconds(process.pid), time.monotonic()
            changes, slide = [], 1
            plan = [1] * (total - 1) + [-1] * (total - 1)
            for step in plan[:args.changes]:
                target = slide + step
                name = "下一页" if step > 0 else "上一页"
                clicked = time.time() * 1000
                await presenter.get_by_role("button", name=name).first.click()
                while live.get(code).slide != target and time.time() * 1000 - clicked < FOLLOW_LIMIT * 1000:
                    await asyncio.sleep(0.02)
                written = time.time() * 1000
                await presenter.wait_for_url(lambda address, n=target: (f"slide={n}&" in address + "&") if n > 1
                                             else "slide=" not in address)
                deadline = time.monotonic() + FOLLOW_LIMIT
                while time.monotonic() < deadline:
                    seen = await asyncio.gather(*(p.evaluate("window.__sbSeen") for p in phones))
                    if all(any(n == target and t >= clicked for n, t in s) for s in seen):
                        break
                    await asyncio.sleep(0.1)
                changes.append((target, clicked, written))
                slide = target
                await asyncio.sleep(random.random())
            wall = time.monotonic() - wall_start
            cpu = cpu_seconds(process.pid) - cpu_start
            seen = await asyncio.gather(*(p.evaluate("window.__sbSeen") for p in phones))
            latencies, follows, missed = [], [], 0
            writes = [(written - clicked) / 1000 for _, clicked, written in changes]
            for target, clicked, written in changes:
                for record in seen:
                    first = next((t for n, t in record if n == target and t >= clicked), None)
                    if first is None:
                        missed += 1
                    else:
                        latencies.append((first - clicked) / 1000)
                        follows.append((first - written) / 1000)
            figures.update({
                "participants": args.participants, "slide changes": len(changes),
                "latencies measured": len(latencies), "missed": missed,
                "click to slide on the phone, median": statistics.median(latencies) if latencies else float("nan"),
                "click to slide on the phone, 95th percentile": percentile(latencies, 0.95),
                "click to slide on the phone, max": max(latencies, default=float("nan")),
                "click to session written (presenter's rerun), median": statistics.median(writes) if writes
                else float("nan"),
                "click to session written, 95th percentile": percentile(writes, 0.95),
                "session written to slide on the phone, median": statistics.median(follows) if follows else float("nan"),
                "session written to slide on the phone, 95th percentile": percentile(follows, 0.95),
                "server CPU seconds per second, during the changes": cpu / wall if changes else float("nan"),
                "server CPU seconds per slide change": cpu / len(changes) if changes else float("nan"),
                "memory, peak": max(sampler.samples, default=0.0), "memory, end": rss_mib(process.pid),
            })
            await browser.close()
    finally:
        sampler.stop.set()
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
    load = os.getloadavg()
    rows = ["| measurement | value |", "| --- | --- |"]
    for name, value in figures.items():
        if isinstance(value, float):
            unit = (" MiB" if name.startswith("memory") else
                    " s" if name == "server CPU seconds per slide change" or not name.startswith(
                        ("server CPU", "browser CPU", "frames", "KiB")) else "")
            rows.append(f"| {name} | {value:.3f}{unit} |" if name.startswith(("server CPU", "browser CPU"))
                        else f"| {name} | {value:.2f}{unit} |")
        else:
            rows.append(f"| {name} | {value} |")
    rows.append(f"| load average before the run (1 min) | {load_before:.1f} |")
    rows.append(f"| load average at the end (1/5/15 min) | {load[0]:.1f} / {load[1]:.1f} / {load[2]:.1f} |")
    table = "\n".join(rows)
    print(table)
    print(f"(server log: {log})")
    ok = figures.get("missed") == 0 and figures.get("click to slide on the phone, 95th percentile", 99) <= TARGET_P95
    if args.write:
        write_results(args, table, ok)
    return 0 if ok else 1


def write_results(args, table: str, ok: bool) -> None:
    """Put this run's table in RESULTS.md's live section, as the block for its number of participants."""
    start = f"<!-- live-load {args.participants}: written by bench/live_load.py --write -->"
    end = f"<!-- /live-load {args.participants} -->"
    when = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
    verdict = ("met" if ok else "**missed**") + f" (target: 95th percentile ≤ {TARGET_P95:.0f} s, no change missed)"
    block = "\n".join([
        start,
        f"### {args.participants} participants, {args.changes} changes, idle window {args.idle:.0f} s ({when})",
        "",
        (f"Command: `.venv/bin/python bench/live_load.py --participants {args.participants} --changes {args.changes}"
         f" --idle {args.idle:g} --write`. Target {verdict}."),
        "",
        table,
        end,
    ])
    text = RESULTS.read_text(encoding="utf-8")
    if start in text and end in text:  # this number's block again: replaced
        before, rest = text.split(start, 1)
        text = before + block + rest.split(end, 1)[1]
    elif SECTION in text:  # a new block at the end of the live section
        head, section = text.split(SECTION, 1)
        following = section.find("\n## ")
        body, after = (section, "") if following < 0 else (section[:following], section[following:])
        text = head + SECTION + body.rstrip("\n") + "\n\n" + block + "\n" + after
    else:
        text = text.rstrip("\n") + "\n\n" + SECTION + "\n\n" + block + "\n"
    RESULTS.write_text(text, encoding="utf-8")
    print(f"written: {RESULTS} ({start})")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--participants", type=int, default=30)
    parser.add_argument("--changes", type=int, default=18)
    parser.add_argument("--idle", type=float, default=15.0,
                        help="seconds with no change before the changes, to measure what following costs (0: none)")
    parser.add_argument("--write", action="store_true", help="put the table in bench/RESULTS.md (live section)")
    args = parser.parse_args()
    if not Path(CHROMIUM).exists():
        print(f"needs Chromium at {CHROMIUM}")
        return 2
    return asyncio.run(run(args))


if __name__ == "__main__":
    sys.exit(main())
