"""The presenter view (学习): one slide per outline item.

A slide shows the item's statement in large type (its heading, the first
clause, stressed), the paragraph's key sentences, the paragraph's key terms
with their glossary gloss on hover, and a small bar of the paragraph's
themes. Everything here is plain functions: the page draws the HTML and the
figure they return. Document text reaches HTML only through
:func:`studyboard.views.markup.html`.

The slide number lives in the URL (``?slide=3``, counted from 1); the QR code
carries the current view's address so that participants open the same slide
on their phones.
"""

from __future__ import annotations

import ipaddress
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from urllib.parse import urlencode, urlsplit

import pandas as pd
import plotly.graph_objects as go

from studyboard.views import charts
from studyboard import i18n
from studyboard.analysis import keyterms, outline
from studyboard.dataset.tables import Dataset
from studyboard.lexicon import Lexicon
from studyboard.views.markup import html as esc
from studyboard.ingest.segment import SpeakerFinder

#: How many further sentences and key terms a slide shows.
KEY_SENTENCES = 3
KEY_TERMS = 6
#: Font sizes a presenter can choose: URL value -> scale of the slide's type.
SIZES = {"s": 0.85, "m": 1.0, "l": 1.2, "xl": 1.45}
DEFAULT_SIZE = "m"
#: Colours of the dark (projector) mode.
DARK_BG = "#111418"
DARK_INK = "#ECEFF1"
DARK_MUTED = "#AAB4BE"
LIGHT_MUTED = "#5F6B76"


@dataclass(frozen=True)
class Slide:
    """What one slide shows (the page lays it out; notes can be added below)."""

    number: int  # 1-based, among the slides shown
    total: int
    item: dict  # the outline row
    label: str  # 任务 2 / Task 2, 总体判断, 李强 …
    role: str  # the speaker's role for another speaker's slide, else ''
    sentences: tuple[tuple[int, str], ...]  # key sentences: (sentence number, text without cue)
    terms: tuple[str, ...]  # key terms of the paragraph, best first


# --- the slide number in the URL -------------------------------------------------


def parse_slide(text: str) -> int | None:
    """A slide number from the URL (whole number from 1), else None."""
    text = (text or "").strip()
    if not text.isdecimal() or len(text) > 6:
        return None
    number = int(text)
    return number if number >= 1 else None


def url_problem(raw: str | None, total: int) -> tuple[str, dict] | None:
    """The message (i18n key and params) for a slide number in the URL that cannot be shown."""
    if raw is None or total == 0:
        return None
    number = parse_slide(raw)
    if number is None:
        return "study.bad_slide", {"value": raw[:20], "total": total}
    if number > total:
        return "study.slide_out_of_range", {"value": number, "total": total}
    return None


def clamp(number: int, total: int) -> int:
    return max(1, min(int(number), max(total, 1)))


def parse_size(text: str) -> str | None:
    """A type size from the URL (s, m, l, xl), else None."""
    return text if text in SIZES else None


def parse_flag(text: str) -> bool | None:
    """dark=1 / dark=0 from the URL, else None."""
    return {"1": True, "0": False}.get(text)


def flag(value: bool) -> str:
    return "1" if value else "0"


def counter_html(text: str) -> str:
    """The slide counter (3 / 10), large and centred in the toolbar."""
    return f'<div class="sb-counter">{esc(text)}</div>'


def size_scale(size: str) -> float:
    return SIZES.get(size, SIZES[DEFAULT_SIZE])


# --- slide content -----------------------------------------------------------------


def sentence_weights(ds: Dataset) -> dict[int, int]:
    """Sentence -> its formulations and theme keywords (how much a sentence says)."""
    formulations = ds.tokens.loc[ds.tokens["formulation"], "sentence"].value_counts()
    hits = ds.theme_hits["sentence"].value_counts()
    return {int(s): int(formulations.get(s, 0)) + int(hits.get(s, 0)) for s in ds.sentences["sentence"]}


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
    weights = sentence_weights(ds) if weights is None else weights
    finder = finder or SpeakerFinder(lexicon)
    out = pd.DataFrame({
        "sentence": rows["sentence"].astype("int64").to_numpy(),
        "text": [_without_cue(finder, text) for text in rows["text"]],
        "weight": [weights.get(int(s), 0) for s in rows["sentence"]],
    })
    best = out.sort_values(["weight", "sentence"], ascending=[False, True]).head(k)
    return best.sort_values("sentence", ignore_index=True)


def _without_cue(finder: SpeakerFinder, text: str) -> str:
    cue = finder.cue(text)
    return text[cue.end():].strip() if cue else text


def item_label(ds: Dataset, item: dict, n_tasks: int, lang: str) -> tuple[str, str]:
    """The label of an outline item and, for another speaker, the speaker's role."""
    kind = item["kind"]
    if kind == "task":
        return i18n.t("study.task", lang, n=int(item["number"]), total=n_tasks), ""
    if kind == "speaker":
        return outline.person(ds, item["speaker"], lang)
    return i18n.t(f"study.{kind}", lang), ""


def labels(ds: Dataset, items: pd.DataFrame, all_items: pd.DataFrame, lang: str) -> dict[int, str]:
    """Slide number -> '3. 任务 2 / 6' for the slide chooser."""
    n_tasks = int((all_items["kind"] == "task").sum())
    return {number: f"{number}. {item_label(ds, row, n_tasks, lang)[0]}"
            for number, row in enumerate(items.to_dict("records"), 1)}


def build(ds: Dataset, lexicon: Lexicon, items: pd.DataFrame, number: int, lang: str,
          all_items: pd.DataFrame | None = None) -> Slide:
    """Slide ``number`` (1-based) of the outline items shown.

    ``all_items`` is the whole outline when ``items`` is filtered; tasks keep
    their numbers and the count of all tasks.
    """
    every = items if all_items is None else all_items
    n_tasks = int((every["kind"] == "task").sum())
    number = clamp(number, len(items))
    item = items.iloc[number - 1].to_dict()
    label, role = item_label(ds, item, n_tasks, lang)
    sentences = key_sentences(ds, lexicon, item)
    terms = keyterms.of_paragraph(ds, lexicon, int(item["paragraph"]), KEY_TERMS)
    return Slide(number, len(items), item, label, role,
                 tuple(zip(sentences["sentence"].tolist(), sentences["text"].tolist())), tuple(terms))


# --- HTML ----------------------------------------------------------------------------


def highlight(text: str, terms, css_class: str = "sb-k") -> str:
    """Escaped HTML of ``text`` with every occurrence of ``terms`` marked (longest first)."""
    terms = sorted({t for t in terms if t}, key=len, reverse=True)
    out, pos = [], 0
    while pos < len(text):
        found = next(((pos, t) for t in terms if text.startswith(t, pos)), None)
        if found:
            out.append(f'<mark class="{css_class}">{esc(found[1])}</mark>')
            pos += len(found[1])
            continue
        nxt = len(text)
        for t in terms:
            at = text.find(t, pos)
            if 0 <= at < nxt:
                nxt = at
        out.append(esc(text[pos:nxt]))
        pos = nxt
    return "".join(out)


def statement_html(item: dict, terms=()) -> str:
    """The statement with its heading (first clause) stressed."""
    statement, head = item["statement"], item["heading"]
    at = statement.find(head) if head else -1
    if at < 0:
        return highlight(statement, terms)
    return (highlight(statement[:at], terms) + f'<strong class="sb-head">{esc(head)}</strong>'
            + highlight(statement[at + len(head):], terms))


def term_chips(terms, lang: str, entries: dict | None = None) -> str:
    """Key terms as chips; a glossary entry's pinyin, English and explanation show on hover."""
    chips = []
    for term in terms:
        gloss = keyterms.gloss(term, lang, entries)
        if gloss:
            chips.append(f'<span class="sb-chip sb-gloss" title="{esc(gloss)}">{esc(term)}</span>')
        else:
            chips.append(f'<span class="sb-chip">{esc(term)}</span>')
    return "".join(chips)


def slide_html(ds: Dataset, slide: Slide, lang: str, entries: dict | None = None, dark: bool = False) -> str:
    """The slide's text as one HTML block (escaped), coloured by the item's theme."""
    item = slide.item
    color = item["color"]
    text_color = charts.readable(color, DARK_BG if dark else "#FFFFFF")
    theme = item["theme"]
    theme_name = charts.theme_names(ds, lang).get(theme, "") if theme else ""
    meta = [slide.label]
    if slide.role:
        meta.append(slide.role)
    if theme_name:
        meta.append(theme_name)
    meta.append(i18n.t("study.paragraph", lang, n=int(item["paragraph"])))
    kicker = " · ".join(esc(part) for part in meta)
    sentences = "".join(f"<li>{highlight(text, slide.terms)}</li>" for _, text in slide.sentences)
    parts = [
        f'<section class="sb-slide" style="--sb-accent: {esc(color)}; --sb-text: {esc(text_color)}" lang="zh-Hans">',
        f'<div class="sb-kicker" lang="{esc(lang)}">{kicker}</div>',
        f'<div class="sb-thesis">{statement_html(item, slide.terms)}</div>',
    ]
    if sentences:
        parts.append(f'<ul class="sb-points">{sentences}</ul>')
    if slide.terms:
        parts.append(f'<div class="sb-terms"><span class="sb-terms-label" lang="{esc(lang)}">'
                     f'{esc(i18n.t("study.key_terms", lang))}</span>{term_chips(slide.terms, lang, entries)}</div>')
    parts.append("</section>")
    return "".join(parts)


def css(dark: bool, scale: float) -> str:
    """The presenter view's style: type sizes for a projector, bright or dark."""
    ink = DARK_INK if dark else charts.INK
    muted = DARK_MUTED if dark else LIGHT_MUTED
    chip_bg = "#232A31" if dark else "#F3F4F6"
    mark_bg = "rgba(255,255,255,0.10)" if dark else "rgba(0,0,0,0.05)"
    app = ""
    if dark:
        app = f"""
[data-testid="stApp"], [data-testid="stHeader"], [data-testid="stMain"], [data-testid="stBottom"] > div {{
  background: {DARK_BG} !important; color: {DARK_INK};
}}
[data-testid="stMain"] p, [data-testid="stMain"] label, [data-testid="stMain"] span,
[data-testid="stMain"] [data-testid="stMarkdownContainer"], [data-testid="stCaptionContainer"] {{
  color: {DARK_INK};
}}
[data-testid="stMain"] a {{ color: #8AB4F8; }}
[data-testid="stMain"] button {{
  background: #1C2228; color: {DARK_INK}; border-color: #3A444E;
}}
[data-testid="stMain"] [data-testid="stSelectbox"] [role="group"] {{
  background: #1C2228; border-color: #3A444E;
}}
[data-testid="stMain"] [data-testid="stSelectbox"] input {{ color: {DARK_INK}; }}
[data-testid="stMain"] [data-testid="stProgressBarTrack"] {{ background: #2A3138; }}
"""
    return f"""<style>
{app}
.sb-slide {{
  --sb-scale: {scale:.2f};
  border-left: 0.5rem solid var(--sb-accent);
  padding: 0.6rem 0 0.4rem 1.6rem; margin: 0.4rem 0 0.8rem 0; color: {ink};
  font-family: {charts.FONT_FAMILY};
}}
.sb-kicker {{
  font-size: calc(1.4rem * var(--sb-scale)); color: {muted}; letter-spacing: 0.02em; margin-bottom: 0.8rem;
}}
.sb-thesis {{
  font-size: calc(3.2rem * var(--sb-scale)); line-height: 1.4; font-weight: 500; margin-bottom: 1.6rem;
}}
.sb-thesis .sb-head {{ color: var(--sb-text); font-weight: 800; }}
.sb-points {{ margin: 0 0 1.6rem 0; padding-left: 1.4em; }}
.sb-points li {{
  font-size: calc(1.85rem * var(--sb-scale)); line-height: 1.6; margin-bottom: 0.6rem; color: {ink};
}}
.sb-points li::marker {{ color: var(--sb-accent); }}
mark.sb-k {{
  background: {mark_bg}; color: inherit; font-weight: 700; padding: 0 0.08em;
  border-bottom: 0.12em solid var(--sb-text); border-radius: 0.1em;
}}
.sb-terms {{ display: flex; flex-wrap: wrap; gap: 0.5rem 0.7rem; align-items: center; }}
.sb-terms-label {{ font-size: calc(1.3rem * var(--sb-scale)); color: {muted}; margin-right: 0.3rem; }}
.sb-chip {{
  font-size: calc(1.6rem * var(--sb-scale)); padding: 0.15em 0.75em; border-radius: 999px;
  background: {chip_bg}; color: {ink}; border: 2px solid var(--sb-text);
}}
.sb-gloss {{ cursor: help; text-decoration: underline dotted; text-underline-offset: 0.25em; }}
.sb-counter {{ text-align: center; font-size: 1.5rem; font-weight: 600; font-variant-numeric: tabular-nums; }}
.st-key-study_talking_points [data-testid="stMarkdownContainer"] p {{
  font-size: calc(1.35rem * {scale:.2f}); line-height: 1.6;
}}
.sb-qr {{ background: #FFFFFF; padding: 12px; border-radius: 8px; width: 100%; max-width: 360px; }}
.sb-qr svg {{ display: block; width: 100%; height: auto; }}
</style>"""


# --- the theme bar ---------------------------------------------------------------------


def theme_bar(ds: Dataset, paragraph: int, lang: str, dark: bool = False, height: int = 64) -> go.Figure:
    """A small stacked bar: the paragraph's theme keyword hits, in theme colours."""
    names = charts.theme_names(ds, lang)
    colors = charts.theme_colors(ds)
    rows = ds.paragraph_themes[(ds.paragraph_themes["paragraph"] == paragraph) & (ds.paragraph_themes["hits"] > 0)]
    order = dict(zip(ds.themes["theme"], ds.themes["order"]))
    rows = rows.sort_values("theme", key=lambda c: c.map(order))
    total = int(rows["hits"].sum())
    traces = []
    for theme, hits, keywords in zip(rows["theme"], rows["hits"], rows["keywords"]):
        share = hits / total if total else 0
        color = colors.get(theme, outline.NO_THEME_COLOR)
        traces.append(go.Bar(
            x=[int(hits)], y=[""], orientation="h", name=names.get(theme, theme),
            marker=dict(color=color, line=dict(width=1, color="#FFFFFF")),
            text=[names.get(theme, theme) if share >= 0.12 else ""], textposition="inside",
            insidetextanchor="middle", textfont=dict(color=charts.ink_on(color), size=charts.BASE_SIZE + 2),
            hovertemplate=f"{esc(names.get(theme, theme))}: %{{x}}<br>{esc(keywords)}<extra></extra>",
        ))
    layout = dict(barmode="stack", showlegend=False, margin=dict(l=0, r=0, t=2, b=2), bargap=0.2,
                  xaxis=dict(visible=False, fixedrange=True), yaxis=dict(visible=False, fixedrange=True))
    if dark:
        layout.update(paper_bgcolor="rgba(0,0,0,0)", plot_bgcolor="rgba(0,0,0,0)", font=dict(color=DARK_INK))
    return charts.style(go.Figure(data=traces, layout=layout), None, height)


# --- sharing -----------------------------------------------------------------------------


def share_url(base: str, params: dict[str, str]) -> str:
    """The current view's address: ``base`` (page URL without query) and its parameters."""
    base = (base or "").split("?", 1)[0].split("#", 1)[0]
    query = urlencode({k: v for k, v in params.items() if v not in (None, "")})
    return f"{base}?{query}" if query else base


def is_local(url: str) -> bool:
    """Whether an address only works on this computer (localhost, 127.x, ::1)."""
    host = urlsplit(url).hostname or ""
    if host in ("", "localhost") or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def qr_svg(data: str) -> str:
    """A QR code of ``data`` as inline SVG (black on white, scales to its box)."""
    import qrcode
    import qrcode.image.svg

    image = qrcode.make(data, image_factory=qrcode.image.svg.SvgPathFillImage, border=2,
                        error_correction=qrcode.constants.ERROR_CORRECT_M)
    root = image.get_image()
    root.set("width", "100%")
    root.set("height", "100%")
    root.set("role", "img")
    return ET.tostring(root, encoding="unicode")
