"""Generated variants of a document's text, for the reflow property tests.

The variants are made from the hand-checked paragraphs, the way other tools
would lay out the same report: hard-wrapped at another width (with the lost
first-line indent and punctuation hanging at line ends, as in the seed),
one paragraph per line (with or without a full-width indent), with CRLF line
ends, and encoded as GB18030, UTF-16 or UTF-8 with BOM.
"""

from __future__ import annotations

NO_LINE_START = "，。、；：！？”’）》」』…"


def wrap_paragraph(text: str, width: int, indent_lost: bool = True) -> list[str]:
    """Cut a paragraph into lines of ``width`` characters, like a PDF page."""
    lines: list[str] = []
    pos = 0
    capacity = width - 2 if indent_lost else width
    while pos < len(text):
        end = min(pos + capacity, len(text))
        # punctuation that may not start a line hangs at the end of this one
        while end < len(text) and text[end] in NO_LINE_START:
            end += 1
        lines.append(text[pos:end])
        pos = end
        capacity = width
    return lines


def hard_wrapped(titles: list[str], paragraphs: list[str], width: int,
                 blank_between: bool = True, newline: str = "\n") -> str:
    lines = list(titles)
    for para in paragraphs:
        lines.extend(wrap_paragraph(para, width))
    sep = newline * 2 if blank_between else newline
    return sep.join(lines) + newline


def one_per_line(titles: list[str], paragraphs: list[str], indent: str = "",
                 blank_between: bool = False, newline: str = "\n") -> str:
    lines = list(titles) + [indent + p for p in paragraphs]
    sep = newline * 2 if blank_between else newline
    return sep.join(lines) + newline
