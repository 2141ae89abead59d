"""Writing outputs safely: whole files or nothing, one build per output folder.

A file is written to a temporary name in the same folder, flushed to disk and
renamed over the old one, so a failed or interrupted build never leaves a
partial PDF and never destroys the previous good one.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

from filelock import FileLock, Timeout

from .errors import BuildError

LOCK_NAME = ".packet-build.lock"


def write_atomic(path: Path, data: bytes) -> None:
    """Write `data` to `path` whole or not at all; the old file stays until the new one is done."""
    temp: Path | None = None
    try:
        fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
        temp = Path(name)
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
            raise BuildError(
                f"{path}: cannot write the file: {exc.strerror or exc} — the previous version is "
                "kept; free some disk space or choose another folder with --out"
            ) from exc
        raise


@contextlib.contextmanager
def output_folder(out: Path) -> Iterator[Path]:
    """Create `out` if needed and hold its lock for the duration of a build."""
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise BuildError(f"{out}: cannot create the output folder: {exc.strerror}") from exc
    if not os.access(out, os.W_OK):
        raise BuildError(f"{out}: the output folder is not writable — choose another with --out")
    lock = FileLock(out / LOCK_NAME)
    try:
        lock.acquire(timeout=0)
    except Timeout as exc:
        raise BuildError(
            f"{out}: another packet build is writing to this folder — wait for it to finish"
        ) from exc
    # A build killed outright (power cut, SIGKILL) can leave a temporary file behind; the
    # finished outputs beside it were never touched. Clear such leftovers under the lock.
    for leftover in out.glob(".*.part"):
        with contextlib.suppress(OSError):
            leftover.unlink()
    try:
        yield out
    finally:
        lock.release()
        with contextlib.suppress(OSError):
            (out / LOCK_NAME).unlink()
