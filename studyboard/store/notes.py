"""Notes on paragraphs: a presenter's talking points and questions for discussion.

A note belongs to a document (any id of the catalog, shipped or added) and a
paragraph (numbered from 1 as the reader shows them; 0 is the document as a
whole). Notes live in the library's SQLite database (:mod:`studyboard.store.db`),
one row each, so they survive a restart.

Several sessions may write at once and lose nothing:

* adding is one INSERT: two sessions adding notes get two rows;
* every note has a version. :func:`edit` changes a note only if it still has
  the version the editor saw; if another session changed or deleted it in
  the meantime, the new text is kept as a note of its own beside the other
  one (``Saved.conflict`` says so);
* :func:`delete` removes a note only in the version the user saw, so a note
  that someone has just rewritten is not deleted unseen.

Every change is one ``BEGIN IMMEDIATE`` transaction in WAL mode.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from studyboard.store import db as store
from studyboard.errors import InputError

if TYPE_CHECKING:  # pandas is imported only by the functions that return tables
    import pandas as pd

#: Longest note accepted (characters).
MAX_CHARS = 5000


@dataclass(frozen=True)
class Note:
    id: int
    doc_id: str
    paragraph: int  # 0: the whole document
    text: str
    version: int
    created: str  # ISO 8601, UTC
    updated: str


@dataclass(frozen=True)
class Saved:
    """The outcome of an edit."""

    note: Note
    conflict: bool  # the note had changed or gone meanwhile: the text was saved as a new note


_COLUMNS = "id, doc_id, paragraph, text, version, created, updated"


def _note(row) -> Note:
    return Note(int(row["id"]), row["doc_id"], int(row["paragraph"]), row["text"], int(row["version"]),
                row["created"], row["updated"])


def clean(text: str) -> str:
    """A note's text as stored: line ends unified, outer white space dropped; InputError if empty or too long."""
    text = str(text or "").replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "").strip()
    if not text:
        raise InputError("note_empty")
    if len(text) > MAX_CHARS:
        raise InputError("note_too_long", chars=f"{len(text):,}", limit=f"{MAX_CHARS:,}")
    return text


def _paragraph(paragraph: object) -> int:
    number = int(paragraph)
    if number < 0:
        raise ValueError(f"paragraph numbers start at 0, not {number}")
    return number


def add(doc_id: str, paragraph: int, text: str) -> Note:
    """Attach a new note to a paragraph (0: the whole document)."""
    text = clean(text)
    paragraph = _paragraph(paragraph)
    stamp = store.now()
    with store.connect(write=True) as con:
        cursor = con.execute(
            "INSERT INTO notes (doc_id, paragraph, text, version, created, updated) VALUES (?, ?, ?, 1, ?, ?)",
            (str(doc_id), paragraph, text, stamp, stamp),
        )
        row = con.execute(f"SELECT {_COLUMNS} FROM notes WHERE id = ?", (cursor.lastrowid,)).fetchone()
    return _note(row)


def edit(note: Note, text: str) -> Saved:
    """Replace a note's text, if it is still as ``note`` shows it; else keep the text as a new note."""
    text = clean(text)
    stamp = store.now()
    with store.connect(write=True) as con:
        changed = con.execute(
            "UPDATE notes SET text = ?, version = version + 1, updated = ? WHERE id = ? AND version = ?",
            (text, stamp, note.id, note.version),
        ).rowcount
        if changed:
            row = con.execute(f"SELECT {_COLUMNS} FROM notes WHERE id = ?", (note.id,)).fetchone()
            return Saved(_note(row), conflict=False)
        if text == _current_text(con, note.id):
            row = con.execute(f"SELECT {_COLUMNS} FROM notes WHERE id = ?", (note.id,)).fetchone()
            return Saved(_note(row), conflict=False)  # the same change made twice
        cursor = con.execute(
            "INSERT INTO notes (doc_id, paragraph, text, version, created, updated) VALUES (?, ?, ?, 1, ?, ?)",
            (note.doc_id, note.paragraph, text, stamp, stamp),
        )
        row = con.execute(f"SELECT {_COLUMNS} FROM notes WHERE id = ?", (cursor.lastrowid,)).fetchone()
    return Saved(_note(row), conflict=True)


def _current_text(con, note_id: int) -> str | None:
    row = con.execute("SELECT text FROM notes WHERE id = ?", (note_id,)).fetchone()
    return row["text"] if row else None


def delete(note: Note) -> bool:
    """Delete a note as ``note`` shows it; False if it is gone or was changed meanwhile (then it stays)."""
    with store.connect(write=True) as con:
        return con.execute("DELETE FROM notes WHERE id = ? AND version = ?", (note.id, note.version)).rowcount > 0


def for_document(doc_id: str) -> list[Note]:
    """A document's notes by paragraph, oldest first within a paragraph."""
    rows = store.read(f"SELECT {_COLUMNS} FROM notes WHERE doc_id = ? ORDER BY paragraph, id", (str(doc_id),))
    return [_note(row) for row in rows]


def for_paragraph(doc_id: str, paragraph: int) -> list[Note]:
    rows = store.read(f"SELECT {_COLUMNS} FROM notes WHERE doc_id = ? AND paragraph = ? ORDER BY id",
                      (str(doc_id), _paragraph(paragraph)))
    return [_note(row) for row in rows]


def by_paragraph(doc_id: str) -> dict[int, list[Note]]:
    """A document's notes keyed by paragraph number (one query; for pages that show many paragraphs)."""
    out: dict[int, list[Note]] = {}
    for note in for_document(doc_id):
        out.setdefault(note.paragraph, []).append(note)
    return out


def get(note_id: int) -> Note | None:
    rows = store.read(f"SELECT {_COLUMNS} FROM notes WHERE id = ?", (int(note_id),))
    return _note(rows[0]) if rows else None


def counts() -> dict[str, int]:
    """Number of notes per document id."""
    return {row["doc_id"]: int(row["n"]) for row in store.read("SELECT doc_id, COUNT(*) AS n FROM notes GROUP BY doc_id")}


def frame(doc_id: str) -> "pd.DataFrame":
    """A document's notes as a table (for the handout): paragraph, text, created, updated.

    The text is the user's own: escape it (markup.html / markup.md) wherever it reaches HTML or Markdown.
    """
    import pandas as pd

    rows = [(n.paragraph, n.text, n.created, n.updated) for n in for_document(doc_id)]
    return pd.DataFrame(rows, columns=["paragraph", "text", "created", "updated"]).astype({"paragraph": "int64"})


def paragraph_labels(paragraphs: "pd.DataFrame", whole: str, width: int = 24) -> dict[int, str]:
    """Labels for a paragraph picker: 0 is ``whole`` (the document), then
    '¶N ' and the start of each paragraph's text."""
    labels = {0: whole}
    for number, text in zip(paragraphs["paragraph"], paragraphs["text"]):
        labels[int(number)] = f"¶{int(number)} {text[:width]}{'…' if len(text) > width else ''}"
    return labels


def paragraph_text(paragraphs: "pd.DataFrame", number: int) -> str:
    """The text of paragraph ``number`` of a dataset's paragraphs table ('' if there is none)."""
    found = paragraphs.loc[paragraphs["paragraph"] == number, "text"]
    return str(found.iloc[0]) if len(found) else ""


def local_time(stamp: str, timezone: str | None) -> str:
    """An ISO time stamp (UTC) as 'YYYY-MM-DD HH:MM' in ``timezone`` (an IANA name
    such as Asia/Shanghai); in UTC, so marked, when the zone is unknown."""
    from datetime import datetime
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    try:
        moment = datetime.fromisoformat(stamp)
    except ValueError:
        return stamp
    try:
        if timezone:
            return moment.astimezone(ZoneInfo(timezone)).strftime("%Y-%m-%d %H:%M")
    except (ZoneInfoNotFoundError, ValueError):
        pass
    return moment.strftime("%Y-%m-%d %H:%M UTC")


def total(by_paragraph: dict[int, list[Note]]) -> int:
    return sum(len(items) for items in by_paragraph.values())
