"""The command line: ``python -m studyboard parse|export|handout FILE``.

``parse FILE`` prints the dataset as JSON on stdout; ``export FILE --out DIR``
writes every table as CSV (UTF-8 with BOM, so that spreadsheet programs read
the Chinese correctly); ``handout FILE --out handout.html`` writes the study
handout (Markdown when the name ends in ``.md``) with the document's notes from
the library and, in HTML, the board's charts (``--no-charts``, ``--no-notes``
leave them out). Bad input exits with code 2 and one line on stderr.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from studyboard.dataset import tables as datasets
from studyboard import lexicon
from studyboard.errors import InputError, LexiconError
from studyboard.ingest import intake
from studyboard.dataset import cache
from studyboard.views import downloads

EXIT_BAD_INPUT = 2


def to_json(ds: datasets.Dataset) -> dict:
    """The dataset as plain JSON-able data (the schema the README documents)."""
    doc = ds.document
    para_themes = _themes_by(ds.paragraph_themes, "paragraph")
    sent_themes = _themes_by(ds.sentence_themes, "sentence")
    return {
        "document": {key: _plain(doc[key]) for key in (
            "doc_id", "title", "kicker", "headline", "subtitle", "date", "place", "source", "speaker",
            "speaker_role", "salutation", "author", "chars", "paragraphs", "sentences", "tokens")},
        "title_block": [{"part": r.part, "text": r.text} for r in ds.title_block.itertuples()],
        "sections": [
            {"section": int(r.section), "level": int(r.level), "kind": r.kind, "number": r.number, "title": r.title,
             "parent": int(r.parent), "run_in": bool(r.run_in), "first_paragraph": int(r.first_paragraph),
             "last_paragraph": int(r.last_paragraph), "chars": int(r.chars)}
            for r in ds.sections.itertuples()
        ],
        "paragraphs": [
            {"index": int(r.paragraph), "text": r.text, "speaker": _plain(r.speaker), "section": int(r.section),
             "themes": para_themes.get(int(r.paragraph), [])}
            for r in ds.paragraphs.itertuples()
        ],
        "sentences": [
            {"index": int(r.sentence), "paragraph": int(r.paragraph), "text": r.text,
             "speaker": _plain(r.speaker), "themes": sent_themes.get(int(r.sentence), [])}
            for r in ds.sentences.itertuples()
        ],
        "mentions": [
            {"province": r.province or None, "surface": r.surface, "kind": r.kind, "place": r.place,
             "related": bool(r.related), "paragraph": int(r.paragraph), "start": int(r.start), "end": int(r.end)}
            for r in ds.mentions.itertuples()
        ],
        "terms": [{"term": r.term, "pos": r.pos, "count": int(r.count)} for r in ds.terms.itertuples()],
        "formulations": [
            {"term": r.term, "occurrences": int(r.occurrences), "tokens": int(r.tokens), "split": int(r.split)}
            for r in ds.formulations.itertuples() if r.occurrences
        ],
        "split_audit": [
            {"term": r.term, "paragraph": int(r.paragraph), "start": int(r.start), "tokens": r.tokens}
            for r in ds.split_audit.itertuples()
        ],
        "provenance": ds.provenance,
    }


def _themes_by(frame, level: str) -> dict[int, list[str]]:
    hits = frame[frame["hits"] > 0].sort_values([level, "hits"], ascending=[True, False], kind="stable")
    out: dict[int, list[str]] = {}
    for unit, theme in zip(hits[level], hits["theme"]):
        out.setdefault(int(unit), []).append(theme)
    return out


def _plain(value):
    if value is None:
        return None
    try:
        import pandas as pd

        if pd.isna(value):
            return None
    except (TypeError, ValueError):
        pass
    if hasattr(value, "item"):
        return value.item()
    return value


def _load(args) -> datasets.Dataset:
    lex = lexicon.load(args.lexicon)
    doc = intake.from_file(args.file)  # the checks of an upload: limits, sentence runs
    return cache.load(doc, lex, args.tier, use_cache=not args.no_cache)


def cmd_parse(args) -> int:
    ds = _load(args)
    json.dump(to_json(ds), sys.stdout, ensure_ascii=False, indent=1 if args.pretty else None)
    sys.stdout.write("\n")
    return 0


def cmd_export(args) -> int:
    ds = _load(args)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    for name, frame in ds.tables().items():
        downloads.write_csv(frame, out / f"{name}.csv")  # formula-like cells neutralised
    (out / "provenance.json").write_text(json.dumps(ds.provenance, ensure_ascii=False, indent=1),
                                         encoding="utf-8")
    print(f"wrote {len(ds.tables())} tables to {out}", file=sys.stderr)
    return 0


def _notes(doc_id: str):
    """The document's notes from the library database; none (with a word on stderr) if it cannot be read."""
    from studyboard.store import notes

    try:
        return notes.frame(doc_id)
    except InputError as exc:
        print(f"studyboard: the notes are left out: {exc}", file=sys.stderr)
        return None


def cmd_handout(args) -> int:
    from studyboard.views import handout

    ds = _load(args)
    lex = lexicon.load(args.lexicon)
    out = Path(args.out)
    notes = None if args.no_notes else _notes(ds.doc_id)
    if out.suffix.lower() in (".md", ".markdown"):
        text = handout.markdown(ds, lex, args.lang, notes=notes)
    else:
        text = handout.html(ds, lex, args.lang, notes=notes, board_charts=not args.no_charts)
    if out.parent != Path(""):
        out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(text, encoding="utf-8")
    print(f"wrote the handout to {out}", file=sys.stderr)
    return 0


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(prog="python -m studyboard", description="Study Board: parse Chinese policy texts.")
    sub = top.add_subparsers(dest="command", required=True)

    def common(p):
        p.add_argument("file", help="a .txt (UTF-8, GB18030, UTF-16), .docx or .pdf file")
        p.add_argument("--tier", choices=lexicon.STOPWORD_TIERS, default="function",
                       help="stopword tier for term counts (default: function words only)")
        p.add_argument("--lexicon", default=None, help="lexicon folder (default: data/lexicon)")
        p.add_argument("--no-cache", action="store_true", help="parse again; do not read or write the cache")

    p = sub.add_parser("parse", help="print the dataset as JSON")
    common(p)
    p.add_argument("--pretty", action="store_true", help="indent the JSON")
    p.set_defaults(run=cmd_parse)
    p = sub.add_parser("export", help="write the dataset's tables as CSV files")
    common(p)
    p.add_argument("--out", required=True, help="folder to write into")
    p.set_defaults(run=cmd_export)
    p = sub.add_parser("handout", help="write the study handout (HTML, or Markdown for a .md name)")
    common(p)
    p.add_argument("--out", required=True, help="file to write: NAME.html (self-contained) or NAME.md")
    p.add_argument("--lang", choices=("zh", "en"), default="zh", help="language of the headings (default: zh)")
    p.add_argument("--no-charts", action="store_true",
                   help="HTML without the interactive charts and plotly.js (about 30 KB instead of 5 MB)")
    p.add_argument("--no-notes", action="store_true", help="leave out the notes on the document")
    p.set_defaults(run=cmd_handout)
    return top


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return args.run(args)
    except (InputError, LexiconError) as exc:
        print(f"studyboard: {args.file}: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except BrokenPipeError:
        return 0
    except OSError as exc:
        print(f"studyboard: {exc.strerror or exc}: {getattr(exc, 'filename', '') or args.file}", file=sys.stderr)
        return EXIT_BAD_INPUT
