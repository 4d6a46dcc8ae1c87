"""The library page on a full disk and on a damaged database: a message in
the user's language, no exception, nothing stored changed."""

from __future__ import annotations

import errno
import random

import pytest

from library_cases import REPORT
from pages_helpers import no_exceptions
from studyboard.store import db as store
from studyboard.store import library, notes
from support import SEED_ID


@pytest.fixture(autouse=True)
def folders(tmp_path, monkeypatch):
    monkeypatch.setenv("STUDYBOARD_LIBRARY", str(tmp_path / "lib"))
    return tmp_path


def test_adding_on_a_full_disk_says_so(run_page, monkeypatch):
    notes.add(SEED_ID, 1, "已有笔记")

    def full(path, data):
        raise OSError(errno.ENOSPC, "No space left on device", str(path))

    monkeypatch.setattr(store, "atomic_write", full)
    at = run_page("library")
    at.text_area(key="lib_paste").set_value(REPORT)
    at.button(key="lib_paste_read").click().run()
    at.button(key="FormSubmitter:lib_add_form-加入文库").click().run()
    assert not at.exception
    [error] = at.error
    assert error.value.startswith("磁盘已满，文库文件夹（") and "未保存任何内容" in error.value
    assert library.entries() == [] and [n.text for n in notes.for_document(SEED_ID)] == ["已有笔记"]


def test_a_damaged_database_refuses_a_note_and_stays_as_it_was(run_page):
    notes.add(SEED_ID, 5, "已有笔记")
    path = store.db_path()
    import sqlite3

    con = sqlite3.connect(path)
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()
    data = bytearray(path.read_bytes())
    page = int.from_bytes(data[16:18], "big")
    data[page:] = bytes(random.Random(7).randrange(256) for _ in range(len(data) - page))
    path.write_bytes(bytes(data))
    before = path.read_bytes()
    at = run_page("reader", para="5")
    assert not at.exception
    assert any("已损坏" in e.value for e in at.error)
    at = run_page("library", para="5")
    assert not at.exception
    assert any("已损坏" in e.value and "随板附带的文档照常打开" in e.value for e in at.error)
    assert "### 在更高起点上扎实推动中部地区崛起" in [m.value for m in at.markdown]  # the shipped document opens
    assert path.read_bytes() == before
