"""The quiz: fill-in-the-blank questions from the outline's sentences.

Every generated question of the seed is checked against the text itself (the
raw file, joined up): exactly one choice fills the blank to words that the
report has, and the answer stands in the source sentence.
"""

from __future__ import annotations

import re

import pytest

from study_docs import PLAIN
from studyboard.dataset import tables as dataset
from studyboard.analysis import outline, quiz
from studyboard.errors import LexiconError
from studyboard.ui import params
from support import SEED_PATH


@pytest.fixture(scope="module")
def text():
    """The seed's words without the PDF line breaks and page-break spaces."""
    return re.sub(r"\s+", "", SEED_PATH.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def pool(seed, lexicon):
    return quiz.generate(seed, lexicon, "", 10**6)


def test_every_question_has_exactly_one_right_choice(pool, text):
    assert len(pool) >= 20
    for q in pool.itertuples():
        assert q.prompt.count(quiz.BLANK) == 1  # one blank: a term said twice is never asked
        assert len(set(q.choices)) == quiz.CHOICES
        fits = [choice for choice in q.choices if q.prompt.replace(quiz.BLANK, choice) in text]
        assert fits == [q.answer], (q.sentence, q.prompt, q.choices)
        assert q.choices[q.correct] == q.answer
        assert q.answer in q.source and q.source in text
        assert not any(d in q.source for d in q.choices if d != q.answer)


def test_the_blanked_term_of_each_task(pool):
    by_sentence = dict(zip(pool["sentence"], pool["answer"]))
    # worked out by hand with the rule (a glossary term first, then the rarer in the text):
    assert by_sentence[9] == "新质生产力"  # 科技创新, 产业创新 are not in the glossary
    assert by_sentence[14] == "新发展格局"  # 重大发展战略 is not in the glossary
    assert by_sentence[20] == "内陆开放高地"  # 深层次改革, 高水平开放 are not in the glossary
    assert by_sentence[25] == "美丽中部"  # 生态环境保护, 绿色低碳 are not in the glossary
    assert by_sentence[29] == "乡村全面振兴"  # 城乡融合发展 is not in the glossary
    assert by_sentence[38] == "高水平安全"  # twice in the text, 高质量发展 six times
    q9 = pool[pool["sentence"] == 9].iloc[0]
    assert q9["prompt"] == f"要以科技创新引领产业创新，积极培育和发展{quiz.BLANK}。"


def test_a_term_said_twice_is_not_blanked(pool, seed, lexicon):
    # sentence 27: 推进产业、能源、交通运输结构绿色低碳转型，加快培育壮大绿色低碳产业，加强资源节约集约循环利用。
    # 绿色低碳 is its only formulation and it is said twice: one blank would leave the answer beside it, two
    # would ask the same word twice; the sentence gives no question
    text = seed.sentences.loc[seed.sentences["sentence"] == 27, "text"].iloc[0]
    assert text.count("绿色低碳") == 2
    assert quiz.candidates(seed, text, 27, {}, lexicon) == []
    assert 27 not in set(pool["sentence"])


def test_no_list_slot_is_blanked(pool, seed, lexicon):
    # sentence 46 (李强): 要着力锻长板补短板，在新型城镇化、绿色低碳发展等方面发挥优势、释放潜能，……
    # 新型城镇化 stands before 、: an item of a list, never blanked; the sentence has no other formulation
    text = seed.sentences.loc[seed.sentences["sentence"] == 46, "text"].iloc[0]
    assert "在新型城镇化、绿色低碳发展等方面" in text
    assert "新型城镇化" not in [t for t, _ in quiz.candidates(seed, text, 46, {}, lexicon)]
    assert 46 not in set(pool["sentence"])
    for q in pool.itertuples():  # no blank of the whole set stands beside 、
        assert "、" + quiz.BLANK not in q.prompt and quiz.BLANK + "、" not in q.prompt, q.prompt
    assert quiz.in_list("在新型城镇化、绿色低碳发展等方面", "新型城镇化", ("、",))
    assert quiz.in_list("京津冀、“长三角”", "长三角", ("、",))  # quotation marks aside
    assert not quiz.in_list("长江经济带发展、黄河流域", "长江经济带", ("、",))


def test_the_topic_word_is_never_blanked(pool, seed, lexicon):
    # the headline 在更高起点上扎实推动中部地区崛起 holds 中部地区 (14 times in the text) and 中部地区崛起 (8 of them)
    assert quiz.topic_word(seed) == "中部地区"
    assert "中部地区" not in set(pool["answer"])
    # sentence 17: 加强现代化交通基础设施体系建设，强化中部地区的大通道格局。 asks 大通道, not 中部地区
    assert pool.loc[pool["sentence"] == 17, "answer"].tolist() == ["大通道"]
    text = seed.sentences.loc[seed.sentences["sentence"] == 17, "text"].iloc[0]
    assert [t for t, _ in quiz.candidates(seed, text, 17, {}, lexicon)] == ["大通道"]


def sentence_text(ds, number: int) -> str:
    return ds.sentences.loc[ds.sentences["sentence"] == number, "text"].iloc[0]


def test_no_distractor_forms_a_stock_collocation(pool, seed, lexicon):
    by_sentence = {int(q.sentence): q for q in pool.itertuples()}
    # 要坚持城乡融合发展，扎实推进＿＿。 (乡村全面振兴): 扎实推进新型城镇化 is a stock phrase
    assert by_sentence[29].answer == "乡村全面振兴"
    # 积极引进东部地区＿＿资源 (产业创新): 科技创新资源
    assert by_sentence[45].answer == "产业创新"
    # 更好融入和支撑＿＿ and 放到支撑构建＿＿中 (新发展格局): 融入/支撑/构建 双循环, 全国统一大市场
    assert by_sentence[14].answer == "新发展格局" and by_sentence[44].answer == "新发展格局"
    # 更好参与＿＿建设 (全国统一大市场): 参与一带一路建设
    assert by_sentence[21].answer == "全国统一大市场"
    banned = {29: {"新型城镇化"}, 45: {"科技创新"}, 14: {"双循环", "全国统一大市场"},
              44: {"双循环", "全国统一大市场"}, 21: {"一带一路"}}
    for sentence, words in banned.items():
        assert not words & set(quiz.distractor_pool(seed, lexicon, sentence_text(seed, sentence),
                                                    by_sentence[sentence].answer)), sentence
    for code in ("", "小组1", "小组2", "group-3"):  # whatever the code draws
        for q in quiz.generate(seed, lexicon, code, 10**6).itertuples():
            assert not banned.get(int(q.sentence), set()) & set(q.choices), (code, q.sentence)


def test_without_the_collocations_the_stock_phrase_would_be_offered(seed, lexicon):
    bare = quiz._Terms(seed, {}, lexicon, quiz.Rules())
    assert "新型城镇化" in quiz._distractor_pool("乡村全面振兴", "nz", sentence_text(seed, 29), bare)
    assert "一带一路" in quiz._distractor_pool("全国统一大市场", "nz", sentence_text(seed, 21), bare)


def test_collocations_and_formulations_beside_the_blank(seed, lexicon):
    known = quiz._Terms(seed, {}, lexicon, quiz.Rules(collocations=("推进新型城镇化", "科技创新资源", "参与一带一路建设")))
    assert quiz.collocates("新型城镇化", "要坚持城乡融合发展，扎实推进", "。", known)
    assert quiz.collocates("科技创新", "积极引进东部地区", "资源，增强", known)
    assert quiz.collocates("一带一路", "更好参与“", "”建设。", known)  # quotation marks aside
    assert not quiz.collocates("一带一路", "更好参与", "合作。", known)  # 参与一带一路合作 is not listed
    assert not quiz.collocates("新型城镇化", "扎实推进", "", quiz._Terms(seed, {}, lexicon, quiz.Rules()))
    # a formulation of userdict.txt with the words beside the blank: 中部地区 + 崛起 is 中部地区崛起
    assert quiz.collocates("中部地区", "研究提出新时代推动", "崛起的政策举措。", known)
    assert not quiz.collocates("中部地区", "研究提出新时代推动", "发展的政策举措。", known)


def test_a_small_pool_is_widened_so_that_codes_differ(seed, lexicon):
    # 长江中游城市群 (ns) in a sentence that also names 中部地区, 京津冀, 长三角 and 黄河流域: of the eight ns
    # formulations of userdict.txt, all in the seed (those five, 粤港澳大湾区, 长江经济带, 中原城市群), three are left
    text = "长江中游城市群与中部地区、京津冀、长三角、黄河流域协同发展。"
    narrow = quiz._Terms(seed, {}, lexicon, quiz.Rules(pool_floor=3))
    three = ["中原城市群", "粤港澳大湾区", "长江经济带"]
    assert sorted(quiz._distractor_pool("长江中游城市群", "ns", text, narrow)) == three
    # with the shipped floor (6) the nouns of other tags join: other codes draw other distractors
    wide = quiz.distractor_pool(seed, lexicon, text, "长江中游城市群")
    assert set(three) <= set(wide) and len(wide) > 6
    drawn = {frozenset(quiz._rng(quiz.seed_of(seed.doc_id, code), "k").sample(wide, 3))
             for code in ("", "小组1", "小组2", "group-3")}
    assert len(drawn) > 1
    # in the seed's own set: 大力促进＿＿和中原城市群发展 has six ns distractors, and codes show different threes
    sets = {frozenset(quiz.generate(seed, lexicon, code, 10**6).set_index("sentence").loc[19, "choices"])
            for code in ("", "小组1", "小组2", "group-3", "x")}
    assert len(sets) > 1


def test_quiz_rules_file(tmp_path):
    rules = quiz.load_rules()
    assert "推进新型城镇化" in rules.collocations and "参与一带一路建设" in rules.collocations
    assert rules.list_marks == ("、",) and rules.pool_floor == 6
    assert quiz.load_rules(tmp_path) == rules  # a lexicon folder without the file: the shipped one
    (tmp_path / "quiz.toml").write_text("pool_floor = 2\n", encoding="utf-8")
    with pytest.raises(LexiconError):
        quiz.load_rules(tmp_path)
    (tmp_path / "quiz.toml").write_text("collocations = [\n", encoding="utf-8")
    with pytest.raises(LexiconError):
        quiz.load_rules(tmp_path)


def test_no_distractor_makes_a_phrase_of_the_text(pool):
    # 全国统一大市场建设 is in the text (sentences 21 and 50): it cannot stand in ＿＿建设 of sentence 3
    q3 = pool[pool["sentence"] == 3].iloc[0]
    assert q3["answer"] == "中国式现代化" and "全国统一大市场" not in q3["choices"]


def test_same_code_same_set(seed, lexicon):
    a = quiz.generate(seed, lexicon, "小组1", 6)
    b = quiz.generate(seed, lexicon, "小组1", 6)
    assert a.equals(b) and len(a) == 6
    assert a["sentence"].is_monotonic_increasing  # asked in text order
    other = [quiz.generate(seed, lexicon, code, 6) for code in ("小组2", "group-3", "")]
    assert any(o["sentence"].tolist() != a["sentence"].tolist() for o in other)


def test_set_size(seed, lexicon, pool):
    assert len(quiz.generate(seed, lexicon, "x", 3)) == 3
    assert len(quiz.generate(seed, lexicon, "x", 0)) == 0
    assert quiz.available(seed, lexicon) == len(pool)


def test_theme_filter(seed, lexicon):
    questions = quiz.generate(seed, lexicon, "", 100, ("ecology",))
    with_ecology = set(seed.sentence_themes.loc[seed.sentence_themes["theme"] == "ecology", "sentence"])
    assert set(questions["sentence"]) <= with_ecology
    assert 25 in set(questions["sentence"])  # 要协同推进生态环境保护和绿色低碳发展，加快建设美丽中部


def test_too_few_terms_gives_no_questions(lexicon):
    ds = dataset.build(PLAIN, lexicon)
    assert quiz.generate(ds, lexicon, "", 5).empty
    assert quiz.available(ds, lexicon) == 0


def test_score_is_the_participants_own(pool):
    questions = pool.head(3)
    answers = {1: questions["answer"].iloc[0], 2: "不对", 3: None}
    assert quiz.score(questions, answers) == (1, 2, 3)
    assert quiz.score(questions, {}) == (0, 0, 3)


def test_session_codes():
    # the quiz page reads ?code= and ?n= with these parsers (studyboard.ui.params)
    parse_code, parse_size = params.parse_code(quiz.MAX_CODE), params.parse_digits(1, quiz.MAX_SIZE)
    assert parse_code("小组1") == "小组1" and parse_code(" a-b_c ") == "a-b_c"
    for bad in ("a b", "<script>", "x" * 25, ""):
        assert parse_code(bad) is None
    assert parse_code("x" * 24) == "x" * 24
    assert params.refused("<b>", parse_code) and not params.refused(None, parse_code)
    assert not params.refused("ok", parse_code) and not params.refused("", parse_code)
    assert parse_size("8") == 8 and parse_size("0") is None and parse_size("²") is None
    assert parse_size("999") == 999 and parse_size("1000") is None and parse_size("-3") is None
    assert quiz.seed_of("doc", "a") != quiz.seed_of("doc", "b") != quiz.seed_of("doc", "a", ("ecology",))


def test_items_without_outline(seed, lexicon):
    empty = outline.extract(seed, lexicon).head(0)
    assert quiz.all_questions(seed, lexicon, empty, "s").empty


# --- documents with headings: questions from the headings and their key statements -------------------

from study_docs import genre, genre_text  # noqa: E402


def joined(name: str) -> str:
    return re.sub(r"\s+", "", genre_text(name))


@pytest.mark.parametrize("name", ["speech", "report", "article", "decision"])
def test_questions_of_every_genre_follow_the_headings(name, lexicon):
    ds = genre(name, lexicon)
    pool = quiz.generate(ds, lexicon, "", 10**6)
    assert len(pool) >= 8
    text = joined(name)
    for q in pool.itertuples():
        # exactly one choice gives the words of the text (a heading as its line has it, with its number)
        fits = [c for c in q.choices if re.sub(r"\s+", "", q.prompt.replace(quiz.BLANK, c)) in text]
        assert fits == [q.answer], (q.key, q.prompt, q.choices)
        assert q.choices[q.correct] == q.answer and len(set(q.choices)) == quiz.CHOICES
    # in document order: the headings' order, each heading's statements after it
    items = outline.extract(ds, lexicon)
    position = {row.item: index for index, row in enumerate(items.itertuples())}
    order = [position[int(i)] for i in pool["item"]]
    assert order == sorted(order)
    assert len(set(pool["key"])) == len(pool)


def test_speech_questions(lexicon):
    ds = genre("speech", lexicon)
    pool = quiz.generate(ds, lexicon, "", 10**6)
    first = pool.iloc[0]
    # the outline's first item is the heading 一、深刻认识推动中部地区崛起的重大意义, whose one formulation of
    # userdict.txt is 中部地区崛起 (中部地区 stands inside it)
    assert (first["kind"], first["key"], first["sentence"]) == ("heading", "h1", 0)
    assert first["prompt"] == f"一、深刻认识推动{quiz.BLANK}的重大意义" and first["answer"] == "中部地区崛起"
    assert "h4" in set(pool["key"])  # （一）以科技创新引领产业创新
    assert set(pool["kind"]) == {"heading", "key"}
    # the same code gives the same set, in the outline's order
    a, b = quiz.generate(ds, lexicon, "小组1", 6), quiz.generate(ds, lexicon, "小组1", 6)
    assert a.equals(b) and len(a) == 6
    order = [pool.index[pool["key"] == key][0] for key in a["key"]]
    assert order == sorted(order)


def test_report_questions_from_run_in_headings(lexicon):
    ds = genre("report", lexicon)
    pool = quiz.generate(ds, lexicon, "", 10**6)
    # （二）加快发展新质生产力。 opens paragraph 4: the heading's sentence
    q = pool[pool["prompt"] == f"（二）加快发展{quiz.BLANK}"].iloc[0]
    assert q["answer"] == "新质生产力" and q["kind"] == "heading" and q["paragraph"] == 4 and q["sentence"] > 0


def test_theme_filter_on_headings(lexicon):
    ds = genre("speech", lexicon)
    chosen = quiz.generate(ds, lexicon, "", 10**6, ("ecology",))
    with_ecology = set(ds.sentence_themes.loc[ds.sentence_themes["theme"] == "ecology", "sentence"])
    for q in chosen.itertuples():
        if q.kind == "heading":  # asked when a sentence of the paragraphs it covers has the theme
            section = ds.sections[ds.sections["section"] == q.section].iloc[0]
            covered = ds.sentences[ds.sentences["paragraph"].between(section["first_paragraph"],
                                                                     section["last_paragraph"])]
            assert set(covered["sentence"]) & with_ecology
        else:
            assert q.sentence in with_ecology
    assert "h6" in set(chosen["key"])  # （三）筑牢长江经济带绿色发展底色
