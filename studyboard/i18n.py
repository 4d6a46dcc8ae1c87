"""Every string the user reads, in Simplified Chinese and English.

The strings are data: ``data/i18n/zh.toml`` and ``data/i18n/en.toml``, one
key per string. ``t(key, lang, **params)`` looks a string up and fills
``{name}`` fields. Chinese is the default language; English is the switch.
Names that come from data (themes, provinces, people) are translated in
their own data files, not here.

Plurals: a value may be a table ``{ one = "{n} sentence", other = "{n}
sentences" }``; ``t`` picks the form by the parameter ``n`` (one for 1,
other for every other number). Chinese needs no plural forms and uses plain
strings.
"""

from __future__ import annotations

import tomllib
from functools import lru_cache

from studyboard import paths

LANGS = ("zh", "en")
DEFAULT_LANG = "zh"


@lru_cache(maxsize=len(LANGS))
def strings(lang: str) -> dict[str, object]:
    """Every string of ``lang`` by key (read once from ``data/i18n/<lang>.toml``)."""
    with open(paths.I18N / f"{lang}.toml", "rb") as file:
        return tomllib.load(file)


def _form(value: object, params: dict) -> str:
    if isinstance(value, dict):
        count = params.get("n")
        try:
            one = float(str(count).replace(",", "")) == 1
        except ValueError:
            one = False
        return value["one"] if one else value["other"]
    return str(value)


def t(key: str, lang: str = DEFAULT_LANG, **params: object) -> str:
    """The string for ``key`` in ``lang`` ('zh' or 'en'), with ``params`` filled in."""
    table = strings("en" if lang == "en" else "zh")
    if key not in table:
        raise KeyError(f"no UI string {key!r}")
    text = _form(table[key], params)
    return text.format(**params) if params else text


def has(key: str) -> bool:
    """Whether ``key`` is a UI string."""
    return key in strings(DEFAULT_LANG)
