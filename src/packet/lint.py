"""What packet will not print as written, found before building, with line and column.

* raw HTML (`<script>`, `<img onerror=…>`, `<svg>`, comments): Markdown is rendered with
  HTML off, so it would print as literal text — a warning;
* links and images packet will not follow: `javascript:`, `file:`, `data:` and other
  schemes, and images on the web (a packet never loads anything from the network) —
  a warning, and the renderer drops them;
* nesting deeper than markdown-it's limit, which cuts the rest off — a warning;
* invisible and direction-changing characters (zero-width spaces, bidi overrides), which
  change how text prints or matches without showing — an error.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass

MAX_NESTING = 20  # markdown-it's limit for the commonmark preset; deeper content is dropped
WARN_NESTING = MAX_NESTING - 2

INVISIBLE = {0x200B, 0x2060, 0xFEFF, *range(0x202A, 0x202F), *range(0x2066, 0x206A)}
_INVISIBLE = re.compile("[" + "".join(map(chr, sorted(INVISIBLE))) + "]")
# `<\s*(?:/\s*)?` rather than `<\s*/?\s*`: the two runs of spaces of the latter could split a
# long run in every way before failing, time growing with the square of its length.
_HTML = re.compile(r"<!--|<\s*(?:/\s*)?[A-Za-z][\w:-]*(?:\s[^<>]*)?/?>")
# What follows a link's text: `](`, then its target. A link is `[text](target)`, `![…](…)` an
# image; `_targets` finds the `[` that opens each by looking back from its `](`.
_TARGET_END = re.compile(r"\]\(\s*<?(?P<url>(?:[^()\s>]|\([^()\s]*\))+)")
_CODE = re.compile(r"`[^`\n]*`")
_SAFE_LINK = re.compile(
    r"^(?:https?:|mailto:|#|figure:[a-z0-9-]+$|[^:/?#]+(?:[/?#]|$))", re.IGNORECASE
)  # "figure:ID": a figure seed, placed by markup.py
_WEB_LINK = re.compile(r"^(?:https?:|mailto:|#)", re.IGNORECASE)


@dataclass(frozen=True)
class Finding:
    line: int  # 1-based, within the text checked
    col: int
    error: bool
    message: str
    hint: str


def allowed_link(url: str) -> bool:
    """Links packet keeps: the web, e-mail, places in the packet, files in the project."""
    return bool(_SAFE_LINK.match(url.strip()))


def web_link(url: str) -> bool:
    """Links a packet keeps as links: the web, e-mail and places in the packet. A link to a
    file of the project prints as text: no reader of a handout can open it, and the PDF would
    carry the file's full path on the teacher's machine."""
    return bool(_WEB_LINK.match(url.strip()))


def allowed_image(url: str) -> bool:
    """Images packet loads: files in the project only (relative paths)."""
    return allowed_link(url) and not web_link(url)


def _lines(text: str) -> Iterator[tuple[int, str]]:
    fenced = False
    for number, line in enumerate(text.split("\n"), start=1):
        if line.lstrip().startswith(("```", "~~~")):
            fenced = not fenced
            continue
        if not fenced:
            yield number, _CODE.sub(lambda m: " " * len(m.group(0)), line)


def lint(text: str) -> list[Finding]:
    """Everything in a piece of content Markdown that will not print as written."""
    found: list[Finding] = []
    for number, line in _lines(text):
        found.extend(_invisible(number, line))
        found.extend(_raw_html(number, line))
        found.extend(_targets(number, line))
    return found


def _invisible(number: int, line: str) -> Iterator[Finding]:
    """Invisible and direction-changing characters; a byte-order mark opening the text is fine."""
    for m in _INVISIBLE.finditer(line):
        char, col = m.group(0), m.start() + 1
        if not (number == 1 and col == 1 and char == "\ufeff"):
            name = unicodedata.name(char, "unnamed")
            yield Finding(
                number,
                col,
                True,
                f"invisible or direction-changing character U+{ord(char):04X} ({name})",
                "delete it: it changes how the text prints or matches without showing",
            )


def _raw_html(number: int, line: str) -> Iterator[Finding]:
    """Raw HTML and comments: Markdown is rendered with HTML off, so they print as text."""
    for m in _HTML.finditer(line):
        yield Finding(
            number,
            m.start() + 1,
            False,
            f"raw HTML {m.group(0)[:40]} prints as plain text, not as HTML",
            "remove it, or write what you mean in Markdown",
        )


def _links(line: str) -> Iterator[tuple[int, bool, str]]:
    """(column, whether an image, target) of each link and image in one line, left to right.

    One pass: a link's text holds no `]`, so the `[` opening a link is the first one after the
    previous `]` (or the previous link, if that ended later), found by looking back from each
    `](`. Trying every `[` up to the next `]` instead would take time growing with the square
    of the line's length on a line of unclosed `[`."""
    start = 0  # where the next link may begin
    while (close := line.find("]", start)) >= 0:
        opening = line.find("[", start, close)
        end = _TARGET_END.match(line, close) if opening >= 0 else None
        if end is None:
            start = close + 1
            continue
        image = opening > start and line[opening - 1] == "!"
        yield opening + (0 if image else 1), image, end["url"]
        start = end.end()


def _targets(number: int, line: str) -> Iterator[Finding]:
    """Links and images packet will not follow, or will print as plain text."""
    for col, image, url in _links(line):
        if image and re.match(r"^https?:", url, re.IGNORECASE):
            yield Finding(
                number,
                col,
                False,
                f"image '{url[:60]}' is on the network, and packets never load anything "
                "from the network; it is left out",
                "save the image in the project and link to the file",
            )
        elif image and url.lower().startswith("data:"):
            yield Finding(
                number,
                col,
                False,
                f"image '{url[:30]}…' is a data: URI inside the text; it is left out",
                "save the image as a file in the project and link to it",
            )
        elif not allowed_link(url):
            yield Finding(
                number,
                col,
                False,
                f"link to '{url[:60]}' is not allowed; it prints as plain text",
                "link only to web pages (https://…) or e-mail",
            )
        elif not image and not web_link(url):
            yield Finding(
                number,
                col,
                False,
                f"link to the file '{url[:60]}' prints as plain text: a packet's reader "
                "cannot open a file of the project",
                "link to a web page (https://…), or name the file in words",
            )


def nesting(levels: Iterator[tuple[int, int]]) -> Finding | None:
    """A warning for the first (line, depth) that reaches markdown-it's nesting limit."""
    for line, depth in levels:
        if depth >= WARN_NESTING:
            return Finding(
                line,
                1,
                False,
                f"the text here is nested {depth} levels deep; beyond {MAX_NESTING} levels "
                "Markdown drops the rest",
                "flatten the list or quotation",
            )
    return None
