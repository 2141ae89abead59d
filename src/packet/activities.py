"""Worksheets made from a lesson's own content, with their answer keys.

* vocabulary: match the lesson's key terms to their glossary definitions;
* timeline: put events in order, then fill in the dates of others;
* source-comparison: the two sources side by side — who made each, what kind
  of source it is, when, and what each says where they disagree.

Everything is chosen from the content, never invented: definitions come from
the glossary, events and dates from the timeline, quotations from the
disagreements, facts about a source from its metadata. Shuffles are seeded by
the lesson id, so a lesson's worksheet is the same on every build. What a worksheet
shows as HTML (definitions, details, answers) is `markupsafe.Markup`; the rest is text.
`missing_material` says why an activity cannot be made for some modules;
`packet check` reports it for a lesson that asks for that activity.
"""

from __future__ import annotations

import itertools
import random
import re
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape
from string import ascii_uppercase
from typing import TypeVar

from markupsafe import Markup

from .cite import dated, maker
from .dates import MONTHS
from .markup import MarkdownReader, nested_quotes, term_pattern, typeset
from .model import Event, Project, Seed, Term, seeds_of
from .schema import ACTIVITIES, Activity

VOCABULARY_MAX = 10
ORDER_MAX = 6
DATES_MAX = 6
COMPARISON_TOPICS_MAX = 3
BLANK = "______"
T = TypeVar("T")


@dataclass(frozen=True)
class MatchTerm:
    number: int
    term: str
    answer: str  # the letter of its definition


@dataclass(frozen=True)
class MatchDefinition:
    letter: str
    html: Markup


@dataclass(frozen=True)
class Vocabulary:
    terms: tuple[MatchTerm, ...]
    definitions: tuple[MatchDefinition, ...]
    # How many terms each matching set has, in order: the first set's terms are the first
    # terms, its definitions the first definitions, and each set's answers are its own.
    # One set; in large print and booklets smaller sets, so that each fits its page.
    sets: tuple[int, ...] = ()
    kind: str = "vocabulary"
    title: str = "Matching Key Terms"

    @property
    def matching_sets(self) -> list[tuple[tuple[MatchTerm, ...], tuple[MatchDefinition, ...]]]:
        """Each set's terms and definitions."""
        parts, start = [], 0
        for size in self.sets or (len(self.terms),):
            parts.append((self.terms[start : start + size], self.definitions[start : start + size]))
            start += size
        return parts


# Terms a matching set has at most where a page holds no more: large print, booklets.
LARGE_PRINT_SET, BOOKLET_SET = 4, 5


@dataclass(frozen=True)
class OrderEvent:
    letter: str
    title: str
    position: int  # 1 = earliest
    label: str


@dataclass(frozen=True)
class DateEvent:
    title: str
    detail_html: Markup
    label: str


@dataclass(frozen=True)
class TimelineActivity:
    order: tuple[OrderEvent, ...]
    dates: tuple[DateEvent, ...]
    kind: str = "timeline"
    title: str = "Dates and Order"


@dataclass(frozen=True)
class WorksheetRow:
    prompt: str
    answers: tuple[Markup, ...]  # one per source column
    tall: bool = False


@dataclass(frozen=True)
class SourceComparison:
    columns: tuple[str, ...]  # short names of the sources
    rows: tuple[WorksheetRow, ...]
    judgement: str
    judgement_notes: tuple[Markup, ...]  # what a historian makes of each disagreement
    kind: str = "source-comparison"
    title: str = "Comparing the Sources"


ActivityView = Vocabulary | TimelineActivity | SourceComparison


def _lesson_terms(project: Project, modules: Sequence[str]) -> list[Term]:
    ids = dict.fromkeys(t for m in modules for t in project.modules[m].meta.key_terms)
    return [project.terms[t] for t in ids][:VOCABULARY_MAX]


def _lesson_events(project: Project, modules: Sequence[str]) -> list[Event]:
    """Events whose dates do not overlap, so their order has one right answer."""
    chosen: list[Event] = []
    for event in project.events:
        if event.entry.period or not set(event.entry.modules) & set(modules):
            continue
        if chosen and event.when.start <= chosen[-1].when.end:
            continue
        chosen.append(event)
    return chosen


def _lesson_seeds(project: Project, modules: Sequence[str]) -> list[str]:
    """The seeds the modules rest on (their provenance), in the order first met."""
    return seeds_of(project.modules[m] for m in modules)


def missing_material(project: Project, modules: Sequence[str], activity: Activity) -> str | None:
    """Why `activity` cannot be made from `modules`, or None when it can."""
    if activity == "vocabulary":
        count = len(_lesson_terms(project, modules))
        return None if count >= 3 else f"the modules have {count} key terms; matching needs 3"
    if activity == "timeline":
        count = len(_lesson_events(project, modules))
        return None if count >= 2 else f"the modules have {count} dated events; it needs 2"
    count = len(_lesson_seeds(project, modules))
    return None if count >= 2 else f"the modules rest on {count} source; comparing needs 2"


def available(project: Project, modules: Sequence[str]) -> list[Activity]:
    return [a for a in ACTIVITIES if missing_material(project, modules, a) is None]


def _mask(text: str, term: Term) -> str:
    """The definition with the term's own spellings blanked out, so it does not give it away."""
    pattern = term_pattern(term.spellings, term.entry.match_case)
    parts, pos = [], 0
    for m in pattern.finditer(text):
        parts += [text[pos : m.start()], BLANK]
        pos = m.end()
    return "".join([*parts, text[pos:]])


_YEAR = re.compile(
    r"(?:\b(?:early|mid|late)[\s-]+)?\b(?:1\d{3}|20\d{2})(?:s\b|\b)(?:\s*[–-]\s*\d{2,4}\b)?"
)
_MONTH = re.compile(rf"\b(?:{'|'.join(MONTHS)})\b(?:\s+\d{{1,2}}(?:st|nd|rd|th)?\b)?")


def _hide_dates(text: str) -> str:
    """The text with its years and months blanked, for a fill-in-the-date task."""
    return _YEAR.sub(BLANK, _MONTH.sub(BLANK, text))


def _shuffled(items: Sequence[T], seed: str) -> list[T]:
    """A fixed shuffle of `items` that never leaves them all in their original order."""
    result = list(items)
    random.Random(seed).shuffle(result)
    if len(result) > 1 and result == list(items):
        result = result[1:] + result[:1]
    return result


def _vocabulary(
    project: Project,
    markup: MarkdownReader,
    lesson_id: str,
    modules: Sequence[str],
    set_size: int | None = None,
) -> Vocabulary:
    """The matching worksheet: the lesson's terms, in sets of at most `set_size` (one set
    if None; 10 terms in sets of 4 are 4, 3 and 3), each set's definitions shuffled among
    themselves and lettered on from the set before."""
    terms = _lesson_terms(project, modules)
    count = -(-len(terms) // set_size) if set_size else 1  # sets, as even as they can be
    cuts = [round(i * len(terms) / count) for i in range(count + 1)]
    sets = [terms[a:b] for a, b in itertools.pairwise(cuts)]
    order = [t for n, part in enumerate(sets) for t in _shuffled(part, _set_seed(lesson_id, n))]
    letters = {term.id: ascii_uppercase[i] for i, term in enumerate(order)}
    return Vocabulary(
        terms=tuple(
            MatchTerm(i, term.entry.term, letters[term.id]) for i, term in enumerate(terms, start=1)
        ),
        definitions=tuple(
            MatchDefinition(letters[t.id], markup.inline(_mask(t.entry.definition, t)).html)
            for t in order
        ),
        sets=tuple(len(part) for part in sets),
    )


def _set_seed(lesson_id: str, number: int) -> str:
    """The shuffle of a matching set: the whole list's, as before sets, for the first."""
    return f"{lesson_id}/vocabulary" + (f"/{number}" if number else "")


def _timeline(
    project: Project, markup: MarkdownReader, lesson_id: str, modules: Sequence[str]
) -> TimelineActivity:
    events = _lesson_events(project, modules)
    to_order: list[Event] = []
    if len(events) >= 3:
        # Half the events (3 to ORDER_MAX), spread over the whole period, are for ordering.
        count = min(ORDER_MAX, max(3, len(events) // 2))
        picks = sorted({round(i * (len(events) - 1) / (count - 1)) for i in range(count)})
        to_order = [events[i] for i in picks]
    to_date = [
        e
        for e in project.events
        if not e.entry.period and set(e.entry.modules) & set(modules) and e not in to_order
    ][:DATES_MAX]
    shuffled = _shuffled(to_order, f"{lesson_id}/timeline")
    return TimelineActivity(
        order=tuple(
            OrderEvent(ascii_uppercase[i], e.entry.title, to_order.index(e) + 1, e.when.label)
            for i, e in enumerate(shuffled)
        ),
        dates=tuple(
            DateEvent(
                _hide_dates(e.entry.title),
                markup.inline(_hide_dates(e.entry.detail)).html,
                e.when.label,
            )
            for e in to_date
        ),
    )


def _text_html(text: str) -> Markup:
    """Plain text, typeset, as HTML between tags (where quotation marks need no escaping)."""
    return Markup(escape(typeset(text), quote=False))


def _about_the_sources(seeds: Sequence[Seed]) -> list[WorksheetRow]:
    """The rows on who made each source, what kind of source it is and when it was written."""
    return [
        WorksheetRow(
            "Who wrote or published it?",
            tuple(maker(seed.meta) for seed in seeds),
        ),
        WorksheetRow(
            "What kind of source is it, and what was it written for?",
            tuple(
                _text_html(f"{seed.meta.kind.capitalize()}. {seed.meta.kind_basis}")
                for seed in seeds
            ),
            tall=True,
        ),
        WorksheetRow(
            "When was it written or last updated?",
            tuple(dated(seed.meta) for seed in seeds),
        ),
    ]


def _source_comparison(
    project: Project, markup: MarkdownReader, modules: Sequence[str]
) -> SourceComparison:
    seeds = [project.seeds[s] for s in _lesson_seeds(project, modules)][:2]
    ids = [seed.id for seed in seeds]
    rows = _about_the_sources(seeds)
    notes: list[Markup] = []
    disagreements = [
        d
        for d in project.disagreements
        if set(d.entry.modules) & set(modules) and {v.seed for v in d.entry.versions} >= set(ids)
    ]
    for d in disagreements[:COMPARISON_TOPICS_MAX]:
        quotes = {v.seed: v.quote for v in d.entry.versions}
        rows.append(
            WorksheetRow(
                f"{d.entry.topic}: what does this source say?",
                tuple(
                    Markup("“{}”").format(Markup(nested_quotes(markup.inline(quotes[s]).html, 1)))
                    for s in ids
                ),
                tall=True,
            )
        )
        notes.append(markup.inline(d.entry.note).html)
    judgement = (
        "Where the two sources differ, which would you trust more, and why? "
        "What would you need to find out to be sure?"
        if disagreements
        else "Find one thing both sources agree on and one thing only one of them says. "
        "Which source would you trust more for each, and why?"
    )
    return SourceComparison(
        columns=tuple(seed.meta.short for seed in seeds),
        rows=tuple(rows),
        judgement=judgement,
        judgement_notes=tuple(notes),
    )


def make_activities(
    project: Project,
    markup: MarkdownReader,
    lesson_id: str,
    modules: Sequence[str],
    wanted: Sequence[Activity],
    *,
    set_size: int | None = None,
) -> tuple[ActivityView, ...]:
    """The worksheets `wanted` for a lesson, in that order; any without material is left
    out. Matching comes in sets of at most `set_size` terms (one set if None)."""
    made: list[ActivityView] = []
    for activity in wanted:
        if missing_material(project, modules, activity) is not None:
            continue
        if activity == "vocabulary":
            made.append(_vocabulary(project, markup, lesson_id, modules, set_size))
        elif activity == "timeline":
            made.append(_timeline(project, markup, lesson_id, modules))
        else:
            made.append(_source_comparison(project, markup, modules))
    return tuple(made)
