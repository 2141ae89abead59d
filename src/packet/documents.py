"""A document's excerpt -> the lines it prints on, numbered.

A document (content/documents.yaml) reprints a seed's own words, a paragraph per passage,
for questions that work on the source itself: "In lines 4–9, …". Its lines are broken here,
at `LINE_WIDTH` characters, not by the page, so "Document A, line 12" is one line in the
PDF, the HTML, large print and the booklet alike: the stylesheets set each line on its own
row and never wrap it (`.doc-line`). Only the seed's words are numbered; an omission between
two passages prints `[…]` on its own row, an editor's note in [brackets], both unnumbered.
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

from .i18n import ENGLISH, Words
from .layout import ID_PATTERN
from .markup import typeset
from .model import Document, Seed
from .schema import EditorNote
from .text import ELLIPSIS

# Characters on a line: what fits the narrowest measure a document prints on — 16 pt large
# print on A4 less the line numbers' gutter — with room for wide letters.
LINE_WIDTH = 52
NUMBER_EVERY = 5  # a line number is printed beside every fifth line
OMISSION = "[…]"
KEEP_WHOLE = 12  # lines: a document's paragraph this short is never split over two pages
# A question names a document by id, `[doc:s21-travel-page]`, and prints its letter in the
# lesson: "Document B".
DOCUMENT_REF = re.compile(rf"\[doc:({ID_PATTERN})\]")
LOOSE_REF = re.compile(r"\[doc:([^\]\s]*)\]")  # what a writer meant as one, for check to judge


@dataclass(frozen=True)
class Line:
    number: int  # 1-based over the document's numbered lines; 0 for an unnumbered row
    text: str  # as printed (typeset: curly quotes, dashes)
    shown: str  # the number printed beside it: every fifth line's, else ""


@dataclass(frozen=True)
class Block:
    """One paragraph of a document: the seed's words, an omission, or an editor's note."""

    kind: Literal["text", "omission", "note"]
    lines: tuple[Line, ...]

    @property
    def whole(self) -> bool:
        """Kept on one page: a paragraph up to `KEEP_WHOLE` lines (a longer one may break,
        with three lines or more on each page)."""
        return len(self.lines) <= KEEP_WHOLE


def blocks(document: Document, seed: Seed | None) -> tuple[Block, ...]:
    """The document's paragraphs as printed, its lines numbered from 1. With the seed, a
    `[…]` row marks words left out between two passages (a passage that is not in the
    seed is the check's to report; it prints as written)."""
    out: list[Block] = []
    number = 0
    last_end: int | None = None
    for part in document.entry.excerpt:
        if isinstance(part, EditorNote):
            out.append(_unnumbered("note", f"[{part.note}]"))
            last_end = None
            continue
        span = seed.haystack.span(part) if seed is not None else None
        if span is not None and last_end is not None and _gap(seed, last_end, span[0]):
            out.append(_unnumbered("omission", OMISSION))
        last_end = span[1] if span is not None else None
        lines = []
        for text in _wrap(ELLIPSIS.sub(f" {OMISSION} ", part)):
            number += 1
            lines.append(Line(number, text, str(number) if number % NUMBER_EVERY == 0 else ""))
        out.append(Block("text", tuple(lines)))
    return tuple(out)


def _gap(seed: Seed | None, end: int, start: int) -> bool:
    """Whether seed words lie between one passage's end and the next one's start."""
    return seed is not None and bool(seed.haystack.normal[end:start].strip(" .,;:"))


def _wrap(text: str) -> list[str]:
    """Packet's fixed line breaks: at spaces only, never inside a word or after a hyphen."""
    return textwrap.wrap(
        typeset(" ".join(text.split())), LINE_WIDTH, break_long_words=False, break_on_hyphens=False
    )


def _unnumbered(kind: Literal["omission", "note"], text: str) -> Block:
    return Block(kind, tuple(Line(0, line, "") for line in _wrap(text)))


def letter(index: int) -> str:
    """Document A, B… Z: a lesson holds at most 26 documents (`LessonEntry.documents`)."""
    return chr(ord("A") + index)


def document_refs(text: str) -> list[str]:
    """The ids of the documents `text` names (`[doc:ID]`)."""
    return DOCUMENT_REF.findall(text)


def lettered(
    text: str, letters: Mapping[str, str], titles: Mapping[str, str], words: Words = ENGLISH
) -> str:
    """`text` with each `[doc:ID]` as the lesson prints it: "Document B" (in `words`'
    language); a document the lesson does not print is named by its title (check reports it
    for a lesson's file)."""
    say = words.say

    def name(m: re.Match[str]) -> str:
        if m[1] in letters:
            return say("Document {letter}", letter=letters[m[1]])
        return say("the document “{title}”", title=titles[m[1]]) if m[1] in titles else m[0]

    return DOCUMENT_REF.sub(name, text)
