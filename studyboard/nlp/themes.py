"""Theme scoring, and the theme lexicon's validated, atomic save.

A theme's keywords are matched in the text, longest first and without
overlaps within one theme (生态环境保护 is one hit, not also 生态); a keyword
inside one of the theme's ``exclude`` phrases is no hit (改革 in 发展改革委,
the name of a ministry). Each hit is a row of the dataset's ``theme_hits``
table; sentences and paragraphs are scored by hit counts and by hits per 100
characters.
"""

from __future__ import annotations

import os
import re
from bisect import bisect_right
import tempfile
import tomllib
from dataclasses import asdict
from pathlib import Path

from studyboard.errors import LexiconError
from studyboard.lexicon import Theme, parse_themes


class ThemeMatcher:
    """Finds the keyword hits of every theme in a text."""

    def __init__(self, themes: tuple[Theme, ...]) -> None:
        self._patterns = []
        for theme in themes:
            words = sorted(theme.keywords, key=len, reverse=True)
            exclude = re.compile("|".join(map(re.escape, theme.exclude))) if theme.exclude else None
            self._patterns.append((theme.id, re.compile("|".join(map(re.escape, words))), exclude))

    def hits(self, text: str) -> tuple[list[str], list[str], list[int], list[int]]:
        """Every hit as parallel lists: theme ids, keywords, starts, ends."""
        themes, keywords, starts, ends = [], [], [], []
        for theme_id, pattern, exclude in self._patterns:
            masked = _spans(exclude, text)
            for match in pattern.finditer(text):
                if masked and _inside(masked, match.start(), match.end()):
                    continue
                themes.append(theme_id)
                keywords.append(match.group())
                starts.append(match.start())
                ends.append(match.end())
        return themes, keywords, starts, ends


def _spans(pattern: re.Pattern | None, text: str) -> list[tuple[int, int]]:
    return [m.span() for m in pattern.finditer(text)] if pattern else []


def _inside(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether [start, end) overlaps one of the spans (sorted, not overlapping)."""
    i = bisect_right(spans, (start, float("inf"))) - 1
    return any(s < end and start < e for s, e in spans[max(i, 0): i + 2])


def density(hits: int, chars: int) -> float:
    """Hits per 100 characters."""
    return round(100.0 * hits / chars, 3) if chars else 0.0


# --- the lexicon file -------------------------------------------------------

_HEADER_END = "[[theme]]"


def header_comment(path: Path) -> str:
    """The comment block at the top of a themes file (kept on save)."""
    lines = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            lines.append(line)
        else:
            break
    return "\n".join(lines).rstrip() + "\n"


def _toml_string(value: str) -> str:
    escaped = value.replace("\\", "\\\\").replace('"', '\\"')
    escaped = "".join(ch if ch >= " " or ch == "\t" else f"\\u{ord(ch):04x}" for ch in escaped)
    return f'"{escaped}"'


def dumps_themes(themes: tuple[Theme, ...], header: str = "") -> str:
    """Themes as the TOML text of a themes file."""
    parts = [header.rstrip() + "\n"] if header.strip() else []
    for theme in themes:
        lines = [_HEADER_END]
        for name in ("id", "name_zh", "name_en", "desc_zh", "desc_en", "color"):
            lines.append(f"{name} = {_toml_string(getattr(theme, name))}")
        lines.append("keywords = [")
        row: list[str] = []
        for keyword in theme.keywords:
            row.append(_toml_string(keyword))
            if len(row) == 6:
                lines.append("  " + ", ".join(row) + ",")
                row = []
        if row:
            lines.append("  " + ", ".join(row) + ",")
        lines.append("]")
        if theme.exclude:
            lines.append("exclude = [" + ", ".join(_toml_string(p) for p in theme.exclude) + "]")
        parts.append("\n".join(lines) + "\n")
    return "\n".join(parts)


def save_themes(themes: tuple[Theme, ...], path: Path) -> None:
    """Validate themes and write them to ``path`` atomically.

    The text is validated by parsing it back before anything is written;
    it goes to a temporary file in the same folder that then replaces the old
    file in one step, so a failed save leaves the old file as it was.
    Raises LexiconError for invalid themes.
    """
    path = Path(path)
    header = header_comment(path) if path.exists() else ""
    text = dumps_themes(themes, header)
    parsed = parse_themes(tomllib.loads(text))
    if parsed != parse_themes({"theme": [asdict(theme) for theme in themes]}):
        raise LexiconError("toml", file=path.name, detail="round trip changed the themes")
    fd, tmp = tempfile.mkstemp(prefix=".themes-", suffix=".toml", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
