"""The library's storage: the documents users add, besides the shipped ones.

A library document's text lives in ``library/texts/<id>.txt`` (UTF-8, written
atomically), its metadata in the SQLite database (:mod:`studyboard.store.db`).
The id is ``u_`` and 16 hex digits of the text's hash; no part of a file name
or a URL ever becomes a path. The listing (:func:`entries`, :func:`rows`)
comes from SQLite and parses nothing.

Documents come in as drafts (:mod:`studyboard.ingest.intake`); the catalog
(:mod:`studyboard.dataset.catalog`) is what pages use: it checks for
duplicates among shipped documents too and opens datasets.
"""

from __future__ import annotations

import re
import sqlite3
import sys
import threading
from pathlib import Path

from studyboard.errors import InputError
from studyboard.ingest.document import Entry, clean_meta, read
from studyboard.ingest.intake import ID_PREFIX, Draft
from studyboard.nlp.metadata import title_of
from studyboard.store import db as store

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
    by another session a moment ago), for invalid metadata and for a library
    that cannot be written (full disk, read-only folder, damaged database:
    see :func:`studyboard.store.db.connect`); then nothing is written.
    """
    meta = clean_meta(meta)
    meta["title"] = meta["title"] or title_of(draft.structure)  # never an untitled document
    duplicate = by_sha(draft.sha256)
    if duplicate is not None:
        raise InputError("duplicate", title=duplicate.title or duplicate.id)
    doc_id = draft.doc_id
    path = text_path(doc_id)
    stamp = store.now()
    wrote = False
    try:
        with store.connect(write=True) as con:  # the write lock also orders file writes and deletes
            wrote = not path.exists()
            store.atomic_write(path, draft.text.encode("utf-8"))
            con.execute(
                "INSERT INTO documents (id, sha256, title, date, place, source, filename, encoding, kind,"
                " chars, paragraphs, added, updated) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (doc_id, draft.sha256, meta["title"], meta["date"], meta["place"], meta["source"],
                 draft.filename, draft.encoding, draft.kind, draft.chars, draft.paragraphs, stamp, stamp),
            )
    except BaseException as exc:
        if wrote:  # the transaction (insert or commit) failed: no text without its row
            try:
                path.unlink(missing_ok=True)
            except OSError:
                pass
        if isinstance(exc, sqlite3.IntegrityError):
            found = by_sha(draft.sha256)
            raise InputError("duplicate", title=(found.title or found.id) if found else doc_id) from exc
        raise
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
            meta["title"] = title_of(read(current, check_size=False).structure)
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


def version() -> tuple | None:
    """Changes when any process writes to the database or a text file is added or removed."""
    db_version = store.version()
    if db_version is None:
        return None
    try:
        return db_version + (store.texts_dir().stat().st_mtime_ns,)
    except FileNotFoundError:
        return db_version + (0,)


def cached(name: str, version: tuple, make):
    """``make()``, kept in memory for this library folder until ``version`` changes."""
    key = (name, version[0])
    with _entries_lock:
        hit = _entries_cache.get(key)
        if hit and hit[0] == version:
            return hit[1]
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
    stamp = version()
    if stamp is None:
        return []
    try:
        return list(cached("entries", stamp, _entries))
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


def by_sha(sha: str) -> Entry | None:
    """The library document whose text has this hash, if any."""
    rows = store.read(f"SELECT {_COLUMNS} FROM documents WHERE sha256 = ?", (sha,))
    return _entry(rows[0]) if rows else None


def rows() -> list:
    """Every stored row (also those whose text file is gone), by date (undated last), then title."""
    return store.read(f"SELECT {_COLUMNS} FROM documents ORDER BY date = '', date, title, id")
