"""Read YAML safely into plain data with the line and column of every value.

YAML's implicit typing surprises people who edit files by hand (`NO` becomes
false, `1975-04-17` a date, `-0500` a number). Here every scalar stays the
text that was written, and the schema (pydantic) decides what it must be.
Anchors, aliases and tags are refused: content never needs them, and aliases
are how "billion laughs" bombs are built.

    load_yaml(text, path)  ->  Sourced(data, positions)
    validate(Model, sourced, report)  ->  Model | None, problems in report
    front_matter(text)  ->  the line that closes a Markdown file's YAML front matter
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Literal, TypeVar, get_args

import yaml
from pydantic import BaseModel, ValidationError

from .errors import Location, Report

MAX_DEPTH = 40
Path_ = tuple[str | int, ...]
M = TypeVar("M", bound=BaseModel)


@dataclass(frozen=True)
class Sourced:
    """Plain data (dicts, lists, str, None) and where each part of it was written."""

    data: Any
    positions: dict[Path_, Location]
    origin: Location

    def where(self, path: Path_ = ()) -> Location:
        """The location of the value at `path`, or of its nearest written ancestor."""
        for end in range(len(path), -1, -1):
            found = self.positions.get(tuple(path[:end]))
            if found is not None:
                return found
        return self.origin


class _Builder:
    def __init__(self, path: str, line_offset: int, report: Report) -> None:
        self.path = path
        self.offset = line_offset
        self.report = report
        self.positions: dict[Path_, Location] = {}
        self.seen: set[int] = set()

    def loc(self, node: yaml.Node) -> Location:
        mark = node.start_mark
        return Location(self.path, mark.line + 1 + self.offset, mark.column + 1)

    def build(self, node: yaml.Node, at: Path_, depth: int = 0) -> Any:
        self.positions[at] = self.loc(node)
        if id(node) in self.seen:
            self.report.error(
                self.loc(node),
                "YAML anchors and aliases (& and *) are not supported",
                "write the value out in full",
            )
            return None
        self.seen.add(id(node))
        if depth > MAX_DEPTH:
            self.report.error(
                self.loc(node), f"nested more than {MAX_DEPTH} levels deep", "flatten the structure"
            )
            return None
        if (node.tag.startswith("!") and not node.tag.startswith("!!")) or _custom_tag(node):
            self.report.error(self.loc(node), f"YAML tag {node.tag} is not supported", "remove it")
            return None
        if isinstance(node, yaml.MappingNode):
            return self.mapping(node, at, depth)
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, (*at, i), depth + 1) for i, item in enumerate(node.value)]
        assert isinstance(node, yaml.ScalarNode)
        if node.style is None and node.value in ("", "~", "null", "Null", "NULL"):
            return None
        return node.value

    def mapping(self, node: yaml.MappingNode, at: Path_, depth: int) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                self.report.error(self.loc(key_node), "a key must be plain text")
                continue
            key = key_node.value
            if key == "<<":
                self.report.error(self.loc(key_node), "YAML merge keys (<<) are not supported")
                continue
            if key in result:
                first = self.positions[(*at, key)]
                self.report.error(
                    self.loc(key_node),
                    f"duplicate key '{key}' (first given at line {first.line})",
                    "keep one of them",
                )
                continue
            result[key] = self.build(value_node, (*at, key), depth + 1)
            self.positions[(*at, key)] = self.loc(key_node)
        return result


# libyaml's parser when PyYAML was built with it (the wheels are): same nodes and marks, ~5x faster.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

_STANDARD_TAGS = {
    "tag:yaml.org,2002:" + name
    for name in ("str", "int", "float", "bool", "null", "map", "seq", "timestamp")
}


def _custom_tag(node: yaml.Node) -> bool:
    return node.tag not in _STANDARD_TAGS


def load_yaml(text: str, path: str, report: Report, *, line_offset: int = 0) -> Sourced | None:
    """Parse one YAML document; on failure, add the problem to `report` and return None."""
    origin = Location(path, 1 + line_offset, 1)
    if "\t" in text:
        for number, line in enumerate(text.splitlines(), start=1):
            indent = line[: len(line) - len(line.lstrip())]
            if "\t" in indent:
                report.error(
                    Location(path, number + line_offset, indent.index("\t") + 1),
                    "tab used for indentation",
                    "indent YAML with spaces",
                )
                return None
            if "\t" in line and not re.search(r"[\"'][^\"']*\t", line):
                report.error(
                    Location(path, number + line_offset, line.index("\t") + 1),
                    "a tab character where YAML expects spaces",
                    "replace the tab with a space",
                )
                return None
    try:
        node = yaml.compose(text, Loader=_LOADER)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = (
            origin if mark is None else Location(path, mark.line + 1 + line_offset, mark.column + 1)
        )
        report.error(
            where, f"YAML syntax: {exc.problem or exc.context}", "check the indentation and quotes"
        )
        return None
    except yaml.YAMLError as exc:
        report.error(origin, f"YAML syntax: {exc}")
        return None
    if node is None:
        return Sourced(None, {(): origin}, origin)
    before = len(report.errors)
    builder = _Builder(path, line_offset, report)
    data = builder.build(node, ())
    if len(report.errors) > before:
        return None
    return Sourced(data, builder.positions, origin)


_MARKER = re.compile(r"(?:---|\.\.\.)[ \t]*(?:#.*)?")


def front_matter(text: str) -> int | Literal["missing", "unclosed"]:
    """The index of the line that closes the front matter of a Markdown file's `text`.

    The front matter opens with a line `---` and ends where YAML says its document ends:
    a `---` (or `...`) at the start of a line. A `---` inside a block scalar, a quoted
    string or a comment is text, as YAML reads it — so teacher notes holding a line `---`
    stay in the front matter and never spill into the module's body. When the YAML
    cannot be read, the first line `---` is taken as the end, so that loading the front
    matter reports the syntax error at its place.
    """
    lines = text.split("\n")
    if lines[0].rstrip() != "---":
        return "missing"
    try:
        for event in yaml.parse(text, Loader=_LOADER):
            if isinstance(event, yaml.DocumentEndEvent):
                line = event.start_mark.line if event.start_mark else len(lines)
                if line < len(lines) and _MARKER.fullmatch(lines[line]):
                    return line
                break
    except yaml.YAMLError:
        pass
    return next((i for i in range(1, len(lines)) if lines[i].rstrip() == "---"), "unclosed")


def _field_name(loc: tuple[Any, ...]) -> str:
    """How to name the value in a message: 'title', or item 2 of 'modules'."""
    if not loc:
        return "the value"
    if isinstance(loc[-1], int) and len(loc) > 1:
        return f"item {loc[-1] + 1} of '{loc[-2]}'"
    return f"'{loc[-1]}'"


def _model_at(model: type[BaseModel], loc: tuple[Any, ...]) -> type[BaseModel] | None:
    """The model inside `model` at `loc` (`Question` at ("questions", 2)), if there is one."""
    for step in loc:
        if isinstance(step, int):
            continue
        field = model.model_fields.get(str(step))
        inner = models_in(field.annotation) if field is not None else []
        if not inner:
            return None
        model = inner[0]
    return model


def _keys_at(model: type[BaseModel], loc: tuple[Any, ...]) -> list[str]:
    """The keys the model (or the model inside it at `loc`) takes."""
    inner = _model_at(model, loc)
    return list(inner.model_fields) if inner is not None else []


def _too_long_hint(model: type[BaseModel], loc: tuple[Any, ...]) -> str:
    """What to do about a list over its limit: the field's own `too_long` advice."""
    inner = _model_at(model, loc[:-1])
    field = inner.model_fields.get(str(loc[-1])) if inner is not None and loc else None
    extra = field.json_schema_extra if field is not None else None
    advice = extra.get("too_long") if isinstance(extra, dict) else None
    return str(advice) if advice else "list fewer"


def models_in(annotation: Any) -> list[type[BaseModel]]:
    """The models inside a type: `Question` for `list[Question]`, for instance."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    return [m for arg in get_args(annotation) for m in models_in(arg)]


def _describe(
    model: type[BaseModel], error: dict[str, Any], syntax: Literal["yaml", "toml"]
) -> tuple[str, str]:
    """A teacher-readable message and fix for one pydantic error in a YAML or TOML file."""
    kind = error["type"]
    loc = error["loc"]
    name = _field_name(loc)
    key = str(loc[-1]) if loc else "value"
    value = error.get("input")
    if kind == "string_pattern_mismatch":
        return (
            f"{name}: '{value}' is not a valid id",
            "use lower-case letters, digits and hyphens, e.g. year-zero",
        )
    if kind in ("too_short", "string_too_short"):
        if isinstance(value, str):
            return f"{name} is empty", "write a value, or remove the line"
        return f"{name} needs at least one item", "list at least one, or remove the key"
    if kind == "string_too_long":
        limit = error.get("ctx", {}).get("max_length")
        return f"{name} is longer than {limit} characters", "shorten it"
    if kind == "too_long" and not isinstance(value, str):
        limits = error.get("ctx", {})
        return (
            f"{name} lists {limits.get('actual_length')} items; "
            f"packet takes at most {limits.get('max_length')}",
            _too_long_hint(model, loc),
        )
    if kind == "missing":
        return f"{name} is missing", f"add '{key} = \"…\"'" if syntax == "toml" else f"add '{key}:'"
    if kind == "extra_forbidden":
        keys = ", ".join(_keys_at(model, loc[:-1]))
        return f"unknown key {name}", f"check the spelling; the keys here are: {keys}"
    if (wrong := _wrong_type(name, kind, syntax)) is not None:
        return wrong
    if kind == "literal_error":
        return f"{name}: {error['msg'].lower()}", ""
    return f"{name}: {error['msg']}", ""


def _wrong_type(name: str, kind: str, syntax: Literal["yaml", "toml"]) -> tuple[str, str] | None:
    """The message and fix for a value that should be text, a list or a mapping; None for
    any other kind of error."""
    if kind in ("string_type", "str_type"):
        return f"{name} must be text", "write it as text (in quotes if it looks like a number)"
    if kind in ("list_type", "tuple_type"):
        if syntax == "toml":
            return f"{name} must be a list", 'write it as ["a", "b"]'
        return f"{name} must be a list", "write one '- item' per line, or [a, b]"
    if kind in ("dict_type", "model_type", "model_attributes_type"):
        if syntax == "toml":
            return f"{name} must be a table of keys and values", "write 'key = value' lines"
        return f"{name} must be a mapping of keys to values", "write 'key: value' lines"
    return None


def validate(
    model: type[M], sourced: Sourced, report: Report, *, syntax: Literal["yaml", "toml"] = "yaml"
) -> M | None:
    """Validate `sourced.data` against `model`, reporting each error at its own line."""
    try:
        return model.model_validate(sourced.data)
    except ValidationError as exc:
        for error in exc.errors():
            # a tagged union's tag ("excerpt passage") is not a key of the file: left out
            loc = tuple(
                step for step in error["loc"] if not (isinstance(step, str) and " " in step)
            )
            message, hint = _describe(model, {**error, "loc": loc}, syntax)
            report.error(sourced.where(loc), message, hint)
        return None
