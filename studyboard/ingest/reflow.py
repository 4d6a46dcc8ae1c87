"""Rebuild a report's structure from its text: title lines and body paragraphs.

Text pulled from a PDF is hard-wrapped: every line is about as wide as the
page, the first line of each paragraph is two characters shorter (its indent
was lost), a page break leaves a space at the start of the next line, blank
lines may stand between all lines, words are cut across lines and numbers
get spaces around them ("3 月 20"). Text from other sources has one paragraph
per line, with or without a full-width indent.

:func:`reflow` weighs the evidence at every line break:

* a line that does not end a sentence never ends a paragraph;
* a line that ends a sentence ends a paragraph when it is visibly short
  (measured in display columns: CJK characters count two), when the next line
  is indented, or when the next line is short and runs on or is followed by a
  full line (a first line whose indent was lost);
* blank lines count as paragraph breaks only where they do not stand between
  nearly all lines.

Lines that are as long as anything else in the text (not hard-wrapped) are
paragraphs of their own. Leading lines without sentence punctuation are the
title block: kicker (引题), headline and subtitle -- but not a dateline
(``dateline(text)``, the markers' pattern) and not a body line that runs on:
a full line of hard-wrapped text that ends without punctuation and goes on
in the next line (新华社武汉5月8日电（记者张明）记者从湖北省发展改革委获 / 悉，…).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass

#: Characters after which a sentence (and so possibly a paragraph) ends.
SENTENCE_END = "。！？!?…；;：:"
#: Closing quotes and brackets that may follow the sentence end.
CLOSERS = "”’」』）)》〉】]\"'"
#: Punctuation that never stands in a title line.
BODY_PUNCT = re.compile(r"[，。；！？、,;!?]")
PAGE_NUMBER = re.compile(r"^[-—–\s]*(第\s*)?\d{1,4}(\s*页)?[-—–\s]*$|^[-—–\s]*\d+\s*/\s*\d+[-—–\s]*$")
_CJK = (
    "\u2e80-\u2fff\u3000-\u303f\u3040-\u30ff\u3100-\u312f\u3400-\u4dbf\u4e00-\u9fff"
    "\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef\u2018-\u201f\u2026\u2014\u00b7"
)
_SPACE_AROUND_CJK = re.compile(rf"[ \t\u3000\u00a0]+(?=[{_CJK}])|(?<=[{_CJK}])[ \t\u3000\u00a0]+")
_SPACES = re.compile(r"[ \t\u00a0]{2,}")
_SPACE_OR_NUL = re.compile(r"[ \t\u3000\u00a0\x00]")
#: In a title line a full-width space between two Chinese words is kept, as
#: one: it separates the two halves of a double title.
_IDEOGRAPHIC_SPACE = re.compile(rf"(?<=[{_CJK}])[ \t\u00a0]*\u3000[ \t\u3000\u00a0]*(?=[{_CJK}])")


def display_width(text: str) -> int:
    """Width in columns: ASCII counts one, CJK characters and full-width marks two.

    Computed from the UTF-8 length: one byte for ASCII, three for CJK and the
    curly quotes and ellipsis that take a full em in Chinese typesetting.
    """
    return len(text) + (len(text.encode("utf-8")) - len(text)) // 2


def normalize_spaces(text: str, title: bool = False) -> str:
    """Drop white space next to CJK characters (in a title, a full-width space
    between two of them stays, as one); fold other runs to one space."""
    if not title and not _SPACE_OR_NUL.search(text):  # nothing to drop or fold (most lines of a long text)
        return text.strip()
    if title:
        text = _IDEOGRAPHIC_SPACE.sub("\x00", text)
    text = _SPACE_AROUND_CJK.sub("", text)
    return _SPACES.sub(" ", text).strip().replace("\x00", "\u3000")


def ends_sentence(text: str) -> bool:
    stripped = text.rstrip(CLOSERS + " ")
    return bool(stripped) and stripped[-1] in SENTENCE_END


@dataclass(frozen=True)
class Line:
    text: str  # content without leading and trailing white space
    width: int
    indent: bool  # full-width space or two or more spaces before the text
    blank_before: bool  # one or more blank lines stand before it


@dataclass(frozen=True)
class Reflowed:
    """A document's structure. ``paragraphs`` are the body, in order."""

    kicker: str
    headline: str
    subtitle: str
    paragraphs: tuple[str, ...]
    wrapped: bool  # whether the body was hard-wrapped
    width: int  # the wrap width in columns (0 if not wrapped)


def _lines(text: str) -> list[Line]:
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\ufeff", "")
    text = text.replace("\u2028", "\n").replace("\u2029", "\n").replace("\f", "\n")
    lines: list[Line] = []
    blank = False
    for raw in text.split("\n"):
        content = raw.strip(" \t\u3000\u00a0\v")
        if not content:
            blank = True
            continue
        lead = raw[: len(raw) - len(raw.lstrip(" \t\u3000\u00a0"))]
        indent = "\u3000" in lead or len(lead.expandtabs(4)) >= 2
        lines.append(Line(content, display_width(content), indent, blank and bool(lines)))
        blank = False
    return lines


def _title_block(lines: list[Line], width: int, dateline) -> int:
    """How many leading lines form the title (0 to 3).

    A title line has no sentence punctuation, is not a dateline and does not
    look like a line of a hard-wrapped paragraph: neither a full line that
    runs on into the next one nor a first line whose indent was lost (as wide
    as that, and followed by a full line).
    """
    count = 0
    for i, line in enumerate(lines[:3]):
        if BODY_PUNCT.search(line.text) or dateline(line.text) or ends_sentence(line.text):
            break
        if len(line.text) > 40:
            break
        following = lines[i + 1] if i + 1 < len(lines) else None
        if width and following is not None and not following.indent:
            if width - 1 <= line.width <= width + 2 and not dateline(following.text) and _runs_on(following, width):
                break  # a full line that ends mid-sentence: the text goes on in the next line
            if width - 5 <= line.width <= width - 2 and following.width >= width - 1:
                break  # a first line whose indent was lost, followed by a full line
        count += 1
    if count and count == len(lines):
        count -= 1  # a text of title-like lines only: keep the last as body
    return count


def _runs_on(following: Line, width: int) -> bool:
    """Whether a line continues the sentence of the full line before it: it is a
    full line itself (not wider), or a punctuation mark comes within its first
    three characters (悉，今年一季度…: the rest of a word cut at the line end).
    A headline after a full-width kicker is neither."""
    punct = BODY_PUNCT.search(following.text)
    full = width - 1 <= following.width <= width + 2
    return full or bool(punct and punct.start() < 3) or ends_sentence(following.text[:4])


def _wrap_width(lines: list[Line]) -> int:
    """The wrap width in columns, or 0 when the lines are not hard-wrapped.

    Hard-wrapped text has many lines of (nearly) one width, first lines two
    characters shorter, few lines wider, and many lines that end in the
    middle of a sentence.
    """
    if len(lines) < 3:
        return 0
    widths = [line.width for line in lines]
    counts = Counter(widths)
    ordered = sorted(widths)
    best, best_count = 0, 0
    for width in sorted(counts):
        near = bisect_right(ordered, width + 2) - bisect_left(ordered, width - 4)  # lines of a width in [-4, +2]
        if near >= best_count:
            best, best_count = width, near
    if best < 8 or best_count < max(2, 0.4 * len(lines)):
        return 0
    if sum(1 for w in widths if w > best + 6) > 0.1 * len(lines):
        return 0
    if sum(1 for line in lines if not ends_sentence(line.text)) < 0.3 * len(lines):
        return 0
    # The full line is the most common exact width of that cluster (first
    # lines, two characters shorter, and lines with a hanging punctuation
    # mark fall in the cluster too).
    return max((c, w) for w, c in counts.items() if best - 2 <= w <= best + 2)[1]


def _paragraph_breaks(lines: list[Line], width: int, heading_line) -> list[bool]:
    """For each line, whether a new paragraph starts at it."""
    n = len(lines)
    if not width:
        return [True] * n
    starts = [True] + [False] * (n - 1)
    with_blank = sum(1 for line in lines[1:] if line.blank_before)
    blanks_separate = 0 < with_blank < 0.75 * (n - 1)
    full = width - 1  # a line at least this wide is a full line
    short = width - 3  # a line at most this wide is visibly short
    first_hi = width - 2  # a first line whose indent was lost is at most this wide
    for i in range(1, n):
        prev, line = lines[i - 1], lines[i]
        nxt = lines[i + 1] if i + 1 < n else None
        if (blanks_separate and line.blank_before) or line.indent:
            starts[i] = True
        elif starts[i - 1] and prev.width <= short and heading_line(prev.text):
            starts[i] = True  # a heading line of its own (一、2024年工作回顾): the paragraph starts after it
        elif not ends_sentence(prev.text):
            starts[i] = False
        elif prev.width <= short:
            # a last line, unless it is a first line whose sentence happens
            # to end at the end of the line and the paragraph runs on
            run_on = starts[i - 1] and prev.width >= width - 8 and line.width >= full
            starts[i] = not run_on
        elif line.width <= first_hi and not ends_sentence(line.text):
            starts[i] = True  # a first line that runs on
        elif line.width <= first_hi and nxt is not None and nxt.width >= full:
            starts[i] = True  # a short line followed by a full one opens a paragraph
    return starts


def _join(parts: list[str]) -> str:
    out = ""
    for part in parts:
        if out and out[-1].isascii() and out[-1].isalpha() and part[0].isascii() and part[0].isalpha():
            out += " "
        out += part
    return normalize_spaces(out)


def _no(text: str) -> bool:
    return False


def reflow(text: str, heading_line=_no, dateline=_no) -> Reflowed:
    """Rebuild title lines and paragraphs from a document's text.

    ``heading_line(text)`` says whether a line is a heading of its own
    (:func:`studyboard.ingest.structure.heading_line`): in hard-wrapped text
    such a line ends where it ends, though it has no sentence punctuation.
    ``dateline(text)`` says whether a line opens with a news dateline
    (新华社武汉5月8日电, the pattern of ``data/lexicon/structure.toml``): such a
    line is body text, never a title.
    """
    lines = _lines(text)
    title_count = _title_block(lines, _wrap_width(lines), dateline)
    titles = [normalize_spaces(line.text, title=True) for line in lines[:title_count]]
    body = lines[title_count:]
    width = _wrap_width(body)
    if width:
        body = [line for line in body if not PAGE_NUMBER.match(line.text)]
    starts = _paragraph_breaks(body, width, heading_line)
    paragraphs: list[list[str]] = []
    for line, start in zip(body, starts):
        if start or not paragraphs:
            paragraphs.append([])
        paragraphs[-1].append(line.text)
    kicker, headline, subtitle = "", "", ""
    if len(titles) == 1:
        headline = titles[0]
    elif len(titles) == 2:
        if titles[1].startswith(("——", "—", "－－")):
            headline, subtitle = titles
        else:
            kicker, headline = titles
    elif len(titles) == 3:
        kicker, headline, subtitle = titles
    return Reflowed(
        kicker=kicker,
        headline=headline,
        subtitle=subtitle,
        paragraphs=tuple(p for p in (_join(parts) for parts in paragraphs) if p),
        wrapped=bool(width),
        width=width,
    )
