"""Layer 6, views: figures and HTML for the pages, in the UI language.

Each analysis module has its view (``themeviews``, ``placeviews``,
``termviews``, ``glossaryviews``, ``comparisonviews``, ``quizviews``, the
reader, slides, overview and handout); charts share one look
(:mod:`.charts`), names in the UI language come from :mod:`.labels`, HTML
from the jinja2 templates of ``templates/`` with autoescape
(:mod:`.templates`). No Streamlit.
"""
