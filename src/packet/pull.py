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
3. checks the project with the drafts in it; if that fails, every file is put
   back as it was and the problems are reported — nothing is half-written.

Everything is computed before anything is written.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .dates import MONTHS, find_dates, parse_date
from .errors import ContentError, Location, Problem, UsageError
from .files import write_atomic
from .sources import KINDS, Article, SourceError, article, decode, seed_text
from .text import contains_passage, normalise, slug

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


# -- reading the article ----------------------------------------------------------------

_SENTENCE_END = re.compile(r"(?<=[.!?])[”\"’)]?\s+(?=[“\"‘(]?[A-Z0-9])")


def sentences(paragraph: str) -> list[str]:
    """The paragraph cut into sentences (kept verbatim, so each is a passage of the seed)."""
    parts, start = [], 0
    for m in _SENTENCE_END.finditer(paragraph):
        before = paragraph[max(0, m.start() - 5) : m.start()]
        if re.search(
            r"\b(?:[A-Z]|U\.S|Mr|Mrs|Dr|St|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|c|ca|No)\.$",
            before,
        ):
            continue  # an abbreviation, not the end of a sentence
        parts.append(paragraph[start : m.start() + len(m.group(0).rstrip())].strip())
        start = m.end()
    parts.append(paragraph[start:].strip())
    return [p for p in parts if p]


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


def _cite_quotes(paragraph: str, seed_id: str) -> str:
    """The paragraph with a citation after each quotation inside it, and one at its end."""
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


def _existing_ids(path: Path) -> set[str]:
    if not path.is_file():
        return set()
    return set(
        re.findall(r"^\s*-?\s*id:\s*['\"]?([a-z0-9][a-z0-9-]*)", path.read_text("utf-8"), re.M)
    )


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
    where = Location(str(source))
    kind = KINDS.get(source.suffix.lower())
    if kind is None:
        what = source.suffix or source.name
        raise ContentError(
            [
                Problem(
                    where,
                    f"'{what}' is not a kind of document packet reads",
                    "pull plain text (.txt), Markdown (.md) or a saved web page (.html)",
                )
            ]
        )
    try:
        data = source.read_bytes()
    except OSError as exc:
        raise ContentError([Problem(where, f"cannot read the file: {exc.strerror}")]) from exc
    try:
        text, encoding = decode(data)
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
    if target.exists():
        same = target.read_bytes() == data
        raise ContentError(
            [
                Problem(
                    where,
                    f"seeds/{seed_file} already exists"
                    + (" with the same contents" if same else ""),
                    "it has been pulled before" if same else "rename the file before pulling it",
                )
            ]
        )
    sid = _unique(seed_id or slug(found.title or source.stem)[:30].strip("-"), taken["seeds"])
    report = PullReport(sid, seed_file, encoding, kind, skipped=found.skipped)

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

    shown_title = f"“{title}”" if title else seed_file
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
                "definition": term.sentence,
                "source": sid,
                "passage": term.sentence,
                "draft": True,
            }
        )
    report.terms = len(glossary)

    timeline: list[dict[str, Any]] = []
    sections = _sections(found, source.stem)
    for number, section in enumerate(sections, start=1):
        words = slug(section.title).split("-")
        short = "-".join(words[:4]) if section.title != found.title else ""
        module_id = _unique(f"{sid}-{number}-{short}".strip("-"), taken["modules"])
        body_text = " ".join(section.paragraphs)
        key_terms = [tid for tid, t in term_ids if t.term in body_text][:6]
        first = [sentences(p)[0] for p in section.paragraphs]
        front = {
            "title": section.title,
            "summary": first[0] if len(first[0]) <= 300 else section.title,
            "key_terms": key_terms,
            "questions": [
                {
                    "ask": f"What does this section say about {section.title}?",
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
                            "detail": sentence,
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


def _append(path: Path, entries: list[dict[str, Any]], note: str) -> bytes:
    old = path.read_text("utf-8") if path.is_file() else ""
    if old.strip() in ("", "[]"):
        old = ""
    elif not old.endswith("\n"):
        old += "\n"
    return (old + f"# {note}\n" + _dump(entries)).encode("utf-8")


def pull(root: Path, sources: Sequence[Path], seed_id: str | None = None) -> list[PullReport]:
    """Pull `sources` into the project at `root`; see the module docstring."""
    from .check import check_project
    from .project import load_project

    if seed_id is not None and len(sources) != 1:
        raise UsageError("--id names one seed: pull one file at a time with it")
    if seed_id is not None and not re.fullmatch(r"[a-z0-9][a-z0-9-]*", seed_id):
        raise UsageError(f"--id '{seed_id}': use lower-case letters, digits and hyphens")
    project = load_project(root)
    taken = {
        "seeds": set(project.seeds),
        "modules": set(project.modules),
        "lessons": set(project.lessons),
        "terms": set(project.terms) | _existing_ids(root / "content" / "glossary.yaml"),
        "events": {e.entry.id for e in project.events},
    }
    problems: list[Problem] = []
    plans: list[_Planned] = []
    for source in sources:
        try:
            plans.append(_plan(root, source, seed_id, taken))
        except ContentError as exc:
            problems.extend(exc.problems)
    if problems:
        raise ContentError(problems)

    files: dict[Path, bytes] = {}
    for plan in plans:
        files.update(plan.files)
    for name, key in (("timeline.yaml", "timeline"), ("glossary.yaml", "glossary")):
        entries = [e for plan in plans for e in getattr(plan, key)]
        if entries:
            pulled = ", ".join(f"seeds/{p.report.seed_file}" for p in plans)
            path = root / "content" / name
            files[path] = _append(path, entries, f"Drafted by packet pull from {pulled}")
    backups = {path: path.read_bytes() if path.exists() else None for path in files}
    try:
        for path, data in files.items():
            path.parent.mkdir(parents=True, exist_ok=True)
            write_atomic(path, data)
        report = check_project(load_project(root))
        if report.errors:
            raise ContentError(report.errors)
    except BaseException:
        for path, old in backups.items():
            if old is None:
                path.unlink(missing_ok=True)
            else:
                write_atomic(path, old)
        raise
    return [plan.report for plan in plans]
