"""`packet init DIR`: a new packet project with a small working example.

The starter project (packet/starter/) holds packet.toml, one example seed (the
Gettysburg Address, public domain) with its record, a module, a timeline
event, a glossary term and a lesson, and an empty templates/ folder with
notes on overriding the theme. `packet build` builds it at once; `packet pull`
adds the teacher's own sources beside it.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from .errors import UsageError
from .layout import PROJECT_FILE

STARTER = Path(__file__).parent / "starter"


def init_project(target: Path) -> list[Path]:
    """Create the starter project in `target` (new or empty); return the files written."""
    if (target / PROJECT_FILE).exists():
        raise UsageError(f"{target} is already a packet project ({PROJECT_FILE} exists)")
    if target.exists() and not target.is_dir():
        raise UsageError(f"{target} is a file, not a folder")
    if target.is_dir() and any(target.iterdir()):
        raise UsageError(f"{target} is not empty — choose a new or empty folder")
    written = []
    for source in sorted(STARTER.rglob("*")):
        if source.is_file() and "__pycache__" not in source.parts:
            destination = target / source.relative_to(STARTER)
            destination.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, destination)
            written.append(destination)
    (target / "output").mkdir(exist_ok=True)
    return written
