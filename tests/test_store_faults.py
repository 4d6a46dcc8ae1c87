"""Faults of the library's storage and the dataset cache, each with what it
must give: a clear message, the shipped documents still open, nothing stored
lost, nothing overwritten.

A small tmpfs (mounted by the test when it runs as root, else skipped with
the reason) stands for a full disk and, remounted read-only, for a read-only
folder; the same faults are also made by monkeypatching, which needs no root.
"""

from __future__ import annotations

import errno
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from contextlib import contextmanager
from pathlib import Path

import pytest

from library_cases import REPORT, add
from studyboard import lexicon as lexicon_module
from studyboard.dataset import cache, catalog
from studyboard.errors import InputError
from studyboard.ingest import document
from studyboard.store import db as store
from studyboard.store import library, notes
from support import ROOT, SEED_ID, SEED_PATH

SECOND = ("测试文档：第二篇报告\n\n"
          "新华社长沙5月9日电\u3000记者在湖南省长沙市调研，看到产业升级步伐加快。\n\n"
          "要坚持绿色发展，推动生态保护和经济发展相协调。\n")


@pytest.fixture(autouse=True)
def folders(tmp_path, monkeypatch):
    monkeypatch.setenv("STUDYBOARD_LIBRARY", str(tmp_path / "lib"))
    monkeypatch.setattr(store, "_ready", set())
    monkeypatch.setattr(store, "_checked", {})
    return tmp_path


@pytest.fixture(scope="module")
def lex():
    return lexicon_module.load()


def stored_library(lex):
    """A library of one document with two notes, checkpointed into the database file."""
    entry = add(lex, REPORT, title="已有的文档")
    notes.add(entry.id, 1, "第一条笔记")
    notes.add(SEED_ID, 2, "种子文档的笔记")
    con = sqlite3.connect(store.db_path())
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()
    return entry


def refused(action) -> str:
    with pytest.raises(InputError) as caught:
        action()
    return caught.value.key


def writes(lex, entry):
    return (lambda: add(lex, SECOND), lambda: notes.add(SEED_ID, 1, "新笔记"),
            lambda: library.update(entry.id, {"title": "改"}), lambda: library.delete(entry.id))


# --- a damaged database ------------------------------------------------------------


def scramble_pages(path: Path) -> None:
    """Random bytes over every page but the first (SQLite's header stays good)."""
    data = bytearray(path.read_bytes())
    page = int.from_bytes(data[16:18], "big")
    page = 65536 if page == 1 else page
    assert len(data) >= 2 * page
    rng = random.Random(16)
    data[page:] = bytes(rng.randrange(256) for _ in range(len(data) - page))
    path.write_bytes(bytes(data))


@pytest.mark.parametrize("damage, reason", [
    (scramble_pages, ""),
    (lambda path: path.write_bytes(b""), "0 bytes"),
    (lambda path: path.write_bytes(path.read_bytes()[: len(path.read_bytes()) // 2]), ""),
    (lambda path: path.write_bytes(b"\0" * len(path.read_bytes())), "header"),
])
def test_a_damaged_database_is_detected_refused_and_left_untouched(lex, folders, damage, reason):
    entry = stored_library(lex)
    path = store.db_path()
    damage(path)
    store._checked.clear()
    before = path.read_bytes()
    problem = library.problem()
    assert problem is not None and problem.key == "library_damaged" and reason in problem.params["reason"]
    assert "已损坏" in problem.message("zh") and "随板附带的文档照常打开" in problem.message("zh")
    assert library.entries() == []  # not a silently shorter library: the problem says why
    assert [e.id for e in catalog.catalog()] == [SEED_ID]  # the shipped document still opens
    assert catalog.dataset_for(catalog.catalog()[0], lex).document["paragraphs"] == 14
    assert refused(lambda: notes.for_document(SEED_ID)) == "library_damaged"
    for action in writes(lex, entry):
        assert refused(action) in ("library_damaged", "not_in_library")
    assert path.read_bytes() == before  # nothing written into the damaged file


def test_a_new_database_is_never_seen_half_made(folders):
    """A zero-byte file is refused, so a new database must appear whole: it is
    made under another name and linked into place."""
    notes.add(SEED_ID, 1, "第一条")
    assert [p.name for p in store.folder().iterdir() if p.name.startswith(".new-")] == []
    assert store.db_path().read_bytes()[:16] == store.HEADER


# --- a full disk ---------------------------------------------------------------------


def test_an_add_on_a_full_disk_gives_a_message_and_leaves_nothing(lex, monkeypatch):
    entry = stored_library(lex)

    def full(path, data):
        raise OSError(errno.ENOSPC, "No space left on device", str(path))

    monkeypatch.setattr(store, "atomic_write", full)
    assert refused(lambda: add(lex, SECOND)) == "library_full"
    message = InputError("library_full", path="x").message("zh")
    assert "磁盘已满" in message and "未保存任何内容" in message
    assert [e.id for e in library.entries()] == [entry.id]
    assert len(list(store.texts_dir().iterdir())) == 1


def test_a_commit_that_fails_removes_the_text_it_wrote(lex, monkeypatch):
    stored_library(lex)
    real = store._connect

    from contextlib import contextmanager

    @contextmanager
    def failing(write):
        with real(write) as con:
            yield con
            if write:
                raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(store, "_connect", failing)
    assert refused(lambda: add(lex, SECOND)) == "library_full"
    monkeypatch.setattr(store, "_connect", real)
    assert len(list(store.texts_dir().iterdir())) == 1  # no text without its row
    assert [e.title for e in library.entries()] == ["已有的文档"]


@contextmanager
def tmpfs(path: Path, size: str):
    path.mkdir(parents=True, exist_ok=True)
    if os.geteuid() != 0 or not shutil.which("mount"):
        pytest.skip("mounting a small tmpfs needs root")
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(path)], capture_output=True)
    if done.returncode:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.decode(errors='replace').strip()}")
    try:
        yield path
    finally:
        subprocess.run(["umount", "-l", str(path)], capture_output=True)


def fill(folder: Path) -> None:
    """Fill the file system of ``folder`` to the last byte."""
    fd = os.open(folder / "filler", os.O_WRONLY | os.O_CREAT)
    try:
        for size in (65536, 4096, 1):
            try:
                while True:
                    os.write(fd, b"\0" * size)
            except OSError as exc:
                assert exc.errno == errno.ENOSPC
    finally:
        os.close(fd)


def test_a_real_full_disk_as_library_and_cache(lex, tmp_path, monkeypatch):
    with tmpfs(tmp_path / "small", "2m") as small:
        monkeypatch.setenv("STUDYBOARD_LIBRARY", str(small / "lib"))
        monkeypatch.setenv("STUDYBOARD_CACHE", str(small / "cache"))
        entry = stored_library(lex)
        fill(small)
        assert refused(lambda: add(lex, SECOND)) == "library_full"
        key = refused(lambda: [notes.add(SEED_ID, 3, "长笔记" * 1500) for _ in range(50)])
        assert key == "library_full"
        # everything stored is still there
        assert [e.id for e in library.entries()] == [entry.id]
        assert [n.text for n in notes.for_document(entry.id)] == ["第一条笔记"]
        assert store.read("PRAGMA quick_check")[0][0] == "ok"
        assert len(list(store.texts_dir().iterdir())) == 1
        # the dataset cache on the full disk: the dataset is built and served all the same
        ds = cache.load(document.from_file(SEED_PATH), lex)
        assert ds.document["paragraphs"] == 14
        assert not list((small / "cache" / "datasets").glob("*/provenance.json"))


def test_a_cache_that_cannot_be_written_does_not_fail_the_page(lex, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("STUDYBOARD_CACHE", str(tmp_path / "cache"))

    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(cache, "write_cached", full)
    ds = cache.load(document.from_file(SEED_PATH), lex)
    assert ds.document["paragraphs"] == 14
    assert "could not store the dataset" in capsys.readouterr().err


# --- a read-only library ------------------------------------------------------------


def test_a_read_only_library_still_shows_its_documents_and_notes(lex, tmp_path, monkeypatch):
    with tmpfs(tmp_path / "ro", "4m") as mounted:
        monkeypatch.setenv("STUDYBOARD_LIBRARY", str(mounted / "lib"))
        entry = stored_library(lex)
        subprocess.run(["mount", "-o", "remount,ro", str(mounted)], check=True)
        monkeypatch.setattr(store, "_ready", set())
        monkeypatch.setattr(store, "_checked", {})
        assert library.problem() is None
        assert [e.title for e in library.entries()] == ["已有的文档"]
        assert [n.text for n in notes.for_document(entry.id)] == ["第一条笔记"]
        assert notes.counts() == {entry.id: 1, SEED_ID: 1}
        assert catalog.dataset_for(library.get(entry.id), lex).document["paragraphs"] == 2
        for action in writes(lex, entry):
            assert refused(action) == "library_read_only"
        assert "只读" in InputError("library_read_only", path="x").message("zh")


# --- processes killed while writing, and writing at once --------------------------------------

WRITER = textwrap.dedent("""
    import sys
    from studyboard import lexicon
    from studyboard.dataset import catalog
    from studyboard.store import notes
    lex = lexicon.load()
    which, count = sys.argv[1], int(sys.argv[2])
    print("ready", flush=True)
    for i in range(count):
        if which == "docs" and i % 4 == 0:
            text = f"第{i}号文档\\n\\n这是第{i}号测试文档的正文，谈到高质量发展。\\n"
            draft = catalog.prepare_text(text, lex)
            entry = catalog.add(draft, {"title": f"第{i}号文档"})
            print("doc", entry.id, flush=True)
        note = notes.add("SEED_ID", i % 5, f"{which}-{i}")
        print("note", note.id, note.text, flush=True)
""").replace("SEED_ID", SEED_ID)


def writer(which: str, count: int) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", WRITER, which, str(count)], cwd=ROOT, env=dict(os.environ),
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def test_kill_9_while_writing_documents_and_notes_leaves_a_consistent_library(folders):
    process = writer("docs", 400)
    assert process.stdout.readline().strip() == "ready"
    committed, deadline = [], time.monotonic() + 120
    while len(committed) < 25 and time.monotonic() < deadline:  # well into the loop, then kill
        line = process.stdout.readline()
        assert line, process.stderr.read()
        committed.append(line.split())
    process.send_signal(signal.SIGKILL)
    process.wait(10)
    committed += [line.split() for line in process.stdout.read().splitlines()]
    store._checked.clear()
    assert store.read("PRAGMA integrity_check")[0][0] == "ok"
    note_texts = {n.text for n in notes.for_document(SEED_ID)}
    said = {parts[2] for parts in committed if parts[0] == "note"}
    assert said <= note_texts and len(note_texts - said) <= 1  # every committed note; at most the one in flight
    docs = {parts[1] for parts in committed if parts[0] == "doc"}
    rows = {row["id"]: row for row in library.rows()}
    assert docs <= set(rows) and len(set(rows) - docs) <= 1
    for doc_id, row in rows.items():  # no row without its whole text
        text = library.text_path(doc_id).read_text(encoding="utf-8")
        assert text.startswith(row["title"]) and text.rstrip().endswith("谈到高质量发展。"), text
    texts = {p.stem for p in store.texts_dir().glob("u_*.txt")}
    assert set(rows) <= texts and len(texts - set(rows)) <= 1  # at most the text of the add in flight
    # the library works on after the kill
    notes.add(SEED_ID, 1, "之后")
    assert "之后" in {n.text for n in notes.for_document(SEED_ID)}


def test_two_processes_writing_notes_at_once_keep_every_note(folders):
    notes.add(SEED_ID, 0, "先有库")  # both start on an existing database
    first, second = writer("a", 150), writer("b", 150)
    for process in (first, second):
        assert process.stdout.readline().strip() == "ready"
    for process in (first, second):
        _, err = process.communicate(timeout=240)
        assert process.returncode == 0, err
    texts = [n.text for n in notes.for_document(SEED_ID)]
    assert sorted(texts) == sorted(["先有库"] + [f"a-{i}" for i in range(150)] + [f"b-{i}" for i in range(150)])
