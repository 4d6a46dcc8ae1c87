"""Layer 3, store: what users add, in one SQLite database and a texts folder.

The database and its transactions (:mod:`.db`), library documents
(:mod:`.library`) and notes (:mod:`.notes`). Uses ingest and nlp; knows
nothing of datasets, analysis or pages.
"""
