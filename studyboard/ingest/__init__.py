"""Layer 1, ingest: from a file's bytes to a Document.

Decoding and extraction (:mod:`.sources`), reflow of hard-wrapped text
(:mod:`.reflow`), the title block and headings (:mod:`.structure`, markers
from ``data/lexicon/structure.toml``), dates (:mod:`.dates`), sentences and
speakers (:mod:`.segment`), the Document itself (:mod:`.document`) and the
checks of an upload before it is stored (:mod:`.intake`). Imports nothing of
the layers above.
"""
