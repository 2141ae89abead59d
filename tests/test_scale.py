"""What keeps `packet check` and `packet pull` linear in the size of their input, tested by its
mechanism, never by the clock: each seed is normalised once however many passages quote it;
positions come from a table of line starts; dates already taken are found by bisection;
possible disagreements are compared within the claims sharing a distinctive word, and their
number is bounded; the lint finds links in one pass. Each is checked against the
straightforward algorithm it replaces."""

from __future__ import annotations

import random
import re

from hypothesis import given
from hypothesis import strategies as st

from packet import dates, lint, project
from packet.errors import Report
from packet.yamlsrc import load_yaml


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
