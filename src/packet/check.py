"""Validate a loaded Project against its seeds -> Report.

* every quotation (`“…” [@seed]`) in module text, questions, notes, events,
  definitions and disagreements appears verbatim in the seed it cites;
* every provenance passage, event source and definition passage is in its seed;
* seed metadata stated as plain text appears in the seed; boilerplate lines
  (a web page's marketing) appear in it and never in content;
* every module asks sourcing, close-reading, corroboration and
  contextualisation questions, and paragraphs a question names exist;
* every document's excerpt is in its seed, and the lines a document's questions name exist;
  a model answer that quotes words from outside the paragraph or lines its question names
  is a warning (`_Checker.answer_places`), as is a quotation that begins or ends mid-clause
  and drops the clause it depends on (`clauses.py`), and answer space too small for what a
  question asks (`_Checker.space`);
* every activity a lesson asks for can be made from its modules;
* places where the seeds seem to give different dates or numbers for the same
  thing, not yet in disagreements.yaml, are listed as notes (never fatal);
* glossary terms defined but never used, key terms a module never uses, and
  quotations with no citation are reported as warnings.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator
from functools import cached_property
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from .activities import missing_material
from .candidates import MAX_LISTED, MAX_PER_CLAIM, disagreement_candidates
from .clauses import clause_problems
from .documents import DOCUMENT_REF, LINE_WIDTH, LOOSE_REF, blocks, document_refs
from .errors import Location, Report
from .files import Refused, read_file
from .layout import DISAGREEMENTS, GUIDANCE, VARIANT_SUFFIXES, input_roots, inside, printout_name
from .lint import Finding, allowed_image, lint, nesting
from .markup import (
    DISAGREEMENT,
    FIGURE,
    MarkdownReader,
    RenderedText,
    disagreement_blocks,
    markup_for,
)
from .model import Document, Lesson, Module, Project, Seed, Term
from .schema import HISTORICAL_THINKING, MAX_DOCUMENTS, EditorNote, Question
from .text import (
    CITATION,
    CITATION_LIKE,
    FAR,
    QUOTATION,
    Haystack,
    Lines,
    find_quotations,
    find_uncited,
    line_spans,
    normalise,
    paragraph_refs,
    paragraph_spans,
    sentences,
)
from .yamlsrc import Sourced

# (sourced file, path to the field, text), one for each free-text field
_Texts = Iterator[tuple[Sourced, tuple[str | int, ...], str]]


def _module_texts(module: Module) -> _Texts:
    """The free-text fields of one module's front matter: summary, questions, teacher notes."""
    meta = module.meta
    yield module.src, ("summary",), meta.summary
    for i, q in enumerate(meta.questions):
        yield module.src, ("questions", i, "ask"), q.ask
        yield module.src, ("questions", i, "answer"), q.answer
    notes = meta.teacher_notes
    for i, objective in enumerate(notes.objectives):
        yield module.src, ("teacher_notes", "objectives", i), objective
    for key in ("timing", "discussion", "care"):
        if (value := getattr(notes, key)) is not None:
            yield module.src, ("teacher_notes", key), value


def _document_texts(document: Document) -> _Texts:
    """The free-text fields of one document: headnote, questions (its editor's notes are
    plain text, checked by `_Checker.excerpt`)."""
    entry = document.entry
    if entry.headnote is not None:
        yield document.src, ("headnote",), entry.headnote
    for i, q in enumerate(entry.questions):
        yield document.src, ("questions", i, "ask"), q.ask
        yield document.src, ("questions", i, "answer"), q.answer


def _question_texts(
    project: Project,
    modules: Iterable[Module] | None = None,
    documents: Iterable[Document] | None = None,
) -> _Texts:
    """The questions and model answers of `modules` and `documents` (default: all)."""
    owners: list[tuple[Sourced, list[Question]]] = [
        *(
            (m.src, m.meta.questions)
            for m in (project.modules.values() if modules is None else modules)
        ),
        *(
            (d.src, d.entry.questions)
            for d in (project.documents.values() if documents is None else documents)
        ),
    ]
    for src, questions in owners:
        for i, q in enumerate(questions):
            yield src, ("questions", i, "ask"), q.ask
            yield src, ("questions", i, "answer"), q.answer


def _notes(project: Project) -> _Texts:
    """The editors' notes in documents: plain text, linted for what would print as written."""
    for document in project.documents.values():
        for i, part in enumerate(document.entry.excerpt):
            if isinstance(part, EditorNote):
                yield document.src, ("excerpt", i, "note"), part.note


def _texts(project: Project) -> _Texts:
    """Every free-text field of the content: (sourced file, path to field, text)."""
    for module in project.modules.values():
        yield from _module_texts(module)
    for document in project.documents.values():
        yield from _document_texts(document)
    for event in project.events:
        yield event.src, ("detail",), event.entry.detail
    for term in project.terms.values():
        yield term.src, ("definition",), term.entry.definition
    for d in project.disagreements:
        yield d.src, ("note",), d.entry.note
    for lesson in project.lessons.values():
        if lesson.entry.advisory:
            yield lesson.src, ("advisory",), lesson.entry.advisory
        yield from _task_texts(lesson)


def _task_texts(lesson: Lesson) -> _Texts:
    """The free-text fields of a lesson's final task (where `[doc:ID]` may name documents)."""
    task = lesson.entry.task
    if task is None:
        return
    yield lesson.src, ("task", "prompt"), task.prompt
    for key in ("plan", "starters", "mark_scheme"):
        for i, text in enumerate(getattr(task, key)):
            yield lesson.src, ("task", key, i), text


class _Checker:
    def __init__(self, project: Project) -> None:
        self.project = project
        self.report = Report()
        # each seed's boilerplate lines, normalised once: a passage is compared with its own
        # seed's lines only
        self.boilerplate = {
            seed.id: [normalise(line) for line in seed.meta.boilerplate]
            for seed in project.seeds.values()
        }
        self.seed_lines: dict[str, tuple[str, Lines] | None] = {}  # read for placing notes
        self.articles: dict[str, str] = {}  # seed id -> its text without its boilerplate
        self.bodies: dict[str, RenderedText] = {}  # module id -> its body, rendered once
        self.lines: dict[str, list[str]] = {}  # document id -> its numbered lines' text

    @cached_property
    def markup(self) -> MarkdownReader:
        return markup_for(self.project)

    def body(self, module: Module) -> RenderedText:
        """The module's body rendered once, for the question and the term checks."""
        if module.id not in self.bodies:
            self.bodies[module.id] = self.markup.block(
                module.body, module.id, unlinked=self.project.unlinked_terms(module)
            )
        return self.bodies[module.id]

    def passage(
        self, where: Location, seed_id: str, passage: str, what: str, pages: str | None = None
    ) -> None:
        """`passage` is in its seed — on the pages cited, where they are — and not in the
        seed's boilerplate."""
        seed = self.project.seeds.get(seed_id)
        if seed is None:
            self.report.error(
                where,
                f"{what} cites unknown seed '{seed_id}'",
                f"known seeds: {', '.join(self.project.seeds)}",
            )
            return
        if seed.meta.format == "figure":
            self.report.error(
                where,
                f"{what} quotes seed '{seed_id}', a figure: a picture has no words to quote",
                f"place it with ![caption](figure:{seed_id}) instead",
            )
            return
        if not seed.haystack.contains(passage):
            short = passage if len(passage) < 70 else passage[:67] + "..."
            self.report.error(
                where,
                f"{what} “{short}” is not in seed '{seed_id}' ({seed.text_path.name})",
                "copy the words exactly from the seed; mark left-out words with …",
            )
            return
        if pages is not None:
            self.on_page(where, seed, passage, what, pages)
        if seed.unsure:
            self.unsure(where, seed, passage, what)
        normal = normalise(passage)
        for line in self.boilerplate[seed_id]:
            # … a passage inside a boilerplate line is from it unless the article has it too:
            # "Solidarity" is in a blog post's "Tags: Cold War, Poland, Solidarity, …" line
            if line in normal or (normal in line and normal not in self.article_text(seed)):
                self.report.error(
                    where,
                    f"{what} comes from the seed's boilerplate (“{line[:60]}”)",
                    "content must not repeat a web page's marketing",
                )

    def article_text(self, seed: Seed) -> str:
        """The seed's normalised text without its boilerplate lines, made once."""
        if seed.id not in self.articles:
            text = seed.haystack.normal
            for line in self.boilerplate[seed.id]:
                text = text.replace(line, "\n")
            self.articles[seed.id] = text
        return self.articles[seed.id]

    def unsure(self, where: Location, seed: Seed, passage: str, what: str) -> None:
        """A quotation from a scan relying on a word OCR was unsure of is a warning, until
        the word is checked against the scan."""
        words = {word.casefold(): word for word in re.findall(r"[^\W\d_][\w’'-]*", passage)}
        located = seed.paged.locate(passage) if seed.paged else None
        on = set(located.split("–")) if located else None  # the page or two it is on
        relied = {
            word: pages
            for word in sorted(words.keys() & seed.unsure.keys())
            if (pages := [p for p in seed.unsure[word] if on is None or p in on])
        }
        if relied:
            listed = ", ".join(
                f"“{words[word]}” (p. {', '.join(dict.fromkeys(pages))})"
                for word, pages in relied.items()
            )
            self.report.warning(
                where,
                f"{what} “{_short(passage, 8)}” relies on words OCR was unsure of: {listed}",
                f"compare them with the scan, seeds/{seed.path.name}; correct "
                f"{seed.text_path.name} if OCR misread them, and remove each from `ocr: "
                f"unsure` in its record once checked",
            )

    def on_page(self, where: Location, seed: Seed, passage: str, what: str, pages: str) -> None:
        """A passage said to be on a page of its seed is on that page."""
        short = _short(passage, 8)
        if seed.paged is None:
            self.report.error(
                where,
                f"{what} “{short}” cites page {pages} of seed '{seed.id}', which has no pages",
                f"pages are kept for PDF seeds only; cite it as [@{seed.id}]",
            )
            return
        found = seed.paged.contains(pages, passage)
        if found is None:
            self.report.error(
                where,
                f"seed '{seed.id}' has no page {pages} (its pages are {seed.paged.labels()})",
                "give the page as the document prints it",
            )
        elif not found:
            actual = seed.paged.locate(passage)
            self.report.error(
                where,
                f"{what} “{short}” is not on page {pages} of seed '{seed.id}'"
                + (f": it is on page {actual}" if actual else ""),
                f"cite the page it is on ({seed.text_path.name} marks each page)",
            )

    def citations(self, text: str, where: Location) -> None:
        """Every `[@…]` is a citation packet reads — a mistyped one ("[@seed, p. ]") would
        otherwise leave the quotation before it unchecked, and print as typed — and one that
        closes no quotation names a seed the project has and a page that seed has."""
        lines = Lines(text)
        # A quotation's citation is checked with its words (`passage`, `on_page`): once.
        quoting = {m.end() for m in QUOTATION.finditer(text)}
        for m in CITATION_LIKE.finditer(text):
            line, col = lines.position(m.start())
            at = Location(
                where.path, where.line + line - 1, where.col + col - 1 if line == 1 else col
            )
            cited = CITATION.fullmatch(m[0])
            if cited is None:
                self.report.error(
                    at,
                    f"“{m[0][:60]}” is not a citation packet reads",
                    "write [@seed], or [@seed, p. 3] / [@seed, pp. 3–4] for a PDF seed's pages",
                )
                continue
            if m.end() in quoting:
                continue
            seed = self.project.seeds.get(cited[1])
            if seed is None:
                self.report.error(
                    at,
                    f"citation of unknown seed '{cited[1]}'",
                    f"known seeds: {', '.join(self.project.seeds)}",
                )
            elif cited["pages"] and (seed.paged is None or seed.paged.run(cited["pages"]) is None):
                where_pages = seed.paged.labels() if seed.paged else "none: it is not a PDF"
                self.report.error(
                    at,
                    f"seed '{seed.id}' has no page {cited['pages']} (its pages: {where_pages})",
                    "give the page as the document prints it",
                )

    def quotations(self, text: str, where: Location, *, warn_uncited: bool) -> None:
        self.citations(text, where)
        for q in find_quotations(text):
            col = where.col + q.col - 1 if q.line == 1 else q.col
            at = Location(where.path, where.line + q.line - 1, col)
            self.passage(at, q.seed, q.quote, "quotation", q.pages)
            self.sense(at, q.seed, q.quote, "quotation")
        if warn_uncited:
            for quote, line, col in find_uncited(text):
                at = Location(where.path, where.line + line - 1, col)
                self.report.warning(
                    at,
                    f"quotation “{quote[:50]}” has no source",
                    "add [@seed] after the closing quotation mark",
                )

    def sense(self, where: Location, seed_id: str, passage: str, what: str) -> None:
        """A quotation that begins or ends mid-clause, dropping the clause it depends on, is
        flagged for review (`clauses.clause_problems`: a heuristic)."""
        seed = self.project.seeds.get(seed_id)
        span = seed.haystack.span(passage) if seed is not None else None
        if seed is None or span is None or span[0] == span[1]:
            return  # not found (reported by `passage`), or no words to judge
        for problem in clause_problems(seed.haystack.lines, *span):
            self.report.warning(
                where, f"{what} “{_short(passage, 8)}” {problem.message}", problem.hint
            )

    def seeds(self) -> None:
        for seed in self.project.seeds.values():
            meta = seed.meta
            if meta.format == "figure":
                self.figure_seed(seed)
                continue  # a picture: what the teacher reads in it cannot be looked up
            for key in ("title", "author", "website", "publisher", "date"):
                value = getattr(meta, key)
                if value is None or value.attributed:
                    continue
                stated = value.as_written or value.value
                if not seed.haystack.contains(stated):
                    self.report.error(
                        seed.src.where((key,)),
                        f"{key} “{stated}” is not stated in {seed.text_path.name}",
                        "give the seed's own words in as_written, or explain in attributed",
                    )
            for index, line in enumerate(meta.boilerplate):
                if not seed.haystack.contains(line):
                    self.report.error(
                        seed.src.where(("boilerplate", index)),
                        f"boilerplate line “{line[:50]}” is not in {seed.text_path.name}",
                    )

    def figure_seed(self, seed: Seed) -> None:
        """A figure says what it shows and whose it is — a warning while it is a draft, an
        error once reviewed — and is a picture that prints legibly."""
        figure = seed.meta.figure
        for name, what in (("alt", "alt text (what it shows)"), ("credit", "credit")):
            if getattr(figure, name, None) is None:
                add = self.report.warning if seed.meta.draft else self.report.error
                add(
                    seed.src.where(("figure",) if figure else ("file",)),
                    f"figure '{seed.id}' has no {what}",
                    f"add figure: {{{name}: …}} to its record: a reader who cannot see the "
                    "picture, and the picture's owner, need it"
                    if name == "alt"
                    else "add figure: {credit: …} to its record: who made it or holds it, and "
                    "its licence",
                )
        from .figures import legibility

        for error, problem in legibility(seed.path):
            add = self.report.error if error else self.report.warning
            add(
                seed.src.where(("file",)),
                problem,
                "put the picture itself in seeds/, as PNG or JPEG"
                if error
                else "use a clearer copy",
            )

    def figures_placed(self) -> None:
        """Every `![caption](figure:ID)` (or reference-style) names a figure seed and is a
        paragraph of its own — where it prints as the figure, not as its caption."""
        figures = [s.id for s in self.project.seeds.values() if s.meta.format == "figure"]
        for module in self.project.modules.values():
            tokens = self.markup.md.parse(module.body, {})
            for index, token in enumerate(tokens):
                placed = [
                    (child, found[1].lower())
                    for child in token.children or []
                    if child.type == "image"
                    and (found := FIGURE.match(str(child.attrGet("src") or "")))
                ]
                line = module.body_line + (token.map[0] if token.map else 0)
                where = Location(module.body_location.path, line, 1)
                self._pictures_found(where, token.children or [])
                if not placed:
                    continue
                alone = [c for c in token.children or [] if c.type != "text" or c.content.strip()]
                own = len(alone) == 1 and tokens[index - 1].type == "paragraph_open"
                for _, figure in placed:
                    self._figure_placed(where, figure, figures, own)

    def _pictures_found(self, where: Location, children: list[Any]) -> None:
        """A picture the text names by its file (not a figure seed) that is not there: said
        before the build (a Markdown seed's "![…](images/…)" came into its drafts without the
        picture, and only the build's log said it was left out: batch 41's teacher's read)."""
        for child in children:
            src = str(child.attrGet("src") or "") if child.type == "image" else ""
            if not src or FIGURE.match(src) or not allowed_image(src):
                continue
            root = self.project.root
            path = Path(os.path.normpath(root / unquote(urlsplit(src).path)))
            # (only in the project: a file elsewhere is not looked for, the build refuses it)
            if inside(path, (root,)) and not path.is_file():
                self.report.warning(
                    where,
                    f"picture '{src[:60]}' is not found, so the packet cannot show it",
                    "pull the picture with `packet pull FILE --figure` and place it as "
                    "![caption](figure:ID), or remove it",
                )

    def _figure_placed(self, where: Location, figure: str, figures: list[str], own: bool) -> None:
        if figure not in figures:
            self.report.error(
                where,
                f"'{figure}' is not a figure seed",
                f"figures: {', '.join(figures)}"
                if figures
                else "pull the picture with `packet pull FILE --figure`",
            )
        elif not own:
            self.report.error(
                where,
                f"figure '{figure}' shares its paragraph with text, where it would print as "
                "its caption",
                "put ![caption](figure:…) on a line of its own, with blank lines around it",
            )

    def content(self) -> None:
        project = self.project
        for module in project.modules.values():
            self.quotations(module.body, module.body_location, warn_uncited=True)
            for i, p in enumerate(module.meta.provenance):
                self.passage(
                    module.src.where(("provenance", i, "passage")),
                    p.seed,
                    p.passage,
                    "provenance passage",
                    p.page,
                )
        for sourced, path, text in _texts(project):
            self.quotations(text, sourced.where(path), warn_uncited=False)
        if project.guidance is not None:
            where = Location(GUIDANCE, 1, 1)
            self.quotations(project.guidance, where, warn_uncited=True)
        for event in project.events:
            for i, p in enumerate(event.entry.sources):
                self.passage(
                    event.src.where(("sources", i, "passage")),
                    p.seed,
                    p.passage,
                    "event source",
                    p.page,
                )
        for term in project.terms.values():
            self.definition(term)
        for d in project.disagreements:
            for i, v in enumerate(d.entry.versions):
                self.passage(
                    d.src.where(("versions", i, "quote")), v.seed, v.quote, "quoted version"
                )

    def definition(self, term: Term) -> None:
        """A glossary definition's passage is in the seed it names; a 'general' one has none."""
        if not term.entry.passage:
            return
        if term.entry.source == "general":
            self.report.error(
                term.src.where(("passage",)),
                "a 'general' definition has no seed passage",
                "name the seed in 'source'",
            )
        else:
            self.passage(
                term.src.where(("passage",)),
                term.entry.source,
                term.entry.passage,
                "definition passage",
            )

    def safety(self) -> None:
        """Raw HTML, links and images packet will not follow, deep nesting, invisible characters."""
        markup = self.markup

        def report(finding: Finding, where: Location) -> None:
            add = self.report.error if finding.error else self.report.warning
            add(where, finding.message, finding.hint)

        for module in self.project.modules.values():
            start = module.body_line - 1
            path = module.body_location.path
            deep = nesting(markup.nesting_levels(module.body))
            for finding in [*lint(module.body), *([deep] if deep else [])]:
                report(finding, Location(path, start + finding.line, finding.col))
        for sourced, field_path, text in (*_texts(self.project), *_notes(self.project)):
            for finding in lint(text):
                report(finding, sourced.where(field_path))
        if self.project.guidance is not None:
            for finding in lint(self.project.guidance):
                report(finding, Location(GUIDANCE, finding.line, finding.col))

    def questions(self) -> None:
        """Every module asks each kind of historical-thinking question; paragraph refs exist."""
        for module in self.project.modules.values():
            questions = module.meta.questions
            kinds = {q.kind for q in questions}
            missing = [k for k in HISTORICAL_THINKING if k not in kinds]
            if missing and not module.meta.draft:  # a draft is known to be unfinished
                self.report.warning(
                    module.src.where(("questions",)),
                    f"the module has no {', no '.join(missing)} question",
                    "add one of each: sourcing, close-reading, corroboration, contextualisation",
                )
            count = self.body(module).paragraphs
            paragraphs: list[str] | None = None
            for i, q in enumerate(questions):
                refs = paragraph_refs(q.ask)
                where = module.src.where(("questions", i, "ask"))
                self.space(q, module.src.where(("questions", i, "space")))
                if refs or document_refs(q.ask):
                    paragraphs = paragraphs or self.markup.numbered_paragraphs(module.body)
                    self.references(q, module.src, i, paragraphs=paragraphs)
                for ref in refs:
                    if not 1 <= ref <= count:
                        self.report.error(
                            where,
                            f"the question points at paragraph {ref}, "
                            f"but the module has {count} numbered paragraphs",
                            "renumber the reference to match the printed paragraph numbers",
                        )
                if q.kind == "close-reading" and not refs:
                    self.report.warning(
                        where,
                        "a close-reading question should point at a numbered paragraph",
                        "say which, e.g. 'In paragraph 3, …'",
                    )

    def disagreement_blocks(self) -> None:
        """A module's `::: disagreement <id>` names a disagreement of that module."""
        known = {d.entry.id: d for d in self.project.disagreements}
        for module in self.project.modules.values():
            lines = module.body.split("\n")
            for number, line in enumerate(lines):
                if line.strip().startswith(f"::: {DISAGREEMENT}") and len(line.split()) < 3:
                    self.report.error(
                        Location(module.body_location.path, module.body_line + number, 1),
                        "the disagreement block names no disagreement",
                        f"write '::: {DISAGREEMENT} <id>' with an id from disagreements.yaml",
                    )
            for block in disagreement_blocks(module.body):
                where = Location(module.body_location.path, module.body_line + block.first, 1)
                found = known.get(block.id)
                if found is None:  # it prints as written, for students too
                    self.report.warning(
                        where,
                        f"unknown disagreement '{block.id}': students will read the block as "
                        "it is, with its answer",
                        f"known: {', '.join(known) or 'none defined'}",
                    )
                elif module.id not in found.entry.modules:
                    self.report.error(
                        where,
                        f"disagreement '{block.id}' is not one of this module's",
                        f"add '{module.id}' to its modules in disagreements.yaml",
                    )
                if block.last >= len(lines):
                    self.report.error(
                        where, "the disagreement block is never closed", "end it with a line ':::'"
                    )

    def references(
        self,
        q: Question,
        src: Sourced,
        index: int,
        *,
        paragraphs: list[str] | None = None,
        document: Document | None = None,
    ) -> None:
        """The lines a question names exist — its own document's (`document`), or, after
        `[doc:ID]`, that document's — and each quotation in its model answer is in the
        paragraphs (of its module: `paragraphs`) or lines it names: a key that quotes from
        elsewhere marks a right answer wrong."""
        named: list[str] = []
        nouns: dict[str, list[str]] = {}  # "paragraph"/"line" -> the texts of 1, 2, …
        for doc_id, text in _segments(q.ask):
            if doc_id is None and paragraphs is not None:
                for first, last in paragraph_spans(text):
                    named += paragraphs[first - 1 : last]
                    nouns.setdefault("paragraph", paragraphs)
            target = document if doc_id is None else self.project.documents.get(doc_id)
            if target is None:
                continue
            lines = self.document_lines(target)
            for first, last in line_spans(text):
                if 1 <= first <= last <= len(lines):
                    named += lines[first - 1 : last]
                    nouns.setdefault("line", lines)
                else:
                    self.report.error(
                        src.where(("questions", index, "ask")),
                        _bad_lines(first, last, len(lines)),
                        "renumber the reference to match the printed line numbers",
                    )
        if named:
            self.answer_places(q, src.where(("questions", index, "answer")), named, nouns)

    def document_lines(self, document: Document) -> list[str]:
        """The text of each numbered line of `document`, laid out once."""
        if document.id not in self.lines:
            printed = blocks(document, self.project.seeds.get(document.entry.seed))
            self.lines[document.id] = [
                line.text for block in printed if block.kind == "text" for line in block.lines
            ]
        return self.lines[document.id]

    def answer_places(
        self, q: Question, where: Location, named: list[str], nouns: dict[str, list[str]]
    ) -> None:
        within = Haystack(" ".join(named))
        what = " and ".join(f"{noun}s" for noun in nouns)
        for quotation in find_quotations(q.answer):
            if within.contains(quotation.quote):
                continue
            found = next(
                (
                    found
                    for noun, places in nouns.items()
                    if (found := _where_else(quotation.quote, places, noun))
                ),
                "",
            )
            self.report.warning(
                where,
                f"the model answer quotes “{_short(quotation.quote, 8)}”, which is not in the "
                f"{what} the question names{found}",
                "quote from where the question points, or point it where the words are",
            )

    def space(self, q: Question, where: Location) -> None:
        """Answer space for what the question asks: two or more asks, one of them an
        explanation (why, how, explain), get the long space; an explanation more than one
        line (`_asks`)."""
        asks, explain = _asks(q.ask)
        if asks >= 2 and explain and q.space != "long":
            self.report.warning(
                where,
                f"the question asks {asks} things, one of them an explanation, with "
                f"{SPACE_LINES[q.space]} answer line(s)",
                "give it space: long",
            )
        elif explain and q.space == "line":
            self.report.warning(
                where,
                "the question asks for an explanation on one answer line",
                "give it space: short",
            )

    def documents(self) -> None:
        """Each document's excerpt is in its seed and keeps its sense; its questions name
        lines it has, and their answers quote from those lines."""
        for document in self.project.documents.values():
            entry = document.entry
            self.excerpt(document)
            seed = self.project.seeds.get(entry.seed)
            if not entry.excerpt and (seed is None or seed.meta.format != "figure"):
                continue  # no lines to point at: the missing excerpt is the one problem
            for i, q in enumerate(entry.questions):
                self.space(q, document.src.where(("questions", i, "space")))
                self.references(q, document.src, i, document=document)
                if paragraph_refs(q.ask):
                    self.report.error(
                        document.src.where(("questions", i, "ask")),
                        "a document's question names a paragraph, but documents number their lines",
                        "point at lines instead, e.g. 'In lines 4–9, …'",
                    )
        self.document_names()
        for lesson in self.project.lessons.values():
            self.lesson_documents(lesson)

    def excerpt(self, document: Document) -> None:
        """Each passage is in the seed and keeps its sense, and fits a line; an editor's note
        is plain text; and the excerpt holds some of the seed's words."""
        entry = document.entry
        seed = self.project.seeds.get(entry.seed)
        if seed is not None and seed.meta.format == "figure":
            if entry.excerpt:
                self.report.error(
                    document.src.where(("excerpt",)),
                    f"seed '{entry.seed}' is a figure: the document reprints the picture, and "
                    "has no excerpt",
                    "take the excerpt out (the headnote and questions stay)",
                )
            return
        if not entry.excerpt:
            self.report.error(
                document.src.where(("excerpt",)),
                "the document has no excerpt",
                "add excerpt: with the passages of the seed it reprints",
            )
            return
        for i, part in enumerate(entry.excerpt):
            where = document.src.where(("excerpt", i))
            if isinstance(part, EditorNote):
                if "[@" in part.note or (ref := LOOSE_REF.search(part.note)):
                    named = f" (“{ref[0]}”)" if ref else ""
                    self.report.error(
                        document.src.where(("excerpt", i, "note")),
                        "an editor's note prints as plain text: it cannot cite a seed or name "
                        f"a document{named}",
                        "say it in words, or put the citation in the headnote",
                    )
                continue
            self.passage(where, entry.seed, part, "excerpt")
            self.sense(where, entry.seed, part, "excerpt")
            longest = max(part.split(), key=len, default="")
            if len(longest) > LINE_WIDTH:
                self.report.error(
                    where,
                    f"the excerpt has a word of {len(longest)} characters "
                    f"(“{longest[:30]}…”), longer than a document's line ({LINE_WIDTH})",
                    "leave it out with …, or end the passage before it",
                )
        if all(isinstance(part, EditorNote) for part in entry.excerpt):
            self.report.error(
                document.src.where(("excerpt",)),
                "the excerpt has no words of the seed, only editor's notes",
                "add at least one passage of the seed",
            )

    def document_names(self) -> None:
        """`[doc:ID]` names a document, and only in a question or model answer."""
        questions = {
            (id(src), path)
            for src, path, _ in (
                *_question_texts(self.project),
                *(t for lesson in self.project.lessons.values() for t in _task_texts(lesson)),
            )
        }
        for module in self.project.modules.values():
            if m := LOOSE_REF.search(module.body):
                line = module.body_line + module.body.count("\n", 0, m.start())
                self.report.error(
                    Location(module.body_location.path, line, 1),
                    f"[doc:{m[1]}] is only read in questions and model answers",
                    "name the document in words here",
                )
        for sourced, path, text in _texts(self.project):
            for m in LOOSE_REF.finditer(text):
                ref = m[1]
                if (id(sourced), path) not in questions:
                    self.report.error(
                        sourced.where(path),
                        f"[doc:{ref}] is only read in questions and model answers",
                        "name the document in words here",
                    )
                elif ref not in self.project.documents:
                    known = ", ".join(self.project.documents) or "none defined"
                    self.report.error(
                        sourced.where(path), f"unknown document '{ref}'", f"known: {known}"
                    )

    def lesson_documents(self, lesson: Lesson) -> None:
        """A lesson holds at most 26 documents, and prints every document its questions
        name."""
        chosen = self.project.documents_of(lesson)
        printing = "documents" in lesson.entry.sections
        if lesson.entry.documents and not printing:
            self.report.warning(
                lesson.src.where(("documents",)),
                "the lesson lists documents, but its sections leave them out",
                "add 'documents' to its sections, or remove the list",
            )
        if printing and len(chosen) > MAX_DOCUMENTS:
            self.report.error(
                lesson.src.where(("modules",)),
                f"the lesson's modules have {len(chosen)} documents; a lesson holds at "
                f"most {MAX_DOCUMENTS} (Document A to Z)",
                "choose its documents with 'documents:'",
            )
        printed = {d.id for d in chosen} if printing else set()
        modules = [self.project.modules[m] for m in lesson.entry.modules]
        shown = chosen if printing else []  # their questions print with them
        task = lesson.entry.task
        for index, doc_id in enumerate(task.documents if task else []):
            if doc_id not in self.project.documents:
                known = ", ".join(self.project.documents) or "none defined"
                self.report.error(
                    lesson.src.where(("task", "documents", index)),
                    f"unknown document '{doc_id}'",
                    f"known: {known}",
                )
            elif doc_id not in printed:
                self.report.error(
                    lesson.src.where(("task", "documents", index)),
                    f"the final task uses document '{doc_id}', which this lesson does not print",
                    f"add '{doc_id}' to the lesson's documents (and 'documents' to its sections)",
                )
        named = (*_question_texts(self.project, modules, shown), *_task_texts(lesson))
        for sourced, path, text in named:
            for ref in document_refs(text):
                if ref in self.project.documents and ref not in printed:
                    self.report.error(
                        lesson.src.origin,
                        f"{sourced.origin.path}:{sourced.where(path).line} names document "
                        f"'{ref}', which this lesson does not print",
                        f"add '{ref}' to the lesson's documents (and 'documents' to its sections)",
                    )

    def activities(self) -> None:
        project = self.project
        for lesson in project.lessons.values():
            for index, activity in enumerate(lesson.entry.activities or []):
                reason = missing_material(project, lesson.entry.modules, activity)
                if reason is not None:
                    self.report.error(
                        lesson.src.where(("activities", index)),
                        f"the {activity} activity cannot be made: {reason}",
                        "add material to the lesson's modules or drop the activity",
                    )

    def printout_names(self) -> None:
        """A lesson whose id is another's with a variant after it ("exam-booklet" beside
        "exam"): the teacher's printouts carry the variant before their name, so its answer
        key and the other's booklet key would be one file, each build overwriting the other's."""
        lessons = self.project.lessons
        for lesson in lessons.values():
            for variant in VARIANT_SUFFIXES:
                other = lesson.id.removesuffix(variant)
                if other != lesson.id and other in lessons:
                    self.report.warning(
                        lesson.src.origin,
                        f"lesson '{lesson.id}' and the {variant[1:]} build of lesson '{other}' "
                        f"would both write {printout_name(lesson.id, 'answer-key')}",
                        "rename one of the two lessons (its file in content/lessons/)",
                    )

    def candidates(self) -> None:
        """Places where the seeds seem to disagree and the comparison section does not say so."""
        found = disagreement_candidates(self.project)
        for candidate in found.listed:
            first, second = candidate.first, candidate.second
            self.report.note(
                self._seed_location(first.seed, first.sentence),
                f"the seeds may disagree ({candidate.kind}: {candidate.values}): "
                f"“{_short(first.sentence)}” "
                f"({first.seed}) but “{_short(second.sentence)}” ({second.seed})",
                "if both are about the same thing, quote both in content/disagreements.yaml",
            )
        if found.more:
            self.report.note(
                Location(DISAGREEMENTS),
                f"the seeds may disagree in {found.more} more place(s), not listed: at most "
                f"{MAX_LISTED} are, and {MAX_PER_CLAIM} for one sentence, those sharing the "
                "most words first",
                "settle the ones listed in content/disagreements.yaml, then check again",
            )

    def _seed_location(self, seed_id: str, sentence: str) -> Location:
        seed = self.project.seeds[seed_id]
        where = Location(self.project.rel(seed.text_path))
        if seed_id not in self.seed_lines:  # each seed read once, however many notes it has
            self.seed_lines[seed_id] = self._read_seed(seed.text_path)
        read = self.seed_lines[seed_id]
        if read is None:  # replaced since loading: the file is named, without a line
            return where
        raw, lines = read
        index = raw.find(sentence[:60])
        if index < 0:
            return where
        return Location(where.path, *lines.position(index))

    def _drafts_used_elsewhere(self, elsewhere: dict[str, str]) -> None:
        """A note for each draft term a module of another seed uses (`elsewhere`: the term ->
        that module), where it is not linked until reviewed (`Project.unlinked_terms`)."""
        for term_id, module_id in elsewhere.items():
            term = self.project.terms[term_id]
            self.report.note(
                term.src.where(("id",)),
                f"draft term '{term_id}' of seed '{term.entry.source}' is used in module "
                f"'{module_id}', which rests on other seeds: it is linked there once reviewed",
                "check that its definition fits that use too, then remove `draft: true`",
            )

    def _key_terms(self, module: Module, in_body: set[str], unlinked: frozenset[str]) -> None:
        """Each of the module's key terms is used, and linked, in its text (`unlinked`: the
        draft terms of other seeds it leaves as written)."""
        project = self.project
        for index, term_id in enumerate(module.meta.key_terms):
            if term_id in unlinked:
                self.report.warning(
                    module.src.where(("key_terms", index)),
                    f"key term '{term_id}' is a draft of seed "
                    f"'{project.terms[term_id].entry.source}', which this module does not"
                    " rest on, so it is not linked here",
                    "review the term in content/glossary.yaml and remove `draft: true`",
                )
            elif term_id in project.terms and term_id not in in_body:
                self.report.warning(
                    module.src.where(("key_terms", index)),
                    f"key term '{term_id}' never appears in the module's text",
                    "use it in the text, add the spelling used as an alias, or drop it",
                )

    def _read_seed(self, path: Path) -> tuple[str, Lines] | None:
        """The seed file as it is on disk now, with its line starts; None if it is refused."""
        try:
            raw = read_file(path, input_roots(self.project.root)).decode("utf-8", errors="replace")
        except Refused:
            return None
        return raw, Lines(raw)

    def terms(self) -> None:
        project = self.project
        used: set[str] = set()
        elsewhere: dict[str, str] = {}  # a draft term -> a module of another seed using it
        for module in project.modules.values():
            in_body = set(self.body(module).terms)
            used |= in_body
            unlinked = project.unlinked_terms(module)
            self._key_terms(module, in_body, unlinked)
            if unlinked:
                for _, _, term_id in self.markup.terms.find(module.body):
                    if term_id in unlinked:
                        elsewhere.setdefault(term_id, module.id)
        self._drafts_used_elsewhere(elsewhere)
        for term in project.terms.values():
            if term.id not in used and term.id not in elsewhere:
                self.report.warning(
                    term.src.where(("id",)),
                    f"glossary term '{term.id}' is used in no module",
                    "use it in a module's text or remove it",
                )
        for lesson in project.lessons.values():
            for index, module_id in enumerate(lesson.entry.modules):
                chosen = project.modules.get(module_id)
                if chosen is not None and chosen.meta.draft:
                    self.report.warning(
                        lesson.src.where(("modules", index)),
                        f"module '{module_id}' is still a draft",
                    )


SPACE_LINES = {"line": 1, "short": 3, "long": 6}  # answer lines of each space (macros.html.j2)
# "how many", "how long" ask for a fact, not an explanation
_EXPLAIN = re.compile(
    r"\b(?:why|how(?!\s+(?:many|much|long|old|far|often|big)\b)|explain|in what ways?)\b",
    re.IGNORECASE,
)
_INSTRUCTION = re.compile(
    r"^(?:write|list|give|name|explain|describe|quote|find|underline|compare|say|identify|"
    r"suggest|copy|choose|note)\b",
    re.IGNORECASE,
)


def _bad_lines(first: int, last: int, count: int) -> str:
    """What is wrong with "lines first–last" of a document of `count` numbered lines."""
    if last >= FAR or first >= FAR:
        return (
            "the question points at a line number of ten digits or more, but the document "
            f"has {count} numbered lines"
        )
    if first < 1:
        return "the question points at line 0, but a document's lines are numbered from 1"
    if first > last:
        return f"the question names lines {first}–{last}, which run backwards"
    return (
        f"the question points at line {last if first <= count else first}, "
        f"but the document has {count} numbered lines"
    )


def _segments(ask: str) -> list[tuple[str | None, str]]:
    """A question cut where it names a document: the words before the first `[doc:ID]`
    (None: its own module or document), then each document's id and the words after it —
    "lines 12–21 … [doc:b], lines 1–10" names lines of its own document, then of b."""
    parts = DOCUMENT_REF.split(ask)
    return [(None, parts[0]), *zip(parts[1::2], parts[2::2], strict=True)]


def _where_else(quote: str, places: list[str], noun: str) -> str:
    """ " (it is in paragraph 3)", " (it is in lines 16–17)": where a quotation is, if in
    one place or two running on; else ""."""
    for width in (1, 2):
        for n in range(1, len(places) - width + 2):
            if Haystack(" ".join(places[n - 1 : n - 1 + width])).contains(quote):
                return (
                    f" (it is in {noun} {n})" if width == 1 else f" (it is in {noun}s {n}–{n + 1})"
                )
    return ""


def _asks(ask: str) -> tuple[int, bool]:
    """How many things a question asks (its questions and instructions, sentence by
    sentence) and whether one of them is an explanation (why, how, explain)."""
    parts = [
        p for p in sentences(" ".join(ask.split())) if p.endswith("?") or _INSTRUCTION.match(p)
    ]
    return max(len(parts), 1), bool(_EXPLAIN.search(ask))


def _short(sentence: str, words: int = 12) -> str:
    cut = sentence.split()
    return " ".join(cut[:words]) + (" …" if len(cut) > words else "")


def check_project(project: Project) -> Report:
    """Every problem `packet check` reports for `project`."""
    checker = _Checker(project)
    checker.seeds()
    checker.figures_placed()
    checker.content()
    checker.terms()
    checker.questions()
    checker.disagreement_blocks()
    checker.documents()
    checker.activities()
    checker.printout_names()
    checker.candidates()
    checker.safety()
    return checker.report
