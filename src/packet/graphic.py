"""The to-scale timeline graphic, drawn as SVG by packet itself.

Spans (an event's date as fractional years) → one or more `Layout`s, each a chart of a
consecutive stretch of time no taller than the room its page leaves → an SVG document each.

Time runs down the page at a constant scale, so the gaps between events are true to the dates.

- Marks. An event of a year or less is a dot on the axis at the middle of its date; one that
  lasted longer (such as "late 1950s") is a bar on the axis from its start to its end. A mark is
  solid when its date is exact and hollow — white inside a dark outline of about 1 pt, which a
  photocopier keeps — when it is approximate ("c. 1951", "1990s"). Bars are drawn first, longest
  first, and dots last, so a dot on a bar (1993 within the "1990s") is never hidden: a dot on a
  bar has a white halo that sets it off from the bar, whether the bar is solid or hollow.
- Periods (events marked `period: true`, e.g. the years of Democratic Kampuchea) are shaded
  bands to the left of the axis, lettered and named in the caption's key.
- Labels sit to the right, in the order of their anchors (a dot's centre; a bar's middle, or the
  nearest point of the bar clear of the dots on it). Where events crowd together, each run of
  crowded labels is spread evenly around its anchors, just enough to clear its neighbours, and
  kept within the axis's extent. Every label has a leader from its mark: a short stub to a common
  line, a straight run to a second common line, and a stub to the label. Leaders and labels are
  both in anchor order, so no two leaders cross, and the labels start right of every leader.
- Extent. Every mark and label lies within the axis; where labels need more room than their
  years, the axis runs on past the last event (same scale).
- Size. A chart's axis is as long as its labels need (`COMPACT` × their stacked height, at least
  `MIN_AXIS`, at most `AXIS_LENGTH`), so a chart of two events takes a small part of a page; it
  is shortened to fit the room its page leaves. The chart is drawn at the size it prints (its
  labels at the font size asked for), so when its labels alone need more than the room (large
  print), `charts` splits the timeline into several charts at one scale, each covering a
  consecutive stretch of time between two ticks and each fitting its page. Where one scale
  would push labels far from their marks or take two pages more than parts drawn each at its
  own scale (a crowded few years in a long stretch: no one scale suits both), each part gets
  its own, and the caption says so; a crowded year is cut at a month, and its part's ticks are
  months ("May 1940").

Everything is black, white and greys that survive a photocopier; nothing is told by colour
alone. Text widths come from the shipped font's own metrics. The SVG carries a <title> and
<desc>, and `alt_text` gives the same description for the <img> that embeds it.
"""

from __future__ import annotations

import base64
import bisect
import itertools
import math
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cache, partial
from html import escape
from pathlib import Path

from .dates import month_label, year_label
from .i18n import ENGLISH, N_, Words

FONTS = Path(__file__).parent / "theme" / "fonts"
PT = 25.4 / 72  # millimetres per point
AXIS_LENGTH = 170.0  # mm: the longest axis a chart is given
MIN_AXIS = 50.0  # mm: the shortest
COMPACT = 2.5  # mm of axis per mm of labels stacked one above the other
LANE = 4.5  # mm per band lane, at least
GAP = 1.2  # mm between labels
DATE_GAP = "\u2002"  # an en space between a label's date and its title
DOT = 0.9  # mm: a dot's radius
HALO = 0.5  # mm of white round a dot on a bar
BAR = 1.6  # mm: a bar's width
LEADER_START = 2.0  # mm right of the axis: where leaders leave their stubs
LABEL_GAP = 10.0  # mm from the axis to the labels
INK = "#111"
EXACT_STROKE, APPROXIMATE_STROKE = 0.3, 0.35  # mm: 0.85 pt and 1 pt
STEPS = (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 2500, 5000)  # years apart
MONTH_STEPS = (1, 2, 3, 6)  # months between ticks, on a chart of part of a year
DRIFT = 0.25  # a part at its own scale keeps each label within this share of its axis
PIECES = 4  # pieces of bars cut at a part's ends it may always draw (more only with as many events)


@dataclass(frozen=True)
class Span:
    """One item on the timeline, in fractional years."""

    label: str  # the date as printed, e.g. "late 1950s"
    title: str
    start: float
    end: float
    approximate: bool = False
    period: bool = False
    cut: bool = False  # a part of a longer event, cut at a chart's end: still drawn as a bar

    @property
    def bar(self) -> bool:
        """Drawn as a bar (longer than a year, or cut) rather than a dot."""
        return self.cut or self.end - self.start > 1.01


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
    anchor_y: float  # where the leader leaves the event's mark on the axis
    leader: tuple[tuple[float, float], ...]  # the leader's points, from the mark to the label


@dataclass(frozen=True)
class Mark:
    """What is drawn on the axis for one event: its dot's or bar's bounding box."""

    span: Span
    box: Box
    halo: bool  # a dot on a bar, set off by white


@dataclass(frozen=True)
class Band:
    span: Span
    letter: str
    box: Box


@dataclass(frozen=True)
class Layout:
    width: float
    height: float
    first_year: float  # whole years, but for a part of a crowded year (a month's start)
    last_year: float
    top: float  # y of first_year
    scale: float  # mm per year
    axis_x: float
    ticks: tuple[float, ...]
    labels: tuple[PlacedLabel, ...]
    marks: tuple[Mark, ...]  # in drawing order
    bands: tuple[Band, ...]
    font_size: float  # mm
    tick_labels: tuple[str, ...] = ()  # each tick as printed: "1940", "500 BCE", "May 1940"

    @property
    def span_label(self) -> tuple[str, str]:
        """Where the chart starts and ends, as printed: ("1935", "1945"), ("May 1940", …)."""
        return self.tick_labels[0], self.tick_labels[-1]

    def y(self, year: float) -> float:
        return self.top + (year - self.first_year) * self.scale

    @property
    def stack(self) -> float:
        """The height of the labels stacked one above the other."""
        heights = [label.box.height for label in self.labels]
        return sum(heights) + GAP * max(len(heights) - 1, 0)


@cache
def _advances(face: str) -> tuple[dict[int, int], float]:
    from fontTools.ttLib import TTFont  # only when a timeline is drawn

    font = TTFont(FONTS / f"{face}.ttf")
    cmap = font.getBestCmap()
    metrics = font["hmtx"].metrics
    widths = {code: metrics[glyph][0] for code, glyph in cmap.items()}
    return widths, float(font["head"].unitsPerEm)


def text_width(text: str, size: float, *, bold: bool = False, serif: bool = False) -> float:
    """Width of `text` set in the packet's sans (or serif) face at `size` (same unit as the
    result)."""
    face = f"Noto{'Serif' if serif else 'Sans'}-{'Bold' if bold else 'Regular'}"
    widths, em = _advances(face)
    fallback = widths.get(ord("n"), int(em / 2))
    return sum(widths.get(ord(c), fallback) for c in text) * size / em


def line_count(text: str, size: float, width: float, *, serif: bool = False) -> int:
    """How many lines `text` takes set at `size` in a column `width` wide (same units)."""
    lines, current = 1, 0.0
    space = text_width(" ", size, serif=serif)
    for word in text.split():
        word_width = text_width(word, size, serif=serif)
        if current and current + space + word_width > width:
            lines, current = lines + 1, word_width
        else:
            current += (space if current else 0.0) + word_width
    return lines


@cache
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


def _ticks(first: float, last: float, scale: float, size: float) -> tuple[tuple[float, bool], ...]:
    """Both ends of the axis and the round years between (or, on a chart that starts or ends
    within a year, the round months), far enough apart to read; each with whether it prints
    as a month ("May 1940": not a year's start, or between ticks less than a year apart). An
    end at a year's start prints as the year, as it does on the chart before or after."""
    room = 2.2 * size
    if _in_months((first, last)):
        steps = (*MONTH_STEPS, *(12 * y for y in STEPS))
        step = next((s for s in steps if s / 12 * scale >= room), steps[-1])
        low, high = round(first * 12), round(last * 12)
        inner: Sequence[float] = (
            [m / 12 for m in range(math.ceil(low / step) * step, high, step)]
            if step < 12
            else _round_years(first, last, step // 12)  # "500 BCE" is year -499
        )
        kept = [t for t in inner if first < t and min(t - first, last - t) * scale >= room]
        inside = tuple((t, step < 12 or not _whole(t)) for t in kept)
        return ((first, not _whole(first)), *inside, (last, not _whole(last)))
    step = next((s for s in STEPS if s * scale >= room), STEPS[-1])
    years = _round_years(first, last, step)
    kept_years = [t for t in years if min(t - first, last - t) * scale >= room]
    return tuple((t, False) for t in (first, *kept_years, last))


def _whole(year: float) -> bool:
    return abs(year - round(year)) < 1e-6


def _place(wanted: Sequence[tuple[float, float]], low: float, high: float) -> list[float]:
    """Tops for labels (anchor, height), in anchor order, GAP apart, each as near its anchor
    as the others allow, and all between `low` and `high` when they fit.

    Labels are taken in order; one that would overlap the run of labels before it joins that
    run, and the run is centred on its labels' anchors (the mean of where each would put it)."""
    runs: list[tuple[int, float, float, float, int]] = []  # first, top, height, sum, count
    for i, (anchor, height) in enumerate(wanted):
        first, total, wish, count = i, height, anchor - height / 2, 1
        while True:
            top = max(low, min(wish / count, high - total))
            if not runs or runs[-1][1] + runs[-1][2] + GAP <= top:
                break
            before = runs.pop()
            offset = before[2] + GAP
            first, total = before[0], offset + total
            wish, count = before[3] + wish - offset * count, before[4] + count
        runs.append((first, top, total, wish, count))
    tops: list[float] = []
    for first, top, _, _, count in runs:
        y = top
        for _, height in wanted[first : first + count]:
            tops.append(y)
            y += height + GAP
    return tops


def _anchor(span: Span, dots: Sequence[float], middle: float, ys: float, ye: float) -> float:
    """Where an event's leader leaves its mark: a dot's centre `middle`; a bar's middle, or the
    point of the bar (from `ys` to `ye`) nearest its middle clear of the dots on it."""
    clear = DOT + HALO + 0.6
    if not span.bar:
        return middle
    for step in range(int((ye - ys) / 0.25) + 1):
        for candidate in (middle - step * 0.25, middle + step * 0.25):
            inside = ys + 0.3 <= candidate <= ye - 0.3
            if inside and all(abs(candidate - dot) > clear for dot in dots):
                return candidate
    return middle


def _bands(
    periods: Sequence[tuple[Span, str]], left: float, lane: float, plan: Layout
) -> tuple[Band, ...]:
    """The periods as bands in lanes left of the axis, clipped to the plan's years."""
    lanes: list[float] = []  # end year of the last band in each lane
    bands: list[Band] = []
    for period, letter in periods:
        start, end = max(period.start, plan.first_year), min(period.end, plan.last_year)
        index = next((i for i, e in enumerate(lanes) if start >= e), len(lanes))
        lanes[index : index + 1] = [end]
        box = Box(left + index * lane, plan.y(start), lane - 1, plan.y(end) - plan.y(start))
        bands.append(Band(period, letter, box))
    return tuple(bands)


def _lanes(periods: Sequence[tuple[Span, str]]) -> int:
    ends: list[float] = []
    for period, _ in periods:
        index = next((i for i, e in enumerate(ends) if period.start >= e), len(ends))
        ends[index : index + 1] = [period.end]
    return len(ends)


def _marks(events: Sequence[Span], plan: Layout) -> tuple[Mark, ...]:
    """Bars longest first, then dots (each dot on a bar with a halo)."""
    bars = sorted((s for s in events if s.bar), key=lambda s: s.start - s.end)
    x = plan.axis_x
    marks = [
        Mark(s, Box(x - BAR / 2, plan.y(s.start), BAR, (s.end - s.start) * plan.scale), False)
        for s in bars
    ]
    for s in events:
        if not s.bar:
            middle = (s.start + s.end) / 2
            on_bar = any(b.start <= middle <= b.end for b in bars)
            marks.append(Mark(s, Box(x - DOT, plan.y(middle) - DOT, 2 * DOT, 2 * DOT), on_bar))
    return tuple(marks)


def _extent(spans: Sequence[Span]) -> tuple[int, int]:
    """The axis's ends: the round years (multiples of five as printed) either side of the
    spans."""
    start, end = min(s.start for s in spans), max(s.end for s in spans)
    first = max(_round_years(start - 10, start + 1e-9, 5))
    last = min(_round_years(end - 1e-9, end + 10, 5))
    return first, max(last, first + 5)


def _round_years(low: float, high: float, step: int) -> list[int]:
    """The years from `low` up to (not including) `high` that print as multiples of `step`:
    1950, or 500 BCE (year -499: year 0 is 1 BCE)."""
    bce = range(math.floor((1 - low) / step), math.floor((1 - high) / step), -1)
    ce = range(math.ceil(low / step), math.ceil(high / step))
    return [1 - k * step for k in bce if k >= 1] + [k * step for k in ce if k >= 1]


def _letters(spans: Sequence[Span]) -> dict[Span, str]:
    """Each period's letter in the key, A, B, … in the order given."""
    periods = dict.fromkeys(s for s in spans if s.period)
    return {s: chr(ord("A") + i) for i, s in enumerate(periods)}


@dataclass(frozen=True)
class _Style:
    """How a chart is set: `width` mm wide, its labels at `font_pt`, its years and months
    written in `words`' language."""

    width: float
    font_pt: float
    words: Words = ENGLISH


def _chart(
    spans: Sequence[Span],
    letters: dict[Span, str],
    *,
    style: _Style,
    years: tuple[float, float],
    scale: float,
    extend: bool,
) -> Layout:
    """The chart of `spans` from years[0] to years[1] at `scale` mm per year; with `extend`, its
    axis runs on (five years at a time) until its labels fit beside it."""
    first, last = years
    width, size = style.width, style.font_pt * PT
    events = [s for s in spans if not s.period]
    periods = [(s, letters[s]) for s in spans if s.period and s.end > first and s.start < last]
    lane = max(LANE, 1.4 * size + 1.5)
    tick_width = _tick_width(years, size, style.words)
    axis_x = tick_width + 2 + max(_lanes(periods), 1) * lane + 1
    label_x = axis_x + LABEL_GAP
    wrapped = {s: _wrap(s.label, s.title, size, width - label_x) for s in events}
    stack = sum(len(lines) * size * 1.3 + GAP for lines in wrapped.values()) - GAP
    while extend and (last - first) * scale < stack:
        last += 5
    ticked = _ticks(first, last, scale, size)
    ticks = tuple(t for t, _ in ticked)
    tick_labels = tuple(when(t, style.words, months=month) for t, month in ticked)
    plan = Layout(width, 0.0, first, last, size * 1.5, scale, axis_x, (), (), (), (), size)
    dots = [plan.y((s.start + s.end) / 2) for s in events if not s.bar]
    anchors = {
        s: _anchor(s, dots, plan.y((s.start + s.end) / 2), plan.y(s.start), plan.y(s.end))
        for s in events
    }
    events.sort(key=lambda s: (anchors[s], s.start, s.end, s.title))
    heights = [len(wrapped[s]) * size * 1.3 for s in events]
    tops = _place(
        [(anchors[s], h) for s, h in zip(events, heights, strict=True)], plan.y(first), plan.y(last)
    )
    labels = []
    for s, top, height in zip(events, tops, heights, strict=True):
        lines = wrapped[s]
        box = Box(label_x, top, max(text_width(x, size) for x in lines) + 1, height)
        a, c = anchors[s], top + 0.65 * size
        stub = axis_x + (BAR / 2 if s.bar else DOT)
        leader = ((stub, a), (axis_x + LEADER_START, a), (label_x - 2.5, c), (label_x - 0.6, c))
        labels.append(PlacedLabel(s, lines, box, a, leader))
    bottom = max([plan.y(last)] + [label.box.y + label.box.height for label in labels]) + size
    plan = replace(plan, height=bottom, ticks=ticks, labels=tuple(labels), tick_labels=tick_labels)
    bands = _bands(periods, tick_width + 2, lane, plan)
    return replace(plan, marks=_marks(events, plan), bands=bands)


def _tick_width(years: tuple[float, float], size: float, words: Words) -> float:
    """The room the tick labels need left of the axis: the widest its ends, a year of four
    digits or (on a chart of months) any month of its first year could print."""
    months = _in_months(years)
    widest = [*years, 2000.0]
    if months:
        widest += [math.floor(years[0]) + m / 12 for m in range(12)]
    return max(text_width(when(t, words, months=months), size) for t in widest) + 2


def _in_months(years: tuple[float, float]) -> bool:
    """Whether a chart from years[0] to years[1] starts or ends within a year: its ticks and
    ends are months ("May 1940"), not years."""
    return not all(_whole(y) for y in years)


def when(value: float, words: Words = ENGLISH, *, months: bool = False) -> str:
    """A point of a chart's axis as printed: its year ("1940", "500 BCE"), or with `months`
    the month it starts ("May 1940"), in `words`' language."""
    if not months:
        return year_label(round(value), words)
    year, month = divmod(round(value * 12), 12)
    return month_label(year, month + 1, words)


def layout(
    spans: Sequence[Span],
    *,
    width: float,
    font_pt: float = 8.5,
    axis: float = AXIS_LENGTH,
    words: Words = ENGLISH,
) -> Layout:
    """Place every span in one chart `width` mm wide, the years of its spans `axis` mm long
    (the axis runs on if its labels need more)."""
    first, last = _extent(spans)
    return _chart(
        spans,
        _letters(spans),
        style=_Style(width, font_pt, words),
        years=(first, last),
        scale=axis / (last - first),
        extend=True,
    )


def fits(plan: Layout, room: float) -> bool:
    """Whether the chart is at most `room` mm tall with every label beside its axis."""
    low, high = plan.y(plan.first_year) - 0.01, plan.y(plan.last_year) + 0.01
    inside = all(low <= b.y and b.y + b.height <= high for b in (la.box for la in plan.labels))
    return plan.height <= room and inside


def charts(
    spans: Sequence[Span],
    *,
    width: float,
    font_pt: float,
    room: float,
    later_room: float | None = None,
    words: Words = ENGLISH,
) -> tuple[Layout, ...]:
    """The timeline as charts `width` mm wide, its labels at `font_pt`, the first at most
    `room` mm tall and any later one `later_room` (when they can be): one chart whose axis is
    as long as its labels need (`COMPACT`), shortened to fit the room; when no length fits, or
    its labels are pushed far from their marks (`_near`) where parts would keep them near,
    several charts of consecutive stretches of time, at one scale (`_split`) unless that
    pushes labels far from their marks or parts each at its own scale (`_split_each`) take
    at least two fewer pages."""
    style = _Style(width, font_pt, words)
    probe = layout(spans, width=width, font_pt=font_pt, words=words)
    axis = min(AXIS_LENGTH, max(MIN_AXIS, COMPACT * probe.stack))
    plan = layout(spans, width=width, font_pt=font_pt, axis=axis, words=words)
    for _ in range(8):  # the labels' stacking shrinks less than the axis: a few rounds
        if plan.height <= room or axis <= MIN_AXIS:
            break
        axis = max(MIN_AXIS, axis - 1.2 * (plan.height - room) - 0.1)
        plan = layout(spans, width=width, font_pt=font_pt, axis=axis, words=words)
    if fits(plan, room) and _near(plan):
        return (plan,)
    rooms = (room, room if later_room is None else later_room)
    each_scale = _split_each(spans, style, rooms)
    if fits(plan, room) and not (each_scale and all(_near(p) for p in each_scale)):
        return (plan,)  # crowded, but parts would crowd as well
    one_scale = _split(spans, style, rooms, len(each_scale) + 1 if each_scale else math.inf)
    if one_scale and (
        each_scale is None
        or (len(one_scale) <= len(each_scale) + 1 and all(_near(p) for p in one_scale))
    ):
        return one_scale  # one scale reads best, unless it crowds or takes two more pages
    return each_scale or (plan,)


def _cuts(
    spans: Sequence[Span], first: float, last: float, months: int = 60, *, bars: bool = False
) -> list[float]:
    """Where the timeline can be cut, at multiples of `months` months: no bar runs across
    (unless `bars` may be cut), and no dot is drawn on, the cut (a dot is drawn at its date's
    middle)."""
    events = sorted(_drawn(s) for s in spans if not s.period and not (bars and s.bar))
    dots = {round(low * 12 * 1000) for low, high in events if low == high}
    events = [(first, first), *events, (last, last)]  # and before the first, after the last
    cuts: set[int] = set()  # in months
    reach = -math.inf
    for before, after in itertools.pairwise(events):
        reach = max(reach, before[1])
        low = max(math.ceil(reach * 12 / months) * months, round(first * 12) + months)
        high = min(math.floor(after[0] * 12), round(last * 12) - months)
        if months < 12:  # a month's cut is wanted in a crowded year: next to its events
            cuts.update(range(max(low, high - 12), high + 1, months))
            high = min(high, low + 12)
        cuts.update(range(low, high + 1, months))
    return sorted(c / 12 for c in cuts if c * 1000 not in dots)


def _drawn(span: Span) -> tuple[float, float]:
    """Where an event is drawn on the axis: a bar from its start to its end, a dot at the
    middle of its date."""
    if span.bar:
        return span.start, span.end
    middle = (span.start + span.end) / 2
    return middle, middle


def _split(
    spans: Sequence[Span], style: _Style, rooms: tuple[float, float], most: float = math.inf
) -> tuple[Layout, ...] | None:
    """Charts of consecutive stretches of time at one scale, the first fitting rooms[0] and
    the others rooms[1]: the smallest scale from a full-length axis's up (by 15 % steps) at
    which the timeline can be so cut (at multiples of five years); None if none can in at
    most `most` parts (a larger scale only takes more)."""
    first, last = _extent(spans)
    cuts = _cuts(spans, first, last)
    letters = _letters(spans)
    for whole_letters in (True, False):
        scale = AXIS_LENGTH / (last - first)
        for _ in range(16):
            parts: list[Layout] = []
            start: float = first
            while start < last:
                fit = _Fit(rooms[1] if parts else rooms[0], whole_letters)
                part = _longest(spans, letters, cuts, (start, last), scale, style, fit)
                if part is None:
                    break
                parts.append(part)
                start = part.last_year
                if len(parts) > most:
                    return None
            else:
                return tuple(parts)
            scale *= 1.15
    return None


def _split_each(
    spans: Sequence[Span], style: _Style, rooms: tuple[float, float]
) -> tuple[Layout, ...] | None:
    """Charts of stretches of time in order, each at its own scale, for a timeline that one
    scale cannot split onto few pages (a crowded few years in a long stretch). Each part is the
    stretch of the most events whose labels fit its room near their marks (`DRIFT`), its axis
    as long as they need (`COMPACT`), cut at a multiple of five years if that holds as many as
    any cut, else of one, else at a month (in a crowded year); it ends at the first such cut
    after its last event, and the next starts at the last cut before its first: years with
    nothing drawn in them between two parts are in neither (each caption says what years
    its part covers). What is asked of the parts is given up a step at a time
    (`_EACH_TRIES`): whole band letters, then labels near their marks without cutting a bar,
    then near with bars cut (each part drawing its piece of the bar), then not near, without
    and with bars cut. As a last resort, a stretch that cannot be cut small enough is one part
    too tall for its page (which prints it smaller), and only that one; None only if there
    are no events."""
    first, last = _extent(spans)
    letters = _letters(spans)
    cuts = {  # coarse to fine, through bars or not
        bars: [_cuts(spans, first, last, months, bars=bars) for months in (60, 12, 1)]
        for bars in (False, True)
    }
    for whole_letters, near, bars, force in _EACH_TRIES:
        parts: list[Layout] = []
        start: float | None = _next_start(spans, first, cuts[bars])
        while start is not None:
            fit = _Fit(rooms[1] if parts else rooms[0], whole_letters, near)
            years = (start, last)
            found = [_widest(spans, letters, c, years, style, fit) for c in cuts[bars]]
            part = max((p for p in found if p), key=_own, default=None)  # the coarser of equals
            if part is None and force:
                every = sorted({c for granularity in cuts[bars] for c in granularity})
                part = _forced(spans, letters, every, years, style, fit)
            if part is None:
                break
            parts.append(part)
            start = _next_start(spans, part.last_year, cuts[bars])
        else:
            return tuple(parts) or None
    return None


def _next_start(
    spans: Sequence[Span], after: float, cuts: Sequence[Sequence[float]]
) -> float | None:
    """Where the part after `after` starts: there, if a bar runs on across it; else at the
    last whole year (else month) cut at or before the next event, skipping the years between
    that nothing is drawn in; None if no event is left."""
    lows = [_drawn(s) for s in spans if not s.period and _drawn(s)[1] > after]
    if not lows:
        return None
    if any(low < after for low, _ in lows):
        return after  # a bar cut at `after` goes on
    nearest = min(low for low, _ in lows)
    for granularity in cuts[1:]:  # a year, else a month
        before = [c for c in (after, *granularity) if after <= c <= nearest]
        if before and (granularity is cuts[-1] or _whole(max(before))):
            return max(before)
    return after


# What `_split_each` asks of its parts, the most first: (whole band letters, labels near
# their marks, bars may be cut, a part may be too tall).
_EACH_TRIES = (
    (True, True, False, False),
    (False, True, False, False),
    (False, True, True, False),
    (False, False, False, False),
    (False, False, True, False),
    (False, False, False, True),
)


def _within(spans: Sequence[Span], start: float, end: float) -> list[Span]:
    """The events drawn from `start` to `end` and the periods that overlap them; a bar that
    runs across `start` or `end` (cut there only when nothing else fits) as its piece
    between them."""
    kept = []
    for s in spans:
        low, high = _drawn(s)
        if (s.period and s.start < end and s.end > start) or (start <= low and high <= end):
            kept.append(s)
        elif s.bar and low < end and high > start:
            kept.append(replace(s, start=max(low, start), end=min(high, end), cut=True))
    return kept


def _ends(
    cuts: Sequence[float], years: tuple[float, float], spans: Sequence[Span] = ()
) -> list[float]:
    """Where a part from years[0] may end: each cut after it, then years[1]; given the
    `spans`, only the ends worth trying: the first and the last, and either side of each
    event after years[0] (the nearest end that takes it in, the furthest that leaves it out),
    since between those a part holds the same events."""
    ends = [*(c for c in cuts if years[0] < c < years[1]), years[1]]
    if not spans:
        return ends
    worth = {0, len(ends) - 1}
    for span in spans:
        low, high = _drawn(span)
        if span.period or low < years[0]:
            continue
        taking = bisect.bisect_left(ends, high)
        worth.update(i for i in (taking, bisect.bisect_left(ends, low) - 1) if 0 <= i < len(ends))
    return [ends[i] for i in sorted(worth)]


def _widest(
    spans: Sequence[Span],
    letters: dict[Span, str],
    cuts: Sequence[float],
    years: tuple[float, float],
    style: _Style,
    fit: _Fit,
) -> Layout | None:
    """The chart from years[0] to the end that `fit`s at the scale its labels ask for
    (`COMPACT`, within `MIN_AXIS` and the room) and holds the most events: the nearest such
    (no empty years after its last event). A part of more pieces of bars cut at its ends than
    its own events and `PIECES` (overlapping reigns, say) is no part: each piece is labelled
    again. None if no chart of an event fits."""
    best = None
    axis_room = fit.room - 2.5 * style.font_pt * PT - 0.1  # less above and below the axis
    for end in _ends(cuts, years, spans):
        within = _within(spans, years[0], end)
        chart = partial(_chart, within, letters, style=style, years=(years[0], end), extend=False)
        stack = chart(scale=1.0).stack
        if stack > axis_room:
            break  # a later end only adds labels
        plan = chart(scale=min(axis_room, max(MIN_AXIS, COMPACT * stack)) / (end - years[0]))
        own, pieces = _own(plan), len(plan.labels) - _own(plan)
        if fit(plan) and own and pieces <= max(own, PIECES) and (best is None or own > _own(best)):
            best = plan  # of its own events, and not many more pieces of bars than those
    return best


def _own(plan: Layout) -> int:
    """How many events the chart labels, not counting pieces of longer ones cut at its ends."""
    return sum(not label.span.cut for label in plan.labels)


def _forced(
    spans: Sequence[Span],
    letters: dict[Span, str],
    cuts: Sequence[float],
    years: tuple[float, float],
    style: _Style,
    fit: _Fit,
) -> Layout:
    """The chart from years[0] to the nearest end that takes in an event, for a stretch whose
    labels need more than the room however it is cut: its axis as long as its labels, taller
    than the room (the page prints it smaller, and the preflight says so)."""
    ends = _ends(cuts, years, spans)
    drawn = [_drawn(s) for s in spans if not s.period and _drawn(s)[0] >= years[0]]
    end = next((e for e in ends if any(high <= e for _, high in drawn)), years[1])
    chart = partial(
        _chart, _within(spans, years[0], end), letters, style=style, years=(years[0], end)
    )
    axis = max(fit.room - 2.5 * style.font_pt * PT - 0.1, chart(scale=1.0, extend=False).stack)
    return chart(scale=axis / (end - years[0]), extend=False)


@dataclass(frozen=True)
class _Fit:
    """What a part of a split timeline must do: be at most `room` mm tall; with
    `whole_letters`, not cut a band so short that its letter no longer fits on it; with `near`,
    keep every label near its mark (`DRIFT`)."""

    room: float
    whole_letters: bool
    near: bool = False

    def __call__(self, plan: Layout) -> bool:
        least = 1.4 * plan.font_size + 1 if self.whole_letters else 0.0
        whole = all(b.box.height >= least for b in plan.bands)
        return fits(plan, self.room) and whole and (not self.near or _near(plan))


def _near(plan: Layout) -> bool:
    """Whether every label's middle is within `DRIFT` of the axis's length (or two labels of
    two lines) of where its leader leaves the mark: not a crowd pushed far from its dates."""
    axis = plan.y(plan.last_year) - plan.y(plan.first_year)
    allowed = max(DRIFT * axis, 2 * 2 * 1.3 * plan.font_size)
    return all(abs(la.box.y + la.box.height / 2 - la.anchor_y) <= allowed for la in plan.labels)


def _longest(
    spans: Sequence[Span],
    letters: dict[Span, str],
    cuts: Sequence[float],
    years: tuple[float, float],
    scale: float,
    style: _Style,
    fit: _Fit,
) -> Layout | None:
    """The chart from years[0] to the furthest cut (or years[1]) that `fit`s."""
    best = None
    for end in _ends(cuts, years, spans):
        within = _within(spans, years[0], end)
        plan = _chart(
            within, letters, style=style, years=(years[0], end), scale=scale, extend=False
        )
        if plan.height > fit.room:
            break
        if fit(plan):
            best = plan
    return best


def alt_text(plan: Layout, part: tuple[int, int] = (1, 1), words: Words = ENGLISH) -> str:
    """The chart in words, for readers who cannot see it; `part` is (this, of how many);
    packet's words in `words`' language."""
    say = words.say
    spans = [label.span for label in plan.labels] + [band.span for band in plan.bands]
    if part[1] > 1:
        parts = [
            say(
                "Timeline drawn to scale, part {number} of {count}, {first} to {last}.",
                number=part[0],
                count=part[1],
                first=plan.span_label[0],
                last=plan.span_label[1],
            )
        ]
    else:
        first = math.floor(min(s.start for s in spans))
        last = math.ceil(max(s.end for s in spans)) - 1
        ends = (
            (year_label(first, words), year_label(last, words))
            if first < last
            else plan.span_label  # all in one year: the axis's ends ("1940 to 1945")
        )
        parts = [say("Timeline drawn to scale, {first} to {last}.", first=ends[0], last=ends[1])]
    if plan.bands:
        bands = words.listed(f"{b.span.title} ({b.span.label})" for b in plan.bands)
        parts.append(say("Shaded periods: {bands}.", bands=bands))
    if plan.labels:
        events = words.listed(
            f"{say('{label}:', label=la.span.label)} {la.span.title}" for la in plan.labels
        )
        parts.append(say("Events: {events}.", events=events))
    return " ".join(parts)


def legend(plans: Sequence[Layout], words: Words = ENGLISH) -> str:
    """What the drawing shows, in words, for its caption: only what it draws; packet's
    words in `words`' language."""
    say = words.say
    spans = [label.span for plan in plans for label in plan.labels]
    dots, bars = any(not s.bar for s in spans), any(s.bar for s in spans)
    if len({plan.scale for plan in plans}) > 1:
        scale = say(
            "Drawn to scale within each part: the space between events matches the time "
            "between them, but the {count} parts are drawn at different scales",
            count=len(plans),
        )
    elif len(plans) > 1:
        scale = say(
            "Drawn to scale: the space between events matches the time between them, at one "
            "scale in all {count} parts",
            count=len(plans),
        )
    else:
        scale = say("Drawn to scale: the space between events matches the time between them")
    said = [scale]
    if dots and bars:
        said.append(say("Dots are events of a year or less; bars, longer events from start to end"))
    elif bars:
        said.append(say("Bars are events from their start to their end"))
    else:
        said.append(say("Dots are events of a year or less"))
    if any(s.approximate for s in spans):
        every = all(s.approximate for s in spans)
        said.append(say(_HOLLOW[every, dots and bars, bars]))
    return ". ".join(said) + "."


# What the hollow marks say, by (every date approximate, dots and bars, bars only).
_HOLLOW = {
    (True, True, True): N_("All the dots and bars are hollow: every date is approximate"),
    (True, False, True): N_("All the bars are hollow: every date is approximate"),
    (True, False, False): N_("All the dots are hollow: every date is approximate"),
    (False, True, True): N_("Solid dots and bars are exact dates; hollow ones, approximate"),
    (False, False, True): N_("Solid bars are exact dates; hollow ones, approximate"),
    (False, False, False): N_("Solid dots are exact dates; hollow ones, approximate"),
}


def _f(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".")


def _mark(mark: Mark) -> str:
    span, b = mark.span, mark.box
    kind = "approximate" if span.approximate else "exact"
    paint = (
        f'fill="#fff" stroke="{INK}" stroke-width="{_f(APPROXIMATE_STROKE)}"'
        if span.approximate
        else f'fill="{INK}" stroke="{INK}" stroke-width="{_f(EXACT_STROKE)}"'
    )
    if span.bar:
        return (
            f'<rect class="mark bar {kind}" x="{_f(b.x)}" y="{_f(b.y)}" width="{_f(b.width)}" '
            f'height="{_f(b.height)}" {paint}/>'
        )
    cx, cy = b.x + b.width / 2, b.y + b.height / 2
    halo = (
        f'<circle class="halo" cx="{_f(cx)}" cy="{_f(cy)}" r="{_f(DOT + HALO)}" fill="#fff"/>'
        if mark.halo
        else ""
    )
    return (
        halo
        + f'<circle class="mark dot {kind}" cx="{_f(cx)}" cy="{_f(cy)}" r="{_f(DOT)}" {paint}/>'
    )


def _label(label: PlacedLabel, size: float) -> list[str]:
    box, out = label.box, []
    for i, text in enumerate(label.lines):
        baseline = box.y + size * 0.95 + i * size * 1.3
        date = (
            f'<tspan font-weight="bold">{escape(label.span.label)}{DATE_GAP}</tspan>'
            if i == 0
            else ""
        )
        out.append(f'<text x="{_f(box.x)}" y="{_f(baseline)}">{date}{escape(text)}</text>')
    return out


def svg(plan: Layout, alt: str, title: str = "Timeline") -> str:
    """The chart as a standalone SVG document in mm units, drawn at the size it prints;
    `title` and `alt` (what it shows, in words) for readers who cannot see it."""
    size = plan.font_size
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{_f(plan.width)}mm" '
        f'height="{_f(plan.height)}mm" viewBox="0 0 {_f(plan.width)} {_f(plan.height)}" '
        'role="img" aria-labelledby="tl-title tl-desc" '
        f'font-family="Packet Sans, Noto Sans, sans-serif" font-size="{_f(size)}">',
        f'<title id="tl-title">{escape(title)}</title>',
        f'<desc id="tl-desc">{escape(alt)}</desc>',
    ]
    for band in plan.bands:
        b = band.box
        cx, cy = b.x + b.width / 2, b.y + min(b.height / 2, size * 0.7 + 0.5)
        out.append(
            f'<rect x="{_f(b.x)}" y="{_f(b.y)}" width="{_f(b.width)}" height="{_f(b.height)}" '
            f'fill="#c8c8c8" stroke="{INK}" stroke-width="0.3"/>'
            f'<circle cx="{_f(cx)}" cy="{_f(cy)}" r="{_f(size * 0.7)}" fill="#fff" '
            f'stroke="{INK}" stroke-width="0.3"/>'
            f'<text x="{_f(cx)}" y="{_f(cy + size * 0.35)}" text-anchor="middle" '
            f'font-weight="bold">{band.letter}</text>'
        )
    top, bottom, x = plan.y(plan.first_year), plan.y(plan.last_year), plan.axis_x
    out.append(
        f'<line x1="{_f(x)}" y1="{_f(top)}" x2="{_f(x)}" y2="{_f(bottom)}" stroke="{INK}" '
        'stroke-width="0.4"/>'
    )
    tick_right = plan.bands[0].box.x - 1 if plan.bands else x - 3
    for year, printed in zip(plan.ticks, plan.tick_labels, strict=True):
        ty = plan.y(year)
        out.append(
            f'<line x1="{_f(x - 1.5)}" y1="{_f(ty)}" x2="{_f(x)}" y2="{_f(ty)}" stroke="{INK}" '
            f'stroke-width="0.3"/><text x="{_f(tick_right)}" y="{_f(ty + size * 0.35)}" '
            f'text-anchor="end" fill="#333">{escape(printed)}</text>'
        )
    for label in plan.labels:
        points = " L".join(f"{_f(px)} {_f(py)}" for px, py in label.leader)
        out.append(
            f'<path class="leader" d="M{points}" fill="none" stroke="#222" stroke-width="0.25"/>'
        )
    out += [_mark(mark) for mark in plan.marks]
    for label in plan.labels:
        out += _label(label, size)
    out.append("</svg>")
    return "\n".join(out)


def data_uri(document: str) -> str:
    return "data:image/svg+xml;base64," + base64.b64encode(document.encode("utf-8")).decode()
