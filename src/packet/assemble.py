"""Project + lesson + edition -> Packet: exactly what the templates receive.

All choosing, ordering, numbering and scoping happens here, so templates only
loop and branch: the modules in lesson order, the glossary cut down to the
terms those modules use (pointing at each term's first use), the timeline cut
down to the lesson's modules, the sources the lesson rests on, the modules with
a care note. Every field that holds HTML is `markupsafe.Markup` (made by markup.py
and cite.py); templates print it as it is and escape everything else.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace

from markupsafe import Markup

from . import __version__
from .activities import (
    BOOKLET_SET,
    LARGE_PRINT_SET,
    ActivityView,
    TimelineActivity,
    Vocabulary,
    available,
    make_activities,
    shuffled,
)
from .answers import answer_id
from .choices import FIRST_SECTION, REPORT_SECTIONS, Edition, Section
from .cite import STYLE_NAMES, citation, headnote_facts
from .documents import Block, blocks, document_refs, letter, lettered
from .errors import Location
from .graphic import (
    PT,
    Layout,
    Span,
    alt_text,
    charts,
    data_uri,
    legend,
    line_count,
    svg,
    when,
)
from .i18n import ENGLISH, N_, Words
from .markup import (
    MarkdownReader,
    RenderedText,
    figure_html,
    for_students,
    markup_for,
    nested_quotes,
    typeset,
)
from .model import Document, Event, Lesson, Module, Project, Seed, seeds_of
from .reading import WORDS_PER_MINUTE, ReadingStats, reading_stats
from .schema import LessonEntry, Question, QuestionKind
from .support import starters
from .yamlsrc import Sourced


@dataclass(frozen=True)
class TermRef:
    id: str
    term: str


@dataclass(frozen=True)
class QuestionView:
    number: int
    html: Markup
    answer_html: Markup
    kind: QuestionKind
    space: str
    source: str  # "path:line" where it is written, for the print preflight's findings
    starters: tuple[str, ...] = ()  # with support: ways into a long answer (support.py)
    key: str = ""  # what its answer is kept under in the HTML packet (answers.answer_id)
    documents: tuple[str, ...] = ()  # ids of the lesson's documents it names (`[doc:ID]`)


@dataclass(frozen=True)
class NotesView:
    """A module's teacher notes, each rendered from Markdown."""

    objectives: tuple[Markup, ...]
    timing: Markup | None
    discussion: Markup | None
    care: Markup | None


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
    summary_html: Markup
    body_html: Markup
    key_terms: tuple[TermRef, ...]
    questions: tuple[QuestionView, ...]
    seed_ids: tuple[str, ...]  # the seeds the module rests on or cites, in order
    sources: tuple[Markup, ...]  # the full citation of each of those seeds
    notes: NotesView
    reading: ReadingStats | None  # teacher edition only
    provenance: tuple[ProvenanceView, ...]
    draft: bool
    source: str  # "path:line" of the module's file, for the print preflight's findings
    # With support: the words to use in its answers, before its questions (support.py)
    word_bank: tuple[str, ...] = ()

    @property
    def anchor(self) -> str:
        """The prefix of its questions' ids (`q-<anchor>-<n>`), as a document's is."""
        return self.id


@dataclass(frozen=True)
class EventView:
    id: str
    label: str
    title: str
    detail_html: Markup
    sources: tuple[str, ...]


@dataclass(frozen=True)
class ChartView:
    """One chart of the to-scale timeline: an SVG data URI, its description, which part of
    the timeline it is, and the key of the bands it draws."""

    uri: str
    alt: str
    part: str  # e.g. "Part 1 of 2: 1950 to 2000." when there are several; else ""
    key: tuple[tuple[str, str, str], ...]  # (letter, period title, dates)


@dataclass(frozen=True)
class TimelineGraphic:
    """The to-scale timeline: one chart, or several at one scale where one would not fit its
    page at the packet's type size; `legend` says what the marks mean."""

    charts: tuple[ChartView, ...]
    legend: str


@dataclass(frozen=True)
class GlossaryView:
    id: str
    term: str
    aliases: tuple[str, ...]
    definition_html: Markup
    source: str
    first_use: str  # id of the element where the term is first used in this packet


@dataclass(frozen=True)
class SourceView:
    id: str
    short: str
    citation_html: Markup
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
    note_html: Markup


@dataclass(frozen=True)
class DocumentView:
    """Document A, B…: a seed's own words in numbered lines, with what a reader needs to
    source them (who made it, what kind, when, why) and the questions on it."""

    id: str
    anchor: str  # "doc_<id>": the prefix of its questions' ids, as a module's id is of theirs
    letter: str
    title: str
    facts: tuple[tuple[str, str], ...]  # the headnote: (label, value), from the seed's record
    headnote_html: Markup | None  # where in the source the excerpt comes from
    blocks: tuple[Block, ...]
    citation_html: Markup
    rights: str
    questions: tuple[QuestionView, ...]
    source: str  # "path:line" of its entry, for the print preflight's findings
    figure_html: Markup | None = None  # a figure seed's picture, reprinted in place of text
    modules: tuple[str, ...] = ()  # the modules it belongs to (the lesson plan's sequence)


@dataclass(frozen=True)
class TaskView:
    """The lesson's final writing task: the prompt, the documents to use (as the lesson
    letters them), a planning scaffold, sentence starters and, for the teacher, a mark scheme."""

    prompt_html: Markup
    documents: str  # "Documents A, C and E", or ""
    plan: tuple[Markup, ...]
    starters: tuple[Markup, ...]
    mark_scheme: tuple[Markup, ...]  # teacher edition only
    document_ids: tuple[str, ...] = ()  # the documents to use, as `documents` names them

    @property
    def plan_rows(self) -> tuple[tuple[Markup, str], ...]:
        """Each row of the planning scaffold with the id its answer is kept under."""
        return tuple((row, answer_id("plan", str(row))) for row in self.plan)


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
    enquiry: str | None  # the question the lesson sets out to answer
    advisory: str | None
    edition: Edition
    sections: tuple[Section, ...]
    modules: tuple[ModuleView, ...]
    timeline: tuple[EventView, ...]
    timeline_graphic: TimelineGraphic | None
    glossary: tuple[GlossaryView, ...]
    sources: tuple[SourceView, ...]
    sources_attributed: bool  # some source has details its editors supplied ([brackets])
    comparison: tuple[ComparisonView, ...]
    activities: tuple[ActivityView, ...]
    documents: tuple[DocumentView, ...]
    task: TaskView | None  # after the documents (SPEC §4)
    guidance_html: Markup | None  # teacher edition: teaching the topic with care
    care_modules: tuple[ModuleView, ...]  # teacher edition: the modules with a care note
    # Teacher edition: how this lesson ends — its last section, and the lesson's own advice
    ending_html: Markup | None
    citation_style: str
    generator: str = f"packet {__version__}"
    words_per_minute: int = WORDS_PER_MINUTE
    questions_at_back: bool = field(default=False)
    booklet: bool = False  # laid out on the half sheet (A5, half-letter) to be folded
    support: bool = False  # word banks and sentence starters for weaker readers (support.py)
    version: str = ""  # a class set's version ("A", "B"): marked on every page
    ui_language: str = "en"  # packet's own words' language (i18n.py): `language`, --language
    # The teacher edition's PDF: each id (module, question, activity, back section) → the
    # page it is on in the student edition, so a teacher can say "turn to page 16".
    student_pages: Mapping[str, int] | None = None
    student_page_count: int | None = None  # the student edition's pages, for the lesson plan
    period_minutes: int = 50  # one lesson period (packet.toml), for the lesson plan

    @property
    def page_size(self) -> str:
        """The CSS page size: the paper, or the half sheet a booklet is laid out on."""
        return PAGE_SIZES[self.paper, self.booklet]

    @property
    def paper_size(self) -> str:
        """The CSS page size of the whole sheet: the teacher's printouts, in every variant."""
        return PAGE_SIZES[self.paper, False]


# The page each packet is laid out on: paper, or (booklet) the half of it a folded page is.
PAGE_SIZES = {
    ("a4", False): "A4",
    ("letter", False): "letter",
    ("a4", True): "A5",
    ("letter", True): "5.5in 8.5in",
}


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


def assemble(
    project: Project,
    lesson: Lesson,
    edition: Edition,
    *,
    sections: list[Section] | None = None,
    paper: str | None = None,
    large_print: bool = False,
    double_sided: bool | None = None,
    booklet: bool = False,
    support: bool = False,
    version: str = "",
    language: str | None = None,
) -> Packet:
    """The packet of one lesson and edition; with `support` (or the lesson's own `support:
    true`), its word banks and sentence starters; in a `version` (a class set's A or B), its
    activity items in that version's order."""
    settings = project.settings
    words = Words(language or settings.language)
    markup = markup_for(project, words)
    chosen = lesson.entry.modules
    bodies = _bodies(project, markup, chosen, students=edition == "student")
    asked = sections if sections is not None else lesson.entry.sections
    if edition == "report":  # everything to read, nothing to answer: the lesson's order first
        more = [s for s in REPORT_SECTIONS if s not in asked] if sections is None else []
        asked = [s for s in [*asked, *more] if s != "questions"]
    printed = project.documents_of(lesson) if FIRST_SECTION in asked else []
    wanted = _sections(asked, bool(printed))
    letters: Letters = (
        {d.id: letter(index) for index, d in enumerate(printed)},
        {d.id: d.entry.title for d in project.documents.values()},
        words,
    )
    modules = _modules(project, markup, bodies, letters, teacher=edition == "teacher")
    events = [e for e in project.events if set(e.entry.modules) & set(chosen)]
    sources = _sources(project, bodies, words)
    packet = Packet(
        title=settings.title,
        subtitle=settings.subtitle,
        course=settings.course,
        school=settings.school,
        teacher=settings.teacher,
        language=settings.language,
        ui_language=language or settings.language,
        paper=paper or settings.paper,
        large_print=large_print,
        double_sided=settings.double_sided if double_sided is None else double_sided,
        lesson_id=lesson.id,
        lesson_title=lesson.entry.title,
        lesson_summary=lesson.entry.summary,
        enquiry=lesson.entry.enquiry,
        advisory=lesson.entry.advisory,
        edition=edition,
        sections=wanted,
        modules=modules,
        timeline=_timeline(project, markup, events, words),
        timeline_graphic=_timeline_graphic(
            events,
            PAGE_MM[paper or settings.paper, booklet],
            "large print" if large_print else "booklet" if booklet else "standard",
            words,
        ),
        glossary=_glossary(project, markup, _first_uses(bodies), words),
        sources=sources,
        sources_attributed=any(s.has_attributed for s in sources),
        comparison=_comparison(project, markup, chosen),
        activities=_activities(
            project,
            markup,
            lesson,
            LARGE_PRINT_SET if large_print else BOOKLET_SET if booklet else None,
            version,
            words,
        ),
        documents=tuple(_document_view(project, markup, d, letters) for d in printed),
        task=_task(markup, lesson, letters),
        guidance_html=_guidance(project, markup) if edition == "teacher" else None,
        care_modules=tuple(m for m in modules if m.notes.care),
        ending_html=_ending(markup, lesson, modules, words) if edition == "teacher" else None,
        citation_style=words.say(STYLE_NAMES[settings.citation_style]),
        questions_at_back="questions" in wanted,
        booklet=booklet,
        version=version,
        period_minutes=settings.period_minutes,
    )
    if version not in ("", "A") and lesson.entry.shuffle_questions:
        packet = _questions_reordered(packet, f"{lesson.id}/version-{version}")
    if edition == "report":
        return _as_report(_for_students(packet))
    if support or lesson.entry.support:
        packet = _with_support(packet)
    return packet if edition == "teacher" else _for_students(packet)


def _as_report(packet: Packet) -> Packet:
    """The report edition: the student edition's content (nothing teacher-only) without
    what a student does with it — questions, activities, the final task, answer space — and
    with the comparison only where the sources disagree."""
    return replace(
        packet,
        modules=tuple(replace(m, questions=()) for m in packet.modules),
        documents=tuple(replace(d, questions=()) for d in packet.documents),
        activities=(),
        task=None,
        sections=tuple(s for s in packet.sections if s != "comparison" or packet.comparison),
        questions_at_back=False,
    )


def _questions_reordered(packet: Packet, seed: str) -> Packet:
    """A version's packet (a lesson with `shuffle_questions`): each module's and document's
    questions in an order of that version's own, numbered again from 1."""

    def reordered(owner: str, questions: tuple[QuestionView, ...]) -> tuple[QuestionView, ...]:
        order = shuffled(questions, f"{seed}/{owner}")
        return tuple(replace(q, number=n) for n, q in enumerate(order, start=1))

    return replace(
        packet,
        modules=tuple(replace(m, questions=reordered(m.id, m.questions)) for m in packet.modules),
        documents=tuple(
            replace(d, questions=reordered(d.anchor, d.questions)) for d in packet.documents
        ),
    )


def _with_support(packet: Packet) -> Packet:
    """`packet` with support for weaker readers: each section's word bank and sentence
    starters under every long-answer question (support.py)."""

    words = Words(packet.ui_language)

    def supported(questions: tuple[QuestionView, ...]) -> tuple[QuestionView, ...]:
        return tuple(replace(q, starters=starters(q.kind, q.space, words)) for q in questions)

    modules = tuple(
        replace(m, word_bank=_word_bank(m, packet.glossary), questions=supported(m.questions))
        for m in packet.modules
    )
    documents = tuple(replace(d, questions=supported(d.questions)) for d in packet.documents)
    return replace(
        packet,
        modules=modules,
        documents=documents,
        care_modules=tuple(m for m in modules if m.notes.care),
        support=True,
    )


def _word_bank(module: ModuleView, glossary: tuple[GlossaryView, ...]) -> tuple[str, ...]:
    """The words of a section's bank: its key terms, then the glossary terms it is the first
    section of the lesson to use, each once. Words, not meanings: placed just above the
    questions, a glossary definition ("S-21: … a former high school …") would answer them
    before they are asked; the meanings stay in the glossary."""
    first_here = [g.term for g in glossary if g.first_use == f"use-{g.id}-{module.id}"]
    return tuple(dict.fromkeys([*(ref.term for ref in module.key_terms), *first_here]))


def _sections(chosen: list[Section], documents: bool) -> tuple[Section, ...]:
    """The back sections in the order they print: the documents first, straight after the
    activities (SPEC §4) wherever they are listed, and only when the lesson has some."""
    rest = tuple(s for s in chosen if s != FIRST_SECTION)
    return (FIRST_SECTION, *rest) if documents else rest


# -- the modules ---------------------------------------------------------------------------


# A module of the lesson with its body rendered.
Body = tuple[Module, RenderedText]


def _bodies(
    project: Project, markup: MarkdownReader, chosen: list[str], *, students: bool
) -> list[Body]:
    """The lesson's modules with their bodies rendered; for students, each block on where
    the sources disagree is a prompt to find both versions (unless the project says not)."""
    modules = [project.modules[m] for m in chosen]
    prompts = (
        _prompts(project, markup.words)
        if students and project.settings.disagreement_prompts
        else None
    )
    return [
        (
            module,
            markup.block(
                for_students(module.body, prompts) if prompts is not None else module.body,
                module.id,
                where=module.body_location,
                unlinked=project.unlinked_terms(module),
            ),
        )
        for module in modules
    ]


# What a student reads in place of a module's block on a disagreement without a prompt of
# its own: the question, not its answer (which the teacher edition and the back section give).
PROMPT = N_(
    "The two sources disagree here. Find what each one says, in its own words, and decide "
    "which is better supported, and why."
)


def _prompts(project: Project, words: Words) -> dict[str, str]:
    """Each disagreement's prompt (Markdown), packet's words in `words`' language."""
    return {
        d.entry.id: words.say(
            "**Find both versions.** {prompt}", prompt=d.entry.prompt or words.say(PROMPT)
        )
        for d in project.disagreements
    }


def _modules(
    project: Project,
    markup: MarkdownReader,
    bodies: list[Body],
    letters: Letters,
    *,
    teacher: bool,
) -> tuple[ModuleView, ...]:
    """The lesson's modules in lesson order, numbered from 1; the teacher's with their
    reading statistics."""
    return tuple(
        _module_view(project, markup, module, number, body, letters, teacher=teacher)
        for number, (module, body) in enumerate(bodies, start=1)
    )


def _module_view(
    project: Project,
    markup: MarkdownReader,
    module: Module,
    number: int,
    body: RenderedText,
    letters: Letters,
    *,
    teacher: bool,
) -> ModuleView:
    seed_ids = seeds_of([module], {module.id: body.cited})
    style = project.settings.citation_style
    return ModuleView(
        id=module.id,
        number=number,
        title=module.meta.title,
        summary_html=markup.inline(module.meta.summary).html,
        body_html=body.html,
        key_terms=tuple(TermRef(t, project.terms[t].entry.term) for t in module.meta.key_terms),
        questions=_questions(markup, module.meta.questions, module.src, letters),
        seed_ids=tuple(seed_ids),
        sources=tuple(citation(project.seeds[s].meta, style, letters[2]) for s in seed_ids),
        notes=_notes(module, markup),
        reading=reading_stats(markup.plain(module.body)) if teacher else None,
        provenance=_provenance(project, module, body, seed_ids),
        draft=module.meta.draft,
        source=f"{module.src.origin.path}:1",
    )


# Each document id -> "A", "B"… in this lesson, and every document id -> its title: what a
# question's `[doc:ID]` prints as (documents.lettered).
Letters = tuple[Mapping[str, str], Mapping[str, str], Words]


def _questions(
    markup: MarkdownReader, questions: list[Question], src: Sourced, letters: Letters
) -> tuple[QuestionView, ...]:
    keys = _keys([q.ask for q in questions])
    return tuple(
        QuestionView(
            i,
            markup.inline(lettered(q.ask, *letters)).html,
            markup.inline(lettered(q.answer, *letters)).html,
            q.kind,
            q.space,
            _at(src.where(("questions", i - 1))),
            key=key,
            documents=tuple(d for d in dict.fromkeys(document_refs(q.ask)) if d in letters[0]),
        )
        for (i, q), key in zip(enumerate(questions, start=1), keys, strict=True)
    )


def _keys(asked: list[str]) -> list[str]:
    """Each question's answer id: from what it asks, so it stays when others are added
    (the same question twice: the second with -2)."""
    seen: dict[str, int] = {}
    keys = []
    for text in asked:
        key = answer_id(text)
        seen[key] = seen.get(key, 0) + 1
        keys.append(key if seen[key] == 1 else f"{key}-{seen[key]}")
    return keys


def _at(where: Location) -> str:
    """A position as the print preflight names it: `path:line`."""
    return f"{where.path}:{where.line}"


def _notes(module: Module, markup: MarkdownReader) -> NotesView:
    notes = module.meta.teacher_notes

    def md(text: str | None) -> Markup | None:
        return None if text is None else markup.inline(text).html

    return NotesView(
        objectives=tuple(markup.inline(o).html for o in notes.objectives),
        timing=md(notes.timing),
        discussion=md(notes.discussion),
        care=md(notes.care),
    )


def _provenance(
    project: Project, module: Module, body: RenderedText, seed_ids: list[str]
) -> tuple[ProvenanceView, ...]:
    return tuple(
        ProvenanceView(
            project.seeds[seed_id].meta.short,
            tuple(  # printed inside quotation marks
                nested_quotes(typeset(p.passage), depth=1)
                for p in module.meta.provenance
                if p.seed == seed_id
            ),
            tuple(sorted(body.cited_in.get(seed_id, []))),
        )
        for seed_id in seed_ids
    )


def _first_uses(bodies: list[Body]) -> dict[str, str]:
    """Each glossary term the lesson uses -> the id of its first use, in lesson order."""
    first_use: dict[str, str] = {}
    for module, body in bodies:
        for term_id in body.terms:
            first_use.setdefault(term_id, f"use-{term_id}-{module.id}")
    return first_use


# -- the back sections ---------------------------------------------------------------------


def _timeline(
    project: Project, markup: MarkdownReader, events: list[Event], words: Words
) -> tuple[EventView, ...]:
    return tuple(
        EventView(
            id=e.entry.id,
            label=e.when.label_in(words),
            title=e.entry.title,
            detail_html=markup.inline(e.entry.detail).html,
            sources=tuple(dict.fromkeys(project.seeds[s.seed].meta.short for s in e.entry.sources)),
        )
        for e in events
    )


# The page a packet is laid out on (mm, width and height): its paper, or the half sheet a
# booklet's page is (booklet.css).
PAGE_MM = {
    ("a4", False): (210.0, 297.0),
    ("letter", False): (215.9, 279.4),
    ("a4", True): (148.0, 210.0),
    ("letter", True): (139.7, 215.9),
}
# By the type a packet is set in — "standard", "large print" (which wins over a booklet's)
# or "booklet" — in mm: the side margins of packet.css, large-print.css and booklet.css, and
# their top and bottom margins.
SIDE_MARGINS = {"standard": 58.0, "large print": 36.0, "booklet": 27.0}
END_MARGINS = {"standard": 46.0, "large print": 36.0, "booklet": 27.0}
# Above the first chart: the section's heading and introduction (mm, measured, with a margin).
# Below each chart: its caption (`.timeline-graphic figcaption`: pt, leading), and 2 mm above it.
HEADING_ROOM = {"standard": 30.0, "large print": 48.0, "booklet": 31.0}
CAPTION = {"standard": (10.0, 1.4), "large print": (18.0, 1.5), "booklet": (9.5, 1.4)}
# The chart's labels (pt), as they print: each type's smallest for drawings (preflight.py).
CHART_FONT = {"standard": 10.0, "large print": 14.0, "booklet": 9.5}


def _timeline_graphic(
    events: list[Event], page_mm: tuple[float, float], kind: str, say_in: Words
) -> TimelineGraphic | None:
    """The timeline's charts, each drawn at the size it prints and no taller than its page
    leaves room for (the first below the section's heading), each with its caption."""
    spans = [
        Span(
            typeset(e.when.label_in(say_in)),
            typeset(e.entry.title),  # drawn into the SVG, past the templates' typesetting
            e.when.start_fraction,
            e.when.end_fraction,
            approximate=e.when.approximate,
            period=e.entry.period,
        )
        for e in events
    ]
    if not [s for s in spans if not s.period]:
        return None
    width = page_mm[0] - SIDE_MARGINS[kind]
    page = page_mm[1] - END_MARGINS[kind]
    font_pt = CHART_FONT[kind]
    # the caption is at most the longest legend, a part's number and the whole key
    probe = charts(spans, width=width, font_pt=font_pt, room=page, words=say_in)
    one_scale, two_scales = [*probe, *probe], [*probe, replace(probe[0], scale=0.0)]
    month = max((when(2000 + m / 12, say_in, months=True) for m in range(12)), key=len)
    longest_part = say_in.say(
        "Part {number} of {count}: {first} to {last}.", number=9, count=9, first=month, last=month
    )
    longest = max(legend(one_scale, say_in), legend(two_scales, say_in), key=len)
    words = longest + " " + longest_part + _key_text(probe, say_in)
    size, leading = CAPTION[kind]
    lines = line_count(words, size * PT, width, serif=True) + 1
    room = page - lines * size * PT * leading - 3.0
    plans = charts(
        spans,
        width=width,
        font_pt=font_pt,
        room=room - HEADING_ROOM[kind],
        later_room=room,
        words=say_in,
    )
    views = []
    for number, plan in enumerate(plans, start=1):
        alt = alt_text(plan, (number, len(plans)), say_in)
        part = (
            say_in.say(
                "Part {number} of {count}: {first} to {last}.",
                number=number,
                count=len(plans),
                first=plan.span_label[0],
                last=plan.span_label[1],
            )
            if len(plans) > 1
            else ""
        )
        key = tuple((b.letter, b.span.title, b.span.label) for b in plan.bands)
        drawn = svg(plan, alt, say_in.say("Timeline"))
        views.append(ChartView(data_uri(drawn), alt, part, key))
    return TimelineGraphic(charts=tuple(views), legend=legend(plans, say_in))


def _key_text(plans: tuple[Layout, ...], say_in: Words) -> str:
    """The caption's key of bands, as words, for every band of `plans`."""
    bands = {b.letter: b for plan in plans for b in plan.bands}
    return (
        " "
        + say_in.say("Shaded bands:")
        + " "
        + say_in.listed(f"{letter} {b.span.title} ({b.span.label})" for letter, b in bands.items())
    )


def _glossary(
    project: Project, markup: MarkdownReader, first_use: dict[str, str], words: Words
) -> tuple[GlossaryView, ...]:
    """The terms the lesson uses, in alphabetical order, each pointing at its first use."""
    return tuple(
        GlossaryView(
            id=term.id,
            term=term.entry.term,
            aliases=tuple(term.entry.aliases),
            definition_html=markup.inline(term.entry.definition).html,
            source=(  # one unbreakable tag
                words.say("general definition")
                if term.entry.source == "general"
                else project.seeds[term.entry.source].meta.short
            ).replace(" ", "\u00a0"),
            first_use=first_use[term.id],
        )
        for term in sorted(project.terms.values(), key=lambda t: t.entry.term.casefold())
        if term.id in first_use
    )


def _sources(project: Project, bodies: list[Body], words: Words) -> tuple[SourceView, ...]:
    """The seeds the lesson's modules rest on or cite, in the order of their citations."""
    style = project.settings.citation_style
    cited = {module.id: body.cited for module, body in bodies}
    seeds = [project.seeds[s] for s in seeds_of((module for module, _ in bodies), cited)]
    return tuple(
        _source_view(seed, style, words)
        for seed in sorted(seeds, key=lambda s: citation(s.meta, style, words))
    )


def _source_view(seed: Seed, style: str, words: Words) -> SourceView:
    meta = seed.meta
    supplied = (meta.title, meta.author, meta.website, meta.publisher, meta.date)
    return SourceView(
        id=seed.id,
        short=meta.short,
        citation_html=citation(meta, style, words),
        kind=meta.kind,
        kind_basis=meta.kind_basis,
        has_attributed=any(v is not None and v.attributed for v in supplied),
    )


def _comparison(
    project: Project, markup: MarkdownReader, chosen: list[str]
) -> tuple[ComparisonView, ...]:
    return tuple(
        ComparisonView(
            topic=d.entry.topic,
            kind=d.entry.kind,
            versions=tuple(
                VersionView(  # printed inside quotation marks
                    project.seeds[v.seed].meta.short, nested_quotes(typeset(v.quote), depth=1)
                )
                for v in d.entry.versions
            ),
            note_html=markup.inline(d.entry.note).html,
        )
        for d in project.disagreements
        if set(d.entry.modules) & set(chosen)
    )


def _activities(
    project: Project,
    markup: MarkdownReader,
    lesson: Lesson,
    set_size: int | None,
    version: str = "",
    words: Words = ENGLISH,
) -> tuple[ActivityView, ...]:
    """The worksheets the lesson asks for, or every one its modules have material for. The
    shuffles are the lesson's own; a version after A has shuffles of its own."""
    chosen = lesson.entry.modules
    wanted = lesson.entry.activities or available(project, chosen)
    shuffled_as = lesson.id if version in ("", "A") else f"{lesson.id}/version-{version}"
    return make_activities(
        project, markup, shuffled_as, chosen, wanted, set_size=set_size, words=words
    )


# A document's source line when its seed's record says nothing of rights: true, and what a
# teacher reprinting a short excerpt for a class needs to know.
NO_RIGHTS = N_("Rights: not stated by the source. Reprinted in part for classroom study.")


def _task(markup: MarkdownReader, lesson: Lesson, letters: Letters) -> TaskView | None:
    task = lesson.entry.task
    if task is None:
        return None
    used = [d for d in task.documents if d in letters[0]]
    named = [letters[0][d] for d in used]
    words = letters[2]
    listed = ""
    if named:
        listed = (
            words.say("Document {letter}", letter=named[0])
            if len(named) == 1
            else words.say(
                "Documents {letters} and {last}", letters=", ".join(named[:-1]), last=named[-1]
            )
        )

    def md(text: str) -> Markup:
        return markup.inline(lettered(text, *letters)).html

    return TaskView(
        prompt_html=md(task.prompt),
        documents=listed,
        plan=tuple(md(row) for row in task.plan),
        starters=tuple(md(row) for row in task.starters),
        mark_scheme=tuple(md(row) for row in task.mark_scheme),
        document_ids=tuple(used),
    )


def _document_view(
    project: Project, markup: MarkdownReader, document: Document, letters: Letters
) -> DocumentView:
    entry = document.entry
    seed = project.seeds[entry.seed]
    figure = markup.figures.get(seed.id) if seed.meta.format == "figure" else None
    return DocumentView(
        id=entry.id,
        anchor=f"doc_{entry.id}",  # "_" is in no id: no module's questions share these
        letter=letters[0][entry.id],
        title=entry.title,
        facts=headnote_facts(seed.meta, letters[2]),
        headnote_html=markup.inline(entry.headnote).html if entry.headnote else None,
        blocks=blocks(document, seed),
        citation_html=citation(seed.meta, project.settings.citation_style, letters[2]),
        rights=(
            letters[2].say("Rights: {rights}", rights=seed.meta.rights)
            if seed.meta.rights
            else letters[2].say(NO_RIGHTS)
        ),
        questions=_questions(markup, entry.questions, document.src, letters),
        source=_at(document.src.origin),
        modules=tuple(entry.modules),
        figure_html=(
            Markup(figure_html(seed.id, figure, entry.title, letters[2])) if figure else None
        ),
    )


def _guidance(project: Project, markup: MarkdownReader) -> Markup | None:
    """The project's guidance on teaching the topic with care (content/guidance.md)."""
    if not project.guidance:
        return None
    return markup.block(project.guidance, "guidance", numbered=False, link_terms=False).html


def _ending(
    markup: MarkdownReader, lesson: Lesson, modules: tuple[ModuleView, ...], words: Words
) -> Markup:
    """How the lesson ends: the section it ends with (and whether that section has a care
    point), then the lesson's own advice on closing it."""
    last = modules[-1]
    said = (
        words.say(
            "Its last section is Section {number}, *{title}*, which has a care point of its "
            "own (see Care points).",
            number=last.number,
            title=last.title,
        )
        if last.notes.care
        else words.say(
            "Its last section is Section {number}, *{title}*.", number=last.number, title=last.title
        )
    )
    if lesson.entry.ending:
        said += " " + lesson.entry.ending
    return markup.inline(said).html


def _for_students(packet: Packet) -> Packet:
    """The packet without anything meant for the teacher alone: model answers, teacher
    notes (and the care points drawn from them), the provenance summary, what a historian
    makes of a disagreement, the activities' answer keys, the guidance on teaching with care.

    Templates show these only in the teacher edition; leaving them out of the student
    edition's data as well means no template — a colleague's override included — can
    print a teacher's answers in a student's packet.
    """
    no_notes = NotesView((), None, None, None)
    modules = tuple(
        replace(
            m,
            questions=tuple(replace(q, answer_html=Markup()) for q in m.questions),
            notes=no_notes,
            reading=None,
            provenance=(),
        )
        for m in packet.modules
    )
    comparison = tuple(replace(c, note_html=Markup()) for c in packet.comparison)
    documents = tuple(
        replace(d, questions=tuple(replace(q, answer_html=Markup()) for q in d.questions))
        for d in packet.documents
    )
    task = packet.task and replace(packet.task, mark_scheme=())
    return replace(
        packet,
        modules=modules,
        documents=documents,
        task=task,
        comparison=comparison,
        activities=tuple(_worksheet_for_students(a) for a in packet.activities),
        guidance_html=None,
        care_modules=(),
        ending_html=None,
    )


def _worksheet_for_students(activity: ActivityView) -> ActivityView:
    """The worksheet without its answer key."""
    if isinstance(activity, Vocabulary):
        terms = tuple(replace(t, answer="") for t in activity.terms)
        return replace(activity, terms=terms)
    if isinstance(activity, TimelineActivity):
        order = tuple(replace(e, position=0, label="") for e in activity.order)
        dates = tuple(replace(e, label="") for e in activity.dates)
        return replace(activity, order=order, dates=dates)
    rows = tuple(replace(r, answers=(Markup(),) * len(r.answers)) for r in activity.rows)
    return replace(activity, rows=rows, judgement_notes=())
