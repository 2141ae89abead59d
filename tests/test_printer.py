"""Class sets sent to a real CUPS (issue 24): cups-pdf queues stand in for the department
copier — `.ci/run` installs CUPS and cups-pdf, starts the scheduler and adds `packet-pdf`
and `packet-pdf-stapler` (cups-pdf with a stapling option, tests/cups/staple-option.ppd).
Without them these tests are skipped, unless PACKET_CUPS_TESTS=required (as in CI), when
that is a failure."""

from __future__ import annotations

import os
import pwd
import re
import shutil
import subprocess
import time
from pathlib import Path

import pikepdf
import pypdfium2 as pdfium
import pytest

from conftest import run_packet, starter_project

REQUIRED = os.environ.get("PACKET_CUPS_TESTS") == "required"
QUEUE = os.environ.get("PACKET_CUPS_QUEUE", "packet-pdf")
STAPLER = os.environ.get("PACKET_CUPS_STAPLER", "packet-pdf-stapler")
CUPS_PDF_CONF = Path("/etc/cups/cups-pdf.conf")


def _cups_missing() -> str | None:
    """Why the tests cannot print here, or None."""
    if shutil.which("lp") is None or shutil.which("lpstat") is None:
        return "no CUPS client (apt-get install cups)"
    said = subprocess.run(["lpstat", "-r"], capture_output=True, text=True, check=False).stdout
    if "not running" in said:
        return "the CUPS scheduler is not running"
    queues = subprocess.run(["lpstat", "-e"], capture_output=True, text=True, check=False)
    missing = {QUEUE, STAPLER} - set(queues.stdout.split())
    if missing:
        return f"no cups-pdf queue {', '.join(sorted(missing))} (see .ci/run)"
    return None


MISSING = _cups_missing()
if MISSING and REQUIRED:
    pytest.fail(f"CUPS is required for the printer tests: {MISSING}")
needs_cups = pytest.mark.skipif(MISSING is not None, reason=MISSING or "")


def cups_pdf_folder() -> Path:
    """Where cups-pdf writes this user's jobs: `Out` in its configuration."""
    home = pwd.getpwuid(os.getuid()).pw_dir
    folder = "${HOME}/PDF"
    if CUPS_PDF_CONF.is_file():
        for line in CUPS_PDF_CONF.read_text(errors="replace").splitlines():
            if line.strip().startswith("Out "):
                folder = line.split(None, 1)[1].strip()
    return Path(folder.replace("${HOME}", home))


def printed_by_cups(job: str, timeout: float = 240) -> Path:
    """The PDF cups-pdf wrote for `job` (`packet-pdf-12`), once the job is done."""
    number = job.rsplit("-", 1)[1]
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        waiting = subprocess.run(["lpstat", "-o"], capture_output=True, text=True, check=False)
        if job not in waiting.stdout.split():
            found = list(cups_pdf_folder().glob(f"*-job_{number}.pdf"))
            if found:
                return found[0]
        time.sleep(0.5)
    raise AssertionError(f"cups-pdf wrote nothing for {job} in {timeout:.0f} s")


def pages(path: Path) -> int:
    with pikepdf.open(path) as pdf:
        return len(pdf.pages)


def covers(path: Path, starts: list[int]) -> list[str]:
    document = pdfium.PdfDocument(path)
    try:
        return [document[i].get_textpage().get_text_range() for i in starts]
    finally:
        document.close()


def jobs_sent(stdout: str) -> list[str]:
    one = r"(\S+?)(?:, stapled)?$"
    several = r"(\d+) jobs, each copy stapled: (\S+) to (\S+)"
    sent = re.search(rf"sent to \S+ as (?:{one}|{several})", stdout, re.M)
    assert sent, stdout
    if sent[1]:
        return [sent[1]]
    queue, first = sent[3].rsplit("-", 1)
    return [f"{queue}-{int(first) + n}" for n in range(int(sent[2]))]


@pytest.fixture(scope="module")
def unit(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("printer")
    project = starter_project(folder / "unit")
    (folder / "9B.csv").write_text(
        "Name;Class;Variant\nAlice Martin;9B;\nسارة أحمد;9B;large print\nNguyễn Thị Ánh;9B;\n",
        encoding="utf-8",
    )
    return project


@needs_cups
def test_a_class_set_prints_through_cups(unit: Path) -> None:
    roster = unit.parent / "9B.csv"
    done = run_packet("print", "example", "--roster", str(roster), "--printer", QUEUE, cwd=unit)
    assert done.returncode == 0, done.stderr
    ours = unit / "output" / "example-9B-print.pdf"
    [job] = jobs_sent(done.stdout)
    theirs = printed_by_cups(job)
    # What the printer got is the whole job: every page, so half as many sheets two-sided.
    total = pages(ours)
    assert pages(theirs) == total
    assert total % 2 == 0
    assert f"{total} pages, {total // 2} sheets, double-sided" in done.stdout
    # In packet's own PDF: each copy starts on an odd page (a fresh sheet) with its name, the
    # large-print copy where the roster asked for it.
    out = unit / "output"
    standard, large = (
        pages(out / "example-student.pdf"),
        pages(out / "example-student-large-print.pdf"),
    )
    lengths = [standard, large, standard]
    starts = [sum(n + n % 2 for n in lengths[:i]) for i in range(3)]
    assert all(start % 2 == 0 for start in starts)  # page start + 1 is odd
    texts = covers(ours, starts)
    assert "Alice Martin" in texts[0]
    assert "سارة" in texts[1] and "أحمد" in texts[1]
    assert "Nguyễn Thị Ánh" in texts[2]
    large_cover = covers(out / "example-student-large-print.pdf", [1])[0]
    assert covers(ours, [starts[1] + 1])[0] == large_cover


@needs_cups
def test_a_printer_that_staples_gets_each_copy_as_a_job_of_its_own(unit: Path) -> None:
    roster = unit.parent / "9B.csv"
    done = run_packet("print", "example", "--roster", str(roster), "--printer", STAPLER, cwd=unit)
    assert done.returncode == 0, done.stderr
    jobs = jobs_sent(done.stdout)
    assert len(jobs) == 5  # three copies, the teacher edition, the answer key
    out = unit / "output"
    lengths = [
        pages(out / f"example-{name}.pdf")
        for name in ("student", "student-large-print", "student", "teacher", "answer-key")
    ]
    assert [pages(printed_by_cups(job)) for job in jobs] == [n + n % 2 for n in lengths]
    listed = subprocess.run(
        ["lpstat", "-W", "completed", "-l", "-o", STAPLER], capture_output=True, text=True
    )
    assert jobs[0] in listed.stdout


@needs_cups
def test_cups_errors_are_clear_and_the_class_set_is_still_written(unit: Path) -> None:
    roster = unit.parent / "9B.csv"
    job = unit / "output" / "example-9B-print.pdf"
    job.unlink(missing_ok=True)
    done = run_packet("print", "example", "--roster", str(roster), "--printer", "nowhere", cwd=unit)
    assert done.returncode == 1
    assert "no printer called 'nowhere' — the printers here: " in done.stderr
    assert "the class set is written" in done.stderr and job.is_file()
    job.unlink()
    stopped = {**os.environ, "CUPS_SERVER": "127.0.0.1:9"}  # nothing listens there
    done = run_packet(
        "print", "example", "--roster", str(roster), "--printer", QUEUE, cwd=unit, env=stopped
    )
    assert done.returncode == 1
    assert "the CUPS scheduler is not running — start it" in done.stderr
    assert job.is_file()


@needs_cups
def test_a_queue_that_refuses_jobs_is_a_clear_error(unit: Path) -> None:
    queue = "packet-test-refusing"
    made = subprocess.run(
        ["lpadmin", "-p", queue, "-v", "cups-pdf:/", "-E"], capture_output=True, text=True
    )
    if made.returncode != 0:
        pytest.skip(f"cannot add a queue here: {made.stderr.strip()}")
    try:
        subprocess.run(["cupsreject", queue], check=True)
        roster = unit.parent / "9B.csv"
        done = run_packet("print", "example", "--roster", str(roster), "--printer", queue, cwd=unit)
        assert done.returncode == 1
        assert "lp: " in done.stderr and "not accepting jobs" in done.stderr
        assert "the class set is written" in done.stderr
    finally:
        subprocess.run(["lpadmin", "-x", queue], check=False)


@needs_cups
def test_list_printers(unit: Path) -> None:
    done = run_packet("print", "--list-printers", cwd=unit)
    assert done.returncode == 0, done.stderr
    listed = dict(line.split("  ", 1) for line in done.stdout.splitlines())
    assert {QUEUE, STAPLER} <= {name.removesuffix(" (default)") for name in listed}


def test_without_cups_the_message_says_how_to_install_it(tmp_path: Path) -> None:
    bare = tmp_path / "bin"
    bare.mkdir()
    done = run_packet(
        "print", "--list-printers", cwd=tmp_path, env={**os.environ, "PATH": str(bare)}
    )
    assert done.returncode == 1
    assert "the `lpstat` command is not here — packet prints through CUPS: on Debian" in done.stderr


@needs_cups
def test_one_copy_to_a_stapling_printer_is_stapled_and_queue_names_ignore_case(
    unit: Path,
) -> None:
    roster = unit.parent / "9B.csv"
    done = run_packet(
        "print", "example", "--roster", str(roster), "--only", "alice martin",
        "--printer", STAPLER.upper(), cwd=unit,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert f"sent to {STAPLER.upper()} as {STAPLER}-" in done.stdout
    assert done.stdout.rstrip().endswith(", stapled")
    [job] = jobs_sent(done.stdout)
    assert pages(printed_by_cups(job)) == pages(unit / "output/example-9B-reprint.pdf")


@needs_cups
def test_a_class_set_in_french_prints_with_the_names_in_its_fields(unit: Path) -> None:
    """`--language fr`: the job sent has the French covers ("NOM", "CLASSE"), each name
    stamped on its Name line (not at the top of the cover, as on a cover without fields).
    cups-pdf's copy has no text layer to read: the class set packet sent is read instead."""
    roster = unit.parent / "9B.csv"
    out = unit.parent / "french"
    done = run_packet(
        "print", "example", "--roster", str(roster), "--only", "Alice Martin",
        "--language", "fr", "--out", str(out), "--printer", QUEUE, cwd=unit,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "no Name and Class fields" not in done.stderr
    ours = out / "example-9B-reprint.pdf"
    [job] = jobs_sent(done.stdout)
    assert pages(printed_by_cups(job)) == pages(ours)
    document = pdfium.PdfDocument(ours)
    try:
        cover = document[0].get_textpage()
        label = cover.search("NOM", match_case=True, match_whole_word=True).get_next()
        name = cover.search("Alice Martin", match_case=True).get_next()
        assert label is not None and name is not None, cover.get_text_range()
        nom, alice = cover.get_charbox(label[0]), cover.get_charbox(name[0])
    finally:
        document.close()
    assert alice[0] > nom[2] and abs(alice[1] - nom[1]) < 1.5  # on the NOM line
