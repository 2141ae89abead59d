"""Visual regression: selected pages rendered to PNG and compared with committed references.

A difference in layout, fonts, spacing or drawing shows up here even when the
text layer is unchanged. After a deliberate change to the look, look at the new
pages and regenerate the references with `make references`; commit the PNGs.

Pages are compared in greyscale at about 43 dpi. A page passes when fewer than
0.3% of its pixels differ by more than 48 grey levels and the mean difference is
under 1 level: anti-aliasing noise passes, a moved line or a changed word does not.
"""

from __future__ import annotations

import os
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from PIL import Image, ImageChops

REFERENCES = Path(__file__).parent / "reference"
UPDATE = os.environ.get("UPDATE_REFERENCES") == "1"
SCALE = 0.6  # 72 dpi x 0.6
CHANGED_LEVEL = 48
MAX_CHANGED = 0.003
MAX_MEAN = 1.0

# (output file, page number, what the page shows)
PAGES = [
    ("1-roots-student.pdf", 1, "cover with name lines"),
    ("1-roots-student.pdf", 3, "first module page"),
    ("1-roots-student.pdf", 4, "questions with answer space"),
    ("1-roots-student.pdf", 9, "vocabulary activity"),
    ("1-roots-student.pdf", 12, "a document with its headnote and numbered lines"),
    ("1-roots-student.pdf", 16, "the final task with its planning scaffold"),
    ("1-roots-student.pdf", 18, "timeline graphic"),
    ("1-roots-teacher.pdf", 6, "teacher notes and model answers"),
    ("1-roots-teacher.pdf", 14, "filled-in source comparison"),
]


def render(path: Path, number: int) -> Image.Image:
    page = pdfium.PdfDocument(path)[number - 1]
    return page.render(scale=SCALE, grayscale=True).to_pil().convert("L")


def compare(actual: Image.Image, expected: Image.Image) -> tuple[float, float]:
    """(share of pixels changed by more than CHANGED_LEVEL, mean difference in grey levels)."""
    if actual.size != expected.size:
        return 1.0, 255.0
    histogram = ImageChops.difference(actual, expected).histogram()
    pixels = actual.size[0] * actual.size[1]
    changed = sum(histogram[CHANGED_LEVEL + 1 :]) / pixels
    mean = sum(level * count for level, count in enumerate(histogram)) / pixels
    return changed, mean


@pytest.mark.parametrize(("name", "number", "what"), PAGES, ids=[f"{n}-p{p}" for n, p, _ in PAGES])
def test_page_looks_like_its_reference(
    built: Path, tmp_path: Path, name: str, number: int, what: str
) -> None:
    reference = REFERENCES / f"{Path(name).stem}-p{number}.png"
    actual = render(built / name, number)
    if UPDATE:
        REFERENCES.mkdir(exist_ok=True)
        actual.save(reference, optimize=True)
        return
    assert reference.is_file(), f"no reference for {what}: run `make references` and commit it"
    changed, mean = compare(actual, Image.open(reference).convert("L"))
    if changed > MAX_CHANGED or mean > MAX_MEAN:
        actual.save(tmp_path / reference.name)
        ImageChops.difference(actual, Image.open(reference).convert("L")).save(
            tmp_path / f"diff-{reference.name}"
        )
    assert changed <= MAX_CHANGED and mean <= MAX_MEAN, (
        f"{what} ({name} page {number}) differs from its reference: {changed:.2%} of pixels "
        f"changed, mean {mean:.2f}; new page and diff in {tmp_path}"
    )


def test_comparison_catches_a_small_change(built: Path) -> None:
    """The tolerance is tight enough to see one line of text move."""
    page = render(built / "1-roots-student.pdf", 3)
    assert compare(page, page) == (0.0, 0.0)
    moved = Image.new("L", page.size, 255)
    moved.paste(page.crop((0, 0, page.size[0], page.size[1] // 2)), (0, 0))
    moved.paste(
        page.crop((0, page.size[1] // 2, page.size[0], page.size[1])), (0, page.size[1] // 2 + 3)
    )
    changed, _ = compare(moved, page)
    assert changed > MAX_CHANGED
