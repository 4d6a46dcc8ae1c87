"""The library in a real browser: upload through the real widget, switch to the
new document on every page, bad files, hostile text, delete, notes from two
sessions at once.

The server of the session reads the test session's library folder
(STUDYBOARD_LIBRARY, set by tests/conftest.py); documents added here with
the library API show on its next run.
"""

from __future__ import annotations

import re

import pytest

from browser_helpers import add_note, errors_on, full_screenshot, main_text, open_page, settle_after, wait_settled
from library_cases import HOSTILE, HOSTILE_TITLE
from studyboard.ui import app
from studyboard.store import library, notes
from studyboard import lexicon as lexicon_module
from support import ROOT, SEED_ID
from studyboard.dataset import catalog

pytestmark = pytest.mark.browser

#: A hand-made report for the upload (not used by other tests, so never a duplicate).
UPLOAD = ("浏览器上传测试：中部地区调研\n\n"
          "新华社长沙6月3日电\u3000记者在湖南省长沙市调研发现，中部地区产业创新势头良好。\n\n"
          "要坚持高质量发展，推动科技创新和产业创新深度融合，发展新质生产力。\n")
UPLOAD_TITLE = "浏览器上传测试：中部地区调研"


def sidebar_document(page) -> str:
    """The document switcher's value (shown in its combo box)."""
    return page.locator('[data-testid="stSidebar"] [data-testid="stSelectbox"] input').first.input_value()


def upload(page, path, expect: str) -> None:
    """Put a file into the real upload widget and wait until the page shows ``expect``."""
    page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(str(path))
    page.get_by_text(expect).first.wait_for()
    wait_settled(page)


def no_dialogs(page) -> list[str]:
    seen: list[str] = []
    page.on("dialog", lambda dialog: (seen.append(dialog.message), dialog.dismiss()))
    return seen


def add(text: str, **meta):
    lex = lexicon_module.load()
    draft = catalog.prepare_text(text, lex)
    if draft.duplicate_of is not None:
        return draft.duplicate_of
    return catalog.add(draft, {**draft.guess.meta(), **meta})


def test_upload_gb18030_and_open_it_on_every_page(page, server, tmp_path):
    dialogs = no_dialogs(page)
    path = tmp_path / "上传.txt"
    path.write_bytes(UPLOAD.encode("gb18030"))
    open_page(page, server)  # the entry page first: it registers the navigation
    open_page(page, server, "library")
    upload(page, path, "读取为文本（gb18030）：2 段")
    title_box = page.get_by_label("标题", exact=True)
    assert title_box.input_value() == UPLOAD_TITLE
    assert page.get_by_label("地点", exact=True).input_value() == "长沙"
    assert page.get_by_label("来源", exact=True).input_value() == "新华社"
    page.get_by_label("日期", exact=True).fill("2024-06-03")
    page.get_by_role("button", name="加入文库").click()
    page.get_by_text(f"已加入文库并完成解析：“{UPLOAD_TITLE}”，2 段").wait_for()
    wait_settled(page)
    assert errors_on(page) == []
    doc_id = re.search(r"doc=(u_[0-9a-f]{16})", page.url).group(1)
    assert UPLOAD_TITLE in sidebar_document(page)
    full_screenshot(page, "library")

    for file, _, _ in app.PAGES:
        if not (ROOT / file).exists():
            continue
        name = file.removeprefix("app_pages/").removesuffix(".py")
        open_page(page, server, "" if name == "overview" else name, doc=doc_id)
        assert errors_on(page) == [], name
        assert UPLOAD_TITLE in sidebar_document(page), name
        assert "找不到文档" not in main_text(page), name
        assert f"doc={doc_id}" in page.url, name
    open_page(page, server, "", doc=doc_id)
    assert UPLOAD_TITLE in main_text(page)
    assert dialogs == []


def test_library_in_english(page, server):
    open_page(page, server)
    open_page(page, server, "library", lang="en")
    text = main_text(page)
    assert "Add a document" in text and "Paste text" in text and "This document" in text
    assert errors_on(page) == []
    full_screenshot(page, "library_en")


@pytest.mark.parametrize("name, data, message", [
    ("photo.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "这不是文本文件（看起来是PNG）"),
    ("broken.docx", b"PK\x03\x04 not a zip", "DOCX 文件已损坏"),
    # 7 characters of 3 bytes, 550,000 times: 11,550,000 bytes = 11.0 MB (MiB)
    ("big.txt", ("中部地区崛起。" * 550_000).encode("utf-8"), "文件太大：11.01 MB，上限是 10 MB"),
])
def test_bad_files_through_the_real_widget(page, server, tmp_path, name, data, message):
    before = catalog.listing().to_dict("records")
    path = tmp_path / name
    path.write_bytes(data)
    open_page(page, server)
    open_page(page, server, "library")
    upload(page, path, message)
    alerts = page.locator('[data-testid="stAlertContentError"]')
    assert alerts.count() == 1 and message in alerts.first.inner_text()
    assert page.get_by_role("button", name="加入文库").count() == 0
    assert catalog.listing().to_dict("records") == before
    assert page.locator('[data-testid="stException"]').count() == 0


def test_hostile_text_shows_as_text_everywhere(page, server):
    dialogs = no_dialogs(page)
    entry = add(HOSTILE, date="2023-01-01")
    notes.add(entry.id, 1, "<script>alert(2)</script>笔记<img src=x onerror=alert(3)>")
    open_page(page, server)
    for name, params in (("", {}), ("library", {"para": "1"}), ("compare", {"docs": f"{SEED_ID},{entry.id}"})):
        open_page(page, server, name, doc=entry.id, **params)
        assert errors_on(page) == [], name
        text = main_text(page)
        assert HOSTILE_TITLE in text or name == "compare", name
        assert page.locator('[data-testid="stMain"] img[src="x"]').count() == 0, name
        assert page.locator('[data-testid="stMain"] script').count() == 0, name
    open_page(page, server, "library", doc=entry.id, para="1")
    assert "<script>alert(2)</script>笔记<img src=x onerror=alert(3)>" in main_text(page)
    assert dialogs == []


def test_delete_with_confirmation_returns_to_the_default_document(page, server):
    entry = add("删除测试文档\n这是一篇要删除的测试文档。第二句。\n", date="2020-01-01")
    open_page(page, server)
    open_page(page, server, "library", doc=entry.id)
    settle_after(page, lambda: page.get_by_role("button", name="删除文档").click())
    assert "确定删除“删除测试文档”吗？" in main_text(page)
    settle_after(page, lambda: page.get_by_role("button", name="确定删除").click())
    assert "已删除“删除测试文档”及其 0 条笔记。" in main_text(page)
    wait_settled(page)
    assert "在更高起点上扎实推动中部地区崛起" in sidebar_document(page)
    assert library.get(entry.id) is None


def test_two_sessions_add_notes_at_once(browser, server):
    contexts = [browser.new_context(viewport={"width": 1920, "height": 1080}, locale="zh-CN") for _ in range(2)]
    try:
        pages = [context.new_page() for context in contexts]
        for one in pages:
            one.set_default_timeout(60_000)
            open_page(one, server)
            open_page(one, server, "library", para="7")
        add_note(pages[0], "甲：改革开放的讨论题")
        add_note(pages[1], "乙：高水平开放的讲解要点")
        texts = sorted(n.text for n in notes.for_paragraph(SEED_ID, 7))
        assert texts == ["乙：高水平开放的讲解要点", "甲：改革开放的讨论题"]
        for one in pages:
            open_page(one, server, "library", para="7")
            text = main_text(one)
            assert "甲：改革开放的讨论题" in text and "乙：高水平开放的讲解要点" in text
        full_screenshot(pages[0], "library_notes")
    finally:
        for context in contexts:
            context.close()
