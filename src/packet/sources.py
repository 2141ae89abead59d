"""Seed documents as teachers save them -> text packet can quote and check.

A seed is kept byte for byte as received. This module reads it:

* `decode(data)`: UTF-8 (with or without BOM), UTF-16 (BOM, or the tell-tale
  NUL bytes without one) or Windows-1252, in that order; anything else — a
  PDF, a Word file, an image, other binary data — is refused with a message
  that says what the file looks like and what to do.
* `article(text, kind)`: the article in the document, without navigation, ads
  or booking pitches, as Markdown-like text (headings as `#` lines), plus the
  title, author and date where the document states them.
  - HTML: trafilatura, a maintained main-text extractor, reading the string it
    is given (it never fetches anything);
  - plain text and Markdown: the rules below (`_boilerplate`), written against
    web pages saved as text: marketing lines, breadcrumbs, ratings and calls to
    action go; headings and article paragraphs stay.

`seed_text(data, kind)` is what `packet check` compares quotations with: the
decoded text for text and Markdown seeds, the extracted article for HTML.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field
from types import SimpleNamespace
from typing import Any

KINDS = {".txt": "text", ".text": "text", ".md": "markdown", ".markdown": "markdown",
         ".html": "html", ".htm": "html"}  # fmt: skip

_MAGIC = (
    (b"%PDF", "a PDF file", "save the article as text or HTML from your browser instead"),
    (b"PK\x03\x04", "a Word document or another zipped file (.docx, .odt, .zip)",
     "open it and save it as plain text (.txt) or a web page (.html)"),
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


def decode(data: bytes) -> tuple[str, str]:
    """(text, encoding name) of a document's bytes, or SourceError."""
    if not data.strip():
        raise SourceError("the file is empty", "save the article's text into it, or drop it")
    for magic, what, hint in _MAGIC:
        if data.startswith(magic):
            raise SourceError(f"this is {what}, not text", hint)
    if data.startswith(codecs.BOM_UTF8):
        return data[3:].decode("utf-8", errors="strict"), "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16"), "utf-16"
    sample = data[:4000]
    if len(sample) >= 4 and sample.count(0) * 3 >= len(sample):
        # UTF-16 without a BOM: every other byte of Latin text is NUL.
        order = "utf-16-le" if sample[1] == 0 else "utf-16-be"
        try:
            return data.decode(order), order
        except UnicodeDecodeError:
            pass
    if b"\x00" in sample:
        raise SourceError("this is a binary file, not text", "save the article as text or HTML")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError as exc:
        raise SourceError(
            f"the text is in no encoding packet reads (byte {exc.start})",
            "re-save it as UTF-8 text",
        ) from exc


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
    r"we offer|contact us|"
    r"send us an email|here to help|your (?:trip|journey|dates|holiday|vacation)|"
    r"all rights reserved|copyright|©)\b",
    re.IGNORECASE,
)
_BYLINE = re.compile(
    r"^By\s+(?P<author>[A-Z][\w.'’-]*(?:\s+(?!(?:Updated|Published|Posted)\b)[A-Z][\w.'’-]*){0,3})"
    r"(?:\s*[,|·-]?\s*(?P<date>(?:Updated|Published|Posted)?\s*\S.*))?$"
)
_DATED = re.compile(r"^(?:Updated|Published|Posted)\s*(?:on\s+)?(?P<date>.+\d{4})$", re.IGNORECASE)
_BREADCRUMB = re.compile(r"^(?:[\w’' -]{1,30}\s(?:>|»|/|›)\s){1,6}[\w’' -]{1,40}$")
_BULLET = re.compile(r"^\s*(?:[•*·▪–-]|\d+[.)])\s+")


def _is_navigation(line: str) -> bool:
    """A menu: three or more short items (words or Markdown links) between | · • separators."""
    items = [
        re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", part).strip() for part in re.split(r"[|·•]", line)
    ]
    return len(items) >= 3 and all(0 < len(item.split()) <= 4 for item in items)


def _is_marketing(line: str) -> bool:
    """A line selling something: one marketing phrase in a short line, two in a long one."""
    hits = {m.group(0).lower() for m in _MARKETING.finditer(line)}
    return len(hits) >= (1 if len(line.split()) <= 25 else 2)


def _heading_like(line: str) -> bool:
    words = line.split()
    return (
        0 < len(words) <= 12
        and not line.rstrip().endswith((".", ",", ";", ":", "?", "!", "”", '"'))
        and line[:1].isupper()
    )


def _text_article(text: str, kind: str) -> Article:
    article = Article()
    lines = [line.strip() for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    lines = [line for line in lines if line]
    # A byline near the top marks the title: the heading just above it. Whatever comes
    # before the title (a site's name, a breadcrumb) is page furniture.
    byline = next((i for i, line in enumerate(lines[:12]) if _BYLINE.match(line)), None)
    if byline is not None and kind != "markdown":
        title_at = next((i for i in range(byline - 1, -1, -1) if _heading_like(lines[i])), None)
        if title_at is not None:
            article.title = lines[title_at]
            article.skipped.extend(lines[:title_at])
            lines = lines[title_at + 1 :]
    kept: list[tuple[str, str]] = []
    for i, line in enumerate(lines):
        if _is_navigation(line):
            article.skipped.append(line)
            continue
        if kind == "markdown" and (m := re.match(r"^(#{1,6})\s+(.*)$", line)):
            heading = m[2].strip()
            if article.title is None and m[1] == "#":
                article.title = heading
                continue
            kept.append(("heading", heading))
            continue
        if article.title is None and not kept and _heading_like(line):
            article.title = line
            continue
        if line == article.title and not kept:
            continue  # the title repeated (page title, then the article's own heading)
        if (m := _BYLINE.match(line)) and not kept:
            article.author = m["author"]
            if m["date"]:
                article.date = m["date"].strip()
            continue
        if (m := _DATED.match(line)) and not kept:
            article.date = m["date"].strip()
            continue
        if _is_marketing(line) or _BREADCRUMB.match(line):
            article.skipped.append(line)
            continue
        following = lines[i + 1] if i + 1 < len(lines) else ""
        if _heading_like(line) and not _BULLET.match(line):
            if _heading_like(following) or _is_marketing(following) or not following:
                article.skipped.append(line)  # a breadcrumb, or the heading of an ad
                continue
            kept.append(("heading", line))
            continue
        kept.append(("para", _BULLET.sub("", line) if _BULLET.match(line) else line))
    # A reference entry opens with its headword: "Khmer Rouge, (French: …) also called …"
    headword = (
        re.match(r"^([A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,5}),\s", kept[0][1]) if kept else None
    )
    if article.title is None and headword and kept[0][0] == "para":
        article.title = headword[1]
    # A heading left with nothing under it (its paragraphs were all marketing) goes too.
    for i, (role, line) in enumerate(kept):
        if role == "heading" and (i + 1 == len(kept) or kept[i + 1][0] == "heading"):
            article.skipped.append(line)
        else:
            article.blocks.append((role, line))
    return article


def _html_article(text: str) -> Article:
    import trafilatura  # only when HTML is pulled or checked

    found: Any = trafilatura.bare_extraction(
        text,
        with_metadata=True,
        include_formatting=True,
        include_comments=False,
        include_tables=False,
        output_format="python",
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    article = Article()
    if found is None:
        return article
    if isinstance(found, dict):  # trafilatura's dictionary form (as_dict)
        found = SimpleNamespace(**found)
    article.title = found.title or None
    article.author = found.author or None
    article.date = found.date or None
    for block in (found.text or "").split("\n"):
        block = block.strip()
        if not block:
            continue
        if m := re.match(r"^#{1,6}\s+(.*)$", block):
            if m[1].strip() != article.title:
                article.blocks.append(("heading", m[1].strip()))
        else:
            article.blocks.append(("para", _BULLET.sub("", block)))
    return article


def article(text: str, kind: str) -> Article:
    """The article in a decoded document of `kind` ('text', 'markdown' or 'html')."""
    return _html_article(text) if kind == "html" else _text_article(text, kind)


def seed_text(data: bytes, kind: str) -> str:
    """The text that quotations from this seed are checked against."""
    text, _ = decode(data)
    if kind != "html":
        return text
    found = article(text, kind)
    return "\n\n".join(line for _, line in found.blocks)
