"""The glossary on the terms page: unverified renderings are marked in the UI language."""

from __future__ import annotations

from pages_helpers import no_exceptions


def glossary_table(at) -> str:
    return next(m.value for m in at.markdown if "sb-glossary" in m.value)


def test_unverified_renderings_are_marked_in_the_table_and_the_details(run_page):
    at = run_page("terms", section="glossary", entry="现代化产业体系")
    no_exceptions(at)
    table = glossary_table(at)
    # 现代化产业体系's only rendering comes from People's Daily Online (a Xinhua report): unverified
    assert "modern industrial system（未核实）" in table
    assert "new quality productive forces（未核实）" not in table and "new quality productive forces" in table
    details = next(m.value for m in at.markdown if "sb-renderings" in m.value)
    assert "<i style='color:#8A4B00'>未核实</i>" in details
    assert any("主要发布方" in c.value for c in at.caption)  # what unverified means


def test_in_english(run_page):
    at = run_page("terms", section="glossary", entry="污染防治攻坚战", lang="en")
    no_exceptions(at)
    details = next(m.value for m in at.markdown if "sb-renderings" in m.value)
    # the China Daily page comes first, verified; Shanghai Daily's rendering further down is not
    assert details.index("the battle against pollution") < details.index("verified (primary publisher&#39;s page)")
    assert "<i style='color:#8A4B00'>unverified</i>" in details
    assert "Protection Against Pollution" not in details
