"""Hostile and unusual input, through the ingest layer and the command line (issue 16).

Each case: a clear message in the interface language (both languages, the
Chinese one without English words in it), bounded memory where a file is
built to exhaust it, and nothing stored changed. The files are made here:
a zip bomb from one compressed megabyte repeated, encrypted PDFs from
pypdf's writer, texts in other encodings from Python's codecs. Expected
keys, counts and texts are worked out by hand from the inputs.
"""

from __future__ import annotations

import hashlib
import io
import struct
import subprocess
import sys
import tomllib
import tracemalloc
import zipfile
import zlib

import pytest

from library_cases import REPORT, text_pdf
from studyboard import cli
from studyboard.dataset import catalog, tables
from studyboard.errors import InputError
from studyboard.ingest import intake, sources
from studyboard.store import library
from support import ROOT
from test_sources import blank_pdf

W = b'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


@pytest.fixture(autouse=True)
def folders(tmp_path, monkeypatch):
    monkeypatch.setenv("STUDYBOARD_LIBRARY", str(tmp_path / "lib"))
    monkeypatch.setenv("STUDYBOARD_CACHE", str(tmp_path / "cache"))
    return tmp_path


def refused(key: str, data: bytes, name: str = "a.txt", **kwargs) -> InputError:
    with pytest.raises(InputError) as caught:
        sources.read_bytes(data, name, **kwargs)
    error = caught.value
    assert error.key == key, (error.key, str(error))
    zh, en = error.message("zh"), error.message("en")
    assert zh and en and zh != en
    assert "binary" not in zh and "data" not in zh  # no English words in the Chinese message
    return error


# --- a zip bomb named .docx ------------------------------------------------------------


def _deflated(prefix: bytes, megabytes: int, suffix: bytes) -> tuple[bytes, int, int]:
    """A raw deflate stream of prefix + megabytes MiB of spaces + suffix, built from
    one compressed MiB repeated (a full flush makes every copy independent):
    (stream, CRC-32, uncompressed size)."""
    chunk = b" " * (1 << 20)
    comp = zlib.compressobj(9, zlib.DEFLATED, -15)
    head = comp.compress(prefix) + comp.flush(zlib.Z_FULL_FLUSH)
    block = comp.compress(chunk) + comp.flush(zlib.Z_FULL_FLUSH)
    tail = comp.compress(suffix) + comp.flush()
    crc = zlib.crc32(prefix)
    for _ in range(megabytes):
        crc = zlib.crc32(chunk, crc)
    crc = zlib.crc32(suffix, crc)
    return head + block * megabytes + tail, crc, len(prefix) + megabytes * len(chunk) + len(suffix)


def _zip(name: str, stream: bytes, crc: int, declared: int) -> bytes:
    """A zip file of one deflated member whose headers declare ``declared`` bytes."""
    raw = name.encode()
    local = struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, 0x21, crc, len(stream), declared, len(raw), 0)
    central = struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, 8, 0, 0x21, crc, len(stream), declared,
                          len(raw), 0, 0, 0, 0, 0, 0)
    body = local + raw + stream
    directory = central + raw
    end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, 1, 1, len(directory), len(body), 0)
    return body + directory + end


PREFIX = b'<?xml version="1.0"?><w:document ' + W + b"><w:body><w:p><w:r><w:t>"
SUFFIX = b"</w:t></w:r></w:p></w:body></w:document>"


@pytest.fixture(scope="module")
def bomb():
    """300 MiB of XML (spaces in one paragraph) in about 300 KB."""
    stream, crc, size = _deflated(PREFIX, 300, SUFFIX)
    assert size > 300 * 1024 * 1024 and len(stream) < 1024 * 1024
    return stream, crc, size


def test_a_zip_bomb_named_docx_is_refused_by_its_declared_size_in_bounded_memory(bomb):
    stream, crc, size = bomb
    data = _zip("word/document.xml", stream, crc, size)
    assert zipfile.ZipFile(io.BytesIO(data)).getinfo("word/document.xml").file_size == size  # a valid zip
    tracemalloc.start()
    try:
        error = refused("docx_too_large", data, "report.docx")
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 20 * 1024 * 1024
    assert error.params == {"size": "300 MB", "limit": "32 MB"}


def test_a_zip_bomb_that_lies_about_its_size_is_read_no_further_than_the_cap(bomb):
    stream, crc, _ = bomb
    data = _zip("word/document.xml", stream, crc, 1000)  # declares 1,000 bytes, inflates to 300 MiB
    tracemalloc.start()
    try:
        refused("corrupt_docx", data, "report.docx")  # the first 1,000 bytes fail their CRC
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 20 * 1024 * 1024


def test_the_stream_cap_holds_whatever_the_zip_reader_lets_through():
    """zipfile stops at the declared size; the board's own reader stops at its cap
    too (2 MiB offered, 1 MiB allowed: refused after the 17th chunk of 64 KiB)."""
    capped = sources._Capped(io.BytesIO(b" " * (2 << 20)), 1 << 20)
    with pytest.raises(sources._Over):
        while capped.read(1 << 16):
            pass
    assert capped.read_so_far == (1 << 20) + (1 << 16)


def test_a_docx_of_many_paragraphs_stops_at_twice_the_character_limit():
    # 300,000 paragraphs of one character: 600,000 characters with their line ends,
    # over twice the limit of 200,000 -- reading stops at 400,000
    xml = (b'<?xml version="1.0"?><w:document ' + W + b"><w:body>"
           + "<w:p><w:r><w:t>中</w:t></w:r></w:p>".encode() * 300_000 + b"</w:body></w:document>")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", xml)
    error = refused("too_long_more", buffer.getvalue(), "a.docx")
    assert error.params == {"chars": "400,000", "limit": "200,000"}


def test_entity_definitions_in_a_docx_are_refused():
    laughs = (b'<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY a "lollollollol">'
              b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>'
              b"<w:document " + W + b"><w:body><w:p><w:r><w:t>&c;</w:t></w:r></w:p></w:body></w:document>")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", laughs)
    refused("corrupt_docx", buffer.getvalue(), "a.docx")


# --- corrupt DOCX ----------------------------------------------------------------------


def test_random_bytes_named_docx():
    refused("corrupt_docx", bytes((i * 37 + 11) % 256 for i in range(5000)), "a.docx")


def test_a_zip_without_word_document_xml():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/styles.xml", "<w:styles/>")
    refused("docx_no_document", buffer.getvalue(), "a.docx")


def test_an_old_doc_or_a_password_protected_docx():
    # both are OLE compound files: D0 CF 11 E0 A1 B1 1A E1
    refused("docx_protected", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(4000), "a.docx")


# --- PDF ---------------------------------------------------------------------------------

LINES = ["测试文档", "中部地区发展势头良好。"]


def encrypted_pdf(algorithm: str, user_password: str) -> bytes:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(text_pdf(LINES))))
    writer.encrypt(user_password=user_password, owner_password="owner-secret", algorithm=algorithm)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


ALGORITHMS = ["RC4-40", "RC4-128", "AES-128", "AES-256"]


@pytest.mark.parametrize("algorithm", ALGORITHMS)
def test_a_pdf_that_needs_a_password_is_called_password_protected(algorithm):
    error = refused("pdf_encrypted", encrypted_pdf(algorithm, "user-secret"), "a.pdf")
    assert "密码" in error.message("zh") and "password" in error.message("en")


@pytest.mark.parametrize("algorithm", ALGORITHMS)
def test_an_encrypted_pdf_that_opens_without_a_password_is_read(algorithm):
    # AES-256 needs the cryptography package (requirements.txt)
    decoded = sources.read_bytes(encrypted_pdf(algorithm, ""), "a.pdf")
    assert decoded.kind == "pdf"
    assert [line.strip() for line in decoded.text.splitlines() if line.strip()] == LINES


def test_a_pdf_without_a_text_layer():
    refused("pdf_no_text", blank_pdf(), "scan.pdf")


def _blank_pages(count: int) -> bytes:
    from pypdf import PdfWriter

    writer = PdfWriter()
    for _ in range(count):
        writer.add_blank_page(width=200, height=200)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def test_a_pdf_of_500_pages_is_refused_before_a_page_is_read():
    error = refused("pdf_too_many_pages", _blank_pages(500), "long.pdf")
    assert error.params == {"pages": "500", "limit": "300"}
    assert "500" in error.message("zh") and "300" in error.message("zh")


def test_a_pdf_of_300_pages_is_within_the_cap():
    refused("pdf_no_text", _blank_pages(300), "long.pdf")  # read, and found empty


# --- encodings ---------------------------------------------------------------------------

#: Traditional characters (Big5 has no simplified ones), in my own words.
TRADITIONAL = "推動新質生產力加快發展。記者從湖北省發展改革委獲悉，今年一季度全省高技術製造業增加值同比增長百分之十二。\n"
#: No character of it has a zero byte in UTF-16 (一 U+4E00 would): its UTF-16 holds no NUL.
SIMPLIFIED = "推动新质生产力加快发展。记者从湖北省发展改革委获悉，今年首季度全省高技术制造业增加值同比增长百分之十五。"


def test_big5_is_decoded_right():
    decoded = sources.read_bytes(TRADITIONAL.encode("big5"), "a.txt")
    assert (decoded.encoding, decoded.text) == ("big5", TRADITIONAL)
    two = sources.read_bytes("中國".encode("big5"), "b.txt")  # A4A4 B0EA: read as GB it would be い办
    assert (two.encoding, two.text) == ("big5", "中國")


def test_shift_jis_japanese_is_recognised_and_refused():
    japanese = "日本の経済は緩やかに回復している。政府は新しい政策を発表した。\n"
    error = refused("japanese", japanese.encode("shift_jis"))
    assert "日文" in error.message("zh")
    refused("japanese", japanese.encode("utf-8"))  # the same text in UTF-8: the same answer


def test_latin1_text_is_read_as_text_without_chinese():
    western = "Le café est très bon à Genève; naïve façade, Müller über Straße.\n"
    refused("no_chinese", western.encode("latin-1"))
    refused("no_chinese", western.encode("cp1252"))


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
@pytest.mark.parametrize("newline", ["", "\n"])
def test_utf16_without_a_bom_is_decoded_right(encoding, newline):
    # without a line end the bytes hold no NUL at all (every character is Chinese)
    text = SIMPLIFIED + newline
    assert (b"\x00" in text.encode(encoding)) == bool(newline)
    decoded = sources.read_bytes(text.encode(encoding), "a.txt")
    assert (decoded.encoding, decoded.text) == (encoding, text)


def test_korean_read_as_chinese_would_be_mojibake_and_is_refused():
    korean = "한국어 텍스트입니다. 경제가 회복되고 있다.".encode("euc-kr")
    assert korean.decode("gb18030")  # it decodes, to common characters with spaces between them
    refused("encoding", korean)


def test_binary_data_says_so_in_chinese():
    error = refused("binary_data", bytes(range(256)) * 20)
    assert error.message("zh").startswith("这不是文本文件（看起来是二进制数据）")


def test_nul_bytes_in_a_text_are_removed():
    decoded = sources.read_bytes("湖南省长\x00沙市\x00召开座谈会。".encode("utf-8"), "a.txt")
    assert decoded.text == "湖南省长沙市召开座谈会。"


# --- sizes ----------------------------------------------------------------------------------


def test_one_byte_over_the_limit(monkeypatch):
    monkeypatch.setenv("STUDYBOARD_MAX_BYTES", "1000")
    # 7 characters of 3 bytes, 47 times: 987 bytes; 12 ASCII letters and a line end: 1,000
    text = ("中部地区崛起。" * 47).encode("utf-8") + b"abcdefghijkl\n"
    assert len(text) == 1000
    assert sources.read_bytes(text[:-3] + b"\n", "a.txt")  # under the limit: read
    error = refused("too_large", text + b"\n")
    assert error.params == {"size": "1001 B", "limit": "1000 B"}


def test_one_byte_over_the_default_limit_says_it_in_bytes():
    # 10 MiB + 1 byte and 10 MiB both read "10 MB": the message gives the bytes
    error = refused("too_large", b"a" * (10 * 1024 * 1024 + 1))
    assert error.params == {"size": "10,485,761 B", "limit": "10,485,760 B"}


def test_streamlit_lets_through_every_plausible_file_to_the_boards_message():
    """Its own limit (MB, English message) sits ten times above the board's, so that a file over
    the board's limit gets the board's message in the interface language up to 100 MB (the browser
    test tests/browser/test_hostile_uploads.py uploads 95 MB), and no more reaches the board's
    memory: on Linux its front end counts the limit in decimal megabytes, its server in MiB."""
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    megabytes = config["server"]["maxUploadSize"]
    assert megabytes * 1_000_000 >= 95_000_000 > 9 * sources.DEFAULT_MAX_BYTES
    assert megabytes * 1024 * 1024 <= 100 * 1024 * 1024


def test_more_characters_than_the_pages_can_show():
    sentence = "推动中部地区崛起。"  # 9 characters
    text = sentence * 22_223  # 200,007 characters
    assert len(text) == 200_007
    error = refused("too_long", text.encode("utf-8"))
    assert error.params == {"chars": "200,007", "limit": "200,000"}
    with pytest.raises(InputError) as caught:
        intake.prepare_text(text)
    assert caught.value.key == "too_long"
    ok = sentence * 22_222  # 199,998 characters
    assert intake.prepare_text(ok).chars == 199_998


@pytest.mark.parametrize("encoding", ["utf-8", "gb18030", "utf-16"])
def test_a_text_of_several_megabytes_is_refused_as_soon_as_it_is_decoded(encoding):
    # 1,000,000 characters (9 MB in UTF-8): over twice the limit, refused before normalisation
    data = ("推动中部地区崛起。" * 111_112)[:1_000_000].encode(encoding)
    error = refused("too_long_more", data)
    assert error.params == {"chars": "400,000", "limit": "200,000"}


def test_characters_are_counted_after_normalisation():
    # 200,007 characters of which 9 are zero-width spaces: 199,998 remain
    text = "推动中部地区崛起。" * 22_222 + "\u200b" * 9
    assert len(text) == 200_007
    assert intake.prepare_text(text).chars == 199_998


def test_a_line_of_200000_characters_without_punctuation_is_refused_at_once():
    line = "中部地区崛起" * 33_333 + "中部"  # 200,000 characters, none of them a sentence end
    assert len(line) == 200_000
    with pytest.raises(InputError) as caught:
        intake.prepare_text(line)
    assert caught.value.key == "no_punctuation"
    assert caught.value.params == {"longest": "200,000", "limit": "5,000"}


# --- words that look right ------------------------------------------------------------------


def test_invisible_characters_inside_words_do_not_hide_them(lexicon):
    # 长沙 three times, each cut by something invisible: a zero-width space, a
    # right-to-left override (with its pop), a NUL
    text = ("湖南省长\u200b沙市召开座谈会。\n"
            "长\u202e沙\u202c的发展很快，\u2066新质生产力\u2069加快培育。\n"
            "各地代表在长\x00沙交流经验。\n")
    draft = catalog.prepare(text.encode("utf-8"), "a.txt", lexicon)
    assert draft.text == ("湖南省长沙市召开座谈会。\n长沙的发展很快，新质生产力加快培育。\n"
                          "各地代表在长沙交流经验。\n")
    ds = tables.build(draft.document, lexicon)
    changsha = ds.mentions[ds.mentions["surface"].str.contains("长沙")]
    assert len(changsha) == 3
    assert ds.formulations.set_index("term").loc["新质生产力", "occurrences"] == 1


def test_a_duplicate_in_another_encoding_is_found(lexicon):
    stored = catalog.add(catalog.prepare(REPORT.encode("utf-8"), "a.txt", lexicon), {"title": "报告"})
    again = catalog.prepare(REPORT.encode("gb18030"), "b.txt", lexicon)
    assert again.encoding == "gb18030"
    assert again.duplicate_of is not None and again.duplicate_of.id == stored.id
    with pytest.raises(InputError) as caught:
        catalog.add(again, {"title": "报告"})
    assert caught.value.key == "duplicate"


# --- nothing stored changes ------------------------------------------------------------------


def _state():
    texts = library.store.texts_dir()
    files = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in texts.iterdir()} if texts.is_dir() else {}
    return catalog.listing().to_dict("records"), files


def hostile_files(bomb) -> list[tuple[str, bytes, str]]:
    stream, crc, size = bomb
    return [
        ("bomb.docx", _zip("word/document.xml", stream, crc, size), "docx_too_large"),
        ("broken.docx", b"PK\x03\x04" + bytes(300), "corrupt_docx"),
        ("locked.pdf", encrypted_pdf("AES-256", "user-secret"), "pdf_encrypted"),
        ("scan.pdf", blank_pdf(), "pdf_no_text"),
        ("japanese.txt", "日本の経済は回復している。".encode("shift_jis"), "japanese"),
        ("line.txt", ("中部地区崛起" * 33_333 + "中部").encode("utf-8"), "no_punctuation"),
        ("long.txt", ("推动中部地区崛起。" * 22_223).encode("utf-8"), "too_long"),
    ]


def test_bad_files_change_nothing_stored(lexicon, bomb):
    catalog.add(catalog.prepare(REPORT.encode("utf-8"), "a.txt", lexicon), {"title": "报告"})
    before = _state()
    for name, data, key in hostile_files(bomb):
        with pytest.raises(InputError) as caught:
            catalog.prepare(data, name, lexicon)
        assert caught.value.key == key, name
    assert _state() == before


# --- the command line --------------------------------------------------------------------------


def test_the_command_line_gives_one_clear_line_for_every_case(tmp_path, capsys, bomb):
    for name, data, key in hostile_files(bomb):
        path = tmp_path / name
        path.write_bytes(data)
        assert cli.main(["parse", str(path)]) == cli.EXIT_BAD_INPUT, name
        out, err = capsys.readouterr()
        assert out == ""
        with pytest.raises(InputError) as caught:
            intake.prepare(data, name)
        assert caught.value.key == key
        assert err == f"studyboard: {path}: {caught.value.message('en')}\n", (name, err)
        assert err.count("\n") == 1 and "Traceback" not in err
    assert not (tmp_path / "cache").exists()  # no dataset was written for any of them


def test_the_command_line_refuses_the_line_without_punctuation_like_the_board(tmp_path):
    path = tmp_path / "line.txt"
    path.write_text("中部地区崛起" * 33_333 + "中部", encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "studyboard", "parse", str(path), "--no-cache"], cwd=ROOT,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr == (f"studyboard: {path}: The text has a run of 200,000 characters without any "
                             "sentence-ending punctuation (the limit is 5,000); it cannot be split into sentences. "
                             "Use a text with punctuation and paragraphs.\n")
