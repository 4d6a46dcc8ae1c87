"""Dates as Chinese texts write them: 2024年3月20日, 2024-03-20, 二〇二四年三月二十日.

:func:`find_date` gives the first full date (with its year) in a text as ISO
``YYYY-MM-DD``; :func:`cn_number` reads the Chinese numerals of days, months
and heading numbers (一 … 九十九, 一百 …).
"""

from __future__ import annotations

import re
from datetime import date as Date

_FULL_DATE = re.compile(r"(?<!\d)(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
_ISO_DATE = re.compile(r"(?<!\d)(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)")
_CN_DATE = re.compile(r"([〇○零ＯO一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日")
MONTH_DAY = re.compile(r"(?<![\d年])(\d{1,2})\s*月\s*(\d{1,2})\s*日")
YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})\s*年")
_CN_DIGITS = {"〇": 0, "○": 0, "零": 0, "Ｏ": 0, "O": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5,
              "六": 6, "七": 7, "八": 8, "九": 9}


def cn_number(text: str) -> int:
    """Chinese numerals as a number: 一 → 1, 十二 → 12, 三十一 → 31, 一百零五 → 105 (0 if not a numeral)."""
    total = 0
    if "百" in text:
        hundreds, _, text = text.partition("百")
        total += (_CN_DIGITS.get(hundreds, 0) if hundreds else 1) * 100
        text = text.lstrip("零〇")
    if "十" in text:
        tens, _, ones = text.partition("十")
        return total + (_CN_DIGITS.get(tens, 0) if tens else 1) * 10 + (_CN_DIGITS.get(ones, 0) if ones else 0)
    return total + (_CN_DIGITS.get(text, 0) if len(text) == 1 else 0)


def iso(year: int, month: int, day: int) -> str:
    try:
        return Date(year, month, day).isoformat()
    except ValueError:
        return ""


def find_date(text: str) -> str:
    """A date written out with its year (2024年3月20日, 2024-03-20, 二〇二四年三月二十日)."""
    candidates = []
    for match in _FULL_DATE.finditer(text):
        candidates.append((match.start(), iso(int(match[1]), int(match[2]), int(match[3]))))
    for match in _ISO_DATE.finditer(text):
        candidates.append((match.start(), iso(int(match[1]), int(match[2]), int(match[3]))))
    for match in _CN_DATE.finditer(text):
        year = int("".join(str(_CN_DIGITS[ch]) for ch in match[1]))
        candidates.append((match.start(), iso(year, cn_number(match[2]), cn_number(match[3]))))
    found = [iso for _, iso in sorted(candidates) if iso]
    return found[0] if found else ""
