"""PDF, Word and OpenDocument files -> `Extracted`: the article `packet pull` drafts from,
and the text it keeps beside the seed.

A seed is kept byte for byte as received; for these kinds its text is extracted once, at
pull, and stored as `seeds/<file>.txt` (`sources.store_text`). `packet check` compares
quotations with that stored text, never with a new extraction, so an upgrade of a library
below cannot change what a unit's quotations are checked against, and a teacher can correct
a misread word in it.

* PDF — pypdfium2, the Python binding of PDFium (the engine Chrome uses to show PDFs), chosen
  over pypdf and pdfplumber because it gives each character with its box, size and weight in
  the order the page draws it (pypdf gives text without geometry; pdfplumber works out the
  same geometry in pure Python, many times slower), and the document's page labels. From
  those: lines; running heads and footers (the same line, digits aside, at the top or the
  bottom of at least half the pages) and lone page numbers dropped; paragraphs where the
  spacing, size or indent changes or a short line ends a sentence; headings by their size
  or weight; ligatures (ﬁ, ﬂ…) written out; words hyphenated at a line's end joined. Pages are
  the document's printed page labels where it has them, else 1, 2, 3…
* Word (.docx) — python-docx: headings by their style, paragraphs and list items in order,
  table rows, footnotes as "[n]" in the text and as notes at the end; title and author from
  the document's properties.
* OpenDocument text (.odt) — odfpy, the same from its elements (`text:h`, `text:p`,
  `text:list`, `text:note`) and its `meta.xml`.

Every refusal is a `SourceError` saying what to do: a PDF with a password, a damaged file,
a PDF without a text layer (a scan), a document with no text.
"""

from __future__ import annotations

import io
import itertools
import re
import statistics
import unicodedata
import zipfile
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from . import ocr
from .sources import Article, SourceError, clean, is_handout_furniture
from .text import GLOSSED_LINE

if TYPE_CHECKING:
    from odf.element import Element

# The most a zipped document (.docx, .odt) may unpack to, and the most pages of a PDF read: a
# book is within both; a file crafted to exhaust the machine is not.
MAX_UNPACKED_BYTES = 200_000_000
MAX_PDF_PAGES = 2_000
MAX_JOINED = 5_000  # a paragraph longer than this is not joined to the next page's: no prose


@dataclass(frozen=True)
class Page:
    """One page of a paged document: its label and its blocks, in reading order."""

    label: str
    blocks: list[tuple[str, str]]  # ("heading" | "para", text)


@dataclass
class Extracted:
    """What a PDF, Word or OpenDocument file or a scan holds: its article (for drafting) and,
    for a PDF or a scan, its pages (for the stored text and page-true citations); for a scan,
    what OCR read and how sure it was."""

    article: Article
    pages: list[Page] | None = None
    dropped: list[str] = field(default_factory=list)  # running heads, footers, page numbers
    ocr: ocr.Read | None = None

    def stored(self) -> str:
        """The text stored beside the seed; see `sources.store_text`."""
        from .sources import store_text

        if self.pages is None:
            return store_text([("", self.article.blocks)], paged=False)
        return store_text([(page.label, page.blocks) for page in self.pages], paged=True)


def extract(data: bytes, kind: str, language: str | None = "eng") -> Extracted:
    """The article (and pages) of a document of `kind` ('pdf', 'docx', 'odt', 'image'), or
    SourceError; a scan or a photo is read by OCR in `language` (Tesseract's codes)."""
    if not data.strip():
        raise SourceError("the file is empty", "save the document into it again, or drop it")
    if kind == "pdf":
        return _pdf(data, language)
    if kind == "image":
        return extract_pictures([data], language)
    _refuse_bad_zip(data, kind)
    what = "Word document" if kind == "docx" else "OpenDocument file"
    try:
        found = _docx(data) if kind == "docx" else _odt(data)
    except RecursionError as exc:  # elements nested thousands deep: built to overload a reader
        raise SourceError(
            f"this {what} nests its parts more deeply than packet reads",
            "open it in your word processor and save it again, then pull the new copy",
        ) from exc
    except SourceError:
        raise
    except Exception as exc:  # the XML parsers' own errors: damage, entity bombs, depth
        raise SourceError(
            f"this {what} is damaged and cannot be read ({_reason(exc)})",
            "open it in your word processor and save it again, then pull the new copy",
        ) from exc
    if not found.article.blocks:
        raise SourceError("the document holds no text", "check it is the document you meant")
    return found


def extract_pictures(files: list[bytes], language: str | None) -> Extracted:
    """The article and pages of one document photographed or scanned into `files` (PNG,
    JPEG or TIFF; a TIFF may hold several pages), its pages numbered 1, 2, 3… in order."""
    counts, pictures = [], []
    for data in files:
        count, pages = ocr.pictures_of(data)
        counts.append(count)
        pictures.append(pages)
    if sum(counts) > ocr.MAX_PAGES:
        raise SourceError(
            f"these pictures hold {sum(counts):,} pages; packet reads at most {ocr.MAX_PAGES} "
            "by OCR",
            "pull the pages the packet needs",
        )
    labels = [str(number) for number in range(1, sum(counts) + 1)]
    every = itertools.chain.from_iterable(pictures)
    return _scanned(ocr.read(every, labels, language), labels, None, None)


def _reason(exc: Exception) -> str:
    """A library's error as a short reason for the teacher: its first line, without the
    parser's position."""
    reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    return re.sub(r",? line \d+, column \d+.*$", "", reason)[:120]


# -- PDF -------------------------------------------------------------------------------------


@dataclass
class _Line:
    text: str
    left: float
    bottom: float
    right: float
    top: float
    size: float  # the font size of most of its characters
    bold: bool
    paragraph: tuple[int, int] | None = None  # OCR's: the paragraph Tesseract put it in
    lead: float | None = None  # how wide its first word is (a text layer's lines)


def _pdf(data: bytes, language: str | None) -> Extracted:
    import pypdfium2 as pdfium

    if b"%PDF" not in data[:1024]:  # a PDF may have a few bytes before its header
        raise SourceError(
            "this file is named .pdf but is not a PDF", "open it and save it again as a PDF"
        )
    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if "password" in str(exc).lower():
            raise SourceError(
                "this PDF is protected by a password",
                "open it with the password and print it to a new PDF, then pull that copy",
            ) from exc
        raise SourceError(
            f"this PDF is damaged and cannot be read ({exc})",
            "open it in a PDF reader and save or print a new copy, then pull that",
        ) from exc
    try:
        return _pdf_document(pdf, language)
    except pdfium.PdfiumError as exc:  # a page that cannot be loaded (a broken page tree)
        raise SourceError(
            f"this PDF is damaged and cannot be read ({_reason(exc)})",
            "open it in a PDF reader and save or print a new copy, then pull that",
        ) from exc
    finally:
        pdf.close()


def _pdf_document(pdf: Any, language: str | None) -> Extracted:
    count = len(pdf)
    if count == 0:
        raise SourceError("this PDF has no pages", "open it in a PDF reader and check it is whole")
    if count > MAX_PDF_PAGES:
        raise SourceError(
            f"this PDF has {count:,} pages; packet reads at most {MAX_PDF_PAGES:,}",
            "pull only the chapters the packet needs (print them to a new PDF)",
        )
    labels = _page_labels(pdf, count)
    meta = pdf.get_metadata_dict(skip_empty=True)
    title, author = _stated_title(meta.get("Title")), meta.get("Author")
    lines = [_page_lines(pdf, index) for index in range(count)]
    if not any(line.text.strip() for page in lines for line in page):
        # No text layer: its pages are pictures (a scan), read by OCR.
        if count > ocr.MAX_PAGES:
            raise SourceError(
                f"this scanned PDF has {count:,} pages; packet reads at most {ocr.MAX_PAGES} "
                "pages by OCR",
                "pull the chapters the packet needs (print them to a new PDF)",
            )
        read = ocr.read(_rendered(pdf, count), labels, language)
        return _scanned(read, labels, title, author)
    return _paged(labels, lines, title, author)


def _rendered(pdf: Any, count: int) -> Iterator[Any]:
    """Each page of a scanned PDF as a picture for OCR, at `ocr.DPI` (less for a page so
    large that would be more than `ocr.MAX_PIXELS`)."""
    for index in range(count):
        page = pdf[index]
        try:
            width, height = page.get_size()
            scale = ocr.DPI / 72
            scale = min(scale, (ocr.MAX_PIXELS / max(1.0, width * height)) ** 0.5)
            picture = page.render(scale=scale).to_pil()
            picture.info["dpi"] = (scale * 72, scale * 72)
            yield picture
        finally:
            page.close()


class NoText(SourceError):
    """OCR read no words in a scan or a photo: a blank page, or a picture to print."""


def _scanned(read: ocr.Read, labels: list[str], title: str | None, author: str | None) -> Extracted:
    """A scan's pages, as OCR read them, made into an article like a text layer's."""
    lines = [
        [_Line(r.text, r.left, r.bottom, r.right, r.top, r.size, False, r.paragraph) for r in page]
        for page in read.pages
    ]
    if not any(line.text.strip() for page in lines for line in page):
        raise NoText(
            "OCR found no text in this scan",
            "check the pages are the right way up and in focus, and scan them at 300 dpi — "
            "or, if it is a picture to print (a photograph, a poster, a map), pull it with "
            "--figure",
        )
    found = _paged(labels, lines, title, author)
    found.ocr = read
    return found


def _paged(
    labels: list[str], lines: list[list[_Line]], title: str | None, author: str | None
) -> Extracted:
    """A paged document's article and pages from each page's lines: page furniture dropped,
    paragraphs and headings found, words broken at a line's or page's end joined again."""
    furniture = _furniture(lines)
    body = [[line for line in page if _masked(line.text) not in furniture] for page in lines]
    dropped = [line.text for page in lines for line in page if _masked(line.text) in furniture]
    size = _body_size(body)
    vocabulary = _words(body)
    # A typesetter that marks the hyphens it adds (U+2010, soft hyphens) left every "-" at a
    # line's end where the word has one: "cover-" + "up" stays "cover-up".
    typeset = any(line.text.endswith(tuple(_SOFT_HYPHENS)) for page in body for line in page)
    pages = []
    for label, page in zip(labels, body, strict=True):
        blocks = _blocks(page, size, vocabulary, typeset)
        # … and a handout's furniture printed once: its course line, copyright, who wrote it
        furnished = [text for role, text in blocks if role == "para" and is_handout_furniture(text)]
        dropped.extend(furnished)
        pages.append(Page(label, [block for block in blocks if block[1] not in furnished]))
    _mend_broken_words(pages, vocabulary, typeset)
    article = Article(blocks=_joined(pages))
    article.title = _one_line(title or _first_heading(pages))
    article.author = _one_line(author)
    return Extracted(article, pages, list(dict.fromkeys(dropped)))


def _one_line(value: str | None) -> str | None:
    """A title or author as one line: a document's properties may hold line breaks."""
    return re.sub(r"\s+", " ", clean(value or "")).strip() or None


def _page_labels(pdf: Any, count: int) -> list[str]:
    """The document's printed page labels ("iv", "12", "A-3") where it has them for every
    page, each once; otherwise 1, 2, 3…"""
    labels = [clean(pdf.get_page_label(index) or "").strip() for index in range(count)]
    readable = all(_LABEL.fullmatch(label) for label in labels)  # one word a citation can hold
    if readable and len(set(labels)) == count:
        return labels
    return [str(index + 1) for index in range(count)]


_LABEL = re.compile(r"[^\W_][\w.\-–/]{0,19}")
_LIGATURES = {code: unicodedata.normalize("NFKC", chr(code)) for code in range(0xFB00, 0xFB07)}
_SOFT_HYPHENS = {"\xad", "\u2010"}  # hyphens a typesetter adds to break a word
_Char = tuple[str, float, float, float, float, float, bool]  # char, box, size, bold


def _page_lines(pdf: Any, index: int) -> list[_Line]:
    """The page's lines in the order it draws them."""
    import ctypes

    import pypdfium2.raw as raw

    page = pdf[index]
    textpage = page.get_textpage()
    try:
        handle = textpage.raw
        left, right, bottom, top = (ctypes.c_double() for _ in range(4))
        lines: list[_Line] = []
        chars: list[_Char] = []
        for i in range(textpage.count_chars()):
            code = raw.FPDFText_GetUnicode(handle, i)
            char = chr(code) if 2 < code < 0x110000 else "-" if code == 2 else ""
            if char in ("\r", "\n"):
                _end_line(chars, lines)
                continue
            raw.FPDFText_GetCharBox(
                handle, i, ctypes.byref(left), ctypes.byref(right),
                ctypes.byref(bottom), ctypes.byref(top),
            )  # fmt: skip
            chars.append(
                (
                    char,
                    left.value,
                    bottom.value,
                    right.value,
                    top.value,
                    raw.FPDFText_GetFontSize(handle, i),
                    raw.FPDFText_GetFontWeight(handle, i) >= 600,
                )
            )
            if code == 2:  # PDFium joined two lines at a hyphen (and hid it): part them again
                _end_line(chars, lines)
        _end_line(chars, lines)
        return lines
    finally:
        textpage.close()
        page.close()


def _end_line(chars: list[_Char], lines: list[_Line]) -> None:
    """The characters gathered since the last line break, as a line (if any is visible)."""
    inked = [c for c in chars if c[0].strip()]
    if inked:
        text = clean("".join(c[0] for c in chars).translate(_LIGATURES))
        lines.append(
            _Line(
                text=re.sub(r"[ \t]+", " ", text).strip(),
                left=min(c[1] for c in inked),
                bottom=min(c[2] for c in inked),
                right=max(c[3] for c in inked),
                top=max(c[4] for c in inked),
                size=Counter(round(c[5], 1) for c in inked).most_common(1)[0][0],
                bold=sum(c[6] for c in inked) * 2 > len(inked),
                lead=_lead(chars),
            )
        )
    chars.clear()


def _lead(chars: list[_Char]) -> float:
    """How wide a line's first word is: what would have had to fit at the end of the line
    before for the break between them to be the typesetter's."""
    visible = itertools.dropwhile(lambda c: not c[0].strip(), chars)
    word = list(itertools.takewhile(lambda c: c[0].strip(), visible))
    return max(c[3] for c in word) - word[0][1]


def _masked(text: str) -> str:
    """A line with its numbers masked, to find the same running head on every page."""
    return re.sub(r"\d+", "#", text.casefold()).strip()


_PAGE_NUMBER = re.compile(
    r"^(?:page\s+)?(?:#|[ivxlcdm]{1,8})(?:\s*(?:of|/)\s*#)?$|^[-–—]\s*#\s*[-–—]$"
)


def _furniture(pages: list[list[_Line]]) -> set[str]:
    """The masked lines that are page furniture: a page number alone, or a line at the top
    or bottom of at least half the pages (and of two at least)."""
    edges: Counter[str] = Counter()
    numbers: set[str] = set()
    for lines in pages:
        by_height = sorted(lines, key=lambda line: -line.top)
        edge = {_masked(line.text) for line in (*by_height[:2], *by_height[-2:])}
        edges.update(edge)
        numbers.update(masked for masked in edge if _PAGE_NUMBER.match(masked))
    least = max(2, (len(pages) + 1) // 2)
    return numbers | {masked for masked, count in edges.items() if count >= least}


def _body_size(pages: list[list[_Line]]) -> float:
    """The size most of the text is set in."""
    sizes: Counter[float] = Counter()
    for lines in pages:
        for line in lines:
            sizes[line.size] += len(line.text)
    return sizes.most_common(1)[0][0] if sizes else 10.0


def _words(pages: list[list[_Line]]) -> set[str]:
    """Every word of the document, in lower case: a hyphenated word's evidence."""
    return {
        word.casefold()
        for lines in pages
        for line in lines
        for word in re.findall(r"[^\W\d_]+(?:-[^\W\d_]+)*", line.text)
    }


_SENTENCE_END = re.compile(r"[.!?:;][”\"’)]?$")


def _blocks(
    lines: list[_Line], body_size: float, vocabulary: set[str], typeset: bool
) -> list[tuple[str, str]]:
    """A page's lines -> headings and paragraphs."""
    if not lines:
        return []
    pitch = _pitch(lines)
    right = max(line.right for line in lines)
    groups: list[list[_Line]] = [[lines[0]]]
    for before, line in itertools.pairwise(lines):
        if _starts_block(before, line, groups[-1][0], pitch, right):
            groups.append([line])
        else:
            groups[-1].append(line)
    blocks = []
    for group in groups:
        text = _join_lines(group, vocabulary, typeset)
        role = "heading" if _is_heading(group, text, body_size) else "para"
        blocks.append((role, text))
    return blocks


def _pitch(lines: list[_Line]) -> float:
    """The usual distance from one line's baseline to the next's on the page."""
    steps = [
        before.bottom - line.bottom
        for before, line in itertools.pairwise(lines)
        if abs(before.size - line.size) <= _alike(line)
        and 0 < before.bottom - line.bottom < 3 * line.size
    ]
    return statistics.median(steps) if steps else 1.2 * lines[0].size


def _alike(line: _Line) -> float:
    """How far two lines' sizes may differ and be the same type: a text layer's sizes are
    exact; OCR's (its words' heights) vary with their letters."""
    return (0.3 if line.paragraph is not None else 0.12) * line.size


def _starts_block(before: _Line, line: _Line, first: _Line, pitch: float, right: float) -> bool:
    """Whether `line` starts a new heading or paragraph after `before` (whose block began
    with `first`)."""
    if line.paragraph and before.paragraph and line.paragraph[0] != before.paragraph[0]:
        return True  # OCR: another of Tesseract's blocks
    step = before.bottom - line.bottom
    if step <= 0 or step > 1.4 * pitch:  # a gap, or the next column
        return True
    if abs(before.size - line.size) > _alike(line) or before.bold != line.bold:
        return True
    ended = bool(_SENTENCE_END.search(before.text))
    short = before.right < right - 2 * line.size  # … well short of the column's edge
    indented = line.left > first.left + line.size
    # … or a list of words, each a short line without a full stop: "rangatira – chief or
    # leader of a hapū or iwi" | "iwi – tribe; a large group …" (an entry ends where it
    # ends, whatever the next is), and the prose after it
    entry = GLOSSED_LINE.match(line.text) is not None and short
    return (
        (ended and (short or indented))
        or entry
        or _after_an_entry(before, line, first, short, right)
    )


def _after_an_entry(before: _Line, line: _Line, first: _Line, short: bool, right: float) -> bool:
    """Whether `line` starts the prose after a list of words and meanings whose last entry
    ended with `before`: the entry's line ends short by choice (`_ends_short`), or, an entry
    of one line, well short (`short`), with no comma and a capital next ("affinity – the
    gentry bound to a lord" | "Nevertheless, …") — not a ragged-right paragraph that opens
    "Note: …"."""
    if GLOSSED_LINE.match(first.text) is None:
        return False
    ends = re.search(
        r"[,;]$|\b(?:and|but|or|nor|the|a|an|of|to|in|on|at|by|for|with|that)$", before.text
    )
    one_line = before is first and not ends and line.text[:1].isupper()
    # … or the next entry, though this one nearly filled its line: "Dugout – a shelter dug
    # into the side or floor of a trench" | "Dud – a shell that fails to explode"
    entry = one_line and _AN_ENTRY.match(line.text) is not None
    return _ends_short(before, line, right) or (one_line and short) or entry


# A word and its meaning after a dash, as a key-terms list's next entry opens: "Dud – a …".
_AN_ENTRY = re.compile(r"[A-Z][\w’'-]*(?:\s[\w’'-]+){0,3}\s[–—]\s[a-z]")


def _ends_short(before: _Line, line: _Line, right: float) -> bool:
    """Whether `before` ends short of the column's edge by choice: the first word of `line`
    (and a space) would have fitted in the room it leaves. A ragged-right paragraph's lines
    end short too, but only by less than the word that went over."""
    room = right - before.right
    if line.lead is None:  # OCR's lines: their words' widths are not known
        return room > 2 * line.size
    return room > line.lead + 0.4 * line.size


def _join_lines(group: list[_Line], vocabulary: set[str], typeset: bool) -> str:
    text = group[0].text
    for line in group[1:]:
        text = _join(text, line.text, vocabulary, typeset)
    return text


def _join(text: str, following: str, vocabulary: set[str], typeset: bool) -> str:
    """Two lines of a paragraph as one: a word the typesetter broke with a hyphen is joined
    again ("histo‐" + "ry"); a word's own hyphen is kept ("Khmer-" + "Vietnamese", "cover-" +
    "up" where the typesetter marks the hyphens it adds). Where it does not, a "-" at a line's
    end is taken as added unless the document writes the word with it elsewhere."""
    if text[-1:] in _SOFT_HYPHENS and following[:1].isalpha():
        return text[:-1] + following
    m = re.search(r"([^\W\d_]+)[-\u2011]$", text[-80:])  # the line's end: never the paragraph
    n = re.match(r"([^\W\d_]+)", following)
    if m is None or n is None:
        return f"{text} {following}"
    joined = (m[1] + n[1]).casefold()
    kept = f"{m[1]}-{n[1]}".casefold()
    own = typeset or not n[1][0].islower() or (kept in vocabulary and joined not in vocabulary)
    return text + following if own else text[:-1] + following


def _is_heading(group: list[_Line], text: str, body_size: float) -> bool:
    words = len(text.split())
    if words > 20 or len(group) > 3 or (_SENTENCE_END.search(text) and words > 6):
        return False
    larger = group[0].size >= 1.15 * body_size
    return larger or (group[0].bold and words <= 12 and not text.endswith("."))


def _runs_over(last: tuple[str, str], first: tuple[str, str]) -> bool:
    """Whether a page's last block and the next page's first are one paragraph that ran over
    the page ("at Chauri" | "Chaura in February 1922")."""
    # … not a list of words and meanings going on with its next entry: "Standard – a large
    # flag carried in battle to show where a leader was" | "Venerable – the title …"
    entries = _AN_ENTRY.match(last[1]) is not None and _AN_ENTRY.match(first[1]) is not None
    return (
        last[0] == first[0] == "para"
        and not _SENTENCE_END.search(last[1])
        and len(last[1]) < MAX_JOINED
        and not entries
    )


def _mend_broken_words(pages: list[Page], vocabulary: set[str], typeset: bool) -> None:
    """A word hyphenated over a page break ("at‐" | "tacked") written whole at the top of
    the later page, so the stored pages and the article read the same words."""
    for before, after in itertools.pairwise(pages):
        if not (before.blocks and after.blocks and _runs_over(before.blocks[-1], after.blocks[0])):
            continue
        head, _, broken = before.blocks[-1][1].rpartition(" ")
        following = after.blocks[0][1]
        joined = _join(broken, following, vocabulary, typeset)
        if head and joined != f"{broken} {following}":
            before.blocks[-1] = ("para", head)
            after.blocks[0] = ("para", joined)


def _joined(pages: list[Page]) -> list[tuple[str, str]]:
    """Every page's blocks in one list, a paragraph that runs over a page joined again."""
    blocks: list[tuple[str, str]] = []
    for page in pages:
        for index, (role, text) in enumerate(page.blocks):
            if index == 0 and blocks and _runs_over(blocks[-1], (role, text)):
                blocks[-1] = ("para", f"{blocks[-1][1]} {text}")
            else:
                blocks.append((role, text))
    return blocks


def _stated_title(title: str | None) -> str | None:
    """The title in a PDF's properties, unless it is a file name a program put there."""
    title = clean(title or "").strip()
    if not title or re.search(r"\.(?:docx?|odt|pdf|rtf|txt|html?|indd|pages)$", title, re.I):
        return None
    if title.lower().startswith(("microsoft word - ", "untitled")):
        return None
    return title


def _first_heading(pages: list[Page]) -> str | None:
    for page in pages[:2]:
        for role, text in page.blocks:
            if role == "heading":
                return text
    return None


# -- Word and OpenDocument ------------------------------------------------------------------


def _refuse_bad_zip(data: bytes, kind: str) -> None:
    """A .docx or .odt is a zip: refuse one that is not, is damaged, or unpacks to more than
    `MAX_UNPACKED_BYTES` (a zip bomb) — before any library opens it."""
    what = "Word document" if kind == "docx" else "OpenDocument text file"
    a_what = f"a {what}" if kind == "docx" else f"an {what}"
    if data.startswith(b"\xd0\xcf\x11\xe0"):  # how Word stores a file with a password
        raise SourceError(
            f"this {what} is protected by a password (or is an old .doc renamed)",
            "open it with the password and save a copy without one, as .docx, then pull that",
        )
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
            names = set(archive.namelist())
            manifest = (
                archive.read("META-INF/manifest.xml")
                if "META-INF/manifest.xml" in names
                and archive.getinfo("META-INF/manifest.xml").file_size < 1_000_000
                else b""
            )
    except (zipfile.BadZipFile, ValueError, OSError) as exc:
        raise SourceError(
            f"this file is not {a_what} packet can read (it is damaged, or not {a_what})",
            "open it in your word processor and save it again, then pull the new copy",
        ) from exc
    if unpacked > MAX_UNPACKED_BYTES:
        raise SourceError(
            f"this {what} unpacks to {unpacked / 1_000_000:,.0f} MB, over the "
            f"{MAX_UNPACKED_BYTES / 1_000_000:,.0f} MB packet reads",
            "save it without embedded media, or pull its text as a .txt file",
        )
    if b"encryption-data" in manifest:
        raise SourceError(
            f"this {what} is protected by a password",
            "open it with the password and save a copy without one, then pull that",
        )
    needed = "word/document.xml" if kind == "docx" else "content.xml"
    if needed not in names:
        raise SourceError(
            f"this file is not {a_what} packet can read",
            "open it in your word processor and save it again, then pull the new copy",
        )


def _docx(data: bytes) -> Extracted:
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, KeyError, ValueError, zipfile.BadZipFile) as exc:
        raise SourceError(
            "this Word document is damaged and cannot be read",
            "open it in your word processor and save it again, then pull the new copy",
        ) from exc
    article = Article()
    properties = document.core_properties
    article.title = _one_line(properties.title)
    article.author = _one_line(properties.author)
    notes = list(_docx_notes(document).items())
    return _assembled(article, _docx_blocks(document), notes)


def _assembled(
    article: Article, blocks: Iterator[tuple[str, str]], notes: list[tuple[str, str]]
) -> Extracted:
    """A Word or OpenDocument file's article: its blocks in order (a "title" block names it
    when its properties do not; a worksheet's furniture is skipped), then its footnotes,
    numbered, under "Notes". `notes` may
    fill as `blocks` is read (an OpenDocument note is met inside its paragraph)."""
    for role, text in blocks:
        if role == "title":
            article.title = article.title or text
        elif role == "para" and is_handout_furniture(text):
            article.skipped.append(text)  # a worksheet's course line, "Name: ____", its footer
        else:
            article.blocks.append((role, text))
    if notes:
        article.blocks.append(("heading", "Notes"))
        article.blocks.extend(("para", f"[{number}] {text}") for number, text in notes)
    return Extracted(article)


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _docx_blocks(document: Any) -> Iterator[tuple[str, str]]:
    """("title" | "heading" | "para", text) for each paragraph and table row, in order."""
    for element in document.element.body.iterchildren():
        if element.tag == f"{_W}p":
            text = _docx_text(element)
            if not text:
                continue
            style = _docx_style(document, element)
            if style == "title":
                yield ("title", text)
            elif style.startswith("heading"):
                yield ("heading", text)
            else:
                yield ("para", text)
        elif element.tag == f"{_W}tbl":
            for row in element.iter(f"{_W}tr"):
                cells = [_docx_text(cell) for cell in row.iter(f"{_W}tc")]
                if any(cells):
                    yield ("para", "; ".join(cell for cell in cells if cell))


def _docx_style(document: Any, paragraph: Any) -> str:
    """The paragraph's style name in lower case ("heading 2", "title", "list bullet")."""
    style_id = paragraph.xpath("./w:pPr/w:pStyle/@w:val")
    if not style_id:
        return ""
    try:
        style = document.styles.get_by_id(style_id[0], 1)  # WD_STYLE_TYPE.PARAGRAPH
    except (KeyError, ValueError):
        return str(style_id[0]).lower()
    return str(style.name if style is not None else style_id[0]).lower()


def _docx_text(element: Any) -> str:
    """The text of a paragraph or cell: runs, tabs and breaks, footnote references as [n]."""
    parts: list[str] = []
    for node in element.iter():
        tag = node.tag
        if tag == f"{_W}t" and node.text:
            parts.append(node.text)
        elif tag in (f"{_W}tab", f"{_W}br", f"{_W}cr"):
            parts.append(" ")
        elif tag == f"{_W}noBreakHyphen":
            parts.append("-")
        elif tag == f"{_W}footnoteReference":
            parts.append(f"[{node.get(f'{_W}id')}]")
    return re.sub(r"\s+", " ", clean("".join(parts))).strip()


def _docx_notes(document: Any) -> dict[str, str]:
    """The document's footnotes by number (separators, numbered 0 and below, left out)."""
    from docx.opc.constants import RELATIONSHIP_TYPE
    from docx.oxml import parse_xml

    for rel in document.part.rels.values():
        if rel.reltype == RELATIONSHIP_TYPE.FOOTNOTES and not rel.is_external:
            root = parse_xml(rel.target_part.blob)
            notes = {}
            for note in root.iter(f"{_W}footnote"):
                number = note.get(f"{_W}id", "")
                if number.lstrip("-").isdigit() and int(number) > 0:
                    text = " ".join(filter(None, (_docx_text(p) for p in note.iter(f"{_W}p"))))
                    if text:
                        notes[number] = text
            return notes
    return {}


def _odt(data: bytes) -> Extracted:
    import contextlib

    from odf import dc, meta
    from odf.opendocument import load

    _refuse_bad_xml(data, ("content.xml", "meta.xml", "styles.xml"))
    try:
        with contextlib.redirect_stdout(io.StringIO()):  # odfpy prints what it cannot parse
            document = load(io.BytesIO(data))
    except Exception as exc:  # odfpy raises whatever its XML parser or zip reader raised
        raise SourceError(
            "this OpenDocument file is damaged and cannot be read",
            "open it in your word processor and save it again, then pull the new copy",
        ) from exc
    article = Article()
    for element in document.meta.childNodes:
        if element.qname == dc.Title().qname:
            article.title = _odt_plain(element) or None
        elif element.qname in (dc.Creator().qname, meta.InitialCreator().qname):
            article.author = article.author or _odt_plain(element) or None
    notes: list[tuple[str, str]] = []
    return _assembled(article, _odt_blocks(document.text, notes), notes)


def _refuse_bad_xml(data: bytes, parts: tuple[str, ...]) -> None:
    """Refuse an OpenDocument file whose XML parts do not parse: odfpy would keep what it
    read before the fault and go on, so half a document would be pulled without a word."""
    import xml.parsers.expat

    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        names = set(archive.namelist())
        for part in parts:
            if part not in names:
                continue
            parser = xml.parsers.expat.ParserCreate()
            parser.SetParamEntityParsing(xml.parsers.expat.XML_PARAM_ENTITY_PARSING_NEVER)
            try:
                parser.Parse(archive.read(part), True)
            except xml.parsers.expat.ExpatError as exc:
                raise SourceError(
                    f"this OpenDocument file is damaged and cannot be read ({part}: {exc})",
                    "open it in your word processor and save it again, then pull the new copy",
                ) from exc


_TEXT_NS = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
_TABLE_NS = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"


def _odt_blocks(element: Element, notes: list[tuple[str, str]]) -> Iterator[tuple[str, str]]:
    """("title" | "heading" | "para", text) for each heading, paragraph, list item and table
    row under `element`, in order; footnote texts are added to `notes`."""
    for child in element.childNodes:
        ns, name = child.qname if child.nodeType == child.ELEMENT_NODE else ("", "")
        if ns == _TEXT_NS and name in ("p", "h"):
            text = _odt_text(child, notes)
            if text:
                style = str(child.getAttrNS(_TEXT_NS, "style-name") or "").lower()
                title = name == "p" and style == "title"
                yield ("title" if title else "heading" if name == "h" else "para", text)
        elif ns == _TABLE_NS and name == "table-row":
            cells = [_odt_text(cell, notes) for cell in child.childNodes]
            if any(cells):
                yield ("para", "; ".join(cell for cell in cells if cell))
        elif ns:
            yield from _odt_blocks(child, notes)


def _odt_text(element: Element, notes: list[tuple[str, str]]) -> str:
    parts: list[str] = []
    _odt_collect(element, parts, notes)
    return re.sub(r"\s+", " ", clean("".join(parts))).strip()


def _odt_collect(element: Element, parts: list[str], notes: list[tuple[str, str]]) -> None:
    for child in element.childNodes:
        if child.nodeType == child.TEXT_NODE:
            parts.append(str(child.data))
            continue
        if child.nodeType != child.ELEMENT_NODE:
            continue
        ns, name = child.qname
        if ns != _TEXT_NS:
            _odt_collect(child, parts, notes)
        elif name == "s":  # c spaces, as the file says: at most a line's worth
            count = str(child.getAttrNS(_TEXT_NS, "c") or "1")
            parts.append(" " * min(int(count) if count.isdigit() else 1, 100))
        elif name in ("tab", "line-break"):
            parts.append(" ")
        elif name == "note":
            body = next((n for n in child.childNodes if n.qname == (_TEXT_NS, "note-body")), None)
            if body is not None:
                text = " ".join(t for _, t in _odt_blocks(body, notes))
                notes.append((str(len(notes) + 1), text))
                parts.append(f"[{len(notes)}]")
        else:
            _odt_collect(child, parts, notes)


def _odt_plain(element: Element) -> str:
    return re.sub(r"\s+", " ", clean(str(element))).strip()
