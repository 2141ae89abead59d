"""The drafting rules of `packet pull`: a document's article -> draft content, as data.

In: the `Article` `sources.article` read from a document, the seed's id, the document's file
name and stem, and the ids the project already uses (`Taken`). Out: `Drafts` — each draft
module's file text by id, the timeline and glossary entries, the lesson's id and file text —
every one marked `draft: true`. Nothing here reads or writes a file or knows where the project
is; the one thing changed is the `Taken` given, which gains every id drafted, so a second
document pulled with it never reuses one.

The rules:
- sections: one per heading; a document without headings is cut at paragraph boundaries into
  sections of about `SECTION_WORDS` words, titled "<title> (n of m)";
- a module per section, its body the source's own paragraphs under `DRAFT_NOTE`, each cited at
  its end and after every quotation in it; its first sentences are its provenance;
- a timeline event for every date `dates.find_dates` finds in a sentence, titled by the
  sentence without the date phrase and the words leading into it;
- glossary terms (at most `TERMS_MAX`): acronyms with their expansion, "also called"/"known
  as" names, quoted coinages and recurring proper names, each defined by the sentence that
  introduces it;
- ids are lower-case letters, digits and hyphens, at most 48 characters, made unique with
  "-2", "-3"…;
- text from the document that Markdown would read as a citation (`[@id]`) is escaped, so a
  draft never cites a seed its source did not.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

import yaml

from .dates import MONTHS, find_dates
from .sources import Article
from .text import sentences, slug

SECTION_WORDS = 250  # a document without headings is cut into sections of about this many words
TERMS_MAX = 30
DRAFT_NOTE = (  # a block quote, so it takes no paragraph number
    "> *Draft pulled by packet from {title}: the paragraphs below are the source's own words. "
    "Rewrite them for your students, keeping every quotation exact and cited.*"
)


# -- the drafts of one document ---------------------------------------------------------------


@dataclass
class Taken:
    """The ids in use, by kind; drafting adds each id it makes."""

    seeds: set[str] = field(default_factory=set)
    modules: set[str] = field(default_factory=set)
    lessons: set[str] = field(default_factory=set)
    terms: set[str] = field(default_factory=set)
    events: set[str] = field(default_factory=set)


@dataclass
class Drafts:
    """Everything drafted from one document."""

    modules: dict[str, str]  # module id -> the text of content/modules/<id>.md
    timeline: list[dict[str, Any]]  # entries for content/timeline.yaml
    glossary: list[dict[str, Any]]  # entries for content/glossary.yaml
    lesson_id: str
    lesson: str  # the text of content/lessons/<lesson_id>.yaml


def choose_seed_id(chosen: str | None, title: str | None, stem: str, taken: Taken) -> str:
    """The seed's id: the one chosen, else from the title, else from the file name (a title in
    another script leaves no letters), else "seed"; made unique among the seeds."""
    derived = next((part for part in map(id_part, (title or "", stem)) if part), "")
    return unique(chosen or derived[:30].strip("-") or "seed", taken.seeds)


@dataclass(frozen=True)
class Citer:
    """How drafts cite their seed: `[@id]`, or `[@id, p. 3]` where `locate` finds the page of
    a passage (a PDF seed's)."""

    seed: str
    locate: Callable[[str], str | None] | None = None

    def page(self, passage: str) -> str | None:
        return self.locate(passage) if self.locate is not None else None

    def cite(self, passage: str) -> str:
        page = self.page(passage)
        if page is None:
            return f"[@{self.seed}]"
        return f"[@{self.seed}, {'pp.' if '–' in page else 'p.'} {page}]"

    def source(self, passage: str) -> dict[str, str]:
        """A provenance or event source entry for `passage`, with its page where known."""
        entry = {"seed": self.seed, "passage": passage}
        if (page := self.page(passage)) is not None:
            entry["page"] = page
        return entry


def draft(
    found: Article,
    sid: str,
    seed_file: str,
    stem: str,
    taken: Taken,
    locate: Callable[[str], str | None] | None = None,
) -> Drafts:
    """The drafts of the document `seed_file` (stem `stem`), read as `found`, cited as `sid`
    (with the page `locate` gives a passage, for a paged seed)."""
    citer = Citer(sid, locate)
    glossary, term_ids = _glossary(found, sid, taken)
    # Single quotation marks: a title in double ones would read as a quotation to be cited.
    shown_title = literal(f"‘{found.title}’" if found.title else seed_file)
    modules: dict[str, str] = {}
    timeline: list[dict[str, Any]] = []
    for number, section in enumerate(sections(found, stem), start=1):
        module_id = _module_id(sid, number, section, found.title, taken)
        modules[module_id] = _module(section, citer, shown_title, term_ids)
        timeline += _events(section, citer, module_id, taken)
    lesson_id = unique(sid, taken.lessons)
    lesson = _lesson(found.title or stem, seed_file, list(modules))
    return Drafts(modules, timeline, glossary, lesson_id, lesson)


def _glossary(
    found: Article, sid: str, taken: Taken
) -> tuple[list[dict[str, Any]], list[tuple[str, TermDraft]]]:
    """The glossary entries of the terms found in the article's paragraphs (a term whose id is
    taken is left out), and each drafted term by its id."""
    term_ids: list[tuple[str, TermDraft]] = []
    glossary = []
    for term in draft_terms([text for role, text in found.blocks if role == "para"]):
        term_id = slug(term.term)[:48].strip("-")
        if not term_id or term_id in taken.terms:
            continue
        taken.terms.add(term_id)
        term_ids.append((term_id, term))
        glossary.append(
            {
                "id": term_id,
                "term": term.term,
                "aliases": term.aliases,
                "definition": uncited(term.sentence),
                "source": sid,
                "passage": term.sentence,
                "draft": True,
            }
        )
    return glossary, term_ids


def _module_id(sid: str, number: int, section: Section, title: str | None, taken: Taken) -> str:
    """<seed>-<number>-<first words of the section's title> (the title left out when it is the
    document's own)."""
    words = id_part(section.title).split("-")
    short = "-".join(words[:4]) if section.title != title else ""
    return unique(f"{sid}-{number}-{short}".strip("-"), taken.modules)


def _module(
    section: Section, citer: Citer, shown_title: str, term_ids: list[tuple[str, TermDraft]]
) -> str:
    """A draft module's file: front matter, then the section's paragraphs, cited."""
    body_text = " ".join(section.paragraphs)
    first = [sentences(p)[0] for p in section.paragraphs]
    front = {
        "title": section.title,
        "summary": uncited(first[0] if len(first[0]) <= 300 else section.title),
        "key_terms": [tid for tid, t in term_ids if t.term in body_text][:6],
        "questions": [
            {
                "ask": f"What does this section say about {uncited(section.title)}?",
                "answer": "Draft: write a model answer from the text.",
                "kind": "comprehension",
            }
        ],
        "provenance": [citer.source(s) for s in first],
        "draft": True,
    }
    body = "\n\n".join(
        [DRAFT_NOTE.format(title=shown_title)]
        + [cite_quotes(p, citer.seed, citer.cite(p)) for p in section.paragraphs]
    )
    return f"---\n{dump(front)}---\n{body}\n"


def _events(section: Section, citer: Citer, module_id: str, taken: Taken) -> list[dict[str, Any]]:
    """A timeline entry for every date in the section's sentences, in text order."""
    events: list[dict[str, Any]] = []
    for sentence, start, end, date in _dated(section):
        title = event_title(sentence, start, end)
        events.append(
            {
                "id": unique(f"{citer.seed}-{date}-{title}"[:48], taken.events),
                "date": date,
                "title": title,
                "detail": uncited(sentence),
                "sources": [citer.source(sentence)],
                "modules": [module_id],
                "draft": True,
            }
        )
    return events


def _dated(section: Section) -> Iterator[tuple[str, int, int, str]]:
    """(sentence, start, end, date) for every date in the section's sentences, in text order:
    each is a timeline event."""
    for paragraph in section.paragraphs:
        for sentence in sentences(paragraph):
            for start, end, date in find_dates(sentence):
                yield sentence, start, end, date


def _lesson(title: str, seed_file: str, modules: list[str]) -> str:
    """A draft lesson's file: every drafted module, then the timeline, glossary and sources."""
    lesson = {
        "title": title,
        "summary": f"Draft lesson pulled from {seed_file}.",
        "modules": modules,
        "sections": ["timeline", "glossary", "sources"],
    }
    return dump(lesson)


# -- what drafting would write, before drafting ------------------------------------------------


@dataclass(frozen=True)
class Extent:
    """What drafting a document would write, measured without drafting it, so that a pull
    over packet's limits is refused before the work: the sizes are the least the files can
    take (every text drafted is written out in full, and YAML adds to it)."""

    sections: list[Section]  # one module each
    headings: bool  # cut at the document's headings (else by length)
    module_bytes: list[int]  # at least, for each section: its paragraphs
    events: int  # timeline entries
    timeline_bytes: int  # at least: each entry's sentence twice, date, title and keys


def extent(found: Article, stem: str) -> Extent:
    """The `Extent` of the drafts of the document `stem`, read as `found`."""
    cut = sections(found, stem)
    sizes = [_least_event_bytes(*event) for section in cut for event in _dated(section)]
    return Extent(
        sections=cut,
        headings=len(_by_heading(found.blocks, found.title or stem)) > 1,
        module_bytes=[sum(len(p.encode()) for p in section.paragraphs) for section in cut],
        events=len(sizes),
        timeline_bytes=sum(sizes),
    )


# What a timeline entry writes besides its values: keys, dashes, indents, line breaks.
_EVENT_FRAME = (
    "- id: \n  date: \n  title: \n  detail: \n  sources:\n  - seed: \n    passage: \n"
    "  modules:\n  - \n  draft: true\n"
)


def _least_event_bytes(sentence: str, start: int, end: int, date: str) -> int:
    """The least the timeline entry of this date takes: its sentence twice (as detail and as
    passage), its date and title, and its keys; YAML quotes, escapes and folds, never drops."""
    values = 2 * sentence + date + event_title(sentence, start, end)
    return len(values.encode()) + len(_EVENT_FRAME)


# -- sections ---------------------------------------------------------------------------------


@dataclass
class Section:
    title: str
    paragraphs: list[str]


def sections(found: Article, fallback_title: str) -> list[Section]:
    """The article's sections: one per heading (text before the first one is titled by the
    document); without headings, its paragraphs in runs of about SECTION_WORDS words, titled
    "<title> (n of m)" when there is more than one."""
    title = found.title or fallback_title
    by_heading = _by_heading(found.blocks, title)
    if len(by_heading) > 1:
        return by_heading
    return _by_length(by_heading[0].paragraphs if by_heading else [], title)


def _by_heading(blocks: list[tuple[str, str]], title: str) -> list[Section]:
    """The blocks cut at each heading; a heading with no paragraph after it is left out."""
    found: list[Section] = []
    current = Section(title, [])
    for role, text in blocks:
        if role == "heading":
            if current.paragraphs:
                found.append(current)
            current = Section(text, [])
        else:
            current.paragraphs.append(text)
    if current.paragraphs:
        found.append(current)
    return found


def _by_length(paragraphs: list[str], title: str) -> list[Section]:
    """The paragraphs cut at paragraph boundaries into sections of about SECTION_WORDS words."""
    chunks: list[Section] = []
    for paragraph in paragraphs:
        if not chunks or sum(len(p.split()) for p in chunks[-1].paragraphs) >= SECTION_WORDS:
            chunks.append(Section("", []))
        chunks[-1].paragraphs.append(paragraph)
    for number, chunk in enumerate(chunks, start=1):
        chunk.title = title if len(chunks) == 1 else f"{title} ({number} of {len(chunks)})"
    return chunks


# -- glossary terms -----------------------------------------------------------------------------

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
    """A glossary candidate: the term, other names for it, the sentence introducing it."""

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
    """Glossary candidates in text order, each with the sentence that first introduces it:
    terms a sentence introduces, then recurring proper names (capitalised runs seen at least
    twice, a leading "The" dropped), then single capitalised words seen three times away from
    the start of a sentence and not part of a longer term."""
    found: dict[str, TermDraft] = {}
    all_sentences = [s for p in paragraphs for s in sentences(p)]
    for term, sentence, aliases in _introduced(all_sentences):
        _add(found, term, sentence, aliases)
    for name, count in _proper_names(all_sentences).most_common():
        if count >= 2:
            _add(found, name, next(s for s in all_sentences if name in s))
    for name, count in _capitalised_words(all_sentences).most_common():
        in_longer = any(name in d.term.split() for d in found.values())
        if count >= 3 and name not in _STOP and name not in _MONTHS and not in_longer:
            _add(found, name, next(s for s in all_sentences if name in s))
    return list(found.values())[:TERMS_MAX]


def _add(
    found: dict[str, TermDraft], term: str, sentence: str, aliases: Sequence[str] = ()
) -> None:
    """`term` added to `found` unless it is too short, a common word, or already there (as a
    term or as another's alias)."""
    term = term.strip(" ,.;:").strip()
    if len(term) < 2 or term.casefold() in found or term in _STOP:
        return
    if any(term.casefold() in (a.casefold() for a in d.aliases) for d in found.values()):
        return
    found[term.casefold()] = TermDraft(term, [a for a in aliases if a != term], sentence)


def _introduced(all_sentences: list[str]) -> Iterator[tuple[str, str, list[str]]]:
    """(term, sentence, aliases) for each term a sentence introduces: an acronym's expansion,
    a name after "also called" / "known as", a quoted coinage of at most four words."""
    for sentence in all_sentences:
        for m in _ACRONYM.finditer(sentence):
            expansion = _expansion(sentence, m.start())
            if expansion:
                yield expansion, sentence, [m[1]]
        for m in _ALSO.finditer(sentence):
            yield m["quoted"] or m["name"], sentence, []
        for m in _COINAGE.finditer(sentence):
            if len(m["term"].split()) <= 4:
                yield m["term"], sentence, []


def _proper_names(all_sentences: list[str]) -> Counter[str]:
    """How often each run of two or more capitalised words occurs (possessive 's dropped),
    within a sentence: a run across two ("… in Cambodia" + "Note that …") names nothing."""
    counts: Counter[str] = Counter()
    for m in (m for sentence in all_sentences for m in _PROPER.finditer(sentence)):
        words = m.group(0).split()
        if words[0] in _STOP:
            words = words[1:]
        name = re.sub(r"[’']s$", "", " ".join(words))
        if len(name.split()) >= 2:
            counts[name] += 1
    return counts


def _capitalised_words(all_sentences: list[str]) -> Counter[str]:
    """How often each capitalised word occurs after a lower-case word, comma or semicolon."""
    singles: Counter[str] = Counter()
    for sentence in all_sentences:
        for m in re.finditer(r"(?<=[a-z,;] )([A-Z][a-z’'-]{2,})\b", sentence):
            singles[re.sub(r"[’']s$", "", m[1])] += 1
    return singles


# -- event titles, citations, ids and YAML -------------------------------------------------------

_LEADING_INTO = re.compile(
    r"\b(?:in|on|by|from|during|until|since|after|before|around|of)(?:\s+the)?\s*$", re.IGNORECASE
)
_TIME_OF_DAY = re.compile(
    r"^(?:(?:in|on|at|by)\s+)?(?:the\s+)?(?:evening|morning|night|end|beginning|start)\b\s*,?\s*",
    re.IGNORECASE,
)


def event_title(sentence: str, start: int, end: int) -> str:
    """A short title: the sentence without its date phrase and the words leading into it."""
    before = _LEADING_INTO.sub("", sentence[:start])
    rest = f"{before.rstrip()} {sentence[end:].lstrip()}".strip()
    rest = re.sub(r"\s+([,.;:])", r"\1", rest)
    rest = re.sub(r"^[\s,;:–-]+|(?<=[a-z]),\s*,", "", rest)
    rest = _TIME_OF_DAY.sub("", rest)
    words = rest.rstrip(".").split()
    title = " ".join(words[:9]).rstrip(",;:") + ("…" if len(words) > 9 else "")
    return title[:1].upper() + title[1:] if title else "Dated event"


def uncited(text: str) -> str:
    """The document's text for a drafted field that is rendered as Markdown: `[@id]` in it is
    the source's own text, not a citation, so its bracket is escaped."""
    return text.replace("[@", "\\[@")


def literal(text: str) -> str:
    """Text set in Markdown exactly as written (a title, a file name)."""
    return re.sub(r"([\\`*_\[\]<>#!|~])", r"\\\1", text)


def cite_quotes(paragraph: str, seed_id: str, citation: str | None = None) -> str:
    """The paragraph with a citation after each quotation inside it, and one at its end:
    `citation` (the paragraph's, with its page), else `[@seed_id]`."""
    citation = citation or f"[@{seed_id}]"
    paragraph = uncited(paragraph)
    cited = re.sub(
        r"(“[^“”\n]{1,300}”|\"[^\"\n]{1,300}\")(?!\s*\[@)",
        lambda m: f"{m[1]} {citation}",
        paragraph,
    )
    return f"{cited} {citation}"


def dump(data: Any) -> str:
    """YAML as a teacher reads and edits it: keys in the order drafted, text unescaped."""
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)


def id_part(text: str) -> str:
    """Lower-case letters, digits and hyphens from `text` (accents dropped), or ""."""
    folded = unicodedata.normalize("NFKD", text)
    folded = "".join(c for c in folded if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]+", "-", folded.lower()).strip("-")


def unique(base: str, taken: set[str]) -> str:
    """An id from `base` (slugged, at most 48 characters) that is not in `taken`, with "-2",
    "-3"… added if need be; it is added to `taken`."""
    base = slug(base)[:48].strip("-") or "x"
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}-{n}", n + 1
    taken.add(candidate)
    return candidate


def appended(old: str, entries: list[dict[str, Any]], note: str) -> bytes:
    """The YAML list `old` (a file's text) with `entries` added after a comment `note`."""
    if old.strip() in ("", "[]"):
        old = ""
    elif not old.endswith("\n"):
        old += "\n"
    return (old + f"# {note}\n" + dump(entries)).encode("utf-8")
