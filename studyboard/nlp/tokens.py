"""Word segmentation with a private jieba tokenizer.

The tokenizer is a ``jieba.Tokenizer`` of its own (jieba's global one is never
touched) with the lexicon's formulations, people and place names and the
segmenter's words (``words.txt``) added, so that 新质生产力, 高质量发展, 楼阳生
or 国家发展改革委 stay whole. Segmentation is jieba's precise mode with its HMM
for unknown words, corrected by two tables of the lexicon:

* forced splits (``forced_splits.txt``): strings that are never one token. A
  string jieba's dictionary holds as one word (山西大同, 安徽省委) is taken out
  of it, and its parts are added where missing; wherever the tokens of a cut
  start and end exactly at such a string (更|高起点), they are replaced by its
  parts (更|高|起点);
* number units (``number_units.txt``): a number written in digits and the unit
  right after it are one token (3月, 2025年, 46个).

Part-of-speech tags are ``jieba.posseg``'s: its tag table (jieba's dictionary
plus the tags given in the lexicon) for every word the dictionary knows, and
``jieba.posseg`` itself for the few words it does not (numbers, names found by
the HMM). Running ``jieba.posseg`` over the whole text would be four times
slower than segmenting it. The tag overrides (``tag_overrides.txt``) come
before both: 明显改善 is no person's name, 城市 no place.

jieba is imported only here and only when a tokenizer is made: a dataset
loaded from the disk cache never imports it.
"""

from __future__ import annotations

import logging
import re
import threading
from dataclasses import dataclass
from functools import lru_cache
from itertools import compress, count
from operator import itemgetter

from studyboard import paths
from studyboard.lexicon import Lexicon

_WORD = re.compile(r"[\w\u3400-\u9fff]", re.UNICODE)
_NUMBER = re.compile(r"^[0-9０-９.．%％]+$")
_DIGITS = re.compile(r"^[0-9０-９]+([.．][0-9０-９]+)?$")
_DIGIT_CHARS = frozenset("0123456789０１２３４５６７８９")
_LATIN = re.compile(r"^[A-Za-zＡ-Ｚａ-ｚ]+$")

#: Stop tiers of a token: 0 content word, 1 function word, 2 policy verb.
CONTENT, FUNCTION, POLICY = 0, 1, 2


@dataclass(frozen=True)
class Token:
    text: str
    start: int
    end: int
    pos: str


def is_word(text: str) -> bool:
    """Whether a token is a word (not punctuation or white space)."""
    return bool(_WORD.search(text)) and not text.isspace()


class Tokenizer:
    """jieba segmentation and POS tags with the lexicon's words added."""

    def __init__(self, lexicon: Lexicon) -> None:
        import jieba
        import jieba.posseg

        jieba.setLogLevel(logging.WARNING)
        cache = paths.cache_dir()
        self._jieba = jieba.Tokenizer()
        try:
            cache.mkdir(parents=True, exist_ok=True)
            self._jieba.tmp_dir = str(cache)
        except OSError:  # a read-only or full cache folder: jieba keeps its cache in the system's temp folder
            pass
        self._jieba.initialize()
        for word, freq, tag in lexicon_words(lexicon):
            self._jieba.add_word(word, freq, tag)
        # every prefix of a forced-split string -> (string, parts), the longest string first
        self._splits: dict[str, list[tuple[str, tuple[str, ...]]]] = {}
        for parts in sorted(lexicon.forced_splits, key=lambda parts: -len("".join(parts))):
            joined = "".join(parts)
            if self._jieba.FREQ.get(joined):
                # out of this dictionary only: jieba's del_word would also add it to the HMM's
                # force-split set, which every jieba tokenizer shares
                self._jieba.FREQ[joined] = 0
            for part in parts:
                if len(part) > 1 and not self._jieba.FREQ.get(part):
                    self._jieba.add_word(part)
            for end in range(1, len(joined) + 1):
                self._splits.setdefault(joined[:end], []).append((joined, parts))
        self._units = lexicon.number_units
        self._pos = jieba.posseg.POSTokenizer(self._jieba)
        self._pos.makesure_userdict_loaded()
        self._tags = self._pos.word_tag_tab
        self._overrides = dict(lexicon.tag_overrides)
        self._unknown: dict[str, str] = {}
        self._lock = threading.Lock()
        self.version = getattr(jieba, "__version__", "unknown")

    def cut(self, text: str) -> list[str]:
        """Segmentation: precise mode with HMM, then the forced splits and number units."""
        with self._lock:
            words = self._jieba.lcut(text)
        if self._splits:
            words = self._split(words)
        if self._units:
            words = self._join_units(words)
        return words

    def _split(self, words: list[str]) -> list[str]:
        """Replace the tokens that cover exactly a forced-split string by its parts."""
        splits = self._splits
        out: list[str] = []
        done = 0  # words[:done] are in out
        n = len(words)
        for i in list(compress(count(), map(splits.__contains__, words))):
            if i < done:
                continue
            word = words[i]
            for joined, parts in splits[word]:
                j, length = i + 1, len(word)
                while length < len(joined) and j < n:  # the tokens up to the string's end
                    length += len(words[j])
                    j += 1
                if length == len(joined) and "".join(words[i:j]) == joined:
                    out.extend(words[done:i])
                    out.extend(parts)
                    done = j
                    break
        out.extend(words[done:])
        return out

    def _join_units(self, words: list[str]) -> list[str]:
        """A number in digits and the unit after it as one token (3 月 -> 3月)."""
        units = self._units
        out: list[str] = []
        done = 0
        last = len(words) - 1
        for i in list(compress(count(), map(_DIGIT_CHARS.__contains__, map(itemgetter(slice(0, 1)), words)))):
            if i < done or i == last or words[i + 1] not in units or not _DIGITS.match(words[i]):
                continue
            out.extend(words[done:i])
            out.append(words[i] + words[i + 1])
            done = i + 2
        out.extend(words[done:])
        return out

    def tags(self, words) -> dict[str, str]:
        """The POS tag of each distinct word in ``words``: the lexicon's override, jieba's tag table,
        or ``jieba.posseg`` for words the table does not hold."""
        table, overrides = self._tags, self._overrides
        return {word: overrides.get(word) or table.get(word) or self._tag_unknown(word) for word in set(words)}

    def tokenize(self, text: str) -> list[Token]:
        """Tokens with offsets into ``text`` and POS tags."""
        words = self.cut(text)
        tags = self.tags(words)
        tokens = []
        pos = 0
        for word in words:
            end = pos + len(word)
            tokens.append(Token(word, pos, end, tags[word]))
            pos = end
        return tokens

    def keywords(self, text: str, method: str, top: int, stop_words: frozenset[str] = frozenset(),
                 allow_pos: tuple[str, ...] = ()) -> list[tuple[str, float]]:
        """jieba.analyse keywords of ``text`` with this tokenizer: ``method`` "tfidf"
        (jieba's IDF table) or "textrank" (co-occurrence window of 5 words).

        The extractors get this tokenizer and its POS tagger instead of jieba's
        global ones, so the lexicon's words stay whole and the strings of the
        forced splits are no words (the replacement of tokens by parts and the
        number units are not applied here). ``allow_pos`` limits
        the words to those tags (TextRank needs tags; empty means jieba's
        default for it: n, ns, vn, v). Returns (word, weight), best first.
        """
        import copy

        import jieba.analyse  # loads jieba's IDF table once, into its default extractor

        if method == "tfidf":
            extractor = copy.copy(jieba.analyse.default_tfidf)  # shares the IDF table
            extractor.tokenizer, extractor.postokenizer = self._jieba, self._pos
        elif method == "textrank":
            extractor = jieba.analyse.TextRank()
            extractor.tokenizer = extractor.postokenizer = self._pos
        else:
            raise ValueError(f"unknown keyword method {method!r}")
        extractor.stop_words = set(extractor.STOP_WORDS) | set(stop_words)
        with self._lock:
            if method == "tfidf":
                return extractor.extract_tags(text, topK=top, withWeight=True, allowPOS=allow_pos)
            return extractor.textrank(text, topK=top, withWeight=True,
                                      allowPOS=allow_pos or ("ns", "n", "vn", "v"))

    def _tag_unknown(self, word: str) -> str:
        tag = self._unknown.get(word)
        if tag is None:
            if word.isspace():
                tag = "x"
            elif _NUMBER.match(word):
                tag = "m"
            elif _LATIN.match(word):
                tag = "eng"
            elif not is_word(word):
                tag = "x"
            else:
                with self._lock:
                    pairs = self._pos.lcut(word)
                # a word jieba.posseg would cut further: the head is the last part
                tag = pairs[-1].flag if pairs else "x"
            self._unknown[word] = tag
        return tag


def lexicon_words(lexicon: Lexicon) -> list[tuple[str, int | None, str | None]]:
    """Words the tokenizer must keep whole: formulations, the segmenter's words, people, places."""
    words: dict[str, tuple[str, int | None, str | None]] = {}
    for f in lexicon.formulations:
        words[f.term] = (f.term, f.freq, f.tag)
    for w in lexicon.words:
        words.setdefault(w.term, (w.term, w.freq, w.tag))
    for person in lexicon.people:
        words.setdefault(person.name, (person.name, None, "nr"))
    names = [p.name for p in lexicon.provinces] + [p.short for p in lexicon.provinces]
    names += [c.name for c in lexicon.cities] + [c.short for c in lexicon.cities]
    names += [r.name for r in lexicon.regions]
    for name in names:
        if len(name) > 1:
            words.setdefault(name, (name, None, "ns"))
    return list(words.values())


@lru_cache(maxsize=4)
def tokenizer_for(lexicon: Lexicon) -> Tokenizer:
    """One tokenizer per lexicon (building one takes about two seconds)."""
    return Tokenizer(lexicon)
