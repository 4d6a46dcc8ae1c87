#!/usr/bin/env python3
"""Study Board benchmark: every figure is a ratio against a baseline measured
in the same run, so that the machine's speed cancels out.

    .venv/bin/python bench/bench.py            # all measurements, prints a table
    .venv/bin/python bench/bench.py parse warm  # some of them
    .venv/bin/python bench/bench.py --write     # also rewrite bench/RESULTS.md

Measurements (target in brackets):

parse   dataset build of a 5 MB corpus (the seed repeated) against bare
        ``jieba.lcut`` of the same text [≤ 1.3]
cold    a fresh ``streamlit run`` until the overview's headline is visible in
        headless Chromium, against a one-line Streamlit app, with and without
        the on-disk dataset cache [≤ 1.5]
warm    every page's script run (AppTest) with the cached dataset, against an
        empty page, for the seed and for a library of 1,000 generated
        documents [≤ 3]
memory  peak resident memory of the server while pages of the 1,000-document
        library are opened, against the one-line app

Runs alternate subject and baseline and report medians. The machine's timing
varies by tens of percent from one second to the next; ratios of medians of
interleaved runs are stable to a few percent.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "tests" / "browser"))

SCRATCH = Path(tempfile.mkdtemp(prefix="studyboard-bench-"))
os.environ.setdefault("STUDYBOARD_CACHE", str(SCRATCH / "cache"))
os.environ.setdefault("STUDYBOARD_LIBRARY", str(SCRATCH / "library"))

#: The first line of the section of RESULTS.md that bench/segmentation.py writes (kept by --write).
SEGMENTATION_SECTION = "<!-- segmentation: written by bench/segmentation.py --write -->"

RESULTS: list[tuple[str, str, str, str, str]] = []  # (what, subject, baseline, ratio, target)


def record(what: str, subject: float, baseline: float, target: float | None, unit: str = "s") -> None:
    ratio = subject / baseline if baseline else float("nan")
    verdict = "" if target is None else (" ✓" if ratio <= target else " ✗")
    RESULTS.append((what, f"{subject:.3f} {unit}", f"{baseline:.3f} {unit}", f"{ratio:.2f}{verdict}",
                    f"≤ {target}" if target is not None else "—"))
    print(f"  {what}: {subject:.3f} {unit} vs {baseline:.3f} {unit} -> ratio {ratio:.2f}{verdict}", flush=True)


def interleaved(subject, baseline, rounds: int) -> tuple[float, float]:
    """Medians of alternating runs of two callables (seconds)."""
    times_s, times_b = [], []
    for _ in range(rounds):
        for fn, out in ((baseline, times_b), (subject, times_s)):
            start = time.perf_counter()
            fn()
            out.append(time.perf_counter() - start)
    return statistics.median(times_s), statistics.median(times_b)


# --- parse throughput -----------------------------------------------------------


def bench_parse(rounds: int) -> None:
    import jieba

    from studyboard.dataset import tables as dataset
    from studyboard import lexicon
    from studyboard.nlp.tokens import tokenizer_for
    from studyboard.dataset import catalog
    from studyboard.ingest import document

    print("parse: dataset build of a 5 MB corpus vs bare jieba.lcut", flush=True)
    lex = lexicon.load()
    seed = catalog.shipped()[0]
    doc = document.read(seed)
    copies = 5 * 1024 * 1024 // len(doc.text.encode("utf-8")) + 1
    corpus = dataclasses.replace(doc, text=doc.text * copies)
    size = len(corpus.text.encode("utf-8")) / 1e6
    jieba.setLogLevel(60)
    jieba.initialize()
    tokenizer_for(lex)  # both sides start with their dictionaries loaded
    subject, baseline = interleaved(lambda: dataset.build(corpus, lex), lambda: jieba.lcut(corpus.text), rounds)
    record(f"parse {size:.1f} MB", subject, baseline, 1.3)


# --- cold start -----------------------------------------------------------------


def _launch_browser():
    from playwright.sync_api import sync_playwright

    from browser_helpers import CHROMIUM, CHROMIUM_ARGS

    playwright = sync_playwright().start()
    browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
    return playwright, browser


def _time_to_visible(browser, script: Path, text: str, env: dict) -> float:
    """Seconds from spawning `streamlit run` to `text` visible in the page."""
    from conftest import start_server  # tests/browser/conftest.py

    start = time.perf_counter()
    process, base = start_server(env, script)
    try:
        page = browser.new_page()
        page.goto(base + "/", wait_until="domcontentloaded")
        page.get_by_text(text, exact=False).first.wait_for(state="visible", timeout=120_000)
        elapsed = time.perf_counter() - start
        page.close()
        return elapsed
    finally:
        process.terminate()
        process.wait(timeout=20)


def bench_cold(rounds: int) -> None:
    print("cold: fresh streamlit run until the overview's headline is visible vs a one-line app", flush=True)
    baseline_app = SCRATCH / "baseline_app.py"
    baseline_app.write_text('import streamlit as st\nst.write("baseline ready")\n', encoding="utf-8")
    headline = "在更高起点上扎实推动中部地区崛起"
    playwright, browser = _launch_browser()
    cache = Path(os.environ["STUDYBOARD_CACHE"])
    try:
        env = {"STUDYBOARD_CACHE": str(cache)}
        _time_to_visible(browser, ROOT / "dashboard.py", headline, env)  # fill the caches once
        base_runs, warm_runs, cold_runs = [], [], []
        for _ in range(rounds):
            base_runs.append(_time_to_visible(browser, baseline_app, "baseline ready", env))
            warm_runs.append(_time_to_visible(browser, ROOT / "dashboard.py", headline, env))
            shutil.rmtree(cache / "datasets", ignore_errors=True)  # jieba's own prefix cache stays
            cold_runs.append(_time_to_visible(browser, ROOT / "dashboard.py", headline, env))
        baseline = statistics.median(base_runs)
        record("cold start, dataset cached on disk", statistics.median(warm_runs), baseline, 1.5)
        record("cold start, no dataset cache (parse + jieba)", statistics.median(cold_runs), baseline, 1.5)
    finally:
        browser.close()
        playwright.stop()


# --- warm reruns ----------------------------------------------------------------


def _existing_pages() -> list[str]:
    from studyboard.ui.app import PAGES

    return [file for file, _, _ in PAGES if (ROOT / file).exists()]


#: A page that only shows ready-made plotly figures (14 bars each, built once
#: per process): what st.plotly_chart costs per rerun before a page computes anything.
CHARTS_ONLY = """
import plotly.graph_objects as go
import streamlit as st

@st.cache_resource
def figure(i):
    return go.Figure(go.Bar(x=list(range(14)), y=list(range(14)), name=str(i)))

for i in range({count}):
    st.plotly_chart(figure(i), key=f"chart{{i}}")
"""


def _warm_rerun(rounds: int, label: str, params: dict | None = None, floors: bool = False) -> None:
    from streamlit.testing.v1 import AppTest

    empty = AppTest.from_string("import streamlit as st\nst.write('empty page')\n", default_timeout=120)
    empty.run()
    if floors:  # what the target leaves for a page: prebuilt charts shown, nothing computed
        for count in (1, 5):
            floor = AppTest.from_string(CHARTS_ONLY.format(count=count), default_timeout=120)
            floor.run()
            subject, baseline = interleaved(floor.run, empty.run, rounds)
            record(f"floor: {count} prebuilt chart{'s' if count > 1 else ''}, nothing computed", subject, baseline, None)
    for file in _existing_pages():
        at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=300)
        for name, value in (params or {}).items():
            at.query_params[name] = value
        at.run()
        if file != "app_pages/overview.py":
            at.switch_page(file).run()
        if at.exception:
            print(f"  {file}: exception {at.exception[0].value}", flush=True)
            continue
        subject, baseline = interleaved(at.run, empty.run, rounds)
        record(f"warm rerun {Path(file).stem} ({label})", subject, baseline, 3.0)


def bench_warm(rounds: int) -> None:
    print("warm: page reruns with the cached dataset (AppTest) vs an empty page", flush=True)
    _warm_rerun(rounds, "seed", floors=True)
    os.environ["STUDYBOARD_LIBRARY"] = str(_generated_library(1000))
    _warm_rerun(rounds, "1,000-document library")


def _generated_library(count: int) -> Path:
    """A library of generated documents (scripts/make_library.py), made once per run."""
    folder = SCRATCH / f"library-{count}"
    if not folder.exists():
        start = time.perf_counter()
        subprocess.run([sys.executable, str(ROOT / "scripts" / "make_library.py"), "--count", str(count),
                        "--library", str(folder)], check=True, stdout=subprocess.DEVNULL)
        print(f"  generated {count} documents in {time.perf_counter() - start:.1f} s", flush=True)
    return folder


# --- memory ---------------------------------------------------------------------


def _rss_peak_kib(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    return 0


def bench_memory(rounds: int) -> None:
    print("memory: server peak RSS with the 1,000-document library vs the one-line app", flush=True)
    from browser_helpers import open_page
    from conftest import start_server

    library = _generated_library(1000)
    baseline_app = SCRATCH / "baseline_app.py"
    baseline_app.write_text('import streamlit as st\nst.write("baseline ready")\n', encoding="utf-8")
    playwright, browser = _launch_browser()
    try:
        process, base = start_server({}, baseline_app)
        page = browser.new_page()
        page.goto(base + "/")
        page.get_by_text("baseline ready").wait_for()
        page.close()
        baseline = _rss_peak_kib(process.pid) / 1024
        process.terminate()
        process.wait(timeout=20)

        process, base = start_server({"STUDYBOARD_LIBRARY": str(library)})
        page = browser.new_page()
        for file in _existing_pages():
            path = "" if file.endswith("overview.py") else Path(file).stem
            open_page(page, base, path)
        page.close()
        subject = _rss_peak_kib(process.pid) / 1024
        process.terminate()
        process.wait(timeout=20)
        record("server peak memory, 1,000 documents, every page", subject, baseline, None, unit="MiB")
    finally:
        browser.close()
        playwright.stop()


# --- report -------------------------------------------------------------------------


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = ""
    try:
        kib = int(Path("/proc/meminfo").read_text().split()[1])
        mem = f", {kib / 1024 / 1024:.0f} GiB"
    except (OSError, ValueError):
        pass
    return f"{os.cpu_count()} cores ({cpu}){mem}, Python {platform.python_version()}, {platform.system()}"


def table() -> str:
    lines = ["| measurement | subject | baseline | ratio | target |", "| --- | --- | --- | --- | --- |"]
    lines += [f"| {a} | {b} | {c} | {d} | {e} |" for a, b, c, d, e in RESULTS]
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("what", nargs="*", help="parse, cold, warm, memory (default: all)")
    parser.add_argument("--rounds", type=int, default=3, help="interleaved rounds per measurement")
    parser.add_argument("--write", action="store_true", help="rewrite bench/RESULTS.md with this run")
    args = parser.parse_args()
    benches = {"parse": bench_parse, "cold": bench_cold, "warm": bench_warm, "memory": bench_memory}
    chosen = args.what or list(benches)
    unknown = [name for name in chosen if name not in benches]
    if unknown:
        parser.error(f"unknown measurement(s): {', '.join(unknown)}")
    started = time.time()
    for name in chosen:
        benches[name](args.rounds)
    print()
    print(table())
    if args.write:
        text = (f"# Benchmark results\n\nMeasured {dt.date.today().isoformat()} on {machine()}, "
                f"{args.rounds} interleaved rounds per figure (medians), "
                f"{time.time() - started:.0f} s in all. Command: `.venv/bin/python bench/bench.py --write`.\n\n"
                + table() + "\n")
        notes = ROOT / "bench" / "NOTES.md"
        if notes.exists():
            text += "\n" + notes.read_text(encoding="utf-8")
        results = ROOT / "bench" / "RESULTS.md"
        kept = results.read_text(encoding="utf-8").partition(SEGMENTATION_SECTION) if results.exists() else ()
        if kept and kept[1]:  # the section bench/segmentation.py writes stays
            text = text.rstrip("\n") + "\n\n" + kept[1] + kept[2]
        results.write_text(text, encoding="utf-8")
    shutil.rmtree(SCRATCH, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
