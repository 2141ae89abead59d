"""Print preflight: a laid-out packet (WeasyPrint's pages and their boxes, before the PDF is
written) → the pages no teacher would hand out, as `Finding`s naming the page and the content.

The rules and their numbers (README "Print preflight" lists them for teachers):

- `nearly-empty`: a page whose content fills less than 30 % of the text block's height, unless
  the next page starts something new on a page of its own (a section, an activity, a back
  section, or a block the content asked to start a new page) or it is the last page;
- `stranded`: a heading or label as the last thing on a page, its content overleaf;
- `question-split`: a question's stem on one page and its answer space (or, in the teacher's
  edition, its model answer), or part of it, on the next;
- `table-split`: a table split leaving fewer than two of its rows on a page;
- `apart`: what a student must see together on different pages — matching terms and their
  definitions, an activity's instructions and its first item, a table and its heading, a
  block the content asked to keep together;
- `small-type`: text smaller than the variant's minimum (standard: 8 pt running heads and page
  numbers, 9 pt citation tags, 10 pt everything else; large print: 12, 16 and 16 pt; a
  booklet's half-sheet pages, which print at their own size: 7, 8 and 9 pt); in a drawing
  (the timeline chart's labels) 10 pt, 14 pt in large print and 9 pt in a booklet;
- `faint-line`: a rule, answer line, border or chart line thinner than 0.75 pt (a leader
  0.5 pt) or lighter than 65 % black (#595959): a copier's text mode drops it;
- `cover-overflow`: the cover running onto a second page.

What the rules know of the theme is its vocabulary, which project templates can use too:
headings are h1–h6; labels have a class ending in `label` (or `tn-head`, `advisory-title`); a
question stem is `.ask`, its answer `.answer-space` or `.model-answer` right after it; citation
tags are `.cite`; matching is `.match` holding `.match-terms` and `.match-definitions`;
`.instructions` go with what follows them; `.keep-together` and `.new-page` are the content's own
requests (`markup.py`); `.cover` stands alone. Where the content came from is the nearest
`data-source` attribute (`path:line`) of the element or an enclosing one.
"""

from __future__ import annotations

import re
import weakref
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from typing import Any

PX_PT = 0.75  # CSS px → pt
MIN_FILL = 0.30  # of the text block's height
MIN_ROWS = 2  # of a table on either side of a page break
MIN_RULE_PT, MIN_LEADER_PT = 0.75, 0.5
MAX_GREY = 0x59 / 0xFF  # the lightest ink a copier keeps: #595959, 65 % black
# Smallest type in pt: running heads and page numbers, citation tags, everything else.
MIN_TYPE = {
    "standard": (8.0, 9.0, 10.0),
    "large print": (12.0, 16.0, 16.0),  # APH and UKAAF: 18 pt body, nothing under 16 pt
    "booklet": (7.0, 8.0, 9.0),  # the half sheet, at the size it prints (impose.py)
}
# Smallest type in a drawing (the timeline chart's labels), in pt: its own number, so that
# large print's running text can ask for more than the chart's 14 pt labels.
MIN_DRAWING_TYPE = {"standard": 10.0, "large print": 14.0, "booklet": 9.0}
FORCED = frozenset({"page", "left", "right", "recto", "verso"})
LABELS = frozenset({"tn-head", "advisory-title"})
ANSWERS = frozenset({"answer-space", "model-answer"})
MARGIN = "page margin"  # the kind of what is printed in the page's margins
# What must be on one page: class → the rule, what the finding says, how to act on it.
ONE_PAGE = {
    "match": (
        "apart",
        "matching terms and their definitions run over pages {first}–{last}",
        "use fewer terms in the lesson's vocabulary activity, so that they fit a page",
    ),
    "keep-together": (
        "apart",
        "the block the content asks to keep together, {element}, runs over pages "
        "{first}–{last}: it is longer than a page",
        "shorten it, or split it into blocks that fit a page each",
    ),
    "cover": (
        "cover-overflow",
        "the cover runs onto a second page",
        "shorten the lesson's summary or the content advisory in packet.toml",
    ),
}
SVG_UNITS_MM = re.compile(r"^\s*([\d.]+)\s*mm\s*$")


@dataclass(frozen=True)
class Finding:
    """One page no teacher would hand out, and why."""

    rule: str
    page: int  # from 1
    what: str
    hint: str
    source: str | None = None  # "content/modules/x.md:12", where the content was written

    def warning(self) -> str:
        """As a rendering warning: `build/explain.py` places it at `source` and names the
        output beside the page."""
        where = f"{self.source}: " if self.source else ""
        return f"{where}preflight, page {self.page}: {self.what} — {self.hint}"


# -- the elements and boxes ----------------------------------------------------------------


def _classes(element: Any) -> set[str]:
    return set((element.get("class") or "").split()) if element is not None else set()


def _is_heading(element: Any) -> bool:
    return element.tag in {"h1", "h2", "h3", "h4", "h5", "h6"}


def _is_label(element: Any) -> bool:
    classes = _classes(element)
    return bool(classes & LABELS) or any(c == "label" or c.endswith("-label") for c in classes)


def _described(element: Any) -> str:
    """An element as a teacher can find it: its text's start, else its tag and class."""
    return _DESCRIBED.get(element) or _DESCRIBED.setdefault(element, _describe(element))


# Each element described once, however many of its boxes have findings (a weak map: the
# descriptions go with the document).
_DESCRIBED: weakref.WeakKeyDictionary[Any, str] = weakref.WeakKeyDictionary()


def _describe(element: Any) -> str:
    text = " ".join(_text_start(element).split())
    if text:
        return f"“{text[:60]}{'…' if len(text) > 60 else ''}”"
    classes = ".".join(sorted(_classes(element)))
    return f"<{element.tag}{'.' + classes if classes else ''}>"


def _text_start(element: Any, enough: int = 200) -> str:
    """The first `enough` characters or so of an element's text, without reading it all."""
    parts: list[str] = []
    count = 0
    for part in element.itertext():
        parts.append(part)
        count += len(part)
        if count >= enough:
            break
    return "".join(parts)


def _kind(element: Any) -> str:
    """An element's kind for grouping findings: its tag and classes."""
    if element is None:
        return MARGIN
    return ".".join([str(element.tag), *sorted(_classes(element))])


def _grey(red: float, green: float, blue: float, alpha: float = 1.0) -> float:
    """How light a colour (channels 0–1) prints, 0 (black) to 1 (white), over white paper."""
    return float(1 - alpha * (1 - (0.299 * red + 0.587 * green + 0.114 * blue)))


def _colour_grey(colour: Any) -> float:
    """`_grey` of a colour of WeasyPrint's computed style."""
    return _grey(*tuple(colour.to("srgb"))[:4])


def _hex_grey(value: str | None) -> float | None:
    """`_grey` of an SVG colour (#rgb or #rrggbb); None for others."""
    if not value or not re.fullmatch(r"#[0-9a-fA-F]{3}|#[0-9a-fA-F]{6}", value):
        return None
    digits = value[1:] if len(value) == 7 else "".join(c * 2 for c in value[1:])
    return _grey(*(int(digits[i : i + 2], 16) / 255 for i in (0, 2, 4)))


@dataclass
class _Facts:
    """What the walk over every page's boxes found, for the rules to read."""

    pages: int = 0
    fill: dict[int, float] = field(default_factory=dict)  # page → share of the text block
    last: dict[int, tuple[Any, ...]] = field(default_factory=dict)  # page → last ink's elements
    starts_new: set[int] = field(default_factory=set)  # pages that begin with a forced break
    on: dict[int, set[int]] = field(default_factory=lambda: defaultdict(set))  # id → pages
    element: dict[int, Any] = field(default_factory=dict)  # id → element
    rows: dict[int, dict[int, set[int]]] = field(default_factory=dict)  # table → page → rows
    # The walk's own findings (type, lines), one per page, rule, kind of element and fault:
    # the first element found and how many more are like it.
    grouped: dict[tuple[str, int, str, str], tuple[Finding, int]] = field(default_factory=dict)

    def found(self, kind: str, finding: Finding) -> None:
        key = (finding.rule, finding.page, kind, finding.what.partition(": ")[2])
        first, more = self.grouped.get(key, (finding, -1))
        self.grouped[key] = (first, more + 1)

    def walk_findings(self) -> list[Finding]:
        """The walk's findings, one per page and kind; the page margins' (the same on
        every page) once, at the first page, saying on how many pages."""
        findings: list[Finding] = []
        margins: dict[str, list[Finding]] = {}
        for (_, _, kind, _), (first, more) in self.grouped.items():
            if kind == MARGIN:  # "Page 3 of 40" and "Page 4 of 40" are one finding
                margins.setdefault(re.sub(r"\d+", "#", first.what), []).append(first)
            else:
                more_text = f" (and {more} more like it on the page)" if more else ""
                findings.append(replace(first, what=first.what + more_text))
        for pages in margins.values():
            count = f" (on {len(pages)} pages)" if len(pages) > 1 else ""
            findings.append(replace(pages[0], what=pages[0].what + count))
        return findings

    def pages_of(self, element: Any) -> set[int]:
        return self.on.get(id(element), set())


class _Walk:
    """One pass over a page's boxes in order: ink extent, the last ink, elements per page,
    table rows, type sizes and lines."""

    def __init__(self, facts: _Facts, minimums: tuple[float, float, float], drawing: float) -> None:
        self.facts = facts
        self.minimums = minimums
        self.drawing = drawing  # the least type size in an SVG drawing

    def page(self, number: int, page_box: Any) -> None:
        self.number = number
        if page_box.page_type.blank:  # left blank for double-sided printing: a new start next
            self.facts.starts_new.add(number)
        self.bottom = page_box.content_box_y()
        self.last: tuple[Any, ...] = ()
        top, height = page_box.content_box_y(), page_box.height
        first = True
        for child in page_box.children:
            margin = type(child).__name__ == "MarginBox"
            if not margin and first:
                self._forced_start(child)
                first = False
            self._box(child, (), margin=margin, flow=not margin)
        self.facts.fill[number] = (self.bottom - top) / height if height else 1.0
        self.facts.last[number] = self.last

    def _forced_start(self, box: Any) -> None:
        """Whether the page begins with an element that asked for a page of its own."""
        while box is not None:
            element = box.element
            started_here = element is None or self.number - 1 not in self.facts.pages_of(element)
            if started_here and box.style["break_before"] in FORCED:
                self.facts.starts_new.add(self.number)
                return
            children = [c for c in getattr(box, "children", ()) if hasattr(c, "style")]
            box = children[0] if children else None

    def _box(self, box: Any, elements: tuple[Any, ...], *, margin: bool, flow: bool) -> None:
        element = box.element
        if element is not None and (not elements or elements[-1] is not element):
            elements = (*elements, element)
            self.facts.on[id(element)].add(self.number)
            self.facts.element[id(element)] = element
        flow = flow and box.style["position"] not in ("absolute", "fixed")
        kind = type(box).__name__
        if kind == "TableRowBox" and element is not None:
            self._row(elements)
        inked = self._borders(box, elements, margin)
        if kind == "TextBox" and box.text.strip():
            inked = True
            self._type(box, elements, margin)
        elif "ReplacedBox" in kind:
            inked = True
            self._svg(box, elements)
        if inked and flow and not margin:
            self.bottom = max(self.bottom, box.border_box_y() + box.border_height())
            self.last = elements
        for child in getattr(box, "children", ()):
            if hasattr(child, "style"):
                self._box(child, elements, margin=margin, flow=flow)

    def _row(self, elements: tuple[Any, ...]) -> None:
        row = elements[-1]
        tables = [e for e in elements if e.tag == "table"]
        if tables and not any(e.tag == "thead" for e in elements):
            pages = self.facts.rows.setdefault(id(tables[-1]), {})
            pages.setdefault(self.number, set()).add(id(row))

    def _type(self, box: Any, elements: tuple[Any, ...], margin: bool) -> None:
        running, tag, text = self.minimums
        size = box.style["font_size"] * PX_PT
        if margin:
            least, kind = running, "running head or page number"
        elif any("cite" in _classes(e) for e in elements):
            least, kind = tag, "citation tag"
        else:
            least, kind = text, "text"
        if size < least - 0.01:
            self._small(elements, f"{kind} at {size:.1f} pt", least, box)

    def _small(self, elements: tuple[Any, ...], what: str, least: float, box: Any) -> None:
        element = elements[-1] if elements else None
        shown = _described(element) if element is not None else f"“{box.text.strip()[:60]}”"
        self.facts.found(
            _kind(element),
            Finding(
                "small-type",
                self.number,
                f"{shown}: {what}, under the {least:g} pt this packet's readers need",
                "set a larger font-size for it in templates/packet.css",
                _source(elements),
            ),
        )

    def _borders(self, box: Any, elements: tuple[Any, ...], margin: bool) -> bool:
        """Whether the box draws a border (ink); a faint one is a finding."""
        from weasyprint.draw.color import get_color

        faint: list[tuple[float, float]] = []  # (pt, grey) of each faint side
        inked = False
        for side in ("top", "right", "bottom", "left"):
            width = box.style[f"border_{side}_width"]
            if not width or box.style[f"border_{side}_style"] in ("none", "hidden"):
                continue
            inked = True
            grey = _colour_grey(get_color(box.style, f"border_{side}_color"))
            if width * PX_PT < MIN_RULE_PT - 0.01 or grey > MAX_GREY + 0.005:
                faint.append((width * PX_PT, grey))
        if faint and elements:  # one finding for the box, however many sides
            points, grey = min(faint, key=lambda side: (side[0], -side[1]))
            self._faint(elements, points, grey, "line")
        return inked

    def _faint(self, elements: tuple[Any, ...], points: float, grey: float, kind: str) -> None:
        if not elements:
            return
        element = elements[-1]
        least = MIN_LEADER_PT if kind == "leader" else MIN_RULE_PT
        self.facts.found(
            _kind(element),
            Finding(
                "faint-line",
                self.number,
                f"a {kind} of {_described(element)}: {points:.2f} pt at "
                f"{round((1 - grey) * 100)} % black, which a photocopier drops",
                f"make it at least {least:g} pt and #595959 or darker in templates/packet.css",
                _source(elements),
            ),
        )

    def _svg(self, box: Any, elements: tuple[Any, ...]) -> None:
        """The strokes and text of an SVG drawing (the timeline graphic), at the size it
        prints."""
        svg = getattr(getattr(box, "replacement", None), "_svg", None)
        root = getattr(getattr(svg, "tree", None), "_etree_node", None)
        try:
            viewbox = svg.get_viewbox() if svg is not None else None
        except (TypeError, ValueError):  # a viewBox that is not four numbers: not drawn to scale
            return
        if root is None or not viewbox or len(viewbox) != 4 or not viewbox[2] or not viewbox[3]:
            return
        # Drawn as large as fits the box without distortion (object-fit: contain, as the
        # theme draws its timeline); the smaller scale when the box is not of its shape.
        points_per_unit = min(box.width / viewbox[2], box.height / viewbox[3]) * PX_PT
        for node, style in _svg_nodes(root, {}):
            font_size = _svg_length(style.get("font-size"))
            if node.tag.endswith("text") and font_size is not None:
                size = font_size * points_per_unit
                if size < self.drawing - 0.01 and elements:
                    text = " ".join("".join(node.itertext()).split())[:60]
                    self.facts.found(
                        "svg text",
                        Finding(
                            "small-type",
                            self.number,
                            f"“{text}” in a drawing: text at {size:.1f} pt, under "
                            f"the {self.drawing:g} pt this packet's readers need",
                            "draw its text larger",
                            _source(elements),
                        ),
                    )
            self._stroke(node, style, points_per_unit, elements)

    def _stroke(
        self, node: Any, style: dict[str, str], scale: float, elements: tuple[Any, ...]
    ) -> None:
        stroke, width = style.get("stroke"), _svg_length(style.get("stroke-width"))
        if not stroke or stroke == "none" or width is None:
            return
        points = width * scale
        grey = _hex_grey(stroke)
        leader = "leader" in (node.get("class") or "").split()
        least = MIN_LEADER_PT if leader else MIN_RULE_PT
        faint = points < least - 0.01 or (grey is not None and grey > MAX_GREY + 0.005)
        if faint and elements:
            self._faint(elements, points, grey or 0.0, "leader" if leader else "line")


_SVG_INHERITED = ("stroke", "stroke-width", "font-size")
# An SVG length in user units: a number, or one in px (the same), pt or mm. Anything else
# (percentages, `inherit`, a typo) is not checked.
_SVG_LENGTH = re.compile(r"\s*([0-9]*\.?[0-9]+(?:[eE][-+]?[0-9]+)?)\s*(px|pt|mm)?\s*")
_SVG_UNITS = {None: 1.0, "px": 1.0, "pt": 4 / 3, "mm": 96 / 25.4}


def _svg_length(value: str | None) -> float | None:
    m = _SVG_LENGTH.fullmatch(value) if value else None
    return float(m[1]) * _SVG_UNITS[m[2]] if m else None


def _svg_nodes(node: Any, inherited: dict[str, str]) -> Iterator[tuple[Any, dict[str, str]]]:
    """Every element of an SVG tree with the stroke and font size it draws with."""
    style = {**inherited, **{k: node.get(k) for k in _SVG_INHERITED if node.get(k)}}
    yield node, style
    for child in node:
        if isinstance(child.tag, str):
            yield from _svg_nodes(child, style)


def _source(elements: tuple[Any, ...]) -> str | None:
    """Where the innermost of `elements` that says so was written (`data-source`)."""
    for element in reversed(elements):
        if found := element.get("data-source"):
            return str(found)
    return None


# -- the rules over the whole packet -------------------------------------------------------


class _Rules:
    def __init__(self, facts: _Facts, root: Any) -> None:
        self.facts = facts
        self.parents = {child: parent for parent in root.iter() for child in parent}
        self.siblings: dict[Any, tuple[Any, Any]] = {}  # element → (previous, next)
        for parent in root.iter():
            children = [None, *parent, None]
            for before, child, after in zip(children, children[1:], children[2:], strict=False):
                self.siblings[child] = (before, after)
        self.findings: list[Finding] = []

    def source(self, element: Any) -> str | None:
        chain = []  # the element and those around it, innermost first
        while element is not None:
            chain.append(element)
            element = self.parents.get(element)
        return _source(tuple(reversed(chain)))

    def add(self, rule: str, page: int, element: Any, what: str, hint: str) -> None:
        self.findings.append(Finding(rule, page, what, hint, self.source(element)))

    def next_sibling(self, element: Any) -> Any:
        return self.siblings.get(element, (None, None))[1]

    def previous_sibling(self, element: Any) -> Any:
        return self.siblings.get(element, (None, None))[0]

    def ends_part(self, page: int) -> bool:
        """Whether what follows `page` starts on a page of its own (or nothing follows)."""
        return page >= self.facts.pages or page + 1 in self.facts.starts_new

    def run(self) -> list[Finding]:
        self.nearly_empty()
        self.stranded()
        elements = list(self.facts.element.values())
        for element in elements:
            classes = _classes(element)
            if "ask" in classes:
                self.question(element)
            if "instructions" in classes:
                self.instructions(element)
            for name in classes & ONE_PAGE.keys():
                self.one_page(element, *ONE_PAGE[name])
            if element.tag == "table":
                self.table(element)
        return self.findings

    def nearly_empty(self) -> None:
        for page, fill in self.facts.fill.items():
            if fill < MIN_FILL and not self.ends_part(page) and self.facts.last.get(page):
                element = self.facts.last[page][-1]
                self.add(
                    "nearly-empty",
                    page,
                    element,
                    f"the page is {round(fill * 100)} % full (it ends with {_described(element)})",
                    "shorten what is before it, or start a new page earlier with a "
                    "`::: new-page` block in the content",
                )

    def stranded(self) -> None:
        for page, elements in self.facts.last.items():
            if page >= self.facts.pages:
                continue
            for element in elements:
                if not (_is_heading(element) or _is_label(element)):
                    continue
                if max(self.facts.pages_of(element)) != page:
                    continue
                following = self.next_sibling(element)
                if following is not None and following.tag == "table":
                    continue  # `apart` reports a table's heading
                self.add(
                    "stranded",
                    page,
                    element,
                    f"{_described(element)} is the last thing on the page; "
                    "what it introduces starts overleaf",
                    "keep it with its content: start a new page before it with `::: new-page`, "
                    "or shorten what comes before",
                )
                break

    def question(self, stem: Any) -> None:
        answer = self.next_sibling(stem)
        if answer is None or not (_classes(answer) & ANSWERS):
            return
        stem_pages, answer_pages = self.facts.pages_of(stem), self.facts.pages_of(answer)
        if stem_pages and answer_pages and max(stem_pages) < max(answer_pages):
            part = "answer space" if "answer-space" in _classes(answer) else "model answer"
            some = "" if max(stem_pages) < min(answer_pages) else "some of "
            self.add(
                "question-split",
                max(stem_pages),
                stem,
                f"the question {_described(stem)} is on this page and {some}its {part} on the next",
                "give it less answer space (`space:` in its module's questions) or shorten the "
                "questions before it"
                if part == "answer space"
                else "shorten its model answer or the questions before it",
            )

    def instructions(self, element: Any) -> None:
        following = self.next_sibling(element)
        if following is None:
            return
        mine, theirs = self.facts.pages_of(element), self.facts.pages_of(following)
        if mine and theirs and max(mine) < min(theirs):
            self.add(
                "apart",
                max(mine),
                element,
                f"the instructions {_described(element)} are on this page and the first "
                "item on the next",
                "start a new page before the instructions, or shorten what comes before",
            )

    def one_page(self, element: Any, rule: str, what: str, hint: str) -> None:
        """A finding on the page `element` runs on to, if it is on more than one; `what`
        may name the element (`{element}`) and its pages (`{first}`, `{last}`)."""
        pages = self.facts.pages_of(element)
        if len(pages) > 1:
            first, last = min(pages), max(pages)
            shown = what.format(element=_described(element), first=first, last=last)
            self.add(rule, first + 1, element, shown, hint)

    def table_heading(self, heading: Any, first: int) -> None:
        if self.facts.pages_of(heading) and max(self.facts.pages_of(heading)) < first:
            self.add(
                "apart",
                max(self.facts.pages_of(heading)),
                heading,
                f"the heading {_described(heading)} is on this page and its table on the next",
                "start a new page before the heading, or shorten what comes before",
            )

    def table(self, element: Any) -> None:
        rows = self.facts.rows.get(id(element), {})
        heading = self.previous_sibling(element)
        first = min(rows) if rows else None
        if heading is not None and _is_heading(heading) and first is not None:
            self.table_heading(heading, first)
        if len(rows) < 2:
            return
        ends = sorted(rows)
        for page in (ends[0], ends[-1]):  # a page between holds only rows too tall to share
            on_page = rows[page]
            if len(on_page) < MIN_ROWS:
                self.add(
                    "table-split",
                    page,
                    element,
                    f"a table is split leaving {len(on_page)} row on this page",
                    "keep the table on one page (a `::: keep-together` block) or shorten "
                    "what comes before it",
                )


def preflight(document: Any) -> list[Finding]:
    """Every finding on a rendered WeasyPrint `document`, in page order."""
    boxes = document.pages[0]._page_box.children if document.pages else []
    root = next((box.element for box in boxes if box.element is not None), None)
    if root is None:
        return []
    classes = _classes(root)
    variant = (
        "large print"
        if "large-print" in classes
        else "booklet"
        if "booklet" in classes
        else "standard"
    )
    facts = _Facts(pages=len(document.pages))
    walk = _Walk(facts, MIN_TYPE[variant], MIN_DRAWING_TYPE[variant])
    for number, page in enumerate(document.pages, start=1):
        walk.page(number, page._page_box)
    findings = facts.walk_findings() + _Rules(facts, root).run()
    return sorted(findings, key=lambda f: (f.page, f.rule, f.what))
