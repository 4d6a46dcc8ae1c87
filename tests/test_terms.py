"""Term counts, KWIC, dispersion, collocations, keywords and speakers
(studyboard/analysis/terms.py; their figures: tests/test_terms_views.py).

The expected numbers come from reading the seed report joined up (the
paragraphs below are numbered as the reader shows them):

- 高质量发展, 6: ¶1 形成推动高质量发展的合力; ¶6 黄河流域生态保护和高质量发展;
  ¶10 要坚持高质量发展和高水平安全; ¶13 紧扣高质量发展要求, 实现高质量发展和
  高水平安全, 厚植高质量发展的绿色底色. (¶10's 高质量推进 is not the term.)
- 新质生产力, 2: ¶5 积极培育和发展新质生产力; ¶13 因地制宜加快发展新质生产力.
- 中部地区崛起, 8 and 中部地区 on its own, 6: 崛起 follows 中部地区 three times
  in ¶1, once in ¶3, twice in ¶4, once in ¶11 and ¶13; 中部地区 stands alone in
  ¶1 (中部地区是), ¶4 (中部地区发展站到), ¶6 (强化中部地区的) and three times in
  ¶12 (把中部地区放到, 中部地区要, 提升中部地区整体实力).
- 推动, 15: ¶1 three, ¶3 one, ¶4 two, ¶5 one, ¶7 one, ¶9 three, ¶11 two,
  ¶12 one, ¶13 one.
- 座谈会, 6, five of them in narration (¶1 first sentence, ¶2, ¶3, twice in
  ¶14) and one in Xi Jinping's words (¶4 上一次推动中部地区崛起座谈会).
- 推动 中部地区崛起 in a row, 7: every 中部地区崛起 but ¶1's 谱写中部地区崛起.
- 高水平安全 occurs twice, both right after 高质量发展和 (¶10, ¶13).
- The ecology sentences (生态, 绿色, 低碳 …) holding 高质量发展 are ¶6's and
  ¶13's last: 2 of its 6.
- Li Qiang speaks in ¶12 only (中部地区 three times); Ding Xuexiang in ¶13
  only (高质量发展 three times, 新质生产力 once).
"""

from __future__ import annotations

import pytest

from studyboard.dataset import tables as dataset
from studyboard.analysis import filters, terms
from studyboard.analysis.terms import Filters
from support import ROOT
from studyboard.ingest import document


def table(seed, **filters):
    return terms.term_table(seed, Filters(**filters), ())


def count(frame, term):
    found = frame.loc[frame["term"] == term, "count"]
    return int(found.iloc[0]) if len(found) else 0


# --- counts ------------------------------------------------------------------------


def test_hand_checked_counts(seed):
    frame = table(seed)
    assert count(frame, "高质量发展") == 6
    assert count(frame, "新质生产力") == 2
    assert count(frame, "中部地区崛起") == 8
    assert count(frame, "中部地区") == 6
    assert count(frame, "推动") == 15
    assert count(frame, "座谈会") == 6


def test_top_terms_with_the_default_settings(seed):
    top = list(table(seed)["term"].head(20))
    assert "中部地区" in top and "发展" in top
    assert "中部地区崛起" in top and "高质量发展" in top


def test_no_function_words_punctuation_or_numbers(seed):
    frame = table(seed, min_len=1)
    for word in ("的", "和", "在", "要", "，", "。", "、", "“", "3", "20"):
        assert word not in set(frame["term"]), word


def test_counts_without_filters_are_the_datasets_term_counts(seed):
    frame = table(seed, min_len=1)
    assert dict(zip(frame["term"], frame["count"])) == dict(zip(seed.terms["term"], seed.terms["count"]))
    assert list(frame["rank"][:3]) == [1, 2, 3]


def test_policy_verbs_are_kept_by_default_and_dropped_by_the_switch(seed):
    kept, dropped = table(seed), table(seed, tier="policy")
    assert count(kept, "推动") == 15 and count(kept, "加强") > 0
    assert count(dropped, "推动") == 0 and count(dropped, "加强") == 0
    assert count(dropped, "高质量发展") == 6
    assert terms.policy_examples(seed)[0] == "推动"


def test_theme_filter(seed):
    ecology = table(seed, themes=("ecology",))
    # 高质量发展 in an ecology sentence: only ¶13's 厚植高质量发展的绿色底色 (¶6's stands in the name
    # 黄河流域生态保护和高质量发展, whose 生态保护 is no ecology hit)
    assert count(ecology, "高质量发展") == 1
    assert count(ecology, "新质生产力") == 0
    hits = terms.term_hits(seed, "高质量发展", Filters(themes=("ecology",)))
    assert sorted(hits["paragraph"]) == [13]


def test_theme_filter_all_of_several(seed):
    both = terms.selected_sentences(seed, ("ecology", "development"), "all")
    where = seed.sentences.set_index("sentence").loc[both, ["paragraph", "index"]]
    # the unit is the paragraph: ¶4, ¶12 and ¶13 carry both themes, and their sentences with either
    # count. ¶4: s2 发展动能/更高起点 + 绿色低碳, s3 中部地区崛起; ¶12: s1 发展优势, s3 绿色低碳 +
    # 整体实力; ¶13: s1 高质量发展/中部地区崛起, s3 高质量发展, s4 内生动力, s5 生态环境/绿色 +
    # 高质量发展. (¶6 is out: its 生态保护 and 高质量发展 stand in a strategy's name.)
    assert list(map(tuple, where.to_numpy())) == [(4, 2), (4, 3), (12, 1), (12, 3), (13, 1), (13, 3), (13, 4),
                                                  (13, 5)]
    either = set(terms.selected_sentences(seed, ("ecology", "development"), "any"))
    assert set(both) < either


def test_speaker_filter(seed):
    ding = table(seed, speaker="丁薛祥")
    assert count(ding, "高质量发展") == 3 and count(ding, "新质生产力") == 1
    assert count(table(seed, speaker="李强"), "中部地区") == 3
    narration = table(seed, speaker=filters.NARRATION)
    assert count(narration, "座谈会") == 5
    assert count(table(seed, speaker="习近平"), "座谈会") == 1


def test_part_of_speech_filter(seed):
    nouns, verbs = table(seed, pos="nouns"), table(seed, pos="verbs")
    assert count(nouns, "中部地区") == 6 and count(nouns, "推动") == 0
    assert count(verbs, "推动") == 15 and count(verbs, "中部地区") == 0
    assert count(nouns, "发展") == count(verbs, "发展") > 0  # a verbal noun (vn) is in both


def test_minimum_length(seed):
    long = table(seed, min_len=5)
    assert (long["term"].str.len() >= 5).all()
    assert count(long, "高质量发展") == 6 and count(long, "新质生产力") == 2
    assert count(long, "中部地区") == 0
    assert count(table(seed, min_len=1), "新") > 0  # a one-character policy word, kept by default


def test_exclusion_list(seed):
    words = ("习近平", "座谈会", "发展")  # how the page reads them: tests/test_params.py
    frame = table(seed, exclude=words)
    assert not {"习近平", "座谈会", "发展"} & set(frame["term"])
    assert count(frame, "高质量发展") == 6


def test_unknown_filter_values_are_refused():
    with pytest.raises(ValueError):
        Filters(tier="none")
    with pytest.raises(ValueError):
        Filters(pos="adjectives")


def test_glossary_terms_are_marked(seed):
    from studyboard.analysis import glossary

    frame = terms.term_table(seed, Filters(), glossary.load())
    row = frame[frame["term"] == "新质生产力"].iloc[0]
    assert row["kind"] == "glossary"
    assert row["english"] == "new quality productive forces" and row["pinyin"] == "xīn zhì shēngchǎnlì"
    assert frame.loc[frame["term"] == "推动", "kind"].iloc[0] == "policy"
    assert frame.loc[frame["term"] == "中部地区", "kind"].iloc[0] == "word"


# --- KWIC and dispersion ------------------------------------------------------------


@pytest.mark.parametrize("filters", [{}, {"themes": ("ecology",)}, {"speaker": "丁薛祥"}, {"tier": "policy"}])
def test_kwic_rows_equal_the_count_of_every_term(seed, filters):
    f = Filters(**filters)
    frame = terms.term_table(seed, f, ())
    for term, expected in zip(frame["term"], frame["count"]):
        assert len(terms.kwic(seed, term, f)) == expected, term


def test_kwic_contexts_come_from_the_terms_sentence(seed):
    rows = terms.kwic(seed, "高质量发展", Filters(), width=200)
    assert list(rows["paragraph"]) == [1, 6, 10, 13, 13, 13]
    sentences = seed.sentences.set_index("sentence")["text"]
    for row in rows.itertuples():
        assert row.left + row.term + row.right == sentences[row.sentence]
    assert rows["left"].iloc[2] == "习近平指出，要坚持"
    assert list(rows["right"].iloc[3:]) == ["要求，推动中部地区崛起不断取得新成效。", "和高水平安全良性互动。", "的绿色底色。"]


def test_kwic_cuts_long_contexts(seed):
    rows = terms.kwic(seed, "高质量发展", Filters(), width=6)
    assert rows["left"].iloc[2] == "…指出，要坚持"
    assert rows["right"].iloc[2] == "和高水平安全…"
    assert rows["right"].iloc[5] == "的绿色底色。"


def test_term_that_does_not_occur_has_no_rows(seed):
    assert terms.kwic(seed, "不存在的词", Filters()).empty
    assert terms.kwic(seed, "新质生产力", Filters(themes=("ecology",))).empty


def test_dispersion_positions_fall_in_their_paragraphs(seed):
    hits = terms.dispersion(seed, ["高质量发展", "新质生产力", "高质量发展"], Filters())
    assert list(hits.columns) == ["term", "paragraph", "sentence", "position", "speaker"]
    assert list(hits["term"]) == ["高质量发展"] * 6 + ["新质生产力"] * 2  # each term once, in the order given
    assert list(hits["paragraph"]) == [1, 6, 10, 13, 13, 13, 5, 13]
    spans = terms.paragraph_spans(seed).set_index("paragraph")
    for paragraph, position in zip(hits["paragraph"], hits["position"]):
        assert spans.loc[paragraph, "start"] <= position <= spans.loc[paragraph, "stop"]
    body = "\n".join(seed.paragraphs["text"])  # paragraphs at their offsets, one break between them
    assert all(body[p:p + len(t)] == t for t, p in zip(hits["term"], hits["position"]))
    # ¶1's stands in 他强调's sentences (Xi Jinping's); ¶13's three are Ding Xuexiang's (see above)
    assert list(hits["speaker"])[:6] == ["习近平", "习近平", "习近平", "丁薛祥", "丁薛祥", "丁薛祥"]
    # 座谈会: narration (no speaker) but for ¶4's, in Xi Jinping's words
    meeting = terms.dispersion(seed, ["座谈会"], Filters())
    assert list(meeting["paragraph"]) == [1, 2, 3, 4, 14, 14]
    assert meeting["speaker"].isna().tolist() == [True, True, True, False, True, True]
    assert meeting["speaker"].iloc[3] == "习近平"
    assert list(terms.paragraph_spans(seed)["paragraph"]) == list(range(1, 15))


# --- collocations ---------------------------------------------------------------------


def test_ngrams(seed):
    pairs = terms.ngrams(seed, Filters(), 2)
    assert pairs.set_index("ngram").loc["推动 中部地区崛起", "count"] == 7
    triples = terms.ngrams(seed, Filters(), 3).set_index("ngram")["count"]
    assert triples["高质量发展 和 高水平安全"] == 2
    assert triples["科技创新 和 产业创新"] == 2
    assert (terms.ngrams(seed, Filters(), 2)["count"] >= 2).all()
    assert "推动 中部地区崛起" not in set(terms.ngrams(seed, Filters(tier="policy"), 2)["ngram"])


def test_neighbours_of_high_quality_development(seed):
    near = terms.neighbours(seed, "高质量发展", Filters(), window=1).set_index("neighbour")
    assert near.loc["高水平安全", "right"] == 2 and near.loc["高水平安全", "left"] == 0
    assert near.loc["高水平安全", "share"] == 1.0
    assert near.index[0] == "高水平安全"
    for word in ("紧扣", "坚持", "实现"):
        assert near.loc[word, "left"] == 1
    assert "的" not in near.index and "和" not in near.index
    assert (near["share"] <= 1).all()


# --- speakers -------------------------------------------------------------------------------


def test_speakers_in_order_of_speaking(seed):
    assert terms.speakers(seed) == ["习近平", "李强", "丁薛祥"]
    assert terms.speaker_options(seed) == ["", "习近平", "李强", "丁薛祥", filters.NARRATION]


def test_each_speakers_top_terms(seed, lexicon):
    f = terms.without_framing(Filters(exclude=("座谈会",)), lexicon)
    assert f.exclude[0] == "座谈会" and {"习近平", "李强", "强调", "表示", "他"} <= set(f.exclude)
    frame = terms.speaker_terms(seed, f, 10, ())
    li = frame[frame["speaker"] == "李强"]
    assert li.iloc[0]["count"] == 3 and "中部地区" in set(li.loc[li["count"] == 3, "term"])
    ding = frame[frame["speaker"] == "丁薛祥"]
    assert (ding.iloc[0]["term"], ding.iloc[0]["count"]) == ("高质量发展", 3)
    assert ding.iloc[0]["shared"]  # 习近平 says it too
    xi = frame[frame["speaker"] == "习近平"].set_index("term")
    assert "习近平" not in xi.index and "强调" not in xi.index  # the report's framing, left out
    assert not xi.loc["推进", "shared"]  # neither Li Qiang nor Ding Xuexiang says 推进


# --- opening a term ------------------------------------------------------------------------


def test_open_options_keep_a_term_opened_by_name(seed):
    frame = table(seed, min_len=5)
    options = terms.open_options(frame, seed, "中部地区", "不存在的词")
    assert options[0] == "中部地区" and "不存在的词" not in options
    assert terms.is_term(seed, "新质生产力") and not terms.is_term(seed, "，")
    assert not terms.is_counted(frame, "中部地区") and terms.is_counted(frame, "高质量发展")


# --- keywords ------------------------------------------------------------------------------------


def test_keywords_use_the_boards_tokenizer(seed, lexicon):
    found = terms.keywords(terms.selected_text(seed, Filters()), lexicon, Filters(), 20)
    assert len(found) == 20
    # formulations stay whole (jieba's own dictionary would cut 中部/地区/崛起)
    assert "中部地区崛起" in set(found["tfidf"]) and "中部地区崛起" in set(found["textrank"])
    assert not {"中部", "崛起"} & (set(found["tfidf"]) | set(found["textrank"]))
    dropped = terms.keywords(terms.selected_text(seed, Filters()), lexicon, Filters(tier="policy", exclude=("发展",)), 20)
    words = set(dropped["tfidf"]) | set(dropped["textrank"])
    assert "推动" not in words and "加强" not in words and "发展" not in words
    assert set(terms.keyword_overlap(found)) <= set(found["textrank"])


def test_keywords_of_no_text(lexicon):
    assert terms.keywords("", lexicon, Filters()).empty


# --- another document ------------------------------------------------------------------------------


HOSTILE = (
    "测试报告标题\n\n"
    "李强强调，要推动高质量发展<script>alert(1)</script>，加快发展新质生产力。\n\n"
    "会议指出，<img src=x onerror=alert(1)>高质量发展是首要任务。\n"
)


@pytest.fixture(scope="module")
def hostile(lexicon):
    doc = document.Document(id="hostile", text=HOSTILE, filename="hostile.txt")
    return dataset.build(doc, lexicon)


def test_a_document_with_one_speaker(hostile):
    # 会议 (the meeting) is not a person of speakers.toml: 李强 is the only speaker
    assert terms.speakers(hostile) == ["李强"]
    frame = terms.speaker_terms(hostile, Filters(), 5, ())
    assert set(frame["speaker"]) == {"李强"}


# --- the page's strings and imports ------------------------------------------------------------------


def test_the_term_page_modules_do_not_import_jieba():
    import subprocess
    import sys

    code = ("import sys; import studyboard.analysis.terms, studyboard.analysis.glossary, studyboard.ui.app, "
            "studyboard.views.termviews, studyboard.views.glossaryviews; "
            "print('jieba' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=str(ROOT))
    assert out.stdout.strip() == "False"
