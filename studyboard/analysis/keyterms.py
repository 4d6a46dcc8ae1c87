"""Key terms: the words that are specific to a paragraph, and the glossary gloss of a term.

The count is the **token count** (词频): how many tokens of the term the
segmenter cut in the paragraph. 中部地区 inside the one token 中部地区崛起 is
not a token of 中部地区 (how often the text *says* a string is
:mod:`studyboard.analysis.occurrences`, a different count). A paragraph's key
terms are ranked by tf-idf within the document, on tokens:

* the candidates are the tokens of reported speech (narration such as who
  presided or attended is left out; in a text where no one speaks, such as a
  regulation or an article, every sentence counts) that are nominal (jieba's
  n*, vn, an, l, i, j tags) or a formulation of the lexicon
  (``userdict.txt``), of at least two characters; people's names (nr, nrfg,
  nrt and the people of ``speakers.toml``), speech verbs, function words and
  policy verbs (stop tiers 1 and 2) are left out;
* ``count`` (tf) is the term's candidate tokens in the paragraph;
  ``paragraphs`` (df) the paragraphs in which it has one; N the paragraphs
  with any candidate;
* ``score`` = tf × ln((1 + N) / df) × 2 for a formulation, × 1 otherwise.

The document's
glossary (:func:`document_glossary`) lists the entries of ``glossary.toml``
that occur in it, for the handout; a term's hover text in the UI language is
:func:`studyboard.views.labels.term_gloss`.
"""

from __future__ import annotations

import math

import pandas as pd

from studyboard.analysis import glossary as glossary_module
from studyboard.dataset.tables import Dataset
from studyboard.lexicon import Lexicon

#: How much more a formulation of the lexicon weighs than another word.
FORMULATION_WEIGHT = 2.0
_NOMINAL = ("n", "vn", "an", "l", "i", "j")
_NAMES = ("nr", "nrfg", "nrt")


def candidates(ds: Dataset, lexicon: Lexicon) -> pd.DataFrame:
    """Content-word tokens of reported speech (of every sentence when no one speaks) that may be key
    terms (text order)."""
    speaking = ds.sentences["speaker"].notna()
    spoken = ds.sentences.loc[speaking if speaking.any() else slice(None), "sentence"]
    tokens = ds.tokens[ds.tokens["sentence"].isin(spoken)]
    names = {p.name for p in lexicon.people}
    skip = names | set(lexicon.speech_verbs)
    nominal = tokens["pos"].str.startswith(_NOMINAL) & ~tokens["pos"].isin(_NAMES)
    keep = (tokens["word"] & (tokens["stop"] == 0) & (nominal | tokens["formulation"])
            & (tokens["text"].str.len() >= 2) & ~tokens["text"].isin(skip))
    return tokens[keep]


def paragraph_terms(ds: Dataset, lexicon: Lexicon, k: int | None = 6) -> pd.DataFrame:
    """The key terms of every paragraph, best first within each paragraph.

    Columns: ``paragraph``, ``term``, ``count`` (its tokens in the paragraph),
    ``paragraphs`` (how many paragraphs have a token of it), ``formulation``, ``score``
    (tf × idf × weight, as the module says),
    ``first`` (offset of its first occurrence in the paragraph). ``k`` limits
    the terms per paragraph (None: all).
    """
    words = candidates(ds, lexicon)
    columns = ["paragraph", "term", "count", "paragraphs", "formulation", "score", "first"]
    if words.empty:
        return pd.DataFrame(columns=columns)
    n_paragraphs = int(words["paragraph"].nunique())
    per = words.groupby(["paragraph", "text"], sort=False).agg(
        count=("token", "size"), formulation=("formulation", "max"), first=("start", "min")).reset_index()
    df = per.groupby("text")["paragraph"].nunique()
    per["paragraphs"] = per["text"].map(df).astype("int64")
    idf = per["paragraphs"].map(lambda d: math.log((1 + n_paragraphs) / d))
    weight = per["formulation"].map(lambda f: FORMULATION_WEIGHT if f else 1.0)
    per["score"] = (per["count"] * idf * weight).round(4)
    per = per.rename(columns={"text": "term"})
    per = per.sort_values(["paragraph", "score", "first"], ascending=[True, False, True], ignore_index=True)
    if k is not None:
        per = per.groupby("paragraph", sort=False).head(k).reset_index(drop=True)
    return per[columns]


def of_paragraph(ds: Dataset, lexicon: Lexicon, paragraph: int, k: int = 6) -> list[str]:
    """The key terms of one paragraph, best first; a term inside a better one (地区 in 中部地区) is left out."""
    return of_paragraphs(ds, lexicon, [paragraph], k)


def of_paragraphs(ds: Dataset, lexicon: Lexicon, paragraphs, k: int = 6) -> list[str]:
    """The key terms of some paragraphs (a section's), best first: each term's scores in them summed
    (ties: the earlier first); a term inside a better one (地区 in 中部地区) is left out."""
    terms = paragraph_terms(ds, lexicon, None)
    terms = terms[terms["paragraph"].isin(list(paragraphs))]
    if terms.empty:
        return []
    ranked = terms.groupby("term", sort=False).agg(score=("score", "sum"), paragraph=("paragraph", "min"))
    first = terms.sort_values(["paragraph", "first"]).drop_duplicates("term").set_index("term")["first"]
    ranked["first"] = first.reindex(ranked.index)
    ranked = ranked.reset_index().sort_values(["score", "paragraph", "first"], ascending=[False, True, True])
    chosen: list[str] = []
    for term in ranked["term"]:
        if not any(term in better for better in chosen):
            chosen.append(term)
        if len(chosen) == k:
            break
    return chosen


def entries_for(lexicon: Lexicon) -> dict:
    """The glossary of a lexicon folder (its glossary.toml; the shipped one when it has none)."""
    path = lexicon.directory / "glossary.toml"
    return glossary_module.by_term(path if path.is_file() else None)


def document_glossary(ds: Dataset, entries: dict | None = None) -> pd.DataFrame:
    """The glossary entries whose term occurs in the document, in order of first appearance.

    Columns: ``term``, ``pinyin``, ``english``, ``source`` (of the English
    rendering; '' for a descriptive gloss), ``official`` (whether the English
    is an official rendering), ``explain_zh``, ``explain_en``, ``paragraph``
    (first paragraph with the term).
    """
    entries = glossary_module.by_term() if entries is None else entries
    rows = []
    texts = list(zip(ds.paragraphs["paragraph"], ds.paragraphs["text"]))
    body = "\n".join(text for _, text in texts)
    for term, entry in entries.items():
        position = body.find(term)
        if position < 0:
            continue
        paragraph = next(int(p) for p, text in texts if term in text)
        rendering = entry.renderings[0] if entry.renderings else None
        rows.append((position, term, entry.pinyin, entry.english, rendering.source if rendering else "",
                     rendering is not None, entry.explain_zh, entry.explain_en, paragraph))
    rows.sort()
    return pd.DataFrame([r[1:] for r in rows], columns=["term", "pinyin", "english", "source", "official",
                                                       "explain_zh", "explain_en", "paragraph"])
