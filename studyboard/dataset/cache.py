"""The disk cache of parsed datasets: one folder of Parquet files per input hash.

:func:`load` gives a document's dataset from the cache when the same inputs
were parsed before (without importing jieba), and builds and stores it
otherwise. The key (:func:`cache_key`) is a hash of the text, the metadata,
every lexicon file, the stopword tier and
:data:`~studyboard.dataset.tables.DATASET_VERSION`.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
import tempfile
from pathlib import Path

import pandas as pd

from studyboard import paths
from studyboard.dataset.tables import TABLES, Dataset, build, cache_key
from studyboard.ingest.document import Document
from studyboard.lexicon import Lexicon

def cache_path(key: str) -> Path:
    return paths.cache_dir() / "datasets" / key[:32]


def read_cached(key: str) -> Dataset | None:
    """The dataset stored under ``key``, or None."""
    folder = cache_path(key)
    meta = folder / "provenance.json"
    if not meta.is_file():
        return None
    try:
        provenance = json.loads(meta.read_text(encoding="utf-8"))
        tables = {name: pd.read_parquet(folder / f"{name}.parquet") for name in TABLES}
    except (OSError, ValueError) as exc:  # a damaged entry is rebuilt
        print(f"studyboard: ignoring damaged cache entry {folder}: {exc}", file=sys.stderr)
        return None
    return Dataset(**tables, provenance=provenance)


def write_cached(dataset: Dataset) -> Path:
    """Store a dataset under its cache key (atomically: a folder renamed into place)."""
    key = dataset.provenance["cache_key"]
    folder = cache_path(key)
    if folder.is_dir():
        return folder
    folder.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=".tmp-", dir=folder.parent))
    try:  # a half-written folder is removed; pyarrow reports a full disk as OSError too
        for name, frame in dataset.tables().items():
            frame.to_parquet(tmp / f"{name}.parquet", index=False)
        (tmp / "provenance.json").write_text(json.dumps(dataset.provenance, ensure_ascii=False, indent=1),
                                             encoding="utf-8")
        os.replace(tmp, folder)
    except OSError:
        shutil.rmtree(tmp, ignore_errors=True)
        if not folder.is_dir():
            raise
    return folder


def load(doc: Document, lexicon: Lexicon, stopword_tier: str = "function", use_cache: bool = True) -> Dataset:
    """The dataset of a document: from the disk cache, or built and stored
    (a cache that cannot be written, full or read-only, is skipped with a word
    on stderr: the dataset is returned all the same)."""
    key = cache_key(doc, lexicon, stopword_tier)
    if use_cache:
        cached = read_cached(key)
        if cached is not None:
            return cached
    dataset = build(doc, lexicon, stopword_tier)
    if use_cache:
        try:
            write_cached(dataset)
        except OSError as exc:  # a full disk or a read-only cache: the dataset is still served from memory
            print(f"studyboard: could not store the dataset in the cache ({exc}); it is used without",
                  file=sys.stderr)
    return dataset
