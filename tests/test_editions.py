"""Student and teacher editions, activities, the comparison section and reading statistics.

The PDFs are read back through their text layer: what a student or teacher
would actually see printed, not what the templates were asked to print.
"""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import pytest

from conftest import flat, pdf_text, plain, student_page_mismatches
from packet.activities import (
    BLANK,
    SourceComparison,
    TimelineActivity,
    Vocabulary,
    make_activities,
    missing_material,
)
from packet.assemble import Packet, assemble
from packet.build import BuildRequest, build
from packet.check import check_project
from packet.markup import markup_for, typeset
from packet.model import Project
from packet.project import load_project
from packet.reading import WORDS_PER_MINUTE, reading_stats
from packet.schema import ACTIVITIES, HISTORICAL_THINKING


def texts(built: Path, lesson: str) -> tuple[list[str], list[str]]:
    return pdf_text(built / f"{lesson}-student.pdf"), pdf_text(built / f"{lesson}-teacher.pdf")


def teacher_only(packet: Packet) -> list[str]:
    """Every piece of text the teacher edition adds, as it reads in print."""
    found = []
    for module in packet.modules:
        found += [plain(q.answer_html) for q in module.questions]
        notes = module.notes
        found += [plain(o) for o in notes.objectives]
        found += [plain(n) for n in (notes.timing, notes.discussion, notes.care) if n]
    found += [plain(c.note_html) for c in packet.comparison]
    return found


@pytest.mark.parametrize("lesson", ["1-roots", "3-s21", "5-justice", "whole-unit"])
def test_student_edition_has_no_answers_or_notes_and_teacher_edition_has_all(
    built: Path, repo_project: Project, lesson: str
) -> None:
    student_pages, teacher_pages = texts(built, lesson)
    student, teacher = flat("\n".join(student_pages)), flat("\n".join(teacher_pages))
    packet = assemble(repo_project, repo_project.lessons[lesson], "teacher")
    extras = teacher_only(packet)
    assert len(extras) > 10 * len(packet.modules)
    for text in extras:
        assert text in teacher, text
        assert text not in student, text
    for marker in (
        "MODEL ANSWER",
        "TEACHER",
        "Teaching This Topic with Care",
        "Provenance Summary",
    ):
        assert marker not in student
    assert all("TEACHER EDITION" in page for page in teacher_pages)
    assert {"NAME", "CLASS", "DATE"} <= set(student_pages[0].split())


def test_teacher_edition_gives_reading_level_and_time_for_every_module(
    built: Path, repo_project: Project
) -> None:
    _, teacher_pages = texts(built, "whole-unit")
    teacher = flat("\n".join(teacher_pages))
    lines = re.findall(
        r"Reading\. ([\d,]+) words, about (\d+) min at 150 words a minute; "
        r"Flesch–Kincaid grade ([\d.]+)",
        teacher,
    )
    packet = assemble(repo_project, repo_project.lessons["whole-unit"], "teacher")
    assert [(int(w.replace(",", "")), int(m), float(g)) for w, m, g in lines] == [
        (m.reading.words, m.reading.minutes, m.reading.grade) for m in packet.modules
    ]
    for module in packet.modules:
        assert 150 < module.reading.words < 600
        assert 6 <= module.reading.grade <= 14  # secondary-school prose, not nonsense


def test_reading_statistics_follow_the_text() -> None:
    simple = reading_stats("The cat sat on the mat. The dog ran to the cat. It was a sunny day.")
    hard = reading_stats(
        "The organisation's historiographical interpretation of revolutionary "
        "collectivisation necessitated considerable methodological sophistication, "
        "particularly regarding contemporaneous documentation and retrospective testimony."
    )
    assert simple.words == 17 and simple.grade < 3 and simple.level.startswith("easy")
    assert hard.grade > 16 and hard.level.startswith("demanding")
    long = reading_stats("Word after word goes on. " * 100)
    assert long.words == 500 and long.minutes == -(-500 // WORDS_PER_MINUTE)


def test_plain_text_for_reading_drops_headings_and_citations(repo_project: Project) -> None:
    text = markup_for(repo_project).plain(
        "## A heading\n\nFirst “quoted” [@highlights] part.\n\n- a list item"
    )
    assert text == "First “quoted” part.\n\na list item"


def test_teacher_edition_has_guidance_and_provenance_summary(
    built: Path, repo_project: Project
) -> None:
    _, teacher_pages = texts(built, "3-s21")
    guidance = flat("\n".join(p for p in teacher_pages[2:] if "Teaching This Topic with Care" in p))
    assert "students see on the cover" in guidance.casefold()
    assert "role-play" in guidance  # from content/guidance.md
    assert "Care points in this lesson" in guidance
    summary = flat("\n".join(p for p in teacher_pages if "Provenance Summary" in p))
    module = repo_project.modules["s21-killing-fields"]
    for passage in module.meta.provenance:
        assert flat(passage.passage)[:60] in summary
    assert re.search(r"Asia Highlights — cited in paragraphs [\d, ]+", summary)


def test_every_module_practises_each_kind_of_historical_thinking(repo_project: Project) -> None:
    for module in repo_project.modules.values():
        kinds = {q.kind for q in module.meta.questions}
        assert set(HISTORICAL_THINKING) | {"comprehension"} <= kinds, module.id


def test_check_reports_a_missing_question_kind_and_a_paragraph_that_does_not_exist(
    project_dir: Path,
) -> None:
    path = project_dir / "content/modules/origins.md"
    text = path.read_text(encoding="utf-8")
    text = text.replace("kind: corroboration", "kind: comprehension")
    text = text.replace("In paragraph 3, why does", "In paragraph 12, why does")
    path.write_text(text, encoding="utf-8")
    report = check_project(load_project(project_dir))
    messages = [str(p) for p in report.problems]
    assert any(
        m.startswith("content/modules/origins.md:5:1: warning: the module has no corroboration")
        for m in messages
    ), messages
    assert any(
        m.startswith("content/modules/origins.md:14:5: the question points at paragraph 12")
        and "has 4 numbered paragraphs" in m
        for m in messages
    ), messages


def test_every_lesson_has_an_activity_with_material(repo_project: Project) -> None:
    for lesson in repo_project.lessons.values():
        packet = assemble(repo_project, lesson, "student")
        assert packet.activities, lesson.id
        assert [a.kind for a in packet.activities] == list(lesson.entry.activities or ACTIVITIES)


def test_an_activity_without_material_is_an_error_at_its_line(project_dir: Path) -> None:
    lesson = project_dir / "content/lessons/3-s21.yaml"
    text = lesson.read_text(encoding="utf-8")
    lesson.write_text(
        text.replace("activities: [vocabulary, source-comparison]", "activities: [timeline]"),
        encoding="utf-8",
    )
    timeline = project_dir / "content/timeline.yaml"
    kept = [
        block
        for block in timeline.read_text(encoding="utf-8").split("\n- ")
        if "s21-killing-fields" not in block
    ]
    timeline.write_text("\n- ".join(kept), encoding="utf-8")
    project = load_project(project_dir)
    assert missing_material(project, ["s21-killing-fields"], "timeline") is not None
    messages = [str(p) for p in check_project(project).problems]
    assert any(
        m.startswith("content/lessons/3-s21.yaml:5:14: the timeline activity cannot be made")
        for m in messages
    ), messages


def activities_of(project: Project, lesson: str) -> dict[str, object]:
    modules = project.lessons[lesson].entry.modules
    made = make_activities(project, markup_for(project), lesson, modules, ACTIVITIES)
    return {a.kind: a for a in made}


def test_vocabulary_key_matches_each_term_to_its_own_definition(repo_project: Project) -> None:
    vocabulary = activities_of(repo_project, "whole-unit")["vocabulary"]
    assert isinstance(vocabulary, Vocabulary)
    by_letter = {d.letter: d.html for d in vocabulary.definitions}
    assert sorted(by_letter) == [chr(ord("A") + i) for i in range(len(vocabulary.definitions))]
    assert len(vocabulary.definitions) == len(vocabulary.terms) + 2  # two spares
    assert [t.answer for t in vocabulary.terms] != sorted(by_letter)[: len(vocabulary.terms)]
    terms = {t.entry.term: t for t in repo_project.terms.values()}
    for item in vocabulary.terms:
        term = terms[item.term]
        definition = plain(by_letter[item.answer])
        # the definition is the glossary's, with words blanked out (each blank some words)
        original = plain(markup_for(repo_project).inline(term.entry.definition).html)
        pattern = re.escape(definition).replace(re.escape(BLANK), r"[\w'’ -]+?")
        assert BLANK in definition or definition == original
        assert re.fullmatch(pattern, original), (item.term, definition)
        assert not any(re.search(rf"\b{re.escape(s)}\b", definition) for s in term.spellings)
    again = activities_of(repo_project, "whole-unit")["vocabulary"]
    assert again == vocabulary  # the same worksheet on every build


def test_timeline_activity_orders_and_dates_events_without_giving_them_away(
    built: Path, repo_project: Project
) -> None:
    timeline = activities_of(repo_project, "whole-unit")["timeline"]
    assert isinstance(timeline, TimelineActivity)
    assert sorted(e.position for e in timeline.order) == list(range(1, len(timeline.order) + 1))
    events = {e.entry.title: e.when for e in repo_project.events}
    in_order = sorted(timeline.order, key=lambda e: e.position)
    for earlier, later in itertools.pairwise(in_order):
        assert events[earlier.title].end < events[later.title].start
    assert [e.position for e in timeline.order] != sorted(e.position for e in timeline.order)
    for item in timeline.dates:
        shown = item.title + " " + plain(item.detail_html)
        assert not re.search(r"\b(1[89]\d\d|20\d\d)s?\b", shown), shown
    student_pages, teacher_pages = texts(built, "whole-unit")
    student_page = next(p for p in student_pages if "Put these events in order" in p)
    teacher_page = next(p for p in teacher_pages if "Put these events in order" in p)
    for item in timeline.order:
        assert f"({item.label})" in teacher_page and f"({item.label})" not in student_page


def test_source_comparison_worksheet_is_filled_only_in_the_teacher_edition(
    built: Path, repo_project: Project
) -> None:
    worksheet = activities_of(repo_project, "1-roots")["source-comparison"]
    assert isinstance(worksheet, SourceComparison)
    assert set(worksheet.columns) == {"Asia Highlights", "Encyclopedia entry"}
    student_pages, teacher_pages = texts(built, "1-roots")
    student = flat("\n".join(student_pages))
    teacher = flat("\n".join(teacher_pages))
    assert "When the Khmer Rouge was set up: what does this source say?" in student
    for row in worksheet.rows:
        for answer in row.answers:
            assert plain(answer)[:50] in teacher
    assert "“Updated Jun. 24, 2021”, as the source puts it." in teacher
    assert "as the source puts it" not in student
    assert "No author named" not in student


def test_comparison_section_lists_every_disagreement_quoted_from_its_seed(
    built: Path, repo_project: Project
) -> None:
    student_pages, teacher_pages = texts(built, "whole-unit")
    start = next(i for i, p in enumerate(student_pages) if p.startswith("Where the Sources"))
    section = flat("\n".join(student_pages[start:]))
    assert len(repo_project.disagreements) >= 9
    for d in repo_project.disagreements:
        assert typeset(d.entry.topic) in section
        for version in d.entry.versions:
            assert flat(version.quote) in section, version.quote
    teacher = flat("\n".join(teacher_pages)).casefold()
    assert teacher.count("what a historian makes of it:") == len(repo_project.disagreements)
    assert "what a historian makes of it" not in section.casefold()


@pytest.mark.parametrize("lesson", ["1-roots", "3-s21", "whole-unit"])
def test_teacher_edition_shows_the_student_page_of_every_section_and_question(
    built: Path, repo_project: Project, lesson: str
) -> None:
    student, teacher = built / f"{lesson}-student.pdf", built / f"{lesson}-teacher.pdf"
    marked, wrong = student_page_mismatches(student, teacher)
    assert wrong == []
    packet = assemble(repo_project, repo_project.lessons[lesson], "student")
    parts = len(packet.modules) + len(packet.activities) + len(packet.sections)
    parts += len(packet.documents) + (packet.task is not None)
    questions = [*(q for m in packet.modules for q in m.questions)]
    questions += [q for d in packet.documents for q in d.questions]
    assert packet.documents and any(d.questions for d in packet.documents)
    assert marked == parts + len(questions)
    # the pages differ, or the test would prove nothing: the guidance comes first
    assert len(pdf_text(teacher)) > len(pdf_text(student))
    assert "turn to page" in flat(pdf_text(teacher)[1])


def test_a_teacher_edition_built_alone_shows_the_same_student_pages(
    built: Path, repo_project: Project, tmp_path: Path
) -> None:
    """Asked for the teacher edition alone, the build lays out the student edition only to
    learn its pages (and writes no student PDF): the teacher's PDF, answer key and lesson
    plan are byte for byte those a build of both editions makes."""
    request = BuildRequest(lessons=["3-s21"], editions=["teacher"], formats=["pdf"], out=tmp_path)
    build(repo_project, request)
    assert sorted(p.name for p in tmp_path.glob("*.pdf")) == [
        "3-s21-answer-key.pdf",
        "3-s21-lesson-plan.pdf",
        "3-s21-teacher.pdf",
    ]
    for name in ("3-s21-teacher.pdf", "3-s21-answer-key.pdf", "3-s21-lesson-plan.pdf"):
        assert (tmp_path / name).read_bytes() == (built / name).read_bytes(), name
