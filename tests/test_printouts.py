"""The teacher's printouts beside the editions: the answer key of each variant, keyed to that
variant's student pages, and the one-page lesson plan — read back from the PDFs the shared
builds made."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest
from pypdf import PdfReader

from conftest import flat, pdf_text, plain, starter_project
from packet.assemble import Packet, QuestionView, assemble
from packet.build import BuildRequest, build
from packet.errors import ContentError
from packet.model import Project
from packet.printouts import ACTIVITY_MINUTES, lesson_plan
from packet.project import load_project

SUFFIXES = {
    "standard": "",
    "large-print": "-large-print",
    "booklet": "-booklet",
    "support": "-support",
}


def teacher(project: Project, lesson: str, **options: bool) -> Packet:
    return assemble(project, project.lessons[lesson], "teacher", **options)


def questions(packet: Packet) -> list[QuestionView]:
    """Every question the key answers: the sections', then the documents'."""
    found = [q for module in packet.modules for q in module.questions]
    return found + [q for doc in packet.documents for q in doc.questions]


def start(html: str, size: int = 40) -> str:
    """The first words of a question or answer as print shows them."""
    return plain(html)[:size]


def test_every_lesson_has_an_answer_key_with_every_model_answer_and_activity_key(
    built: Path, repo_project: Project
) -> None:
    for lesson in repo_project.lessons:
        key = flat(" ".join(pdf_text(built / f"{lesson}-answer-key.pdf")))
        assert key.startswith("ANSWER KEY · FOR THE TEACHER"), lesson
        packet = teacher(repo_project, lesson)
        for question in questions(packet):
            assert start(question.html) in key, (lesson, question.html)
            assert start(question.answer_html) in key, (lesson, question.answer_html)
        for activity in packet.activities:
            assert activity.title in key, (lesson, activity.title)
        vocabulary = next((a for a in packet.activities if a.kind == "vocabulary"), None)
        if vocabulary is not None:  # each number with its letter: "3 D (armed wing)"
            for term in vocabulary.terms:  # type: ignore[union-attr]
                assert f"{term.number} {term.answer} ({term.term})" in key, (lesson, term)
        if packet.task is not None:
            for level in packet.task.mark_scheme:
                assert start(level) in key, lesson


def _keyed_pages(key: str, packet: Packet) -> list[tuple[int, str]]:
    """Each question's student page as the key prints it ("4. p. 12 What …")."""
    found = []
    for question in questions(packet):
        ask = start(question.html, 30)
        match = re.search(rf"{question.number}\. p\. (\d+) {re.escape(ask)}", key)
        assert match, (packet.lesson_id, ask)
        found.append((int(match[1]), ask))
    return found


@pytest.mark.parametrize("variant", SUFFIXES)
def test_the_key_gives_the_student_page_of_every_question_in_its_own_variant(
    built: Path, built_variants: Path, repo_project: Project, variant: str
) -> None:
    """Read from the PDFs: the page the key names for a question is the page of that
    variant's student edition where the question is printed."""
    out = built if variant == "standard" else built_variants / variant
    suffix = SUFFIXES[variant]
    options = {
        "large_print": variant == "large-print",
        "booklet": variant == "booklet",
        "support": variant == "support",
    }
    named = {"large-print": "large-print student edition", "support": "support student edition"}
    lessons = ("1-roots", "3-s21")
    for lesson in lessons:
        key = flat(" ".join(pdf_text(out / f"{lesson}{suffix}-answer-key.pdf")))
        assert (
            f"are those of the {named.get(variant, variant if suffix else 'student edition')}."
            in key
        )
        student = pdf_text(out / f"{lesson}-student{suffix}.pdf")
        if variant == "booklet":  # the pages as numbered, before folding: read the layout
            student = _booklet_pages(repo_project, lesson)
        packet = teacher(repo_project, lesson, **options)
        pages = _keyed_pages(key, packet)
        assert len({page for page, _ in pages}) > 1  # the test proves something
        for page, ask in pages:
            assert ask[:25] in flat(student[page - 1]), (lesson, variant, page, ask)
    plans = sorted(p.name for p in out.glob("*-lesson-plan.pdf"))
    assert len(plans) == (7 if not suffix else 0), plans  # the standard build's alone


def _booklet_pages(project: Project, lesson: str) -> list[str]:
    """The booklet's pages in reading order (its PDF holds them imposed two to a side)."""
    from packet.render import PdfRenderer, render_html

    packet = assemble(project, project.lessons[lesson], "student", booklet=True)
    result = PdfRenderer(project.root).render(render_html(packet, project.root))
    from io import BytesIO

    return [page.extract_text() or "" for page in PdfReader(BytesIO(result.data)).pages]


def test_the_lesson_plan_is_one_page_with_enquiry_objectives_sequence_and_care(
    built: Path, repo_project: Project
) -> None:
    for lesson in repo_project.lessons:
        pages = pdf_text(built / f"{lesson}-lesson-plan.pdf")
        assert len(pages) == 1, lesson
        text = flat(pages[0])
        packet = teacher(repo_project, lesson)
        assert packet.enquiry and flat(packet.enquiry) in text.replace("’", "'"), lesson
        student_pages = len(PdfReader(built / f"{lesson}-student.pdf").pages)
        assert f"Student packet: {student_pages} pages a copy" in text, lesson
        for module in packet.modules:  # every care point whole, never shortened
            assert module.notes.care is not None
            assert plain(module.notes.care)[-40:] in text, (lesson, module.id)
            assert module.title[:25] in text, lesson
        for activity in packet.activities:
            assert activity.title in text, lesson
        objectives = [plain(o) for m in packet.modules for o in m.notes.objectives]
        shown = [o for o in objectives if o[:40] in text]
        # the form the build printed: the shorter one merges steps, so its periods can differ
        plan = lesson_plan(packet, compact="(the first of each section;" in text)
        if len(shown) < len(objectives):  # the compact plan: each section's first objective
            assert shown == [plain(m.notes.objectives[0]) for m in packet.modules]
            assert f"{len(objectives) - len(shown)} more in the teacher edition" in text
        assert f"In all, about {plan.minutes} minutes" in text, lesson


def test_the_whole_units_plan_fits_its_page_by_its_shorter_form(
    built: Path, repo_project: Project
) -> None:
    """Seven sections do not fit a page in the full form: the build's second try keeps the
    care notes whole and gives each section's first objective and each step's minutes."""
    text = flat(pdf_text(built / "whole-unit-lesson-plan.pdf")[0])
    assert "(the first of each section;" in text
    assert f"Activity 1: Matching Key Terms {ACTIVITY_MINUTES['vocabulary']} min" in text
    assert "4. Democratic Kampuchea and “Year Zero” + Docs D, E" in text  # its documents
    assert re.search(r"each ending with 10 for questions and a calm close", text)
    text = flat(pdf_text(built / "1-roots-lesson-plan.pdf")[0])
    assert "(the first of each section;" not in text
    assert "including 10 minutes on the founding-date question" in text  # the module's note


def test_the_plan_is_taught_in_periods_each_ending_calmly_with_documents_after_their_section(
    built: Path, repo_project: Project
) -> None:
    """Periods of packet.toml's `period_minutes` (50), each ending with time for questions
    and a calm close; each document's questions straight after its section, so that the
    S-21 documents are not read again after the Tribunal (6-memory-and-justice)."""
    text = flat(pdf_text(built / "6-memory-and-justice-lesson-plan.pdf")[0])
    periods = re.findall(r"Period (\d+) · about (\d+) minutes", text)
    assert [int(n) for n, _ in periods] == list(range(1, len(periods) + 1)) and len(periods) > 1
    assert text.count("Close: questions and a calm close") == len(periods)
    assert text.index("Document A:") < text.index("Section 2:")
    assert "Sequence, in periods of 50 minutes" in text
    packet = teacher(repo_project, "6-memory-and-justice")
    plan = lesson_plan(replace(packet, period_minutes=200))
    assert len(plan.periods) == 1  # a longer period holds the whole lesson


def test_a_plan_too_long_for_its_page_even_when_shortened_is_a_finding(tmp_path: Path) -> None:
    root = starter_project(tmp_path / "p")
    lesson = next((root / "content" / "lessons").glob("*.yaml"))
    ending = " ".join(["Close the lesson with a calm recap of what the sources say."] * 90)
    lesson.write_text(lesson.read_text() + f'ending: "{ending}"\n')
    project = load_project(root)
    out = tmp_path / "out"
    result = build(project, BuildRequest(editions=["teacher"], formats=["pdf"], out=out))
    found = [w for w in result.warnings if "lesson plan runs to" in w]
    assert found and "lesson-plan.pdf" in found[0] and "shorten" in found[0]
    with pytest.raises(ContentError, match="lesson plan runs to"):
        build(
            project,
            BuildRequest(editions=["teacher"], formats=["pdf"], out=out, force=True, strict=True),
        )


def test_no_printouts_without_the_teacher_edition_and_no_plan_for_a_variant(
    tmp_path: Path,
) -> None:
    root = starter_project(tmp_path / "p")
    project = load_project(root)
    build(project, BuildRequest(editions=["student"], out=tmp_path / "s"))
    assert not list((tmp_path / "s").glob("*-answer-key.pdf"))
    build(project, BuildRequest(large_print=True, formats=["pdf"], out=tmp_path / "l"))
    names = sorted(p.name for p in (tmp_path / "l").glob("*.pdf"))
    assert any(n.endswith("-large-print-answer-key.pdf") for n in names), names
    assert not any(n.endswith("-lesson-plan.pdf") for n in names), names
    build(project, BuildRequest(formats=["html"], out=tmp_path / "h"))
    assert not list((tmp_path / "h").glob("*.pdf"))


def test_a_lesson_named_like_anothers_variant_is_a_warning(project_dir: Path) -> None:
    """ "3-s21-booklet" beside "3-s21": the first one's answer key and the second one's
    booklet key would be one file, each build overwriting the other's."""
    from packet.check import check_project

    lessons = project_dir / "content" / "lessons"
    (lessons / "3-s21-booklet.yaml").write_text(
        (lessons / "3-s21.yaml").read_text("utf-8"), encoding="utf-8"
    )
    found = [str(p) for p in check_project(load_project(project_dir)).warnings]
    assert any(
        "lesson '3-s21-booklet' and the booklet build of lesson '3-s21' would both write "
        "3-s21-booklet-answer-key.pdf" in w
        for w in found
    ), found
    assert sum("would both write" in w for w in found) == 1
