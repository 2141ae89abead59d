"""The loaded project: typed, frozen values that carry where they were written.

Each value keeps its validated schema entry (`entry`/`meta`) and the `Sourced`
data it came from, so any later stage can report `path:line:col`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from .dates import HistDate
from .errors import Location
from .schema import (
    DisagreementEntry,
    DocumentEntry,
    EventEntry,
    LessonEntry,
    ModuleMeta,
    SeedMeta,
    Settings,
    TermEntry,
)
from .text import Haystack, Paged, PageSpan
from .yamlsrc import Sourced


@dataclass(frozen=True)
class Seed:
    meta: SeedMeta
    path: Path  # the document as received
    text: str
    src: Sourced
    text_path: Path  # the file `text` was read from: `path`, or the text pull extracted from it
    pages: tuple[PageSpan, ...] = ()  # a PDF's pages, where they lie in `text`

    @property
    def id(self) -> str:
        return self.meta.id

    @cached_property
    def haystack(self) -> Haystack:
        """The seed's text normalised once, for every passage quoted from it."""
        return Haystack(self.text)

    @cached_property
    def unsure(self) -> dict[str, list[str]]:
        """A scan's words OCR was unsure of, folded, with the pages each is on: a quotation
        relying on one is checked against the scan."""
        found: dict[str, list[str]] = {}
        for entry in self.meta.ocr.unsure if self.meta.ocr else ():
            found.setdefault(entry.word.casefold(), []).append(entry.page)
        return found

    @cached_property
    def paged(self) -> Paged | None:
        """The seed's pages, to check a quotation against the page it cites; None if it has
        none."""
        return Paged(self.text, self.pages) if self.pages else None


@dataclass(frozen=True)
class Module:
    id: str
    meta: ModuleMeta
    body: str
    body_line: int  # line of the file on which the Markdown body starts
    src: Sourced

    @property
    def body_location(self) -> Location:
        return Location(self.src.origin.path, self.body_line, 1)


def seeds_of(
    modules: Iterable[Module], cited: Mapping[str, Sequence[str]] | None = None
) -> list[str]:
    """The ids of the seeds `modules` rest on, each once, in the order first met: a module's
    provenance, then the seeds its text cites (`cited`: module id -> seed ids, where known)."""
    cited = cited or {}
    return list(
        dict.fromkeys(
            seed
            for module in modules
            for seed in (*(p.seed for p in module.meta.provenance), *cited.get(module.id, ()))
        )
    )


@dataclass(frozen=True)
class Event:
    entry: EventEntry
    when: HistDate
    src: Sourced


@dataclass(frozen=True)
class Term:
    entry: TermEntry
    src: Sourced

    @property
    def id(self) -> str:
        return self.entry.id

    @property
    def spellings(self) -> tuple[str, ...]:
        return (self.entry.term, *self.entry.aliases)


@dataclass(frozen=True)
class Disagreement:
    entry: DisagreementEntry
    src: Sourced


@dataclass(frozen=True)
class Document:
    """An excerpt of a seed reprinted in a packet as Document A, B…"""

    entry: DocumentEntry
    src: Sourced

    @property
    def id(self) -> str:
        return self.entry.id


@dataclass(frozen=True)
class Lesson:
    id: str
    entry: LessonEntry
    src: Sourced


@dataclass(frozen=True)
class Project:
    root: Path
    settings: Settings
    seeds: dict[str, Seed]
    modules: dict[str, Module]
    events: tuple[Event, ...]
    terms: dict[str, Term]
    disagreements: tuple[Disagreement, ...]
    lessons: dict[str, Lesson]
    sources: dict[str, Sourced] = field(default_factory=dict)  # whole files, by relative path
    # The text of every file loaded, by relative path: where a problem found later (a character
    # no font has, an image that failed) was written is found in what was read, not on disk.
    texts: dict[str, str] = field(default_factory=dict)
    guidance: str | None = None  # content/guidance.md: teaching the topic with care (Markdown)
    documents: dict[str, Document] = field(default_factory=dict)  # content/documents.yaml

    def documents_of(self, lesson: Lesson) -> list[Document]:
        """The lesson's documents, A, B… in order: those it names, or else those of its
        modules in the order of its modules (each once)."""
        if lesson.entry.documents is not None:
            return [self.documents[d] for d in lesson.entry.documents]
        by_module: dict[str, list[Document]] = {}
        for doc in self.documents.values():
            for module in doc.entry.modules:
                by_module.setdefault(module, []).append(doc)
        chosen = (doc for module in lesson.entry.modules for doc in by_module.get(module, []))
        return list({doc.id: doc for doc in chosen}.values())

    def unlinked_terms(self, module: Module) -> frozenset[str]:
        """The glossary terms not linked in `module`'s text: drafts (`draft: true`) of seeds
        it does not rest on. A term `packet pull` drafted and no one has reviewed is a guess
        about its own seed's words; linked in another seed's module it would put that guess
        into lessons it was never drafted for ("George: His brother" on "King George VI").
        Reviewed — `draft` removed — a term is linked wherever it is used."""
        own = {passage.seed for passage in module.meta.provenance}
        return frozenset().union(
            *(ids for seed, ids in self._drafts_by_seed.items() if seed not in own)
        )

    @cached_property
    def _drafts_by_seed(self) -> dict[str, frozenset[str]]:
        """The ids of the draft terms, by the seed each was drafted from."""
        by_seed: dict[str, set[str]] = {}
        for term in self.terms.values():
            if term.entry.draft and term.entry.source != "general":
                by_seed.setdefault(term.entry.source, set()).add(term.id)
        return {seed: frozenset(ids) for seed, ids in by_seed.items()}

    def rel(self, path: Path) -> str:
        try:
            return path.relative_to(self.root).as_posix()
        except ValueError:
            return path.as_posix()
