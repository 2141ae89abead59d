"""`packet export`: a lesson's questions for a learning platform — QTI for Canvas
(`qti.py`), Moodle XML (`moodlexml.py`) — from the lesson's two editions (`quiz.py`).

The project is loaded and checked as a build does; the file is written whole or not at all,
and nothing else in the output folder is touched. Packet's own words in the file (its
instructions and labels) are in packet.toml's `language`, or the one `language` names, as a
build's are; the questions' identifiers are the same in every language.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from .choices import EXPORTS
from .errors import UsageError
from .files import output_folder, write_atomic
from .layout import default_output, export_name

if TYPE_CHECKING:
    from .quiz import Quiz


@dataclass(frozen=True)
class Exported:
    path: Path
    questions: int  # the items a student answers
    readings: int  # the modules' texts that go before their questions
    warnings: list[str] = field(default_factory=list)


def export(
    root: Path, lesson_id: str, to: str, out: Path | None = None, language: str | None = None
) -> Exported:
    """Write `lesson_id`'s questions in the format `to` ("qti" or "moodle") into `out`,
    packet's own words in `language` (None: packet.toml's `language`)."""
    from .assemble import assemble
    from .build import BuildRequest, choose_lessons
    from .check import check_project
    from .moodlexml import moodle_xml
    from .project import load_project
    from .qti import qti_zip
    from .quiz import Reading, quiz_of

    if to not in EXPORTS:
        raise UsageError(f"unknown format '{to}' — choose one of: {', '.join(EXPORTS)}")
    project = load_project(root)
    (lesson,) = choose_lessons(project, BuildRequest([lesson_id]))
    report = check_project(project)
    report.raise_errors()
    student, teacher = (
        assemble(project, lesson, e, language=language) for e in ("student", "teacher")
    )
    quiz = exportable(quiz_of(student, teacher, project.settings.title), lesson.id)
    data = qti_zip(quiz) if to == "qti" else moodle_xml(quiz)
    folder = out or default_output(root)
    path = folder / export_name(lesson.id, to)
    with output_folder(folder):
        write_atomic(path, data)
    return Exported(
        path,
        questions=len(quiz.questions),
        readings=sum(isinstance(item, Reading) for item in quiz.items),
        warnings=[str(p) for p in report.warnings],
    )


def exportable(quiz: Quiz, lesson_id: str) -> Quiz:
    """`quiz`, if a student has something to answer in it. (Every module has questions, so a
    lesson that loads always has; this keeps an empty file from ever being written.)"""
    if not quiz.questions:
        raise UsageError(
            f"lesson '{lesson_id}' has nothing to export: it prints no questions, activities "
            "or final task"
        )
    return quiz
