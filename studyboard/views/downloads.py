"""Files the pages and the command line write: CSV tables.

A spreadsheet program takes a cell that starts with ``=``, ``+``, ``-`` or
``@`` (also a tab or a carriage return before one) as a formula, and a
formula can fetch from the network or run a command (CSV injection). Text
cells that start so are written with a ``'`` in front, which spreadsheets
read as "this is text" and hide; numbers stay numbers. Every CSV the board
writes goes through :func:`csv_bytes` or :func:`write_csv`.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

#: What a cell may not start with in a CSV file (OWASP's list).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutral(value: object) -> object:
    """A cell's value as written to CSV: text that a spreadsheet would run as a formula gets a ``'``."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def safe_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``frame`` whose text cells and column names are :func:`neutral`."""
    out = frame.copy()
    for column in out.columns:
        if out[column].dtype == object or pd.api.types.is_string_dtype(out[column].dtype):
            out[column] = out[column].map(neutral)
    out.columns = [neutral(str(name)) for name in out.columns]
    return out


def csv_text(frame: pd.DataFrame) -> str:
    """The table as CSV text with CRLF line ends (RFC 4180): a cell holding a
    line break of either kind is then quoted and stays one cell."""
    return safe_frame(frame).to_csv(index=False, lineterminator="\r\n")


def csv_bytes(frame: pd.DataFrame) -> bytes:
    """A table as CSV, UTF-8 with BOM (spreadsheet programs then read the Chinese right), formulas neutralised."""
    return csv_text(frame).encode("utf-8-sig")


def write_csv(frame: pd.DataFrame, path: Path) -> None:
    """Write a table as :func:`csv_bytes` does."""
    Path(path).write_bytes(csv_bytes(frame))
