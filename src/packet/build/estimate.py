"""What a PDF will cost before WeasyPrint starts on it: its pages, from the length of the
HTML it is given, and so its time and memory.

WeasyPrint lays out a whole document before it writes a page, holding every page in
memory: a packet of tens of thousands of pages runs for many minutes into gigabytes before
anything goes wrong. So a packet too long to print is refused before it is rendered, with
what to do, and a build that will take minutes says so when it starts.

A page holds text, answer lines and the space left where a section ends: the estimate adds
the three. Its figures are the unit's, fitted to the pages of its 14 packets (A4; the large
print ones too): about 4,450 characters of the print HTML's text a page (1,950 in large
print), 29.5 answer lines (19), and half a page for each section, activity or back section
starting on a new page; a booklet's half-sheet page holds 65 % of that text and 80 % of those
lines. Each packet's estimate is within 15 % of its pages (a booklet's within 17 %, large
print's within 15 % as well, 2026-12-01), and so is that of
the unit's modules ten times over in one lesson (241 estimated, 229 made). WeasyPrint took
60 ms a page on one core here on 2026-11-22 and 164 ms on 2026-12-01 (`make bench`): 0.1 s
stands between.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..errors import BuildError

CHARACTERS_A_PAGE = 4_450
LARGE_PRINT_CHARACTERS_A_PAGE = 1_950
ANSWER_LINES_A_PAGE = 29.5
LARGE_PRINT_ANSWER_LINES_A_PAGE = 19.0
# What a booklet's half-sheet page holds of a whole page's text (in its smaller type) and
# of its answer lines (which keep their spacing): fitted to the unit's booklets
BOOKLET_TEXT, BOOKLET_LINES = 0.65, 0.8
PAGES_A_PART = 0.5  # what a section starting on a new page leaves on average
SECONDS_A_PAGE = 0.1
MAX_PAGES = 2_000  # of one PDF, estimated; the unit's whole-unit teacher edition is 46
NOTICE_SECONDS = 60.0  # a build expected to take longer than this says so

_STYLE = re.compile(r"<style>.*?</style>", re.DOTALL)
_ANSWER_LINE = 'class="rule"'
_PART = re.compile(r'<(?:article|section) class="(?:module|activity|back|contents|guidance)\b')


def estimated_pages(html: str, *, large_print: bool, booklet: bool = False) -> int:
    """About how many pages WeasyPrint will make of `html` (packet's print HTML)."""
    text = len(html) - sum(len(style[0]) for style in _STYLE.finditer(html))
    characters, lines = (
        (float(LARGE_PRINT_CHARACTERS_A_PAGE), LARGE_PRINT_ANSWER_LINES_A_PAGE)
        if large_print
        else (float(CHARACTERS_A_PAGE), ANSWER_LINES_A_PAGE)
    )
    if booklet:
        characters, lines = characters * BOOKLET_TEXT, lines * BOOKLET_LINES
    parts = sum(1 for _ in _PART.finditer(html))
    pages = text / characters + html.count(_ANSWER_LINE) / lines + parts * PAGES_A_PART
    return max(1, round(pages))


def refuse_too_long(name: str, pages: int) -> None:
    """Stop before rendering a PDF (the output `name`) of more than MAX_PAGES pages."""
    if pages > MAX_PAGES:
        minutes = pages * SECONDS_A_PAGE / 60
        raise BuildError(
            f"{name}: this packet would be about {pages:,} pages — more than the "
            f"{MAX_PAGES:,} packet prints in one PDF (it would take about {minutes:.0f} minutes "
            "and gigabytes of memory). Split the lesson into several lessons in "
            "content/lessons/, or build it with --format html"
        )


@dataclass
class Estimate:
    """The pages a build has handed to its renderers, and what they will take."""

    renderers: int  # processes rendering at once (at least 1: this one)
    pages: int = 0

    def add(self, pages: int) -> None:
        self.pages += pages

    @property
    def seconds(self) -> float:
        return self.pages * SECONDS_A_PAGE / self.renderers

    def notice(self) -> str | None:
        """A word for the teacher when the PDFs will take minutes; None when they will not."""
        if self.seconds <= NOTICE_SECONDS:
            return None
        took = "over a minute" if self.seconds < 90 else f"about {round(self.seconds / 60)} minutes"
        return f"packet: about {self.pages:,} pages of PDF to make — this will take {took}"
