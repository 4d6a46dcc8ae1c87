"""The library: reading and checking uploads, metadata from the text, storing,
editing, deleting, listing, and every kind of bad input."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import textwrap
import threading
from datetime import date

import pytest

from library_cases import (BAD_FILES, HOSTILE, HOSTILE_TITLE, REPORT, REPORT_CHARS, REPORT_PARAGRAPHS, REPORT_TITLE,
                           report_docx, report_pdf)
from studyboard.dataset import tables as dataset
from studyboard.store import library, notes
from studyboard.nlp import places
from studyboard.ingest import reflow
from studyboard.errors import InputError
from support import ROOT, SEED_ID, SEED_PATH
from studyboard.dataset import catalog
from studyboard.ingest import intake
from studyboard.ingest import document
from studyboard.nlp import metadata
from studyboard.views import library as library_view


@pytest.fixture(autouse=True)
def folders(tmp_path, monkeypatch):
    monkeypatch.setenv("STUDYBOARD_LIBRARY", str(tmp_path / "lib"))
    monkeypatch.setenv("STUDYBOARD_CACHE", str(tmp_path / "cache"))
    return tmp_path


def state():
    """Everything the library holds: its rows and files with their contents."""
    files = {}
    texts = library.store.texts_dir()
    if texts.is_dir():
        files = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in texts.iterdir()}
    return catalog.listing().to_dict("records"), files, notes.counts()


# --- reading -----------------------------------------------------------------------


def test_gb18030_upload_becomes_a_draft(lexicon):
    draft = catalog.prepare(REPORT.encode("gb18030"), "报告.txt", lexicon)
    assert (draft.encoding, draft.kind, draft.filename) == ("gb18030", "text", "报告.txt")
    assert draft.headline == REPORT_TITLE
    assert (draft.paragraphs, draft.chars) == (REPORT_PARAGRAPHS, REPORT_CHARS)
    assert draft.warnings == ()
    assert draft.duplicate_of is None
    assert draft.doc_id == "u_" + draft.sha256[:16]


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030", "gbk", "utf-16"])
def test_same_text_in_any_encoding_or_as_docx_has_one_hash(lexicon, encoding):
    reference = catalog.prepare(REPORT.encode("utf-8"), "a.txt", lexicon).sha256
    assert catalog.prepare(REPORT.encode(encoding), "a.txt", lexicon).sha256 == reference
    assert catalog.prepare(report_docx(), "a.docx", lexicon).sha256 == reference


@pytest.mark.parametrize("width", [12, 14, 16])
def test_text_pdf_goes_through_reflow_like_the_seed(lexicon, width):
    """A hard-wrapped PDF page (words cut across lines) gives the same paragraphs, so the same hash."""
    draft = catalog.prepare(report_pdf(width), "报告.pdf", lexicon)
    assert (draft.kind, draft.encoding) == ("pdf", "pdf")
    assert (draft.headline, draft.paragraphs, draft.chars) == (REPORT_TITLE, REPORT_PARAGRAPHS, REPORT_CHARS)
    assert draft.sha256 == catalog.prepare(REPORT.encode("utf-8"), "a.txt", lexicon).sha256
    entry = catalog.add(draft, draft.guess.meta())
    ds = catalog.dataset_for(entry, lexicon)
    assert ds.paragraphs["text"].tolist() == [
        "新华社武汉5月8日电记者在湖北省武汉市调研发现，中部地区发展势头良好。",
        "要坚持高质量发展，推动科技创新和产业创新深度融合。"]
    assert ds.document["kind"] == "pdf"


def test_pasted_text(lexicon):
    draft = catalog.prepare_text(REPORT.replace("\n", "\r\n"), lexicon)
    assert (draft.kind, draft.encoding, draft.filename) == ("paste", "utf-8", "")
    assert draft.chars == REPORT_CHARS


@pytest.mark.parametrize("name, expected", [
    ("../../etc/passwd", "passwd"),
    ("C:\\Users\\张三\\报告.txt", "报告.txt"),
    (".hidden.txt", "hidden.txt"),
    ("a\x00b\nc.txt", "abc.txt"),
    ("长" * 200 + ".txt", "长" * 116 + ".txt"),
])
def test_file_names_are_sanitized(name, expected):
    assert intake.sanitize_filename(name) == expected


def test_ids_never_become_paths():
    for bad in ("../../etc/passwd", "u_../../x", SEED_ID, "u_0123"):
        with pytest.raises(ValueError):
            library.text_path(bad)
    assert library.text_path("u_0123456789abcdef").name == "u_0123456789abcdef.txt"


# --- metadata from the text -------------------------------------------------------------


def test_guess_from_a_dateline(lexicon):
    guess = metadata.guess_meta(reflow.reflow(REPORT), lexicon, today=date(2026, 11, 29))
    # 新华社武汉5月8日电: agency, place, month and day; no year in the text
    assert guess == metadata.Guess(title=REPORT_TITLE, date="2026-05-08", place="武汉", source="新华社",
                                  year_guessed=True)


def test_guess_from_the_seed(lexicon):
    text = SEED_PATH.read_text(encoding="utf-8")
    guess = metadata.guess_meta(reflow.reflow(text), lexicon, today=date(2024, 12, 1))
    # headline; "习近平 3 月 20\n\n日下午在湖南省长沙市主持召开" (no year in the text, no dateline)
    assert guess == metadata.Guess(title="在更高起点上扎实推动中部地区崛起", date="2024-03-20", place="湖南省长沙市",
                                  source="", year_guessed=True)


@pytest.mark.parametrize("text, expected, guessed", [
    ("政府工作报告\n——2024年3月5日在第十四届全国人民代表大会第二次会议上\n各位代表：现在我代表国务院作报告。", "2024-03-05", False),
    ("公报\n会议于2019年5月21日在南昌举行。\n要推动中部地区崛起。", "2019-05-21", False),
    ("通知\n各有关单位：请认真贯彻执行。\n特此通知。\n附件略。\n二〇二四年三月二十日", "2024-03-20", False),
    ("标题\n发布日期：2023-11-02。正文。", "2023-11-02", False),
    ("标题\n2019年以来，中部地区发展加快。5月21日召开座谈会。", "2019-05-21", True),
    ("标题\n到2035年基本实现现代化。5月21日召开座谈会。", "2024-05-21", True),
    ("标题\n没有日期的一段话。", "", False),
])
def test_dates(lexicon, text, expected, guessed):
    guess = metadata.guess_meta(reflow.reflow(text), lexicon, today=date(2024, 12, 1))
    assert (guess.date, guess.year_guessed) == (expected, guessed)


@pytest.mark.parametrize("text, expected", [
    ("习近平在湖南省长沙市主持召开座谈会", "湖南省长沙市"),
    ("在湖南长沙考察", "湖南长沙"),
    ("会上在湖北考察时", "湖北"),
    ("在湖南省委书记陪同下", ""),  # 湖南省委 is an official's title, not the place
    ("在北京主持召开", ""),  # not in the gazetteer of the six provinces
    ("在中部地区", ""),  # a region, not a place to hold a meeting
])
def test_place_after_zai(lexicon, text, expected):
    assert metadata.place_in(text, places.Gazetteer(lexicon)) == expected


def test_source_line(lexicon):
    guess = metadata.guess_meta(reflow.reflow("标题\n来源：人民日报\n正文一句。"), lexicon)
    assert guess.source == "人民日报"


@pytest.mark.parametrize("value, expected", [
    ("2024-3-5", "2024-03-05"), ("2024/03/20", "2024-03-20"), ("2024年3月20日", "2024-03-20"),
    ("2024-03", "2024-03"), ("2024", "2024"), (" ", ""),
])
def test_dates_are_normalized(value, expected):
    assert document.normalize_date(value) == expected


@pytest.mark.parametrize("value", ["2024-02-30", "3月20日", "yesterday", "1800-01-01", "2024-13"])
def test_bad_dates_are_refused(value):
    with pytest.raises(InputError) as caught:
        document.normalize_date(value)
    assert caught.value.key == "date"


def test_metadata_is_cleaned():
    meta = document.clean_meta({"title": " 标题\n第二行 ", "date": "2024-3-5", "place": None, "source": "新华社\t"})
    assert meta == {"title": "标题 第二行", "date": "2024-03-05", "place": "", "source": "新华社"}
    with pytest.raises(InputError) as caught:
        document.clean_meta({"title": "长" * 201})
    assert caught.value.key == "field_too_long"


# --- bad input ---------------------------------------------------------------------


@pytest.mark.parametrize("case, name, data, key", BAD_FILES, ids=[c[0] for c in BAD_FILES])
def test_bad_files_are_refused_and_nothing_changes(lexicon, case, name, data, key):
    catalog.add(catalog.prepare(REPORT.encode("utf-8"), "a.txt", lexicon), {"title": "已有"})
    notes.add(SEED_ID, 1, "已有的笔记")
    before = state()
    with pytest.raises(InputError) as caught:
        catalog.prepare(data, name, lexicon)
    assert caught.value.key == key
    assert caught.value.message("zh") != caught.value.message("en")
    assert state() == before


def test_file_over_the_size_limit(lexicon, monkeypatch):
    monkeypatch.setenv("STUDYBOARD_MAX_BYTES", "100")
    with pytest.raises(InputError) as caught:
        catalog.prepare(REPORT.encode("utf-8"), "a.txt", lexicon)
    assert caught.value.key == "too_large"
    # UTF-8 bytes of REPORT: title 13 CJK = 39, 2 newlines; dateline 5 CJK + "5" + 月 + "8" + 2 CJK + U+3000
    # = 29, then 13 + 1 + 10 + 1 full-width characters = 75, 2 newlines; last line 25 full-width = 75, 1 newline
    assert "223 B" in caught.value.message("zh") and "100 B" in caught.value.message("en")
    with pytest.raises(InputError) as caught:
        catalog.prepare_text(REPORT, lexicon)
    assert caught.value.key == "too_large"


@pytest.mark.parametrize("text, key", [("", "blank"), ("  \n\u3000\n", "blank"), ("English only.", "no_chinese"),
                                       ("长" * 5001, "no_punctuation")])
def test_bad_pasted_text(lexicon, text, key):
    with pytest.raises(InputError) as caught:
        catalog.prepare_text(text, lexicon)
    assert caught.value.key == key


def test_long_line_limit_is_on_sentences(lexicon):
    # 5,000 characters without punctuation: at the limit, accepted with a warning
    draft = catalog.prepare_text("长" * 5000, lexicon)
    assert [w.key for w in draft.warnings] == ["library.warn_no_punctuation"]
    with pytest.raises(InputError) as caught:
        catalog.prepare_text("长" * 5001, lexicon)
    assert caught.value.params == {"longest": "5,001", "limit": "5,000"}
    # a long paragraph whose sentences end: accepted, warned about its length
    draft = catalog.prepare_text("这是一句话。" * 1000, lexicon)  # one line of 6,000 characters
    assert [w.key for w in draft.warnings] == ["library.warn_long_paragraph"]
    assert draft.warnings[0].params == {"chars": "6,000"}


def test_hard_wrapped_text_without_punctuation_is_refused(lexicon):
    """Wrapped lines without punctuation reflow into one run: the check is on the reflowed text."""
    lines = "\n".join("中部地区崛起高质量发展新质生产力科技创新产业创新" for _ in range(400))
    with pytest.raises(InputError) as caught:
        catalog.prepare_text(lines, lexicon)
    assert caught.value.key == "no_punctuation"


def test_html_and_script_are_kept_as_text(lexicon):
    draft = catalog.prepare(HOSTILE.encode("utf-8"), "x.txt", lexicon)
    assert draft.headline == HOSTILE_TITLE and draft.guess.title == HOSTILE_TITLE
    entry = catalog.add(draft, draft.guess.meta())
    assert entry.title == HOSTILE_TITLE
    assert "<img src=x onerror=alert(1)>" in entry.path.read_text(encoding="utf-8")


def test_duplicates_are_found_and_refused(lexicon):
    first = catalog.add(catalog.prepare(REPORT.encode("utf-8"), "a.txt", lexicon), {"title": "第一次"})
    before = state()
    again = catalog.prepare(REPORT.encode("gb18030"), "copy.txt", lexicon)
    assert again.duplicate_of == first
    with pytest.raises(InputError) as caught:
        catalog.add(again, {"title": "第二次"})
    assert caught.value.key == "duplicate"
    assert "第一次" in caught.value.message("zh")
    assert state() == before


def test_the_shipped_seed_is_a_duplicate(lexicon):
    draft = catalog.prepare(SEED_PATH.read_bytes(), "seed.txt", lexicon)
    assert draft.duplicate_of is not None and draft.duplicate_of.id == SEED_ID
    with pytest.raises(InputError):
        catalog.add(draft, {})
    assert library.entries() == []


def test_two_sessions_adding_the_same_text_at_once(lexicon):
    draft = catalog.prepare(REPORT.encode("utf-8"), "a.txt", lexicon)
    barrier = threading.Barrier(4)
    outcomes = []

    def add():
        barrier.wait()
        try:
            outcomes.append(catalog.add(draft, {"title": "同时"}).id)
        except InputError as exc:
            outcomes.append(exc.key)

    threads = [threading.Thread(target=add) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == sorted([draft.doc_id] + ["duplicate"] * 3)
    assert [e.id for e in library.entries()] == [draft.doc_id]


def test_a_document_without_a_title_gets_its_headline(lexicon):
    entry = catalog.add(catalog.prepare(REPORT.encode("utf-8"), "a.txt", lexicon), {"title": " "})
    assert entry.title == REPORT_TITLE
    untitled = catalog.add(catalog.prepare_text("第一句话很长。第二句。", lexicon), {})
    assert untitled.title == "第一句话很长。"  # no title lines: the first sentence


def test_invalid_metadata_stores_nothing(lexicon):
    draft = catalog.prepare(REPORT.encode("utf-8"), "a.txt", lexicon)
    with pytest.raises(InputError) as caught:
        catalog.add(draft, {"date": "2024-02-30"})
    assert caught.value.key == "date"
    assert state()[1] == {} and library.entries() == []


# --- storing, listing, editing, deleting ---------------------------------------------------


def test_round_trip_upload_parse_list_and_restart(lexicon, folders):
    draft = catalog.prepare(REPORT.encode("gb18030"), "报告.txt", lexicon)
    entry = catalog.add(draft, {"title": REPORT_TITLE, "date": "2024-05-08", "place": "武汉", "source": "新华社"})
    assert entry.path == folders / "lib" / "texts" / f"{draft.doc_id}.txt"
    assert entry.path.read_text(encoding="utf-8") == REPORT.replace("\n", "\n")  # stored as read, in UTF-8
    assert [e.id for e in catalog.catalog()] == [SEED_ID, draft.doc_id]
    ds = catalog.dataset_for(entry, lexicon)
    row = ds.document
    assert (row["title"], row["date"], row["place"], row["source"]) == (REPORT_TITLE, "2024-05-08", "武汉", "新华社")
    assert (row["filename"], row["encoding"], row["kind"]) == ("报告.txt", "gb18030", "text")
    assert (row["paragraphs"], row["chars"]) == (REPORT_PARAGRAPHS, REPORT_CHARS)
    assert ds.provenance["dataset_sha256"] == dataset.content_hash(ds.tables())

    # a new process: the listing comes from SQLite, the dataset from the disk cache, jieba is never loaded
    code = textwrap.dedent(f"""
        import sys
        from studyboard.dataset import catalog
        from studyboard.ingest import document
        from studyboard.nlp import metadata
        from studyboard.ingest import intake
        from studyboard.views import library as library_view
        from studyboard import lexicon
        from studyboard.store import library
        entry = next(e for e in catalog.catalog() if e.id == {draft.doc_id!r})
        ds = catalog.dataset_for(entry, lexicon.load())
        print(entry.title, entry.date, int(ds.document["paragraphs"]), "jieba" in sys.modules)
    """)
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    out = subprocess.run([sys.executable, "-c", code], env=env, cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.split() == [REPORT_TITLE, "2024-05-08", "2", "False"]


def test_listing_reads_sqlite_and_parses_nothing(lexicon, monkeypatch):
    catalog.add(catalog.prepare(REPORT.encode("utf-8"), "a.txt", lexicon), {"title": "乙", "date": "2024-05-08"})
    catalog.add(catalog.prepare_text("另一篇\n第一段话。", lexicon), {"title": "甲", "date": "2019-05-21"})

    def no_parse(*args, **kwargs):
        raise AssertionError("the listing must not parse")

    monkeypatch.setattr(dataset, "build", no_parse)
    monkeypatch.setattr(document.structure_module, "read", lambda *a: no_parse())  # shipped rows come from the cache below
    catalog._shipped_info_cached.cache_clear()
    monkeypatch.setattr(catalog, "_shipped_info", lambda entry: ("", 2602, 14))
    frame = catalog.listing()
    assert frame[["title", "date", "origin", "kind", "chars", "paragraphs"]].values.tolist() == [
        ["在更高起点上扎实推动中部地区崛起", "2024-03-20", "shipped", "text", 2602, 14],
        ["甲", "2019-05-21", "library", "paste", 5, 1],  # 第一段话。 is 5 characters
        ["乙", "2024-05-08", "library", "text", REPORT_CHARS, REPORT_PARAGRAPHS],
    ]
    assert list(catalog.filter_listing(frame, "2019")["title"]) == ["甲"]
    assert list(catalog.filter_listing(frame, "武汉")["title"]) == []
    assert len(catalog.filter_listing(frame, "")) == 3


def test_shipped_rows_count_the_seed():
    frame = catalog.listing()
    seed = frame[frame["id"] == SEED_ID].iloc[0]
    # the README's overview test: 14 paragraphs; 2,602 characters of body (test_dataset)
    assert (seed["paragraphs"], seed["chars"], seed["origin"]) == (14, 2602, "shipped")


def test_edit_metadata_without_parsing_again(lexicon, monkeypatch):
    entry = catalog.add(catalog.prepare(REPORT.encode("utf-8"), "a.txt", lexicon), {"title": "旧标题"})
    catalog.dataset_for(entry, lexicon)  # parsed and cached once

    def no_parse(*args, **kwargs):
        raise AssertionError("a metadata edit must not parse again")

    monkeypatch.setattr(dataset, "build", no_parse)
    edited = library.update(entry.id, {"title": "新标题", "date": "2024年5月8日", "place": "武汉", "source": ""})
    assert (edited.title, edited.date) == ("新标题", "2024-05-08")
    assert edited.stamp() != entry.stamp()
    assert catalog.dataset_for(edited, lexicon).document["title"] == "新标题"
    # an empty title becomes the headline
    blank = library.update(entry.id, {"title": ""})
    assert blank.title == REPORT_TITLE
    assert catalog.dataset_for(blank, lexicon).document["title"] == REPORT_TITLE


def test_edit_with_a_bad_date_changes_nothing(lexicon):
    entry = catalog.add(catalog.prepare(REPORT.encode("utf-8"), "a.txt", lexicon), {"title": "标题", "date": "2024"})
    with pytest.raises(InputError):
        library.update(entry.id, {"title": "改了", "date": "2024-99-01"})
    assert (library.get(entry.id).title, library.get(entry.id).date) == ("标题", "2024")


def test_shipped_and_unknown_documents_cannot_be_edited_or_deleted():
    for doc_id in (SEED_ID, "u_0123456789abcdef", "../../etc/passwd"):
        with pytest.raises(InputError) as caught:
            library.update(doc_id, {"title": "x"})
        assert caught.value.key == "not_in_library"
        with pytest.raises(InputError):
            library.delete(doc_id)
    assert SEED_PATH.is_file()


def test_delete_removes_text_row_and_notes(lexicon):
    entry = catalog.add(catalog.prepare(REPORT.encode("utf-8"), "a.txt", lexicon), {"title": "要删的"})
    notes.add(entry.id, 1, "一")
    notes.add(entry.id, 2, "二")
    notes.add(SEED_ID, 1, "别的文档的笔记")
    assert library.delete(entry.id) == 2
    assert not entry.path.exists()
    assert library.entries() == [] and library.get(entry.id) is None
    assert notes.counts() == {SEED_ID: 1}


def test_a_missing_text_file_is_listed_and_can_be_deleted(lexicon):
    entry = catalog.add(catalog.prepare(REPORT.encode("utf-8"), "a.txt", lexicon), {"title": "丢了文件"})
    entry.path.unlink()
    assert library.entries() == []  # not offered in the document switcher
    assert list(catalog.missing(catalog.listing())["id"]) == [entry.id]
    assert library.delete(entry.id) == 0
    assert catalog.listing()["id"].tolist() == [SEED_ID]


def test_body_text_is_the_reflowed_body(lexicon):
    entry = catalog.add(catalog.prepare(REPORT.encode("utf-8"), "a.txt", lexicon), {})
    body = catalog.body_text(entry)
    assert body == ("新华社武汉5月8日电记者在湖北省武汉市调研发现，中部地区发展势头良好。\n"
                    "要坚持高质量发展，推动科技创新和产业创新深度融合。")


def test_display_listing_in_both_languages():
    frame = catalog.listing()
    zh = library_view.display_listing(frame, "zh", lambda i: f"./overview?doc={i}")
    en = library_view.display_listing(frame, "en")
    assert zh.loc[0, "origin"] == "随板附带" and en.loc[0, "origin"] == "Shipped"
    assert zh.loc[0, "open"] == f"./overview?doc={SEED_ID}" and en.loc[0, "open"] is None


def test_a_damaged_database_keeps_the_board_working(lexicon, folders):
    entry = catalog.add(catalog.prepare(REPORT.encode("utf-8"), "a.txt", lexicon), {"title": "已有"})
    damaged = folders / "lib" / "library.sqlite3"
    for extra in folders.glob("lib/library.sqlite3-*"):
        extra.unlink()
    damaged.write_bytes(b"this is not a database" * 100)
    before = damaged.read_bytes()
    assert library.problem().key == "library_damaged"  # no SQLite header
    assert "library.sqlite3" in library.problem().message("zh")
    assert library.entries() == []
    assert [e.id for e in catalog.catalog()] == [SEED_ID]  # the shipped document still opens
    assert catalog.listing()["id"].tolist() == [SEED_ID]
    for action in (lambda: catalog.add(catalog.prepare_text("新文档\n一句话。", lexicon), {}),
                   lambda: library.update(entry.id, {"title": "改"}),
                   lambda: library.delete(entry.id),
                   lambda: notes.add(SEED_ID, 1, "笔记"),
                   lambda: notes.for_document(SEED_ID)):
        with pytest.raises(InputError) as caught:
            action()
        assert caught.value.key in ("library_damaged", "not_in_library")
    assert damaged.read_bytes() == before and entry.path.is_file()  # nothing written, nothing lost


def test_metadata_of_a_speech_and_an_article_come_from_their_title_blocks(lexicon):
    speech = catalog.prepare((ROOT / "tests" / "texts" / "speech.txt").read_bytes(), "讲话.txt", lexicon)
    assert (speech.guess.title, speech.guess.date, speech.guess.year_guessed) == (
        "在全省推动中部地区崛起工作推进会上的讲话", "2025-06-12", False)
    report = catalog.prepare((ROOT / "tests" / "texts" / "report.txt").read_bytes(), "报告.txt", lexicon)
    assert (report.guess.title, report.guess.date) == ("政府工作报告", "2025-01-15")
    article = catalog.prepare((ROOT / "tests" / "texts" / "article.txt").read_bytes(), "文章.txt", lexicon)
    assert (article.guess.title, article.guess.source) == ("在推动中部地区崛起中因地制宜发展新质生产力", "《求是》2025年第8期")
    assert article.paragraphs == 14  # title, source, author and editor's note are no body paragraphs
