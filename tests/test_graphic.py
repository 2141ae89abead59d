"""The timeline chart reads correctly: geometry of the layout (labels, leaders, marks, the
axis's extent), how approximate dates and bars are drawn in the SVG, a compact chart for few
events, and the size its labels print at in standard and large print."""

from __future__ import annotations

import base64
import itertools
import math
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pypdfium2 as pdfium  # type: ignore[import-untyped]
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import pdf_text, spans_of
from packet.assemble import END_MARGINS, PAGE_MM, assemble
from packet.build import BuildRequest, build
from packet.dates import MONTHS, month_label
from packet.graphic import (
    BAR,
    PT,
    Box,
    Layout,
    Span,
    alt_text,
    charts,
    layout,
    legend,
    svg,
)
from packet.i18n import Words
from packet.model import Project
from packet.project import load_project
from packet.pull import pull

SVG = "{http://www.w3.org/2000/svg}"
Point = tuple[float, float]


def _orientation(a: Point, b: Point, c: Point) -> float:
    return (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0])


def _on(a: Point, b: Point, p: Point) -> bool:
    return (
        min(a[0], b[0]) - 1e-9 <= p[0] <= max(a[0], b[0]) + 1e-9
        and min(a[1], b[1]) - 1e-9 <= p[1] <= max(a[1], b[1]) + 1e-9
    )


def intersect(p: tuple[Point, Point], q: tuple[Point, Point]) -> bool:
    """Whether two segments share any point (touching counts)."""
    d1, d2 = _orientation(*q, p[0]), _orientation(*q, p[1])
    d3, d4 = _orientation(*p, q[0]), _orientation(*p, q[1])
    if ((d1 > 0 > d2) or (d1 < 0 < d2)) and ((d3 > 0 > d4) or (d3 < 0 < d4)):
        return True
    return any(
        d == 0 and _on(*seg, point)
        for d, seg, point in ((d1, q, p[0]), (d2, q, p[1]), (d3, p, q[0]), (d4, p, q[1]))
    )


def segments(points: tuple[Point, ...]) -> list[tuple[Point, Point]]:
    return list(itertools.pairwise(points))


def crosses_box(segment: tuple[Point, Point], box: Box) -> bool:
    """Whether a segment enters the box (sampled finely; leaders are short)."""
    (x0, y0), (x1, y1) = segment
    for i in range(201):
        x, y = x0 + (x1 - x0) * i / 200, y0 + (y1 - y0) * i / 200
        if box.x <= x <= box.x + box.width and box.y <= y <= box.y + box.height:
            return True
    return False


def assert_reads(plan: Layout) -> None:
    """Labels apart, leaders apart and clear of labels, everything within the axis's extent."""
    boxes = [label.box for label in plan.labels] + [band.box for band in plan.bands]
    for one, other in itertools.combinations(boxes, 2):
        assert not one.overlaps(other), (one, other)
    assert_leaders_apart(plan)
    assert_within_the_axis(plan)


def assert_leaders_apart(plan: Layout) -> None:
    for a, b in itertools.combinations(plan.labels, 2):
        # leaders leaving one mark at one point share their first stub; after it, apart
        share = a.anchor_y == b.anchor_y
        for p in segments(a.leader[1:] if share else a.leader):
            for q in segments(b.leader[1:] if share else b.leader):
                met = intersect(p, q)
                assert not met or (share and p[0] == q[0] == a.leader[1]), (a.span, b.span)
    for label, segment in ((la, s) for la in plan.labels for s in segments(la.leader)):
        for placed in plan.labels:
            assert not crosses_box(segment, placed.box), (label.span, placed.span)


def assert_within_the_axis(plan: Layout) -> None:
    top, bottom = plan.y(plan.first_year) - 1e-6, plan.y(plan.last_year) + 1e-6
    for label in plan.labels:
        assert top <= label.box.y and label.box.y + label.box.height <= bottom
        assert top <= label.anchor_y <= bottom
    for mark in plan.marks:
        if mark.span.bar:
            assert top <= mark.box.y and mark.box.y + mark.box.height <= bottom
        else:
            assert top <= mark.box.y + mark.box.height / 2 <= bottom


def drawn(plan: Layout) -> list[ET.Element]:
    return list(ET.fromstring(svg(plan, "alt")).iter())


def assert_marks_drawn_truly(plan: Layout) -> None:
    """Approximate marks hollow with a dark stroke of at least 0.75 pt, exact ones solid; a dot
    on a bar drawn after it with a white halo wider than the bar."""
    elements = drawn(plan)
    marks = [e for e in elements if "mark" in (e.get("class") or "").split()]
    assert len(marks) == len(plan.labels)
    for e in marks:
        kinds = set(e.get("class", "").split())
        assert e.get("stroke") in ("#000", "#111", "#222", "#333")
        if "approximate" in kinds:
            assert e.get("fill") == "#fff"
            assert float(e.get("stroke-width", "0")) / PT >= 0.75
        else:
            assert "exact" in kinds and e.get("fill") in ("#000", "#111", "#222")
    bars = [e for e in marks if "bar" in e.get("class", "")]
    for i, e in enumerate(elements):
        if "dot" not in (e.get("class") or "").split():
            continue
        cy = float(e.get("cy", "0"))
        under = [b for b in bars if float(b.get("y", 0)) <= cy <= float(b.get("y", 0)) + float(
            b.get("height", 0)
        )]  # fmt: skip
        for bar in under:
            assert elements.index(bar) < i  # the dot is drawn over the bar
            halo = elements[i - 1]
            assert halo.get("class") == "halo" and halo.get("fill") == "#fff"
            assert float(halo.get("r", "0")) > BAR / 2 and float(halo.get("cy", "0")) == cy
        # nothing drawn later covers the dot but text, which is right of the axis
        later = [x for x in elements[i + 1 :] if x.tag in (f"{SVG}rect", f"{SVG}circle")]
        assert all("dot" in (x.get("class") or "") or x.get("class") == "halo" for x in later)


VARIANTS = [(152.0, 10.0, 195.0, 195.0), (157.9, 10.0, 150.0, 177.0), (174.0, 14.0, 130.0, 200.0)]


@pytest.mark.parametrize(("width", "font_pt", "room", "later"), VARIANTS)
def test_the_units_chart_reads_correctly(
    repo_project: Project, width: float, font_pt: float, room: float, later: float
) -> None:
    for modules in (None, ["origins", "civil-war"], ["fall-and-insurgency"]):
        spans = spans_of(repo_project, modules)
        plans = charts(spans, width=width, font_pt=font_pt, room=room, later_room=later)
        assert plans[0].height <= room and all(p.height <= later for p in plans[1:])
        for plan in plans:
            assert_reads(plan)
            assert_marks_drawn_truly(plan)


def test_the_1990s_bar_leaves_the_dots_on_it_visible(repo_project: Project) -> None:
    plan = layout(spans_of(repo_project, ["fall-and-insurgency"]), width=152, font_pt=10)
    bar = next(m for m in plan.marks if m.span.label == "1990s")
    assert bar.span.approximate
    on_it = [m for m in plan.marks if not m.span.bar and bar.box.y <= m.box.y <= bar.box.y + 99]
    on_it = [m for m in on_it if m.box.y + m.box.height / 2 <= bar.box.y + bar.box.height]
    assert {m.span.label for m in on_it} >= {"1991", "1993", "1995", "1996", "1997", "1998"}
    assert all(m.halo for m in on_it)
    assert plan.marks.index(bar) < min(plan.marks.index(m) for m in on_it)
    assert_marks_drawn_truly(plan)


def test_the_last_label_lies_within_the_axis(repo_project: Project) -> None:
    for room in (195.0, 170.0):
        plan = charts(spans_of(repo_project), width=152, font_pt=10, room=room)[-1]
        last = max(plan.labels, key=lambda la: la.anchor_y)
        assert last.span.label == "2018"
        assert last.box.y + last.box.height <= plan.y(plan.last_year)


@settings(max_examples=120, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.integers(1000, 2100),
            st.sampled_from([0, 0, 0, 1, 3, 9, 30]),
            st.text(
                st.characters(codec="utf-8", categories=["L", "N", "Zs"]), min_size=1, max_size=40
            ),
            st.booleans(),
            st.booleans(),
        ),
        min_size=1,
        max_size=30,
    ),
    st.sampled_from([(152.0, 10.0, 120.0), (174.0, 14.0, 180.0)]),
)
def test_any_timeline_reads_correctly(
    items: list[tuple[int, int, str, bool, bool]], page: tuple[float, float, float]
) -> None:
    spans = [
        Span(
            str(year),
            title.strip() or "event",
            year,
            year + 1 + length,
            approximate=rough,
            period=period and length > 0,
        )
        for year, length, title, rough, period in items
    ]
    if all(s.period for s in spans):
        spans[0] = Span("x", "event", spans[0].start, spans[0].end)
    width, font_pt, room = page
    plans = charts(spans, width=width, font_pt=font_pt, room=room)
    for plan in plans:
        assert_reads(plan)
        assert_marks_drawn_truly(plan)
    assert_every_event_drawn(spans, plans)


def assert_every_event_drawn(spans: list[Span], plans: tuple[Layout, ...]) -> None:
    """Every event is labelled once, or (a bar cut where the timeline had to be) in pieces
    that together cover it."""
    whole = [la.span for p in plans for la in p.labels if not la.span.cut]
    pieces = [la.span for p in plans for la in p.labels if la.span.cut]
    for event in (s for s in spans if not s.period):
        if event in whole:
            whole.remove(event)
            continue
        mine = sorted(
            (x.start, x.end) for x in pieces if (x.label, x.title) == (event.label, event.title)
        )
        assert mine and mine[0][0] == event.start and mine[-1][1] == event.end, event
        assert all(a[1] == b[0] for a, b in itertools.pairwise(mine)), mine
    assert not whole


@settings(max_examples=80, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.integers(1900, 1904),
            st.integers(0, 12),  # 0: the whole year
            st.integers(1, 28),
            st.sampled_from([0, 0, 0, 0, 2, 9]),  # years a bar runs on
        ),
        min_size=1,
        max_size=45,
    )
)
def test_any_crowded_timeline_is_drawn_in_parts_that_read(
    items: list[tuple[int, int, int, int]],
) -> None:
    spans = []
    for number, (year, month, day, length) in enumerate(items):
        if length:
            spans.append(Span(f"{year}–{year + length}", f"Bar {number}", year, year + length + 1))
        elif month:
            start = year + (month - 1) / 12 + (day - 1) / 365
            spans.append(Span(f"{day} {MONTHS[month - 1]} {year}", f"Day {number}", start,
                              start + 1 / 365))  # fmt: skip
        else:
            spans.append(Span(str(year), f"Year {number}", year, year + 1))
    plans = charts(spans, width=174, font_pt=14, room=130, later_room=200)
    assert_in_order(plans)
    for number, plan in enumerate(plans):
        assert_reads(plan)
        assert_marks_drawn_truly(plan)
        room = 200 if number else 130
        # taller than its page only where its labels alone need more than the page
        assert plan.height <= room or plan.stack > room - 2.5 * plan.font_size - 0.1
    assert_every_event_drawn(spans, plans)


def _chart_heights(project: Project, lesson: str, paper: str) -> list[float]:
    packet = assemble(project, project.lessons[lesson], "student", paper=paper)
    assert packet.timeline_graphic is not None
    heights = []
    for chart in packet.timeline_graphic.charts:
        document = base64.b64decode(chart.uri.split(",", 1)[1]).decode()
        found = re.search(r'height="([\d.]+)mm"', document)
        assert found is not None
        heights.append(float(found[1]))
    return heights


@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_a_chart_of_few_events_is_compact(repo_project: Project, paper: str) -> None:
    text_height = PAGE_MM[paper, False][1] - END_MARGINS["standard"]
    (height,) = _chart_heights(repo_project, "3-s21", paper)
    assert height < text_height / 2


def chart_type_sizes(path: Path) -> list[float]:
    """The printed size (pt) of every figure "1" drawn in a timeline chart: its height on the
    page over the height of Noto Sans's "1" (0.714 em). A chart's text lies above its caption
    (on a booklet's sheet, in the caption's half of it)."""
    sizes = []
    document = pdfium.PdfDocument(path)
    for page in document:
        textpage = page.get_textpage()
        text = textpage.get_text_range()
        caption = re.search(r"Part \d+ of \d+:|Drawn to scale", text)
        if caption is None:
            continue
        left, _, _, caption_top = textpage.get_charbox(caption.start())
        sheet = page.get_width() > page.get_height()  # a booklet's: two pages side by side
        half = page.get_width() / 2 if sheet else math.inf
        intro = text.find("each date.")
        below = textpage.get_charbox(intro)[1] if intro >= 0 else page.get_height()
        for i, char in enumerate(text):
            x, bottom, _, top = textpage.get_charbox(i)
            if char == "1" and caption_top < bottom < below and (x < half) == (left < half):
                sizes.append((top - bottom) / 0.714)
    return sizes


@pytest.mark.parametrize(
    ("lesson", "options", "least"),
    [
        ("whole-unit", {"large_print": True}, 14.0),
        ("1-roots", {"large_print": True, "paper": "letter"}, 14.0),
        ("whole-unit", {"paper": "letter"}, 10.0),
    ],
)
def test_chart_labels_print_at_full_size(
    project_dir: Path, tmp_path: Path, lesson: str, options: dict[str, object], least: float
) -> None:
    request = BuildRequest(
        lessons=[lesson],
        editions=["student"],
        formats=["pdf"],
        out=tmp_path,
        **options,  # type: ignore[arg-type]
    )
    result = build(load_project(project_dir), request)
    assert not [w for w in result.warnings if "in a drawing" in w], result.warnings
    sizes = chart_type_sizes(result.outputs[0].path)
    assert len(sizes) > 10 and min(sizes) >= least - 0.1, sorted(sizes)[:5]


def _day(year: int, month: int, day: int, title: str) -> Span:
    start = year + (month - 1) / 12 + (day - 1) / 365
    return Span(f"{day} {MONTHS[month - 1]} {year}", title, start, start + 1 / 365)


def crowded_1940() -> list[Span]:
    """A long stretch with one crowded year: events in 1935 and 1936, twenty in 1940, one in
    1944 — a large-print page holds about a dozen labels."""
    return [
        _day(1935, 11, 6, "The Hurricane first flew"),
        _day(1936, 3, 5, "The faster Spitfire first flew"),
        *(
            _day(
                1940,
                5 + i // 4,
                1 + 7 * (i % 4),
                f"Raid number {i + 1} on the airfields of Kent and Sussex, with heavy losses",
            )
            for i in range(20)
        ),
        _day(1944, 6, 6, "The landings in Normandy began"),
    ]


def assert_in_order(plans: tuple[Layout, ...]) -> None:
    """Parts in order of time, none overlapping the next; between two parts of their own
    scales, only years with nothing drawn in them are left out."""
    assert all(a.last_year <= b.first_year for a, b in itertools.pairwise(plans))
    for a, b in itertools.pairwise(plans):
        if a.last_year < b.first_year:
            assert len({a.scale, b.scale}) == 2  # parts at one scale run on from each other


def assert_parts(plans: tuple[Layout, ...], rooms: tuple[float, float]) -> None:
    """Parts in order, each no taller than its room, reading correctly, every label near
    its mark: within a quarter of the axis or two labels of two lines."""
    assert_in_order(plans)
    for number, plan in enumerate(plans):
        assert plan.height <= (rooms[1] if number else rooms[0])
        assert any(not label.span.cut for label in plan.labels)  # no part without its own
        assert_reads(plan)
        assert_marks_drawn_truly(plan)
        axis = plan.y(plan.last_year) - plan.y(plan.first_year)
        allowed = max(0.25 * axis, 4 * 1.3 * plan.font_size)
        for label in plan.labels:
            assert abs(label.box.y + label.box.height / 2 - label.anchor_y) <= allowed


def test_a_crowded_year_in_a_long_stretch_is_drawn_in_parts_each_at_its_own_scale() -> None:
    spans = crowded_1940()
    plans = charts(spans, width=174, font_pt=14, room=200, later_room=230)
    assert_parts(plans, (200, 230))
    assert len({p.scale for p in plans}) > 1  # one scale would crowd 1940 or take many pages
    assert sorted(la.span.title for p in plans for la in p.labels) == sorted(s.title for s in spans)
    # the crowded year is cut at months, and its parts' ends and ticks print as months
    months = [p for p in plans if not float(p.first_year).is_integer()]
    assert months, [(p.first_year, p.last_year) for p in plans]
    assert all(re.fullmatch(r"[A-Z][a-z]+ 1940", p.span_label[0]) for p in months)
    ticks = [t for p in months for t in p.tick_labels]
    assert len({t for t in ticks if re.fullmatch(r"[A-Z][a-z]+ 1940", t)}) >= 3, ticks
    assert "different scales" in legend(plans)
    assert plans[0].span_label[0] == "1935" and plans[-1].span_label == ("1944", "1945")
    assert "one scale" in legend(charts(spans_of_unit_like(), width=152, font_pt=10, room=90))


def spans_of_unit_like() -> list[Span]:
    """Events spread evenly over fifty years: one scale splits them onto pages well."""
    return [
        Span(str(y), f"Event of {y} with a title long enough", y, y + 1)
        for y in range(1900, 1950, 2)
    ]


def test_a_crowded_year_prints_its_months_in_the_packets_language() -> None:
    plans = charts(crowded_1940(), width=174, font_pt=14, room=200, words=Words("fr"))
    ticks = {t for p in plans for t in p.tick_labels}
    french = {f"{month} 1940" for month in ("mai", "juin", "juillet", "août", "septembre")}
    assert len(ticks & french) >= 2, ticks
    assert not any(month in tick for tick in ticks for month in MONTHS)
    drawn_text = {e.text for p in plans for e in drawn(p)}
    assert ticks & french <= drawn_text
    caption = Words("fr").say(
        "Part {number} of {count}: {first} to {last}.",
        number=2,
        count=4,
        first="avril 1940",
        last="août 1940",
    )
    assert "avril 1940" in caption and "de avril" not in caption and "à août" not in caption


def test_a_long_bar_across_a_crowded_year_is_cut_and_drawn_in_each_part() -> None:
    """A decade (approximate, 1870s) runs across a year of more events than a page can label:
    the only cuts are through the decade's bar, and each part draws its piece of it."""
    decade = Span("1870s", "Britain's Colonial Secretary looked to confederation", 1870, 1880,
                  approximate=True)  # fmt: skip
    events = [
        _day(1879, 1 + i // 2, 1 + 14 * (i % 2), f"Day {i + 1} of the war") for i in range(22)
    ]
    spans = [decade, _day(1872, 10, 1, "A new king"), *events, _day(1887, 5, 1, "Annexed")]
    plans = charts(spans, width=174, font_pt=14, room=200, later_room=230)
    assert_parts(plans, (200, 230))
    pieces = [la.span for p in plans for la in p.labels if la.span.label == "1870s"]
    assert len(pieces) > 1 and all(piece.bar for piece in pieces)
    assert min(x.start for x in pieces) == 1870 and max(x.end for x in pieces) == 1880
    others = sorted(la.span.title for p in plans for la in p.labels if la.span.label != "1870s")
    assert others == sorted(s.title for s in spans[1:])


def test_a_timeline_no_cut_can_fit_is_drawn_whole_and_nothing_is_dropped() -> None:
    """Sixty events on one day cannot be labelled on one page: one chart as tall as its labels
    (the page prints it smaller, and the preflight says so), no empty parts around it. Bars
    overlapping without a gap for a thousand years are cut, each part drawing its pieces."""
    day = [_day(1940, 5, 10, f"Event {i} of the tenth of May, told at length") for i in range(60)]
    (plan,) = charts(day, width=174, font_pt=14, room=200)
    assert plan.height > 200 and len(plan.labels) == 60
    assert_reads(plan)
    bars = [Span(f"{y}–{y + 30}", f"Reign {y}", y, y + 31) for y in range(1000, 2000, 7)]
    plans = charts(bars, width=174, font_pt=10, room=230)
    assert len(plans) > 1 and all(p.height <= 230 for p in plans)
    for plan in plans:
        assert_reads(plan)
        assert any(not la.span.cut for la in plan.labels)  # no part of pieces only
    assert_every_event_drawn(bars, plans)


def test_one_chart_that_would_push_labels_far_from_their_dates_is_drawn_in_parts() -> None:
    """Thirty-two events in 1940 between 1900 and 1960 fit one page, but only as a crowd whose
    labels sit beside the wrong decades: parts each at its own scale keep them near."""
    spans = [
        Span("1900", "The century began", 1900, 1901),
        *(
            _day(1940, 1 + i // 3, 1 + 9 * (i % 3), f"Event {i} of the year of the battle")
            for i in range(32)
        ),
        Span("1960", "The end of the story", 1960, 1961),
    ]
    plans = charts(spans, width=152, font_pt=10, room=205)
    assert len(plans) > 1
    assert_parts(plans, (205, 205))
    assert_every_event_drawn(spans, plans)


def test_years_before_the_common_era_print_as_bce_on_the_axis() -> None:
    """Round years as printed: 500 BCE is year -499 (year 0 is 1 BCE), so the axis of events
    from 500 to 300 BCE runs from 500 BCE to 295 BCE, its ticks at 490 BCE, 480 BCE…"""
    spans = [Span("500 BCE", "A city founded", -499, -498), Span("300 BCE", "A wall", -299, -298)]
    plan = layout(spans, width=152, font_pt=10)
    assert plan.span_label == ("500 BCE", "295 BCE")
    inner = plan.tick_labels[1:-1]
    assert inner and all(re.fullmatch(r"\d+ BCE", t) and int(t[:-4]) % 10 == 0 for t in inner)
    assert ">500 BCE</text>" in svg(plan, "alt")
    assert "Timeline drawn to scale, 500 BCE to 300 BCE." in alt_text(plan)
    assert "⟦" not in month_label(-499, 4, Words("fr"))  # Babel has no such year: English


LABELLED = Path(__file__).parent / "labelled"


@pytest.mark.parametrize(
    ("document", "options"),
    [
        ("heldout10-britain.html", {"large_print": True}),  # twenty events in 1940
        ("heldout13-hundred.html", {}),  # a crowded war in six centuries, and a long span
        ("heldout13-hundred.html", {"booklet": True}),
        ("heldout10-harlem.md", {"booklet": True}),  # a first part as tall as its page allows
    ],
)
def test_a_pulled_drafts_crowded_timeline_prints_at_full_size(
    fresh: Path, tmp_path: Path, document: str, options: dict[str, object]
) -> None:
    """A draft's timeline of many events, crowded in a few years, prints in parts that each
    fit a page at the type size the packet needs (no shrunken drawing for the preflight to
    find), each caption saying what stretch of time it covers and at what scale."""
    (report,) = pull(fresh, [LABELLED / document])
    request = BuildRequest(
        lessons=[report.lesson],
        editions=["student"],
        formats=["pdf"],
        out=tmp_path,
        **options,  # type: ignore[arg-type]
    )
    result = build(load_project(fresh), request)
    assert not [w for w in result.warnings if "drawing" in w or "<img>" in w], result.warnings
    assert not [w for w in result.warnings if "% full" in w], result.warnings  # heading + chart
    text = re.sub(r"\s+", " ", " ".join(pdf_text(result.outputs[0].path)))
    found = re.findall(r"Part (\d+) of \d+: (.+?) to (.+?)\. Drawn to scale within each part", text)
    parts = sorted({(int(number), *rest) for number, *rest in found})  # a booklet's page order
    assert len(parts) > 1 and [p[0] for p in parts] == list(range(1, len(parts) + 1))
    assert all(b[1] != a[1] for a, b in itertools.pairwise(parts))  # stretches in order
    assert f"the {len(parts)} parts are drawn at different scales" in text
    if "britain" in document:  # the crowded year is cut at months
        assert any(re.fullmatch(r"[A-Z][a-z]+ 1940", p[2]) for p in parts), parts
    sizes = chart_type_sizes(result.outputs[0].path)
    least = 14.0 if options.get("large_print") else 9.5 if options.get("booklet") else 10.0
    assert sizes and min(sizes) >= least - 0.1, sorted(sizes)[:5]
