#!/usr/bin/env python3
"""Make report_wrapped.txt from report.txt, imitating text pulled from a PDF.

The imitation follows what data/texts/000_97e3ae1a0b7fde01.txt (the shipped
Xinhua report) looks like, measured line by line:

* A printed line holds 28 em. A CJK character or full-width punctuation mark is
  1 em, an ASCII character (digits, %, '.', Latin letters, a space) is 0.5 em.
  The first line of every paragraph (headings included) holds 26 em: the 2-em
  first-line indent is lost in extraction, so first lines are simply shorter.
  The title-block lines (title, —— subtitle, byline, salutation) are set on one
  line each and never cut (in print they are centred or flush left).
* Lines are cut where the width runs out, regardless of word boundaries
  (高质量发 / 展), except inside a run of ASCII characters. Line-breaking
  rules as in the seed: closing punctuation (，、。；：？！ and closing
  brackets/quotes) never starts a line; it hangs at the end of the line before
  (seed lines of 29 characters ending in 、 or ，), at most two marks.
  An opening bracket or quote never ends a line; it moves to the next one.
* Every printed line is followed by one blank line. Paragraph ends are NOT
  marked by any extra blank line; only the short last line and the shorter
  next first line show them (and nothing shows them when a paragraph's last
  line happens to be full).
* Pages: the seed's first page holds 16 lines, the others 23. The first line of
  each page starts with one space and is NOT preceded by a blank line (the
  extractor dropped it at the page break); the very first line of the file
  also starts with a space.
* A run of ASCII characters (a number such as 3.26, 5.4% or 2025, or 5G) is
  never cut, like a Latin word; it is 0.5 em per character plus a 1/8-em gap on
  each side that touches a CJK ideograph. In the output that gap becomes a space,
  as the seed's "习近平 3 月 20" / "召开 5 年来" (the extractor inserts a space at
  each change of font); there is no space at a line's start or end.
* The file ends with the last line followed by two blank lines, like the seed.

Only whitespace is added: with all whitespace removed the output equals the
input, which the script asserts.

Usage: python3 make_wrapped.py [report.txt] [report_wrapped.txt]
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
WIDTH = 28.0
FIRST_WIDTH = 26.0
TITLE_BLOCK_LINES = 4          # title, —— subtitle, byline, salutation
FIRST_PAGE_LINES = 16
PAGE_LINES = 23
CLOSING = set("，、。；：？！）》」』〕】”’…")
OPENING = set("（《「『〔【“‘")
GAP = 0.125                  # em between an ASCII run and a CJK ideograph
CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
ASCII_RUN = re.compile(r"[!-~]+")


def char_width(ch: str) -> float:
    return 0.5 if ord(ch) < 128 else 1.0


def units(text: str) -> list[tuple[str, float]]:
    """Split a paragraph into unbreakable units with their widths in em.

    Every CJK character or full-width mark is a unit of 1 em. A run of ASCII
    characters (a number such as 3.26 or 5.4%, or 5G) is one unit, like a Latin
    word: 0.5 em per character plus a 1/8-em gap on each side that touches a CJK
    ideograph (the gap the extractor turns into a space).
    """
    out: list[tuple[str, float]] = []
    pos = 0
    for m in ASCII_RUN.finditer(text):
        s, e = m.span()
        out.extend((c, char_width(c)) for c in text[pos:s])
        w = 0.5 * (e - s)
        if s > 0 and CJK.match(text[s - 1]):
            w += GAP
        if e < len(text) and CJK.match(text[e]):
            w += GAP
        out.append((m.group(), w))
        pos = e
    out.extend((c, char_width(c)) for c in text[pos:])
    return out


def wrap_paragraph(text: str, first_width: float) -> list[str]:
    """Cut one paragraph into printed lines (greedy, with hanging punctuation)."""
    lines: list[list[str]] = []
    cur: list[str] = []
    used = 0.0
    limit = first_width
    for u, w in units(text):
        if cur and used + w > limit:
            hung = 0
            while hung < len(cur) and cur[-1 - hung] in CLOSING:
                hung += 1
            if u in CLOSING and hung < 2:
                # closing punctuation never starts a line: hang it (at most two
                # marks, e.g. ”。) beyond the right margin
                cur.append(u)
                used += w
                continue
            carry: list[str] = []
            while len(cur) > 1 and cur[-1] in OPENING:   # an opening mark may not end a line
                carry.insert(0, cur.pop())
            lines.append(cur)
            cur = carry + [u]
            used = sum(w2 for _, w2 in units("".join(cur)))
            limit = WIDTH
            continue
        cur.append(u)
        used += w
    if cur:
        lines.append(cur)
    return ["".join(l) for l in lines]


def line_width(line: str) -> float:
    return sum(w for _, w in units(line))


def space_ascii_runs(line: str) -> str:
    """Put a space between an ASCII run and a neighbouring CJK ideograph."""
    out = []
    pos = 0
    for m in ASCII_RUN.finditer(line):
        s, e = m.span()
        out.append(line[pos:s])
        run = m.group()
        if s > 0 and CJK.match(line[s - 1]):
            run = " " + run
        if e < len(line) and CJK.match(line[e]):
            run = run + " "
        out.append(run)
        pos = e
    out.append(line[pos:])
    return "".join(out)


def make(src: str) -> tuple[str, dict]:
    paragraphs = [p for p in src.split("\n") if p.strip()]
    printed: list[str] = []
    full_endings = 0
    for i, par in enumerate(paragraphs):
        if i < TITLE_BLOCK_LINES:
            # title-block lines are centred (or flush left) and set on one line
            printed.append(space_ascii_runs(par))
            continue
        first = FIRST_WIDTH
        lines = wrap_paragraph(par, first)
        last_limit = first if len(lines) == 1 else WIDTH
        if line_width(lines[-1]) > last_limit - 1:
            full_endings += 1
        printed.extend(space_ascii_runs(l) for l in lines)

    out: list[str] = []
    page_starts = {0}
    n = FIRST_PAGE_LINES
    while n < len(printed):
        page_starts.add(n)
        n += PAGE_LINES
    for k, line in enumerate(printed):
        if k in page_starts:
            if out and out[-1] == "":
                out.pop()                          # no blank line before a page start
            line = " " + line
        out.append(line)
        out.append("")
    text = "\n".join(out) + "\n\n"                 # last line, then two blank lines
    stats = {
        "paragraphs": len(paragraphs),
        "printed_lines": len(printed),
        "pages": len(page_starts),
        "paragraphs_ending_on_a_full_line": full_endings,
    }
    return text, stats


def main(argv: list[str]) -> int:
    src_path = Path(argv[1]) if len(argv) > 1 else HERE / "report.txt"
    dst_path = Path(argv[2]) if len(argv) > 2 else HERE / "report_wrapped.txt"
    src = src_path.read_text(encoding="utf-8")
    text, stats = make(src)
    assert re.sub(r"\s", "", text) == re.sub(r"\s", "", src), "only whitespace may change"
    dst_path.write_text(text, encoding="utf-8", newline="\n")
    print(dst_path.name, stats)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
