"""The term page's content: term counts with filters, charts, keywords,
collocations, keywords in context (KWIC), dispersion and speakers compared.

Everything starts from the dataset's ``tokens`` table. A token counts as a
term when it is a word (not punctuation, a number or Latin letters) and not a
stopword of the tier in force: the ``function`` tier drops function words
(``stop == 1``), the ``policy`` tier also drops the generic policy verbs
(``stop == 2``), exactly as the dataset's own ``terms`` table does. The
filters of :class:`Filters` then keep the sentences of the selected themes and
speaker, a part-of-speech group, a minimum length, and drop the user's own
exclusions.

KWIC rows, the dispersion plot and the counts are made from the same tokens,
so a term's KWIC has as many rows as its count. Contexts never leave the
token's sentence.

Keywords (TF-IDF, TextRank) run jieba.analyse through the project's private
tokenizer (:meth:`studyboard.nlp.tokens.Tokenizer.keywords`); jieba is imported
only when they are asked for.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from studyboard.views import charts, markup
from studyboard.analysis import glossary as glossary_module
from studyboard import i18n
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
#: The speaker filter's values for everyone and for the sentences nobody
#: speaks (the report's narration); any other value is a speaker's name.
EVERYONE = ""
NARRATION = "-"
#: Kinds of term, each with its colour: glossary terms stand out, the generic
#: policy verbs recede, other words are plain blue.
KINDS = ("glossary", "word", "policy")
KIND_COLORS = {"glossary": "#CB181D", "word": "#2C6FAC", "policy": "#767676"}
SHARED_COLORS = {"shared": "#2C6FAC", "own": "#E08214"}
TERM_COLOR = "#CB181D"  # the open term in KWIC and dispersion

#: The page's views, and the shapes of the slide figure.
SECTIONS = ("counts", "slides", "keywords", "speakers", "glossary")
SHAPES = ("treemap", "cloud")
#: Limits of the page's number settings: (smallest, default, largest).
TOP_RANGE = (5, 20, 60)
MIN_LEN_RANGE = (1, 2, 8)
WINDOW_RANGE = (1, 2, 5)
SPEAKER_TOP = 10

_SPLIT = re.compile(r"[\s,，、;；/|]+")
MAX_EXCLUSIONS = 200


@dataclass(frozen=True)
class Filters:
    """What the term page counts: stopword tier, themes, speaker, POS group,
    minimum length (characters) and excluded words."""

    tier: str = "function"
    themes: tuple[str, ...] = ()
    mode: str = "any"
    speaker: str | None = None  # None or EVERYONE: everyone; NARRATION: sentences with no speaker
    pos: str = "all"
    min_len: int = 2
    exclude: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if self.tier not in STOPWORD_TIERS:
            raise ValueError(f"unknown stopword tier {self.tier!r}")
        if self.pos not in POS_GROUPS:
            raise ValueError(f"unknown part-of-speech group {self.pos!r}")


def _t(key: str, lang: str, **params) -> str:
    return i18n.t(key, lang, **params)


# --- plain values from the user ---------------------------------------------------


def parse_terms(text: str | None) -> tuple[str, ...]:
    """Words typed by a user (separated by spaces, commas, 、 or ；), in order, once each."""
    words = [w for w in _SPLIT.split(text or "") if w]
    return tuple(dict.fromkeys(words))[:MAX_EXCLUSIONS]


def join_terms(words) -> str:
    """Words as one line for the URL or a text field (the inverse of parse_terms)."""
    return ",".join(words)


def csv_bytes(frame: pd.DataFrame) -> bytes:
    """A table as CSV for download (UTF-8 with BOM, so that Excel reads the Chinese)."""
    return frame.to_csv(index=False).encode("utf-8-sig")


# --- sentences and tokens -----------------------------------------------------------


def speakers(ds: Dataset) -> list[str]:
    """People who speak in the document, in the order they first speak."""
    spoken = ds.sentences.dropna(subset=["speaker"]).sort_values("sentence")
    return list(dict.fromkeys(spoken["speaker"].astype(str)))


def speaker_options(ds: Dataset) -> list[str]:
    """The speaker filter's choices: everyone, each speaker, the narration (if any)."""
    options = [EVERYONE, *speakers(ds)]
    if ds.sentences["speaker"].isna().any():
        options.append(NARRATION)
    return options


def speaker_label(ds: Dataset, speaker: str | None, lang: str) -> str:
    """A speaker's name in the UI language (romanised in English)."""
    if not speaker:
        return _t("terms.speaker_all", lang)
    if speaker == NARRATION:
        return _t("terms.speaker_narration", lang)
    if lang == "en":
        people = ds.people.set_index("name")["name_en"] if len(ds.people) else pd.Series(dtype=str)
        english = people.get(speaker)
        if isinstance(english, str) and english:
            return english
    return speaker


def selected_sentences(ds: Dataset, themes=(), mode: str = "any", speaker: str | None = None) -> np.ndarray:
    """Numbers of the sentences that the theme and speaker filters keep.

    With themes, a sentence is kept when it has a hit of any (``mode="any"``)
    or all (``mode="all"``) of them.
    """
    sentences = ds.sentences
    keep = np.ones(len(sentences), dtype=bool)
    if themes:
        scored = ds.sentence_themes[ds.sentence_themes["theme"].isin(list(themes))]
        per_sentence = scored.drop_duplicates(["sentence", "theme"])["sentence"].value_counts()
        needed = len(set(themes)) if mode == "all" else 1
        chosen = per_sentence[per_sentence >= needed].index
        keep &= sentences["sentence"].isin(chosen).to_numpy()
    if speaker == NARRATION:
        keep &= sentences["speaker"].isna().to_numpy()
    elif speaker:
        keep &= (sentences["speaker"] == speaker).fillna(False).to_numpy(dtype=bool)
    return sentences["sentence"].to_numpy()[keep]


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


# --- term counts as figures -----------------------------------------------------------


def hit_counts(rows: pd.DataFrame) -> dict[str, int]:
    """A term's hits and the paragraphs they fall in (of its KWIC rows)."""
    return {"count": int(len(rows)), "paragraphs": int(rows["paragraph"].nunique()) if len(rows) else 0}


def _hover_rows(frame: pd.DataFrame, lang: str) -> list[str]:
    """Hover text per term: its counts, and pinyin and English for glossary terms."""
    rows = []
    for row in frame.itertuples(index=False):
        lines = [f"<b>{markup.html(row.term)}</b>",
                 _t("terms.hover_count", lang, count=row.count, paragraphs=row.paragraphs)]
        if row.kind == "glossary":
            lines.append(markup.html(row.pinyin))
            lines.append(markup.html(row.english))
        elif row.kind == "policy":
            lines.append(_t("terms.kind_policy", lang))
        rows.append("<br>".join(lines))
    return rows


def bar_chart(table: pd.DataFrame, top: int, lang: str, opened: str | None = None) -> go.Figure:
    """The top terms as horizontal bars, the most frequent on top; one trace
    per kind of term (its colour and legend entry). Each bar's customdata[0]
    is its term (what a click selects); the ``opened`` term's bar is outlined."""
    frame = table.head(top)
    order = list(frame["term"])[::-1]
    traces = []
    for kind in KINDS:
        part = frame[frame["kind"] == kind]
        if part.empty:
            continue
        traces.append(go.Bar(
            x=part["count"], y=part["term"], orientation="h", name=_t(f"terms.kind_{kind}", lang),
            marker=dict(color=KIND_COLORS[kind], line=dict(color=charts.INK, width=[3 if t == opened else 0
                                                                                   for t in part["term"]])),
            text=part["count"], textposition="outside", cliponaxis=False,
            customdata=np.stack([part["term"], _hover_rows(part, lang)], axis=1),
            hovertemplate="%{customdata[1]}<extra></extra>",
        ))
    layout = dict(
        barmode="overlay", bargap=0.25, clickmode="event+select",
        legend=dict(orientation="h", yanchor="bottom", y=1.0, x=0, xanchor="left"),
        xaxis=dict(title=dict(text=_t("terms.axis_count", lang)), rangemode="tozero"),
        yaxis=dict(categoryorder="array", categoryarray=order, tickfont=dict(size=18)),
    )
    height = max(320, 34 * len(frame) + 140)
    return charts.style(go.Figure(data=traces, layout=layout), _t("terms.bar_title", lang, n=len(frame)), height)


def kinds_legend(kinds, lang: str) -> str:
    """A one-line colour key of the kinds of term (for figures without a legend)."""
    return "   ".join(f"<span style='color:{KIND_COLORS[k]}'>■</span> {_t(f'terms.kind_{k}', lang)}"
                       for k in KINDS if k in set(kinds))


def treemap(table: pd.DataFrame, top: int, lang: str) -> go.Figure:
    """The top terms as a treemap (area by count), for slides."""
    frame = table.head(top)
    tree = go.Treemap(
        labels=frame["term"], parents=[""] * len(frame), values=frame["count"],
        marker=dict(colors=[KIND_COLORS[k] for k in frame["kind"]], line=dict(color="#FFFFFF", width=2)),
        texttemplate="<b>%{label}</b><br>%{value}", textfont=dict(size=30, color="#FFFFFF"),
        customdata=_hover_rows(frame, lang), hovertemplate="%{customdata}<extra></extra>",
        tiling=dict(pad=2), sort=True, pathbar=dict(visible=False),
    )
    layout = dict(uniformtext=dict(minsize=16, mode="hide"), margin=dict(t=90),
                  title=dict(subtitle=dict(text=kinds_legend(frame["kind"], lang), font=dict(size=16))))
    return charts.style(go.Figure(data=[tree], layout=layout), _t("terms.treemap_title", lang, n=len(frame)), 680)


def _text_width(text: str, size: float) -> float:
    """Estimated pixel width of a label: full-width characters one em, others 0.6 em."""
    return size * sum(1.0 if ord(ch) > 0x2E80 else 0.6 for ch in text)


def cloud_layout(terms, counts, width: int = 960, height: int = 540,
                 min_size: float = 18, max_size: float = 84) -> pd.DataFrame:
    """Positions for a word cloud: each word on an Archimedean spiral from the
    centre, largest first, at the first place where its box overlaps no other
    box and stays inside ``width`` × ``height`` pixels. Words that find no
    place are left out. Columns: ``term, count, size, x, y, w, h`` (x, y the
    box centre, y upwards)."""
    terms, counts = list(terms), [int(c) for c in counts]
    columns = ["term", "count", "size", "x", "y", "w", "h"]
    if not terms:
        return pd.DataFrame(columns=columns)
    low, high = min(counts), max(counts)
    spread = (high - low) or 1
    angles = np.arange(0, 240 * np.pi, 0.05)
    radius = 1.6 * angles
    ratio = width / height
    cand_x = width / 2 + radius * np.cos(angles) * ratio
    cand_y = height / 2 + radius * np.sin(angles)
    placed: list[tuple] = []
    boxes = np.empty((0, 4))  # x0, y0, x1, y1
    gap = 3.0
    for term, count in sorted(zip(terms, counts), key=lambda pair: -pair[1]):
        size = min_size + (max_size - min_size) * np.sqrt((count - low) / spread)
        w, h = _text_width(term, size) + 2 * gap, size * 1.25 + 2 * gap
        inside = (cand_x - w / 2 >= 0) & (cand_x + w / 2 <= width) & (cand_y - h / 2 >= 0) & (cand_y + h / 2 <= height)
        free = inside.copy()
        if len(boxes):
            clash = ((cand_x[:, None] - w / 2 < boxes[None, :, 2]) & (cand_x[:, None] + w / 2 > boxes[None, :, 0])
                     & (cand_y[:, None] - h / 2 < boxes[None, :, 3]) & (cand_y[:, None] + h / 2 > boxes[None, :, 1]))
            free &= ~clash.any(axis=1)
        spots = np.flatnonzero(free)
        if not len(spots):
            continue
        x, y = cand_x[spots[0]], cand_y[spots[0]]
        boxes = np.vstack([boxes, [x - w / 2, y - h / 2, x + w / 2, y + h / 2]])
        placed.append((term, count, round(float(size), 1), float(x), float(y), w, h))
    return pd.DataFrame(placed, columns=columns)


def word_cloud(table: pd.DataFrame, top: int, lang: str, width: int = 1200, height: int = 600) -> go.Figure:
    """The top terms as a word cloud drawn with plotly text (no image library):
    font size by count, colour by kind of term."""
    frame = table.head(top)
    layout = cloud_layout(frame["term"], frame["count"], width, height, min_size=22, max_size=110)
    info = frame.set_index("term").loc[layout["term"]].reset_index() if len(layout) else frame.head(0)
    words = go.Scatter(
        x=layout["x"], y=layout["y"], mode="text", text=layout["term"],
        textfont=dict(size=list(layout["size"]), color=[KIND_COLORS[k] for k in info["kind"]]),
        customdata=_hover_rows(info, lang), hovertemplate="%{customdata}<extra></extra>",
    )
    figure_layout = dict(
        margin=dict(t=90), showlegend=False,
        title=dict(subtitle=dict(text=kinds_legend(info["kind"], lang), font=dict(size=16))),
        xaxis=dict(visible=False, range=[0, width], fixedrange=True),
        yaxis=dict(visible=False, range=[0, height], fixedrange=True, scaleanchor="x", scaleratio=1),
    )
    return charts.style(go.Figure(data=[words], layout=figure_layout), _t("terms.cloud_title", lang, n=len(layout)),
                        height + 100)


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


def kwic_html(rows: pd.DataFrame, href, lang: str, entries=None) -> str:
    """The KWIC rows as an HTML table: left context right-aligned, the term in
    the middle, right context left-aligned, and a link to the paragraph in the
    reader (``href(paragraph)`` gives its URL). Glossary terms in the contexts
    are underlined with their pinyin and English as a tooltip. All text is
    escaped."""
    head = (f"<tr><th style='width:4.5em'>{markup.html(_t('terms.kwic_para', lang))}</th>"
            f"<th style='text-align:right'>{markup.html(_t('terms.kwic_left', lang))}</th>"
            f"<th style='text-align:center'>{markup.html(_t('terms.kwic_term', lang))}</th>"
            f"<th style='text-align:left'>{markup.html(_t('terms.kwic_right', lang))}</th></tr>")
    body = []
    for row in rows.itertuples(index=False):
        link = markup.html(href(int(row.paragraph)))
        title = markup.html(_t("terms.kwic_open", lang, paragraph=row.paragraph))
        body.append(
            f"<tr><td><a href='{link}' target='_self' title='{title}'>¶{int(row.paragraph)}</a></td>"
            f"<td style='text-align:right;white-space:nowrap'>{glossary_module.mark(row.left, entries, lang)}</td>"
            f"<td style='text-align:center;white-space:nowrap;font-weight:700;color:{TERM_COLOR}'>"
            f"{markup.html(row.term)}</td>"
            f"<td style='text-align:left;white-space:nowrap'>{glossary_module.mark(row.right, entries, lang)}</td></tr>"
        )
    return ("<div style='overflow-x:auto'><table class='sb-kwic' style='width:100%;border-collapse:collapse;"
            "font-size:18px;line-height:1.6'>"
            f"<thead>{head}</thead><tbody>{''.join(body)}</tbody></table></div>")


def _body_extent(ds: Dataset) -> tuple[pd.Series, int]:
    paragraphs = ds.paragraphs.set_index("paragraph")
    end = int((paragraphs["offset"] + paragraphs["chars"]).max()) if len(paragraphs) else 0
    return paragraphs["offset"], end


def dispersion(ds: Dataset, terms, f: Filters, lang: str) -> go.Figure:
    """Where in the text each term occurs: one row per term, a tick per hit at
    its character position in the body; paragraphs as alternating bands,
    numbered along the axis."""
    terms = list(dict.fromkeys(terms))
    offsets, end = _body_extent(ds)
    speaker_of = dict(zip(ds.sentences["sentence"], ds.sentences["speaker"]))
    traces = []
    for n, term in enumerate(terms):
        hits = term_hits(ds, term, f)
        x = (offsets.reindex(hits["paragraph"]).to_numpy() + hits["start"].to_numpy()) if len(hits) else []
        hover = [_t("terms.dispersion_hover", lang, term=markup.html(term), paragraph=p, sentence=s) +
                 (f"<br>{markup.html(speaker_label(ds, speaker_of[s], lang))}" if isinstance(speaker_of[s], str)
                  else "")
                 for p, s in zip(hits["paragraph"], hits["sentence"])]
        traces.append(go.Scatter(
            x=x, y=[term] * len(hits), mode="markers", name=term, showlegend=False,
            marker=dict(symbol="line-ns", size=34, line=dict(width=3, color=TERM_COLOR if n == 0 else "#2C6FAC")),
            customdata=hover, hovertemplate="%{customdata}<extra></extra>",
        ))
    shapes, ticks, labels = [], [], []
    for k, (paragraph, start) in enumerate(offsets.items()):
        stop = offsets.iloc[k + 1] - 1 if k + 1 < len(offsets) else end
        if k % 2 == 0:
            shapes.append(dict(type="rect", xref="x", yref="paper", x0=start, x1=stop, y0=0, y1=1,
                               fillcolor="#F0F0F0", line=dict(width=0), layer="below"))
        ticks.append((start + stop) / 2)
        labels.append(str(paragraph))
    layout = dict(
        shapes=shapes, hovermode="closest",
        xaxis=dict(range=[0, end], tickvals=ticks, ticktext=labels, showgrid=False, zeroline=False,
                   title=dict(text=_t("terms.axis_paragraph", lang)), fixedrange=True),
        yaxis=dict(categoryorder="array", categoryarray=terms[::-1], tickfont=dict(size=18), fixedrange=True),
    )
    title = _t("terms.dispersion_title", lang, term=terms[0] if len(terms) == 1 else "、".join(terms))
    return charts.style(go.Figure(data=traces, layout=layout), title, 160 + 60 * max(len(terms), 1))


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


def speaker_chart(frame: pd.DataFrame, ds: Dataset, lang: str) -> go.Figure:
    """Each speaker's top terms as bars side by side; orange for words no other
    speaker uses, blue for words shared with another speaker."""
    names = list(dict.fromkeys(frame["speaker"]))
    layout = dict(barmode="overlay", legend=dict(orientation="h", yanchor="top", y=-0.16, x=0, xanchor="left"),
                  margin=dict(t=90, b=70))
    layout.update(_side_by_side(max(len(names), 1), 0.09, [speaker_label(ds, s, lang) for s in names],
                                font=dict(size=19)))
    traces = []
    shown = set()
    for col, speaker in enumerate(names, 1):
        part = frame[frame["speaker"] == speaker]
        axis = "" if col == 1 else str(col)
        for key in ("shared", "own"):
            sub = part[part["shared"] == (key == "shared")]
            if sub.empty:
                continue
            hover = [_t("terms.speaker_hover", lang, term=markup.html(r.term), count=r.count, rate=r.per_1000)
                     for r in sub.itertuples(index=False)]
            traces.append(go.Bar(x=sub["count"], y=sub["term"], orientation="h", xaxis=f"x{axis}", yaxis=f"y{axis}",
                                 name=_t(f"terms.speaker_{key}", lang), legendgroup=key, showlegend=key not in shown,
                                 marker_color=SHARED_COLORS[key], text=sub["count"], textposition="outside",
                                 cliponaxis=False, customdata=hover, hovertemplate="%{customdata}<extra></extra>"))
            shown.add(key)
        layout[f"yaxis{axis}"].update(categoryorder="array", categoryarray=list(part["term"])[::-1],
                                      tickfont=dict(size=18))
        layout[f"xaxis{axis}"].update(rangemode="tozero", title=dict(text=_t("terms.axis_count", lang)))
    rows = frame.groupby("speaker")["rank"].max().max() if len(frame) else 1
    return charts.style(go.Figure(data=traces, layout=layout), _t("terms.speakers_title", lang),
                        max(400, 34 * int(rows) + 220))


def _side_by_side(cols: int, spacing: float, titles: list[str], font: dict) -> dict:
    """The axes and panel titles of ``cols`` panels side by side, laid out as
    ``plotly.subplots.make_subplots(rows=1, cols=cols, horizontal_spacing=spacing,
    subplot_titles=titles)`` lays them out (``xaxis``/``yaxis``, ``xaxis2``/``yaxis2`` ...;
    the traces of panel n go on ``x{n}``/``y{n}``), titles in ``font``."""
    width = (1.0 - spacing * (cols - 1)) / cols
    layout: dict = {"annotations": []}
    for col in range(cols):
        start = sum([width] * col) + col * spacing
        end = start + width
        axis = "" if col == 0 else str(col + 1)
        layout[f"xaxis{axis}"] = dict(domain=[max(0.0, start), min(1.0, end)], anchor=f"y{axis}")
        layout[f"yaxis{axis}"] = dict(domain=[0.0, 1.0], anchor=f"x{axis}")
        if col < len(titles) and titles[col]:
            layout["annotations"].append(dict(
                y=1.0, xref="paper", x=(start + end) / 2.0, yref="paper", text=titles[col], showarrow=False,
                font=font, xanchor="center", yanchor="bottom"))
    return layout


# --- clicks -----------------------------------------------------------------------------------


def selection_points(event) -> list[dict]:
    """The selected points of a plotly chart's event (or its session state)."""
    if not event:
        return []
    try:
        selection = event["selection"]
        points = selection["points"]
    except (KeyError, TypeError):
        return []
    return [dict(p) for p in points or [] if isinstance(p, dict) or hasattr(p, "keys")]


def term_of_point(point: dict) -> str | None:
    """The term a clicked bar stands for (its customdata[0], else its y)."""
    custom = point.get("customdata")
    if isinstance(custom, (list, tuple)) and custom and isinstance(custom[0], str) and custom[0]:
        return custom[0]
    if isinstance(custom, str) and custom:
        return custom
    value = point.get("y")
    return value if isinstance(value, str) and value else None


def clicked_term(event, last: str | None) -> tuple[str | None, str | None]:
    """(term, signature) of a new click, or (None, signature) when the selection
    is empty or the same one already handled (``last``): a selection stays in
    the chart's state over reruns and must not override a later choice."""
    points = selection_points(event)
    terms = [t for t in (term_of_point(p) for p in points) if t]
    signature = "\x1f".join(terms) or None
    if not terms or signature == last:
        return None, signature
    return terms[0], signature
