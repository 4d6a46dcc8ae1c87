"""The glossary of political terms (``data/lexicon/glossary.toml``).

Each entry has the term, its pinyin, one-line explanations in Chinese and
English and the official English renderings with their sources, newest
first. Where no official rendering exists the entry says so (``note``) and
may give a descriptive gloss (``gloss_en``) that is marked as such.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from . import paths



@dataclass(frozen=True)
class Rendering:
    en: str
    source: str
    date: str
    url: str = ""
    verified: bool = True


@dataclass(frozen=True)
class Entry:
    term: str
    pinyin: str
    explain_zh: str
    explain_en: str
    renderings: tuple[Rendering, ...]
    gloss_en: str = ""
    note: str = ""

    @property
    def english(self) -> str:
        """The newest official rendering, else the descriptive gloss, else ''."""
        if self.renderings:
            return self.renderings[0].en
        return self.gloss_en

    def explain(self, lang: str) -> str:
        return self.explain_en if lang == "en" else self.explain_zh


def _read(path: Path) -> tuple[Entry, ...]:
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    entries = []
    for item in data.get("term", []):
        renderings = tuple(
            Rendering(r["en"], r.get("source", ""), str(r.get("date", "")), r.get("url", ""),
                      bool(r.get("verified", True)))
            for r in item.get("rendering", [])
        )
        entries.append(Entry(item["term"], item.get("pinyin", ""), item.get("explain_zh", ""),
                             item.get("explain_en", ""), renderings, item.get("gloss_en", ""),
                             item.get("note", "")))
    return tuple(entries)


@lru_cache(maxsize=4)
def _cached(path: str, mtime_ns: int) -> tuple[Entry, ...]:
    return _read(Path(path))


def load(path: Path | None = None) -> tuple[Entry, ...]:
    """All glossary entries (re-read when the file changes)."""
    path = Path(path or paths.lexicon_dir() / "glossary.toml")
    return _cached(str(path), path.stat().st_mtime_ns)


def by_term(path: Path | None = None) -> dict[str, Entry]:
    return {entry.term: entry for entry in load(path)}
