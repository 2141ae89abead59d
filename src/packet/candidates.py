"""Possible disagreements between seeds, found automatically for `packet check`.

Two sentences from different seeds are about "evidently the same" thing when,
read with the sentence before each (which often names the subject), they share
enough distinctive words — names and content words, compared by their first
five letters so "formed"/"formation" meet; words found in a quarter of all
claims (the topic itself: "Khmer", "Cambodia") do not count. They disagree when:

* date: both give years, the years do not overlap, and they are at most
  MAX_YEARS apart (far-apart years are usually different events);
* number: both give quantities of at least 100 (not years), and one gives a
  figure the other does not (none within 10% of it).

Pairs already quoted in content/disagreements.yaml are left out. What remains
is a list of candidates for a person to judge, reported as notes: never fatal.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .dates import find_dates, parse_date
from .model import Project
from .text import contains_passage, paragraphs, sentences

MAX_YEARS = 3
MIN_SHARED = 3  # distinctive words in common
TOPIC_SHARE = 0.25  # a word in more than this share of claims is the topic, not distinctive
_WORD = re.compile(r"[A-Za-z][A-Za-z’'-]{3,}")
_COMMON = {  # words too common to show two sentences share a subject
    "that", "this", "with", "from", "were", "which", "their", "they", "them", "there", "have",
    "been", "into", "over", "after", "about", "also", "when", "while", "than", "then", "these",
    "those", "such", "only", "some", "many", "more", "most", "other", "under", "until",
    "would", "could", "should", "being", "during", "between", "against", "within", "without",
    "because", "became", "become", "later", "first", "years", "year", "time", "times",
    "people", "country", "government",
}  # fmt: skip
_NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "hundred": 100,
}  # fmt: skip
_SCALE = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
_QUANTITY = re.compile(
    r"(?<![\d.])(?P<n>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?|one|two|three|four|five|six|seven|eight|"
    r"nine|ten)(?:\s+(?P<scale>hundred|thousand|million|billion))?\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Claim:
    seed: str
    sentence: str
    context: frozenset[str]
    years: tuple[int, int] | None
    quantities: tuple[float, ...]


@dataclass(frozen=True)
class Candidate:
    kind: str  # "date" or "number"
    first: Claim
    second: Claim
    shared: tuple[str, ...]

    @property
    def values(self) -> str:
        """What each side says, e.g. "1968 vs 1967" or "2 million vs 1.5 million, 2 million"."""
        if self.kind == "date":
            return " vs ".join(_years(c.years) for c in (self.first, self.second) if c.years)
        return " vs ".join(
            ", ".join(_figure(q) for q in c.quantities) for c in (self.first, self.second)
        )


def _years(span: tuple[int, int]) -> str:
    return str(span[0]) if span[0] == span[1] else f"{span[0]}–{span[1]}"


def _figure(value: float) -> str:
    return f"{value / 1_000_000:g} million" if value >= 1_000_000 else f"{value:,.0f}"


def _stems(text: str) -> frozenset[str]:
    return frozenset(
        w.lower()[:5] for w in _WORD.findall(text) if w.lower() not in _COMMON and len(w) > 3
    )


def _quantities(sentence: str) -> tuple[float, ...]:
    found = []
    for m in _QUANTITY.finditer(sentence):
        raw = m["n"].lower()
        value = float(_NUMBER_WORDS[raw]) if raw in _NUMBER_WORDS else float(raw.replace(",", ""))
        if m["scale"]:
            value *= _SCALE[m["scale"].lower()]
        is_year = not m["scale"] and re.fullmatch(r"1\d{3}|20\d{2}", raw)
        if value >= 100 and not is_year:
            found.append(value)
    return tuple(found)


def _claims(project: Project) -> list[Claim]:
    claims = []
    for seed in project.seeds.values():
        for _, paragraph in paragraphs(seed.text):
            said = sentences(paragraph)
            for before, sentence in zip(["", *said], said, strict=False):
                dates = [parse_date(d) for _, _, d in find_dates(sentence)]
                years = (
                    (min(d.start.year for d in dates), max(d.end.year for d in dates))
                    if dates
                    else None
                )
                quantities = _quantities(sentence)
                if years or quantities:
                    context = _stems(before + " " + sentence)
                    claims.append(Claim(seed.id, sentence, context, years, quantities))
    return claims


def _unmatched(a: tuple[float, ...], b: tuple[float, ...]) -> bool:
    """Whether either side gives a figure with nothing within 10% of it on the other."""

    def near(x: float, ys: tuple[float, ...]) -> bool:
        return any(abs(x - y) <= 0.1 * max(x, y) for y in ys)

    return any(not near(x, b) for x in a) or any(not near(y, a) for y in b)


def _covered(project: Project, claim: Claim) -> bool:
    return any(
        contains_passage(claim.sentence, v.quote) or contains_passage(v.quote, claim.sentence)
        for d in project.disagreements
        for v in d.entry.versions
    )


def _topic(claims: list[Claim]) -> set[str]:
    """The stems in more than TOPIC_SHARE of all claims: the subject itself, not distinctive."""
    counts: dict[str, int] = {}
    for claim in claims:
        for stem in claim.context:
            counts[stem] = counts.get(stem, 0) + 1
    return {stem for stem, n in counts.items() if n > TOPIC_SHARE * len(claims)}


def _kind(first: Claim, second: Claim) -> str | None:
    """How two claims' figures disagree: "date", "number", or None when they do not."""
    if first.years and second.years:
        (a1, a2), (b1, b2) = first.years, second.years
        if 0 < max(b1 - a2, a1 - b2) <= MAX_YEARS:
            return "date"
    if first.quantities and second.quantities and _unmatched(first.quantities, second.quantities):
        return "number"
    return None


def disagreement_candidates(project: Project) -> list[Candidate]:
    """Pairs of claims from different seeds that look like the same thing told differently."""
    claims = _claims(project)
    topic = _topic(claims)
    found: list[Candidate] = []
    for i, first in enumerate(claims):
        for second in claims[i + 1 :]:
            if first.seed == second.seed:
                continue
            shared = tuple(sorted((first.context & second.context) - topic))
            if len(shared) < MIN_SHARED:
                continue
            kind = _kind(first, second)
            if kind and not (_covered(project, first) and _covered(project, second)):
                found.append(Candidate(kind, first, second, shared))
    return found
