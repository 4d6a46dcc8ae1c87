"""The glossary in the UI language (studyboard.views.glossaryviews): the table, its HTML, marking terms in text."""

from studyboard.analysis import glossary
from studyboard.views import glossaryviews


def make_entry(term="测试词", pinyin="cèshì cí", renderings=(), gloss="", note=""):
    return glossary.Entry(term, pinyin, "解释。", "Explanation.", tuple(renderings), gloss, note)


def test_table_in_both_languages():
    entries = glossary.load()
    zh = glossaryviews.in_language(glossary.table(entries, {"新质生产力": 2}), "zh").set_index("term")
    assert zh.loc["新质生产力", "english"] == "new quality productive forces"
    assert zh.loc["新质生产力", "date"] == "2024-03-20" and zh.loc["新质生产力", "renderings"] == 5
    assert zh.loc["新质生产力", "occurrences"] == 2 and zh.loc["枫桥经验", "occurrences"] == 0
    assert zh.loc["新质生产力", "explain"].startswith("2023年9月习近平在黑龙江考察时首次提出")
    # no official rendering: said so, with the gloss marked as descriptive
    assert not zh.loc["产学研", "official"]
    assert zh.loc["产学研", "english"] == "无官方英译（描述性译法：industry-university-research (collaboration)）"
    en = glossaryviews.in_language(glossary.table(entries), "en").set_index("term")
    assert "occurrences" not in en.columns
    gloss = "industry-university-research (collaboration)"
    assert en.loc["产学研", "english"] == f"no official rendering (descriptive gloss: {gloss})"
    # newest: Qiushi's 'Fengqiao model', read in a republication (not a primary publisher's page)
    assert en.loc["枫桥经验", "english"] == "Fengqiao model (unverified)"
    assert zh.loc["枫桥经验", "english"] == "Fengqiao model（未核实）"
    assert en.loc["新质生产力", "english"] == "new quality productive forces"  # Xinhua's own page
    assert en.loc["新质生产力", "explain"].startswith("A concept first put forward by Xi Jinping")


def test_english_line_and_hover():
    fresh = glossary.by_term()["新质生产力"]
    assert glossaryviews.english_line(fresh, "en").startswith("new quality productive forces (Xinhua, ")
    assert glossaryviews.english_line(fresh, "en").endswith(", 2024-03-20)")
    assert glossaryviews.hover_text(fresh, "en") == "xīn zhì shēngchǎnlì · new quality productive forces"
    modern = glossary.by_term()["现代化产业体系"]  # Xinhua via People's Daily Online: unverified
    assert glossaryviews.hover_text(modern, "en") == "xiàndàihuà chǎnyè tǐxì · modern industrial system (unverified)"
    assert glossaryviews.hover_text(modern, "zh") == "xiàndàihuà chǎnyè tǐxì · modern industrial system（未核实）"
    assert glossaryviews.english_line(modern, "zh").startswith("modern industrial system（未核实） (Xinhua via People")
    none = make_entry(note="No official English rendering found; none.")
    assert glossaryviews.english_line(none, "zh") == "无可引用的官方英译"


def test_mark_escapes_and_underlines_glossary_terms():
    html = glossaryviews.mark("<img src=x onerror=alert(1)>发展新质生产力和<script>", glossary.load(), "en")
    assert "<img" not in html and "<script" not in html
    assert html.startswith("&lt;img src=x onerror=alert(1)&gt;发展<abbr class='sb-gloss' title='xīn zhì")
    assert html.endswith(">新质生产力</abbr>和&lt;script&gt;")
    assert glossaryviews.mark("没有术语", glossary.load(), "en") == "没有术语"


def test_longest_term_wins_when_marking():
    html = glossaryviews.mark("黄河流域生态保护和高质量发展", glossary.load(), "zh")
    assert html.count("<abbr") == 1 and html.endswith(">黄河流域生态保护和高质量发展</abbr>")


def test_renderings_html_links_only_to_web_pages():
    bad = glossary.Rendering("evil", "<b>Source</b>", "2024", url="javascript:alert(1)")
    good = glossary.Rendering("fine", "Xinhua", "2023", url="https://english.news.cn/x?a=1&b=2")
    html = glossaryviews.renderings_html(make_entry(renderings=(bad, good)), "en")
    assert "javascript:" not in html and "&lt;b&gt;Source&lt;/b&gt;" in html
    assert "href='https://english.news.cn/x?a=1&amp;b=2'" in html
    # the status column in the UI language: primary (the default) or unverified
    checked = glossary.Rendering("checked", "Xinhua", "2023")
    loose = glossary.Rendering("loose", "CGTN", "2022", verified=False)
    html = glossaryviews.renderings_html(make_entry(renderings=(checked, loose)), "zh")
    assert html.index("已核实（主要发布方原网页）") < html.index("未核实")


def test_table_html_escapes():
    hostile = make_entry(term="<script>alert(1)</script>", gloss="<img src=x onerror=alert(1)>")
    html = glossaryviews.table_html(glossaryviews.in_language(glossary.table([hostile], {}), "en"), "en")
    assert "<script" not in html and "<img" not in html and "&lt;script&gt;" in html
