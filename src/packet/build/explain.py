"""What rendering reported, as problems a teacher can act on: `explain(project, output,
warning)` → `Problem`, placed where the cause was written when it can be found — a character
or an image in the content, a line of a stylesheet or template.
"""

from __future__ import annotations

import os
import re
from typing import TYPE_CHECKING

from ..errors import Location, Problem, Severity
from ..layout import CONTENT

if TYPE_CHECKING:
    from ..model import Project

_PREFLIGHT = "preflight, page"  # how a preflight finding names its page
_MISSING_GLYPH = re.compile(r'\.notdef glyph rendered for .*?"(.+?)" \((U\+[0-9A-F]+)\)')


def _first_use(project: Project, text: str) -> Location | None:
    """Where `text` first occurs in the content files the project was loaded from."""
    from ..text import position

    for path in sorted(project.texts):
        if path.startswith(f"{CONTENT}/") and path.endswith((".md", ".yaml")):
            source = project.texts[path]
            if (index := source.find(text)) >= 0:
                return Location(path, *position(source, index))
    return None


def explain(project: Project, output: str, warning: str) -> Problem:
    """A rendering warning as a problem a teacher can act on, placed where it was written if
    we can: a character or an image in the content, a line of a stylesheet or template
    (render.py and selfcontained.py give those as `path:line:col: what — how to fix`)."""
    if m := _MISSING_GLYPH.search(warning):
        char, code = m[1], m[2]
        return Problem(
            _first_use(project, char) or Location(output),
            f'no font in the packet has the character "{char}" ({code}); it prints as an empty box',
            "remove or replace it, or add a font that covers it in templates/fonts.css",
            Severity.WARNING,
        )
    text, _, hint = warning.partition(" — ")
    if _PREFLIGHT in warning:  # what a finding describes may hold a dash; its hint does not
        text, _, hint = warning.rpartition(" — ")
    if text.startswith(_PREFLIGHT):  # a preflight finding with no source: at the output
        message = text.replace(_PREFLIGHT, f"{output}, page", 1)
        return Problem(Location(output), message, hint, Severity.WARNING)
    text = text.replace(f": {_PREFLIGHT}", f": {output}, page", 1)  # one with a source
    placed = re.match(r"(?s)([^\s:][^:\n]*):(\d+)(?::(\d+))?: (.+)", text)
    if placed and "://" not in placed[1]:
        message = placed[4]
        if not hint and message.startswith(("Ignored", "Parse error", "Error:", "Invalid")):
            hint = "correct it or remove it; the PDF is made without it"
        where = Location(placed[1], int(placed[2]), int(placed[3] or 0))
        return Problem(where, message, hint, Severity.WARNING)
    image = re.match(r"image '(.+?)' is left out of the HTML packet", text)  # in the content
    if failed := re.match(r"Failed to load image at '?(file:[^\s']+)'?: ", warning):  # the PDF's
        from urllib.parse import unquote, urlparse

        written = os.path.relpath(unquote(urlparse(failed[1]).path), project.root.resolve())
        text, hint = warning, ("put the image inside the project" if "inside" in warning else "")
    if (image or failed) and (found := _first_use(project, f"]({image[1] if image else written}")):
        where = Location(found.path, found.line, found.col + 2)  # at the image's address
        return Problem(where, text, hint, Severity.WARNING)
    return Problem(Location(output), warning, severity=Severity.WARNING)
