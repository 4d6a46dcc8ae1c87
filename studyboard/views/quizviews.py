"""The quiz page's text: the question's sentence with its blank, the source sentence
with the answer in bold, the answer's glossary line, and the page's type sizes."""

from __future__ import annotations

from studyboard.analysis import keyterms
from studyboard.analysis.quiz import BLANK
from studyboard.views.markup import md
from studyboard.views.templates import render

#: The quiz page's type: sentences and choices readable from the back of a room.
CSS = """<style>
.sb-quiz-prompt { font-size: 1.5rem; line-height: 1.75; margin: 0.2rem 0 0.6rem 0; }
.sb-blank { color: #C0392B; font-weight: 700; letter-spacing: -0.05em; }
[data-testid="stMain"] [data-testid="stRadio"] [role="radiogroup"] label p { font-size: 1.2rem; }
[data-testid="stMain"] [data-testid="stRadio"] [role="radiogroup"] { gap: 0.4rem 1.6rem; }
</style>"""


def answer_gloss(term: str, lang: str, entries: dict | None = None) -> str:
    """One line about the answer from the glossary (pinyin · English: explanation), or ''."""
    return keyterms.gloss(term, lang, entries).replace("\n", ": ")


def prompt_html(prompt: str) -> str:
    """The question's sentence in large type, the blank marked (escaped HTML)."""
    return render("quiz_prompt.html", parts=prompt.split(BLANK), blank=BLANK)


def source_markdown(source: str, answer: str) -> str:
    """The source sentence as escaped Markdown (for st.markdown), with the answer in bold."""
    return f"**{md(answer)}**".join(md(part) for part in source.split(answer))
