"""The parsed dataset: one document as tidy pandas tables, built once and cached.

:func:`build` turns a :class:`~studyboard.ingest.document.Document` into a
:class:`Dataset`: reflow, sentences and speakers, tokens, place mentions,
theme hits, formulation counts and the split audit, term counts, with a
provenance record. :func:`load` gives the dataset from the disk cache when
the same inputs were parsed before (without importing jieba), and builds and
stores it otherwise. The cache key is a hash of the text, the metadata, every
lexicon file, the stopword tier and :data:`DATASET_VERSION`.

Offsets (``start``, ``end``) are character offsets into the paragraph's
text. Paragraphs and sentences are numbered from 1 (as the reader shows
them); tokens and mentions from 0.
"""

from __future__ import annotations

import hashlib
import json
import sys
from collections import Counter
from dataclasses import dataclass, field
from itertools import compress

import numpy as np
import pandas as pd
import pyarrow as pa

from studyboard.ingest.document import Document
from studyboard.lexicon import Lexicon, STOPWORD_TIERS, Theme
from studyboard.nlp.places import gazetteer_for
from studyboard.ingest.segment import SpeakerFinder, paragraph_speaker, split_sentences
from studyboard.nlp.themes import ThemeMatcher

#: Bump when the tables or their meaning change: old cache entries are then
#: ignored.
DATASET_VERSION = "3"  # 3: the content hash reads the columns' stored bytes

TABLES = (
    "documents",
    "paragraphs",
    "sentences",
    "tokens",
    "mentions",
    "theme_hits",
    "sentence_themes",
    "paragraph_themes",
    "themes",
    "formulations",
    "split_audit",
    "terms",
    "people",
    "sections",
    "title_block",
)


@dataclass(frozen=True)
class Dataset:
    """All tables of one parsed document, and how they were made."""

    documents: pd.DataFrame
    paragraphs: pd.DataFrame
    sentences: pd.DataFrame
    tokens: pd.DataFrame
    mentions: pd.DataFrame
    theme_hits: pd.DataFrame
    sentence_themes: pd.DataFrame
    paragraph_themes: pd.DataFrame
    themes: pd.DataFrame
    formulations: pd.DataFrame
    split_audit: pd.DataFrame
    terms: pd.DataFrame
    people: pd.DataFrame
    sections: pd.DataFrame
    title_block: pd.DataFrame
    provenance: dict = field(hash=False)

    @property
    def document(self) -> dict:
        """The document's one row as a dict."""
        return self.documents.iloc[0].to_dict()

    @property
    def doc_id(self) -> str:
        return str(self.documents["doc_id"].iloc[0])

    def tables(self) -> dict[str, pd.DataFrame]:
        return {name: getattr(self, name) for name in TABLES}


# --- building ------------------------------------------------------------------


def build(doc: Document, lexicon: Lexicon, stopword_tier: str = "function") -> Dataset:
    """Parse a document into a Dataset (runs jieba).

    The work is done on the whole body at once (paragraphs joined by line
    breaks, which jieba never joins across), with offsets mapped back to
    paragraphs and sentences by binary search; apart from jieba itself it
    costs a fraction of the segmentation time.
    """
    from studyboard.nlp.tokens import CONTENT, FUNCTION, POLICY, is_word, tokenizer_for

    if stopword_tier not in STOPWORD_TIERS:
        raise ValueError(f"unknown stopword tier {stopword_tier!r}")
    tokenizer = tokenizer_for(lexicon)
    structure = doc.structure
    texts = list(structure.paragraphs)
    body = "\n".join(texts)
    para_starts = np.zeros(len(texts), dtype=np.int64)
    if texts:
        para_starts[1:] = np.cumsum([len(t) + 1 for t in texts[:-1]])

    # sentences and speakers, as columns
    finder = SpeakerFinder(lexicon)
    para_speaker, para_sentences = [], []
    s_paragraph, s_index, s_start, s_end, s_text, s_speaker = [], [], [], [], [], []
    for p_no, text in enumerate(texts, 1):
        sentences = split_sentences(text)
        speakers = finder.speakers([s.text for s in sentences], text)
        if structure.speaker:  # a speech's byline person speaks what no one else is reported to say
            speakers = [speaker or structure.speaker for speaker in speakers]
        para_speaker.append(paragraph_speaker(speakers))
        para_sentences.append(len(sentences))
        s_paragraph.extend([p_no] * len(sentences))
        s_index.extend(range(1, len(sentences) + 1))
        for sentence in sentences:
            s_start.append(sentence.start)
            s_end.append(sentence.end)
            s_text.append(sentence.text)
        s_speaker.extend(speakers)
    para_chars = np.fromiter(map(len, texts), dtype=np.int64, count=len(texts))
    n_sentences = np.asarray(para_sentences, dtype=np.int64)
    sent_paragraph = np.asarray(s_paragraph, dtype=np.int64)
    sent_start = np.asarray(s_start, dtype=np.int64)
    sent_end = np.asarray(s_end, dtype=np.int64)
    sent_starts_arr = para_starts[sent_paragraph - 1] + sent_start

    # sections: the headings and the paragraphs under each
    sections = section_table(structure.headings, para_chars)
    para_section = paragraph_sections(sections, len(texts))
    paragraph_columns = ["paragraph", "text", "chars", "offset", "speaker", "n_sentences", "first_sentence"]
    if texts:
        paragraphs = pd.DataFrame({
            "paragraph": np.arange(1, len(texts) + 1, dtype=np.int64),
            "text": texts,
            "chars": para_chars,
            "offset": para_starts,
            "speaker": para_speaker,
            "n_sentences": n_sentences,
            "first_sentence": np.cumsum(n_sentences) - n_sentences + 1,
            "section": para_section,
        })
    else:
        paragraphs = pd.DataFrame([], columns=paragraph_columns)
        paragraphs["section"] = para_section
    sentence_columns = ["sentence", "paragraph", "index", "start", "end", "text", "chars", "speaker"]
    if s_text:
        sentences = pd.DataFrame({
            "sentence": np.arange(1, len(s_text) + 1, dtype=np.int64),
            "paragraph": sent_paragraph,
            "index": np.asarray(s_index, dtype=np.int64),
            "start": sent_start,
            "end": sent_end,
            "text": s_text,
            "chars": sent_end - sent_start,
            "speaker": s_speaker,
            "section": para_section[sent_paragraph - 1],
        })
    else:
        sentences = pd.DataFrame([], columns=sentence_columns)
        sentences["section"] = pd.Series(dtype="int32")

    def locate(offsets: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Paragraph number, sentence number and offset in the paragraph of body offsets."""
        p_idx = np.searchsorted(para_starts, offsets, side="right")
        s_idx = np.maximum(np.searchsorted(sent_starts_arr, offsets, side="right"), 1)
        return p_idx, s_idx, offsets - para_starts[np.maximum(p_idx - 1, 0)]

    # tokens
    words = tokenizer.cut(body)
    lengths = np.fromiter(map(len, words), dtype=np.int64, count=len(words))
    ends = np.cumsum(lengths)
    starts = ends - lengths
    keep = np.fromiter(map("\n".__ne__, words), dtype=bool, count=len(words))
    words = list(compress(words, keep))
    starts, ends = starts[keep], ends[keep]
    tags = tokenizer.tags(words)
    # every per-token column is a per-word value looked up by the token's word code
    distinct = list(tags)
    code_of = {w: i for i, w in enumerate(distinct)}
    codes = np.fromiter(map(code_of.__getitem__, words), dtype=np.intp, count=len(words))
    d_pos = np.array([tags[w] for w in distinct], dtype=object)
    d_word = np.fromiter(map(is_word, distinct), dtype=bool, count=len(distinct))
    d_stop = np.array([FUNCTION if w in lexicon.stopwords else POLICY if w in lexicon.policy_verbs else CONTENT
                       for w in distinct], dtype="int8")
    formulation_terms = {f.term for f in lexicon.formulations}
    d_formulation = np.fromiter((w in formulation_terms for w in distinct), dtype=bool, count=len(distinct))
    word_counts = dict(zip(distinct, np.bincount(codes, minlength=len(distinct)).tolist()))
    p_idx, s_idx, local = locate(starts)
    tok_word, tok_formulation = d_word[codes], d_formulation[codes]
    tokens = pd.DataFrame({
        "token": np.arange(len(words), dtype=np.int64),
        "paragraph": p_idx.astype("int32"),
        "sentence": s_idx.astype("int32"),
        "start": local.astype("int32"),
        "end": (local + (ends - starts)).astype("int32"),
        "text": _taken(distinct, codes) if len(words) else [],
        "pos": _taken(d_pos.tolist(), codes) if len(words) else [],
        "word": tok_word if len(words) else [],
        "stop": d_stop[codes],
        "formulation": tok_formulation if len(words) else [],
    })

    # place mentions
    gazetteer = gazetteer_for(lexicon)
    found = gazetteer.mentions(body, starts, ends)
    short_of = {p.adcode: p.short for p in lexicon.provinces}
    m_rows = []
    if found:
        m_p, m_s, m_local = locate(np.array([m.start for m in found], dtype=np.int64))
        for number, m in enumerate(found):
            for adcode in m.place.adcodes or ("",):
                m_rows.append((number, int(m_p[number]), int(m_s[number]), int(m_local[number]),
                               int(m_local[number]) + m.end - m.start, m.surface, m.place.kind, m.place.place,
                               adcode, short_of.get(adcode, ""), m.place.city, m.place.kind == "region"))
    mentions = pd.DataFrame(m_rows, columns=["mention", "paragraph", "sentence", "start", "end", "surface",
                                             "kind", "place", "adcode", "province", "city", "related"])

    title_block = title_block_table(structure)

    # theme hits and scores
    scored = theme_tables(paragraphs, sentences, lexicon.themes)
    theme_hits, sentence_themes = scored["theme_hits"], scored["sentence_themes"]
    paragraph_themes, themes = scored["paragraph_themes"], scored["themes"]

    # formulations and the split audit
    audit, found = _split_audit(body, formulation_terms, starts, ends, words, locate)
    formulations = _formulations(lexicon, body, word_counts, audit, found)
    stop_set = lexicon.stop_set(stopword_tier)
    d_counted = d_word & ~np.fromiter((w in stop_set for w in distinct), dtype=bool, count=len(distinct)) \
        & ~np.isin(d_pos, ["m", "x", "eng"])
    terms = _count_terms(codes, distinct, d_pos[codes], p_idx, d_counted[codes])
    people = _people(lexicon, sentences, word_counts)

    documents = pd.DataFrame([{
        "doc_id": doc.id,
        "title": doc.title or structure.title or structure.headline,
        "kicker": structure.kicker,
        "headline": structure.headline,
        "subtitle": structure.subtitle,
        "speaker": structure.speaker,
        "speaker_role": structure.speaker_role,
        "salutation": structure.salutation,
        "author": structure.author,
        "date": doc.date or structure.date,
        "place": doc.place,
        "source": doc.source or structure.source,
        "filename": doc.filename,
        "encoding": doc.encoding,
        "kind": doc.kind,
        "chars": int(para_chars.sum()),
        "paragraphs": len(paragraphs),
        "sentences": len(sentences),
        "tokens": int(np.count_nonzero(tok_word)),
        "wrapped": structure.wrapped,
        "wrap_width": structure.width,
    }])
    tables = dict(documents=documents, paragraphs=paragraphs, sentences=sentences, tokens=tokens,
                  mentions=mentions, theme_hits=theme_hits, sentence_themes=sentence_themes,
                  paragraph_themes=paragraph_themes, themes=themes, formulations=formulations,
                  split_audit=audit, terms=terms, people=people, sections=sections, title_block=title_block)
    provenance = {
        "dataset_version": DATASET_VERSION,
        "tokenizer": "jieba",
        "tokenizer_version": tokenizer.version,
        "tokenizer_mode": "precise mode, HMM on; private jieba.Tokenizer with the lexicon's words",
        "pos_tags": "jieba.posseg tag table (jieba.posseg for words outside it)",
        "lexicon": dict(lexicon.hashes),
        "stopword_tier": stopword_tier,
        "input_sha256": hashlib.sha256(doc.text.encode("utf-8")).hexdigest(),
        "cache_key": cache_key(doc, lexicon, stopword_tier),
        "python": sys.version.split()[0],
        "pandas": pd.__version__,
    }
    provenance["dataset_sha256"] = content_hash(tables)
    return Dataset(**tables, provenance=provenance)


def _taken(values: list[str], codes: np.ndarray) -> pd.api.extensions.ExtensionArray:
    """A text column of ``values[codes]`` (made by Arrow, not one Python string at a time)."""
    return pd.array(pa.array(values, type=pa.large_string()).take(pa.array(codes)), dtype="str")


def theme_tables(paragraphs: pd.DataFrame, sentences: pd.DataFrame,
                 themes: tuple[Theme, ...]) -> dict[str, pd.DataFrame]:
    """The four theme tables (``theme_hits``, ``sentence_themes``,
    ``paragraph_themes``, ``themes``) of a document's paragraphs and sentences
    scored with ``themes``. Needs no tokenizer: the keywords are matched in the
    text itself.
    """
    body = "\n".join(paragraphs["text"].tolist())
    para_numbers = paragraphs["paragraph"].to_numpy()
    para_starts = paragraphs["offset"].to_numpy(dtype=np.int64)
    para_chars = paragraphs["chars"].to_numpy()
    sent_numbers = sentences["sentence"].to_numpy()
    sent_paragraphs = sentences["paragraph"].to_numpy()
    sent_starts = (para_starts[sent_paragraphs.astype(np.int64) - 1]
                   + sentences["start"].to_numpy(dtype=np.int64)) if len(sentences) else np.zeros(0, np.int64)
    hit_theme, hit_keyword, hit_start, hit_end = ThemeMatcher(themes).hits(body)
    theme_ids = [t.id for t in themes]
    theme_order = {theme: i for i, theme in enumerate(theme_ids)}
    offsets = np.asarray(hit_start, dtype=np.int64)
    # in text order, the themes' order at one place (hits of one theme never start at the same place)
    order = np.lexsort((np.fromiter(map(theme_order.__getitem__, hit_theme), dtype=np.int64, count=len(hit_theme)),
                        offsets))
    offsets = offsets[order]
    hit_theme = [hit_theme[i] for i in order.tolist()]
    hit_keyword = [hit_keyword[i] for i in order.tolist()]
    h_p = np.searchsorted(para_starts, offsets, side="right")
    h_s = np.maximum(np.searchsorted(sent_starts, offsets, side="right"), 1)
    h_local = offsets - para_starts[np.maximum(h_p - 1, 0)] if len(para_starts) else offsets
    theme_hits = pd.DataFrame({
        "paragraph": h_p.astype("int64"),
        "sentence": h_s.astype("int64"),
        "start": h_local.astype("int64"),
        "end": (h_local + np.asarray(hit_end, dtype=np.int64)[order] - offsets),
        "theme": hit_theme,
        "keyword": hit_keyword,
    })
    theme_table = pd.DataFrame(
        [(t.id, t.name_zh, t.name_en, t.desc_zh, t.desc_en, t.color, " ".join(t.keywords), order)
         for order, t in enumerate(themes)],
        columns=["theme", "name_zh", "name_en", "desc_zh", "desc_en", "color", "keywords", "order"],
    )
    if not hit_theme or not len(para_numbers):  # nothing to score: the tables as _score and _paragraph_grid make them
        sentence_themes = _score(theme_hits, "sentence", sentences.set_index("sentence")["chars"])
        sentence_themes.insert(1, "paragraph", sentences.set_index("sentence")["paragraph"]
                               .reindex(sentence_themes["sentence"]).to_numpy())
        paragraph_themes = _paragraph_grid(theme_hits, paragraphs, theme_ids)
        return dict(theme_hits=theme_hits, sentence_themes=sentence_themes, paragraph_themes=paragraph_themes,
                    themes=theme_table)

    # hits per (unit, theme), themes by id; the hits of a group in text order
    theme_by_id = sorted(theme_order)
    id_rank = {theme: i for i, theme in enumerate(theme_by_id)}
    codes = np.fromiter(map(id_rank.__getitem__, hit_theme), dtype=np.int64, count=len(hit_theme))
    keywords = np.array(hit_keyword, dtype=object)

    def score(units: np.ndarray, numbers: np.ndarray, chars: np.ndarray):
        grouped = np.lexsort((codes, units))  # stable: text order within a group
        g_units, g_codes = units[grouped], codes[grouped]
        g_keywords = keywords[grouped].tolist()
        new_group = np.ones(len(g_units), dtype=bool)
        new_group[1:] = (g_units[1:] != g_units[:-1]) | (g_codes[1:] != g_codes[:-1])
        bounds = np.append(np.flatnonzero(new_group), len(g_units))
        first = bounds[:-1]
        n_hits = np.diff(bounds)
        at = np.searchsorted(numbers, g_units[first])  # the unit's row
        density = np.round(100.0 * n_hits / np.maximum(chars[at], 1), 3)
        joined = ["、".join(dict.fromkeys(g_keywords[a:b])) for a, b in zip(bounds[:-1].tolist(), bounds[1:].tolist())]
        return g_units[first], g_codes[first], at, n_hits, density, joined

    units, s_codes, at, n_hits, density, joined = score(h_s.astype("int64"), sent_numbers, sentences["chars"].to_numpy())
    sentence_themes = pd.DataFrame({
        "sentence": units,
        "paragraph": sent_paragraphs[at],
        "theme": [theme_by_id[c] for c in s_codes.tolist()],
        "hits": n_hits,
        "density": density,
        "keywords": joined,
    })
    # every (paragraph, theme) pair, zeros included: paragraphs in order, themes in the lexicon's order
    units, p_codes, at, n_hits, density, joined = score(h_p.astype("int64"), para_numbers, para_chars)
    n_themes = len(theme_ids)
    rank_order = np.array([theme_order[theme] for theme in theme_by_id], dtype=np.int64)
    cells = at * n_themes + rank_order[p_codes]
    grid_hits = np.zeros(len(para_numbers) * n_themes, dtype=np.int64)
    grid_hits[cells] = n_hits
    grid_density = np.zeros(len(grid_hits), dtype=np.float64)
    grid_density[cells] = density
    grid_keywords = [""] * len(grid_hits)
    for cell, text in zip(cells.tolist(), joined):
        grid_keywords[cell] = text
    paragraph_themes = pd.DataFrame({
        "paragraph": np.repeat(para_numbers, n_themes),
        "theme": _taken(theme_ids, np.tile(np.arange(n_themes), len(para_numbers))),
        "hits": grid_hits,
        "density": grid_density,
        "keywords": grid_keywords,
    })
    return dict(theme_hits=theme_hits, sentence_themes=sentence_themes, paragraph_themes=paragraph_themes,
                themes=theme_table)


def with_themes(ds: Dataset, themes: tuple[Theme, ...]) -> Dataset:
    """The dataset with its theme tables scored anew with ``themes`` (an
    edited theme lexicon, before it is saved); every other table is kept.
    The provenance says so: ``themes_edited`` is True and the dataset hash is
    that of the new tables.
    """
    tables = {**ds.tables(), **theme_tables(ds.paragraphs, ds.sentences, themes)}
    provenance = {**ds.provenance, "themes_edited": True, "dataset_sha256": content_hash(tables)}
    return Dataset(**tables, provenance=provenance)


def _score(hits: pd.DataFrame, level: str, chars: pd.Series) -> pd.DataFrame:
    """Hits, density and matched keywords per (unit, theme), for units with hits."""
    columns = [level, "theme", "hits", "density", "keywords"]
    if hits.empty:
        return pd.DataFrame(columns=columns)
    units = hits[level].to_numpy(dtype=np.int64)
    codes, theme_ids = pd.factorize(hits["theme"], sort=True)
    order = np.lexsort((codes, units))  # stable: text order within a group
    units, codes = units[order], codes[order]
    keywords = hits["keyword"].to_numpy(dtype=object)[order]
    new_group = np.ones(len(units), dtype=bool)
    new_group[1:] = (units[1:] != units[:-1]) | (codes[1:] != codes[:-1])
    bounds = np.append(np.flatnonzero(new_group), len(units))
    n_hits = np.diff(bounds)
    first = bounds[:-1]
    unit_chars = chars.reindex(units[first]).to_numpy()
    return pd.DataFrame({
        level: units[first],
        "theme": np.asarray(theme_ids)[codes[first]],
        "hits": n_hits,
        "density": np.round(100.0 * n_hits / np.maximum(unit_chars, 1), 3),
        "keywords": ["、".join(dict.fromkeys(keywords[a:b])) for a, b in zip(bounds[:-1], bounds[1:])],
    })


def _paragraph_grid(hits: pd.DataFrame, paragraphs: pd.DataFrame, theme_ids: list[str]) -> pd.DataFrame:
    """Hits per paragraph and theme, with a row for every pair (zeros included)."""
    chars = paragraphs.set_index("paragraph")["chars"]
    scored = _score(hits, "paragraph", chars)
    grid = pd.MultiIndex.from_product([paragraphs["paragraph"], theme_ids],
                                      names=["paragraph", "theme"]).to_frame(index=False)
    out = grid.merge(scored, on=["paragraph", "theme"], how="left")
    out["hits"] = out["hits"].fillna(0).astype("int64")
    out["density"] = out["density"].fillna(0.0).astype("float64")
    out["keywords"] = out["keywords"].fillna("").astype(str)
    return out


def _split_audit(body, terms, starts, ends, words, locate) -> tuple[pd.DataFrame, dict[str, int]]:
    """Every occurrence of a formulation that the tokenizer did not keep whole,
    and how often each formulation occurs (overlapping occurrences included).

    An occurrence is whole when one token covers it (it is that token, or
    part of a longer formulation such as 中部地区 in 中部地区崛起); it is
    split when a token boundary falls inside it.
    """
    found_terms, found_starts, found_ends = [], [], []
    found: dict[str, int] = {}
    for term in terms:
        pos = body.find(term)
        before = len(found_starts)
        while pos >= 0:
            found_terms.append(term)
            found_starts.append(pos)
            found_ends.append(pos + len(term))
            pos = body.find(term, pos + 1)
        found[term] = len(found_starts) - before
    occ_start = np.asarray(found_starts, dtype=np.int64)
    occ_end = np.asarray(found_ends, dtype=np.int64)
    first = np.searchsorted(starts, occ_start, side="right") - 1
    whole = (first >= 0) & (ends[np.maximum(first, 0)] >= occ_end) if len(starts) else np.zeros(len(occ_start), bool)
    rows = []
    for k in np.flatnonzero(~whole).tolist():
        i = int(first[k])
        j = int(np.searchsorted(starts, occ_end[k] - 1, side="right"))
        rows.append((int(occ_start[k]), found_terms[k], int(occ_end[k]), "/".join(words[max(i, 0):j])))
    columns = ["term", "paragraph", "sentence", "start", "end", "tokens"]
    if not rows:
        return pd.DataFrame(columns=columns), found
    rows.sort()  # in text order (paragraph and start), then by term
    offsets = np.array([r[0] for r in rows], dtype=np.int64)
    p_idx, s_idx, local = locate(offsets)
    out = pd.DataFrame({
        "term": [r[1] for r in rows],
        "paragraph": p_idx,
        "sentence": s_idx,
        "start": local,
        "end": local + np.array([r[2] - r[0] for r in rows]),
        "tokens": [r[3] for r in rows],
    })
    return out, found


def _formulations(lexicon: Lexicon, body: str, word_counts: dict[str, int], audit: pd.DataFrame,
                  found: dict[str, int]) -> pd.DataFrame:
    """Each formulation's occurrences in the text (not overlapping), whole tokens, and split occurrences.

    ``found`` counts overlapping occurrences; for a term that cannot overlap
    itself (no beginning of it is also its end) that is the same number."""
    split = Counter(audit["term"].tolist())
    rows = [(f.term, f.tag or "",
             found[f.term] if f.term in found and not _overlaps_itself(f.term) else body.count(f.term),
             word_counts.get(f.term, 0), split.get(f.term, 0))
            for f in lexicon.formulations]
    return pd.DataFrame(rows, columns=["term", "tag", "occurrences", "tokens", "split"])


def _overlaps_itself(term: str) -> bool:
    return any(term[:k] == term[-k:] for k in range(1, len(term)))


def term_counts(tokens: pd.DataFrame, stop_set: frozenset[str]) -> pd.DataFrame:
    """Counts of content words (no punctuation, numbers or stopwords), most frequent first."""
    counted = (tokens["word"] & ~tokens["text"].isin(stop_set) & ~tokens["pos"].isin(["m", "x", "eng"])).to_numpy()
    codes, distinct = pd.factorize(tokens["text"])
    return _count_terms(codes, distinct.tolist(), tokens["pos"].to_numpy(dtype=object),
                        tokens["paragraph"].to_numpy(), counted)


TERM_COLUMNS = ["term", "pos", "count", "paragraphs"]


def _count_terms(codes: np.ndarray, distinct: list[str], pos: np.ndarray, paragraphs: np.ndarray,
                 counted: np.ndarray) -> pd.DataFrame:
    """The terms table of tokens given as word codes into ``distinct``, with their tags and paragraphs,
    counting those marked ``counted``: a term's tag is that of its first counted token; most frequent
    first, then by term."""
    kept = np.flatnonzero(counted)
    if not len(kept):
        return pd.DataFrame(columns=TERM_COLUMNS)
    kept_codes = codes[kept].astype(np.int64)
    kept_paragraphs = paragraphs[kept].astype(np.int64)
    grouped = np.lexsort((kept_paragraphs, kept_codes))  # by term, then paragraph
    g_codes, g_paragraphs = kept_codes[grouped], kept_paragraphs[grouped]
    new_term = np.ones(len(g_codes), dtype=bool)
    new_term[1:] = g_codes[1:] != g_codes[:-1]
    new_pair = new_term.copy()
    new_pair[1:] |= g_paragraphs[1:] != g_paragraphs[:-1]
    bounds = np.flatnonzero(new_term)
    present = g_codes[bounds]
    count = np.diff(np.append(bounds, len(g_codes)))
    n_paragraphs = np.add.reduceat(new_pair.astype(np.int64), bounds)
    first = np.minimum.reduceat(grouped, bounds)  # the term's first counted token
    terms = [distinct[i] for i in present.tolist()]
    alphabetical = np.empty(len(terms), dtype=np.int64)
    alphabetical[sorted(range(len(terms)), key=terms.__getitem__)] = np.arange(len(terms))
    order = np.lexsort((alphabetical, -count))
    return pd.DataFrame({
        "term": [terms[i] for i in order.tolist()],
        "pos": pos[kept[first[order]]].tolist(),
        "count": count[order].astype(np.int64),
        "paragraphs": n_paragraphs[order].astype(np.int64),
    })


def _people(lexicon: Lexicon, sentences: pd.DataFrame, word_counts: dict[str, int]) -> pd.DataFrame:
    spoken = Counter(s for s in sentences["speaker"].tolist() if isinstance(s, str))
    rows = [
        (p.name, p.name_en, p.role_zh, p.role_en, word_counts.get(p.name, 0), spoken.get(p.name, 0))
        for p in lexicon.people
        if word_counts.get(p.name, 0) or spoken.get(p.name, 0)
    ]
    return pd.DataFrame(rows, columns=["name", "name_en", "role_zh", "role_en", "mentions", "sentences"])


def content_hash(tables: dict[str, pd.DataFrame]) -> str:
    """A hash of the tables' contents (same tables, same hash).

    Each column's values are hashed as they are stored, with their type:
    numbers and flags as their bytes, text as each value's length in UTF-8
    followed by the UTF-8 bytes, and which values are missing. The same table
    read back from Parquet hashes the same; no value becomes a Python object
    on the way.
    """
    digest = hashlib.sha256()
    for name in TABLES:
        frame = tables[name]
        digest.update(name.encode())
        digest.update("\x1f".join(map(str, frame.columns)).encode())
        digest.update(len(frame).to_bytes(8, "little"))
        if len(frame):
            for _, column in frame.items():
                _hash_column(digest, column)
    return digest.hexdigest()


def _hash_column(digest, column: pd.Series) -> None:
    dtype = column.dtype
    if dtype.kind in "biuf" and isinstance(dtype, np.dtype):
        digest.update(dtype.str.encode())
        digest.update(np.ascontiguousarray(column.to_numpy()))
        return
    try:
        values = pa.array(column, from_pandas=True)
    except (pa.ArrowException, TypeError, ValueError):
        values = None
    if values is None or not (pa.types.is_string(values.type) or pa.types.is_large_string(values.type)
                              or pa.types.is_null(values.type)):
        digest.update(b"o")
        digest.update(pd.util.hash_pandas_object(column, index=False).to_numpy())
        return
    values = values.cast(pa.large_string())
    offsets = np.frombuffer(values.buffers()[1], dtype=np.int64)[values.offset:values.offset + len(values) + 1]
    digest.update(b"s")
    digest.update(offsets - offsets[0] if offsets[0] else offsets)
    if values.null_count:
        digest.update(values.is_null().to_numpy(zero_copy_only=False))
    data = values.buffers()[2]
    if data is not None:
        digest.update(memoryview(data)[offsets[0]:offsets[-1]])


def cache_key(doc: Document, lexicon: Lexicon, stopword_tier: str) -> str:
    """Hash of everything a dataset is built from."""
    parts = {
        "version": DATASET_VERSION,
        "doc_id": doc.id,
        "text": hashlib.sha256(doc.text.encode("utf-8")).hexdigest(),
        "meta": doc.meta(),
        "file": [doc.filename, doc.encoding, doc.kind],
        "lexicon": lexicon.key,
        "tier": stopword_tier,
    }
    return hashlib.sha256(json.dumps(parts, sort_keys=True, ensure_ascii=False).encode()).hexdigest()


SECTION_COLUMNS = ["section", "level", "kind", "number", "title", "parent", "run_in", "first_paragraph",
                   "last_paragraph", "chars"]
#: The parts of a title block, in the order they are shown.
TITLE_BLOCK_PARTS = ("kicker", "title", "subtitle", "date_line", "speaker", "salutation", "source", "author",
                     "editor_note")


SECTION_DTYPES = {"section": "int32", "level": "int8", "parent": "int32", "first_paragraph": "int32",
                  "last_paragraph": "int32", "chars": "int64"}


def section_table(headings, paragraph_chars: np.ndarray) -> pd.DataFrame:
    """One row per heading: its number and title, its parent (0: none), the
    paragraphs it covers (up to the next heading of its level or above) and
    their characters. Empty for a document without headings."""
    count = len(paragraph_chars)
    if not headings:
        return pd.DataFrame([], columns=SECTION_COLUMNS).astype(SECTION_DTYPES)
    ends = [count] * len(headings)
    open_headings: list[int] = []  # headings whose end is not found yet, levels rising
    for index, heading in enumerate(headings):
        while open_headings and headings[open_headings[-1]].level >= heading.level:
            ends[open_headings.pop()] = heading.paragraph - 1
        open_headings.append(index)
    before = np.concatenate(([0], np.cumsum(paragraph_chars, dtype=np.int64)))  # characters before a paragraph
    firsts, lasts, chars = [], [], []
    for heading, end in zip(headings, ends):
        first = min(heading.paragraph, count)
        last = max(min(end, count), first - 1)
        firsts.append(first)
        lasts.append(last)
        if last < first:
            chars.append(0)
        elif first >= 1:
            chars.append(int(before[last] - before[first - 1]))
        else:
            chars.append(int(paragraph_chars[first - 1:last].sum()))
    return pd.DataFrame({
        "section": np.arange(1, len(headings) + 1, dtype="int32"),
        "level": np.array([h.level for h in headings], dtype="int8"),
        "kind": [h.kind for h in headings],
        "number": [h.number for h in headings],
        "title": [h.title for h in headings],
        "parent": np.array([h.parent + 1 for h in headings], dtype="int32"),
        "run_in": [h.run_in for h in headings],
        "first_paragraph": np.array(firsts, dtype="int32"),
        "last_paragraph": np.array(lasts, dtype="int32"),
        "chars": np.array(chars, dtype="int64"),
    })


def paragraph_sections(sections: pd.DataFrame, count: int) -> np.ndarray:
    """The innermost section of each paragraph (0: before the first heading, or none)."""
    out = np.zeros(count, dtype="int32")
    # in document order: inner sections come later and win
    for section, first, last in zip(sections["section"].tolist(), sections["first_paragraph"].tolist(),
                                    sections["last_paragraph"].tolist()):
        if last >= first:
            out[first - 1:last] = section
    return out


def title_block_table(structure) -> pd.DataFrame:
    """The title block's parts that the text has, in the order they are shown (part, text)."""
    values = {"kicker": structure.kicker, "title": structure.title or structure.headline,
              "subtitle": structure.subtitle, "date_line": structure.date_line,
              "speaker": " ".join(p for p in (structure.speaker_role, structure.speaker) if p),
              "salutation": structure.salutation, "source": structure.source, "author": structure.author,
              "editor_note": structure.editor_note}
    return pd.DataFrame([(part, values[part]) for part in TITLE_BLOCK_PARTS if values[part]], columns=["part", "text"])
