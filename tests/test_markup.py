"""Markdown -> HTML (terms, citations, numbered paragraphs, raw HTML refused), and how
HTML reaches the page: as Markup from the code that makes it, every other value escaped."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import jinja2
from jinja2 import nodes
from markupsafe import Markup

from packet.assemble import assemble
from packet.markup import MarkdownReader, find_terms, term_patterns
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
    return MarkdownReader({"highlights": "Asia Highlights"}, term_patterns(TERMS))


def ids(text: str) -> list[str]:
    return [term for _, _, term in find_terms(text, term_patterns(TERMS))]


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
    assert '<span class="cite">(Asia Highlights)</span>' in rendered.html
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
    project = load_project(project_dir)
    html = render_html(assemble(project, project.lessons["1-roots"], "teacher"), project_dir)
    assert "<script" not in html
    for n in range(1, 6):
        assert f"&lt;script&gt;{n}&lt;/script&gt;" in html, n
    # the source's description: in the sources section and in the worksheet's answer key
    assert html.count("&lt;script&gt;4&lt;/script&gt;") == 2


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
the unit's editors supplied them.</p>
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
