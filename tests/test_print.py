"""Print craft: paper sizes, large print, booklets, right-hand starts, the timeline graphic,
fonts (Khmer included), PDF/UA tagging and metadata. PDFs are read back with pypdf and
pypdfium2; the timeline's geometry is checked on the layout packet draws from."""

from __future__ import annotations

import itertools
import re
import statistics
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

from conftest import booklet_running_text, ink_bounds_mm, pdf_text, spans_of
from packet.build import BuildRequest, build
from packet.errors import ContentError
from packet.graphic import Span, charts, layout
from packet.impose import padded, sheet_sides
from packet.markup import typeset
from packet.model import Project
from packet.project import load_project

MM = 72 / 25.4


def one(project_dir: Path, out: Path, **options: Any) -> Path:
    """Build 1-roots, student edition, PDF only, with `options`; return the PDF's path."""
    request = BuildRequest(
        lessons=["1-roots"], editions=["student"], formats=["pdf"], out=out, **options
    )
    result = build(load_project(project_dir), request)
    (output,) = result.outputs
    return output.path


@pytest.fixture(scope="module")
def variants(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """1-roots (student) on Letter, in large print, as a booklet and double-sided."""
    from conftest import copy_project

    root = copy_project(tmp_path_factory.mktemp("variants") / "project")
    out = root / "out"
    return {
        "letter": one(root, out / "letter", paper="letter"),
        "large": one(root, out, large_print=True),
        "booklet": one(root, out, booklet=True),
        "plain": one(root, out / "plain"),
        "double": one(root, out / "double", double_sided=True),
    }


def test_a4_and_letter_pages_have_exactly_those_sizes(
    built: Path, variants: dict[str, Path]
) -> None:
    for path, (width, height) in (
        (built / "1-roots-student.pdf", (210, 297)),
        (variants["letter"], (215.9, 279.4)),
    ):
        for page in PdfReader(path).pages:
            assert float(page.mediabox.width) == pytest.approx(width * MM, abs=0.05)
            assert float(page.mediabox.height) == pytest.approx(height * MM, abs=0.05)


def font_sizes(path: Path, page_numbers: list[int]) -> list[float]:
    """The printed size in points of every character on the given pages (text matrix x CTM),
    but for the text of drawings, which pypdf reads in the drawing's own units (see
    test_preflight's `_page_sizes`)."""
    sizes: list[float] = []

    def visit(text: str, cm: list[float], tm: list[float], font: Any, size: float) -> None:
        if cm[:4] == [1, 0, 0, 1]:
            return
        printed = abs(size * (tm[3] or 1) * cm[3])
        sizes.extend(printed for char in text if not char.isspace())

    reader = PdfReader(path)
    for number in page_numbers:
        reader.pages[number - 1].extract_text(visitor_text=visit)
    return sizes


def module_pages(path: Path) -> list[int]:
    return [n for n, text in enumerate(pdf_text(path), start=1) if "SECTION " in text]


def test_large_print_body_text_is_at_least_18pt(variants: dict[str, Path]) -> None:
    large = font_sizes(variants["large"], module_pages(variants["large"]))
    normal = font_sizes(variants["plain"], module_pages(variants["plain"]))
    assert statistics.median(normal) == pytest.approx(11, abs=0.1)
    assert statistics.median(large) >= 18
    assert min(large) >= 12  # running heads and paragraph numbers stay readable too
    assert "-large-print" in variants["large"].name
    # same content: every sentence of the normal edition is in the large-print one
    flat_large = " ".join(" ".join(pdf_text(variants["large"])).split())
    for sentence in re.findall(r"[A-Z][^.]{40,80}\.", " ".join(pdf_text(variants["plain"]))[:3000]):
        words = " ".join(sentence.split()[:5])
        assert words in flat_large


def test_sheet_order_folds_into_reading_order() -> None:
    assert sheet_sides(8) == [(7, 0), (1, 6), (5, 2), (3, 4)]
    for count in range(1, 41):
        sides = sheet_sides(count)
        total = padded(count)
        assert total % 4 == 0 and total - 4 < count <= total
        assert sorted(i for side in sides for i in side) == list(range(total))
        # Folding the stack: read each sheet's front right, back left, back right, front left...
        first_half = [p for s in range(total // 4) for p in (sides[2 * s][1], sides[2 * s + 1][0])]
        second_half = [
            p for s in reversed(range(total // 4)) for p in (sides[2 * s + 1][1], sides[2 * s][0])
        ]
        assert first_half + second_half == list(range(total))


def page_numbers(path: Path) -> list[int | None]:
    """The "Page X of Y" number printed on each page, None where there is none."""
    return [
        int(m[1]) if (m := re.search(r"Page (\d+) of \d+", text)) else None
        for text in pdf_text(path)
    ]


def booklet_halves(path: Path) -> list[tuple[Any, float, float]]:
    """Each half of each side of a booklet: (pdfium page, left edge, width) in pt."""
    halves = []
    for page in pdfium.PdfDocument(path):
        width, _ = page.get_size()
        halves += [(page, 0.0, width / 2), (page, width / 2, width / 2)]
    return halves


def test_booklet_sides_carry_the_right_pages(variants: dict[str, Path]) -> None:
    """A booklet is laid out on A5 and imposed at full size on A4: each half of each side is
    the page saddle-stitching puts there, with no more blank pages than folding needs."""
    found: list[int | None] = []
    counts = set()
    for page, left, half in booklet_halves(variants["booklet"]):
        width, height = page.get_size()
        assert (width, height) == pytest.approx((297 * MM, 210 * MM), abs=0.1)  # A4 landscape
        text = page.get_textpage().get_text_bounded(
            left=left, bottom=0, right=left + half, top=height
        )
        m = re.search(r"Page (\d+) of (\d+)", text)
        found.append(int(m[1]) if m else None)
        counts |= {int(m[2])} if m else set()
    (count,) = counts
    assert len(found) == padded(count) < count + 4  # padding only to a multiple of four
    numbered = [i + 1 if i < count else None for side in sheet_sides(count) for i in side]
    cover = numbered.index(1)  # the cover has no page number
    assert found == [*numbered[:cover], None, *numbered[cover + 1 :]]
    # laid out on the half sheet, not shrunk: the type prints at the booklet's own sizes
    unimposed = len(pdf_text(variants["plain"]))
    assert count > unimposed * 1.2


def test_booklet_type_and_answer_lines_are_big_enough_on_paper(variants: dict[str, Path]) -> None:
    sides = pdf_text(variants["booklet"])
    sizes = font_sizes(variants["booklet"], list(range(1, len(sides) + 1)))
    assert min(sizes) >= 7 - 0.05
    assert booklet_running_text(variants["booklet"]) >= 10  # the running text, as printed
    # Answer lines: runs of three or more long rules at one spacing, measured on paper
    spacings = []
    for page, left, half in booklet_halves(variants["booklet"]):
        image = page.render(scale=4).to_pil().convert("L")
        per_pt = image.size[0] / page.get_size()[0]
        x0, x1 = int((left + 0.2 * half) * per_pt), int((left + 0.8 * half) * per_pt)
        rows = [
            y
            for y in range(image.size[1])
            if all(image.getpixel((x, y)) < 128 for x in range(x0, x1, 7))
        ]
        lines = [y for i, y in enumerate(rows) if i == 0 or y - rows[i - 1] > 2]
        gaps = [(b - a) / per_pt / MM for a, b in itertools.pairwise(lines)]
        for a, b in itertools.pairwise(gaps):
            if abs(a - b) < 0.3:
                spacings.append(a)
    assert spacings, "no answer lines found"
    assert min(spacings) >= 8.0


def test_double_sided_sections_start_on_right_hand_pages(variants: dict[str, Path]) -> None:
    pages = pdf_text(variants["double"])
    starts = [
        n
        for n, text in enumerate(pages, start=1)
        if re.match(r"(Contents|SECTION \d|ACTIVITY \d|Timeline\n|Glossary\n|Sources\n)", text)
    ]
    assert len(starts) >= 8
    assert all(n % 2 == 1 for n in starts), starts
    blanks = [n for n, text in enumerate(pages, start=1) if not text.strip()]
    assert blanks, "some sections needed a blank left-hand page before them"
    assert all(n % 2 == 0 for n in blanks)  # blank pages are left-hand and truly blank
    single = pdf_text(variants["plain"])
    assert not [t for t in single if not t.strip()]


def figures(path: Path) -> list[str]:
    """The alt text of every figure in the PDF's structure tree."""
    found: list[str] = []

    def walk(node: Any) -> None:
        node = node.get_object()
        if node.get("/S") == "/Figure":
            found.append(str(node.get("/Alt")))
        kids = node.get("/K")
        for kid in kids if isinstance(kids, list) else [kids] if kids is not None else []:
            if hasattr(kid, "get_object") and hasattr(kid.get_object(), "get"):
                walk(kid)

    walk(PdfReader(path).trailer["/Root"]["/StructTreeRoot"])
    return found


def test_every_lesson_pdf_has_the_timeline_graphic_with_alt_text(
    built: Path, repo_project: Project
) -> None:
    for lesson in repo_project.lessons.values():
        if "timeline" not in lesson.entry.sections:
            continue
        for edition in ("student", "teacher"):
            alts = figures(built / f"{lesson.id}-{edition}.pdf")
            assert len(alts) == 1, (lesson.id, alts)
            assert alts[0].startswith("Timeline drawn to scale"), alts
            events = [
                e for e in repo_project.events if set(e.entry.modules) & set(lesson.entry.modules)
            ]
            for event in events:
                assert typeset(event.entry.title) in alts[0]


def assert_readable(plan: Any) -> None:
    boxes = [label.box for label in plan.labels] + [band.box for band in plan.bands]
    for a, b in itertools.combinations(boxes, 2):
        assert not a.overlaps(b), (a, b)
    for label in plan.labels:
        span = label.span
        # the event's anchor is where its date falls on the scale: a dot's middle, a point of a bar
        if span.bar:
            assert plan.y(span.start) <= label.anchor_y <= plan.y(span.end)
        else:
            assert label.anchor_y == pytest.approx(plan.y((span.start + span.end) / 2))
        assert label.box.y >= 0 and label.box.y + label.box.height <= plan.height
        assert label.box.x > plan.axis_x


def test_a_timeline_chart_is_drawn_to_fit_the_room_its_page_leaves(repo_project: Project) -> None:
    spans = spans_of(repo_project)
    natural = layout(spans, width=152, font_pt=10)
    (plan,) = charts(spans, width=152, font_pt=10, room=natural.height - 20)
    assert plan.height <= natural.height - 20 and plan.font_size == natural.font_size
    assert_readable(plan)
    # Room for less than its labels stacked: several charts at one scale, each fitting, the
    # labels still at 10 pt, together every event once.
    parts = charts(spans, width=152, font_pt=10, room=90)
    assert len(parts) > 1 and all(p.height <= 90 for p in parts)
    assert len({p.scale for p in parts}) == 1 and parts[0].font_size == natural.font_size
    assert [p.last_year for p in parts[:-1]] == [p.first_year for p in parts[1:]]
    assert sorted(la.span.title for p in parts for la in p.labels) == sorted(
        la.span.title for la in natural.labels
    )
    for part in parts:
        assert_readable(part)


def test_timeline_labels_never_overlap_and_dates_are_to_scale(repo_project: Project) -> None:
    plan = layout(spans_of(repo_project), width=152)
    assert len(plan.labels) == len([e for e in repo_project.events if not e.entry.period])
    assert len(plan.bands) == len([e for e in repo_project.events if e.entry.period])
    assert_readable(plan)
    assert plan.y(1975) - plan.y(1970) == pytest.approx(plan.y(2010) - plan.y(2005))


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.integers(-500, 2100),
            st.integers(0, 30),
            st.text(
                st.characters(codec="utf-8", categories=["L", "N", "Zs"]), min_size=1, max_size=60
            ),
            st.booleans(),
        ),
        min_size=1,
        max_size=40,
    )
)
def test_timeline_layout_holds_for_any_events(items: list[tuple[int, int, str, bool]]) -> None:
    spans = [
        Span(
            str(year),
            title.strip() or "event",
            year,
            year + 1 + length,
            period=period and length > 0,
        )
        for year, length, title, period in items
    ]
    if all(s.period for s in spans):
        spans[0] = Span("x", "event", spans[0].start, spans[0].end)
    assert_readable(layout(spans, width=152))


def test_pdfs_are_tagged_pdf_ua_with_title_language_and_bookmarks(built: Path) -> None:
    for name in ("whole-unit-teacher.pdf", "3-s21-student.pdf"):
        reader = PdfReader(built / name)
        root = reader.trailer["/Root"]
        assert root["/MarkInfo"]["/Marked"] == True  # noqa: E712 (a pypdf BooleanObject)
        assert "/StructTreeRoot" in root
        assert root["/Lang"] == "en"
        xmp = root["/Metadata"].get_object().get_data().decode()
        assert 'pdfuaid:part="1"' in xmp  # declared PDF/UA-1
        assert reader.metadata is not None and reader.metadata.title.startswith("The Khmer Rouge:")
        outline = [item.title for item in reader.outline if not isinstance(item, list)]
        contents = pdf_text(built / name)[1]
        for entry in re.findall(r"^(?:\d+ )?(.+?) \.{3,}", contents, re.M):
            title = entry.split(": ", 1)[-1]
            assert title in outline, (title, outline)


def test_every_font_is_embedded_and_khmer_prints_with_real_glyphs(
    project_dir: Path, tmp_path: Path
) -> None:
    module = project_dir / "content/modules/origins.md"
    text = module.read_text(encoding="utf-8")
    module.write_text(
        text.replace("The name Khmer Rouge", "Khmer script sample: ខ្មែរក្រហម. The name Khmer Rouge"),
        encoding="utf-8",
    )
    path = one(project_dir, tmp_path, strict=True)  # strict: a missing glyph would fail
    reader = PdfReader(path)
    fonts = {}
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            fonts[font["/BaseFont"]] = font
    assert any("Packet-Khmer" in name for name in fonts)
    for name, font in fonts.items():
        descendants = font.get("/DescendantFonts")
        descriptor = (descendants[0].get_object() if descendants else font)["/FontDescriptor"]
        assert {"/FontFile", "/FontFile2", "/FontFile3"} & set(descriptor.get_object()), name
    assert "ខ្មែរក្រហម" in "".join(pdf_text(path))


def test_a_character_no_font_has_is_a_warning_at_its_line(
    project_dir: Path, tmp_path: Path
) -> None:
    module = project_dir / "content/modules/origins.md"
    text = module.read_text(encoding="utf-8")
    module.write_text(
        text.replace("The name Khmer Rouge", "A clef 𝄞. The name Khmer Rouge"), encoding="utf-8"
    )
    line = next(
        n for n, row in enumerate(module.read_text(encoding="utf-8").split("\n"), 1) if "𝄞" in row
    )
    result = build(
        load_project(project_dir),
        BuildRequest(lessons=["1-roots"], editions=["student"], formats=["pdf"], out=tmp_path),
    )
    assert any(
        w.startswith(f"content/modules/origins.md:{line}:8: warning: no font in the packet has")
        and "U+1D11E" in w
        for w in result.warnings
    ), result.warnings
    with pytest.raises(ContentError, match="U\\+1D11E"):
        build(
            load_project(project_dir),
            BuildRequest(
                lessons=["1-roots"],
                editions=["student"],
                formats=["pdf"],
                out=tmp_path / "s",
                strict=True,
            ),
        )


def test_long_words_and_wide_tables_stay_inside_the_page(project_dir: Path, tmp_path: Path) -> None:
    module = project_dir / "content/modules/origins.md"
    text = module.read_text(encoding="utf-8")
    word = "Kampuchea" * 40
    table = "| " + " | ".join(f"column{i}heading" for i in range(14)) + " |\n"
    table += "|" + "---|" * 14 + "\n| " + " | ".join("cell" for _ in range(14)) + " |\n"
    module.write_text(text + f"\n{word}\n\n{table}", encoding="utf-8")
    path = one(project_dir, tmp_path, strict=True)
    for left, _top, right, _bottom in ink_bounds_mm(path):
        assert left >= 17 and right <= 210 - 27
    assert "column13heading" in "".join(pdf_text(path)).replace("\n", "")
