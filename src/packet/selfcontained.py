"""The HTML packet is one self-contained file: nothing in it loads from elsewhere.

The PDF gets this from WeasyPrint's URL fetcher (render.py), which loads only the
project's and the theme's files. A browser has no such fetcher, so the HTML packet is
cleaned by the same rule before it is written. Every reference the page would load (an
image, a stylesheet or its @import, a url() in CSS, a frame, a form's target) is

- kept if it loads nothing: a data: image or font, a #fragment, a link a reader follows;
- embedded as a data: URL if it is an image, font or stylesheet inside the project, read
  through `files.read_file` (an @import'ed stylesheet is cleaned in turn); or
- dropped with a warning: the network, files outside the project, anything else. Scripts
  and event handlers are dropped too: a packet runs no code.

Edits touch only what is dropped or embedded; the rest of the page stays byte for byte.
The page is read with the standard library's HTML parser, which is quick but does not read
malformed markup exactly as browsers do; so when the project's own templates made the page,
the cleaned page is read again as browsers read it (an HTML5 parser) and anything still
loading from elsewhere stops the build.
"""

from __future__ import annotations

import base64
import binascii
import os
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from html import escape
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import unquote, unquote_to_bytes, urlsplit

import tinycss2

from .errors import BuildError
from .files import MAX_FILE_BYTES, MAX_FONT_BYTES, Refused, read_file
from .layout import inside
from .lint import allowed_link

IMAGES = {
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".gif": "image/gif",
    ".webp": "image/webp",
    ".avif": "image/avif",
    ".svg": "image/svg+xml",
}
FONTS = {".ttf": "font/ttf", ".otf": "font/otf", ".woff": "font/woff", ".woff2": "font/woff2"}
MAX_IMPORTS = 8  # @import inside @import, this deep at most

# Attributes whose value a browser loads, or sends something to, by itself or on a click.
LOADING = frozenset(
    {
        "src", "srcset", "imagesrcset", "poster", "data", "href", "xlink:href", "action",
        "formaction", "ping", "manifest", "background", "codebase", "archive", "code",
        "classid", "lowsrc", "dynsrc", "srcdoc",
    }
)  # fmt: skip
IMAGE_TAGS = frozenset({"img", "input", "image", "feimage"})  # src / href is an image
FRAME_TAGS = frozenset({"iframe", "frame", "object", "embed", "applet", "portal", "fencedframe"})
LINK_TAGS = frozenset({"a", "area"})  # href is followed only when the reader clicks
# At-rules whose block holds rules rather than declarations.
RULE_LISTS = frozenset(
    {"media", "supports", "layer", "container", "document", "-moz-document", "scope",
     "starting-style"}
)  # fmt: skip
# Functions in CSS whose string arguments are URLs.
IMAGE_FUNCTIONS = frozenset({"image-set", "-webkit-image-set", "image", "cross-fade"})

# Every way CSS can name something to load has one of these (an escape may hide the rest).
_MAY_LOAD = re.compile(r"url|src|import|image|fade|\\", re.IGNORECASE)
_SCHEME = re.compile(r"^([a-z][a-z0-9+.-]*):", re.IGNORECASE)
_NETWORK = frozenset({"http", "https", "ftp", "ws", "wss", "ftps", "sftp", "gopher"})
# A browser ignores leading and trailing spaces and controls, and tabs and newlines anywhere.
_EDGES = "".join(chr(c) for c in range(0x21))
_INSIDE = re.compile(r"[\t\n\r]")

Place = Callable[[str, int, int], str | None]  # (a <style>'s CSS, line, col) -> "path:line:col"
Locate = Callable[[str], str | None]  # markup as written -> "path:line:col" in a template


@dataclass(frozen=True)
class _Drop:
    why: str
    hint: str


@dataclass
class _Refs:
    """What becomes of each reference: kept as it is, embedded, or dropped (and why)."""

    root: Path  # the base of the page's relative references: the project, as for the PDF
    roots: tuple[Path, ...]  # where embedded files may come from
    embed: bool = True  # False: embed nothing, only tell what would load (the check)
    notes: list[str] = field(default_factory=list)  # drops inside @import'ed files
    chain: tuple[Path, ...] = ()  # the @import'ed files being read, outermost first

    def decide(self, raw: str, kind: str, base: Path | None = None) -> str | _Drop:
        """The value to write for reference `raw` of `kind` ("image", "css", "import",
        "other", "frame", "link"), relative to `base` (default: the project)."""
        url = _INSIDE.sub("", raw.strip(_EDGES))
        if url.startswith("#"):
            return raw
        if kind == "link":
            if allowed_link(url) and not url.lower().startswith("data:"):
                return raw
            return _Drop("is not a link packet keeps", "link only to web pages, e-mail or the page")
        scheme = m[1].lower() if (m := _SCHEME.match(url)) else ""
        if scheme == "data":
            return self._data(raw, url, kind)
        path = self._local_file(url, scheme, kind, base)
        if isinstance(path, _Drop):
            return path
        return self._embedded(path, kind)

    def _local_file(self, url: str, scheme: str, kind: str, base: Path | None) -> Path | _Drop:
        """The project file that `url` names, or why the HTML packet does not carry it."""
        try:
            parts = urlsplit(url)
        except ValueError:
            return _Drop("is not a URL packet can read", "correct it")
        if scheme in _NETWORK or (parts.netloc and parts.netloc != "localhost"):
            return _Drop(
                "is on the network, and packets load nothing from elsewhere",
                "save the file in the project and refer to it there",
            )
        if scheme not in ("", "file"):
            return _Drop(f"uses '{scheme}:', which packets never load", "remove it")
        if kind in ("other", "frame"):
            return _Drop(
                "is a file the HTML packet cannot carry inside it",
                "remove it, or show an image instead",
            )
        path = Path(os.path.normpath((base or self.root) / unquote(parts.path)))
        if not inside(path, self.roots):
            return _Drop(
                "is outside the project", "copy the file into the project and refer to the copy"
            )
        return path

    def _embedded(self, path: Path, kind: str) -> str | _Drop:
        """The file at `path` as a data: URL, read and checked as its kind requires."""
        types = {"image": IMAGES, "css": IMAGES | FONTS, "import": {".css": "text/css"}}[kind]
        mime = types.get(path.suffix.lower())
        if mime is None:
            return _Drop(
                "is not an image, font or stylesheet the HTML packet can carry inside it",
                "use a .png, .jpg, .gif, .webp or .svg image",
            )
        if not self.embed:
            return _Drop("is a file, not part of the page", "")
        try:
            data = read_file(
                path, self.roots, MAX_FILE_BYTES if kind == "import" else MAX_FONT_BYTES
            )
        except Refused as exc:
            return _Drop(exc.message, exc.hint)
        if mime == "image/svg+xml":
            from .svgcheck import SvgRefused, check_svg

            try:
                check_svg(data)
            except SvgRefused as exc:
                return _Drop(str(exc), "draw the image more simply, or save it as a PNG")
        if kind == "import":
            cleaned = self._stylesheet(data, path)
            if isinstance(cleaned, _Drop):
                return cleaned
            data = cleaned.encode("utf-8")
        return f"data:{mime};base64,{base64.b64encode(data).decode('ascii')}"

    def _data(self, raw: str, url: str, kind: str) -> str | _Drop:
        header, _, payload = url[5:].partition(",")
        mime = header.split(";", 1)[0].strip().lower() or "text/plain"
        allowed = {
            "image": ("image/",),
            "css": ("",),  # a url() in a declaration is only ever an image, a font, a cursor
            "other": ("image/", "font/", "audio/", "video/"),
            "import": ("text/css",),
        }.get(kind, ())
        if not mime.startswith(allowed):
            return _Drop(f"is a data: URL of type {mime}", "remove it")
        if kind != "import":
            return raw
        try:
            if header.lower().endswith(";base64"):
                data = base64.b64decode(unquote(payload), validate=False)
            else:
                data = unquote_to_bytes(payload)
        except (binascii.Error, ValueError):
            return _Drop("is not a data: URL packet can read", "remove it")
        cleaned = self._stylesheet(data, None)
        if isinstance(cleaned, _Drop):
            return cleaned
        if cleaned == data.decode("utf-8"):
            return raw
        return f"data:text/css;base64,{base64.b64encode(cleaned.encode('utf-8')).decode('ascii')}"

    def _stylesheet(self, data: bytes, path: Path | None) -> str | _Drop:
        """An @import'ed stylesheet, cleaned in turn; drops inside it go to `notes`."""
        if len(self.chain) >= MAX_IMPORTS or (path is not None and path in self.chain):
            return _Drop("imports stylesheets too deep, or in a circle", "import it only once")
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            return _Drop("is not UTF-8 text", "save the stylesheet as UTF-8")
        inner = _Refs(
            self.root, self.roots, self.embed, self.notes, (*self.chain, path or Path("data:"))
        )
        # A data: stylesheet has no folder: its relative references lead nowhere.
        cleaned, drops = clean_css(text, inner, base=path.parent if path else Path("/nowhere"))
        name = _shown(path, self.root) if path else "an @import'ed data: stylesheet"
        self.notes.extend(f"{name}:{line}:{col}: {message}" for line, col, message in drops)
        return cleaned


def _shown(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return str(path)


def _message(what: str, url: str, drop: _Drop) -> str:
    shown = url if len(url) <= 80 else url[:77] + "…"
    why = f"it {drop.why}" if drop.why.startswith(("is ", "uses ", "cannot ")) else drop.why
    text = f"{what} '{shown}' is left out of the HTML packet: {why}"
    return f"{text} — {drop.hint}" if drop.hint else text


# -- CSS ---------------------------------------------------------------------------------------


def clean_css(
    css: str, refs: _Refs, *, base: Path | None = None, inline: bool = False
) -> tuple[str, list[tuple[int, int, str]]]:
    """`css` with every reference embedded or dropped, and what was dropped as (line, col,
    message), positions in `css`. `inline`: the declarations of a style="" attribute.
    Nothing to change: `css` itself, unchanged."""
    if not _MAY_LOAD.search(css):
        return css, []  # the usual case, and the theme's: nothing in it can load anything
    cleaner = _Css(refs, base)
    if inline:
        text = cleaner.declarations(tinycss2.parse_blocks_contents(css))
    else:
        text = cleaner.rules(tinycss2.parse_stylesheet(css))
    return (text if cleaner.changed else css), cleaner.drops


class _Css:
    def __init__(self, refs: _Refs, base: Path | None) -> None:
        self.refs = refs
        self.base = base
        self.changed = False
        self.drops: list[tuple[int, int, str]] = []

    def rules(self, nodes: Sequence[Any]) -> str:
        out = []
        for node in nodes:
            if node.type == "at-rule" and node.lower_at_keyword == "import":
                out.append(self.import_rule(node))
            elif node.type in ("qualified-rule", "at-rule") and node.content is not None:
                head = tinycss2.serialize(node.prelude)
                if node.type == "at-rule":
                    head = f"@{node.at_keyword}{head}"
                if node.type == "at-rule" and node.lower_at_keyword in RULE_LISTS:
                    body = self.rules(tinycss2.parse_rule_list(node.content))
                else:
                    body = self.declarations(tinycss2.parse_blocks_contents(node.content))
                out.append(f"{head}{{{body}}}")
            else:
                out.append(_serialize(node))
        return "".join(out)

    def declarations(self, nodes: Sequence[Any]) -> str:
        out = []
        for node in nodes:
            if node.type == "declaration":
                value = self.value(node.value)
                if value is None:
                    self.changed = True
                    continue
                important = "!important" if node.important else ""
                out.append(f"{node.name}:{value}{important};")
            elif node.type in ("qualified-rule", "at-rule"):
                out.append(self.rules([node]))
            else:
                out.append(_serialize(node))
        return "".join(out)

    def value(self, tokens: Sequence[Any]) -> str | None:
        """A declaration's value with its references embedded; None: drop the declaration."""
        out = []
        for token in tokens:
            if token.type == "url":
                new = self.reference(token.value, token, "css")
                if new is None:
                    return None
                out.append(_serialize(token) if new == token.value else _css_url(new))
            elif token.type == "function" and token.lower_name in ("url", "src"):
                url = self.url_function(token)
                if url is None:
                    return None
                out.append(url)
            elif token.type == "function":
                inner = self.arguments(token)
                if inner is None:
                    return None
                out.append(f"{tinycss2.serialize_identifier(token.name)}({inner})")
            elif token.type in ("() block", "[] block", "{} block"):
                inner = self.value(token.content)
                if inner is None:
                    return None
                opening = token.type[0]
                out.append(f"{opening}{inner}{')]}'['([{'.index(opening)]}")
            else:
                out.append(_serialize(token))
        return "".join(out)

    def url_function(self, token: Any) -> str | None:
        """A url("…") or src("…") with its reference embedded; None: drop the declaration."""
        strings = [t for t in token.arguments if t.type not in ("whitespace", "comment")]
        if len(strings) != 1 or strings[0].type != "string":
            self.drop(token, tinycss2.serialize([token]), _Drop("is not a plain url", ""))
            return None
        new = self.reference(strings[0].value, token, "css")
        if new is None:
            return None
        return _serialize(token) if new == strings[0].value else _css_url(new)

    def arguments(self, function: Any) -> str | None:
        if function.lower_name not in IMAGE_FUNCTIONS:
            return self.value(function.arguments)
        out = []
        for token in function.arguments:
            if token.type == "string":
                new = self.reference(token.value, token, "css")
                if new is None:
                    return None
                out.append(_serialize(token) if new == token.value else _css_string(new))
            else:
                inner = self.value([token])
                if inner is None:
                    return None
                out.append(inner)
        return "".join(out)

    def import_rule(self, rule: Any) -> str:
        tokens = [t for t in rule.prelude if t.type not in ("whitespace", "comment")]
        first = tokens[0] if tokens else None
        url = None
        if first is not None and first.type in ("url", "string"):
            url = first.value
        elif first is not None and first.type == "function" and first.lower_name in ("url", "src"):
            url = next((t.value for t in first.arguments if t.type == "string"), None)
        if url is None:
            self.drop(rule, tinycss2.serialize(rule.prelude).strip(), _Drop("is unreadable", ""))
            return ""
        new = self.reference(url, rule, "import")
        if new is None:
            return ""
        if new == url:
            return _serialize(rule)
        rest = tinycss2.serialize(rule.prelude[rule.prelude.index(first) + 1 :])
        return f"@import {_css_url(new)}{rest};"

    def reference(self, url: str, node: Any, kind: str) -> str | None:
        decided = self.refs.decide(url, kind, self.base)
        if isinstance(decided, _Drop):
            self.drop(node, url, decided, "@import" if kind == "import" else "url()")
            return None
        if decided != url:
            self.changed = True
        return decided

    def drop(self, node: Any, url: str, why: _Drop, what: str = "url()") -> None:
        self.changed = True
        self.drops.append((node.source_line, node.source_column, _message(what, url, why)))


def _serialize(node: Any) -> str:
    return "" if node.type == "error" and node.kind == "invalid" else tinycss2.serialize([node])


def _css_string(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\a ") + '"'


def _css_url(value: str) -> str:
    return f"url({_css_string(value)})"


# -- HTML --------------------------------------------------------------------------------------


def _attribute(
    tag: str, name: str, value: str | None, attrs: dict[str, str | None], refs: _Refs
) -> tuple[str | None, list[str]]:
    """What becomes of one attribute of a `tag`: its value (None: left out), and warnings."""
    if value is None:
        return value, []
    if name.startswith("on"):
        return None, [f"the {name}= attribute is left out of the HTML packet — packets run no code"]
    if name == "style":
        css, drops = clean_css(value, refs, inline=True)
        return css, [message for _, _, message in drops]
    if tag == "meta" and name == "content" and (attrs.get("http-equiv") or "").lower() == "refresh":
        return None, ["<meta http-equiv=refresh> is left out of the HTML packet — remove it"]
    if tag in ("animate", "set") and name == "attributename" and value.lower().endswith("href"):
        # <animate attributeName="href" values="javascript:…"> makes a link run code
        return None, [f"an SVG <{tag}> of a link is left out of the HTML packet — remove it"]
    if name not in LOADING:
        return value, []
    if name in ("srcset", "imagesrcset", "srcdoc"):
        drop = _Drop("can load from elsewhere", "give the image as src= instead")
        return None, [_message(f"<{tag}> {name}=", value, drop)]
    decided = refs.decide(value, _reference_kind(tag, name))
    if isinstance(decided, _Drop):
        what = "image" if tag == "img" else f"<{tag}> {name}="
        return None, [_message(what, value, decided)]
    return decided, []


def _reference_kind(tag: str, name: str) -> str:
    """What a loading attribute of a `tag` loads, as `_Refs.decide` sorts it: a link a reader
    follows, a frame, an image, or anything else."""
    if name in ("href", "xlink:href") and tag in LINK_TAGS:
        return "link"
    if tag in FRAME_TAGS:
        return "frame"
    if tag in IMAGE_TAGS or name == "poster":
        return "image"
    return "other"


class _Page(HTMLParser):
    """One pass over the page, noting the edits that make it self-contained."""

    def __init__(self, html: str, refs: _Refs, place: Place, locate: Locate) -> None:
        super().__init__(convert_charrefs=True)
        self.html = html
        self.refs = refs
        self.place = place
        self.locate = locate
        self.line_starts = [0, *(m.end() for m in re.finditer("\n", html))]
        self.edits: list[tuple[int, int, str]] = []
        self.warnings: list[str] = []
        self.style_at: int | None = None  # where the open <style>'s CSS begins
        self.script_at: int | None = None  # where the open <script> begins

    def here(self) -> int:
        line, col = self.getpos()
        return self.line_starts[line - 1] + col

    def warn(self, raw: str, message: str) -> None:
        where = self.locate(raw.strip())
        self.warnings.append(f"{where}: {message}" if where else message)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tag(tag, attrs, closed=False)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tag(tag, attrs, closed=True)

    def tag(self, tag: str, attrs: list[tuple[str, str | None]], closed: bool) -> None:
        raw = self.get_starttag_text() or ""
        start = self.here()
        if tag == "script":
            self.warn(raw, "<script> is left out of the HTML packet — packets run no code")
            if closed:
                self.edits.append((start, start + len(raw), ""))
            else:
                self.script_at = start
            return
        if tag == "style" and not closed:
            self.style_at = start + len(raw)
        values = dict(attrs)
        kept, changed = [], False
        for name, value in attrs:
            new, warnings = _attribute(tag, name, value, values, self.refs)
            for warning in warnings:
                self.warn(raw, warning)
            changed = changed or new != value
            if new is not None:
                kept.append((name, new))
        if changed:
            self.edits.append((start, start + len(raw), _start_tag(raw, tag, kept, closed)))

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self.script_at is not None:
            end = self.html.find(">", self.here()) + 1 or len(self.html)
            self.edits.append((self.script_at, end, ""))
            self.script_at = None
        elif tag == "style" and self.style_at is not None:
            self.style(self.style_at, self.here())
            self.style_at = None

    def close(self) -> None:
        super().close()
        if self.script_at is not None:
            self.edits.append((self.script_at, len(self.html), ""))
        if self.style_at is not None:
            self.style(self.style_at, len(self.html))

    def style(self, start: int, end: int) -> None:
        css = self.html[start:end]
        cleaned, drops = clean_css(css, self.refs)
        for line, col, message in drops:
            where = self.place(css, line, col)
            self.warnings.append(f"{where}: {message}" if where else message)
        if cleaned != css:
            self.edits.append((start, end, cleaned))

    def result(self) -> str:
        html = self.html
        for start, end, text in sorted(self.edits, reverse=True):
            html = html[:start] + text + html[end:]
        return html


def _start_tag(raw: str, tag: str, attrs: list[tuple[str, str]], closed: bool) -> str:
    name = raw[1 : 1 + len(tag)]
    written = "".join(f' {key}="{escape(value, quote=True)}"' for key, value in attrs)
    return f"<{name}{written}{' />' if closed else '>'}"


def contain(
    html: str,
    root: Path,
    roots: Sequence[Path],
    *,
    place: Place = lambda css, line, col: None,
    locate: Locate = lambda text: None,
    check: bool = False,
) -> tuple[str, list[str]]:
    """The page with nothing loading from elsewhere, and a warning for each thing dropped.

    `root` is the base of relative references (the project: the PDF's base too), `roots`
    where embedded files may come from. `place` names a <style>'s position in its stylesheet
    file, `locate` markup in the template that wrote it. `check`: read the result again as
    a browser would (when the project's own templates made the page)."""
    refs = _Refs(root.resolve(), tuple(r.resolve() for r in roots))
    page = _Page(html, refs, place, locate)
    page.feed(html)
    page.close()
    cleaned = page.result()
    if check and (left := _still_loading(cleaned, refs)):
        raise BuildError(
            f"the HTML packet would still load {left[0]}: the project's templates write markup "
            "that browsers read differently from packet — write plain, well-formed HTML in "
            "templates/ (no <script>, nothing inside <svg> or <math> that loads a file)"
        )
    return cleaned, page.warnings + refs.notes


def _still_loading(html: str, refs: _Refs) -> list[str]:
    """What in `html`, read as browsers read it, would still load from elsewhere."""
    import tinyhtml5  # WeasyPrint's HTML5 parser

    detect = _Refs(refs.root, refs.roots, embed=False)
    found = []
    # Read as a browser reads it, with scripting on (a <noscript>'s content is then text, so
    # markup hidden in it as an attribute value comes out) and off.
    elements = [
        *tinyhtml5.parse(html, scripting=True).iter(),
        *tinyhtml5.parse(html).iter(),
    ]
    for element in elements:
        if not isinstance(element.tag, str):
            continue  # a comment
        tag = element.tag.rsplit("}", 1)[-1].lower()
        if tag == "script":
            found.append("a <script>")
        attrs = {key.rsplit("}", 1)[-1].lower(): value for key, value in element.attrib.items()}
        for name, value in attrs.items():
            new, warnings = _attribute(tag, name, value, attrs, detect)
            if warnings or new != value:
                found.append(f"<{tag} {name}='{str(value)[:60]}'>")
        if tag == "style":
            text = "".join(element.itertext())
            if clean_css(text, detect)[1]:
                found.append(f"a <style> with {text.strip()[:60]!r}")
    return found
