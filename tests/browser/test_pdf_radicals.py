"""A PDF printed by Chromium reads like the text it was printed from (issue 13).

Chromium prints an ordinary Chinese HTML page (Noto Sans CJK SC) to a PDF
whose text layer, as pypdf extracts it, holds Kangxi radicals and CJK
radical-supplement characters in place of some ideographs (⻓ for 长, ⽣ for
生, ⽉ for 月). The board normalises every input, so the PDF is the same
document as the text it was printed from: the same hash, the same places,
formulations and date. The news report is my own; the counts in it were
made by reading it.
"""

from __future__ import annotations

import io

import pytest

from studyboard.dataset import catalog, tables
from studyboard.ingest import sources
from test_sources import docx_bytes

HEADLINE = "湖北推动新质生产力加快发展"
PARAGRAPHS = [
    "新华社武汉5月8日电（记者张明）记者从湖北省发展改革委获悉，今年一季度，湖北全省高技术制造业增加值同比增长百分之十二，"
    "新质生产力培育取得积极进展。",
    "据介绍，湖北将与长沙、南昌等地加强协作，共同建设长江中游城市群。长沙的门户网站显示，长江沿线车企正在加快转型，"
    "青年科技人员表示要把握机遇。",
    "会议于2024年5月8日召开，要求各地坚持稳中求进，风险防范和安全生产两手抓，马上行动，见到实效。",
]
#: 长沙 twice (与长沙、南昌; 长沙的门户网站), both in paragraph 2.
CHANGSHA = 2
#: 新质生产力 once in the body (paragraph 1) and once in the headline.
XINZHI_BODY = 1

#: The page: the paragraphs 27.5 em wide, so that the dateline paragraph's
#: first line ends in the middle of 获悉 (…发展改革委获 / 悉，今年…).
HTML = """<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><style>
body {{ font-family: "Noto Sans CJK SC", sans-serif; font-size: 16px; margin: 0; }}
h1 {{ font-size: 24px; }}
p {{ width: 27.5em; margin: 0 0 1em 0; }}
</style></head><body><h1>{headline}</h1>{paragraphs}</body></html>"""


def print_pdf(page, body_html: str) -> bytes:
    page.set_content(body_html, wait_until="load")
    page.evaluate("document.fonts.ready.then(() => true)")
    return page.pdf(format="A4")


@pytest.fixture(scope="module")
def printed(browser):
    context = browser.new_context(locale="zh-CN")
    page = context.new_page()
    try:
        news = print_pdf(page, HTML.format(headline=HEADLINE, paragraphs="".join(f"<p>{p}</p>" for p in PARAGRAPHS)))
        gb2312 = "".join(_gb2312())
        every = print_pdf(page, f"<!DOCTYPE html><html lang='zh-CN'><meta charset='utf-8'><body style="
                                f"'font-family:\"Noto Sans CJK SC\",sans-serif;word-break:break-all'><p>{gb2312}</p></body></html>")
    finally:
        context.close()
    return news, every


def _gb2312() -> list[str]:
    """The 6,763 characters of GB2312 (rows 16-87), in their order."""
    out = []
    for lead in range(0xB0, 0xF8):
        for trail in range(0xA1, 0xFF):
            try:
                out.append(bytes([lead, trail]).decode("gb2312"))
            except UnicodeDecodeError:
                pass
    return out


def _raw_text(pdf: bytes) -> str:
    from pypdf import PdfReader

    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def _radicals(text: str) -> set[str]:
    return {ch for ch in text if 0x2E80 <= ord(ch) <= 0x2FDF}


@pytest.fixture(scope="module")
def raw(printed):
    text = _raw_text(printed[0])
    if not _radicals(text):
        pytest.skip("this Chromium prints no radical code points: nothing to normalise")
    return text


@pytest.fixture
def folders(tmp_path, monkeypatch):
    monkeypatch.setenv("STUDYBOARD_LIBRARY", str(tmp_path / "lib"))
    monkeypatch.setenv("STUDYBOARD_CACHE", str(tmp_path / "cache"))


def test_the_raw_text_layer_holds_radicals_in_place_of_ideographs(raw):
    assert "\u2ed3" in raw  # ⻓ CJK RADICAL C-SIMPLIFIED LONG for 长 (长沙, 长江)
    assert "长沙" not in raw and "新质生产力" not in raw  # nothing would match
    # the dateline paragraph's first line ends mid-word, without punctuation
    lines = raw.splitlines()
    assert lines[1].startswith("新华社武汉5") and lines[1].endswith("委获") and lines[2].startswith("悉，")


def test_after_ingest_the_pdf_reads_like_its_text(raw, printed, lexicon, folders):
    draft = catalog.prepare(printed[0], "news.pdf", lexicon)
    assert not _radicals(draft.text)
    assert draft.headline == HEADLINE  # not the dateline line
    assert list(draft.structure.paragraphs) == PARAGRAPHS  # the first starts with the dateline, not 悉，
    assert draft.guess.date == "2024-05-08"
    assert draft.guess.place == "武汉"
    ds = tables.build(draft.document, lexicon)
    assert (ds.mentions["surface"] == "长沙").sum() == CHANGSHA
    assert ds.formulations.set_index("term").loc["新质生产力", "occurrences"] == XINZHI_BODY


def test_the_pdf_is_a_duplicate_of_the_same_text_as_docx_and_txt(raw, printed, lexicon, folders):
    text = "\n".join([HEADLINE, *PARAGRAPHS]) + "\n"
    txt = catalog.prepare(text.encode("utf-8"), "news.txt", lexicon)
    docx = catalog.prepare(docx_bytes([HEADLINE, *PARAGRAPHS]), "news.docx", lexicon)
    pdf = catalog.prepare(printed[0], "news.pdf", lexicon)
    assert pdf.sha256 == txt.sha256 == docx.sha256
    stored = catalog.add(docx, {"title": HEADLINE})
    again = catalog.prepare(printed[0], "news.pdf", lexicon)
    assert again.duplicate_of is not None and again.duplicate_of.id == stored.id


def test_every_gb2312_character_printed_comes_back_as_itself(printed):
    raw = _raw_text(printed[1]).replace("\n", "")
    expected = "".join(_gb2312())
    assert len(raw) == len(expected) == 6763
    if not _radicals(raw):
        pytest.skip("this Chromium prints no radical code points")
    read = "".join(sources.read_bytes(printed[1], "gb2312.pdf").text.split())  # pages joined by a line end and a space
    wrong = [(want, got) for want, got in zip(expected, read) if want != got]
    assert wrong == [] and len(read) == 6763
