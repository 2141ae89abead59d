"""Booklet imposition: a packet's pages two to a side, in saddle-stitch order.

A booklet is laid out on the half sheet (A5, or half-letter: booklet.css), and
imposed at full size onto the paper it is half of, turned landscape (A4, or
Letter), so that its type prints at the size it was set. The packet is padded
with blank pages to a multiple of four. Each sheet carries four pages: on the
front, the last unplaced page on the left and the first on the right; on the
back, the next two. Printed double-sided (flip on the short edge), stacked in
order, folded down the middle and stapled, the sheets read 1, 2, 3, … .

    sheet_sides(8) == [(7, 0), (1, 6), (5, 2), (3, 4)]   # 0-based (left, right)

pypdf does the page placement (scale and translate each page into its half).
Links and the tag tree do not survive imposition: a booklet is for printing;
the ordinary PDF is the accessible one.
"""

from __future__ import annotations

from io import BytesIO


def padded(count: int) -> int:
    """The page count rounded up to a whole number of sheets (four pages each)."""
    return -(-count // 4) * 4


def sheet_sides(count: int) -> list[tuple[int, int]]:
    """(left, right) 0-based page indices of each printed side, sheet by sheet, front first."""
    total = padded(count)
    sides = []
    for sheet in range(total // 4):
        sides.append((total - 1 - 2 * sheet, 2 * sheet))
        sides.append((2 * sheet + 1, total - 2 - 2 * sheet))
    return sides


PT = 72 / 25.4  # points per millimetre
# The paper (landscape, in pt) each half sheet is imposed on: A5 → A4, half-letter → Letter.
SHEETS = {(148, 210): (297 * PT, 210 * PT), (140, 216): (11 * 72, 8.5 * 72)}


def _sheet(page_w: float, page_h: float) -> tuple[float, float]:
    """The landscape sheet a page of this size (pt) is imposed on: the paper it is half
    of, or, for any other page, the page turned landscape (two pages shrunk onto it)."""
    return SHEETS.get((round(page_w / PT), round(page_h / PT)), (page_h, page_w))


def impose_booklet(data: bytes) -> tuple[bytes, int]:
    """The PDF `data` imposed as a booklet; returns the new PDF and its number of sides."""
    from pypdf import PdfReader, PdfWriter, Transformation  # only when a booklet is asked for

    reader = PdfReader(BytesIO(data))
    count = len(reader.pages)
    first = reader.pages[0].mediabox
    page_w, page_h = float(first.width), float(first.height)
    sheet_w, sheet_h = _sheet(page_w, page_h)
    half = sheet_w / 2
    scale = min(half / page_w, sheet_h / page_h)
    x_margin = (half - page_w * scale) / 2
    y_margin = (sheet_h - page_h * scale) / 2

    writer = PdfWriter()
    for left, right in sheet_sides(count):
        side = writer.add_blank_page(width=sheet_w, height=sheet_h)
        for slot, index in enumerate((left, right)):
            if index >= count:
                continue  # a blank padding page
            page = reader.pages[index]
            if "/Annots" in page:
                del page["/Annots"]  # links point into the unimposed document
            place = Transformation().scale(scale).translate(slot * half + x_margin, y_margin)
            side.merge_transformed_page(page, place)
    if reader.metadata:
        writer.add_metadata({k: v for k, v in reader.metadata.items() if isinstance(v, str)})
    out = BytesIO()
    writer.write(out)
    return out.getvalue(), len(writer.pages)
