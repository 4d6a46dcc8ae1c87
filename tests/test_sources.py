"""Reading files: encodings, DOCX and PDF, and every kind of bad input."""

from __future__ import annotations

import io
import zipfile

import pytest

from studyboard.ingest import sources
from studyboard.errors import InputError

SAMPLE = "在更高起点上扎实推动中部地区崛起\n中共中央总书记习近平3月20日下午在湖南省长沙市主持召开座谈会。\n"


def docx_bytes(paragraphs: list[str]) -> bytes:
    body = "".join(f"<w:p><w:r><w:t>{p}</w:t></w:r></w:p>" for p in paragraphs)
    xml = ('<?xml version="1.0" encoding="UTF-8"?>'
           '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
           f"<w:body>{body}</w:body></w:document>")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", xml)
    return buffer.getvalue()


def blank_pdf() -> bytes:
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=200, height=200)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030", "gbk", "utf-16", "utf-16-le", "utf-16-be"])
def test_supported_encodings(encoding):
    decoded = sources.read_bytes(SAMPLE.encode(encoding), "a.txt")
    assert decoded.text.lstrip("\ufeff") == SAMPLE
    assert decoded.kind == "text"


def test_gb18030_is_reported_as_such():
    assert sources.read_bytes(SAMPLE.encode("gb18030"), "a.txt").encoding == "gb18030"


def test_docx_paragraphs_become_lines():
    decoded = sources.read_bytes(docx_bytes(["标题", "第一段。", "第二段。"]), "a.docx")
    assert decoded.kind == "docx"
    assert decoded.text == "标题\n第一段。\n第二段。"


def expect(key, data, name="a.txt", **kwargs):
    with pytest.raises(InputError) as caught:
        sources.read_bytes(data, name, **kwargs)
    assert caught.value.key == key
    # a message in both languages, naming the problem
    assert caught.value.message("zh") and caught.value.message("en")
    return caught.value


def test_empty_file():
    error = expect("empty", b"")
    assert error.message("zh") == "文件是空的。"
    assert str(error) == "The file is empty."


def test_blank_file():
    expect("blank", b"  \n\r\n\t\n")
    expect("blank", "\u3000\u3000\n".encode("utf-8"))


def test_image_renamed_txt():
    error = expect("binary", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    assert "PNG" in error.message("en")


def test_random_binary_data():
    import random

    rng = random.Random(7)
    expect("binary_data", bytes(rng.randrange(256) for _ in range(4000)) + b"\x00\x00")


def test_undecodable_bytes():
    expect("encoding", b"abc \x80\x80\x80 def")


def test_latin1_text_is_not_taken_for_gb18030():
    with pytest.raises(InputError) as caught:
        sources.read_bytes("Café au lait, s'il vous plaît. Déjà vu.".encode("latin-1"), "a.txt")
    assert caught.value.key in ("encoding", "no_chinese")


def test_over_the_size_limit():
    error = expect("too_large", SAMPLE.encode() * 100, limit=1000)
    assert "1000 B" in error.message("en")


def test_size_limit_from_environment(monkeypatch):
    monkeypatch.setenv("STUDYBOARD_MAX_BYTES", "50")
    expect("too_large", SAMPLE.encode())


def test_text_without_chinese():
    expect("no_chinese", b"Just some English words in a file.\n")


def test_corrupt_docx():
    expect("corrupt_docx", b"PK\x03\x04 this is not really a zip file", "a.docx")
    data = docx_bytes(["第一段。"]).replace(b"word/document.xml", b"word/somethingx.xml")
    expect("corrupt_docx", data, "a.docx")


def test_corrupt_pdf():
    expect("corrupt_pdf", b"%PDF-1.7\n garbage garbage", "a.pdf")
    expect("corrupt_pdf", b"not a pdf at all", "a.pdf")


def test_pdf_without_text_layer():
    expect("pdf_no_text", blank_pdf(), "scan.pdf")


def test_unsupported_suffix():
    expect("unsupported", SAMPLE.encode(), "a.exe")


def test_sizes_read_well():
    assert sources.human_size(512) == "512 B"
    assert sources.human_size(10 * 1024 * 1024) == "10 MB"
    assert sources.human_size(1536) == "1.5 KB"


def test_a_file_just_over_the_limit_says_so_in_bytes():
    error = expect("too_large", b"x" * 10_485_770, limit=10 * 1024 * 1024)
    assert "10,485,770 B" in error.message("en") and "10,485,760 B" in error.message("en")
