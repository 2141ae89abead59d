from __future__ import annotations

import pytest
from pydantic import BaseModel, ConfigDict

from packet.errors import Report
from packet.yamlsrc import front_matter, load_yaml, validate


def load(text: str) -> tuple[object, Report]:
    report = Report()
    sourced = load_yaml(text, "f.yaml", report)
    return (sourced.data if sourced else None), report


def test_scalars_stay_the_text_that_was_written() -> None:
    data, report = load("a: NO\nb: 1975-04-17\nc: -0500\nd: 1.10\ne: yes\n")
    assert not report.problems
    assert data == {"a": "NO", "b": "1975-04-17", "c": "-0500", "d": "1.10", "e": "yes"}


def test_duplicate_keys_are_errors_at_the_second_key() -> None:
    _, report = load("title: A\nsummary: s\ntitle: B\n")
    assert [str(p) for p in report.errors] == [
        "f.yaml:3:1: duplicate key 'title' (first given at line 1) — keep one of them"
    ]


def test_aliases_are_refused() -> None:
    _, report = load("a: &x [1, 2]\nb: *x\n")
    assert any("anchors and aliases" in p.message for p in report.errors)


def test_tabs_in_indentation_are_reported_with_their_line() -> None:
    _, report = load("a:\n\t- b\n")
    assert str(report.errors[0]).startswith("f.yaml:2:1: tab used for indentation")


def test_syntax_errors_carry_line_and_column() -> None:
    _, report = load("a: [1, 2\nb: c\n")
    assert report.errors and report.errors[0].where.line >= 1 and report.errors[0].where.col >= 1


def test_custom_tags_are_refused() -> None:
    _, report = load("a: !!python/object:os.system ls\n")
    assert any("tag" in p.message for p in report.errors)


class Thing(BaseModel):
    model_config = ConfigDict(extra="forbid")
    title: str
    count: int


def test_schema_errors_point_at_the_offending_key() -> None:
    report = Report()
    sourced = load_yaml("title: T\ncount: many\ncolour: red\n", "f.yaml", report)
    assert sourced is not None
    assert validate(Thing, sourced, report) is None
    shown = sorted(str(p) for p in report.errors)
    assert shown[0].startswith("f.yaml:2:1: 'count'")
    assert shown[1].startswith("f.yaml:3:1: unknown key 'colour'")


# -- front matter: YAML decides where it ends, not lines -----------------------------------

FRONT = [
    # (text, index of the closing line or the reason there is none)
    ("---\ntitle: X\n---\nBody\n", 2),
    ("---\ntitle: X\n---   \nBody\n", 2),
    ("---\ntitle: X\n--- # end of the keys\nBody\n", 2),
    ("---\ntitle: X\n...\nBody\n", 2),
    # a block scalar holding a line '---' (indented, as YAML requires): text, not the end
    ("---\nnotes: |\n  Talk first.\n  ---\n  The answer is 1975.\n---\nBody\n", 5),
    ("---\nnotes: >-\n    a\n    ---\n    b\n---\nBody\n", 5),
    # a quoted string running over lines, with '---' inside it
    ("---\ntitle: 'a\n  ---\n  b'\n---\nBody\n", 4),
    ('---\ntitle: "a\n  ---\n  b"\n---\nBody\n', 4),
    # a comment that mentions the marker
    ("---\ntitle: X\n# --- not the end\n---\nBody with --- in it\n", 3),
    # a horizontal rule in the body after the real end
    ("---\ntitle: X\n---\nBody\n\n---\n\nMore\n", 2),
    ("---\n---\nBody\n", 1),
    ("Body only\n", "missing"),
    ("---\ntitle: X\nBody never closed\n", "unclosed"),
    ("---\nnotes: |\n  ---\n", "unclosed"),
    # YAML it cannot read: the first line '---' is the end, so the error is placed in it
    ("---\ntitle: [unclosed\n---\nBody\n", 2),
]


@pytest.mark.parametrize(("text", "close"), FRONT)
def test_front_matter_ends_where_yaml_says(text: str, close: int | str) -> None:
    assert front_matter(text) == close


def test_front_matter_keeps_a_block_scalar_whole() -> None:
    text = "---\nnotes: |\n  Talk first.\n  ---\n  The answer is 1975.\n---\nBody\n"
    close = front_matter(text)
    assert isinstance(close, int)
    data, report = load("\n".join(text.split("\n")[1:close]))
    assert not report.problems
    assert data == {"notes": "Talk first.\n---\nThe answer is 1975."}


def test_the_entries_of_a_list_file_are_placed_in_one_pass_as_one_at_a_time() -> None:
    """The loader sorts a glossary's or timeline's positions out by entry in one pass (one
    pass per entry made a 20,000-term glossary quadratic); each entry's are the same."""
    from packet.project import _sub, _subs

    text = "- id: a\n  term: A\n  aliases: [x, y]\n- id: b\n  term: B\n- {id: c, term: C}\n"
    sourced = load_yaml(text, "content/glossary.yaml", Report())
    assert sourced is not None
    entries = _subs(sourced)
    assert entries == [_sub(sourced, index) for index in range(3)]
    assert entries[0].where(("aliases", 1)).line == 3
    assert entries[2].where(("term",)).col == 11
