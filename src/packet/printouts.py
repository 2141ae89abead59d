"""The teacher's printouts beside the editions (SPEC §3, §4): the answer key and the one-page
lesson plan, each made from the teacher edition's `Packet` once the student edition of the
same variant is laid out, so that both name the pages the students have in front of them.

`answer_key(packet)` and `lesson_plan(packet)` turn that packet into what their templates
(`theme/answer-key.html.j2`, `theme/lesson-plan.html.j2`) print; the choices — what counts
as a step, how long each takes, what a copy costs in paper — are made here, not there.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from markupsafe import Markup, escape

from .activities import (
    JUDGEMENT_LOOK_FOR,
    ActivityView,
    SourceComparison,
    TimelineActivity,
    Vocabulary,
)
from .i18n import ENGLISH, N_, Words
from .markup import typeset

if TYPE_CHECKING:
    from .assemble import ModuleView, Packet, QuestionView

# Suggested minutes for what the content gives no timing for: a teacher's starting point,
# printed as "about". A module's own `timing` note, where it has one, is used instead.
OPENING_MINUTES = 5  # the enquiry question, and what students already know
OPENING = N_("Open with the enquiry question")
ACTIVITY_MINUTES = {"vocabulary": 10, "timeline": 10, "source-comparison": 15}
DOCUMENT_QUESTION_MINUTES = 4  # reading the lines a question names, and answering
TASK_MINUTES = 25  # planning and writing the final task
CLOSE_MINUTES = 10  # the end of every period: questions and a calm close (the care guidance)
MINUTES = re.compile(r"(\d+)\s*min")
Say = Callable[..., str]  # i18n.Words.say


@dataclass(frozen=True)
class KeyItem:
    """One answer: its number, the student page it is asked on, the question and answer."""

    number: str
    page: int | None
    ask_html: Markup
    answer_html: Markup


@dataclass(frozen=True)
class KeyPart:
    """A heading of the key (a section, a document, an activity, the final task) and its
    answers, or its lines (activity keys and mark schemes, as text)."""

    title: str
    page: int | None
    items: tuple[KeyItem, ...] = ()
    lines: tuple[Markup, ...] = ()


@dataclass(frozen=True)
class Step:
    """One step of the lesson's sequence: what, where in the student packet, how long."""

    what: str
    page: int | None
    timing: Markup  # the module's own note, or a suggested "About N minutes"
    short: str = ""  # what, in the compact plan (a section by its number and title)
    document: str = ""  # the letter of a document whose questions this step asks


@dataclass(frozen=True)
class Period:
    """One lesson period of the plan: its steps and its minutes, the close included."""

    number: int
    steps: tuple[Step, ...]
    minutes: int


@dataclass(frozen=True)
class CarePoint:
    title: str
    html: Markup


@dataclass(frozen=True)
class LessonPlan:
    objectives: tuple[Markup, ...]
    materials: tuple[str, ...]
    periods: tuple[Period, ...]
    period_minutes: int  # the length of one period (packet.toml)
    close_minutes: int  # at the end of each period: questions and a calm close
    minutes: int  # every period's minutes added up, the closes included
    care: tuple[CarePoint, ...]
    # The plan of a lesson of many sections, shortened to keep it one page: each section's
    # first objective (`objectives_left` more are in the teacher edition), the timings
    # as minutes. The care points are never shortened.
    compact: bool
    objectives_left: int = 0


# The student editions, by (large print, support, booklet): each a whole phrase, so that a
# language can order and inflect its words ("großgedruckte differenzierte Schülerausgabe").
VARIANT_NAMES = {
    (False, False, False): N_("student edition"),
    (False, True, False): N_("support student edition"),
    (True, False, False): N_("large-print student edition"),
    (True, True, False): N_("large-print support student edition"),
    (False, False, True): N_("booklet"),
    (False, True, True): N_("support booklet"),
    (True, False, True): N_("large-print booklet"),
    (True, True, True): N_("large-print support booklet"),
}


def variant_name(packet: Packet) -> str:
    """The student edition a printout's page numbers are those of: "student edition",
    "large-print support student edition", "support booklet"…"""
    named = VARIANT_NAMES[packet.large_print, packet.support, packet.booklet]
    return Words(packet.ui_language).say(named)


def _page(pages: Mapping[str, int] | None, anchor: str) -> int | None:
    return None if pages is None else pages.get(anchor)


def _items(
    owner_anchor: str, questions: tuple[QuestionView, ...], packet: Packet
) -> tuple[KeyItem, ...]:
    pages = packet.student_pages
    return tuple(
        KeyItem(str(q.number), _page(pages, f"q-{owner_anchor}-{q.number}"), q.html, q.answer_html)
        for q in questions
    )


def answer_key(packet: Packet) -> tuple[KeyPart, ...]:
    """Every model answer and activity key of the teacher edition `packet`, in the order
    the student edition prints them, each with the student page it is on."""
    pages = packet.student_pages
    say = Words(packet.ui_language).say
    parts = [
        KeyPart(
            f"{m.number}. {m.title}",
            _page(pages, f"module-{m.id}"),
            _items(m.anchor, m.questions, packet),
        )
        for m in packet.modules
        if m.questions
    ]
    for activity in packet.activities:
        parts.append(
            KeyPart(
                say(activity.title),
                _page(pages, f"activity-{activity.kind}"),
                lines=_activity_key(activity, say),
            )
        )
    for doc in packet.documents:
        if doc.questions:
            parts.append(
                KeyPart(
                    say("Document {letter}: {title}", letter=doc.letter, title=doc.title),
                    _page(pages, f"document-{doc.id}"),
                    _items(doc.anchor, doc.questions, packet),
                )
            )
    if packet.task is not None and packet.task.mark_scheme:
        parts.append(
            KeyPart(
                say("Final task: mark scheme"),
                _page(pages, "section-task"),
                lines=packet.task.mark_scheme,
            )
        )
    return tuple(parts)


def _activity_key(activity: ActivityView, say: Say) -> tuple[Markup, ...]:
    """An activity's key as lines of text: each matching number with its letter and term,
    the events in order with their dates, each comparison row with both sources' answers."""
    if isinstance(activity, Vocabulary):  # one line: "1 G (Viet Minh) · 2 B (civil war) · …"
        pairs = [
            Markup("{}&nbsp;{}&nbsp;({})").format(t.number, t.answer, typeset(t.term))
            for t in activity.terms
        ]
        return (Markup(" · ").join(pairs),)
    if isinstance(activity, TimelineActivity):
        lines = [
            _text(
                say(
                    "Order {position}: {title} ({date})",
                    position=e.position,
                    title=typeset(e.title),
                    date=e.label,
                )
            )
            for e in sorted(activity.order, key=lambda e: e.position)
        ]
        lines += [
            _text(say("Date: {title}: {date}", title=typeset(e.title), date=e.label))
            for e in activity.dates
        ]
        return tuple(lines)
    if isinstance(activity, SourceComparison):
        lines = [
            Markup("<strong>{}</strong> — ").format(typeset(row.said(say)))
            + Markup(" | ").join(
                Markup("{} {}").format(say("{label}:", label=column), answer)
                for column, answer in zip(activity.columns, row.answers, strict=True)
            )
            for row in activity.rows
        ]
        look_for = Markup("<strong>{}</strong> {}").format(
            say("Your judgement — what to look for:"), say(JUDGEMENT_LOOK_FOR)
        )
        return (*lines, look_for, *activity.judgement_notes)
    return ()


def _about(minutes: int, say: Say) -> Markup:
    return _text(say("About {minutes} minutes", minutes=minutes))


def _text(text: str) -> Markup:
    """Words from the catalogue, values filled, as HTML: escaped."""
    return Markup(escape(text))


def _module_minutes(module: ModuleView, say: Say) -> tuple[int, Markup]:
    """A module's minutes and the timing the plan prints: its own note where it gives
    minutes, else twice its reading time (reading, then the questions)."""
    timing = module.notes.timing
    if timing is not None and (found := MINUTES.search(timing.striptags())):
        return int(found[1]), timing
    minutes = 2 * module.reading.minutes if module.reading is not None else 20
    return minutes, timing or _about(minutes, say)


def _steps(packet: Packet) -> list[tuple[Step, int]]:
    """The lesson in the order it is taught, each step with its minutes: the opening, each
    section followed by the questions on the documents that belong to it (read while the
    section is fresh, and never the violence again after a later, calmer section), the
    activities, the final task."""
    pages = packet.student_pages
    say = Words(packet.ui_language).say
    steps: list[tuple[Step, int]] = []
    if packet.enquiry:
        steps.append((Step(say(OPENING), 1, _about(OPENING_MINUTES, say)), OPENING_MINUTES))
    order = {module.id: index for index, module in enumerate(packet.modules)}
    for index, module in enumerate(packet.modules):
        minutes, timing = _module_minutes(module, say)
        title = say("Section {number}: {title}", number=module.number, title=module.title)
        short = f"{module.number}. {module.title}"
        steps.append((Step(title, _page(pages, f"module-{module.id}"), timing, short), minutes))
        for doc in packet.documents:  # each after the last of its sections in the lesson
            mine = [order[m] for m in doc.modules if m in order]
            if doc.questions and (max(mine) if mine else len(order) - 1) == index:
                asked = len(doc.questions)
                minutes = DOCUMENT_QUESTION_MINUTES * asked
                title = Words(packet.ui_language).say_plural(
                    "Document {letter}: {count} question",
                    "Document {letter}: {count} questions",
                    asked,
                    letter=doc.letter,
                )
                page = _page(pages, f"document-{doc.id}")
                step = Step(
                    title,
                    page,
                    _about(minutes, say),
                    say("Doc. {letter}", letter=doc.letter),
                    doc.letter,
                )
                steps.append((step, minutes))
    for number, activity in enumerate(packet.activities, start=1):
        minutes = ACTIVITY_MINUTES.get(activity.kind, 10)
        title = say("Activity {number}: {title}", number=number, title=say(activity.title))
        steps.append(
            (Step(title, _page(pages, f"activity-{activity.kind}"), _about(minutes, say)), minutes)
        )
    if packet.task is not None:
        steps.append(
            (
                Step(say("Final task"), _page(pages, "section-task"), _about(TASK_MINUTES, say)),
                TASK_MINUTES,
            )
        )
    return steps


def _compact(steps: list[tuple[Step, int]], words: Words) -> list[tuple[Step, int]]:
    """The steps of the shorter plan: each section by its number and title with its
    documents' questions after a "+" ("4. Year Zero + Docs D, E"), timings as minutes."""
    say = words.say
    merged: list[tuple[Step, int]] = []
    letters: list[list[str]] = []
    for step, minutes in steps:
        if merged and merged[-1][0].what == say(OPENING):  # one line: "Open, then 1. Origins…"
            opening, had = merged.pop()
            letters.pop()
            then = say("Open, then {step}", step=step.short or step.what)
            step = replace(step, page=opening.page, short=then)
            minutes += had
        if step.document and merged:
            merged[-1] = (merged[-1][0], merged[-1][1] + minutes)
            letters[-1].append(step.document)
        else:
            merged.append((step, minutes))
            letters.append([])
    merged = [
        (
            replace(
                s,
                short=words.say_plural(
                    "{section} + Doc. {letters}",
                    "{section} + Docs {letters}",
                    len(ls),
                    section=s.short,
                    letters=", ".join(ls),
                ),
            ),
            m,
        )
        if ls
        else (s, m)
        for (s, m), ls in zip(merged, letters, strict=True)
    ]
    return [
        (replace(s, what=s.short or s.what, timing=_text(say("{minutes} min", minutes=m))), m)
        for s, m in merged
    ]


def _periods(steps: list[tuple[Step, int]], length: int, opening: str) -> list[Period]:
    """The steps split into lesson periods of `length` minutes, each keeping `CLOSE_MINUTES`
    at its end for questions and a calm close: a step starts a new period when it would run
    into that time. A step longer than a period has one to itself, and runs over it."""
    periods: list[list[tuple[Step, int]]] = [[]]
    for step, minutes in steps:
        used = sum(m for _, m in periods[-1])
        opening_only = [s.what for s, _ in periods[-1]] == [opening]  # it opens what follows
        if periods[-1] and not opening_only and used + minutes + CLOSE_MINUTES > length:
            periods.append([])
        periods[-1].append((step, minutes))
    return [
        Period(n, tuple(s for s, _ in chosen), sum(m for _, m in chosen) + CLOSE_MINUTES)
        for n, chosen in enumerate(periods, start=1)
        if chosen
    ]


def _letters(packet: Packet, say: Say) -> str:
    letters = [doc.letter for doc in packet.documents]
    if len(letters) == 1:
        return say("Document {letter}", letter=letters[0])
    return say("Documents {first}–{last}", first=letters[0], last=letters[-1])


def copies(pages: int, say: Say = ENGLISH.say) -> str:
    """What one copy of a packet of `pages` pages takes: sheets one-sided and two-sided."""
    return say(
        "{pages} sheets one-sided, {sheets} two-sided", pages=pages, sheets=math.ceil(pages / 2)
    )


def lesson_plan(packet: Packet, compact: bool = False) -> LessonPlan:
    """The one-page plan of the teacher edition `packet`: the objectives of its modules,
    what to print, the sequence with timings and student pages, and its care points —
    `compact`, shortened to fit its page (`LessonPlan.compact`: the build's second try, for
    a lesson of many sections)."""
    words = Words(packet.ui_language)
    steps = _steps(packet)
    if compact:
        steps = _compact(steps, words)
    periods = _periods(steps, packet.period_minutes, words.say(OPENING))
    materials = []
    if packet.student_page_count is not None:
        count = packet.student_page_count
        materials.append(
            words.say(
                "Student packet: {count} pages a copy ({sheets})",
                count=count,
                sheets=copies(count, words.say),
            )
        )
    else:
        materials.append(words.say("Student packet, a copy each"))
    if packet.documents:
        materials.append(
            words.say("{documents}, in the student packet", documents=_letters(packet, words.say))
        )
    materials += [words.say("Teacher edition, with teaching notes"), words.say("Answer key")]
    return LessonPlan(
        objectives=tuple(
            o for m in packet.modules for o in m.notes.objectives[: 1 if compact else None]
        ),
        objectives_left=sum(len(m.notes.objectives[1:]) for m in packet.modules) if compact else 0,
        materials=tuple(materials),
        periods=tuple(periods),
        period_minutes=packet.period_minutes,
        close_minutes=CLOSE_MINUTES,
        minutes=sum(period.minutes for period in periods),
        care=tuple(
            CarePoint(f"{m.number}. {m.title}", m.notes.care)
            for m in packet.modules
            if m.notes.care is not None
        ),
        compact=compact,
    )
