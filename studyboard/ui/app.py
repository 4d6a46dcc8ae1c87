"""Streamlit glue: the cached dataset loader, the shared controls and navigation.

This is the one module of the package that imports Streamlit. ``dashboard.py``
calls :func:`shared_controls` once per run; it draws the sidebar (language,
document, theme filter) and stores a :class:`View` that every page gets with
:func:`view`. The shared controls are bound to the URL
(``?doc=…&themes=…&mode=…&lang=…``), so a view can be bookmarked and shared
and survives page switches; pages bind their own widgets the same way
(``bind="query-params"``).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

import pandas as pd
import streamlit as st

from studyboard.dataset import tables as datasets
from studyboard import i18n, lexicon as lexicon_module, paths
from studyboard.errors import InputError
from studyboard.analysis import filters
from studyboard.ui import url
from studyboard.views import markup
from studyboard.dataset import catalog as doc_catalog
from studyboard.ingest import document

#: The pages in navigation order: (file, title key, icon). Pages whose file
#: does not exist yet are left out.
PAGES = (
    ("app_pages/overview.py", "page.overview", ":material/dashboard:"),
    ("app_pages/reader.py", "page.reader", ":material/menu_book:"),
    ("app_pages/themes.py", "page.themes", ":material/grid_view:"),
    ("app_pages/map.py", "page.map", ":material/map:"),
    ("app_pages/terms.py", "page.terms", ":material/bar_chart:"),
    ("app_pages/study.py", "page.study", ":material/co_present:"),
    ("app_pages/quiz.py", "page.quiz", ":material/quiz:"),
    ("app_pages/library.py", "page.library", ":material/library_books:"),
    ("app_pages/compare.py", "page.compare", ":material/compare_arrows:"),
)

#: Pages reached only by a link, not listed in the sidebar: (file, title key, icon).
HIDDEN_PAGES = (
    ("app_pages/live.py", "page.live", ":material/cell_tower:"),  # participants of a live session (QR code)
)

THEME_MODES = ("any", "all")


@dataclass(frozen=True)
class View:
    """What every page needs: the dataset and the shared view state."""

    dataset: datasets.Dataset
    lexicon: lexicon_module.Lexicon
    doc_id: str
    themes: tuple[str, ...]  # selected theme ids, in lexicon order
    mode: str  # "any" or "all" of the selected themes
    lang: str

    def t(self, key: str, **params: object) -> str:
        return i18n.t(key, self.lang, **params)

    def theme_name(self, theme_id: str) -> str:
        return self.lexicon.theme(theme_id).name(self.lang)


# --- cached loading ------------------------------------------------------------


def lexicon_key() -> str:
    """Hash of the lexicon files as they are now (an edit changes it)."""
    return lexicon_module.key_of(paths.lexicon_dir())


@st.cache_resource(show_spinner=False, max_entries=8)
def _lexicon(key: str) -> lexicon_module.Lexicon:
    return lexicon_module.load(paths.lexicon_dir())


def current_lexicon() -> lexicon_module.Lexicon:
    return _lexicon(lexicon_key())


def save_themes(themes) -> None:
    """Write an edited theme lexicon to the themes file in use (see lexicon.save_themes);
    every page then rebuilds from it (the lexicon key changes)."""
    lexicon_module.save_themes(themes, paths.lexicon_dir() / "themes.toml")


def catalog() -> list[document.Entry]:
    """The documents the board can open (shipped ones first, then the library's)."""
    return doc_catalog.catalog()


def _stamp(entry: document.Entry) -> str:
    return entry.stamp()


@st.cache_resource(show_spinner=False, max_entries=64)
def load_dataset(doc_id: str, stamp: str, lex_key: str) -> datasets.Dataset:
    """The one cached dataset of a document (from disk when parsed before).

    Every session and every run gets the same object (``st.cache_resource``:
    nothing is copied or unpickled on a rerun), so no page may change it:
    pages derive new tables and leave the dataset's alone
    (tests/pages/test_frozen_dataset.py checks every page).
    """
    entry = next(e for e in catalog() if e.id == doc_id)
    return doc_catalog.dataset_for(entry, _lexicon(lex_key))


@st.cache_resource(show_spinner=False, max_entries=32)
def _previews(dataset_key: str, lex_key: str, glossary_stamp: int, lang: str, themes: tuple[str, ...], mode: str,
              _ds: datasets.Dataset, _lex: lexicon_module.Lexicon) -> list:
    from studyboard.analysis import glossary
    from studyboard.views import overview

    return overview.previews(_ds, _lex, lang, themes, mode, glossary.load())


def overview_previews(v: View) -> list:
    """The overview's previews (studyboard.views.overview.previews) of the view, made
    once per dataset, lexicon, glossary, language and theme filter and shared by
    every session: the figures take about half a second to build. Treat them
    as read-only."""
    return _previews(dataset_key(v.dataset), v.lexicon.key, glossary_stamp(), v.lang, tuple(v.themes), v.mode,
                     v.dataset, v.lexicon)


def outline_items(v: View):
    """The view's document's outline (studyboard.analysis.outline.extract), made once per document,
    lexicon and outline rules and shared (overview, presenter): a long text takes a good part of a
    second. Read-only."""
    from studyboard.analysis import outline

    return cached(v, "outline", file_stamp(outline.RULES_FILE), lambda: outline.extract(v.dataset, v.lexicon))


def slide_rows(v: View, themes, mode: str):
    """The outline's slides: (every slide, the slides under the theme filter ``themes``/``mode``),
    made once per document, lexicon, outline rules and filter and shared (the presenter view and the
    participants' phones count them alike). Read-only."""
    from studyboard.analysis import outline

    all_items = outline_items(v)
    return cached(v, "slides", (tuple(themes), mode, file_stamp(outline.RULES_FILE)), lambda: (
        outline.slide_rows(all_items), outline.slide_rows(outline.filter_items(all_items, v.dataset, themes, mode))))


def slide_stamps() -> tuple[int, int]:
    """What slides are made from besides the dataset and lexicon: the outline rules and the
    glossary (when each file was last changed); part of the key of what shows a slide."""
    from studyboard.analysis import outline

    return file_stamp(outline.RULES_FILE), glossary_stamp()


def quiz_stamps() -> tuple[int, int, int]:
    """What the quiz's questions are made from besides the dataset and lexicon: the slides' files
    (:func:`slide_stamps`) and the quiz rules."""
    from studyboard.analysis import quiz

    return (*slide_stamps(), file_stamp(quiz.RULES_FILE))


def quiz_bases(v: View) -> list[dict]:
    """The document's quiz questions before a session code draws their choices
    (studyboard.analysis.quiz.question_bases), made once per document, lexicon and rules and
    shared (the quiz page, the live session's quiz): a long text takes a second. Read-only."""
    from studyboard.analysis import keyterms, quiz

    return cached(v, "quiz/bases", quiz_stamps(), lambda: quiz.question_bases(
        v.dataset, v.lexicon, outline_items(v), keyterms.entries_for(v.lexicon)))


def glossary_stamp() -> int:
    """When the glossary file was last changed (0 without one): part of the key of what shows its terms."""
    return file_stamp("glossary.toml")


def file_stamp(name: str) -> int:
    """When the lexicon folder's file ``name`` was last changed (0 without one): part of the key of
    what is made from a data file outside the lexicon's own key (the glossary, the outline rules)."""
    path = paths.lexicon_dir() / name
    return path.stat().st_mtime_ns if path.exists() else 0


@st.cache_resource(show_spinner=False, max_entries=256)
def _made(name: str, dataset_key: str, lex_key: str, key: str, _make):
    return _make()


def dataset_key(ds: datasets.Dataset) -> str:
    """What names a dataset's content (its hash; an edited lexicon's dataset has its own)."""
    return str(ds.provenance.get("dataset_sha256") or ds.doc_id)


def cached(v: View, name: str, key, make, ds: datasets.Dataset | None = None):
    """``make()`` (a figure, a block of HTML) made once per dataset (``ds``, by
    default the view's), lexicon, ``name`` and ``key`` and shared by every
    session and run: ``key`` must hold everything the result depends on apart
    from the dataset and the lexicon (language, filters, selection), as plain
    values whose ``repr`` names them. Treat the result as read-only."""
    return _made(name, dataset_key(ds if ds is not None else v.dataset), v.lexicon.key, repr(key), make)


# --- parts of a page that rerun alone ---------------------------------------------


def in_part_rerun() -> bool:
    """Whether this run reruns one part of a page alone (an ``st.fragment``), not the whole app."""
    from streamlit.runtime.scriptrunner import get_script_run_ctx

    ctx = get_script_run_ctx(suppress_warning=True)
    return bool(ctx is not None and ctx.fragment_ids_this_run)


def part(func):
    """A part of a page (an ``st.fragment``): a change of one of its own widgets reruns it alone,
    without the sidebar, the navigation and the rest of the page, which stay as they are.

    Only for parts that nothing outside them follows (the sidebar never does). Such a rerun
    decides anew whether its URL came from outside (:func:`url.begin_run`, as every full run
    does in :func:`shared_controls`), so bound widgets in the part behave as in a full run;
    ``st.rerun()`` in the part still reruns the whole app (what a change of the shared filter needs).
    """
    @st.fragment
    @functools.wraps(func)
    def run(*args, **kwargs):
        if in_part_rerun():
            url.begin_run()
        return func(*args, **kwargs)

    return run


# --- shared controls -------------------------------------------------------------


def shared_controls() -> View | None:
    """Draw the sidebar's shared controls and load the dataset; None if none can be loaded."""
    url.begin_run()
    with st.sidebar:
        lang = url.choice("lang", i18n.LANGS, i18n.DEFAULT_LANG, key="lang").bind(
            st.segmented_control, "Language", list(i18n.LANGS), required=True, label_visibility="collapsed",
            format_func=lambda code: {"zh": "中文", "en": "English"}[code])

    entries = catalog()
    if not entries:
        st.error(i18n.t("app.no_documents", lang))
        return None
    ids = [e.id for e in entries]
    asked = st.query_params.get("doc")
    if url.url_changed() and asked is not None and asked not in ids:
        st.warning(markup.t("app.unknown_doc", lang, doc=asked[:80]))
    titles = {e.id: (e.title or e.id) for e in entries}
    dates = {e.id: e.date for e in entries}
    lex = current_lexicon()
    theme_ids = [t.id for t in lex.themes]
    doc = url.choice("doc", ids, None, key="doc")  # always in the URL: a shared link names its document
    themes_param = url.choices("themes", theme_ids, key="themes")
    mode_param = url.choice("mode", THEME_MODES, "any", key="mode")
    doc.seed()
    if st.session_state["doc"] not in ids:
        st.session_state["doc"] = ids[0]
    themes_param.seed()
    # set on every run (valid ids only): the multiselect then draws its chosen
    # options anew, in the language of this run
    st.session_state["themes"] = [t for t in st.session_state["themes"] if t in theme_ids]
    mode_param.seed()
    with st.sidebar:
        st.selectbox(i18n.t("app.document", lang), ids, key="doc", on_change=url.widget_changed,
                     format_func=lambda i: f"{titles[i]} · {dates[i]}" if dates[i] else titles[i])
        st.multiselect(i18n.t("app.themes", lang), theme_ids, key="themes", on_change=url.widget_changed,
                       format_func=lambda i: lex.theme(i).name(lang),
                       placeholder=i18n.t("app.themes_placeholder", lang))
        st.segmented_control(i18n.t("app.theme_mode", lang), list(THEME_MODES), key="mode", required=True,
                             on_change=url.widget_changed,
                             format_func=lambda m: i18n.t(f"app.mode_{m}", lang))
    doc_id = doc.write(doc.value())
    themes = tuple(themes_param.write(themes_param.value()))
    mode = mode_param.write(mode_param.value())
    entry = next(e for e in entries if e.id == doc_id)
    try:
        ds = load_dataset(doc_id, _stamp(entry), lexicon_key())
    except InputError as exc:
        st.error(i18n.t("app.unreadable", lang, doc=markup.md(titles[doc_id]), reason=markup.error(exc, lang)))
        return None
    scope = filters.scope(ds, [t for t in themes if t in set(ds.themes["theme"])], mode)
    if scope is not None:  # the filter's unit, the same on every page: paragraphs
        st.sidebar.caption(i18n.t(f"counts.scope_{mode}", lang, **scope))
    return View(ds, lex, doc_id, themes, mode, lang)


def navigation(lang: str):
    """The st.navigation of the pages that exist, titled in ``lang``."""
    pages = []
    for file, title_key, icon in PAGES:
        if (paths.ROOT / file).exists():
            pages.append(st.Page(file, title=i18n.t(title_key, lang), icon=icon, default=not pages))
    for file, title_key, icon in HIDDEN_PAGES:
        if (paths.ROOT / file).exists():
            pages.append(st.Page(file, title=i18n.t(title_key, lang), icon=icon, visibility="hidden"))
    page = st.navigation(pages, position="sidebar")
    if missing := url.unknown_page(page):
        st.warning(markup.t("app.unknown_page", lang, path=missing[:80]))
    return page


def set_view(view: View | None) -> None:
    st.session_state["_view"] = view


def view() -> View:
    """The current run's View (set by dashboard.py before the page runs)."""
    current = st.session_state.get("_view")
    if current is None:
        st.stop()
    return current


def page_path(name: str) -> str:
    """A page's file for st.page_link / st.switch_page ('reader' -> 'app_pages/reader.py')."""
    return f"app_pages/{name}.py"


def shared_params(v: View) -> dict[str, str]:
    """The shared view state as URL parameters (what every link carries)."""
    params = {"doc": v.doc_id}
    if v.themes:
        params["themes"] = ",".join(v.themes)
    if v.mode != "any":
        params["mode"] = v.mode
    if v.lang != i18n.DEFAULT_LANG:
        params["lang"] = v.lang
    return params


def link(v: View, page: str, **params: object) -> str:
    """A relative URL to a page with the shared view state and ``params``
    (``link(view, "reader", para=5)`` -> ``./reader?doc=…&para=5``), for
    Markdown and HTML links. Use markup.html() on it inside HTML attributes.
    """
    from urllib.parse import urlencode

    query = {**shared_params(v), **{k: str(value) for k, value in params.items() if value is not None}}
    return f"./{page}?{urlencode(query)}"


def frame_height(frame: pd.DataFrame, row: int = 35, header: int = 38, most: int = 600) -> int:
    """A dataframe's pixel height that shows all rows up to ``most``."""
    return min(most, header + row * max(len(frame), 1))

