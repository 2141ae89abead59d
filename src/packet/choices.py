"""The fixed choices of a packet: back sections, editions and the teacher's printouts.

Kept apart from the schema so that `packet --help` and an up-to-date build can
name them without loading pydantic and the rest of the pipeline.
"""

from __future__ import annotations

from typing import Literal

SECTIONS = ("documents", "timeline", "glossary", "sources", "questions", "comparison")
Section = Literal["documents", "timeline", "glossary", "sources", "questions", "comparison"]
DEFAULT_SECTIONS: tuple[Section, ...] = ("documents", "timeline", "glossary", "sources")
# Printed straight after the activities wherever it is listed (SPEC §4): the documents are
# read with the questions on them before the reference sections.
FIRST_SECTION: Section = "documents"
Edition = Literal["student", "teacher", "report"]
# What `packet build` makes unless told: the student and teacher editions. The report (the
# content for colleagues or parents, without questions, activities or answer space) is
# made when asked for (`--edition report`).
EDITIONS: tuple[Edition, ...] = ("student", "teacher")
# The report's back sections, unless --sections says: everything there is to read.
REPORT_SECTIONS: tuple[Section, ...] = (
    "documents",
    "timeline",
    "glossary",
    "comparison",
    "sources",
)
# Made with the teacher edition's PDF (printouts.py): `<lesson>[-variant]-answer-key.pdf`,
# and for the standard variant `<lesson>-lesson-plan.pdf`.
Printout = Literal["answer-key", "lesson-plan"]
PRINTOUTS: tuple[Printout, ...] = ("answer-key", "lesson-plan")

# The learning platforms' formats `packet export` writes, and each one's file ending.
EXPORTS = {"qti": ".qti.zip", "moodle": ".moodle.xml"}
