"""CSV files: a text cell that a spreadsheet would take as a formula is
written with a ' in front (CSV injection), in the map's mentions table, the
terms' tables and the command line's export; numbers stay numbers."""

from __future__ import annotations

import csv
import io
import subprocess
import sys

import pandas as pd
import pytest

from studyboard.dataset import tables as dataset
from studyboard.ingest import document
from studyboard.views import downloads, placeviews
from support import ROOT


def rows_of(data: bytes) -> list[list[str]]:
    assert data.startswith(b"\xef\xbb\xbf")  # UTF-8 with BOM
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))


@pytest.mark.parametrize("cell, written", [
    ("=HYPERLINK(\"http://evil.example\",\"点击\")", "'=HYPERLINK(\"http://evil.example\",\"点击\")"),
    ("+1+1", "'+1+1"),
    ("-2+3", "'-2+3"),
    ("@SUM(A1)", "'@SUM(A1)"),
    ("\t=1", "'\t=1"),
    ("\r=1", "'\r=1"),
    ("湖南=长沙", "湖南=长沙"),  # not at the start: plain text
    ("", ""),
])
def test_formula_cells_are_neutralised(cell, written):
    assert rows_of(downloads.csv_bytes(pd.DataFrame({"text": [cell]})))[1] == [written]


def test_numbers_stay_numbers_and_headers_are_checked_too():
    frame = pd.DataFrame({"count": [-3, 4], "rate": [-0.5, 1.25], "=name": ["a", "b"]})
    assert rows_of(downloads.csv_bytes(frame)) == [["count", "rate", "'=name"], ["-3", "-0.5", "a"], ["4", "1.25", "b"]]


HOSTILE = ("测试：湖南的公式\n\n"
           "=HYPERLINK(\"http://evil.example\")湖南省长沙市召开会议。\n\n"
           "@SUM(1)湖北省武汉市推进改革。\n\n"
           "-1+2河南省郑州市发展产业。\n")


def hostile_dataset(tmp_path, lexicon):
    path = tmp_path / "hostile.txt"
    path.write_text(HOSTILE, encoding="utf-8")
    return path, dataset.build(document.from_file(path), lexicon)


def test_map_mentions_csv(tmp_path, lexicon):
    _, ds = hostile_dataset(tmp_path, lexicon)
    rows = rows_of(downloads.csv_bytes(placeviews.mention_table(ds, lexicon)))
    contexts = {row[-1] for row in rows[1:]}
    assert "'=HYPERLINK(\"http://evil.example\")湖南省长沙市召开会议。" in contexts
    assert "'@SUM(1)湖北省武汉市推进改革。" in contexts
    assert "'-1+2河南省郑州市发展产业。" in contexts
    assert not any(cell[:1] in "=+-@" and cell for row in rows for cell in row)


def test_cli_export_neutralises_every_table(tmp_path, lexicon):
    path, _ = hostile_dataset(tmp_path, lexicon)
    out = tmp_path / "out"
    result = subprocess.run([sys.executable, "-m", "studyboard", "export", str(path), "--out", str(out), "--no-cache"],
                            cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    paragraphs = rows_of((out / "paragraphs.csv").read_bytes())
    texts = [row[1] for row in paragraphs[1:]]
    assert texts[:3] == ["'=HYPERLINK(\"http://evil.example\")湖南省长沙市召开会议。", "'@SUM(1)湖北省武汉市推进改革。",
                         "'-1+2河南省郑州市发展产业。"]
    for table in out.glob("*.csv"):
        for row in rows_of(table.read_bytes()):
            assert not any(cell and cell[0] in "=+@\t\r" for cell in row), (table.name, row)
            # a minus only in numbers
            assert all(not cell.startswith("-") or cell[1:].replace(".", "", 1).isdigit() for cell in row), row
