"""A quiz as Canvas imports it: an IMS content package (a zip) holding one QTI 1.2
assessment and Canvas's own settings for it.

    imsmanifest.xml                 the package: the assessment and its settings
    <quiz>/<quiz>.xml               QTI 1.2 (ims_qtiasiv1p2): one <item> per question
    <quiz>/assessment_meta.xml      Canvas's quiz settings (cccv1p0): title, description

Canvas reads each item's kind from its `question_type` field: `text_only_question` (a
module's reading), `essay_question` (the model answer as its answer comments),
`matching_question` (the vocabulary, and the order of events: Canvas's classic quizzes have no
ordering question, so each event is matched with its place), `short_answer_question` (a date
to fill in). The quiz hides results from students, so the answer comments stay the
teacher's; a teacher who wants students to see them changes that in the quiz's settings.

Packet's own words here (an order's places and how to choose them) are in the quiz's
`ui_language`; the identifiers are the same in every language.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from .files import zip_bytes
from .i18n import ENGLISH, N_, Words
from .quiz import (
    Essay,
    FillIn,
    Item,
    Matching,
    Ordering,
    Quiz,
    Reading,
    ident,
    sub_element,
    xml_bytes,
)

if TYPE_CHECKING:
    from lxml.etree import _Element

QTI = "http://www.imsglobal.org/xsd/ims_qtiasiv1p2"
QTI_XSD = "http://www.imsglobal.org/xsd/ims_qtiasiv1p2p1.xsd"
CP = "http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1"
CP_XSD = "http://www.imsglobal.org/xsd/imscp_v1p1.xsd"
IMSMD = "http://www.imsglobal.org/xsd/imsmd_v1p2"
IMSMD_XSD = "http://www.imsglobal.org/xsd/imsmd_v1p2p2.xsd"
CANVAS = "http://canvas.instructure.com/xsd/cccv1p0"
CANVAS_XSD = "https://canvas.instructure.com/xsd/cccv1p0.xsd"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
# An ordering, asked as a matching of each event with its place.
PLACES = N_("Choose each event's place: 1 for the earliest.")
QUESTION_TYPES = {
    Reading: "text_only_question",
    Essay: "essay_question",
    Matching: "matching_question",
    Ordering: "matching_question",
    FillIn: "short_answer_question",
}


def qti_zip(quiz: Quiz) -> bytes:
    """The quiz as a .zip Canvas imports (Settings → Import course content → QTI .zip file)."""
    folder = quiz.ident
    return zip_bytes(
        [
            ("imsmanifest.xml", xml_bytes(manifest(quiz))),
            (f"{folder}/{folder}.xml", xml_bytes(assessment(quiz))),
            (f"{folder}/assessment_meta.xml", xml_bytes(settings(quiz))),
        ]
    )


def manifest(quiz: Quiz) -> _Element:
    from lxml import etree

    root = etree.Element(
        f"{{{CP}}}manifest",
        {
            "identifier": f"{quiz.ident}-manifest",
            f"{{{XSI}}}schemaLocation": f"{CP} {CP_XSD} {IMSMD} {IMSMD_XSD}",
        },
        nsmap={None: CP, "imsmd": IMSMD, "xsi": XSI},
    )
    metadata = sub_element(root, f"{{{CP}}}metadata")
    sub_element(metadata, f"{{{CP}}}schema", "IMS Content")
    sub_element(metadata, f"{{{CP}}}schemaversion", "1.1.3")
    lom = sub_element(metadata, f"{{{IMSMD}}}lom")
    title = sub_element(sub_element(lom, f"{{{IMSMD}}}general"), f"{{{IMSMD}}}title")
    sub_element(title, f"{{{IMSMD}}}string", quiz.title, language=quiz.language)
    sub_element(root, f"{{{CP}}}organizations")
    resources = sub_element(root, f"{{{CP}}}resources")
    folder, meta = quiz.ident, f"{quiz.ident}-settings"
    questions = sub_element(
        resources, f"{{{CP}}}resource", identifier=folder, type="imsqti_xmlv1p2"
    )
    sub_element(questions, f"{{{CP}}}file", href=f"{folder}/{folder}.xml")
    sub_element(questions, f"{{{CP}}}dependency", identifierref=meta)
    settings_resource = sub_element(
        resources,
        f"{{{CP}}}resource",
        identifier=meta,
        type="associatedcontent/imscc_xmlv1p1/learning-application-resource",
        href=f"{folder}/assessment_meta.xml",
    )
    sub_element(settings_resource, f"{{{CP}}}file", href=f"{folder}/assessment_meta.xml")
    return root


def settings(quiz: Quiz) -> _Element:
    """Canvas's settings of the quiz: its title and description, unpublished, results hidden
    from students (the essays' answer comments are the teacher's model answers)."""
    from lxml import etree

    root = etree.Element(
        f"{{{CANVAS}}}quiz",
        {"identifier": quiz.ident, f"{{{XSI}}}schemaLocation": f"{CANVAS} {CANVAS_XSD}"},
        nsmap={None: CANVAS, "xsi": XSI},
    )
    points = sum(item.points for item in quiz.questions if not isinstance(item, Reading))
    for tag, value in (
        ("title", quiz.title),
        ("description", quiz.description_html),
        ("shuffle_answers", "false"),
        ("scoring_policy", "keep_highest"),
        ("hide_results", "always"),
        ("quiz_type", "assignment"),
        ("points_possible", f"{points:.1f}"),
        ("show_correct_answers", "false"),
        ("allowed_attempts", "1"),
        ("one_question_at_a_time", "false"),
        ("cant_go_back", "false"),
        ("available", "false"),
    ):
        sub_element(root, f"{{{CANVAS}}}{tag}", value)
    return root


def assessment(quiz: Quiz) -> _Element:
    from lxml import etree

    root = etree.Element(
        f"{{{QTI}}}questestinterop",
        {f"{{{XSI}}}schemaLocation": f"{QTI} {QTI_XSD}"},
        nsmap={None: QTI, "xsi": XSI},
    )
    test = sub_element(root, f"{{{QTI}}}assessment", ident=quiz.ident, title=quiz.title)
    _field(sub_element(test, f"{{{QTI}}}qtimetadata"), "cc_maxattempts", "1")
    section = sub_element(test, f"{{{QTI}}}section", ident=f"{quiz.ident}-questions")
    words = Words(quiz.ui_language)
    for item in quiz.items:
        _item(section, item, words)
    return root


def _q(tag: str) -> str:
    return f"{{{QTI}}}{tag}"


def _field(metadata: _Element, label: str, entry: str) -> None:
    field = sub_element(metadata, _q("qtimetadatafield"))
    sub_element(field, _q("fieldlabel"), label)
    sub_element(field, _q("fieldentry"), entry)


def _mattext(parent: _Element, text: str, texttype: str = "text/html") -> None:
    sub_element(sub_element(parent, _q("material")), _q("mattext"), text, texttype=texttype)


def _item(section: _Element, item: Item, words: Words) -> None:
    element = sub_element(section, _q("item"), ident=item.ident, title=item.name)
    answers = _answer_ids(item)
    metadata = sub_element(sub_element(element, _q("itemmetadata")), _q("qtimetadata"))
    _field(metadata, "question_type", QUESTION_TYPES[type(item)])
    _field(metadata, "points_possible", "0" if isinstance(item, Reading) else str(item.points))
    _field(metadata, "original_answer_ids", ",".join(answers))
    _field(metadata, "assessment_question_identifierref", f"{item.ident}-bank")
    presentation = sub_element(element, _q("presentation"))
    text = item.html
    if isinstance(item, Ordering):  # text between tags: an apostrophe kept as written
        text += f"<p>{html.escape(words.say(PLACES), quote=False)}</p>"
    _mattext(presentation, text)
    if isinstance(item, Reading):
        return
    if isinstance(item, Matching | Ordering):
        _matching(element, presentation, item, words)
        return
    response = sub_element(
        presentation, _q("response_str"), ident="response1", rcardinality="Single"
    )
    sub_element(
        sub_element(response, _q("render_fib")),
        _q("response_label"),
        ident="answer1",
        rshuffle="No",
    )
    processing = _processing(element)
    _feedback_condition(processing)
    if isinstance(item, FillIn):
        right = sub_element(processing, _q("respcondition"), **{"continue": "No"})
        condition = sub_element(right, _q("conditionvar"))
        for answer in item.answers:
            sub_element(condition, _q("varequal"), answer, respident="response1")
        sub_element(right, _q("setvar"), "100", action="Set", varname="SCORE")
    else:
        marked_by_hand = sub_element(processing, _q("respcondition"), **{"continue": "No"})
        sub_element(sub_element(marked_by_hand, _q("conditionvar")), _q("other"))
    _general_feedback(element, item.feedback_html)


def _answer_ids(item: Item) -> list[str]:
    if isinstance(item, FillIn):
        return [ident(item.ident, "answer", a) for a in item.answers]
    return [_pair_id(item, i, prompt) for i, (prompt, _) in enumerate(_pairs(item)[0])]


def _pair_id(item: Item, index: int, prompt: str) -> str:
    """A prompt's identifier: its place and words (two events may share a title)."""
    return ident(item.ident, "pair", str(index), prompt)


def _pairs(item: Item, words: Words = ENGLISH) -> tuple[list[tuple[str, str]], list[str]]:
    """A matching item's (prompt, answer) pairs and its spare answers; an ordering item's
    events, in the order the packet asks them, matched with their places (in `words`'
    language)."""
    if isinstance(item, Matching):
        return list(item.pairs), list(item.spares)
    if isinstance(item, Ordering):
        places = item.positions(words)
        unplaced = list(enumerate(item.items))
        pairs = []
        for title in item.asked or item.items:  # titles may repeat: each takes one place
            at = next(n for n, (_, placed) in enumerate(unplaced) if placed == title)
            index, _ = unplaced.pop(at)
            pairs.append((title, places[index]))
        return pairs, []
    return [], []


def _matching(
    element: _Element, presentation: _Element, item: Matching | Ordering, words: Words
) -> None:
    pairs, spares = _pairs(item, words)
    # Each answer once, in one order for every prompt: sorted, so the list gives nothing away.
    choices = sorted(dict.fromkeys([a for _, a in pairs] + spares), key=str.casefold)
    choice_id = {answer: ident(item.ident, "answer", answer) for answer in choices}
    if isinstance(item, Ordering):
        # A place's identifier is made from its English words, in every language.
        choices = list(item.positions(words))
        choice_id = {
            place: ident(item.ident, "answer", english)
            for place, english in zip(choices, item.positions(), strict=True)
        }
    for index, (prompt, _) in enumerate(pairs):
        response = sub_element(
            presentation, _q("response_lid"), ident=_response(item, index, prompt)
        )
        _mattext(response, prompt, "text/plain")
        render = sub_element(response, _q("render_choice"))
        for answer in choices:
            label = sub_element(render, _q("response_label"), ident=choice_id[answer])
            _mattext(label, answer, "text/plain")
    processing = _processing(element)
    if isinstance(item, Ordering):
        _feedback_condition(processing)
    for index, (prompt, answer) in enumerate(pairs):
        condition = sub_element(processing, _q("respcondition"))
        sub_element(
            sub_element(condition, _q("conditionvar")),
            _q("varequal"),
            choice_id[answer],
            respident=_response(item, index, prompt),
        )
        share = _share(index, len(pairs))
        sub_element(condition, _q("setvar"), f"{share:.2f}", varname="SCORE", action="Add")
    if isinstance(item, Ordering):
        _general_feedback(element, item.feedback_html)


def _response(item: Item, index: int, prompt: str) -> str:
    return f"response_{_pair_id(item, index, prompt)}"


def _share(index: int, count: int) -> float:
    """A pair's share of 100, to two places; the last takes what rounding left, so the
    shares add up to exactly 100."""
    share = round(100 / count, 2)
    return share if index < count - 1 else round(100 - share * (count - 1), 2)


def _processing(element: _Element) -> _Element:
    processing = sub_element(element, _q("resprocessing"))
    sub_element(
        sub_element(processing, _q("outcomes")),
        _q("decvar"),
        maxvalue="100",
        minvalue="0",
        varname="SCORE",
        vartype="Decimal",
    )
    return processing


def _feedback_condition(processing: _Element) -> None:
    shown = sub_element(processing, _q("respcondition"), **{"continue": "Yes"})
    sub_element(sub_element(shown, _q("conditionvar")), _q("other"))
    sub_element(shown, _q("displayfeedback"), feedbacktype="Response", linkrefid="general_fb")


def _general_feedback(element: _Element, html: str) -> None:
    if not html:
        return
    feedback = sub_element(element, _q("itemfeedback"), ident="general_fb")
    _mattext(sub_element(feedback, _q("flow_mat")), html)
