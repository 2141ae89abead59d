"""Validate a loaded Project against its seeds -> Report.

* every quotation (`“…” [@seed]`) in module text, questions, notes, events,
  definitions and disagreements appears verbatim in the seed it cites;
* every provenance passage, event source and definition passage is in its seed;
* seed metadata stated as plain text appears in the seed; boilerplate lines
  (a web page's marketing) appear in it and never in content;
* every module asks sourcing, close-reading, corroboration and
  contextualisation questions, and paragraphs a question names exist;
* every activity a lesson asks for can be made from its modules;
* places where the seeds seem to give different dates or numbers for the same
  thing, not yet in disagreements.yaml, are listed as notes (never fatal);
* glossary terms defined but never used, key terms a module never uses, and
  quotations with no citation are reported as warnings.
"""

from __future__ import annotations

from collections.abc import Iterator

from .activities import missing_material
from .candidates import disagreement_candidates
from .errors import Location, Report
from .files import Refused, read_file
from .layout import GUIDANCE, input_roots
from .lint import Finding, lint, nesting
from .markup import markup_for
from .model import Module, Project, Term
from .schema import HISTORICAL_THINKING
from .text import (
    contains_passage,
    find_quotations,
    find_uncited,
    normalise,
    paragraph_refs,
    position,
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


def _texts(project: Project) -> _Texts:
    """Every free-text field of the content: (sourced file, path to field, text)."""
    for module in project.modules.values():
        yield from _module_texts(module)
    for event in project.events:
        yield event.src, ("detail",), event.entry.detail
    for term in project.terms.values():
        yield term.src, ("definition",), term.entry.definition
    for d in project.disagreements:
        yield d.src, ("note",), d.entry.note
    for lesson in project.lessons.values():
        if lesson.entry.advisory:
            yield lesson.src, ("advisory",), lesson.entry.advisory


class _Checker:
    def __init__(self, project: Project) -> None:
        self.project = project
        self.report = Report()
        self.markup = markup_for(project)  # one reader (and term index) for the whole check
        self.boilerplate = [
            (seed.id, normalise(line))
            for seed in project.seeds.values()
            for line in seed.meta.boilerplate
        ]

    def passage(self, where: Location, seed_id: str, passage: str, what: str) -> None:
        seed = self.project.seeds.get(seed_id)
        if seed is None:
            self.report.error(
                where,
                f"{what} cites unknown seed '{seed_id}'",
                f"known seeds: {', '.join(self.project.seeds)}",
            )
            return
        if not contains_passage(seed.text, passage):
            short = passage if len(passage) < 70 else passage[:67] + "..."
            self.report.error(
                where,
                f"{what} “{short}” is not in seed '{seed_id}' ({seed.path.name})",
                "copy the words exactly from the seed; mark left-out words with …",
            )
            return
        normal = normalise(passage)
        for bp_seed, line in self.boilerplate:
            if bp_seed == seed_id and (line in normal or normal in line):
                self.report.error(
                    where,
                    f"{what} comes from the seed's boilerplate (“{line[:60]}”)",
                    "content must not repeat a web page's marketing",
                )

    def quotations(self, text: str, where: Location, *, warn_uncited: bool) -> None:
        for q in find_quotations(text):
            col = where.col + q.col - 1 if q.line == 1 else q.col
            at = Location(where.path, where.line + q.line - 1, col)
            self.passage(at, q.seed, q.quote, "quotation")
        if warn_uncited:
            for quote, line, col in find_uncited(text):
                at = Location(where.path, where.line + line - 1, col)
                self.report.warning(
                    at,
                    f"quotation “{quote[:50]}” has no source",
                    "add [@seed] after the closing quotation mark",
                )

    def seeds(self) -> None:
        for seed in self.project.seeds.values():
            meta = seed.meta
            for key in ("title", "author", "website", "publisher", "date"):
                value = getattr(meta, key)
                if value is None or value.attributed:
                    continue
                stated = value.as_written or value.value
                if not contains_passage(seed.text, stated):
                    self.report.error(
                        seed.src.where((key,)),
                        f"{key} “{stated}” is not stated in {seed.path.name}",
                        "give the seed's own words in as_written, or explain in attributed",
                    )
            for index, line in enumerate(meta.boilerplate):
                if not contains_passage(seed.text, line):
                    self.report.error(
                        seed.src.where(("boilerplate", index)),
                        f"boilerplate line “{line[:50]}” is not in {seed.path.name}",
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
                )
        for sourced, path, text in _texts(project):
            self.quotations(text, sourced.where(path), warn_uncited=False)
        if project.guidance is not None:
            where = Location(GUIDANCE, 1, 1)
            self.quotations(project.guidance, where, warn_uncited=True)
        for event in project.events:
            for i, p in enumerate(event.entry.sources):
                self.passage(
                    event.src.where(("sources", i, "passage")), p.seed, p.passage, "event source"
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
        for sourced, field_path, text in _texts(self.project):
            for finding in lint(text):
                report(finding, sourced.where(field_path))
        if self.project.guidance is not None:
            for finding in lint(self.project.guidance):
                report(finding, Location(GUIDANCE, finding.line, finding.col))

    def questions(self) -> None:
        """Every module asks each kind of historical-thinking question; paragraph refs exist."""
        markup = self.markup
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
            count = markup.block(module.body, module.id, link_terms=False).paragraphs
            for i, q in enumerate(questions):
                refs = paragraph_refs(q.ask)
                where = module.src.where(("questions", i, "ask"))
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

    def candidates(self) -> None:
        """Places where the seeds seem to disagree and the comparison section does not say so."""
        for candidate in disagreement_candidates(self.project):
            first, second = candidate.first, candidate.second
            self.report.note(
                self._seed_location(first.seed, first.sentence),
                f"the seeds may disagree ({candidate.kind}: {candidate.values}): "
                f"“{_short(first.sentence)}” "
                f"({first.seed}) but “{_short(second.sentence)}” ({second.seed})",
                "if both are about the same thing, quote both in content/disagreements.yaml",
            )

    def _seed_location(self, seed_id: str, sentence: str) -> Location:
        seed = self.project.seeds[seed_id]
        where = Location(self.project.rel(seed.path))
        try:
            raw = read_file(seed.path, input_roots(self.project.root)).decode(
                "utf-8", errors="replace"
            )
        except Refused:  # replaced since loading: the file is named, without a line
            return where
        index = raw.find(sentence[:60])
        if index < 0:
            return where
        return Location(where.path, *position(raw, index))

    def terms(self) -> None:
        project = self.project
        markup = self.markup
        used: set[str] = set()
        for module in project.modules.values():
            in_body = set(markup.block(module.body, module.id).terms)
            used |= in_body
            for index, term_id in enumerate(module.meta.key_terms):
                if term_id in project.terms and term_id not in in_body:
                    self.report.warning(
                        module.src.where(("key_terms", index)),
                        f"key term '{term_id}' never appears in the module's text",
                        "use it in the text, add the spelling used as an alias, or drop it",
                    )
        for term in project.terms.values():
            if term.id not in used:
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


def _short(sentence: str, words: int = 12) -> str:
    cut = sentence.split()
    return " ".join(cut[:words]) + (" …" if len(cut) > words else "")


def check_project(project: Project) -> Report:
    """Every problem `packet check` reports for `project`."""
    checker = _Checker(project)
    checker.seeds()
    checker.content()
    checker.terms()
    checker.questions()
    checker.activities()
    checker.candidates()
    checker.safety()
    return checker.report
