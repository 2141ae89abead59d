"""Nothing meant for the teacher alone reaches a student's packet.

The fields marked teacher-only are taken from the schema itself (`schema.TEACHER_ONLY`), so a
field marked later is covered without touching this test. A marker is planted in every such
field of a lesson, its modules, disagreements and documents, and in the care guidance; the
student PDF and HTML must hold none of them, and the teacher edition must show them (which
proves they were planted where the packet reads them). The teacher notes' discussion holds a
line `---`, the way a teacher writes a divider: it must stay inside the front matter, not end
it.
"""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import docx
import pytest
import yaml

from conftest import copy_project, pdf_text
from packet import schema
from packet.assemble import assemble
from packet.build import BuildRequest, build
from packet.export import export
from packet.project import load_project
from packet.yamlsrc import front_matter

LESSON = "1-roots"


class _Block(yaml.SafeDumper):
    """Writes text that runs over several lines as a YAML block scalar (`|`)."""


_Block.add_representer(
    str,
    lambda dumper, text: dumper.represent_scalar(
        "tag:yaml.org,2002:str", text, style="|" if "\n" in text else None
    ),
)


class Markers:
    def __init__(self) -> None:
        self.planted: dict[str, str] = {}  # marker -> where it was planted

    def new(self, where: str) -> str:
        marker = f"Zq{len(self.planted):02d}teacheronly"
        self.planted[marker] = where
        return marker


def _plant(data: Any, path: tuple[str, ...], make: Callable[[], str]) -> None:
    """Put a fresh marker in the value at `path` of `data`, in every item of a list on the way."""
    if isinstance(data, list):
        for item in data:
            _plant(item, path, make)
        return
    key, rest = path[0], path[1:]
    if rest:
        data.setdefault(key, {} if not isinstance(data.get(key), list) else [])
        _plant(data[key], rest, make)
    elif isinstance(data.get(key), list):
        data[key] = [make() for _ in data[key]] or [make()]
    else:
        data[key] = make()


def _plant_module(root: Path, module_id: str, markers: Markers) -> None:
    path = root / "content" / "modules" / f"{module_id}.md"
    lines = path.read_text(encoding="utf-8").split("\n")
    close = front_matter("\n".join(lines))
    assert isinstance(close, int)
    meta = yaml.safe_load("\n".join(lines[1:close]))
    for field in schema.teacher_only_fields(schema.ModuleMeta):
        where = f"{module_id}: {'.'.join(field)}"
        _plant(meta, field, lambda where=where: markers.new(where))  # type: ignore[misc]
    # A divider inside the discussion notes, then a marker: YAML keeps both in the notes.
    notes = meta["teacher_notes"]
    notes["discussion"] = f"Start with the sources.\n---\n{notes['discussion']}"
    front = yaml.dump(meta, Dumper=_Block, allow_unicode=True, sort_keys=False, width=1000)
    assert "\n    ---\n" in front  # the divider sits, indented, inside a block scalar
    path.write_text("---\n" + front + "\n".join(lines[close:]), encoding="utf-8")


def _plant_disagreements(root: Path, modules: list[str], markers: Markers) -> None:
    path = root / "content" / "disagreements.yaml"
    entries = yaml.safe_load(path.read_text(encoding="utf-8"))
    for entry in entries:
        if set(entry["modules"]) & set(modules):
            for field in schema.teacher_only_fields(schema.DisagreementEntry):
                where = f"disagreement {entry['id']}: {'.'.join(field)}"
                _plant(entry, field, lambda where=where: markers.new(where))  # type: ignore[misc]
    path.write_text(yaml.safe_dump(entries, allow_unicode=True, sort_keys=False), "utf-8")


def _plant_documents(root: Path, modules: list[str], markers: Markers) -> None:
    path = root / "content" / "documents.yaml"
    entries = yaml.safe_load(path.read_text(encoding="utf-8"))
    planted = 0
    for entry in entries:
        if set(entry["modules"]) & set(modules):
            for field in schema.teacher_only_fields(schema.DocumentEntry):
                where = f"document {entry['id']}: {'.'.join(field)}"
                _plant(entry, field, lambda where=where: markers.new(where))  # type: ignore[misc]
                planted += 1
    assert planted, "the lesson prints no document with a teacher-only field"
    path.write_text(yaml.safe_dump(entries, allow_unicode=True, sort_keys=False), "utf-8")


def _plant_lesson(root: Path, markers: Markers) -> None:
    path = root / "content" / "lessons" / f"{LESSON}.yaml"
    entry = yaml.safe_load(path.read_text(encoding="utf-8"))
    for field in schema.teacher_only_fields(schema.LessonEntry):
        where = f"lesson {LESSON}: {'.'.join(field)}"
        _plant(entry, field, lambda where=where: markers.new(where))  # type: ignore[misc]
    path.write_text(yaml.safe_dump(entry, allow_unicode=True, sort_keys=False), "utf-8")


# Every model of a content file, and how to plant into it; a model that gains a teacher-only
# field needs a way here before this test passes.
PLANTERS = {
    schema.ModuleMeta: "modules",
    schema.DisagreementEntry: "disagreements",
    schema.DocumentEntry: "documents",
    schema.LessonEntry: "lessons",
}
FILE_MODELS = (
    schema.ModuleMeta,
    schema.DisagreementEntry,
    schema.DocumentEntry,
    schema.EventEntry,
    schema.TermEntry,
    schema.LessonEntry,
    schema.SeedMeta,
    schema.Settings,
)


def test_every_model_with_teacher_only_fields_can_be_planted() -> None:
    for model in FILE_MODELS:
        if schema.teacher_only_fields(model):
            assert model in PLANTERS, f"{model.__name__} has teacher-only fields: plant them here"
    assert ("questions", "answer") in schema.teacher_only_fields(schema.ModuleMeta)
    assert ("teacher_notes", "discussion") in schema.teacher_only_fields(schema.ModuleMeta)


@pytest.fixture(scope="module")
def planted(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Markers]:
    root = copy_project(tmp_path_factory.mktemp("teacher-only") / "project")
    modules = yaml.safe_load((root / "content" / "lessons" / f"{LESSON}.yaml").read_text())[
        "modules"
    ]
    markers = Markers()
    for module_id in modules:
        _plant_module(root, module_id, markers)
    _plant_disagreements(root, modules, markers)
    _plant_documents(root, modules, markers)
    _plant_lesson(root, markers)
    (root / "content" / "guidance.md").write_text(
        f"Teach with care.\n\n{markers.new('content/guidance.md')}\n", encoding="utf-8"
    )
    editions = ("student", "teacher", "report")
    formats = ("pdf", "html", "docx")
    request = BuildRequest([LESSON], editions=editions, formats=formats, out=root / "output")
    build(root, request)
    return root / "output", markers


@pytest.mark.parametrize("fmt", ["pdf", "html", "docx"])
@pytest.mark.parametrize("edition", ["student", "report"])
def test_no_teacher_only_text_in_the_student_edition(
    planted: tuple[Path, Markers], fmt: str, edition: str
) -> None:
    """Nor in the report, which colleagues and parents read."""
    out, markers = planted

    def text(edition: str) -> str:
        path = out / f"{LESSON}-{edition}.{fmt}"
        if fmt == "docx":
            document = docx.Document(str(path))
            cells = [c.text for t in document.tables for r in t.rows for c in r.cells]
            return "\n".join([p.text for p in document.paragraphs] + cells)
        return "\n".join(pdf_text(path)) if fmt == "pdf" else path.read_text("utf-8")

    student, teacher = text(edition), text("teacher")
    leaked = {m: w for m, w in markers.planted.items() if m in student}
    assert not leaked, f"teacher-only text in the {edition} {fmt}: {leaked}"
    shown = [m for m in markers.planted if m in teacher.replace("\n", "")]
    assert len(shown) == len(markers.planted), set(markers.planted) - set(shown)
    assert "Start with the sources." in teacher and "Start with the sources." not in student


def test_no_teacher_only_text_in_the_student_editions_data(planted: tuple[Path, Markers]) -> None:
    """What a template receives for students holds none of it either (a project's own
    template could print any of it), the care points drawn from the notes included."""
    out, markers = planted
    project = load_project(out.parent)
    lesson = project.lessons[LESSON]
    student, teacher, report = (
        repr(assemble(project, lesson, e)) for e in ("student", "teacher", "report")
    )
    leaked = {m: w for m, w in markers.planted.items() if m in student + report}
    assert not leaked, f"teacher-only text in the student or report packet's data: {leaked}"
    assert all(m in teacher for m in markers.planted)
    assert "care_modules=()" in student and "care_modules=()" not in teacher


def test_no_teacher_only_text_where_students_see_an_exported_quiz(
    planted: tuple[Path, Markers],
) -> None:
    """`packet export`: the model answers are in Canvas's answer comments (hidden by the
    quiz's settings) and Moodle's information for graders, and nowhere a student sees."""
    from lxml import etree

    out, markers = planted
    export(out.parent, LESSON, "qti", out)
    export(out.parent, LESSON, "moodle", out)
    qti = "{http://www.imsglobal.org/xsd/ims_qtiasiv1p2}"
    with zipfile.ZipFile(out / f"{LESSON}-questions.qti.zip") as package:
        canvas = [etree.fromstring(package.read(name)) for name in package.namelist()]
    moodle = etree.parse(str(out / f"{LESSON}-questions.moodle.xml")).getroot()
    hidden: dict[str, str] = {"canvas": "", "moodle": ""}
    for platform, root, tag in [
        *(("canvas", c, f"{qti}itemfeedback") for c in canvas),
        ("moodle", moodle, "graderinfo"),
    ]:
        for element in list(root.iter(tag)):
            hidden[platform] += etree.tostring(element, encoding="unicode")
            parent = element.getparent()
            assert parent is not None
            parent.remove(element)
    seen = "".join(etree.tostring(root, encoding="unicode") for root in [*canvas, moodle])
    leaked = {m: w for m, w in markers.planted.items() if m in seen}
    assert not leaked, f"teacher-only text where students see the quiz: {leaked}"
    answers = [m for m, where in markers.planted.items() if where.endswith("questions.answer")]
    assert answers
    for platform, text in hidden.items():
        missing = [m for m in answers if m not in text]
        assert not missing, f"model answers missing from {platform}: {missing}"
