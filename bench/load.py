#!/usr/bin/env python3
"""Load: 10 and 30 browser sessions at once against one server (too slow for CI).

    .venv/bin/python bench/load.py            # 10 and 30 sessions, prints the figures
    .venv/bin/python bench/load.py 30         # only 30
    .venv/bin/python bench/load.py --write    # also write bench/LOAD.md

Each session opens a different page with a different document and a theme
filter, then makes a bounded number of interactions (tests/browser/load_run.py:
four clicks per round; two rounds with 10 sessions, one with 30). Recorded:
errors and timeouts, seconds until each session's first page settled and per
interaction (median, 90th percentile, maximum), the server's resident memory
once steady after a warm-up of every page, at peak during the sessions and
once steady after they closed, and any request off 127.0.0.1. The server is
started as the browser tests start it, with its caches in a scratch folder.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import gc
import os
import platform
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
for folder in (ROOT, ROOT / "tests", ROOT / "tests" / "browser"):
    sys.path.insert(0, str(folder))

SCRATCH = Path(tempfile.mkdtemp(prefix="studyboard-load-"))
os.environ.setdefault("STUDYBOARD_CACHE", str(SCRATCH / "cache"))
os.environ.setdefault("STUDYBOARD_LIBRARY", str(SCRATCH / "library"))

RUNS = {10: 2, 30: 1}  # sessions: rounds of four clicks
LOAD_BEFORE = 0.0  # the machine's load average when the run began (written with the figures)


def one_run(sessions: int, rounds: int) -> dict:
    from playwright.sync_api import sync_playwright

    from browser_helpers import CHROMIUM, CHROMIUM_ARGS, open_page
    from conftest import start_server, stop_server
    from load_run import Memory, connections, page_paths, run_sessions, settled_memory, wait_until
    from studyboard import lexicon

    themes = [t.id for t in lexicon.load().themes]
    process, base = start_server()
    port = urlsplit(base).port
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
            page = browser.new_page()
            for path in page_paths():
                open_page(page, base, path)
            page.close()
            browser.close()
        gc.collect()
        wait_until(lambda: connections(process.pid, port) == 0, 60)
        before = settled_memory(process.pid)
        started = time.monotonic()
        with Memory(process.pid) as memory:
            outcome = asyncio.run(run_sessions(base, themes, sessions, rounds))
        wall = time.monotonic() - started
        wait_until(lambda: connections(process.pid, port) == 0, 120)
        after = settled_memory(process.pid, timeout=60)
    finally:
        stop_server(process)
    figures = outcome.figures()
    figures.update({"sessions": sessions, "rounds": rounds, "wall s": wall, "rss before MiB": before / 1024,
                    "rss peak MiB": memory.peak / 1024, "rss after MiB": after / 1024,
                    "problems": outcome.problems[:5]})
    return figures


def table(results: list[dict]) -> str:
    head = ("| sessions | interactions | errors / timeouts | first page median (p90) | per interaction median "
            "(p90, max) | wall | server RSS before → peak → after | requests off 127.0.0.1 |\n"
            "| --- | --- | --- | --- | --- | --- | --- | --- |\n")
    rows = "".join(
        f"| {r['sessions']} | {r['interactions']} ({r['rounds'] * 4} each) | {r['errors']} | "
        f"{r['open median s']:.1f} s ({r['open p90 s']:.1f} s) | {r['click median s']:.1f} s "
        f"({r['click p90 s']:.1f} s, {r['click max s']:.1f} s) | {r['wall s']:.0f} s | "
        f"{r['rss before MiB']:.0f} → {r['rss peak MiB']:.0f} → {r['rss after MiB']:.0f} MiB | "
        f"{r['foreign requests']} |\n" for r in results)
    return head + rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("sessions", nargs="*", type=int, help="which runs (10, 30); all by default")
    parser.add_argument("--write", action="store_true", help="write bench/LOAD.md")
    args = parser.parse_args()
    global LOAD_BEFORE
    LOAD_BEFORE = os.getloadavg()[0]
    results = []
    for sessions in args.sessions or list(RUNS):
        print(f"load: {sessions} sessions ...", flush=True)
        result = one_run(sessions, RUNS.get(sessions, 1))
        results.append(result)
        for problem in result["problems"]:
            print("  problem:", problem, flush=True)
        if args.write:  # after each run: a later one that fails keeps the earlier figures
            write(results)
    print(table(results))
    return 1 if any(r["errors"] or r["foreign requests"] for r in results) else 0


def write(results: list[dict]) -> None:
    stamp = dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    (ROOT / "bench" / "LOAD.md").write_text(
        "# Load\n\n"
        f"Measured {stamp} on {os.cpu_count()} cores, Python {platform.python_version()}, "
        f"{platform.system()}, load average {LOAD_BEFORE:.1f} before the run (1 minute). Command: `.venv/bin/python bench/load.py "
        "--write`. What is measured: bench/load.py's docstring; RELIABILITY.md puts it in context.\n\n"
        + table(results), encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
