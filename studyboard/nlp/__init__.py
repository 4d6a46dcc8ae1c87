"""Layer 2, nlp: words and names found in a Document's text.

The private jieba tokenizer with the lexicon's words (:mod:`.tokens`), the
theme keyword matcher (:mod:`.themes`), the gazetteer of places
(:mod:`.places`), metadata guessed from the text (:mod:`.metadata`) and
pinyin (:mod:`.pinyin`). Uses ingest and the lexicon only.
"""
