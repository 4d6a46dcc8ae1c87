"""The catalog: every document the board can open, and the way in for new ones.

Shipped documents are the files of ``data/texts`` (with a ``.toml`` of
metadata beside each); library documents are those users added
(:mod:`studyboard.store.library`). Ids come from these listings only: a value
from a URL is looked up in them and never used as a path.

* :func:`catalog` lists them; :func:`dataset_for` opens one (the cached
  dataset, :mod:`studyboard.dataset.cache`);
* :func:`prepare` / :func:`prepare_text` read an upload or pasted text
  (:mod:`studyboard.ingest.intake`), guess its metadata from the text
  (:mod:`studyboard.nlp.metadata`) and find a stored duplicate;
  :func:`add` stores it;
* :func:`listing` is the library page's table of every document.
"""

from __future__ import annotations

import dataclasses
from functools import lru_cache
from pathlib import Path

import pandas as pd

from studyboard import paths
from studyboard.dataset import cache
from studyboard.dataset.tables import Dataset, content_hash
from studyboard.errors import InputError
from studyboard.ingest import intake, sources
from studyboard.ingest.document import DOC_ID, Entry, read, read_meta
from studyboard.ingest.intake import Draft
from studyboard.lexicon import Lexicon
from studyboard.nlp.metadata import guess_meta
from studyboard.store import library, notes


def shipped(folder: Path | None = None) -> list[Entry]:
    """Documents in ``data/texts`` (or ``folder``), sorted by file name."""
    folder = Path(folder or paths.TEXTS)
    entries = []
    for path in sorted(folder.iterdir()) if folder.is_dir() else []:
        if path.suffix.lower() not in sources.SUFFIXES or not path.is_file():
            continue
        if not DOC_ID.match(path.stem):
            continue
        entries.append(Entry(path.stem, path, **read_meta(path)))
    return entries


def catalog() -> list[Entry]:
    """Every document the board can open: shipped ones (by file name), then the
    library's (by date). A library id that a shipped file already uses is left out."""
    entries = shipped()
    taken = {e.id for e in entries}
    return entries + [e for e in library.entries() if e.id not in taken]


# --- opening -------------------------------------------------------------------


def dataset_for(entry: Entry, lexicon: Lexicon) -> Dataset:
    """The parsed dataset of any listed document (from the disk cache when parsed before).

    Library documents are parsed with blank metadata and their current
    metadata laid over the ``documents`` table, so that editing it costs no
    new parse.
    """
    doc = read(entry, check_size=False)
    if entry.origin != "library":
        return cache.load(doc, lexicon)
    bare = dataclasses.replace(doc, title="", date="", place="", source="")
    return with_meta(cache.load(bare, lexicon), entry.title, entry.date, entry.place, entry.source)


def with_meta(ds: Dataset, title: str, date: str, place: str, source: str) -> Dataset:
    """The dataset with other metadata in its ``documents`` row (the title falls back to the headline)."""
    documents_table = ds.documents.copy()
    documents_table["title"] = title or documents_table["headline"].iloc[0]
    documents_table["date"] = date
    documents_table["place"] = place
    documents_table["source"] = source
    tables = {**ds.tables(), "documents": documents_table}
    provenance = dict(ds.provenance, metadata="library database", dataset_sha256=content_hash(tables))
    return Dataset(**tables, provenance=provenance)


def body_text(entry: Entry) -> str:
    """A document's body as the board reads it (paragraphs joined by line breaks), without parsing.

    Raises InputError if the file cannot be read.
    """
    return read(entry, check_size=False).body


# --- adding --------------------------------------------------------------------


def prepare(data: bytes, filename: str, lexicon: Lexicon) -> Draft:
    """A draft of an uploaded file, with metadata guessed from its text and any
    stored duplicate; raises InputError for bad input."""
    return _with_findings(intake.prepare(data, filename), lexicon)


def prepare_text(text: str, lexicon: Lexicon) -> Draft:
    """A draft of pasted text (see :func:`prepare`)."""
    return _with_findings(intake.prepare_text(text), lexicon)


def _with_findings(draft: Draft, lexicon: Lexicon) -> Draft:
    return dataclasses.replace(draft, guess=guess_meta(draft.structure, lexicon),
                               duplicate_of=find_duplicate(draft.sha256))


def add(draft: Draft, meta: dict) -> Entry:
    """Store a draft with the metadata the user confirmed; returns its entry.

    Raises InputError for a duplicate of a shipped or stored document (also
    one another session stored a moment ago) and for invalid metadata; then
    nothing is written. An empty title becomes the one the text gives.
    """
    meta = dict(meta)
    if not str(meta.get("title", "") or "").strip() and draft.guess is not None:
        meta["title"] = draft.guess.title  # never an untitled document
    for entry in shipped():
        if _shipped_info(entry)[0] == draft.sha256:
            raise InputError("duplicate", title=entry.title or entry.id)
    return library.add(draft, meta)


def find_duplicate(sha: str) -> Entry | None:
    """The shipped or library document whose text has this hash, if any."""
    for entry in shipped():
        if _shipped_info(entry)[0] == sha:
            return entry
    return library.by_sha(sha)


def _shipped_info(entry: Entry) -> tuple[str, int, int]:
    stat = entry.path.stat()
    return _shipped_info_cached(str(entry.path), stat.st_mtime_ns, stat.st_size)


@lru_cache(maxsize=256)
def _shipped_info_cached(path: str, mtime: int, size: int) -> tuple[str, int, int]:
    """(text hash, characters, paragraphs) of a shipped file; ('', 0, 0) if it cannot be read."""
    try:
        doc = read(Entry(Path(path).stem, Path(path)), check_size=False)
        structure = doc.structure
    except (InputError, OSError):
        return "", 0, 0
    return intake.text_hash(structure), sum(len(p) for p in structure.paragraphs), len(structure.paragraphs)


# --- the listing ---------------------------------------------------------------

LISTING_COLUMNS = ["id", "title", "date", "place", "source", "origin", "kind", "filename", "chars",
                   "paragraphs", "notes", "added"]


def listing() -> pd.DataFrame:
    """Every document with its metadata and notes count, shipped first: one row each.

    Library rows come from SQLite (nothing is parsed); shipped rows from
    their metadata files and a reflow of their text (cached). The library's
    part is kept in memory until the database changes.
    """
    shipped_stamp = tuple(e.stamp() for e in shipped())
    version = library.version() or ("", 0)
    try:
        return library.cached(("listing", shipped_stamp), version, _listing).copy()
    except InputError:
        return _listing(with_library=False)  # the shipped documents still (see library.problem())


def _kind_of(name: str) -> str:
    suffix = Path(name).suffix.lower()
    return suffix[1:] if suffix in (".docx", ".pdf") else "text"


def _listing(with_library: bool = True) -> pd.DataFrame:
    counts = notes.counts() if with_library else {}
    rows = []
    for entry in shipped():
        _, chars, paragraphs = _shipped_info(entry)
        rows.append((entry.id, entry.title, entry.date, entry.place, entry.source, "shipped",
                     _kind_of(entry.path.name), entry.path.name, chars, paragraphs,
                     counts.get(entry.id, 0), ""))
    shipped_ids = {row[0] for row in rows}
    folder = library.store.texts_dir()
    for row in library.rows() if with_library else ():
        if row["id"] in shipped_ids:
            continue
        origin = "library" if library.text_path(row["id"], folder).is_file() else "missing"
        rows.append((row["id"], row["title"], row["date"], row["place"], row["source"], origin, row["kind"],
                     row["filename"], row["chars"], row["paragraphs"], counts.get(row["id"], 0), row["added"]))
    frame = pd.DataFrame(rows, columns=LISTING_COLUMNS)
    return frame.astype({"chars": "int64", "paragraphs": "int64", "notes": "int64"})


def filter_listing(frame: pd.DataFrame, query: str) -> pd.DataFrame:
    """Rows whose title, date, place, source, file name or id contain ``query`` (any case)."""
    query = (query or "").strip().casefold()
    if not query:
        return frame
    columns = ["title", "date", "place", "source", "filename", "id"]
    text = frame[columns].astype(str).agg(" ".join, axis=1).str.casefold()
    return frame[text.str.contains(query, regex=False)]


def missing(frame: pd.DataFrame) -> pd.DataFrame:
    """Listing rows of library documents whose text file is gone."""
    return frame[frame["origin"] == "missing"]
