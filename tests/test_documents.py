"""Documents A, B…: excerpts of the seeds in packet's own numbered lines, and the checks that
keep them, and the questions on them, true — each check shown firing on a small broken
example in the starter project, and the unit's documents read back from the PDFs."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import VARIANTS, flat, pdf_text, run_packet
from packet.check import check_project
from packet.documents import LINE_WIDTH, blocks
from packet.errors import Problem
from packet.model import Project
from packet.project import load_project

DOCUMENTS = Path("content/documents.yaml")
MODULE = Path("content/modules/new-birth-of-freedom.md")


def problems(root: Path, level: str = "") -> list[str]:
    """Every problem check reports (of `level`: "error", "warning"; never notes), as it
    prints them."""
    found: list[Problem] = check_project(load_project(root)).problems
    return [
        str(p)
        for p in found
        if p.severity.value == level or (not level and p.severity.value != "note")
    ]


def edit(root: Path, path: Path, old: str, new: str) -> None:
    text = (root / path).read_text(encoding="utf-8")
    assert old in text, f"{old!r} is not in {path}"
    (root / path).write_text(text.replace(old, new, 1), encoding="utf-8")


def test_the_starter_documents_check_quietly(fresh: Path) -> None:
    assert problems(fresh) == []


def test_lines_are_packets_own_and_omissions_are_marked(fresh: Path) -> None:
    project = load_project(fresh)
    printed = blocks(project.documents["address"], project.seeds["gettysburg"])
    assert [b.kind for b in printed] == ["text", "omission", "text", "note"]
    numbers = [line.number for b in printed if b.kind == "text" for line in b.lines]
    assert numbers == list(range(1, 10))  # numbered on across the omission
    assert [line.shown for b in printed for line in b.lines if line.shown] == ["5"]
    assert all(len(line.text) <= LINE_WIDTH for b in printed for line in b.lines)
    # the words, run on, are the passage: nothing lost or added at the breaks
    first = " ".join(line.text for line in printed[0].lines)
    assert first == (
        "Four score and seven years ago our fathers brought forth on this continent, a new "
        "nation, conceived in Liberty, and dedicated to the proposition that all men are "
        "created equal."
    )
    assert printed[3].lines[0].text == "[The speech goes on for three more sentences.]"


def test_an_excerpt_not_in_its_seed_is_an_error(fresh: Path) -> None:
    edit(fresh, DOCUMENTS, "conceived in Liberty", "conceived in freedom")
    [error] = problems(fresh, "error")
    assert error.startswith("content/documents.yaml:10:7: excerpt “Four score")
    assert "is not in seed 'gettysburg'" in error


def test_an_excerpt_from_the_seeds_boilerplate_is_an_error(fresh: Path) -> None:
    record = fresh / "seeds/gettysburg-address.txt.meta.yaml"
    record.write_text(
        record.read_text("utf-8") + "boilerplate:\n  - Abraham Lincoln.\n", encoding="utf-8"
    )
    edit(
        fresh, DOCUMENTS, "    - note: The speech", "    - Abraham Lincoln.\n    - note: The speech"
    )
    assert any("comes from the seed's boilerplate" in p for p in problems(fresh, "error"))


def test_a_question_naming_a_missing_line_is_an_error(fresh: Path) -> None:
    edit(fresh, DOCUMENTS, "In lines 1–4,", "In lines 8–12,")
    [error] = problems(fresh, "error")
    assert error == (
        "content/documents.yaml:15:7: the question points at line 12, but the document "
        "has 9 numbered lines — renumber the reference to match the printed line numbers"
    )


def test_a_key_quoting_other_lines_than_its_question_names_is_a_warning(fresh: Path) -> None:
    edit(fresh, DOCUMENTS, "In lines 1–4,", "In lines 5–9,")
    [warning] = problems(fresh, "warning")
    assert warning.startswith(
        "content/documents.yaml:16:7: warning: the model answer quotes “the proposition that "
        "all men are created equal”, which is not in the lines the question names (it is in "
        "lines 3–4)"
    )


def test_a_key_quoting_another_paragraph_than_its_question_names_is_a_warning(
    fresh: Path,
) -> None:
    """The S-21 question 3 fault: the key quoted paragraph 3 for a question on paragraph 4."""
    edit(fresh, MODULE, "In paragraph 2, what does", "In paragraph 3, what does")
    [warning] = problems(fresh, "warning")  # the key's one cited quotation
    assert warning.startswith(
        "content/modules/new-birth-of-freedom.md:15:5: warning: the model answer quotes “can "
        "never forget what they did here”, which is not in the paragraphs the question names "
        "(it is in paragraph 2)"
    )


def test_a_quotation_that_drops_what_it_depends_on_is_a_warning(fresh: Path) -> None:
    """Two of the heuristic's rules on the starter's seed (tests/test_clauses.py has them
    all): a quotation that drops the "not" before it, and one that stops on "but"."""
    body = "He ends with a purpose"
    quoted = "Lincoln says “we can not hallow” [@gettysburg] the ground.\n\n" + body
    edit(fresh, MODULE, body, quoted)
    assert problems(fresh) == []  # the negation is quoted with its verb
    edit(fresh, MODULE, "“we can not hallow”", "we can not “hallow”")
    [warning] = problems(fresh, "warning")
    assert warning.startswith("content/modules/new-birth-of-freedom.md:39:25:")
    assert "quotation “hallow”" in warning and "not" in warning
    edit(
        fresh,
        MODULE,
        "we can not “hallow”",
        "“The world will little note, nor long remember what we say here, but” [@gettysburg]",
    )
    [warning] = problems(fresh, "warning")
    assert "quotation “The world will little note, nor long remember …”" in warning
    assert "“but”" in warning or "'but'" in warning or '"but"' in warning


def test_a_document_a_lesson_does_not_print_is_an_error_where_named(fresh: Path) -> None:
    edit(
        fresh,
        MODULE,
        "This packet has only one source.",
        "See [doc:address]. This packet has only one source.",
    )
    assert problems(fresh) == []
    edit(fresh, Path("content/lessons/example.yaml"), "[documents, ", "[")
    [error] = problems(fresh, "error")
    assert error.startswith("content/lessons/example.yaml:1:1: content/modules/")
    assert "names document 'address', which this lesson does not print" in error
    edit(fresh, MODULE, "[doc:address]", "[doc:speech]")
    assert "unknown document 'speech'" in " ".join(problems(fresh, "error"))


def test_answer_space_is_sized_to_what_the_question_asks(fresh: Path) -> None:
    edit(fresh, DOCUMENTS, "      space: short", "      space: line")
    assert problems(fresh) == []  # one thing, no explanation: a line will do
    edit(
        fresh,
        DOCUMENTS,
        "dedicated to?",
        "dedicated to? Why does he begin with the nation's founding?",
    )
    [warning] = problems(fresh, "warning")
    assert "the question asks 2 things, one of them an explanation, with 1 answer line" in warning
    assert warning.endswith("give it space: long")


def test_documents_print_after_the_activities_wherever_they_are_listed(fresh: Path) -> None:
    edit(
        fresh,
        Path("content/lessons/example.yaml"),
        "[documents, timeline,",
        "[timeline, documents,",
    )
    out = fresh / "output"
    run_packet("build", "example", "--format", "html", "--edition", "student", cwd=fresh)
    html = (out / "example-student.html").read_text("utf-8")
    order = [html.index(f'id="{anchor}"') for anchor in ("section-documents", "section-timeline")]
    assert order == sorted(order)
    assert 'id="q-doc_address-1"' in html
    text = flat(re.sub(r"<[^>]+>", " ", html))
    assert "Document A" in text and "Lincoln’s address at the Gettysburg cemetery" in text
    assert "Rights: Public domain." in text
    assert "Author Abraham Lincoln" in text and "Purpose To dedicate a cemetery" in text


# -- the unit's documents, as printed ----------------------------------------------------


def _printed_lines(path: Path) -> set[str]:
    """Every line of text the PDF prints, flattened."""
    return {flat(line) for page in pdf_text(path) for line in page.split("\n") if line.strip()}


@pytest.mark.parametrize("variant", ["standard", *VARIANTS])
def test_every_document_line_prints_whole_on_one_line(
    built: Path, built_variants: Path, repo_project: Project, variant: str
) -> None:
    """ "Document A, line 12" is one line in every variant: each of packet's lines is a line of
    the PDF (a line the page wrapped would print as two)."""
    out = built if variant == "standard" else built_variants / variant
    for lesson in repo_project.lessons.values():
        chosen = repo_project.documents_of(lesson)
        if not chosen:
            continue
        # double-sided is a layout, not a variant of the file name
        suffix = "" if variant in ("standard", "double-sided") else f"-{variant}"
        pdf = out / f"{lesson.id}-student{suffix}.pdf"
        printed = _printed_lines(pdf)
        for document in chosen:
            for block in blocks(document, repo_project.seeds[document.entry.seed]):
                for line in block.lines:
                    expected = flat(f"{line.shown} {line.text}" if line.shown else line.text)
                    assert expected in printed, f"{pdf.name}: {expected!r} is not one line"


def test_every_lesson_prints_its_documents_with_their_letters(
    built: Path, repo_project: Project
) -> None:
    for lesson in repo_project.lessons.values():
        chosen = repo_project.documents_of(lesson)
        assert chosen, f"{lesson.id} has no documents"
        text = flat(" ".join(pdf_text(built / f"{lesson.id}-student.pdf")))
        for index, document in enumerate(chosen):
            letter = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"[index]
            assert f"DOCUMENT {letter} {document.entry.title.replace(chr(39), '’')}" in text
        assert "[doc:" not in text


def test_the_origins_quotation_that_dropped_its_main_clause_is_flagged(project_dir: Path) -> None:
    """The fault the unit had: exact words, begun where "partly because" explains a clause
    the quotation leaves out. Put back, check flags it; the unit as corrected is quiet."""
    origins = Path("content/modules/origins.md")
    assert problems(project_dir) == []
    edit(
        project_dir,
        origins,
        "“for many years they made little headway against Sihanouk from their bases",
        "they operated “from their bases",
    )
    [warning] = problems(project_dir, "warning")
    assert re.match(r"content/modules/origins.md:\d+:\d+: warning", warning)
    assert (
        "quotation “from their bases in remote jungle and mountain …” begins "
        'mid-sentence and explains something it leaves out ("partly because" belongs to '
        "“…made little headway against Sihanouk”)"
    ) in warning


def test_a_lesson_without_documents_answers_only_for_its_modules_questions(fresh: Path) -> None:
    """A document the lesson does not print takes its questions with it: what they name is
    no concern of the lesson's; its modules' questions still are."""
    edit(fresh, DOCUMENTS, "In lines 1–4,", "In lines 1–4 of [doc:address],")
    edit(fresh, Path("content/lessons/example.yaml"), "[documents, ", "[")
    assert problems(fresh) == []
    edit(fresh, MODULE, "This packet has only one source.", "Read [doc:address].")
    [error] = problems(fresh, "error")
    assert "names document 'address', which this lesson does not print" in error
