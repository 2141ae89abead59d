"""The answerable HTML packet (answers.py) outside a browser: stable answer ids, a label for
every box, packet's script the only one and the policy that says so, the answers file and
`packet answers`. In a browser: test_browser.py."""

from __future__ import annotations

import base64
import hashlib
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from conftest import run_packet
from packet.answers import SCRIPT, Saved, answers_page, read_saved
from packet.assemble import assemble
from packet.errors import UsageError
from packet.project import load_project
from packet.render import render_html


class Page(HTMLParser):
    """The parts of an HTML packet these tests look at."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.scripts: list[tuple[dict[str, str | None], str]] = []
        self.fields: list[dict[str, str | None]] = []
        self.labels: set[str] = set()
        self.policy = ""
        self._in_script: dict[str, str | None] | None = None
        self._text: list[str] = []
        self.feed(text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "script":
            self._in_script, self._text = found, []
        elif tag in ("textarea", "input") and "data-answer" in found:
            self.fields.append(found)
        elif tag == "label" and found.get("for"):
            self.labels.add(str(found["for"]))
        elif tag == "meta" and found.get("http-equiv") == "Content-Security-Policy":
            self.policy = str(found["content"])

    def handle_data(self, data: str) -> None:
        if self._in_script is not None:
            self._text.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._in_script is not None:
            self.scripts.append((self._in_script, "".join(self._text)))
            self._in_script = None


def _html(project_dir: Path, lesson: str, edition: str = "student") -> str:
    project = load_project(project_dir)
    packet = assemble(project, project.lessons[lesson], edition)  # type: ignore[arg-type]
    return render_html(packet, project_dir, screen=True)


def _sha(script: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(script.encode()).digest()).decode() + "'"


def test_every_answer_box_has_a_unique_id_and_a_label(project_dir: Path) -> None:
    page = Page(_html(project_dir, "whole-unit"))
    ids = [f["data-answer"] for f in page.fields]
    assert len(ids) == len(set(ids)) > 60
    for field in page.fields:
        assert field.get("aria-label") or field.get("id") in page.labels, field
    kinds = {str(i).split("-")[0] for i in ids}
    assert {"name", "match", "order", "date", "compare", "judgement", "plan", "task"} <= kinds


def test_a_question_keeps_its_id_when_another_is_added_before_it(project_dir: Path) -> None:
    before = Page(_html(project_dir, "3-s21")).fields
    module = project_dir / "content/modules/s21-killing-fields.md"
    text = module.read_text(encoding="utf-8")
    added = text.replace(
        "questions:\n",
        "questions:\n  - ask: What did the building become after 1979?\n"
        '    answer: "A museum [@highlights]."\n    kind: comprehension\n'
        "    space: short\n",
        1,
    )
    assert added != text
    module.write_text(added, encoding="utf-8")
    after = Page(_html(project_dir, "3-s21")).fields
    old = {f["data-answer"] for f in before}
    new = {f["data-answer"] for f in after}
    assert old < new and len(new - old) == 1


def test_packets_own_script_is_the_only_one_and_the_policy_names_it(project_dir: Path) -> None:
    templates = project_dir / "templates"
    templates.mkdir(exist_ok=True)
    theme = Path(__file__).parents[1] / "src/packet/theme/cover.html.j2"
    (templates / "cover.html.j2").write_text(
        theme.read_text(encoding="utf-8")
        + "<script>document.title = 'owned'</script><img src=x onerror=\"alert(1)\" alt=''>",
        encoding="utf-8",
    )
    html = _html(project_dir, "3-s21")
    page = Page(html)
    running = [text for attrs, text in page.scripts if attrs.get("type") != "application/json"]
    assert running == [SCRIPT]
    assert "owned" not in html and "onerror" not in html
    directives = dict(part.strip().partition(" ")[::2] for part in page.policy.split(";"))
    assert directives["default-src"] == "'none'"
    assert directives["script-src"] == _sha(SCRIPT)
    assert "connect-src" not in directives  # default-src 'none': no request leaves


def test_the_teacher_html_runs_nothing_and_folds_its_model_answers(project_dir: Path) -> None:
    html = _html(project_dir, "3-s21", "teacher")
    page = Page(html)
    assert [a for a, _ in page.scripts] == [] and "script-src 'none'" in page.policy
    assert page.fields == []
    assert html.count('<details class="model-answer"><summary class="label">Model answer') >= 6


def test_the_print_html_has_no_boxes_and_no_script(project_dir: Path) -> None:
    project = load_project(project_dir)
    packet = assemble(project, project.lessons["3-s21"], "student")
    html = render_html(packet, project_dir)
    assert "data-answer" not in html and "<script" not in html


SAVED = {
    "format": "packet-answers",
    "format_version": 1,
    "project": "The Khmer Rouge",
    "lesson": "3-s21",
    "lesson_title": "S-21",
    "name": "Ana <b>López</b>",
    "saved": "2026-12-02T10:00:00Z",
    "answers": [
        {"id": "a", "question": "Who ran S-21?", "answer": "Duch </p><script>x</script>"},
        {"id": "b", "question": "Why?", "answer": ""},
    ],
}


def test_a_saved_file_reads_back_and_prints_as_text() -> None:
    saved = read_saved(json.dumps(SAVED).encode(), "ana.json")
    assert isinstance(saved, Saved) and saved.name == "Ana <b>López</b>"
    page = answers_page(saved)
    assert "<script>x" not in page and "&lt;script&gt;x&lt;/script&gt;" in page
    assert "Ana &lt;b&gt;López&lt;/b&gt;" in page and "1 of 2 answered" in page
    assert "(no answer)" in page


@pytest.mark.parametrize(
    "data, message",
    [
        (b"\xff\xfe", "not JSON"),
        (b"[]", "is not an answers file"),
        (json.dumps({**SAVED, "format": "other"}).encode(), "is not an answers file"),
        (json.dumps({**SAVED, "format_version": 9}).encode(), "another version of packet"),
        (json.dumps({**SAVED, "format_version": True}).encode(), "another version of packet"),
        (json.dumps({**SAVED, "answers": [{"id": 1}]}).encode(), "not a list of id"),
        (b"[" * 100_000 + b"]" * 100_000, "not JSON"),
    ],
)
def test_a_file_that_is_not_saved_answers_is_refused_by_name(data: bytes, message: str) -> None:
    with pytest.raises(UsageError, match=re.escape(message)):
        read_saved(data, "x.json")


def test_packet_answers_writes_a_page_beside_the_file(tmp_path: Path) -> None:
    file = tmp_path / "ana.json"
    file.write_text(json.dumps(SAVED), encoding="utf-8")
    result = run_packet("answers", str(file), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "1 of 2 answered" in result.stdout
    assert "Who ran S-21?" in (tmp_path / "ana.html").read_text(encoding="utf-8")
    bad = tmp_path / "notes.json"
    bad.write_text("{}", encoding="utf-8")
    result = run_packet("answers", str(bad), cwd=tmp_path)
    assert result.returncode != 0 and "is not an answers file" in result.stderr
    assert not (tmp_path / "notes.html").exists()


def test_the_html_packet_has_one_h1_and_one_main_and_the_pdf_keeps_its_sections_h1(
    project_dir: Path,
) -> None:
    html = re.sub(
        r"<(style|script)[^>]*>.*?</\1>", "", _html(project_dir, "whole-unit"), flags=re.S
    )
    assert html.count("<h1") == 1 and '<h1 class="cover-title">' in html
    assert html.count("<main>") == 1 and html.count("</main>") == 1
    assert html.count('<h2 class="module-title">') == 7
    project = load_project(project_dir)
    printed = render_html(assemble(project, project.lessons["whole-unit"], "student"), project_dir)
    assert printed.count('<h1 class="module-title">') == 7 and "<main>" not in printed


def test_packet_answers_writes_half_a_utf16_pair_as_a_replacement(tmp_path: Path) -> None:
    file = tmp_path / "odd.json"
    answers = [{"id": "a", "question": "Q\ud800?", "answer": "A\udfff"}]
    file.write_text(json.dumps({**SAVED, "answers": answers}), encoding="utf-8")
    result = run_packet("answers", str(file), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "Q\ufffd?" in (tmp_path / "odd.html").read_text(encoding="utf-8")


def test_packet_answers_never_writes_over_a_page_it_did_not_make(tmp_path: Path) -> None:
    file = tmp_path / "ana.json"
    file.write_text(json.dumps(SAVED), encoding="utf-8")
    mine = tmp_path / "ana.html"
    mine.write_text("<p>my own notes</p>", encoding="utf-8")
    result = run_packet("answers", str(file), cwd=tmp_path)
    assert result.returncode == 2 and "is not a page packet answers made" in result.stderr
    assert mine.read_text(encoding="utf-8") == "<p>my own notes</p>"
    mine.unlink()
    assert run_packet("answers", str(file), cwd=tmp_path).returncode == 0
    assert run_packet("answers", str(file), cwd=tmp_path).returncode == 0  # its own: rewritten
