"""The documents the board can open: shipped texts under ``data/texts`` and
the documents users add to the library (:mod:`studyboard.store.library`).

A shipped document is a text file (``.txt``; also ``.docx`` or ``.pdf``) with
an optional metadata file of the same name and the suffix ``.toml`` beside it
(title, date, place, source). Its id is the file name without suffix. Ids
come from the listings only (:func:`catalog`): a value from a URL is looked
up in them and never used as a path.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from studyboard import paths
from studyboard.ingest import sources
from studyboard.errors import InputError

DOC_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,80}$")
META_FIELDS = ("title", "date", "place", "source")


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


def shipped(folder: Path | None = None) -> list[Entry]:
    """Documents in ``data/texts`` (or ``folder``), sorted by file name."""
    folder = Path(folder or paths.TEXTS)
    entries = []
    for path in sorted(folder.iterdir()) if folder.is_dir() else []:
        if path.suffix.lower() not in sources.SUFFIXES or not path.is_file():
            continue
        if not DOC_ID.match(path.stem):
            continue
        entries.append(Entry(path.stem, path, **read_meta(path)))
    return entries


def read(entry: Entry, check_size: bool = True) -> Document:
    """Read a listed document; raises InputError for unreadable files.

    ``check_size=False`` skips the size limit: the board reads documents it
    already holds that way, so that lowering the limit keeps them readable.
    """
    try:
        data = entry.path.read_bytes()
    except FileNotFoundError as exc:
        raise InputError("not_found", name=entry.path.name) from exc
    decoded = sources.read_bytes(data, entry.path.name, limit=None if check_size else max(len(data), 1))
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


def catalog() -> list[Entry]:
    """Every document the board can open: shipped ones (by file name), then the
    library's (by date). A library id that a shipped file already uses is left out."""
    from studyboard.store import library

    entries = shipped()
    taken = {e.id for e in entries}
    return entries + [e for e in library.entries() if e.id not in taken]


def from_file(path: Path | str) -> Document:
    """A document from any file path (the command line); metadata beside it if present."""
    path = Path(path)
    doc_id = re.sub(r"[^A-Za-z0-9_.-]", "_", path.stem)[:80] or "document"
    return read(Entry(doc_id, path, **read_meta(path)))
