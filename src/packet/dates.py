"""Historical dates written as text, parsed by the project's own rules.

Accepted forms (en dash or hyphen in ranges):
    1975-04-17      17 April 1975          exact day
    1975-04         April 1975             month
    1975                                    year (in prose, a year of three digits only
                                            after "in", "from", "until"…: "in 629 to study")
    c. 1951, circa 1951                     approximate year ("in about 523", "c. 615")
    1970–1975, 1975-04-17 to 1979-01-07     range of any two of the above
    1950s, early 1950s, mid 1950s, late 1950s   decade or part of it (approximate; in prose
                                            one of three digits after "the": "the 270s")
    480s BCE, late 490s BCE                 a decade before the common era (489–480 BCE)
    18th century, late 16th century,        century or part of it (approximate; the 18th
    2nd century BCE                         century is 1700–1799, the 2nd BCE 200–101 BCE)
    500 BCE, 44 BC, 30 CE, AD 394           era-marked years

    parse_date(text) -> HistDate  (raises DateError with a message that says how to fix it)

A date is `approximate` when its text says it is not exact: "c. 1951", a decade ("1990s") or
a century ("18th century") or part of one ("late 1950s"), and a range with either end so
written. The timeline graphic
draws approximate dates hollow.
"""

from __future__ import annotations

import calendar
import re
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass, field

from .i18n import ENGLISH, N_, PSEUDO, SOURCE, Words, pseudo

MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
WEEKDAY = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"  # a day of the week's name, as a pattern


class DateError(ValueError):
    """The text is not a date this project understands."""


@dataclass(frozen=True, order=True)
class Point:
    """A day in the proleptic Gregorian calendar; year 0 is 1 BCE."""

    year: int
    month: int = 0
    day: int = 0


@dataclass(frozen=True)
class HistDate:
    start: Point
    end: Point
    label: str  # in English, as packet prints it ("late 1950s", "c. 1951", "500 BCE")
    approximate: bool = False
    text: str = field(default="", compare=False)  # as the project wrote it

    def label_in(self, words: Words) -> str:
        """The label in `words`' language: "fin des années 1950", "vers 1951", "500 av. J.-C."
        (`label` itself for English)."""
        if words.catalogue == SOURCE or not self.text:
            return self.label
        return parse_date(self.text, words).label

    @property
    def sort_key(self) -> tuple[Point, Point]:
        return (self.start, self.end)

    @property
    def start_fraction(self) -> float:
        """The start as a fractional year (for drawing to scale)."""
        return _fraction(self.start, first=True)

    @property
    def end_fraction(self) -> float:
        return _fraction(self.end, first=False)


def _fraction(point: Point, *, first: bool) -> float:
    if not point.month:
        return point.year + (0.0 if first else 1.0)
    if not point.day:
        return point.year + (point.month - (1 if first else 0)) / 12
    return point.year + (point.month - 1) / 12 + (point.day - 1) / 365


def _days_in_month(year: int, month: int) -> int:
    if month == 2:
        leap = year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
        return 29 if leap else 28
    return 30 if month in (4, 6, 9, 11) else 31


def year_label(year: int, words: Words = ENGLISH) -> str:
    """A year as `words`' language prints it: "1975", "500 BCE" (year 0 is 1 BCE), and a year
    of the common era's first century with its era, "69 CE" — bare, it reads as 1969."""
    if year <= 0:
        return words.say("{year} BCE", year=1 - year)
    return words.say("{year} CE", year=year) if year < _FIRST_CENTURY_ENDS else str(year)


_FIRST_CENTURY_ENDS = 100


def month_label(year: int, month: int, words: Words = ENGLISH) -> str:
    """A month as `words`' language prints it: "April 1975", "avril 1975"."""
    return _day_label(Point(year, month), words)


def _decade_label(part: str, decade: int, words: Words) -> str:
    """ "1950s", "early 1950s", "mid 1950s", "late 1950s", in `words`' language."""
    if part == "early":
        return words.say("early {decade}s", decade=decade)
    if part == "mid":
        return words.say("mid {decade}s", decade=decade)
    if part == "late":
        return words.say("late {decade}s", decade=decade)
    return words.say("{decade}s", decade=decade)


def _century(m: re.Match[str], words: Words) -> tuple[Point, Point, str, bool]:
    """A century or a part of one ("late 16th century", "2nd century BCE"): its first and
    last years (the 18th century is 1700–1799; the 2nd BCE 200–101 BCE, its late part the
    years nearest 101), its label, approximate."""
    part, number, before = (m[1] or "").lower(), int(m[2]), (m[3] or "").upper() in ("BCE", "BC")
    if not 1 <= number <= 30:
        raise DateError(
            f"'{_ordinal(number)} century' is not a century packet reads; write one from the "
            "1st to the 30th"
        )
    first = 1 - number * 100 if before else (number - 1) * 100
    last = first + 99
    first = first if before else max(first, 1)  # there is no year 0 CE: the 1st is 1–99
    early, late = _PARTS[part]
    start, end = first + early if part else first, min(first + late, last)
    return Point(start), Point(end), _century_label(part, number, before, words), True


def _century_label(part: str, number: int, before: bool, words: Words) -> str:
    """ "18th century", "late 16th century", "2nd century BCE" in `words`' language."""
    message = (_CENTURIES_BCE if before else _CENTURIES)[part]
    return words.say(message, ordinal=_century_ordinal(number, words))


def _century_ordinal(number: int, words: Words) -> str:
    """A century's number as its language writes it before or after the word "century":
    "18th", "18." (German), "XVIIIe" and "Ier" (French), "XVIII" (Spanish). Babel has
    ordinals for none of these, so they are here."""
    language = words.catalogue.split("_")[0]
    if language == "de":
        return f"{number}."
    if language == "fr":
        return "Ier" if number == 1 else f"{_roman(number)}e"
    if language == "es":
        return _roman(number)
    return _ordinal(number)


_CENTURIES = {
    "early": N_("early {ordinal} century"),
    "mid": N_("mid {ordinal} century"),
    "late": N_("late {ordinal} century"),
    "": N_("{ordinal} century"),
}
_CENTURIES_BCE = {
    "early": N_("early {ordinal} century BCE"),
    "mid": N_("mid {ordinal} century BCE"),
    "late": N_("late {ordinal} century BCE"),
    "": N_("{ordinal} century BCE"),
}


def _ordinal(number: int) -> str:
    """ "1st", "2nd", "3rd", "11th", "21st"."""
    suffix = (
        "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    )
    return f"{number}{suffix}"


def _roman(number: int) -> str:
    """ "XVIII" for 18 (1 to 39; packet reads centuries 1 to 30)."""
    tens, ones = divmod(number, 10)
    return "X" * tens + ["", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX"][ones]


def _day_label(point: Point, words: Words) -> str:
    """A day or a month as `words`' language writes it ("17 April 1975", "17 avril 1975",
    "April 1975", "avril 1975"): English as packet always has; other languages by Babel's
    locale data (for years Babel's calendar holds, 1 CE on)."""
    year, month, day = point.year, point.month, point.day
    if words.english or year < 1:  # Babel's calendar starts at 1 CE: BCE months in English
        name = pseudo(MONTHS[month - 1]) if words.catalogue == PSEUDO else MONTHS[month - 1]
        when = year_label(year, words)
        return f"{day} {name} {when}" if day else f"{name} {when}"
    from datetime import date

    from babel.dates import format_date, format_skeleton

    # A year of the first century prints its era ("1 juillet 69 apr. J.-C.", as `year_label`):
    # Babel writes the date of a stand-in year no day can be mistaken for (a leap year, for
    # 29 February), and the label takes the stand-in's place — in "9 juin 9" the day is a 9 too.
    first_century = year < _FIRST_CENTURY_ENDS
    written = _STAND_IN_YEAR if first_century else year
    if day:
        said = str(format_date(date(written, month, day), "long", locale=words.catalogue))
    else:
        said = str(format_skeleton("yMMMM", date(written, month, 1), locale=words.catalogue))
    return said.replace(str(_STAND_IN_YEAR), year_label(year, words)) if first_century else said


_STAND_IN_YEAR = 2000


_ISO = re.compile(r"^(\d{1,4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")
_ERA = re.compile(r"^(?:(\d{1,4})\s*(BCE|BC|CE|AD)|(AD)\s*(\d{1,4}))$", re.IGNORECASE)
_DECADE = re.compile(r"^(?:(early|mid|late)[\s-]+)?(\d{2,3}0)s(?:\s+(BCE|BC))?$", re.IGNORECASE)
_CENTURY = re.compile(
    r"^(?:(early|mid|late)[\s-]+)?(\d{1,2})(?:st|nd|rd|th)\s+century(?:\s+(BCE|BC|CE|AD))?$",
    re.IGNORECASE,
)
_PARTS = {"early": (0, 32), "mid": (33, 65), "late": (66, 99), "": (0, 99)}  # of a hundred
_CIRCA = re.compile(r"^(?:c\.|ca\.|circa)\s*(.+)$", re.IGNORECASE)
_RANGE = re.compile(r"^(.+?)\s*(?:–|—|\s-\s|\bto\b)\s*(.+)$")
_YEAR_RANGE = re.compile(r"^(\d{4})-(\d{4})$")


def _point(text: str, words: Words = ENGLISH) -> tuple[Point, Point, str, bool]:
    """Parse a single (non-range, non-circa) date into its first and last day, a label (in
    `words`' language), and whether it is approximate (a decade or part of one)."""
    if m := _ERA.match(text):
        number, era = int(m[1] or m[4]), (m[2] or m[3]).upper()
        if number == 0:
            raise DateError("there is no year 0: 1 BCE is followed by 1 CE")
        year = 1 - number if era in ("BCE", "BC") else number
        return Point(year), Point(year), year_label(year, words), False
    if m := _CENTURY.match(text):
        return _century(m, words)
    if m := _DECADE.match(text):
        part, decade = (m[1] or "").lower(), int(m[2])
        first, last = {"early": (0, 3), "mid": (3, 6), "late": (6, 9), "": (0, 9)}[part]
        label = _decade_label(part, decade, words)
        if m[3]:  # years before the common era count down: the early 480s BCE are 489–487 BCE
            label = words.say("{year} BCE", year=label)
            return Point(1 - decade - 9 + first), Point(1 - decade - 9 + last), label, True
        return Point(decade + first), Point(decade + last), label, True
    if m := _ISO.match(text):
        year = int(m[1])
        month = int(m[2]) if m[2] else 0
        day = int(m[3]) if m[3] else 0
        if m[2] and not 1 <= month <= 12:
            raise DateError(f"month {month} does not exist; months run from 01 to 12")
        if day and not 1 <= day <= _days_in_month(year, month):
            raise DateError(
                f"{MONTHS[month - 1]} {year} has no day {day}; it has "
                f"{_days_in_month(year, month)} days"
            )
        if month:
            point = Point(year, month, day)
            return point, point, _day_label(point, words), False
        return Point(year), Point(year), year_label(year, words), False
    raise DateError(
        f"'{text}' is not a date this project reads; write e.g. 1975-04-17, 1975-04, "
        "1975, c. 1951, 1970–1975, late 1950s, 18th century or 500 BCE"
    )


def parse_date(text: str, words: Words = ENGLISH) -> HistDate:
    """Parse `text` by the rules in this module's docstring; the label in `words`' language."""
    text = written = " ".join(text.split())
    if not text:
        raise DateError("the date is empty")
    if m := _CIRCA.match(text):
        inner = parse_date(m[1], words)
        label = words.say("c. {date}", date=inner.label)
        return HistDate(inner.start, inner.end, label, approximate=True, text=written)
    if m := _YEAR_RANGE.match(text):
        text = f"{m[1]}–{m[2]}"
    if (m := _RANGE.match(text)) and not _ISO.match(text):
        start, _, first_label, rough_start = _point(m[1], words)
        _, end, last_label, rough_end = _point(m[2], words)
        if end < start:
            raise DateError(f"the range '{text}' ends before it starts")
        label = f"{first_label}–{last_label}"
        return HistDate(start, end, label, rough_start or rough_end, text=written)
    return HistDate(*_point(text, words), text=written)


# -- dates written in prose, for drafting timelines from a seed -------------------------

_MONTH_NAMES = {name.lower(): i for i, name in enumerate(MONTHS, start=1)}
_MONTH_NAMES.update({name[:3].lower(): i for i, name in enumerate(MONTHS, start=1)})
_MON = (
    r"(?P<{0}>January|February|March|April|May|June|July|August|September|October|November|"
    r"December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?"
)
_DAY = r"(?P<{0}>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<{0}>1\d{{3}}|20\d{{2}})"
# An era's letters after a year: "BC", "BCE", "AD", "CE", and as older books write them,
# "B.C.", "B.C.E.", "A.D." (never a year of the common era: "1200 B.C.", "In 490 B.C. was
# fought …") — but not British Columbia ("In 1871 B.C. joined Confederation", "B.C.'s first
# railway") nor initials ("In 1917 B. C. Forbes founded …")
_AN_ERA = (
    r"(?P<era>BCE|BC|CE|AD|A\.D\.|C\.E\.|B\.C\.E\.|B\.C\.(?![’']s)"
    r"(?!\s+(?:joined|entered)\s+(?:Confederation|Canada)\b))(?!\w)"
)
_NOT_NUMBER_BEFORE = r"(?<![\d,.$£€])"
_NOT_NUMBER_AFTER = r"(?![\d]|,\d)"

_ORDINALS = [
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
    "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth",
    "seventeenth", "eighteenth", "nineteenth", "twentieth", "twenty-first",
]  # fmt: skip
_ORDINAL_WORDS = "|".join(sorted(_ORDINALS, key=len, reverse=True))
_AT = {"end": "late", "close": "late", "beginning": "early", "start": "early", "middle": "mid"}
# What may follow a year that is not a noun it counts: "in 755 the rebellion", "in 629 to
# collect scriptures", "in 645 with hundreds of texts".
_NOT_A_NOUN_AFTER = (
    r"the|a|an|another|to|with|when|and|or|but|he|she|it|they|we|his|her|its|their|as|for|on|"
    r"at|by|"
    r"after|before|under|during|while|in|from|until|near|"
    # … nor what no count goes on with: "By 920 every Danish army", "in 806 sixty-eight
    # members of its community were killed" (not "grew by 120 every year", "by 200
    # ten-year-old children", "from 300 ten years earlier": hostile pass 57)
    r"every(?!\s+(?:year|day|week|month|summer|winter|spring|autumn|time)\b)|"
    r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|"
    r"fifty|sixty|seventy|eighty|ninety)(?:-(?!year)[a-z]+)?"
    r"(?!-year|\s+(?:years?|months?|weeks?|days?|hours?)\b)"
)
_WHOLE_MONTHS = "|".join(MONTHS)
# What may follow a year of three digits, where a count would go on with what it counts
# ("in 200 ships", "about 150 British soldiers", "May 300 men"): punctuation, a small word
# (`_NOT_A_NOUN_AFTER`), a name and its verb ("In April 527 Justin made …"), or a word no
# count goes on with ("In 535 war began", "In the spring of 542 plague reached …").
# Punctuation or a small word (`_NOT_A_NOUN_AFTER`): a year, whatever came before it.
_PLAINLY_AFTER = rf"\s*(?:[,.;:)!?](?!\d)|$)|\s+(?:{_NOT_A_NOUN_AFTER})\b"
_A_PAST = (
    r"(?:[a-z]{3,}ed|made|took|gave|won|led|became|began|fell|was|had|sent|went|came|died|rose|"
    r"fled|built|married|said|wrote|fought|held|left|lost|sank|drove|struck)\b"
)


# A person's name, of more than one word, and its verb: "On 25 April 799 Pope Leo III was
# attacked", "In 721 Odo of Aquitaine destroyed …" — not a people's ("Royal Marines landed").
# … or two: "In 737 Charles and Childebrand stormed Avignon".
def _more_of_a_name(links: str) -> str:
    """A name's next word, after one of `links` or none: "of Aquitaine", "III", "al-Ghafiqi"."""
    return rf"(?:\s+(?:(?:{links})\s+)?(?:[A-ZÀ-ÖØ-Þ][\w’'-]*|[IVX]+|al-[A-Z][\w’'-]*))"


_MORE_OF_A_NAME = _more_of_a_name("of|de|the|and|ibn|bin")
_A_NAME_OPENS = r"\s+(?!(?:BCE?|AD|CE|B\.)\b)"  # … not an era's letters
# one person's name and its verb ("In April 527 Justin made …"), not a people's ("In October 700
# Americans were captured", "Until 400 Marines landed", "300 Nazi camps", "until 300 Frenchmen
# broke through")
# … an Arabic name with its article ("In 883 al-Mukhtara fell"), a ruler's number and who they
# were ("in January 730 Germanos I, the Patriarch of Constantinople (…), resigned") — not a
# people's: "700 Chinese fled", "300 Filipinos", "150 Californios"
_ONE_NAME_AND_ITS_VERB = (
    rf"{_A_NAME_OPENS}(?:[A-Z][\w’'-]*(?<![^u]s)(?<!men)(?<!ese)(?<!ish)|"
    r"[A-Z][\w’'-]*\s+[IVX]+(?:,\s+the\s+[A-Z][^,;]{3,90},)?|"
    r"al-[A-Z][\w’'-]*(?:\s+[a-z]{3,}ly)?)"  # "In August 883 al-Mukhtara finally fell"
    rf"\s+{_A_PAST}"
)
_A_NAME_AND_ITS_VERB = (
    rf"{_A_NAME_OPENS}[A-ZÀ-ÖØ-Þ][\w’'-]*{_MORE_OF_A_NAME}+(?<![^u]s)(?<!men)\s+{_A_PAST}"
)
_A_NAME_WITHOUT_AND_AND_ITS_VERB = (
    rf"{_A_NAME_OPENS}[A-ZÀ-ÖØ-Þ][\w’'-]*{_more_of_a_name('of|de|the|ibn|bin')}+"
    rf"(?<![^u]s)(?<!men)\s+{_A_PAST}"
)
# … after a day or a month, only a name after its title: "On 25 April 799 Pope Leo III was
# attacked" (not "On 29 November 150 Cheyenne and Arapaho died", "On 18 May 500 Knights of St
# John defended Malta": counts of a people)
_A_TITLED_NAME_AND_ITS_VERB = (
    r"\s+(?:Pope|King|Queen|Emperor|Empress|Caliph|Sultan|Bishop|Archbishop|Abbot|Duke|Count|"
    rf"Prince|Princess|Saint|St)\s+[A-Z][\w’'-]*{_MORE_OF_A_NAME}*\s+{_A_PAST}"
)
_AFTER_EARLY_YEAR = (
    rf"(?={_PLAINLY_AFTER}|{_A_TITLED_NAME_AND_ITS_VERB}|{_ONE_NAME_AND_ITS_VERB}|"
    # … or one telling of someone: "Before the end of 410 he died …" (not "In 300 armed men …")
    rf"\s+(?:he|she|they|it|we)\s+{_A_PAST}|"
    # … or a count of people after it: "In 376 tens of thousands of Goths gathered …"
    r"\s+(?:tens|hundreds|thousands|millions|dozens)\s+of\b|"
    # … or a verb with its object ("who in about 523 massacred Christians", "in 756 made
    # himself emir"), not "300 armed men"
    rf"\s+(?:[a-z]{{3,}}ed|{_A_PAST})\s+"
    r"(?:(?:the|a|an|his|her|their|its|himself|herself|themselves)\b|[A-Z])|"
    # … or a happening's noun ("In 535 war began", "in the spring of 542 plague reached …")
    r"\s+(?:war|plague|famine|peace|fire|trade|rebellion|revolt|drought|fighting|rioting)\s)"
)
# What may follow a year written in fewer than four digits, where a count would go on with
# what it counts: "In 535 war began" (`_AFTER_EARLY_YEAR`), not "In June 50 prisoners"; after
# a day and a month, only punctuation, a small word or a titled name ("On 1 July 69 the
# legions …", not "On 29 June 30 Sicarii attacked").
AFTER_A_SHORT_YEAR = re.compile(_AFTER_EARLY_YEAR)
AFTER_A_DAY_S_SHORT_YEAR = re.compile(rf"(?={_PLAINLY_AFTER}|{_A_TITLED_NAME_AND_ITS_VERB})")
# A year of three digits after a month: before no noun it would count ("May 300 soldiers"),
# and after a day and a month before no name either ("on 27 May 147 Communards were shot").
_EARLY_YEAR = rf"(?P<y>[1-9]\d{{2}})(?!\d|,\d){_AFTER_EARLY_YEAR}"
# A number going on to another, a count's range: "from around 250 to over 300", "558 to 658".
_A_COUNT_GOES_ON = (  # … "from about 500 to well above 1,000"
    r"\s+(?:to|until|till|and|or)\s+(?:(?:well\s+)?(?:over|above|under|below)\s+|more\s+than\s+|"
    r"fewer\s+than\s+|nearly\s+|almost\s+|about\s+|around\s+|"
    # … "from 600 to at least 900 men" (not "from 793 to at least 1066": years)
    r"at\s+least\s+(?=[\d,]+\s+[a-z]))?\d"
)
_EARLY_YEAR_OF_DAY = (
    rf"(?P<y>[1-9]\d{{2}})(?!\d|,\d)(?={_PLAINLY_AFTER}|{_A_TITLED_NAME_AND_ITS_VERB})"
)
_PROSE = [
    (  # 5–6 July 1914, 12-14 March 1921: days of one month, from the first to the last
        "days",
        r"(?<![–—-]\s)\b(?P<d1>[0-3]?\d)[–—-]"
        rf"{_DAY.format('d')}(?:\s+of)?\s+{_MON.format('m')},?\s+{_YEAR.format('y')}"
        + _NOT_NUMBER_AFTER,
    ),
    (  # … February 22-23, 1847; (from) September 21 to 23, 1846; (from) 21 to 23 September 1846
        "days of",
        rf"(?:\b{_MON.format('m')}\s+(?P<d1>[0-3]?\d)\s*[–—-]\s*{_DAY.format('d')}|"
        rf"\b(?i:from)\s+{_MON.format('m2')}\s+(?P<d2>[0-3]?\d)\s+(?:to|until|till)\s+"
        rf"{_DAY.format('d3')}|(?:\b(?i:from)\s+)?\b(?:(?P<d4>[0-3]?\d)\s+(?:to|until|till)\s+"
        rf"{_DAY.format('d5')}(?:\s+of)?\s+{_MON.format('m3')})),?\s+{_YEAR.format('y')}"
        + _NOT_NUMBER_AFTER
        # … not a count after the days: "on May 3-4, 1500 Union soldiers were captured"
        + r"(?!\s+(?:[A-Z][a-z]+\s+)?(?!(?:his|was|has|its|this|as|is|us|thus)\b)"
        + r"[A-Za-z][a-z]+s\b)",
    ),
    (  # January 7th 1979, January 7, 1979, Jan. 7 1979
        "md",
        rf"\b{_MON.format('m')}\s+{_DAY.format('d')},?\s+{_YEAR.format('y')}{_NOT_NUMBER_AFTER}",
    ),
    (  # 7 January 1979, 7th of January 1979
        "dm",
        rf"\b{_DAY.format('d')}(?:\s+of)?\s+{_MON.format('m')},?\s+{_YEAR.format('y')}{_NOT_NUMBER_AFTER}",
    ),
    (  # from 1975 to 1979, between 1975 and 1979
        "range",
        rf"\b(?i:from|between)\s+{_YEAR.format('y')}\s+(?:to|and|until|till)\s+{_YEAR.format('y2')}{_NOT_NUMBER_AFTER}",
    ),
    (  # 1970-1975, 1970–75, 1970 – 1975
        "span",
        rf"{_NOT_NUMBER_BEFORE}\b{_YEAR.format('y')}\s*[–—-]\s*(?P<y2>\d{{2}}|\d{{4}})\b{_NOT_NUMBER_AFTER}",
    ),
    (  # Christmas Day 1914, Christmas night 1953, New Year's Eve 1999: a day by its feast
        "feast",
        r"\b(?P<feast>Christmas|New\s+Year['’]s)\s+(?P<part>Day|Eve|night|morning)\s+"
        rf"{_YEAR.format('y')}{_NOT_NUMBER_AFTER}",
    ),
    ("month", rf"\b{_MON.format('m')}\s+{_YEAR.format('y')}{_NOT_NUMBER_AFTER}"),  # April 1975
    (  # 1 August 527, April 527: a year of three digits after a whole month's name
        "dm",
        rf"\b{_DAY.format('d')}(?:\s+of)?\s+(?P<m>{_WHOLE_MONTHS}),?\s+{_EARLY_YEAR_OF_DAY}",
    ),
    ("md", rf"\b(?P<m>{_WHOLE_MONTHS})\s+{_DAY.format('d')},?\s+{_EARLY_YEAR_OF_DAY}"),
    ("month", rf"(?<!\d\s)\b(?P<m>{_WHOLE_MONTHS})\s+{_EARLY_YEAR}"),
    (  # the eighteenth century, the late 16th century, the end of the second century BC
        "century",
        # … not "the turn of the 18th century", "18th century-style"; "B.C." is BC
        r"(?<!turn of )\b(?i:the)\s+(?:(?P<at>end|close|beginning|start|middle)\s+of\s+the\s+)?"
        r"(?:(?P<part>early|mid|late)[\s-]+)?"
        rf"(?P<c>{_ORDINAL_WORDS}|\d{{1,2}}(?:st|nd|rd|th))\s+century\b(?!-)"
        r"(?:\s+(?P<era>BCE|BC|CE|AD|B\.\s?C\.(?:\s?E\.)?|A\.\s?D\.|C\.\s?E\.)(?!\w))?",
    ),
    (  # the late 1950s, early 1970s, mid-1960s, the 1990s
        "decade",
        r"\b(?:(?P<part>early|mid|late)[\s-]+)?(?P<decade>1\d{2}0|20\d0)s\b",
    ),
    (  # the 480s BC, the late 420s BCE: a decade before the common era
        "decade",
        r"\b(?:(?P<part>early|mid|late)[\s-]+)?(?P<decade>[1-9]\d{1,2}0)s\s+"
        r"(?P<era>BCE|BC|B\.\s?C\.(?:\s?E\.)?)(?!\w)",
    ),
    (  # the 270s, the early 330s: a decade of three digits, after "the"
        "decade",
        r"\b(?i:the)\s+(?:(?P<part>early|mid|late)[\s-]+)?(?P<decade>[1-9]\d0)s\b",
    ),
    (  # the winter of 1916/17, 1788/89, in 508/507 BCE: a year of two calendars (`_split_text`)
        "split",
        rf"(?<![\d/])\b(?P<y>\d{{3,4}})/(?P<y2>\d{{1,4}})\b(?!/)(?:\s*{_AN_ERA})?",
    ),
    (  # c. 1550–1070 BC: an approximate span of years of one era, which it keeps
        "circa era",
        r"\b(?i:c\.|ca\.|circa|around|about)\s*(?P<y>\d{1,4})\s*[–—-]\s*(?:(?i:c\.)\s*)?"
        rf"(?P<y2>\d{{1,4}})\s*{_AN_ERA}",
    ),
    (  # c. 1500 BCE, around 30 AD, around 1200 B.C., about A.D. 43: an approximate year of an era
        "circa era",
        r"\b(?i:c\.|ca\.|circa|around|about)\s*"
        rf"(?:(?P<n>\d{{1,4}})\s*{_AN_ERA}|(?:AD|A\.\s?D\.)\s*(?P<ad>\d{{1,4}})\b)",
    ),
    (  # c. 1951, circa 1951, around 1951
        "circa",
        rf"\b(?i:c\.|ca\.|circa|around|about)\s*{_YEAR.format('y')}{_NOT_NUMBER_AFTER}",
    ),
    (  # in about 523, c. 615: a year of three digits, before no noun ("about 150 soldiers")
        "circa",
        r"(?<!\d\s)\b(?:(?i:in|from|until|since)\s+(?:about|around)|(?i:c\.|circa)|"
        # … "was probably born around 370" (not "probably around 440 died": a count)
        r"born\s+(?:in\s+)?(?:about|around))\s*"
        rf"(?P<y>[1-9]\d{{2}})(?!{_A_COUNT_GOES_ON})" + _AFTER_EARLY_YEAR,
    ),
    (  # in 533–534: a span of three-digit years, after "in" (not "pp. 533–534")
        "span",
        r"(?<!\d\s)\b(?:(?i:in|from|between)|(?:spring|summer|autumn|winter)\s+of)\s+"
        r"(?P<y>[1-9]\d{2})\s*[–—-]\s*(?P<y2>[1-9]\d{2})\b"
        r"(?!\d|,\d)(?!\s*(?:BCE?|B\.C))" + _AFTER_EARLY_YEAR,
    ),
    (  # "the Anarchy at Samarra (861–870)": a span of three-digit years in brackets
        "span",
        r"(?<=\()(?P<y>[1-9]\d{2})\s*[–—-]\s*(?P<y2>[1-9]\d{2})(?=\))",
    ),
    (  # 264–241 BC, 100–200 AD: a span of years of one era
        "eraspan",
        rf"(?<![\d,.])\b(?P<y>\d{{1,4}})\s*[–—-]\s*(?P<y2>\d{{1,4}})\s*{_AN_ERA}",
    ),
    (  # "between 343 and 290 BCE", "from 218 to 201 BC": the era is both years'
        "eraspan",
        rf"\b(?i:between|from)\s+(?P<y>\d{{1,4}})\s+(?:and|to)\s+(?P<y2>\d{{1,4}})\s*{_AN_ERA}",
    ),
    # … and "62 or 63 CE", the first of two years the text cannot choose between, as "in 1347
    # or 1348" is 1347
    (
        "era",
        rf"\b(?:(?P<n>\d{{1,4}})(?:\s+or\s+\d{{1,4}})?\s*{_AN_ERA}|"
        rf"(?:AD|A\.\s?D\.)\s+(?P<ad>\d{{1,4}})\b)",
    ),
    ("year", rf"{_NOT_NUMBER_BEFORE}\b{_YEAR.format('y')}\b{_NOT_NUMBER_AFTER}"),
    # "in 629", "In 755 the rebellion …": a year of three digits, after a word that says when
    # and before no noun ("in 200 ships", "about 150 British soldiers", "after 300 were killed"
    # are numbers) and no other number ("from 558 to 658", "by 345 to 236": counts)
    (  # … and after a season: "in the spring of 542"
        "year",
        # … "By 881 the rebels", "at the end of 879"
        r"(?<!\d\s)\b(?:(?i:in|from|until|till|since|by)|(?:spring|summer|autumn|winter)\s+of|"
        # … "on the last day of 406", "By a treaty of 418 the Goths were settled …" (not "the
        # Council of 500", "half of 600")
        r"(?:end|start|beginning|middle)\s+of|(?<=\blast\s)day\s+of|"
        r"(?i:treaty|synod|edict|sack)\s+of)\s+"
        rf"(?P<y>[1-9]\d{{2}})(?!{_A_COUNT_GOES_ON})" + _AFTER_EARLY_YEAR,
    ),
    (  # … after "In", before a person's name of several words and its verb; after "By",
        # "From" or "Until" only a name without "and" ("By 751 Pippin the Short had …"; not "By
        # 200 Chinese and Irish worked …": a count)
        "year",
        rf"(?<!\d\s)\b[Ii]n\s+(?P<y>[1-9]\d{{2}})(?={_A_NAME_AND_ITS_VERB})",
    ),
    (
        "year",
        rf"(?<!\d\s)\b(?i:by|from|until)\s+(?P<y>[1-9]\d{{2}})(?={_A_NAME_WITHOUT_AND_AND_ITS_VERB})",
    ),
    (  # "In the year 878", "under the year 749", "for the year 793": a year, whatever follows
        # (not "Over the year 300 Chinese arrived")
        "year",
        r"(?<!\d\s)\b(?i:in|under|by|for|from|until)\s+the\s+year\s+(?P<y>[1-9]\d{2})(?!\d|,\d)",
    ),
    (  # "at Easter 774 and …", "At Easter 627 Edwin of Northumbria was baptised": before a
        # name and its verb or what no count goes on with (not "by Easter 120 joined the union")
        "year",
        r"(?<!\d\s)\b(?i:at)\s+(?:Easter|Whitsun|Pentecost|Lent)\s+(?P<y>[1-9]\d{2})(?!\d|,\d)"
        rf"(?={_PLAINLY_AFTER}|\s+that\b|{_A_NAME_AND_ITS_VERB}|{_ONE_NAME_AND_ITS_VERB})",
    ),
    (  # … "after Easter 627 Edwin was baptised": before a name and its verb only
        "year",
        r"(?<!\d\s)\b(?i:after|before|until|till)\s+(?:Easter|Whitsun|Pentecost|Lent)\s+"
        rf"(?P<y>[1-9]\d{{2}})(?={_A_NAME_AND_ITS_VERB}|{_ONE_NAME_AND_ITS_VERB})",
    ),
    (  # "In 405 Radagaisus, another Gothic leader, invaded …", "In 395 Alaric's Goths rose …",
        # "In 739 Pope Gregory III, threatened by …": after "In", a name and an aside or a
        # possessive (not "by 617 Squadron, led by …", "by 300 Māori, including …": a count
        # after "by")
        "year",
        rf"(?<!\d\s)\b[Ii]n\s+(?P<y>[1-9]\d{{2}})(?=\s+[A-Z][\w-]*{_MORE_OF_A_NAME}*(?<![^u]s)(?<!men)"
        r"(?<!Squadron)(?<!Regiment)(?<!Battalion)(?<!Brigade)(?<!Division)(?:,\s|[’']s\s))",
    ),
    (  # "in 417 or 418": two years, each read (not "grew by 200 or 300.")
        "year",
        r"(?<!\d\s)\b[Ii]n\s+(?P<y>[1-9]\d{2})(?=\s+or\s+[1-9]\d{2}\s*(?:[,.;:)]|$))",
    ),
    (
        "year",
        r"(?<=\b[Ii]n\s[1-9]\d{2}\sor\s)(?P<y>[1-9]\d{2})(?=\s*(?:[,.;:)]|$))",
    ),
]
_PROSE_RE = [(kind, re.compile(pattern)) for kind, pattern in _PROSE]


def _month(name: str) -> int:
    return _MONTH_NAMES[name.lower().rstrip(".")[:3]]


def _prose_date(kind: str, m: re.Match[str]) -> str | None:
    """The date in the project's own notation, or None if it is not a real date."""
    try:
        text = _PROSE_TEXT[kind](m) if kind in _PROSE_TEXT else str(m["y"])
        parse_date(text)
    except (DateError, KeyError, ValueError):
        return None
    return text


def _day_text(m: re.Match[str]) -> str:
    return f"{int(m['y']):04d}-{_month(m['m']):02d}-{int(m['d']):02d}"


def _days_of_text(m: re.Match[str]) -> str:
    """ "February 22-23, 1847", "from September 21 to 23, 1846", "from 21 to 23 September
    1846" as packet writes them: "1847-02-22–1847-02-23"; the last day after a count ("from 25
    to 12 May 1943"), the year alone when the days run into another month."""
    month = _month(m["m"] or m["m2"] or m["m3"])
    first, last = (
        int(m[g1] or m[g2] or m[g3]) for g1, g2, g3 in (("d1", "d2", "d4"), ("d", "d3", "d5"))
    )
    day = f"{int(m['y']):04d}-{month:02d}-"
    if first >= last:  # "Losses fell from 25 to 12 May 1943": a count, then its day; "June
        # 25-1, 1862" runs into the next month: its year is what is sure
        return f"{day}{last:02d}" if m[0].lower().startswith("from") else m["y"]
    return f"{day}{first:02d}–{day}{last:02d}"


def _span_text(m: re.Match[str]) -> str:
    """ "1970–75" as "1970–1975", "850–51" as "850–851"."""
    first, last = m["y"], m["y2"]
    return f"{first}–{first[: len(first) - len(last)] + last}"


def _feast_text(m: re.Match[str]) -> str:
    """Christmas Day, Christmas Eve, New Year's Day or New Year's Eve (31 December) of the
    year the match gives."""
    eve, christmas = m["part"] == "Eve", m["feast"] == "Christmas"
    day = ("12-24" if eve else "12-25") if christmas else ("12-31" if eve else "01-01")
    return f"{int(m['y']):04d}-{day}"


def _era_text(m: re.Match[str]) -> str:
    """ "44 BC", "AD 394", "264–241 BC" as packet writes them: "44 BC", "394 AD", "264 BC–241
    BC"."""
    era = re.sub(r"[.\s]", "", m["era"] or "").upper()  # "B.C." is BC
    if m.re.groupindex.get("y2") and m["y2"]:
        return f"{int(m['y'])} {era}–{int(m['y2'])} {era}"
    return f"{int(m['n'])} {era}" if m["n"] else f"{int(m['ad'])} AD"


def _decade_text(m: re.Match[str]) -> str:
    """ "the late 1950s", "the 480s BC" as packet writes them: "late 1950s", "480s BCE"."""
    era = " BCE" if m.re.groupindex.get("era") and m["era"] else ""
    return f"{m['part'].lower() + ' ' if m['part'] else ''}{m['decade']}s{era}"


def _split_text(m: re.Match[str]) -> str:
    """A year of two calendars ("the winter of 1916/17", "in 508/507 BCE", an Athenian
    archon's year that began at midsummer) as its first: "1916", "508 BCE" — not two numbers
    that are not one year and the next ("CAB 24/117", "45/46 ships")."""
    first, second = m["y"], m["y2"]
    second = first[: max(0, len(first) - len(second))] + second
    era = re.sub(r"[.\s]", "", m["era"] or "").upper()
    before_christ = era in ("BC", "BCE")
    if int(second) != int(first) + (-1 if before_christ else 1) or not (era or len(first) == 4):
        raise ValueError(m[0])
    if era in ("AD", "CE"):
        return f"{int(first)} AD"  # "archon in 111/112 AD" (hostile pass 61)
    return f"{int(first)} BCE" if before_christ else first


def _century_text(m: re.Match[str]) -> str:
    """ "the end of the eighth century" as packet writes it: "late 8th century"."""
    word = m["c"].lower()
    number = _ORDINALS.index(word) + 1 if word in _ORDINALS else int(word[:-2])
    part = _AT[m["at"].lower()] if m["at"] else (m["part"] or "").lower()
    era = " BCE" if re.sub(r"[.\s]", "", m["era"] or "").upper() in ("BC", "BCE") else ""
    return f"{part} {_ordinal(number)} century{era}".strip()


# Each kind of prose date in the project's notation, from its match.
_PROSE_TEXT: dict[str, Callable[[re.Match[str]], str]] = {
    "md": _day_text,
    "dm": _day_text,
    "days": lambda m: f"{_day_text(m)[:8]}{int(m['d1']):02d}–{_day_text(m)}",
    "days of": _days_of_text,
    "month": lambda m: f"{int(m['y']):04d}-{_month(m['m']):02d}",
    "feast": _feast_text,
    "range": _span_text,
    "span": _span_text,
    "century": _century_text,
    "decade": _decade_text,
    "split": _split_text,
    "circa": lambda m: f"c. {m['y']}",
    "circa era": lambda m: f"c. {_era_text(m)}",
    "era": _era_text,
    "eraspan": _era_text,
}


def find_dates(text: str) -> list[tuple[int, int, str]]:
    """Dates written in prose: (start, end, date in this module's notation), in text order.

    The most specific reading of each stretch of text wins: "January 7th 1979"
    is one exact date, not also the year 1979; "from 1975 to 1979" is a range.
    """
    found: list[tuple[int, int, str]] = []
    taken = _Spans()
    for kind, pattern in _PROSE_RE:
        dated = []  # a pattern's matches never overlap one another, only earlier patterns'
        for m in pattern.finditer(text):
            if taken.overlaps(m.start(), m.end()):
                continue
            date = _prose_date(kind, m)
            if date is not None:
                dated.append((m.start(), m.end(), date))
        if dated:
            taken.add([(start, end) for start, end, _ in dated])
            found += dated
    return sorted(found)


class _Spans:
    """Stretches of text that do not overlap, sorted, so whether a new one overlaps any of
    them is found by bisection rather than by comparing it with each."""

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []

    def overlaps(self, start: int, end: int) -> bool:
        # the last span starting before `end` reaches furthest of all those that do
        before = bisect_left(self.starts, end)
        return before > 0 and self.ends[before - 1] > start

    def add(self, spans: list[tuple[int, int]]) -> None:
        """Add `spans`, in text order, none overlapping another or one already here."""
        merged = sorted([*zip(self.starts, self.ends, strict=True), *spans])
        self.starts = [start for start, _ in merged]
        self.ends = [end for _, end in merged]


# A day and month without a year — "on 30 October", "October 31st" — which a text writes once
# the year is clear from what it has just said. Only whole month names: "May 4" is a date,
# "Mar" alone is too often something else.
_DAY_MONTH = re.compile(
    # … the first of days of one month: "5–6 July" is from 5 July
    r"\b(?:(?:(?P<first>[0-3]?\d)[–—-])?(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?"
    r"(?P<month>"
    + "|".join(MONTHS)
    + r")|(?P<month2>"
    + "|".join(MONTHS)
    + r")\s+(?P<day2>[0-3]?\d)(?:st|nd|rd|th)?\b)"
    r"(?!,?\s*(?:1\d{3}|20\d{2}|[1-9]\d{2})\b)(?!,?\s*\d{1,4}\s*(?:BCE|BC)\b)"  # "15 March 44 BC"
    # … nor a day in a name: "the 26th of July Movement", "the 30 September Movement"
    r"(?!\s+(?:Movement|Revolution|Square|Street|Avenue|Bridge|Manifesto|Group|Coup|Plot)\b)"
)


# A month without a year after the word that makes it a date: "in April", "by early September".
_MONTH_ALONE = re.compile(
    r"\b(?:[Ii]n|[Bb]y|[Uu]ntil|[Ff]rom|[Ss]ince|[Dd]uring|[Ee]arly|[Ll]ate|[Mm]id|end of|"
    # … "that August": of the year told — but not "towards May", "Throughout May's time"
    r"start of|(?:[Tt]hrough|[Tt]hroughout|[Tt]owards?|[Tt]hat)"
    r"(?=\s+(?!May\b)|\s+May(?=\s*[,.;]|\s+and\s+(?:the|a)\b)))\s+"
    r"(?:(?:early|late|mid)-?\s*)?"
    r"(?P<month>" + "|".join(MONTHS) + r")\b(?!,?\s*(?:[0-3]?\d\b|[1-9]\d{2}\b|1\d{3}\b|20\d{2}\b))"
    # … and the month after it: "Through April and May"
    r"(?:\s+(?:and|to)\s+(?:" + "|".join(MONTHS) + r")\b(?!\s*\d))?"
)
# A month that shares the next one's year: "May and June 1096", "April–May 1945".
_MONTH_BEFORE_MONTH = re.compile(
    r"\b(?P<month>" + "|".join(MONTHS) + r")\b(?=\s*(?:and|or|to|until|–|-)\s*"
    r"(?:" + "|".join(MONTHS) + r")\s+\d{3,4}\b)"
)


_A_LAW_S_DAY = re.compile(r"\s+(?:Act|Law|Decree|Edict|Ordinance)\b")


def find_day_months(text: str) -> list[tuple[int, int, int, int]]:
    """Days and months written without their year: (start, end, month, day — 0 for a month
    alone, "in April"), in text order."""
    found = []
    for m in _DAY_MONTH.finditer(text):
        if _A_LAW_S_DAY.match(text, m.end()) and text[: m.start()].endswith(" of "):
            continue  # "the Observance of 5th November Act": a law's name
        first, day = int(m["first"] or 0), int(m["day"] or m["day2"])
        day = first if 0 < first < day else day  # "5–6 July" from 5 July, not "2-28 June"
        month = _MONTH_NAMES[(m["month"] or m["month2"]).lower()]
        if 1 <= day <= calendar.monthrange(2000, month)[1]:
            found.append((m.start(), m.end(), month, day))
    for m in [*_MONTH_ALONE.finditer(text), *_MONTH_BEFORE_MONTH.finditer(text)]:
        if not any(start < m.end() and m.start("month") < end for start, end, _, _ in found):
            found.append((m.start("month"), m.end(), _MONTH_NAMES[m["month"].lower()], 0))
    for m in _A_FEAST_DAY.finditer(text):  # "on New Year's Day", "on Christmas Eve"
        month, day = _FEAST_DAYS[" ".join(m[1].casefold().replace("’", "'").split())]
        found.append((m.start(1), m.end(1), month, day))
    return sorted(found)


# Days a text may name without their date, after "on": "The last garrison gave up on New
# Year's Day" (of the year told).
_FEAST_DAYS = {
    "new year's day": (1, 1), "new year's eve": (12, 31), "christmas day": (12, 25),
    "christmas eve": (12, 24), "boxing day": (12, 26),
}  # fmt: skip
_A_FEAST_DAY = re.compile(
    r"\b[Oo]n\s+(New\s+Year[’']s\s+(?:Day|Eve)|Christmas\s+(?:Day|Eve)|Boxing\s+Day)\b"
    r"(?!,?\s*\d)"
)
