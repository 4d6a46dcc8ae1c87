"""The handout file in Chromium, offline: its charts' hover boxes show the text as written."""

from __future__ import annotations

import pytest

from study_docs import SCRIPT
from studyboard.dataset import tables as dataset
from studyboard.ingest.document import Document
from studyboard.views import handout

pytestmark = pytest.mark.browser

#: Markup in the sentence that names 长沙 (the map's city hover) and in paragraph 2 (the theme grid's hover).
MARKED = Document(id="marked", title="会议", text="\n".join([
    "习近平主持召开座谈会",
    f"　　习近平在湖南省长沙市主持召开座谈会{SCRIPT}并发表重要讲话。他强调，中部地区是我国重要基地。",
    f"　　习近平强调，要以科技创新引领产业创新{SCRIPT}，积极培育和发展新质生产力。",
]) + "\n")

#: The text of the hover box of one point (plotly's own hover, as the mouse would open it).
HOVER = """([figure, subplot, curve, point]) => {
  const gd = document.querySelectorAll('div.figure')[figure];
  Plotly.Fx.hover(gd, [{curveNumber: curve, pointNumber: point}], subplot);
  const text = gd.querySelector('.hoverlayer').textContent;
  Plotly.Fx.unhover(gd);
  return text;
}"""


@pytest.fixture
def offline(browser):
    """A page that may fetch nothing at all."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    asked: list[str] = []
    context.route("**/*", lambda route: asked.append(route.request.url) or route.abort())
    page = context.new_page()
    yield page
    context.close()
    assert not asked, f"the handout asked for {asked}"


def test_chart_hovers_show_markup_as_text(offline, lexicon):
    ds = dataset.build(MARKED, lexicon)
    offline.set_content(handout.html(ds, lexicon, "zh"), wait_until="load")
    offline.wait_for_function("() => document.querySelectorAll('div.figure .main-svg').length >= 3")
    # the theme grid: paragraph 2 of the first theme (innovation); the text escaped once, shown as written
    grid = offline.evaluate(HOVER, [0, "xy", 0, 1])
    assert grid.startswith("第 2 段 · 科技创新") and f"要以科技创新引领产业创新{SCRIPT}，" in grid
    # the map: 长沙's marker (the named cities' trace), its first mention
    curve = offline.evaluate("() => document.querySelectorAll('div.figure')[1].data.findIndex("
                             "t => t.type === 'scattergeo' && (t.hovertext || []).some(h => h.includes('长沙')))")
    city = offline.evaluate(HOVER, [1, "geo", curve, 0])
    assert city.startswith("长沙市 · 湖南") and f"主持召开座谈会{SCRIPT}并发表" in city
    for shown in (grid, city):
        assert "&lt;" not in shown and "&amp;" not in shown and "&#" not in shown
    # and nothing ran: the markup is text, in the hover boxes as in the page
    assert offline.evaluate("() => document.querySelectorAll('script').length") == 1
