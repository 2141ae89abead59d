"""A class list as teachers have it → `Roster`: who gets a copy, in which variant.

Rosters come out of spreadsheets and school systems: UTF-8 with or without a byte-order mark,
UTF-16 ("Unicode text"), Windows-1252; commas, semicolons (where the comma is the decimal
sign) or tabs; a header row in any case. The names may be in any script. A roster is private:
nothing here writes, logs or caches a name, and messages point at lines, never at names.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from .errors import ContentError, Location, Problem, Report, UsageError

Variant = Literal["standard", "large-print", "support"]
VARIANTS: tuple[Variant, ...] = ("standard", "large-print", "support")

MAX_BYTES = 1_000_000  # a school's whole year group is a few tens of kilobytes
MAX_STUDENTS = 300  # one print job; a year group is printed class by class
MAX_NAME = 80  # characters of a name or class, as the cover's field can hold them

# Header cells, compared case-folded with `_`, `-` and runs of spaces read as one space.
NAME_HEADERS = frozenset(
    {"name", "names", "student", "students", "student name", "pupil", "pupil name"}
    | {"full name", "learner", "learner name", "display name"}
)
FIRST_HEADERS = frozenset({"first name", "firstname", "forename", "given name", "first"})
LAST_HEADERS = frozenset({"last name", "lastname", "surname", "family name", "last"})
CLASS_HEADERS = frozenset(
    {"class", "class name", "form", "form group", "group", "tutor group", "homeroom"}
)
VARIANT_HEADERS = frozenset({"variant", "print variant", "edition", "copy"})
# A variant as a teacher may type it → the variant.
_VARIANT_WORDS: dict[str, Variant] = {
    "": "standard",
    "standard": "standard",
    "regular": "standard",
    "large print": "large-print",
    "large-print": "large-print",
    "largeprint": "large-print",
    "large": "large-print",
    "support": "support",
}
# Invisible characters a copy from a web page or a right-to-left cell brings along; dropped.
# Zero-width joiners (U+200C, U+200D) stay: Arabic, Persian and Indic names need them.
_INVISIBLE = re.compile("[\u200b\u200e\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]")
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class Student:
    name: str
    line: int  # where the roster names them: how messages and --only point at a student
    number: int = 1  # their place in the roster, from 1: the copy's number, its version
    group: str = ""  # the class column, printed in the cover's Class field
    variant: Variant = "standard"


@dataclass(frozen=True)
class Roster:
    path: Path
    students: tuple[Student, ...]
    warnings: tuple[Problem, ...] = ()

    @property
    def name(self) -> str:
        """What the class set's file is called after: `9B.csv` → `9B`."""
        return file_label(self.path.stem)

    @property
    def group(self) -> str:
        """The class the whole roster is, when its class column says one: else its name."""
        groups = {s.group for s in self.students if s.group}
        return groups.pop() if len(groups) == 1 else self.path.stem

    def only(self, name: str) -> Roster:
        """The students called `name` (case and spacing aside), for reprinting one copy."""
        wanted = _key(clean_name(name))
        chosen = tuple(s for s in self.students if _key(s.name) == wanted)
        if not chosen:
            raise UsageError(
                f"--only: no student of {self.path} has that name — give it as the roster "
                "spells it (case and spaces do not matter)"
            )
        return Roster(self.path, chosen, self.warnings)


def file_label(text: str) -> str:
    """`text` as a part of an output file's name: letters, digits, `-` and `_`."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    label = re.sub(r"[^A-Za-z0-9_-]+", "-", plain).strip("-_")
    return label[:40] or "roster"


def clean_name(cell: str) -> str:
    """A cell as printed: composed (NFC), invisible marks dropped, spaces as one."""
    text = _INVISIBLE.sub("", unicodedata.normalize("NFC", cell))
    return _SPACES.sub(" ", text).strip()


def _key(name: str) -> str:
    return name.casefold()


def read_roster(path: Path) -> Roster:
    """The roster at `path` (anywhere on the machine: it is the teacher's own file), or a
    ContentError with every problem at its line. Empty rows are skipped; a name twice is a
    warning."""
    shown = str(path)
    data = _read_bytes(path, shown)
    text = _decode(data, shown)
    rows = list(_rows(text, shown))
    report = Report()
    if not rows:
        raise ContentError([Problem(Location(shown), "the roster is empty — nobody to print for")])
    header_line, header = rows[0]
    columns = _Columns.find(header, Location(shown, header_line), report)
    students: list[Student] = []
    seen: dict[tuple[str, str], int] = {}
    headings = [_heading(cell) for cell in header]
    for line, cells in rows[1:]:
        where = Location(shown, line)
        if [_heading(cell) for cell in cells] == headings:  # two exports joined together
            report.warning(where, "this row repeats the header row; it is skipped")
            continue
        if any(cell.strip() for cell in cells[len(header) :]):
            report.warning(
                where,
                "this row has more cells than the header has columns; the extra ones are left out",
                'a name with a comma in it needs quotation marks: "Haddad, Amira"',
            )
        student = columns.student(cells, where, len(students) + 1, report) if columns else None
        if student is None:
            continue
        first = seen.setdefault((_key(student.name), _key(student.group)), line)
        if first != line:
            report.warning(
                where,
                f"the same name as line {first}",
                "both copies carry it; add an initial to tell them apart",
            )
        students.append(student)
    if columns and not students and not report.errors:
        report.error(Location(shown, header_line), "the roster has a header but no students")
    if len(students) > MAX_STUDENTS:
        report.error(
            Location(shown, students[MAX_STUDENTS].line),
            f"more than {MAX_STUDENTS} students in one roster",
            "print a class at a time: one roster file per class",
        )
    report.raise_errors()
    return Roster(path, tuple(students), tuple(report.warnings))


def _read_bytes(path: Path, shown: str) -> bytes:
    try:
        if not path.is_file():
            what = "does not exist" if not path.exists() else "is not a file"
            raise UsageError(f"--roster {shown}: {what}")
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise UsageError(
                f"--roster {shown}: {size:,} bytes — a class list is a few kilobytes; "
                f"is this the right file? (at most {MAX_BYTES:,})"
            )
        with path.open("rb") as stream:
            return stream.read(MAX_BYTES + 1)[:MAX_BYTES]
    except OSError as exc:
        raise UsageError(f"--roster {shown}: cannot be read ({exc.strerror})") from exc


def _decode(data: bytes, shown: str) -> str:
    """The roster's text: by its byte-order mark, else UTF-8, else Windows-1252 (what Excel on
    Windows saves as "CSV")."""
    if data.startswith(b"PK\x03\x04") or data.startswith(b"\xd0\xcf\x11\xe0"):
        raise UsageError(
            f"--roster {shown}: a spreadsheet workbook, not a CSV file — save it as CSV "
            "(in Excel: File → Save As → CSV UTF-8; in Google Sheets: File → Download → CSV)"
        )
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encodings: Sequence[str] = ("utf-16",)
    elif data.startswith(codecs.BOM_UTF8):
        encodings = ("utf-8-sig",)
    elif (utf16 := _utf16_without_mark(data)) is not None:
        encodings = (utf16,)
    elif _partly_utf8(data):  # Windows-1252 would turn its UTF-8 names into "Nguyá»…n"
        encodings = ("utf-8",)
    else:
        encodings = ("utf-8", "cp1252")
    failed: UnicodeDecodeError | None = None
    for encoding in encodings:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError as exc:
            failed = exc
            continue
        if "\x00" in text:
            raise UsageError(f"--roster {shown}: not a text file — save the roster as CSV UTF-8")
        return text
    line = data[: failed.start].count(b"\n") + 1 if failed else 1
    raise ContentError(
        [
            Problem(
                Location(shown, line),
                "this line is not text in UTF-8, UTF-16 or Windows-1252, or not in the "
                "encoding of the lines around it",
                "save the roster as CSV UTF-8",
            )
        ]
    )


def _utf16_without_mark(data: bytes) -> str | None:
    """UTF-16 saved without its byte-order mark, told by the zero bytes of its Latin
    letters: every other byte, from the first (big-endian) or the second (little-endian)."""
    sample = data[:4000]
    if len(sample) < 4 or b"\x00" not in sample:
        return None
    even, odd = sample[0::2], sample[1::2]
    if odd.count(0) > 0.3 * len(odd) and even.count(0) < 0.05 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.3 * len(even) and odd.count(0) < 0.05 * len(odd):
        return "utf-16-be"
    return None


def _partly_utf8(data: bytes) -> bool:
    """Whether some line holds letters beyond ASCII that read as UTF-8: a file that is UTF-8
    but for a line pasted from elsewhere (refused at that line, rather than every UTF-8
    name printed garbled)."""
    for line in data.splitlines():
        if max(line, default=0) > 0x7F:
            try:
                line.decode("utf-8")
            except UnicodeDecodeError:
                continue
            return True
    return False


def _rows(text: str, shown: str) -> Iterator[tuple[int, list[str]]]:
    """Each row that has anything in it, with the line it starts on."""
    header = next((line for line in text.splitlines() if line.strip()), "")
    # The header tells the separator: the one it uses most (a one-column roster has none).
    delimiter = max((",", ";", "\t"), key=header.count) if header else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    while True:
        line = reader.line_num + 1
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            raise ContentError(
                [Problem(Location(shown, line), f"not readable as CSV ({exc})")]
            ) from exc
        if any("\n" in cell or "\r" in cell for cell in cells):
            raise ContentError(
                [
                    Problem(
                        Location(shown, line),
                        'this row runs on over several lines: a quotation mark (") opens a '
                        "cell here and nothing closes it",
                        "delete the quotation mark or close it",
                    )
                ]
            )
        if any(cell.strip() for cell in cells):
            yield line, cells


def _heading(cell: str) -> str:
    return _SPACES.sub(" ", re.sub(r"[_\-]", " ", clean_name(cell).casefold())).strip()


@dataclass(frozen=True)
class _Columns:
    """Which cell of a row holds what: the name (or first and last names), class, variant."""

    name: int | None
    first: int | None
    last: int | None
    group: int | None
    variant: int | None

    @staticmethod
    def find(header: list[str], where: Location, report: Report) -> _Columns | None:
        headings = [_heading(cell) for cell in header]

        def column(names: frozenset[str]) -> int | None:
            return next((i for i, h in enumerate(headings) if h in names), None)

        columns = _Columns(
            column(NAME_HEADERS),
            column(FIRST_HEADERS),
            column(LAST_HEADERS),
            column(CLASS_HEADERS),
            column(VARIANT_HEADERS),
        )
        if columns.name is None and columns.first is None:
            # Its cells are not repeated: a roster without a header starts with a student.
            report.error(
                where,
                "no name column in the header row",
                "the first row names the columns: call the names' column Name or Student "
                "(and, if you like, add Class and Variant columns); if the first row is a "
                "student, add a header row above it",
            )
            return None
        return columns

    def student(
        self, cells: list[str], where: Location, number: int, report: Report
    ) -> Student | None:
        def cell(index: int | None) -> str:
            return clean_name(cells[index]) if index is not None and index < len(cells) else ""

        if self.name is not None:
            name = cell(self.name)
        else:
            name = f"{cell(self.first)} {cell(self.last)}".strip()
        group = cell(self.group)
        variant_cell = cell(self.variant)
        variant = _VARIANT_WORDS.get(_heading(variant_cell))
        problems = []
        if not name:
            problems.append(("no name in this row", "fill in the name or delete the row"))
        for value, what in ((name, "name"), (group, "class")):
            if len(value) > MAX_NAME:
                problems.append((f"the {what} is over {MAX_NAME} characters", "shorten it"))
            if any(unicodedata.category(c) == "Cc" for c in value):
                problems.append((f"the {what} holds a control character", "retype the cell"))
        if variant is None:  # not repeated: with the columns shifted, it is someone's name
            problems.append(
                (
                    "unknown variant in the Variant column",
                    f"use one of {', '.join(VARIANTS)} (empty is standard)",
                )
            )
        for message, hint in problems:
            report.error(where, message, hint)
        if problems or variant is None:
            return None
        return Student(name, where.line, number, group, variant)
