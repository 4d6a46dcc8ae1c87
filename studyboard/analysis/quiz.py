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
is in the text, so 全国统一大市场 is no distractor for ＿＿建设); nor does it form
a stock collocation with the words beside the blank (the ``collocations`` of
``data/lexicon/quiz.toml``: 扎实推进新型城镇化, 科技创新资源, 参与一带一路建设),
or a formulation of the lexicon (国内国际 + 双循环); so exactly one choice is
right.

What is never blanked: a term that the sentence says twice (the other
occurrence would give the answer away: 推进……绿色低碳转型，……壮大绿色低碳产业
asks another term or nothing), an item of a list of parallel items (the term
stands next to 、: 在新型城镇化、绿色低碳发展等方面), and the document's topic word
(:func:`topic_word`: the formulation of the headline that the text says most
often, 中部地区 in the seed; a question on it is trivial).

Which term is blanked is fixed by the text: a term of the glossary first, then
the rarer term in the document, then the longer, then the earlier. The
session code decides which questions are asked, the distractors and the
order of the choices: every participant with the same document, session
code and theme filter gets the same set. A question's distractors are drawn
from a pool of at least ``pool_floor`` terms (quiz.toml) where the document
has them: the terms of the answer's tag, joined by those of its family when
they are fewer, so that another code shows other distractors. Scores are the
participant's alone; the page takes a participant's first answer to a
question as final.
"""

from __future__ import annotations

import hashlib
import random
import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from studyboard.analysis import filters, key_sentences, outline
from studyboard.analysis import glossary as glossary_module
from studyboard.dataset.tables import Dataset
from studyboard.errors import LexiconError
from studyboard.ingest.segment import SpeakerFinder
from studyboard.lexicon import Lexicon, read_rules

BLANK = "＿＿＿＿"
CHOICES = 4  # the answer and three distractors
DEFAULT_SIZE = 5
#: The longest session code (letters, digits, _ - or Chinese) and the most questions a set asks for.
MAX_CODE = 24
MAX_SIZE = 999

COLUMNS = ["question", "sentence", "paragraph", "item", "prompt", "answer", "choices", "correct", "source",
           "key", "kind", "section"]
SOURCE_COLUMNS = ["sentence", "paragraph", "item", "text", "key", "kind", "section", "last_paragraph"]
RULES_FILE = "quiz.toml"
#: Quotation marks that stand between a term and its context (融入共建“一带一路”): left out when the context
#: is matched against collocations and formulations.
_QUOTES = str.maketrans("", "", "“”‘’「」『』《》\"'")


@dataclass(frozen=True)
class Rules:
    """What the quiz never asks or offers (see ``data/lexicon/quiz.toml``)."""

    collocations: tuple[str, ...] = ()
    list_marks: tuple[str, ...] = ("、",)
    pool_floor: int = 6


def parse_rules(data: dict) -> Rules:
    def words(name: str, default: tuple[str, ...]) -> tuple[str, ...]:
        value = data.get(name, list(default))
        if not isinstance(value, list) or not all(isinstance(w, str) and w.strip() for w in value):
            raise LexiconError("toml", file=RULES_FILE, detail=f"{name} = {value!r} (a list of words)")
        return tuple(w.strip().translate(_QUOTES) for w in value)

    floor = data.get("pool_floor", Rules.pool_floor)
    if not isinstance(floor, int) or isinstance(floor, bool) or floor < CHOICES - 1:
        raise LexiconError("toml", file=RULES_FILE,
                           detail=f"pool_floor = {floor!r} (a whole number, at least {CHOICES - 1})")
    return Rules(words("collocations", ()), words("list_marks", Rules.list_marks), floor)


def load_rules(directory: Path | str | None = None) -> Rules:
    """The quiz rules of a lexicon folder (the shipped file when the folder has none)."""
    return parse_rules(read_rules(RULES_FILE, directory))


def rules_problem(lexicon: Lexicon) -> LexiconError | None:
    """Why the lexicon's quiz rules cannot be read (the error), or None when they can."""
    try:
        load_rules(lexicon.directory)
    except LexiconError as exc:
        return exc
    return None


def topic_word(ds: Dataset) -> str:
    """The document's topic word: of the formulations its headline (else its title) holds, the one the
    text says most often (ties: the longer, then the earlier in the headline); '' when it holds none.
    In the seed: 中部地区 (14 times; 中部地区崛起, also in the headline, 8 times)."""
    doc = ds.documents.iloc[0]
    line = str(doc.get("headline") or "") or str(doc.get("title") or "")
    counted = ds.formulations[ds.formulations["occurrences"] > 0]
    found = [(int(n), len(term), -line.find(term), term) for term, n in zip(counted["term"], counted["occurrences"])
             if term in line]
    return max(found)[3] if found else ""


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
    """What question making needs of a document, computed once: its formulations, body and tokens, the
    lexicon's formulations, the quiz rules and the topic word."""

    def __init__(self, ds: Dataset, entries: dict, lexicon: Lexicon | None = None, rules: Rules | None = None) -> None:
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
        self.lexicon_terms = frozenset(f.term for f in lexicon.formulations) if lexicon else frozenset(self.tag_of)
        self.longest = max((len(t) for t in self.lexicon_terms), default=0)
        self.rules = rules or Rules()
        self.topic = topic_word(ds)
        self.longest_term = max((len(t) for t, _ in self.terms), default=0)


def collocates(term: str, left: str, right: str, known: _Terms) -> bool:
    """Whether ``term`` in the blank between ``left`` and ``right`` (the sentence's words before and after
    it) forms a stock collocation of the quiz rules (扎实推进 + 新型城镇化, 科技创新 + 资源) or a formulation
    of the lexicon with the words beside it (国内国际 + 双循环): a defensible second answer."""
    left, right = left.translate(_QUOTES), right.translate(_QUOTES)
    for phrase in known.rules.collocations:
        at = phrase.find(term)
        while at >= 0:
            before, after = phrase[:at], phrase[at + len(term):]
            if (before or after) and left.endswith(before) and right.startswith(after):
                return True
            at = phrase.find(term, at + 1)
    for k in range(1, known.longest):
        if (len(left) >= k and left[-k:] + term in known.lexicon_terms) or (
                len(right) >= k and term + right[:k] in known.lexicon_terms):
            return True
    return False


def in_list(text: str, term: str, marks: tuple[str, ...]) -> bool:
    """Whether ``term`` (said once in ``text``) is an item of a list of parallel items: a list mark (、)
    stands right before or after it, quotation marks aside (在新型城镇化、绿色低碳发展等方面)."""
    at = text.find(term)
    before, after = text[:at].translate(_QUOTES), text[at + len(term):].translate(_QUOTES)
    return any(before.endswith(m) or after.startswith(m) for m in marks)


def _places(text: str, part: str) -> list[int]:
    """Where ``part`` starts in ``text``, overlapping places included (none for "")."""
    found, at = [], text.find(part) if part else -1
    while at >= 0:
        found.append(at)
        at = text.find(part, at + 1)
    return found


def _distractor_pool(answer: str, tag: str, text: str, known: _Terms) -> list[str]:
    """Terms that may stand beside ``answer`` as wrong choices, same tag first."""
    prompt = text.replace(answer, BLANK)
    left, right = _context(prompt)
    before, after = prompt.split(BLANK, 1)
    body = known.body
    # what the body has right after each place it says ``left`` and right before each place it says
    # ``right`` (as long as the longest term): "left + term in body" without searching the body per term
    after_left = [body[at + len(left):at + len(left) + known.longest_term] for at in _places(body, left)]
    before_right = [body[max(at - known.longest_term, 0):at] for at in _places(body, right)]
    same, family = [], []
    for term, other_tag in known.terms:
        if term == answer or term in answer or answer in term or term in text:
            continue
        if any(a.startswith(term) for a in after_left) or any(b.endswith(term) for b in before_right):
            continue  # a phrase of the text
        # a sentence the document has: a second right answer (with a word beside the blank, the check
        # above has already found it: that word and the term are then in the body too)
        if not (left or right) and prompt.replace(BLANK, term) in body:
            continue
        if collocates(term, before, after, known):  # a stock phrase of policy language
            continue
        if other_tag == tag:
            same.append(term)
        elif _family(other_tag) == _family(tag):
            family.append(term)
    return same if len(same) >= known.rules.pool_floor else same + family


def _candidates(text: str, sentence: int, known: _Terms, by_text: bool = False) -> list[tuple[str, str]]:
    if by_text:  # a heading: the formulations written in it, in order
        found = sorted((t for t, _ in known.terms if t in text), key=lambda t: (text.find(t), -len(t)))
    else:
        found = [t for t in dict.fromkeys(known.in_sentence.get(sentence, ())) if t in text]
    # a term inside another formulation of the sentence cannot be blanked alone; nor a term the sentence says
    # twice, an item of a list, or the topic word
    found = [t for t in found if not any(t != o and t in o for o in found)]
    found = [t for t in found if text.count(t) == 1 and t != known.topic
             and not in_list(text, t, known.rules.list_marks)]
    ranked = sorted(found, key=lambda t: (t not in known.entries, known.occurrences.get(t, 0), -len(t),
                                          text.find(t)))
    return [(t, known.tag_of.get(t, "")) for t in ranked]


def candidates(ds: Dataset, text: str, sentence: int, entries: dict,
               lexicon: Lexicon | None = None) -> list[tuple[str, str]]:
    """The formulations that may be blanked in a sentence, best first: (term, tag)."""
    rules = load_rules(lexicon.directory) if lexicon else None
    return _candidates(text, sentence, _Terms(ds, entries, lexicon, rules))


def distractor_pool(ds: Dataset, lexicon: Lexicon, text: str, answer: str, entries: dict | None = None) -> list[str]:
    """The terms that may stand beside ``answer`` blanked in ``text`` as wrong choices (the pool the
    session code draws three from)."""
    known = _Terms(ds, glossary_module.by_term() if entries is None else entries, lexicon,
                   load_rules(lexicon.directory))
    return _distractor_pool(answer, known.tag_of.get(answer, ""), text, known)


def _base(source, known: _Terms) -> dict | None:
    """A sentence's question before the session code draws its choices: the first term that may be
    blanked and has enough wrong choices beside it, with them (``pool``); None when no term has."""
    text = source.text
    for answer, tag in _candidates(text, int(source.sentence), known, by_text=source.kind == "heading"):
        pool = _distractor_pool(answer, tag, text, known)
        if len(pool) < CHOICES - 1:
            continue
        return {"sentence": int(source.sentence), "paragraph": int(source.paragraph), "item": int(source.item),
                "prompt": text.replace(answer, BLANK), "answer": answer, "pool": tuple(pool), "source": text,
                "key": source.key, "kind": source.kind, "section": int(source.section),
                "last_paragraph": int(source.last_paragraph)}
    return None


def question_bases(ds: Dataset, lexicon: Lexicon, items: pd.DataFrame, entries: dict | None = None) -> list[dict]:
    """Every question the outline's sentences give, in text order, before a session code draws the
    choices: which sentences give one, and their answers and pools, do not depend on the code (a
    seconds' work on a long text, worth keeping once per document; :func:`all_questions` then draws)."""
    known = _Terms(ds, glossary_module.by_term() if entries is None else entries, lexicon,
                   load_rules(lexicon.directory))
    bases = (_base(source, known) for source in source_sentences(ds, lexicon, items).itertuples())
    return [base for base in bases if base is not None]


def _drawn(base: dict, seed: str) -> dict:
    """A question with its three wrong choices drawn from its pool by ``seed`` and the four shuffled."""
    rng = _rng(seed, base["key"])
    choices = rng.sample(list(base["pool"]), CHOICES - 1) + [base["answer"]]
    rng.shuffle(choices)
    question = {name: value for name, value in base.items() if name != "pool"}
    return {**question, "choices": tuple(choices), "correct": choices.index(base["answer"])}


def all_questions(ds: Dataset, lexicon: Lexicon, items: pd.DataFrame | None, seed: str,
                  entries: dict | None = None, bases: list[dict] | None = None) -> pd.DataFrame:
    """Every question the outline's ``items`` give (the document's outline when None), in text order
    (which sentences give one does not depend on the seed; the distractors and their order do).
    ``bases``: the :func:`question_bases` of the same document, items and entries, when kept."""
    if bases is None:
        bases = question_bases(ds, lexicon, outline.extract(ds, lexicon) if items is None else items, entries)
    out = pd.DataFrame([_drawn(base, seed) for base in bases], columns=COLUMNS[1:] + ["last_paragraph"])
    out.insert(0, "question", range(1, len(out) + 1))
    return out


def question_set(ds: Dataset, lexicon: Lexicon, code: str = "", size: int = DEFAULT_SIZE, themes=(),
                 mode: str = "any", entries: dict | None = None, items: pd.DataFrame | None = None,
                 bases: list[dict] | None = None) -> tuple[pd.DataFrame, int]:
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
    ``items`` (the document's outline) and ``bases`` (:func:`question_bases`) when kept.
    """
    seed = seed_of(ds.doc_id, code, themes, mode)
    pool = all_questions(ds, lexicon, items, seed, entries, bases)
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


def available(ds: Dataset, lexicon: Lexicon, themes=(), mode: str = "any", entries: dict | None = None,
              items: pd.DataFrame | None = None, bases: list[dict] | None = None) -> int:
    """How many questions the document gives under the theme filter (the most a set can have)."""
    return question_set(ds, lexicon, "", 0, themes, mode, entries, items, bases)[1]


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
