"""The schema of every content file, as pydantic models.

Validation happens on the plain data from `yamlsrc`, where every scalar is the
text that was written; the models turn it into typed, frozen values. Unknown
keys are errors, so a misspelt key is never silently ignored.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Discriminator,
    Field,
    StringConstraints,
    Tag,
    model_validator,
)
from pydantic_core import PydanticCustomError

from .choices import DEFAULT_SECTIONS, Section
from .layout import ID_PATTERN, NAME_MAX
from .yamlsrc import models_in

Id = Annotated[
    str,
    StringConstraints(pattern=rf"^{ID_PATTERN}$", max_length=NAME_MAX, strip_whitespace=True),
]
Text = Annotated[str, StringConstraints(min_length=1, strip_whitespace=True)]

QuestionKind = Literal[
    "comprehension", "sourcing", "close-reading", "corroboration", "contextualisation"
]
# The four kinds of question that practise reading like a historian; every module needs each.
HISTORICAL_THINKING: tuple[QuestionKind, ...] = (
    "sourcing",
    "close-reading",
    "corroboration",
    "contextualisation",
)
Activity = Literal["vocabulary", "timeline", "source-comparison"]
ACTIVITIES: tuple[Activity, ...] = ("vocabulary", "timeline", "source-comparison")


# Marks a field (and everything under it) as for the teacher alone: assemble.py leaves it
# out of the student edition, and a test plants a marker in every such field and looks for
# it in the student PDF and HTML (tests/test_teacher_only.py).
TEACHER_ONLY: dict[str, Any] = {"teacher_only": True}
# The most modules one lesson may hold. A packet grows about five pages a module, and
# WeasyPrint holds every page of a packet in memory while it lays it out: 5,000 modules ran for
# minutes into gigabytes. A whole unit of a department's years of work is tens of modules.
MAX_LESSON_MODULES = 300
MAX_DOCUMENTS = 26  # Document A to Z


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def _value_from_text(raw: Any) -> Any:
    return {"value": raw} if isinstance(raw, str) else raw


class MetaValue(Strict):
    """One bibliographic fact about a seed.

    Plain text must appear in the seed as written. A normalised value (an ISO
    date, say) gives `as_written`, the seed's own words. A fact the seed does
    not state gives `attributed`: who supplied it and on what basis; citations
    show attributed facts in square brackets.
    """

    value: Text
    as_written: Text | None = None
    attributed: Text | None = None

    @model_validator(mode="after")
    def _one_basis(self) -> MetaValue:
        if self.as_written and self.attributed:
            raise ValueError("give either as_written or attributed, not both")
        return self


Meta = Annotated[MetaValue, BeforeValidator(_value_from_text)]

SeedKind = Literal["web page", "encyclopedia entry", "news article", "book", "document", "image"]


class FigureRecord(Strict):
    """What a figure seed (an image that is a primary source: a photograph, a poster, a
    cartoon, a map) needs to be printed: words for a reader who cannot see it, and whose it
    is. Unknown stays empty: pull invents neither."""

    alt: Text | None = Field(
        default=None,
        description="What the picture shows, for a reader who cannot see it (the HTML's and "
        "the tagged PDF's alternative text)",
    )
    credit: Text | None = Field(
        default=None,
        description="Who made or holds the picture, and its licence, as the source credits it",
    )


class UnsureWord(Strict):
    """A word OCR read with low confidence: check it against the scan."""

    page: Annotated[str, StringConstraints(min_length=1, max_length=40)]
    word: Text
    confidence: int = Field(ge=0, le=100)


class OcrRecord(Strict):
    """How a scan or a photo was read: its stored text is OCR's, which the teacher may
    correct; a quotation relying on an unsure word is a warning until it is checked."""

    engine: Text
    language: Text
    confidence: float = Field(ge=0, le=100, description="The mean confidence of every word")
    unsure: list[UnsureWord] = Field(
        default_factory=list,
        description="Words read with low confidence; remove one once checked against the scan",
    )


class SeedMeta(Strict):
    """seeds/<file>.meta.yaml: the bibliographic record of one seed document."""

    id: Id
    file: Text
    short: Text = Field(description="Short name used in in-text citations, e.g. 'Asia Highlights'")
    kind: SeedKind
    kind_basis: Text = Field(description="Why the source is of this kind, in a sentence")
    title: Meta
    author: Meta | None = None
    website: Meta | None = None
    publisher: Meta | None = None
    date: Meta | None = None
    date_kind: Literal["published", "updated"] = "published"
    format: Literal["text", "markdown", "html", "pdf", "docx", "odt", "image", "figure"] | None = (
        Field(default=None, description="How to read the file; default: from its extension")
    )
    figure: FigureRecord | None = Field(
        default=None,
        description="For a figure (`format: figure`): its alternative text and credit",
    )
    draft: bool = Field(
        default=False,
        description="Pulled and not yet reviewed: a figure's missing alt text or credit is a "
        "warning until this is removed, an error after",
    )
    ocr: OcrRecord | None = Field(
        default=None,
        description="For a scan or a photo: how OCR read it, and the words it was unsure of",
    )
    parts: list[Text] = Field(
        default_factory=list,
        description="For a document photographed page by page: the other photos in seeds/, "
        "in page order (`file` is the first)",
    )
    text: Text | None = Field(
        default=None,
        description="For a PDF, Word or OpenDocument seed: the file in seeds/ holding its "
        "text as packet pull extracted it (quotations are checked against it)",
    )
    boilerplate: list[Text] = Field(
        default_factory=list,
        description="Lines of the seed that are not article text (ads, booking pitches)",
    )
    purpose: Text | None = Field(
        default=None,
        description="What the source was made for, in a sentence: a document's headnote",
    )
    rights: Text | None = Field(
        default=None,
        description="Copyright or licence, as the source states it: a document's source line",
    )


class Passage(Strict):
    """A verbatim excerpt of a seed that some content rests on."""

    seed: Id
    passage: Text
    page: Annotated[str, StringConstraints(min_length=1, max_length=40)] | None = Field(
        default=None, description="For a paged seed: the page (or pages, '3-4') it is on"
    )


class Question(Strict):
    ask: Text
    answer: Text = Field(json_schema_extra=TEACHER_ONLY)
    kind: QuestionKind = "comprehension"
    space: Literal["line", "short", "long"] = "short"


class TeacherNotes(Strict):
    objectives: list[Text] = Field(default_factory=list)
    timing: Text | None = None
    discussion: Text | None = None
    care: Text | None = None


class ModuleMeta(Strict):
    """Front matter of content/modules/<id>.md."""

    title: Text
    summary: Text
    key_terms: list[Id] = Field(default_factory=list)
    questions: list[Question] = Field(min_length=1)
    teacher_notes: TeacherNotes = Field(default=TeacherNotes(), json_schema_extra=TEACHER_ONLY)
    provenance: list[Passage] = Field(min_length=1)
    draft: bool = False


class EventEntry(Strict):
    """One entry of content/timeline.yaml."""

    id: Id
    date: Text
    title: Text
    detail: Text
    sources: list[Passage] = Field(min_length=1)
    modules: list[Id] = Field(min_length=1)
    period: bool = False
    draft: bool = False


class TermEntry(Strict):
    """One entry of content/glossary.yaml."""

    id: Id
    term: Text
    aliases: list[Text] = Field(default_factory=list)
    definition: Text
    source: Id | Literal["general"]
    passage: Text | None = None
    match_case: bool = False
    draft: bool = False


class Version(Strict):
    seed: Id
    quote: Text


class EditorNote(Strict):
    """Words of the editors inside a document's excerpt, printed in [brackets]: what was left
    out, where its existence matters to a question."""

    note: Text


def _passage_or_note(raw: Any) -> str:
    """Which an excerpt's item is: a mapping is an editor's note, anything else a passage."""
    return "editor's note" if isinstance(raw, dict) else "excerpt passage"


def _no_key_in_passage(raw: Any) -> Any:
    """A passage written unquoted with ": " in it reads as a key: say so, not that a note is
    missing."""
    if isinstance(raw, dict) and set(raw) != {"note"} and len(raw) == 1:
        raise PydanticCustomError(
            "passage_as_key",
            "a passage with ': ' in it reads as 'key: value' — put the passage in quotes",
        )
    return raw


ExcerptPart = Annotated[
    Annotated[Text, Tag("excerpt passage")]
    | Annotated[EditorNote, BeforeValidator(_no_key_in_passage), Tag("editor's note")],
    Discriminator(_passage_or_note),
]


class DocumentEntry(Strict):
    """One entry of content/documents.yaml: an excerpt of a seed reprinted as a document."""

    id: Id
    seed: Id
    title: Text
    headnote: Text | None = Field(
        default=None, description="Where the excerpt comes from within the source, in a sentence"
    )
    excerpt: list[ExcerptPart] = Field(
        default_factory=list,
        description="The seed's own words, one paragraph each; a gap between them prints […]. "
        "None for a figure seed: the picture is reprinted",
    )
    questions: list[Question] = Field(default_factory=list)
    modules: list[Id] = Field(min_length=1)


class DisagreementEntry(Strict):
    """One entry of content/disagreements.yaml: where the seeds differ."""

    id: Id
    topic: Text
    kind: Literal["date", "number", "name", "spelling", "detail", "interpretation"]
    versions: list[Version] = Field(min_length=2)
    note: Text = Field(json_schema_extra=TEACHER_ONLY)
    prompt: Text | None = Field(
        default=None,
        description="What the student edition asks in place of a module's disagreement block",
    )
    modules: list[Id] = Field(min_length=1)


class FinalTask(Strict):
    """A lesson's closing document-based writing task (`task:` in its file)."""

    prompt: Text = Field(description="What to write; [doc:ID] names a document")
    documents: list[Id] = Field(default_factory=list, description="The documents to use")
    plan: list[Text] = Field(min_length=1, description="The planning scaffold, a row each")
    starters: list[Text] = Field(default_factory=list, description="Sentence starters")
    mark_scheme: list[Text] = Field(
        default_factory=list,
        description="Levels or points for marking, teacher edition only",
        json_schema_extra=TEACHER_ONLY,
    )


class LessonEntry(Strict):
    """content/lessons/<id>.yaml."""

    title: Text
    summary: Text | None = None
    modules: list[Id] = Field(
        min_length=1,
        max_length=MAX_LESSON_MODULES,
        json_schema_extra={
            "too_long": "split the lesson into several lessons: each is its own packet, and "
            "a packet this long would take many minutes and gigabytes of memory to print"
        },
    )
    sections: list[Section] = Field(default_factory=lambda: list(DEFAULT_SECTIONS))
    activities: list[Activity] | None = Field(
        default=None,
        min_length=1,
        description="Worksheets after the modules; left out: every activity the modules support",
    )
    advisory: Text | None = None
    enquiry: Text | None = Field(
        default=None, description="The question the lesson sets out to answer, on its cover"
    )
    task: FinalTask | None = None
    ending: Text | None = Field(
        default=None,
        description="How to close this lesson, for the teacher edition's guidance",
        json_schema_extra=TEACHER_ONLY,
    )
    support: bool = Field(
        default=False,
        description="Always with support for weaker readers: a word bank per section and "
        "sentence starters for long answers (as --support gives any lesson)",
    )
    documents: list[Id] | None = Field(
        default=None,
        max_length=MAX_DOCUMENTS,
        description="Documents A, B… in this order; left out: the documents of its modules",
    )
    shuffle_questions: bool = Field(
        default=False,
        description="In a class set's versions (packet print --versions), each version after "
        "A asks each section's questions in an order of its own; leave it out where a "
        "question builds on the one before",
    )


class Settings(Strict):
    """The [packet] table of packet.toml."""

    title: Text
    subtitle: Text | None = None
    course: Text
    school: Text | None = None
    teacher: Text | None = None
    language: Text = "en"
    ocr_language: (
        Annotated[
            str,
            StringConstraints(pattern=r"^[a-z][a-z_]{1,20}(\+[a-z][a-z_]{1,20}){0,4}$"),
        ]
        | None
    ) = Field(
        default=None,
        description="The languages scans are read in, as Tesseract names them ('eng', "
        "'fra+eng'; not 'osd', which finds a page's orientation); default: from `language`",
    )
    paper: Literal["a4", "letter"] = "a4"
    double_sided: bool = Field(
        default=False,
        description="Printed on both sides: sections start on a right-hand page",
    )
    citation_style: Literal["mla", "chicago", "apa"] = "mla"
    period_minutes: int = Field(
        default=50,
        ge=20,
        le=240,
        description="How long one lesson period is: the lesson plan splits its sequence into "
        "periods of this length, each ending with time for questions and a calm close",
    )
    disagreement_prompts: bool = Field(
        default=True,
        description="The student edition asks students to find both versions where a module "
        "says where the sources disagree (false: it prints the block as the teacher's does)",
    )


def teacher_only_fields(model: type[BaseModel], within: bool = False) -> list[tuple[str, ...]]:
    """The paths of the fields of `model` marked TEACHER_ONLY, down to each value written
    in a file (`("teacher_notes", "care")`, `("questions", "answer")`)."""
    found: list[tuple[str, ...]] = []
    for name, info in model.model_fields.items():
        marked = within or (info.json_schema_extra or {}) == TEACHER_ONLY
        inner = models_in(info.annotation)
        if inner:
            for sub in inner:
                found += [(name, *path) for path in teacher_only_fields(sub, marked)]
        elif marked:
            found.append((name,))
    return found
