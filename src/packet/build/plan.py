"""The plan: which outputs a request asks for, each with the cache key that says whether it is
up to date.

`choose_lessons(project, request)` finds the lessons in a loaded project; `plan(request,
lessons, files)` turns lesson ids and their modules into `Job`s; `plan_from_manifest` makes the
same plan from the last build's manifest alone, so an unchanged project is not even loaded.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..cache import Manifest, dependencies, output_key
from ..choices import Edition, Printout
from ..errors import UsageError
from ..layout import output_name, printout_name
from .request import FORMATS, BuildRequest, Format

if TYPE_CHECKING:
    from ..model import Lesson, Project


@dataclass(frozen=True)
class Job:
    """One output to have: which lesson, edition and format (or which of the teacher's
    printouts, made with the teacher edition), and its cache key."""

    lesson: str
    edition: Edition
    format: Format
    name: str  # file name in the output folder
    key: str
    printout: Printout | None = None


def choose_lessons(project: Project, request: BuildRequest) -> list[Lesson]:
    """The lessons `request` names, the ad-hoc lesson of its `--modules`, or every lesson."""
    from ..assemble import adhoc_lesson
    from ..schema import MAX_DOCUMENTS, MAX_LESSON_MODULES

    if request.modules:
        if len(request.modules) > MAX_LESSON_MODULES:
            raise UsageError(
                f"--modules lists {len(request.modules)} modules; one packet takes at most "
                f"{MAX_LESSON_MODULES} — build them as several lessons"
            )
        unknown = [m for m in request.modules if m not in project.modules]
        if unknown:
            known = ", ".join(sorted(project.modules))
            raise UsageError(f"unknown module(s): {', '.join(unknown)} — known: {known}")
        if request.name in project.lessons:
            raise UsageError(f"--name '{request.name}' is already a lesson; choose another name")
        sections = list(request.sections) if request.sections is not None else None
        lesson = adhoc_lesson(project, request.name, list(request.modules), sections)
        documents = project.documents_of(lesson)
        if "documents" in lesson.entry.sections and len(documents) > MAX_DOCUMENTS:
            raise UsageError(
                f"the modules have {len(documents)} documents; one packet prints at most "
                f"{MAX_DOCUMENTS} (Document A to Z) — leave documents out of --sections, or "
                "build the modules as a lesson that lists its documents"
            )
        return [lesson]
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
    """The outputs `request` asks for, given each chosen lesson's modules, with their keys:
    each edition in each format, and with the teacher edition's PDF the answer key of the
    variant and (standard variant only) the lesson plan."""
    jobs = []
    for lesson, modules in lessons.items():
        keyed = _Keyed(request, files, lesson, modules)
        for edition in request.editions:
            for fmt in FORMATS:
                if fmt in request.formats:
                    name = output_name(lesson, edition, fmt, request.suffix)
                    jobs.append(keyed.job(edition, fmt, name))
        if "teacher" in request.editions and "pdf" in request.formats:
            printouts: list[Printout] = ["answer-key"]
            if not request.suffix:
                printouts.append("lesson-plan")
            for printout in printouts:
                name = printout_name(lesson, printout, request.suffix)
                jobs.append(keyed.job("teacher", "pdf", name, printout))
    return jobs


@dataclass(frozen=True)
class _Keyed:
    """One lesson's outputs, each keyed by the files the lesson depends on and the options
    that make it."""

    request: BuildRequest
    files: dict[str, str]
    lesson: str
    modules: Sequence[str]

    def job(
        self, edition: Edition, fmt: Format, name: str, printout: Printout | None = None
    ) -> Job:
        request = self.request
        options = json.dumps(
            [
                self.lesson,
                list(self.modules),
                edition,
                fmt,
                printout,
                request.paper,
                request.large_print,
                request.booklet,
                request.support,
                request.effective_double_sided,
                None if request.sections is None else list(request.sections),
                request.version,
                request.language,
            ]
        )
        deps = dependencies(self.files, self.lesson, self.modules)
        return Job(self.lesson, edition, fmt, name, output_key(self.files, deps, options), printout)


def plan_from_manifest(
    request: BuildRequest, manifest: Manifest, files: dict[str, str]
) -> list[Job] | None:
    """The plan from the lessons the last build recorded, or None when it cannot say (a
    lesson it does not know: the full build reports it)."""
    names = list(dict.fromkeys(request.lessons)) or list(manifest.lessons)
    if not names or any(name not in manifest.lessons for name in names):
        return None
    return plan(request, {name: manifest.lessons[name] for name in names}, files)
