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

from dataclasses import dataclass

import pandas as pd
import streamlit as st

from studyboard.dataset import tables as datasets
from studyboard import i18n, lexicon as lexicon_module, paths
from studyboard.errors import InputError
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


@st.cache_data(show_spinner=False, max_entries=64)
def load_dataset(doc_id: str, stamp: str, lex_key: str) -> datasets.Dataset:
    """The one cached dataset of a document (from disk when parsed before)."""
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
    key = str(v.dataset.provenance.get("dataset_sha256") or v.doc_id)
    path = paths.lexicon_dir() / "glossary.toml"
    stamp = path.stat().st_mtime_ns if path.exists() else 0
    return _previews(key, v.lexicon.key, stamp, v.lang, tuple(v.themes), v.mode, v.dataset, v.lexicon)


# --- the URL -------------------------------------------------------------------
#
# View state lives in the URL (?doc=…&themes=ecology,party&para=5). Widgets keep
# their values in st.session_state under their keys; at the start of every run
# the URL is compared with the one this session wrote last: when it differs
# (a shared link, an edited address, the browser's back button) the URL wins
# and seeds the widgets, otherwise the widgets win and are written to the URL.
# A page switch clears the address, which is not taken as a change: the
# shared controls keep their values and write them back.

_LAST = "_url_last"
_EXTERNAL = "_url_external"


def _url_get(name: str) -> str | None:
    """A URL parameter's value; repeated ones (?themes=a&themes=b) joined by commas."""
    values = st.query_params.get_all(name)
    return ",".join(values) if values else (None if name not in st.query_params else "")


def _url_now() -> dict[str, str]:
    return {name: _url_get(name) for name in st.query_params}


def begin_run() -> None:
    """Decide once per run whether the URL changed from outside this session."""
    now = _url_now()
    last = st.session_state.get(_LAST)
    st.session_state[_EXTERNAL] = last is None or (bool(now) and now != last)


def url_changed() -> bool:
    """Whether this run's URL came from outside the session (a shared link, an edited address)."""
    return bool(st.session_state.get(_EXTERNAL))


def from_url(key: str, default, parse=str, param: str | None = None) -> None:
    """Seed the widget ``key`` before it is drawn: from the URL when that changed
    from outside, else keep its value (``default`` the first time).

    ``parse`` turns the URL text into a value and returns None (or raises
    ValueError) for a value that is not valid; an invalid value is ignored.
    """
    param = param or key
    if st.session_state.get(_EXTERNAL):
        raw = _url_get(param)
        if raw is None:
            if st.session_state.get(_LAST) is not None:
                st.session_state[key] = default  # the new address does not set it
        else:
            try:
                value = parse(raw)
            except (ValueError, TypeError):
                value = None
            if value is not None:
                st.session_state[key] = value
    st.session_state.setdefault(key, default)


def to_url(param: str, value, default=None, serialize=str) -> None:
    """Write a view-state value to the URL (left out while it has its default)."""
    if value is None or value == default or value in ("", [], ()):
        if param in st.query_params:
            del st.query_params[param]
    else:
        text = serialize(value)
        if _url_get(param) != text:
            st.query_params[param] = text
    st.session_state[_LAST] = _url_now()


def update_url(**params: object) -> None:
    """Set URL parameters (None or "" removes one) and rerun at once.

    The new address then seeds the widgets as a shared link would; this is how
    a click on a chart changes a widget that was drawn earlier in the run
    (``app.update_url(para=8, themes="ecology")``).
    """
    for name, value in params.items():
        if (value is None or value == "") and name in st.query_params:
            del st.query_params[name]
    # one message for all new values: one entry in the browser's history
    st.query_params.update({name: str(value) for name, value in params.items() if value not in (None, "")})
    st.rerun()


def lang_key(key: str, lang: str) -> str:
    """The key of a selectbox whose option labels depend on the language.

    After a language switch Streamlit keeps showing a keyed selectbox's
    current option in the old language; a key per language draws it anew.
    The value moves over from the other language's key.
    """
    own = f"{key}__{lang}"
    if own not in st.session_state:
        for other in i18n.LANGS:
            if f"{key}__{other}" in st.session_state:
                st.session_state[own] = st.session_state[f"{key}__{other}"]
                break
    return own


def parse_list(valid) -> callable:
    """A parser for comma-separated ids that keeps the valid ones, in order."""
    allowed = list(valid)

    def parse(text: str) -> list[str]:
        chosen = {part.strip() for part in text.split(",")}
        return [item for item in allowed if item in chosen]

    return parse


def parse_choice(valid) -> callable:
    """A parser that accepts one of ``valid`` (else None: the value is ignored)."""
    allowed = list(valid)

    def parse(text: str):
        return text if text in allowed else None

    return parse


def parse_int(low: int, high: int) -> callable:
    """A parser for a whole number from ``low`` to ``high`` (else None)."""

    def parse(text: str) -> int | None:
        value = int(text)
        return value if low <= value <= high else None

    return parse


def join_list(values) -> str:
    return ",".join(values)


# --- shared controls -------------------------------------------------------------


def shared_controls() -> View | None:
    """Draw the sidebar's shared controls and load the dataset; None if none can be loaded."""
    begin_run()
    from_url("lang", i18n.DEFAULT_LANG, lambda v: v if v in i18n.LANGS else None)
    with st.sidebar:
        st.segmented_control(
            "Language", list(i18n.LANGS), key="lang", required=True, label_visibility="collapsed",
            format_func=lambda code: {"zh": "中文", "en": "English"}[code],
        )
    lang = st.session_state["lang"] if st.session_state.get("lang") in i18n.LANGS else i18n.DEFAULT_LANG
    to_url("lang", lang, i18n.DEFAULT_LANG)

    entries = catalog()
    if not entries:
        st.error(i18n.t("app.no_documents", lang))
        return None
    ids = [e.id for e in entries]
    asked = st.query_params.get("doc")
    if st.session_state.get(_EXTERNAL) and asked is not None and asked not in ids:
        st.warning(i18n.t("app.unknown_doc", lang, doc=asked[:80]))
    titles = {e.id: (e.title or e.id) for e in entries}
    dates = {e.id: e.date for e in entries}
    lex = current_lexicon()
    theme_ids = [t.id for t in lex.themes]
    from_url("doc", ids[0], lambda v: v if v in ids else None)
    if st.session_state["doc"] not in ids:
        st.session_state["doc"] = ids[0]
    from_url("themes", [], parse_list(theme_ids))
    st.session_state["themes"] = [t for t in st.session_state["themes"] if t in theme_ids]
    from_url("mode", "any", lambda v: v if v in THEME_MODES else None)
    with st.sidebar:
        st.selectbox(i18n.t("app.document", lang), ids, key="doc",
                     format_func=lambda i: f"{titles[i]} · {dates[i]}" if dates[i] else titles[i])
        st.multiselect(i18n.t("app.themes", lang), theme_ids, key="themes",
                       format_func=lambda i: lex.theme(i).name(lang),
                       placeholder=i18n.t("app.themes_placeholder", lang))
        st.segmented_control(i18n.t("app.theme_mode", lang), list(THEME_MODES), key="mode", required=True,
                             format_func=lambda m: i18n.t(f"app.mode_{m}", lang))
    doc_id = st.session_state["doc"]
    themes = tuple(t for t in theme_ids if t in st.session_state["themes"])
    mode = st.session_state["mode"] if st.session_state.get("mode") in THEME_MODES else "any"
    to_url("doc", doc_id)
    to_url("themes", list(themes), [], join_list)
    to_url("mode", mode, "any")
    entry = next(e for e in entries if e.id == doc_id)
    try:
        ds = load_dataset(doc_id, _stamp(entry), lexicon_key())
    except InputError as exc:
        st.error(i18n.t("app.unreadable", lang, doc=titles[doc_id], reason=exc.message(lang)))
        return None
    return View(ds, lex, doc_id, themes, mode, lang)


def navigation(lang: str):
    """The st.navigation of the pages that exist, titled in ``lang``."""
    pages = []
    for file, title_key, icon in PAGES:
        if (paths.ROOT / file).exists():
            pages.append(st.Page(file, title=i18n.t(title_key, lang), icon=icon, default=not pages))
    return st.navigation(pages, position="sidebar")


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

