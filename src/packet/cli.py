"""The `packet` command: parse options, call one library function, report errors.

Exit status: 0 success, 1 content or build error, 2 usage error.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from .choices import SECTIONS
from .errors import ContentError, PacketError, UsageError

if TYPE_CHECKING:
    from .model import Project

F = TypeVar("F", bound=Callable[..., Any])


class State:
    def __init__(self, project_dir: Path | None, debug: bool) -> None:
        self.project_dir = project_dir
        self.debug = debug

    def root(self) -> Path:
        """The project folder: --project, or the nearest folder holding packet.toml."""
        from .layout import find_project

        root = self.project_dir.resolve() if self.project_dir else find_project(Path.cwd())
        if self.project_dir and not (root / "packet.toml").is_file():
            raise UsageError(
                f"{root}: no packet.toml here — is --project pointing at a packet project?"
            )
        return root

    def load(self) -> Project:
        from .project import load_project

        return load_project(self.root())


def _run(state: State, action: Callable[[], int | None]) -> None:
    try:
        code = action()
    except UsageError as exc:
        if state.debug:
            raise
        click.echo(f"packet: {exc}", err=True)
        sys.exit(2)
    except ContentError as exc:
        if state.debug:
            raise
        for problem in exc.problems:
            click.echo(str(problem), err=True)
        errors = sum(1 for p in exc.problems if p.severity.value == "error")
        click.echo(
            f"packet: stopped: {errors} error(s), {len(exc.problems) - errors} warning(s)", err=True
        )
        sys.exit(1)
    except PacketError as exc:
        if state.debug:
            raise
        click.echo(f"packet: {exc}", err=True)
        sys.exit(1)
    except BrokenPipeError:  # the reader went away (`packet list | head`): stop quietly
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        sys.exit(1)
    except KeyboardInterrupt:
        click.echo(
            "packet: interrupted; finished outputs are kept, unfinished ones discarded", err=True
        )
        sys.exit(130)
    except Exception as exc:  # a bug in packet itself: say so plainly, traceback on --debug
        if state.debug:
            raise
        click.echo(
            f"packet: internal error ({type(exc).__name__}: {exc}) — "
            "run again with --debug and report the traceback",
            err=True,
        )
        sys.exit(1)
    sys.exit(code or 0)


def _csv(
    choices: tuple[str, ...] | None,
) -> Callable[[click.Context, click.Parameter, str | None], list[str] | None]:
    def parse(ctx: click.Context, param: click.Parameter, value: str | None) -> list[str] | None:
        if value is None:
            return None
        items = [item.strip() for item in value.split(",") if item.strip()]
        if choices is not None:
            bad = [i for i in items if i not in choices]
            if bad:
                raise click.BadParameter(f"{', '.join(bad)} — choose from {', '.join(choices)}")
        if not items and choices is None:
            raise click.BadParameter("give at least one id")
        return items

    return parse


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
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
            click.echo(json.dumps(data, indent=2, ensure_ascii=False))
            return
        click.echo("Lessons:")
        for lesson in data["lessons"]:
            click.echo(f"  {lesson['id']:<20} {lesson['title']}  [{', '.join(lesson['modules'])}]")
        click.echo("Modules:")
        for module in data["modules"]:
            click.echo(f"  {module['id']:<20} {module['title']}")
        click.echo("Seeds:")
        for seed in data["seeds"]:
            click.echo(f"  {seed['id']:<20} {seed['title']}")

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
    type=click.Choice(["student", "teacher", "both"]),
    default="both",
    show_default=True,
)
@click.option(
    "--format", "fmt", type=click.Choice(["pdf", "html", "both"]), default="both", show_default=True
)
@click.option(
    "--paper", type=click.Choice(["a4", "letter"]), help="Paper size (default: packet.toml)."
)
@click.option("--large-print", is_flag=True, help="At least 18 pt text, generous spacing.")
@click.option(
    "--booklet",
    is_flag=True,
    help="Two pages per side in folding order, for saddle-stitched booklets.",
)
@click.option(
    "--double-sided/--single-sided",
    default=None,
    help="Start sections on a right-hand page (default: packet.toml).",
)
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    help="Output folder (default: output/).",
)
@click.option(
    "--jobs",
    "-j",
    type=click.IntRange(min=1),
    help="PDFs rendered at once, one process each (default: one per core).",
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
    double_sided: bool | None,
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

    def action() -> None:
        if modules and lessons:
            raise UsageError("give lesson names or --modules, not both")
        if not re.fullmatch(r"[a-z0-9][a-z0-9-]*", name):
            raise UsageError(f"--name '{name}': use lower-case letters, digits and hyphens")
        request = BuildRequest(
            lessons=lessons,
            modules=modules or (),
            name=name,
            sections=sections,  # type: ignore[arg-type]
            editions=("student", "teacher") if edition == "both" else (edition,),  # type: ignore[arg-type]
            formats=("pdf", "html") if fmt == "both" else (fmt,),  # type: ignore[arg-type]
            paper=paper,
            large_print=large_print,
            booklet=booklet,
            double_sided=double_sided,
            out=out.resolve() if out else None,
            strict=strict,
            jobs=jobs or default_jobs(),
            force=force,
        )
        with _Progress() as progress:
            result = run_build(
                state.root(), request, on_output=progress.output, on_plan=progress.start
            )
        for warning in result.warnings:
            click.echo(warning, err=True)

    _run(state, action)


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
                file=sys.stderr,
            )

    def output(self, output: Any) -> None:
        pages = f"{output.pages} pages" if output.pages is not None else "—"
        try:
            shown = output.path.relative_to(Path.cwd())
        except ValueError:
            shown = output.path
        when = "up to date" if output.cached else f"{output.seconds:.2f}s"
        line = f"{shown}  {pages}  {when}"
        if self.bar is None:
            click.echo(line)
            return
        self.bar.write(line, file=sys.stdout)
        self.bar.update()

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
        written = init_project(directory)
        click.echo(f"Created a packet project in {directory} ({len(written)} files).")
        click.echo(f"Next: cd {directory} && packet build   (then: packet pull YOUR-ARTICLE.html)")

    _run(state, action)


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--id", "seed_id", help="Id for the new seed (one file only).")
@click.pass_obj
def pull(state: State, files: tuple[Path, ...], seed_id: str | None) -> None:
    """Copy source documents into seeds/ and draft modules, events and terms from them."""
    from .pull import pull as run_pull

    def action() -> None:
        root = state.root()
        for report in run_pull(root, list(files), seed_id):
            kind = f"{report.kind}, {report.encoding}"
            click.echo(f"seeds/{report.seed_file}: seed '{report.seed_id}' ({kind})")
            for name, value in report.found.items():
                click.echo(f"  {name}: {value}")
            if report.missing:
                click.echo(f"  not found in the document: {', '.join(report.missing)}")
            click.echo(
                f"  drafted {len(report.modules)} module(s), {report.events} timeline event(s), "
                f"{report.terms} glossary term(s); lesson '{report.lesson}'"
            )
            if report.skipped:
                click.echo(f"  skipped {len(report.skipped)} line(s) of boilerplate, e.g.:")
                for line in report.skipped[:5]:
                    click.echo(f"    {line[:90]}")
        click.echo("Drafts are marked draft: true. Review them, then `packet build`.")

    _run(state, action)


@main.command()
@click.argument("lesson", required=False)
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True)
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    help="Output folder (default: output/).",
)
@click.pass_obj
def serve(state: State, lesson: str | None, port: int, out: Path | None) -> None:
    """Preview lessons in the browser; they rebuild and reload as you save."""
    from .serve import serve as run_serve

    def action() -> None:
        root = state.root()

        def ready(address: str) -> None:
            click.echo(f"Previewing at {address} — edit and save, the page follows; Ctrl-C stops.")

        try:
            run_serve(root, (out or root / "output").resolve(), lesson, port, ready)
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
