"""Every string the user reads, in Simplified Chinese and English.

The strings are data: ``data/i18n/zh.toml`` and ``data/i18n/en.toml``, one
key per string. ``t(key, lang, **params)`` looks a string up and fills
``{name}`` fields. Chinese is the default language; English is the switch.
Names that come from data (themes, provinces, people) are translated in
their own data files, not here.

Plurals (English): ``{count|one|other}`` in a string is the word for the
number in the parameter ``count``: ``"{hits} {hits|hit|hits} in {paragraphs}
{paragraphs|paragraph|paragraphs}"`` reads "1 hit in 2 paragraphs". Chinese
needs no plural forms.
"""

from __future__ import annotations

import re
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


#: {count|one|other}: the word for the number in the parameter ``count``.
PLURAL = re.compile(r"\{(\w+)\|([^|{}]*)\|([^|{}]*)\}")


def _is_one(value: object) -> bool:
    try:
        return float(str(value).replace(",", "")) == 1
    except ValueError:
        return False


def _plurals(text: str, params: dict) -> str:
    return PLURAL.sub(lambda m: m[2] if _is_one(params.get(m[1])) else m[3], text)


def t(key: str, lang: str = DEFAULT_LANG, **params: object) -> str:
    """The string for ``key`` in ``lang`` ('zh' or 'en'), with ``params`` filled in."""
    table = strings("en" if lang == "en" else "zh")
    if key not in table:
        raise KeyError(f"no UI string {key!r}")
    text = str(table[key])
    return _plurals(text, params).format(**params) if params else text


def has(key: str) -> bool:
    """Whether ``key`` is a UI string."""
    return key in strings(DEFAULT_LANG)
