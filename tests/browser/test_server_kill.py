"""kill -9 of the board's server while it adds an uploaded document and while it saves a
note, then a restart on the same library (issue: faults).

The kill comes as soon as the page shows the click's run going on: it lands
before, during or after the write, as a real power cut would. Whichever it
was, the library must be whole afterwards (SQLite's integrity check, every
document row with its whole text, no half note), the restarted server must
show the library, and the same upload or note must then go in once.
"""

from __future__ import annotations

import re
import signal
import sqlite3

import pytest

from browser_helpers import add_note, errors_on, main_text, open_page, settle_after, wait_settled
from tests.browser.conftest import start_server, stop_server
from support import SEED_ID

#: A short report written for this test (3 paragraphs once reflowed: the title line, the
#: dateline paragraph, the closing requirement).
TEXT = ("断电测试：中部地区调研纪要\n\n"
        "新华社郑州7月9日电\u3000记者在河南省郑州市调研发现，中部地区先进制造业集群加快成长。\n\n"
        "要坚持创新驱动，推动产业链供应链优化升级，发展新质生产力。\n")
TITLE = "断电测试：中部地区调研纪要"
NOTE = "断电测试笔记：先讲制造业集群"


@pytest.fixture
def library_dir(tmp_path, monkeypatch):
    folder = tmp_path / "library"
    monkeypatch.setenv("STUDYBOARD_LIBRARY", str(folder))  # what this test reads back (the server's library)
    return folder


def _kill_during_run(page, process, click) -> None:
    """Click, wait until the page shows the click's run going on, and kill -9 the server."""
    page.evaluate("""() => { window.__ran = false;
        const app = document.querySelector('[data-testid="stApp"]');
        new MutationObserver(() => { if (app.getAttribute('data-test-script-state') === 'running') window.__ran = true; })
            .observe(app, {attributes: true}); }""")
    click()
    page.wait_for_function("() => window.__ran", timeout=60_000, polling=20)
    process.send_signal(signal.SIGKILL)
    process.wait(10)


def _count(page) -> int:
    """How many documents the library page says the board has (共 N 篇文档)."""
    return int(re.search(r"共 (\d+) 篇文档", main_text(page)).group(1))


def _whole(folder) -> tuple[list[tuple[str, str]], list[str]]:
    """Check the library on disk is whole; (id, title) of its documents and the texts of the seed's notes."""
    with sqlite3.connect(folder / "library.sqlite3") as con:
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        docs = con.execute("SELECT id, title FROM documents").fetchall()
        notes = [row[0] for row in con.execute("SELECT text FROM notes WHERE doc_id = ?", (SEED_ID,))]
    for doc_id, title in docs:  # no row without its whole text
        text = (folder / "texts" / f"{doc_id}.txt").read_text(encoding="utf-8")
        assert text.startswith(title) and text.rstrip().endswith("发展新质生产力。"), text
    assert all(text == NOTE for text in notes)  # a note is there whole or not at all
    return docs, notes


def test_kill_9_while_adding_an_upload_and_while_saving_a_note(browser, page, library_dir, tmp_path):
    upload = tmp_path / "断电测试.txt"
    upload.write_text(TEXT, encoding="utf-8")
    env = {"STUDYBOARD_LIBRARY": str(library_dir)}

    # 1. the upload: killed while the board adds it
    process, base = start_server(env)
    try:
        open_page(page, base)
        open_page(page, base, "library")
        before = _count(page)
        page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(str(upload))
        page.get_by_text("读取为文本（utf-8）：2 段").first.wait_for()
        wait_settled(page)
        _kill_during_run(page, process, page.get_by_role("button", name="加入文库").click)
    finally:
        stop_server(process)
    docs, _ = _whole(library_dir)
    assert docs in ([], [(docs[0][0] if docs else "", TITLE)])  # the document whole, or not there

    # 2. a restarted server shows the library, and the upload then goes in once
    process, base = start_server(env)
    try:
        open_page(page, base)
        open_page(page, base, "library")
        assert errors_on(page) == []
        assert _count(page) == before + len(docs)  # the library as it was left
        page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(str(upload))
        if docs:  # already stored before the kill: the board says so
            page.get_by_text("已在文库中").first.wait_for()
        else:
            page.get_by_text("读取为文本（utf-8）：2 段").first.wait_for()
            wait_settled(page)
            settle_after(page, page.get_by_role("button", name="加入文库").click)
            page.get_by_text(f"已加入文库并完成解析：“{TITLE}”").first.wait_for()
        docs, _ = _whole(library_dir)
        assert [title for _, title in docs] == [TITLE]

        # 3. a note: killed while the board saves it
        open_page(page, base, "library", para="7")
        add_note(page, NOTE, save=lambda click: _kill_during_run(page, process, click))
    finally:
        stop_server(process)
    _, saved = _whole(library_dir)
    assert saved in ([], [NOTE])

    # 4. restarted again: the notes page shows what was kept, and a note is added as usual
    process, base = start_server(env)
    try:
        open_page(page, base)
        open_page(page, base, "library", para="7")
        assert errors_on(page) == []
        if saved:
            assert NOTE in main_text(page)
        else:
            add_note(page, NOTE)
        _, saved = _whole(library_dir)
        assert saved == [NOTE]
        assert NOTE in main_text(page)
    finally:
        stop_server(process)
