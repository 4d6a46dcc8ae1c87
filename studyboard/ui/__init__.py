"""Layer 7, ui: the only code that imports Streamlit.

The shared controls, the cached dataset loader and navigation (:mod:`.app`),
view state in the URL (:mod:`.url`, parsers in :mod:`.params`), and the
widgets of the library, notes and theme editor (:mod:`.library_ui`,
:mod:`.notes_ui`, :mod:`.themes_ui`). Pages (``app_pages/``) call this layer
and the views.
"""
