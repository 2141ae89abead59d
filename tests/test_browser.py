"""The HTML packet and `packet serve` in a real browser: headless Chromium, driven by Playwright.

Chromium comes from the machine's package manager (`.ci/run` installs Debian's
`chromium` when it is missing). Without it these tests are skipped, unless
PACKET_BROWSER_TESTS=required (as in CI), when a missing browser is a failure.
Screenshots are compared with tests/reference/html-*.png like the PDF pages in
test_visual.py; `make references` regenerates them.
"""

from __future__ import annotations

import io
import os
import re
import shutil
import signal
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import Image, ImageChops
from pypdf import PdfReader

from conftest import start_packet
from test_visual import MAX_CHANGED, MAX_MEAN, REFERENCES, UPDATE, compare

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
REQUIRED = os.environ.get("PACKET_BROWSER_TESTS") == "required"
# As the machine notes advise: no sandbox (root), and no background calls to the network.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--font-render-hinting=none",
]
WIDTHS = {"phone": (390, 844), "laptop": (1280, 800)}

if CHROMIUM is None and REQUIRED:
    pytest.fail("Chromium is required for the browser tests (apt-get install chromium)")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="no Chromium on this machine")


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


class Watched:
    """A page with everything it logs and requests recorded."""

    def __init__(self, browser: object, width: int = 1280, height: int = 800) -> None:
        self.page = browser.new_page(viewport={"width": width, "height": height})  # type: ignore[attr-defined]
        self.problems: list[str] = []
        self.requests: list[str] = []
        self.page.on("console", self._console)
        self.page.on("pageerror", lambda error: self.problems.append(f"page error: {error}"))
        self.page.on("request", lambda request: self.requests.append(request.url))

    def _console(self, message: object) -> None:
        if message.type in ("error", "warning"):  # type: ignore[attr-defined]
            self.problems.append(f"{message.type}: {message.text}")  # type: ignore[attr-defined]


@pytest.mark.parametrize("name", ["3-s21-student.html", "whole-unit-teacher.html"])
def test_the_html_packet_loads_alone_with_its_own_fonts(
    browser: object, built: Path, name: str
) -> None:
    watched = Watched(browser)
    url = (built / name).as_uri()
    watched.page.goto(url)
    watched.page.wait_for_load_state("load")
    loaded = watched.page.evaluate(
        "async () => { await document.fonts.ready;"
        " return [...document.fonts].filter(f => f.status === 'loaded').map(f => f.family); }"
    )
    assert watched.problems == []
    assert [r for r in watched.requests if not r.startswith("data:")] == [url]  # nothing else
    assert {"Packet Serif", "Packet Sans"} <= {family.strip('"') for family in loaded}
    assert watched.page.evaluate("document.fonts.check('16px \"Packet Serif\"')")


def test_contents_terms_and_glossary_links_navigate(browser: object, built: Path) -> None:
    watched = Watched(browser)
    watched.page.goto((built / "whole-unit-student.html").as_uri())

    def follow(selector: str) -> str:
        link = watched.page.locator(selector).first
        target = link.get_attribute("href")
        link.click()
        watched.page.wait_for_function("hash => location.hash === hash", arg=target)
        top, height = watched.page.evaluate(
            "id => [document.getElementById(id).getBoundingClientRect().top, innerHeight]",
            target[1:],
        )
        assert -1 <= top < height - 40, f"{target} is not in view after following {selector}"
        return str(target)

    assert follow(".toc a[href='#module-year-zero']") == "#module-year-zero"
    assert follow("#module-year-zero a.term").startswith("#gloss-")
    assert follow(".glossary .gloss-first a").startswith("#use-")
    assert follow(".toc a[href='#section-sources']") == "#section-sources"
    assert watched.problems == []


def _check_against_reference(actual: Image.Image, name: str, tmp_path: Path) -> None:
    reference = REFERENCES / name
    if UPDATE:
        actual.save(reference, optimize=True)
        return
    assert reference.is_file(), f"no reference {name}: run `make references` and commit it"
    expected = Image.open(reference).convert("L")
    changed, mean = compare(actual, expected)
    if changed > MAX_CHANGED or mean > MAX_MEAN:
        actual.save(tmp_path / name)
        if actual.size == expected.size:
            ImageChops.difference(actual, expected).save(tmp_path / f"diff-{name}")
    assert changed <= MAX_CHANGED and mean <= MAX_MEAN, (
        f"{name}: {changed:.2%} of pixels changed, mean {mean:.2f}; new image in {tmp_path}"
    )


@pytest.mark.parametrize("width", list(WIDTHS))
@pytest.mark.parametrize("where", ["top", "module-s21-killing-fields"])
def test_screenshots_at_phone_and_laptop_widths_match_their_references(
    browser: object, built: Path, tmp_path: Path, width: str, where: str
) -> None:
    watched = Watched(browser, *WIDTHS[width])
    watched.page.goto((built / "3-s21-student.html").as_uri())
    watched.page.evaluate("document.fonts.ready")
    if where != "top":
        watched.page.evaluate(f"document.getElementById('{where}').scrollIntoView()")
    shot = tmp_path / "shot.png"
    watched.page.screenshot(path=str(shot))
    image = Image.open(shot).convert("L")
    scrollbar = watched.page.evaluate("document.documentElement.scrollWidth > innerWidth")
    assert not scrollbar, "the page is wider than the screen"
    _check_against_reference(image, f"html-3-s21-{width}-{where}.png", tmp_path)


def test_printing_from_the_browser_gives_pages_without_the_screen_parts(
    browser: object, built: Path, tmp_path: Path
) -> None:
    watched = Watched(browser)
    watched.page.goto((built / "3-s21-teacher.html").as_uri())
    watched.page.emulate_media(media="print")
    pdf = tmp_path / "printed.pdf"
    watched.page.pdf(path=str(pdf), prefer_css_page_size=True)
    pages = [page.extract_text() for page in PdfReader(pdf).pages]
    assert 8 <= len(pages) <= 30
    assert "The Khmer Rouge" in pages[0] and "S-21 and the Killing Fields" in pages[0]
    assert abs(float(PdfReader(pdf).pages[0].mediabox.width) - 595.3) < 1  # A4, from @page
    assert any("Matching Key Terms" in text for text in pages[1:])


# -- packet serve ---------------------------------------------------------------------------


@pytest.fixture
def server(project_dir: Path) -> Iterator[tuple[str, Path, subprocess.Popen[str]]]:
    process = start_packet(
        "serve",
        "3-s21",
        "--port",
        "0",
        cwd=project_dir,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        assert process.stdout is not None
        line = process.stdout.readline()
        found = re.search(r"http://127\.0\.0\.1:\d+/\S*", line)
        assert found, line
        yield found[0], project_dir, process
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGINT)
        process.communicate(timeout=20)  # waits for it and closes its pipe


def test_serve_shows_an_edit_its_errors_and_the_fresh_pdf(
    browser: object, server: tuple[str, Path, subprocess.Popen[str]]
) -> None:
    address, project, process = server
    watched = Watched(browser)
    watched.page.goto(address)
    assert watched.page.locator("#module-s21-killing-fields h1").inner_text().startswith("S-21")
    module = project / "content/modules/s21-killing-fields.md"
    original = module.read_text(encoding="utf-8")

    # An edit: the open page rebuilds and reloads by itself.
    sentence = f"A sentence written at {time.time():.0f} to see the preview follow."
    module.write_text(original + f"\n{sentence}\n", encoding="utf-8")
    watched.page.wait_for_function(
        "text => document.body.innerText.includes(text)", arg=sentence, timeout=30_000
    )

    # A mistake: the page shows what is wrong and where, instead of a stale packet.
    module.write_text(original.replace("title:", "title: [unclosed", 1), encoding="utf-8")
    watched.page.wait_for_selector(".problems", timeout=30_000)
    assert (
        "content/modules/s21-killing-fields.md:" in watched.page.locator(".problems").inner_text()
    )

    # Fixed again, and the PDF link downloads the PDF of what is on screen.
    module.write_text(original + f"\n{sentence}\n", encoding="utf-8")
    watched.page.wait_for_selector("#module-s21-killing-fields", timeout=30_000)
    href = watched.page.locator(".packet-preview a[download]").get_attribute("href")
    response = watched.page.request.get(address.split("/3-s21")[0] + str(href))
    assert response.status == 200 and response.body().startswith(b"%PDF")
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(response.body())).pages)
    assert "to see the preview follow" in " ".join(text.split())
    assert watched.problems == []

    process.send_signal(signal.SIGINT)
    assert process.wait(timeout=20) == 0
    assert process.stdout is not None and "Stopped." in process.stdout.read()


def test_serve_answers_only_its_own_address(
    server: tuple[str, Path, subprocess.Popen[str]],
) -> None:
    import http.client
    from urllib.parse import urlsplit

    address, _, _ = server
    port = urlsplit(address).port

    def get(path: str, host: str = f"127.0.0.1:{port}") -> tuple[int, str]:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        try:
            connection.request("GET", path, headers={"Host": host})
            response = connection.getresponse()
            return response.status, response.read().decode("utf-8", "replace")
        finally:
            connection.close()

    assert get("/3-s21/student", host=f"attacker.example:{port}")[0] == 403
    assert get("/../../etc/passwd")[0] == 404
    status, index = get("/")  # the index of lessons
    assert status == 200
    assert all(f'href="/{lesson}/student"' in index for lesson in ("1-roots", "whole-unit"))
