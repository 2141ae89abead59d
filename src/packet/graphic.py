"""The to-scale timeline graphic, drawn as SVG by packet itself.

Time runs down the page at a constant scale, so the gaps between events are
true to the dates. Each dated event is a dot on the axis at the middle of its
date (a bar for anything longer than a year, such as "late 1950s"; hollow
when the date is approximate). Periods (events marked
`period: true`, e.g. the years of Democratic Kampuchea) are shaded bands
beside the axis, lettered and named in a key. Labels sit to the right; where
events crowd together a label is moved down (or up) just enough to clear its
neighbour and a leader line joins it to its true place on the axis, so labels
never overlap. Text widths come from the shipped font's own metrics.

Everything is black, white and greys that survive a photocopier; nothing is
told by colour alone. The SVG carries a <title> and <desc>, and `alt_text`
gives the same description for the <img> that embeds it.
"""

from __future__ import annotations

import base64
import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from html import escape
from pathlib import Path

FONTS = Path(__file__).parent / "theme" / "fonts"
PT = 25.4 / 72  # millimetres per point
AXIS_LENGTH = 170.0  # mm from the first tick to the last
LANE = 4.5  # mm per band lane
GAP = 1.2  # mm between labels
DATE_GAP = "\u2002"  # an en space between a label's date and its title


@dataclass(frozen=True)
class Span:
    """One item on the timeline, in fractional years."""

    label: str  # the date as printed, e.g. "late 1950s"
    title: str
    start: float
    end: float
    approximate: bool = False
    period: bool = False


@dataclass(frozen=True)
class Box:
    x: float
    y: float
    width: float
    height: float

    def overlaps(self, other: Box) -> bool:
        return not (
            self.x + self.width <= other.x
            or other.x + other.width <= self.x
            or self.y + self.height <= other.y
            or other.y + other.height <= self.y
        )


@dataclass(frozen=True)
class PlacedLabel:
    span: Span
    lines: tuple[str, ...]  # the first starts with the date
    box: Box
    anchor_y: float  # where the event sits on the axis


@dataclass(frozen=True)
class Band:
    span: Span
    letter: str
    box: Box


@dataclass(frozen=True)
class Layout:
    width: float
    height: float
    first_year: int
    last_year: int
    top: float  # y of first_year
    scale: float  # mm per year
    axis_x: float
    ticks: tuple[int, ...]
    labels: tuple[PlacedLabel, ...]
    bands: tuple[Band, ...]
    font_size: float  # mm

    def y(self, year: float) -> float:
        return self.top + (year - self.first_year) * self.scale


@cache
def _advances(bold: bool) -> tuple[dict[int, int], float]:
    from fontTools.ttLib import TTFont  # only when a timeline is drawn

    font = TTFont(FONTS / ("NotoSans-Bold.ttf" if bold else "NotoSans-Regular.ttf"))
    cmap = font.getBestCmap()
    metrics = font["hmtx"].metrics
    widths = {code: metrics[glyph][0] for code, glyph in cmap.items()}
    return widths, float(font["head"].unitsPerEm)


def text_width(text: str, size: float, *, bold: bool = False) -> float:
    """Width of `text` set in the packet's sans face at `size` (same unit as the result)."""
    widths, em = _advances(bold)
    fallback = widths.get(ord("n"), int(em / 2))
    return sum(widths.get(ord(c), fallback) for c in text) * size / em


def _wrap(date: str, title: str, size: float, width: float) -> tuple[str, ...]:
    """Lines of "date  title", broken between words to fit `width`."""
    lines: list[str] = []
    current = ""
    current_width = text_width(date + DATE_GAP, size, bold=True)
    for word in title.split():
        piece = word if not current else " " + word
        piece_width = text_width(piece, size)
        if current and current_width + piece_width > width:
            lines.append(current)
            current, current_width = word, text_width(word, size)
        else:
            current += piece
            current_width += piece_width
    lines.append(current)
    return tuple(lines)


def _ticks(first: int, last: int) -> tuple[int, ...]:
    step = 5 if last - first <= 60 else 10
    return tuple(range(first, last + 1, step))


def _place(wanted: list[tuple[float, float]], low: float) -> list[float]:
    """Tops for labels (wanted centre, height), in order, clear of each other by GAP.

    Each label goes as near its wanted place as the ones before it allow; a
    second pass from the bottom pulls crowded runs back up towards their events
    without crossing `low` (the top limit)."""
    tops: list[float] = []
    for centre, height in wanted:
        top = centre - height / 2
        if tops:
            previous_bottom = tops[-1] + wanted[len(tops) - 1][1]
            top = max(top, previous_bottom + GAP)
        tops.append(max(top, low))
    for i in range(len(tops) - 2, -1, -1):
        centre, height = wanted[i]
        ideal = max(centre - height / 2, low)
        limit = tops[i + 1] - GAP - height
        if tops[i] > ideal:
            tops[i] = max(ideal, min(tops[i], limit))
    return tops


def layout(
    spans: Sequence[Span], *, width: float, font_pt: float = 8.5, axis: float = AXIS_LENGTH
) -> Layout:
    """Place every span of a timeline `width` mm wide, its axis `axis` mm long."""
    size = font_pt * PT
    line = size * 1.3
    first = math.floor(min(s.start for s in spans) / 5) * 5
    last = math.ceil(max(s.end for s in spans) / 5) * 5
    last = max(last, first + 5)
    scale = axis / (last - first)
    top = size * 1.5

    periods = [s for s in spans if s.period]
    lanes: list[float] = []  # end year of the last band in each lane
    band_lane: list[int] = []
    for period in periods:
        lane = next((i for i, end in enumerate(lanes) if period.start >= end), len(lanes))
        if lane == len(lanes):
            lanes.append(period.end)
        else:
            lanes[lane] = period.end
        band_lane.append(lane)
    tick_width = text_width(str(last), size) + 2
    axis_x = tick_width + 2 + max(len(lanes), 1) * LANE + 1
    label_x = axis_x + 9

    def y(year: float) -> float:
        return top + (year - first) * scale

    bands = tuple(
        Band(
            period,
            chr(ord("A") + i),
            Box(
                tick_width + 2 + lane * LANE,
                y(period.start),
                LANE - 1,
                y(period.end) - y(period.start),
            ),
        )
        for i, (period, lane) in enumerate(zip(periods, band_lane, strict=True))
    )
    events = sorted((s for s in spans if not s.period), key=lambda s: (s.start, s.end))
    wrapped = [_wrap(s.label, s.title, size, width - label_x) for s in events]
    anchors = [y((s.start + s.end) / 2) for s in events]
    heights = [len(lines) * line for lines in wrapped]
    tops = _place(list(zip(anchors, heights, strict=True)), 0.0)
    labels = tuple(
        PlacedLabel(
            s,
            lines,
            Box(label_x, t, max(text_width(x, size) for x in lines) + 1, h),
            a,
        )
        for s, lines, t, h, a in zip(events, wrapped, tops, heights, anchors, strict=True)
    )
    bottom = max([y(last)] + [label.box.y + label.box.height for label in labels]) + size
    return Layout(
        width=width,
        height=bottom,
        first_year=first,
        last_year=last,
        top=top,
        scale=scale,
        axis_x=axis_x,
        ticks=_ticks(first, last),
        labels=labels,
        bands=bands,
        font_size=size,
    )


def alt_text(spans: Sequence[Span]) -> str:
    """The graphic in words, for readers who cannot see it."""
    events = sorted((s for s in spans if not s.period), key=lambda s: (s.start, s.end))
    periods = [s for s in spans if s.period]
    first = math.floor(min(s.start for s in spans))
    last = math.ceil(max(s.end for s in spans)) - 1
    parts = [f"Timeline drawn to scale, {first} to {last}."]
    if periods:
        parts.append(
            "Shaded periods: " + "; ".join(f"{p.title} ({p.label})" for p in periods) + "."
        )
    parts.append("Events: " + "; ".join(f"{e.label}: {e.title}" for e in events) + ".")
    return " ".join(parts)


def _f(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".")


def fitted(spans: Sequence[Span], *, width: float, font_pt: float, height: float) -> Layout:
    """The layout with the longest axis (up to AXIS_LENGTH) whose drawing is at most
    `height` mm tall, so that it prints at its own size, its labels at `font_pt`; the
    shortest tried (a quarter of AXIS_LENGTH) if none is."""
    axis = AXIS_LENGTH
    plan = layout(spans, width=width, font_pt=font_pt, axis=axis)
    for _ in range(8):  # the labels' stacking shrinks less than the axis: a few rounds
        if plan.height <= height or axis <= AXIS_LENGTH / 4:
            break
        axis = max(AXIS_LENGTH / 4, axis - 1.2 * (plan.height - height) - 0.1)
        plan = layout(spans, width=width, font_pt=font_pt, axis=axis)
    return plan


def svg(
    spans: Sequence[Span], *, width: float, font_pt: float = 8.5, height: float | None = None
) -> tuple[str, Layout]:
    """The timeline as a standalone SVG document (mm units) and the layout it draws; with
    `height`, no taller than that (`fitted`)."""
    plan = (
        layout(spans, width=width, font_pt=font_pt)
        if height is None
        else fitted(spans, width=width, font_pt=font_pt, height=height)
    )
    size = plan.font_size
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{_f(plan.width)}mm" '
        f'height="{_f(plan.height)}mm" viewBox="0 0 {_f(plan.width)} {_f(plan.height)}" '
        'role="img" aria-labelledby="tl-title tl-desc" '
        f'font-family="Packet Sans, Noto Sans, sans-serif" font-size="{_f(size)}">',
        '<title id="tl-title">Timeline</title>',
        f'<desc id="tl-desc">{escape(alt_text(spans))}</desc>',
    ]
    for band in plan.bands:
        b = band.box
        out.append(
            f'<rect x="{_f(b.x)}" y="{_f(b.y)}" width="{_f(b.width)}" height="{_f(b.height)}" '
            'fill="#c8c8c8" stroke="#111" stroke-width="0.3"/>'
        )
        cx, cy = b.x + b.width / 2, b.y + min(b.height / 2, 4)
        out.append(
            f'<circle cx="{_f(cx)}" cy="{_f(cy)}" r="{_f(size * 0.7)}" fill="#fff" '
            'stroke="#111" stroke-width="0.3"/>'
            f'<text x="{_f(cx)}" y="{_f(cy + size * 0.35)}" text-anchor="middle" '
            f'font-weight="bold" font-size="{_f(size)}">{band.letter}</text>'
        )
    top, bottom = plan.y(plan.first_year), plan.y(plan.last_year)
    out.append(
        f'<line x1="{_f(plan.axis_x)}" y1="{_f(top)}" x2="{_f(plan.axis_x)}" '
        f'y2="{_f(bottom)}" stroke="#111" stroke-width="0.4"/>'
    )
    tick_right = plan.bands[0].box.x - 1 if plan.bands else plan.axis_x - 3
    for year in plan.ticks:
        ty = plan.y(year)
        out.append(
            f'<line x1="{_f(plan.axis_x - 1.5)}" y1="{_f(ty)}" x2="{_f(plan.axis_x)}" '
            f'y2="{_f(ty)}" stroke="#111" stroke-width="0.3"/>'
            f'<text x="{_f(tick_right)}" y="{_f(ty + size * 0.35)}" text-anchor="end" '
            f'fill="#333">{year}</text>'
        )
    for label in plan.labels:
        span = label.span
        ys, ye = plan.y(span.start), plan.y(span.end)
        if span.end - span.start > 1.01:  # a span longer than a year is drawn as a bar
            out.append(
                f'<rect x="{_f(plan.axis_x - 0.7)}" y="{_f(ys)}" width="1.4" '
                f'height="{_f(ye - ys)}" fill="{"#fff" if span.approximate else "#111"}" '
                'stroke="#111" stroke-width="0.3"/>'
            )
        else:
            fill = "#fff" if span.approximate else "#111"
            out.append(
                f'<circle cx="{_f(plan.axis_x)}" cy="{_f(label.anchor_y)}" r="0.9" fill="{fill}" '
                'stroke="#111" stroke-width="0.3"/>'
            )
        box = label.box
        centre = box.y + plan.font_size * 0.9
        out.append(
            f'<path d="M{_f(plan.axis_x + 1.2)} {_f(label.anchor_y)} H{_f(plan.axis_x + 3.5)} '
            f'L{_f(box.x - 2)} {_f(centre - size * 0.3)} H{_f(box.x - 0.6)}" fill="none" '
            'class="leader" stroke="#222" stroke-width="0.25"/>'
        )
        line_height = size * 1.3
        for i, text in enumerate(label.lines):
            baseline = box.y + size * 0.95 + i * line_height
            if i == 0:
                out.append(
                    f'<text x="{_f(box.x)}" y="{_f(baseline)}"><tspan font-weight="bold">'
                    f"{escape(span.label)}{DATE_GAP}</tspan>{escape(text)}</text>"
                )
            else:
                out.append(f'<text x="{_f(box.x)}" y="{_f(baseline)}">{escape(text)}</text>')
    out.append("</svg>")
    return "\n".join(out), plan


def data_uri(document: str) -> str:
    return "data:image/svg+xml;base64," + base64.b64encode(document.encode("utf-8")).decode()
