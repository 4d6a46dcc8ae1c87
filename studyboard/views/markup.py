"""Escaping for text that reaches HTML or Markdown.

Every piece of document or user text that a page writes with
``unsafe_allow_html=True`` goes through :func:`html`; text put into
``st.markdown`` goes through :func:`md`, so that a document containing
``<script>`` or Markdown syntax shows those characters as text.
"""

from __future__ import annotations

import html as _html
import re

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|>~<$])")


def html(text: object) -> str:
    """Text for HTML content or attribute values (quotes escaped too)."""
    return _html.escape("" if text is None else str(text), quote=True)


def md(text: object) -> str:
    """Text for Markdown: every character with a Markdown meaning is escaped."""
    escaped = _MD_SPECIAL.sub(r"\\\1", "" if text is None else str(text))
    return escaped.replace("\n", "  \n")
