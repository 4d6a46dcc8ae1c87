"""The library page: listing, upload and paste, bad input, edit, delete, notes.

AppTest runs only the page after ``switch_page``: the sidebar (and the View)
stay those of the first run. So these tests look at the page and at what
the library stores; switching documents is checked in the browser tests.
"""

from __future__ import annotations

import pytest

from library_cases import BAD_FILES, HOSTILE, HOSTILE_TITLE, REPORT, REPORT_TITLE, add, report_docx, report_pdf
from pages_helpers import no_exceptions
from studyboard.store import library, notes
from studyboard import lexicon as lexicon_module
from studyboard.views import markup
from support import SEED_ID, SEED_PATH
from studyboard.dataset import catalog

#: A phrase of each message in Chinese (studyboard/i18n.py, _ERRORS).
MESSAGE = {
    "empty": "文件是空的",
    "blank": "只有空白",
    "binary": "这不是文本文件",
    "binary_data": "这不是文本文件（看起来是二进制数据）",
    "encoding": "无法识别文件的编码",
    "too_large": "文件太大",
    "corrupt_docx": "DOCX 文件已损坏",
    "corrupt_pdf": "PDF 文件已损坏",
    "pdf_no_text": "没有文字层",
    "no_chinese": "没有中文",
    "no_punctuation": "没有任何句末标点",
}


@pytest.fixture(autouse=True)
def folders(tmp_path, monkeypatch):
    monkeypatch.setenv("STUDYBOARD_LIBRARY", str(tmp_path / "lib"))
    return tmp_path


@pytest.fixture(scope="module")
def lex():
    return lexicon_module.load()


def stored():
    return catalog.listing().to_dict("records"), notes.counts()


def table_text(at) -> str:
    return at.dataframe[0].value.to_string()


def upload(at, name, data):
    at.get("file_uploader")[0].set_value((name, data, "application/octet-stream")).run()
    return at


def test_listing_names_folder_limit_and_seed(run_page, folders):
    at = run_page("library")
    no_exceptions(at)
    assert at.title[0].value == "文库"
    caption = at.caption[0].value
    assert "共 1 篇文档" in caption and "10 MB" in caption and markup.md(str(folders / "lib")) in caption
    frame = at.dataframe[0].value
    assert frame.loc[0, "title"] == "在更高起点上扎实推动中部地区崛起"
    assert (frame.loc[0, "origin"], frame.loc[0, "paragraphs"], frame.loc[0, "chars"]) == ("随板附带", 14, 2602)
    assert "data/texts/000_97e3ae1a0b7fde01.txt" in " ".join(i.value for i in at.info)


def test_listing_in_english_and_filtered_from_the_url(run_page, lex):
    add(lex, REPORT, date="2024-05-08")
    at = run_page("library", lang="en", q="武汉")
    no_exceptions(at)
    assert at.title[0].value == "Library"
    assert list(at.dataframe[0].value["title"]) == [REPORT_TITLE]
    assert at.dataframe[0].value.loc[0, "origin"] == "Added"
    assert at.text_input(key="lib_q").value == "武汉"


def test_upload_gb18030_prefills_and_adds(run_page, lex):
    at = run_page("library")
    upload(at, "报告.txt", REPORT.encode("gb18030"))
    no_exceptions(at)
    assert "### " + markup.md(REPORT_TITLE) in [m.value for m in at.markdown]
    assert "读取为文本（gb18030）：2 段，60 字。" in [c.value for c in at.caption]
    fields = {key: at.text_input(key=f"lib_new_{key}").value for key in ("title", "place", "source")}
    assert fields == {"title": REPORT_TITLE, "place": "武汉", "source": "新华社"}
    assert at.text_input(key="lib_new_date").value.endswith("-05-08")
    assert any("年份" in i.value for i in at.info)  # the year is a guess: asked to check it
    at.text_input(key="lib_new_date").set_value("2024-05-08")
    at.button(key="FormSubmitter:lib_add_form-加入文库").click().run()
    no_exceptions(at)
    assert at.success[0].value == f"已加入文库并完成解析：“{REPORT_TITLE}”，2 段，2 句。"
    [entry] = library.entries()
    assert (entry.title, entry.date, entry.place, entry.encoding) == (REPORT_TITLE, "2024-05-08", "武汉", "gb18030")
    assert at.get("file_uploader")[0].key == "lib_upload_1"  # a fresh, empty uploader


@pytest.mark.parametrize("name, data, read_as", [
    ("报告.pdf", report_pdf(), "读取为PDF（pdf）：2 段，60 字。"),
    ("报告.docx", report_docx(), "读取为Word（docx）：2 段，60 字。"),
])
def test_pdf_and_docx_uploads(run_page, name, data, read_as):
    at = run_page("library")
    upload(at, name, data)
    no_exceptions(at)
    assert read_as in [c.value for c in at.caption]
    assert at.text_input(key="lib_new_title").value == REPORT_TITLE


@pytest.mark.parametrize("case, name, data, key", BAD_FILES, ids=[c[0] for c in BAD_FILES])
def test_bad_uploads_show_a_message_and_change_nothing(run_page, lex, case, name, data, key):
    add(lex, REPORT)
    notes.add(SEED_ID, 1, "已有的笔记")
    before = stored()
    at = run_page("library")
    upload(at, name, data)
    assert not at.exception
    assert [e.value for e in at.error] and MESSAGE[key] in at.error[0].value
    assert not at.get("form")  # nothing to add
    assert stored() == before


def test_bad_upload_message_in_english(run_page):
    at = run_page("library", lang="en")
    upload(at, "photo.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    assert at.error[0].value.startswith("This is not a text file (it looks like PNG)")


def test_upload_over_the_size_limit(run_page, monkeypatch):
    monkeypatch.setenv("STUDYBOARD_MAX_BYTES", "100")
    at = run_page("library")
    upload(at, "big.txt", REPORT.encode("utf-8"))  # 223 bytes (test_library)
    assert at.error[0].value == "文件太大：223 B，上限是 100 B。"
    assert library.entries() == []


def test_duplicate_upload_is_refused(run_page, lex):
    at = run_page("library")
    upload(at, "seed-again.txt", SEED_PATH.read_text(encoding="utf-8").encode("gb18030"))
    assert not at.exception
    assert at.error[0].value == "这篇文本已在文库中：“在更高起点上扎实推动中部地区崛起”。不会重复添加。"
    assert not at.get("form") and library.entries() == []


def test_text_with_a_long_line_warns_but_is_accepted(run_page):
    at = run_page("library")
    upload(at, "one-line.txt", ("这是一句话。" * 1000).encode("utf-8"))
    no_exceptions(at)
    assert any("6,000 字" in w.value for w in at.warning)
    assert at.get("form")


def test_paste_flow(run_page):
    at = run_page("library")
    at.text_area(key="lib_paste").set_value(REPORT)
    at.button(key="lib_paste_read").click().run()
    no_exceptions(at)
    assert at.text_input(key="lib_new_title").value == REPORT_TITLE
    at.button(key="FormSubmitter:lib_add_form-加入文库").click().run()
    no_exceptions(at)
    [entry] = library.entries()
    assert entry.kind == "paste"


def test_paste_after_an_upload_is_the_pending_text(run_page):
    at = run_page("library")
    upload(at, "报告.txt", REPORT.encode("gb18030"))
    at.text_area(key="lib_paste").set_value("另一篇粘贴的文档\n第一段话。")
    at.button(key="lib_paste_read").click().run()
    at.run()  # the file is still in the widget: it is not read again
    assert at.text_input(key="lib_new_title").value == "另一篇粘贴的文档"


@pytest.mark.parametrize("text, phrase", [("   ", "只有空白"), ("No Chinese here.", "没有中文")])
def test_bad_paste(run_page, text, phrase):
    at = run_page("library")
    at.text_area(key="lib_paste").set_value(text)
    at.button(key="lib_paste_read").click().run()
    assert not at.exception and phrase in at.error[0].value
    assert library.entries() == []


def test_html_and_script_show_as_text(run_page, lex):
    entry = add(lex, HOSTILE)
    notes.add(entry.id, 1, "<script>alert(1)</script><img src=x onerror=alert(1)>")
    at = run_page("library", doc=entry.id)
    no_exceptions(at)
    assert HOSTILE_TITLE in list(at.dataframe[0].value["title"])  # the table shows text as text
    assert "### " + markup.md(HOSTILE_TITLE) in [m.value for m in at.markdown]
    for element in at.markdown:
        if element.proto.allow_html:
            assert "<script" not in element.value and "<img" not in element.value
    at.selectbox(key="lib_para").set_value(1).run()
    assert markup.md("<script>alert(1)</script><img src=x onerror=alert(1)>") in [m.value for m in at.markdown]


def test_edit_metadata(run_page, lex):
    entry = add(lex, REPORT, title="旧标题")
    at = run_page("library", doc=entry.id)
    no_exceptions(at)
    assert at.text_input(key="lib_edit_title").value == "旧标题"
    at.text_input(key="lib_edit_title").set_value("新标题")
    at.text_input(key="lib_edit_date").set_value("2024年5月8日")
    at.button(key="FormSubmitter:lib_edit_form-保存").click().run()
    no_exceptions(at)
    assert at.success[0].value == "已保存“新标题”的元数据。"
    assert (library.get(entry.id).title, library.get(entry.id).date) == ("新标题", "2024-05-08")


def test_edit_with_a_bad_date_keeps_the_old_metadata(run_page, lex):
    entry = add(lex, REPORT, title="标题", date="2024-05-08")
    at = run_page("library", doc=entry.id)
    at.text_input(key="lib_edit_date").set_value("2024-02-30")
    at.button(key="FormSubmitter:lib_edit_form-保存").click().run()
    assert not at.exception
    assert r"日期“2024\-02\-30”无效" in at.error[0].value  # the typed date escaped for Markdown
    assert library.get(entry.id).date == "2024-05-08"


def test_delete_asks_first(run_page, lex):
    entry = add(lex, REPORT, title="要删的")
    notes.add(entry.id, 1, "一条笔记")
    at = run_page("library", doc=entry.id)
    at.button(key="lib_delete").click().run()
    assert at.warning[0].value == "确定删除“要删的”吗？文本和 1 条笔记将一并删除，无法恢复。"
    at.button(key="lib_delete_no").click().run()
    assert library.get(entry.id) is not None
    at.button(key="lib_delete").click().run()
    at.button(key="lib_delete_yes").click().run()
    assert not at.exception
    assert at.success[0].value == "已删除“要删的”及其 1 条笔记。"
    assert library.get(entry.id) is None and notes.counts() == {}


def test_shipped_document_offers_no_edit(run_page):
    at = run_page("library")
    assert not at.get("form") and not [b for b in at.button if b.key == "lib_delete"]


@pytest.mark.parametrize("doc", ["../../etc/passwd", "u_0000000000000000", "<script>"])
def test_unknown_or_path_like_document_id(run_page, doc, folders):
    at = run_page(None, doc=doc)  # the shared controls warn on the entry run (AppTest runs only the page after)
    assert any("找不到文档" in w.value for w in at.warning)
    at.switch_page("app_pages/library.py").run()
    no_exceptions(at)
    assert at.subheader[1].value == "当前文档"
    assert "### 在更高起点上扎实推动中部地区崛起" in [m.value for m in at.markdown]
    assert not (folders / "lib").exists()  # nothing was written


def test_add_edit_and_delete_a_note(run_page):
    at = run_page("library", para="5")
    no_exceptions(at)
    assert at.selectbox(key="lib_para").value == 5
    box = f"lib_notes_{SEED_ID}_5_new"
    at.text_area(key=box).set_value("讨论：什么是新质生产力？")
    at.button(key=f"{box}_save").click().run()
    no_exceptions(at)
    [note] = notes.for_paragraph(SEED_ID, 5)
    assert note.text == "讨论：什么是新质生产力？"
    assert at.success[0].value == "笔记已添加。"
    assert markup.md("讨论：什么是新质生产力？") in [m.value for m in at.markdown]

    edit = f"lib_notes_{SEED_ID}_5_edit_{note.id}_1"
    at.text_area(key=edit).set_value("讨论：新质生产力和传统产业的关系")
    at.button(key=f"{edit}_save").click().run()
    assert notes.get(note.id).text == "讨论：新质生产力和传统产业的关系"

    at.button(key=f"lib_notes_{SEED_ID}_5_del_{note.id}_2").click().run()
    assert notes.for_paragraph(SEED_ID, 5) == [] and at.success[0].value == "笔记已删除。"


def test_empty_note_is_refused_and_the_box_keeps_its_text(run_page):
    at = run_page("library")
    box = f"lib_notes_{SEED_ID}_0_new"
    at.text_area(key=box).set_value("   ")
    at.button(key=f"{box}_save").click().run()
    assert at.error[0].value == "笔记是空的，未保存。"
    assert notes.for_document(SEED_ID) == []


def test_stale_edit_keeps_both_texts(run_page):
    note = notes.add(SEED_ID, 3, "原来的")
    at = run_page("library", para="3")
    notes.edit(note, "另一场会话改的")  # another session, after this page was drawn
    edit = f"lib_notes_{SEED_ID}_3_edit_{note.id}_1"
    at.text_area(key=edit).set_value("这场会话改的")
    at.button(key=f"{edit}_save").click().run()
    assert "另存为一条新笔记" in at.warning[0].value
    assert sorted(n.text for n in notes.for_paragraph(SEED_ID, 3)) == ["另一场会话改的", "这场会话改的"]


def test_damaged_database_shows_a_message(run_page, folders):
    (folders / "lib").mkdir()
    (folders / "lib" / "library.sqlite3").write_bytes(b"not a database" * 100)
    at = run_page("library")
    assert not at.exception
    assert at.error[0].value.startswith("文库数据库（")
    assert at.dataframe[0].value["id"].tolist() == [SEED_ID]
