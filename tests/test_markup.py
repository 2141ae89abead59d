"""Markdown -> HTML (terms, citations, numbered paragraphs, raw HTML refused), and how
HTML reaches the page: as Markup from the code that makes it, every other value escaped."""

from __future__ import annotations

import re
import sys
from collections import Counter
from collections.abc import Sequence
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import jinja2
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from jinja2 import nodes
from markupsafe import Markup

import packet.markup
from packet.assemble import assemble
from packet.check import check_project
from packet.markup import MarkdownReader, TermFinder, TermSpec, term_pattern, typeset
from packet.model import Project
from packet.project import load_project
from packet.render import THEME, render_html

TERMS = [
    ("khmer-rouge", ["Khmer Rouge", "Khmers Rouges"], False),
    ("khmer-rouge-tribunal", ["Khmer Rouge Tribunal"], False),
    ("cpk", ["Communist Party of Kampuchea", "CPK"], False),
    ("kprp", ["Khmer People's Revolutionary Party"], False),
    ("cadre", ["cadre"], False),
    ("s-21", ["S-21"], False),
]


def markup() -> MarkdownReader:
    return MarkdownReader({"highlights": "Asia Highlights"}, TermFinder(TERMS))


def ids(text: str) -> list[str]:
    return [term for _, _, term in TermFinder(TERMS).find(text)]


def test_terms_match_case_plurals_aliases_and_line_breaks() -> None:
    assert ids("the khmer rouge and the Khmers Rouges") == ["khmer-rouge", "khmer-rouge"]
    assert ids("many cadres, one Cadre") == ["cadre", "cadre"]
    assert ids("the Khmer\nRouge") == ["khmer-rouge"]


def test_acronyms_match_only_in_capitals_and_words_only_whole() -> None:
    assert ids("the CPK, not cpk, nor CPKs") == ["cpk"]
    assert ids("cadres and cadreship") == ["cadre"]
    assert ids("S-21 but not S-210") == ["s-21"]


def test_the_longest_spelling_wins() -> None:
    assert ids("the Khmer Rouge Tribunal opened") == ["khmer-rouge-tribunal"]


def test_apostrophes_match_straight_or_curly() -> None:
    assert ids("Khmer People’s Revolutionary Party") == ["kprp"]


# -- one pass for every term -------------------------------------------------------------------


def one_pattern_per_term(text: str, terms: Sequence[TermSpec]) -> list[tuple[int, int, str]]:
    """Term uses found the straightforward way (as packet did before `TermFinder`): every
    term's pattern over the whole text, then from the left the longest match at each place
    (the earlier term on a tie) that overlaps none kept before it."""
    patterns = [(term_id, term_pattern(spellings, case)) for term_id, spellings, case in terms]
    candidates = sorted(
        ((m.start(), m.end(), term_id) for term_id, p in patterns for m in p.finditer(text)),
        key=lambda c: (c[0], -(c[1] - c[0])),
    )
    chosen: list[tuple[int, int, str]] = []
    for start, end, term_id in candidates:
        if not chosen or start >= chosen[-1][1]:
            chosen.append((start, end, term_id))
    return chosen


# Words that overlap, differ only in case, plural or apostrophe, hold hyphens, digits and dots,
# and the letters whose case is not simple: the long s, the dotted and dotless i, the Kelvin
# sign, the Greek iota written below a letter (ᾳ, and U+0345 on its own), the sharp s.
WORDS = [
    "Khmer", "Rouge", "Rouges", "khmers", "cadre", "cadres", "S-21", "People's", "People’s",
    "U.S.", "co-op", "Year", "Zero", "state", "ſtate", "İz", "ız", "iz", "\u212aampong",
    "kampong", "ᾳ", "αι", "α\u0345", "Straße", "STRASSE", "Pol", "Pot", "CPK", "1975", "es", "s",
]  # fmt: skip
CASES = [str, str.lower, str.upper, str.title, str.swapcase]
spellings = st.builds(
    lambda words, case: case(" ".join(words)),
    st.lists(st.sampled_from(WORDS), min_size=1, max_size=3),
    st.sampled_from(CASES),
).filter(str.strip)
glossaries = st.lists(
    st.tuples(st.lists(spellings, min_size=1, max_size=3, unique=True), st.booleans()),
    max_size=8,
).map(lambda terms: [(f"t{n}", tuple(s), case) for n, (s, case) in enumerate(terms)])


@st.composite
def glossary_and_text(draw: st.DrawFn) -> tuple[list[TermSpec], str]:
    """A glossary, and a text of its spellings and other words, in any case, with plural
    endings and all sorts of space and punctuation between them."""
    terms = draw(glossaries)
    written = [spelling for _, spellings, _ in terms for spelling in spellings]
    piece = st.builds(
        lambda word, case, ending, gap: case(word) + ending + gap,
        st.sampled_from(WORDS + written * 3),
        st.sampled_from(CASES),
        st.sampled_from(["", "", "s", "es", "ES", "’s", "-"]),
        st.sampled_from([" ", " ", "\n", "  ", ", ", "-", "(", ")", "", "\u0345"]),
    )
    return terms, "".join(draw(st.lists(piece, max_size=25)))


@settings(max_examples=400)
@given(glossary_and_text())
def test_the_term_finder_finds_what_each_terms_own_pattern_finds(
    example: tuple[list[TermSpec], str],
) -> None:
    terms, text = example
    assert TermFinder(terms).find(text) == one_pattern_per_term(text, terms)


@pytest.mark.parametrize(
    ("terms", "text"),
    [
        ([("khmer", ("Khmer",), False), ("kr", ("Khmer Rouge",), False)],
         "The Khmer Rouge, the Khmers and the KHMER ROUGES"),
        # A term's own matches never overlap, so "y" after "x y" is not a use of t1 even
        # though "w x" (t0) is the use kept at "x".
        ([("t0", ("w x",), False), ("t1", ("x y", "y"), False)], "w x y"),
        ([("t0", ("Pol Pot",), False), ("t1", ("Pot",), True)], "Pol\nPot pot Pots"),
        ([("t0", ("People’s Party",), False)], "People's Party, People’s Parties"),
        ([("a", ("S-21",), False), ("b", ("S",), False)], "S-21 S-210 S- S"),
        ([("a", ("ſtate",), False), ("b", ("\u212aampong",), True)], "STATE Kampong kampong"),
        ([("a", ("αι",), False)], "ᾳ α\u0345 αι ΑΙ"),
        ([("a", ("x",), False), ("b", ("x",), False)], "x"),
    ],
)  # fmt: skip
def test_overlapping_and_unusual_terms_are_found_as_by_their_own_patterns(
    terms: list[TermSpec], text: str
) -> None:
    found = TermFinder(terms).find(text)
    assert found and found == one_pattern_per_term(text, terms)


def test_characters_a_case_blind_pattern_takes_for_each_other_are_folded_alike() -> None:
    """What the finder's index rests on: every character folds to one that a case-blind
    pattern takes for it, as does every character the pattern takes for it; and folding
    keeps a word character a word character (but for U+0345, folded to "ι", a word of its
    own to the finder)."""
    folds = packet.markup._Folds()
    every = [chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c <= 0xDFFF]
    word = re.compile(r"\w")
    for char in every:
        folded = char.translate(folds)
        assert len(folded) == 1
        assert bool(word.match(char)) == bool(word.match(folded)) or folded == "ι", hex(ord(char))
    cased = "".join(c for c in every if c.lower() != c or c.upper() != c)
    for char in cased:
        alike = re.findall("(?i)" + re.escape(char), cased)
        assert {c.translate(folds) for c in alike} == {char.translate(folds)}, char


class Counted:
    """A term's pattern that counts how it is used."""

    def __init__(self, pattern: re.Pattern[str], uses: Counter[str]) -> None:
        self.pattern, self.uses = pattern, uses

    def match(self, text: str, pos: int = 0) -> re.Match[str] | None:
        self.uses["match"] += 1
        return self.pattern.match(text, pos)

    def __getattr__(self, name: str) -> Any:  # finditer, search…: a scan of the whole text
        self.uses[name] += 1
        return getattr(self.pattern, name)


def test_the_text_is_read_once_and_only_terms_whose_words_are_in_it_are_tried(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """2,000 terms, three of them used: the text is split into words once, and only the
    patterns of those three are made and tried, each only where its words start."""
    terms = [(f"t{n}", (f"word{n}", f"other name {n}"), False) for n in range(2_000)]
    text = "Before word5 and after other name 17, then word1999s. " * 3
    compiled: list[tuple[str, ...]] = []
    uses: Counter[str] = Counter()

    def counted(spellings: tuple[str, ...], match_case: bool) -> Counted:
        compiled.append(tuple(spellings))
        return Counted(term_pattern(spellings, match_case), uses)

    monkeypatch.setattr(packet.markup, "term_pattern", counted)
    finder = TermFinder(terms)
    splits: Counter[str] = Counter()
    token = packet.markup._TOKEN
    monkeypatch.setattr(packet.markup, "_TOKEN", Counted(token, splits))
    found = finder.find(text)
    assert [term for _, _, term in found] == ["t5", "t17", "t1999"] * 3
    assert splits == {"finditer": 1}  # the text, once
    assert sorted(compiled) == sorted(terms[n][1] for n in (5, 17, 1999))
    assert uses == {"match": 9}  # where their words are, and nowhere else


def test_a_check_and_its_packets_index_the_glossary_once(
    repo_project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    made: list[int] = []
    real = packet.markup.TermFinder

    def counted(terms: Sequence[TermSpec]) -> TermFinder:
        made.append(len(terms))
        return real(terms)

    monkeypatch.setattr(packet.markup, "TermFinder", counted)
    packet.markup.term_finder.cache_clear()
    check_project(repo_project)
    for lesson in ("1-roots", "whole-unit"):
        assemble(repo_project, repo_project.lessons[lesson], "teacher")
    assert made == [len(repo_project.terms)]


class Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[dict[str, str | None]] = []
        self.paragraphs: list[str | None] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "a":
            self.links.append(dict(attrs))
        if tag == "p":
            self.paragraphs.append(dict(attrs).get("id"))


def test_first_use_links_to_the_glossary_and_later_uses_do_not_get_an_id() -> None:
    rendered = markup().block("The Khmer Rouge rose.\n\nThe Khmer Rouge fell.", "m1")
    parser = Links()
    parser.feed(rendered.html)
    assert rendered.terms == ["khmer-rouge"]
    assert parser.links[0] == {
        "class": "term first",
        "href": "#gloss-khmer-rouge",
        "id": "use-khmer-rouge-m1",
    }
    assert parser.links[1] == {"class": "term", "href": "#gloss-khmer-rouge"}
    assert parser.paragraphs == ["m1-p1", "m1-p2"]
    assert rendered.paragraphs == 2


def test_terms_in_headings_and_links_are_left_alone() -> None:
    rendered = markup().block("## The Khmer Rouge\n\nSee [the Khmer Rouge](#x).", "m")
    assert rendered.terms == []


def test_citations_render_as_the_seed_short_name() -> None:
    rendered = markup().block("“Year Zero” [@highlights]", "m")
    # one unbreakable tag, kept on its line with the word before it
    tag = '<span class="cited">Zero”\u00a0<span class="cite">(Asia\u00a0Highlights)</span></span>'
    assert tag in rendered.html
    assert rendered.cited == ["highlights"]


def test_raw_html_is_shown_as_text_never_passed_through() -> None:
    html = markup().block('<script>alert(1)</script> <img src="file:///etc/passwd">', "m").html
    assert "<script" not in html and "<img" not in html
    assert "&lt;script&gt;" in html


def test_blockquote_paragraphs_are_not_numbered() -> None:
    rendered = markup().block("One.\n\n> Quoted.\n\nTwo.", "m")
    assert rendered.paragraphs == 2
    assert 'id="m-p2"' in rendered.html and "Two." in rendered.html.split('id="m-p2"')[1]


def test_rendered_markdown_is_markup() -> None:
    assert isinstance(markup().block("One.", "m").html, Markup)
    assert isinstance(markup().inline("*One*").html, Markup)


# Filters that would make a template choose or order data rather than present it.
CHOOSING = {"selectattr", "rejectattr", "select", "reject", "sort", "groupby", "unique"}


def test_the_theme_marks_nothing_safe_and_chooses_nothing() -> None:
    env = jinja2.Environment()
    for path in sorted(THEME.glob("*.j2")):
        tree = env.parse(path.read_text(encoding="utf-8"))
        used = {node.name for node in tree.find_all(nodes.Filter)}
        assert "safe" not in used, f"{path.name}: HTML should arrive as Markup, not | safe"
        assert not used & CHOOSING, f"{path.name}: choose in assemble.py, not {used & CHOOSING}"


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{path}: {old!r}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_text_that_is_not_markdown_is_escaped_in_the_page(project_dir: Path) -> None:
    """A title, a term, a source's description or a citation written as HTML prints as text."""
    content, seeds = project_dir / "content", project_dir / "seeds"
    _edit(content / "lessons" / "1-roots.yaml", 'title: "Roots', 'title: "<script>1</script>')
    _edit(content / "timeline.yaml", "title: Khmer People's", "title: <script>2</script>")
    _edit(content / "glossary.yaml", "Red Khmer]", "Red Khmer, <script>3</script>]")
    highlights = seeds / "000_cca718986b70f43e.meta.yaml"
    _edit(highlights, "  A history page", "  <script>4</script> A history page")
    _edit(highlights, "title: The Khmer Rouge", "title: The Khmer Rouge <script>5</script>")
    _edit(highlights, 'purpose: "To tell', 'purpose: "<script>6</script> To tell')
    project = load_project(project_dir)
    html = render_html(assemble(project, project.lessons["1-roots"], "teacher"), project_dir)
    assert "<script" not in html
    for n in range(1, 7):
        assert f"&lt;script&gt;{n}&lt;/script&gt;" in html, n
    # the source's description in the sources section; its purpose in the worksheet's answer
    # key and the document's headnote
    assert html.count("&lt;script&gt;4&lt;/script&gt;") == 1
    assert html.count("&lt;script&gt;6&lt;/script&gt;") >= 2


# The sources section as earlier page wrote it: citations marked `| safe`, the note chosen
# with `selectattr`. A project may hold a copy of it among its own templates.
EARLIER_SOURCES = """\
<section class="back sources" id="section-sources">
  <h1 class="back-title">Sources</h1>
  <p class="back-intro">Everything in this packet comes from these documents. \
Citations follow {{ packet.citation_style }}.</p>
  <ul class="source-list">
  {% for source in packet.sources %}
    <li id="source-{{ source.id }}">
      <p class="citation">{{ source.citation_html | safe }}</p>
      <p class="source-kind"><span class="label">Kind of source:</span> \
{{ source.kind }}. {{ source.kind_basis }}</p>
    </li>
  {% endfor %}
  </ul>
  {% if packet.sources | selectattr("has_attributed") | list %}
  <p class="source-note">Details in [square brackets] are not stated in the source itself; \
the unit’s editors supplied them.</p>
  {% endif %}
</section>
"""


def test_a_project_template_from_an_earlier_theme_still_draws_the_same(project_dir: Path) -> None:
    project = load_project(project_dir)
    packet = assemble(project, project.lessons["1-roots"], "teacher")
    page = render_html(packet, project_dir)
    (project_dir / "templates" / "section-sources.html.j2").write_text(EARLIER_SOURCES, "utf-8")
    assert "[square brackets]" in page and "<i>" in page
    assert render_html(packet, project_dir) == page


def test_typography_sets_dashes_and_quotes_but_leaves_what_was_meant_literally() -> None:
    assert typeset('Roots, part (c) -- the "1960s" +-2 ...') == (
        "Roots, part (c)\u00a0– the “1960s” +-2 …"
    )
    assert typeset("1.5 million people — or more") == "1.5\u00a0million people\u00a0— or more"
    assert typeset("khmer--rouge") == "khmer--rouge"  # an id
    assert typeset("https://example.org/it's") == "https://example.org/it's"
    assert typeset('spellings ("French: “Red Khmer”")') == "spellings (“French: ‘Red Khmer’”)"


@pytest.mark.parametrize(
    ("source", "bound"),
    [
        ("a word [@highlights] b", "word\u00a0<span"),
        ("a line\n[@highlights] b", "line\u00a0<span"),  # a line break in the Markdown
        ("two  [@highlights] b", "two\u00a0<span"),
        ("*stress* [@highlights]", "<em>stress</em>\u00a0<span"),
    ],
)
def test_a_citation_is_bound_to_the_word_before_it(source: str, bound: str) -> None:
    html = str(markup().block(source, "m").html)
    cited = html[html.index('<span class="cited">') :]
    assert cited.startswith('<span class="cited">' + bound), html


def test_citations_in_a_row_share_one_span() -> None:
    html = str(markup().block("agree" + " [@highlights]" * 400, "m").html)
    assert html.count('<span class="cited">') == 1 and html.count('class="cite"') == 400


def test_a_term_in_a_quotation_is_not_marked_and_its_first_use_outside_is() -> None:
    rendered = markup().block(
        "“the Khmer Rouge” [@highlights] and then the Khmer Rouge, the Khmer Rouge.\n\n"
        "He called it “[the party”](https://example.org) and the Khmer Rouge ruled.",
        "m",
    )
    html = str(rendered.html)
    assert '“the <span id="use-khmer-rouge-m">Khmer Rouge</span>' in html
    assert html.count('class="term first"') == 1  # the first use outside the quotation
    assert '<a class="term" href="#gloss-khmer-rouge">Khmer Rouge</a> ruled' in html
    assert rendered.terms == ["khmer-rouge"]


def test_a_plural_in_es_only_after_the_letters_that_take_it() -> None:
    """A teacher's read of batch 36: the ship "Fram" was linked inside "frames" ("Fram" + "es");
    "es" follows s, x, z, ch, sh or o only, in the pattern and in the index alike."""
    assert not term_pattern(["Fram"], False).search("iron frames and girders")
    assert term_pattern(["church"], False).search("the churches of Rome")
    finder = TermFinder([("fram", ("Fram",), False), ("church", ("church",), False)])
    text = "iron frames, the Fram and two churches"
    assert [text[start:end] for start, end, _ in finder.find(text)] == ["Fram", "churches"]
