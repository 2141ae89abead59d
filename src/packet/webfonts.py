"""The HTML packet's fonts: the faces of fonts.css, cut down and embedded in the page.

The HTML packet is one self-contained file — a teacher uploads it to a learning
platform or sends it on — so it must look like the printout and load nothing. Each
@font-face of fonts.css (packet's theme, or the project's own override) becomes a
WOFF font inside the page as a data: URL, subset with fontTools to a fixed
repertoire (Latin, Latin-1, Latin Extended-A, punctuation) plus whatever else the
packet uses. The fixed part means most packets need the very same subsets, so a
build makes each face once. A face none of whose letters, digits or symbols the
packet uses (the Khmer face, in an English packet) is left out.
"""

from __future__ import annotations

import base64
import functools
import io
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote

import tinycss2

from .errors import BuildError

# Basic Latin, Latin-1 and the usual punctuation and signs, always included.
REPERTOIRE = frozenset(
    {*range(0x20, 0x7F), *range(0xA0, 0x100), *range(0x2010, 0x2027), *range(0x2030, 0x203B)}
    | {0x2122, 0x20AC, 0x2190, 0x2192, 0x2212}
)
# The font's own names, version, copyright and licence travel with each subset (SIL OFL).
NAME_RECORDS = [0, 1, 2, 3, 4, 5, 6, 13, 14]
FORMATS = {".ttf", ".otf", ".woff"}


@dataclass(frozen=True)
class Face:
    """One @font-face rule: its descriptors as written, and the font file it names."""

    descriptors: tuple[tuple[str, str], ...]  # e.g. ("font-family", '"Packet Serif"')
    path: Path
    where: str  # "fonts.css:7", for messages


def faces(fonts_css: str, folder: Path, name: str = "fonts.css") -> list[Face]:
    """The @font-face rules of fonts.css (shown as `name`), relative to its `folder`."""
    found = []
    for rule in tinycss2.parse_stylesheet(fonts_css, skip_comments=True, skip_whitespace=True):
        if rule.type != "at-rule" or rule.lower_at_keyword != "font-face" or not rule.content:
            continue
        descriptors, path = [], None
        for item in tinycss2.parse_blocks_contents(rule.content, skip_whitespace=True):
            if item.type != "declaration":
                continue
            if item.lower_name == "src":
                url = next((t.value for t in item.value if t.type == "url"), None)
                url = url or next(
                    (
                        t.arguments[0].value
                        for t in item.value
                        if t.type == "function" and t.lower_name == "url" and t.arguments
                    ),
                    None,
                )
                if url and "://" not in url and not url.startswith("data:"):
                    path = (folder / unquote(url)).resolve()
            else:
                descriptors.append((item.lower_name, tinycss2.serialize(item.value).strip()))
        if path is not None:
            found.append(
                Face(tuple(descriptors), path, f"{folder / 'fonts.css'}:{rule.source_line}")
            )
    return found


# The caches below are keyed by the file's path, size and modification time, so a
# long-running `packet serve` notices a font replaced under it.
Stamp = tuple[Path, int, int]


def _stamp(path: Path) -> Stamp:
    status = path.stat()
    return path, status.st_size, status.st_mtime_ns


@functools.lru_cache(maxsize=8)
def _font_bytes(stamp: Stamp) -> bytes:
    return stamp[0].read_bytes()


@functools.lru_cache(maxsize=8)
def _coverage(stamp: Stamp) -> frozenset[int]:
    from fontTools.ttLib import TTFont

    return frozenset(TTFont(io.BytesIO(_font_bytes(stamp)), lazy=True).getBestCmap())


@functools.lru_cache(maxsize=64)
def _woff(stamp: Stamp, chars: frozenset[int]) -> bytes:
    """The font cut down to `chars`, as WOFF."""
    from fontTools import subset
    from fontTools.ttLib import TTFont

    options = subset.Options()  # fontTools' default features: kerning, ligatures, marks and
    options.flavor = "woff"  # the shaping that complex scripts such as Khmer need
    options.hinting = False  # screens today smooth outlines themselves; a third of the size
    options.name_IDs = NAME_RECORDS
    options.notdef_outline = True
    font = TTFont(io.BytesIO(_font_bytes(stamp)))
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=sorted(chars))
    subsetter.subset(font)
    out = io.BytesIO()
    font.save(out)
    return out.getvalue()


def _used(chars: Iterable[int]) -> bool:
    """Whether any of `chars` is a letter, digit or symbol (not only spaces and punctuation)."""
    return any(unicodedata.category(chr(c))[0] in "LNS" for c in chars)


def embedded_css(fonts_css: str, folder: Path, text: str, name: str = "fonts.css") -> str:
    """fonts.css (shown as `name`) with its usable faces inside it, for a page showing `text`."""
    wanted = frozenset(ord(c) for c in text)
    rules = []
    for face in faces(fonts_css, folder, name):
        if face.path.suffix.lower() not in FORMATS:
            continue
        try:
            stamp = _stamp(face.path)
        except OSError as exc:
            raise BuildError(
                f"{face.where}: cannot read the font {face.path.name} ({exc.strerror}) — put the "
                "font file where this @font-face says, or correct its url()"
            ) from exc
        try:
            coverage = _coverage(stamp)
        except Exception as exc:  # fontTools raises many kinds on a damaged file
            raise BuildError(
                f"{face.where}: {face.path.name} is not a font packet can read ({exc}) — "
                "replace it with a TrueType or OpenType file"
            ) from exc
        if not _used(wanted & coverage):
            continue
        woff = _woff(stamp, (wanted | REPERTOIRE) & coverage)
        source = "data:font/woff;base64," + base64.b64encode(woff).decode("ascii")
        descriptors = "".join(f" {key}: {value};" for key, value in face.descriptors)
        rules.append(f'@font-face {{{descriptors} src: url("{source}") format("woff"); }}')
    return "\n".join(rules)
