"""The catalogue of what a hostile reading of the drafting rules found (pass 31): sentences,
text files, web pages and PDFs where a rule drafted what a history teacher would have to
delete or rewrite — an event titled "He died", a day dated a year early, a term lost, a
running head read as a heading, a paragraph cut in two. Each case is the input and what is
right for it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from docmaker import make_pdf
from packet import extract, sources
from packet.dates import find_dates
from packet.defining import defined_terms
from packet.draft import Taken, draft, draft_terms, event_title, happenings


def _events(sentence: str) -> list[tuple[str, str]]:
    return [(date, event_title(c, a, b)) for c, a, b, date in happenings(sentence)]


@pytest.mark.parametrize(
    ("sentence", "event"),
    [
        # a part after a semicolon that says "he" or "it" is titled by the name the sentence
        # opened with
        ("Richard III was the last Plantagenet king; he died at Bosworth on 22 August 1485.",
         ("1485-08-22", "Richard III died at Bosworth")),
        ("Henry's health declined; he died on 28 January 1547.", ("1547-01-28", "Henry died")),
        ("Catherine Howard was young and foolish; she was beheaded in February 1542.",
         ("1542-02", "Catherine Howard was beheaded")),
        ("The Battle of Towton was the bloodiest battle ever fought on English soil; it took "
         "place in a snowstorm on 29 March 1461.",
         ("1461-03-29", "The Battle of Towton took place in a snowstorm")),
        # … but not where the part before names another whom "it" may mean: the Soviet Union
        ("Operation Barbarossa was Hitler's invasion of the Soviet Union; it was launched on "
         "22 June 1941.", ("1941-06-22", "It was launched")),
        ("York's triumph was short; on 30 December 1460 he was killed at Wakefield.",
         ("1460-12-30", "York was killed at Wakefield")),
        ("Anne Boleyn, Henry's second wife; executed on 19 May 1536.",
         ("1536-05-19", "Anne Boleyn executed")),
        # … and a part that is nothing but its date takes the words before the semicolon
        ("First Battle of St Albans; 22 May 1455.", ("1455-05-22", "First Battle of St Albans")),
        ("Towton – fought in a snowstorm; 29 March 1461",
         ("1461-03-29", "Towton – fought in a snowstorm")),
        # a semicolon in brackets or a quotation parts nothing; a title leaves brackets out
        ("Richard III (reigned 1483–1485; killed at Bosworth) was the last Plantagenet.",
         ("1483–1485", "Richard III was the last Plantagenet")),
        ("Emily Davison (a militant suffragette; she had been imprisoned nine times) died at "
         "the Derby in June 1913.", ("1913-06", "Emily Davison died at the Derby")),
    ],
)  # fmt: skip
def test_a_happening_after_a_semicolon_is_titled_by_whom_it_tells_of(
    sentence: str, event: tuple[str, str]
) -> None:
    assert _events(sentence) == [event]


def test_a_title_is_not_cut_inside_a_quotation() -> None:
    ((date, title),) = _events(
        'The chronicler wrote that "the king was simple; the queen ruled" in 1459.'
    )
    assert date == "1459" and title.startswith('The chronicler wrote that "the king was simple;')


@pytest.mark.parametrize(
    ("sentence", "day"),
    [
        ("In 1649 Charles I, defeated in the Second Civil War the previous year, was executed "
         "on 30 January.", "1649-01-30"),
        ("In 1381 the peasants, angered by the poll tax of the previous year, marched on "
         "London on 13 June.", "1381-06-13"),
        ("In 1945 Hitler, who had survived a bomb plot the previous year, killed himself in "
         "his bunker on 30 April.", "1945-04-30"),
        ("In 1914 the BEF, which would be almost wiped out the following year, landed in "
         "France on 14 August.", "1914-08-14"),
        ("In 1485 Henry Tudor, whose first invasion had failed a year earlier, landed at "
         "Milford Haven on 7 August.", "1485-08-07"),
        ("In 1929 American banks, which had lent heavily to Germany the previous year, began "
         "recalling their loans in October.", "1929-10"),
        ("In 1917 the tsar, whose army had been routed the previous year, abdicated on "
         "15 March.", "1917-03-15"),
    ],
)  # fmt: skip
def test_a_day_after_an_aside_with_a_relative_year_is_of_the_year_the_sentence_gave(
    sentence: str, day: str
) -> None:
    """ "the previous year" in an aside between commas dates the aside, not the day the
    sentence goes on to give."""
    dates = [date for date, _ in _events(sentence)]
    assert day in dates, dates
    relative = int(day[:4]) + (1 if "following" in sentence else -1)
    assert not any(d.startswith(f"{relative}-") for d in dates), dates


def test_what_an_aside_interrupts_is_told_of_the_sentence_s_subject() -> None:
    """The year the sentence opens with is the day's it goes on to give, not a happening of
    its own; the aside and what follows it are titled by whom they tell of."""
    assert _events(
        "In 1649 Charles I, defeated in the Second Civil War the previous year, was executed "
        "on 30 January."
    ) == [("1648", "Charles I defeated in the Second Civil War"),
          ("1649-01-30", "Charles I was executed")]  # fmt: skip
    assert _events(
        "In 1917 the tsar, whose army had been routed the previous year, abdicated on 15 March."
    ) == [("1916", "The tsar’s army had been routed"), ("1917-03-15", "The tsar abdicated")]
    assert _events(
        "In 1914 the BEF, which would be almost wiped out the following year, landed in "
        "France on 14 August."
    ) == [("1915", "The BEF would be almost wiped out"), ("1914-08-14", "The BEF landed in France")]


def test_which_after_a_clause_is_not_given_the_sentence_s_subject() -> None:
    """ "which" after a whole clause tells of the clause, not of who did it."""
    titles = [title for _, title in _events(
        "The king signed the treaty in 1420, which gave England the French crown in 1422."
    )]  # fmt: skip
    assert not any(title.startswith("The king gave") for title in titles), titles


def test_the_relative_year_outside_an_aside_still_dates_the_day() -> None:
    """The rule above is for asides only: "struck back the following summer, capturing Henry
    at Northampton on 10 July" is 10 July of the year after."""
    dates = [
        date
        for _, _, _, date in happenings(
            "The Yorkists struck back the following summer, capturing Henry at Northampton "
            "on 10 July.",
            1459,
        )
    ]
    assert dates == ["1460-07-10"]


@pytest.mark.parametrize(
    ("paragraph", "term", "definition"),
    [
        # a noun after "was" before a colon is the term the colon explains …
        ("The punishment was attainder: an act of Parliament declaring a man a traitor "
         "without a trial.", "attainder",
         "an act of Parliament declaring a man a traitor without a trial"),
        ("Stalin's answer was collectivisation: the merging of small peasant farms into large "
         "state-run farms.", "collectivisation",
         "the merging of small peasant farms into large state-run farms"),
        ("The king's weapon against the clergy was praemunire: the offence of obeying a foreign "
         "authority over the king's.", "praemunire",
         "the offence of obeying a foreign authority over the king's"),
        ("The key idea was sovereignty: the right of a state to rule itself without outside "
         "interference.", "sovereignty",
         "the right of a state to rule itself without outside interference"),
        ("The Japanese word for this was sakoku: the closed country.", "sakoku",
         "the closed country"),
        # … and a kind of source or language is a term, not a label
        ("A primary source: a source from the time being studied.", "primary source",
         "a source from the time being studied"),
        ("A secondary source: an account written later by someone who was not there.",
         "secondary source", "an account written later by someone who was not there"),
        ("Historians prefer a primary source: a document or object made at the time being "
         "studied.", "primary source", "a document or object made at the time being studied"),
        ("The Latin language: the language of the Church and of educated people.",
         "Latin language", "the language of the Church and of educated people"),
        # a possessive's owner is not the place or time the sentence opened with
        ("In London Warwick's brother, George Neville, was Archbishop of York.",
         "George Neville", "Warwick's brother"),
        ("Under Henry VIII Wolsey's successor, Thomas More, refused the oath.", "Thomas More",
         "Wolsey's successor"),
        ("In Germany Hitler's party, the NSDAP, grew rapidly after 1929.", "NSDAP",
         "Hitler's party"),
        ("On Sunday Henry's chaplain, Thomas Cranmer, preached before the court.",
         "Thomas Cranmer", "Henry's chaplain"),
        ("At Westminster Edward's widow, Elizabeth Woodville, fled into sanctuary.",
         "Elizabeth Woodville", "Edward's widow"),
        ("Under Mary Tudor Cranmer's successor, Reginald Pole, restored Catholic worship.",
         "Reginald Pole", "Cranmer's successor"),
    ],
)  # fmt: skip
def test_what_a_term_is_is_read_whole(paragraph: str, term: str, definition: str) -> None:
    found = {d.term: d.definition for d in draft_terms([paragraph])}
    assert found.get(term) == definition, found


def test_a_description_after_was_is_still_no_term() -> None:
    found = {d.term for d in draft_terms(["Attainder was brutal: an act of attainder declared "
                                          "a man a traitor without trial."])}  # fmt: skip
    assert "brutal" not in found


@pytest.mark.parametrize(
    "box",
    [
        "Battle: Towton\nDate: 29 March 1461\nWeather: a blinding snowstorm\n"
        "Casualties: perhaps 28,000 dead",
        "Political: the nobles wanted a share of power\nEconomic: the war with France had "
        "emptied the treasury\nSocial: the poor were angry about taxes",
        "Monday: lesson on the causes\nTuesday: source work on Bosworth",
    ],
)
def test_a_fact_box_or_a_plan_a_line_each_is_no_key_terms_list(box: str) -> None:
    assert draft_terms([box]) == []


def test_a_key_terms_list_a_line_each_is_still_read() -> None:
    block = "attainder: a law declaring a man a traitor\nretainer: a lord's armed follower"
    assert {d.term for d in draft_terms([block])} == {"attainder", "retainer"}


_PARAGRAPHS = [
    "The Wars of the Roses were a series of civil wars fought between 1455 and 1487.",
    "Henry VI was a weak king who suffered a mental collapse in 1453.",
    "Richard, Duke of York, claimed the throne in 1460 but was killed at Wakefield.",
    "Edward IV won the crown at Towton in 1461, the bloodiest battle on English soil.",
    "Henry Tudor defeated Richard III at Bosworth in 1485 and founded the Tudor dynasty.",
    "The marriage of Henry VII and Elizabeth of York united the two houses.",
]


@pytest.mark.parametrize(
    "head",
    ["The Wars of the Roses, 1455–1487", "A History of Medieval England",
     "St Mary's School History Department"],
)  # fmt: skip
def test_a_book_s_running_head_in_title_case_is_furniture(head: str) -> None:
    """A text file saved from a book: a title-case line at every page break."""
    text = f"\n\n{head}\n\n".join(_PARAGRAPHS)
    assert sources.article(text, "text").blocks == [("para", p) for p in _PARAGRAPHS]


def test_a_worksheet_s_short_heading_over_each_task_stays() -> None:
    tasks = ["Task", _PARAGRAPHS[0], "Task", _PARAGRAPHS[1], "Task", _PARAGRAPHS[2]]
    text = "\n\n".join(["The Wars of the Roses", *tasks])  # its first line is its title
    assert [text for role, text in sources.article(text, "text").blocks if role == "heading"] == [
        "Task"
    ] * 3


@pytest.mark.parametrize(
    "furniture",
    ["<h3>Advertisement</h3><div class='ad'></div>",
     "<h2>Test yourself</h2><form><input type='radio'></form>"],
)  # fmt: skip
def test_a_web_page_s_heading_over_nothing_mid_page_is_dropped(furniture: str) -> None:
    page = (
        "<html><head><title>The Wars of the Roses</title></head><body><article>"
        f"<h1>The Wars of the Roses</h1><p>{_PARAGRAPHS[0]}</p>{furniture}<h2>Causes</h2>"
        f"<h3>Short-term causes</h3><p>{_PARAGRAPHS[1]}</p></article></body></html>"
    )
    assert sources.article(page, "html").blocks == [
        ("para", _PARAGRAPHS[0]),
        ("heading", "Causes"),  # over a subsection: a section's heading
        ("heading", "Short-term causes"),
        ("para", _PARAGRAPHS[1]),
    ]


_HENRY = (
    "Henry was crowned king of England at Westminster in 1429 and king of France in Paris in "
    "1431, but as he grew up it became clear that he had none of his father's gifts. He "
    "disliked war, preferred prayer and the founding of colleges such as Eton and King's "
    "College, Cambridge, and was easily led by favourites like William de la Pole, Duke of "
    "Suffolk, and Edmund Beaufort, Duke of Somerset, whose unpopularity in the country grew "
    "with every defeat in Normandy."
)


@pytest.mark.parametrize(
    "paragraph",
    [
        "Remember: the Wars of the Roses were not thirty years of continuous fighting. Most of "
        "the campaigns were short, and in many years there was no fighting at all. Ordinary "
        "people in towns and villages were often hardly affected by the battles, which were "
        "fought between the armies of great lords and their retainers.",
        "Note: this homework is due on Friday. Read pages 34 to 41 of the textbook and answer "
        "the questions below in full sentences, using evidence from the text to support each "
        "point you make. You should spend about forty minutes on this task and you may use the "
        "glossary at the back of the book.",
        f"Exam tip: when you explain the causes of the wars, {_HENRY}",
        'As one chronicler wrote: "The king was simple and led by covetous counsel, and owed '
        "more than he was worth.\" Many people in the 1450s blamed the king's advisers, "
        "especially the Duke of Suffolk, for the loss of France and for the heavy taxes that "
        "the wars had required.",
        f"In summary: {_HENRY}",
    ],
)
def test_a_ragged_right_paragraph_opening_word_colon_is_one_paragraph(
    paragraph: str, tmp_path: Path
) -> None:
    """A worksheet's left-aligned paragraph, as Word prints it: its lines end short of the
    margin wherever the next word did not fit — no list of words and meanings."""
    body = f'<h1>Handout</h1><p style="text-align:left">{paragraph}</p>'
    path = make_pdf(tmp_path / "h.pdf", "Handout", "Ms Teacher", body, running_head="Year 9")
    paragraphs = [t for role, t in extract.extract(path.read_bytes(), "pdf").article.blocks
                  if role == "para" and t != "Year 9"]  # fmt: skip
    assert paragraphs == [paragraph]


# -- pass 32: a hostile reading of pass 31's mends ---------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "event"),
    [
        # "she" or "it" after a part that names another may be that other: the part's own words
        ("Elizabeth I was the daughter of Anne Boleyn; she was executed in May 1536.",
         ("1536-05", "She was executed")),
        ("Henry II appointed Thomas Becket archbishop; he was murdered on 29 December 1170.",
         ("1170-12-29", "He was murdered")),
        ("Henry VIII's first wife was Catherine of Aragon; she died at Kimbolton on 7 January "
         "1536.", ("1536-01-07", "She died at Kimbolton")),
        ("Philip II sent the Armada; it was sighted off the Lizard on 19 July 1588.",
         ("1588-07-19", "It was sighted off the Lizard")),
        # … an opening phrase is no name, an adjective before a noun no bare verb
        ("Following Bosworth, Henry Tudor marched to London; he was crowned on 30 October 1485.",
         ("1485-10-30", "He was crowned")),
        ("Despite his victory, Edward faced more revolts; he was briefly captured in July 1469.",
         ("1469-07", "He was briefly captured")),
        ("The Chartists gathered at Newport; armed men attacked the Westgate Hotel on 4 November "
         "1839.", ("1839-11-04", "Armed men attacked the Westgate Hotel")),
        # a short name in brackets stays in a title
        ("Her husband (Lord Darnley) was murdered at Kirk o' Field in February 1567.",
         ("1567-02", "Her husband (Lord Darnley) was murdered at Kirk o' Field")),
        ("Mary (Queen of Scots) was executed at Fotheringhay on 8 February 1587.",
         ("1587-02-08", "Mary (Queen of Scots) was executed at Fotheringhay")),
    ],
)  # fmt: skip
def test_a_title_names_no_one_the_sentence_does_not_say_it_tells_of(
    sentence: str, event: tuple[str, str]
) -> None:
    assert _events(sentence) == [event]


@pytest.mark.parametrize(
    ("sentence", "day"),
    [
        ("In 1648 the Scots were beaten at Preston, and the following year, condemned by a "
         "special court, the king was executed on 30 January.", "1649-01-30"),
        ("In 1535 Thomas More was executed, and the following year, accused of adultery, Anne "
         "Boleyn was beheaded on 19 May.", "1536-05-19"),
        ("In 1940 France fell, and the following year, betrayed by Hitler, the Soviet Union was "
         "invaded on 22 June.", "1941-06-22"),
        ("In 1917 the tsar abdicated, and the following year, imprisoned at Ekaterinburg, he was "
         "shot with his family on 17 July.", "1918-07-17"),
    ],
)  # fmt: skip
def test_a_relative_year_opening_a_clause_dates_the_day_after_it(sentence: str, day: str) -> None:
    """ "…, and the following year, condemned by a special court, the king was executed on 30
    January": the year is no aside, and the day is in it."""
    assert day in [date for date, _ in _events(sentence)]


def test_the_following_summer_after_but_dates_the_day_in_it() -> None:
    told = happenings(
        "The Yorkists fled abroad after Ludford, but the following summer, helped by the "
        "Calais garrison, they landed in Kent on 26 June.",
        1459,
    )
    assert [date for *_, date in told] == ["1460-06-26"]


def test_a_year_in_an_aside_is_a_happening_of_its_own() -> None:
    assert ("1485", "Henry Tudor, the victor at Bosworth") in _events(
        "Henry Tudor, the victor at Bosworth in 1485, was crowned on 30 October."
    )


@pytest.mark.parametrize(
    ("sentence", "day"),
    [("In 1536 Anne Boleyn, accused of adultery, arrested on 2 May 1536 was beheaded on 19 May "
      "1536.", "1536-05-19"),
     ("In 1917 the tsar, whose army had been routed, deserted by his generals in March 1917 "
      "abdicated on 15 March 1917.", "1917-03-15")],
)  # fmt: skip
def test_an_aside_without_its_closing_comma_is_read(sentence: str, day: str) -> None:
    """Both stopped a pull ("internal error") when the subject was looked for after them."""
    dates = [date for date, _ in _events(sentence)]
    assert day in dates and len(dates) == 3, dates


@pytest.mark.parametrize(
    ("sentence", "wrong"),
    [
        ("Henry VIII's reign began with hope in 1509: he was young, handsome and rich, but by "
         "1547 he was a sick tyrant.", ("1547", "He was young, handsome and rich")),
        ("In 1588 Philip sent the Armada: 130 ships carrying 30,000 men, but on 29 July it was "
         "scattered off Gravelines.", ("1588-07-29", "130 ships carrying 30,000 men")),
        ("The key dates are 1066: the Norman Conquest, and 1215: Magna Carta.",
         ("1066", "The key dates are")),
    ],
)  # fmt: skip
def test_a_colon_does_not_part_one_happening_s_words_from_its_date(
    sentence: str, wrong: tuple[str, str]
) -> None:
    assert wrong not in _events(sentence)


@pytest.mark.parametrize(
    ("block", "terms"),
    [
        ("parish: the area served by one church and its priest\nrelic: an object linked to a "
         "saint, such as a bone\nheretic: a person whose beliefs went against the Church's "
         "teaching\ntithe: a tenth of a person's produce, paid to the Church",
         {"parish", "relic", "heretic", "tithe"}),
        ("Catholic: a Christian who accepts the Pope as head of the Church\nProtestant: a "
         "Christian who rejected the Pope's authority\ncardinal: a senior priest who advises "
         "the Pope", {"Catholic", "Protestant", "cardinal"}),
        ("offensive – a large-scale attack\nattrition – wearing down the enemy by killing more "
         "of their men\nsalient – a bulge in the front line\narsenal – a store of weapons",
         {"offensive", "attrition", "salient", "arsenal"}),
        ("theme: a military district of the Byzantine Empire\nstrategos: the general who "
         "governed a theme", {"theme", "strategos"}),
        ("provenance: where a source comes from\ncorroboration: checking one source against "
         "another\nbias: a one-sided view\ninterpretation: a historian's view of the past",
         {"provenance", "corroboration", "bias", "interpretation"}),
    ],
)  # fmt: skip
def test_a_key_terms_list_of_words_ending_like_adjectives_is_read(
    block: str, terms: set[str]
) -> None:
    assert {d.term for d in draft_terms([block])} == terms


@pytest.mark.parametrize(
    "paragraph",
    ["The king was stubborn: a man who would not accept any limit on his power.",
     "The Treaty of Versailles was unfair: a diktat imposed on Germany.",
     "The Black Death was devastating: a plague that killed a third of the population.",
     "The result was famine: millions died in Ukraine in 1932 and 1933.",
     "The most important cause: the king's need for money.",
     "A typical example: the village of Wharram Percy, abandoned after the plague.",
     "The Pope's answer: a firm refusal to annul the marriage."],
)  # fmt: skip
def test_what_something_was_like_or_a_writer_s_label_is_no_term(paragraph: str) -> None:
    assert draft_terms([paragraph]) == []


@pytest.mark.parametrize(
    ("paragraph", "term", "definition"),
    [
        ("At Bosworth Edward IV's brother, Richard III, was killed.", "Richard III",
         "Edward IV's brother"),
        ("In London Edward IV's widow, Elizabeth Woodville, fled into sanctuary.",
         "Elizabeth Woodville", "Edward IV's widow"),
    ],
)  # fmt: skip
def test_a_regnal_number_s_possessive_keeps_its_name(
    paragraph: str, term: str, definition: str
) -> None:
    assert {d.term: d.definition for d in draft_terms([paragraph])}.get(term) == definition


def test_a_repeated_heading_of_a_revision_sheet_and_an_interview_s_labels_stay() -> None:
    sheet = "\n\n".join(
        ["Tudor Monarchs Revision Sheet"]
        + [part for king, text in zip(("Henry VII", "Henry VIII", "Edward VI"), _PARAGRAPHS,
                                      strict=False)
           for part in (king, "Key Dates and Events", text)]
    )  # fmt: skip
    headings = [t for role, t in sources.article(sheet, "text").blocks if role == "heading"]
    assert headings.count("Key Dates and Events") == 3
    interview = "\n\n".join(
        ["Oral history: the Blitz"]
        + ["Question from the interviewer", "Where did you shelter?", "Mrs Ada Smith, aged 84",
           "We went down into the Underground at Bank most nights."] * 3
    )  # fmt: skip
    texts = [t for _, t in sources.article(interview, "text").blocks]
    assert texts.count("Question from the interviewer") == 3


@pytest.mark.parametrize(
    ("body", "kept"),
    [
        ("<h2>Sources</h2><h3>Source A</h3><h3>A letter, 1536</h3><p>{0}</p>"
         "<h3>Source B</h3><h3>A chronicle, 1548</h3><p>{1}</p>", ["Source A", "Source B"]),
        ("<h2>Causes of the English Civil War</h2><h2>Religion</h2><p>{0}</p><h2>Money</h2>"
         "<p>{1}</p>", ["Causes of the English Civil War"]),
        ("<h2>The reign</h2><p>{0}</p><h3>Part one: the early years</h3><h3>1509: a new king"
         "</h3><p>{1}</p>", ["Part one: the early years"]),
    ],
)  # fmt: skip
def test_a_web_page_s_heading_over_one_of_its_own_rank_stays(body: str, kept: list[str]) -> None:
    page = (
        "<html><head><title>The Tudors</title></head><body><article><h1>The Tudors</h1>"
        + body.format(*_PARAGRAPHS[:2])
        + "</article></body></html>"
    )
    headings = [t for role, t in sources.article(page, "html").blocks if role == "heading"]
    assert set(kept) <= set(headings), headings


@pytest.mark.parametrize(
    ("style", "paragraphs"),
    [
        ("margin:0;text-align:left",
         ["The Battle of Bosworth was fought on 22 August 1485 near Market Bosworth in "
          "Leicestershire.",
          "Northumberland, who commanded the rear of Richard's army, never moved his men into "
          "the fight.",
          "Historians still argue about why the Stanleys waited so long before joining the "
          "battle."]),
        ("margin:0",
         ["Parliament ordered that the king's escape should be remembered every year with "
          "bonfires and bells.",
          "Nevertheless, for the Catholics of England the plot brought only suspicion and "
          "harsher laws."]),
        ("margin:0;text-align:left",
         ["attainder – a law declaring a man a traitor",
          "retainer – a man who wore a lord's badge",
          "affinity – the gentry and servants bound to a lord",
          "Nevertheless, most lords kept only small households in peacetime."]),
    ],
)  # fmt: skip
def test_paragraphs_with_no_space_between_them_stay_apart(
    style: str, paragraphs: list[str], tmp_path: Path
) -> None:
    """Word's "No Spacing" style: no gap between paragraphs and no indent; a paragraph that
    opens with a long word ("Northumberland,", "Nevertheless,") was joined to the one before."""
    body = "<h1>Handout</h1>" + "".join(f'<p style="{style}">{p}</p>' for p in paragraphs)
    path = make_pdf(tmp_path / "h.pdf", "Handout", "Ms Teacher", body, running_head="Year 9")
    found = [t for role, t in extract.extract(path.read_bytes(), "pdf").article.blocks
             if role == "para" and t != "Year 9"]  # fmt: skip
    assert found == paragraphs


# -- batch 31's drafts, read as a teacher would --------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "event"),
    [
        # who the subject is, between commas, is no event: what they did is
        ("Isaac Butt, a Protestant barrister and former Conservative who had defended Fenian "
         "prisoners in court, founded the Home Government Association in Dublin in May 1870.",
         ("1870-05", "Isaac Butt founded the Home Government Association in Dublin")),
        ("On 5 December 1848 James K. Polk, the eleventh president of the United States, "
         "confirmed the discovery in his annual message to Congress.",
         ("1848-12-05", "James K. Polk confirmed the discovery in his annual message")),
        ("Between 1848 and 1855 roughly 300,000 people, the figure most historians cite, "
         "travelled to California from the eastern United States.",
         ("1848–1855", "Roughly 300,000 people travelled to California")),
        # a date is titled by its own clause, not the one before it
        ("Water pipes froze and burst, and by December 1941 the trams had stopped running.",
         ("1941-12", "The trams had stopped running")),
        ("It was enforced mainly against Latin American miners, thousands of whom left the "
         "diggings, and it was repealed in 1851.", ("1851", "It was repealed")),
    ],
)  # fmt: skip
def test_an_event_is_titled_by_what_happened_on_its_date(
    sentence: str, event: tuple[str, str]
) -> None:
    assert _events(sentence) == [event]


@pytest.mark.parametrize(
    ("paragraph", "wrong"),
    [
        ("Between December 1941 and May 1942 she wrote down the date on which her sister, her "
         "grandmother, her brother, two uncles and finally her mother died.", "sister"),
        ("There was serious sectarian rioting in Belfast in the summer of 1886 - a warning of "
         "how Protestant Ulster would react.", "summer"),
        ("Background: the Union", "Background"),
        ("In his account (paraphrased here, not his exact words) he describes the sack.",
         "account"),
    ],
)  # fmt: skip
def test_a_common_word_or_a_heading_is_no_glossary_term(paragraph: str, wrong: str) -> None:
    assert wrong not in {d.term for d in draft_terms([paragraph])}


# -- pass 33: a hostile reading of batch 31's tuning and pass 32's mends ----------------------


@pytest.mark.parametrize(
    ("sentence", "day"),
    [
        ("In 1649 Charles I, at war with Parliament again the previous year, was executed on "
         "30 January.", "1649-01-30"),
        ("In 1606 Guy Fawkes, caught in the cellar the previous year, was executed on 31 "
         "January.", "1606-01-31"),
        ("In 1917 the tsar, away at the front for much of the previous year, abdicated on 15 "
         "March.", "1917-03-15"),
        ("In 1918 the Kaiser, having handed real power to Hindenburg and Ludendorff the previous "
         "year, abdicated on 9 November.", "1918-11-09"),
    ],
)  # fmt: skip
def test_any_aside_with_a_relative_year_leaves_the_day_in_the_sentence_s_year(
    sentence: str, day: str
) -> None:
    dates = [date for date, _ in _events(sentence)]
    assert day in dates and f"{int(day[:4]) - 1}{day[4:]}" not in dates, dates


@pytest.mark.parametrize(
    ("sentence", "title"),
    [
        ("In 1649 Charles I, defeated in two civil wars, was finally executed on 30 January.",
         "Charles I was finally executed"),
        ("In 1688 James II, deserted by his army, had already fled to France by 23 December.",
         "James II had already fled to France"),
    ],
)  # fmt: skip
def test_an_adverb_after_was_or_had_keeps_the_subject(sentence: str, title: str) -> None:
    assert title in [t for _, t in _events(sentence)]


@pytest.mark.parametrize(
    ("sentence", "year", "day", "dates"),
    [
        # weeks after a month: no day to count from
        ("Six weeks later Trotsky arrived from New York.", 1917, "1917-04", []),
        # the day before something else, not before the last day told
        ("Strafford hurried to London, arriving the day before he was impeached.", 1640,
         "1640-11-03", []),
        ("Many men wrote letters home the night before going over the top.", 1916, "1916-07-01",
         []),
        # a day between dashes that restates the relative one is that day
        ("The following morning – Saturday 1 July 1916 – the whistles blew along the front.",
         1916, "1916-06-30", ["1916-07-01"]),
    ],
)  # fmt: skip
def test_a_relative_day_is_counted_only_from_the_day_it_tells_from(
    sentence: str, year: int, day: str, dates: list[str]
) -> None:
    assert [date for *_, date in happenings(sentence, year, day)] == dates


@pytest.mark.parametrize(
    "paragraph",
    ["Born: 28 June 1491 at Greenwich Palace\nCrowned: 24 June 1509 at Westminster Abbey\n"
     "Married: six times, most famously to Anne Boleyn\nDied: 28 January 1547 at Whitehall",
     "Industrial: factories, mills and railways\nAgricultural: enclosure and new crops\n"
     "Social: the growth of towns\nFinancial: banks and the stock exchange",
     "Problem: the harvests of 1315, 1316 and 1317 all failed.",
     "Figure 3 – a map of the Western Front in 1915",
     "Day 2 – Longstreet attacked the Union left at Little Round Top",
     "Plate 4: a woodcut of the burning of Latimer and Ridley",
     "Trigger – on 28 June 1914 Franz Ferdinand was shot in Sarajevo",
     "Henry VII faced a constant danger: Yorkist pretenders who claimed the throne.",
     "Verdun: the French, led by Pétain, held out for ten months.",
     "Crowds gathered in the square, as the priest called the faithful to prayer.",
     "The speech, made by Churchill on 4 June 1940, promised to fight on the beaches.",
     "The result was disastrous: a defeat that cost the French their best knights."],
)  # fmt: skip
def test_a_label_a_numbered_figure_or_a_description_is_no_term(paragraph: str) -> None:
    assert [(d.term, d.definition) for d in draft_terms([paragraph])] == []


@pytest.mark.parametrize(
    ("paragraph", "term", "definition", "aliases"),
    [
        ("The new king – Edward VI, a boy of nine – was a Protestant.", "Edward VI",
         "a boy of nine", []),
        ("In 1381 the rebels – led by Wat Tyler, a tiler from Kent – marched on London.",
         "Wat Tyler", "a tiler from Kent", []),
        ("Henry's new minister – Thomas Cromwell, a blacksmith's son from Putney – closed the "
         "monasteries.", "Thomas Cromwell", "a blacksmith's son from Putney", []),
        ("The Tsar's adviser – Rasputin, a Siberian holy man – was murdered in 1916.",
         "Rasputin", "a Siberian holy man", []),
        ("Under Cromwell the Puritans banned Christmas. Father Christmas, the old spirit of the "
         "feast, became a symbol of Royalist protest.", "Father Christmas",
         "the old spirit of the feast", []),
    ],
)  # fmt: skip
def test_an_appositive_between_dashes_is_who_the_name_is(
    paragraph: str, term: str, definition: str, aliases: list[str]
) -> None:
    found = {d.term: (d.definition, d.aliases) for d in draft_terms([paragraph])}
    assert found.get(term) == (definition, aliases), found


def test_a_list_between_dashes_is_no_other_name() -> None:
    found = {d.term: d.aliases for d in draft_terms(
        ["The Allies – Britain, the USA and the Soviet Union – met at Yalta in February 1945."]
    )}  # fmt: skip
    assert "Britain" not in [alias for aliases in found.values() for alias in aliases]


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Propaganda\n\nSource B\n\nWritten by Nella Last for Mass Observation, Barrow, 1941\n\n"
         "A diary entry from a woman in Barrow after the raids of May 1941.",
         "Written by Nella Last for Mass Observation, Barrow, 1941"),
        ("The Domesday Book\n\nThe survey divided the people of each village into groups.\n\n"
         "Categories: free men, villeins, bordars, cottars and slaves\n\nMost were villeins.",
         "Categories: free men, villeins, bordars, cottars and slaves"),
        ("The Russian Revolution\n\nLesson 1 of 3: Why did the Tsar fall?\n\nDefeat and hunger "
         "turned the people against Nicholas II.", "Lesson 1 of 3: Why did the Tsar fall?"),
        ("Appeasement\n\nIn November 1937 Hitler explained his plans for war.\n\nThe minutes of "
         "the meeting were marked not for publication.",
         "The minutes of the meeting were marked not for publication."),
    ],
)  # fmt: skip
def test_a_source_s_provenance_a_list_a_lesson_heading_and_a_sentence_are_not_furniture(
    text: str, kept: str
) -> None:
    assert kept in [t for _, t in sources.article(text, "text").blocks]


def test_a_credit_line_and_a_newsletter_heading_are_furniture() -> None:
    text = (
        "The Jarrow March\n\nThe march set out for London on 5 October 1936.\n\n"
        "Copyright: Imperial War Museum (Q 70212)\n\nThey walked almost three hundred miles."
    )
    assert "Copyright: Imperial War Museum (Q 70212)" not in sources.article(text, "text").text
    # … and a wiki's categories between bars, a licence after "Reproduced"
    for line in ["Categories: Slavery in Brazil | Empire of Brazil | Abolitionism",
                 "(c) Harriet Lowe. Reproduced for classroom use only."]:  # fmt: skip
        found = sources.article(f"Brazil\n\nSlavery ended in 1888.\n\n{line}", "text")
        assert found.skipped == [line]
    page = (
        "<html><head><title>The Tudors</title></head><body><article><h1>The Tudors</h1>"
        f"<h2>Henry VII</h2><p>{_PARAGRAPHS[0]}</p><h2>Sign up for our newsletter</h2>"
        f"<form><input></form><h2>Test your knowledge</h2><form><input></form>"
        f"<h2>Henry VIII</h2><p>{_PARAGRAPHS[1]}</p></article></body></html>"
    )
    headings = [t for role, t in sources.article(page, "html").blocks if role == "heading"]
    assert headings == ["Henry VII", "Henry VIII"]


@pytest.mark.parametrize(
    ("paragraph", "term", "definition"),
    [
        # a thousands comma ends no definition …
        ("UVF - the Ulster Volunteer Force, a unionist militia limited to 100,000 men who had "
         "signed the Covenant.", "Ulster Volunteer Force",
         "a unionist militia limited to 100,000 men who had signed the Covenant"),
        # … and a list of where a thing went is no list of appositives
        ("Their wagon trains followed the California Trail, a route of about 2,000 miles across "
         "the plains, the Rocky Mountains and the Great Basin.", "California Trail",
         "a route of about 2,000 miles across the plains"),
    ],
)  # fmt: skip
def test_a_definition_runs_past_a_number_s_comma(
    paragraph: str, term: str, definition: str
) -> None:
    """Batch 31 read as a teacher would: "California Trail — A route of about 2"."""
    assert {d.term: d.definition for d in draft_terms([paragraph])}.get(term) == definition


# -- pass 34: on batch 32's tuning (/tmp/hostile34) -------------------------------------------


@pytest.mark.parametrize(
    ("paragraph", "unwanted"),
    [("In 1919 Germany was forced to sign the Treaty of Versailles. It lost all of its colonies "
      "and 13 per cent of its land in Europe.", "Treaty of Versailles"),
     ("On 30 September 1938 Chamberlain signed the Munich Agreement. It seemed to many people in "
      "Britain that war had been avoided.", "Munich Agreement"),
     ("Since 1337 England had been fighting France, a conflict that would last until 1453.",
      "France"),
     ("In 1170, Thomas Becket was murdered, in Canterbury Cathedral, an act that horrified "
      "Christendom.", "Canterbury Cathedral"),
     ("Many scientists left Germany after 1933, among them Einstein, a loss that cost the country "
      "dearly.", "Einstein"),
     ("Prussia, Austria, Russia, and the British Army defeated Napoleon at last in 1815.",
      "British Army"),
     ("The Germans fell back from Moscow in the snow, and the Red Army pushed them back over two "
      "hundred miles.", "Red Army"),
     ("Wall Street Crash = mass unemployment in Germany", "Wall Street Crash"),
     ("Long-term cause = the alliance system dividing Europe into two armed camps",
      "Long-term cause")],
)  # fmt: skip
def test_pass_34_no_term_from_a_comment_a_list_or_another_subject(
    paragraph: str, unwanted: str
) -> None:
    """ "It" after a law is often the sentence before's subject; "a conflict that …" comments on
    the clause; a list's last member is no subject defined; "cause = effect" is no meaning."""
    assert unwanted not in [d.term for d in draft_terms([paragraph])]


def test_pass_34_a_word_and_its_year_gives_no_one_word_alias() -> None:
    """ "Revolution" for "the Revolution of 1905" linked every revolution in a unit to it."""
    (found,) = draft_terms(["The Revolution of 1905 was a wave of strikes and mutinies across "
                            "the Russian Empire."])  # fmt: skip
    assert (found.term, found.aliases) == ("Revolution of 1905", [])


@pytest.mark.parametrize(
    ("sentence", "title"),
    [("In May 1945, with the exception of Japan, all the Axis powers had surrendered to the "
      "Allies.", "With the exception of Japan"),
     ("In 1893, in New Zealand, women won the right to vote in national elections for the first "
      "time.", "In New Zealand, women won the right to vote"),
     ("In 1933, after the Japanese army had invaded the Chinese province of Manchuria in 1931, "
      "Japan left the League of Nations.", "Dated event")],
)  # fmt: skip
def test_pass_34_a_title_keeps_an_exception_a_place_and_its_own_date(
    sentence: str, title: str
) -> None:
    """Dropping "with the exception of Japan," said Japan had surrendered in May 1945; taking
    the sentence's words for a date that opens it, before an aside, titled 1933 with 1931's
    invasion. Vague but true."""
    clause, start, end, _ = happenings(sentence)[0]
    assert event_title(clause, start, end) == title


@pytest.mark.parametrize(
    ("text", "date"),
    [("Louis Napoleon was elected President of France in December 1848. Back in February a "
      "revolution in Paris had driven out King Louis-Philippe.", "1848-02"),
     ("Japan attacked Pearl Harbor on 7 December 1941. Admiral Yamamoto had first proposed the "
      "raid in a letter written in January.", "1941-01"),
     ("Fighting died down along the front in December 1914. On Christmas  Day British and German "
      "soldiers met in no man's land.", "1914-12-25")],
)  # fmt: skip
def test_pass_34_a_look_back_keeps_its_year_and_a_feast_day_s_spaces_are_read(
    text: str, date: str
) -> None:
    """A month looked back to after December was moved to the next year; "Christmas  Day" with
    two spaces stopped the draft with a KeyError."""
    from packet.draft import Taken, draft
    from packet.sources import Article

    found = Article(title="T", blocks=[("para", text)])
    assert date in [e["date"] for e in draft(found, "t", "t.txt", "t", Taken()).timeline]


def test_pass_34_a_key_people_line_is_no_book_and_a_tour_advert_is_dropped() -> None:
    from packet.draft import Taken, draft
    from packet.sources import Article

    found = Article(title="T", blocks=[("para", "Rosa Parks, Montgomery Bus Boycott (1955)")])
    assert [e["date"] for e in draft(found, "t", "t.txt", "t", Taken()).timeline] == ["1955"]
    advert = ("Walk in the footsteps of the Pals battalions on our four-day guided tour from "
              "Arras, with three nights in a family-run hotel.")  # fmt: skip
    page = sources.article(f"The battle began on 1 July 1916.\n\n{advert}\n", "text")
    assert advert in page.skipped


# -- pass 35: on the whole set's misses after batch 32 (/tmp/hostile35) ------------------------


@pytest.mark.parametrize(
    ("paragraphs", "unwanted"),
    [
        # a name given after "X of the Y," or a relative clause's object is no other name of Y
        (["Followers of the Prophet, known as Muslims, spread across Arabia."], "Prophet"),
        (["The eldest son of the Kaiser, known as Little Willy, commanded an army at Verdun."],
         "Kaiser"),
        (["Arthur Wellesley, who commanded the British Army, later known as the Iron Duke, won "
          "at Waterloo."], "British Army"),
        # a name's last word is no name given; a dash's possessive that opens a clause
        (["The new state was named Northern Ireland, a name unionists chose."], "Ireland"),
        (["The stock market crash was called Black Tuesday, a term coined by journalists."],
         "Tuesday"),
        (["Hitler invaded Poland – Britain's guarantee of Polish independence meant war."],
         "Poland"),
        (["The Union won at Gettysburg – Lee's invasion of the North was over."], "Gettysburg"),
        # "who were" and a plural; a day's name after a role; a judgement for a role
        (["The Princes in the Tower, who were boys, vanished in 1483."], "Tower"),
        (["The tanks, which were prototypes, broke down before reaching the German lines."],
         "tanks"),
        (["Roosevelt told the correspondent Tuesday that America would stay neutral."],
         "Tuesday"),
        (["Many remembered Winston Churchill, a warmonger, from Gallipoli."],
         "Winston Churchill"),
        # "which meant" is what followed, not a meaning; a caption is no key term's line
        (["After 1918 it was known as the Irish Free State, which meant it stayed in the "
          "Commonwealth."], "Irish Free State"),
        (["The Ottoman Empire – the Turkish state that ruled the Middle East – collapsed in 1922.",
          "Empire: a map of the Ottoman lands in 1683"], "Empire"),
        # a colon's plural and where it was recruited: what the soldiers were, not soldiers
        (["The empire's weakness was its soldiers: mercenaries recruited overseas who deserted "
          "when unpaid."], "soldiers"),
    ],
)  # fmt: skip
def test_pass_35_no_false_entry(paragraphs: list[str], unwanted: str) -> None:
    assert unwanted not in [d.term for d in draft_terms(paragraphs)]


@pytest.mark.parametrize(
    ("paragraph", "term", "definition"),
    [
        # "not" is no modal: the adjective stays the term's
        ("France was not absolute monarchy – rule by a king answerable to no one – after 1789.",
         "absolute monarchy", "rule by a king answerable to no one"),
        # a bracket's lower-case name is the term, not the word before it
        ("A new tax (the gabelle) – a tax on salt – was hated by the peasants.", "gabelle",
         "a tax on salt"),
        # a place ranked is defined ("the first meeting" ranks a happening, not a colony)
        ("They settled at Jamestown – the first permanent English colony in America.",
         "Jamestown", "the first permanent English colony in America"),
        ("He was imprisoned in the Tower – the most feared prison in England – for thirteen "
         "years.", "Tower", "the most feared prison in England"),
        # the names after a relative clause are no list inside it
        ("The reformers, known as the Chartists, who wanted the vote, Lovett and O'Connor, held "
         "mass meetings.", "Chartists", "The reformers who wanted the vote"),
    ],
)  # fmt: skip
def test_pass_35_the_parent_s_entry_stays(paragraph: str, term: str, definition: str) -> None:
    drafted = {d.term: d.definition for d in draft_terms([paragraph])}
    assert drafted.get(term) == definition, drafted


@pytest.mark.parametrize(
    ("sentence", "dates"),
    [
        # a relative date after "and" stays in its clause's title, no cut through both
        ("War broke out on 4 August 1914 and a week later the BEF crossed to France.",
         ["1914-08-04"]),
        ("Elizabeth was born in 1533 and three years later her mother was executed.", ["1533"]),
        # "later than" compares
        ("The Suez Canal finally opened in November 1869 but ten years later than de Lesseps had "
         "promised.", ["1869-11"]),
    ],
)  # fmt: skip
def test_pass_35_a_relative_date_after_and_or_than_is_no_happening_of_its_own(
    sentence: str, dates: list[str]
) -> None:
    assert [date for _, _, _, date in happenings(sentence)] == dates


# -- pass 36: on batch 33's tuning (/tmp/hostile36) -------------------------------------------


@pytest.mark.parametrize(
    ("paragraph", "date"),
    [
        # only a death told with its cause (or in prison or exile) is a life told to its end
        ("The war began in August 1914, and by November 1918 nearly a million soldiers of the "
         "British Empire had died. On 11 November the armistice was signed at Compiègne.",
         "1918-11-11"),
        ("Queen Victoria came to the throne in June 1837 and died at Osborne House in January "
         "1901. The following year Edward VII was crowned.", "1902"),
        # "that year" opens a sentence; a month's name is capitalised
        ("Slavery was abolished throughout the British Empire in August 1833. Until that year "
         "enslaved people in Jamaica could be bought and sold.", None),
        ("The harvest failed in 1845. Landlords complained that year after year their tenants "
         "paid less rent.", None),
        ("On 7 March 1965 state troopers beat marchers at Selma. The next march was led by "
         "Martin Luther King himself.", None),
        # a label's number and a day are no days of one month
        ("Source 2 – 28 June 1914: a photograph of the arrest of Gavrilo Princip.",
         "1914-06-28"),
        # a relative date after ", and" is its own happening; "two days later" after days
        ("Hitler was appointed Chancellor on 30 January 1933, and the following year he had "
         "Röhm and the SA leaders murdered.", "1934"),
        ("The Black and Tans arrived in March 1920. On 12-14 March 1921 the IRA fought a series "
         "of ambushes in Cork. Two days later six IRA volunteers were executed.", "1921-03-16"),
    ],
)  # fmt: skip
def test_pass_36_dates(paragraph: str, date: str | None) -> None:
    from packet.draft import Taken, draft
    from packet.sources import Article

    found = Article(title="T", blocks=[("para", paragraph)])
    dates = [e["date"] for e in draft(found, "t", "t.txt", "t", Taken()).timeline]
    if date is None:  # … no event beyond the first sentence's
        assert len(dates) == 1, dates
    else:
        assert date in dates, dates


@pytest.mark.parametrize(
    ("paragraph", "unwanted"),
    [
        ("Orville Wright flew for twelve seconds at Kitty Hawk – the first powered flight in "
         "history.", "Kitty Hawk"),
        ("The Titanic sank in the North Atlantic – the worst peacetime disaster at sea of its "
         "time.", "North Atlantic"),
        ("The Chinese state did not recognise sovereignty – the right to rule – over Tibet.",
         "recognise sovereignty"),
        ("They joined the radical left wing, or 'the Mountain', in the Convention.", "wing"),
        ("Many women had bound feet, or 'golden lilies', until the 1910s.", "feet"),
        ("Families saved by building societies, mutual organisations that lent members' savings "
         "to home buyers.", "societies"),
    ],
)  # fmt: skip
def test_pass_36_no_false_entry(paragraph: str, unwanted: str) -> None:
    assert unwanted not in [d.term for d in draft_terms([paragraph])]


@pytest.mark.parametrize(
    ("page", "kept"),
    [
        # an object's details and questions are no key words; two descriptions, two terms kept
        ("<dl><dt>Object</dt><dd>Statue of Vishnu</dd><dt>Maker</dt><dd>Unknown Khmer "
         "craftsman</dd><dt>Material</dt><dd>Bronze, gilded</dd></dl>", "Unknown Khmer craftsman"),
        ("<dl><dt>baray</dt><dd>a reservoir</dd><dd>The West Baray is about eight kilometres "
         "long.</dd><dt>moat</dt><dd>a ditch of water</dd></dl>",
         "The West Baray is about eight kilometres long."),
    ],
)  # fmt: skip
def test_pass_36_only_a_list_of_key_words_is_read_as_key_term_lines(page: str, kept: str) -> None:
    html = (
        "<html><body><article><h1>Angkor</h1><p>Angkor was the capital of the Khmer Empire, "
        "which ruled much of mainland South-East Asia from the ninth to the fifteenth "
        f"century.</p>{page}</article></body></html>"
    )
    blocks = sources.article(html, "html").blocks
    assert any(kept in text for _, text in blocks), blocks
    assert not any(text.startswith("**") for _, text in blocks), blocks


@pytest.mark.parametrize(
    "line",
    ["See you in the spring, if the war is over by then!",
     "- Unit 731 – the army's germ-warfare unit – based near Harbin",
     "By William Hogarth, Gin Lane"],
)  # fmt: skip
def test_pass_36_a_letter_a_key_term_and_an_attribution_are_text(line: str) -> None:
    found = sources.article(f"The army marched west in 1914.\n\n{line}\n\nIt rained.\n", "text")
    assert line not in found.skipped, found


# -- pass 37: on the teacher's read of batch 33 (/tmp/hostile37) -------------------------------


@pytest.mark.parametrize(
    ("sentence", "term", "definition"),
    [
        ("South Africa built a system of apartheid, meaning separateness.", "apartheid",
         "separateness"),
        ("Gandhi preached the doctrine of ahimsa, meaning non-violence.", "ahimsa",
         "non-violence"),
        ("Copernicus argued for heliocentrism – the theory that the Earth and planets orbit the "
         "Sun.", "heliocentrism", "the theory that the Earth and planets orbit the Sun"),
    ],
)  # fmt: skip
def test_pass_37_a_meaning_glosses_the_word_after_of_and_a_theory_defines(
    sentence: str, term: str, definition: str
) -> None:
    drafted = {d.term: d.definition for d in draft_terms([sentence])}
    assert drafted.get(term) == definition, drafted


@pytest.mark.parametrize(
    ("sentence", "year", "dates"),
    [
        # a bracket that says when the sentence's happening was still says it
        ("The following year he had Röhm and other SA leaders murdered (in the purge known as "
         "the Night of the Long Knives, which began on 30 June 1934).", 1945, ["1934-06-30"]),
        # "A year before dying" is a relative date
        ("A year before dying, he dictated his Testament.", 1226, ["1225"]),
    ],
)  # fmt: skip
def test_pass_37_relative_dates(sentence: str, year: int, dates: list[str]) -> None:
    assert [date for _, _, _, date in happenings(sentence, year, str(year))] == dates


@pytest.mark.parametrize(
    ("text", "unwanted"),
    [
        ("The execution of the three men, known as the Manchester Martyrs, caused outrage.",
         ("Manchester Martyrs", "The execution of the three men")),
        ("Many people in Britain cheered Chamberlain on his return. This policy, later called "
         "appeasement, collapsed in March 1939.",
         ("appeasement", "Many people in Britain cheered Chamberlain on his return")),
        ("Britain, France and Russia, known together as the Triple Entente, faced the Central "
         "Powers.", ("Triple Entente", "France and Russia")),
        ("An old woman, known to villagers as a witch, was put on trial.",
         ("a witch", "An old woman")),
        ("A man, known as the Mahdi, led the rising.", ("Mahdi", "A man")),
        ("Reformers such as Robert Owen founded cooperatives, shops owned by their own members.",
         None),
        ("The Allied target, Germany's industrial heartland Ruhr Valley, was bombed.",
         ("Ruhr Valley", "The Allied target")),
        ("The two sides were called roundheads and cavaliers.",
         ("roundheads and cavaliers", "The two sides")),
    ],
)  # fmt: skip
def test_pass_38_asides_and_names_given(text: str, unwanted: tuple[str, str] | None) -> None:
    """Hostile pass 38 on the names given in asides: the event done to people is no
    definition of their name; a sentence before "This policy, later called …" may tell
    anything; a list's first member is not dropped; "known to villagers as a witch" is a
    description; "A man" says too little; a verb after "such as X" ends the example (Owen's
    cooperatives are defined); a place is no one's kin; two names are not one term."""
    found = [(t.term, t.definition) for t in draft_terms([text])]
    lowered = [(t, d[:1].lower() + d[1:]) for t, d in found]
    assert unwanted not in found and unwanted not in lowered, found
    if unwanted is None:
        assert ("cooperatives", "shops owned by their own members") in found, found


# Hostile pass 39 on the dates and plain-text furniture read from batch 34: counts and a unit's
# number read as years of three digits, and article text, headings and titles lost.
_PASS_39_DATES = [
    ("Cleisthenes created the Council of 500 in 508 BC.", ["500"]),
    (
        "In December 1835 a council of 300 Cherokee met at New Echota and signed away their lands.",
        ["300"],
    ),
    ("The dams were breached by 617 Squadron, led by Guy Gibson, on 17 May 1943.", ["617"]),
    (
        "Josef František flew in 303 Squadron, the most successful RAF unit in the Battle of "
        "Britain.",
        ["303"],
    ),
    ("At Ōrākau in 1864 the pā was defended by 300 Māori, including women and children.", ["300"]),
    (
        "The English garrison at Calais held out until 300 Frenchmen broke through the walls "
        "in January 1558.",
        ["300"],
    ),
    (
        "Of the 500 colonists at Jamestown in October 1609, probably around 440 died during "
        "the Starving Time.",
        ["c. 440"],
    ),
    ("Of the 600 children sent, perhaps around 150 returned to their families.", ["c. 150"]),
    ("In 1519 Cortés landed with perhaps about 500, along with sixteen horses.", ["c. 500"]),
    (
        "Of the motte-and-bailey castles, the Normans built about 500 in the first twenty "
        "years after 1066.",
        ["c. 500"],
    ),
    ("Of the 500 council houses planned, builders completed around 300 by 1921.", ["c. 300"]),
    ("The Spartan force at Thermopylae was probably around 300 or 400.", ["c. 300", "300", "400"]),
    ("Each week the crowds on Kersal Moor grew by 200 or 300.", ["200", "300"]),
    (
        "When the troopship sank off the Cape in 1852, fewer than half of 600 on board survived.",
        ["600"],
    ),
    ("Only half of 600 returned home; the rest lay in Spanish soil.", ["600"]),
    (
        "In 376 tens of thousands of Goths gathered on the Danube; Alaric was born in 370 or 375.",
        [],
    ),
    (
        "On the last day of 406 the Vandals crossed the frozen Rhine; by a treaty of 418 the "
        "Goths were settled in Aquitaine.",
        [],
    ),
    (
        "The regiment lost half of 600 soldiers at Loos in 1915; its colonel was born around "
        "300 miles away.",
        ["600", "c. 300", "300"],
    ),
]


@pytest.mark.parametrize(("text", "not_dates"), _PASS_39_DATES)
def test_pass_39_a_count_is_no_year(text: str, not_dates: list[str]) -> None:
    """ "the Council of 500", "by 617 Squadron,", "300 Frenchmen broke", "perhaps around 150
    returned", "grew by 200 or 300", "half of 600": counts, not years."""
    found = [d for _, _, d in find_dates(text)]
    assert not set(found) & set(not_dates), found


_PASS_39_ARTICLES = [
    (
        "THE FALL OF SINGAPORE\n=====================\nBACKGROUND\n==========\nIn February "
        "1942 the Japanese army captured Singapore, Britain's great naval base in the Far "
        "East.\n",
        {"title": "THE FALL OF SINGAPORE", "blocks": [("heading", "BACKGROUND")]},
        {"skipped": ["THE FALL OF SINGAPORE"]},
    ),
    (
        "The Tolpuddle Martyrs, 1834\nIntroduction\n============\nIn 1834 six farm labourers "
        "from Dorset were sentenced to transportation.\n",
        {"title": "The Tolpuddle Martyrs, 1834", "blocks": [("heading", "Introduction")]},
        {"skipped": ["The Tolpuddle Martyrs, 1834"]},
    ),
    (
        "The Jarrow Crusade\n------------------\nIn October 1936, 200 men marched from Jarrow "
        "to London to ask for work.\n",
        {"title": "The Jarrow Crusade"},
        {},
    ),
    (
        "Dunkirk – triumph or disaster\nIn May 1940 the British Expeditionary Force was "
        "trapped on the beaches around Dunkirk.\n",
        {"title": "Dunkirk – triumph or disaster"},
        {},
    ),
    (
        "History Hub\nDunkirk – triumph or disaster\nBy Helen Marsh\nIn May 1940 the British "
        "Expeditionary Force was trapped on the beaches around Dunkirk.\n",
        {"title": "Dunkirk – triumph or disaster"},
        {"title": ["History Hub"]},
    ),
    (
        "The Chartists\nThe Chartists wanted the vote for working men.\nChartism – aims and "
        "methods\nThe People's Charter of 1838 set out six demands.\nPeterloo – massacre or "
        "riot\nIn August 1819 cavalry charged a crowd at St Peter's Field in Manchester.\n",
        {
            "blocks": [
                ("heading", "Chartism – aims and methods"),
                ("heading", "Peterloo – massacre or riot"),
            ]
        },
        {},
    ),
    (
        "Russia after the Revolution\nThe Bolsheviks took power in October 1917.\nUSSR – "
        "Stalin's Five-Year Plans\nFrom 1928 Stalin set targets for coal, steel and oil.\n",
        {"blocks": [("heading", "USSR – Stalin's Five-Year Plans")]},
        {},
    ),
    (
        "The Hungry Thirties\nBritain in the 1930s was two nations.\nIV – The March from "
        "Jarrow\nIn October 1936 the marchers set off for London.\n",
        {"blocks": [("heading", "IV – The March from Jarrow")]},
        {},
    ),
    (
        "Das Kapital\nMarx published the first volume of Capital in 1867.\nLast edited by "
        "Engels, the third volume of Capital appeared in 1894.\nIt is still read today.\n",
        {
            "blocks": [
                ("para", "Last edited by Engels, the third volume of Capital appeared in 1894.")
            ]
        },
        {},
    ),
    (
        "The Schlieffen Plan\nGermany feared a war on two fronts.\nLast updated by Moltke in "
        "1913, the Schlieffen Plan assumed Russia would take six weeks to mobilise.\nIt failed "
        "in September 1914.\n",
        {
            "blocks": [
                (
                    "para",
                    "Last updated by Moltke in 1913, the Schlieffen Plan assumed Russia would "
                    "take six weeks to mobilise.",
                )
            ]
        },
        {},
    ),
    (
        "The Reformation\nLast updated in 1662, the Book of Common Prayer is still used in the "
        "Church of England today.\nIt was first written by Thomas Cranmer in 1549.\n",
        {
            "blocks": [
                (
                    "para",
                    "Last updated in 1662, the Book of Common Prayer is still used in the "
                    "Church of England today.",
                )
            ]
        },
        {},
    ),
    (
        "The Five Members, 1642\nIn January 1642 Charles I entered the Commons to arrest five "
        "MPs.\nSpeaker: William Lenthall\nWhen the King asked where the five members were, "
        "Lenthall knelt and said he had neither eyes to see nor tongue to speak but as the "
        "House directed.\n",
        {"blocks": [("heading", "Speaker: William Lenthall")]},
        {},
    ),
    (
        "Source C\nThe suffragette leader spoke in America in 1913.\nSpeaker: Emmeline "
        "Pankhurst\nI am here as a soldier who has temporarily left the field of battle in "
        "order to explain what civil war is like.\n",
        {"blocks": [("heading", "Speaker: Emmeline Pankhurst")]},
        {},
    ),
    (
        "Elizabeth I: Fact File\nElizabeth was born at Greenwich in September 1533.\nTutor: "
        "Roger Ascham\nAscham taught Elizabeth Latin and Greek, and praised her quick mind.\n",
        {"blocks": [("heading", "Tutor: Roger Ascham")]},
        {},
    ),
    (
        "The Causes of the First World War\nHistorians divide the causes into long-term and "
        "short-term.\nLong-term causes: Alliances > Arms race > Imperialism > Nationalism\nThe "
        "alliance system meant a local war could quickly spread.\n",
        {},
        {"skipped": ["Long-term causes: Alliances > Arms race > Imperialism > Nationalism"]},
    ),
    (
        "The Home Front\nBritain's civilians were mobilised for total war.\n1939–1945 – Dig "
        "for Victory – a Ministry of Agriculture booklet on growing food\n1940–1941 – The "
        "Blitz – German bombers attacked London and other cities\n",
        {},
        {
            "skipped": [
                "1939–1945 – Dig for Victory – a Ministry of Agriculture booklet on growing food"
            ]
        },
    ),
    (
        "Japanese Americans in the Second World War\nAfter Pearl Harbor many Americans "
        "distrusted their Japanese neighbours.\n1942–1945 – Internment – camps run for the War "
        "Department\nAbout 120,000 people were held in the camps.\n",
        {},
        {"skipped": ["1942–1945 – Internment – camps run for the War Department"]},
    ),
    (
        "D-Day landing ships\nMany landing ships carried tanks to the beaches.\nLST-325 – a "
        "tank landing ship – Omaha Beach, 6 June 1944\nLST-325 later served in the Korean "
        "War.\n",
        {},
        {"skipped": ["LST-325 – a tank landing ship – Omaha Beach, 6 June 1944"]},
    ),
    (
        "History Hub\nHome > My courses > Unit 4: The Empire at War > Lecture notes\nTutor: Dr "
        "Helen Marchetti\nThe Fall of Rome\n================\nIn 410 Alaric's Goths sacked "
        "Rome.\nCapitulation - surrender to an enemy\nPOW - prisoner of war\n---\nLast edited "
        "by Ms H. Dlamini on 17 January 2025 · View history\n",
        {
            "title": "The Fall of Rome",
            "blocks": [
                ("para", "Capitulation - surrender to an enemy"),
                ("para", "POW - prisoner of war"),
            ],
            "skipped": [
                "Home > My courses > Unit 4: The Empire at War > Lecture notes",
                "Tutor: Dr Helen Marchetti",
                "Last edited by Ms H. Dlamini on 17 January 2025 · View history",
            ],
        },
        {},
    ),
    (
        "The Chartists\nMany Chartists were skilled craftsmen.\nTeacher: the Chartist William "
        "Lovett ran a school for working men\nLovett believed in moral force.\n",
        {"blocks": [("para", "Teacher: the Chartist William Lovett ran a school for working men")]},
        {},
    ),
    (
        "GCSE History · Paper 3 · The Cold War\nThe Cold War\nThe Berlin Blockade began in "
        "June 1948.\n",
        {"title": "The Cold War", "skipped": ["GCSE History · Paper 3 · The Cold War"]},
        {},
    ),
]


@pytest.mark.parametrize(("text", "wanted", "unwanted"), _PASS_39_ARTICLES)
def test_pass_39_text_headings_and_titles_are_kept(
    text: str, wanted: dict[str, Any], unwanted: dict[str, Any]
) -> None:
    """An underlined section heading is no title, a key word's line needs a gloss ("Chartism –
    aims and methods" is a heading), "Last updated by Moltke in 1913, …" and "Tutor: Roger
    Ascham" are text, a list of causes with ">" is no breadcrumb, a timeline line is no course
    line."""
    found = sources.article(text, "text")
    if "title" in wanted:
        assert found.title == wanted["title"], found
    for block in wanted.get("blocks", []):
        assert tuple(block) in found.blocks, found
    for line in wanted.get("skipped", []):
        assert line in found.skipped, found
    for line in unwanted.get("skipped", []):
        assert line not in found.skipped, found
    for title in unwanted.get("title", []):
        assert found.title != title, found


# Hostile pass 40 on the term rules read from batch 34: each sentence's term must not be drafted.
_PASS_40 = [
    (
        "Napoleon first beat the Austrians at Ulm, then the combined army of Russia and "
        "Austria at Austerlitz.",
        "Ulm",
    ),
    ("Henry V took Harfleur, then the rest of Normandy.", "Harfleur"),
    ("Prussia first fought Denmark, later the Habsburg Empire, and finally France.", "Denmark"),
    ("Caesar crossed the Rubicon, then the whole of Italy fell to him.", "Rubicon"),
    (
        "The Tsar had gone, now power lay in the hands of the Provisional Government and the "
        "Soviet.",
        "gone",
    ),
    ("He was first a soldier, later the governor of Jamaica.", "soldier"),
    ("Thomas Cromwell rose fast, formerly a servant of Wolsey.", "fast"),
    (
        "Hannibal destroyed one Roman army at Trebia, another at Lake Trasimene, and a third "
        "at Cannae.",
        "Trebia",
    ),
    ("The court moved to Winchester, then the capital, for the coronation.", "Winchester"),
    (
        "Elizabeth executed Mary, Queen of Scots, another Catholic threat to her throne.",
        "Queen of Scots",
    ),
    (
        "According to Tacitus, a Roman general, Agricola, reached the far north of Scotland.",
        "Tacitus",
    ),
    (
        "According to Engels, a typical Manchester cellar, damp and airless, housed a dozen "
        "people.",
        "Engels",
    ),
    (
        "According to Magna Carta, a free man, whatever his rank, could not be imprisoned "
        "without trial.",
        "Magna Carta",
    ),
    (
        "According to Salic Law, a woman, however royal, could not inherit the French throne.",
        "Salic Law",
    ),
    ("The general **Napoleon** feared most was Wellington.", "Napoleon"),
    (
        "The public broadcaster John Reith built, the BBC, was funded by a licence fee.",
        "John Reith",
    ),
    ("The little steamer Livingstone took up the Zambezi leaked badly.", "Livingstone"),
    ("The flagship Nelson sailed in, HMS Victory, is preserved at Portsmouth.", "Nelson"),
    ("The cruiser Kitchener was travelling on, HMS Hampshire, struck a mine in 1916.", "Kitchener"),
    ("The first submarine Britain commissioned was the Holland 1.", "Britain"),
    ("The Tsar was unpopular, as his reliance on Rasputin was widely known.", "unpopular"),
    (
        "The Peterloo Massacre, as the event was quickly called, shocked the country.",
        "Peterloo Massacre",
    ),
    (
        "The Jarrow Crusade, as the march was proudly called, reached London in November 1936.",
        "Jarrow Crusade",
    ),
    ("Interpretation A: Haig was a butcher who sent a generation to its death.", "Haig"),
    ("Historian A. J. P. Taylor argued: Hitler was an ordinary German statesman.", "Hitler"),
    ("Churchill had warned: Munich was a total and unmitigated defeat.", "Munich"),
    (
        "Source C: Oliver Cromwell was a hypocrite and a tyrant, wrote a royalist in 1660.",
        "Oliver Cromwell",
    ),
    ("Stalin's judgement was harsh: the kulaks were a class of exploiters.", "kulaks"),
    (
        "The verdict of the court was harsh: Sir Thomas More was a traitor and must die.",
        "Sir Thomas More",
    ),
]


@pytest.mark.parametrize(("text", "unwanted"), _PASS_40)
def test_pass_40_no_false_entry(text: str, unwanted: str) -> None:
    """ "then the rest of Normandy" after a list's first item, "According to Tacitus, a Roman
    general, Agricola …", "The general Napoleon feared most …", "The flagship Nelson sailed
    in, …", "as his reliance on Rasputin was widely known", "Interpretation A: Haig was a
    butcher …": no entry for the word before."""
    assert unwanted not in [t.term for t in draft_terms([text])]


# Hostile pass 42 on the rules read from batch 35 (tables, front matter, offices, ranks,
# judgements, key lines with brackets): what each drafted falsely, or lost.
_PASS_42_TERMS = [
    ("The letter was sent to Thomas Cranmer, the King, and the Council.", "Thomas Cranmer"),
    ("He wrote to Georg Spalatin, the Elector, and the Archbishop of Mainz.", "Georg Spalatin"),
    ("Churchill called the shooting monstrous.", "shooting monstrous"),
]


@pytest.mark.parametrize(("text", "unwanted"), _PASS_42_TERMS)
def test_pass_42_no_false_entry(text: str, unwanted: str) -> None:
    """A name in a list before an office ("Thomas Cranmer: the King"); a judgement."""
    assert unwanted not in [t.term for t in draft_terms([text])]


@pytest.mark.parametrize(
    ("text", "term", "aliases"),
    [
        ("Treaty of Versailles (1919) – the peace treaty with Germany.", "Treaty of Versailles",
         []),
        ("Private Members’ Bill – a law proposed by an MP who is not a minister.",
         "Private Members’ Bill", []),
        ("A steam engine that pulled wagons on rails was called a locomotive.", "locomotive",
         []),
    ],
)  # fmt: skip
def test_pass_42_no_year_or_rank_for_another_name_and_a_noun_is_no_judgement(
    text: str, term: str, aliases: list[str]
) -> None:
    """ "Somme (1916) – …" has no alias "1916", "Private" in a bill's name is no rank, a noun
    ending "-ive" or "-ic" after "called a" is the name it is."""
    assert (term, aliases) in [(t.term, t.aliases) for t in draft_terms([text])]


@pytest.mark.parametrize(
    "text",
    [
        "---\nSummary: The Treaty of Versailles was signed on 28 June 1919.\n---\n\nText.\n",
        "---\nArmistice: an agreement to stop fighting\n---\n\nText of 1918.\n",
    ],
)
def test_pass_42_a_box_between_rules_is_no_front_matter(text: str) -> None:
    found = sources.article(text, "markdown")
    assert found.skipped == [] and any(":" in line for _, line in found.blocks)


def test_pass_42_a_table_of_battles_still_gives_its_events() -> None:
    table = (
        "# 1066\n\nThree battles decided the year.\n\n| Battle | Date | Result |\n|---|---|---|\n"
        "| Fulford | 20 September 1066 | Norse victory |\n"
        "| Stamford Bridge | 25 September 1066 | English victory |\n"
    )
    assert {"1066-09-20", "1066-09-25"} <= dates_drafted(table)


def dates_drafted(markdown: str) -> set[str]:
    """The dates of the events drafted from a Markdown page."""
    drafts = draft(sources.article(markdown, "markdown"), "s", "s.md", "s", Taken())
    return {event["date"] for event in drafts.timeline}


# Hostile pass 43 on the mends of a teacher's read of batch 35: 14 regressions, mended (a look
# ahead "where it still lies" was taken back: a story's own next step says "still" too).
def test_pass_43_dates_a_story_goes_on_with() -> None:
    text = (
        "# 1918\n\nThe war began in August 1914. In 1918 the armistice was signed in a railway "
        "carriage at Compiègne, a replica of which still stands there today. At 11 a.m. on 11 "
        "November the guns fell silent.\n"
    )
    assert "1918-11-11" in dates_drafted(text)
    assert "793" in [d for _, _, d in find_dates("Raids went on from 793 to at least 1066.")]
    assert [d for *_, d in happenings("On 8 November Decree on Peace was issued.", 1917)] == [
        "1917-11-08"
    ]


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("Haig: British commander on the Western Front, 1916.", "Haig"),
        ("- **Dreadnought** – a new type of battleship launched by Britain in 1906. See Massie, "
         "*Dreadnought* (New York: Random House, 1991).", "Dreadnought"),
    ],
)  # fmt: skip
def test_pass_43_a_key_word_ending_with_a_book_is_still_drafted(text: str, term: str) -> None:
    assert term in [t.term for t in draft_terms([text])]


def test_pass_43_a_plain_title_stays_over_a_first_heading() -> None:
    found = sources.article("The Cold War, 1945–91\n\n# Introduction\n\nIt began.\n", "markdown")
    assert found.title == "The Cold War, 1945–91"
    both = sources.article("# The Causes of the War\n\n# Introduction\n\nIt began.\n", "markdown")
    assert both.title == "The Causes of the War"


# Hostile pass 44 on the late mends (dash asides in titles, first names as aliases, a table's
# first cell, a page's first heading): 24 regressions, mended.
def test_pass_44_a_table_s_first_cell_may_be_marked() -> None:
    rows = [
        "Text.", "| Term | Meaning |", "|---|---|",
        "| **Appeasement** | giving in to demands to avoid war |",
        "| *Blitzkrieg* | lightning war |", "| \"Diktat\" | a dictated peace |",
    ]  # fmt: skip
    assert [t.term for t in draft_terms(rows)] == ["Appeasement", "Blitzkrieg", "Diktat"]


def test_pass_44_counts_and_a_page_s_first_heading() -> None:
    assert find_dates("The garrison grew from 600 to at least 900 men under Hadrian.") == []
    for line in ("Year 8 History", "Posted 12 March 2021", "Print this page"):
        page = sources.article(
            f"{line}\n\n# The Peasants' Revolt\n\nIt began in 1381.\n", "markdown"
        )
        assert page.title == "The Peasants' Revolt", line


# Hostile pass 45 on the whole set's mends (one of a list described, an appositive inside an
# opening, "A friendly society was …", a name's "the first …", prepositions and describing
# words before a term, "Act 1965", ", meaning" glosses): 36 regressions, mended.
@pytest.mark.parametrize(
    "sentence",
    [
        # an opening with its own verb: the appositive says what happened, not what a place is
        "After Lincoln was shot at Ford's Theatre, the first assassination of a president, "
        "Johnson was sworn in.",
        "When Britain declared war on Germany, a decision taken without consulting the "
        "dominions, Canada was automatically at war.",
        "Before Munich, the high point of appeasement, Chamberlain had flown to Germany twice.",
        # a ranking, or a list that goes on after one of its items
        "Products included cotton, the most important, and tobacco.",
        "The Allies included Italy, the last to join, in 1915.",
        "The Triple Entente included Britain, a naval power, France and Russia.",
        # a time, a participle, a verdict, a fact: no term
        "The following day was the bloodiest in American history.",
        "The ensuing war was a disaster for Spain.",
        "The only survivor was a cabin boy from Plymouth.",
        "The fighting was the fiercest of the war.",
        "The uprising was a failure and its leaders were hanged.",
        "New Zealand was the first country to give women the vote.",
        "The Soviet Union was the first country to put a man in space.",
        "The casualties were men wounded in the first hour of the attack.",
        # what followed, not a gloss; a description taken for a name
        "The Nazis rejected the peace terms, meaning the war would go on.",
        "The king was deeply unpopular, meaning few would fight for him.",
        "A treaty signed at Brest-Litovsk, known as a humiliating peace, ended the war.",
        # a section of an Act is not the Act
        "Section 28 of the Local Government Act 1988, which banned the promotion of "
        "homosexuality, was repealed in 2003.",
    ],
)
def test_pass_45_no_false_definition(sentence: str) -> None:
    assert [(t, d) for t, d, _ in defined_terms(sentence)] == []


@pytest.mark.parametrize(
    ("sentence", "wanted"),
    [
        ("The regular clergy were monks and friars who lived under a religious rule.",
         ("regular clergy", "monks and friars who lived under a religious rule")),
        ("The Representation of the People Act 1918, which gave some women the vote, tripled "
         "the electorate.",
         ("Representation of the People Act 1918", "which gave some women the vote")),
        ("Since the Act of Union of 1800, the law that abolished the old Irish parliament, "
         "Ireland had been part of the United Kingdom.",
         ("Act of Union", "the law that abolished the old Irish parliament")),
        ("During Ramadan, the Muslim month of fasting, many soldiers refused to eat.",
         ("Ramadan", "the Muslim month of fasting")),
        ("Liu Shaoqi was denounced as a \"capitalist roader\", meaning people who were taking "
         "China back to capitalism.",
         ("capitalist roader", "people who were taking China back to capitalism")),
        ("(A lynching is a killing by a mob, without any trial.)",
         ("lynching", "a killing by a mob, without any trial")),
    ],
)  # fmt: skip
def test_pass_45_what_should_still_be_read(sentence: str, wanted: tuple[str, str]) -> None:
    assert wanted in [(t, d) for t, d, _ in defined_terms(sentence)]


# Hostile pass 46 on batch 36's mends (a journal's furniture, a time then the subject, an
# opening's possessive subject, more titles, two people): 41 regressions, mended.
@pytest.mark.parametrize(
    "line",
    [
        "Key words: Chartism – a working-class movement for the vote in the 1830s and 1840s",
        "Key words: serf, villein, manor, tithe, demesne, open-field system",
        "Source C: Edward Gibbon, The History of the Decline and Fall (1776), Vol. 1, pp. 68–70",
        "In 1796 the pamphlet was reprinted with the permission of its author, and ten thousand "
        "copies were sold.",
        "From 1735 Hogarth's prints could only be reproduced with the permission of the artist.",
        "Old Moore's Almanack is published once a year, as it has been since 1697.",
        "Posted by Lance Corporal Frank Richards · Bois-Grenier · 25 December 1914",
        "-- End of Roman rule in Britain, AD 410 --",
    ],
)
def test_pass_46_history_is_no_journal_furniture(line: str) -> None:
    found = sources.article(f"{line}\n\nThe war began in 1914.", "text")
    assert not found.skipped, found.skipped


@pytest.mark.parametrize(
    ("sentence", "unwanted"),
    [
        ("On 22 August 1642, at Nottingham, the start of the Civil War, the King's standard was "
         "raised.", "Nottingham"),
        ("In 1066, at Hastings, the last successful invasion of England, Harold's army was "
         "destroyed.", "Hastings"),
        ("In the summer Olympics, the games Hitler hosted in Berlin, Jesse Owens won four golds.",
         "Olympics"),
        ("According to Bede, a monk at Jarrow, Augustine's mission landed in Kent in 597.",
         "Jarrow"),
        ("Karl Marx and Friedrich Engels, the authors of the Communist Manifesto, met in 1844.",
         "Friedrich Engels"),
        ("Saint Kitts and Nevis, a small island nation, became independent in 1983.", "Nevis"),
        ("The Baltimore and Ohio Railroad, a line begun in 1828, ran west.", "Ohio Railroad"),
    ],
)  # fmt: skip
def test_pass_46_no_false_term(sentence: str, unwanted: str) -> None:
    assert unwanted not in [t for t, _, _ in defined_terms(sentence)]


def test_pass_46_a_title_before_a_place_gives_no_alias() -> None:
    found = {t: a for t, _, a in defined_terms(
        "They stayed at the Ambassador Hotel, a grand building on Wilshire Boulevard."
    )}  # fmt: skip
    assert found["Ambassador Hotel"] == ()  # was ("Hotel",), with "Ambassador" a title


# Hostile pass 47 on the days of a month, more roles, and what a thing was without an article:
# 25 regressions, 23 mended (left: "The Senate voted 21 to 23 March 1850", a vote read as days;
# "The signalman Dickens imagined …", a role before a name and a clause without "that", as for
# every role).
@pytest.mark.parametrize(
    "sentence",
    [
        "Slavery was not a side issue but a central cause of the war.",
        "The East India Company was Ruler of Bengal after Plassey.",
        "A pound was worth far more in 1800 than it is today.",
        "A field hand was worth up to $1,800 at auction in 1860.",
        "The First World War was fought on a scale never seen before.",
        "The war was lost for several reasons; a central reason was the opposition of the Senate.",
        "The guide Baedeker published for the Rhine became a tourist's bible.",
    ],
)
def test_pass_47_no_false_definition(sentence: str) -> None:
    assert [(t, d) for t, d, _ in defined_terms(sentence)] == []


@pytest.mark.parametrize(
    ("sentence", "wanted"),
    [
        ("Magna Carta, John's charter sealed at Runnymede in 1215, limited the king's power.",
         ("Magna Carta", "John's charter sealed at Runnymede in 1215")),
        ("A guinea was worth twenty-one shillings.", ("guinea", "worth twenty-one shillings")),
        ("The Battle of the Boyne was fought between 1 and 12 July 1690.",
         ("Battle of the Boyne", "fought between 1 and 12 July 1690")),
    ],
)  # fmt: skip
def test_pass_47_what_should_still_be_read(sentence: str, wanted: tuple[str, str]) -> None:
    assert wanted in [(t, d) for t, d, _ in defined_terms(sentence)]


# Hostile pass 48 on the teacher's-read mends (a sharing notice, a mistake line, a byline's
# role, a reading list's tail, a worksheet's task, a source's caption): 32 regressions, mended.
@pytest.mark.parametrize(
    "text",
    [
        "Lincoln told his cabinet on 22 July 1862: do not circulate the proclamation until we win "
        "a victory.",
        "Found a mistake in Ptolemy's tables; published De revolutionibus in 1543.",
        "Tolpuddle Martyrs were sentenced at Dorchester on 19 March 1834. See Joyce Marlow, The "
        "Tolpuddle Martyrs (London: Deutsch, 1971), p. 40.",
        "Extension: The Second Reform Act of 1867 nearly doubled the electorate.",
        "Source B: From 1845 to 1849 about a million people died in the Irish famine.",
        "Source D: a photograph taken at Checkpoint Charlie on 27 October 1961, when US and Soviet "
        "tanks faced each other.",
    ],
)
def test_pass_48_history_keeps_its_events(text: str) -> None:
    found = sources.article(text, "text")
    drafts = draft(found, "x", "x.txt", "x", Taken())
    assert not found.skipped and drafts.timeline, (found.skipped, drafts.timeline)


def test_pass_48_a_byline_s_surname_is_no_role() -> None:
    assert sources._a_byline_s_name("Emma Staff; John Hughes") == "Emma Staff; John Hughes"
    assert sources._a_byline_s_name("Eilidh Kerr; Volunteer Researcher;") == "Eilidh Kerr"


def test_pass_48_a_bold_task_label_gives_no_event() -> None:
    found = sources.article("**Task 3:** Explain why the Armada failed in 1588.", "markdown")
    assert draft(found, "x", "x.md", "x", Taken()).timeline == []
