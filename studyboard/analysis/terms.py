"""Terms counted: counts with filters, keywords, collocations, keywords in
context (KWIC), dispersion and each speaker's terms, as DataFrames.

Everything starts from the dataset's ``tokens`` table. A token counts as a
term when it is a word (not punctuation, a number or Latin letters) and not a
stopword of the tier in force: the ``function`` tier drops function words
(``stop == 1``), the ``policy`` tier also drops the generic policy verbs
(``stop == 2``), exactly as the dataset's own ``terms`` table does. The
filters of :class:`Filters` then keep the sentences of the selected themes and
speaker, a part-of-speech group, a minimum length, and drop the user's own
exclusions.

The counts of the word lists (the term table, bars, cloud, treemap, n-grams,
neighbours, speakers) are **token counts** (词频): how often the segmenter
cut out exactly that word; 中部地区 inside the one token 中部地区崛起 is not
a token of 中部地区. KWIC rows, the dispersion plot and these counts are made
from the same tokens, so a term's KWIC has as many rows as its count.
Contexts never leave the token's sentence. How often the text *says* a term
(出现次数, the string's occurrences, nested ones included) is
:func:`term_occurrences`, shown beside the token count when a term is opened.

The theme and speaker filters are the shared ones
(:mod:`studyboard.analysis.filters`, by sentence). Keywords (TF-IDF,
TextRank) run jieba.analyse through the project's private tokenizer
(:meth:`studyboard.nlp.tokens.Tokenizer.keywords`); jieba is imported only
when they are asked for. The charts, the word cloud and the KWIC table are
in :mod:`studyboard.views.termviews`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

import numpy as np
import pandas as pd

from studyboard.analysis import filters
from studyboard.analysis import glossary as glossary_module
from studyboard.analysis import occurrences
from studyboard.dataset.tables import Dataset, term_counts as count_terms
from studyboard.lexicon import STOPWORD_TIERS, Lexicon

#: Part-of-speech groups of the filter. Tags are jieba's (ICTCLAS): nouns are
#: n* (names, places, organisations, other proper nouns included), vn (名动词,
#: 发展), an (名形词, 安全) and j (abbreviations, 长三角); verbs are v* (so vn
#: counts in both groups).
POS_GROUPS = ("all", "nouns", "verbs")
NOUN_TAGS = frozenset({"vn", "an", "j"})
#: Tags that are never terms: numbers, punctuation and symbols, Latin letters.
NON_TERM_TAGS = frozenset({"m", "x", "eng"})
#: The speaker filter's value for everyone; :data:`filters.NARRATION` is the
#: one for the sentences nobody speaks (the report's narration); any other
#: value is a speaker's name.
EVERYONE = ""
#: Kinds of term (the ``kind`` column of :func:`term_table`): glossary terms,
#: other words, the generic policy verbs.
TERM_KINDS = ("glossary", "word", "policy")


@dataclass(frozen=True)
class Filters:
    """What the term page counts: stopword tier, themes, speaker, POS group,
    minimum length (characters) and excluded words."""

    tier: str = "function"
    themes: tuple[str, ...] = ()
    mode: str = "any"
    speaker: str | None = None  # None or EVERYONE: everyone; filters.NARRATION: sentences with no speaker
    pos: str = "all"
    min_len: int = 2
    exclude: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if self.tier not in STOPWORD_TIERS:
            raise ValueError(f"unknown stopword tier {self.tier!r}")
        if self.pos not in POS_GROUPS:
            raise ValueError(f"unknown part-of-speech group {self.pos!r}")


# --- sentences and tokens -----------------------------------------------------------


def speakers(ds: Dataset) -> list[str]:
    """People who speak in the document, in the order they first speak."""
    spoken = ds.sentences.dropna(subset=["speaker"]).sort_values("sentence")
    return list(dict.fromkeys(spoken["speaker"].astype(str)))


def speaker_options(ds: Dataset) -> list[str]:
    """The speaker filter's choices: everyone, each speaker, the narration (if any)."""
    options = [EVERYONE, *speakers(ds)]
    if ds.sentences["speaker"].isna().any():
        options.append(filters.NARRATION)
    return options


def selected_sentences(ds: Dataset, themes=(), mode: str = "any", speaker: str | None = None) -> np.ndarray:
    """Numbers of the sentences that the theme and speaker filters keep (:func:`filters.sentence_mask`)."""
    return ds.sentences["sentence"].to_numpy()[filters.sentence_mask(ds, themes, mode, speaker)]


def _pos_mask(pos: pd.Series, group: str) -> pd.Series:
    if group == "nouns":
        return pos.str.startswith("n") | pos.isin(NOUN_TAGS)
    if group == "verbs":
        return pos.str.startswith("v")
    return pd.Series(True, index=pos.index)


def _content_mask(tokens: pd.DataFrame, tier: str) -> pd.Series:
    """Words that are not stopwords of the tier (nor numbers, punctuation, Latin)."""
    dropped = (1,) if tier == "function" else (1, 2)
    return tokens["word"] & ~tokens["stop"].isin(dropped) & ~tokens["pos"].isin(NON_TERM_TAGS)


def counted_tokens(ds: Dataset, f: Filters) -> pd.DataFrame:
    """The tokens that count as terms under the filters (in text order)."""
    tokens = ds.tokens
    keep = _content_mask(tokens, f.tier)
    keep &= tokens["sentence"].isin(selected_sentences(ds, f.themes, f.mode, f.speaker))
    keep &= _pos_mask(tokens["pos"], f.pos)
    keep &= tokens["text"].str.len() >= max(int(f.min_len), 1)
    if f.exclude:
        keep &= ~tokens["text"].isin(list(f.exclude))
    return tokens[keep]


def term_table(ds: Dataset, f: Filters, entries=None) -> pd.DataFrame:
    """Counts of the terms under the filters, most frequent first.

    Columns: ``rank, term, pos, count, paragraphs`` (in how many paragraphs),
    ``kind`` (glossary, policy or word), and the glossary's ``pinyin`` and
    ``english`` (newest official rendering, else the descriptive gloss) for
    terms in the glossary.
    """
    table = count_terms(counted_tokens(ds, f), frozenset())
    table.insert(0, "rank", np.arange(1, len(table) + 1, dtype="int64"))
    table["count"] = table["count"].astype("int64")
    table["paragraphs"] = table["paragraphs"].astype("int64")
    glossary = glossary_module.by_term_of(entries)
    policy = set(ds.tokens.loc[ds.tokens["stop"] == 2, "text"])
    table["kind"] = [
        "glossary" if term in glossary else "policy" if term in policy else "word" for term in table["term"]
    ]
    table["pinyin"] = [glossary_module.pinyin_of(glossary[t]) if t in glossary else "" for t in table["term"]]
    table["english"] = [glossary[t].english if t in glossary else "" for t in table["term"]]
    return table.reset_index(drop=True)


def policy_examples(ds: Dataset, n: int = 3) -> list[str]:
    """The document's most frequent policy verbs (examples for the switch's label)."""
    verbs = ds.tokens.loc[ds.tokens["stop"] == 2, "text"].value_counts()
    return sorted(verbs.index, key=lambda w: (-verbs[w], w))[:n]


def summary(ds: Dataset, f: Filters, table: pd.DataFrame) -> dict[str, int]:
    """Numbers for the page's caption: sentences kept and in all, counted words, distinct terms."""
    return {
        "sentences": int(len(selected_sentences(ds, f.themes, f.mode, f.speaker))),
        "total": int(len(ds.sentences)),
        "words": int(table["count"].sum()) if len(table) else 0,
        "distinct": int(len(table)),
    }


def is_term(ds: Dataset, text: str | None) -> bool:
    """Whether ``text`` is a word token of the document (a term that can be opened)."""
    if not text:
        return False
    tokens = ds.tokens
    return bool(((tokens["text"] == text) & tokens["word"]).any())


def open_options(table: pd.DataFrame, ds: Dataset, *current: str | None) -> list[str]:
    """Terms the page offers to open: the counted terms, most frequent first,
    and ``current`` ones that are terms of the document but not counted now."""
    options = list(table["term"])
    seen = set(options)
    extra = [t for t in current if t and t not in seen and is_term(ds, t)]
    return list(dict.fromkeys(extra)) + options


def is_counted(table: pd.DataFrame, term: str) -> bool:
    """Whether ``term`` is among the counted terms of a term table."""
    return bool((table["term"] == term).any())


def term_hits(ds: Dataset, term: str, f: Filters) -> pd.DataFrame:
    """The tokens of one term in the filtered sentences (its KWIC and dispersion rows).

    Only the theme and speaker filters apply: a term opened by name shows its
    lines even when the POS, length or stopword settings leave it out of the
    counts. When it is counted, it has exactly as many hits as its count.
    """
    tokens = ds.tokens
    keep = (tokens["text"] == term) & tokens["sentence"].isin(selected_sentences(ds, f.themes, f.mode, f.speaker))
    return tokens[keep]


def term_occurrences(ds: Dataset, term: str, f: Filters, longer=()) -> dict[str, int]:
    """How often the filtered sentences say ``term`` (only the theme and speaker filters apply):
    ``count`` (occurrences of the string, :mod:`studyboard.analysis.occurrences`), ``nested``
    (of them inside one of ``longer``), ``paragraphs`` (with an occurrence) and ``tokens`` (the
    term's tokens, :func:`term_hits`: its KWIC rows and its count in the word lists)."""
    found = occurrences.in_sentences(ds, term, selected_sentences(ds, f.themes, f.mode, f.speaker), longer)
    return {"count": int(len(found)), "nested": int(found["nested"].sum()) if len(found) else 0,
            "paragraphs": int(found["paragraph"].nunique()) if len(found) else 0,
            "tokens": int(len(term_hits(ds, term, f)))}


# --- opening a term: KWIC and dispersion -----------------------------------------------


def kwic(ds: Dataset, term: str, f: Filters, width: int = 22) -> pd.DataFrame:
    """Keyword in context: one row per hit of ``term``, in text order.

    Columns: ``paragraph, sentence, left, term, right, start, end`` (offsets
    in the paragraph). The contexts are the hit's own sentence to the left
    and right, cut to ``width`` characters (marked with …).
    """
    hits = term_hits(ds, term, f)
    columns = ["paragraph", "sentence", "left", "term", "right", "start", "end"]
    if hits.empty:
        return pd.DataFrame(columns=columns)
    sentences = ds.sentences.set_index("sentence").loc[hits["sentence"]]
    rows = []
    for paragraph, number, start, end, text, s_start in zip(
            hits["paragraph"], hits["sentence"], hits["start"], hits["end"], sentences["text"], sentences["start"]):
        a, b = int(start) - int(s_start), int(end) - int(s_start)
        left, right = text[:a], text[b:]
        if len(left) > width:
            left = "…" + left[-width:]
        if len(right) > width:
            right = right[:width] + "…"
        rows.append((int(paragraph), int(number), left, text[a:b], right, int(start), int(end)))
    return pd.DataFrame(rows, columns=columns)


def paragraph_spans(ds: Dataset) -> pd.DataFrame:
    """Where each paragraph lies in the body: paragraph, start, stop (character
    positions; ``stop`` is the last position before the next paragraph, or
    the end of the body)."""
    paragraphs = ds.paragraphs
    starts = paragraphs["offset"].to_numpy()
    end = int((paragraphs["offset"] + paragraphs["chars"]).max()) if len(paragraphs) else 0
    stops = np.r_[starts[1:] - 1, end] if len(paragraphs) else starts
    return pd.DataFrame({"paragraph": paragraphs["paragraph"].to_numpy(), "start": starts, "stop": stops})


def dispersion(ds: Dataset, terms, f: Filters) -> pd.DataFrame:
    """Where in the text each term occurs (the hits of :func:`term_hits`).

    Columns: term, paragraph, sentence, position (the hit's character
    position in the body), speaker (of the sentence; missing for narration);
    terms in the order given (once each), hits in text order.
    """
    offsets = ds.paragraphs.set_index("paragraph")["offset"]
    speaker_of = dict(zip(ds.sentences["sentence"], ds.sentences["speaker"]))
    rows = []
    for term in dict.fromkeys(terms):
        hits = term_hits(ds, term, f)
        positions = offsets.reindex(hits["paragraph"]).to_numpy() + hits["start"].to_numpy()
        for paragraph, sentence, position in zip(hits["paragraph"], hits["sentence"], positions):
            speaker = speaker_of[sentence]
            rows.append((term, int(paragraph), int(sentence), int(position),
                         speaker if isinstance(speaker, str) else None))  # None: missing in the table
    return pd.DataFrame(rows, columns=["term", "paragraph", "sentence", "position", "speaker"])


# --- keywords, n-grams, neighbours ---------------------------------------------------------


def sentence_texts(ds: Dataset, f: Filters) -> list[str]:
    """The texts of the sentences the theme and speaker filters keep, in order."""
    chosen = ds.sentences[ds.sentences["sentence"].isin(selected_sentences(ds, f.themes, f.mode, f.speaker))]
    return chosen["text"].astype(str).tolist()


def selected_text(ds: Dataset, f: Filters) -> str:
    """The text of the filtered sentences, one per line (what keywords are drawn from)."""
    return "\n".join(sentence_texts(ds, f))


def keywords(text: str, lexicon: Lexicon, f: Filters, top: int = 20) -> pd.DataFrame:
    """jieba's TF-IDF and TextRank keywords of ``text`` side by side.

    Both use the project's tokenizer; the stopwords of the tier in force are
    left out, and so are words the POS, length and exclusion filters drop.
    Columns: ``rank, tfidf, tfidf_weight, textrank, textrank_weight``.
    """
    from studyboard.nlp.tokens import tokenizer_for  # imports jieba: only when keywords are shown

    columns = ["rank", "tfidf", "tfidf_weight", "textrank", "textrank_weight"]
    if not text.strip():
        return pd.DataFrame(columns=columns)
    tokenizer = tokenizer_for(lexicon)
    stop = lexicon.stop_set(f.tier)
    tags = _allowed_tags(f.pos)
    lists = []
    for method in ("tfidf", "textrank"):
        found = tokenizer.keywords(text, method, top * 4 + len(f.exclude), stop, tags)
        kept = [(w, round(float(s), 4)) for w, s in found if _keeps(w, f) and not _is_number(w)][:top]
        lists.append(kept)
    n = max(len(lists[0]), len(lists[1]))
    pad = [lst + [("", np.nan)] * (n - len(lst)) for lst in lists]
    return pd.DataFrame([(i + 1, *pad[0][i], *pad[1][i]) for i in range(n)], columns=columns)


_NUMBER = re.compile(r"^[0-9０-９.．%％]+$")


def keyword_overlap(found: pd.DataFrame) -> list[str]:
    """The words both methods chose, in TF-IDF order."""
    other = set(found["textrank"]) if len(found) else set()
    return [w for w in found["tfidf"] if w and w in other] if len(found) else []


def _is_number(word: str) -> bool:
    return bool(_NUMBER.match(word))


def _allowed_tags(group: str) -> tuple[str, ...]:
    """Tags handed to the keyword extractors (TextRank needs a list)."""
    nouns = ("n", "nr", "nrt", "nrfg", "ns", "nt", "nz", "ng", "vn", "an", "j")
    verbs = ("v", "vd", "vn", "vg", "vi", "vq")
    if group == "nouns":
        return nouns
    if group == "verbs":
        return verbs
    return tuple(dict.fromkeys(nouns + verbs + ("a", "ad", "ag", "i", "l", "b", "s", "f", "t")))


def _keeps(word: str, f: Filters) -> bool:
    return len(word) >= max(int(f.min_len), 1) and word not in f.exclude


def _clauses(ds: Dataset, f: Filters) -> list[tuple[list[str], list[int], list[int]]]:
    """Runs of word tokens between punctuation, within the filtered sentences:
    (texts, stop tiers, paragraphs) of each run, in text order."""
    tokens = ds.tokens[ds.tokens["sentence"].isin(selected_sentences(ds, f.themes, f.mode, f.speaker))]
    if tokens.empty:
        return []
    breaks = (~tokens["word"] | tokens["pos"].isin(NON_TERM_TAGS)).to_numpy()
    sentence = tokens["sentence"].to_numpy()
    run_id = np.cumsum(breaks | np.r_[True, sentence[1:] != sentence[:-1]])[~breaks]
    texts = tokens["text"].to_numpy(dtype=object)[~breaks].tolist()
    stops = tokens["stop"].to_numpy()[~breaks].tolist()
    paras = tokens["paragraph"].to_numpy()[~breaks].tolist()
    bounds = np.flatnonzero(np.r_[True, run_id[1:] != run_id[:-1], True]).tolist()
    return [(texts[a:b], stops[a:b], paras[a:b]) for a, b in zip(bounds[:-1], bounds[1:]) if b > a]


def ngrams(ds: Dataset, f: Filters, n: int = 2, min_count: int = 2) -> pd.DataFrame:
    """Runs of ``n`` adjacent words (never across punctuation) that occur at
    least ``min_count`` times. The first and last word must be content words
    of the tier (function words may stand between: 科技创新 和 产业创新) and
    not excluded. Columns: ``ngram`` (words joined by spaces), ``count``,
    ``paragraphs``; most frequent first."""
    dropped = {1} if f.tier == "function" else {1, 2}
    found: dict[str, list[int]] = {}
    for texts, stops, paras in _clauses(ds, f):
        for i in range(len(texts) - n + 1):
            first, last = i, i + n - 1
            if stops[first] in dropped or stops[last] in dropped:
                continue
            if texts[first] in f.exclude or texts[last] in f.exclude:
                continue
            found.setdefault(" ".join(texts[i:i + n]), []).append(paras[i])
    rows = [(gram, len(ps), len(set(ps))) for gram, ps in found.items() if len(ps) >= min_count]
    out = pd.DataFrame(rows, columns=["ngram", "count", "paragraphs"])
    return out.sort_values(["count", "ngram"], ascending=[False, True], ignore_index=True)


def neighbours(ds: Dataset, term: str, f: Filters, window: int = 2) -> pd.DataFrame:
    """The content words most often near ``term``: up to ``window`` content
    words on each side, in the same clause (function words and punctuation
    are skipped, never crossed: a clause ends at punctuation).

    Columns: ``neighbour, left, right`` (its tokens standing left or right
    of the term; a token between two hits counts once, as left),
    ``together`` (left + right), ``count`` (the neighbour's own count in the
    filtered sentences) and ``share`` (together / count: how much of its use
    is next to the term).
    """
    dropped = {1} if f.tier == "function" else {1, 2}
    left: dict[str, int] = {}
    right: dict[str, int] = {}
    totals: dict[str, int] = {}
    excluded = set(f.exclude) - {term}
    for run_texts, stops, _ in _clauses(ds, f):
        texts = [t for t, s in zip(run_texts, stops) if t == term or (s not in dropped and t not in excluded)]
        for t in texts:
            totals[t] = totals.get(t, 0) + 1
        at = [i for i, t in enumerate(texts) if t == term]
        for j, word in enumerate(texts):
            if word == term:
                continue
            # each neighbouring token counts once: left of the term when a hit follows it
            if any(0 < i - j <= window for i in at):
                left[word] = left.get(word, 0) + 1
            elif any(0 < j - i <= window for i in at):
                right[word] = right.get(word, 0) + 1
    words = sorted(set(left) | set(right))
    rows = [(w, left.get(w, 0), right.get(w, 0), left.get(w, 0) + right.get(w, 0), totals.get(w, 0)) for w in words]
    out = pd.DataFrame(rows, columns=["neighbour", "left", "right", "together", "count"])
    out["share"] = (out["together"] / out["count"].clip(lower=1)).round(2) if len(out) else pd.Series(dtype=float)
    return out.sort_values(["together", "share", "neighbour"], ascending=[False, False, True], ignore_index=True)


# --- speakers compared -----------------------------------------------------------------------


def framing_words(lexicon: Lexicon) -> tuple[str, ...]:
    """Words of the report's framing of speech rather than of the speech: the
    people's names, the speech verbs and pronouns of ``speakers.toml``
    (习近平强调，…). Left out when speakers are compared."""
    words = [p.name for p in lexicon.people] + list(lexicon.speech_verbs) + list(lexicon.pronouns)
    return tuple(dict.fromkeys(words))


def without_framing(f: Filters, lexicon: Lexicon) -> Filters:
    """The filters with the framing words (:func:`framing_words`) excluded too."""
    return replace(f, exclude=tuple(dict.fromkeys(f.exclude + framing_words(lexicon))))


def speaker_terms(ds: Dataset, f: Filters, top: int = 10, entries=None) -> pd.DataFrame:
    """Each speaker's top terms under the filters (the speaker filter aside).
    Pass :func:`without_framing` filters to compare what the speakers say
    rather than how the report introduces them.

    Columns: ``speaker, rank, term, count, per_1000`` (per thousand counted
    words of that speaker), ``kind``, ``shared`` (another speaker uses the
    term too).
    """
    columns = ["speaker", "rank", "term", "count", "per_1000", "kind", "shared"]
    tables = {s: term_table(ds, replace(f, speaker=s), entries) for s in speakers(ds)}
    rows = []
    for speaker, table in tables.items():
        words = int(table["count"].sum())
        others = set().union(*(set(t["term"]) for s, t in tables.items() if s != speaker)) if len(tables) > 1 else set()
        for rank, row in enumerate(table.head(top).itertuples(index=False), 1):
            rows.append((speaker, rank, row.term, int(row.count), round(1000.0 * row.count / max(words, 1), 1),
                         row.kind, row.term in others))
    return pd.DataFrame(rows, columns=columns)
