"""Small documents for the study tests (hostile markup, no outline) and a strict HTML check."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser

from studyboard.ingest.document import Document

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
