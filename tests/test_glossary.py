"""The glossary loader (studyboard.analysis.glossary): entries, the table of plain values, search, counts."""

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


# --- the glossary table, search and counts ----------------------------------------


def make_entry(term="测试词", pinyin="cèshì cí", renderings=(), gloss="", note=""):
    return glossary.Entry(term, pinyin, "解释。", "Explanation.", tuple(renderings), gloss, note)


def test_table_of_plain_values():
    entries = glossary.load()
    frame = glossary.table(entries, {"新质生产力": 2}).set_index("term")
    assert frame.loc["新质生产力", "english"] == "new quality productive forces"
    assert frame.loc["新质生产力", "date"] == "2024-03-20" and frame.loc["新质生产力", "renderings"] == 5
    assert frame.loc["新质生产力", "occurrences"] == 2 and frame.loc["枫桥经验", "occurrences"] == 0
    assert frame.loc["新质生产力", "explain_zh"].startswith("2023年9月习近平在黑龙江考察时首次提出")
    assert frame.loc["新质生产力", "explain_en"].startswith("A concept first put forward by Xi Jinping")
    # no official rendering: no English, and the descriptive gloss on its own
    assert not frame.loc["产学研", "official"]
    assert frame.loc["产学研", "english"] == ""
    assert frame.loc["产学研", "gloss"] == "industry-university-research (collaboration)"
    assert "occurrences" not in glossary.table(entries).columns
    assert glossary.table(entries).set_index("term").loc["枫桥经验", "english"] == "Fengqiao model"


def test_search_by_term_pinyin_and_any_rendering():
    entries = glossary.load()
    frame = glossary.table(entries)

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


def test_unverified_renderings():
    assert glossary.has_unverified(glossary.by_term()["新质生产力"])  # 'new productivity boosters': secondary mention
    # 枫桥经验: the Qiushi article was read in a republication (theorychina.org.cn), not on en.qstheory.cn
    assert glossary.has_unverified(glossary.by_term()["枫桥经验"])
    # 新亚欧大陆桥: one rendering, read on Xinhua's own English page
    assert not glossary.has_unverified(glossary.by_term()["新亚欧大陆桥"])
    newest = glossary.by_term()["新质生产力"].renderings[0]
    assert newest.verified and newest.status == "primary"
    assert glossary.by_term()["高水平安全"].renderings[0].status == "unverified"


def test_renderings_table():
    bad = glossary.Rendering("evil", "<b>Source</b>", "2024", url="javascript:alert(1)")
    good = glossary.Rendering("fine", "Xinhua", "2023", url="https://english.news.cn/x?a=1&b=2")
    table = glossary.renderings(make_entry(renderings=(bad, good)))
    assert list(table["en"]) == ["evil", "fine"]


def test_the_files_pinyin_first_else_pypinyin():
    # the file's own pinyin, words joined as it writes them
    assert glossary.pinyin_of(glossary.by_term()["中部地区崛起"]) == "zhōngbù dìqū juéqǐ"
    # no pinyin in the file: pypinyin's, one syllable per space
    assert glossary.pinyin_of(make_entry(term="银行", pinyin="")) == "yín háng"
    assert glossary.pinyin_of(make_entry(term="银行", pinyin="yínháng")) == "yínháng"
    frame = glossary.table([make_entry(term="银行", pinyin="")])
    assert list(frame["pinyin"]) == ["yín háng"]


def test_pinyin_of_any_term():
    own = [make_entry(term="银行", pinyin="yínháng")]
    assert glossary.term_pinyin("银行", own) == "yínháng"  # the entry's own
    assert glossary.term_pinyin("行业", own) == "háng yè"  # not in the glossary: pypinyin's
    assert glossary.term_pinyin("座谈会") == "zuò tán huì"
    # pypinyin reads 长 in 长三角 as zhǎng (to grow); the glossary's Cháng (long) wins
    assert glossary.term_pinyin("长三角") == "Cháng Sānjiǎo"
    assert glossary.term_pinyin("长三角", []) != "Cháng Sānjiǎo"


def test_search_by_pinyin_that_the_file_does_not_give():
    entries = [make_entry(term="银行", pinyin=""), make_entry(term="重庆", pinyin="")]
    frame = glossary.table(entries)

    def found(query):
        return list(glossary.search(frame, entries, query)["term"])

    assert found("yinhang") == ["银行"]
    assert found("yín háng") == ["银行"]
    assert found("chongqing") == ["重庆"]
    assert found("zhongqing") == []  # 重 in 重庆 is chóng
