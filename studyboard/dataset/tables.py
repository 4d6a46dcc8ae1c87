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
from dataclasses import dataclass, field
from itertools import compress

import numpy as np
import pandas as pd

from studyboard.ingest.document import Document
from studyboard.lexicon import Lexicon, STOPWORD_TIERS, Theme
from studyboard.nlp.places import Gazetteer
from studyboard.ingest.segment import SpeakerFinder, paragraph_speaker, split_sentences
from studyboard.nlp.themes import ThemeMatcher

#: Bump when the tables or their meaning change: old cache entries are then
#: ignored.
DATASET_VERSION = "2"

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

    # sentences and speakers
    finder = SpeakerFinder(lexicon)
    para_rows, sent_rows, sent_starts = [], [], []
    for p_no, text in enumerate(texts, 1):
        sentences = split_sentences(text)
        speakers = finder.speakers([s.text for s in sentences])
        if structure.speaker:  # a speech's byline person speaks what no one else is reported to say
            speakers = [speaker or structure.speaker for speaker in speakers]
        para_rows.append((p_no, text, len(text), int(para_starts[p_no - 1]), paragraph_speaker(speakers),
                          len(sentences), len(sent_rows) + 1))
        for index, (sentence, speaker) in enumerate(zip(sentences, speakers), 1):
            sent_rows.append((len(sent_rows) + 1, p_no, index, sentence.start, sentence.end,
                              sentence.text, len(sentence.text), speaker))
            sent_starts.append(int(para_starts[p_no - 1]) + sentence.start)
    paragraphs = pd.DataFrame(para_rows, columns=["paragraph", "text", "chars", "offset", "speaker",
                                                  "n_sentences", "first_sentence"])
    sentences = pd.DataFrame(sent_rows, columns=["sentence", "paragraph", "index", "start", "end",
                                                 "text", "chars", "speaker"])
    sent_starts_arr = np.asarray(sent_starts, dtype=np.int64)

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
    keep = np.fromiter((w != "\n" for w in words), dtype=bool, count=len(words))
    words = list(compress(words, keep))
    starts, ends = starts[keep], ends[keep]
    tags = tokenizer.tags(words)
    distinct = list(tags)
    word_flag = {w: is_word(w) for w in distinct}
    stop_of = {w: FUNCTION if w in lexicon.stopwords else POLICY if w in lexicon.policy_verbs else CONTENT
               for w in distinct}
    formulation_terms = {f.term for f in lexicon.formulations}
    p_idx, s_idx, local = locate(starts)
    tokens = pd.DataFrame({
        "token": np.arange(len(words), dtype=np.int64),
        "paragraph": p_idx.astype("int32"),
        "sentence": s_idx.astype("int32"),
        "start": local.astype("int32"),
        "end": (local + (ends - starts)).astype("int32"),
        "text": words,
        "pos": [tags[w] for w in words],
        "word": [word_flag[w] for w in words],
        "stop": np.array([stop_of[w] for w in words], dtype="int8"),
        "formulation": [w in formulation_terms for w in words],
    })

    # place mentions
    gazetteer = Gazetteer(lexicon)
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

    # sections: the headings and the paragraphs under each
    sections = section_table(structure.headings, paragraphs["chars"].to_numpy())
    paragraphs["section"] = paragraph_sections(sections, len(paragraphs))
    sentences["section"] = paragraphs["section"].to_numpy()[sentences["paragraph"].to_numpy() - 1] \
        if len(sentences) else pd.Series(dtype="int32")
    title_block = title_block_table(structure)

    # theme hits and scores
    scored = theme_tables(paragraphs, sentences, lexicon.themes)
    theme_hits, sentence_themes = scored["theme_hits"], scored["sentence_themes"]
    paragraph_themes, themes = scored["paragraph_themes"], scored["themes"]

    # formulations and the split audit
    audit = _split_audit(body, formulation_terms, starts, ends, words, locate)
    formulations = _formulations(lexicon, body, tokens, audit)
    terms = term_counts(tokens, lexicon.stop_set(stopword_tier))
    people = _people(lexicon, sentences, tokens)

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
        "chars": int(paragraphs["chars"].sum()),
        "paragraphs": len(paragraphs),
        "sentences": len(sentences),
        "tokens": int(tokens["word"].sum()),
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


def theme_tables(paragraphs: pd.DataFrame, sentences: pd.DataFrame,
                 themes: tuple[Theme, ...]) -> dict[str, pd.DataFrame]:
    """The four theme tables (``theme_hits``, ``sentence_themes``,
    ``paragraph_themes``, ``themes``) of a document's paragraphs and sentences
    scored with ``themes``. Needs no tokenizer: the keywords are matched in the
    text itself.
    """
    texts = list(paragraphs["text"])
    body = "\n".join(texts)
    para_starts = paragraphs["offset"].to_numpy(dtype=np.int64)
    sent_starts = (para_starts[sentences["paragraph"].to_numpy(dtype=np.int64) - 1]
                   + sentences["start"].to_numpy(dtype=np.int64)) if len(sentences) else np.zeros(0, np.int64)
    hit_theme, hit_keyword, hit_start, hit_end = ThemeMatcher(themes).hits(body)
    offsets = np.asarray(hit_start, dtype=np.int64)
    h_p = np.searchsorted(para_starts, offsets, side="right")
    h_s = np.maximum(np.searchsorted(sent_starts, offsets, side="right"), 1)
    h_local = offsets - para_starts[np.maximum(h_p - 1, 0)] if len(para_starts) else offsets
    theme_hits = pd.DataFrame({
        "paragraph": h_p.astype("int64"),
        "sentence": h_s.astype("int64"),
        "start": h_local.astype("int64"),
        "end": (h_local + np.asarray(hit_end, dtype=np.int64) - offsets),
        "theme": hit_theme,
        "keyword": hit_keyword,
    })
    theme_order = {t.id: i for i, t in enumerate(themes)}
    theme_hits = theme_hits.sort_values(["paragraph", "start", "theme"], key=lambda c: c.map(theme_order)
                                        if c.name == "theme" else c, ignore_index=True)
    sentence_themes = _score(theme_hits, "sentence", sentences.set_index("sentence")["chars"])
    sentence_themes.insert(1, "paragraph", sentences.set_index("sentence")["paragraph"]
                           .reindex(sentence_themes["sentence"]).to_numpy())
    paragraph_themes = _paragraph_grid(theme_hits, paragraphs, [t.id for t in themes])
    theme_table = pd.DataFrame(
        [(t.id, t.name_zh, t.name_en, t.desc_zh, t.desc_en, t.color, " ".join(t.keywords), order)
         for order, t in enumerate(themes)],
        columns=["theme", "name_zh", "name_en", "desc_zh", "desc_en", "color", "keywords", "order"],
    )
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


def _split_audit(body, terms, starts, ends, words, locate) -> pd.DataFrame:
    """Every occurrence of a formulation that the tokenizer did not keep whole.

    An occurrence is whole when one token covers it (it is that token, or
    part of a longer formulation such as 中部地区 in 中部地区崛起); it is
    split when a token boundary falls inside it.
    """
    found_terms, found_starts, found_ends = [], [], []
    for term in terms:
        pos = body.find(term)
        while pos >= 0:
            found_terms.append(term)
            found_starts.append(pos)
            found_ends.append(pos + len(term))
            pos = body.find(term, pos + 1)
    occ_start = np.asarray(found_starts, dtype=np.int64)
    occ_end = np.asarray(found_ends, dtype=np.int64)
    first = np.searchsorted(starts, occ_start, side="right") - 1
    whole = (first >= 0) & (ends[np.maximum(first, 0)] >= occ_end) if len(starts) else np.zeros(len(occ_start), bool)
    rows = []
    for k in np.flatnonzero(~whole):
        i = int(first[k])
        j = int(np.searchsorted(starts, occ_end[k] - 1, side="right"))
        rows.append((found_terms[k], int(occ_start[k]), int(occ_end[k]), "/".join(words[max(i, 0):j])))
    columns = ["term", "paragraph", "sentence", "start", "end", "tokens"]
    if not rows:
        return pd.DataFrame(columns=columns)
    offsets = np.array([r[1] for r in rows], dtype=np.int64)
    p_idx, s_idx, local = locate(offsets)
    out = pd.DataFrame({
        "term": [r[0] for r in rows],
        "paragraph": p_idx,
        "sentence": s_idx,
        "start": local,
        "end": local + np.array([r[2] - r[1] for r in rows]),
        "tokens": [r[3] for r in rows],
    })
    return out.sort_values(["paragraph", "start", "term"], ignore_index=True)


def _formulations(lexicon: Lexicon, body: str, tokens: pd.DataFrame, audit: pd.DataFrame) -> pd.DataFrame:
    """Each formulation's occurrences in the text, whole tokens, and split occurrences."""
    whole = tokens.loc[tokens["formulation"], "text"].value_counts()
    split = audit["term"].value_counts()
    rows = [(f.term, f.tag or "", body.count(f.term), int(whole.get(f.term, 0)), int(split.get(f.term, 0)))
            for f in lexicon.formulations]
    return pd.DataFrame(rows, columns=["term", "tag", "occurrences", "tokens", "split"])


def term_counts(tokens: pd.DataFrame, stop_set: frozenset[str]) -> pd.DataFrame:
    """Counts of content words (no punctuation, numbers or stopwords), most frequent first."""
    words = tokens[tokens["word"] & ~tokens["text"].isin(stop_set) & ~tokens["pos"].isin(["m", "x", "eng"])]
    if words.empty:
        return pd.DataFrame(columns=["term", "pos", "count", "paragraphs"])
    grouped = words.groupby("text", sort=False)
    out = pd.DataFrame({
        "count": grouped.size(),
        "pos": grouped["pos"].first(),
        "paragraphs": grouped["paragraph"].nunique(),
    }).rename_axis("term").reset_index()
    out = out.sort_values(["count", "term"], ascending=[False, True], ignore_index=True)
    return out[["term", "pos", "count", "paragraphs"]]


def _people(lexicon: Lexicon, sentences: pd.DataFrame, tokens: pd.DataFrame) -> pd.DataFrame:
    spoken = sentences["speaker"].value_counts()
    named = tokens["text"].value_counts()
    rows = [
        (p.name, p.name_en, p.role_zh, p.role_en, int(named.get(p.name, 0)), int(spoken.get(p.name, 0)))
        for p in lexicon.people
        if named.get(p.name, 0) or spoken.get(p.name, 0)
    ]
    return pd.DataFrame(rows, columns=["name", "name_en", "role_zh", "role_en", "mentions", "sentences"])


def content_hash(tables: dict[str, pd.DataFrame]) -> str:
    """A hash of the tables' contents (same tables, same hash)."""
    digest = hashlib.sha256()
    for name in TABLES:
        frame = tables[name]
        digest.update(name.encode())
        digest.update("\x1f".join(map(str, frame.columns)).encode())
        if len(frame):
            digest.update(pd.util.hash_pandas_object(frame, index=False).values.tobytes())
    return digest.hexdigest()


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


def section_table(headings, paragraph_chars: np.ndarray) -> pd.DataFrame:
    """One row per heading: its number and title, its parent (0: none), the
    paragraphs it covers (up to the next heading of its level or above) and
    their characters. Empty for a document without headings."""
    count = len(paragraph_chars)
    rows = []
    for index, heading in enumerate(headings):
        end = count
        for later in headings[index + 1:]:
            if later.level <= heading.level:
                end = later.paragraph - 1
                break
        first = min(heading.paragraph, count)
        last = max(min(end, count), first - 1)
        chars = int(paragraph_chars[first - 1:last].sum()) if last >= first else 0
        rows.append((index + 1, heading.level, heading.kind, heading.number, heading.title, heading.parent + 1,
                     heading.run_in, first, last, chars))
    frame = pd.DataFrame(rows, columns=SECTION_COLUMNS)
    return frame.astype({"section": "int32", "level": "int8", "parent": "int32", "first_paragraph": "int32",
                         "last_paragraph": "int32", "chars": "int64"})


def paragraph_sections(sections: pd.DataFrame, count: int) -> np.ndarray:
    """The innermost section of each paragraph (0: before the first heading, or none)."""
    out = np.zeros(count, dtype="int32")
    for row in sections.itertuples():  # in document order: inner sections come later and win
        if row.last_paragraph >= row.first_paragraph:
            out[row.first_paragraph - 1:row.last_paragraph] = row.section
    return out


def title_block_table(structure) -> pd.DataFrame:
    """The title block's parts that the text has, in the order they are shown (part, text)."""
    values = {"kicker": structure.kicker, "title": structure.title or structure.headline,
              "subtitle": structure.subtitle, "date_line": structure.date_line,
              "speaker": " ".join(p for p in (structure.speaker_role, structure.speaker) if p),
              "salutation": structure.salutation, "source": structure.source, "author": structure.author,
              "editor_note": structure.editor_note}
    return pd.DataFrame([(part, values[part]) for part in TITLE_BLOCK_PARTS if values[part]], columns=["part", "text"])
