"""Packet -> HTML text (Jinja) and HTML text -> PDF bytes (WeasyPrint).

Templates are looked up by name in the project's templates/ folder first, then
in packet's own theme, so a project can override any one file. Rendering may
read only files inside the project or the theme; any other URL (the network,
files elsewhere on the machine) is refused and reported. WeasyPrint reports
problems (a missing image, CSS it ignores, a missing glyph) only through its
logger; they are captured here and returned as warnings.

WeasyPrint is imported only when a PDF is made: commands that do not render
start quickly.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote, urlparse

import jinja2

from .assemble import Packet
from .errors import BuildError
from .perf import fewer_collections

if TYPE_CHECKING:
    from weasyprint.text.fonts import FontConfiguration

THEME = Path(__file__).parent / "theme"
# Fixed timestamp for font subsets (fontTools stamps the time otherwise): same inputs, same bytes.
REPRODUCIBLE_EPOCH = "0"
# Notices about the machine, not the packet: without libharfbuzz-subset WeasyPrint subsets
# fonts with fontTools (slower, same result once SOURCE_DATE_EPOCH is fixed).
MACHINE_NOTICES = ("Using fontTools instead of HarfBuzz-Subset",)


def template_environment(project_root: Path) -> jinja2.Environment:
    loader = jinja2.FileSystemLoader([project_root / "templates", THEME])
    return jinja2.Environment(
        loader=loader,
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def _source(env: jinja2.Environment, name: str) -> tuple[str, Path]:
    assert env.loader is not None
    text, filename, _ = env.loader.get_source(env, name)
    return text, Path(filename or "").parent


# Where the embedded fonts go in the HTML packet; filled in once the page's text is known.
_FONTS_MARK = "/* packet: embedded fonts */"


def render_html(packet: Packet, project_root: Path, *, screen: bool = False) -> str:
    """The packet as HTML: for WeasyPrint to print, or (`screen`) the HTML packet itself.

    The HTML packet is one self-contained file for browsers: the shipped fonts inside it
    (webfonts.py), a screen stylesheet for phones and laptops, links in place of page numbers.
    """
    env = template_environment(project_root)
    try:
        css, _ = _source(env, "packet.css")
        large, _ = _source(env, "large-print.css")
        screen_css = _source(env, "screen.css")[0] if screen else ""
        html = env.get_template("packet.html.j2").render(
            packet=packet,
            css=css,
            large_print_css=large,
            screen=screen,
            screen_css=screen_css,
            fonts_css=_FONTS_MARK,
        )
        if screen:
            from .webfonts import embedded_css

            fonts_css, fonts_dir = _source(env, "fonts.css")
            root = project_root.resolve()
            shown = (
                (fonts_dir.resolve() / "fonts.css").relative_to(root).as_posix()
                if root in fonts_dir.resolve().parents
                else "packet's theme fonts.css"
            )
            fonts = embedded_css(fonts_css, fonts_dir, html, shown)
            html = html.replace(_FONTS_MARK, fonts, 1)
        return html
    except jinja2.TemplateSyntaxError as exc:
        raise BuildError(
            f"{exc.filename or exc.name}:{exc.lineno}: template syntax: {exc.message}"
        ) from exc
    except jinja2.TemplateNotFound as exc:
        raise BuildError(
            f"template '{exc.name}' not found in templates/ or packet's theme"
        ) from exc
    except jinja2.UndefinedError as exc:
        raise BuildError(f"template error: {exc.message}") from exc


@dataclass(frozen=True)
class PdfResult:
    data: bytes
    pages: int
    warnings: tuple[str, ...]


class _Capture(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        message = record.getMessage()
        if not message.startswith(MACHINE_NOTICES):
            self.messages.append(message)


def _inside(path: Path, roots: tuple[Path, ...]) -> bool:
    return any(path == root or root in path.parents for root in roots)


def _make_fetcher(roots: tuple[Path, ...]) -> Any:
    from weasyprint.urls import URLFetcher

    class ProjectOnlyFetcher(URLFetcher):  # type: ignore[misc]
        """Loads data: URLs and files inside the project or theme; refuses everything else."""

        def fetch(self, url: str, headers: Any = None) -> Any:
            scheme = url.split(":", 1)[0].lower()
            if scheme == "data":
                return super().fetch(url, headers)
            if scheme == "file":
                path = Path(unquote(urlparse(url).path)).resolve()
                if _inside(path, roots) and path.is_file():
                    return super().fetch(url, headers)
                raise ValueError(f"refused {url}: only files inside the project are used")
            raise ValueError(f"refused {url}: packets never load anything from the network")

    return ProjectOnlyFetcher(allowed_protocols={"file", "data"}, timeout=5)


class PdfRenderer:
    """Renders HTML to PDF; one instance shares fonts and caches across many packets."""

    def __init__(self, project_root: Path) -> None:
        os.environ.setdefault("SOURCE_DATE_EPOCH", REPRODUCIBLE_EPOCH)
        from weasyprint import CSS
        from weasyprint.text.fonts import FontConfiguration

        self.root = project_root.resolve()
        env = template_environment(self.root)
        fonts_css, fonts_dir = _source(env, "fonts.css")
        self.roots = (self.root, THEME.resolve(), fonts_dir.resolve())
        self.fetcher = _make_fetcher(self.roots)
        self.font_config: FontConfiguration = FontConfiguration()
        self.capture = _Capture()
        logger = logging.getLogger("weasyprint")
        logger.addHandler(self.capture)
        try:
            self.fonts = CSS(
                string=fonts_css,
                base_url=fonts_dir.as_uri() + "/",
                url_fetcher=self.fetcher,
                font_config=self.font_config,
            )
        finally:
            logger.removeHandler(self.capture)
        self.cache: dict[str, Any] = {}

    def render(self, html: str) -> PdfResult:
        from weasyprint import HTML

        logger = logging.getLogger("weasyprint")
        capture = _Capture()
        logger.addHandler(capture)
        try:
            with fewer_collections():
                document = HTML(
                    string=html, base_url=self.root.as_uri() + "/", url_fetcher=self.fetcher
                ).render(stylesheets=[self.fonts], font_config=self.font_config, cache=self.cache)
                data = document.write_pdf(pdf_variant="pdf/ua-1", pdf_tags=True)
        except Exception as exc:  # WeasyPrint raises many kinds; none must leave a traceback
            raise BuildError(f"PDF rendering failed: {exc}") from exc
        finally:
            logger.removeHandler(capture)
        warnings = tuple(dict.fromkeys(self.capture.messages + capture.messages))
        self.capture.messages.clear()
        return PdfResult(data, len(document.pages), warnings)
