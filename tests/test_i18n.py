"""Packet's own words in the project's language (i18n.py, the theme's `_()`): the
catalogues hold every word the templates and stylesheets print, each shipped language
translates all of them, the pseudo-locale shows which words still escape the catalogues, and
a French build of the unit prints French chrome around English content, tagged so."""

from __future__ import annotations

import re
from pathlib import Path

import pikepdf
import pytest
from babel.messages.pofile import read_po

from conftest import REPO, pdf_text, run_packet, starter_project
from packet.i18n import LOCALE, PSEUDO, SHIPPED, Words, extract, pseudo, translations, untranslated

LANGUAGES = [language for language in SHIPPED if language != "en"]
_PLACEHOLDER = re.compile(r"\{[a-z_]+\}")


def _pot_ids() -> set[str]:
    with (LOCALE / "packet.pot").open("rb") as pot:
        return {m.id if isinstance(m.id, str) else m.id[0] for m in read_po(pot) if m.id}


def test_the_template_holds_every_word_packet_prints() -> None:
    """`make catalogues` has been run: the .pot is the words the templates and code mark."""
    assert {m.id if isinstance(m.id, str) else m.id[0] for m in extract() if m.id} == _pot_ids()


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_language_translates_every_word(language: str) -> None:
    assert untranslated(language) == []
    with (LOCALE / language / "LC_MESSAGES" / "packet.po").open("rb") as po:
        catalog = read_po(po, locale=language)
    assert {m.id if isinstance(m.id, str) else m.id[0] for m in catalog if m.id} == _pot_ids()
    assert "reviewed" in (catalog.header_comment or "")  # how it was reviewed, said
    for message in catalog:
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        forms = message.string if isinstance(message.string, tuple) else (message.string,)
        wanted = sorted(set(_PLACEHOLDER.findall(ids[-1])))
        for form in forms:  # each plural form names the same values
            assert sorted(set(_PLACEHOLDER.findall(form))) == wanted, (message.id, form)
            assert len(_PLACEHOLDER.findall(form)) == len(_PLACEHOLDER.findall(ids[-1]))


def test_words_fill_only_plain_names() -> None:
    """A project template passes the message itself: `{x.__class__}` must not reach
    Python's format machinery (the sandbox would be bypassed)."""
    words = Words("en")
    assert words("Page {page} of {pages}", page=2, pages=9) == "Page 2 of 9"
    assert words("{page.__class__} {page[0]}", page="x") == "{page.__class__} {page[0]}"
    assert Words("fr").catalogue == "fr" and Words("fr-CA").catalogue == "fr"
    assert Words("it").catalogue == "en"  # no Italian catalogue: packet's words stay English
    assert pseudo("Page {page} of {pages}") == "⟦Pàgé {page} öf {pages}⟧"
    assert translations(PSEUDO).gettext("Contents") == "⟦Çöñtéñtš⟧"


def test_an_unshipped_language_is_refused_with_the_choices(tmp_path: Path) -> None:
    project = starter_project(tmp_path / "unit")
    done = run_packet("build", "--language", "it", cwd=project)
    assert done.returncode == 2
    assert "--language it: packet's own words come in en, fr, es, de" in done.stderr


def _fragments(message: str) -> list[str]:
    """The literal words of a message, between its placeholders: what must not print
    untranslated."""
    return [
        part.strip()
        for part in _PLACEHOLDER.split(message)
        if len(part.strip()) >= 4 and re.search("[A-Za-z]{3}", part)
    ]


@pytest.fixture(scope="module")
def starter_builds(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The starter project built in English, in the pseudo-locale and in each shipped
    language: both editions, PDF and HTML, with --strict (a preflight finding is fatal)."""
    project = starter_project(tmp_path_factory.mktemp("i18n") / "unit")
    built = {}
    for language in ["en", PSEUDO, *LANGUAGES]:
        out = project.parent / f"out-{language}"
        done = run_packet(
            "build", "--language", language, "--edition", "both", "--strict", "--out", str(out),
            cwd=project,
        )  # fmt: skip
        assert done.returncode == 0, f"{language}: {done.stderr}"
        built[language] = out
    return built


def _texts(out: Path) -> str:
    pdfs = ["\n".join(pdf_text(path)) for path in sorted(out.glob("*.pdf"))]
    pages = [path.read_text("utf-8") for path in sorted(out.glob("*.html"))]
    # What a reader sees of a page: no stylesheets, scripts or tags (class names like
    # "booklet" and "support" are not words packet prints).
    shown = [re.sub(r"<(style|script)\b.*?</\1>", " ", page, flags=re.S) for page in pages]
    return "\n".join(pdfs + [re.sub(r"<[^>]+>", " ", page) for page in shown])


def test_the_pseudo_locale_transforms_packets_words(starter_builds: dict[str, Path]) -> None:
    """Every catalogue word the English starter prints is printed transformed in the
    pseudo-locale: fewer times untransformed than in English (the content may use the same
    words). Words made in code that are not yet in the catalogues are not seen here."""
    english, marked = _texts(starter_builds["en"]), _texts(starter_builds[PSEUDO])
    assert marked.count("⟦") > 50
    escaped = []
    for message in _pot_ids():
        for fragment in _fragments(message):
            shown = english.count(fragment)
            if shown and marked.count(fragment) >= shown:
                escaped.append(fragment)
    assert not escaped, f"printed untransformed in the pseudo-locale: {escaped}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_starter_in_each_language_prints_its_words(
    starter_builds: dict[str, Path], language: str
) -> None:
    """Built with --strict above: no preflight finding in any language. The cover's labels
    and the page footer are the catalogue's."""
    words = Words(language)
    (student,) = starter_builds[language].glob("*-student.pdf")
    pages = pdf_text(student)
    cover = pages[0]
    for label in ("Name", "Class", "Date"):  # set in capitals by the stylesheet
        assert words(label).upper() in cover.upper()
    assert words("Page {page} of {pages}", page=2, pages=len(pages)) in pages[1]
    assert words("Contents") in "\n".join(pages[:3])


@pytest.fixture(scope="module")
def french_unit(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("french-unit")
    done = run_packet(
        "build", "3-s21", "--language", "fr", "--edition", "both", "--out", str(out), cwd=REPO
    )
    assert done.returncode == 0, done.stderr
    return out


def test_the_unit_in_french_has_french_chrome_around_english_content(french_unit: Path) -> None:
    words = Words("fr")
    pages = pdf_text(french_unit / "3-s21-student.pdf")
    assert words("Name").upper() in pages[0] and "NAME" not in pages[0].split()
    assert "Duch" in "\n".join(pages)  # the content stays as written
    html = (french_unit / "3-s21-student.html").read_text("utf-8")
    assert '<html lang="en"' in html
    tagged = re.findall(r'<(\w+)[^>]*\blang="fr"[^>]*>([^<]*)', html)
    assert tagged and any(text == words("Contents") for _, text in tagged)


def test_the_french_pdf_tags_packets_words_as_french(french_unit: Path) -> None:
    """The PDF's language stays the content's; the structure elements holding packet's own
    words carry /Lang fr, so a screen reader switches."""
    with pikepdf.open(french_unit / "3-s21-student.pdf") as pdf:
        assert str(pdf.Root.Lang) == "en"
        languages = set()
        stack = [pdf.Root.StructTreeRoot]
        while stack:
            node = stack.pop()
            if isinstance(node, pikepdf.Dictionary):
                if "/Lang" in node:
                    languages.add(str(node.Lang))
                kids = node.get("/K")
                if isinstance(kids, pikepdf.Array):
                    stack.extend(kids)
                elif isinstance(kids, pikepdf.Dictionary):
                    stack.append(kids)
    assert "fr" in languages
