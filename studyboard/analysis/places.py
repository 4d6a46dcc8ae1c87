"""Place mentions counted: per province, per kind or grouping, per city, per sentence.

Everything that counts where a document names a place is here, as plain
DataFrames and records (the map page, the compare page and the handout all
count with :func:`province_counts`):

* :func:`scoped_mentions`: the mentions a layer counts, in the theme filter's
  sentences;
* :func:`province_counts` and :func:`part_counts`: mentions per province, and
  per province and kind (direct layer) or grouping (related layer), as counts
  and per 1,000 characters in scope, with the first sentence that mentions it;
  :func:`counts_by_layer`: both layers side by side;
* :func:`city_counts` and :func:`meeting_place`: the cities that are named
  and the place of the meeting (the document's ``place`` field);
* :func:`sentence_mentions` and :func:`mention_rows`: every sentence that
  mentions a province, and every mention with its context.

Two layers, never mixed: **direct** mentions (province names, cities,
officials' titles; a city counts for its province) and **related** mentions
(regional groupings such as 长江经济带, counted for each member province).
The shared theme filter (:mod:`studyboard.analysis.filters`, by sentence)
narrows both; rates are per 1,000 characters of the text in scope (the
whole body, or the sentences of the chosen themes). Kinds and groupings are
codes and names as the lexicon writes them; the views name them in the UI
language.
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from studyboard.analysis import filters
from studyboard.dataset.tables import Dataset
from studyboard.lexicon import Lexicon
from studyboard.nlp.places import DIRECT_KINDS, Gazetteer

#: The two layers of counts: direct mentions and regional groupings.
LAYERS = ("direct", "related")


# --- scope: theme filter, kinds, layer --------------------------------------------


def scope_chars(ds: Dataset, themes: Iterable[str] = (), mode: str = "any") -> int:
    """Characters of the text in scope: the body, or the sentences of the chosen themes."""
    chosen = filters.theme_sentences(ds, themes, mode)
    if chosen is None:
        return int(ds.document["chars"])
    return int(ds.sentences.loc[ds.sentences["sentence"].isin(chosen), "chars"].sum())


def scoped_mentions(ds: Dataset, layer: str = "direct", kinds: Iterable[str] = DIRECT_KINDS,
                    themes: Iterable[str] = (), mode: str = "any") -> pd.DataFrame:
    """The mentions a layer counts: direct ones of the chosen kinds, or regional
    groupings (one row per member province); only in the sentences in scope."""
    m = ds.mentions
    if layer == "related":
        keep = m["related"].astype(bool)
    else:
        keep = ~m["related"].astype(bool) & m["kind"].isin(tuple(kinds))
    chosen = filters.theme_sentences(ds, themes, mode)
    if chosen is not None:
        keep &= m["sentence"].isin(chosen)
    return m[keep].reset_index(drop=True)


def _rate(n: int, chars: int) -> float:
    return round(1000.0 * n / chars, 3) if chars else 0.0


# --- counts ---------------------------------------------------------------------


def part_counts(ds: Dataset, lexicon: Lexicon, *, layer: str = "direct", kinds: Iterable[str] = DIRECT_KINDS,
                themes: Iterable[str] = (), mode: str = "any") -> pd.DataFrame:
    """Mentions per province and part (kind on the direct layer, grouping on the related one).

    Columns: adcode, part (a kind of :data:`DIRECT_KINDS`, or a grouping's
    name as the lexicon writes it), order (of the part: kind order, or order
    of first mention for groupings), count, rate (per 1,000 characters in
    scope). Rows only where count > 0, provinces in gazetteer order, then
    parts in order.
    """
    kinds = tuple(kinds)
    m = scoped_mentions(ds, layer, kinds, themes, mode)
    m = m[m["adcode"].isin([p.adcode for p in lexicon.provinces])]
    chars = scope_chars(ds, themes, mode)
    column = "place" if layer == "related" else "kind"
    parts = list(dict.fromkeys(m[column])) if layer == "related" else [k for k in DIRECT_KINDS if k in kinds]
    rows = []
    for p in lexicon.provinces:
        here = m[m["adcode"] == p.adcode]
        for part in parts:
            n = int((here[column] == part).sum())
            if n:
                rows.append((p.adcode, part, parts.index(part), n, _rate(n, chars)))
    return pd.DataFrame(rows, columns=["adcode", "part", "order", "count", "rate"])


def province_counts(ds: Dataset, lexicon: Lexicon, *, layer: str = "direct", kinds: Iterable[str] = DIRECT_KINDS,
                    themes: Iterable[str] = (), mode: str = "any") -> pd.DataFrame:
    """Mentions of each province of the gazetteer on a layer, in gazetteer order:
    the one count of provinces that every page and the handout use.

    Columns: adcode, short (the short Chinese name), count, rate (per 1,000
    characters in scope), first_paragraph, first_sentence, first_text (the
    first sentence that mentions the province on this layer; 0 and "" when
    none does).
    """
    m = scoped_mentions(ds, layer, tuple(kinds), themes, mode)
    chars = scope_chars(ds, themes, mode)
    texts = ds.sentences.set_index("sentence")["text"]
    rows = []
    for p in lexicon.provinces:
        here = m[m["adcode"] == p.adcode].sort_values(["sentence", "start"])
        n = int(len(here))
        if n:
            first = here.iloc[0]
            first_p, first_s = int(first["paragraph"]), int(first["sentence"])
            first_text = str(texts.get(first_s, ""))
        else:
            first_p, first_s, first_text = 0, 0, ""
        rows.append((p.adcode, p.short, n, _rate(n, chars), first_p, first_s, first_text))
    return pd.DataFrame(rows, columns=["adcode", "short", "count", "rate", "first_paragraph", "first_sentence",
                                       "first_text"])


def counts_by_layer(ds: Dataset, lexicon: Lexicon) -> pd.DataFrame:
    """Both layers side by side, in gazetteer order: adcode, short, direct
    (mentions of every kind), related (mentions through a regional grouping)."""
    direct = province_counts(ds, lexicon, layer="direct")
    related = province_counts(ds, lexicon, layer="related")
    return pd.DataFrame({"adcode": direct["adcode"], "short": direct["short"], "direct": direct["count"],
                         "related": related["count"]})


def city_counts(ds: Dataset, lexicon: Lexicon, *, kinds: Iterable[str] = DIRECT_KINDS,
                themes: Iterable[str] = (), mode: str = "any") -> pd.DataFrame:
    """The cities named in scope (as a city or in an official's title), with their points.

    Columns: adcode, name, short, en (the lexicon's English name, "" if
    none), province (its adcode), lon, lat, count, first_paragraph,
    first_text; in order of first mention.
    """
    m = scoped_mentions(ds, "direct", kinds, themes, mode)
    m = m[m["city"].astype(str) != ""].sort_values(["sentence", "start"])
    cities = {c.adcode: c for c in lexicon.cities}
    texts = ds.sentences.set_index("sentence")["text"]
    rows = []
    for code in dict.fromkeys(m["city"]):
        city = cities.get(code)
        if city is None:
            continue
        here = m[m["city"] == code]
        first = here.iloc[0]
        rows.append((code, city.name, city.short, city.en, city.province, city.lon, city.lat, len(here),
                     int(first["paragraph"]), str(texts.get(int(first["sentence"]), ""))))
    return pd.DataFrame(rows, columns=["adcode", "name", "short", "en", "province", "lon", "lat", "count",
                                       "first_paragraph", "first_text"])


def meeting_place(ds: Dataset, lexicon: Lexicon) -> dict | None:
    """Where the meeting was held, from the document's ``place`` field.

    The most precise place the gazetteer finds in it: a city (with its point
    and province) or else a province. None when the field is empty or names
    no place of the gazetteer. Keys: text (the field), kind, adcode, name,
    en (its English name, "" if none), province, lon, lat (None for a province).
    """
    text = str(ds.document.get("place") or "").strip()
    if not text:
        return None
    found = Gazetteer(lexicon).find_place(text)
    cities = {c.adcode: c for c in lexicon.cities}
    for place in reversed(found):
        if place.kind == "city" and place.city in cities:
            city = cities[place.city]
            return {"text": text, "kind": "city", "adcode": city.adcode, "name": city.short, "en": city.en,
                    "province": city.province, "lon": city.lon, "lat": city.lat}
    for place in found:
        if place.kind == "province" and place.adcodes:
            return {"text": text, "kind": "province", "adcode": place.adcodes[0], "name": place.place,
                    "en": lexicon.province(place.adcodes[0]).en, "province": place.adcodes[0],
                    "lon": None, "lat": None}
    return None


def parse_province(text: str, lexicon: Lexicon) -> str | None:
    """A province from a URL value (adcode, full or short name), as its adcode; None if unknown."""
    try:
        return lexicon.province((text or "").strip()).adcode
    except KeyError:
        return None


# --- sentences and mentions -------------------------------------------------------


def sentence_mentions(ds: Dataset, adcode: str, layer: str = "direct", kinds: Iterable[str] = DIRECT_KINDS,
                      themes: Iterable[str] = (), mode: str = "any") -> pd.DataFrame:
    """Every sentence in scope that mentions a province on a layer.

    Columns: paragraph, sentence, text, spans (list of (start, end, surface,
    kind) with offsets into the sentence); in text order.
    """
    m = scoped_mentions(ds, layer, kinds, themes, mode)
    m = m[m["adcode"] == adcode].sort_values(["sentence", "start"])
    sentences = ds.sentences.set_index("sentence")
    rows = []
    for number, group in m.groupby("sentence", sort=True):
        sentence = sentences.loc[number]
        offset = int(sentence["start"])
        spans = [(int(r.start) - offset, int(r.end) - offset, str(r.surface), str(r.kind))
                 for r in group.drop_duplicates("mention").itertuples()]
        rows.append((int(sentence["paragraph"]), int(number), str(sentence["text"]), spans))
    return pd.DataFrame(rows, columns=["paragraph", "sentence", "text", "spans"])


def mention_rows(ds: Dataset, layer: str = "direct", kinds: Iterable[str] = DIRECT_KINDS,
                 themes: Iterable[str] = (), mode: str = "any") -> pd.DataFrame:
    """One row per mention on a layer, in text order.

    Columns: adcodes (tuple: the province, or a grouping's member provinces
    among the gazetteer's, empty when it has none), kind, surface (the words
    as written), paragraph, sentence (its number in the paragraph), context
    (the whole sentence).
    """
    m = scoped_mentions(ds, layer, kinds, themes, mode).sort_values(["sentence", "start"], kind="stable")
    sentences = ds.sentences.set_index("sentence")
    rows = []
    for _, group in m.groupby("mention", sort=False):
        first = group.iloc[0]
        sentence = sentences.loc[int(first["sentence"])]
        rows.append((tuple(a for a in group["adcode"] if a), str(first["kind"]), str(first["surface"]),
                     int(first["paragraph"]), int(sentence["index"]), str(sentence["text"])))
    return pd.DataFrame(rows, columns=["adcodes", "kind", "surface", "paragraph", "sentence", "context"])
