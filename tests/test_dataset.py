"""The seed's dataset, checked against counts read off the text by hand, and
the disk cache."""

from __future__ import annotations

import re
import shutil
from dataclasses import replace

import pytest

from studyboard.dataset import tables as dataset
from studyboard import lexicon as lexicon_module
from studyboard.dataset import cache
from support import ROOT

# Speaker of each body paragraph, read by hand: reported speech belongs to its
# speaker; the attendance paragraphs 2, 3 and 14 are narration.
SPEAKERS = ["习近平", None, None, "习近平", "习近平", "习近平", "习近平", "习近平", "习近平", "习近平",
            "习近平", "李强", "丁薛祥", None]


def count_tokens(ds, term):
    return int((ds.tokens["text"] == term).sum())


def test_document_row(seed):
    doc = seed.document
    assert doc["kicker"] == "习近平主持召开新时代推动中部地区崛起座谈会强调"
    assert doc["headline"] == "在更高起点上扎实推动中部地区崛起"
    assert (doc["date"], doc["place"], doc["source"]) == ("2024-03-20", "湖南省长沙市", "新华社")
    assert doc["paragraphs"] == 14
    # 8126 bytes of text; the body alone, counted without white space
    body = "".join(seed.paragraphs["text"])
    assert doc["chars"] == len(body) and not re.search(r"\s", body)


def test_paragraph_speakers(seed):
    speakers = [s if isinstance(s, str) else None for s in seed.paragraphs["speaker"]]
    assert speakers == SPEAKERS


def test_sentence_speakers_in_the_first_paragraph(seed):
    first = seed.sentences[seed.sentences["paragraph"] == 1]
    assert list(first["text"].str[:4]) == ["中共中央", "他强调，", "要一以贯"]
    speakers = [s if isinstance(s, str) else None for s in first["speaker"]]
    assert speakers == [None, "习近平", "习近平"]  # the opening sentence is narration


def test_sentences_of_the_fourth_paragraph(seed):
    fourth = seed.sentences[seed.sentences["paragraph"] == 4]
    assert list(fourth["text"]) == [
        "听取大家发言后，习近平发表了重要讲话。",
        fourth["text"].iloc[1],
        "同时要看到，推动中部地区崛起仍面临不少困难和挑战，要切实研究解决。",
    ]
    assert fourth["text"].iloc[1].startswith("他指出，上一次推动中部地区崛起座谈会召开5年来，")
    for row in seed.sentences.itertuples():
        paragraph = seed.paragraphs.loc[seed.paragraphs["paragraph"] == row.paragraph, "text"].iloc[0]
        assert paragraph[row.start:row.end] == row.text


@pytest.mark.parametrize("term, expected", [
    ("新质生产力", 2),      # paragraphs 5 and 13
    ("全国统一大市场", 2),  # paragraphs 7 and 13
    ("高质量发展", 6),      # paragraphs 1, 6, 10 and three times in 13
    ("习近平", 11),         # 12 in all, one of them in the kicker
    ("中国式现代化", 1),
    ("一带一路", 1),
])
def test_token_counts(seed, term, expected):
    assert count_tokens(seed, term) == expected


def test_token_offsets_point_into_paragraphs(seed):
    texts = dict(zip(seed.paragraphs["paragraph"], seed.paragraphs["text"]))
    sample = seed.tokens.sample(200, random_state=1)
    for row in sample.itertuples():
        assert texts[row.paragraph][row.start:row.end] == row.text


def test_split_audit_is_empty_for_the_seed(seed):
    assert seed.split_audit.empty
    assert (seed.formulations["split"] == 0).all()


def test_split_audit_reports_a_term_the_tokenizer_cuts(tmp_path, seed_doc):
    folder = tmp_path / "lexicon"
    shutil.copytree(lexicon_module.paths.LEXICON, folder)
    # a formulation given a frequency too low to stay whole
    with open(folder / "userdict.txt", "a", encoding="utf-8") as handle:
        handle.write("\n大规模设备 1 n\n")
    ds = dataset.build(seed_doc, lexicon_module.load(folder))
    audit = ds.split_audit
    assert list(audit["term"]) == ["大规模设备"]
    assert audit["paragraph"].iloc[0] == 5
    assert "/" in audit["tokens"].iloc[0]


def test_place_mentions(seed):
    direct = seed.mentions[~seed.mentions["related"]]
    counts = direct.groupby("province")["mention"].nunique().to_dict()
    assert counts == {"山西": 1, "安徽": 1, "江西": 1, "河南": 1, "湖北": 1, "湖南": 3}
    hunan = direct[direct["province"] == "湖南"]
    assert sorted(hunan["kind"]) == ["city", "official", "province"]
    assert set(hunan["surface"]) == {"湖南省", "长沙市", "湖南省委书记"}
    regions = seed.mentions[seed.mentions["related"]]
    assert set(regions["surface"]) == {"京津冀", "长三角", "粤港澳大湾区", "长江经济带", "黄河流域",
                                        "长江中游城市群", "中原城市群"}


def test_ecology_theme_includes_the_ecology_paragraph(seed):
    grid = seed.paragraph_themes
    ecology = grid[(grid["theme"] == "ecology") & (grid["hits"] > 0)]
    assert 8 in set(ecology["paragraph"])  # 习近平指出，要协同推进生态环境保护…
    top = grid[grid["paragraph"] == 8].sort_values("hits", ascending=False)
    assert top["theme"].iloc[0] == "ecology"
    assert len(grid) == 14 * 8


def test_theme_hits_point_at_their_keywords(seed):
    texts = dict(zip(seed.paragraphs["paragraph"], seed.paragraphs["text"]))
    for row in seed.theme_hits.itertuples():
        assert texts[row.paragraph][row.start:row.end] == row.keyword


def test_terms_drop_stopwords_and_punctuation(seed, lexicon):
    terms = set(seed.terms["term"])
    assert {"发展", "中部地区", "高质量发展", "新质生产力"} <= terms
    assert not terms & {"的", "和", "要", "，", "。", "“"}
    # the default tier keeps the generic policy verbs
    assert {"加强", "推进", "坚持"} <= terms
    policy = dataset.term_counts(seed.tokens, lexicon.stop_set("policy"))
    assert not set(policy["term"]) & {"加强", "推进", "坚持"}


def test_provenance(seed):
    p = seed.provenance
    assert p["tokenizer"] == "jieba" and p["tokenizer_version"] == "0.42.1"
    assert p["stopword_tier"] == "function"
    assert set(p["lexicon"]) == set(lexicon_module.FILES)
    assert re.fullmatch(r"[0-9a-f]{64}", p["dataset_sha256"])


def test_same_input_same_hash(seed_doc, lexicon, seed):
    assert dataset.build(seed_doc, lexicon).provenance["dataset_sha256"] == seed.provenance["dataset_sha256"]


# --- the disk cache -----------------------------------------------------------

def test_second_load_comes_from_disk_without_jieba(seed_doc, lexicon, monkeypatch, tmp_path):
    monkeypatch.setenv("STUDYBOARD_CACHE", str(tmp_path / "cache"))
    first = cache.load(seed_doc, lexicon)

    def no_jieba(*args, **kwargs):
        raise AssertionError("jieba ran although the dataset was cached")

    monkeypatch.setattr("studyboard.nlp.tokens.tokenizer_for", no_jieba)
    second = cache.load(seed_doc, lexicon)
    assert second.provenance == first.provenance
    for name, frame in first.tables().items():
        assert frame.shape == getattr(second, name).shape, name
    assert list(second.paragraphs["text"]) == list(first.paragraphs["text"])


def test_edited_lexicon_rebuilds(seed_doc, monkeypatch, tmp_path):
    monkeypatch.setenv("STUDYBOARD_CACHE", str(tmp_path / "cache"))
    folder = tmp_path / "lexicon"
    shutil.copytree(lexicon_module.paths.LEXICON, folder)
    first = cache.load(seed_doc, lexicon_module.load(folder))
    stopwords = folder / "stopwords.txt"
    stopwords.write_text(stopwords.read_text(encoding="utf-8") + "\n发展\n", encoding="utf-8")
    built = []
    real_build = dataset.build
    monkeypatch.setattr(cache, "build", lambda *a, **k: built.append(1) or real_build(*a, **k))
    second = cache.load(seed_doc, lexicon_module.load(folder))
    assert built == [1]
    assert "发展" in set(first.terms["term"]) and "发展" not in set(second.terms["term"])
    assert second.provenance["cache_key"] != first.provenance["cache_key"]


def test_with_themes_rescores_without_the_tokenizer(seed, lexicon):
    # 长江 occurs twice, both in paragraph 6 (长江经济带发展, 长江中游城市群);
    # before the edit that paragraph has no ecology hit (生态保护 is inside the name of a regional
    # strategy, 黄河流域生态保护和高质量发展, an exclusion of the theme)
    edited = tuple(replace(t, keywords=t.keywords + ("长江",)) if t.id == "ecology" else t
                   for t in lexicon.themes)
    again = dataset.with_themes(seed, edited)
    grid = again.paragraph_themes.set_index(["paragraph", "theme"])["hits"]
    before = seed.paragraph_themes.set_index(["paragraph", "theme"])["hits"]
    assert (before[(6, "ecology")], grid[(6, "ecology")]) == (0, 2)
    changed = (grid != before)
    assert list(changed[changed].index) == [(6, "ecology")]
    assert again.themes.set_index("theme").loc["ecology", "keywords"].endswith(" 长江")
    assert again.tokens is seed.tokens and again.provenance["themes_edited"]
    assert again.provenance["dataset_sha256"] != seed.provenance["dataset_sha256"]
    # the unedited lexicon gives the very same tables
    same = dataset.with_themes(seed, lexicon.themes)
    assert same.provenance["dataset_sha256"] == seed.provenance["dataset_sha256"]


# --- structure: sections and the title block (test texts of other genres) ------------


@pytest.fixture(scope="module")
def speech(lexicon):
    from studyboard.ingest.document import from_file

    return dataset.build(from_file(ROOT / "tests" / "texts" / "speech.txt"), lexicon)


def test_sections_of_a_speech_as_read_by_hand(speech):
    # speech.txt, by line: 5 body (p1); 6 一、; 7-10 (p2-p5); 11 二、; 12-14 (p6-p8); 15 三、; 16 （一）;
    # 17-19 (p9-p11); 20 （二）; 21-22 (p12-p13); 23 （三）; 24-25 (p14-p15); 26 四、; 27-30 (p16-p19)
    rows = speech.sections[["section", "level", "number", "parent", "first_paragraph", "last_paragraph"]]
    assert rows.values.tolist() == [
        [1, 1, "一", 0, 2, 5], [2, 1, "二", 0, 6, 8], [3, 1, "三", 0, 9, 15], [4, 2, "一", 3, 9, 11],
        [5, 2, "二", 3, 12, 13], [6, 2, "三", 3, 14, 15], [7, 1, "四", 0, 16, 19],
    ]
    assert speech.sections["title"].iloc[3] == "以科技创新引领产业创新"
    assert dict(zip(speech.paragraphs["paragraph"], speech.paragraphs["section"]))[10] == 4
    assert speech.paragraphs["section"].iloc[0] == 0  # the opening paragraph stands before the first heading
    by_paragraph = dict(zip(speech.paragraphs["paragraph"], speech.paragraphs["section"]))
    assert all(s == by_paragraph[p] for p, s in zip(speech.sentences["paragraph"], speech.sentences["section"]))
    first = speech.sections.iloc[0]
    assert first["chars"] == speech.paragraphs["chars"].iloc[1:5].sum()


def test_a_speech_is_spoken_by_its_byline_person(speech):
    assert set(speech.sentences["speaker"]) == {"王某某"}
    doc = speech.document
    assert (doc["title"], doc["date"], doc["speaker"], doc["salutation"]) == (
        "在全省推动中部地区崛起工作推进会上的讲话", "2025-06-12", "王某某", "同志们")
    assert doc["paragraphs"] == 19
    assert speech.title_block.values.tolist() == [
        ["title", "在全省推动中部地区崛起工作推进会上的讲话"], ["date_line", "2025年6月12日"],
        ["speaker", "王某某"], ["salutation", "同志们"]]


def test_the_shipped_report_has_no_sections(seed):
    assert seed.sections.empty and set(seed.paragraphs["section"]) == {0}
    assert seed.title_block["part"].tolist() == ["kicker", "title"]
    assert seed.document["speaker"] == "" and seed.document["paragraphs"] == 14
