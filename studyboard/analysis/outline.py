"""The study outline (学习提纲): a report's structure, found in its sentences.

The rules are data (``data/lexicon/outline.toml``; speakers, pronouns and
speech verbs from ``speakers.toml``): the **opening judgement** (中部地区是我国
重要……基地), each **task** the main speaker sets out (the statement after
习近平强调，/指出， that starts with 要), the **closing point** (习近平最后强调，)
and one item for each **other speaker**'s paragraph. :func:`extract` returns
them as a DataFrame in that order; each item carries its paragraph, its
sentence and the paragraph's main theme, so that every page can colour it and
link it to the reader.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from studyboard import paths
from studyboard.analysis import filters
from studyboard.dataset.tables import Dataset
from studyboard.errors import LexiconError
from studyboard.lexicon import Lexicon
from studyboard.ingest.segment import SpeakerFinder

RULES_FILE = "outline.toml"
#: The kinds of outline item, in the order :func:`extract` lists them.
ITEM_KINDS = ("opening", "task", "closing", "speaker")
#: The colour of an item whose paragraph has no theme.
NO_THEME_COLOR = "#7F7F7F"
_CLAUSE_END = re.compile(r"[，；：。！？,;:!?]")

COLUMNS = ["item", "kind", "number", "speaker", "paragraph", "sentence", "heading", "statement", "text",
           "theme", "color"]


@dataclass(frozen=True)
class Rules:
    """What marks the outline's items (see ``data/lexicon/outline.toml``)."""

    thesis_markers: tuple[str, ...] = ()
    opening_markers: tuple[str, ...] = ()
    closing_markers: tuple[str, ...] = ()
    main_speaker: str = ""


def parse_rules(data: dict) -> Rules:
    def words(name: str) -> tuple[str, ...]:
        value = data.get(name, [])
        if not isinstance(value, list) or not all(isinstance(w, str) and w.strip() for w in value):
            raise LexiconError("toml", file=RULES_FILE, detail=f"{name} = {value!r} (a list of words)")
        return tuple(w.strip() for w in value)

    return Rules(words("thesis_markers"), words("opening_markers"), words("closing_markers"),
                 str(data.get("main_speaker", "") or "").strip())


def load_rules(directory: Path | str | None = None) -> Rules:
    """The outline rules of a lexicon folder (the shipped file when the folder has none)."""
    path = Path(directory or paths.lexicon_dir()) / RULES_FILE
    if not path.is_file():
        path = paths.LEXICON / RULES_FILE
    try:
        return parse_rules(tomllib.loads(path.read_text(encoding="utf-8-sig")))
    except tomllib.TOMLDecodeError as exc:
        raise LexiconError("toml", file=RULES_FILE, detail=str(exc)) from exc


def rules_problem(lexicon: Lexicon) -> LexiconError | None:
    """Why the lexicon's outline rules cannot be read (the error, whose ``message(lang)``
    a page shows), or None when they can."""
    try:
        load_rules(lexicon.directory)
    except LexiconError as exc:
        return exc
    return None


def after_cue(text: str, cue: re.Match | None) -> str:
    """A sentence without its speech cue (习近平强调，), or the whole sentence when it has none."""
    return text[cue.end():].strip() if cue else text


def heading(statement: str, markers: tuple[str, ...] = ()) -> str:
    """The first clause of a statement, without a leading thesis marker."""
    clause = _CLAUSE_END.split(statement, maxsplit=1)[0].strip()
    for marker in sorted(markers, key=len, reverse=True):
        if clause.startswith(marker) and len(clause) > len(marker):
            return clause[len(marker):]
    return clause


def main_speaker(ds: Dataset, rules: Rules) -> str | None:
    """The person whose speech sets out the tasks: the rules' choice, else who speaks most."""
    spoken = ds.sentences["speaker"].dropna()
    if rules.main_speaker:
        return rules.main_speaker if (spoken == rules.main_speaker).any() else None
    if spoken.empty:
        return None
    counts = spoken.value_counts(sort=False)
    best = counts.max()
    return next(name for name in spoken if counts[name] == best)  # ties: who speaks first


def statement_parts(statement: str, heading: str) -> tuple[str, str, str]:
    """The statement cut around its heading: (before, heading, after); ``(statement, "", "")``
    when the heading is empty or not in it."""
    at = statement.find(heading) if heading else -1
    if at < 0:
        return statement, "", ""
    return statement[:at], heading, statement[at + len(heading):]


def dominant_themes(ds: Dataset) -> dict[int, str]:
    """Paragraph -> its theme with most hits (ties: lexicon order); paragraphs without hits left out."""
    order = dict(zip(ds.themes["theme"], ds.themes["order"]))
    hits = ds.paragraph_themes[ds.paragraph_themes["hits"] > 0]
    best: dict[int, tuple[int, int, str]] = {}
    for paragraph, theme, count in zip(hits["paragraph"], hits["theme"], hits["hits"]):
        key = (-int(count), int(order.get(theme, 0)), theme)
        if int(paragraph) not in best or key < best[int(paragraph)]:
            best[int(paragraph)] = key
    return {paragraph: key[2] for paragraph, key in best.items()}


def extract(ds: Dataset, lexicon: Lexicon, rules: Rules | None = None) -> pd.DataFrame:
    """The outline: one row per item (opening, tasks, closing, other speakers), in that order.

    Columns: ``item`` (1, 2, …), ``kind``, ``number`` (the task's number, else
    0), ``speaker``, ``paragraph``, ``sentence``, ``heading`` (first clause),
    ``statement`` (the sentence without its speech cue), ``text`` (the whole
    sentence), ``theme`` and ``color`` (the paragraph's main theme; '' and
    grey when it has none).
    """
    rules = rules or load_rules(lexicon.directory)
    finder = SpeakerFinder(lexicon)
    main = main_speaker(ds, rules)
    rows: list[dict] = []
    sentences = ds.sentences.sort_values("sentence")
    cues = {}
    for number, text in zip(sentences["sentence"], sentences["text"]):
        cue = finder.cue(text)
        cues[int(number)] = cue

    def statement_of(number: int, text: str) -> str:
        return after_cue(text, cues[number])

    def row(kind: str, r, task: int = 0) -> dict:
        statement = statement_of(int(r.sentence), r.text)
        return {"kind": kind, "number": task, "speaker": r.speaker if isinstance(r.speaker, str) else "",
                "paragraph": int(r.paragraph), "sentence": int(r.sentence),
                "heading": heading(statement, rules.thesis_markers), "statement": statement, "text": r.text}

    main_rows: list[dict] = []
    if main:
        mine = [r for r in sentences.itertuples() if r.speaker == main]
        tasks, closing = [], None
        for r in mine:
            cue = cues[int(r.sentence)]
            if cue is None:
                continue
            if closing is None and any(m in cue.group("gap") for m in rules.closing_markers):
                closing = r
                continue
            statement = statement_of(int(r.sentence), r.text)
            if any(statement.startswith(m) for m in rules.thesis_markers):
                tasks.append(r)
        limit = min([int(r.sentence) for r in tasks + ([closing] if closing is not None else [])],
                    default=None)
        opening = next((r for r in mine
                        if (limit is None or int(r.sentence) < limit)
                        and any(m in statement_of(int(r.sentence), r.text) for m in rules.opening_markers)),
                       None)
        if opening is not None:
            main_rows.append(row("opening", opening))
        main_rows.extend(row("task", r, number) for number, r in enumerate(tasks, 1))
        if closing is not None:
            main_rows.append(row("closing", closing))
        main_rows.sort(key=lambda item: item["sentence"])
    rows.extend(main_rows)

    seen: set[tuple[str, int]] = set()
    for r in sentences.itertuples():
        if not isinstance(r.speaker, str) or r.speaker == main or cues[int(r.sentence)] is None:
            continue
        if (r.speaker, int(r.paragraph)) in seen:
            continue
        seen.add((r.speaker, int(r.paragraph)))
        rows.append(row("speaker", r))

    themes = dominant_themes(ds)
    colors = dict(zip(ds.themes["theme"], ds.themes["color"]))
    out = pd.DataFrame(rows, columns=[c for c in COLUMNS if c not in ("item", "theme", "color")])
    out.insert(0, "item", range(1, len(out) + 1))
    out["theme"] = [themes.get(int(p), "") for p in out["paragraph"]]
    out["color"] = [colors.get(t, NO_THEME_COLOR) for t in out["theme"]]
    return out[COLUMNS].astype({"item": "int64", "number": "int64", "paragraph": "int64", "sentence": "int64"})


def speaker_points(ds: Dataset, lexicon: Lexicon, items: pd.DataFrame) -> pd.DataFrame:
    """The points of each other speaker: every sentence of their paragraph, without the speech cue.

    Columns: ``item``, ``speaker``, ``paragraph``, ``sentence``, ``text``.
    """
    finder = SpeakerFinder(lexicon)
    rows = []
    for item in items[items["kind"] == "speaker"].itertuples():
        part = ds.sentences[(ds.sentences["paragraph"] == item.paragraph)
                            & (ds.sentences["speaker"] == item.speaker)
                            & (ds.sentences["sentence"] >= item.sentence)]
        for s in part.itertuples():
            cue = finder.cue(s.text) if int(s.sentence) == int(item.sentence) else None
            rows.append((int(item.item), item.speaker, int(s.paragraph), int(s.sentence), after_cue(s.text, cue)))
    return pd.DataFrame(rows, columns=["item", "speaker", "paragraph", "sentence", "text"])


def filter_items(items: pd.DataFrame, ds: Dataset, themes, mode: str = "any") -> pd.DataFrame:
    """The items whose paragraph carries the selected themes (any or all of them; see
    :mod:`studyboard.analysis.filters`)."""
    chosen = filters.theme_paragraphs(ds, themes, mode)
    if chosen is None:
        return items
    return items[items["paragraph"].isin(chosen)].reset_index(drop=True)
