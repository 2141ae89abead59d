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
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from html import escape
from string import ascii_uppercase
from typing import TypeVar

from markupsafe import Markup

from .answers import answer_id
from .cite import dated, maker
from .dates import MONTHS
from .i18n import ENGLISH, N_, QUOTED, Words
from .markup import MarkdownReader, nested_quotes, term_pattern, typeset
from .model import Disagreement, Event, Project, Seed, Term, seeds_of
from .schema import ACTIVITIES, Activity

VOCABULARY_MAX = 10
SPARES = 2  # definitions in a matching activity that match no term
_COUNTS = {1: N_("One"), 2: N_("Two"), 3: N_("Three")}  # spare definitions, said
# What the teacher looks for in the comparison's judgement, whatever the disagreements.
JUDGEMENT_LOOK_FOR = N_("Answers should weigh who made each source and why, not only what it says.")
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

    @property
    def key(self) -> str:
        """What its answer is kept under in the HTML packet (answers.answer_id)."""
        return answer_id("match", self.term)


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
    # How many definitions each set has: its terms' and its spares (`SPARES` in all).
    definition_sets: tuple[int, ...] = ()
    kind: str = "vocabulary"
    title: str = N_("Matching Key Terms")

    @property
    def matching_sets(self) -> list[tuple[tuple[MatchTerm, ...], tuple[MatchDefinition, ...]]]:
        """Each set's terms and definitions."""
        terms = itertools.accumulate(self.sets or (len(self.terms),), initial=0)
        definitions = itertools.accumulate(
            self.definition_sets or (len(self.definitions),), initial=0
        )
        return [
            (self.terms[a:b], self.definitions[c:d])
            for (a, b), (c, d) in zip(
                itertools.pairwise(terms), itertools.pairwise(definitions), strict=True
            )
        ]

    @property
    def spares(self) -> str:
        """What the instructions say of the definitions that match no term, in English."""
        return self.spares_in(ENGLISH)

    def spares_in(self, words: Words) -> str:
        """What the instructions say of the definitions that match no term, in `words`'
        language: in all, or in each set where every set has as many (a student told "two"
        looks for two in each)."""
        count = len(self.definitions) - len(self.terms)
        if count <= 0:
            return ""
        if len(self.sets) > 1:
            each = [d - t for t, d in zip(self.sets, self.definition_sets, strict=True)]
            if len(set(each)) == 1:
                return words.say_plural(
                    "{some} definition in each set matches none of its terms.",
                    "{some} definitions in each set match none of its terms.",
                    each[0],
                    some=_count(each[0], words),
                )
            # Say which sets have a spare: told "each set", a student looks for one that is
            # not there (three sets of large print, two spares).
            return _spares_by_set(each, words)
        return words.say_plural(
            "{some} of the definitions matches none of the terms.",
            "{some} of the definitions match none of the terms.",
            count,
            some=_count(count, words),
        )


def _count(count: int, words: Words) -> str:
    """ "One", "Two", "Three" (a definition's number, as a sentence starts with it), else the
    figure."""
    return words.say(_COUNTS[count]) if count in _COUNTS else str(count)


def _spares_by_set(each: list[int], words: Words) -> str:
    """ "Sets 1 and 2 each have one definition that matches none of their terms; set 3 has
    none." — for sets whose spares differ (`each`: the spares of each set, in order)."""
    parts: list[str] = []
    for count in sorted(set(each), reverse=True):
        sets = [str(n) for n, c in enumerate(each, start=1) if c == count]
        some = _count(count, words).lower()
        if len(sets) == 1:
            part = (
                words.say_plural(
                    "Set {set} has {some} definition that matches none of its terms",
                    "Set {set} has {some} definitions that match none of its terms",
                    count,
                    set=sets[0],
                    some=some,
                )
                if count
                else words.say("Set {set} has none", set=sets[0])
            )
        else:
            named = {"sets": ", ".join(sets[:-1]), "last": sets[-1]}
            part = (
                words.say_plural(
                    "Sets {sets} and {last} each have {some} definition that matches none of "
                    "their terms",
                    "Sets {sets} and {last} each have {some} definitions that match none of "
                    "their terms",
                    count,
                    some=some,
                    **named,
                )
                if count
                else words.say("Sets {sets} and {last} have none", **named)
            )
        parts.append(part if not parts else _continued(part, words))
    return words.listed(parts) + "."


def _continued(part: str, words: Words) -> str:
    """A clause after a semicolon: its first letter small, except in German, whose nouns
    ("Gruppe 3") keep their capitals."""
    return part if words.catalogue == "de" else part[:1].lower() + part[1:]


# Definitions a matching set has at most — its terms' and its spare — so that the set, its
# terms beside or above its definitions, fits a page: standard print, large print, booklets.
STANDARD_SET, LARGE_PRINT_SET, BOOKLET_SET = 8, 4, 5


@dataclass(frozen=True)
class OrderEvent:
    letter: str
    title: str
    position: int  # 1 = earliest
    label: str
    event: str = ""  # its id in the timeline

    @property
    def key(self) -> str:
        """What its answer is kept under in the HTML packet: its event's id (titles repeat)."""
        return f"order-{self.event}" if self.event else answer_id("order", self.title)


@dataclass(frozen=True)
class DateEvent:
    title: str
    detail_html: Markup
    label: str  # the date as the packet prints it, in the packet's language
    event: str = ""  # its id in the timeline
    english: str = ""  # the date label in English, if `label` is not (an export accepts both)

    @property
    def key(self) -> str:
        return f"date-{self.event}" if self.event else answer_id("date", self.title)


@dataclass(frozen=True)
class TimelineActivity:
    order: tuple[OrderEvent, ...]
    dates: tuple[DateEvent, ...]
    kind: str = "timeline"
    title: str = N_("Dates and Order")


@dataclass(frozen=True)
class WorksheetRow:
    prompt: str  # in English: a message of the catalogues, filled with `topic`
    answers: tuple[Markup, ...]  # one per source column
    tall: bool = False
    topic: str = ""  # a disagreement's topic, for a row that asks about it

    @property
    def key(self) -> str:
        return answer_id("compare", self.prompt)

    def said(self, say: Callable[..., str]) -> str:
        """The row's question in the language of `say` (a `Words`, or its `say`); the topic
        stays as the project wrote it."""
        return say(TOPIC_ROW, topic=self.topic) if self.topic else say(self.prompt)


# The comparison worksheet's row for each disagreement it asks about.
TOPIC_ROW = N_("{topic}: what does this source say?")


@dataclass(frozen=True)
class SourceComparison:
    columns: tuple[str, ...]  # short names of the sources
    rows: tuple[WorksheetRow, ...]
    judgement: str
    judgement_notes: tuple[Markup, ...]  # what a historian makes of each disagreement
    look_for: str = JUDGEMENT_LOOK_FOR  # what the teacher looks for in any judgement
    kind: str = "source-comparison"
    title: str = N_("Comparing the Sources")


ActivityView = Vocabulary | TimelineActivity | SourceComparison


def _names(term: Term, other: Term) -> bool:
    """Whether `term`'s definition names `other` (and so gives a match away)."""
    pattern = term_pattern(other.spellings, other.entry.match_case)
    return pattern.search(term.entry.definition) is not None


def _lesson_terms(project: Project, modules: Sequence[str]) -> tuple[list[Term], list[Term]]:
    """The terms to match, drawn from every module in turn — each module's first key term
    that no chosen definition names and whose definition names none of them, then each
    one's next — and the rest of the modules' key terms, whose definitions can be spares."""
    lists = [
        [project.terms[t] for t in project.modules[m].meta.key_terms if t in project.terms]
        for m in modules
    ]
    every = {t.id: t for terms in lists for t in terms}.values()

    def ties(term: Term) -> int:  # how many of the other terms it names or is named by
        return sum(_names(term, o) + _names(o, term) for o in every if o.id != term.id)

    # each module's terms with the fewest ties first: a term most definitions name (S-21 in
    # a lesson on the prison) would rule out the rest
    queues = [sorted(terms, key=ties) for terms in lists]
    chosen: list[Term] = []
    passed: list[Term] = []
    while any(queues) and len(chosen) < VOCABULARY_MAX:
        for queue in queues:
            while queue and len(chosen) < VOCABULARY_MAX:
                term = queue.pop(0)
                if term in chosen or term in passed:
                    continue
                if any(_names(term, c) or _names(c, term) for c in chosen):
                    passed.append(term)
                    continue
                chosen.append(term)
                break
    rest = {t.id: t for t in (*passed, *(t for queue in queues for t in queue))}
    return chosen, [t for t in rest.values() if t not in chosen]


def _spares(project: Project, chosen: list[Term], rest: list[Term]) -> list[Term]:
    """`SPARES` definitions that match none of the terms (the last match is not free): of the
    lesson's other key terms, then of the glossary — none naming a term to match, nor named
    by a term's definition (the killing fields' "mass graves" makes "mass grave" a second
    right answer)."""

    def fits(term: Term) -> bool:
        return not any(_names(term, c) or _names(c, term) for c in chosen)

    own = [t for t in rest if fits(t)]
    others = [t for t in project.terms.values() if t not in chosen and t not in rest and fits(t)]
    # The lesson's own terms first (a stranger to the lesson is ruled out without thought),
    # the shortest of each, so that the worksheet still fits its page.
    shortest = sorted(own[: SPARES * 3], key=lambda t: len(t.entry.definition))
    return (shortest + sorted(others[: SPARES * 3], key=lambda t: len(t.entry.definition)))[:SPARES]


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
        count = len(_lesson_terms(project, modules)[0])
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


def shuffled(items: Sequence[T], seed: str) -> list[T]:
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
    """The matching worksheet: the lesson's terms and `SPARES` spare definitions, in as few
    sets as hold at most `set_size` definitions each (10 terms and 2 spares in sets of 4 are
    three sets of 4, a spare in each of the first two), each set's definitions shuffled among
    themselves and lettered on from the set before."""
    terms, rest = _lesson_terms(project, modules)
    spares = _spares(project, terms, rest)
    size = set_size or STANDARD_SET
    count = min(len(terms), -(-(len(terms) + len(spares)) // size))  # sets, as even as can be
    cuts = [round(i * (len(terms) + len(spares)) / count) for i in range(count + 1)]
    widths = [b - a for a, b in itertools.pairwise(cuts)]  # definitions in each set
    spare_at = [n % count for n in range(len(spares))]  # the first sets, the widest
    sizes = [width - spare_at.count(n) for n, width in enumerate(widths)]
    starts = list(itertools.accumulate(sizes, initial=0))
    sets = [terms[a:b] for a, b in itertools.pairwise(starts)]
    with_spares = [list(part) for part in sets]
    for n, spare in zip(spare_at, spares, strict=True):
        with_spares[n].append(spare)
    order = [
        t for n, part in enumerate(with_spares) for t in shuffled(part, _set_seed(lesson_id, n))
    ]
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
        definition_sets=tuple(len(part) for part in with_spares),
    )


def _set_seed(lesson_id: str, number: int) -> str:
    """The shuffle of a matching set: the whole list's, as before sets, for the first."""
    return f"{lesson_id}/vocabulary" + (f"/{number}" if number else "")


def _timeline(
    project: Project,
    markup: MarkdownReader,
    lesson_id: str,
    modules: Sequence[str],
    words: Words,
) -> TimelineActivity:
    events = _lesson_events(project, modules)
    to_order: list[Event] = []
    if len(events) >= 3:
        # Half the events (3 to ORDER_MAX), spread over the whole period, are for ordering.
        count = min(ORDER_MAX, max(3, len(events) // 2))
        to_order = [events[i] for i in _spread(len(events), count)]
    others = [
        e
        for e in project.events
        if not e.entry.period and set(e.entry.modules) & set(modules) and e not in to_order
    ]
    to_date = [others[i] for i in _spread(len(others), DATES_MAX)]
    in_order_asked = shuffled(to_order, f"{lesson_id}/timeline")
    return TimelineActivity(
        order=tuple(
            OrderEvent(
                ascii_uppercase[i],
                e.entry.title,
                to_order.index(e) + 1,
                e.when.label_in(words),
                e.entry.id,
            )
            for i, e in enumerate(in_order_asked)
        ),
        dates=tuple(
            DateEvent(
                _hide_dates(e.entry.title),
                markup.inline(_hide_dates(e.entry.detail)).html,
                e.when.label_in(words),
                e.entry.id,
                e.when.label,
            )
            for e in to_date
        ),
    )


def _spread(length: int, count: int) -> list[int]:
    """Up to `count` indices of a list of `length` (in date order), first and last included,
    evenly apart: a worksheet's events span the lesson's whole period."""
    if length <= count:
        return list(range(length))
    if count < 2:
        return list(range(count))
    return sorted({round(i * (length - 1) / (count - 1)) for i in range(count)})


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _text_html(text: str) -> Markup:
    """Plain text, typeset, as HTML between tags (where quotation marks need no escaping)."""
    return Markup(escape(typeset(text), quote=False))


def _about_the_sources(seeds: Sequence[Seed], words: Words) -> list[WorksheetRow]:
    """The rows on who made each source, what kind of source it is and when it was written
    (packet's words in the answers in `words`' language)."""
    return [
        WorksheetRow(
            N_("Who wrote or published it?"),
            tuple(maker(seed.meta, words) for seed in seeds),
        ),
        WorksheetRow(
            N_("What kind of source is it, and what was it written for?"),
            tuple(
                _text_html(
                    f"{_capital(words.say(seed.meta.kind))}. "
                    f"{seed.meta.purpose or seed.meta.kind_basis}"
                )
                for seed in seeds
            ),
            tall=True,
        ),
        WorksheetRow(
            N_("When was it written or last updated?"),
            tuple(dated(seed.meta, words) for seed in seeds),
        ),
    ]


# Which disagreements a comparison worksheet asks about first: what a source makes of events
# and the facts it gives before how it spells a name.
KIND_WEIGHT = {"interpretation": 0, "number": 1, "date": 2, "detail": 3, "name": 4, "spelling": 5}


def _substantive(disagreements: Sequence[Disagreement]) -> list[Disagreement]:
    """At most `COMPARISON_TOPICS_MAX`, the weightiest kinds first, each kind in file order;
    asked in file order (the order of events)."""
    ranked = sorted(
        range(len(disagreements)), key=lambda i: KIND_WEIGHT[disagreements[i].entry.kind]
    )
    return [disagreements[i] for i in sorted(ranked[:COMPARISON_TOPICS_MAX])]


def _source_comparison(
    project: Project, markup: MarkdownReader, modules: Sequence[str], words: Words
) -> SourceComparison:
    seeds = [project.seeds[s] for s in _lesson_seeds(project, modules)][:2]
    ids = [seed.id for seed in seeds]
    rows = _about_the_sources(seeds, words)
    notes: list[Markup] = []
    disagreements = [
        d
        for d in project.disagreements
        if set(d.entry.modules) & set(modules) and {v.seed for v in d.entry.versions} >= set(ids)
    ]
    for d in _substantive(disagreements):
        quotes = {v.seed: v.quote for v in d.entry.versions}
        rows.append(
            WorksheetRow(
                ENGLISH.say(TOPIC_ROW, topic=d.entry.topic),
                tuple(
                    Markup(  # the catalogue's marks around the source's words, as HTML
                        words.say(QUOTED, quotation=nested_quotes(markup.inline(quotes[s]).html, 1))
                    )
                    for s in ids
                ),
                tall=True,
                topic=d.entry.topic,
            )
        )
        notes.append(markup.inline(d.entry.note).html)
    judgement = (
        N_(
            "Where the two sources differ, which would you trust more, and why? "
            "What would you need to find out to be sure?"
        )
        if disagreements
        else N_(
            "Find one thing both sources agree on and one thing only one of them says. "
            "Which source would you trust more for each, and why?"
        )
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
    words: Words = ENGLISH,
) -> tuple[ActivityView, ...]:
    """The worksheets `wanted` for a lesson, in that order; any without material is left
    out. Matching comes in sets of at most `set_size` definitions (`STANDARD_SET` if None);
    the answers packet writes itself are in `words`' language."""
    made: list[ActivityView] = []
    for activity in wanted:
        if missing_material(project, modules, activity) is not None:
            continue
        if activity == "vocabulary":
            made.append(_vocabulary(project, markup, lesson_id, modules, set_size))
        elif activity == "timeline":
            made.append(_timeline(project, markup, lesson_id, modules, words))
        else:
            made.append(_source_comparison(project, markup, modules, words))
    return tuple(made)
