"""Escaping text for a Markdown file: only what Markdown would read as syntax where it stands.

The handout's Markdown is read as plain text and rendered (CommonMark with
GitHub's tables, strikethrough and ``$`` math), so a date stays ``2024-03-20``
and a word ``high-quality``; a character is escaped only where it would start
or end markup:

- anywhere: `` ` `` ``[`` ``]`` ``|`` ``$``; ``\\`` before punctuation or a line end;
  ``<`` that opens a tag or an autolink (before a letter, ``/``, ``!`` or ``?``);
  ``&`` that starts an entity (``&amp;``); ``*`` ``_`` ``~`` runs that can open or
  close emphasis or strikethrough (CommonMark's flanking rules, ``_`` not inside a word);
- at the start of a line: ``#`` of a heading, ``>``, a list marker (``-`` ``+`` ``*``
  before a blank, the ``.`` or ``)`` of ``1.``), a rule or underline (``---``, ``===``),
  a fence (``~~~``); ``#`` closing a heading line.

A value may stand at the start of a line or next to the template's own ``**``
or ``|``: at its two ends, where the neighbour is unknown, the character is
taken to be syntax. Line breaks become Markdown line breaks (two spaces and a
newline); blanks at the start of a line are dropped (Markdown drops them too,
and four would make code).
"""

from __future__ import annotations

import re
import unicodedata

_ASCII_PUNCTUATION = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")
_ALWAYS = frozenset("`[]|$")
_DELIMITERS = frozenset("*_~")
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6}|[A-Za-z][A-Za-z0-9]*);")
_LINES = re.compile(r"\r\n|\r|\n")
_RULE = re.compile(r"([-*_])(?:[ \t]*\1){2,}[ \t]*")  # a thematic break: --- or * * *
_UNDERLINE = re.compile(r"(?:=+|-+)[ \t]*")  # a setext heading's underline
_HEADING = re.compile(r"#{1,6}(?=[ \t]|$)")
_CLOSING = re.compile(r"(?:^|(?<=[ \t]))#+[ \t]*$")  # the closing #s of a heading line
_ORDERED = re.compile(r"[0-9]{1,9}[.)](?=[ \t]|$)")


def _blank(ch: str | None) -> bool:
    return ch is not None and (ch in " \t\n\r\f" or unicodedata.category(ch) == "Zs")


def _punctuation(ch: str | None) -> bool:
    return ch is not None and (ch in _ASCII_PUNCTUATION or unicodedata.category(ch)[0] in "PS")


def _delimiter_acts(ch: str, before: str | None, after: str | None) -> bool:
    """Whether a run of ``*``, ``_`` or ``~`` between ``before`` and ``after`` can open or close."""
    if before is None or after is None:
        return True
    left = not _blank(after) and (not _punctuation(after) or _blank(before) or _punctuation(before))
    right = not _blank(before) and (not _punctuation(before) or _blank(after) or _punctuation(after))
    if ch == "_":
        return (left and (not right or _punctuation(before))) or (right and (not left or _punctuation(after)))
    return left or right


def _line_start(line: str, offset: int, marks: set[int]) -> None:
    """Mark what a line's start (and end) would make a block: heading, quote, list, rule, fence."""
    if _RULE.fullmatch(line) or _UNDERLINE.fullmatch(line):
        marks.add(offset)
    elif line[0] in "-+*" and (len(line) == 1 or line[1] in " \t"):
        marks.add(offset)
    elif line[0] == ">" or line.startswith("~~~") or _HEADING.match(line):
        marks.add(offset)
    elif ordered := _ORDERED.match(line):
        marks.add(offset + ordered.end() - 1)
    if closing := _CLOSING.search(line):
        marks.add(offset + closing.start())


def escape(text: object) -> str:
    """``text`` for a Markdown file, shown as it is (see the module's description)."""
    lines = [line.lstrip(" \t") for line in _LINES.split("" if text is None else str(text))]
    text = "\n".join(lines)
    marks: set[int] = set()
    offset = 0
    for line in lines:
        if line:
            _line_start(line, offset, marks)
        offset += len(line) + 1
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch in _DELIMITERS:
            end = i
            while end < n and text[end] == ch:
                end += 1
            if _delimiter_acts(ch, text[i - 1] if i else None, text[end] if end < n else None):
                marks.update(range(i, end))
            i = end
            continue
        after = text[i + 1] if i + 1 < n else None
        if (ch in _ALWAYS
                or ch == "\\" and (after is None or after == "\n" or after in _ASCII_PUNCTUATION)
                or ch == "<" and (after is None or after in "/!?" or after.isascii() and after.isalpha())
                or ch == "&" and (after is None or _ENTITY.match(text, i))):
            marks.add(i)
        i += 1
    escaped = "".join("\\" + ch if at in marks else ch for at, ch in enumerate(text))
    return escaped.replace("\n", "  \n")
