"""Theme keyword matching.

A theme's keywords are matched in the text, longest first and without
overlaps within one theme (生态环境保护 is one hit, not also 生态); a keyword
inside one of the theme's ``exclude`` phrases is no hit (改革 in 发展改革委,
the name of a ministry). Each hit is a row of the dataset's ``theme_hits``
table (:mod:`studyboard.dataset.tables` scores sentences and paragraphs by hit
counts and by hits per 100 characters). The themes file is read and written
by :mod:`studyboard.lexicon`.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from studyboard.lexicon import Theme


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
