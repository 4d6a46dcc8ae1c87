"""A document as the board reads it: its text, its metadata and its structure.

:class:`Entry` says where a document's file is and what metadata the board
holds for it (shipped documents: a ``.toml`` beside the file; library
documents: the database). :func:`read` turns an entry into a
:class:`Document`: the file decoded (:mod:`studyboard.ingest.sources`), and
the text's structure — title block, headings and body paragraphs — found
once (:func:`studyboard.ingest.structure.read`) when first asked for. Every later
step (hashing, metadata guessing, the dataset) reads that one structure.

:func:`clean_meta` checks metadata typed by a user.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from datetime import date as Date
from functools import cached_property
from pathlib import Path

from studyboard.errors import InputError
from studyboard.ingest import sources
from studyboard import paths
from studyboard.ingest import structure as structure_module
from studyboard.ingest.structure import Structure

DOC_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,80}$")
META_FIELDS = ("title", "date", "place", "source")
#: Longest title, place and source accepted (characters).
FIELD_LIMITS = {"title": 200, "date": 10, "place": 100, "source": 100}
#: How a document came in.
FORMATS = ("text", "docx", "pdf", "paste")

_DATE_FIELD = re.compile(r"^(\d{4})(?:[-/.年](\d{1,2})(?:[-/.月](\d{1,2})日?)?月?)?年?$")
_CONTROL = re.compile(r"[\x00-\x1f\x7f\u2028\u2029]+")


@dataclass(frozen=True)
class Document:
    """A document's text and metadata, ready to be parsed."""

    id: str
    text: str
    title: str = ""
    date: str = ""
    place: str = ""
    source: str = ""
    filename: str = ""
    encoding: str = "utf-8"
    kind: str = "text"
    extra: dict = field(default_factory=dict, hash=False, compare=False)

    def meta(self) -> dict[str, str]:
        return {name: getattr(self, name) for name in META_FIELDS}

    @cached_property
    def structure(self) -> Structure:
        """Title block, headings and body paragraphs: the text reflowed and read
        once per document, with the markers of the lexicon in use."""
        return structure_module.read(self.text, structure_module.markers(paths.lexicon_dir()))

    @property
    def paragraphs(self) -> tuple[str, ...]:
        return tuple(self.structure.paragraphs)

    @property
    def body(self) -> str:
        """The body as the board reads it: paragraphs joined by line breaks."""
        return "\n".join(self.structure.paragraphs)

@dataclass(frozen=True)
class Entry:
    """A document in a listing, not yet read."""

    id: str
    path: Path
    title: str = ""
    date: str = ""
    place: str = ""
    source: str = ""
    filename: str = ""  # the original file's name (library documents)
    encoding: str = ""  # how the original file was read (library documents)
    kind: str = ""  # text, docx, pdf or paste (library documents)
    origin: str = "shipped"  # "shipped" (data/texts) or "library" (added by a user)

    def stamp(self) -> str:
        """Changes when the file or the metadata changes (for caches)."""
        try:
            stat = self.path.stat()
            file = f"{stat.st_mtime_ns}:{stat.st_size}"
        except OSError:
            file = "missing"  # reading it will say so
        return "\x1f".join([file, self.title, self.date, self.place, self.source])


def read_meta(path: Path) -> dict[str, str]:
    """The metadata file beside a document (missing or broken: no metadata)."""
    meta_path = path.with_suffix(".toml")
    if not meta_path.is_file():
        return {}
    try:
        data = tomllib.loads(meta_path.read_text(encoding="utf-8-sig"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError, OSError):
        return {}
    return {name: str(data.get(name, "") or "") for name in META_FIELDS}


def read(entry: Entry, check_size: bool = True) -> Document:
    """Read a listed document; raises InputError for unreadable files.

    ``check_size=False`` skips the size and character limits: the board reads
    documents it already holds that way, so that lowering a limit keeps them
    readable. The text is normalised (:func:`sources.read_bytes`).
    """
    try:
        data = entry.path.read_bytes()
    except FileNotFoundError as exc:
        raise InputError("not_found", name=entry.path.name) from exc
    decoded = sources.read_bytes(data, entry.path.name, limit=None if check_size else max(len(data), 1),
                                 max_chars=sources.MAX_CHARS if check_size else None)
    return Document(
        id=entry.id,
        text=decoded.text,
        title=entry.title,
        date=entry.date,
        place=entry.place,
        source=entry.source,
        filename=entry.filename or entry.path.name,
        encoding=entry.encoding or decoded.encoding,
        kind=entry.kind or decoded.kind,
    )


def from_file(path: Path | str) -> Document:
    """A document from any file path (the command line); metadata beside it if present."""
    path = Path(path)
    doc_id = re.sub(r"[^A-Za-z0-9_.-]", "_", path.stem)[:80] or "document"
    return read(Entry(doc_id, path, **read_meta(path)))


def clean_meta(meta: dict) -> dict[str, str]:
    """Metadata fit to store: one line each, within FIELD_LIMITS, the date as YYYY[-MM[-DD]].

    Raises InputError for a date that is not a date and for fields too long.
    """
    out = {}
    for name in META_FIELDS:
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
