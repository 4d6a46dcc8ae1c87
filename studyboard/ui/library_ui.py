"""Streamlit glue of the library and compare pages (like :mod:`studyboard.ui.app`).

The pages lay things out; this module keeps what must survive a rerun in
``st.session_state`` (the draft of an upload or a pasted text, one-off
messages, the confirmation of a delete) and runs the actions as widget
callbacks, which may change the sidebar's document before it is drawn. The
work itself is done by :mod:`studyboard.store.library` and :mod:`studyboard.analysis.comparison`.
"""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict
from dataclasses import dataclass

import pandas as pd
import streamlit as st

from studyboard.ui import app
from studyboard.analysis import comparison
from studyboard import i18n
from studyboard.store import library
from studyboard.dataset.tables import Dataset
from studyboard.errors import InputError
from studyboard.dataset import catalog
from studyboard.ingest import document
from studyboard.ingest import intake, sources
from studyboard import paths
from studyboard.views import markup

_DRAFT = "_lib_draft"
_FLASH = "_lib_flash"
_CONFIRM = "_lib_confirm_delete"
_UPLOAD_N = "_lib_upload_n"
_SEEN_UPLOAD = "_lib_upload_seen"
_PREFILLED = "_lib_prefilled"
_EDITING = "_lib_editing"
NEW_FIELDS = {name: f"lib_new_{name}" for name in document.META_FIELDS}
EDIT_FIELDS = {name: f"lib_edit_{name}" for name in document.META_FIELDS}
PASTE_KEY = "lib_paste"


#: Hides the uploader's own size hint: Streamlit accepts files up to ten times
#: the board's limit (``server.maxUploadSize``, so that the board can refuse
#: them in the user's language), and its "Limit 100MB per file" would
#: contradict the label and the caption, which state the board's limit.
UPLOAD_CSS = """<style>
[class*="st-key-lib_upload"] [data-testid="stFileUploaderDropzoneInstructions"] {display: none;}
</style>"""


@dataclass(frozen=True)
class Pending:
    """The current upload or pasted text: a draft, or the error that refused it."""

    origin: str  # "upload:<file id>" or "paste:<hash>"
    draft: intake.Draft | None
    error: InputError | None


# --- one-off messages ------------------------------------------------------------


def problem() -> InputError | None:
    """Why the library database cannot be used (None when it can)."""
    return library.problem()


def listing() -> pd.DataFrame:
    """Every document the board holds, one row each (:func:`studyboard.dataset.catalog.listing`)."""
    return catalog.listing()


def filter_listing(frame: pd.DataFrame, query: str) -> pd.DataFrame:
    return catalog.filter_listing(frame, query)


def missing(frame: pd.DataFrame) -> pd.DataFrame:
    return catalog.missing(frame)


def size_limit() -> str:
    """The upload size limit in words (10 MB)."""
    return sources.human_size(sources.max_bytes())


def text_limits() -> dict[str, str]:
    """The character limit of a document and the page limit of a PDF, written out (200,000; 300)."""
    return {"chars": f"{sources.MAX_CHARS:,}", "pages": f"{sources.MAX_PDF_PAGES:,}"}


def folder() -> str:
    """Where the library keeps what users add."""
    return str(paths.library_dir())


def flash(kind: str, text: str) -> None:
    """A message shown once on the next run ('success', 'info', 'warning' or 'error')."""
    st.session_state.setdefault(_FLASH, []).append((kind, text))


def show_flash() -> None:
    for kind, text in st.session_state.pop(_FLASH, []):
        getattr(st, kind)(text)


# --- adding ------------------------------------------------------------------------


def upload_key() -> str:
    """The uploader's key; a new one after each add empties the widget."""
    return f"lib_upload_{st.session_state.get(_UPLOAD_N, 0)}"


def pending() -> Pending | None:
    return st.session_state.get(_DRAFT)


def take_upload(upload, lexicon) -> Pending | None:
    """Read a newly uploaded file once (not again on every rerun) into the pending draft.

    A file that stays in the widget is not read again, so a text pasted
    after it keeps its place as the pending draft.
    """
    if upload is None:
        st.session_state.pop(_SEEN_UPLOAD, None)
        current = pending()
        if current and current.origin.startswith("upload:"):
            st.session_state.pop(_DRAFT, None)
        return pending()
    if st.session_state.get(_SEEN_UPLOAD) != upload.file_id:
        st.session_state[_SEEN_UPLOAD] = upload.file_id
        try:
            result = Pending(f"upload:{upload.file_id}", catalog.prepare(upload.getvalue(), upload.name, lexicon), None)
        except InputError as exc:  # kept without its traceback, whose frames hold the file's bytes
            result = Pending(f"upload:{upload.file_id}", None, exc.with_traceback(None))
        st.session_state[_DRAFT] = result
    return pending()


def take_paste(lexicon) -> None:
    """Button callback: read the pasted text into the pending draft."""
    text = st.session_state.get(PASTE_KEY, "")
    origin = "paste:" + hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
    try:
        result = Pending(origin, catalog.prepare_text(text, lexicon), None)
    except InputError as exc:
        result = Pending(origin, None, exc.with_traceback(None))
    st.session_state[_DRAFT] = result


def meta_fields(view: app.View, fields: dict[str, str]) -> None:
    """The metadata inputs of a form: title, then date, place and source in a
    row; ``fields`` maps each field to its widget key (NEW_FIELDS, EDIT_FIELDS)."""
    st.text_input(view.t("library.field_title"), key=fields["title"])
    left, middle, right = st.columns(3)
    left.text_input(view.t("library.field_date"), key=fields["date"], placeholder=view.t("library.date_placeholder"))
    middle.text_input(view.t("library.field_place"), key=fields["place"])
    right.text_input(view.t("library.field_source"), key=fields["source"])


def prefill_new(draft: intake.Draft) -> None:
    """Put the guessed metadata into the add form's fields, once per draft."""
    if st.session_state.get(_PREFILLED) == draft.sha256:
        return
    for name, key in NEW_FIELDS.items():
        st.session_state[key] = getattr(draft.guess, name)
    st.session_state[_PREFILLED] = draft.sha256


def add_pending(lang: str) -> None:
    """Form callback: store the pending draft with the fields' metadata, parse it
    at once (with a spinner) and make it the current document."""
    current = pending()
    if current is None or current.draft is None:
        return
    meta = {name: st.session_state.get(key, "") for name, key in NEW_FIELDS.items()}
    try:
        entry = catalog.add(current.draft, meta)
    except InputError as exc:
        flash("error", markup.error(exc, lang))
        return
    st.session_state.pop(_DRAFT, None)
    st.session_state.pop(_PREFILLED, None)
    st.session_state.pop(PASTE_KEY, None)
    st.session_state[_UPLOAD_N] = st.session_state.get(_UPLOAD_N, 0) + 1
    title = entry.title or entry.id
    with st.spinner(markup.t("library.parsing", lang, title=title)):
        try:
            ds = app.load_dataset(entry.id, entry.stamp(), app.lexicon_key())
        except InputError as exc:
            flash("error", markup.error(exc, lang))
            return
    st.session_state["doc"] = entry.id
    flash("success", markup.t("library.added", lang, title=title, paragraphs=int(ds.document["paragraphs"]),
                            sentences=int(ds.document["sentences"])))


# --- editing and deleting ------------------------------------------------------------


def prefill_edit(entry: document.Entry) -> None:
    """Put a document's metadata into the edit form, when another document (or version) is shown."""
    if st.session_state.get(_EDITING) == (entry.id, entry.stamp()):
        return
    for name, key in EDIT_FIELDS.items():
        st.session_state[key] = getattr(entry, name)
    st.session_state[_EDITING] = (entry.id, entry.stamp())


def save_edit(doc_id: str, lang: str) -> None:
    """Form callback: store the edit form's metadata."""
    meta = {name: st.session_state.get(key, "") for name, key in EDIT_FIELDS.items()}
    try:
        entry = library.update(doc_id, meta)
    except InputError as exc:
        flash("error", markup.error(exc, lang))
        return
    st.session_state.pop(_EDITING, None)
    flash("success", markup.t("library.saved", lang, title=entry.title or entry.id))


def ask_delete(doc_id: str) -> None:
    st.session_state[_CONFIRM] = doc_id


def cancel_delete() -> None:
    st.session_state.pop(_CONFIRM, None)


def confirming(doc_id: str) -> bool:
    return st.session_state.get(_CONFIRM) == doc_id


def delete(doc_id: str, title: str, lang: str) -> None:
    """Button callback: delete after confirmation; the board falls back to the default document."""
    st.session_state.pop(_CONFIRM, None)
    try:
        removed = library.delete(doc_id)
    except InputError as exc:
        flash("error", markup.error(exc, lang))
        return
    if st.session_state.get("doc") == doc_id:
        entries = app.catalog()
        st.session_state["doc"] = entries[0].id if entries else None
    flash("success", markup.t("library.deleted", lang, title=title, notes=removed))


# --- compare -----------------------------------------------------------------------


def datasets_for(ids: list[str]) -> dict[str, Dataset]:
    """The cached datasets of listed documents (those that cannot be read are left out)."""
    entries = {e.id: e for e in app.catalog()}
    out = {}
    for doc_id in ids:
        entry = entries.get(doc_id)
        if entry is None:
            continue
        try:
            out[doc_id] = app.load_dataset(doc_id, entry.stamp(), app.lexicon_key())
        except InputError:
            continue
    return out


#: How many trend results are kept (each a small table).
TREND_CACHE = 32


@st.cache_resource(show_spinner=False)
def _trend_cache() -> tuple[OrderedDict, threading.Lock]:
    """Trend results shared by all sessions: (terms, library fingerprint) -> result.

    Not st.cache_data: the computation draws a progress bar, which a
    cache_data function could not replay.
    """
    return OrderedDict(), threading.Lock()


def trend(terms: list[str], label: str, longer: tuple[str, ...] = ()) -> tuple[pd.DataFrame, list[str]]:
    """The trend of ``terms`` across every document (occurrences, and how many are
    nested in one of ``longer``), cached until a document or its metadata changes;
    a progress bar shows while the documents are read."""
    entries = tuple(app.catalog())
    fingerprint = hashlib.sha256("\n".join(f"{e.id}\x1f{e.stamp()}" for e in entries).encode()).hexdigest()
    key = (tuple(terms), fingerprint, tuple(longer))
    cache, lock = _trend_cache()
    with lock:
        if key in cache:
            cache.move_to_end(key)
            return cache[key]
    slot = st.empty()
    state = {"bar": None}

    def progress(done: int, total: int) -> None:
        step = max(1, total // 50)
        if done % step and done != total:
            return
        fraction = done / max(total, 1)
        text = f"{label} {done:,}/{total:,}"
        if state["bar"] is None:
            state["bar"] = slot.progress(fraction, text=text)
        else:
            state["bar"].progress(fraction, text=text)

    result = comparison.term_trend(entries, terms, catalog.body_text, progress, longer)
    slot.empty()
    with lock:
        cache[key] = result
        while len(cache) > TREND_CACHE:
            cache.popitem(last=False)
    return result
