"""Pinyin of Chinese text: with tone marks (pypinyin), and without them for search.

pypinyin is imported on the first call (loading its dictionaries takes a
moment), so importing this module costs nothing.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache


@lru_cache(maxsize=4096)
def pinyin(text: str) -> str:
    """The pinyin of ``text`` with tone marks, one syllable per space
    (中部地区崛起 -> zhōng bù dì qū jué qǐ).

    The reading of a character with several is chosen by pypinyin's phrase
    dictionary, which also segments the text (银行 yín háng, 行业 háng yè);
    characters that are not Chinese stay as they are (5G网络 -> 5G wǎng luò).
    """
    from pypinyin import Style, lazy_pinyin

    return " ".join(lazy_pinyin(text or "", style=Style.TONE))


def toneless(text: str) -> str:
    """Pinyin as typed without tones: lower case, no tone marks, spaces,
    hyphens or apostrophes, ü and v as u (xīn zhì -> xinzhi, lǜsè and lvse -> luse)."""
    plain = unicodedata.normalize("NFD", (text or "").lower())
    plain = "".join(ch for ch in plain if not unicodedata.combining(ch))
    return plain.replace("v", "u").replace(" ", "").replace("-", "").replace("'", "")
