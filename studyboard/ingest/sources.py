"""From a file's bytes to text: decoding, DOCX and PDF extraction, bad input.

Supported: plain text in UTF-8 (with or without BOM), GB18030/GBK, UTF-16
(with or without BOM) and UTF-32 with BOM; ``.docx``; ``.pdf`` with a text
layer. Anything else raises :class:`~studyboard.errors.InputError` with a
message key, and nothing is stored.

The size limit is :data:`DEFAULT_MAX_BYTES` unless the environment variable
``STUDYBOARD_MAX_BYTES`` sets another number of bytes.
"""

from __future__ import annotations

import io
import os
import re
import unicodedata
import zipfile
from dataclasses import dataclass
from xml.etree import ElementTree

from studyboard.errors import InputError

#: Default size limit of one document file: 10 MiB.
DEFAULT_MAX_BYTES = 10 * 1024 * 1024

TEXT_SUFFIXES = (".txt", ".text", ".md")
SUFFIXES = TEXT_SUFFIXES + (".docx", ".pdf")

_MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "PNG"),
    (b"\xff\xd8\xff", "JPEG"),
    (b"GIF87a", "GIF"),
    (b"GIF89a", "GIF"),
    (b"RIFF", "RIFF (WebP/WAV/AVI)"),
    (b"\x7fELF", "ELF"),
    (b"\x1f\x8b", "gzip"),
    (b"Rar!", "RAR"),
    (b"7z\xbc\xaf\x27\x1c", "7z"),
    (b"\xd0\xcf\x11\xe0", "OLE (.doc/.xls)"),
    (b"ID3", "MP3"),
    (b"OggS", "Ogg"),
    (b"\x00\x00\x00\x18ftyp", "MP4"),
    (b"\x00\x00\x00\x20ftyp", "MP4"),
)
_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


@dataclass(frozen=True)
class Decoded:
    """Text taken from a file, with how it was read."""

    text: str
    encoding: str  # utf-8, utf-8-sig, gb18030, utf-16-le ..., or docx / pdf
    kind: str  # "text", "docx" or "pdf"


def max_bytes() -> int:
    value = os.environ.get("STUDYBOARD_MAX_BYTES", "")
    return int(value) if value.strip().isdigit() else DEFAULT_MAX_BYTES


def human_size(n: int) -> str:
    """A size in B, KB, MB or GB (1024-based), with no more digits than it needs."""
    value = float(n)
    for unit in ("B", "KB", "MB", "GB"):
        if value < 1024 or unit == "GB":
            break
        value /= 1024
    if unit == "B":
        return f"{n} B"
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return f"{text} {unit}"


def _check_size(data: bytes, limit: int | None) -> None:
    limit = max_bytes() if limit is None else limit
    if len(data) > limit:
        size, most = human_size(len(data)), human_size(limit)
        if size == most:  # just over the limit: say it in bytes
            size, most = f"{len(data):,} B", f"{limit:,} B"
        raise InputError("too_large", size=size, limit=most)


def _text_quality(text: str) -> float:
    """Share of characters that are plausible in a document (0..1)."""
    if not text:
        return 0.0
    bad = 0
    for ch in text:
        if ch in "\n\r\t":
            continue
        cat = unicodedata.category(ch)
        if cat in ("Cc", "Cs", "Co", "Cn") or ch == "\ufffd":
            bad += 1
    return 1 - bad / len(text)


def _binary_kind(data: bytes) -> str | None:
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            return kind
    return None


def _decode_utf16(data: bytes) -> tuple[str, str] | None:
    """UTF-16 without BOM: accept the byte order whose text looks right."""
    if len(data) % 2:
        return None
    best = None
    for enc in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        score = _text_quality(text)
        if score > 0.98 and (best is None or score > best[0]):
            best = (score, text, enc)
    return (best[1], best[2]) if best else None


def decode_text(data: bytes) -> tuple[str, str]:
    """Decode the bytes of a text file; returns (text, encoding).

    Raises InputError for binary data and for bytes that decode in no
    supported encoding.
    """
    boms = (
        (b"\xff\xfe\x00\x00", "utf-32-le"),
        (b"\x00\x00\xfe\xff", "utf-32-be"),
        (b"\xef\xbb\xbf", "utf-8-sig"),
        (b"\xff\xfe", "utf-16-le"),
        (b"\xfe\xff", "utf-16-be"),
    )
    for bom, enc in boms:
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(enc.replace("-sig", "")), enc
            except UnicodeDecodeError as exc:
                raise InputError("encoding") from exc
    kind = _binary_kind(data)
    if kind:
        raise InputError("binary", kind=kind)
    if b"\x00" in data:
        found = _decode_utf16(data)
        if found:
            return found
        raise InputError("binary", kind="binary data")
    try:
        text = data.decode("utf-8")
        encoding = "utf-8"
    except UnicodeDecodeError:
        try:
            text = data.decode("gb18030")
            encoding = "gb18030"
        except UnicodeDecodeError as exc:
            raise InputError("encoding") from exc
        # GB18030 accepts many byte strings; Latin-1 or random bytes decode to
        # rare characters. Ask for some common Chinese or plain ASCII.
        if _text_quality(text) < 0.98 or not _plausible_gb(text):
            raise InputError("encoding") from None
    if _text_quality(text) < 0.95:
        raise InputError("binary", kind="binary data")
    return text, encoding


def _plausible_gb(text: str) -> bool:
    han = _HAN.findall(text)
    if not han:
        return True
    # The 3,500 common characters all lie in the GB2312 range; text read in
    # the wrong encoding is mostly rare characters outside it.
    common = sum(1 for ch in han if _in_gb2312(ch))
    return common / len(han) > 0.9


def _in_gb2312(ch: str) -> bool:
    try:
        ch.encode("gb2312")
        return True
    except UnicodeEncodeError:
        return False


def extract_docx(data: bytes) -> str:
    """The text of a .docx file: one line per Word paragraph."""
    ns = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            xml = archive.read("word/document.xml")
        root = ElementTree.fromstring(xml)
    except (zipfile.BadZipFile, KeyError, ElementTree.ParseError, OSError, ValueError) as exc:
        raise InputError("corrupt_docx") from exc
    lines = []
    for para in root.iter(f"{ns}p"):
        parts = []
        for node in para.iter():
            if node.tag == f"{ns}t" and node.text:
                parts.append(node.text)
            elif node.tag == f"{ns}tab":
                parts.append("\t")
            elif node.tag in (f"{ns}br", f"{ns}cr"):
                parts.append("\n")
        lines.append("".join(parts))
    return "\n".join(lines)


def extract_pdf(data: bytes) -> str:
    """The text layer of a PDF, page by page (hard-wrapped, like the seed)."""
    try:
        from pypdf import PdfReader
        from pypdf.errors import PdfReadError
    except ImportError as exc:  # pragma: no cover - pypdf is in requirements.txt
        raise InputError("unsupported", suffix=".pdf") from exc
    try:
        reader = PdfReader(io.BytesIO(data))
        pages = [page.extract_text() or "" for page in reader.pages]
    except (PdfReadError, ValueError, KeyError, TypeError, AttributeError, OSError,
            IndexError, RecursionError, AssertionError, ZeroDivisionError) as exc:
        raise InputError("corrupt_pdf") from exc
    text = "\n".join(" " + page.strip("\n") for page in pages)
    if not _HAN.search(text) and not text.strip():
        raise InputError("pdf_no_text")
    return text


def read_bytes(data: bytes, filename: str = "", limit: int | None = None) -> Decoded:
    """Text from a file's bytes, chosen by content and name; checks for bad input.

    ``limit`` overrides the size limit (in bytes) for this call.
    """
    if not data:
        raise InputError("empty")
    _check_size(data, limit)
    suffix = os.path.splitext(filename.lower())[1]
    if data.startswith(b"%PDF") or suffix == ".pdf":
        if not data.startswith(b"%PDF"):
            raise InputError("corrupt_pdf")
        decoded = Decoded(extract_pdf(data), "pdf", "pdf")
    elif suffix == ".docx" or (data.startswith(b"PK\x03\x04") and b"word/" in data[:4096]):
        decoded = Decoded(extract_docx(data), "docx", "docx")
    elif data.startswith(b"PK\x03\x04"):
        raise InputError("binary", kind="ZIP")
    elif suffix and suffix not in TEXT_SUFFIXES and suffix not in SUFFIXES:
        raise InputError("unsupported", suffix=suffix)
    else:
        text, encoding = decode_text(data)
        decoded = Decoded(text, encoding, "text")
    check_text(decoded.text)
    return decoded


def check_text(text: str) -> None:
    """Refuse text that is blank or holds no Chinese at all."""
    if not text.strip():
        raise InputError("blank")
    if not _HAN.search(text):
        raise InputError("no_chinese")
