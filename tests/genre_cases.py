"""The test texts of every genre (tests/texts, see its README) as datasets and
as documents a page can open, for the reader and themes tests."""

from __future__ import annotations

import shutil

from support import ROOT, SEED_PATH

TEXTS = ROOT / "tests" / "texts"
_MADE: dict = {}


def dataset(name: str, lexicon):
    """The dataset of tests/texts/<name>.txt (built once per test session, through the disk cache)."""
    from studyboard.dataset import cache
    from studyboard.ingest import document

    if name not in _MADE:
        _MADE[name] = cache.load(document.from_file(TEXTS / f"{name}.txt"), lexicon)
    return _MADE[name]


def shipped_folder(folder, *names: str):
    """A folder of shipped documents holding the seed and tests/texts/<name>.txt
    for each name (document id: the name); point paths.TEXTS at it."""
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(SEED_PATH, folder / SEED_PATH.name)
    for name in names:
        shutil.copyfile(TEXTS / f"{name}.txt", folder / f"{name}.txt")
    return folder
