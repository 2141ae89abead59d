"""Where things are in a packet project, light enough for every command to import.

packet.toml   settings (its folder is the project)
content/      modules, lessons, timeline, glossary, disagreements, documents, guidance
seeds/        the source documents and their records
templates/    the project's overrides of packet's theme
output/       what `packet build` writes
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from itertools import combinations
from pathlib import Path

from .errors import UsageError

PROJECT_FILE = "packet.toml"
CONTENT, SEEDS, TEMPLATES = "content", "seeds", "templates"
INPUT_FOLDERS = (CONTENT, SEEDS, TEMPLATES)
OUTPUT_FOLDER = "output"
# Inside the project, as project-relative POSIX paths (`root / MODULES` is the folder):
MODULES = f"{CONTENT}/modules"  # one Markdown file per module, `<id>.md`
LESSONS = f"{CONTENT}/lessons"  # one YAML file per lesson, `<id>.yaml`
TIMELINE = f"{CONTENT}/timeline.yaml"
GLOSSARY = f"{CONTENT}/glossary.yaml"
DISAGREEMENTS = f"{CONTENT}/disagreements.yaml"
DOCUMENTS = f"{CONTENT}/documents.yaml"  # excerpts of the seeds reprinted as Document A, B…
GUIDANCE = f"{CONTENT}/guidance.md"  # the teacher edition's note on teaching with care
RECORD_SUFFIX = ".meta.yaml"  # a seed's record, beside it in seeds/: `<seed file>.meta.yaml`
FONTS_CSS = "fonts.css"  # the @font-face rules, in templates/ or packet's theme
NAME_MAX = 64  # lesson and module ids, which name output files
# An id: of a seed, module, lesson, event, term. Lower-case letters, digits and hyphens.
ID_PATTERN = r"[a-z0-9][a-z0-9-]*"


def is_id(text: str) -> bool:
    """Whether `text` is an id packet accepts (at most NAME_MAX characters)."""
    return len(text) <= NAME_MAX and re.fullmatch(ID_PATTERN, text) is not None


def module_file(module: str) -> str:
    """A module's file, relative to the project: `content/modules/<id>.md`."""
    return f"{MODULES}/{module}.md"


def lesson_file(lesson: str) -> str:
    """A lesson's file, relative to the project: `content/lessons/<id>.yaml`."""
    return f"{LESSONS}/{lesson}.yaml"


def record_file(seed_file: str) -> str:
    """The record of the seed `seeds/<seed_file>`, relative to the project."""
    return f"{SEEDS}/{seed_file}{RECORD_SUFFIX}"


def text_file(seed_file: str) -> str:
    """The text extracted from the PDF, Word or OpenDocument seed `seeds/<seed_file>`,
    relative to the project: what its quotations are checked against."""
    return f"{SEEDS}/{seed_file}.txt"


def output_name(lesson: str, edition: str, fmt: str, variant: str = "") -> str:
    """The file an output is written to: `3-s21-student.pdf`, `3-s21-teacher-large-print.pdf`."""
    return f"{lesson}-{edition}{variant}.{fmt}"


# What an output's name carries for a print variant, in this order (`BuildRequest.suffix`),
# and every combination of them.
VARIANTS = ("-support", "-large-print", "-booklet")
VARIANT_SUFFIXES = tuple(
    "".join(chosen) for n in range(1, len(VARIANTS) + 1) for chosen in combinations(VARIANTS, n)
)


def export_name(lesson: str, to: str) -> str:
    """A lesson's questions for a learning platform: `3-s21-questions.qti.zip`."""
    from .choices import EXPORTS

    return f"{lesson}-questions{EXPORTS[to]}"


def printout_name(lesson: str, printout: str, variant: str = "") -> str:
    """A teacher's printout: `3-s21-answer-key.pdf`, `3-s21-large-print-answer-key.pdf`,
    `3-s21-lesson-plan.pdf`."""
    return f"{lesson}{variant}-{printout}.pdf"


def inside(path: Path, roots: Iterable[Path]) -> bool:
    """Whether `path` (already resolved) is one of `roots` or lies under one of them."""
    return any(path == root or root in path.parents for root in roots)


def input_roots(root: Path) -> list[Path]:
    """What a project's files may be read from (see `files.read_file`): packet.toml and the
    input folders — never the project's .git, its outputs or anything else beside them."""
    real = root.resolve()
    return [real / PROJECT_FILE, *(real / name for name in INPUT_FOLDERS)]


def default_output(root: Path) -> Path:
    """The project's output/ folder, where packet writes unless told otherwise with --out.

    A shared unit may hold an `output` that is a link to a folder elsewhere on the machine;
    packet never writes (or clears its leftovers) there without being told to.
    """
    out = root / OUTPUT_FOLDER
    if out.is_symlink():
        target = out.resolve()
        real_root = root.resolve()
        if not inside(target, [real_root]):
            raise UsageError(
                f"{out}: is a link to a folder outside the project ({target}); packet writes "
                "there only when told to — delete the link, or name the folder with --out"
            )
        hidden = any(part.startswith(".") for part in target.relative_to(real_root).parts)
        if target == real_root or hidden:
            raise UsageError(
                f"{out}: is a link to the project's own folder or a hidden one ({target}) — "
                "delete the link, or name the folder with --out"
            )
        if inside(target, input_roots(root)):
            raise UsageError(
                f"{out}: is a link into the project's own files ({target}); outputs there "
                "would be read as content — delete the link, or name the folder with --out"
            )
    return out


def find_project(start: Path) -> Path:
    """The nearest folder at or above `start` that holds packet.toml."""
    start = start.resolve()
    for folder in (start, *start.parents):
        if (folder / PROJECT_FILE).is_file():
            return folder
    raise UsageError(
        f"no {PROJECT_FILE} found in {start} or any folder above it — "
        "run packet inside a packet project, pass --project DIR, or create one with `packet init`"
    )
