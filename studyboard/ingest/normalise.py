"""One normal form for every text the board takes in.

:func:`normalise` is applied to every input -- an uploaded ``.txt``,
``.docx`` or ``.pdf``, pasted text, a file given to the command line, a
shipped document -- before the reflow reads it
(:func:`studyboard.ingest.sources.read_bytes` and
:func:`studyboard.ingest.intake.prepare_text` call it). The normalised text
is the document: its hash, the duplicate check, the dataset cache and the
comparison all see it, so a PDF whose text came out with radical code points
(⻓沙, 新质⽣产⼒) is the same document as the DOCX of the same text.

What it does (the tables are data, ``data/unicode/normalise.toml``):

1. line ends: CR LF, CR, form feed, vertical tab, NEL, U+2028 and U+2029 become LF;
2. zero-width characters, bidi controls, the soft hyphen and a byte-order
   mark inside the text are removed, and so is every other control character
   but LF and TAB (NUL, DEL, C1 controls): 长\\u200b沙 reads 长沙;
3. the CJK radical-supplement characters NFKC leaves alone become the
   ordinary ideographs (⻓ → 长), and so do a few lookalikes Chromium prints
   (⼾ → 户, where NFKC would give the traditional 戶); this comes before NFKC;
4. NFKC, except for the Chinese punctuation the board reads as it is
   (，。：；（）！？ stay full-width; full-width letters and digits become
   ASCII, Kangxi radicals and compatibility ideographs the ordinary ideographs).

It is idempotent: the normal form of a normalised text is the text itself.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from functools import lru_cache
from pathlib import Path

from studyboard import paths
from studyboard.errors import LexiconError

TABLE = paths.DATA / "unicode" / "normalise.toml"

_LINE_ENDS = re.compile("\r\n|[\r\f\v\x85\u2028\u2029]")


class _Tables:
    def __init__(self, path: Path) -> None:
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
            remove = _ranges(data["remove"]["ranges"])
            keep = _ranges(data["keep"]["ranges"])
            mapping = {**data.get("radicals", {}), **data.get("lookalikes", {})}
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError, KeyError, TypeError, ValueError) as exc:
            raise LexiconError("toml", file=path.name, detail=str(exc)) from exc
        if any(len(k) != 1 or len(v) != 1 for k, v in mapping.items()):
            raise LexiconError("toml", file=path.name, detail="[radicals] and [lookalikes] map one character to one")
        controls = "".join(chr(c) for c in (*range(0x00, 0x20), *range(0x7F, 0xA0)) if chr(c) not in "\n\t")
        self.remove = re.compile("[" + re.escape(controls) + "".join(_class(a, b) for a, b in remove) + "]+")
        # runs of characters NFKC may change (anything outside ASCII and not kept)
        self.keep = re.compile("[" + "".join(_class(a, b) for a, b in keep) + "]+")
        self.mapping = str.maketrans(mapping)
        self.mapped = re.compile("[" + re.escape("".join(mapping)) + "]")


def _ranges(rows) -> list[tuple[int, int]]:
    out = []
    for first, last in rows:
        a, b = int(str(first).removeprefix("U+"), 16), int(str(last).removeprefix("U+"), 16)
        if a > b:
            raise ValueError(f"range {first}-{last}")
        out.append((a, b))
    return out


def _class(a: int, b: int) -> str:
    return re.escape(chr(a)) + ("-" + re.escape(chr(b)) if b > a else "")


@lru_cache(maxsize=4)
def _tables(path: str, mtime_ns: int) -> _Tables:
    return _Tables(Path(path))


def tables() -> _Tables:
    return _tables(str(TABLE), TABLE.stat().st_mtime_ns)


def normalise(text: str) -> str:
    """The text in the board's normal form (see the module's docstring)."""
    tab = tables()
    text = _LINE_ENDS.sub("\n", text)
    text = tab.remove.sub("", text)
    if not text.isascii():
        if tab.mapped.search(text):
            text = text.translate(tab.mapping)
        text = _nfkc_except_kept(text, tab.keep)
    return text


def _nfkc_except_kept(text: str, keep: re.Pattern) -> str:
    parts, pos = [], 0
    for match in keep.finditer(text):
        parts.append(unicodedata.normalize("NFKC", text[pos:match.start()]))
        parts.append(match.group())
        pos = match.end()
    parts.append(unicodedata.normalize("NFKC", text[pos:]))
    return "".join(parts)
