"""The print preflight (preflight.py): each rule caught by a small page made to break it and
by nothing else, a clean page with no finding, the content's own layout requests honoured,
findings reported as warnings naming the output, the page and the file and line (fatal with
`--strict`); every lesson of the unit free of findings on A4 and letter, both editions; and
the photocopy test — pages at 300 dpi thresholded at 50 % grey, every line still whole."""

from __future__ import annotations

import base64
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium
import pytest
from PIL import Image, ImageOps
from pypdf import PdfReader

from conftest import (
    VARIANTS,
    booklet_running_text,
    copy_project,
    pdf_text,
    run_packet,
    student_page_mismatches,
)
from packet.build import BuildRequest, build, default_jobs
from packet.model import Project
from packet.preflight import Finding, preflight

# A page of the tests' own: A5 with 20 mm margins (a text block 170 mm high), 10 pt text.
PAGE = """<style>
@page { size: A5; margin: 20mm; @bottom-center { content: counter(page); font-size: 8pt; } }
html { font: 10pt/1.4 serif; } p { margin: 0 0 2mm; }
h2 { font-size: 13pt; margin: 0 0 2mm; break-after: auto; }
.fill { height: %s; } .tall { height: 165mm; border-bottom: 1pt solid #000; break-inside: avoid; }
.rule { height: 8mm; border-bottom: 0.75pt solid #000; }
.answer-space { break-inside: avoid; }
</style>"""


def findings(body: str, *, spacer: str = "0mm", html_class: str = "") -> list[Finding]:
    from weasyprint import HTML

    html = f'<html class="{html_class}"><head>{PAGE % spacer}</head><body>{body}</body></html>'
    return preflight(HTML(string=html).render())


def rules(found: list[Finding]) -> set[str]:
    return {finding.rule for finding in found}


def test_a_clean_page_has_no_finding() -> None:
    body = "<h2>Heading</h2>" + "<p>Text of ten points, long enough to wrap.</p>" * 40
    assert findings(body) == []


def test_a_nearly_empty_page_is_found_unless_a_new_page_was_asked_for() -> None:
    tall = '<div class="tall">A block that must stay whole</div><p>More.</p>'
    found = findings("<p>One short paragraph.</p>" + tall)
    assert rules(found) == {"nearly-empty"}
    assert found[0].page == 1 and "% full" in found[0].what
    asked = '<div class="new-page"><div class="tall">Whole</div></div><p>More.</p>'
    assert findings("<style>.new-page{break-before:page}</style><p>Short.</p>" + asked) == []


def test_the_last_page_of_a_part_may_be_short() -> None:
    part = '<section style="break-before: page">' + "<p>Line of text.</p>" * 70 + "</section>"
    assert findings(part * 2) == []


def test_a_heading_last_on_its_page_is_found() -> None:
    body = '<div class="fill"></div><h2>Stranded heading</h2><div class="tall">Its content</div>'
    found = findings(body, spacer="155mm")
    assert rules(found) == {"stranded"}
    assert "Stranded heading" in found[0].what and found[0].page == 1


def test_a_question_apart_from_its_answer_space_is_found() -> None:
    question = (
        '<p class="ask">Why did the city empty?</p>'
        '<div class="answer-space">' + '<div class="rule"></div>' * 4 + "</div>"
    )
    found = findings('<div class="fill"></div>' + question, spacer="150mm")
    assert rules(found) == {"question-split"}
    assert "Why did the city empty?" in found[0].what


def test_a_table_leaving_one_row_on_a_page_is_found() -> None:
    rows = "".join(f"<tr><td>Row {i}</td></tr>" for i in range(8))
    table = f"<table><tbody>{rows}</tbody></table>"
    found = findings('<div class="fill"></div>' + table, spacer="160mm")
    assert rules(found) == {"table-split"}
    assert "1 row" in found[0].what
    assert findings('<div class="fill"></div>' + table, spacer="145mm") == []


@pytest.mark.parametrize(
    "body",
    [
        # matching terms on one page, their definitions on the next
        '<div class="match"><ol class="match-terms"><li>coup</li></ol>'
        '<ol class="match-definitions" style="break-before: page"><li>A seizure of power'
        "</li></ol></div>",
        # an activity's instructions apart from its first item
        '<div class="fill"></div><p class="instructions">Number the events.</p>'
        '<div class="tall">The events</div>',
        # a table apart from its heading
        '<div class="fill"></div><h2>Sources compared</h2><table><tbody>'
        + "<tr><td>row</td></tr>" * 3
        + "</tbody></table>",
        # a block the content asked to keep together, longer than a page
        '<div class="keep-together">' + "<p>Line of text.</p>" * 100 + "</div>",
    ],
    ids=["matching", "instructions", "table-heading", "keep-together"],
)
def test_parts_a_student_must_see_together_on_different_pages_are_found(body: str) -> None:
    style = "<style>table, tr { break-inside: avoid; } h2 { break-after: auto; }</style>"
    assert rules(findings(style + body, spacer="160mm")) == {"apart"}


def test_type_under_the_variant_minimum_is_found() -> None:
    assert findings('<p style="font-size: 10pt">Body</p><span class="cite">(tag)</span>') == []
    found = findings('<p style="font-size: 9.5pt">Too small for running text</p>')
    assert rules(found) == {"small-type"}
    assert "9.5 pt" in found[0].what and "10 pt" in found[0].what
    assert rules(findings('<span class="cite" style="font-size: 8.5pt">(tag)</span>')) == {
        "small-type"
    }
    # large print: 14 pt
    assert rules(findings("<p>Ten points</p>", html_class="large-print")) == {"small-type"}
    margin = "<style>@page { @top-left { content: 'Head'; font-size: 7pt; } }</style><p>x</p>"
    assert "running head" in findings(margin)[0].what


@pytest.mark.parametrize(
    ("border", "faint"),
    [
        ("0.75pt solid #595959", False),
        ("1pt solid #000", False),
        ("0.6pt solid #000", True),  # too thin
        ("1pt solid #777", True),  # too light
    ],
)
def test_rules_too_thin_or_light_for_a_photocopier_are_found(border: str, faint: bool) -> None:
    found = findings(f'<p style="border-bottom: {border}">Above a line</p>')
    assert rules(found) == ({"faint-line"} if faint else set())


def test_a_drawings_thin_strokes_and_leaders_are_found() -> None:
    def drawing(stroke: str, leader: bool) -> str:
        kind = ' class="leader"' if leader else ""
        svg = (
            '<svg xmlns="http://www.w3.org/2000/svg" width="100mm" height="20mm" '
            f'viewBox="0 0 100 20"><path{kind} d="M0 10 H100" stroke="{stroke}"/></svg>'
        )
        data = base64.b64encode(svg.encode()).decode()
        return f'<img style="width: 100mm" src="data:image/svg+xml;base64,{data}">'

    # viewBox units are millimetres: 0.2 mm is 0.57 pt
    assert findings(drawing('#000" stroke-width="0.2', leader=True)) == []
    assert rules(findings(drawing('#000" stroke-width="0.2', leader=False))) == {"faint-line"}
    assert rules(findings(drawing('#999" stroke-width="0.3', leader=True))) == {"faint-line"}


def test_a_cover_running_onto_a_second_page_is_found() -> None:
    cover = '<section class="cover">' + "<p>Advisory text.</p>" * 80 + "</section>"
    found = findings(cover)
    assert rules(found) == {"cover-overflow"}
    assert found[0].page == 2


def test_a_finding_names_where_its_content_was_written() -> None:
    body = (
        '<article data-source="content/modules/m.md:1"><div class="fill"></div>'
        '<p class="ask" data-source="content/modules/m.md:9">Why?</p>'
        '<div class="answer-space"><div class="rule"></div><div class="rule"></div></div>'
        "</article>"
    )
    (found,) = findings(body, spacer="160mm")
    assert found.source == "content/modules/m.md:9"
    assert found.warning().startswith("content/modules/m.md:9: preflight, page 1: ")
    small = (
        '<article data-source="content/modules/m.md:1"><p data-source="content/modules/m.md:7">'
        'Text with <span style="font-size: 7pt">tiny words</span></p></article>'
    )
    (found,) = findings(small)
    assert found.rule == "small-type" and found.source == "content/modules/m.md:7"


# -- through packet build ------------------------------------------------------------------


def _module_with(root: Path, markdown: str) -> tuple[Path, int]:
    """The unit's first module with `markdown` added at the end of its body; the module's
    path and the line the addition starts on."""
    path = root / "content" / "modules" / "origins.md"
    text = path.read_text(encoding="utf-8").rstrip("\n") + "\n\n"
    path.write_text(text + markdown, encoding="utf-8")
    return path, text.count("\n") + 1


def test_a_build_reports_findings_with_output_page_and_line_and_strict_stops(
    tmp_path: Path,
) -> None:
    root = copy_project(tmp_path / "project")
    long_block = "::: keep-together\n" + "A sentence of the block.\n\n" * 120 + ":::\n"
    _, line = _module_with(root, long_block)
    args = ("build", "1-roots", "--edition", "student", "--format", "pdf")
    done = run_packet(*args, "--out", str(tmp_path / "out"), cwd=root)
    assert done.returncode == 0, done.stderr
    warning = next(w for w in done.stderr.splitlines() if "keep together" in w)
    assert warning.startswith(f"content/modules/origins.md:{line}:")  # where the block opens
    assert re.search(r"1-roots-student\.pdf, page \d+: the block the content asks", warning)
    strict = run_packet(*args, "--strict", "--out", str(tmp_path / "strict"), cwd=root)
    assert strict.returncode == 1 and "keep together" in strict.stderr
    assert not (tmp_path / "strict" / "1-roots-student.pdf").exists()


def test_a_new_page_asked_for_in_the_content_starts_one(tmp_path: Path) -> None:
    root = copy_project(tmp_path / "project")
    _module_with(root, "::: new-page\nThis paragraph starts a page of its own.\n:::\n")
    out = tmp_path / "out"
    done = run_packet(
        "build", "1-roots", "--edition", "student", "--format", "pdf", "--strict",
        "--out", str(out), cwd=root,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    for page in pdfium.PdfDocument(out / "1-roots-student.pdf"):
        text = page.get_textpage()
        found = text.search("This paragraph starts a page of its own.").get_next()
        if found is None:
            continue
        top = text.get_charbox(found[0])[3]
        above = text.get_text_bounded(bottom=top + 1)  # what is printed above it
        assert " ".join(above.split()) == "The Khmer Rouge Origins of the Movement"
        break
    else:
        pytest.fail("the paragraph is not in the PDF")


def test_a_new_page_asked_for_at_the_start_of_a_module_leaves_its_heading_with_it(
    tmp_path: Path,
) -> None:
    root = copy_project(tmp_path / "project")
    args = ("build", "1-roots", "--edition", "student", "--format", "pdf", "--strict")
    done = run_packet(*args, "--out", str(tmp_path / "before"), cwd=root)
    assert done.returncode == 0, done.stderr
    path = root / "content" / "modules" / "origins.md"
    text = path.read_text(encoding="utf-8")
    head, body = text.split("\n---\n", 1)
    path.write_text(f"{head}\n---\n::: new-page\n{body.strip()}\n:::\n", encoding="utf-8")
    done = run_packet(*args, "--out", str(tmp_path / "after"), cwd=root)
    assert done.returncode == 0, done.stderr
    before, after = (
        pdf_text(tmp_path / out / "1-roots-student.pdf") for out in ("before", "after")
    )
    assert len(after) == len(before)


# -- the unit, every lesson ----------------------------------------------------------------


@pytest.fixture(scope="session")
def built_letter(tmp_path_factory: pytest.TempPathFactory, repo_project: Project) -> Path:
    """Every lesson of the repository on letter paper, both editions, PDF, in strict mode."""
    out = tmp_path_factory.mktemp("letter")
    request = BuildRequest(
        out=out, strict=True, formats=["pdf"], paper="letter", jobs=default_jobs()
    )
    build(repo_project, request)
    return out


def test_every_lesson_has_no_finding_on_a4_and_letter_in_both_editions(
    built: Path, built_letter: Path, repo_project: Project
) -> None:
    # `built` and `built_letter` are made with strict=True: a finding would have stopped them.
    for out in (built, built_letter):
        for lesson in repo_project.lessons:
            for edition in ("student", "teacher"):
                assert (out / f"{lesson}-{edition}.pdf").is_file()
        manifest = (out / ".packet-build.json").read_text(encoding="utf-8")
        assert "preflight" not in manifest and ", page " not in manifest


@pytest.mark.parametrize("variant", VARIANTS)
def test_every_lesson_has_no_finding_in_every_print_variant(
    built_variants: Path, repo_project: Project, variant: str
) -> None:
    # Made with strict=True: a finding would have stopped the build.
    suffix = {"large-print": "-large-print", "booklet": "-booklet", "support": "-support"}.get(
        variant, ""
    )
    out = built_variants / variant
    for lesson in repo_project.lessons:
        for edition in ("student", "teacher"):
            assert (out / f"{lesson}-{edition}{suffix}.pdf").is_file()
    manifest = (out / ".packet-build.json").read_text(encoding="utf-8")
    assert "preflight" not in manifest and ", page " not in manifest


@pytest.mark.parametrize("variant", ["large-print", "double-sided"])
def test_the_teacher_edition_shows_student_pages_in_every_variant(
    built_variants: Path, variant: str
) -> None:
    # The blank pages of double-sided printing and large print's extra pages move everything;
    # the teacher's marks follow. (A booklet's pages are those of its unimposed layout.)
    suffix = "-large-print" if variant == "large-print" else ""
    out = built_variants / variant
    for lesson in ("1-roots", "whole-unit"):
        student, teacher = (out / f"{lesson}-{e}{suffix}.pdf" for e in ("student", "teacher"))
        marked, wrong = student_page_mismatches(student, teacher)
        assert marked > 10 and wrong == []


def _page_sizes(page: Any) -> list[tuple[float, float]]:
    """Each character's printed size in pt and its height in mm from the page's top, but
    for the text of drawings: pypdf reads a drawing's text (a form XObject's, in which it
    starts the transformation matrix afresh) in the drawing's own units, not as printed.
    The timeline chart's labels are measured on the rendered page by test_graphic.py."""
    height = float(page.mediabox.height)
    chars: list[tuple[float, float]] = []

    def visit(text: str, cm: list[float], tm: list[float], font: Any, size: float) -> None:
        if cm[:4] == [1, 0, 0, 1]:  # WeasyPrint's own page content is scaled, px to pt
            return
        printed = abs(size * (tm[3] or 1) * cm[3])
        y = (height - (tm[5] * cm[3] + cm[5])) * 25.4 / 72
        chars.extend((printed, y) for char in text if not char.isspace())

    page.extract_text(visitor_text=visit)
    return chars


def printed_sizes(path: Path) -> list[tuple[float, float, str]]:
    """Every character's printed size in pt, its height on the page in mm from the top,
    and its page's text, from the PDF's text layer."""
    found: list[tuple[float, float, str]] = []
    for page in PdfReader(path).pages:
        text = page.extract_text()
        found += [(size, y, text) for size, y in _page_sizes(page)]
    return found


def test_the_smallest_text_of_each_variant_meets_its_minimum(
    built: Path, built_variants: Path
) -> None:
    """The README's "smallest text" table, read from the PDFs: standard print 8 pt (running
    heads), large print 12 pt running heads, 14 pt chart labels and 16 pt everything else,
    booklets 7 pt on paper with 10.5 pt running text (the sections' most common size). The
    teacher's printouts of each variant are in these folders too: a large-print build's
    answer key is large print."""
    for pdf in built.glob("*.pdf"):
        assert min(size for size, _, _ in printed_sizes(pdf)) >= 8 - 0.05, pdf.name
    for pdf in (built_variants / "large-print").glob("*.pdf"):
        for size, y, text in printed_sizes(pdf):
            in_margin = y < 16 or y > 297 - 20  # running heads, page numbers
            chart = "Drawn to scale" in text  # its labels, where drawn as page content
            least = 12 if in_margin else 14 if chart else 16
            assert size >= least - 0.05, (pdf.name, size, y)
    for pdf in (built_variants / "booklet").glob("*-booklet.pdf"):
        assert min(size for size, _, _ in printed_sizes(pdf)) >= 7 - 0.05, pdf.name
        assert booklet_running_text(pdf) >= 10, pdf.name
    # A booklet's answer key is on the whole sheet, unfolded, at standard print's sizes.
    keys = list((built_variants / "booklet").glob("*-booklet-answer-key.pdf"))
    assert len(keys) == 7
    for pdf in keys:
        assert min(size for size, _, _ in printed_sizes(pdf)) >= 8 - 0.05, pdf.name


# -- typography ----------------------------------------------------------------------------


def test_no_straight_quote_or_apostrophe_is_left_in_the_unit(
    built: Path, built_letter: Path
) -> None:
    for pdf in [*built.glob("*.pdf"), *built_letter.glob("*.pdf")]:
        for number, text in enumerate(pdf_text(pdf), start=1):
            straight = re.findall(r".{0,30}['\"].{0,30}", text)
            assert not straight, f"{pdf.name} page {number}: {straight}"


def test_no_citation_tag_is_alone_on_a_line(built: Path) -> None:
    tags = re.compile(
        r"\((?:Encyclopedia\sentry|Asia\sHighlights)\)[.,;:]?"  # in the text
        r"|\[(?:Encyclopedia\sentry|Asia\sHighlights|general\sdefinition)\]"  # the glossary's
    )
    for pdf in built.glob("*.pdf"):
        for number, text in enumerate(pdf_text(pdf), start=1):
            for line in text.splitlines():
                assert not tags.fullmatch(line.strip()), f"{pdf.name} page {number}: {line}"


def test_no_glossary_mark_is_inside_a_quotation(built: Path) -> None:
    for html in built.glob("*.html"):
        text = html.read_text(encoding="utf-8")
        for quotation in re.findall(r"“[^”]*”", text):
            assert 'class="term' not in quotation, f"{html.name}: {quotation[:80]}"


# -- the photocopy test --------------------------------------------------------------------

DPI = 300
MIN_LINE_MM = 40  # an answer line, a table's rule: at least this long


def _lines(image: Image.Image) -> Iterator[tuple[int, int, int, int]]:
    """Every horizontal line drawn on a page (rows top..bottom, columns left..right): rows
    with a continuous run of any ink at least MIN_LINE_MM long, adjacent rows together."""
    ink = ImageOps.invert(image).point(lambda v: 255 if v > 5 else 0)
    least = round(MIN_LINE_MM / 25.4 * DPI)
    profile = ink.resize((1, ink.height), Image.Resampling.BOX).tobytes()
    runs: list[tuple[int, int, int]] = []
    for y, mean in enumerate(profile):
        if mean * ink.width / 255 < least:
            continue
        row = ink.crop((0, y, ink.width, y + 1)).tobytes()
        runs += [(y, m.start(), m.end()) for m in re.finditer(b"\xff{%d,}" % least, row)]
    group: list[tuple[int, int, int]] = []
    for run in [*runs, (-9, 0, 0)]:
        if group and (run[0] != group[-1][0] + 1 or abs(run[1] - group[-1][1]) > 3):
            yield group[0][0], group[-1][0], min(g[1] for g in group), max(g[2] for g in group)
            group = []
        group.append(run)


def broken_lines(image: Image.Image) -> tuple[int, list[tuple[int, int, int, int]]]:
    """How many lines a page has, and those a copier's text mode (50 % grey and lighter
    dropped) breaks: no row of the line is still dark from end to end."""
    copied = image.point(lambda v: 0 if v < 128 else 255)
    lines = list(_lines(image))
    broken = []
    for top, bottom, left, right in lines:
        rows = (
            copied.crop((left + 2, y, right - 2, y + 1)).tobytes() for y in range(top, bottom + 1)
        )
        if all(b"\xff" in row for row in rows):
            broken.append((top, bottom, left, right))
    return len(lines), broken


def _pages(pdf: Path) -> Iterator[Image.Image]:
    for page in pdfium.PdfDocument(pdf):
        yield page.render(scale=DPI / 72, grayscale=True).to_pil().convert("L")


def test_the_photocopy_test_finds_lines_a_copier_drops(tmp_path: Path) -> None:
    from weasyprint import HTML

    def page(line: str) -> tuple[int, int]:
        rules = f'<div style="height: 8.5mm; border-bottom: {line}"></div>' * 12
        pdf = tmp_path / "lines.pdf"
        HTML(string=f"<style>@page {{ size: A5 }}</style>{rules}").write_pdf(pdf)
        found, broken = broken_lines(next(_pages(pdf)))
        return found, len(broken)

    assert page("0.6pt solid #888") == (12, 12)  # light grey: gone
    assert page("0.4pt solid #777") > (12, 0)  # thin mid-grey: some break, where it falls
    assert page("0.2pt solid #000") > (12, 0)  # hairlines
    assert page("0.75pt solid #333") == (12, 0)  # the theme's answer lines
    # The theme's old answer lines, 0.6 pt #777, survive a 50 % threshold here only just:
    # their darkest rows are 53 % black.


def test_every_answer_line_survives_a_photocopier(built: Path) -> None:
    pdf = built / "whole-unit-student.pdf"
    html = (built / "whole-unit-student.html").read_text(encoding="utf-8")
    answer_lines = html.count('<div class="rule">')
    found = 0
    for number, image in enumerate(_pages(pdf), start=1):
        lines, broken = broken_lines(image)
        found += lines
        assert not broken, f"page {number}: lines at rows {broken} break when photocopied"
    assert found >= answer_lines > 50


# -- what a hostile or careless unit gives the preflight -----------------------------------


def _svg(body: str, viewbox: str = "0 0 100 20") -> str:
    svg = (
        '<svg xmlns="http://www.w3.org/2000/svg" width="100mm" height="20mm" '
        f'viewBox="{viewbox}">{body}</svg>'
    )
    data = base64.b64encode(svg.encode()).decode()
    return f'<img style="width: 100mm" src="data:image/svg+xml;base64,{data}">'


@pytest.mark.parametrize(
    ("stroke_width", "faint"),
    [("1px", False), ("0.1pt", True), ("0.05", True), ("5%", False), ("inherit", False),
     ("abc", False), ("1,5", False), ("", False), ("1e9", False)],
)  # fmt: skip
def test_any_svg_length_is_read_or_left_unchecked(stroke_width: str, faint: bool) -> None:
    drawing = _svg(f'<path d="M0 10 H100" stroke="#000" stroke-width="{stroke_width}"/>')
    assert rules(findings(drawing)) == ({"faint-line"} if faint else set())


def test_an_svg_with_an_unreadable_view_box_is_left_unchecked() -> None:
    drawing = _svg('<path d="M0 10 H100" stroke="#000" stroke-width="0.01"/>', "0 0 abc 20")
    assert findings(drawing) == []


def test_a_heading_that_is_not_drawn_before_a_table_is_no_trouble() -> None:
    body = '<h2 style="display: none">x</h2><table><tbody><tr><td>1</td></tr></tbody></table>'
    assert findings(body) == []


def test_a_page_break_asked_for_does_not_hide_a_stranded_heading() -> None:
    body = '<div class="fill"></div><h2>Alone</h2><div style="break-before: page">Text</div>'
    assert rules(findings(body, spacer="100mm")) == {"stranded"}


def test_a_table_row_taller_than_a_page_is_not_a_split_table() -> None:
    row = "<tr><td>row</td></tr>"
    box = '<div style="height: 165mm; border: 1pt solid #000">a box to draw in</div>'
    tall = f"<tr><td>{box}</td></tr>"
    table = f"<table><tbody>{row * 2}{tall}{row * 2}</tbody></table>"
    assert findings('<div class="fill"></div>' + table, spacer="120mm") == []


def test_a_preflight_that_cannot_read_a_packet_warns_and_the_pdf_is_still_made(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, repo_project: Project
) -> None:
    import packet.preflight

    def unreadable(document: object) -> list[Finding]:
        raise ValueError("a drawing it does not understand")

    monkeypatch.setattr(packet.preflight, "preflight", unreadable)
    request = BuildRequest(
        lessons=["3-s21"], editions=["student"], formats=["pdf"], out=tmp_path, jobs=1
    )
    result = build(repo_project, request)
    assert (tmp_path / "3-s21-student.pdf").is_file()
    (warning,) = [w for w in result.warnings if "preflight" in w]
    assert "could not check" in warning and "a drawing it does not understand" in warning


def test_a_finding_describing_a_dash_keeps_its_hint_apart(repo_project: Project) -> None:
    from packet.build.explain import explain

    finding = Finding("stranded", 4, "“Year Zero — 1975” is the last thing", "keep it", "a.md:3")
    problem = explain(repo_project, "x-student.pdf", finding.warning())
    assert problem.message == "x-student.pdf, page 4: “Year Zero — 1975” is the last thing"
    assert problem.hint == "keep it"
