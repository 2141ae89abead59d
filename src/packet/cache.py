"""The build cache: an output whose inputs have not changed is not built again.

Every output has a key, a hash of everything that can change its bytes:

* the tool — packet's own code, theme and fonts, and the versions of the libraries
  that lay out and write the packet (`tool_fingerprint`);
* the build options that shape this output (edition, format, paper, large print, ...);
* the content of each project file the output depends on (`dependencies`): every
  file of the project except the lessons and modules the output does not use. So
  editing one module rebuilds only the lessons that use it, while a change to the
  glossary, timeline, seeds, templates or packet.toml rebuilds everything.

The keys of the last build live in OUT/.packet-build.json with the SHA-256 of
each file written. An output is skipped only when its key matches and the file
on disk still has the recorded hash, so a deleted or hand-edited output is
rebuilt. The same manifest keeps the result of the last `check` with the hash of
the whole project, so an unchanged project is not checked (or even loaded) again.

A missing, unreadable or foreign manifest is an empty cache: the cost is a full
build, never a wrong one.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass, field
from functools import cache
from importlib import metadata
from pathlib import Path
from typing import Any

from . import __version__
from .errors import BuildError, Location, Problem, Severity
from .layout import INPUT_FOLDERS, PROJECT_FILE

MANIFEST = ".packet-build.json"
MANIFEST_VERSION = 1
READING_KEPT = 500  # reading statistics remembered, most recent first to go last
PACKAGE = Path(__file__).parent
# Libraries whose version can change the bytes of an output.
RENDERING_LIBRARIES = (
    "weasyprint",
    "pydyf",
    "fonttools",
    "tinycss2",
    "cssselect2",
    "pyphen",
    "pillow",
    "jinja2",
    "markdown-it-py",
    "textstat",
    "pypdf",
)


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def digest(*parts: str) -> str:
    """One hash of several strings, unambiguous however they split."""
    return _sha256(json.dumps(parts, ensure_ascii=False).encode("utf-8"))


def _visible_files(folder: Path) -> Iterable[Path]:
    """Files under `folder`, skipping hidden ones (editor swap files, .DS_Store) and backups."""
    for path in sorted(folder.rglob("*")):
        parts = path.relative_to(folder).parts
        hidden = any(part.startswith(".") for part in parts) or path.name.endswith("~")
        if path.is_file() and not hidden:
            yield path


def project_files(root: Path) -> dict[str, str]:
    """Every input file of a project, as relative path -> SHA-256 of its bytes."""
    files: dict[str, str] = {}
    toml = root / PROJECT_FILE
    if toml.is_file():
        files[PROJECT_FILE] = _sha256(toml.read_bytes())
    for name in INPUT_FOLDERS:
        for path in _visible_files(root / name):
            files[path.relative_to(root).as_posix()] = _sha256(path.read_bytes())
    return files


@cache
def tool_fingerprint() -> str:
    """packet's code, theme and fonts, and the versions of the libraries that render."""
    hasher = hashlib.sha256(__version__.encode())
    for path in _visible_files(PACKAGE):
        if path.suffix != ".pyc":
            hasher.update(path.relative_to(PACKAGE).as_posix().encode())
            hasher.update(_sha256(path.read_bytes()).encode())
    for name in RENDERING_LIBRARIES:
        try:
            version = metadata.version(name)
        except metadata.PackageNotFoundError:
            version = "-"
        hasher.update(f"{name}={version}".encode())
    return hasher.hexdigest()


def project_fingerprint(files: Mapping[str, str]) -> str:
    return digest(tool_fingerprint(), *(f"{path}={sha}" for path, sha in sorted(files.items())))


def dependencies(files: Mapping[str, str], lesson: str, modules: Iterable[str]) -> list[str]:
    """The project files an output of `lesson` (using `modules`) depends on."""
    own_lesson = f"content/lessons/{lesson}.yaml"
    own_modules = {f"content/modules/{m}.md" for m in modules}
    return sorted(
        path
        for path in files
        if not (path.startswith("content/lessons/") and path != own_lesson)
        and not (path.startswith("content/modules/") and path not in own_modules)
    )


def output_key(files: Mapping[str, str], deps: Iterable[str], options: str) -> str:
    return digest(tool_fingerprint(), options, *(f"{path}={files[path]}" for path in deps))


def _problem_data(problem: Problem) -> dict[str, Any]:
    return {
        **asdict(problem.where),
        "message": problem.message,
        "hint": problem.hint,
        "severity": problem.severity.value,
    }


def _problem(data: Mapping[str, Any]) -> Problem:
    return Problem(
        Location(data["path"], data["line"], data["col"]),
        data["message"],
        data["hint"],
        Severity(data["severity"]),
    )


@dataclass
class Built:
    """What the manifest remembers of one output."""

    key: str
    sha256: str
    pages: int | None
    warnings: list[Problem] = field(default_factory=list)  # what rendering it reported


@dataclass
class Manifest:
    """OUT/.packet-build.json: the keys of the outputs in OUT and the last check's result."""

    path: Path
    fingerprint: str = ""  # the whole project's, when `problems` and `lessons` were recorded
    problems: list[Problem] = field(default_factory=list)  # the check's warnings
    lessons: dict[str, list[str]] = field(default_factory=dict)  # lesson -> its modules
    outputs: dict[str, Built] = field(default_factory=dict)  # file name -> what was written
    # Reading statistics by module text (see reading.py): loading textstat's pronouncing
    # dictionary takes a second, so a teacher edition rebuilt after an edit reuses them.
    reading: dict[str, list[float]] = field(default_factory=dict)
    _loaded: str = field(default="", repr=False)  # what the file held, to write only changes

    def __post_init__(self) -> None:
        self._loaded = self._text()
        self.written = False  # an output was recorded since loading

    @classmethod
    def load(cls, out: Path) -> Manifest:
        path = out / MANIFEST
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            if data.get("version") != MANIFEST_VERSION:
                return cls(path)
            return cls(
                path,
                data["fingerprint"],
                [_problem(p) for p in data["problems"]],
                {k: list(v) for k, v in data["lessons"].items()},
                {
                    name: Built(
                        built["key"],
                        built["sha256"],
                        built["pages"],
                        [_problem(p) for p in built["warnings"]],
                    )
                    for name, built in data["outputs"].items()
                },
                dict(data["reading"]),
            )
        except (OSError, ValueError, KeyError, TypeError):
            return cls(path)

    def up_to_date(self, name: str, key: str, out: Path) -> Built | None:
        """The record of `name` if it was built with `key` and is unchanged on disk."""
        built = self.outputs.get(name)
        if built is None or built.key != key:
            return None
        try:
            data = (out / name).read_bytes()
        except OSError:
            return None
        return built if _sha256(data) == built.sha256 else None

    def record(
        self, name: str, key: str, data: bytes, pages: int | None, warnings: list[Problem]
    ) -> None:
        self.outputs[name] = Built(key, _sha256(data), pages, warnings)
        self.written = True

    def save(self) -> None:
        """Write the manifest if it changed; if it cannot be written, the next build is full."""
        from .output import write_atomic

        text = self._text()
        if text == self._loaded:
            return
        with contextlib.suppress(BuildError):
            write_atomic(self.path, text.encode("utf-8"))
            self._loaded = text

    def _text(self) -> str:
        data = {
            "version": MANIFEST_VERSION,
            "fingerprint": self.fingerprint,
            "problems": [_problem_data(p) for p in self.problems],
            "lessons": self.lessons,
            "outputs": {
                name: {
                    "key": built.key,
                    "sha256": built.sha256,
                    "pages": built.pages,
                    "warnings": [_problem_data(p) for p in built.warnings],
                }
                for name, built in sorted(self.outputs.items())
            },
            "reading": dict(list(self.reading.items())[-READING_KEPT:]),
        }
        return json.dumps(data, indent=1, ensure_ascii=False)
