"""The study handout: one self-contained HTML file, and the same as Markdown.

Contents: the document card (with the text's title block) and key numbers,
the outline (学习提纲: a report's tasks and the other speakers' points, or a
structured document's heading tree with its key statements), the notes on the document (talking points and
questions, by paragraph), a glossary of the document's key terms, a theme
summary, province counts and top terms. :func:`contents` assembles them as
plain values; the templates ``handout.html`` (autoescaped, with the style of
``handout.css``, ``outline.css`` and ``title_block.css``) and ``handout.md``
(every value through the ``md`` filter) lay them out. The outline is drawn by
``outline.html`` and the title block by ``title_block.html``, as on the
overview.

The HTML has its style inline and fetches nothing, so it works offline and
prints. The theme summary, the provinces and the top terms carry the board's
own figures (the themes page's paragraph grid, the map, the term bars) as
interactive plotly: each figure's JSON sits in a ``data-figure`` attribute of
its ``<div>`` (escaped once, by the template), and the file's one
``<script>`` (plotly.js, then a few lines that draw every such ``<div>``)
comes last. Without scripts the tables still give every number.
``board_charts=False`` leaves the figures (and plotly.js, about 4.8 MB) out,
with small HTML bars in the tables instead. More figures can be added
(``figures=[(title, fig)]``). The Markdown handout is text only.
"""

from __future__ import annotations

import json

import pandas as pd

from studyboard import i18n
from studyboard.analysis import keyterms, outline, places
from studyboard.dataset.tables import Dataset
from studyboard.lexicon import Lexicon
from studyboard.views import charts, glossaryviews, overview, placeviews
from studyboard.views.labels import theme_names
from studyboard.views.templates import FOLDER, render, render_markdown, safe

TOP_TERMS = 20
#: The colour of the province bars (without the map).
PROVINCE_BAR = "#C0392B"


# --- the tables ---------------------------------------------------------------------


def theme_summary(ds: Dataset) -> pd.DataFrame:
    """Per theme (lexicon order): keyword hits, paragraphs with hits, share of all hits,
    and the paragraphs where it is the main theme.

    Columns: ``theme``, ``name_zh``, ``name_en``, ``color``, ``hits``,
    ``paragraphs``, ``share``, ``main_paragraphs`` (tuple).
    """
    grid = ds.paragraph_themes
    hits = grid.groupby("theme")["hits"].sum()
    paragraphs = grid[grid["hits"] > 0].groupby("theme")["paragraph"].nunique()
    total = int(hits.sum())
    main = outline.dominant_themes(ds)
    out = ds.themes.sort_values("order")[["theme", "name_zh", "name_en", "color"]].reset_index(drop=True)
    out["hits"] = [int(hits.get(t, 0)) for t in out["theme"]]
    out["paragraphs"] = [int(paragraphs.get(t, 0)) for t in out["theme"]]
    out["share"] = [round(h / total, 4) if total else 0.0 for h in out["hits"]]
    out["main_paragraphs"] = [tuple(sorted(p for p, t in main.items() if t == theme)) for theme in out["theme"]]
    return out


def province_counts(ds: Dataset, lexicon: Lexicon) -> pd.DataFrame:
    """Per province of the gazetteer: direct mentions and mentions through a region (related),
    as :func:`studyboard.analysis.places.counts_by_layer` counts them, with the province's names.

    Columns: ``province`` (short name), ``name``, ``en``, ``direct``, ``related``.
    """
    counts = places.counts_by_layer(ds, lexicon)
    provinces = [lexicon.province(code) for code in counts["adcode"]]
    return pd.DataFrame({"province": counts["short"], "name": [p.name for p in provinces],
                         "en": [p.en for p in provinces], "direct": counts["direct"], "related": counts["related"]})


def top_terms(ds: Dataset, lexicon: Lexicon, k: int = TOP_TERMS) -> pd.DataFrame:
    """The most frequent content words, generic policy verbs and people's names left out.

    Columns: ``term``, ``count``, ``paragraphs``.
    """
    names = {p.name for p in lexicon.people}
    terms = ds.terms[~ds.terms["term"].isin(lexicon.policy_verbs | names | set(lexicon.speech_verbs))]
    return terms.head(k)[["term", "count", "paragraphs"]].reset_index(drop=True)


# --- notes --------------------------------------------------------------------------


def _excerpt(text: str, width: int = 36) -> str:
    return text if len(text) <= width else text[:width] + "…"


def note_groups(ds: Dataset, notes: pd.DataFrame | None, lang: str) -> list[tuple[str, str, list[str]]]:
    """The notes by paragraph, the whole document first: (heading, the
    paragraph's opening words or '', the notes' texts oldest first)."""
    if notes is None or notes.empty:
        return []
    texts = dict(zip(ds.paragraphs["paragraph"].astype(int), ds.paragraphs["text"].astype(str)))
    groups = []
    for paragraph in sorted(set(int(p) for p in notes["paragraph"])):
        mine = [str(text) for p, text in zip(notes["paragraph"], notes["text"]) if int(p) == paragraph]
        if paragraph == 0:
            groups.append((i18n.t("handout.notes_whole", lang), "", mine))
        else:
            groups.append((i18n.t("handout.notes_paragraph", lang, n=paragraph), _excerpt(texts.get(paragraph, "")),
                           mine))
    return groups


# --- what the handout shows ----------------------------------------------------------

#: The handout's headings, column heads and notes (i18n keys), by the name the templates use.
WORDS = {
    "title": "handout.title", "outline": "study.outline", "no_outline": "study.no_outline",
    "notes": "handout.notes", "notes_intro": "handout.notes_intro",
    "glossary": "handout.glossary", "no_glossary": "handout.no_glossary", "term": "handout.term",
    "pinyin": "handout.pinyin", "english": "handout.english", "explain": "handout.explain",
    "descriptive": "handout.descriptive",
    "themes": "handout.themes", "theme": "handout.theme", "hits": "handout.hits",
    "paragraphs_with": "handout.paragraphs_with", "main_in": "handout.main_in",
    "themes_figure_note": "handout.themes_figure_note",
    "provinces": "handout.provinces", "province": "handout.province", "direct": "handout.direct",
    "related": "handout.related", "provinces_note": "handout.provinces_note",
    "terms": "handout.terms", "count": "handout.count", "terms_note": "handout.terms_note",
}


def _paragraphs_text(numbers, lang: str) -> str:
    return "、".join(str(n) for n in numbers) if lang == "zh" else ", ".join(str(n) for n in numbers)


def _width(value: float, most: float) -> float:
    """A bar's width in per cent of the longest."""
    return 0 if most <= 0 else round(100 * value / most, 1)


def contents(ds: Dataset, lexicon: Lexicon, lang: str, notes: pd.DataFrame | None = None) -> dict:
    """Everything the handout shows, as plain values in ``lang`` (for both templates)."""
    card = overview.document_card(ds, lexicon, lang)
    items = outline.extract(ds, lexicon)
    entries = keyterms.entries_for(lexicon)
    glossary = keyterms.document_glossary(ds, entries)
    themes = theme_summary(ds)
    names = theme_names(ds, lang)
    most_hits = float(themes["hits"].max()) if len(themes) else 0.0
    provinces = province_counts(ds, lexicon)
    most_direct = float(provinces["direct"].max()) if len(provinces) else 0.0
    terms = top_terms(ds, lexicon)
    most_count = float(terms["count"].max()) if len(terms) else 0.0
    return {
        "lang": lang,
        "words": {name: i18n.t(key, lang) for name, key in WORDS.items()},
        "footer": i18n.t("handout.footer", lang, doc=ds.doc_id),
        "card": {
            "kicker": card["kicker"],
            "title": card["headline"] or card["title"],
            "meta": card["meta"],
            "title_block": card["title_block"],
            "numbers": [(i18n.t(key, lang), int(value)) for key, value in card["numbers"]],
        },
        "outline": overview.outline_records(ds, items, outline.speaker_points(ds, lexicon, items), lang),
        "notes": [{"heading": heading, "excerpt": excerpt, "texts": texts}
                  for heading, excerpt, texts in note_groups(ds, notes, lang)],
        "glossary": [{"term": r.term, "pinyin": r.pinyin, "source": r.source,
                      "english": glossaryviews.rendering_text(entries[r.term].renderings[0], lang)
                      if r.official and entries.get(r.term) and entries[r.term].renderings else r.english,
                      "descriptive": bool(r.english) and not r.official,
                      "explain": r.explain_en if lang == "en" else r.explain_zh} for r in glossary.itertuples()],
        "themes": [{"name": names.get(r.theme, r.theme), "color": r.color, "hits": int(r.hits),
                    "paragraphs": int(r.paragraphs), "main_in": _paragraphs_text(r.main_paragraphs, lang),
                    "bar": _width(r.hits, most_hits)} for r in themes.itertuples()],
        "provinces": [{"name": f"{r.name} ({r.en})" if lang == "en" and r.en else r.name, "direct": int(r.direct),
                       "related": int(r.related), "bar": _width(r.direct, most_direct)}
                      for r in provinces.itertuples()],
        "province_bar": PROVINCE_BAR,
        "terms": [{"term": r.term, "count": int(r.count), "paragraphs": int(r.paragraphs),
                   "bar": _width(r.count, most_count)} for r in terms.itertuples()],
    }


# --- figures ----------------------------------------------------------------------------


def board_figures(ds: Dataset, lexicon: Lexicon, lang: str) -> dict:
    """The board's own figures for the handout's sections, as (figure, plotly config):
    ``themes`` (the themes page's paragraph grid of keyword hits, with numbers),
    ``provinces`` (the map of direct mentions) and ``terms`` (the term bars of the
    top terms, as counted for the table). A section without data has none."""
    out = {}
    if not ds.theme_hits.empty:
        out["themes"] = (overview.theme_figure(ds, lang, row_px=26, show_values=True, narrow=False), charts.CONFIG)
    drawn = overview.map_figure(ds, lexicon, lang, height=520, text_scale=1.0)
    if drawn is not None:
        out["provinces"] = (drawn, {**placeviews.CONFIG})
    bars = overview.term_figure(ds, lang, overview.content_filters(ds, lexicon), top=TOP_TERMS)
    if bars is not None:
        out["terms"] = (bars, charts.CONFIG)
    return out


def figure_spec(fig, config: dict) -> str:
    """A figure and its plotly config as the JSON the handout's script draws
    (``{"figure": …, "config": …}``; the template escapes it into an attribute)."""
    import plotly.io as pio

    return '{"figure":' + pio.to_json(fig, validate=False) + ',"config":' + json.dumps(config) + "}"


def plotly_script() -> str:
    """plotly.js, then the lines that draw every figure (``handout_figures.js``): the handout's one script."""
    from plotly.offline import get_plotlyjs

    return get_plotlyjs() + "\n" + (FOLDER / "handout_figures.js").read_text(encoding="utf-8")


# --- the files ---------------------------------------------------------------------------


def html(ds: Dataset, lexicon: Lexicon, lang: str = "zh", figures=None, *, notes: pd.DataFrame | None = None,
         board_charts: bool = True) -> str:
    """The handout as one HTML document (UTF-8, inline style, nothing fetched).

    ``notes`` is :func:`studyboard.store.notes.frame` of the document (None: no notes
    section); ``board_charts`` embeds the board's figures (see the module's
    description); ``figures`` adds more, each as a section (title, figure).
    """
    drawn = board_figures(ds, lexicon, lang) if board_charts else {}
    added = [(title, figure_spec(fig, charts.CONFIG)) for title, fig in figures or ()]
    return render("handout.html", **contents(ds, lexicon, lang, notes),
                  html_lang="en" if lang == "en" else "zh-Hans", ink=charts.INK, font_family=safe(charts.FONT_FAMILY),
                  figures={name: figure_spec(*spec) for name, spec in drawn.items()}, added=added,
                  bars=not drawn, script=safe(plotly_script()) if drawn or added else None) + "\n"


def markdown(ds: Dataset, lexicon: Lexicon, lang: str = "zh", *, notes: pd.DataFrame | None = None) -> str:
    """The handout as Markdown, text only (document and note text escaped; ``notes`` as for :func:`html`)."""
    return render_markdown("handout.md", **contents(ds, lexicon, lang, notes))


def maker(ds: Dataset, lexicon: Lexicon, lang: str, suffix: str):
    """A function without arguments that makes the handout ("html" or "md") when
    called, with the document's notes as they are then (none if the library
    cannot be read): for a download button that makes its file on the click."""
    def make() -> str:
        from studyboard.store import notes
        from studyboard.errors import InputError

        try:
            found = notes.frame(ds.doc_id)
        except InputError:
            found = None
        if suffix == "md":
            return markdown(ds, lexicon, lang, notes=found)
        return html(ds, lexicon, lang, notes=found)

    return make


def filename(ds: Dataset, suffix: str) -> str:
    """The download name: handout-<doc id>.<suffix>."""
    return f"handout-{ds.doc_id}.{suffix}"
