"""The build cache, parallel renderers, the progress display and start-up cost (issue 7).

Most of these build HTML only: which outputs a change invalidates is decided
before anything is rendered, the same way for both formats, and HTML builds in
a fraction of a second. PDFs are built where the renderer itself is the point.
"""

from __future__ import annotations

import fcntl
import json
import os
import pty
import re
import select
import shutil
import struct
import subprocess
import sys
import termios
from pathlib import Path

import pytest
import yaml

import packet.cache
import packet.project
from conftest import REPO, run_packet, snapshot, start_packet
from packet.build import BuildRequest, BuildResult, build
from packet.cache import MANIFEST
from packet.errors import ContentError

HTML = ("html",)


def build_html(root: Path, out: Path, **options: object) -> BuildResult:
    return build(root, BuildRequest(formats=HTML, out=out, **options))  # type: ignore[arg-type]


def rebuilt(result: BuildResult) -> set[str]:
    return {o.path.name for o in result.outputs if not o.cached}


def lessons_using(root: Path, module: str) -> set[str]:
    found = set()
    for path in (root / "content/lessons").glob("*.yaml"):
        if module in yaml.safe_load(path.read_text(encoding="utf-8"))["modules"]:
            found.add(path.stem)
    return found


def outputs_of(lessons: set[str]) -> set[str]:
    return {f"{lesson}-{edition}.html" for lesson in lessons for edition in ("student", "teacher")}


def test_an_unchanged_project_is_neither_loaded_nor_rebuilt(
    project_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    first = build_html(project_dir, out)
    assert len(first.outputs) == 14 and not any(o.cached for o in first.outputs)
    before = snapshot(out, times=True)

    def no_loading(root: Path) -> None:
        raise AssertionError("an up-to-date build loaded the project")

    monkeypatch.setattr(packet.project, "load_project", no_loading)
    again = build_html(project_dir, out)
    assert [o.path.name for o in again.outputs] == [o.path.name for o in first.outputs]
    assert all(o.cached for o in again.outputs)
    assert snapshot(out, times=True) == before  # same bytes, not even rewritten


def test_editing_a_module_rebuilds_only_the_lessons_that_use_it(
    project_dir: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    build_html(project_dir, out)
    module = project_dir / "content/modules/year-zero.md"
    module.write_text(module.read_text(encoding="utf-8") + "\nOne more sentence.\n", "utf-8")
    using = lessons_using(project_dir, "year-zero")
    assert 1 <= len(using) < 7
    assert rebuilt(build_html(project_dir, out)) == outputs_of(using)
    assert rebuilt(build_html(project_dir, out)) == set()


@pytest.mark.parametrize(
    "module", sorted(p.stem for p in (REPO / "content" / "modules").glob("*.md"))
)
def test_lessons_without_a_module_do_not_depend_on_it(
    module: str, project_dir: Path, tmp_path: Path
) -> None:
    """The rule the cache relies on, checked by rebuilding everything from scratch."""
    build_html(project_dir, tmp_path / "before", force=True)
    path = project_dir / f"content/modules/{module}.md"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("\n\n", "\n\nAn added paragraph.\n\n", 1) + "\nMore.\n", "utf-8")
    build_html(project_dir, tmp_path / "after", force=True)
    changed = {
        p.name
        for p in (tmp_path / "before").glob("*.html")
        if p.read_bytes() != (tmp_path / "after" / p.name).read_bytes()
    }
    assert changed == outputs_of(lessons_using(project_dir, module))


def test_shared_files_settings_and_options_rebuild_everything_they_touch(
    project_dir: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    build_html(project_dir, out, lessons=["3-s21", "5-justice"])
    glossary = project_dir / "content/glossary.yaml"
    glossary.write_text(glossary.read_text(encoding="utf-8") + "\n# a comment\n", "utf-8")
    assert len(rebuilt(build_html(project_dir, out, lessons=["3-s21", "5-justice"]))) == 4
    assert rebuilt(build_html(project_dir, out, lessons=["3-s21"], paper="letter")) == {
        "3-s21-student.html",
        "3-s21-teacher.html",
    }
    theme = Path(packet.cache.PACKAGE) / "theme"
    shutil.copy(theme / "fonts.css", project_dir / "templates")
    shutil.copytree(theme / "fonts", project_dir / "templates" / "fonts")  # a new override,
    # even one with the same text
    assert len(rebuilt(build_html(project_dir, out, lessons=["3-s21", "5-justice"]))) == 4


def test_a_deleted_or_altered_output_is_made_again(project_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    build_html(project_dir, out, lessons=["3-s21", "5-justice"])
    (out / "3-s21-student.html").unlink()
    (out / "5-justice-teacher.html").write_text("edited by hand", encoding="utf-8")
    result = build_html(project_dir, out, lessons=["3-s21", "5-justice"])
    assert rebuilt(result) == {"3-s21-student.html", "5-justice-teacher.html"}
    assert b"edited by hand" not in (out / "5-justice-teacher.html").read_bytes()


def test_a_new_version_of_packet_rebuilds_everything(
    project_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    build_html(project_dir, out, lessons=["3-s21"])
    monkeypatch.setattr(packet.cache, "tool_fingerprint", lambda: "another version")
    assert len(rebuilt(build_html(project_dir, out, lessons=["3-s21"]))) == 2


def test_warnings_of_a_cached_build_are_reported_again_and_strict_still_fails(
    project_dir: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    module = project_dir / "content/modules/tribunal.md"
    module.write_text(module.read_text(encoding="utf-8") + "\n<b>bold</b>\n", "utf-8")
    first = build_html(project_dir, out, lessons=["5-justice"])
    assert any("raw HTML" in w for w in first.warnings)
    again = build_html(project_dir, out, lessons=["5-justice"])
    assert rebuilt(again) == set() and again.warnings == first.warnings
    with pytest.raises(ContentError, match="raw HTML"):
        build_html(project_dir, out, lessons=["5-justice"], strict=True)


def test_a_corrupt_manifest_only_costs_a_rebuild(project_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    build_html(project_dir, out, lessons=["3-s21"])
    (out / MANIFEST).write_text("{ not json", encoding="utf-8")
    assert len(rebuilt(build_html(project_dir, out, lessons=["3-s21"]))) == 2
    assert json.loads((out / MANIFEST).read_text(encoding="utf-8"))["version"] == 1


def test_parallel_renderers_write_the_same_bytes_as_one(project_dir: Path, tmp_path: Path) -> None:
    request = {"lessons": ["3-s21", "4-aftermath"], "editions": ("student",)}
    one = build(project_dir, BuildRequest(out=tmp_path / "one", jobs=1, **request))  # type: ignore[arg-type]
    two = build(project_dir, BuildRequest(out=tmp_path / "two", jobs=2, **request))  # type: ignore[arg-type]
    assert [o.pages for o in one.outputs] == [o.pages for o in two.outputs]
    for output in one.outputs:
        assert output.path.read_bytes() == (tmp_path / "two" / output.path.name).read_bytes()


def test_a_render_problem_in_a_worker_stops_the_build_with_its_place(
    project_dir: Path, tmp_path: Path
) -> None:
    module = project_dir / "content/modules/tribunal.md"
    module.write_text(module.read_text(encoding="utf-8") + "\nA clef: 𝄞.\n", "utf-8")
    out = tmp_path / "out"
    with pytest.raises(ContentError, match=r"content/modules/tribunal\.md:\d+:\d+: .*U\+1D11E"):
        build(
            project_dir,
            BuildRequest(
                lessons=["5-justice"], editions=("student",), out=out, jobs=2, strict=True
            ),
        )
    assert not [p for p in out.iterdir() if not p.name.startswith(".")]  # neither PDF nor HTML


def packet_command(*args: str, cwd: Path, tty: bool = False) -> str:
    """Run the packet command; with `tty`, on a pseudo-terminal as a teacher would."""
    if not tty:
        done = run_packet(*args, cwd=cwd)
        assert done.returncode == 0, done.stderr
        return done.stdout + done.stderr
    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 100, 0, 0))  # 100 columns
    process = start_packet(*args, cwd=cwd, stdout=follower, stderr=follower)
    os.close(follower)
    chunks = []
    while True:
        ready, _, _ = select.select([leader], [], [], 60)
        if not ready:
            break
        try:
            chunk = os.read(leader, 4096)
        except OSError:  # the terminal closed with the process
            break
        if not chunk:
            break
        chunks.append(chunk)
    assert process.wait(timeout=60) == 0
    os.close(leader)
    return b"".join(chunks).decode("utf-8", "replace")


def test_a_batch_shows_one_line_per_output_and_a_bar_only_on_a_terminal(
    project_dir: Path,
) -> None:
    args = ("build", "3-s21", "5-justice", "--format", "html")
    piped = packet_command(*args, cwd=project_dir)
    lines = piped.splitlines()
    assert len(lines) == 4 and all(line.startswith("output/") for line in lines), piped
    assert "\r" not in piped and "%" not in piped
    shown = packet_command(*args, "--force", cwd=project_dir, tty=True)
    assert len(re.findall(r"output/[\w-]+\.html  ", shown)) == 4
    assert re.search(r"\rbuilding +\d+%\|.*\| [0-4]/4 \[", shown), (
        shown
    )  # tqdm's bar, redrawn in place
    again = packet_command(*args, cwd=project_dir)
    assert again.count("up to date") == 4


def imported_by(*args: str, cwd: Path) -> set[str]:
    """Which heavy libraries `packet ARGS` imports."""
    code = (
        "import sys\nfrom packet.cli import main\n"
        f"try:\n    main({list(args)!r})\nexcept SystemExit:\n    pass\n"
        "heavy = ('weasyprint', 'pydantic', 'textstat', 'trafilatura', 'fontTools', 'jinja2')\n"
        "print('IMPORTED', *(m for m in heavy if m in sys.modules), file=sys.stderr)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=cwd, capture_output=True, text=True)
    line = next(x for x in done.stderr.splitlines() if x.startswith("IMPORTED"))
    return set(line.split()[1:])


def test_commands_that_do_not_render_do_not_load_the_renderer(
    project_dir: Path, tmp_path: Path
) -> None:
    assert imported_by("--help", cwd=project_dir) == set()
    assert "weasyprint" not in imported_by("list", cwd=project_dir)
    assert "weasyprint" not in imported_by("check", cwd=project_dir)
    out = str(tmp_path / "out")
    imported_by("build", "3-s21", "--edition", "student", "--out", out, cwd=project_dir)
    again = imported_by("build", "3-s21", "--edition", "student", "--out", out, cwd=project_dir)
    assert again == set()  # up to date: nothing heavy at all


def test_font_subsets_are_made_once_on_a_machine(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Cutting the theme's fonts down for an HTML packet costs about a second a build; the
    subsets are kept in the user's cache (keyed by font, characters and packet's version),
    so a later build — a new process — reads them. A damaged file there is made again, and
    a cache that cannot be written only costs the time."""
    from packet import webfonts
    from packet.render import THEME

    made: list[int] = []
    subset = webfonts._subset

    def counted(font: bytes, chars: frozenset[int]) -> bytes:
        made.append(len(chars))
        return subset(font, chars)

    monkeypatch.setattr(webfonts, "_subset", counted)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "0")  # as render_html has it while subsetting
    fonts_css = (THEME / "fonts.css").read_text(encoding="utf-8")

    def embedded() -> str:
        webfonts._woff.cache_clear()  # as in a new process
        return webfonts.embedded_css(fonts_css, THEME, "Khmer Rouge", roots=[THEME])[0]

    first = embedded()
    faces = len(made)
    assert faces >= 2 and "data:font/woff;base64," in first
    assert embedded() == first and len(made) == faces  # read back, not made
    kept = sorted((tmp_path / "cache/packet/fonts").iterdir())
    assert len(kept) == faces
    kept[0].write_bytes(kept[0].read_bytes()[:-10])  # cut short
    assert embedded() == first and len(made) == faces + 1
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "not-a-folder"))
    (tmp_path / "not-a-folder").write_text("a file where the cache would go")
    assert embedded() == first and len(made) == 2 * faces + 1


def test_reading_statistics_are_measured_once_on_a_machine(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A teacher edition's reading statistics load textstat's pronouncing dictionary (about a
    second); they are kept in the user's cache by text, for any build of any project, and
    the folder keeps only the newest (it grows with every edit of a module)."""
    from packet import reading
    from packet.cache import remembered

    measured: list[str] = []
    measure = reading._measure

    def counted(text: str) -> tuple[int, float]:
        measured.append(text)
        return measure(text)

    monkeypatch.setattr(reading, "_measure", counted)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    text = "The Khmer Rouge ruled Cambodia from 1975 to 1979. Its leaders emptied the cities."
    first = reading.reading_stats(text)
    assert first.words == 14 and reading.reading_stats(text) == first
    assert measured == [text]
    kept = tmp_path / "cache/packet/kept"
    for n in range(5):
        remembered("kept", f"key-{n}", lambda n=n: str(n).encode(), 10, most=3)  # type: ignore[misc]
        os.utime(kept / f"key-{n}", (n, n))  # made n seconds apart
    assert sorted(p.name for p in kept.iterdir()) == [
        "key-2",
        "key-3",
        "key-4",
    ]
