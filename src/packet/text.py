"""Plain-text helpers shared by the stages: normalising text for quote matching,
finding quotations and citations in content, and splitting seeds into paragraphs.

A quotation in content is text in double quotes followed by a citation of the
seed it comes from, e.g. `“Year Zero” [@highlights]` — or, from a paged seed (a
PDF), with the page it is on: `[@report, p. 3]`, `[@report, pp. 3–4]`. It must appear in that
seed verbatim once whitespace, typographic quotes and dashes are normalised;
an ellipsis (… or ...) inside it marks an omission, and the parts on either
side must appear in order. A seed is normalised once, as a `Haystack`, however
many passages are looked up in it.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from typing import NamedTuple

from .layout import ID_PATTERN

_TRANSLATE = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u2032": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u2033": '"',
        "\u2013": "-",
        "\u2014": "-",
        "\u2010": "-",
        "\u2011": "-",
        "\u00a0": " ",
        "\u202f": " ",
    }
)
_SPACE = re.compile(r"\s+")
ELLIPSIS = re.compile(r"\s*(?:…|\.\.\.)\s*")

# A citation's page, after the seed: ", p. 3", ", pp. 3–4", ", p. iv" (a page label).
LOCATOR = r"(?:,\s*(?P<pp>pp?)\.\s*(?P<pages>[^\]\s](?:[^\]\n]{0,38}[^\]\s])?))?"
CITATION = re.compile(rf"\[@({ID_PATTERN}){LOCATOR}\]")
# What an author meant as a citation, read or not: "[@seed, p. ]", "[@seed , p. 2]".
CITATION_LIKE = re.compile(r"(?<!\\)\[@[^\]\n]{0,80}\]?")
QUOTATION = re.compile(
    r"(?P<open>[“\"])(?P<quote>[^“”\"\n]{1,2000}?)(?P<close>[”\"])\s*\[@(?P<seed>"
    + ID_PATTERN
    + r")"
    + LOCATOR
    + r"\]"
)
UNCITED_QUOTATION = re.compile(r"“(?P<quote>[^“”\n]{1,2000}?)”(?!\s*\[@)")


PARAGRAPH_REF = re.compile(r"(?:\b[Pp]aragraphs?|¶)\s*(\d+(?:\s*(?:,|and|or|to|–|-)\s*\d+)*)")


LINE_REF = re.compile(r"\b[Ll]ines?\s+(\d+(?:\s*(?:,|and|or|to|–|-)\s*\d+)*)")
_RANGE = re.compile(r"(\d+)(?:\s*(?:to|–|-)\s*(\d+))?")


# A number past this is no paragraph or line anyone wrote; read as this, it stays out of range
# (and Python will not turn thousands of digits into an int).
FAR = 10**9


def _number(digits: str) -> int:
    return int(digits) if len(digits) < 10 else FAR


def paragraph_refs(text: str) -> list[int]:
    """Numbered paragraphs a question points at: "paragraph 3", "paragraphs 2 and 4", "¶5"."""
    return [_number(n) for m in PARAGRAPH_REF.finditer(text) for n in re.findall(r"\d+", m[1])]


def _spans(pattern: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    return [
        (_number(r[1]), _number(r[2] or r[1]))
        for m in pattern.finditer(text)
        for r in _RANGE.finditer(m[1])
    ]


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """The paragraphs a text names, as (first, last): "paragraphs 2–4" is (2, 4), "paragraphs
    2 and 4" is (2, 2) and (4, 4)."""
    return _spans(PARAGRAPH_REF, text)


def line_spans(text: str) -> list[tuple[int, int]]:
    """The lines of a document a text names, as (first, last): "lines 4–9" is (4, 9)."""
    return _spans(LINE_REF, text)


def normalise(text: str) -> str:
    """Fold typographic quotes, dashes, runs of whitespace and Unicode forms for comparison.

    NFC makes "é" written as e + combining accent equal to the single character é."""
    return _SPACE.sub(" ", unicodedata.normalize("NFC", text).translate(_TRANSLATE)).strip()


class Haystack:
    """A text normalised once, to look up any number of passages in: a seed is searched for
    every passage quoted from it, and normalising it again for each would cost the seed's
    length every time."""

    __slots__ = ("_lines", "_text", "normal")

    def __init__(self, text: str) -> None:
        self.normal = normalise(text)
        self._text = text
        self._lines: str | None = None

    @property
    def lines(self) -> str:
        """`normal` with a line break where the text's whitespace held one: the same length
        and offsets, for what needs to know where a paragraph or heading ends."""
        if self._lines is None:
            folded = unicodedata.normalize("NFC", self._text).translate(_TRANSLATE)
            self._lines = _SPACE.sub(lambda m: "\n" if "\n" in m[0] else " ", folded).strip()
            self._text = ""
        return self._lines

    def contains(self, passage: str) -> bool:
        """Whether `passage` occurs in the text once both are normalised; `…` skips text."""
        return self.span(passage) is not None

    def span(self, passage: str) -> tuple[int, int] | None:
        """Where `passage` is in `normal` (from its first word to its last), or None; `…`
        skips text. The first place it is found is taken."""
        return self.span_of_parts(parts_of(passage))

    def span_of_parts(self, parts: list[str]) -> tuple[int, int] | None:
        """`span` of a passage already cut into its normalised parts (`parts_of`), for one
        passage looked up in many haystacks (a paged seed's pages)."""
        start = 0
        first = None
        for part in parts:
            found = self.normal.find(part, start)
            if found < 0:
                return None
            first = found if first is None else first
            start = found + len(part)
        return (0, 0) if first is None else (first, start)  # nothing to find: found at 0


@dataclass(frozen=True)
class Quotation:
    quote: str
    seed: str
    line: int  # 1-based, within the text scanned
    col: int
    pages: str | None = None  # the page or pages cited: "3", "3–4"


def parts_of(passage: str) -> list[str]:
    """A passage normalised and cut at its ellipses: what a `Haystack` looks for, in order."""
    return [part.strip() for part in ELLIPSIS.split(normalise(passage)) if part.strip()]


class PageSpan(NamedTuple):
    """Where one page of a paged seed lies in its text."""

    label: str
    start: int
    end: int


_PAGE_DASH = re.compile(r"\s*[–—-]\s*")


class Paged:
    """A seed's text with its pages: each page's (or run of pages') text as a `Haystack`,
    and the page a passage is on. Labels are the seed's own ("iv", "12", "A-3")."""

    def __init__(self, text: str, pages: Sequence[PageSpan]) -> None:
        self.text = text
        self.pages: tuple[PageSpan, ...] = tuple(pages)
        self.index: dict[str, int] = {}
        for number, page in enumerate(self.pages):
            self.index.setdefault(page.label, number)
        self._haystacks: dict[tuple[int, int], Haystack] = {}
        self._last = 0  # the page the last passage located was on

    def run(self, cited: str) -> tuple[int, int] | None:
        """The first and last page `cited` ("3", "3–4", "A-3") names, or None."""
        cited = cited.strip()
        if cited in self.index:
            return self.index[cited], self.index[cited]
        for dash in _PAGE_DASH.finditer(cited):
            first, last = self.index.get(cited[: dash.start()]), self.index.get(cited[dash.end() :])
            if first is not None and last is not None and first <= last:
                return first, last
        return None

    def haystack(self, first: int, last: int) -> Haystack:
        found = self._haystacks.get((first, last))
        if found is None:
            found = Haystack(self.text[self.pages[first].start : self.pages[last].end])
            self._haystacks[first, last] = found
        return found

    def contains(self, cited: str, passage: str) -> bool | None:
        """Whether `passage` is on the pages `cited`; None when the seed has no such page."""
        run = self.run(cited)
        return None if run is None else self.haystack(*run).contains(passage)

    def locate(self, passage: str) -> str | None:
        """The page `passage` is on ("3"), or the two it runs over ("3–4"); None if it is
        on neither one page nor two."""
        parts = parts_of(passage)
        count = len(self.pages)
        # From the page the last passage was on: passages are mostly looked up in order.
        order: list[int] = [*range(self._last, count), *range(self._last)]
        for number in order:
            if self.haystack(number, number).span_of_parts(parts) is not None:
                self._last = number
                return self.pages[number].label
        for number in order:
            pair = number + 1 < count and self.haystack(number, number + 1)
            if pair and pair.span_of_parts(parts) is not None:
                self._last = number
                return f"{self.pages[number].label}–{self.pages[number + 1].label}"
        return None

    def labels(self) -> str:
        """The first and last page, for a message: "1–12", "iv–320"."""
        if not self.pages:
            return "none"
        return f"{self.pages[0].label}–{self.pages[-1].label}"


_LINE_BREAK = re.compile("\n")


class Lines:
    """Where each line of a text starts, so that any number of indices into it are turned into
    lines and columns by bisection, not by counting the line breaks before each again."""

    __slots__ = ("starts",)

    def __init__(self, text: str) -> None:
        self.starts = [0, *(m.end() for m in _LINE_BREAK.finditer(text))]

    def position(self, index: int) -> tuple[int, int]:
        """The 1-based line and column of `index`."""
        line = bisect_right(self.starts, index)
        return line, index - self.starts[line - 1] + 1


def position(text: str, index: int) -> tuple[int, int]:
    """The 1-based line and column of `index` in `text`, for one index (many are `Lines`)."""
    line_start = text.rfind("\n", 0, index) + 1
    return text.count("\n", 0, index) + 1, index - line_start + 1


def find_quotations(text: str) -> list[Quotation]:
    """Every cited quotation in `text`, with its line and column."""
    lines = Lines(text)
    return [
        Quotation(m["quote"], m["seed"], *lines.position(m.start()), pages=m["pages"])
        for m in QUOTATION.finditer(text)
    ]


def find_uncited(text: str) -> list[tuple[str, int, int]]:
    """Typographic quotations not followed by a citation: (quote, line, col)."""
    lines = Lines(text)
    return [(m["quote"], *lines.position(m.start())) for m in UNCITED_QUOTATION.finditer(text)]


def paragraphs(text: str) -> list[tuple[int, str]]:
    """Non-blank lines of a seed as (1-based line number, text) — one paragraph each."""
    return [(n, line.strip()) for n, line in enumerate(text.splitlines(), start=1) if line.strip()]


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "x"


# A sentence ends at a stop, a closing mark and a note's mark ("… 1857.[6] On …"), where the
# next starts with a capital or a digit (`_STARTS`: "*Title* opened", "Émile").
# Emphasis may close and open round the break: "… Pan-Africanist. **Pan-Africanism** is …".
_OPENS = r"(?:[“\"‘(][*_]{0,3}|[*_]{1,3}[“\"‘]?)?"  # one opening mark, with emphasis
_SENTENCE_END = re.compile(rf"(?<=[.!?])[”\"’)*_]{{0,3}}(?:\[\d{{1,3}}\])?\s+(?={_OPENS}\w)")
_STARTS = re.compile(rf"{_OPENS}(\w)")
# A note's mark where the note starts ("[2] The order had come …"): no part of its words.
NOTE_MARK = re.compile(r"^\[\d+\]\s*")
# A line of a list of words and what they mean: "swaraj – self-rule", "heimin: commoners …",
# a word (or up to four) before a dash or a colon.
GLOSSED_LINE = re.compile(r"[^\s–—:;,.=]+(?:\s[^\s–—:;,.=]+){0,3}(?:\s[–—=-]|:)\s\S")


def quoting(text: str) -> bool:
    """Whether `text` ends inside a quotation it opened: "meaning “whose realm, his …"."""
    return text.count("“") > text.count("”") or text.count('"') % 2 == 1


# Abbreviations a sentence does not end with: "Brown v. Board of Education", "Gen. Gage".
_ABBREVIATION = re.compile(
    r"\b(?:[A-Z]|U\.S|Mr|Mrs|Ms|Dr|St|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|c|ca|No|"
    r"v|vs|Gen|Col|Capt|Lt|Sgt|Adm|Rev|Gov|Sen|Prof|Mt|Ft|e\.g|i\.e)\.$"
)
# … a letter after an initial or a surname's comma is one too: "E. J.", "Hobsbawm, E."
# … or a volume's number: "Vol. I. The Gathering Storm" (not "Washington, D.C. In …")
_INITIALS_BEFORE = re.compile(r"(?:\b[A-Z]\.\s+|,\s*|\b(?:Vols?|Pt|Bk|Book|Part)\.?\s+)$")


# Words that open a sentence and are no one's name, after a capital and a stop.
_OPENER = re.compile(
    r"(?:In|On|At|By|From|After|Before|During|When|While|Then|The|This|That|These|Those|There|"
    r"He|She|It|They|We|His|Her|Its|Their|But|And|Yet|So|As|For|With|Within|Under|Over|Only|"
    r"Later|Soon|Meanwhile|However)\b"
)

# The word a question opens with: "At 8 p.m. | Was that really when he left?"
_ASKS = re.compile(
    r"(?:Was|Were|Is|Are|Did|Do|Does|Had|Has|Could|Would|Why|What|When|Where|Who|How)\b"
)
# A sentence's opening hour: "At about 6.53 p.m.", "Shortly after 11 a.m.".
_A_CLOCK_OPENS = re.compile(
    r"\s*(?:(?:At|By|Around|About|Shortly\s+(?:before|after)|Just\s+(?:before|after))\s+)"
    r"(?:(?:about|around)\s+)?\d{1,2}(?:[:.]\d\d)?\s*[ap]\.m\.",
    re.IGNORECASE,
)
# … and before a number: "vol. 33, no. 2", "pp. 14–19".
_NUMBERED = re.compile(r"\b(?:no|nos|vol|pp?)\.$", re.IGNORECASE)


def sentences(paragraph: str) -> list[str]:
    """The paragraph cut into sentences (kept verbatim, so each is a passage of the seed)."""
    parts, start = [], 0
    for m in _SENTENCE_END.finditer(paragraph):
        first = _STARTS.match(paragraph, m.end())
        if first is None or not (first[1].isupper() or first[1].isdigit()):
            continue  # "… the U.S. army": a stop inside the sentence
        before = paragraph[max(0, m.start() - 6) : m.start()]
        if (
            (abbreviation := _ABBREVIATION.search(before))
            # … but a capital letter is no initial before a word that opens a sentence: "a
            # lack of vitamin C. In March 1788", "Pope Nicholas I. In 867" (not "John D.
            # Sloat", "United States v. The Amistad", "Hobsbawm, E. J. The Age of Revolution")
            and not (
                re.fullmatch(r"[A-Z]\.", abbreviation[0])
                and _OPENER.match(paragraph, first.start(1))
                and not _INITIALS_BEFORE.search(paragraph, 0, m.start() - 2)
            )
        ) or (first[1].isdigit() and _NUMBERED.search(before)):
            continue  # an abbreviation, not the end of a sentence: "Gen. Gage", "no. 2 (1998)"
        if (
            _A_CLOCK_OPENS.fullmatch(paragraph, start, m.start())
            and not _OPENER.match(paragraph, first.start(1))
            and not _ASKS.match(paragraph, first.start(1))
            and not paragraph[:start].rstrip().endswith("?")
        ):
            continue  # "At about 6.53 p.m. Günter Schabowski announced …": the hour it opens
            # with (but "… at 7:55 a.m. Local time in Washington was …" is two, and so are an
            # answer's "When did it start? At 12.30 p.m. Witnesses disagree …")
        parts.append(paragraph[start : m.start() + len(m.group(0).rstrip())].strip())
        start = m.end()
    parts.append(paragraph[start:].strip())
    return [p for p in parts if p]


# What XML 1.0 cannot hold (a control character a title may carry): dropped by `xml_text`.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_text(text: str) -> str:
    """`text` as an XML file (a Word file, a quiz for a learning platform) can hold it: the
    characters XML forbids dropped."""
    return _NOT_XML.sub("", text)
