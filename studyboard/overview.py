"""The overview page's content: the document card, key numbers and the outline."""

from __future__ import annotations

import pandas as pd

from . import charts, outline
from .dataset import Dataset
from .i18n import t
from .lexicon import Lexicon
from .markup import html


def document_card(ds: Dataset, lexicon: Lexicon, lang: str) -> dict:
    """Title lines, metadata and the key numbers of a document."""
    doc = ds.document
    direct = ds.mentions[~ds.mentions["related"]] if len(ds.mentions) else ds.mentions
    speakers = ds.sentences["speaker"].dropna().nunique()
    return {
        "kicker": doc["kicker"],
        "headline": doc["headline"],
        "title": doc["title"],
        "date": doc["date"],
        "place": doc["place"],
        "source": doc["source"],
        "numbers": [
            ("overview.paragraphs", int(doc["paragraphs"])),
            ("overview.sentences", int(doc["sentences"])),
            ("overview.chars", int(doc["chars"])),
            ("overview.words", int(doc["tokens"])),
            ("overview.speakers", int(speakers)),
            ("overview.provinces", int(direct["province"].replace("", None).dropna().nunique()) if len(direct) else 0),
        ],
    }


# --- the outline ------------------------------------------------------------------


def _statement_html(item: dict) -> str:
    statement, head = item["statement"], item["heading"]
    at = statement.find(head) if head else -1
    if at < 0:
        return html(statement)
    return html(statement[:at]) + f'<strong>{html(head)}</strong>' + html(statement[at + len(head):])


def _label(ds: Dataset, item: dict, lang: str) -> str:
    if item["kind"] == "task":
        return t("study.task_short", lang, n=int(item["number"]))
    return t(f"study.{item['kind']}", lang)


def outline_html(ds: Dataset, items: pd.DataFrame, points: pd.DataFrame, lang: str, link) -> str:
    """The outline as HTML: the main speaker's items as a list, then the other speakers' points.

    Each item has its theme colour, a label (总体判断, 任务1 …), its statement
    with the heading stressed, and a link to its paragraph (``link(paragraph)``
    gives the address). All text is escaped.
    """
    parts = [_STYLE]
    main = items[items["kind"] != "speaker"]
    if not main.empty:
        parts.append('<ol class="sb-outline">')
        for item in main.to_dict("records"):
            parts.append(_row(_label(ds, item, lang), "", _statement_html(item), item, lang, link))
        parts.append("</ol>")
    others = items[items["kind"] == "speaker"]
    if not others.empty:
        parts.append(f'<div class="sb-outline-sub">{html(t("study.other_speakers", lang))}</div>')
        parts.append('<ol class="sb-outline">')
        for item in others.to_dict("records"):
            name, role = outline.person(ds, item["speaker"], lang)
            mine = points[points["item"] == item["item"]]["text"]
            body = "".join(f"<li>{html(text)}</li>" for text in mine)
            parts.append(_row(name, role, f'<ul class="sb-points-list">{body}</ul>', item, lang, link))
        parts.append("</ol>")
    return "".join(parts)


def _row(label: str, role: str, body: str, item: dict, lang: str, link) -> str:
    n = int(item["paragraph"])
    href = html(link(n))
    role_html = f'<span class="sb-role">{html(role)}</span>' if role else ""
    color = item["color"]
    style = f"--sb-c: {color}; --sb-on: {charts.ink_on(color)}; --sb-t: {charts.readable(color)}"
    return (f'<li style="{html(style)}"><div class="sb-item-head">'
            f'<span class="sb-label">{html(label)}</span>{role_html}'
            f'<a class="sb-para" href="{href}" target="_self" title="{html(t("overview.to_reader_title", lang, n=n))}">'
            f'{html(t("overview.to_reader", lang, n=n))}</a></div>'
            f'<div class="sb-item-body">{body}</div></li>')


_STYLE = """<style>
.sb-outline { list-style: none; padding: 0; margin: 0 0 1rem 0; }
.sb-outline > li { border-left: 6px solid var(--sb-c); padding: 0.45rem 0 0.5rem 1rem; margin: 0 0 0.9rem 0; }
.sb-item-head { display: flex; align-items: baseline; gap: 0.6rem; margin-bottom: 0.15rem; }
.sb-label { background: var(--sb-c); color: var(--sb-on); border-radius: 4px; padding: 0.05rem 0.55rem;
            font-size: 0.95rem; font-weight: 600; white-space: nowrap; }
.sb-role { color: #5F6B76; font-size: 0.95rem; }
.sb-para { margin-left: auto; font-size: 0.95rem; white-space: nowrap; text-decoration: none; }
.sb-item-body { font-size: 1.22rem; line-height: 1.65; }
.sb-item-body strong { color: var(--sb-t); }
.sb-outline-sub { font-size: 1.1rem; font-weight: 600; margin: 1.2rem 0 0.6rem 0; color: #5F6B76; }
.sb-points-list { margin: 0.2rem 0 0 0; padding-left: 1.2rem; font-size: 1.1rem; }
.sb-points-list li { margin-bottom: 0.2rem; }
</style>"""
