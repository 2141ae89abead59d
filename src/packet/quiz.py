"""A lesson's questions as a learning platform takes them (`packet export`): the formats'
common ground, made from the packet views, which `qti.py` (Canvas) and `moodlexml.py`
(Moodle) write out.

What a student sees — the question, the reading and the documents it needs — comes from the
student edition; what only the teacher sees — model answers, activity keys, the mark scheme —
from the teacher edition, and goes only where the platforms keep it from students (Canvas's
answer comments, hidden by the quiz's settings; Moodle's information for graders).

Every item's identifier is a digest of the lesson and the item's own key (a question's is a
digest of what it asks, `QuestionView.key`): the same lesson exports the same identifiers,
an edited question a new one.

The instructions and labels packet itself adds ("Model answer:", "Document A: …", the date
fill-in's instructions, the names of the questions in a platform's question bank) are in the
language of packet's own words (`Packet.ui_language`: packet.toml's `language` or
`packet export --language`). The identifiers never depend on it: they are digests of the
lesson's content and of packet's English words, so a teacher who exports the same lesson
again in another language re-imports the same questions, not new ones. The spellings a date
fill-in accepts (`date_spellings`) are English ones, as the sources' date labels are.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from markupsafe import escape

from .activities import SourceComparison, TimelineActivity, Vocabulary
from .i18n import ENGLISH, N_, Words
from .text import xml_text

if TYPE_CHECKING:
    from lxml.etree import _Element
    from lxml.html import HtmlElement

    from .assemble import DocumentView, ModuleView, Packet, QuestionView

# The lines of the answer box a platform shows, by a question's `space` (as the PDF's room),
# and the marks a written answer is worth to start with (the teacher may change them).
RESPONSE_LINES = {"line": 2, "short": 5, "long": 15}
ESSAY_POINTS = {"line": 1, "short": 2, "long": 4}
TASK_POINTS = 10
# At most this much of a question's text names it in a platform's question bank.
NAME_LENGTH = 120
# A quiz's title (Canvas) and a question category's name (Moodle) hold 255 characters.
TITLE_LENGTH = 250
# Dates a fill-in accepts in other spellings: "17 April 1975", "April 1975", "1950s".
_FULL_DATE = re.compile(r"^(\d{1,2}) ([A-Z][a-z]+) (\d{3,4})$")
_MONTH_YEAR = re.compile(r"^([A-Z][a-z]+) (\d{3,4})$")
_DECADE = re.compile(r"(\d0)s\b")
MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
# A mark scheme's marks ("Level 3 (6–8 marks)"): the final task is worth its highest.
_MARKS = re.compile(r"(\d+)\s+marks?\b", re.IGNORECASE)
# The date fill-in: the date alone, in the words the sources use.
DATE_INSTRUCTIONS = N_(
    "Type the date of this event as the sources give it, and only the date: a year, a "
    "month and year, or words such as “the early 1960s”."
)
# What a source's details in [square brackets] mean, as the packet's Sources section says.
BRACKETS_NOTE = N_(
    "Details in [square brackets] are not stated in the source itself; the unit's editors "
    "supplied them."
)


@dataclass(frozen=True)
class Reading:
    """Something to read before the questions after it: a module's text (no answer, no marks)."""

    ident: str
    name: str
    html: str


@dataclass(frozen=True)
class Essay:
    """A written answer, marked by the teacher with the model answer (or mark scheme) at hand."""

    ident: str
    name: str
    html: str
    feedback_html: str  # for the teacher: never shown with the question
    lines: int  # the answer box's height
    points: int


@dataclass(frozen=True)
class Matching:
    """Each prompt matched with one answer; spare answers match none."""

    ident: str
    name: str
    html: str
    pairs: tuple[tuple[str, str], ...]  # (prompt, its answer), plain text
    spares: tuple[str, ...] = ()

    @property
    def points(self) -> int:
        return len(self.pairs)


@dataclass(frozen=True)
class Ordering:
    """Items to put in order; `items` is the right order, earliest first."""

    ident: str
    name: str
    html: str
    items: tuple[str, ...]
    feedback_html: str = ""
    asked: tuple[str, ...] = ()  # the items in the order the packet asks them (shuffled)

    @property
    def points(self) -> int:
        return len(self.items)

    def positions(self, words: Words = ENGLISH) -> tuple[str, ...]:
        """The places an item can take, for a platform without an ordering question, in
        `words`' language ("1 (earliest)", "2", …); in English, what their identifiers are
        made from, whatever the language the student reads them in."""
        last = len(self.items)
        return tuple(
            words.say("{number} (earliest)", number=n)
            if n == 1
            else words.say("{number} (latest)", number=n)
            if n == last
            else f"{n}"
            for n in range(1, last + 1)
        )


@dataclass(frozen=True)
class FillIn:
    """A short answer marked right when it is one of `answers` (letter case aside)."""

    ident: str
    name: str
    html: str
    answers: tuple[str, ...]
    feedback_html: str
    points: int = 1


Item = Reading | Essay | Matching | Ordering | FillIn


@dataclass(frozen=True)
class Quiz:
    ident: str
    title: str
    description_html: str
    language: str  # the content's (the title's) language
    items: tuple[Item, ...]
    ui_language: str = "en"  # packet's own words' language (i18n.py): its instructions, labels

    @property
    def questions(self) -> tuple[Item, ...]:
        """The items a student answers."""
        return tuple(item for item in self.items if not isinstance(item, Reading))


def ident(*parts: str) -> str:
    """An identifier both platforms accept (a letter, then hex): a digest of `parts`."""
    return "p" + hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:24]


def quiz_of(student: Packet, teacher: Packet, project_title: str) -> Quiz:
    """The lesson's questions from its two editions (assembled with the same sections and
    language: packet's own words in the quiz are in `student.ui_language`)."""
    quiz_id = ident(project_title, student.lesson_id)
    items = list(_Items(student, teacher, quiz_id))
    description = f"<p>{escape(student.enquiry)}</p>" if student.enquiry else ""
    if student.lesson_summary:
        description += f"<p>{escape(student.lesson_summary)}</p>"
    return Quiz(
        ident=quiz_id,
        title=_short(student.lesson_title, TITLE_LENGTH),
        description_html=description,
        language=student.language,
        items=tuple(items),
        ui_language=student.ui_language,
    )


class _Items:
    """The items of one lesson, in the order the packet prints them."""

    def __init__(self, student: Packet, teacher: Packet, quiz_id: str) -> None:
        self.student = student
        self.teacher = teacher
        self.quiz_id = quiz_id
        self.documents = {d.id: d for d in student.documents}
        self.words = Words(student.ui_language)

    def __iter__(self) -> Iterator[Item]:
        answers = _answers(self.teacher, self.words)
        for module in self.student.modules:
            if module.questions:
                yield from self._module(module, answers)
        yield from self._activities()
        say = self.words.say
        for document in self.student.documents:
            for question in document.questions:
                name = say(
                    "Document {letter}, question {number}",
                    letter=document.letter,
                    number=question.number,
                )
                needs = (document.id, *question.documents)
                yield self._essay(document.anchor, question, answers, name, needs)
        yield from self._task()

    def _id(self, *parts: str) -> str:
        """An item's identifier: never from packet's words in the export's language."""
        return ident(self.quiz_id, *parts)

    def _label(self, label: str) -> str:
        """`label` with the colon after it, as the language writes it: "Model answer:",
        « Réponse modèle : »."""
        return self.words.say("{label}:", label=label)

    def _strong(self, label: str) -> str:
        """One of packet's labels (marked with `N_`) in bold, its colon after it:
        `<strong>Mark scheme:</strong>`."""
        return f"<strong>{escape(self._label(self.words.say(label)))}</strong>"

    def _clean(self, html: str) -> str:
        return clean_html(html, self.words)

    def _name(self, text: str) -> str:
        """An item's name in the platform's question bank: the lesson's id first, so one
        lesson's questions are told from another's."""
        return _short(f"{self.student.lesson_id} · {text}")

    def _module(self, module: ModuleView, answers: dict[tuple[str, str], str]) -> Iterator[Item]:
        title = f"{module.number}. {module.title}"
        yield Reading(
            self._id("reading", module.id),
            self._name(self.words.say("{title} — reading", title=title)),
            f"<h2>{escape(title)}</h2>\n{self._clean(module.body_html)}",
        )
        for question in module.questions:
            name = f"{module.number}.{question.number} {plain(question.html)}"
            yield self._essay(module.id, question, answers, name, question.documents)

    def _essay(
        self,
        owner: str,
        question: QuestionView,
        answers: dict[tuple[str, str], str],
        name: str,
        documents: Sequence[str],
    ) -> Essay:
        """A question of `owner` (a module's id, a document's anchor): its key is unique
        only there — the same question may be asked of two documents."""
        needed = [self.documents[d] for d in dict.fromkeys(documents) if d in self.documents]
        html = "".join(document_html(d, self.words) for d in needed)
        html += f"<p>{self._clean(question.html)}</p>"
        model = self._strong(N_("Model answer"))
        return Essay(
            self._id("question", owner, question.key),
            self._name(name),
            html,
            f"<p>{model} {answers.get((owner, question.key), '')}</p>",
            RESPONSE_LINES[question.space],
            ESSAY_POINTS[question.space],
        )

    def _activities(self) -> Iterator[Item]:
        for activity in self.teacher.activities:
            if isinstance(activity, Vocabulary):
                yield self._vocabulary(activity)
            elif isinstance(activity, TimelineActivity):
                yield from self._timeline(activity)
            elif isinstance(activity, SourceComparison):
                yield from self._comparison(activity)

    def _vocabulary(self, activity: Vocabulary) -> Matching:
        say = self.words.say
        meaning = {d.letter: plain(d.html) for d in activity.definitions}
        used = {t.answer for t in activity.terms}
        instructions = (
            say("Match each term to its meaning. Some meanings are left over.")
            if len(meaning) > len(used)
            else say("Match each term to its meaning.")
        )
        return Matching(
            self._id("vocabulary"),
            self._name(say(activity.title)),
            f"<p>{escape(instructions)}</p>",
            tuple((t.term, meaning[t.answer]) for t in activity.terms),
            tuple(meaning[d.letter] for d in activity.definitions if d.letter not in used),
        )

    def _timeline(self, activity: TimelineActivity) -> Iterator[Item]:
        say = self.words.say
        if len(activity.order) >= 2:
            in_order = sorted(activity.order, key=lambda e: e.position)
            key = "".join(f"<li>{escape(e.title)} ({escape(e.label)})</li>" for e in in_order)
            instructions = say(
                "Put these events in order, from the earliest to the latest. Work from what "
                "you have read in this lesson."
            )
            the_order = self._strong(N_("The order"))
            yield Ordering(
                self._id("order"),
                self._name(say("Put these events in order")),
                f"<p>{escape(instructions)}</p>",
                tuple(e.title for e in in_order),
                f"<p>{the_order}</p><ol>{key}</ol>",
                tuple(e.title for e in activity.order),
            )
        date_instructions = f"<p>{escape(say(DATE_INSTRUCTIONS))}</p>"
        sources_give = self._strong(N_("The sources give"))
        for event in activity.dates:
            label = escape(event.label)
            detail = self._clean(event.detail_html)
            yield FillIn(
                self._id("date", event.event or event.title),
                self._name(say("Date of: {title}", title=event.title)),
                date_instructions + f"<p><strong>{escape(event.title)}.</strong> {detail}</p>",
                # The date in the packet's language, and as English writes it
                tuple(dict.fromkeys((event.label, *date_spellings(event.english or event.label)))),
                f"<p>{sources_give} {label}</p>",
            )

    def _comparison(self, activity: SourceComparison) -> Iterator[Item]:
        """The worksheet's rows, then its judgement. A row's identifier is made from its
        prompt in English (`WorksheetRow.prompt`; a disagreement's topic as the project wrote
        it), the student reads it in the export's language (`WorksheetRow.said`)."""
        say, label = self.words.say, self._label
        about = self._sources(activity.columns)
        title = say(activity.title)
        each = "".join(f"<li>{escape(label(column))}</li>" for column in activity.columns)
        answer_each = escape(label(say("Answer for each source")))
        each_gives = self._strong(N_("What each source gives"))
        for number, row in enumerate(activity.rows, start=1):
            key = "".join(
                f"<li><strong>{escape(label(column))}</strong> {self._clean(answer)}</li>"
                for column, answer in zip(activity.columns, row.answers, strict=True)
            )
            prompt = row.said(self.words)
            numbered = label(f"{title} {number}")
            yield Essay(
                self._id("comparison", str(number), row.prompt),
                self._name(f"{numbered} {prompt}"),
                f"{about}<p><strong>{escape(prompt)}</strong></p>"
                f"<p>{answer_each}</p><ul>{each}</ul>",
                f"<p>{each_gives}</p><ul>{key}</ul>",
                RESPONSE_LINES["long" if row.tall else "short"],
                ESSAY_POINTS["long" if row.tall else "short"],
            )
        notes = "".join(f"<li>{self._clean(n)}</li>" for n in activity.judgement_notes)
        judgement = say(activity.judgement)
        look_for = self._strong(N_("Look for"))
        yield Essay(
            self._id("comparison-judgement"),
            self._name(f"{label(title)} {judgement}"),
            f"{about}<p>{escape(judgement)}</p>",
            f"<p>{look_for} {escape(say(activity.look_for))}</p>"
            + (f"<ul>{notes}</ul>" if notes else ""),
            RESPONSE_LINES["long"],
            ESSAY_POINTS["long"],
        )

    def _task(self) -> Iterator[Item]:
        task, scheme = self.student.task, self.teacher.task
        if task is None or scheme is None:
            return
        needed = [self.documents[d] for d in task.document_ids if d in self.documents]
        plan = "".join(f"<li>{self._clean(row)}</li>" for row in task.plan)
        starters = "".join(f"<li>{self._clean(row)}</li>" for row in task.starters)
        html = "".join(document_html(d, self.words) for d in needed)
        html += f"<p>{self._clean(task.prompt_html)}</p>"
        plan_yours = self._strong(N_("Plan your answer"))
        if plan:
            html += f"<p>{plan_yours}</p><ol>{plan}</ol>"
        ways = self._strong(N_("Ways to begin"))
        if starters:
            html += f"<p>{ways}</p><ul>{starters}</ul>"
        marks = "".join(f"<li>{self._clean(row)}</li>" for row in scheme.mark_scheme)
        # The marks are read in the mark scheme's own words: English ones ("6–8 marks").
        out_of = [int(n) for row in scheme.mark_scheme for n in _MARKS.findall(plain(row))]
        final = self._label(self.words.say("Final task"))
        scheme_label = self._strong(N_("Mark scheme"))
        yield Essay(
            self._id("task"),
            self._name(f"{final} {plain(task.prompt_html)}"),
            html,
            f"<p>{scheme_label}</p><ul>{marks}</ul>" if marks else "",
            RESPONSE_LINES["long"] * 2,
            max(out_of, default=TASK_POINTS),
        )

    def _sources(self, shorts: Sequence[str]) -> str:
        """The sources a comparison names, as the packet's Sources section gives them: who
        made each, what kind of source it is, and what it was for."""
        say = self.words.say
        by_short = {s.short: s for s in self.student.sources}
        rows = []
        for short in shorts:
            source = by_short.get(short)
            if source is None:
                continue
            kind = say(source.kind)
            rows.append(
                f"<li><strong>{escape(self._label(short))}</strong> "
                f"{self._clean(source.citation_html)} "
                f"{escape(kind[:1].upper() + kind[1:])}. {escape(source.kind_basis)}</li>"
            )
        if not rows:
            return ""
        note = "" if "[" not in "".join(rows) else f"<p><em>{escape(say(BRACKETS_NOTE))}</em></p>"
        the_sources = self._strong(N_("The sources"))
        return f"<p>{the_sources}</p><ul>{''.join(rows)}</ul>{note}"


def _answers(teacher: Packet, words: Words) -> dict[tuple[str, str], str]:
    """Each question's model answer by its owner (a module's id, a document's anchor) and
    key, as HTML for the teacher."""
    owned = [(m.id, q) for m in teacher.modules for q in m.questions]
    owned += [(d.anchor, q) for d in teacher.documents for q in d.questions]
    return {(owner, q.key): clean_html(q.answer_html, words) for owner, q in owned}


def document_html(document: DocumentView, words: Words = ENGLISH) -> str:
    """A document as a question carries it: its headnote, every line numbered, its source;
    packet's words in `words`' language."""
    say = words.say
    heading = say("Document {letter}: {title}", letter=document.letter, title=document.title)
    parts = [f"<h3>{escape(heading)}</h3>"]
    if document.headnote_html:
        parts.append(f"<p><em>{clean_html(document.headnote_html, words)}</em></p>")
    if document.facts:
        labelled = [(say("{label}:", label=k), v) for k, v in document.facts]
        facts = "".join(f"<li>{escape(k)} {escape(v)}</li>" for k, v in labelled)
        parts.append(f"<ul>{facts}</ul>")
        if any("[" in v for _, v in document.facts):
            parts.append(f"<p><em>{escape(say(BRACKETS_NOTE))}</em></p>")
    if document.figure_html:
        parts.append(clean_html(document.figure_html, words))
    rows = []
    for block in document.blocks:
        for line in block.lines:
            number = str(line.number) if line.number else ""
            text = str(escape(line.text))
            if block.kind != "text":  # an omission or an editor's note
                text = f"<em>{text}</em>"
            rows.append(f"<tr><td>{number}</td><td>{text}</td></tr>")
    if rows:
        # The columns' headings: the line's number, and the line.
        headings = "".join(f"<th>{escape(say(h))}</th>" for h in (N_("Line"), N_("Text")))
        parts.append(
            f"<table><thead><tr>{headings}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
        )
    source = escape(say("Source:"))
    parts.append(f"<p>{source} {clean_html(document.citation_html, words)}</p>")
    return "\n".join(parts)


def date_spellings(label: str) -> tuple[str, ...]:
    """The date as the sources give it, and the usual ways a student writes that same date:
    "April 17, 1975", "17th April 1975" or "17 Apr 1975" for "17 April 1975"; "Apr 1975" for
    "April 1975"; "1950's" for "1950s"; a hyphen for a dash; "circa" for "c."; and each
    with the words a student puts before a date ("in", "on", "the"). Never another date."""
    forms = [label]
    full, month_year = _FULL_DATE.match(label), _MONTH_YEAR.match(label)
    if full and full[2] in MONTHS:
        day, month, year = full.groups()
        forms += [
            f"{month} {day}, {year}",
            f"{month} {day} {year}",
            f"{day}{_ordinal(int(day))} {month} {year}",
            f"{day} {month[:3]} {year}",
        ]
    elif month_year and month_year[1] in MONTHS:
        month, year = month_year.groups()
        forms += [f"{month}, {year}", f"{month[:3]} {year}"]
    if label.startswith("c. "):
        forms += [f"c.{label[3:]}", f"circa {label[3:]}"]
    forms += [f.replace("–", "-").replace("—", "-") for f in forms]
    forms += [_DECADE.sub(r"\1's", f) for f in forms if _DECADE.search(f)]
    leads = ["on "] if full else ["in "]
    if label.split(" ", 1)[0] in ("early", "mid", "late"):
        leads += ["the ", "in the "]
    return tuple(dict.fromkeys(forms + [lead + f for lead in leads for f in forms]))


def _ordinal(day: int) -> str:
    if day in (11, 12, 13):
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")


def _short(text: str, length: int = NAME_LENGTH) -> str:
    text = " ".join(text.split())
    return text if len(text) <= length else text[: length - 1].rstrip() + "…"


def _fragment(html: str) -> HtmlElement:
    from lxml import html as lxml_html

    return lxml_html.fragment_fromstring(xml_text(html or ""), create_parent="div")


def plain(html: str) -> str:
    """The text of an HTML fragment, its spaces collapsed."""
    return " ".join(_fragment(html).text_content().split())


# What a platform may keep of packet's HTML: structure and emphasis, no ids, classes or links
# into the packet (a question stands alone in a platform).
_KEPT_ATTRIBUTES = {"a": {"href"}, "td": {"colspan", "rowspan"}, "th": {"colspan", "rowspan"}}


def clean_html(html: str, words: Words = ENGLISH) -> str:
    """Packet's HTML as a platform shows it: a paragraph's number in bold before it, a
    figure as its description (introduced in `words`' language), links within the packet as
    their text, no ids or classes."""
    from lxml import html as lxml_html

    root = _fragment(html)
    for number in root.find_class("pnum"):
        number.tag = "strong"
        number.tail = " " + (number.tail or "")
    for image in list(root.iter("img")):
        image.tag = "em"
        alt = image.get("alt")
        image.text = (
            words.say("[Figure: {description}]", description=alt)
            if alt
            else words.say("[Figure: no description]")
        )
    for link in list(root.iter("a")):
        if not link.get("href", "").startswith(("https://", "http://", "mailto:")):
            link.drop_tag()
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        kept = _KEPT_ATTRIBUTES.get(element.tag, set())
        for name in list(element.attrib):
            if name not in kept:
                del element.attrib[name]
    for span in list(root.iter("span")):  # only packet's styling hooks: nothing left to say
        span.drop_tag()
    inner = lxml_html.tostring(root, encoding="unicode", method="html")
    return inner.removeprefix("<div>").removesuffix("</div>")


def sub_element(parent: _Element, tag: str, text: str | None = None, **attributes: str) -> _Element:
    """A child element of a platform's XML, its text and attribute values as XML can hold
    them (`text.xml_text`); both writers (`qti.py`, `moodlexml.py`) build their trees with it."""
    from lxml import etree

    element = etree.SubElement(parent, tag, {k: xml_text(v) for k, v in attributes.items()})
    if text is not None:
        element.text = xml_text(text)
    return element


def xml_bytes(root: _Element) -> bytes:
    """A platform's XML file: UTF-8, declared, indented."""
    from lxml import etree

    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True))
