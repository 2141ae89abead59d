"""Support for weaker readers: a word bank before each section's questions and sentence
starters under each long-answer question — in the `-support` outputs (the shared variant
build) and in every build of a lesson that asks for it."""

from __future__ import annotations

import re
from pathlib import Path

from conftest import flat, pdf_text, plain
from packet.assemble import assemble
from packet.model import Project
from packet.project import load_project
from packet.render import render_html
from packet.support import STARTERS, starters


def test_every_lesson_builds_with_support_under_its_own_names(
    built_variants: Path, repo_project: Project
) -> None:
    """Strict, so with no preflight finding (the shared build would have stopped)."""
    names = {p.name for p in (built_variants / "support").glob("*.pdf")}
    for lesson in repo_project.lessons:
        assert {
            f"{lesson}-student-support.pdf",
            f"{lesson}-teacher-support.pdf",
            f"{lesson}-support-answer-key.pdf",
        } <= names
    assert not [n for n in names if n.endswith("-lesson-plan.pdf")]  # the standard build's alone


def test_the_support_edition_has_a_word_bank_per_section_and_starters_for_long_answers(
    built: Path, built_variants: Path, repo_project: Project
) -> None:
    for lesson in ("3-s21", "whole-unit"):
        text = flat(
            " ".join(pdf_text(built_variants / "support" / f"{lesson}-student-support.pdf"))
        )
        packet = assemble(repo_project, repo_project.lessons[lesson], "student", support=True)
        assert text.count("Word bank: use these words in your answers") == len(packet.modules)
        for module in packet.modules:
            assert module.word_bank and module.word_bank[0] == module.key_terms[0].term
        asked = [q for m in packet.modules for q in m.questions]
        asked += [q for d in packet.documents for q in d.questions]
        long = [q for q in asked if q.space == "long"]
        assert long and text.count("You could start:") == len(long), lesson
        for question in long:
            assert question.starters == starters(question.kind, "long")
            assert flat(question.starters[0]) in text
        standard = flat(" ".join(pdf_text(built / f"{lesson}-student.pdf")))
        assert "Word bank" not in standard and "You could start" not in standard


def test_the_word_bank_gives_words_not_meanings(repo_project: Project) -> None:
    """A glossary definition just above the questions would answer them ("S-21: … a
    former high school" above "What was the S-21 building before it became a prison?")."""
    packet = assemble(repo_project, repo_project.lessons["3-s21"], "student", support=True)
    html = render_html(packet, repo_project.root)
    [bank] = re.findall(r'<aside class="word-bank".*?</aside>', html, re.DOTALL)
    words = [plain(li) for li in re.findall(r"<li>(.*?)</li>", bank)]
    assert words == list(packet.modules[0].word_bank)
    for term in repo_project.terms.values():
        assert plain(term.entry.definition)[:30] not in plain(bank)
    # every glossary term the section is the first to use is in its bank too
    assert "genocide" in words


def test_starters_fit_every_kind_and_only_long_answers() -> None:
    for kind, lines in STARTERS.items():
        assert len(lines) >= 2, kind
        assert starters(kind, "short") == () and starters(kind, "line") == ()
        assert not any(" …" in s for s in starters(kind, "long"))  # "…" keeps to its word


def test_a_lesson_can_ask_for_support_in_every_build(project_dir: Path) -> None:
    lesson = project_dir / "content/lessons/3-s21.yaml"
    lesson.write_text(lesson.read_text("utf-8") + "support: true\n", encoding="utf-8")
    project = load_project(project_dir)
    packet = assemble(project, project.lessons["3-s21"], "student")
    assert packet.support and packet.modules[0].word_bank
    other = assemble(project, project.lessons["5-justice"], "student")
    assert not other.support and not other.modules[0].word_bank


def test_a_key_term_links_to_the_glossary_only_where_it_has_an_entry(project_dir: Path) -> None:
    """A teacher's read of batch 40: a section's key term that its text never uses (a false
    term elsewhere took its words: "the Great" in "the Great Hall") had no glossary entry in
    the packet, and its key-terms box linked to an anchor that was not there (WeasyPrint: "No
    anchor #gloss-great-hall"). A key term without an entry is printed, not linked."""
    glossary = project_dir / "content" / "glossary.yaml"
    glossary.write_text(
        glossary.read_text(encoding="utf-8")
        + "- id: quipu\n  term: Quipu\n  definition: A knotted cord kept as a record.\n"
        "  source: general\n",
        encoding="utf-8",
    )
    module = project_dir / "content" / "modules" / "civil-war.md"
    text = module.read_text(encoding="utf-8")
    module.write_text(text.replace("key_terms: [sihanouk,", "key_terms: [quipu, sihanouk,", 1))
    project = load_project(project_dir)
    lessons = [
        name
        for name, lesson in project.lessons.items()
        if "civil-war" in [m if isinstance(m, str) else m.module for m in lesson.entry.modules]
    ]
    assert lessons
    html = render_html(assemble(project, project.lessons[lessons[0]], "student"), project_dir)
    targets = set(re.findall(r'href="#(gloss-[^"]+)"', html))
    anchors = set(re.findall(r'id="(gloss-[^"]+)"', html))
    assert "gloss-coup" in targets and targets <= anchors
    assert "Quipu" in html and "gloss-quipu" not in targets
