"""A document's structure: its title block and its headings.

After :func:`~studyboard.ingest.reflow.reflow` has rebuilt the lines and
paragraphs, :func:`parse` reads

* the **title block** at the top: title (with a kicker above it in news
  reports), subtitle (a line opening with ——), a date line in full-width
  parentheses (（2025年6月12日）), a byline (省长  王某某), the salutation
  (同志们：), a source line (来源：…), an author line (作者：…) and an editor's
  note (编者按：…). None of these are body paragraphs; each is kept in its
  field. A news report keeps its dateline (新华社长沙3月20日电) in the first
  paragraph, as before.
* the **headings** of the body: the numbering levels of GB/T 9704-2012
  (一、 → （一） → 1. → （1）), 第X部分, 第X章, 第X节 and 第X条, and unnumbered
  heading lines (short, without sentence punctuation, between paragraphs). A
  heading line is not a body paragraph; a run-in heading (（一）着力扩大有效需求。
  实施……) is a heading and a body paragraph. Numbers must follow each other
  under their parent, so that an item of a list in a sentence is not taken
  for a heading.

The markers are data (``data/lexicon/structure.toml``); this module holds no
genre's words.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from studyboard.errors import LexiconError
from studyboard.ingest.dates import cn_number, find_date
from studyboard.ingest.reflow import BODY_PUNCT, Reflowed, ends_sentence, normalize_spaces, reflow

MARKERS_FILE = "structure.toml"
#: Heading lines longer than this are taken for body text.
MAX_HEADING_CHARS = 60
#: A run-in heading's sentence is at most this long (（一）着力扩大有效需求。…).
MAX_RUN_IN_CHARS = 50
_SENTENCE_END = re.compile(r"[。！？!?]")
_DATE_LINE = re.compile(r"^[（(](?P<inner>[^（）()]*?(?:\d{4}|[〇○零一二三四五六七八九]{4})\s*年[^（）()]*?日[^（）()]*)[）)]$")


@dataclass(frozen=True)
class HeadingRule:
    kind: str
    pattern: re.Pattern
    numerals: str  # "chinese" or "arabic"
    parents: tuple[str, ...]
    titled: bool
    continuous: bool


@dataclass(frozen=True)
class Markers:
    salutations: tuple[str, ...]
    source_labels: tuple[str, ...]
    author_labels: tuple[str, ...]
    note_labels: tuple[str, ...]
    subtitle_dashes: tuple[str, ...]
    roles: tuple[str, ...]
    name: re.Pattern
    most_lines: int
    headings: tuple[HeadingRule, ...]
    unnumbered_chars: int
    dateline: re.Pattern | None = None


@dataclass(frozen=True)
class Heading:
    """One heading of the body, in document order."""

    kind: str  # section, subsection, item, subitem, part, chapter, division, article, unnumbered
    level: int  # 1 for the outermost kind in the document, then 2, 3 …
    number: str  # the numeral as written (一, 1); 第一条 for an article; "" when unnumbered
    value: int  # the number (0 when unnumbered)
    title: str  # without number and separator; a run-in heading's sentence without its 。; "" for articles
    run_in: bool  # the heading opens a body paragraph
    paragraph: int  # the body paragraph it opens or stands before (1-based)
    parent: int  # index of its parent in the headings (-1 for none)


@dataclass(frozen=True)
class Structure(Reflowed):
    """Reflowed text with its title block and headings; ``paragraphs`` are the body only."""

    title: str = ""
    date: str = ""  # ISO, from the date line or the subtitle
    date_line: str = ""  # the date line as written, without its parentheses
    speaker: str = ""  # the byline's person
    speaker_role: str = ""
    salutation: str = ""
    source: str = ""
    author: str = ""
    editor_note: str = ""
    headings: tuple[Heading, ...] = field(default=())


# --- the markers file -------------------------------------------------------------


def read_markers(path: Path) -> Markers:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise LexiconError("toml", file=path.name, detail=str(exc)) from exc
    block = data.get("title_block", {})
    rules = []
    try:
        for rule in data.get("heading", []):
            rules.append(HeadingRule(
                kind=str(rule["kind"]), pattern=re.compile(rule["pattern"]), numerals=str(rule.get("numerals", "chinese")),
                parents=tuple(rule.get("parent", [])), titled=bool(rule.get("titled", True)),
                continuous=bool(rule.get("continuous", False))))
        return Markers(
            salutations=tuple(block.get("salutations", [])), source_labels=tuple(block.get("source_labels", [])),
            author_labels=tuple(block.get("author_labels", [])), note_labels=tuple(block.get("note_labels", [])),
            subtitle_dashes=tuple(block.get("subtitle_dashes", [])), roles=tuple(block.get("roles", [])),
            name=re.compile(str(block.get("name", r"[\u4e00-\u9fff]{2,4}"))), most_lines=int(block.get("most_lines", 8)),
            headings=tuple(rules), unnumbered_chars=int(data.get("unnumbered", {}).get("max_chars", 30)),
            dateline=re.compile(block["dateline"]) if block.get("dateline") else None)
    except (KeyError, TypeError, ValueError, re.error) as exc:
        raise LexiconError("toml", file=path.name, detail=str(exc)) from exc


@lru_cache(maxsize=8)
def _markers_cached(path: str, mtime_ns: int) -> Markers:
    return read_markers(Path(path))


def markers(directory: Path) -> Markers | None:
    """The markers of ``directory``/structure.toml (None without the file: no title block or headings found)."""
    path = Path(directory) / MARKERS_FILE
    try:
        return _markers_cached(str(path), path.stat().st_mtime_ns)
    except FileNotFoundError:
        return None


# --- the title block ----------------------------------------------------------------


def _labelled(text: str, labels: tuple[str, ...]) -> str | None:
    for label in labels:
        match = re.match(rf"^{re.escape(label)}\s*[：:]\s*(.+)$", text, re.S)
        if match:
            return match.group(1).strip()
    return None


def _byline(text: str, m: Markers) -> tuple[str, str] | None:
    """(name, role) of a byline line (省长  王某某, 王某某), else None."""
    if len(text) > 24 or BODY_PUNCT.search(text) or ends_sentence(text):
        return None
    parts = text.replace("\u3000", " ").split()
    if len(parts) == 2 and parts[0] in m.roles and m.name.fullmatch(parts[1]):
        return parts[1], parts[0]
    if len(parts) != 1:
        return None
    for role in sorted(m.roles, key=len, reverse=True):  # 省长王某某: the spaces were taken out
        if parts[0].startswith(role) and m.name.fullmatch(parts[0][len(role):]):
            return parts[0][len(role):], role
    if m.name.fullmatch(parts[0]) and len(parts[0]) <= 4:
        return parts[0], ""
    return None


def _title_like(text: str) -> bool:
    return len(text) <= 60 and not BODY_PUNCT.search(text) and not ends_sentence(text)


def _title_block(units: list[str], title_count: int, m: Markers) -> tuple[dict, int]:
    """The title block's fields and how many units it takes."""
    found: dict[str, str] = {}
    titles: list[str] = []
    i = 0
    while i < min(len(units), m.most_lines):
        text = units[i]
        if any(text.startswith(d) for d in m.subtitle_dashes) and "subtitle" not in found and (titles or i):
            found["subtitle"] = text
            found.setdefault("date", find_date(text))
        elif (date_line := _DATE_LINE.match(text)) and "date_line" not in found:
            found["date_line"] = date_line.group("inner").strip()
            found["date"] = find_date(text) or found.get("date", "")
        elif text.rstrip("：:") in m.salutations and text[-1:] in "：:" and "salutation" not in found:
            found["salutation"] = text.rstrip("：:")
        elif (value := _labelled(text, m.source_labels)) is not None and "source" not in found and len(text) <= 60:
            found["source"] = value
        elif (value := _labelled(text, m.author_labels)) is not None and "author" not in found and len(text) <= 40:
            found["author"] = value
        elif (value := _labelled(text, m.note_labels)) is not None and "editor_note" not in found:
            found["editor_note"] = value
        elif titles and (person := _byline(text, m)) and "speaker" not in found:
            found["speaker"], found["speaker_role"] = person
        elif not found and _title_like(text) and (i < title_count or not titles) and not _heading_start(text, m):
            titles.append(text)
        else:
            break
        i += 1
    if not found:  # no marker: the title lines are those reflow found (kicker and headline of a news report)
        return {}, title_count
    found["titles"] = titles
    return found, i


def _heading_start(text: str, m: Markers) -> bool:
    return any(rule.pattern.match(text) for rule in m.headings)


# --- headings -----------------------------------------------------------------------


def _value(number: str, numerals: str) -> int:
    return int(number) if numerals == "arabic" else cn_number(number)


def _split_run_in(rest: str) -> tuple[str, bool] | None:
    """(title, run_in) of the text after a heading's number, or None when it is no heading."""
    if not rest:
        return None
    end = _SENTENCE_END.search(rest)
    if end is None:
        if len(rest) <= MAX_HEADING_CHARS and not rest.rstrip().endswith(("，", "；", "：", ",", ";", ":")):
            return rest.strip(), False
        return None
    if end.start() <= MAX_RUN_IN_CHARS and end.end() < len(rest):
        title = rest[: end.start()].strip()
        if title and "，" not in title[:1]:
            return title, True
        return None
    if end.end() == len(rest) and len(rest) <= MAX_HEADING_CHARS:
        return rest[: end.start()].strip(), False  # a heading line ending in 。 (rare)
    return None


def _headings(units: list[str], m: Markers) -> tuple[list[Heading], list[str]]:
    """Headings and the body paragraphs (heading lines removed)."""
    headings: list[Heading] = []
    body: list[str] = []
    stack: list[int] = []  # indices of open headings, outermost first
    last: dict[tuple[str, int], int] = {}  # (kind, parent index) -> last number
    for position, text in enumerate(units):
        accepted = None
        for rule in m.headings:
            match = rule.pattern.match(text)
            if not match:
                continue
            if rule.numerals == "arabic" and match.group("rest")[:1].isdigit():
                continue  # 1.5万亿元: a decimal number, not item 1
            value = _value(match.group("number"), rule.numerals)
            parent = next((h for h in reversed(stack) if headings[h].kind in rule.parents), -1)
            # a heading cannot stand under a deeper heading of a kind that is no parent of it
            key = (rule.kind, -2 if rule.continuous else parent)
            if value != last.get(key, 0) + 1:
                continue
            if rule.titled:
                split = _split_run_in(match.group("rest"))
                if split is None:
                    continue
                title, run_in = split
            else:
                title, run_in = "", True
            accepted = (rule, match, value, parent, key, title, run_in)
            break
        if accepted is None and body and _unnumbered(text, units, position, m):
            parent = -1
            heading = Heading("unnumbered", 1, "", 0, text.strip(), False, len(body) + 1, parent)
            stack = [len(headings)]
            headings.append(heading)
            continue
        if accepted is None:
            body.append(text)
            continue
        rule, match, value, parent, key, title, run_in = accepted
        last[key] = value
        while stack and stack[-1] != parent:
            stack.pop()
        level = headings[parent].level + 1 if parent >= 0 else 1
        marker = re.sub(r"[\s\u3000]+$", "", match.group(0)[: match.start("rest")])
        number = match.group("number") if rule.titled else marker
        if run_in:
            body.append(text)
        headings.append(Heading(rule.kind, level, number, value, title, run_in,
                                len(body) if run_in else len(body) + 1, parent))
        stack.append(len(headings) - 1)
    return headings, body


def _unnumbered(text: str, units: list[str], position: int, m: Markers) -> bool:
    """A short line without sentence punctuation between two body paragraphs."""
    if len(text) > m.unnumbered_chars or BODY_PUNCT.search(text) or ends_sentence(text):
        return False
    if position + 1 >= len(units):
        return False
    following = units[position + 1]
    return len(following) > m.unnumbered_chars and ends_sentence(following)


# --- all of it --------------------------------------------------------------------


_CLAUSE_PUNCT = re.compile(r"[，。；！？,;!?]")


def heading_line(text: str, m: Markers) -> bool:
    """Whether a line is a numbered heading standing on its own (一、2024年工作回顾, 第一章　总则)."""
    text = normalize_spaces(text)
    if _CLAUSE_PUNCT.search(text) or len(text) > MAX_HEADING_CHARS:
        return False
    return any((match := rule.pattern.match(text)) and match.group("rest") for rule in m.headings)


def read(text: str, found_markers: Markers | None) -> Structure:
    """Reflow a document's text and find its structure (:func:`parse`)."""
    if found_markers is None:
        return parse(reflow(text), None)
    m = found_markers
    dateline = (lambda line: bool(m.dateline.match(line))) if m.dateline else (lambda line: False)
    return parse(reflow(text, lambda line: heading_line(line, m), dateline), m)


def parse(reflowed: Reflowed, found_markers: Markers | None) -> Structure:
    """The structure of a reflowed text (no title block or headings without markers)."""
    plain = dict(kicker=reflowed.kicker, headline=reflowed.headline, subtitle=reflowed.subtitle,
                 paragraphs=reflowed.paragraphs, wrapped=reflowed.wrapped, width=reflowed.width)
    if found_markers is None:
        return Structure(**plain, title=reflowed.headline)
    m = found_markers
    title_lines = [t for t in (reflowed.kicker, reflowed.headline, reflowed.subtitle) if t]
    units = title_lines + list(reflowed.paragraphs)
    block, used = _title_block(units, len(title_lines), m)
    if block:
        titles = block.pop("titles")
        kicker, headline = (titles[0], titles[1]) if len(titles) >= 2 else ("", titles[0] if titles else "")
        fields = dict(kicker=kicker, headline=headline, subtitle=block.get("subtitle", ""))
        extra = {k: v for k, v in block.items() if k != "subtitle"}
    else:
        fields = dict(kicker=reflowed.kicker, headline=reflowed.headline, subtitle=reflowed.subtitle)
        extra = {}
    headings, body = _headings(units[used:], m)
    if not body:  # nothing but title-like lines: keep the text as it was
        return Structure(**plain, title=reflowed.headline)
    return Structure(**fields, paragraphs=tuple(body), wrapped=reflowed.wrapped, width=reflowed.width,
                     title=fields["headline"], headings=tuple(headings), **extra)
