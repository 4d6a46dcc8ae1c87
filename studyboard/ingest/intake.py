"""An upload or pasted text, read and checked before anything is stored.

:func:`prepare` (a file's bytes) and :func:`prepare_text` (pasted text) give a
:class:`Draft`: the document as read (:class:`~studyboard.ingest.document.Document`,
whose structure is reflowed once), how it was read, warnings, and a hash of
the reflowed text that finds duplicates whatever the file's format,
encoding or line wrapping. Bad input raises
:class:`~studyboard.errors.InputError` with a message key. Metadata guessed
from the text and the duplicate check are added by the catalog
(:func:`studyboard.dataset.catalog.prepare`), which knows the gazetteer and
the stored documents.
"""

from __future__ import annotations

import dataclasses
import hashlib
import re
import unicodedata
from dataclasses import dataclass

from studyboard.errors import InputError
from studyboard.ingest import document as document_module
from studyboard.ingest import sources
from studyboard.ingest.document import Document
from studyboard.ingest.normalise import normalise
from studyboard.ingest.reflow import Reflowed, ends_sentence
from studyboard.ingest.segment import split_sentences

#: Longest stretch of text without a sentence end that a document may hold.
#: Longer runs are not prose (a text with its punctuation stripped, a dump of
#: characters); the reader could only show them as one block.
MAX_SENTENCE_CHARS = 5000
#: A paragraph longer than this gets a warning (no line breaks in the text?).
LONG_PARAGRAPH_CHARS = 5000
ID_PREFIX = "u_"

_CONTROL = re.compile(r"[\x00-\x1f\x7f\u2028\u2029]+")


@dataclass(frozen=True)
class Notice:
    """Something the user should know about a text that is accepted anyway."""

    key: str  # an i18n key
    params: dict = dataclasses.field(default_factory=dict, hash=False, compare=False)


@dataclass(frozen=True)
class Draft:
    """A document read and checked, not yet stored."""

    document: Document  # the text as read (no id until stored), reflowed once: document.structure
    sha256: str  # hash of the reflowed text: same text, same hash
    warnings: tuple[Notice, ...]
    guess: object = None  # metadata from the text (nlp.metadata.Guess), added by the catalog
    duplicate_of: object = None  # the stored Entry with the same text, added by the catalog

    @property
    def doc_id(self) -> str:
        return ID_PREFIX + self.sha256[:16]

    @property
    def text(self) -> str:
        return self.document.text

    @property
    def filename(self) -> str:
        return self.document.filename

    @property
    def encoding(self) -> str:
        return self.document.encoding

    @property
    def kind(self) -> str:
        return self.document.kind

    @property
    def structure(self) -> Reflowed:
        return self.document.structure

    @property
    def kicker(self) -> str:
        return self.structure.kicker

    @property
    def headline(self) -> str:
        return self.structure.headline

    @property
    def paragraphs(self) -> int:
        return len(self.structure.paragraphs)

    @property
    def chars(self) -> int:
        return sum(len(p) for p in self.structure.paragraphs)

    @property
    def first_paragraph(self) -> str:
        """The start of the body, for a preview."""
        first = self.structure.paragraphs[0]
        return first if len(first) <= 300 else first[:300] + "…"


# --- reading and checking ------------------------------------------------------


def prepare(data: bytes, filename: str) -> Draft:
    """A draft from an uploaded file's bytes; raises InputError for bad input."""
    decoded = sources.read_bytes(data, filename)
    return _draft(decoded.text, sanitize_filename(filename), decoded.encoding, decoded.kind)


def prepare_text(text: str) -> Draft:
    """A draft from pasted text (normalised like a file's); raises InputError for bad input."""
    text = text or ""
    sources.check_size(len(text.encode("utf-8", "surrogatepass")))
    text = normalise(text)
    sources.check_text(text)
    return _draft(text, "", "utf-8", "paste")


def from_file(path) -> Document:
    """A document from a file path (the command line), read and checked as an upload is:
    the same limits, the same refusals (:func:`check_structure`)."""
    doc = document_module.from_file(path)
    check_structure(doc.structure)
    return doc


def sanitize_filename(name: str) -> str:
    """A file name fit to show and store: no folders, no control characters, at most 120 characters."""
    name = unicodedata.normalize("NFC", str(name or ""))
    name = re.split(r"[\\/]", name)[-1]
    name = _CONTROL.sub("", name).strip().lstrip(".")
    if len(name) > 120:
        stem, dot, suffix = name.rpartition(".")
        name = (stem[: 120 - len(suffix) - 1] + "." + suffix) if dot and len(suffix) <= 10 else name[:120]
    return name


def text_hash(structure: Reflowed) -> str:
    """SHA-256 of a text as the board reads it (title lines and paragraphs).

    The text is normalised (:mod:`studyboard.ingest.normalise`) before it is
    reflowed, so line wrapping, blank lines, spaces next to Chinese, the
    file's encoding, radical code points from a PDF (⻓ for 长), zero-width
    characters and full-width digits do not change it: a PDF, a GB18030 file
    and a UTF-8 copy of one report have the same hash.
    """
    parts = [structure.kicker, structure.headline, structure.subtitle, *structure.paragraphs]
    return hashlib.sha256("\n".join(parts).encode("utf-8")).hexdigest()


def _draft(text: str, filename: str, encoding: str, kind: str) -> Draft:
    document = Document(id="", text=text, filename=filename, encoding=encoding, kind=kind)
    if not document.structure.paragraphs:
        raise InputError("blank")
    warnings = check_structure(document.structure)
    return Draft(document=document, sha256=text_hash(document.structure), warnings=warnings)


def check_structure(structure: Reflowed) -> tuple[Notice, ...]:
    """Refuse a text with a run of more than MAX_SENTENCE_CHARS characters
    without a sentence end; warn about very long paragraphs and missing
    punctuation."""
    longest_sentence, longest_paragraph, punctuated = 0, 0, False
    for paragraph in structure.paragraphs:
        longest_paragraph = max(longest_paragraph, len(paragraph))
        for sentence in split_sentences(paragraph):
            longest_sentence = max(longest_sentence, len(sentence.text))
            punctuated = punctuated or ends_sentence(sentence.text)
    if longest_sentence > MAX_SENTENCE_CHARS:
        raise InputError("no_punctuation", longest=f"{longest_sentence:,}", limit=f"{MAX_SENTENCE_CHARS:,}")
    warnings = []
    if not punctuated:
        warnings.append(Notice("library.warn_no_punctuation"))
    if longest_paragraph > LONG_PARAGRAPH_CHARS:
        warnings.append(Notice("library.warn_long_paragraph", {"chars": f"{longest_paragraph:,}"}))
    return tuple(warnings)
