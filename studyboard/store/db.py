"""The library's storage: one SQLite database and atomically written files.

Everything users add lives in the library folder (:func:`paths.library_dir`,
``library/`` unless ``STUDYBOARD_LIBRARY`` moves it; git ignores it)::

    library/library.sqlite3   documents' metadata and the notes (WAL mode)
    library/texts/<id>.txt    each added document's text, UTF-8

The database uses the standard library's ``sqlite3`` in write-ahead-log mode
with a busy timeout, so that several sessions (browser tabs, server threads)
can read while one writes, and writers wait for each other instead of
failing. Every write is one short ``BEGIN IMMEDIATE`` transaction. Files are
written to a temporary file in the same folder and renamed into place, so a
reader never sees half a file.
"""

from __future__ import annotations

import os
import sqlite3
import tempfile
import threading
import time
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterator

from studyboard import paths
from studyboard.errors import InputError

DB_NAME = "library.sqlite3"
TEXTS = "texts"
#: Schema version (PRAGMA user_version); bump with a migration when it changes.
SCHEMA_VERSION = 1
#: How long a writer waits for another writer before giving up (seconds).
BUSY_TIMEOUT = 30

SCHEMA = """
CREATE TABLE IF NOT EXISTS documents (
    id          TEXT PRIMARY KEY,
    sha256      TEXT NOT NULL UNIQUE,
    title       TEXT NOT NULL DEFAULT '',
    date        TEXT NOT NULL DEFAULT '',
    place       TEXT NOT NULL DEFAULT '',
    source      TEXT NOT NULL DEFAULT '',
    filename    TEXT NOT NULL DEFAULT '',
    encoding    TEXT NOT NULL DEFAULT '',
    kind        TEXT NOT NULL DEFAULT 'text',
    chars       INTEGER NOT NULL DEFAULT 0,
    paragraphs  INTEGER NOT NULL DEFAULT 0,
    added       TEXT NOT NULL,
    updated     TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS notes (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    doc_id      TEXT NOT NULL,
    paragraph   INTEGER NOT NULL,
    text        TEXT NOT NULL,
    version     INTEGER NOT NULL DEFAULT 1,
    created     TEXT NOT NULL,
    updated     TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS notes_by_paragraph ON notes (doc_id, paragraph, id);
"""

_ready: set[str] = set()
_ready_lock = threading.Lock()


def folder() -> Path:
    """The library folder (created on the first write, not on reads)."""
    return paths.library_dir()


def db_path() -> Path:
    return folder() / DB_NAME


def texts_dir() -> Path:
    return folder() / TEXTS


def now() -> str:
    """The current time as an ISO 8601 string in UTC, to the second."""
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def version() -> tuple | None:
    """Changes whenever any process commits to the database (size and time of
    the database file and its write-ahead log); None while there is none."""
    path = db_path()
    try:
        main = path.stat()
    except FileNotFoundError:
        return None
    try:
        wal = path.with_name(path.name + "-wal").stat()
        wal_part = (wal.st_mtime_ns, wal.st_size)
    except FileNotFoundError:
        wal_part = (0, 0)
    return (str(path), main.st_mtime_ns, main.st_size, *wal_part)


def exists() -> bool:
    """Whether the library database has been created."""
    return db_path().is_file()


def _prepare(path: Path) -> None:
    """Create the database and its tables once per process (and again if it was removed)."""
    key = str(path)
    if key in _ready and path.is_file():
        return
    with _ready_lock:
        path.parent.mkdir(parents=True, exist_ok=True)
        con = sqlite3.connect(path, timeout=BUSY_TIMEOUT, isolation_level=None)
        try:
            con.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT * 1000}")
            found = con.execute("PRAGMA user_version").fetchone()[0]
            if found > SCHEMA_VERSION:  # a newer board's library: leave it as it is
                raise sqlite3.DatabaseError(f"schema version {found} is newer than this board's {SCHEMA_VERSION}")
            _wal(con)
            con.execute("BEGIN IMMEDIATE")
            try:
                for statement in SCHEMA.split(";"):
                    if statement.strip():
                        con.execute(statement)
                con.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
                con.execute("COMMIT")
            except BaseException:
                con.execute("ROLLBACK")
                raise
        finally:
            con.close()
        _ready.add(key)


def _wal(con: sqlite3.Connection) -> None:
    """Switch the database to write-ahead logging (kept in the file).

    Switching needs the database to itself and SQLite's busy handler does not
    wait for that: two processes creating the database at once would see
    "database is locked". Retry until the busy timeout; a database already
    in WAL mode needs nothing.
    """
    deadline = time.monotonic() + BUSY_TIMEOUT
    while True:
        try:
            if con.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":
                con.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as exc:
            if not ("locked" in str(exc) or "busy" in str(exc)) or time.monotonic() > deadline:
                raise
            time.sleep(0.05)


@contextmanager
def connect(write: bool = False) -> Iterator[sqlite3.Connection]:
    """A connection to the library database; ``write=True`` holds one transaction.

    A write transaction starts with ``BEGIN IMMEDIATE`` (it takes the write
    lock at once, so two writers queue up rather than deadlock) and commits
    when the block ends, or rolls back if it raises. A database that cannot
    be used (damaged, not a database, locked past the timeout, read-only)
    raises InputError ``library_db``; a broken constraint still raises
    sqlite3.IntegrityError for the caller to handle.
    """
    try:
        with _connect(write) as con:
            yield con
    except sqlite3.IntegrityError:
        raise
    except sqlite3.DatabaseError as exc:
        raise InputError("library_db", path=str(db_path()), reason=str(exc)) from exc


@contextmanager
def _connect(write: bool) -> Iterator[sqlite3.Connection]:
    path = db_path()
    _prepare(path)
    con = sqlite3.connect(path, timeout=BUSY_TIMEOUT, isolation_level=None)
    con.row_factory = sqlite3.Row
    try:
        con.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT * 1000}")
        if write:
            con.execute("BEGIN IMMEDIATE")
        try:
            yield con
        except BaseException:
            if con.in_transaction:
                con.execute("ROLLBACK")
            raise
        if con.in_transaction:
            con.execute("COMMIT")
    finally:
        con.close()


def read(query: str, params: tuple = ()) -> list[sqlite3.Row]:
    """Rows of a read-only query; no rows (and nothing created) when there is no library yet."""
    if not exists():
        return []
    with connect() as con:
        return con.execute(query, params).fetchall()


def atomic_write(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` so that readers see the old file or the new one, never a part."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".tmp-", suffix=path.suffix, dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise
