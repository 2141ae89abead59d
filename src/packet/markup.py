"""Module Markdown -> HTML, with the project's three additions.

* Citations: `[@seed]` becomes a short in-text reference to that seed.
* Numbered paragraphs: each top-level paragraph carries a number (for close
  reading: "in paragraph 3, …") and an id.
* Glossary terms: every use of a glossary term (any spelling, any case unless
  the term asks for exact case, with plurals) is found — every term in one pass
  over the text (`TermFinder`); the first use in each module becomes a link to
  the glossary, with an id the glossary can point to for "first appears on page N".

Typography is markdown-it's typographer (curly quotes and apostrophes, dashes, ellipses)
for the Markdown and, through `typeset`, for every plain text a template prints; a citation is
bound to the word before it, never alone on a line; and a glossary term inside a quotation
is left as the source wrote it (the first use outside quotations is marked).

Raw HTML is never passed through: it is shown as the text that was written. The HTML made
here is `markupsafe.Markup`: templates print it as it is and escape every other value.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from html import escape
from typing import TYPE_CHECKING, Any

from markdown_it import MarkdownIt
from markdown_it.renderer import RendererHTML
from markdown_it.rules_core import StateCore
from markdown_it.rules_inline import StateInline
from markdown_it.token import Token
from markdown_it.utils import EnvType, OptionsDict
from markupsafe import Markup
from mdit_py_plugins.container import container_plugin

from .i18n import ENGLISH, Words
from .lint import allowed_image, allowed_link, web_link
from .text import CITATION

if TYPE_CHECKING:
    from .errors import Location
    from .model import Project


# -- typography ---------------------------------------------------------------------------

# Dashes and ellipses as markdown-it's typographer makes them (its `replacements` rule, without
# the (c), (r), (tm) and +- it also replaces: "part (c)" of a source stays as written), and the
# spaces that must not break: before a dash (a line never starts with one) and between a
# number and its word ("1.5 million").
_EM_DASH = re.compile(r"(^|[^-])---(?=[^-]|$)", re.MULTILINE)
_SPACED_EN_DASH = re.compile(r"(^|\s)--(?=\s|$)", re.MULTILINE)
_EN_DASH = re.compile(r"(^|[^-\s])--(?=[^-\s]|$)", re.MULTILINE)
_ELLIPSIS = re.compile(r"(?<!\.)\.\.\.(?!\.)")
_BEFORE_DASH = re.compile(r" (?=[—–] )")
_NUMBER_WORD = re.compile(r"(?<=\d) (?=(?:hundred|thousand|million|billion|per ?cent)\b)")
# What `typeset` changes: quotes, apostrophes, dashes, ellipses, those spaces.
_TYPOGRAPHIC = re.compile(
    r"""['"]|--|\.\.\.| [—–] |\d (?:hundred|thousand|million|billion|per ?cent)\b"""
)
# An id, a class or an address: printed as written.
_NOT_PROSE = re.compile(r"[a-z0-9][a-z0-9-]*|\S*(?::|/|#)\S*")


def _dashes(text: str) -> str:
    """`text` with its dashes, ellipses and unbreakable spaces set."""
    text = _EM_DASH.sub("\\1\u2014", text)
    text = _SPACED_EN_DASH.sub("\\1\u2013", text)
    text = _EN_DASH.sub("\\1\u2013", text)
    text = _ELLIPSIS.sub("\u2026", text)
    text = _BEFORE_DASH.sub("\u00a0", text)
    return _NUMBER_WORD.sub("\u00a0", text)


def _typography_rule(state: StateCore) -> None:
    """markdown-it core rule: `_dashes` on every text of the Markdown outside autolinks."""
    for token in state.tokens:
        if token.type != "inline" or not token.children:
            continue
        autolink = 0
        for child in token.children:
            if child.type == "link_open" and child.info == "auto":
                autolink += 1
            elif child.type == "link_close" and child.info == "auto":
                autolink -= 1
            elif child.type == "text" and not autolink:
                child.content = _dashes(child.content)


@functools.cache
def _typographer() -> MarkdownIt:
    """markdown-it with no Markdown syntax at all, only its quotes."""
    md = MarkdownIt("zero", {"typographer": True})
    md.enable(["smartquotes"])
    return md


def nested_quotes(text: str, depth: int = 0) -> str:
    """`text` with each quotation inside another in single marks (‘…’), as when it is
    printed inside quotation marks already (`depth` 1)."""
    out = []
    for part in re.split("([“”])", text):
        if part == "“":
            out.append("‘" if depth else "“")
            depth += 1
        elif part == "”":
            depth = max(depth - 1, 0)
            out.append("’" if depth else "”")
        else:
            out.append(part)
    return "".join(out)


@functools.lru_cache(maxsize=4096)
def typeset(text: str) -> str:
    """Plain text as the Markdown is set: curly quotes and apostrophes, dashes and
    ellipses, no line starting with a dash. Ids, classes and addresses (no spaces; an id's
    characters, or a `:`, `/` or `#`) are left as written."""
    if not _TYPOGRAPHIC.search(text) or _NOT_PROSE.fullmatch(text):
        return text
    tokens = _typographer().parseInline(text)
    quoted = "".join(child.content for token in tokens for child in token.children or ())
    return nested_quotes(_dashes(quoted))


def term_pattern(spellings: Sequence[str], match_case: bool) -> re.Pattern[str]:
    """The pattern of one term's spellings.

    Spellings match as whole words, across line breaks, with an optional plural "s" (or "es"
    after s, x, z, ch, sh or o: "churches", not "Fram" in "frames"; not for acronyms); in any
    case unless `match_case`, but acronyms and spellings with
    digits always match case; a straight and a curly apostrophe match each other. At one
    place, the longest spelling that matches is taken.
    """
    alternatives = []
    for spelling in sorted(spellings, key=len, reverse=True):
        words = (re.sub("['’]", "['’]", re.escape(word)) for word in spelling.split())
        body = r"\s+".join(words)
        exact = match_case or spelling.isupper() or any(c.isdigit() for c in spelling)
        plural = "" if spelling.isupper() else "(?:e?s)?" if _TAKES_ES.search(spelling) else "s?"
        alternatives.append(body + plural if exact else f"(?i:{body}{plural})")
    return re.compile(rf"(?<![\w-])(?:{'|'.join(alternatives)})(?![\w-])")


# The endings whose plural adds "es": "church", "box", "potato".
_TAKES_ES = re.compile(r"(?:s|x|z|ch|sh|o)$", re.IGNORECASE)
# A term's spellings as data: (term id, spellings, match_case).
TermSpec = tuple[str, tuple[str, ...], bool]

# The words of a folded text: runs of word characters, and each other character that is not
# space. "ι" stands alone: it is what U+0345 (the Greek iota written below a letter) folds to,
# and that is the one character a case-blind pattern matches to a letter though it is not a
# word character itself.
_TOKEN = re.compile(r"ι|[^\Wι]+|[^\w\s]")
_RUN = re.compile(r"[^\Wι]+")
_END = ""  # the key under which a node of the index lists the terms whose spellings end there


def _ending(words: list[str], ending: str) -> list[str]:
    """The words of a spelling with `ending` (a plural's letters) written after it: part of
    its last word, or a word of their own after a word that is not letters."""
    if words and _RUN.fullmatch(words[-1]):
        return [*words[:-1], words[-1] + ending]
    return [*words, ending]


class _Folds(dict[int, str]):
    """Each character -> the one character standing for every character a case-blind pattern
    matches to it (and for both apostrophes), for `str.translate`; filled as characters come.
    Folding keeps the length of a text, so positions in the folded text are positions in it."""

    def __missing__(self, code: int) -> str:
        char = chr(code)
        folded = "'" if char == "’" else char.lower()[:1].upper()[:1].lower()[:1]
        self[code] = folded
        return folded


class TermFinder:
    """Every use of a glossary's terms in a text, found in one pass over the text however
    many terms there are; the same uses as scanning the text with each term's
    `term_pattern` and keeping, from the left, the longest match at each place (the earlier
    term on a tie) that does not overlap one kept before it.

    The spellings are indexed by their folded words (case and apostrophes folded, with and
    without a plural ending); the text is folded and split into words once, and at each word
    the index gives the few terms that could start there. Only those are tried, with their
    own pattern, compiled the first time it is needed.
    """

    def __init__(self, terms: Sequence[TermSpec]) -> None:
        self.terms = tuple(terms)
        self._folds = _Folds()
        self._index: dict[str, Any] = {}
        self._patterns: dict[int, re.Pattern[str]] = {}
        for number, (_, spellings, _) in enumerate(self.terms):
            for spelling in spellings:
                words = _TOKEN.findall(spelling.translate(self._folds))
                self._add(words, number)
                if not spelling.isupper():  # and as a plural: the words of spelling + "s"
                    for ending in ("s", "es") if _TAKES_ES.search(spelling) else ("s",):
                        self._add(_ending(words, ending), number)

    def __bool__(self) -> bool:
        return bool(self.terms)

    def _words(self, text: str) -> list[tuple[int, str]]:
        """The words of `text` folded, each with where it starts."""
        return [(m.start(), m.group()) for m in _TOKEN.finditer(text.translate(self._folds))]

    def _add(self, words: list[str], number: int) -> None:
        node = self._index
        for word in words:
            node = node.setdefault(word, {})
        ends: list[int] = node.setdefault(_END, [])
        if not ends or ends[-1] != number:  # terms are added in order, each spelling once
            ends.append(number)

    def _starting(self, words: list[tuple[int, str]], first: int) -> set[int]:
        """The terms one of whose spellings is spelt by the words from `first` on."""
        found: set[int] = set()
        node = self._index
        for index in range(first, len(words)):  # not a slice: that copies the rest each time
            word = words[index][1]
            if word not in node:
                break
            node = node[word]
            found.update(node.get(_END, ()))
        return found

    def _pattern(self, number: int) -> re.Pattern[str]:
        if number not in self._patterns:
            _, spellings, match_case = self.terms[number]
            self._patterns[number] = term_pattern(spellings, match_case)
        return self._patterns[number]

    def find(self, text: str) -> list[tuple[int, int, str]]:
        """Non-overlapping term uses in `text` as (start, end, term id), longest match first."""
        words = self._words(text)
        candidates: list[tuple[int, int, int]] = []  # (start, -length, term number)
        ends: dict[int, int] = {}  # term number -> end of its last match: a term's own
        for first, (start, _) in enumerate(words):  # matches never overlap each other
            for number in self._starting(words, first):
                if start < ends.get(number, 0):
                    continue
                m = self._pattern(number).match(text, start)
                if m:
                    ends[number] = m.end()
                    candidates.append((start, start - m.end(), number))
        chosen: list[tuple[int, int, str]] = []
        for start, shorter, number in sorted(candidates):
            if not chosen or start >= chosen[-1][1]:
                chosen.append((start, start - shorter, self.terms[number][0]))
        return chosen


# Blocks a module can wrap its content in to act on a print preflight finding: start a new
# page, keep together on one page (`::: keep-together` … `:::`; preflight.py respects both).
LAYOUT_REQUESTS = ("new-page", "keep-together")
# Where the sources disagree, inside a module (`::: disagreement <id>` … `:::`): the teacher
# edition prints the block as written; the student edition a prompt to find both versions
# (`for_students`). Its paragraphs are never numbered, so both editions number alike.
DISAGREEMENT = "disagreement"
_BLOCK_OPEN = re.compile(rf"^:::\s*{DISAGREEMENT}\s+(\S+)\s*$")
_BLOCK_CLOSE = re.compile(r"^:::\s*$")


@dataclass(frozen=True)
class DisagreementBlock:
    id: str
    first: int  # 0-based index of the `::: disagreement` line in the body
    last: int  # of its closing `:::` (the body's last line + 1 if it is never closed)


def disagreement_blocks(body: str) -> list[DisagreementBlock]:
    """The `::: disagreement <id>` blocks of a module body, in order."""
    found, lines, start = [], body.split("\n"), None
    opened = ""
    for number, line in enumerate(lines):
        if start is None and (m := _BLOCK_OPEN.match(line)):
            start, opened = number, m[1]
        elif start is not None and _BLOCK_CLOSE.match(line):
            found.append(DisagreementBlock(opened, start, number))
            start = None
    if start is not None:
        found.append(DisagreementBlock(opened, start, len(lines)))
    return found


def for_students(body: str, prompts: Mapping[str, str]) -> str:
    """The body with each disagreement block's text replaced by its prompt (`prompts`: id →
    Markdown), padded with blank lines so that every later line keeps its number; a block
    with no prompt is left as written."""
    lines = body.split("\n")
    for block in disagreement_blocks(body):
        if block.id not in prompts:
            continue  # an unknown disagreement (check warns): the block prints as written
        inner = range(block.first + 1, min(block.last, len(lines)))
        for n in inner:
            lines[n] = ""
        if inner:
            lines[inner[0]] = prompts.get(block.id, "")
    return "\n".join(lines)


_QUOTE_MARKS = re.compile("[“”]")


_LAST_WORD = re.compile(r"(\S+)\s+$")


def _bound(children: list[Token]) -> list[Token]:
    """Inline tokens with each citation and the word before it wrapped together: a term's
    link, *emphasis* or an image just before it counts as its word, a line break in the
    Markdown as a space, and citations in a row share the span."""
    result: list[Token] = []
    for child in children:
        if child.type == "citation" and result and result[-1].type == "softbreak":
            result[-1] = _text(" ")  # a line break in the Markdown is a space
            if len(result) > 1 and result[-2].type == "text":
                result[-2].content += result.pop().content
        before = result[-1] if result else None
        if child.type != "citation" or before is None or before.type != "text":
            result.append(child)
            continue
        word = _LAST_WORD.search(before.content)
        if word is not None:
            before.content = before.content[: word.start()]
            if not before.content:
                result.pop()
            result += [_cited_open(), _text(word[1] + "\u00a0"), child, _cited_close()]
        elif before.content.strip() or len(result) < 2:
            result.append(child)
        elif _is_cited(result, len(result) - 2):  # another citation of the same words
            result[-2:] = [_text("\u00a0"), child, _cited_close()]
        elif result[-2].nesting == -1 or result[-2].type == "image":
            before.content = "\u00a0"
            result.insert(_opening(result, len(result) - 2), _cited_open())
            result += [child, _cited_close()]
        else:
            result.append(child)
    return result


def _is_cited(tokens: list[Token], index: int) -> bool:
    """Whether `tokens[index]` closes a span of a citation and its words."""
    if tokens[index].type != "span_close":
        return False
    return tokens[_opening(tokens, index)].attrGet("class") == "cited"


def _cited_close() -> Token:
    return Token("span_close", "span", -1)


def _cited_open() -> Token:
    return Token("span_open", "span", 1, attrs={"class": "cited"})


def _opening(tokens: list[Token], closing: int) -> int:
    """The index of the token that `tokens[closing]` closes."""
    depth = 0
    for index in range(closing, -1, -1):
        depth += tokens[index].nesting
        if depth == 0:
            return index
    return 0


def _mark_sources(tokens: list[Token], where: Location) -> None:
    for token in tokens:
        if token.nesting == 1 and token.level == 0 and token.map is not None:
            token.attrSet("data-source", f"{where.path}:{where.line + token.map[0]}")


def _unwrap_requests(tokens: list[Token]) -> None:
    """Blocks inside a layout request keep the level they would have without it, so that
    paragraphs stay numbered and nesting is counted as written."""
    depth = 0
    for token in tokens:
        if token.type.startswith("container_"):
            depth += -1 if token.nesting < 0 else 1 if token.nesting > 0 else 0
            token.level = max(token.level - (depth if token.nesting < 0 else depth - 1), 0)
        else:
            token.level -= depth


def _numbered(tokens: Sequence[Token]) -> list[int]:
    """The indices of the paragraphs a module numbers: top level, outside a disagreement
    block (the student edition prints a prompt in its place)."""
    found, inside = [], 0
    for index, token in enumerate(tokens):
        if token.type == f"container_{DISAGREEMENT}_open":
            inside += 1
        elif token.type == f"container_{DISAGREEMENT}_close":
            inside -= 1
        elif token.type == "paragraph_open" and token.level == 0 and not inside:
            found.append(index)
    return found


def _quoted_uses(
    found: list[tuple[int, int, str]], text: str, quoted: list[bool]
) -> Iterator[tuple[int, int, str, bool]]:
    """The term uses in `found`, each saying whether it is inside a quotation (“…”, as the
    typographer set it); `quoted[0]` says whether `text` starts inside one, and is left
    saying whether the next text does."""
    starts: list[int] = []  # the quoted stretches of `text`, in order
    ends: list[int] = []
    start = 0 if quoted[0] else None
    for mark in _QUOTE_MARKS.finditer(text):
        if mark[0] == "“" and start is None:
            start = mark.start()
        elif mark[0] == "”" and start is not None:
            starts.append(start)
            ends.append(mark.end())
            start = None
    if start is not None:
        starts.append(start)
        ends.append(len(text))
    quoted[0] = start is not None
    for begin, end, term_id in found:
        last = bisect.bisect_left(starts, end) - 1  # the last stretch starting before the use
        yield begin, end, term_id, last >= 0 and ends[last] > begin


@dataclass
class _Uses:
    """The terms of one text met so far: in order of first use (`seen`), and those whose
    first use outside quotations is marked."""

    seen: list[str] = field(default_factory=list)
    marked: set[str] = field(default_factory=set)
    unlinked: frozenset[str] = frozenset()  # terms left as written here (`unlinked_terms`)

    def use(self, term_id: str, quoted: bool) -> tuple[bool, bool, bool] | None:
        """How to print a use: (its first, marked in bold, inside a quotation), or None to
        leave it as written (a later use inside a quotation, or a term not linked here)."""
        if term_id in self.unlinked:
            return None
        first = term_id not in self.seen
        if first:
            self.seen.append(term_id)
        if quoted:
            return (True, False, True) if first else None
        bold = term_id not in self.marked
        self.marked.add(term_id)
        return first, bold, False


def _use_tokens(
    written: str, term_id: str, anchor: str, first: bool, bold: bool, quoted: bool
) -> list[Token]:
    """A term's use: a link to the glossary (the first outside quotations in bold, the
    first of all with an id), or in a quotation an unmarked span holding the first use's id."""
    ident = f"use-{term_id}-{anchor}"
    if quoted:
        opening = Token("span_open", "span", 1, attrs={"id": ident})
        return [opening, _text(written), Token("span_close", "span", -1)]
    attrs: dict[str, str | int | float] = {
        "class": "term" + (" first" if bold else ""),
        "href": f"#gloss-{term_id}",
    }
    if first:
        attrs["id"] = ident
    link = Token("link_open", "a", 1, attrs=attrs)
    return [link, _text(written), Token("link_close", "a", -1)]


@dataclass
class RenderedText:
    html: Markup
    terms: list[str] = field(default_factory=list)  # term ids in order of first use
    cited: list[str] = field(default_factory=list)  # seed ids in order of first citation
    paragraphs: int = 0
    cited_in: dict[str, list[int]] = field(default_factory=dict)  # seed id -> numbered paragraphs


def _render_link(
    renderer: Any, opening: bool, tokens: Sequence[Token], idx: int, options: Any, env: Any
) -> str:
    """A link, or only its text when it names a file of the project (see `lint.web_link`)."""
    as_text: list[bool] = env.setdefault("links_as_text", [])
    if opening:
        as_text.append(not web_link(str(tokens[idx].attrGet("href") or "")))
        if as_text[-1]:
            return ""
    elif as_text and as_text.pop():
        return ""
    return str(renderer.renderToken(tokens, idx, options, env))


NBSP = "\u00a0"  # an in-text citation is one unbreakable tag


def in_text(name: str, pages: str | None, style: str) -> str:
    """An in-text citation: "(Chandler)", or with the page in the style's form — MLA
    "(Chandler 12)", Chicago author-date "(Chandler, 12)", APA "(Chandler, p. 12)"."""
    if not pages:
        return f"({name})"
    shown = re.sub(r"(?<=\d)\s*-\s*(?=\d)", "–", pages)
    if style == "mla":
        return f"({name} {shown})"
    if style == "chicago":
        return f"({name}, {shown})"
    return f"({name}, {'pp.' if '–' in shown else 'p.'} {shown})"


def _citation_rule(state: StateInline, silent: bool) -> bool:
    m = CITATION.match(state.src, state.pos)
    if not m:
        return False
    if not silent:
        token = state.push("citation", "", 0)
        token.meta = {"seed": m[1], "pages": m["pages"]}
    state.pos = m.end()
    return True


@dataclass(frozen=True)
class FigureSpec:
    """What placing a figure seed prints: its picture (a path in the project), the words for
    a reader who cannot see it, its title and its credit (None where not yet given)."""

    src: str
    alt: str | None
    title: str
    credit: str | None


FIGURE = re.compile(r"^figure:([a-z0-9-]+)$", re.IGNORECASE)


def _disagreement_renderer(words: Words) -> Any:
    """How a `::: disagreement` block opens and closes, its label in `words`' language."""
    said = escape(words.say("Where the sources disagree"))

    def render(renderer: Any, tokens: Sequence[Token], idx: int, options: Any, env: Any) -> str:
        if tokens[idx].nesting == 1:
            # A note, not a landmark: a module may hold several, each read where it stands.
            return f'<div class="sources-disagree" role="note" aria-label="{said}">\n'
        return "</div>\n"

    return render


class MarkdownReader:
    """Renders the Markdown of one project; reusable across modules and lessons."""

    def __init__(
        self,
        seed_names: dict[str, str],
        terms: TermFinder,
        citation_style: str = "mla",
        figures: Mapping[str, FigureSpec] | None = None,
        words: Words = ENGLISH,
    ) -> None:
        self.seed_names = seed_names
        self.words = words  # packet's own words in the HTML: what a screen reader says
        self.figures = dict(figures or {})
        self.terms = terms
        self.citation_style = citation_style
        self.md = MarkdownIt("commonmark", {"html": False, "typographer": True})
        self.md.enable(["table", "smartquotes", "strikethrough"])
        self.md.core.ruler.before("smartquotes", "packet_typography", _typography_rule)
        for request in LAYOUT_REQUESTS:  # `::: new-page` … `:::` → <div class="new-page">
            self.md.use(container_plugin, name=request)
        self.md.use(container_plugin, name=DISAGREEMENT, render=_disagreement_renderer(words))
        self.md.validateLink = allowed_link  # type: ignore[method-assign]
        self.md.inline.ruler.before("link", "citation", _citation_rule)
        # markdown-it binds render rules to its renderer, so hand it plain functions.
        self.md.add_render_rule("citation", lambda _r, *args: self._render_citation(*args))
        self.md.add_render_rule(
            "paragraph_open", lambda _r, *args: self._render_paragraph_open(*args)
        )
        self.md.add_render_rule("link_open", lambda r, *args: _render_link(r, True, *args))
        self.md.add_render_rule("link_close", lambda r, *args: _render_link(r, False, *args))
        self.md.add_render_rule(
            "paragraph_close", lambda _r, *args: self._render_paragraph_close(*args)
        )

    # -- renderers -----------------------------------------------------------------

    def _render_citation(
        self, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
    ) -> str:
        seed = tokens[idx].meta["seed"]
        cited: list[str] = env.setdefault("cited", [])
        if seed not in cited:
            cited.append(seed)
        if (paragraph := env.get("paragraph")) is not None:
            places: list[int] = env.setdefault("cited_in", {}).setdefault(seed, [])
            if paragraph not in places:
                places.append(paragraph)
        name = self.seed_names.get(seed, seed)
        cited_as = in_text(name, tokens[idx].meta.get("pages"), self.citation_style)
        return f'<span class="cite">{escape(cited_as.replace(" ", NBSP))}</span>'

    def _render_paragraph_open(
        self, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
    ) -> str:
        token = tokens[idx]
        number = token.meta.get("number") if token.meta else None
        if number is None:
            return RendererHTML.renderToken(self.md.renderer, tokens, idx, options, env)  # type: ignore[arg-type]
        env["paragraph"] = number
        prefix = env.get("anchor", "m")
        source = token.attrGet("data-source")
        marked = f' data-source="{escape(str(source))}"' if source else ""
        said = self.words.say("Paragraph {number}", number=number)
        return (
            f'<p class="para" id="{prefix}-p{number}"{marked}>'
            f'<span class="pnum" aria-label="{escape(said)}">{number}</span>'
        )

    def _render_paragraph_close(
        self, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
    ) -> str:
        if tokens[idx].level == 0:
            env["paragraph"] = None
        return RendererHTML.renderToken(self.md.renderer, tokens, idx, options, env)  # type: ignore[arg-type]

    # -- passes over the token stream ---------------------------------------------

    def _number_paragraphs(self, tokens: list[Token]) -> int:
        numbered = _numbered(tokens)
        for number, index in enumerate(numbered, start=1):
            tokens[index].meta = {**(tokens[index].meta or {}), "number": number}
        return len(numbered)

    def _link_terms(self, tokens: list[Token], anchor: str, uses: _Uses) -> None:
        """Mark the terms of every paragraph outside headings; in a block quotation, as in
        a quotation, a term is left as the source wrote it."""
        heading = False
        quotation = 0  # block quotations open
        for token in tokens:
            if token.type in ("heading_open", "heading_close"):
                heading = token.type == "heading_open"
            elif token.type in ("blockquote_open", "blockquote_close"):
                quotation += 1 if token.type == "blockquote_open" else -1
            elif token.type == "inline" and token.children and not heading:
                quoted = [quotation > 0]
                token.children = self._link_inline(token.children, anchor, uses, quoted)

    def _link_inline(
        self, children: list[Token], anchor: str, uses: _Uses, quoted: list[bool]
    ) -> list[Token]:
        """The children with each term use linked to the glossary, the first outside
        quotations in bold. Inside a quotation (`quoted`: whether the text starts in one,
        kept from one text token to the next, link texts included) a term is not marked; the
        first use of a term gets the id the glossary's "first used on p." points to."""
        result: list[Token] = []
        in_link = 0
        block_quotation = quoted[0]
        for child in children:
            if child.type == "link_open":
                in_link += 1
            elif child.type == "link_close":
                in_link -= 1
            if child.type != "text" or in_link or not self.terms:
                if child.type == "text":  # a link's text: only where quotations open and close
                    _ = list(_quoted_uses([], child.content, quoted))
                result.append(child)
                continue
            text, pos = child.content, 0
            for start, end, term_id, in_quotation in _quoted_uses(
                self.terms.find(text), text, quoted
            ):
                quotation = in_quotation or block_quotation
                use = uses.use(term_id, quotation)
                if use is None:
                    continue
                if start > pos:
                    result.append(_text(text[pos:start]))
                result += _use_tokens(text[start:end], term_id, anchor, *use)
                pos = end
            if pos < len(text):
                result.append(_text(text[pos:]))
        return result

    # -- public --------------------------------------------------------------------

    @staticmethod
    def _bind_citations(tokens: list[Token]) -> None:
        """A citation keeps the word before it on its line: the two go in one
        `<span class="cited">`, joined by a space that does not break. (A no-break space
        straight before the tag's own element sends WeasyPrint's line breaking astray in
        table cells, putting one word on each line before it.)"""
        for token in tokens:
            if token.children and any(c.type == "citation" for c in token.children):
                token.children = _bound(token.children)

    def block(
        self,
        source: str,
        anchor: str,
        *,
        numbered: bool = True,
        link_terms: bool = True,
        where: Location | None = None,
        unlinked: frozenset[str] = frozenset(),
    ) -> RenderedText:
        """Render a module body; `anchor` prefixes the ids of paragraphs and first term uses;
        with `where` (the body's first line), each top-level block says where it was written
        (`data-source`, read by the print preflight); the terms in `unlinked` are left as
        written (`Project.unlinked_terms`)."""
        env: dict[str, Any] = {"anchor": anchor}
        tokens = self.md.parse(source, env)
        _unwrap_requests(tokens)
        if where is not None:
            _mark_sources(tokens, where)
        tokens = self._place_figures(tokens)
        _drop_outside_images(tokens)
        count = self._number_paragraphs(tokens) if numbered else 0
        uses = _Uses(unlinked=unlinked)
        if link_terms:
            self._link_terms(tokens, anchor, uses)
        self._bind_citations(tokens)
        html = Markup(self.md.renderer.render(tokens, self.md.options, env))
        return RenderedText(html, uses.seen, env.get("cited", []), count, env.get("cited_in", {}))

    def _place_figures(self, tokens: list[Token]) -> list[Token]:
        """A paragraph that is only `![caption](figure:ID)` becomes the figure: its picture,
        caption and credit (`figure_html`). Anywhere else, or naming no figure, it prints
        as its caption (check says why)."""
        placed: list[Token] = []
        index = 0
        while index < len(tokens):
            token = tokens[index]
            children = tokens[index + 1].children if index + 1 < len(tokens) else None
            alone = [c for c in children or [] if not (c.type == "text" and not c.content.strip())]
            if token.type == "paragraph_open" and len(alone) == 1 and alone[0].type == "image":
                found = FIGURE.match(str(alone[0].attrGet("src") or ""))
                spec = self.figures.get(found[1].lower()) if found else None
                if found and spec is not None:
                    block = Token("html_block", "", 0)
                    # The caption's *emphasis* and quotation marks, as any text's.
                    caption = RendererHTML.renderInline(
                        self.md.renderer,  # type: ignore[arg-type]
                        alone[0].children or [],
                        self.md.options,
                        {},
                    )
                    block.content = figure_html(found[1].lower(), spec, Markup(caption), self.words)
                    block.map, block.meta = token.map, {"figure": found[1]}
                    placed.append(block)
                    index += 3
                    continue
            placed.append(token)
            index += 1
        return placed

    def inline(self, source: str) -> RenderedText:
        """Render one line of Markdown (a question, an answer, a definition) without <p>."""
        env: dict[str, Any] = {}
        tokens = self.md.parseInline(source, env)
        _drop_outside_images(tokens)
        self._bind_citations(tokens)
        html = Markup(self.md.renderer.render(tokens, self.md.options, env))
        return RenderedText(html, [], env.get("cited", []))

    def nesting_levels(self, source: str) -> Iterator[tuple[int, int]]:
        """(line, nesting level) of each block of `source`, for the nesting check."""
        tokens = self.md.parse(source, {})
        _unwrap_requests(tokens)
        for token in tokens:
            if token.map is not None:
                yield token.map[0] + 1, token.level

    def numbered_paragraphs(self, source: str) -> list[str]:
        """The Markdown of each paragraph `block` numbers, in order: what "paragraph 3" of a
        question is checked against."""
        tokens = self.md.parse(source, {})
        _unwrap_requests(tokens)
        tokens = self._place_figures(tokens)  # a figure is no paragraph, as `block` prints it
        return [tokens[i + 1].content for i in _numbered(tokens)]

    def plain(self, source: str) -> str:
        """A module body as running text: paragraphs and lists, no headings or citations."""
        blocks = []
        heading = False
        for token in self.md.parse(source, {}):
            if token.type in ("heading_open", "heading_close"):
                heading = token.type == "heading_open"
            elif token.type == "inline" and token.children and not heading:
                blocks.append(
                    "".join(
                        " " if c.type in ("softbreak", "hardbreak") else c.content
                        for c in token.children
                        if c.type in ("text", "code_inline", "softbreak", "hardbreak")
                    )
                )
        return "\n\n".join(" ".join(b.split()) for b in blocks if b.strip())


def _drop_outside_images(tokens: Sequence[Token]) -> None:
    """Images from outside the project print as their alt text (lint.py warns about them), and
    so does a figure not placed on its own (check says so)."""
    for token in tokens:
        if token.children:
            for i, child in enumerate(token.children):
                src = str(child.attrGet("src") or "")
                if child.type == "image" and (not allowed_image(src) or FIGURE.match(src)):
                    token.children[i] = _text(child.content)


def figure_html(
    figure_id: str, spec: FigureSpec, caption: str | Markup, words: Words = ENGLISH
) -> str:
    """A placed figure: its picture (with its alt text, which the tagged PDF and the HTML
    keep for a reader who cannot see it), and under it the caption — the module's words
    (rendered: `caption` as Markup), or the figure's title — and its credit."""
    shown = Markup(caption) if isinstance(caption, Markup) else Markup(escape(caption))
    if not shown.striptags().strip():
        shown = Markup(escape(spec.title))
    if shown.striptags().rstrip()[-1:] not in '.!?”’")':
        shown += Markup(".")
    credit = (
        words.say("Credit: {credit}", credit=spec.credit)
        if spec.credit
        else words.say("Credit not yet given.")
    )
    alt = spec.alt or shown.striptags()
    return (
        f'<figure class="figure" data-figure="{escape(figure_id)}">'
        f'<img src="{escape(spec.src)}" alt="{escape(alt)}">'
        f'<figcaption><span class="caption">{shown}</span> '
        f'<span class="credit">{escape(credit)}</span></figcaption></figure>\n'
    )


def _text(content: str) -> Token:
    token = Token("text", "", 0)
    token.content = content
    return token


def markup_for(project: Project, words: Words = ENGLISH) -> MarkdownReader:
    """The project's Markdown reader: its seeds' short names for citations, its glossary's
    terms to find; what it says to a screen reader in `words`' language."""
    names = {seed.id: seed.meta.short for seed in project.seeds.values()}
    terms = tuple((t.id, t.spellings, t.entry.match_case) for t in project.terms.values())
    figures = {
        seed.id: FigureSpec(
            f"seeds/{seed.meta.file}",
            seed.meta.figure.alt if seed.meta.figure else None,
            seed.meta.title.value,
            seed.meta.figure.credit if seed.meta.figure else None,
        )
        for seed in project.seeds.values()
        if seed.meta.format == "figure"
    }
    return MarkdownReader(
        names, term_finder(terms), project.settings.citation_style, figures, words
    )


@functools.lru_cache(maxsize=1)
def term_finder(terms: tuple[TermSpec, ...]) -> TermFinder:
    """The `TermFinder` of `terms`. The last one made is kept: the check and every packet of
    a build index the glossary once, and so does `packet serve` while the glossary is
    unchanged."""
    return TermFinder(terms)
