"""The glossary loader."""

from studyboard import glossary


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
