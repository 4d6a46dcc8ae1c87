"""Key terms of a paragraph (tf-idf within the document) and glossary glosses."""

from __future__ import annotations

import pytest

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


def test_scores_count_tokens_on_an_own_text(lexicon):
    """tf-idf on tokens, worked out by hand. Nobody speaks: every sentence counts.

    ¶1 新质生产力 ×2; ¶2 高质量发展 ×1; ¶3 高质量发展, 新质生产力; ¶4 中部地区崛起 (one token: no
    token of 中部地区 although the string is there). All four are formulations (weight 2); every
    paragraph has a candidate, so N = 4; df(新质生产力) = df(高质量发展) = 2, df(中部地区崛起) = 1.
    """
    import math

    from studyboard.dataset import tables as dataset
    from studyboard.ingest import document

    text = ("学习笔记\n\n　　发展新质生产力。要发展新质生产力。\n\n　　推动高质量发展。\n\n"
            "　　推动高质量发展，发展新质生产力。\n\n　　推动中部地区崛起。\n")
    ds = dataset.build(document.Document(id="own-keyterms", text=text), lexicon)
    table = keyterms.paragraph_terms(ds, lexicon, None).set_index(["paragraph", "term"])
    assert table.loc[(1, "新质生产力"), "count"] == 2 and table.loc[(1, "新质生产力"), "paragraphs"] == 2
    assert table.loc[(1, "新质生产力"), "score"] == pytest.approx(2 * math.log(5 / 2) * 2, abs=1e-4)
    assert table.loc[(2, "高质量发展"), "score"] == pytest.approx(1 * math.log(5 / 2) * 2, abs=1e-4)
    assert table.loc[(4, "中部地区崛起"), "score"] == pytest.approx(1 * math.log(5 / 1) * 2, abs=1e-4)
    assert (4, "中部地区") not in table.index


def test_seed_counts_are_tokens(seed, lexicon):
    # 中部地区 as a token in reported speech: ¶1 (中部地区是), ¶4 (中部地区发展), ¶6 (强化中部地区的),
    # ¶12 ×3: four paragraphs; its eight occurrences inside 中部地区崛起 are not tokens of it
    table = keyterms.paragraph_terms(seed, lexicon, None)
    rows = table[table["term"] == "中部地区"].set_index("paragraph")["count"]
    assert rows.to_dict() == {1: 1, 4: 1, 6: 1, 12: 3}
