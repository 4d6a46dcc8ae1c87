"""Comparing documents: what is new, what was dropped, what sets them apart.

For a pair, an earlier and a later document:

* :func:`formulation_changes`: formulations of the lexicon (提法,
  ``userdict.txt``) found in the later document and not in the earlier one
  (new, what the press calls 首次写入) and the reverse (dropped);
* :func:`phrase_changes`: the same for phrases found by n-grams of one to
  four words (the later document's phrases that occur at least twice and
  nowhere in the earlier text), kept only where no longer new phrase with
  the same count contains them;
* :func:`keyness`: terms that distinguish one document from the other, in
  both directions: log-likelihood G² (Rayson & Garside 2000, the two-cell
  form) for significance and the log ratio (Hardie 2014, binary log of the
  ratio of relative frequencies, a zero count taken as 0.5) for effect size;
* :func:`shared_terms`: content words both use.

For any number of documents: theme profiles (hits per 1,000 characters)
and province counts (:func:`province_profile`, counted by
:func:`studyboard.analysis.places.province_counts`) side by side; and across
every document of the library, ordered by date, the trend of chosen terms per
10,000 characters (:func:`term_trend`, which reads one document at a time and
never holds more than one text in memory).

Two kinds of count, each said on the page. Formulations, new and dropped
phrases' presence and the trend count **occurrences** of the string in the
body (:mod:`studyboard.analysis.occurrences`: 中部地区 inside 中部地区崛起
counts, and is reported as nested). Keyness and shared terms count
**tokens**: the content-word tokens of the ``terms`` tables against all word
tokens of each document (``documents.tokens``), so that the counts and the
totals of G² and the log ratio are of one kind (a token is counted once; a
string that is part of a longer token is not that token). The figures and
change cards are in :mod:`studyboard.views.comparisonviews`.
"""

from __future__ import annotations

import hashlib

from typing import Callable, Iterable

import numpy as np
import pandas as pd

from studyboard.analysis import occurrences, places
from studyboard.dataset.tables import Dataset
from studyboard.ingest.document import Entry
from studyboard.errors import InputError
from studyboard.lexicon import Lexicon

#: G² above which a difference counts as significant (p < 0.05, one degree of freedom).
LL_CRITICAL = 3.84
SIGNIFICANCE = ((15.13, "****"), (10.83, "***"), (6.63, "**"), (3.84, "*"))
NGRAM_SIZES = (1, 2, 3, 4)


# --- documents -----------------------------------------------------------------


def by_date(entries: Iterable[Entry]) -> list[Entry]:
    """Entries in date order; undated ones last (in their given order)."""
    entries = list(entries)
    return sorted(entries, key=lambda e: (not e.date, e.date))


def default_selection(ids: list[str], current: str) -> list[str]:
    """The documents compared first: the current one and the one before it in
    ``ids`` (date order), or the one after it if it is the first."""
    if current not in ids or len(ids) < 2:
        return [current] if current in ids else []
    i = ids.index(current)
    return [ids[i - 1], current] if i > 0 else [current, ids[i + 1]]


def body(ds: Dataset) -> str:
    """The body as one string (paragraphs joined by line breaks, as the parser joins them)."""
    return "\n".join(ds.paragraphs["text"])


# --- new and dropped ---------------------------------------------------------------


def formulation_changes(earlier: Dataset, later: Dataset, entries=None) -> pd.DataFrame:
    """Formulations of the lexicon by status: ``new`` (in the later document only),
    ``dropped`` (in the earlier only) and ``kept`` (in both).

    Columns: term, tag, earlier, later (occurrences in the body,
    :func:`occurrences.formulations`), earlier_nested, later_nested (of them
    inside a longer formulation or a glossary term of ``entries``), status.
    Sorted new, dropped, kept; within each by the larger count, then term.
    """
    table_a, table_b = occurrences.formulations(earlier, entries), occurrences.formulations(later, entries)
    a = table_a.set_index("term")["occurrences"]
    b = table_b.set_index("term")["occurrences"]
    nested_a = table_a.set_index("term")["nested"]
    nested_b = table_b.set_index("term")["nested"]
    tags = pd.concat([earlier.formulations, later.formulations]).drop_duplicates("term").set_index("term")["tag"]
    terms = list(dict.fromkeys([*a.index, *b.index]))
    frame = pd.DataFrame({"term": terms})
    frame["tag"] = frame["term"].map(tags).fillna("")
    frame["earlier"] = frame["term"].map(a).fillna(0).astype("int64")
    frame["later"] = frame["term"].map(b).fillna(0).astype("int64")
    frame["earlier_nested"] = frame["term"].map(nested_a).fillna(0).astype("int64")
    frame["later_nested"] = frame["term"].map(nested_b).fillna(0).astype("int64")
    frame = frame[(frame["earlier"] > 0) | (frame["later"] > 0)]
    frame["status"] = np.select([frame["earlier"] == 0, frame["later"] == 0], ["new", "dropped"], "kept")
    return _sort_changes(frame)


def split_changes(changes: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(new, dropped) rows of formulation_changes, each with ``count`` and ``nested``
    columns (the occurrences in the document that has them)."""
    new = changes[changes["status"] == "new"].assign(count=lambda f: f["later"], nested=lambda f: f["later_nested"])
    dropped = changes[changes["status"] == "dropped"].assign(count=lambda f: f["earlier"],
                                                             nested=lambda f: f["earlier_nested"])
    return new.reset_index(drop=True), dropped.reset_index(drop=True)


def kept_count(changes: pd.DataFrame) -> int:
    return int((changes["status"] == "kept").sum())


def _sort_changes(frame: pd.DataFrame) -> pd.DataFrame:
    order = {"new": 0, "dropped": 1, "kept": 2}
    frame = frame.assign(_s=frame["status"].map(order), _n=frame[["earlier", "later"]].max(axis=1))
    frame = frame.sort_values(["_s", "_n", "term"], ascending=[True, False, True], kind="stable")
    return frame.drop(columns=["_s", "_n"]).reset_index(drop=True)


def ngrams(ds: Dataset, sizes: Iterable[int] = NGRAM_SIZES) -> pd.Series:
    """Counts of word n-grams within sentences (phrase -> count).

    Only words count (punctuation breaks a phrase); a phrase begins and ends
    with a content word (not a function word, policy verb, number or Latin
    word); a phrase of one word is a noun of at least two characters.
    """
    tokens = ds.tokens[ds.tokens["word"]]
    number = tokens["token"].to_numpy()
    sentence = tokens["sentence"].to_numpy()
    text = tokens["text"].reset_index(drop=True)
    edge = ((tokens["stop"] == 0) & ~tokens["pos"].isin(["m", "x", "eng"])).to_numpy()
    noun = (tokens["pos"].str.startswith("n") | (tokens["pos"] == "vn")).to_numpy()
    counts = []
    for n in sizes:
        if len(number) < n:
            continue
        k = len(number) - n + 1
        ok = (number[n - 1:] - number[:k] == n - 1) & (sentence[n - 1:] == sentence[:k])
        ok &= edge[:k] & edge[n - 1:]
        if n == 1:
            ok &= noun  # single words: nouns only (a new verb or adverb alone says little)
        joined = text.iloc[:k].reset_index(drop=True)
        for i in range(1, n):
            joined = joined + text.iloc[i:i + k].reset_index(drop=True)
        phrases = joined[ok]
        if n == 1:
            phrases = phrases[phrases.str.len() >= 2]
        counts.append(phrases.value_counts())
    if not counts:
        return pd.Series(dtype="int64")
    return pd.concat(counts).groupby(level=0).sum().astype("int64")


def new_phrases(source: Dataset, other: Dataset, min_count: int = 2, top: int = 30,
                exclude: Iterable[str] = ()) -> pd.DataFrame:
    """Phrases of ``source`` that occur at least ``min_count`` times there and
    nowhere in ``other``'s text; maximal ones only, most frequent first.

    Columns: phrase, count. Terms in ``exclude`` (the lexicon's formulations,
    shown on their own) are left out.
    """
    counts = ngrams(source)
    counts = counts[counts >= min_count]
    excluded = set(exclude)
    other_text = body(other)
    candidates = [(phrase, int(count)) for phrase, count in counts.items()
                  if phrase not in excluded and phrase not in other_text]
    candidates.sort(key=lambda pc: (-len(pc[0]), -pc[1], pc[0]))
    kept: list[tuple[str, int]] = []
    longer_by_count: dict[int, list[str]] = {}  # a phrase is left out when a longer one kept has its count
    for phrase, count in candidates:
        if any(phrase in longer for longer in longer_by_count.get(count, ())):
            continue
        kept.append((phrase, count))
        longer_by_count.setdefault(count, []).append(phrase)
    kept.sort(key=lambda pc: (-pc[1], -len(pc[0]), pc[0]))
    return pd.DataFrame(kept[:top], columns=["phrase", "count"])


def phrase_changes(earlier: Dataset, later: Dataset, lexicon: Lexicon | None = None,
                   min_count: int = 2, top: int = 30) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(new in the later document, dropped since the earlier one), each with columns phrase, count."""
    exclude = [f.term for f in lexicon.formulations] if lexicon else ()
    return (new_phrases(later, earlier, min_count, top, exclude),
            new_phrases(earlier, later, min_count, top, exclude))


def frame_digest(frame: pd.DataFrame) -> str:
    """A digest of a table's columns and values (what names a figure made from it)."""
    values = pd.util.hash_pandas_object(frame, index=False).to_numpy().tobytes()
    return hashlib.sha256(repr(list(frame.columns)).encode() + values).hexdigest()


def sentences_with(ds: Dataset, term: str, limit: int = 3) -> pd.DataFrame:
    """The first ``limit`` sentences that contain ``term``: paragraph, sentence, text."""
    found = ds.sentences[ds.sentences["text"].str.contains(term, regex=False)]
    return found[["paragraph", "sentence", "text"]].head(limit).reset_index(drop=True)


# --- keyness ---------------------------------------------------------------------


def log_likelihood(a: np.ndarray, b: np.ndarray, total_a: float, total_b: float) -> np.ndarray:
    """G² of counts ``a`` and ``b`` in corpora of ``total_a`` and ``total_b`` words (two cells)."""
    a = np.asarray(a, dtype=float)
    b = np.asarray(b, dtype=float)
    expected_a = total_a * (a + b) / (total_a + total_b)
    expected_b = total_b * (a + b) / (total_a + total_b)
    with np.errstate(divide="ignore", invalid="ignore"):
        part_a = np.where(a > 0, a * np.log(a / expected_a), 0.0)
        part_b = np.where(b > 0, b * np.log(b / expected_b), 0.0)
    return 2 * (part_a + part_b)


def log_ratio(a: np.ndarray, b: np.ndarray, total_a: float, total_b: float) -> np.ndarray:
    """log2 of the relative frequency in b over that in a, a zero count taken as
    0.5 (Hardie 2014): positive where b uses a term more, negative where a does."""
    a = np.where(np.asarray(a, dtype=float) == 0, 0.5, a)
    b = np.where(np.asarray(b, dtype=float) == 0, 0.5, b)
    return np.log2((b / total_b) / (a / total_a))


def keyness_counts(counts_a: pd.Series, counts_b: pd.Series, total_a: int, total_b: int,
                   min_count: int = 2) -> pd.DataFrame:
    """Keyness of every term in either count table (term -> count).

    Columns: term, a, b, ll, log_ratio (of b over a), favours ('a' or 'b'), stars. Terms
    with fewer than ``min_count`` occurrences in both together are left out.
    Sorted by G², then by the absolute log ratio, then term.
    """
    terms = pd.Index(counts_a.index).union(pd.Index(counts_b.index))
    a = counts_a.reindex(terms, fill_value=0).to_numpy(dtype=float)
    b = counts_b.reindex(terms, fill_value=0).to_numpy(dtype=float)
    frame = pd.DataFrame({"term": terms, "a": a.astype("int64"), "b": b.astype("int64")})
    frame["ll"] = log_likelihood(a, b, total_a, total_b)
    frame["log_ratio"] = log_ratio(a, b, total_a, total_b)
    frame["favours"] = np.where(a / total_a >= b / total_b, "a", "b")
    frame["stars"] = [next((s for critical, s in SIGNIFICANCE if ll >= critical), "") for ll in frame["ll"]]
    frame = frame[frame["a"] + frame["b"] >= min_count]
    frame = frame.assign(_abs=frame["log_ratio"].abs())
    frame = frame.sort_values(["ll", "_abs", "term"], ascending=[False, False, True], kind="stable")
    return frame.drop(columns="_abs").reset_index(drop=True)


def keyness(a: Dataset, b: Dataset, min_count: int = 2) -> pd.DataFrame:
    """Keyness of the content words of two documents, by token counts: each
    term's tokens (the ``terms`` tables) against all word tokens of the
    document (``documents.tokens``). 中部地区 inside the token 中部地区崛起 is
    not a token of 中部地区: the counts and the totals are of one kind."""
    counts_a = a.terms.set_index("term")["count"]
    counts_b = b.terms.set_index("term")["count"]
    total_a = max(int(a.document["tokens"]), 1)
    total_b = max(int(b.document["tokens"]), 1)
    return keyness_counts(counts_a, counts_b, total_a, total_b, min_count)


def distinguishing(table: pd.DataFrame, side: str, top: int = 15, critical: float = LL_CRITICAL) -> pd.DataFrame:
    """The significant terms that favour one side ('a' or 'b'), strongest first."""
    chosen = table[(table["favours"] == side) & (table["ll"] >= critical)]
    return chosen.head(top).reset_index(drop=True)


def shared_terms(a: Dataset, b: Dataset, top: int = 30) -> pd.DataFrame:
    """Content words both documents use: term, a, b; by the smaller count, then the sum."""
    counts_a = a.terms.set_index("term")["count"]
    counts_b = b.terms.set_index("term")["count"]
    both = counts_a.index.intersection(counts_b.index)
    frame = pd.DataFrame({"term": both, "a": counts_a.reindex(both).to_numpy(), "b": counts_b.reindex(both).to_numpy()})
    frame = frame.assign(_min=frame[["a", "b"]].min(axis=1), _sum=frame["a"] + frame["b"])
    frame = frame.sort_values(["_min", "_sum", "term"], ascending=[False, False, True], kind="stable")
    return frame.drop(columns=["_min", "_sum"]).head(top).reset_index(drop=True)


# --- side by side ----------------------------------------------------------------


def theme_profile(datasets: list[Dataset], themes: Iterable[str] | None = None) -> pd.DataFrame:
    """Theme hits per document: doc_id, theme, hits, per_1000 (hits per 1,000 characters of body).

    Every theme of the lexicon has a row for every document (zeros
    included), in lexicon order; ``themes`` keeps only those.
    """
    rows = []
    for ds in datasets:
        chars = max(int(ds.document["chars"]), 1)
        hits = ds.theme_hits["theme"].value_counts()
        for theme in ds.themes["theme"]:
            if themes and theme not in themes:
                continue
            n = int(hits.get(theme, 0))
            rows.append((ds.doc_id, theme, n, round(1000 * n / chars, 3)))
    return pd.DataFrame(rows, columns=["doc_id", "theme", "hits", "per_1000"])


def province_profile(datasets: list[Dataset], lexicon: Lexicon) -> pd.DataFrame:
    """Direct mentions of each province of the gazetteer per document (regional
    groupings left out), as :func:`places.province_counts` counts them:
    doc_id, adcode, short, count, rate (per 1,000 characters), per_10k (per
    10,000 characters)."""
    frames = [places.province_counts(ds, lexicon).assign(doc_id=ds.doc_id) for ds in datasets]
    columns = ["doc_id", "adcode", "short", "count", "rate"]
    frame = pd.concat(frames, ignore_index=True)[columns] if frames else pd.DataFrame(columns=columns)
    return frame.assign(per_10k=(frame["rate"] * 10).round(2))


# --- trend across the library --------------------------------------------------------


def count_terms(text: str, terms: Iterable[str], longer: Iterable[str] = ()) -> dict[str, occurrences.Occurrences]:
    """Occurrences of each term in ``text`` (:func:`occurrences.count`: nested ones
    included and counted apart)."""
    longer = tuple(longer)
    return {term: occurrences.count(text, term, longer) for term in terms}


def term_trend(entries: Iterable[Entry], terms: Iterable[str], body_of: Callable[[Entry], str],
               progress: Callable[[int, int], None] | None = None,
               longer: Iterable[str] = ()) -> tuple[pd.DataFrame, list[str]]:
    """Occurrences of ``terms`` per 10,000 characters in every dated document, by date.

    ``body_of(entry)`` gives a document's body; one body is read at a time
    and dropped after counting. Returns (table, ids left out): the table has
    doc_id, title, date, term, count (occurrences), nested (of them inside
    one of ``longer``, :func:`occurrences.longer_terms`), chars (without line
    breaks), per_10k; documents without a date or that cannot be read are
    left out.
    """
    longer = tuple(longer)
    terms = [t for t in dict.fromkeys(t.strip() for t in terms) if t]
    entries = by_date(entries)
    rows, skipped = [], []
    for i, entry in enumerate(entries):
        if progress:
            progress(i, len(entries))
        if not entry.date:
            skipped.append(entry.id)
            continue
        try:
            text = body_of(entry)
        except (InputError, OSError):
            skipped.append(entry.id)
            continue
        chars = len(text.replace("\n", ""))
        for term, found in count_terms(text, terms, longer).items():
            rows.append((entry.id, entry.title or entry.id, entry.date, term, found.count, found.nested, chars,
                         round(10000 * found.count / max(chars, 1), 3)))
        del text
    if progress:
        progress(len(entries), len(entries))
    frame = pd.DataFrame(rows, columns=["doc_id", "title", "date", "term", "count", "nested", "chars", "per_10k"])
    return frame, skipped


def trend_options(lexicon: Lexicon, chosen: Iterable[str]) -> list[str]:
    """The trend picker's options: the chosen terms, then the formulations of the lexicon."""
    return list(dict.fromkeys([*chosen, *(f.term for f in lexicon.formulations)]))


def default_trend_terms(ds: Dataset, n: int = 3) -> list[str]:
    """The formulations the document uses most (for the trend's first view)."""
    used = ds.formulations[ds.formulations["occurrences"] > 0]
    used = used.sort_values(["occurrences", "term"], ascending=[False, True], kind="stable")
    return list(used["term"].head(n))
