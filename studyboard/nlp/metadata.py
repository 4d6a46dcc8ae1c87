"""Metadata found in a document's text: title, date, place and source.

Read from the document's structure (:class:`~studyboard.ingest.reflow.Reflowed`):
the headline for the title, a dateline (新华社长沙3月20日电) or a written date
for the date, the dateline's place or a place from the gazetteer after 在, the
dateline's agency or a ``来源：`` line for the source. The user confirms them
before a document is stored.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date as Date

from studyboard.ingest.dates import MONTH_DAY, YEAR, find_date, iso
from studyboard.ingest.document import FIELD_LIMITS, META_FIELDS
from studyboard.ingest.reflow import Reflowed
from studyboard.ingest.segment import split_sentences
from studyboard.lexicon import Lexicon
from studyboard.nlp.places import Gazetteer

#: How many paragraphs from the start are searched for date, place and source.
LEAD_PARAGRAPHS = 3

#: A news dateline: agency (…社 or 本报), place, month and day, 电.
_DATELINE = re.compile(r"^\W{0,2}([\u4e00-\u9fff]{1,8}?社|本报)([\u4e00-\u9fff]{2,8}?)(\d{1,2})月(\d{1,2})日电")
_SOURCE_LINE = re.compile(r"(?:^|\n)\s*(?:来源|稿件来源|Source)\s*[:：]\s*([^\n|｜]{2,40})")
@dataclass(frozen=True)
class Guess:
    """Metadata read from the text, for the user to confirm."""

    title: str = ""
    date: str = ""
    place: str = ""
    source: str = ""
    year_guessed: bool = False  # the year was not written with the date

    def meta(self) -> dict[str, str]:
        return {name: getattr(self, name) for name in META_FIELDS}


def guess_meta(structure: Reflowed, lexicon: Lexicon, today: Date | None = None) -> Guess:
    """Title, date, place and source as the text states them (any may be empty).

    * title: the headline (else subtitle, kicker, or the first sentence);
    * date: a date with its year in the title lines or the first paragraphs
      (else the end of the text, where documents are signed); else a month
      and day from the dateline or lead with a year mentioned there, or
      today's year, marked ``year_guessed`` for the user to confirm;
    * place: the place of a dateline (新华社长沙3月20日电), else the first
      ``在`` followed by names from the gazetteer (在湖南省长沙市 -> 湖南省长沙市);
    * source: the agency of a dateline, or a ``来源：`` line.

    What the title block states (:class:`~studyboard.ingest.structure.Structure`:
    a date line, a —— subtitle with its date, a source line) comes first.
    """
    today = today or Date.today()
    paragraphs = list(structure.paragraphs)
    titles = [t for t in (structure.kicker, structure.headline, structure.subtitle) if t]
    lead = "\n".join(titles + paragraphs[:LEAD_PARAGRAPHS])
    tail = "\n".join(paragraphs[-2:]) if len(paragraphs) > LEAD_PARAGRAPHS else ""

    title = title_of(structure)

    dateline = _DATELINE.match(paragraphs[0]) if paragraphs else None
    date, year_guessed = getattr(structure, "date", "") or find_date(lead), False
    if not date:
        month_day = None
        if dateline:
            month_day = (int(dateline[3]), int(dateline[4]))
        else:
            match = MONTH_DAY.search(lead)
            if match:
                month_day = (int(match[1]), int(match[2]))
        if month_day:
            years = [int(y) for y in YEAR.findall(lead) if int(y) <= today.year]
            date = iso(max(years) if years else today.year, *month_day)
            year_guessed = bool(date)
    if not date and tail:
        date = find_date(tail)

    place = dateline[2] if dateline else place_in(lead, Gazetteer(lexicon))
    source = getattr(structure, "source", "") or (dateline[1] if dateline else "")
    if not source:
        match = _SOURCE_LINE.search(lead + "\n" + tail)
        source = match[1].strip() if match else ""
    return Guess(title=title[: FIELD_LIMITS["title"]], date=date, place=place[: FIELD_LIMITS["place"]],
                 source=source[: FIELD_LIMITS["source"]], year_guessed=year_guessed)


def title_of(structure: Reflowed) -> str:
    """A document's title as its text gives it: the headline, else the subtitle or
    kicker, else the first sentence (cut at 40 characters)."""
    title = structure.headline or structure.subtitle.lstrip("—－- ") or structure.kicker
    if not title and structure.paragraphs:
        first = split_sentences(structure.paragraphs[0])
        title = first[0].text if first else structure.paragraphs[0]
        title = title if len(title) <= 40 else title[:40] + "…"
    return title[: FIELD_LIMITS["title"]]


def place_in(text: str, gazetteer: Gazetteer) -> str:
    """The first place written after 在 with names from the gazetteer (在湖南省长沙市主持 -> 湖南省长沙市).

    Provinces and cities only, full or short names of two characters or more,
    longest first; a name that starts an official's title (湖南省委书记) does
    not count.
    """
    names = gazetteer.names
    places = {name for name, place in names.items() if place.kind in ("province", "city") and len(name) > 1}
    officials = [name for name, place in names.items() if place.kind == "official"]
    longest = max(map(len, places), default=0)
    for match in re.finditer("在", text):
        starts, pos = [], match.end()
        while True:
            found = next((text[pos:pos + n] for n in range(min(longest, len(text) - pos), 1, -1)
                          if text[pos:pos + n] in places), "")
            if not found:
                break
            starts.append(pos)
            pos += len(found)
        ends = starts[1:] + [pos]
        while starts and any(text.startswith(o, starts[-1]) and len(o) > ends[-1] - starts[-1] for o in officials):
            starts.pop()
            ends.pop()
        if starts:
            return text[match.end():ends[-1]]
    return ""
