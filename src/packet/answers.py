"""The answerable HTML packet, and the answers a student saves from it.

In the student HTML packet every question has a text box and the activities have inputs
(the templates place them; `answer_id` gives each a stable id: made from what it asks, so
a question keeps its id when others are added). `answerable(html, packet)` adds packet's
own script (`answers_page/answers.js`) and a Content-Security-Policy that lets only that
script run — by its hash, so nothing a project template wrote can run (selfcontained.py
has already dropped scripts and handlers; the policy is the second lock) — and no
request leave the page (`default-src 'none'`).

The script keeps the answers in the browser's localStorage, under the project, lesson,
edition and packet version (`packet_version`: the ids of everything answerable, so a
packet whose questions changed starts empty), and offers Print my answers, Save my answers
(a JSON file, `ANSWERS_FORMAT`, README "Answering on screen"), Load answers and Clear.

`read_saved(data)` checks such a file; `answers_page(saved)` is what `packet answers FILE`
writes: a page a teacher reads and prints.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from .errors import UsageError
from .i18n import N_, SOURCE, Words


class Packet(Protocol):
    """What `answerable` reads of an `assemble.Packet` (which imports this module)."""

    @property
    def title(self) -> str: ...
    @property
    def lesson_id(self) -> str: ...
    @property
    def lesson_title(self) -> str: ...
    @property
    def edition(self) -> str: ...
    @property
    def ui_language(self) -> str: ...


_HALF_PAIR = re.compile("[\ud800-\udfff]")
ANSWERS_FORMAT = "packet-answers"
PAGE_GENERATOR = "packet answers"  # marks the pages `packet answers` writes (and may rewrite)
ANSWERS_FORMAT_VERSION = 1
MAX_ANSWERS_BYTES = 5_000_000  # a class's worth of essays is far less
SCRIPT = (Path(__file__).with_name("answers_page") / "answers.js").read_text(encoding="utf-8")
# The words the answers script shows a student (its `t("…")` calls), for the catalogues; a
# packet in another language carries them translated in its data.
WORDS = (
    N_("Your answers"),
    N_("Your answers are kept in this browser only. Save them to a file to hand them in."),
    N_("Print my answers"),
    N_("Save my answers"),
    N_("Load answers…"),
    N_("Clear…"),
    N_("An answers file"),
    N_("This browser could not keep your answers ({error}): save them to a file."),
    N_(
        "This browser does not keep answers for pages opened from a file: save them to a "
        "file before you close it."
    ),
    N_("Saved to a file in your downloads: hand that file in, or load it here later."),
    N_("That file is too large to be answers saved from a packet."),
    N_("That file is not answers saved from a packet."),
    N_("These answers were saved from another lesson ({lesson}). Load them anyway?"),
    N_("Replace the answers on this page with those in the file?"),
    N_("Loaded {name}'s answers; {missing} of them belong to questions this packet no longer has."),
    N_("Loaded answers; {missing} of them belong to questions this packet no longer has."),
    N_("Loaded {name}'s answers."),
    N_("Loaded answers."),
    N_("Clear every answer on this page? Answers you have not saved to a file are lost."),
    N_("Cleared."),
)
_STATE_ID = "packet-answers"


def answer_id(*parts: str) -> str:
    """A stable id for what a student answers: its owner (a module, document, activity)
    and a digest of what it asks — not its number, which changes when others are added."""
    *owner, asked = parts
    digest = hashlib.sha256(" ".join(asked.split()).encode("utf-8")).hexdigest()[:10]
    return "-".join([*owner, digest])


def script_source(script: str) -> str:
    """A Content-Security-Policy source allowing `script`, and only it: `'sha256-…'`."""
    digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode()
    return f"'sha256-{digest}'"


def policy(*scripts: str) -> str:
    """The HTML packet's Content-Security-Policy: `scripts` run (by their hashes), nothing
    else; nothing is loaded or sent from anywhere (images and fonts are inside the page)."""
    hashes = " ".join(script_source(s) for s in scripts) or "'none'"
    return "; ".join(
        (
            "default-src 'none'",
            f"script-src {hashes}",
            "style-src 'unsafe-inline'",
            "img-src data:",
            "font-src data:",
            "base-uri 'none'",
            "form-action 'none'",
        )
    )


POLICY_META = '<meta http-equiv="Content-Security-Policy" content="{}">'


def packet_version(html_text: str) -> str:
    """The packet's version, for the browser's store: a digest of its answer ids."""

    ids = sorted(set(re.findall(r'data-answer="([^"]+)"', html_text)))
    return hashlib.sha256("\n".join(ids).encode()).hexdigest()[:12]


def answerable(html_text: str, packet: Packet) -> str:
    """The student HTML packet with packet's answers script and its policy; the teacher's
    with the policy alone (it runs nothing)."""
    scripts = (SCRIPT,) if packet.edition == "student" else ()
    page = _with_policy(html_text, policy(*scripts))
    if not scripts:
        return page
    state: dict[str, object] = {
        "project": packet.title,
        "lesson": packet.lesson_id,
        "lesson_title": packet.lesson_title,
        "edition": packet.edition,
        "version": packet_version(html_text),
    }
    words = Words(packet.ui_language)
    if words.catalogue != SOURCE:  # English: the script's own words
        state["words"] = {message: words.say(message) for message in WORDS}
        state["language"] = words.catalogue_tag  # saved with the answers (`answers_page`)
    data = json.dumps(state).replace("<", "\\u003c")  # ascii: nothing can end the block
    tail = (
        f'<script type="application/json" id="{_STATE_ID}">{data}</script>'
        f"<script>{SCRIPT}</script></body>"
    )
    return _replace_last(page, "</body>", tail)


def without_script(html_text: str) -> str:
    """The HTML packet without packet's answers script and its data: the packet as it
    prints, for a frame that runs nothing (the composer's preview)."""

    page = html_text.replace(f"<script>{SCRIPT}</script>", "", 1)
    return re.sub(rf'<script type="application/json" id="{_STATE_ID}">[^<]*</script>', "", page)


def _with_policy(page: str, rules: str) -> str:
    """`page` with its policy first in its <head>, so that it governs all that follows; a
    BuildError if, read as a browser reads it, the policy is not there (a project's
    packet.html.j2 that writes no <head> packet can find)."""

    import tinyhtml5

    from .errors import BuildError

    meta = POLICY_META.format(html.escape(rules, quote=True))
    head = re.search(r"<head(?:\s[^>]*)?>", page, re.IGNORECASE)
    at = head.end() if head else 0
    page = page[:at] + meta + page[at:]
    namespace = "{http://www.w3.org/1999/xhtml}"
    parsed = tinyhtml5.parse(page, scripting=True).find(f"{namespace}head")
    first = next(iter(parsed), None) if parsed is not None else None
    if (
        first is None
        or first.tag != f"{namespace}meta"
        or first.get("http-equiv") != "Content-Security-Policy"
        or first.get("content") != rules
    ):
        raise BuildError(
            "the HTML packet's <head> could not be given its Content-Security-Policy — "
            "templates/packet.html.j2 must write <head> as the theme's does"
        )
    return page


def _replace_last(text: str, old: str, new: str) -> str:
    at = text.rfind(old)
    return text if at < 0 else text[:at] + new + text[at + len(old) :]


# -- a saved answers file -------------------------------------------------------------------


@dataclass(frozen=True)
class Answer:
    id: str
    question: str  # what was asked, as the page showed it
    answer: str


@dataclass(frozen=True)
class Saved:
    project: str
    lesson: str
    lesson_title: str
    name: str
    saved: str  # when, as the browser said (ISO 8601)
    answers: tuple[Answer, ...]
    language: str = SOURCE  # of packet's words on the packet it was saved from


def read_saved(data: bytes, where: str) -> Saved:
    """A saved answers file, checked; UsageError saying what is wrong with it."""
    if len(data) > MAX_ANSWERS_BYTES:
        raise UsageError(f"{where}: is larger than an answers file can be")
    try:
        found = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise UsageError(
            f"{where}: is not an answers file saved from a packet (not JSON: {exc})"
        ) from None
    if not isinstance(found, dict) or found.get("format") != ANSWERS_FORMAT:
        raise UsageError(
            f"{where}: is not an answers file saved from a packet — it is made by "
            "“Save my answers” in the student HTML packet"
        )
    version = found.get("format_version")
    if type(version) is not int or version != ANSWERS_FORMAT_VERSION:
        raise UsageError(
            f"{where}: was saved by another version of packet (format "
            f"{version!r}); this one reads format {ANSWERS_FORMAT_VERSION}"
        )
    answers = found.get("answers")
    if not isinstance(answers, list) or not all(_is_answer(a) for a in answers):
        raise UsageError(f"{where}: its answers are not a list of id, question and answer")
    return Saved(
        project=_text(found, "project"),
        lesson=_text(found, "lesson"),
        lesson_title=_text(found, "lesson_title"),
        name=_text(found, "name"),
        saved=_text(found, "saved"),
        language=_language(found),
        answers=tuple(
            Answer(_clean(a["id"]), _clean(a["question"]), _clean(a["answer"])) for a in answers
        ),
    )


_LANGUAGE_TAG = re.compile(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*")


def _language(found: dict[str, Any]) -> str:
    """The language of the packet's words the file was saved from (a language tag, or
    English: files saved before packets carried one, and anything else)."""
    value = found.get("language")
    return value if isinstance(value, str) and _LANGUAGE_TAG.fullmatch(value) else SOURCE


def _is_answer(item: Any) -> bool:
    return isinstance(item, dict) and all(
        isinstance(item.get(k), str) for k in ("id", "question", "answer")
    )


def _text(found: dict[str, Any], key: str) -> str:
    value = found.get(key, "")
    return _clean(value) if isinstance(value, str) else ""


def _clean(text: str) -> str:
    """Text as it can be written: half of a UTF-16 pair (which JSON may carry) as U+FFFD."""
    return _HALF_PAIR.sub("\ufffd", text)


def answers_page(saved: Saved) -> str:
    """The saved answers as a page to read and print: each question, then the answer;
    packet's words in the language of the packet they were saved from."""
    e = html.escape
    words = Words(saved.language)
    none = e(words.say("(no answer)"))
    items = "".join(
        f"<li><p class=q>{e(a.question) or e(a.id)}</p>"
        + (f"<p class=a>{e(a.answer)}</p>" if a.answer.strip() else f"<p class=none>{none}</p>")
        + "</li>"
        for a in saved.answers
    )
    answered = sum(1 for a in saved.answers if a.answer.strip())
    who = e(saved.name) or e(words.say("(no name given)"))
    when = words.say("saved {when}", when=saved.saved)
    count = words.say_plural(
        "{answered} of {count} answered", "{answered} of {count} answered",
        len(saved.answers), answered=answered,
    )  # fmt: skip
    return (
        f'<!DOCTYPE html><html lang="{e(words.catalogue_tag)}"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{e(policy())}">'
        f'<meta name="generator" content="{PAGE_GENERATOR}">'
        f"<title>{who}: {e(saved.lesson_title or saved.lesson)}</title><style>"
        "body { font: 12pt/1.5 system-ui, sans-serif; max-width: 44rem; margin: 2rem auto;"
        " padding: 0 1rem; color: #111; }"
        "ol { padding-left: 1.4rem; } li { margin: 0 0 1rem; break-inside: avoid; }"
        ".q { font-weight: 600; margin: 0; } .a { white-space: pre-wrap; margin: 0.2rem 0 0;"
        " border-left: 3px solid #1d3557; padding-left: 0.6rem; }"
        ".none { color: #666; font-style: italic; margin: 0.2rem 0 0; }</style></head><body>"
        f"<main><h1>{who}</h1><p>{e(saved.project)} · {e(saved.lesson_title or saved.lesson)}"
        f" · {e(when)} · {e(count)}</p>"
        f"<ol>{items}</ol></main></body></html>"
    )
