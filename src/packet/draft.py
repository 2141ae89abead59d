"""The drafting rules of `packet pull`: a document's article -> draft content, as data.

In: the `Article` `sources.article` read from a document, the seed's id, the document's file
name and stem, and the ids the project already uses (`Taken`). Out: `Drafts` — each draft
module's file text by id, the timeline and glossary entries, the lesson's id and file text —
every one marked `draft: true`. Nothing here reads or writes a file or knows where the project
is; the one thing changed is the `Taken` given, which gains every id drafted, so a second
document pulled with it never reuses one.

The rules:
- sections: one per heading; a document without headings is cut at paragraph boundaries into
  sections of about `SECTION_WORDS` words, each titled by its opening subject ("The Marshall
  Plan"), told apart by the years it covers or "(continued)" — never "<title> (1 of 2)";
- a module per section, its body the source's own paragraphs under `DRAFT_NOTE`, each cited at
  its end and after every quotation in it (with the page, for a PDF); its first sentences are
  its provenance;
- a timeline event for every dated happening (`happenings`): dates joined as a span ("from
  June 1948 to May 1949") or alternatives are one; a sentence telling two is cut between them;
  a day written without its year ("on 30 October") takes the year the text last gave, and a
  day, month or year told from the one before ("the following day", "later that month",
  "that same year", "two years later", "that summer", "within weeks") is counted from it; a
  happening told again, a question or a task for the reader is left out. Its
  title is the clause that tells it without the date phrase and the words leading into it,
  cut where a phrase starts (`TITLE_WORDS`); one from a date to another `PERIOD_YEARS` or
  more later is a period (a band in the drawing);
- glossary terms (at most `TERMS_MAX`, or one in `WORDS_A_TERM` words): the terms the text
  defines (`defining.defined_terms`: "X, a …", "X (…)", "… known as X", "X was a …"; a term
  in bold read as one in italics) and
  acronyms with their expansion, and the people and places the text stops to introduce,
  each defined by its defining words, never the whole sentence; a name the text only uses
  is not drafted;
- ids are lower-case letters, digits and hyphens, at most 48 characters, made unique with
  "-2", "-3"…;
- text from the document that Markdown would read as a citation (`[@id]`) is escaped, so a
  draft never cites a seed its source did not.
"""

from __future__ import annotations

import bisect
import calendar
import datetime
import itertools
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

import yaml

from .dates import (
    AFTER_A_DAY_S_SHORT_YEAR,
    AFTER_A_SHORT_YEAR,
    MONTHS,
    WEEKDAY,
    find_dates,
    find_day_months,
    parse_date,
)
from .defining import (
    FINITE_VERB,
    KNOWN_AS,
    MAX_SENTENCE,
    Definition,
    a_heading_word,
    defined_after,
    defined_terms,
    defining_clause,
    says_who,
    what_it_did,
)
from .markup import TermFinder
from .sources import BULLET, TABLE_ROW, TABLE_RULE, Article, link_text
from .text import GLOSSED_LINE, NOTE_MARK, quoting, sentences, slug

SECTION_WORDS = 250  # a document without headings is cut into sections of about this many words
TERMS_MAX = 100  # a 2,500-word handout can explain seventy words, places and people …
WORDS_A_TERM = 30  # … and a longer one one in thirty words: a 4,500-word reader 150
# A span of this many years or more ("1337–1453") is drafted as a period, drawn as a band
# beside the timeline's axis: a bar that long leaves no year the drawing can be cut at.
PERIOD_YEARS = 10
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
    (with the page `locate` gives a passage, for a paged seed). Its text is read composed
    (NFC: "é", not "e" and an accent, as a Mac may write it); `packet check` compares so."""
    found = replace(
        found,
        title=found.title and unicodedata.normalize("NFC", found.title),
        blocks=[(role, unicodedata.normalize("NFC", text)) for role, text in found.blocks],
    )
    citer = Citer(sid, locate)
    glossary, term_ids = _glossary(found, sid, taken)
    # Single quotation marks: a title in double ones would read as a quotation to be cited.
    shown_title = literal(f"‘{found.title}’" if found.title else seed_file)
    modules: dict[str, str] = {}
    timeline: list[dict[str, Any]] = []
    cut = sections(found, stem)
    told = _Told(retold=_retold(cut))
    terms = _Terms(term_ids)
    for number, section in enumerate(cut, start=1):
        module_id = _module_id(sid, number, section, found.title, taken)
        modules[module_id] = _module(section, citer, shown_title, terms)
        timeline += _events(section, citer, module_id, taken, told)
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
    paragraphs = [text for role, text in found.blocks if role == "para"]
    for term in draft_terms(paragraphs):
        named = max((term.term, *term.aliases), key=len)  # "soviet-union", not "ussr"
        term_id = slug(named)[:48].strip("-")
        if not term_id or term_id in taken.terms:
            continue
        taken.terms.add(term_id)
        term_ids.append((term_id, term))
        glossary.append(
            {
                "id": term_id,
                "term": term.term,
                "aliases": term.aliases,
                "definition": uncited(_sentence_case(term.definition)),
                "source": sid,
                "passage": term.sentence,
                "draft": True,
            }
        )
    return glossary, term_ids


def _sentence_case(definition: str) -> str:
    """A definition as a glossary prints it: a capital first letter (the words are the
    source's; "a labourer who …" → "A labourer who …")."""
    return definition[:1].upper() + definition[1:]


def _module_id(sid: str, number: int, section: Section, title: str | None, taken: Taken) -> str:
    """<seed>-<number>-<first words of the section's title> (the title left out when it is the
    document's own)."""
    said = set(sid.split("-"))  # words the seed's id already says
    words = [w for w in id_part(section.title).split("-") if w and w not in said]
    short = "-".join(words[:4]) if section.title != title else ""
    return unique(f"{sid}-{number}-{short}".strip("-"), taken.modules)


class _Terms:
    """The drafted terms, found in a module's text as `packet check` finds them."""

    def __init__(self, term_ids: list[tuple[str, TermDraft]]) -> None:
        self.ids = [tid for tid, _ in term_ids]
        self.finder = TermFinder([(tid, (t.term, *t.aliases), False) for tid, t in term_ids])

    def used(self, text: str) -> list[str]:
        """The ids of the terms `text` uses, in drafting order: whole words ("han" is not in
        "handed"), in any case, plurals and aliases, the longest at each place ("Suez Canal
        Company" is not a use of "Suez Canal")."""
        used = {tid for _, _, tid in self.finder.find(text)}
        return [tid for tid in self.ids if tid in used]


def _module(section: Section, citer: Citer, shown_title: str, terms: _Terms) -> str:
    """A draft module's file: front matter, then the section's paragraphs, cited."""
    body_text = " ".join(section.paragraphs)
    first = [sentences(p)[0] for p in section.paragraphs if not TABLE_RULE.fullmatch(p)]
    opening = first[0] if len(first[0]) <= 300 and not _a_table_row(first[0]) else section.title
    front = {
        "title": section.title,
        "summary": uncited(opening),  # … not a table's head: "| Person | Who they were |"
        "key_terms": terms.used(body_text)[:6],
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
    body = "\n\n".join([DRAFT_NOTE.format(title=shown_title), *_cited_blocks(section, citer)])
    return f"---\n{dump(front)}---\n{body}\n"


def _a_table_row(paragraph: str) -> bool:
    return TABLE_ROW.fullmatch(paragraph) is not None


def _rows_of_key_tables(paragraphs: Sequence[str]) -> set[int]:
    """The indexes of the rows of the tables that say who or what each name is: under "|
    Person | Who they were |", "| Key term | Meaning |" — not a table of causes and effects,
    statistics, quotations or a treaty's terms ("| Army | Limited to 100,000 men |")."""
    rows: set[int] = set()
    keyed = False
    for index, paragraph in enumerate(paragraphs):
        if not _a_table_row(paragraph) or TABLE_RULE.fullmatch(paragraph):
            continue
        following = paragraphs[index + 1] if index + 1 < len(paragraphs) else ""
        if TABLE_RULE.fullmatch(following):  # a head: its rule under it
            keyed = _A_KEY_TABLE_HEAD.fullmatch(paragraph) is not None
        elif keyed and index and _a_table_row(paragraphs[index - 1]):
            rows.add(index)
        else:
            keyed = False
    return rows


# The head of a table of key people or words: its first column names them, its second
# says who or what they are ("| Name | Role | Importance |", "| Word | Meaning |").
_A_KEY_TABLE_HEAD = re.compile(
    r"\|\s*\**(?:key\s+)?(?:person|people|name|who|term|word|vocabulary|concept|figure|"
    r"character|individual)s?\**\s*\|\s*\**(?:who\b|meaning|definition|description|role|"
    r"explanation|what\s+(?:it|they|this|these)\s+(?:means?|is|are|was|were)\b)[^|]*\|.*",
    re.IGNORECASE,
)


def _cited_blocks(section: Section, citer: Citer) -> Iterator[str]:
    """The section's paragraphs, each cited; a table's rows ("| Pocahontas (c. 1596–1617) |
    daughter of … |") as a table, its quotations cited in their rows and the citation of the
    whole in its head's last cell — one after each row would break it."""
    for is_table, run in itertools.groupby(section.paragraphs, _a_table_row):
        rows = list(run)
        if not is_table:
            yield from (cite_quotes(p, citer.seed, citer.cite(p)) for p in rows)
            continue
        # … a table a rule starts: its head is the row over the rule
        starts = [i - 1 for i, row in enumerate(rows) if TABLE_RULE.fullmatch(row) and i]
        for start, end in itertools.pairwise([0, *[s for s in starts if s], len(rows)]):
            yield _a_table(rows[start:end], citer)


def _a_table(rows: list[str], citer: Citer) -> str:
    """One table's rows (its head first, with or without its rule) as Markdown, cited."""
    body = [row for row in rows[1:] if not TABLE_RULE.fullmatch(row)]
    head = cite_quotes(rows[0], citer.seed, citer.cite(rows[0]), end=False)
    head = f"{head.removesuffix('|').rstrip()} {citer.cite(rows[0])} |"
    rule = "|" + "---|" * (rows[0].count("|") - 1)
    cited = (cite_quotes(row, citer.seed, citer.cite(row), end=False) for row in body)
    return "\n".join([head, rule, *cited])


def _events(
    section: Section, citer: Citer, module_id: str, taken: Taken, told: _Told
) -> list[dict[str, Any]]:
    """A timeline entry for every dated happening in the section's sentences, in text order."""
    events: list[dict[str, Any]] = []
    for sentence, clause, start, end, date in _dated(section, told):
        title = event_title(clause, start, end)
        event: dict[str, Any] = {
            "id": unique(f"{citer.seed}-{date}-{title}"[:48], taken.events),
            "date": date,
            "title": title,
            "detail": uncited(sentence),
            "sources": [citer.source(sentence)],
            "modules": [module_id],
        }
        if _a_period(date):
            event["period"] = True
        events.append(event | {"draft": True})
    return events


def _a_period(date: str) -> bool:
    """Whether `date` is a span from one date to another (not a decade) `PERIOD_YEARS` long."""
    when = parse_date(date)
    return "–" in date and when.end_fraction - when.start_fraction >= PERIOD_YEARS


@dataclass
class _Told:
    """What a document has told so far, read section by section: each happening's date and
    title words, and the year of the last month or day it gave (for "on 30 October")."""

    happenings: list[tuple[str, set[str]]] = field(default_factory=list)
    year: int | None = None
    plain_year: int | None = None  # the last year given alone ("By 1929"), until then
    day: str | None = None  # the last year, month or day given, for "the following day",
    # "later that month" or "that same year" (`_countable`; "" after one nothing counts from)
    retold: set[str] = field(default_factory=set)  # months and days the prose tells (`_retold`)
    # the year of each day the text gave with its year written ("Friday, May 31, 1889"), for
    # the day said again without it ("the warnings of May 31")
    days: dict[tuple[int, int], int] = field(default_factory=dict)
    # the last year before the common era told ("490 BCE"), until a year of the common era is
    before_christ: int | None = None
    years_bc: int = 0  # how many dates told in a row were years BC
    evening: bool = False  # whether the last sentence told an evening or a night
    vague: bool = False  # whether the last date told was a vague step on from the day
    looked_back: bool = False  # whether it was told looking back ("He had returned in 1915")
    # the story's year, plain year and day before a look back (`_an_aside_in_time`), the day
    # the look back told and how many sentences begin before the story's day comes back
    back_to: tuple[tuple[int | None, int | None, str | None], str | None, int] | None = None
    # … and before a look ahead of centuries, until the paragraph ends
    ahead_of: tuple[int | None, int | None, str | None] | None = None

    def of_no_sure_era(self, date: str) -> bool:
        """Whether `date`, a year or decade written without its era, may be of either era: in a
        story told in years BC (its last `_BC_STORY` dates were, the last of them far from the
        turn of the eras), a year under 1000 near the last — "In 480 the Persians returned",
        after 490 BC, but also "Alaric's Visigoths sacked Rome in 410", after 390 BC. It is no
        event: read as BC it dated Alaric's sack and Constantine's city BC (hostile passes
        61–65), as of the common era the Persians' return AD 480 (batch 41)."""
        bc = self.before_christ
        m = re.fullmatch(r"(c\. |(?:early|mid|late) )?(\d{1,3})(0s)?", date)
        if bc is None or m is None or self.years_bc < _BC_STORY or bc < _BC_ERA_APART:
            return False
        year = int(m[2] + ("0" if m[3] else ""))
        return bc - _BC_STORY_YEARS <= year <= bc + _BC_LOOK_BACK and year < 1000

    def day_of(self, sentence: str) -> str | None:
        """The day `sentence` counts its hours from: the last day told, or the one after it
        for a morning told after an evening. An evening told holds until a morning after it,
        or a day named ("He died at 7.22 a.m." two sentences after Booth's shot "at about
        10.15 p.m."); a night's hour after midnight ("The crash happened at 12.23 a.m.") is
        an evening's for the morning after it. After a vague step a day counted on from it has
        only its year, after a look back "That April" none, and hours on after an evening
        their month."""
        morning = self.evening and (_A_MORNING.match(sentence) or _A_MORNING_HOUR.search(sentence))
        evening = _AN_EVENING.search(sentence)
        named = any(month in sentence for month in MONTHS)
        # … but an hour after midnight with its day named is that day's: "signed … at 5.10 a.m.
        # on 11 November 1918. Six hours later, at 11 a.m., the guns fell silent"
        if evening and not (named and _AFTER_MIDNIGHT.fullmatch(evening[0])):
            self.evening = True
        elif morning or named:
            self.evening = False
        if self.vague and self.day and _ANOTHER_DAY.search(sentence):
            return self.day[:4]  # "Soon afterwards … | The next day …": no day to count from
        if self.looked_back and _THAT_MONTH.search(sentence):
            return None  # "Gandhi began the Salt March on 12 March 1930. He had returned to
            # India in 1915. That April he reached the sea": of the story's year, not 1915
        if self.evening and self.day and _HOURS_ON.search(sentence):
            return self.day[:7]  # "At 11.40 p.m. on 14 April … Two hours later she sank": the
            # day after, perhaps; of that month
        return _the_morning_after(self.day) if morning else self.day

    def heard(self, date: str, clause: str, start: int) -> None:
        """Count on from `date`, told in `clause` at `start` — unless it is told in an aside
        ("The BBC – it did not become a corporation until 1 January 1927 – was run by …") or
        is an aside in time (`_an_aside_in_time`)."""
        turn = _an_aside_in_time(date, clause, start, self.day)
        if _in_an_aside(clause, start) or turn == "aside":
            return
        if _HOURS_ON.match(clause, start):
            return  # "Within hours Japanese forces had struck Malaya. The next day Roosevelt
            # …": that month, perhaps the next day, but the story's day is still the one told
        if self.day and self.day.startswith(f"{date}-") and _A_VAGUE_STEP.match(clause, start):
            self.vague = True  # "Soon afterwards a gust caught the machine. | That afternoon
            # …": still the day told (17 December 1903), but no day counts on from it
            return
        self.vague = False
        before = (self.year, self.plain_year, self.day)
        self._count_on(date, clause, start)
        if turn == "ahead" and self.ahead_of is None:
            self.ahead_of = before
        elif turn == "back":
            self.back_to = (before, self.day, 2)

    def next_sentence(self, sentence: str) -> None:
        """`sentence` begins: the story's day comes back from a look back told two sentences
        before, unless the sentence after it counted on from it — or from one told just
        before, if `sentence` opens with a vague step ("… whose small Bank of Italy had opened
        in 1904, had got his bank's gold out … | Within days he was making loans")."""
        if self.back_to is None:
            return
        before, day, left = self.back_to
        if left > 1 and not _A_VAGUE_STEP.match(sentence.lstrip()):
            self.back_to = (before, day, left - 1)
            return
        if self.day == day:
            self.year, self.plain_year, self.day = before
        self.back_to = None

    def paragraph_ended(self) -> None:
        """A paragraph ends: the story's day comes back from a look ahead of centuries."""
        if self.ahead_of is not None:
            self.year, self.plain_year, self.day = self.ahead_of
            self.ahead_of = None

    def _count_on(self, date: str, clause: str, start: int) -> None:
        """Take `date` as the story's last date, the one later dates count on from."""
        self.looked_back = _HAD_DONE.search(clause[:start]) is not None
        bc = re.search(r"(\d{1,4})s? BCE?$", date)
        self.before_christ = int(bc[1]) if bc else None
        self.years_bc = self.years_bc + 1 if bc else 0
        back = _looking_back(date, self.day)
        if back and re.fullmatch(r"\d{1,4} BCE?", date):
            self.day = ""  # "a decree issued in 196 BC" after 1799: which year "two years later"
            # counts from, the words do not say
        elif not back or start <= 10:
            # … else "Maillard, who had made his name at the Bastille in July, …": the day goes
            # on; but "In January six more states followed" opens a new step of the story
            self.day = _countable(date)
        if re.match(r"^\d{4}-\d\d", date) and self.day == _countable(date):
            self.year = int(date[:4])  # a month or a day: "on 30 October" goes on
        elif plain := re.fullmatch(r"(\d{3,4})|(\d{1,4}) (?:AD|CE)", date):
            # a year ("In AD 410" too): only until a month or day is given
            self.plain_year = int(plain[1] or plain[2])
            opens = start <= 10 or _OPENS_WITH_YEAR.match(clause[:start])
            # … or a later season anywhere: "An uneasy peace broke down in the autumn of 1459.
            # The Yorkists scattered … in October" (not "Pearson won the Nobel Peace Prize in
            # 1957 for this work. A ceasefire came into effect on 6 November")
            later = (
                self.year is not None
                and self.plain_year > self.year
                and _A_SEASON_OF.search(clause[:start])
            )
            if (opens or later) and self.year != self.plain_year:
                self.year = None  # "In 1916, …", "In the spring of 1520 …": a new year
        elif re.search(r"\b(?:BC|BCE)$", date):  # no year a later "15 March" can take
            self.year = self.plain_year = None


# A story told in years BC: its last three dates were (not a look back or two from a story of
# the common era: "Rome had not fallen since the Gauls captured it around 390 BC", in AD 410).
# A year written there without its era is of no sure era from a century after the last one
# told to half a century before it (a look back: "In 499 the Ionian cities revolted", after
# 490 BC).
_BC_STORY = 3
_BC_STORY_YEARS = 100
_BC_LOOK_BACK = 50
# … and not in a story near the turn of the eras, where a year without its era is usually of
# the common era ("Cai Lun presented paper in 105", after 138 BC), nor a year of four digits
# ("Seahenge was uncovered in 1998", after 2049 BC): hostile pass 64.
_BC_ERA_APART = 300


def _an_aside_in_time(date: str, clause: str, start: int, day: str | None) -> str | None:
    """How the story's day takes `date`, told at `start` in `clause` while the story tells
    `day`, where it is no step of the story: "aside", when a state began or a name's year,
    which the story does not count on from ("as their relatives in Nova Scotia had been since
    1755. Elsewhere …: in November the French abandoned Fort Duquesne" is of 1758; "forbidden
    by the Treaty of Versailles of 1919. That September Chamberlain flew to Munich", of 1938);
    "back", a look back in a relative clause, counted on from in the next sentence only ("… in
    which Grant had crossed the Rapidan on 4 May 1864. The next day the two armies met", but
    "… in which the Germans had signed the armistice … on 11 November 1918. Afterwards he had
    the carriage taken to Berlin. Early the next morning Hitler …" is of 23 June 1940);
    "ahead", a look ahead of
    centuries from a story told day by day, counted on from in its paragraph only ("In 1982
    she was raised. On 11 October the hull broke the surface", but "He died … 14 September.
    In 2001 his remains were moved … | On 17 September Ramezay sent an officer" is of 1759)."""
    year = re.match(r"\d{4}", date)
    if not day or year is None or not re.match(r"\d{4}", day):
        return None
    ahead = int(year[0]) - int(day[:4])
    if ahead > _LOOKS_AHEAD and re.fullmatch(r"\d{4}", date) and re.match(r"\d{4}-\d\d", day):
        return "ahead"
    if ahead >= 0:
        return None
    before = clause[:start]
    if before.endswith("since ") or _A_NAME_OF_ITS_YEAR.search(before):
        return "aside"
    return "back" if _IN_A_RELATIVE_CLAUSE.search(before) else None


_LOOKS_AHEAD = 100
_A_NAME_OF_ITS_YEAR = re.compile(r"\b[A-Z][\w’'-]*\s+of\s+$")
# A step on from the day told that does not say how far: of its year, but the story's day goes
# on from the day.
# A day counted from another: "the next day", "three days later", "the day before".
_ANOTHER_DAY = re.compile(
    r"\b(?:next|following|previous)\s+(?:day|morning|evening|night)\b|\bdays?\s+(?:later|earlier)\b|"
    r"\bweeks?\s+later\b|\b(?:day|night)\s+before\b|\bfortnight\b",
    re.IGNORECASE,
)
_A_VAGUE_STEP = re.compile(
    r"(?:shortly|soon)\s+(?:afterwards?|after\b)|within\s+(?:a\s+few\s+)?days\b", re.IGNORECASE
)
# A relative clause looking back, open before a date: "… in which the Germans had signed the
# armistice that ended the First World War on ", "whose father had died in " (no comma or
# dash between) — not one that goes on with the story: "a court of inquiry, which first sat in
# Dundee on 3 January 1880", "his son Henrique, who was made a bishop … in 1518".
_IN_A_RELATIVE_CLAUSE = re.compile(
    r"\b(?:which|whom|whose|who|where)\s[^,;:–—()]*\bhad\s+(?:been\s+)?[a-z]+[^,;:–—()]*$"
)


def _in_an_aside(clause: str, start: int) -> bool:
    """Whether the date at `start` is between dashes or in brackets the clause opened before
    it."""
    return _between_dashes(clause, start) or clause[:start].count("(") > clause[:start].count(")")


def _in_a_bracketed_aside(text: str, at: int) -> bool:
    """Whether the date at `at` is in brackets that tell when something else began: "(a
    research institute founded in 1900)" — not "(1832)", nor "(the purge …, which began on 30
    June 1934)", which says when the sentence's happening was — or in a person's office
    between commas, since when they held it ("Joseph Chamberlain, Colonial Secretary since
    1895, sent Milner …")."""
    if _HELD_SINCE.search(text, 0, at) and _HELD_SINCE_ENDS.match(text, at):
        return True
    # … or between commas after a name, when the thing named was founded: "Iona, the island
    # monastery founded by St Columba in 563, was attacked" (a teacher's read of batch 40)
    # (where the sentence has told its own time before: not "Fountains Abbey, a Cistercian
    # house founded in 1132, grew rich", whose one year it is)
    founded = _FOUNDED_BETWEEN_COMMAS.search(text, 0, at)
    told = text[: founded.start()] if founded else ""
    if (
        founded
        and _FOUNDED_ENDS.match(text, at)
        and (_A_YEAR_TOLD.search(told) or find_dates(told))
    ):
        return True  # (a year read as one, not "500 men" or "£550": hostile pass 58)
    opened = text.rfind("(", 0, at)
    if opened < 0 or text.rfind(")", 0, at) > opened:
        return False
    return _FOUNDED.search(text, opened, at) is not None


# An office held since a year, between a name's comma and the sentence's verb: "Joseph
# Chamberlain, Colonial Secretary since 1895, sent …" (and so left out of a title, `_COMMA_ASIDE`).
_OFFICE_SINCE = r"[A-Z][^,;:()]{1,60}\s+since\s+"
_THE_VERB_AFTER = rf"(?:[a-z]+ly\s+)?(?:{FINITE_VERB}|became|began|told|met)\b"
_HELD_SINCE = re.compile(rf"[A-Z][\w’'-]*,\s+(?:the\s+)?{_OFFICE_SINCE}$")
_HELD_SINCE_ENDS = re.compile(rf"\d{{4}},\s+{_THE_VERB_AFTER}")


_FOUNDED = re.compile(r"\b(?:founded|established|born|built|created|formed)\s+(?:in|c\.)\s+$")
_FOUNDED_ENDS = re.compile(rf"(?:(?:in|c\.)\s+)?\d{{3,4}},\s+{_THE_VERB_AFTER}")
_A_YEAR_TOLD = re.compile(
    r"\b(?:same|following|next|that|previous)\s+year\b|"
    # … "After 793" (hostile pass 59; not a count: "About 100 settlers", "with about 700 men":
    # hostile pass 60)
    r"\b(?i:in|after|before|by|until|since)\s+[1-9]\d{2,3}\b(?!\s+[a-z]+s\b)"
)
_FOUNDED_BETWEEN_COMMAS = re.compile(
    r"[A-Z][\w’'-]*,\s+(?:the|a|an)\s+[^,;()]{1,60}?\b(?:founded|established|built|created)\b"
    r"[^,;()]{0,40}?(?:\s+(?:in|c\.))?\s+$"
)


def _in_a_dashed_aside(text: str, at: int) -> bool:
    """Whether the date at `at` is in an aside between dashes that says more than the date:
    "Wałęsa – an electrician dismissed in 1976 – climbed", not "The following morning –
    Saturday 1 July 1916 – the whistles blew" (the morning's date)."""
    if not _between_dashes(text, at):
        return False
    opened = max(text.rfind(" – ", 0, at), text.rfind(" — ", 0, at))
    closed = min(
        (i for i in (text.find(" – ", at), text.find(" — ", at)) if i >= 0), default=len(text)
    )
    return len(re.findall(r"\b[a-z]{3,}\b", text[opened:closed])) >= 2


def _between_dashes(text: str, at: int) -> bool:
    """Whether `at` is between dashes the text opened before it: "Wałęsa – an electrician
    dismissed in 1976 – climbed"."""
    return text[:at].count(" – ") % 2 == 1 or text[:at].count(" — ") % 2 == 1


def _looking_back(date: str, day: str | None) -> bool:
    """Whether `date`, a month alone, is an earlier month of the year of `day`, the day the
    text is telling: a look back, after which "Around midday" is still of that day — or a
    year BC in a story of modern times ("a decree issued in 196 BC", after 1799)."""
    if day and re.fullmatch(r"\d{1,4} BCE?", date) and re.match(r"\d{4}", day):
        return int(day[:4]) >= 1000
    return (
        day is not None
        and re.fullmatch(r"\d{4}-\d\d", date) is not None
        and re.fullmatch(r"\d{4}-\d\d-\d\d", day) is not None
        and date[:4] == day[:4]
        and date < day[:7]
    )


def _retold(cut: list[Section]) -> set[str]:
    """The months and days the document's prose tells, outside its timeline lines ("20 March
    1602 - The States General grants a charter …"): a timeline line with one of them says
    again what a sentence tells, and the sentence is the event."""
    told = {
        date
        for section in cut
        for paragraph in section.paragraphs
        if not _TIMELINE_LINE.match(paragraph)
        for _, _, date in find_dates(paragraph)
    }
    # … a year too, when the prose tells a month or day of it: "1839 – Commissioner Lin Zexu
    # destroys British opium" after "In June 1839 he had more than 20,000 chests …"
    return {said for date in told if len(date) >= 7 for said in (date, date[:4])}


# A line of a timeline or a list of key dates: a date, then a dash or a colon.
_TIMELINE_LINE = re.compile(
    r"^\s*(?:[-*•]\s+|\|\s*)?(?:\d{1,2}(?:[–-]\d{1,2})?\s+[A-Z][a-z]+\s+|[A-Z][a-z]+\s+)?\d{3,4}"
    r"\s*(?:[-–—:]|\|)\s"  # … or a row of a table of dates: "| 11 April 1848 | April Laws … |"
    # … or a key-dates box drawn in a text file, the date apart: "|  22 Nov 1909  Cooper …"
    r"|\s*\|\s{1,2}(?:\d{1,2}\s+[A-Z][a-z]+\s+|[A-Z][a-z]+\s+)?\d{3,4}\s{2,}(?=[A-Z\d])"
)


# A season a story goes on in: "broke down in the autumn of 1459" (not "would last until
# the winter of 1944", a look ahead).
_A_SEASON_OF = re.compile(
    r"\b(?:in|during)\s+the\s+(?:(?:early|late)\s+)?(?:spring|summer|autumn|fall|winter)\s+of\s+$",
    re.IGNORECASE,
)


# What may come before a year that opens a sentence: "In", "By the summer of".
_OPENS_WITH_YEAR = re.compile(
    r"^\s*(?:(?:in|by|during|from|around|at|early|late)\s+)?(?:the\s+)?"
    r"(?:(?:spring|summer|autumn|fall|winter|early|late|middle|end|start|beginning)\s+(?:of\s+)?)?$",
    re.IGNORECASE,
)


def _a_key_line(paragraph: str) -> bool:
    """Whether a paragraph is a line of a list of key people — a name, a dash and who they
    were: "Deng Xiaoping – China's leader from the late 1970s", "Chris Patten – last British
    governor (1992–1997)" — whose dates say who they were, not what happened (the text tells
    that)."""
    line = _KEY_LINE.match(paragraph)
    return (
        line is not None
        and not _A_THING.search(line[0])  # "Byzantine Empire – … collapsed in the fifth century"
        and len(paragraph.split()) <= 45
        and not re.search(r"[.!?]\s+[A-Z]", paragraph)
    )


_KEY_LINE = re.compile(  # … a person's name, of two words or more
    r"^\**[A-Z][\w’'.-]*(?:\s+(?:(?:of|the|and|de|van|von|du|da|do|al|bin)\s+)?[A-Z][\w’'.-]*){1,4}"
    r"\**(?:\s*\([^()]{1,30}\))?\s+[–—-]\s+(?!\d)"
)
_A_THING = re.compile(
    r"\b(?:Empire|Kingdom|War|Wars|Church|Republic|Revolution|Dynasty|Treaty|Act|League|Union|"
    r"Party|Company|Movement|Council|Assembly|Crisis|Rebellion|Revolt|Rising|Plan|Pact)\b"
)
# A revision note that says again what the text told: "Remember: Hong Kong Island was ceded
# for ever (1842) …", "> Exam tip: Don't mix up …".
_A_REMINDER = re.compile(
    r"^(?:>\s*)?\**(?:Remember(?:\s+this)?|(?:Exam|Top|Revision)\s+tip|Key\s+point|Don['’]t\s+forget)"
    r"\**\s*[:!-]",
    re.IGNORECASE,
)
# A task for the reader, not a happening: "Draw a timeline of the main events from …".
_A_TASK_OPENING = (
    r"(?:(?:Draw|Explain|Describe|Compare|List|Write|Make|Discuss|Find|Look|Identify|"
    r"Summarise|Summarize|Imagine|Design|Create|Consider|Decide|Choose|Complete|Label|Research|"
    r"Match|Read|Use|Put|Sort|Rank|Plan|Annotate|Highlight|Give|State|Outline|Assess|Evaluate|"
    r"Analyse|Analyze|Suggest|Name|Justify|Study)\s+(?!of\b)(?:a|an|the|your|how|why|what|"
    r"which|whether|each|these|this|one|two|three|at|up|out|on)\b"
    r"|(?:Using|With\s+the\s+help\s+of)\s+(?:the|these|this|your)\s+(?:sources?|documents?|"
    r"extracts?|evidence|information|map|timeline|table|pictures?)\b"
    # … a lesson's learning target: "I can explain why American workers in the 1870s …"
    r"|(?:I|We)\s+(?:can|will\s+be\s+able\s+to)\s+(?:explain|describe|compare|identify|use|"
    r"evaluate|assess|analyse|analyze|summarise|summarize|outline|recall|name|list|give|judge)\b)"
)
_A_TASK = re.compile(rf"^{_A_TASK_OPENING}")
# A worksheet's task or a source's caption, no happening: "Task 4 (Source work): Look at
# Source B, … the 1680 auto de fe", "Extension: Find out how …", "Source A: adapted from
# Equiano's Interesting Narrative (1789)" (not "Source A: On 14 July 1789 the crowd …").
_A_TASK_OR_CAPTION = re.compile(
    r"^(?:[-*•]\s+)?\**(?:(?:Task|Activity|Question|Exercise|Extension|Challenge)\s*"
    r"(?:\d{1,2}[a-z]?)?\s*(?:\([^)]{1,30}\))?\s*[:.–-]\**\s+\**"
    # … an instruction or a question after the label (not "Extension: The Second Reform Act of
    # 1867 nearly doubled the electorate")
    rf"(?:{_A_TASK_OPENING}|(?:Find|Look|Why|How|What|Which|Who|When|Where|Do|Does|Did|"
    r"Is|Are|Was|Were|Can|Could|Should|To\s+what\s+extent)\b)|"
    r"(?:Source|Document|Extract|Interpretation)\s+[A-Z0-9]\s*[:.–-]\**\s+\**(?:an?\s+)?"
    r"(?:adapted|taken|translated|extracted|an\s+extract)\s+from\b[^()]*\(\d{4}\)[^\d]*$)",
    re.IGNORECASE,
)


# A book in a list of reading, no happening: "… *The Silk Roads*. London: Bloomsbury, 2015.",
# "Frankopan, P. (2015). The silk roads …", "… Oxford University Press, 2015." — not "the Crown
# took over: Government of India Act, 1858." nor "ended the war: Paris, 1783."; a note's
# reference ("(London: Longman, 1996).", "… History 33, no. 2 (1998).", "[2] See …") — not "a
# treaty (Paris, 1783)."
_A_REFERENCE = re.compile(
    r"(?:^|\.\s)(?:[A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,2}):\s+[A-Z][^,:;]{1,60},\s+\d{4}\.?$"
    r"|^[A-Z][\w’'-]+,\s+(?:[A-Z]\.\s*)+\(\d{4}\)"
    r"|\b(?:Press|Books|Publishers|Publishing),\s+\d{4}\.?$"
    r"|\([A-Z][\w .’'-]{1,40}:\s+[A-Z][\w .&’'-]{1,60},\s+\d{4}\)\.?$"
    # … an author's book, all of it: "Peter Guardino, The Dead March … (Cambridge, MA: Harvard
    # University Press, 2017).", "… (New York: Knopf, 2012), chs. 3-6.", "Huntford, Roland, Scott
    # and Amundsen (London: Hodder & Stoughton, 1979); reissued as …"
    r"|^(?:[A-Z][\w’'.-]+(?:\s+[A-Z][\w’'.-]*)*,\s+){1,2}[^()]{1,160}\([A-Z][\w .,’'-]{1,40}:\s+"
    r"[A-Z][\w .&’'-]{1,60},\s+\d{4}\)(?:,\s*(?:chs?|pp?|esp)\.\s*\d+(?:\s*[–-]\s*\d+)?|"
    r";\s*(?:reissued|reprinted|republished)\b[^()]{0,80})?\.?$"
    r"|\b(?:no|vol|pp?)\.\s*\d+[^.]{0,40}\(\d{4}\)\.?$"
    r"|^(?:\[\d{1,3}\]\s*)?See\s+(?:also\s+)?[A-Z]"
)
# A sentence pointing to a book: "For the debate, see Fritz Fischer's book (Düsseldorf, 1961)."
_SEE_A_BOOK = re.compile(
    r"\b[Ss]ee\s+(?:also\s+)?[A-Z][^()]{0,120}\(\s*[A-Z][\w .’'-]{1,40},\s+\d{4}\)"
)


# A book in a list of references or a note: "(Cambridge, 1994)", "… see Norman Davies, God's
# Playground (Oxford, 1981)".
# A book's title: four words or more opening with an article, or a title and its subtitle.
_A_BOOK_TITLE = re.compile(r"(?:(?:The|A|An)\s+\S+\s+\S+\s+\S+|[^:()]+:\s)")
# "(Cambridge, 1994)", "(London: Little, Brown, 2003)"
_PLACE_AND_YEAR = re.compile(
    # … after its edition: "(2nd edn, Eyre Methuen, 1979)"
    r"\(\s*(?:\d{1,2}(?:st|nd|rd|th)\s+edn?\.?,\s*)?(?:[A-Z][\w .’'-]{1,40}:\s*)?"
    r"[A-Z][\w .,’'&-]{1,40},\s+\d{4}\)"
)


def _a_book_listed(paragraph: str) -> bool:
    """Whether a paragraph is a reading list's book, not a key word's line that ends with one
    ("**Dreadnought** – a new type of battleship … See Massie, *Dreadnought* (…, 1991).",
    "Haig: British commander on the Western Front, 1916.")."""
    keyed = GLOSSED_LINE.match(_BOLD.sub(r"\2", BULLET.sub("", paragraph)))
    return keyed is None and _a_reference(paragraph)


_AUTHOR = r"[A-Z][\w’'.-]+(?:\s+[A-Z][\w’'.-]+)+"
_A_TITLE_AND_PUBLISHER = re.compile(r"\*[^*]{2,120}\*\s*\([A-Z][\w .&’'-]{1,60}\)\.?$")
_ONE_AUTHOR = rf"(?:\[\d{{1,3}}\]\s*)?{_AUTHOR},\s+[A-Z*“\"‘]"


def _a_reference(paragraph: str) -> bool:
    """Whether a short paragraph is a reference to a book, all of it — its sentences cut at
    "Conrad, Robert." are each no reference alone."""
    if len(paragraph.split()) > 80:
        return False  # prose that ends with a citation has happenings of its own
    # an author first: "Jonathan Sperber, The European Revolutions, 1848–1851 (Cambridge,
    # 1994)." — not "The war ended with a treaty (Paris, 1783)."
    # … and a title after the author ("Mary Seacole, a Jamaican nurse, …" is a caption)
    # … or two, or editors: "Geoff Emberling and Bruce Beyer Williams (eds), The Oxford …"
    author = re.match(
        # … "Paula and Carl Degen, The Johnstown Flood …": two of one name
        rf"(?:\[\d{{1,3}}\]\s*)?(?:[A-Z][\w’'-]+\s+and\s+)?{_AUTHOR}(?:\s+and\s+{_AUTHOR})?"
        r"(?:\s+\((?:eds?|trans)\.?\))?,"
        r"\s+[A-Z*“\"‘]",
        paragraph,
    )
    # (the forms "and", "(eds)" and a word after it read no caption of a happening, with its
    # verb: "Horatio Nelson, Britain's greatest admiral, died at Trafalgar (Cape Trafalgar,
    # 1805) – a victory that …", "Lewis and Clark, …, reached the mouth of the Columbia (…)")
    plain = author is not None and re.match(_ONE_AUTHOR, paragraph) is not None
    placed = re.search(
        # … or what it is for: "(2nd edn, Eyre Methuen, 1979), for translations of the Chronicle"
        rf"{_PLACE_AND_YEAR.pattern}\.?(?P<word>\s+[–—]\s+[^()]{{1,60}}|,\s+for\s+[^()]{{1,160}})?$",
        paragraph.rstrip(),
    )
    ends = (
        author is not None
        and (
            # … a teacher's word on it after a dash too: "(Brill, 1997) – demanding; for EPQ"
            (
                placed is not None
                and (
                    (plain and not placed["word"])
                    or not re.search(
                        rf"\b{FINITE_VERB}\b", paragraph[author.end() : placed.start()]
                    )
                    # … "Christopher Clark, The sleepwalkers: how Europe went to war in 1914
                    # (London, 2012) – essential …", "Tim Travers, How the war was won (London,
                    # 1992)": a title may have a verb (a caption's "Horatio Nelson, Britain's
                    # greatest admiral, died at …" has a comma before it)
                    or _A_BOOK_TITLE.match(paragraph, author.end() - 1) is not None
                    or "," not in paragraph[author.end() : placed.start()]
                )
            )
            # … or its year alone, after a title that tells nothing: "Erich S. Gruen, The Last
            # Generation of the Roman Republic (1974)" (not "Lord Nelson, Britain's admiral, died
            # at Trafalgar (1805)")
            or (
                re.search(r"\(\d{4}\)\.?$", paragraph.rstrip()) is not None
                and not re.search(rf"\b{FINITE_VERB}\b", paragraph[author.end() :])
                # … a book's title, not an event's ("Rosa Parks, Montgomery Bus Boycott (1955)")
                and _A_BOOK_TITLE.match(paragraph, author.end() - 1) is not None
            )
        )
    )
    # … or its title in italics and its publisher alone: "David J. Breeze and Brian Dobson,
    # *Hadrian's Wall* (Penguin)" (a glossary's "Hadrian's Wall: Penguin", linked everywhere)
    ends = ends or bool(author and _A_TITLE_AND_PUBLISHER.search(paragraph.rstrip()))
    one = len(sentences(paragraph)) == 1  # "The war began in … . For the debate, see …": prose
    seen = (
        one
        and re.search(r"\b[Ss]ee\s+(?:also\s+)?[A-Z]", paragraph)
        and _PLACE_AND_YEAR.search(paragraph)
    )
    return bool(_A_REFERENCE.search(paragraph) or ends or seen)


def _countable(date: str) -> str:
    """A drafted date as relative dates count from it — "0629" for "629", "0394" for "394
    AD", "0066" for "66 CE" or "66", "1857-09-21" as it is — or "" for one they cannot count
    from: a range, a century, a year BC, an approximate year ("c. 1300"); so "Two years
    later" after "from 1792 to 1802" is not told from a year given before it."""
    if m := re.fullmatch(r"(\d{1,4})((?:-\d\d){0,2})", date):
        return f"{int(m[1]):04d}{m[2]}"
    if m := re.fullmatch(r"(\d{1,4}) (?:AD|CE)", date):  # … "66 CE" too
        return f"{int(m[1]):04d}"
    if re.fullmatch(r"\d{1,4} BCE?", date):
        return date  # "Four years later" after 256 BC is 252 BC (and after 228 BCE, 224 BCE)
    if m := re.fullmatch(r"\d{4}-\d\d-\d\d–(\d{4}-\d\d-\d\d)", date):
        return m[1]  # "Two days later" after "12–14 March 1921" is 16 March
    return ""


def _dated(section: Section, told: _Told) -> Iterator[tuple[str, str, int, int, str]]:
    """(sentence, clause, start, end, date) for every dated happening in the section's
    sentences, in text order — the clause of the sentence that tells it, and where its date
    is in that clause: each is a timeline event. A happening `told` already (same date,
    mostly the same words, or a mention of an earlier, more exact date) is left out."""
    keyed = _rows_of_key_tables(section.paragraphs)
    speakers = _speakers(section.paragraphs)
    before_table: tuple[int | None, int | None, str | None] | None = None
    for index, paragraph in enumerate(section.paragraphs):
        line = _TIMELINE_LINE.match(paragraph) is not None
        row = _a_table_row(paragraph)
        # … a table's rows count on from one another ("| 4 November | …" after "| 26 October
        # 1605 | …"), and the story after the table from where it was before it ("On 25
        # December he was crowned", after a table ending "| 1087 | William dies |", is of 1066)
        if row and before_table is None:
            before_table = (told.year, told.plain_year, told.day)
        elif not row and before_table is not None:
            told.year, told.plain_year, told.day = before_table
            before_table = None
        if (
            _a_reference(paragraph)
            or _A_REMINDER.match(paragraph)
            or _A_TASK_OR_CAPTION.match(paragraph)
            or _a_key_line(paragraph)
            or index in keyed
            or (row and not _a_timeline_row(paragraph))
        ):
            continue  # "Conrad, Robert. The Destruction of …"; "Remember: … (1842) …"; "Task 4
            # (Source work): Look at Source B, … the 1680 auto de fe"; "Chris
            # Patten – last British governor (1992–1997), whose …"; a table of key people's
            # row, "| John Rolfe (1585–1622) | colonist who …"; any table's row but a
            # timeline's (`_a_timeline_row`)
        # … a note at the end is out of the story's turn: a day in it has no year but its own
        # ("[2] … say '8 January'" after a reading list of 1979, a story ending in 1266)
        noted = (told.year, told.plain_year, told.day) if NOTE_MARK.match(paragraph) else None
        if noted is not None:
            told.year = told.plain_year = told.day = None
        for sentence in sentences(paragraph):
            told.next_sentence(sentence)
            yield from _dated_in(_spoken(sentence, speakers), told, line, row=row)
        told.paragraph_ended()
        if noted is not None:
            told.year, told.plain_year, told.day = noted
    if before_table is not None:
        told.year, told.plain_year, told.day = before_table


# A transcript's speaker before what they say: "NARRATOR: Later that morning, a woman …",
# "HOST: And on the night of April 17th, 1906, …" — what is said opens after it.
_A_SPEAKER = re.compile(r"^[A-Z][A-Z’'.-]{2,}(?:\s+[A-Z][A-Z’'.-]+){0,2}:\s+(?=\S)")


def _a_timeline_row(row: str) -> bool:
    """Whether a table's row is a timeline's: one cell a date and no more ("| 1795 |
    Kamehameha I wins the Battle of Nuʻuanu |", "| Fulford | 20 September 1066 | Norse victory
    |", "| 4 November | …", "| 3000 BCE – 1500 BCE | …"), the others what happened, in two
    words or more — not a fact box's "| Date | 1850–1888 |" or "| Born | 12 February 1809,
    Hodgenville |", a reign's "| Henry VII | 1485 | 1509 |", a census's "| 1841 | 8.2 million
    |", a treaty's "| Versailles | 28 June 1919 | Germany |", nor a quiz's "| When did Franz
    Ferdinand die? | 28 June 1914 |"."""
    cells = [re.sub(r"[*_]", "", cell).strip() for cell in row.strip().strip("|").split("|")]
    dates = [cell for cell in cells if _only_a_date(cell)]
    days = [cell for cell in dates if not find_dates(cell)]  # "| 1485 | 22 August | …": one date
    said = [cell for cell in cells if cell and cell not in dates]
    words = [len(re.findall(r"[^\W\d_]{2,}", cell)) for cell in said]
    return (
        (len(dates) == 1 or (len(dates) == 2 and len(days) == 1))
        and max(words, default=0) >= 2  # not "| Versailles | 28 June 1919 | Germany |"
        and not (_A_NUMBER_FIRST.match(" ".join(said)) and sum(words) < 3)  # "8.2 million people"
        and not any("?" in cell for cell in said)
    )


def _only_a_date(cell: str) -> bool:
    """Whether a cell or a line is a date and nothing else: "1795", "4 November", "3000 BCE –
    1500 BCE", "June 1348[1]"."""
    spans = [(a, b) for a, b, _ in find_dates(cell)]
    spans += [(a, b) for a, b, _, _ in find_day_months(cell)]
    left = cell
    for start, end in sorted(spans, reverse=True):
        left = left[:start] + left[end:]
    return (
        bool(spans)
        and re.fullmatch(r"[\s.,;:–—-]*(?:(?:to|and|c\.)[\s.,;:–—-]*)*", NOTE_MARK.sub("", left))
        is not None
    )


# A count first, no happening: "8.2 million", "About 700,000".
_A_NUMBER_FIRST = re.compile(r"(?:about|over|around|some|c\.|nearly|almost)?\s*[\d,.]+\b", re.I)


def _dated_in(
    sentence: str, told: _Told, line: bool, *, row: bool = False
) -> Iterator[tuple[str, str, int, int, str]]:
    """`_dated`'s happenings in one sentence, `line` whether its paragraph is a timeline's
    line, `row` whether it is a table's row (one happening, of its date's cell). (A
    title that opens "He" keeps it: the name it means is in a sentence before, and no rule
    read here tells which — a hostile pass found "Stalin was murdered in Mexico" and
    "Elizabeth I was beheaded" from every one tried.)"""
    if (
        not re.search(r"[^\W\d_]{2}", sentence)  # "**1956.**", a list's label: no words
        or sentence.rstrip(" ”\"’')").endswith("?")
        or _A_TASK.match(sentence)
        or _A_REFERENCE.search(sentence)
        or _SEE_A_BOOK.search(sentence)
    ):
        return  # "Why did … in 1857 become …?", "Draw a timeline of … 1857 …", a book
    context = told.year or told.plain_year
    first: int | None = None  # the year of the sentence's first happening
    # … a historian's book is no step of the story; a source box's caption is no aside for
    # its dash ("Source B — a report …, 1967. … Its findings … the following year")
    written_of = _WRITTEN_OF_SINCE.search(sentence) is not None
    # … a date alone on its line ("10 April 1848", a diary's heading) is no happening, but the
    # day the lines after it are told on
    alone = _only_a_date(sentence.strip("*_# ").rstrip(":"))
    caption = _A_SOURCE_CAPTION.match(sentence) is not None
    day = told.day_of(sentence)
    for clause, start, end, date in happenings(sentence, context, day, told.days):
        if told.of_no_sure_era(date):
            continue
        if line and date in told.retold:
            continue  # the sentence that tells it is the event
        year = int(date[:4]) if re.match(r"\d{4}", date) else None
        first = year if first is None else first
        ahead = year and first and year >= first + 2 and _LATER_IN_LIFE.search(clause)
        if not written_of and not ahead:
            # … nor a life told to its end: "at his trial in October 1914 he was sentenced …,
            # and he died of tuberculosis in April 1918. | On 5 July Kaiser Wilhelm II …"
            # (1914, not 1918)
            told.heard(date, clause, 0 if caption else start)
        if (full := re.fullmatch(r"(\d{4})-(\d\d)-(\d\d)", date)) and re.search(
            rf"(?<!\d){int(full[1])}(?!\d)", sentence
        ):
            told.days.pop((int(full[2]), int(full[3])), None)  # the last one told goes last
            told.days[(int(full[2]), int(full[3]))] = int(full[1])
        if alone:
            continue
        words = _content_words(event_title(clause, start, end))
        later = _TOLD_FROM_BEFORE.search(clause[start:end]) is not None
        if _told_before(date, words, told.happenings, later):
            continue
        told.happenings.append((date, words))
        yield sentence, clause, start, end, date
        if row:
            return  # a timeline's row is one happening, of its date's cell: "| 1845 | Potato
            # blight appears in September |" is not a second in September


def _the_morning_after(day: str | None) -> str | None:
    """The day after `day`, where `day` is one: a morning told after an evening is the next
    day's ("That evening a storm reached the mountains, and by nightfall it was raining hard. |
    6:30 a.m. -- … the lake had risen about two feet overnight")."""
    if day is None or not re.fullmatch(r"\d{4}-\d\d-\d\d", day):
        return day
    try:
        return (datetime.date.fromisoformat(day) + datetime.timedelta(days=1)).isoformat()
    except (ValueError, OverflowError):
        return day


# A sentence that opens with a morning's hour, and one that tells an evening's or a night's.
_A_MORNING = re.compile(
    r"\s*(?:(?:At|By|Around|About|Early|Shortly\s+(?:before|after)|Just\s+(?:before|after))\s+"
    r"(?:(?:about|around|in)\s+)?(?:the\s+)?)?"
    r"(?:(?:early\s+|mid-?)?morning|dawn|daybreak|sunrise|first\s+light)",
    re.IGNORECASE,
)
# A clock's morning hour ("7.22 a.m."), and an hour after midnight ("12.23 a.m.", "1 a.m.").
_MORNING_CLOCK = r"(?:[6-9]|1[01])(?:[:.][0-5]\d)?\s*a\.m\."
_AFTER_MIDNIGHT_CLOCK = r"(?<![\d.:])(?:0?[0-5]|12)(?:[:.]\d\d)?\s*a\.?m\b"
_A_MORNING_HOUR = re.compile(rf"(?<![\d.:]){_MORNING_CLOCK}", re.IGNORECASE)
_AN_EVENING = re.compile(
    r"\b(?:that|this|the|in\s+the|by|at|during\s+the|into\s+the|late\s+(?:in\s+the|that))\s+"
    r"(?:evening|night)\b(?!\s*(?:watch|shift|train|club|school|sky|of\b))|"
    r"\b(?:nightfall|dusk|midnight|sunset)\b|\b(?:[6-9]|1[01])(?:[:.]\d\d)?\s*p\.m|"
    + _AFTER_MIDNIGHT_CLOCK,
    re.IGNORECASE,
)


# A source box's caption: "Source B — a report for Political and Economic Planning (PEP), 1967."
_A_SOURCE_CAPTION = re.compile(r"\**Source\s+[A-Z0-9]\b\**\s*[—–:-]")
# A clause that tells where a life went after the story: "he died of tuberculosis in April
# 1918", "she was released in 1927", "he later became …".
_LATER_IN_LIFE = re.compile(r"\bdied\s+(?:of\b|in\s+(?:prison|exile)\b)")
# A sentence about what was written of the story since, whose year the story does not go on
# from: "Other historians, beginning with John Terraine, whose study of Haig appeared in 1963,
# have defended him. … The following spring the Germans withdrew" (1917, not 1964); "Charlotte
# Brontë drew on the attack for her novel Shirley, published in 1849. | Within weeks …"; "The
# legend of Plymouth Rock first appeared in 1741 … | That winter …" (1620, not 1741).
_WRITTEN_OF_SINCE = re.compile(
    r"\b(?:historians?|historiography|biograph(?:y|er|ers)|memoirs|study\s+of|"
    # "The legend of Plymouth Rock first appeared in 1741" (not "the legend of William Tell
    # says that in 1307 …", which goes on with the story)
    r"(?:legend|myth)s?\s+(?:of|that)\b[^.;]{0,60}?\b(?:first\s+)?(?:appeared|arose|grew\s+up|"
    r"was\s+first\s+(?:told|recorded|written|printed))|"
    r"(?:his|her|their|[A-Z][\w’'-]*[’']s)\s+(?:book|novel|poem|play|memoir|film))\b"
)


def _told_before(
    date: str, words: set[str], told: list[tuple[str, set[str]]], later: bool = False
) -> bool:
    """Whether a happening was told already: the same date with mostly the same words, or an
    earlier, more exact date ("5 June 1947") that a later mention ("the aid announced in June
    1947") refers back to with a word in common — not one told as `later` than another
    ("Castro was caught a few days later", after "On 26 July 1953 Castro led …")."""
    for then, before in told:
        if date == then and _overlap(words, before):
            return True
        back = not later and then.startswith(date) and len(then) > len(date)
        if back and _overlap(words, before):
            return True
    return False


# A date told from the one before: "a few days later", "the following year", "that summer".
_TOLD_FROM_BEFORE = re.compile(r"\b(?:later|after|afterwards|following|next|within)\b", re.I)


# Between two dates of one happening: "from June 1948 to May 1949", "in 1945 or 1946".
_SPAN = re.compile(r"^[\s,]*(?:to|until|till|through|–|—|-)[\s,]*$", re.IGNORECASE)
_ALTERNATIVE = re.compile(r"^\s*or\s*$", re.IGNORECASE)  # "in 1945 or 1946"
# Dates in a list, each its own happening told by the whole sentence: "won further elections
# in 1954 and 1956", "risings in 1689, 1715 and 1719", "(1407–1409 and 1409–1411)".
_LISTED = re.compile(r"^\s*(?:,\s*(?:and\s+)?|and\s+)$", re.IGNORECASE)
# Where a sentence telling two happenings is cut between them, strongest first.
_CLAUSE_CUTS = (
    re.compile(r";\s*"),
    re.compile(r",\s+(?:and|but|while|whereas|before|after|until)\s+", re.IGNORECASE),
    re.compile(r"\s+(?:and|but|while|whereas|before|after|until)\s+", re.IGNORECASE),
    re.compile(r",\s+"),
)


def happenings(
    sentence: str,
    year: int | None = None,
    day: str | None = None,
    days: Mapping[tuple[int, int], int] | None = None,
) -> list[tuple[str, int, int, str]]:
    """(clause, start, end, date) for each dated happening a sentence tells: dates joined as a
    span ("from June 1948 to May 1949") or as alternatives ("in 1945 or 1946") are one
    happening; otherwise the sentence is cut between its dates at the strongest clause
    boundary there, and each part tells its own. A day written without its year ("on 30
    October") is of `year`, the one the text has just spoken of, when there is one; a day or
    year told by the one before ("two days later", "the following year") is counted from
    the last date the sentence gave, else from `day` (the last day the text gave) or `year`.
    A day the text gave before with its year (`days`: month and day to year) is of that year
    when said again without it."""
    groups: list[list[tuple[int, int, str]]] = []
    for found in _dates(sentence, year, day, days or {}):
        between = sentence[groups[-1][-1][1] : found[0]] if groups else ""
        # "between 26 May and 4 June 1940" is one happening; "in 1954 and 1956" are two
        joined = re.fullmatch(r"\s*and\s*", between) is not None
        ends = joined and not _listed_years(sentence, groups[-1][-1], found)
        subject = re.fullmatch(r"\d{3,4}", found[2]) and _A_VERB_AFTER.match(sentence, found[1])
        ends = ends and not subject  # "… in 1914 and 1918 saw the armistice"
        if groups and (_SPAN.match(between) or _ALTERNATIVE.match(between) or ends):
            groups[-1].append(found)
        else:
            groups.append([found])
    if not groups:
        return []
    extents, listed = _extents(sentence, groups)
    # (where a clause ends, where the next begins) between happenings; none inside a list of
    # years, whose dates are each the clause's that holds the list
    semicolons = _semicolons(sentence)
    parting = set(semicolons)
    cuts: list[tuple[int, int] | None] = [(0, 0)]
    for (before, after), in_a_list in zip(itertools.pairwise(groups), listed, strict=True):
        gap = (before[-1][1], after[0][0])
        cuts.append(None if in_a_list else _cut(sentence, *gap, parting))
    cuts.append((len(sentence), len(sentence)))
    told = []
    aside = False  # whether the sentence's subject was told of after an aside
    for index, (group, (start, end)) in enumerate(zip(groups, extents, strict=True)):
        first = next(c for c in reversed(cuts[: index + 1]) if c is not None)[1]
        last = next(c for c in cuts[index + 1 :] if c is not None)[0]
        # … and within it, the part between semicolons that holds the dates: "Edward, the
        # Black Prince — the eldest; his son Richard II was deposed in 1399 …"
        at = bisect.bisect_left(semicolons, group[-1][1])
        if at < len(semicolons) and semicolons[at] < last:
            last = semicolons[at]
        at = bisect.bisect_left(semicolons, group[0][0]) - 1
        clause, offset = sentence[first:last], first
        if at >= 0 and semicolons[at] >= first:
            clause, offset = _own_part(sentence, first, semicolons[at], last, (start, end))
        elif first and (who := _aside_subject(sentence, first, last, (start, end))):
            # "In 1649 Charles I, defeated …, | was executed on 30 January": who was
            clause, offset = _named(sentence, first, last, (start, end), who)
            aside = True
        opens = index == 0 and not re.match(r"\s*,", sentence[end:])  # "In 1933, after …"
        if opens and _only_its_date(clause, start - offset, end - offset):
            # "In 2002 | a bestselling book claimed that … in 1421": an opening date tells
            # what the sentence tells (but "… remained English until | 1558." says no more)
            clause, offset = sentence, 0
        told.append((clause, start - offset, end - offset, _date_of(group, sentence)))
    return [one for one in told if not (aside and _only_its_day_s_year(one, told))]


def _only_its_date(clause: str, start: int, end: int) -> bool:
    """Whether `clause` says nothing but its date and the words leading into it."""
    return not _content_words(_LEADING_INTO.sub("", clause[:start]) + clause[end:])


def _only_its_day_s_year(
    one: tuple[str, int, int, str], told: list[tuple[str, int, int, str]]
) -> bool:
    """Whether a happening is only the year a day the sentence gives later is in, with the
    words before an aside: "In 1649 Charles I, | defeated …, was executed on 30 January"."""
    clause, start, end, date = one
    words = clause[:start] + clause[end:]
    opening = _A_DATE_OPENING.match(clause)
    return (
        re.fullmatch(r"\d{3,4}", date) is not None
        and opening is not None
        and end <= opening.end()
        and not re.search(rf"\b{FINITE_VERB}\b", words)
        and any(other[3].startswith(f"{date}-") for other in told)
    )


def _semicolons(sentence: str) -> list[int]:
    """Where the sentence's semicolons are that part its clauses — not one in brackets
    ("Richard III (reigned 1483–1485; killed at Bosworth)") or in a quotation."""
    found, depth, quoted = [], 0, False
    for at, char in enumerate(sentence):
        if char in "([":
            depth += 1
        elif char in ")]":
            depth = max(0, depth - 1)
        elif char in '“”"':
            quoted = char == "“" or (char == '"' and not quoted)
        elif char == ";" and not depth and not quoted:
            found.append(at)
    return found


# The name a sentence opens with, that a part after its semicolon goes on about: "Richard III
# was …; he died", "Henry's health declined; he died", "The Battle of Towton was …; it took".
_OPENING_NAME = re.compile(
    r"(?:The\s+)?(?!(?:In|On|At|By|After|Before|During|When|While|Although|As|From|This|That|"
    r"These|Those|There|It|He|She|They|His|Her|Their|Its|A|An|The|Following|Despite|Under|With|"
    r"Without|Since|Until|Once|Having|Being|However|Meanwhile|Then|Later|Soon|Eventually|"
    r"Finally|Because|Though|Unlike|Like|Among|Against|Throughout|Over|For|To|Of)\b)"
    r"[A-ZÀ-ÖØ-Þ][\w’'-]*(?:\s+(?:of\s+|the\s+|de\s+)*(?:[A-ZÀ-ÖØ-Þ][\w’'-]*|[IVX]+\b))*"
)
# A part that does not name who or what it tells of: "he died …", "executed on …".
_NO_SUBJECT = re.compile(
    # … not "armed men attacked": an adjective and the noun it goes with
    rf"(?:(he|she|it|they|who|which)\b|(whose)\b|(?=(?:was|were|is|are|had|has|did)\b)|"
    rf"(?={FINITE_VERB}\b(?!\s+[a-z]+\s+{FINITE_VERB}\b)))"
)


def _own_part(
    sentence: str, first: int, semicolon: int, last: int, dates: tuple[int, int]
) -> tuple[str, int]:
    """The clause a happening after a semicolon is told in, and where the sentence would
    start to put its dates where they are in the clause: the part after the semicolon, with
    the name the sentence opened with for its "he" or "it" ("Richard III was the last
    Plantagenet king; he died at Bosworth on …" tells that Richard III died, unless the words
    between name another); the whole from `first` where that part says nothing but its date
    ("First Battle of St Albans; 22 May 1455")."""
    start = semicolon + 1
    start += len(sentence[start:last]) - len(sentence[start:last].lstrip())
    words = sentence[start : dates[0]] + sentence[dates[1] : last]
    if not re.search(r"[a-z]{3,}", _LEADING_INTO.sub("", words)):
        return sentence[first:last], first
    if not _unnamed(sentence, start, last, dates):
        return sentence[start:last], start
    name = _OPENING_NAME.match(sentence, first)
    if name is None or _names_someone_else(sentence, name.end(), semicolon):
        return sentence[start:last], start  # "… Anne Boleyn; she was executed": she may be
    return _named(sentence, start, last, dates, re.sub(r"[’']s$", "", name[0]))


def _names_someone_else(sentence: str, start: int, end: int) -> bool:
    """Whether the words from `start` to `end` name someone or something — "Anne Boleyn",
    "the Armada", "Catherine of Aragon" — whom a "she" or "it" after them may mean: a
    capital not followed by a word in lower case ("Plantagenet king", "English soil" do not)."""
    return (
        re.search(r"[A-Z][\w’'-]*(?=\s+(?:of\s+)?[A-Z]|\s*[;,.:]|\s*$)", sentence[start:end])
        is not None
    )


def _aside_subject(sentence: str, first: int, last: int, dates: tuple[int, int]) -> str | None:
    """The subject a sentence opens with, before an aside between commas ("In 1917 the tsar,
    whose army had been routed the previous year, abdicated on 15 March"), where the clause
    from `first` is the aside or what the subject did after it, and names no one."""
    opening = _A_DATE_OPENING.match(sentence)
    m = _BEFORE_AN_ASIDE.match(sentence, opening.end() if opening else 0)
    if m is None or first < m.end() or re.search(rf"\b{FINITE_VERB}\b", m[1]):
        return None
    unnamed = _unnamed(sentence, first, last, dates)
    if unnamed is None or (first > m.end() and unnamed.lastindex):  # "who" opens the aside
        return None
    return m[1] if _A_VERB_RESUMING.search(sentence, m.end()) else None


_A_DATE_OPENING = re.compile(r"(?i:in|on|by|during)\s+(?:the\s+)?[\w -]{0,20}\d{3,4}s?,?\s+")
_BEFORE_AN_ASIDE = re.compile(r"((?:[Tt]he\s+)?[A-Z]?[\w’'-]+(?:\s+[\w’'-]+){0,3}),\s")


def _unnamed(sentence: str, start: int, last: int, dates: tuple[int, int]) -> re.Match[str] | None:
    """The "he", "which" or bare verb a clause from `start` to `last` opens with (after its
    date, if it opens with that: "on 30 December 1460 he was killed"), naming no one."""
    leads = dates[0] >= start and not _LEADING_INTO.sub("", sentence[start : dates[0]]).strip(" ,")
    told = dates[1] + len(sentence[dates[1] : last]) - len(sentence[dates[1] : last].lstrip(" ,"))
    return _NO_SUBJECT.match(sentence, told if leads else start, last)


def _named(
    sentence: str, start: int, last: int, dates: tuple[int, int], name: str
) -> tuple[str, int]:
    """The clause from `start` to `last` with `name` for the one it does not name — "he died"
    is "Richard III died", "whose army had been routed" "the tsar's army had been routed",
    "executed on …" "Anne Boleyn executed on …" — and where the sentence would start to put
    its dates where they are in it."""
    unnamed = _unnamed(sentence, start, last, dates)
    if unnamed is None:
        return sentence[start:last], start
    at, end = unnamed.start(), unnamed.end()
    put = f"{name}’s" if unnamed[2] else name if unnamed[1] else f"{name} "
    clause = sentence[start:at] + put + sentence[end:last]
    shift = len(put) - (end - at)
    return clause, start - (shift if dates[0] >= at else 0)


def _extents(
    sentence: str, groups: list[list[tuple[int, int, str]]]
) -> tuple[list[tuple[int, int]], list[bool]]:
    """Where each happening's dates are written, and whether each is in a list with the next:
    a list of years ("risings in 1689, 1715 and 1719") is where all of them are, so that no
    title keeps the others."""
    listed = [
        bool(_LISTED.match(sentence[before[-1][1] : after[0][0]]))
        and _listed_years(sentence, before[-1], after[0])
        for before, after in itertools.pairwise(groups)
    ]
    extents = [(group[0][0], group[-1][1]) for group in groups]
    run = 0  # the first happening of the list the current one is in
    for index in range(1, len(groups) + 1):
        if index == len(groups) or not listed[index - 1]:
            for member in range(run, index):
                extents[member] = (groups[run][0][0], groups[index - 1][-1][1])
            run = index
    return extents, listed


def _listed_years(sentence: str, before: tuple[int, int, str], after: tuple[int, int, str]) -> bool:
    """Whether two dates are years (or spans of years) in a list — "in 1954 and 1956",
    "(1407–1409 and 1409–1411)" — not the ends of one span ("between 26 May and 4 June 1940",
    "in November and December 1816")."""
    years = _YEARS_ONLY
    opening = re.search(r"\bbetween\s+(?:about\s+|around\s+)?$", sentence[: before[0]], re.I)
    # … nor a year that is the subject of a clause of its own: "Labour won in 1945, and 1951
    # brought a Conservative victory"
    subject = _A_VERB_AFTER.match(sentence, after[1])
    return bool(years.fullmatch(before[2]) and years.fullmatch(after[2])) and not (
        opening or subject
    )


_YEARS_ONLY = re.compile(r"(?:c\. )?\d{3,4}(?:–\d{3,4})?")  # "1954", "c. 1715", "1407–1409"
_A_VERB_AFTER = re.compile(
    r"\s+(?:saw|brought|marked|was|were|had|became|began|ended|witnessed|led|gave|made|"
    r"[a-z]{3,}ed)\b"
)


_JOINED = re.compile(r"\s*(?:and|or|to|until|till|through|[–—-])\s*")


def _in_a_name(sentence: str, start: int, end: int) -> bool:
    """Whether the year at `start`…`end` is inside a name, not a date: "the Pattern 1853
    Enfield rifle" — capitalised words either side, the one before neither a month nor a word
    a date follows ("In 1950 North Korea …", "June 1950 North …")."""
    year = re.fullmatch(r"\d{4}", sentence[start:end])
    if (
        year
        and _A_THING_OF_ITS_YEAR.match(sentence, end)
        and re.search(r"\bthe\s$", sentence[:start])
    ):
        return True  # "He suspended the 1940 constitution": a thing named by its year
    if (
        year
        and _AN_ADDRESS.match(sentence, end)
        and _BEFORE_A_HOUSE_NUMBER.search(sentence, 0, start)
    ):
        return True  # "a brick building at 1127 West Third Street": a house's number (not "In
        # 1929 Wall Street crashed")
    if (
        year
        and (
            _A_LAW_OF_ITS_YEAR.match(sentence, end)
            or _A_THING_NAMED_FOR_ITS_YEAR.match(sentence, end)
        )
        and re.search(r"\bthe\s$", sentence[:start])
        and len(re.findall(r"(?<!\d)\d{4}(?!\d)", sentence)) > 1
    ):
        return True  # "Later in 2001 the legislature passed the 1921 Tulsa Race Riot
        # Reconciliation Act": a law named for its year's events, passed in another
    before = re.search(r"(?:^|\s)([A-Z][a-z]+)\s$", sentence[max(0, start - 40) : start])
    after = re.match(r"\s[A-Z]", sentence[end:])
    if year is None or before is None or after is None:
        return False
    return before[1] not in _BEFORE_A_YEAR


# A document or a body named by its year, after "the": "the 1940 constitution", "the 1852
# treaty" (not "the 1950s", "the 1916 harvest failed": a time; nor "the 1842 report", whose
# year is when it was made).
_A_THING_OF_ITS_YEAR = re.compile(
    r"\s+(?:constitution|treaty|charter|act|law|code|agreement|convention|settlement|"
    r"edition|manifesto|programme|plan)\b"
)


_A_LAW_OF_ITS_YEAR = re.compile(
    r"\s+(?:[A-Z][\w’'-]*\s+){1,6}(?:Act|Law|Commission|Memorial|Fund|Committee)\b"
)
# … or a thing named for its year, beside another date: "in 1928 he sent the 1903 Flyer to the
# Science Museum" (not a happening named so: "was renovated between 2000 and 2004 and hosted
# the final of the 2006 World Cup")
# … a name of one word, not of a happening ("the 1848 Revolutions"; "the 1916 Easter Rising",
# "the 1932 Lausanne Conference" are of more words)
_A_THING_NAMED_FOR_ITS_YEAR = re.compile(
    rf"\s+(?!(?:{'|'.join(MONTHS)}|World|Olympics?|Games|Elections?|Risings?|Revolutions?|"
    r"Cris[ie]s|Uprisings?|Exhibitions?|Congress|Conferences?|Summits?|Festivals?|Seasons?|"
    r"Campaigns?|Wars?|Strikes?|Riots?|Revolts?|Rebellions?|Crash|Massacres?|Treaty)\b)"
    r"[A-Z][a-z]+\b(?!\s+[A-Z])"
)
_BEFORE_A_HOUSE_NUMBER = re.compile(r"\b(?:at|No\.|no\.|number)\s+$")
# A street's name after a house's number: "1127 West Third Street", "1600 Pennsylvania Avenue"
_AN_ADDRESS = re.compile(
    r"\s+(?:[A-Z][\w’'.-]*\s+){1,3}(?:Street|Avenue|Road|Boulevard|Lane|Place)\b"
)


# A thing named after its day: "the Constitution of 3 May", "the May Fourth Movement" is not
# one ("Much of 6 June was spent …", "On the Night of 4 August …" are days).
_A_NAMED_DAY = re.compile(
    r"\b(?:Constitution|Revolution|Declaration|Manifesto|Coup|Movement|Uprising|Rising|Decree|Law|"
    r"Edict|Proclamation|Agreement|Accords?|Charter|Massacre|Riots?|Ordinance|Statute)\s+of\s+$"
)


def _a_life(sentence: str, start: int, end: int, date: str) -> bool:
    """Whether the span at `start`…`end` is the years a person lived, in brackets after their
    name — "Hugo Kołłątaj (1750–1812)", "Henry VIII (1491-1547)" — no happening; a war's or a
    dynasty's years ("the Thirty Years' War (1618–1648)") are one."""
    span = re.fullmatch(r"(?:c\. )?(\d{3,4})–(\d{3,4})", date)
    if span is None or not 15 <= int(span[2]) - int(span[1]) <= 105:
        return False
    before = sentence[max(0, start - 60) : start]
    named = _NAMED_BEFORE.search(before)
    titled = named and re.match(  # "as the Emperor Meiji (1852–1912)" is his life
        r"(?:Emperor|Empress|King|Queen|Tsar|Sultan|Pope|President|Prince|Princess|Sir|Lord|Lady)\s",
        named[0],
    )
    opened = (
        named
        and not titled
        and (
            re.search(
                r"\b(?:[Tt]he|reign\s+of|rule\s+of|[Uu]nder|[Dd]uring|age\s+of|time\s+of|era\s+of)\s+$",
                before[: named.start()],
            )
            or named[0].split()[0] in ("The", "Under", "During", "In")
            or "’s " in named[0]
            or "'s " in named[0]
        )
    )
    if named and (opened or not re.search(r"\s", named[0].split("(")[0].strip())):
        return False  # "During the reign of Elizabeth I (1558–1603)", "The Troubles (…)"
    # … not "the Nian Rebellion in northern China (1851–1868)"
    kind = _KIND_BEFORE.search(before[before.rfind(",") + 1 :])
    return bool(named and sentence[end:].lstrip().startswith(")")) and not kind


# A person's name and the bracket their years are in: "Stanisław August Poniatowski (", "Henry
# VIII (c.", "Catherine the Great (b. ".
_NAMED_BEFORE = re.compile(
    # … "Thomas Howard, 3rd Duke of Norfolk ("
    r"[A-ZÀ-ÖØ-Þ][\w’'-]+(?:,?\s+(?:the\s+|of\s+|\d+(?:st|nd|rd|th)\s+)?[A-ZÀ-ÖØ-Þ][\w’'-]+)*"
    r"(?:\s+[IVX]+)?\s*\(\s*"
    r"(?:c\.\s*|b\.\s*|born\s+)?$"
)
_KIND_BEFORE = re.compile(
    r"\b(?:War|Wars|Revolution|Rebellion|Revolt|Rising|Uprising|Dynasty|Empire|Era|Age|Period|"
    r"Republic|Reign|Rule|Kingdom|Movement|Crisis|Famine|Occupation|Protectorate|Plan|Act|"
    r"Treaty|Raj|Restoration|Regency|Shogunate|Caliphate|Sultanate|Confederation|Union|League|"
    r"Years)\b"
)


_BEFORE_A_YEAR = {
    "In", "On", "By", "After", "Before", "Since", "Until", "From", "During", "Around", "About",
    "Circa", "Of", "To", "Through", "Between", "Early", "Late", "Mid", "Summer", "Spring",
    "Autumn", "Winter", "Christmas", "Easter", "Day", "January", "February", "March", "April",
    "May", "June", "July", "August", "September", "October", "November", "December",
}  # fmt: skip


_EVERY = r"\b(?:[Ee]very|[Ee]ach)\s+(?:year|spring|summer|autumn|winter)\s+"
_NOT_WHEN = re.compile(
    # … or a bound ("no earlier than 1260", "no later than 26 November 1918": no happening)
    r"(?:\bthan\s+(?:in\s+|on\s+|at\s+|during\s+)?|"
    r"\b(?:[Pp]ost|[Pp]re)-|"
    # … nor a day kept every year: "Every year on 25 March, trade unionists … gather" (not
    # "Every summer in the 1920s, …": when)
    rf"{_EVERY}on\s+(?:the\s+)?)$"
)


_A_DATE_SAID = re.compile(
    r"(?:\b(?:mistakenly|wrongly|incorrectly|falsely)\s+dated\s+(?:[\w’'-]+\s+){0,4}?to|"
    r"\bwhich\s+is|\bthat\s+is,?|\bi\.e\.,?)\s+$"
)


def _dates(
    sentence: str,
    year: int | None,
    day: str | None = None,
    days: Mapping[tuple[int, int], int] | None = None,
) -> list[tuple[int, int, str]]:
    """The sentence's dates, with its days written without a year read as of `year`, and its
    relative days and years counted from the date before (`_relative`). Each day or month
    without its year is placed among the dates by bisection: a sentence of thousands of
    dates takes time in proportion to them."""
    found = sorted(
        d
        for d in find_dates(sentence)
        # … nor when a thing in brackets began: "(a research institute founded in 1900)"
        if not _in_a_name(sentence, d[0], d[1])
        and not _a_life(sentence, *d)
        and not _in_a_bracketed_aside(sentence, d[0])
        # … nor a year compared with, or a time after or before one: "more rice in 1943 than
        # in 1941", "the post-1815 order"
        and not _NOT_WHEN.search(sentence, max(0, d[0] - 20), d[0])
        # … nor a date given wrongly or another calendar's day said again: "Goetz mistakenly
        # dated the sinking to 5 May", "the Kalends of September, which is 24 August" (but "is
        # usually dated to 1818" is its date)
        and not _A_DATE_SAID.search(sentence, max(0, d[0] - 50), d[0])
    )
    found = sorted(found + _years_of_two_digits(sentence, year, found))
    starts = [at for at, _, _ in found]
    reach = list(itertools.accumulate((end for _, end, _ in found), max))  # furthest end so far
    years = [(at, d) for at, _, d in found if re.match(r"^\d{3,4}\b", d)]  # each year, in order
    added: list[tuple[int, int, str]] = []
    absorbed: set[tuple[int, int, str]] = set()  # a year read with the day before it
    # each day whose year was not written beside it, and where the year it took was (-1: the
    # text's, before the sentence)
    unwritten: list[tuple[int, int, str, int]] = []
    for start, end, month, day_of in find_day_months(sentence):
        if day_of and _A_NAMED_DAY.search(sentence, max(0, start - 40), start):
            continue  # "the Constitution of 3 May": a name
        if (
            _NOT_WHEN.search(sentence, max(0, start - 30), start)
            or _EVERY_YEAR.search(sentence, max(0, start - 40), start)
            or _A_DATE_SAID.search(sentence, max(0, start - 50), start)
        ):
            continue  # "Every year on 25 March", "Every year in July": a day kept
        before = bisect.bisect_left(starts, end)  # the dates that start before this one ends
        if before and reach[before - 1] > start:
            continue  # part of a date read whole ("17 April 1975")
        # The year of the date it is joined to ("from May to June 1096"), else of a full date
        # earlier in the sentence ("on 25 March 1807, and … on 1 May"), else the one the
        # text gave before.
        after = found[before] if before < len(found) else None
        # … a year of the common era written after the day: "on 10 July AD 138" is one date
        # (not 10 July of the year the text told last, and 138 again)
        era = after and re.fullmatch(r"(\d{1,4}) (?:AD|CE)", after[2])
        if after and era and not sentence[end : after[0]].strip(" ,"):
            date = f"{int(era[1]):04d}-{month:02d}" + (f"-{day_of:02d}" if day_of else "")
            added.append((start, after[1], date))
            absorbed.add(after)
            continue
        joined = (
            after[2]
            if after
            and _JOINED.fullmatch(sentence[end : after[0]])
            and re.match(r"\d{4}", after[2])
            else None
        )  # "from May to June 1096", not "from 3 May until about 1300" (c. 1300)
        earlier_at, earlier = (
            years[bisect.bisect_left(years, (start, "")) - 1]
            if years[:1] and years[0][0] < start
            else (-1, None)
        )
        in_year = (
            int(joined[:4])
            if joined
            else int(earlier[:4])
            if earlier
            # "Spain entered the war early in 1762. That August …": the year told last, not
            # the month's before it (August 1764) — where the story went back to it (not
            # "Eisenhower, who would become president in 1953, …. That August Paris …")
            else int(day[:4])
            if day
            and re.match(r"\d{4}", day)
            and year
            and int(day[:4]) < year
            and _THAT.search(sentence, 0, start)
            else _year_of_a_day_said_again(sentence, start, (month, day_of), year, days or {})
        )
        looks_back = re.search(r"\b(?:had|back|earlier|before)\b", sentence) is not None
        if year and in_year == year and not looks_back and _turns_the_year(day, year, month):
            in_year += 1  # "… on 29 December 1958. … On 2 January the troops left": 1959
        if in_year is not None:
            last = calendar.monthrange(in_year, month)[1] if in_year >= 1 else 31
            real = bool(day_of) and day_of <= last
            if real and _another_weekday(sentence, start, (in_year, month, day_of)):
                continue  # "BRANCH MEETING - Thursday 10 April" read as of 2013, a Wednesday:
                # the text's year is not the day's, and no date is better than a false one
            day_part = f"-{day_of:02d}" if real else ""  # "29 February" of 1851: its month only
            date = f"{in_year:04d}-{month:02d}{day_part}"
            added.append((start, end, date))
            bisect.insort(years, (start, date))
            if not joined:
                unwritten.append((start, end, date, earlier_at))
    found = sorted([f for f in found if f not in absorbed] + added)
    return _in_the_year_told(sentence, found, _relative(sentence, found, year, day), unwritten)


_THAT = re.compile(r"\b[Tt]hat\s+$")
_THAT_MONTH = re.compile(rf"\b[Tt]hat\s+(?:{'|'.join(MONTHS)})\b")
_HAD_DONE = re.compile(r"\bhad\s+(?:already\s+|just\s+)?(?:been\s+)?[a-z]+\b[^;:–—]*$")


# A text telling of the first centuries of the common era writes its years bare, once it has
# said which era: "In 66 CE the revolt began … In the summer of 67 … On 1 July 69 …" — a
# season's or a month's year near the year told (a bare "in 43" may be 1943).
_EARLY_CE = 200
_TWO_DIGIT_YEAR = re.compile(
    rf"\b(?:(?:(?P<day>[0-3]?\d)\s+)?(?P<month>{'|'.join(MONTHS)})|"
    r"(?P<season>spring|summer|autumn|fall|winter)\s+of)"
    r"\s+(?P<year>[1-9]\d?)(?:\s*[–-]\s*(?P<to>[1-9]\d?))?\b"
    # … not a count's decimals, an era written after it (read already) or a day's ordinal
    r"(?![\d,.:]\d|\s*(?:BCE|BC|CE|AD|st|nd|rd|th|%)\b)"
)
# A sentence told from later, looking back: "In the summer of 55 Julius Caesar had crossed",
# "a century before" (not "forty-seven days before it was taken"); and a count going on
# after the number: "40 or 50 Romans", "40 or so".
_LOOKS_BACK = re.compile(
    r"\bhad\s+(?:[a-z]+ly\s+)?(?:been\s+)?[a-z]+(?:ed|en|wn|ne|ught|ung|ook|ade|old|ost|ent)\b|"
    r"\b(?:(?:years|decades|a\s+century|centuries|generations?)\s+(?:before|earlier)|ago|"
    r"previously)\b"
)
_A_COUNT_AFTER = re.compile(r"\s+(?:or|to|and)\s+(?:so\b|\d)")


def _years_of_two_digits(
    sentence: str, year: int | None, found: list[tuple[int, int, str]]
) -> list[tuple[int, int, str]]:
    """The dates `sentence` writes with a year of one or two digits after a month or a season,
    in a text whose year told (`year`) is of the first centuries of the common era: within
    forty years of it; a month alone only with a number no day could be ("In August 66", not
    "July 4"); none that a count would go on from ("In June 50 prisoners", "On 29 June 30
    Sicarii attacked", "40 or 50 Romans") and none but the year told in a sentence that looks
    back."""
    if year is None or not 0 < year < _EARLY_CE:
        return []
    looks_back = _LOOKS_BACK.search(sentence) is not None
    dates = []
    for m in _TWO_DIGIT_YEAR.finditer(sentence):
        said = int(m["year"])
        if abs(said - year) > 40 or any(a < m.end() and m.start() < b for a, b, _ in found):
            continue
        if looks_back and said != year:
            continue  # … but the year told written again: "news came that Nero had killed
            # himself on 9 June 68" (after "In 68 CE …") is that day, its year no title's word
        if m["month"] and not m["day"] and said <= 31:
            continue
        # … but a season's year before a name and its aside: "In the autumn of 67 Gamala, a
        # town on a steep ridge, fell"
        after = AFTER_A_DAY_S_SHORT_YEAR if m["day"] else AFTER_A_SHORT_YEAR
        named = m["season"] and re.match(r"\s+[A-Z][\w’'-]+,", sentence[m.end() :])
        if not (after.match(sentence, m.end()) or named) or _A_COUNT_AFTER.match(sentence, m.end()):
            continue
        month = MONTHS.index(m["month"]) + 1 if m["month"] else 0
        date = f"{said:04d}-{month:02d}" if month else str(said)  # as `find_dates` writes them
        date += f"-{int(m['day']):02d}" if m["day"] and month else ""
        if m["to"] and not month and int(m["to"]) == said + 1:
            date = f"{said}–{said + 1}"  # "the winter of 67–68"
        dates.append((m.start() if month else m.start("year"), m.end(), date))
    return dates


def _year_of_a_day_said_again(
    sentence: str,
    at: int,
    day: tuple[int, int],
    year: int | None,
    days: Mapping[tuple[int, int], int],
) -> int | None:
    """The year of a day at `at` written without one: the later year the text gave it before,
    when the words point back to it ("the warnings of May 31", after "Friday, May 31, 1889"
    and a paragraph about 1852); or, for a day named with its weekday that `year` does not
    fit, that year or the year of the last day the text gave with its year (a week before
    this day to a month after it), if the weekday fits it ("Thursday, May 30" and "Sunday,
    June 2" after paragraphs about 1852 and 1911) — else `year`, the one the text has just
    spoken of (not "On 27 February …", in 1900, of the day the text told of 1881)."""
    said = days.get(day) if day[1] else None
    # … after the text has gone back before it, not on to a later year (hostile pass 56: "By
    # 1989 … On the evening of 9 November" is no day of 1918, "the anniversary of 14 July" in
    # 1790 none of 1789)
    later = said is not None and year is not None and said > year
    if later and re.search(r"\bof\s+$", sentence[:at]):
        return said
    weekday = _weekday_before(sentence, at)
    if weekday is None or not day[1] or year is None or year < 1:
        return year
    # … by a weekday's whole name: a rota's or a notice's "Wed 27 February" is no day of the
    # story's (hostile pass 57)
    whole = re.search(r"(?i:day),?\s+$", sentence[:at]) is not None
    if _on_weekday(weekday, (year, *day)):
        return year
    # … the last day told, if this one is of the month after it at most: the story goes on
    (month, of), last = list(days.items())[-1] if days else ((0, 0), None)
    soon = last is not None and -7 <= (day[0] - month) * 31 + day[1] - of <= 31
    tried = (said, last if soon else None) if whole else ()
    return next((y for y in tried if y and y >= 1 and _on_weekday(weekday, (y, *day))), year)


# A day or month kept every year: "Every year on or about 25 March", "Every year in July".
_EVERY_YEAR = re.compile(rf"{_EVERY}(?:on|in)\s+(?:or\s+(?:about|around)\s+)?(?:the\s+)?$")


def _another_weekday(sentence: str, at: int, when: tuple[int, int, int]) -> bool:
    """Whether the words of `sentence` before the day at `at` end with the name of a weekday
    the day `when` (year, month, day) was not, by the Gregorian calendar or the Julian
    ("Monday 28 April" of 2013, a Sunday; but "Sunday 2 September" 1666 is a Sunday in
    England's Old Style, as "Sunday 9 January" 1905 in Russia's)."""
    named = _weekday_before(sentence, at)
    if named is None or when[0] < 1:
        return False
    return not _on_weekday(named, when, russian=_RUSSIAN.search(sentence) is not None)


def _weekday_before(sentence: str, at: int) -> int | None:
    """The weekday (Monday 0) the words before `at` end with: "Thursday, ", "Mon "."""
    named = _WEEKDAY_BEFORE.search(sentence, 0, at)
    return None if named is None else _WEEKDAYS.index(named[1][:3].title())


_WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
_WEEKDAY_BEFORE = re.compile(
    r"\b((?i:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|"
    # … a weekday cut short, capitalised and not a newspaper's: "Mon 1 June" (not "The Sun, 4
    # May", "The Commons sat 22 November": hostile pass 56)
    r"(?<!\bThe\s)(?<!\bthe\s)(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)\.?),?\s+$"
)


def _on_weekday(weekday: int, when: tuple[int, int, int], *, russian: bool = False) -> bool:
    """Whether the day `when` (year, month, day) fell on `weekday`, by the Gregorian calendar
    or the Julian where it was kept: England before 1752, Russia before 1918 (not a
    centenary's "Sunday 24 April" read as of 1916, a Sunday in the Julian calendar)."""
    year, month, day = when
    weekdays = [calendar.weekday(year, month, day)]
    if year < 1752 or (year < 1918 and russian):
        weekdays.append(_julian_weekday(year, month, day))
    return weekday in weekdays


_RUSSIAN = re.compile(
    r"\b(?:Russia|Russian|Petrograd|Petersburg|Moscow|Tsar|Tsarina|Winter\s+Palace|Bolsheviks?|"
    r"Mensheviks?|Duma|Soviets?|Kronstadt|Gapon)\b"
)


def _julian_weekday(year: int, month: int, day: int) -> int:
    """The weekday (Monday 0) of a day of the Julian calendar, by its Julian day number."""
    shift = (14 - month) // 12
    y, m = year + 4800 - shift, month + 12 * shift - 3
    number = day + (153 * m + 2) // 5 + 365 * y + y // 4 - 32083
    return number % 7


def _turns_the_year(day: str | None, year: int, month: int) -> bool:
    """Whether a `month` the text names without its year, after `day` (the last day or month
    it told) late in `year`, is early in the next: January after December, February after
    November."""
    told = re.match(r"(\d{4})-(\d\d)", day or "")
    return told is not None and int(told[1]) == year and int(told[2]) - month >= 9


_A_CLAUSE_BETWEEN = re.compile(r"[;:–—]|,\s+(?:and|but|when|while|although)\b|\bthat\b")


def _in_the_year_told(
    sentence: str,
    found: list[tuple[int, int, str]],
    relative: list[tuple[int, int, str]],
    unwritten: list[tuple[int, int, str, int]],
) -> list[tuple[int, int, str]]:
    """The sentence's dates, a day after a relative year read in that year: "The Yorkists
    struck back the following summer, capturing Henry at Northampton on 10 July" is 10 July
    of the year after — one happening, not the year and a day of the year before; but not
    across a clause ("… the following year, naming … – but when news reached St Petersburg on
    27 November, …"), nor before a year written after it ("the following summer, in 1401, on
    10 July")."""
    years = sorted(r for r in relative if re.fullmatch(r"\d{3,4}", r[2]))
    ends = [end for _, end, _ in years]
    moved: dict[tuple[int, int, str], tuple[int, int, str]] = {}
    used: set[tuple[int, int, str]] = set()
    for start, end, date, year_at in unwritten:  # the relative year just before, by bisection
        at = bisect.bisect_right(ends, start) - 1
        if at < 0 or start - ends[at] > 120 or ends[at] < year_at:
            continue
        aside = _in_a_comma_aside(sentence, max(year_at, 0), years[at][0], ends[at], start)
        if not (aside or _A_CLAUSE_BETWEEN.search(sentence, ends[at], start)):
            moved[(start, end, date)] = (start, end, f"{int(years[at][2]):04d}{date[4:]}")
            used.add(years[at])
    dates = [moved.get(d, d) for d in found] + [r for r in relative if r not in used]
    return sorted(dates)


# A verb of the clause an aside interrupts, just after the aside: "Charles I, defeated … the
# previous year, was executed", "the tsar, whose army had been routed …, abdicated".
_A_VERB_RESUMING = re.compile(rf",\s+{FINITE_VERB}\b")


def _in_a_comma_aside(sentence: str, after: int, start: int, end: int, day: int) -> bool:
    """Whether the relative year at `start`…`end` is in an aside between commas that the
    day at `day` is after — "In 1649 Charles I, defeated … the previous year, was executed on
    30 January" — so the day is of the year the sentence gave before it (at `after`)."""
    aside = re.search(
        r",\s+(?!(?:and|but|or|so|then|yet|while|when)\b)[^,]*$", sentence[after:start]
    )
    closed = sentence.find(",", end, day)  # … and the verb it interrupts after its end
    return bool(aside) and closed >= 0 and _A_VERB_RESUMING.match(sentence, closed) is not None


# A day told from the one before: "the following day", "two days later", "that night" — and an
# hour of it, for a day told hour by hour ("By mid-morning", "Around midday", "close to
# midnight", "At around one o'clock in the afternoon").
_DAY_COUNT = (
    r"a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
    r"fifteen|sixteen|seventeen|eighteen|nineteen|twenty|\d{1,2}"
)
# Hours on from the day told: of that day (of its month after an evening), and no step of the
# story's day (`_Told.heard`); seven or more hours on may be of the next day.
_MANY_HOURS = re.compile(
    r"\b(?:[7-9]|1\d|2\d|seven|eight|nine|ten|eleven|twelve|[a-z]+teen|twenty[\w-]*)\s+hours\b",
    re.IGNORECASE,
)
_HOURS_ON = re.compile(
    rf"(?:(?:{_DAY_COUNT}|an?|a\s+few|some)\s+hours?\s+later|"
    r"within\s+(?:a\s+few\s+)?(?:hours|an\s+hour|the\s+hour))\b",
    re.IGNORECASE,
)
_HOUR = (
    r"(?:towards?|by|around|in|at|until|(?-i:late|early)|close\s+to)\s+(?:about\s+|around\s+)?"
    r"(?:the\s+)?"
    r"(?:early\s+|late\s+|mid-?)?(?:morning|afternoon|evening|midday|noon|midnight|dawn|dusk|"
    r"nightfall|daybreak)(?!\s+of\b)(?!\s+(?:edition|paper|papers|news|session|shift|prayers|service)\b)|"
    r"(?:at\s+)?(?:around\s+|about\s+)?(?:one|two|three|four|five|six|seven|eight|nine|ten|"
    r"eleven|twelve)\s+o['’]clock(?:\s+in\s+the\s+(?:morning|afternoon|evening))?|"
    # … and by the clock: "At about 7:30, the nets open" as a sentence opens, "4:07 p.m." in it
    # — not a time, a speed or a price in it ("finished at 3:57.9", "at 4.15 knots", "John
    # 3:16"), a span of hours ("7:30 to 8:45", "from 7 a.m."), a meeting "called for 4.30
    # p.m." (planned) or "until 11 a.m." (a deadline), or an hour after midnight, which may be
    # the next day's ("1.15 a.m.")
    r"\A(?:(?:at|by|around|about|shortly\s+(?:before|after)|just\s+(?:before|after))\s+)+"
    r"(?:[01]?\d|2[0-3])[:.][0-5]\d(?:\s*[ap]\.?m\.?)?(?![\d:.]?\d)(?=[\s,]|$)"
    r"(?!\s*(?:to|[–—-])\s*\d)(?!\s*(?:hours|seconds|minutes|per|of|a\s+share)\b)|"
    r"(?<![\d.:])(?<!\bfor\s)(?<!\bto\s)(?<!\bfrom\s)(?<!\buntil\s)"
    rf"(?:{_MORNING_CLOCK}|(?:[1-9]|1[0-2])(?:[:.][0-5]\d)?\s*p\.m\.)"
    r"(?!\s*(?:to|until|[–—-])\s*\d)"
)
_HOUR_ONLY = re.compile(_HOUR, re.IGNORECASE)
# The words of a relative day that name an hour of it.
_AN_HOUR = re.compile(
    r"o['’]clock|noon|midday|midnight|morning|afternoon|evening|dawn|dusk|daybreak|nightfall|"
    r"\d[:.]\d\d|\d\s*[ap]\.m"
)
# What may happen at any time, no happening of the story's: "a disease that can kill within a
# day" (`_relative`'s "within …"; not the month: "On 10 May 1940 Germany invaded …, and
# within weeks France …", nor "the might of …").
_WHAT_MAY_HAPPEN = re.compile(r"\b(?:can|may|(?<!the\s)might|[Uu]sually|[Oo]ften|[Nn]ormally)\b")
_WHAT_MAY_HAPPEN_TO_ANYONE = re.compile(
    r"\b(?:can|could|may|might|would|usually|often|normally)\b", re.IGNORECASE
)
# Words that say a thing happened again and again, not on one day.
_HABITUAL = re.compile(
    r"\b(?:usually|often|always|normally|generally|typically|regularly|sometimes|every|each|"
    r"would|used\s+to|most\s+days|daily|nightly|throughout|(?:a|per)\s+(?:day|week|month)|"
    r"custom|tradition)\b",
    re.IGNORECASE,
)


def _beside(index: int, matches: list[re.Match[str]]) -> bool:
    """Whether the relative date before or after the one at `index` (of `matches`, in text
    order) is within a few characters of it."""
    m = matches[index]
    return any(
        -8 <= o.start() - m.end() <= 8 or -8 <= m.start() - o.end() <= 8
        for o in matches[max(0, index - 1) : index + 2]
        if o is not m
    )


def _clock_hours_told(
    sentence: str, matches: list[re.Match[str]], *, dated: bool
) -> list[re.Match[str]]:
    """`matches` without a clock's hour that is no hour of the day told: beside an hour in
    words ("In the afternoon, at 3:10 p.m.", whose hour it is), in a sentence `dated` by a
    date of its own ("it expired at 11 p.m. London time on 4 August 1914"), or in one that
    tells of another day or time, a routine or a plan ("At 5.30 next morning", "Years later,
    at 4.15", "Today the museum opens at 10 a.m.", "was scheduled to begin at 11.15 a.m.")."""
    clock = [m for m in matches if _A_CLOCK.search(m[0])]
    if not clock:
        return matches
    worded = any(_HOUR_ONLY.fullmatch(m[0]) for m in matches if m not in clock)
    if worded or dated or _ANOTHER_TIME.search(sentence):
        return [m for m in matches if m not in clock]
    return [m for m in matches if not _AFTER_MIDNIGHT.search(m[0])]  # perhaps the next day's


_AFTER_MIDNIGHT = re.compile(_AFTER_MIDNIGHT_CLOCK, re.IGNORECASE)


_A_CLOCK = re.compile(r"\d[:.]\d\d|\d\s*[ap]\.m")
# Words that tell of a day or time other than the one the story is on, a routine or a plan.
# (Not a duration or an aside: "men who had trained for two years", "now soaked and
# seasick", "the Winter Palace", "Pershing later called the armistice a mistake": hostile pass 68.)
_ANOTHER_TIME = re.compile(
    r"\b(?:(?:next|following|previous)\s+(?:morning|afternoon|evening|night|day|week|"
    rf"{WEEKDAY})|(?:morning|afternoon|evening|night|day)\s+(?:before|after)\b|"
    r"(?:[a-z]+|\d+)\s+(?:years?|decades?|weeks?|months?|days?)\s+(?:earlier|later|before|"
    r"afterwards|ago)|(?:years|decades|weeks|months)\s+(?:earlier|later|afterwards)|"
    rf"on\s+(?:a\s+(?:[a-z]+\s+)?)?{WEEKDAY}|on\s+the\s+[a-z]+\s+day|"
    r"(?:morning|afternoon|evening|night)\s+of\s+the|(?:a|one)\s+(?:[a-z]+\s+)?(?:morning|"
    r"afternoon|evening|night)|as\s+an?\s+(?:boy|girl|child|schoolboy|schoolgirl|young)|"
    r"(?:[a-z]+-?[a-z]*|\d+)\s+hours\s+(?:later|earlier|before|afterwards|on)|days\s+on|"
    r"that\s+week|yesterday|tomorrow|last\s+night|tonight|supposed\s+to|expected\s+to|"
    r"set\s+(?:at|for)|(?:was|were)\s+to|zero\s+hour|[A-Z]-hour|due\s+to|aged\s+\d+|"
    r"old\s+age|(?<!\bis\s)today|will|should|scheduled|timed\s+to|fixed|by\s+law|opens|closes|"
    r"anniversary|timetable|usually|now\s+[a-z]+s|"
    r"on\s+(?:weekdays|weekends|[a-z]+days|most\s+[a-z]+|[a-z]+\s+days))\b",
    re.IGNORECASE,
)


_RELATIVE_DAY = re.compile(
    # "About a week later, on the night of 22 August", "until 14 May, nearly three weeks later"
    r"\b(?:(?:about|nearly|almost|just|only|some|roughly|less\s+than|more\s+than)\s+)?"
    r"(?:(?:on\s+)?the\s+(?:following|next)\s+(?:day|morning|evening|night)|"
    rf"(?<![\w-])(?P<count>{_DAY_COUNT})\s+days?\s+later|"
    # "A week later the Lords threw it out", "three weeks later", "a fortnight later"
    rf"(?<![\w-])(?P<weeks>{_DAY_COUNT})\s+weeks?\s+later(?!\s+than\b)|a\s+fortnight\s+later|"
    # "signed in Szczecin the day before" (not "the day before the battle")
    # … nor "the day before he was impeached", "the night before going over the top"
    r"(?:on\s+)?the\s+(?:day|night)\s+before"
    r"(?!\s+(?:the|a|an|his|her|its|their|he|she|it|they|we|[A-Z]|[a-z]+ing)\b)|"
    rf"(?:on\s+)?the\s+previous\s+day|(?<![\w-])(?P<earlier>{_DAY_COUNT})\s+days?\s+earlier"
    r"(?!\s+than\b)|"
    r"(?:on\s+)?(?:the|that)\s+same\s+(?:day|night)|later\s+that\s+day|"
    # "That day Massasoit and Carver agreed a treaty" (not "That day of …", "That day when …")
    r"\A(?-i:That)\s+day(?!\s+(?:of|when|that)\b)|"
    r"(?:(?:later|earlier|early|late)\s+)?that\s+(?:same\s+)?(?:night|evening|morning|afternoon)|"
    # … minutes or hours on, that day: "Twenty minutes later Orville managed about 200",
    # "Within minutes the path was open"
    rf"(?<![\w-])(?P<minutes>(?:{_DAY_COUNT}|an?|a\s+few|some)\s+(?:minutes|hours?)\s+later|"
    r"\A[Ww]ithin\s+(?:a\s+few\s+)?(?:minutes|hours|an\s+hour|the\s+hour)(?!\s+of\b))|"
    rf"{_HOUR})(?:\b|(?<=\.))",  # … "p.m." ends with its point
    re.IGNORECASE,
)
# A month told from the one before: "later that month", "the same month", "a month later".
_RELATIVE_MONTH = re.compile(
    r"\b(?:(?:later\s+)?(?:in\s+)?(?:that|the)\s+same\s+month|(?:later|earlier)\s+that\s+month|"
    r"(?:in\s+)?the\s+(?:following|next)\s+month|a\s+month\s+later|"
    r"(?<![\w-])(?:(?:about|nearly|almost|some)\s+)?"
    r"(?P<months>two|three|four|five|six|seven|eight|nine|ten)\s+months\s+later|"
    r"(?<!\bof\s)(?:in\s+)?that\s+month)\b",  # "drawn up in Memmingen that month"
    re.IGNORECASE,
)
_COUNT = r"two|three|four|five|six|seven|eight|nine|ten"
_TENS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
_YEARS_COUNT = (
    rf"(?:{'|'.join(_TENS)})(?:-(?:one|{_COUNT}))?|{_COUNT}|eleven|twelve|thirteen|fourteen|"
    r"fifteen|sixteen|seventeen|eighteen|nineteen"
)
# A year told from the one before: "that same year", "the following year", "the previous year",
# "two years later", "that summer", "within weeks" (of the year before it).
_RELATIVE_YEAR = re.compile(
    r"\b(?:(?:later\s+)?(?:in\s+)?(?:that|the)\s+same\s+year|later\s+that\s+year|"
    r"(?:in\s+)?(?:the\s+)?(?:following|next)\s+(?:year|spring|summer|autumn|fall|winter)|"
    # … "The following May, Kelso Cochrane … was stabbed": the next May after the last date
    rf"(?:in\s+)?the\s+(?:following|next)\s+(?P<month>(?-i:{'|'.join(MONTHS)}))\b|"
    r"a\s+year\s+later|\A(?:[Ii]n\s+)?(?-i:[Tt]hat)\s+year\b(?!\s+after\b)|"
    # … not "stayed for about a year before leaving": how long
    r"(?:in\s+)?the\s+previous\s+year|(?<!\bfor\s)(?<!\bfor\sabout\s)a\s+year\s+(?:earlier|before)|"
    # … "Forty-four years later" (not "after six years of fighting", nor "40 years later", a
    # scholar's dating as often as a step of the story)
    rf"(?<![\w-])(?<!hundred\sand\s)(?<!hundred\s)(?P<years>{_YEARS_COUNT})\s+years\s+later|"
    rf"after\s+(?P<after>{_COUNT})\s+years(?!\s+of\b|[’'])|"  # not "after five years' residence"
    r"that\s+(?:same\s+)?(?:spring|summer|autumn|fall|winter)|"
    # "By spring about half of the passengers were dead", of the year the text is in
    r"\A(?-i:By)\s+(?:the\s+)?(?-i:spring|summer|autumn|winter)\b(?!\s+(?:of|and)\b)|"
    r"(?:by|at|from)\s+the\s+end\s+of\s+that\s+year|"
    # "within weeks" (not "within days of the fire"), "a few days later": of the same year
    rf"(?P<vague>within\s+(?:a\s+few\s+|a\s+|(?:{_COUNT})\s+)?(?:days?|weeks?|months?)(?!\s+of\b)|"
    r"(?:a\s+few|some|several)\s+(?:days|weeks|months)\s+(?:later|earlier|before|afterwards?)|"
    r"(?:over\s+)?the\s+following\s+(?:weeks|months)|(?:only\s+)?days\s+(?:before|earlier)|"
    r"(?:in\s+)?the\s+(?:days|weeks|months)\s+that\s+followed(?!\s+(?:the|a|an|his|her|its)\b)|"
    r"\A(?:shortly|soon)\s+(?:afterwards?|after(?=\s*[,.]))|(?:later\s+)?in\s+the\s+(?-i:spring|summer|autumn|"
    r"winter)\b(?!\s+(?:of|and)\b|(?-i:\s+[A-Z]))|(?:by|at|towards?)\s+the\s+end\s+of\s+the\s+year))\b",
    re.IGNORECASE,
)
# The month each season begins, for "the following autumn" after a month of the year.
_SEASON_STARTS = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}
_SEASON_ENDS = {"spring": 5, "summer": 8, "autumn": 11, "fall": 11}
_COUNTS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
           "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
           "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
           "nineteen": 19, "twenty": 20}  # fmt: skip


def _relative(
    sentence: str, found: list[tuple[int, int, str]], year: int | None, day: str | None
) -> list[tuple[int, int, str]]:
    """The days and years `sentence` tells from the one before: "His sons were shot the
    following day" after "on 21 September 1857" is 1857-09-22; "destroyed in the same year"
    after "in 1227" is 1227."""
    told: list[tuple[int, int, str]] = []
    if NOTE_MARK.match(sentence):
        return told  # a note: out of the text's turn, with nothing to count from
    every = sorted(
        [*_RELATIVE_DAY.finditer(sentence), *_RELATIVE_MONTH.finditer(sentence),
         *_RELATIVE_YEAR.finditer(sentence)],
        key=lambda m: (m.start(), -m.end()),
    )  # fmt: skip
    # … the longest where two overlap: "three days earlier" is a day, not "days earlier"'s year
    reach = itertools.accumulate((m.end() for m in every), max, initial=0)
    matches = [m for m, furthest in zip(every, reach, strict=False) if m.start() >= furthest]
    # An hour is no day of its own in a statement of what happened any day ("Visitors usually
    # arrived in the morning", "started work at six o'clock in the morning and finished at eight
    # o'clock in the evening"), nor beside a relative day ("At dawn the next day", "That
    # evening, at about six o'clock"), whose day it is; a clock's hour is told so only on the
    # story's day (`_clock_hours_told`).
    matches = _clock_hours_told(sentence, matches, dated=bool(found))
    hours = [m for m in matches if _HOUR_ONLY.fullmatch(m[0])]
    habitual = _HABITUAL.search(sentence) is not None or len(hours) > 1
    matches = [
        m
        for i, m in enumerate(matches)
        if not (_HOUR_ONLY.fullmatch(m[0]) and (habitual or _beside(i, matches)))
    ]
    # Each relative date looks at the dates just before and after it (bisection), so a run-on
    # paragraph of thousands of them takes time in proportion to them.
    starts = [at for at, _, _ in found]
    ends = sorted(end for _, end, _ in found)
    for m in matches:
        if re.match(r"\s+than\b", sentence[m.end() :]):
            continue  # "ten years later than de Lesseps had promised": a comparison
        its_clause = re.split(r"[,;:]|\s(?:but|and)\s", sentence[: m.start()])[-1]
        if m.re is _RELATIVE_YEAR and m["vague"] and _WHAT_MAY_HAPPEN.search(its_clause):
            continue  # "a victim can lose so much fluid that he dies within a day": any day
        if m.re is _RELATIVE_DAY and m["minutes"] and _WHAT_MAY_HAPPEN_TO_ANYONE.search(sentence):
            continue  # "Within hours a victim could lose a third of his body's fluids"
        # … "Twenty years later it still divided the city", "Twelve years later, it was still
        # ruled by soldiers" (not "Six years later, still leader of the Conservatives, he became
        # prime minister again", "Seven years later, with whole districts still in ruins, …")
        still = re.search(r"\bstill\b", its_clause) or re.match(
            r"\s*(?:,\s*(?!still\b|with\b|in\b|after\b|despite\b))?(?:[\w’'-]+\s+){0,4}?still\b",
            sentence[m.end() :],
        )
        if m.re is _RELATIVE_YEAR and m["years"] and still:
            continue  # "its value there was still depressed about twelve years later": a state
        after = bisect.bisect_left(starts, m.end() - 8)
        ended = bisect.bisect_left(ends, m.start() - 8)
        near = (
            (after < len(starts) and starts[after] <= m.end() + 8)
            or (
                ended < len(ends)
                and ends[ended] <= m.start() + 8
                # … but "he died in May 1879; the following year Parnell took over", "… on 30
                # January 1933, and the following year he had Röhm … murdered": a clause of its
                # own (not "… on 4 August 1914 and a week later the BEF crossed", whose cut
                # would leave neither clause whole)
                and not re.search(r";|,\s+(?:and|but)\b", sentence[ends[ended] : m.start()])
            )
        )
        # … or a sentence opening with it and giving the date in its first clause ("The
        # following year, in *Worcester v. Georgia* (1832), …"; not "Two days later the family
        # sailed into exile, and Pedro II died in Paris in 1891", nor "Later that year he
        # announced reforms … for the 1995 elections")
        opening = (
            m.start() <= 3
            and any(
                # … not a law's year: "The next day a judge ruled … the Trade Disputes Act of 1906",
                # nor one between dashes: "That same day Wałęsa – … dismissed … in 1976 – climbed"
                not _in_a_dashed_aside(sentence, at)
                # … nor one in a bracket that says more than the date: "The following year the
                # temples were placed in the care of the École française (… a research
                # institute founded in 1900)" (not "…, in Worcester v. Georgia (1832), …")
                and not _in_a_bracketed_aside(sentence, at)
                and not re.search(
                    r";|,\s+(?:and|but)\s|\bthe\s+$|\b(?:Act|Law|Treaty|Statute|Code|Charter)\s+of\s+$",
                    sentence[m.end() : at],
                )
                for at, _, _ in found
            )
        )
        if near or opening:
            continue  # "A year later, in November 1897, …", "The following year, in *Worcester
            # v. Georgia* (1832), …": the date it gives says when
        # counted from the dates before it, those it counted too: "two days later …, and two
        # days later"
        # … the last date before it: the sentence's, or the last it counted (in text order)
        given = (
            found[bisect.bisect_left(starts, m.start()) - 1]
            if starts[:1] and starts[0] < m.start()
            else None
        )
        last = max((d for d in (given, told[-1] if told else None) if d), default=None)
        if (counted := _counted(m, last[2] if last else None, year, day)) is not None:
            told.append(counted)
    return told


def _counted(
    m: re.Match[str], before: str | None, year: int | None, day: str | None
) -> tuple[int, int, str] | None:
    """The date the relative day or year `m` tells, counted from the last date before it in
    the sentence (`before`), else from the text's last `day` or `year`."""
    said = m[0].lower()
    forward = int(re.search(r"following|next|later$", said) is not None)
    back = int(re.search(r"previous|earlier|before", said) is not None)
    # … from the last date given, in the sentence or before it ("… where he died in 1914.
    # That same year …" after "August 1897"); "" when nothing counts from it (a range)
    last = _countable(before) if before is not None else day
    if m.re is _RELATIVE_DAY:
        hour = _AN_HOUR.search(said)
        # … a day counted on from a month is none, but "a week later" is still that month
        weeks = m["weeks"] and m["weeks"].lower() not in ("a", "one")
        counted = m["count"] or weeks or m["earlier"] or "fortnight" in said
        if last and re.fullmatch(r"\d{4}-\d\d", last) and not counted and not hour:
            return m.start(), m.end(), last  # "In November 1908 … Cixi died the next day": then
        if not last or not re.fullmatch(r"\d{4}-\d\d-\d\d", last):
            return None  # "In March 1851 … two days later": no day
        if m["minutes"] and _MANY_HOURS.search(said):
            return None  # "Eighteen hours later", from 6.30 a.m.: the day after, perhaps
        shift = 0 if m["minutes"] else _days_on(m, forward - back)
        shift *= (
            not (hour or "night" in said) or forward or back
        )  # "By mid-morning", "that night": that day
        try:
            then = datetime.date.fromisoformat(last) + datetime.timedelta(days=shift)
        except (ValueError, OverflowError):
            return None  # "30 February", a day the calendar does not have: nothing to count from
        return m.start(), m.end(), then.isoformat()
    if m.re is _RELATIVE_MONTH:
        return _month_counted(m, last, forward)
    if last == "":
        return None  # after "c. 1300", "1850–1860", a century: no one year to count from
    shift = _counted_years(count) if (count := m["years"] or m["after"]) else forward - back
    shift *= not m["vague"]  # "a few weeks earlier", "over the following months": that year
    named = MONTHS.index(m["month"].capitalize()) + 1 if m["month"] else None
    shift = _season_s_year(said, last, forward, named, shift)
    if last and (era := re.fullmatch(r"(\d{1,4}) (BCE?)", last)):
        # years before the common era count down: "Four years later" after 256 BC is 252 BC
        before_christ = int(era[1]) - shift
        return (m.start(), m.end(), f"{before_christ} {era[2]}") if before_christ >= 1 else None
    base_year = int(last[:4]) if last else year  # … else the year the text is in
    if base_year is None or not 1 <= base_year + shift <= 9999:
        return None
    told = f"{base_year + shift:04d}-{named:02d}" if named else str(base_year + shift)
    return m.start(), m.end(), told


def _counted_years(count: str) -> int:
    """A count of years in words: "two" 2, "Forty-four" 44."""
    count = count.lower()
    tens, _, units = count.partition("-")
    if tens in _TENS:
        return 10 * (_TENS.index(tens) + 2) + (_COUNTS[units] if units else 0)
    return _COUNTS[count]


def _season_s_year(said: str, last: str | None, forward: int, named: int | None, shift: int) -> int:
    """How many years on from `last` a season or month told from it is: "the following
    autumn" after February is that autumn, after October the next (and so "the following
    May"); "By spring" after December 1620 is of 1621 (after March, or a year alone, of that
    year)."""
    starts = _SEASON_STARTS.get(said.split()[-1])
    month = int(last[5:7]) if last and re.match(r"\d{4}-\d\d", last) else None
    if forward and last and (season := starts or named):
        return int(month is None or month >= season)
    if said.startswith("by ") and last and starts:
        # … only after the season is over: "By autumn" after September 1939 is that autumn
        return int(month is not None and month > _SEASON_ENDS.get(said.split()[-1], 12))
    return shift


def _days_on(m: re.Match[str], step: int) -> int:
    """How many days on from the day before it a relative day `m` is ("two days later": 2, "a
    week later": 7, "three days earlier": -3), or `step` (1 for "the next day", -1 for "the
    day before", 0 for "that same day")."""
    count = next((m[name].lower() for name in ("count", "weeks", "earlier") if m[name]), None)
    if count is None:
        return 14 if "fortnight" in m[0].lower() else step
    days = int(count) if count.isdigit() else _COUNTS[count]
    return 7 * days if m["weeks"] else -days if m["earlier"] else days


def _month_counted(m: re.Match[str], base: str | None, forward: int) -> tuple[int, int, str] | None:
    """The month "later that month", "the following month" or "two months later" tells, from
    the month of `base` (the last month or day given)."""
    if base is None or not re.match(r"\d{4}-\d\d", base):
        return None
    step = _COUNTS[m["months"].lower()] if m["months"] else forward  # "Two months later"
    months = int(base[:4]) * 12 + int(base[5:7]) - 1 + step
    if not 12 <= months < 10000 * 12:
        return None
    return m.start(), m.end(), f"{months // 12:04d}-{months % 12 + 1:02d}"


def _cut(sentence: str, start: int, end: int, semicolons: set[int]) -> tuple[int, int]:
    """Where, between `start` and `end`, the sentence is cut between two happenings: where
    the first clause ends and the next begins (at a semicolon only among `semicolons`, those
    that part clauses)."""
    gap = sentence[start:end]
    for pattern in _CLAUSE_CUTS:
        found = [
            m for m in pattern.finditer(gap) if m[0][0] != ";" or start + m.start() in semicolons
        ]
        if found:
            return start + found[-1].start(), start + found[-1].end()
    return start, start


def _date_of(group: list[tuple[int, int, str]], sentence: str) -> str:
    """One happening's date: a span's first and last dates as a range, else the first."""
    first, last = group[0][2], group[-1][2]
    between = sentence[group[0][1] : group[-1][0]]
    if len(group) > 1 and _SPAN.match(between) and "–" not in first + last:
        span = f"{first}–{last}"
        try:
            if parse_date(span).start <= parse_date(span).end:
                return span
        except ValueError:
            pass
    return first


_FUNCTION_WORDS = {"the", "a", "an", "of", "in", "on", "and", "to", "was", "were", "its", "his",
                   "her", "their", "by", "for", "with", "at", "is", "as"}  # fmt: skip


def _content_words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z]+", text.lower()) if w not in _FUNCTION_WORDS}


def _overlap(one: set[str], other: set[str]) -> bool:
    """Whether two titles share most of their words, and two at least unless one is a word
    alone or told of "he", "she", "it" or "they" (a mention of what another told: "He was
    assassinated by John Wilkes Booth" after "Lincoln was assassinated"): the same happening
    told twice — not "Jarrow was broken up" after "Jarrow elected", "The strike collapsed"
    after "workers went on strike"."""
    fewer, shared = min(len(one), len(other)), len(one & other)
    told_of = bool(_PRONOUNS & (one | other))
    return fewer > 0 and shared >= max(0.5 * fewer, 1 if fewer == 1 or told_of else 2)


_PRONOUNS = {"he", "she", "it", "they"}


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
    told = _Told(retold=_retold(cut))
    sizes = [
        _least_event_bytes(sentence, clause, start, end, date)
        for section in cut
        for sentence, clause, start, end, date in _dated(section, told)
    ]
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


def _least_event_bytes(sentence: str, clause: str, start: int, end: int, date: str) -> int:
    """The least the timeline entry of this date takes: its sentence twice (as detail and as
    passage), its date and title, and its keys; YAML quotes, escapes and folds, never drops."""
    values = 2 * sentence + date + event_title(clause, start, end)
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
    """The paragraphs cut at paragraph boundaries into sections of about SECTION_WORDS words,
    each titled by its opening subject (the document's title for one section alone)."""
    chunks: list[Section] = []
    for paragraph in paragraphs:
        if not chunks or sum(len(p.split()) for p in chunks[-1].paragraphs) >= SECTION_WORDS:
            chunks.append(Section("", []))
        chunks[-1].paragraphs.append(paragraph)
    if len(chunks) == 1:
        chunks[0].title = title
        return chunks
    used: set[str] = set()
    for chunk in chunks:
        chunk.title = _titled(chunk, title, used)
        used.add(chunk.title.casefold())
    return chunks


def _titled(chunk: Section, title: str, used: set[str]) -> str:
    """A section's title from its opening subject ("The Marshall Plan"), told apart from an
    earlier section's by the years it covers, else marked as continuing it."""
    subject = opening_subject(chunk.paragraphs[0]) or title
    if subject.casefold() not in used:
        return subject
    years = sorted(
        int(m) for p in chunk.paragraphs for m in re.findall(r"\b1\d{3}\b|\b20\d{2}\b", p)
    )
    if years:
        span = str(years[0]) if years[0] == years[-1] else f"{years[0]}–{years[-1]}"
        if f"{subject}, {span}".casefold() not in used:
            return f"{subject}, {span}"
    return f"{subject} (continued)"


# A sentence's opening before its subject: "In 1947, ", "On 26 July 1956 ", "By the 1930s, ",
# "After the war, ".
_OPENING = re.compile(
    r"^(?:(?:in|on|by|after|before|during|from|at|for|with|under|following|despite|when|as|"
    r"although|while|since|until|between|throughout|over)\b[^,]{0,60},\s*|"
    r"(?:in|on|by)\s+(?:the\s+)?[\w -]{0,20}\d{2,4}s?\s+|"
    r"(?:between|from)\s+[\w ]{0,20}\d{4}\s+(?:and|to|until)\s+[\w ]{0,20}\d{4}s?,?\s+)",
    re.IGNORECASE,
)
_SUBJECT_END = re.compile(
    r"\s(?:was|were|is|are|had|has|have|became|become|began|did|could|would|will|can|may|"
    r"might|must|should|seemed|remained|led|made|took|gave|came|went|saw|won|lost|ran|"
    r"[a-z]{3,}ed|[a-z]{3,}s)\b"
)


def opening_subject(paragraph: str) -> str | None:
    """The subject of a paragraph's first sentence, as written, capitalised ("The Marshall
    Plan"); None when it is not a short noun phrase."""
    first = sentences(paragraph)[0] if paragraph.strip() else ""
    head = _OPENING.sub("", first, count=1)
    end = _SUBJECT_END.search(head)
    if end is None:
        return None
    subject = head[: end.start()].strip(" ,;:“”\"'")
    words = subject.split()
    if not 1 <= len(words) <= 6 or not (words[0][:1].isupper() or words[0].lower() in
                                         ("the", "a", "an")):  # fmt: skip
        return None
    if words[0].lower() in {"it", "he", "she", "they", "this", "these", "there", "we", "i"}:
        return None
    return subject[:1].upper() + subject[1:]


# -- glossary terms -----------------------------------------------------------------------------

_ACRONYM = re.compile(r"\(([A-Z][A-Z0-9-]{1,9})\)")
_CAPITALISED = re.compile(r"^[A-Z][\w’'-]*$")
_LINKS = {"of", "the", "and", "for", "in", "at", "on", "to", "de", "du", "la", "von", "van"}
_ALSO = re.compile(
    rf"\b(?:also|better|commonly|widely)?\s*(?:called|{KNOWN_AS}|termed as|termed|named|dubbed)\s+"
    r"(?:the\s+)?(?:[“\"‘'](?P<quoted>[^”\"’']{2,60})[”\"’']|(?P<name>[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,4}))"
    r"(?!\s+(?:before|into|back|home|together|up|off|away)\b)"  # "called Luther before the Diet"
)
_COINAGE = re.compile(r"[“\"‘](?P<term>[A-Z][^”\"’]{1,40}?)[”\"’]")
_STOP = {
    "The", "A", "An", "In", "On", "At", "By", "From", "After", "Before", "During", "Although",
    "When", "This", "That", "These", "Those", "It", "He", "She", "They", "We", "You", "I",
    "But", "And", "Or", "If", "As", "Following", "Finally", "Soon", "Only", "Many", "Both",
    "Anyone", "One", "Over", "Talks", "Isolated", "Initially", "Cities",
    # … an era's letters ("the Gallic Wars of 58–50 BC, Caesar's conquest …": not a term)
    # and "far" ("so far, a little over 40,000")
    "BC", "AD", "BCE", "CE", "far",
}  # fmt: skip


@dataclass
class TermDraft:
    """A glossary candidate: the term, other names for it, the sentence introducing it and
    the words of that sentence defining it."""

    term: str
    aliases: list[str]
    sentence: str
    definition: str = ""


def _expansion(text: str, end: int) -> str | None:
    """The capitalised words just before position `end` (an acronym's expansion)."""
    words = text[:end].rstrip().split()
    taken: list[str] = []
    for word in reversed(words):
        bare = word.strip(',;:“”"*')
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
    """Glossary candidates in text order: the terms the text defines (`defining.defined_terms`:
    "X, a …", "X (…)", "… known as X", "X was a …"), acronyms with their expansion, and
    names given after "also called" or in quotation marks where a sentence defines them —
    each with the sentence that first defines it and its defining words. A person the text
    stops to introduce ("Johann Tetzel, a Dominican friar", "the war minister, Dmitry
    Milyutin") is drafted too, by that role and the full name the text first gave them, and
    so is a place it locates; a named law or body by what it did ("The Stolypin reforms
    allowed …") only when no sentence defines it. A name the text uses but never explains (a
    country, a person mentioned in passing) is not: its definition would be a sentence about
    it, not a definition. An exam question's quoted claim is no definition."""
    found: dict[str, TermDraft] = {}
    described: dict[str, tuple[Definition, str]] = {}  # a name by what it did, and where
    full_names: dict[str, str] = {}  # "Ball": "John Ball", as the text first named him
    # … until TERMS_MAX are found: no more would be drafted, each check would only cost time
    keyed = _rows_of_key_tables(paragraphs)  # "| Opechancanough | Pamunkey leader … |"
    read = [
        line
        for index, p in enumerate(paragraphs)
        if not _A_QUOTED_QUESTION.match(p) and not _a_book_listed(p)
        if not _a_table_row(p) or index in keyed  # no other table's rows: "| Land | …"
        for line in _lines(p)
    ]
    speakers = _speakers(read)
    most = max(TERMS_MAX, sum(len(line.split()) for line in read) // WORDS_A_TERM)
    for sentence, previous in itertools.takewhile(
        lambda _: len(found) < most, _with_previous(read)
    ):
        seed_sentence, sentence = sentence, _as_the_rules_read(_spoken(sentence, speakers))
        if previous is not None:
            _defined_after(found, previous, sentence)
        _defined(found, full_names, sentence, seed_sentence)
        if (did := what_it_did(sentence)) and did[0].casefold() not in described:
            described[did[0].casefold()] = (did, seed_sentence)
        _introduced_terms(found, sentence, seed_sentence)
    for (term, definition, aliases), sentence in described.values():
        _add(found, term, sentence, list(aliases), definition)  # a name no sentence defined
    # … and from a table's row only the name in its first cell ("| William Clark | Former army
    # officer, Lewis's one-time commander |" is no entry for "Former army officer")
    drafted = [t for t in found.values() if not _a_table_row(t.sentence) or _first_cell(t)]
    text = "\n".join(read)
    return [_own_names(term, text) for term in drafted[:most]]


def _speakers(lines: Sequence[str]) -> set[str]:
    """A transcript's speakers: the capitals before a colon that name a speaker's part
    ("NARRATOR: ", "HOST: ") or open three lines or more — not a revision list's "NATO:
    Founded in 1949" or "FDR: Elected 1932", nor a key line's "USSR: the Union of …"."""
    labels = Counter(said[0] for line in lines if (said := _A_SPEAKER.match(line)))
    return {label for label, count in labels.items() if count > 2 or _A_PART.match(label)}


_A_PART = re.compile(
    r"(?:NARRATOR|HOST|CO-HOST|PRESENTER|INTERVIEWER|GUEST|SPEAKER|ANNOUNCER|REPORTER|"
    r"CORRESPONDENT|VOICE(?:\s+\d|\s+OVER)?|TEACHER|STUDENT|GUIDE|CURATOR)\b"
)


def _spoken(sentence: str, speakers: set[str]) -> str:
    """`sentence` without the speaker (`_speakers`) it opens with: "NARRATOR: Later that
    morning, …" is "Later that morning, …"."""
    said = _A_SPEAKER.match(sentence)
    return sentence[said.end() :] if said and said[0] in speakers else sentence


def _own_names(term: TermDraft, text: str) -> TermDraft:
    """The term without a first name alone that someone else in the text has: "Princess
    Elizabeth" is not "Elizabeth" where the text names "Elizabeth I" (but "Prince Albert" is
    "Albert")."""
    titled = _A_TITLED.match(term.term)
    shared = [
        alias
        for alias in term.aliases
        if titled
        and term.term.endswith(f" {alias}")
        and re.search(rf"\b{re.escape(alias)}\s+(?:[IVX]+\b|[A-Z][a-z])", text)
    ]
    return replace(term, aliases=[a for a in term.aliases if a not in shared]) if shared else term


_A_TITLED = re.compile(
    r"(?:Prince|Princess|King|Queen|Emperor|Empress|Tsar|Tsarina|Sultan|Lord|Lady|Pope)\s"
)


def _first_cell(term: TermDraft) -> bool:
    """Whether a term drafted from a table's row is the name in its first cell."""
    return re.sub(r"[*_“”\"‘’]", "", term.sentence).strip("| ").startswith(term.term)


def _lines(paragraph: str) -> list[str]:
    """A key-terms list a plain-text file runs into one paragraph, a line each ("boycott -
    refusing to buy …\npicketing - standing outside …"); any other paragraph whole — a fact
    box ("Date: 29 March 1461\nCasualties: …") or a plan ("Monday: lesson on …") too."""
    lines = paragraph.splitlines()
    listed = len(lines) > 1 and all(GLOSSED_LINE.match(line) for line in lines)
    heads = [re.split(r":|\s[–—-]\s", line, maxsplit=1)[0] for line in lines]
    headed = 2 * sum(map(a_heading_word, heads)) > len(heads)  # most lines: "theme" is a term
    return lines if listed and not headed else [paragraph]


def _defined_after(found: dict[str, TermDraft], previous: tuple[str, str], sentence: str) -> None:
    """A term the sentence before named and this one defines ("… formed the Schmalkaldic
    League in 1531. This was a military alliance …"), with both sentences as its passage."""
    if not (after := defined_after(_as_the_rules_read(previous[0]), sentence)):
        return
    drafted = found.get(after[0].casefold())
    if drafted is not None and drafted.definition[:1].isupper():
        # "Students began to form groups called Red Guards. These were young people …": the
        # sentence after says what the name is, the one before did not
        found[after[0].casefold()] = TermDraft(drafted.term, drafted.aliases, previous[1], after[1])
    _add(found, after[0], previous[1], [], after[1])


def _defined(
    found: dict[str, TermDraft], full_names: dict[str, str], sentence: str, seed_sentence: str
) -> None:
    """The terms the sentence defines — a person by the full name the text first gave them
    ("Ball was a priest who …" after "John Ball") — and the full names it gives."""
    for term, definition, names in defined_terms(sentence):
        if term in full_names and says_who(definition):
            term, names = full_names[term], (*names, term)
        # a key-terms line's word is a term of its own: "Schism: a split within a religious
        # community", though "East–West Schism" is drafted
        line = re.match(rf"[*“\"‘']*{re.escape(term)}[*”\"’']*(?::|\s[–—-])\s", sentence)
        keyed = line is not None and not _A_CAPTION.match(definition)  # not "Empire: a map …"
        _add(found, term, seed_sentence, list(names), definition, keyed=keyed)
    for m in _FULL_NAME.finditer(sentence):
        first = list(itertools.dropwhile(_NOT_A_FIRST_NAME.__contains__, m[1].split()))
        if first:  # "Charles Stewart Parnell", not "King Charles", "In March"
            full_names.setdefault(m[2], " ".join([*first, m[2]]))


def _introduced_terms(found: dict[str, TermDraft], sentence: str, seed_sentence: str) -> None:
    """The acronyms, names given and coinages the sentence introduces and defines."""
    for term, _, aliases in _introduced([sentence]):
        said = defining_clause(term, aliases, sentence)
        if said == term and aliases:  # "GDR: German Democratic Republic", not itself
            _add(found, aliases[0], seed_sentence, [term], said)
        elif said is not None:
            _add(found, term, seed_sentence, aliases, said)


# A picture's caption, no key term's line: "Empire: a map of the Ottoman lands in 1683".
_A_CAPTION = re.compile(
    r"(?:a|an|the)\s+(?:[a-z]+\s+)?(?:map|photograph|photo|picture|image|painting|drawing|"
    r"cartoon|poster|engraving|sketch|plan|diagram|chart|table|graph)\b",
    re.IGNORECASE,
)
# A person's first and last name: "John Ball" (not "The Peasants", "In March").
_FULL_NAME = re.compile(r"\b((?:[A-Z][a-z]+\s+){1,3})([A-Z][a-z]{2,})\b(?!\s+[A-Z])")
_NOT_A_FIRST_NAME = {
    "The", "In", "On", "At", "By", "For", "From", "With", "When", "After", "Before", "During",
    "Under", "This", "That", "These", "Those", "His", "Her", "Their", "Its", "Our", "King",
    "Queen", "Lord", "Lady", "Sir", "Saint", "St", "Pope", "Emperor", "General", "Prince",
    "Princess", "Duke", "Earl", "Count", "Bishop", "Archbishop", "Cardinal", "President",
    "New", "North", "South", "East", "West", "Great", "Holy", "Old", "Upper", "Lower", "But",
    "And", "Then", "Many", "Some", "Most", "All", "Both", "Each", "Every", "Captain", "Major",
    "Colonel", "Lieutenant", "Admiral", "Marshal", "Sergeant", "Mr", "Mrs", "Miss", "Ms", "Dr",
    "Father", "Tsar", "Sultan", "Shah", *MONTHS,
}  # fmt: skip


# An exam question on a quoted claim: ""The Peasants' Revolt was a complete failure." How far
# do you agree?" — the claim is the question's, not the text's.
_A_QUOTED_QUESTION = re.compile(r"^\s*[“\"‘'].*\?\s*(?:\(\d+\s*marks?\))?\s*$", re.DOTALL)


_BOLD = re.compile(r"(\*\*\*|\*\*|__)(?=\S)([^*_\n]{1,60}?)(?<=\S)\1")  # "***Northern Star***" too


def _as_the_rules_read(paragraph: str) -> str:
    """The paragraph as the term rules read it: its bold words marked as they read a marked word,
    in italics — a writer sets a key term in bold ("**Pan-Africanism** is …") as often as in
    italics — and a hyphen between spaces read as the dash it stands for ("Stadtholder - the
    governor of a province", typed where a word processor would have set "–")."""
    if row := _A_TWO_CELL_ROW.fullmatch(paragraph):  # a table of key people or words
        name = re.sub(r"\s*\([^()]*\d[^()]*\)$", "", row[1].strip())  # not "(c. 1580–1631)"
        paragraph = f"{name} – {row[2].strip()}"
    return _SPACED_HYPHEN.sub(" –", _BOLD.sub(r"*\2*", paragraph))


_SPACED_HYPHEN = re.compile(r"(?<=\S) --?(?= \S)")  # "--" too: a plain-text file's dash
# A table's row read as a key line, its first cell by its second: "| Opechancanough |
# Pamunkey leader who led the attack of 1622 |" is "Opechancanough – Pamunkey leader who …",
# "| York | Enslaved African American man owned by Clark | Hunted, scouted … |" "York – …".
_A_TWO_CELL_ROW = re.compile(r"\|([^|]+)\|([^|]+)\|(?:[^|]*\|)*")


def _with_previous(
    paragraphs: Sequence[str],
) -> Iterator[tuple[str, tuple[str, str] | None]]:
    """Each sentence (of at most MAX_SENTENCE characters) with the one before it in its
    paragraph and the words of both as the paragraph has them: (sentence, (previous, both))."""
    for paragraph in paragraphs:
        at, previous = 0, None
        for sentence in sentences(paragraph):
            start = paragraph.find(sentence, at)
            if len(sentence) <= MAX_SENTENCE:
                both = paragraph[previous[1] : start + len(sentence)] if previous else ""
                yield sentence, ((previous[0], both) if previous else None)
            previous, at = (sentence, start), start + len(sentence)


def _add(
    found: dict[str, TermDraft],
    term: str,
    sentence: str,
    aliases: Sequence[str] = (),
    definition: str = "",
    *,
    keyed: bool = False,
) -> None:
    """`term` added to `found` unless it is too short, a common word, or already there (as a
    term or as another's alias) — or inside a drafted term, unless a key-terms line defines
    it (`keyed`)."""
    term = term.strip(" ,.;:").strip()
    if len(term) < 2 or term.casefold() in found or term in _STOP:
        return
    if _one_word(term) in {_one_word(drafted.term) for drafted in found.values()}:
        return  # "conversos" after "Converso": one word, which the glossary links either way
    inside = (
        re.search(rf"(?<!\bof )\b{re.escape(term)}\b(?![’']s\b)", d.term) for d in found.values()
    )
    if not keyed and any(inside):
        return  # "Gregory" when "Gregory clause" is drafted, but not "taiping" after "Taiping …"
        # nor "Mlanjeni", the prophet, after the "War of Mlanjeni" named after him, nor "Red
        # Cloud" after "Red Cloud's War"
    if any(term.casefold() in (a.casefold() for a in d.aliases) for d in found.values()):
        return
    found[term.casefold()] = TermDraft(
        term, [a for a in aliases if a != term], sentence, definition or sentence
    )


def _one_word(term: str) -> str:
    """A term folded as the glossary matches it, singular: "Conversos" is "converso"."""
    folded = term.casefold()
    return folded[:-1] if folded.endswith("s") and not folded.endswith("ss") else folded


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


# -- event titles, citations, ids and YAML -------------------------------------------------------

_LEADING_INTO = re.compile(
    r"(?:\b(?:early|late)\s+)?"  # "Late | in the afternoon of"
    r"\b(?:in|on|by|from|during|until|since|after|before|around|of|at|through|throughout|"
    r"towards?|(?<![\w’'-]\s)(?<![\w’'-]\s\s)that)(?:\s+the)?"  # … "That October the city …"
    r"(?:\s+(?:early|late|mid|middle|end|start|beginning|spring|summer|autumn|fall|winter)"
    r"(?:\s+of)?(?:\s+the)?)?"
    # "On the wet, grey morning of Monday 5 October 1789": its time of day and day of the week
    r"(?:\s+(?:[a-z]+,?\s+){0,2}(?:morning|afternoon|evening|night)\s+of)?"
    r"(?:\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?)?[\s-]*$",
    re.IGNORECASE,
)
_QUALIFIER = re.compile(
    r"\b(?:early|late|mid|the\s+(?:early|late|middle|end|start|beginning)\s+of|some|nearly|almost|"
    r"about|around|roughly|barely|scarcely|just|only|"
    # … "The war ended | less than | a year later" (a title had ended "The war ended less
    # than": batch 41)
    r"(?:less|more|no\s+more|little\s+more)\s+than)[\s-]*$",
    re.IGNORECASE,
)
_NEXT_CLAUSE = re.compile(r"\s*(?:[;—]|,\s+(?:and|but|which|who|while|whereas)\b)")
TITLE_WORDS = 10  # an event title is cut, at a phrase's start, to at most this many words
# Words that start a phrase an event title can end before: "The railway reached the town |
# after years of delay".
# ("until" is none: "… was not taken | until late September" would say the opposite)
_PHRASE_START = {
    "in", "on", "at", "to", "for", "with", "by", "after", "before", "which", "who", "that",
    "when", "as", "from", "during", "under", "over", "because", "while", "where", "and", "but",
    "following", "despite", "into", "through", "against", "between", "among",
}  # fmt: skip
_TIME_OF_DAY = re.compile(
    # "In the evening, …", "Early on the morning, the …" — not "Afternoon tea became …"
    r"^(?:(?:(?:early|late)\s+)?(?:(?:in|on|at|by)\s+)?(?:the\s+)?"
    r"(?:evening|morning|night|afternoon|end|beginning|start)\b"
    r"(?=\s*,|\s+(?:of|the|a|an|he|she|they|it|we|his|her|their|its)\b)\s*,?\s*)?"
    # … and its hour: "Early on the morning of 6 October, at about six o'clock, …"
    r"(?:(?:at\s+)?(?:about|around)\s+[a-z]+\s+o['’]clock\s*,?\s*)?",
    re.IGNORECASE,
)


def event_title(sentence: str, start: int, end: int) -> str:
    """A short title: the sentence without its date phrase and the words leading into it."""
    if re.match(r"\s*\|", sentence):  # a timeline's row: what its other cells say
        return _a_row_s_title(sentence, sentence[start:end])
    if re.search(r"\|\s*$", sentence):  # a row's last sentence: its cells as clauses
        sentence = sentence.replace("|", ";")
    before, after = NOTE_MARK.sub("", sentence[:start]), sentence[end:]  # "[2] The order …"
    opened = before.rfind("(")
    if opened >= 0 and ")" not in before[opened:] and ")" in after:
        # "The second and third voyages (1407–1409 and 1409–1411) went back": without the
        # bracket the date is in
        before, after = before[:opened], after[after.index(")") + 1 :]
    if until := _UNTIL.search(before):
        # "… was not taken until late September": the title keeps its "until", or it says the
        # opposite of what happened — without an aside between dashes that would cut it off
        # ("Pasteur did not publish his germ theory — the idea that … — until 1861")
        after = f" {until[0].strip()} {sentence[start:end]}{after}"
        before = _DASH_ASIDE.sub(" ", before[: until.start()]) + before[until.start() :]
    if (told_in := _told_in_a_relative_clause(before)) != before:
        before, after = told_in, re.split(r"[,;:]", after, maxsplit=1)[0]  # … to its end
    before = _LEADING_INTO.sub("", _QUALIFIER.sub("", _BRACKETED.sub("", before)))
    after = _BRACKETED.sub("", after)  # "Emily Davison (a militant suffragette; …) died"
    # … and an aside between the subject and its verb: "Isaac Butt, a Protestant barrister …,
    # founded the Home Government Association"
    before, after = _COMMA_ASIDE.sub(" ", before), _COMMA_ASIDE.sub(" ", after)
    # … and the clauses before the one the date is in: "Squatters overran Sutter's lands, | and
    # he died in 1880"
    told = _ITS_OWN_CLAUSE.search(before)
    rest = f"{before[told.end() :]} {after}" if told else ""
    if told and not quoting(before[: told.start()]) and len(rest.split()) > 2:
        before = before[told.end() :]
    if before.strip(" ,") and (cut := next(_unquoted_ends(before, after), None)) is not None:
        after = after[:cut]  # "The famine lasted from 1845 to 1852 | , and …"
    rest = f"{before.rstrip()} {after.lstrip()}".strip()
    rest = re.sub(r"\s+([,.;:])", r"\1", rest)
    rest = re.sub(r",(?=[:;])", "", rest)  # "Remember three dates, | 1914 |: war breaks out"
    rest = re.sub(r"^[\s,;:–-]+|(?<=[a-z]),\s*,", "", rest)
    rest = _TIME_OF_DAY.sub("", rest)
    subject = re.match(r"(?:was|were|is|are|had|became|saw|brought)\b", after.strip(" ,"))
    if subject and before.strip() in ("", "The", "the"):
        # "The weeks that followed were chaotic", "The early 1950s had been a time of terror"
        rest = f"{before.strip()} {sentence[start:end]} {after.strip(' ,')}".strip()
    rest = re.sub(r"^(?:and|but|then)\s+", "", rest.strip(" ,;:"), flags=re.IGNORECASE)
    if not before.strip() and len(rest.split()) > TITLE_WORDS:
        # "Three days later, | at the Wujek coal mine in Katowice, riot police shot …": what
        # happened, not only where
        rest = _AN_OPENING_PHRASE.sub("", rest)
    words = _plain(rest).rstrip(".!?").split()
    title = " ".join(_short_title(words)).rstrip(",;:–—- ")
    return title[:1].upper() + title[1:] if title else "Dated event"


def _a_row_s_title(row: str, date: str) -> str:
    """A timeline row's title: its cells but the date's, "| Fulford | 20 September 1066 | Norse
    victory |" → "Fulford – Norse victory", "| 1795 | Kamehameha I wins … |" → "Kamehameha I
    wins …"."""
    cells = [cell.strip() for cell in row.strip().strip("|").split("|")]
    # … a cell that opens with the date says what happened after it: "|  22 Nov 1909  Cooper
    # Union meeting votes for a general strike  |", a key-dates box drawn in a text file
    # (not "| 1920 | 1920s boom begins … |", "| 1905 | 1905 Revolution … |": a name's)
    cells = [
        cell.removeprefix(date).lstrip(" :–—-")
        if re.match(rf"{re.escape(date)}(?:\s{{2}}|\s*[:–—]\s|\s+-\s)", cell)
        else cell
        for cell in cells
    ]
    said = " – ".join(cell for cell in cells if cell and not _only_a_date(cell))
    words = _plain(NOTE_MARK.sub("", said)).rstrip(".!?").split()
    title = " ".join(_short_title(words)).rstrip(",;:–—- ")
    return title[:1].upper() + title[1:] if title else "Dated event"


def _told_in_a_relative_clause(before: str) -> str:
    """The words before a date that a relative clause about a person tells, as their own
    clause: "One of the people who responded was Claudia Jones, a journalist …, who had been
    deported from the United States | in 1955" → "Claudia Jones had been deported from the
    United States"; "… after David Gaillard, the engineer in charge of it, who died | in 1913"
    → "David Gaillard died". Only "who" and its verb after a full name the sentence names as
    itself (not "… of Henry VIII and Anne Boleyn, who was crowned": the daughter; not "…, which
    …": a clause or a noun, the words do not say which); other words are as they were."""
    rel = _WHO_DID_OPEN.search(before)
    if rel is None or not before[: rel.start()].strip():
        return before
    antecedent = _AN_APPOSITIVE_AT_THE_END.sub("", before[: rel.start()])
    person = _A_PERSON_AT_THE_END.search(antecedent)
    if person is None or _A_TIME_WORD.search(rel["clause"]):
        return before  # "who had commanded since …": when, told from another date
    return f"{person['name']} {rel['clause']}"


_WHO_DID_OPEN = re.compile(
    rf",\s+who\s+(?P<clause>(?:[a-z]+ly\s+)?(?:{FINITE_VERB}|would|could|had|has)\b[^,;:()–—]*)$"
)
_AN_APPOSITIVE_AT_THE_END = re.compile(r",\s+(?:a|an|the)\s+[a-z][^,;:()]*$")
# A full name a sentence names as itself: after a verb or a preposition, not after "and", "of"
# or "the" ("the daughter of Henry VIII and | Anne Boleyn").
_A_PERSON_AT_THE_END = re.compile(
    r"(?:^|\b(?:was|were|is|by|to|after|with|from|for|against|under)\s+)"
    r"(?P<name>[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){1,3})$"
)
_A_TIME_WORD = re.compile(r"\b(?:since|after|before|until|till|when)\b")


# An aside between dashes, left out of a title before its "until" (`event_title`).
_DASH_ASIDE = re.compile(r"\s+[—–]\s+[^—–]{1,150}?\s+[—–](?=\s)")
# "until" (and what qualifies the date after it) just before a date: "not taken until late |
# September", "remained outside his control until | 1810".
_UNTIL = re.compile(r"\b(?:until|till)(?:\s+(?:early|late|mid|the\s+(?:end|middle)\s+of))?\s*$")


# Where or how a happening was, before its subject and verb: "at Amritsar in the Punjab, |
# British-led troops opened fire", "meeting in the Great Reformed Church of Debrecen, |
# parliament adopted …".
_AN_OPENING_PHRASE = re.compile(
    # (not "in New Zealand," "with the exception of Japan,": the title would say more than
    # the text)
    r"^(?i:at|near|outside|inside|meeting)\s(?!the\s+(?:first|last|second)\s+meeting\b)"
    rf"(?:(?!\b{FINITE_VERB}\b)[^,;:–—()]){{2,80}}?,\s+"
    rf"(?!(?:who|whom|whose|which|where|when)\b)(?=(?:[\w’'-]+\s+){{1,5}}?(?:[a-z]+ly\s+)?"
    rf"{FINITE_VERB}\b)"
)
# An aside between commas a title leaves out: who the subject is, before its verb.
_COMMA_ASIDE = re.compile(  # … or an office held since a year: ", Foreign Secretary since 1905,"
    rf",\s+(?:(?:a|an|the|who|whose|which)\s[^,;:()]{{2,150}}?|{_OFFICE_SINCE}\d{{4}}),\s+"
    rf"(?={_THE_VERB_AFTER})"
)
# Where the last clause before a date's begins: "…, and | he died in 1880", "…; | it was".
_ITS_OWN_CLAUSE = re.compile(
    r"(?:,\s+(?:and|but|while|whereas)\s+|;\s+)(?!.*(?:,\s+(?:and|but)\s|;\s))"
)
# An aside in brackets a title leaves out — four words or more, or two clauses: "(a militant
# suffragette; she had been imprisoned nine times)"; not "(Lord Darnley)", "(Queen of Scots)",
# nor a Markdown link's "](/raf)".
_BRACKETED = re.compile(r"\s*(?<!\])\((?=[^()]*;|(?:[^()\s]+\s+){3}[^()\s])[^()]*\)")


def _unquoted_ends(before: str, after: str) -> Iterator[int]:
    """Where a clause ends in `after` (`_NEXT_CLAUSE`) outside a quotation — one `before`
    opened counts — read once from its start."""
    curly, straight, at = before.count("“") - before.count("”"), before.count('"') % 2, 0
    for m in _NEXT_CLAUSE.finditer(after):
        piece, at = after[at : m.start()], m.start()
        curly += piece.count("“") - piece.count("”")
        straight = (straight + piece.count('"')) % 2
        if curly <= 0 and not straight:
            yield m.start()


def _plain(text: str) -> str:
    """Text from a Markdown or HTML seed as it reads, for a title (plain text, not Markdown):
    "the [railway](/rail) reached *Adlertag*" is "the railway reached Adlertag"."""
    text = _EMPHASIS.sub("", link_text(text))
    return re.sub(r"(?<![\w])_([^_\n]+)_(?![\w])", r"\1", text)


_EMPHASIS = re.compile(r"\*+|`+")


def _short_title(words: list[str]) -> list[str]:
    """At most TITLE_WORDS words, cut where a phrase starts (never mid-phrase, nor in a
    quotation); "…" only when no phrase starts within reach."""
    if len(words) <= TITLE_WORDS:
        return words
    # a clause's end first, then a phrase's start; never inside a quotation
    cuts = [cut for cut in range(TITLE_WORDS, 3, -1) if not quoting(" ".join(words[:cut]))]
    for cut in cuts:
        if words[cut - 1].endswith((",", ";", ":")):
            return words[:cut]
    for cut in cuts:
        if words[cut].lower() in _PHRASE_START:
            return words[:cut]
    return [*words[: TITLE_WORDS - 1], words[TITLE_WORDS - 1].rstrip(",;:") + "…"]


def uncited(text: str) -> str:
    """The document's text for a drafted field that is rendered as Markdown: `[@id]` in it is
    the source's own text, not a citation, so its bracket is escaped."""
    return text.replace("[@", "\\[@")


def literal(text: str) -> str:
    """Text set in Markdown exactly as written (a title, a file name)."""
    return re.sub(r"([\\`*_\[\]<>#!|~])", r"\\\1", text)


def cite_quotes(
    paragraph: str, seed_id: str, citation: str | None = None, *, end: bool = True
) -> str:
    """The paragraph with a citation after each quotation inside it, and one at its end
    (unless not `end`: a table's row): `citation` (the paragraph's, with its page), else
    `[@seed_id]`."""
    citation = citation or f"[@{seed_id}]"
    paragraph = uncited(paragraph)
    cited = re.sub(
        r"(“[^“”\n]{1,300}”|\"[^\"\n]{1,300}\")(?!\s*\[@)",
        lambda m: f"{m[1]} {citation}",
        paragraph,
    )
    return f"{cited} {citation}" if end else cited


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
