"""A packet as a Word file (`--format docx`): the packet view the PDF is made from, written
with python-docx in real styles for a teacher to edit — structure, not the PDF's look.

Only what Word, LibreOffice and Google Docs all keep is used: paragraph and character
styles, tables, paragraph borders (the ruled answer lines), document properties. Numbers
(paragraphs, questions, document lines) are written out rather than made by list
numbering, which each program continues and restarts in its own way.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from markupsafe import Markup

from .activities import SourceComparison, TimelineActivity, Vocabulary

if TYPE_CHECKING:
    from .assemble import DocumentView, ModuleView, Packet, QuestionView

# The styles packet adds to Word's own (Title, Heading 1–3, List Bullet, Quote, …).
NUMBERED = "Numbered Paragraph"
QUESTION = "Question"
ANSWER_LINE = "Answer Line"
MODEL_ANSWER = "Model Answer"
TEACHER_NOTE = "Teacher Note"
DOCUMENT_LINE = "Document Line"
# Ruled lines under a question, by its `space`: as the PDF gives them room.
LINES = {"line": 1, "short": 3, "long": 6}
SECTION_TITLES = {
    "documents": "Documents",
    "timeline": "Timeline",
    "glossary": "Glossary",
    "sources": "Sources",
    "questions": "Questions",
    "comparison": "Where the Sources Disagree",
}
# The same bytes for the same packet: every part of the file carries this time.
FIXED_TIME = (1980, 1, 1, 0, 0, 0)
_XHTML = "{http://www.w3.org/1999/xhtml}"


def docx_bytes(packet: Packet) -> bytes:
    """The packet as a .docx file."""
    import docx

    document = docx.Document()
    _styles(document)
    _properties(document, packet)
    writer = _Writer(document, packet)
    writer.cover()
    writer.contents()
    if packet.edition == "teacher":
        writer.guidance()
    for module in packet.modules:
        writer.module(module)
    for activity in packet.activities:
        writer.activity(activity)
    if packet.task and "documents" not in packet.sections:
        writer.task()
    for section in packet.sections:
        writer.section(section)
        if section == "documents" and packet.task:
            writer.task()
    data = io.BytesIO()
    document.save(data)
    return _reproducible(data.getvalue())


def _reproducible(data: bytes) -> bytes:
    """The .docx zip again, every part stamped with `FIXED_TIME` (python-docx stamps the
    time of writing), in the same order."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, FIXED_TIME)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(fixed, source.read(info.filename))
    return out.getvalue()


def _styles(document: Any) -> None:
    from docx.enum.style import WD_STYLE_TYPE
    from docx.shared import Pt

    styles = document.styles
    styles["Normal"].font.name = "Noto Serif"
    styles["Normal"].font.size = Pt(11)

    def add(name: str, base: str = "Normal") -> Any:
        style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = styles[base]
        style.quick_style = True
        return style

    add(NUMBERED).paragraph_format.space_after = Pt(6)
    question = add(QUESTION)
    question.font.bold = True
    question.paragraph_format.space_before = Pt(8)
    question.paragraph_format.keep_with_next = True
    answer = add(ANSWER_LINE)
    answer.paragraph_format.space_before = Pt(0)
    answer.paragraph_format.space_after = Pt(0)
    model = add(MODEL_ANSWER)
    model.font.italic = True
    model.paragraph_format.left_indent = Pt(18)
    add(TEACHER_NOTE).paragraph_format.left_indent = Pt(12)
    line = add(DOCUMENT_LINE)
    line.paragraph_format.space_after = Pt(0)


def _properties(document: Any, packet: Packet) -> None:
    from datetime import UTC, datetime

    props = document.core_properties
    edition = {"teacher": " (Teacher Edition)", "report": " (Report)"}.get(packet.edition, "")
    props.title = f"{packet.title}: {packet.lesson_title}{edition}"
    props.subject = packet.course
    props.author = packet.teacher or packet.school or ""
    props.last_modified_by = ""
    props.language = packet.language
    props.comments = packet.generator
    props.keywords = ""
    props.revision = 1
    props.created = props.modified = datetime(*FIXED_TIME, tzinfo=UTC)


class _Writer:
    def __init__(self, document: Any, packet: Packet) -> None:
        self.document = document
        self.packet = packet
        self.teacher = packet.edition == "teacher"
        self.student = packet.edition == "student"

    # -- pieces ------------------------------------------------------------------------

    def heading(self, text: str, level: int) -> None:
        self.document.add_heading(text, level)

    def paragraph(self, text: str = "", style: str | None = None) -> Any:
        return self.document.add_paragraph(text, style)

    def html(self, html: Markup | str, style: str | None = None) -> None:
        """Markdown's HTML as paragraphs: `p` (a numbered one with its number), lists,
        block quotes, headings; inline bold, italics and line breaks."""
        for element in _parse(html):
            self._block(element, style)

    def _block(self, element: Any, style: str | None) -> None:
        tag, classes = _tag(element), element.get("class", "").split()
        if tag in ("ul", "ol"):
            for item in element:
                paragraph = self.paragraph(style="List Number" if tag == "ol" else "List Bullet")
                _inline(paragraph, item)
        elif tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            self.heading(_text(element), 3)
        elif tag == "blockquote":
            for child in element:
                self._block(child, "Quote")
        elif tag == "table":
            rows = [[_text(cell) for cell in row] for row in element.iter(f"{_XHTML}tr")]
            self.table(rows[0], rows[1:])
        elif tag in ("div", "section", "aside", "figure") and len(element):
            self._container(element, "Quote" if "disagreement" in classes else style)
        else:
            number = element.find(f"{_XHTML}span[@class='pnum']")
            paragraph = self.paragraph(style=NUMBERED if number is not None else style)
            if number is not None:
                paragraph.add_run(f"{_text(number)}\t").bold = True
            _inline(paragraph, element)

    def _container(self, element: Any, style: str | None) -> None:
        if element.text and element.text.strip():
            self.paragraph(element.text.strip(), style)
        for child in element:
            self._block(child, style)

    def table(
        self,
        header: Sequence[str],
        rows: Iterable[Sequence[str | Markup]],
        widths: Sequence[float] = (),
    ) -> None:
        """A table with a bold header row; `widths` in centimetres (else equal)."""
        from docx.shared import Cm

        rows = list(rows)
        table = self.document.add_table(rows=1 + len(rows), cols=len(header))
        table.style = "Table Grid"
        if widths:
            _widths(table, [Cm(w) for w in widths])
        for cell, text in zip(table.rows[0].cells, header, strict=True):
            cell.text = ""
            cell.paragraphs[0].add_run(text).bold = True
        for row, values in zip(table.rows[1:], rows, strict=True):
            for cell, value in zip(row.cells, values, strict=False):
                paragraph = cell.paragraphs[0]
                if not isinstance(value, Markup):  # plain text: a title, a term, a date
                    paragraph.add_run(value)
                    continue
                for element in _parse(f"<span>{value}</span>"):
                    _inline(paragraph, element)

    def answer_space(self, space: str) -> None:
        """Ruled lines to write on: a one-column table whose rows are ruled below (a
        paragraph border would not do: the programs join the borders of paragraphs alike
        into one box)."""
        from docx.oxml import OxmlElement
        from docx.oxml.ns import qn
        from docx.shared import Cm

        lines = LINES.get(space, 3)
        table = self.document.add_table(rows=lines, cols=1)
        borders = OxmlElement("w:tblBorders")
        for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
            border = OxmlElement(f"w:{edge}")
            ruled = edge in ("bottom", "insideH")
            border.set(qn("w:val"), "single" if ruled else "nil")
            if ruled:
                border.set(qn("w:sz"), "6")
                border.set(qn("w:color"), "000000")
            borders.append(border)
        table._tbl.tblPr.append(borders)
        for row in table.rows:
            row.height = Cm(0.9)
            row.cells[0].paragraphs[0].style = self.document.styles[ANSWER_LINE]
        self.paragraph()

    def questions(self, questions: Sequence[QuestionView], word_bank: Sequence[str] = ()) -> None:
        if not questions:
            return
        self.heading("Questions", 3)
        if word_bank:
            self.paragraph(f"Word bank: {', '.join(word_bank)}", TEACHER_NOTE)
        for question in questions:
            paragraph = self.paragraph(f"{question.number}.\t", QUESTION)
            for element in _parse(f"<span>{question.html}</span>"):
                _inline(paragraph, element)
            if self.teacher and question.answer_html:
                answer = self.paragraph("Model answer: ", MODEL_ANSWER)
                for element in _parse(f"<span>{question.answer_html}</span>"):
                    _inline(answer, element)
            elif self.student:
                for starter in question.starters:
                    self.paragraph(f"{starter} …", "List Bullet")
                self.answer_space(question.space)

    # -- the packet's parts --------------------------------------------------------------

    def cover(self) -> None:
        packet = self.packet
        course = packet.course + (f" · {packet.school}" if packet.school else "")
        self.paragraph(course, "Subtitle")
        self.document.add_heading(packet.title, 0)
        if packet.subtitle:
            self.paragraph(packet.subtitle, "Subtitle")
        self.heading(packet.lesson_title, 1)
        if packet.lesson_summary:
            self.paragraph(packet.lesson_summary).runs[0].italic = True
        if packet.enquiry:
            enquiry = self.paragraph()
            enquiry.add_run("Enquiry question: ").bold = True
            enquiry.add_run(packet.enquiry)
        label = {"teacher": "Teacher Edition", "report": "Report"}.get(packet.edition)
        if label:
            self.paragraph(label.upper(), "Intense Quote")
        if packet.edition != "report":
            self.paragraph("Name: ______________________   Class: ________   Date: ________")
        if packet.advisory:
            advisory = self.paragraph(style="Intense Quote")
            advisory.add_run("Content advisory. ").bold = True
            advisory.add_run(packet.advisory)
        if packet.teacher:
            self.paragraph(packet.teacher)

    def guidance(self) -> None:
        """Teaching the topic with care, as the teacher edition's PDF has it after its
        contents: the advisory students see, the project's guidance, how this lesson ends
        and the care points of its sections."""
        packet = self.packet
        self.heading("Teaching This Topic with Care", 1)
        if packet.advisory:
            seen = Markup("<p><b>Students see on the cover:</b> {}</p>").format(packet.advisory)
            self.html(seen, TEACHER_NOTE)
        if packet.guidance_html:
            self.html(packet.guidance_html, TEACHER_NOTE)
        if packet.ending_html:
            self.heading("How this lesson ends", 2)
            self.html(f"<p>{packet.ending_html}</p>", TEACHER_NOTE)
        if packet.care_modules:
            self.heading("Care points in this lesson", 2)
            for module in packet.care_modules:
                care = Markup("<p><b>{}. {}.</b> {}</p>")
                self.html(
                    care.format(module.number, module.title, module.notes.care), "List Bullet"
                )

    def contents(self) -> None:
        packet = self.packet
        self.heading("Contents", 1)
        entries = [f"{m.number}. {m.title}" for m in packet.modules]
        entries += [f"Activity {n}: {a.title}" for n, a in enumerate(packet.activities, 1)]
        entries += [SECTION_TITLES[s] for s in packet.sections]
        for entry in entries:
            self.paragraph(entry, "List Bullet")

    def module(self, module: ModuleView) -> None:
        self.heading(f"{module.number}. {module.title}", 1)
        self.html(f"<p>{module.summary_html}</p>")
        if module.key_terms:
            terms = self.paragraph()
            terms.add_run("Key terms: ").bold = True
            terms.add_run(", ".join(t.term for t in module.key_terms))
        self.html(module.body_html)
        self.heading("Sources for this section", 3)
        for source in module.sources:
            self.html(f"<p>{source}</p>")
        if self.teacher:
            self._notes(module)
        if not self.packet.questions_at_back:
            self.questions(module.questions, module.word_bank)

    def _notes(self, module: ModuleView) -> None:
        notes = module.notes
        if not (notes.objectives or notes.timing or notes.discussion or notes.care):
            return
        self.heading("Teacher notes", 3)
        for objective in notes.objectives:
            self.html(f"<p>Objective: {objective}</p>", TEACHER_NOTE)
        for label, value in (
            ("Timing", notes.timing),
            ("Discussion", notes.discussion),
            ("Care", notes.care),
        ):
            if value:
                self.html(f"<p><b>{label}:</b> {value}</p>", TEACHER_NOTE)
        if module.reading is not None:
            reading = module.reading
            self.paragraph(
                f"Reading: {reading.words} words, grade {reading.grade:.1f}, about "
                f"{reading.minutes} minutes",
                TEACHER_NOTE,
            )

    def activity(self, activity: Vocabulary | TimelineActivity | SourceComparison) -> None:
        self.heading(activity.title, 1)
        key = self.teacher
        if isinstance(activity, Vocabulary):
            self.paragraph(
                "Match each term to its definition: write the letter of the definition "
                "beside the term." + (f" {activity.spares}" if activity.spares else "")
            )
            for terms, definitions in activity.matching_sets:
                self.table(
                    ["No.", "Letter", "Term"],
                    [(str(t.number), t.answer if key else "", t.term) for t in terms],
                    (1.2, 1.8, 13.0),
                )
                self.paragraph()
                self.table(
                    ["Letter", "Definition"], [(d.letter, d.html) for d in definitions], (1.8, 14.2)
                )
                self.paragraph()
        elif isinstance(activity, TimelineActivity):
            if activity.order:
                self.heading("Put these events in order", 2)
                self.paragraph(f"Number the events from 1 (earliest) to {len(activity.order)}.")
                self.table(
                    ["Order", "Event"],
                    [
                        (str(e.position) if key else "", e.title + (f" ({e.label})" if key else ""))
                        for e in activity.order
                    ],
                    (1.8, 14.2),
                )
            if activity.dates:
                self.heading("When did it happen?", 2)
                self.table(
                    ["Date", "Event"],
                    [
                        (
                            e.label if key else "",
                            Markup("<b>{}</b> {}").format(e.title, e.detail_html),
                        )
                        for e in activity.dates
                    ],
                    (3.5, 12.5),
                )
        else:
            self.table(
                ["", *activity.columns],
                [(row.prompt, *(a if key else "" for a in row.answers)) for row in activity.rows],
            )
            self.paragraph(activity.judgement, QUESTION)
            if key:
                for note in activity.judgement_notes:
                    self.html(f"<p>{note}</p>", MODEL_ANSWER)
                self.paragraph(activity.look_for, MODEL_ANSWER)
            elif self.student:
                self.answer_space("long")

    def task(self) -> None:
        task = self.packet.task
        assert task is not None
        self.heading("Final Task", 1)
        if self.packet.enquiry:
            self.paragraph(self.packet.enquiry, QUESTION)
        self.html(f"<p>{task.prompt_html}</p>")
        if task.documents:
            self.paragraph(f"Use {task.documents}.")
        if task.plan:
            self.table(["Plan", "Your notes"], [(row, "") for row in task.plan])
        for starter in task.starters:
            self.html(f"<p>{starter} …</p>", "List Bullet")
        if self.teacher:
            self.heading("Mark scheme", 3)
            for level in task.mark_scheme:
                self.html(f"<p>{level}</p>", MODEL_ANSWER)
        elif self.student:
            self.answer_space("long")
            self.answer_space("long")

    def section(self, section: str) -> None:
        if section == "documents" and not self.packet.documents:
            return
        self.heading(SECTION_TITLES[section], 1)
        parts = {
            "documents": self._documents,
            "timeline": self._timeline,
            "glossary": self._glossary,
            "sources": self._sources,
            "questions": self._questions_at_back,
            "comparison": self._comparison,
        }
        parts[section]()

    def _documents(self) -> None:
        for doc in self.packet.documents:
            self.document_part(doc)

    def _timeline(self) -> None:
        self.table(
            ["Date", "Event", "Source"],
            [
                (
                    e.label,
                    Markup("<b>{}</b> {}").format(e.title, e.detail_html),
                    ", ".join(e.sources),
                )
                for e in self.packet.timeline
            ],
            (3.0, 9.5, 3.5),
        )

    def _glossary(self) -> None:
        self.table(
            ["Term", "Definition", "Source"],
            [(g.term, g.definition_html, g.source) for g in self.packet.glossary],
            (3.5, 9.5, 3.0),
        )

    def _sources(self) -> None:
        for source in self.packet.sources:
            self.html(f"<p>{source.citation_html}</p>")

    def _questions_at_back(self) -> None:
        for module in self.packet.modules:
            self.heading(f"{module.number}. {module.title}", 2)
            self.questions(module.questions, module.word_bank)

    def _comparison(self) -> None:
        for item in self.packet.comparison:
            self.heading(f"{item.topic} ({item.kind})", 2)
            self.table(
                ["Source", "Version"],
                [(v.source, f"“{v.quote}”") for v in item.versions],
                (3.5, 12.5),
            )
            if self.teacher and item.note_html:
                self.html(f"<p><b>What a historian makes of it:</b> {item.note_html}</p>")

    def document_part(self, doc: DocumentView) -> None:
        self.heading(f"Document {doc.letter}: {doc.title}", 2)
        for label, value in doc.facts:
            fact = self.paragraph()
            fact.add_run(f"{label}: ").bold = True
            fact.add_run(value)
        if doc.headnote_html:
            self.html(f"<p>{doc.headnote_html}</p>")
        from docx.shared import Cm

        lines = [line for block in doc.blocks for line in block.lines]
        table = self.document.add_table(rows=len(lines), cols=2)
        _widths(table, [Cm(1.2), Cm(14.8)])
        for row, line in zip(table.rows, lines, strict=True):
            row.cells[0].text = line.shown
            row.cells[1].text = line.text
            for cell in row.cells:
                cell.paragraphs[0].style = self.document.styles[DOCUMENT_LINE]
        self.html(f"<p>{doc.citation_html}</p>")
        self.paragraph(doc.rights).runs[0].italic = True
        self.questions(doc.questions)


def _widths(table: Any, widths: Sequence[Any]) -> None:
    """Fixed column widths, in the table's grid (LibreOffice reads) and in every cell (Word
    reads)."""
    table.autofit = False
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width
    for row in table.rows:
        for cell, width in zip(row.cells, widths, strict=True):
            cell.width = width


# -- HTML to runs ------------------------------------------------------------------------


def _parse(html: str) -> list[Any]:
    """The top-level elements of an HTML fragment (text outside them in a `p`)."""
    import tinyhtml5

    body = tinyhtml5.parse(f"<body>{html}</body>")[1]
    elements = list(body)
    if body.text and body.text.strip():
        wrapper = tinyhtml5.parse(f"<p>{html}</p>")[1]
        return list(wrapper)
    return elements


def _tag(element: Any) -> str:
    return str(element.tag).removeprefix(_XHTML)


def _text(element: Any) -> str:
    return re.sub(r"\s+", " ", "".join(element.itertext())).strip()


def _inline(paragraph: Any, element: Any, bold: bool = False, italic: bool = False) -> None:
    """`element`'s text and children as runs of `paragraph`: bold for `b`, `strong` and a
    glossary term's first use, italics for `i`, `em` and `cite`; a paragraph number left to
    the caller; a picture as its alt text."""
    if element.text:
        _run(paragraph, element.text, bold, italic)
    for child in element:
        tag, classes = _tag(child), child.get("class", "").split()
        if "pnum" in classes:
            pass
        elif tag == "br":
            paragraph.add_run().add_break()
        elif tag == "img":
            _run(paragraph, f"[picture: {child.get('alt', '')}]", bold, True)
        else:
            _inline(
                paragraph,
                child,
                bold or tag in ("b", "strong") or {"term", "first"} <= set(classes),
                italic or tag in ("i", "em", "cite"),
            )
        if child.tail:
            _run(paragraph, child.tail, bold, italic)


def _run(paragraph: Any, text: str, bold: bool, italic: bool) -> None:
    text = re.sub(r"[ \t\r\n]+", " ", text)
    if not text:
        return
    run = paragraph.add_run(text)
    run.bold = bold or None
    run.italic = italic or None
