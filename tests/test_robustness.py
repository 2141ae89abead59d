"""Interrupted builds, structurally valid PDFs, and property tests over content.

* A build stopped halfway — Ctrl-C or a hard kill — leaves the previous outputs intact and no
  temporary file once the next build starts (a real subprocess and a real signal).
* Every PDF the tests build passes qpdf's structural check (through pikepdf) with no warning
  and carries no attachment, JavaScript, launch action or file: link.
* hypothesis: any module text, front-matter value or lesson file ends in a built packet or a
  clean error — never a traceback — and sentinel words survive into the PDF's text layer.
"""

from __future__ import annotations

import signal
import subprocess
import time
from pathlib import Path

import pikepdf
import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import pdf_text, run_packet, start_packet, starter_project
from packet.cli import main
from packet.errors import ContentError
from packet.files import output_folder, write_atomic
from packet.project import load_project, toml_error, tomllib

PREVIOUS = b"%PDF-1.7 the previous good output\n"


@pytest.mark.parametrize("how", [signal.SIGINT, signal.SIGKILL], ids=["ctrl-c", "kill"])
def test_a_build_stopped_halfway_keeps_the_previous_output(
    project_dir: Path, how: signal.Signals
) -> None:
    out = project_dir / "output"
    out.mkdir()
    (out / "whole-unit-student.pdf").write_bytes(PREVIOUS)
    process = start_packet(
        "build", "whole-unit", "--edition", "student", "--format", "pdf",
        cwd=project_dir, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    time.sleep(2.5)  # imports done, the 38-page render under way
    assert process.poll() is None, "the build finished before it could be interrupted"
    process.send_signal(how)
    _, stderr = process.communicate(timeout=60)
    assert process.returncode != 0
    assert (out / "whole-unit-student.pdf").read_bytes() == PREVIOUS
    if how == signal.SIGINT:
        assert process.returncode == 130 and "interrupted" in stderr and "Traceback" not in stderr
        assert not list(out.glob(".*.part"))
    # The next build clears any leftover and writes a complete PDF.
    again = run_packet(
        "build", "3-s21", "--edition", "student", "--format", "pdf", cwd=project_dir, timeout=120
    )
    assert again.returncode == 0, again.stderr
    assert not list(out.glob(".*.part"))
    assert (out / "whole-unit-student.pdf").read_bytes() == PREVIOUS


def assert_clean_pdf(path: Path) -> None:
    with pikepdf.Pdf.open(path) as pdf:
        assert pdf.check_pdf_syntax() == [], path.name
        assert len(pdf.attachments) == 0
        root = pdf.Root
        assert "/OpenAction" not in root and "/AA" not in root
        names = root.get("/Names")
        assert names is None or "/JavaScript" not in names
        for page in pdf.pages:
            for annot in page.get("/Annots", []):
                action = annot.get("/A")
                if action is None:
                    continue
                assert action.get("/S") not in ("/JavaScript", "/Launch", "/ImportData")
                uri = str(action.get("/URI", ""))
                assert not uri.lower().startswith(("file:", "javascript:")), uri


def test_every_built_pdf_is_structurally_valid_and_inert(built: Path) -> None:
    pdfs = sorted(built.glob("*.pdf"))
    assert len(pdfs) == 28  # seven lessons: two editions, the answer key and the lesson plan
    for path in pdfs:
        assert_clean_pdf(path)


def test_booklet_and_large_print_pdfs_are_structurally_valid(project_dir: Path) -> None:
    for flag in ("--booklet", "--large-print"):
        result = CliRunner().invoke(
            main, ["--project", str(project_dir), "build", "3-s21", "--edition", "teacher",
                   "--format", "pdf", flag],
        )  # fmt: skip
        assert result.exit_code == 0, result.output
    for path in (project_dir / "output").glob("*.pdf"):
        assert_clean_pdf(path)


# -- property tests -----------------------------------------------------------------------

SENTINEL = "Zebrafinch"
# Text a teacher might type or paste: letters, digits, punctuation, Markdown syntax,
# symbols, other scripts, controls; anything at all short of a NUL byte.
ANY_TEXT = st.text(
    st.characters(codec="utf-8", exclude_characters="\x00"), min_size=0, max_size=300
)


@pytest.fixture(scope="module")
def scratch(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small project (packet init's example), so 200 examples per target stay quick."""
    return starter_project(tmp_path_factory.mktemp("property") / "project")


def run_check(root: Path) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["--project", str(root), "check"])
    return result.exit_code, result.output


def assert_clean_outcome(code: int, output: str) -> None:
    assert code in (0, 1), output
    assert "Traceback" not in output and "internal error" not in output, output
    if code == 1:
        # every problem line names a file and a line
        lines = [x for x in output.splitlines() if ": " in x and not x.startswith("packet")]
        assert lines and all(":" in x.split(" ")[0] for x in lines), output


SLOW = settings(
    max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@SLOW
@given(ANY_TEXT)
def test_any_module_text_checks_cleanly(scratch: Path, text: str) -> None:
    module = scratch / "content" / "modules" / "property.md"
    module.write_text(
        "---\ntitle: Property\nsummary: S.\nquestions:\n  - ask: Q?\n    answer: A.\n"
        "provenance:\n  - seed: gettysburg\n    passage: Four score\n---\n"
        f"{SENTINEL} {text}\n",
        encoding="utf-8",
    )
    try:
        assert_clean_outcome(*run_check(scratch))
    finally:
        module.unlink()


@SLOW
@given(ANY_TEXT, st.sampled_from(["title", "summary", "advisory"]))
def test_any_lesson_value_checks_cleanly(scratch: Path, text: str, key: str) -> None:
    lesson = scratch / "content" / "lessons" / "property.yaml"
    fields = {"title": "T", "modules": "[new-birth-of-freedom]"}
    value = text.replace("\\", "\\\\").replace('"', '\\"')
    fields[key] = f'"{value}"'
    lesson.write_text("".join(f"{k}: {v}\n" for k, v in fields.items()), encoding="utf-8")
    try:
        assert_clean_outcome(*run_check(scratch))
    finally:
        lesson.unlink()


@SLOW
@given(ANY_TEXT)
def test_any_front_matter_checks_cleanly(scratch: Path, text: str) -> None:
    module = scratch / "content" / "modules" / "property.md"
    module.write_text(f"---\n{text}\n---\nBody.\n", encoding="utf-8")
    try:
        assert_clean_outcome(*run_check(scratch))
    finally:
        module.unlink()


@settings(
    max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
# Latin-script text, which the shipped fonts cover; other scripts are the glyph tests' job.
@given(st.lists(st.text(st.characters(codec="latin-1", categories=["L", "N", "P", "Zs"]),
                        min_size=1, max_size=40), min_size=1, max_size=4))  # fmt: skip
def test_sentinel_words_survive_into_the_pdf(scratch: Path, paragraphs: list[str]) -> None:
    module = scratch / "content" / "modules" / "property.md"
    text = "\n\n".join(f"{SENTINEL}{i} {p}" for i, p in enumerate(paragraphs))
    module.write_text(
        "---\ntitle: Property\nsummary: S.\nquestions:\n  - ask: Q?\n    answer: A.\n"
        "provenance:\n  - seed: gettysburg\n    passage: Four score\n---\n" + text + "\n",
        encoding="utf-8",
    )
    out = scratch / "out-property"
    try:
        result = CliRunner().invoke(
            main, ["--project", str(scratch), "build", "--modules", "property", "--name", "prop",
                   "--edition", "student", "--format", "pdf", "--out", str(out)],
        )  # fmt: skip
        assert_clean_outcome(result.exit_code, result.output)
        if result.exit_code == 0:
            printed = "".join(pdf_text(out / "prop-student.pdf")).replace("\n", "")
            for i in range(len(paragraphs)):
                assert f"{SENTINEL}{i}" in printed
    finally:
        module.unlink()


# -- packet.toml syntax errors --------------------------------------------------------------


def toml_problems(root: Path, text: str) -> list[str]:
    (root / "packet.toml").write_text(text, encoding="utf-8")
    with pytest.raises(ContentError) as raised:
        load_project(root)
    return [str(p) for p in raised.value.problems if p.where.path == "packet.toml"]


def test_a_toml_syntax_error_names_its_line_and_column(project_dir: Path) -> None:
    problems = toml_problems(project_dir, '[packet]\ncourse = \ntitle = "T"\n')
    assert problems == ["packet.toml:2:10: TOML syntax: Invalid value"]


def test_a_toml_file_that_ends_mid_value_names_the_end(project_dir: Path) -> None:
    """The line and column just after the last character (tomllib before Python 3.14 said
    only "at end of document")."""
    problems = toml_problems(project_dir, '[packet]\ncourse = "Modern')
    assert problems == ["packet.toml:2:17: TOML syntax: Unterminated string"]
    problems = toml_problems(project_dir, "[packet]\npaper = [1,\n")
    assert problems == ["packet.toml:3:1: TOML syntax: Invalid value"]


TOML_TEXT = st.text(st.sampled_from("[]{}=\"'#,.\n abc123"), max_size=40)


@settings(max_examples=300, deadline=None)
@given(TOML_TEXT)
def test_every_toml_error_is_placed_inside_the_file(text: str) -> None:
    """The line is one of the file's, the column at most one past that line's end."""
    try:
        tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        where, message = toml_error(exc)
        lines = text.split("\n")
        assert 1 <= where.line <= len(lines), (text, where)
        assert 1 <= where.col <= len(lines[where.line - 1]) + 1, (text, where)
        assert message and " (at " not in message, message


def test_a_build_stopped_while_writing_leaves_no_temporary_file(tmp_path: Path) -> None:
    """However a build ends — a signal the moment a temporary file exists, before its name
    was kept — packet's own temporary files go with it; anything else in the folder stays."""
    out = tmp_path / "output"
    with pytest.raises(KeyboardInterrupt), output_folder(out):
        (out / ".whole-unit-student.pdf.packet-abcd_123.part").write_bytes(b"%PDF-half")
        (out / "notes.part").write_bytes(b"the teacher's")
        raise KeyboardInterrupt
    assert sorted(p.name for p in out.iterdir()) == ["notes.part"]
    write_atomic(out / "a.pdf", b"%PDF-whole")
    assert sorted(p.name for p in out.iterdir()) == ["a.pdf", "notes.part"]
