"""Every file packet reads from a project and every output it writes goes through here.

Reading (`read_file`): a project may come from someone else — a colleague's folder, a
download, a repository — so a file is read only if it is a regular file whose real
location is inside the folders it may come from (the project, packet's theme), and only
up to a size limit checked before reading. A symlink to a private key, a device that never
ends (/dev/zero), a named pipe that never answers: each is refused with what to do instead,
never read, never waited on.

Writing (`write_atomic`): a file is written to a temporary name in the same folder, flushed
to disk and renamed over the old one, so a failed or interrupted build never leaves a
partial file and never destroys the previous good one. Temporary names carry packet's own
mark (`.<name>.packet-<random>.part`), so clearing the leftovers of a killed build
(`output_folder`) never touches anyone else's files.
"""

from __future__ import annotations

import contextlib
import errno
import io
import os
import re
import secrets
import stat
import zipfile
from collections.abc import Iterable, Iterator
from pathlib import Path

from filelock import FileLock, Timeout

from .errors import BuildError
from .layout import inside

MAX_FILE_BYTES = 5_000_000  # content, seeds, templates, lessons, packet.toml
MAX_FONT_BYTES = 50_000_000  # a font covering a large script (CJK) is tens of MB
MAX_OUTPUT_BYTES = 2_000_000_000  # an output of packet's, read back
LOCK_NAME = ".packet-build.lock"
TEMP_MARK = ".packet-"
TEMP_SUFFIX = ".part"
# mkstemp's random part: eight characters of [a-z0-9_].
# The same bytes for the same content: every entry of a zip packet writes (a Word file, a
# quiz for a learning platform) carries this time, not the time of writing.
ZIP_TIME = (1980, 1, 1, 0, 0, 0)
_OWN_TEMP = re.compile(r"^\..+\.packet-[a-z0-9_]{8}\.part$")

_KINDS = (
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISREG, "a file"),
    (stat.S_ISFIFO, "a named pipe"),
    (stat.S_ISCHR, "a device"),
    (stat.S_ISBLK, "a device"),
    (stat.S_ISSOCK, "a socket"),
)


class Refused(Exception):
    """A file packet will not read, with what is wrong and how the teacher can fix it."""

    def __init__(self, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return f"{self.message} — {self.hint}" if self.hint else self.message


def _real_root(root: Path) -> Path:
    """Where `root` really is; a root that is itself a link is taken where it stands, so a
    project's content/ linked to a folder elsewhere does not carry that folder in."""
    if root.is_symlink():
        return root.parent.resolve() / root.name
    return root.resolve()


def kind_of(mode: int) -> str:
    """What a file system entry is, for messages: "a folder", "a named pipe", "a device"..."""
    return next((name for test, name in _KINDS if test(mode)), "something other than a file")


def read_file(path: Path, roots: Iterable[Path], limit: int = MAX_FILE_BYTES) -> bytes:
    """The bytes of `path`, if it is a regular file of at most `limit` bytes whose real
    location is under one of `roots`; otherwise `Refused`, nothing read. For a project's
    files, `roots` is `layout.input_roots(project)`: its content, seeds, templates and
    packet.toml — not its .git folder or its outputs."""
    real_roots = [_real_root(root) for root in roots]
    real = _resolve(path, real_roots)
    if not inside(real, real_roots):
        raise _outside()
    fd, status = _open_regular(real, limit)
    data = _read_same(fd, status, limit)
    _check_size(len(data), limit)
    return data


def _outside() -> Refused:
    return Refused(
        "is a link to a file outside the project; packet reads only the project's own files",
        "replace the link with a copy of the file",
    )


def _resolve(path: Path, real_roots: list[Path]) -> Path:
    """Where `path` really is, every link followed; `Refused` if nothing is there, if the
    links lead out of `real_roots` to nothing, or if they cannot be followed."""
    try:
        return path.resolve(strict=True)
    except FileNotFoundError as exc:
        # Where the links lead, whether or not anything is there: the same message either way.
        try:
            leads_out = not inside(path.resolve(), real_roots)
        except (OSError, RuntimeError):
            leads_out = False
        if leads_out:
            raise _outside() from exc
        if path.is_symlink():
            raise Refused(
                "is a link to a file that does not exist",
                "replace the link with a copy of the file",
            ) from exc
        raise Refused("the file does not exist") from exc
    except (OSError, RuntimeError) as exc:  # a loop of links, a folder we may not enter
        raise Refused(
            f"cannot be followed to a file ({getattr(exc, 'strerror', None) or exc})",
            "replace it with an ordinary file",
        ) from exc


def _open_regular(real: Path, limit: int) -> tuple[int, os.stat_result]:
    """An open descriptor for `real` and what it was when checked: a regular file of at most
    `limit` bytes, opened without following a link or waiting on a pipe; else `Refused`."""
    try:
        status = real.lstat()
        if not stat.S_ISREG(status.st_mode):
            raise Refused(
                f"is {kind_of(status.st_mode)}, not a file", "replace it with an ordinary file"
            )
        _check_size(status.st_size, limit)
        # O_NONBLOCK: should a named pipe appear here after the check, opening it does not wait.
        flags = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOFOLLOW", 0)
        fd = os.open(real, flags | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:
        raise Refused(f"cannot read the file: {exc.strerror or exc}") from exc
    return fd, status


def _read_same(fd: int, status: os.stat_result, limit: int) -> bytes:
    """Up to `limit` + 1 bytes from `fd`, if it is still the regular file `status` describes
    (not swapped since the check); `fd` is closed either way."""
    try:
        opened = os.fstat(fd)
        if not stat.S_ISREG(opened.st_mode) or (opened.st_dev, opened.st_ino) != (
            status.st_dev,
            status.st_ino,
        ):
            raise Refused("changed while packet was reading it", "run the command again")
        with os.fdopen(os.dup(fd), "rb") as handle:
            return handle.read(limit + 1)
    except OSError as exc:
        raise Refused(f"cannot read the file: {exc.strerror or exc}") from exc
    finally:
        os.close(fd)


def _check_size(size: int, limit: int) -> None:
    if size > limit:
        megabytes = f"{limit / 1_000_000:g}"
        raise Refused(
            f"file is larger than {megabytes} MB",
            "split it into smaller files, or keep only the part the packet needs",
        )


def write_atomic(
    path: Path, data: bytes, *, elsewhere: str = "choose another folder with --out"
) -> None:
    """Write `data` to `path` whole or not at all; the old file stays until the new one is done.

    `elsewhere` is how the teacher can write somewhere else, for messages; "" when they cannot
    (a project file `pull` writes).
    """
    temp: Path | None = None
    try:
        if path.is_dir():
            raise BuildError(
                f"{path}: a folder has this name, so the file cannot be written — rename or "
                "move the folder" + (f", or {elsewhere}" if elsewhere else "")
            )
        # Named before it is made: a signal that stops packet the moment the file exists
        # still finds its name here, to remove it.
        temp = path.parent / f".{path.name}{TEMP_MARK}{_temp_tag()}{TEMP_SUFFIX}"
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW, 0o600)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        temp.chmod(0o644)
        temp.replace(path)
    except BaseException as exc:
        if temp is not None:
            with contextlib.suppress(OSError):
                temp.unlink()
        if isinstance(exc, OSError):
            raise BuildError(f"{path}: cannot write the file: {_why(exc, elsewhere)}") from exc
        raise


def _why(exc: OSError, elsewhere: str) -> str:
    """What went wrong writing, and what to do about it."""
    reason = exc.strerror or str(exc)
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        fix = "free some disk space"
    elif exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        fix = "check that you may write to this folder"
    elif exc.errno == errno.ENAMETOOLONG:
        fix = "use a shorter name"
    else:
        fix = ""
    fixes = " or ".join(f for f in (fix, elsewhere) if f)
    return f"{reason} — the previous version is kept" + (f"; {fixes}" if fixes else "")


_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)


def _temp_tag() -> str:
    """Eight random characters for a temporary file's name, as `tempfile` makes them (the
    exclusive open refuses the rare name already taken)."""
    return "".join(secrets.choice("abcdefghijklmnopqrstuvwxyz0123456789_") for _ in range(8))


def is_own_temporary(name: str) -> bool:
    """Whether `name` is a temporary file of packet's own making (see `write_atomic`)."""
    return bool(_OWN_TEMP.match(name))


@contextlib.contextmanager
def output_folder(out: Path) -> Iterator[Path]:
    """Create `out` if needed and hold its lock for the duration of a build."""
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise BuildError(
            f"{out}: cannot create the output folder: {exc.strerror or exc} — choose another "
            "with --out"
        ) from exc
    if not os.access(out, os.W_OK):
        raise BuildError(f"{out}: the output folder is not writable — choose another with --out")
    lock_path = out / LOCK_NAME
    if lock_path.is_symlink() or (lock_path.exists() and not lock_path.is_file()):
        raise BuildError(
            f"{lock_path}: packet keeps its build lock here, but something else has the name — "
            "move it away"
        )
    try:  # filelock reports a lock file it cannot create as "held by another build"
        os.close(os.open(lock_path, os.O_WRONLY | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0), 0o644))
    except OSError as exc:
        raise BuildError(
            f"{lock_path}: cannot take the build lock: {exc.strerror or exc} — choose a folder "
            "you may write to with --out"
        ) from exc
    lock = FileLock(lock_path)
    try:
        lock.acquire(timeout=0)
    except Timeout as exc:
        raise BuildError(
            f"{out}: another packet build is writing to this folder — wait for it to finish"
        ) from exc
    except OSError as exc:
        raise BuildError(
            f"{lock_path}: cannot take the build lock: {exc.strerror or exc} — choose a folder "
            "you may write to with --out"
        ) from exc
    # A build killed outright (power cut, SIGKILL) can leave a temporary file of packet's
    # behind; the finished outputs beside it were never touched. Clear those, and only those,
    # before the build and after it, however it ends.
    _clear_temporaries(out)
    try:
        yield out
    finally:
        _clear_temporaries(out)
        lock.release()
        with contextlib.suppress(OSError):
            lock_path.unlink()


def _clear_temporaries(out: Path) -> None:
    """Remove packet's own temporary files from the output folder `out`, which its lock holds."""
    for leftover in out.glob(f".*{TEMP_MARK}*{TEMP_SUFFIX}"):
        if is_own_temporary(leftover.name) and not leftover.is_symlink():
            with contextlib.suppress(OSError):
                leftover.unlink()


def zip_bytes(entries: Iterable[tuple[str, bytes]]) -> bytes:
    """A zip of `entries` (name, bytes) in their order, deflated, each stamped `ZIP_TIME`."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for name, data in entries:
            entry = zipfile.ZipInfo(name, ZIP_TIME)
            entry.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(entry, data)
    return out.getvalue()
