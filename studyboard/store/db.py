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

Faults, and what they give (:class:`~studyboard.errors.InputError`, a message
in the user's language, never an unhandled exception):

* a damaged database (zero bytes, no SQLite header, pages that fail
  ``PRAGMA quick_check``) is checked for whenever the file changed and is
  never taken for a new library: ``library_damaged``; nothing reads from it
  or writes to it, the file stays as it is, and the shipped documents open;
* a read-only library folder (or database file) is still read (SQLite's
  read-only and immutable modes), and a write gives ``library_read_only``;
* a full disk gives ``library_full`` (SQLite rolls back; a text file half
  written is removed); any other failed write ``library_write``.

A new database is made under a temporary name and linked into place, so
that another process never finds a half-made (empty) file where the
database belongs.
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
#: The identity (inode, size, modification time) of each database file that
#: passed the check; the check runs again when the file changes.
_checked: dict[str, tuple] = {}
HEADER = b"SQLite format 3\x00"


class Damaged(sqlite3.DatabaseError):
    """The library database's file is damaged (raised by :func:`check`)."""


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


def _identity(path: Path) -> tuple:
    stat = path.stat()
    return (stat.st_ino, stat.st_size, stat.st_mtime_ns)


def check(path: Path | None = None) -> None:
    """Raise :class:`Damaged` if the database file is not a sound SQLite
    database: empty, without SQLite's header, or failing ``PRAGMA
    quick_check``. Checked once per version of the file (a few milliseconds
    for a library of a thousand documents); reads only."""
    path = path or db_path()
    key = str(path)
    identity = _identity(path)
    if _checked.get(key) == identity:
        return
    if identity[1] == 0:
        raise Damaged("the file is empty (0 bytes)")
    with open(path, "rb") as handle:
        head = handle.read(len(HEADER))
    if head != HEADER:
        raise Damaged("the file has no SQLite header")
    try:
        con = _open(path)
        try:
            found = [row[0] for row in con.execute("PRAGMA quick_check(5)").fetchall()]
        finally:
            con.close()
    except sqlite3.OperationalError:  # locked, full, cannot open: not a damaged file
        raise
    except sqlite3.DatabaseError as exc:  # corrupt, not a database
        raise Damaged(str(exc)) from exc
    if found != ["ok"]:
        raise Damaged("quick_check: " + "; ".join(found[:3]))
    _checked[key] = identity


def _open(path: Path, write: bool = False) -> sqlite3.Connection:
    """A connection to the database. Reading also works where SQLite cannot
    make its -shm file (a read-only folder or file, a full disk): then in
    read-only mode, else in immutable mode."""
    try:
        con = sqlite3.connect(path, timeout=BUSY_TIMEOUT, isolation_level=None)
        con.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()
        return con
    except sqlite3.OperationalError as exc:
        if write or "locked" in str(exc) or "busy" in str(exc):
            raise
        first = exc
    for mode in ("mode=ro", "immutable=1"):
        try:
            con = sqlite3.connect(f"{path.resolve().as_uri()}?{mode}", uri=True, timeout=BUSY_TIMEOUT,
                                  isolation_level=None)
            con.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()
            return con
        except sqlite3.OperationalError:
            continue
    raise first


def _create(path: Path) -> None:
    """Make a new, empty library database at ``path`` (in WAL mode, with the
    tables): built under a temporary name and linked into place, so that no
    process sees a half-made file; if another process made one meanwhile,
    that one stays."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".new-", suffix=".sqlite3", dir=path.parent)
    os.close(fd)
    try:
        con = sqlite3.connect(tmp, isolation_level=None)
        try:
            _wal(con)
            _schema(con)
        finally:
            con.close()
        try:
            os.link(tmp, path)
        except FileExistsError:
            pass
    finally:
        for leftover in (tmp, tmp + "-wal", tmp + "-shm"):
            try:
                os.unlink(leftover)
            except FileNotFoundError:
                pass


def _schema(con: sqlite3.Connection) -> None:
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


def _prepare(path: Path, write: bool) -> None:
    """Check the database (see :func:`check`); for a write, create it first if
    there is none, and its tables once per process."""
    key = str(path)
    with _ready_lock:
        if write and not path.exists():
            _create(path)
            _ready.discard(key)
        check(path)
        if key in _ready:
            return
        con = _open(path, write)
        try:
            con.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT * 1000}")
            found = con.execute("PRAGMA user_version").fetchone()[0]
            if found > SCHEMA_VERSION:  # a newer board's library: leave it as it is
                raise sqlite3.DatabaseError(f"schema version {found} is newer than this board's {SCHEMA_VERSION}")
            if write and found < SCHEMA_VERSION:
                _wal(con)
                _schema(con)
        finally:
            con.close()
        if write or found == SCHEMA_VERSION:
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
    be used raises InputError: ``library_damaged`` (see :func:`check`),
    ``library_read_only``, ``library_full``, ``library_write`` (a file of the
    block that could not be written) or ``library_db`` (locked past the
    timeout, a newer schema); a broken constraint still raises
    sqlite3.IntegrityError for the caller to handle.
    """
    try:
        with _connect(write) as con:
            yield con
    except (sqlite3.IntegrityError, InputError):
        raise
    except Damaged as exc:
        raise InputError("library_damaged", path=str(db_path()), reason=str(exc)) from exc
    except sqlite3.DatabaseError as exc:
        raise _sqlite_error(exc) from exc
    except OSError as exc:
        raise write_error(exc) from exc


#: Free space below which a failed write is put down to a full disk (bytes).
FULL_BELOW = 256 * 1024


def _writable() -> bool:
    """Whether the library folder (or the nearest folder above it that exists) can be written to."""
    place = folder()
    while not place.exists() and place != place.parent:
        place = place.parent
    return os.access(place, os.W_OK) and (not db_path().exists() or os.access(db_path(), os.W_OK))


def _free() -> int | None:
    place = folder()
    while not place.exists() and place != place.parent:
        place = place.parent
    try:
        stat = os.statvfs(place)
    except (OSError, AttributeError):
        return None
    return stat.f_bavail * stat.f_frsize


def _sqlite_error(exc: sqlite3.DatabaseError) -> InputError:
    """The InputError for an error of SQLite: SQLite reports a full disk or a
    read-only folder in several ways ("disk I/O error" when it cannot map its
    -shm file, "unable to open database file"), so the folder is looked at."""
    text = str(exc).lower()
    if not ("locked" in text or "busy" in text or "newer" in text):
        if "readonly" in text or "read-only" in text or not _writable():
            return InputError("library_read_only", path=str(folder()))
        free = _free()
        if "full" in text or (free is not None and free < FULL_BELOW):
            return InputError("library_full", path=str(folder()))
    return InputError("library_db", path=str(db_path()), reason=str(exc))


def write_error(exc: OSError) -> InputError:
    """The InputError for a file of the library that could not be written."""
    import errno

    if exc.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG):
        return InputError("library_full", path=str(folder()))
    if exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        return InputError("library_read_only", path=str(folder()))
    return InputError("library_write", path=str(folder()), reason=exc.strerror or str(exc))


@contextmanager
def _connect(write: bool) -> Iterator[sqlite3.Connection]:
    path = db_path()
    _prepare(path, write)
    con = _open(path, write)
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
