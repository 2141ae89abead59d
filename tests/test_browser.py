"""The HTML packet and `packet serve` in a real browser: headless Chromium, driven by Playwright.

Chromium comes from the machine's package manager (`.ci/run` installs Debian's
`chromium` when it is missing). Without it these tests are skipped, unless
PACKET_BROWSER_TESTS=required (as in CI), when a missing browser is a failure.
Screenshots are compared with tests/reference/html-*.png like the PDF pages in
test_visual.py; `make references` regenerates them.
"""

from __future__ import annotations

import io
import json
import os
import re
import shutil
import signal
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from PIL import Image, ImageChops
from pypdf import PdfReader

from conftest import run_packet, start_packet, starter_project, student_html
from packet.answers import without_script
from packet.i18n import Words
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
    title = watched.page.locator("#module-s21-killing-fields .module-title")
    assert title.inner_text().startswith("S-21")
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


# -- the lesson composer --------------------------------------------------------------------


@pytest.fixture
def composing(project_dir: Path) -> Iterator[tuple[str, Path]]:
    """`packet serve` on a copy of the unit; its address (no lesson chosen) and folder."""
    process = start_packet(
        "serve", "--port", "0", cwd=project_dir, stdout=subprocess.PIPE, text=True
    )
    try:
        assert process.stdout is not None
        found = re.search(r"http://127\.0\.0\.1:\d+/", process.stdout.readline())
        assert found
        yield found[0].rstrip("/"), project_dir
    finally:
        process.send_signal(signal.SIGINT)
        process.communicate(timeout=20)


def _preview_shows(page: Any, text: str) -> None:
    """Wait until the preview frame shows `text`."""
    page.frame_locator("#preview-frame").get_by_text(text).first.wait_for(timeout=30_000)


def _chosen(page: Any) -> list[str]:
    return [
        row.split(". ", 1)[1] for row in page.locator("#chosen-modules .name").all_inner_texts()
    ]


def test_a_lesson_composed_in_the_browser_builds_as_previewed(
    browser: object, composing: tuple[str, Path], tmp_path: Path
) -> None:
    address, project = composing
    watched = Watched(browser, 1400, 900)
    page = watched.page
    page.goto(f"{address}/")
    page.get_by_role("link", name="Compose a new lesson").click()
    page.wait_for_selector("#composer[data-previews]", timeout=30_000)
    for _ in range(len(_chosen(page))):
        page.locator("#chosen-modules button", has_text="Remove").first.click()
    page.fill("#lesson-id", "7-composed")
    page.fill("#lesson-title", "Composed in the browser")
    page.fill("#module-search", "extraordinary chambers")  # a key term finds its module
    found = page.locator("#found-modules .name").all_inner_texts()
    assert [name.splitlines()[0] for name in found] == ["Justice — The Khmer Rouge Tribunal"]
    page.get_by_role("button", name="Add Justice — The Khmer Rouge Tribunal").click()
    page.fill("#module-search", "coup")  # and so does a word of its title
    page.locator("#found-modules button").first.click()
    assert _chosen(page) == ["Justice — The Khmer Rouge Tribunal", "Coup and Civil War, 1970–1975"]
    page.get_by_role("button", name="Move Coup and Civil War, 1970–1975 up").click()
    assert _chosen(page) == ["Coup and Civil War, 1970–1975", "Justice — The Khmer Rouge Tribunal"]
    page.get_by_label("Timeline").first.uncheck()
    _preview_shows(page, "Composed in the browser")
    status = page.locator("#preview-status")
    status.filter(has_text="pages").wait_for(timeout=30_000)
    assert re.search(r"About \d+ pages · \d+ sheets per copy", status.inner_text())
    milliseconds = int(page.locator("#composer").get_attribute("data-preview-ms") or "0")
    print(f"\ncomposer: the unit's preview updated in {milliseconds} ms")
    # A moment later, laid out for print: the exact pages, which the PDF will have.
    page.wait_for_selector("#composer[data-layouts]", timeout=120_000)
    laid = re.search(r"^(\d+) pages · (\d+) sheets per copy \(laid out", status.inner_text())
    assert laid, status.inner_text()

    page.click("#save")
    page.locator("#message", has_text="Saved as content/lessons/7-composed.yaml").wait_for()
    assert page.url.endswith("/lessons/7-composed/edit")
    saved = (project / "content/lessons/7-composed.yaml").read_text(encoding="utf-8")
    assert yaml.safe_load(saved) == {
        "title": "Composed in the browser",
        "modules": ["civil-war", "tribunal"],
        "sections": ["documents", "glossary", "sources"],
    }

    # `packet build` of the saved lesson is the packet the preview showed, byte for byte.
    preview_url = page.locator("#preview-frame").get_attribute("src")
    previewed = page.request.get(f"{address}{preview_url}").body()
    out = tmp_path / "out"
    built = run_packet(
        "build",
        "7-composed",
        "--edition",
        "student",
        "--format",
        "html",
        "--out",
        str(out),
        cwd=project,
    )
    assert built.returncode == 0, built.stderr
    # (The frame runs nothing, so it shows the packet without its answers script.)
    built_html = (out / "7-composed-student.html").read_text(encoding="utf-8")
    assert without_script(built_html).encode("utf-8") == previewed

    with page.expect_download(timeout=180_000) as download:
        page.click("#download-student")
    pdf = download.value.path().read_bytes()
    assert pdf.startswith(b"%PDF")
    assert len(PdfReader(io.BytesIO(pdf)).pages) == int(laid[1])
    text = " ".join("".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages).split())
    assert "Composed in the browser" in text and "Khmer Rouge Tribunal" in text
    assert watched.problems == []


def test_an_edit_keeps_the_files_comments_and_a_stale_save_is_refused(
    browser: object, composing: tuple[str, Path]
) -> None:
    address, project = composing
    path = project / "content/lessons/1-roots.yaml"
    original = path.read_text(encoding="utf-8")
    page = Watched(browser, 1400, 900).page
    page.goto(f"{address}/lessons/1-roots/edit")
    page.wait_for_selector("#composer[data-previews]", timeout=30_000)
    first = _chosen(page)[0]
    page.get_by_role("button", name=f"Move {first} down").click()
    page.click("#save")
    page.locator("#message", has_text="Saved").wait_for()
    edited = path.read_text(encoding="utf-8")
    assert "modules: [civil-war, origins]\n" in edited
    assert [line for line in edited.splitlines() if line not in original.splitlines()] == [
        "modules: [civil-war, origins]"
    ]
    assert len(edited.splitlines()) == len(original.splitlines())

    # Changed in an editor meanwhile: the composer's save is refused, the editor's kept.
    path.write_text(edited.replace("title:", "# edited elsewhere\ntitle:", 1), encoding="utf-8")
    page.fill("#lesson-title", "Not this one")
    page.click("#save")
    page.locator("#message", has_text="changed on disk since you opened it").wait_for()
    assert "# edited elsewhere" in path.read_text(encoding="utf-8")
    assert "Not this one" not in path.read_text(encoding="utf-8")
    page.click("#reload")
    page.wait_for_selector("#composer[data-previews]", timeout=30_000)
    assert page.input_value("#lesson-title") == "Roots of a Revolution: 1951–1975"


def test_a_deleted_lesson_is_restored(browser: object, composing: tuple[str, Path]) -> None:
    address, project = composing
    path = project / "content/lessons/2-april-1975.yaml"
    original = path.read_bytes()
    page = Watched(browser, 1400, 900).page
    page.goto(f"{address}/lessons/2-april-1975/edit")
    page.wait_for_selector("#composer[data-previews]", timeout=30_000)
    page.once("dialog", lambda dialog: dialog.accept())
    page.click("#delete")
    page.get_by_text("Lesson deleted").wait_for()
    assert not path.exists()
    assert [p.read_bytes() for p in (project / "content/lessons/deleted").iterdir()] == [original]
    page.click("#deleted-link")
    page.get_by_role("button", name=re.compile("Restore 2-april-1975")).click()
    page.get_by_text("Restored.").wait_for()
    assert path.read_bytes() == original
    assert list((project / "content/lessons/deleted").iterdir()) == []


def test_a_lesson_is_composed_and_saved_with_the_keyboard_alone(
    browser: object, composing: tuple[str, Path]
) -> None:
    address, project = composing
    page = Watched(browser, 1400, 900).page
    page.goto(f"{address}/lessons/new")
    page.wait_for_selector("#composer[data-previews]", timeout=30_000)
    keys = page.keyboard

    def tab_to(selector: str, limit: int = 80) -> None:
        for _ in range(limit):
            keys.press("Tab")
            if page.locator(f"{selector}:focus").count():
                return
        raise AssertionError(f"Tab never reached {selector}")

    tab_to("#lesson-id")
    keys.type("8-keyboard")
    tab_to("#lesson-title")
    keys.type("Made with the keyboard")
    tab_to("#chosen-modules button:has-text('Remove')")
    keys.press("Enter")  # the starting module out; focus goes to the search box
    assert page.locator("#module-search:focus").count() == 1
    keys.type("S-21")
    tab_to("#found-modules button")
    keys.press("Enter")
    page.locator("#module-search").focus()
    keys.press("Control+A")
    keys.type("Year Zero")
    tab_to("#found-modules button")
    keys.press("Enter")
    first, second = _chosen(page)
    page.locator("#lesson-title").focus()
    tab_to(f"#chosen-modules button[aria-label='Move {second} up']")
    keys.press("Enter")  # reordered from the keyboard
    assert _chosen(page) == [second, first]
    tab_to("#save")
    keys.press("Enter")
    page.locator("#message", has_text="Saved as content/lessons/8-keyboard.yaml").wait_for()
    saved = yaml.safe_load((project / "content/lessons/8-keyboard.yaml").read_text("utf-8"))
    assert saved["title"] == "Made with the keyboard" and len(saved["modules"]) == 2
    assert page.locator("#save:focus").count() == 1  # where the keyboard left it
    assert page.locator("#save").evaluate("e => getComputedStyle(e).outlineStyle") == "solid"


def test_the_preview_follows_each_change_to_the_whole_unit(
    browser: object, composing: tuple[str, Path]
) -> None:
    """Support on, then large print: each shows in the preview. The time each took is
    printed (the README's figure), never asserted: timings belong to `make bench`."""
    address, _ = composing
    page = Watched(browser, 1400, 900).page
    page.goto(f"{address}/lessons/whole-unit/edit")
    page.wait_for_selector("#composer[data-previews='1']", timeout=60_000)
    before = page.locator("#preview-status").inner_text()
    page.check("#lesson-support")
    page.wait_for_selector("#composer[data-previews='2']", timeout=60_000)
    _preview_shows(page, "Word bank")
    support = int(page.locator("#composer").get_attribute("data-preview-ms") or "0")
    page.check("#print-large")
    page.wait_for_selector("#composer[data-previews='3']", timeout=60_000)
    large = int(page.locator("#composer").get_attribute("data-preview-ms") or "0")
    pages = [
        int(re.search(r"About (\d+) pages", text)[1])
        for text in (before, page.locator("#preview-status").inner_text())
    ]  # type: ignore[index]
    assert pages[1] > pages[0]  # large print takes more pages
    print(f"\ncomposer, whole unit: support shown in {support} ms, large print in {large} ms")


# -- answering on screen ----------------------------------------------------------------------


def test_answers_survive_a_reload_print_save_and_load_back(
    browser: object, built: Path, tmp_path: Path
) -> None:
    url = (built / "3-s21-student.html").as_uri()
    watched = Watched(browser, 1280, 900)
    page = watched.page
    page.goto(url)
    answers = {
        "#answer-name": "Ana López",
        "textarea.write >> nth=0": "It was a high school, the travel page says.",
        "input.fill-in >> nth=0": "C",
        "table.worksheet textarea >> nth=0": "A travel company, Asia Highlights.",
        "#answer-judgement": "The encyclopedia, because it is edited.",
    }
    for selector, text in answers.items():
        page.fill(selector, text)
    outline = page.locator("#answer-judgement").evaluate("e => getComputedStyle(e).outlineStyle")
    assert outline == "solid"  # the box being written in shows it has the focus
    page.wait_for_timeout(600)  # kept a moment after the last keystroke
    page.reload()
    for selector, text in answers.items():
        assert page.input_value(selector) == text, selector

    # Print my answers: the printed packet carries them where the lines were.
    printed = " ".join(
        " ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(page.pdf())).pages
    )
    assert "It was a high school, the travel page says." in printed
    assert "The encyclopedia, because it is edited." in printed
    assert "Print my answers" not in printed  # the bar is for the screen
    assert "Ana López" in printed  # on the cover's Name line

    # Save my answers: a file the teacher opens with `packet answers`.
    with page.expect_download() as download:
        page.click("#answers-save")
    saved_file = tmp_path / "ana.json"
    download.value.save_as(saved_file)
    saved = json.loads(saved_file.read_text(encoding="utf-8"))
    assert saved["format"] == "packet-answers" and saved["name"] == "Ana López"
    first = next(a for a in saved["answers"] if a["answer"].startswith("It was a high school"))
    assert first["question"] == "What was the S-21 building before it became a prison?"
    shown = run_packet("answers", str(saved_file), cwd=tmp_path)
    assert shown.returncode == 0, shown.stderr
    assert "It was a high school" in (tmp_path / "ana.html").read_text(encoding="utf-8")

    # Clear asks first: dismissed, nothing is lost; accepted, everything goes.
    page.once("dialog", lambda dialog: dialog.dismiss())
    page.click("#answers-clear")
    assert page.input_value("#answer-name") == "Ana López"
    page.once("dialog", lambda dialog: dialog.accept())
    page.click("#answers-clear")
    page.reload()
    assert all(page.input_value(selector) == "" for selector in answers)

    # Another browser (nothing kept): the saved file loads the answers back.
    other = Watched(browser, 1280, 900)
    other.page.goto(url)
    other.page.set_input_files("#answers-file", str(saved_file))
    other.page.get_by_text("Loaded Ana López's answers").wait_for()
    for selector, text in answers.items():
        assert other.page.input_value(selector) == text, selector
    other.page.once("dialog", lambda dialog: dialog.dismiss())  # loading again asks first
    other.page.set_input_files("#answers-file", str(tmp_path / "ana.json"))
    other.page.wait_for_timeout(300)
    assert other.page.input_value("#answer-name") == "Ana López"

    # Nothing left the page: the file itself is the only request.
    assert set(watched.requests) == {url} and set(other.requests) == {url}
    assert watched.problems == [] and other.problems == []


def test_the_answers_bar_speaks_the_packets_language(browser: object, tmp_path: Path) -> None:
    """A French packet's answers bar, its messages and its questions before clearing are
    the catalogue's French; none of the script's English is on the page."""
    project = starter_project(tmp_path / "unit")
    student = student_html(project, tmp_path / "out", "fr")
    words = Words("fr")
    watched = Watched(browser)
    page = watched.page
    page.goto(student.as_uri())
    assert page.inner_text("#answers-save") == words("Save my answers")
    assert page.inner_text("#answers-print") == words("Print my answers")
    assert page.get_attribute(".answers-bar", "aria-label") == words("Your answers")
    with page.expect_download() as download:  # the file says its packet's language
        page.click("#answers-save")
    assert json.loads(Path(download.value.path()).read_text("utf-8"))["language"] == "fr"
    assert page.inner_text(".answers-note") == words(
        "Saved to a file in your downloads: hand that file in, or load it here later."
    )
    asked: list[str] = []
    page.on("dialog", lambda dialog: (asked.append(dialog.message), dialog.accept()))
    page.click("#answers-clear")
    wanted = "Clear every answer on this page? Answers you have not saved to a file are lost."
    assert asked == [words(wanted)] and asked[0] != wanted
    assert page.inner_text(".answers-note") == words("Cleared.")
    shown = page.inner_text("body")
    assert "Save my answers" not in shown and "Cleared." not in shown
    assert not watched.problems


def test_the_html_packets_policy_stops_a_script_put_into_it(
    browser: object, built: Path, tmp_path: Path
) -> None:
    html = (built / "3-s21-student.html").read_text(encoding="utf-8")
    tampered = tmp_path / "tampered.html"
    tampered.write_text(
        html.replace("<body>", '<body><div id="packet-answers">{"version": "x"}</div>', 1).replace(
            "</body>",
            '<script>document.documentElement.dataset.injected = "yes";</script>'
            '<img src="data:," onerror="document.documentElement.dataset.injected = \'yes\'">'
            "</body>",
        ),
        encoding="utf-8",
    )
    watched = Watched(browser)
    watched.page.goto(tampered.as_uri())
    watched.page.wait_for_selector(".answers-bar")  # packet's own script ran
    watched.page.wait_for_timeout(300)
    assert watched.page.locator("html[data-injected]").count() == 0
    assert any("Content Security Policy" in p for p in watched.problems), watched.problems


# -- accessibility, measured by axe-core --------------------------------------------------------

SEVERE = ("serious", "critical")


def _axe(page: Any) -> dict[str, list[str]]:
    """axe-core's violations on the page as it is now, by impact: each rule with its count."""
    from axe_playwright_python.sync_playwright import Axe

    found: dict[str, list[str]] = {}
    for violation in Axe().run(page).response["violations"]:
        where = [" ".join(node["target"]) for node in violation["nodes"]][:3]
        found.setdefault(violation["impact"], []).append(
            f"{violation['id']} ×{len(violation['nodes'])} ({violation['help']}; {where})"
        )
    return found


def test_every_page_passes_axe_core(
    browser: object, built: Path, composing: tuple[str, Path]
) -> None:
    """The HTML editions and every page serve shows, checked by axe-core (WCAG 2.x A/AA and
    best practices) in Chromium; the table of violations by impact is printed (README)."""
    address, project = composing
    pages: dict[str, tuple[str, str | None]] = {
        "student HTML packet": ((built / "whole-unit-student.html").as_uri(), None),
        "teacher HTML packet": ((built / "whole-unit-teacher.html").as_uri(), None),
        "serve: lessons": (f"{address}/", None),
        "serve: preview": (f"{address}/3-s21/student", ".packet-preview"),
        "serve: composer, new": (f"{address}/lessons/new", "#composer[data-previews]"),
        "serve: composer, edit": (f"{address}/lessons/1-roots/edit", "#composer[data-previews]"),
        "serve: deleted lessons": (f"{address}/lessons/deleted", "#deleted-lessons"),
        "serve: problems": (f"{address}/2-april-1975/student", ".problems"),
    }
    module = project / "content/modules/fall-of-phnom-penh.md"
    table = []
    severe = {}
    for name, (url, ready) in pages.items():
        if name == "serve: problems":  # a mistake, for the page that lists it
            module.write_text(module.read_text(encoding="utf-8").replace("title:", "title: [", 1))
        page = Watched(browser, 1280, 900).page
        page.goto(url, timeout=120_000)
        if ready:
            page.wait_for_selector(ready, timeout=120_000)
        found = _axe(page)
        counts = {
            impact: len(found.get(impact, []))
            for impact in ("critical", "serious", "moderate", "minor")
        }
        table.append(f"{name:26} " + "  ".join(f"{k} {v}" for k, v in counts.items()))
        severe.update({f"{name}: {i}": found[i] for i in SEVERE if i in found})
        page.close()
    print("\naxe-core violations by impact (rules):\n" + "\n".join(table))
    assert severe == {}


def test_answers_outlive_a_change_to_another_question(
    browser: object, project_dir: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"

    def rebuild() -> str:
        made = run_packet("build", "3-s21", "--format", "html", "--out", str(out), cwd=project_dir)
        assert made.returncode == 0, made.stderr
        return (out / "3-s21-student.html").as_uri()

    url = rebuild()
    page = Watched(browser, 1280, 900).page
    page.goto(url)
    page.fill("#answer-name", "Ana")
    second = "textarea.write >> nth=1"
    page.fill(second, "Kang Kek Iew, known as Duch.")
    page.wait_for_timeout(600)
    module = project_dir / "content/modules/s21-killing-fields.md"
    text = module.read_text(encoding="utf-8")
    module.write_text(
        text.replace("before it became a prison?", "before 1975, when it became a prison?", 1),
        encoding="utf-8",
    )
    assert rebuild() == url
    page.reload()
    assert page.input_value("#answer-name") == "Ana"
    assert page.input_value(second) == "Kang Kek Iew, known as Duch."
    assert page.input_value("textarea.write >> nth=0") == ""  # the changed question's box


def test_modules_are_reordered_by_dragging(browser: object, composing: tuple[str, Path]) -> None:
    address, _ = composing
    page = Watched(browser, 1400, 900).page
    page.goto(f"{address}/lessons/whole-unit/edit")
    page.wait_for_selector("#composer[data-previews]", timeout=60_000)
    before = _chosen(page)
    rows = page.locator("#chosen-modules li")
    rows.nth(2).drag_to(rows.nth(0))
    assert _chosen(page) == [before[2], before[0], before[1], *before[3:]]
    page.wait_for_selector("#composer[data-previews='2']", timeout=60_000)  # and previewed
