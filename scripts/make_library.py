#!/usr/bin/env python3
"""Fill a library folder with generated documents (for benchmarks and trials).

    .venv/bin/python scripts/make_library.py --count 1000 --library /tmp/bench-library

Each document is made from the shipped seed: a title of its own, a date
between 2000 and 2024, a random choice of the seed's paragraphs in a random
order, and one made-up sentence whose terms grow more frequent with the
year (so that the compare page's trend has something to show). They are
test data, not real texts; their titles say so. Documents go in through
:func:`studyboard.store.library.add` (nothing is parsed); the script prints how
long that took. Use a folder of its own: never the library of real users.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import time
from datetime import date, timedelta
from pathlib import Path
from studyboard.dataset import catalog

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

TERMS = ["新质生产力", "数字经济", "人工智能", "绿色低碳", "全国统一大市场"]


def generate(count: int, seed: int = 1) -> list[tuple[str, dict]]:
    from studyboard.ingest import reflow

    structure = reflow.reflow((ROOT / "data" / "texts" / "000_97e3ae1a0b7fde01.txt").read_text(encoding="utf-8"))
    paragraphs = list(structure.paragraphs)
    rng = random.Random(seed)
    start = date(2000, 1, 1)
    out = []
    for i in range(count):
        day = start + timedelta(days=rng.randrange(25 * 365))
        share = (day.year - 2000) / 24
        chosen = rng.sample(paragraphs, rng.randint(6, len(paragraphs)))
        made_up = "".join(f"要推动{term}发展。" for term in TERMS if rng.random() < share)
        title = f"（生成）测试文档第{i + 1:04d}篇"
        text = "\n".join([title, f"本文是第{i + 1}篇生成的测试文档。{made_up}", *chosen]) + "\n"
        out.append((text, {"title": title, "date": day.isoformat(), "place": "", "source": "生成"}))
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--library", required=True, help="the library folder to fill (STUDYBOARD_LIBRARY)")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    folder = Path(args.library).resolve()
    if folder == (ROOT / "library").resolve():
        parser.error("use a folder of its own, not the board's library")
    os.environ["STUDYBOARD_LIBRARY"] = str(folder)
    from studyboard import lexicon
    from studyboard.errors import InputError

    lex = lexicon.load()
    started = time.perf_counter()
    added = 0
    for text, meta in generate(args.count, args.seed):
        try:
            catalog.add(catalog.prepare_text(text, lex), meta)
            added += 1
        except InputError as exc:
            print(f"skipped: {exc}", file=sys.stderr)
    seconds = time.perf_counter() - started
    print(f"added {added} documents to {folder} in {seconds:.1f} s ({1000 * seconds / max(added, 1):.1f} ms each)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
