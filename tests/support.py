"""Paths and constants shared by the tests."""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED_ID = "000_97e3ae1a0b7fde01"
SEED_PATH = ROOT / "data" / "texts" / f"{SEED_ID}.txt"
