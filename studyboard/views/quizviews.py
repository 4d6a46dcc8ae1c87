"""The quiz page's text: the question's sentence with its blank, the source sentence
with the answer in bold, the answer's glossary line, and the page's type sizes (templates
``quiz_prompt.html`` and ``quiz_style.html``)."""

from __future__ import annotations

from studyboard.analysis.quiz import BLANK
from studyboard.views.labels import term_gloss
from studyboard.views.markup import md
from studyboard.views.templates import render


def css() -> str:
    """The quiz page's type: sentences and choices readable from the back of a room (``quiz_style.html``)."""
    return render("quiz_style.html")


def answer_gloss(term: str, lang: str, entries: dict | None = None) -> str:
    """One line about the answer from the glossary (pinyin · English: explanation), or ''."""
    return term_gloss(term, lang, entries).replace("\n", ": ")


def prompt_html(prompt: str) -> str:
    """The question's sentence in large type, the blank marked (escaped HTML)."""
    return render("quiz_prompt.html", parts=prompt.split(BLANK), blank=BLANK)


def source_markdown(source: str, answer: str) -> str:
    """The source sentence as escaped Markdown (for st.markdown), with the answer in bold."""
    return f"**{md(answer)}**".join(md(part) for part in source.split(answer))
