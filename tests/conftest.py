"""Shared fixtures and the one way each test does a common thing.

Projects: a private copy of this repository's packet project (`project_dir`, `copy_project`),
a new one as `packet init` makes it (`fresh`, `starter_project`), and every lesson built once
(`built`). Processes: `packet` run to its end (`run_packet`) or started and left running
(`start_packet`), both the same command in the same environment. Files: `snapshot`, what a
folder holds, to compare before and after. Text: `pdf_text`, `flat`, `plain`, `ink_bounds_mm`.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
from collections import Counter
from collections.abc import Mapping
from html import unescape
from pathlib import Path
from typing import Any, Literal, overload

import pypdfium2 as pdfium
import pytest
from PIL import ImageOps
from pypdf import PdfReader

from packet.build import BuildRequest, build, default_jobs
from packet.graphic import Span
from packet.init import init_project
from packet.layout import INPUT_FOLDERS, PROJECT_FILE
from packet.model import Project
from packet.project import load_project

REPO = Path(__file__).resolve().parent.parent
PROJECT_PARTS = (PROJECT_FILE, *INPUT_FOLDERS)


def pytest_configure(config: pytest.Config) -> None:
    """Ctrl-C must reach the suite and the packet processes it starts: tests stop builds and
    `packet serve` with SIGINT. A shell without job control starts a background command
    (`(make test &)`) ignoring SIGINT, an ignored signal stays ignored in every process
    started from it, and those tests then fail or hang; the suite takes Ctrl-C back."""
    if signal.getsignal(signal.SIGINT) is signal.SIG_IGN:
        signal.signal(signal.SIGINT, signal.default_int_handler)


def copy_project(target: Path) -> Path:
    """Copy the repository's packet project (not its outputs or tooling) into `target`."""
    target.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        source = REPO / part
        if source.is_dir():
            shutil.copytree(source, target / part)
        elif source.is_file():
            shutil.copy2(source, target / part)
    return target


def starter_project(target: Path) -> Path:
    """Make `packet init`'s starter project (a small working example unit) in `target`."""
    init_project(target)
    return target


def student_html(project: Path, out: Path, language: str) -> Path:
    """The student HTML packet of `project`'s one lesson, built into `out` with packet's own
    words in `language`."""
    done = run_packet(
        "build", "--language", language, "--edition", "student", "--format", "html",
        "--out", str(out), cwd=project,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    (student,) = out.glob("*-student.html")
    return student


@pytest.fixture
def project_dir(tmp_path: Path) -> Path:
    return copy_project(tmp_path / "project")


@pytest.fixture
def fresh(tmp_path: Path) -> Path:
    """A new project, as `packet init unit` makes it."""
    return starter_project(tmp_path / "unit")


@pytest.fixture(scope="session")
def repo_project() -> Project:
    return load_project(REPO)


# -- the packet command in a process of its own ---------------------------------------------

PACKET = (sys.executable, "-m", "packet")


def packet_env(env: Mapping[str, str] | None = None) -> dict[str, str]:
    """The environment `packet` runs in: `env` (this process's by default), with no bytecode
    written into the checkout."""
    return {**(os.environ if env is None else env), "PYTHONDONTWRITEBYTECODE": "1"}


@overload
def run_packet(
    *args: str,
    cwd: Path,
    env: Mapping[str, str] | None = None,
    timeout: float = 300,
    text: Literal[True] = True,
) -> subprocess.CompletedProcess[str]: ...


@overload
def run_packet(
    *args: str,
    cwd: Path,
    env: Mapping[str, str] | None = None,
    timeout: float = 300,
    text: Literal[False],
) -> subprocess.CompletedProcess[bytes]: ...


def run_packet(
    *args: str,
    cwd: Path,
    env: Mapping[str, str] | None = None,
    timeout: float = 300,
    text: bool = True,
) -> subprocess.CompletedProcess[Any]:
    """`packet ARGS` run in `cwd` to its end, its stdout and stderr captured (as text, unless
    `text` is False); a run longer than `timeout` seconds is killed and fails the test."""
    return subprocess.run(
        [*PACKET, *args],
        cwd=cwd,
        env=packet_env(env),
        capture_output=True,
        text=text,
        timeout=timeout,
        check=False,
    )


def start_packet(
    *args: str, cwd: Path, env: Mapping[str, str] | None = None, **popen: Any
) -> subprocess.Popen[Any]:
    """`packet ARGS` started in `cwd` and left running, for a test that signals it or reads it
    as it goes; `popen` are subprocess.Popen's own options (pipes, text, session). Its pipes
    are closed by `communicate()` or by ending a `with` block on it."""
    return subprocess.Popen([*PACKET, *args], cwd=cwd, env=packet_env(env), **popen)


# -- files and text --------------------------------------------------------------------------


def snapshot(root: Path, *, times: bool = False) -> dict[str, object]:
    """Everything under `root`, by its path there, as `held` gives it; a missing `root` holds
    nothing."""
    return {
        path.relative_to(root).as_posix(): held(path, times) for path in sorted(root.rglob("*"))
    }


def held(path: Path, times: bool = False) -> object:
    """A file's bytes (with `times`, paired with when it was last written), where a link
    points, or None for a folder."""
    if path.is_symlink():
        return f"-> {path.readlink()}"
    if path.is_dir():
        return None
    return (path.read_bytes(), path.stat().st_mtime_ns) if times else path.read_bytes()


def pdf_text(path: Path) -> list[str]:
    """The text layer of each page, with soft hyphens from line breaks joined."""
    return [
        (page.extract_text() or "").replace("\u2010\n", "").replace("-\n", "-")
        for page in PdfReader(path).pages
    ]


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory, repo_project: Project) -> Path:
    """Every lesson of the repository, both editions, PDF and HTML, built in strict mode."""
    out = tmp_path_factory.mktemp("built")
    build(repo_project, BuildRequest(out=out, strict=True, jobs=default_jobs()))
    return out


VARIANTS: dict[str, dict[str, Any]] = {
    "large-print": {"large_print": True},
    "booklet": {"booklet": True},
    "double-sided": {"double_sided": True},
    "support": {"support": True},
}


@pytest.fixture(scope="session")
def built_variants(tmp_path_factory: pytest.TempPathFactory, repo_project: Project) -> Path:
    """Every lesson of the repository, both editions, PDF, strict, in each print variant of
    VARIANTS (one folder each; A4)."""
    out = tmp_path_factory.mktemp("variants")
    for name, options in VARIANTS.items():
        request = BuildRequest(
            out=out / name, strict=True, formats=["pdf"], jobs=default_jobs(), **options
        )
        build(repo_project, request)
    return out


def spans_of(project: Project, modules: list[str] | None = None) -> list[Span]:
    """The timeline graphic's spans of the events of `modules` (every event if None)."""
    return [
        Span(
            e.when.label,
            e.entry.title,
            e.when.start_fraction,
            e.when.end_fraction,
            e.when.approximate,
            e.entry.period,
        )
        for e in project.events
        if modules is None or set(e.entry.modules) & set(modules)
    ]


def _halves(side: Any) -> list[list[tuple[str, float]]]:
    """The text of a booklet side's left and right halves: each run of text with its printed
    size in pt. A drawing's text is left out: pypdf reads it in the drawing's own units."""
    middle = float(side.mediabox.width) / 2
    halves: list[list[tuple[str, float]]] = [[], []]

    def visit(text: str, cm: list[float], tm: list[float], font: Any, size: float) -> None:
        if cm[:4] != [1, 0, 0, 1]:  # not in a drawing
            x = tm[4] * cm[0] + cm[4]
            halves[x >= middle].append((text, round(abs(size * (tm[3] or 1) * cm[3]), 1)))

    side.extract_text(visitor_text=visit)
    return halves


def booklet_running_text(path: Path) -> float:
    """The size (pt, as printed) most of a booklet's section-opening pages are set in: the
    characters of each half of each side whose text has "SECTION " (a section's first page),
    counted by size."""
    sizes: Counter[float] = Counter()
    for side in PdfReader(path).pages:
        for half in _halves(side):
            if "SECTION " in "".join(text for text, _ in half):
                for text, size in half:
                    sizes[size] += sum(not char.isspace() for char in text)
    return sizes.most_common(1)[0][0]


def flat(text: str) -> str:
    """Text with every run of whitespace (line breaks included) as one space."""
    return " ".join(text.split())


def plain(html_text: str) -> str:
    """The visible text of an HTML fragment, flattened."""
    return flat(unescape(re.sub(r"<[^>]+>", "", html_text)))


def ink_bounds_mm(path: Path) -> list[tuple[float, float, float, float]]:
    """For each page, the (left, top, right, bottom) of everything drawn on it, in mm."""
    bounds = []
    for page in pdfium.PdfDocument(path):
        image = page.render(scale=0.5, grayscale=True).to_pil().convert("L")
        box = ImageOps.invert(image).point(lambda v: 255 if v > 40 else 0).getbbox()
        if box is not None:
            per_mm = image.size[0] / (page.get_width() / 72 * 25.4)
            bounds.append(tuple(v / per_mm for v in box))  # type: ignore[arg-type]
    return bounds


def _destinations(reader: PdfReader) -> dict[str, tuple[int, float]]:
    """Each element id the PDF names (WeasyPrint names every one) → its 0-based page and
    the height of its top on that page, in pt from the bottom."""
    return {
        name: (reader.get_destination_page_number(dest), float(dest.top or 0))
        for name, dest in reader.named_destinations.items()
    }


def _student_marks(page: Any) -> list[tuple[int, float]]:
    """The "Student p. N" marks on a pdfium page: (N, the top of its box in pt)."""
    text = page.get_textpage()
    searcher = text.search("Student p.", match_case=True)
    marks = []
    while (hit := searcher.get_next()) is not None:
        number = re.match(r"\s*(\d+)", text.get_text_range(hit[0] + hit[1], 6))
        if number:
            marks.append((int(number.group(1)), text.get_charbox(hit[0])[3]))
    return marks


# What a teacher edition marks with its student page: sections, activities, back sections
# and questions, by the ids the theme gives them.
MARKED = re.compile(r"(module|activity|section|document|q)-")


def student_page_mismatches(student: Path, teacher: Path) -> tuple[int, list[str]]:
    """How many parts of the student PDF the teacher PDF should mark with their page, and
    what it gets wrong: each must have, at the top of where it starts in the teacher PDF
    (within 15 mm below), a "Student p. N" mark giving the page it starts on in `student`."""
    in_student = {k: v for k, v in _destinations(PdfReader(student)).items() if MARKED.match(k)}
    in_teacher = _destinations(PdfReader(teacher))
    pages = pdfium.PdfDocument(teacher)
    wrong = []
    for name, (student_page, _) in sorted(in_student.items()):
        if name not in in_teacher:
            wrong.append(f"{name}: not in the teacher edition")
            continue
        page, top = in_teacher[name]
        near = [
            n for n, mark in _student_marks(pages[page]) if top - 15 * 72 / 25.4 < mark <= top + 1
        ]
        if near[:1] != [student_page + 1]:
            wrong.append(
                f"{name}: student p. {student_page + 1}, the teacher's p. {page + 1} shows {near}"
            )
    return len(in_student), wrong
