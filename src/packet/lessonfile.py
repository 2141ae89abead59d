"""A lesson file as the composer (`packet serve`) edits it: the form's values in, YAML out.

`LessonForm` is what the composer's page shows and sends: the fields of a lesson a teacher
chooses there. `compose(form, existing)` writes them into the file's YAML. An existing file
is edited in place through ruamel.yaml's round trip, so its comments, key order, quoting,
flow lists and the keys the composer does not show (`task`, `ending`) stay as they were
written; a new file lists its keys in the schema's order.

Files are changed only here and only inside `content/lessons/`: `save` writes atomically
(files.write_atomic) and refuses to overwrite a file that changed on disk since the page
opened it (its digest then); `delete` moves the file into `content/lessons/deleted/`, named
by its id and the time, and `restore` moves it back. Nothing is ever removed.
"""

from __future__ import annotations

import hashlib
import io
import os
import re
import time
import unicodedata
from collections.abc import Mapping
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from .choices import DEFAULT_SECTIONS
from .errors import UsageError
from .files import Refused, read_file, write_atomic
from .layout import LESSONS, input_roots, is_id

DELETED = f"{LESSONS}/deleted"  # where a deleted lesson waits to be restored
# The keys the composer edits, in the order a new file lists them. A lesson's other keys
# (`task`, `ending`) are kept as the file has them.
FIELDS = (
    "title", "summary", "enquiry", "advisory", "modules", "sections", "activities",
    "documents", "support",
)  # fmt: skip
MAX_TEXT = 2000  # characters in one of the form's texts
MAX_ITEMS = 200  # ids in one of the form's lists
# Characters that reorder the text around them (the "Trojan Source" characters).
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
_DELETED_NAME = re.compile(r"^(?P<id>[a-z0-9-]+)\.(?P<when>\d{8}-\d{6})(?:-\d+)?\.yaml$")


class Stale(Exception):
    """The file changed on disk since the composer opened it (or appeared, or went)."""


@dataclass(frozen=True)
class LessonForm:
    """The composer's fields. `None` leaves a choice to packet: every activity the modules
    support, the documents of the modules; an empty text leaves the key out."""

    title: str
    modules: list[str]
    sections: list[str]
    summary: str = ""
    enquiry: str = ""
    advisory: str = ""
    activities: list[str] | None = None
    documents: list[str] | None = None
    support: bool = False

    @classmethod
    def from_json(cls, data: object) -> LessonForm:
        """The form from the page's JSON; UsageError naming the field that is not right.
        Values are checked for their shape only: the project's own checks judge them."""
        if not isinstance(data, dict):
            raise UsageError("the lesson must be sent as a JSON object")
        unknown = sorted(set(data) - set(cls.__dataclass_fields__))
        if unknown:
            raise UsageError(f"unknown field(s) in the lesson: {', '.join(unknown)}")
        return cls(
            title=_text(data, "title"),
            summary=_text(data, "summary"),
            enquiry=_text(data, "enquiry"),
            advisory=_text(data, "advisory"),
            modules=_ids(data, "modules") or [],
            sections=_ids(data, "sections") or [],
            activities=_ids(data, "activities"),
            documents=_ids(data, "documents"),
            support=data.get("support") is True,
        )

    @classmethod
    def of(cls, entry: Any) -> LessonForm:
        """The form showing a loaded lesson (`schema.LessonEntry`)."""
        return cls(
            title=entry.title,
            summary=entry.summary or "",
            enquiry=entry.enquiry or "",
            advisory=entry.advisory or "",
            modules=list(entry.modules),
            sections=list(entry.sections),
            activities=None if entry.activities is None else list(entry.activities),
            documents=None if entry.documents is None else list(entry.documents),
            support=entry.support,
        )

    def as_json(self) -> dict[str, Any]:
        return asdict(self)

    def values(self) -> dict[str, Any]:
        """Each key's value in the file; None: the key is left out."""
        return {
            "title": self.title,
            "summary": self.summary or None,
            "enquiry": self.enquiry or None,
            "advisory": self.advisory or None,
            "modules": list(self.modules),
            "sections": list(self.sections),
            "activities": self.activities,
            "documents": self.documents,
            "support": self.support,
        }


# What a lesson without the key has: a new file leaves these out.
DEFAULTS: dict[str, Any] = {"sections": list(DEFAULT_SECTIONS), "support": False}


def _text(data: Mapping[str, Any], key: str) -> str:
    value = data.get(key, "")
    if not isinstance(value, str):
        raise UsageError(f"'{key}' must be text")
    if len(value) > MAX_TEXT:
        raise UsageError(f"'{key}' is longer than {MAX_TEXT} characters")
    value = value.replace("\r\n", "\n").strip()
    odd = next((c for c in value if _unwritable(c)), None)
    if odd is not None:
        raise UsageError(
            f"'{key}' holds an invisible control character (U+{ord(odd):04X}) — delete it "
            "(it often comes with text pasted from elsewhere)"
        )
    return value


def _unwritable(c: str) -> bool:
    """A character a lesson's text must not hold: a control character other than a line
    break or tab, a bidirectional override, or half of a UTF-16 pair."""
    category = unicodedata.category(c)
    if category == "Cc":
        return c not in "\n\t"
    return category == "Cs" or c in BIDI_CONTROLS


def _ids(data: Mapping[str, Any], key: str) -> list[str] | None:
    value = data.get(key)
    if value is None:
        return None
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise UsageError(f"'{key}' must be a list of ids")
    if any(not is_id(v) for v in value):
        raise UsageError(f"'{key}' lists something that is not an id")
    if len(value) > MAX_ITEMS:
        raise UsageError(f"'{key}' lists more than {MAX_ITEMS} ids")
    return list(dict.fromkeys(value))  # each once, in the order chosen


# -- YAML -----------------------------------------------------------------------------------


def _yaml(text: str | None = None) -> tuple[Any, Any]:
    """A round-trip YAML reader and writer, indented as `text` is; and `text`'s data."""
    from ruamel.yaml import YAML
    from ruamel.yaml.util import load_yaml_guess_indent

    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = 1_000_000  # never fold a long line the teacher wrote on one line
    if text is None:
        yaml.indent(mapping=2, sequence=4, offset=2)
        return yaml, None
    _, sequence, offset = load_yaml_guess_indent(text)  # "- " and what follows it
    yaml.indent(mapping=_mapping_indent(text), sequence=sequence or 4, offset=offset or 0)
    return yaml, yaml.load(text)


def _mapping_indent(text: str) -> int:
    """How far `text` indents a mapping inside a mapping (2 unless it shows otherwise)."""
    before = ""
    for line in text.splitlines():
        stripped = line.lstrip(" ")
        if not stripped or stripped.startswith("#"):
            continue
        if before.endswith(":") and not stripped.startswith("- "):
            step = (len(line) - len(stripped)) - (len(before) - len(before.lstrip(" ")))
            if step > 0:
                return step
        before = line.rstrip()
    return 2


def compose(form: LessonForm, existing: str | None = None) -> str:
    """The lesson file holding `form`: `existing` edited in place, or a new file — with the
    line endings, byte-order mark and `---` of the file it edits. UsageError if YAML could
    not hold the form's values exactly (checked by reading the text back)."""
    from ruamel.yaml.comments import CommentedMap
    from ruamel.yaml.error import YAMLError

    text = None if existing is None else existing.removeprefix("\ufeff").replace("\r\n", "\n")
    try:
        yaml, data = _yaml(text)
        if not isinstance(data, CommentedMap):
            data = CommentedMap()
        for key, value in form.values().items():
            _put(data, key, value)
        yaml.explicit_start = text is not None and text.startswith("---")
        out = io.StringIO()
        yaml.dump(data, out)
    except (YAMLError, ValueError) as exc:
        raise UsageError(f"the lesson cannot be written as YAML: {exc}") from exc
    written = out.getvalue()
    _same(form, written)
    if existing is not None and "\r\n" in existing:
        written = written.replace("\n", "\r\n")
    if existing is not None and existing.startswith("\ufeff"):
        written = "\ufeff" + written
    return written


def _same(form: LessonForm, written: str) -> None:
    """Refuse a file that does not read back as the form (as packet's loader reads it)."""
    import yaml

    try:
        data = yaml.safe_load(written)
    except yaml.YAMLError as exc:
        raise UsageError(f"the lesson cannot be written as YAML: {exc}") from exc
    for key, value in form.values().items():
        if value is not None and data.get(key, DEFAULTS.get(key)) != value:
            raise UsageError(
                f"'{key}' would not read back as it was typed — remove any unusual characters"
            )


def _put(data: Any, key: str, value: Any) -> None:
    """Set `key` as an edit would: a list keeps its style (flow `[a, b]` or block), a text
    its quotes. None removes the key; a default (DEFAULTS) is not added where it is absent."""
    from ruamel.yaml.comments import CommentedSeq
    from ruamel.yaml.scalarstring import ScalarString

    old = data.get(key)
    if value is None:
        _remove(data, key)
        return
    if key not in data and value == DEFAULTS.get(key):
        return
    if isinstance(old, CommentedSeq) and isinstance(value, list):
        if list(old) != value:
            _replace_items(old, value)
        return
    if isinstance(value, list):
        seq = CommentedSeq(value)
        seq.fa.set_flow_style()  # the project's own files list ids as [a, b]
        value = seq
    elif isinstance(old, ScalarString) and isinstance(value, str):
        value = type(old)(value)
    if key in data:
        data[key] = value
        return
    after = [k for k in FIELDS[: FIELDS.index(key)] if k in data]
    position = list(data).index(after[-1]) + 1 if after else 0
    data.insert(position, key, value)


# Where ruamel keeps comments: a comment token's first line is the end-of-line comment of
# the value it follows (empty: "\n"), and the lines after it are the comments written above
# the next key. Removing a key or reordering a list moves those lines, so that each comment
# stays above the key it was written for and none is lost.


def _tail(data: Any, key: Any) -> tuple[dict[Any, Any], Any, int]:
    """Where the comment after `key`'s value is kept: its last item's, for a block list or
    mapping (ruamel's `ca.items[key][slot]`)."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    value = data[key]
    if isinstance(value, CommentedMap | CommentedSeq) and len(value) and not value.fa.flow_style():
        last = list(value)[-1] if isinstance(value, CommentedMap) else len(value) - 1
        if isinstance(value[last], CommentedMap | CommentedSeq) and len(value[last]):
            return _tail(value, last)
        return value.ca.items, last, 2 if isinstance(value, CommentedMap) else 0
    return data.ca.items, key, 2


def _split(items: dict[Any, Any], key: Any, slot: int) -> tuple[str, str]:
    """A comment token's end-of-line part (with its newline) and the lines after it."""
    token = (items.get(key) or [None] * 4)[slot]
    if token is None:
        return "\n", ""
    eol, _, after = token.value.partition("\n")
    return eol + "\n", after


def _set(items: dict[Any, Any], key: Any, slot: int, value: str, token: Any = None) -> None:
    """Keep `value` as the comment at `key`'s `slot`: in `token` (or the one there, which
    knows the column its end-of-line comment is written at), else in a new one."""
    from ruamel.yaml.error import CommentMark
    from ruamel.yaml.tokens import CommentToken

    entry = items.setdefault(key, [None] * 4)
    token = token if token is not None else entry[slot]
    if value == "\n":
        entry[slot] = None
    elif token is not None:
        token._value = value
        entry[slot] = token
    else:
        entry[slot] = CommentToken(value, CommentMark(0), None)


def _remove(data: Any, key: str) -> None:
    """Remove `key` with the comments written for it, keeping those for the key after it."""
    if key not in data:
        return
    keys = list(data)
    _, following = _split(*_tail(data, key))
    position = keys.index(key)
    if position:
        before = _tail(data, keys[position - 1])
        eol, _ = _split(*before)  # the lines after it were about `key`: they go with it
        _set(*before, eol + following)
    data.ca.items.pop(key, None)
    del data[key]


def _replace_items(seq: Any, value: list[str]) -> None:
    """Put `value` in a list, each item keeping its end-of-line comment, the comments after
    the last item (about the next key) staying after the last."""
    old = list(seq)
    tokens = {item: (seq.ca.items.get(i) or [None])[0] for i, item in enumerate(old)}
    eols = {item: _split(seq.ca.items, i, 0)[0] for i, item in enumerate(old)}
    _, after = _split(seq.ca.items, len(old) - 1, 0) if old else ("\n", "")
    seq[:] = value
    seq.ca.items.clear()
    for i, item in enumerate(value):
        tail = after if i == len(value) - 1 else ""
        _set(seq.ca.items, i, 0, eols.get(item, "\n") + tail, tokens.get(item))


# -- the file -------------------------------------------------------------------------------


def digest(data: bytes) -> str:
    """What the page remembers of the file it opened, to know if it changed since."""
    return hashlib.sha256(data).hexdigest()


def id_problem(lesson_id: str) -> str | None:
    """What is wrong with `lesson_id` as a lesson's id (its file's name), if anything."""
    if is_id(lesson_id):
        return None
    return (
        f"'{lesson_id}' is not a lesson id: use lower-case letters, digits and hyphens, "
        "like 7-legacy"
    )


def lesson_path(root: Path, lesson_id: str) -> Path:
    problem = id_problem(lesson_id)
    if problem:
        raise UsageError(problem)
    return root / LESSONS / f"{lesson_id}.yaml"


def current(root: Path, lesson_id: str) -> bytes | None:
    """The lesson file's bytes now, None when there is none (read as every file is)."""
    path = lesson_path(root, lesson_id)
    if not path.exists() and not path.is_symlink():
        return None
    try:
        return read_file(path, input_roots(root))
    except Refused as exc:
        raise UsageError(f"{LESSONS}/{path.name}: {exc}") from exc


def _unchanged(root: Path, lesson_id: str, opened: str | None) -> None:
    """Stale unless the file is as the page opened it (`opened`: its digest; None: none)."""
    now = current(root, lesson_id)
    if opened is None and now is not None:
        raise Stale(
            f"a lesson called '{lesson_id}' already exists — choose another id, or open "
            "that lesson to edit it"
        )
    if opened is not None and (now is None or digest(now) != opened):
        raise Stale(
            f"{LESSONS}/{lesson_id}.yaml has changed on disk since you opened it (in another "
            "window or an editor) — reload to see it as it is now; your changes here are "
            "not saved"
        )


def _folder(root: Path, relative: str, *, make: bool = True) -> Path:
    """A folder of the project packet writes lesson files in, never through a link; made
    if it is missing (unless not `make`)."""
    folder = root / relative
    for each in (root / "content", root / LESSONS, folder):
        if each.is_symlink():
            raise UsageError(f"{each}: is a link; packet writes lessons only in its own folders")
        if each.exists() and not each.is_dir():
            raise UsageError(f"{each}: is a file where packet keeps lessons — move it away")
    if not make:
        return folder
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UsageError(f"{folder}: cannot create the folder: {exc.strerror or exc}") from exc
    return folder


def _not_a_link(path: Path) -> None:
    if path.is_symlink():
        raise UsageError(
            f"{LESSONS}/{path.name} is a link, which the composer does not change — edit the "
            "file it points to, or replace the link with a copy"
        )


def save(root: Path, lesson_id: str, text: str, opened: str | None) -> str:
    """Write the lesson file unless it changed since the page opened it; its new digest."""
    path = lesson_path(root, lesson_id)
    _folder(root, LESSONS)
    _not_a_link(path)
    _unchanged(root, lesson_id, opened)
    data = text.encode("utf-8")
    write_atomic(path, data, elsewhere="")
    return digest(data)


def delete(root: Path, lesson_id: str, opened: str | None) -> str:
    """Move the lesson file into content/lessons/deleted/; the name it has there."""
    path = lesson_path(root, lesson_id)
    _folder(root, LESSONS)
    _not_a_link(path)
    _unchanged(root, lesson_id, opened)
    if opened is None:
        raise UsageError(f"there is no lesson '{lesson_id}' to delete")
    folder = _folder(root, DELETED)
    stamp = time.strftime("%Y%m%d-%H%M%S", time.gmtime())
    for n in range(1, 1000):
        name = f"{lesson_id}.{stamp}{'' if n == 1 else f'-{n}'}.yaml"
        try:
            os.link(path, folder / name)  # never over another file
        except FileExistsError:
            continue
        path.unlink()
        return name
    raise UsageError(f"{DELETED}/ already holds many copies of '{lesson_id}' deleted this second")


@dataclass(frozen=True)
class Deleted:
    name: str  # the file's name in content/lessons/deleted/
    lesson: str
    when: str  # "2026-12-02 11:40:05 UTC"


def deleted(root: Path) -> list[Deleted]:
    """The deleted lessons that can be restored, the most recent first."""
    folder = root / DELETED
    if any(f.is_symlink() for f in (root / "content", root / LESSONS, folder)):
        return []
    if not folder.is_dir():
        return []
    found = []
    for path in folder.iterdir():
        match = _DELETED_NAME.match(path.name)
        if match and is_id(match["id"]) and path.is_file() and not path.is_symlink():
            w = match["when"]
            when = f"{w[:4]}-{w[4:6]}-{w[6:8]} {w[9:11]}:{w[11:13]}:{w[13:15]} UTC"
            found.append(Deleted(path.name, match["id"], when))
    return sorted(found, key=lambda d: (d.when, d.name), reverse=True)


def restore(root: Path, name: str) -> str:
    """Move a deleted lesson back to content/lessons/; its id."""
    _folder(root, DELETED, make=False)
    chosen = next((d for d in deleted(root) if d.name == name), None)
    if chosen is None:
        raise UsageError(f"'{name}' is not a deleted lesson in {DELETED}/")
    target = lesson_path(root, chosen.lesson)
    try:
        os.link(root / DELETED / name, target)  # never over a lesson made since
    except FileExistsError:
        raise UsageError(
            f"a lesson called '{chosen.lesson}' exists again — rename or delete it first, "
            f"or move {DELETED}/{name} back yourself under another name"
        ) from None
    (root / DELETED / name).unlink()
    return chosen.lesson
