"""How good `packet pull`'s drafts are, measured on the labelled set in `tests/labelled/`.

Each document there (text, Markdown, HTML, or a recipe the tests turn into a PDF, Word or
OpenDocument file: `docmaker.make_from_recipe`) has a `<name>.labels.yaml` written by a
reader, not by the rules: every distinct dated happening (the date as written, and words of
the sentence stating it), the key terms with the words that define them, and the lines of page
furniture. Documents labelled `held_out: true` were labelled (by a reader who never saw the
rules) after the rules were tuned on the others, and are not tuned on: they are the honest
figure, reported apart. A held-out batch, once its figure is taken and written in the README,
may be tuned on (`held_out: false`, `batch: N`); a new batch is then held out.

Measured (the table is printed; README "How good the drafts are" keeps it):
- events: a drafted event is right when its date is the label's (read by packet's own date
  rules) and its source sentence holds the label's words (as a reader sees them: a label
  copied from Markdown keeps its "*…*"); each label is matched once, so a
  second event for one happening counts against precision;
- terms: a drafted term (or one of its aliases) is right when it is a labelled term (or one of
  the other names its label gives);
- definitions: the share of drafted definitions that are a clause, not the whole sentence;
  and the share of matched terms whose definition holds the label's defining words;
- boilerplate: a dropped line is right when it is labelled furniture; a labelled line is
  removed when it reaches no draft.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import yaml

from docmaker import make_from_recipe
from packet.draft import Drafts, Taken, draft, happenings
from packet.pull import _read
from packet.sources import link_text
from packet.text import normalise

LABELLED = Path(__file__).parent / "labelled"
PAGE_FOOTER = re.compile(r"^Page \d+$")
# The targets. On the whole set all are met but term recall and event recall; on the
# held-out batch (44), measured before its misses were read, event precision, term precision
# and definitions met theirs; event recall and term recall did not (README "How good the
# drafts are"). A figure must not fall below what it was when measured.
TARGETS = {"event recall": 0.95, "event precision": 0.80, "term recall": 0.85,
           "term precision": 0.60, "definitions as clauses": 0.80}  # fmt: skip
WHOLE_SET_MEASURED = {"term recall": 0.775, "event recall": 0.928}
# (Term precision was 0.681 blind; a long document's glossary is no longer cut at a hundred
# terms, and the terms after them are right less often: 0.672, term recall 0.649 → 0.660.)
HELD_OUT_MEASURED = {"event recall": 0.866, "event precision": 0.880, "term recall": 0.649,
                     "term precision": 0.672, "definitions as clauses": 1.0}  # fmt: skip


@dataclass
class Tally:
    """Counts over some documents, and the figures from them."""

    events_right: int = 0
    events_drafted: int = 0
    events_labelled: int = 0
    events_found: int = 0
    terms_right: int = 0
    terms_drafted: int = 0
    terms_labelled: int = 0
    terms_found: int = 0
    clauses: int = 0
    definitions: int = 0
    meanings_right: int = 0
    dropped_right: int = 0
    dropped: int = 0
    furniture: int = 0
    furniture_removed: int = 0
    misses: list[str] = field(default_factory=list)

    def add(self, other: Tally) -> None:
        for name, value in vars(other).items():
            if isinstance(value, int):
                setattr(self, name, getattr(self, name) + value)
            else:
                getattr(self, name).extend(value)

    def figures(self) -> dict[str, float]:
        def share(part: int, whole: int) -> float:
            return part / whole if whole else 1.0

        return {
            "event recall": share(self.events_found, self.events_labelled),
            "event precision": share(self.events_right, self.events_drafted),
            "term recall": share(self.terms_found, self.terms_labelled),
            "term precision": share(self.terms_right, self.terms_drafted),
            "definitions as clauses": share(self.clauses, self.definitions),
            "definitions right": share(self.meanings_right, self.terms_found),
            "boilerplate recall": share(self.furniture_removed, self.furniture),
            "boilerplate precision": share(self.dropped_right, self.dropped),
        }


def _documents() -> list[Path]:
    return sorted(LABELLED.glob("*.labels.yaml"))


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The labelled set's documents, recipes made into PDF, Word and OpenDocument files."""
    folder = tmp_path_factory.mktemp("labelled")
    for recipe in LABELLED.glob("*.*.yaml"):
        if not recipe.name.endswith(".labels.yaml"):
            make_from_recipe(recipe, folder)
    return folder


def _source(labels: dict[str, Any], made: Path) -> Path:
    name = str(labels["source"]).removesuffix(".yaml")
    direct = LABELLED / name
    return direct if direct.is_file() else made / name


def _date(label: dict[str, Any]) -> str | None:
    """A label's date in packet's notation (a span, "from January 1868 to June 1869", as one
    date); a day written without its year ("30 October") is of the label's `year`. None for
    a date packet does not read: its event counts as missed."""
    date, year = str(label["date"]), label.get("year")
    if isinstance(year, int) and year < 0:
        # a year before the common era, as a label gives it: -59 is 59 BC, and a day or
        # month of it ("that summer", "28 September") is of that year (packet writes a day
        # BC as its year: "15 March 44 BC" is 44 BC) — but a century or decade of it is the
        # one its words say ("in the 13th century BCE", which a label gives as -1300; "in the
        # 480s", as -485)
        read = happenings(f"in the {date.split(' the ', 1)[-1]}", None)
        if read and "century" in read[0][3]:
            return read[0][3]
        if read and re.fullmatch(r"(?:(?:early|mid|late) )?\d+s(?: BCE)?", read[0][3]):
            return read[0][3].removesuffix(" BCE") + " BCE"
        return f"{-year} BC"
    if _relative(label):
        return str(year)  # "two days later", of 1950: the label gives the year alone
    # A month the label gives alone ("March", with its year) is read as the text has it.
    if re.match(r"(?:middle|end|beginning|start|close)\s+of\b", date):
        date = f"the {date}"  # "middle of the first century AD" is its middle, as the text has it
    told = (
        happenings(date, year)
        or happenings(f"in {date}", year)
        or happenings(f"in the {date.removeprefix('the ')}", year)  # "eighteenth century"
        or happenings(f"from {date}", year)  # "1701 to 1714", as the text has it after "From"
        or happenings(f"between {date}", year)  # "1633 and 1639"
        or happenings(f"on {date}", year)  # "Christmas Day", of 1497
    )
    return told[0][3] if told else None


def _relative(label: dict[str, Any]) -> bool:
    """Whether a label's date is told from the one before ("the following day", "that same
    year"), with the year it means."""
    return bool(label.get("year")) and bool(_RELATIVE.search(str(label["date"])))


_RELATIVE = re.compile(
    r"\b(?:later|earlier|before|following|next|previous|same|that|within)\b|"
    r"\bafter\s+\w+\s+(?:days?|weeks?|months?|years?)\b|"
    # an hour of a day the text tells hour by hour: "By mid-morning", "close to midnight",
    # "At about 7:30", "4:07 p.m."
    r"\b(?:morning|afternoon|evening|midday|noon|midnight|dawn|dusk|o'clock)\b|"
    r"\b\d{1,2}[:.]\d\d\b|\b\d{1,2}\s*[ap]\.m\b",
    re.I,
)


def measure(labels: dict[str, Any], source: Path, root: Path) -> Tally:
    """One document pulled (read and drafted as `packet pull` does, nothing written) and
    compared with its labels."""
    root.mkdir(exist_ok=True)
    document = _read(root, source)
    locate = document.paged.locate if document.paged is not None else None
    drafts = draft(document.found, "doc", source.name, source.stem, Taken(), locate)
    tally = Tally()
    _events(tally, labels.get("events") or [], drafts, source.name)
    _terms(tally, labels.get("terms") or [], drafts, source.name)
    dropped = [*document.found.skipped, *document.dropped]
    _boilerplate(tally, _furniture(labels), dropped, document.found.text)
    return tally


def _furniture(labels: dict[str, Any]) -> list[str]:
    """The labelled lines of page furniture, and the running head a PDF recipe prints on every
    page (`docmaker`): furniture by construction, which a recipe's labels need not repeat."""
    recipe = LABELLED / str(labels["source"])
    lines = [str(line) for line in labels.get("boilerplate") or []]
    if recipe.suffix == ".yaml":
        head = yaml.safe_load(recipe.read_text(encoding="utf-8")).get("running_head")
        lines += [str(head)] if head else []
    return lines


def _events(tally: Tally, labelled: list[dict[str, str]], drafts: Drafts, name: str) -> None:
    drafted = drafts.timeline
    tally.events_drafted += len(drafted)
    tally.events_labelled += len(labelled)
    unmatched = list(labelled)
    for event in drafted:
        sentence = _visible(event["sources"][0]["passage"])
        match = next(
            (
                label
                for label in unmatched
                if _same_date(label, event["date"]) and _visible(label["says"]) in sentence
            ),
            None,
        )
        if match is not None:
            unmatched.remove(match)
            tally.events_right += 1
        else:
            tally.misses.append(f"{name}: extra event {event['date']} “{event['title']}”")
    tally.events_found += len(labelled) - len(unmatched)
    tally.misses += [f"{name}: missed event {e['date']} “{e['says']}”" for e in unmatched]


def _same_date(label: dict[str, Any], drafted: str) -> bool:
    """Whether a drafted date is the label's: "c. 1162" is the label's "1162" too (the text
    says "around 1162"; a label may give the year alone), and a day told from the one before
    ("two days later", 1950) is any day of the label's year."""
    labelled = _date(label)
    if labelled is None:
        return False
    if _relative(label):  # "0532-01-19" is of the label's 532: a day is written with four digits
        return drafted.lstrip("0").startswith(labelled)
    return _era_read(labelled) == _era_read(drafted)


def _era_read(date: str) -> str:
    """A date as it is compared: "c. 89 BCE" is 89 BC (a label's year -89 reads "89 BC", the
    text may write "89 BCE"), "224 CE" is 224 AD."""
    date = re.sub(r"\bBCE\b", "BC", date.removeprefix("c. "))
    return re.sub(r"\bCE\b", "AD", date)


def _fold(name: str) -> str:
    """A term's name as terms are matched: folded, without "the", and singular ("Posters" is
    the labelled "poster")."""
    folded = normalise(name).casefold().strip("¡!¿?").removeprefix("the ")
    return folded[:-1] if folded.endswith("s") and not folded.endswith("ss") else folded


def _names(entry: dict[str, Any]) -> Iterator[str]:
    for name in (entry["term"], *(entry.get("aliases") or [])):
        yield _fold(str(name))


def _terms(tally: Tally, labelled: list[dict[str, str]], drafts: Drafts, name: str) -> None:
    tally.terms_drafted += len(drafts.glossary)
    tally.terms_labelled += len(labelled)
    wanted = {_fold(str(t["term"])): t for t in labelled}
    # … by any name the label gives it: the labeller's "Pompey" is drafted as "Gnaeus Pompeius
    # Magnus", the other name the label lists
    named = {n: key for key, t in wanted.items() for n in _names(t)}
    named.update({key: key for key in wanted})
    found: set[str] = set()
    for entry in drafts.glossary:
        definition, sentence = normalise(entry["definition"]), normalise(entry["passage"])
        tally.definitions += 1
        if definition != sentence and len(definition) < len(sentence):
            tally.clauses += 1
        else:
            tally.misses.append(f"{name}: whole sentence as definition of “{entry['term']}”")
        hits = (named[n] for n in _names(entry) if n in named)
        hit = next((key for key in hits if key not in found), None)
        if hit is None:
            tally.misses.append(f"{name}: extra term “{entry['term']}”")
            continue
        found.add(hit)
        tally.terms_right += 1
        if _visible(wanted[hit]["means"]).casefold() in _visible(definition).casefold():
            tally.meanings_right += 1
        else:
            tally.misses.append(f"{name}: “{entry['term']}” defined as “{definition[:70]}”")
    tally.terms_found += len(found)
    tally.misses += [f"{name}: missed term “{t}”" for t in wanted if t not in found]


def _visible(text: str) -> str:
    """`text` as a reader sees it: a seed keeps an HTML page's emphasis and links as Markdown
    ("*compagnies d'ordonnance*", "[Home](/)"), a label has the words."""
    return link_text(normalise(text)).replace("*", "")


def _boilerplate(tally: Tally, labelled: list[str], dropped: list[str], kept: str) -> None:
    furniture = [_visible(line) for line in labelled]
    article = _visible(kept)
    lines = {_visible(line) for line in kept.splitlines()}
    tally.furniture += len(furniture)
    # A line of a few words (a share link "X", a related article "Black Death") is kept only
    # if it is a line of its own: the article may use the words.
    tally.furniture_removed += sum(
        (line not in lines) if len(line.split()) <= 4 else (line not in article)
        for line in furniture
    )
    for line in map(_visible, dropped):
        tally.dropped += 1
        # The "Page n" footers the tests' PDFs carry (docmaker) are furniture too.
        right = any(line in f or f in line for f in furniture if f) or PAGE_FOOTER.match(line)
        tally.dropped_right += bool(right)
        if not right:
            tally.misses.append(f"dropped article text “{line[:70]}”")


def _table(rows: dict[str, Tally]) -> str:
    names = list(next(iter(rows.values())).figures())
    out = ["| figure | " + " | ".join(rows) + " |", "|---" * (len(rows) + 1) + "|"]
    for name in names:
        cells = " | ".join(f"{tally.figures()[name]:.0%}" for tally in rows.values())
        out.append(f"| {name} | {cells} |")
    return "\n".join(out)


def test_the_labelled_set_covers_every_kind_of_document() -> None:
    labels = [yaml.safe_load(path.read_text(encoding="utf-8")) for path in _documents()]
    assert len(labels) >= 12
    kinds = {str(label["source"]).removesuffix(".yaml").rsplit(".", 1)[-1] for label in labels}
    assert kinds >= {"txt", "md", "html", "pdf", "docx", "odt"}
    assert sum(bool(label["held_out"]) for label in labels) >= 4


def test_drafts_meet_their_targets_on_the_labelled_set(made: Path, tmp_path: Path) -> None:
    whole, held_out, tuned = Tally(), Tally(), Tally()
    for path in _documents():
        labels = yaml.safe_load(path.read_text(encoding="utf-8"))
        tally = measure(labels, _source(labels, made), tmp_path / path.name)
        (held_out if labels["held_out"] else tuned).add(tally)
        whole.add(tally)
    print("\n" + _table({"held out": held_out, "tuned on": tuned, "whole set": whole}))
    print("\n".join(whole.misses))
    for name, target in TARGETS.items():
        floor = min(target, WHOLE_SET_MEASURED.get(name, target) - 0.005)
        assert whole.figures()[name] >= floor, f"{name} on the whole set"
    for name, measured in HELD_OUT_MEASURED.items():
        assert held_out.figures()[name] >= measured - 0.005, f"{name} on the held-out set"
