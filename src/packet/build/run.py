"""One build that has something to do: `Run(project, request, out, renderers, on_output)`;
`run.make(jobs, report, fingerprint, lessons)` → `BuildResult`.

The run holds what each step needs — the loaded project, the request, the output folder and
its manifest, the renderers, the result as it grows — so that the steps (assemble, render,
write) each take only the job at hand. A lesson's outputs are written together once every
one of them is made, so a failure (a PDF that cannot be rendered, an HTML packet whose fonts
are missing) leaves all of that lesson's previous outputs as they were, never a new PDF
beside an old HTML.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from ..cache import Built, Manifest
from ..choices import Edition
from ..errors import ContentError, Problem, Report
from ..files import write_atomic
from .estimate import Estimate, estimated_pages, refuse_too_long
from .explain import explain
from .plan import Job
from .renderers import Rendered, Renderers
from .request import BuildRequest, BuildResult, Output

if TYPE_CHECKING:
    from ..assemble import Packet
    from ..model import Lesson, Project


# The lesson plan is one page (SPEC §4): a longer one is a finding like the preflight's.
_LONG_PLAN = (
    "preflight, page 2: the lesson plan runs to {pages} pages, not one — shorten the modules' "
    "objectives or care notes, or the lesson's ending"
)


@dataclass(frozen=True)
class Waiting:
    """A PDF ready for a renderer: its job, HTML, estimated pages, the seconds spent making
    its HTML, and whether it is written (a student edition laid out only for its page
    numbers is not)."""

    job: Job
    html: str
    pages: int
    seconds: float
    kept: bool = True
    shorter: str | None = None  # the lesson plan's compact HTML, should this run over a page


@dataclass(frozen=True)
class Made:
    """An output made and not yet written: its bytes, pages (PDF), problems and seconds."""

    job: Job
    data: bytes
    pages: int | None
    problems: list[Problem]
    seconds: float


def report_cached(
    out: Path, name: str, built: Built, result: BuildResult, on_output: Callable[[Output], None]
) -> None:
    """An output found up to date: listed, with the warnings it was built with."""
    result.warnings.extend(str(p) for p in built.warnings)
    output = Output(out / name, built.pages, 0.0, cached=True)
    result.outputs.append(output)
    on_output(output)


def packet_for(project: Project, lesson: Lesson, edition: Edition, request: BuildRequest) -> Packet:
    """The packet of `lesson` in `edition` with the request's sections and variants: what
    every build prints, and what the composer (`packet serve`) previews."""
    from ..assemble import assemble

    sections = request.sections
    return assemble(
        project,
        lesson,
        edition,
        sections=list(sections) if sections is not None else None,
        paper=request.paper,
        large_print=request.large_print,
        double_sided=request.effective_double_sided,
        booklet=request.booklet,
        support=request.support,
        version=request.version,
        language=request.language,
    )


class Run:
    def __init__(
        self,
        project: Project,
        request: BuildRequest,
        out: Path,
        renderers: Renderers,
        on_output: Callable[[Output], None],
        on_notice: Callable[[str], None] = lambda _: None,
    ) -> None:
        self.project = project
        self.request = request
        self.out = out
        self.renderers = renderers
        self.on_output = on_output
        self.on_notice = on_notice
        self.manifest = Manifest.load(out)
        self.result = BuildResult()
        self.lessons: dict[str, Lesson] = {}
        self.packets: dict[tuple[str, Edition], tuple[Packet, float]] = {}
        self.waiting: list[Waiting] = []  # PDFs ready for a renderer
        self.rendering: dict[int, Waiting] = {}  # by renderer ticket
        # teacher PDFs (and their estimated pages) waiting for the student edition's pages
        self.awaiting: dict[str, list[tuple[Job, int]]] = {}
        self.held: dict[str, list[Made]] = {}  # by lesson, until all its outputs are made
        self.remaining: Counter[str] = Counter()
        self.laid_out: set[str] = set()  # lessons whose student edition is laid out for its pages

    def make(
        self, jobs: list[Job], lessons: list[Lesson], report: Report, fingerprint: str
    ) -> BuildResult:
        """Make the out-of-date outputs among `jobs`, list the others as up to date, and
        record them all in the manifest."""
        self._start_manifest(report, fingerprint)
        self.lessons = {lesson.id: lesson for lesson in lessons}
        self.result.warnings = [str(p) for p in report.warnings]
        if self.manifest.unreadable:  # a note, not a problem of the packet: --strict builds on
            self.result.warnings.append(
                f"{self.manifest.path}: {self.manifest.unreadable} — packet ignores this file "
                "and rebuilds every output, then writes a good one in its place"
            )
        stale = []
        for job in jobs:
            if self.request.force or not self._up_to_date(job):
                stale.append(job)
            else:
                built = self.manifest.outputs[job.name]
                report_cached(self.out, job.name, built, self.result, self.on_output)
        try:
            self._make(stale)
        finally:
            if self.manifest.written or not stale:  # what was finished, even if a later one failed
                self.manifest.save()
        order = {self.out / job.name: i for i, job in enumerate(jobs)}
        self.result.outputs.sort(key=lambda output: order[output.path])  # as asked, not finished
        self.result.warnings = list(dict.fromkeys(self.result.warnings))  # each once, as cached
        return self.result

    def _start_manifest(self, report: Report, fingerprint: str) -> None:
        self.manifest.fingerprint = fingerprint
        self.manifest.problems = report.warnings
        self.manifest.lessons = {
            lesson.id: list(lesson.entry.modules) for lesson in self.project.lessons.values()
        }

    def _up_to_date(self, job: Job) -> bool:
        return self.manifest.up_to_date(job.name, job.key, self.out) is not None

    def _make(self, jobs: list[Job]) -> None:
        """Assemble, render and write the outputs `jobs`: every PDF is made ready for the
        renderers first — each refused before it starts if it would be too long — then HTML
        is made here while they work."""
        self.remaining = Counter(job.lesson for job in jobs)
        # Student editions before teacher ones, which wait for their pages and may first
        # need textstat's dictionary; `_pump` hands out the longest first.
        ordered = sorted(jobs, key=self._render_order)
        estimate = Estimate(max(1, self.renderers.count))
        students = {job.lesson for job in jobs if job.format == "pdf" and job.edition == "student"}
        for job in ordered:
            if job.format != "pdf":
                continue
            estimate.add(self._prepare_pdf(job))
            if job.edition == "teacher" and job.lesson not in students | self.laid_out:
                self._lay_out_student_edition(job)
        self._pump()
        if (notice := estimate.notice()) is not None:
            self.on_notice(notice)
        for job in ordered:
            if job.format in ("html", "docx"):
                self._made(self._html(job) if job.format == "html" else self._docx(job))
                while self.rendering and (rendered := self.renderers.ready()):
                    self._rendered(rendered)
        while self.rendering:
            self._rendered(self.renderers.next_done())

    def _pump(self) -> None:
        """Hand the renderers every PDF waiting, longest first, so that no renderer is left
        with a long packet while the others idle. The student editions go at once, longest
        first, so the longest lesson's teacher edition is ready early; each teacher edition
        follows as soon as its student edition's pages have come. (Holding PDFs back to
        reorder them for a teacher edition just ready made the batch slower: a renderer
        then idles whenever the HTML packets keep this process from handing it the next.)"""
        for waiting in sorted(self.waiting, key=lambda waiting: -waiting.pages):
            # The teacher's printouts are on the whole sheet, never folded into a booklet.
            booklet = self.request.booklet and waiting.job.printout is None
            self.rendering[self.renderers.submit(waiting.html, booklet)] = waiting
        self.waiting.clear()

    def _render_order(self, job: Job) -> tuple[bool, int]:
        return job.edition == "teacher", -len(self.lessons[job.lesson].entry.modules)

    def _packet(self, job: Job) -> tuple[Packet, float]:
        """The packet `job` shows, assembled once for all of its formats, and the seconds
        that took."""
        packet_id = (job.lesson, job.edition)
        if packet_id not in self.packets:
            started = time.perf_counter()
            packet = packet_for(self.project, self.lessons[job.lesson], job.edition, self.request)
            self.packets[packet_id] = packet, time.perf_counter() - started
        return self.packets[packet_id]

    def _pdf_html(self, job: Job, packet: Packet) -> str:
        """The HTML WeasyPrint lays out for `job`: its edition, or the teacher's printout."""
        from ..render import render_html, render_printout

        if job.printout is not None:
            return render_printout(packet, self.project.root, job.printout)
        return render_html(packet, self.project.root)

    def _prepare_pdf(self, job: Job) -> int:
        """Make `job`'s PDF ready for the renderers — a teacher edition or printout once
        the student edition's pages are known (`_rendered`); returns about how many pages it
        will have."""
        packet, assembling = self._packet(job)
        started = time.perf_counter()
        html = self._pdf_html(job, packet)
        # A large-print build's answer key is large print; no printout is folded.
        pages = estimated_pages(
            html,
            large_print=self.request.large_print,
            booklet=self.request.booklet and job.printout is None,
        )
        refuse_too_long(job.name, pages)
        if job.edition == "teacher":
            self.awaiting.setdefault(job.lesson, []).append((job, pages))
        else:
            seconds = assembling + time.perf_counter() - started
            self.waiting.append(Waiting(job, html, pages, seconds))
        return pages

    def _lay_out_student_edition(self, teacher: Job) -> None:
        """Render the student edition of `teacher`'s lesson only to learn its page numbers,
        when this build does not make it (asked for the teacher edition alone, or the
        student's PDF is up to date)."""
        from ..render import render_html

        self.laid_out.add(teacher.lesson)
        student = replace(teacher, edition="student", printout=None)
        html = render_html(self._packet(student)[0], self.project.root)
        pages = estimated_pages(
            html, large_print=self.request.large_print, booklet=self.request.booklet
        )
        self.waiting.append(Waiting(student, html, pages, 0.0, kept=False))

    def _teacher_edition_ready(self, job: Job, pages: int, student: Rendered) -> None:
        """Make the teacher edition or printout `job` ready for the renderers, showing
        beside each section, question and activity the page it is on in the student edition."""
        packet, assembling = self._packet(job)
        started = time.perf_counter()
        paged = replace(packet, student_pages=student.anchors, student_page_count=student.pages)
        html = self._pdf_html(job, paged)
        shorter = None
        if job.printout == "lesson-plan":
            from ..render import render_printout

            shorter = render_printout(paged, self.project.root, job.printout, compact=True)
        seconds = assembling + time.perf_counter() - started
        self.waiting.append(Waiting(job, html, pages, seconds, shorter=shorter))

    def _rendered(self, rendered: tuple[int, Rendered]) -> None:
        ticket, result = rendered
        done = self.rendering.pop(ticket)
        job = done.job
        if job.edition == "student":
            for teacher, pages in self.awaiting.pop(job.lesson, []):
                self._teacher_edition_ready(teacher, pages, result)
        if done.shorter is not None and result.pages > 1:  # a lesson plan over its page
            self.waiting.append(replace(done, html=done.shorter, shorter=None))
            self._pump()
            return
        self._pump()
        if done.kept:
            warnings = list(result.warnings)
            if job.printout == "lesson-plan" and result.pages > 1:
                warnings.append(_LONG_PLAN.format(pages=result.pages))
            problems = [explain(self.project, job.name, m) for m in warnings]
            self._made(
                Made(job, result.data, result.pages, problems, done.seconds + result.seconds)
            )

    def _html(self, job: Job) -> Made:
        from ..render import render_html

        packet, assembling = self._packet(job)
        started = time.perf_counter()
        dropped: list[str] = []  # what the HTML packet left out rather than load it
        html = render_html(packet, self.project.root, screen=True, warnings=dropped)
        problems = [explain(self.project, job.name, m) for m in dropped]
        seconds = assembling + time.perf_counter() - started
        return Made(job, html.encode("utf-8"), None, problems, seconds)

    def _docx(self, job: Job) -> Made:
        """The Word file (wordfile.py): made from the packet, for editing."""
        from ..wordfile import docx_bytes

        packet, assembling = self._packet(job)
        started = time.perf_counter()
        data = docx_bytes(packet, self.project.root)
        return Made(job, data, None, [], assembling + time.perf_counter() - started)

    def _made(self, made: Made) -> None:
        """Hold `made` until its lesson's other outputs are made, then write them all."""
        if self.request.strict and made.problems:
            raise ContentError(made.problems)
        lesson = made.job.lesson
        self.held.setdefault(lesson, []).append(made)
        self.remaining[lesson] -= 1
        if not self.remaining[lesson]:
            for each in self.held.pop(lesson):
                self._write(each)

    def _write(self, made: Made) -> None:
        path = self.out / made.job.name
        write_atomic(path, made.data)
        self.manifest.record(made.job.name, made.job.key, made.data, made.pages, made.problems)
        self.result.warnings.extend(str(p) for p in made.problems)
        output = Output(path, made.pages, made.seconds)
        self.result.outputs.append(output)
        self.on_output(output)
