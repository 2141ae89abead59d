"""The `packet` command: parse options, call one library function, report errors.

Exit status: 0 success, 1 content or build error, 2 usage error; stopped by Ctrl-C,
SIGTERM or SIGHUP, 128 + the signal's number (130, 143, 129).

Everything packet prints goes through one filter (`visible`): titles, ids and file
names come from project files a colleague may have written, and a control character
among them would otherwise reach the terminal and act there (retitle the window, clear
the screen, move the cursor over earlier lines). Such characters are spelled out instead.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import re
import signal
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING, Any, TextIO, TypeVar, cast

import click

from .choices import EXPORTS, SECTIONS
from .errors import ContentError, PacketError, UsageError

if TYPE_CHECKING:
    from .model import Project
    from .pull import PicturesWithoutText, PullReport

F = TypeVar("F", bound=Callable[..., Any])

# What a terminal acts on rather than shows: C0 controls but tab and newline (ESC starts
# every escape sequence), DEL, C1 controls (0x9b is a one-character CSI on some terminals),
# the bidirectional overrides and isolates that reorder what follows them, and lone
# surrogates (a file name that is not UTF-8, which a UTF-8 terminal cannot even be sent).
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def _spelled(match: re.Match[str]) -> str:
    code = ord(match[0])
    if 0xDC80 <= code <= 0xDCFF:  # a byte of a file name that is not UTF-8: show the byte
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def visible(text: str) -> str:
    """`text` with every character a terminal would act on spelled out (`\\x1b`, `\\u202e`)."""
    return _CONTROL.sub(_spelled, text)


def _one_line(value: object) -> str:
    """A value shown on one line of a listing: a newline in it cannot start a fake line."""
    return str(value).replace("\n", "\\n")


class _Visible(io.TextIOBase):
    """A text stream (stdout, stderr) that passes on only what `visible` leaves, and spells
    out what the terminal's encoding cannot show rather than fail on it."""

    def __init__(self, raw: TextIO) -> None:
        super().__init__()
        self.raw = raw

    def write(self, text: str) -> int:
        if not isinstance(text, str):  # click tells text streams from binary ones this way
            raise TypeError(f"write() argument must be str, not {type(text).__name__}")
        shown = visible(text)
        if (self.raw.errors or "strict") == "strict":  # a terminal that is not UTF-8 (Latin-1)
            encoding = self.raw.encoding or "utf-8"  # shows what it cannot print as \u2013
            shown = shown.encode(encoding, "backslashreplace").decode(encoding)
        self.raw.write(shown)
        return len(text)

    def flush(self) -> None:
        self.raw.flush()

    def close(self) -> None:
        """Nothing to close: the stream underneath stays open for whoever else writes to it."""

    def writable(self) -> bool:
        return True

    def isatty(self) -> bool:
        return self.raw.isatty()

    def fileno(self) -> int:
        return self.raw.fileno()

    # Read-only here as in every text stream; typeshed declares them as plain attributes.
    @property
    def encoding(self) -> str:  # type: ignore[override]
        return self.raw.encoding

    @property
    def errors(self) -> str | None:  # type: ignore[override]
        return self.raw.errors


def _raw(stream: TextIO) -> TextIO:
    """The terminal behind `stream`, for the progress bar's own carriage returns."""
    return stream.raw if isinstance(stream, _Visible) else stream


def _show_only_visible() -> None:
    """Route stdout and stderr through `visible` from here on, tracebacks included."""
    for name in ("stdout", "stderr"):
        stream = getattr(sys, name)
        if stream is not None and not isinstance(stream, _Visible):
            setattr(sys, name, cast(TextIO, _Visible(stream)))


class _Packet(click.Group):
    """The `packet` group: everything it and click print is filtered through `visible`,
    usage errors included (they quote the arguments given)."""

    def main(self, *args: Any, **kwargs: Any) -> Any:
        _show_only_visible()
        return super().main(*args, **kwargs)


class _Stopped(KeyboardInterrupt):
    """SIGTERM or SIGHUP: packet stops as it does for Ctrl-C."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


@contextlib.contextmanager
def _stop_on_signals() -> Iterator[None]:
    """While a command runs, SIGTERM and SIGHUP (the terminal closed) raise `_Stopped`, so
    they end packet the way Ctrl-C does: unfinished outputs discarded, renderers ended.

    A signal packet was started ignoring (`nohup packet build`) stays ignored, and once
    stopping has begun further signals wait: the clean-up is not cut short half-way."""
    if threading.current_thread() is not threading.main_thread():
        yield  # only the main thread may set handlers (packet run from another program)
        return
    owner = os.getpid()
    numbers = [getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name)]
    previous = {}

    def stop(signum: int, frame: FrameType | None) -> None:
        if os.getpid() != owner:  # a process forked before it reset this: end it plainly
            signal.signal(signum, signal.SIG_DFL)
            os.kill(os.getpid(), signum)
            return
        for number in numbers:
            signal.signal(number, signal.SIG_IGN)
        raise _Stopped(signum)

    for number in numbers:
        if signal.getsignal(number) is not signal.SIG_IGN:
            previous[number] = signal.signal(number, stop)
    try:
        yield
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)


def _say(message: str) -> None:
    """A last message on stderr, which may be gone with the terminal (SIGHUP)."""
    with contextlib.suppress(OSError):
        click.echo(message, err=True)


def _current_folder_exists() -> bool:
    try:
        Path.cwd()
    except FileNotFoundError:
        return False
    return True


class State:
    def __init__(self, project_dir: Path | None, debug: bool) -> None:
        self.project_dir = project_dir
        self.debug = debug

    def root(self) -> Path:
        """The project folder: --project, or the nearest folder holding packet.toml."""
        from .layout import PROJECT_FILE, find_project

        root = self.project_dir.resolve() if self.project_dir else find_project(Path.cwd())
        if self.project_dir and not (root / PROJECT_FILE).is_file():
            raise UsageError(
                f"{root}: no packet.toml here — is --project pointing at a packet project?"
            )
        return root

    def load(self) -> Project:
        from .project import load_project

        return load_project(self.root())


KEPT = "finished outputs are kept, unfinished ones discarded"


def _run(state: State, action: Callable[[], int | None], *, on_stop: str = KEPT) -> None:
    """Run `action`, turning its errors into messages and exit statuses; `on_stop` says what
    became of the work when the teacher stops the command (Ctrl-C, SIGTERM, SIGHUP)."""
    if not _current_folder_exists():
        click.echo(
            "packet: the current folder no longer exists (it was deleted or moved) — "
            "cd into a folder that exists and run the command again",
            err=True,
        )
        sys.exit(2)
    try:
        with _stop_on_signals():
            code = action()
    except BrokenPipeError:  # the reader went away (`packet list | head`): stop quietly
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        sys.exit(1)
    except KeyboardInterrupt as exc:
        signum = exc.signum if isinstance(exc, _Stopped) else int(signal.SIGINT)
        how = f"stopped ({signal.Signals(signum).name})" if isinstance(exc, _Stopped) else None
        _say(f"packet: {how or 'interrupted'}; {on_stop}")
        sys.exit(128 + signum)
    except Exception as exc:
        if state.debug:
            raise
        sys.exit(_explain(exc))
    sys.exit(code or 0)


def _explain(exc: Exception) -> int:
    """Say what stopped the command, as a teacher can act on it; the exit status."""
    if isinstance(exc, ContentError):
        for problem in exc.problems:
            click.echo(str(problem), err=True)
        errors = sum(1 for p in exc.problems if p.severity.value == "error")
        warnings = len(exc.problems) - errors
        click.echo(f"packet: stopped: {errors} error(s), {warnings} warning(s)", err=True)
        return 1
    if isinstance(exc, PacketError):
        click.echo(f"packet: {exc}", err=True)
        return 2 if isinstance(exc, UsageError) else 1
    # a bug in packet itself: say so plainly, traceback on --debug
    click.echo(
        f"packet: internal error ({type(exc).__name__}: {exc}) — "
        "run again with --debug and report the traceback",
        err=True,
    )
    return 1


def _csv(
    choices: tuple[str, ...] | None,
) -> Callable[[click.Context, click.Parameter, str | None], list[str] | None]:
    def parse(ctx: click.Context, param: click.Parameter, value: str | None) -> list[str] | None:
        if value is None:
            return None
        # Each once, where first given: a section or module twice would print twice.
        items = list(dict.fromkeys(item.strip() for item in value.split(",") if item.strip()))
        if choices is not None:
            bad = [i for i in items if i not in choices]
            if bad:
                raise click.BadParameter(f"{', '.join(bad)} — choose from {', '.join(choices)}")
        if not items and choices is None:
            raise click.BadParameter("give at least one id")
        return items

    return parse


def _output_folder(root: Path, out: Path | None) -> Path | None:
    """`--out` as an absolute folder, refused inside the folders packet reads as the project."""
    if out is None:
        return None
    from .layout import INPUT_FOLDERS, inside

    folder = out.resolve()
    for part in INPUT_FOLDERS:
        if inside(folder, [(root / part).resolve()]):
            raise UsageError(
                f"--out {out}: inside the project's {part}/ folder, where outputs would be "
                "read as part of the project — choose a folder outside content/, seeds/ and "
                "templates/ (the default is output/)"
            )
    return folder


# Options several commands share, each spelled once.
_out_option = click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    help="Output folder (default: output/).",
)
_paper_option = click.option(
    "--paper", type=click.Choice(["a4", "letter"]), help="Paper size (default: packet.toml)."
)


# color=True: click would strip some escape sequences (not all) off a terminal only; the
# stream filter spells every one out, so a pipe and a terminal get the same text.
@click.group(cls=_Packet, context_settings={"help_option_names": ["-h", "--help"], "color": True})
@click.option(
    "--project",
    "project_dir",
    type=click.Path(file_okay=False, path_type=Path),
    help="The packet project (default: nearest folder holding packet.toml).",
)
@click.option("--debug", is_flag=True, help="Show tracebacks for errors.")
@click.version_option(package_name="packet")
@click.pass_context
def main(ctx: click.Context, project_dir: Path | None, debug: bool) -> None:
    """Turn source documents into printable classroom packets."""
    ctx.obj = State(project_dir, debug)


@main.command("list")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
@click.pass_obj
def list_command(state: State, as_json: bool) -> None:
    """List the project's lessons, modules and seeds."""

    def action() -> None:
        project = state.load()
        data: dict[str, list[dict[str, Any]]] = {
            "lessons": [
                {
                    "id": lesson.id,
                    "title": lesson.entry.title,
                    "modules": list(lesson.entry.modules),
                }
                for lesson in project.lessons.values()
            ],
            "modules": [{"id": m.id, "title": m.meta.title} for m in project.modules.values()],
            "seeds": [{"id": s.id, "title": s.meta.title.value} for s in project.seeds.values()],
        }
        if as_json:
            # JSON escapes C0 itself; DEL, C1 and the rest are escaped here the JSON way, so
            # the text stays valid JSON that reads back as the very same titles.
            text = json.dumps(data, indent=2, ensure_ascii=False)
            click.echo(_CONTROL.sub(lambda m: f"\\u{ord(m[0]):04x}", text))
            return
        click.echo("Lessons:")
        for lesson in data["lessons"]:
            modules = _one_line(", ".join(lesson["modules"]))
            click.echo(f"  {_one_line(lesson['id']):<20} {_one_line(lesson['title'])}  [{modules}]")
        click.echo("Modules:")
        for module in data["modules"]:
            click.echo(f"  {_one_line(module['id']):<20} {_one_line(module['title'])}")
        click.echo("Seeds:")
        for seed in data["seeds"]:
            click.echo(f"  {_one_line(seed['id']):<20} {_one_line(seed['title'])}")

    _run(state, action)


@main.command()
@click.argument("lessons", nargs=-1)
@click.option(
    "--modules",
    callback=_csv(None),
    help="Build an ad-hoc lesson from these module ids (comma-separated).",
)
@click.option(
    "--name", default="custom", show_default=True, help="Name of the ad-hoc lesson's files."
)
@click.option(
    "--sections",
    callback=_csv(SECTIONS),
    help=f"Back sections in order, from: {', '.join(SECTIONS)} (default: the lesson's own).",
)
@click.option(
    "--edition",
    type=click.Choice(["student", "teacher", "both", "report"]),
    default="both",
    show_default=True,
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["pdf", "html", "docx", "both", "all"]),
    default="both",
    show_default=True,
    help="both: pdf and html; all: pdf, html and docx (Word, for editing).",
)
@_paper_option
@click.option("--large-print", is_flag=True, help="18 pt text, nothing under 16 pt.")
@click.option(
    "--booklet",
    is_flag=True,
    help="A5 (half-letter) pages, two a side in folding order, for saddle-stitched booklets.",
)
@click.option(
    "--support",
    is_flag=True,
    help="A word bank per section and sentence starters for long answers (-support).",
)
@click.option(
    "--double-sided/--single-sided",
    default=None,
    help="Start sections on a right-hand page (default: packet.toml).",
)
@click.option(
    "--language",
    metavar="CODE",
    help="The language of packet's own words (Contents, Name, Page 1 of 3): en, fr, es or de "
    "(default: packet.toml's language).",
)
@_out_option
@click.option(
    "--jobs",
    "-j",
    type=click.IntRange(min=1),
    help="PDFs rendered at once, one process each (default and most: one per core).",
)
@click.option("--force", is_flag=True, help="Rebuild every output, even those up to date.")
@click.option("--strict", is_flag=True, help="Treat warnings as errors.")
@click.pass_obj
def build(
    state: State,
    lessons: tuple[str, ...],
    modules: list[str] | None,
    name: str,
    sections: list[str] | None,
    edition: str,
    fmt: str,
    paper: str | None,
    large_print: bool,
    booklet: bool,
    support: bool,
    double_sided: bool | None,
    language: str | None,
    out: Path | None,
    jobs: int | None,
    force: bool,
    strict: bool,
) -> None:
    """Build lessons (default: every lesson) into PDF and HTML packets.

    Outputs whose content, seeds, templates and settings have not changed since
    the last build are kept as they are (shown as "up to date").
    """
    import re

    from .build import BuildRequest, default_jobs
    from .build import build as run_build
    from .build.request import FORMATS
    from .layout import ID_PATTERN, NAME_MAX

    def action() -> None:
        if modules and lessons:
            raise UsageError("give lesson names or --modules, not both")
        if not re.fullmatch(ID_PATTERN, name):
            raise UsageError(f"--name '{name}': use lower-case letters, digits and hyphens")
        if len(name) > NAME_MAX:  # as a lesson id: it names the output files
            raise UsageError(f"--name '{name[:20]}…': use at most {NAME_MAX} characters")
        if language is not None:
            _shipped_language(language)
        root = state.root()
        cores = default_jobs()
        request = BuildRequest(
            lessons=lessons,
            modules=modules or (),
            name=name,
            sections=sections,  # type: ignore[arg-type]
            editions=("student", "teacher") if edition == "both" else (edition,),  # type: ignore[arg-type]
            formats={"both": ("pdf", "html"), "all": FORMATS}.get(fmt, (fmt,)),  # type: ignore[arg-type]
            paper=paper,
            large_print=large_print,
            booklet=booklet,
            support=support,
            double_sided=double_sided,
            language=language,
            out=_output_folder(root, out),
            strict=strict,
            # More renderers than cores only share the cores, each with its own copy of
            # WeasyPrint and the fonts in memory: --jobs 10000 must not start 10000 processes.
            jobs=min(jobs or cores, cores),
            force=force,
        )
        with _Progress() as progress:
            result = run_build(
                root,
                request,
                on_output=progress.output,
                on_plan=progress.start,
                on_notice=progress.notice,
            )
        for warning in result.warnings:
            click.echo(warning, err=True)

    _run(state, action)


def _shipped_language(language: str) -> None:
    """Refuse a --language packet has no words for (packet.toml's `language` may name any:
    its content's; packet's own words then stay English)."""
    from .i18n import PSEUDO, SHIPPED

    if language not in (*SHIPPED, PSEUDO):
        raise UsageError(
            f"--language {language}: packet's own words come in {', '.join(SHIPPED)} — "
            "choose one of them"
        )


class _Progress:
    """One line per output on stdout; on a terminal, a bar below them for batches."""

    def __init__(self) -> None:
        self.bar: Any = None

    def start(self, total: int) -> None:
        if total > 1 and sys.stderr.isatty():
            from tqdm import tqdm

            self.bar = tqdm(
                total=total,
                desc="building",
                bar_format="{desc} {percentage:3.0f}%|{bar}| {n_fmt}/{total_fmt} "
                "[{elapsed}<{remaining}]",
                leave=False,
                file=_raw(sys.stderr),  # the bar redraws itself with carriage returns
            )

    def output(self, output: Any) -> None:
        pages = f"{output.pages} pages" if output.pages is not None else "—"
        try:
            shown = output.path.relative_to(Path.cwd())
        except (ValueError, OSError):  # elsewhere, or the current folder has gone
            shown = output.path
        when = "up to date" if output.cached else f"{output.seconds:.2f}s"
        line = f"{_one_line(shown)}  {pages}  {when}"
        if self.bar is None:
            click.echo(line)
            return
        self.bar.clear()  # the line goes above the bar, through the filter like all output
        click.echo(line)
        self.bar.update()
        self.bar.refresh()

    def notice(self, message: str) -> None:
        """A word for the teacher (a long build ahead), above the bar if there is one."""
        if self.bar is not None:
            self.bar.clear()
        click.echo(message, err=True)
        if self.bar is not None:
            self.bar.refresh()

    def __enter__(self) -> _Progress:
        return self

    def __exit__(self, *exc: object) -> None:
        if self.bar is not None:
            self.bar.close()


@main.command()
@click.argument("directory", type=click.Path(path_type=Path))
@click.pass_obj
def init(state: State, directory: Path) -> None:
    """Create a new packet project in DIRECTORY, with a small working example."""
    from .init import init_project

    def action() -> None:
        import shlex

        written = init_project(directory)
        click.echo(f"Created a packet project in {directory} ({len(written)} files).")
        place = shlex.quote(str(directory))  # a command the teacher can paste as it is
        click.echo(f"Next: cd {place} && packet build   (then: packet pull YOUR-ARTICLE.html)")

    _run(state, action)


def _echo_pulled(report: PullReport) -> None:
    """What a pulled document is and what was read of it."""
    kind = f"{report.kind}, {report.encoding}"
    if report.text_file:
        pages = f"{report.pages} page(s); " if report.pages else ""
        kind = f"{report.kind}, {pages}its text in {report.text_file}"
    click.echo(f"seeds/{_one_line(report.seed_file)}: seed '{report.seed_id}' ({kind})")
    for name, value in report.found.items():  # read from the document: one line each
        click.echo(f"  {name}: {_one_line(value)}")
    if report.missing:
        click.echo(f"  not found in the document: {', '.join(report.missing)}")
    if report.parts:
        parts = ", ".join(f"seeds/{_one_line(part)}" for part in report.parts)
        click.echo(f"  its later pages: {parts} (the pictures in the order given)")
    if report.ocr:
        _echo_ocr(report)


def _echo_ocr(report: PullReport) -> None:
    """How OCR read a scan, and the words to check against it."""
    click.echo(f"  {report.ocr}")
    if report.unsure:
        shown = ", ".join(_one_line(word) for word in report.unsure[:8])
        more = f" and {len(report.unsure) - 8} more" if len(report.unsure) > 8 else ""
        click.echo(f"  check against the scan {len(report.unsure)} word(s) OCR was unsure of: "
                   f"{shown}{more}")  # fmt: skip
        click.echo(
            f"  (they are listed under ocr: unsure in seeds/{_one_line(report.seed_file)}"
            ".meta.yaml; correct the text in "
            f"{_one_line(report.text_file)}, and remove a word from the list once checked)"
        )


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--id", "seed_id", help="Id for the new seed (one file only).")
@click.option(
    "--figure",
    is_flag=True,
    help="Pull pictures as figures: primary sources to print (a photograph, a poster, a map).",
)
@click.option(
    "--alt", help="With --figure: what the picture shows, for a reader who cannot see it."
)
@click.option("--credit", help="With --figure: who made or holds it, and its licence.")
@click.pass_obj
def pull(
    state: State,
    files: tuple[Path, ...],
    seed_id: str | None,
    figure: bool,
    alt: str | None,
    credit: str | None,
) -> None:
    """Copy source documents into seeds/ and draft modules, events and terms from them."""
    from .pull import Figure, PicturesWithoutText
    from .pull import pull as run_pull

    if (alt is not None or credit is not None) and not figure:
        raise click.UsageError("--alt and --credit describe a figure: give --figure too")

    def action() -> None:
        root = state.root()
        given = Figure(alt, credit) if figure else None
        try:
            reports = run_pull(root, list(files), seed_id, given)
        except PicturesWithoutText as exc:
            if not _ask_figures(exc):
                raise
            reports = run_pull(root, list(files), seed_id, Figure())
        for report in reports:
            if report.kind == "figure":
                _echo_figure(report)
                continue
            _echo_pulled(report)
            for warning in report.warnings:
                click.echo(f"  warning: {_one_line(warning)}", err=True)
            click.echo(
                f"  drafted {len(report.modules)} module(s), {report.events} timeline event(s), "
                f"{report.terms} glossary term(s); lesson '{report.lesson}'"
            )
            if report.skipped:
                click.echo(f"  skipped {len(report.skipped)} line(s) of boilerplate, e.g.:")
                for line in report.skipped[:5]:
                    click.echo(f"    {_one_line(line[:90])}")
        click.echo("Drafts are marked draft: true. Review them, then `packet build`.")

    _run(state, action, on_stop="every file the pull had written is put back as it was")


def _ask_figures(exc: PicturesWithoutText) -> bool:
    """On a terminal, offer to pull pictures with no words to read as figures instead."""
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        return False
    names = ", ".join(_one_line(p.name) for p in exc.pictures)
    return click.confirm(
        f"OCR found no text in {names}. Is it a picture to print (a photograph, a poster, a "
        "map)? Pull it as a figure",
        default=False,
    )


def _echo_figure(report: PullReport) -> None:
    click.echo(f"seeds/{_one_line(report.seed_file)}: figure '{report.seed_id}'")
    click.echo(f"  not known: {', '.join(report.missing)}")
    click.echo(
        f"  fill them in seeds/{_one_line(report.seed_file)}.meta.yaml; place it in a module "
        f"with ![caption](figure:{report.seed_id})"
    )


@main.command()
@click.argument("lesson", required=False)
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True)
@click.option(
    "--language",
    metavar="CODE",
    help="The language of packet's own words (Contents, Name, Page 1 of 3): en, fr, es or de "
    "(default: packet.toml's language).",
)
@_out_option
@click.pass_obj
def serve(
    state: State, lesson: str | None, port: int, language: str | None, out: Path | None
) -> None:
    """Preview lessons in the browser; they rebuild and reload as you save."""
    from .layout import default_output
    from .serve import serve as run_serve

    def action() -> None:
        if language is not None:
            _shipped_language(language)
        root = state.root()

        def ready(address: str) -> None:
            click.echo(f"Previewing at {address} — edit and save, the page follows; Ctrl-C stops.")

        try:
            run_serve(
                root,
                _output_folder(root, out) or default_output(root),
                lesson,
                port,
                ready,
                language,
            )
        except KeyboardInterrupt:
            click.echo("Stopped.")

    _run(state, action)


@main.command()
@click.option("--strict", is_flag=True, help="Treat warnings as errors.")
@click.pass_obj
def check(state: State, strict: bool) -> None:
    """Validate the whole project: schemas, references, quotes against seeds, glossary use."""
    from .check import check_project

    def action() -> int:
        project = state.load()
        report = check_project(project)
        for problem in report.problems:
            click.echo(str(problem), err=True)
        failed = bool(report.errors) or (strict and bool(report.warnings))
        summary = f"{len(report.errors)} error(s), {len(report.warnings)} warning(s)"
        if report.notes:
            summary += f", {len(report.notes)} note(s)"
        click.echo(f"packet check: {'FAILED' if failed else 'ok'}: {summary}", err=failed)
        return 1 if failed else 0

    _run(state, action)


@main.command()
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Where to write the page (default: beside FILE, ending .html).",
)
@click.pass_obj
def answers(state: State, file: Path, out: Path | None) -> None:
    """Show a student's saved answers (from the HTML packet) as a page to read and print."""
    from .answers import MAX_ANSWERS_BYTES, answers_page, read_saved
    from .errors import UsageError
    from .files import Refused, read_file, write_atomic

    def action() -> None:
        try:
            data = read_file(file, [file.parent.resolve()], limit=MAX_ANSWERS_BYTES)
        except Refused as exc:
            raise UsageError(f"{file}: {exc}") from exc
        saved = read_saved(data, str(file))
        page = out or file.with_suffix(".html")
        if page.resolve() == file.resolve():
            raise UsageError(f"{page}: is the answers file itself — choose another --out")
        _not_someone_elses(page)
        write_atomic(page, answers_page(saved).encode("utf-8"), elsewhere="choose another --out")
        answered = sum(1 for a in saved.answers if a.answer.strip())
        who = saved.name or "(no name given)"
        click.echo(f"{visible(who)}: {answered} of {len(saved.answers)} answered — {page}")

    _run(state, action)


@main.command()
@click.argument("lesson")
@click.option(
    "--to",
    "to",
    type=click.Choice(list(EXPORTS)),
    required=True,
    help="qti: a .zip for Canvas; moodle: Moodle XML.",
)
@click.option(
    "--language",
    metavar="CODE",
    help="The language of packet's own words (instructions, Model answer, Document A): en, fr, "
    "es or de (default: packet.toml's language).",
)
@_out_option
@click.pass_obj
def export(state: State, lesson: str, to: str, language: str | None, out: Path | None) -> None:
    """Export a lesson's questions and activities for a learning platform (Canvas, Moodle):
    OUT/<lesson>-questions.qti.zip or OUT/<lesson>-questions.moodle.xml."""
    from .export import export as export_lesson

    def action() -> None:
        if language is not None:
            _shipped_language(language)
        root = state.root()
        done = export_lesson(root, lesson, to, _output_folder(root, out), language)
        for warning in done.warnings:
            click.echo(warning, err=True)
        readings = f" and {done.readings} reading(s)" if done.readings else ""
        click.echo(f"{done.questions} question(s){readings} — wrote {visible(str(done.path))}")

    _run(state, action)


@main.command("print")
@click.argument("lesson", required=False)
@click.option(
    "--roster",
    type=click.Path(dir_okay=False, path_type=Path),
    help="The class list (CSV): a Name column; Class and Variant columns if you like.",
)
@_out_option
@click.option(
    "--versions",
    type=click.IntRange(1, 4),
    default=1,
    show_default=True,
    help="A/B versions (activity items in another order), alternating through the roster.",
)
@click.option("--printer", help="Send the class set to this print queue (CUPS).")
@click.option(
    "--duplex/--simplex",
    default=True,
    show_default=True,
    help="Two-sided, each copy starting on a fresh sheet; or one-sided.",
)
@click.option("--only", "only", help="Reprint the copy of the student with this name.")
@click.option("--dry-run", is_flag=True, help="Say what would be printed; print nothing.")
@click.option("--list-printers", is_flag=True, help="List the print queues and stop.")
@_paper_option
@click.option("--booklet", is_flag=True, help="Booklets, printed two pages a side to fold.")
@click.option(
    "--language",
    metavar="CODE",
    help="The language of packet's own words (Contents, Name, Page 1 of 3): en, fr, es or de "
    "(default: packet.toml's language).",
)
@click.pass_obj
def print_command(
    state: State,
    lesson: str | None,
    roster: Path | None,
    out: Path | None,
    versions: int,
    printer: str | None,
    duplex: bool,
    only: str | None,
    dry_run: bool,
    list_printers: bool,
    paper: str | None,
    booklet: bool,
    language: str | None,
) -> None:
    """Print a class set: every student's copy with their name on it, then the teacher
    edition and the answer key, as one job (OUT/<lesson>-<roster>-print.pdf)."""

    def action() -> None:
        if list_printers:
            _list_printers()
            return
        if lesson is None or roster is None:
            raise UsageError("give a lesson and --roster FILE.csv (or --list-printers)")
        _refuse_empty_print_options(only, printer, language)
        from .build import default_jobs
        from .classset import PrintRequest, print_class_set
        from .roster import read_roster

        root = state.root()
        students = read_roster(roster)
        for problem in students.warnings:
            click.echo(str(problem), err=True)
        request = PrintRequest(
            lesson=lesson,
            roster=students.only(only) if only is not None else students,
            out=_output_folder(root, out),
            versions=versions,
            duplex=duplex,
            paper=paper,
            booklet=booklet,
            jobs=default_jobs(),
            reprint=only is not None,
            dry_run=dry_run,
            language=language,
        )
        with _Progress() as progress:
            job = print_class_set(root, request, on_output=progress.output)
        for said in job.warnings:
            click.echo(said, err=True)
        click.echo(visible(job.summary()))
        if dry_run:
            click.echo("dry run: nothing written or sent")
            return
        click.echo(f"wrote {visible(str(job.path))}")
        if printer:
            _send(job, printer, booklet)

    _run(state, action)


def _refuse_empty_print_options(
    only: str | None, printer: str | None, language: str | None
) -> None:
    """Refuse `packet print`'s options given empty, and a --language packet has no words for."""
    if only is not None and not only.strip():
        raise UsageError("--only: give the name of the student whose copy to reprint")
    if printer is not None and not printer.strip():
        raise UsageError("--printer: give a print queue's name (--list-printers lists them)")
    if language is not None:
        _shipped_language(language)


def _list_printers() -> None:
    from .printer import printers

    queues = printers()
    if not queues:
        click.echo("no printers: add one in your system's printer settings (CUPS)")
    for queue in queues:
        mark = " (default)" if queue.default else ""
        click.echo(f"{visible(queue.name)}{mark}  {queue.state}")


def _send(job: Any, printer: str, booklet: bool) -> None:
    """Submit the written class set; a CUPS error still leaves the PDF to print by hand."""
    from .printer import PrinterError, submit_parts

    sides = "two-sided-short-edge" if booklet else "two-sided-long-edge"
    try:
        jobs, stapled = submit_parts(
            printer,
            job.title,
            job.path,
            [part.pages + part.padding for part in job.parts],
            sides=sides if job.duplex else "one-sided",
        )
    except PrinterError as exc:
        raise PrinterError(f"{exc} — the class set is written: {job.path}") from exc
    stapled_as = ", stapled" if stapled else ""
    if len(jobs) == 1:
        click.echo(f"sent to {visible(printer)} as {visible(jobs[0])}{stapled_as}")
    else:
        click.echo(
            f"sent to {visible(printer)} as {len(jobs)} jobs, each copy stapled: "
            f"{visible(jobs[0])} to {visible(jobs[-1])}"
        )


def _not_someone_elses(page: Path) -> None:
    """Refuse to write over a file that is not a page `packet answers` made."""
    from .answers import PAGE_GENERATOR
    from .errors import UsageError

    if not page.exists() and not page.is_symlink():
        return
    try:
        head = page.read_bytes()[:2000] if page.is_file() and not page.is_symlink() else b""
    except OSError:
        head = b""
    if f'<meta name="generator" content="{PAGE_GENERATOR}">'.encode() not in head:
        raise UsageError(
            f"{page}: exists and is not a page packet answers made — choose another --out"
        )


def _project_after_the_command(ctx: click.Context, param: click.Parameter, value: Any) -> None:
    if value is not None:
        ctx.find_object(State).project_dir = value  # type: ignore[union-attr]


# Every command takes --project after its name too (`packet build --project X`), as before it.
for _command in main.commands.values():
    _command.params.append(
        click.Option(
            ["--project"],
            type=click.Path(file_okay=False, path_type=Path),
            expose_value=False,
            callback=_project_after_the_command,
            help="The packet project (as `packet --project DIR`).",
        )
    )
