"""What keeps `packet check` and `packet pull` linear in the size of their input, tested by its
mechanism, never by the clock: each seed is normalised once however many passages quote it;
positions come from a table of line starts; dates already taken are found by bisection;
possible disagreements are compared within the claims sharing a distinctive word, and their
number is bounded; the lint finds links in one pass. Each is checked against the
straightforward algorithm it replaces."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import copy_project
from packet import dates, lint, project, text
from packet.check import check_project
from packet.errors import Report
from packet.project import load_project
from packet.yamlsrc import load_yaml

# -- each seed normalised once -----------------------------------------------------------------


def test_a_seed_is_normalised_once_however_many_passages_quote_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = copy_project(tmp_path / "project")
    loaded = load_project(root)
    seed = loaded.seeds["highlights"]
    said = [s for _, p in text.paragraphs(seed.text) for s in text.sentences(p)]
    quoted = [f"“{s}” [@highlights]" for s in said if not re.search('[“”"]', s)][:150]
    assert len(quoted) > 60
    quoted += ["“Words no seed has ever said” [@highlights]"] * 3
    origins = root / "content" / "modules" / "origins.md"
    origins.write_text(origins.read_text() + "\n" + "\n\n".join(quoted) + "\n", encoding="utf-8")
    lengths = {len(s.text) for s in loaded.seeds.values()}
    normalised: list[int] = []
    plain = text.normalise

    def counted(value: str) -> str:
        if len(value) in lengths:
            normalised.append(len(value))
        return plain(value)

    monkeypatch.setattr(text, "normalise", counted)
    report = check_project(load_project(root))
    assert sorted(normalised) == sorted(lengths)  # each seed once, for all those passages
    missing = [p.message for p in report.errors if "is not in seed" in p.message]
    assert (
        missing
        == [
            "quotation “Words no seed has ever said” is not in seed 'highlights' "
            "(000_cca718986b70f43e.txt)"
        ]
        * 3
    )
    boilerplate = [text.normalise(line) for line in seed.meta.boilerplate]
    expected = [  # as every boilerplate line of every seed was compared with every passage
        line
        for quote in quoted[:-3]
        for line in boilerplate
        if line in (normal := plain(quote.split("”")[0][1:])) or normal in line
    ]
    assert len(expected) >= 10  # the seed's marketing is quoted too
    found = [p.message for p in report.errors if "boilerplate" in p.message]
    assert found == [
        f"quotation comes from the seed's boilerplate (“{line[:60]}”)" for line in expected
    ]
    assert len(report.errors) == len(expected) + 3


PASSAGE_TEXT = st.text(st.sampled_from("ab .…’'“\"-–\u00a0\n"), max_size=12)


@given(PASSAGE_TEXT, PASSAGE_TEXT)
def test_a_haystack_finds_what_normalising_both_texts_each_time_finds(
    haystack: str, passage: str
) -> None:
    normal = text.normalise(haystack)
    start, expected = 0, True
    for part in text.ELLIPSIS.split(text.normalise(passage)):
        if part.strip():
            found = normal.find(part.strip(), start)
            if found < 0:
                expected = False
                break
            start = found + len(part.strip())
    assert text.Haystack(haystack).contains(passage) is expected
    assert text.contains_passage(haystack, passage) is expected


@given(st.text(st.sampled_from("ab\n"), max_size=20))
def test_line_and_column_from_the_table_of_line_starts(value: str) -> None:
    lines = text.Lines(value)
    for index in range(len(value) + 1):
        assert lines.position(index) == text.position(value, index)


def test_quotations_are_placed_by_their_line_however_many_there_are() -> None:
    body = "\n".join(f"Line {n} says “word {n}” [@seed]." for n in range(1, 2001))
    found = text.find_quotations(body)
    assert [(q.quote, q.line, q.col) for q in found] == [
        (f"word {n}", n, len(f"Line {n} says ") + 1) for n in range(1, 2001)
    ]


def test_entries_of_a_list_file_keep_their_positions() -> None:
    source = "".join(f"- id: e{n}\n  title: T{n}\n  tags: [a, b]\n" for n in range(300))
    sourced = load_yaml(source, "content/timeline.yaml", Report())
    assert sourced is not None
    items = project._items(sourced)
    assert items == [project._sub(sourced, n) for n in range(300)]
    assert str(items[299].where(("tags", 1))) == "content/timeline.yaml:900:13"


# -- dates already taken ----------------------------------------------------------------------


def straightforward_find_dates(value: str) -> list[tuple[int, int, str]]:
    """find_dates as it was: each match compared with every span taken before it."""
    found: list[tuple[int, int, str]] = []
    taken: list[tuple[int, int]] = []
    for kind, pattern in dates._PROSE_RE:
        for m in pattern.finditer(value):
            if any(m.start() < end and start < m.end() for start, end in taken):
                continue
            date = dates._prose_date(kind, m)
            if date is not None:
                found.append((m.start(), m.end(), date))
                taken.append((m.start(), m.end()))
    return sorted(found)


PROSE = [
    "1975",
    "1979",
    "1970s",
    "late",
    "mid-1960s",
    "from",
    "to",
    "between",
    "and",
    "January",
    "7th",
    "7",
    ",",
    "of",
    "c.",
    "around",
    "500",
    "BCE",
    "44",
    "BC",
    "–",
    "-",
    "75",
    "2001",
    "April",
    "Sept.",
    "the",
    "12,",
    "$",
    "in",
]


@given(st.lists(st.sampled_from(PROSE), max_size=14))
def test_dates_found_as_by_comparing_every_taken_span(words: list[str]) -> None:
    value = " ".join(words)
    assert dates.find_dates(value) == straightforward_find_dates(value)


def test_a_line_of_thousands_of_dates_finds_each_once() -> None:
    rng = random.Random(15)
    value = (
        " ".join(rng.choice(PROSE) for _ in range(3000))
        + " "
        + " ".join(str(1900 + n % 100) for n in range(2000))
    )
    found = dates.find_dates(value)
    assert found == straightforward_find_dates(value)
    assert sum(date.isdigit() for _, _, date in found) >= 2000


# -- links found in one pass ------------------------------------------------------------------

OLD_TARGET = re.compile(r"(?P<image>!?)\[[^\]\n]*\]\(\s*<?(?P<url>(?:[^()\s>]|\([^()\s]*\))+)")
OLD_HTML = re.compile(r"<!--|<\s*/?\s*[A-Za-z][\w:-]*(?:\s[^<>]*)?/?>")


@given(st.text(st.sampled_from("[]()!<>/ a:-\t"), max_size=16))
def test_links_and_html_found_as_by_the_regular_expressions_they_replace(line: str) -> None:
    assert list(lint._links(line)) == [
        (m.start() + 1, bool(m["image"]), m["url"]) for m in OLD_TARGET.finditer(line)
    ]
    assert [m.span() for m in lint._HTML.finditer(line)] == [
        m.span() for m in OLD_HTML.finditer(line)
    ]


def bracket_line(n: int) -> str:
    """n unclosed `[`, a link after them, n unclosed `![`, then a link whose text is n words."""
    return (
        "[" * n
        + "![a](https://example.com/i.png) "
        + "![" * n
        + "[b"
        + " x" * n
        + "](javascript:far)"
    )


def test_a_line_of_unclosed_brackets_gives_the_findings_it_gave() -> None:
    small = bracket_line(2000)
    expected = [(1, False, "https://example.com/i.png"), (2033, True, "javascript:far")]
    found_before = [(m.start() + 1, bool(m["image"]), m["url"]) for m in OLD_TARGET.finditer(small)]
    assert found_before == expected
    assert list(lint._links(small)) == expected
    # the first `[` opens the link (its text holds no `]`): as it was, and a link to the web
    findings = lint.lint(bracket_line(200_000))
    assert [(f.line, f.col, f.message) for f in findings] == [
        (1, 200_033, "link to 'javascript:far' is not allowed; it prints as plain text")
    ]
