"""`packet serve` facing a shared project written to attack the teacher who previews it.

A colleague's unit can name its files anything: every name serve prints must stay text
(never markup, a header parameter or a terminal control sequence), and a browser that
gives up on a download or a Host header without a port must not break the preview.
Servers here listen on 127.0.0.1 only; most run in this process, one as `packet serve`.
"""

from __future__ import annotations

import base64
import hashlib
import http.client
import re
import shutil
import signal
import socket
import struct
import subprocess
import threading
import time
from collections.abc import Callable, Iterator
from html import unescape
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import quote

import pytest

from conftest import run_packet, start_packet
from packet import serve

LESSONS = "content/lessons"
INJECTED = 'x" autofocus onfocus="alert(1)" y="'
# File names a shared unit could carry in content/lessons/ (all legal on Linux and macOS).
HOSTILE = [
    INJECTED,
    "<img src=x onerror=alert(1)>",
    "x'onmouseover='alert(1)",
    "\x1b]0;owned\x07\x1b[2J",  # retitles and clears a terminal
    "safe\u202eevil",  # right-to-left override: shows as "safelive"
    "Roots",  # only a capital: the loader refuses it too
]
SMALL_LESSON = (
    "title: Small\nmodules: [fall-of-phnom-penh]\nsections: [glossary]\nactivities: [timeline]\n"
)


class Markup(HTMLParser):
    """Every attribute of every element, and the text inside each script element."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.attributes: list[tuple[str, str, str | None]] = []
        self.scripts: list[str] = []
        self._in_script = False
        self.feed(text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.attributes += [(tag, name, value) for name, value in attrs]
        self._in_script = tag == "script"
        if self._in_script:
            self.scripts.append("")

    def handle_endtag(self, tag: str) -> None:
        self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script:
            self.scripts[-1] += data

    def handlers(self) -> list[tuple[str, str, str | None]]:
        return [a for a in self.attributes if a[1].startswith("on") or a[1] == "autofocus"]

    def hrefs(self) -> list[str]:
        return [value or "" for _, name, value in self.attributes if name == "href"]


def plant(project: Path, names: list[str]) -> None:
    for name in names:
        (project / LESSONS / f"{name}.yaml").write_text(
            "title: Planted\nmodules: [origins]\n", encoding="utf-8"
        )


@pytest.fixture
def running(project_dir: Path, tmp_path: Path) -> Iterator[Callable[[int], int]]:
    """Start serve's HTTP server in this process; the argument is the port it believes it has."""
    servers: list[serve.PreviewServer] = []

    def start(believed: int = 0) -> int:
        server = serve.PreviewServer(serve.Preview(project_dir, tmp_path / "out"), 0)
        actual = server.port
        server.port = believed or actual
        servers.append(server)
        threading.Thread(target=server.serve_forever, args=(0.1,), daemon=True).start()
        return actual

    yield start
    for server in servers:
        server.shutdown()
        server.server_close()


def fetch(port: int, path: str, host: str | None = None) -> tuple[int, dict[str, str], str]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    connection.putrequest("GET", path, skip_host=True)
    connection.putheader("Host", f"127.0.0.1:{port}" if host is None else host)
    connection.endheaders()
    response = connection.getresponse()
    text = response.read().decode("utf-8", errors="replace")
    connection.close()
    return response.status, dict(response.getheaders()), text


# -- names printed --------------------------------------------------------------------------


def test_the_index_shows_hostile_file_names_as_text_never_as_markup(
    project_dir: Path, running: Callable[[int], int]
) -> None:
    plant(project_dir, HOSTILE)
    status, _, page = fetch(running(0), "/")
    assert status == 200
    markup = Markup(page)
    assert markup.handlers() == []
    # Links go to real lessons only: a name the project loader refuses gets none.
    valid = sorted(p.stem for p in (project_dir / LESSONS).glob("[0-9w]*.yaml"))
    composer = {"/lessons/new", "/lessons/deleted"}
    assert sorted(set(markup.hrefs()) - {"/"} - composer) == sorted(
        [f"/{lesson}/{edition}" for lesson in valid for edition in ("student", "teacher")]
        + [f"/lessons/{lesson}/edit" for lesson in valid]
    )
    # The refused files are listed, readable and escaped, with what to do about them.
    text = unescape(page)
    assert f"{INJECTED}.yaml" in text and "<img src=x onerror=alert(1)>.yaml" in text
    assert "Roots.yaml" in text and "rename these files" in text.lower()
    assert "\x1b" not in page and "\x07" not in page and "\u202e" not in page
    assert "\\x1b]0;owned\\x07\\x1b[2J.yaml" in text and "safe\\u202eevil.yaml" in text


def test_a_page_asked_for_by_a_hostile_name_is_refused(
    project_dir: Path, running: Callable[[int], int]
) -> None:
    """A name without spaces fits in a request line as it is; it is not a lesson to serve."""
    name = 'x"onmouseover="alert(1)"data-x=\''
    plant(project_dir, [name])
    status, _, page = fetch(running(0), f"/{name}/student")
    assert status == 404
    assert Markup(page).handlers() == []
    status, headers, _ = fetch(running(0), f"/{name}")
    assert status == 404 and "Location" not in headers


@pytest.mark.parametrize("lesson", [INJECTED, "<img src=x onerror=alert(1)>", "a'b\"c<d>&e"])
def test_the_preview_bar_and_problems_page_escape_what_they_name(lesson: str) -> None:
    problems = [f"content/lessons/{lesson}.yaml: '<script>alert(1)</script>' is not valid"]
    for page in (
        serve.problems_page(lesson, "student", problems, 3),
        serve.packet_page(b"<html><body><p>packet</p></body></html>", lesson, "teacher", 3),
    ):
        markup = Markup(page.decode("utf-8"))
        assert markup.handlers() == []
        assert not [s for s in markup.scripts if "alert" in s]
        expected = {quote(f"/{lesson}/{e}") for e in ("student", "teacher")}
        assert expected | {"/"} <= set(markup.hrefs())
        pdfs = {quote(f"/{lesson}/{e}.pdf") for e in ("student", "teacher")}
        assert set(markup.hrefs()) <= expected | pdfs | {"/"}


def test_the_download_name_and_redirect_are_quoted(running: Callable[[int], int]) -> None:
    assert serve.attachment("3-s21-student.pdf") == 'attachment; filename="3-s21-student.pdf"'
    # Unreachable through the loader, which refuses such lesson names; kept out all the same.
    hostile = serve.attachment('x.html"; y="\r\nSet-Cookie: a=b-student.pdf')
    assert hostile == 'attachment; filename="x.html___y____Set-Cookie__a_b-student.pdf"'
    status, headers, _ = fetch(running(0), "/3-s21")
    assert status == 302 and headers["Location"] == "/3-s21/student"


def test_file_names_never_reach_the_terminal_as_control_sequences(project_dir: Path) -> None:
    plant(project_dir, ["\x1b]0;owned\x07\x1b[2J"])
    result = run_packet("serve", "no-such-lesson", "--port", "0", cwd=project_dir, timeout=60)
    assert result.returncode == 2
    assert "\x1b" not in result.stderr and "\x07" not in result.stderr
    assert "known: 1-roots, 2-april-1975" in result.stderr


# -- headers --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("host", "port", "allowed"),
    [
        ("127.0.0.1:8000", 8000, True),
        ("localhost:8000", 8000, True),
        ("LOCALHOST:8000", 8000, True),  # the Host header is case-insensitive
        ("127.0.0.1", 80, True),  # browsers leave out the scheme's default port
        ("localhost", 80, True),
        ("127.0.0.1:80", 80, True),
        ("127.0.0.1", 8000, False),  # no port means 80: not this server
        ("127.0.0.1:8001", 8000, False),
        ("attacker.example:8000", 8000, False),  # DNS rebinding
        ("attacker.example", 80, False),
        ("attacker.example:80", 80, False),
        ("127.0.0.1.attacker.example", 80, False),
        ("localhost.", 80, False),
        ("127.0.0.1:80@attacker.example", 80, False),
        ("", 80, False),
        ("[::1]:8000", 8000, False),  # serve listens on 127.0.0.1 only
    ],
)
def test_the_host_check_accepts_only_this_machine(host: str, port: int, allowed: bool) -> None:
    assert serve.local_host(host, port) is allowed


def test_a_server_on_port_80_answers_a_host_without_port(running: Callable[[int], int]) -> None:
    """As on `packet serve --port 80`, without binding port 80: the server is told it has it."""
    port = running(80)
    assert fetch(port, "/", host="127.0.0.1")[0] == 200
    assert fetch(port, "/", host="localhost")[0] == 200
    assert fetch(port, "/", host="attacker.example")[0] == 403
    assert fetch(port, "/", host=f"127.0.0.1:{port}")[0] == 403  # not port 80


def test_a_request_naming_two_hosts_is_refused(running: Callable[[int], int]) -> None:
    port = running(0)
    for hosts in (["127.0.0.1", "attacker.example"], ["attacker.example", "127.0.0.1"]):
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        connection.putrequest("GET", "/", skip_host=True)
        for host in hosts:
            connection.putheader("Host", f"{host}:{port}")
        connection.endheaders()
        assert connection.getresponse().status == 403
        connection.close()


def _sha256(script: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(script.encode()).digest()).decode() + "'"


def test_pages_run_only_serves_own_reload_script(running: Callable[[int], int]) -> None:
    """A shared unit's template can put a script in its HTML packet; the preview must not run it."""
    port = running(0)
    for path in ("/", "/no-such-lesson/student"):
        _, headers, page = fetch(port, path)
        policy = headers["Content-Security-Policy"]
        directives = dict(part.strip().partition(" ")[::2] for part in policy.split(";"))
        assert directives["default-src"] == "'none'"
        assert directives["script-src"] == " ".join(_sha256(s) for s in Markup(page).scripts)
        assert "unsafe-inline" not in directives["script-src"]
        assert directives["connect-src"] == "'self'"  # the reload script's event stream
        assert directives["frame-ancestors"] == "'none'"
        assert headers["X-Content-Type-Options"] == "nosniff"
        assert headers["Cross-Origin-Resource-Policy"] == "same-origin"


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.mark.skipif(CHROMIUM is None, reason="no Chromium on this machine")
def test_a_script_in_a_project_template_does_not_run_in_the_preview(
    project_dir: Path, running: Callable[[int], int]
) -> None:
    from playwright.sync_api import sync_playwright

    (project_dir / LESSONS / "small.yaml").write_text(SMALL_LESSON, encoding="utf-8")
    theme = Path(serve.__file__).parent / "theme" / "cover.html.j2"
    (project_dir / "templates").mkdir(exist_ok=True)
    (project_dir / "templates" / "cover.html.j2").write_text(
        theme.read_text(encoding="utf-8")
        + '<script>document.title = "owned";</script>'
        + '<img src="data:," onerror="document.title = \'owned\'" alt="">',
        encoding="utf-8",
    )
    port = running(0)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"]
        )
        try:
            page = browser.new_page()
            requests: list[str] = []
            page.on("request", lambda request: requests.append(request.url))
            page.goto(f"http://127.0.0.1:{port}/small/student", timeout=120_000)
            page.wait_for_selector(".packet-preview")
            page.wait_for_timeout(500)
            assert page.title() != "owned"
            # serve's own script still runs: it has opened the event stream.
            assert f"http://127.0.0.1:{port}/events" in requests
        finally:
            browser.close()


# -- a browser that gives up ----------------------------------------------------------------


def _reset(sock: socket.socket) -> None:
    """Close so the server sees a reset, as when a browser cancels a download."""
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    sock.close()


def test_a_cancelled_download_leaves_the_terminal_quiet_and_the_server_up(
    project_dir: Path, tmp_path: Path
) -> None:
    (project_dir / LESSONS / "small.yaml").write_text(SMALL_LESSON, encoding="utf-8")
    errors = tmp_path / "stderr.txt"
    with errors.open("w") as stderr:
        process = start_packet(
            "serve",
            "--port",
            "0",
            cwd=project_dir,
            stdout=subprocess.PIPE,
            stderr=stderr,
            text=True,
        )
    try:
        assert process.stdout is not None
        found = re.search(r"http://127\.0\.0\.1:(\d+)/", process.stdout.readline())
        assert found
        port = int(found[1])
        request = f"GET /small/student.pdf HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\r\n"
        # Cancelled while the PDF is built: the server writes to a connection that is gone.
        sock = socket.create_connection(("127.0.0.1", port))
        sock.sendall(request.encode())
        time.sleep(0.2)
        _reset(sock)
        # Cancelled after the first bytes arrived.
        sock = socket.create_connection(("127.0.0.1", port))
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
        sock.sendall(request.encode())
        sock.settimeout(120)
        assert sock.recv(16).startswith(b"HTTP/1.")
        _reset(sock)
        # Gone in the middle of its request.
        sock = socket.create_connection(("127.0.0.1", port))
        sock.sendall(f"GET / HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n".encode())
        time.sleep(0.2)
        _reset(sock)
        # Still serving, the same PDF; this waits for the builds above (one at a time).
        status, headers, _ = fetch(port, "/small/student.pdf")
        assert status == 200 and headers["Content-Type"] == "application/pdf"
        assert 'filename="small-student.pdf"' in headers["Content-Disposition"]
        time.sleep(0.5)
        assert fetch(port, "/")[0] == 200
        assert process.poll() is None
    finally:
        process.send_signal(signal.SIGINT)
        process.communicate(timeout=30)  # waits for it and closes its pipe
    logged = errors.read_text()
    assert "Traceback" not in logged and "Error" not in logged, logged


def test_the_watcher_follows_no_link_out_of_the_project(project_dir: Path, tmp_path: Path) -> None:
    """A shared unit's `templates/` may hold links to /proc or /usr: the watcher walks neither
    (a link to /proc/1 stopped live reload with a traceback), and still sees saves."""
    from packet import serve

    outside = tmp_path / "outside"
    (outside / "deep" / "deeper").mkdir(parents=True)
    (project_dir / "templates" / "elsewhere").symlink_to(outside, target_is_directory=True)
    (project_dir / "templates" / "init").symlink_to("/proc/1", target_is_directory=True)
    folders = serve.watched_folders(project_dir)
    assert project_dir / "content" / "modules" in folders
    assert all(project_dir in f.parents and f.resolve() == f for f in folders)
    saved, stop, failures = threading.Event(), threading.Event(), []

    def run() -> None:
        try:
            serve.watch(project_dir, saved.set, stop)
        except BaseException as exc:
            failures.append(exc)

    watcher = threading.Thread(target=run)
    watcher.start()
    module = project_dir / "content" / "modules" / "origins.md"
    deadline = time.monotonic() + 30
    try:
        while not saved.wait(0.5) and time.monotonic() < deadline:
            module.write_text(module.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    finally:
        stop.set()
        watcher.join(10)
    assert saved.is_set() and not failures and not watcher.is_alive()
