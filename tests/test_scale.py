"""What keeps `packet check` and `packet pull` linear in the size of their input, tested by its
mechanism, never by the clock: each seed is normalised once however many passages quote it;
positions come from a table of line starts; dates already taken are found by bisection;
possible disagreements are compared within the claims sharing a distinctive word, and their
number is bounded; the lint finds links in one pass. Each is checked against the
straightforward algorithm it replaces."""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import copy_project
from packet import candidates, dates, lint, project, text
from packet.candidates import Candidate, Claim
from packet.check import check_project
from packet.errors import Report
from packet.project import load_project
from packet.yamlsrc import load_yaml

# -- each seed normalised once -----------------------------------------------------------------


def test_a_seed_is_normalised_once_however_many_passages_quote_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = copy_project(tmp_path / "project")
    loaded = load_project(root)
    seed = loaded.seeds["highlights"]
    said = [s for _, p in text.paragraphs(seed.text) for s in text.sentences(p)]
    quoted = [f"“{s}” [@highlights]" for s in said if not re.search('[“”"]', s)][:150]
    assert len(quoted) > 60
    quoted += ["“Words no seed has ever said” [@highlights]"] * 3
    origins = root / "content" / "modules" / "origins.md"
    origins.write_text(origins.read_text() + "\n" + "\n\n".join(quoted) + "\n", encoding="utf-8")
    lengths = {len(s.text) for s in loaded.seeds.values()}
    normalised: list[int] = []
    plain = text.normalise

    def counted(value: str) -> str:
        if len(value) in lengths:
            normalised.append(len(value))
        return plain(value)

    monkeypatch.setattr(text, "normalise", counted)
    report = check_project(load_project(root))
    assert sorted(normalised) == sorted(lengths)  # each seed once, for all those passages
    missing = [p.message for p in report.errors if "is not in seed" in p.message]
    assert (
        missing
        == [
            "quotation “Words no seed has ever said” is not in seed 'highlights' "
            "(000_cca718986b70f43e.txt)"
        ]
        * 3
    )
    boilerplate = [text.normalise(line) for line in seed.meta.boilerplate]
    expected = [  # as every boilerplate line of every seed was compared with every passage
        line
        for quote in quoted[:-3]
        for line in boilerplate
        if line in (normal := plain(quote.split("”")[0][1:])) or normal in line
    ]
    assert len(expected) >= 10  # the seed's marketing is quoted too
    found = [p.message for p in report.errors if "boilerplate" in p.message]
    assert found == [
        f"quotation comes from the seed's boilerplate (“{line[:60]}”)" for line in expected
    ]
    assert len(report.errors) == len(expected) + 3


PASSAGE_TEXT = st.text(st.sampled_from("ab .…’'“\"-–\u00a0\n"), max_size=12)


@given(PASSAGE_TEXT, PASSAGE_TEXT)
def test_a_haystack_finds_what_normalising_both_texts_each_time_finds(
    haystack: str, passage: str
) -> None:
    normal = text.normalise(haystack)
    start, expected = 0, True
    for part in text.ELLIPSIS.split(text.normalise(passage)):
        if part.strip():
            found = normal.find(part.strip(), start)
            if found < 0:
                expected = False
                break
            start = found + len(part.strip())
    assert text.Haystack(haystack).contains(passage) is expected


@given(st.text(st.sampled_from("ab\n"), max_size=20))
def test_line_and_column_from_the_table_of_line_starts(value: str) -> None:
    lines = text.Lines(value)
    for index in range(len(value) + 1):
        assert lines.position(index) == text.position(value, index)


def test_quotations_are_placed_by_their_line_however_many_there_are() -> None:
    body = "\n".join(f"Line {n} says “word {n}” [@seed]." for n in range(1, 2001))
    found = text.find_quotations(body)
    assert [(q.quote, q.line, q.col) for q in found] == [
        (f"word {n}", n, len(f"Line {n} says ") + 1) for n in range(1, 2001)
    ]


def test_entries_of_a_list_file_keep_their_positions() -> None:
    source = "".join(f"- id: e{n}\n  title: T{n}\n  tags: [a, b]\n" for n in range(300))
    sourced = load_yaml(source, "content/timeline.yaml", Report())
    assert sourced is not None
    items = project._items(sourced)
    assert items == [project._sub(sourced, n) for n in range(300)]
    assert str(items[299].where(("tags", 1))) == "content/timeline.yaml:900:13"


# -- dates already taken ----------------------------------------------------------------------


def straightforward_find_dates(value: str) -> list[tuple[int, int, str]]:
    """find_dates as it was: each match compared with every span taken before it."""
    found: list[tuple[int, int, str]] = []
    taken: list[tuple[int, int]] = []
    for kind, pattern in dates._PROSE_RE:
        for m in pattern.finditer(value):
            if any(m.start() < end and start < m.end() for start, end in taken):
                continue
            date = dates._prose_date(kind, m)
            if date is not None:
                found.append((m.start(), m.end(), date))
                taken.append((m.start(), m.end()))
    return sorted(found)


PROSE = [
    "1975",
    "1979",
    "1970s",
    "late",
    "mid-1960s",
    "from",
    "to",
    "between",
    "and",
    "January",
    "7th",
    "7",
    ",",
    "of",
    "c.",
    "around",
    "500",
    "BCE",
    "44",
    "BC",
    "–",
    "-",
    "75",
    "2001",
    "April",
    "Sept.",
    "the",
    "12,",
    "$",
    "in",
]


@given(st.lists(st.sampled_from(PROSE), max_size=14))
def test_dates_found_as_by_comparing_every_taken_span(words: list[str]) -> None:
    value = " ".join(words)
    assert dates.find_dates(value) == straightforward_find_dates(value)


def test_a_line_of_thousands_of_dates_finds_each_once() -> None:
    rng = random.Random(15)
    value = (
        " ".join(rng.choice(PROSE) for _ in range(3000))
        + " "
        + " ".join(str(1900 + n % 100) for n in range(2000))
    )
    found = dates.find_dates(value)
    assert found == straightforward_find_dates(value)
    assert sum(date.isdigit() for _, _, date in found) >= 2000


# -- possible disagreements -------------------------------------------------------------------


def never(claim: Claim) -> bool:
    return False


def all_pairs(claims: list[Claim], covered: Callable[[Claim], bool] = never) -> list[Candidate]:
    """disagreement candidates as they were found: every pair of claims compared."""
    common = candidates._common(claims)
    found = []
    for i, first in enumerate(claims):
        for second in claims[i + 1 :]:
            if first.seed == second.seed:
                continue
            shared = tuple(sorted((first.context & second.context) - common))
            if len(shared) < candidates.MIN_SHARED:
                continue
            kind = candidates._kind(first, second)
            if kind and not (covered(first) and covered(second)):
                found.append(Candidate(kind, first, second, shared))
    return found


def generated_claims(seed: int, per_seed: int, words: int) -> list[Claim]:
    """Claims of three seeds, each with a few words of a vocabulary of `words` and a year or a
    figure; shuffled within each seed."""
    rng = random.Random(seed)
    vocabulary = [f"w{n:04d}x" for n in range(words)]
    claims = []
    for seed_id in ("alpha", "beta", "gamma"):
        for n in range(per_seed):
            context = frozenset(rng.sample(vocabulary, rng.randint(2, 7)))
            year = rng.randint(1960, 1980)
            years = (year, year + rng.choice((0, 0, 1, 4)))
            quantities = tuple(
                rng.choice((150.0, 2e6, 1.5e6, 300.0)) for _ in range(rng.randint(0, 2))
            )
            claims.append(
                Claim(
                    seed_id,
                    f"{seed_id} {n}",
                    context,
                    years if rng.random() < 0.8 else None,
                    quantities,
                )
            )
    return claims


@pytest.mark.parametrize(("seed", "per_seed", "words"), [(1, 60, 24), (2, 200, 30), (3, 400, 40)])
def test_candidates_are_those_of_comparing_every_pair(seed: int, per_seed: int, words: int) -> None:
    claims = generated_claims(seed, per_seed, words)
    words_used = {w for c in claims for w in c.context}
    assert max(sum(w in c.context for c in claims) for w in words_used) <= candidates.MAX_SHARING
    expected = all_pairs(claims)
    assert expected  # the generated claims do disagree
    assert candidates.candidate_pairs(claims, never) == expected
    covered = {c for c in claims if c.sentence.endswith("7")}
    assert candidates.candidate_pairs(claims, covered.__contains__) == all_pairs(
        claims, covered.__contains__
    )


def test_a_claim_repeated_is_compared_once_and_its_words_counted_each_time() -> None:
    rng = random.Random(4)
    claims = [c for c in generated_claims(4, 150, 30) for _ in range(rng.choice((1, 1, 2, 5)))]
    every = {(c.kind, c.first, c.second) for c in all_pairs(claims)}  # repeated, both ways
    found = candidates.candidate_pairs(claims, never)
    assert len(found) == len({(c.first, c.second) for c in found}) < len(all_pairs(claims))
    assert {(c.kind, c.first, c.second) for c in found} <= every
    assert {(c.kind, frozenset({c.first, c.second})) for c in found} == {
        (kind, frozenset({a, b})) for kind, a, b in every
    }


def test_claims_sharing_no_word_are_never_compared(monkeypatch: pytest.MonkeyPatch) -> None:
    claims = [
        Claim(
            seed,
            f"{seed} {n}",
            frozenset({f"{seed}{n}a", f"{seed}{n}b", f"{seed}{n}c"}),
            (1970, 1970),
            (),
        )
        for seed in ("alpha", "beta")
        for n in range(500)
    ]
    compared: list[tuple[Claim, Claim]] = []
    kind = candidates._kind
    monkeypatch.setattr(candidates, "_kind", lambda a, b: compared.append((a, b)) or kind(a, b))
    assert candidates.candidate_pairs(claims, never) == []
    assert compared == []  # not 250,000 comparisons: no two claims share a word


def test_a_word_in_more_claims_than_max_sharing_is_not_distinctive() -> None:
    context = frozenset({"khmer", "phnom", "penh", "april"})
    claims = [
        Claim(seed, f"{seed} {n}", context | {f"n{n}"}, (1970 + n % 3 * 2, 1970 + n % 3 * 2), ())
        for seed in ("alpha", "beta", "gamma", "delta", "eps")
        for n in range(120)
    ]
    assert len(claims) > candidates.MAX_SHARING
    assert candidates.candidate_pairs(claims, never) == []


def filler(n: int) -> list[Claim]:
    """Claims of a seed of their own that share no word: the others' words stay distinctive."""
    return [
        Claim("other", f"o{k}", frozenset({f"o{k}a", f"o{k}b"}), None, (500.0,)) for k in range(n)
    ]


def test_the_candidates_listed_are_bounded_and_the_rest_counted() -> None:
    shared = frozenset({"tribu", "verdi", "appea", "senten"})
    claims = [
        Claim(seed, f"The verdict {n} of {seed}", shared | {f"x{n}"}, (1980 + n % 2 * 3,) * 2, ())
        for seed in ("alpha", "beta")
        for n in range(60)
    ] + filler(400)
    found = candidates.candidate_pairs(claims, never)
    assert len(found) == 30 * 30 * 2  # each claim with those of the other year and seed
    result = candidates.bounded(found)
    assert len(result.listed) == candidates.MAX_LISTED
    assert result.more == len(found) - candidates.MAX_LISTED
    assert result.listed == [c for c in found if c in result.listed]  # in the order found
    named: dict[Claim, int] = {}
    for c in result.listed:
        for claim in (c.first, c.second):
            named[claim] = named.get(claim, 0) + 1
    assert max(named.values()) <= candidates.MAX_PER_CLAIM


def test_the_most_shared_candidates_are_listed_first() -> None:
    few = frozenset({"aaaaa", "bbbbb", "ccccc"})
    claims = (
        [
            Claim(
                "alpha", f"a{n}", few | ({"ddddd", "eeeee"} if n == 7 else set()), (1970, 1970), ()
            )
            for n in range(200)
        ]
        + [Claim("beta", "b", few | {"ddddd", "eeeee"}, (1972, 1972), ())]
        + filler(700)
    )
    found = candidates.candidate_pairs(claims, never)
    assert len(found) == 200
    listed = candidates.bounded(found).listed
    # "b" may be named three times: by a7, which shares five words with it, then the earliest
    assert [c.first.sentence for c in listed] == ["a0", "a1", "a7"]


def test_a_seed_repeated_gives_the_candidates_it_gives_once(tmp_path: Path) -> None:
    root = copy_project(tmp_path / "project")
    (root / "content" / "disagreements.yaml").write_text("[]\n", encoding="utf-8")
    once = candidates.disagreement_candidates(load_project(root))
    assert once.listed and not once.more
    for seed in (root / "seeds").glob("*.txt"):
        seed.write_text(seed.read_text(encoding="utf-8") * 40, encoding="utf-8")
    repeated = candidates.disagreement_candidates(load_project(root))
    assert (repeated.listed, repeated.more) == (once.listed, 0)


NAMES = """Aldren Bestow Corvin Dunmore Eskel Fairholt Garnet Hollis Ivers Jessop Kestrel Lorimer
Marrow Norcott Ormsby Pellam Quayle Redvers Sallow Tamsin Ulverd Vantor Wexley Yarrow Zephyn
Abbott Brinley Calder Draycott Elswick"""


def test_check_says_how_many_candidates_it_did_not_list(tmp_path: Path) -> None:
    root = copy_project(tmp_path / "project")
    names = NAMES.split()
    lines = [  # ten groups of six sentences naming the same three people, in 1980 or 1983
        f"The tribunal of {' '.join(names[n % 10 * 3 : n % 10 * 3 + 3])} gave verdict {n} in "
        f"{1980 + n // 10 % 2 * 3}."
        for n in range(60)
    ]
    for name in ("alpha", "beta"):
        (root / "seeds" / f"{name}.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
        (root / "seeds" / f"{name}.txt.meta.yaml").write_text(
            f"id: {name}\nfile: {name}.txt\nshort: {name}\nkind: document\n"
            "kind_basis: A test.\ntitle: The tribunal of Kestrel 1\n",
            encoding="utf-8",
        )
    notes = check_project(load_project(root)).notes
    assert len(notes) == candidates.MAX_LISTED + 1
    last = notes[-1]
    assert str(last.where) == "content/disagreements.yaml"
    assert re.fullmatch(
        r"the seeds may disagree in \d+ more place\(s\), not listed: at most 100 are, and 3 "
        r"for one sentence, those sharing the most words first",
        last.message,
    )


def test_seeds_about_different_subjects_are_not_said_to_disagree(tmp_path: Path) -> None:
    """Batch 32 pulled into one project: "Around 160 armed men landed …" (Hawaii) and "around
    20 million tickets were sold …" (the Somme) were noted as the seeds disagreeing. Seeds
    that share few of their names are about different things; the same figures in seeds that
    share them are still noted."""
    root = copy_project(tmp_path / "project")
    names = [f"Kal{chr(97 + n // 26)}{chr(97 + n % 26)}ford" for n in range(48)]  # 48 names
    for seed, cast, figure in (("alpha", names[:24], 160), ("beta", names[24:48], 200),
                               ("gamma", names[:24], 300)):  # fmt: skip
        lines = [f"The army of {a} and {b} met the envoys of {c}." for a, b, c in
                 zip(cast, cast[1:], cast[2:], strict=False)]  # fmt: skip
        lines.append(f"Around {figure} armed men of the garrison landed at the harbour.")
        (root / "seeds" / f"{seed}.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
        (root / "seeds" / f"{seed}.txt.meta.yaml").write_text(
            f"id: {seed}\nfile: {seed}.txt\nshort: {seed}\nkind: document\n"
            "kind_basis: A test.\ntitle: The garrison\n",
            encoding="utf-8",
        )
    found = candidates.disagreement_candidates(load_project(root)).listed
    pairs = {frozenset((c.first.seed, c.second.seed)) for c in found}
    assert frozenset(("alpha", "gamma")) in pairs, pairs
    assert frozenset(("alpha", "beta")) not in pairs and frozenset(("beta", "gamma")) not in pairs


# -- links found in one pass ------------------------------------------------------------------

OLD_TARGET = re.compile(r"(?P<image>!?)\[[^\]\n]*\]\(\s*<?(?P<url>(?:[^()\s>]|\([^()\s]*\))+)")
OLD_HTML = re.compile(r"<!--|<\s*/?\s*[A-Za-z][\w:-]*(?:\s[^<>]*)?/?>")


@given(st.text(st.sampled_from("[]()!<>/ a:-\t"), max_size=16))
def test_links_and_html_found_as_by_the_regular_expressions_they_replace(line: str) -> None:
    assert list(lint._links(line)) == [
        (m.start() + 1, bool(m["image"]), m["url"]) for m in OLD_TARGET.finditer(line)
    ]
    assert [m.span() for m in lint._HTML.finditer(line)] == [
        m.span() for m in OLD_HTML.finditer(line)
    ]


def bracket_line(n: int) -> str:
    """n unclosed `[`, a link after them, n unclosed `![`, then a link whose text is n words."""
    return (
        "[" * n
        + "![a](https://example.com/i.png) "
        + "![" * n
        + "[b"
        + " x" * n
        + "](javascript:far)"
    )


def test_a_line_of_unclosed_brackets_gives_the_findings_it_gave() -> None:
    small = bracket_line(2000)
    expected = [(1, False, "https://example.com/i.png"), (2033, True, "javascript:far")]
    found_before = [(m.start() + 1, bool(m["image"]), m["url"]) for m in OLD_TARGET.finditer(small)]
    assert found_before == expected
    assert list(lint._links(small)) == expected
    # the first `[` opens the link (its text holds no `]`): as it was, and a link to the web
    findings = lint.lint(bracket_line(200_000))
    assert [(f.line, f.col, f.message) for f in findings] == [
        (1, 200_033, "link to 'javascript:far' is not allowed; it prints as plain text")
    ]
