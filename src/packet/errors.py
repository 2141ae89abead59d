"""Problems found in a project, and the exceptions that carry them to the CLI.

Every problem names where it was found (`path:line:col`), what is wrong and,
where we can tell, how to fix it. Loading collects all problems of a run
before stopping, so a teacher fixes everything in one pass.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import Enum


@dataclass(frozen=True, order=True)
class Location:
    """A place in a project file; `line` and `col` are 1-based, 0 when unknown."""

    path: str
    line: int = 0
    col: int = 0

    def __str__(self) -> str:
        if self.line and self.col:
            return f"{self.path}:{self.line}:{self.col}"
        if self.line:
            return f"{self.path}:{self.line}"
        return self.path


class Severity(Enum):
    ERROR = "error"
    WARNING = "warning"
    NOTE = "note"  # worth a look, never fatal (e.g. a possible disagreement between seeds)


@dataclass(frozen=True, order=True)
class Problem:
    where: Location
    message: str
    hint: str = ""
    severity: Severity = field(default=Severity.ERROR, compare=False)

    def __str__(self) -> str:
        label = "" if self.severity is Severity.ERROR else f"{self.severity.value}: "
        text = f"{self.where}: {label}{self.message}"
        return f"{text} — {self.hint}" if self.hint else text


class PacketError(Exception):
    """Base of every error the CLI reports as a message rather than a traceback."""


class UsageError(PacketError):
    """The command was asked for something that does not exist (exit status 2)."""


class ContentError(PacketError):
    """One or more problems in the project's files (exit status 1)."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = sorted(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


class BuildError(PacketError):
    """Rendering or writing an output failed (exit status 1)."""


@dataclass
class Report:
    """Collects the problems of one run; `raise_errors` stops the run once, with all of them."""

    problems: list[Problem] = field(default_factory=list)

    def error(self, where: Location, message: str, hint: str = "") -> None:
        self.problems.append(Problem(where, message, hint, Severity.ERROR))

    def warning(self, where: Location, message: str, hint: str = "") -> None:
        self.problems.append(Problem(where, message, hint, Severity.WARNING))

    def note(self, where: Location, message: str, hint: str = "") -> None:
        self.problems.append(Problem(where, message, hint, Severity.NOTE))

    def extend(self, problems: Iterable[Problem]) -> None:
        self.problems.extend(problems)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity is Severity.ERROR]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity is Severity.WARNING]

    @property
    def notes(self) -> list[Problem]:
        return [p for p in self.problems if p.severity is Severity.NOTE]

    def raise_errors(self, *, strict: bool = False) -> None:
        """Raise ContentError with every error (and, when strict, every warning)."""
        fatal = self.errors + self.warnings if strict else self.errors
        if fatal:
            raise ContentError(fatal)
