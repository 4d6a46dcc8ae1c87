"""What the reader shows of a document: which paragraphs a filter matches,
where a search occurs, who speaks, its sections (headings, parts of a long
document), and each paragraph's text cut into pieces with their marks.

A :class:`Filter` (themes, any/all, speaker, search) decides which paragraphs
match (:func:`matching_paragraphs`, on the rule of
:mod:`studyboard.analysis.filters`); the others are dimmed or hidden
(:func:`layout`). :func:`marked_paragraph` cuts a paragraph into its
sentences and each sentence into pieces that carry the same marks: keywords
of the chosen themes, glossary terms, search hits; a view turns the pieces
into HTML. :func:`pick` reads a click on the paragraph grid back into a
paragraph and a theme.

Sections come from the dataset's ``sections`` table: a heading line stands
before the paragraph it opens (:func:`heading_lines`), a run-in heading
opens its paragraph (:func:`run_in_end`); a long document with sections is
read one :class:`Part` at a time (:func:`parts`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd

from studyboard.analysis import filters
from studyboard.analysis import glossary
from studyboard.analysis import occurrences
from studyboard.analysis.glossary import Entry
from studyboard.dataset.tables import Dataset

SEARCH_MAX = 40  # characters of a search
#: What marks a piece of text: a keyword of a chosen theme, a glossary term, a search hit,
#: the run-in heading that opens a paragraph.
MARK_KINDS = ("keyword", "term", "hit", "heading")
#: A document with sections and more paragraphs than this is read one part at a time.
PAGED_PARAGRAPHS = 80
_SENTENCE_END = "。！？!?"


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


def search_counts(ds: Dataset, query: str, longer=None) -> dict[str, int]:
    """How often the body says ``query`` (:func:`search_hits`, Latin letters in any case):
    ``hits``, ``nested`` (of them inside a longer formulation or glossary term,
    :mod:`studyboard.analysis.occurrences`; ``longer`` None: the dataset's formulations and
    the glossary) and ``paragraphs``."""
    query = clean_search(query)
    if not query:
        return {"hits": 0, "nested": 0, "paragraphs": 0}
    longer = occurrences.for_dataset(ds, load_glossary()) if longer is None else tuple(longer)
    found = [occurrences.count(str(text), query, longer, ignore_case=True) for text in ds.paragraphs["text"]]
    return {"hits": sum(o.count for o in found), "nested": sum(o.nested for o in found),
            "paragraphs": sum(1 for o in found if o.count)}


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


def layout(ds: Dataset, matches, flt: Filter, hide: bool, first: int = 1, last: int | None = None) -> list[tuple]:
    """What the text column shows of paragraphs ``first`` to ``last`` (all by
    default), in order: ``("paragraph", n, dimmed)``; when ``hide`` is on,
    ``("hidden", first, last)`` for each run of paragraphs that do not match;
    and ``("heading", section, level)`` for each heading line before the
    paragraph it opens (and for a run-in heading whose paragraph is hidden).
    Nothing is dimmed or hidden without an active filter."""
    matches = set(matches)
    before = heading_lines(ds)
    run_in = run_in_sections(ds) if hide and flt.active else {}
    level = dict(zip(ds.sections["section"], ds.sections["level"]))
    items: list[tuple] = []
    run: list[int] = []

    def close_run() -> None:
        if run:
            items.append(("hidden", run[0], run[-1]))
            run.clear()

    last = len(ds.paragraphs) if last is None else last
    for paragraph in range(max(first, 1), last + 1):
        if paragraph in before:
            close_run()
            items += [("heading", section, int(level[section])) for section in before[paragraph]]
        if not flt.active or paragraph in matches:
            close_run()
            items.append(("paragraph", paragraph, False))
        elif hide:
            if paragraph in run_in:
                close_run()
                items += [("heading", section, int(level[section])) for section in run_in[paragraph]]
            run.append(paragraph)
        else:
            items.append(("paragraph", paragraph, True))
    close_run()
    return items


# --- sections ------------------------------------------------------------------------


@dataclass(frozen=True)
class Part:
    """What a long document shows at once: one top-level section with all
    under it, or (``section`` 0) the paragraphs before the first heading."""

    section: int
    first: int
    last: int


def has_sections(ds: Dataset) -> bool:
    return len(ds.sections) > 0


def paged(ds: Dataset) -> bool:
    """Whether the document is read one part at a time: it has sections and more than PAGED_PARAGRAPHS paragraphs."""
    return has_sections(ds) and len(ds.paragraphs) > PAGED_PARAGRAPHS


def parts(ds: Dataset) -> list[Part]:
    """The opening paragraphs before the first top-level heading (if any) and
    each top-level section, in order; one part of the whole text without sections."""
    count = len(ds.paragraphs)
    top = ds.sections[ds.sections["parent"] == 0]
    if top.empty:
        return [Part(0, 1, count)]
    out = []
    opening = int(top["first_paragraph"].iloc[0]) - 1
    if opening >= 1:
        out.append(Part(0, 1, opening))
    out += [Part(int(r.section), int(r.first_paragraph), int(r.last_paragraph)) for r in top.itertuples()]
    return out


def part_of(found: list[Part], paragraph: int) -> int:
    """The section of the part that holds ``paragraph`` (the first part's for none)."""
    for part in found:
        if part.first <= paragraph <= part.last:
            return part.section
    return found[0].section if found else 0


def heading_lines(ds: Dataset) -> dict[int, list[int]]:
    """Paragraph -> the sections whose heading line stands before it, in order
    (run-in headings, which open their paragraph, are not among them)."""
    out: dict[int, list[int]] = {}
    lines = ds.sections[~ds.sections["run_in"].astype(bool)]
    for section, first in zip(lines["section"], lines["first_paragraph"]):
        out.setdefault(int(first), []).append(int(section))
    return out


def run_in_sections(ds: Dataset) -> dict[int, list[int]]:
    """Paragraph -> the sections whose run-in heading opens it."""
    out: dict[int, list[int]] = {}
    runs = ds.sections[ds.sections["run_in"].astype(bool)]
    for section, first in zip(runs["section"], runs["first_paragraph"]):
        out.setdefault(int(first), []).append(int(section))
    return out


def run_in_end(text: str, number: str, title: str) -> int:
    """Where a run-in heading ends in the paragraph it opens: after its title's
    sentence mark (（一）着力扩大有效需求。), or after the number of a heading
    without a title (第一条); 0 when the text does not open with it."""
    head = text[:len(number) + len(title) + 8]
    if title:
        at = head.find(title)
        if at < 0:
            return 0
        end = at + len(title)
        return end + 1 if text[end:end + 1] and text[end] in _SENTENCE_END else end
    at = head.find(number) if number else -1
    return at + len(number) if at >= 0 else 0


def section_row(ds: Dataset, section: int) -> dict | None:
    """A section's row of the sections table as a dict (None: no such section)."""
    rows = ds.sections[ds.sections["section"] == section]
    return rows.iloc[0].to_dict() if len(rows) else None


def section_path(ds: Dataset, section: int, parent: dict[int, int] | None = None) -> list[int]:
    """The section and the sections it stands under, outermost first ([] for section 0).
    ``parent`` (section -> its parent, :func:`section_parents`) saves reading the table again."""
    parent = section_parents(ds) if parent is None else parent
    path = []
    while section in parent and section not in path:
        path.append(section)
        section = parent[section]
    return path[::-1]


def section_parents(ds: Dataset) -> dict[int, int]:
    """Section -> the section it stands under (0 at the top level)."""
    return dict(zip(ds.sections["section"].astype(int), ds.sections["parent"].astype(int)))


def paragraph_sections(ds: Dataset) -> dict[int, int]:
    """Paragraph -> its innermost section (0 before the first heading or without sections)."""
    return dict(zip(ds.paragraphs["paragraph"].astype(int), ds.paragraphs["section"].astype(int)))


def groups(ds: Dataset, paragraphs) -> list[int]:
    """The section that groups each paragraph for a grid of ``paragraphs``: its
    ancestor at the shallowest level where the paragraphs fall into two groups
    or more (0 for a paragraph outside; all 0 without sections)."""
    paragraphs = list(paragraphs)
    inner = paragraph_sections(ds)
    parent = section_parents(ds)
    paths = [section_path(ds, inner.get(int(p), 0), parent) for p in paragraphs]
    depth = max((len(p) for p in paths), default=0)
    for level in range(1, depth + 1):
        keys = [path[level - 1] if len(path) >= level else 0 for path in paths]
        if len(set(keys)) >= 2:
            return keys
    return [path[0] if path else 0 for path in paths]


# --- a paragraph cut into marked pieces ---------------------------------------------------


@dataclass(frozen=True)
class Mark:
    """One mark on a piece of text: ``kind`` is one of :data:`MARK_KINDS`;
    a keyword names its ``theme`` and ``word``, a term its ``word``, a run-in
    heading without a title (an article) its number as ``word``."""

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
    sections: tuple[int, ...] = ()  # the sections whose run-in heading opens the paragraph


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

    Marks, in this order on every piece: the run-in heading that opens the
    paragraph (:func:`run_in_end`), the keywords of ``flt.themes`` (by
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
    opened = run_in_sections(ds).get(int(paragraph), []) if len(ds.sections) else []
    for section in opened[:1]:
        row = section_row(ds, section)
        end = run_in_end(text, str(row["number"]), str(row["title"]))
        if end:  # an untitled heading (第一条) names its number: nothing but the number is bold
            spans.append((0, end, Mark("heading", word="" if row["title"] else str(row["number"]))))
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
    return MarkedParagraph(int(paragraph), speaker if isinstance(speaker, str) and speaker else None, tuple(parts),
                           tuple(opened))


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


def pick_params(picked: tuple[int, str], themes=(), ds: Dataset | None = None) -> dict[str, str]:
    """The URL parameters a click sets: that paragraph, and the theme filter
    ``themes`` with the clicked theme added (the chosen themes stay; the any/all
    mode is not touched). With ``ds`` the themes are in lexicon order."""
    paragraph, theme = picked
    chosen = list(dict.fromkeys([*themes, theme]))
    if ds is not None:
        order = {t: i for i, t in enumerate(ds.themes.sort_values("order")["theme"])}
        chosen.sort(key=lambda t: order.get(t, len(order)))
    return {"para": str(paragraph), "themes": ",".join(chosen)}


# --- the method panel ----------------------------------------------------------------------

#: Codes of the tokenizer modes a dataset's provenance records (as written by
#: :func:`studyboard.dataset.tables.build`); a view names them in the UI language.
TOKENIZER_MODES = {
    "precise mode, HMM on; private jieba.Tokenizer with the lexicon's words": "precise_hmm",
}



def provenance(ds: Dataset) -> pd.DataFrame:
    """How the dataset was made, as rows of ``item`` (a code: tokenizer, mode,
    tier, lexicon, input, dataset, cache, version, software), ``file`` (the
    lexicon file of a ``lexicon`` row, else "") and ``value``: tokenizer and
    version, its mode (a code of :data:`TOKENIZER_MODES`, or the recorded text
    for a mode it does not know), the stopword tier (its code), each lexicon file's
    SHA-256, the hashes of the input and of the tables, the cache key and
    versions ("—" for a value the provenance lacks)."""
    prov = ds.provenance or {}

    def get(name: str) -> str:
        value = prov.get(name)
        return "—" if value in (None, "") else str(value)

    rows = [
        ("tokenizer", "", f"{get('tokenizer')} {get('tokenizer_version')}"),
        ("mode", "", TOKENIZER_MODES.get(get("tokenizer_mode"), get("tokenizer_mode"))),
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
