"""The URL-state helper's checks, without a running app: what survives the round trip."""

from studyboard.ui import url

LAYERS = ("direct", "related")


def test_a_choice_outside_the_options_falls_back_to_the_default():
    layer = url.choice("layer", LAYERS, "direct", key="map_layer")
    assert layer.checked("related") == "related"
    assert layer.checked("../../etc/passwd") == "direct"
    assert layer.checked(None) == "direct"


def test_choices_keep_the_valid_ones_in_the_options_order():
    kinds = url.choices("kinds", ("province", "city", "official"), ("province", "city", "official"), key="k")
    assert kinds.checked(["official", "province", "nonsense"]) == ["province", "official"]
    assert kinds.serialize(["province", "official"]) == "province,official"


def test_flags_and_integers():
    hide = url.flag("hide", key="reader_hide")
    assert (hide.checked(True), hide.checked(False), hide.serialize(True)) == (True, False, "1")
    top = url.integer("top", 5, 50, 20, key="terms_top")
    assert (top.checked(30), top.checked(51), top.checked(4)) == (30, 20, 20)
    assert top.parse("7") == 7 and top.parse("70") is None


def test_text_is_cleaned_or_refused():
    search = url.text("search", key="reader_search", clean=lambda v: v.strip()[:5] or None)
    assert search.checked("  粮食安全保障  ") == "粮食安全保"
    assert search.checked("   ") == ""
