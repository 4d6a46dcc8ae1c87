"""The overview's content: the document card and the outline as HTML."""

from __future__ import annotations

import pytest

from study_docs import HOSTILE, IMG, SCRIPT
from studyboard import dataset, outline, overview


def link(paragraph: int) -> str:
    return f"./reader?doc=x&para={paragraph}"


@pytest.fixture(scope="module")
def seed_outline(seed, lexicon):
    items = outline.extract(seed, lexicon)
    return items, outline.speaker_points(seed, lexicon, items)


def test_card_numbers(seed, lexicon):
    card = overview.document_card(seed, lexicon, "zh")
    numbers = dict(card["numbers"])
    assert numbers["overview.paragraphs"] == 14 and numbers["overview.provinces"] == 6
    assert numbers["overview.speakers"] == 3  # 习近平, 李强 and 丁薛祥 speak


def test_outline_html(seed, seed_outline):
    items, points = seed_outline
    html = overview.outline_html(seed, items, points, "zh", link)
    assert html.count('<ol class="sb-outline">') == 2  # the main speaker's items, the other speakers
    assert '<span class="sb-label">任务3</span>' in html
    assert "<strong>统筹推进深层次改革和高水平开放</strong>" in html
    assert 'href="./reader?doc=x&amp;para=7"' in html
    # the label of task 2 (orange) is set in dark ink, its heading in a darker orange that reads on white
    assert "--sb-c: #E69F00; --sb-on: #222222; --sb-t: #966700" in html


def test_outline_html_in_english(seed, seed_outline):
    items, points = seed_outline
    html = overview.outline_html(seed, items, points, "en", link)
    assert "Opening judgement" in html and "Closing point" in html and "Ding Xuexiang" in html
    assert "Read paragraph 13 in the reader" in html


def test_outline_html_escapes_the_text(lexicon):
    ds = dataset.build(HOSTILE, lexicon)
    items = outline.extract(ds, lexicon)
    html = overview.outline_html(ds, items, outline.speaker_points(ds, lexicon, items), "zh", link)
    assert SCRIPT not in html and IMG not in html and "<script" not in html and "<img" not in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
