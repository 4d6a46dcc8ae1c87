"""How often the text says X: the occurrences of a string in the text.

This is the one count of "how often" for a phrase a reader looks for: the
formulations table and the compare page's new and dropped formulations, the
glossary's counts, a search in the reader, a term opened on the terms page
and the trend across the library all count with :func:`count`. The word lists
(bars, word cloud, treemap, keyness) count **tokens** instead: how often the
segmenter cut the text into exactly that word (see
:mod:`studyboard.analysis.terms`). The two differ where a phrase stands inside
a longer one: 中部地区 occurs 14 times in the shipped document, 8 of them
inside 中部地区崛起, which is one token; its token count is 6.

Definitions:

* An **occurrence** of a phrase X is a place where the text has X, found from
  left to right without overlaps (as ``str.count`` counts; a phrase cannot
  overlap itself in the count, 做大做大做大 has 做大做大 once). Occurrences
  never span two paragraphs (the body is the paragraphs joined by line breaks).
* An occurrence of X at characters [s, e) is **nested** when a *longer
  formulation* covers it: a term Y that is strictly longer than X, contains X,
  and occurs in the text at [a, b) with a ≤ s and e ≤ b. The longer
  formulations are the lexicon's formulations (``userdict.txt``) and the
  glossary's terms (:func:`longer_terms`). So 中部地区 in 中部地区崛起 is
  nested; 高质量发展 in 黄河流域生态保护和高质量发展 is nested only when that
  name is a formulation or a glossary term; a phrase is never nested in itself.
* ``alone`` is ``count - nested``: the occurrences that stand on their own.

Functions take plain texts (and offsets within them), so they serve a dataset's
paragraphs or sentences and a library document's body alike.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

import pandas as pd

from studyboard.dataset.tables import Dataset


@dataclass(frozen=True)
class Occurrences:
    """The occurrences of one phrase: how many, how many nested, and where."""

    phrase: str
    count: int
    nested: int
    spans: tuple[tuple[int, int], ...] = ()  # (start, end) of each occurrence, in text order

    @property
    def alone(self) -> int:
        """Occurrences not inside a longer formulation."""
        return self.count - self.nested


def longer_terms(lexicon=None, entries=None, extra: Iterable[str] = ()) -> tuple[str, ...]:
    """The terms that can hold a nested occurrence: the lexicon's formulations,
    the glossary's terms (``entries``: a dict by term or an iterable of
    entries) and ``extra``, each once."""
    terms: list[str] = []
    if lexicon is not None:
        terms += [f.term for f in lexicon.formulations]
    if entries is not None:
        terms += [e if isinstance(e, str) else e.term for e in (entries.values() if isinstance(entries, dict)
                                                               else entries)]
    terms += list(extra)
    return tuple(dict.fromkeys(t for t in terms if t))


def spans(text: str, phrase: str, ignore_case: bool = False) -> list[tuple[int, int]]:
    """Where ``phrase`` occurs in ``text``: left to right, without overlaps."""
    if not phrase:
        return []
    if ignore_case:
        return [m.span() for m in re.finditer(re.escape(phrase), text, re.IGNORECASE)]
    out, n = [], len(phrase)
    pos = text.find(phrase)
    while pos >= 0:
        out.append((pos, pos + n))
        pos = text.find(phrase, pos + n)
    return out


def _covered(text: str, phrase: str, longer: Iterable[str], ignore_case: bool) -> list[tuple[int, int]]:
    """Every place (overlaps included) where a longer term that contains ``phrase`` occurs."""
    needle = phrase.lower() if ignore_case else phrase
    haystack = text.lower() if ignore_case else text
    out = []
    for term in longer:
        term = term.lower() if ignore_case else term
        if len(term) <= len(needle) or needle not in term:
            continue
        pos = haystack.find(term)
        while pos >= 0:
            out.append((pos, pos + len(term)))
            pos = haystack.find(term, pos + 1)
    return out


def count(text: str, phrase: str, longer: Iterable[str] = (), ignore_case: bool = False) -> Occurrences:
    """The occurrences of ``phrase`` in ``text``, and how many are nested in one of ``longer``."""
    found = spans(text, phrase, ignore_case)
    covers = _covered(text, phrase, longer, ignore_case) if found else []
    nested = sum(1 for s, e in found if any(a <= s and e <= b for a, b in covers))
    return Occurrences(phrase, len(found), nested, tuple(found))


def count_in(texts: Iterable[str], phrase: str, longer: Iterable[str] = (), ignore_case: bool = False) -> Occurrences:
    """:func:`count` summed over several texts (paragraphs, sentences); spans are not kept."""
    longer = tuple(longer)
    total = nested = 0
    for text in texts:
        found = count(str(text), phrase, longer, ignore_case)
        total, nested = total + found.count, nested + found.nested
    return Occurrences(phrase, total, nested)


def table(text: str, phrases: Iterable[str], longer: Iterable[str] = ()) -> pd.DataFrame:
    """One row per phrase (once each, in the order given): ``phrase``,
    ``count`` (occurrences), ``nested`` (of them inside a longer formulation)."""
    longer = tuple(longer)
    rows = [(p, *_pair(count(text, p, longer))) for p in dict.fromkeys(phrases) if p]
    return pd.DataFrame(rows, columns=["phrase", "count", "nested"]).astype({"count": "int64", "nested": "int64"})


def _pair(found: Occurrences) -> tuple[int, int]:
    return found.count, found.nested


def body(ds: Dataset) -> str:
    """A dataset's body: its paragraphs joined by line breaks (as the parser joins them)."""
    return "\n".join(str(t) for t in ds.paragraphs["text"])


def for_dataset(ds: Dataset, entries=None) -> tuple[str, ...]:
    """The longer formulations of a dataset: the lexicon's formulations it was
    built with (its ``formulations`` table) and the glossary's terms."""
    return longer_terms(None, entries, ds.formulations["term"])


def formulations(ds: Dataset, entries=None) -> pd.DataFrame:
    """The dataset's formulations table with ``nested`` added: ``term, tag,
    occurrences`` (of the string in the body), ``nested`` (inside a longer
    formulation or glossary term), ``tokens`` (kept whole as one token), ``split``."""
    frame = ds.formulations.copy()
    text = body(ds)
    longer = for_dataset(ds, entries)
    frame.insert(3, "nested", [count(text, term, longer).nested for term in frame["term"]])
    frame["nested"] = frame["nested"].astype("int64")
    return frame


def in_sentences(ds: Dataset, phrase: str, sentences: Iterable[int] | None = None,
                 longer: Iterable[str] = ()) -> pd.DataFrame:
    """The occurrences of ``phrase`` in the sentences numbered ``sentences`` (all when None):
    one row each, ``paragraph, sentence, start, end`` (offsets in the paragraph), ``nested``."""
    columns = ["paragraph", "sentence", "start", "end", "nested"]
    chosen = ds.sentences if sentences is None else ds.sentences[ds.sentences["sentence"].isin(list(sentences))]
    longer = tuple(longer)
    rows = []
    for paragraph, number, start, text in zip(chosen["paragraph"], chosen["sentence"], chosen["start"],
                                              chosen["text"]):
        text = str(text)
        found = spans(text, phrase)
        if not found:
            continue
        covers = _covered(text, phrase, longer, False)
        for s, e in found:
            rows.append((int(paragraph), int(number), int(start) + s, int(start) + e,
                         any(a <= s and e <= b for a, b in covers)))
    return pd.DataFrame(rows, columns=columns)
