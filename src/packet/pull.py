"""`packet pull`: new seed documents -> a seed record and draft content, buildable at once.

For each document (plain text, Markdown or HTML, in any encoding `sources`
reads; a PDF with a text layer, a Word .docx or an OpenDocument .odt, read by
`extract`) pull:

1. copies it byte for byte into seeds/ and writes seeds/<file>.meta.yaml with
   the title, author and date the document states (each checked to appear in
   its text; what it could not find is listed, never invented); for a PDF,
   Word or OpenDocument file also seeds/<file>.txt, the text extracted from it
   (a PDF's with its pages), which `packet check` quotes against from then on;
2. reads the article (boilerplate removed) and drafts, all marked `draft: true`
   by the rules in `draft`:
   - a module per heading (or per few paragraphs when there are none), whose
     body is the source's own paragraphs, cited, with provenance;
   - a timeline event for every dated statement, the sentence as its detail
     and source passage;
   - glossary terms: acronyms with their expansion, "also called"/"known as"
     names, quoted coinages and recurring proper names, each with the
     sentence that introduces it;
   - a lesson holding the drafted modules;
3. checks the project with the drafts in it; if that fails — or the pull is
   stopped by Ctrl-C, SIGTERM or SIGHUP while writing or checking — every file
   is put back as it was (new files and folders removed, changed ones
   restored) and the problems are reported: nothing is half-written.

Everything is computed before anything is written, and everything that could
stop the pull is refused first, each with what to do: a document over the size
limit for its kind (`LIMITS`), a FIFO or a device (checked before a byte is
read); a PDF with a password, damaged or without a text layer; a file name with a
line break or control character (it is copied into YAML comments and printed
to the terminal), starting with a dot, too long for seeds/<name>.meta.yaml, or
given twice; a folder of the project that is a link leading out of it; drafts
over packet's limits — more modules than a lesson takes, a module or the
timeline larger than packet reads in one file — measured from the articles
before anything is drafted (and the drafts measured again before writing).
"""

from __future__ import annotations

import contextlib
import os
import re
import signal
import threading
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING, Any

from .dates import find_dates, parse_date
from .draft import (
    SECTION_WORDS,
    Drafts,
    Extent,
    Taken,
    appended,
    choose_seed_id,
    draft,
    dump,
    extent,
)
from .errors import BuildError, ContentError, Location, PacketError, Problem, UsageError
from .files import (
    MAX_FILE_BYTES,
    MAX_FONT_BYTES,
    Refused,
    is_own_temporary,
    read_file,
    write_atomic,
)
from .layout import (
    GLOSSARY,
    ID_PATTERN,
    RECORD_SUFFIX,
    SEEDS,
    TIMELINE,
    input_roots,
    inside,
    lesson_file,
    module_file,
    record_file,
    text_file,
)
from .lint import INVISIBLE
from .ocr import MAX_UNSURE, Read, tesseract_language
from .schema import MAX_LESSON_MODULES
from .sources import (
    EXTRACTED,
    KINDS,
    Article,
    Decoded,
    SourceError,
    article,
    read_document,
    read_stored,
    seed_text,
)
from .text import Haystack, Paged, normalise

if TYPE_CHECKING:
    from .extract import Extracted
    from .model import Project


@dataclass
class PullReport:
    """What one pulled document gave, for the teacher to read."""

    seed_id: str
    seed_file: str
    encoding: str
    kind: str
    found: dict[str, str] = field(default_factory=dict)  # title/author/date as written
    missing: list[str] = field(default_factory=list)
    modules: list[str] = field(default_factory=list)
    events: int = 0
    terms: int = 0
    skipped: list[str] = field(default_factory=list)
    lesson: str = ""
    warnings: list[str] = field(default_factory=list)  # e.g. a declared encoding the bytes deny
    text_file: str = ""  # seeds/<file>.txt, for a PDF, Word or OpenDocument file or a scan
    parts: list[str] = field(default_factory=list)  # the other photos of one document
    pages: int = 0  # a PDF's or a scan's
    ocr: str = ""  # a scan's: what read it, and how sure it was
    unsure: list[str] = field(default_factory=list)  # a scan's: words OCR was unsure of


# The largest document of each kind pull takes: a PDF, a scan or a Word file with its
# pictures may reasonably be tens of megabytes, where a text or a web page that large is not
# an article. A scan's pages are also held to `ocr.MAX_PIXELS` each.
LIMITS = {"pdf": 80_000_000, "docx": 25_000_000, "odt": 25_000_000, "image": 80_000_000}
# A figure is printed, not read: the build loads a picture of at most MAX_FONT_BYTES.
FIGURE_LIMIT = MAX_FONT_BYTES


class PicturesWithoutText(ContentError):
    """Every document pulled was a picture in which OCR found no words: perhaps pictures to
    print, which the command may offer to pull as figures instead."""

    def __init__(self, problems: Sequence[Problem], pictures: Sequence[Path]) -> None:
        super().__init__(problems)
        self.pictures = list(pictures)


class _NoTextIn(ContentError):
    """A picture in which OCR found no words (`extract.NoText`)."""

    def __init__(self, problem: Problem, source: Path) -> None:
        super().__init__([problem])
        self.source = source


class PullInterrupted(PacketError):
    """The pull was stopped by a signal while writing or checking; every file is back.

    Raised only when the handler the caller had for that signal (it is given the signal
    once the files are back) returns instead of stopping the program itself."""

    def __init__(self, signum: int) -> None:
        self.signum = signum
        name = signal.Signals(signum).name
        super().__init__(
            f"pull stopped by {name}: every file it had written is put back as it was — "
            "nothing was pulled"
        )


# -- the pull ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Figure:
    """Pull pictures as figures (primary sources to print, not pages to read), with what the
    teacher knows of them: `--alt` and `--credit`."""

    alt: str | None = None
    credit: str | None = None


FIGURE_FORMATS = {".png": "PNG", ".jpg": "JPEG", ".jpeg": "JPEG"}  # what PDFs and browsers show
FIGURE_FORMATS_READ = ("PNG", "JPEG")  # by their bytes: a GIF or TIFF named .png is refused


def pull(
    root: Path, sources: Sequence[Path], seed_id: str | None = None, figure: Figure | None = None
) -> list[PullReport]:
    """Pull `sources` into the project at `root`; see the module docstring."""
    from .project import load_project

    _refuse_seed_id(seed_id, sources)
    project = load_project(root)
    _refuse_taken_seed_id(seed_id, project)
    if figure is not None:
        return _pull_figures(root, project, sources, seed_id, figure)
    settings = project.settings
    language = _ocr_language(settings.language, settings.ocr_language)
    documents = _read_all(root, sources, language)
    _refuse_over_limits(project, documents)
    taken = _taken(project)
    plans = [_plan(root, document, seed_id, taken) for document in documents]
    files, old = _files(root, plans)
    copies = {d.target for d in documents} | {target for d in documents for target, _ in d.parts}
    _check_targets(root, files, old, copies)
    _write_checked(root, files, old)
    return [plan.report for plan in plans]


def _pull_figures(
    root: Path, project: Project, sources: Sequence[Path], seed_id: str | None, figure: Figure
) -> list[PullReport]:
    """Each picture copied into seeds/ as a figure seed, with a record of what is known of
    it — its file name as its title (attributed: the picture states none), the alt text and
    credit given — and `draft: true`; nothing is drafted from it."""
    problems: list[Problem] = []
    taken = _taken(project)
    files: dict[Path, bytes] = {}
    reports: list[PullReport] = []
    for source in sources:
        where = Location(shown(str(source)))
        try:
            data = _read_figure(source, where)
            target = _seed_target(root, source.name, data, where)
        except ContentError as exc:
            problems.extend(exc.problems)
            continue
        sid = choose_seed_id(seed_id, None, source.stem, taken)
        report = PullReport(sid, source.name, "", "figure")
        files[target] = data
        files[root / record_file(source.name)] = _figure_record(source, sid, figure, report)
        reports.append(report)
    if problems:
        raise ContentError(problems)
    _check_targets(root, files, {}, {root / SEEDS / r.seed_file for r in reports})
    _write_checked(root, files, {})
    return reports


def _read_figure(source: Path, where: Location) -> bytes:
    """A figure's bytes, refused unless it is a PNG or JPEG picture packet can print."""
    from .figures import MAX_PIXELS as FIGURE_PIXELS
    from .figures import too_large
    from .ocr import pictures_of

    if source.suffix.lower() not in FIGURE_FORMATS:
        raise ContentError(
            [
                Problem(
                    where,
                    "a figure is a PNG or JPEG picture, not "
                    f"'{shown(source.suffix or source.name)}'",
                    "save it as PNG (a drawing, a map, a poster) or JPEG (a photograph), then "
                    "pull that",
                )
            ]
        )
    _kind(source, where)
    data = _read_source(source, where, FIGURE_LIMIT)
    try:
        _, pages = pictures_of(data, FIGURE_FORMATS_READ)
        picture = next(pages)  # decoded: damage shows now, not in the first build
        if picture.width * picture.height > FIGURE_PIXELS:
            raise SourceError(
                too_large(picture.width, picture.height), "save a smaller copy, then pull that"
            )
    except SourceError as exc:
        raise ContentError([Problem(where, str(exc), exc.hint)]) from exc
    return data


def _figure_record(source: Path, sid: str, figure: Figure, report: PullReport) -> bytes:
    """A figure seed's record, saying what is not known of it."""
    report.missing = ["title (its file name stands in)", "creator", "date"]
    given = {  # an empty --alt '' or --credit ' ' gives nothing
        "alt": (figure.alt or "").strip() or None,
        "credit": (figure.credit or "").strip() or None,
    }
    report.missing += [
        {"alt": "alt text (--alt)", "credit": "credit (--credit)"}[name]
        for name, value in given.items()
        if not value
    ]
    record: dict[str, Any] = {
        "id": sid,
        "file": source.name,
        "short": source.stem,
        "kind": "image",
        "kind_basis": f"Pulled by packet as a figure from {source.name}; say what kind of "
        "source it is (a photograph, a poster, a cartoon, a map).",
        "title": {
            "value": source.stem,
            "attributed": "the file's name: the picture states no title",
        },
        "format": "figure",
        "figure": {name: value for name, value in given.items() if value},
        "draft": True,
    }
    header = (
        f"# The record of the figure seeds/{source.name}, written by packet pull. Not known:\n"
        + "".join(f"#   {what}\n" for what in report.missing)
        + "# Fill in what you know (creator as author:, date:); check requires alt and\n"
        "# credit once draft: true is removed. Place it in a module with ![caption](figure:"
        f"{sid}).\n"
    )
    return (header + dump(record)).encode("utf-8")


def _refuse_seed_id(seed_id: str | None, sources: Sequence[Path]) -> None:
    """Refuse an --id given with several documents, or that cannot be a seed's id."""
    if seed_id is None:
        return
    if len(sources) != 1:
        raise UsageError("--id names one seed: pull one file at a time with it")
    if not re.fullmatch(ID_PATTERN, seed_id):
        raise UsageError(f"--id '{shown(seed_id)}': use lower-case letters, digits and hyphens")
    if len(seed_id) > 48:
        raise UsageError(f"--id '{seed_id}': at most 48 characters")


def _refuse_taken_seed_id(seed_id: str | None, project: Project) -> None:
    """Refuse an --id another seed has: not quietly "-2", since content already citing
    [@id] would go on citing the other seed."""
    if seed_id is not None and seed_id in project.seeds:
        taken_by = shown(project.seeds[seed_id].path.name)
        raise UsageError(
            f"--id '{seed_id}' is already the id of seeds/{taken_by} — "
            "choose another id, or leave --id out"
        )


def _taken(project: Project) -> Taken:
    """The ids the project uses, glossary ids included even where a term failed to load."""
    return Taken(
        seeds=set(project.seeds),
        modules=set(project.modules),
        lessons=set(project.lessons),
        terms=set(project.terms) | _written_ids(project, GLOSSARY),
        events={e.entry.id for e in project.events},
    )


def _written_ids(project: Project, name: str) -> set[str]:
    """The ids written in the list file `name` as the project read it — of every entry, also
    one that failed to load — from what the project loaded, not read from disk again."""
    sourced = project.sources.get(name)
    entries = sourced.data if sourced is not None and isinstance(sourced.data, list) else []
    return {
        entry["id"].strip()
        for entry in entries
        if isinstance(entry, dict) and isinstance(entry.get("id"), str)
    }


@dataclass
class _Planned:
    report: PullReport
    files: dict[Path, bytes]  # new files
    timeline: list[dict[str, Any]]
    glossary: list[dict[str, Any]]


@dataclass
class _Document:
    """A document to pull, read: its bytes, text and article, and where its copy goes."""

    source: Path
    where: Location
    kind: str
    data: bytes
    decoded: Decoded
    found: Article
    quotable: str  # the text its quotations are checked against
    target: Path  # seeds/<its name>
    stored: bytes | None = None  # a PDF's, Word or OpenDocument file's text, as stored
    paged: Paged | None = None  # a PDF's pages, to cite each passage's
    dropped: list[str] = field(default_factory=list)  # a PDF's running heads and page numbers
    ocr: Read | None = None  # a scan's: how OCR read it
    parts: list[tuple[Path, bytes]] = field(default_factory=list)  # its other photos' copies


def _ocr_language(language: str, stated: str | None) -> str | None:
    """The languages scans are read in; None when packet.toml's language has no Tesseract
    name (a scan pulled then is refused, saying to set ocr_language)."""
    try:
        return tesseract_language(language, stated)
    except SourceError:
        return None


def _read_all(root: Path, sources: Sequence[Path], language: str | None) -> list[_Document]:
    """Each document read, or every problem of every document."""
    problems: list[Problem] = []
    documents: list[_Document] = []
    unique = _named_once(sources, problems)
    # Photos (PNG, JPEG) pulled together are the pages of one document; one photo, or a TIFF
    # (a scanner's file, which holds its pages itself), is a document of its own.
    photos = [s for s in unique if s.suffix.lower() in FIGURE_FORMATS]
    if len(photos) < 2:
        photos = []
    blank: list[Path] = []
    for source in (s for s in unique if s not in photos):
        try:
            documents.append(_read(root, source, language))
        except _NoTextIn as exc:
            problems.extend(exc.problems)
            blank.append(exc.source)
        except ContentError as exc:
            problems.extend(exc.problems)
    if photos:
        try:
            documents.append(_read_photos(root, photos, language))
        except ContentError as exc:
            problems.extend(exc.problems)
    problems += _same_targets(documents)
    if problems and [s.suffix.lower() in FIGURE_FORMATS for s in blank] == [True] * len(sources):
        raise PicturesWithoutText(problems, blank)  # photos without words: pictures to print?
    if problems:
        raise ContentError(problems)
    return documents


def _named_once(sources: Sequence[Path], problems: list[Problem]) -> list[Path]:
    """The sources, each name once — in any case: one seeds/ file on a Mac or Windows (a
    problem added for each named again)."""
    named: dict[str, Path] = {}
    unique: list[Path] = []
    for source in sources:
        first = named.get(source.name.casefold())
        if first is not None:
            problems.append(_named_twice(source, first))
            continue
        named[source.name.casefold()] = source
        unique.append(source)
    return unique


def _same_targets(documents: list[_Document]) -> list[Problem]:
    """A document whose copy would be another's extracted text (`a.pdf.txt` beside `a.pdf`)."""
    texts = {f"{d.source.name}.txt".casefold(): d for d in documents if d.stored is not None}
    return [
        Problem(
            d.where,
            f"seeds/{shown(d.source.name)} is where the text of {shown(texts[key].source.name)} "
            "goes",
            "rename this file, then pull both",
        )
        for d in documents
        if (key := d.source.name.casefold()) in texts
    ]


def _named_twice(source: Path, first: Path) -> Problem:
    same = first.resolve() == source.resolve()
    return Problem(
        Location(shown(str(source))),
        "this file is named twice"
        if same
        else f"another file named {shown(first.name)} is pulled too "
        f"({shown(str(first))}); both would be seeds/{shown(source.name)}",
        "name each file once" if same else "rename one of them, then pull both",
    )


def _files(root: Path, plans: list[_Planned]) -> tuple[dict[Path, bytes], dict[Path, bytes | None]]:
    """Every file the pull writes, with the drafted events and terms appended to the
    project's timeline and glossary; and those two files as they were."""
    files: dict[Path, bytes] = {}
    for plan in plans:
        files.update(plan.files)
    old: dict[Path, bytes | None] = {}  # the files pull changes, as they were
    pulled = ", ".join(f"seeds/{p.report.seed_file}" for p in plans)
    for name, entries in (
        (TIMELINE, [e for plan in plans for e in plan.timeline]),
        (GLOSSARY, [e for plan in plans for e in plan.glossary]),
    ):
        if entries:
            path = root / name
            old[path] = before = _read_project_file(root, path)
            text = "" if before is None else _project_text(root, path, before)
            files[path] = appended(text, entries, f"Drafted by packet pull from {pulled}")
    return files, old


# -- one document -----------------------------------------------------------------------------


def _read(root: Path, source: Path, language: str | None = "eng") -> _Document:
    """`source` read, refused if packet cannot pull it (its kind, name, size, text, or a
    seed of its name already there); a scan or a photo is read in `language`."""
    where = Location(shown(str(source)))
    kind = _kind(source, where)
    data = _read_source(source, where, LIMITS.get(kind))
    if kind in EXTRACTED:
        return _read_extracted(root, source, where, kind, data, language)
    decoded, found, quotable = _read_article(data, kind, where)
    target = _seed_target(root, source.name, data, where)
    return _Document(source, where, kind, data, decoded, found, quotable, target)


def _read_photos(root: Path, photos: list[Path], language: str | None) -> _Document:
    """Several photos or scans of pages pulled together: one document, its pages in the order
    the pictures are given, copied into seeds/ each as it is."""
    from .extract import extract_pictures
    from .ocr import pictures_of

    problems: list[Problem] = []
    read: list[tuple[Path, Location, bytes]] = []
    for photo in photos:
        where = Location(shown(str(photo)))
        try:
            kind = _kind(photo, where)
            read.append((photo, where, _read_source(photo, where, LIMITS.get(kind))))
        except ContentError as exc:
            problems.extend(exc.problems)
    for _, place, data in read:  # each opened alone first: a problem is said of its file
        try:
            pictures_of(data)
        except SourceError as exc:
            problems.append(Problem(place, str(exc), exc.hint))
    if problems:
        raise ContentError(problems)
    first, where, data = read[0]
    try:
        extracted = extract_pictures([data for _, _, data in read], language)
    except SourceError as exc:
        names = ", ".join(shown(photo.name) for photo in photos)
        raise ContentError([Problem(where, f"{exc} (reading {names})", exc.hint)]) from exc
    document = _extracted_document(root, first, where, "image", data, extracted)
    document.parts = [
        (_seed_target(root, photo.name, part, place), part) for photo, place, part in read[1:]
    ]
    return document


def _read_extracted(
    root: Path, source: Path, where: Location, kind: str, data: bytes, language: str | None
) -> _Document:
    """A PDF, Word or OpenDocument file or a scan read, its text extracted as it will be
    stored."""
    from .extract import NoText, extract

    try:
        extracted = extract(data, kind, language)
    except NoText as exc:
        raise _NoTextIn(Problem(where, str(exc), exc.hint), source) from exc
    except SourceError as exc:
        raise ContentError([Problem(where, str(exc), exc.hint)]) from exc
    return _extracted_document(root, source, where, kind, data, extracted)


def _extracted_document(
    root: Path, source: Path, where: Location, kind: str, data: bytes, extracted: Extracted
) -> _Document:
    """The document a PDF, Word or OpenDocument file or a scan was read into: its stored text
    checked, and where it and its text go."""
    title = extracted.article.title
    if title and title.casefold() in (source.stem.casefold(), source.name.casefold()):
        # The file's own name, which a scanner or converter put in its properties.
        headings = [text for role, text in extracted.article.blocks if role == "heading"]
        extracted.article.title = headings[0] if headings else None
    stored = extracted.stored().encode("utf-8")
    found = read_stored(stored)
    if not found.text.strip():
        raise ContentError(
            [Problem(where, "no text found in the document", "check it is the one you meant")]
        )
    target = _seed_target(root, source.name, data, where)
    _seed_target(root, f"{source.name}.txt", stored, where)  # where its text goes
    paged = Paged(found.text, found.pages) if found.pages else None
    decoded = Decoded(found.text, "utf-8")
    return _Document(
        source, where, kind, data, decoded, extracted.article, found.text, target,
        stored, paged, extracted.dropped, extracted.ocr,
    )  # fmt: skip


def _plan(root: Path, document: _Document, seed_id: str | None, taken: Taken) -> _Planned:
    """What pulling `document` writes, worked out without writing anything; its ids are
    added to `taken`."""
    source, found = document.source, document.found
    sid = choose_seed_id(seed_id, found.title, source.stem, taken)
    report = PullReport(
        sid,
        source.name,
        document.decoded.encoding,
        document.kind,
        skipped=found.skipped + document.dropped,
    )
    if document.decoded.warning:
        report.warnings.append(document.decoded.warning)
    files = {document.target: document.data}
    for target, data in document.parts:
        files[target] = data
        report.parts.append(target.name)
    if document.stored is not None:
        report.text_file = text_file(source.name)
        report.pages = len(document.paged.pages) if document.paged else 0
        files[root / report.text_file] = document.stored
    record = _seed_record(found, document.quotable, source, document.kind, report, document.ocr)
    locate = document.paged.locate if document.paged is not None else None
    drafts = draft(found, sid, source.name, source.stem, taken, locate)
    _report_drafts(report, drafts)
    files[root / record_file(source.name)] = record
    files.update(_draft_files(root, drafts))
    return _Planned(report, files, drafts.timeline, drafts.glossary)


# -- limits, before drafting -------------------------------------------------------------------


def _refuse_over_limits(project: Project, documents: list[_Document]) -> None:
    """Refuse, before anything is drafted, drafts over packet's limits, each with what to do:
    a lesson of more modules than a lesson takes, a module or the timeline larger than
    packet reads in one file. Sizes are the least the drafts would take (`draft.extent`);
    the files made are measured again before writing (`_check_targets`)."""
    problems: list[Problem] = []
    timeline = len(project.texts.get(TIMELINE, "").encode())
    events = 0
    for document in documents:
        measured = extent(document.found, document.source.stem)
        problems += _module_limits(document.where, measured)
        timeline += measured.timeline_bytes
        events += measured.events
    if timeline > MAX_FILE_BYTES:
        problems.append(
            Problem(
                Location(TIMELINE),
                f"would be {_megabytes(timeline)} MB or more with the drafts ({events:,} "
                f"dated events, each writing its sentence twice), over the "
                f"{MAX_FILE_BYTES / 1_000_000:g} MB packet reads in one file",
                "pull a shorter document, or only the part of it the packet needs",
            )
        )
    if problems:
        raise ContentError(problems)


def _module_limits(where: Location, measured: Extent) -> list[Problem]:
    """A document drafted into more modules than one lesson takes, or into a module larger
    than packet reads in one file."""
    problems = []
    count = len(measured.sections)
    if count > MAX_LESSON_MODULES:
        cut, part = (
            ("heading", f"{MAX_LESSON_MODULES} headings")
            if measured.headings
            else (f"{SECTION_WORDS} words or so", f"{MAX_LESSON_MODULES * SECTION_WORDS:,} words")
        )
        problems.append(
            Problem(
                where,
                f"would be drafted into {count:,} modules (one for each {cut}), but a lesson "
                f"takes at most {MAX_LESSON_MODULES}",
                f"split the document into parts of at most {part} and pull each (each part "
                "becomes a lesson of its own), or pull only the part the packet needs",
            )
        )
    for section, size in zip(measured.sections, measured.module_bytes, strict=True):
        if size > MAX_FILE_BYTES:
            problems.append(
                Problem(
                    where,
                    f"its section “{shown(section.title[:60])}” would be a module of "
                    f"{_megabytes(size)} MB or more, over the {MAX_FILE_BYTES / 1_000_000:g} "
                    "MB packet reads in one file",
                    "cut that part into smaller sections with headings (each heading starts a "
                    "module), or pull only the part the packet needs",
                )
            )
    return problems


def _megabytes(size: int) -> str:
    return f"{size / 1_000_000:,.1f}" if size >= 100_000 else f"{size / 1_000_000:.3f}"


def _kind(source: Path, where: Location) -> str:
    """The kind of document `source` is, refused unless packet reads it and its name can be
    a seed's."""
    kind = KINDS.get(source.suffix.lower())
    if kind is None:
        what = shown(source.suffix or source.name)
        raise ContentError(
            [
                Problem(
                    where,
                    f"'{what}' is not a kind of document packet reads",
                    "pull plain text (.txt), Markdown (.md), a saved web page (.html), a PDF "
                    "(.pdf), a Word (.docx) or OpenDocument (.odt) file, or a scan or photo of "
                    "a page (.png, .jpg, .tif)",
                )
            ]
        )
    if problem := _name_problem(source.name):
        raise ContentError([Problem(where, *problem)])
    return kind


def _read_source(source: Path, where: Location, limit: int | None) -> bytes:
    """The document's bytes. The teacher chose this file, wherever it is; it is still refused,
    unread, if it is a named pipe, a device or over the size limit of its kind (`limit`, or
    the limit of every project file)."""
    roots = [source.resolve().parent]
    try:
        return read_file(source, roots) if limit is None else read_file(source, roots, limit)
    except Refused as exc:
        message = exc.message
        if message == "the file does not exist":
            message = "cannot read the file: it does not exist"
        raise ContentError([Problem(where, message, exc.hint)]) from exc


def _read_article(data: bytes, kind: str, where: Location) -> tuple[Decoded, Article, str]:
    """The document decoded, its article, and the text its quotations are checked against;
    refused when it holds no article text."""
    try:
        document = read_document(data, kind)
        found = article(document.text, kind)
        quotable = seed_text(data, kind)
    except SourceError as exc:
        raise ContentError([Problem(where, str(exc), exc.hint)]) from exc
    if not found.blocks:
        raise ContentError(
            [
                Problem(
                    where,
                    "no article text found in the document",
                    "check it is the article itself, not only a page's menus or a login page",
                )
            ]
        )
    return document, found, quotable


def _seed_target(root: Path, seed_file: str, data: bytes, where: Location) -> Path:
    """seeds/<seed_file>, refused if it exists — in any case: a name differing only in case
    is the same file on a Mac or Windows computer the unit is shared with."""
    target = root / SEEDS / seed_file
    target = next(
        (p for p in _entries(root / SEEDS) if p.name.casefold() == seed_file.casefold()), target
    )
    if os.path.lexists(target):
        try:
            same = read_file(target, input_roots(root), max(LIMITS.values())) == data
        except Refused:
            same = False
        raise ContentError(
            [
                Problem(
                    where,
                    f"seeds/{shown(target.name)} already exists"
                    + (" with the same contents" if same else ""),
                    "it has been pulled before" if same else "rename the file before pulling it",
                )
            ]
        )
    return target


def _report_drafts(report: PullReport, drafts: Drafts) -> None:
    report.modules = list(drafts.modules)
    report.events = len(drafts.timeline)
    report.terms = len(drafts.glossary)
    report.lesson = drafts.lesson_id


def _draft_files(root: Path, drafts: Drafts) -> dict[Path, bytes]:
    """Where each drafted module and the lesson go, with their bytes."""
    files = {
        root / module_file(module_id): text.encode() for module_id, text in drafts.modules.items()
    }
    files[root / lesson_file(drafts.lesson_id)] = drafts.lesson.encode()
    return files


# -- the seed record --------------------------------------------------------------------------

_ATTRIBUTED = "read by packet pull from the document's metadata, not from its text"


def _seed_record(
    found: Article, quotable: str, source: Path, kind: str, report: PullReport, read: Read | None
) -> bytes:
    """seeds/<file>.meta.yaml: what the document states of itself, each value checked to
    appear in its text, under a header listing what was not found (noted in `report`)."""
    for name, stated in (("title", found.title), ("author", found.author), ("date", found.date)):
        if stated:
            report.found[name] = stated
        else:
            report.missing.append(name)
    record = _record(found, Haystack(quotable), source, kind, report)
    if report.parts:
        record["parts"] = report.parts
    if read is not None:
        record["ocr"] = _ocr_record(read, report)
    return (_record_header(source.name, report) + dump(record)).encode("utf-8")


def _ocr_record(read: Read, report: PullReport) -> dict[str, Any]:
    """The record's `ocr`: what read the scan, how sure it was, and each word it was unsure
    of (once a page) — told in `report` too."""
    unsure = list({(u.page, u.word): u for u in read.unsure}.values())
    report.ocr = f"read by {read.engine} ({read.language}), {read.confidence:.0f}% confident"
    report.unsure = [f"{u.word} (p. {u.page})" for u in unsure]
    return {
        "engine": read.engine,
        "language": read.language,
        "confidence": round(read.confidence, 1),
        "unsure": [
            {"page": u.page, "word": u.word, "confidence": u.confidence}
            for u in unsure[:MAX_UNSURE]
        ],
    }


def _record(
    found: Article, quotable: Haystack, source: Path, kind: str, report: PullReport
) -> dict[str, Any]:
    """The record's fields; `quotable`, the document's text normalised once, is where each
    stated value is looked for."""
    seed_file = source.name
    record: dict[str, Any] = {
        "id": report.seed_id,
        "file": seed_file,
        "short": short_name(found.title, found.author, source.stem),
        "kind": "web page" if kind == "html" else "document",
        "kind_basis": f"Pulled by packet from {seed_file}; say what kind of source it is.",
        "title": _meta_value(found.title, quotable, _ATTRIBUTED)
        or {
            "value": source.stem,
            "attributed": "the document states no title; this is its file name",
        },
    }
    if found.author:
        record["author"] = _meta_value(found.author, quotable, _ATTRIBUTED)
    if found.date:
        date = _record_date(found.date, quotable)
        if date is None:
            report.missing.append("date (not readable)")
        record.update(date or {})
    record["format"] = kind
    if report.text_file:
        record["text"] = report.text_file.rsplit("/", 1)[-1]
    if boilerplate := _boilerplate(found, quotable):
        record["boilerplate"] = boilerplate
    return record


def short_name(title: str | None, author: str | None, stem: str) -> str:
    """The name in-text citations use: the author's surname ("Hartley", as MLA and APA cite),
    else the title before any subtitle, cut at a word within 40 characters and marked cut —
    never at a small word ("The Siege of Québec and the Battle…", not "… the Battle of")."""
    surname = re.findall(r"[^\W\d_][\w’'-]+", author or "")
    if surname and len((author or "").split()) <= 4 and "," not in (author or ""):
        return str(surname[-1])  # one person, not a list
    name = re.split(r"\s*[:|–—]\s+", title or stem, maxsplit=1)[0].strip() or stem
    if len(name) <= 40:
        return name
    words = name[:41].rsplit(" ", 1)[0].rstrip(",;:-–— ").split()
    while len(words) > 1 and words[-1].lower() in _SMALL_WORDS:
        words.pop()
    cut = " ".join(words).rstrip(",;:-–— ")
    return f"{cut}…" if cut else name[:40]


# Words a cut title does not end with.
_SMALL_WORDS = {"of", "the", "and", "a", "an", "in", "on", "at", "for", "to", "from", "with", "by"}


def _meta_value(value: str | None, text: Haystack, basis: str) -> Any:
    if value is None:
        return None
    if text.contains(value):
        return value
    return {"value": value, "attributed": basis}


def _record_date(stated: str, quotable: Haystack) -> dict[str, Any] | None:
    """The record's date (and `date_kind`) from the date as the document writes it; None
    when packet cannot read it as a date."""
    dates = find_dates(stated) or [(0, 0, stated)]
    iso = dates[0][2]
    try:
        parse_date(iso)
    except ValueError:
        return None
    value: Any = {"value": iso, "as_written": stated}
    if not quotable.contains(stated):
        value = {"value": iso, "attributed": _ATTRIBUTED}
    fields: dict[str, Any] = {"date": value}
    if stated.lower().startswith("updated"):
        fields["date_kind"] = "updated"
    return fields


def _record_header(seed_file: str, report: PullReport) -> str:
    return (
        f"# Bibliographic record of seeds/{seed_file}, drafted by packet pull.\n"
        + (
            f"# Not found in the document: {', '.join(report.missing)}; "
            "add them only from the source itself.\n"
            if report.missing
            else ""
        )
        + "".join(f"# Encoding: {warning}.\n" for warning in report.warnings)
        + "# Check every value against the document before relying on it.\n"
    )


def _boilerplate(found: Article, quotable: Haystack) -> list[str]:
    """What was dropped, so `packet check` keeps it out of content — but not a line that also
    occurs in the article (a repeated title), which content may rightly quote, nor one the
    seed's text does not hold (a Word or OpenDocument worksheet's course line and footer,
    left out of its stored text: nothing can quote them, and check looks for each line)."""
    article_text = normalise(found.text)
    return [
        line
        for line in dict.fromkeys(found.skipped)
        if line != found.title and normalise(line) not in article_text and quotable.contains(line)
    ]


# -- the project's own files ------------------------------------------------------------------


def _read_project_file(root: Path, path: Path) -> bytes | None:
    """A project file pull appends to or puts back, read the one safe way; None if absent."""
    if not os.path.lexists(path):
        return None
    try:
        return read_file(path, input_roots(root))
    except Refused as exc:
        where = Location(path.relative_to(root).as_posix())
        raise ContentError([Problem(where, exc.message, exc.hint)]) from exc


def _project_text(root: Path, path: Path, data: bytes) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        where = Location(path.relative_to(root).as_posix())
        problem = Problem(where, f"byte {exc.start} is not UTF-8", "save the file as UTF-8")
        raise ContentError([problem]) from exc


def _entries(folder: Path) -> list[Path]:
    try:
        return list(folder.iterdir())
    except OSError:
        return []


# -- names --------------------------------------------------------------------------------

# The name is copied into seeds/ and into YAML comments, and printed to the terminal: a line
# break ends a comment early (what follows is read as YAML), an escape sequence drives the
# terminal. Such a name is refused rather than escaped: the file on disk would still carry it
# into every listing, shell and version history, and renaming it is one step for the teacher.
_BREAKS_NAME = {"Cc", "Cs", "Zl", "Zp"}  # controls, undecodable bytes, line/paragraph breaks
# The temporary name write_atomic uses for seeds/<name>.meta.yaml must fit in 255 bytes.
MAX_NAME_BYTES = 255 - len(RECORD_SUFFIX) - len("..packet-12345678.part")


def shown(text: str) -> str:
    """`text` with every control, invisible or undecodable character spelt out as an escape,
    so a message about a strange file name cannot itself do anything to the terminal."""
    out = []
    for char in text:
        code = ord(char)
        if 0xDC80 <= code <= 0xDCFF:  # a byte the file system name could not decode
            out.append(f"\\x{code - 0xDC00:02x}")
        elif unicodedata.category(char) in _BREAKS_NAME or code in INVISIBLE:
            out.append(f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")
        else:
            out.append(char)
    return "".join(out)


def _name_problem(name: str) -> tuple[str, str] | None:
    """Why a document's file name cannot be a seed's name, and the fix; None when it can."""
    rename = "rename the file, keeping to letters, digits, spaces, hyphens and dots, then pull it"
    for char in name:
        if unicodedata.category(char) in _BREAKS_NAME or ord(char) in INVISIBLE:
            what = "a line break" if char in "\r\n\x85\u2028\u2029" else "a control character"
            if unicodedata.category(char) == "Cs":
                what = "bytes that are not text in any encoding"
            elif ord(char) in INVISIBLE:
                what = "an invisible or direction-changing character"
            return f"the file name contains {what} ({shown(char)})", rename
    if name.startswith("."):
        return "the file name starts with a dot, which hides it", rename
    if "\\" in name:
        return "the file name contains a backslash", rename
    size = len(os.fsencode(name))
    if size > MAX_NAME_BYTES:
        return (
            f"the file name is too long for seeds/ ({size} bytes; at most {MAX_NAME_BYTES})",
            "rename the file to something shorter, then pull it",
        )
    return None


# -- writing, and putting everything back ---------------------------------------------------

_SIGNALS = tuple(
    getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGHUP") if hasattr(signal, name)
)


class _Stopped(BaseException):
    """Raised by the signal handler inside the pull; never leaves `pull`."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


class _SignalGuard:
    """While armed, the first SIGINT, SIGTERM or SIGHUP raises `_Stopped` where the pull is,
    so the files can be put back; signals after that (a second Ctrl-C) are remembered, not
    acted on, until the previous handlers are back. A signal someone chose to ignore
    (`nohup`) stays ignored."""

    def __init__(self) -> None:
        self.armed = False
        self.pending: int | None = None
        self.previous: dict[int, Any] = {}

    def _handle(self, signum: int, frame: FrameType | None) -> None:
        if self.armed:
            self.armed = False
            raise _Stopped(signum)
        if self.pending is None:
            self.pending = signum

    def arm(self) -> None:
        self.armed = True
        if threading.current_thread() is not threading.main_thread():
            return  # only the main thread may set handlers; exceptions still roll back
        for signum in _SIGNALS:
            current = signal.getsignal(signum)
            if current is None or current == signal.SIG_IGN:
                continue  # ignored on purpose, or set outside Python where it cannot be restored
            self.previous[signum] = current
            signal.signal(signum, self._handle)

    def disarm(self) -> None:
        self.armed = False

    def restore(self, *, deliver: bool) -> None:
        """Put the previous handlers back; with `deliver`, pass them a signal that came late."""
        self.armed = False
        for signum, handler in self.previous.items():
            signal.signal(signum, handler)
        self.previous.clear()
        if deliver and self.pending is not None:
            signal.raise_signal(self.pending)


def _missing_folders(files: dict[Path, bytes]) -> list[Path]:
    """The folders the drafts go in that do not exist yet, outermost first."""
    missing: dict[Path, None] = {}
    for path in files:
        folder, chain = path.parent, []
        while not folder.exists() and folder not in missing:
            chain.append(folder)
            folder = folder.parent
        missing.update(dict.fromkeys(reversed(chain)))
    return sorted(missing, key=lambda folder: len(folder.parts))


def _put_back(
    root: Path, files: dict[Path, bytes], old: dict[Path, bytes | None], folders: list[Path]
) -> None:
    """Every file as it was before the pull: new ones removed, changed ones restored, the
    folders made for them removed again; packet's own temporaries of them cleared too."""
    failed: list[str] = []
    for path in reversed(list(files)):
        try:
            before = old.get(path)
            if before is None:
                path.unlink(missing_ok=True)
            elif _current(root, path) != before:
                write_atomic(path, before, elsewhere="")
        except (OSError, BuildError) as exc:
            failed.append(f"{path}: {exc}")
        with contextlib.suppress(OSError):
            for temporary in path.parent.glob(f".{_glob_escape(path.name)}.packet-*.part"):
                if is_own_temporary(temporary.name) and not temporary.is_symlink():
                    temporary.unlink()
    for folder in reversed(folders):
        with contextlib.suppress(OSError):
            folder.rmdir()  # only if empty: nothing but the pull's own files was in it
    if failed:
        raise BuildError(
            "could not put these files back as they were before the pull: " + "; ".join(failed)
        )


def _current(root: Path, path: Path) -> bytes | None:
    try:
        return read_file(path, input_roots(root))
    except Refused:
        return None


def _glob_escape(name: str) -> str:
    return re.sub(r"([*?\[])", r"[\1]", name)


def _check_targets(
    root: Path, files: dict[Path, bytes], old: dict[Path, bytes | None], copies: set[Path]
) -> None:
    """Refuse, before writing, a draft that would land outside the project (through a folder
    that is a link), replace a file pull did not read, or be too big for packet to read back
    (a long document's timeline). The documents' own copies (`copies`) were held to their
    kind's limit when read: a PDF or a scan may be tens of megabytes, and packet reads its
    stored text, never the document again."""
    real_root = root.resolve()
    problems: list[Problem] = []
    for path in files:
        where = Location(shown(path.relative_to(root).as_posix()))
        if not inside(path.parent.resolve(), [real_root]):
            problems.append(
                Problem(
                    where,
                    "its folder is a link to a folder outside the project; packet writes only "
                    "inside the project",
                    "replace the link with a real folder",
                )
            )
        elif len(files[path]) > MAX_FILE_BYTES and path not in copies:
            problems.append(
                Problem(
                    where,
                    f"would be {_megabytes(len(files[path]))} MB with the drafts, over the "
                    f"{MAX_FILE_BYTES / 1_000_000:g} MB packet reads in one file",
                    "pull a shorter document, or only the part of it the packet needs",
                )
            )
        elif path not in old and os.path.lexists(path):
            problems.append(
                Problem(
                    where,
                    "already exists, and packet pull would replace it",
                    "move it out of the way, then pull again",
                )
            )
    if problems:
        raise ContentError(problems)


def _write_checked(root: Path, files: dict[Path, bytes], old: dict[Path, bytes | None]) -> None:
    """Write `files` and check the project with them; if the check fails or a signal stops
    it, put every file back as it was."""
    from .check import check_project  # loaded only once a pull has something to check
    from .project import load_project

    folders = _missing_folders(files)
    guard = _SignalGuard()
    try:
        try:
            guard.arm()
            _make_folders(folders)
            for path, data in files.items():
                write_atomic(path, data, elsewhere="")
            report = check_project(load_project(root))
            if report.errors:
                raise ContentError(report.errors)
        finally:
            guard.disarm()  # a signal from here on is remembered, never raised
    except BaseException as exc:
        _undo(root, files, old, folders, guard, exc)
        raise
    guard.restore(deliver=True)  # a signal after the check passed: the pull is complete


def _make_folders(folders: list[Path]) -> None:
    for folder in folders:
        try:
            folder.mkdir(exist_ok=True)
        except OSError as exc:
            raise BuildError(f"{folder}: cannot create the folder: {exc.strerror or exc}") from exc


def _undo(
    root: Path,
    files: dict[Path, bytes],
    old: dict[Path, bytes | None],
    folders: list[Path],
    guard: _SignalGuard,
    exc: BaseException,
) -> None:
    """Every file put back, then the previous signal handlers. A pull stopped by a signal
    then gets that signal as it would have without the pull — the CLI reports it and exits
    with 128 + its number, a default SIGTERM ends the process — or, if the handler returns,
    raises PullInterrupted."""
    stopped = isinstance(exc, _Stopped)
    try:
        _put_back(root, files, old, folders)
    finally:
        guard.restore(deliver=not stopped)
    if isinstance(exc, _Stopped):
        signal.raise_signal(exc.signum)
        raise PullInterrupted(exc.signum) from None
