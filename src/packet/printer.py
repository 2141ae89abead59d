"""The machine's printers, through CUPS's own commands: `lpstat` lists the queues, `lpoptions`
says what a queue offers, `lp` submits a job. (pycups would need CUPS's headers to install;
the commands are on every machine that prints through CUPS, macOS included.)"""

from __future__ import annotations

import re
import subprocess
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from .errors import PacketError

TIMEOUT = 60.0  # seconds for any one CUPS command: the scheduler answers in milliseconds
INSTALL = (
    "packet prints through CUPS: on Debian or Ubuntu, `sudo apt-get install cups`; macOS has "
    "it already; on Windows, print the PDF from a PDF reader"
)


class PrinterError(PacketError):
    """CUPS could not list the printers or take the job (exit status 1)."""


@dataclass(frozen=True)
class Queue:
    name: str
    default: bool
    state: str  # as lpstat says it: "idle", "printing", "disabled"


def _cups(command: Sequence[str]) -> str:
    """Run a CUPS command; its output, or a PrinterError saying what to do."""
    try:
        done = subprocess.run(
            list(command), capture_output=True, text=True, timeout=TIMEOUT, check=False
        )
    except FileNotFoundError as exc:
        raise PrinterError(f"the `{command[0]}` command is not here — {INSTALL}") from exc
    except subprocess.TimeoutExpired as exc:
        raise PrinterError(f"CUPS did not answer `{command[0]}` in {TIMEOUT:.0f} s") from exc
    said = (done.stderr or done.stdout).strip()
    if done.returncode != 0:
        raise PrinterError(f"{command[0]}: {said or f'failed with status {done.returncode}'}")
    return done.stdout


def _scheduler() -> None:
    """Stop with a clear message when the CUPS scheduler is not there to ask: lpstat then
    lists no printers, and lp says every printer "does not exist"."""
    if "not running" in _cups(["lpstat", "-r"]):
        raise PrinterError(
            "the CUPS scheduler is not running — start it (`sudo systemctl start cups`, or "
            "`sudo cupsd`) and try again"
        )


def printers() -> list[Queue]:
    """Every print queue CUPS has, the default marked."""
    _scheduler()
    names = _cups(["lpstat", "-e"]).split()
    try:
        said = _cups(["lpstat", "-d"])
    except PrinterError:  # no default destination is an error to some versions of lpstat
        said = ""
    default = said.rsplit(":", 1)[-1].strip() if "destination" in said else ""
    states: dict[str, str] = {}
    if names:
        for line in _cups(["lpstat", "-p"]).splitlines():
            match = re.match(r"printer (\S+) (.*)", line)
            if match:
                said = match[2]
                states[match[1]] = next(
                    (s for w, s in _STATES if w in said), said.split(".")[0].strip()
                )
    return [Queue(name, name == default, states.get(name, "unknown")) for name in names]


_STATES = (("disabled", "disabled"), ("now printing", "printing"), ("is idle", "idle"))


def _known(printer: str) -> str:
    """The queue `printer` names, as CUPS spells it (its names ignore case)."""
    _scheduler()
    names = _cups(["lpstat", "-e"]).split()
    found = [name for name in names if name.casefold() == printer.casefold()]
    if not found:
        known = ", ".join(names) if names else "none"
        raise PrinterError(
            f"no printer called '{printer}' — the printers here: {known} "
            "(`packet print --list-printers`)"
        )
    return found[0]


def staple_option(printer: str) -> tuple[str, str] | None:
    """The queue's stapling option and the first value that staples (`StapleLocation`,
    `UpperLeft`), when its driver offers one."""
    for line in _cups(["lpoptions", "-p", printer, "-l"]).splitlines():
        key, _, values = line.partition(":")
        option = key.split("/", 1)[0].strip()
        if "staple" not in option.lower():
            continue
        for value in values.split():
            value = value.lstrip("*")
            if value.lower() not in {"none", "off", "false", "no"}:
                return option, value
    return None


def submit(
    printer: str,
    title: str,
    document: Path,
    *,
    sides: str,
    staple: tuple[str, str] | None = None,
) -> str:
    """Send `document` as one job to `printer`; the job's id."""
    command = ["lp", "-d", printer, "-t", title, "-o", f"sides={sides}"]
    if staple is not None:
        command += ["-o", f"{staple[0]}={staple[1]}"]
    said = _cups([*command, "--", str(document)])
    match = re.search(r"request id is (\S+)", said)
    return match[1] if match else said.strip()


def submit_parts(
    printer: str, title: str, pdf: Path, parts: Sequence[int], *, sides: str
) -> tuple[list[str], bool]:
    """Send the class set at `pdf` to `printer`: the ids of its jobs, and whether they are
    stapled. One job — or, when the
    printer staples, one job per part (each `parts` pages long: a student's copy, the teacher
    edition, the answer key), each stapled and named "title (3 of 31)", in order. Separate
    documents in one job would be IPP's way, but drivers that make one file per job (cups-pdf
    among them) keep only one of the documents."""
    printer = _known(printer)
    staple = staple_option(printer)
    if staple is None:
        return [submit(printer, title, pdf, sides=sides)], False
    import pikepdf

    jobs = []
    with tempfile.TemporaryDirectory(prefix="packet-print-") as folder, pikepdf.open(pdf) as whole:
        start = 0
        for number, count in enumerate(parts, start=1):
            part = pikepdf.new()
            for page in whole.pages[start : start + count]:
                part.pages.append(page)
            start += count
            document = Path(folder) / f"part-{number:03}.pdf"
            part.save(document)
            named = f"{title} ({number} of {len(parts)})"
            jobs.append(submit(printer, named, document, sides=sides, staple=staple))
    return jobs, True
