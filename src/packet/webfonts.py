"""The HTML packet's fonts: the faces of fonts.css, cut down and embedded in the page.

The HTML packet is one self-contained file — a teacher uploads it to a learning
platform or sends it on — so it must look like the printout and load nothing. Each
@font-face of fonts.css (packet's theme, or the project's own override) becomes a
WOFF font inside the page as a data: URL, subset with fontTools to a fixed
repertoire (Latin, Latin-1, Latin Extended-A, punctuation) plus whatever else the
packet uses. The fixed part means most packets need the very same subsets, so a
build makes each face once. A face none of whose letters, digits or symbols the
packet uses (the Khmer face, in an English packet) is left out.

Font files come only from the project or packet's theme, read through
`files.read_file`. A url() elsewhere is refused by where it points, before anything
is looked up, so the message is the same whether or not such a file exists; a face
on the network is left out with a warning.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import io
import os
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote

import tinycss2

from .errors import BuildError
from .files import MAX_FONT_BYTES, Refused, read_file
from .layout import FONTS_CSS, inside

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
    path: Path | None  # where its url() points (not followed: links are read_file's to judge)
    where: str  # "templates/fonts.css:7", for messages
    url: str  # as written


def _src_url(value: list[tinycss2.ast.Node]) -> str | None:
    """The url() of a `src` descriptor: a url token, or url("…") with a string."""
    for token in value:
        if token.type == "url":
            return str(token.value)
        if token.type == "function" and token.lower_name == "url" and token.arguments:
            first = next((t for t in token.arguments if t.type == "string"), None)
            if first is not None:
                return str(first.value)
    return None


def faces(fonts_css: str, folder: Path, name: str = FONTS_CSS) -> list[Face]:
    """The @font-face rules of fonts.css (shown as `name`), relative to its `folder`."""
    found = []
    for rule in tinycss2.parse_stylesheet(fonts_css, skip_comments=True, skip_whitespace=True):
        if rule.type != "at-rule" or rule.lower_at_keyword != "font-face" or not rule.content:
            continue
        descriptors, url = [], None
        for item in tinycss2.parse_blocks_contents(rule.content, skip_whitespace=True):
            if item.type != "declaration":
                continue
            if item.lower_name == "src":
                url = _src_url(item.value)
            else:
                descriptors.append((item.lower_name, tinycss2.serialize(item.value).strip()))
        if url is None:
            continue
        local = ":" not in url.split("/", 1)[0] and not url.startswith("//")
        path = Path(os.path.normpath(folder / unquote(url.split("?")[0].split("#")[0])))
        found.append(
            Face(tuple(descriptors), path if local else None, f"{name}:{rule.source_line}", url)
        )
    return found


# The caches below are keyed by the file's path, size and modification time, so a
# long-running `packet serve` notices a font replaced under it; and by the folders it may
# come from, so a font is never served from the cache to a project that may not read it.
Stamp = tuple[Path, int, int, int, tuple[Path, ...]]


def _stamp(path: Path, roots: tuple[Path, ...]) -> Stamp:
    status = path.stat()
    return path, status.st_size, status.st_mtime_ns, status.st_ino, roots


@functools.lru_cache(maxsize=8)
def _font_bytes(stamp: Stamp) -> bytes:
    return read_file(stamp[0], stamp[4], MAX_FONT_BYTES)


@functools.lru_cache(maxsize=8)
def _coverage(stamp: Stamp) -> frozenset[int]:
    from fontTools.ttLib import TTFont

    return frozenset(TTFont(io.BytesIO(_font_bytes(stamp)), lazy=True).getBestCmap())


@functools.lru_cache(maxsize=64)
def _woff(stamp: Stamp, chars: frozenset[int]) -> bytes:
    """The font cut down to `chars`, as WOFF: made once on this machine for each font and
    repertoire (a second apiece for the theme's text faces), then kept in the user's cache."""
    from .cache import digest, remembered, tool_fingerprint

    font = _font_bytes(stamp)
    key = digest(
        tool_fingerprint(),
        hashlib.sha256(font).hexdigest(),
        repr(sorted(chars)),
        os.environ.get("SOURCE_DATE_EPOCH", ""),  # the time stamped in the subset
    )
    return remembered("fonts", key, lambda: _subset(font, chars), MAX_FONT_BYTES)


def _subset(font_bytes: bytes, chars: frozenset[int]) -> bytes:
    from fontTools import subset
    from fontTools.ttLib import TTFont

    options = subset.Options()  # fontTools' default features: kerning, ligatures, marks and
    options.flavor = "woff"  # the shaping that complex scripts such as Khmer need
    options.hinting = False  # screens today smooth outlines themselves; a third of the size
    options.name_IDs = NAME_RECORDS
    options.notdef_outline = True
    font = TTFont(io.BytesIO(font_bytes))
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=sorted(chars))
    subsetter.subset(font)
    out = io.BytesIO()
    font.save(out)
    return out.getvalue()


def _used(chars: Iterable[int]) -> bool:
    """Whether any of `chars` is a letter, digit or symbol (not only spaces and punctuation)."""
    return any(unicodedata.category(chr(c))[0] in "LNS" for c in chars)


def embedded_css(
    fonts_css: str,
    folder: Path,
    text: str,
    name: str = FONTS_CSS,
    roots: Iterable[Path] = (),
) -> tuple[str, list[str]]:
    """fonts.css (shown as `name`) with its usable faces inside it, for a page showing `text`,
    and warnings about the faces left out. Font files must lie under `roots` (the project
    and the theme; by default, `folder`)."""
    allowed = tuple(r.resolve() for r in roots) or (folder.resolve(),)
    wanted = frozenset(map(ord, set(text)))
    rules, warnings = [], []
    for face in faces(fonts_css, folder, name):
        if face.path is None:
            if not face.url.lower().startswith("data:"):
                warnings.append(
                    f"{face.where}: the font '{face.url[:60]}' is not a file in the project, "
                    "and the HTML packet loads nothing from elsewhere; it is left out — "
                    "save the font in templates/fonts/ and name it there"
                )
            continue
        if face.path.suffix.lower() not in FORMATS:
            continue
        if not inside(face.path, allowed):
            raise BuildError(
                f"{face.where}: the font '{face.url}' is outside the project; packet embeds "
                "only fonts from the project or its theme — copy the font into templates/fonts/ "
                "and name it there"
            )
        try:
            try:
                stamp = _stamp(face.path, allowed)
            except OSError:
                read_file(face.path, allowed, MAX_FONT_BYTES)  # says why, as every refusal does
                raise
            coverage = _coverage(stamp)
        except Refused as exc:
            hint = exc.hint or "put the font file where this @font-face says, or correct its url()"
            raise BuildError(
                f"{face.where}: cannot read the font {face.path.name} ({exc.message}) — {hint}"
            ) from exc
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
    # A descriptor is copied as fonts.css has it; `<` is escaped (CSS reads `\3c ` as `<`) so
    # that nothing in it can end the <style> the faces go into.
    return "\n".join(rules).replace("<", "\\3c "), warnings
