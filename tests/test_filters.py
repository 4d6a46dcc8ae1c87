"""The theme filter's unit is the paragraph on every page (studyboard.analysis.filters).

Read off the shipped document with the keywords of data/lexicon/themes.toml:
ecology ("绿色发展") has hits in ¶4, ¶5, ¶8, ¶12 and ¶13; party ("党的领导与落实") in
¶1, ¶9, ¶11, ¶12 and ¶13. Both: ¶12 (s1 贯彻落实/重要讲话精神, s3 绿色低碳) and ¶13
(s1 二十大精神/重要讲话精神, s5 生态环境/绿色). No single sentence carries both.
"""

from __future__ import annotations

from studyboard.analysis import filters


def _where(seed, numbers) -> list[tuple[int, int]]:
    rows = seed.sentences.set_index("sentence").loc[sorted(numbers), ["paragraph", "index"]]
    return [tuple(int(v) for v in row) for row in rows.to_numpy()]


def test_all_of_two_themes_keeps_the_paragraphs_with_both(seed):
    assert filters.theme_paragraphs(seed, ("ecology", "party"), "all") == {12, 13}
    # their sentences with either theme: the scope of the pages that count sentences
    assert _where(seed, filters.theme_sentences(seed, ("ecology", "party"), "all")) == [(12, 1), (12, 3), (13, 1),
                                                                                      (13, 5)]
    assert filters.scope(seed, ("ecology", "party"), "all") == {"paragraphs": 2, "sentences": 4}


def test_any_of_the_themes_is_the_sentences_with_a_hit(seed):
    ecology = filters.theme_sentences(seed, ("ecology",))
    assert {p for p, _ in _where(seed, ecology)} == {4, 5, 8, 12, 13}
    assert filters.theme_paragraphs(seed, ("ecology", "party"), "any") == {1, 4, 5, 8, 9, 11, 12, 13}
    # one theme: any and all are the same
    assert filters.theme_sentences(seed, ("ecology",), "all") == ecology


def test_no_theme_no_filter(seed):
    assert filters.theme_sentences(seed) is None and filters.theme_paragraphs(seed) is None
    assert filters.scope(seed) is None
    assert filters.sentence_mask(seed).all()


def test_a_small_text_of_my_own(lexicon):
    from studyboard.dataset import tables as dataset
    from studyboard.ingest import document

    # ¶1: s1 改革 (reform), s2 生态 (ecology): both themes, in different sentences.
    # ¶2: s1 改革 and 生态 in one sentence, s2 no theme.  ¶3: 改革 only.
    text = ("学习会议\n\n　　我们要深化改革。我们要保护生态。\n\n　　改革和生态都要抓。大家都发了言。\n\n"
            "　　改革要继续推进。\n")
    ds = dataset.build(document.Document(id="own", text=text), lexicon)
    assert filters.theme_paragraphs(ds, ("reform", "ecology"), "all") == {1, 2}
    assert _where(ds, filters.theme_sentences(ds, ("reform", "ecology"), "all")) == [(1, 1), (1, 2), (2, 1)]
    assert filters.scope(ds, ("reform", "ecology"), "all") == {"paragraphs": 2, "sentences": 3}
    assert filters.scope(ds, ("reform", "ecology"), "any") == {"paragraphs": 3, "sentences": 4}
