"""Project + lesson + edition -> Packet: exactly what the templates receive.

All choosing, ordering, numbering and scoping happens here, so templates only
loop and branch: the modules in lesson order, the glossary cut down to the
terms those modules use (pointing at each term's first use), the timeline cut
down to the lesson's modules, the sources the lesson rests on.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace

from . import __version__
from .activities import (
    ActivityView,
    TimelineActivity,
    Vocabulary,
    available,
    make_activities,
)
from .choices import Edition, Section
from .cite import STYLE_NAMES, citation
from .errors import Location
from .graphic import Span, alt_text, data_uri, svg
from .markup import Markup, RenderedText, markup_for
from .model import Event, Lesson, Module, Project
from .reading import WORDS_PER_MINUTE, ReadingStats, reading_stats
from .schema import LessonEntry
from .yamlsrc import Sourced


@dataclass(frozen=True)
class TermRef:
    id: str
    term: str


@dataclass(frozen=True)
class QuestionView:
    number: int
    html: str
    answer_html: str
    kind: str
    space: str


@dataclass(frozen=True)
class NotesView:
    """A module's teacher notes, each rendered from Markdown."""

    objectives: tuple[str, ...]
    timing: str | None
    discussion: str | None
    care: str | None


@dataclass(frozen=True)
class ProvenanceView:
    """What one module rests on in one seed: the passages drawn on and where it cites them."""

    seed: str
    passages: tuple[str, ...]
    paragraphs: tuple[int, ...]  # numbered paragraphs of the module that cite the seed


@dataclass(frozen=True)
class ModuleView:
    id: str
    number: int
    title: str
    summary_html: str
    body_html: str
    key_terms: tuple[TermRef, ...]
    questions: tuple[QuestionView, ...]
    seed_ids: tuple[str, ...]  # the seeds the module rests on or cites, in order
    sources: tuple[str, ...]  # full citation HTML of each of those seeds
    notes: NotesView
    reading: ReadingStats | None  # teacher edition only
    provenance: tuple[ProvenanceView, ...]
    draft: bool


@dataclass(frozen=True)
class EventView:
    id: str
    label: str
    title: str
    detail_html: str
    sources: tuple[str, ...]


@dataclass(frozen=True)
class TimelineGraphic:
    """The to-scale timeline as an SVG data URI, with its description and key of bands."""

    uri: str
    alt: str
    key: tuple[tuple[str, str, str], ...]  # (letter, period title, dates)


@dataclass(frozen=True)
class GlossaryView:
    id: str
    term: str
    aliases: tuple[str, ...]
    definition_html: str
    source: str
    first_use: str  # id of the element where the term is first used in this packet


@dataclass(frozen=True)
class SourceView:
    id: str
    short: str
    citation_html: str
    kind: str
    kind_basis: str
    has_attributed: bool


@dataclass(frozen=True)
class VersionView:
    source: str
    quote: str


@dataclass(frozen=True)
class ComparisonView:
    topic: str
    kind: str
    versions: tuple[VersionView, ...]
    note_html: str


@dataclass(frozen=True)
class Packet:
    """The template context of one packet (one lesson, one edition)."""

    title: str
    subtitle: str | None
    course: str
    school: str | None
    teacher: str | None
    language: str
    paper: str
    large_print: bool
    double_sided: bool
    lesson_id: str
    lesson_title: str
    lesson_summary: str | None
    advisory: str | None
    edition: Edition
    sections: tuple[Section, ...]
    modules: tuple[ModuleView, ...]
    timeline: tuple[EventView, ...]
    timeline_graphic: TimelineGraphic | None
    glossary: tuple[GlossaryView, ...]
    sources: tuple[SourceView, ...]
    comparison: tuple[ComparisonView, ...]
    activities: tuple[ActivityView, ...]
    guidance_html: str | None  # teacher edition: teaching the topic with care
    citation_style: str
    generator: str = f"packet {__version__}"
    words_per_minute: int = WORDS_PER_MINUTE
    questions_at_back: bool = field(default=False)


def adhoc_lesson(
    project: Project, name: str, modules: list[str], sections: list[Section] | None
) -> Lesson:
    """A lesson made on the command line from module ids (validated by the caller)."""
    titles = [project.modules[m].meta.title for m in modules]
    title = titles[0] if len(titles) == 1 else f"{titles[0]} to {titles[-1]}"
    if sections is None:
        entry = LessonEntry(title=title, modules=modules)
    else:
        entry = LessonEntry(title=title, modules=modules, sections=sections)
    return Lesson(name, entry, Sourced(None, {}, Location("(command line)")))


def _module_view(
    project: Project,
    markup: Markup,
    module: Module,
    number: int,
    reading: Callable[[str], ReadingStats] | None,
) -> tuple[ModuleView, RenderedText]:
    body = markup.block(module.body, module.id)
    terms = project.terms
    questions = tuple(
        QuestionView(i, markup.inline(q.ask).html, markup.inline(q.answer).html, q.kind, q.space)
        for i, q in enumerate(module.meta.questions, start=1)
    )
    seed_ids: list[str] = []
    for seed_id in [p.seed for p in module.meta.provenance] + body.cited:
        if seed_id not in seed_ids:
            seed_ids.append(seed_id)
    style = project.settings.citation_style
    notes = module.meta.teacher_notes

    def md(text: str | None) -> str | None:
        return None if text is None else markup.inline(text).html

    provenance = tuple(
        ProvenanceView(
            project.seeds[seed_id].meta.short,
            tuple(p.passage for p in module.meta.provenance if p.seed == seed_id),
            tuple(sorted(body.cited_in.get(seed_id, []))),
        )
        for seed_id in seed_ids
    )
    view = ModuleView(
        id=module.id,
        number=number,
        title=module.meta.title,
        summary_html=markup.inline(module.meta.summary).html,
        body_html=body.html,
        key_terms=tuple(TermRef(t, terms[t].entry.term) for t in module.meta.key_terms),
        questions=questions,
        seed_ids=tuple(seed_ids),
        sources=tuple(citation(project.seeds[s].meta, style) for s in seed_ids),
        notes=NotesView(
            objectives=tuple(markup.inline(o).html for o in notes.objectives),
            timing=md(notes.timing),
            discussion=md(notes.discussion),
            care=md(notes.care),
        ),
        reading=reading(markup.plain(module.body)) if reading else None,
        provenance=provenance,
        draft=module.meta.draft,
    )
    return view, body


# Width of the text block (mm): paper width less the side margins of packet.css / large-print.css.
PAPER_WIDTH = {"a4": 210.0, "letter": 215.9}
SIDE_MARGINS = {False: 58.0, True: 36.0}


def _timeline_graphic(events: list[Event], paper: str, large_print: bool) -> TimelineGraphic | None:
    spans = [
        Span(
            e.when.label,
            e.entry.title,
            e.when.start_fraction,
            e.when.end_fraction,
            approximate=e.when.approximate,
            period=e.entry.period,
        )
        for e in events
    ]
    if not [s for s in spans if not s.period]:
        return None
    width = PAPER_WIDTH[paper] - SIDE_MARGINS[large_print]
    document, plan = svg(spans, width=width, font_pt=13.0 if large_print else 8.5)
    return TimelineGraphic(
        uri=data_uri(document),
        alt=alt_text(spans),
        key=tuple((b.letter, b.span.title, b.span.label) for b in plan.bands),
    )


def assemble(
    project: Project,
    lesson: Lesson,
    edition: Edition,
    *,
    sections: list[Section] | None = None,
    paper: str | None = None,
    large_print: bool = False,
    double_sided: bool | None = None,
    reading: Callable[[str], ReadingStats] = reading_stats,
) -> Packet:
    """The packet of one lesson and edition; `reading` measures module texts (teacher only)."""
    settings = project.settings
    markup = markup_for(project)
    chosen = lesson.entry.modules
    modules: list[ModuleView] = []
    first_use: dict[str, str] = {}
    for number, module_id in enumerate(chosen, start=1):
        view, body = _module_view(
            project,
            markup,
            project.modules[module_id],
            number,
            reading if edition == "teacher" else None,
        )
        modules.append(view)
        for term_id in body.terms:
            first_use.setdefault(term_id, f"use-{term_id}-{module_id}")
    wanted = tuple(sections if sections is not None else lesson.entry.sections)

    lesson_events = [e for e in project.events if set(e.entry.modules) & set(chosen)]
    timeline = tuple(
        EventView(
            id=e.entry.id,
            label=e.when.label,
            title=e.entry.title,
            detail_html=markup.inline(e.entry.detail).html,
            sources=tuple(dict.fromkeys(project.seeds[s.seed].meta.short for s in e.entry.sources)),
        )
        for e in lesson_events
    )
    glossary = tuple(
        GlossaryView(
            id=term.id,
            term=term.entry.term,
            aliases=tuple(term.entry.aliases),
            definition_html=markup.inline(term.entry.definition).html,
            source=(
                "general definition"
                if term.entry.source == "general"
                else project.seeds[term.entry.source].meta.short
            ),
            first_use=first_use[term.id],
        )
        for term in sorted(project.terms.values(), key=lambda t: t.entry.term.casefold())
        if term.id in first_use
    )
    used_seeds = [project.seeds[s] for s in dict.fromkeys(s for m in modules for s in m.seed_ids)]
    sources = tuple(
        SourceView(
            id=seed.id,
            short=seed.meta.short,
            citation_html=citation(seed.meta, settings.citation_style),
            kind=seed.meta.kind,
            kind_basis=seed.meta.kind_basis,
            has_attributed=any(
                v is not None and v.attributed
                for v in (
                    seed.meta.title,
                    seed.meta.author,
                    seed.meta.website,
                    seed.meta.publisher,
                    seed.meta.date,
                )
            ),
        )
        for seed in sorted(used_seeds, key=lambda s: citation(s.meta, settings.citation_style))
    )
    comparison = tuple(
        ComparisonView(
            topic=d.entry.topic,
            kind=d.entry.kind,
            versions=tuple(
                VersionView(project.seeds[v.seed].meta.short, v.quote) for v in d.entry.versions
            ),
            note_html=markup.inline(d.entry.note).html,
        )
        for d in project.disagreements
        if set(d.entry.modules) & set(chosen)
    )
    wanted_activities = lesson.entry.activities or available(project, chosen)
    guidance = project.guidance
    packet = Packet(
        title=settings.title,
        subtitle=settings.subtitle,
        course=settings.course,
        school=settings.school,
        teacher=settings.teacher,
        language=settings.language,
        paper=paper or settings.paper,
        large_print=large_print,
        double_sided=settings.double_sided if double_sided is None else double_sided,
        lesson_id=lesson.id,
        lesson_title=lesson.entry.title,
        lesson_summary=lesson.entry.summary,
        advisory=lesson.entry.advisory,
        edition=edition,
        sections=wanted,
        modules=tuple(modules),
        timeline=timeline,
        timeline_graphic=_timeline_graphic(lesson_events, paper or settings.paper, large_print),
        glossary=glossary,
        sources=sources,
        comparison=comparison,
        activities=make_activities(project, markup, lesson.id, chosen, wanted_activities),
        guidance_html=(
            markup.block(guidance, "guidance", numbered=False, link_terms=False).html
            if guidance and edition == "teacher"
            else None
        ),
        citation_style=STYLE_NAMES[settings.citation_style],
        questions_at_back="questions" in wanted,
    )
    return packet if edition == "teacher" else _for_students(packet)


def _for_students(packet: Packet) -> Packet:
    """The packet without anything meant for the teacher alone: model answers, teacher
    notes, the provenance summary, what a historian makes of a disagreement, the activities'
    answer keys.

    Templates show these only in the teacher edition; leaving them out of the student
    edition's data as well means no template — a colleague's override included — can
    print a teacher's answers in a student's packet.
    """
    no_notes = NotesView((), None, None, None)
    modules = tuple(
        replace(
            m,
            questions=tuple(replace(q, answer_html="") for q in m.questions),
            notes=no_notes,
            reading=None,
            provenance=(),
        )
        for m in packet.modules
    )
    comparison = tuple(replace(c, note_html="") for c in packet.comparison)
    activities: list[ActivityView] = []
    for activity in packet.activities:
        if isinstance(activity, Vocabulary):
            terms = tuple(replace(t, answer="") for t in activity.terms)
            activities.append(replace(activity, terms=terms))
        elif isinstance(activity, TimelineActivity):
            order = tuple(replace(e, position=0, label="") for e in activity.order)
            dates = tuple(replace(e, label="") for e in activity.dates)
            activities.append(replace(activity, order=order, dates=dates))
        else:
            rows = tuple(replace(r, answers=("",) * len(r.answers)) for r in activity.rows)
            activities.append(replace(activity, rows=rows, judgement_notes=()))
    return replace(
        packet,
        modules=modules,
        comparison=comparison,
        activities=tuple(activities),
        guidance_html=None,
    )
