"""Layer 5, analysis: pure functions from a Dataset to DataFrames and records.

One theme and speaker filter (:mod:`.filters`), the reader's filters and
marks (:mod:`.reading`), theme scores (:mod:`.theme_scores`) and lexicon
edits (:mod:`.theme_lexicon`), places (:mod:`.places`), terms
(:mod:`.terms`), the glossary (:mod:`.glossary`), the outline
(:mod:`.outline`), key sentences and slides' content (:mod:`.key_sentences`),
key terms (:mod:`.keyterms`), the quiz (:mod:`.quiz`) and comparison
(:mod:`.comparison`). No plotly, no Streamlit, no UI language.
"""
