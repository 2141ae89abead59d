"""`packet serve`: a live preview of the project's lessons in the browser.

A small HTTP server on 127.0.0.1 (the standard library's) shows each lesson's HTML
packet. A watcher (watchfiles) notices every save under content/, seeds/, templates/
and packet.toml, rebuilds the lessons being looked at, and tells the open pages over
Server-Sent Events to reload. A bar above the packet switches edition and downloads
the PDF, built on request from the same files. A build that fails shows its problems,
with file and line, in place of the packet until a save fixes them.

Builds go through build.build into the output folder, so the build cache makes a
rebuild after one edit cost only what changed; one build runs at a time.

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

import base64
import hashlib
import html
import http.server
import os
import re
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
from urllib.parse import quote, urlsplit

from .build import BuildRequest, build
from .choices import EDITIONS
from .errors import ContentError, PacketError, UsageError
from .files import MAX_OUTPUT_BYTES, Refused, read_file
from .layout import INPUT_FOLDERS, LESSONS, PROJECT_FILE, is_id, output_name

KEEPALIVE_SECONDS = 15.0  # an open event stream hears something at least this often


@dataclass
class Page:
    """What a lesson's edition looks like now: its HTML packet, or why it could not be built."""

    html: bytes | None = None
    problems: list[str] = field(default_factory=list)


class Preview:
    """The lessons being previewed, rebuilt on demand and after every change."""

    def __init__(self, root: Path, out: Path) -> None:
        self.root = root
        self.out = out
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


def policy(version: int) -> str:
    """The Content-Security-Policy of a page showing `version`: only the reload script runs.

    A shared unit's template can put a script or an `onload=` in its HTML packet; in the
    preview it does not run, nor loads anything from elsewhere (images and fonts are
    embedded as data: URLs), nor is the page framed by another site.
    """
    digest = hashlib.sha256((_RELOAD_JS % version).encode()).digest()
    return "; ".join(
        (
            "default-src 'none'",
            f"script-src 'sha256-{base64.b64encode(digest).decode()}'",
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


def packet_page(page_html: bytes, lesson: str, edition: str, version: int) -> bytes:
    """The HTML packet with the preview bar at the top and the reload script at the end."""
    text = page_html.decode("utf-8")
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
        f'<a href="{_href(name, "teacher")}">teacher edition</a></li>'
        for name in lessons
    )
    body = f"<main><h1>Lessons</h1><ul>{items}</ul>"
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
        self.port = int(self.server_address[1])  # the port a request's Host must name
        self.closing = False  # set on stopping: event streams end

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
        else:
            self._lesson(path, version)

    # -- the routes ----------------------------------------------------------------------

    def _index(self, version: int) -> None:
        """/: the lessons, and the files in content/lessons/ that are not lessons."""
        body = index_page(self.preview.lessons(), version, self.preview.misnamed())
        self._page(200, body, version)

    def _lesson(self, path: str, version: int) -> None:
        """/<lesson>/<edition>[.pdf]; /<lesson> alone goes to its student edition."""
        parts = path.split("/")
        lesson, target = [*parts, ""][:2] if len(parts) <= 2 else ("", "")
        edition, _, suffix = target.partition(".")
        known = lesson in self.preview.lessons()
        if known and edition in EDITIONS and suffix == "pdf":
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

    def _show(self, lesson: str, edition: str, page: Page, version: int) -> None:
        """The packet with the preview bar, or the problems page in its place."""
        if page.html is None:
            body = problems_page(lesson, edition, page.problems, version)
        else:
            body = packet_page(page.html, lesson, edition, version)
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
    root: Path, out: Path, lesson: str | None, port: int, on_ready: Callable[[str], None]
) -> None:
    """Serve until interrupted (Ctrl-C); `on_ready` hears the address to open."""
    preview = Preview(root, out)
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
