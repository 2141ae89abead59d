"""Word files (issue 25): `--format docx` writes each edition from the packet view the PDF
is made from. Read back with python-docx (styles, headings, questions, answer lines, tables,
properties) and converted by LibreOffice headless, the engine that stands in here for Word
and Google Docs (neither can run on this machine). Without LibreOffice the conversion test
is skipped, unless PACKET_OFFICE_TESTS=required (as in CI), when that is a failure."""

from __future__ import annotations

import os
import shutil
import subprocess
import zipfile
from collections import Counter
from pathlib import Path

import docx
import pytest

from conftest import REPO, copy_project, run_packet, starter_project
from packet.assemble import Packet, assemble
from packet.i18n import Words
from packet.project import load_project
from packet.wordfile import ANSWER_LINE, LINES, MODEL_ANSWER, NUMBERED, QUESTION

LESSON = "whole-unit"
EDITIONS = ("student", "teacher", "report")
REQUIRED = os.environ.get("PACKET_OFFICE_TESTS") == "required"
SOFFICE = shutil.which("soffice")
if SOFFICE is None and REQUIRED:
    pytest.fail("LibreOffice is required (apt-get install libreoffice-writer-nogui)")


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("word") / "project")
    for edition in ("both", "report"):
        done = run_packet("build", LESSON, "--format", "docx", "--edition", edition, cwd=project)
        assert done.returncode == 0, done.stderr
    return project / "output"


@pytest.fixture(scope="module")
def packets() -> dict[str, Packet]:
    project = load_project(REPO)
    return {e: assemble(project, project.lessons[LESSON], e) for e in EDITIONS}


def read(built: Path, edition: str) -> docx.document.Document:
    return docx.Document(str(built / f"{LESSON}-{edition}.docx"))


def styles_of(document: docx.document.Document) -> Counter[str]:
    """How many paragraphs of each style, tables' cells included."""
    counted = Counter(p.style.name for p in document.paragraphs)
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                counted.update(p.style.name for p in cell.paragraphs)
    return counted


def all_text(document: docx.document.Document) -> str:
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts += [cell.text for cell in row.cells]
    return "\n".join(parts)


def plain(html: str) -> str:
    import re
    from html import unescape

    return " ".join(unescape(re.sub(r"<[^>]+>", "", html)).split())


def test_the_student_edition_in_real_styles(built: Path, packets: dict[str, Packet]) -> None:
    packet = packets["student"]
    document = read(built, "student")
    styles = styles_of(document)
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    # Every section a heading of its own, in order, after the cover's lesson title.
    titles = [f"{m.number}. {m.title}" for m in packet.modules]
    assert [h for h in headings if h in titles] == titles
    assert "Contents" in headings and "Glossary" in headings and "Timeline" in headings
    assert styles["Title"] == 1 and styles[NUMBERED] > 20
    # Each question once, numbered, in the Question style; ruled lines by its answer space.
    questions = [q for m in packet.modules for q in m.questions]
    questions += [q for d in packet.documents for q in d.questions]
    asked = [" ".join(p.text.split()) for p in document.paragraphs if p.style.name == QUESTION]
    for question in questions:
        assert f"{question.number}. {plain(question.html)}" in asked
    activities = 1 if any(a.kind == "source-comparison" for a in packet.activities) else 0
    task = 3 if packet.task else 0  # the final task: three long spaces, as in print
    lines = sum(LINES[q.space] for q in questions) + LINES["long"] * (activities + task)
    assert styles[ANSWER_LINE] == lines
    assert styles[MODEL_ANSWER] == 0
    # The worksheets' instructions, as the PDF gives them.
    text = all_text(document)
    for instruction in ("A blank line (______) hides the term", "(latest). Work from the",
                        "These events are in order.", "Read both sources’ sections"):  # fmt: skip
        assert instruction in text
    # The timeline and glossary as tables, a row each.
    sizes = {len(t.rows) for t in document.tables}
    assert len(packet.timeline) + 1 in sizes and len(packet.glossary) + 1 in sizes
    props = document.core_properties
    assert props.title == f"{packet.title}: {packet.lesson_title}"
    assert props.language == packet.language


def test_the_teacher_edition_has_the_answers(built: Path, packets: dict[str, Packet]) -> None:
    packet = packets["teacher"]
    document = read(built, "teacher")
    styles = styles_of(document)
    answered = sum(1 for m in packet.modules for q in m.questions if q.answer_html)
    answered += sum(1 for d in packet.documents for q in d.questions if q.answer_html)
    notes = sum(
        1 for a in packet.activities if a.kind == "source-comparison" for _ in a.judgement_notes
    )
    assert styles[MODEL_ANSWER] >= answered + notes
    assert styles[ANSWER_LINE] == 0
    text = all_text(document)
    assert "TEACHER EDITION" in text and "Teacher notes" in text
    assert "What a historian makes of it:" in text
    assert "Provenance Summary" in text
    for module in packet.modules:  # each passage a section rests on, quoted
        for part in module.provenance:
            for passage in part.passages:
                assert f"“{passage}”" in text
    assert document.core_properties.title.endswith("(Teacher Edition)")


def test_the_report_has_no_classroom_furniture(built: Path) -> None:
    document = read(built, "report")
    styles = styles_of(document)
    assert styles[QUESTION] == 0 and styles[ANSWER_LINE] == 0 and styles[MODEL_ANSWER] == 0
    text = all_text(document)
    assert "Name:" not in text and "REPORT" in text and "Matching Key Terms" not in text


def test_the_same_packet_gives_the_same_bytes(built: Path, tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    done = run_packet("build", LESSON, "--format", "docx", "--edition", "student", cwd=project)
    assert done.returncode == 0, done.stderr
    name = f"{LESSON}-student.docx"
    assert (project / "output" / name).read_bytes() == (built / name).read_bytes()


@pytest.mark.skipif(SOFFICE is None, reason="no LibreOffice on this machine")
def test_libreoffice_opens_every_edition(
    built: Path, packets: dict[str, Packet], tmp_path: Path
) -> None:
    """LibreOffice converts each file without an error, and the PDF it makes holds the
    packet's text: every section title, question and glossary term."""
    files = [str(built / f"{LESSON}-{e}.docx") for e in EDITIONS]
    profile = (tmp_path / "profile").as_uri()  # LibreOffice's own settings, kept out of ~
    done = subprocess.run(
        [SOFFICE, "--headless", "--norestore", f"-env:UserInstallation={profile}",
         "--convert-to", "pdf", "--outdir", str(tmp_path), *files],
        capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    import pypdfium2 as pdfium

    for edition in EDITIONS:
        pdf = pdfium.PdfDocument(tmp_path / f"{LESSON}-{edition}.pdf")
        try:
            # Without spaces: a line may break after a dash.
            text = "".join(
                "".join(pdf[i].get_textpage().get_text_range().split()) for i in range(len(pdf))
            )
        finally:
            pdf.close()
        packet = packets[edition]

        def found(words: str, text: str = text) -> bool:
            return "".join(words.split()) in text

        for module in packet.modules:
            assert found(module.title), (edition, module.title)
            for question in module.questions:
                assert found(plain(question.html)), question.html
        for term in packet.glossary:
            assert found(term.term)


def test_text_that_looks_like_markup_is_written_as_text(tmp_path: Path) -> None:
    """A title or term with `<b>` or `&` in it is printed as written, as in the PDF."""
    project = starter_project(tmp_path / "unit")
    module = project / "content/modules/new-birth-of-freedom.md"
    text = module.read_text(encoding="utf-8")
    module.write_text(
        text.replace("title: A New Birth of Freedom", 'title: "A <b>New</b> Birth & Freedom"', 1),
        encoding="utf-8",
    )
    done = run_packet("build", "example", "--format", "docx", "--edition", "student", cwd=project)
    assert done.returncode == 0, done.stderr
    document = docx.Document(str(project / "output/example-student.docx"))
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert "1. A <b>New</b> Birth & Freedom" in headings


def test_what_the_pdf_prints_the_word_file_keeps(tmp_path: Path) -> None:
    """Found by a review of the Word files: a control character in a title (which the PDF
    shows as an empty box) stopped the build; figures were dropped; nested and numbered
    lists ran together; the paper was always Letter; starters ended "… …"."""
    from PIL import Image

    project = starter_project(tmp_path / "unit")
    Image.new("RGB", (900, 600), "white").save(tmp_path / "poster.png")
    done = run_packet(
        "pull", str(tmp_path / "poster.png"), "--figure", "--alt", "A white poster",
        "--credit", "Made for the test", cwd=project,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    module = project / "content/modules/new-birth-of-freedom.md"
    text = module.read_text(encoding="utf-8")
    text = text.replace("title: A New Birth of Freedom", 'title: "A New\\x07 Birth"', 1)
    text += (
        "\n- Outer one\n  - Inner A\n  - Inner B\n- Outer two\n\n1. First\n2. Second\n\n"
        "Between the lists.\n\n1. Again first\n\n![The poster](figure:poster)\n"
    )
    module.write_text(text, encoding="utf-8")
    done = run_packet(
        "build", "example", "--format", "all", "--edition", "student", "--support", cwd=project
    )
    assert done.returncode == 0, done.stderr
    document = docx.Document(str(project / "output/example-student-support.docx"))
    texts = [p.text for p in document.paragraphs]
    assert "1. A New Birth" in texts  # the control character dropped, the rest kept
    assert [t for t in texts if t in ("Outer one", "Inner A", "Inner B", "Outer two")] == [
        "Outer one", "Inner A", "Inner B", "Outer two",
    ]  # fmt: skip
    assert [t for t in texts if t.endswith(("First", "Second", "Again first"))] == [
        "1. First", "2. Second", "1. Again first",
    ]  # fmt: skip
    assert len(document.inline_shapes) == 1
    assert document.inline_shapes[0]._inline.docPr.get("descr") == "A white poster"
    assert not any("… …" in t or "….." in t for t in texts)
    section = document.sections[0]
    assert (round(section.page_width.cm, 1), round(section.page_height.cm, 1)) == (21.0, 29.7)


def languages_of(paragraph: docx.text.paragraph.Paragraph) -> set[str | None]:
    """The `w:lang` each run of `paragraph` is marked with (None: the paragraph's own)."""
    from docx.oxml.ns import qn

    found = set()
    for run in paragraph.runs:
        mark = run._r.find(f"{qn('w:rPr')}/{qn('w:lang')}")
        found.add(None if mark is None else mark.get(qn("w:val")))
    return found


def test_the_word_file_speaks_the_packets_language(tmp_path: Path) -> None:
    """`--language fr` on an English project (issue 27): the Word file's own words are the
    catalogue's French, as in the HTML packet — headings, labels, table headers, the cover,
    the title — and its numbers are written the French way; the content stays as the
    project wrote it, in its language, and packet's French words are marked French."""
    from babel.numbers import format_decimal

    project = starter_project(tmp_path / "unit")
    done = run_packet(
        "build", "example", "--format", "docx", "--edition", "both", "--language", "fr",
        cwd=project,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    fr = Words("fr")
    for english in ("Contents", "Model answer", "Name", "Teacher Edition", "Event"):
        assert fr.say(english) != english  # the catalogue has it: the test can tell
    teacher = docx.Document(str(project / "output/example-teacher.docx"))
    student = docx.Document(str(project / "output/example-student.docx"))
    loaded = load_project(project)
    packet = assemble(loaded, loaded.lessons["example"], "teacher")

    headings = {p.text: p for p in teacher.paragraphs if p.style.name == "Heading 1"}
    assert fr.say("Contents") in headings and "Contents" not in headings
    module = packet.modules[0]
    assert f"{module.number}. {module.title}" in headings  # the content as written
    answers = [p for p in teacher.paragraphs if p.style.name == MODEL_ANSWER]
    assert answers and answers[0].text.startswith(fr.say("Model answer"))
    text = all_text(teacher)
    assert "Model answer" not in text and "Contents" not in text
    assert fr.say("Teacher Edition").upper() in text
    assert teacher.core_properties.title.endswith(f"({fr.say('Teacher Edition')})")
    headers = [cell.text for table in teacher.tables for cell in table.rows[0].cells]
    assert fr.say("Event") in headers and "Event" not in headers
    # The reading grade, with a decimal comma.
    assert module.reading is not None
    grade = format_decimal(module.reading.grade, format="0.0", locale="fr")
    assert "," in grade and grade in text and f"{module.reading.grade:.1f}" not in text
    # The student's name line.
    assert any(p.text.startswith(fr.say("Name")) and "____" in p.text for p in student.paragraphs)
    assert not any(p.text.startswith("Name:") for p in student.paragraphs)
    # The document and its content are English; packet's words in it are marked French.
    assert teacher.core_properties.language == "en"
    assert languages_of(headings[fr.say("Contents")]) == {"fr"}
    assert languages_of(headings[f"{module.number}. {module.title}"]) == {None}
    assert "fr" in languages_of(answers[0]) and None in languages_of(answers[0])


def test_english_words_are_marked_only_where_the_content_is_not_english(tmp_path: Path) -> None:
    """An English packet's Word file marks no run with a language of its own: its words
    and its content are one language (and its bytes stay as they were)."""
    project = starter_project(tmp_path / "unit")
    done = run_packet(
        "build", "example", "--format", "docx", "--edition", "teacher", "--language", "en",
        cwd=project,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    with zipfile.ZipFile(project / "output/example-teacher.docx") as docx_file:
        body = docx_file.read("word/document.xml").decode("utf-8")
    assert "<w:lang" not in body
    document = docx.Document(str(project / "output/example-teacher.docx"))
    assert any(p.text.startswith("Model answer: ") for p in document.paragraphs)
