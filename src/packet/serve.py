"""`packet serve`: a live preview of the project's lessons in the browser.

A small HTTP server on 127.0.0.1 (the standard library's) shows each lesson's HTML
packet. A watcher (watchfiles) notices every save under content/, seeds/, templates/
and packet.toml, rebuilds the lessons being looked at, and tells the open pages over
Server-Sent Events to reload. A bar above the packet switches edition and downloads
the PDF, built on request from the same files. A build that fails shows its problems,
with file and line, in place of the packet until a save fixes them.

Builds go through build.build into the output folder, so the build cache makes a
rebuild after one edit cost only what changed; one build runs at a time. The packets it
builds (the previews and the PDFs to download) have packet's own words in `--language`, else
packet.toml's `language`, as `packet build --language` builds them. serve's own pages (the
lessons, the preview bar, the problems, the composer) are a tool's, in English like the
command line.

    /                         the lessons
    /<lesson>/<edition>       the HTML packet, with the preview bar and reload script
    /<lesson>/<edition>.pdf   the PDF, built now if out of date
    /events                   "data: <version>" whenever a rebuild finished

A shared unit can name its files anything and its templates can write any HTML, so
every name serve prints is escaped (and percent-encoded in URLs), only lesson files the
project loader accepts are served, and the pages carry a Content-Security-Policy under
which nothing runs but serve's own reload script.
"""

from __future__ import annotations

import hashlib
import hmac
import html
import http.cookies
import http.server
import json
import os
import re
import secrets
import signal
import socket
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, quote, urlsplit

from . import answers, lessonfile
from .build import BuildRequest, build
from .choices import EDITIONS, PRINTOUTS
from .composer import PREVIEW_POLICY, Composer, PrintOptions
from .composer import page as composer_page
from .composer import policy as composer_policy
from .errors import ContentError, PacketError, UsageError
from .files import MAX_OUTPUT_BYTES, Refused, read_file
from .layout import INPUT_FOLDERS, LESSONS, PROJECT_FILE, is_id, output_name, printout_name

KEEPALIVE_SECONDS = 15.0  # an open event stream hears something at least this often
MAX_BODY_BYTES = 1_000_000  # a composer request: a lesson's form is a few kB
BODY_SECONDS = 10.0  # a client sending a body slower than this is dropped
MAX_SESSIONS = 8  # browser tabs whose latest preview is kept
SESSION_COOKIE = "packet-session"


@dataclass
class Page:
    """What a lesson's edition looks like now: its HTML packet, or why it could not be built."""

    html: bytes | None = None
    problems: list[str] = field(default_factory=list)


class Preview:
    """The lessons being previewed, rebuilt on demand and after every change."""

    def __init__(self, root: Path, out: Path, language: str | None = None) -> None:
        self.root = root
        self.out = out
        self.language = language  # packet's own words (i18n.py); None: packet.toml's
        self.version = 0  # counts finished rebuilds; pages reload when it moves on
        self.changed = threading.Condition()
        self.building = threading.Lock()
        self.pages: dict[tuple[str, str], Page] = {}
        self.viewed: set[str] = set()

    def _stems(self) -> list[str]:
        return sorted(p.stem for p in (self.root / LESSONS).glob("*.yaml"))

    def lessons(self) -> list[str]:
        """The lessons that can be previewed: files whose name is a lesson id."""
        return [stem for stem in self._stems() if is_id(stem)]

    def misnamed(self) -> list[str]:
        """Lesson files the loader refuses for their name (`Roots.yaml`, `my lesson.yaml`)."""
        return [f"{stem}.yaml" for stem in self._stems() if not is_id(stem)]

    def _build(self, lesson: str, editions: tuple[str, ...], formats: tuple[str, ...]) -> None:
        """Build under the lock; record each edition's page or problems."""
        request = BuildRequest(
            lessons=[lesson],
            editions=editions,  # type: ignore[arg-type]
            formats=formats,  # type: ignore[arg-type]
            language=self.language,
            out=self.out,
        )
        try:
            build(self.root, request)
        except ContentError as exc:
            for edition in editions:
                self.pages[(lesson, edition)] = Page(None, [str(p) for p in exc.problems])
            return
        except PacketError as exc:
            for edition in editions:
                self.pages[(lesson, edition)] = Page(None, [str(exc)])
            return
        except Exception as exc:  # a bug in packet: say so in the page, keep serving
            message = f"internal error ({type(exc).__name__}: {exc}) — please report it"
            for edition in editions:
                self.pages[(lesson, edition)] = Page(None, [message])
            return
        if "html" in formats:
            for edition in editions:
                found = self._output(output_name(lesson, edition, "html"))
                self.pages[(lesson, edition)] = (
                    Page(found) if isinstance(found, bytes) else Page(None, [found])
                )

    def _output(self, name: str) -> bytes | str:
        """An output the build has just written, or why it cannot be read."""
        try:
            return read_file(self.out / name, [self.out], limit=MAX_OUTPUT_BYTES)
        except Refused as exc:
            return f"{self.out / name}: {exc}"

    def page(self, lesson: str, edition: str) -> Page:
        with self.building:
            self.viewed.add(lesson)
            if (lesson, edition) not in self.pages:
                self._build(lesson, EDITIONS, ("html",))
            return self.pages[(lesson, edition)]

    def pdf(self, lesson: str, edition: str) -> bytes | Page:
        """The lesson's PDF, rebuilt if anything changed; its problems if it cannot be."""
        with self.building:
            self.pages.pop((lesson, edition), None)
            self._build(lesson, (edition,), ("pdf", "html"))
            page = self.pages[(lesson, edition)]
            if page.html is None:
                return page
            found = self._output(output_name(lesson, edition, "pdf"))
            return found if isinstance(found, bytes) else Page(None, [found])

    def download(self, lesson: str, target: str, options: PrintOptions) -> tuple[str, bytes] | Page:
        """A PDF the composer offers, printed with `options`: an edition (`student`,
        `teacher`) or a teacher's printout (`answer-key`, `lesson-plan`); its file name."""
        printout = target in PRINTOUTS
        edition = "teacher" if printout else target
        request = BuildRequest(
            lessons=[lesson],
            editions=(edition,),  # type: ignore[arg-type]
            formats=("pdf",),
            paper=options.paper,
            large_print=options.large_print and target != "lesson-plan",
            booklet=options.booklet and not printout,
            double_sided=options.double_sided,
            language=self.language,
            out=self.out,
        )
        if printout:
            name = printout_name(lesson, target, request.suffix)
        else:
            name = output_name(lesson, edition, "pdf", request.suffix)
        with self.building:
            try:
                build(self.root, request)
            except ContentError as exc:
                return Page(None, [str(p) for p in exc.problems])
            except PacketError as exc:
                return Page(None, [str(exc)])
            found = self._output(name)
        return (name, found) if isinstance(found, bytes) else Page(None, [found])

    def rebuild(self) -> None:
        """After a change: rebuild the lessons on screen, then tell their pages."""
        with self.building:
            self.pages.clear()
            lessons = self.lessons()
            for lesson in sorted(self.viewed):
                if lesson in lessons:
                    self._build(lesson, EDITIONS, ("html",))
        with self.changed:
            self.version += 1
            self.changed.notify_all()

    def wait(self, seen: int, timeout: float) -> int:
        with self.changed:
            self.changed.wait_for(lambda: self.version != seen, timeout=timeout)
            return self.version


def watched_folders(root: Path) -> list[Path]:
    """The project's input folders and every folder inside them, links not followed: a
    shared unit's `templates/elsewhere -> /usr` would otherwise have the watcher walk (and
    hold inotify watches on) the whole machine; read_file refuses what such links lead to."""
    found = []
    for name in INPUT_FOLDERS:
        top = root / name
        if not top.is_dir() or top.is_symlink():
            continue
        for folder, subfolders, _ in os.walk(top, followlinks=False):
            subfolders[:] = sorted(d for d in subfolders if not d.startswith("."))
            found.append(Path(folder))
    return found


def watch(root: Path, on_change: Callable[[], None], stop: threading.Event) -> None:
    """Call `on_change` after each batch of saves to the project's inputs, until `stop`."""
    import watchfiles

    def relevant(change: watchfiles.Change, path: str) -> bool:
        name = Path(path).name
        return not name.startswith(".") and not name.endswith("~")

    while not stop.is_set():
        folders = watched_folders(root)
        try:
            for _ in watchfiles.watch(
                *folders,
                root / PROJECT_FILE,
                watch_filter=relevant,
                stop_event=stop,
                debounce=300,
                recursive=False,
                ignore_permission_denied=True,
            ):
                on_change()
                if watched_folders(root) != folders:
                    break  # a folder came or went: watch the folders there are now
        except Exception:  # a folder vanished while being watched, say: look again
            on_change()
            stop.wait(1.0)


# -- pages ----------------------------------------------------------------------------------

_STYLE = """
.packet-preview { font: 14px/1.4 system-ui, sans-serif; background: #1d3557; color: #fff;
  padding: 8px 12px; display: flex; flex-wrap: wrap; gap: 6px 16px; align-items: center; }
.packet-preview a { color: #fff; }
.packet-preview a[aria-current] { font-weight: 700; text-decoration: none; }
.packet-preview .when { opacity: 0.8; margin-left: auto; }
"""

_RELOAD_JS = """
(function () {
  var shown = %d;
  var events = new EventSource("/events");
  events.onmessage = function (event) {
    if (Number(event.data) !== shown) { location.reload(); }
  };
})();
"""


def _reload(version: int) -> str:
    return f"<script>{_RELOAD_JS % version}</script>"


def policy(version: int, *scripts: str) -> str:
    """The Content-Security-Policy of a page showing `version`: only the reload script runs
    (and `scripts`: the student HTML packet's own answers script).

    A shared unit's template can put a script or an `onload=` in its HTML packet; in the
    preview it does not run, nor loads anything from elsewhere (images and fonts are
    embedded as data: URLs), nor is the page framed by another site.
    """
    hashes = " ".join(answers.script_source(s) for s in (_RELOAD_JS % version, *scripts))
    return "; ".join(
        (
            "default-src 'none'",
            f"script-src {hashes}",
            "connect-src 'self'",  # the reload script's /events
            "style-src 'unsafe-inline'",
            "img-src 'self' data:",
            "font-src 'self' data:",
            "base-uri 'none'",
            "form-action 'self'",
            "frame-ancestors 'none'",
        )
    )


def _href(*parts: str) -> str:
    """A path on this server, percent-encoded and escaped for an HTML attribute."""
    return html.escape(quote("/" + "/".join(parts)), quote=True)


def _shown(name: str) -> str:
    """A file name as text for the page: escaped, control and bidi characters spelled out."""
    visible = "".join(
        c if c.isprintable() else f"\\x{ord(c):02x}" if ord(c) < 0x100 else f"\\u{ord(c):04x}"
        for c in name
    )
    return html.escape(visible, quote=True)


def attachment(filename: str) -> str:
    """A Content-Disposition that saves the file as `filename`, quotes and all kept out."""
    plain = re.sub(r"[^A-Za-z0-9._-]", "_", filename)
    return f'attachment; filename="{plain}"'


def local_host(host: str, port: int) -> bool:
    """Whether a Host header names this machine at serve's port (no DNS rebinding).

    Browsers leave the port out when it is the scheme's default, so on port 80 the
    bare names are this server too.
    """
    names = ("127.0.0.1", "localhost")
    allowed = {f"{name}:{port}" for name in names}
    if port == 80:
        allowed.update(names)
    return host.lower() in allowed


def _bar(lesson: str, edition: str) -> str:
    links = " ".join(
        f'<a href="{_href(lesson, e)}"{" aria-current=page" if e == edition else ""}>'
        f"{html.escape(e.capitalize())} edition</a>"
        for e in EDITIONS
    )
    return (
        f'<style>{_STYLE}</style><div class="packet-preview screen-only" role="navigation" '
        f'aria-label="Preview"><strong>packet preview</strong> <a href="/">Lessons</a> {links} '
        f'<a href="{_href(lesson, f"{edition}.pdf")}" download>Download the PDF</a> '
        f'<span class="when">built {time.strftime("%H:%M:%S")}; reloads when you save</span></div>'
    )


_OWN_POLICY = re.compile(r'<meta http-equiv="Content-Security-Policy" content="[^"]*">\n?')


def packet_page(page_html: bytes, lesson: str, edition: str, version: int) -> bytes:
    """The HTML packet with the preview bar at the top and the reload script at the end;
    its own policy (which allows no reload script, no event stream) gives way to serve's,
    sent as a header (`policy`)."""
    text = page_html.decode("utf-8")
    text = _OWN_POLICY.sub("", text, count=1)
    text = text.replace("<body>", "<body>" + _bar(lesson, edition), 1)
    text = text.replace("</body>", _reload(version) + "</body>", 1)
    return text.encode("utf-8")


def _document(title: str, body: str, version: int) -> bytes:
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{html.escape(title)}</title><style>{_STYLE}"
        "body { margin: 0; font: 16px/1.5 system-ui, sans-serif; color: #111; }"
        "main { max-width: 48rem; margin: 0 auto; padding: 1.5rem; }"
        "li { margin: 0.5rem 0; } code { font-size: 0.95em; }"
        ".problems li { list-style: none; padding: 0.5rem 0.75rem; border-left: 4px solid #b00020;"
        " background: #fdf1f2; white-space: pre-wrap; }</style></head>"
        f"<body>{body}{_reload(version)}</body></html>"
    ).encode()


def problems_page(lesson: str, edition: str, problems: list[str], version: int) -> bytes:
    items = "".join(f"<li><code>{html.escape(p)}</code></li>" for p in problems)
    body = (
        f"{_bar(lesson, edition)}<main><h1>The packet could not be built</h1>"
        "<p>Fix what is listed below and save: this page rebuilds and reloads by itself.</p>"
        f'<ul class="problems">{items}</ul></main>'
    )
    return _document("packet: the packet could not be built", body, version)


def index_page(lessons: list[str], version: int, misnamed: list[str] | None = None) -> bytes:
    """The lessons, and the files in content/lessons/ that are not lessons for their name.

    Those are listed (as text, never links) rather than skipped: the project loader
    refuses them, so every build fails until they are renamed, and the teacher should
    see why here first.
    """
    items = "".join(
        f'<li><a href="{_href(name, "student")}">{html.escape(name)}</a> · '
        f'<a href="{_href(name, "teacher")}">teacher edition</a> · '
        f'<a href="{_href("lessons", name, "edit")}">edit</a></li>'
        for name in lessons
    )
    body = (
        f"<main><h1>Lessons</h1><ul>{items}</ul>"
        '<p><a href="/lessons/new">Compose a new lesson</a> · '
        '<a href="/lessons/deleted">Deleted lessons</a></p>'
    )
    if misnamed:
        refused = "".join(f"<li><code>{_shown(name)}</code></li>" for name in misnamed)
        body += (
            "<h2>Not lessons</h2><p>A lesson file's name is its id: lowercase letters, digits"
            " and hyphens, like <code>4-aftermath.yaml</code>. Rename these files in"
            " content/lessons/ (or move them out): no packet builds until then.</p>"
            f'<ul class="problems">{refused}</ul>'
        )
    body += "</main>"
    return _document("packet: lessons", body, version)


# -- the server -----------------------------------------------------------------------------


class PreviewServer(http.server.ThreadingHTTPServer):
    """serve's HTTP server on 127.0.0.1: the preview its pages show, one thread a request."""

    daemon_threads = True  # open event streams never hold up stopping

    def __init__(self, preview: Preview, port: int) -> None:
        """Listen on 127.0.0.1:`port` (0: any free port); OSError if it cannot."""
        super().__init__(("127.0.0.1", port), PreviewHandler)
        self.preview = preview
        self.composer = Composer(preview.root, preview.language)
        self.secret = secrets.token_bytes(32)  # a session's token: HMAC of its cookie
        self.previews: dict[str, bytes] = {}  # each session's latest draft preview
        self.previews_made = 0
        self.layouts: dict[str, int] = {}  # each session's latest layout asked for
        self.tickets = threading.Lock()
        self.port = int(self.server_address[1])  # the port a request's Host must name
        self.closing = False  # set on stopping: event streams end

    def token(self, session: str) -> str:
        """The token a session's pages send with each change (the page holds it, another
        site's page cannot read it)."""
        return hmac.new(self.secret, session.encode(), hashlib.sha256).hexdigest()

    def keep_preview(self, session: str, page: bytes) -> None:
        """Keep a session's latest preview for its frame; a few sessions at most."""
        self.previews.pop(session, None)
        self.previews[session] = page
        while len(self.previews) > MAX_SESSIONS:
            self.previews.pop(next(iter(self.previews)))
        self.previews_made += 1

    def layout_asked(self, session: str) -> int:
        """A ticket for a session's layout: only the latest one asked for is made."""
        with self.tickets:
            ticket = self.layouts.get(session, 0) + 1
            self.layouts.pop(session, None)
            self.layouts[session] = ticket
            while len(self.layouts) > MAX_SESSIONS:
                self.layouts.pop(next(iter(self.layouts)))
            return ticket

    def close(self) -> None:
        """Stop answering: end the open event streams and release the port."""
        self.closing = True
        with self.preview.changed:
            self.preview.changed.notify_all()
        self.server_close()

    def handle_error(
        self, request: socket.socket | tuple[bytes, socket.socket], client_address: Any
    ) -> None:
        """A browser that went away (a cancelled download, a closed tab) is no error."""
        if isinstance(sys.exc_info()[1], ConnectionError):
            return
        super().handle_error(request, client_address)


class PreviewHandler(http.server.BaseHTTPRequestHandler):
    """One request to the preview: the lessons, a packet or its PDF, the reload events."""

    server: PreviewServer
    server_version = "packet"
    # A client that stops sending its request (or a body, _read) for this long is dropped;
    # event streams write well within it (KEEPALIVE_SECONDS).
    timeout = 30.0

    @property
    def preview(self) -> Preview:
        return self.server.preview

    def log_message(self, format: str, *args: object) -> None:  # quiet: the terminal is
        pass  # for the teacher's build messages

    def do_GET(self) -> None:
        if not self._local():
            self._send(403, b"packet serve answers only 127.0.0.1", "text/plain")
            return
        path = urlsplit(self.path).path.strip("/")
        version = self.preview.version
        if path == "":
            self._index(version)
        elif path == "events":
            self._events()
        elif path == "favicon.ico":
            self._send(204, b"", "image/x-icon")
        elif path.startswith("lessons/"):
            self._composer_page(path.split("/")[1:], version)
        else:
            self._lesson(path, version)

    def do_POST(self) -> None:
        """The composer's changes: only from serve's own pages, with the session's token."""
        refusal = self._refuse_post()
        if refusal:
            self._json(403, {"error": refusal})
            return
        body = self._body()
        if body is None:
            return
        route = urlsplit(self.path).path.strip("/")
        action = {
            "lessons/preview": self._preview_draft,
            "lessons/pages": self._lay_out,
            "lessons/save": self._save,
            "lessons/delete": self._delete,
            "lessons/restore": self._restore,
        }.get(route)
        if action is None:
            self._json(404, {"error": "no such action"})
            return
        try:
            action(body)
        except lessonfile.Stale as exc:
            self._json(409, {"error": str(exc), "stale": True})
        except PacketError as exc:
            self._json(400, {"error": str(exc)})
        except OSError as exc:  # a disk full, a folder not writable: say so, keep serving
            self._json(500, {"error": f"the file could not be changed: {exc}"})
        except Exception as exc:  # a bug in packet: answer, say so, keep serving
            message = f"internal error ({type(exc).__name__}: {exc}) — please report it"
            self._json(500, {"error": message})

    # -- the routes ----------------------------------------------------------------------

    def _index(self, version: int) -> None:
        """/: the lessons, and the files in content/lessons/ that are not lessons."""
        body = index_page(self.preview.lessons(), version, self.preview.misnamed())
        self._page(200, body, version)

    def _lesson(self, path: str, version: int) -> None:
        """/<lesson>/<edition>[.pdf]; /<lesson> alone goes to its student edition;
        /<lesson>/answer-key.pdf and lesson-plan.pdf; a PDF's print options in its query."""
        parts = path.split("/")
        lesson, target = [*parts, ""][:2] if len(parts) <= 2 else ("", "")
        edition, _, suffix = target.partition(".")
        known = lesson in self.preview.lessons()
        query = urlsplit(self.path).query
        if known and suffix == "pdf" and (edition in PRINTOUTS or (edition in EDITIONS and query)):
            self._download(lesson, edition, _print_options(query), version)
        elif known and edition in EDITIONS and suffix == "pdf":
            self._pdf(lesson, edition, version)
        elif known and edition in EDITIONS and suffix == "":
            self._show(lesson, edition, self.preview.page(lesson, edition), version)
        elif known and target == "":
            self._send(302, b"", "text/plain", Location=quote(f"/{lesson}/student"))
        else:
            self._not_found(version)

    def _pdf(self, lesson: str, edition: str, version: int) -> None:
        """The edition's PDF as a download, or the problems that kept it from being built."""
        result = self.preview.pdf(lesson, edition)
        if isinstance(result, Page):
            self._show(lesson, edition, result, version)
            return
        name = output_name(lesson, edition, "pdf")
        self._send(200, result, "application/pdf", Content_Disposition=attachment(name))

    def _download(self, lesson: str, target: str, options: PrintOptions, version: int) -> None:
        result = self.preview.download(lesson, target, options)
        if isinstance(result, Page):
            self._show(lesson, "teacher" if target in PRINTOUTS else target, result, version)
            return
        name, data = result
        self._send(200, data, "application/pdf", Content_Disposition=attachment(name))

    # -- the composer --------------------------------------------------------------------

    def _composer_page(self, parts: list[str], version: int) -> None:
        """/lessons/new, /lessons/<id>/edit, /lessons/deleted, /lessons/preview/<n>."""
        composer = self.server.composer
        if parts == ["new"]:
            self._composer(composer.opening(None), "A new lesson")
        elif len(parts) == 2 and parts[1] == "edit" and parts[0] in self.preview.lessons():
            state = composer.opening(parts[0])
            if state["catalogue"] is not None and parts[0] not in state["catalogue"]["lessons"]:
                state = {"problems": [f"the lesson '{parts[0]}' is not loaded"], "catalogue": None}
            self._composer(state, f"Lesson {parts[0]}")
        elif parts == ["deleted"]:
            found = [vars(d) for d in lessonfile.deleted(self.preview.root)]
            self._composer({"deleted": found, "folder": lessonfile.DELETED}, "Deleted lessons")
        elif len(parts) == 2 and parts[0] == "preview":
            shown = self.server.previews.get(self._session() or "")
            if shown is None:
                self._not_found(version)
                return
            kind = "text/html; charset=utf-8"
            self._send(200, shown, kind, Content_Security_Policy=PREVIEW_POLICY)
        else:
            self._not_found(version)

    def _composer(self, state: dict[str, Any], title: str) -> None:
        session = self._session()
        cookie = {}
        if session is None:
            session = secrets.token_urlsafe(24)
            cookie["Set_Cookie"] = f"{SESSION_COOKIE}={session}; Path=/; HttpOnly; SameSite=Strict"
        body = composer_page(title, state, self.server.token(session))
        kind = "text/html; charset=utf-8"
        self._send(200, body, kind, Content_Security_Policy=composer_policy(), **cookie)

    def _preview_draft(self, body: dict[str, Any]) -> None:
        lesson, form, options, new = _draft_in(body)
        shown = self.server.composer.preview(lesson, form, options, new=new)
        answer = shown.as_json()
        if shown.html is not None:
            session = self._session() or ""
            self.server.keep_preview(session, shown.html)
            answer["url"] = f"/lessons/preview/{self.server.previews_made}"
        self._json(200, answer)

    def _lay_out(self, body: dict[str, Any]) -> None:
        """The draft's exact pages and its print preflight, once it is laid out as a PDF;
        `superseded` when a newer layout of this session's was asked for meanwhile."""
        session = self._session() or ""
        ticket = self.server.layout_asked(session)
        lesson, form, options, new = _draft_in(body)
        laid = self.server.composer.lay_out(
            lesson,
            form,
            options,
            new=new,
            wanted=lambda: self.server.layouts.get(session) == ticket,
        )
        self._json(200, {"superseded": True} if laid is None else laid.as_json())

    def _save(self, body: dict[str, Any]) -> None:
        lesson = _id_in(body)
        form = lessonfile.LessonForm.from_json(body.get("lesson"))
        opened = body.get("opened") if isinstance(body.get("opened"), str) else None
        composer = self.server.composer
        with composer.writing:
            text = composer.draft_text(None if opened is None else lesson, form)
            problems = composer.problems_of(lesson, text)
            if problems:
                self._json(422, {"error": "Not saved: fix what is listed first.",
                                 "problems": [str(p) for p in problems]})  # fmt: skip
                return
            saved = lessonfile.save(self.preview.root, lesson, text, opened)
        self._json(200, {"opened": saved, "path": f"{LESSONS}/{lesson}.yaml"})

    def _delete(self, body: dict[str, Any]) -> None:
        lesson = _id_in(body)
        opened = body.get("opened") if isinstance(body.get("opened"), str) else None
        with self.server.composer.writing:
            name = lessonfile.delete(self.preview.root, lesson, opened)
        self._json(200, {"name": name})

    def _restore(self, body: dict[str, Any]) -> None:
        name = body.get("name")
        if not isinstance(name, str):
            raise UsageError("say which deleted lesson to restore")
        with self.server.composer.writing:
            lesson = lessonfile.restore(self.preview.root, name)
        self._json(200, {"lesson": lesson})

    # -- requests that change files ------------------------------------------------------

    def _session(self) -> str | None:
        cookies = http.cookies.SimpleCookie()
        try:
            cookies.load(self.headers.get("Cookie", ""))
        except http.cookies.CookieError:
            return None
        morsel = cookies.get(SESSION_COOKIE)
        return morsel.value if morsel is not None and morsel.value else None

    def _refuse_post(self) -> str | None:
        """Why a POST is refused: not from this machine, from another site's page (its
        Origin), without the session's cookie or the token serve's page holds, or not JSON."""
        if not self._local():
            return "packet serve answers only 127.0.0.1"
        origins = self.headers.get_all("Origin") or []
        host = (self.headers.get("Host") or "").lower()
        if len(origins) != 1 or origins[0].lower() != f"http://{host}":
            return "changes are accepted only from packet serve's own pages"
        session = self._session()
        given = self.headers.get("X-Packet-Token") or ""
        if session is None or not hmac.compare_digest(given, self.server.token(session)):
            return "this page's session has ended — reload it (your changes here are not saved)"
        kind = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        if kind != "application/json":
            return "changes are sent as JSON"
        return None

    def _body(self) -> dict[str, Any] | None:
        """The request's JSON object, read within BODY_SECONDS; None once refused."""
        try:
            length = int(self.headers.get("Content-Length") or "")
        except ValueError:
            self._json(411, {"error": "a change needs its length"})
            return None
        if not 0 <= length <= MAX_BODY_BYTES:
            self._json(413, {"error": "the request is too large"})
            return None
        try:
            data = json.loads(self._read(length))
        except TimeoutError:
            self.close_connection = True
            self._json(408, {"error": "the request came too slowly"})
            return None
        except (OSError, ValueError, RecursionError):
            self.close_connection = True
            self._json(400, {"error": "the request is not JSON"})
            return None
        if not isinstance(data, dict):
            self._json(400, {"error": "the request is not a JSON object"})
            return None
        return data

    def _read(self, length: int) -> bytes:
        """The body's `length` bytes, all within BODY_SECONDS (TimeoutError if not): a
        client sending a byte now and then holds a thread no longer than that."""
        deadline = time.monotonic() + BODY_SECONDS
        parts: list[bytes] = []
        left = length
        while left:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise TimeoutError
            self.connection.settimeout(remaining)
            part = self.rfile.read1(min(left, 65536))
            if not part:
                raise ValueError("the body ended early")
            parts.append(part)
            left -= len(part)
        self.connection.settimeout(self.timeout)
        return b"".join(parts)

    def _json(self, status: int, data: dict[str, Any]) -> None:
        body = json.dumps(data).encode("ascii")  # escaped: no text can break the answer
        self._send(status, body, "application/json; charset=utf-8")

    def _show(self, lesson: str, edition: str, page: Page, version: int) -> None:
        """The packet with the preview bar, or the problems page in its place."""
        if page.html is None:
            body = problems_page(lesson, edition, page.problems, version)
        else:
            body = packet_page(page.html, lesson, edition, version)
            if answers.SCRIPT.encode() in page.html:
                kind = "text/html; charset=utf-8"
                header = policy(version, answers.SCRIPT)
                self._send(200, body, kind, Content_Security_Policy=header)
                return
        self._page(200, body, version)

    def _not_found(self, version: int) -> None:
        body = '<main><h1>Not found</h1><p><a href="/">The lessons</a></p></main>'
        self._page(404, _document("Not found", body, version), version)

    def _events(self) -> None:
        """/events: the version now, then each new one as rebuilds finish, until stopping."""
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        seen = -1
        try:
            while not self.server.closing:
                version = (
                    self.preview.wait(seen, KEEPALIVE_SECONDS)
                    if seen >= 0
                    else self.preview.version
                )
                if version != seen:
                    self.wfile.write(f"data: {version}\n\n".encode())
                    seen = version
                else:
                    self.wfile.write(b": still here\n\n")
                self.wfile.flush()
        except (BrokenPipeError, ConnectionResetError):
            return

    # -- what every answer shares --------------------------------------------------------

    def _local(self) -> bool:
        """Only pages served from this machine's own address (no DNS rebinding)."""
        hosts = self.headers.get_all("Host") or []
        return len(hosts) == 1 and local_host(hosts[0], self.server.port)

    def _page(self, status: int, body: bytes, version: int) -> None:
        """One of serve's HTML pages, showing `version`."""
        kind = "text/html; charset=utf-8"
        self._send(status, body, kind, Content_Security_Policy=policy(version))

    def _send(self, status: int, body: bytes, kind: str, **headers: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Cross-Origin-Resource-Policy", "same-origin")  # no <img src=…>
        for name, value in headers.items():
            self.send_header(name.replace("_", "-"), value)
        self.end_headers()
        self.wfile.write(body)


def serve(
    root: Path,
    out: Path,
    lesson: str | None,
    port: int,
    on_ready: Callable[[str], None],
    language: str | None = None,
) -> None:
    """Serve until interrupted (Ctrl-C); `on_ready` hears the address to open. The packets
    are built with packet's own words in `language` (None: packet.toml's)."""
    preview = Preview(root, out, language)
    _known(preview, lesson)
    server = _listen(preview, port)
    stop = threading.Event()
    threading.Thread(target=watch, args=(root, preview.rebuild, stop), daemon=True).start()
    on_ready(f"http://127.0.0.1:{server.port}/" + (f"{lesson}/student" if lesson else ""))
    try:
        server.serve_forever(poll_interval=0.2)
    finally:
        with _ctrl_c_ignored():  # a second Ctrl-C while stopping is moot
            stop.set()
            server.close()


def _id_in(body: dict[str, Any]) -> str:
    """The request's lesson id; UsageError if it is not one."""
    lesson = body.get("id")
    problem = lessonfile.id_problem(lesson if isinstance(lesson, str) else "")
    if problem:
        raise UsageError(problem)
    return str(lesson)


def _draft_in(body: dict[str, Any]) -> tuple[str, lessonfile.LessonForm, PrintOptions, bool]:
    """A preview's or layout's draft: the id typed (perhaps not an id yet), the form, the
    print options, and whether it is a new lesson."""
    lesson = body.get("id")
    return (
        lesson if isinstance(lesson, str) else "",
        lessonfile.LessonForm.from_json(body.get("lesson")),
        PrintOptions.from_json(body.get("options")),
        body.get("new") is not False,
    )


def _print_options(query: str) -> PrintOptions:
    """A download's print options from its query (`paper=letter&large-print=1`)."""
    asked = {k: v[-1] for k, v in parse_qs(query).items()}
    sided = asked.get("double-sided")
    return PrintOptions(
        paper=asked.get("paper") if asked.get("paper") in ("a4", "letter") else None,
        large_print=asked.get("large-print") == "1",
        booklet=asked.get("booklet") == "1",
        double_sided=None if sided not in ("0", "1") else sided == "1",
    )


def _known(preview: Preview, lesson: str | None) -> None:
    """Refuse to start on a lesson the project does not have."""
    if lesson is not None and lesson not in preview.lessons():
        known = ", ".join(preview.lessons()) or "none yet"
        raise UsageError(f"unknown lesson '{lesson}' — known: {known}")


def _listen(preview: Preview, port: int) -> PreviewServer:
    try:
        return PreviewServer(preview, port)
    except OSError as exc:
        raise UsageError(
            f"cannot listen on 127.0.0.1:{port} ({exc.strerror}) — choose another with --port"
        ) from exc


@contextmanager
def _ctrl_c_ignored() -> Iterator[None]:
    """Ignore Ctrl-C inside the block, then give it back as it was (main thread only: the
    only one Python lets set signal handlers)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
