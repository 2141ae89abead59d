"""Support for weaker readers (`--support`, or `support: true` in a lesson; SPEC §4): the
sentence starters under each question that asks for a long answer, chosen by the kind of
thinking the question asks for — frames for the student's own sentences, nothing new about
the history. (The other support, each section's word bank, is `assemble._word_bank`.)
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .schema import QuestionKind

# Two or three ways into an answer for each kind of question (schema.QuestionKind); "…"
# marks where the student's own words go.
STARTERS: dict[QuestionKind, tuple[str, ...]] = {
    "comprehension": ("The source says that …", "This means that …"),
    "close-reading": ("The source says “…”.", "This shows that …", "This matters because …"),
    "sourcing": (
        "This source was made by … for …",
        "Because it was written to …, it may …",
    ),
    "corroboration": (
        "Both sources say that …",
        "One source says …, but the other says …",
        "I trust … more here, because …",
    ),
    "contextualisation": ("At the time, …", "This helps to explain … because …"),
}


def starters(kind: QuestionKind, space: str) -> tuple[str, ...]:
    """The sentence starters a question of `kind` gets: only one asking for a long answer."""
    if space != "long":
        return ()
    # "…" stays on the line of the word before it: "it may …", never "it may" and "…" below.
    return tuple(starter.replace(" …", "\u00a0…") for starter in STARTERS[kind])
