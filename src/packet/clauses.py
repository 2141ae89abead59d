"""Flag a quotation cut from its seed so that it drops the clause it depends on.

In: a seed's normalised text and where a quotation sits in it (`text[start:end]`).
Out: a `ClauseProblem` for each way the cut may change what the seed says, for a teacher to
review; none when the cut looks clean. The rules are heuristics over words, with no parser,
and are tuned to stay quiet on ordinary cuts (a noun phrase, a predicate, a list of verbs):
a flag is a warning, so a false one costs more than a miss.

Sentences are found with `packet.text.sentences`, one line (paragraph) at a time.

1. Dropped governing clause (start). The quotation begins mid-sentence, and a dependent
   connector ("because", "since", "due to", "so that", "although", "unless"…) comes in it
   after some quoted words but before any finite verb: the reader attaches what the connector
   explains, concedes or conditions to those words, not to the clause left out. Catches "from
   their bases…, partly because of Sihanouk's popularity" cut from "they made little headway
   from their bases…". A quotation that opens with its connector ("due to starvation…") is
   not flagged: it plainly depends on something, which the author must say around it.
   Finite verbs are a lexicon plus words in -ed (not capitalised, hyphenated or after a
   determiner), so it misses a cut whose quoted words hold a past participle ("bases
   fortified against attack, because…") and one that drops a main clause with no connector
   at all ("the peasants whom the communists sought to incite"); a present tense outside the
   lexicon ("the regime collapses because") can be a false flag.
2. Dropped negation or attribution (start). One of the last four words before the quotation,
   after the last comma, colon or bracket in its sentence, denies or distances what follows
   ("not", "never", "rejected", "the claim that", "allegedly", "purportedly"…). Catches "the
   regime was popular" cut from "Historians have rejected the claim that the regime was
   popular". Misses a negation further back or across a comma ("No historian, having read the
   archives, thinks that…") and reported speech ("he said that…", too common to flag).
3. Dangling end. The quotation ends, mid-sentence, on a word no clause ends on: an article, a
   preposition, a conjunction, a relative pronoun, a possessive ("the", "of", "and", "which",
   "their"…). Misses a cut that ends on a content word but mid-phrase ("the government of
   Prince"), and may flag a phrasal verb ending in a particle ("gave in").
4. Dropped qualification (end). The quotation ends mid-sentence and the rest of the sentence
   opens with a limit or condition ("only", "except", "unless", "if") or with a contrast ("but",
   "yet", "although", "though", "however", "whereas") that has no verb of its own. Catches
   "entered into a political coalition with him" cut from "…with him, but only briefly", and
   lets "…, but for many years they made little headway" (a clause of its own) pass. It does
   not look past "and", "which", "partly because"…, so it misses a qualification that comes
   later or in other words ("…, and it soon ended"), and one that has a verb ("but it did not
   last"); the finite-verb test is rule 1's.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise

from .text import sentences


@dataclass(frozen=True)
class ClauseProblem:
    message: str  # what the cut drops, quoting the seed briefly
    hint: str  # what the author can do about it


def _set(words: str) -> frozenset[str]:
    """A set of words written as one string, a space between each."""
    return frozenset(words.split())


_WORD = re.compile(r"[A-Za-z0-9]+(?:['-][A-Za-z0-9]+)*")

# Rule 1: each connector (as words) and what its clause does to the one it depends on.
_CONNECTORS: dict[tuple[str, ...], str] = {
    **{
        tuple(c.split()): "explains"
        for c in (
            "because",
            "since",
            "due to",
            "owing to",
            "thanks to",
            "as a result of",
            "on account of",
            "so that",
            "in order to",
            "in order that",
        )
    },
    **{
        tuple(c.split()): "qualifies"
        for c in ("although", "though", "even though", "whereas", "unless", "even if")
    },
}
_LONGEST_CONNECTOR = max(map(len, _CONNECTORS))
# An adverb shown with the connector after it: "partly because".
_DEGREE = _set(
    "partly largely mainly mostly chiefly only simply precisely perhaps probably possibly"
)
_FINITE = _set(
    """is are was were am be been has have had do does did can could will would may might must
    shall should ought became become becomes began begins made makes gave gives took takes went
    goes came comes said says saw sees got gets grew grows knew knows led leads left kept keeps
    held holds found finds fell falls rose rises ran runs won wins lost loses sought seeks
    brought brings thought thinks told tells felt feels stood stands built builds fought fights
    meant means paid pays sent sends wrote writes spoke speaks chose chooses drove drives broke
    breaks fled flees lay lies seems appears remains remain seem appear stays becomes set put
    cut let hit shut spread struck strikes bore bears drew draws rode wore hid hides sat sits
    slew swore tore threw throws understood withdrew withdraws overthrew overthrows
    undertook undertakes"""
)
_NOT_VERBS = _set(
    """red bed shed hundred sacred naked wicked rugged ragged beloved seed need speed breed
    greed creed deed feed weed steed reed shred sled wed indeed"""
)
_DETERMINERS = _set("a an the their its his her our my your this that these those")

# Rule 2: words before a quotation that deny or distance what it says; "claim" only as "the
# claim that" ("laid claim to the throne" distances nothing).
_DENY = _set(
    """not never no nor neither deny denies denied rejected rejects refuted refutes falsely
    untrue disproved"""
)
_ATTRIBUTE = _set("claimed alleged allegedly reportedly purportedly supposedly rumoured rumored")
_CLAIM_THAT = frozenset({("claim", "that"), ("claims", "that")})
_AFFIRMING = frozenset({("no", "doubt"), ("not", "only"), ("not", "just"), ("not", "merely")})
# What the source does to the words after them, and what the author can say it does.
_STANCES = {
    "deny": ("denies what is quoted", "denies this"),
    "attribute": ("reports what is quoted as a claim, not a fact", "only reports this as a claim"),
}
_CLAUSE_MARK = re.compile(r"[,;:()\[\]]")

# Rule 3: words a clause cannot end on.
_DANGLING = _set(
    """the a an of to in at with by for from than into onto upon and or but nor because
    although though unless if which that who whom whose its their"""
)

# Rule 4: words that open a qualification of what comes before them. A contrast qualifies the
# quoted words only when no clause of its own follows ("but only briefly", not "but they
# failed"); a limit or a condition always does.
_CONTRAST = _set("but yet although though however whereas")
_LIMIT = _set("unless except only if")
_QUALIFIER_END = re.compile(r"[;)\]]|,\s+(?:and|or|but|which|who)\b")


@dataclass(frozen=True)
class _Sentences:
    """Where each sentence of a text starts and ends."""

    starts: tuple[int, ...]
    ends: tuple[int, ...]


@lru_cache(maxsize=16)
def _sentences(text: str) -> _Sentences:
    """The sentences of `text`, line by line: a line break always ends a sentence."""
    starts: list[int] = []
    ends: list[int] = []
    line_start = 0
    for line in text.split("\n"):
        pos = 0
        for sentence in sentences(line):
            found = line.find(sentence, pos)
            pos = found + len(sentence)
            starts.append(line_start + found)
            ends.append(line_start + pos)
        line_start += len(line) + 1
    return _Sentences(tuple(starts), tuple(ends))


def _sentence_start(text: str, index: int) -> int:
    """Where the sentence holding `index` starts (`index` itself if it is between sentences)."""
    found = _sentences(text)
    i = bisect_right(found.starts, index) - 1
    return found.starts[i] if i >= 0 and index < found.ends[i] else index


def _sentence_end(text: str, index: int) -> int:
    """Where the sentence holding the character before `index` ends (at least `index`)."""
    found = _sentences(text)
    i = bisect_right(found.starts, index - 1) - 1
    return max(found.ends[i], index) if i >= 0 else index


def _words(text: str) -> list[str]:
    return _WORD.findall(text)


def _is_finite(words: list[str], i: int) -> bool:
    """Whether words[i] is taken for a finite verb: in the lexicon, a negative contraction, or
    a lower-case, unhyphenated word in -ed not after a determiner (so not an adjective)."""
    word = words[i]
    lower = word.lower()
    if lower in _FINITE or lower.endswith("n't"):
        return True
    if not lower.endswith("ed") or lower in _NOT_VERBS or "-" in word or word[0].isupper():
        return False
    return i == 0 or words[i - 1].lower() not in _DETERMINERS


def _connector_at(lowered: list[str], i: int) -> tuple[str, ...] | None:
    """The connector starting at lowered[i], if one does ("since" before a number is a date)."""
    for n in range(_LONGEST_CONNECTOR, 0, -1):
        words = tuple(lowered[i : i + n])
        if words in _CONNECTORS:
            following = lowered[i + n : i + n + 1]
            if words == ("since",) and following and following[0][0].isdigit():
                return None
            return words
    return None


def _first_connector(words: list[str]) -> tuple[int, tuple[str, ...]] | None:
    """The first connector in `words` with no finite verb before it: (index, connector)."""
    lowered = [w.lower() for w in words]
    for i in range(len(words)):
        if _is_finite(words, i):
            return None
        connector = _connector_at(lowered, i)
        if connector is not None:
            return i, connector
    return None


def _brief(words: list[str]) -> str:
    """The dropped words before a quotation, briefly: from the first finite verb among the last
    eight (so that its subject may show, at least four words), or else the last six."""
    tail = words[-8:]
    verb = next((i for i in range(len(tail)) if _is_finite(tail, i)), len(tail) - 6)
    return _shown(words, tail[max(0, min(verb, len(tail) - 4)) :])


def _shown(words: list[str], last: list[str]) -> str:
    """The `last` words of `words`, after "…" if they are not all of them."""
    return ("…" if len(last) < len(words) else "") + " ".join(last)


def _governing_clause(text: str, start: int, end: int) -> ClauseProblem | None:
    """Rule 1: a connector early in a quotation begun mid-sentence, its main clause dropped."""
    before = _words(text[_sentence_start(text, start) : start])
    if not before:
        return None
    quoted = _words(text[start : min(end, _sentence_end(text, start + 1))])
    found = _first_connector(quoted)
    if found is None:
        return None
    i, connector = found
    first = i - 1 if i and quoted[i - 1].lower() in _DEGREE else i
    if first == 0:
        return None  # the quotation opens with its connector: its dependence is plain
    shown = " ".join(quoted[first : i + len(connector)])
    return ClauseProblem(
        f"begins mid-sentence and {_CONNECTORS[connector]} something it leaves out "
        f'("{shown}" belongs to “{_brief(before)}”)',
        "start the quotation where its clause starts, or paraphrase the part left out",
    )


def _lead_in(text: str, start: int) -> list[str]:
    """The words before `start` in its sentence and clause (after , ; : or brackets)."""
    before = text[_sentence_start(text, start) : start]
    marks = list(_CLAUSE_MARK.finditer(before))
    return _words(before[marks[-1].end() :] if marks else before)


def _stance(words: list[str]) -> str | None:
    """Whether the words before a quotation deny or attribute it (a key of `_STANCES`)."""
    lowered = [w.lower() for w in words]
    pairs = set(pairwise(lowered))
    if pairs & _AFFIRMING:
        return None
    if _DENY.intersection(lowered):
        return "deny"
    if _ATTRIBUTE.intersection(lowered) or pairs & _CLAIM_THAT:
        return "attribute"
    return None


def _denial(text: str, start: int, end: int) -> ClauseProblem | None:
    """Rule 2: a quotation begun just after words that deny or attribute what it says —
    unless it opens with such words itself ("we can not hallow" after "we can not
    consecrate" keeps its own denial)."""
    lead_in = _lead_in(text, start)
    stance = _stance(lead_in[-4:])
    if stance is None or _stance(_words(text[start:end])[:4]) == stance:
        return None
    does, says = _STANCES[stance]
    return ClauseProblem(
        f"begins just after “{_shown(lead_in, lead_in[-4:])}”, which it leaves out: the source "
        f"{does}",
        f"quote those words too, or say in your own words that the source {says}",
    )


def _dangling_end(text: str, start: int, end: int) -> ClauseProblem | None:
    """Rule 3: a quotation that stops, mid-sentence, on a word no clause ends on."""
    quoted = text[start:end].rstrip()
    if not quoted or not quoted[-1].isalnum():
        return None
    if not _words(text[end : _sentence_end(text, end)]):
        return None  # the sentence ends where the quotation does
    last = _words(quoted)[-1]
    if last.lower() not in _DANGLING:
        return None
    return ClauseProblem(
        f'ends on "{last}", in the middle of a clause',
        "end the quotation where its clause ends, or leave out the last word",
    )


def _qualifier(rest: str) -> list[str]:
    """The words of the qualification that `rest` (the sentence after a cut) opens with, if it
    does: up to the next semicolon, closing bracket or coordinated clause."""
    first = _WORD.search(rest)
    if first is None:
        return []
    word = first[0].lower()
    stop = _QUALIFIER_END.search(rest, first.end())
    words = _words(rest[first.start() : stop.start() if stop else len(rest)])
    if word in _LIMIT:
        return words
    if word in _CONTRAST and not any(_is_finite(words, i) for i in range(1, len(words))):
        return words
    return []


def _qualification(text: str, end: int) -> ClauseProblem | None:
    """Rule 4: a quotation that stops where its sentence goes on to qualify it."""
    if end < len(text) and text[end].isalnum() and text[end - 1].isalnum():
        return None  # the quotation ends inside a word
    words = _qualifier(text[end : _sentence_end(text, end)])
    if not words:
        return None
    shown = " ".join(words[:5]) + ("…" if len(words) > 5 else "")
    return ClauseProblem(
        f"ends where the sentence goes on to qualify it (“{shown}”)",
        "quote the qualification too, or say in your own words that the source qualifies this",
    )


def clause_problems(text: str, start: int, end: int) -> list[ClauseProblem]:
    """How the quotation text[start:end] may drop a clause it depends on (see the module's
    docstring for the rules); `text` is a seed's normalised text, where a line break ends a
    sentence too. [] when the cut looks clean."""
    if not 0 <= start < end <= len(text):
        raise ValueError(f"not a passage of the text: [{start}:{end}] of {len(text)} characters")
    found = (
        _governing_clause(text, start, end),
        _denial(text, start, end),
        _dangling_end(text, start, end),
        _qualification(text, end),
    )
    return [problem for problem in found if problem is not None]
