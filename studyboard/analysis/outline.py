"""The study outline (学习提纲): a document's structure as items to study.

The rules are data (``data/lexicon/outline.toml``; speakers, pronouns and
speech verbs from ``speakers.toml``). :func:`extract` gives the outline of
either kind of document as one DataFrame:

* a **structured document** (its text has headings, ``ds.sections``): the
  heading tree in document order, each **heading** (number and title) followed
  by its **key statements**, the sentences of its own paragraphs that set tasks
  or requirements (要, 必须, 应当 …), at most a few per heading; **articles**
  (第一条 …) are items of their chapter, their number and first clause;
* a **report** without headings (a news report of a meeting): the **opening
  judgement** (中部地区是我国重要……基地), the **general requirement** set
  before the tasks (要一以贯之抓好……), the **stock-taking** of what has been
  achieved (……五年来，……站到了更高起点上) and of the **challenges** that
  remain (仍面临不少困难和挑战), each **task** the main speaker sets out (the
  statement after 习近平强调，/指出， that starts with 要), the **closing
  point** (习近平最后强调，) with the further **requirements** of its
  paragraph (地方党委和政府要扛起主体责任……), and one item for each **other
  speaker**'s paragraph, headed by its first clause that is no boilerplate
  (认真学习领会……重要讲话精神 is skipped).

Each item carries its paragraph (a heading: the paragraphs it covers), its
sentence and its main theme, so that every page can colour it and link it to
the reader. :func:`slide_rows` says which items get a slide in the presenter
view.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pandas as pd

from studyboard import paths
from studyboard.analysis import filters
from studyboard.dataset.tables import Dataset
from studyboard.errors import LexiconError
from studyboard.lexicon import Lexicon, read_rules
from studyboard.ingest.segment import SpeakerFinder

RULES_FILE = "outline.toml"
#: The kinds of outline item: a report's, in the order :func:`extract` lists them, then a structured
#: document's (a heading, a key statement under it, an article).
REPORT_KINDS = ("opening", "general", "review", "challenge", "task", "closing", "requirement", "speaker")
STRUCTURE_KINDS = ("heading", "key", "article")
ITEM_KINDS = REPORT_KINDS + STRUCTURE_KINDS
#: The colour of an item whose paragraph has no theme.
NO_THEME_COLOR = "#7F7F7F"
_CLAUSE_END = re.compile(r"[，；：。！？,;:!?]")
#: What ``…`` in a marker stands for: a few characters within one clause (站到…起点: 站到了更高起点).
_GAP = r"[^，；：。！？,;:!?]{0,12}?"

COLUMNS = ["item", "kind", "number", "speaker", "paragraph", "sentence", "heading", "statement", "text",
           "theme", "color", "section", "level", "parent", "numbering", "last_paragraph"]
_INT_COLUMNS = ("item", "number", "paragraph", "sentence", "section", "level", "parent", "last_paragraph")


@dataclass(frozen=True)
class Rules:
    """What marks the outline's items (see ``data/lexicon/outline.toml``)."""

    thesis_markers: tuple[str, ...] = ()
    opening_markers: tuple[str, ...] = ()
    closing_markers: tuple[str, ...] = ()
    main_speaker: str = ""
    requirement_markers: tuple[str, ...] = ()
    not_requirement: tuple[str, ...] = ()
    key_statements: int = 3
    heading_numbers: tuple[tuple[str, str], ...] = ()  # (kind of heading, format with {number})
    review_markers: tuple[str, ...] = ()
    challenge_markers: tuple[str, ...] = ()
    boilerplate: tuple[str, ...] = ()

    def numbering(self, kind: str, number: str) -> str:
        """A heading's number as written before its title (一、, （一）, 第一章　); the number and a space
        for a kind the rules do not name."""
        form = dict(self.heading_numbers).get(kind)
        if form is None:
            return f"{number} " if number else ""
        return form.replace("{number}", number)


def parse_rules(data: dict) -> Rules:
    def words(name: str) -> tuple[str, ...]:
        value = data.get(name, [])
        if not isinstance(value, list) or not all(isinstance(w, str) and w.strip() for w in value):
            raise LexiconError("toml", file=RULES_FILE, detail=f"{name} = {value!r} (a list of words)")
        return tuple(w.strip() for w in value)

    cap = data.get("key_statements", 3)
    if not isinstance(cap, int) or isinstance(cap, bool) or cap < 0:
        raise LexiconError("toml", file=RULES_FILE, detail=f"key_statements = {cap!r} (a whole number)")
    numbers = data.get("heading_numbers", {})
    if not isinstance(numbers, dict) or not all(isinstance(v, str) for v in numbers.values()):
        raise LexiconError("toml", file=RULES_FILE, detail=f"heading_numbers = {numbers!r} (kind = \"format\")")
    return Rules(words("thesis_markers"), words("opening_markers"), words("closing_markers"),
                 str(data.get("main_speaker", "") or "").strip(), words("requirement_markers"),
                 words("not_requirement"), cap, tuple(numbers.items()), words("review_markers"),
                 words("challenge_markers"), words("boilerplate"))


def load_rules(directory: Path | str | None = None) -> Rules:
    """The outline rules of a lexicon folder (the shipped file when the folder has none)."""
    return parse_rules(read_rules(RULES_FILE, directory))


@lru_cache(maxsize=8)
def _rules_of(folder: str, stamp: int) -> Rules:
    try:
        return load_rules(folder)
    except LexiconError:  # the pages that read the rules say so (rules_problem); numbers fall back
        return Rules()


def current_rules() -> Rules:
    """The rules of the lexicon folder in use, read again when its outline file changes
    (default rules while the file is broken: :func:`rules_problem` reports it)."""
    folder = paths.lexicon_dir()
    path = Path(folder) / RULES_FILE
    return _rules_of(str(folder), path.stat().st_mtime_ns if path.is_file() else 0)


def number_label(kind: str, number: str) -> str:
    """A heading's number as the text writes it before its title (一、 （一） 1. 第一章　 第一条　),
    "" when unnumbered: the one rule, ``[heading_numbers]`` of ``outline.toml``."""
    return current_rules().numbering(kind, number)


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


def marker_pattern(marker: str) -> re.Pattern:
    """A marker as a pattern: ``…`` stands for a few characters of the same clause (取得…成效 finds
    取得新成效 and 取得明显成效, not a 取得 and a 成效 in different clauses)."""
    return re.compile(_GAP.join(re.escape(part) for part in marker.split("…")))


def find_marker(text: str, markers: tuple[str, ...]) -> re.Match | None:
    """Where the first of ``markers`` (in their order) that the text holds stands, or None."""
    for marker in markers:
        found = marker_pattern(marker).search(text)
        if found:
            return found
    return None


def clause_at(text: str, at: int) -> str:
    """The clause of ``text`` (between ，；：。！？) that holds the character at ``at``."""
    start = max((m.end() for m in _CLAUSE_END.finditer(text[:at])), default=0)
    end = _CLAUSE_END.search(text, at)
    return text[start:end.start() if end else len(text)].strip()


def marker_heading(statement: str, markers: tuple[str, ...], thesis_markers: tuple[str, ...] = ()) -> str:
    """The clause of a statement that holds its first marker (……，中部地区发展站到了更高起点上。 ->
    中部地区发展站到了更高起点上); the first clause when it holds none."""
    found = find_marker(statement, markers)
    if found is None:
        return heading(statement, thesis_markers)
    return heading(clause_at(statement, found.start()), thesis_markers)


def substantive_heading(statement: str, rules: Rules) -> str:
    """The first clause of a statement that holds no boilerplate (要认真学习领会……重要讲话精神，把中部
    地区放到……来定位思考， -> 把中部地区放到……来定位思考), without a leading thesis marker; the first
    clause when every clause is boilerplate."""
    patterns = [marker_pattern(m) for m in rules.boilerplate]
    for clause in _CLAUSE_END.split(statement):
        clause = clause.strip()
        if clause and not any(p.search(clause) for p in patterns):
            return heading(clause, rules.thesis_markers)
    return heading(statement, rules.thesis_markers)


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


def is_structured(ds: Dataset) -> bool:
    """Whether the document's text has headings (its outline is then the heading tree)."""
    return len(ds.sections) > 0


def extract(ds: Dataset, lexicon: Lexicon, rules: Rules | None = None) -> pd.DataFrame:
    """The outline: one row per item, in the order the outline shows them.

    A structured document (:func:`is_structured`) gives its heading tree
    (kinds ``heading``, ``key``, ``article``: :func:`structure_items`), any
    other a report's outline (``opening``, ``task``, ``closing``, ``speaker``:
    :func:`report_items`).

    Columns: ``item`` (1, 2, …), ``kind``, ``number`` (the task's number, else
    0), ``speaker``, ``paragraph``, ``sentence`` (0: a heading on a line of its
    own), ``heading`` (what the outline stresses: a statement's first clause, a
    heading's title), ``statement`` (the sentence without its speech cue; a
    heading's number and title), ``text`` (the whole sentence), ``theme`` and
    ``color`` (the main theme of the item's paragraphs; '' and grey when they
    have none), ``section`` (the heading of the item: its own section for a
    heading or an article, the section whose paragraph holds a key statement;
    0 in a report), ``level`` (a heading's level, 1 outermost; a key statement
    one deeper than its heading; 0 in a report), ``parent`` (the section the
    item is listed under, 0 for none), ``numbering`` (a heading's or article's
    number as written: 一、, （一）, 第一条; else '') and ``last_paragraph`` (the
    last paragraph a heading covers; the item's paragraph otherwise).
    """
    rules = rules or load_rules(lexicon.directory)
    rows = structure_items(ds, lexicon, rules) if is_structured(ds) else report_items(ds, lexicon, rules)
    return _finish(ds, rows)


def _finish(ds: Dataset, rows: list[dict]) -> pd.DataFrame:
    """The items as a DataFrame: numbered, each with its theme and colour."""
    defaults = {"number": 0, "speaker": "", "section": 0, "level": 0, "parent": 0, "numbering": ""}
    rows = [{**defaults, **row} for row in rows]
    for row in rows:
        row.setdefault("last_paragraph", row["paragraph"])
    themes = dominant_themes(ds)
    ranges = _range_themes(ds, [(r["paragraph"], r["last_paragraph"]) for r in rows if r["kind"] == "heading"])
    colors = dict(zip(ds.themes["theme"], ds.themes["color"]))
    for row in rows:
        if row["kind"] == "heading":
            row["theme"] = ranges.get((row["paragraph"], row["last_paragraph"]), "")
        else:
            row["theme"] = themes.get(int(row["paragraph"]), "")
        row["color"] = colors.get(row["theme"], NO_THEME_COLOR)
    out = pd.DataFrame(rows, columns=[c for c in COLUMNS if c != "item"])
    out.insert(0, "item", range(1, len(out) + 1))
    return out[COLUMNS].astype({name: "int64" for name in _INT_COLUMNS})


def report_items(ds: Dataset, lexicon: Lexicon, rules: Rules) -> list[dict]:
    """A report's outline items (opening, tasks, closing, other speakers), as records in that order."""
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
                "heading": heading(statement, rules.thesis_markers), "statement": statement, "text": r.text,
                "section": int(getattr(r, "section", 0) or 0)}

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
        before = [r for r in mine if limit is None or int(r.sentence) < limit]
        opening = next((r for r in before
                        if any(m in statement_of(int(r.sentence), r.text) for m in rules.opening_markers)),
                       None)
        if opening is not None:
            main_rows.append(row("opening", opening))
        # before the first task: the stock-taking (what has been achieved, what remains hard) and the
        # general requirement (a statement of its own that opens with a thesis marker)
        for r in before:
            if opening is not None and r.sentence == opening.sentence:
                continue
            statement = statement_of(int(r.sentence), r.text)
            for kind, markers in (("review", rules.review_markers), ("challenge", rules.challenge_markers)):
                if find_marker(statement, markers):
                    main_rows.append({**row(kind, r), "heading": marker_heading(statement, markers)})
                    break
            else:
                if cues[int(r.sentence)] is None and any(statement.startswith(m) for m in rules.thesis_markers):
                    main_rows.append(row("general", r))
        main_rows.extend(row("task", r, number) for number, r in enumerate(tasks, 1))
        if closing is not None:
            main_rows.append(row("closing", closing))
            # the closing paragraph's further requirements (地方党委和政府要扛起主体责任，……)
            for r in mine:
                if (int(r.paragraph) == int(closing.paragraph) and int(r.sentence) > int(closing.sentence)
                        and all(r.sentence != t.sentence for t in tasks)
                        and requirement(statement_of(int(r.sentence), r.text), rules) is not None):
                    main_rows.append(row("requirement", r))
        main_rows.sort(key=lambda item: item["sentence"])
    rows.extend(main_rows)

    seen: set[tuple[str, int]] = set()
    for r in sentences.itertuples():
        if not isinstance(r.speaker, str) or r.speaker == main or cues[int(r.sentence)] is None:
            continue
        if (r.speaker, int(r.paragraph)) in seen:
            continue
        seen.add((r.speaker, int(r.paragraph)))
        item = row("speaker", r)
        rows.append({**item, "heading": substantive_heading(item["statement"], rules)})
    return rows


# --- structured documents: the heading tree ----------------------------------------


def sentence_weights(ds: Dataset) -> dict[int, int]:
    """Sentence -> its formulations and theme keywords (how much a sentence says)."""
    formulations = ds.tokens.loc[ds.tokens["formulation"], "sentence"].value_counts()
    hits = ds.theme_hits["sentence"].value_counts()
    return {int(s): int(formulations.get(s, 0)) + int(hits.get(s, 0)) for s in ds.sentences["sentence"]}


def requirement(text: str, rules: Rules) -> tuple[int, int] | None:
    """Where the first requirement marker of a sentence stands ((start, end)), or None when the
    sentence sets no task: a marker inside a word of ``not_requirement`` (重要, 要素) does not count."""
    covered: set[int] = set()
    for word in rules.not_requirement:
        at = text.find(word)
        while at >= 0:
            covered.update(range(at, at + len(word)))
            at = text.find(word, at + 1)
    best: tuple[int, int] | None = None
    for marker in rules.requirement_markers:
        at = text.find(marker)
        while at >= 0 and covered.intersection(range(at, at + len(marker))):
            at = text.find(marker, at + 1)
        if at >= 0 and (best is None or at < best[0]):
            best = (at, at + len(marker))
    return best


def requirement_heading(text: str, at: tuple[int, int]) -> str:
    """What a key statement stresses: the words after its requirement marker up to the end of
    their clause (要坚持稳中求进工作总基调，… -> 坚持稳中求进工作总基调); the marker's whole clause
    when nothing follows it in the clause."""
    rest = _CLAUSE_END.split(text[at[1]:], maxsplit=1)[0].strip()
    if rest:
        return rest
    start = max((m.end() for m in _CLAUSE_END.finditer(text[:at[0]])), default=0)
    return text[start:at[1]].strip()


def own_sentences(ds: Dataset, section: dict) -> pd.DataFrame:
    """The sentences of a section's own paragraphs (before its first subheading), without a run-in
    heading's own sentence."""
    paragraphs = ds.paragraphs.loc[ds.paragraphs["section"] == int(section["section"]), "paragraph"]
    rows = ds.sentences[ds.sentences["paragraph"].isin(paragraphs)]
    if bool(section["run_in"]):
        rows = rows[~((rows["paragraph"] == int(section["first_paragraph"])) & (rows["index"] == 1))]
    return rows


def _article_statement(text: str, number: str) -> str:
    """An article's first sentence without its marker (第一条　为了… -> 为了…)."""
    return text[len(number):].lstrip(" \u3000") if number and text.startswith(number) else text


def structure_items(ds: Dataset, lexicon: Lexicon, rules: Rules) -> list[dict]:
    """A structured document's outline items, in document order: each heading (number and
    title), then its key statements (at most ``rules.key_statements``, those that say most, in
    text order); an article is an item of its chapter or section (number and first clause)."""
    finder = SpeakerFinder(lexicon)
    weights = sentence_weights(ds)
    first_sentence = dict(zip(ds.paragraphs["paragraph"].astype(int), ds.paragraphs["first_sentence"].astype(int)))
    by_paragraph = {int(p): group for p, group in ds.sentences.groupby("paragraph")}
    rows: list[dict] = []
    for section in ds.sections.to_dict("records"):
        number, kind = str(section["number"]), str(section["kind"])
        numbering = rules.numbering(kind, number)
        first, last = int(section["first_paragraph"]), int(section["last_paragraph"])
        base = {"section": int(section["section"]), "level": int(section["level"])}
        if kind == "article":
            opening = by_paragraph.get(first)
            if opening is None:
                continue
            r = opening.iloc[0]
            statement = _article_statement(after_cue(r["text"], finder.cue(r["text"])), number)
            rows.append({**base, "kind": "article", "parent": int(section["parent"]), "numbering": numbering,
                         "speaker": r["speaker"] if isinstance(r["speaker"], str) else "", "paragraph": first,
                         "sentence": int(r["sentence"]), "heading": heading(statement),
                         "statement": numbering + statement, "text": r["text"]})
            continue
        title = str(section["title"])
        run_in = bool(section["run_in"]) and first in by_paragraph
        rows.append({**base, "kind": "heading", "parent": int(section["parent"]), "numbering": numbering,
                     "paragraph": first, "last_paragraph": last,
                     "sentence": first_sentence[first] if run_in else 0, "heading": title,
                     "statement": numbering + title,
                     "text": by_paragraph[first].iloc[0]["text"] if run_in else numbering + title})
        found = []
        for r in own_sentences(ds, section).itertuples():
            statement = after_cue(r.text, finder.cue(r.text))
            at = requirement(statement, rules)
            if at is not None:
                found.append((-weights.get(int(r.sentence), 0), int(r.sentence), r, statement, at))
        kept = sorted(sorted(found)[:rules.key_statements], key=lambda f: f[1])
        for _, sentence, r, statement, at in kept:
            rows.append({"kind": "key", "section": int(section["section"]), "level": int(section["level"]) + 1,
                         "parent": int(section["section"]), "speaker": r.speaker if isinstance(r.speaker, str) else "",
                         "paragraph": int(r.paragraph), "sentence": sentence,
                         "heading": requirement_heading(statement, at), "statement": statement, "text": r.text})
    return rows


def _range_themes(ds: Dataset, ranges) -> dict[tuple[int, int], str]:
    """(first, last) paragraph range -> its theme with most hits (ties: lexicon order); ranges without hits
    left out."""
    order = dict(zip(ds.themes["theme"], ds.themes["order"]))
    hits = ds.paragraph_themes[ds.paragraph_themes["hits"] > 0]
    out = {}
    for first, last in set(ranges):
        part = hits[(hits["paragraph"] >= first) & (hits["paragraph"] <= last)]
        if part.empty:
            continue
        totals = part.groupby("theme")["hits"].sum()
        out[(first, last)] = min(totals.index, key=lambda theme: (-int(totals[theme]), int(order.get(theme, 0)), theme))
    return out


def slide_rows(items: pd.DataFrame) -> pd.DataFrame:
    """The items that get a slide in the presenter view: a structured document's headings (their key
    statements and articles are the slides' points), every item of a report's outline (and of an
    outline of articles without headings)."""
    headings = items[items["kind"] == "heading"]
    return (headings if len(headings) else items).reset_index(drop=True)


def children(items: pd.DataFrame, section: int) -> pd.DataFrame:
    """The items listed directly under a heading (its key statements, articles and subheadings), in order."""
    return items[(items["parent"] == int(section)) & items["kind"].isin(STRUCTURE_KINDS)]


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
    :mod:`studyboard.analysis.filters`); a heading is kept when one of the paragraphs it covers
    does (so every item kept keeps its headings)."""
    chosen = filters.theme_paragraphs(ds, themes, mode)
    if chosen is None:
        return items
    keep = pd.Series([any(p in chosen for p in range(int(a), int(b) + 1))
                      for a, b in zip(items["paragraph"], items["last_paragraph"])], index=items.index, dtype=bool)
    return items[keep].reset_index(drop=True)  # a mask, also when empty (items[[]] would select no columns)
