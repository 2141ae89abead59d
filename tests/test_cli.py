"""The command line: wiring, exit statuses and messages."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import run_packet, start_packet
from packet.cli import main


def test_list_json_prints_the_spec_object(project_dir: Path) -> None:
    result = CliRunner().invoke(main, ["--project", str(project_dir), "list", "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert set(data) == {"lessons", "modules", "seeds"}
    assert all(set(item) == {"id", "title", "modules"} for item in data["lessons"])
    assert all(set(item) == {"id", "title"} for item in data["modules"] + data["seeds"])
    lessons = {item["id"]: item for item in data["lessons"]}
    assert lessons["1-roots"]["modules"] == ["origins", "civil-war"]
    assert len(lessons["whole-unit"]["modules"]) == len(data["modules"]) == 7
    assert {s["id"] for s in data["seeds"]} == {"highlights", "encyclopedia"}


def test_check_passes_on_the_repository(project_dir: Path) -> None:
    result = run_packet("check", "--strict", cwd=project_dir)
    assert result.returncode == 0, result.stderr
    assert "0 error(s), 0 warning(s)" in result.stdout + result.stderr


def test_an_altered_quote_fails_check_with_its_file_and_line(project_dir: Path) -> None:
    module = project_dir / "content" / "modules" / "year-zero.md"
    text = module.read_text(encoding="utf-8")
    altered = text.replace("To destroy you is no loss.", "To destroy you is no great loss.")
    assert altered != text
    module.write_text(altered, encoding="utf-8")
    body = altered.index("\n---\n", 4)  # the quotation in the module's text, after its front matter
    line, col = next(
        (n, row.index("“To keep") + 1)
        for n, row in enumerate(altered.splitlines(), 1)
        if "“To keep you is no benefit. To destroy you is no great loss.”" in row
        and n > altered.count("\n", 0, body) + 1
    )
    result = run_packet("check", cwd=project_dir)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert f"content/modules/year-zero.md:{line}:{col}: quotation" in result.stderr
    assert "is not in seed 'highlights'" in result.stderr


def test_problems_in_several_files_are_reported_together(project_dir: Path) -> None:
    (project_dir / "content" / "lessons" / "bad.yaml").write_text("title: X\nmodules: [nowhere]\n")
    glossary = project_dir / "content" / "glossary.yaml"
    glossary.write_text(glossary.read_text(encoding="utf-8") + "- id: x\n  term: [\n")
    result = run_packet("build", cwd=project_dir)
    assert result.returncode == 1
    assert "content/lessons/bad.yaml:2:11: unknown module 'nowhere'" in result.stderr
    assert "content/glossary.yaml:" in result.stderr and "YAML syntax" in result.stderr
    assert not (project_dir / "output").exists()


def test_unknown_lesson_is_a_usage_error(project_dir: Path) -> None:
    result = run_packet("build", "no-such-lesson", cwd=project_dir)
    assert result.returncode == 2
    assert "unknown lesson(s): no-such-lesson" in result.stderr and "1-roots" in result.stderr


def test_bad_option_values_are_usage_errors(project_dir: Path) -> None:
    assert run_packet("build", "--sections", "timeline,index", cwd=project_dir).returncode == 2
    escaping = run_packet("build", "--modules", "origins", "--name", "../escape", cwd=project_dir)
    assert escaping.returncode == 2


def test_outside_a_project_says_how_to_fix_it(tmp_path: Path) -> None:
    result = run_packet("list", cwd=tmp_path)
    assert result.returncode == 2
    assert "no packet.toml" in result.stderr and "--project" in result.stderr


def test_every_command_has_help() -> None:
    for command in ("list", "build", "check"):
        result = CliRunner().invoke(main, [command, "--help"])
        assert result.exit_code == 0 and len(result.output) > 100


def test_adhoc_lesson_from_modules_with_chosen_sections(project_dir: Path) -> None:
    result = run_packet(
        "build",
        "--modules",
        "origins,tribunal",
        "--name",
        "mine",
        "--sections",
        "glossary,sources",
        "--format",
        "html",
        "--edition",
        "student",
        cwd=project_dir,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().endswith("s") and "mine-student.html" in result.stdout
    html = (project_dir / "output" / "mine-student.html").read_text(encoding="utf-8")
    assert html.index('id="module-origins"') < html.index('id="module-tribunal"')
    assert html.index('id="section-glossary"') < html.index('id="section-sources"')
    assert 'id="section-timeline"' not in html and 'id="section-comparison"' not in html
    written = (project_dir / "output").iterdir()
    assert sorted(p.name for p in written if not p.name.startswith(".")) == ["mine-student.html"]


def test_bad_references_and_dates_point_at_their_line(project_dir: Path) -> None:
    timeline = project_dir / "content" / "timeline.yaml"
    text = timeline.read_text(encoding="utf-8").replace('date: "1951"', 'date: "1951-02-30"')
    text = text.replace(
        '{seed: encyclopedia, passage: "It was purportedly',
        '{seed: nowhere, passage: "It was purportedly',
    )
    timeline.write_text(text, encoding="utf-8")
    lines = text.splitlines()
    date_line = next(n for n, row in enumerate(lines, 1) if "1951-02-30" in row)
    seed_line = next(n for n, row in enumerate(lines, 1) if "seed: nowhere" in row)
    result = run_packet("check", cwd=project_dir)
    assert result.returncode == 1
    assert (
        f"content/timeline.yaml:{date_line}:3: date: February 1951 has no day 30" in result.stderr
    )
    assert (
        f"content/timeline.yaml:{seed_line}:" in result.stderr
        and "unknown seed 'nowhere'" in result.stderr
    )


def test_serve_refuses_an_unknown_lesson_and_a_busy_port(project_dir: Path) -> None:
    import socket

    result = run_packet("serve", "no-such-lesson", "--port", "0", cwd=project_dir)
    assert result.returncode == 2
    assert "unknown lesson 'no-such-lesson' — known: 1-roots" in result.stderr
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = run_packet("serve", "3-s21", "--port", str(port), cwd=project_dir)
    assert result.returncode == 2
    assert f"cannot listen on 127.0.0.1:{port}" in result.stderr and "--port" in result.stderr


def test_serve_refuses_a_language_packet_has_no_words_for(project_dir: Path) -> None:
    result = run_packet("serve", "--language", "it", "--port", "0", cwd=project_dir)
    assert result.returncode == 2
    assert (
        "--language it: packet's own words come in en, fr, es, de — choose one of them"
    ) in result.stderr


def test_serve_builds_its_packets_in_the_language_asked_for(tmp_path: Path) -> None:
    """`packet serve --language fr`: the preview and the PDF to download have packet's own
    words in French (the cover's "Nom" field), as `packet build --language fr` has them."""
    import http.client
    import re
    import signal

    import pypdfium2 as pdfium

    from conftest import starter_project
    from packet.i18n import Words

    project = starter_project(tmp_path / "unit")
    process = start_packet(
        "serve", "example", "--language", "fr", "--port", "0",
        cwd=project, stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        assert process.stdout is not None
        found = re.search(r"http://127\.0\.0\.1:(\d+)/", process.stdout.readline())
        assert found
        pages = {}
        for path in ("/example/student", "/example/student.pdf"):
            connection = http.client.HTTPConnection("127.0.0.1", int(found[1]), timeout=120)
            connection.request("GET", path)
            response = connection.getresponse()
            assert response.status == 200, path
            pages[path] = response.read()
            connection.close()
    finally:
        process.send_signal(signal.SIGINT)
        process.communicate(timeout=30)
    name = Words("fr").say("Name")
    assert name != "Name"
    assert f">{name}</span>".encode() in pages["/example/student"]
    pdf = tmp_path / "example-student.pdf"
    pdf.write_bytes(pages["/example/student.pdf"])
    document = pdfium.PdfDocument(pdf)
    try:
        cover = document[0].get_textpage().get_text_range().split()
    finally:
        document.close()
    assert name.upper() in cover and "NAME" not in cover


def test_the_preview_turns_every_failed_build_into_a_page(
    project_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from packet import serve

    preview = serve.Preview(project_dir, tmp_path / "out")
    page = preview.page("3-s21", "student")
    assert page.html is not None and b"S-21 and the Killing Fields" in page.html

    lesson = project_dir / "content/lessons/3-s21.yaml"
    lesson.write_text(lesson.read_text(encoding="utf-8") + "modules: [again]\n", "utf-8")
    preview.rebuild()
    assert preview.version == 1
    problems = preview.page("3-s21", "teacher").problems
    assert any(p.startswith("content/lessons/3-s21.yaml:") for p in problems), problems

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("a bug")

    monkeypatch.setattr(serve, "build", broken)
    preview.rebuild()
    assert preview.page("3-s21", "student").problems == [
        "internal error (RuntimeError: a bug) — please report it"
    ]


def test_a_reader_that_stops_early_ends_packet_quietly(project_dir: Path) -> None:
    """`packet list | head -0`: the closed pipe is neither an internal error nor a traceback."""
    with start_packet(
        "list", cwd=project_dir, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    ) as listing:
        assert listing.stdout is not None and listing.stderr is not None
        listing.stdout.close()  # the reader is gone before packet writes its first line
        errors = listing.stderr.read().decode()
        assert listing.wait(timeout=30) == 1
    assert errors == "", errors


def test_every_command_takes_project_after_its_name(project_dir: Path, tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    listed = run_packet("list", "--project", str(project_dir), cwd=elsewhere)
    assert listed.returncode == 0 and "1-roots" in listed.stdout, listed.stderr
    checked = run_packet("check", "--project", str(project_dir), cwd=elsewhere)
    assert checked.returncode == 0, checked.stderr
    built = run_packet(
        "build", "3-s21", "--project", str(project_dir), "--format", "html", cwd=elsewhere
    )
    assert built.returncode == 0, built.stderr
    assert (project_dir / "output" / "3-s21-student.html").is_file()
    for name, command in main.commands.items():
        assert "--project" in {o for p in command.params for o in p.opts}, name
