"""`packet pull` of PDFs, Word and OpenDocument files: the text extracted once and stored
beside the seed, page-true citations checked against it, and every bad file refused with the
project left as it was."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest
import yaml

from conftest import pdf_text, run_packet, snapshot
from docmaker import make_docx, make_odt, make_pdf
from packet.extract import MAX_UNPACKED_BYTES, Page, _joined, _mend_broken_words, extract
from packet.markup import in_text
from packet.project import load_project
from packet.pull import LIMITS, pull
from packet.sources import read_stored, store_text
from packet.text import Paged, PageSpan

RIVER = (
    "<h1>The River Trade of Lowbridge</h1>"
    "<p>In 1850 the river carried most of the region's goods. Merchants bought grain "
    "upriver and sold it in the port. The ﬁrst steamboat reached Lowbridge in March 1851.</p>"
    "<h2>Growth</h2>"
    + "".join(
        f"<p>In the {year}s the warehouse companies grew, and their extraordinarily "
        "complicated partnerships were argued over in the town council, whose members "
        "disagreed about the responsibilities of every partner in the enterprise.</p>"
        for year in range(1852, 1864)
    )
    + "<h2>Decline</h2><p>The railway reached Lowbridge in 1869. "
    "The Canal Company closed in 1872, and the last barge left the port in 1875.</p>"
)


@pytest.fixture(scope="module")
def river_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("documents")
    return make_pdf(folder / "river.pdf", "The River Trade of Lowbridge", "A. Historian", RIVER)


@pytest.fixture(scope="module")
def labelled_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("labelled")
    front = "<h1>Lowbridge Papers</h1><p>A preface, on a page numbered in Roman numerals.</p>"
    body = "<h2>The Port</h2><p style='break-before: page'>The port opened in 1801.</p>"
    return make_pdf(folder / "papers.pdf", "Lowbridge Papers", "B. Archivist", front + body,
                    labels=["r", "D"])  # fmt: skip


# -- reading a PDF -----------------------------------------------------------------------------


def test_a_pdf_is_read_in_order_with_its_furniture_dropped(river_pdf: Path) -> None:
    found = extract(river_pdf.read_bytes(), "pdf")
    assert found.pages is not None and len(found.pages) >= 2
    assert [p.label for p in found.pages] == [str(n) for n in range(1, len(found.pages) + 1)]
    stored = found.stored()
    # Running head and "Page n" footers are dropped, and said to be.
    assert "Journal of River History" not in stored and not re.search(r"Page \d", stored)
    assert "Journal of River History" in found.dropped
    # The ligature written out; words the typesetter hyphenated joined again.
    assert "The first steamboat reached Lowbridge in March 1851." in stored
    assert "ﬁ" not in stored
    assert stored.count("extraordinarily complicated partnerships") == 12
    assert not re.search(r"\w[-\u2010\u2011\xad]\s", stored)
    drawn = _drawn_text(river_pdf)  # the typesetter did break words at lines' ends
    assert re.search(r"enter[-\u2010]\r\nprise", drawn)
    assert stored.count("every partner in the enterprise.") == 12
    # Headings as headings, in reading order.
    headings = [text for role, text in found.article.blocks if role == "heading"]
    assert headings == ["The River Trade of Lowbridge", "Growth", "Decline"]
    assert found.article.title == "The River Trade of Lowbridge"
    assert found.article.author == "A. Historian"
    # A paragraph running over a page is one paragraph in the article.
    paragraphs = [text for role, text in found.article.blocks if role == "para"]
    assert len(paragraphs) == 14 and all(p.endswith(".") for p in paragraphs)


def _drawn_text(pdf: Path) -> str:
    """The PDF's text as PDFium gives it, line breaks and hyphens as drawn."""
    import pypdfium2

    document = pypdfium2.PdfDocument(pdf)
    try:
        return "".join(page.get_textpage().get_text_range() for page in document)
    finally:
        document.close()


def test_printed_page_labels_are_the_pages(labelled_pdf: Path) -> None:
    found = extract(labelled_pdf.read_bytes(), "pdf")
    assert found.pages is not None
    assert [p.label for p in found.pages] == ["i", "1"]
    stored = read_stored(found.stored().encode())
    paged = Paged(stored.text, stored.pages)
    assert paged.locate("The port opened in 1801.") == "1"
    assert paged.locate("A preface, on a page numbered in Roman numerals.") == "i"


def test_stored_text_keeps_its_pages() -> None:
    stored = read_stored(b"=== page 3 ===\n\nOne.\n\n=== page 4 ===\n\nTwo and\n\nthree.\n")
    assert [p.label for p in stored.pages] == ["3", "4"]
    assert "===" not in stored.text
    first = stored.pages[0]
    assert stored.text[first.start : first.end].strip() == "One."
    paged = Paged(stored.text, stored.pages)
    assert paged.run("3-4") == (0, 1) and paged.run("3–4") == (0, 1) and paged.run("5") is None
    assert paged.contains("4", "Two and three.") is True
    assert paged.contains("3", "Two and three.") is False
    assert paged.locate("One. Two") == "3–4"


def test_a_word_broken_over_a_page_is_whole_on_the_later_page() -> None:
    """The stored pages and the article read the same words, so a drafted passage that runs
    over the page is found on both pages ("at‐" | "tacked" is "attacked")."""
    pages = [
        Page("1", [("para", "Bands left in spring. Other bands at\u2010")]),
        Page("2", [("para", "tacked the towns of the Rhine."), ("para", "The end.")]),
    ]
    _mend_broken_words(pages, vocabulary=set(), typeset=True)
    assert pages[0].blocks == [("para", "Bands left in spring. Other bands")]
    assert pages[1].blocks[0] == ("para", "attacked the towns of the Rhine.")
    article = _joined(pages)
    assert article[0][1] == "Bands left in spring. Other bands attacked the towns of the Rhine."
    stored = read_stored(store_text([(p.label, p.blocks) for p in pages], paged=True).encode())
    paged = Paged(stored.text, stored.pages)
    assert paged.locate("Other bands attacked the towns of the Rhine.") == "1–2"
    # A paragraph that ends its page with a whole word, or a sentence, is left as it is.
    whole = [Page("1", [("para", "The bands")]), Page("2", [("para", "attacked the towns.")])]
    _mend_broken_words(whole, vocabulary=set(), typeset=True)
    assert whole[0].blocks == [("para", "The bands")]


def test_a_label_with_a_hyphen_is_one_page_not_a_range() -> None:
    text = "alpha beta gamma delta"
    paged = Paged(text, [PageSpan("A-1", 0, 11), PageSpan("A-2", 11, len(text))])
    assert paged.run("A-1") == (0, 0) and paged.run("A-1–A-2") == (0, 1)


@pytest.mark.parametrize(
    ("style", "pages", "expected"),
    [
        ("mla", None, "(Report)"),
        ("mla", "3", "(Report 3)"),
        ("mla", "3-4", "(Report 3–4)"),
        ("chicago", "12", "(Report, 12)"),
        ("apa", "12", "(Report, p. 12)"),
        ("apa", "3–4", "(Report, pp. 3–4)"),
        ("apa", "iv", "(Report, p. iv)"),
    ],
)
def test_in_text_citations_print_the_page_in_each_style(
    style: str, pages: str | None, expected: str
) -> None:
    assert in_text("Report", pages, style) == expected


# -- pulled end to end -------------------------------------------------------------------------


def test_a_pdf_pulls_into_a_packet_that_builds_with_page_citations(
    fresh: Path, river_pdf: Path
) -> None:
    (report,) = pull(fresh, [river_pdf])
    seeds = fresh / "seeds"
    assert (seeds / "river.pdf").read_bytes() == river_pdf.read_bytes()
    stored = (seeds / "river.pdf.txt").read_text()
    assert stored.startswith("=== page 1 ===") and "=== page 2 ===" in stored
    record = yaml.safe_load((seeds / "river.pdf.meta.yaml").read_text())
    assert record["format"] == "pdf" and record["text"] == "river.pdf.txt"
    assert record["title"] == "The River Trade of Lowbridge"
    assert report.pages >= 2 and report.text_file == "seeds/river.pdf.txt"
    assert "Journal of River History" in report.skipped
    decline = next(m for m in report.modules if m.endswith("decline"))
    module = (fresh / "content" / "modules" / f"{decline}.md").read_text()
    last = str(report.pages)
    assert f"[@{report.seed_id}, p. {last}]" in module
    front = yaml.safe_load(module.split("---")[1])
    assert front["provenance"][0]["page"] == last
    checked = run_packet("check", cwd=fresh)
    assert checked.returncode == 0, checked.stderr
    said = (checked.stdout + checked.stderr).splitlines()
    warnings = [line for line in said if ": warning: " in line]
    assert warnings and all(line.endswith("is still a draft") for line in warnings)
    built = run_packet("build", report.lesson, "--edition", "student", "--format", "pdf", cwd=fresh)
    assert built.returncode == 0, built.stderr
    text = " ".join(pdf_text(fresh / "output" / f"{report.lesson}-student.pdf"))
    assert f"(Historian {last})" in text.replace("\xa0", " ")  # MLA: the author's surname


def _project_citing(fresh: Path, citation: str, quote: str = "The port opened in 1801.") -> Path:
    """The starter project with a paged seed (its stored text written as pull writes it) and a
    module quoting it with `citation`."""
    seeds = fresh / "seeds"
    (seeds / "papers.pdf").write_bytes(b"%PDF-1.7\n% the document as received\n")
    (seeds / "papers.pdf.txt").write_text(
        "=== page iv ===\n\nA preface.\n\n=== page 1 ===\n\nThe port opened in 1801.\n"
    )
    (seeds / "papers.pdf.meta.yaml").write_text(
        "id: papers\nfile: papers.pdf\nshort: Papers\nkind: document\n"
        "kind_basis: Written for the tests.\ntitle:\n  value: Lowbridge Papers\n"
        "  attributed: the tests\nformat: pdf\ntext: papers.pdf.txt\n"
    )
    module = fresh / "content" / "modules" / "new-birth-of-freedom.md"
    body = module.read_text()
    module.write_text(body.rstrip() + f"\n\nThe record says “{quote}” {citation}\n")
    return fresh


@pytest.mark.parametrize(
    ("citation", "message"),
    [
        ("[@papers, p. 1]", None),
        ("[@papers, pp. iv-1]", None),
        ("[@papers]", None),
        ("[@papers, p. iv]", "is not on page iv of seed 'papers': it is on page 1"),
        ("[@papers, p. 7]", "seed 'papers' has no page 7 (its pages are iv–1)"),
        ("[@gettysburg, p. 1]", "which has no pages"),
        # A mistyped citation is an error, never a quotation left unchecked.
        ("[@papers, p. ]", "“[@papers, p. ]” is not a citation packet reads"),
        ("[@papers , p. 1]", "is not a citation packet reads"),
        ("[@papers, page 1]", "is not a citation packet reads"),
        ("[@nosuch, p. 1]", "quotation cites unknown seed 'nosuch'"),
    ],
)
def test_check_verifies_the_page_a_quotation_cites(
    fresh: Path, citation: str, message: str | None
) -> None:
    root = _project_citing(fresh, citation)
    if "gettysburg" in citation:
        seed = next(s for s in load_project(root).seeds.values() if s.path.suffix == ".txt")
        citation = citation.replace("gettysburg", seed.id)
        root = _project_citing(fresh, citation, "Four score and seven years ago")
    checked = run_packet("check", cwd=root)
    if message is None:
        assert checked.returncode == 0, checked.stderr
    else:
        assert checked.returncode == 1
        assert message in checked.stderr and "new-birth-of-freedom.md:" in checked.stderr
        if message != "which has no pages":  # that case quotes the text seed twice
            # One citation, one error: a quotation's citation is not reported twice.
            assert checked.stderr.count("new-birth-of-freedom.md:") == 1


def test_a_page_cited_without_a_quotation_must_exist(fresh: Path) -> None:
    root = _project_citing(fresh, "[@papers, p. 1]")
    module = root / "content" / "modules" / "new-birth-of-freedom.md"
    module.write_text(
        module.read_text() + "\nThe port is older still [@papers, p. 7], and [@nosuch].\n"
    )
    checked = run_packet("check", cwd=root)
    assert checked.returncode == 1
    assert "seed 'papers' has no page 7 (its pages: iv–1)" in checked.stderr
    assert "citation of unknown seed 'nosuch'" in checked.stderr


def test_a_document_line_that_reads_as_a_page_line_stays_text() -> None:
    """A heading "=== page 99 ===" in a document must not become page 99 of its seed."""
    stored = store_text([("1", [("heading", "=== page 99 ==="), ("para", "One.")]),
                         ("2", [("para", "Two.")])], paged=True)  # fmt: skip
    found = read_stored(stored.encode())
    assert [p.label for p in found.pages] == ["1", "2"]
    assert "=== page 99 ===" in found.text  # as the document has it, quotable


def test_check_reads_the_stored_text_never_the_document_again(fresh: Path) -> None:
    """A teacher's correction of the stored text is what quotations are checked against."""
    root = _project_citing(fresh, "[@papers, p. 1]", "The port opened in 1802.")
    assert run_packet("check", cwd=root).returncode == 1
    stored = root / "seeds" / "papers.pdf.txt"
    stored.write_text(stored.read_text().replace("1801", "1802"))
    checked = run_packet("check", cwd=root)
    assert checked.returncode == 0, checked.stderr


def test_a_pdf_seed_without_its_stored_text_is_an_error(fresh: Path) -> None:
    root = _project_citing(fresh, "[@papers, p. 1]")
    (root / "seeds" / "papers.pdf.txt").unlink()
    checked = run_packet("check", cwd=root)
    assert checked.returncode == 1
    assert "papers.pdf.meta.yaml:" in checked.stderr
    assert "seeds/papers.pdf.txt does not exist" in checked.stderr


WORD_BLOCKS = [
    ("Title", "Lowbridge Under Sail"),
    ("", "Lowbridge was founded in 1790 as a ferry crossing.[^1]"),
    ("Heading1", "The Ferry"),
    ("", "The ferry, a flat-bottomed boat, crossed the river from 1790 until 1820."),
    ("ListBullet", "Passengers paid one penny."),
    ("ListBullet", "Cattle paid twice as much."),
    ("Heading1", "The Bridge"),
    ("", "A stone bridge replaced the ferry in 1820."),
]
WORD_NOTES = {1: "Town charter, article 1."}


def test_a_word_file_pulls_with_its_headings_lists_notes_and_properties(
    fresh: Path, tmp_path: Path
) -> None:
    source = make_docx(
        tmp_path / "lowbridge.docx", "Lowbridge Under Sail", "C. Writer", WORD_BLOCKS,
        WORD_NOTES, table=[["Year", "Event"], ["1790", "Ferry opens"]],
    )  # fmt: skip
    found = extract(source.read_bytes(), "docx")
    assert found.article.title == "Lowbridge Under Sail" and found.article.author == "C. Writer"
    assert found.pages is None
    blocks = found.article.blocks
    assert ("heading", "The Ferry") in blocks and ("para", "Passengers paid one penny.") in blocks
    assert ("para", "Lowbridge was founded in 1790 as a ferry crossing.[1]") in blocks
    assert blocks[-2:] == [("heading", "Notes"), ("para", "[1] Town charter, article 1.")]
    assert ("para", "1790; Ferry opens") in blocks
    _pulls_and_builds(fresh, source, ["The Ferry", "The Bridge", "Notes"])


def test_an_opendocument_file_pulls_with_its_headings_lists_notes_and_properties(
    fresh: Path, tmp_path: Path
) -> None:
    blocks = [
        ("p", "Lowbridge was founded in 1790 as a ferry crossing.[^1]"),
        ("h1", "The Ferry"),
        ("p", "The ferry, a flat-bottomed boat, crossed the river from 1790 until 1820."),
        ("li", "Passengers paid one penny."),
        ("li", "Cattle paid twice as much."),
        ("h1", "The Bridge"),
        ("p", "A stone bridge replaced the ferry in 1820."),
    ]
    source = make_odt(tmp_path / "lowbridge.odt", "Lowbridge Under Sail", "C. Writer", blocks,
                      WORD_NOTES)  # fmt: skip
    found = extract(source.read_bytes(), "odt")
    assert found.article.title == "Lowbridge Under Sail" and found.article.author == "C. Writer"
    got = found.article.blocks
    assert ("heading", "The Ferry") in got and ("para", "Cattle paid twice as much.") in got
    assert ("para", "Lowbridge was founded in 1790 as a ferry crossing.[1]") in got
    assert got[-2:] == [("heading", "Notes"), ("para", "[1] Town charter, article 1.")]
    _pulls_and_builds(fresh, source, ["The Ferry", "The Bridge", "Notes"])


def test_a_word_processed_worksheets_furniture_is_skipped(tmp_path: Path) -> None:
    """Batch 22's worksheet, written in LibreOffice: its course line, "Name: ____" line and
    footer (" · " between their parts, as a word processor's user types them) were article."""
    furniture = [
        "Hollins Park School · Year 9 History · Unit 3: The Byzantine Empire",
        "Name: ____________________   Class: ________   Date: ________",
        "Hollins Park School History Department · Worksheet 3.4 · Hand this sheet in",
    ]
    text = "In 532 the Nika riots broke out in Constantinople."
    blocks = [("p", furniture[0]), ("p", furniture[1]), ("h1", "The riots"), ("p", text),
              ("p", "Justinian · Theodora · Belisarius"), ("p", furniture[2])]  # fmt: skip
    for make, kind in ((make_odt, "odt"), (make_docx, "docx")):
        source = make(tmp_path / f"nika.{kind}", "The Nika Riots", "A. Teacher", blocks)
        found = extract(source.read_bytes(), kind).article
        assert [" ".join(line.split()) for line in found.skipped] == [
            " ".join(line.split()) for line in furniture
        ]
        assert ("para", text) in found.blocks
        assert ("para", "Justinian · Theodora · Belisarius") in found.blocks  # three names


def _pulls_and_builds(root: Path, source: Path, headings: list[str]) -> None:
    (report,) = pull(root, [source])
    assert (root / "seeds" / source.name).read_bytes() == source.read_bytes()
    stored = (root / "seeds" / f"{source.name}.txt").read_text()
    assert "=== page" not in stored and "A stone bridge replaced the ferry in 1820." in stored
    titles = [
        yaml.safe_load((root / "content" / "modules" / f"{m}.md").read_text().split("---")[1])[
            "title"
        ]
        for m in report.modules
    ]
    assert titles[1:] == headings
    built = run_packet("build", report.lesson, "--edition", "student", "--format", "pdf", cwd=root)
    assert built.returncode == 0, built.stderr
    text = " ".join(pdf_text(root / "output" / f"{report.lesson}-student.pdf"))
    assert "A stone bridge replaced the ferry in 1820." in text


# -- refused, the project untouched ---------------------------------------------------------


def _encrypted(river_pdf: Path) -> bytes:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(river_pdf))
    writer.encrypt("secret")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _image_only() -> bytes:
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(300, 400)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _bomb() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", b"\0" * (MAX_UNPACKED_BYTES + 1))
    return out.getvalue()


def _word_with(river_pdf: Path, part: str, xml: str) -> bytes:
    """A Word file made by docmaker with one of its parts replaced by `xml`."""
    good = make_docx(river_pdf.parent / "good.docx", "T", "A", [("", "A paragraph.")])
    out = io.BytesIO()
    with zipfile.ZipFile(good) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            target.writestr(info, xml if info.filename == part else source.read(info))
    return out.getvalue()


_LAUGHS = (  # an entity expanding a billion times: the XML parser must refuse it
    '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
    + "".join(f'<!ENTITY lol{n} "{("&lol" + str(n - 1 or "") + ";") * 10}">' for n in range(1, 10))
    + ']><cp:coreProperties xmlns:cp="x"><dc:title xmlns:dc="y">&lol9;</dc:title>'
    "</cp:coreProperties>"
)


def _odt_nested(folder: Path, depth: int) -> bytes:
    """An OpenDocument text whose spans nest `depth` deep (built to overload a reader)."""
    good = make_odt(folder / "nested-base.odt", "T", "A", [("p", "Text.")])
    span = "<text:span>" * depth + "deep" + "</text:span>" * depth
    out = io.BytesIO()
    with zipfile.ZipFile(good) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "content.xml":
                data = data.replace(b"Text.</text:p>", f"Text.{span}</text:p>".encode())
            target.writestr(info, data)
    return out.getvalue()


@pytest.mark.parametrize(
    ("name", "make", "message"),
    [
        (
            "tags.docx",
            lambda pdf: _word_with(pdf, "word/document.xml", "<w:document><b></t>"),
            "damaged and cannot be read",
        ),
        (
            "laughs.docx",
            lambda pdf: _word_with(pdf, "docProps/core.xml", _LAUGHS),
            "damaged and cannot be read",
        ),
        ("nested.odt", lambda pdf: _odt_nested(pdf.parent, 3000), "nests its parts more deeply"),
        ("locked.pdf", lambda pdf: _encrypted(pdf), "protected by a password"),
        ("broken.pdf", lambda pdf: pdf.read_bytes()[:300], "damaged"),
        ("scan.pdf", lambda pdf: _image_only(), "OCR"),  # a blank scan (test_ocr: its message)
        ("fake.pdf", lambda pdf: b"Just some text.\n", "is not a PDF"),
        ("empty.docx", lambda pdf: b"", "the file is empty"),
        ("notes.docx", lambda pdf: b"Plain text saved as .docx\n", "not a Word document"),
        ("bomb.docx", lambda pdf: _bomb(), "unpacks to"),
        ("locked.docx", lambda pdf: b"\xd0\xcf\x11\xe0" + b"\0" * 600, "protected by a password"),
        ("broken.odt", lambda pdf: b"PK\x03\x04" + b"\0" * 100, "not an OpenDocument text file"),
    ],
)
def test_a_bad_document_is_refused_and_the_project_left_as_it_was(
    fresh: Path, river_pdf: Path, tmp_path: Path, name: str, make: object, message: str
) -> None:
    source = tmp_path / name
    source.write_bytes(make(river_pdf))  # type: ignore[operator]
    before = snapshot(fresh)
    result = run_packet("pull", str(source), cwd=fresh)
    assert result.returncode == 1, result.stdout
    assert message in result.stderr and name in result.stderr
    assert snapshot(fresh) == before


def test_each_kind_has_its_size_limit_checked_before_reading(fresh: Path, tmp_path: Path) -> None:
    source = tmp_path / "huge.pdf"
    with source.open("wb") as handle:
        handle.write(b"%PDF-1.7\n")
        handle.truncate(LIMITS["pdf"] + 1)  # sparse: nothing to read, only its size
    before = snapshot(fresh)
    result = run_packet("pull", str(source), cwd=fresh)
    assert result.returncode == 1 and "huge.pdf" in result.stderr
    assert f"{LIMITS['pdf'] // 1_000_000}" in result.stderr and "MB" in result.stderr
    assert snapshot(fresh) == before
    small = tmp_path / "large.pdf"  # over the text limit, within the PDF one: read
    with small.open("wb") as handle:
        handle.write(b"%PDF-1.7\n")
        handle.truncate(6_000_000)
    result = run_packet("pull", str(small), cwd=fresh)
    assert result.returncode == 1 and "damaged" in result.stderr


def test_a_file_named_as_another_pdfs_stored_text_is_refused(
    fresh: Path, river_pdf: Path, tmp_path: Path
) -> None:
    other = tmp_path / "river.pdf.txt"
    other.write_text("The river rose in 1850.\n")
    before = snapshot(fresh)
    result = run_packet("pull", str(river_pdf), str(other), cwd=fresh)
    assert result.returncode == 1
    assert "is where the text of river.pdf goes" in result.stderr
    assert snapshot(fresh) == before


def test_a_pdf_list_of_words_and_meanings_is_a_line_each(tmp_path: Path) -> None:
    """A key-words list in a PDF, each word and its meaning a short line without a full stop,
    is a paragraph each — not one run-on paragraph in which each meaning runs into the next
    word ("… a hapū or iwi iwi – tribe; …")."""
    words = [
        "rangatira – chief or leader of a hapū or iwi",
        "iwi – tribe; a large group descended from a common ancestor",
        "hapū – subtribe; the main political unit in 1840",
    ]
    body = "<h1>Words in te reo Māori</h1>" + "".join(f"<p>{w}</p>" for w in words)
    body += "<p>" + "The treaty was signed at Waitangi on 6 February 1840 by more than forty " * 3
    body += "chiefs, and copies were then taken around the country for more signatures.</p>"
    pdf = make_pdf(tmp_path / "words.pdf", "Words", "A. Teacher", body)
    paragraphs = [
        t for role, t in extract(pdf.read_bytes(), "pdf").article.blocks if role == "para"
    ]
    assert paragraphs[:3] == words, paragraphs
    prose = [p for p in paragraphs if "The treaty was signed" in p]
    assert len(prose) == 1 and prose[0].endswith("for more signatures."), paragraphs


def test_a_word_processed_worksheet_with_furniture_pulls_and_checks(
    fresh: Path, tmp_path: Path
) -> None:
    """A Word or OpenDocument worksheet's course line and footer are left out of its stored
    text; recorded as the seed's boilerplate too, `packet check` looked for them there and
    stopped the pull ("boilerplate line … is not in nika.docx.txt"). They are told in the
    pull's report, not recorded."""
    from packet.check import check_project

    blocks = [("p", "Hollins Park School · Year 9 History · Unit 3: The Byzantine Empire"),
              ("h1", "The riots"), ("p", "In 532 the Nika riots broke out in Constantinople."),
              ("p", "Hollins Park School History Department — for classroom use only")]  # fmt: skip
    for make, kind in ((make_docx, "docx"), (make_odt, "odt")):
        source = make(tmp_path / f"nika.{kind}", "The Nika Riots", "A. Teacher", blocks)
        (report,) = pull(fresh, [source])
        assert any("Hollins Park School" in line for line in report.skipped), report.skipped
        meta = yaml.safe_load((fresh / "seeds" / f"nika.{kind}.meta.yaml").read_text())
        assert "boilerplate" not in meta, meta
        assert check_project(load_project(fresh)).errors == []


def test_a_key_terms_list_over_a_page_break_keeps_its_entries_apart() -> None:
    """Batch 42's exhibition catalogue: "Standard – a large flag … where a leader was" ended
    a page and "Venerable – the title the Church gives …" began the next; they were one
    paragraph, and the second term was lost. A paragraph that runs over still joins."""
    pages = [
        Page(
            "16", [("para", "Standard – a large flag carried in battle to show where a leader was")]
        ),
        Page(
            "17",
            [
                ("para", "Venerable – the title the Church gives to a person"),
                ("para", "Pope Leo XIII declared her"),
            ],
        ),
        Page("18", [("para", "Venerable in 1894.")]),
    ]
    assert _joined(pages) == [
        ("para", "Standard – a large flag carried in battle to show where a leader was"),
        ("para", "Venerable – the title the Church gives to a person"),
        ("para", "Pope Leo XIII declared her Venerable in 1894."),
    ]


def test_a_pdf_key_terms_list_keeps_an_entry_after_one_that_nearly_fills_its_line(
    tmp_path: Path,
) -> None:
    """Batch 32's source pack: "Dugout – a shelter dug into the side or floor of a trench"
    nearly filled its line, and "Dud – a shell that fails to explode" was read as its end."""
    from docmaker import make_from_recipe
    from packet.pull import _read

    recipe = tmp_path / "terms.pdf.yaml"
    recipe.write_text(
        "format: pdf\ntitle: Key terms\nauthor: T\nrunning_head: Source pack\nblocks:\n"
        "  - [h2, Key terms]\n"
        '  - [li, "Dugout – a shelter dug into the side or floor of a trench"]\n'
        '  - [li, "Dud – a shell that fails to explode"]\n'
        "  - [li, \"Going over the top – climbing out of a trench to attack across no man's "
        'land"]\n',
        encoding="utf-8",
    )
    made = make_from_recipe(recipe, tmp_path)
    paragraphs = [t for role, t in _read(tmp_path / "p", made).found.blocks if role == "para"]
    assert paragraphs[:3] == [
        "Dugout – a shelter dug into the side or floor of a trench",
        "Dud – a shell that fails to explode",
        "Going over the top – climbing out of a trench to attack across no man's land",
    ], paragraphs
