"""Load a packet project from disk: packet.toml, seeds/ and content/ -> Project.

Every file is read as UTF-8 text, parsed safely and validated against its
schema; references between files (a lesson's modules, an event's seeds) are
resolved. All problems are collected and raised together as one ContentError.
"""

from __future__ import annotations

import re
import sys
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel

if sys.version_info >= (3, 14):
    import tomllib
else:  # the same parser; before Python 3.14 only tomli gives an error's place as attributes
    import tomli as tomllib

from .dates import DateError, parse_date
from .errors import ContentError, Location, Report
from .files import Refused, read_file
from .layout import (
    DISAGREEMENTS,
    DOCUMENTS,
    GLOSSARY,
    GUIDANCE,
    INPUT_FOLDERS,
    LESSONS,
    MODULES,
    NAME_MAX,
    PROJECT_FILE,
    RECORD_SUFFIX,
    SEEDS,
    TIMELINE,
    input_roots,
    is_id,
)
from .model import Disagreement, Document, Event, Lesson, Module, Project, Seed, Term
from .schema import (
    DisagreementEntry,
    DocumentEntry,
    EventEntry,
    LessonEntry,
    ModuleMeta,
    Passage,
    SeedMeta,
    Settings,
    TermEntry,
    Version,
)
from .sources import EXTRACTED, KINDS, SourceError, StoredText, read_stored, seed_text
from .text import PageSpan
from .yamlsrc import Sourced, front_matter, load_yaml, validate

M = TypeVar("M", bound=BaseModel)


# What a seed whose text pull extracts is, for a message.
_WHAT = {
    "pdf": "a PDF", "docx": "a Word file", "odt": "an OpenDocument file",
    "image": "a scan or a photo",
}  # fmt: skip


@dataclass
class _Loaded:
    """Everything read from a project's files, each checked on its own, before the ids they
    name are checked against each other."""

    settings: Settings | None
    seeds: dict[str, Seed]
    modules: dict[str, Module]
    events: list[Event]
    terms: dict[str, Term]
    disagreements: tuple[Disagreement, ...]
    documents: dict[str, Document]
    lessons: dict[str, Lesson]
    guidance: str | None


class _Loader:
    def __init__(self, root: Path, drafts: Mapping[str, str] | None = None) -> None:
        self.root = root
        self.drafts = dict(drafts or {})  # relative path -> text not yet saved (the composer's)
        self.roots = input_roots(root)  # where its files may be read from
        self.report = Report()
        self.sources: dict[str, Sourced] = {}
        self.texts: dict[str, str] = {}  # every text file read, by relative path
        self.broken: set[str] = set()  # ids whose files failed to load: no knock-on errors

    def rel(self, path: Path) -> str:
        return path.relative_to(self.root).as_posix()

    def read_bytes(self, path: Path) -> bytes | None:
        """The file's bytes, or None after reporting why packet will not read them."""
        try:
            return read_file(path, self.roots)
        except Refused as exc:
            self.report.error(Location(self.rel(path)), exc.message, exc.hint)
            return None

    def read(self, path: Path) -> str | None:
        where = Location(self.rel(path))
        if where.path in self.drafts:
            self.texts[where.path] = self.drafts[where.path]
            return self.drafts[where.path]
        data = self.read_bytes(path)
        if data is None:
            return None
        if b"\x00" in data[:8192] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
            self.report.error(
                where, "this is a binary file, not text", "save it as plain UTF-8 text"
            )
            return None
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            line = data[: exc.start].count(b"\n") + 1
            col = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
            self.report.error(
                Location(where.path, line, col),
                "the file is not UTF-8 text",
                "re-save it with UTF-8 encoding",
            )
            return None
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        self.texts[where.path] = text
        return text

    def yaml_file(self, path: Path) -> Sourced | None:
        text = self.read(path)
        if text is None:
            return None
        sourced = load_yaml(text, self.rel(path), self.report)
        if sourced is not None:
            self.sources[self.rel(path)] = sourced
        return sourced

    def entries(self, path: Path, model: type[M]) -> list[tuple[M, Sourced]]:
        """Validate a YAML file holding a list of entries, each on its own."""
        if not path.is_file():
            return []
        sourced = self.yaml_file(path)
        if sourced is None:
            self.broken.add(path.name)
            return []
        if sourced.data is None:
            return []
        if not isinstance(sourced.data, list):
            self.report.error(sourced.origin, "expected a list of entries", "start each with '- '")
            return []
        found = []
        for sub in _items(sourced):
            entry = validate(model, sub, self.report)
            if entry is not None:
                found.append((entry, sub))
            elif isinstance(sub.data, dict) and isinstance(sub.data.get("id"), str):
                self.broken.add(sub.data["id"])  # reported; not again where it is named
        return found

    # -- the files of a project --------------------------------------------------------

    def load(self) -> _Loaded:
        """Every file in the order its problems are told: packet.toml, seeds/, modules, the
        timeline, glossary and disagreements, lessons, guidance; then ids used twice and
        dates that cannot be read."""
        settings = self.settings()
        seeds = self.seeds()
        modules = self.modules()
        events = self.entries(self.root / TIMELINE, EventEntry)
        terms = self.entries(self.root / GLOSSARY, TermEntry)
        disagreements = self.entries(self.root / DISAGREEMENTS, DisagreementEntry)
        documents = self.entries(self.root / DOCUMENTS, DocumentEntry)
        lessons = self.lessons()
        guidance = self.guidance()
        for items, kind in (
            (events, "event"),
            (terms, "term"),
            (disagreements, "disagreement"),
            (documents, "document"),
        ):
            _unique(self.report, items, kind)
        return _Loaded(
            settings=settings,
            seeds=seeds,
            modules=modules,
            events=self.dated(events),
            terms={entry.id: Term(entry, sub) for entry, sub in terms},
            disagreements=tuple(Disagreement(entry, sub) for entry, sub in disagreements),
            documents={entry.id: Document(entry, sub) for entry, sub in documents},
            lessons=lessons,
            guidance=guidance,
        )

    def settings(self) -> Settings | None:
        text = self.read(self.root / PROJECT_FILE)
        if text is None:
            return None
        data = self.toml(text)
        if data is None:
            return None
        positions: dict[tuple[str | int, ...], Location] = {
            ("packet", *k): Location(PROJECT_FILE, n, 1) for k, n in _toml_keys(text)
        }
        sourced = Sourced(data, positions, Location(PROJECT_FILE, 1, 1))
        if "packet" not in data:
            self.report.error(sourced.origin, "no [packet] table", "start the file with [packet]")
            return None
        extra = set(data) - {"packet"}
        for key in sorted(extra):
            self.report.error(
                sourced.origin, f"unknown table or key '{key}'", "only [packet] is read"
            )
        settings = validate(Settings, _sub(sourced, "packet"), self.report, syntax="toml")
        return settings

    def toml(self, text: str) -> dict[str, Any] | None:
        """packet.toml's tables, or None after reporting where its TOML goes wrong."""
        try:
            return tomllib.loads(text)
        except RecursionError:
            self.report.error(
                Location(PROJECT_FILE),
                "TOML syntax: values nested too deeply to read",
                "packet.toml needs only plain 'key = value' lines under [packet]",
            )
            return None
        except tomllib.TOMLDecodeError as exc:
            where, message = toml_error(exc)
            self.report.error(where, f"TOML syntax: {message}")
            return None

    def seeds(self) -> dict[str, Seed]:
        seeds: dict[str, Seed] = {}
        for path in sorted((self.root / SEEDS).glob(f"*{RECORD_SUFFIX}")):
            sourced = self.yaml_file(path)
            if sourced is None:
                continue
            meta = validate(SeedMeta, sourced, self.report)
            if meta is None:
                continue
            seed_path = self._seed_file(sourced, meta)
            if seed_path is None or not self._parts_exist(sourced, meta):
                continue
            read = self._words_of(sourced, meta, seed_path)
            if read is None:
                continue
            text_path, text, pages = read
            if meta.id in seeds:
                self.report.error(sourced.where(("id",)), f"seed id '{meta.id}' is used twice")
                continue
            seeds[meta.id] = Seed(meta, seed_path, text, sourced, text_path, pages)
        return seeds

    def _words_of(
        self, sourced: Sourced, meta: SeedMeta, seed_path: Path
    ) -> tuple[Path, str, tuple[PageSpan, ...]] | None:
        """A seed's words, the file they are read from and where its pages are: a figure has
        none (it is printed, never quoted); a PDF, Word or OpenDocument file or a scan, its
        stored text; any other, the document itself."""
        kind = meta.format or KINDS.get(seed_path.suffix.lower(), "text")
        if kind == "figure":
            return seed_path, "", ()
        if kind in EXTRACTED:
            stored = self.stored_text(sourced, meta)
            if stored is None:
                return None
            text_path, found = stored
            return text_path, found.text, found.pages
        text = self.seed_text(seed_path, kind)
        return None if text is None else (seed_path, text, ())

    def _seed_file(self, sourced: Sourced, meta: SeedMeta) -> Path | None:
        """seeds/<file>, the document a seed's record is of; None (and an error) if it is
        not a file in seeds/ itself."""
        where = sourced.where(("file",))
        if "/" in meta.file or "\\" in meta.file or meta.file.startswith("."):
            self.report.error(where, "'file' must name a file in seeds/ itself")
            return None
        seed_path = self.root / SEEDS / meta.file
        if not seed_path.is_file():
            self.report.error(where, f"seed file seeds/{meta.file} does not exist")
            return None
        return seed_path

    def _parts_exist(self, sourced: Sourced, meta: SeedMeta) -> bool:
        """Each photo a document was pulled from (`parts`) is a file in seeds/."""
        whole = True
        named = {meta.file}
        for index, name in enumerate(meta.parts):
            where = sourced.where(("parts", index))
            if "/" in name or "\\" in name or name.startswith("."):
                self.report.error(where, "'parts' must name files in seeds/ itself")
                whole = False
                continue
            if name in named or name.endswith(RECORD_SUFFIX) or name.endswith(".txt"):
                self.report.error(
                    where,
                    f"seeds/{name} cannot be a page of seed '{meta.id}': it is named already, "
                    "or is a record or a stored text",
                    "list each later photo of the document once",
                )
                whole = False
                continue
            named.add(name)
            if not (self.root / SEEDS / name).is_file():
                self.report.error(
                    where,
                    f"seeds/{name}, a page of seed '{meta.id}', does not exist",
                    "put the photo back in seeds/, or take it off the list",
                )
                whole = False
        return whole

    def seed_text(self, path: Path, kind: str) -> str | None:
        """The text quotations are checked against: decoded, and for HTML the article only."""
        data = self.read_bytes(path)
        if data is None:
            return None
        try:
            text = seed_text(data, kind)
        except SourceError as exc:
            self.report.error(Location(self.rel(path)), str(exc), exc.hint)
            return None
        return text.replace("\r\n", "\n").replace("\r", "\n")

    def stored_text(self, sourced: Sourced, meta: SeedMeta) -> tuple[Path, StoredText] | None:
        """A PDF, Word or OpenDocument seed's text as packet pull stored it (never the
        document read again: a library upgrade must not change what quotations match)."""
        name = meta.text
        if name is None:
            self.report.error(
                sourced.where(("file",)),
                f"seeds/{meta.file} is "
                f"{_WHAT.get(meta.format or '', 'a PDF, Word or OpenDocument file')}, "
                "and its record names no text",
                f"add `text: {meta.file}.txt` (the text packet pull extracted), or pull the "
                "document again",
            )
            return None
        if "/" in name or "\\" in name or name.startswith("."):
            self.report.error(sourced.where(("text",)), "'text' must name a file in seeds/ itself")
            return None
        path = self.root / SEEDS / name
        if not path.is_file():
            self.report.error(
                sourced.where(("text",)),
                f"seeds/{name} does not exist",
                "pull the document again to extract its text",
            )
            return None
        data = self.read_bytes(path)
        if data is None:
            return None
        try:
            return path, read_stored(data)
        except SourceError as exc:
            self.report.error(Location(self.rel(path)), str(exc), exc.hint)
            return None

    def modules(self) -> dict[str, Module]:
        modules: dict[str, Module] = {}
        for path in sorted((self.root / MODULES).glob("*.md")):
            module = self.module(path)
            if module is not None:
                modules[module.id] = module
            else:
                self.broken.add(path.stem)
        return modules

    def module(self, path: Path) -> Module | None:
        rel = self.rel(path)
        module_id = path.stem
        if not is_id(module_id):
            self.report.error(
                Location(rel),
                f"'{path.name}' is not a valid module file name",
                f"use lower-case letters, digits and hyphens, at most {NAME_MAX}, "
                "e.g. year-zero.md",
            )
            return None
        text = self.read(path)
        if text is None:
            return None
        close = self.front_matter_end(rel, text)
        if close is None:
            return None
        lines = text.split("\n")
        sourced = load_yaml("\n".join(lines[1:close]), rel, self.report, line_offset=1)
        if sourced is None:
            return None
        if not isinstance(sourced.data, dict):
            self.report.error(sourced.origin, "the front matter must be 'key: value' lines")
            return None
        self.sources[rel] = sourced
        meta = validate(ModuleMeta, sourced, self.report)
        if meta is None:
            return None
        body = "\n".join(lines[close + 1 :])
        if not body.strip():
            self.report.error(
                Location(rel, close + 2, 1), "the module has no text after its front matter"
            )
            return None
        return Module(module_id, meta, body, close + 2, sourced)

    def dated(self, entries: list[tuple[EventEntry, Sourced]]) -> list[Event]:
        """The timeline's events with their dates read; each date that cannot be is reported."""
        events = []
        for entry, sub in entries:
            try:
                events.append(Event(entry, parse_date(entry.date), sub))
            except DateError as exc:
                self.report.error(sub.where(("date",)), f"date: {exc}")
        return events

    def front_matter_end(self, rel: str, text: str) -> int | None:
        """The line index of the `---` that closes a module's front matter, or None after
        reporting that it has none or never closes it."""
        found = front_matter(text)
        if not isinstance(found, str):
            return found
        hints = {
            "missing": (
                "a module must start with front matter",
                "put a line '---', the module's YAML keys, and another '---' before the text",
            ),
            "unclosed": (
                "the front matter is never closed",
                "add a line '---' after the last YAML key",
            ),
        }
        message, hint = hints[found]
        self.report.error(Location(rel, 1, 1), message, hint)
        return None

    def guidance(self) -> str | None:
        """content/guidance.md, the teacher edition's note on teaching the topic with care."""
        path = self.root / GUIDANCE
        if not path.exists():
            return None
        text = self.read(path)
        if text is not None and not text.strip():
            self.report.error(
                Location(self.rel(path)),
                "the guidance file is empty",
                "write the guidance in Markdown, or delete the file",
            )
            return None
        return text

    def lessons(self) -> dict[str, Lesson]:
        lessons: dict[str, Lesson] = {}
        drafted = {self.root / rel for rel in self.drafts if Path(rel).parent.as_posix() == LESSONS}
        for path in sorted(set((self.root / LESSONS).glob("*.yaml")) | drafted):
            lesson_id = path.stem
            if not is_id(lesson_id):
                self.report.error(
                    Location(self.rel(path)),
                    f"'{path.name}' is not a valid lesson file name",
                    f"use lower-case letters, digits and hyphens, at most {NAME_MAX}, "
                    "e.g. 1-roots.yaml",
                )
                continue
            sourced = self.yaml_file(path)
            if sourced is None:
                continue
            entry = validate(LessonEntry, sourced, self.report)
            if entry is not None:
                lessons[lesson_id] = Lesson(lesson_id, entry, sourced)
        return lessons


def _sub(sourced: Sourced, key: str | int) -> Sourced:
    """The part of `sourced` under `key`, with positions re-rooted."""
    data = sourced.data[key]
    positions = {path[1:]: loc for path, loc in sourced.positions.items() if path[:1] == (key,)}
    return Sourced(data, positions, sourced.where((key,)))


def _items(sourced: Sourced) -> list[Sourced]:
    """Each entry of the list in `sourced`, with positions re-rooted: the positions shared out
    in one pass, not one pass over all of them for each entry."""
    positions: dict[Any, dict[tuple[str | int, ...], Location]] = defaultdict(dict)
    for path, loc in sourced.positions.items():
        if path:
            positions[path[0]][path[1:]] = loc
    return [
        Sourced(data, positions.get(index, {}), sourced.where((index,)))
        for index, data in enumerate(sourced.data)
    ]


def toml_error(exc: tomllib.TOMLDecodeError) -> tuple[Location, str]:
    """Where in packet.toml the parser stopped, and its message without the place (a file
    that ends mid-value is placed just after its last character)."""
    return Location(PROJECT_FILE, exc.lineno, exc.colno), exc.msg


def _toml_keys(text: str) -> list[tuple[tuple[str], int]]:
    return [
        ((m[1],), number)
        for number, line in enumerate(text.split("\n"), start=1)
        if (m := re.match(r"\s*([A-Za-z0-9_-]+)\s*=", line))
    ]


def _unique(report: Report, items: list[tuple[Any, Sourced]], kind: str) -> None:
    seen: dict[str, Location] = {}
    for entry, sub in items:
        if entry.id in seen:
            report.error(
                sub.where(("id",)),
                f"{kind} id '{entry.id}' is used twice",
                f"first used at {seen[entry.id]}; give each a different id",
            )
        seen.setdefault(entry.id, sub.where(("id",)))


def load_project(root: Path, drafts: Mapping[str, str] | None = None) -> Project:
    """Load and cross-check the whole project; raise ContentError listing every problem.

    `drafts` holds the text of files not saved yet, by relative path — the lesson the
    composer (`packet serve`) is editing, read in place of the file on disk or as a new one,
    so that it is validated exactly as the saved file will be.
    """
    _refuse_linked_folders(root)
    loader = _Loader(root, drafts)
    loaded = loader.load()
    _References(loader.report, loader.broken, loaded.seeds).check(loaded)
    if loaded.settings is None or loader.report.errors:
        raise ContentError(loader.report.problems)
    return Project(
        root=root,
        settings=loaded.settings,
        seeds=loaded.seeds,
        modules=loaded.modules,
        events=tuple(sorted(loaded.events, key=lambda e: e.when.sort_key)),
        terms=loaded.terms,
        disagreements=loaded.disagreements,
        documents=loaded.documents,
        lessons=loaded.lessons,
        sources=loader.sources,
        texts=loader.texts,
        guidance=loaded.guidance,
    )


def _refuse_linked_folders(root: Path) -> None:
    """Stop before reading anything if an input folder is a link (to anywhere)."""
    report = Report()
    linked = [name for name in INPUT_FOLDERS if (root / name).is_symlink()]
    for name in linked:  # one problem for the folder, not one for every file inside it
        report.error(
            Location(f"{name}/"),
            f"is a link to the folder {(root / name).resolve()}; packet reads a project's "
            "files only from its own folders",
            "replace the link with a copy of the folder",
        )
    if linked:
        raise ContentError(report.problems)


class _References:
    """Every id a file names is defined (modules, glossary terms, seeds), and a lesson lists
    each of its modules, sections and activities once.

    An id whose own file failed to load is not reported again where it is used.
    """

    def __init__(self, report: Report, broken: set[str], seeds: dict[str, Seed]) -> None:
        self.report = report
        self.broken = broken
        self.seeds = seeds

    def check(self, loaded: _Loaded) -> None:
        modules, terms = loaded.modules, loaded.terms
        for module in modules.values():
            self.known(module.meta.key_terms, terms, module.src, "key_terms", "glossary term")
            self.seed_refs(module.meta.provenance, module.src, "provenance")
        for event in loaded.events:
            self.known(event.entry.modules, modules, event.src, "modules", "module")
            self.seed_refs(event.entry.sources, event.src, "sources")
        for term in terms.values():
            self.term_source(term)
        for d in loaded.disagreements:
            self.known(d.entry.modules, modules, d.src, "modules", "module")
            self.seed_refs(d.entry.versions, d.src, "versions")
        for doc in loaded.documents.values():
            self.known(doc.entry.modules, modules, doc.src, "modules", "module")
            if doc.entry.seed not in self.seeds:
                self.report.error(
                    doc.src.where(("seed",)),
                    f"unknown seed '{doc.entry.seed}'",
                    f"known: {', '.join(self.seeds)}",
                )
        for lesson in loaded.lessons.values():
            self.known(lesson.entry.modules, modules, lesson.src, "modules", "module")
            documents = lesson.entry.documents or []
            self.known(documents, loaded.documents, lesson.src, "documents", "document")
            self.listed_once(lesson)

    def known(
        self, ids: list[str], table: dict[str, Any], sub: Sourced, key: str, kind: str
    ) -> None:
        for index, item in enumerate(ids):
            if (
                item not in table
                and item not in self.broken
                and not (kind == "glossary term" and "glossary.yaml" in self.broken)
            ):
                choices = ", ".join(sorted(table)) or "none defined"
                self.report.error(
                    sub.where((key, index)), f"unknown {kind} '{item}'", f"known: {choices}"
                )

    def seed_refs(self, refs: Sequence[Passage | Version], sub: Sourced, key: str) -> None:
        for index, ref in enumerate(refs):
            if ref.seed not in self.seeds:
                where = sub.where((key, index, "seed"))
                self.report.error(
                    where, f"unknown seed '{ref.seed}'", f"known: {', '.join(self.seeds)}"
                )

    def term_source(self, term: Term) -> None:
        if term.entry.source != "general" and term.entry.source not in self.seeds:
            self.report.error(
                term.src.where(("source",)),
                f"unknown seed '{term.entry.source}'",
                "name a seed id, or 'general' for a plain-language definition",
            )

    def listed_once(self, lesson: Lesson) -> None:
        for field_name in ("modules", "sections", "activities", "documents"):
            values = getattr(lesson.entry, field_name) or []
            for index, value in enumerate(values):
                if values.index(value) != index:
                    self.report.error(
                        lesson.src.where((field_name, index)), f"'{value}' is listed twice"
                    )
