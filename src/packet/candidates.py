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

The same sentence of a seed, read with the same sentence before it, is one claim however
often the seed repeats it. Only pairs that share a distinctive word are compared: each word
leads to the claims that use it, and a word in more than MAX_SHARING claims does not count as
distinctive either (it would make every claim a neighbour of every other). At most
MAX_LISTED candidates are listed, MAX_PER_CLAIM for any one claim, those sharing the most
words first; how many more there were is said.
"""

from __future__ import annotations

import itertools
import re
from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass

from .dates import MONTHS, find_dates, parse_date
from .model import Project
from .text import Haystack, paragraphs, sentences

MAX_YEARS = 3
MIN_SHARED = 3  # distinctive words in common
TOPIC_SHARE = 0.25  # a word in more than this share of claims is the topic, not distinctive
MAX_SHARING = 500  # nor is a word in more claims than this, however many there are
MAX_LISTED = 100  # candidates listed by `packet check`; the rest are counted
MAX_PER_CLAIM = 3  # candidates listed that name one claim
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


def _read(project: Project) -> tuple[list[Claim], dict[str, frozenset[str]]]:
    """The seeds' claims, and each seed's names (`_unrelated`), in one reading of its
    sentences."""
    claims: list[Claim] = []
    names: dict[str, frozenset[str]] = {}
    for seed in project.seeds.values():
        named: set[str] = set()
        for _, paragraph in paragraphs(seed.text):
            said = sentences(paragraph)
            for before, sentence in zip(["", *said], said, strict=False):
                named.update(m[0].lower()[:5] for m in _NAME.finditer(sentence))
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
        names[seed.id] = frozenset(named - _MONTH_STEMS)
    return claims, names


def _unmatched(a: tuple[float, ...], b: tuple[float, ...]) -> bool:
    """Whether either side gives a figure with nothing within 10% of it on the other."""

    def near(x: float, ys: tuple[float, ...]) -> bool:
        return any(abs(x - y) <= 0.1 * max(x, y) for y in ys)

    return any(not near(x, b) for x in a) or any(not near(y, a) for y in b)


class _Quoted:
    """The versions quoted in disagreements.yaml, normalised once; whether a claim is one of
    them (either contains the other) is worked out once per sentence."""

    def __init__(self, project: Project) -> None:
        self.versions = [
            (v.quote, Haystack(v.quote)) for d in project.disagreements for v in d.entry.versions
        ]
        self.known: dict[str, bool] = {}

    def covers(self, claim: Claim) -> bool:
        sentence = claim.sentence
        if sentence not in self.known:
            own = Haystack(sentence)
            self.known[sentence] = any(
                own.contains(quote) or version.contains(sentence)
                for quote, version in self.versions
            )
        return self.known[sentence]


def _common(claims: list[Claim]) -> set[str]:
    """The stems that are not distinctive: the topic itself (in more than TOPIC_SHARE of all
    claims, a repeated one each time) and any word in more than MAX_SHARING different claims."""
    share = Counter(stem for claim in claims for stem in claim.context)
    spread = Counter(stem for claim in set(claims) for stem in claim.context)
    return {stem for stem, n in share.items() if n > TOPIC_SHARE * len(claims)} | {
        stem for stem, n in spread.items() if n > MAX_SHARING
    }


def _kind(first: Claim, second: Claim) -> str | None:
    """How two claims' figures disagree: "date", "number", or None when they do not."""
    if first.years and second.years:
        (a1, a2), (b1, b2) = first.years, second.years
        if 0 < max(b1 - a2, a1 - b2) <= MAX_YEARS:
            return "date"
    if first.quantities and second.quantities and _unmatched(first.quantities, second.quantities):
        return "number"
    return None


@dataclass(frozen=True)
class Candidates:
    """The candidates listed, in the order their claims come in the seeds, and how many more
    were found but not listed."""

    listed: list[Candidate]
    more: int


def disagreement_candidates(project: Project) -> Candidates:
    """Pairs of claims from different seeds that look like the same thing told differently —
    from seeds about one subject (`_unrelated`: a unit on the Somme and one on Hawaii are no
    two accounts of anything, whatever figures their sentences share words with)."""
    claims, names = _read(project)
    apart = _unrelated(names)
    pairs = candidate_pairs(claims, _Quoted(project).covers)
    return bounded([c for c in pairs if frozenset((c.first.seed, c.second.seed)) not in apart])


def _unrelated(names: dict[str, frozenset[str]]) -> set[frozenset[str]]:
    """The pairs of seeds about different subjects: each names at least MIN_NAMES names (words
    with a capital inside a sentence, months aside: `names`, by seed), and they share fewer
    than RELATED_SHARE of the fewer's."""
    return {
        frozenset((a, b))
        for a, b in itertools.combinations(names, 2)
        if min(len(names[a]), len(names[b])) >= MIN_NAMES
        and len(names[a] & names[b]) < RELATED_SHARE * min(len(names[a]), len(names[b]))
    }


MIN_NAMES = 20
RELATED_SHARE = 0.2
_NAME = re.compile(r"(?<=[a-z,;:]\s)[A-Z][^\W\d_]{3,}")
_MONTH_STEMS = {month.lower()[:5] for month in MONTHS}


def candidate_pairs(claims: list[Claim], covered: Callable[[Claim], bool]) -> list[Candidate]:
    """Every pair of `claims` (seed by seed, as `_read` gives them) from different seeds
    sharing at least MIN_SHARED distinctive stems whose figures disagree, unless both are
    `covered`; in claim order, a claim repeated word for word taken once. Each claim is
    compared only with the later claims of other seeds that share a distinctive stem with it,
    found through an index of those stems."""
    common = _common(claims)
    claims = list(dict.fromkeys(claims))
    index: dict[str, list[int]] = defaultdict(list)  # stem -> the claims using it, in order
    for number, claim in enumerate(claims):
        for stem in claim.context - common:
            index[stem].append(number)
    seed_end = _seed_ends(claims)
    found: list[Candidate] = []
    for number, first in enumerate(claims):
        later = seed_end[number]  # the first claim of the next seed
        shared: Counter[int] = Counter()
        for stem in first.context - common:
            bucket = index[stem]
            shared.update(bucket[bisect_left(bucket, later) :])
        for other in sorted(n for n, count in shared.items() if count >= MIN_SHARED):
            second = claims[other]
            kind = _kind(first, second)
            if kind and not (covered(first) and covered(second)):
                words = tuple(sorted((first.context & second.context) - common))
                found.append(Candidate(kind, first, second, words))
    return found


def _seed_ends(claims: list[Claim]) -> list[int]:
    """For each claim, the index of the first claim after it from another seed."""
    ends = [len(claims)] * len(claims)
    for number in range(len(claims) - 2, -1, -1):
        same = claims[number].seed == claims[number + 1].seed
        ends[number] = ends[number + 1] if same else number + 1
    runs = [c.seed for n, c in enumerate(claims) if n == 0 or claims[n - 1].seed != c.seed]
    if len(runs) != len(set(runs)):
        raise ValueError("the claims of a seed must come together")
    return ends


def bounded(found: list[Candidate]) -> Candidates:
    """At most MAX_LISTED of `found`, and MAX_PER_CLAIM naming any one claim, chosen by the
    most distinctive stems shared (earlier first among equals), listed in `found`'s order."""
    chosen: list[int] = []
    per_claim: Counter[Claim] = Counter()
    ranked = sorted(range(len(found)), key=lambda n: (-len(found[n].shared), n))
    for n in ranked:
        if len(chosen) == MAX_LISTED:
            break
        first, second = found[n].first, found[n].second
        if per_claim[first] < MAX_PER_CLAIM and per_claim[second] < MAX_PER_CLAIM:
            chosen.append(n)
            per_claim[first] += 1
            per_claim[second] += 1
    return Candidates([found[n] for n in sorted(chosen)], len(found) - len(chosen))
