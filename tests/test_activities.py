"""The worksheets a lesson gets: drawn from every module of the lesson, matching with spare
definitions and none that gives another match away, dates across the lesson's period, and
the comparison asking about what the sources make of events before how they spell names."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import pdf_text, plain
from packet.activities import (
    KIND_WEIGHT,
    SPARES,
    SourceComparison,
    TimelineActivity,
    Vocabulary,
)
from packet.assemble import assemble
from packet.check import check_project
from packet.markup import disagreement_blocks, term_pattern
from packet.model import Project, Term
from packet.project import load_project
from packet.text import find_quotations, normalise


def activities(project: Project, lesson: str) -> dict[str, object]:
    packet = assemble(project, project.lessons[lesson], "teacher")
    return {a.kind: a for a in packet.activities}


def vocabulary(project: Project, lesson: str) -> Vocabulary:
    found = activities(project, lesson)["vocabulary"]
    assert isinstance(found, Vocabulary)
    return found


def term_named(project: Project, name: str) -> Term:
    [term] = [t for t in project.terms.values() if t.entry.term == name]
    return term


def test_the_whole_units_matching_draws_on_every_module(repo_project: Project) -> None:
    lesson = repo_project.lessons["whole-unit"]
    terms = [term_named(repo_project, t.term) for t in vocabulary(repo_project, "whole-unit").terms]
    for module_id in lesson.entry.modules:
        keys = repo_project.modules[module_id].meta.key_terms
        assert any(t.id in keys for t in terms), f"no term to match from {module_id}"


def test_the_whole_units_dates_span_its_period(repo_project: Project) -> None:
    """The dates to order and to fill in reach from the first event to the last, and every
    module with a dated event gives one."""
    timeline = activities(repo_project, "whole-unit")["timeline"]
    assert isinstance(timeline, TimelineActivity)
    labels = [e.label for e in timeline.order] + [e.label for e in timeline.dates]
    events = [e for e in repo_project.events if not e.entry.period]
    assert events[0].when.label in labels and events[-1].when.label in labels
    years = sorted(int(m[0]) for label in labels if (m := re.search(r"\d{4}", label)))
    assert years[0] <= 1955 and years[-1] >= 2014  # not just the years before May 1975


@pytest.mark.parametrize("lesson", ["whole-unit", "1-roots", "3-s21", "6-memory-and-justice"])
def test_matching_has_spares_and_no_definition_names_another_term(
    repo_project: Project, lesson: str
) -> None:
    worksheet = vocabulary(repo_project, lesson)
    assert len(worksheet.definitions) == len(worksheet.terms) + SPARES
    answers = {t.answer for t in worksheet.terms}
    spare = [d for d in worksheet.definitions if d.letter not in answers]
    assert len(spare) == SPARES  # the last match is not free
    if len(worksheet.sets) > 1:  # each set has its own spare, and the students are told so
        assert worksheet.definition_sets == tuple(n + 1 for n in worksheet.sets)
        assert worksheet.spares == "One definition in each set matches none of its terms."
    else:
        assert worksheet.spares == "Two of the definitions match none of the terms."
    terms = [term_named(repo_project, t.term) for t in worksheet.terms]
    for definition in worksheet.definitions:
        text = plain(definition.html)
        for term in terms:
            pattern = term_pattern(term.spellings, term.entry.match_case)
            assert not pattern.search(text), f"“{text}” names {term.entry.term}"


def test_matching_in_sets_keeps_its_spares_and_its_answers(repo_project: Project) -> None:
    packet = assemble(repo_project, repo_project.lessons["whole-unit"], "teacher", large_print=True)
    [worksheet] = [a for a in packet.activities if isinstance(a, Vocabulary)]
    sets = worksheet.matching_sets
    assert len(sets) == 3
    assert sum(len(d) - len(t) for t, d in sets) == SPARES
    for terms, definitions in sets:  # every answer is among its own set's definitions
        assert {t.answer for t in terms} <= {d.letter for d in definitions}
    # the instructions say which sets have a spare: none is promised where there is none
    spares = [len(d) - len(t) for t, d in sets]
    assert 0 in spares
    emptied = 1 + spares.index(0)
    assert f"set {emptied} has none" in worksheet.spares, worksheet.spares
    assert "each set" not in worksheet.spares


def test_the_comparison_asks_about_substance_before_spelling(repo_project: Project) -> None:
    comparison = activities(repo_project, "whole-unit")["source-comparison"]
    assert isinstance(comparison, SourceComparison)
    topics = [r.prompt.removesuffix(": what does this source say?") for r in comparison.rows[3:]]
    kinds = {d.entry.topic: d.entry.kind for d in repo_project.disagreements}
    asked = [kinds[t] for t in topics]
    assert "spelling" not in asked and "name" not in asked, asked
    weights = sorted(KIND_WEIGHT[k] for k in kinds.values())
    assert sorted(KIND_WEIGHT[k] for k in asked) == weights[: len(asked)]


@pytest.mark.parametrize(
    ("lesson", "ends_with"),
    [("3-s21", "Section 1, <em>S-21 and the Killing Fields</em>"), ("whole-unit", "Section 7")],
)
def test_the_guidance_says_how_this_lesson_ends(
    repo_project: Project, lesson: str, ends_with: str
) -> None:
    """Not the whole unit's ending in every lesson: 3-s21 ends on S-21, not the Tribunal."""
    teacher = assemble(repo_project, repo_project.lessons[lesson], "teacher")
    assert teacher.ending_html is not None
    assert f"Its last section is {ends_with}" in teacher.ending_html
    guidance = str(teacher.guidance_html)
    assert "tribunal" not in guidance.lower()  # the unit's guidance names no lesson's ending
    said = plain(teacher.ending_html)
    assert ("Tribunal, lets the unit end" in said) == (lesson == "whole-unit")
    student = assemble(repo_project, repo_project.lessons[lesson], "student")
    assert student.ending_html is None


def _module_sections(path: Path, project: Project, lesson: str) -> dict[str, str]:
    """Each module's text in a PDF, from its "SECTION n" to its questions, normalised."""
    text = normalise(" ".join(pdf_text(path)))
    found = {}
    for number, module_id in enumerate(project.lessons[lesson].entry.modules, start=1):
        title = normalise(project.modules[module_id].meta.title)
        start = text.index(f"SECTION {number} ")  # then "Student p. N" in the teacher's
        assert title in text[start : start + 40 + len(title)], title
        found[module_id] = text[start : text.index("Questions", start)]
    return found


@pytest.mark.parametrize("lesson", ["1-roots", "2-april-1975", "5-justice", "whole-unit"])
def test_the_student_edition_states_no_disagreements_answer_before_its_question(
    built: Path, repo_project: Project, lesson: str
) -> None:
    """Where a module sets off a disagreement, the student reads a prompt to find both
    versions, not the versions themselves; the teacher edition gives them."""
    student = _module_sections(built / f"{lesson}-student.pdf", repo_project, lesson)
    teacher = _module_sections(built / f"{lesson}-teacher.pdf", repo_project, lesson)
    checked = 0
    for module_id in repo_project.lessons[lesson].entry.modules:
        body = repo_project.modules[module_id].body.split("\n")
        for block in disagreement_blocks(repo_project.modules[module_id].body):
            # the versions, as the block quotes them from the seeds
            text = "\n".join(body[block.first + 1 : block.last])
            versions = {normalise(q.quote) for q in find_quotations(text)}
            assert len(versions) >= 2
            given = [v for v in versions if v in student[module_id]]
            assert len(given) < len(versions), f"{module_id}: the student edition gives {given}"
            assert "Find both versions." in student[module_id]
            assert all(v in teacher[module_id] for v in versions), module_id
            checked += 1
    assert checked


def test_a_project_can_keep_the_disagreements_in_the_student_edition(project_dir: Path) -> None:
    settings = project_dir / "packet.toml"
    settings.write_text(
        settings.read_text("utf-8") + "disagreement_prompts = false\n", encoding="utf-8"
    )
    project = load_project(project_dir)
    student = assemble(project, project.lessons["1-roots"], "student")
    body = normalise(plain(student.modules[0].body_html))
    assert "was officially formed in 1968" in body and "Find both versions." not in body


def test_the_whole_unit_ends_with_a_final_task_on_its_documents(
    built: Path, repo_project: Project
) -> None:
    """The enquiry on the cover and the task; the task names its documents by their letters
    in this lesson; the mark scheme is the teacher's alone."""
    packet = assemble(repo_project, repo_project.lessons["whole-unit"], "student")
    letters = {d.id: d.letter for d in packet.documents}
    task = repo_project.lessons["whole-unit"].entry.task
    assert task is not None and packet.task is not None
    expected = [letters[d] for d in task.documents]
    assert packet.task.documents == f"Documents {', '.join(expected[:-1])} and {expected[-1]}"
    student = normalise(" ".join(pdf_text(built / "whole-unit-student.pdf")))
    teacher = normalise(" ".join(pdf_text(built / "whole-unit-teacher.pdf")))
    enquiry = normalise(repo_project.lessons["whole-unit"].entry.enquiry or "")
    assert student.index(enquiry) < student.index("Contents")  # on the cover
    assert student.index("Plan your answer") > student.index("DOCUMENT A")
    assert "Plan your answer" in student and "Sentence starters" in student
    level = normalise(task.mark_scheme[0])[:40]
    assert level not in student and level in teacher


def test_a_final_task_on_a_document_the_lesson_does_not_print_is_an_error(
    project_dir: Path,
) -> None:
    lesson = project_dir / "content/lessons/1-roots.yaml"
    text = lesson.read_text("utf-8").replace(
        "documents: [beginnings-travel-page, origins-encyclopedia, civil-war-encyclopedia]",
        "documents: [beginnings-travel-page, duch-travel-page, no-such-document]",
    )
    assert "duch-travel-page" in text  # the edit took
    lesson.write_text(text, encoding="utf-8")
    errors = [str(p) for p in check_project(load_project(project_dir)).problems]
    assert any(
        "uses document 'duch-travel-page', which this lesson does not print" in e for e in errors
    )
    assert any("unknown document 'no-such-document'" in e for e in errors)


def test_a_disagreement_block_is_checked(project_dir: Path) -> None:
    origins = project_dir / "content/modules/origins.md"
    text = origins.read_text("utf-8")
    origins.write_text(
        text.replace("::: disagreement founding-date", "::: disagreement nope"), "utf-8"
    )
    project = load_project(project_dir)
    [warning] = [str(p) for p in check_project(project).warnings]
    assert re.match(
        r"content/modules/origins.md:\d+:1: warning: unknown disagreement 'nope'", warning
    )
    student = assemble(project, project.lessons["1-roots"], "student")
    assert "was officially formed in 1968" in normalise(plain(student.modules[0].body_html))
    origins.write_text(
        text.replace("::: disagreement founding-date", "::: disagreement death-toll"), "utf-8"
    )
    [error] = [str(p) for p in check_project(load_project(project_dir)).errors]
    assert "disagreement 'death-toll' is not one of this module's" in error


@pytest.mark.parametrize("lesson", ["whole-unit", "1-roots", "3-s21", "5-justice"])
def test_a_spare_is_no_second_right_answer_and_comes_from_the_lesson_first(
    repo_project: Project, lesson: str
) -> None:
    """No listed term's definition names a spare's term ("mass graves" in the killing
    fields' would make "mass grave" a second right answer), and the spares are the lesson's
    own key terms where it has enough (a term the lesson never uses is ruled out unread)."""
    from packet.activities import _lesson_terms, _names, _spares

    modules = repo_project.lessons[lesson].entry.modules
    chosen, rest = _lesson_terms(repo_project, modules)
    spares = _spares(repo_project, chosen, rest)
    assert len(spares) == SPARES
    for spare in spares:
        for term in chosen:
            assert not _names(term, spare) and not _names(spare, term), (spare.id, term.id)
    usable = [t for t in rest if not any(_names(t, c) or _names(c, t) for c in chosen)]
    assert all(s in rest for s in spares[: len(usable)])


def test_the_comparison_asks_what_each_source_was_written_for_and_keys_its_purpose(
    repo_project: Project,
) -> None:
    """The key to "what was it written for?" is the purpose the seed's record states (the
    Documents headnote's), not only a description of its format."""
    from packet.activities import SourceComparison
    from packet.markup import typeset

    packet = assemble(repo_project, repo_project.lessons["1-roots"], "teacher")
    [sheet] = [a for a in packet.activities if isinstance(a, SourceComparison)]
    [row] = [r for r in sheet.rows if "written for" in r.prompt]
    seeds = {seed.meta.short: seed for seed in repo_project.seeds.values()}
    for column, answer in zip(sheet.columns, row.answers, strict=True):
        meta = seeds[column].meta
        assert meta.purpose, column  # the unit's seeds state it: the test proves something
        assert plain(typeset(meta.purpose))[:40] in plain(answer), column
