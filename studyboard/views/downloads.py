"""Files the pages offer for download."""

from __future__ import annotations

import pandas as pd


def csv_bytes(frame: pd.DataFrame) -> bytes:
    """A table as CSV, UTF-8 with BOM (spreadsheet programs then read the Chinese right)."""
    return frame.to_csv(index=False).encode("utf-8-sig")
