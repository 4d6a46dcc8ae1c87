"""What the reader shows of a document: which paragraphs a filter matches,
where a search occurs, who speaks, and each paragraph's text cut into
pieces with their marks.

A :class:`Filter` (themes, any/all, speaker, search) decides which paragraphs
match (:func:`matching_paragraphs`, on the rule of
:mod:`studyboard.analysis.filters`); the others are dimmed or hidden
(:func:`layout`). :func:`marked_paragraph` cuts a paragraph into its
sentences and each sentence into pieces that carry the same marks: keywords
of the chosen themes, glossary terms, search hits; a view turns the pieces
into HTML. :func:`pick` reads a click on the paragraph grid back into a
paragraph and a theme.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd

from studyboard.analysis import filters
from studyboard.analysis import glossary
from studyboard.analysis.glossary import Entry
from studyboard.dataset.tables import Dataset

SEARCH_MAX = 40  # characters of a search
#: What marks a piece of text: a keyword of a chosen theme, a glossary term, a search hit.
MARK_KINDS = ("keyword", "term", "hit")


@dataclass(frozen=True)
class Filter:
    """What the reader looks for: themes (any or all of them), a speaker, a search."""

    themes: tuple[str, ...] = ()
    mode: str = "any"
    speaker: str = ""
    search: str = ""

    @property
    def active(self) -> bool:
        return bool(self.themes or self.speaker or self.search)


# --- plain values ----------------------------------------------------------------------


def clean_search(text: object) -> str:
    """A search as typed: printable characters only, trimmed, at most SEARCH_MAX characters."""
    text = "" if text is None else str(text)
    return "".join(ch for ch in text if ch.isprintable()).strip()[:SEARCH_MAX]


def speakers(ds: Dataset) -> list[str]:
    """The people who speak in the document, in order of their first sentence."""
    return list(dict.fromkeys(s for s in ds.sentences["speaker"] if isinstance(s, str) and s))


def sentence_counts(ds: Dataset) -> dict[str, int]:
    """How many sentences each speaker speaks."""
    spoken = ds.sentences["speaker"].dropna()
    return {name: int((spoken == name).sum()) for name in speakers(ds)}


def paragraph_numbers(ds: Dataset) -> list[int]:
    """The paragraphs' numbers, in reading order (1 to the last)."""
    return [int(p) for p in ds.paragraphs["paragraph"]]


def load_glossary() -> dict[str, Entry]:
    """The glossary by term; empty when its file is missing or broken (the text then shows no term marks)."""
    try:
        return glossary.by_term()
    except (OSError, ValueError, KeyError):
        return {}


# --- search and filters ----------------------------------------------------------------


def search_hits(ds: Dataset, query: str) -> pd.DataFrame:
    """Every occurrence of ``query`` in the body (literal, Latin letters in
    any case): ``paragraph``, ``start``, ``end``."""
    query = clean_search(query)
    columns = ["paragraph", "start", "end"]
    if not query:
        return pd.DataFrame(columns=columns, dtype="int64")
    pattern = re.compile(re.escape(query), re.IGNORECASE)
    rows = [(int(p), m.start(), m.end())
            for p, text in zip(ds.paragraphs["paragraph"], ds.paragraphs["text"])
            for m in pattern.finditer(str(text))]
    return pd.DataFrame(rows, columns=columns, dtype="int64")


def theme_paragraphs(ds: Dataset, themes, mode: str = "any") -> list[int]:
    """Paragraphs that carry any (or all) of ``themes`` (themes the dataset
    does not know are left out; none left: every paragraph)."""
    known = set(ds.themes["theme"])
    chosen = filters.theme_paragraphs(ds, [t for t in themes if t in known], mode)
    return paragraph_numbers(ds) if chosen is None else sorted(chosen)


def faint_paragraphs(ds: Dataset, themes, mode: str = "any") -> set[int]:
    """Paragraphs a theme filter fades: those without its themes (none without a filter)."""
    if not themes:
        return set()
    return set(paragraph_numbers(ds)) - set(theme_paragraphs(ds, themes, mode))


def matching_paragraphs(ds: Dataset, flt: Filter) -> list[int]:
    """Paragraphs that meet every active part of the filter (all of them when none is active)."""
    keep = set(paragraph_numbers(ds))
    if flt.themes:
        keep &= set(theme_paragraphs(ds, flt.themes, flt.mode))
    if flt.speaker:
        spoken = filters.speaker_mask(ds.sentences["speaker"], flt.speaker)
        keep &= {int(p) for p in ds.sentences.loc[spoken, "paragraph"]}
    if flt.search:
        keep &= {int(p) for p in search_hits(ds, flt.search)["paragraph"]}
    return sorted(keep)


def layout(ds: Dataset, matches, flt: Filter, hide: bool) -> list[tuple]:
    """What the text column shows, in order: ``("paragraph", n, dimmed)``
    and, when ``hide`` is on, ``("hidden", first, last)`` for each run of
    paragraphs that do not match. Nothing is dimmed or hidden without an
    active filter."""
    matches = set(matches)
    items: list[tuple] = []
    run: list[int] = []
    for paragraph in paragraph_numbers(ds):
        if not flt.active or paragraph in matches:
            if run:
                items.append(("hidden", run[0], run[-1]))
                run = []
            items.append(("paragraph", paragraph, False))
        elif hide:
            run.append(paragraph)
        else:
            items.append(("paragraph", paragraph, True))
    if run:
        items.append(("hidden", run[0], run[-1]))
    return items


# --- a paragraph cut into marked pieces ---------------------------------------------------


@dataclass(frozen=True)
class Mark:
    """One mark on a piece of text: ``kind`` is one of :data:`MARK_KINDS`;
    a keyword names its ``theme`` and ``word``, a term its ``word``."""

    kind: str
    theme: str = ""
    word: str = ""


@dataclass(frozen=True)
class Piece:
    """A run of text under the same marks (none: plain text)."""

    text: str
    marks: tuple[Mark, ...] = ()


@dataclass(frozen=True)
class MarkedSentence:
    """A sentence as pieces; ``themes`` are the chosen themes it carries as
    (theme, its keywords in the sentence), the one with most hits first."""

    sentence: int
    pieces: tuple[Piece, ...]
    themes: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class MarkedParagraph:
    """A paragraph as its sentences and the text between them (plain strings), in order."""

    paragraph: int
    speaker: str | None
    parts: tuple[str | MarkedSentence, ...]


def glossary_spans(text: str, terms) -> list[tuple[int, int, str]]:
    """Where glossary terms occur in ``text``: longest term first, no overlaps."""
    words = sorted((t for t in terms if t), key=len, reverse=True)
    if not words:
        return []
    pattern = re.compile("|".join(map(re.escape, words)))
    return [(m.start(), m.end(), m.group()) for m in pattern.finditer(text)]


def _pieces(text: str, spans: list[tuple[int, int, Mark]], lo: int, hi: int) -> tuple[Piece, ...]:
    """``text[lo:hi]`` cut at every span boundary, each piece with the marks that cover it."""
    cuts = {lo, hi}
    for start, end, _ in spans:
        if start < hi and end > lo:
            cuts.add(max(start, lo))
            cuts.add(min(end, hi))
    points = sorted(cuts)
    return tuple(Piece(text[a:b], tuple(mark for start, end, mark in spans if start <= a and end >= b))
                 for a, b in zip(points, points[1:]))


def marked_paragraph(ds: Dataset, paragraph: int, flt: Filter = Filter(),
                     terms=()) -> MarkedParagraph | None:
    """Paragraph ``paragraph`` cut into marked pieces (None: no such paragraph).

    Marks, in this order on every piece: the keywords of ``flt.themes`` (by
    position, then the filter's theme order), the glossary ``terms``
    (:func:`glossary_spans`), the hits of ``flt.search``. Each sentence lists
    the chosen themes it carries, most hits first (ties in the filter's order).
    """
    row = ds.paragraphs[ds.paragraphs["paragraph"] == paragraph]
    if not len(row):
        return None
    text = str(row["text"].iloc[0])
    speaker = row["speaker"].iloc[0]
    known = set(ds.themes["theme"])
    chosen = [t for t in flt.themes if t in known]
    order = {t: i for i, t in enumerate(chosen)}

    spans: list[tuple[int, int, Mark]] = []
    hits = ds.theme_hits[(ds.theme_hits["paragraph"] == paragraph) & ds.theme_hits["theme"].isin(chosen)]
    for hit in sorted(hits.itertuples(), key=lambda h: (h.start, order[h.theme])):
        spans.append((int(hit.start), int(hit.end), Mark("keyword", str(hit.theme), str(hit.keyword))))
    spans += [(a, b, Mark("term", word=term)) for a, b, term in glossary_spans(text, terms)]
    if flt.search:
        found = search_hits(ds, flt.search)
        found = found[found["paragraph"] == paragraph]
        spans += [(int(a), int(b), Mark("hit")) for a, b in zip(found["start"], found["end"])]

    scored = ds.sentence_themes[(ds.sentence_themes["paragraph"] == paragraph)
                                & ds.sentence_themes["theme"].isin(chosen)]
    parts: list[str | MarkedSentence] = []
    pos = 0
    for sentence in ds.sentences[ds.sentences["paragraph"] == paragraph].itertuples():
        start, end = int(sentence.start), int(sentence.end)
        if start > pos:
            parts.append(text[pos:start])
        mine = scored[scored["sentence"] == sentence.sentence]
        if len(mine):
            mine = mine.assign(rank=mine["theme"].map(order)).sort_values(["hits", "rank"], ascending=[False, True])
        carried = tuple((str(t), str(k)) for t, k in zip(mine["theme"], mine["keywords"]))
        parts.append(MarkedSentence(int(sentence.sentence), _pieces(text, spans, start, end), carried))
        pos = end
    if pos < len(text):
        parts.append(text[pos:])
    return MarkedParagraph(int(paragraph), speaker if isinstance(speaker, str) and speaker else None, tuple(parts))


# --- the heatmap click -----------------------------------------------------------------


def pick(event, ds: Dataset) -> tuple[int, str] | None:
    """The (paragraph, theme) of a click on the paragraph grid, or None.

    ``event`` is what ``st.plotly_chart(..., on_select="rerun")`` returns (or
    a plain dict of the same shape); the cell's ``customdata`` holds
    ``[paragraph, theme]``. Points that name no paragraph or theme of this
    dataset are ignored.
    """
    try:
        points = event["selection"]["points"]
    except (KeyError, TypeError, IndexError):
        return None
    paragraphs = set(paragraph_numbers(ds))
    themes = set(ds.themes["theme"])
    for point in points or []:
        data = point.get("customdata") if isinstance(point, dict) else None
        if not isinstance(data, (list, tuple)) or len(data) < 2:
            continue
        try:
            paragraph = int(data[0])
        except (TypeError, ValueError):
            continue
        if paragraph in paragraphs and str(data[1]) in themes:
            return paragraph, str(data[1])
    return None


def pick_params(picked: tuple[int, str]) -> dict[str, str]:
    """The URL parameters a click sets: that paragraph, and that theme as the theme filter."""
    paragraph, theme = picked
    return {"para": str(paragraph), "themes": theme}


# --- the method panel ----------------------------------------------------------------------


def provenance(ds: Dataset) -> pd.DataFrame:
    """How the dataset was made, as rows of ``item`` (a code: tokenizer, mode,
    tier, lexicon, input, dataset, cache, version, software), ``file`` (the
    lexicon file of a ``lexicon`` row, else "") and ``value``: tokenizer and
    version, its mode, the stopword tier (its code), each lexicon file's
    SHA-256, the hashes of the input and of the tables, the cache key and
    versions ("—" for a value the provenance lacks)."""
    prov = ds.provenance or {}

    def get(name: str) -> str:
        value = prov.get(name)
        return "—" if value in (None, "") else str(value)

    rows = [
        ("tokenizer", "", f"{get('tokenizer')} {get('tokenizer_version')}"),
        ("mode", "", get("tokenizer_mode")),
        ("tier", "", get("stopword_tier")),
    ]
    rows += [("lexicon", str(name), str(digest)) for name, digest in (prov.get("lexicon") or {}).items()]
    rows += [
        ("input", "", get("input_sha256")),
        ("dataset", "", get("dataset_sha256")),
        ("cache", "", get("cache_key")),
        ("version", "", get("dataset_version")),
        ("software", "", f"Python {get('python')} · pandas {get('pandas')}"),
    ]
    return pd.DataFrame(rows, columns=["item", "file", "value"])
