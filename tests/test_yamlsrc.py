from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from packet.errors import Report
from packet.yamlsrc import load_yaml, validate


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
