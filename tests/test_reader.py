"""The reader's HTML (paragraphs with their marks, heading, status line),
its lines and labels, checked against the seed read by hand (paragraph
numbers as the reader shows them). Its filters are in tests/test_reading.py."""

from __future__ import annotations

import re

import pytest

from studyboard.analysis import reading
from studyboard.dataset import tables as dataset
from studyboard.ingest import document
from studyboard.ui import params
from studyboard.views import labels, reader

@pytest.fixture(scope="module")
def xss(lexicon):
    text = ("标题<script>alert(1)</script>\n\n"
            "习近平强调，要推动<img src=x onerror=alert(1)>绿色低碳发展。这是第二句<b>粗体</b>&amp;。\n\n"
            "第二段没有主题。\n")
    return dataset.build(document.Document(id="xss", text=text), lexicon)


def test_summary_says_what_the_filter_found(seed):
    assert reader.summary(seed, reading.Filter(search="粮食"), [1, 10, 13], "zh") == [
        "“粮食”：5 处，在 3 段中", "符合筛选的段落：3 / 14"]
    assert reader.summary(seed, reading.Filter(search="不存在的词"), [], "en")[0] == \
        "'不存在的词' does not occur in the text."


def test_paragraph_html_highlights_sentences_in_the_theme_colour(seed):
    html = reader.paragraph_html(seed, 8, "zh", flt=reading.Filter(themes=("ecology",)))
    assert 'id="p8"' in html
    # all four sentences of paragraph 8 carry ecology, each tinted with its green
    sentences = re.findall(r'<span class="sb-sent" data-sentence="\d+" data-themes="ecology" '
                           r'style="background-color: (#[0-9A-F]{6})"', html)
    assert len(sentences) == 4 and set(sentences) == {"#B8E4D8"}
    # the first sentence's tooltip names its keywords: 生态环境, 绿色低碳, 美丽中部
    assert 'title="绿色发展：生态环境、绿色低碳、美丽中部"' in html
    assert html.count("inset 0 -0.26em 0 #009E73") == 16  # one band per ecology hit in the paragraph
    # paragraph 7 has no ecology keyword: no highlighted sentence
    assert "data-themes" not in reader.paragraph_html(seed, 7, "zh", flt=reading.Filter(themes=("ecology",)))


def test_a_sentence_with_two_themes_names_both(seed):
    # paragraph 10, second sentence (高质量推进粮食生产功能区…): 粮食, 农产品 ×3 and 粮食
    # again (security, 5 hits) and 绿色农产品 (ecology, 1 hit): it takes the colour of security
    html = reader.paragraph_html(seed, 10, "en", flt=reading.Filter(themes=("ecology", "security")))
    number = int(seed.sentences.loc[seed.sentences["text"].str.startswith("高质量推进粮食"), "sentence"].iloc[0])
    attrs = re.search(rf'<span class="sb-sent" data-sentence="{number}"([^>]*)>', html).group(1)
    assert 'data-themes="security ecology"' in attrs
    assert "background-color: #EBDDBB" in attrs  # #B8860B at 28 %: 255 - (255 - c) * 0.28
    tip = re.search(r'title="([^"]*)"', attrs).group(1).split("&#10;")
    assert tip == ["Food &amp; energy security: 粮食、农产品", "Green development: 绿色"]


def test_glossary_terms_are_marked(seed):
    terms = reading.load_glossary()  # where they are found: tests/test_reading.py
    html = reader.paragraph_html(seed, 6, "en", glossary=terms)
    tip = re.search(r'<span class="sb-term" title="([^"]*)">新发展格局</span>', html)
    lines = tip.group(1).split("&#10;")
    assert lines[0] == "新发展格局 · xīn fāzhǎn géjú"
    assert lines[1] == "English: " + terms["新发展格局"].renderings[0].en
    assert lines[2] == terms["新发展格局"].explain_en


def test_search_hits_are_marked(seed):
    html = reader.paragraph_html(seed, 10, "zh", flt=reading.Filter(search="粮食"))
    assert html.count('class="sb-hit"') == 3


def test_document_text_is_escaped(xss):
    heading = reader.heading_html(xss)
    assert "<script>" not in heading and "&lt;script&gt;alert(1)&lt;/script&gt;" in heading
    html = reader.paragraph_html(xss, 1, "zh", flt=reading.Filter(themes=("ecology",), search="<img"))
    assert "<img" not in html and "<b>" not in html
    assert "&lt;img</span> src=x onerror=alert(1)&gt;" in html  # the search mark wraps the escaped text
    assert "&lt;b&gt;粗体&lt;/b&gt;&amp;amp;" in html
    assert reader.status_html(["<script>"]) == '<div class="sb-status">&lt;script&gt;</div>'


def test_url_values_are_checked(seed):
    # the parsers the reader page gives ?para=, ?speaker= and ?hide=
    para = params.parse_int(1, len(reading.paragraph_numbers(seed)))
    assert para("8") == 8
    assert para("15") is None and para("0") is None
    with pytest.raises(ValueError):
        para("eight")
    speaker = params.parse_choice(reading.speakers(seed))
    assert speaker("李强") == "李强"
    assert speaker("<script>") is None
    assert params.parse_flag("1") is True and params.parse_flag("0") is False and params.parse_flag("yes") is None


def test_speaker_names_follow_the_language(seed):
    assert labels.person_name(seed, "丁薛祥", "en") == "Ding Xuexiang"
    assert labels.person_name(seed, "丁薛祥", "zh") == "丁薛祥"
    assert labels.person_name(seed, None, "en") == ""
    # the paragraph block names its speaker in the UI language
    assert '<span class="sb-speaker">Ding Xuexiang</span>' in reader.paragraph_html(seed, 13, "en")
    assert '<span class="sb-speaker">丁薛祥</span>' in reader.paragraph_html(seed, 13, "zh")


def test_provenance_table_lists_the_hashes(seed):
    table = reader.provenance_table(seed, "en")
    values = dict(zip(table["Item"], table["Value"]))
    assert values["Tokenizer"] == f"jieba {seed.provenance['tokenizer_version']}"
    assert values["Stopword tier"] == "function words only"
    assert values["Lexicon themes.toml (SHA-256)"] == seed.provenance["lexicon"]["themes.toml"]
    assert values["Dataset (SHA-256)"] == seed.provenance["dataset_sha256"]
    assert len(table) == 3 + 12 + 5  # tokenizer, mode, tier; twelve lexicon files; input, dataset, key, version, software
