"""The compare page in a real browser: every chart drawn, in Chinese and English."""

from __future__ import annotations

import pytest

from browser_helpers import errors_on, full_screenshot, main_text, open_page, plot_count
from studyboard import lexicon as lexicon_module
from studyboard.ingest import reflow
from support import SEED_ID, SEED_PATH
from studyboard.dataset import catalog

pytestmark = pytest.mark.browser

#: A paragraph that the seed does not have (test data, not a real text).
ADDED = ("习近平强调，要大力发展数字经济，推动人工智能与实体经济深度融合。数字经济是新的增长点，"
         "人工智能是关键技术。发展数字经济要统筹发展和安全。")


@pytest.fixture(scope="module")
def earlier():
    """A made-up earlier document: the seed's first three paragraphs, one new paragraph and
    the seed's last seven, dated five years before it."""
    structure = reflow.reflow(SEED_PATH.read_text(encoding="utf-8"))
    text = "\n".join(["（测试）推动中部地区崛起工作座谈会", *structure.paragraphs[:3], ADDED,
                      *structure.paragraphs[7:]])
    lex = lexicon_module.load()
    draft = catalog.prepare_text(text, lex)
    if draft.duplicate_of is not None:
        return draft.duplicate_of
    return catalog.add(draft, {"title": "（测试）推动中部地区崛起工作座谈会", "date": "2019-05-21"})


@pytest.mark.parametrize("lang, name", [("zh", "compare"), ("en", "compare_en")])
def test_compare_draws_everything(page, server, earlier, lang, name):
    open_page(page, server)
    open_page(page, server, "compare", docs=f"{earlier.id},{SEED_ID}", trend="数字经济,新质生产力,中部地区崛起",
              **({"lang": "en"} if lang == "en" else {}))
    assert errors_on(page) == []
    # themes, provinces, keyness, trend: four charts, each drawn
    assert page.locator('[data-testid="stPlotlyChart"]').count() == 4
    assert plot_count(page) >= 4
    text = main_text(page)
    if lang == "zh":
        assert "新写入“2024-03-20 在更高起点上扎实推动中部地区崛起”" in text
        assert "数字经济" in text  # dropped since the earlier one: it was only there
    else:
        assert "Formulations: new and dropped" in text and "Trend across all documents" in text
    full_screenshot(page, name)
