"""packet's benchmark: `make bench` runs it and prints two Markdown tables.

Every figure is the median of several runs of a whole `packet` process (start-up
included), and every comparison is a ratio of figures taken in the same run on the
same machine. It works on copies of this project in a temporary folder, so the
checkout's output/ and build cache are never touched. How processes are timed and their
memory sampled is in `measure.py`.

    python bench/run.py [--runs N] [--json FILE] [--only main|scale|classset] [--timeout SECONDS]

The main table (the targets are issue 7's):
  floor       the whole-unit student PDF, `packet build` vs WeasyPrint's own command
              rendering the HTML packet gives it, with the same fonts and PDF options
  peers       pages per second of the same text through md2pdf and pandoc -> WeasyPrint
              (these four timed round by round, so the machine's drift falls on all alike)
  batch       every lesson, both editions, PDF + HTML from scratch, --jobs 1 vs --jobs 2,
              and WeasyPrint's own CPU time for those PDFs in one warm process, with
              the print preflight's CPU time on them apart (its share of rendering)
  rebuild     nothing changed; one module edited (and which outputs were rebuilt);
              `packet serve` from a save to the page's reload signal
  start-up    `packet --help`, `packet list`
  memory      peak memory (PSS: shared pages counted once) of the whole process tree
  scaling     the unit's modules once and five times over in one lesson
  class set   `packet print` of the whole unit for a class of 30 (three in large print) vs
              `packet build` of the editions it uses (issue 24's target: ≤ 1.3 ×)

The scale section (`scale.py`; the target is issue 15's): the unit grown ×1, ×3, ×10 and
×30 along one dimension at a time — modules, glossary terms, seed size, dated sentences —
timing `check`, `pull` and `build`, with peak memory at ×30 and the marginal growth ratio
(t×30 − t×10) ÷ (t×10 − t×1): start-up cancels out of it, so it cannot hide a quadratic path
(linear growth gives 2.2, quadratic 8.1; target ≤ 3). A run longer than --timeout (300 s)
is stopped and shown as "> 300 s".

`--only main`, `--only scale` or `--only classset` measures one of them. On a quiet 2-core
machine the main table takes about 5 minutes, the class set about 2 and the scale section
about 10 (its longest run, 210 modules in one PDF of some 1,200 pages, is taken once); code
that is still quadratic makes it longer.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml
from measure import BIN, ENV, PACKET, REPO, copy_project, median, peak_memory_mb, run
from scale import measure_scale, scale_figures, scale_table

from packet.choices import Edition

# -- measuring ------------------------------------------------------------------------------


def serve_reload(project: Path, runs: int) -> float:
    """Median seconds from saving a module to `packet serve` telling the open page to reload."""
    import http.client

    server = subprocess.Popen(
        [PACKET, "serve", "3-s21", "--port", "0", "--out", str(project / "serve-out")],
        cwd=project,
        env=ENV,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert server.stdout is not None
    found = re.search(r"127\.0\.0\.1:(\d+)", server.stdout.readline())
    assert found, "packet serve did not say where it listens"
    port = int(found[1])
    module = project / "content/modules/s21-killing-fields.md"
    original = module.read_text(encoding="utf-8")
    times = []
    try:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        connection.request("GET", "/3-s21/student")  # the page is open: built once
        connection.getresponse().read()
        for run_number in range(runs + 1):
            events = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
            events.request("GET", "/events")
            stream = events.getresponse()
            stream.fp.readline(), stream.fp.readline()  # the current version
            started = time.perf_counter()
            module.write_text(original + f"\nEdit {run_number}.\n", encoding="utf-8")
            stream.fp.readline()  # the next version: rebuilt
            if run_number:  # the first edit also warms the server's caches
                times.append(time.perf_counter() - started)
            events.close()
    finally:
        module.write_text(original, encoding="utf-8")
        server.terminate()
        server.wait()
    return statistics.median(times)


# WeasyPrint's own work for the batch: every lesson's PDF rendered in one warm process, as
# packet renders them (same HTML, fonts and options), timed in CPU seconds; the print
# preflight packet runs on each is timed on its own and left out of WeasyPrint's work.
ENGINE = """
import sys, time
from pathlib import Path
import packet.preflight
from packet.assemble import assemble
from packet.project import load_project
from packet.render import PdfRenderer, render_html
root = Path(sys.argv[1])
project = load_project(root)
htmls = [render_html(assemble(project, lesson, edition), root)
         for lesson in project.lessons.values() for edition in ("student", "teacher")]
renderer = PdfRenderer(root)
renderer.render(htmls[0])  # fonts loaded, caches warm
checking = [0.0]
preflight = packet.preflight.preflight
def timed(document):
    started = time.process_time()
    try:
        return preflight(document)
    finally:
        checking[0] += time.process_time() - started
packet.preflight.preflight = timed
started = time.process_time()
pages = sum(renderer.render(html).pages for html in htmls)
print(time.process_time() - started - checking[0], pages, checking[0])
"""


def engine_cpu(project: Path) -> tuple[float, int, float]:
    """WeasyPrint's CPU seconds for every lesson's PDF, their pages, and the preflight's."""
    done = subprocess.run(
        [sys.executable, "-c", ENGINE, str(project)],
        cwd=project,
        env=ENV,
        capture_output=True,
        text=True,
        check=True,
    )
    seconds, count, checking = done.stdout.split()
    return float(seconds), int(count), float(checking)


def pages(pdf: Path) -> int:
    from pypdf import PdfReader

    return len(PdfReader(pdf).pages)


# -- the project copies ---------------------------------------------------------------------


def print_html(project: Path, lesson: str, edition: Edition) -> str:
    """The HTML packet gives WeasyPrint for a lesson's PDF (not the screen HTML packet)."""
    from packet.assemble import assemble
    from packet.project import load_project
    from packet.render import render_html

    loaded = load_project(project)
    return render_html(assemble(loaded, loaded.lessons[lesson], edition), project)


def unit_markdown(project: Path) -> str:
    """The whole-unit lesson's text as one Markdown file, for the peers to typeset."""
    from packet.project import load_project

    loaded = load_project(project)
    lesson = loaded.lessons["whole-unit"]
    cite = re.compile(r"\s*\[@[^\]]*\]")
    parts = [f"# {lesson.entry.title}\n\n{lesson.entry.summary or ''}\n"]
    for module_id in lesson.entry.modules:
        module = loaded.modules[module_id]
        parts.append(f"## {module.meta.title}\n\n{cite.sub('', module.body)}\n")
        parts.append("### Questions\n")
        parts += [f"{i}. {cite.sub('', q.ask)}" for i, q in enumerate(module.meta.questions, 1)]
        parts.append("")
    parts.append("## Timeline\n\n| When | What happened |\n| --- | --- |")
    parts += [f"| {e.when.label} | {e.entry.title} |" for e in loaded.events]
    parts.append("\n## Glossary\n")
    parts += [
        f"**{t.entry.term}**: {cite.sub('', t.entry.definition)}\n" for t in loaded.terms.values()
    ]
    return "\n".join(parts) + "\n"


def scaled_project(target: Path, times: int) -> Path:
    """A copy whose `scaled` lesson has the whole unit's modules `times` over."""
    copy_project(target)
    unit = yaml.safe_load((target / "content/lessons/whole-unit.yaml").read_text(encoding="utf-8"))
    modules = unit["modules"]
    chosen = []
    for copy in range(1, times + 1):
        for module in modules:
            name = module if copy == 1 else f"{module}-{copy}"
            if copy > 1:
                shutil.copy(
                    target / f"content/modules/{module}.md", target / f"content/modules/{name}.md"
                )
            chosen.append(name)
    (target / "content/lessons/scaled.yaml").write_text(
        f"title: The unit, {times} times over\nmodules: [{', '.join(chosen)}]\n"
        "sections: [timeline, glossary, comparison, sources]\n",
        encoding="utf-8",
    )
    return target


# -- the benchmark --------------------------------------------------------------------------


def measure(runs: int, work: Path) -> dict[str, float]:
    r: dict[str, float] = {}
    project = copy_project(work / "project")
    fresh = iter(range(1_000_000))

    def out() -> str:
        return str(work / f"out-{next(fresh)}")

    one = ["whole-unit", "--edition", "student", "--format"]
    print(
        "floor and peers: the whole-unit student PDF, WeasyPrint, md2pdf, pandoc", file=sys.stderr
    )
    html = work / "whole-unit-student-print.html"  # what packet hands WeasyPrint for the PDF
    html.write_text(print_html(project, "whole-unit", "student"), encoding="utf-8")
    fonts = REPO / "src/packet/theme/fonts.css"
    floor_pdf = work / "floor.pdf"
    floor = [
        str(BIN / "weasyprint"),
        "--stylesheet",
        str(fonts),
        "--pdf-variant",
        "pdf/ua-1",
        "--pdf-tags",
        "--base-url",
        project.as_uri() + "/",
        str(html),
        str(floor_pdf),
    ]
    markdown = work / "unit.md"
    markdown.write_text(unit_markdown(project), encoding="utf-8")
    import pypandoc

    md2pdf_pdf, pandoc_pdf = work / "md2pdf.pdf", work / "pandoc.pdf"
    md2pdf = [str(BIN / "md2pdf"), "-i", str(markdown), "-o", str(md2pdf_pdf)]
    pandoc = [
        pypandoc.get_pandoc_path(),
        str(markdown),
        "--standalone",
        "--metadata",
        "title=The Whole Unit",
        "--pdf-engine=weasyprint",
        "-o",
        str(pandoc_pdf),
    ]
    # Round by round, so that the machine's drifts fall on all four alike.
    rounds: dict[str, list[float]] = {"packet": [], "floor": [], "md2pdf": [], "pandoc": []}
    packet_out = ""
    for _ in range(max(runs, 5)):
        packet_out = out()
        rounds["packet"].append(run([PACKET, "build", *one, "pdf", "--out", packet_out], project))
        rounds["floor"].append(run(floor, project))
        rounds["md2pdf"].append(run(md2pdf, work))
        rounds["pandoc"].append(run(pandoc, work))
    r["unit_packet_s"] = statistics.median(rounds["packet"])
    r["unit_floor_s"] = statistics.median(rounds["floor"])
    r["md2pdf_s"] = statistics.median(rounds["md2pdf"])
    r["pandoc_s"] = statistics.median(rounds["pandoc"])
    r["unit_pages"] = pages(Path(packet_out) / "whole-unit-student.pdf")
    r["floor_pages"] = pages(floor_pdf)
    r["md2pdf_pages"] = pages(md2pdf_pdf)
    r["pandoc_pages"] = pages(pandoc_pdf)
    if r["floor_pages"] != r["unit_pages"]:
        sys.exit(f"bench: the floor made {r['floor_pages']} pages, packet {r['unit_pages']}")

    print("batch: every lesson, both editions, PDF + HTML, --jobs 1 and 2", file=sys.stderr)
    # Round by round with WeasyPrint's own work on the same pages, so that the ratio to the
    # floor is taken on the machine as it was for both.
    rounds_of: dict[int, list[float]] = {1: [], 2: []}
    cpu = []
    for _ in range(runs):
        for jobs in (1, 2):
            rounds_of[jobs].append(
                run([PACKET, "build", "--jobs", str(jobs), "--out", out()], project)
            )
        cpu.append(engine_cpu(project))
    for jobs, taken in rounds_of.items():
        r[f"batch_jobs{jobs}_s"] = statistics.median(taken)
    r["engine_cpu_s"] = statistics.median(seconds for seconds, _, _ in cpu)
    r["batch_pages"] = cpu[0][1]
    r["batch_floor_ratio"] = statistics.median(
        batch / (seconds / 2) for batch, (seconds, _, _) in zip(rounds_of[2], cpu, strict=True)
    )
    r["preflight_cpu_s"] = statistics.median(checking for _, _, checking in cpu)
    r["preflight_share"] = statistics.median(
        checking / (seconds + checking) for seconds, _, checking in cpu
    )

    print("rebuilds: nothing changed; one module edited", file=sys.stderr)
    steady = out()
    run([PACKET, "build", "--out", steady], project)
    r["nochange_s"] = median(max(runs, 5), lambda: run([PACKET, "build", "--out", steady], project))
    module = project / "content/modules/origins.md"
    original = module.read_text(encoding="utf-8")
    edits = iter(range(1_000_000))
    rebuilt: list[int] = []

    def edit_once() -> float:
        module.write_text(
            original + f"\nA sentence added for edit {next(edits)}.\n", encoding="utf-8"
        )
        started = time.perf_counter()
        done = subprocess.run(
            [PACKET, "build", "--out", steady],
            cwd=project,
            env=ENV,
            capture_output=True,
            text=True,
            check=True,
        )
        seconds = time.perf_counter() - started
        rebuilt[:] = [len([line for line in done.stdout.splitlines() if "up to date" not in line])]
        return seconds

    r["edit_s"] = median(runs, edit_once)
    r["edit_rebuilt"] = rebuilt[0]
    module.write_text(original, encoding="utf-8")
    r["outputs"] = 2 * 2 * len(list((project / "content/lessons").glob("*.yaml")))

    print("packet serve: from a save to the page's reload signal", file=sys.stderr)
    r["serve_s"] = serve_reload(project, max(runs, 5))

    print("start-up", file=sys.stderr)
    r["help_s"] = median(max(runs, 10), lambda: run([PACKET, "--help"], project))
    r["list_s"] = median(max(runs, 10), lambda: run([PACKET, "list"], project))

    print("memory and scaling", file=sys.stderr)
    r["unit_seconds_mem"], r["unit_peak_mb"] = peak_memory_mb(
        [PACKET, "build", *one, "pdf", "--out", out()], project
    )
    for times in (1, 5):
        scaled = scaled_project(work / f"scaled-{times}", times)
        build = [PACKET, "build", "scaled", "--edition", "student", "--format", "pdf", "--out"]
        folders = [out() for _ in range(runs)]
        r[f"scaled{times}_s"] = statistics.median(run([*build, f], scaled) for f in folders)
        r[f"scaled{times}_pages"] = pages(Path(folders[0]) / "scaled-student.pdf")
        _, r[f"scaled{times}_peak_mb"] = peak_memory_mb([*build, out()], scaled)
    return r


# A class of 30 as a school system exports it: names in several scripts, three in large print.
CLASS_OF_30 = [
    "Alice Martin", "Nguyễn Thị Ánh", "سارة أحمد", "សុខ ចាន់", "Zoë Brontë", "Tomás Ó Briain",
    "Amira Haddad", "Dang Van Minh", "Kiri Walker", "Oluwaseun Adeyemi", "Priya Nair",
    "Sok Dara", "Jakub Nowak", "Leila Karimi", "Mateo García", "Hana Suzuki", "Chloe Dubois",
    "Yusuf Demir", "Ava Thompson", "Noah Fischer", "Maya Cohen", "Liam O'Connor",
    "Fatima Zahra", "Lucas Silva", "Ines Moreau", "Omar Farouk", "Grace Mensah",
    "Ethan Brown", "Sofia Rossi", "Chanthy Keo",
]  # fmt: skip


def class_set(runs: int, work: Path) -> dict[str, float]:
    """`packet print` of a class set of 30 vs `packet build` of the editions it uses, round by
    round in fresh output folders (nothing up to date)."""
    print("class set: packet print vs the builds of its editions", file=sys.stderr)
    project = copy_project(work / "classset")
    roster = work / "9B.csv"
    rows = [
        f"{name},9B,{'large-print' if n % 10 == 4 else ''}" for n, name in enumerate(CLASS_OF_30)
    ]
    roster.write_text("Name,Class,Variant\n" + "\n".join(rows) + "\n", encoding="utf-8")
    fresh = iter(range(1_000_000))
    editions, printed = [], []
    for _ in range(runs):
        folder = str(work / f"editions-{next(fresh)}")
        editions.append(
            run([PACKET, "build", "whole-unit", "--format", "pdf", "--out", folder], project)
            + run(
                [PACKET, "build", "whole-unit", "--large-print", "--edition", "student",
                 "--format", "pdf", "--out", folder],
                project,
            )
        )  # fmt: skip
        folder = str(work / f"print-{next(fresh)}")
        printed.append(
            run([PACKET, "print", "whole-unit", "--roster", str(roster), "--out", folder], project)
        )
    job = next(Path(folder).glob("*-print.pdf"))
    return {
        "classset_editions_s": statistics.median(editions),
        "classset_print_s": statistics.median(printed),
        "classset_pages": pages(job),
    }


def class_set_table(r: dict[str, float], runs: int) -> str:
    ratio = r["classset_print_s"] / r["classset_editions_s"]
    return "\n".join(
        [
            "| Measure | Time | Notes |",
            "| --- | ---: | --- |",
            f"| Editions a class set uses, `packet build` (whole unit: student, teacher, answer "
            f"key, lesson plan; large-print student) | {r['classset_editions_s']:.2f} s | |",
            f"| … `packet print` of a class set of 30, three in large print | "
            f"{r['classset_print_s']:.2f} s | {int(r['classset_pages'])} pages; **{ratio:.2f} ×** "
            "the editions (target ≤ 1.3) |",
            "",
            f"Medians of {runs} runs, round by round, whole processes, fresh output folders. "
            f"Machine: {machine()}.",
        ]
    )


def machine() -> str:
    cpu = "unknown CPU"
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    from importlib.metadata import version

    return (
        f"{cpu}, {os.cpu_count()} cores, {memory:.0f} GiB; {platform.system()} "
        f"{platform.release()}; Python {platform.python_version()}; "
        f"WeasyPrint {version('weasyprint')}, fontTools {version('fonttools')}"
    )


def table(r: dict[str, float], runs: int) -> str:
    unit_rate = r["unit_pages"] / r["unit_packet_s"]
    rows = [
        (
            "Whole unit, student PDF: `packet build`",
            f"{r['unit_packet_s']:.2f} s",
            f"{int(r['unit_pages'])} pages, {unit_rate:.1f} pages/s",
        ),
        (
            "… WeasyPrint alone on packet's HTML (the floor)",
            f"{r['unit_floor_s']:.2f} s",
            f"**{r['unit_packet_s'] / r['unit_floor_s']:.2f} ×** the floor (target ≤ 1.10)",
        ),
        (
            "Same text through md2pdf",
            f"{r['md2pdf_s']:.2f} s",
            f"{int(r['md2pdf_pages'])} pages, {r['md2pdf_pages'] / r['md2pdf_s']:.1f} pages/s",
        ),
        (
            "Same text through pandoc → WeasyPrint",
            f"{r['pandoc_s']:.2f} s",
            f"{int(r['pandoc_pages'])} pages, {r['pandoc_pages'] / r['pandoc_s']:.1f} pages/s",
        ),
        (
            f"Every lesson, both editions, PDF + HTML ({int(r['outputs'])} outputs), `--jobs 1`",
            f"{r['batch_jobs1_s']:.2f} s",
            "",
        ),
        (
            "… `--jobs 2`",
            f"{r['batch_jobs2_s']:.2f} s",
            f"**{r['batch_jobs1_s'] / r['batch_jobs2_s']:.2f} ×** faster (target ≥ 1.6, < 10 s)",
        ),
        (
            "… of which WeasyPrint's own work, one warm process",
            f"{r['engine_cpu_s']:.2f} s CPU",
            f"{int(r['batch_pages'])} pages, {1000 * r['engine_cpu_s'] / r['batch_pages']:.0f} ms "
            f"a page: {r['engine_cpu_s'] / 2:.1f} s on each of 2 cores at best",
        ),
        (
            "… `--jobs 2` against that per-core floor",
            "",
            f"**{r['batch_floor_ratio']:.2f} ×** the floor, round by round (target ≤ 1.15)",
        ),
        (
            "… the print preflight on those PDFs",
            f"{r['preflight_cpu_s']:.2f} s CPU",
            f"**{100 * r['preflight_share']:.1f} %** of rendering them (target ≤ 10 %)",
        ),
        ("Rebuild, nothing changed", f"{r['nochange_s']:.2f} s", "target < 0.3 s"),
        (
            "Rebuild after editing one module",
            f"{r['edit_s']:.2f} s",
            f"{int(r['edit_rebuilt'])} of {int(r['outputs'])} outputs rebuilt (lessons using it)",
        ),
        (
            "`packet serve`: a module saved → the page told to reload",
            f"{r['serve_s']:.2f} s",
            "both editions' HTML rebuilt (the PDF is built when asked for)",
        ),
        ("`packet --help`", f"{r['help_s']:.2f} s", "target < 0.3 s"),
        ("`packet list`", f"{r['list_s']:.2f} s", "target < 0.3 s"),
        (
            "Peak memory, whole-unit student PDF",
            f"{r['unit_peak_mb']:.0f} MB",
            "all processes, PSS (target < 250 MB)",
        ),
        (
            "The unit's 7 modules in one lesson",
            f"{r['scaled1_s']:.2f} s",
            f"{int(r['scaled1_pages'])} pages, peak {r['scaled1_peak_mb']:.0f} MB",
        ),
        (
            "… 35 modules (5 ×)",
            f"{r['scaled5_s']:.2f} s",
            f"{int(r['scaled5_pages'])} pages, peak {r['scaled5_peak_mb']:.0f} MB; "
            f"**{r['scaled5_s'] / r['scaled1_s']:.2f} ×** the time for "
            f"{r['scaled5_pages'] / r['scaled1_pages']:.2f} × the pages (target ≤ 5.5)",
        ),
    ]
    lines = ["| Measure | Time | Notes |", "| --- | ---: | --- |"]
    lines += [f"| {a} | {b} | {c} |" for a, b, c in rows]
    lines.append("")
    lines.append(
        f"Medians of {runs} runs ({max(runs, 5)} for the first four rows, taken round by round; "
        f"10 for start-up), whole processes. Machine: {machine()}."
    )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="runs per figure (median)")
    parser.add_argument("--json", type=Path, help="also write the raw figures here")
    parser.add_argument(
        "--only",
        choices=("main", "scale", "classset"),
        help="only the main table, the scale section or the class set",
    )
    parser.add_argument(
        "--timeout",
        type=float,
        default=300,
        help="seconds after which a scale-section run is stopped (default 300)",
    )
    args = parser.parse_args()
    results: dict[str, float] = {}
    tables = []
    with tempfile.TemporaryDirectory(prefix="packet-bench-") as folder:
        if args.only in (None, "main"):
            results |= measure(args.runs, Path(folder))
            tables.append(table(results, args.runs))
        if args.only in (None, "classset"):
            figures = class_set(args.runs, Path(folder))
            results |= figures
            tables.append(class_set_table(figures, args.runs))
        if args.only in (None, "scale"):
            scale = measure_scale(args.runs, Path(folder) / "scale", args.timeout)
            results |= scale_figures(scale)
            tables.append(scale_table(scale, args.runs, args.timeout))
    if args.json:
        args.json.write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")
    print("\n\n".join(tables))


if __name__ == "__main__":
    main()
