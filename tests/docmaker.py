"""Documents for the pull tests, made the way teachers' files are: a PDF laid out by a
typesetter (WeasyPrint, with running heads, page numbers, hyphenation and page labels set by
pypdf), a Word file written as Word writes one (its parts by hand, footnotes included, so
python-docx reads a file it did not write), and an OpenDocument text made with odfpy.
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

# -- PDF --------------------------------------------------------------------------------------

PDF_STYLE = """
@page { size: A5; margin: 2cm 1.8cm;
  @top-center { content: "RUNNING_HEAD"; font-size: 8pt }
  @bottom-center { content: "Page " counter(page); font-size: 8pt } }
body { font: 10.5pt/1.35 serif; hyphens: auto; text-align: justify }
h1 { font-size: 17pt } h2 { font-size: 13pt; margin-top: 1.2em }
p { margin: 0 0 .6em }
"""


def make_pdf(
    path: Path,
    title: str,
    author: str,
    body_html: str,
    labels: list[str] | None = None,
    running_head: str = "Journal of River History",
) -> Path:
    """A PDF of `body_html` with a running head and "Page n" footers; `labels` (pypdf's
    page label styles, e.g. ["r", "D"]) gives the document printed page labels: the first
    page in that style, the rest in the second."""
    import weasyprint

    style = PDF_STYLE.replace("RUNNING_HEAD", running_head.replace('"', ""))
    html = (
        f"<html lang=en><head><title>{escape(title)}</title>"
        f"<meta name=author content='{escape(author)}'><style>{style}</style></head>"
        f"<body>{body_html}</body></html>"
    )
    data = weasyprint.HTML(string=html).write_pdf()
    if labels:
        from pypdf import PdfReader, PdfWriter
        from pypdf.constants import PageLabelStyle

        styles = {"r": PageLabelStyle.LOWERCASE_ROMAN, "D": PageLabelStyle.DECIMAL}
        writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
        writer.set_page_label(0, 0, styles[labels[0]])
        writer.set_page_label(1, len(writer.pages) - 1, styles[labels[1]], start=1)
        out = io.BytesIO()
        writer.write(out)
        data = out.getvalue()
    path.write_bytes(data)
    return path


# -- Word -------------------------------------------------------------------------------------

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
_OPC = "http://schemas.openxmlformats.org/package/2006"
_OFFICE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_WORD_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml"
_CONTENT_TYPES = (
    f'{_XML}<Types xmlns="{_OPC}/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
    'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
    f'<Override PartName="/word/document.xml" ContentType="{_WORD_TYPE}.document.main+xml"/>'
    f'<Override PartName="/word/styles.xml" ContentType="{_WORD_TYPE}.styles+xml"/>'
    f'<Override PartName="/word/footnotes.xml" ContentType="{_WORD_TYPE}.footnotes+xml"/>'
    '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-'
    'package.core-properties+xml"/></Types>'
)
_PACKAGE_RELS = (
    f'{_XML}<Relationships xmlns="{_OPC}/relationships">'
    f'<Relationship Id="rId1" Type="{_OFFICE}/officeDocument" Target="word/document.xml"/>'
    f'<Relationship Id="rId2" Type="{_OPC}/relationships/metadata/core-properties" '
    'Target="docProps/core.xml"/></Relationships>'
)
_DOCUMENT_RELS = (
    f'{_XML}<Relationships xmlns="{_OPC}/relationships">'
    f'<Relationship Id="rId1" Type="{_OFFICE}/styles" Target="styles.xml"/>'
    f'<Relationship Id="rId2" Type="{_OFFICE}/footnotes" Target="footnotes.xml"/>'
    "</Relationships>"
)


def _style(style_id: str, name: str) -> str:
    return f'<w:style w:type="paragraph" w:styleId="{style_id}"><w:name w:val="{name}"/></w:style>'


_STYLES = (
    f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles xmlns:w="{_W}">'
    + _style("Normal", "Normal")
    + _style("Title", "Title")
    + _style("Heading1", "heading 1")
    + _style("Heading2", "heading 2")
    + _style("ListBullet", "List Bullet")
    + "</w:styles>"
)


def _pieces(text: str) -> list[tuple[str, int | None]]:
    """A block's text cut at its footnote references: (text, None) or ("", note number)."""
    pieces: list[tuple[str, int | None]] = []
    for part in re.split(r"(\[\^\d+\])", text):
        if m := re.fullmatch(r"\[\^(\d+)\]", part):
            pieces.append(("", int(m[1])))
        elif part:
            pieces.append((part, None))
    return pieces


def _run(text: str) -> str:
    """Runs of a paragraph: text, with `[^n]` as a reference to footnote n."""
    return "".join(
        f'<w:r><w:footnoteReference w:id="{note}"/></w:r>'
        if note is not None
        else f'<w:r><w:t xml:space="preserve">{escape(part)}</w:t></w:r>'
        for part, note in _pieces(text)
    )


def _paragraph(style: str, text: str) -> str:
    props = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ""
    return f"<w:p>{props}{_run(text)}</w:p>"


def make_docx(
    path: Path,
    title: str,
    author: str,
    blocks: list[tuple[str, str]],
    notes: dict[int, str] | None = None,
    table: list[list[str]] | None = None,
) -> Path:
    """A .docx of `blocks` (style id — "", "Title", "Heading1", "ListBullet" — and text, with
    `[^n]` for a footnote reference), its `notes`, an optional table, and core properties."""
    body = "".join(_paragraph(style, text) for style, text in blocks)
    if table:
        rows = "".join(
            "<w:tr>" + "".join(f"<w:tc>{_paragraph('', cell)}</w:tc>" for cell in row) + "</w:tr>"
            for row in table
        )
        body += f"<w:tbl>{rows}</w:tbl>"
    document = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f'<w:document xmlns:w="{_W}" xmlns:r="{_R}"><w:body>{body}</w:body></w:document>'
    )
    separators = (
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
        '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r>'
        "<w:continuationSeparator/></w:r></w:p></w:footnote>"
    )
    footnotes = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:footnotes xmlns:w="{_W}">'
        + separators
        + "".join(
            f'<w:footnote w:id="{n}"><w:p>{_run(text)}</w:p></w:footnote>'
            for n, text in (notes or {}).items()
        )
        + "</w:footnotes>"
    )
    core = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f'<cp:coreProperties xmlns:cp="{_OPC}/metadata/core-properties" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/">'
        f"<dc:title>{escape(title)}</dc:title><dc:creator>{escape(author)}</dc:creator>"
        "</cp:coreProperties>"
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", _CONTENT_TYPES)
        archive.writestr("_rels/.rels", _PACKAGE_RELS)
        archive.writestr("word/_rels/document.xml.rels", _DOCUMENT_RELS)
        archive.writestr("word/document.xml", document)
        archive.writestr("word/styles.xml", _STYLES)
        archive.writestr("word/footnotes.xml", footnotes)
        archive.writestr("docProps/core.xml", core)
    return path


# -- OpenDocument -----------------------------------------------------------------------------


def make_odt(
    path: Path,
    title: str,
    author: str,
    blocks: list[tuple[str, str]],
    notes: dict[int, str] | None = None,
) -> Path:
    """An .odt of `blocks` ("h1", "h2", "p" or "li", and text with `[^n]` for a footnote)."""

    from odf import dc, text
    from odf.opendocument import OpenDocumentText

    document = OpenDocumentText()
    document.meta.addElement(dc.Title(text=title))
    document.meta.addElement(dc.Creator(text=author))
    items = None
    for kind, content in blocks:
        element = text.H(outlinelevel=int(kind[1])) if kind.startswith("h") else text.P()
        for part, number in _pieces(content):
            if number is None:
                element.addText(part)
                continue
            note = text.Note(id=f"ftn{number}", noteclass="footnote")
            note.addElement(text.NoteCitation(text=str(number)))
            body = text.NoteBody()
            body.addElement(text.P(text=(notes or {})[number]))
            note.addElement(body)
            element.addElement(note)
        if kind == "li":
            if items is None:
                items = text.List()
                document.text.addElement(items)
            item = text.ListItem()
            item.addElement(element)
            items.addElement(item)
        else:
            items = None
            document.text.addElement(element)
    document.save(str(path))
    return path


# -- recipes (tests/labelled/*.<kind>.yaml) ----------------------------------------------------


def make_from_recipe(recipe: Path, folder: Path) -> Path:
    """The document a recipe describes (`format`, `title`, `author`, `blocks` of [kind, text]
    — h1, h2, p, li — with `[^n]` for note n, `notes`, and a PDF's `running_head`), written
    into `folder` as <recipe name without .yaml>."""
    import yaml

    data = yaml.safe_load(recipe.read_text(encoding="utf-8"))
    path = folder / recipe.name.removesuffix(".yaml")
    blocks = [(str(kind), str(text)) for kind, text in data["blocks"]]
    notes = {int(n): str(text) for n, text in (data.get("notes") or {}).items()}
    title, author = str(data["title"]), str(data["author"])
    if data["format"] == "pdf":
        tags = {"h1": "h1", "h2": "h2", "p": "p", "li": "p"}
        body = "".join(f"<{tags[k]}>{escape(t)}</{tags[k]}>" for k, t in blocks)
        return make_pdf(path, title, author, body, running_head=str(data["running_head"]))
    if data["format"] == "docx":
        styles = {"h1": "Heading1", "h2": "Heading2", "p": "", "li": "ListBullet"}
        return make_docx(path, title, author, [(styles[k], t) for k, t in blocks], notes)
    return make_odt(path, title, author, blocks, notes)


# -- scans and photos ---------------------------------------------------------------------------
# Pages printed and read back as a scanner or a phone would: the typeset PDF rendered to
# pixels, then given the faults of the glass and the lens — a tilt, blur, speckle and, for a
# photo, a keystone, uneven light, a lower resolution and JPEG's blocks.


def rasterised(pdf: Path, dpi: int = 300) -> list[Any]:
    """Each page of `pdf` as a greyscale picture at `dpi`."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(pdf.read_bytes())
    try:
        return [
            document[i].render(scale=dpi / 72).to_pil().convert("L") for i in range(len(document))
        ]
    finally:
        document.close()


def scanned(page: Any, tilt: float, blur: float = 0.8, speckle: float = 0.12) -> Any:
    """A page as a flatbed scanner gives it: laid `tilt` degrees crooked, a little soft,
    with the grain of the glass and the paper."""
    from PIL import Image, ImageFilter

    page = page.rotate(tilt, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=255)
    page = page.filter(ImageFilter.GaussianBlur(blur))
    return Image.blend(page, Image.effect_noise(page.size, 25), speckle)


def photographed(page: Any, turn: int = 0) -> Any:
    """A page as a phone photographs it: seen a little from below (a keystone), lit from one
    side, tilted, soft, at about 200 dpi, `turn` degrees on its side (0, 90, 180, 270), and
    saved as a JPEG of middling quality."""
    from PIL import Image, ImageFilter

    width, height = page.size
    page = page.resize((width * 2 // 3, height * 2 // 3), Image.Resampling.LANCZOS)
    width, height = page.size
    inset = width // 25  # the top edge is further from the lens, so narrower
    page = page.transform(
        (width, height),
        Image.Transform.QUAD,
        (-inset, 0, 0, height, width, height, width + inset, 0),
        resample=Image.Resampling.BICUBIC,
        fillcolor=255,
    )
    light = Image.linear_gradient("L").rotate(90).resize((width, height))
    page = Image.composite(
        page, Image.new("L", page.size, 150), Image.eval(light, lambda v: 255 - v // 3)
    )
    page = page.rotate(2.0 + turn, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=170)
    page = page.filter(ImageFilter.GaussianBlur(1.0))
    out = io.BytesIO()
    page.save(out, "JPEG", quality=60, dpi=(200, 200))
    return Image.open(io.BytesIO(out.getvalue()))


def save_scan(pages: list[Any], path: Path, dpi: int = 300) -> Path:
    """`pages` saved as a scanner saves them: a PDF of pictures (no text layer), a TIFF of
    several pages (uncompressed: a scan of tens of megabytes), or a PNG of one."""
    first, rest = pages[0], pages[1:]
    if path.suffix == ".pdf":
        first.save(path, "PDF", resolution=dpi, save_all=True, append_images=rest)
    elif path.suffix in (".tif", ".tiff"):
        first.convert("RGB").save(
            path, "TIFF", dpi=(dpi, dpi), save_all=True,
            append_images=[page.convert("RGB") for page in rest],
        )  # fmt: skip
    else:
        first.save(path, dpi=(dpi, dpi))
    return path


def hand_made_png(width: int, height: int, extra: tuple[tuple[bytes, bytes], ...] = ()) -> bytes:
    """A PNG written chunk by chunk: it says it is `width` × `height` grey pixels, holds the
    `extra` chunks (kind, body) after its header, and one row of its data — what a damaged or
    hostile picture is made of."""
    import struct
    import zlib

    def chunk(kind: bytes, body: bytes) -> bytes:
        crc = struct.pack(">I", zlib.crc32(kind + body))
        return struct.pack(">I", len(body)) + kind + body + crc

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
        + b"".join(chunk(kind, body) for kind, body in extra)
        + chunk(b"IDAT", zlib.compress(b"\x00" + b"\xff" * width)) + chunk(b"IEND", b"")
    )  # fmt: skip
