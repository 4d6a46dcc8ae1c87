"""Sentences and speakers.

Sentences end at 。！？； (and their ASCII forms or an ellipsis), together
with any closing quotes or brackets that follow (……。” stays in the
sentence). Offsets are character offsets into the paragraph.

Reported speech belongs to its speaker. A speech cue is a person's name (or a
pronoun that refers to the last person named in the paragraph), up to
``max_gap`` characters without punctuation, a speech verb and then ， or ：
(习近平强调， 李强在讲话中表示， 他指出，). The sentence with the cue and the
rest of its paragraph belong to that speaker; sentences before any cue are
narration (no speaker). Names, pronouns and verbs come from the lexicon.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from studyboard.lexicon import Lexicon

_SENTENCE = re.compile(r"(?:[。！？；!?;]+|…+|\.{3,})[”’」』）)》〉】\]\"']*")


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str


def split_sentences(paragraph: str) -> list[Sentence]:
    """The sentences of a paragraph, with offsets into it."""
    sentences: list[Sentence] = []
    pos = 0
    for match in _SENTENCE.finditer(paragraph):
        _add(sentences, paragraph, pos, match.end())
        pos = match.end()
    _add(sentences, paragraph, pos, len(paragraph))
    return sentences


def _add(sentences: list[Sentence], paragraph: str, start: int, end: int) -> None:
    while start < end and paragraph[start].isspace():
        start += 1
    while end > start and paragraph[end - 1].isspace():
        end -= 1
    if start < end:
        sentences.append(Sentence(start, end, paragraph[start:end]))


class SpeakerFinder:
    """Finds speech cues with the names, pronouns and verbs of a lexicon."""

    def __init__(self, lexicon: Lexicon) -> None:
        names = sorted({p.name for p in lexicon.people}, key=len, reverse=True)
        self.pronouns = tuple(lexicon.pronouns)
        refs = names + list(self.pronouns)
        verbs = sorted(lexicon.speech_verbs, key=len, reverse=True)
        self._name = re.compile("|".join(map(re.escape, names))) if names else None
        if refs and verbs:
            ref_alt = "|".join(map(re.escape, refs))
            verb_alt = "|".join(map(re.escape, verbs))
            self._cue = re.compile(
                f"(?P<ref>{ref_alt})(?P<gap>[^，。；：！？、“”,.;:!?]{{0,{lexicon.max_gap}}}?)(?P<verb>{verb_alt})[，：,:]"
            )
        else:
            self._cue = None

    def cue(self, text: str) -> re.Match | None:
        """The first speech cue in ``text`` (groups ``ref``, ``gap``, ``verb``;
        ``end()`` is just after its ， or ：), or None."""
        return self._cue.search(text) if self._cue else None

    def speakers(self, sentences: list[str], paragraph: str | None = None) -> list[str | None]:
        """The speaker of each sentence of one paragraph (None for narration).

        ``paragraph``, the paragraph's text, saves the work when it holds no
        cue at all (then no sentence of it does)."""
        if paragraph is not None and not self.cue(paragraph):
            return [None] * len(sentences)
        out: list[str | None] = []
        current: str | None = None
        last_named: str | None = None
        for text in sentences:
            cue = self.cue(text)
            if cue:
                ref = cue.group("ref")
                if ref in self.pronouns:
                    named = self._last_name(text[: cue.start()]) or last_named
                    if named:
                        current = named
                else:
                    current = ref
            out.append(current)
            found = self._last_name(text)
            if found:
                last_named = found
        return out

    def _last_name(self, text: str) -> str | None:
        if not self._name:
            return None
        found = None
        for match in self._name.finditer(text):
            found = match.group()
        return found


def paragraph_speaker(sentence_speakers: list[str | None]) -> str | None:
    """A paragraph's speaker: the one who speaks in most of its sentences."""
    counts: dict[str, int] = {}
    for speaker in sentence_speakers:
        if speaker:
            counts[speaker] = counts.get(speaker, 0) + 1
    if not counts:
        return None
    return max(counts, key=lambda s: (counts[s], -sentence_speakers.index(s)))
