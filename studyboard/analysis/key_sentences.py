"""Key sentences: what each outline item's slide shows besides its statement.

A sentence weighs by the formulations and theme keywords it holds (how much
it says: :func:`studyboard.analysis.outline.sentence_weights`). A report
item's key sentences are the heaviest of its paragraph spoken by the item's
speaker (the item's own sentence left out), in text order; the presenter view
shows them under the statement with the paragraph's key terms, and the quiz
makes questions from them. A heading's slide shows the items listed under it
in the outline (its key statements, articles or subheadings) or, when it has
none, the heaviest sentences of its own paragraphs, with the key terms of all
the paragraphs it covers. :func:`slide` gives one slide's content as a
record, :func:`slide_list` the slides as records; the view adds their labels
in the UI language.
"""

from __future__ import annotations

import pandas as pd

from studyboard.analysis import keyterms
from studyboard.analysis import outline
from studyboard.analysis.outline import after_cue
from studyboard.dataset.tables import Dataset
from studyboard.ingest.segment import SpeakerFinder
from studyboard.lexicon import Lexicon

#: How many further sentences and key terms a slide shows.
KEY_SENTENCES = 3
KEY_TERMS = 6


def key_sentences(ds: Dataset, lexicon: Lexicon, item: dict, k: int = KEY_SENTENCES,
                  weights: dict[int, int] | None = None, finder: SpeakerFinder | None = None) -> pd.DataFrame:
    """The item paragraph's key sentences by the same speaker, in text order (the item's own left out).

    A sentence weighs by its formulations and theme keywords; the ``k``
    heaviest are kept. Columns: ``sentence``, ``text`` (without a speech cue),
    ``weight``.
    """
    rows = ds.sentences[(ds.sentences["paragraph"] == item["paragraph"])
                        & (ds.sentences["sentence"] != item["sentence"])]
    if item.get("speaker"):
        rows = rows[rows["speaker"] == item["speaker"]]
    if rows.empty:
        return pd.DataFrame(columns=["sentence", "text", "weight"])
    return _heaviest(ds, lexicon, rows, k, weights, finder)


def _heaviest(ds: Dataset, lexicon: Lexicon, rows: pd.DataFrame, k: int, weights: dict[int, int] | None,
              finder: SpeakerFinder | None = None) -> pd.DataFrame:
    """The ``k`` heaviest of ``rows`` (sentences), without their speech cues, in text order."""
    weights = outline.sentence_weights(ds) if weights is None else weights
    finder = finder or SpeakerFinder(lexicon)
    out = pd.DataFrame({
        "sentence": rows["sentence"].astype("int64").to_numpy(),
        "text": [after_cue(text, finder.cue(text)) for text in rows["text"]],
        "weight": [weights.get(int(s), 0) for s in rows["sentence"]],
    })
    best = out.sort_values(["weight", "sentence"], ascending=[False, True]).head(k)
    return best.sort_values("sentence", ignore_index=True)


def clamp(number: int, total: int) -> int:
    """A slide number within 1 … ``total``."""
    return max(1, min(int(number), max(total, 1)))


def _tasks(items: pd.DataFrame, all_items: pd.DataFrame | None) -> int:
    """How many tasks the whole outline has (tasks keep their numbers under a filter)."""
    return int(((items if all_items is None else all_items)["kind"] == "task").sum())


def slide_list(items: pd.DataFrame, all_items: pd.DataFrame | None = None) -> list[dict]:
    """The slides of the outline items shown, as records: ``number`` (1-based), ``total``,
    ``tasks`` (how many tasks the whole outline ``all_items`` has, when ``items`` is
    filtered: tasks keep their numbers) and ``item`` (the outline row)."""
    tasks = _tasks(items, all_items)
    return [{"number": number, "total": len(items), "tasks": tasks, "item": item}
            for number, item in enumerate(items.to_dict("records"), 1)]


def heading_sentences(ds: Dataset, lexicon: Lexicon, item: dict, k: int = KEY_SENTENCES,
                      weights: dict[int, int] | None = None) -> pd.DataFrame:
    """The heaviest sentences of a heading's own paragraphs (a run-in heading's own sentence left out),
    in text order: what its slide shows when no item is listed under it. Columns as
    :func:`key_sentences`."""
    section = ds.sections[ds.sections["section"] == int(item["section"])].iloc[0].to_dict()
    rows = outline.own_sentences(ds, section)
    if rows.empty:
        return pd.DataFrame(columns=["sentence", "text", "weight"])
    return _heaviest(ds, lexicon, rows, k, weights)


def heading_points(ds: Dataset, lexicon: Lexicon, item: dict, all_items: pd.DataFrame) -> tuple[tuple[int, str], ...]:
    """A heading slide's points, (sentence number, text), in order: the items the outline lists under
    it (a key statement's sentence, an article's number and first clause, a subheading's number and
    title; sentence 0 for a heading on a line of its own), else its heaviest sentences."""
    listed = outline.children(all_items, int(item["section"]))
    if len(listed):
        points = []
        for r in listed.itertuples():
            if r.kind == "article":
                points.append((int(r.sentence), f"{r.numbering}{r.heading}"))
            else:
                points.append((int(r.sentence), r.statement))
        return tuple(points)
    found = heading_sentences(ds, lexicon, item)
    return tuple(zip(found["sentence"].astype(int).tolist(), found["text"].tolist()))


def slide(ds: Dataset, lexicon: Lexicon, items: pd.DataFrame, number: int,
          all_items: pd.DataFrame | None = None) -> dict:
    """Slide ``number`` (1-based, brought within range) of the items shown: the record of
    :func:`slide_list` with ``sentences`` (the key sentences, or a heading's points: (sentence
    number, text without cue)) and ``terms`` (the key terms of the item's paragraphs, best first).
    ``all_items`` is the whole outline (a heading's points come from it)."""
    record = slide_list(items, all_items)[clamp(number, len(items)) - 1]
    item = record["item"]
    if item["kind"] == "heading":
        sentences = heading_points(ds, lexicon, item, items if all_items is None else all_items)
        paragraphs = range(int(item["paragraph"]), int(item["last_paragraph"]) + 1)
        terms = keyterms.of_paragraphs(ds, lexicon, paragraphs, KEY_TERMS)
        return {**record, "sentences": sentences, "terms": tuple(terms)}
    sentences = key_sentences(ds, lexicon, item)
    terms = keyterms.of_paragraph(ds, lexicon, int(item["paragraph"]), KEY_TERMS)
    return {**record, "sentences": tuple(zip(sentences["sentence"].tolist(), sentences["text"].tolist())),
            "terms": tuple(terms)}
