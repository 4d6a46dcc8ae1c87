"""The reader's filters, search, paragraph HTML and heatmap click, checked
against the seed read by hand (paragraph numbers as the reader shows them)."""

from __future__ import annotations

import re

import pytest

from studyboard.dataset import tables as dataset
from studyboard.views import reader
from studyboard.ingest import document

# Paragraphs with an ecology keyword, read off the text: 4 绿色低碳转型, 5 绿色化,
# 6 黄河流域生态保护, 8 (the ecology paragraph), 9 社会生态, 10 绿色农产品,
# 12 绿色低碳发展, 13 生态环境保护 / 绿色底色.
ECOLOGY = [4, 5, 6, 8, 10, 12, 13]  # not 9: its 社会生态 is excluded in themes.toml
# Party keywords: 1 党中央/政策举措/贯彻落实, 9 党组织, 11 (the call to implement),
# 12 贯彻落实/重要讲话精神, 13 二十大精神/重要讲话精神.
PARTY = [1, 9, 11, 12, 13]


@pytest.fixture(scope="module")
def xss(lexicon):
    text = ("标题<script>alert(1)</script>\n\n"
            "习近平强调，要推动<img src=x onerror=alert(1)>绿色低碳发展。这是第二句<b>粗体</b>&amp;。\n\n"
            "第二段没有主题。\n")
    return dataset.build(document.Document(id="xss", text=text), lexicon)


def test_theme_filter_any_and_all(seed):
    assert reader.theme_paragraphs(seed, ["ecology"]) == ECOLOGY
    assert reader.theme_paragraphs(seed, ["ecology", "party"], "any") == sorted(set(ECOLOGY) | set(PARTY))
    assert reader.theme_paragraphs(seed, ["ecology", "party"], "all") == [12, 13]
    # a filter fades the other paragraphs; no filter fades none
    assert reader.faint_paragraphs(seed, ["ecology"]) == {1, 2, 3, 7, 9, 11, 14}
    assert reader.faint_paragraphs(seed, ["ecology", "party"], "all") == set(range(1, 15)) - {12, 13}
    assert reader.faint_paragraphs(seed, []) == set()
    # the paragraph that begins 习近平指出，要协同推进生态环境保护 is the ecology paragraph
    eighth = seed.paragraphs.set_index("paragraph").loc[8, "text"]
    assert eighth.startswith("习近平指出，要协同推进生态环境保护") and 8 in ECOLOGY


def test_speaker_and_search_narrow_the_matches(seed):
    # 丁薛祥 speaks only in paragraph 13, 李强 only in 12
    assert reader.speakers(seed) == ["习近平", "李强", "丁薛祥"]
    assert reader.matching_paragraphs(seed, reader.Filter(speaker="丁薛祥")) == [13]
    assert reader.matching_paragraphs(seed, reader.Filter(themes=("ecology",), speaker="李强")) == [12]
    # 粮食: once in 1 (重要粮食生产基地), three times in 10, once in 13 (提升粮食、能源资源)
    hits = reader.search_hits(seed, "粮食")
    assert len(hits) == 5 and list(hits["paragraph"]) == [1, 10, 10, 10, 13]
    assert reader.matching_paragraphs(seed, reader.Filter(themes=("ecology",), search="粮食")) == [10, 13]
    assert reader.summary(seed, reader.Filter(search="粮食"), [1, 10, 13], "zh") == [
        "“粮食”：5 处，在 3 段中", "符合筛选的段落：3 / 14"]
    assert reader.summary(seed, reader.Filter(search="不存在的词"), [], "en")[0] == \
        "'不存在的词' does not occur in the text."


def test_search_is_literal_and_trimmed(seed):
    assert reader.clean_search("  粮食\n ") == "粮食"
    assert len(reader.clean_search("长" * 100)) == reader.SEARCH_MAX
    assert reader.search_hits(seed, ".*").empty  # no regular expressions
    assert reader.search_hits(seed, "   ").empty


def test_layout_dims_or_hides_the_others(seed):
    flt = reader.Filter(themes=("ecology",))
    dimmed = reader.layout(seed, ECOLOGY, flt, hide=False)
    assert [n for kind, n, dim in dimmed if dim] == [1, 2, 3, 7, 9, 11, 14]
    hidden = reader.layout(seed, ECOLOGY, flt, hide=True)
    assert hidden == [("hidden", 1, 3), ("paragraph", 4, False), ("paragraph", 5, False), ("paragraph", 6, False),
                      ("hidden", 7, 7), ("paragraph", 8, False), ("hidden", 9, 9),
                      ("paragraph", 10, False), ("hidden", 11, 11), ("paragraph", 12, False),
                      ("paragraph", 13, False), ("hidden", 14, 14)]
    # no filter: nothing dimmed or hidden, whatever the toggle says
    assert all(kind == "paragraph" and not dim for kind, _, dim in reader.layout(seed, [], reader.Filter(), True))


def test_paragraph_html_highlights_sentences_in_the_theme_colour(seed):
    html = reader.paragraph_html(seed, 8, "zh", flt=reader.Filter(themes=("ecology",)))
    assert 'id="p8"' in html
    # all four sentences of paragraph 8 carry ecology, each tinted with its green
    sentences = re.findall(r'<span class="sb-sent" data-sentence="\d+" data-themes="ecology" '
                           r'style="background-color: (#[0-9A-F]{6})"', html)
    assert len(sentences) == 4 and set(sentences) == {"#B8E4D8"}
    # the first sentence's tooltip names its keywords: 生态环境, 绿色低碳, 美丽中部
    assert 'title="绿色发展：生态环境、绿色低碳、美丽中部"' in html
    assert html.count("inset 0 -0.26em 0 #009E73") == 16  # one band per ecology hit in the paragraph
    # paragraph 7 has no ecology keyword: no highlighted sentence
    assert "data-themes" not in reader.paragraph_html(seed, 7, "zh", flt=reader.Filter(themes=("ecology",)))


def test_a_sentence_with_two_themes_names_both(seed):
    # paragraph 10, second sentence (高质量推进粮食生产功能区…): 粮食, 农产品 ×3 and 粮食
    # again (security, 5 hits) and 绿色农产品 (ecology, 1 hit): it takes the colour of security
    html = reader.paragraph_html(seed, 10, "en", flt=reader.Filter(themes=("ecology", "security")))
    number = int(seed.sentences.loc[seed.sentences["text"].str.startswith("高质量推进粮食"), "sentence"].iloc[0])
    attrs = re.search(rf'<span class="sb-sent" data-sentence="{number}"([^>]*)>', html).group(1)
    assert 'data-themes="security ecology"' in attrs
    assert "background-color: #EBDDBB" in attrs  # #B8860B at 28 %: 255 - (255 - c) * 0.28
    tip = re.search(r'title="([^"]*)"', attrs).group(1).split("&#10;")
    assert tip == ["Food &amp; energy security: 粮食、农产品", "Green development: 绿色"]


def test_glossary_terms_are_marked_longest_first(seed):
    terms = reader.load_glossary()
    sixth = seed.paragraphs.set_index("paragraph").loc[6, "text"]
    found = [term for _, _, term in reader.glossary_spans(sixth, terms)]
    assert found == ["新发展格局", "京津冀", "长三角", "粤港澳大湾区", "长江经济带",
                     "黄河流域生态保护和高质量发展", "长江中游城市群", "中原城市群"]
    html = reader.paragraph_html(seed, 6, "en", glossary=terms)
    tip = re.search(r'<span class="sb-term" title="([^"]*)">新发展格局</span>', html)
    lines = tip.group(1).split("&#10;")
    assert lines[0] == "新发展格局 · xīn fāzhǎn géjú"
    assert lines[1] == "English: " + terms["新发展格局"].renderings[0].en
    assert lines[2] == terms["新发展格局"].explain_en


def test_search_hits_are_marked(seed):
    html = reader.paragraph_html(seed, 10, "zh", flt=reader.Filter(search="粮食"))
    assert html.count('class="sb-hit"') == 3


def test_document_text_is_escaped(xss):
    heading = reader.heading_html(xss)
    assert "<script>" not in heading and "&lt;script&gt;alert(1)&lt;/script&gt;" in heading
    html = reader.paragraph_html(xss, 1, "zh", flt=reader.Filter(themes=("ecology",), search="<img"))
    assert "<img" not in html and "<b>" not in html
    assert "&lt;img</span> src=x onerror=alert(1)&gt;" in html  # the search mark wraps the escaped text
    assert "&lt;b&gt;粗体&lt;/b&gt;&amp;amp;" in html
    assert reader.status_html(["<script>"]) == '<div class="sb-status">&lt;script&gt;</div>'


def test_pick_reads_the_cell_back(seed):
    event = {"selection": {"points": [{"curve_number": 3, "point_index": 7, "x": 4, "y": "8",
                                       "customdata": [8, "ecology"]}], "point_indices": [7], "box": [], "lasso": []}}
    assert reader.pick(event, seed) == (8, "ecology")
    assert reader.pick_params((8, "ecology")) == {"para": "8", "themes": "ecology"}
    for bad in (None, {}, {"selection": {"points": []}}, {"selection": {"points": [{"customdata": [99, "ecology"]}]}},
                {"selection": {"points": [{"customdata": [8, "nope"]}]}},
                {"selection": {"points": [{"customdata": ["x", "ecology"]}]}}):
        assert reader.pick(bad, seed) is None


def test_url_values_are_checked(seed):
    assert reader.para_parser(seed)("8") == 8
    assert reader.para_parser(seed)("15") is None
    with pytest.raises(ValueError):
        reader.para_parser(seed)("eight")
    assert reader.speaker_parser(seed)("李强") == "李强"
    assert reader.speaker_parser(seed)("<script>") is None
    assert reader.parse_flag("1") is True and reader.parse_flag("0") is False and reader.parse_flag("yes") is None


def test_speaker_names_follow_the_language(seed):
    assert reader.person_name(seed, "丁薛祥", "en") == "Ding Xuexiang"
    assert reader.person_name(seed, "丁薛祥", "zh") == "丁薛祥"
    assert reader.person_name(seed, None, "en") == ""
    assert reader.sentence_counts(seed)["丁薛祥"] == 5  # all five sentences of paragraph 13


def test_provenance_table_lists_the_hashes(seed):
    table = reader.provenance_table(seed, "en")
    values = dict(zip(table["Item"], table["Value"]))
    assert values["Tokenizer"] == f"jieba {seed.provenance['tokenizer_version']}"
    assert values["Stopword tier"] == "function words only"
    assert values["Lexicon themes.toml (SHA-256)"] == seed.provenance["lexicon"]["themes.toml"]
    assert values["Dataset (SHA-256)"] == seed.provenance["dataset_sha256"]
    assert len(table) == 3 + 8 + 5  # tokenizer, mode, tier; eight lexicon files; input, dataset, key, version, software
