"""The command line facing a hostile unit, odd options and a hostile machine.

A shared unit can put terminal control sequences in any title or file name; a teacher can
point `--out` or `packet init` at odd places, give `--jobs 10000`, close the terminal or
kill a build. Each case checks the exit status, that the message names the place and the
fix, and that no traceback, internal error or stray renderer process is left behind.
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import re
import select
import signal
import subprocess
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import copy_project, run_packet, start_packet
from packet.cli import main

LESSON = "content/lessons/1-roots.yaml"
OSC_TITLE = "\x1b]0;pwned\x07"  # retitles the terminal window
CLEAR = "\x1b[2J"  # clears the screen
# Bytes a terminal acts on: C0 but newline and tab, DEL, and C1 (0x80-0x9f, UTF-8 encoded).
RAW_CONTROL = re.compile(rb"[\x00-\x08\x0b-\x1f\x7f]|\xc2[\x80-\x9f]")


def invoke(root: Path, *args: str) -> tuple[int, str]:
    """`packet --project ROOT ARGS` in this process, colours not stripped (as on a terminal)."""
    result = CliRunner().invoke(main, ["--project", str(root), *args], color=True)
    return result.exit_code, result.output


def retitle(root: Path, title: str) -> None:
    path = root / LESSON
    text = path.read_text(encoding="utf-8")
    path.write_text(
        re.sub(r"(?m)^title: .*$", lambda _: f"title: {json.dumps(title)}", text, count=1),
        encoding="utf-8",
    )


# -- control characters never reach the terminal ------------------------------------------


def test_visible_spells_out_what_a_terminal_would_act_on() -> None:
    from packet.cli import visible

    assert visible("a\tb\nc") == "a\tb\nc"
    assert visible(OSC_TITLE + CLEAR) == "\\x1b]0;pwned\\x07\\x1b[2J"
    assert visible("\r\x00\x7f\x9b\u202e") == "\\x0d\\x00\\x7f\\x9b\\u202e"
    assert visible("bad\udcff.yaml") == "bad\\xff.yaml"  # a file name that is not UTF-8
    assert visible("ខ្មែរ “quoted” — ok") == "ខ្មែរ “quoted” — ok"


def test_a_title_with_escape_sequences_is_listed_visibly(project_dir: Path) -> None:
    retitle(project_dir, f"Roots {OSC_TITLE}{CLEAR} \x9b31m")
    code, output = invoke(project_dir, "list")
    assert code == 0, output
    assert "\x1b" not in output and "\x07" not in output and "\x9b" not in output
    assert "Roots \\x1b]0;pwned\\x07\\x1b[2J \\x9b31m  [origins, civil-war]" in output


def test_json_listing_stays_valid_json_with_every_control_character_escaped(
    project_dir: Path,
) -> None:
    title = f"Roots {OSC_TITLE} \x9b31m \x7f"
    retitle(project_dir, title)
    code, output = invoke(project_dir, "list", "--json")
    assert code == 0, output
    assert not RAW_CONTROL.search(output.encode("utf-8"))
    lessons = {lesson["id"]: lesson for lesson in json.loads(output)["lessons"]}
    assert lessons["1-roots"]["title"] == title


def test_a_newline_in_a_title_cannot_forge_a_line_of_the_listing(project_dir: Path) -> None:
    retitle(project_dir, "Roots\n  9-fake               Answers to the test  [origins]")
    code, output = invoke(project_dir, "list")
    assert code == 0, output
    assert not any(line.startswith("  9-fake") for line in output.splitlines())
    assert "Roots\\n  9-fake" in output


def test_an_error_quoting_a_value_shows_its_escape_sequences(project_dir: Path) -> None:
    timeline = project_dir / "content" / "timeline.yaml"
    text = timeline.read_text(encoding="utf-8")
    timeline.write_text(text.replace('date: "1951"', 'date: "\\e]0;pwned\\a1951"', 1), "utf-8")
    code, output = invoke(project_dir, "check")
    assert code == 1
    assert "\x1b" not in output and "\x07" not in output
    assert "date: '\\x1b]0;pwned\\x071951' is not a date" in output


def test_no_control_byte_reaches_the_terminal_from_a_subprocess(project_dir: Path) -> None:
    """Values and file names, in messages on stderr and in the listing on stdout."""
    retitle(project_dir, f"Roots {OSC_TITLE}{CLEAR}")
    listing = run_packet("list", cwd=project_dir, text=False)
    assert listing.returncode == 0, listing.stderr
    assert not RAW_CONTROL.search(listing.stdout + listing.stderr)
    assert b"Roots \\x1b]0;pwned\\x07\\x1b[2J" in listing.stdout
    lessons = project_dir / "content" / "lessons"
    (lessons / f"x{CLEAR}y.yaml").write_bytes((lessons / "3-s21.yaml").read_bytes())
    Path(os.fsdecode(os.fsencode(lessons) + b"/bad\xff.yaml")).touch()  # not UTF-8
    checked = run_packet("check", cwd=project_dir, text=False)
    assert checked.returncode == 1
    assert not RAW_CONTROL.search(checked.stdout + checked.stderr)
    assert b"x\\x1b[2Jy.yaml" in checked.stderr and b"bad\\xff.yaml" in checked.stderr
    assert b"Traceback" not in checked.stderr and b"internal error" not in checked.stderr


def test_output_paths_that_are_not_utf8_are_printed_not_a_crash(project_dir: Path) -> None:
    out = os.fsencode(project_dir) + b"/out-\xff"
    args = ("build", "3-s21", "--edition", "student", "--format", "html", "--out")
    strict = {**os.environ, "PYTHONIOENCODING": "utf-8:strict"}  # as on a UTF-8 terminal
    built = run_packet(*args, os.fsdecode(out), cwd=project_dir, env=strict, text=False)
    assert built.returncode == 0, built.stderr
    assert b"out-\\xff/3-s21-student.html" in built.stdout
    assert Path(os.fsdecode(out + b"/3-s21-student.html")).is_file()


def test_a_terminal_that_is_not_utf8_gets_every_character_it_cannot_show_spelled_out(
    project_dir: Path,
) -> None:
    for encoding in ("ascii", "latin-1"):
        env = {**os.environ, "PYTHONIOENCODING": encoding}
        listing = run_packet("list", cwd=project_dir, env=env, text=False)
        assert listing.returncode == 0, listing.stderr
        assert b"Roots of a Revolution: 1951\\u20131975" in listing.stdout
        unknown = run_packet("build", "no-such-lesson", cwd=project_dir, env=env, text=False)
        assert unknown.returncode == 2, unknown.stderr
        assert b"unknown lesson(s): no-such-lesson \\u2014 known:" in unknown.stderr


# -- signals and renderer processes -------------------------------------------------------


def children(pid: int) -> set[int]:
    """The processes `pid` has started and not yet waited for (Linux /proc)."""
    found: set[int] = set()
    for task in Path(f"/proc/{pid}/task").glob("*/children"):
        with contextlib.suppress(OSError):
            found.update(int(child) for child in task.read_text().split())
    return found


def running(pid: int) -> bool:
    """Whether `pid` is still a live process (a zombie has finished)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] not in ("Z", "X")


needs_proc_children = pytest.mark.skipif(
    not list(Path(f"/proc/{os.getpid()}/task").glob("*/children")),
    reason="needs Linux /proc/<pid>/task/<tid>/children",
)


def start_parallel_build(root: Path) -> tuple[subprocess.Popen[bytes], set[int], bytes]:
    """`packet build --jobs 2`, waited for until its first output is written: by then both
    renderer processes exist and are rendering the next packets."""
    process = start_packet(
        "build",
        "--jobs",
        "2",
        cwd=root,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,  # the renderers inherit it: what they print lands here too
        start_new_session=True,  # its own process group, as a job on a terminal
        # … which hears a hangup, whatever the test run's own handling of it (a suite started
        # under `nohup` ignores hangups, and packet keeps to that: see the nohup test below)
        preexec_fn=lambda: signal.signal(signal.SIGHUP, signal.SIG_DFL),
    )
    assert process.stdout is not None
    ready, _, _ = select.select([process.stdout], [], [], 240)
    first = process.stdout.readline() if ready else b""
    renderers = children(process.pid)
    if not first or len(renderers) != 2:
        process.kill()
        _, err = process.communicate(timeout=60)
        pytest.fail(f"the build did not get going: {first!r} {renderers} {err!r}")
    return process, renderers, first


@needs_proc_children
@pytest.mark.parametrize("how", ["SIGKILL", "SIGHUP", "SIGTERM", "terminal closed", "Ctrl-C"])
def test_a_parallel_build_stopped_by_a_signal_leaves_no_renderer_and_no_traceback(
    tmp_path: Path, how: str
) -> None:
    from packet.build import default_jobs

    if default_jobs() < 2:
        pytest.skip("--jobs 2 needs two cores")
    root = copy_project(tmp_path / "project")
    process, renderers, first = start_parallel_build(root)
    if how == "terminal closed":  # the hangup goes to the whole foreground group
        os.killpg(process.pid, signal.SIGHUP)
    elif how == "Ctrl-C":  # so does the interrupt
        os.killpg(process.pid, signal.SIGINT)
    else:
        os.kill(process.pid, getattr(signal, how))
    # stderr ends only when every process holding it (packet and its renderers) has gone.
    out, err = process.communicate(timeout=30)  # generous on a busy machine
    deadline = time.monotonic() + 5
    while any(running(pid) for pid in renderers) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not any(running(pid) for pid in renderers), "a renderer outlived packet"
    assert b"Traceback" not in err and b"Error" not in err, err.decode()
    if how == "SIGKILL":
        assert process.returncode == -signal.SIGKILL
        return
    # SIGHUP and SIGTERM stop packet as Ctrl-C does: a quiet message, finished outputs kept.
    signum = {"SIGTERM": signal.SIGTERM, "Ctrl-C": signal.SIGINT}.get(how, signal.SIGHUP)
    assert process.returncode == 128 + signum, err.decode()
    said = "interrupted" if how == "Ctrl-C" else f"stopped ({signal.Signals(signum).name})"
    assert err.decode() == f"packet: {said}; finished outputs are kept, unfinished ones discarded\n"
    written = [line.split()[0].decode() for line in (first + out).splitlines()]
    assert written and all((root / name).is_file() for name in written)
    leftovers = [p.name for p in (root / "output").iterdir() if p.name.endswith(".part")]
    assert leftovers == []


@needs_proc_children
def test_a_renderer_killed_alone_fails_the_build_instead_of_hanging(tmp_path: Path) -> None:
    from packet.build import default_jobs

    if default_jobs() < 2:
        pytest.skip("--jobs 2 needs two cores")
    root = copy_project(tmp_path / "project")
    process, renderers, _ = start_parallel_build(root)
    os.kill(min(renderers), signal.SIGKILL)  # as the out-of-memory killer would
    try:
        _, err = process.communicate(timeout=60)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.communicate()
        pytest.fail("the build waited forever for the killed renderer")
    assert process.returncode == 1
    assert b"Traceback" not in err
    assert b"a PDF renderer stopped" in err, err.decode()
    assert not any(running(pid) for pid in renderers)


@needs_proc_children
def test_a_build_started_with_nohup_survives_the_terminal_closing(tmp_path: Path) -> None:
    from packet.build import default_jobs

    if default_jobs() < 2:
        pytest.skip("--jobs 2 needs two cores")
    root = copy_project(tmp_path / "project")
    lessons = ("3-s21", "5-justice")
    process = start_packet(
        "build",
        *lessons,
        "--edition",
        "student",
        "-j",
        "2",
        cwd=root,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,
        preexec_fn=lambda: signal.signal(signal.SIGHUP, signal.SIG_IGN),  # as `nohup` does
    )
    deadline = time.monotonic() + 120
    while len(children(process.pid)) < 2 and time.monotonic() < deadline:
        time.sleep(0.05)
    os.killpg(process.pid, signal.SIGHUP)
    _, err = process.communicate(timeout=240)
    assert process.returncode == 0, err.decode()
    assert all((root / "output" / f"{lesson}-student.pdf").is_file() for lesson in lessons)


def test_sigterm_in_process_ends_like_ctrl_c(project_dir: Path) -> None:
    """The handler is installed only for the command and put back afterwards."""

    def not_handled(signum: int, frame: object) -> None:
        raise RuntimeError("SIGTERM reached the test's own handler")

    before = signal.signal(signal.SIGTERM, not_handled)

    def build(*args: object, **kwargs: object) -> None:
        os.kill(os.getpid(), signal.SIGTERM)
        time.sleep(5)  # the signal arrives here

    import packet.build

    original = packet.build.build
    packet.build.build = build  # type: ignore[assignment]
    try:
        code, output = invoke(project_dir, "build")
    finally:
        packet.build.build = original
        restored = signal.signal(signal.SIGTERM, before)
    assert code == 128 + signal.SIGTERM
    assert output.startswith("packet: stopped (SIGTERM)"), output
    assert restored is not_handled


# -- packet init ----------------------------------------------------------------------------


def init(target: Path | str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["init", str(target)])
    return result.exit_code, result.output


def test_init_on_a_dangling_link_says_what_the_link_points_to(tmp_path: Path) -> None:
    link = tmp_path / "unit"
    link.symlink_to(tmp_path / "nowhere" / "unit")
    code, output = init(link)
    assert code == 2, output
    assert f"{link}: is a link to {tmp_path / 'nowhere' / 'unit'}, which does not exist" in output
    assert "remove the link" in output and "internal error" not in output
    assert link.is_symlink() and not (tmp_path / "nowhere").exists()


def test_init_on_a_link_loop_is_a_message(tmp_path: Path) -> None:
    (tmp_path / "a").symlink_to(tmp_path / "b")
    (tmp_path / "b").symlink_to(tmp_path / "a")
    code, output = init(tmp_path / "a")
    assert code == 2, output
    assert f"{tmp_path / 'a'}: is a link that cannot be followed" in output


@pytest.mark.skipif(not Path("/proc/self").is_dir(), reason="needs Linux /proc")
def test_init_under_proc_says_the_place_cannot_hold_a_project() -> None:
    code, output = init("/proc/packet-unit")
    assert code == 1, output
    assert output.startswith("packet: /proc/packet-unit: cannot create the project here")
    assert "choose a folder" in output and "internal error" not in output


def test_init_on_an_existing_file_or_under_one(tmp_path: Path) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("mine", encoding="utf-8")
    code, output = init(notes)
    assert code == 2 and f"{notes}: is a file, not a folder" in output
    code, output = init(notes / "unit")
    assert code == 2, output
    assert f"{notes / 'unit'}: {notes} is a file, not a folder" in output
    assert notes.read_text(encoding="utf-8") == "mine"


@pytest.mark.skipif(not Path("/dev/null").exists(), reason="needs /dev/null")
def test_init_on_a_device_names_what_it_is() -> None:
    code, output = init("/dev/null")
    assert code == 2 and "/dev/null: is a device, not a folder" in output


def test_init_on_a_folder_in_use_changes_nothing(tmp_path: Path) -> None:
    folder = tmp_path / "unit"
    folder.mkdir()
    (folder / "draft.md").write_text("mine", encoding="utf-8")
    code, output = init(folder)
    assert code == 2 and "is not empty" in output
    assert [p.name for p in folder.iterdir()] == ["draft.md"]
    project = tmp_path / "project"
    assert init(project)[0] == 0
    code, output = init(project)
    assert code == 2 and "already a packet project" in output


def test_init_where_it_may_not_write(tmp_path: Path) -> None:
    if os.geteuid() == 0:  # root writes anywhere a mode allows: use a place no one may write
        target = Path("/sys/kernel/packet-unit")
        if not target.parent.is_dir():
            pytest.skip("needs /sys/kernel")
    else:
        locked = tmp_path / "locked"
        locked.mkdir(mode=0o555)
        target = locked / "unit"
    code, output = init(target)
    assert code == 1, output
    assert output.startswith(f"packet: {target}: cannot create the project here")
    assert "choose a folder you may write to" in output


def test_init_that_fails_part_way_leaves_nothing_behind(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import shutil

    copied: list[object] = []
    real = shutil.copyfileobj

    def disk_fills(source: object, target: object, *args: object) -> None:
        if len(copied) == 3:
            raise OSError(errno.ENOSPC, "No space left on device")
        copied.append(source)
        real(source, target, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(shutil, "copyfileobj", disk_fills)
    empty = tmp_path / "empty"
    empty.mkdir()
    for target in (tmp_path / "new" / "unit", empty):
        copied.clear()
        code, output = init(target)
        assert code == 1, output
        assert "No space left on device" in output and "free some disk space" in output
    assert not (tmp_path / "new").exists()
    assert list(empty.iterdir()) == []


def test_init_tells_a_next_step_that_works_in_the_shell(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    code, output = init("my unit")
    assert code == 0, output
    assert "Next: cd 'my unit' && packet build" in output


def test_a_deleted_current_folder_is_a_message(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    gone = tmp_path / "gone"
    gone.mkdir()
    monkeypatch.chdir(gone)
    gone.rmdir()
    for args in (["list"], ["init", "unit"], ["build"]):
        result = CliRunner().invoke(main, args)
        assert result.exit_code == 2, result.output
        assert "the current folder no longer exists" in result.output, result.output


# -- build options --------------------------------------------------------------------------


def test_an_output_folder_that_cannot_be_written_is_a_message(project_dir: Path) -> None:
    if os.geteuid() == 0:
        out = Path("/sys/kernel")
        if not out.is_dir():
            pytest.skip("needs /sys/kernel")
    else:
        out = project_dir / "locked"
        out.mkdir(mode=0o555)
    code, output = invoke(project_dir, "build", "3-s21", "--format", "html", "--out", str(out))
    assert code == 1, output
    assert output.startswith(f"packet: {out}") and "--out" in output
    assert "internal error" not in output


def test_an_output_folder_that_is_a_file_is_a_usage_error(project_dir: Path) -> None:
    notes = project_dir / "notes.txt"
    notes.write_text("mine", encoding="utf-8")
    code, output = invoke(project_dir, "build", "--out", str(notes))
    assert code == 2 and "is a file" in output
    assert notes.read_text(encoding="utf-8") == "mine"


@pytest.mark.parametrize("inside", ["content", "seeds", "templates", "content/modules"])
def test_outputs_are_never_written_into_the_projects_own_folders(
    project_dir: Path, inside: str
) -> None:
    before = sorted((project_dir / inside.split("/")[0]).rglob("*"))
    code, output = invoke(project_dir, "build", "3-s21", "--out", str(project_dir / inside))
    assert code == 2, output
    top = inside.split("/")[0]
    assert f"--out {project_dir / inside}: inside the project's {top}/ folder" in output
    assert sorted((project_dir / top).rglob("*")) == before


def test_jobs_beyond_the_cores_are_not_started(
    project_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import packet.build

    asked = []

    def build(root: Path, request: packet.build.BuildRequest, **kwargs: object) -> object:
        asked.append(request.jobs)
        return packet.build.BuildResult()

    monkeypatch.setattr(packet.build, "build", build)
    assert invoke(project_dir, "build", "--jobs", "10000")[0] == 0
    assert invoke(project_dir, "build", "--jobs", "1")[0] == 0
    assert asked == [packet.build.default_jobs(), 1]
    for bad in ("0", "-3", "two"):
        code, output = invoke(project_dir, "build", "--jobs", bad)
        assert code == 2 and "--jobs" in output


def test_a_name_too_long_for_a_file_is_a_usage_error(project_dir: Path) -> None:
    code, output = invoke(project_dir, "build", "--modules", "origins", "--name", "a" * 300)
    assert code == 2, output
    assert "--name 'aaaaaaaaaaaaaaaaaaaa…': use at most 64 characters" in output
    assert not (project_dir / "output").exists()


def test_a_section_or_module_given_twice_is_printed_once(project_dir: Path) -> None:
    args = ("--modules", "origins,tribunal,origins", "--sections", "timeline,glossary,timeline")
    code, output = invoke(project_dir, "build", *args, "--edition", "student", "--format", "html")
    assert code == 0, output
    html = (project_dir / "output" / "custom-student.html").read_text(encoding="utf-8")
    assert html.count('id="module-origins"') == html.count('id="section-timeline"') == 1
    assert html.index('id="module-origins"') < html.index('id="module-tribunal"')
    assert html.index('id="section-timeline"') < html.index('id="section-glossary"')


def test_serve_does_not_write_where_a_shared_units_output_link_points(
    project_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import packet.serve

    served: list[object] = []
    monkeypatch.setattr(packet.serve, "serve", lambda *args: served.append(args))
    elsewhere = tmp_path / "teachers-documents"
    elsewhere.mkdir()
    (project_dir / "output").symlink_to(elsewhere)
    code, output = invoke(project_dir, "serve", "3-s21", "--port", "0")
    assert code == 2, output
    assert "is a link to a folder outside the project" in output
    assert served == []
