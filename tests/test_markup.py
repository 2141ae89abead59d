from __future__ import annotations

from html.parser import HTMLParser

from packet.markup import Markup, find_terms, term_patterns

TERMS = [
    ("khmer-rouge", ["Khmer Rouge", "Khmers Rouges"], False),
    ("khmer-rouge-tribunal", ["Khmer Rouge Tribunal"], False),
    ("cpk", ["Communist Party of Kampuchea", "CPK"], False),
    ("kprp", ["Khmer People's Revolutionary Party"], False),
    ("cadre", ["cadre"], False),
    ("s-21", ["S-21"], False),
]


def markup() -> Markup:
    return Markup({"highlights": "Asia Highlights"}, term_patterns(TERMS))


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
