"""Packet -> HTML text (Jinja) and HTML text -> PDF bytes (WeasyPrint).

Templates are looked up by name in the project's templates/ folder first, then
in packet's own theme, so a project can override any one file. A project may come
from someone else, so its templates are untrusted: they run in Jinja's sandbox with
only what the theme itself uses (`FILTERS`, `GLOBALS`), within limits of time and
size, and every template file is read through `files.read_file`. Any error in a
template is reported at its file and line.

Rendering may read only files inside the project or the theme; any other URL (the
network, files elsewhere on the machine) is refused and reported. The HTML packet
keeps the same rule (selfcontained.py): what it would load from elsewhere is
dropped with a warning. WeasyPrint reports problems (a missing image, CSS it
ignores, a missing glyph) only through its logger; they are captured here and
returned as warnings, placed at the stylesheet's own line where they come from one.

WeasyPrint is imported only when a PDF is made: commands that do not render
start quickly.
"""

from __future__ import annotations

import base64
import contextlib
import logging
import mimetypes
import os
import re
import string
import time
import warnings
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote, urlparse

import jinja2
from jinja2 import nodes
from jinja2.bccache import Bucket
from jinja2.exceptions import SecurityError
from jinja2.loaders import split_template_path
from jinja2.sandbox import ImmutableSandboxedEnvironment
from jinja2.visitor import NodeTransformer
from markupsafe import Markup

from .errors import BuildError
from .files import MAX_FONT_BYTES, Refused, read_file
from .i18n import ENGLISH, SOURCE, Words, same_language
from .layout import FONTS_CSS, TEMPLATES, input_roots, inside
from .markup import typeset
from .perf import fewer_collections

if TYPE_CHECKING:
    from jinja2.runtime import Context
    from weasyprint.text.fonts import FontConfiguration

    from .assemble import Packet
    from .choices import Printout

THEME = Path(__file__).parent / "theme"
# Fixed timestamp for font subsets (fontTools stamps the time otherwise): same inputs, same bytes.
REPRODUCIBLE_EPOCH = "0"
# Notices about the machine, not the packet: without libharfbuzz-subset WeasyPrint subsets
# fonts with fontTools (slower, same result once SOURCE_DATE_EPOCH is fixed).
MACHINE_NOTICES = ("Using fontTools instead of HarfBuzz-Subset",)

# What a template may use: exactly what packet's own theme uses (a test checks the theme
# needs no more), and the filters earlier themes used, so a project's template copied from
# one keeps working (`safe` leaves packet's HTML, already `Markup`, as it is). Jinja's tests
# (`is defined`, `is odd`) stay: they only compare values.
THEME_FILTERS = ("join", "length", "map")
EARLIER_FILTERS = ("list", "safe", "selectattr")
FILTERS = tuple(sorted(THEME_FILTERS + EARLIER_FILTERS))
GLOBALS = ("range", "_", "ui_lang")  # `_`: packet's own words (i18n.Words)
# Limits that keep a hostile template from exhausting the machine.
MAX_VALUE = 10_000_000  # characters (or items) of any one value a template makes
MAX_PAGE = 50_000_000  # characters of a whole page
# A template or stylesheet: Jinja needs about 1.3 GB to compile a megabyte of template, and the
# theme's largest file is a few tens of kilobytes.
MAX_TEMPLATE_BYTES = 250_000
MAX_IMAGE_PIXELS = 40_000_000  # Pillow warns above this, and refuses an image of twice it
MAX_STEPS = 1_000_000  # rounds of all the loops of a page (the whole unit makes a few thousand)
MAX_BITS = 100_000  # of a whole number (a 30,000-digit number)
MAX_WIDTH = 10_000  # padding or width in a format string or a str method
MAX_SECONDS = 60.0  # a whole unit renders in well under a second
_WIDTHS = ("center", "ljust", "rjust", "zfill", "expandtabs")

# What the PDF may load from the project: a template's <link rel=attachment> or url() must
# not carry the project's other files (.git/config, the output folder) into a handout.
FETCHED = frozenset(
    {".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif", ".svg", ".bmp", ".tif", ".tiff", ".ico"}
    | {".ttf", ".otf", ".ttc", ".woff", ".woff2", ".css"}
)

_CAN_USE = (
    "a template may use the values packet gives it (packet, screen), range() and the filters "
    + ", ".join(FILTERS)
)


def _typeset(value: object) -> object:
    """Every plain text a template prints, whatever file it came from, set as the Markdown
    is (curly quotes, dashes); HTML already made (`Markup`) and other values as they are."""
    if isinstance(value, str) and not isinstance(value, Markup):
        return typeset(value)
    return value


class _Sandbox(ImmutableSandboxedEnvironment):
    """Jinja's sandbox (no private attributes, no mutating lists or dicts), narrowed to the
    theme's filters and globals, with limits of time and size."""

    intercepted_binops = frozenset({"*", "**", "%", "+"})

    def __init__(self, loader: _Loader) -> None:
        super().__init__(
            loader=loader,
            autoescape=True,
            undefined=jinja2.StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
            bytecode_cache=_COMPILED,
            finalize=_typeset,
        )
        self.filters = {name: self.filters[name] for name in FILTERS}
        self.globals = {"range": self._range}
        self.deadline = time.monotonic() + MAX_SECONDS
        self.counted = 0  # rounds of every loop of the page

    def _parse(self, source: str, name: str | None, filename: str | None) -> nodes.Template:
        """The template's syntax tree, every loop counting its rounds (`steps`): a loop
        gives the sandbox no other chance to stop it."""
        tree: nodes.Template = _SizedConcat().visit(super()._parse(source, name, filename))
        for loop in tree.find_all(nodes.For):
            loop.iter = nodes.Call(
                nodes.EnvironmentAttribute("steps"), [loop.iter], [], None, None
            ).set_lineno(loop.lineno)
        return tree

    def sized(self, value: Any) -> Any:
        """`value`, if it is not too long (what `~` joined)."""
        self.tick()
        if isinstance(value, str | bytes | list | tuple | dict):
            _limit(len(value), "a value")
        return value

    def steps(self, items: Iterable[Any]) -> Iterator[Any]:
        for item in items:
            self.counted += 1
            if self.counted > MAX_STEPS:
                raise SecurityError(f"the page's loops run more than {MAX_STEPS:,} rounds")
            self.tick()
            yield item

    def tick(self) -> None:
        if time.monotonic() > self.deadline:
            raise SecurityError(f"the template has run for more than {MAX_SECONDS:g} seconds")

    def _range(self, *args: int) -> range:
        numbers = range(*args)
        _limit(len(numbers), "range()")
        return numbers

    def getattr(self, obj: Any, attribute: str) -> Any:
        self.tick()
        if isinstance(obj, jinja2.StrictUndefined):
            str(obj)  # raises: "'cycler' is undefined", not "… of 'StrictUndefined' is unsafe"
        return super().getattr(obj, attribute)

    def getitem(self, obj: Any, argument: Any) -> Any:
        self.tick()
        return super().getitem(obj, argument)

    def call(__self, __context: Context, __obj: Any, *args: Any, **kwargs: Any) -> Any:
        __self.tick()
        owner = getattr(__obj, "__self__", None)
        if isinstance(owner, str | bytes):
            name = getattr(__obj, "__name__", "")
            if name in _WIDTHS and any(isinstance(a, int) and a > MAX_WIDTH for a in args):
                raise SecurityError(f"a width of more than {MAX_WIDTH:,} in {name}()")
            if name == "replace" and len(args) >= 2:
                old, new = args[0], args[1]
                if isinstance(owner, str) and isinstance(old, str) and isinstance(new, str):
                    _limit(len(owner) + owner.count(old) * max(0, len(new) - len(old)), name)
            if name == "join":
                args = (list(args[0]), *args[1:]) if args else args
                if args:
                    _limit(sum(len(a) for a in args[0] if isinstance(a, str | bytes)), name)
        for value in (*args, *kwargs.values()):
            if isinstance(value, str | bytes | list | tuple | dict):
                _limit(len(value), "a value")  # a macro calling itself, doubling its text
        result = super().call(__context, __obj, *args, **kwargs)
        if isinstance(result, str | bytes | list | tuple | dict):
            _limit(len(result), "a value")
        return result

    def call_binop(self, context: Context, operator: str, left: Any, right: Any) -> Any:
        self.tick()
        if operator == "%" and isinstance(left, str | bytes):
            raise SecurityError("formatting with % is not available in templates")
        if operator == "*":
            if isinstance(left, int) and isinstance(right, int):
                _check_bits(left.bit_length() + right.bit_length())
            for seq, count in ((left, right), (right, left)):
                if isinstance(seq, str | bytes | list | tuple) and isinstance(count, int):
                    _limit(len(seq) * count, "a value")
        if operator == "+":
            both = (str, bytes, list, tuple)
            if isinstance(left, both) and isinstance(right, both):
                _limit(len(left) + len(right), "a value")
        if operator == "**" and isinstance(left, int) and isinstance(right, int) and abs(left) > 1:
            _check_bits(left.bit_length() * right)
        return super().call_binop(context, operator, left, right)

    def wrap_str_format(self, value: Any) -> Callable[..., str] | None:
        owner = getattr(value, "__self__", None)
        if isinstance(owner, str) and getattr(value, "__name__", "") in ("format", "format_map"):
            _check_format(owner)
        return super().wrap_str_format(value)


class _SizedConcat(NodeTransformer):
    """Every `a ~ b` checked for its length (`_Sandbox.sized`), so doubling a string in a
    loop of `{% set %}` cannot fill the memory."""

    def visit_Concat(self, node: nodes.Concat) -> nodes.Node:
        checked = self.generic_visit(node)
        return nodes.Call(
            nodes.EnvironmentAttribute("sized"), [checked], [], None, None
        ).set_lineno(node.lineno)


def _limit(size: int, what: str) -> None:
    if size > MAX_VALUE:
        raise SecurityError(f"{what} would be longer than {MAX_VALUE:,} characters")


def _check_bits(bits: int) -> None:
    if bits > MAX_BITS:
        raise SecurityError("a number too large for a template")


def _check_format(text: str) -> None:
    """Refuse format strings whose widths or nested fields could fill the memory."""
    try:
        fields = list(string.Formatter().parse(text))
    except ValueError:
        return  # str.format reports it
    for _, _, spec, _ in fields:
        if spec and ("{" in spec or any(int(n) > MAX_WIDTH for n in re.findall(r"\d+", spec))):
            raise SecurityError(f"the format '{{:{spec}}}' asks for too wide a field")


class _Loader(jinja2.BaseLoader):
    """The project's templates/ over packet's theme; every file read through `read_file`."""

    def __init__(self, project_root: Path) -> None:
        self.root = project_root.resolve()
        self.folders = (self.root / TEMPLATES, THEME)
        # Templates come from templates/ itself: a link to the project's other files (its
        # .git/config, say) would print them.
        # templates/ is taken where it stands: if it is itself a link (to the project's own
        # folder, say), the files reached through it are refused, not read.
        self.roots = (self.root / TEMPLATES, THEME.resolve())
        self.loaded: dict[str, Path] = {}  # file name Jinja knows it by -> path
        self.sources: dict[Path, str] = {}  # the project's own templates, for `locate`

    def get_source(
        self, environment: jinja2.Environment, template: str
    ) -> tuple[str, str, Callable[[], bool] | None]:
        pieces = split_template_path(template)  # refuses '..'
        for folder in self.folders:
            path = folder.joinpath(*pieces)
            if not (path.is_symlink() or path.exists()):
                continue
            if _inside_elsewhere(path, self.root, self.roots):
                raise BuildError(
                    f"{shown(path, self.root)}: is a link to a file outside templates/; a "
                    "template or stylesheet is read only from there — replace the link with "
                    "a copy of the file"
                )
            try:
                text = read_file(path, self.roots, MAX_TEMPLATE_BYTES).decode("utf-8")
            except Refused as exc:
                raise BuildError(f"{shown(path, self.root)}: {exc}") from exc
            except UnicodeDecodeError as exc:
                raise BuildError(
                    f"{shown(path, self.root)}: not UTF-8 text (byte {exc.start + 1}) — "
                    "save the file as UTF-8"
                ) from exc
            self.loaded[str(path)] = path
            if folder != THEME:
                self.sources[path] = text
            return text, str(path), None
        raise jinja2.TemplateNotFound(template)

    def locate(self, text: str) -> str | None:
        """Where `text` is written in the project's own templates, as `path:line:col`."""
        for path, source in self.sources.items():
            if (index := source.find(text)) >= 0:
                line = source.count("\n", 0, index) + 1
                return f"{shown(path, self.root)}:{line}:{index - source.rfind(chr(10), 0, index)}"
        return None


def _inside_elsewhere(path: Path, root: Path, roots: Sequence[Path]) -> bool:
    """Whether `path` leads to a file in the project at `root` but not under `roots`."""
    try:
        real = path.resolve()
    except (OSError, RuntimeError):  # a loop of links: read_file says so
        return False
    return inside(real, [root]) and not inside(real, roots)


def shown(path: Path, root: Path) -> str:
    """A file as a message names it: relative to the project, or in full (packet's theme)."""
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return str(path)


class _Compiled(jinja2.BytecodeCache):
    """Templates compiled in this process, shared by the environments it makes.

    Each page gets an environment of its own (its limits of time and loop rounds start
    afresh), and compiling the theme's templates again for each was two fifths of making
    the HTML. Jinja files compiled code by template name and file, and checks it against a
    hash of the source it was compiled from, so a template edited under `packet serve` is
    compiled again. Every environment is a `_Sandbox` with the same options, so code
    compiled for one is the code any other would compile.
    """

    MOST = 256  # templates kept; the theme has about thirty

    def __init__(self) -> None:
        self.codes: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        if (code := self.codes.get(bucket.key)) is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: Bucket) -> None:
        if len(self.codes) >= self.MOST:
            self.codes.pop(next(iter(self.codes)))
        self.codes[bucket.key] = bucket.bytecode_to_string()


_COMPILED = _Compiled()


def template_environment(
    project_root: Path, words: Words = ENGLISH, content: str = "en"
) -> jinja2.Environment:
    """The sandbox a packet's templates run in: `_` gives packet's own `words`, and
    `ui_lang` is the attribute (` lang="fr"`) an element holding them carries when their
    language is not the content's."""
    env = _Sandbox(_Loader(project_root))
    env.globals["_"] = words
    env.globals["ui_lang"] = ui_lang(words.catalogue_tag, content)
    return env


def css_string(text: str) -> str:
    """`text` as a CSS string, quoted: backslashes, quotes and line ends escaped, and `<`
    so that no translation can end the <style> element it is printed in."""
    escaped = "".join(f"\\{ord(c):x} " if c in '"\\<>\n\r' else c for c in text)
    return f'"{escaped}"'


def css_content(message: str, **values: str) -> str:
    """A translated message as a CSS `content` value: its text quoted, each `{name}` the
    CSS given for it (`counter(page)`)."""
    parts = re.split(r"\{([a-z_]+)\}", message)
    tokens = [
        (values[part] if index % 2 else css_string(part))
        for index, part in enumerate(parts)
        if index % 2 or part
    ]
    return " ".join(tokens) or '""'


def words_css(words: Words, *, screen: bool = False, printout: bool = False) -> Markup:
    """The words packet's stylesheets print (a page's number, "(p. 3)", the teacher's
    labels, the contents' running head), in `words`' language: rules that follow the
    stylesheet and replace its English. Nothing for English, so English pages stay as the
    stylesheets make them."""
    if words.catalogue == SOURCE:
        return Markup()
    page = css_content(
        words.say("Page {page} of {pages}"), page="counter(page)", pages="counter(pages)"
    )
    see = css_content(words.say("(p. {page})"), page="target-counter(attr(href), page)")
    teacher = css_string(words.say("FOR THE TEACHER"))
    edition = css_string(words.say("TEACHER EDITION"))
    colon = css_string(words.say("{label}:", label=""))  # after a headnote's labels
    rules = [
        f"@page {{ @bottom-center {{ content: {page}; }} }}",
        f".headnote dt::after {{ content: {colon}; }}",
    ]
    if printout:
        rules.append(f"@page {{ @top-right {{ content: {teacher}; }} }}")
    elif screen:
        rules.append(f".edition-teacher body::before {{ content: {edition}; }}")
    else:
        contents = css_string(words.say("Contents"))  # the running head over the contents
        rules.append(f'.seepage::after {{ content: " " {see}; }}')
        rules.append(f".contents-title {{ string-set: section {contents}; }}")
    return Markup("\n" + "\n".join(rules) + "\n")


def ui_lang(words: str, content: str) -> Markup:
    """` lang="fr"` for an element of packet's own words in `words` when the content around
    it is in another language (screen readers switch voices); else nothing."""
    if same_language(words, content):
        return Markup()
    return Markup(' lang="{}"').format(words)


def _loader(env: jinja2.Environment) -> _Loader:
    assert isinstance(env.loader, _Loader)
    return env.loader


def _source(env: jinja2.Environment, name: str) -> tuple[str, Path]:
    text, filename, _ = _loader(env).get_source(env, name)
    return text, Path(filename).parent


def _stylesheet(env: jinja2.Environment, name: str) -> Markup:
    """A stylesheet's text, for a template to put inside <style> as it is."""
    return Markup(_source(env, name)[0])


def _sheet(env: jinja2.Environment, name: str) -> tuple[str, str]:
    """A stylesheet's (name as messages show it, text)."""
    loader = _loader(env)
    text, folder = _source(env, name)
    return shown(folder / name, loader.root), text


# Where the embedded fonts go in the HTML packet; filled in once the page's text is known.
_FONTS_MARK = "/* packet: embedded fonts */"


def render_html(
    packet: Packet, project_root: Path, *, screen: bool = False, warnings: list[str] | None = None
) -> str:
    """The packet as HTML: for WeasyPrint to print, or (`screen`) the HTML packet itself.

    The HTML packet is one self-contained file for browsers: the shipped fonts inside it
    (webfonts.py), a screen stylesheet for phones and laptops, links in place of page numbers.
    Anything in it that would load from elsewhere is dropped (selfcontained.py); what was
    dropped is added to `warnings`, each as `path:line:col: what — how to fix` where known.
    """
    words = Words(packet.ui_language)
    env = template_environment(project_root, words, packet.language)
    html = _page(
        env,
        "packet.html.j2",
        packet=packet,
        css=_stylesheet(env, "packet.css") + words_css(words, screen=screen),
        booklet_css=_stylesheet(env, "booklet.css"),
        large_print_css=_stylesheet(env, "large-print.css"),
        screen=screen,
        screen_css=_stylesheet(env, "screen.css") if screen else Markup(),
        fonts_css=Markup(_FONTS_MARK),
    )
    if not screen:
        return html
    with reproducible():  # the font subsets carry a timestamp, as in the PDF
        page = _self_contained(html, env, _loader(env), warnings)
    # packet's own script, added after the page is stripped of every other (answers.py)
    from .answers import answerable

    return answerable(page, packet)


def render_printout(
    packet: Packet, project_root: Path, printout: Printout, compact: bool = False
) -> str:
    """The teacher's printout `printout` (printouts.py) of the teacher edition `packet` as
    HTML for WeasyPrint: `answer-key.html.j2` or `lesson-plan.html.j2`, with packet.css and
    printout.css; `compact`, the lesson plan's shorter form."""
    from .printouts import answer_key, lesson_plan, variant_name

    words = Words(packet.ui_language)
    env = template_environment(project_root, words, packet.language)
    made: dict[str, object]
    if printout == "answer-key":
        made = {"key": answer_key(packet)}
    else:
        made = {"plan": lesson_plan(packet, compact)}
    return _page(
        env,
        f"{printout}.html.j2",
        packet=packet,
        variant=variant_name(packet),
        css=_stylesheet(env, "packet.css"),
        printout_css=_stylesheet(env, "printout.css") + words_css(words, printout=True),
        **made,
    )


def _page(env: jinja2.Environment, name: str, **context: Any) -> str:
    """The template `name` rendered, any error in it a `BuildError` at its file and line."""
    loader = _loader(env)
    try:
        return _render(env, name, **context)
    except jinja2.TemplateSyntaxError as exc:
        where = shown(Path(exc.filename), loader.root) if exc.filename else exc.name
        raise BuildError(
            f"{where}:{exc.lineno}: template syntax: {exc.message}{_hint(exc)}"
        ) from exc
    except jinja2.TemplateNotFound as exc:
        raise BuildError(
            f"{_at(exc, loader)}template '{exc.name}' not found in templates/ or packet's theme"
        ) from exc
    except BuildError:
        raise
    except Exception as exc:  # anything a template's expression raises: at its file and line
        message = getattr(exc, "message", None) or str(exc) or type(exc).__name__
        raise BuildError(f"{_at(exc, loader)}template error: {message}{_hint(exc)}") from exc


def _self_contained(
    html: str, env: jinja2.Environment, loader: _Loader, warnings: list[str] | None
) -> str:
    """The HTML packet carrying its images, fonts and stylesheets, loading nothing else."""
    from .selfcontained import contain
    from .webfonts import embedded_css

    sheets = [_sheet(env, name) for name in ("packet.css", "large-print.css", "screen.css")]
    html, dropped = contain(
        html,
        loader.root,
        (*input_roots(loader.root), THEME),
        place=lambda css, line, col: _placed_at(css, sheets, line, col),
        locate=loader.locate,
        check=bool(loader.sources),  # the project's own markup: check it as browsers read it
    )
    fonts_css, fonts_dir = _source(env, FONTS_CSS)
    fonts, font_warnings = embedded_css(
        fonts_css,
        fonts_dir,
        html,
        shown(fonts_dir / FONTS_CSS, loader.root),
        (*input_roots(loader.root), THEME),
    )
    if warnings is not None:
        warnings.extend(dropped + font_warnings)
    # In the first <style>: a title (in <title>, before it) may say anything, the marker too.
    at = html.find(_FONTS_MARK, max(html.find("<style"), 0))
    return html if at < 0 else html[:at] + fonts + html[at + len(_FONTS_MARK) :]


def _render(env: jinja2.Environment, name: str, **context: Any) -> str:
    """A template rendered, refusing a page longer than `MAX_PAGE` characters."""
    parts, size = [], 0
    for part in env.get_template(name).generate(**context):
        size += len(part)
        if size > MAX_PAGE:
            raise SecurityError(f"the page would be longer than {MAX_PAGE:,} characters")
        parts.append(part)
    return "".join(parts)


def _at(exc: BaseException, loader: _Loader) -> str:
    """`path:line: ` of the innermost template line in `exc`'s traceback (Jinja rewrites
    tracebacks so that template code shows as the template's own lines), or ''."""
    found = ""
    tb = exc.__traceback__
    while tb is not None:
        path = loader.loaded.get(tb.tb_frame.f_code.co_filename)
        if path is not None:
            found = f"{shown(path, loader.root)}:{tb.tb_lineno}: "
        tb = tb.tb_next
    return found


def _hint(exc: BaseException) -> str:
    message = str(exc)
    if isinstance(exc, SecurityError) and "unsafe" in message:
        return f" — templates cannot reach Python's internals; {_CAN_USE}"
    if isinstance(exc, SecurityError):
        return " — simplify the template"
    if message.startswith(("No filter named", "No test named")) or (
        isinstance(exc, jinja2.UndefinedError) and "is undefined" in message
    ):
        return f" — {_CAN_USE}"
    if isinstance(exc, jinja2.UndefinedError):
        return " — check the spelling against packet's theme templates"
    if isinstance(exc, jinja2.TemplateSyntaxError):
        return ""
    if isinstance(exc, RecursionError):
        return " — a template includes or calls itself without end"
    return " — correct the expression on this line"


# -- stylesheets in the page -------------------------------------------------------------------

_STYLE = re.compile(r"<style\b[^>]*>(.*?)</style\s*>", re.IGNORECASE | re.DOTALL)
_POSITION = re.compile(r" at (\d+):(\d+)")


@dataclass(frozen=True)
class Placed:
    """Where one stylesheet file sits in a <style> element of the page."""

    name: str  # the file, as messages show it
    line: int  # the element's line (1-based) where the file's text begins
    col: int  # the column of its first character on that line
    text: str

    def position(self, line: int, col: int) -> tuple[int, int] | None:
        """A (line, col) in the element as a (line, col) in the file, if it is there."""
        if not self.line <= line < self.line + self.text.count("\n") + 1:
            return None
        if line == self.line:
            col -= self.col - 1
        return (line - self.line + 1, col) if col >= 1 else None

    def starts_with(self, line: int, col: int, word: str) -> bool:
        text = self.text.split("\n")[line - 1][col - 1 :]
        return text.lower().startswith(word.lower())


def _place_in(content: str, sheets: Sequence[tuple[str, str]]) -> list[Placed]:
    """Where each stylesheet (name, text) was copied into one <style> element's `content`."""
    placed = []
    for name, text in sheets:
        if text.strip() and (index := content.find(text)) >= 0:
            line = content.count("\n", 0, index) + 1
            placed.append(Placed(name, line, index - content.rfind("\n", 0, index), text))
    return placed


def place_stylesheets(html: str, sheets: Sequence[tuple[str, str]]) -> list[Placed]:
    """Where each stylesheet (name, text) was copied into the page's <style> elements."""
    return [placed for m in _STYLE.finditer(html) for placed in _place_in(m[1], sheets)]


def _placed_at(content: str, sheets: Sequence[tuple[str, str]], line: int, col: int) -> str | None:
    """A position in a <style> element's `content` as `file:line:col`, if a file is there."""
    for sheet in _place_in(content, sheets):
        if where := sheet.position(line, col):
            return f"{sheet.name}:{where[0]}:{where[1]}"
    return None


def _first_word(message: str) -> str | None:
    """What a WeasyPrint message quotes at its position: a property name, an at-rule."""
    if m := re.search(r"`([^`:]+)", message):
        return m[1].strip()
    if m := re.search(r"(@[a-z-]+) rule", message):
        return m[1]
    return None


def place_warning(message: str, placed: Sequence[Placed]) -> str:
    """A WeasyPrint warning positioned in a <style> element (`Ignored … at 3:5, …`) as one
    positioned in the stylesheet file it comes from (`templates/packet.css:2:5: Ignored …`).
    WeasyPrint does not say which element; where several could hold the position, the one
    with the quoted property or rule there is taken, and if none can be told, the warning
    is left as it was."""
    m = _POSITION.search(message)
    if m is None:
        return message
    line, col = int(m[1]), int(m[2])
    fits = [(sheet, where) for sheet in placed if (where := sheet.position(line, col))]
    word = _first_word(message)
    if word is not None:
        fits = [(sheet, where) for sheet, where in fits if sheet.starts_with(*where, word)]
    if not fits or (word is None and len({(s.name, w) for s, w in fits}) > 1):
        return message
    sheet, (file_line, file_col) = fits[0]
    return f"{sheet.name}:{file_line}:{file_col}: {message[: m.start()]}{message[m.end() :]}"


# -- PDF ---------------------------------------------------------------------------------------


def _preflight(document: Any) -> list[str]:
    """The print preflight's findings on a rendered document, as warnings. A page it cannot
    read (a drawing it does not understand, say) is one warning, not a failed build."""
    from .preflight import preflight

    try:
        return [finding.warning() for finding in preflight(document)]
    except Exception as exc:  # the PDF is still made; what could not be checked is said
        return [
            f"the print preflight could not check this packet ({type(exc).__name__}: {exc}); "
            "the PDF is made unchecked — look at its pages before printing"
        ]


@dataclass(frozen=True)
class PdfResult:
    data: bytes
    pages: int
    warnings: tuple[str, ...]
    anchors: dict[str, int]  # each element id → the page it starts on (1-based)


class _Capture(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        message = record.getMessage()
        if not message.startswith(MACHINE_NOTICES):
            self.messages.append(message)


def _make_fetcher(roots: tuple[Path, ...]) -> Any:
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class ProjectOnlyFetcher(URLFetcher):  # type: ignore[misc]
        """Loads data: URLs and files inside the project or theme (through `read_file`: no
        links out, devices or pipes, nothing too large); refuses everything else."""

        def fetch(self, url: str, headers: Any = None) -> Any:
            scheme = url.split(":", 1)[0].lower()
            if scheme == "data":
                if url[5:].lstrip().lower().startswith("image/svg"):
                    _check_svg(url, _data_url_bytes(url))
                return super().fetch(url, headers)
            if scheme == "file":
                path = Path(os.path.normpath(unquote(urlparse(url).path)))
                if not inside(path, roots):
                    raise ValueError(
                        f"refused {url}: only files inside the project (its content/, seeds/ "
                        "and templates/) are used"
                    )
                if path.suffix.lower() not in FETCHED:  # not .git/config as an "attachment"
                    raise ValueError(
                        f"refused {url}: a packet uses only images, fonts and stylesheets"
                    )
                try:
                    data = read_file(path, roots, MAX_FONT_BYTES)
                except Refused as exc:
                    raise ValueError(f"refused {url}: {exc}") from exc
                if path.suffix.lower() == ".svg":
                    _check_svg(url, data)
                elif path.suffix.lower() in RASTER and not _raster(data):
                    raise ValueError(
                        f"refused {url}: it is not the picture its name says (a PNG, JPEG, "
                        "GIF, WebP, AVIF, BMP, TIFF or ICO); packet draws no other kind"
                    )
                mime = mimetypes.guess_type(path.name)[0] or "text/plain"
                return URLFetcherResponse(
                    url.split("?")[0],
                    data,
                    {"Content-Type": mime, "Content-Length": str(len(data))},
                )
            raise ValueError(f"refused {url}: packets never load anything from the network")

    return ProjectOnlyFetcher(allowed_protocols={"file", "data"}, timeout=5)


RASTER = frozenset(
    {".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif", ".bmp", ".tif", ".tiff", ".ico"}
)


def _raster(data: bytes) -> bool:
    """Whether `data` begins as a picture packet draws does. WeasyPrint hands a picture to
    Pillow, which reads any format it knows by its bytes — an EPS file by running
    Ghostscript — so a shared unit's "poster.png" must be a picture, not a program."""
    return (
        data.startswith((b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"GIF87a", b"GIF89a", b"BM",
                         b"II*\x00", b"MM\x00*", b"\x00\x00\x01\x00"))
        or (data[:4] == b"RIFF" and data[8:12] == b"WEBP")
        or data[4:12] in (b"ftypavif", b"ftypavis")
    )  # fmt: skip


def _data_url_bytes(url: str) -> bytes:
    """The bytes a `data:` URL holds."""
    header, _, payload = url[5:].partition(",")
    if header.lower().endswith(";base64"):
        return base64.b64decode(payload + "=" * (-len(payload) % 4), validate=False)
    return unquote(payload).encode("utf-8")


def _check_svg(url: str, data: bytes) -> None:
    """Refuse an SVG that would take WeasyPrint without end to draw (svgcheck.py)."""
    from .svgcheck import SvgRefused, check_svg

    try:
        check_svg(data)
    except (SvgRefused, ValueError) as exc:
        raise ValueError(f"refused {url[:80]}: {exc}") from exc


@contextlib.contextmanager
def reproducible() -> Iterator[None]:
    """SOURCE_DATE_EPOCH fixed while fonts are subset (fontTools stamps the time otherwise, so
    the same inputs would not give the same bytes), then the environment as it was. A value
    the teacher set is kept."""
    before = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = REPRODUCIBLE_EPOCH if before is None else before
    try:
        yield
    finally:
        if before is None:
            os.environ.pop("SOURCE_DATE_EPOCH", None)


@contextlib.contextmanager
def _image_limit(image: Any) -> Iterator[None]:
    """Pillow's limit of pixels at MAX_IMAGE_PIXELS while a PDF is made, then as it was. A
    190 kB PNG can hold 13,000 x 13,000 pixels, half a gigabyte to draw; a printed page at
    300 dpi needs under 9 million."""
    before = image.MAX_IMAGE_PIXELS
    image.MAX_IMAGE_PIXELS = MAX_IMAGE_PIXELS
    try:
        yield
    finally:
        image.MAX_IMAGE_PIXELS = before


def _tag_languages() -> None:
    """WeasyPrint 70 tags a PDF's structure (PDF/UA) without the language of an element
    whose `lang` differs from the document's: packet's own words in French around English
    content (`ui_lang`). Each tag made for such an element gets its /Lang, so a screen
    reader switches voice. Wraps WeasyPrint's own tag builder once per process (packet
    pins WeasyPrint to 70.x; `tests/test_i18n.py` reads the tags back)."""
    import pydyf
    from weasyprint.pdf import tags

    if getattr(tags._build_box_tree, "packet_lang", False):
        return
    build = tags._build_box_tree

    def with_lang(box: Any, parent: Any, *rest: Any) -> Iterator[Any]:
        element = getattr(box, "element", None)
        own = getattr(box, "element_tag", None) not in (None, "html", "body")
        lang = element.get("lang") if element is not None and own else None
        for tag in build(box, parent, *rest):
            if lang and "Lang" not in tag:
                tag["Lang"] = pydyf.String(lang)
            yield tag

    with_lang.packet_lang = True  # type: ignore[attr-defined]
    tags._build_box_tree = with_lang


class PdfRenderer:
    """Renders HTML to PDF; one instance shares fonts and caches across many packets."""

    def __init__(self, project_root: Path) -> None:
        from weasyprint import CSS
        from weasyprint.text.fonts import FontConfiguration

        _tag_languages()

        self.root = project_root.resolve()
        env = template_environment(self.root)
        fonts_css, fonts_dir = _source(env, FONTS_CSS)
        # The stylesheets copied into each page, to place WeasyPrint's warnings about them.
        self.sheets = [
            _sheet(env, name)
            for name in ("packet.css", "booklet.css", "large-print.css", "printout.css")
        ]
        fonts_sheet = Placed(shown(fonts_dir / FONTS_CSS, self.root), 1, 1, fonts_css)
        # Images, fonts and stylesheets only from the project's own folders and the theme:
        # not its .git, its outputs or anything else beside them.
        self.roots = (*input_roots(self.root), THEME.resolve())
        self.fetcher = _make_fetcher(self.roots)
        self.font_config: FontConfiguration = FontConfiguration()
        capture = _Capture()
        logger = logging.getLogger("weasyprint")
        logger.addHandler(capture)
        try:
            self.fonts = CSS(
                string=fonts_css,
                base_url=fonts_dir.as_uri() + "/",
                url_fetcher=self.fetcher,
                font_config=self.font_config,
            )
        finally:
            logger.removeHandler(capture)
        # Reported with the first packet rendered.
        self.font_warnings = [place_warning(m, [fonts_sheet]) for m in capture.messages]
        self.cache: dict[str, Any] = {}

    def render(self, html: str) -> PdfResult:
        from PIL import Image
        from weasyprint import HTML

        logger = logging.getLogger("weasyprint")
        capture = _Capture()
        logger.addHandler(capture)
        try:
            with (
                fewer_collections(),
                reproducible(),
                _image_limit(Image),
                warnings.catch_warnings(record=True) as caught,
            ):
                warnings.simplefilter("always", Image.DecompressionBombWarning)
                document = HTML(
                    string=html, base_url=self.root.as_uri() + "/", url_fetcher=self.fetcher
                ).render(stylesheets=[self.fonts], font_config=self.font_config, cache=self.cache)
                findings = _preflight(document)
                data = document.write_pdf(pdf_variant="pdf/ua-1", pdf_tags=True)
        except Exception as exc:  # WeasyPrint raises many kinds; none must leave a traceback
            raise BuildError(f"PDF rendering failed: {exc}") from exc
        finally:
            logger.removeHandler(capture)
        placed = place_stylesheets(html, self.sheets)
        messages = self.font_warnings + [place_warning(m, placed) for m in capture.messages]
        messages += findings
        messages += [
            f"an image of more than {MAX_IMAGE_PIXELS:,} pixels ({w.message}); "
            "scale it down to the size it prints at"
            for w in caught
            if issubclass(w.category, Image.DecompressionBombWarning)
        ]
        self.font_warnings = []
        anchors: dict[str, int] = {}
        for number, page in enumerate(document.pages, start=1):
            for anchor in page.anchors:
                anchors.setdefault(anchor, number)
        return PdfResult(data, len(document.pages), tuple(dict.fromkeys(messages)), anchors)
