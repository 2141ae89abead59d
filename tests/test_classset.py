"""Class sets (issue 24): `packet print LESSON --roster FILE.csv` — one job for the class, each
copy with its student's name on the cover, in the variant the roster asks for, starting on a
fresh sheet; versions; privacy. The printer itself is tested in test_printer.py."""

from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pikepdf
import pypdfium2 as pdfium
import pytest

from conftest import REPO, run_packet, starter_project
from packet.assemble import assemble
from packet.classset import _written
from packet.i18n import PSEUDO, Words
from packet.project import load_project

# Names in the scripts schools have; the last is in none of packet's fonts.
ROSTER = [
    ("Alice Martin", ""),
    ("Nguyễn Thị Ánh", ""),
    ("سارة أحمد", "large print"),
    ("សុខ ចាន់", "support"),
    ("王小明", ""),
]


def write_roster(folder: Path, rows: list[tuple[str, str]], name: str = "9B.csv") -> Path:
    path = folder / name
    lines = ["Name,Class,Variant", *(f"{n},9B,{v}" for n, v in rows)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def page_texts(path: Path) -> list[str]:
    document = pdfium.PdfDocument(path)
    try:
        return [document[i].get_textpage().get_text_range() for i in range(len(document))]
    finally:
        document.close()


def pages(path: Path) -> int:
    with pikepdf.open(path) as pdf:
        return len(pdf.pages)


def on_cover(name: str, text: str) -> bool:
    """Whether the cover's text layer has `name` — a right-to-left name's words may come out
    in the order they are drawn."""
    return name in text or " ".join(reversed(name.split())) in text


@dataclass
class Printed:
    project: Path
    roster: Path
    done: subprocess.CompletedProcess[str]

    @property
    def out(self) -> Path:
        return self.project / "output"

    @property
    def job(self) -> Path:
        return self.out / "example-9B-print.pdf"


@pytest.fixture(scope="module")
def printed(tmp_path_factory: pytest.TempPathFactory) -> Printed:
    folder = tmp_path_factory.mktemp("classset")
    project = starter_project(folder / "unit")
    roster = write_roster(folder, ROSTER)
    done = run_packet("print", "example", "--roster", str(roster), cwd=project)
    assert done.returncode == 0, done.stderr
    return Printed(project, roster, done)


def test_each_copy_is_named_in_its_variant_on_a_fresh_sheet(printed: Printed) -> None:
    out = printed.out
    edition = {
        "": out / "example-student.pdf",
        "large print": out / "example-student-large-print.pdf",
        "support": out / "example-student-support.pdf",
    }
    parts = [edition[variant] for _, variant in ROSTER]
    parts += [out / "example-teacher.pdf", out / "example-answer-key.pdf"]
    texts = page_texts(printed.job)
    start = 0
    starts = []
    for part in parts:
        starts.append(start)
        length = pages(part)
        # The part's own pages, in order (the cover stamped, every other page as built).
        own = page_texts(part)
        assert texts[start + 1 : start + length] == own[1:]
        start += length + length % 2  # double-sided: a blank page where the part ends odd
        assert start % 2 == 0  # so the next part starts on an odd page, a fresh sheet
    assert len(texts) == start
    names = [name for name, _ in ROSTER]
    for (name, _), first in zip(ROSTER, starts, strict=False):
        cover = texts[first]
        others = [n for n in names if n != name]
        if name != "王小明":
            assert on_cover(name, cover), cover
        assert not any(on_cover(n, cover) for n in others)
        assert "9B" in cover
    summary = printed.done.stdout
    assert "5 copies (1 large print), teacher edition, answer key" in summary
    assert f"{len(texts)} pages, {len(texts) // 2} sheets, double-sided" in summary


def test_a_name_no_shipped_font_has_is_a_warning_and_a_blank_field(printed: Printed) -> None:
    assert (
        "roster line 6: no font packet ships has every letter of this name; its field is left "
        "blank for the student to write in"
    ) in printed.done.stderr
    texts = page_texts(printed.job)
    assert "王" not in "".join(texts)  # no tofu, and no name from another font
    # The fifth copy (after 2 standard, 1 large print and 1 support copy) is still printed,
    # its Name field empty and its Class field filled.
    out = printed.out
    before = ["student", "student", "student-large-print", "student-support"]
    first = sum(n + n % 2 for n in (pages(out / f"example-{e}.pdf") for e in before))
    cover = texts[first]
    assert "NAME CLASS 9B DATE" in " ".join(cover.split())


def test_names_are_real_text_set_in_the_shipped_fonts(printed: Printed) -> None:
    fonts: set[str] = set()

    def walk(resources: pikepdf.Object) -> None:
        for font in resources.get("/Font", {}).values():
            fonts.add(str(font.get("/BaseFont", "")))
        for xobject in resources.get("/XObject", {}).values():
            if "/Resources" in xobject:
                walk(xobject.Resources)

    with pikepdf.open(printed.job) as pdf:
        for page in pdf.pages:
            walk(page.Resources)
    stamped = {f.split("+", 1)[-1] for f in fonts}
    # The families classset.NAME_FONTS declares, each only from its shipped Noto file.
    assert {"Packet-Name-Latin", "Packet-Name-Arabic", "Packet-Name-Khmer"} <= stamped


def test_the_stamped_name_sits_on_the_name_line(printed: Printed) -> None:
    """The name starts after the NAME label, on its baseline, before the CLASS label."""
    document = pdfium.PdfDocument(printed.job)
    try:
        text = document[0].get_textpage()
        label = text.search("NAME", match_case=True)
        start, count = label.get_next()
        name_box = text.get_charbox(start + count - 1)
        found = text.search("Alice", match_case=True).get_next()
        assert found is not None
        alice = text.get_charbox(found[0])
        class_label = text.search("CLASS", match_case=True).get_next()
        assert class_label is not None
        klass = text.get_charbox(class_label[0])
    finally:
        document.close()
    assert name_box[2] < alice[0] < klass[0]
    assert abs(alice[1] - name_box[1]) < 1.5  # same baseline, within 1.5 pt


def test_no_name_is_written_anywhere_but_the_class_set(printed: Printed) -> None:
    spelled = [n.encode(enc) for n, _ in ROSTER for enc in ("utf-8", "utf-16-be")]
    spelled += [b"Alice", b"Martin"]
    for path in printed.project.rglob("*"):
        assert not any(n.decode("utf-8", "ignore") in path.name for n in spelled[:1])
        if path.is_file() and path != printed.job:
            data = path.read_bytes()
            assert not any(n in data for n in spelled), path
    with pikepdf.open(printed.job) as pdf:
        title = str(pdf.docinfo["/Title"])
    assert title.endswith("– 9B")
    assert "Alice" not in title and "Alice" not in printed.done.stdout


def test_the_same_roster_gives_the_same_bytes(printed: Printed) -> None:
    before = printed.job.read_bytes()
    again = run_packet("print", "example", "--roster", str(printed.roster), cwd=printed.project)
    assert again.returncode == 0, again.stderr
    assert "up to date" in again.stdout  # the editions were not laid out again
    assert printed.job.read_bytes() == before


def test_dry_run_says_what_would_print_and_writes_nothing(printed: Printed) -> None:
    roster = write_roster(printed.roster.parent, ROSTER[:2], "9C.csv")
    done = run_packet("print", "example", "--roster", str(roster), "--dry-run", cwd=printed.project)
    assert done.returncode == 0, done.stderr
    assert "2 copies, teacher edition, answer key" in done.stdout
    assert "dry run: nothing written or sent" in done.stdout
    assert not (printed.out / "example-9C-print.pdf").exists()


def test_simplex_pads_nothing(printed: Printed) -> None:
    roster = write_roster(printed.roster.parent, ROSTER[:2], "9D.csv")
    done = run_packet("print", "example", "--roster", str(roster), "--simplex", cwd=printed.project)
    assert done.returncode == 0, done.stderr
    parts = [printed.out / f"example-{p}.pdf" for p in ("student", "student", "teacher")]
    total = sum(pages(p) for p in parts) + pages(printed.out / "example-answer-key.pdf")
    assert pages(printed.out / "example-9D-print.pdf") == total
    assert f"{total} pages, {total} sheets, single-sided" in done.stdout


def test_only_reprints_one_students_copy(printed: Printed) -> None:
    done = run_packet(
        "print", "example", "--roster", str(printed.roster), "--only", "nguyễn  THỊ ánh",
        cwd=printed.project,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    reprint = printed.out / "example-9B-reprint.pdf"
    texts = page_texts(reprint)
    length = pages(printed.out / "example-student.pdf")
    assert len(texts) == length + length % 2
    assert "Nguyễn Thị Ánh" in texts[0] and "Alice" not in texts[0]
    assert "– 9B: 1 copy — 8 pages, 4 sheets" in done.stdout
    missing = run_packet(
        "print", "example", "--roster", str(printed.roster), "--only", "Nobody", cwd=printed.project
    )
    assert missing.returncode == 2
    assert "--only: no student of" in missing.stderr


def test_versions_alternate_with_their_own_order_and_answer_key(tmp_path: Path) -> None:
    project = tmp_path / "unit"
    shutil.copytree(REPO / "content", project / "content")
    shutil.copytree(REPO / "seeds", project / "seeds")
    shutil.copy(REPO / "packet.toml", project / "packet.toml")
    roster = write_roster(tmp_path, [("Ava", ""), ("Noah", ""), ("Maya", "")])
    done = run_packet("print", "1-roots", "--roster", str(roster), "--versions", "2", cwd=project)
    assert done.returncode == 0, done.stderr
    assert "3 copies, teacher edition, answer key A, answer key B" in done.stdout
    out = project / "output"
    texts = page_texts(out / "1-roots-9B-print.pdf")
    a, b = out / "1-roots-student-version-a.pdf", out / "1-roots-student-version-b.pdf"
    copies = [(a, "A", "Ava"), (b, "B", "Noah"), (a, "A", "Maya")]
    start = 0
    for edition, version, name in copies:
        length = pages(edition)
        assert name in texts[start]
        assert all(f"Version {version}" in t for t in texts[start : start + length])
        start += length + length % 2
    keys = [t.upper() for t in texts if "ANSWER KEY · VERSION" in t.upper()]
    assert {"A", "B"} == {k.split("ANSWER KEY · VERSION ")[1][0] for k in keys}
    # The same activities, their items in another order.
    loaded = load_project(project)
    lesson = loaded.lessons["1-roots"]
    first = assemble(loaded, lesson, "student", version="A").activities
    second = assemble(loaded, lesson, "student", version="B").activities
    assert first != second
    assert [x.kind for x in first] == [x.kind for x in second]
    for x, y in zip(first, second, strict=True):
        if x.kind == "vocabulary":
            assert sorted(d.html for d in x.definitions) == sorted(d.html for d in y.definitions)
    assert assemble(loaded, lesson, "student").activities == first  # A is the lesson's own
    # Questions keep their order, unless the lesson allows them another in each version.
    asked = [[q.html for q in m.questions] for m in assemble(loaded, lesson, "student").modules]
    assert [
        [q.html for q in m.questions]
        for m in assemble(loaded, lesson, "student", version="B").modules
    ] == asked
    path = project / "content/lessons/1-roots.yaml"
    path.write_text(
        path.read_text(encoding="utf-8") + "shuffle_questions: true\n", encoding="utf-8"
    )
    loaded = load_project(project)
    lesson = loaded.lessons["1-roots"]
    plain = assemble(loaded, lesson, "teacher", version="A").modules
    b = assemble(loaded, lesson, "teacher", version="B").modules
    assert [[q.html for q in m.questions] for m in plain] == asked
    assert [[q.html for q in m.questions] for m in b] != asked
    for one, other in zip(plain, b, strict=True):
        assert sorted(q.html for q in one.questions) == sorted(q.html for q in other.questions)
        assert [q.number for q in other.questions] == list(range(1, len(one.questions) + 1))
        # each model answer stays with its question
        assert {q.html: q.answer_html for q in one.questions} == {
            q.html: q.answer_html for q in other.questions
        }


def test_a_cover_without_a_name_field_gets_the_name_at_its_top(tmp_path: Path) -> None:
    """A project's own cover template may drop the Name, Class and Date lines: the name is
    printed at the top of the cover instead, never lost."""
    project = starter_project(tmp_path / "unit")
    cover = (REPO / "src/packet/theme/cover.html.j2").read_text(encoding="utf-8")
    start = cover.index('  <div class="name-lines">')
    end = cover.index("  </div>\n", start) + len("  </div>\n")
    (project / "templates").mkdir(exist_ok=True)
    (project / "templates/cover.html.j2").write_text(cover[:start] + cover[end:], encoding="utf-8")
    roster = write_roster(tmp_path, [("Ava Thompson", "")])
    done = run_packet("print", "example", "--roster", str(roster), cwd=project)
    assert done.returncode == 0, done.stderr
    assert "example-student.pdf: its cover has no Name and Class fields" in done.stderr
    document = pdfium.PdfDocument(project / "output/example-9B-print.pdf")
    try:
        page = document[0]
        text = page.get_textpage()
        found = text.search("Ava Thompson", match_case=True).get_next()
        assert found is not None
        _, bottom, _, _ = text.get_charbox(found[0])
        assert bottom > 0.85 * page.get_size()[1]  # in the top margin
    finally:
        document.close()


def test_the_fields_are_the_ruled_ones_not_words_on_the_cover(tmp_path: Path) -> None:
    """A summary that says "Name the class…" is not taken for the Name and Class fields; in a
    large-print booklet, where the Class field is on a row below the Name's, both are found."""
    project = starter_project(tmp_path / "unit")
    lesson = project / "content/lessons/example.yaml"
    text = lesson.read_text(encoding="utf-8")
    lesson.write_text(
        re.sub(r"(?m)^summary:.*$", 'summary: "Name the class of people Lincoln honours."', text),
        encoding="utf-8",
    )
    roster = write_roster(tmp_path, [("Ava Thompson", ""), ("Noah Fischer", "large print")])
    for options in ([], ["--booklet"]):
        done = run_packet("print", "example", "--roster", str(roster), *options, cwd=project)
        assert done.returncode == 0, done.stderr
        assert "too long" not in done.stderr and "no Name" not in done.stderr
        document = pdfium.PdfDocument(project / "output/example-9B-print.pdf")
        try:
            starts = [0, _second_copy(project, options)]
            for start, name in zip(starts, ("Ava", "Noah"), strict=True):
                text_page = document[start].get_textpage()
                label = text_page.search("NAME", match_case=True, match_whole_word=True)
                hit = label.get_next()
                assert hit is not None
                label_box = text_page.get_charbox(hit[0])
                found = text_page.search(name, match_case=True).get_next()
                assert found is not None, options
                stamped = text_page.get_charbox(found[0])
                assert abs(stamped[1] - label_box[1]) < 1.5  # on the NAME label's baseline
                klass = text_page.search("9B", match_case=True).get_next()
                assert klass is not None  # the class is in its field too
        finally:
            document.close()


def _second_copy(project: Path, options: list[str]) -> int:
    suffix = "-booklet" if options else ""
    first = pages(project / f"output/example-student{suffix}.pdf")
    return first + first % 2


def test_what_cannot_be_printed_well_is_refused_or_left_blank(tmp_path: Path) -> None:
    project = starter_project(tmp_path / "unit")
    long_class = tmp_path / "9B.csv"
    long_class.write_text("Name,Class\nAva Thompson,Year 9 Humanities (Mr Okafor)\n", "utf-8")
    done = run_packet("print", "example", "--roster", str(long_class), cwd=project)
    assert done.returncode == 0, done.stderr
    assert (
        "roster line 2: the class is too long for the cover's field; the field is left blank "
        "for the student to write in"
    ) in done.stderr
    cover = page_texts(project / "output/example-9B-print.pdf")[0]
    assert "Ava Thompson" in cover and "Okafor" not in cover
    # A roster whose class set would take an edition's name, an empty --only or --printer.
    clash = write_roster(tmp_path, [("Ava", "")], "student-large.csv")
    before = sorted(p.name for p in (project / "output").iterdir())
    for args, message in (
        (["--roster", str(clash)], "its class set would be called example-student-large-print.pdf"),
        (["--roster", str(long_class), "--only", " "], "--only: give the name of the student"),
        (["--roster", str(long_class), "--printer", ""], "--printer: give a print queue's name"),
        (
            ["--roster", str(long_class), "--language", "it"],
            "--language it: packet's own words come in en, fr, es, de — choose one of them",
        ),
    ):
        done = run_packet("print", "example", *args, cwd=project)
        assert done.returncode == 2, done.stderr
        assert message in done.stderr
    assert sorted(p.name for p in (project / "output").iterdir()) == before


# -- the packet's language ------------------------------------------------------------------


def _label_box(text_page: Any, label: str) -> tuple[float, float, float, float]:
    """The box of `label`'s first plain capital (not a bracket, not an accented letter) and
    its last glyph's right edge: (left, bottom, right, top)."""
    hit = text_page.search(label, match_case=True, match_whole_word=True).get_next()
    assert hit is not None, label
    start, count = hit
    plain = next(i for i, c in enumerate(label) if c.isascii() and c.isalpha())
    left, bottom, _, top = text_page.get_charbox(start + plain)
    return left, bottom, text_page.get_charbox(start + count - 1)[2], top


@pytest.mark.parametrize("language", ["fr", PSEUDO])
def test_a_class_set_in_another_language_finds_its_fields_by_their_labels(
    tmp_path: Path, language: str
) -> None:
    """Built with --language, the cover's fields are labelled in that language ("NOM",
    "CLASSE"; the pseudo-locale's "⟦ÑÀMÉ⟧", set in capitals by the stylesheet): each name is
    stamped on its Name line, each class in its Class field, in every variant."""
    project = starter_project(tmp_path / "unit")
    roster = write_roster(tmp_path, [("Ava Thompson", ""), ("Noah Fischer", "large print")])
    words = Words(language)
    name_label, class_label = words.say("Name").upper(), words.say("Class").upper()
    assert name_label != "NAME"
    done = run_packet(
        "print", "example", "--roster", str(roster), "--language", language, cwd=project
    )
    assert done.returncode == 0, done.stderr
    assert "no Name and Class fields" not in done.stderr and "too long" not in done.stderr
    document = pdfium.PdfDocument(project / "output/example-9B-print.pdf")
    try:
        for start, name in zip((0, _second_copy(project, [])), ("Ava", "Noah"), strict=True):
            text_page = document[start].get_textpage()
            assert "NAME" not in text_page.get_text_range()  # the packet's own language
            label = _label_box(text_page, name_label)
            klass = _label_box(text_page, class_label)
            found = text_page.search(name, match_case=True).get_next()
            assert found is not None, name
            stamped = text_page.get_charbox(found[0])
            assert label[2] < stamped[0] < klass[0]  # after NOM, before CLASSE
            assert abs(stamped[1] - label[1]) < 1.5  # on NOM's baseline
            group = text_page.search("9B", match_case=True).get_next()
            assert group is not None
            written = text_page.get_charbox(group[0])
            assert written[0] > klass[2] and abs(written[1] - klass[1]) < 1.5
    finally:
        document.close()


@pytest.mark.parametrize(
    ("layer", "label", "found"),
    [
        ("NOM CLASSE DATE", "Nom", "NOM"),
        ("NOMBRE CURSO FECHA", "Nom", None),  # a whole word only
        ("⟦ÑÀMÉ⟧ ⟦ÇLÀŠŠ⟧", "⟦Ñàmé⟧", "⟦ÑÀMÉ⟧"),
        ("⟦ ÑÀMÉ ⟧ ⟦ÇLÀŠŠ⟧", "⟦Ñàmé⟧", "⟦ ÑÀMÉ ⟧"),  # the brackets as glyphs of their own
        ("ÑÀMÉ ÇLÀŠŠ", "⟦Ñàmé⟧", "ÑÀMÉ"),  # brackets missing from the text layer
        ("N\u0303A\u0300ME\u0301", "⟦Ñàmé⟧", "N\u0303A\u0300ME\u0301"),  # accents apart
        ("STRASSE KLASSE", "Straße", "STRASSE"),  # ß in capitals
        ("CLASSROOM CLASS", "Class", "CLASS"),
    ],
)
def test_labels_are_matched_as_the_stylesheet_prints_them(
    layer: str, label: str, found: str | None
) -> None:
    chars = list(layer)
    hits = ["".join(chars[i] for i in at) for at in _written(chars, label)]
    assert hits == ([found] if found else [])
