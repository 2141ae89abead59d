"""`packet pull`: new seed documents -> a seed record and draft content, buildable at once.

For each document (plain text, Markdown or HTML, in any encoding `sources`
reads) pull:

1. copies it byte for byte into seeds/ and writes seeds/<file>.meta.yaml with
   the title, author and date the document states (each checked to appear in
   its text; what it could not find is listed, never invented);
2. reads the article (boilerplate removed) and drafts, all marked `draft: true`:
   - a module per heading (or per few paragraphs when there are none), whose
     body is the source's own paragraphs, cited, with provenance;
   - a timeline event for every dated statement, the sentence as its detail
     and source passage;
   - glossary terms: acronyms with their expansion, "also called"/"known as"
     names, quoted coinages and recurring proper names, each with the
     sentence that introduces it;
   - a lesson holding the drafted modules;
3. checks the project with the drafts in it; if that fails — or the pull is
   stopped by Ctrl-C, SIGTERM or SIGHUP while writing or checking — every file
   is put back as it was (new files and folders removed, changed ones
   restored) and the problems are reported: nothing is half-written.

Everything is computed before anything is written, and everything that could
stop the pull is refused first, each with what to do: a document over the size
limit, a FIFO or a device (checked before a byte is read); a file name with a
line break or control character (it is copied into YAML comments and printed
to the terminal), starting with a dot, too long for seeds/<name>.meta.yaml, or
given twice; a folder of the project that is a link leading out of it. Text
from the document that Markdown would read as a citation (`[@id]`) is escaped,
so a draft never cites a seed its source did not.
"""

from __future__ import annotations

import contextlib
import os
import re
import signal
import threading
import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import FrameType
from typing import Any

import yaml

from .dates import MONTHS, find_dates, parse_date
from .errors import BuildError, ContentError, Location, PacketError, Problem, UsageError
from .files import MAX_FILE_BYTES, Refused, is_own_temporary, read_file, write_atomic
from .layout import ID_PATTERN, input_roots, inside
from .lint import INVISIBLE
from .sources import KINDS, Article, SourceError, article, read_document, seed_text
from .text import contains_passage, normalise, sentences, slug

SECTION_WORDS = 250  # a document without headings is cut into sections of about this many words
TERMS_MAX = 30
DRAFT_NOTE = (  # a block quote, so it takes no paragraph number
    "> *Draft pulled by packet from {title}: the paragraphs below are the source's own words. "
    "Rewrite them for your students, keeping every quotation exact and cited.*"
)


@dataclass
class PullReport:
    """What one pulled document gave, for the teacher to read."""

    seed_id: str
    seed_file: str
    encoding: str
    kind: str
    found: dict[str, str] = field(default_factory=dict)  # title/author/date as written
    missing: list[str] = field(default_factory=list)
    modules: list[str] = field(default_factory=list)
    events: int = 0
    terms: int = 0
    skipped: list[str] = field(default_factory=list)
    lesson: str = ""
    warnings: list[str] = field(default_factory=list)  # e.g. a declared encoding the bytes deny


class PullInterrupted(PacketError):
    """The pull was stopped by a signal while writing or checking; every file is back.

    Raised only when the handler the caller had for that signal (it is given the signal
    once the files are back) returns instead of stopping the program itself."""

    def __init__(self, signum: int) -> None:
        self.signum = signum
        name = signal.Signals(signum).name
        super().__init__(
            f"pull stopped by {name}: every file it had written is put back as it was — "
            "nothing was pulled"
        )


# -- reading the article ----------------------------------------------------------------


@dataclass
class Section:
    title: str
    paragraphs: list[str]


def _sections(found: Article, fallback_title: str) -> list[Section]:
    sections: list[Section] = []
    current = Section(found.title or fallback_title, [])
    for role, text in found.blocks:
        if role == "heading":
            if current.paragraphs:
                sections.append(current)
            current = Section(text, [])
        else:
            current.paragraphs.append(text)
    if current.paragraphs:
        sections.append(current)
    if len(sections) > 1:
        return sections
    # No headings: cut at paragraph boundaries into sections of about SECTION_WORDS words.
    paragraphs = sections[0].paragraphs if sections else []
    chunks: list[Section] = []
    for paragraph in paragraphs:
        if not chunks or sum(len(p.split()) for p in chunks[-1].paragraphs) >= SECTION_WORDS:
            chunks.append(Section("", []))
        chunks[-1].paragraphs.append(paragraph)
    title = found.title or fallback_title
    for number, chunk in enumerate(chunks, start=1):
        chunk.title = title if len(chunks) == 1 else f"{title} ({number} of {len(chunks)})"
    return chunks


# -- drafting -----------------------------------------------------------------------------

_ACRONYM = re.compile(r"\(([A-Z][A-Z0-9-]{1,9})\)")
_CAPITALISED = re.compile(r"^[A-Z][\w’'-]*$")
_LINKS = {"of", "the", "and", "for", "in", "de", "du", "la", "von", "van"}
_ALSO = re.compile(
    r"\b(?:also|better|commonly|widely)?\s*(?:called|known as|termed as|termed|named|dubbed)\s+"
    r"(?:the\s+)?(?:[“\"‘'](?P<quoted>[^”\"’']{2,60})[”\"’']|(?P<name>[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,4}))"
)
_COINAGE = re.compile(r"[“\"‘](?P<term>[A-Z][^”\"’]{1,40}?)[”\"’]")
_PROPER = re.compile(r"\b[A-Z][\w’'-]+(?:\s+(?:of\s+|the\s+|de\s+)?[A-Z][\w’'-]+)+")
_MONTHS = set(MONTHS) | {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
                         "Sunday"}  # fmt: skip
_STOP = {
    "The", "A", "An", "In", "On", "At", "By", "From", "After", "Before", "During", "Although",
    "When", "This", "That", "These", "Those", "It", "He", "She", "They", "We", "You", "I",
    "But", "And", "Or", "If", "As", "Following", "Finally", "Soon", "Only", "Many", "Both",
    "Anyone", "One", "Over", "Talks", "Isolated", "Initially", "Cities",
}  # fmt: skip


@dataclass
class TermDraft:
    term: str
    aliases: list[str]
    sentence: str


def _expansion(text: str, end: int) -> str | None:
    """The capitalised words just before position `end` (an acronym's expansion)."""
    words = text[:end].rstrip().split()
    taken: list[str] = []
    for word in reversed(words):
        bare = word.strip(',;:“”"')
        if _CAPITALISED.match(bare) or (bare in _LINKS and taken):
            taken.insert(0, bare)
            if len(taken) >= 8:
                break
        else:
            break
    while taken and taken[0] in _LINKS:
        taken.pop(0)
    capitals = [w for w in taken if _CAPITALISED.match(w)]
    return " ".join(taken) if len(capitals) >= 2 else None


def draft_terms(paragraphs: Sequence[str]) -> list[TermDraft]:
    """Glossary candidates in text order, each with the sentence that first introduces it."""
    found: dict[str, TermDraft] = {}
    all_sentences = [s for p in paragraphs for s in sentences(p)]

    def add(term: str, sentence: str, aliases: Sequence[str] = ()) -> None:
        term = term.strip(" ,.;:").strip()
        if len(term) < 2 or term.casefold() in found or term in _STOP:
            return
        if any(term.casefold() in (a.casefold() for a in d.aliases) for d in found.values()):
            return
        found[term.casefold()] = TermDraft(term, [a for a in aliases if a != term], sentence)

    for sentence in all_sentences:
        for m in _ACRONYM.finditer(sentence):
            expansion = _expansion(sentence, m.start())
            if expansion:
                add(expansion, sentence, [m[1]])
        for m in _ALSO.finditer(sentence):
            add(m["quoted"] or m["name"], sentence)
        for m in _COINAGE.finditer(sentence):
            if len(m["term"].split()) <= 4:
                add(m["term"], sentence)
    # Recurring proper names: capitalised runs seen at least twice (a leading "The" dropped),
    # and single capitalised words seen three times away from the start of a sentence.
    counts: Counter[str] = Counter()
    for m in _PROPER.finditer("\n".join(all_sentences)):
        words = m.group(0).split()
        if words[0] in _STOP:
            words = words[1:]
        name = re.sub(r"[’']s$", "", " ".join(words))
        if len(name.split()) >= 2:
            counts[name] += 1
    singles: Counter[str] = Counter()
    for sentence in all_sentences:
        for m in re.finditer(r"(?<=[a-z,;] )([A-Z][a-z’'-]{2,})\b", sentence):
            singles[re.sub(r"[’']s$", "", m[1])] += 1
    for name, count in counts.most_common():
        if count >= 2:
            add(name, next(s for s in all_sentences if name in s))
    for name, count in singles.most_common():
        in_longer = any(name in d.term.split() for d in found.values())
        if count >= 3 and name not in _STOP and name not in _MONTHS and not in_longer:
            add(name, next(s for s in all_sentences if name in s))
    return list(found.values())[:TERMS_MAX]


_LEADING_INTO = re.compile(
    r"\b(?:in|on|by|from|during|until|since|after|before|around|of)(?:\s+the)?\s*$", re.IGNORECASE
)
_TIME_OF_DAY = re.compile(
    r"^(?:(?:in|on|at|by)\s+)?(?:the\s+)?(?:evening|morning|night|end|beginning|start)\b\s*,?\s*",
    re.IGNORECASE,
)


def _event_title(sentence: str, start: int, end: int) -> str:
    """A short title: the sentence without its date phrase and the words leading into it."""
    before = _LEADING_INTO.sub("", sentence[:start])
    rest = f"{before.rstrip()} {sentence[end:].lstrip()}".strip()
    rest = re.sub(r"\s+([,.;:])", r"\1", rest)
    rest = re.sub(r"^[\s,;:–-]+|(?<=[a-z]),\s*,", "", rest)
    rest = _TIME_OF_DAY.sub("", rest)
    words = rest.rstrip(".").split()
    title = " ".join(words[:9]).rstrip(",;:") + ("…" if len(words) > 9 else "")
    return title[:1].upper() + title[1:] if title else "Dated event"


def _uncited(text: str) -> str:
    """The document's text for a drafted field that is rendered as Markdown: `[@id]` in it is
    the source's own text, not a citation, so its bracket is escaped."""
    return text.replace("[@", "\\[@")


def _literal(text: str) -> str:
    """Text set in Markdown exactly as written (a title, a file name)."""
    return re.sub(r"([\\`*_\[\]<>#!|~])", r"\\\1", text)


def _cite_quotes(paragraph: str, seed_id: str) -> str:
    """The paragraph with a citation after each quotation inside it, and one at its end."""
    paragraph = _uncited(paragraph)
    cited = re.sub(
        r"(“[^“”\n]{1,300}”|\"[^\"\n]{1,300}\")(?!\s*\[@)", rf"\1 [@{seed_id}]", paragraph
    )
    return f"{cited} [@{seed_id}]"


def _dump(data: Any) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)


# -- the pull itself ------------------------------------------------------------------------


@dataclass
class _Planned:
    report: PullReport
    files: dict[Path, bytes]  # new files
    timeline: list[dict[str, Any]]
    glossary: list[dict[str, Any]]


def _read_project_file(root: Path, path: Path) -> bytes | None:
    """A project file pull appends to or puts back, read the one safe way; None if absent."""
    if not os.path.lexists(path):
        return None
    try:
        return read_file(path, input_roots(root))
    except Refused as exc:
        where = Location(path.relative_to(root).as_posix())
        raise ContentError([Problem(where, exc.message, exc.hint)]) from exc


def _project_text(root: Path, path: Path, data: bytes) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        where = Location(path.relative_to(root).as_posix())
        problem = Problem(where, f"byte {exc.start} is not UTF-8", "save the file as UTF-8")
        raise ContentError([problem]) from exc


def _existing_ids(root: Path, path: Path) -> set[str]:
    data = _read_project_file(root, path)
    if data is None:
        return set()
    text = _project_text(root, path, data)
    return set(re.findall(rf"^\s*-?\s*id:\s*['\"]?({ID_PATTERN})", text, re.M))


def _entries(folder: Path) -> list[Path]:
    try:
        return list(folder.iterdir())
    except OSError:
        return []


def _id_part(text: str) -> str:
    """Lower-case letters, digits and hyphens from `text` (accents dropped), or ""."""
    folded = unicodedata.normalize("NFKD", text)
    folded = "".join(c for c in folded if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]+", "-", folded.lower()).strip("-")


# -- names --------------------------------------------------------------------------------

# The name is copied into seeds/ and into YAML comments, and printed to the terminal: a line
# break ends a comment early (what follows is read as YAML), an escape sequence drives the
# terminal. Such a name is refused rather than escaped: the file on disk would still carry it
# into every listing, shell and version history, and renaming it is one step for the teacher.
_BREAKS_NAME = {"Cc", "Cs", "Zl", "Zp"}  # controls, undecodable bytes, line/paragraph breaks
# The temporary name write_atomic uses for seeds/<name>.meta.yaml must fit in 255 bytes.
MAX_NAME_BYTES = 255 - len(".meta.yaml") - len("..packet-12345678.part")


def shown(text: str) -> str:
    """`text` with every control, invisible or undecodable character spelt out as an escape,
    so a message about a strange file name cannot itself do anything to the terminal."""
    out = []
    for char in text:
        code = ord(char)
        if 0xDC80 <= code <= 0xDCFF:  # a byte the file system name could not decode
            out.append(f"\\x{code - 0xDC00:02x}")
        elif unicodedata.category(char) in _BREAKS_NAME or code in INVISIBLE:
            out.append(f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")
        else:
            out.append(char)
    return "".join(out)


def _name_problem(name: str) -> tuple[str, str] | None:
    """Why a document's file name cannot be a seed's name, and the fix; None when it can."""
    rename = "rename the file, keeping to letters, digits, spaces, hyphens and dots, then pull it"
    for char in name:
        if unicodedata.category(char) in _BREAKS_NAME or ord(char) in INVISIBLE:
            what = "a line break" if char in "\r\n\x85\u2028\u2029" else "a control character"
            if unicodedata.category(char) == "Cs":
                what = "bytes that are not text in any encoding"
            elif ord(char) in INVISIBLE:
                what = "an invisible or direction-changing character"
            return f"the file name contains {what} ({shown(char)})", rename
    if name.startswith("."):
        return "the file name starts with a dot, which hides it", rename
    if "\\" in name:
        return "the file name contains a backslash", rename
    size = len(os.fsencode(name))
    if size > MAX_NAME_BYTES:
        return (
            f"the file name is too long for seeds/ ({size} bytes; at most {MAX_NAME_BYTES})",
            "rename the file to something shorter, then pull it",
        )
    return None


def _unique(base: str, taken: set[str]) -> str:
    base = slug(base)[:48].strip("-") or "x"
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}-{n}", n + 1
    taken.add(candidate)
    return candidate


def _meta_value(value: str | None, text: str, basis: str) -> Any:
    if value is None:
        return None
    if contains_passage(text, value):
        return value
    return {"value": value, "attributed": basis}


def _plan(root: Path, source: Path, seed_id: str | None, taken: dict[str, set[str]]) -> _Planned:
    where = Location(shown(str(source)))
    kind = KINDS.get(source.suffix.lower())
    if kind is None:
        what = shown(source.suffix or source.name)
        raise ContentError(
            [
                Problem(
                    where,
                    f"'{what}' is not a kind of document packet reads",
                    "pull plain text (.txt), Markdown (.md) or a saved web page (.html)",
                )
            ]
        )
    if problem := _name_problem(source.name):
        raise ContentError([Problem(where, *problem)])
    # The teacher chose this file, wherever it is; it is still refused, unread, if it is a
    # named pipe, a device or over the size limit.
    try:
        data = read_file(source, [source.resolve().parent])
    except Refused as exc:
        message = exc.message
        if message == "the file does not exist":
            message = "cannot read the file: it does not exist"
        raise ContentError([Problem(where, message, exc.hint)]) from exc
    try:
        decoded = read_document(data, kind)
        text, encoding = decoded.text, decoded.encoding
        found = article(text, kind)
        quotable = seed_text(data, kind)
    except SourceError as exc:
        raise ContentError([Problem(where, str(exc), exc.hint)]) from exc
    if not found.blocks:
        raise ContentError(
            [
                Problem(
                    where,
                    "no article text found in the document",
                    "check it is the article itself, not only a page's menus or a login page",
                )
            ]
        )

    seed_file = source.name
    target = root / "seeds" / seed_file
    # A name differing only in case is the same file on a Mac or Windows computer the unit
    # is shared with.
    target = next(
        (p for p in _entries(root / "seeds") if p.name.casefold() == seed_file.casefold()), target
    )
    if os.path.lexists(target):
        try:
            same = read_file(target, input_roots(root)) == data
        except Refused:
            same = False
        raise ContentError(
            [
                Problem(
                    where,
                    f"seeds/{shown(target.name)} already exists"
                    + (" with the same contents" if same else ""),
                    "it has been pulled before" if same else "rename the file before pulling it",
                )
            ]
        )
    # From the title, else the file name (a title in another script leaves no letters).
    derived = next((part for part in map(_id_part, (found.title or "", source.stem)) if part), "")
    sid = _unique(seed_id or derived[:30].strip("-") or "seed", taken["seeds"])
    report = PullReport(sid, seed_file, encoding, kind, skipped=found.skipped)
    if decoded.warning:
        report.warnings.append(decoded.warning)

    title = found.title
    for name, stated in (("title", title), ("author", found.author), ("date", found.date)):
        if stated:
            report.found[name] = stated
        else:
            report.missing.append(name)
    basis = "read by packet pull from the page's metadata, not from its text"
    meta: dict[str, Any] = {
        "id": sid,
        "file": seed_file,
        "short": (title or source.stem)[:40],
        "kind": "web page" if kind == "html" else "document",
        "kind_basis": f"Pulled by packet from {seed_file}; say what kind of source it is.",
        "title": _meta_value(title, quotable, basis)
        or {
            "value": source.stem,
            "attributed": "the document states no title; this is its file name",
        },
    }
    if found.author:
        meta["author"] = _meta_value(found.author, quotable, basis)
    if found.date:
        dates = find_dates(found.date) or [(0, 0, found.date)]
        iso = dates[0][2]
        try:
            parse_date(iso)
            value: Any = {"value": iso, "as_written": found.date}
            if not contains_passage(quotable, found.date):
                value = {"value": iso, "attributed": basis}
            meta["date"] = value
            if found.date.lower().startswith("updated"):
                meta["date_kind"] = "updated"
        except ValueError:
            report.missing.append("date (not readable)")
    meta["format"] = kind
    header = (
        f"# Bibliographic record of seeds/{seed_file}, drafted by packet pull.\n"
        + (
            f"# Not found in the document: {', '.join(report.missing)}; "
            "add them only from the source itself.\n"
            if report.missing
            else ""
        )
        + "".join(f"# Encoding: {warning}.\n" for warning in report.warnings)
        + "# Check every value against the document before relying on it.\n"
    )
    # Record what was dropped, so `packet check` keeps it out of content — but not a line that
    # also occurs in the article (a repeated title), which content may rightly quote.
    article_text = normalise(found.text)
    boilerplate = [
        line
        for line in dict.fromkeys(found.skipped)
        if line != title and normalise(line) not in article_text
    ]
    if boilerplate:
        meta["boilerplate"] = boilerplate
    files: dict[Path, bytes] = {
        target: data,
        root / "seeds" / f"{seed_file}.meta.yaml": (header + _dump(meta)).encode("utf-8"),
    }

    shown_title = _literal(f"“{title}”" if title else seed_file)
    terms = draft_terms([text for role, text in found.blocks if role == "para"])
    term_ids: list[tuple[str, TermDraft]] = []
    glossary = []
    for term in terms:
        term_id = slug(term.term)[:48].strip("-")
        if not term_id or term_id in taken["terms"]:
            continue
        taken["terms"].add(term_id)
        term_ids.append((term_id, term))
        glossary.append(
            {
                "id": term_id,
                "term": term.term,
                "aliases": term.aliases,
                "definition": _uncited(term.sentence),
                "source": sid,
                "passage": term.sentence,
                "draft": True,
            }
        )
    report.terms = len(glossary)

    timeline: list[dict[str, Any]] = []
    sections = _sections(found, source.stem)
    for number, section in enumerate(sections, start=1):
        words = _id_part(section.title).split("-")
        short = "-".join(words[:4]) if section.title != found.title else ""
        module_id = _unique(f"{sid}-{number}-{short}".strip("-"), taken["modules"])
        body_text = " ".join(section.paragraphs)
        key_terms = [tid for tid, t in term_ids if t.term in body_text][:6]
        first = [sentences(p)[0] for p in section.paragraphs]
        front = {
            "title": section.title,
            "summary": _uncited(first[0] if len(first[0]) <= 300 else section.title),
            "key_terms": key_terms,
            "questions": [
                {
                    "ask": f"What does this section say about {_uncited(section.title)}?",
                    "answer": "Draft: write a model answer from the text.",
                    "kind": "comprehension",
                }
            ],
            "provenance": [{"seed": sid, "passage": s} for s in first],
            "draft": True,
        }
        body = "\n\n".join(
            [DRAFT_NOTE.format(title=shown_title)]
            + [_cite_quotes(p, sid) for p in section.paragraphs]
        )
        path = root / "content" / "modules" / f"{module_id}.md"
        files[path] = f"---\n{_dump(front)}---\n{body}\n".encode()
        report.modules.append(module_id)
        for paragraph in section.paragraphs:
            for sentence in sentences(paragraph):
                for start, end, date in find_dates(sentence):
                    title_of = _event_title(sentence, start, end)
                    timeline.append(
                        {
                            "id": _unique(f"{sid}-{date}-{title_of}"[:48], taken["events"]),
                            "date": date,
                            "title": title_of,
                            "detail": _uncited(sentence),
                            "sources": [{"seed": sid, "passage": sentence}],
                            "modules": [module_id],
                            "draft": True,
                        }
                    )
    report.events = len(timeline)

    lesson_id = _unique(sid, taken["lessons"])
    lesson = {
        "title": title or source.stem,
        "summary": f"Draft lesson pulled from {seed_file}.",
        "modules": report.modules,
        "sections": ["timeline", "glossary", "sources"],
    }
    files[root / "content" / "lessons" / f"{lesson_id}.yaml"] = _dump(lesson).encode()
    report.lesson = lesson_id
    return _Planned(report, files, timeline, glossary)


def _append(old: str, entries: list[dict[str, Any]], note: str) -> bytes:
    if old.strip() in ("", "[]"):
        old = ""
    elif not old.endswith("\n"):
        old += "\n"
    return (old + f"# {note}\n" + _dump(entries)).encode("utf-8")


# -- writing, and putting everything back ---------------------------------------------------

_SIGNALS = tuple(
    getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGHUP") if hasattr(signal, name)
)


class _Stopped(BaseException):
    """Raised by the signal handler inside the pull; never leaves `pull`."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


class _SignalGuard:
    """While armed, the first SIGINT, SIGTERM or SIGHUP raises `_Stopped` where the pull is,
    so the files can be put back; signals after that (a second Ctrl-C) are remembered, not
    acted on, until the previous handlers are back. A signal someone chose to ignore
    (`nohup`) stays ignored."""

    def __init__(self) -> None:
        self.armed = False
        self.pending: int | None = None
        self.previous: dict[int, Any] = {}

    def _handle(self, signum: int, frame: FrameType | None) -> None:
        if self.armed:
            self.armed = False
            raise _Stopped(signum)
        if self.pending is None:
            self.pending = signum

    def arm(self) -> None:
        self.armed = True
        if threading.current_thread() is not threading.main_thread():
            return  # only the main thread may set handlers; exceptions still roll back
        for signum in _SIGNALS:
            current = signal.getsignal(signum)
            if current is None or current == signal.SIG_IGN:
                continue  # ignored on purpose, or set outside Python where it cannot be restored
            self.previous[signum] = current
            signal.signal(signum, self._handle)

    def disarm(self) -> None:
        self.armed = False

    def restore(self, *, deliver: bool) -> None:
        """Put the previous handlers back; with `deliver`, pass them a signal that came late."""
        self.armed = False
        for signum, handler in self.previous.items():
            signal.signal(signum, handler)
        self.previous.clear()
        if deliver and self.pending is not None:
            signal.raise_signal(self.pending)


def _missing_folders(files: dict[Path, bytes]) -> list[Path]:
    """The folders the drafts go in that do not exist yet, outermost first."""
    missing: dict[Path, None] = {}
    for path in files:
        folder, chain = path.parent, []
        while not folder.exists() and folder not in missing:
            chain.append(folder)
            folder = folder.parent
        missing.update(dict.fromkeys(reversed(chain)))
    return sorted(missing, key=lambda folder: len(folder.parts))


def _put_back(
    root: Path, files: dict[Path, bytes], old: dict[Path, bytes | None], folders: list[Path]
) -> None:
    """Every file as it was before the pull: new ones removed, changed ones restored, the
    folders made for them removed again; packet's own temporaries of them cleared too."""
    failed: list[str] = []
    for path in reversed(list(files)):
        try:
            before = old.get(path)
            if before is None:
                path.unlink(missing_ok=True)
            elif _current(root, path) != before:
                write_atomic(path, before, elsewhere="")
        except (OSError, BuildError) as exc:
            failed.append(f"{path}: {exc}")
        with contextlib.suppress(OSError):
            for temporary in path.parent.glob(f".{_glob_escape(path.name)}.packet-*.part"):
                if is_own_temporary(temporary.name) and not temporary.is_symlink():
                    temporary.unlink()
    for folder in reversed(folders):
        with contextlib.suppress(OSError):
            folder.rmdir()  # only if empty: nothing but the pull's own files was in it
    if failed:
        raise BuildError(
            "could not put these files back as they were before the pull: " + "; ".join(failed)
        )


def _current(root: Path, path: Path) -> bytes | None:
    try:
        return read_file(path, input_roots(root))
    except Refused:
        return None


def _glob_escape(name: str) -> str:
    return re.sub(r"([*?\[])", r"[\1]", name)


def _check_targets(root: Path, files: dict[Path, bytes], old: dict[Path, bytes | None]) -> None:
    """Refuse, before writing, a draft that would land outside the project (through a folder
    that is a link), replace a file pull did not read, or be too big for packet to read back
    (a long document's timeline)."""
    real_root = root.resolve()
    problems: list[Problem] = []
    for path in files:
        where = Location(shown(path.relative_to(root).as_posix()))
        if not inside(path.parent.resolve(), [real_root]):
            problems.append(
                Problem(
                    where,
                    "its folder is a link to a folder outside the project; packet writes only "
                    "inside the project",
                    "replace the link with a real folder",
                )
            )
        elif len(files[path]) > MAX_FILE_BYTES:
            problems.append(
                Problem(
                    where,
                    f"would be {len(files[path]) / 1_000_000:.1f} MB with the drafts, over the "
                    f"{MAX_FILE_BYTES / 1_000_000:g} MB packet reads in one file",
                    "pull a shorter document, or only the part of it the packet needs",
                )
            )
        elif path not in old and os.path.lexists(path):
            problems.append(
                Problem(
                    where,
                    "already exists, and packet pull would replace it",
                    "move it out of the way, then pull again",
                )
            )
    if problems:
        raise ContentError(problems)


def pull(root: Path, sources: Sequence[Path], seed_id: str | None = None) -> list[PullReport]:
    """Pull `sources` into the project at `root`; see the module docstring."""
    from .check import check_project
    from .project import load_project

    if seed_id is not None and len(sources) != 1:
        raise UsageError("--id names one seed: pull one file at a time with it")
    if seed_id is not None and not re.fullmatch(ID_PATTERN, seed_id):
        raise UsageError(f"--id '{shown(seed_id)}': use lower-case letters, digits and hyphens")
    if seed_id is not None and len(seed_id) > 48:
        raise UsageError(f"--id '{seed_id}': at most 48 characters")
    project = load_project(root)
    if seed_id is not None and seed_id in project.seeds:
        # Not quietly "-2": content already citing [@id] would go on citing the other seed.
        taken_by = shown(project.seeds[seed_id].path.name)
        raise UsageError(
            f"--id '{seed_id}' is already the id of seeds/{taken_by} — "
            "choose another id, or leave --id out"
        )
    glossary_path = root / "content" / "glossary.yaml"
    taken = {
        "seeds": set(project.seeds),
        "modules": set(project.modules),
        "lessons": set(project.lessons),
        "terms": set(project.terms) | _existing_ids(root, glossary_path),
        "events": {e.entry.id for e in project.events},
    }
    problems: list[Problem] = []
    plans: list[_Planned] = []
    named: dict[str, Path] = {}  # by name, in any case: one seeds/ file on a Mac or Windows
    for source in sources:
        where = Location(shown(str(source)))
        first = named.get(source.name.casefold())
        if first is not None:
            same = first.resolve() == source.resolve()
            problems.append(
                Problem(
                    where,
                    "this file is named twice"
                    if same
                    else f"another file named {shown(first.name)} is pulled too "
                    f"({shown(str(first))}); both would be seeds/{shown(source.name)}",
                    "name each file once" if same else "rename one of them, then pull both",
                )
            )
            continue
        named[source.name.casefold()] = source
        try:
            plans.append(_plan(root, source, seed_id, taken))
        except ContentError as exc:
            problems.extend(exc.problems)
    if problems:
        raise ContentError(problems)

    files: dict[Path, bytes] = {}
    for plan in plans:
        files.update(plan.files)
    old: dict[Path, bytes | None] = {}  # the files pull changes, as they were
    for name, key in (("timeline.yaml", "timeline"), ("glossary.yaml", "glossary")):
        entries = [e for plan in plans for e in getattr(plan, key)]
        if entries:
            pulled = ", ".join(f"seeds/{p.report.seed_file}" for p in plans)
            path = root / "content" / name
            old[path] = before = _read_project_file(root, path)
            text = "" if before is None else _project_text(root, path, before)
            files[path] = _append(text, entries, f"Drafted by packet pull from {pulled}")
    _check_targets(root, files, old)

    folders = _missing_folders(files)
    guard = _SignalGuard()
    try:
        try:
            guard.arm()
            for folder in folders:
                try:
                    folder.mkdir(exist_ok=True)
                except OSError as exc:
                    raise BuildError(
                        f"{folder}: cannot create the folder: {exc.strerror or exc}"
                    ) from exc
            for path, data in files.items():
                write_atomic(path, data, elsewhere="")
            report = check_project(load_project(root))
            if report.errors:
                raise ContentError(report.errors)
            guard.disarm()
        except BaseException:
            guard.disarm()  # a signal from here on is remembered, never raised
            raise
    except BaseException as exc:
        stopped = isinstance(exc, _Stopped)
        try:
            _put_back(root, files, old, folders)
        finally:
            guard.restore(deliver=not stopped)
        if isinstance(exc, _Stopped):
            # Every file is back: the signal now does what it did before the pull — the CLI
            # reports it and exits with 128 + its number, a default SIGTERM ends the process.
            signal.raise_signal(exc.signum)
            raise PullInterrupted(exc.signum) from None
        raise
    guard.restore(deliver=True)  # a signal after the check passed: the pull is complete
    return [plan.report for plan in plans]
