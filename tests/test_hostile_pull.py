"""`packet pull` against hostile documents, names and interruptions.

Each refusal is one clear, positioned message that says what to do, given before anything is
written; and whatever happens — a failed check, Ctrl-C, SIGTERM, SIGHUP — the project is left
exactly as it was or fully pulled, never half-written or unloadable.
"""

from __future__ import annotations

import os
import signal
import subprocess
import time
import unicodedata
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

import packet.check
import packet.pull
from conftest import run_packet, snapshot, start_packet
from packet.check import check_project
from packet.cli import main
from packet.draft import extent
from packet.errors import ContentError, UsageError
from packet.files import write_atomic
from packet.project import load_project
from packet.pull import PullInterrupted, pull
from packet.schema import MAX_LESSON_MODULES
from packet.sources import article, read_document

ARTICLE = (
    "The Treaty\n\nBy Test Author\n\nThe treaty was signed in 1648 and named the "
    "“Peace of Westphalia” by later writers. Its terms ran to many pages.\n"
)
SIGNALS = [signal.SIGTERM, signal.SIGHUP, signal.SIGINT]


def refused(root: Path, sources: list[Path]) -> list[str]:
    """The problems pull reports for `sources`, after checking it wrote nothing."""
    before = snapshot(root)
    with pytest.raises(ContentError) as caught:
        pull(root, sources)
    assert snapshot(root) == before
    return [str(problem) for problem in caught.value.problems]


def printable(text: str) -> bool:
    """Whether `text` is safe to print to a terminal: no control character but line breaks."""
    return not any(unicodedata.category(c) in ("Cc", "Cs") and c != "\n" for c in text)


def cli(root: Path, *args: str) -> Any:
    return CliRunner().invoke(main, ["--project", str(root), *args])


def drafted(root: Path) -> str:
    """Everything pull drafted into content/, as one text."""
    return "\n".join(p.read_text("utf-8") for p in sorted((root / "content").rglob("*.*")))


# -- sizes ------------------------------------------------------------------------------------


def test_an_oversized_document_is_one_error_before_anything_is_read_or_drafted(
    fresh: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    paragraph = (
        "On 13 August 1961 the border was closed, and on 9 November 1989 it opened again; "
        "“Checkpoint Charlie” [@berlin] became a symbol of the divided city. "
    ) * 8
    big = tmp_path / "big-page.html"
    body = "".join(f"<h2>Part {n}</h2><p>{paragraph}</p>" for n in range(5_200))
    big.write_text(f"<html><head><title>Berlin</title></head><body>{body}</body></html>")
    assert 6_000_000 < big.stat().st_size < 7_000_000

    def never(*args: object) -> None:
        raise AssertionError("a document over the limit was read and drafted")

    monkeypatch.setattr(packet.pull, "read_document", never)
    monkeypatch.setattr(packet.pull, "article", never)
    (problem,) = refused(fresh, [big])
    assert problem.startswith(f"{big}: file is larger than 5 MB — split it"), problem


def never_drafted(monkeypatch: pytest.MonkeyPatch) -> None:
    """Drafting fails the test: a pull over a limit is refused before it starts."""

    def draft(*args: object) -> None:
        raise AssertionError("a pull over packet's limits was drafted")

    monkeypatch.setattr(packet.pull, "draft", draft)


def chronicle(tmp_path: Path, years: range = range(1600, 1700)) -> Path:
    """A document of one short dated sentence a paragraph."""
    source = tmp_path / "chronicle.txt"
    text = "\n\n".join(f"In {y} the council met again and the treaty was read out." for y in years)
    source.write_text(f"The Chronicle\n\nBy Test Author\n\n{text}\n")
    return source


def test_a_timeline_too_big_for_packet_to_read_back_is_refused_before_drafting(
    fresh: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A long document under the limit can draft a timeline over it (each dated sentence is
    written twice, as detail and passage): found from the dated sentences, before drafting."""
    monkeypatch.setattr(packet.pull, "MAX_FILE_BYTES", 8_000)  # for a test of seconds
    never_drafted(monkeypatch)
    source = chronicle(tmp_path)
    assert source.stat().st_size < 8_000
    (problem,) = refused(fresh, [source])
    assert problem.startswith("content/timeline.yaml: would be 0.0"), problem
    assert (
        "MB or more with the drafts (100 dated events, each writing its sentence twice), over "
        "the 0.008 MB packet reads in one file — pull a shorter document" in problem
    )


def test_drafts_over_the_limit_by_more_than_foreseen_are_refused_before_writing(
    fresh: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What the measure before drafting cannot foresee (ids, module names, YAML's own
    layout) is measured on the drafts themselves, before anything is written."""
    source = chronicle(tmp_path)
    found = article(read_document(source.read_bytes(), "text").text, "text")
    timeline = (fresh / "content" / "timeline.yaml").read_bytes()
    least = len(timeline) + extent(found, "chronicle").timeline_bytes
    monkeypatch.setattr(packet.pull, "MAX_FILE_BYTES", least + 100)
    (problem,) = refused(fresh, [source])
    assert problem.startswith("content/timeline.yaml: would be 0.0"), problem
    assert "MB with the drafts, over the" in problem and "pull a shorter" in problem


def test_a_document_of_more_sections_than_a_lesson_takes_is_refused_before_drafting(
    fresh: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each heading starts a module, and the drafted lesson holds them all: past a lesson's
    limit the pull would only fail its check after drafting and writing everything."""
    never_drafted(monkeypatch)
    source = tmp_path / "handbook.md"
    source.write_text(
        "# Handbook\n\n"
        + "".join(f"## Part {n}\n\nThe part numbered {n} is short.\n\n" for n in range(301))
    )
    (problem,) = refused(fresh, [source])
    assert problem == (
        f"{source}: would be drafted into 301 modules (one for each heading), but a lesson takes "
        f"at most {MAX_LESSON_MODULES} — split the document into parts of at most "
        f"{MAX_LESSON_MODULES} headings and pull each (each part becomes a lesson of its own), "
        "or pull only the part the packet needs"
    )


def test_a_section_too_big_for_one_module_is_refused_before_drafting(
    fresh: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(packet.pull, "MAX_FILE_BYTES", 8_000)  # for a test of seconds
    never_drafted(monkeypatch)
    source = tmp_path / "long.md"
    source.write_text(
        "# Long\n\n## Short part\n\nA few words.\n\n## Long part\n\n"
        + "The wall was long and grey and it ran through the city. " * 160
        + "\n"
    )
    (problem,) = refused(fresh, [source])
    assert problem.startswith(f"{source}: its section “Long part” would be a module of 0.009 MB")
    assert "over the 0.008 MB packet reads in one file — cut that part into smaller" in problem


# -- interruptions ------------------------------------------------------------------------------

# Loaded by the child `packet pull` (it is on its PYTHONPATH): its check announces itself by a
# marker file and then waits, so the test can stop it at exactly that point. With
# PULL_SIGNAL_AGAIN set, the signal comes once more while the files are being put back (an
# impatient second Ctrl-C).
SITECUSTOMIZE = """
import os
import signal
import time

# A teacher's terminal, whatever the test runner was started with: Ctrl-C raises
# KeyboardInterrupt, SIGTERM and SIGHUP end the process.
signal.signal(signal.SIGINT, signal.default_int_handler)
signal.signal(signal.SIGTERM, signal.SIG_DFL)
signal.signal(signal.SIGHUP, signal.SIG_DFL)

import packet.check

_check_project = packet.check.check_project


def check_project(*args, **kwargs):
    open(os.environ["PULL_MARKER"], "w").close()
    time.sleep(300)
    return _check_project(*args, **kwargs)


packet.check.check_project = check_project

import packet.pull

_write_atomic = packet.pull.write_atomic


def write_atomic(path, data, **options):
    if os.environ.get("PULL_SIGNAL_AGAIN") and os.path.exists(os.environ["PULL_MARKER"]):
        os.kill(os.getpid(), int(os.environ["PULL_SIGNAL_AGAIN"]))
    _write_atomic(path, data, **options)


packet.pull.write_atomic = write_atomic
"""


@pytest.mark.parametrize(
    ("signum", "again"),
    [(signal.SIGTERM, False), (signal.SIGHUP, False), (signal.SIGINT, False),
     (signal.SIGINT, True), (signal.SIGTERM, True)],
    ids=["SIGTERM", "SIGHUP", "SIGINT", "SIGINT-twice", "SIGTERM-twice"],
)  # fmt: skip
def test_a_pull_stopped_by_a_signal_while_checking_puts_every_file_back(
    fresh: Path, tmp_path: Path, signum: int, again: bool
) -> None:
    source = tmp_path / "treaty.txt"
    source.write_text(ARTICLE, encoding="utf-8")
    hooks = tmp_path / "hooks"
    hooks.mkdir()
    (hooks / "sitecustomize.py").write_text(SITECUSTOMIZE, encoding="utf-8")
    marker = tmp_path / "checking"
    path = [str(hooks), *filter(None, [os.environ.get("PYTHONPATH")])]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(path), "PULL_MARKER": str(marker)}
    env["PULL_SIGNAL_AGAIN"] = str(int(signum)) if again else ""
    before = snapshot(fresh)
    child = start_packet(
        "pull",
        str(source),
        cwd=fresh,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 120
        while not marker.exists():
            assert child.poll() is None, child.communicate()
            assert time.monotonic() < deadline, "the pull never reached its check"
            time.sleep(0.05)
        # The drafts are in the project and being checked: the worst moment to be stopped.
        assert (fresh / "seeds" / "treaty.txt").is_file()
        assert snapshot(fresh) != before
        child.send_signal(signum)
        _, stderr = child.communicate(timeout=60)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
    assert child.returncode == 128 + signum, stderr  # as the CLI reports every signal
    assert stderr.startswith("packet: ") and "Traceback" not in stderr, stderr
    assert "every file the pull had written is put back as it was" in stderr, stderr
    assert snapshot(fresh) == before
    assert not check_project(load_project(fresh)).errors


@pytest.mark.parametrize("signum", SIGNALS, ids=lambda s: signal.Signals(s).name)
def test_an_interrupted_pull_restores_the_callers_signal_handlers(
    fresh: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, signum: int
) -> None:
    """pull is a library function too: the handlers it sets while writing are its own, and
    the caller's handler is given the signal once every file is back."""
    source = tmp_path / "treaty.txt"
    source.write_text(ARTICLE, encoding="utf-8")
    received: list[tuple[int, bool]] = []

    def callers(number: int, frame: object) -> None:
        received.append((number, snapshot(fresh) == before))

    def stopped_while_checking(*args: Any, **kwargs: Any) -> Any:
        os.kill(os.getpid(), signum)
        time.sleep(5)  # the handler stops the pull before this ends
        raise AssertionError("the signal did not stop the pull")

    monkeypatch.setattr(packet.check, "check_project", stopped_while_checking)
    before = snapshot(fresh)
    previous = {s: signal.signal(s, callers) for s in SIGNALS}
    try:
        with pytest.raises(PullInterrupted) as caught:
            pull(fresh, [source])
        handlers = {s: signal.getsignal(s) for s in SIGNALS}
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)
    assert caught.value.signum == signum
    assert handlers == dict.fromkeys(SIGNALS, callers)
    assert received == [(signum, True)]
    assert snapshot(fresh) == before


def test_a_second_ctrl_c_while_the_files_are_put_back_does_not_cut_that_short(
    fresh: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = tmp_path / "treaty.txt"
    source.write_text(ARTICLE, encoding="utf-8")
    putting_back: list[bool] = []

    def ctrl_c_while_checking(*args: Any, **kwargs: Any) -> Any:
        putting_back.append(True)
        os.kill(os.getpid(), signal.SIGINT)
        time.sleep(5)
        raise AssertionError("Ctrl-C did not stop the pull")

    def ctrl_c_again(path: Path, data: bytes, **options: str) -> None:
        if putting_back:  # the teacher presses Ctrl-C again, impatient
            os.kill(os.getpid(), signal.SIGINT)
        write_atomic(path, data, **options)

    monkeypatch.setattr(packet.check, "check_project", ctrl_c_while_checking)
    monkeypatch.setattr(packet.pull, "write_atomic", ctrl_c_again)
    before = snapshot(fresh)
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        with pytest.raises(KeyboardInterrupt):
            pull(fresh, [source])
    finally:
        signal.signal(signal.SIGINT, previous)
    assert snapshot(fresh) == before


def test_a_pull_that_finishes_leaves_the_signal_handlers_as_they_were(
    fresh: Path, tmp_path: Path
) -> None:
    source = tmp_path / "treaty.txt"
    source.write_text(ARTICLE, encoding="utf-8")
    before = {s: signal.getsignal(s) for s in SIGNALS}
    ignored = signal.signal(signal.SIGHUP, signal.SIG_IGN)  # as under nohup
    try:
        pull(fresh, [source])
        assert signal.getsignal(signal.SIGHUP) == signal.SIG_IGN
    finally:
        signal.signal(signal.SIGHUP, ignored)
    assert {s: signal.getsignal(s) for s in SIGNALS} == before
    assert (fresh / "seeds" / "treaty.txt").is_file()


def test_folders_made_for_the_drafts_are_removed_when_the_check_fails(
    fresh: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    lessons = fresh / "content" / "lessons"
    (lessons / "example.yaml").unlink()
    lessons.rmdir()
    source = tmp_path / "treaty.txt"
    source.write_text(ARTICLE, encoding="utf-8")

    def failing(*args: Any, **kwargs: Any) -> Any:
        raise ContentError([])

    monkeypatch.setattr(packet.check, "check_project", failing)
    before = snapshot(fresh)
    with pytest.raises(ContentError):
        pull(fresh, [source])
    assert snapshot(fresh) == before
    assert not lessons.exists()


def test_a_day_the_calendar_lacks_then_the_day_after_pulls_without_a_crash(
    fresh: Path, tmp_path: Path
) -> None:
    source = tmp_path / "council.txt"
    source.write_text(
        "The Council\n\nBy Test Author\n\nIn 1851 the council sat all winter. It met on "
        "29 February. The next day it rose, and on 2 March it met again.\n",
        encoding="utf-8",
    )
    pull(fresh, [source])  # pull checks the project it made before it keeps anything
    timeline = drafted(fresh)
    assert "1851-03-02" in timeline and "1851-03-01" not in timeline  # nothing counted from it


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("siege.txt", "The Siege\n\nBy Test Author\n\nThe siege ran from 3 May until about "
                      "1300.\n"),
        ("caesar.txt", "Caesar\n\nBy Test Author\n\nCaesar ruled from March to 44 BC.\n"),
        ("star.txt", "The Star\n\nBy Test Author\n\nIn 9999 AD the star returned and the "
                     "following year it faded.\n"),
        ("railway.html", "<html><body><article><h1>The Railway Age</h1><p>The railway reached "
                         "the town in 1850 and changed how people lived and worked in the "
                         "valley.</p><p>Last reviewed 3 April 2024</p></article></body></html>"),
        ("share.md", "# The Railway Age\n\nShare it: [Facebook](https://fb.com) · "
                     "[X](https://x.com) · [Email](mailto:a@b)\n\nThe railway reached the town "
                     "in 1850.\n\nShare it:\n"),
    ],
)  # fmt: skip
def test_a_document_whose_dates_or_furniture_once_broke_its_drafts_pulls_and_checks(
    fresh: Path, tmp_path: Path, name: str, text: str
) -> None:
    """Each once crashed pull ("until about 1300", "to 44 BC": a month joined to a year it
    could not read) or made a draft its own check refused (a year 10000; a review date or a
    bare "Share it:" left of a dropped line)."""
    source = tmp_path / name
    source.write_text(text, encoding="utf-8")
    pull(fresh, [source])  # pull checks the project it made before it keeps anything
    assert "10000" not in drafted(fresh)


def test_a_document_in_decomposed_accents_drafts_its_terms_whole_and_checks(
    fresh: Path, tmp_path: Path
) -> None:
    """Text a Mac wrote decomposed ("e" and a combining accent) lost the accented letters'
    words from its terms; it is read composed, and the seed, kept as it came, still checks."""
    text = (
        "# The Procope\n\nIn 1686 the Procope opened in Paris. Its owner served coffee in a "
        "café, a room where customers sat at small tables, and the café soon drew writers.\n"
    )
    source = tmp_path / "procope.md"
    source.write_text(unicodedata.normalize("NFD", text), encoding="utf-8")
    pull(fresh, [source])
    assert (fresh / "seeds" / "procope.md").read_bytes() == source.read_bytes()
    glossary = (fresh / "content" / "glossary.yaml").read_text(encoding="utf-8")
    assert "term: café" in glossary and "A room where customers sat" in glossary


# -- names ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name",
    [
        "two\nlines.txt",
        "carriage\rreturn.txt",
        "title\x1b]0;pwned\x07.txt",
        "clear\x1b[2J.md",
        "line\u2028separator.txt",
        "next\x85line.txt",
        "right-to-left\u202etxt.html",
        os.fsdecode(b"caf\xe9-latin1.txt"),
    ],
    ids=["newline", "return", "osc", "csi", "u2028", "nel", "bidi", "undecodable"],
)
def test_a_file_name_that_would_break_yaml_or_the_terminal_is_refused(
    fresh: Path, tmp_path: Path, name: str
) -> None:
    source = tmp_path / name
    source.write_text(ARTICLE, encoding="utf-8")
    (problem,) = refused(fresh, [source])
    assert "the file name contains" in problem and "— rename the file" in problem, problem
    assert printable(problem), ascii(problem)


def test_a_file_name_with_a_line_break_is_refused_on_the_command_line(
    fresh: Path, tmp_path: Path
) -> None:
    source = tmp_path / "notes\nfrom class\x1b[2J.txt"
    source.write_text(ARTICLE, encoding="utf-8")
    before = snapshot(fresh)
    result = cli(fresh, "pull", str(source))
    assert result.exit_code == 1
    assert "notes\\x0afrom class\\x1b[2J.txt: the file name contains a line break" in result.output
    assert "rename the file" in result.output and printable(result.output), ascii(result.output)
    assert snapshot(fresh) == before
    assert not check_project(load_project(fresh)).errors


@pytest.mark.parametrize(
    ("name", "message"),
    [
        (".hidden.txt", "the file name starts with a dot"),
        ("back\\slash.txt", "the file name contains a backslash"),
        ("x" * 230 + ".txt", "the file name is too long for seeds/ (234 bytes; at most 223)"),
    ],
    ids=["dot", "backslash", "long"],
)
def test_a_file_name_seeds_cannot_hold_is_refused_before_writing(
    fresh: Path, tmp_path: Path, name: str, message: str
) -> None:
    source = tmp_path / name
    source.write_text(ARTICLE, encoding="utf-8")
    (problem,) = refused(fresh, [source])
    assert f"{source}: {message}" in problem and "— rename the file" in problem, problem


def test_two_documents_with_the_same_name_are_one_clear_error(fresh: Path, tmp_path: Path) -> None:
    first, second = tmp_path / "a" / "notes.txt", tmp_path / "b" / "notes.txt"
    for path in (first, second):
        path.parent.mkdir()
        path.write_text(ARTICLE.replace("The Treaty", f"The Treaty {path.parent.name}"))
    (problem,) = refused(fresh, [first, second])
    assert problem == (
        f"{second}: another file named notes.txt is pulled too ({first}); both would be "
        "seeds/notes.txt — rename one of them, then pull both"
    )
    (again,) = refused(fresh, [first, first])
    assert again == f"{first}: this file is named twice — name each file once"


def test_names_differing_only_in_case_are_one_file_on_a_mac_and_are_refused(
    fresh: Path, tmp_path: Path
) -> None:
    first, second = tmp_path / "a" / "Notes.txt", tmp_path / "b" / "notes.txt"
    for path in (first, second):
        path.parent.mkdir()
        path.write_text(ARTICLE.replace("The Treaty", f"The Treaty {path.parent.name}"))
    (problem,) = refused(fresh, [first, second])
    assert f"another file named Notes.txt is pulled too ({first})" in problem
    (fresh / "seeds" / "notes.txt").write_text("Other notes\n", encoding="utf-8")
    (problem,) = refused(fresh, [first])
    assert problem == (
        f"{first}: seeds/notes.txt already exists — rename the file before pulling it"
    )


def test_an_id_with_control_characters_is_refused_without_reaching_the_terminal(
    fresh: Path, tmp_path: Path
) -> None:
    source = tmp_path / "treaty.txt"
    source.write_text(ARTICLE, encoding="utf-8")
    with pytest.raises(UsageError) as caught:
        pull(fresh, [source], "treaty\x1b]0;pwned\x07")
    assert str(caught.value) == (
        "--id 'treaty\\x1b]0;pwned\\x07': use lower-case letters, digits and hyphens"
    )


def test_an_id_already_taken_is_refused_rather_than_quietly_changed(
    fresh: Path, tmp_path: Path
) -> None:
    """Content citing [@gettysburg] would go on citing the old seed if the new one quietly
    became 'gettysburg-2'."""
    source = tmp_path / "treaty.txt"
    source.write_text(ARTICLE, encoding="utf-8")
    before = snapshot(fresh)
    result = cli(fresh, "pull", "--id", "gettysburg", str(source))
    assert result.exit_code == 2
    assert (
        "packet: --id 'gettysburg' is already the id of seeds/gettysburg-address.txt — "
        "choose another id, or leave --id out"
    ) in result.output
    assert snapshot(fresh) == before


# -- encodings --------------------------------------------------------------------------------

CYRILLIC = (
    "Берлинская стена была построена 13 августа 1961 года. Она разделяла Западный Берлин и "
    "Восточный Берлин почти тридцать лет, и многие семьи не виделись годами.",
    "Стена пала 9 ноября 1989 года, когда граница неожиданно была открыта. Это событие стало "
    "символом конца холодной войны в Европе и объединения Германии.",
)


def cyrillic_page(declaration: str) -> str:
    paragraphs = "".join(f"<p>{p}</p>" for p in CYRILLIC)
    return (
        f"{declaration if declaration.startswith('<?xml') else ''}<!DOCTYPE html>\n"
        f"<html><head>{'' if declaration.startswith('<?xml') else declaration}"
        "<title>Берлинская стена</title></head><body><article><h1>Берлинская стена</h1>"
        f"{paragraphs}</article></body></html>\n"
    )


@pytest.mark.parametrize(
    "declaration",
    [
        '<meta charset="windows-1251">',
        '<meta http-equiv="Content-Type" content="text/html; charset=windows-1251">',
        '<?xml version="1.0" encoding="windows-1251"?>\n',
    ],
    ids=["meta-charset", "http-equiv", "xml-declaration"],
)
def test_a_page_in_the_encoding_it_declares_is_read_in_it(
    fresh: Path, tmp_path: Path, declaration: str
) -> None:
    source = tmp_path / "berlin-wall.html"
    source.write_bytes(cyrillic_page(declaration).encode("cp1251"))
    (report,) = pull(fresh, [source])
    assert (report.encoding, report.warnings) == ("cp1251", [])
    assert report.found["title"] == "Берлинская стена"
    assert report.seed_id == "berlin-wall"  # from the file name: the title has no Latin letters
    project = load_project(fresh)
    assert CYRILLIC[0] in project.seeds["berlin-wall"].text
    module = project.modules[report.modules[0]]
    assert CYRILLIC[1][:40] in module.body
    assert {e.entry.date for e in project.events if e.entry.draft} == {"1961", "1989"}


@pytest.mark.parametrize(
    ("declared", "encoding", "warning"),
    [
        (
            "windows-1251",
            "utf-8",
            "the page declares 'windows-1251' but its text is UTF-8, so it was read as UTF-8",
        ),
        ("utf-8", "cp1251", "the page declares 'utf-8' but byte "),
        ("x-made-up", "cp1251", "the page declares the encoding 'x-made-up', which packet does"),
        ("utf-7", "utf-8", "the page declares the encoding 'utf-7', which packet does not know"),
    ],
    ids=["says-1251-is-utf8", "says-utf8-is-1251", "unknown", "utf-7"],
)
def test_a_declaration_the_bytes_deny_is_said_and_recorded(
    fresh: Path, tmp_path: Path, declared: str, encoding: str, warning: str
) -> None:
    page = cyrillic_page(f'<meta charset="{declared}">')
    data = page.encode("cp1251" if encoding == "cp1251" else "utf-8")
    if encoding == "cp1251":
        # Neither UTF-8 nor anything declared: what packet reads it as is its guess, said so.
        found = read_document(data, "html")
        assert found.warning.startswith(warning) and "Windows-1252" in found.warning
        return
    source = tmp_path / "berlin.html"
    source.write_bytes(data)
    (report,) = pull(fresh, [source])
    assert report.encoding == encoding
    assert len(report.warnings) == 1 and report.warnings[0].startswith(warning)
    meta = (fresh / "seeds" / "berlin.html.meta.yaml").read_text("utf-8")
    assert f"# Encoding: {report.warnings[0]}.\n" in meta
    assert CYRILLIC[0] in load_project(fresh).seeds[report.seed_id].text


def test_the_command_says_what_the_declaration_got_wrong(fresh: Path, tmp_path: Path) -> None:
    source = tmp_path / "berlin.html"
    source.write_bytes(cyrillic_page('<meta charset="windows-1251">').encode("utf-8"))
    result = CliRunner().invoke(main, ["--project", str(fresh), "pull", str(source)])
    assert result.exit_code == 0, result.output
    assert "  warning: the page declares 'windows-1251'" in result.output, result.output


def test_a_page_labelled_iso_8859_but_written_in_windows_1252_keeps_its_quotation_marks() -> None:
    page = "<meta charset='iso-8859-15'><p>“Quoted” – été, 5 €</p>".encode("cp1252")
    found = read_document(page, "html")
    assert found.encoding == "cp1252" and "<p>“Quoted” – été, 5 €</p>" in found.text
    assert found.warning.startswith("the page declares 'iso-8859-15' but uses bytes that only")
    honest = "<meta charset='iso-8859-15'><p>été, 5 €</p>".encode("iso8859-15")
    assert read_document(honest, "html").encoding == "iso8859-15"
    assert "5 €" in read_document(honest, "html").text


def test_only_web_pages_have_their_declaration_read() -> None:
    text = '<meta charset="windows-1251"> is how a page names its encoding; here: café\n'
    found = read_document(text.encode("utf-8"), "text")
    assert (found.encoding, found.declared, found.warning) == ("utf-8", None, "")
    assert read_document(text.encode("utf-8"), "html").warning  # a page would be told


# -- what the document's text can do --------------------------------------------------------------


def test_text_that_looks_like_a_citation_is_never_a_citation_in_the_drafts(
    fresh: Path, tmp_path: Path
) -> None:
    source = tmp_path / "notes.txt"
    source.write_text(
        "Notes on [@gettysburg] and *stars*\n\nBy Test Author\n\n"
        "The treaty was signed in 1648 [@nosuch] and named the “Peace of Westphalia” by later "
        "writers [@gettysburg]. Its terms ran to many pages.\n",
        encoding="utf-8",
    )
    (report,) = pull(fresh, [source])
    project = load_project(fresh)
    body = project.modules[report.modules[0]].body
    assert "Notes on \\[@gettysburg\\] and \\*stars\\*" in body  # the title, literally
    # Every drafted field that is rendered as Markdown (passages stay the source's own text).
    rendered = [m.body for m in project.modules.values() if m.meta.draft]
    rendered += [m.meta.summary for m in project.modules.values() if m.meta.draft]
    rendered += [q.ask for m in project.modules.values() if m.meta.draft for q in m.meta.questions]
    rendered += [e.entry.detail for e in project.events if e.entry.draft]
    rendered += [t.entry.definition for t in project.terms.values() if t.entry.draft]
    text = "\n".join(r or "" for r in rendered)
    for seed in ("gettysburg", "nosuch"):
        assert f"\\[@{seed}]" in text
        assert f"[@{seed}]" not in text.replace(f"\\[@{seed}]", ""), seed
    assert not check_project(project).errors


def test_control_and_invisible_characters_in_a_document_do_not_stop_the_pull(
    fresh: Path, tmp_path: Path
) -> None:
    source = tmp_path / "treaty.txt"
    source.write_text(
        "The Treaty\n\nBy Test Author\n\nThe treaty was signed in 1648 \x1b[2Jand named the "
        "“Peace of\u200b Westphalia” by\ufeff later writers.\x0c\u202e Its terms ran\x00 to "
        "many pages\x7f.\n",
        encoding="utf-8",
    )
    source.write_bytes(source.read_bytes().replace(b"\x00", b""))  # NUL would mean binary
    (report,) = pull(fresh, [source])
    text = drafted(fresh)
    assert "and named the" in text
    for char in "\x1b\x0c\u200b\ufeff\u202e\x7f":
        assert char not in text, ascii(char)
    assert printable(" ".join(report.found.values()))
    assert not check_project(load_project(fresh)).errors


def test_a_character_reference_to_a_control_character_does_not_lose_the_page(
    fresh: Path, tmp_path: Path
) -> None:
    source = tmp_path / "treaty.html"
    source.write_text(
        "<html><head><title>The Treaty</title></head><body><article><h1>The Treaty</h1>"
        "<p>The treaty was signed in 1648&#27; and named the “Peace of Westphalia” by later "
        "writers. Its terms ran to many pages, and every court in Europe read them.</p>"
        "<p>The negotiations&#x1B;[2J took five years in Münster and Osnabrück.</p>"
        "</article></body></html>",
        encoding="utf-8",
    )
    (report,) = pull(fresh, [source])
    assert "1648" in {e.entry.date for e in load_project(fresh).events if e.entry.draft}
    assert "\x1b" not in drafted(fresh)
    assert report.modules


# -- what is read, and where it is written --------------------------------------------------------


def test_a_named_pipe_is_refused_without_waiting_for_it(fresh: Path, tmp_path: Path) -> None:
    fifo = tmp_path / "article.txt"
    os.mkfifo(fifo)
    result = run_packet("pull", str(fifo), cwd=fresh, timeout=60)
    assert result.returncode == 1
    assert f"{fifo}: is a named pipe, not a file — replace it with an ordinary file" in (
        result.stderr
    )


def test_a_link_to_a_device_is_refused_unread(fresh: Path, tmp_path: Path) -> None:
    link = tmp_path / "endless.txt"
    link.symlink_to("/dev/zero")
    (problem,) = refused(fresh, [link])
    assert problem == f"{link}: is a device, not a file — replace it with an ordinary file"


def test_a_project_folder_linked_out_of_the_project_is_not_written_through(
    fresh: Path, tmp_path: Path
) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    lessons = fresh / "content" / "lessons"
    (lessons / "example.yaml").unlink()
    lessons.rmdir()
    lessons.symlink_to(elsewhere, target_is_directory=True)
    source = tmp_path / "treaty.txt"
    source.write_text(ARTICLE, encoding="utf-8")
    (problem,) = refused(fresh, [source])
    assert problem == (
        "content/lessons/the-treaty.yaml: its folder is a link to a folder outside the "
        "project; packet writes only inside the project — replace the link with a real folder"
    )
    assert list(elsewhere.iterdir()) == []


def test_a_seed_name_taken_by_a_link_is_not_replaced(fresh: Path, tmp_path: Path) -> None:
    (fresh / "seeds" / "treaty.txt").symlink_to(tmp_path / "missing.txt")
    source = tmp_path / "treaty.txt"
    source.write_text(ARTICLE, encoding="utf-8")
    (problem,) = refused(fresh, [source])
    assert "seeds/treaty.txt already exists — rename the file before pulling it" in problem
