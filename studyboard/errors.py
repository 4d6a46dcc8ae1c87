"""The one exception type for input the board cannot use.

``InputError`` carries a message key and its parameters, so that the same
error reads in the user's language on a page (``err.message("zh")``) and in
English on the command line (``str(err)``). The keys are the ``error.*``
entries of :mod:`studyboard.i18n`.
"""

from __future__ import annotations


class InputError(ValueError):
    """A document (file, upload or pasted text) that cannot be read.

    Raised for: an empty or blank file, binary data, text in no supported
    encoding, a file over the size limit, a corrupt DOCX or PDF, a PDF without
    a text layer, and text without any Chinese. Nothing is stored when it is
    raised.
    """

    def __init__(self, key: str, **params: object) -> None:
        self.key = key
        self.params = params
        super().__init__(self.message("en"))

    def message(self, lang: str = "zh") -> str:
        from studyboard.i18n import t

        return t(f"error.{self.key}", lang, **self.params)


class LexiconError(ValueError):
    """A lexicon file (themes, dictionary, gazetteer ...) that is not valid."""

    def __init__(self, key: str, **params: object) -> None:
        self.key = key
        self.params = params
        super().__init__(self.message("en"))

    def message(self, lang: str = "zh") -> str:
        from studyboard.i18n import t

        return t(f"lexicon.{self.key}", lang, **self.params)
