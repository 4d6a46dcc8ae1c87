"""HTML from jinja2 templates (``studyboard/views/templates/*.html``), autoescaped; Markdown files
from ``*.md`` templates (:func:`render_markdown`).

Every value put into a template is escaped unless a view marks it as already
safe HTML (:func:`safe`, for HTML another template or the board made). Use
``render("reader.html", paragraphs=...)``; the result is a str fit for
``st.html`` / ``st.markdown(..., unsafe_allow_html=True)`` and the handout.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import jinja2
from markupsafe import Markup

FOLDER = Path(__file__).resolve().parent / "templates"


@lru_cache(maxsize=1)
def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(FOLDER),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )
    return env


def render(name: str, **context: object) -> str:
    """The template ``name`` filled with ``context`` (values escaped)."""
    return environment().get_template(name).render(**context)


def safe(html: str) -> Markup:
    """HTML that the board made itself (a rendered template), to be put into another unescaped."""
    return Markup(html)


@lru_cache(maxsize=1)
def markdown_environment() -> jinja2.Environment:
    """Templates of Markdown files (``*.md``): nothing is escaped unless a template says
    ``{{ value | md }}`` (:func:`studyboard.views.markdown_text.escape`)."""
    from studyboard.views.markdown_text import escape

    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(FOLDER),
        autoescape=False,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
    )
    env.filters["md"] = escape
    return env


def render_markdown(name: str, **context: object) -> str:
    """The Markdown template ``name`` filled with ``context`` (escape values with ``| md``)."""
    return markdown_environment().get_template(name).render(**context)
