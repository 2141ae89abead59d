"""Seed documents as teachers save them -> text packet can quote and check.

A seed is kept byte for byte as received. This module reads it:

* `decode(data, kind)`: UTF-8 (with or without BOM), UTF-16 (BOM, or the tell-tale
  NUL bytes without one), the encoding a web page declares (`<meta charset>`, a
  `http-equiv` content type or an XML declaration) when its bytes read in it, or
  Windows-1252, in that order; anything else — a PDF, a Word file, an image,
  other binary data — is refused with a message that says what the file looks
  like and what to do. `read_document` also says when a page's declaration and
  its bytes disagree. Control characters (an escape sequence would drive the
  teacher's terminal) and the invisible characters `packet check` refuses in
  content are dropped, line-like ones (form feed, U+2028) become line breaks.
* `article(text, kind)`: the article in the document, without navigation, ads
  or booking pitches, as Markdown-like text (headings as `#` lines), plus the
  title, author and date where the document states them.
  - HTML: trafilatura, a maintained main-text extractor, reading the string it
    is given (it never fetches anything), tables as Markdown tables;
  - plain text and Markdown: the rules below (`_boilerplate`), written against
    web pages saved as text: marketing lines, breadcrumbs, ratings and calls to
    action go; headings and article paragraphs stay.

`seed_text(data, kind)` is what `packet check` compares quotations with: the
decoded text for text and Markdown seeds, the extracted article for HTML.
"""

from __future__ import annotations

import codecs
import collections
import itertools
import re
from dataclasses import dataclass, field
from types import SimpleNamespace
from typing import Any

from .lint import INVISIBLE
from .text import PageSpan

KINDS = {".txt": "text", ".text": "text", ".md": "markdown", ".markdown": "markdown",
         ".html": "html", ".htm": "html",
         ".pdf": "pdf", ".docx": "docx", ".odt": "odt",
         ".png": "image", ".jpg": "image", ".jpeg": "image", ".tif": "image",
         ".tiff": "image"}  # fmt: skip
# Kinds whose text `packet pull` extracts once (`extract.py`; a scan or a photo by OCR,
# `ocr.py`) and stores beside the seed.
EXTRACTED = ("pdf", "docx", "odt", "image")

_MAGIC = (
    (b"%PDF", "a PDF file", "name it .pdf and pull it again"),
    (b"PK\x03\x04", "a Word document or another zipped file (.docx, .odt, .zip)",
     "name a Word file .docx, an OpenDocument file .odt, and pull it again"),
    (b"\xd0\xcf\x11\xe0", "an old Word document (.doc)",
     "open it and save it as plain text (.txt)"),
    (b"{\\rtf", "a Rich Text document (.rtf)", "save it as plain text (.txt)"),
    (b"\x89PNG", "a PNG image", "packet needs the text of an article, not a picture of it"),
    (b"\xff\xd8\xff", "a JPEG image", "packet needs the text of an article, not a picture of it"),
    (b"GIF8", "a GIF image", "packet needs the text of an article, not a picture of it"),
)  # fmt: skip


class SourceError(ValueError):
    """A document packet cannot read; `hint` says how to fix it."""

    def __init__(self, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.hint = hint


@dataclass(frozen=True)
class Decoded:
    """A document's text, the encoding it was read in, and what its declaration said."""

    text: str
    encoding: str  # a Python codec name: "utf-8", "cp1251"…
    declared: str | None = None  # the encoding the page declares, as written
    warning: str = ""  # set when the declaration and the bytes disagree


def decode(data: bytes, kind: str = "text") -> tuple[str, str]:
    """(text, encoding name) of a document's bytes, or SourceError."""
    found = read_document(data, kind)
    return found.text, found.encoding


def read_document(data: bytes, kind: str = "text") -> Decoded:
    """The text of a document of `kind`, or SourceError; see the module docstring."""
    _refuse_non_text(data)
    marked = _by_byte_order(data)
    if marked is not None:
        return marked
    if b"\x00" in data[:4000]:
        raise SourceError("this is a binary file, not text", "save the article as text or HTML")
    declared = _declared(data) if kind == "html" else None
    utf8: str | None = None
    bad_utf8 = 0  # where the bytes stop being UTF-8
    try:
        utf8 = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        bad_utf8 = exc.start
    if declared is None:
        return _undeclared(data, utf8)
    return _as_declared(data, declared, utf8, bad_utf8)


def _refuse_non_text(data: bytes) -> None:
    if not data.strip():
        raise SourceError("the file is empty", "save the article's text into it, or drop it")
    for magic, what, hint in _MAGIC:
        if data.startswith(magic):
            raise SourceError(f"this is {what}, not text", hint)


def _by_byte_order(data: bytes) -> Decoded | None:
    """The text of a UTF-16 or BOM-marked document; None for any other."""
    # A byte-order mark is the strongest sign there is; browsers let it override a declaration.
    if data.startswith(codecs.BOM_UTF8):
        return Decoded(clean(data[3:].decode("utf-8", errors="strict")), "utf-8-sig")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return Decoded(clean(data.decode("utf-16")), "utf-16")
    sample = data[:4000]
    if len(sample) >= 4 and sample.count(0) * 3 >= len(sample):
        # UTF-16 without a BOM: every other byte of Latin text is NUL.
        order = "utf-16-le" if sample[1] == 0 else "utf-16-be"
        try:
            return Decoded(clean(data.decode(order)), order)
        except UnicodeDecodeError:
            pass
    return None


def _as_declared(data: bytes, declared: str, utf8: str | None, bad_utf8: int) -> Decoded:
    """A page's text in the encoding it declares — or, where the bytes deny it, in the one
    they show, with a warning saying so."""
    codec = _codec(declared)
    if codec is None:
        warning = (
            f"the page declares the encoding '{declared}', which packet does not know; "
            f"it was read as {_NAMES[_guess(utf8)]} — check that its letters look right"
        )
    elif codec == "utf-8":
        if utf8 is not None:
            return Decoded(clean(utf8), "utf-8", declared)
        warning = (
            f"the page declares '{declared}' but byte {bad_utf8} is not UTF-8; it was read as "
            "Windows-1252 — if its letters look wrong, save the page again as UTF-8"
        )
    elif utf8 is not None and not data.isascii():
        # Re-saved by an editor that wrote UTF-8 but kept the old declaration: the bytes are
        # valid UTF-8, which text in another encoding almost never is by chance.
        return Decoded(
            clean(utf8),
            "utf-8",
            declared,
            f"the page declares '{declared}' but its text is UTF-8, so it was read as UTF-8 — "
            "check that its letters look right",
        )
    else:
        try:
            return _in_codec(data, codec, declared)
        except UnicodeDecodeError as exc:
            warning = (
                f"the page declares '{declared}' but byte {exc.start} is not {declared}; "
                f"it was read as {_NAMES[_guess(utf8)]} — check that its letters look right"
            )
    found = _undeclared(data, utf8)
    return Decoded(found.text, found.encoding, declared, warning)


def _in_codec(data: bytes, codec: str, declared: str) -> Decoded:
    """The page's text in the (ISO-8859 or other) encoding it declares, or in that encoding's
    Windows twin when it uses bytes only the twin gives letters; UnicodeDecodeError when the
    bytes are not in it."""
    text = data.decode(codec)
    twin = _WINDOWS_TWIN.get(codec)
    if twin and _C1.search(text):
        # Bytes 0x80–0x9F are unused control codes in ISO-8859 and quotation marks,
        # dashes and the euro sign in its Windows twin: the page is really in that.
        return Decoded(
            clean(data.decode(twin, errors="replace")),
            twin,
            declared,
            f"the page declares '{declared}' but uses bytes that only "
            f"{_WINDOWS_NAME[twin]} gives letters or punctuation, so it was read as "
            f"{_WINDOWS_NAME[twin]} — check that its letters look right",
        )
    return Decoded(clean(text), codec, declared)


def _guess(utf8: str | None) -> str:
    return "utf-8" if utf8 is not None else "cp1252"


_NAMES = {"utf-8": "UTF-8", "cp1252": "Windows-1252"}


def _undeclared(data: bytes, utf8: str | None) -> Decoded:
    """UTF-8 when the bytes are UTF-8, otherwise Windows-1252 (what most old pages are)."""
    if utf8 is not None:
        return Decoded(clean(utf8), "utf-8")
    try:
        return Decoded(clean(data.decode("cp1252")), "cp1252")
    except UnicodeDecodeError as exc:
        raise SourceError(
            f"the text is in no encoding packet reads (byte {exc.start})",
            "re-save it as UTF-8 text",
        ) from exc


# Where a web page says what encoding it is in: an XML declaration at the very start, or a
# <meta charset="…"> / <meta http-equiv="Content-Type" content="…; charset=…"> in its head.
_LABEL = rb"([A-Za-z0-9_.:+-]{1,40})"
_XML_DECLARATION = re.compile(rb"^\s*<\?xml\b[^>]*?\bencoding\s*=\s*[\"']" + _LABEL + rb"[\"']")
_META = re.compile(rb"<meta\b[^>]*?\bcharset\s*=\s*[\"']?\s*" + _LABEL, re.I)
_COMMENT = re.compile(rb"<!--.*?(?:-->|$)", re.S)
HEAD_BYTES = 65_536  # a declaration further in than this is not looked for


def _declared(data: bytes) -> str | None:
    """The encoding an HTML page declares, as written, or None."""
    if m := _XML_DECLARATION.match(data[:1024]):
        return m[1].decode("ascii", "replace").strip()
    head = _COMMENT.sub(b"", data[:HEAD_BYTES].split(b"<body", 1)[0].split(b"<BODY", 1)[0])
    if m := _META.search(head):
        return m[1].decode("ascii", "replace").strip()
    return None


# Labels pages use -> the codec browsers read them with (the WHATWG Encoding Standard reads
# ISO-8859-1 and ASCII as Windows-1252, GB2312 as GB18030, Shift_JIS as Windows-31J…). Only
# text encodings: a page cannot ask for Python's other codecs (unicode_escape, rot13, UTF-7).
_LABELS = {
    "utf-8": "utf-8", "utf8": "utf-8", "unicode-1-1-utf-8": "utf-8", "x-unicode20utf8": "utf-8",
    # A declaration written in ASCII bytes cannot be in UTF-16; browsers read such pages as UTF-8.
    "utf-16": "utf-8", "utf-16le": "utf-8", "utf-16be": "utf-8", "unicode": "utf-8",
    "us-ascii": "cp1252", "ascii": "cp1252", "iso-8859-1": "cp1252", "iso8859-1": "cp1252",
    "latin1": "cp1252", "latin-1": "cp1252", "l1": "cp1252", "cp1252": "cp1252",
    "x-cp1252": "cp1252", "iso-8859-9": "cp1254", "latin5": "cp1254", "iso-8859-11": "cp874",
    "tis-620": "cp874", "windows-874": "cp874", "koi8-r": "koi8-r", "koi8r": "koi8-r",
    "koi8-u": "koi8-u", "koi8-ru": "koi8-u", "ibm866": "cp866", "cp866": "cp866",
    "macintosh": "mac-roman", "mac": "mac-roman", "x-mac-roman": "mac-roman",
    "x-mac-cyrillic": "mac-cyrillic", "gbk": "gb18030", "gb2312": "gb18030", "x-gbk": "gb18030",
    "gb18030": "gb18030", "big5": "big5hkscs", "big5-hkscs": "big5hkscs",
    "shift_jis": "cp932", "shift-jis": "cp932", "sjis": "cp932", "x-sjis": "cp932",
    "windows-31j": "cp932", "ms_kanji": "cp932", "euc-jp": "euc_jp", "iso-2022-jp": "iso2022_jp",
    "euc-kr": "cp949", "ks_c_5601-1987": "cp949", "windows-949": "cp949",
}  # fmt: skip
_NUMBERED = re.compile(r"^(?:windows-|cp|x-cp)(125[0-8])$|^iso[-_]?8859[-_](\d{1,2})$")


_C1 = re.compile("[\x80-\x9f]")
_WINDOWS_TWIN = {"iso8859-15": "cp1252", "iso8859-2": "cp1250", "iso8859-7": "cp1253",
                 "iso8859-8": "cp1255", "iso8859-6": "cp1256", "iso8859-13": "cp1257"}  # fmt: skip
_WINDOWS_NAME = {twin: f"Windows-{twin[2:]}" for twin in _WINDOWS_TWIN.values()}


def _codec(label: str) -> str | None:
    """The codec for an encoding a page declares, or None when packet does not know it."""
    label = label.strip().lower()
    if label in _LABELS:
        return _LABELS[label]
    if m := _NUMBERED.match(label):
        if m[1]:
            return f"cp{m[1]}"
        if int(m[2]) in (2, 3, 4, 5, 6, 7, 8, 10, 13, 14, 15, 16):
            return f"iso8859-{int(m[2])}"
    return None


# Line-like controls become line breaks; every other control character, and the invisible
# or direction-changing characters packet check refuses in content, are dropped.
_LINE_LIKE = {0x0B, 0x0C, 0x1C, 0x1D, 0x1E, 0x85, 0x2028, 0x2029}
_CLEAN: dict[int, str | None] = {
    **dict.fromkeys((*range(0x00, 0x09), *range(0x0E, 0x20), *range(0x7F, 0xA0))),
    **dict.fromkeys(_LINE_LIKE, "\n"),
    **dict.fromkeys(INVISIBLE),
}


def clean(text: str) -> str:
    return text.translate(_CLEAN)


@dataclass
class Article:
    title: str | None = None
    author: str | None = None
    date: str | None = None  # as the document writes it
    blocks: list[tuple[str, str]] = field(default_factory=list)  # ("heading"|"para", text)
    skipped: list[str] = field(default_factory=list)  # lines dropped as boilerplate

    @property
    def text(self) -> str:
        return "\n\n".join(text for _, text in self.blocks)


_MARKETING = re.compile(
    r"\b(?:tours?|itinerar(?:y|ies)|booking|book now|travel (?:advisors?|consultants?|ideas)|"
    r"tailor[- ]made|trips?|rated \d|out of 5|featured on|about us|recommended|get inspired|"
    r"create my trip|sign up|subscribe|newsletter|cookies?|privacy policy|terms of use|"
    r"share this|follow us|click here|read more|advertisement|sponsored (?:content|links?|posts?)|"
    r"we offer|contact us|no[- ]risk|we refund|guided tours?|our\s+(?:[\w-]+\s+){0,2}tours?|"
    r"send us an email|here to help|your (?:trip|journey|dates|holiday|vacation)|"
    r"all rights reserved|copyright\s+(?:\(c\)|\d{4})|creative commons)\b|©|copyright\s*:",
    re.IGNORECASE,
)
_BYLINE = re.compile(
    r"^By\s+(?P<author>[A-Z][\w.'’-]*(?:\s+(?!(?:Updated|Published|Posted)\b)[A-Z][\w.'’-]*){0,3})"
    r"(?:\s*[,|·-]?\s*(?P<date>(?:Updated|Published|Posted)?\s*\S.*))?$"
)
# A byline with the writer's role: "By Helen Marsh, Head of History, Kingsmead School" (not
# "By Easter Sunday, Dublin was in flames").
_A_BYLINE = re.compile(
    r"By\s+(?:(?:Dr|Mr|Mrs|Ms|Miss|Prof\.?|Professor)\s+)?[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){1,3}"
    r",\s+(?:Head|Teacher|Editor|Director|Professor|Lecturer|Curator|Officer|Manager|Chair|"
    r"Secretary|Correspondent|Reporter|Librarian|Archivist)\b[^,.\d]{0,60}(?:,\s+[A-Z][^,.\d]{1,60})?"
)
_DATED = re.compile(
    r"^[*_]*(?:Page\s+)?(?:(?:Last\s+)?(?:Updated|Reviewed)|Published|Posted)\s*:?\s*(?:on\s+)?"
    r"(?P<date>[^·|]+?\d{4})(?:\s+by\s+(?P<author>[A-Z][\w.'’ -]{1,40}?))?"
    r"(?:\s+[·|]\s+[^·|]{1,60})*[*_]*$",  # "· Last reviewed 3 September 2024 · Reading time: …"
    re.IGNORECASE,
)
# … "Home > My courses > HIS-A2-EMP > Unit 4: The Empire at War > Lecture notes" (a colon after
# its first part; not "Long-term causes: Alliances > Arms race > …")
_BREADCRUMB = re.compile(
    r"^(?:(?:You\s+are\s+here|Breadcrumbs?|Location)\s*:\s*)?"  # "You are here: Home > …"
    r"[\w’' -]{1,30}\s(?:>|»|/|›)\s(?:[\w’' :-]{1,30}\s(?:>|»|/|›)\s){0,5}[\w’' :-]{1,40}$"
)
# A list item's mark: "- ", "• ", "1. ".
BULLET = re.compile(r"^\s*(?:[•*·▪–-]|\d+[.)])\s+")


def _is_navigation(line: str) -> bool:
    """A menu: three or more short items (words or Markdown links) between | · • separators,
    after any lead-in ("Enjoyed this article? Share it: Facebook · X · Email"); or two or more
    Markdown links with those separators and few words besides ("You might also like: [The
    Silk Road in 10 Objects](…) · […](…)")."""
    items = [link_text(part).strip() for part in re.split(r"[|·•]", line)]
    items[0] = items[0].rsplit(":", 1)[-1].strip()
    if len(items) >= 3 and all(0 < len(item.split()) <= 4 for item in items):
        return True
    links = _MARKDOWN_LINK.findall(line)
    between = _MARKDOWN_LINK.sub(" ", line)
    return (
        len(links) >= 2
        and re.search(r"[|·•›»]", between) is not None
        and len(re.findall(r"\w+", between)) <= 6
    )


def is_handout_furniture(line: str) -> bool:
    """A typed handout's "Name: ______ Class: ____" line, its course line or its footer, or a
    page's comment count ("14 comments") — in a text file or a word processor's."""
    plain = link_text(line).strip(" *")
    return bool(
        _FORM_LINE.search(plain)
        # … a running line of a course, or with its copyright: "… · Handout 5 · © ADAS 2026"
        or (
            _RUNNING_LINE.fullmatch(plain) is not None
            and (_COURSE.search(plain) or "©" in plain or _A_MEETING.search(plain))
            # … of names, not a sentence's parts: "Dr W. G. Grace | the cricketer | played his
            # last Test in 1899 | see Sheet 3" is a row of a table of people
            and not _A_TOLD_PART.search(plain)
        )
        or _COMMENTS.fullmatch(plain)
        or _TRANSCRIPT_LINE.fullmatch(plain)
        or (len(plain.split()) <= _A_PLUG_S_WORDS and _A_SHOW_S_PLUG.search(plain) is not None)
        or (
            len(plain.split()) <= _A_GREETING_S_WORDS
            and _A_SHOW_S_GREETING.match(plain) is not None
            and not re.search(r"\d{3}", plain)  # "That's it … – but remember, … 17 December 1903"
        )
        or _A_BADGE_OR_A_NOTE_S_MARK.fullmatch(line.strip()) is not None
        or _A_LINK_WITHIN_THE_PAGE.fullmatch(line.strip()) is not None
        or (len(plain.split()) <= 20 and _NOT_FOR_READERS.search(plain) is not None)
        or (len(plain.split()) <= 40 and _ABOUT_THE_PAGE.match(plain) is not None)
        or (len(plain.split()) <= 16 and _AN_EMAIL_S.fullmatch(plain) is not None)
        or _AN_EXAM_PAPER_S.fullmatch(plain) is not None
        or (len(plain.split()) <= 40 and _A_JOURNAL_S.fullmatch(plain) is not None)
        or _A_SCHOOL_S_MASTHEAD.fullmatch(plain) is not None
        or _A_CONTENTS_LINE.fullmatch(plain) is not None
        or _A_PLAN_S_LINE.match(plain) is not None
        or (
            _DASHED_RUNNING_LINE.fullmatch(plain) is not None
            and _COURSE.search(plain) is not None
            and not BULLET.match(line)  # "- Unit 731 – the army's … – …": a key term
        )
    )


# An exam paper's or a booklet's furniture: "Turn over ►", "Please turn over for the timeline
# …", "END OF SOURCE BOOKLET", and a
# word processor's file line, "File: Y8_U3_L5_GunpowderPlot_v3.docx · Last edited by …".
_AN_EXAM_PAPER_S = re.compile(
    r"(?:Please\s+)?turn\s+over(?:\s+for\s+[^.!?]{1,60})?\W*|(?-i:END\s+OF\s+(?:THE\s+)?(?:SOURCE\s+)?(?:BOOKLET|PAPER|"
    r"QUESTIONS|EXAMINATION|TEST|INSERT|SECTION\s+[A-Z]))\W*|"
    r"(?:File|Filename|File\s+name)\s*:\s*\S+\.(?:docx?|odt|pdf|pptx?)\b.{0,80}|"
    # … and an insert's cover: its sitting, its paper, what not to do with it, its pages
    # ("Thursday 12 June 2025 – Morning" had been an event: batch 41)
    r"(?-i:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)\s+\d{1,2}\s+[A-Z][a-z]+\s+\d{4}\s*[–—-]\s*"
    r"(?:Morning|Afternoon)\b.{0,40}|"
    r"(?:For|To\s+be)\s+use[d]?\s+with\s+(?:the\s+)?Question\s+Paper\b.{0,40}|"
    r"Do\s+not\s+(?:open|turn\s+over)\s+this\s+(?:insert|booklet|paper|question\s+paper|"
    r"source\s+booklet)\s+until\b[^.]{0,40}\.?|"
    r"Do\s+not\s+(?:send|return)\s+this\s+(?:insert|booklet)\s+for\s+marking\b.{0,80}|"
    r"This\s+(?:document|insert|booklet|question\s+paper)\s+(?:has|consists\s+of)\s+\d{1,3}\s+"
    r"(?:printed\s+)?pages?\b.{0,40}",
    re.IGNORECASE,
)
# A journal article's or an offprint's furniture: "Keywords: Antarctica; Heroic Age; …",
# "Article history: received 18 January 2021; accepted 30 April 2021", "OFFPRINT · …", its
# citation ("Northern Maritime History Review, Vol. 29, No. 2 (Autumn 2021), pp. 141–166"),
# who publishes it and how often, and leave to copy it ("Reproduced for classroom use with the
# permission of …"); a web page's "Posted by … | Last modified …", a notes page's "-- End of
# Week 7 notes --", and a line of underscores to write on.
_A_JOURNAL_S = re.compile(
    # … keywords between semicolons (not a handout's "Key words: serf, villein, manor" or
    # "Key words: Chartism – a working-class movement …")
    r"Key\s?words\s*:\s*[^;.]{1,60}(?:;\s*[^;.]{1,60}){2,}\.?|Article\s+history\s*:\s*[^.]{1,300}|"
    r"(?-i:OFFPRINT)\b.{0,80}|"
    # … a journal's volume and number (not a source's: "Source C: Gibbon, …, Vol. 1, pp. 68–70")
    r"(?!(?:Source|Extract|Document|Interpretation)\b)[^.]{1,100}\bVol\.\s*\d+,?\s+No\.\s*\d+\b"
    r".{0,60}\bpp?\.\s*\d+(?:\s*[–-]\s*\d+)?\.?|"
    # … leave to copy it (not "In 1796 the pamphlet was reprinted with the permission of …")
    r"(?:Published\s+by\s+[^.]{1,100}\.\s+)?(?-i:Reproduced)\s+(?:for\s+[a-z ]{1,30}\s+)?"
    r"(?:with|by)\s+(?:the\s+)?(?:kind\s+)?permission\b[^.]{0,120}\.?"
    r"(?:\s+Not\s+for\s+(?:re)?sale\.?)?|"
    # … how to cite it, who wrote it, and its licence: "To cite this article: Whitcombe, E. M.
    # (2024). …", "About the author: …", "Shared under CC BY-NC 4.0 by … · Viewed 2,317 times"
    r"(?:To\s+)?cite\s+this\s+(?:article|chapter|paper|offprint|page|resource|guide|booklet|"
    r"document|entry)\s*:.{10,400}|"
    # (not a source's author: "About the author: Olaudah Equiano was kidnapped … in 1756")
    r"About\s+the\s+authors?\s*:(?![^.]*\b1[0-8]\d\d\b).{10,400}|"
    r"(?:Shared|Licensed|Published|Made\s+available)\s+under\s+(?:a\s+)?"
    r"(?:CC\s+BY|Creative\s+Commons)\b.{0,150}|"
    r"[^.]{1,80}\s+is\s+published\s+(?:twice|three\s+times|four\s+times|quarterly|monthly|"
    r"annually|weekly)\b[^.]{0,40}\bby\s+the\s+(?:[^.]{0,80}\s)?(?:Society|Association|Press|"
    r"Institute|University|Trust|Council|Department)\.?|"
    r"Posted\s+by\s+[^|·]{1,60}\s[|·]\s(?:Last\s+)?(?:modified|updated|edited)\b[^|·]{0,60}|"
    r"(?:--+|[—–])\s*End\s+of\s+(?:[^-—–]{0,40}\s)?(?:notes|page|section|handout|lecture|"
    r"document|booklet|extract|transcript|file|worksheet)\s*(?:--+|[—–])|_{5,}",
    re.IGNORECASE,
)
# A school's masthead: "Ashdown Vale College – History Department", "Ashgrove Academy —
# History Department" (two parts; three or more are a course line, `_DASHED_RUNNING_LINE`).
_A_SCHOOL_S_MASTHEAD = re.compile(
    r"[A-Z][\w’'.]*(?:\s+[A-Z][\w’'.]*){0,5}\s+(?:College|Academy|School|Institute|University)"
    r"\s*[–—·|-]\s*(?:(?:History|Humanities)\s+Department|Department\s+of\s+History)"
)
# An email newsletter's furniture: its signature's "--", why it came and how to stop it, its
# sign-off ("See you at the spring conference!", "The Bulletin team") and a postal address
# ending in a postcode.
_AN_EMAIL_S = re.compile(
    r"--|(?:You\s+(?:are\s+receiving|received|have\s+received)\s+this|Unsubscribe|"
    r"Manage\s+your\s+(?:preferences|subscription)|To\s+unsubscribe)\b.*|"
    r"See\s+you\s+(?:at|in|next|soon)\b[^.,]{0,40}!?|The\s+[A-Z][\w’'-]*\s+team|"
    r"[^.]{1,80},[^.,]{0,40}\s[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}"
)
# A course line whose parts a dash parts: "A-Level History – Unit 2: The Origins of the First
# World War – Lesson 6" — three parts or more, one saying what course it is (`_COURSE`).
_DASHED_RUNNING_LINE = re.compile(r"[^–—.!?]{1,60}(?:\s[–—]\s[^–—.!?]{1,60}){2,}")


# A line about the page, not from it: its copyright ("© Halloran Museum …. This booklet may be
# photocopied …"), who wrote it ("Written by Dr Helen Marsh, Head of Learning"), a blog post's
# tags ("Tags: Cold War, Poland, …").
_ABOUT_THE_PAGE = re.compile(
    r"©|\((?i:c)\)\s|(?i:copyright)\s+(?:©|\(c\)|\d{4})|"
    # … who printed it, with its copyright: "Printed and published by TCATU Branch 0417. (c)
    # 2025." (not "Published by Penguin in 1962, the book …")
    r"(?:Printed|Published)(?:\s+and\s+(?:printed|published))?\s+by\s+[^.]{1,80}\.\s+"
    r"(?:©|\((?i:c)\))\s*\d{4}\.?$|"
    # … a byline, a name and a role (not a source's provenance: "Written by Nella Last for
    # Mass Observation, Barrow, 1941")
    r"(?:Written|Compiled|Prepared|Produced)\s+by\s+(?:(?:Dr|Mr|Mrs|Ms|Miss|Prof\.?|Professor)\s+)?"
    r"[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,3}(?:,\s+[^,\d]{2,60})?$|"
    r"(?:Tags|Tagged|Filed\s+under)\s*:\s*[^.]{1,200}$|"
    # … who teaches it: "Tutor: Dr Helen Marchetti" (not "Tutor: Roger Ascham", in a fact file)
    r"(?:Tutor|Teacher|Lecturer)\s*:\s*"
    r"(?:Dr|Mr|Mrs|Ms|Miss|Prof\.?|Professor)\s+[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,3}$|"
    # … when it was last changed, and by whom: "Last edited by Ms H. Dlamini on 17 January
    # 2025 · View history"
    # (not "Last updated by Moltke in 1913, the Schlieffen Plan …": a sentence)
    r"(?:Last|Page\s+last)\s+(?:edited|updated|modified|reviewed)(?:\s+(?:by|on)\s+|\s*:\s*|"
    r"\s+(?=\d{1,2}\s+[A-Z][a-z]+\s+\d{4}\s+by\s))"  # "Last edited 19 February 2024 by …"
    r"(?:[^,.!?]|(?<=\b[A-Z])\.){1,80}(?:\s[·|]\s[^.!?]{1,40})?$|"
    # … a wiki's categories, between bars (not "Categories: free men, villeins, …")
    r"Categories\s*:\s*[^|·]{1,80}(?:\s[|·]\s[^|·]{1,80})+$|"
    # … a society's talk notes: who typed them, the next meeting, the speaker and their role
    # ("Speaker: Jean Hollis, Programme Secretary"; not "Speaker: the officer who chairs …")
    r"(?:Notes\s+)?[Tt]yped\s+(?:up\s+)?by\s+[A-Z](?:[^.]|(?<=\b[A-Z])\.){1,80}(?:\.\s.{0,80})?\.?$|"
    r"Next\s+meeting\s*:.{1,200}$|"
    r"Speaker\s*:\s*(?:(?:Dr|Mr|Mrs|Ms|Miss|Prof\.?|Professor)\s+)?[A-Z][\w’'.-]*"
    r"(?:\s+[A-Z][\w’'.-]*){1,3},\s+[A-Z][^.]{1,60}$|"
    # … and asks to be told of a mistake: "Spotted a mistake or have a family connection …?"
    r"(?:Spotted|Found|Noticed)\s+(?:a|an)\s+(?:mistake|error|typo)\b[^?]{0,120}\?\s*"
    r"(?:Get\s+in\s+touch|Contact|Let\s+us\s+know|Tell\s+us|Email|E-mail|Write\s+to|Please)\b.{0,150}$"
)


# A line that says how the page may be used or cited, not what it is about: "Ashcombe Sixth
# Form College History Department — for classroom use only", "Cite this article: …".
_NOT_FOR_READERS = re.compile(
    # … after the line's name, not at a sentence's end ("The minutes were marked not for
    # publication.")
    r"(?:^|[—–:,·|]\s*|\s-\s|\b(?i:reproduced|printed|copied|provided|supplied|licensed)\s+)"
    r"(?:for\s+(?:classroom|class|internal|school|teacher)\s+use(?:\s+only)?|"
    r"not\s+for\s+(?:distribution|circulation|publication)|"
    # … "Week 7 handout – please keep this in your course file and bring it to …"
    r"please\s+(?:keep|bring|file)\s+(?:this|it)\b[^.]{0,80}|"
    # … "– please do not share outside the department." (not "Lincoln told his cabinet: do not
    # circulate the proclamation until …": an order in history)
    r"(?:please\s+)?do\s+not\s+(?:share|copy|distribute|circulate|upload|reproduce)\s+"
    r"(?:(?:this|these|the)\s+[a-z]+\s+)?(?:outside|beyond|without|online|externally|to\s+"
    r"(?:other|external|anyone))\b[^.]{0,60})\s*\.?$|"
    r"^Cite\s+this\s+(?:article|page|entry)\b|"
    # … "This script and its recordings may not be copied, broadcast or distributed without
    # written permission." (batch 41)
    r"^(?:This|These|All|No\s+part\s+of\s+this)\b[^.]{0,60}\bmay\s+not\s+be\s+(?:copied|"
    r"reproduced|broadcast|distributed|shared)\b[^.]{0,60}\bwithout\s+(?:the\s+)?(?:prior\s+)?"
    r"(?:written\s+)?permission\b[^.]{0,60}\.?$",
    re.IGNORECASE,
)


_COMMENTS = re.compile(r"\d{1,5}\s+(?:comments?|replies|responses)", re.IGNORECASE)
# A Markdown page's badges ("[![Year 12](https://img.shields.io/…)](…)") and a note's mark
# ("> [!NOTE]"): no words of the page's.
_A_BADGE_OR_A_NOTE_S_MARK = re.compile(
    r"(?:\[!\[[^\]]*\]\([^)\s]*\)\]\([^)\s]*\)\s*)+|>\s*\[!(?:NOTE|TIP|IMPORTANT|WARNING|CAUTION)\]"
)
# A Markdown page's contents, a link to a part of the page each ("4. [The Atlantic Charter,
# 1941](#the-atlantic-charter-1941)", "[↑ Back to contents](#contents)"): the headings are
# the page's own, where they are.
_A_LINK_WITHIN_THE_PAGE = re.compile(r"(?:(?:[-*+]|\d+[.)])\s+)?\[[^\]]+\]\(#[^)\s]*\)")
# A transcript's furniture: its heading, who spoke and when, a slide or a sound described in
# brackets, who transcribed it; a booklet's page line ("Page 4 of 12 – Revision booklet"),
_TRANSCRIPT_LINE = re.compile(
    r"\[(?:Slide|Image|Figure|Fig\.|Photo|Photograph|Map|Video|Audio|Applause|Laughter|Pause|"
    # … a broadcast's: "[SOUND: SURF, GULLS]", "[BREAK]", "[BREAK ENDS -- MUSIC: …]", "[END OF
    # TRANSCRIPT]" (batch 42's radio documentary)
    r"Inaudible|Music)\b[^\]]{0,200}\]|"
    r"\[(?:(?-i:SOUND|SFX|BREAK|AMBIENCE|THEME|STING)\b|Sound\s*:)[^\]]{0,200}\]|"
    r"\[End\s+of\s+(?:transcript|episode|programme|program)\]|"
    # … a podcast's: a cue in capitals ("[SPONSOR READ]", "[END MID-ROLL]") or a time-stamp
    # alone ("[01:40]"), its transcript's heading and its credits (batch 43)
    # (not a source's "[REDACTED]", "[SEAL]" or "[ILLEGIBLE]")
    r"\[(?-i:(?:END\s+(?:OF\s+)?)?(?:SPONSOR|MID-ROLL|PRE-ROLL|POST-ROLL|AD|ADVERT|PROMO|INTRO|"
    r"OUTRO|JINGLE|THEME)\b[A-Z ,;'’-]{0,50})\]|\[\d{1,2}:\d\d(?::\d\d)?\]|Full\s+Transcript|"
    # … "Written and hosted by Dana Whitcombe | Produced by Sam Okafor" (not a sources table's
    # "Produced by the Ministry of Information | 1940 | poster")
    r"(?:Written|Hosted|Produced|Presented)(?:\s+and\s+(?:written|hosted|produced|presented))?"
    r"\s+by\s+[A-Z][^.|]{1,60}\|\s*(?:Produced|Hosted|Edited|Mixed|Music|Theme\s+music|Sound|"
    r"Written|Presented)\b.{0,200}|"
    # … its station's and sponsors' lines, its credits and notices: "STATION ID: You're
    # listening to …", "UNDERWRITING: Support for …", "Speakers: HOST; NARRATOR; READER"
    r"(?:Episode\s+\d{1,4}\s*(?:--|[-–—:|])|(?:Original\s+)?air\s+date\s*:)\s*.{1,200}|"
    r"(?:Station\s+ID|Underwriting|Sponsor(?:ed\s+by)?|Credits|Transcript\s+notice)\s*:\s*"
    r".{1,400}|Speakers\s*:\s*[A-Z][A-Z ]+(?:\s*[;,]\s*[A-Z][A-Z ]+(?:\s*\([^()]{1,40}\))?)+|"
    r"Transcript(?:\s+credits)?\s*[-–—:|].{1,150}|Transcribed\s+by\s+.{1,80}|"
    r"Questions\s+from\s+the\s+audience\s+(?:were|was)\s+not\s+recorded\.?|"
    r"(?:Dr|Professor|Prof\.|Mr|Mrs|Ms)\s+[A-Z][^.]{0,100}[-–—]\s*recorded\s+(?:on\s+)?"
    r"\d{1,2}\s+[A-Z][a-z]+\s+\d{4}|"
    # … and a lecture's or a booklet's: "Lecture 4 of 8 - Ireland and the Union"
    r"(?:Page|Lecture|Handout|Booklet|Sheet)\s+\d+\s+of\s+\d+"
    r"(?:\s*[-–—|·:]\s*.{1,60})?",
    re.IGNORECASE,
)


# A podcast's plugs, in its show notes or its transcript: "This episode is sponsored by … Use
# code HANGAR15 …", "Subscribe … wherever you get your podcasts", "Leave us a rating and a
# review", "Timestamps are approximate" (batch 43's transcript).
_A_SHOW_S_PLUG = re.compile(
    r"\b(?:this\s+(?:episode|show|podcast)\s+is\s+(?:sponsored|brought\s+to\s+you|supported|"
    r"made\s+possible)\s+by|(?:is|are)\s+supported\s+by\s+listeners\s+like\s+you|"
    # … a promo code of letters and digits (not a signal's "use code RRR")
    r"use\s+(?:the\s+)?(?:promo\s+)?code\s+(?-i:[A-Z]+\d+[A-Z\d]*)|"
    r"wherever\s+you\s+(?:get\s+your\s+podcasts|listen)|leave\s+us\s+a\s+(?:rating|review)|"
    r"ad-free\s+(?:episodes|feed)|timestamps\s+are\s+approximate|"
    r"running\s+time\s*:\s*\d{1,2}:\d\d)\b",
    re.IGNORECASE,
)
_A_PLUG_S_WORDS = 60
# … and its greetings and sign-offs, opening a short line with no date in it: "Hello and
# welcome to Hangar Nine, the podcast about …", "That's it for this episode of …" (not a
# quoted "'Hello and welcome to Our World,' the presenter began on 25 June 1967")
_A_SHOW_S_GREETING = re.compile(
    r"(?:hello\s+and\s+welcome\s+to|welcome\s+to\s+[^.,]{1,40},\s+the\s+podcast|"
    r"that[’']s\s+(?:it|all)\s+for\s+this\s+(?:episode|week)|thanks\s+as\s+always\s+to\s+our)\b",
    re.IGNORECASE,
)
_A_GREETING_S_WORDS = 25
# A line to write on: "Name: ______________   Class: ________", "Date: ___/___/____". Each
# label starts with a letter and holds no "_", so a run of "_" is read one way only.
_FORM_LINE = re.compile(r"^(?:[^\W_][^_:\n]{0,19}:?\s*_{3,}[_/\s]*)+$")
# A typed handout's course line or footer: short parts between " | " or " · " (a word
# processor's), no sentence among them,
# one saying what course, unit or sheet it is ("Year 10 History | Unit 4: Britain and Ireland,
# 1900-1923 | Handout 7", "GCSE History | Unit 3: British India, 1900-1947") — not a table's
# row ("1919 | Amritsar massacre").
# … whose parts may hold a stop that ends no sentence: "7.30 pm", "www.adas.org.uk", "Dr H.
# Maseko", "Handout No. 5".
_PART_OF_A_RUNNING_LINE = (
    r"(?:[^|·.!?]|(?<=\w)\.(?=\w)|(?<=\b[A-Z])\.|(?<=\s(?:No|Dr|St|Mr|Ms))\.){1,80}"
)
_RUNNING_LINE = re.compile(rf"{_PART_OF_A_RUNNING_LINE}(?:\s[|·]\s{_PART_OF_A_RUNNING_LINE})+\.?")
# A contents line: "Contents: Key terms · 1. The Franks … · 2. …", "IN THIS ISSUE: From the
# Archive p.1 | Key dates p.3 | Notices p.4" — its parts between dots or bars.
_A_CONTENTS_LINE = re.compile(
    r"(?i:contents|in\s+this\s+(?:issue|guide|pack|booklet|reader|edition))\s*:\**\s+"
    r"[^|·]{1,80}(?:\s[|·]\s[^|·]{1,80}){2,}"
)
# A course plan's line: "Session 3 · 27 January · Ireland, the longphuirt …", "Week 7 – 2 March:
# the Great Army", "Half-term · 17 February · No class" (a teacher's read of batch 40: a
# reader's ten sessions of 2026 on a Viking timeline).
_A_PLAN_S_LINE = re.compile(
    r"(?:(?i:session|week|lesson|lecture|seminar|class|tutorial|workshop)\s+\d{1,2}|"
    r"(?i:half[-\s]term|reading\s+week))\s*[·|–—:-]\s*"
    r"(?:(?i:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?\d{1,2}(?:st|nd|rd|th)?\s+"
    r"(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
    # … of this century, or without a year before a plan's dot or bar — not a day of the
    # history: "Week 1 – 4 August 1914 – Britain declares war on Germany.", "Week 1 – 10 July
    # – The Luftwaffe attacks convoys." (hostile passes 58, 60)
    r"(?:,?\s+20\d\d\s*[·|–—:-]|\s*[·|]).*$"
)
_A_TOLD_PART = re.compile(
    r"(?:^|\s)(?:[a-z]{3,}ed|was|were|had)\s+(?:his|her|their|its|the|a|an)\b"
)
# … or a meeting's, its weekday, its hour and its hall: "Thursday 22 January 2026 · 7.30 pm ·
# Old Grammar School Hall" (not a timeline's "6.30 am | American troops land on Omaha Beach")
_A_MEETING = re.compile(
    # … "Tuesdays …" too, in a course of this century's ("… 13 January – 24 March 2026"; not a
    # workhouse's "Sundays · 9.30 am · Divine service in the Chapel": hostile pass 59)
    r"\b(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b|"
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)s\b(?=.*\b20\d\d\b)).*"
    r"\b\d{1,2}[.:]\d\d\s*[ap]\.?m\b.*\b(?:Hall|Room|Centre|Center|Library|Church|Chapel|"
    r"Theatre|Museum|School|Institute)\b",
    re.IGNORECASE,
)
_COURSE = re.compile(
    r"\b(?:Year\s+\d{1,2}|Grade\s+\d{1,2}|GCSE|A[- ][Ll]evel|Key\s+Stage\s+\d|KS\d|"
    r"Unit\s+\d{1,2}|Lesson\s+\d{1,2}|(?i:handout|worksheet|booklet)|Department|Page\s+\d+|"
    r"Sheet\s+\d+|"
    # … a university's: "HIST1107 Rome: From Republic to Principate · Week 6 · Seminar handout"
    # … and a course code: "HIST1107", "HIS-C214", "Component 2", "Paper 3"
    r"Week\s+\d{1,2}|Seminar|[A-Z]{3,5}(?:\s?|-[A-Z])\d{3,4}|(?:Component|Paper)\s+\d|"
    # … an adult course's and an exhibition's: "Kingsbridge University · Centre for Lifelong
    # Learning · Certificate in Ancient History", "Exhibition catalogue · Section 3 of 5"
    r"University|College|Centre\s+for|Course\s+code|Certificate\s+in|Diploma\s+in|credits|"
    r"(?i:exhibition\s+catalogue)|Section\s+\d+\s+of\s+\d+|Galleries|Gallery\s+\d+|Module\s+\d+|"
    # … who teaches or keeps it: "Lecturer: Dr Ruth Ashdown · r.ashdown@…", "Maintainer: …"
    r"(?:Lecturer|Tutor|Instructor|Maintainer|Course\s+leader)\s*:)"
)
_MARKDOWN_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_ONLY_A_LINK = re.compile(r"(?:[-*+]\s+)?\[[^\]]+\]\([^)]*\)\s*")


def link_text(line: str) -> str:
    """A Markdown line as it reads: "[Home](/) › [Asia](/asia)" is "Home › Asia"."""
    return _MARKDOWN_LINK.sub(r"\1", line)


def _is_marketing(line: str) -> bool:
    """A line selling something: one marketing phrase in a short line, two in a long one — a
    word history uses too ("tour", "trip", "booking", "recommended") only with another, or in
    a line of a few words ("Tours and trips"): "Castro entered Havana after a victory tour
    across the island." and "The commission recommended self-rule." are the article's."""
    hits = {m.group(0).lower() for m in _MARKETING.finditer(line)}
    words = len(line.split())
    if words > _FEW_WORDS and len(hits) == 1 and _WORD_HISTORY_USES.fullmatch(next(iter(hits))):
        return False
    return len(hits) >= (1 if words <= 25 else 2)


_FEW_WORDS = 6
_WORD_HISTORY_USES = re.compile(r"tours?|trips?|booking|recommended")


def _heading_like(line: str) -> bool:
    """A short line starting with a capital that does not end as a sentence does (its
    closing quotation marks, brackets and note's mark aside: "… in November 1857.[6]")."""
    words = line.split()
    ending = _CLOSING.sub("", line.rstrip())
    if _KEY_WORD.match(line) or _an_acronym_s_line(line):
        return False  # "Chronicler - a writer who recorded events year by year": a key word
    capital = line[:1].isupper() or _SECTION_NUMBER.match(line) is not None
    return 0 < len(words) <= 12 and not ending.endswith(_STOPS) and capital


# A book's section number before a heading: "7.1  Defeat by Japan, 1894–1895", "7  The
# Hundred Days' Reform" (not a numbered question: "2. Explain the causes of the war").
_SECTION_NUMBER = re.compile(r"\d{1,2}(?:\.\d{1,2})+\s+[A-Z]|\d{1,2}\s{2,}[A-Z]")


# A key word and its meaning, as a handout lists them: "Lord Chancellor - the king's chief
# minister", "Poll tax: a tax charged on every person", "Capitulation - surrender to an
# enemy", "GOC - General Officer Commanding, the senior army officer …".
_KEY_WORD = re.compile(
    r"[^\W\d][^–—:|-]{0,40}?(?:\s[-–—]|:)\s+(?:a|an|the|to)\s|"
    # … one word glossed in four words or more, or with a comma (not "History Department -
    # keep this sheet", "Version 3 – issued …", "Chartism – aims and methods")
    r"[^\W\d][\w’'-]{1,30}\s[-–—]\s+(?![a-z]+ed\b)[a-z]{3,}(?:\s+[\w’'-]+){3,}|"
    r"[^\W\d][\w’'-]{1,30}\s[-–—]\s+(?![a-z]+ed\b)[a-z]{3,}[^,]*,"
)


def _an_acronym_s_line(line: str) -> bool:
    """Whether `line` is an acronym and its expansion: "POW - prisoner of war", "GOC - General
    Officer Commanding, the …" (the initials spell it; not "USSR – Stalin's Five-Year Plans").
    """
    if (m := re.match(r"([A-Z]{2,6})\s[-–—]\s+(.+)", line)) is None:
        return False
    words = re.findall(r"[A-Za-z][\w’'-]*", m[2])
    main = [w for w in words if w.lower() not in ("of", "and", "the", "for")]
    return any("".join(w[0] for w in ws[: len(m[1])]).upper() == m[1] for ws in (words, main))


_CLOSING = re.compile(r"(?:\[\d{1,3}\]|[”\"’'»)\]])+$")
_STOPS = (".", ",", ";", ":", "?", "!", "…")


_PAGE_KEYS = {
    "title", "layout", "author", "date", "tags", "categories", "description", "permalink",
    "slug", "draft", "weight", "lang", "summary", "last_updated", "lastmod", "nav_order",
    "last_modified",
}  # fmt: skip


# A line of front matter: "key: value", "key:" over a list, or the list's "- item".
_A_FIELD = re.compile(r"([a-z][A-Za-z0-9_-]*):(?:\s+(.+))?$|-\s")  # "dateCreated:" too


def _front_matter(lines: list[str], article: Article) -> tuple[list[str], dict[str, str]]:
    """A Markdown page's lines after its front matter — "---", then lines of "key: value" (a
    list's "- item" too), then "---" — as a site generator or wiki keeps it, and its fields by
    name; its lines are noted as dropped, its `author:` and `date:` taken. A page without
    front matter is returned whole, with no fields."""
    end = next((i for i, line in enumerate(lines[1:61], 1) if line in ("---", "...")), None)
    if not lines or lines[0] != "---" or end is None or end == 1:
        return lines, {}
    fields = lines[1:end]
    read = [_A_FIELD.match(line) for line in fields]
    # … a site's keys, in lower case, one of them a page's ("title", "layout"): not a box of
    # "Summary: …" or "Armistice: an agreement …" between two rules
    if not all(read) or not {m[1] for m in read if m and m[1]} & _PAGE_KEYS:
        return lines, {}
    named = {m[1]: m[2].strip("\"'") for m in read if m and m[2]}
    article.skipped += fields
    article.author = article.author or named.get("author")
    # … or, with no date, when it was last changed: "last_modified: 2024-02-19"
    changed = next(
        (named[k] for k in ("last_modified", "last_updated", "lastmod") if k in named), None
    )
    article.date = article.date or named.get("date") or changed
    return lines[end + 1 :], named


def _text_article(text: str, kind: str) -> Article:
    article = Article()
    lines = [line.strip() for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    lines = [line for line in lines if line]
    email = Article()  # an e-mail's headers: its subject, sender and date
    if kind != "markdown":
        lines = _after_an_email_s_headers(lines, text, email, article)
        article.title = email.title
        lines = _from_bylined_title(lines, article, short=email.title is not None)
    # … the subject is the title unless a byline marks the article's own (hostile pass 58:
    # "The Day the Dam Broke / By Richard Burkert" under "Subject: May newsletter")
    subject = email.title if article.title == email.title else None
    lines, named = _front_matter(lines, article) if kind == "markdown" else (lines, {})
    kept = _blocks(lines, kind, article)
    article.title = article.title or named.get("title")
    # What is left of a dropped line is dropped too: a bare "Share it:" under the share menu
    # "Share it: Facebook · X · Email" (content may not repeat a dropped line's words).
    # (A heading an in-page menu links to stays: "[Key people](#key-people)" names it.)
    left = [
        b
        for b in kept
        if len(b[1].split()) <= 6
        and any(b[1] in d and f"[{b[1]}](#" not in d for d in article.skipped)
    ]
    article.skipped += [line for _, line in left]
    kept = [b for b in kept if b not in left]
    # A reference entry opens with its headword: "Khmer Rouge, (French: …) also called …"
    headword = (
        re.match(r"^([A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,5}),\s", kept[0][1]) if kept else None
    )
    if article.title is None and headword and kept[0][0] == "para":
        article.title = headword[1]
    if subject is not None and article.title != subject:
        article.skipped += [article.title] if article.title else []
        article.title = subject
    article.author = article.author or email.author  # a byline's before the sender's
    article.date = article.date or email.date
    # A heading left with nothing under it (its paragraphs were all marketing) goes too.
    for i, (role, line) in enumerate(kept):
        if role == "heading" and (i + 1 == len(kept) or kept[i + 1][0] == "heading"):
            article.skipped.append(line)
        else:
            article.blocks.append((role, line))
    return article


def _after_an_email_s_headers(
    lines: list[str], text: str, email: Article, article: Article
) -> list[str]:
    """An e-mail's lines after its headers ("From: …", "To: …", "Subject: …", "Date: …", the
    text's first lines up to a blank one, as a newsletter saved as text opens), noted as
    dropped; its subject, sender's name and date go into `email` (a teacher's read of batch
    40: "From: Conemaugh Valley History Museum <…>" was the title, and every glossary entry
    was credited to it). A quoted telegram's "From:" after a blank line is the text's."""
    plain = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff \t\n")
    block = re.split(r"\n[ \t]*\n", plain, maxsplit=1)[0].splitlines()
    # … a header wrapped onto its next line goes on with a space ("To: a, b,\n  c")
    first = [line.strip() for line in block if not line[:1].isspace()]
    headers = list(itertools.takewhile(_AN_EMAIL_HEADER.match, first[:16]))
    named = {m[1].lower(): m[2] for m in map(_AN_EMAIL_HEADER.match, headers) if m}
    if len(headers) < len(first) or "subject" not in named or "from" not in named:
        return lines
    article.skipped += headers
    email.title = named["subject"].strip()
    sender = re.sub(r"\s*<[^<>]*>\s*$", "", named["from"]).strip(" \"'")
    email.author = sender if sender and "@" not in sender else None
    email.date = named.get("date")
    return lines[len(headers) :]


# (an e-mail's header names only, in any case: "Importance:", "Attachments:", "X-Mailer:" too —
# not a key word's "Abolition: …" line after them: hostile pass 60)
_AN_EMAIL_HEADER = re.compile(
    r"(From|To|Cc|Bcc|Subject|Date|Sent|Reply-To|Importance|Priority|Attachments?|Sender|"
    r"Organi[sz]ation|Classification|Message-ID|MIME-Version|Content-Type|X-[A-Za-z-]+):\s+(.+)$",
    re.IGNORECASE,
)


def _from_bylined_title(lines: list[str], article: Article, *, short: bool = False) -> list[str]:
    """The lines after the title, when a byline near the top marks it (a short one, under an
    e-mail's subject: `short`): the heading just above the byline is the title; whatever
    comes before it (a site's name, a breadcrumb) is page furniture."""
    # (under an e-mail's subject, a byline of a few words: not "By Easter Monday 1916 the rebels
    # held …", hostile pass 59; a site's "By Sarah Jones | Published 14 March 2024 | 6 min
    # read" marks its title: hostile pass 60)
    byline = next(
        (
            i
            for i, line in enumerate(lines[:12])
            if _BYLINE.match(line) and not (short and len(line.split()) > 10)
        ),
        None,
    )
    if byline is None:
        return lines
    title_at = next((i for i in range(byline - 1, -1, -1) if _heading_like(lines[i])), None)
    if title_at is None:
        return lines
    article.title = lines[title_at]
    article.skipped.extend(lines[:title_at])
    return lines[title_at + 1 :]


_RUNNING_HEAD = re.compile(r"^[^a-z]+$|\s[·|]\s|\b(?i:chapter|part|unit|page|section)\s+[\dIVX]")
# … or a title of four words or more, each long word capitalised: "A History of Medieval
# England", "St Mary's School History Department" (not "Question from the interviewer")
_A_TITLE_LINE = re.compile(r"^(?:(?:[A-Z\d][^\s]*|[a-z]{1,3})\s+){3,}[A-Z\d][^\s]*(?<![?:])$")


def _a_title_between_paragraphs(line: str, at: list[int], lines: list[str]) -> bool:
    """Whether `line` is a title that each time it comes (`at`) stands between two
    paragraphs, as a book's running head does at a page break — not a heading repeated over
    each part of a revision sheet ("Henry VII" | "Key Dates and Events" | …)."""
    if not _A_TITLE_LINE.match(line):
        return False
    return all(
        0 < i < len(lines) - 1 and not (_heading_like(lines[i - 1]) or _heading_like(lines[i + 1]))
        for i in at
    )


def _blocks(lines: list[str], kind: str, article: Article) -> list[tuple[str, str]]:
    """The article's headings and paragraphs, in order; what else the lines hold goes into
    `article` (title, author, date, skipped)."""
    kept: list[tuple[str, str]] = []
    # A running head a book saved as text repeats at each page break ("CHAPTER 7 · REFORM
    # AND REACTION"): a short heading-like line, three times or more, in capitals or in parts
    # or naming a chapter, or a title of four words or more (not a worksheet's "Task" heading
    # over each of three tasks).
    places: dict[str, list[int]] = collections.defaultdict(list)
    for i, line in enumerate(lines):
        places[line].append(i)
    running = {
        line
        for line, at in places.items()
        if len(at) >= 3
        and _heading_like(line)
        and (_RUNNING_HEAD.search(line) or _a_title_between_paragraphs(line, at, lines))
    }
    for i, line in enumerate(lines):
        if line in running:
            article.skipped.append(line)
            continue
        following = lines[i + 1] if i + 1 < len(lines) else ""
        if kind != "markdown" and _UNDERLINE.fullmatch(line):
            continue  # a heading's underline (read with the heading above it), or a rule
        if kind == "markdown" and re.fullmatch(r"(?:[-*_]\s*){3,}", line):
            continue  # a rule ("---", "* * *") between parts
        # … a numbered one too: "1. THE "SINGAPORE STRATEGY" AND THE NAVAL BASE\n-------"
        numbered = re.fullmatch(r"\d{1,2}\.\s+[A-Z][^.!?]{0,100}", line) is not None
        if (
            kind != "markdown"
            and _UNDERLINE.fullmatch(following)
            and (_heading_like(line) or numbered)
        ):
            _underlined(line, following, article, kept)
            continue
        block = _block(line, following, kind, article, kept)
        if block is not None:
            kept.append(block)
    return kept


# A plain-text heading's underline: "OUTLINE\n-------", "THE FALL OF SINGAPORE\n======".
_UNDERLINE = re.compile(r"={3,}|-{3,}")
# A table's row, "| John Rolfe (1585–1622) | colonist … |", and the rule under its head,
# "|---|:---:|", in Markdown or a text file written like it (the rule is kept: it tells a
# table's head from its rows, and where one table ends and the next begins).
TABLE_ROW = re.compile(r"\|(?:[^|\n]*\|){2,}")
TABLE_RULE = re.compile(r"\|?(?:\s*:?-{3,}:?\s*\|)+(?:\s*:?-{3,}:?\s*)?")


def _underlined(line: str, underline: str, article: Article, kept: list[tuple[str, str]]) -> None:
    """A plain-text heading over its underline: the title when nothing is read yet, or when
    "=" underlines it before any paragraph and after page furniture (the line first taken for
    the title, a site's name over a breadcrumb, is furniture too); else a heading."""
    first = article.title is None and not kept
    after_furniture = (
        underline.startswith("=")
        and not any(role == "para" for role, _ in kept)
        and bool(article.skipped)
        and article.title not in article.skipped
    )
    if first or after_furniture:
        if article.title is not None:
            article.skipped.append(article.title)
        article.title = line
    else:
        kept.append(("heading", line))


def _block(
    line: str, following: str, kind: str, article: Article, kept: list[tuple[str, str]]
) -> tuple[str, str] | None:
    """("heading" | "para", text) for a line of the article; None for the title, byline or
    date (noted in `article`) and for page furniture (added to its `skipped`)."""
    contents = re.fullmatch(
        r"(?:Contents|Table\s+of\s+contents|On\s+this\s+page)", line.strip("*#: ")
    )
    if (
        _is_navigation(line)
        or is_handout_furniture(line)
        or (kind == "markdown" and _ONLY_A_LINK.fullmatch(line))
        or (contents and _ONLY_A_LINK.fullmatch(following))  # "**Contents**" over its links
    ):
        article.skipped.append(line)  # a menu, a handout's course line, or "- [How Bismarck …](/…)"
        return None
    if kind == "markdown" and (m := re.match(r"^(#{1,6})\s+(.*)$", line)):
        heading = m[2].strip()
        # … the page's "# …" heading before its text is its title, not a line above it ("Edit
        # this page · History · Last changed …", "Year 8 History": furniture then), unless it
        # names a part of the page ("# Introduction")
        if m[1] == "#" and (article.title is None or (not kept and not _A_PART.match(heading))):
            if article.title is not None:
                article.skipped.append(article.title)
            article.title = heading
            return None
        return ("heading", heading)
    if not kept and _noted_before_text(line, article):
        return None
    if kept and _A_BYLINE.fullmatch(line):
        article.skipped.append(line)  # a feature's byline after a newsletter's first lines
        return None
    if _is_marketing(line) or _BREADCRUMB.match(link_text(line).replace("*", "")):
        article.skipped.append(line)
        return None
    if _heading_like(line) and not BULLET.match(line):
        if _heading_like(following) or _is_marketing(following) or not following:
            article.skipped.append(line)  # a breadcrumb, or the heading of an ad
            return None
        return ("heading", line)
    return ("para", BULLET.sub("", line) if BULLET.match(line) else line)


# A "# …" heading that names a part of a page, not the page: under "The Cold War, 1945–91",
# "# Introduction" leaves the title as it is.
_A_PART = re.compile(
    r"(?:Introduction|Overview|Background|Summary|Contents|Notes|Aims|Objectives|Context|"
    r"Key\s+(?:terms|words|dates|people))\b",
    re.IGNORECASE,
)


def _noted_before_text(line: str, article: Article) -> bool:
    """Whether a line before the article's text is its title (or the title repeated: page
    title, then the article's own heading), byline or date — noted in `article`."""
    breadcrumb = _BREADCRUMB.match(link_text(line).replace("*", ""))  # "Home › APUSH › …"
    if article.title is None and _heading_like(line) and not breadcrumb:
        article.title = line
        return True
    if line == article.title:
        return True
    if m := _BYLINE.match(line):
        article.author = m["author"]
        if m["date"]:
            article.date = m["date"].strip()
        return True
    if m := _DATED.match(line):
        article.date = m["date"].strip()
        article.author = article.author or m["author"]
        return True
    return False


# `&#27;` (an escape) and other references to control characters: lxml gives up on the
# whole page when it meets one, so they go before the page is parsed.
_CONTROL_REFERENCE = re.compile(r"&#(?:[xX]0*([0-9a-fA-F]{1,6})|0*([0-9]{1,7}));?")


def _drop_control(m: re.Match[str]) -> str:
    number = int(m[1], 16) if m[1] else int(m[2])
    control = number < 0x20 and number not in (0x09, 0x0A, 0x0D)
    return "" if control or number == 0x7F else m[0]


# A box of key words beside the article (`<aside>` with a heading such as "Key words"): part of
# the lesson, which an extractor would drop with the page's other asides.
_ASIDE_TAG = re.compile(r"<(?P<closing>/?)aside\b(?P<attributes>[^<>]*)>", re.IGNORECASE)
_KEY_WORDS = re.compile(
    r"<h[1-6][^<>]*>\s*(?:Key\s+(?:words|terms|vocabulary)|Glossary|Vocabulary|Word\s+help)\b",
    re.IGNORECASE,
)


def _key_words_kept(page: str) -> str:
    """`page` with each `<aside>` that holds key words made a `<section>` (one pass over its
    aside tags: an opening tag and the closing one after it). An aside after `</main>` — a
    sidebar, which the extractor never reads — gives its panels of key words alone (not its
    contents list or reading list), moved to the article's end."""
    out: list[str] = []
    moved: list[str] = []
    end = _where_the_article_ends(page)
    at = 0
    opening: re.Match[str] | None = None
    for tag in _ASIDE_TAG.finditer(page):
        if not tag["closing"]:
            opening = tag
            continue
        if opening is not None and _holds_key_words(page[opening.end() : tag.start()]):
            out.append(page[at : opening.start()])
            inside = page[opening.end() : tag.start()]
            panels = _panels_of_key_words(inside) if 0 <= end < opening.start() else []
            moved += panels
            if not panels:
                out += [f"<section{opening['attributes']}>", inside, "</section>"]
            at = tag.end()
        opening = None
    kept = "".join([*out, page[at:]])
    if not moved:
        return kept
    # … into the longest `<article>` (which trafilatura reads), else at `</main>`'s place
    articles = list(_AN_ARTICLE.finditer(kept))
    end = _longest(articles).end("body") if articles else _where_the_article_ends(kept)
    return kept[:end] + "".join(moved) + kept[end:]


def _where_the_article_ends(page: str) -> int:
    """Where a page's article ends, after which an aside is a sidebar: the end of its longest
    `<article>` if that holds most of the page's words (not a source card inside `<main>`, nor
    a header's promo card: hostile pass 56), else its `</main>`; -1 if it has neither."""
    main = page.lower().rfind("</main")
    articles = list(_AN_ARTICLE.finditer(page))
    if not articles:
        return main
    longest = _longest(articles)
    # … an article that holds most of the page's words, not a header's promo card
    most = 2 * len(_TAG.sub("", longest[0])) > len(_TAG.sub("", page))
    if not most:
        return main
    if main >= 0 and re.search(r"<article\b", longest["body"], re.IGNORECASE):
        return main  # (an article holding a card that is one: where it ends is not read here)
    # … and a sidebar inside `<main>`, after the article (batch 41: a museum page's "Key terms")
    return longest.end("body") if main < 0 else min(main, longest.end("body"))


def _longest(found: list[re.Match[str]]) -> re.Match[str]:
    return max(found, key=lambda m: len(m[0]))


_TAG = re.compile(r"<[^>]+>")  # an HTML tag, for the words between tags
_AN_ARTICLE = re.compile(r"<article\b[^>]*>(?P<body>.*?)</article\s*>", re.IGNORECASE | re.DOTALL)


def _words_and_meanings(html: str) -> bool:
    """Whether a panel's first items after its heading are two words or more, each with a
    dash, a colon or "=" and what it means, as list items, paragraphs or a definition list's
    entries (its contact lines or share links after them go: `_the_words_listed`)."""
    heading = _A_KEY_WORDS_HEADING.search(html)
    return len(_the_run_of_words(html, heading.end() if heading else 0)) >= 2


def _the_run_of_words(html: str, start: int) -> list[str]:
    """The items after `start` (a key-words heading's end) that are words and their meanings,
    in the first list or table after it, or the paragraphs up to the next heading — an
    introduction, a table's header row or an icon before them passed over (hostile pass 59),
    and what comes after them left: contact lines, share links, events (hostile pass 58)."""
    words: list[str] = []
    while first := _AN_ITEM.search(html, start):  # (past a sub-heading over a group)
        end = _THE_LIST_ENDS.search(html, first.end())
        region = html[start : end.end() if end else len(html)]
        items = _AN_ITEM.findall(region)
        listed = [item for item in items if _a_word_and_its_meaning(item)]
        # … and on to the next list while all of one's items are words (a panel of two
        # columns: hostile pass 56), not past a heading ("Visit", "Fact file": hostile pass 60)
        # (a word that is a link there is a related page's: "<a …>Cholera</a> – how John Snow …")
        linked = [re.match(r"\s*(?:<(?!a\b)[^>]+>\s*)*<a\b", item, re.I) for item in items]
        # … nor a list of events after the words ("Family trail – free with admission")
        offers = any(_AN_OFFER.search(_TAG.sub("", item)) for item in items)
        more = (
            len(listed) == len(items)
            and not all(linked)
            and not offers
            and not re.search(r"<h[1-6]\b", region, re.I)
        )
        if words and not more:
            break
        words += listed
        if end is None or not listed:
            break
        start = end.end()
    return words


def _a_word_and_its_meaning(item: str) -> bool:
    """Whether a list's item is a word, a dash, colon or "=" and what it means: not a dated
    line ("Sat 1 June 2024: walking tour"), a phone number, an address or a link."""
    m = _A_WORD_AND_ITS_MEANING.match(item)
    if m is None:
        return False
    word, meaning = _TAG.sub("", m["word"]), _TAG.sub("", m["meaning"])
    # … a meaning that is only a link ("Find out more – <a …>visit our medieval gallery</a>")
    linked = re.fullmatch(r"\s*<a\b[^>]*>[^<]*</a>[\s.]*", m["meaning"], re.IGNORECASE)
    return not (
        linked is not None
        or _A_PAGE_S_ACTION.fullmatch(word.strip().rstrip(":"))
        # … a writing frame's, an exam's or a guide's words, a tag's count, an index's letter
        # or a mark scheme's level ("However – use this to …", "Explain – give reasons …",
        # "Fyrd – say it FERD", "Normans – 12 posts", "A – Abbey, Abbot", "Level 2 – …":
        # hostile pass 65)
        or _NOT_A_MEANING.match(meaning) is not None
        or re.fullmatch(r"[A-Z]|(?i:level|band|grade)\s+\d+", word.strip()) is not None
        or re.search(r"\b\d{4}\b|^Q\d", word.strip())
        or _A_PAGE_S_FIELD.fullmatch(word.strip().rstrip(":"))
        or meaning.rstrip().endswith("?")  # a quiz's question
        or re.fullmatch(r"\+?[\d\s().-]{6,}", meaning.strip())
        or re.search(r"@|https?://|www\.", meaning)
        or _A_DATE_OR_TIME.match(meaning.strip())
    )


_NOT_A_MEANING = re.compile(
    r"\s*(?:(?:use|give|make|say|write|explain|describe|compare|list|state|identify)\b|"
    r"\d+\s+(?:posts?|articles?|items?|entries|results|stories)\b)",
    re.IGNORECASE,
)


# A page's field, not a word to learn: "Posted: 31 May 2024", "Received: 3 March 2021".
_A_PAGE_S_FIELD = re.compile(
    # (not a word that is also a term: "Share", "Print", "Hours", "Date", "Address": hostile
    # pass 60)
    r"(?i:posted|published|updated|received|accepted|opening\s+times?|admission|phone|tel|"
    r"telephone|e-?mail|tags|categor(?:y|ies)|tickets?|filed\s+under|comments?|follow\s+us|"
    r"donate|support\s+us|newsletter|subscribe|parking|gift\s+shop)"
)
# A meaning that says when, for whom or at what price: an event's or a visit's, not a word's
# ("Family trail – free with admission", "Storytelling – for under 8s", "Adult – £14":
# hostile passes 63 and 64).
_AN_OFFER = re.compile(
    r"^\s*free\b|\bfree\s+(?:with|entry|admission|of\s+charge|for\s+(?:members|under))\b|"
    r"\b(?:admission|tickets?|booking|under\s+\d+s?|ages?\s+\d+)\b|^\s*[£$€]\s?\d|"
    r"\d\s?(?:am|pm)\b|\bevery\s+(?:mon|tues|wednes|thurs|fri|satur|sun)day\b",
    re.IGNORECASE,
)
# What a page offers to do, not a word: "Find out more – …", "Download: …" (hostile pass 63;
# not "Share" or "Print", which a key-words list may explain: hostile pass 60).
_A_PAGE_S_ACTION = re.compile(
    r"(?i:find\s+out\s+more|read\s+more|learn\s+more|download|book\s+now|see\s+also|"
    r"related(?:\s+\w+)?|more\s+info(?:rmation)?)"
)
_A_WEEKDAY = (
    r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|"
    r"Sun)\b"
)
# A meaning that is a day or an hour: "Saturday 1 June", "3 March 2021", "10am–5pm".
_A_DATE_OR_TIME = re.compile(
    rf"(?:{_A_WEEKDAY},?\s+)?\d{{1,2}}(?:st|nd|rd|th)?\s+"
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)|"
    rf"{_A_WEEKDAY},?\s+\d|\d{{1,2}}(?:[.:]\d\d)?\s*[ap]\.?m\b"  # (not "Sun god")
)


# Where a panel's words end: its first list's or table's end, or the next heading.
_THE_LIST_ENDS = re.compile(r"</(?:ul|ol|table)>|(?<=.)<h[1-6]\b", re.IGNORECASE | re.DOTALL)
_AN_ITEM = re.compile(r"<(?:li|p|tr)\b[^>]*>(.*?)</(?:li|p|tr)>", re.IGNORECASE | re.DOTALL)
_A_WORD_AND_ITS_MEANING = re.compile(
    r"\s*(?:<[^>]+>\s*)*(?P<word>[^<>–—:=\s][^<>–—:=]{0,39}?)(?:\s*\([a-z.]+\))?\s*"
    r"(?:</?[^>]+>\s*)*(?:[–—:=]|\s-\s|</td>\s*<td[^>]*>)\s*(?P<meaning>(?:<[^>]+>\s*)*\S.*)",
    re.DOTALL,
)
# A panel's heading over key words: "Key terms", "Keywords", "Words to know", "Glossary".
_KEY_WORDS_SAID = (
    r"(?:Key\s*(?:words|terms|vocabulary)|Glossary|Vocabulary|Word\s+help|Words\s+to\s+know|"
    r"Word\s+bank|Terms\s+to\s+know)"
)
_A_KEY_WORDS_HEADING = re.compile(
    rf"<(?:h[1-6]|strong|b)\b[^<>]*>\s*{_KEY_WORDS_SAID}\b", re.IGNORECASE
)


def _holds_key_words(html: str) -> bool:
    return bool(_KEY_WORDS.search(html)) or _a_list_of_key_words(html) or _a_key_words_panel(html)


def _a_key_words_panel(html: str) -> bool:
    """A panel headed as key words whose list is words and what they mean (not a "Glossary"
    link, a "Vocabulary quiz", a shop's list: hostile pass 56; not a word of the day or a
    booking's conditions). (Only one whose first heading was its key words, tried against
    another lesson's "Up next: …" panel, lost the key words under a "Did you know?", a badge or
    a topic's heading: hostile pass 65.)"""
    heading = _A_KEY_WORDS_HEADING.search(html)
    return (
        heading is not None
        # … not "Glossary: word of the day", "Key terms and conditions" (hostile passes 63, 65)
        and not _NOT_THE_LESSON_S.match(html, heading.end())
        and _words_and_meanings(html)
    )


_NOT_THE_LESSON_S = re.compile(
    r"[^<]{0,6}\bword\s+of\s+the\s+(?:day|week|month)\b|\s+and\s+conditions\b", re.IGNORECASE
)


def _panels_of_key_words(html: str) -> list[str]:
    """The panels of key words in an aside's `html`, each a `<section>` without the classes
    and ids that would have the extractor drop it as a sidebar: the innermost `<section>` or
    `<div>` headed as key words with a list of them, else the whole aside without its
    navigation if it is one."""
    from lxml import html as lxml_html  # only when a page has such a sidebar

    root = lxml_html.fragment_fromstring(html, create_parent="div")
    for nav in list(root.iter("nav")):
        nav.drop_tree()

    def holds(element: Any) -> bool:
        return _a_key_words_panel(lxml_html.tostring(element, encoding="unicode"))

    panels = [
        element
        for element in root.iter("section", "div")
        if holds(element)
        and not any(holds(inner) for inner in element.iterdescendants("section", "div"))
    ]
    return [_the_words_listed(lxml_html.tostring(panel, encoding="unicode")) for panel in panels]


def _the_words_listed(panel: str) -> str:
    """A panel of key words as a `<section>`: its heading and the run of its items that are
    words and their meanings (not the contact lines or share links after them: hostile pass
    58), a table's cells joined by a dash, without links."""
    heading = _A_KEY_WORDS_HEADING.search(panel)
    title = _TAG.sub("", heading[0]).strip() if heading else ""
    # … a word's link to a glossary page left behind ("<a href="/glossary/motte">Motte</a> –
    # …", which the article reader would drop as a list of links: hostile pass 64)
    items = [
        re.sub(r"</?(?:t[dh]|a)\b[^>]*>", "", re.sub(r"\s*</td>\s*<td[^>]*>\s*", " – ", item))
        for item in _the_run_of_words(panel, heading.end() if heading else 0)
    ]
    listed = "".join(f"<li>{item}</li>" for item in items)
    return f"<section><h3>{title}</h3><ul>{listed}</ul></section>"


def _a_list_of_key_words(html: str) -> bool:
    """Whether a panel's list is words and what they mean, whatever its heading ("Words at
    sea"): three items or more, two in three of them a word, a dash or a colon, and what it is
    ("<li>Launch – the largest of the boats carried by a warship.</li>"; not "Family tickets:
    save up to 20%", "12 March – talk on the Swing Riots", "Harold: was probably killed …")."""
    items = len(_LIST_ITEM.findall(html))
    return items >= 3 and 3 * len(_KEY_WORD_ITEM.findall(html)) >= 2 * items


_LIST_ITEM = re.compile(r"<li\b", re.IGNORECASE)
_KEY_WORD_ITEM = re.compile(
    r"(?i:<li\b[^>]*>)\s*(?:(?i:<(?:strong|b|em|i)\b[^>]*>))?[^<>–—:\d][^<>–—:]{0,39}?"
    r"(?:(?i:</(?:strong|b|em|i)>))?\s*(?:[–—:]|\s-)\s+(?:a|an|the)\s+[a-z]"
)


# A definition list's term and its description: "<dt>baray</dt> <dd>a large rectangular
# reservoir …</dd>", which the article reader would give as two paragraphs.
_DEFINITION = re.compile(
    r"<dt\b[^>]*>(?P<term>(?:(?!</?d[tdl]\b).)*?)</dt>\s*"
    r"<dd\b[^>]*>(?P<said>(?:(?!</?d[tdl]\b).)*?)</dd>",
    re.IGNORECASE | re.DOTALL,
)


def _extracted(trafilatura: Any, page: str, *, tables: bool) -> Any:
    """trafilatura's reading of a page: its article as Markdown-like text (with its tables as
    Markdown tables when `tables`), title, author and date."""
    return trafilatura.bare_extraction(
        page,
        with_metadata=True,
        include_formatting=True,
        include_comments=False,
        include_tables=tables,
        output_format="python",
        date_extraction_params={"extensive_search": False, "original_date": True},
    )


def _text_of(found: Any) -> str:
    return str(found.get("text") if isinstance(found, dict) else found.text or "")


def _laid_out_in_a_table(text: str) -> bool:
    """Whether a page read with its tables has a row that holds its article: a cell of more
    than 300 characters (fifty words or so: a table of data says less in a cell) or of three
    sentences, or a row of more than 800. (Such a page is read without its tables, as every
    page was before.)"""
    return any(
        len(line) > 800 or any(len(cell) > 300 or _SENTENCES_GO_ON.search(cell) for cell in cells)
        for line in text.splitlines()
        if line.startswith("|")
        for cells in [line.split("|")]
    )


# A cell of three sentences or more: "… in AD 43. Boudica led a revolt in AD 60. Hadrian's …".
_SENTENCES_GO_ON = re.compile(r"(?:[.!?][”\"’']?\s+[A-Z][^|]*?){2}")


def _definitions_kept(page: str) -> str:
    """`page` with each definition list of key words — nothing but terms each with one
    description, most of them lower-case words ("a large rectangular reservoir …") — made
    paragraphs, "<p><strong>baray</strong>: a large rectangular reservoir …</p>", as a
    key-words list writes them. Any other list (an object's "Date" and "Maker", questions and
    answers, two descriptions of one term) is left to the article reader."""
    return _A_LIST_OF_DEFINITIONS.sub(_definitions_made_paragraphs, page)


def _definitions_made_paragraphs(dl: re.Match[str]) -> str:
    pairs = list(_DEFINITION.finditer(dl["items"]))
    left = _DEFINITION.sub("", dl["items"]).strip()
    said = [_TAG.sub("", pair["said"]).strip() for pair in pairs]
    # … or right under a heading of key words, whatever their case ("<h2>Key terms</h2> <dl>
    # <dt>Propaganda</dt> <dd>Information, images and events designed …</dd>": batch 41),
    # each a word and what it means (not a fact box under a bold "key terms", a quiz, how to
    # say the words, "See Serf": hostile pass 63)
    under = _KEY_WORDS_OVER.search(dl.string[: dl.start()]) is not None and all(
        map(_a_defined_pair, pairs)
    )
    lower = 2 * sum(text[:1].islower() for text in said) > len(said)
    if left or len(pairs) < 2 or not (lower or under):
        return dl[0]
    # (capitalised meanings after a dash, as a key-words list writes them: "**Bailey** – The
    # enclosed courtyard …", which is read as a key line; after a colon it would not be)
    sign = ":" if lower else " –"
    # … its paragraphs' tags left behind: "<dd><p>A mound of earth …</p></dd>" (hostile pass 65)
    return "".join(
        f"<p><strong>{p['term']}</strong>{sign} {_BLOCK_TAG.sub(' ', p['said']).strip()}</p>"
        for p in pairs
    )


_BLOCK_TAG = re.compile(r"</?(?:p|div)\b[^>]*>", re.IGNORECASE)


def _a_defined_pair(pair: re.Match[str]) -> bool:
    """Whether a definition list's term and description are a word and what it means, in three
    words or more: not a question, "See Serf" or a visit's "Child – Free with a paying adult"."""
    said = _TAG.sub("", pair["said"])
    return (
        _a_word_and_its_meaning(f"{pair['term']} – {pair['said']}")
        and not _TAG.sub("", pair["term"]).strip().endswith("?")
        and len(said.split()) >= 3
        and not re.match(r"\s*See\s", said)
        and not _AN_OFFER.search(said)
    )


# A heading that is only "Key terms" (or "Glossary", "Key words" …) right before: "<h2
# id="keyterms-heading">Key terms</h2>" (not "Key terms quiz", nor a bold "glossary" in a line).
_KEY_WORDS_OVER = re.compile(
    rf"<h[1-6]\b[^<>]*>\s*{_KEY_WORDS_SAID}\s*:?\s*</h[1-6]>\s*$", re.IGNORECASE
)
_A_LIST_OF_DEFINITIONS = re.compile(
    r"<dl\b[^>]*>(?P<items>(?:(?!</?dl\b).)*?)</dl>", re.IGNORECASE | re.DOTALL
)


# A byline's part that is only a role: "Volunteer Researcher", "Staff Writer" (not "Emma Staff").
_A_WRITER_S_ROLE = re.compile(
    r"(?i:(?:volunteer|senior|junior|guest|staff|local|heritage|history|research|chief|assistant|"
    r"deputy|associate|freelance)\s+)*(?i:researcher|volunteer|editor|correspondent|reporter|"
    r"writer|officer|curator|journalist|columnist|historian|teacher|archivist|librarian|"
    r"contributor|staff)"
)


def _a_byline_s_name(author: str) -> str:
    """The name in the author trafilatura reads from a byline of several lines: "Margaret
    Hedley Heritage Editor Published" is Margaret Hedley."""
    author = re.split(r"\s+(?:Published|Updated|Posted|Last\s+(?:updated|modified))\b", author)[0]
    # … and a byline's role it read as a second author: "Eilidh Kerr; Volunteer Researcher;"
    people = [
        p.strip()
        for p in author.split(";")
        if p.strip() and not _A_WRITER_S_ROLE.fullmatch(p.strip())
    ]
    author = "; ".join(people) or author
    name = re.sub(
        r"(?:,\s*|\s+)(?:[A-Z][a-z]+\s+)?(?:Editor|Correspondent|Reporter|Writer|Officer|Curator|"
        r"Journalist|Columnist)$",
        "",
        author,
    ).strip()
    return name if len(name.split()) >= 2 else author  # not "Tom" of "Tom Reporter"


def _html_article(text: str) -> Article:
    import trafilatura  # only when HTML is pulled or checked

    page = _key_words_kept(_definitions_kept(_CONTROL_REFERENCE.sub(_drop_control, text)))
    found = _extracted(trafilatura, page, tables=True)
    if found is not None and _laid_out_in_a_table(_text_of(found)):
        # … a page laid out in a table (an old school site's menu cell and article cell) is
        # read as it was before tables were: its article, not one row of a table
        found = _extracted(trafilatura, page, tables=False)
    article = Article()
    if found is None:
        return article
    ranks: list[int] = []  # each block's: a heading's level, 7 for a paragraph
    if isinstance(found, dict):  # trafilatura's dictionary form (as_dict)
        found = SimpleNamespace(**found)
    article.title = clean(found.title or "").strip() or None
    article.author = _a_byline_s_name(clean(found.author or "").strip()) or None
    article.date = clean(found.date or "").strip() or None
    for block in clean(found.text or "").split("\n"):
        block = block.strip()
        if not block:
            continue
        if _DATED.match(block) or (len(block.split()) <= 20 and _NOT_FOR_READERS.search(block)):
            continue  # "Last reviewed 3 April 2024": the page's date, not history; "Cite this
            # article: …" (not recorded as skipped: `packet check` finds an HTML seed's skipped
            # lines in its article)
        if m := re.match(r"^(#{1,6})\s+(.*)$", block):
            if m[2].strip() != article.title:
                ranks.append(len(m[1]))
                article.blocks.append(("heading", m[2].strip()))
        else:
            ranks.append(7)
            article.blocks.append(("para", BULLET.sub("", block)))
    over = _over_something(ranks, [text for _, text in article.blocks])
    article.blocks = [block for block, kept in zip(article.blocks, over, strict=True) if kept]
    return article


def _over_something(ranks: list[int], texts: list[str]) -> list[bool]:
    """For each of a page's blocks, by rank (1 to 6 a heading's, 7 a paragraph's), whether
    it is a paragraph or a heading over something. A heading at the page's end, or over a
    heading of higher rank, heads nothing on the page ("<h3>Advertisement" over an advert,
    then "<h2>Causes"); over one of its own rank it heads nothing only if it is the page's
    furniture ("Test yourself" over a quiz, "See also" over links) — "Source A" over its
    caption, a flat page's "Causes of the war" over "Religion" stay, as "<h2>Causes" over
    "<h3>Short-term causes" does."""
    kept = [True] * len(ranks)
    following = 0  # the rank of the nearest kept block after this one (0: the page's end)
    for at in range(len(ranks) - 1, -1, -1):
        rank = ranks[at]
        higher = following < rank or (following == rank and _FURNITURE_HEADING.fullmatch(texts[at]))
        if rank < 7 and (following == 0 or higher):
            kept[at] = False
        else:
            following = rank
    return kept


# A page's heading over what is no article: an advert, a quiz, links.
_FURNITURE_HEADING = re.compile(
    r"(?i:advertisement|advert|sponsored(?:\s+\w+)?|test\s+yourself|quiz|quick\s+quiz|see\s+also|"
    r"related(?:\s+(?:articles|pages|content|topics))?|share(?:\s+this(?:\s+\w+)?)?|comments?|"
    r"you\s+(?:may|might)\s+also\s+like|more\s+(?:from|on)\s+.{1,40}|read\s+(?:more|next)|"
    r"sign\s+up\b.{0,40}|newsletter|subscribe\b.{0,40}|test\s+your\s+\w+)"
)


def article(text: str, kind: str) -> Article:
    """The article in a decoded document of `kind` ('text', 'markdown' or 'html')."""
    return _html_article(text) if kind == "html" else _text_article(text, kind)


# -- the stored text of a PDF, Word or OpenDocument seed ---------------------------------------
#
# `seeds/<file>.txt`: UTF-8 text, a heading or paragraph to a line, blank lines between; for a
# PDF each page begins with a line `=== page <label> ===`. Quotations are checked against it
# (without the page lines), a page citation against its page. A teacher may correct a misread
# word in it; packet never extracts it again.

PAGE_LINE = re.compile(r"^=== page (\S(?:[^\n]{0,38}\S)?) ===[ \t]*$", re.M)


@dataclass(frozen=True)
class StoredText:
    text: str
    pages: tuple[PageSpan, ...] = ()  # empty for a seed without pages


# A document line that would read as a page line is stored with a backslash before it.
_LOOKS_LIKE_PAGE_LINE = re.compile(r"^(\\*)(?==== page )", re.M)
_ESCAPED_PAGE_LINE = re.compile(r"^\\(\\*=== page )", re.M)


def store_text(pages: list[tuple[str, list[tuple[str, str]]]], *, paged: bool) -> str:
    """The stored text of a document's pages (label, blocks) — one unlabelled page when it
    has none (`paged` false). A line of the document itself that reads "=== page 7 ===" is
    stored as "\\=== page 7 ===", so it can never be taken for a page line."""
    parts = []
    for label, blocks in pages:
        if paged:
            parts.append(f"=== page {label} ===")
        parts.extend(_LOOKS_LIKE_PAGE_LINE.sub(r"\\\1", text) for _, text in blocks)
    return "\n\n".join(parts) + "\n"


def read_stored(data: bytes) -> StoredText:
    """A stored text's words without its page lines, and where each page is; SourceError if
    it is not UTF-8 text."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise SourceError(
            f"the stored text is not UTF-8 (byte {exc.start})", "save it again as UTF-8"
        ) from exc
    text = clean(text.replace("\r\n", "\n").replace("\r", "\n"))
    parts = PAGE_LINE.split(text)  # [before the first page, label, page, label, page…]
    words = _ESCAPED_PAGE_LINE.sub(r"\1", parts[0])
    pages: list[PageSpan] = []
    for label, page in zip(parts[1::2], parts[2::2], strict=True):
        page = _ESCAPED_PAGE_LINE.sub(r"\1", page)
        pages.append(PageSpan(label, len(words), len(words) + len(page)))
        words += page
    return StoredText(words, tuple(pages))


def seed_text(data: bytes, kind: str) -> str:
    """The text that quotations from this seed are checked against."""
    text = read_document(data, kind).text
    if kind != "html":
        return text
    found = article(text, kind)
    return "\n\n".join(line for _, line in found.blocks)
