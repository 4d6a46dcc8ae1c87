#!/usr/bin/env python3
"""Where a page's rerun spends its time: cProfile of warm reruns (AppTest) of
each page on the long structured report (tests/texts/long_report.txt).

    .venv/bin/python bench/profile_pages.py reader themes   # some pages
    .venv/bin/python bench/profile_pages.py --top 25       # every page

Prints, per page, the median rerun time and the functions with most
cumulative time (the board's own, Streamlit's and plotly's), and the size of
the messages the run sends to the browser (the forward messages' bytes, by
element type). Notes on the findings are in bench/NOTES.md.
"""

from __future__ import annotations

import argparse
import cProfile
import collections
import io
import os
import pstats
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))
SCRATCH = Path(tempfile.mkdtemp(prefix="studyboard-profile-"))
os.environ.setdefault("STUDYBOARD_CACHE", str(SCRATCH / "cache"))
os.environ.setdefault("STUDYBOARD_LIBRARY", str(SCRATCH / "library"))


def _message_sizes(at) -> dict[str, int]:
    """Bytes of the elements the last run drew, by element type (what the browser receives)."""
    sizes: dict[str, int] = collections.Counter()

    def walk(node):
        proto = getattr(node, "proto", None)
        if proto is not None and hasattr(proto, "ByteSize"):
            kind = getattr(node, "type", type(node).__name__)
            if not getattr(node, "children", None):
                sizes[kind] += proto.ByteSize()
        for child in (getattr(node, "children", None) or {}).values():
            walk(child)

    walk(at._tree)
    return dict(sizes)


class _profiled_script:
    """Profile the script thread's run (AppTest runs the page in a thread of its own)."""

    def __init__(self, profile):
        self.profile = profile

    def __enter__(self):
        from streamlit.runtime.scriptrunner import script_runner

        self.original = original = script_runner.ScriptRunner._run_script
        profile = self.profile

        def run(runner, *args, **kwargs):
            profile.enable()
            try:
                return original(runner, *args, **kwargs)
            finally:
                profile.disable()

        script_runner.ScriptRunner._run_script = run
        self.module = script_runner
        return self

    def __exit__(self, *exc):
        self.module.ScriptRunner._run_script = self.original


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("pages", nargs="*")
    parser.add_argument("--top", type=int, default=20)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--param", action="append", default=[], help="name=value for the URL")
    args = parser.parse_args()
    from streamlit.testing.v1 import AppTest

    from study_docs import add_genre
    from studyboard import lexicon
    from studyboard.ui.app import PAGES

    doc = add_genre("long_report", lexicon.load())
    pages = args.pages or [Path(f).stem for f, _, _ in PAGES if (ROOT / f).exists()]
    for name in pages:
        at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=300)
        at.query_params["doc"] = doc
        for item in args.param:
            key, _, value = item.partition("=")
            at.query_params[key] = value
        if name != "overview":
            at.switch_page(f"app_pages/{name}.py")
        at.run()
        at.run()
        times = []
        for _ in range(args.runs):
            start = time.perf_counter()
            at.run()
            times.append(time.perf_counter() - start)
        profile = cProfile.Profile()
        with _profiled_script(profile):
            at.run()
        out = io.StringIO()
        pstats.Stats(profile, stream=out).sort_stats("cumulative").print_stats(args.top)
        sizes = _message_sizes(at)
        print(f"=== {name}: rerun median {statistics.median(times):.3f} s; elements "
              f"{sum(sizes.values()) / 1024:.0f} KiB: "
              + ", ".join(f"{k} {v / 1024:.0f}" for k, v in sorted(sizes.items(), key=lambda kv: -kv[1])[:6]))
        print(out.getvalue())
    return 0


if __name__ == "__main__":
    sys.exit(main())
