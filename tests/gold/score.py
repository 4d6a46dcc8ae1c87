"""Scoring a segmenter against the gold segmentations in this folder.

A segmentation is compared with the gold as sets of (start, end) character
spans, line by line: a token counts as right when the segmenter cuts exactly
the same span. Precision, recall and F1 are summed over all lines of a file
(micro average), punctuation marks included (each is a gold token).

    from score import GOLD_FILES, score
    result = score("seed", my_cut)     # my_cut: str -> list[str]
    result.f1, result.disagreements

Standard library only (used by tests/test_segmentation.py and bench/segmentation.py).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import pairwise

from check import HERE, read_gold

#: The gold files by name: (file, what it is). "plain" is held out: the board's
#: segmentation data was not fitted to it.
GOLD_FILES = {
    "seed": ("seed.seg.txt", "shipped report (news)"),
    "speech": ("speech.seg.txt", "test speech"),
    "plain": ("plain.seg.txt", "test commentary, held out"),
}


@dataclass
class Score:
    right: int = 0  # tokens whose span the segmenter cut exactly
    gold: int = 0  # gold tokens
    system: int = 0  # the segmenter's tokens
    disagreements: list[tuple[str, str]] = field(default_factory=list)  # (gold, segmenter) text

    @property
    def precision(self) -> float:
        return self.right / self.system if self.system else 0.0

    @property
    def recall(self) -> float:
        return self.right / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def gold_lines(name: str) -> list[list[str]]:
    """The token lists of the data lines of one gold file."""
    return [line.split(" ") for line in read_gold(HERE / GOLD_FILES[name][0])]


def spans(tokens: list[str]) -> list[tuple[int, int]]:
    out, pos = [], 0
    for token in tokens:
        out.append((pos, pos + len(token)))
        pos += len(token)
    return out


def compare(gold: list[str], system: list[str], result: Score) -> None:
    """Add one line's counts and disagreements (the smallest stretches on whose
    ends both agree, written with spaces between the tokens) to ``result``."""
    text = "".join(gold)
    if "".join(system) != text:
        raise ValueError(f"the segmenter changed the text of {text[:20]!r}…")
    g, s = set(spans(gold)), set(spans(system))
    result.right += len(g & s)
    result.gold += len(g)
    result.system += len(s)
    common = sorted({0} | ({end for _, end in g} & {end for _, end in s}))
    for a, b in pairwise(common):
        gold_part = [text[x:y] for x, y in sorted(g) if x >= a and y <= b]
        system_part = [text[x:y] for x, y in sorted(s) if x >= a and y <= b]
        if gold_part != system_part:
            result.disagreements.append((" ".join(gold_part), " ".join(system_part)))


def score(name: str, cut: Callable[[str], list[str]]) -> Score:
    """Score ``cut`` (text -> tokens) on the gold file ``name`` (a key of GOLD_FILES)."""
    result = Score()
    for gold in gold_lines(name):
        compare(gold, [token for token in cut("".join(gold)) if token], result)
    return result


def score_tokens(name: str, segmented: list[list[str]]) -> Score:
    """Score ready-made token lists, one per data line of the gold file ``name``."""
    lines = gold_lines(name)
    if len(lines) != len(segmented):
        raise ValueError(f"{len(segmented)} segmented lines for {len(lines)} gold lines")
    result = Score()
    for gold, system in zip(lines, segmented):
        compare(gold, [token for token in system if token], result)
    return result
