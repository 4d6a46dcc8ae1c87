"""The reader page's content: the document as HTML with its themes, search
hits and glossary terms marked; the filters; the heatmap click.

:func:`paragraph_html` renders one paragraph (its number, its speaker and its
sentences), so that a page can put other blocks (notes) under each paragraph.
Sentences that carry a selected theme get that theme's colour, the matched
keywords a band in it and a tooltip naming them; glossary terms a dotted
underline whose tooltip gives pinyin, the newest official English rendering
and the explanation; search hits a yellow mark. Every piece of document text
is escaped.

A :class:`Filter` (themes, any/all, speaker, search) decides which paragraphs
match (:func:`matching_paragraphs`); the others are dimmed or hidden
(:func:`layout`). :func:`pick` reads a click on the heatmap
(:func:`studyboard.views.themeviews.paragraph_grid`) back into a paragraph and a
theme.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd

from studyboard.views import charts
from studyboard.analysis import glossary as glossary_module
from studyboard import i18n
from studyboard.dataset.tables import Dataset
from studyboard.analysis.glossary import Entry
from studyboard.views.markup import html as esc

MODES = ("any", "all")
SEARCH_MAX = 40  # characters of a search
SENTENCE_SHARE = 0.28  # how strongly a highlighted sentence takes its theme's colour
BAND = 0.26  # em: height of the keyword band in the theme's colour

#: The reader's styles (one <style> block per page run).
CSS = """
<style>
.sb-head { margin: 0 0 .6rem 0; }
.sb-kicker { font-size: 1.2rem; color: #555; margin: 0 0 .15rem 0; }
.sb-headline { font-size: 2.2rem; font-weight: 700; line-height: 1.35; margin: 0 0 .25rem 0; color: #1A1A1A; }
.sb-subtitle { font-size: 1.25rem; color: #444; margin: 0 0 .25rem 0; }
.sb-meta { font-size: 1rem; color: #666; }
.sb-para { display: flex; gap: .8rem; padding: .5rem .7rem .5rem .3rem; margin: 0 0 .3rem 0;
  border-radius: 6px; border-left: 5px solid transparent; scroll-margin-top: 5rem; }
.sb-side { flex: 0 0 4.2rem; text-align: center; padding-top: .35rem; }
.sb-num { display: inline-block; min-width: 2.3rem; padding: .05rem .4rem; border-radius: 1rem;
  background: #ECECEC; color: #222; font-weight: 700; font-size: 1rem; font-variant-numeric: tabular-nums; }
.sb-speaker { display: block; font-size: .95rem; color: #555; margin-top: .35rem; line-height: 1.25; }
.sb-text { font-size: 1.32rem; line-height: 2.05; color: #1A1A1A; }
.sb-dim { opacity: .33; }
.sb-selected { border-left-color: #222; background: #FBFBF7; box-shadow: 0 0 0 1px #D8D8D8; }
.sb-sent { border-radius: 3px; padding: .14em 0; -webkit-box-decoration-break: clone; box-decoration-break: clone; }
.sb-kw { font-weight: 600; }
.sb-term { text-decoration: underline dotted #444; text-decoration-thickness: 2px; text-underline-offset: .34em;
  cursor: help; }
.sb-hit { background: #FFE14D; outline: 2px solid #9A7B00; border-radius: 2px; }
.sb-hidden { color: #6A6A6A; font-size: 1rem; margin: 0 0 .3rem 5.3rem; }
.sb-legend { display: flex; flex-wrap: wrap; gap: .4rem .9rem; align-items: center; font-size: 1.05rem;
  margin: .1rem 0 .5rem 0; }
.sb-chip { display: inline-flex; align-items: center; gap: .35rem; }
.sb-swatch { display: inline-block; width: 1.05rem; height: 1.05rem; border-radius: 3px; }
.sb-status { font-size: 1.1rem; font-weight: 600; color: #333; margin: .1rem 0 .4rem 0; }
.sb-pinned-label { font-size: 1rem; color: #444; margin: .2rem 0 .2rem .3rem; }
[class*="st-key-reader_notes_"] { margin: -.2rem 0 .4rem 0; padding-left: 5.3rem; box-sizing: border-box; }
.st-key-reader_pinned_notes [data-testid="stMarkdownContainer"] p,
[class*="st-key-reader_notes_"] [data-testid="stExpanderDetails"] [data-testid="stMarkdownContainer"] p {
  font-size: 1.15rem; line-height: 1.7; }
div[data-testid="stLayoutWrapper"]:has(> .st-key-reader_grid_box) { position: sticky; top: 4rem; z-index: 2;
  align-self: flex-start; max-height: calc(100vh - 5rem); overflow-y: auto; }
</style>
"""


@dataclass(frozen=True)
class Filter:
    """What the reader looks for: themes (any or all of them), a speaker, a search."""

    themes: tuple[str, ...] = ()
    mode: str = "any"
    speaker: str = ""
    search: str = ""

    @property
    def active(self) -> bool:
        return bool(self.themes or self.speaker or self.search)


# --- plain values ----------------------------------------------------------------------


def clean_search(text: object) -> str:
    """A search as typed: printable characters only, trimmed, at most SEARCH_MAX characters."""
    text = "" if text is None else str(text)
    return "".join(ch for ch in text if ch.isprintable()).strip()[:SEARCH_MAX]


def speakers(ds: Dataset) -> list[str]:
    """The people who speak in the document, in order of their first sentence."""
    return list(dict.fromkeys(s for s in ds.sentences["speaker"] if isinstance(s, str) and s))


def sentence_counts(ds: Dataset) -> dict[str, int]:
    """How many sentences each speaker speaks."""
    spoken = ds.sentences["speaker"].dropna()
    return {name: int((spoken == name).sum()) for name in speakers(ds)}


def person_name(ds: Dataset, name: str | None, lang: str) -> str:
    """A person's name in the UI language: romanised (people table) in English."""
    if not isinstance(name, str) or not name:
        return ""
    if lang == "en" and len(ds.people):
        match = ds.people.loc[ds.people["name"] == name, "name_en"]
        if len(match) and str(match.iloc[0]):
            return str(match.iloc[0])
    return name


def paragraph_numbers(ds: Dataset) -> list[int]:
    return [int(p) for p in ds.paragraphs["paragraph"]]


def paragraph_label(ds: Dataset, paragraph: int, lang: str, chars: int = 14) -> str:
    """'8 · 习近平指出，要协同推进生态环境…' for a paragraph picker."""
    row = ds.paragraphs[ds.paragraphs["paragraph"] == paragraph]
    if not len(row):
        return str(paragraph)
    text = str(row["text"].iloc[0])
    return f"{paragraph} · {text[:chars]}…" if len(text) > chars else f"{paragraph} · {text}"


# --- URL values -------------------------------------------------------------------------


def para_parser(ds: Dataset):
    """A parser for ?para=: a paragraph of this document, else None (ignored)."""
    numbers = set(paragraph_numbers(ds))

    def parse(text: str) -> int | None:
        number = int(text)
        return number if number in numbers else None

    return parse


def speaker_parser(ds: Dataset):
    """A parser for ?speaker=: a speaker of this document, else None (ignored)."""
    names = set(speakers(ds))
    return lambda text: text if text in names else None


def parse_flag(text: str) -> bool | None:
    """?hide=1 / 0 (also true / false); anything else is ignored."""
    return {"1": True, "true": True, "0": False, "false": False}.get(str(text).strip().lower())


def flag_text(value: bool) -> str:
    return "1" if value else "0"


def load_glossary() -> dict[str, Entry]:
    """The glossary by term; empty when its file is missing or broken (the text then shows no term marks)."""
    try:
        return glossary_module.by_term()
    except (OSError, ValueError, KeyError):
        return {}


# --- search and filters ----------------------------------------------------------------


def search_hits(ds: Dataset, query: str) -> pd.DataFrame:
    """Every occurrence of ``query`` in the body (literal, Latin letters in
    any case): ``paragraph``, ``start``, ``end``."""
    query = clean_search(query)
    columns = ["paragraph", "start", "end"]
    if not query:
        return pd.DataFrame(columns=columns, dtype="int64")
    pattern = re.compile(re.escape(query), re.IGNORECASE)
    rows = [(int(p), m.start(), m.end())
            for p, text in zip(ds.paragraphs["paragraph"], ds.paragraphs["text"])
            for m in pattern.finditer(str(text))]
    return pd.DataFrame(rows, columns=columns, dtype="int64")


def faint_paragraphs(ds: Dataset, themes, mode: str = "any") -> set[int]:
    """Paragraphs a theme filter fades: those without its themes (none without a filter)."""
    if not themes:
        return set()
    return set(paragraph_numbers(ds)) - set(theme_paragraphs(ds, themes, mode))


def theme_paragraphs(ds: Dataset, themes, mode: str = "any") -> list[int]:
    """Paragraphs that carry any (or all) of ``themes``."""
    themes = [t for t in themes if t in set(ds.themes["theme"])]
    if not themes:
        return paragraph_numbers(ds)
    carried = ds.paragraph_themes[(ds.paragraph_themes["hits"] > 0) & ds.paragraph_themes["theme"].isin(themes)]
    per_paragraph = carried["paragraph"].value_counts()
    need = len(themes) if mode == "all" else 1
    return sorted(int(p) for p, n in per_paragraph.items() if n >= need)


def matching_paragraphs(ds: Dataset, flt: Filter) -> list[int]:
    """Paragraphs that meet every active part of the filter (all of them when none is active)."""
    keep = set(paragraph_numbers(ds))
    if flt.themes:
        keep &= set(theme_paragraphs(ds, flt.themes, flt.mode))
    if flt.speaker:
        keep &= {int(p) for p in ds.sentences.loc[ds.sentences["speaker"] == flt.speaker, "paragraph"]}
    if flt.search:
        keep &= {int(p) for p in search_hits(ds, flt.search)["paragraph"]}
    return sorted(keep)


def layout(ds: Dataset, matches, flt: Filter, hide: bool) -> list[tuple]:
    """What the text column shows, in order: ``("paragraph", n, dimmed)``
    and, when ``hide`` is on, ``("hidden", first, last)`` for each run of
    paragraphs that do not match. Nothing is dimmed or hidden without an
    active filter."""
    matches = set(matches)
    items: list[tuple] = []
    run: list[int] = []
    for paragraph in paragraph_numbers(ds):
        if not flt.active or paragraph in matches:
            if run:
                items.append(("hidden", run[0], run[-1]))
                run = []
            items.append(("paragraph", paragraph, False))
        elif hide:
            run.append(paragraph)
        else:
            items.append(("paragraph", paragraph, True))
    if run:
        items.append(("hidden", run[0], run[-1]))
    return items


def summary(ds: Dataset, flt: Filter, matches, lang: str) -> list[str]:
    """Lines that say what the filter found (plain text; escape before HTML)."""
    lines = []
    total = len(ds.paragraphs)
    if flt.search:
        hits = search_hits(ds, flt.search)
        if len(hits):
            lines.append(i18n.t("reader.search_found", lang, query=flt.search, hits=len(hits),
                                paragraphs=hits["paragraph"].nunique()))
        else:
            lines.append(i18n.t("reader.search_none", lang, query=flt.search))
    if flt.active:
        lines.append(i18n.t("reader.matches", lang, n=len(matches), total=total))
    return lines


# --- the heatmap click -----------------------------------------------------------------


def pick(event, ds: Dataset) -> tuple[int, str] | None:
    """The (paragraph, theme) of a click on the paragraph grid, or None.

    ``event`` is what ``st.plotly_chart(..., on_select="rerun")`` returns (or
    a plain dict of the same shape); the cell's ``customdata`` holds
    ``[paragraph, theme]``. Points that name no paragraph or theme of this
    dataset are ignored.
    """
    try:
        points = event["selection"]["points"]
    except (KeyError, TypeError, IndexError):
        return None
    paragraphs = set(paragraph_numbers(ds))
    themes = set(ds.themes["theme"])
    for point in points or []:
        data = point.get("customdata") if isinstance(point, dict) else None
        if not isinstance(data, (list, tuple)) or len(data) < 2:
            continue
        try:
            paragraph = int(data[0])
        except (TypeError, ValueError):
            continue
        if paragraph in paragraphs and str(data[1]) in themes:
            return paragraph, str(data[1])
    return None


def pick_params(picked: tuple[int, str]) -> dict[str, str]:
    """The URL parameters a click sets: that paragraph, and that theme as the theme filter."""
    paragraph, theme = picked
    return {"para": str(paragraph), "themes": theme}


# --- HTML --------------------------------------------------------------------------------


def _attr(text: str) -> str:
    """Text for an attribute value (a tooltip): escaped, line breaks kept."""
    return esc(text).replace("\n", "&#10;")


def glossary_spans(text: str, terms) -> list[tuple[int, int, str]]:
    """Where glossary terms occur in ``text``: longest term first, no overlaps."""
    words = sorted((t for t in terms if t), key=len, reverse=True)
    if not words:
        return []
    pattern = re.compile("|".join(map(re.escape, words)))
    return [(m.start(), m.end(), m.group()) for m in pattern.finditer(text)]


def term_tooltip(entry: Entry, lang: str) -> str:
    """A glossary term's tooltip: term and pinyin, English, explanation in the UI language."""
    lines = [f"{entry.term} · {entry.pinyin}" if entry.pinyin else entry.term]
    if entry.renderings:
        lines.append(i18n.t("reader.term_official", lang, en=entry.renderings[0].en))
    elif entry.gloss_en:
        lines.append(i18n.t("reader.term_gloss", lang, en=entry.gloss_en))
    else:
        lines.append(i18n.t("reader.term_none", lang))
    explanation = entry.explain(lang)
    if explanation:
        lines.append(explanation)
    return "\n".join(lines)


def _segments(length: int, spans: list[tuple[int, int, str, str]], lo: int, hi: int):
    """Cut [lo, hi) at every span boundary; yield (start, end, active spans)."""
    cuts = {lo, hi}
    for start, end, _, _ in spans:
        if start < hi and end > lo:
            cuts.add(max(start, lo))
            cuts.add(min(end, hi))
    points = sorted(cuts)
    for a, b in zip(points, points[1:]):
        yield a, b, [s for s in spans if s[0] <= a and s[1] >= b]


def _segment_html(text: str, active, colors, names, glossary, lang) -> str:
    body = esc(text)
    if not active:
        return body
    classes, shadows, tips = [], [], []
    themes = [payload for _, _, kind, payload in active if kind == "kw"]
    for depth, theme in enumerate(dict.fromkeys(t.split("\x1f")[0] for t in themes), 1):
        shadows.append(f"inset 0 -{BAND * depth:.2f}em 0 {colors.get(theme, '#777777')}")
    if themes:
        classes.append("sb-kw")
        for payload in dict.fromkeys(themes):
            theme, keyword = payload.split("\x1f")
            tips.append(i18n.t("reader.keyword_tip", lang, theme=names.get(theme, theme), keyword=keyword))
    for _, _, kind, payload in active:
        if kind == "term" and payload in glossary:
            classes.append("sb-term")
            tips.insert(0, term_tooltip(glossary[payload], lang))
        elif kind == "hit":
            classes.append("sb-hit")
    attrs = f' class="{" ".join(dict.fromkeys(classes))}"' if classes else ""
    if shadows:
        attrs += f' style="box-shadow: {", ".join(shadows)}"'
    if tips:
        attrs += f' title="{_attr(chr(10).join(tips))}"'
    return f"<span{attrs}>{body}</span>" if attrs else body


def paragraph_html(ds: Dataset, paragraph: int, lang: str, *, flt: Filter = Filter(),
                   glossary: dict[str, Entry] | None = None, dim: bool = False, selected: bool = False,
                   anchor: bool = True) -> str:
    """One paragraph as HTML: number, speaker, sentences with their marks.

    Sentences that carry a theme of ``flt.themes`` take the colour of the one
    with most hits in them and a tooltip listing the matched keywords; each
    keyword gets a band in its theme's colour; glossary terms and search hits
    are marked. ``anchor`` gives the block ``id="p<n>"`` (leave it off for a
    second copy of the paragraph).
    """
    row = ds.paragraphs[ds.paragraphs["paragraph"] == paragraph]
    if not len(row):
        return ""
    text = str(row["text"].iloc[0])
    speaker = row["speaker"].iloc[0]
    colors = charts.theme_colors(ds)
    names = charts.theme_names(ds, lang)
    glossary = glossary or {}
    chosen = [t for t in flt.themes if t in colors]

    spans: list[tuple[int, int, str, str]] = []
    hits = ds.theme_hits[(ds.theme_hits["paragraph"] == paragraph) & ds.theme_hits["theme"].isin(chosen)]
    order = {t: i for i, t in enumerate(chosen)}
    for hit in sorted(hits.itertuples(), key=lambda h: (h.start, order[h.theme])):
        spans.append((int(hit.start), int(hit.end), "kw", f"{hit.theme}\x1f{hit.keyword}"))
    spans += [(a, b, "term", term) for a, b, term in glossary_spans(text, glossary)]
    if flt.search:
        found = search_hits(ds, flt.search)
        spans += [(int(a), int(b), "hit", "") for a, b in
                  zip(found.loc[found["paragraph"] == paragraph, "start"], found.loc[found["paragraph"] == paragraph, "end"])]

    scored = ds.sentence_themes[(ds.sentence_themes["paragraph"] == paragraph)
                                & ds.sentence_themes["theme"].isin(chosen)]
    parts: list[str] = []
    pos = 0
    for sentence in ds.sentences[ds.sentences["paragraph"] == paragraph].itertuples():
        start, end = int(sentence.start), int(sentence.end)
        if start > pos:
            parts.append(esc(text[pos:start]))
        inner = "".join(_segment_html(text[a:b], active, colors, names, glossary, lang)
                        for a, b, active in _segments(len(text), spans, start, end))
        mine = scored[scored["sentence"] == sentence.sentence]
        attrs = f' data-sentence="{int(sentence.sentence)}"'
        if len(mine):
            mine = mine.assign(rank=mine["theme"].map(order)).sort_values(["hits", "rank"], ascending=[False, True])
            lead = str(mine["theme"].iloc[0])
            tip = "\n".join(i18n.t("reader.sentence_tip", lang, theme=names[t], keywords=k)
                            for t, k in zip(mine["theme"], mine["keywords"]))
            attrs += (f' data-themes="{esc(" ".join(mine["theme"]))}"'
                      f' style="background-color: {charts.tint(colors[lead], SENTENCE_SHARE)}"'
                      f' title="{_attr(tip)}"')
        parts.append(f'<span class="sb-sent"{attrs}>{inner}</span>')
        pos = end
    if pos < len(text):
        parts.append(esc(text[pos:]))

    classes = "sb-para" + (" sb-dim" if dim else "") + (" sb-selected" if selected else "")
    ident = f' id="p{int(paragraph)}"' if anchor else ""
    who = person_name(ds, speaker, lang)
    side = f'<span class="sb-num">{int(paragraph)}</span>'
    if who:
        side += f'<span class="sb-speaker">{esc(who)}</span>'
    return (f'<div class="{classes}"{ident} data-paragraph="{int(paragraph)}">'
            f'<div class="sb-side">{side}</div><div class="sb-text">{"".join(parts)}</div></div>')


def status_html(lines) -> str:
    """What the filter found, as one line of HTML."""
    return f'<div class="sb-status">{" · ".join(esc(line) for line in lines)}</div>'


def pinned_html(paragraph: int, lang: str) -> str:
    """The label over the selected paragraph's copy, with a link to its place in the text."""
    label = esc(i18n.t("reader.pinned", lang, n=int(paragraph)))
    jump = esc(i18n.t("reader.pinned_jump", lang))
    return f'<div class="sb-pinned-label"><b>{label}</b> · <a href="#p{int(paragraph)}">{jump}</a></div>'


def hidden_html(first: int, last: int, lang: str) -> str:
    """The line that stands for a run of hidden paragraphs."""
    key = "reader.hidden_one" if first == last else "reader.hidden_run"
    return f'<div class="sb-hidden">{esc(i18n.t(key, lang, first=first, last=last))}</div>'


def heading_html(ds: Dataset) -> str:
    """Kicker, headline, subtitle and the date · place · source line."""
    doc = ds.document
    parts = ['<div class="sb-head">']
    if doc.get("kicker"):
        parts.append(f'<div class="sb-kicker">{esc(doc["kicker"])}</div>')
    parts.append(f'<div class="sb-headline">{esc(doc.get("headline") or doc.get("title") or doc.get("doc_id") or "")}</div>')
    if doc.get("subtitle"):
        parts.append(f'<div class="sb-subtitle">{esc(doc["subtitle"])}</div>')
    meta = " · ".join(str(doc[k]) for k in ("date", "place", "source") if doc.get(k))
    if meta:
        parts.append(f'<div class="sb-meta">{esc(meta)}</div>')
    parts.append("</div>")
    return "".join(parts)


def legend_html(ds: Dataset, themes, lang: str) -> str:
    """The colours of the highlighted themes, as chips."""
    colors = charts.theme_colors(ds)
    names = charts.theme_names(ds, lang)
    chips = [f'<span class="sb-chip"><span class="sb-swatch" style="background:{colors[t]}"></span>'
             f'{esc(names[t])}</span>' for t in themes if t in colors]
    if not chips:
        return ""
    label = esc(i18n.t("reader.legend", lang))
    return f'<div class="sb-legend"><span>{label}</span>{"".join(chips)}</div>'


# --- the method panel ----------------------------------------------------------------------


def provenance_table(ds: Dataset, lang: str) -> pd.DataFrame:
    """How the dataset was made, as rows of ``item`` and ``value``: tokenizer
    and version, its mode, the stopword tier, each lexicon file's SHA-256, the
    hashes of the input and of the tables, the cache key and versions."""
    prov = ds.provenance or {}

    def get(name: str) -> str:
        value = prov.get(name)
        return "—" if value in (None, "") else str(value)

    tier = get("stopword_tier")
    tier_key = f"reader.tier_{tier}"
    tier_text = i18n.t(tier_key, lang) if i18n.has(tier_key) else tier
    rows = [
        (i18n.t("reader.prov_tokenizer", lang), f"{get('tokenizer')} {get('tokenizer_version')}"),
        (i18n.t("reader.prov_mode", lang), get("tokenizer_mode")),
        (i18n.t("reader.prov_tier", lang), tier_text),
    ]
    for name, digest in (prov.get("lexicon") or {}).items():
        rows.append((i18n.t("reader.prov_lexicon", lang, file=name), str(digest)))
    rows += [
        (i18n.t("reader.prov_input", lang), get("input_sha256")),
        (i18n.t("reader.prov_dataset", lang), get("dataset_sha256")),
        (i18n.t("reader.prov_cache", lang), get("cache_key")),
        (i18n.t("reader.prov_version", lang), get("dataset_version")),
        (i18n.t("reader.prov_software", lang), f"Python {get('python')} · pandas {get('pandas')}"),
    ]
    return pd.DataFrame(rows, columns=[i18n.t("reader.prov_item", lang), i18n.t("reader.prov_value", lang)])
