"""What a build is asked for and what came of it: `BuildRequest` in, `BuildResult` out.

Light on purpose: the command line builds a request before anything heavy is imported.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from ..choices import EDITIONS, Edition, Section
from ..layout import VARIANTS

Format = Literal["pdf", "html", "docx"]
FORMATS: tuple[Format, ...] = ("pdf", "html", "docx")  # in the order a lesson's are planned


def default_jobs() -> int:
    """One renderer per core this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not Linux
        return max(1, os.cpu_count() or 1)


@dataclass(frozen=True)
class BuildRequest:
    lessons: Sequence[str] = ()
    modules: Sequence[str] = ()
    name: str = "custom"
    sections: Sequence[Section] | None = None
    editions: Sequence[Edition] = EDITIONS
    formats: Sequence[Format] = ("pdf", "html")
    paper: str | None = None
    large_print: bool = False
    booklet: bool = False  # laid out on the half sheet, two pages a side, in folding order
    support: bool = False  # word banks and sentence starters for weaker readers (support.py)
    double_sided: bool | None = None  # None: packet.toml's choice
    version: str = ""  # "A", "B", …: a class set's versions, activity items in their own order
    language: str | None = None  # packet's own words (i18n.py); None: packet.toml's `language`
    out: Path | None = None
    strict: bool = False
    jobs: int = 1  # renderer processes; 1 renders in this process
    force: bool = False  # rebuild outputs even when they are up to date

    @property
    def suffix(self) -> str:
        """What the output names add: `-support`, `-large-print`, `-booklet`, in the order
        `layout.VARIANTS` gives them (README, "Building")."""
        chosen = (self.support, self.large_print, self.booklet)
        suffix = "".join(name for name, on in zip(VARIANTS, chosen, strict=True) if on)
        return f"{suffix}-version-{self.version.lower()}" if self.version else suffix

    @property
    def effective_double_sided(self) -> bool | None:
        """Whether sections start on right-hand pages. A booklet's pages face each other
        once folded: its sections start on the next page, so that the only blank pages
        are the few that make its pages a multiple of four (unless `--double-sided`)."""
        if self.double_sided is None and self.booklet:
            return False
        return self.double_sided

    def packets_asked(self, lessons_in_project: int) -> int:
        """How many packets (lesson x edition) the request can give at most: those of the
        lessons it names, of its `--modules`, or of every lesson the project has."""
        if self.modules:
            lessons = 1
        elif self.lessons:
            lessons = len(set(self.lessons))
        else:
            lessons = lessons_in_project
        return lessons * len(set(self.editions))

    def renderer_processes(self, lessons_in_project: int) -> int:
        """How many renderer processes to start (0: render in this process): `jobs`, but
        never more than the PDFs there can be to render. Each renderer costs a process and
        WeasyPrint's start-up, so 24 of them for one packet made it five times slower."""
        if "pdf" not in self.formats or self.jobs <= 1:
            return 0
        return min(self.jobs, max(1, self.packets_asked(lessons_in_project)))


@dataclass(frozen=True)
class Output:
    path: Path
    pages: int | None
    seconds: float
    cached: bool = False  # up to date from an earlier build, not written this time


@dataclass
class BuildResult:
    outputs: list[Output] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
