"""The lesson composer's files and requests: lessonfile (the YAML it writes, saving, deleting,
restoring) and serve's composer routes over HTTP — who may change files, and what an
attacker's request gets. The composer in a browser is tested in test_browser.py."""

from __future__ import annotations

import http.client
import json
import re
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from conftest import snapshot
from packet import lessonfile, serve
from packet.choices import DEFAULT_SECTIONS
from packet.composer import Composer, PrintOptions, sheets
from packet.errors import UsageError
from packet.layout import LESSONS
from packet.lessonfile import LessonForm, Stale, compose, digest
from packet.project import load_project

ROOTS = "1-roots"


def _form(**changes: Any) -> LessonForm:
    values: dict[str, Any] = {
        "title": "Seven",
        "modules": ["origins"],
        "sections": list(DEFAULT_SECTIONS),
    }
    values.update(changes)
    return LessonForm(**values)


# -- the YAML it writes -----------------------------------------------------------------------


def test_every_lesson_of_the_unit_is_written_back_byte_for_byte(project_dir: Path) -> None:
    project = load_project(project_dir)
    for lesson in project.lessons.values():
        text = (project_dir / LESSONS / f"{lesson.id}.yaml").read_text(encoding="utf-8")
        assert compose(LessonForm.of(lesson.entry), text) == text, lesson.id


def test_an_edit_keeps_the_comments_order_quotes_and_keys_it_does_not_show(
    project_dir: Path,
) -> None:
    path = project_dir / LESSONS / f"{ROOTS}.yaml"
    text = path.read_text(encoding="utf-8")
    form = LessonForm.of(load_project(project_dir).lessons[ROOTS].entry)
    modules = ["civil-war", "origins", "s21-killing-fields"]
    edited = compose(LessonForm(**{**form.as_json(), "modules": modules}), text)
    assert "modules: [civil-war, origins, s21-killing-fields]\n" in edited  # still a flow list
    changed = [line for line in edited.splitlines() if line not in text.splitlines()]
    assert changed == ["modules: [civil-war, origins, s21-killing-fields]"]
    comments = [line for line in text.splitlines() if line.lstrip().startswith("#")]
    assert comments and all(c in edited.splitlines() for c in comments)


def test_a_cleared_field_leaves_the_file_and_a_new_key_goes_in_its_place(
    project_dir: Path,
) -> None:
    text = (project_dir / LESSONS / f"{ROOTS}.yaml").read_text(encoding="utf-8")
    form = LessonForm.of(load_project(project_dir).lessons[ROOTS].entry)
    edited = compose(LessonForm(**{**form.as_json(), "summary": "", "advisory": "Care."}), text)
    keys = [line.split(":")[0] for line in edited.splitlines() if re.match(r"^[a-z_]+:", line)]
    assert "summary" not in keys
    assert keys.index("advisory") == keys.index("enquiry") + 1  # after the key it follows
    assert yaml.safe_load(edited)["task"] == yaml.safe_load(text)["task"]


def test_a_new_lesson_lists_only_what_was_chosen() -> None:
    text = compose(_form(sections=["documents", "timeline", "glossary", "sources"]))
    assert text == "title: Seven\nmodules: [origins]\n"
    text = compose(_form(activities=["vocabulary"], support=True, sections=["glossary"]))
    assert yaml.safe_load(text) == {
        "title": "Seven",
        "modules": ["origins"],
        "sections": ["glossary"],
        "activities": ["vocabulary"],
        "support": True,
    }


@pytest.mark.parametrize(
    "title",
    [
        "A: b\nmodules: [s21]",
        "'; rm -rf /",
        "</script><script>alert(1)</script>",
        "!!python/object:os.system x",
        "&anchor *alias",
    ],
)
def test_a_title_is_only_ever_a_title(title: str) -> None:
    data = yaml.safe_load(compose(_form(title=title)))
    assert data == {"title": title.strip(), "modules": ["origins"]}


@pytest.mark.parametrize(
    "sent, error",
    [
        ([], "a JSON object"),
        ({"title": 3, "modules": []}, "'title' must be text"),
        ({"title": "x", "modules": "origins"}, "'modules' must be a list of ids"),
        ({"title": "x", "modules": [], "script": "x"}, "unknown field(s) in the lesson: script"),
        ({"title": "x" * 3000, "modules": []}, "longer than 2000"),
        ({"title": "x", "modules": ["m"] * 300}, "more than 200"),
    ],
)
def test_a_form_of_the_wrong_shape_is_refused_by_name(sent: object, error: str) -> None:
    with pytest.raises(UsageError, match=re.escape(error)):
        LessonForm.from_json(sent)


def test_sheets_per_copy() -> None:
    assert sheets(9, double_sided=False, booklet=False) == 9
    assert sheets(9, double_sided=True, booklet=False) == 5
    assert sheets(9, double_sided=False, booklet=True) == 3


# -- the files ---------------------------------------------------------------------------------


def test_a_save_over_a_file_changed_since_it_was_opened_is_refused(project_dir: Path) -> None:
    path = project_dir / LESSONS / f"{ROOTS}.yaml"
    opened = digest(path.read_bytes())
    path.write_text(path.read_text(encoding="utf-8") + "# edited elsewhere\n", encoding="utf-8")
    before = path.read_bytes()
    with pytest.raises(Stale, match="changed on disk since you opened it"):
        lessonfile.save(project_dir, ROOTS, "title: x\nmodules: [origins]\n", opened)
    assert path.read_bytes() == before
    with pytest.raises(Stale, match="already exists"):
        lessonfile.save(project_dir, ROOTS, "title: x\nmodules: [origins]\n", None)
    assert path.read_bytes() == before


@pytest.mark.parametrize("lesson", ["../packet", "..", "a/b", "Roots", "x.yaml", "", "-" * 300])
def test_an_id_that_is_not_a_lesson_id_writes_nothing(project_dir: Path, lesson: str) -> None:
    before = snapshot(project_dir)
    with pytest.raises(UsageError, match="is not a lesson id"):
        lessonfile.save(project_dir, lesson, "title: x\nmodules: [origins]\n", None)
    with pytest.raises(UsageError, match="is not a lesson id"):
        lessonfile.delete(project_dir, lesson, "0" * 64)
    assert snapshot(project_dir) == before


def test_a_deleted_lesson_waits_in_its_folder_and_comes_back(project_dir: Path) -> None:
    path = project_dir / LESSONS / f"{ROOTS}.yaml"
    original = path.read_bytes()
    name = lessonfile.delete(project_dir, ROOTS, digest(original))
    assert not path.exists()
    assert (project_dir / lessonfile.DELETED / name).read_bytes() == original
    assert ROOTS not in load_project(project_dir).lessons  # the loader ignores the folder
    assert [d.lesson for d in lessonfile.deleted(project_dir)] == [ROOTS]
    assert lessonfile.restore(project_dir, name) == ROOTS
    assert path.read_bytes() == original
    assert lessonfile.deleted(project_dir) == []


def test_a_restore_never_overwrites_a_lesson_made_since(project_dir: Path) -> None:
    path = project_dir / LESSONS / f"{ROOTS}.yaml"
    name = lessonfile.delete(project_dir, ROOTS, digest(path.read_bytes()))
    path.write_text("title: New\nmodules: [origins]\n", encoding="utf-8")
    with pytest.raises(UsageError, match="exists again"):
        lessonfile.restore(project_dir, name)
    assert path.read_text(encoding="utf-8") == "title: New\nmodules: [origins]\n"
    assert (project_dir / lessonfile.DELETED / name).exists()


@pytest.mark.parametrize("name", ["../../packet.toml", "1-roots.yaml", "x.20261202-101010.yaml/.."])
def test_a_restore_names_only_a_deleted_lesson(project_dir: Path, name: str) -> None:
    before = snapshot(project_dir)
    with pytest.raises(UsageError, match="is not a deleted lesson"):
        lessonfile.restore(project_dir, name)
    assert snapshot(project_dir) == before


def test_a_lessons_folder_that_is_a_link_is_never_written_through(
    project_dir: Path, tmp_path: Path
) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (project_dir / lessonfile.DELETED).symlink_to(elsewhere)
    path = project_dir / LESSONS / f"{ROOTS}.yaml"
    with pytest.raises(UsageError, match="is a link"):
        lessonfile.delete(project_dir, ROOTS, digest(path.read_bytes()))
    assert path.exists() and list(elsewhere.iterdir()) == []


# -- the preview -------------------------------------------------------------------------------


def test_a_draft_is_checked_as_the_saved_file_would_be(project_dir: Path) -> None:
    composer = Composer(project_dir)
    shown = composer.preview("7-x", _form(modules=["no-such-module"]), PrintOptions(), new=True)
    assert shown.html is None
    assert any("content/lessons/7-x.yaml" in p and "no-such-module" in p for p in shown.problems), (
        shown.problems
    )
    assert not (project_dir / LESSONS / "7-x.yaml").exists()


def test_a_draft_preview_is_the_packet_and_counts_its_pages(project_dir: Path) -> None:
    composer = Composer(project_dir)
    form = _form(title="Draft lesson title", modules=["origins", "s21-killing-fields"])
    shown = composer.preview("7-x", form, PrintOptions(), new=True)
    assert shown.problems == [] and shown.html is not None
    assert b"Draft lesson title" in shown.html
    assert shown.pages is not None and shown.pages > 4
    large = composer.preview("7-x", form, PrintOptions(large_print=True), new=True)
    assert large.pages is not None and large.pages > shown.pages
    assert composer.preview("1-roots", form, PrintOptions(), new=True).problems == [
        "a lesson called '1-roots' already exists — choose another id"
    ]


# -- over HTTP ---------------------------------------------------------------------------------


@pytest.fixture
def server(project_dir: Path, tmp_path: Path) -> Iterator[int]:
    running = serve.PreviewServer(serve.Preview(project_dir, tmp_path / "out"), 0)
    threading.Thread(target=running.serve_forever, args=(0.1,), daemon=True).start()
    yield running.port
    running.shutdown()
    running.server_close()


def _request(
    port: int, method: str, path: str, body: bytes = b"", **headers: str
) -> tuple[int, dict[str, str], str]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    connection.putrequest(method, path, skip_host=True)
    headers.setdefault("Host", f"127.0.0.1:{port}")
    for name, value in headers.items():
        connection.putheader(name.replace("_", "-"), value)
    if method == "POST" and "Content_Length" not in headers:
        connection.putheader("Content-Length", str(len(body)))
    connection.endheaders(body or None)
    response = connection.getresponse()
    text = response.read().decode("utf-8", errors="replace")
    connection.close()
    return response.status, dict(response.getheaders()), text


class Session:
    """A page of the composer opened as a browser opens it: its cookie and token."""

    def __init__(self, port: int, page: str = "/lessons/new") -> None:
        self.port = port
        status, headers, text = _request(port, "GET", page)
        assert status == 200, text
        self.page = text
        self.headers = headers
        self.cookie = headers["Set-Cookie"].split(";")[0]
        found = re.search(r'<script type="application/json" id="packet-state">(.*?)</script>', text)
        assert found
        self.state = json.loads(found[1])
        self.token = self.state["token"]

    def post(self, path: str, data: object, **headers: str) -> tuple[int, dict[str, Any]]:
        sent = {
            "Origin": f"http://127.0.0.1:{self.port}",
            "Cookie": self.cookie,
            "X_Packet_Token": self.token,
            "Content_Type": "application/json",
        }
        sent.update(headers)
        status, _, text = _request(
            self.port,
            "POST",
            path,
            json.dumps(data).encode(),
            **{k: v for k, v in sent.items() if v},
        )
        return status, json.loads(text)


NEW = {"title": "Seven", "modules": ["origins"], "sections": ["documents", "glossary"]}


def test_a_save_from_the_composer_writes_the_lesson(server: int, project_dir: Path) -> None:
    session = Session(server)
    status, answer = session.post("/lessons/save", {"id": "7-seven", "opened": None, "lesson": NEW})
    assert status == 200, answer
    text = (project_dir / LESSONS / "7-seven.yaml").read_text(encoding="utf-8")
    assert yaml.safe_load(text) == {
        "title": "Seven",
        "modules": ["origins"],
        "sections": ["documents", "glossary"],
    }
    assert answer["opened"] == digest(text.encode())


@pytest.mark.parametrize(
    "headers, refusal",
    [
        ({"Origin": "http://evil.example"}, "only from packet serve's own pages"),
        ({"Origin": ""}, "only from packet serve's own pages"),
        ({"Origin": "null"}, "only from packet serve's own pages"),
        ({"X_Packet_Token": ""}, "session has ended"),
        ({"X_Packet_Token": "0" * 64}, "session has ended"),
        ({"Cookie": ""}, "session has ended"),
        ({"Cookie": "packet-session=forged"}, "session has ended"),
        ({"Content_Type": "text/plain"}, "sent as JSON"),
        ({"Host": "evil.example"}, "answers only 127.0.0.1"),
    ],
)
def test_a_change_not_from_serves_own_page_writes_nothing(
    server: int, project_dir: Path, headers: dict[str, str], refusal: str
) -> None:
    session = Session(server)
    before = snapshot(project_dir)
    for action, body in (
        ("/lessons/save", {"id": "7-seven", "opened": None, "lesson": NEW}),
        ("/lessons/delete", {"id": ROOTS, "opened": session.state.get("opened")}),
    ):
        status, answer = session.post(action, body, **headers)
        assert status == 403 and refusal in answer["error"], answer
    assert snapshot(project_dir) == before


def test_a_traversal_id_and_a_stale_save_are_refused(server: int, project_dir: Path) -> None:
    session = Session(server, f"/lessons/{ROOTS}/edit")
    opened = session.state["opened"]
    before = snapshot(project_dir)
    for bad in ("../../packet", "../packet.toml", "/etc/passwd", "1-roots/../x"):
        status, answer = session.post("/lessons/save", {"id": bad, "opened": None, "lesson": NEW})
        assert status == 400 and "is not a lesson id" in answer["error"]
    assert snapshot(project_dir) == before
    path = project_dir / LESSONS / f"{ROOTS}.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "# changed in an editor\n", encoding="utf-8")
    form = {**session.state["form"], "title": "Mine"}
    status, answer = session.post("/lessons/save", {"id": ROOTS, "opened": opened, "lesson": form})
    assert status == 409 and answer["stale"] and "changed on disk" in answer["error"]
    assert path.read_text(encoding="utf-8").endswith("# changed in an editor\n")


def test_a_lesson_with_errors_is_not_saved(server: int, project_dir: Path) -> None:
    session = Session(server)
    lesson = {**NEW, "modules": ["origins", "nowhere"]}
    status, answer = session.post(
        "/lessons/save", {"id": "7-seven", "opened": None, "lesson": lesson}
    )
    assert status == 422 and any("nowhere" in p for p in answer["problems"])
    assert not (project_dir / LESSONS / "7-seven.yaml").exists()


def test_an_injected_title_is_text_in_the_page_and_the_file(server: int, project_dir: Path) -> None:
    title = '</script><script>alert("x")</script><img src=x onerror=alert(1)>'
    session = Session(server)
    status, _ = session.post(
        "/lessons/save", {"id": "7-seven", "opened": None, "lesson": {**NEW, "title": title}}
    )
    assert status == 200
    saved = yaml.safe_load((project_dir / LESSONS / "7-seven.yaml").read_text(encoding="utf-8"))
    assert saved["title"] == title
    page = Session(server, "/lessons/7-seven/edit")
    assert "<img" not in page.page and page.page.count("<script") == 2  # data block + ours
    assert page.state["form"]["title"] == title
    policy = page.headers["Content-Security-Policy"]
    assert "script-src 'sha256-" in policy and "unsafe-inline" not in policy.split("style-src")[0]


def test_the_preview_frame_runs_nothing_and_is_the_sessions_own(server: int) -> None:
    session = Session(server)
    status, answer = session.post(
        "/lessons/preview", {"id": "7-seven", "new": True, "lesson": NEW, "options": {}}
    )
    assert status == 200 and answer["problems"] == [] and answer["pages"] > 0, answer
    status, headers, text = _request(server, "GET", answer["url"], Cookie=session.cookie)
    assert status == 200 and "Seven" in text
    assert "script-src 'none'" in headers["Content-Security-Policy"]
    assert _request(server, "GET", answer["url"])[0] == 404  # another browser's cookie: none


def test_delete_and_restore_over_http(server: int, project_dir: Path) -> None:
    session = Session(server, f"/lessons/{ROOTS}/edit")
    path = project_dir / LESSONS / f"{ROOTS}.yaml"
    original = path.read_bytes()
    status, answer = session.post(
        "/lessons/delete", {"id": ROOTS, "opened": session.state["opened"]}
    )
    assert status == 200 and not path.exists()
    listing = Session(server, "/lessons/deleted")
    assert [d["name"] for d in listing.state["deleted"]] == [answer["name"]]
    status, restored = listing.post("/lessons/restore", {"name": answer["name"]})
    assert status == 200 and restored["lesson"] == ROOTS
    assert path.read_bytes() == original


def test_a_slow_or_huge_body_is_refused(server: int, project_dir: Path) -> None:
    session = Session(server)
    before = snapshot(project_dir)
    status, _, _ = _request(
        server,
        "POST",
        "/lessons/save",
        b"{}",
        Origin=f"http://127.0.0.1:{server}",
        Cookie=session.cookie,
        X_Packet_Token=session.token,
        Content_Type="application/json",
        Content_Length=str(serve.MAX_BODY_BYTES + 1),
    )
    assert status == 413
    assert snapshot(project_dir) == before


def test_a_broken_module_elsewhere_does_not_stop_a_lesson_being_saved(
    server: int, project_dir: Path
) -> None:
    module = project_dir / "content/modules/tribunal.md"
    module.write_text(module.read_text(encoding="utf-8").replace("title:", "title: [", 1))
    session = Session(server)
    status, answer = session.post("/lessons/save", {"id": "7-seven", "opened": None, "lesson": NEW})
    assert status == 200, answer
    assert yaml.safe_load((project_dir / LESSONS / "7-seven.yaml").read_text())["title"] == "Seven"


# -- what a hostile review found (each a catalogue case) ---------------------------------------

BLOCK = """title: T  # the title
# about modules
modules:
  - origins  # first
  - civil-war
# about sections
sections: [documents]
# about enquiry
enquiry: E
# about task
task: x
"""


def test_a_cleared_key_takes_its_own_comment_and_leaves_the_next_keys() -> None:
    form = LessonForm(title="T", modules=["origins", "civil-war"], sections=["documents"])
    assert compose(form, BLOCK) == BLOCK.replace("# about enquiry\nenquiry: E\n", "")


def test_a_reordered_block_list_keeps_every_comment() -> None:
    form = LessonForm(
        title="T", modules=["civil-war", "s21", "origins"], sections=["documents"], enquiry="E"
    )
    assert compose(form, BLOCK) == BLOCK.replace(
        "  - origins  # first\n  - civil-war\n", "  - civil-war\n  - s21\n  - origins  # first\n"
    )
    unchanged = LessonForm(
        title="T", modules=["origins", "civil-war"], sections=["documents"], enquiry="E"
    )
    assert compose(unchanged, BLOCK) == BLOCK


@pytest.mark.parametrize(
    "before, after",
    [
        (BLOCK.replace("\n", "\r\n"), "\r\n"),
        ("\ufeff" + BLOCK, "\ufeff"),
        ("---\n" + BLOCK, "---\n"),
    ],
)
def test_a_files_line_endings_mark_and_start_are_kept(before: str, after: str) -> None:
    form = LessonForm(
        title="T", modules=["origins", "civil-war"], sections=["documents"], enquiry="E"
    )
    assert compose(form, before) == before and after in compose(form, before)


@pytest.mark.parametrize("character", ["\x00", "\x07", "\x85", "\u202e", "\u2066", "\ud800"])
def test_a_text_with_an_invisible_control_character_is_refused(character: str) -> None:
    with pytest.raises(UsageError, match=r"invisible control character \(U\+"):
        LessonForm.from_json({"title": f"a{character}b", "modules": ["origins"]})


def test_a_lesson_that_is_a_link_is_neither_saved_nor_deleted(project_dir: Path) -> None:
    link = project_dir / LESSONS / "9-alias.yaml"
    link.symlink_to(f"{ROOTS}.yaml")
    for act in (
        lambda: lessonfile.save(project_dir, "9-alias", "title: x\n", digest(link.read_bytes())),
        lambda: lessonfile.delete(project_dir, "9-alias", digest(link.read_bytes())),
    ):
        with pytest.raises(UsageError, match="is a link"):
            act()
    assert link.is_symlink() and not (project_dir / lessonfile.DELETED).exists()


def test_a_file_where_the_deleted_folder_goes_is_a_clear_refusal(project_dir: Path) -> None:
    (project_dir / lessonfile.DELETED).write_text("not a folder")
    path = project_dir / LESSONS / f"{ROOTS}.yaml"
    with pytest.raises(UsageError, match="is a file where packet keeps lessons"):
        lessonfile.delete(project_dir, ROOTS, digest(path.read_bytes()))
    assert path.exists()


def test_a_restore_never_acts_through_a_linked_lessons_folder(
    project_dir: Path, tmp_path: Path
) -> None:
    outside = tmp_path / "outside"
    (outside / "deleted").mkdir(parents=True)
    (outside / "deleted" / "pp.20260101-000000.yaml").write_text("title: x\n")
    lessons = project_dir / LESSONS
    lessons.rename(tmp_path / "kept")
    lessons.symlink_to(outside)
    assert lessonfile.deleted(project_dir) == []
    with pytest.raises(UsageError, match="is a link"):
        lessonfile.restore(project_dir, "pp.20260101-000000.yaml")
    assert sorted(p.name for p in outside.rglob("*")) == ["deleted", "pp.20260101-000000.yaml"]


@pytest.mark.parametrize(
    "body",
    [
        b"[" * 200_000 + b"]" * 200_000,
        b'{"a":' * 100_000 + b"1" + b"}" * 100_000,
        b'{"id": "\\ud800", "opened": null, "lesson": {}}',
        b"\xff\xfe not UTF-8",
    ],
)
def test_a_strange_body_gets_an_answer(server: int, body: bytes) -> None:
    session = Session(server)
    status, _, text = _request(
        server,
        "POST",
        "/lessons/save",
        body,
        Origin=f"http://127.0.0.1:{server}",
        Cookie=session.cookie,
        X_Packet_Token=session.token,
        Content_Type="application/json",
    )
    assert status == 400 and json.loads(text)["error"]


def test_a_body_sent_a_byte_at_a_time_is_cut_off(
    server: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(serve, "BODY_SECONDS", 1.0)
    session = Session(server)
    connection = http.client.HTTPConnection("127.0.0.1", server, timeout=30)
    connection.putrequest("POST", "/lessons/save", skip_host=True)
    for name, value in (
        ("Host", f"127.0.0.1:{server}"),
        ("Origin", f"http://127.0.0.1:{server}"),
        ("Cookie", session.cookie),
        ("X-Packet-Token", session.token),
        ("Content-Type", "application/json"),
        ("Content-Length", "100"),
    ):
        connection.putheader(name, value)
    connection.endheaders()
    for _ in range(3):
        connection.send(b" ")
        time.sleep(0.6)
    response = connection.getresponse()
    assert response.status == 408
    connection.close()


def test_a_layout_no_longer_wanted_is_not_made_and_a_wanted_one_is_exact(
    project_dir: Path,
) -> None:
    composer = Composer(project_dir)
    form = _form(title="Laid out", modules=["origins"])
    assert composer.lay_out("7-x", form, PrintOptions(), new=True, wanted=lambda: False) is None
    laid = composer.lay_out("7-x", form, PrintOptions(booklet=True), new=True)
    assert laid is not None and laid.problems == [] and laid.pages is not None
    assert laid.sheets == -(-laid.pages // 4)  # a booklet sheet: four pages


def test_the_answer_key_and_lesson_plan_download_with_the_print_options(server: int) -> None:
    import io

    from pypdf import PdfReader

    for path, name, heading in (
        (
            "/1-roots/answer-key.pdf?large-print=1",
            "1-roots-large-print-answer-key.pdf",
            "ANSWER KEY",
        ),
        ("/1-roots/lesson-plan.pdf", "1-roots-lesson-plan.pdf", "LESSON PLAN"),
    ):
        connection = http.client.HTTPConnection("127.0.0.1", server, timeout=300)
        connection.request("GET", path, headers={"Host": f"127.0.0.1:{server}"})
        response = connection.getresponse()
        pdf = response.read()
        connection.close()
        assert response.status == 200 and response.getheader("Content-Type") == "application/pdf"
        assert response.getheader("Content-Disposition") == f'attachment; filename="{name}"'
        text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
        assert heading in text and "Roots of a Revolution" in text, text[:200]


def test_a_teacher_editions_layout_has_the_pages_its_pdf_has(
    project_dir: Path, tmp_path: Path
) -> None:
    from pypdf import PdfReader

    from conftest import run_packet

    form = LessonForm.of(load_project(project_dir).lessons[ROOTS].entry)
    laid = Composer(project_dir).lay_out(ROOTS, form, PrintOptions(edition="teacher"), new=False)
    assert laid is not None and laid.problems == []
    out = tmp_path / "out"
    built = run_packet(
        "build", ROOTS, "--edition", "teacher", "--format", "pdf", "--out", str(out),
        cwd=project_dir,
    )  # fmt: skip
    assert built.returncode == 0, built.stderr
    assert laid.pages == len(PdfReader(out / f"{ROOTS}-teacher.pdf").pages)
