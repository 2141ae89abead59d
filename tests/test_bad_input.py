"""The catalogue of bad inputs: each case breaks one thing in a copy of this project, runs
`packet build 1-roots` (or the command it names) and checks the exit status, the message —
`path:line:col: what — how to fix` — and that the output folder is exactly as it was:
no partial file, the previous PDF byte-identical.

Some inputs are not errors but traps a naive tool falls into (YAML 1.1's `NO` → false, a BOM,
decomposed accents); for those the case says what must come out instead.
"""

from __future__ import annotations

import codecs
import errno
import os
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import copy_project, snapshot
from packet.cli import main

PREVIOUS = b"%PDF-1.7 the previous good output\n"
ORIGINS = "content/modules/origins.md"
LESSON = "content/lessons/1-roots.yaml"
GLOSSARY = "content/glossary.yaml"
TIMELINE = "content/timeline.yaml"


def replace(rel: str, old: str, new: str, count: int = 1) -> Callable[[Path], None]:
    def edit(root: Path) -> None:
        path = root / rel
        text = path.read_text(encoding="utf-8")
        assert old in text, f"{rel}: {old!r} not found"
        path.write_text(text.replace(old, new, count), encoding="utf-8")

    return edit


def write(rel: str, content: str | bytes) -> Callable[[Path], None]:
    def edit(root: Path) -> None:
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")

    return edit


def append(rel: str, text: str) -> Callable[[Path], None]:
    def edit(root: Path) -> None:
        path = root / rel
        path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")

    return edit


def body(text: str) -> Callable[[Path], None]:
    """Add a paragraph at the end of the origins module's body."""
    return append(ORIGINS, f"\n{text}\n")


def symlink(rel: str, target: str) -> Callable[[Path], None]:
    """Make `rel` a symbolic link to `target` (absolute, or relative to the link)."""

    def edit(root: Path) -> None:
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.unlink(missing_ok=True)
        path.symlink_to(target)

    return edit


def fifo(rel: str) -> Callable[[Path], None]:
    def edit(root: Path) -> None:
        os.mkfifo(root / rel)

    return edit


def output_file(name: str, content: str | bytes) -> Callable[[Path], None]:
    def edit(root: Path) -> None:
        path = root / "output" / name
        path.write_bytes(content.encode() if isinstance(content, str) else content)

    return edit


def nothing_printed_from(path: str) -> Callable[[Path, str], None]:
    """The file outside the project was not read into the message or any output."""

    def check(root: Path, out: str) -> None:
        secret = Path(path).read_text(encoding="utf-8").split("\n")[0]
        assert secret not in out
        for built in (root / "output").iterdir():
            if built.is_file():
                assert secret.encode() not in built.read_bytes()

    return check


def survives(name: str, content: bytes) -> Callable[[Path, str], None]:
    def check(root: Path, out: str) -> None:
        assert (root / "output" / name).read_bytes() == content

    return check


def rebuilt_cleanly(root: Path, out: str) -> None:
    """After a build that ignored a damaged manifest, the next build is quiet and cached."""
    again = CliRunner().invoke(
        main,
        ["--project", str(root), "build", "1-roots", "--edition", "student", "--format", "pdf"],
    )
    assert again.exit_code == 0, again.output
    assert ".packet-build.json" not in again.output and "up to date" in again.output


def forged_manifest(root: Path) -> None:
    """A unit shipped with its output/: the teacher edition saved as the student one, and a
    manifest that calls it up to date — signed, but not with this machine's key."""
    import hashlib
    import hmac
    import json

    args = ["--project", str(root), "build", "1-roots", "--format", "html"]
    assert CliRunner().invoke(main, args).exit_code == 0
    out = root / "output"
    teacher = (out / "1-roots-teacher.html").read_bytes()
    (out / "1-roots-student.html").write_bytes(teacher)
    data = json.loads((out / ".packet-build.json").read_text("utf-8"))
    data.pop("signature")
    data["outputs"]["1-roots-student.html"]["sha256"] = hashlib.sha256(teacher).hexdigest()
    canonical = json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    data["signature"] = hmac.new(b"k" * 32, canonical.encode(), hashlib.sha256).hexdigest()
    (out / ".packet-build.json").write_text(json.dumps(data), "utf-8")


def svg_bomb(root: Path) -> None:
    """A 1 kB SVG whose <use> elements, ten to a level and eight levels deep, draw 10^8 shapes."""
    levels = ['<g id="l0"><rect width="1" height="1"/></g>']
    for i in range(1, 9):
        levels.append(f'<g id="l{i}">' + f'<use href="#l{i - 1}"/>' * 10 + "</g>")
    svg = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><defs>'
    (root / "content" / "bomb.svg").write_text(
        svg + "".join(levels) + '</defs><use href="#l8"/></svg>'
    )
    body("![A pattern](content/bomb.svg)")(root)


def big_image(root: Path) -> None:
    """A 6 kB PNG of 7,000 x 7,000 pixels: small on disk, half a gigabyte to draw."""
    from PIL import Image

    Image.new("1", (7000, 7000)).save(root / "content" / "big.png")
    body("![A large scan](content/big.png)")(root)


def encode(rel: str, encoding: str) -> Callable[[Path], None]:
    def edit(root: Path) -> None:
        path = root / rel
        path.write_bytes(path.read_text(encoding="utf-8").encode(encoding))

    return edit


MODULE = """---
title: {title}
summary: A test module.
questions:
  - ask: What?
    answer: This.
provenance:
  - {{seed: encyclopedia, passage: "It was purportedly set up in 1967"}}
---
Body text.
"""


@dataclass
class Case:
    id: str
    setup: Callable[[Path], None]
    code: int = 1
    message: str = ""  # a regular expression the output must match
    args: tuple[str, ...] = ("build", "1-roots", "--edition", "student", "--format", "pdf")
    then: Callable[[Path, str], None] | None = None  # more checks on (project, output)
    unchanged: bool = True  # the output folder must be exactly as before
    extra: dict[str, str] = field(default_factory=dict)


def cover_says(root: Path, text: str) -> None:
    from conftest import pdf_text

    cover = pdf_text(root / "output" / "1-roots-student.pdf")[0]
    assert text in cover.split("\n") and "False" not in cover


def decomposed_quote(root: Path) -> None:
    """A seed with a precomposed é, quoted in content with e + combining acute accent."""
    (root / "seeds" / "cafe.txt").write_text(
        "The Café Procope opened in Paris.\n", encoding="utf-8"
    )
    (root / "seeds" / "cafe.txt.meta.yaml").write_text(
        "id: cafe\nfile: cafe.txt\nshort: Cafe\nkind: document\nkind_basis: A test.\n"
        "title: The Café Procope opened in Paris\n",
        encoding="utf-8",
    )
    append(
        GLOSSARY,
        "- id: procope\n  term: Procope\n  definition: A café.\n  source: cafe\n"
        "  passage: The Cafe\u0301 Procope opened\n",
    )(root)
    body("The Procope was a café.")(root)


CASES = [
    # -- front matter, YAML and TOML ---------------------------------------------------------
    Case("tab-in-front-matter", replace(ORIGINS, "title: Origins", "title:\tOrigins"),
         message=r"content/modules/origins\.md:2:7: a tab character where YAML expects spaces — replace"),
    Case("unclosed-front-matter", write("content/modules/extra.md", "---\ntitle: X\nBody\n"),
         message=r"content/modules/extra\.md:1:1: the front matter is never closed — add a line '---'"),
    Case("no-front-matter", write("content/modules/extra.md", "Just text.\n"),
         message=r"content/modules/extra\.md:1:1: a module must start with front matter"),
    Case("front-matter-is-a-list", write("content/modules/extra.md", "---\n- a\n- b\n---\nText\n"),
         message=r"content/modules/extra\.md:2:1: the front matter must be 'key: value' lines"),
    Case("duplicate-key", replace(LESSON, "summary:", "title: Again\nsummary:"),
         message=r"content/lessons/1-roots\.yaml:2:1: .*duplicate key 'title'"),
    Case("yaml-1.1-no-stays-text", replace(LESSON, 'title: "Roots of a Revolution: 1951–1975"', "title: NO"),
         code=0, unchanged=False, then=lambda root, out: cover_says(root, "NO")),
    Case("yaml-1.1-sexagesimal-date", replace(TIMELINE, 'date: "1951"', "date: -0500"),
         message=r"content/timeline\.yaml:\d+:\d+: date: '-0500' is not a date this project reads"),
    Case("unquoted-iso-date-stays-text", replace(TIMELINE, 'date: "1951"', "date: 1951-01-01"),
         code=0, unchanged=False),
    Case("wrong-type", replace(LESSON, "modules: [origins, civil-war]", "modules: origins"),
         message=r"content/lessons/1-roots\.yaml:3:1: 'modules' must be a list"),
    Case("unknown-key", replace(LESSON, "summary:", "sumary:"),
         message=r"content/lessons/1-roots\.yaml:2:1: unknown key 'sumary' — check the spelling; the keys here are: title, summary, modules, sections, activities, advisory"),
    Case("unknown-key-in-teacher-notes", replace(ORIGINS, "  timing: About", "  timming: About"),
         message=r"content/modules/origins\.md:\d+:3: unknown key 'timming' — check the spelling; the keys here are: objectives, timing, discussion, care"),
    Case("missing-key", replace(LESSON, 'title: "Roots of a Revolution: 1951–1975"\n', ""),
         message=r"content/lessons/1-roots\.yaml:1:1: 'title' is missing — add 'title:'"),
    Case("alias-bomb", write("content/lessons/bomb.yaml",
                             "a: &a [x, x, x]\nb: &b [*a, *a, *a]\nc: [*b, *b, *b]\n"),
         message=r"content/lessons/bomb\.yaml:1:\d+: .*alias"),
    Case("merge-key", write("content/lessons/merge.yaml", "base: &b {title: X}\n<<: *b\n"),
         message=r"content/lessons/merge\.yaml:\d+:\d+: .*(alias|merge)"),
    Case("python-tag", write("content/lessons/tag.yaml", "title: !!python/object:os.system x\n"),
         message=r"content/lessons/tag\.yaml:1:\d+: .*tag"),
    Case("deep-nesting", write("content/lessons/deep.yaml", "a: " + "[" * 60 + "]" * 60 + "\n"),
         message=r"content/lessons/deep\.yaml:1:\d+: .*nest"),
    Case("toml-syntax", replace("packet.toml", 'course = "Modern World History"', "course = "),
         message=r"packet\.toml:\d+:\d+: TOML syntax"),
    Case("toml-bad-paper", replace("packet.toml", 'paper = "a4"', 'paper = "a3"'),
         message=r"packet\.toml:\d+:1: 'paper': input should be 'a4' or 'letter'"),
    Case("toml-unknown-key", replace("packet.toml", "[packet]", "[packet]\ncolour = \"red\""),
         message=r"packet\.toml:\d+:1: .*colour"),
    Case("empty-module", write("content/modules/extra.md", ""),
         message=r"content/modules/extra\.md:1:1: a module must start with front matter"),
    Case("module-without-body", write("content/modules/extra.md", MODULE.format(title="X").replace("Body text.\n", "")),
         message=r"content/modules/extra\.md:10:1: the module has no text after its front matter"),
    Case("module-missing-keys", write("content/modules/extra.md", "---\ntitle: X\n---\nText\n"),
         message=r"(?s)content/modules/extra\.md:2:1: 'summary' is missing.*extra\.md:2:1: 'questions' is missing"),
    Case("bad-module-file-name", write("content/modules/My Module.md", MODULE.format(title="X")),
         message=r"content/modules/My Module\.md: 'My Module\.md' is not a valid module file name"),
    # -- encodings -------------------------------------------------------------------------
    Case("cp1252-module", encode(ORIGINS, "cp1252"),
         message=r"content/modules/origins\.md:\d+:\d+: the file is not UTF-8 text — re-save it"),
    Case("utf16-lesson", encode(LESSON, "utf-16"),
         message=r"content/lessons/1-roots\.yaml:\d+:\d+: the file is not UTF-8 text"),
    Case("invalid-utf8", write(LESSON, b"title: Caf\xe9\nmodules: [origins]\n"),
         message=r"content/lessons/1-roots\.yaml:1:11: the file is not UTF-8 text"),
    Case("nul-bytes", write("content/modules/extra.md", b"---\ntitle: X\x00\n---\nText\n"),
         message=r"content/modules/extra\.md: this is a binary file, not text"),
    Case("docx-saved-as-md", write("content/modules/extra.md", b"PK\x03\x04\x14\x00\x06\x00" + b"\x00" * 40),
         message=r"content/modules/extra\.md: this is a binary file, not text"),
    Case("pdf-saved-as-md", write("content/modules/extra.md", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\x00"),
         message=r"content/modules/extra\.md: this is a binary file, not text"),
    Case("utf8-bom-is-fine", lambda root: (root / LESSON).write_bytes(codecs.BOM_UTF8 + (root / LESSON).read_bytes()),
         code=0, unchanged=False),
    Case("binary-seed", write("seeds/003_9141d28ebf9b3703.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00"),
         message=r"seeds/003_9141d28ebf9b3703\.txt: this is a PNG image, not text"),
    # -- injection in content and seeds ----------------------------------------------------
    Case("script-in-module", body("<script>alert('x')</script>"), args=("check", "--strict"),
         message=r"content/modules/origins\.md:\d+:1: warning: raw HTML .*<script>"),
    Case("event-handler-attribute", body('<img src="x.png" onerror="alert(1)">'), args=("check", "--strict"),
         message=r"content/modules/origins\.md:\d+:1: warning: raw HTML"),
    Case("link-rel-attachment", body('<link rel="attachment" href="/etc/passwd">'), args=("check", "--strict"),
         message=r"content/modules/origins\.md:\d+:1: warning: raw HTML"),
    Case("svg-in-module", body('<svg onload="alert(1)"><circle r="5"/></svg>'), args=("check", "--strict"),
         message=r"content/modules/origins\.md:\d+:1: warning: raw HTML"),
    Case("javascript-link", body("[click me](javascript:alert(1))"), args=("check", "--strict"),
         message=r"content/modules/origins\.md:\d+:\d+: warning: link to 'javascript:alert\(1\)' is not allowed"),
    Case("file-image", body("![secret](file:///etc/passwd)"), args=("check", "--strict"),
         message=r"content/modules/origins\.md:\d+:\d+: warning: link to 'file:///etc/passwd' is not allowed"),
    Case("remote-image", body("![map](https://example.com/map.png)"), args=("check", "--strict"),
         message=r"content/modules/origins\.md:\d+:\d+: warning: image 'https://example\.com/map\.png' .*network"),
    Case("remote-css-import", write("templates/packet.css", "@import url(https://example.com/x.css);\n"),
         args=("build", "1-roots", "--edition", "student", "--format", "pdf", "--strict"),
         message=r"1-roots-student\.pdf: .*(refused|Failed|import)"),
    Case("link-to-a-project-file", body("See [the key](output/1-roots-teacher.pdf)."), args=("check", "--strict"),
         message=r"content/modules/origins\.md:\d+:\d+: warning: link to the file 'output/1-roots-teacher\.pdf' prints as plain text"),
    Case("link-to-a-project-file-carries-no-path-into-the-pdf", body("See [the key](output/1-roots-teacher.pdf)."),
         code=0, unchanged=False,
         then=lambda root, out: not [u for u in link_targets(root / "output" / "1-roots-student.pdf")
                                     if not u.startswith(("https:", "http:", "mailto:"))]
         or pytest.fail("the PDF names a file on the teacher's machine")),
    Case("data-uri-image-in-markdown", body("![dot](data:image/png;base64,iVBORw0KGgo=)"),
         args=("check", "--strict"),
         message=r"content/modules/origins\.md:\d+:\d+: warning: image 'data:image/png"),
    Case("html-comment", body("<!-- hidden note -->"), args=("check", "--strict"),
         message=r"content/modules/origins\.md:\d+:1: warning: raw HTML"),
    Case("svg-that-draws-without-end", svg_bomb,
         args=("build", "1-roots", "--edition", "student", "--format", "pdf", "--jobs", "1", "--strict"),
         message=r"content/modules/origins\.md:\d+:\d+: warning: .*bomb\.svg.* the SVG would draw more than 100,000 shapes"),
    Case("svg-that-draws-without-end-in-the-html-packet", svg_bomb,
         args=("build", "1-roots", "--edition", "student", "--format", "html", "--strict"),
         message=r"content/modules/origins\.md:\d+:\d+: warning: image 'content/bomb\.svg' is left out .* more than 100,000 shapes"),
    Case("image-of-too-many-pixels", big_image,
         args=("build", "1-roots", "--edition", "student", "--format", "pdf", "--jobs", "1", "--strict"),
         message=r"warning: an image of more than 40,000,000 pixels .* scale it down"),
    # -- pathological Markdown -------------------------------------------------------------
    Case("deep-markdown-nesting", body("> " * 60 + "deep"), args=("check", "--strict"),
         message=r"content/modules/origins\.md:\d+:1: warning: .*nested \d+ levels deep"),
    Case("deep-list-nesting", body("\n".join("  " * i + "- item" for i in range(40))),
         args=("check", "--strict"),
         message=r"content/modules/origins\.md:\d+:1: warning: .*nested \d+ levels deep"),
    Case("huge-module", write("content/modules/extra.md", "---\ntitle: X\n---\n" + "word " * 1_100_000),
         message=r"content/modules/extra\.md: file is larger than 5 MB"),
    # a link's `[` is looked for once, not again from every unclosed `[` (tests/test_scale.py)
    Case("unclosed-brackets", body("[" * 10_000 + "[a](javascript:one)"), args=("check", "--strict"),
         message=r"content/modules/origins\.md:\d+:1: warning: link to 'javascript:one' is not allowed"),
    Case("unclosed-image-brackets", body("![" * 5_000 + "x](https://example.com/i.png)"),
         args=("check", "--strict"),
         message=r"content/modules/origins\.md:\d+:1: warning: image 'https://example\.com/i\.png' is on the network"),
    Case("link-text-far-from-its-bracket", body("[far" + " x" * 50_000 + "](file:///etc/passwd)"),
         args=("check", "--strict"),
         message=r"content/modules/origins\.md:\d+:1: warning: link to 'file:///etc/passwd' is not allowed"),
    Case("angle-bracket-then-spaces", body("<" + " " * 50_000 + "b>"), args=("check", "--strict"),
         message=r"content/modules/origins\.md:\d+:1: warning: raw HTML < +prints as plain text"),
    # -- lesson manifests ------------------------------------------------------------------
    Case("unknown-module", replace(LESSON, "[origins, civil-war]", "[origins, civil-wars]"),
         message=r"content/lessons/1-roots\.yaml:3:\d+: unknown module 'civil-wars' — known:"),
    Case("lesson-of-5000-modules", replace(LESSON, "[origins, civil-war]", "[" + ", ".join(["origins"] * 5000) + "]"),
         message=r"content/lessons/1-roots\.yaml:3:1: 'modules' lists 5000 items; packet takes at most 300 — split the lesson into several lessons"),
    Case("modules-option-of-301", lambda root: None,
         args=("build", "--modules", ",".join(f"m{i}" for i in range(301)), "--format", "pdf"),
         code=2, message=r"--modules lists 301 modules; one packet takes at most 300 — build them as several lessons"),
    Case("duplicate-module", replace(LESSON, "[origins, civil-war]", "[origins, origins]"),
         message=r"content/lessons/1-roots\.yaml:3:\d+: 'origins' is listed twice"),
    Case("lesson-lists-itself", replace(LESSON, "[origins, civil-war]", "[origins, 1-roots]"),
         message=r"content/lessons/1-roots\.yaml:3:\d+: unknown module '1-roots'"),
    Case("empty-lesson", replace(LESSON, "[origins, civil-war]", "[]"),
         message=r"content/lessons/1-roots\.yaml:3:1: 'modules' needs at least one item"),
    Case("path-outside-project", replace(LESSON, "[origins, civil-war]", "[../../etc/passwd]"),
         message=r"content/lessons/1-roots\.yaml:3:11: item 1 of 'modules': '\.\./\.\./etc/passwd' is not a valid id — use lower-case"),
    Case("seed-file-outside-project",
         replace("seeds/003_9141d28ebf9b3703.meta.yaml", "file: 003_9141d28ebf9b3703.txt", "file: ../../etc/passwd"),
         message=r"seeds/003_9141d28ebf9b3703\.meta\.yaml:\d+:\d+: 'file' must name a file in seeds/ itself"),
    Case("unknown-section", replace(LESSON, "sections: [documents, timeline,", "sections: [documents, timelines,"),
         message=r"content/lessons/1-roots\.yaml:4:23: item 2 of 'sections': input should be 'documents', 'timeline'"),
    Case("unknown-lesson-on-command-line", lambda root: None, code=2,
         args=("build", "no-such-lesson"), message=r"unknown lesson\(s\): no-such-lesson — known:"),
    Case("bad-lesson-file-name", write("content/lessons/My Lesson.yaml", "title: X\nmodules: [origins]\n"),
         message=r"content/lessons/My Lesson\.yaml: 'My Lesson\.yaml' is not a valid lesson file name"),
    # -- templates -------------------------------------------------------------------------
    Case("template-syntax-error", write("templates/cover.html.j2", "<p>{{ packet.title </p>\n"),
         message=r"templates/cover\.html\.j2:1: template syntax"),
    Case("template-missing-include", write("templates/cover.html.j2", '{% include "nothing.html.j2" %}\n'),
         message=r"template 'nothing\.html\.j2' not found in templates/ or packet's theme"),
    Case("template-undefined-variable", write("templates/cover.html.j2", "<p>{{ packet.no_such_field }}</p>\n"),
         message=r"template error: .*no_such_field"),
    Case("font-override-without-its-files",
         write("templates/fonts.css", '@font-face { font-family: "Packet Serif"; src: url(fonts/Mine.ttf); }\n'),
         args=("build", "1-roots", "--format", "html"),
         message=r"templates/fonts\.css:1: cannot read the font Mine\.ttf .* put the font file where"),
    Case("font-override-not-a-font",
         lambda root: (write("templates/fonts.css", '@font-face { font-family: "Packet Serif"; src: url(fonts/Mine.ttf); }\n')(root),
                       write("templates/fonts/Mine.ttf", b"this is not a font")(root)),
         args=("build", "1-roots", "--format", "html"),
         message=r"templates/fonts\.css:1: Mine\.ttf is not a font packet can read .* replace it"),
    Case("template-reaches-for-python",
         write("templates/cover.html.j2", "<p>{{ cycler.__init__.__globals__.os.popen('id').read() }}</p>\n"),
         message=r"templates/cover\.html\.j2:1: template error: 'cycler' is undefined — a template may use"),
    Case("template-runtime-error", write("templates/cover.html.j2", "<p>x</p>\n\n<p>{{ 1/0 }}</p>\n"),
         message=r"templates/cover\.html\.j2:3: template error: division by zero — correct the expression"),
    Case("template-symlinked-out", symlink("templates/cover.html.j2", "/etc/passwd"),
         message=r"templates/cover\.html\.j2: is a link to a file outside the project.* — replace the link",
         then=nothing_printed_from("/etc/passwd")),
    Case("template-is-a-named-pipe", fifo("templates/cover.html.j2"),
         message=r"templates/cover\.html\.j2: is a named pipe, not a file — replace it with an ordinary file"),
    Case("remote-css-import-in-the-html-packet",
         lambda root: write("templates/packet.css", "@import url(http://example.com/x.css);\n"
                            + (Path(__file__).parents[1] / "src/packet/theme/packet.css").read_text("utf-8"))(root),
         args=("build", "1-roots", "--edition", "student", "--format", "html", "--strict"),
         message=r"templates/packet\.css:1:1: warning: @import 'http://example\.com/x\.css' is left out of the HTML packet"),
    Case("templates-folder-linked-to-the-project",
         lambda root: [(root / ".git").mkdir(), (root / ".git" / "config").write_text("url = https://u:Zq-token@x\n"),
                       __import__("shutil").rmtree(root / "templates"), symlink("templates", ".")(root),
                       (root / "cover.html.j2").write_text('<pre>{% include ".git/config" %}</pre>\n')],
         message=r"templates/: is a link to the folder .*; packet reads a project's files only from its own folders",
         then=lambda root, out: "Zq-token" not in out or pytest.fail("read")),
    Case("template-doubles-a-string-with-tilde",
         write("templates/cover.html.j2", '{% set a = "x" * 10000000 %}\n{% set a = a ~ a %}\n{{ a }}\n'),
         message=r"templates/cover\.html\.j2:2: template error: a value would be longer than 10,000,000"),
    Case("template-doubles-a-string-with-plus",
         write("templates/cover.html.j2", '{% set a = "x" * 10000000 %}\n{% set a = a + a %}\n{{ a }}\n'),
         message=r"templates/cover\.html\.j2:2: template error: a value would be longer than 10,000,000"),
    Case("template-too-large-to-compile", write("templates/cover.html.j2", "{{ packet.title }}\n" * 20_000),
         message=r"templates/cover\.html\.j2: file is larger than 0\.25 MB"),
    Case("image-from-the-git-folder",
         lambda root: [(root / ".git").mkdir(), (root / ".git" / "x.png").write_bytes(b"\x89PNG\r\n\x1a\n"),
                       body("![key](.git/x.png)")(root)],
         args=("build", "1-roots", "--edition", "student", "--format", "html", "--strict"),
         message=r"content/modules/origins\.md:\d+:\d+: warning: image '\.git/x\.png' is left out of the HTML packet"),
    # -- output ----------------------------------------------------------------------------
    Case("out-is-a-file", lambda root: (root / "blocker").write_text("x"),
         args=("build", "1-roots", "--out", "blocker/sub"),
         message=r"cannot create the output folder"),
    Case("traversal-in-name", lambda root: None, code=2,
         args=("build", "--modules", "origins", "--name", "../evil"),
         message=r"--name '\.\./evil': use lower-case letters, digits and hyphens"),
    Case("unknown-module-on-command-line", lambda root: None, code=2,
         args=("build", "--modules", "origins,nope"), message=r"unknown module\(s\): nope"),
    # -- Unicode ---------------------------------------------------------------------------
    Case("bidi-override", body("Look: \u202eevil\u202c text."), args=("check",),
         message=r"content/modules/origins\.md:\d+:7: .*invisible or direction-changing character U\+202E"),
    Case("zero-width-space", body("Khmer\u200bRouge"), args=("check",),
         message=r"content/modules/origins\.md:\d+:6: .*U\+200B"),
    Case("emoji-without-font", body("A flag 🇰🇭 here."),
         args=("build", "1-roots", "--edition", "student", "--format", "pdf", "--strict"),
         message=r"content/modules/origins\.md:\d+:\d+: warning: no font in the packet has the character"),
    Case("combining-marks-match-precomposed", decomposed_quote, args=("check", "--strict"), code=0,
         unchanged=False),
    # -- dates -----------------------------------------------------------------------------
    Case("impossible-date", replace(TIMELINE, 'date: "1951"', 'date: "1951-02-30"'),
         message=r"content/timeline\.yaml:\d+:\d+: date: February 1951 has no day 30"),
    Case("month-13", replace(TIMELINE, 'date: "1951"', 'date: "1951-13"'),
         message=r"content/timeline\.yaml:\d+:\d+: date: month 13 does not exist"),
    Case("reversed-range", replace(TIMELINE, "date: 1970–1975", "date: 1975–1970"),
         message=r"content/timeline\.yaml:\d+:\d+: date: the range '1975–1970' ends before it starts"),
    Case("year-zero-bce", replace(TIMELINE, 'date: "1951"', 'date: "0 BCE"'),
         message=r"content/timeline\.yaml:\d+:\d+: date: there is no year 0"),
    Case("no-such-century", replace(TIMELINE, 'date: "1951"', 'date: "45th century"'),
         message=r"content/timeline\.yaml:\d+:\d+: date: '45th century' is not a century packet "
                 r"reads; write one from the 1st to the 30th"),
    Case("century-and-ad-accepted",
         lambda root: [replace(TIMELINE, 'date: "1951"', 'date: "mid 20th century"')(root),
                       replace(TIMELINE, 'date: "1967"', 'date: "AD 1967"')(root)],
         code=0, unchanged=False),
    Case("empty-date", replace(TIMELINE, 'date: "1951"', 'date: ""'),
         message=r"content/timeline\.yaml:4:3: 'date' is empty"),
    Case("bce-circa-decade-accepted",
         lambda root: [replace(TIMELINE, 'date: "1951"', 'date: "c. 1951"')(root),
                       replace(TIMELINE, 'date: "1967"', 'date: "late 1960s"')(root)],
         code=0, unchanged=False),
    # -- shared units: nothing outside the project is read, nothing of the user's deleted -----
    Case("guidance-symlinked-out", symlink("content/guidance.md", "/etc/passwd"),
         message=r"content/guidance\.md: is a link to a file outside the project.* — replace the link with a copy of the file",
         then=nothing_printed_from("/etc/passwd")),
    Case("module-symlinked-out", symlink("content/modules/extra.md", "/etc/passwd"),
         message=r"content/modules/extra\.md: is a link to a file outside the project",
         then=nothing_printed_from("/etc/passwd")),
    Case("lesson-symlinked-out", symlink(LESSON, "/etc/passwd"),
         message=r"content/lessons/1-roots\.yaml: is a link to a file outside the project"),
    Case("seed-symlinked-out", symlink("seeds/003_9141d28ebf9b3703.txt", "/etc/passwd"),
         message=r"seeds/003_9141d28ebf9b3703\.txt: is a link to a file outside the project"),
    Case("toml-symlinked-out", symlink("packet.toml", "/etc/passwd"),
         message=r"packet\.toml: is a link to a file outside the project"),
    Case("modules-folder-symlinked-out",
         lambda root: [(root / "content" / "modules").rename(root.parent / "elsewhere"),
                       symlink("content/modules", str(root.parent / "elsewhere"))(root)],
         message=r"content/modules/origins\.md: is a link to a file outside the project"),
    Case("seeds-folder-linked-inside-the-project",
         lambda root: [(root / "seeds").rename(root / "s2"), symlink("seeds", "s2")(root)],
         message=r"^seeds/: is a link to the folder .*s2; packet reads a project's files only from its own folders — replace the link with a copy of the folder\npacket: stopped: 1 error"),
    Case("guidance-linked-to-the-git-config",
         lambda root: [(root / ".git").mkdir(), (root / ".git" / "config").write_text("token = Zq-secret\n"),
                       symlink("content/guidance.md", "../.git/config")(root)],
         message=r"content/guidance\.md: is a link to a file outside the project",
         then=lambda root, out: "Zq-secret" not in out or pytest.fail("read")),
    Case("module-linked-into-the-output-folder",
         lambda root: [output_file("notes.md", "---\ntitle: X\n---\nText\n")(root),
                       symlink("content/modules/extra.md", "../../output/notes.md")(root)],
         message=r"content/modules/extra\.md: is a link to a file outside the project"),
    Case("symlink-inside-the-project-is-fine",
         lambda root: [(root / "content" / "spare.md").write_text((root / ORIGINS).read_text("utf-8"), "utf-8"),
                       symlink(ORIGINS, "../spare.md")(root)],
         code=0, unchanged=False),
    Case("module-symlinked-to-dev-zero", symlink("content/modules/extra.md", "/dev/zero"),
         message=r"content/modules/extra\.md: is a link to a file outside the project"),
    Case("module-is-a-named-pipe", fifo("content/modules/extra.md"),
         message=r"content/modules/extra\.md: is a named pipe, not a file — replace it with an ordinary file"),
    Case("lesson-is-a-folder", lambda root: (root / "content" / "lessons" / "x.yaml").mkdir(),
         message=r"content/lessons/x\.yaml: is a folder, not a file"),
    Case("dangling-link-out-of-the-project-says-only-outside",  # whether it exists is not told
         symlink("content/modules/extra.md", "/nonexistent/private.md"),
         message=r"content/modules/extra\.md: is a link to a file outside the project"),
    Case("dangling-symlink-module", symlink("content/modules/extra.md", "nowhere.md"),
         message=r"content/modules/extra\.md: is a link to a file that does not exist — replace the link"),
    Case("dashes-inside-teacher-notes-stay-out-of-the-student-edition",
         replace(ORIGINS, "  care: This section",
                 "  care: |\n    Go gently.\n    ---\n    Key: Zq-answer-key\n    This section"),
         code=0, unchanged=False,
         then=lambda root, out: assert_absent(root / "output" / "1-roots-student.pdf", "Zq-answer-key")),
    Case("users-part-file-survives-a-build", output_file(".thesis.docx.part", b"my thesis"),
         code=0, unchanged=False, then=survives(".thesis.docx.part", b"my thesis")),
    Case("users-part-file-survives-a-failed-build",  # fails after taking the output folder
         lambda root: [output_file(".thesis.docx.part", b"my thesis")(root),
                       write("templates/cover.html.j2", "<p>{{ packet.title </p>\n")(root)],
         message=r"templates/cover\.html\.j2:1: template syntax"),
    Case("own-leftover-part-file-is-cleared",
         output_file(".1-roots-student.pdf.packet-abcd_123.part", b"half a PDF"),
         code=0, unchanged=False,
         then=lambda root, out: not (root / "output" / ".1-roots-student.pdf.packet-abcd_123.part").exists() or pytest.fail("kept")),
    Case("output-folder-symlinked-out",
         lambda root: [(root / "output").rename(root.parent / "documents"),
                       symlink("output", str(root.parent / "documents"))(root),
                       (root.parent / "documents" / ".notes.part").write_bytes(b"mine")],
         code=2, unchanged=False,
         message=r"output: is a link to a folder outside the project .* — delete the link, or name the folder with --out",
         then=lambda root, out: ((root.parent / "documents" / ".notes.part").read_bytes() == b"mine"
                                 and (root.parent / "documents" / "1-roots-student.pdf").read_bytes() == PREVIOUS)
         or pytest.fail("the folder outside the project was touched")),
    Case("symlink-loop", lambda root: [symlink("content/modules/a.md", "b.md")(root),
                                       symlink("content/modules/b.md", "a.md")(root)],
         message=r"content/modules/a\.md: cannot be followed to a file .* — replace it with an ordinary file"),
    Case("lesson-name-too-long-for-an-output-file",
         write(f"content/lessons/{'a' * 250}.yaml", "title: X\nmodules: [origins]\n"),
         message=r"content/lessons/a+\.yaml: 'a+\.yaml' is not a valid lesson file name — .*at most 64"),
    Case("template-syntax-in-content-stays-text", body("The sum {{ 7*7 }} and {% raw %} stay as written."),
         args=("build", "1-roots", "--edition", "student", "--format", "html"), code=0, unchanged=False,
         then=lambda root, out: "{{ 7*7 }} and {% raw %}" in (root / "output" / "1-roots-student.html").read_text("utf-8")
         or pytest.fail("content was read as a template")),
    Case("out-under-proc", lambda root: None, args=("build", "1-roots", "--out", "/proc"),
         message=r"/proc/\.packet-build\.lock: cannot take the build lock: .* — choose a folder you may write to"),
    Case("output-folder-linked-into-the-seeds",
         lambda root: [(root / "output").rename(root / "old-output"), symlink("output", "seeds")(root)],
         code=2, unchanged=False,
         message=r"output: is a link into the project's own files .* — delete the link, or name the folder"),
    Case("output-folder-linked-into-git",
         lambda root: [(root / "output").rename(root / "old-output"), (root / ".git" / "hooks").mkdir(parents=True),
                       symlink("output", ".git/hooks")(root)],
         code=2, unchanged=False,
         message=r"output: is a link to the project's own folder or a hidden one .* — delete the link"),
    # -- the build's own files ---------------------------------------------------------------
    Case("manifest-is-null", output_file(".packet-build.json", "null"), code=0, unchanged=False,
         message=r"output/\.packet-build\.json: not a build record of packet's .* ignores this file and rebuilds",
         then=rebuilt_cleanly),
    Case("manifest-is-a-list", output_file(".packet-build.json", "[]"), code=0, unchanged=False,
         message=r"\.packet-build\.json: not a build record", then=rebuilt_cleanly),
    Case("manifest-wrong-types",
         output_file(".packet-build.json", '{"version": 1, "fingerprint": 3, "problems": {}, "lessons": [],'
                                            ' "outputs": {"1-roots-student.pdf": "x"}, "reading": {"a": "b"}}'),
         code=0, unchanged=False, message=r"\.packet-build\.json: written elsewhere .* not trusted", then=rebuilt_cleanly),
    Case("manifest-not-json", output_file(".packet-build.json", b"\xff\x00garbage"), code=0, unchanged=False,
         message=r"\.packet-build\.json: not JSON", then=rebuilt_cleanly),
    Case("manifest-is-strict-safe", output_file(".packet-build.json", "[]"), code=0, unchanged=False,
         args=("build", "1-roots", "--edition", "student", "--format", "pdf", "--strict")),
    Case("manifest-shipped-with-the-unit", forged_manifest,
         args=("build", "1-roots", "--edition", "student", "--format", "html"), code=0, unchanged=False,
         message=r"output/\.packet-build\.json: written elsewhere .* not trusted — packet ignores this file",
         then=lambda root, out: "Model answer" not in (root / "output" / "1-roots-student.html").read_text("utf-8")
         or pytest.fail("the teacher edition shipped as the student one was trusted")),
    Case("lock-path-is-a-folder", lambda root: (root / "output" / ".packet-build.lock").mkdir(),
         message=r"output/\.packet-build\.lock: packet keeps its build lock here, but something else has the name — move it away"),
    Case("output-path-is-a-folder",
         lambda root: [(root / "output" / "1-roots-student.pdf").unlink(),
                       (root / "output" / "1-roots-student.pdf").mkdir()],
         message=r"1-roots-student\.pdf: a folder has this name, so the file cannot be written — rename or move"),
    Case("out-is-a-system-folder", lambda root: None, args=("build", "1-roots", "--out", "/sys/kernel"),
         message=r"/sys/kernel.*(cannot|not writable).* --out"),
    Case("html-failure-keeps-the-previous-pdf",
         write("templates/fonts.css", '@font-face { font-family: "Packet Serif"; src: url(fonts/Mine.ttf); }\n'),
         args=("build", "1-roots", "--edition", "student", "--jobs", "1"),
         message=r"templates/fonts\.css:1: cannot read the font"),
    Case("toml-nested-5000-deep", write("packet.toml", "[packet]\nx = " + "[" * 5000 + "]" * 5000 + "\n"),
         message=r"packet\.toml: TOML syntax: values nested too deeply"),
    Case("toml-missing-key-hint", replace("packet.toml", 'course = "Modern World History"\n', ""),
         message=r"packet\.toml:1:1: 'course' is missing — add 'course = \"…\"'"),
    # -- several problems at once ----------------------------------------------------------
    Case("all-problems-together",
         lambda root: [replace(LESSON, "[origins, civil-war]", "[origins, nope]")(root),
                       replace(TIMELINE, 'date: "1951"', 'date: "1951-13"')(root),
                       replace(GLOSSARY, "term: coup\n", "term: coup\nterm: again\n")(root)],
         message=r"(?s)glossary\.yaml:\d+:\d+: .*1-roots\.yaml:3:\d+: unknown module 'nope'.*timeline\.yaml:\d+:\d+: date: month 13"),
]  # fmt: skip


def link_targets(path: Path) -> list[str]:
    """The URI of every link annotation in the PDF (links inside the packet are not URIs)."""
    from pypdf import PdfReader

    found = []
    for page in PdfReader(path).pages:
        for annotation in page.get("/Annots") or []:
            action = annotation.get_object().get("/A") or {}
            if "/URI" in action:
                found.append(str(action["/URI"]))
    return found


def assert_absent(path: Path, text: str) -> None:
    from conftest import pdf_text

    pages = "\n".join(pdf_text(path))
    assert "Go gently." not in pages and text not in pages


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_bad_input(case: Case, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = copy_project(tmp_path / "project")
    output = root / "output"
    output.mkdir()
    (output / "1-roots-student.pdf").write_bytes(PREVIOUS)
    case.setup(root)
    before = snapshot(output)
    monkeypatch.chdir(root)
    result = CliRunner().invoke(main, ["--project", str(root), *case.args])
    text = result.output + (result.stderr if result.stderr_bytes else "")
    assert result.exit_code == case.code, text
    assert "Traceback" not in text and "internal error" not in text, text
    if case.message:
        assert re.search(case.message, text), text
    if case.unchanged:
        assert snapshot(output) == before
    if case.then:
        case.then(root, text)


def test_catalogue_is_large_enough() -> None:
    assert len(CASES) >= 60
    assert len({c.id for c in CASES}) == len(CASES)


def test_disk_full_keeps_the_previous_output(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import packet.files

    root = copy_project(tmp_path / "project")
    (root / "output").mkdir()
    (root / "output" / "1-roots-student.pdf").write_bytes(PREVIOUS)

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(packet.files.os, "fsync", full)
    result = CliRunner().invoke(
        main,
        ["--project", str(root), "build", "1-roots", "--edition", "student", "--format", "pdf"],
    )
    assert result.exit_code == 1
    assert "1-roots-student.pdf: cannot write the file: No space left on device" in result.output
    assert snapshot(root / "output") == {"1-roots-student.pdf": PREVIOUS}


def test_two_builds_at_once_do_not_share_an_output_folder(tmp_path: Path) -> None:
    from filelock import FileLock

    from packet.files import LOCK_NAME

    root = copy_project(tmp_path / "project")
    (root / "output").mkdir()
    with FileLock(root / "output" / LOCK_NAME):
        result = CliRunner().invoke(main, ["--project", str(root), "build", "1-roots"])
    assert result.exit_code == 1
    assert "another packet build is writing to this folder — wait for it to finish" in result.output
