"""Support for weaker readers (`--support`, or `support: true` in a lesson; SPEC §4): the
sentence starters under each question that asks for a long answer, chosen by the kind of
thinking the question asks for — frames for the student's own sentences, nothing new about
the history. (The other support, each section's word bank, is `assemble._word_bank`.)
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .i18n import ENGLISH, N_, Words

if TYPE_CHECKING:
    from .schema import QuestionKind

# Two or three ways into an answer for each kind of question (schema.QuestionKind); "…"
# marks where the student's own words go.
STARTERS: dict[QuestionKind, tuple[str, ...]] = {
    "comprehension": (N_("The source says that …"), N_("This means that …")),
    "close-reading": (
        N_("The source says “…”."),
        N_("This shows that …"),
        N_("This matters because …"),
    ),
    "sourcing": (
        N_("This source was made by … for …"),
        N_("Because it was written to …, it may …"),
    ),
    "corroboration": (
        N_("Both sources say that …"),
        N_("One source says …, but the other says …"),
        N_("I trust … more here, because …"),
    ),
    "contextualisation": (N_("At the time, …"), N_("This helps to explain … because …")),
}


def starters(kind: QuestionKind, space: str, words: Words = ENGLISH) -> tuple[str, ...]:
    """The sentence starters a question of `kind` gets: only one asking for a long answer,
    in `words`' language."""
    if space != "long":
        return ()
    say = words.say
    # "…" stays on the line of the word before it: "it may …", never "it may" and "…" below.
    return tuple(say(starter).replace(" …", "\u00a0…") for starter in STARTERS[kind])
