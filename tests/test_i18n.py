"""Packet's own words in the project's language (i18n.py, the theme's `_()`): the
catalogues hold every word the templates and stylesheets print, each shipped language
translates all of them, the pseudo-locale shows which words still escape the catalogues, and
a French build of the unit prints French chrome around English content, tagged so."""

from __future__ import annotations

import json
import re
import zipfile
from collections.abc import Iterator
from html import unescape
from itertools import pairwise
from pathlib import Path
from types import SimpleNamespace

import pikepdf
import pypdfium2 as pdfium
import pytest
from babel.messages.pofile import read_po

from conftest import REPO, pdf_text, run_packet, starter_project, student_html
from packet.answers import SCRIPT, WORDS, answerable, answers_page, read_saved
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
    assert pseudo("Page {page} of {pages}") == "⟦Pàgé ⟧{page}⟦ öf ⟧{pages}"
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


# The pseudo-locale test proper: every word packet prints comes out ⟦transformed⟧, so what
# is left outside the marks must be the project's own words. A word pair (within a phrase)
# that no file of the project holds, or in a PDF a word none of them uses, is packet's.
_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)*")
_PHRASE = re.compile(r"[^\W\d_]+(?:[\s'-]+[^\W\d_]+)*")  # words, spaces, apostrophes, hyphens
_MARKED = re.compile(r"⟦[^⟦⟧]*⟧")  # innermost first: a message may hold another
_BREAK = "\x00"  # an element's edge: phrases do not run across it
_SHOWN_ATTRIBUTES = re.compile(r'(?:aria-label|alt|title|placeholder)="([^"]*)"')


def _normal(text: str) -> str:
    """One apostrophe (YAML writes one as two inside single quotes), single quotation marks
    as breaks (packet sets a quotation inside another in them), no soft hyphens."""
    text = re.sub("‘|’(?![^\\W\\d_])", "|", text.replace("\u00ad", ""))
    return text.replace("’", "'").replace("''", "'")


def _unmarked(text: str) -> str:
    while _MARKED.search(text):
        text = _MARKED.sub(_BREAK, text)
    return text


def _pieces(path: Path) -> list[str]:
    """What a reader sees of an output, outside the pseudo-locale's marks, in pieces that
    no phrase crosses (an element, a run of a Word paragraph, a PDF page's line)."""
    if path.suffix == ".html":
        page = re.sub(r"<(style|script)\b.*?</\1>", " ", path.read_text("utf-8"), flags=re.S)
        heard = [_unmarked(unescape(a)) for a in _SHOWN_ATTRIBUTES.findall(page)]
        return heard + _unmarked(unescape(re.sub(r"<[^>]+>", _BREAK, page))).split(_BREAK)
    if path.suffix == ".docx":
        with zipfile.ZipFile(path) as docx:
            xml = " ".join(
                docx.read(n).decode() for n in docx.namelist() if re.match(r"word/.*\.xml$", n)
            )
        runs = re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", xml)
        return _unmarked(unescape(_BREAK.join(runs))).split(_BREAK)
    if path.suffix != ".pdf":
        return []
    document = pdfium.PdfDocument(path)
    try:
        pages = [page.get_textpage().get_text_bounded() for page in document]
    finally:
        document.close()
    # Lines run on (a word a line break cut is joined again by `_joined`).
    text = "\n".join(pages).replace("\u2010\r\n", "").replace("\r\n", " ")
    return _unmarked(text).split(_BREAK)


def _phrases(text: str) -> Iterator[list[str]]:
    for phrase in _PHRASE.findall(_normal(text)):
        yield [word.lower() for word in _WORD.findall(phrase)]


def _project_words(project: Path) -> tuple[set[str], set[tuple[str, str]]]:
    """The words and word pairs of every text file of the project: content, lessons,
    settings, seeds (their text gives pairs only: a PDF's words must be the content's)."""
    words: set[str] = set()
    pairs: set[tuple[str, str]] = set()
    for path in project.rglob("*"):
        if not path.is_file() or path.suffix not in {".md", ".toml", ".yaml", ".txt", ".csv"}:
            continue
        if {"output", ".packet"} & set(path.relative_to(project).parts):
            continue
        for phrase in _phrases(path.read_text("utf-8", "replace")):
            pairs.update(pairwise(phrase))
            if not (path.suffix == ".txt" and path.parent.name == "seeds"):
                words.update(phrase)
    return words, pairs


def _joined(phrase: list[str], words: set[str]) -> list[str]:
    """A PDF's words with any a line break cut in two ("Highli" / "ghts", where a narrow
    column broke an unbreakable citation) made whole again."""
    out: list[str] = []
    for word in phrase:
        if out and word not in words and out[-1] + word in words:
            out[-1] += word
        else:
            out.append(word)
    return out


def _untransformed(out: Path, project: Path) -> dict[str, set[str]]:
    """Word pairs (HTML, Word) and words (PDF) printed outside the pseudo-locale's marks
    that the project's files never use, each with the outputs it is in."""
    words, pairs = _project_words(project)
    found: dict[str, set[str]] = {}
    for path in sorted(out.glob("*.*")):
        for piece in _pieces(path):
            for phrase in _phrases(piece):
                if path.suffix == ".pdf":
                    strange = [w for w in _joined(phrase, words) if w not in words and len(w) > 1]
                else:
                    strange = [
                        f"{a} {b}"
                        for a, b in pairwise(phrase)
                        if (a, b) not in pairs and min(len(a), len(b)) > 1
                    ]
                for said in strange:
                    found.setdefault(said, set()).add(path.name)
    return found


@pytest.fixture(scope="module")
def pseudo_unit(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Every lesson of the unit in the pseudo-locale: both editions, PDF, HTML and Word,
    with the answer keys and lesson plans."""
    out = tmp_path_factory.mktemp("pseudo-unit")
    done = run_packet(
        "build", "--language", PSEUDO, "--edition", "both", "--format", "all", "--out", str(out),
        cwd=REPO,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    return out


def test_no_word_packet_prints_escapes_the_pseudo_locale(tmp_path: Path, pseudo_unit: Path) -> None:
    """The issue's test: the starter project (with word banks and the report edition) and
    the unit, every output, and nothing packet prints outside the catalogues."""
    starter = starter_project(tmp_path / "unit")
    out = tmp_path / "out"
    for options in (["--edition", "both"], ["--edition", "report"], ["--support", "--name", "s"]):
        done = run_packet(
            "build", "--language", PSEUDO, "--format", "all", "--out", str(out), *options,
            cwd=starter,
        )  # fmt: skip
        assert done.returncode == 0, done.stderr
    assert len(list(out.glob("*.docx"))) >= 3 and len(list(out.glob("*.pdf"))) >= 5
    assert _untransformed(out, starter) == {}
    assert len(list(pseudo_unit.glob("*.docx"))) == 14
    assert _untransformed(pseudo_unit, REPO) == {}


def test_the_pseudo_locale_check_sees_a_word_left_in_english(tmp_path: Path) -> None:
    """The check above can fail: a word packet printed without its catalogue is found in
    each kind of output, and the project's own words are not."""
    project = tmp_path / "p"
    (project / "content").mkdir(parents=True)
    (project / "content" / "a.md").write_text("The movement's roots go back to 1951.\n", "utf-8")
    out = tmp_path / "out"
    out.mkdir()
    (out / "a.html").write_text(
        "<p>⟦Çöñtéñtš⟧</p><p>The movement’s roots go back</p><p>Each set matches none</p>"
    )
    assert set(_untransformed(out, project)) == {"each set", "set matches", "matches none"}


def test_the_answers_script_shows_only_words_the_catalogues_hold(french_unit: Path) -> None:
    """Every message the student HTML packet's answers script shows goes through its `t()`
    and is one of `answers.WORDS` (so in the catalogues); a French packet carries them in
    French in its data, an English one carries none."""
    shown = set(re.findall(r'\bt\("((?:[^"\\]|\\.)*)"', SCRIPT))
    assert shown == set(WORDS)
    assert not re.search(r'(?:say|confirm)\("', SCRIPT)  # every message through t()
    html = (french_unit / "3-s21-student.html").read_text("utf-8")
    assert json.dumps(Words("fr").say("Save my answers"))[1:-1] in html
    page = "<html><body><p>…</p></body></html>"
    for language, carried in (("en", False), ("fr", True)):
        packet = SimpleNamespace(
            title="T", lesson_id="l", lesson_title="L", edition="student", ui_language=language
        )
        made = answerable(page, packet)
        state = re.search(r'<script type="application/json"[^>]*>([^<]*)<', made)
        assert state is not None and ("words" in json.loads(state[1])) is carried


def test_a_teachers_page_of_saved_answers_speaks_the_packets_language() -> None:
    """`packet answers` prints its words in the language of the packet the answers were
    saved from (the file says; a file without it, or with no language tag, is English)."""
    saved: dict[str, object] = {
        "format": "packet-answers", "format_version": 1, "lesson": "l", "lesson_title": "L",
        "project": "P", "saved": "2026-12-01T10:00:00Z", "name": "",
        "answers": [{"id": "a", "question": "Q?", "answer": ""}],
    }  # fmt: skip
    words = Words("fr")
    for language, page_language in (("fr", "fr"), (None, "en"), ("<b>", "en")):
        data = {**saved, "language": language} if language else saved
        page = answers_page(read_saved(json.dumps(data).encode(), "a.json"))
        assert f'<html lang="{page_language}">' in page
        said = words if page_language == "fr" else Words("en")
        assert said("(no name given)") in page and said("(no answer)") in page
    assert Words("fr")("(no answer)") != "(no answer)"


def test_a_project_template_uses_packets_words_in_the_sandbox(tmp_path: Path) -> None:
    """An override in the project's templates/ calls `_` and `ui_lang` as the theme does:
    its words come in the build's language, tagged with it; a message cannot reach past a
    plain name (the sandbox holds)."""
    project = starter_project(tmp_path / "unit")
    theme = Path(__file__).resolve().parent.parent / "src" / "packet" / "theme"
    cover = (theme / "cover.html.j2").read_text("utf-8")
    mine = (
        '<p class="mine"{{ ui_lang }}>{{ _("Contents") }} · '
        '{{ _("Version {version}", version="B") }} · {{ _("{x.__class__}", x=1) }}</p>'
    )
    (project / "templates" / "cover.html.j2").write_text(
        cover.replace("</section>", mine + "</section>", 1), "utf-8"
    )
    student = student_html(project, tmp_path / "out", "fr")
    words = Words("fr")
    shown = re.search(r'<p class="mine"([^>]*)>([^<]*)</p>', student.read_text("utf-8"))
    assert shown is not None
    assert shown[1] == ' lang="fr"'  # the starter's content is English
    said = f"{words('Contents')} · {words('Version {version}', version='B')} · {{x.__class__}}"
    assert unescape(shown[2]) == said and words("Contents") != "Contents"
