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

A missing manifest, or one from another version of packet, is an empty cache: the
cost is a full build, never a wrong one. A manifest is signed with a key of this user on
this machine (`machine_key`), so one that came with a shared unit — which could call any
file in output/ up to date, or skip the check of the unit's quotations — is never trusted.
A manifest packet cannot read (damaged, not packet's, signed elsewhere) is an empty cache
too, and the build says so (`Manifest.unreadable`); it then writes a good one in its place.

Files are hashed through `files.read_file`, like every other read of a project: a
file packet will not read (a link out of the project, a named pipe) is hashed as the
reason it is refused, so the build loads the project and reports it.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import json
import os
import secrets
from collections.abc import Callable, Iterable, Mapping
from dataclasses import asdict, dataclass, field
from functools import cache
from importlib import metadata
from pathlib import Path
from typing import Any, TypeVar

from . import __version__
from .errors import BuildError, Location, Problem, Severity
from .files import MAX_FONT_BYTES, MAX_OUTPUT_BYTES, Refused, read_file, write_atomic
from .layout import (
    INPUT_FOLDERS,
    LESSONS,
    MODULES,
    PROJECT_FILE,
    input_roots,
    lesson_file,
    module_file,
)

MANIFEST = ".packet-build.json"
MANIFEST_VERSION = 1
MAX_MANIFEST_BYTES = 50_000_000
KEY_BYTES = 32
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
    """Entries under `folder` that are not folders (files, links, pipes...), skipping hidden
    ones (editor swap files, .DS_Store) and backups."""
    for path in sorted(folder.rglob("*")):
        parts = path.relative_to(folder).parts
        hidden = any(part.startswith(".") for part in parts) or path.name.endswith("~")
        if not hidden and (path.is_symlink() or not path.is_dir()):
            yield path


def _file_hash(path: Path, roots: list[Path]) -> str:
    """The SHA-256 of a project file, or of why packet will not read it."""
    try:
        return _sha256(read_file(path, roots, limit=MAX_FONT_BYTES))
    except Refused as exc:
        return digest("refused", str(exc))


def project_files(root: Path) -> dict[str, str]:
    """Every input file of a project, as relative path -> SHA-256 of its bytes."""
    files: dict[str, str] = {}
    roots = input_roots(root)
    toml = root / PROJECT_FILE
    if toml.exists() or toml.is_symlink():
        files[PROJECT_FILE] = _file_hash(toml, roots)
    for name in INPUT_FOLDERS:
        folder = root / name
        if folder.is_symlink():  # loading reports the files it holds as outside the project
            files[name] = digest("link", str(folder.resolve()))
            continue
        for path in _visible_files(folder):
            files[path.relative_to(root).as_posix()] = _file_hash(path, roots)
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
    own_lesson = lesson_file(lesson)
    own_modules = {module_file(m) for m in modules}
    return sorted(
        path
        for path in files
        if not (path.startswith(f"{LESSONS}/") and path != own_lesson)
        and not (path.startswith(f"{MODULES}/") and path not in own_modules)
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


T = TypeVar("T")


def _signature(data: Mapping[str, Any]) -> str:
    """The manifest `data` signed with this machine's key (its canonical JSON)."""
    canonical = json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hmac.new(machine_key(), canonical.encode("utf-8"), hashlib.sha256).hexdigest()


def user_cache() -> Path:
    """packet's folder in the user's cache (`~/.cache/packet`), for what serves every project."""
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "packet"


def remembered(
    kind: str, key: str, make: Callable[[], bytes], limit: int, most: int | None = None
) -> bytes:
    """`make()`, kept in the user's cache as `<kind>/<key>` for every later build on this
    machine; `key` must be a digest of everything the bytes depend on. The file carries the
    SHA-256 of its bytes, so a damaged one is made again; a cache that cannot be read or
    written only costs the time of making them. With `most`, the folder keeps that many
    files, the least recently made going first."""
    path = user_cache() / kind / key
    with contextlib.suppress(OSError, ValueError):
        with path.open("rb") as handle:
            kept = handle.read(limit + 65)
        check, _, data = kept.partition(b"\n")
        if len(data) <= limit and check.decode("ascii") == _sha256(data):
            return data
    data = make()
    with contextlib.suppress(OSError, BuildError):
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        write_atomic(path, _sha256(data).encode("ascii") + b"\n" + data)
        if most is not None:
            _keep_newest(path.parent, most)
    return data


def _keep_newest(folder: Path, most: int) -> None:
    """Delete all but the `most` newest files of `folder` (packet's own cache folder)."""
    files = [entry for entry in os.scandir(folder) if entry.is_file(follow_symlinks=False)]
    if len(files) <= most:
        return
    files.sort(key=lambda entry: entry.stat(follow_symlinks=False).st_mtime_ns)
    for entry in files[: len(files) - most]:
        with contextlib.suppress(OSError):
            Path(entry.path).unlink()


@cache
def machine_key() -> bytes:
    """A secret of this user on this machine, kept in the user's cache folder and made on
    first use. Where it cannot be kept, a key for this process alone: outputs are then
    rebuilt by every new command, never wrongly trusted."""
    folder = user_cache()
    path = folder / "build-key"
    for _ in range(2):
        try:
            key = path.read_bytes()
            if len(key) == KEY_BYTES:
                return key
            return secrets.token_bytes(KEY_BYTES)  # not packet's: leave it alone
        except FileNotFoundError:
            pass
        except OSError:
            break
        try:
            folder.mkdir(parents=True, exist_ok=True, mode=0o700)
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            continue  # another packet made it just now: read theirs
        except OSError:
            break
        key = secrets.token_bytes(KEY_BYTES)
        with os.fdopen(fd, "wb") as handle:
            handle.write(key)
        return key
    return secrets.token_bytes(KEY_BYTES)


def _checked(value: Any, kind: type[T] | tuple[type, ...], what: str) -> T:
    """`value` if it is of `kind`; TypeError naming `what` otherwise."""
    if not isinstance(value, kind) or (isinstance(value, bool) and kind is not bool):
        raise TypeError(f"{what} has the wrong type")
    return value  # type: ignore[return-value]


def _problem(data: Any) -> Problem:
    data = _checked(data, dict, "a problem")
    return Problem(
        Location(
            _checked(data["path"], str, "path"),
            _checked(data["line"], int, "line"),
            _checked(data["col"], int, "col"),
        ),
        _checked(data["message"], str, "message"),
        _checked(data["hint"], str, "hint"),
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
    unreadable: str = ""  # why the file in OUT could not be used, if it could not
    _loaded: str = field(default="", repr=False)  # what the file held, to write only changes

    def __post_init__(self) -> None:
        self._loaded = self._text()
        self.written = False  # an output was recorded since loading

    @classmethod
    def load(cls, out: Path) -> Manifest:
        """The manifest in `out`; an empty one if there is none, it is from another version
        of packet, or it cannot be read (then `unreadable` says why)."""
        path = out / MANIFEST
        if not path.exists() and not path.is_symlink():
            return cls(path)
        try:
            data = json.loads(read_file(path, [out], limit=MAX_MANIFEST_BYTES))
        except Refused as exc:
            return cls(path, unreadable=str(exc))
        except (ValueError, RecursionError) as exc:
            return cls(path, unreadable=f"not JSON ({exc})")
        if isinstance(data, dict) and data.get("version") != MANIFEST_VERSION:
            return cls(path)  # written by another version of packet
        if isinstance(data, dict) and not hmac.compare_digest(
            str(data.pop("signature", "")), _signature(data)
        ):
            return cls(
                path,
                unreadable="written elsewhere (on another machine, or shipped with the unit), "
                "so its record of what is up to date is not trusted",
            )
        try:
            return cls._from_data(path, data)
        except (ValueError, KeyError, TypeError) as exc:
            return cls(path, unreadable=f"not a build record of packet's ({exc})")

    @classmethod
    def _from_data(cls, path: Path, data: Any) -> Manifest:
        """The manifest `data` describes; TypeError or KeyError if it is not one."""
        data = _checked(data, dict, "the file")
        outputs = {}
        for name, built in _checked(data["outputs"], dict, "outputs").items():
            built = _checked(built, dict, name)
            pages = built["pages"]
            if pages is not None and (not isinstance(pages, int) or isinstance(pages, bool)):
                raise TypeError(f"{name}: pages must be a number")
            outputs[name] = Built(
                _checked(built["key"], str, "key"),
                _checked(built["sha256"], str, "sha256"),
                pages,
                [_problem(p) for p in _checked(built["warnings"], list, "warnings")],
            )
        lessons = {
            name: [_checked(m, str, "modules") for m in _checked(modules, list, name)]
            for name, modules in _checked(data["lessons"], dict, "lessons").items()
        }
        return cls(
            path,
            _checked(data["fingerprint"], str, "fingerprint"),
            [_problem(p) for p in _checked(data["problems"], list, "problems")],
            lessons,
            outputs,
        )

    def up_to_date(self, name: str, key: str, out: Path) -> Built | None:
        """The record of `name` if it was built with `key` and is unchanged on disk."""
        built = self.outputs.get(name)
        if built is None or built.key != key:
            return None
        try:
            data = read_file(out / name, [out], limit=MAX_OUTPUT_BYTES)
        except Refused:
            return None
        return built if _sha256(data) == built.sha256 else None

    def record(
        self, name: str, key: str, data: bytes, pages: int | None, warnings: list[Problem]
    ) -> None:
        self.outputs[name] = Built(key, _sha256(data), pages, warnings)
        self.written = True

    def save(self) -> None:
        """Write the manifest if it changed; if it cannot be written, the next build is full."""
        from .files import write_atomic

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
        }
        return json.dumps({**data, "signature": _signature(data)}, indent=1, ensure_ascii=False)
