"""`packet init DIR`: a new packet project with a small working example.

The starter project (packet/starter/) holds packet.toml, one example seed (the
Gettysburg Address, public domain) with its record, a module, a timeline
event, a glossary term and a lesson, and an empty templates/ folder with
notes on overriding the theme. `packet build` builds it at once; `packet pull`
adds the teacher's own sources beside it.

DIR must be a new folder or an empty one. Anything else in the way (a file, a
folder in use, a link to nowhere) is a usage error saying what is there; a place
that cannot be written (another user's folder, a read-only disk, /proc) is an
error saying so. Nothing is left half-made: if copying fails part way, the files
and folders made so far are removed again.
"""

from __future__ import annotations

import contextlib
import errno
import shutil
import stat
from pathlib import Path

from .errors import BuildError, UsageError
from .files import kind_of
from .layout import OUTPUT_FOLDER, PROJECT_FILE

STARTER = Path(__file__).parent / "starter"


def init_project(target: Path) -> list[Path]:
    """Create the starter project in `target` (new or empty); return the files written."""
    try:
        place = target.absolute()  # not resolved: a link the teacher named stays one
    except FileNotFoundError as exc:
        raise UsageError(
            "the current folder no longer exists (it was deleted or moved) — cd into a "
            "folder that exists, or give the full path of the new project"
        ) from exc
    _check_place(target, place)
    folders: list[Path] = []  # what this run created, removed again should a step fail
    written: list[Path] = []
    try:
        for source in sorted(STARTER.rglob("*")):
            if source.is_file() and "__pycache__" not in source.parts:
                destination = place / source.relative_to(STARTER)
                _make_folders(destination.parent, folders)
                # "x": a file that appeared there meanwhile is never overwritten.
                with source.open("rb") as reading, destination.open("xb") as writing:
                    written.append(destination)
                    shutil.copyfileobj(reading, writing)
        _make_folders(place / OUTPUT_FOLDER, folders)
    except OSError as exc:
        for path in reversed(written):
            with contextlib.suppress(OSError):
                path.unlink()
        for path in reversed(folders):
            with contextlib.suppress(OSError):
                path.rmdir()
        raise BuildError(f"{target}: cannot create the project here: {_why(exc)}") from exc
    return written


def _check_place(shown: Path, place: Path) -> None:
    """Refuse, with what is in the way, anything but a new or empty folder at `place`."""
    try:
        status = place.stat()
    except FileNotFoundError:
        if place.is_symlink():
            raise UsageError(
                f"{shown}: is a link to {place.readlink()}, which does not exist — remove "
                "the link, create the folder it points to, or choose another name"
            ) from None
        _check_parent(shown, place)
        return
    except NotADirectoryError:
        _check_parent(shown, place)
        return
    except OSError as exc:  # a loop of links, a folder we may not look into
        what = "is a link that cannot be followed" if place.is_symlink() else "cannot be read"
        raise UsageError(f"{shown}: {what} ({exc.strerror or exc}) — choose another name") from exc
    if not stat.S_ISDIR(status.st_mode):
        kind = kind_of(status.st_mode)
        raise UsageError(f"{shown}: is {kind}, not a folder — choose a new or empty folder")
    try:
        project = (place / PROJECT_FILE).exists()
        in_use = any(place.iterdir())
    except OSError as exc:
        raise BuildError(
            f"{shown}: cannot look into the folder: {exc.strerror or exc} — choose a folder "
            "you may write to"
        ) from exc
    if project:
        raise UsageError(
            f"{shown}: is already a packet project ({PROJECT_FILE} is there) — build it, or "
            "choose a new or empty folder"
        )
    if in_use:
        raise UsageError(f"{shown}: is not empty — choose a new or empty folder")


def _check_parent(shown: Path, place: Path) -> None:
    """A new folder: the nearest thing above it that exists must be a folder."""
    for above in place.parents:
        try:
            status = above.stat()
        except (FileNotFoundError, NotADirectoryError):
            if above.is_symlink():
                raise UsageError(
                    f"{shown}: {above} is a link to {above.readlink()}, which does not "
                    "exist — remove the link, create the folder it points to, or choose "
                    "another place"
                ) from None
            continue
        except OSError:
            return  # creating the folder will say what is wrong
        if not stat.S_ISDIR(status.st_mode):
            kind = kind_of(status.st_mode)
            raise UsageError(
                f"{shown}: {above} is {kind}, not a folder — choose a place inside a folder"
            )
        return


def _make_folders(folder: Path, made: list[Path]) -> None:
    """Create `folder` and any missing folders above it, noting each one in `made`."""
    missing = []
    for path in (folder, *folder.parents):
        if path.is_dir():
            break
        missing.append(path)
    for path in reversed(missing):
        path.mkdir()
        made.append(path)


def _why(exc: OSError) -> str:
    """What went wrong creating the project, and what to do about it."""
    reason = exc.strerror or str(exc)
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return f"{reason} — free some disk space or choose another place"
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return f"{reason} — choose a folder you may write to, e.g. in your home folder"
    if exc.errno == errno.ENOENT:  # the folder above exists, yet holds no new folders: /proc
        return (
            "this place does not hold ordinary folders (a system folder such as /proc) — "
            "choose a folder you may write to, e.g. in your home folder"
        )
    return f"{reason} — choose a folder you may write to, e.g. in your home folder"
