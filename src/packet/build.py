"""The build pipeline, in reading order: plan, check, assemble, render, write.

build(project, request, on_output)  ->  BuildResult

1. Plan: every requested lesson x edition x format is a Job with a cache key
   (cache.py). When the project has not changed since the last build, the plan
   comes from the manifest alone and nothing is loaded, checked or rendered.
2. Check the project (or reuse the last check of exactly these files).
3. For each job whose output is out of date: assemble the packet, render the
   HTML, and hand it to a renderer. With `jobs` > 1 renderers are long-lived
   worker processes, started first so that importing WeasyPrint and reading the
   fonts overlap with loading and checking the project; each keeps its font
   configuration and caches for every packet it renders.
4. Write each output whole (output.py) and record it in the manifest.
"""

from __future__ import annotations

import contextlib
import gc
import json
import multiprocessing
import os
import queue
import re
import signal
import threading
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from multiprocessing.pool import Pool
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from .cache import (
    Built,
    Manifest,
    dependencies,
    output_key,
    project_files,
    project_fingerprint,
)
from .choices import EDITIONS, Edition, Section
from .errors import BuildError, ContentError, Location, Problem, Report, Severity, UsageError
from .files import Refused, output_folder, read_file, write_atomic
from .layout import default_output, input_roots, output_name
from .perf import fewer_collections

if TYPE_CHECKING:  # the rest of the pipeline loads only when something must be built
    from .assemble import Packet
    from .model import Lesson, Project
    from .render import PdfRenderer

Format = Literal["pdf", "html"]


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
    booklet: bool = False  # two pages a side, in folding order; double-sided unless told
    double_sided: bool | None = None  # None: packet.toml's choice
    out: Path | None = None
    strict: bool = False
    jobs: int = 1  # renderer processes; 1 renders in this process
    force: bool = False  # rebuild outputs even when they are up to date

    @property
    def suffix(self) -> str:
        """What the output names add: `-large-print`, `-booklet` (README, "Building")."""
        return ("-large-print" if self.large_print else "") + ("-booklet" if self.booklet else "")

    @property
    def effective_double_sided(self) -> bool | None:
        if self.double_sided is None and self.booklet:
            return True  # a booklet is printed on both sides
        return self.double_sided


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


@dataclass(frozen=True)
class Job:
    """One output to have: which lesson, edition and format, and its cache key."""

    lesson: str
    edition: Edition
    format: Format
    name: str  # file name in the output folder
    key: str


def choose_lessons(project: Project, request: BuildRequest) -> list[Lesson]:
    from .assemble import adhoc_lesson

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


def plan(
    request: BuildRequest, lessons: dict[str, Sequence[str]], files: dict[str, str]
) -> list[Job]:
    """The outputs `request` asks for, given each chosen lesson's modules, with their keys."""
    jobs = []
    for lesson, modules in lessons.items():
        deps = dependencies(files, lesson, modules)
        for edition in request.editions:
            for fmt in ("pdf", "html"):
                if fmt not in request.formats:
                    continue
                options = json.dumps(
                    [
                        lesson,
                        list(modules),
                        edition,
                        fmt,
                        request.paper,
                        request.large_print,
                        request.booklet,
                        request.effective_double_sided,
                        None if request.sections is None else list(request.sections),
                    ]
                )
                name = output_name(lesson, edition, fmt, request.suffix)
                jobs.append(Job(lesson, edition, fmt, name, output_key(files, deps, options)))
    return jobs


_MISSING_GLYPH = re.compile(r'\.notdef glyph rendered for .*?"(.+?)" \((U\+[0-9A-F]+)\)')


def _first_use(project: Project, text: str) -> Location | None:
    """Where `text` first occurs in the project's content files."""
    from .text import position

    for path in sorted((project.root / "content").rglob("*")):
        if path.suffix in (".md", ".yaml") and path.is_file():
            try:
                source = read_file(path, input_roots(project.root)).decode(
                    "utf-8", errors="replace"
                )
            except Refused:  # loading has reported it, or it changed since
                continue
            if (index := source.find(text)) >= 0:
                return Location(project.rel(path), *position(source, index))
    return None


def _explain(project: Project, output: str, warning: str) -> Problem:
    """A rendering warning as a problem a teacher can act on, placed where it was written if
    we can: a character or an image in the content, a line of a stylesheet or template
    (render.py and selfcontained.py give those as `path:line:col: what — how to fix`)."""
    if m := _MISSING_GLYPH.search(warning):
        char, code = m[1], m[2]
        return Problem(
            _first_use(project, char) or Location(output),
            f'no font in the packet has the character "{char}" ({code}); it prints as an empty box',
            "remove or replace it, or add a font that covers it in templates/fonts.css",
            Severity.WARNING,
        )
    text, _, hint = warning.partition(" — ")
    placed = re.match(r"(?s)([^\s:][^:\n]*):(\d+)(?::(\d+))?: (.+)", text)
    if placed and "://" not in placed[1]:
        message = placed[4]
        if not hint and message.startswith(("Ignored", "Parse error", "Error:", "Invalid")):
            hint = "correct it or remove it; the PDF is made without it"
        where = Location(placed[1], int(placed[2]), int(placed[3] or 0))
        return Problem(where, message, hint, Severity.WARNING)
    image = re.match(r"image '(.+?)' is left out of the HTML packet", text)  # in the content
    if failed := re.match(r"Failed to load image at '?(file:[^\s']+)'?: ", warning):  # the PDF's
        from urllib.parse import unquote, urlparse

        written = os.path.relpath(unquote(urlparse(failed[1]).path), project.root.resolve())
        text, hint = warning, ("put the image inside the project" if "inside" in warning else "")
    if (image or failed) and (found := _first_use(project, f"]({image[1] if image else written}")):
        where = Location(found.path, found.line, found.col + 2)  # at the image's address
        return Problem(where, text, hint, Severity.WARNING)
    return Problem(Location(output), warning, severity=Severity.WARNING)


# -- renderers ---------------------------------------------------------------------------

# PDF bytes, pages, WeasyPrint's warnings, seconds spent rendering
Rendered = tuple[bytes, int, tuple[str, ...], float]


def _render(renderer: PdfRenderer, html: str, booklet: bool) -> Rendered:
    started = time.perf_counter()
    pdf = renderer.render(html)
    data, pages = pdf.data, pdf.pages
    if booklet:
        from .impose import impose_booklet

        data, pages = impose_booklet(data)
    return data, pages, pdf.warnings, time.perf_counter() - started


# Each worker process holds one renderer for its whole life (set up by _start_worker).
_worker: PdfRenderer | BaseException | None = None


def _start_worker(root: Path, parent: int) -> None:
    """Set up a renderer process of packet's process `parent`.

    Stopping is the main process's business: Ctrl-C is ignored here, and SIGTERM and SIGHUP
    take their default action, ending the process at once and without a traceback (the pool
    ends its renderers with SIGTERM; a closing terminal sends SIGHUP to all of them). A
    signal packet was started ignoring (`nohup`) stays ignored. On Linux the renderer is
    also killed when packet dies, however it dies (SIGKILL included), rather than rendering
    on for no one and printing a traceback when it cannot hand its PDF back.
    """
    global _worker
    import sys

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    for name in ("SIGTERM", "SIGHUP"):
        number = getattr(signal, name, None)
        if number is not None and signal.getsignal(number) is not signal.SIG_IGN:
            signal.signal(number, signal.SIG_DFL)
    if sys.platform.startswith("linux"):
        import contextlib
        import ctypes

        pr_set_pdeathsig = 1
        # Without prctl the renderer still ends, once packet's end closes its queue.
        with contextlib.suppress(OSError, AttributeError):
            ctypes.CDLL(None, use_errno=True).prctl(pr_set_pdeathsig, signal.SIGKILL, 0, 0, 0)
    if os.getppid() != parent:  # packet ended before the renderer could ask to follow it
        os._exit(0)
    from .render import PdfRenderer

    try:
        _worker = PdfRenderer(root)
    except BaseException as exc:  # reported with the first packet, not by killing the pool
        _worker = exc
    # WeasyPrint's modules and the fonts live as long as the worker: keep the garbage
    # collector from walking them again and again.
    gc.freeze()


def _render_in_worker(html: str, booklet: bool) -> Rendered:
    if isinstance(_worker, BaseException):
        raise _worker
    assert _worker is not None
    return _render(_worker, html, booklet)


class Renderers:
    """Where PDFs are made: in this process (`workers` 0), or in a pool of worker processes.

    A renderer process that ends while packets are being made (killed, or by the system for
    lack of memory) takes its packet with it: `next_done` then fails the build with a
    message rather than wait for that packet for ever.
    """

    def __init__(self, root: Path, workers: int) -> None:
        self.root = root
        self.local: PdfRenderer | None = None
        self.pool: Pool | None = None
        self.done: queue.SimpleQueue[tuple[int, Rendered | BaseException]] = queue.SimpleQueue()
        self.submitted = 0
        if workers:
            # Workers start at once: WeasyPrint loads while the project is read and checked.
            context = multiprocessing.get_context("fork" if _CAN_FORK else "spawn")
            self.pool = context.Pool(workers, _start_worker, (root, os.getpid()))
        self.workers = self._running()

    def submit(self, html: str, booklet: bool) -> int:
        """Start rendering; returns a ticket that `next_done` hands back with the result."""
        ticket = self.submitted
        self.submitted += 1
        if self.pool is None:
            from .render import PdfRenderer

            self.local = self.local or PdfRenderer(self.root)
            try:
                self.done.put((ticket, _render(self.local, html, booklet)))
            except Exception as exc:  # reported as the worker path reports it (`_unwrap`)
                self.done.put((ticket, exc))
            return ticket
        self.pool.apply_async(
            _render_in_worker,
            (html, booklet),
            callback=lambda result: self.done.put((ticket, result)),
            error_callback=lambda exc: self.done.put((ticket, exc)),
        )
        return ticket

    def next_done(self) -> tuple[int, Rendered]:
        """The next packet to finish, waiting for it."""
        while True:
            try:
                return self._unwrap(*self.done.get(timeout=0.5))
            except queue.Empty:
                if self._running() != self.workers:
                    raise BuildError(
                        "a PDF renderer stopped before it finished (it was killed, perhaps by "
                        "the system for lack of memory) — the outputs written so far are kept; "
                        "build again, with fewer --jobs if memory is short"
                    ) from None

    def _running(self) -> set[int]:
        """The renderer processes of the pool; the pool replaces one that ends by another.
        (Pool keeps them in `_pool`, not public; without it the check is simply skipped.)"""
        return {worker.pid for worker in list(getattr(self.pool, "_pool", None) or [])}

    def ready(self) -> tuple[int, Rendered] | None:
        """A packet that has finished, if any has."""
        try:
            return self._unwrap(*self.done.get_nowait())
        except queue.Empty:
            return None

    @staticmethod
    def _unwrap(ticket: int, result: Rendered | BaseException) -> tuple[int, Rendered]:
        if isinstance(result, BuildError):
            raise result
        if isinstance(result, BaseException):
            raise BuildError(f"PDF rendering failed: {result}") from result
        return ticket, result

    def close(self) -> None:
        """End the renderer processes. The pool's own shutdown can wait for ever on a lock
        that an interrupted thread left held (rarely, when Ctrl-C or SIGTERM lands inside
        multiprocessing's code); after CLOSE_SECONDS the renderers are killed outright."""
        if self.pool is None:
            return
        pool, workers = self.pool, list(getattr(self.pool, "_pool", None) or [])

        def shut_down() -> None:
            pool.terminate()
            pool.join()

        closing = threading.Thread(target=shut_down, daemon=True)
        closing.start()
        closing.join(CLOSE_SECONDS)
        if closing.is_alive():
            for worker in workers:
                with contextlib.suppress(OSError, ValueError):
                    worker.kill()


_CAN_FORK = "fork" in multiprocessing.get_all_start_methods()
CLOSE_SECONDS = 10.0


# -- the build ---------------------------------------------------------------------------


def build(
    project: Project | Path,
    request: BuildRequest,
    on_output: Callable[[Output], None] = lambda _: None,
    on_plan: Callable[[int], None] = lambda _: None,
) -> BuildResult:
    """Build every requested lesson x edition x format into `request.out`.

    `project` may be a loaded Project or its folder; a folder is loaded only when
    something must be checked or rebuilt. `on_plan` hears how many outputs there
    will be, `on_output` each one as it is written (or found up to date).
    """
    root = project if isinstance(project, Path) else project.root
    out = request.out or default_output(root)
    # Files are hashed before they are read: an edit made during the build leaves a key that
    # no longer matches, so the next build redoes the output rather than trusting it.
    files = project_files(root)
    fingerprint = project_fingerprint(files)
    manifest = Manifest.load(out)
    known = manifest.fingerprint == fingerprint and not request.force
    if known and not request.modules:
        jobs = _plan_from_manifest(request, manifest, files)
        if jobs is not None and all(manifest.up_to_date(j.name, j.key, out) for j in jobs):
            on_plan(len(jobs))
            return _reuse(request, manifest, jobs, out, on_output)
    checked = manifest.problems if known else None
    with fewer_collections():
        return _build(project, request, out, files, checked, fingerprint, on_output, on_plan)


def _plan_from_manifest(
    request: BuildRequest, manifest: Manifest, files: dict[str, str]
) -> list[Job] | None:
    names = list(dict.fromkeys(request.lessons)) or list(manifest.lessons)
    if not names or any(name not in manifest.lessons for name in names):
        return None  # let the full build report it
    return plan(request, {name: manifest.lessons[name] for name in names}, files)


def _reuse(
    request: BuildRequest,
    manifest: Manifest,
    jobs: list[Job],
    out: Path,
    on_output: Callable[[Output], None],
) -> BuildResult:
    """Every output is up to date: report them, and the warnings they were built with."""
    problems = list(manifest.problems)
    for job in jobs:
        problems.extend(manifest.outputs[job.name].warnings)
    if request.strict and problems:
        raise ContentError(problems)
    result = BuildResult(warnings=[str(p) for p in manifest.problems])
    for job in jobs:
        _report_cached(out, job.name, manifest.outputs[job.name], result, on_output)
    result.warnings = list(dict.fromkeys(result.warnings))
    return result


def _report_cached(
    out: Path, name: str, built: Built, result: BuildResult, on_output: Callable[[Output], None]
) -> None:
    """An output found up to date: listed, with the warnings it was built with."""
    result.warnings.extend(str(p) for p in built.warnings)
    output = Output(out / name, built.pages, 0.0, cached=True)
    result.outputs.append(output)
    on_output(output)


def _build(
    project: Project | Path,
    request: BuildRequest,
    out: Path,
    files: dict[str, str],
    checked: list[Problem] | None,  # the warnings of the last check of these very files
    fingerprint: str,
    on_output: Callable[[Output], None],
    on_plan: Callable[[int], None],
) -> BuildResult:
    root = project if isinstance(project, Path) else project.root
    workers = 0
    if "pdf" in request.formats and request.jobs > 1:
        most = len(request.lessons) * len(request.editions) if request.lessons else request.jobs
        workers = min(request.jobs, max(1, most))
    renderers = Renderers(root, workers) if workers else None
    try:
        if isinstance(project, Path):
            from .project import load_project

            project = load_project(project)
        lessons = choose_lessons(project, request)
        if checked is not None:
            report = Report(list(checked))
        else:
            from .check import check_project

            report = check_project(project)
        report.raise_errors(strict=request.strict)
        with output_folder(out):  # created and locked only once there is something to write
            manifest = Manifest.load(out)
            manifest.fingerprint = fingerprint
            manifest.problems = report.warnings
            manifest.lessons = {
                lesson.id: list(lesson.entry.modules) for lesson in project.lessons.values()
            }
            jobs = plan(request, {lesson.id: lesson.entry.modules for lesson in lessons}, files)
            on_plan(len(jobs))
            result = BuildResult(warnings=[str(p) for p in report.warnings])
            if manifest.unreadable:  # a note, not a problem of the packet: --strict builds on
                result.warnings.append(
                    f"{manifest.path}: {manifest.unreadable} — packet ignores this file and "
                    "rebuilds every output, then writes a good one in its place"
                )
            stale = [
                j for j in jobs if request.force or not manifest.up_to_date(j.name, j.key, out)
            ]
            for job in jobs:
                if job not in stale:
                    _report_cached(out, job.name, manifest.outputs[job.name], result, on_output)
            if stale:
                if renderers is None and any(j.format == "pdf" for j in stale):
                    renderers = Renderers(root, 0)
                try:
                    _make(
                        project,
                        request,
                        {lesson.id: lesson for lesson in lessons},
                        stale,
                        out,
                        manifest,
                        renderers,
                        result,
                        on_output,
                    )
                finally:
                    if manifest.written:  # remember what was finished, even if a later one failed
                        manifest.save()
            else:
                manifest.save()
        order = {out / job.name: i for i, job in enumerate(jobs)}
        result.outputs.sort(key=lambda output: order[output.path])  # as asked, not as finished
        result.warnings = list(dict.fromkeys(result.warnings))  # each problem once, as cached
        return result
    finally:
        if renderers is not None:
            renderers.close()


def _make(
    project: Project,
    request: BuildRequest,
    lessons: dict[str, Lesson],
    jobs: list[Job],
    out: Path,
    manifest: Manifest,
    renderers: Renderers | None,
    result: BuildResult,
    on_output: Callable[[Output], None],
) -> None:
    """Assemble, render and write the out-of-date outputs `jobs`."""
    from .assemble import assemble
    from .reading import cached_reading_stats
    from .render import render_html

    reading = cached_reading_stats(manifest.reading)
    packets: dict[tuple[str, Edition], tuple[Packet, float]] = {}
    pending: dict[int, tuple[Job, float]] = {}
    # A lesson's outputs are written together once every one of them is made, so a failure
    # (a PDF that cannot be rendered, an HTML packet whose fonts are missing) leaves all of
    # that lesson's previous outputs as they were, never a new PDF beside an old HTML.
    held: dict[str, list[tuple[Job, bytes, int | None, list[Problem], float]]] = {}
    remaining = Counter(job.lesson for job in jobs)

    def done(job: Job, data: bytes, pages: int | None, problems: list[Problem], s: float) -> None:
        if request.strict and problems:
            raise ContentError(problems)
        held.setdefault(job.lesson, []).append((job, data, pages, problems, s))
        remaining[job.lesson] -= 1
        if not remaining[job.lesson]:
            for made in held.pop(job.lesson):
                _write(out, *made, manifest, result, on_output)

    def finish(rendered: tuple[int, Rendered]) -> None:
        ticket, (data, pages, messages, seconds) = rendered
        job, assembling = pending.pop(ticket)
        problems = [_explain(project, job.name, m) for m in messages]
        done(job, data, pages, problems, assembling + seconds)

    # Longest first, so that no renderer is left with a long packet while the others idle;
    # student editions before teacher ones, which may first need textstat's dictionary.
    for job in sorted(
        jobs, key=lambda j: (j.edition == "teacher", -len(lessons[j.lesson].entry.modules))
    ):
        packet_id = (job.lesson, job.edition)
        started = time.perf_counter()
        if packet_id not in packets:
            packet = assemble(
                project,
                lessons[job.lesson],
                job.edition,
                sections=list(request.sections) if request.sections is not None else None,
                paper=request.paper,
                large_print=request.large_print,
                double_sided=request.effective_double_sided,
                reading=reading,
            )
            packets[packet_id] = packet, time.perf_counter() - started
            started = time.perf_counter()
        packet, assembling = packets[packet_id]
        if job.format == "pdf":
            assert renderers is not None
            html = render_html(packet, project.root)
            seconds = assembling + time.perf_counter() - started
            pending[renderers.submit(html, request.booklet)] = (job, seconds)
        else:
            dropped: list[str] = []  # what the HTML packet left out rather than load it
            html = render_html(packet, project.root, screen=True, warnings=dropped)
            problems = [_explain(project, job.name, m) for m in dropped]
            seconds = assembling + time.perf_counter() - started
            done(job, html.encode("utf-8"), None, problems, seconds)
        while pending and (rendered := renderers and renderers.ready()):
            finish(rendered)
    while pending:
        assert renderers is not None
        finish(renderers.next_done())


def _write(
    out: Path,
    job: Job,
    data: bytes,
    pages: int | None,
    problems: list[Problem],
    seconds: float,
    manifest: Manifest,
    result: BuildResult,
    on_output: Callable[[Output], None],
) -> None:
    path = out / job.name
    write_atomic(path, data)
    manifest.record(job.name, job.key, data, pages, problems)
    result.warnings.extend(str(p) for p in problems)
    output = Output(path, pages, seconds)
    result.outputs.append(output)
    on_output(output)


__all__ = ["BuildError", "BuildRequest", "BuildResult", "Output", "build", "choose_lessons"]
