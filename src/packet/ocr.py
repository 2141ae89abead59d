"""Reading scans and page photos: Tesseract OCR, through pytesseract.

A scanned PDF (pages that are pictures), a page photo (PNG, JPEG) or a TIFF of several pages
is read page by page:

1. the picture is decoded by Pillow — refused unread when it holds more than `MAX_PIXELS`
   (a 600 dpi A3 scan is about 70 million), and refused with its reason when it is damaged;
2. it is turned upright: a quarter or half turn by Tesseract's orientation detection (when
   it is sure), then a small tilt — a page laid crookedly on the glass — found by the angle at
   which the rows of text line up best (`_tilt`);
3. Tesseract reads it (`language` in Tesseract's own codes, "eng", "fra+eng"), giving each
   line's words with their boxes and each word's confidence.

The result is a `Line` per line of text, in reading order, with its box in points from the
page's foot (as PDFium gives a text layer's), so `extract` makes paragraphs, headings and
page furniture of a scan exactly as of a typeset PDF. Words Tesseract is unsure of (confidence
below `UNSURE`) are listed with their page for the teacher to check against the scan.
Without Tesseract, `SourceError` says how to install it.
"""

from __future__ import annotations

import contextlib
import io
import os
import re
import warnings
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from .sources import SourceError

MAX_PIXELS = 120_000_000  # per page: a 600 dpi A3 scan is about 70 million
DPI = 300  # a scanned PDF's pages are rendered at this resolution for Tesseract
UNSURE = 60  # a word read with less confidence than this (of 100) is listed for checking
MAX_UNSURE = 500  # the most unsure words a seed's record lists
INSTALL = (
    "install Tesseract OCR: on Debian or Ubuntu `sudo apt-get install tesseract-ocr "
    "tesseract-ocr-eng tesseract-ocr-osd`, on macOS `brew install tesseract`, on Windows the "
    "installer from github.com/UB-Mannheim/tesseract — then pull the file again"
)


# Tesseract's names for the languages a packet is most likely written in (`language` in
# packet.toml, as an IETF tag: "en", "fr-CA"); any other is named with `ocr_language`.
_TESSERACT = {
    "en": "eng", "fr": "fra", "de": "deu", "es": "spa", "it": "ita", "pt": "por", "nl": "nld",
    "km": "khm", "vi": "vie", "zh": "chi_sim", "ja": "jpn", "ko": "kor", "ar": "ara",
    "ru": "rus", "uk": "ukr", "pl": "pol", "cs": "ces", "hu": "hun", "ro": "ron", "sv": "swe",
    "da": "dan", "nb": "nor", "no": "nor", "fi": "fin", "cy": "cym", "ga": "gle", "la": "lat",
    "el": "ell", "tr": "tur", "hi": "hin", "he": "heb", "sw": "swa",
}  # fmt: skip


def tesseract_language(language: str, stated: str | None = None) -> str:
    """The languages to read scans in: `stated` (packet.toml's ocr_language) as it is, else
    Tesseract's name for the packet's `language`."""
    if stated:
        return stated
    code = _TESSERACT.get(language.split("-")[0].casefold())
    if code is None:
        raise SourceError(
            f"packet does not know Tesseract's name for the language '{language}'",
            'set ocr_language in packet.toml, e.g. ocr_language = "eng"',
        )
    return code


@dataclass(frozen=True)
class Line:
    """One line of text Tesseract read, its box in points from the page's foot."""

    text: str
    left: float
    bottom: float
    right: float
    top: float
    size: float  # its paragraph's words' median height, standing in for its type size
    paragraph: tuple[int, int]  # Tesseract's block and paragraph it belongs to


@dataclass(frozen=True)
class Unsure:
    """A word Tesseract read with low confidence: where it is, and how sure it was."""

    page: str
    word: str
    confidence: int


@dataclass
class Read:
    """What OCR read of a document: each page's lines, and how sure it was."""

    pages: list[list[Line]] = field(default_factory=list)
    unsure: list[Unsure] = field(default_factory=list)
    confidences: list[float] = field(default_factory=list)  # every word's
    engine: str = ""
    language: str = ""

    @property
    def confidence(self) -> float:
        """The mean confidence of every word read (0–100)."""
        return sum(self.confidences) / len(self.confidences) if self.confidences else 0.0


def engine() -> str:
    """'Tesseract 5.3.0', or SourceError saying how to install it."""
    import pytesseract

    try:
        return f"Tesseract {pytesseract.get_tesseract_version()}"
    except (pytesseract.TesseractNotFoundError, OSError) as exc:
        raise SourceError(
            "this file is a scan or a photo, and reading it needs OCR", INSTALL
        ) from exc


def languages() -> set[str]:
    """The languages the installed Tesseract reads ('eng', 'osd', …)."""
    import pytesseract

    return set(pytesseract.get_languages(config=""))


def read(pictures: Iterator[Any], labels: list[str], language: str | None) -> Read:
    """The text of `pictures` (Pillow images, one a page, labelled `labels`), read in
    `language` (None: the packet's language has no name packet knows in Tesseract)."""
    found = Read(engine=engine())
    if language is None:
        raise SourceError(
            "this file is a scan or a photo, and packet does not know which language to read it in",
            "set ocr_language in packet.toml to Tesseract's name for it, e.g. "
            'ocr_language = "eng"',
        )
    found.language = language
    if "osd" in language.split("+"):
        raise SourceError(
            "'osd' is not a language: it is the data Tesseract finds a page's orientation with",
            "set ocr_language in packet.toml to the language the scans are written in",
        )
    installed = languages()
    missing = [code for code in language.split("+") if code not in installed]
    if missing:
        raise SourceError(
            f"Tesseract cannot read {', '.join(missing)}: its language data is not installed",
            f"install it (on Debian or Ubuntu `sudo apt-get install tesseract-ocr-{missing[0]}`), "
            "or set ocr_language in packet.toml to a language it reads",
        )
    with _one_thread():
        for label, picture in zip(labels, pictures, strict=True):
            found.pages.append(_page(picture, label, language, "osd" in installed, found))
    return found


@contextlib.contextmanager
def _one_thread() -> Iterator[None]:
    """Tesseract run on one thread: its OpenMP threads spin against each other on a small
    machine (a page takes 9 s with them, 1 s without). The environment is put back after."""
    before = os.environ.get("OMP_THREAD_LIMIT")
    os.environ["OMP_THREAD_LIMIT"] = "1"
    try:
        yield
    finally:
        if before is None:
            del os.environ["OMP_THREAD_LIMIT"]
        else:
            os.environ["OMP_THREAD_LIMIT"] = before


# The formats a scan or a photo is read in: Pillow opens only these, by their bytes (never its
# EPS reader, which runs Ghostscript on what it is given, whatever the file is called).
SCAN_FORMATS = ("PNG", "JPEG", "TIFF")
MAX_PAGES = 300  # a scan of more pages is a book: about 2 s a page, ten minutes already


def pictures_of(data: bytes, formats: Sequence[str] = SCAN_FORMATS) -> tuple[int, Iterator[Any]]:
    """The pages of a picture file (a TIFF may hold several): their number, and each page
    decoded in turn, greyscale as it looks (transparency on white); SourceError when it is
    empty, damaged, not one of `formats`, has too many pages or a page too large to read."""
    from PIL import Image

    if not data.strip():
        raise SourceError("the file is empty", "save the picture into it again, or drop it")
    try:
        with warnings.catch_warnings():  # packet's own limit is checked next
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data), formats=list(formats))
        count = getattr(image, "n_frames", 1)
        _refuse_too_large(image.size)
    except Image.DecompressionBombError as exc:  # Pillow's own refusal, before ours
        pixels = re.search(r"\((\d+) pixels\)", str(exc))
        raise _too_large(int(pixels[1]) if pixels else None) from exc
    except SourceError:
        raise
    except Exception as exc:  # a decoder of any file at all fails in many ways: all say damage
        raise _damaged(exc, formats) from exc
    if count > MAX_PAGES:
        raise SourceError(
            f"this picture file holds {count:,} pages; packet reads at most {MAX_PAGES}",
            "pull the chapters the packet needs, as files of fewer pages",
        )

    def pages() -> Iterator[Any]:
        for index in range(count):
            try:
                image.seek(index)
                _refuse_too_large(image.size)
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore", Image.DecompressionBombWarning)
                    image.load()
                    page = _as_seen(image)
            except SourceError:
                raise
            except Exception as exc:  # as above: damage, however the decoder says it
                raise _damaged(exc, formats) from exc
            yield page

    return count, pages()


def _as_seen(image: Any) -> Any:
    """A page as a reader sees it, in grey: what is transparent shows the white beneath (a
    picture's hidden colours are not read)."""
    from PIL import Image

    if image.mode in ("RGBA", "LA", "PA") or "transparency" in image.info:
        rgba = image.convert("RGBA")
        white = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        page = Image.alpha_composite(white, rgba).convert("L")
    else:
        page = image.convert("L")
    page.info = dict(image.info)
    return page


def _refuse_too_large(size: tuple[int, int]) -> None:
    width, height = size
    if width * height > MAX_PIXELS:
        raise _too_large(width * height, f"{width:,} × {height:,} pixels, ")


def _too_large(pixels: int | None, size: str = "") -> SourceError:
    many = f"{pixels / 1e6:,.0f} million pixels" if pixels else "too many pixels"
    return SourceError(
        f"this picture is {size}{many}; packet reads pages of at most "
        f"{MAX_PIXELS / 1e6:,.0f} million",
        "scan the page again at 300 or 400 dpi, or save a smaller copy of the photo",
    )


def _damaged(exc: BaseException, formats: Sequence[str] = SCAN_FORMATS) -> SourceError:
    reason = str(exc).splitlines()[0][:120] if str(exc) else type(exc).__name__
    kinds = (
        " or ".join(formats) if len(formats) < 3 else f"{', '.join(formats[:-1])} or {formats[-1]}"
    )
    if reason.startswith("cannot identify image file"):
        reason = f"not a {kinds} picture"
    return SourceError(
        f"this picture is damaged or not a picture packet reads ({reason})",
        f"open it and save it again as {kinds}, then pull the new copy",
    )


# -- one page --------------------------------------------------------------------------------


def _page(picture: Any, label: str, language: str, osd: bool, found: Read) -> list[Line]:
    """A page's lines, read upright; its words' confidences added to `found`."""
    import pytesseract

    gray = picture if picture.mode == "L" else picture.convert("L")
    if osd:
        gray = _upright(gray)
    tilt = _tilt(gray)
    if abs(tilt) >= 0.2:
        gray = gray.rotate(tilt, expand=True, fillcolor=255)
    dpi = _dpi(picture)
    data = pytesseract.image_to_data(
        gray, lang=language, config="--psm 3", output_type=pytesseract.Output.DICT
    )
    return _lines(data, gray.height, 72 / dpi, label, found)


def _upright(gray: Any) -> Any:
    """The page turned upright when Tesseract is sure it lies on its side or upside down."""
    import pytesseract

    try:
        osd = pytesseract.image_to_osd(gray, config="--psm 0", output_type=pytesseract.Output.DICT)
    except pytesseract.TesseractError:  # too little text to tell: leave it as it is
        return gray
    turn = int(osd.get("rotate", 0))
    if turn and float(osd.get("orientation_conf", 0)) >= 2.0:
        return gray.rotate(-turn, expand=True, fillcolor=255)
    return gray


def _tilt(gray: Any) -> float:
    """The small angle (degrees, at most 5 either way) that turns the page's lines of text
    level: where a page's rows are most unlike each other — dark lines of text and white
    gaps between them — the text lies level (a projection profile, Pillow only)."""
    from PIL import Image, ImageOps

    small = gray.copy()
    small.thumbnail((900, 900))
    ink = ImageOps.invert(small.point(lambda v: 0 if v < 160 else 255))

    def spread(angle: float) -> float:
        turned = ink.rotate(angle, resample=Image.Resampling.BILINEAR, fillcolor=0)
        rows = turned.resize((1, turned.height), Image.Resampling.BOX).tobytes()  # a row's ink
        mean = sum(rows) / len(rows)
        return sum((row - mean) ** 2 for row in rows)

    best = max((step / 2 for step in range(-10, 11)), key=spread)  # every half degree
    finer: float = max((best + step / 10 for step in range(-5, 6)), key=spread)  # to a tenth
    return finer


def _dpi(picture: Any) -> float:
    """The picture's resolution as it states it, else 300 dots an inch."""
    stated = picture.info.get("dpi")
    try:
        value = float(stated[0]) if stated else 0.0
    except (TypeError, ValueError, IndexError):
        value = 0.0
    return value if 50 <= value <= 2400 else float(DPI)


_SPECK = re.compile(r"^\s*[_|~^¬`]+\s*$")  # a speck of dust read as a mark, not a word


def _lines(
    data: dict[str, list[Any]], height: int, scale: float, label: str, found: Read
) -> list[Line]:
    """Tesseract's words gathered into its lines, in its reading order."""
    lines: dict[tuple[int, int, int], list[int]] = {}
    for index, word in enumerate(data["text"]):
        if str(word).strip() and float(data["conf"][index]) >= 0 and not _SPECK.match(str(word)):
            key = (data["block_num"][index], data["par_num"][index], data["line_num"][index])
            lines.setdefault(key, []).append(index)
    heights: dict[tuple[int, int], list[int]] = {}
    for (block, paragraph, _), indexes in lines.items():
        heights.setdefault((block, paragraph), []).extend(data["height"][i] for i in indexes)
    read: list[Line] = []
    for (block, paragraph, _), indexes in lines.items():
        words = [str(data["text"][i]).strip() for i in indexes]
        for i, word in zip(indexes, words, strict=True):
            confidence = float(data["conf"][i])
            found.confidences.append(confidence)
            if confidence < UNSURE and re.search(r"[^\W\d_]{2,}", word):
                found.unsure.append(Unsure(label, word, round(confidence)))
        left = min(data["left"][i] for i in indexes)
        right = max(data["left"][i] + data["width"][i] for i in indexes)
        top = min(data["top"][i] for i in indexes)
        bottom = max(data["top"][i] + data["height"][i] for i in indexes)
        sizes = sorted(heights[block, paragraph])
        read.append(
            Line(
                text=" ".join(words),
                left=left * scale,
                bottom=(height - bottom) * scale,
                right=right * scale,
                top=(height - top) * scale,
                size=round(sizes[len(sizes) // 2] * scale, 1),
                paragraph=(block, paragraph),
            )
        )
    return read
