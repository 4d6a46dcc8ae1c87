"""The quiz (应知应会): fill-in-the-blank questions generated from the text.

Each question takes a thesis or key sentence of the outline (the statement,
without its speech cue) and blanks out one formulation of the lexicon in it
(要以科技创新引领产业创新，积极培育和发展＿＿＿＿。); in a document with
headings the questions come from the headings (（一）以科技创新引领＿＿＿＿),
their key statements and the articles, in document order. The choices are the
answer and distractors: other formulations of the document of the same kind
(the same part-of-speech tag of ``userdict.txt``, else the same family: noun
or verb). A distractor never occurs in the sentence, never contains the
answer or is contained in it, and never makes a sentence, or a phrase with
the two characters beside the blank, that the document has (全国统一大市场建设
is in the text, so 全国统一大市场 is no distractor for ＿＿建设); so exactly one
choice is right.

Which term is blanked is fixed by the text: a term of the glossary first, then
the rarer term in the document, then the longer, then the earlier. The
session code decides which questions are asked, the distractors and the
order of the choices: every participant with the same document, session
code and theme filter gets the same set. Scores are the participant's alone.
"""

from __future__ import annotations

import hashlib
import random
import re

import pandas as pd

from studyboard.analysis import filters, key_sentences, outline
from studyboard.analysis import glossary as glossary_module
from studyboard.dataset.tables import Dataset
from studyboard.ingest.segment import SpeakerFinder
from studyboard.lexicon import Lexicon

BLANK = "＿＿＿＿"
CHOICES = 4  # the answer and three distractors
DEFAULT_SIZE = 5
#: The longest session code (letters, digits, _ - or Chinese) and the most questions a set asks for.
MAX_CODE = 24
MAX_SIZE = 999

COLUMNS = ["question", "sentence", "paragraph", "item", "prompt", "answer", "choices", "correct", "source",
           "key", "kind", "section"]
SOURCE_COLUMNS = ["sentence", "paragraph", "item", "text", "key", "kind", "section", "last_paragraph"]


def seed_of(doc_id: str, code: str, themes=(), mode: str = "any") -> str:
    """The seed of a question set: the document, the session code and the theme filter."""
    return hashlib.sha256("\x1f".join([doc_id, code, ",".join(themes), mode]).encode("utf-8")).hexdigest()


def _rng(seed: str, salt: object) -> random.Random:
    return random.Random(int(hashlib.sha256(f"{seed}:{salt}".encode()).hexdigest()[:16], 16))


def source_sentences(ds: Dataset, lexicon: Lexicon, items: pd.DataFrame) -> pd.DataFrame:
    """The sentences questions are made from, in text order: each report item's statement and its key
    sentences; each heading (its number and title), key statement and article of a structured outline.

    Columns: ``sentence`` (0: a heading on a line of its own), ``paragraph``, ``item``, ``text``
    (without speech cue), ``key`` (what names the question: the sentence number, ``h`` and the
    section for a heading), ``kind`` (the item's), ``section`` and ``last_paragraph`` (the last
    paragraph of a heading; the sentence's paragraph otherwise).
    """
    rows, seen = [], set()
    weights, finder = outline.sentence_weights(ds), SpeakerFinder(lexicon)
    first_sentence = dict(zip(ds.paragraphs["paragraph"].astype(int), ds.paragraphs["first_sentence"].astype(int)))
    for item in items.to_dict("records"):
        kind, paragraph = item["kind"], int(item["paragraph"])
        if kind == "heading":
            # a heading line stands before its first paragraph's first sentence
            place = (int(item["sentence"]), 1) if item["sentence"] else (first_sentence.get(paragraph, 0), 0)
            rows.append((place, int(item["section"]), (int(item["sentence"]), paragraph, int(item["item"]),
                         item["statement"], f"h{int(item['section'])}", kind, int(item["section"]),
                         int(item["last_paragraph"]))))
            continue
        found = [(int(item["sentence"]), item["statement"])]
        if kind in outline.REPORT_KINDS:
            key = key_sentences.key_sentences(ds, lexicon, item, weights=weights, finder=finder)
            found += list(zip(key["sentence"].astype(int), key["text"]))
        for sentence, text in found:
            if sentence not in seen:
                seen.add(sentence)
                rows.append(((sentence, 1), 0, (sentence, paragraph, int(item["item"]), text, str(sentence), kind,
                                                int(item["section"]), paragraph)))
    rows.sort(key=lambda row: row[:2])
    return pd.DataFrame([row[2] for row in rows], columns=SOURCE_COLUMNS)


def _family(tag: str) -> str:
    return (tag or "?")[:1]


_HAN = re.compile(r"^[\u4e00-\u9fff]+$")


def _context(prompt: str) -> tuple[str, str]:
    """The two characters before and after the (first) blank, when they are Chinese characters."""
    at = prompt.find(BLANK)
    left, right = prompt[max(at - 2, 0):at], prompt[at + len(BLANK):at + len(BLANK) + 2]
    return (left if len(left) == 2 and _HAN.match(left) else "",
            right if len(right) == 2 and _HAN.match(right) else "")


class _Terms:
    """What question making needs of a document, computed once: its formulations, body and tokens."""

    def __init__(self, ds: Dataset, entries: dict) -> None:
        terms = ds.formulations[ds.formulations["occurrences"] > 0].sort_values("term")
        self.terms = list(zip(terms["term"], terms["tag"]))
        self.tag_of = dict(self.terms)
        self.occurrences = dict(zip(terms["term"], terms["occurrences"].astype(int)))
        self.body = "\n".join(ds.paragraphs["text"])
        self.entries = entries
        tokens = ds.tokens[ds.tokens["formulation"]]
        self.in_sentence: dict[int, list[str]] = {}
        for sentence, text in zip(tokens["sentence"], tokens["text"]):
            self.in_sentence.setdefault(int(sentence), []).append(text)


def _distractor_pool(answer: str, tag: str, text: str, known: _Terms) -> list[str]:
    """Terms that may stand beside ``answer`` as wrong choices, same tag first."""
    prompt = text.replace(answer, BLANK)
    left, right = _context(prompt)
    body = known.body
    same, family = [], []
    for term, other_tag in known.terms:
        if term == answer or term in answer or answer in term or term in text:
            continue
        if prompt.replace(BLANK, term) in body:  # a sentence the document has: a second right answer
            continue
        if (left and left + term in body) or (right and term + right in body):  # a phrase of the text
            continue
        if other_tag == tag:
            same.append(term)
        elif _family(other_tag) == _family(tag):
            family.append(term)
    return same if len(same) >= CHOICES - 1 else same + family


def _candidates(text: str, sentence: int, known: _Terms, by_text: bool = False) -> list[tuple[str, str]]:
    if by_text:  # a heading: the formulations written in it, in order
        found = sorted((t for t, _ in known.terms if t in text), key=lambda t: (text.find(t), -len(t)))
    else:
        found = [t for t in dict.fromkeys(known.in_sentence.get(sentence, ())) if t in text]
    # a term inside another formulation of the sentence cannot be blanked alone
    found = [t for t in found if not any(t != o and t in o for o in found)]
    ranked = sorted(found, key=lambda t: (t not in known.entries, known.occurrences.get(t, 0), -len(t),
                                          text.find(t)))
    return [(t, known.tag_of.get(t, "")) for t in ranked]


def candidates(ds: Dataset, text: str, sentence: int, entries: dict) -> list[tuple[str, str]]:
    """The formulations that may be blanked in a sentence, best first: (term, tag)."""
    return _candidates(text, sentence, _Terms(ds, entries))


def _question(source, seed: str, known: _Terms) -> dict | None:
    text = source.text
    for answer, tag in _candidates(text, int(source.sentence), known, by_text=source.kind == "heading"):
        pool = _distractor_pool(answer, tag, text, known)
        if len(pool) < CHOICES - 1:
            continue
        rng = _rng(seed, source.key)
        choices = rng.sample(pool, CHOICES - 1) + [answer]
        rng.shuffle(choices)
        return {"sentence": int(source.sentence), "paragraph": int(source.paragraph), "item": int(source.item),
                "prompt": text.replace(answer, BLANK), "answer": answer, "choices": tuple(choices),
                "correct": choices.index(answer), "source": text, "key": source.key, "kind": source.kind,
                "section": int(source.section), "last_paragraph": int(source.last_paragraph)}
    return None


def all_questions(ds: Dataset, lexicon: Lexicon, items: pd.DataFrame, seed: str,
                  entries: dict | None = None) -> pd.DataFrame:
    """Every question the outline's sentences give, in text order (which sentences give one
    does not depend on the seed; the distractors and their order do)."""
    known = _Terms(ds, glossary_module.by_term() if entries is None else entries)
    rows = []
    for source in source_sentences(ds, lexicon, items).itertuples():
        question = _question(source, seed, known)
        if question:
            rows.append(question)
    out = pd.DataFrame(rows, columns=COLUMNS[1:] + ["last_paragraph"])
    out.insert(0, "question", range(1, len(out) + 1))
    return out


def question_set(ds: Dataset, lexicon: Lexicon, code: str = "", size: int = DEFAULT_SIZE, themes=(),
                 mode: str = "any", entries: dict | None = None) -> tuple[pd.DataFrame, int]:
    """A question set and the most questions a set can have under the theme filter.

    ``size`` questions are chosen by the seed (document, session code, theme
    filter) and shown in text order. Only sentences that carry the selected
    themes are asked (any or all of them); a heading is asked when a sentence
    of the paragraphs it covers carries them. Columns: ``question`` (1, 2, …),
    ``sentence`` (0: a heading on a line of its own), ``paragraph``, ``item``,
    ``prompt`` (with the blank), ``answer``, ``choices`` (tuple), ``correct``
    (index of the answer in the choices), ``source`` (the sentence or
    heading), ``key`` (names the question: the sentence number, or ``h`` and
    the section for a heading), ``kind`` (of the outline item) and ``section``.
    """
    seed = seed_of(ds.doc_id, code, themes, mode)
    items = outline.extract(ds, lexicon)
    pool = all_questions(ds, lexicon, items, seed, entries)
    chosen = filters.theme_sentences(ds, themes, mode)
    if chosen is not None and len(pool):
        paragraphs = set(ds.sentences.loc[ds.sentences["sentence"].isin(chosen), "paragraph"].astype(int))
        keep = [any(p in paragraphs for p in range(int(first), int(last) + 1)) if kind == "heading"
                else int(sentence) in chosen
                for kind, sentence, first, last in zip(pool["kind"], pool["sentence"], pool["paragraph"],
                                                       pool["last_paragraph"])]
        pool = pool[keep]
    picked = sorted(_rng(seed, "set").sample(range(len(pool)), min(max(int(size), 0), len(pool))))
    out = pool.iloc[picked].reset_index(drop=True)
    out["question"] = range(1, len(out) + 1)
    return out[COLUMNS], len(pool)


def generate(ds: Dataset, lexicon: Lexicon, code: str = "", size: int = DEFAULT_SIZE, themes=(),
             mode: str = "any", entries: dict | None = None) -> pd.DataFrame:
    """A question set (see :func:`question_set`)."""
    return question_set(ds, lexicon, code, size, themes, mode, entries)[0]


def available(ds: Dataset, lexicon: Lexicon, themes=(), mode: str = "any", entries: dict | None = None) -> int:
    """How many questions the document gives under the theme filter (the most a set can have)."""
    return question_set(ds, lexicon, "", 0, themes, mode, entries)[1]


def score(questions: pd.DataFrame, answers: dict[int, str | None]) -> tuple[int, int, int]:
    """(right, answered, total) for a participant's answers (question number -> choice)."""
    right = answered = 0
    for q in questions.itertuples():
        given = answers.get(int(q.question))
        if given is None:
            continue
        answered += 1
        right += given == q.answer
    return right, answered, len(questions)
