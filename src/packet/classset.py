"""A class set: a roster in, one print job out.

Each edition a roster needs (standard, large print, support; with `--versions`, A and B) is
built once, as `packet build` builds it, into the output folder. The names are then stamped
onto each copy's cover — an overlay of real text, set by WeasyPrint in packet's own fonts —
and the copies are put together in roster order (pikepdf), each starting on a fresh sheet
when the job is double-sided, then the teacher edition and the answer key.

The cover's Name and Class fields are found by their labels in the language of packet's own
words the editions were built in (`--language`, else packet.toml's `language`): "NOM" and
"CLASSE" on a French packet's cover. The class set adds no words of its own to the pages:
only the names and classes the roster gives.

Privacy: names go into the class set's PDF and nowhere else. The file is named after the
roster, never a student; nothing with a name is cached, logged or put in the build manifest,
and messages point at the roster's lines.
"""

from __future__ import annotations

import html
import io
import logging
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .build.request import BuildRequest, Output
from .errors import BuildError, UsageError
from .i18n import ENGLISH, Words
from .layout import default_output, output_name, printout_name
from .roster import Roster, Student, Variant

if TYPE_CHECKING:
    import pikepdf

THEME_FONTS = Path(__file__).parent / "theme" / "fonts"
# The faces a name is set in, tried in this order for each letter: Latin (with Vietnamese),
# Greek and Cyrillic; Arabic, shaped; Khmer. SIL Open Font License (theme/fonts/OFL.txt).
NAME_FONTS = {
    "Packet Name Latin": "NotoSans-Regular.ttf",
    "Packet Name Arabic": "NotoSansArabic-Regular.ttf",
    "Packet Name Khmer": "NotoSansKhmer-Regular.ttf",
}
# Letters that are not drawn: spaces, and the joiners that shape the letters beside them.
_UNDRAWN = frozenset(" \u200c\u200d")
# The least a name is shrunk to fit its field, as a share of the size it is set at: smaller
# would be hard to read; such a field is left blank (with a warning) instead.
SMALLEST = 0.6
CAP_HEIGHT = 0.714  # of Noto Sans, in ems: a label's size from the height of its capitals
LINE_ASCENT = 0.888  # ems from a line's top to its baseline at line-height 1 in Noto Sans


@dataclass(frozen=True)
class PrintRequest:
    lesson: str
    roster: Roster
    out: Path | None = None
    versions: int = 1  # 2: A/B versions alternating through the roster
    duplex: bool = True  # every copy starts on a fresh sheet
    paper: str | None = None
    booklet: bool = False
    jobs: int = 1
    reprint: bool = False  # --only: the chosen students' copies alone
    dry_run: bool = False
    language: str | None = None  # packet's own words (i18n.py); None: packet.toml's `language`


@dataclass(frozen=True)
class Part:
    """One piece of the job: a student's copy, the teacher edition or an answer key."""

    what: str  # "copy 3 (line 4, large print)": never the name
    pages: int
    padding: int  # blank pages that start the next part on a fresh sheet


@dataclass
class ClassSet:
    path: Path
    title: str  # "<lesson title> – <class>": the print job's name and the PDF's title
    duplex: bool
    parts: list[Part] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    written: bool = False

    @property
    def copies(self) -> int:
        return sum(1 for part in self.parts if part.what.startswith("copy"))

    @property
    def pages(self) -> int:
        return sum(part.pages + part.padding for part in self.parts)

    @property
    def sheets(self) -> int:
        return (self.pages + 1) // 2 if self.duplex else self.pages

    def summary(self) -> str:
        large = sum(1 for p in self.parts if "large print" in p.what)
        extra = [p.what for p in self.parts if not p.what.startswith("copy")]
        copies = f"{self.copies} {'copy' if self.copies == 1 else 'copies'}"
        copies += f" ({large} large print)" if large else ""
        sides = "double-sided" if self.duplex else "single-sided"
        return (
            f"{self.title}: {', '.join([copies, *extra])} — {self.pages} pages, "
            f"{self.sheets} sheets, {sides}"
        )


@dataclass(frozen=True)
class Edition:
    """What a copy is printed from: a variant of the student edition, in a version."""

    variant: Variant
    version: str = ""  # "", or "A", "B", … with --versions

    def request(self, base: BuildRequest, *, teacher: bool) -> BuildRequest:
        from dataclasses import replace

        return replace(
            base,
            editions=("student", "teacher") if teacher else ("student",),
            large_print=self.variant == "large-print",
            support=self.variant == "support",
            version=self.version,
        )


def version_of(student: Student, versions: int) -> str:
    """A, B, … alternating through the roster, by the student's place in it."""
    return "ABCD"[(student.number - 1) % versions] if versions > 1 else ""


def edition_of(student: Student, versions: int) -> Edition:
    """What `student`'s copy is printed from: the roster's variant, in their version."""
    return Edition(student.variant, version_of(student, versions))


def print_class_set(
    root: Path,
    request: PrintRequest,
    on_output: Callable[[Output], None] = lambda _: None,
) -> ClassSet:
    """Build the editions the roster needs, stamp the names and write the class set (unless
    `dry_run`): `OUT/<lesson>-<roster>-print.pdf` (`-reprint.pdf` for `--only`)."""
    from .build import build

    out = request.out or default_output(root)
    path = class_set_path(out, request)  # refused before anything is built
    students = request.roster.students
    base = BuildRequest(
        lessons=(request.lesson,),
        formats=("pdf",),
        paper=request.paper,
        booklet=request.booklet,
        out=out,
        jobs=request.jobs,
        language=request.language,
    )
    chosen = {edition_of(s, request.versions) for s in students}
    # The teacher's part: the teacher edition, and an answer key for each version.
    versions = ["ABCD"[n] for n in range(request.versions)] if request.versions > 1 else [""]
    keys = [] if request.reprint else [Edition("standard", v) for v in versions]
    warnings: list[str] = []
    for edition in sorted(chosen | set(keys), key=lambda e: (e.version, e.variant)):
        result = build(root, edition.request(base, teacher=edition in keys), on_output=on_output)
        warnings += result.warnings
    sources = {e: _source(out, request, e, "student") for e in chosen}
    title = f"{_title(next(iter(sources.values())))} – {request.roster.group}"
    job = ClassSet(path, title, request.duplex, warnings=warnings)
    teacher: list[tuple[str, Path]] = []
    if keys:
        teacher.append(("teacher edition", _source(out, request, keys[0], "teacher")))
        teacher += [
            (f"answer key {v}".strip(), _source(out, request, Edition("standard", v), "key"))
            for v in versions
        ]
    labels = cover_labels(Words(request.language or _project_language(root)))
    _compose(job, request, students, sources, teacher, labels)
    return job


def _project_language(root: Path) -> str:
    """packet.toml's `language`: the language of packet's own words when no --language is
    given (read after the editions are built, so the project is known to load)."""
    from .project import load_project

    return load_project(root).settings.language


def cover_labels(words: Words) -> tuple[str, str]:
    """The cover's Name and Class labels in `words`' language, as the cover template prints
    them (`_("Name")`, `_("Class")`): what `find_cover` looks for."""
    return words.say("Name"), words.say("Class")


def class_set_path(out: Path, request: PrintRequest) -> Path:
    """`OUT/<lesson>-<roster>-print.pdf` (`-reprint.pdf` for `--only`), refused when that is
    the name of a file `packet build` writes (a roster called `student-large.csv`)."""
    from .choices import EDITIONS, PRINTOUTS
    from .layout import VARIANT_SUFFIXES

    suffix = "reprint" if request.reprint else "print"
    name = f"{request.lesson}-{request.roster.name}-{suffix}.pdf"
    versions = ["", *(f"-version-{v}" for v in "abcd")]
    variants = [v + n for v in ("", *VARIANT_SUFFIXES) for n in versions]
    built = {output_name(request.lesson, e, "pdf", v) for e in EDITIONS for v in variants}
    built |= {printout_name(request.lesson, p, v) for p in PRINTOUTS for v in variants}
    if name in built:
        raise UsageError(
            f"--roster {request.roster.path}: its class set would be called {name}, the name "
            "of an edition packet builds — rename the roster file (9B.csv, say)"
        )
    return out / name


def _source(out: Path, request: PrintRequest, edition: Edition, what: str) -> Path:
    """The built PDF of `edition`: its student or teacher edition, or its answer key."""
    built = edition.request(BuildRequest(booklet=request.booklet), teacher=False)
    if what == "key":
        return out / printout_name(request.lesson, "answer-key", built.suffix)
    return out / output_name(request.lesson, what, "pdf", built.suffix)


def _title(path: Path) -> str:
    import pypdfium2

    document = pypdfium2.PdfDocument(path)
    try:
        title = document.get_metadata_dict().get("Title", "")
    finally:
        document.close()
    return str(title) or path.stem


def _compose(
    job: ClassSet,
    request: PrintRequest,
    students: Sequence[Student],
    sources: dict[Edition, Path],
    teacher: list[tuple[str, Path]],
    labels: tuple[str, str],
) -> None:
    """Lay the job out (its parts, and the PDF unless a dry run), stamping each cover; its
    Name and Class fields are found by `labels`, in the packet's language."""
    import pikepdf

    covers = {
        e: find_cover(path, booklet=request.booklet, labels=labels) for e, path in sources.items()
    }
    for edition, cover in covers.items():
        if not cover.found:
            job.warnings.append(
                f"{sources[edition].name}: its cover has no Name and Class fields (a project "
                "template without them?); each name is printed at the top of the cover"
            )
    stamps: list[Stamp] = []
    for student in students:
        edition = edition_of(student, request.versions)
        stamp = Stamp.of(student, covers[edition])
        job.warnings += stamp.warnings
        stamps.append(stamp)
    opened = {path: pikepdf.open(path) for path in {*sources.values(), *(p for _, p in teacher)}}
    try:
        out = pikepdf.new()
        covers_at: list[int] = []
        for student in students:
            edition = edition_of(student, request.versions)
            covers_at.append(len(out.pages))
            _append(job, out, opened[sources[edition]], _copy_label(student, edition))
        for what, path in teacher:
            _append(job, out, opened[path], what)
        if request.dry_run:
            return
        # Stamped once every copy is in: a copy made from a stamped cover would carry its name.
        overlay = _overlay(stamps)
        for index, (first, stamp) in enumerate(zip(covers_at, stamps, strict=True)):
            if stamp.texts:
                _stamp(out, first, overlay.pages[index])
        out.docinfo["/Title"] = job.title
        out.docinfo["/Creator"] = "packet"
        data = io.BytesIO()
        out.save(data, deterministic_id=True, compress_streams=True)
    finally:
        for pdf in opened.values():
            pdf.close()
    from .files import write_atomic

    write_atomic(job.path, data.getvalue())
    job.written = True


def _copy_label(student: Student, edition: Edition) -> str:
    kind = {"standard": "", "large-print": ", large print", "support": ", support"}
    version = f", version {edition.version}" if edition.version else ""
    return f"copy {student.number} (line {student.line}{kind[edition.variant]}{version})"


def _append(job: ClassSet, out: pikepdf.Pdf, source: pikepdf.Pdf, what: str) -> None:
    """`source`'s pages at the end of `out`, then a blank page if the part would otherwise
    end mid-sheet in a double-sided job."""
    for page in source.pages:  # each copy its own pages, sharing streams, fonts, pictures
        out.pages.append(page)
    padding = len(source.pages) % 2 if job.duplex else 0
    if padding:
        box = source.pages[-1].mediabox
        out.add_blank_page(page_size=(float(box[2] - box[0]), float(box[3] - box[1])))
    job.parts.append(Part(what, len(source.pages), padding))


def _stamp(out: pikepdf.Pdf, index: int, overlay: pikepdf.Page) -> None:
    """The names drawn over a copy's cover, as a form of the overlay's page. The copies share
    their resources: the cover is given its own first, so that a stamp never reaches another
    copy's cover. (pikepdf's `add_overlay` names the form at random: not the same bytes twice.)"""
    import pikepdf

    cover = out.pages[index]
    resources = pikepdf.Dictionary(dict(cover.obj.Resources.items()))
    xobjects = pikepdf.Dictionary(dict(resources.get("/XObject", {}).items()))
    name = next(f"/PacketStamp{n}" for n in range(1000) if f"/PacketStamp{n}" not in xobjects)
    xobjects[name] = out.copy_foreign(overlay.as_form_xobject())
    resources.XObject = xobjects
    cover.obj.Resources = resources
    cover.contents_add(pikepdf.Stream(out, b"q\n"), prepend=True)
    cover.contents_add(pikepdf.Stream(out, f"\nQ q {name} Do Q\n".encode()), prepend=False)


# --- where the names go ---------------------------------------------------------------


@dataclass(frozen=True)
class Spot:
    """A field on the cover: where its text starts, its baseline (points from the page's
    foot), how wide it may run and the size it is set at."""

    x: float
    baseline: float
    width: float
    size: float


@dataclass(frozen=True)
class Cover:
    width: float
    height: float
    name: Spot | None
    group: Spot | None
    found: bool = True  # False: no Name field on the cover; the name goes at its top


Box = tuple[float, float, float, float]  # left, bottom, right, top: points from the foot


def find_cover(
    path: Path, *, booklet: bool = False, labels: tuple[str, str] | None = None
) -> Cover:
    """The Name and Class fields of the first page of `path`: a NAME label with a ruled line
    starting under it (so a summary that says "name the class" is not taken for them), and
    the CLASS label with a line of its own — on its baseline to its right, else the nearest
    below it. `labels` are the two labels as the packet's language has them (English's
    "Name" and "Class" unless given; `cover_labels`). A cover without them (a project
    template that drops them) gets its names at the top of the cover (on a booklet's first
    side, the right-hand half)."""
    import pypdfium2
    import pypdfium2.raw as pdfium_c

    name_label, class_label = labels or cover_labels(ENGLISH)
    document = pypdfium2.PdfDocument(path)
    try:
        page = document[0]
        width, height = page.get_size()
        text = page.get_textpage()
        chars = [chr(pdfium_c.FPDFText_GetUnicode(text.raw, i)) for i in range(text.count_chars())]
        labels_at = {
            word: [_label_box(text, chars, at) for at in _written(chars, label)]
            for word, label in (("name", name_label), ("class", class_label))
        }
        # The ruled lines' boxes: each field runs to the end of the line its label sits on.
        paths = [o.get_bounds() for o in page.get_objects() if o.type == pdfium_c.FPDF_PAGEOBJ_PATH]
    finally:
        document.close()
    fields = {
        word: [(box, end) for box in found if (end := _line_end(paths, box)) is not None]
        for word, found in labels_at.items()
    }
    if fields["name"]:
        (name, name_end), *_ = fields["name"]
        beside = [f for f in fields["class"] if abs(f[0][1] - name[1]) < 2 and f[0][0] > name[2]]
        below = sorted(
            (f for f in fields["class"] if 0 < name[1] - f[0][1] < 120), key=lambda f: -f[0][1]
        )
        group = next(iter(beside or below), None)
        return Cover(
            width,
            height,
            _spot(name, name_end),
            _spot(group[0], group[1]) if group else None,
        )
    left = width / 2 if booklet else 0.0
    half = width - left
    top = Spot(left + 0.1 * half, height - 0.06 * height, 0.8 * half, 12.0)
    return Cover(width, height, top, None, found=False)


def _folded(text: str) -> str:
    """`text` as labels are compared: in capitals, as the stylesheet sets them
    (`text-transform: uppercase`), then case-folded, accents as combining marks and spaces
    dropped — so "Nom" finds "NOM", "Straße" "STRASSE" and "⟦Ñàmé⟧" "⟦ ÑÀMÉ ⟧"."""
    return "".join(unicodedata.normalize("NFD", text.upper().casefold()).split())


def _written(chars: Sequence[str], label: str) -> list[range]:
    """Each place `label` is written whole in a page's text layer (`chars`, one string per
    character), as the range of its characters, in reading order. The label's brackets (the
    pseudo-locale's ⟦ ⟧) may be missing from the text layer: then its letters are looked for
    alone."""
    core = label.strip("".join(c for c in label if not c.isalnum()))
    for wanted in dict.fromkeys((_folded(label), _folded(core))):
        found = _find(chars, wanted) if wanted else []
        if found:
            return found
    return []


def _find(chars: Sequence[str], wanted: str) -> list[range]:
    """The ranges of `chars` whose folded text is `wanted` (already folded), with no letter
    or digit just before or after: a whole word, not "CLASS" in "CLASSROOM"."""
    folded: list[str] = []
    owner: list[int] = []  # for each folded letter, the character it comes from
    for index, char in enumerate(chars):
        piece = _folded(char)
        folded.append(piece)
        owner += [index] * len(piece)
    text = "".join(folded)
    found = []
    at = text.find(wanted)
    while at != -1:
        end = at + len(wanted)
        first, last = owner[at], owner[end - 1]
        whole = (at == 0 or owner[at - 1] != first) and (end == len(text) or owner[end] != last)
        alone = not (first > 0 and chars[first - 1].isalnum()) and not (
            last + 1 < len(chars) and chars[last + 1].isalnum()
        )
        if whole and alone:
            found.append(range(first, last + 1))
        at = text.find(wanted, at + 1)
    return found


def _label_box(text: Any, chars: Sequence[str], at: range) -> Box:
    """Where the label at `at` is written: (left, bottom, right, top). Its width runs over
    every glyph (brackets included); its foot and top are those of its plain capitals, so
    that an accent (À, Ñ), a cedilla (Ç) or a bracket does not take the size of its letters
    for bigger than it is."""
    boxes = [text.get_charbox(i) for i in at if not chars[i].isspace()]
    letters = [text.get_charbox(i) for i in at if chars[i].isalnum()]
    plain = [
        text.get_charbox(i)
        for i in at
        if chars[i].isalnum() and len(unicodedata.normalize("NFD", chars[i])) == 1
    ]
    height = plain or letters or boxes
    return (
        min(b[0] for b in boxes),
        min(b[1] for b in height),
        max(b[2] for b in boxes),
        max(b[3] for b in height),
    )


def _line_end(paths: list[Box], label: Box) -> float | None:
    """Where the ruled line under `label` ends (less a little air): the drawing that starts
    where the label does and reaches above and below its foot (the field's box); None when
    no line starts there."""
    ends = [
        right - 3.0
        for left, bottom, right, top in paths
        if abs(left - label[0]) < 2.5 and bottom < label[1] < top and right > label[2] + 10
    ]
    return min(ends) if ends else None


def _spot(label: Box, end: float) -> Spot:
    size = (label[3] - label[1]) / CAP_HEIGHT
    x = label[2] + 0.6 * size
    return Spot(x, label[1], max(end - x, 0.0), round(size * 1.2, 2))


# --- the names, set in packet's fonts ----------------------------------------------------


@dataclass(frozen=True)
class Placed:
    text: str
    x: float
    top: float  # points from the page's top
    size: float


@dataclass(frozen=True)
class Stamp:
    """What one student's cover gets: the texts and where, on a page of the cover's size."""

    width: float
    height: float
    texts: tuple[Placed, ...]
    warnings: tuple[str, ...]

    @staticmethod
    def of(student: Student, cover: Cover) -> Stamp:
        texts: list[Placed] = []
        warnings: list[str] = []
        for value, spot, what in (
            (student.name, cover.name, "name"),
            (student.group, cover.group, "class"),
        ):
            if not value or spot is None:
                continue
            if not covered(value):
                warnings.append(
                    f"{student_where(student)}: no font packet ships has every letter of this "
                    f"{what}; its field is left blank for the student to write in"
                )
                continue
            size = min(spot.size, spot.width / max(text_width(value), 1e-6))
            if size < SMALLEST * spot.size:
                warnings.append(
                    f"{student_where(student)}: the {what} is too long for the cover's field; "
                    "the field is left blank for the student to write in"
                )
                continue
            texts.append(
                Placed(value, spot.x, cover.height - spot.baseline - LINE_ASCENT * size, size)
            )
        return Stamp(cover.width, cover.height, tuple(texts), tuple(warnings))


def student_where(student: Student) -> str:
    return f"roster line {student.line}"


@cache
def _faces() -> tuple[tuple[frozenset[int], dict[int, float]], ...]:
    """Each name font's characters and their advance widths in ems."""
    from fontTools.ttLib import TTFont

    faces = []
    for name in NAME_FONTS.values():
        font = TTFont(THEME_FONTS / name, lazy=True)
        cmap = font.getBestCmap()
        metrics = font["hmtx"].metrics
        em = font["head"].unitsPerEm
        faces.append(
            (frozenset(cmap), {c: metrics[g][0] / em for c, g in cmap.items() if g in metrics})
        )
        font.close()
    return tuple(faces)


def covered(text: str) -> bool:
    """Whether the name fonts have every letter of `text` (or it would print as boxes)."""
    faces = _faces()
    return all(
        c in _UNDRAWN or any(ord(c) in chars for chars, _ in faces)
        for c in unicodedata.normalize("NFC", text)
    )


def text_width(text: str) -> float:
    """`text`'s width in ems, each letter from the first face that has it — a little over
    for scripts whose letters join or stack, which is the safe side for a field."""
    total = 0.0
    for c in text:
        for chars, widths in _faces():
            if ord(c) in chars:
                total += widths.get(ord(c), 0.6)
                break
        else:
            total += 0.3
    return total


def _overlay(stamps: Sequence[Stamp]) -> pikepdf.Pdf:
    """One page per stamp, the size of its cover, with the texts as real text (WeasyPrint:
    shaping for Arabic and Khmer, the fonts embedded)."""
    import pikepdf
    from weasyprint import HTML
    from weasyprint.text.fonts import FontConfiguration

    from .render import _Capture, _make_fetcher, reproducible

    sizes = sorted({(s.width, s.height) for s in stamps})
    faces = "".join(
        f'@font-face {{ font-family: "{family}"; src: url({font}); }}\n'
        for family, font in NAME_FONTS.items()
    )
    families = ", ".join(f'"{family}"' for family in NAME_FONTS)
    pages = "".join(
        f"@page size{n} {{ size: {w:.2f}pt {h:.2f}pt; margin: 0; }}\n"
        for n, (w, h) in enumerate(sizes)
    )
    body = []
    for stamp in stamps:
        n = sizes.index((stamp.width, stamp.height))
        spans = "".join(
            f'<span dir="auto" style="left: {t.x:.2f}pt; top: {t.top:.2f}pt; '
            f'font-size: {t.size:.2f}pt">{html.escape(t.text)}</span>'
            for t in stamp.texts
        )
        body.append(
            f'<div class="page" style="page: size{n}; height: {stamp.height:.2f}pt">{spans}</div>'
        )
    document = (
        "<!DOCTYPE html><html><head><meta charset='utf-8'><style>\n"
        f"{faces}{pages}"
        "body { margin: 0; }\n"
        ".page { position: relative; break-after: page; overflow: hidden; }\n"
        f"span {{ position: absolute; white-space: nowrap; line-height: 1; color: #000; "
        f"font-family: {families}; unicode-bidi: plaintext; }}\n"
        "</style></head><body>" + "".join(body) + "</body></html>"
    )
    # WeasyPrint's messages are held and let go: one could quote a name, which is not to be
    # printed or logged (coverage of every letter was checked before).
    logger = logging.getLogger("weasyprint")
    capture = _Capture()
    logger.addHandler(capture)
    try:
        with reproducible():
            data = HTML(
                string=document,
                base_url=THEME_FONTS.as_uri() + "/",
                url_fetcher=_make_fetcher((THEME_FONTS.resolve(),)),
            ).write_pdf(font_config=FontConfiguration())
    except Exception as exc:
        raise BuildError(f"the names could not be set ({type(exc).__name__}: {exc})") from exc
    finally:
        logger.removeHandler(capture)
    return pikepdf.open(io.BytesIO(data))
