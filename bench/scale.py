"""The scale section of `make bench`: does each command grow linearly with the project?

The unit is grown along one dimension at a time, ×1, ×3, ×10 and ×30 (`scaled`):
  modules          every module copied over with fresh ids, all of them in one lesson
                   `scaled` (the whole unit's sections and activities)
  glossary terms   every term copied over with fresh ids and names ("Khmer Rouge 2"); the
                   copies are used in no module, so check warns about each
  seed size        each seed's text repeated
  dated sentences  each seed's sentences that hold a date appended again, so that they
                   multiply and the rest of the text does not

On each project it times `packet check`; `packet pull` of one document into a fresh copy
(the travel page's seed text under a new name; for seed size, that text as many times over
as the seeds); and `packet build` of one student PDF (`scaled` for modules, else
`whole-unit`). Each figure is the median of `--runs` whole processes, taken round by round
over the four sizes (a run over 30 s is taken once), with the peak memory (PSS) of the
process tree; a run over `--timeout` is stopped and shown as "> N s", and the larger sizes
of that command are not tried.

The marginal ratio (t×30 − t×10) ÷ (t×10 − t×1) takes start-up out of the growth:
linear growth gives 20/9 ≈ 2.2, quadratic (900 − 100) ÷ (100 − 1) ≈ 8.1 (target ≤ 3). It
is given for wall-clock time and for the CPU time (user + system) of the process tree,
which other programs running on the machine change little. A step smaller than the
spread of its runs counts as no growth: the ratio is then a lower bound, or "flat".
"""

from __future__ import annotations

import os
import shutil
import statistics
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from measure import PACKET, REPO, Failed, Measured, copy_project, measured

from packet.dates import find_dates
from packet.layout import DISAGREEMENTS, GLOSSARY, LESSONS, MODULES, RECORD_SUFFIX, SEEDS
from packet.text import paragraphs, sentences

FACTORS = (1, 3, 10, 30)
DIMENSIONS = ("modules", "glossary terms", "seed size", "dated sentences")
COMMANDS = ("check", "pull", "build", "export")
PULLED = "highlights"  # the seed whose text is pulled
LONG_RUN = 30.0  # seconds: a run this long is taken once
# A command under SHORT_RUN seconds is run SHORT_TIMES as often: its growth from ×1 to ×10 is
# a few tenths of a second, of the order of how far three runs of it can fall apart.
SHORT_RUN, SHORT_TIMES = 3.0, 3
# A difference between two sizes' times within how far apart their runs are (at least NOISE
# seconds; for a single run, NOISE_SHARE of it) is no growth: it could be the machine's.
NOISE, NOISE_SHARE = 0.05, 0.05
SAMPLE = 0.1  # seconds between memory samples: little CPU taken from the runs timed


# -- the scaled projects --------------------------------------------------------------------


def scaled(target: Path, dimension: str, times: int) -> Path:
    """A valid copy of this project with `dimension` grown `times` over (see the docstring)."""
    copy_project(target)
    grow: dict[str, Callable[[Path, int], None]] = {
        "modules": _more_modules,
        "glossary terms": _more_terms,
        "seed size": _longer_seeds,
        "dated sentences": _more_dated,
    }
    grow[dimension](target, times)
    return target


def _more_modules(root: Path, times: int) -> None:
    unit = yaml.safe_load((root / LESSONS / "whole-unit.yaml").read_text(encoding="utf-8"))
    chosen = []
    for copy in range(1, times + 1):
        for module in unit["modules"]:
            name = module if copy == 1 else f"{module}-{copy}"
            if copy > 1:
                shutil.copy(root / MODULES / f"{module}.md", root / MODULES / f"{name}.md")
            chosen.append(name)
    lesson = {**unit, "title": f"The unit, {times} times over", "modules": chosen}
    (root / LESSONS / "scaled.yaml").write_text(_yaml(lesson), encoding="utf-8")
    # A copied module's `::: disagreement` blocks name disagreements, which must list it.
    path = root / DISAGREEMENTS
    entries = yaml.safe_load(path.read_text(encoding="utf-8"))
    for entry in entries:
        entry["modules"] += [
            f"{module}-{copy}" for copy in range(2, times + 1) for module in entry["modules"]
        ]
    path.write_text(_yaml(entries), encoding="utf-8")


def _more_terms(root: Path, times: int) -> None:
    path = root / GLOSSARY
    terms = yaml.safe_load(path.read_text(encoding="utf-8"))
    copies = [
        {
            **term,
            "id": f"{term['id']}-{copy}",
            "term": f"{term['term']} {copy}",
            **({"aliases": [f"{a} {copy}" for a in term["aliases"]]} if "aliases" in term else {}),
        }
        for copy in range(2, times + 1)
        for term in terms
    ]
    if copies:
        with path.open("a", encoding="utf-8") as glossary:
            glossary.write(_yaml(copies))


def _seed_texts(root: Path) -> dict[str, Path]:
    """Each seed's id -> its text file."""
    found = {}
    for record in sorted((root / SEEDS).glob(f"*{RECORD_SUFFIX}")):
        meta = yaml.safe_load(record.read_text(encoding="utf-8"))
        found[meta["id"]] = root / SEEDS / meta["file"]
    return found


def _longer_seeds(root: Path, times: int) -> None:
    for path in _seed_texts(root).values():
        path.write_text(_repeated(path.read_text(encoding="utf-8"), times), encoding="utf-8")


def _repeated(text: str, times: int) -> str:
    return "\n\n".join([text.rstrip("\n")] * times) + "\n"


def _more_dated(root: Path, times: int) -> None:
    for path in _seed_texts(root).values():
        text = path.read_text(encoding="utf-8")
        dated = dated_sentences(text)
        more = "\n\n".join(dated * (times - 1))
        if more:
            path.write_text(f"{text.rstrip()}\n\n{more}\n", encoding="utf-8")


def dated_sentences(text: str) -> list[str]:
    """The sentences of a seed's text that hold a date, as check and pull read them."""
    return [s for _, para in paragraphs(text) for s in sentences(para) if find_dates(s)]


def size(root: Path, dimension: str) -> str:
    """How big the project is along `dimension`, read from its files."""
    if dimension == "modules":
        lesson = yaml.safe_load((root / LESSONS / "scaled.yaml").read_text(encoding="utf-8"))
        return f"{len(lesson['modules']):,}"
    if dimension == "glossary terms":
        return f"{len(yaml.safe_load((root / GLOSSARY).read_text(encoding='utf-8'))):,}"
    texts = [path.read_text(encoding="utf-8") for path in _seed_texts(root).values()]
    if dimension == "seed size":
        return f"{sum(len(t.encode()) for t in texts) / 1000:,.0f} kB"
    return f"{sum(len(dated_sentences(t)) for t in texts):,}"


def _yaml(data: object) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10_000)


# -- measuring ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Figure:
    """The runs of one command at one size."""

    runs: tuple[Measured, ...]

    @property
    def finished(self) -> bool:
        return all(run.finished for run in self.runs)

    @property
    def peak_mb(self) -> float:
        return max(run.peak_mb for run in self.runs)

    def time(self, cpu: bool = False) -> float:
        """The median of the runs' wall-clock or CPU seconds."""
        return statistics.median(run.cpu if cpu else run.seconds for run in self.runs)

    def noise(self, cpu: bool = False) -> float:
        """How far apart the runs are: the spread of the middle half of them from four runs
        on (the whole range grows with the number of runs, one slow outlier is enough), of
        all of them below that (for one run, NOISE_SHARE of it)."""
        times = [run.cpu if cpu else run.seconds for run in self.runs]
        if len(times) >= 4:
            low, _, high = statistics.quantiles(times, n=4)
            return high - low
        return max(times) - min(times) if len(times) > 1 else NOISE_SHARE * times[0]


@dataclass
class Row:
    """One command along one dimension: a figure per size (None: not tried, as the size
    before it ran out of time, or every run failed) and the sizes."""

    dimension: str
    command: str
    figures: dict[int, Figure | None] = field(default_factory=dict)
    sizes: dict[int, str] = field(default_factory=dict)
    failed: set[int] = field(default_factory=set)  # sizes at which no run succeeded


@dataclass
class _Scale:
    runs: int
    timeout: float
    work: Path
    fresh: int = 0

    def folder(self, name: str) -> Path:
        self.fresh += 1
        return self.work / f"{name}-{self.fresh}"

    def check(self, project: Path) -> Measured:
        return measured([PACKET, "check"], project, self.timeout, SAMPLE)

    def pull(self, project: Path, document: Path) -> Measured:
        copy = self.folder("pull")
        shutil.copytree(project, copy)
        try:
            return measured([PACKET, "pull", str(document)], copy, self.timeout, SAMPLE)
        finally:
            shutil.rmtree(copy)

    def build(self, project: Path, lesson: str) -> Measured:
        out = self.folder("out")
        args = ["build", lesson, "--edition", "student", "--format", "pdf", "--out", str(out)]
        try:
            return measured([PACKET, *args], project, self.timeout, SAMPLE)
        finally:
            shutil.rmtree(out, ignore_errors=True)

    def export(self, project: Path, lesson: str) -> Measured:
        out = self.folder("quiz")
        args = ["export", lesson, "--to", "qti", "--out", str(out)]
        try:
            return measured([PACKET, *args], project, self.timeout, SAMPLE)
        finally:
            shutil.rmtree(out, ignore_errors=True)

    def dimension(self, dimension: str) -> list[Row]:
        """A row per command, its sizes measured round by round (×1, ×3, ×10, ×30, then
        again), so that a change in the machine's speed falls on all sizes alike."""
        projects = {
            times: scaled(self.folder(f"{dimension.replace(' ', '-')}-x{times}"), dimension, times)
            for times in FACTORS
        }
        runs = {times: self.commands(project, dimension) for times, project in projects.items()}
        sizes = {times: size(project, dimension) for times, project in projects.items()}
        rows = []
        for command in COMMANDS:
            print(f"scale: {dimension}: {command}", file=sys.stderr)
            taken: dict[int, list[Measured]] = {times: [] for times in FACTORS}
            row = Row(dimension, command, sizes=sizes)
            for _ in range(self.runs * SHORT_TIMES):
                for times in FACTORS:
                    if _again(taken, times, self.runs):
                        self._run(runs[times][command], taken[times], row, times)
            row.failed -= {t for t in FACTORS if taken[t]}
            row.figures = {t: Figure(tuple(taken[t])) if taken[t] else None for t in FACTORS}
            self._show(row)
            rows.append(row)
        for project in projects.values():
            shutil.rmtree(project)
        return rows

    def commands(self, project: Path, dimension: str) -> dict[str, Callable[[], Measured]]:
        """One run of each command on `project`, grown along `dimension`."""
        lesson = "scaled" if dimension == "modules" else "whole-unit"
        # The pulled document: the seed as it is in the project grown by seed size, else
        # the seed as it was.
        source = _seed_texts(project if dimension == "seed size" else REPO)[PULLED]
        document = self.folder("document") / "pulled.txt"
        document.parent.mkdir()
        shutil.copy(source, document)
        return {
            "check": lambda: self.check(project),
            "pull": lambda: self.pull(project, document),
            "build": lambda: self.build(project, lesson),
            "export": lambda: self.export(project, lesson),
        }

    def _run(
        self, once: Callable[[], Measured], taken: list[Measured], row: Row, times: int
    ) -> None:
        """One run into `taken`; a failed one is shown and counted in `row.failed`, and the
        next round tries again (something else may have stopped it)."""
        try:
            taken.append(once())
        except Failed as failed:
            print(failed, file=sys.stderr)
            row.failed.add(times)

    def _show(self, row: Row) -> None:
        for times, figure in row.figures.items():
            if figure is not None:
                shown = f"{_seconds(figure, self.timeout)} ({figure.time(cpu=True):.2f} s CPU)"
                print(
                    f"  {row.dimension} ×{times}: {row.command} {shown}, {figure.peak_mb:.0f} MB",
                    file=sys.stderr,
                )


def _again(taken: dict[int, list[Measured]], times: int, runs: int) -> bool:
    """Whether to run a command at size `times` once more: `runs` times (SHORT_TIMES as
    many while every run is under SHORT_RUN), not after a run over LONG_RUN (such a run is
    taken once), nor once it or a smaller size has run out of time."""
    if any(not run.finished for t, done in taken.items() if t <= times for run in done):
        return False
    done = taken[times]
    if any(run.seconds > LONG_RUN for run in done):
        return False
    short = all(run.seconds < SHORT_RUN for run in done)
    return len(done) < (runs * SHORT_TIMES if short else runs)


@dataclass(frozen=True)
class Scale:
    """The scale section's rows, and the machine's load (1-minute average) before and after
    them: wall-clock figures taken under load from other programs are slower and noisier."""

    rows: list[Row]
    load: tuple[float, float]


def measure_scale(runs: int, work: Path, timeout: float) -> Scale:
    """Every dimension's rows, measured in `work`."""
    work.mkdir(parents=True, exist_ok=True)
    scale = _Scale(runs, timeout, work)
    rows = []
    load = os.getloadavg()[0]
    for dimension in DIMENSIONS:
        rows += scale.dimension(dimension)
    return Scale(rows, (load, os.getloadavg()[0]))


# -- the table ------------------------------------------------------------------------------


def ratio(row: Row, cpu: bool = False) -> str:
    """(t×30 − t×10) ÷ (t×10 − t×1) of wall-clock or CPU seconds, in bold above 3; a lower
    bound when ×30 ran out of time or the first difference is within the noise; "flat" when
    both are."""
    one, ten, thirty = (row.figures[times] for times in (1, 10, 30))
    if row.failed or one is None or ten is None or thirty is None or not ten.finished:
        return "—"
    if cpu and not thirty.finished:  # a stopped process tree's CPU time is not all counted
        return "—"
    t1, t10, t30 = (figure.time(cpu) for figure in (one, ten, thirty))
    late, early = t30 - t10, t10 - t1
    noise = max(NOISE, one.noise(cpu), ten.noise(cpu))
    if thirty.finished and early < noise and late < noise * 20 / 9:
        return "flat"
    value = late / max(early, noise)
    bound = not thirty.finished or early < noise
    shown = f"{'> ' if bound else ''}{value:.1f}"
    return f"**{shown}**" if value > 3 else shown


def _seconds(figure: Figure | None, timeout: float) -> str:
    if figure is None or not figure.finished:
        return f"> {timeout:.0f} s"
    return f"{figure.time():.2f} s"


def _peak(figure: Figure | None) -> str:
    if figure is None:
        return "—"
    return f"{'≥ ' if not figure.finished else ''}{figure.peak_mb:.0f} MB"


def scale_table(scale: Scale, runs: int, timeout: float) -> str:
    header = " | ".join(f"×{times}" for times in FACTORS)
    growth = "(×30 − ×10) ÷ (×10 − ×1)"
    lines = [
        f"| Grown | Command | {header} | {growth} | … of CPU time | Peak at ×30 |",
        f"| --- | --- | {' | '.join('---:' for _ in FACTORS)} | ---: | ---: | ---: |",
    ]
    for row in scale.rows:
        grown = f"{row.dimension} ({row.sizes[1]} → {row.sizes[30]})"
        figures = " | ".join(
            "failed" if times in row.failed else _seconds(row.figures[times], timeout)
            for times in FACTORS
        )
        ratios = f"{ratio(row)} | {ratio(row, cpu=True)}"
        lines.append(
            f"| {grown} | `{row.command}` | {figures} | {ratios} | {_peak(row.figures[30])} |"
        )
    lines.append("")
    lines.append(
        f"Medians of {runs} runs ({runs * SHORT_TIMES} under {SHORT_RUN:.0f} s, one over "
        f"{LONG_RUN:.0f} s), whole processes; a run "
        f"over {timeout:.0f} s is stopped. Linear growth gives a ratio of 2.2, quadratic 8.1 "
        "(target ≤ 3); “> x” when ×30 ran out of time or the growth from ×1 to ×10 is within "
        "the runs' spread (of their middle half, from four runs on), “flat” when both steps "
        "are. `pull` adds one document (for seed "
        "size, the grown seed) to a fresh copy; `build` makes one student PDF (the `scaled` "
        "lesson for modules, else `whole-unit`); `export` writes that lesson's Canvas quiz. "
        "Time is wall-clock; the CPU ratio is of the "
        "user + system seconds of the process tree, which other load on the machine changes "
        "little. Peak memory: PSS of the whole process tree. Load on the machine (1-minute "
        f"average) before and after: {scale.load[0]:.1f}, {scale.load[1]:.1f} on "
        f"{os.cpu_count()} cores."
    )
    return "\n".join(lines)


def scale_figures(scale: Scale) -> dict[str, float]:
    """The raw figures, for --json."""
    figures: dict[str, float] = {
        "scale_load_before": scale.load[0],
        "scale_load_after": scale.load[1],
    }
    for row in scale.rows:
        key = f"scale_{row.dimension.replace(' ', '_')}_{row.command}"
        for times, figure in row.figures.items():
            if figure is not None:
                figures[f"{key}_x{times}_s"] = figure.time()
                figures[f"{key}_x{times}_cpu_s"] = figure.time(cpu=True)
                figures[f"{key}_x{times}_peak_mb"] = figure.peak_mb
                figures[f"{key}_x{times}_finished"] = float(figure.finished)
    return figures
