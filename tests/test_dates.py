from __future__ import annotations

import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from packet.dates import DateError, Point, parse_date
from packet.draft import happenings


@pytest.mark.parametrize(
    ("text", "label", "start", "end"),
    [
        ("1979-01-07", "7 January 1979", Point(1979, 1, 7), Point(1979, 1, 7)),
        ("1975-04", "April 1975", Point(1975, 4), Point(1975, 4)),
        ("1951", "1951", Point(1951), Point(1951)),
        ("c. 1951", "c. 1951", Point(1951), Point(1951)),
        ("circa 1951", "c. 1951", Point(1951), Point(1951)),
        ("1970–1975", "1970–1975", Point(1970), Point(1975)),
        ("1970-1975", "1970–1975", Point(1970), Point(1975)),
        (
            "1975-04-17 to 1979-01-07",
            "17 April 1975–7 January 1979",
            Point(1975, 4, 17),
            Point(1979, 1, 7),
        ),
        ("late 1950s", "late 1950s", Point(1956), Point(1959)),
        ("early 1970s", "early 1970s", Point(1970), Point(1973)),
        ("1990s", "1990s", Point(1990), Point(1999)),
        ("500 BCE", "500 BCE", Point(-499), Point(-499)),
        ("44 BC", "44 BCE", Point(-43), Point(-43)),
        ("AD 394", "394", Point(394), Point(394)),
        ("18th century", "18th century", Point(1700), Point(1799)),
        ("late 16th century", "late 16th century", Point(1566), Point(1599)),
        ("mid-19th century", "mid 19th century", Point(1833), Point(1865)),
        ("1st century AD", "1st century", Point(1), Point(99)),
        ("2nd century BCE", "2nd century BCE", Point(-199), Point(-100)),
        ("late 2nd century BC", "late 2nd century BCE", Point(-133), Point(-100)),
        ("394 AD", "394", Point(394), Point(394)),
        ("2000-02-29", "29 February 2000", Point(2000, 2, 29), Point(2000, 2, 29)),
    ],
)
def test_parses_the_project_forms(text: str, label: str, start: Point, end: Point) -> None:
    when = parse_date(text)
    assert (when.label, when.start, when.end) == (label, start, end)


def test_circa_is_marked_approximate() -> None:
    assert parse_date("c. 1951").approximate
    assert not parse_date("1951").approximate


@pytest.mark.parametrize(
    ("text", "approximate"),
    [
        ("1990s", True),
        ("late 1950s", True),
        ("early 1970s", True),
        ("mid-1960s", True),
        ("c. 1951", True),
        ("late 1950s–1967", True),
        ("1951–1960s", True),
        ("1970–1975", False),
        ("1975-04-17 to 1979-01-07", False),
        ("1975-04", False),
        ("500 BCE", False),
    ],
)
def test_a_decade_or_part_of_one_is_approximate_and_a_range_of_exact_dates_is_not(
    text: str, approximate: bool
) -> None:
    assert parse_date(text).approximate is approximate


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("1975-13", "month 13 does not exist"),
        ("1900-02-29", "February 1900 has no day 29"),
        ("1975-04-31", "April 1975 has no day 31"),
        ("0 BCE", "there is no year 0"),
        ("1979–1975", "ends before it starts"),
        ("sometime in spring", "is not a date this project reads"),
        ("", "empty"),
    ],
)
def test_impossible_or_unknown_dates_say_what_is_wrong(text: str, message: str) -> None:
    with pytest.raises(DateError, match=message):
        parse_date(text)


def test_bce_sorts_before_ce() -> None:
    assert (
        parse_date("500 BCE").sort_key < parse_date("30 CE").sort_key < parse_date("1951").sort_key
    )


@given(st.dates(min_value=datetime.date(1, 1, 1)))
def test_every_real_day_parses_to_itself(day: datetime.date) -> None:
    when = parse_date(day.isoformat())
    assert when.start == Point(day.year, day.month, day.day) == when.end


@given(st.integers(1, 9999), st.integers(0, 50))
def test_year_ranges_keep_their_order(first: int, length: int) -> None:
    last = min(first + length, 9999)
    when = parse_date(f"{first}–{last}")
    assert when.start.year == first and when.end.year == last
    assert when.start_fraction <= when.end_fraction


def test_a_century_is_approximate_and_printed_in_the_packets_language() -> None:
    from packet.i18n import Words

    assert parse_date("18th century").approximate
    labels = {
        language: [parse_date(text, Words(language)).label for text in
                   ("18th century", "late 16th century", "1st century", "2nd century BCE")]
        for language in ("de", "fr", "es")
    }  # fmt: skip
    assert labels == {
        "de": ["18. Jahrhundert", "spätes 16. Jahrhundert", "1. Jahrhundert",
               "2. Jahrhundert v. Chr."],
        "fr": ["XVIIIe siècle", "fin du XVIe siècle", "Ier siècle", "IIe siècle av. J.-C."],
        "es": ["siglo XVIII", "finales del siglo XVI", "siglo I", "siglo II a. C."],
    }  # fmt: skip
    assert parse_date("2nd century BCE").sort_key < parse_date("1st century").sort_key
    with pytest.raises(DateError, match="31st century"):
        parse_date("31st century")


@pytest.mark.parametrize(
    ("sentence", "wanted"),
    [
        ("On February 22-23, 1847 Santa Anna attacked Taylor at Buena Vista.",
         "1847-02-22–1847-02-23"),
        ("From September 21 to 23, 1846 his army fought its way into the city.",
         "1846-09-21–1846-09-23"),
        ("It traces the nine days of the strike from 4 to 12 May 1926.", "1926-05-04–1926-05-12"),
        ("Losses fell from 25 to 12 May 1943, when Dönitz withdrew.", "1943-05-12"),
        ("The Seven Days Battles (June 25-1, 1862) saved Richmond.", "1862"),
    ],
)  # fmt: skip
def test_days_of_a_month_written_the_american_way_or_from_one_to_another(
    sentence: str, wanted: str
) -> None:
    """Batch 36's lecture notes: "February 22-23, 1847" had been read as the year alone and
    the day after it as a title ("23, 1847, Santa Anna's army"); days that run into the next
    month give their year, never a range that ends before it starts; a count after the days is
    no year (hostile pass 47: "on May 3-4, 1500 Union soldiers")."""
    assert [h[3] for h in happenings(sentence, None)] == [wanted]
    counted = [
        h[3] for h in happenings("In 1863, on May 3-4, 1500 Union soldiers were taken.", None)
    ]
    assert not any(date.startswith("1500-") for date in counted), counted


@pytest.mark.parametrize(
    ("sentence", "wanted"),
    [
        ("c. 1500 BCE – Thutmose I campaigns beyond Kerma.", "c. 1500 BCE"),
        ("Around 1500 BC the Egyptians pushed south.", "c. 1500 BC"),
        ("c.2500 BCE – A town grows up at Kerma.", "c. 2500 BCE"),
        ("Kerma was founded c. 2500 BCE and grew rich.", "c. 2500 BCE"),
        ("The town was rebuilt in about 30 AD.", "c. 30 AD"),
        ("The bridge opened c. 1878.", "c. 1878"),
        ("The New Kingdom lasted c. 1550–1070 BC.", "c. 1550 BC–1070 BC"),
        ("Troy fell around 1200 B.C., the poets said.", "c. 1200 BC"),
        ("The city was sacked in 1200 B.C.E. by raiders.", "1200 BCE"),
        ("Claudius invaded in A.D. 43 with four legions.", "43 AD"),
        ("The Romans came around AD 43 to stay.", "c. 43 AD"),
        ("In 1871 B.C. joined Confederation as a province.", "1871"),
        ("In 490 B.C. was fought the battle of Marathon.", "490 BC"),
        ("In 1917 B. C. Forbes founded a magazine.", "1917"),
    ],
)
def test_an_approximate_year_keeps_its_era(sentence: str, wanted: str) -> None:
    """Batch 37's study guide of Kush: "c. 1500 BCE" had been read as "c. 1500", a year of
    the common era three thousand years out — a timeline's false date; hostile pass 49: so
    were "c. 1550–1070 BC" and "1200 B.C." (an era as older books write it)."""
    assert [h[3] for h in happenings(sentence, None)] == [wanted]
    assert (parse_date(wanted).start.year <= 0) == ("B" in wanted)  # not British Columbia


@pytest.mark.parametrize(
    ("sentence", "dates"),
    [
        ("In 721 Odo of Aquitaine destroyed an army besieging Toulouse.", ["721"]),
        ("In 725 another raiding force pushed up the Rhône valley.", ["725"]),
        ("In 737 Charles and Childebrand stormed Avignon.", ["737"]),
        ("In 871 Æthelred and Alfred fought the Danes at Ashdown.", ["871"]),
        ("In 739 Pope Gregory III, threatened by the Lombards, sent envoys.", ["739"]),
        ("In 730 Abd al-Rahman ibn Abd Allah al-Ghafiqi, a veteran of the Toulouse campaign, "
         "became governor of al-Andalus.", ["730"]),
        ("On 25 April 799 Pope Leo III was attacked during a procession.", ["0799-04-25"]),
        ("In the winter of 753–754 Pope Stephen II crossed the Alps.", ["753–754"]),
        ("He visited Rome at Easter 774 and confirmed his father's donation.", ["774"]),
        ("A prince escaped to Spain and in 756 made himself emir of Córdoba.", ["756"]),
        ("The annals place the embassy under the year 749.", ["749"]),
        # … and counts stay counts
        ("Until 400 Royal Marines and Rangers landed, the town held.", []),
        ("On 27 May 147 Communards were shot.", []),
        ("In 300 Roman soldiers marched north.", []),
    ],
)  # fmt: skip
def test_a_year_of_three_digits_before_a_name_of_several_words_or_after_a_feast(
    sentence: str, dates: list[str]
) -> None:
    """Batch 38's study guide on the Carolingians: a year of three digits was read before one
    name and its verb, not "Odo of Aquitaine destroyed", "Pope Leo III was attacked",
    "Charles and Childebrand stormed", nor after "another", a season's span, "at Easter", "the
    year", or before "made himself" ("grant of" and "against" were read too, and taken back
    after hostile pass 52: "A grant of 250 covered …", "by 199 against 158")."""
    assert [date for *_, date in happenings(sentence)] == dates


@pytest.mark.parametrize(
    ("sentence", "dates"),
    [
        ("On 29 November 150 Cheyenne and Arapaho died at Sand Creek when Colorado militia "
         "attacked their camp.", []),
        ("On November 29, 150 Cheyenne and Arapaho died at Sand Creek.", []),
        ("On 17 June 900 Lakota and Cheyenne fought General Crook's column to a standstill.", []),
        ("On 18 May 500 Knights of St John defended Malta against an Ottoman armada.", []),
        ("On 16 December 116 Sons of Liberty boarded three ships in Boston harbour.", []),
        ("In December 300 Lakota Sioux died at Wounded Knee Creek.", []),
        ("On 13 March 600 Viet Minh attacked the French strongpoint Beatrice.", []),
        ("The Lords rejected the second Reform Bill by 199 against 158 in October 1831.",
         ["1831-10"]),
        ("A grant of 250 covered the cost of the new memorial plaque.", []),
        ("Over the year 300 Chinese arrived at Cooktown for the Palmer River goldfield.", []),
        ("The branch grew quickly: by Easter 120 joined the union, and by summer 300.", []),
        ("By 200 Chinese and Irish worked on the line through the Sierra Nevada.", []),
        ("Every summer in the 1920s, thousands of Lancashire mill workers went to Blackpool.",
         ["1920s"]),
        ("Each year in the 1930s, the Nazi Party held a vast rally at Nuremberg.", ["1930s"]),
        ("German troops had to leave Belgium and France no later than 26 November 1918.", []),
        ("The annals record under the year 749 that envoys went to Rome.", ["749"]),
    ],
)  # fmt: skip
def test_what_hostile_pass_52_found_in_the_three_digit_years(
    sentence: str, dates: list[str]
) -> None:
    """Hostile pass 52 on the three-digit years: a count of a people after a day or a month
    ("On 29 November 150 Cheyenne and Arapaho died") read as a year, as were a vote "by 199
    against 158", "A grant of 250", "Over the year 300 Chinese", "by Easter 120 joined"; a
    decade kept every summer lost. (A day "no later than" is a bound, no happening, as "no
    earlier than 1260" is: hostile pass 53.)"""
    assert [date for *_, date in happenings(sentence)] == dates


@pytest.mark.parametrize(
    ("sentence", "dates"),
    [
        ("By 920 every Danish army south of the Humber had submitted to him.", ["920"]),
        ("Iona was burned in 802, and in 806 sixty-eight members of its community were killed.",
         ["802", "806"]),
        ("In 1970–75 the mine was worked again.", ["1970–1975"]),
        # … and still counts (hostile pass 57): an age, a span of time, a count every year, and
        # a count after "In" before its subject, which reads as "In 835 heathen men ravaged"
        # does (left a count)
        ("The mill replaced them by 200 ten-year-old children.", []),
        ("The town grew from 300 ten years earlier to over 2,000.", []),
        ("The parish grew by 120 every year until the famine.", []),
        ("In 300 villages people starved during the winter.", []),
        ("In 150 years the city grew from a village to a port.", []),
        ("But in 300 armed men, in 200 or 300 ships, the raiders came.", []),
        ("The line was cut in 533–534,000 places.", []),
        ("The story is told in 710–36 of the poem.", []),
    ],
)  # fmt: skip
def test_a_three_digit_year_before_a_count_word(sentence: str, dates: list[str]) -> None:
    """Batch 40, measured blind: a reader of the Viking Age lost "By 920 every Danish army …"
    and "in 806 sixty-eight members …", read as counts. (Hostile pass 57 took back "In 835
    heathen men ravaged" — "In 300 villages people starved" reads alike — and "in 850–51",
    which pages and line numbers write alike.)"""
    assert [date for *_, date in happenings(sentence)] == dates


@pytest.mark.parametrize(
    ("sentence", "dates"),
    [
        ("In 508/507 BCE the reforms of Cleisthenes reorganised the citizen body.", ["508 BCE"]),
        ("Xerxes spent the winter of 481/480 BC at Sardis.", ["481 BCE"]),
        ("The winter of 1916/17 was the coldest in memory.", ["1916"]),
        ("In 1788/89 the harvest failed across France.", ["1788"]),
        ("His Histories were probably completed in the 420s BCE.", ["420s BCE"]),
        ("Athens grew rich in the late 460s B.C. from the silver mines.", ["late 460s BCE"]),
        # … not two numbers that are not one year and the next, nor a year of three digits
        # without its era
        ("The minute is in the Cabinet papers, CAB 24/117, at the National Archives.", []),
        ("Read chapters 508/509 for next week.", []),
    ],
)  # fmt: skip
def test_a_year_of_two_calendars_and_a_decade_bc(sentence: str, dates: list[str]) -> None:
    """Batch 41, measured blind: an exam board's source booklet on the Persian Wars dated its
    Athenian years ("508/507 BCE", an archon's year from midsummer) to the second year, with
    titles "In 508/ the reforms …", and "the 420s BCE" as a decade of the common era."""
    assert [date for *_, date in happenings(sentence)] == dates


@pytest.mark.parametrize(
    ("written", "first", "last", "label"),
    [
        ("480s BCE", -488, -479, "480s BCE"),  # 489–480 BCE
        ("late 490s BCE", -492, -489, "late 490s BCE"),  # 493–490 BCE
        ("early 480s BC", -488, -485, "early 480s BCE"),
    ],
)
def test_a_decade_before_the_common_era_counts_down(
    written: str, first: int, last: int, label: str
) -> None:
    date = parse_date(written)
    assert (date.start.year, date.end.year, date.label, date.approximate) == (
        first,
        last,
        label,
        True,
    )


def test_a_decade_before_the_common_era_is_printed_in_the_packet_s_language() -> None:
    from packet.i18n import Words

    labels = [parse_date("480s BCE", Words(code)).label for code in ("fr", "es", "de")]
    assert labels == ["années 480\xa0av.\xa0J.-C.", "década de 480 a. C.", "480er-Jahre v. Chr."]


@pytest.mark.parametrize(
    ("date", "language", "label"),
    [
        ("67", "en", "67 CE"),
        ("0069-07-01", "en", "1 July 69 CE"),
        ("0070-05", "en", "May 70 CE"),
        ("66 CE", "en", "66 CE"),
        ("c. 60", "en", "c. 60 CE"),
        ("0069-07-01", "fr", "1 juillet 69 apr. J.-C."),
        ("67", "de", "67 n. Chr."),
        ("0009-06-09", "fr", "9 juin 9 apr. J.-C."),  # the day was given the era too
        ("0012-12-12", "de", "12. Dezember 12 n. Chr."),
        ("0008-02-29", "es", "29 de febrero de 8 d. C."),
        ("0009-06", "fr", "juin 9 apr. J.-C."),
        ("410", "en", "410"),
        ("1969", "en", "1969"),
        ("4 BCE", "en", "4 BCE"),
    ],
)
def test_a_year_of_the_first_century_prints_its_era(date: str, language: str, label: str) -> None:
    """A timeline of the Jewish–Roman War printed "67", "1 July 69" and "68" beside "4 BCE"
    (batch 42's Masada handout, pulled and built): a year under a hundred reads as one of
    the 1900s. It prints its era now, in the packet's language; later years stay bare."""
    from packet.i18n import Words

    assert parse_date(date, Words(language)).label == label
