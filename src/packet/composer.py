"""The lesson composer of `packet serve`: choose a lesson's modules, sections and activities
in the browser, see the packet as it will print beside the form, save the lesson file.

`Composer` does the work behind the pages, on data only (serve.py answers the requests):

- `opening(lesson)`: what the page starts from — the lesson's form and the digest of its
  file as opened (None for a new lesson), and the catalogue of the project's modules
  (with their key terms, to search by), documents, sections and activities.
- `preview(id, form, opened, options)`: the draft lesson written as its file would be
  (lessonfile.compose), loaded *with the project* and checked as `packet check` checks it,
  then assembled and rendered as `packet build` does (build.run.packet_for) — so a draft
  is judged by the same rules as a saved file, and the preview is the packet it builds.
  Its pages are estimated from the print HTML (build.estimate), as builds estimate them.
- `save`, `delete`, `restore`: through lessonfile, which writes only in content/lessons/.

The page itself (`page`) is one HTML document with the composer's script inline; the
Content-Security-Policy lets only that script run (its hash), and the preview shows in a
sandboxed frame under a policy that runs nothing.
"""

from __future__ import annotations

import html
import json
import math
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .answers import script_source, without_script
from .choices import DEFAULT_SECTIONS, EDITIONS, SECTIONS, Edition
from .errors import ContentError, PacketError, Problem, Severity
from .layout import LESSONS, is_id
from .lessonfile import DELETED, LessonForm, compose, current, digest, id_problem

# The page's own style and script, shipped beside this module.
_PAGE = Path(__file__).with_name("composer_page")
STYLE = (_PAGE / "composer.css").read_text(encoding="utf-8")
SCRIPT = (_PAGE / "composer.js").read_text(encoding="utf-8")
NEW_ID = "new-lesson"  # where a new lesson's draft is placed until the teacher names it
PAPERS = ("a4", "letter")


@dataclass(frozen=True)
class PrintOptions:
    """How the preview and downloads print: not saved in the lesson (they are `packet build`
    options: --edition, --paper, --large-print, --booklet, --double-sided)."""

    edition: str = "student"
    paper: str | None = None
    large_print: bool = False
    booklet: bool = False
    double_sided: bool | None = None

    @classmethod
    def from_json(cls, data: object) -> PrintOptions:
        if not isinstance(data, dict):
            return cls()
        edition = data.get("edition")
        paper = data.get("paper")
        sided = data.get("double_sided")
        return cls(
            edition=edition if edition in EDITIONS else "student",
            paper=paper if paper in PAPERS else None,
            large_print=data.get("large_print") is True,
            booklet=data.get("booklet") is True,
            double_sided=sided if isinstance(sided, bool) else None,
        )


@dataclass
class Previewed:
    """A draft's preview: the HTML packet (None if it cannot be built) and what to tell."""

    html: bytes | None
    problems: list[str] = field(default_factory=list)  # errors: nothing can be built
    warnings: list[str] = field(default_factory=list)  # of the lesson file only
    pages: int | None = None
    sheets: int | None = None
    seconds: float = 0.0

    def as_json(self) -> dict[str, Any]:
        return {
            "problems": self.problems,
            "warnings": self.warnings,
            "pages": self.pages,
            "sheets": self.sheets,
            "seconds": round(self.seconds, 3),
        }


@dataclass(frozen=True)
class _Draft:
    """A draft lesson's packet and what came with it."""

    lesson: str  # its id, or NEW_ID while it has none
    project: Any  # model.Project, read with the draft
    request: Any  # build.request.BuildRequest: its print options
    packet: Any  # assemble.Packet
    before: list[str]  # problems with its id
    warnings: list[str]  # check's warnings of its file
    two_sided: bool


def sheets(pages: int, *, double_sided: bool, booklet: bool) -> int:
    """Sheets of paper one copy takes: a booklet's sheet holds four pages, a two-sided one two."""
    per_sheet = 4 if booklet else 2 if double_sided else 1
    return math.ceil(pages / per_sheet)


class Composer:
    """The composer's work for one project: one preview is made at a time, and one change
    to the lesson files; a save never waits for previews."""

    def __init__(self, root: Path, language: str | None = None) -> None:
        self.root = root
        self.language = language  # packet's own words in the previews; None: packet.toml's
        self.lock = threading.Lock()  # one preview at a time (two would share the cores)
        self.writing = threading.Lock()  # one change to the files at a time
        self.laying_out = threading.Lock()  # one PDF layout at a time, on its own renderer
        self.renderer: Any = None

    # -- opening a lesson ----------------------------------------------------------------

    def opening(self, lesson: str | None) -> dict[str, Any]:
        """The page's starting state: the form, the file's digest, the catalogue; for a
        lesson that does not load, its problems instead of a form."""
        from .project import load_project

        try:
            project = load_project(self.root)
        except ContentError as exc:
            return {"problems": [str(p) for p in exc.problems], "catalogue": None}
        if lesson is None:
            first = list(project.modules)[:1]
            form = LessonForm(title="", modules=first, sections=list(DEFAULT_SECTIONS))
            opened = None
        else:
            form = LessonForm.of(project.lessons[lesson].entry)
            data = current(self.root, lesson)
            opened = None if data is None else digest(data)
        return {
            "lesson": lesson,
            "opened": opened,
            "form": form.as_json(),
            "catalogue": _catalogue(project),
            "problems": [],
        }

    # -- the draft -----------------------------------------------------------------------

    def draft_text(self, lesson: str | None, form: LessonForm) -> str:
        """The lesson file the form makes: the saved file edited, or a new one."""
        existing = None
        if lesson is not None and is_id(lesson):
            data = current(self.root, lesson)
            existing = None if data is None else data.decode("utf-8-sig")
        return compose(form, existing)

    def preview(
        self, lesson: str, form: LessonForm, options: PrintOptions, *, new: bool
    ) -> Previewed:
        """The packet the draft would build, or the problems that stop it."""
        started = time.perf_counter()
        with self.lock:
            shown = self._preview(lesson, form, options, new=new)
        shown.seconds = time.perf_counter() - started
        return shown

    def _draft(
        self, lesson: str, form: LessonForm, options: PrintOptions, *, new: bool
    ) -> _Draft | Previewed:
        """The draft's packet, assembled from the project read with the draft as its lesson
        file — or, as a Previewed without a page, the problems that stop it."""
        from .build.request import BuildRequest
        from .build.run import packet_for
        from .check import check_project
        from .project import load_project

        named = lesson if is_id(lesson) else NEW_ID
        before: list[str] = []
        if problem := id_problem(lesson):
            before.append(problem)
        elif new and current(self.root, lesson) is not None:
            before.append(f"a lesson called '{lesson}' already exists — choose another id")
        relative = f"{LESSONS}/{named}.yaml"
        text = self.draft_text(None if new else named, form)
        try:
            project = load_project(self.root, {relative: text})
        except ContentError as exc:
            return Previewed(None, before + [str(p) for p in exc.problems])
        report = check_project(project)
        if report.errors:
            return Previewed(None, before + [str(p) for p in report.errors])
        warnings = [
            str(p)
            for p in report.problems
            if p.severity is not Severity.ERROR and p.where.path == relative
        ]
        request = BuildRequest(
            lessons=[named],
            paper=options.paper,
            large_print=options.large_print,
            booklet=options.booklet,
            double_sided=options.double_sided,
            language=self.language,
        )
        edition: Edition = "teacher" if options.edition == "teacher" else "student"
        try:
            packet = packet_for(project, project.lessons[named], edition, request)
        except PacketError as exc:
            return Previewed(None, [*before, str(exc)])
        two_sided = request.effective_double_sided
        if two_sided is None:
            two_sided = project.settings.double_sided
        return _Draft(named, project, request, packet, before, warnings, two_sided)

    def _preview(
        self, lesson: str, form: LessonForm, options: PrintOptions, *, new: bool
    ) -> Previewed:
        from .build.estimate import estimated_pages
        from .render import render_html

        draft = self._draft(lesson, form, options, new=new)
        if isinstance(draft, Previewed):
            return draft
        try:
            # Shown in a frame that runs nothing: the packet without its answers script.
            page = without_script(render_html(draft.packet, self.root, screen=True))
            printed = render_html(draft.packet, self.root)
        except PacketError as exc:
            return Previewed(None, [*draft.before, str(exc)])
        pages = estimated_pages(printed, large_print=options.large_print, booklet=options.booklet)
        return Previewed(
            page.encode("utf-8"),
            draft.before,
            draft.warnings,
            pages,
            sheets(pages, double_sided=draft.two_sided, booklet=options.booklet),
        )

    def lay_out(
        self,
        lesson: str,
        form: LessonForm,
        options: PrintOptions,
        *,
        new: bool,
        wanted: Callable[[], bool] = lambda: True,
    ) -> Previewed | None:
        """The draft laid out as its PDF will be: its exact pages and sheets, and the print
        preflight's findings (placed in the content, as a build places them). A teacher
        edition is laid out after its student edition, as builds do, for its page numbers.
        None if, its turn come, it is no longer `wanted` (the teacher changed the lesson
        since: a layout takes seconds, and only the latest is worth making)."""
        from dataclasses import replace

        from .build.explain import explain
        from .build.run import packet_for
        from .layout import output_name
        from .render import render_html

        started = time.perf_counter()
        with self.laying_out:
            if not wanted():
                return None
            draft = self._draft(lesson, form, options, new=new)
            if isinstance(draft, Previewed):
                return draft
            renderer = self._renderer()
            packet = draft.packet
            try:
                if packet.edition == "teacher":
                    lesson_read = draft.project.lessons[draft.lesson]
                    student = packet_for(draft.project, lesson_read, "student", draft.request)
                    laid = renderer.render(render_html(student, self.root))
                    packet = replace(
                        packet, student_pages=laid.anchors, student_page_count=laid.pages
                    )
                result = renderer.render(render_html(packet, self.root))
            except PacketError as exc:
                return Previewed(None, [*draft.before, str(exc)])
        name = output_name(draft.lesson, options.edition, "pdf", draft.request.suffix)
        findings = [str(explain(draft.project, name, m)) for m in result.warnings]
        return Previewed(
            None,
            draft.before,
            draft.warnings + findings,
            result.pages,
            sheets(result.pages, double_sided=draft.two_sided, booklet=options.booklet),
            time.perf_counter() - started,
        )

    def _renderer(self) -> Any:
        """WeasyPrint, set up once (its fonts kept for every layout)."""
        from .render import PdfRenderer

        if self.renderer is None:
            self.renderer = PdfRenderer(self.root)
        return self.renderer

    def problems_of(self, lesson: str, text: str) -> list[Problem]:
        """The errors `text` has as the lesson's file, read and checked with the project;
        none: it may be saved. Errors in other files do not stop a save (a teacher may
        mend a lesson while a module is half-written), though they stop its build."""
        from .check import check_project
        from .project import load_project

        relative = f"{LESSONS}/{lesson}.yaml"
        try:
            project = load_project(self.root, {relative: text})
        except ContentError as exc:
            problems = list(exc.problems)
        else:
            problems = check_project(project).errors
        return [p for p in problems if p.where.path == relative]


def _catalogue(project: Any) -> dict[str, Any]:
    """What the composer offers: every module (title, key terms, whether a draft), document,
    section and activity, in the project's order."""
    from .schema import ACTIVITIES

    modules = []
    for module_id, module in project.modules.items():
        terms = [project.terms[t].entry.term for t in module.meta.key_terms if t in project.terms]
        modules.append(
            {
                "id": module_id,
                "title": module.meta.title,
                "summary": module.meta.summary,
                "terms": terms,
                "draft": module.meta.draft,
            }
        )
    documents = [
        {"id": d.id, "title": d.entry.title, "modules": list(d.entry.modules)}
        for d in project.documents.values()
    ]
    return {
        "modules": modules,
        "documents": documents,
        "sections": list(SECTIONS),
        "activities": list(ACTIVITIES),
        "lessons": sorted(project.lessons),
        "deleted": DELETED,
    }


# -- the page -------------------------------------------------------------------------------


def _data_block(data: dict[str, Any]) -> str:
    """`data` as JSON inside a non-running <script> block: nothing in it can end the block."""
    text = json.dumps(data, ensure_ascii=False)
    for raw, safe in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026")):
        text = text.replace(raw, safe)
    return f'<script type="application/json" id="packet-state">{text}</script>'


def policy() -> str:
    """The composer page's Content-Security-Policy: its own script only; the preview in a
    frame from this server; requests only to this server."""
    return "; ".join(
        (
            "default-src 'none'",
            f"script-src {script_source(SCRIPT)}",
            "connect-src 'self'",
            "frame-src 'self'",
            "style-src 'unsafe-inline'",
            "img-src 'self' data:",
            "base-uri 'none'",
            "form-action 'none'",
            "frame-ancestors 'none'",
        )
    )


PREVIEW_POLICY = "; ".join(
    (
        "default-src 'none'",
        "script-src 'none'",
        "style-src 'unsafe-inline'",
        "img-src 'self' data:",
        "font-src 'self' data:",
        "base-uri 'none'",
        "form-action 'none'",
        "frame-ancestors 'self'",
    )
)


def page(title: str, state: dict[str, Any], token: str) -> bytes:
    """The composer (or the deleted lessons, when `state` has `deleted`) as one page."""
    state = {**state, "token": token}
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{html.escape(title)}</title><style>{STYLE}</style></head><body>"
        f"{_data_block(state)}"
        '<header class="bar"><strong>packet</strong> <a href="/">Lessons</a></header>'
        f'<main id="composer" aria-busy="true"><h1>{html.escape(title)}</h1>'
        "<noscript>The composer needs JavaScript; the lessons can still be edited as "
        "files in content/lessons/.</noscript></main>"
        f"<script>{SCRIPT}</script></body></html>"
    ).encode()
