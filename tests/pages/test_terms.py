"""The terms page (app_pages/terms.py) in AppTest: filters from the URL, term
selection by a bar click, the open term's KWIC, the other views, bad states.

Expected values come from reading the seed (see tests/test_terms.py): 高质量发展
6 times, 2 of them in ecology sentences (¶6, ¶13); 新质生产力 twice, in no
ecology sentence; Li Qiang speaks only in ¶12, where no food or energy
security keyword occurs.
"""

from __future__ import annotations

from pages_helpers import no_exceptions, plotly_specs, plotly_values


def bar_terms(at) -> list[str]:
    """The terms of the bar chart, in the order shown from the top."""
    spec = plotly_specs(at)[0]
    return list(reversed(spec["layout"]["yaxis"]["categoryarray"]))


def bar_counts(at) -> dict[str, int]:
    spec = plotly_specs(at)[0]
    return {y: x for trace in spec["data"] for x, y in zip(plotly_values(trace["x"]), plotly_values(trace["y"]))}


def kwic_html(at) -> str:
    found = [m.value for m in at.markdown if "sb-kwic" in m.value]
    assert len(found) == 1
    return found[0]


def texts(elements) -> str:
    return " ".join(e.value for e in elements)


def test_default_view(run_page):
    at = run_page("terms")
    no_exceptions(at)
    assert at.title[0].value == "词频与术语"
    top = bar_terms(at)
    assert len(top) == 20 and "中部地区" in top and "发展" in top
    counts = bar_counts(at)
    assert counts["高质量发展"] == 6 and counts["中部地区崛起"] == 8 and counts["推动"] == 15
    spec = plotly_specs(at)[0]
    assert spec["layout"]["title"]["text"] == "高频词前 20 个"
    assert {trace["name"] for trace in spec["data"]} == {"术语表词条", "其他词语", "政策动词"}
    assert "统计 52/52 句" in texts(at.caption)
    assert at.dataframe[0].value["term"].iloc[0] == "发展"


def test_filters_from_the_url(run_page):
    at = run_page("terms", tier="policy", pos="nouns", minlen="4", top="10", exclude="中部地区崛起,座谈会")
    no_exceptions(at)
    top = bar_terms(at)
    assert len(top) == 10
    assert "推动" not in top and "座谈会" not in top and "中部地区崛起" not in top
    assert all(len(term) >= 4 for term in top)
    assert bar_counts(at)["高质量发展"] == 6 and bar_counts(at)["中部地区"] == 6
    assert at.toggle(key="terms_drop_policy").value is True
    assert at.text_input(key="terms_exclude").value == "中部地区崛起,座谈会"
    assert at.query_params["minlen"] == "4" and at.query_params["tier"] == "policy"


def test_theme_filter_and_an_open_term(run_page):
    at = run_page("terms", themes="ecology", term="高质量发展")
    no_exceptions(at)
    # 高质量发展 in an ecology sentence: only ¶13's 厚植高质量发展的绿色底色 (¶6's stands in the name
    # 黄河流域生态保护和高质量发展, whose 生态保护 is an exclusion of the theme)
    counted = at.dataframe[0].value.set_index("term")["count"]
    assert counted["高质量发展"] == 1 and "新质生产力" not in counted.index
    assert "主题筛选：绿色发展" in texts(at.caption)
    html = kwic_html(at)
    assert html.count("<tr>") == 2  # header and the one ecology sentence
    assert "para=13" in html and "para=6" not in html and "para=10" not in html
    assert "themes=ecology" in html  # the reader link keeps the theme filter
    assert ("出现次数：在当前筛选下出现 1 次（其中 0 次在更长的提法中），分布在 1 段。"
            "词频：作为独立的词 1 次，下面的语境逐一列出。") in texts(at.markdown)
    dispersion = plotly_specs(at)[1]
    assert len(plotly_values(dispersion["data"][0]["x"])) == 1


def test_speaker_filter(run_page):
    at = run_page("terms", speaker="丁薛祥", term="新质生产力")
    no_exceptions(at)
    assert at.segmented_control(key="terms_speaker").value == "丁薛祥"
    assert bar_terms(at)[0] == "高质量发展" and bar_counts(at)["高质量发展"] == 3
    assert kwic_html(at).count("<tr>") == 2 and "para=13" in kwic_html(at)


def test_clicking_a_bar_opens_the_term(run_page):
    at = run_page("terms")
    assert at.selectbox(key="terms_term").value is None
    at.session_state["terms_bar"] = {"selection": {"points": [
        {"x": 2, "y": "新质生产力", "customdata": ["新质生产力", ""], "curve_number": 0, "point_index": 0}]}}
    at.run()
    no_exceptions(at)
    assert at.selectbox(key="terms_term").value == "新质生产力"
    assert at.query_params["term"] == "新质生产力"
    html = kwic_html(at)
    assert html.count("<tr>") == 3 and "para=5" in html and "para=13" in html
    # the glossary card of the term
    assert "new quality productive forces" in texts(at.markdown)


def test_english(run_page):
    at = run_page("terms", lang="en", term="高质量发展")
    no_exceptions(at)
    assert at.title[0].value == "Terms and glossary"
    spec = plotly_specs(at)[0]
    assert spec["layout"]["title"]["text"] == "Top 20 terms"
    assert spec["layout"]["xaxis"]["title"]["text"] == "Occurrences"
    assert "Left context" in kwic_html(at)
    assert plotly_specs(at)[1]["layout"]["xaxis"]["title"]["text"] == "Paragraph"


def test_no_sentences_left(run_page):
    at = run_page("terms", speaker="李强", themes="security")
    assert not at.exception
    assert any("没有留下任何句子" in i.value for i in at.info)
    assert plotly_specs(at) == []


def test_no_terms_left(run_page):
    at = run_page("terms", pos="verbs", minlen="8")
    assert not at.exception and not at.error
    assert any("没有留下任何词语" in i.value for i in at.info)


def test_term_without_hits_under_the_filters(run_page):
    at = run_page("terms", themes="ecology", term="新质生产力")
    assert not at.exception and not at.error
    assert any("没有出现" in i.value for i in at.info)


def test_slides(run_page):
    at = run_page("terms", section="slides")
    no_exceptions(at)
    spec = plotly_specs(at)[0]
    assert spec["data"][0]["type"] == "treemap" and "发展" in plotly_values(spec["data"][0]["labels"])
    at = run_page("terms", section="slides", shape="cloud", top="30")
    no_exceptions(at)
    spec = plotly_specs(at)[0]
    assert spec["data"][0]["mode"] == "text" and "高质量发展" in plotly_values(spec["data"][0]["text"])


def test_keywords_and_ngrams(run_page):
    at = run_page("terms", section="keywords", tier="policy")
    no_exceptions(at)
    keywords, grams = at.dataframe[0].value, at.dataframe[1].value
    assert "中部地区崛起" in set(keywords["tfidf"]) and "中部地区崛起" in set(keywords["textrank"])
    assert "推动" not in set(keywords["tfidf"])
    # ¶2 names three Standing Committee members (中共中央政治局常委: 中共中央 政治局 常委)
    assert grams.set_index("ngram").loc["政治局 常委", "count"] == 3


def test_speakers_compared(run_page):
    at = run_page("terms", section="speakers", lang="en")
    no_exceptions(at)
    spec = plotly_specs(at)[0]
    titles = [a["text"] for a in spec["layout"]["annotations"]]
    assert titles == ["Xi Jinping", "Li Qiang", "Ding Xuexiang"]
    ys = {y for trace in spec["data"] for y in plotly_values(trace["y"])}
    assert "习近平" not in ys and "强调" not in ys  # the report's framing of speech is left out


def test_glossary(run_page):
    at = run_page("terms", section="glossary")
    no_exceptions(at)
    table = [m.value for m in at.markdown if "sb-glossary" in m.value][0]
    assert "新质生产力" in table and "new quality productive forces" in table
    assert "无官方英译（描述性译法：industry-university-research (collaboration)）" in table
    at = run_page("terms", section="glossary", q="Fengqiao", entry="枫桥经验", lang="en")
    no_exceptions(at)
    table = [m.value for m in at.markdown if "sb-glossary" in m.value][0]
    assert table.count("<tr>") == 2 and "Fengqiao model" in table
    renderings = [m.value for m in at.markdown if "sb-renderings" in m.value][0]
    assert renderings.count("<tr>") == 4  # header and three cited renderings
    assert renderings.index("2024-03-11") < renderings.index("2023-11-08") < renderings.index("2023-11-06")


def test_glossary_entry_without_official_rendering(run_page):
    at = run_page("terms", section="glossary", entry="产学研", lang="en")
    no_exceptions(at)
    assert any("no official rendering" in w.value for w in at.warning)
    assert "No official English rendering found" in texts(at.caption)


def test_glossary_search_with_no_match(run_page):
    at = run_page("terms", section="glossary", q="<script>alert(1)</script>")
    assert not at.exception
    assert any("没有符合" in i.value for i in at.info)


def test_pinyin_of_the_open_term(run_page):
    at = run_page("terms", term="座谈会")  # not in the glossary: pypinyin's, marked as automatic
    no_exceptions(at)
    assert "拼音（自动标注，不在术语表中）：zuò tán huì" in texts(at.caption)
    at = run_page("terms", term="新质生产力", lang="en")  # in the glossary: its own pinyin, on its card
    no_exceptions(at)
    assert "xīn zhì shēngchǎnlì" in texts(at.markdown)
    assert "Pinyin (automatic" not in texts(at.caption)


def test_glossary_search_by_toneless_pinyin(run_page):
    at = run_page("terms", section="glossary", q="xinzhi", only="0")
    no_exceptions(at)
    table = [m.value for m in at.markdown if "sb-glossary" in m.value][0]
    assert table.count("<tr>") == 2 and "新质生产力" in table
    assert at.toggle(key="glossary_only").value is False
    assert at.query_params["q"] == "xinzhi" and at.query_params["only"] == "0"


def test_an_opened_term_says_occurrences_and_tokens(run_page):
    # 中部地区: 14 occurrences in 7 paragraphs, 8 of them inside 中部地区崛起; 6 tokens
    # (tests/test_occurrences.py lists them)
    at = run_page("terms", term="中部地区")
    no_exceptions(at)
    assert ("出现次数：在当前筛选下出现 14 次（其中 8 次在更长的提法中），分布在 7 段。"
            "词频：作为独立的词 6 次，下面的语境逐一列出。") in texts(at.markdown)
    assert kwic_html(at).count("<tr>") == 7  # header and the six tokens
