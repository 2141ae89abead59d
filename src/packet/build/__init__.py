"""The build pipeline, in reading order: plan, check, assemble, render, write.

build(project, request, on_output)  ->  BuildResult

1. Plan (`plan.py`): every requested lesson x edition x format is a `Job` with a cache key
   (cache.py). When the project has not changed since the last build, the plan comes from
   the manifest alone and nothing is loaded, checked or rendered.
2. Check the project (or reuse the last check of exactly these files).
3. For each job whose output is out of date (`run.py`): assemble the packet, render the
   HTML, and hand it to a renderer (`renderers.py`), whose warnings become problems placed in
   the content (`explain.py`).
4. Write each lesson's outputs whole (files.write_atomic) and record them in the manifest.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING

from ..cache import Manifest, project_files, project_fingerprint
from ..errors import BuildError, ContentError, Problem, Report
from ..files import output_folder
from ..layout import LESSONS, default_output
from ..perf import fewer_collections
from .plan import Job, choose_lessons, plan, plan_from_manifest
from .renderers import Renderers
from .request import BuildRequest, BuildResult, Output, default_jobs
from .run import Run, report_cached

if TYPE_CHECKING:
    from ..model import Project


def build(
    project: Project | Path,
    request: BuildRequest,
    on_output: Callable[[Output], None] = lambda _: None,
    on_plan: Callable[[int], None] = lambda _: None,
    on_notice: Callable[[str], None] = lambda _: None,
) -> BuildResult:
    """Build every requested lesson x edition x format into `request.out`.

    `project` may be a loaded Project or its folder; a folder is loaded only when
    something must be checked or rebuilt. `on_plan` hears how many outputs there
    will be, `on_output` each one as it is written (or found up to date), `on_notice` a
    word for the teacher before the PDFs are made when they will take minutes.
    """
    root, loaded = (project, None) if isinstance(project, Path) else (project.root, project)
    out = request.out or default_output(root)
    # Files are hashed before they are read: an edit made during the build leaves a key that
    # no longer matches, so the next build redoes the output rather than trusting it.
    files = project_files(root)
    fingerprint = project_fingerprint(files)
    last = Manifest.load(out)
    known = last.fingerprint == fingerprint and not request.force
    if known and not request.modules:
        jobs = plan_from_manifest(request, last, files)
        if jobs is not None and all(last.up_to_date(j.name, j.key, out) for j in jobs):
            on_plan(len(jobs))
            return _reuse(request, last, jobs, out, on_output)
    # Renderer processes start first: WeasyPrint loads while the project is read and checked.
    workers = request.renderer_processes(lessons_in(files))
    with fewer_collections(), Renderers(root, workers) as renderers:
        if loaded is None:
            from ..project import load_project

            loaded = load_project(root)
        lessons = choose_lessons(loaded, request)
        report = _check(loaded, last.problems if known else None)
        report.raise_errors(strict=request.strict)
        with output_folder(out):  # created and locked only once there is something to write
            jobs = plan(request, {lesson.id: lesson.entry.modules for lesson in lessons}, files)
            on_plan(len(jobs))
            run = Run(loaded, request, out, renderers, on_output, on_notice)
            return run.make(jobs, lessons, report, fingerprint)


def lessons_in(files: dict[str, str]) -> int:
    """How many lessons a project has, from its list of files (before it is loaded)."""
    return sum(
        1
        for path in files
        if PurePosixPath(path).parent.as_posix() == LESSONS and path.endswith(".yaml")
    )


def _check(project: Project, checked: list[Problem] | None) -> Report:
    """The project's problems: `checked`, the warnings of the last check of these very
    files, or a new check."""
    if checked is not None:
        return Report(list(checked))
    from ..check import check_project

    return check_project(project)


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
        report_cached(out, job.name, manifest.outputs[job.name], result, on_output)
    result.warnings = list(dict.fromkeys(result.warnings))
    return result


__all__ = [
    "BuildError",
    "BuildRequest",
    "BuildResult",
    "Output",
    "build",
    "choose_lessons",
    "default_jobs",
]
