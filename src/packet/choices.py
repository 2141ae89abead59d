"""The fixed choices of a packet: back sections and editions.

Kept apart from the schema so that `packet --help` and an up-to-date build can
name them without loading pydantic and the rest of the pipeline.
"""

from __future__ import annotations

from typing import Literal

SECTIONS = ("timeline", "glossary", "sources", "questions", "comparison")
Section = Literal["timeline", "glossary", "sources", "questions", "comparison"]
DEFAULT_SECTIONS: tuple[Section, ...] = ("timeline", "glossary", "sources")
Edition = Literal["student", "teacher"]
EDITIONS: tuple[Edition, ...] = ("student", "teacher")
