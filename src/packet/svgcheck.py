"""How much an SVG image asks to draw, before WeasyPrint draws it.

An SVG can repeat a group with `<use>`, and a group can hold `<use>` of another: eight
levels of ten make a hundred million shapes from a file of one kilobyte, and WeasyPrint
renders them all — a build that never ends. A shared unit's image (or a `data:` SVG in its
stylesheet) is therefore measured first: every element counts once for each time it is
drawn, following `<use>` references, and an image that would draw more than `MAX_SHAPES`
is refused with a message. Entity declarations (the "billion laughs") are refused outright.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

MAX_SHAPES = 100_000
_HREF = ("href", "{http://www.w3.org/1999/xlink}href")


class SvgRefused(ValueError):
    """An SVG packet will not draw, and why."""


def check_svg(data: bytes) -> None:
    """Raise SvgRefused if the SVG `data` declares entities or would draw too much."""
    _measure(_parse(data))


def _parse(data: bytes) -> ET.Element:
    """The SVG's root element; SvgRefused if it declares entities or is not XML."""
    if b"<!ENTITY" in data:
        raise SvgRefused("the SVG declares XML entities, which packet does not expand")
    try:
        return ET.fromstring(data)
    except ET.ParseError as exc:
        raise SvgRefused(f"the SVG cannot be read ({exc})") from exc


def _measure(root: ET.Element) -> None:
    """Count every element once for each time it is drawn, following `<use>`; SvgRefused
    when the references go round in a circle or the count passes MAX_SHAPES."""
    by_id = {e.get("id"): e for e in root.iter() if e.get("id")}
    cost: dict[int, int] = {}  # id(element) -> shapes drawn for it, once worked out
    # Depth-first without recursion: (element, children and reference pushed yet?).
    stack: list[tuple[ET.Element, bool]] = [(root, False)]
    open_now: set[int] = set()
    while stack:
        element, expanded = stack.pop()
        key = id(element)
        if key in cost:
            continue
        target = _target(element, by_id)
        parts = [*element, *([target] if target is not None else [])]
        if not expanded:
            if key in open_now:
                raise SvgRefused("the SVG's <use> elements refer to each other in a circle")
            open_now.add(key)
            stack.append((element, True))
            for part in parts:
                if id(part) in open_now:
                    raise SvgRefused("the SVG's <use> elements refer to each other in a circle")
                if id(part) not in cost:
                    stack.append((part, False))
            continue
        open_now.discard(key)
        cost[key] = 1 + sum(cost[id(part)] for part in parts)
        if cost[key] > MAX_SHAPES:
            raise SvgRefused(
                f"the SVG would draw more than {MAX_SHAPES:,} shapes (its <use> elements "
                "repeat groups that repeat groups)"
            )


def _target(element: ET.Element, by_id: dict[str | None, ET.Element]) -> ET.Element | None:
    """The element a `<use>` draws again, if it names one in the same file."""
    if not element.tag.endswith("use"):
        return None
    href = next((element.get(name) or "" for name in _HREF if element.get(name)), "")
    return by_id.get(href[1:]) if href.startswith("#") else None
