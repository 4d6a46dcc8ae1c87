"""The command line: JSON on stdout, CSV export, exit code 2 for bad input."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from support import ROOT, SEED_PATH


def run(*args, **kwargs):
    return subprocess.run([sys.executable, "-m", "studyboard", *args], cwd=ROOT, capture_output=True,
                          text=True, timeout=120, **kwargs)


@pytest.fixture(scope="module")
def parsed():
    result = run("parse", str(SEED_PATH))
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_parse_prints_the_dataset(parsed):
    assert parsed["document"]["kicker"] == "习近平主持召开新时代推动中部地区崛起座谈会强调"
    assert parsed["document"]["headline"] == "在更高起点上扎实推动中部地区崛起"
    assert parsed["document"]["date"] == "2024-03-20"
    assert parsed["document"]["place"] == "湖南省长沙市"
    assert [p["index"] for p in parsed["paragraphs"]] == list(range(1, 15))
    assert parsed["paragraphs"][11]["speaker"] == "李强"
    assert parsed["paragraphs"][1]["speaker"] is None
    assert "ecology" in parsed["paragraphs"][7]["themes"]


def test_parse_sentences_mentions_terms(parsed):
    first = parsed["sentences"][0]
    assert first["paragraph"] == 1 and first["speaker"] is None
    hunan = {m["surface"] for m in parsed["mentions"] if m["province"] == "湖南" and not m["related"]}
    assert hunan == {"湖南省", "长沙市", "湖南省委书记"}
    related = {m["surface"] for m in parsed["mentions"] if m["province"] == "湖南" and m["related"]}
    assert related == {"长江经济带", "长江中游城市群"}
    terms = {t["term"]: t["count"] for t in parsed["terms"]}
    assert terms["新质生产力"] == 2 and terms["高质量发展"] == 6


def test_export_writes_csv_tables(tmp_path):
    result = run("export", str(SEED_PATH), "--out", str(tmp_path))
    assert result.returncode == 0, result.stderr
    names = {p.name for p in tmp_path.iterdir()}
    assert {"paragraphs.csv", "sentences.csv", "tokens.csv", "mentions.csv", "provenance.json"} <= names
    text = (tmp_path / "paragraphs.csv").read_text(encoding="utf-8-sig")
    assert text.splitlines()[0].startswith("paragraph,text,")


@pytest.mark.parametrize("content, message", [
    (b"", "The file is empty."),
    (b"\n  \n", "white space"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG"),
    (b"abc \x80\x80\x80 def", "encoding"),
    (b"only English here\n", "no Chinese"),
])
def test_bad_input_exits_2_with_one_line(tmp_path, content, message):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    result = run("parse", str(path))
    assert result.returncode == 2
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and message in lines[0] and "Traceback" not in result.stderr


def test_too_large_file(tmp_path):
    path = tmp_path / "big.txt"
    path.write_bytes("中部地区。".encode() * 100)
    import os

    result = run("parse", str(path), env={**os.environ, "STUDYBOARD_MAX_BYTES": "100"})
    assert result.returncode == 2 and "too large" in result.stderr


def test_missing_file(tmp_path):
    result = run("parse", str(tmp_path / "nothing.txt"))
    assert result.returncode == 2 and "not found" in result.stderr


def test_handout_html_and_markdown(tmp_path):
    result = run("handout", str(SEED_PATH), "--out", str(tmp_path / "handout.html"))
    assert result.returncode == 0, result.stderr
    page = (tmp_path / "handout.html").read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "<h2>学习提纲</h2>" in page
    assert '<strong>以科技创新引领产业创新</strong>' in page
    result = run("handout", str(SEED_PATH), "--out", str(tmp_path / "sub" / "handout.md"), "--lang", "en")
    assert result.returncode == 0, result.stderr
    text = (tmp_path / "sub" / "handout.md").read_text(encoding="utf-8")
    assert "## Study outline" in text and "**以科技创新引领产业创新**" in text


def test_handout_carries_the_notes_escaped(tmp_path, monkeypatch):
    from studyboard.store import notes

    monkeypatch.setenv("STUDYBOARD_LIBRARY", str(tmp_path / "lib"))  # for this process and the command
    notes.add(SEED_PATH.stem, 5, "讨论<script>alert(1)</script>")
    notes.add(SEED_PATH.stem, 0, "<img src=x onerror=alert(1)>")
    result = run("handout", str(SEED_PATH), "--out", str(tmp_path / "h.html"), "--no-charts")
    assert result.returncode == 0, result.stderr
    page = (tmp_path / "h.html").read_text(encoding="utf-8")
    assert "<li>讨论&lt;script&gt;alert(1)&lt;/script&gt;</li>" in page and "<img" not in page
    assert "<script" not in page and len(page.encode()) < 100_000  # no charts, no plotly.js
    result = run("handout", str(SEED_PATH), "--out", str(tmp_path / "h.md"))
    text = (tmp_path / "h.md").read_text(encoding="utf-8")
    assert "- 讨论\\<script>alert(1)\\</script>" in text and "- \\<img src=x onerror=alert(1)>" in text
    result = run("handout", str(SEED_PATH), "--out", str(tmp_path / "n.md"), "--no-notes")
    assert "讨论" not in (tmp_path / "n.md").read_text(encoding="utf-8")
    # a damaged library: the handout is written all the same, without notes
    (tmp_path / "lib" / "library.sqlite3").write_bytes(b"not a database" * 100)
    for extra in ("-wal", "-shm"):
        (tmp_path / "lib" / f"library.sqlite3{extra}").unlink(missing_ok=True)
    result = run("handout", str(SEED_PATH), "--out", str(tmp_path / "d.md"))
    assert result.returncode == 0 and "notes are left out" in result.stderr
    assert "## 学习提纲" in (tmp_path / "d.md").read_text(encoding="utf-8")


def test_handout_of_bad_input_exits_2(tmp_path):
    path = tmp_path / "bad.txt"
    path.write_bytes(b"only English here\n")
    result = run("handout", str(path), "--out", str(tmp_path / "h.html"))
    assert result.returncode == 2 and "no Chinese" in result.stderr
    assert not (tmp_path / "h.html").exists()
