"""Where things are in a packet project, light enough for every command to import.

packet.toml   settings (its folder is the project)
content/      modules, lessons, timeline, glossary, disagreements, guidance
seeds/        the source documents and their records
templates/    the project's overrides of packet's theme
output/       what `packet build` writes
"""

from __future__ import annotations

from pathlib import Path

from .errors import UsageError

PROJECT_FILE = "packet.toml"
INPUT_FOLDERS = ("content", "seeds", "templates")


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
