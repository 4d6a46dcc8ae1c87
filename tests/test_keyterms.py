"""Key terms of a paragraph (tf-idf within the document) and glossary glosses."""

from __future__ import annotations

from studyboard.analysis import glossary, keyterms


def test_key_terms_of_the_innovation_paragraph(seed, lexicon):
    terms = keyterms.of_paragraph(seed, lexicon, 5, k=6)
    # paragraph 5 alone says 先进制造业 and 传统产业, twice each (做大做强先进制造业 … 以先进制造业为支撑;
    # 改造提升传统产业 … 让传统产业焕发新的生机活力): the most specific words
    assert set(terms[:2]) == {"先进制造业", "传统产业"}
    assert len(terms) == 6


def test_key_terms_of_the_rural_paragraph(seed, lexicon):
    # 农村 four times in paragraph 9 and nowhere else
    assert keyterms.of_paragraph(seed, lexicon, 9)[0] == "农村"


def test_no_names_speech_verbs_or_narration(seed, lexicon):
    every = keyterms.paragraph_terms(seed, lexicon, None)
    assert not {"习近平", "李强", "强调", "指出", "表示"} & set(every["term"])
    # paragraphs 2, 3 and 14 only say who attended and who spoke: no reported speech
    assert not {2, 3, 14} & set(every["paragraph"])


def test_a_term_inside_a_better_one_is_left_out(seed, lexicon):
    # paragraph 12 (Li Qiang): 中部地区 three times; 地区 alone only in 东部地区/西部地区 (one token each);
    # 优势 three times (资源 优势, 发展 优势, 发挥 优势; 区位优势 is a formulation) and in no other
    # paragraph of reported speech, so it scores above 中部地区, which four paragraphs say
    terms = keyterms.of_paragraph(seed, lexicon, 12)
    assert terms[:2] == ["优势", "中部地区"] and "地区" not in terms


def test_document_glossary_in_order_of_first_appearance(seed):
    table = keyterms.document_glossary(seed)
    # glossary.toml lists the report's terms in order of first appearance, and all of them occur
    assert table["term"].tolist() == [entry.term for entry in glossary.load()]
    first = table.iloc[0]
    assert first["term"] == "中部地区崛起" and first["paragraph"] == 1
    row = table[table["term"] == "主题教育"].iloc[0]
    assert row["paragraph"] == 11 and row["english"] == "Party-wide education campaign"
