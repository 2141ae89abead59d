from __future__ import annotations

from packet.cite import apa, chicago, mla
from packet.model import Project
from packet.text import Haystack, find_quotations, find_uncited


def test_passages_match_across_typographic_quotes_and_whitespace() -> None:
    seed = Haystack("They called this drastic revolution “Year Zero”, implying that  all culture")
    assert seed.contains('called this drastic revolution "Year Zero", implying that all culture')
    assert not seed.contains("called this revolution Year Zero")


def test_an_ellipsis_skips_words_but_keeps_order() -> None:
    seed = Haystack("one two three four five")
    assert seed.contains("one … four")
    assert seed.contains("two ... five")
    assert not seed.contains("four … two")


def test_quotations_are_found_with_their_seed_and_position() -> None:
    text = "Intro.\nThe page says “To keep you is no benefit.” [@highlights] and more."
    [quote] = find_quotations(text)
    assert (quote.quote, quote.seed, quote.line, quote.col) == (
        "To keep you is no benefit.",
        "highlights",
        2,
        15,
    )
    assert find_uncited("a “cited” [@x] and an “uncited” one") == [("uncited", 1, 23)]


def test_citations_in_three_styles(repo_project: Project) -> None:
    web = repo_project.seeds["highlights"].meta
    entry = repo_project.seeds["encyclopedia"].meta
    assert mla(web) == "Wendy. “The Khmer Rouge.” <i>Asia Highlights</i>, 24 June 2021."
    assert mla(entry) == "“Khmer Rouge.” <i>[Encyclopædia Britannica]</i>."
    assert chicago(web) == "Wendy. “The Khmer Rouge.” Asia Highlights. Last modified June 24, 2021."
    assert chicago(entry) == "“Khmer Rouge.” In <i>[Encyclopædia Britannica]</i>. n.d."
    assert apa(web) == "Wendy. (2021, June 24). <i>The Khmer Rouge</i>. Asia Highlights."
    assert apa(entry) == "Khmer Rouge. (n.d.). In <i>[Encyclopædia Britannica]</i>."
