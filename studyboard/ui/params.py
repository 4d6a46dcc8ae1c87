"""URL parameter values: parsing and writing them back.

Every value that comes from the address bar goes through one of these
parsers, which return None (or raise ValueError) for a value that is not
valid, so that it is ignored; none of them ever turns a value into a path.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

#: Separators a user may type between terms (spaces, commas, 、 ， ； ;).
_TERM_SPLIT = re.compile(r"[\s,，、;；]+")


def parse_flag(text: str) -> bool | None:
    """?hide=1 / 0 (also true / false); anything else: None."""
    return {"1": True, "true": True, "0": False, "false": False}.get(str(text).strip().lower())


def flag_text(value: bool) -> str:
    return "1" if value else "0"


def parse_choice(valid: Iterable[str]) -> Callable[[str], str | None]:
    """A parser that accepts one of ``valid`` (else None)."""
    allowed = list(valid)
    return lambda text: text if text in allowed else None


def parse_list(valid: Iterable[str]) -> Callable[[str], list[str]]:
    """A parser for comma-separated ids that keeps the valid ones, in ``valid``'s order."""
    allowed = list(valid)

    def parse(text: str) -> list[str]:
        chosen = {part.strip() for part in text.split(",")}
        return [item for item in allowed if item in chosen]

    return parse


def parse_int(low: int, high: int) -> Callable[[str], int | None]:
    """A parser for a whole number from ``low`` to ``high`` (else None)."""

    def parse(text: str) -> int | None:
        value = int(text)
        return value if low <= value <= high else None

    return parse


def join_list(values: Iterable[str]) -> str:
    return ",".join(values)


def parse_terms(text: str | None, most: int, longest: int | None = None) -> tuple[str, ...]:
    """Terms typed by a user or given in the URL: separated by spaces, commas,
    、 or ；, in order, once each, at most ``most`` of at most ``longest`` characters."""
    words = [w for w in _TERM_SPLIT.split(str(text or "")) if w and (longest is None or len(w) <= longest)]
    return tuple(dict.fromkeys(words))[:most]


def join_terms(words: Iterable[str]) -> str:
    """Terms as one URL value (the inverse of :func:`parse_terms`)."""
    return ",".join(words)


_CODE = re.compile(r"[0-9A-Za-z_\-\u4e00-\u9fff]+")


def parse_code(most: int) -> Callable[[str], str | None]:
    """A parser for a code typed to share a view (a quiz's session code): letters, digits, _, - or
    Chinese characters, at most ``most`` of them, trimmed (else None)."""

    def parse(text: str) -> str | None:
        text = str(text or "").strip()
        return text if len(text) <= most and _CODE.fullmatch(text) else None

    return parse


def parse_digits(low: int, high: int) -> Callable[[str], int | None]:
    """A parser for a whole number written in digits (full-width ones too, as a Chinese input method
    types them) from ``low`` to ``high``; a sign, a decimal point or anything else gives None, never
    an exception."""

    def parse(text: str) -> int | None:
        text = str(text or "").strip()
        if not text.isdecimal() or len(text) > len(str(high)):
            return None
        value = int(text)
        return value if low <= value <= high else None

    return parse


def refused(text: str | None, parse: Callable[[str], object]) -> bool:
    """Whether a value given in the URL (not missing, not empty) is one ``parse`` does not accept."""
    if text in (None, ""):
        return False
    try:
        return parse(text) is None
    except (ValueError, TypeError):
        return True
