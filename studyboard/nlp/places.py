"""Place mentions from the gazetteer.

Kinds of mention:

* ``province``: a province's full name, short name or one-character
  abbreviation (湖南省, 湖南, 湘);
* ``city``: a prefecture-level city, full or short name (长沙市, 长沙);
* ``official``: a place name with an official's title or a government body
  (山西省委书记, 长沙市长), counted for that place;
* ``region``: a regional grouping (长江中游城市群), linked to its member
  provinces; a separate "related" layer, never a direct mention.

A name counts only where it does not cut through a word: both ends of the
match must fall on token boundaries (大同 in 大同小异 is no mention). At each
position the longest such name wins, and mentions never overlap, so
湖南省长沙市 is 湖南省 and 长沙市, not 湖南省长 and 沙市.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from studyboard.lexicon import Lexicon

#: Kinds of direct mention, and every kind a mention can have (region: the related layer).
DIRECT_KINDS = ("province", "city", "official")
MENTION_KINDS = DIRECT_KINDS + ("region",)


@dataclass(frozen=True)
class Place:
    """What a name in the gazetteer stands for."""

    kind: str  # province, city, official or region
    place: str  # the named entity: province or city short name, region name
    adcodes: tuple[str, ...]  # the provinces it counts for (member provinces for a region)
    city: str = ""  # the city's adcode for city mentions and city officials


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    surface: str
    place: Place


class Gazetteer:
    def __init__(self, lexicon: Lexicon) -> None:
        names: dict[str, Place] = {}
        by_short = {p.short: p.adcode for p in lexicon.provinces}
        for p in lexicon.provinces:
            here = Place("province", p.short, (p.adcode,))
            for name in (p.name, p.short, p.abbr):
                if name:
                    names.setdefault(name, here)
            for suffix in lexicon.titles.get("province", ()):
                names[p.short + suffix] = Place("official", p.short, (p.adcode,))
        for c in lexicon.cities:
            if c.province not in {p.adcode for p in lexicon.provinces}:
                continue
            here = Place("city", c.short, (c.province,), c.adcode)
            names.setdefault(c.name, here)
            names.setdefault(c.short, here)
            for suffix in lexicon.titles.get("city", ()):
                names.setdefault(c.short + suffix, Place("official", c.short, (c.province,), c.adcode))
        for r in lexicon.regions:
            members = tuple(by_short[m] for m in r.members if m in by_short)
            names[r.name] = Place("region", r.name, members)
        self.names = names
        self._by_first: dict[str, list[str]] = {}
        for name in sorted(names, key=len, reverse=True):
            self._by_first.setdefault(name[0], []).append(name)
        self._first_codes = np.array(sorted(ord(ch) for ch in self._by_first), dtype=np.uint32)

    def mentions(self, text: str, starts: np.ndarray, ends: np.ndarray) -> list[Mention]:
        """Mentions in ``text``; ``starts`` (ascending) and ``ends`` are its token boundaries."""
        if not len(starts):
            return []
        codepoints = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)
        candidates = starts[np.isin(codepoints[starts], self._first_codes)]
        end_set = set(ends.tolist())
        out: list[Mention] = []
        last_end = 0
        for start in candidates.tolist():
            if start < last_end:
                continue
            for name in self._by_first[text[start]]:
                end = start + len(name)
                if end in end_set and text.startswith(name, start):
                    out.append(Mention(start, end, name, self.names[name]))
                    last_end = end
                    break
        return out

    def find_place(self, text: str) -> list[Place]:
        """Places named in a short string (a document's ``place`` field).

        No tokens are needed: the longest names are taken first, left to
        right (湖南省长沙市 gives 湖南 and 长沙).
        """
        out = []
        pos = 0
        while pos < len(text):
            for name in self._by_first.get(text[pos], ()):
                place = self.names[name]
                if place.kind in ("province", "city") and text.startswith(name, pos) and len(name) > 1:
                    out.append(place)
                    pos += len(name)
                    break
            else:
                pos += 1
        return out


@lru_cache(maxsize=4)
def gazetteer_for(lexicon: Lexicon) -> Gazetteer:
    """One gazetteer per lexicon (it is read-only once made)."""
    return Gazetteer(lexicon)
