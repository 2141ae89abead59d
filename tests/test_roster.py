"""Rosters as teachers have them (issue 24): the encodings, separators and headers that
spreadsheets and school systems export, and every bad roster refused at its line with
nothing built or written."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from conftest import run_packet, snapshot, starter_project
from packet.errors import ContentError, UsageError
from packet.roster import read_roster


def roster(tmp_path: Path, data: bytes, name: str = "9B.csv") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def names(path: Path) -> list[str]:
    return [s.name for s in read_roster(path).students]


def test_utf8_with_bom_commas_and_every_column(tmp_path: Path) -> None:
    text = "Name,Class,Variant\r\nAlice Martin,9B,\r\nNguyễn Thị Ánh,9B,Large print\r\n"
    path = roster(tmp_path, codecs.BOM_UTF8 + text.encode())
    students = read_roster(path).students
    assert [(s.name, s.group, s.variant, s.line, s.number) for s in students] == [
        ("Alice Martin", "9B", "standard", 2, 1),
        ("Nguyễn Thị Ánh", "9B", "large-print", 3, 2),
    ]


def test_windows_1252_with_semicolons(tmp_path: Path) -> None:
    # Excel on a French or German Windows: the list separator is ";" and "CSV" is cp1252.
    path = roster(tmp_path, "STUDENT;Form\nZoë Brontë;9B\nFrançois Müller;9B\n".encode("cp1252"))
    assert names(path) == ["Zoë Brontë", "François Müller"]
    assert read_roster(path).students[0].group == "9B"


def test_utf16_tabs_as_excel_unicode_text(tmp_path: Path) -> None:
    path = roster(tmp_path, "Pupil name\tclass\nسارة أحمد\t9B\nសុខ ចាន់\t9B\n".encode("utf-16"))
    assert names(path) == ["سارة أحمد", "សុខ ចាន់"]


def test_first_and_last_name_columns(tmp_path: Path) -> None:
    path = roster(tmp_path, b"Forename,Surname,Tutor Group\nAva,Thompson,9B\nNoah,Fischer,9B\n")
    assert names(path) == ["Ava Thompson", "Noah Fischer"]


def test_one_column_quoted_cells_and_empty_rows(tmp_path: Path) -> None:
    path = roster(tmp_path, b'name\n\n"O\'Connor, Liam"\n ,\n\nKiri Walker\n')
    students = read_roster(path).students
    assert [(s.name, s.line) for s in students] == [("O'Connor, Liam", 3), ("Kiri Walker", 6)]


def test_markup_is_text_and_invisible_marks_are_dropped(tmp_path: Path) -> None:
    path = roster(tmp_path, "Name\n<b>Bob</b> & Co\n\u200fسارة\u200e  أحمد\n".encode())
    assert names(path) == ["<b>Bob</b> & Co", "سارة أحمد"]


def test_a_name_twice_is_a_warning_at_its_line(tmp_path: Path) -> None:
    path = roster(tmp_path, b"Name\nAva Thompson\nNoah Fischer\nava  thompson\n")
    read = read_roster(path)
    assert len(read.students) == 3
    assert [str(w) for w in read.warnings] == [
        f"{path}:4: warning: the same name as line 2 — both copies carry it; add an initial "
        "to tell them apart"
    ]
    # The same name in two classes (a year group's roster) is two students.
    other = roster(tmp_path, b"Name,Class\nAva Thompson,9B\nAva Thompson,9C\n", "year.csv")
    assert read_roster(other).warnings == ()


@pytest.mark.parametrize(
    ("data", "line", "message"),
    [
        (
            b"Pupil ID,Class\n1,9B\n",
            1,
            "no name column in the header row",
        ),
        (b"Name,Variant\nAva,standard\nNoah,huge\n", 3, "unknown variant in the Variant column"),
        # UTF-8 but for one line saved elsewhere: refused there, not read as Windows-1252
        # (which would print every UTF-8 name garbled, "Nguyá»…n").
        ("Name\nNguyễn Thị Ánh\n".encode() + b"Jos\xe9\n", 3, "this line is not text"),
        (b"Name,Class\nAva,9B\n,9B\n", 3, "no name in this row"),
        (b"Name\n" + b"A" * 81 + b"\n", 2, "the name is over 80 characters"),
        (b"Name\nAva\x07 Thompson\n", 2, "the name holds a control character"),
        (b"Name\nAva\nNo\x81ah\n", 3, "this line is not text in UTF-8, UTF-16 or Windows-1252"),
        (b"Name\n", 1, "the roster has a header but no students"),
        (b'Name\n"Ava\nNoah\n', 2, "this row runs on over several lines"),
    ],
)
def test_a_bad_roster_is_an_error_at_its_line(
    tmp_path: Path, data: bytes, line: int, message: str
) -> None:
    path = roster(tmp_path, data)
    with pytest.raises(ContentError) as caught:
        read_roster(path)
    assert any(
        p.where.line == line and p.message.startswith(message) for p in caught.value.problems
    ), [str(p) for p in caught.value.problems]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"PK\x03\x04" + b"\x00" * 40, "a spreadsheet workbook, not a CSV file"),
        (b"Name\x00\x00\x01", "not a text file"),
        (b"   \n\n", "the roster is empty"),
    ],
)
def test_a_file_that_is_no_roster(tmp_path: Path, data: bytes, message: str) -> None:
    path = roster(tmp_path, data)
    with pytest.raises((UsageError, ContentError)) as caught:
        read_roster(path)
    assert message in str(caught.value)


def test_too_many_students(tmp_path: Path) -> None:
    rows = "".join(f"Student {n}\n" for n in range(301))
    with pytest.raises(ContentError, match="more than 300 students"):
        read_roster(roster(tmp_path, ("Name\n" + rows).encode()))


def test_bad_rosters_through_the_command_build_and_write_nothing(tmp_path: Path) -> None:
    project = starter_project(tmp_path / "unit")
    before = snapshot(project)
    cases = {
        "header.csv": (b"ID,Form\n1,9B\n", 1, "header.csv:1: no name column"),
        "variant.csv": (b"Name,Variant\nAva,\nNoah,huge\n", 1, "variant.csv:3: unknown variant"),
        "missing.csv": (None, 2, "--roster"),
    }
    for name, (data, status, message) in cases.items():
        path = tmp_path / name
        if data is not None:
            path.write_bytes(data)
        done = run_packet("print", "example", "--roster", str(path), cwd=project)
        assert done.returncode == status, done.stderr
        assert message in done.stderr
        assert "Traceback" not in done.stderr
        assert snapshot(project) == before  # no output folder, no edition built


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_its_byte_order_mark(tmp_path: Path, encoding: str) -> None:
    path = roster(tmp_path, "Name,Class\nZoë Brontë,9B\nسارة أحمد,9B\n".encode(encoding))
    assert names(path) == ["Zoë Brontë", "سارة أحمد"]


def test_rows_that_are_not_students_are_said(tmp_path: Path) -> None:
    path = roster(tmp_path, b"Name,Class\nAva,9B\nname,CLASS\nHaddad, Amira,9B\n")
    read = read_roster(path)
    assert [s.name for s in read.students] == ["Ava", "Haddad"]
    assert [(w.where.line, w.message) for w in read.warnings] == [
        (3, "this row repeats the header row; it is skipped"),
        (4, "this row has more cells than the header has columns; the extra ones are left out"),
    ]


def test_messages_point_at_lines_never_at_names(tmp_path: Path) -> None:
    """A roster without a header, or with its columns shifted: its first student's name
    and the cell read as a variant are someone's name, and stay out of the messages."""
    for data in (b"Amira Haddad,9B\nAva Thompson,9B\n", b"Name,Variant\n9B,Amira\n"):
        with pytest.raises(ContentError) as caught:
            read_roster(roster(tmp_path, data))
        assert "Amira" not in str(caught.value)
