"""Hand-made documents and bad files for the library tests (unit, AppTest, browser).

Counts written next to the texts were made by reading them, character by
character; the tests compare the program's results with these.
"""

from __future__ import annotations

import random

from test_sources import blank_pdf, docx_bytes
from variants import wrap_paragraph

#: A short report: a title line, a dateline paragraph and one more paragraph.
#: Reflowed body: "新华社武汉5月8日电记者在湖北省武汉市调研发现，中部地区发展势头良好。"
#: (35 characters: 新华社武汉 5, 5月8日电 5, 记者在湖北省武汉市调研发现 13, ， 1,
#: 中部地区发展势头良好 10, 。 1) and "要坚持高质量发展，推动科技创新和产业创新深度融合。"
#: (25: 要坚持高质量发展 8, ， 1, 推动科技创新和产业创新深度融合 15, 。 1): 60 characters.
REPORT = ("测试文档：中部地区调研报告\n\n"
          "新华社武汉5月8日电\u3000记者在湖北省武汉市调研发现，中部地区发展势头良好。\n\n"
          "要坚持高质量发展，推动科技创新和产业创新深度融合。\n")
REPORT_TITLE = "测试文档：中部地区调研报告"
REPORT_CHARS = 60
REPORT_PARAGRAPHS = 2

#: Keyness pair. Every word stands alone between commas, so each is one token
#: (all four are formulations of userdict.txt): A has 新质生产力 6, 高质量发展 2,
#: 中国式现代化 2 (10 words); B has 新质生产力 1, 高质量发展 2, 中国式现代化 2,
#: 新发展格局 5 (10 words).
KEY_A = ("测试文档甲\n"
         "新质生产力，新质生产力，新质生产力，新质生产力，新质生产力，新质生产力，"
         "高质量发展，高质量发展，中国式现代化，中国式现代化。\n")
KEY_B = ("测试文档乙\n"
         "新质生产力，高质量发展，高质量发展，中国式现代化，中国式现代化，"
         "新发展格局，新发展格局，新发展格局，新发展格局，新发展格局。\n")

#: A document whose title and text hold HTML and script.
HOSTILE_TITLE = "<script>alert(1)</script>测试标题"
HOSTILE = (f"{HOSTILE_TITLE}\n"
           "正文第一段<img src=x onerror=alert(1)>，写着新质生产力。\n"
           "第二段<b>粗体</b>和[链接](javascript:alert(1))。\n")


def _png() -> bytes:
    return b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8


def _random_bytes() -> bytes:
    rng = random.Random(11)
    return bytes(rng.randrange(256) for _ in range(3000)) + b"\x00\x00\x00"


def _docx_damaged() -> bytes:
    return docx_bytes(["第一段。"]).replace(b"word/document.xml", b"word/somethingx.xml")


#: (case id, file name, bytes, InputError key). ``too_large`` is built by the
#: tests, which lower STUDYBOARD_MAX_BYTES.
BAD_FILES = [
    ("empty", "empty.txt", b"", "empty"),
    ("blank", "blank.txt", " \n\t\r\n\u3000\n".encode("utf-8"), "blank"),
    ("image_renamed", "photo.txt", _png(), "binary"),
    ("binary", "data.txt", _random_bytes(), "binary_data"),
    ("undecodable", "odd.txt", b"abc \x80\x80\x80 def \xff\xfe\xfd", "encoding"),
    ("corrupt_docx", "broken.docx", b"PK\x03\x04 this is not really a zip file", "corrupt_docx"),
    ("damaged_docx", "damaged.docx", _docx_damaged(), "corrupt_docx"),
    ("corrupt_pdf", "broken.pdf", b"%PDF-1.7\n garbage garbage", "corrupt_pdf"),
    ("scanned_pdf", "scan.pdf", blank_pdf(), "pdf_no_text"),
    ("no_chinese", "english.txt", b"Only English words here, and no Chinese at all.\n", "no_chinese"),
    ("long_line", "line.txt", ("中部地区崛起" * 1000).encode("utf-8"), "no_punctuation"),
]


def report_docx() -> bytes:
    return docx_bytes(["测试文档：中部地区调研报告", "新华社武汉5月8日电\u3000记者在湖北省武汉市调研发现，中部地区发展势头良好。",
                       "要坚持高质量发展，推动科技创新和产业创新深度融合。"])



def text_pdf(lines: list[str]) -> bytes:
    """A one-page PDF whose text layer holds ``lines``: a CID font (STSong-Light,
    not embedded) with a ToUnicode map, the way PDF writers store Chinese."""
    chars = sorted({ch for line in lines for ch in line})
    cid = {ch: i + 1 for i, ch in enumerate(chars)}
    content = ["BT /F1 12 Tf 14 TL 40 760 Td"]
    content += ["<" + "".join(f"{cid[ch]:04X}" for ch in line) + "> Tj T*" for line in lines]
    content.append("ET")
    stream = "\n".join(content).encode("ascii")
    cmap = ("/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /Custom def "
            "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def "
            "1 begincodespacerange <0000> <FFFF> endcodespacerange\n"
            f"{len(chars)} beginbfchar\n" + "".join(f"<{cid[ch]:04X}> <{ord(ch):04X}>\n" for ch in chars)
            + "endbfchar endcmap CMapName currentdict /CMap defineresource pop end end").encode("ascii")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> "
        b"/Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /Identity-H "
        b"/DescendantFonts [6 0 R] /ToUnicode 7 0 R >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light "
        b"/CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 2 >> >>",
        b"<< /Length %d >>\nstream\n" % len(cmap) + cmap + b"\nendstream",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def report_pdf(width: int = 14) -> bytes:
    """REPORT as a PDF page, hard-wrapped at ``width`` characters (first-line indent lost)."""
    paragraphs = ["新华社武汉5月8日电记者在湖北省武汉市调研发现，中部地区发展势头良好。",
                  "要坚持高质量发展，推动科技创新和产业创新深度融合。"]
    return text_pdf([REPORT_TITLE] + [line for p in paragraphs for line in wrap_paragraph(p, width)])


def add(lex, text, **meta):
    """Add pasted ``text`` to the library as the board does (its guessed metadata, ``meta`` over it); the entry."""
    from studyboard.dataset import catalog

    draft = catalog.prepare_text(text, lex)
    return catalog.add(draft, {**draft.guess.meta(), **meta})
