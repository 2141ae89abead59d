"""The build pipeline, in reading order: choose lessons, check, assemble, render, write.

build(project, request, on_output)  ->  list[Output]
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from .assemble import EDITIONS, Edition, adhoc_lesson, assemble
from .check import check_project
from .errors import BuildError, ContentError, Location, Problem, Severity, UsageError
from .impose import impose_booklet
from .model import Lesson, Project
from .output import output_folder, write_atomic
from .render import PdfRenderer, render_html
from .schema import Section
from .text import position

Format = Literal["pdf", "html"]


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
    booklet: bool = False  # two pages a side, in folding order; double-sided unless told
    double_sided: bool | None = None  # None: packet.toml's choice
    out: Path | None = None
    strict: bool = False

    @property
    def suffix(self) -> str:
        """What the output names add: `-large-print`, `-booklet` (SPEC §3)."""
        return ("-large-print" if self.large_print else "") + ("-booklet" if self.booklet else "")


@dataclass(frozen=True)
class Output:
    path: Path
    pages: int | None
    seconds: float


@dataclass
class BuildResult:
    outputs: list[Output] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def choose_lessons(project: Project, request: BuildRequest) -> list[Lesson]:
    if request.modules:
        unknown = [m for m in request.modules if m not in project.modules]
        if unknown:
            known = ", ".join(sorted(project.modules))
            raise UsageError(f"unknown module(s): {', '.join(unknown)} — known: {known}")
        if request.name in project.lessons:
            raise UsageError(f"--name '{request.name}' is already a lesson; choose another name")
        sections = list(request.sections) if request.sections is not None else None
        return [adhoc_lesson(project, request.name, list(request.modules), sections)]
    if not request.lessons:
        if not project.lessons:
            raise UsageError("this project has no lessons yet — add one to content/lessons/")
        return list(project.lessons.values())
    unknown = [name for name in request.lessons if name not in project.lessons]
    if unknown:
        raise UsageError(
            f"unknown lesson(s): {', '.join(unknown)} — known: {', '.join(sorted(project.lessons))}"
        )
    return [project.lessons[name] for name in dict.fromkeys(request.lessons)]


_MISSING_GLYPH = re.compile(r'\.notdef glyph rendered for .*?"(.+?)" \((U\+[0-9A-F]+)\)')


def _first_use(project: Project, text: str) -> Location | None:
    """Where `text` first occurs in the project's content files."""
    for path in sorted((project.root / "content").rglob("*")):
        if path.suffix in (".md", ".yaml") and path.is_file():
            source = path.read_text(encoding="utf-8", errors="replace")
            if (index := source.find(text)) >= 0:
                return Location(project.rel(path), *position(source, index))
    return None


def _explain(project: Project, output: str, warning: str) -> Problem:
    """A WeasyPrint warning as a problem a teacher can act on, placed in the content if we can."""
    if m := _MISSING_GLYPH.search(warning):
        char, code = m[1], m[2]
        return Problem(
            _first_use(project, char) or Location(output),
            f'no font in the packet has the character "{char}" ({code}); it prints as an empty box',
            "remove or replace it, or add a font that covers it in templates/fonts.css",
            Severity.WARNING,
        )
    return Problem(Location(output), warning, severity=Severity.WARNING)


def build(
    project: Project,
    request: BuildRequest,
    on_output: Callable[[Output], None] = lambda _: None,
) -> BuildResult:
    """Build every requested lesson x edition x format into `request.out`."""
    lessons = choose_lessons(project, request)
    report = check_project(project)
    report.raise_errors(strict=request.strict)
    result = BuildResult(warnings=[str(p) for p in report.warnings])
    out = request.out or project.root / "output"
    renderer: PdfRenderer | None = None
    with output_folder(out):
        for lesson in lessons:
            for edition in request.editions:
                started = time.perf_counter()
                packet = assemble(
                    project,
                    lesson,
                    edition,
                    sections=list(request.sections) if request.sections is not None else None,
                    paper=request.paper,
                    large_print=request.large_print,
                    double_sided=(
                        request.double_sided
                        if request.double_sided is not None or not request.booklet
                        else True  # a booklet is printed on both sides
                    ),
                )
                html = render_html(packet, project.root)
                stem = f"{lesson.id}-{edition}{request.suffix}"
                if "pdf" in request.formats:
                    renderer = renderer or PdfRenderer(project.root)
                    pdf = renderer.render(html)
                    if pdf.warnings:
                        problems = [_explain(project, f"{stem}.pdf", w) for w in pdf.warnings]
                        if request.strict:
                            raise ContentError(problems)
                        result.warnings.extend(str(p) for p in problems)
                    data, pages = pdf.data, pdf.pages
                    if request.booklet:
                        data, pages = impose_booklet(data)
                    path = out / f"{stem}.pdf"
                    write_atomic(path, data)
                    output = Output(path, pages, time.perf_counter() - started)
                    result.outputs.append(output)
                    on_output(output)
                if "html" in request.formats:
                    started_html = time.perf_counter()
                    path = out / f"{stem}.html"
                    write_atomic(path, html.encode("utf-8"))
                    output = Output(path, None, time.perf_counter() - started_html)
                    result.outputs.append(output)
                    on_output(output)
    return result


__all__ = ["BuildError", "BuildRequest", "BuildResult", "Output", "build", "choose_lessons"]
