"""The glossary loader and its views: the table, search, marking terms in text."""

import sys
import types

import pandas as pd

from studyboard.analysis import glossary


def test_newest_official_rendering_first():
    entry = glossary.by_term()["新质生产力"]
    assert entry.english == "new quality productive forces"
    assert entry.pinyin.startswith("xīn")
    assert any("productivity boosters" in r.en for r in entry.renderings)


def test_term_without_official_rendering_falls_back_to_the_gloss():
    entry = glossary.by_term()["产学研"]
    assert entry.renderings == ()
    assert entry.note.startswith("No official English rendering found")
    assert entry.english == entry.gloss_en


# --- the glossary table, search and marking ----------------------------------------


def make_entry(term="测试词", pinyin="cèshì cí", renderings=(), gloss="", note=""):
    return glossary.Entry(term, pinyin, "解释。", "Explanation.", tuple(renderings), gloss, note)


def test_table_in_both_languages():
    entries = glossary.load()
    zh = glossary.table(entries, "zh", {"新质生产力": 2}).set_index("term")
    assert zh.loc["新质生产力", "english"] == "new quality productive forces"
    assert zh.loc["新质生产力", "date"] == "2024-03-20" and zh.loc["新质生产力", "renderings"] == 5
    assert zh.loc["新质生产力", "occurrences"] == 2 and zh.loc["枫桥经验", "occurrences"] == 0
    assert zh.loc["新质生产力", "explain"].startswith("2023年9月习近平在黑龙江考察时首次提出")
    # no official rendering: said so, with the gloss marked as descriptive
    assert not zh.loc["产学研", "official"]
    assert zh.loc["产学研", "english"] == "无官方英译（描述性译法：industry-university-research (collaboration)）"
    en = glossary.table(entries, "en").set_index("term")
    assert "occurrences" not in en.columns
    gloss = "industry-university-research (collaboration)"
    assert en.loc["产学研", "english"] == f"no official rendering (descriptive gloss: {gloss})"
    assert en.loc["枫桥经验", "english"] == "Fengqiao model"
    assert en.loc["新质生产力", "explain"].startswith("A concept first put forward by Xi Jinping")


def test_search_by_term_pinyin_and_any_rendering():
    entries = glossary.load()
    frame = glossary.table(entries, "en")

    def found(query):
        return list(glossary.search(frame, entries, query)["term"])

    assert found("枫桥") == ["枫桥经验"]
    assert found("Fengqiao MODEL") == ["枫桥经验"]
    assert found("xinzhi") == ["新质生产力"]  # pinyin without tones or spaces
    assert found("xīn zhì") == ["新质生产力"]
    assert found("productivity boosters") == ["新质生产力"]  # an older rendering
    assert found("zzzz") == []
    assert len(found("  ")) == len(entries)


def test_occurrences_in_the_seed(seed):
    counts = glossary.occurrences(glossary.load(), seed.paragraphs["text"])
    assert counts["高质量发展"] == 6 and counts["新质生产力"] == 2
    assert counts["两个毫不动摇"] == 1 and counts["枫桥经验"] == 1 and counts["一带一路"] == 1
    only = glossary.in_document(glossary.load(), {"新质生产力": 2, "枫桥经验": 0})
    assert [e.term for e in only] == ["新质生产力"]


def test_english_line_and_hover():
    fresh = glossary.by_term()["新质生产力"]
    assert glossary.english_line(fresh, "en").startswith("new quality productive forces (Xinhua, ")
    assert glossary.english_line(fresh, "en").endswith(", 2024-03-20)")
    assert glossary.hover_text(fresh, "en") == "xīn zhì shēngchǎnlì · new quality productive forces"
    none = make_entry(note="No official English rendering found; none.")
    assert glossary.english_line(none, "zh") == "无可引用的官方英译"
    assert glossary.has_unverified(fresh)  # 'new productivity boosters' is from a secondary mention
    assert not glossary.has_unverified(glossary.by_term()["枫桥经验"])


def test_mark_escapes_and_underlines_glossary_terms():
    html = glossary.mark("<img src=x onerror=alert(1)>发展新质生产力和<script>", glossary.load(), "en")
    assert "<img" not in html and "<script" not in html
    assert html.startswith("&lt;img src=x onerror=alert(1)&gt;发展<abbr class='sb-gloss' title='xīn zhì")
    assert html.endswith(">新质生产力</abbr>和&lt;script&gt;")
    assert glossary.mark("没有术语", glossary.load(), "en") == "没有术语"


def test_longest_term_wins_when_marking():
    html = glossary.mark("黄河流域生态保护和高质量发展", glossary.load(), "zh")
    assert html.count("<abbr") == 1 and html.endswith(">黄河流域生态保护和高质量发展</abbr>")


def test_renderings_html_links_only_to_web_pages():
    bad = glossary.Rendering("evil", "<b>Source</b>", "2024", url="javascript:alert(1)")
    good = glossary.Rendering("fine", "Xinhua", "2023", url="https://english.news.cn/x?a=1&b=2")
    html = glossary.renderings_html(make_entry(renderings=(bad, good)), "en")
    assert "javascript:" not in html and "&lt;b&gt;Source&lt;/b&gt;" in html
    assert "href='https://english.news.cn/x?a=1&amp;b=2'" in html
    table = glossary.renderings(make_entry(renderings=(bad, good)))
    assert list(table["en"]) == ["evil", "fine"]


def test_table_html_escapes():
    hostile = make_entry(term="<script>alert(1)</script>", gloss="<img src=x onerror=alert(1)>")
    html = glossary.table_html(glossary.table([hostile], "en", {}), "en")
    assert "<script" not in html and "<img" not in html and "&lt;script&gt;" in html


def test_pinyin_from_pypinyin_only_where_none_is_given(monkeypatch):
    fake = types.ModuleType("pypinyin")
    fake.Style = types.SimpleNamespace(TONE="tone")
    fake.lazy_pinyin = lambda text, style=None: [f"<{ch}>" for ch in text]
    monkeypatch.setitem(sys.modules, "pypinyin", fake)
    assert glossary.pinyin_of(make_entry(term="新词", pinyin="")) == "<新> <词>"
    assert glossary.pinyin_of(make_entry(term="新词", pinyin="xīn cí")) == "xīn cí"
    monkeypatch.setitem(sys.modules, "pypinyin", None)  # not installed
    assert glossary.pinyin_of(make_entry(term="新词", pinyin="")) == ""
    assert isinstance(glossary.table([make_entry(pinyin="")], "zh"), pd.DataFrame)
