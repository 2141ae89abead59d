"""What a PDF will cost before WeasyPrint starts on it: its pages, from the length of the
HTML it is given, and so its time and memory.

WeasyPrint lays out a whole document before it writes a page, holding every page in
memory: a packet of tens of thousands of pages runs for many minutes into gigabytes before
anything goes wrong. So a packet too long to print is refused before it is rendered, with
what to do, and a build that will take minutes says so when it starts.

The figures are the unit's, measured (`make bench`; the pages of `output/`): the print HTML
of its 14 packets holds 3,100–3,750 characters a page (1,800–2,400 in large print), and
WeasyPrint takes about 60 ms a page on one core.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..errors import BuildError

CHARACTERS_A_PAGE = 3_400
LARGE_PRINT_CHARACTERS_A_PAGE = 1_900
SECONDS_A_PAGE = 0.06
MAX_PAGES = 2_000  # of one PDF, estimated; the unit's whole-unit teacher edition is 45
NOTICE_SECONDS = 60.0  # a build expected to take longer than this says so


def estimated_pages(html: str, *, large_print: bool) -> int:
    """About how many pages WeasyPrint will make of `html` (packet's print HTML)."""
    per_page = LARGE_PRINT_CHARACTERS_A_PAGE if large_print else CHARACTERS_A_PAGE
    return max(1, round(len(html) / per_page))


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
