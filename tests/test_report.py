"""The report edition (issue 25): the unit's content for colleagues or parents — contents,
sections with their sources, documents, timeline, glossary, the full comparison, citations —
without any classroom furniture, and with zero print preflight findings."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from conftest import REPO, copy_project, pdf_text, run_packet
from packet.assemble import PROMPT
from packet.project import load_project

LESSON = "whole-unit"


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("report") / "project")
    done = run_packet("build", LESSON, "--edition", "report", "--strict", cwd=project)
    # --strict: a single preflight finding (or any warning) would have failed the build.
    assert done.returncode == 0, done.stderr
    assert "warning" not in done.stderr
    return project / "output"


def test_the_report_has_none_of_the_classroom_furniture(report: Path) -> None:
    pages = pdf_text(report / f"{LESSON}-report.pdf")
    text = "\n".join(pages)
    html = (report / f"{LESSON}-report.html").read_text(encoding="utf-8")
    assert not re.search(r"\b(NAME|CLASS|DATE)\b", pages[0])  # the cover's fields
    for furniture in ("Questions", "Activity", "Final Task", "Model answer", "Teacher Edition",
                      "Matching Key Terms", "Dates and Order"):  # fmt: skip
        assert not re.search(rf"\b{furniture}\b", text), furniture
    for mark in ('class="answer-space', 'class="name-lines', "<textarea", "<script",
                 'class="question', 'class="activity', 'class="teacher'):  # fmt: skip
        assert mark not in html, mark
    assert not list(report.glob("*answer-key*")) and not list(report.glob("*lesson-plan*"))


def test_the_report_has_everything_to_read(report: Path) -> None:
    project = load_project(REPO)
    lesson = project.lessons[LESSON]
    pdf = report / f"{LESSON}-report.pdf"
    text = " ".join(" ".join(pdf_text(pdf)).split())
    assert "REPORT" in text and "Contents" in text
    for module in lesson.entry.modules:
        assert project.modules[module].meta.title.split("—")[0].strip()[:20] in text
    assert text.count("SOURCES FOR THIS SECTION") == len(lesson.entry.modules)
    for heading in ("Documents", "Timeline", "Glossary", "Where the Sources Disagree", "Sources"):
        assert heading in text
    assert "Document A" in text or "DOCUMENT A" in text
    # The sources' disagreements in full inside the sections, not the students' prompt.
    assert " ".join(PROMPT.split()) not in text
    assert "purportedly" in text
    reader = PdfReader(pdf)
    assert str(reader.metadata.title).endswith("(Report)")
    outline = [item.title for item in reader.outline if not isinstance(item, list)]
    assert "Where the Sources Disagree" in outline


def test_the_default_build_makes_no_report(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    done = run_packet("build", "3-s21", "--format", "html", cwd=project)
    assert done.returncode == 0, done.stderr
    assert sorted(p.name for p in (project / "output").glob("*.html")) == [
        "3-s21-student.html",
        "3-s21-teacher.html",
    ]
