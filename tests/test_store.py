"""The library's storage: SQLite in WAL mode, transactions, atomic files."""

from __future__ import annotations

import sqlite3
import threading

import pytest

from studyboard import paths
from studyboard.errors import InputError
from studyboard.store import db as store


@pytest.fixture(autouse=True)
def library(tmp_path, monkeypatch):
    monkeypatch.setenv("STUDYBOARD_LIBRARY", str(tmp_path / "lib"))
    return tmp_path / "lib"


def test_tests_never_use_the_repository_folder():
    assert paths.library_dir() != paths.ROOT / "library"


def test_reading_an_empty_library_creates_nothing(library):
    assert store.read("SELECT 1") == []
    assert not library.exists()


def test_first_write_creates_the_database_in_wal_mode(library):
    with store.connect(write=True) as con:
        con.execute("INSERT INTO notes (doc_id, paragraph, text, created, updated) VALUES ('d', 1, 'x', 't', 't')")
    assert (library / "library.sqlite3").is_file()
    with sqlite3.connect(library / "library.sqlite3") as con:
        assert con.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert con.execute("PRAGMA user_version").fetchone()[0] == store.SCHEMA_VERSION
        tables = {row[0] for row in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert {"documents", "notes"} <= tables


def test_a_failed_transaction_leaves_nothing(library):
    with pytest.raises(RuntimeError):
        with store.connect(write=True) as con:
            con.execute("INSERT INTO notes (doc_id, paragraph, text, created, updated) VALUES ('d', 1, 'x', 't', 't')")
            raise RuntimeError("stop")
    assert store.read("SELECT * FROM notes") == []


def test_database_removed_while_running_is_made_again(library):
    with store.connect(write=True):
        pass
    for path in library.glob("library.sqlite3*"):
        path.unlink()
    with store.connect(write=True) as con:
        con.execute("INSERT INTO notes (doc_id, paragraph, text, created, updated) VALUES ('d', 1, 'x', 't', 't')")
    assert len(store.read("SELECT * FROM notes")) == 1


def test_writers_in_threads_queue_up(library):
    """Twenty threads each add ten rows in their own transactions: all 200 arrive."""
    def write(n):
        for i in range(10):
            with store.connect(write=True) as con:
                con.execute("INSERT INTO notes (doc_id, paragraph, text, created, updated) VALUES (?, ?, ?, 't', 't')",
                            ("d", n, f"{n}-{i}"))

    threads = [threading.Thread(target=write, args=(n,)) for n in range(20)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    texts = {row["text"] for row in store.read("SELECT text FROM notes")}
    assert texts == {f"{n}-{i}" for n in range(20) for i in range(10)}


def test_atomic_write_replaces_and_leaves_no_temporary_file(tmp_path):
    target = tmp_path / "texts" / "a.txt"
    store.atomic_write(target, "第一版".encode("utf-8"))
    store.atomic_write(target, "第二版".encode("utf-8"))
    assert target.read_text(encoding="utf-8") == "第二版"
    assert [p.name for p in target.parent.iterdir()] == ["a.txt"]


def test_atomic_write_that_fails_keeps_the_old_file(tmp_path, monkeypatch):
    target = tmp_path / "a.txt"
    store.atomic_write(target, b"old")

    def broken(*args):
        raise OSError("disk full")

    monkeypatch.setattr(store.os, "replace", broken)
    with pytest.raises(OSError):
        store.atomic_write(target, b"new")
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["a.txt"]


def test_a_library_of_a_newer_schema_is_refused_and_left_alone(library):
    library.mkdir(parents=True, exist_ok=True)
    path = library / "library.sqlite3"
    with sqlite3.connect(path) as con:
        con.execute(f"PRAGMA user_version = {store.SCHEMA_VERSION + 1}")
    before = path.read_bytes()
    with pytest.raises(InputError) as caught:
        store.read("SELECT 1")
    assert caught.value.key == "library_db" and "newer" in caught.value.params["reason"]
    assert path.read_bytes() == before
