"""End to end: the repository's own unit, built to PDF and HTML, read back."""

from __future__ import annotations

import http.server
import re
import signal
import threading
import time
from collections.abc import Iterator
from dataclasses import replace
from html.parser import HTMLParser
from pathlib import Path

import pytest
from pypdf import PdfReader

from conftest import VARIANTS, ink_bounds_mm, pdf_text
from packet.answers import SCRIPT
from packet.build import BuildRequest, build
from packet.errors import BuildError, ContentError
from packet.markup import typeset
from packet.model import Project
from packet.project import load_project
from packet.render import THEME


def glossary_terms(pages: list[str]) -> set[str]:
    """Terms listed in the glossary section: each entry line ends 'first used on p. N'."""
    start = next(i for i, page in enumerate(pages) if page.lstrip().startswith("Glossary"))
    text = "\n".join(pages[start:])
    text = text.split("Where the Sources Disagree")[0].split("\nSources\n")[0]
    return {
        m.group(1).strip()
        for m in re.finditer(r"^(.+?)(?: \(also [^)]*\))? · first used on p\. \d+", text, re.M)
    }


def timeline_titles(project: Project, pages: list[str]) -> set[str]:
    text = " ".join(" ".join(pages).split())
    return {e.entry.title for e in project.events if typeset(e.entry.title) in text}


def test_every_output_is_written(built: Path, repo_project: Project) -> None:
    names = sorted(p.name for p in built.iterdir() if not p.name.startswith("."))
    assert len(repo_project.lessons) == 7
    assert names == sorted(
        [
            f"{lesson}-{edition}.{ext}"
            for lesson in repo_project.lessons
            for edition in ("student", "teacher")
            for ext in ("pdf", "html")
        ]
        + [
            f"{lesson}-{printout}.pdf"
            for lesson in repo_project.lessons
            for printout in ("answer-key", "lesson-plan")
        ]
    )


def test_two_module_lesson_has_only_its_terms_and_events(
    built: Path, repo_project: Project
) -> None:
    pages = pdf_text(built / "1-roots-student.pdf")
    terms = glossary_terms(pages)
    markup_terms = {
        "Khmer Rouge",
        "Communist Party of Kampuchea",
        "Norodom Sihanouk",
        "Lon Nol",
        "coup",
    }
    assert markup_terms <= terms
    assert (
        not {"S-21", "Duch", "Year Zero", "Extraordinary Chambers in the Courts of Cambodia"}
        & terms
    )
    events = timeline_titles(repo_project, pages)
    expected = {
        e.entry.title
        for e in repo_project.events
        if {"origins", "civil-war"} & set(e.entry.modules)
    }
    assert events == expected


def test_whole_unit_has_every_term_and_event(built: Path, repo_project: Project) -> None:
    pages = pdf_text(built / "whole-unit-student.pdf")
    assert glossary_terms(pages) == {typeset(t.entry.term) for t in repo_project.terms.values()}
    assert timeline_titles(repo_project, pages) == {e.entry.title for e in repo_project.events}


def test_contents_page_numbers_match_where_sections_start(built: Path) -> None:
    for name in ("whole-unit-student.pdf", "1-roots-teacher.pdf"):
        pages = pdf_text(built / name)
        contents = pages[1]
        entries = re.findall(r"^(?:\d+ )?(.+?) \.{3,}\s*(\d+)$", contents, re.M)
        assert len(entries) >= 5
        for entry, number in entries:
            page = pages[int(number) - 1]
            head = " ".join(page.split())[:300].casefold()
            # "Activity 2: Dates and Order" is labelled ACTIVITY 2 above its heading
            for part in entry.split(": ") if entry.startswith("Activity") else [entry]:
                part = " ".join(part.split())  # a no-break space as any other
                assert part.casefold() in head, f"{name}: '{entry}' not at the top of page {number}"


def test_running_header_and_page_x_of_y(built: Path) -> None:
    pages = pdf_text(built / "1-roots-student.pdf")
    total = len(pages)
    for number, page in enumerate(pages[1:], start=2):
        assert f"Page {number} of {total}" in page
    assert "Page 1 of" not in pages[0]  # the cover carries no running furniture


def test_numbered_paragraphs_and_sources_note(built: Path) -> None:
    pages = pdf_text(built / "1-roots-student.pdf")
    module = next(p for p in pages if "Origins of the Movement" in p and "SECTION 1" in p)
    numbers = [int(n) for n in re.findall(r"^(\d+)$", module, re.M)]
    # the paragraph numbers in the margin; the box on where the sources disagree has none
    assert numbers[:4] == [1, 2, 3, 4] and 5 not in numbers
    everything = "\n".join(pages)
    assert everything.count("SOURCES FOR THIS SECTION") == 2
    assert "Wendy. “The Khmer Rouge.” Asia Highlights, 24 June 2021." in everything


def test_no_marketing_reaches_any_packet(built: Path, repo_project: Project) -> None:
    marketing = repo_project.seeds["highlights"].meta.boilerplate
    for pdf in built.glob("*.pdf"):
        text = " ".join(" ".join(pdf_text(pdf)).split())
        for line in marketing:
            assert line not in text, f"{pdf.name} repeats '{line}'"


def test_pdf_metadata_fonts_and_bookmarks(built: Path) -> None:
    reader = PdfReader(built / "whole-unit-student.pdf")
    assert reader.metadata is not None
    assert reader.metadata.title == "The Khmer Rouge: The Whole Unit: The Khmer Rouge, 1951–2018"
    assert reader.trailer["/Root"]["/Lang"] == "en"
    titles = [item.title for item in reader.outline if not isinstance(item, list)]
    assert {"Origins of the Movement", "Timeline", "Glossary", "Sources"} <= set(titles)
    fonts = {}
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
            fonts[str(font["/BaseFont"]).split("+")[-1]] = "/FontFile2" in descriptor
    # only the fonts shipped with packet, every one embedded
    assert set(fonts) == {
        "Packet-Serif",
        "Packet-Serif-Italic",
        "Packet-Serif-Bold",
        "Packet-Sans",
        "Packet-Sans-Bold",
    }
    assert all(fonts.values())


SVG_DATA = "data:image/svg+xml;base64,"


def test_html_is_one_self_contained_file(built: Path) -> None:
    class Refs(HTMLParser):
        def __init__(self) -> None:
            super().__init__()
            self.found: list[str] = []

        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            values = dict(attrs)
            inline_svg = tag == "img" and (values.get("src") or "").startswith(SVG_DATA)
            inline_script = tag == "script" and "src" not in values  # packet's own (answers.py)
            if tag in ("script", "link", "img", "iframe") and not (inline_svg or inline_script):
                self.found.append(tag)
            for key in ("src", "href"):
                value = values.get(key) or ""
                if value and not value.startswith(("#", SVG_DATA)):
                    self.found.append(value)

    html = (built / "whole-unit-student.html").read_text(encoding="utf-8")
    parser = Refs()
    parser.feed(html)
    assert parser.found == []
    scripts = re.findall(r"<script(?: [^>]*)?>(.*?)</script>", html, re.S)
    assert scripts[-1] == SCRIPT and len(scripts) == 2  # its data block, then its script
    fonts = re.findall(r"url\((.{0,30})", html)  # fonts are inside the file, nothing is fetched
    assert fonts and all(url.startswith('"data:font/woff;base64,') for url in fonts)


def test_nothing_is_drawn_outside_the_margins(built: Path) -> None:
    """Text block 22/28/24/30 mm; running heads, page numbers and paragraph numbers sit in
    the margins at known places, and nothing else may: no table or word runs off the page."""
    for pdf in sorted(built.glob("*.pdf")):
        pages = ink_bounds_mm(pdf)
        assert len(pages) == len(PdfReader(pdf).pages)  # no page is empty
        printout = pdf.stem.endswith(("-answer-key", "-lesson-plan"))
        for number, (left, top, right, bottom) in enumerate(pages, start=1):
            where = f"{pdf.name} page {number}"
            if printout:  # the teacher's printouts: 12 to 18 mm margins all round
                assert left >= 11 and right <= 210 - 11, where
                assert top >= 6 and bottom <= 297 - 6, where
                continue
            assert left >= 17, where  # paragraph numbers hang 11 mm into the 30 mm margin
            assert right <= 210 - 27, where
            assert top >= 12, where  # the running head sits just above the text block
            assert bottom <= 297 - 8, where  # "Page X of Y" sits in the bottom margin


def test_a_failed_build_keeps_the_previous_output(project_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    project = load_project(project_dir)
    build(project, BuildRequest(lessons=["4-aftermath"], editions=("student",), out=out))
    before = (out / "4-aftermath-student.pdf").read_bytes()
    module = project_dir / "content" / "modules" / "fall-and-insurgency.md"
    module.write_text(
        module.read_text(encoding="utf-8").replace(
            "“On January 7th 1979,", "“On January 8th 1979,"
        ),
        encoding="utf-8",
    )
    with pytest.raises(ContentError, match="is not in seed"):
        build(
            load_project(project_dir),
            BuildRequest(lessons=["4-aftermath"], editions=("student",), out=out),
        )
    assert (out / "4-aftermath-student.pdf").read_bytes() == before
    assert sorted(p.name for p in out.iterdir() if not p.name.startswith(".")) == [
        "4-aftermath-student.html",
        "4-aftermath-student.pdf",
    ]


def test_builds_are_byte_identical(project_dir: Path, tmp_path: Path) -> None:
    project = load_project(project_dir)
    for folder in ("a", "b"):
        out = tmp_path / folder
        build(project, BuildRequest(lessons=["3-s21"], editions=("student",), out=out))
        booklet = BuildRequest(
            lessons=["3-s21"], editions=("student",), formats=("pdf",), booklet=True, out=out
        )
        build(project, booklet)
    for name in ("3-s21-student.pdf", "3-s21-student.html", "3-s21-student-booklet.pdf"):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()


@pytest.fixture
def loopback() -> Iterator[tuple[str, list[str]]]:
    requests: list[str] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            requests.append(self.path)
            self.send_response(200)
            self.end_headers()

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}", requests
    server.shutdown()
    server.server_close()


def test_rendering_never_touches_the_network(
    project_dir: Path, tmp_path: Path, loopback: tuple[str, list[str]]
) -> None:
    url, requests = loopback
    # Content pointing at the server: dropped before rendering, with a warning at its line.
    module = project_dir / "content" / "modules" / "tribunal.md"
    original = module.read_text(encoding="utf-8")
    module.write_text(
        original + f"\n\n![court]({url}/photo.png) and ![secret](file:///etc/passwd)\n",
        encoding="utf-8",
    )
    # A stylesheet pointing at it: WeasyPrint asks, packet's fetcher refuses.
    theme_css = (THEME / "packet.css").read_text("utf-8")
    (project_dir / "templates" / "packet.css").write_text(
        f"@import url({url}/remote.css);\n{theme_css}\n"
        f".cover {{ background: url({url}/bg.png); }}\n"
        ".module {{ background: url(file:///etc/hostname); }}\n",
        encoding="utf-8",
    )
    result = build(
        load_project(project_dir),
        BuildRequest(
            lessons=["5-justice"], editions=("student",), formats=("pdf",), out=tmp_path / "o"
        ),
    )
    assert requests == []
    assert any("is on the network" in w and "tribunal.md" in w for w in result.warnings)
    assert any("refused" in w and url in w for w in result.warnings), result.warnings
    module.write_text(original, encoding="utf-8")  # strict: the stylesheet alone is fatal
    with pytest.raises(ContentError, match="refused"):
        build(
            load_project(project_dir),
            BuildRequest(
                lessons=["5-justice"],
                editions=("student",),
                formats=("pdf",),
                out=tmp_path / "p",
                strict=True,
            ),
        )
    assert requests == []
    assert not (tmp_path / "p" / "5-justice-student.pdf").exists()


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_failure_while_imposing_a_booklet_is_a_build_error_in_either_path(
    project_dir: Path, monkeypatch: pytest.MonkeyPatch, jobs: int
) -> None:
    """pypdf raising while pages are placed is a message, not "internal error", whether the
    PDF is made in this process (--jobs 1) or in a renderer process."""
    import packet.impose

    def broken(data: bytes) -> tuple[bytes, int]:
        raise ValueError("the page tree is damaged")

    monkeypatch.setattr(packet.impose, "impose_booklet", broken)
    request = BuildRequest(
        lessons=["3-s21"], editions=("student",), formats=("pdf",), booklet=True, jobs=jobs
    )
    with pytest.raises(BuildError, match="PDF rendering failed: the page tree is damaged"):
        build(project_dir, request)


class _Counted(Exception):
    """Raised by the spy below once it has seen how many renderers a build asks for."""


@pytest.mark.parametrize(
    ("request_options", "lesson_files", "renderers"),
    [
        ({"modules": ["origins"]}, 7, 2),  # one ad-hoc packet, two editions
        ({"modules": ["origins"], "editions": ("student",)}, 7, 1),
        ({"lessons": ["3-s21", "3-s21"]}, 7, 2),
        ({}, 1, 2),  # a one-lesson project
        ({}, 7, 14),  # every lesson of the unit, both editions
        ({"jobs": 2}, 7, 2),
        ({"formats": ("html",)}, 7, 0),  # nothing to render to PDF
    ],
)
def test_never_more_renderer_processes_than_pdfs_to_render(
    project_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
    request_options: dict[str, object],
    lesson_files: int,
    renderers: int,
) -> None:
    """`--jobs 24` for one packet started 24 renderer processes, each loading WeasyPrint, and
    was five times slower than one: a build starts no more renderers than PDFs it can make."""
    import packet.build

    for extra in sorted((project_dir / "content/lessons").glob("*.yaml"))[lesson_files:]:
        extra.unlink()
    asked: list[int] = []

    def spy(root: Path, workers: int) -> None:
        asked.append(workers)
        raise _Counted

    monkeypatch.setattr(packet.build, "Renderers", spy)
    options: dict[str, object] = {"jobs": 24, **request_options}
    with pytest.raises(_Counted):
        build(project_dir, BuildRequest(**options))  # type: ignore[arg-type]
    assert asked == [renderers]


def pages_laid_out(path: Path) -> int:
    """The pages WeasyPrint laid out: a booklet's "Page X of Y", else the PDF's pages."""
    numbers = re.findall(r"Page \d+ of (\d+)", "\n".join(pdf_text(path)))
    return int(numbers[0]) if "-booklet" in path.name else len(PdfReader(path).pages)


@pytest.mark.parametrize("variant", ["standard", "large-print", "booklet"])
def test_the_page_estimate_is_close_to_the_pages_made(
    built: Path, built_variants: Path, repo_project: Project, variant: str
) -> None:
    """The estimate that refuses a packet too long to print, and warns of a long build,
    is within a quarter of the pages WeasyPrint made, for every packet of the unit."""
    from packet.assemble import assemble
    from packet.build.estimate import estimated_pages
    from packet.render import render_html

    options = VARIANTS.get(variant, {})
    out = built_variants / variant if options else built
    suffix = {"large-print": "-large-print", "booklet": "-booklet"}.get(variant, "")
    for lesson in repo_project.lessons.values():
        for edition in ("student", "teacher"):
            packet = assemble(repo_project, lesson, edition, **options)
            html = render_html(packet, repo_project.root)
            made = pages_laid_out(out / f"{lesson.id}-{edition}{suffix}.pdf")
            guessed = estimated_pages(html, large_print=packet.large_print, booklet=packet.booklet)
            assert 0.75 * made <= guessed <= 1.25 * made, (lesson.id, edition, guessed, made)


def _count_renders(monkeypatch: pytest.MonkeyPatch, events: list[str]) -> None:
    """Note in `events` each PDF WeasyPrint is asked to render (in this process)."""
    from packet.render import PdfRenderer

    render = PdfRenderer.render

    def counted(self: PdfRenderer, html: str) -> object:
        events.append("render")
        return render(self, html)

    monkeypatch.setattr(PdfRenderer, "render", counted)


def test_a_packet_too_long_to_print_is_refused_before_anything_is_rendered(
    project_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """5,000 modules in one lesson ran for minutes into gigabytes before anything went wrong.
    A packet estimated over the limit stops the build before any PDF is rendered — even the
    short ones asked for with it — and nothing is written."""
    from packet.build import estimate

    monkeypatch.setattr(estimate, "MAX_PAGES", 20)  # the whole unit is 39 pages, 3-s21 12
    events: list[str] = []
    _count_renders(monkeypatch, events)
    request = BuildRequest(
        lessons=["3-s21", "whole-unit"], editions=("student",), out=project_dir / "out"
    )
    with pytest.raises(
        BuildError,
        match=r"^whole-unit-student\.pdf: this packet would be about \d\d pages — more than the "
        r"20 packet prints in one PDF \(it would take about \d+ minutes and gigabytes of "
        r"memory\)\. Split the lesson into several lessons in content/lessons/, or build it "
        r"with --format html$",
    ):
        build(project_dir, request)
    assert events == []
    assert [p.name for p in (project_dir / "out").iterdir()] == []


def test_a_build_that_will_take_minutes_says_so_before_it_starts(
    project_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from packet.build import estimate

    events: list[str] = []
    _count_renders(monkeypatch, events)
    request = BuildRequest(lessons=["3-s21"], editions=("student",), formats=("pdf",))
    build(project_dir, replace(request, out=project_dir / "a"), on_notice=events.append)
    assert events == ["render"]  # about 12 pages: under a second a page, no word needed

    events.clear()
    monkeypatch.setattr(estimate, "SECONDS_A_PAGE", 10.0)  # a slow machine: 2 minutes
    build(project_dir, replace(request, out=project_dir / "b"), on_notice=events.append)
    assert len(events) == 2 and events[1] == "render", events
    assert re.fullmatch(
        r"packet: about 1\d pages of PDF to make — this will take about 2 minutes", events[0]
    )


def test_renderers_end_even_when_the_pools_shutdown_is_stuck(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A lock left held by an interrupted thread can make Pool.terminate wait for ever; the
    renderer processes are then killed outright, and the build still ends."""
    from packet.build import renderers as module
    from packet.build.renderers import Renderers

    renderers = Renderers(tmp_path, 2)
    assert renderers.pool is not None
    workers = list(renderers.pool._pool)  # type: ignore[attr-defined]
    stuck, terminate = threading.Event(), renderers.pool.terminate

    def held() -> None:
        stuck.wait()
        terminate()

    monkeypatch.setattr(renderers.pool, "terminate", held)
    monkeypatch.setattr(module, "CLOSE_SECONDS", 0.5)
    renderers.close()
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and any(_running(w.pid) for w in workers):
        time.sleep(0.05)  # the pool's own thread may be the one to reap them
    assert not any(_running(w.pid) for w in workers)
    stuck.set()


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="reads /proc")
def test_a_renderer_started_while_packet_stops_still_ends(tmp_path: Path) -> None:
    """Once stopping has begun, packet ignores SIGTERM and SIGHUP. A renderer the pool starts
    then, to replace one that ended (a closing terminal's SIGHUP reaches them all), must not
    keep ignoring SIGTERM: the pool ends its renderers with it, and one that ignored it was
    left running, with packet waiting for it at exit."""
    from packet.build.renderers import Renderers

    renderers = Renderers(tmp_path, 1)
    assert renderers.pool is not None
    pool = renderers.pool
    (first,) = list(pool._pool)  # type: ignore[attr-defined]
    previous = signal.signal(signal.SIGTERM, signal.SIG_IGN)  # as packet's own handler does
    try:
        first.kill()
        deadline = time.monotonic() + 60
        started: list[int] = []
        while time.monotonic() < deadline and not started:
            started = [w.pid for w in pool._pool if w.pid not in (None, first.pid)]  # type: ignore[attr-defined]
            time.sleep(0.05)
        assert started, "the pool did not replace its renderer"
        (replacement,) = started
        deadline = time.monotonic() + 30  # it sets its signals up first thing
        while time.monotonic() < deadline and _ignores_sigterm(replacement):
            time.sleep(0.05)
        assert not _ignores_sigterm(replacement)
    finally:
        signal.signal(signal.SIGTERM, previous)
        renderers.close()


def _ignores_sigterm(pid: int) -> bool:
    """Whether process `pid` has SIGTERM set to be ignored (/proc/PID/status, SigIgn)."""
    status = Path(f"/proc/{pid}/status").read_text()
    ignored = int(next(line for line in status.splitlines() if line.startswith("SigIgn:"))[7:], 16)
    return bool(ignored >> (signal.SIGTERM - 1) & 1)


def _running(pid: int) -> bool:
    """Whether `pid` is a live process (not gone, not a zombie waiting to be reaped)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state not in ("Z", "X")


def test_renderer_processes_leave_no_temporary_files(
    project_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """WeasyPrint writes a document's fonts to a temporary folder and removes it only when
    its font configuration is collected, which never happens in a renderer process the pool
    ends: every build had left a folder of fonts, megabytes, in the system's temporary folder
    for each renderer. What the renderers write there goes, and is gone once they end."""
    import tempfile

    from packet.build.renderers import Renderers

    scratch = tmp_path / "tmp"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))  # the renderers' too: they fork
    with Renderers(project_dir, 2) as renderers:
        renderers.submit("<!DOCTYPE html><html><body><p>A page.</p></body></html>", False)
        _, rendered = renderers.next_done()
        assert rendered.pages == 1
        written = [p.name for p in scratch.rglob("*") if p.is_file()]
        assert written, "the renderers wrote no fonts (the test would see nothing)"
    assert list(scratch.iterdir()) == []
