"""A bounded load test: ten browser sessions at once against one server
(tests/browser/load_run.py; bench/load.py runs 10 and 30 and records figures).

Each session opens a different page with a different document and a theme
filter from the URL, then makes eight interactions (switch to English, "all
of" the themes, back to Chinese and "any of", twice), each a rerun over the
session's connection. None may show an error or time out. The server's
resident memory, measured once it is steady after every page has been opened
(caches filled) and again once every session's connection is closed and the
memory is steady, may grow by at most 20%. Only 127.0.0.1 is contacted.
"""

from __future__ import annotations

import asyncio
import gc
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import urlsplit

import pytest

from load_run import Memory, connections, page_paths, run_sessions, settled_memory, wait_until

pytestmark = pytest.mark.browser

SESSIONS = 10
ROUNDS = 2  # each round: four clicks


def test_ten_sessions_at_once(served, page, lexicon):
    process, base = served
    port = urlsplit(base).port
    # warm up: every page once, so that caches hold what they will hold
    from browser_helpers import open_page

    for path in page_paths():
        open_page(page, base, path)
    gc.collect()
    before = settled_memory(process.pid)
    # the sync Playwright of the warm-up owns this thread's event loop: run the
    # sessions on an event loop of their own, in another thread
    with Memory(process.pid) as memory, ThreadPoolExecutor(1) as pool:
        outcome = pool.submit(asyncio.run, run_sessions(base, [t.id for t in lexicon.themes], SESSIONS,
                                                        ROUNDS)).result()
    assert outcome.problems == [], "\n".join(outcome.problems)
    assert outcome.foreign == []
    assert len(outcome.clicks) == SESSIONS * ROUNDS * 4
    # the warm-up page stays open: one connection left once the sessions' are closed
    assert wait_until(lambda: connections(process.pid, port) <= 1, 60), "the sessions' connections stayed open"
    after = settled_memory(process.pid)
    figures = outcome.figures()
    print(f"server RSS: {before / 1024:.0f} MiB before, {memory.peak / 1024:.0f} MiB at peak, "
          f"{after / 1024:.0f} MiB after {SESSIONS} sessions; per interaction median "
          f"{figures['click median s']:.1f} s, p90 {figures['click p90 s']:.1f} s")
    assert after <= before * 1.2, f"server memory grew from {before} KiB to {after} KiB"
