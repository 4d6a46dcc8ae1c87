"""Escaping for text that reaches HTML or Markdown.

Every piece of document or user text that a page writes with
``unsafe_allow_html=True`` goes through :func:`html`; text put into
``st.markdown`` (and into ``st.info``, ``st.warning``, ``st.error``,
``st.success``, ``st.toast``, ``st.caption`` and a widget's ``help=``, which
all render Markdown) goes through :func:`md`, so that a document containing
``<script>``, a Markdown image or one of Streamlit's directives
(``:red[…]``, ``$$…$$``) shows those characters as text and nothing is
fetched. A message of the UI strings whose parameters are user or URL text is
made with :func:`t` (every string parameter escaped); an error with
:func:`error`.
"""

from __future__ import annotations

import html as _html
import re

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|>~<$])")
#: A colon before a letter: Streamlit reads ``:name`` as a directive and drops it from the text.
_DIRECTIVE = re.compile(r":(?=[A-Za-z])")


def html(text: object) -> str:
    """Text for HTML content or attribute values (quotes escaped too)."""
    return _html.escape("" if text is None else str(text), quote=True)


def md(text: object) -> str:
    """Text for Markdown: every character with a Markdown meaning is escaped, and the colon
    that would start one of Streamlit's directives (``:red``, ``:material/…``)."""
    escaped = _MD_SPECIAL.sub(r"\\\1", "" if text is None else str(text))
    escaped = _DIRECTIVE.sub(r"\\:", escaped)
    return escaped.replace("\n", "  \n")


def params(values: dict) -> dict:
    """Message parameters with every string escaped for Markdown (numbers stay
    numbers, so that plural forms still choose)."""
    return {name: md(value) if isinstance(value, str) else value for name, value in values.items()}


def t(key: str, lang: str, **values: object) -> str:
    """A UI string for Markdown whose parameters may be user or URL text."""
    from studyboard.i18n import t as translate

    return translate(key, lang, **params(values))


def error(exc, lang: str) -> str:
    """An InputError's or LexiconError's message for Markdown (its parameters escaped)."""
    prefix = "error" if type(exc).__name__ == "InputError" else "lexicon"
    return t(f"{prefix}.{exc.key}", lang, **exc.params)
