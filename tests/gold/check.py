"""Check the hand-made gold segmentations in this folder against their sources.

    python tests/gold/check.py            # verify, print token counts
    python tests/gold/check.py -v         # also the count of every line
    python tests/gold/check.py --consistency
                                          # also list strings that are one token
                                          # in one place and several elsewhere

What is verified (exit status 1 if anything fails):
- format: one ASCII space between tokens, no empty token, no tab, no leading or
  trailing space;
- every gold line, spaces removed, equals its source text exactly:
  seed.seg.txt against the kicker, the headline and the body paragraphs that
  studyboard.ingest.document.from_file reads from the shipped seed (when that
  import fails, e.g. while the tree is being edited, the whole gold text is
  compared with the seed file with all white space removed instead);
  speech.seg.txt and plain.seg.txt against the lines of tests/texts/speech.txt
  and tests/texts/plain.txt, one for one;
- every punctuation mark is a token of its own;
- no formulation of data/lexicon/userdict.txt is cut by a token boundary,
  unless the token that cuts it is itself a formulation (overlap read by sense).

Standard library only; does not segment anything itself.
"""

from __future__ import annotations

import re
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
SEED = ROOT / "data" / "texts" / "000_97e3ae1a0b7fde01.txt"
#: Gold files made from a test text, one gold line per non-blank line of the text.
LINE_SOURCES = {
    "speech.seg.txt": ROOT / "tests" / "texts" / "speech.txt",
    "plain.seg.txt": ROOT / "tests" / "texts" / "plain.txt",
}
USERDICT = ROOT / "data" / "lexicon" / "userdict.txt"


def read_gold(path: Path) -> list[str]:
    """Data lines of a gold file: every line that is not blank and not a # comment."""
    lines = []
    for line in path.read_text(encoding="utf-8").split("\n"):
        if line.strip() and not line.startswith("#"):
            lines.append(line)
    return lines


def formulations() -> list[str]:
    terms = []
    for line in USERDICT.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            terms.append(line.split()[0])
    return terms


def seed_sources() -> list[str] | None:
    """Kicker, headline and body paragraphs as the board reads them, or None."""
    sys.path.insert(0, str(ROOT))
    try:
        from studyboard.ingest.document import from_file

        doc = from_file(str(SEED))
        return [doc.structure.kicker, doc.structure.headline, *doc.paragraphs]
    except Exception as exc:  # the tree may be mid-edit
        print(f"  (studyboard import failed: {exc!r}; comparing the whole text)")
        return None


def is_punct(ch: str) -> bool:
    return unicodedata.category(ch).startswith("P")


def check_format(name: str, lines: list[str], problems: list[str]) -> None:
    for i, line in enumerate(lines, 1):
        if "\t" in line or line != line.strip() or "  " in line:
            problems.append(f"{name}:{i}: bad spacing")
        for tok in line.split(" "):
            if len(tok) > 1 and any(is_punct(c) for c in tok) and not re.fullmatch(r"[0-9.]+%", tok):
                problems.append(f"{name}:{i}: punctuation inside token {tok!r}")


def check_formulations(name: str, lines: list[str], terms: list[str], problems: list[str]) -> None:
    termset = set(terms)
    for i, line in enumerate(lines, 1):
        tokens = line.split(" ")
        text = "".join(tokens)
        spans, pos = [], 0
        for tok in tokens:
            spans.append((pos, pos + len(tok), tok))
            pos += len(tok)
        for term in terms:
            for m in re.finditer(re.escape(term), text):
                a, b = m.start(), m.end()
                cutters = [t for s, e, t in spans if s < b and e > a and (s < a or e > b)]
                inside = [t for s, e, t in spans if s >= a and e <= b]
                if len(inside) == 1 and inside[0] == term:
                    continue  # the term is a token
                if any(t in termset for t in cutters):
                    continue  # overlapping formulation chosen by sense
                if any(s <= a and e >= b and t in termset for s, e, t in spans):
                    continue  # inside a longer formulation
                problems.append(f"{name}:{i}: formulation {term} cut: "
                                + " ".join(t for s, e, t in spans if s < b and e > a))


def consistency(all_lines: list[tuple[str, int, str]]) -> None:
    """Strings that are one token somewhere and a run of several tokens elsewhere."""
    singles: dict[str, list[str]] = defaultdict(list)
    for name, i, line in all_lines:
        for tok in line.split(" "):
            if len(tok) > 1:
                singles[tok].append(f"{name}:{i}")
    found = defaultdict(list)
    for name, i, line in all_lines:
        tokens = line.split(" ")
        for a in range(len(tokens)):
            joined = tokens[a]
            for b in range(a + 1, min(a + 6, len(tokens))):
                joined += tokens[b]
                if joined in singles:
                    found[joined].append((" ".join(tokens[a:b + 1]), f"{name}:{i}"))
    if not found:
        print("consistency: no string is both one token and several tokens")
        return
    print("consistency: one token in one place, several tokens elsewhere (check each):")
    for word, where in sorted(found.items()):
        print(f"  {word} ({len(singles[word])}x whole) vs "
              + "; ".join(f"{split} @{loc}" for split, loc in where))


def main(argv: list[str]) -> int:
    verbose = "-v" in argv
    problems: list[str] = []
    terms = sorted(formulations(), key=len, reverse=True)
    everything = []

    # seed
    gold = read_gold(HERE / "seed.seg.txt")
    check_format("seed", gold, problems)
    sources = seed_sources()
    if sources is None:
        whole = re.sub(r"\s+", "", SEED.read_text(encoding="utf-8"))
        if "".join(l.replace(" ", "") for l in gold) != whole:
            problems.append("seed: gold text differs from the seed file")
    else:
        if len(sources) != len(gold):
            problems.append(f"seed: {len(gold)} gold lines, {len(sources)} source lines")
        for i, (g, s) in enumerate(zip(gold, sources), 1):
            if g.replace(" ", "") != s:
                problems.append(f"seed:{i}: gold line differs from its source")
    check_formulations("seed", gold, terms, problems)
    everything += [("seed", i, l) for i, l in enumerate(gold, 1)]

    # the test texts, line by line
    files = [("seed.seg.txt", gold)]
    for file, source in LINE_SOURCES.items():
        label = file.split(".")[0]
        gold_s = read_gold(HERE / file)
        check_format(label, gold_s, problems)
        src = [l for l in source.read_text(encoding="utf-8").split("\n") if l.strip()]
        if len(src) != len(gold_s):
            problems.append(f"{label}: {len(gold_s)} gold lines, {len(src)} source lines")
        for i, (g, s) in enumerate(zip(gold_s, src), 1):
            if g.replace(" ", "") != s:
                problems.append(f"{label}:{i}: gold line differs from its source")
        check_formulations(label, gold_s, terms, problems)
        everything += [(label, i, l) for i, l in enumerate(gold_s, 1)]
        files.append((file, gold_s))

    for name, lines in files:
        toks = [t for l in lines for t in l.split(" ")]
        words = [t for t in toks if not all(is_punct(c) for c in t)]
        print(f"{name}: {len(lines)} lines, {len(toks)} tokens "
              f"({len(words)} words, {len(toks) - len(words)} punctuation), "
              f"{sum(map(len, toks))} characters")
        if verbose:
            for i, l in enumerate(lines, 1):
                print(f"  line {i:2}: {len(l.split(' '))} tokens")

    if "--consistency" in argv:
        consistency(everything)
    for p in problems:
        print("FAIL", p)
    print("OK" if not problems else f"{len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
