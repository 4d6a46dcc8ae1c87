"""The UI strings: both languages define the same keys with the same fields,
every key the code uses is defined, every key defined is used, and English
plurals follow the {count|one|other} convention."""

from __future__ import annotations

import ast
import re
import string

import pytest

from studyboard import i18n
from support import ROOT

CODE = sorted((ROOT / "studyboard").rglob("*.py")) + sorted((ROOT / "app_pages").glob("*.py")) + [ROOT / "dashboard.py"]
TEMPLATES = sorted((ROOT / "studyboard" / "views" / "templates").glob("*"))
KEY = re.compile(r"^[a-z_]+(\.[A-Za-z0-9_-]+)+$")
FILE = re.compile(r"\.(toml|txt|csv|py|html|md|css|js|json|sqlite3|geojson|png|pdf|docx)$")


def fields(text: str) -> set[str]:
    text = i18n.PLURAL.sub(lambda m: "{" + m[1] + "}", text)
    return {name.split(".")[0].split("[")[0] for _, name, _, _ in string.Formatter().parse(text) if name}


def literals_and_prefixes() -> tuple[set[str], set[str]]:
    """String constants of the code that look like keys, and the literal starts of f-strings."""
    literals, prefixes = set(), set()
    for path in CODE:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        inside_fstrings = {id(part) for node in ast.walk(tree) if isinstance(node, ast.JoinedStr) for part in node.values}
        for node in ast.walk(tree):
            if id(node) in inside_fstrings:
                continue
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and KEY.match(node.value) \
                    and not FILE.search(node.value):
                literals.add(node.value)
            elif isinstance(node, ast.JoinedStr) and node.values and isinstance(node.values[0], ast.Constant):
                start = str(node.values[0].value)
                if re.match(r"^[a-z_]+\.", start):
                    prefixes.add(start)
    for path in TEMPLATES:
        text = path.read_text(encoding="utf-8")
        literals.update(k for k in re.findall(r"""["']([a-z_]+(?:\.[A-Za-z0-9_-]+)+)["']""", text) if not FILE.search(k))
    return literals, prefixes


def test_both_languages_define_the_same_keys_with_the_same_fields():
    zh, en = i18n.strings("zh"), i18n.strings("en")
    assert sorted(set(zh) ^ set(en)) == []
    for key in zh:
        assert isinstance(zh[key], str) and isinstance(en[key], str), key
        assert zh[key].strip() and en[key].strip(), key
        assert fields(zh[key]) == fields(en[key]), key


def test_every_key_used_is_defined():
    defined = set(i18n.strings("zh"))
    literals, prefixes = literals_and_prefixes()
    groups = {key.split(".")[0] for key in defined}
    used_like_keys = {k for k in literals if k.split(".")[0] in groups}
    missing = sorted(k for k in used_like_keys if k not in defined and not any(d.startswith(k + ".") for d in defined))
    assert missing == []
    for prefix in prefixes:
        if prefix.split(".")[0] in groups:
            assert any(key.startswith(prefix) for key in defined), prefix


def test_every_key_defined_is_used():
    literals, prefixes = literals_and_prefixes()
    unused = sorted(key for key in i18n.strings("zh")
                    if key not in literals and not any(key.startswith(p) for p in prefixes))
    assert unused == []


@pytest.mark.parametrize("count, expected", [(1, "1 hit in 1 paragraph"), (2, "2 hits in 2 paragraphs"),
                                             ("1,000", "1,000 hits in 1,000 paragraphs")])
def test_plural_forms_follow_the_count(count, expected):
    text = "{hits} {hits|hit|hits} in {p} {p|paragraph|paragraphs}"
    assert i18n._plurals(text, {"hits": count, "p": count}).format(hits=count, p=count) == expected


def test_english_counts_use_plural_forms():
    """A number field followed by a countable noun in English has its plural form."""
    nouns = r"(?:sentences|paragraphs|hits|documents|notes|entries|slides|items|mentions|keywords|characters|terms|times|words|occurrences|questions)"
    plain = {key: text for key, text in i18n.strings("en").items()
             if re.search(r"\{(\w+)\} " + nouns + r"\b", text)}
    assert plain == {}
