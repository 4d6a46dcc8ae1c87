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

Long documents and clicks (the long structured report, tests/texts/long_report.txt):

parse-long  dataset build of the long report against bare ``jieba.lcut`` [≤ 1.3]; also in CPU
            time of the process, which other work on the machine disturbs far less
warm-long   every page's rerun on the long report (theme filter on), against an empty page
latency     click -> changed view painted in headless Chromium, against a one-button
            Streamlit app clicked between the subject's clicks: presenter next/previous,
            reader hide toggle (one theme), map layer, terms part of speech, the sidebar's
            theme filter, a heatmap click, the term detail and a page switch (overview ->
            reader), on the shipped and the long document [shipped ≤ 1.5, presenter ≤ 1.3,
            page switch ≤ 3; long ≤ 2.5, page switch ≤ 5]; every page's first view after
            navigation on the long document [≤ 2 s]
sessions    server memory with ten sessions on the long document [< 1 GiB]

For the latency runs: BENCH_CLICKS (clicks per interaction, at least --rounds; 7),
BENCH_ONLY (a part of the interactions' names; "first" for the first views alone) and
BENCH_DOCS ("long" or "shipped" for one document). bench/profile_pages.py profiles reruns.

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


def interleaved_cpu(subject, baseline, rounds: int) -> tuple[float, float, float, float]:
    """Medians of alternating runs of two callables: wall-clock and CPU seconds of this process
    (subject, baseline, subject CPU, baseline CPU). On a machine shared with other work the CPU
    times vary far less than the wall-clock ones; a single-threaded build uses one core."""
    wall_s, wall_b, cpu_s, cpu_b = [], [], [], []
    for _ in range(rounds):
        for fn, wall, cpu in ((baseline, wall_b, cpu_b), (subject, wall_s, cpu_s)):
            start, start_cpu = time.perf_counter(), time.process_time()
            fn()
            cpu.append(time.process_time() - start_cpu)
            wall.append(time.perf_counter() - start)
    return tuple(statistics.median(v) for v in (wall_s, wall_b, cpu_s, cpu_b))


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
    # a new Document each round (its structure is read once per document and belongs to the build)
    subject, baseline = interleaved(lambda: dataset.build(dataclasses.replace(corpus), lex),
                                    lambda: jieba.lcut(corpus.text), rounds)
    record(f"parse {size:.1f} MB", subject, baseline, 1.3)


def bench_parse_long(rounds: int) -> None:
    import jieba

    from studyboard import lexicon
    from studyboard.dataset import tables as dataset
    from studyboard.ingest import document
    from studyboard.nlp.tokens import tokenizer_for

    print("parse-long: dataset build of the long structured report vs bare jieba.lcut", flush=True)
    lex = lexicon.load()
    jieba.setLogLevel(60)
    jieba.initialize()
    tokenizer_for(lex)
    text = (ROOT / "tests" / "texts" / "long_report.txt").read_text("utf-8")
    # a new Document each round: its structure (reflow, title block, headings) is read once per
    # document and belongs to the build; both sides start with their dictionaries loaded
    subject, baseline, subject_cpu, baseline_cpu = interleaved_cpu(
        lambda: dataset.build(document.Document(id="long_report", text=text), lex), lambda: jieba.lcut(text),
        max(rounds, 7))
    record(f"parse long document ({len(text):,} characters)", subject, baseline, 1.3)
    record("parse long document, CPU time of the process", subject_cpu, baseline_cpu, 1.3)


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


def bench_warm_long(rounds: int) -> None:
    print("warm-long: page reruns on the long structured report (AppTest) vs an empty page", flush=True)
    _warm_rerun(rounds, "long document", params={"doc": _long_document(), "themes": "ecology"})


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


# --- browser latency: click -> changed view painted ------------------------------------

#: The one-button app every latency is compared with (started in the same run).
BUTTON_APP = """import streamlit as st
st.session_state.setdefault("n", 0)
if st.button("click", key="one_button"):
    st.session_state["n"] += 1
st.markdown(f"<div id='count'>clicked {st.session_state['n']}</div>", unsafe_allow_html=True)
"""


#: Arms a timer: t0 at the next pointerdown (the click), t1 at the first frame after the
#: click's run (seen to start, or too short to be shown running) when the app has settled (script not running, no running
#: icon or skeleton, every chart drawn) with the view changed (``signature()`` differs from now).
ARM = """(signature) => {
  const sig = new Function('return (' + signature + ')();');
  const app = document.querySelector('[data-testid="stApp"]');
  const state = {before: sig(), t0: null, t1: null, ran: false};
  window.__bench = state;
  // the click's run: seen to start (a record keeps the old value, so a short run is not missed)
  const observer = new MutationObserver((records) => {
    for (const r of records) {
      if (r.attributeName !== 'data-test-script-state') continue;
      if (state.t0 !== null && (r.oldValue === 'running' || app.getAttribute('data-test-script-state') === 'running'))
        state.ran = true;
    }
  });
  observer.observe(app, {attributes: true, attributeOldValue: true});
  const settled = () => {
    // a run too short for the page to show it as running (an idle machine) still changes the view:
    // the signature's change, checked below, proves that the click's run delivered
    if (app.getAttribute('data-test-script-state') !== 'notRunning') return false;
    if (document.querySelector('[data-testid="stStatusWidgetRunningIcon"]')) return false;
    if (document.querySelector('[data-testid="stSkeleton"]')) return false;
    const main = document.querySelector('[data-testid="stMain"]');
    if (!main || !main.innerText.trim()) return false;
    for (const chart of document.querySelectorAll('[data-testid="stPlotlyChart"]')) {
      if (!chart.querySelector('.main-svg')) return false;
    }
    return true;
  };
  const down = () => { if (state.t0 === null) state.t0 = performance.now(); };
  document.addEventListener('pointerdown', down, {capture: true, once: true});
  const frame = () => {
    if (state.t0 !== null && settled()) {
      let now;
      try { now = sig(); } catch (e) { now = state.before; }
      if (now !== state.before) {
        observer.disconnect();
        requestAnimationFrame(() => { state.t1 = performance.now(); state.after = now; });
        return;
      }
    }
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
}"""


def _timed_click(page, signature: str, act, timeout: float = 90_000) -> float:
    """Seconds from the pointerdown of ``act()`` to the first frame showing a changed ``signature``."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    page.evaluate(ARM, signature)
    act()
    try:
        page.wait_for_function("() => window.__bench && window.__bench.t1 !== null", timeout=timeout, polling=50)
    except PlaywrightTimeout:  # a click that changed nothing (lost): left out of the medians, and said
        print(f"    a click timed out: {page.evaluate('JSON.stringify(window.__bench)')}", flush=True)
        return float("nan")
    return page.evaluate("() => (window.__bench.t1 - window.__bench.t0) / 1000")


def _median(times) -> float:
    """The median of the clicks that were timed (a lost click is NaN)."""
    kept = [t for t in times if t == t]
    return statistics.median(kept) if kept else float("nan")


def _text_of(selector: str) -> str:
    """A signature: the text (and count) of the elements matching ``selector``."""
    return (f"() => Array.from(document.querySelectorAll({selector!r}))"
            ".map(e => e.textContent).join('|') + '#' + document.querySelectorAll(" + repr(selector) + ").length")


def _pick(page, box: str, text: str, signature: str) -> float:
    """Open the select box ``box`` (not timed) and time the click on its option ``text``."""
    page.locator(f"{box} [role='combobox']").first.click()
    page.keyboard.type(text)  # the list shows only its first options
    option = page.get_by_role("option", name=text, exact=True).first
    option.wait_for()
    elapsed = _timed_click(page, signature, option.click)
    page.keyboard.press("Escape")  # a multiselect stays open
    return elapsed


class Interaction:
    """One interaction of the latency table: where it starts and how one click is done."""

    def __init__(self, name, path, params, clicks, ready=None):
        self.name, self.path, self.params, self.clicks, self.ready = name, path, params, clicks, ready


def _segmented(key: str, labels: tuple[str, str], signature: str):
    """Clicks alternating between two options of a segmented control."""
    def click(page, i):
        button = page.locator(f".st-key-{key} button", has_text=labels[i % 2]).first
        return _timed_click(page, signature, button.click)
    return click


def _interactions(lex, long: bool) -> list[Interaction]:
    from browser_helpers import settle_after

    theme = lex.themes[3].id  # ecology in the shipped lexicon
    theme_name = lex.themes[3].name("zh")

    def slide(page, i):
        key = "next" if i % 2 == 0 else "prev"
        return _timed_click(page, _text_of(".sb-counter"),
                            page.locator(f".st-key-{key} button").click)

    def hide(page, i):
        return _timed_click(page, _text_of(".sb-hidden"), page.locator(".st-key-reader_hide label").first.click)

    def sidebar_theme(page, i):
        signature = _text_of(".sb-legend")
        if i % 2 == 0:
            return _pick(page, ".st-key-themes", theme_name, signature)
        close = page.locator(".st-key-themes button[aria-label^='Remove']").first
        return _timed_click(page, signature, close.click)

    def heatmap(page, i):
        # two cells of one theme's column, in turn: paragraphs 5 and 9 of the shipped text; in the long
        # one's paged grid (only the part shown) the first two cells drawn there
        chart = page.locator('.st-key-reader_grid_box [data-testid="stPlotlyChart"]')
        cells = chart.locator("g.trace.bars").nth(3).locator("g.point")
        if not long:
            box = cells.nth((5, 9)[i % 2] - 1).bounding_box()
        else:
            boxes = [b for b in (cells.nth(k).bounding_box() for k in range(min(cells.count(), 12)))
                     if b and b["width"] > 2 and b["height"] > 2]
            box = boxes[i % 2]
        x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
        return _timed_click(page, _text_of(".sb-pinned-label"), lambda: page.mouse.click(x, y))

    def term(page, i):
        return _pick(page, ".st-key-terms_term", ("发展", "推动")[i % 2], _text_of("h2"))

    def switch(page, i):
        if i:  # back to the overview first (not timed)
            settle_after(page, _nav_link(page, "概览").click, 300_000)
        return _timed_click(page, "() => location.pathname + ':' + "
                                  "document.querySelectorAll('div.sb-para[data-paragraph]').length",
                            _nav_link(page, "原文").click)

    return [
        Interaction("presenter: next/previous slide", "study", {"slide": "1"}, slide),
        Interaction("reader: hide toggle, one theme", "reader", {"themes": theme}, hide),
        Interaction("map: switch layer", "map", {},
                    _segmented("map_layer", ("区域关联", "直接提及"), _text_of(".st-key-map_bars .gtitle, .st-key-map_bars .ytick"))),
        Interaction("terms: part-of-speech filter", "terms", {},
                    _segmented("terms_pos", ("名词", "全部"), _text_of('[data-testid="stCaptionContainer"]'))),
        Interaction("sidebar: theme filter (reader)", "reader", {}, sidebar_theme),
        Interaction("reader: heatmap click", "reader", {}, heatmap),
        Interaction("terms: term detail", "terms", {}, term),
        Interaction("page switch: overview → reader", "", {}, switch),
    ]


def _open(page, base: str, path: str = "", **params) -> None:
    """open_page with patience for a loaded machine (five minutes for the page to settle)."""
    from urllib.parse import urlencode

    from browser_helpers import wait_settled

    query = urlencode(params)
    page.goto(f"{base}/{path}" + (f"?{query}" if query else ""), wait_until="domcontentloaded")
    wait_settled(page, 300_000)


def _nav_link(page, title: str):
    return page.locator('[data-testid="stSidebarNav"] a', has_text=title).first


def _long_document() -> str:
    """The long structured report (tests/texts/long_report.txt) in the run's library; its id."""
    from study_docs import add_genre
    from studyboard import lexicon

    return add_genre("long_report", lexicon.load())


def _servers():
    """The one-button app and the board, started for this run: (processes, base URLs)."""
    from conftest import start_server

    button_app = SCRATCH / "button_app.py"
    button_app.write_text(BUTTON_APP, encoding="utf-8")
    button = start_server({}, button_app)
    board = start_server({})
    return button, board


#: Sizes of the messages the server sent over the page's websocket (forward messages), in order.
FRAMES: list[int] = []


def _new_page(browser):
    context = browser.new_context(viewport={"width": 1920, "height": 1080}, locale="zh-CN")
    page = context.new_page()
    page.set_default_timeout(120_000)
    page.on("websocket", lambda ws: ws.on("framereceived", lambda payload: FRAMES.append(len(payload))))
    return page


def _baseline_click(page) -> float:
    """One click of the one-button app (its page brought to the front)."""
    page.bring_to_front()
    return _timed_click(page, _text_of("#count"), page.locator(".st-key-one_button button").click)


def bench_latency(rounds: int) -> None:
    """Click -> changed view painted, in headless Chromium, against the one-button app."""
    from browser_helpers import open_page, open_sidebar
    from conftest import stop_server
    from studyboard import lexicon
    from studyboard.dataset import catalog

    print("latency: click -> changed view painted (headless Chromium) vs a one-button app", flush=True)
    clicks = max(rounds, int(os.environ.get("BENCH_CLICKS", "7")))
    lex = lexicon.load()
    docs = {"shipped document": catalog.shipped()[0].id, "long document": _long_document()}
    targets = {"shipped document": (1.5, 1.3, 3.0), "long document": (2.5, 2.5, 5.0)}
    (button_proc, button_base), (board_proc, board_base) = _servers()
    playwright, browser = _launch_browser()
    try:
        button_page = _new_page(browser)
        _open(button_page, button_base)
        for _ in range(3):  # warm up
            _baseline_click(button_page)
        for label, doc in docs.items():
            if os.environ.get("BENCH_DOCS", label) not in label:  # BENCH_DOCS=long: the long document only
                continue
            in_page, slide_target, switch_target = targets[label]
            only = os.environ.get("BENCH_ONLY", "")  # a part of the names of the interactions to measure
            for interaction in _interactions(lex, label == "long document"):
                if only not in interaction.name:
                    continue
                page = _new_page(browser)
                _open(page, board_base, interaction.path, doc=doc, **interaction.params)
                open_sidebar(page)
                interaction.clicks(page, 0)  # a first click warms the caches of the view (not counted)
                times, messages = [], []
                for i in range(1, clicks + 1):
                    page.bring_to_front()
                    seen = len(FRAMES)
                    times.append(interaction.clicks(page, i))
                    messages.append(FRAMES[seen:])
                    BASELINE_CLICKS.append(_baseline_click(button_page))  # interleaved: the same load
                page.context.close()
                baseline = _median(BASELINE_CLICKS)
                target = (slide_target if interaction.name.startswith("presenter") else
                          switch_target if interaction.name.startswith("page switch") else in_page)
                record(f"{interaction.name} ({label})", _median(times), baseline, target)
                print(f"    clicks: {' '.join(f'{t:.3f}' for t in times)}; messages per click "
                      f"{statistics.median(len(m) for m in messages):.0f}, "
                      f"{statistics.median(sum(m) for m in messages) / 1024:.0f} KiB", flush=True)
        if os.environ.get("BENCH_ONLY", "first") in "first views":
            _first_views(browser, board_base, docs["long document"], clicks)
    finally:
        browser.close()
        playwright.stop()
        stop_server(button_proc)
        stop_server(board_proc)


#: The baseline's clicks of this run (taken between the subject's, so both see the same load).
BASELINE_CLICKS: list[float] = []


def _first_views(browser, base: str, doc: str, clicks: int) -> None:
    """Every page's first view on the long document: the click on its link in the sidebar
    until the page has settled with its content (seconds; target ≤ 2 s)."""
    from browser_helpers import open_page, open_sidebar, settle_after
    from studyboard import i18n
    from studyboard.ui.app import PAGES

    runs = max(3, clicks // 2)
    for file, title_key, _ in PAGES:
        if not (ROOT / file).exists() or file.endswith("overview.py"):
            continue
        title = i18n.t(title_key, "zh")
        page = _new_page(browser)
        _open(page, base, "", doc=doc)
        times = []
        for _ in range(runs + 1):
            open_sidebar(page)
            times.append(_timed_click(page, "() => location.pathname", _nav_link(page, title).click))
            open_sidebar(page)
            settle_after(page, _nav_link(page, "概览").click, 300_000)
        page.context.close()
        # the first opening also makes what the server keeps for every session (app.cached): reported apart
        first, subject = times[0], _median(times[1:])
        RESULTS.append((f"first view after navigation: {Path(file).stem} (long document)",
                        f"{subject:.3f} s (very first {first:.3f} s)", "—", "✓" if subject <= 2.0 else "✗", "≤ 2 s"))
        print(f"  first view {Path(file).stem}: {subject:.3f} s ({' '.join(f'{t:.2f}' for t in times)})", flush=True)


def bench_sessions(rounds: int) -> None:
    """Server memory with ten sessions on the long document, each with its reader, themes and terms open."""
    from browser_helpers import open_page
    from conftest import stop_server

    from browser_helpers import wait_settled

    print("sessions: server memory with ten sessions on the long document", flush=True)
    doc = _long_document()
    (button_proc, button_base), (board_proc, board_base) = _servers()
    playwright, browser = _launch_browser()
    try:
        page = _new_page(browser)
        _open(page, button_base)
        baseline = _rss_kib(button_proc.pid) / 1024
        pages, slow = [], 0
        for _ in range(10):
            page = _new_page(browser)
            for path in ("", "reader", "themes", "terms", "map"):
                page.goto(f"{board_base}/{path}?doc={doc}", wait_until="domcontentloaded")
                try:
                    wait_settled(page, 300_000)
                except Exception:  # a loaded machine: the session is open all the same
                    slow += 1
            pages.append(page)
        if slow:
            print(f"  {slow} of 50 pages had not settled within 5 minutes", flush=True)
        subject = _rss_kib(board_proc.pid) / 1024
        peak = _rss_peak_kib(board_proc.pid) / 1024
        record("server memory, ten sessions on the long document (resident)", subject, baseline, None, unit="MiB")
        RESULTS.append(("server peak memory, ten sessions on the long document", f"{peak:.1f} MiB", "—",
                        "✓" if peak < 1024 else "✗", "< 1 GiB"))
        print(f"  peak {peak:.1f} MiB", flush=True)
    finally:
        browser.close()
        playwright.stop()
        stop_server(button_proc)
        stop_server(board_proc)


def _rss_kib(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


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


#: The section of RESULTS.md that --write-clicks writes (kept by --write).
CLICKS_SECTION = "<!-- clicks: written by bench/bench.py --write-clicks -->"
CLICKS_END = "<!-- /clicks -->"


def write_clicks(seconds: float, rounds: int, load: str) -> None:
    """Put this run's table in the clicks section of RESULTS.md (before the segmentation section)."""
    results = ROOT / "bench" / "RESULTS.md"
    text = results.read_text(encoding="utf-8") if results.exists() else "# Benchmark results\n"
    before, found, rest = text.partition(CLICKS_SECTION)
    after = rest.partition(CLICKS_END)[2] if found else ""
    if not found:  # a new section goes before the segmentation section
        before, seg, tail = text.partition(SEGMENTATION_SECTION)
        after = seg + tail
    clicks = max(rounds, int(os.environ.get("BENCH_CLICKS", "7")))
    section = (f"{CLICKS_SECTION}\n## Clicks, long documents and memory (issue 14)\n\n"
               f"Measured {dt.datetime.now(dt.timezone.utc):%Y-%m-%d %H:%M} UTC on {machine()}"
               + (f", {load}" if load else "") + f"; {seconds:.0f} s in all. Command: "
               "`.venv/bin/python bench/bench.py parse-long latency sessions --write-clicks`. Latency: click to "
               f"the changed view painted in headless Chromium, median of {clicks} clicks after one that is not "
               "counted, against the median of a one-button Streamlit app clicked between them (same run, same "
               "browser); what the times are spent on: bench/NOTES.md.\n\n" + table() + "\n" + CLICKS_END + "\n")
    results.write_text(before.rstrip("\n") + "\n\n" + section + ("\n" + after.lstrip("\n") if after else ""),
                       encoding="utf-8")


def table() -> str:
    lines = ["| measurement | subject | baseline | ratio | target |", "| --- | --- | --- | --- | --- |"]
    lines += [f"| {a} | {b} | {c} | {d} | {e} |" for a, b, c, d, e in RESULTS]
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("what", nargs="*", help="parse, parse-long, cold, warm, warm-long, memory, latency, sessions (default: all)")
    parser.add_argument("--rounds", type=int, default=3, help="interleaved rounds per measurement")
    parser.add_argument("--write", action="store_true", help="rewrite bench/RESULTS.md with this run")
    parser.add_argument("--write-clicks", action="store_true",
                        help="rewrite only the section of bench/RESULTS.md on clicks, long documents and memory "
                             "(bench.py parse-long latency sessions --write-clicks)")
    parser.add_argument("--load", default="", help="the machine's load during the run, for --write-clicks")
    args = parser.parse_args()
    benches = {"parse": bench_parse, "cold": bench_cold, "warm": bench_warm, "memory": bench_memory,
               "latency": bench_latency, "parse-long": bench_parse_long, "warm-long": bench_warm_long, "sessions": bench_sessions}
    chosen = args.what or list(benches)
    unknown = [name for name in chosen if name not in benches]
    if unknown:
        parser.error(f"unknown measurement(s): {', '.join(unknown)}")
    started = time.time()
    for name in chosen:
        try:
            benches[name](args.rounds)
        except Exception as exc:  # the other measurements still run and are written
            print(f"  {name} failed: {exc!r}", flush=True)
            RESULTS.append((f"{name}: failed ({type(exc).__name__})", "—", "—", "—", "—"))
    print()
    print(table())
    if args.write_clicks:
        write_clicks(time.time() - started, args.rounds, args.load)
    if args.write:
        text = (f"# Benchmark results\n\nMeasured {dt.date.today().isoformat()} on {machine()}, "
                f"{args.rounds} interleaved rounds per figure (medians), "
                f"{time.time() - started:.0f} s in all. Command: `.venv/bin/python bench/bench.py --write`.\n\n"
                + table() + "\n")
        notes = ROOT / "bench" / "NOTES.md"
        if notes.exists():
            text += "\n" + notes.read_text(encoding="utf-8")
        results = ROOT / "bench" / "RESULTS.md"
        old = results.read_text(encoding="utf-8") if results.exists() else ""
        clicks = old.partition(CLICKS_SECTION)
        if clicks[1]:  # the section --write-clicks writes stays
            text = text.rstrip("\n") + "\n\n" + CLICKS_SECTION + clicks[2].partition(CLICKS_END)[0] + CLICKS_END + "\n"
        kept = old.partition(SEGMENTATION_SECTION)
        if kept[1]:  # the section bench/segmentation.py writes stays
            text = text.rstrip("\n") + "\n\n" + kept[1] + kept[2]
        results.write_text(text, encoding="utf-8")
    shutil.rmtree(SCRATCH, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
