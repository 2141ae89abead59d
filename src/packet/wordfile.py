"""A packet as a Word file (`--format docx`): the packet view the PDF is made from, written
with python-docx in real styles for a teacher to edit — structure, not the PDF's look.

Only what Word, LibreOffice and Google Docs all keep is used: paragraph and character
styles, tables, paragraph borders (the ruled answer lines), document properties. Numbers
(paragraphs, questions, document lines) are written out rather than made by list
numbering, which each program continues and restarts in its own way.

Packet's own words (headings, labels, instructions, table headers) come from the catalogue
of the packet's `ui_language` (i18n.py), as the HTML templates print them; the content is
printed as the project wrote it. Where packet's words are in another language than the
content (`--language`), their runs carry that language, as the HTML's `lang` attribute.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from markupsafe import Markup, escape

from .activities import SourceComparison, TimelineActivity, Vocabulary
from .files import ZIP_TIME, zip_bytes
from .i18n import N_, Words, same_language
from .text import xml_text

if TYPE_CHECKING:
    from .assemble import DocumentView, ModuleView, Packet, QuestionView

# The styles packet adds to Word's own (Title, Heading 1–3, List Bullet, Quote, …).
NUMBERED = "Numbered Paragraph"
QUESTION = "Question"
ANSWER_LINE = "Answer Line"
MODEL_ANSWER = "Model Answer"
TEACHER_NOTE = "Teacher Note"
DOCUMENT_LINE = "Document Line"
WORD_BANK = "Word Bank"
INSTRUCTIONS = "Instructions"
# Ruled lines under a question, by its `space`: as the PDF gives them room.
LINES = {"line": 1, "short": 3, "long": 6}
# The back sections' titles, in English: printed in the packet's language.
SECTION_TITLES = {
    "documents": N_("Documents"),
    "timeline": N_("Timeline"),
    "glossary": N_("Glossary"),
    "sources": N_("Sources"),
    "questions": N_("Questions"),
    "comparison": N_("Where the Sources Disagree"),
}
# The cover's label for an edition other than the students'.
EDITIONS = {"teacher": N_("Teacher Edition"), "report": N_("Report")}
_XHTML = "{http://www.w3.org/1999/xhtml}"
# Page sizes (cm) and margins, as the PDF's: the paper, or the half sheet of a booklet.
PAGES = {
    ("a4", False): (21.0, 29.7),
    ("letter", False): (21.59, 27.94),
    ("a4", True): (14.8, 21.0),
    ("letter", True): (13.97, 21.59),
}


def docx_bytes(packet: Packet, root: Path | None = None) -> bytes:
    """The packet as a .docx file; its figures' pictures read from the project at `root`
    (through the safe reader), else named by their alt text."""
    import docx

    document = docx.Document()
    words = Words(packet.ui_language)
    _styles(document, packet)
    _properties(document, packet, words)
    writer = _Writer(document, packet, root, words)
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
    if packet.edition == "teacher":
        writer.provenance()
    data = io.BytesIO()
    document.save(data)
    return _reproducible(data.getvalue())


def _reproducible(data: bytes) -> bytes:
    """The .docx zip again, every part stamped with `files.ZIP_TIME` (python-docx stamps the
    time of writing), in the same order."""
    with zipfile.ZipFile(io.BytesIO(data)) as source:
        return zip_bytes((info.filename, source.read(info)) for info in source.infolist())


def _styles(document: Any, packet: Packet) -> None:
    from docx.enum.style import WD_STYLE_TYPE
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt

    styles = document.styles
    normal = styles["Normal"]
    normal.font.name = "Noto Serif"
    normal.font.size = Pt(18 if packet.large_print else 10.5 if packet.booklet else 11)
    # The text's language, for spelling and hyphenation: the packet's content's.
    fonts = normal.element.get_or_add_rPr()
    language = OxmlElement("w:lang")
    language.set(qn("w:val"), packet.language)
    fonts.append(language)
    if not same_language(packet.language, "en"):
        # The document's default (python-docx's template says en-US): the content's too,
        # for text a teacher adds outside packet's styles. An English packet keeps en-US.
        defaults = document.styles.element.find(qn("w:docDefaults"))
        default = None if defaults is None else defaults.find(f".//{qn('w:lang')}")
        if default is not None:
            default.set(qn("w:val"), packet.language)
    if packet.large_print:
        for level, size in ((1, 26), (2, 22), (3, 20)):
            styles[f"Heading {level}"].font.size = Pt(size)
    # Each section, activity and back section starts a page, as in the PDF.
    styles["Heading 1"].paragraph_format.page_break_before = True
    width, height = PAGES[packet.paper, packet.booklet]
    for section in document.sections:
        section.page_width, section.page_height = Cm(width), Cm(height)
        margin = Cm(1.5 if packet.booklet else 2.0)
        section.left_margin = section.right_margin = margin
        section.top_margin = section.bottom_margin = margin

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
    add(WORD_BANK).paragraph_format.left_indent = Pt(12)
    add(INSTRUCTIONS).font.italic = True
    line = add(DOCUMENT_LINE)
    line.paragraph_format.space_after = Pt(0)


def _properties(document: Any, packet: Packet, words: Words) -> None:
    """The document's properties: its title as the HTML packet's (the edition in packet's
    words), its language the content's."""
    from datetime import UTC, datetime

    props = document.core_properties
    label = EDITIONS.get(packet.edition)
    edition = words.say(label) if label else ""
    props.title = xml_text(
        f"{packet.title}: {packet.lesson_title}" + (f" ({edition})" if edition else "")
    )
    props.subject = packet.course
    props.author = packet.teacher or packet.school or packet.course
    props.last_modified_by = ""
    props.language = packet.language
    props.comments = packet.generator
    props.keywords = ""
    props.revision = 1
    props.created = props.modified = datetime(*ZIP_TIME, tzinfo=UTC)


class _Writer:
    def __init__(self, document: Any, packet: Packet, root: Path | None, words: Words) -> None:
        self.document = document
        self.packet = packet
        self.root = root
        width = PAGES[packet.paper, packet.booklet][0]
        self.text_width = width - 2 * (1.5 if packet.booklet else 2.0)  # cm
        self.teacher = packet.edition == "teacher"
        self.student = packet.edition == "student"
        # Packet's own words, in the packet's language (`--language`, else packet.toml's).
        self.words = words
        self.say = words.say
        # The language their runs are marked with where it is not the content's (as the
        # HTML's `ui_lang`); None where they are in the content's language.
        tag = words.catalogue_tag
        self.own_language = None if same_language(tag, packet.language) else tag
        # The same, as an attribute for a label in HTML that `html` writes (`_inline`).
        self.lang = Markup(' lang="{}"').format(tag) if self.own_language else Markup()

    # -- pieces ------------------------------------------------------------------------

    def heading(self, text: str, level: int, own: bool = False) -> None:
        """A heading; `own`: all of it packet's own words."""
        heading = self.document.add_heading(xml_text(text), level)
        if own:
            self.own(*heading.runs)

    def paragraph(self, text: str = "", style: str | None = None, own: bool = False) -> Any:
        """A paragraph of `text`; `own`: the text is packet's own words."""
        paragraph = self.document.add_paragraph(xml_text(text), style)
        if own:
            self.own(*paragraph.runs)
        return paragraph

    def own(self, *runs: Any) -> None:
        """Mark `runs` as packet's own words: in their language, where it is not the
        content's (Word then checks their spelling in it; a screen reader switches voice)."""
        if self.own_language:
            for run in runs:
                _mark_language(run, self.own_language)

    def label(self, paragraph: Any, name: str) -> None:
        """A bold label of packet's own words at the start of `paragraph`, and its colon as
        the language writes it ("Model answer: ", "Réponse modèle : ")."""
        run = paragraph.add_run(xml_text(self.said_label(name) + " "))
        run.bold = True
        self.own(run)

    def said_label(self, name: str) -> str:
        """`name` (already in packet's language) with its colon: "Key terms:"."""
        return self.say("{label}:", label=name)

    def html(self, html: Markup | str, style: str | None = None) -> None:
        """Markdown's HTML as paragraphs: `p` (a numbered one with its number), lists,
        block quotes, headings; inline bold, italics and line breaks."""
        for element in _parse(html):
            self._block(element, style)

    def _block(self, element: Any, style: str | None) -> None:
        tag, classes = _tag(element), element.get("class", "").split()
        if tag in ("ul", "ol"):
            self._list(element, 1)
        elif tag in ("img", "pre", "blockquote", "table"):
            self._special(tag, element)
        elif tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            self.heading(_text(element), 3)
        elif tag in ("div", "section", "aside", "figure") and len(element):
            boxed = {"disagreement", "sources-disagree"} & set(classes)
            self._container(element, "Quote" if boxed else style)
        else:
            number = element.find(f"{_XHTML}span[@class='pnum']")
            paragraph = self.paragraph(style=NUMBERED if number is not None else style)
            if number is not None:
                paragraph.add_run(f"{_text(number)}\t").bold = True
            _inline(paragraph, element, self.words)
            _trim(paragraph)

    def _special(self, tag: str, element: Any) -> None:
        if tag == "img":
            self.picture(element)
        elif tag == "pre":
            self._pre(element, None)
        elif tag == "blockquote":
            for child in element:
                self._block(child, "Quote")
        else:
            self._markdown_table(element)

    def _pre(self, element: Any, style: str | None) -> None:
        """A code block: its lines kept, in a monospaced face."""
        paragraph = self.paragraph(style=style)
        for number, line in enumerate("".join(element.itertext()).rstrip("\n").split("\n")):
            if number:
                paragraph.add_run().add_break()
            paragraph.add_run(xml_text(line)).font.name = "Noto Sans Mono"

    def _markdown_table(self, element: Any) -> None:
        rows = list(element.iter(f"{_XHTML}tr"))
        if rows:
            self.table([_text(cell) for cell in rows[0]], [list(row) for row in rows[1:]])

    def _list(self, element: Any, depth: int) -> None:
        """A list's items, numbered in the text for an ordered list (Word's own numbering
        would run on from the list before); a list inside an item one level deeper."""
        ordered = _tag(element) == "ol"
        start = int(element.get("start", "1") or 1) if ordered else 1
        style = "List Paragraph" if ordered else ("List Bullet" if depth == 1 else "List Bullet 2")
        for number, item in enumerate(element, start=start):
            paragraph = self.paragraph(style=style)
            if ordered:
                paragraph.paragraph_format.left_indent = _cm(0.8 * depth)
                paragraph.add_run(f"{number}. ")
            nested = [c for c in item if _tag(c) in ("ul", "ol")]
            for child in nested:
                item.remove(child)
            _inline(paragraph, item, self.words)
            _trim(paragraph)
            for child in nested:
                self._list(child, depth + 1)

    def picture(self, image: Any) -> None:
        """A figure's picture, no wider than the text, read through the safe reader from
        the project; where it cannot be read, its alt text in brackets."""
        from docx.shared import Cm

        from .files import Refused, read_file
        from .layout import input_roots

        alt = image.get("alt", "")
        source = image.get("src", "")
        if self.root is not None and source and ":" not in source.split("/")[0]:
            try:
                data = read_file(self.root / source, input_roots(self.root), 40_000_000)
                self.document.add_picture(io.BytesIO(data), width=Cm(min(12.0, self.text_width)))
                picture = self.document.inline_shapes[-1]._inline.docPr
                picture.set("descr", xml_text(alt))
                return
            except (Refused, OSError, ValueError):  # gone, refused, or not a picture Word takes
                pass
        self.paragraph(self.say("[Picture: {alt}]", alt=alt), INSTRUCTIONS)

    def _container(self, element: Any, style: str | None) -> None:
        if element.text and element.text.strip():
            self.paragraph(element.text.strip(), style)
        for child in element:
            self._block(child, style)

    def table(
        self,
        header: Sequence[str],
        rows: Iterable[Sequence[Any]],
        widths: Sequence[float] = (),
        tall: Sequence[float] = (),
        own: bool = True,
    ) -> None:
        """A table with a bold header row (`own`: packet's own words); `widths` in
        centimetres (else equal); `tall`, the least height of each row (cm), where students
        write in it."""
        from docx.shared import Cm

        rows = list(rows)
        table = self.document.add_table(rows=1 + len(rows), cols=len(header))
        table.style = "Table Grid"
        if widths:
            scale = min(1.0, self.text_width / sum(widths))
            _widths(table, [Cm(w * scale) for w in widths])
        for cell, text in zip(table.rows[0].cells, header, strict=True):
            cell.text = ""
            run = cell.paragraphs[0].add_run(text)
            run.bold = True
            if own and text:
                self.own(run)
        for row, height in zip(table.rows[1:], tall, strict=False):
            row.height = Cm(height)
        for row, values in zip(table.rows[1:], rows, strict=True):
            for cell, value in zip(row.cells, values, strict=False):
                paragraph = cell.paragraphs[0]
                if hasattr(value, "tag"):  # a cell of a Markdown table
                    _inline(paragraph, value, self.words)
                    continue
                if not isinstance(value, Markup):  # plain text: a title, a term, a date
                    paragraph.add_run(xml_text(value.replace("\xa0", " ")))
                    continue
                for element in _parse(f"<span>{value}</span>"):
                    _inline(paragraph, element, self.words)

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
        look = table._tbl.tblPr.find(qn("w:tblLook"))
        if look is not None:  # the schema's order: borders before the table's look
            look.addprevious(borders)
        else:
            table._tbl.tblPr.append(borders)
        for row in table.rows:
            row.height = Cm(0.9)
            row.cells[0].paragraphs[0].style = self.document.styles[ANSWER_LINE]
        self.paragraph()

    def questions(self, questions: Sequence[QuestionView], word_bank: Sequence[str] = ()) -> None:
        if not questions:
            return
        self.heading(self.say("Questions"), 2, own=True)
        if word_bank:
            bank = self.paragraph(style=WORD_BANK)
            self.label(bank, self.say("Word bank"))
            bank.add_run(xml_text(", ".join(word_bank)))
        for question in questions:
            paragraph = self.paragraph(f"{question.number}.\t", QUESTION)
            for element in _parse(f"<span>{question.html}</span>"):
                _inline(paragraph, element, self.words)
            if self.teacher and question.answer_html:
                said = self.said_label(self.say("Model answer"))
                answer = self.paragraph(f"{said} ", MODEL_ANSWER, own=True)
                for element in _parse(f"<span>{question.answer_html}</span>"):
                    _inline(answer, element, self.words)
            elif self.student:
                for starter in question.starters:  # packet's, in its language (support.py)
                    self.paragraph(starter, "List Bullet", own=True)
                self.answer_space(question.space)

    # -- the packet's parts --------------------------------------------------------------

    def cover(self) -> None:
        packet = self.packet
        course = packet.course + (f" · {packet.school}" if packet.school else "")
        self.paragraph(course, "Subtitle")
        self.document.add_heading(packet.title, 0)
        if packet.subtitle:
            self.paragraph(packet.subtitle, "Subtitle")
        self.heading(packet.lesson_title, 2)
        if packet.lesson_summary:
            self.paragraph(packet.lesson_summary).runs[0].italic = True
        if packet.enquiry:
            enquiry = self.paragraph()
            self.label(enquiry, self.say("Enquiry question"))
            enquiry.add_run(xml_text(packet.enquiry))
        label = EDITIONS.get(packet.edition)
        if label:  # in capitals, as the PDF's cover prints it
            self.paragraph(self.say(label).upper(), "Intense Quote", own=True)
        if packet.edition != "report":
            self.paragraph(self.name_lines(), own=True)
        if packet.advisory:
            advisory = self.paragraph(style="Intense Quote")
            said = self.say("Content advisory.")
            run = advisory.add_run(xml_text(f"{said} "))
            run.bold = True
            self.own(run)
            advisory.add_run(xml_text(packet.advisory))
        if packet.teacher:
            self.paragraph(packet.teacher)

    def name_lines(self) -> str:
        """The cover's lines for a student's name, class and the date."""
        fields = ((N_("Name"), 22), (N_("Class"), 8), (N_("Date"), 8))
        lines = []
        for name, length in fields:
            said = self.said_label(self.say(name))
            lines.append(f"{said} {'_' * length}")
        return "   ".join(lines)

    def guidance(self) -> None:
        """Teaching the topic with care, as the teacher edition's PDF has it after its
        contents: the advisory students see, the project's guidance, how this lesson ends
        and the care points of its sections."""
        packet = self.packet
        self.heading(self.say("Teaching This Topic with Care"), 1, own=True)
        if packet.advisory:
            seen = self.said_label(self.say("Students see on the cover"))
            self.html(
                Markup("<p><b{}>{}</b> {}</p>").format(self.lang, seen, packet.advisory),
                TEACHER_NOTE,
            )
        if packet.guidance_html:
            self.html(packet.guidance_html, TEACHER_NOTE)
        if packet.ending_html:
            self.heading(self.say("How this lesson ends"), 2, own=True)
            self.html(f"<p>{packet.ending_html}</p>", TEACHER_NOTE)
        if packet.care_modules:
            self.heading(self.say("Care points in this lesson"), 2, own=True)
            for module in packet.care_modules:
                care = Markup("<p><b>{}. {}.</b> {}</p>")
                self.html(
                    care.format(module.number, module.title, module.notes.care), "List Bullet"
                )

    def provenance(self) -> None:
        """The teacher edition's last part: what each section rests on in each source."""
        say = self.say
        self.heading(say("Provenance Summary"), 1, own=True)
        self.paragraph(
            say(
                "What each section of this packet rests on: the passages of each source it was "
                "written from (quoted exactly) and the numbered paragraphs that cite that source."
            ),
            INSTRUCTIONS,
            own=True,
        )
        for module in self.packet.modules:
            self.heading(f"{module.number}. {module.title}", 2)
            for part in module.provenance:
                numbers = ", ".join(str(n) for n in part.paragraphs)
                if len(part.paragraphs) > 1:
                    cited = say("cited in paragraphs {numbers}", numbers=numbers)
                elif part.paragraphs:
                    cited = say("cited in paragraph {number}", number=numbers)
                else:
                    cited = say("not cited in the text")
                head = self.paragraph(style=TEACHER_NOTE)
                head.add_run(xml_text(part.seed)).bold = True
                head.add_run(f" — {cited}")
                for passage in part.passages:  # the quotation marks: the language's
                    self.paragraph(say("“{quotation}”", quotation=passage), "List Bullet")

    def contents(self) -> None:
        packet = self.packet
        say = self.say
        self.heading(say("Contents"), 1, own=True)
        # (entry, whether it is all packet's own words): a section's title is the project's.
        entries = [(say("Teaching This Topic with Care"), True)] if self.teacher else []
        entries += [(f"{m.number}. {m.title}", False) for m in packet.modules]
        entries += [(self.activity_title(a), True) for a in packet.activities]
        task = (say("Final Task"), True)
        if packet.task and "documents" not in packet.sections:
            entries.append(task)
        for section in self.sections():
            entries.append((say(SECTION_TITLES[section]), True))
            if section == "documents" and packet.task:
                entries.append(task)
        if self.teacher:
            entries.append((say("Provenance Summary"), True))
        for entry, own in entries:
            self.paragraph(entry, "List Bullet", own=own)

    def activity_title(self, activity: Vocabulary | TimelineActivity | SourceComparison) -> str:
        """ "Activity 2: Dates and Order", in packet's words (an activity's title is one)."""
        number = self.packet.activities.index(activity) + 1
        title = self.say(activity.title)
        return self.say("Activity {number}: {title}", number=number, title=title)

    def sections(self) -> list[str]:
        """The back sections that have something in them."""
        packet = self.packet
        empty = {"documents": not packet.documents, "comparison": not packet.comparison}
        return [s for s in packet.sections if not empty.get(s, False)]

    def module(self, module: ModuleView) -> None:
        self.heading(f"{module.number}. {module.title}", 1)
        self.html(f"<p>{module.summary_html}</p>")
        if module.key_terms:
            terms = self.paragraph()
            self.label(terms, self.say("Key terms"))
            terms.add_run(xml_text(", ".join(t.term for t in module.key_terms)))
        self.html(module.body_html)
        self.heading(self.say("Sources for this section"), 2, own=True)
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
        say = self.say
        self.heading(say("Teacher notes"), 2, own=True)
        # A label in an element of its own where it is in another language than the notes.
        said = self.said_label(say("Objective"))
        objective_label = (
            Markup("<span{}>{}</span>").format(self.lang, said)
            if self.own_language
            else escape(said)
        )
        for objective in notes.objectives:
            self.html(f"<p>{objective_label} {objective}</p>", TEACHER_NOTE)
        for label, value in (
            (N_("Timing"), notes.timing),
            (N_("Discussion"), notes.discussion),
            (N_("Care"), notes.care),
        ):
            if value:
                said = Markup("<b{}>{}</b>").format(self.lang, self.said_label(say(label)))
                self.html(f"<p>{said} {value}</p>", TEACHER_NOTE)
        if module.reading is not None:
            reading = module.reading
            self.paragraph(
                say(
                    "Reading: {words} words, grade {grade}, about {minutes} minutes",
                    words=reading.words,
                    grade=self.decimal(reading.grade),
                    minutes=reading.minutes,
                ),
                TEACHER_NOTE,
                own=True,
            )

    def decimal(self, value: float) -> str:
        """A number with one decimal, as the packet's language writes it ("10.6", "10,6")."""
        if self.words.english:
            return f"{value:.1f}"
        from babel.numbers import format_decimal

        return str(format_decimal(value, format="0.0", locale=self.words.catalogue))

    def activity(self, activity: Vocabulary | TimelineActivity | SourceComparison) -> None:
        self.heading(self.activity_title(activity), 1, own=True)
        if isinstance(activity, Vocabulary):
            self._vocabulary(activity)
        elif isinstance(activity, TimelineActivity):
            self._dates_and_order(activity)
        else:
            self._source_comparison(activity)

    def _vocabulary(self, activity: Vocabulary) -> None:
        say, key = self.say, self.teacher
        instructions = say(
            "Match each term to its definition: write the letter of the definition in the box "
            "beside the term. A blank line (______) hides the term, or another name or "
            "spelling of it."
        )
        if activity.spares:
            instructions += f" {activity.spares_in(self.words)}"
        if len(activity.sets) > 1:
            each = say("Match each set on its own: its terms with its own definitions.")
            instructions += f" {each}"
        self.paragraph(instructions, INSTRUCTIONS, own=True)
        for terms, definitions in activity.matching_sets:
            self.table(
                [say("No."), say("Letter"), say("Term")],
                [(str(t.number), t.answer if key else "", t.term) for t in terms],
                (1.2, 1.8, 13.0),
            )
            self.paragraph()
            self.table(
                [say("Letter"), say("Definition")],
                [(d.letter, d.html) for d in definitions],
                (1.8, 14.2),
            )
            self.paragraph()
        if key:
            answers = " · ".join(f"{t.number} {t.answer}" for t in activity.terms)
            label = self.said_label(say("Answer key"))
            self.paragraph(f"{label} {answers}", MODEL_ANSWER, own=True)

    def _dates_and_order(self, activity: TimelineActivity) -> None:
        say, key = self.say, self.teacher
        if activity.order:
            self.heading(say("Put these events in order"), 2, own=True)
            self.paragraph(
                say(
                    "Number the events from 1 (earliest) to {count} (latest). Work from the "
                    "sections you have read; check your answers against the Timeline only when "
                    "you have finished.",
                    count=len(activity.order),
                ),
                INSTRUCTIONS,
                own=True,
            )
            self.table(
                [say("Order"), say("Event")],
                [
                    (str(e.position) if key else "", e.title + (f" ({e.label})" if key else ""))
                    for e in activity.order
                ],
                (1.8, 14.2),
            )
        if activity.dates:
            self.heading(say("Fill in the dates"), 2, own=True)
            self.paragraph(
                say(
                    "These events are in order. Write the date of each, as exactly as the "
                    "sources give it."
                )
                if len(activity.dates) > 1
                else say("Write the date of this event, as exactly as the sources give it."),
                INSTRUCTIONS,
                own=True,
            )
            self.table(
                [say("Date"), say("Event")],
                [
                    (
                        e.label if key else "",
                        Markup("<b>{}</b> {}").format(e.title, e.detail_html),
                    )
                    for e in activity.dates
                ],
                (3.5, 12.5),
            )

    def _source_comparison(self, activity: SourceComparison) -> None:
        say, key = self.say, self.teacher
        self.paragraph(
            say(
                "Read both sources’ sections in this packet, then fill in the table. Quote "
                "short phrases where you can."
            ),
            INSTRUCTIONS,
            own=True,
        )
        self.table(
            ["", *activity.columns],  # the sources' short names
            [
                (row.said(self.words), *(a if key else "" for a in row.answers))
                for row in activity.rows
            ],
            tall=[3.0 if row.tall else 1.8 for row in activity.rows] if self.student else (),
            own=False,
        )
        self.heading(say("Your judgement"), 2, own=True)
        self.paragraph(say(activity.judgement), QUESTION, own=True)
        if key:
            label = self.said_label(say("What to look for"))
            look_for = say(activity.look_for)
            self.paragraph(f"{label} {look_for}", MODEL_ANSWER, own=True)
            for note in activity.judgement_notes:
                self.html(f"<p>{note}</p>", MODEL_ANSWER)
        elif self.student:
            self.answer_space("long")

    def task(self) -> None:
        task = self.packet.task
        assert task is not None
        say = self.say
        self.heading(say("Final Task"), 1, own=True)
        if self.packet.enquiry:
            self.paragraph(self.packet.enquiry, QUESTION)
        self.html(f"<p>{task.prompt_html}</p>")
        if task.documents:  # "Documents A–C", in packet's words (assemble.py)
            self.paragraph(say("Use {documents}.", documents=task.documents), own=True)
        if task.plan:
            self.heading(say("Plan your answer"), 2, own=True)
            self.table(
                [say("Plan"), say("Your notes")],
                [(row, "") for row in task.plan],
                (5.0, 11.0),
                tall=[3.0] * len(task.plan) if self.student else (),
            )
        if task.starters:
            self.heading(say("Sentence starters"), 2, own=True)
        for starter in task.starters:
            self.html(f"<p>{starter}</p>", "List Bullet")
        if self.teacher:
            self.heading(say("Mark scheme"), 3, own=True)
            for level in task.mark_scheme:
                self.html(f"<p>{level}</p>", MODEL_ANSWER)
        elif self.student:
            self.heading(say("Your answer"), 2, own=True)
            for _ in range(3):
                self.answer_space("long")

    def section(self, section: str) -> None:
        if section not in self.sections():
            return
        self.heading(self.say(SECTION_TITLES[section]), 1, own=True)
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
        self.paragraph(
            self.say(
                "Short excerpts of the sources, in their own words and spelling. Every fifth "
                "line is numbered; […] marks words left out, and words in [brackets] are the "
                "editors’, not the source’s."
            ),
            INSTRUCTIONS,
            own=True,
        )
        for doc in self.packet.documents:
            self.document_part(doc)

    def _timeline(self) -> None:
        say = self.say
        self.table(
            [say("Date"), say("Event"), say("Source")],
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
        say = self.say
        self.table(
            [say("Term"), say("Definition"), say("Source")],
            [(self.glossary_term(g), g.definition_html, g.source) for g in self.packet.glossary],
            (3.5, 9.5, 3.0),
        )

    def glossary_term(self, entry: Any) -> str:
        """A glossary entry's term, and its other names: "scrip (also script)"."""
        if not entry.aliases:
            return str(entry.term)
        aliases = self.say("(also {aliases})", aliases=", ".join(entry.aliases))
        return f"{entry.term} {aliases}"

    def _sources(self) -> None:
        packet, say = self.packet, self.say
        self.paragraph(
            say(
                "Everything in this packet comes from these documents. Citations follow {style}.",
                style=packet.citation_style,
            ),
            INSTRUCTIONS,
            own=True,
        )
        for source in packet.sources:
            self.html(f"<p>{source.citation_html}</p>")
            kind = self.paragraph()
            run = kind.add_run(xml_text(say("Kind of source:") + " "))
            run.bold = True
            self.own(run)
            kind.add_run(xml_text(f"{say(source.kind)}. {source.kind_basis}"))
        if packet.sources_attributed:
            self.paragraph(
                say(
                    "Details in [square brackets] are not stated in the source itself; the "
                    "unit’s editors supplied them."
                ),
                INSTRUCTIONS,
                own=True,
            )

    def _questions_at_back(self) -> None:
        for module in self.packet.modules:
            self.heading(f"{module.number}. {module.title}", 2)
            self.questions(module.questions, module.word_bank)

    def _comparison(self) -> None:
        say = self.say
        for item in self.packet.comparison:
            kind = say(item.kind)  # the kind of disagreement: "date", "spelling"
            self.heading(f"{item.topic} ({kind})", 2)
            self.table(
                [say("Source"), say("Version")],
                [(v.source, say("“{quotation}”", quotation=v.quote)) for v in item.versions],
                (3.5, 12.5),
            )
            if self.teacher and item.note_html:
                label = Markup("<b{}>{}</b>").format(
                    self.lang, say("What a historian makes of it:")
                )
                self.html(f"<p>{label} {item.note_html}</p>", MODEL_ANSWER)

    def _lines(self, block: Any) -> None:
        """One paragraph of a document, a line to a row (its number every fifth line); an
        omission or an editor's note set apart, in italics."""
        from docx.shared import Cm

        table = self.document.add_table(rows=len(block.lines), cols=2)
        _widths(table, [Cm(1.2), Cm(self.text_width - 1.2)])
        for row, line in zip(table.rows, block.lines, strict=True):
            row.cells[0].paragraphs[0].add_run(line.shown)
            row.cells[1].paragraphs[0].add_run(xml_text(line.text)).italic = (
                block.kind != "text" or None
            )
            for cell in row.cells:
                cell.paragraphs[0].style = self.document.styles[DOCUMENT_LINE]
        self.paragraph(style=DOCUMENT_LINE)  # the space between paragraphs

    def document_part(self, doc: DocumentView) -> None:
        self.heading(self.say("Document {letter}: {title}", letter=doc.letter, title=doc.title), 2)
        for label, value in doc.facts:  # the labels in packet's words (cite.headnote_facts)
            fact = self.paragraph()
            self.label(fact, label)
            fact.add_run(xml_text(value))
        if doc.headnote_html:
            self.html(f"<p><i>{doc.headnote_html}</i></p>")
        if doc.figure_html:
            self.html(doc.figure_html)
        for block in doc.blocks:
            self._lines(block)
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


def _trim(paragraph: Any) -> None:
    """No space left at the end of a paragraph (the line break before a nested list)."""
    if paragraph.runs and paragraph.runs[-1].text:
        paragraph.runs[-1].text = paragraph.runs[-1].text.rstrip(" ")


def _cm(value: float) -> Any:
    from docx.shared import Cm

    return Cm(value)


def _tag(element: Any) -> str:
    return str(element.tag).removeprefix(_XHTML)


def _text(element: Any) -> str:
    return re.sub(r"\s+", " ", "".join(element.itertext())).strip()


def _inline(
    paragraph: Any,
    element: Any,
    words: Words,
    bold: bool = False,
    italic: bool = False,
    language: str | None = None,
) -> None:
    """`element`'s text and children as runs of `paragraph`: bold for `b`, `strong` and a
    glossary term's first use, italics for `i`, `em` and `cite`; a paragraph number left to
    the caller; a picture as its alt text (in brackets, in `words`); an element's `lang`
    (a label of packet's own words in another language than the content) on its runs."""
    language = element.get("lang") or language
    if element.text:
        _run(paragraph, element.text, bold, italic, language)
    for child in element:
        tag, classes = _tag(child), child.get("class", "").split()
        if "pnum" in classes:
            pass
        elif tag == "br":
            paragraph.add_run().add_break()
        elif tag == "img":
            alt = words.say("[picture: {alt}]", alt=child.get("alt", ""))
            _run(paragraph, alt, bold, True)
        else:
            _inline(
                paragraph,
                child,
                words,
                bold or tag in ("b", "strong") or {"term", "first"} <= set(classes),
                italic or tag in ("i", "em", "cite"),
                language,
            )
        if child.tail:
            _run(paragraph, child.tail, bold, italic, language)


def _run(paragraph: Any, text: str, bold: bool, italic: bool, language: str | None = None) -> None:
    text = xml_text(re.sub(r"[ \t\r\n]+", " ", text))
    if not text:
        return
    run = paragraph.add_run(text)
    run.bold = bold or None
    run.italic = italic or None
    if language:
        _mark_language(run, language)


def _mark_language(run: Any, language: str) -> None:
    """The run's language (`w:lang`), where it is not its paragraph's: for Word's spelling
    and hyphenation, and for a screen reader's voice."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    mark = OxmlElement("w:lang")
    mark.set(qn("w:val"), language)
    run._r.get_or_add_rPr().append(mark)  # the last of a run's properties, as the schema has it
