"""Small documents for the study tests (hostile markup, no outline), the genre test texts with their
headings as read by hand, and a strict HTML check."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser

from studyboard.ingest.document import Document
from support import ROOT

#: The genre test texts (tests/texts/README.md; their structure by hand in *.expected.toml).
TEXTS = ROOT / "tests" / "texts"

#: speech.txt's headings as written, in order: 一、 to 四、 as heading lines, （一）…（三） under 三、.
SPEECH_HEADINGS = ["一、深刻认识推动中部地区崛起的重大意义", "二、准确把握推动中部地区崛起的目标要求",
                   "三、扎实抓好推动中部地区崛起的重点工作", "（一）以科技创新引领产业创新", "（二）主动融入全国统一大市场",
                   "（三）筑牢长江经济带绿色发展底色", "四、切实加强推动中部地区崛起的组织保障"]
#: report.txt's headings, in order: 一、 with （一）…（七）, 二、, 三、 with （一）…（九） and 1.–3. under its
#: （二）, 四、 with （一）…（三） (run-in subheadings: the sentence before its 。).
REPORT_HEADINGS = [
    "一、2024年工作回顾", "（一）着力扩大有效需求", "（二）加快发展新质生产力", "（三）纵深推进改革开放", "（四）筑牢生态安全屏障",
    "（五）持续保障和改善民生", "（六）统筹发展和安全", "（七）加强政府自身建设", "二、2025年总体要求和主要目标", "三、2025年重点工作",
    "（一）大力提振消费和扩大有效投资", "（二）加快建设现代化产业体系", "1.加快建设先进制造业集群", "2.培育壮大战略性新兴产业和未来产业",
    "3.推动传统产业转型升级", "（三）以科技创新引领产业创新", "（四）深度融入全国统一大市场", "（五）推动长江经济带高质量发展",
    "（六）全面推进乡村振兴", "（七）切实保障和改善民生", "（八）统筹高质量发展和高水平安全", "（九）促进区域协调发展和新型城镇化",
    "四、全面加强政府自身建设", "（一）坚持依法行政", "（二）坚持担当实干", "（三）坚持从严治政",
]


def genre_text(name: str) -> str:
    return (TEXTS / f"{name}.txt").read_text(encoding="utf-8")


def genre(name: str, lexicon):
    """The dataset of a genre test text (speech, report, article, decision, plain)."""
    from studyboard.dataset import tables

    return tables.build(Document(id=name, text=genre_text(name)), lexicon)

SCRIPT = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(1)>"

#: A report whose title, speech and points carry markup that must reach pages as text.
HOSTILE = Document(
    id="hostile",
    title=f"会议{SCRIPT}",
    date="2024-01-01",
    place=IMG,
    source="测试",
    text="\n".join([
        f"习近平主持召开座谈会强调{SCRIPT}",
        f"推动{IMG}发展",
        f"　　习近平在北京主持召开座谈会并发表重要讲话。他强调，中部地区是我国重要{IMG}基地，地位举足轻重。",
        f"　　习近平强调，要以科技创新{SCRIPT}引领产业创新，积极培育和发展新质生产力。加快建设{IMG}现代化产业体系。",
        "　　习近平指出，要坚持城乡融合发展，扎实推进乡村全面振兴。",
        f"　　李强在讲话中表示，要认真学习领会讲话精神{SCRIPT}。",
    ]) + "\n",
)

#: A text without speakers: no outline, no slides, no quiz.
PLAIN = Document(
    id="plain",
    title="天气",
    text="今天天气很好\n　　今天天气很好，大家都来到公园散步。孩子们在草地上玩耍。\n　　傍晚下了一场小雨。\n",
)


#: HTML elements without an end tag.
VOID = {"meta", "br", "hr", "img", "input", "link", "wbr", "col", "area", "base", "source"}


class StrictChecker(HTMLParser):
    """Every element closed in order, one html/head/body, a doctype; records start tags."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack, self.tags, self.problems, self.doctype = [], [], [], None

    def handle_decl(self, decl):
        self.doctype = decl

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_endtag(self, tag):
        if not self.stack or self.stack[-1] != tag:
            self.problems.append(f"</{tag}> closes {self.stack[-1:] or 'nothing'}")
        else:
            self.stack.pop()


#: The handout's one script block: plotly.js and the lines that draw the figures.
_SCRIPT_BLOCK = re.compile(r"<script>.*?</script>", re.DOTALL)


def check_html(text: str, scripts: int = 0) -> StrictChecker:
    """Assert that ``text`` is a whole, well-formed HTML document; returns the checker.

    ``scripts`` is the number of inline <script> elements the document may
    have (the handout with charts has one, with plotly.js: its code is not
    HTML and is left out of the entity check); none may load a file.
    """
    checker = StrictChecker()
    checker.feed(text)
    checker.close()
    assert checker.doctype and checker.doctype.lower() == "doctype html"
    assert checker.problems == [] and checker.stack == []
    names = [tag for tag, _ in checker.tags]
    assert names.count("html") == names.count("head") == names.count("body") == 1
    assert names.count("script") == scripts
    assert all(not attrs for tag, attrs in checker.tags if tag == "script")  # no src, no type: one inline block
    markup = _SCRIPT_BLOCK.sub("", text)
    assert len(_SCRIPT_BLOCK.findall(text)) == scripts and "<script" not in markup
    # every & outside the script starts an entity
    assert not re.search(r"&(?!(?:[A-Za-z]+|#\d+|#x[0-9A-Fa-f]+);)", markup)
    return checker


class _FigureReader(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.figures = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "div" and "data-figure" in attrs:
            self.figures.append(json.loads(attrs["data-figure"]))


def figures_of(text: str) -> list[dict]:
    """The figures of a handout, as the browser reads them: {"figure": {data, layout}, "config": …}."""
    reader = _FigureReader()
    reader.feed(text)
    reader.close()
    return reader.figures


def add_genre(name: str, lexicon) -> str:
    """Add a genre test text to the library in use (STUDYBOARD_LIBRARY) with the metadata the board
    guesses from it; returns its document id (the one it has if it is there already)."""
    from studyboard.dataset import catalog

    draft = catalog.prepare_text(genre_text(name), lexicon)
    if draft.duplicate_of is not None:
        return draft.duplicate_of.id
    return catalog.add(draft, draft.guess.meta()).id
