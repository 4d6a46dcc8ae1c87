#!/usr/bin/env python3
"""Check that a change to the dataset build leaves every table as it was.

    .venv/bin/python bench/check_tables.py save DIR              # reference tables (run on main)
    .venv/bin/python bench/check_tables.py compare DIR           # this tree's tables against them
    .venv/bin/python bench/check_tables.py save DIR --root ../main    # build with another tree's code

Builds every shipped document (data/texts), every text in tests/texts/ and a
few edge cases (no text, punctuation alone, a title alone, one sentence, no
sentence mark, nothing found, places), each also with the ``policy`` stopword
tier and re-scored with edited themes (``with_themes``: one theme with added
keywords, one with its first keyword alone). ``save`` pickles every table and
the provenance; ``compare`` builds again and checks each table with
``pd.testing.assert_frame_equal(check_exact=True)`` (columns, dtypes, index,
values, order) and the provenance apart from the dataset's hash and the
versions of Python and pandas.
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import pickle
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent.parent
EDGE_CASES = {
    "edge_empty": "",
    "edge_marks_only": "。。\n",
    "edge_title_only": "关于某事项的通知\n",
    "edge_one_sentence": "推动高质量发展。\n",
    "edge_no_marks": "没有句号的一段话\n第二段也没有\n",
    "edge_nothing_found": "今天天气很好，我们去公园散步。晚上回家吃饭。\n",
    "edge_places": "湖南省长沙市和湖北省武汉市推进长江经济带发展，山西大同、河南郑州也在其中。\n",
}
#: Provenance fields that may differ between two builds of the same tables.
FREE_PROVENANCE = {"dataset_sha256", "python", "pandas"}


def documents():
    from studyboard.dataset import catalog
    from studyboard.ingest import document

    for entry in catalog.shipped():
        yield f"shipped_{entry.id}", document.read(entry, check_size=False)
    for path in sorted((HERE / "tests" / "texts").glob("*.txt")):
        yield f"texts_{path.stem}", document.from_file(path)
    for name, text in EDGE_CASES.items():
        yield name, document.Document(id=name, text=text)


def edited_themes(themes):
    first, *rest = themes
    out = [dataclasses.replace(first, keywords=first.keywords + ("长江", "城市"))]
    if rest:
        out.append(dataclasses.replace(rest[0], keywords=rest[0].keywords[:1]))
        out.extend(rest[1:])
    return tuple(out)


def builds():
    """(name, tables, provenance) of every build and re-scoring."""
    from studyboard import lexicon as lexicon_module
    from studyboard.dataset import tables as dataset

    lex = lexicon_module.load()
    for name, doc in documents():
        ds = dataset.build(doc, lex)
        yield name, ds.tables(), ds.provenance
        again = dataset.with_themes(ds, edited_themes(lex.themes))
        yield name + "+themes", again.tables(), again.provenance
        tier = dataset.build(doc, lex, "policy")
        yield name + "+policy", tier.tables(), tier.provenance


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("action", choices=["save", "compare"])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--root", type=Path, default=HERE, help="the tree whose studyboard package builds")
    args = parser.parse_args()
    os.environ.setdefault("STUDYBOARD_CACHE", tempfile.mkdtemp(prefix="studyboard-check-"))
    sys.path.insert(0, str(args.root.resolve()))
    import pandas as pd

    import studyboard

    print(f"building with {Path(studyboard.__file__).parent}", flush=True)
    args.folder.mkdir(parents=True, exist_ok=True)
    failures = 0
    count = 0
    for name, tables, provenance in builds():
        path = args.folder / f"{name}.pkl"
        count += 1
        if args.action == "save":
            path.write_bytes(pickle.dumps((tables, provenance)))
            continue
        ref_tables, ref_provenance = pickle.loads(path.read_bytes())
        if list(tables) != list(ref_tables):
            print(f"{name}: tables {list(tables)} != {list(ref_tables)}")
            failures += 1
        for table, frame in ref_tables.items():
            try:
                pd.testing.assert_frame_equal(tables[table], frame, check_exact=True)
                assert list(tables[table].dtypes.astype(str)) == list(frame.dtypes.astype(str))
                assert tables[table].index.equals(frame.index) and type(tables[table].index) is type(frame.index)
            except AssertionError as exc:
                print(f"{name}.{table}: {exc}")
                failures += 1
        mine = {k: v for k, v in provenance.items() if k not in FREE_PROVENANCE}
        theirs = {k: v for k, v in ref_provenance.items() if k not in FREE_PROVENANCE}
        if mine != theirs:
            print(f"{name}: provenance {mine} != {theirs}")
            failures += 1
    if args.action == "save":
        print(f"saved {count} builds to {args.folder}")
        return 0
    print(f"compared {count} builds: {'all tables equal' if not failures else f'{failures} differences'}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
