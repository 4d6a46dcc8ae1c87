"""Notes on paragraphs: storage, validation, concurrent writers, restarts."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

import pytest

from studyboard.store import notes
from studyboard.errors import InputError
from support import ROOT


@pytest.fixture(autouse=True)
def library(tmp_path, monkeypatch):
    monkeypatch.setenv("STUDYBOARD_LIBRARY", str(tmp_path / "lib"))
    return tmp_path / "lib"


def test_add_list_and_order():
    first = notes.add("doc", 5, "提问：什么是新质生产力？")
    notes.add("doc", 2, "讲解要点")
    notes.add("doc", 5, "第二条")
    notes.add("other", 5, "别的文档")
    assert [(n.paragraph, n.text) for n in notes.for_document("doc")] == [
        (2, "讲解要点"), (5, "提问：什么是新质生产力？"), (5, "第二条")]
    assert [n.text for n in notes.for_paragraph("doc", 5)] == ["提问：什么是新质生产力？", "第二条"]
    assert first.version == 1 and first.created == first.updated
    assert notes.counts() == {"doc": 3, "other": 1}
    assert sorted(notes.by_paragraph("doc")) == [2, 5]


def test_whole_document_note_is_paragraph_zero():
    notes.add("doc", 0, "全文导读")
    assert notes.for_paragraph("doc", 0)[0].text == "全文导读"
    with pytest.raises(ValueError):
        notes.add("doc", -1, "x")


def test_text_is_kept_as_written_html_included():
    note = notes.add("doc", 1, "  <script>alert(1)</script>\r\n<img src=x onerror=alert(1)>  ")
    assert note.text == "<script>alert(1)</script>\n<img src=x onerror=alert(1)>"


@pytest.mark.parametrize("text, key", [("", "note_empty"), (" \n\u3000 ", "note_empty"),
                                       ("长" * (notes.MAX_CHARS + 1), "note_too_long")])
def test_bad_notes_are_refused_and_nothing_is_stored(text, key):
    with pytest.raises(InputError) as caught:
        notes.add("doc", 1, text)
    assert caught.value.key == key
    assert caught.value.message("zh") and caught.value.message("en")
    assert notes.for_document("doc") == []


def test_edit_changes_text_and_version():
    note = notes.add("doc", 3, "初稿")
    saved = notes.edit(note, "定稿")
    assert not saved.conflict
    assert (saved.note.id, saved.note.text, saved.note.version) == (note.id, "定稿", 2)
    assert [n.text for n in notes.for_document("doc")] == ["定稿"]


def test_two_sessions_edit_the_same_note_and_lose_nothing():
    """Both sessions show version 1; A saves first, B's stale edit becomes a note of its own."""
    shown_to_a = shown_to_b = notes.add("doc", 3, "原文")
    assert not notes.edit(shown_to_a, "甲的修改").conflict
    saved_b = notes.edit(shown_to_b, "乙的修改")
    assert saved_b.conflict
    assert sorted(n.text for n in notes.for_paragraph("doc", 3)) == ["乙的修改", "甲的修改"]


def test_editing_a_note_deleted_meanwhile_keeps_the_text():
    note = notes.add("doc", 4, "原文")
    assert notes.delete(note)
    saved = notes.edit(note, "还想保留")
    assert saved.conflict and saved.note.paragraph == 4
    assert [n.text for n in notes.for_document("doc")] == ["还想保留"]


def test_delete_of_a_note_changed_meanwhile_is_refused():
    note = notes.add("doc", 4, "原文")
    notes.edit(note, "刚改过")
    assert notes.delete(note) is False
    assert [n.text for n in notes.for_document("doc")] == ["刚改过"]


def test_frame_for_the_handout():
    notes.add("doc", 2, "要点")
    notes.add("doc", 0, "导读")
    frame = notes.frame("doc")
    assert list(frame.columns) == ["paragraph", "text", "created", "updated"]
    assert frame[["paragraph", "text"]].values.tolist() == [[0, "导读"], [2, "要点"]]


def test_paragraph_labels():
    import pandas as pd

    paragraphs = pd.DataFrame({"paragraph": [1, 2], "text": ["短段。", "这一段比二十四个字符还要长得多，所以标签在第二十四个字符处截断。"]})
    labels = notes.paragraph_labels(paragraphs, "全文")
    assert labels == {0: "全文", 1: "¶1 短段。", 2: "¶2 这一段比二十四个字符还要长得多，所以标签在第二十…"}
    assert notes.paragraph_text(paragraphs, 2).startswith("这一段")
    assert notes.paragraph_text(paragraphs, 9) == ""


def _run(code: str, library) -> subprocess.Popen:
    env = dict(os.environ, STUDYBOARD_LIBRARY=str(library), PYTHONPATH=str(ROOT))
    return subprocess.Popen([sys.executable, "-c", textwrap.dedent(code)], env=env, cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def test_notes_survive_a_restart(library):
    writer = _run("""
        from studyboard.store import notes
        notes.add("000_97e3ae1a0b7fde01", 5, "重启后还在")
    """, library)
    assert writer.wait(timeout=60) == 0, writer.stderr.read()
    reader = _run("""
        from studyboard.store import notes
        print([(n.paragraph, n.text) for n in notes.for_document("000_97e3ae1a0b7fde01")])
    """, library)
    out, err = reader.communicate(timeout=60)
    assert reader.returncode == 0, err
    assert out.strip() == "[(5, '重启后还在')]"


def test_two_processes_writing_at_once_lose_nothing(library):
    """Two server processes each add 60 notes and edit their own, interleaved: all 120 arrive, edited."""
    code = """
        import sys
        from studyboard.store import notes
        who = sys.argv[1]
        for i in range(60):
            note = notes.add("doc", i % 7, f"{who}-{i}")
            notes.edit(note, f"{who}-{i}-edited")
    """
    procs = [subprocess.Popen([sys.executable, "-c", textwrap.dedent(code), who],
                              env=dict(os.environ, STUDYBOARD_LIBRARY=str(library), PYTHONPATH=str(ROOT)),
                              cwd=ROOT, stderr=subprocess.PIPE, text=True) for who in ("A", "B")]
    for proc in procs:
        assert proc.wait(timeout=120) == 0, proc.stderr.read()
    texts = sorted(n.text for n in notes.for_document("doc"))
    assert texts == sorted(f"{who}-{i}-edited" for who in "AB" for i in range(60))


def test_times_in_the_readers_zone():
    assert notes.local_time("2026-11-29T05:51:49+00:00", "Asia/Shanghai") == "2026-11-29 13:51"
    assert notes.local_time("2026-11-29T05:51:49+00:00", None) == "2026-11-29 05:51 UTC"
    assert notes.local_time("2026-11-29T05:51:49+00:00", "Mars/Base") == "2026-11-29 05:51 UTC"
    assert notes.local_time("garbage", "Asia/Shanghai") == "garbage"
