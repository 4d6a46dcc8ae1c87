"""The presenter view (学习): one slide per outline item, as HTML and a small figure.

A slide shows the item's statement in large type (its heading, the first
clause, stressed), the paragraph's key sentences, the paragraph's key terms
with their glossary gloss on hover, and a small bar of the paragraph's
themes. In a document with headings a slide is a heading (its number and
title as the statement, its key statements, articles or subheadings as the
points, the key terms and themes of the paragraphs it covers). What a slide
holds is :func:`studyboard.analysis.key_sentences.slide`; here are its label
in the UI language, its HTML (templates ``slide.html`` and
``slide_style.html``), the theme bar, and the messages about the
presenter's URL.

The slide number lives in the URL (``?slide=3``, counted from 1); the QR code
carries the current view's address so that participants open the same slide
on their phones.
"""

from __future__ import annotations

import ipaddress
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from urllib.parse import urlencode, urlsplit

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from studyboard import i18n
from studyboard.analysis import glossary, key_sentences, outline
from studyboard.dataset.tables import Dataset
from studyboard.lexicon import Lexicon
from studyboard.nlp.pinyin import pinyin
from studyboard.views import charts
from studyboard.views.labels import person, term_gloss, theme_names
from studyboard.views.markup import html as plotly_text
from studyboard.views.templates import environment, render, safe

#: Font sizes a presenter can choose: URL value -> scale of the slide's type.
SIZES = {"s": 0.85, "m": 1.0, "l": 1.2, "xl": 1.45}
DEFAULT_SIZE = "m"
#: Colours of the dark (projector) mode.
DARK_BG = "#111418"
DARK_INK = "#ECEFF1"
DARK_MUTED = "#AAB4BE"
DARK_PANEL = "#1C2228"
LIGHT_MUTED = "#5F6B76"


@dataclass(frozen=True)
class Slide:
    """What one slide shows (the page lays it out; notes can be added below)."""

    number: int  # 1-based, among the slides shown
    total: int
    item: dict  # the outline row
    label: str  # 任务 2 / Task 2, 总体判断, 李强 …; a subheading's heading (三、扎实抓好…), else ''

    role: str  # the speaker's role for another speaker's slide, else ''
    sentences: tuple[tuple[int, str], ...]  # key sentences or a heading's points: (sentence number, text)
    terms: tuple[str, ...]  # key terms of the paragraph, best first


# --- the slide number in the URL -------------------------------------------------


#: The highest slide number the address may ask for (the page brings it within range).
MAX_SLIDE = 999_999


def url_problem(raw: str | None, number: int | None, total: int) -> tuple[str, dict] | None:
    """The message (i18n key and params) for a slide number in the URL that cannot be shown: ``raw``
    is the address's text, ``number`` what the page's parser made of it (None: not valid)."""
    if raw is None or total == 0:
        return None
    if number is None:
        return "study.bad_slide", {"value": raw[:20], "total": total}
    if number > total:
        return "study.slide_out_of_range", {"value": number, "total": total}
    return None


def counter_html(text: str, path: str = "") -> str:
    """The slide counter (3 / 10), large and centred in the toolbar; under it, small, the numbers of a
    heading slide's headings (三（一）)."""
    return render("slide_counter.html", text=text, path=path)


def size_scale(size: str) -> float:
    return SIZES.get(size, SIZES[DEFAULT_SIZE])


# --- slide labels and content --------------------------------------------------------


def item_label(ds: Dataset, item: dict, lang: str) -> tuple[str, str]:
    """The label of an outline item and, for another speaker, the speaker's role (a heading has
    none: it is its own statement). A task is 任务1 / Task 1: the slide counter says where it stands."""
    kind = item["kind"]
    if kind == "task":
        return i18n.t("study.task_short", lang, n=int(item["number"])), ""
    if kind == "speaker":
        return person(ds, item["speaker"], lang)
    if kind in ("heading", "key", "article"):
        return "", ""
    return i18n.t(f"study.{kind}", lang), ""


def heading_path(item: dict, all_items: pd.DataFrame) -> tuple[str, str]:
    """A heading's numbers with its parents' (三（一）) and its parent heading's statement (三、扎实抓好…),
    from the whole outline; ('', '') for an item that is no heading."""
    if item["kind"] != "heading":
        return "", ""
    headings = {int(r["section"]): r for r in all_items[all_items["kind"] == "heading"].to_dict("records")}
    numbers, parent = [], item
    while parent is not None:
        numbers.append(str(parent["numbering"]).strip().rstrip("、").strip())
        parent = headings.get(int(parent["parent"]))
    above = headings.get(int(item["parent"]))
    return "".join(reversed(numbers)), above["statement"] if above else ""


def where(item: dict, lang: str) -> str:
    """The item's paragraph (第5段), or the paragraphs a heading covers (第9–11段)."""
    first, last = int(item["paragraph"]), int(item.get("last_paragraph", item["paragraph"]))
    if last > first:
        return i18n.t("study.paragraphs", lang, first=first, last=last)
    return i18n.t("study.paragraph", lang, n=first)


#: Characters of a statement in the slide chooser (longer ones end in …).
JUMP_CHARS = 20


def shorten(text: str, chars: int = JUMP_CHARS) -> str:
    """``text`` cut to ``chars`` characters, ending in … when it was longer (its final full stop dropped)."""
    text = " ".join(str(text).split()).rstrip("。；;.")
    return text if len(text) <= chars else text[:chars].rstrip("，、,;； ") + "…"


def labels(ds: Dataset, items: pd.DataFrame, all_items: pd.DataFrame, lang: str) -> dict[int, str]:
    """Slide number -> its entry in the slide chooser: the number, the item's label and its statement,
    shortened ('3. 任务 2 · 加强与其他重大发展战略的衔接'); a heading is its own statement
    ('4. （一）以科技创新引领产业创新')."""
    out = {}
    for s in key_sentences.slide_list(items, all_items):
        item = s["item"]
        if item["kind"] == "heading":  # short already: its number and title
            out[s["number"]] = f"{s['number']}. {item['statement']}"
            continue
        name = item_label(ds, item, lang)[0]
        statement = shorten(item.get("heading") or item["statement"])
        out[s["number"]] = f"{s['number']}. " + " · ".join(part for part in (name, statement) if part)
    return out


def build(ds: Dataset, lexicon: Lexicon, items: pd.DataFrame, number: int, lang: str,
          all_items: pd.DataFrame | None = None) -> Slide:
    """Slide ``number`` (1-based) of the outline items shown, with its label in ``lang``.

    ``all_items`` is the whole outline when ``items`` is filtered (or holds only the
    slides' items); tasks keep their numbers and the count of all tasks, a heading
    its points and its parent heading.
    """
    content = key_sentences.slide(ds, lexicon, items, number, all_items)
    label, role = item_label(ds, content["item"], lang)
    if content["item"]["kind"] == "heading":
        label = heading_path(content["item"], items if all_items is None else all_items)[1]
    return Slide(content["number"], content["total"], content["item"], label, role, content["sentences"],
                 content["terms"])


# --- HTML ----------------------------------------------------------------------------


def marked(text: str, terms) -> list[tuple[str, bool]]:
    """``text`` in pieces, each (piece, whether it is one of ``terms``); longest terms first."""
    terms = sorted({t for t in terms if t}, key=len, reverse=True)
    out, pos = [], 0
    while pos < len(text):
        found = next((t for t in terms if text.startswith(t, pos)), None)
        if found:
            out.append((found, True))
            pos += len(found)
            continue
        nxt = len(text)
        for t in terms:
            at = text.find(t, pos)
            if 0 <= at < nxt:
                nxt = at
        out.append((text[pos:nxt], False))
        pos = nxt
    return out


def highlight(text: str, terms) -> str:
    """Escaped HTML of ``text`` with every occurrence of ``terms`` marked (longest first)."""
    return str(environment().get_template("slide_macros.html").module.marked(marked(text, terms)))


def _statement(item: dict, terms) -> dict:
    """The statement around its heading, each part in marked pieces (the heading unmarked)."""
    before, head, after = outline.statement_parts(item["statement"], item["heading"])
    return {"before": marked(before, terms), "head": head, "after": marked(after, terms)}


def _chips(terms, lang: str, entries: dict | None) -> list[tuple[str, str, str, bool]]:
    """(term, hover text, what English shows under the term, whether that is the term's pinyin): the
    glossary's English rendering, or the pinyin where the glossary has none; nothing under it in
    Chinese."""
    entries = glossary.by_term() if entries is None else entries
    out = []
    for term in terms:
        english = ""
        if lang != "zh":
            entry = entries.get(term)
            english = entry.english if entry is not None and entry.english else ""
        shown = english or (pinyin(term) if lang != "zh" else "")
        out.append((term, term_gloss(term, lang, entries), shown, bool(shown) and not english))
    return out


def term_chips(terms, lang: str, entries: dict | None = None) -> str:
    """Key terms as chips; a glossary entry's pinyin, English and explanation show on hover, and in
    English each chip shows the term's English (or pinyin) under it."""
    return str(environment().get_template("slide_macros.html").module.chips(_chips(terms, lang, entries)))


#: How a slide is laid out: on the presenter's screen (scaled to fit it) or on a participant's phone
#: (reading sizes, the page scrolls).
LAYOUTS = ("projector", "phone")


def slide_html(ds: Dataset, slide: Slide, lang: str, entries: dict | None = None, dark: bool = False,
               layout: str = "projector") -> str:
    """The slide's text as one HTML block (escaped), coloured by the item's theme, laid out for
    ``layout`` (one of :data:`LAYOUTS`; the style is :func:`css`, which holds both)."""
    if layout not in LAYOUTS:
        raise ValueError(f"unknown slide layout {layout!r}")
    item = slide.item
    theme = item["theme"]
    kicker = [slide.label, slide.role, theme_names(ds, lang).get(theme, "") if theme else "", where(item, lang)]
    return render("slide.html", lang=lang, color=item["color"], layout=layout,
                  text_color=charts.readable(item["color"], DARK_BG if dark else "#FFFFFF"),
                  kicker=[part for part in kicker if part], statement=_statement(item, slide.terms),
                  sentences=[marked(text, slide.terms) for _, text in slide.sentences],
                  terms_label=i18n.t("study.key_terms", lang), chips=_chips(slide.terms, lang, entries))


def css(dark: bool, scale: float) -> str:
    """The presenter view's style: the slide's type for a projector (scaled to fit the window) and for a
    phone (:data:`LAYOUTS`), bright or dark, and the presenter's compact toolbar."""
    return render("slide_style.html", dark=dark, scale=f"{scale:.2f}", dark_bg=DARK_BG, dark_ink=DARK_INK,
                  dark_panel=DARK_PANEL, page_bg=DARK_BG if dark else "#FFFFFF",
                  ink=DARK_INK if dark else charts.INK, muted=DARK_MUTED if dark else LIGHT_MUTED,
                  chip_bg="#232A31" if dark else "#F3F4F6",
                  mark_bg="rgba(255,255,255,0.10)" if dark else "rgba(0,0,0,0.05)",
                  font_family=safe(charts.FONT_FAMILY))


def present_html(lang: str) -> str:
    """The presenter's full-screen button and the script that keeps the slide within the window
    (``slide_present.js``: a measured fit, the F key, full screen), for ``st.html`` with its
    JavaScript allowed. The script is the same for every page and holds no text from a document."""
    return render("slide_present.html", label=i18n.t("study.full_screen", lang),
                  hint=i18n.t("study.full_screen_help", lang))


# --- the theme bar ---------------------------------------------------------------------


def theme_bar(ds: Dataset, paragraphs, lang: str, dark: bool = False, height: int = 64) -> go.Figure:
    """A small stacked bar: the theme keyword hits of a paragraph (or of several, a heading's), in theme
    colours."""
    names = theme_names(ds, lang)
    colors = charts.theme_colors(ds)
    chosen = [int(paragraphs)] if isinstance(paragraphs, (int, np.integer)) else [int(p) for p in paragraphs]
    rows = ds.paragraph_themes[ds.paragraph_themes["paragraph"].isin(chosen) & (ds.paragraph_themes["hits"] > 0)]
    rows = rows.groupby("theme", sort=False).agg(
        hits=("hits", "sum"), keywords=("keywords", lambda k: "、".join(dict.fromkeys(w for text in k
                                                                                    for w in text.split("、"))))
    ).reset_index()
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
            hovertemplate=f"{plotly_text(names.get(theme, theme))}: %{{x}}<br>{plotly_text(keywords)}<extra></extra>",
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


def qr_html(data: str) -> str:
    """The QR code of ``data`` in its white box (class ``sb-qr``)."""
    return render("slide_qr.html", svg=safe(qr_svg(data)))
