"""From a file's bytes to text: decoding, DOCX and PDF extraction, bad input.

Supported: plain text in UTF-8 (with or without BOM), GB18030/GBK, Big5,
UTF-16 (with or without BOM) and UTF-32 with BOM; ``.docx``; ``.pdf`` with a
text layer (also an encrypted one that opens without a password). Anything
else raises :class:`~studyboard.errors.InputError` with a message key, and
nothing is stored. Every text is then normalised
(:func:`studyboard.ingest.normalise.normalise`) before anything reads it.

Limits, each refused with its own message:

* a file of more than :data:`DEFAULT_MAX_BYTES` (10 MiB) unless the
  environment variable ``STUDYBOARD_MAX_BYTES`` sets another number of bytes;
* a text of more than :data:`MAX_CHARS` characters (200,000; the long report
  the board is tested with has about 32,000): what the pages can show;
* a DOCX whose ``word/document.xml`` declares or inflates to more than
  :data:`DOCX_XML_LIMIT` (32 MiB): it is read in chunks with that cap, never
  whole, so that a zip bomb costs no memory;
* a PDF of more than :data:`MAX_PDF_PAGES` pages (300), refused before any
  page is read.

A text file's decoded text, a DOCX's and a PDF's extracted text are refused
as soon as they hold more than twice the character limit, before the slower
checks and normalisation read them: a 10 MB file costs no more than a
second.

Bytes that decode only by guessing are accepted when they read as plausible
text (common characters of the encoding), never as mojibake: Shift-JIS is
recognised and refused as Japanese; Latin-1 text holds no Chinese.
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
from studyboard.ingest.normalise import normalise

#: Default size limit of one document file: 10 MiB.
DEFAULT_MAX_BYTES = 10 * 1024 * 1024
#: Most characters one document may hold (after normalisation): what the pages can show.
MAX_CHARS = 200_000
#: Largest uncompressed ``word/document.xml`` of a DOCX (declared or read): 32 MiB.
DOCX_XML_LIMIT = 32 * 1024 * 1024
#: Most pages of a PDF.
MAX_PDF_PAGES = 300

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
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_SPACED_HAN = re.compile(r"[\u3400-\u9fff] +(?=[\u3400-\u9fff])")
_KANA = re.compile(r"[\u3041-\u3096\u30a1-\u30fa]")
#: A text whose kana are more than this share of its Chinese characters and kana is Japanese.
JAPANESE_KANA_SHARE = 0.1


@dataclass(frozen=True)
class Decoded:
    """Text taken from a file, with how it was read."""

    text: str
    encoding: str  # utf-8, utf-8-sig, gb18030, big5, utf-16-le ..., or docx / pdf
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


def check_size(size: int, limit: int | None = None) -> None:
    """Refuse ``size`` bytes over the limit (the message says both sizes)."""
    limit = max_bytes() if limit is None else limit
    if size > limit:
        shown, most = human_size(size), human_size(limit)
        if shown == most:  # just over the limit: say it in bytes
            shown, most = f"{size:,} B", f"{limit:,} B"
        raise InputError("too_large", size=shown, limit=most)


# --- plain text ---------------------------------------------------------------------


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


def _bound(text: str, most: int | None) -> str:
    """Refuse a decoded text of more than ``most`` characters before anything
    slower than decoding reads it (the character limit proper comes after
    normalisation)."""
    if most is not None and len(text) > most:
        raise InputError("too_long_more", chars=f"{most:,}", limit=f"{most // 2:,}")
    return text


def _decode_utf16(data: bytes, most: int | None = None) -> tuple[str, str] | None:
    """UTF-16 without BOM: the byte order whose text looks right, if one does."""
    if len(data) % 2:
        return None
    best = None
    for enc in ("utf-16-le", "utf-16-be"):
        try:
            text = _bound(data.decode(enc), most)
        except UnicodeDecodeError:
            continue
        score = _text_quality(text)
        if score > 0.98 and _plausible_utf16(text) and (best is None or score > best[0]):
            best = (score, text, enc)
    return (best[1], best[2]) if best else None


def _plausible_utf16(text: str) -> bool:
    """Most characters ASCII, Chinese or CJK punctuation, and the Chinese ones common."""
    if not text:
        return False
    usual = sum(1 for ch in text if ch.isascii() or _HAN.match(ch) or "\u3000" <= ch <= "\u303f"
                or "\uff00" <= ch <= "\uffef" or "\u2000" <= ch <= "\u206f" or "\u2e80" <= ch <= "\u2fdf")
    return usual / len(text) > 0.95 and _plausible_gb(text)


def decode_text(data: bytes, most_chars: int | None = None) -> tuple[str, str]:
    """Decode the bytes of a text file; returns (text, encoding).

    A text of more than ``most_chars`` characters is refused as soon as it is
    decoded (too_long_more).

    Tried in order: a byte-order mark; UTF-16 when the bytes hold NULs;
    UTF-8; GB18030 when its text is common Chinese; UTF-16 without BOM or
    NULs; Big5 when its text is common Chinese. Shift-JIS Japanese and
    Latin-1 text are recognised and refused with their own message. Raises
    InputError for binary data and for bytes that decode in no supported
    encoding.
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
                return _bound(data[len(bom):].decode(enc.replace("-sig", "")), most_chars), enc
            except UnicodeDecodeError as exc:
                raise InputError("encoding") from exc
    kind = _binary_kind(data)
    if kind:
        raise InputError("binary", kind=kind)
    if b"\x00" in data:
        found = _decode_utf16(data, most_chars)
        if found:
            return found
        # a few NUL bytes in a text file (normalisation removes them); many: binary
        if data.count(b"\x00") > max(4, len(data) // 100):
            raise InputError("binary_data")
    try:
        text = _bound(data.decode("utf-8"), most_chars)
    except UnicodeDecodeError:
        return _decode_legacy(data, most_chars)
    if _text_quality(text.replace("\x00", "")) < 0.95:
        raise InputError("binary_data")
    return text, "utf-8"


def _decode_legacy(data: bytes, most: int | None) -> tuple[str, str]:
    """Bytes that are not UTF-8: GB18030, UTF-16 without BOM, Big5 -- or a clear refusal."""
    try:
        text = _bound(data.decode("gb18030"), most)
    except UnicodeDecodeError:
        text = None
    # GB18030 accepts most byte strings; Big5, Latin-1 or random bytes decode
    # to rare characters. Ask for common Chinese or plain ASCII.
    if text is not None and _text_quality(text) >= 0.98 and _plausible_gb(text):
        return text, "gb18030"
    found = _decode_utf16(data, most)
    if found:
        return found
    big5 = _try(data, "big5")
    if big5 is not None and _plausible_big5(big5):
        return big5, "big5"
    japanese = _try(data, "shift_jis")
    if japanese is not None and _is_japanese(japanese):
        raise InputError("japanese")
    if _latin1_text(data):
        raise InputError("no_chinese")
    if text is None and big5 is None and sum(1 for b in data if b < 9 or 13 < b < 32) > len(data) // 100:
        raise InputError("binary_data")
    raise InputError("encoding")


def _try(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        return None


def _plausible_gb(text: str) -> bool:
    """Common Chinese: GB2312 characters, few kana, few spaces between characters."""
    han = _HAN.findall(text)
    if not han:
        return True
    # The 3,500 common characters all lie in the GB2312 range; text read in
    # the wrong encoding is mostly rare characters outside it.
    common = sum(1 for ch in han if _in_gb2312(ch))
    if common / len(han) <= 0.9:
        return False
    # Big5 read as GB gives kana (GB2312 rows A4, A5); Korean (EUC-KR) gives
    # common characters, but in words with spaces between them
    return not _is_japanese(text) and len(_SPACED_HAN.findall(text)) <= len(han) / 20


def _in_gb2312(ch: str) -> bool:
    try:
        ch.encode("gb2312")
        return True
    except UnicodeEncodeError:
        return False


def _plausible_big5(text: str) -> bool:
    """Nearly every non-ASCII character is a common Big5 character (level 1) or
    Big5 punctuation; text of another encoding read as Big5 is mostly not."""
    wide = [ch for ch in text if not ch.isascii()]
    if not wide or not _HAN.search(text):
        return False
    common = 0
    for ch in wide:
        try:
            code = int.from_bytes(ch.encode("big5"), "big")
        except UnicodeEncodeError:
            continue
        if 0xA140 <= code <= 0xA3BF or 0xA440 <= code <= 0xC67E:
            common += 1
    return common / len(wide) > 0.95


def _is_japanese(text: str) -> bool:
    kana = len(_KANA.findall(text))
    return kana > 0 and kana / (kana + len(_HAN.findall(text))) > JAPANESE_KANA_SHARE


def _latin1_text(data: bytes) -> bool:
    """Western text in Latin-1 / Windows-1252: every byte above ASCII a letter
    or common punctuation, between ASCII letters and spaces."""
    text = data.decode("cp1252", errors="replace")
    high = [ch for ch in text if not ch.isascii()]
    if not high or sum(1 for ch in text if ch.isascii() and ch.isalpha()) < 3 * len(high):
        return False
    return all(unicodedata.category(ch)[0] in "LPZS" and ch != "\ufffd" for ch in high)


# --- DOCX -------------------------------------------------------------------------


class _Over(Exception):
    """The stream went over its cap."""


class _Capped(io.RawIOBase):
    """A member of a zip file read in chunks, at most ``cap`` bytes of it; no DTD allowed."""

    def __init__(self, raw, cap: int) -> None:
        self.raw, self.cap, self.read_so_far, self.tail = raw, cap, 0, b""

    def readable(self) -> bool:
        return True

    def read(self, size: int = -1) -> bytes:
        size = 64 * 1024 if size is None or size < 0 else min(size, 64 * 1024)
        chunk = self.raw.read(size)
        self.read_so_far += len(chunk)
        if self.read_so_far > self.cap:
            raise _Over()
        # a Word document has no DTD: entity definitions could only be an attack
        if b"<!ENTITY" in self.tail + chunk or b"<!DOCTYPE" in self.tail + chunk:
            raise ElementTree.ParseError("a DTD in word/document.xml")
        self.tail = chunk[-16:]
        return chunk


def extract_docx(data: bytes, max_chars: int = MAX_CHARS) -> str:
    """The text of a .docx file: one line per Word paragraph.

    ``word/document.xml`` is read in chunks with a cap of DOCX_XML_LIMIT
    bytes (declared and actual size), parsed as it comes in, and reading
    stops once the text is longer than twice ``max_chars``.
    """
    if data.startswith(_OLE):
        raise InputError("docx_protected")
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        raise InputError("corrupt_docx") from exc
    with archive:
        try:
            info = archive.getinfo("word/document.xml")
        except KeyError as exc:
            raise InputError("docx_no_document") from exc
        if info.file_size > DOCX_XML_LIMIT:
            raise InputError("docx_too_large", size=human_size(info.file_size), limit=human_size(DOCX_XML_LIMIT))
        try:
            with archive.open(info) as member:
                return _docx_text(_Capped(member, DOCX_XML_LIMIT), 2 * max_chars)
        except InputError:
            raise
        except _Over as exc:
            raise InputError("docx_too_large", size=f"> {human_size(DOCX_XML_LIMIT)}",
                             limit=human_size(DOCX_XML_LIMIT)) from exc
        except (zipfile.BadZipFile, ElementTree.ParseError, OSError, ValueError, EOFError,
                NotImplementedError, RuntimeError) as exc:  # RuntimeError: an encrypted member
            raise InputError("corrupt_docx") from exc


def _docx_text(stream, most_chars: int) -> str:
    ns = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    para, text, tab, br, cr = f"{ns}p", f"{ns}t", f"{ns}tab", f"{ns}br", f"{ns}cr"
    lines: list[str] = []
    parts: list[list[str]] = []  # the text of each open paragraph (nested ones: text boxes)
    stack: list[ElementTree.Element] = []
    total = 0
    for event, node in ElementTree.iterparse(stream, events=("start", "end")):
        if event == "start":
            stack.append(node)
            if node.tag == para:
                parts.append([])
            continue
        stack.pop()
        tag = node.tag
        if parts:
            if tag == text and node.text:
                parts[-1].append(node.text)
            elif tag == tab:
                parts[-1].append("\t")
            elif tag in (br, cr):
                parts[-1].append("\n")
        if tag == para:
            line = "".join(parts.pop())
            lines.append(line)
            total += len(line) + 1
            if total > most_chars:
                raise InputError("too_long_more", chars=f"{most_chars:,}", limit=f"{most_chars // 2:,}")
        # what has been read is dropped (its children went before it): memory stays bounded
        node.clear()
        if stack:
            stack[-1].remove(node)
    return "\n".join(lines)


# --- PDF --------------------------------------------------------------------------


def extract_pdf(data: bytes, max_chars: int = MAX_CHARS) -> str:
    """The text layer of a PDF, page by page (hard-wrapped, like the seed).

    An encrypted PDF that opens without a password is read; one that needs a
    password is refused as password-protected. More than MAX_PDF_PAGES pages
    are refused before a page is read; reading stops once the text is longer
    than twice ``max_chars``.
    """
    try:
        from pypdf import PasswordType, PdfReader
        from pypdf.errors import DependencyError, FileNotDecryptedError, PdfReadError
    except ImportError as exc:  # pragma: no cover - pypdf is in requirements.txt
        raise InputError("unsupported", suffix=".pdf") from exc
    pages = []
    total = 0
    try:
        reader = PdfReader(io.BytesIO(data))  # tries the empty password of an encrypted file
        if reader.is_encrypted and reader.decrypt("") == PasswordType.NOT_DECRYPTED:
            raise InputError("pdf_encrypted")
        count = len(reader.pages)
        if count > MAX_PDF_PAGES:
            raise InputError("pdf_too_many_pages", pages=f"{count:,}", limit=f"{MAX_PDF_PAGES:,}")
        for page in reader.pages:
            text = page.extract_text() or ""
            pages.append(text)
            total += len(text)
            if total > 2 * max_chars:
                raise InputError("too_long_more", chars=f"{2 * max_chars:,}", limit=f"{max_chars:,}")
    except InputError:
        raise
    except (DependencyError, FileNotDecryptedError) as exc:
        raise InputError("pdf_encrypted") from exc
    except (PdfReadError, ValueError, KeyError, TypeError, AttributeError, OSError,
            IndexError, RecursionError, AssertionError, ZeroDivisionError) as exc:
        raise InputError("corrupt_pdf") from exc
    text = "\n".join(" " + page.strip("\n") for page in pages)
    if not text.strip():
        raise InputError("pdf_no_text")
    return text


# --- any file -----------------------------------------------------------------------


def read_bytes(data: bytes, filename: str = "", limit: int | None = None,
               max_chars: int | None = MAX_CHARS) -> Decoded:
    """Text from a file's bytes, chosen by content and name, normalised; checks for bad input.

    ``limit`` overrides the size limit (in bytes) for this call; ``max_chars``
    the character limit (None: no limit, for documents the board already holds).
    """
    if not data:
        raise InputError("empty")
    check_size(len(data), limit)
    most = MAX_CHARS if max_chars is None else max_chars
    reading = most if max_chars is not None else 1 << 62
    suffix = os.path.splitext(filename.lower())[1]
    if data.startswith(b"%PDF") or suffix == ".pdf":
        if not data.startswith(b"%PDF"):
            raise InputError("corrupt_pdf")
        decoded = Decoded(extract_pdf(data, reading), "pdf", "pdf")
    elif suffix == ".docx" or (data.startswith(b"PK\x03\x04") and b"word/" in data[:4096]):
        decoded = Decoded(extract_docx(data, reading), "docx", "docx")
    elif data.startswith(b"PK\x03\x04"):
        raise InputError("binary", kind="ZIP")
    elif suffix and suffix not in TEXT_SUFFIXES and suffix not in SUFFIXES:
        raise InputError("unsupported", suffix=suffix)
    else:
        text, encoding = decode_text(data, None if max_chars is None else 2 * most)
        decoded = Decoded(text, encoding, "text")
    decoded = Decoded(normalise(decoded.text), decoded.encoding, decoded.kind)
    check_text(decoded.text, max_chars)
    return decoded


def check_text(text: str, max_chars: int | None = MAX_CHARS) -> None:
    """Refuse normalised text that is blank, holds no Chinese, is Japanese or
    is longer than ``max_chars`` characters (None: no length limit).

    Every way in -- a file, pasted text, the command line -- passes here.
    """
    if not text.strip():
        raise InputError("blank")
    if not _HAN.search(text):
        raise InputError("no_chinese")
    if _is_japanese(text):
        raise InputError("japanese")
    if max_chars is not None and len(text) > max_chars:
        raise InputError("too_long", chars=f"{len(text):,}", limit=f"{max_chars:,}")
