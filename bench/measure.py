"""How the benchmark measures: whole `packet` processes on copies of this project.

Shared by `run.py` (the main table) and `scale.py` (the scale section): the command
environment, timing a process, sampling its process tree's peak memory, copying the
project into a temporary folder.
"""

from __future__ import annotations

import os
import re
import resource
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from packet.layout import INPUT_FOLDERS, PROJECT_FILE

REPO = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
PACKET = str(BIN / "packet")
# As on a teacher's machine: bytecode is cached after the first run (this sandbox turns that off).
ENV = {
    **{k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"},
    "SOURCE_DATE_EPOCH": "0",
    "PATH": f"{BIN}{os.pathsep}{os.environ['PATH']}",
}


def run(args: Sequence[str], cwd: Path) -> float:
    """Seconds one command takes; it must succeed."""
    started = time.perf_counter()
    done = subprocess.run(args, cwd=cwd, env=ENV, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        sys.exit(f"bench: {' '.join(args)} failed:\n{done.stdout}\n{done.stderr}")
    return seconds


def median(runs: int, once: Callable[[], float]) -> float:
    return statistics.median(once() for _ in range(runs))


def _pss_kb(pid: int) -> int:
    try:
        text = Path(f"/proc/{pid}/smaps_rollup").read_text()
    except OSError:
        return 0
    found = re.search(r"^Pss:\s+(\d+) kB", text, re.M)
    return int(found[1]) if found else 0


def _descendants(root: int) -> list[int]:
    parents: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        parents.setdefault(int(fields[1]), []).append(int(stat.parent.name))
    tree, todo = [], [root]
    while todo:
        pid = todo.pop()
        tree.append(pid)
        todo.extend(parents.get(pid, []))
    return tree


@dataclass(frozen=True)
class Measured:
    """One run of a command: its wall-clock seconds, the CPU seconds of its process tree
    (user + system, the processes it waited for included: little changed by other load on
    the machine) and its peak memory; `finished` is False when it was stopped at the time
    limit (then `seconds` is the limit)."""

    seconds: float
    cpu: float
    peak_mb: float
    finished: bool = True


class _PeakMemory:
    """The peak PSS of a process tree, sampled in a thread every `every` seconds (a sample
    costs about 5 ms of CPU)."""

    def __init__(self, pid: int, every: float) -> None:
        self.pid, self.every, self.peak_kb = pid, every, 0
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self.sample)
        self.thread.start()

    def sample(self) -> None:
        while not self.stop.is_set():
            now = sum(_pss_kb(pid) for pid in _descendants(self.pid))
            self.peak_kb = max(self.peak_kb, now)
            self.stop.wait(self.every)

    def end(self) -> float:
        self.stop.set()
        self.thread.join()
        return self.peak_kb / 1024


def _children_cpu() -> float:
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


class Failed(Exception):
    """A command measured did not succeed: what it was and what it said."""


def measured(
    args: Sequence[str], cwd: Path, timeout: float | None = None, every: float = 0.02
) -> Measured:
    """Run a command, sampling its memory; it must succeed (else `Failed`) or run out of
    time, when its whole process group is stopped."""
    with tempfile.TemporaryFile() as output:
        cpu = _children_cpu()
        started = time.perf_counter()
        process = subprocess.Popen(
            args, cwd=cwd, env=ENV, stdout=output, stderr=output, start_new_session=True
        )
        memory = _PeakMemory(process.pid, every)
        try:
            code: int | None = process.wait(timeout)
        except subprocess.TimeoutExpired:
            code = None
            _stop_group(process)
        seconds = time.perf_counter() - started
        peak = memory.end()
        cpu = _children_cpu() - cpu
        if code is None:
            return Measured(timeout or seconds, cpu, peak, finished=False)
        if code != 0:
            output.seek(0)
            said = output.read().decode("utf-8", errors="replace")
            raise Failed(f"bench: {' '.join(args)} failed ({code}):\n{said[-3000:]}")
    return Measured(seconds, cpu, peak)


def _stop_group(process: subprocess.Popen[bytes]) -> None:
    """SIGTERM to the process group the bench started (packet puts its files back), then
    SIGKILL if it has not ended within 10 s."""
    os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(10)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()


def peak_memory_mb(args: Sequence[str], cwd: Path) -> tuple[float, float]:
    """(seconds, peak MB) of a command, memory summed over its process tree every 20 ms."""
    try:
        once = measured(args, cwd)
    except Failed as failed:
        sys.exit(str(failed))
    return once.seconds, once.peak_mb


def copy_project(target: Path) -> Path:
    """This project's packet.toml and input folders, copied into `target`."""
    target.mkdir(parents=True)
    for name in (PROJECT_FILE, *INPUT_FOLDERS):
        source = REPO / name
        if source.is_dir():
            shutil.copytree(source, target / name)
        elif source.exists():
            shutil.copy2(source, target / name)
    return target
