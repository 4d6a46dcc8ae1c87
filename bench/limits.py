#!/usr/bin/env python3
"""The input limits measured: what hostile files cost, and whether a document
at the character limit still shows on every page.

    .venv/bin/python bench/limits.py            # everything
    .venv/bin/python bench/limits.py refusals   # only the refusals (fast)

refusals  wall time and peak traced memory (tracemalloc) of refusing: a
          300 MiB zip bomb named .docx, a 500-page PDF, a 200,000-character
          line without punctuation (library and command line), a text over
          the character limit; and normalisation's speed
pages     a document of nearly 200,000 characters (tests/texts/long_report.txt
          six times) added to a scratch library, then every page run
          (AppTest) on it: time, exceptions, and the size of what the page
          sends (the protobuf of every element; Streamlit refuses a message
          over server.maxMessageSize, 200 MB)

Figures vary with the machine's load; they are orders of magnitude, not
targets.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))
SCRATCH = Path(tempfile.mkdtemp(prefix="studyboard-limits-"))
os.environ.setdefault("STUDYBOARD_CACHE", str(SCRATCH / "cache"))
os.environ.setdefault("STUDYBOARD_LIBRARY", str(SCRATCH / "library"))

PAGES = ("overview", "reader", "themes", "map", "terms", "study", "quiz", "library")


def timed(fn, *args):
    tracemalloc.start()
    start = time.perf_counter()
    try:
        result = fn(*args)
    except Exception as exc:  # the refusals are the point
        result = exc
    elapsed = time.perf_counter() - start
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return result, elapsed, peak


def refusals() -> None:
    from studyboard.ingest import intake, sources
    from studyboard.ingest.normalise import normalise
    from test_hostile_input import PREFIX, SUFFIX, _blank_pages, _deflated, _zip

    stream, crc, size = _deflated(PREFIX, 300, SUFFIX)
    cases = [
        ("zip bomb .docx (300 MiB declared)", sources.read_bytes, _zip("word/document.xml", stream, crc, size), "a.docx"),
        ("zip bomb .docx lying (1,000 B declared)", sources.read_bytes, _zip("word/document.xml", stream, crc, 1000), "a.docx"),
        ("500-page PDF", sources.read_bytes, _blank_pages(500), "a.pdf"),
        ("200,000-character line, no punctuation", intake.prepare,
         ("中部地区崛起" * 33_333 + "中部").encode("utf-8"), "a.txt"),
        ("200,007 characters", intake.prepare, ("推动中部地区崛起。" * 22_223).encode("utf-8"), "a.txt"),
        ("a text of 10 MB (UTF-8)", intake.prepare, ("推动中部地区崛起。" * 400_000).encode("utf-8")[:10 << 20], "a.txt"),
        ("a text of 10 MB (GB18030)", intake.prepare, ("推动中部地区崛起。" * 600_000).encode("gb18030")[:10 << 20], "a.txt"),
    ]
    print("| refusal | key | time | peak traced memory |\n| --- | --- | --- | --- |")
    for name, fn, data, filename in cases:
        result, elapsed, peak = timed(fn, data, filename)
        print(f"| {name} ({len(data):,} B) | {getattr(result, 'key', result)} | {elapsed:.2f} s | {peak / 2**20:.1f} MiB |")
    line = SCRATCH / "line.txt"
    line.write_text("中部地区崛起" * 33_333 + "中部", encoding="utf-8")
    start = time.perf_counter()
    run = subprocess.run([sys.executable, "-m", "studyboard", "parse", str(line), "--no-cache"], cwd=ROOT,
                         capture_output=True, text=True)
    print(f"| command line, the same line (process start included) | exit {run.returncode} | "
          f"{time.perf_counter() - start:.2f} s | — |")
    seed = (ROOT / "tests" / "texts" / "long_report.txt").read_text(encoding="utf-8")
    text = (seed * 7)[:200_000]
    runs = []
    for _ in range(3):
        start = time.perf_counter()
        normalise(text)
        runs.append(time.perf_counter() - start)
    print(f"\nnormalise: 200,000 characters in {statistics.median(runs) * 1000:.0f} ms (median of 3)")


def _proto_bytes(node) -> int:
    total = 0
    proto = getattr(node, "proto", None)
    if proto is not None and hasattr(proto, "ByteSize"):
        total += proto.ByteSize()
    for child in getattr(node, "children", {}).values():
        total += _proto_bytes(child)
    return total


def pages() -> None:
    import streamlit as st
    from streamlit.testing.v1 import AppTest

    from studyboard import lexicon
    from studyboard.dataset import catalog

    lex = lexicon.load()
    body = (ROOT / "tests" / "texts" / "long_report.txt").read_text(encoding="utf-8")
    text = "\n".join([body] * 6)
    draft = catalog.prepare(text.encode("utf-8"), "long.txt", lex)
    entry = catalog.add(draft, {"title": "长文档"})
    print(f"\ndocument: {draft.chars:,} characters in {draft.paragraphs} paragraphs (limit 200,000)")
    start = time.perf_counter()
    catalog.dataset_for(entry, lex)
    print(f"parse: {time.perf_counter() - start:.1f} s")
    print("\n| page | time | exceptions | elements' protobuf |\n| --- | --- | --- | --- |")
    for page in PAGES:
        st.cache_data.clear()
        at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=600)
        at.query_params["doc"] = entry.id
        if page != "overview":
            at.switch_page(f"app_pages/{page}.py")
        start = time.perf_counter()
        at.run()
        elapsed = time.perf_counter() - start
        size = _proto_bytes(at._tree)
        print(f"| {page} | {elapsed:.1f} s | {len(at.exception)} | {size / 2**20:.1f} MiB |")


if __name__ == "__main__":
    wanted = set(sys.argv[1:]) or {"refusals", "pages"}
    if "refusals" in wanted:
        refusals()
    if "pages" in wanted:
        pages()
