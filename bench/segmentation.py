#!/usr/bin/env python3
"""Segmentation quality: token precision, recall and F1 against the gold files.

    .venv/bin/python bench/segmentation.py                 # prints the table
    .venv/bin/python bench/segmentation.py -v              # and every disagreement
    .venv/bin/python bench/segmentation.py --write         # also writes its section of bench/RESULTS.md
    .venv/bin/python bench/segmentation.py --thulac-python /path/to/venv/bin/python

Segmenters: bare ``jieba.lcut`` (jieba's global dictionary, no user
dictionary), the board's tokenizer (``studyboard.nlp.tokens.tokenizer_for``
with the shipped lexicon: its words, forced splits and number units), and
THULAC (PyPI package ``thulac``, segmentation only), in this interpreter if it
imports there, else in the interpreter given by ``--thulac-python`` (THULAC
and its model take about 0.5 GB, more than the board needs, so it is not a
requirement; install it in a scratch venv). spacy-pkuseg is not measured: it
installs from PyPI, but its models are downloaded from outside PyPI at first
use.

Gold files and scoring: tests/gold (score.py): exact character spans, every
token counted, punctuation included. The board's data was fitted to the seed
and speech files; the plain file is held out.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "gold"))
os.environ.setdefault("STUDYBOARD_CACHE", tempfile.mkdtemp(prefix="studyboard-segbench-"))

from score import GOLD_FILES, Score, gold_lines, score, score_tokens

RESULTS = ROOT / "bench" / "RESULTS.md"
#: The section of RESULTS.md this script writes, from this line to the end of the file.
SECTION = "<!-- segmentation: written by bench/segmentation.py --write -->"
TARGET = 0.98
TARGET_FILES = ("seed", "speech")

_THULAC = """
import contextlib, json, sys, thulac
with contextlib.redirect_stdout(sys.stderr):  # it prints that its model is loaded
    cutter = thulac.thulac(seg_only=True)
texts = json.load(sys.stdin)
json.dump({name: [[word for word, _ in cutter.cut(line)] for line in lines] for name, lines in texts.items()},
          sys.stdout, ensure_ascii=False)
"""


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{os.cpu_count()} cores ({cpu}), Python {platform.python_version()}, {platform.system()}"


def jieba_bare():
    import logging

    import jieba

    jieba.setLogLevel(logging.WARNING)
    return jieba.lcut, f"jieba {jieba.__version__}"


def board():
    from studyboard import lexicon
    from studyboard.nlp.tokens import tokenizer_for

    tokenizer = tokenizer_for(lexicon.load())
    return tokenizer.cut, f"jieba {tokenizer.version} + data/lexicon"


def board_without_segmentation_data():
    """The board's tokenizer with the formulations, people and places only (as before words.txt,
    forced_splits.txt and number_units.txt)."""
    import dataclasses

    from studyboard import lexicon
    from studyboard.nlp.tokens import Tokenizer

    bare = dataclasses.replace(lexicon.load(), words=(), forced_splits=(), number_units=frozenset())
    tokenizer = Tokenizer(bare)
    return tokenizer.cut, f"jieba {tokenizer.version} + formulations, people, places"


def thulac_scores(python: str | None) -> tuple[dict[str, Score], str] | None:
    """THULAC's scores by gold file, or None when it is not installed."""
    texts = {name: ["".join(tokens) for tokens in gold_lines(name)] for name in GOLD_FILES}
    try:
        import thulac  # noqa: F401
    except ImportError:
        python = python or os.environ.get("THULAC_PYTHON")
    else:
        python = sys.executable
    if not python:
        return None
    run = subprocess.run([python, "-c", _THULAC], input=json.dumps(texts), capture_output=True,
                         text=True, check=True)
    out = {name: score_tokens(name, lines) for name, lines in json.loads(run.stdout).items()}
    version = subprocess.run([python, "-c", "import importlib.metadata as m; print(m.version('thulac'))"], check=True,
                             capture_output=True, text=True).stdout.strip()
    return out, f"THULAC {version}"


def table(rows: list[tuple[str, str, dict[str, Score]]]) -> str:
    head = "| segmenter | " + " | ".join(f"{name}: P / R / F1" for name in GOLD_FILES) + " |"
    lines = [head, "| --- |" + " --- |" * len(GOLD_FILES)]
    for label, version, scores in rows:
        cells = []
        for name in GOLD_FILES:
            s = scores[name]
            mark = (" ✓" if s.f1 >= TARGET else " ✗") if label == "board" and name in TARGET_FILES else ""
            cells.append(f"{s.precision:.3f} / {s.recall:.3f} / **{s.f1:.3f}**{mark}")
        lines.append(f"| {label} ({version}) | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def reading(rows) -> str:
    """What the board rows say, with this run's numbers."""
    by_label = {label: scores for label, _, scores in rows}
    before, after = by_label.get("board without its segmentation data"), by_label.get("board")
    if not before or not after:
        return ""
    fitted = ", ".join(f"{name} {before[name].f1:.3f} → {after[name].f1:.3f}" for name in TARGET_FILES)
    return (f"- **Reading**: the segmentation data moves the board's F1 from {fitted} on the files it was "
            f"fitted to, and on the held-out file from {before['plain'].f1:.3f} to {after['plain'].f1:.3f} "
            f"({len(after['plain'].disagreements)} disagreements left). The target is met where the data was "
            "written; most of what it fixes there is one entry per word or phrase of these texts (a compound "
            "of jieba's dictionary that the gold splits), which a new text does not share. Read the held-out "
            "figure as the board's quality on an unseen text.")


def section(rows, seconds: float) -> str:
    sizes = ", ".join(f"{name} ({GOLD_FILES[name][1]}) {sum(len(t) for t in gold_lines(name)):,} tokens"
                      for name in GOLD_FILES)
    return f"""{SECTION}
## Segmentation against the gold files

Measured {dt.date.today().isoformat()} on {machine()}, {seconds:.0f} s. Command:
`.venv/bin/python bench/segmentation.py --write --thulac-python PATH`. Token precision,
recall and F1 on exact character spans, punctuation included, against the
hand-made gold segmentations in `tests/gold/` (standard: revision 2, in the header
of `tests/gold/seed.seg.txt`): {sizes}.
Target for the board: F1 ≥ {TARGET} on seed and speech.

{table(rows)}

- **bare jieba**: `jieba.lcut` with jieba's own dictionary and nothing else.
- **board without its segmentation data**: the same tokenizer with the
  formulations, people and places only, as it was before `words.txt`,
  `forced_splits.txt` and `number_units.txt`.
- **board**: `studyboard.nlp.tokens.tokenizer_for(lexicon)`: the formulations,
  people and places of the lexicon, `words.txt`, `forced_splits.txt` and
  `number_units.txt`. That data was fitted to the seed and speech files: their
  scores are in-sample. `plain` is held out (segmented by hand after the data was
  written, no entry made for it): the difference between the two board rows on
  it is what the data does for a text it was not written for.
- **THULAC**: the PyPI package `thulac` (model included, segmentation only),
  run as it comes. spacy-pkuseg installs from PyPI but downloads its models from
  outside it at first use, so it is not measured; pkuseg fails to build.
{reading(rows)}
- Every segmenter here follows a standard other than the gold's (jieba keeps many
  phrases of its dictionary whole, THULAC follows its own corpus); part of every
  disagreement is granularity, not error.
"""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--write", action="store_true", help="write this section of bench/RESULTS.md")
    parser.add_argument("--thulac-python", help="a Python interpreter that has the thulac package")
    parser.add_argument("-v", "--verbose", action="store_true", help="print every disagreement")
    args = parser.parse_args()
    started = time.time()
    rows = []
    makers = (("bare jieba", jieba_bare),
              ("board without its segmentation data", board_without_segmentation_data), ("board", board))
    for label, make in makers:
        cut, version = make()
        rows.append((label, version, {name: score(name, cut) for name in GOLD_FILES}))
    thulac = thulac_scores(args.thulac_python)
    if thulac is None:
        print("THULAC not measured: no thulac package here and no --thulac-python", file=sys.stderr)
    else:
        rows.append(("THULAC", thulac[1], thulac[0]))
    print(table(rows))
    if args.verbose:
        for label, _, scores in rows:
            for name, s in scores.items():
                print(f"\n{label} on {name}: {len(s.disagreements)} disagreements (gold | segmenter)")
                for gold, system in s.disagreements:
                    print(f"  {gold}  |  {system}")
    if args.write:
        text = RESULTS.read_text(encoding="utf-8") if RESULTS.exists() else "# Benchmark results\n"
        head = text.split(SECTION)[0].rstrip("\n")
        RESULTS.write_text(head + "\n\n" + section(rows, time.time() - started), encoding="utf-8")
    board_scores = rows[2][2]
    return 0 if all(board_scores[name].f1 >= TARGET for name in TARGET_FILES) else 1


if __name__ == "__main__":
    sys.exit(main())
