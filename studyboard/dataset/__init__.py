"""Layer 4, dataset: one parsed, cached dataset per document.

The tables (:mod:`.tables`: documents, title_block, sections, paragraphs,
sentences, tokens, mentions, theme hits, …), the disk cache keyed by a hash
of every input (:mod:`.cache`) and the catalog of what can be opened, with
the way in for uploads (:mod:`.catalog`). Datasets are frozen: nothing above
changes them.
"""
