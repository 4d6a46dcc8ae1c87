"""Checks of the glossary of political terms (data/lexicon/glossary.toml).

Stdlib only: the file must parse with tomllib, every term must be complete and
occur in the seed report, and renderings must be sourced, dated and listed
newest first. A few facts are checked by hand against the cited sources.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
GLOSSARY = ROOT / "data" / "lexicon" / "glossary.toml"
SHARED_SEED_DIR = Path("/work/shared/seed")

#: The primary publishers' own English sites (host names; a subdomain counts): a rendering read on one of
#: these pages, with no copy in between, may be "primary"; any other is "unverified".
PRIMARY_HOSTS = ("english.news.cn", "xinhuanet.com", "chinadaily.com.cn", "chinadailyhk.com",
                 "english.www.gov.cn", "english.gov.cn", "fmprc.gov.cn", "en.qstheory.cn")
STATUSES = ("primary", "unverified")

DATE_RE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
TONE_MARKS = set("āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ")
NO_RENDERING_PREFIX = "No official English rendering found;"


def _decode(raw: bytes) -> str:
    """Decode a report text the way it may have been saved (BOM, GB18030)."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("gb18030")


def _seed_path() -> Path:
    local = sorted((ROOT / "data" / "texts").glob("000_*.txt"))
    if local:
        return local[0]
    shared = sorted(SHARED_SEED_DIR.glob("000_*.txt"))
    if shared:
        return shared[0]
    pytest.skip("no seed report (000_*.txt) in data/texts/ or /work/shared/seed/")


def _date_key(value: str) -> tuple[int, int, int]:
    """Sort key for YYYY, YYYY-MM or YYYY-MM-DD; a missing part counts as 0."""
    m = DATE_RE.match(value)
    assert m, f"bad date {value!r}"
    year, month, day = (int(x) if x else 0 for x in m.groups())
    return year, month, day


@pytest.fixture(scope="module")
def glossary() -> dict:
    with GLOSSARY.open("rb") as fh:
        return tomllib.load(fh)


@pytest.fixture(scope="module")
def terms(glossary: dict) -> list[dict]:
    return glossary["term"]


@pytest.fixture(scope="module")
def seed_text() -> str:
    text = _decode(_seed_path().read_bytes())
    # undo the hard line-wrapping: drop line breaks and all spaces
    return "".join(text.split())


def _by_term(terms: list[dict], name: str) -> dict:
    found = [t for t in terms if t["term"] == name]
    assert found, f"{name} missing from the glossary"
    return found[0]


def test_file_parses_and_has_terms(glossary: dict) -> None:
    assert isinstance(glossary.get("term"), list)
    assert len(glossary["term"]) >= 30


def test_header_documents_format_and_sources() -> None:
    lines = GLOSSARY.read_text(encoding="utf-8").splitlines()
    header = []
    for line in lines:
        if not line.startswith("#"):
            break
        header.append(line)
    text = "\n".join(header)
    for field in ("term", "pinyin", "explain_zh", "explain_en", "gloss_en",
                  "note", "rendering", "en", "source", "date", "url", "via",
                  "verified", "status", "unverified", "primary"):
        assert re.search(rf"\b{field}\b", text), f"header does not describe {field}"
    assert "Sources policy" in text


def test_required_fields(terms: list[dict]) -> None:
    for t in terms:
        for field in ("term", "pinyin", "explain_zh", "explain_en", "rendering"):
            assert field in t, f"{t.get('term')}: missing {field}"
        for field in ("term", "pinyin", "explain_zh", "explain_en"):
            assert isinstance(t[field], str) and t[field].strip(), \
                f"{t['term']}: empty {field}"
        for field in ("explain_zh", "explain_en"):
            assert "\n" not in t[field], f"{t['term']}: {field} is not one line"
        assert isinstance(t["rendering"], list)


def test_pinyin_has_tone_marks(terms: list[dict]) -> None:
    for t in terms:
        assert TONE_MARKS & set(t["pinyin"]), f"{t['term']}: pinyin without tone marks"
        assert not re.search(r"[\u4e00-\u9fff\d]", t["pinyin"]), \
            f"{t['term']}: pinyin contains characters or tone numbers"


def test_no_duplicate_terms(terms: list[dict]) -> None:
    names = [t["term"] for t in terms]
    dupes = sorted({n for n in names if names.count(n) > 1})
    assert not dupes, f"duplicate terms: {dupes}"


def test_terms_occur_in_seed_report(terms: list[dict], seed_text: str) -> None:
    missing = [t["term"] for t in terms if t["term"] not in seed_text]
    assert not missing, f"terms not found in the report: {missing}"


def test_renderings_complete(terms: list[dict]) -> None:
    for t in terms:
        for r in t["rendering"]:
            for field in ("en", "source", "date"):
                assert isinstance(r.get(field), str) and r[field].strip(), \
                    f"{t['term']}: rendering without {field}"
            assert DATE_RE.match(r["date"]), f"{t['term']}: bad date {r['date']!r}"
            if "verified" in r:
                assert isinstance(r["verified"], bool), f"{t['term']}: verified not a bool"
            for field in ("url", "via"):
                if field in r:
                    assert r[field].startswith(("http://", "https://")), \
                        f"{t['term']}: {field} is not a web address"


def test_renderings_newest_first(terms: list[dict]) -> None:
    for t in terms:
        keys = [_date_key(r["date"]) for r in t["rendering"]]
        assert keys == sorted(keys, reverse=True), \
            f"{t['term']}: renderings not sorted newest first: {[r['date'] for r in t['rendering']]}"


def test_terms_without_rendering_explain_why(terms: list[dict]) -> None:
    for t in terms:
        if not t["rendering"]:
            assert t.get("note", "").startswith(NO_RENDERING_PREFIX), \
                f"{t['term']}: empty rendering needs a note starting {NO_RENDERING_PREFIX!r}"


def test_new_quality_productive_forces_drift(terms: list[dict]) -> None:
    renderings = _by_term(terms, "新质生产力")["rendering"]
    assert renderings, "新质生产力 has no rendering"
    assert renderings[0]["en"] == "new quality productive forces"
    early = [r for r in renderings
             if r["en"] == "new productivity boosters" and r["date"].startswith("2023")]
    assert early, "the 2023 rendering 'new productivity boosters' is missing"


def test_belt_and_road_rendering(terms: list[dict]) -> None:
    renderings = _by_term(terms, "一带一路")["rendering"]
    assert any("Belt and Road" in r["en"] for r in renderings)


def _host(url: str) -> str:
    from urllib.parse import urlparse

    return urlparse(url).netloc.lower()


def _on_primary_site(url: str) -> bool:
    host = _host(url)
    if host in ("xinhuanet.com", "www.xinhuanet.com") and "/english" not in url:
        return False  # Xinhua's Chinese pages are not its English service
    return any(host == h or host.endswith("." + h) for h in PRIMARY_HOSTS)


def test_every_rendering_is_primary_or_marked_unverified(terms: list[dict]) -> None:
    for t in terms:
        for r in t["rendering"]:
            assert r.get("status") in STATUSES, f"{t['term']}: {r['en']!r} without a status"
            assert "verified" not in r, f"{t['term']}: {r['en']!r} has the old field verified"
            if r["status"] == "primary":
                assert _on_primary_site(r.get("url", "")), \
                    f"{t['term']}: {r['en']!r} is 'primary' but {r.get('url')!r} is no primary publisher's page"
                assert "via" not in r, f"{t['term']}: {r['en']!r} was read in a copy: unverified"


def test_the_primary_rule_on_known_cases(terms: list[dict]) -> None:
    assert _on_primary_site("https://english.news.cn/20240320/x/c.html")
    assert _on_primary_site("https://global.chinadaily.com.cn/a/1.html")
    assert _on_primary_site("http://www.xinhuanet.com/english/2020-11/03/c_1.htm")
    assert not _on_primary_site("http://en.people.cn/n3/2023/1228/c90000-1.html")  # People's Daily Online
    assert not _on_primary_site("https://www.shine.cn/news/nation/1/")  # Shanghai Daily
    assert not _on_primary_site("http://big5.news.cn/gate/big5/www.xinhuanet.com/english/x")  # a gateway copy
    # read on Xinhua's own page: the symposium report's 'new quality productive forces'
    assert _by_term(terms, "新质生产力")["rendering"][0]["status"] == "primary"
    # read in a copy (via): unverified
    copied = [r for t in terms for r in t["rendering"] if "via" in r]
    assert copied and all(r["status"] == "unverified" for r in copied)


def _lead(terms: list[dict], name: str) -> dict:
    return _by_term(terms, name)["rendering"][0]


def test_renderings_that_fit_the_term(terms: list[dict]) -> None:
    # a noun phrase for the noun, not the verb phrase of 建设现代化产业体系
    assert _lead(terms, "现代化产业体系")["en"] == "modern industrial system"
    assert not any(r["en"].startswith("modernize") for r in _by_term(terms, "现代化产业体系")["rendering"])
    # the battle, not the keyword page's title 'Protection Against Pollution'
    battle = _lead(terms, "污染防治攻坚战")
    assert battle["en"] == "the battle against pollution" and battle["status"] == "primary"
    assert not any("Protection" in r["en"] for r in _by_term(terms, "污染防治攻坚战")["rendering"])
    # 营商环境 itself, not 一流营商环境 or 市场化法治化国际化营商环境
    assert [r["en"] for r in _by_term(terms, "营商环境")["rendering"]] == ["business environment"] * 3
    # 内陆开放高地, not the longer 内陆双向开放高地
    assert not any("two-way" in r["en"] for r in _by_term(terms, "内陆开放高地")["rendering"])
    assert _lead(terms, "内陆开放高地")["en"] == "inland hub for global connectivity"
    # 国内国际双循环 without the 'positive interplay' of 相互促进
    assert _lead(terms, "国内国际双循环")["en"] == "domestic and international economic flows"
    assert not any("interplay" in r["en"] for r in _by_term(terms, "国内国际双循环")["rendering"])
    # 高水平安全: 'high-level security' is in use, from no primary publisher that could be checked
    security = _by_term(terms, "高水平安全")
    assert [(r["en"], r["status"]) for r in security["rendering"]] == [("high-level security", "unverified")]
    assert not security["note"].startswith(NO_RENDERING_PREFIX)
    # 未来产业 leads with 'future industries' (2025), before 'future-oriented industries' (2024)
    future = _by_term(terms, "未来产业")["rendering"]
    assert future[0]["en"] == "future industries" and future[0]["date"] == "2025-03-05"
    assert future[1]["en"] == "future-oriented industries"
