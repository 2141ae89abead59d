"""A quiz as Moodle imports it: Moodle XML (Question bank → Import → Moodle XML format).

One `<question>` per item, in a category named after the lesson (its description the
lesson's enquiry): `description` (a module's reading), `essay` (the model answer as
information for graders, which students never see), `matching` (the vocabulary; spare
definitions as answers with no question), `ordering` (the order of events; in Moodle's
standard question types since 4.4, a plugin before) and `shortanswer` (a date to fill in).
Each question's ID number is its stable identifier. The feedback packet writes for Moodle's
automatically marked questions is in the quiz's `ui_language` (packet's own words).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from markupsafe import escape

from .i18n import N_, Words
from .quiz import Essay, FillIn, Item, Matching, Ordering, Quiz, Reading, sub_element, xml_bytes

if TYPE_CHECKING:
    from lxml.etree import _Element

TYPES = {
    Reading: "description",
    Essay: "essay",
    Matching: "matching",
    Ordering: "ordering",
    FillIn: "shortanswer",
}
# The feedback Moodle gives on an automatically marked question, as its own editor fills in.
COMBINED_FEEDBACK = (
    ("correctfeedback", N_("Your answer is correct.")),
    ("partiallycorrectfeedback", N_("Your answer is partially correct.")),
    ("incorrectfeedback", N_("Your answer is incorrect.")),
)


def moodle_xml(quiz: Quiz) -> bytes:
    from lxml import etree

    root = etree.Element("quiz")
    category = etree.SubElement(root, "question", type="category")
    _text(category, "category", f"$course$/top/{_category_name(quiz.title)}")
    _text(category, "info", quiz.description_html, format="html")
    sub_element(category, "idnumber", quiz.ident)
    words = Words(quiz.ui_language)
    for item in quiz.items:
        _question(root, item, words)
    return xml_bytes(root)


def _category_name(title: str) -> str:
    """A title as one category of Moodle's path: a slash in it doubled (Moodle's escape),
    and a space before a slash that begins it or after one that ends it, as Moodle's own
    export writes them (else the path's own slashes run into it)."""
    name = " ".join(title.split()).replace("/", "//")
    if name.startswith("/"):
        name = " " + name
    if name.endswith("/"):
        name += " "
    return name


def _text(parent: _Element, tag: str, text: str, **attributes: str) -> _Element:
    """Moodle's way with a piece of text: `<tag format=…><text>…</text></tag>`."""
    element = sub_element(parent, tag, **attributes)
    sub_element(element, "text", text)
    return element


def _question(root: _Element, item: Item, words: Words) -> None:
    question = sub_element(root, "question", type=TYPES[type(item)])
    _text(question, "name", item.name)
    _text(question, "questiontext", item.html, format="html")
    # Nothing in the general feedback: students see it after an attempt. Moodle shows the
    # right answer of a marked question as the quiz's review options say.
    _text(question, "generalfeedback", "", format="html")
    points = 0 if isinstance(item, Reading) else item.points
    sub_element(question, "defaultgrade", f"{points:.7f}")
    sub_element(
        question, "penalty", "0.0000000" if isinstance(item, Reading | Essay) else "0.3333333"
    )
    sub_element(question, "hidden", "0")
    sub_element(question, "idnumber", item.ident)
    if isinstance(item, Essay):
        _essay(question, item)
    elif isinstance(item, Matching):
        _matching(question, item, words)
    elif isinstance(item, Ordering):
        _ordering(question, item, words)
    elif isinstance(item, FillIn):
        _short_answer(question, item)


def _essay(question: _Element, item: Essay) -> None:
    for tag, value in (
        ("responseformat", "editor"),
        ("responserequired", "1"),
        ("responsefieldlines", str(item.lines)),
        ("attachments", "0"),
        ("attachmentsrequired", "0"),
    ):
        sub_element(question, tag, value)
    _text(question, "graderinfo", item.feedback_html, format="html")
    _text(question, "responsetemplate", "", format="html")


def _combined_feedback(question: _Element, words: Words) -> None:
    for tag, message in COMBINED_FEEDBACK:
        _text(question, tag, f"<p>{escape(words.say(message))}</p>", format="html")
    sub_element(question, "shownumcorrect")


def _matching(question: _Element, item: Matching, words: Words) -> None:
    sub_element(question, "shuffleanswers", "true")
    _combined_feedback(question, words)
    for prompt, answer in item.pairs:
        pair = _text(question, "subquestion", _html_text(prompt), format="html")
        _text(pair, "answer", answer)
    for spare in item.spares:  # an answer with no question: Moodle's spare
        pair = _text(question, "subquestion", "", format="html")
        _text(pair, "answer", spare)


def _ordering(question: _Element, item: Ordering, words: Words) -> None:
    for tag, value in (
        ("layouttype", "VERTICAL"),
        ("selecttype", "ALL"),
        ("selectcount", "0"),
        ("gradingtype", "ABSOLUTE_POSITION"),
        ("showgrading", "SHOW"),
        ("numberingstyle", "none"),
    ):
        sub_element(question, tag, value)
    _combined_feedback(question, words)
    for position, event in enumerate(item.items, start=1):
        answer = _text(
            question, "answer", _html_text(event), fraction=f"{position:.7f}", format="html"
        )
        _text(answer, "feedback", "", format="html")


def _short_answer(question: _Element, item: FillIn) -> None:
    sub_element(question, "usecase", "0")
    for spelling in item.answers:
        # Moodle reads `*` in a short answer as "anything"; `\*` is the star itself.
        answer = _text(
            question,
            "answer",
            spelling.replace("*", "\\*"),
            fraction="100",
            format="moodle_auto_format",
        )
        _text(answer, "feedback", "", format="html")


def _html_text(text: str) -> str:
    """Plain text where Moodle reads HTML."""
    return str(escape(text))
