"""A click that reaches the server before the browser has applied the previous run's
address arrives with that older address: the click must win, and the previous run's
change must stay (the lost language switch under load, RELIABILITY.md).

Every widget whose value lives in the URL marks its rerun (``url.widget_changed``):
the widgets drawn through ``Param.bind`` get the mark there (the language switch
below stands for them); the ones a page draws itself, after seeding them from the
URL, pass it as their ``on_change``, each replayed here. Without its mark the click's
run takes the older address as news: the theme mode set the run before comes back
as "any" and the widget itself goes back to the address's value.
"""

from __future__ import annotations

import pytest

from pages_helpers import no_exceptions

SEED = "000_97e3ae1a0b7fde01"
HUNAN = "430000"


@pytest.fixture(autouse=True)
def folders(tmp_path, monkeypatch):
    monkeypatch.setenv("STUDYBOARD_LIBRARY", str(tmp_path / "lib"))


def stale_mode(at) -> None:
    """The previous click: mode=all, whose address the browser has not applied yet."""
    at.sidebar.segmented_control(key="mode").set_value("all").run()
    no_exceptions(at)
    assert at.query_params["mode"] == "all"
    del at.query_params["mode"]  # the next click comes with the older address


def test_a_widget_change_with_a_stale_address_keeps_the_view(run_page):
    at = run_page("overview", doc=SEED)
    no_exceptions(at)
    stale_mode(at)
    at.sidebar.segmented_control(key="lang").set_value("en").run()
    no_exceptions(at)
    assert at.session_state["lang"] == "en"
    assert at.session_state["mode"] == "all"


def test_an_address_from_outside_still_wins(run_page):
    at = run_page("overview", doc=SEED)
    at.sidebar.segmented_control(key="mode").set_value("all").run()
    at.query_params["lang"] = "en"  # an edited address (or Back), with no widget involved
    del at.query_params["mode"]
    at.run()
    assert at.session_state["lang"] == "en"
    assert at.session_state["mode"] == "any"


# (page, address, the click, widget key, its value after the click, URL parameter, its text)
CASES = {
    "sidebar themes": ("overview", {}, lambda at: at.sidebar.multiselect(key="themes").set_value(["ecology"]),
                       "themes", ["ecology"], "themes", "ecology"),
    "reader speaker": ("reader", {}, lambda at: at.selectbox(key="reader_speaker__zh").set_value("丁薛祥"),
                       "reader_speaker__zh", "丁薛祥", "speaker", "丁薛祥"),
    "reader paragraph": ("reader", {}, lambda at: at.selectbox(key="reader_para").set_value(8),
                         "reader_para", 8, "para", "8"),
    "reader part": ("reader", {"doc": "long_report"}, lambda at: at.selectbox(key="reader_section__zh").set_value(11),
                    "reader_section__zh", 11, "section", "11"),
    # 三、 is section 11 (long_report.txt); the part after it begins with 四、, section 20
    "reader next part": ("reader", {"doc": "long_report", "section": "11"},
                         lambda at: at.button(key="reader_part_next").click(),
                         "reader_section__zh", 20, "section", "20"),
    "themes paragraph": ("themes", {}, lambda at: at.selectbox(key="themes_para").set_value(9),
                         "themes_para", 9, "para", "9"),
    "glossary entry": ("terms", {"section": "glossary"},
                       lambda at: at.selectbox(key="glossary_entry").set_value("新质生产力"),
                       "glossary_entry", "新质生产力", "entry", "新质生产力"),
    "terms speaker": ("terms", {}, lambda at: at.segmented_control(key="terms_speaker").set_value("丁薛祥"),
                      "terms_speaker", "丁薛祥", "speaker", "丁薛祥"),
    "terms open term": ("terms", {}, lambda at: at.selectbox(key="terms_term").set_value("新质生产力"),
                        "terms_term", "新质生产力", "term", "新质生产力"),
    "terms compare": ("terms", {"term": "新质生产力"},
                      lambda at: at.multiselect(key="terms_compare").set_value(["高质量发展"]),
                      "terms_compare", ["高质量发展"], "compare", "高质量发展"),
    "map kinds": ("map", {}, lambda at: at.pills(key="map_kinds").set_value(["province"]),
                  "map_kinds", ["province"], "kinds", "province"),
    "map province": ("map", {}, lambda at: at.pills(key="map_province").set_value(HUNAN),
                     "map_province", HUNAN, "province", HUNAN),
    "quiz size": ("quiz", {}, lambda at: at.number_input(key="n").set_value(4), "n", 4, "n", "4"),
    "study jump": ("study", {"slide": "6"}, lambda at: at.selectbox(key="slide").set_value(11),
                   "slide", 11, "slide", "11"),
    "library note paragraph": ("library", {}, lambda at: at.selectbox(key="lib_para").set_value(1),
                               "lib_para", 1, "para", "1"),
    "compare trend": ("compare", {}, lambda at: at.multiselect(key="cmp_trend").set_value(["高质量发展"]),
                      "cmp_trend", ["高质量发展"], "trend", "高质量发展"),
}


@pytest.fixture
def genres(tmp_path, monkeypatch):
    """The seed and the long report of tests/texts as shipped documents."""
    from genre_cases import shipped_folder
    from studyboard import paths

    monkeypatch.setattr(paths, "TEXTS", shipped_folder(tmp_path / "texts", "long_report"))


@pytest.mark.parametrize("case", list(CASES))
def test_each_widget_in_the_url_wins_over_a_stale_address(run_page, genres, case):
    page, address, click, key, value, name, text = CASES[case]
    at = run_page(page, **address)
    no_exceptions(at)
    assert at.session_state[key] != value  # the click changes it
    stale_mode(at)
    click(at).run()
    no_exceptions(at)
    assert at.session_state[key] == value
    assert at.query_params[name] == text
    assert at.session_state["mode"] == "all"


@pytest.fixture
def pair():
    """Two hand-made documents in the library: A (2019), B (2022); the seed (2024) is last."""
    from library_cases import KEY_A, KEY_B, add
    from studyboard import lexicon

    lex = lexicon.load()
    return add(lex, KEY_A, date="2019-05-21"), add(lex, KEY_B, date="2022-01-01")


@pytest.mark.parametrize("side", ["cmp_earlier", "cmp_later"])
def test_the_compared_pair_wins_over_a_stale_address(run_page, pair, side):
    a, b = pair
    at = run_page("compare", docs=f"{a.id},{b.id},{SEED}")
    no_exceptions(at)
    assert (at.session_state["cmp_earlier"], at.session_state["cmp_later"]) == (b.id, SEED)
    stale_mode(at)
    at.selectbox(key=side).set_value(a.id).run()
    no_exceptions(at)
    assert at.session_state[side] == a.id
    assert at.query_params["earlier" if side == "cmp_earlier" else "later"] == a.id
    assert at.session_state["mode"] == "all"


def test_the_document_wins_over_a_stale_address(run_page, pair):
    a, _ = pair
    at = run_page("overview", doc=SEED)
    stale_mode(at)
    at.sidebar.selectbox(key="doc").set_value(a.id).run()
    no_exceptions(at)
    assert at.session_state["doc"] == a.id and at.query_params["doc"] == a.id
    assert at.session_state["mode"] == "all"


def test_the_mode_wins_over_a_stale_address(run_page):
    at = run_page("overview", doc=SEED)
    at.sidebar.segmented_control(key="lang").set_value("en").run()
    assert at.query_params["lang"] == "en"
    del at.query_params["lang"]
    at.sidebar.segmented_control(key="mode").set_value("all").run()
    no_exceptions(at)
    assert at.session_state["mode"] == "all" and at.query_params["mode"] == "all"
    assert at.session_state["lang"] == "en"
