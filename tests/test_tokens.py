"""The private jieba tokenizer: literal token lists and tags."""

from __future__ import annotations

import pytest

from studyboard.nlp.tokens import Tokenizer, is_word, lexicon_words, tokenizer_for


@pytest.fixture(scope="module")
def tokenizer(lexicon):
    return tokenizer_for(lexicon)


def test_formulations_stay_whole(tokenizer):
    assert tokenizer.cut("积极培育和发展新质生产力") == ["积极", "培育", "和", "发展", "新质生产力"]
    assert tokenizer.cut("更好参与全国统一大市场建设") == ["更", "好", "参与", "全国统一大市场", "建设"]  # 更 apart (gold rule 5)
    assert tokenizer.cut("深度融入共建“一带一路”") == ["深度", "融入", "共建", "“", "一带一路", "”"]
    assert tokenizer.cut("坚持“两个毫不动摇”") == ["坚持", "“", "两个毫不动摇", "”"]


@pytest.mark.parametrize("term", [
    "新质生产力", "高质量发展", "中国式现代化", "全国统一大市场", "粤港澳大湾区", "长江经济带",
    "两个毫不动摇", "枫桥经验", "一带一路", "自由贸易试验区", "新发展格局", "中部地区崛起",
])
def test_required_terms_are_single_tokens(tokenizer, term):
    assert tokenizer.cut(f"推动{term}建设") [1] == term


def test_names_of_people_and_places(tokenizer):
    assert "楼阳生" in tokenizer.cut("河南省委书记楼阳生")
    assert tokenizer.cut("在湖南省长沙市主持召开")[:3] == ["在", "湖南省", "长沙市"]


def test_offsets_and_tags(tokenizer):
    tokens = tokenizer.tokenize("3月20日下午，新质生产力")
    assert "".join(t.text for t in tokens) == "3月20日下午，新质生产力"
    assert all(t.end - t.start == len(t.text) for t in tokens)
    by_text = {t.text: t.pos for t in tokens}
    assert by_text["新质生产力"] == "nz"  # the tag given in userdict.txt
    assert by_text["，"] == "x"


def test_is_word():
    assert is_word("发展") and is_word("5G") and not is_word("，") and not is_word("“") and not is_word(" ")


def test_the_global_jieba_dictionary_is_untouched(lexicon):
    import jieba

    Tokenizer(lexicon)
    assert "新质生产力" not in jieba.lcut("积极培育和发展新质生产力")


def test_lexicon_words_include_people_and_places(lexicon):
    words = {w for w, _, _ in lexicon_words(lexicon)}
    assert {"习近平", "湖南省", "长沙", "长江中游城市群", "新质生产力"} <= words


def test_keywords_with_the_private_tokenizer(tokenizer):
    import jieba

    loaded = jieba.dt.initialized
    text = "要以科技创新引领产业创新，积极培育和发展新质生产力。加快发展新质生产力，推动高质量发展。"
    tfidf = dict(tokenizer.keywords(text, "tfidf", 10, frozenset({"发展"})))
    assert "新质生产力" in tfidf and "发展" not in tfidf and "新质" not in tfidf
    textrank = [word for word, _ in tokenizer.keywords(text, "textrank", 10)]
    assert "新质生产力" not in textrank  # tagged nz: not among TextRank's default tags (n, ns, vn, v)
    textrank = [word for word, _ in tokenizer.keywords(text, "textrank", 10, allow_pos=("n", "nz", "vn", "v"))]
    assert "新质生产力" in textrank
    assert jieba.dt.initialized == loaded  # jieba's global tokenizer is neither loaded nor changed
    assert "新质生产力" not in jieba.dt.FREQ
    with pytest.raises(ValueError):
        tokenizer.keywords(text, "lda", 10)
