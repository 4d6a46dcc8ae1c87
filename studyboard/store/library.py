"""The library: documents that users add, besides the shipped ones.

A document comes in as a file's bytes (:func:`prepare`) or pasted text
(:func:`prepare_text`) and becomes a :class:`Draft`: its text as read, how it
was read, the structure reflow finds, metadata guessed from the text
(:func:`guess_meta`), warnings, and a hash of the reflowed text that finds
duplicates. Bad input raises :class:`~studyboard.errors.InputError` before
anything is written. :func:`add` stores a draft with the metadata the user
confirmed; :func:`update` and :func:`delete` change it later.

Storage (see :mod:`studyboard.store.db`): the text in ``library/texts/<id>.txt``
(UTF-8, written atomically), the metadata in SQLite. The id is ``u_`` and 16
hex digits of the text's hash; no part of a file name or a URL ever becomes a
path. The listing (:func:`entries`, :func:`listing`) comes from SQLite and
parses nothing.

A library document is parsed with its metadata left blank and the metadata
from SQLite laid over the parsed tables (:func:`dataset_for`), so editing a
title does not parse the text again.
"""

from __future__ import annotations

import dataclasses
import hashlib
import re
import sqlite3
import sys
import threading
import unicodedata
from dataclasses import dataclass
from datetime import date as Date
from functools import lru_cache
from pathlib import Path

import pandas as pd

from studyboard.dataset import tables as datasets
from studyboard.dataset import documents
from studyboard.ingest import sources
from studyboard.store import db as store
from studyboard.dataset.documents import Entry
from studyboard.errors import InputError
from studyboard.lexicon import Lexicon
from studyboard.nlp.places import Gazetteer
from studyboard.ingest.reflow import Reflowed, ends_sentence, reflow
from studyboard.ingest.segment import split_sentences

#: Longest stretch of text without a sentence end that a document may hold.
#: Longer runs are not prose (a text with its punctuation stripped, a dump of
#: characters); the reader could only show them as one block.
MAX_SENTENCE_CHARS = 5000
#: A paragraph longer than this gets a warning (no line breaks in the text?).
LONG_PARAGRAPH_CHARS = 5000
#: Longest title, place and source accepted (characters).
FIELD_LIMITS = {"title": 200, "date": 10, "place": 100, "source": 100}
#: How many paragraphs from the start are searched for date, place and source.
LEAD_PARAGRAPHS = 3
ID_PREFIX = "u_"
KINDS = ("text", "docx", "pdf", "paste")

_FULL_DATE = re.compile(r"(?<!\d)(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
_ISO_DATE = re.compile(r"(?<!\d)(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)")
_CN_DATE = re.compile(r"([〇○零Ｏ一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日")
_MONTH_DAY = re.compile(r"(?<![\d年])(\d{1,2})\s*月\s*(\d{1,2})\s*日")
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})\s*年")
#: A news dateline: agency (…社 or 本报), place, month and day, 电.
_DATELINE = re.compile(r"^\W{0,2}([\u4e00-\u9fff]{1,8}?社|本报)([\u4e00-\u9fff]{2,8}?)(\d{1,2})月(\d{1,2})日电")
_SOURCE_LINE = re.compile(r"(?:^|\n)\s*(?:来源|稿件来源|Source)\s*[:：]\s*([^\n|｜]{2,40})")
_CN_DIGITS = {"〇": 0, "○": 0, "零": 0, "Ｏ": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5,
              "六": 6, "七": 7, "八": 8, "九": 9}
_DATE_FIELD = re.compile(r"^(\d{4})(?:[-/.年](\d{1,2})(?:[-/.月](\d{1,2})日?)?月?)?年?$")
_CONTROL = re.compile(r"[\x00-\x1f\x7f\u2028\u2029]+")


@dataclass(frozen=True)
class Notice:
    """Something the user should know about a text that is accepted anyway."""

    key: str  # an i18n key
    params: dict = dataclasses.field(default_factory=dict, hash=False, compare=False)


@dataclass(frozen=True)
class Guess:
    """Metadata read from the text, for the user to confirm."""

    title: str = ""
    date: str = ""
    place: str = ""
    source: str = ""
    year_guessed: bool = False  # the year was not written with the date

    def meta(self) -> dict[str, str]:
        return {name: getattr(self, name) for name in documents.META_FIELDS}


@dataclass(frozen=True)
class Draft:
    """A document read and checked, not yet stored."""

    text: str  # as read from the file (reflow runs again when it is parsed)
    sha256: str  # hash of the reflowed text: same text, same hash
    filename: str  # the original file name, sanitized ('' for pasted text)
    encoding: str
    kind: str  # text, docx, pdf or paste
    kicker: str
    headline: str
    paragraphs: int
    chars: int
    first_paragraph: str  # the start of the body, for a preview
    guess: Guess
    warnings: tuple[Notice, ...]
    duplicate_of: Entry | None  # a stored document with the same text

    @property
    def doc_id(self) -> str:
        return ID_PREFIX + self.sha256[:16]


# --- reading and checking ------------------------------------------------------


def prepare(data: bytes, filename: str, lexicon: Lexicon) -> Draft:
    """A draft from an uploaded file's bytes; raises InputError for bad input."""
    decoded = sources.read_bytes(data, filename)
    return _draft(decoded.text, sanitize_filename(filename), decoded.encoding, decoded.kind, lexicon)


def prepare_text(text: str, lexicon: Lexicon) -> Draft:
    """A draft from pasted text; raises InputError for bad input."""
    text = (text or "").replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    size = len(text.encode("utf-8"))
    limit = sources.max_bytes()
    if size > limit:
        raise InputError("too_large", size=sources.human_size(size), limit=sources.human_size(limit))
    sources.check_text(text)
    return _draft(text, "", "utf-8", "paste", lexicon)


def sanitize_filename(name: str) -> str:
    """A file name fit to show and store: no folders, no control characters, at most 120 characters."""
    name = unicodedata.normalize("NFC", str(name or ""))
    name = re.split(r"[\\/]", name)[-1]
    name = _CONTROL.sub("", name).strip().lstrip(".")
    if len(name) > 120:
        stem, dot, suffix = name.rpartition(".")
        name = (stem[: 120 - len(suffix) - 1] + "." + suffix) if dot and len(suffix) <= 10 else name[:120]
    return name


def text_hash(structure: Reflowed) -> str:
    """SHA-256 of a text as the board reads it (title lines and paragraphs).

    Line wrapping, blank lines, spaces next to Chinese and the file's
    encoding do not change it, so a PDF, a GB18030 file and a UTF-8 copy of
    one report have the same hash.
    """
    parts = [structure.kicker, structure.headline, structure.subtitle, *structure.paragraphs]
    return hashlib.sha256("\n".join(parts).encode("utf-8")).hexdigest()


def _draft(text: str, filename: str, encoding: str, kind: str, lexicon: Lexicon) -> Draft:
    structure = reflow(text)
    if not structure.paragraphs:
        raise InputError("blank")
    warnings = check_structure(structure)
    sha = text_hash(structure)
    first = structure.paragraphs[0]
    return Draft(
        text=text,
        sha256=sha,
        filename=filename,
        encoding=encoding,
        kind=kind,
        kicker=structure.kicker,
        headline=structure.headline,
        paragraphs=len(structure.paragraphs),
        chars=sum(len(p) for p in structure.paragraphs),
        first_paragraph=first if len(first) <= 300 else first[:300] + "…",
        guess=guess_meta(structure, lexicon),
        warnings=warnings,
        duplicate_of=find_duplicate(sha),
    )


def check_structure(structure: Reflowed) -> tuple[Notice, ...]:
    """Refuse a text with a run of more than MAX_SENTENCE_CHARS characters
    without a sentence end; warn about very long paragraphs and missing
    punctuation."""
    longest_sentence, longest_paragraph, punctuated = 0, 0, False
    for paragraph in structure.paragraphs:
        longest_paragraph = max(longest_paragraph, len(paragraph))
        for sentence in split_sentences(paragraph):
            longest_sentence = max(longest_sentence, len(sentence.text))
            punctuated = punctuated or ends_sentence(sentence.text)
    if longest_sentence > MAX_SENTENCE_CHARS:
        raise InputError("no_punctuation", longest=f"{longest_sentence:,}", limit=f"{MAX_SENTENCE_CHARS:,}")
    warnings = []
    if not punctuated:
        warnings.append(Notice("library.warn_no_punctuation"))
    if longest_paragraph > LONG_PARAGRAPH_CHARS:
        warnings.append(Notice("library.warn_long_paragraph", {"chars": f"{longest_paragraph:,}"}))
    return tuple(warnings)


# --- metadata from the text ----------------------------------------------------


def _cn_number(text: str) -> int:
    """一 .. 三十一 as a number (the day and month of a date in Chinese numerals)."""
    if "十" in text:
        tens, _, ones = text.partition("十")
        return (_CN_DIGITS.get(tens, 1) if tens else 1) * 10 + (_CN_DIGITS.get(ones, 0) if ones else 0)
    return _CN_DIGITS.get(text, 0)


def _iso(year: int, month: int, day: int) -> str:
    try:
        return Date(year, month, day).isoformat()
    except ValueError:
        return ""


def _find_date(text: str) -> str:
    """A date written out with its year (2024年3月20日, 2024-03-20, 二〇二四年三月二十日)."""
    candidates = []
    for match in _FULL_DATE.finditer(text):
        candidates.append((match.start(), _iso(int(match[1]), int(match[2]), int(match[3]))))
    for match in _ISO_DATE.finditer(text):
        candidates.append((match.start(), _iso(int(match[1]), int(match[2]), int(match[3]))))
    for match in _CN_DATE.finditer(text):
        year = int("".join(str(_CN_DIGITS[ch]) for ch in match[1]))
        candidates.append((match.start(), _iso(year, _cn_number(match[2]), _cn_number(match[3]))))
    found = [iso for _, iso in sorted(candidates) if iso]
    return found[0] if found else ""


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
    """
    today = today or Date.today()
    paragraphs = list(structure.paragraphs)
    titles = [t for t in (structure.kicker, structure.headline, structure.subtitle) if t]
    lead = "\n".join(titles + paragraphs[:LEAD_PARAGRAPHS])
    tail = "\n".join(paragraphs[-2:]) if len(paragraphs) > LEAD_PARAGRAPHS else ""

    title = title_of(structure)

    dateline = _DATELINE.match(paragraphs[0]) if paragraphs else None
    date, year_guessed = _find_date(lead), False
    if not date:
        month_day = None
        if dateline:
            month_day = (int(dateline[3]), int(dateline[4]))
        else:
            match = _MONTH_DAY.search(lead)
            if match:
                month_day = (int(match[1]), int(match[2]))
        if month_day:
            years = [int(y) for y in _YEAR.findall(lead) if int(y) <= today.year]
            date = _iso(max(years) if years else today.year, *month_day)
            year_guessed = bool(date)
    if not date and tail:
        date = _find_date(tail)

    place = dateline[2] if dateline else place_in(lead, Gazetteer(lexicon))
    source = dateline[1] if dateline else ""
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


def clean_meta(meta: dict) -> dict[str, str]:
    """Metadata fit to store: one line each, within FIELD_LIMITS, the date as YYYY[-MM[-DD]].

    Raises InputError for a date that is not a date and for fields too long.
    """
    out = {}
    for name in documents.META_FIELDS:
        value = _CONTROL.sub(" ", str(meta.get(name, "") or "")).strip()
        if name == "date":
            value = normalize_date(value)
        elif len(value) > FIELD_LIMITS[name]:
            raise InputError("field_too_long", value=value[:20], limit=FIELD_LIMITS[name])
        out[name] = value
    return out


def normalize_date(text: str) -> str:
    """'2024-3-20', '2024/03/20', '2024年3月20日' -> '2024-03-20'; also '2024-03' and '2024'; '' stays ''."""
    text = text.strip().replace(" ", "")
    if not text:
        return ""
    match = _DATE_FIELD.match(text)
    if not match:
        raise InputError("date", value=text[:20])
    year, month, day = match[1], match[2], match[3]
    try:
        Date(int(year), int(month or 1), int(day or 1))
    except ValueError as exc:
        raise InputError("date", value=text[:20]) from exc
    if not 1900 <= int(year) <= 2100:
        raise InputError("date", value=text[:20])
    return "-".join([year] + [f"{int(part):02d}" for part in (month, day) if part])


# --- storing -------------------------------------------------------------------


_LIBRARY_ID = re.compile(re.escape(ID_PREFIX) + r"[0-9a-f]{16}")


def text_path(doc_id: str, folder: Path | None = None) -> Path:
    """Where a library document's text lives (only for ids this module made);
    ``folder`` is the texts folder if known."""
    if not _LIBRARY_ID.fullmatch(doc_id):
        raise ValueError(f"not a library id: {doc_id!r}")
    return (folder or store.texts_dir()) / f"{doc_id}.txt"


def add(draft: Draft, meta: dict) -> Entry:
    """Store a draft with the metadata the user confirmed; returns its entry.

    Raises InputError for a duplicate (the same text is stored already, also
    by another session a moment ago) and for invalid metadata; then nothing
    is written.
    """
    meta = clean_meta(meta)
    meta["title"] = meta["title"] or draft.guess.title  # never an untitled document
    duplicate = find_duplicate(draft.sha256)
    if duplicate is not None:
        raise InputError("duplicate", title=duplicate.title or duplicate.id)
    doc_id = draft.doc_id
    path = text_path(doc_id)
    stamp = store.now()
    try:
        with store.connect(write=True) as con:  # the write lock also orders file writes and deletes
            existed = path.exists()
            store.atomic_write(path, draft.text.encode("utf-8"))
            try:
                con.execute(
                    "INSERT INTO documents (id, sha256, title, date, place, source, filename, encoding, kind,"
                    " chars, paragraphs, added, updated) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
                    (doc_id, draft.sha256, meta["title"], meta["date"], meta["place"], meta["source"],
                     draft.filename, draft.encoding, draft.kind, draft.chars, draft.paragraphs, stamp, stamp),
                )
            except BaseException:
                if not existed:
                    path.unlink(missing_ok=True)
                raise
    except sqlite3.IntegrityError as exc:
        found = find_duplicate(draft.sha256)
        raise InputError("duplicate", title=(found.title or found.id) if found else doc_id) from exc
    return get(doc_id)


def update(doc_id: str, meta: dict) -> Entry:
    """Change a library document's metadata; raises InputError if it is not in the library.

    An empty title becomes the title the text gives (its headline).
    """
    meta = clean_meta(meta)
    current = get(doc_id) if _LIBRARY_ID.fullmatch(str(doc_id)) else None
    if current is None:
        raise InputError("not_in_library", doc=str(doc_id)[:80])
    if not meta["title"]:
        try:
            meta["title"] = title_of(reflow(documents.read(current, check_size=False).text))
        except InputError:
            meta["title"] = current.title
    with store.connect(write=True) as con:
        changed = con.execute(
            "UPDATE documents SET title = ?, date = ?, place = ?, source = ?, updated = ? WHERE id = ?",
            (meta["title"], meta["date"], meta["place"], meta["source"], store.now(), doc_id),
        ).rowcount
    if not changed:
        raise InputError("not_in_library", doc=doc_id[:80])
    return get(doc_id)


def delete(doc_id: str) -> int:
    """Remove a library document, its text and its notes; returns how many notes went with it.

    Raises InputError if the id is not a library document (shipped
    documents are not deleted from the board).
    """
    with store.connect(write=True) as con:
        row = con.execute("SELECT id FROM documents WHERE id = ?", (doc_id,)).fetchone()
        if row is None:
            raise InputError("not_in_library", doc=str(doc_id)[:80])
        notes = con.execute("DELETE FROM notes WHERE doc_id = ?", (doc_id,)).rowcount
        con.execute("DELETE FROM documents WHERE id = ?", (doc_id,))
        text_path(doc_id).unlink(missing_ok=True)
    return notes


# --- listing -------------------------------------------------------------------


def _entry(row, folder: Path | None = None) -> Entry:
    return Entry(row["id"], text_path(row["id"], folder), title=row["title"], date=row["date"], place=row["place"],
                 source=row["source"], filename=row["filename"], encoding=row["encoding"], kind=row["kind"],
                 origin="library")


_COLUMNS = "id, sha256, title, date, place, source, filename, encoding, kind, chars, paragraphs, added, updated"
_entries_cache: dict[tuple, tuple[tuple, object]] = {}
_entries_lock = threading.Lock()


def _version() -> tuple | None:
    """Changes when any process writes to the database or a text file is added or removed."""
    version = store.version()
    if version is None:
        return None
    try:
        return version + (store.texts_dir().stat().st_mtime_ns,)
    except FileNotFoundError:
        return version + (0,)


def _cached(name: str, version: tuple, make):
    """``make()``, kept in memory for this library folder until ``version`` changes."""
    key = (name, version[0])
    with _entries_lock:
        cached = _entries_cache.get(key)
        if cached and cached[0] == version:
            return cached[1]
    value = make()
    with _entries_lock:
        _entries_cache[key] = (version, value)
    return value


def problem() -> InputError | None:
    """Why the library database cannot be used, or None when it can (or does not exist yet)."""
    try:
        store.read("SELECT COUNT(*) FROM documents")
    except InputError as exc:
        return exc
    return None


def entries() -> list[Entry]:
    """The library's documents whose text is present, by date (undated last), then title.

    One query, nothing parsed; kept in memory until any process writes to
    the database or a file of the texts folder is added or removed (every
    page run asks for the list, so with a thousand documents this matters).
    A database that cannot be read gives no documents (see :func:`problem`),
    so the shipped ones still open.
    """
    version = _version()
    if version is None:
        return []
    try:
        return list(_cached("entries", version, _entries))
    except InputError as exc:
        print(f"studyboard: {exc}", file=sys.stderr)
        return []


def _entries() -> list[Entry]:
    folder = store.texts_dir()
    rows = store.read(f"SELECT {_COLUMNS} FROM documents ORDER BY date = '', date, title, id")
    return [entry for entry in (_entry(row, folder) for row in rows) if entry.path.is_file()]


def get(doc_id: str) -> Entry | None:
    rows = store.read(f"SELECT {_COLUMNS} FROM documents WHERE id = ?", (doc_id,))
    return _entry(rows[0]) if rows else None


def _shipped_info(entry: Entry) -> tuple[str, int, int]:
    stat = entry.path.stat()
    return _shipped_info_cached(str(entry.path), stat.st_mtime_ns, stat.st_size)


@lru_cache(maxsize=256)
def _shipped_info_cached(path: str, mtime: int, size: int) -> tuple[str, int, int]:
    """(text hash, characters, paragraphs) of a shipped file; ('', 0, 0) if it cannot be read."""
    try:
        data = Path(path).read_bytes()
        decoded = sources.read_bytes(data, Path(path).name, limit=max(len(data), 1))
    except (InputError, OSError):
        return "", 0, 0
    structure = reflow(decoded.text)
    return text_hash(structure), sum(len(p) for p in structure.paragraphs), len(structure.paragraphs)


def _kind_of(name: str) -> str:
    suffix = Path(name).suffix.lower()
    return suffix[1:] if suffix in (".docx", ".pdf") else "text"


def find_duplicate(sha: str) -> Entry | None:
    """The shipped or library document whose text has this hash, if any."""
    for entry in documents.shipped():
        if _shipped_info(entry)[0] == sha:
            return entry
    rows = store.read(f"SELECT {_COLUMNS} FROM documents WHERE sha256 = ?", (sha,))
    return _entry(rows[0]) if rows else None


LISTING_COLUMNS = ["id", "title", "date", "place", "source", "origin", "kind", "filename", "chars",
                   "paragraphs", "notes", "added"]


def listing() -> pd.DataFrame:
    """Every document with its metadata and notes count, shipped first: one row each.

    Library rows come from SQLite (nothing is parsed); shipped rows from
    their metadata files and a reflow of their text (cached). The library's
    part is kept in memory until the database changes.
    """
    shipped_stamp = tuple(e.stamp() for e in documents.shipped())
    version = _version() or ("", 0)
    try:
        return _cached(("listing", shipped_stamp), version, _listing).copy()
    except InputError:
        return _listing(library=False)  # the shipped documents still (see problem())


def _listing(library: bool = True) -> pd.DataFrame:
    from studyboard.store import notes

    counts = notes.counts() if library else {}
    rows = []
    for entry in documents.shipped():
        _, chars, paragraphs = _shipped_info(entry)
        rows.append((entry.id, entry.title, entry.date, entry.place, entry.source, "shipped",
                     _kind_of(entry.path.name), entry.path.name, chars, paragraphs,
                     counts.get(entry.id, 0), ""))
    shipped_ids = {row[0] for row in rows}
    folder = store.texts_dir()
    for row in store.read(f"SELECT {_COLUMNS} FROM documents ORDER BY date = '', date, title, id") if library else ():
        if row["id"] in shipped_ids:
            continue
        origin = "library" if text_path(row["id"], folder).is_file() else "missing"
        rows.append((row["id"], row["title"], row["date"], row["place"], row["source"], origin, row["kind"],
                     row["filename"], row["chars"], row["paragraphs"], counts.get(row["id"], 0), row["added"]))
    frame = pd.DataFrame(rows, columns=LISTING_COLUMNS)
    return frame.astype({"chars": "int64", "paragraphs": "int64", "notes": "int64"})


def filter_listing(frame: pd.DataFrame, query: str) -> pd.DataFrame:
    """Rows whose title, date, place, source, file name or id contain ``query`` (any case)."""
    query = (query or "").strip().casefold()
    if not query:
        return frame
    columns = ["title", "date", "place", "source", "filename", "id"]
    text = frame[columns].astype(str).agg(" ".join, axis=1).str.casefold()
    return frame[text.str.contains(query, regex=False)]


def library_ids() -> list[str]:
    """Ids of the documents a user may edit or delete, in listing order."""
    return [row["id"] for row in store.read("SELECT id FROM documents ORDER BY date = '', date, title, id")]


# --- parsing -------------------------------------------------------------------


def dataset_for(entry: Entry, lexicon: Lexicon) -> datasets.Dataset:
    """The parsed dataset of any listed document (from the disk cache when parsed before).

    Library documents are parsed with blank metadata and their current
    metadata laid over the ``documents`` table, so that editing it costs no
    new parse.
    """
    doc = documents.read(entry, check_size=False)
    if entry.origin != "library":
        return datasets.load(doc, lexicon)
    bare = dataclasses.replace(doc, title="", date="", place="", source="")
    return with_meta(datasets.load(bare, lexicon), entry.title, entry.date, entry.place, entry.source)


def with_meta(ds: datasets.Dataset, title: str, date: str, place: str, source: str) -> datasets.Dataset:
    """The dataset with other metadata in its ``documents`` row (the title falls back to the headline)."""
    documents_table = ds.documents.copy()
    documents_table["title"] = title or documents_table["headline"].iloc[0]
    documents_table["date"] = date
    documents_table["place"] = place
    documents_table["source"] = source
    tables = {**ds.tables(), "documents": documents_table}
    provenance = dict(ds.provenance, metadata="library database", dataset_sha256=datasets.content_hash(tables))
    return datasets.Dataset(**tables, provenance=provenance)


def body_text(entry: Entry) -> str:
    """A document's body as the board reads it (paragraphs joined by line breaks), without parsing.

    Raises InputError if the file cannot be read.
    """
    return "\n".join(reflow(documents.read(entry, check_size=False).text).paragraphs)


def display_listing(frame: pd.DataFrame, lang: str, link_of=None) -> pd.DataFrame:
    """The listing as shown: origin and format in words, a link per document
    (``link_of(doc_id)``), columns named by i18n keys ``library.col_*``."""
    from studyboard.i18n import t

    shown = pd.DataFrame({
        "title": frame["title"].where(frame["title"] != "", frame["id"]),
        "date": frame["date"],
        "place": frame["place"],
        "source": frame["source"],
        "origin": [t(f"library.origin_{o}", lang) for o in frame["origin"]],
        "kind": [kind_label(k, lang) for k in frame["kind"]],
        "chars": frame["chars"],
        "paragraphs": frame["paragraphs"],
        "notes": frame["notes"],
        "open": [link_of(i) if link_of and o != "missing" else None for i, o in zip(frame["id"], frame["origin"])],
        "id": frame["id"],
    })
    return shown.reset_index(drop=True)


def kind_label(kind: str, lang: str) -> str:
    """A document format in words (text, Word, PDF, pasted)."""
    from studyboard.i18n import t

    return t(f"library.kind_{kind}", lang) if kind in KINDS else str(kind)


def missing(frame: pd.DataFrame) -> pd.DataFrame:
    """Listing rows of library documents whose text file is gone."""
    return frame[frame["origin"] == "missing"]
